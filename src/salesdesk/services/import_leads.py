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
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime
from operator import itemgetter

from salesdesk.domain.errors import DomainError, ValidationError
from salesdesk.domain.leads import LeadData
from salesdesk.gc_pause import paused_gc
from salesdesk.services import lead_settings
from salesdesk.services.common import OpChanges
from salesdesk.services.imports import ImportCancelled, ImportReport, Progress, TableLike
from salesdesk.services.lead_columns import LeadMapping, given_mapping, guess_mapping
from salesdesk.services.lead_dedupe import Group, Keys, find_groups
from salesdesk.services.lead_enrichment import EnrichmentRules
from salesdesk.services.lead_import_parts import Helper, Parts, Setup, Tick, label, wanted
from salesdesk.services.lead_merge import combine
from salesdesk.services.lead_rows import Owner
from salesdesk.services.unit_of_work import UnitOfWork, UnitOfWorkFactory

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
    setup: Setup | None
    parts: Parts | None
    groups: list[Group]
    problems: list[str]
    formulas: int = 0

    def close(self) -> None:
        if self.parts is not None:
            self.parts.close()


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
          now: datetime, progress: Progress | None, helper_wanted: bool | None = None,
          ahead: bool = False) -> _Plan:
    """Every row read and checked; if none is refused, the duplicate groups. The rows
    stay with `parts` (close the plan if it is not applied). `ahead`: the rows are
    going to be stored (see Parts.read)."""
    helper = Helper() if wanted(len(table.rows), helper_wanted) else None
    try:
        return _read(uow, table, fields, now, progress, helper, ahead)
    except BaseException:
        if helper is not None:
            helper.close()
        raise


def _read(uow: UnitOfWork, table: TableLike, fields: Mapping[str, str] | None,
          now: datetime, progress: Progress | None, helper: Helper | None, ahead: bool
          ) -> _Plan:
    mapping = _mapping(uow, table, fields)
    given_mapping(table, mapping.fields, mapping.source)  # the identity check, by name
    if not table.rows:
        return _Plan(mapping, None, None, [], ["the file has column names but no data rows"])
    zone = lead_settings.business_hours(uow).next_open(now).tzinfo  # the workspace's
    setup = Setup(dict(mapping.fields), [Owner.of(m) for m in uow.members.list()],
                  zone or UTC, now, EnrichmentRules.read(uow), uow.leads.row_maker())
    rows = table.rows
    cells = table.columns(tuple(mapping.fields.values()))
    parts = Parts(setup, [r.number for r in rows], cells, helper, ahead)
    read = parts.read(_ticks(progress, len(rows)))
    if read.refusals:
        parts.close()
        return _Plan(mapping, setup, None, [], read.refusals)
    groups = find_groups(_with_workspace(uow, read.keys))
    return _Plan(mapping, setup, parts, groups, [], read.formulas)


def _ticks(progress: Progress | None, total: int) -> Tick | None:
    """Progress (rows of the file read), and where a cancel is heard."""
    if progress is None:
        return None

    def tick(done: int) -> None:
        if progress(done, total) is False:
            raise ImportCancelled("Import cancelled: nothing was imported.")
    tick(0)
    return tick


def _with_workspace(uow: UnitOfWork, keys: list[Keys]) -> list[Keys]:
    """The rows' keys, then those of the workspace's leads sharing one."""
    found = uow.leads.key_matches({k.email for k in keys if k.email},
                                  {k.person for k in keys}, {k.company for k in keys})
    return keys + [Keys(0, i, email, p, c) for i, email, p, c in found]


def preview_lead_import(uow_factory: UnitOfWorkFactory, table: TableLike,
                        fields: Mapping[str, str] | None = None, *,
                        now: datetime | None = None) -> LeadImportPreview:
    """What an import would read: the mapping, the refusals and the duplicate groups.
    Nothing is written."""
    with paused_gc(), uow_factory() as uow:
        plan = _plan(uow, table, fields, (now or datetime.now(UTC)).astimezone(UTC), None)
        plan.close()
    return LeadImportPreview(plan.mapping, len(table.rows), plan.problems,
                             plan.groups[:SHOWN_GROUPS], len(plan.groups))


def import_leads(uow_factory: UnitOfWorkFactory, table: TableLike,
                 fields: Mapping[str, str] | None = None,
                 on_duplicate: Choice | str = Choice.SKIP,
                 choices: Mapping[str, Choice | str] | None = None,
                 progress: Progress | None = None, *, now: datetime | None = None,
                 helper: bool | None = None) -> LeadImportReport:
    """Import in one unit of work; raise LeadImportRefused (nothing written) if any row
    is refused. `choices` maps a duplicate group's key ('row 12') to its choice.
    `helper`: whether half the rows are worked on in a helper process (None: for a file
    of lead_import_parts.HELPER_MIN rows or more)."""
    at = (now or datetime.now(UTC)).astimezone(UTC)
    default = Choice(on_duplicate)
    picked = {k: Choice(v) for k, v in (choices or {}).items()}
    report = LeadImportReport("leads", table.source)
    with paused_gc(), uow_factory() as uow:
        plan = _plan(uow, table, fields, at, progress, helper, ahead=True)
        report.mapping = plan.mapping
        if plan.problems:
            report.refused = plan.problems
            raise LeadImportRefused(report)
        _apply(uow, plan, default, picked, report, at)
        lead_settings.remember_mapping(uow, table.headers, plan.mapping.fields)
        uow.commit()
    return report


def _apply(uow: UnitOfWork, plan: _Plan, default: Choice, picked: Mapping[str, Choice],
           report: LeadImportReport, now: datetime) -> None:
    assert plan.parts is not None and plan.setup is not None
    done = plan.parts.finish({n for g in plan.groups for n in g.rows})
    by_row = {r.number: r for r in done.grouped}
    creates: list[LeadData] = []
    created = done.created
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
                report.skipped += [f"row {r.number}: {label(r.lead)}: already in the "
                                   f"workspace as {label(target)} ({why})" for r in rows]
            elif combine(target, rows, choice is Choice.UPDATE, now, report, why):
                changed.append(target)
            continue
        first, rest = rows[0], rows[1:]
        creates.append(first.lead)
        created.append((first.number, label(first.lead)))
        if choice is Choice.SKIP:
            report.skipped += [f"row {r.number}: {label(r.lead)}: same lead as row "
                               f"{first.number} ({why})" for r in rest]
        else:
            combine(first.lead, rest, choice is Choice.UPDATE, now, report, why,
                    into=f"row {first.number}")
    for lead in creates:  # arrived now: the SLA clock and the board agree on it
        lead.received_at = lead.received_at or now
    enrich = plan.parts.here.enricher()
    enrich.all(creates, arriving=True)
    enrich.all(changed)
    uow.leads.add_many(creates, report.source, done.rows, plan.setup.rows)
    created.sort(key=itemgetter(0))
    report.created += [f"row {n}: {who}" for n, who in created]
    _notes(plan, bool(created), report)
    report.changes = OpChanges(leads=True, summary=report.summary(),
                               ids=(*done.ids, *(x.id for x in (*creates, *changed))))


def _notes(plan: _Plan, created: bool, report: LeadImportReport) -> None:
    if created and not plan.mapping.header_of("received_at"):
        report.notes.append("the file gives no arrival time: the new leads' SLA clocks "
                            "start at this import")
    formulas = plan.formulas
    if formulas:
        report.notes.append(f"{formulas:,} cell(s) look like spreadsheet formulas (=, +, -, "
                            "@ first): stored as text, never run, neutralised in exports")
