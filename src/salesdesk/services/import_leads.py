"""Importing leads from a table (storage.files.read_table of a CSV or XLSX file).

Rules of the game (what the import dialog and `salesdesk import leads` say):
- Columns map to lead fields as services/lead_columns.py guesses them, as remembered for
  files laid out the same way, or as the user chose; the mapping used is remembered.
- Every row is read and checked (services/lead_rows.py); if any row is refused, nothing
  is imported and every refusal is reported with its row and column.
- Duplicates (services/lead_dedupe.py) are grouped: rows of the file among themselves and
  with the workspace's leads. Each group gets one choice (a default, and per group by its
  key, 'row N'):
  skip   - a lead already in the workspace stays as it is and the rows are skipped; among
           rows of the file only, the first row is created and the others skipped;
  merge  - the lead (existing, or the group's first row) keeps its values and takes what
           it lacks from the other rows: empty fields filled, notes and hand-made
           segments added;
  update - the lead takes every value the other rows give, in file order (the last row
           wins); a status move the lead's rules refuse is left out and reported.
- Created and changed leads get their territory, score, segments and SLA worked out
  (services/lead_enrichment.py). Everything is one transaction: all or nothing.
"""

from __future__ import annotations

import enum
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from operator import attrgetter, itemgetter

from salesdesk.domain.errors import DomainError, ValidationError
from salesdesk.domain.leads import LeadData, company_key, person_key
from salesdesk.gc_pause import paused_gc
from salesdesk.services import lead_settings
from salesdesk.services.common import OpChanges
from salesdesk.services.imports import (
    ImportReport,
    Progress,
    RowLike,
    RowProblems,
    TableLike,
)
from salesdesk.services.lead_columns import LeadMapping, given_mapping, guess_mapping
from salesdesk.services.lead_dedupe import Group, Keys, find_groups
from salesdesk.services.lead_enrichment import LeadEnricher
from salesdesk.services.lead_merge import combine
from salesdesk.services.lead_rows import ReadRow, RowReader
from salesdesk.services.unit_of_work import UnitOfWork, UnitOfWorkFactory

_WHO = attrgetter("email", "person_name", "company")
BATCH = 5_000
"""Rows read at once (a column at a time, see services/lead_rows.py)."""
SHOWN_GROUPS = 200
"""Duplicate groups a preview describes in full (all are counted)."""


class Choice(enum.StrEnum):
    SKIP = "skip"
    MERGE = "merge"
    UPDATE = "update"


@dataclass
class LeadImportReport(ImportReport):
    merged: list[str] = field(default_factory=list)
    refused: list[str] = field(default_factory=list)
    mapping: LeadMapping | None = None

    def summary(self) -> str:
        """The first line of `lines()`: what happened, counted."""
        return (f"{self.source}: {len(self.created)} created, {len(self.merged)} merged, "
                f"{len(self.updated)} updated, {len(self.skipped)} skipped, "
                f"{len(self.refused)} refused")

    def lines(self) -> list[str]:
        out = [self.summary()]
        for verb, items in (("created", self.created), ("merged", self.merged),
                            ("updated", self.updated), ("skipped", self.skipped),
                            ("refused", self.refused)):
            out += [f"  {verb} {x}" for x in items]
        return out + [f"  note: {x}" for x in self.notes]


class LeadImportRefused(DomainError):
    """Rows were refused; nothing was imported. `report.refused` lists every refusal."""

    def __init__(self, report: LeadImportReport):
        self.report = report
        shown = "\n".join(f"  {p}" for p in report.refused[:50])
        more = len(report.refused) - 50
        super().__init__(f"{report.source}: nothing was imported, {len(report.refused)} "
                         f"row problem(s):\n{shown}"
                         + (f"\n  ... and {more} more" if more > 0 else ""))


@dataclass(frozen=True)
class LeadImportPreview:
    mapping: LeadMapping
    rows: int
    problems: list[str]
    groups: list[Group]
    """The first SHOWN_GROUPS duplicate groups; `duplicate_groups` counts them all."""
    duplicate_groups: int


@dataclass
class _Plan:
    mapping: LeadMapping
    rows: list[ReadRow]
    groups: list[Group]
    problems: RowProblems
    formulas: int = 0


def _mapping(uow: UnitOfWork, table: TableLike, fields: Mapping[str, str] | None
             ) -> LeadMapping:
    if fields is not None:
        return given_mapping(table, fields)
    remembered = lead_settings.remembered_mapping(uow, table.headers)
    if remembered:
        try:
            return given_mapping(table, remembered, "remembered")
        except ValidationError:
            pass  # the layout's columns changed meaning: guess again
    return guess_mapping(table)


def _plan(uow: UnitOfWork, table: TableLike, fields: Mapping[str, str] | None,
          now: datetime, progress: Progress | None) -> _Plan:
    mapping = _mapping(uow, table, fields)
    given_mapping(table, mapping.fields, mapping.source)  # the identity check, by name
    problems = RowProblems(progress)
    if not table.rows:
        problems.items.append("the file has column names but no data rows")
    zone = lead_settings.business_hours(uow).next_open(now).tzinfo  # the workspace's
    reader = RowReader(mapping.fields, uow.members.list(), zone or UTC, now)
    rows: list[ReadRow] = []
    for batch in _batches(problems.rows(table.rows)):
        read, refused = reader.read(batch)
        rows += read
        problems.items += [f"row {n}, column '{e.field}': {e.message}" for n, e in refused]
    if problems.items:
        return _Plan(mapping, rows, [], problems)
    return _Plan(mapping, rows, find_groups(_keys(uow, rows)), problems, reader.formulas)


