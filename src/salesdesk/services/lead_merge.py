"""Folding duplicate rows into one lead: merge (fill what it lacks) or update (take what
the rows give, the last row winning). See services/import_leads.py for when each runs.

Only the values a row actually gives count (an empty cell never blanks a field). Notes
are added (not replaced) unless the lead's notes already hold them; hand-made segments
are united. The earliest arrival and first contact are kept. An owner fills an unowned
lead on merge and replaces the owner on update. A status the rows give changes the
lead's status on update only, and only where the lead's rules allow the move; otherwise
it is reported and left out.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Any, Protocol

from salesdesk.domain.errors import ValidationError
from salesdesk.domain.leads import UPDATABLE_FIELDS, LeadData

NOTES_MAX = 4000
PLAIN = tuple(sorted(UPDATABLE_FIELDS - {"notes", "manual_segments"}))
EMPTY: tuple[Any, ...] = (None, "", [])


class RowLead(Protocol):
    @property
    def number(self) -> int: ...

    @property
    def lead(self) -> LeadData: ...

    @property
    def given(self) -> frozenset[str]: ...


class Report(Protocol):
    merged: list[str]
    updated: list[str]
    skipped: list[str]
    notes: list[str]


def _changes(target: LeadData, row: RowLead, overwrite: bool) -> dict[str, Any]:
    lead, out = row.lead, {}
    for name in PLAIN:
        new, old = getattr(lead, name), getattr(target, name)
        if name in row.given and new not in EMPTY and new != old \
                and (overwrite or old in EMPTY):
            out[name] = new
    if lead.notes and lead.notes not in target.notes:
        out["notes"] = (f"{target.notes} | {lead.notes}" if target.notes
                        else lead.notes)[:NOTES_MAX]
    extra = [s for s in lead.manual_segments if s not in target.manual_segments]
    if extra:
        out["manual_segments"] = [*target.manual_segments, *extra]
    return out


def _moments(target: LeadData, lead: LeadData) -> list[str]:
    changed = []
    for name in ("received_at", "first_contacted_at"):
        new, old = getattr(lead, name), getattr(target, name)
        if new is not None and (old is None or new < old):
            setattr(target, name, new)
            changed.append(name)
    return changed


def _status(target: LeadData, row: RowLead, now: datetime, notes: list[str]) -> list[str]:
    lead = row.lead
    if "status" not in row.given or lead.status is target.status:
        return []
    try:
        target.change_status(lead.status, at=now, reason=lead.status_reason)
    except ValidationError as exc:
        notes.append(f"row {row.number}: status left as {target.status}: {exc.message}")
        return []
    return ["status"]


def combine(target: LeadData, rows: Sequence[RowLead], overwrite: bool, now: datetime,
            report: Report, why: str, into: str = "") -> bool:
    """Fold `rows` into `target`; report it; True when the target changed."""
    changed: list[str] = []
    for row in rows:
        fields = _changes(target, row, overwrite)
        if fields:
            target.update(**fields)
        owner = row.lead.owner_id
        if owner and (overwrite or target.owner_id is None) and owner != target.owner_id:
            target.assign(owner)
            fields["owner"] = owner
        names = [*fields, *_moments(target, row.lead)]
        if overwrite:
            names += _status(target, row, now, report.notes)
        changed += [n for n in names if n not in changed]
    where = into or f"lead {target.person_name or target.email or target.company}"
    numbers = ", ".join(str(r.number) for r in rows)
    if not changed:
        report.skipped.append(f"row{'s' if len(rows) > 1 else ''} {numbers}: nothing new "
                              f"for {where} ({why})")
        return False
    line = f"row{'s' if len(rows) > 1 else ''} {numbers} into {where}: " \
           f"{', '.join(n.replace('_', ' ') for n in changed)} ({why})"
    (report.updated if overwrite else report.merged).append(line)
    return True