def _batches(rows: Iterable[RowLike]) -> Iterator[list[RowLike]]:
    """The rows in batches of BATCH (progress is reported, and a cancel heard, as each
    row is taken)."""
    batch: list[RowLike] = []
    for row in rows:
        batch.append(row)
        if len(batch) == BATCH:
            yield batch
            batch = []
    if batch:
        yield batch


def _keys(uow: UnitOfWork, rows: Sequence[ReadRow]) -> list[Keys]:
    """The rows' duplicate keys (each distinct name and company keyed once), then those
    of the workspace's leads sharing one."""
    if not rows:
        return []
    emails, people, companies = zip(*(_WHO(r.lead) for r in rows), strict=True)
    pkey = {p: person_key(p) for p in set(people)}
    ckey = {c: company_key(c) for c in set(companies)}
    mine = [Keys(r.number, "", e, pkey[p], ckey[c])
            for r, e, p, c in zip(rows, emails, people, companies, strict=True)]
    found = uow.leads.key_matches({e for e in emails if e}, set(pkey.values()),
                                  set(ckey.values()))
    return mine + [Keys(0, i, email, p, c) for i, email, p, c in found]


def preview_lead_import(uow_factory: UnitOfWorkFactory, table: TableLike,
                        fields: Mapping[str, str] | None = None, *,
                        now: datetime | None = None) -> LeadImportPreview:
    """What an import would read: the mapping, the refusals and the duplicate groups.
    Nothing is written."""
    with paused_gc(), uow_factory() as uow:
        plan = _plan(uow, table, fields, (now or datetime.now(UTC)).astimezone(UTC), None)
    return LeadImportPreview(plan.mapping, len(table.rows), plan.problems.items,
                             plan.groups[:SHOWN_GROUPS], len(plan.groups))


def import_leads(uow_factory: UnitOfWorkFactory, table: TableLike,
                 fields: Mapping[str, str] | None = None,
                 on_duplicate: Choice | str = Choice.SKIP,
                 choices: Mapping[str, Choice | str] | None = None,
                 progress: Progress | None = None, *, now: datetime | None = None
                 ) -> LeadImportReport:
    """Import in one unit of work; raise LeadImportRefused (nothing written) if any row
    is refused. `choices` maps a duplicate group's key ('row 12') to its choice."""
    at = (now or datetime.now(UTC)).astimezone(UTC)
    default = Choice(on_duplicate)
    picked = {k: Choice(v) for k, v in (choices or {}).items()}
    report = LeadImportReport("leads", table.source)
    with paused_gc(), uow_factory() as uow:
        plan = _plan(uow, table, fields, at, progress)
        report.mapping = plan.mapping
        if plan.problems.items:
            report.refused = plan.problems.items
            raise LeadImportRefused(report)
        _apply(uow, plan, default, picked, report, at)
        lead_settings.remember_mapping(uow, table.headers, plan.mapping.fields)
        uow.commit()
    return report


def _label(lead: LeadData) -> str:
    who = lead.person_name or lead.email or lead.company
    return f"{who} <{lead.email}>" if lead.email and who != lead.email else who


def _apply(uow: UnitOfWork, plan: _Plan, default: Choice, picked: Mapping[str, Choice],
           report: LeadImportReport, now: datetime) -> None:
    by_row = {r.number: r for r in plan.rows}
    grouped = {n for g in plan.groups for n in g.rows}
    alone = [r for r in plan.rows if r.number not in grouped]
    creates = [r.lead for r in alone]
    created = [(r.number, r.lead) for r in alone]
    existing = {x.id: x for x in uow.leads.get_many(
        [i for g in plan.groups for i in g.lead_ids])}
    changed: list[LeadData] = []
    for group in plan.groups:
        choice = picked.get(group.key, default)
        rows = [by_row[n] for n in group.rows]
        targets = sorted((existing[i] for i in group.lead_ids if i in existing),
                         key=lambda x: (x.created_at or now, x.id))
        why = "; ".join(group.reasons)
        if targets:
            target = targets[0]
            if choice is Choice.SKIP:
                report.skipped += [f"row {r.number}: {_label(r.lead)}: already in the "
                                   f"workspace as {_label(target)} ({why})" for r in rows]
            elif combine(target, rows, choice is Choice.UPDATE, now, report, why):
                changed.append(target)
            continue
        first, rest = rows[0], rows[1:]
        creates.append(first.lead)
        created.append((first.number, first.lead))
        if choice is Choice.SKIP:
            report.skipped += [f"row {r.number}: {_label(r.lead)}: same lead as row "
                               f"{first.number} ({why})" for r in rest]
        else:
            combine(first.lead, rest, choice is Choice.UPDATE, now, report, why,
                    into=f"row {first.number}")
    for lead in creates:  # arrived now: the SLA clock and the board agree on it
        lead.received_at = lead.received_at or now
    enrich = LeadEnricher(uow, now)
    enrich.all(creates, arriving=True)
    enrich.all(changed)
    uow.leads.add_many(creates, report.source)
    created.sort(key=itemgetter(0))
    report.created += [f"row {n}: {_label(lead)}" for n, lead in created]
    _notes(plan, creates, report)
    report.changes = OpChanges(leads=True, summary=report.summary(),
                               ids=tuple(x.id for x in (*creates, *changed)))


def _notes(plan: _Plan, creates: Sequence[LeadData], report: LeadImportReport) -> None:
    if creates and not plan.mapping.header_of("received_at"):
        report.notes.append("the file gives no arrival time: the new leads' SLA clocks "
                            "start at this import")
    formulas = plan.formulas
    if formulas:
        report.notes.append(f"{formulas:,} cell(s) look like spreadsheet formulas (=, +, -, "
                            "@ first): stored as text, never run, neutralised in exports")
