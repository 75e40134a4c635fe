"""What a manager does to leads on the board: assign (one or many), change status, put in
or take out of a segment, edit a lead, log a contact and convert it to a deal (those two
are in services/lead_conversion.py and offered here). Each action is one unit of work,
all or nothing, and returns what its undo needs; each undo is a function here.

After a change of a lead's fields, status or hand-made segments, its territory, score,
segments and SLA due time are worked out again by the LeadEnricher the import uses, so
the board never shows stale figures.

Bulk actions stay quick on a selection of 10,000 leads: assignment changes owners with a
Core UPDATE per owner and chunk of ids (uow.leads.reassign), status and segment changes
work on plain LeadData copies written back in one executemany (uow.leads.load_many /
save_many), and their activities go in as one insert (uow.leads.add_activities); no
Lead entity is built for them.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from datetime import datetime
from typing import Any

from salesdesk.domain.errors import ValidationError
from salesdesk.domain.lead_activities import LeadActivityKind
from salesdesk.domain.leads import (
    UPDATABLE_FIELDS,
    LeadData,
    LeadStatus,
    StatusChange,
    check_move,
    clean_segment_names,
)
from salesdesk.domain.validation import name_key
from salesdesk.services.common import check_version
from salesdesk.services.lead_conversion import (
    convert_to_deal,
    log_activity,
    redo_conversion,
    remove_activity,
    restore_activity,
    undo_conversion,
)
from salesdesk.services.lead_enrichment import LeadEnricher
from salesdesk.services.lead_results import (
    ActivityLogged,
    LeadConverted,
    LeadsChanged,
    StatusBefore,
    check_found,
    count,
    distinct_ids,
    label,
    lead_changes,
    loaded_leads,
    status_before,
    status_note,
    utc_now,
)
from salesdesk.services.unit_of_work import (
    NewActivity,
    OwnerChange,
    UnitOfWork,
    UnitOfWorkFactory,
)

__all__ = [
    "EDITABLE_FIELDS", "ActivityLogged", "LeadConverted", "LeadsChanged", "StatusBefore",
    "add_to_segment", "assign_leads", "convert_to_deal", "edit_lead", "log_activity",
    "redo_conversion", "remove_activity", "remove_from_segment", "restore_activity",
    "restore_lead_fields", "restore_owners", "restore_segments", "restore_statuses",
    "set_status", "undo_conversion"]

SHOWN_PROBLEMS = 5
"""Refused leads named in one message; the rest are counted."""
EDITABLE_FIELDS = UPDATABLE_FIELDS - {"manual_segments"}
"""What edit_lead changes (hand-made segments have their own actions)."""


def _refuse(problems: list[str], field: str) -> None:
    if problems:
        shown = "; ".join(problems[:SHOWN_PROBLEMS])
        more = len(problems) - SHOWN_PROBLEMS
        raise ValidationError(shown + (f"; and {more} more" if more > 0 else ""),
                              field=field)


# --- owners ------------------------------------------------------------------------------
def _member_name(uow: UnitOfWork, owner_id: str | None, *, active: bool = True) -> str:
    """The member's name; `active`: refuse one who has left (undo may give leads back)."""
    if owner_id is None:
        return "nobody"
    member = uow.members.get(owner_id)  # NotFoundError names the id
    if active and not member.active:
        raise ValidationError(f"{member.name} has left the team; choose an active member",
                              field="owner")
    return member.name


def _owners(uow: UnitOfWork, ids: Sequence[str]) -> dict[str, str | None]:
    found = uow.leads.owners(ids)
    check_found(ids, found)
    return {i: found[i] for i in ids}


def _reassign(uow: UnitOfWork, changes: list[OwnerChange], at: datetime,
              names: Mapping[str | None, str]) -> None:
    uow.leads.reassign(changes)
    uow.leads.add_activities([
        (i, LeadActivityKind.ASSIGNMENT, at, f"Assigned to {names[new]}" if new else
         "Unassigned", {"before": old, "after": new}) for i, old, new in changes])


def assign_leads(uow_factory: UnitOfWorkFactory, lead_ids: Sequence[str],
                 owner_id: str | None, *, now: datetime | None = None) -> LeadsChanged:
    """Give the leads to `owner_id` (None: unassign) by hand, overriding routing. Only
    leads whose owner changes are written and get an assignment activity."""
    at, ids = utc_now(now), distinct_ids(lead_ids)
    with uow_factory() as uow:
        name = _member_name(uow, owner_id)
        previous = _owners(uow, ids)
        _reassign(uow, [(i, old, owner_id) for i, old in previous.items() if old != owner_id],
                  at, {owner_id: name})
        uow.commit()
    summary = f"Assigned {count(len(ids))} to {name}" if owner_id else \
        f"Unassigned {count(len(ids))}"
    return LeadsChanged(lead_changes(summary, ids, members=True), previous)


def restore_owners(uow_factory: UnitOfWorkFactory, previous: Mapping[str, str | None], *,
                   now: datetime | None = None) -> LeadsChanged:
    """Undo of assign_leads (or of itself): each lead back to the owner it had."""
    at, ids = utc_now(now), list(previous)
    with uow_factory() as uow:
        current = _owners(uow, ids)
        changes = [(i, current[i], previous[i]) for i in ids if current[i] != previous[i]]
        names = {o: _member_name(uow, o, active=False) for o in {c[2] for c in changes}}
        _reassign(uow, changes, at, names)
        uow.commit()
    return LeadsChanged(lead_changes(f"Gave {count(len(ids))} back to their owners", ids,
                                     members=True), current)


# --- status ------------------------------------------------------------------------------
def _target(status: LeadStatus | str, reason: str) -> LeadStatus:
    target = check_move(status, status, reason)  # a known status, and a reason if needed
    if target is LeadStatus.CONVERTED:
        raise ValidationError("a lead is converted by converting it to a deal",
                              field="status")
    return target


def set_status(uow_factory: UnitOfWorkFactory, lead_ids: Sequence[str],
               status: LeadStatus | str, reason: str = "", *,
               now: datetime | None = None) -> LeadsChanged:
    """Move every lead to `status` along the domain's moves (unqualified and disqualified
    need a reason). If any lead cannot move, none moves and the refusal names each."""
    at, ids, target = utc_now(now), distinct_ids(lead_ids), _target(status, reason)
    with uow_factory() as uow:
        leads = loaded_leads(uow, ids)
        enrich = LeadEnricher(uow, at)
        previous: dict[str, StatusBefore] = {}
        notes: list[NewActivity] = []
        problems: list[str] = []
        for lead in leads:
            before = status_before(lead)
            try:
                change = lead.change_status(target, at=at, reason=reason)
            except ValidationError as exc:
                problems.append(f"{label(lead)}: {exc.message}")
                continue
            if status_before(lead) != before:
                previous[lead.id] = before
                notes.append(status_note(change))
        _refuse(problems, "status")
        enrich.all(leads)
        uow.leads.save_many(leads)
        uow.leads.add_activities(notes)
        uow.commit()
    return LeadsChanged(lead_changes(f"Moved {count(len(ids))} to {target}", ids), previous)


def restore_statuses(uow_factory: UnitOfWorkFactory, previous: Mapping[str, StatusBefore],
                     *, now: datetime | None = None) -> LeadsChanged:
    """Undo of set_status: each lead's status, reason and first contact as they were (an
    undo, so the domain's moves do not apply)."""
    at = utc_now(now)
    with uow_factory() as uow:
        leads = loaded_leads(uow, list(previous))
        enrich = LeadEnricher(uow, at)
        replaced: dict[str, StatusBefore] = {}
        notes: list[NewActivity] = []
        for lead in leads:
            replaced[lead.id] = status_before(lead)
            status, reason, contacted = previous[lead.id]
            change = StatusChange(lead.id, lead.status, LeadStatus(status), reason, at)
            lead.status, lead.status_reason = change.new, reason
            lead.first_contacted_at = contacted
            notes.append(status_note(change, f"{change.old} → {change.new} (undone)",
                                     undo=True))
        enrich.all(leads)
        uow.leads.save_many(leads)
        uow.leads.add_activities(notes)
        uow.commit()
    return LeadsChanged(lead_changes(f"Restored the status of {count(len(leads))}",
                                     list(previous)), replaced)


# --- segments ----------------------------------------------------------------------------
def _set_manual(uow: UnitOfWork, leads: Sequence[LeadData], at: datetime,
                wanted: Callable[[LeadData], list[str]]) -> dict[str, list[str]]:
    """Each lead's hand-made segments become wanted(lead); segments and SLA follow."""
    enrich = LeadEnricher(uow, at)
    previous = {}
    for lead in leads:
        previous[lead.id] = list(lead.manual_segments)
        lead.update(manual_segments=wanted(lead))
        enrich(lead)
    uow.leads.save_many(leads)
    return previous


def add_to_segment(uow_factory: UnitOfWorkFactory, lead_ids: Sequence[str],
                   segment_name: str, *, now: datetime | None = None) -> LeadsChanged:
    """Put the leads in a segment by hand (the rules never take them out). Its SLA, if
    it has one, applies to the leads not yet contacted."""
    name, ids = clean_segment_names([segment_name], "segment"), distinct_ids(lead_ids)
    if not name:
        raise ValidationError("name the segment", field="segment")
    with uow_factory() as uow:
        leads = loaded_leads(uow, ids)
        previous = _set_manual(uow, leads, utc_now(now), lambda x: [*x.manual_segments, *name])
        uow.commit()
    return LeadsChanged(lead_changes(f"Added {count(len(ids))} to {name[0]}", ids), previous)


def remove_from_segment(uow_factory: UnitOfWorkFactory, lead_ids: Sequence[str],
                        segment_name: str, *, now: datetime | None = None) -> LeadsChanged:
    """Take the leads out of a segment they were put in by hand. A lead its rule puts in
    the segment stays in it (the summary says how many): change the rule for those."""
    key, ids = name_key(segment_name), distinct_ids(lead_ids)
    with uow_factory() as uow:
        leads = loaded_leads(uow, ids)
        previous = _set_manual(uow, leads, utc_now(now), lambda x: [
            s for s in x.manual_segments if name_key(s) != key])
        kept = sum(key in {name_key(s) for s in x.segments} for x in leads)
        uow.commit()
    taken = sum(len(previous[x.id]) != len(x.manual_segments) for x in leads)
    stay = f"; {count(kept)} {'stays' if kept == 1 else 'stay'} in it by its rule" \
        if kept else ""
    return LeadsChanged(lead_changes(f"Took {count(taken)} out of {segment_name}{stay}", ids),
                        previous)


def restore_segments(uow_factory: UnitOfWorkFactory, previous: Mapping[str, list[str]],
                     *, now: datetime | None = None) -> LeadsChanged:
    """Undo of add_to_segment / remove_from_segment: the hand-made segments as they were."""
    with uow_factory() as uow:
        leads = loaded_leads(uow, list(previous))
        replaced = _set_manual(uow, leads, utc_now(now), lambda x: previous[x.id])
        uow.commit()
    return LeadsChanged(lead_changes(f"Restored the segments of {count(len(leads))}",
                                     list(previous)), replaced)


# --- editing -----------------------------------------------------------------------------
def edit_lead(uow_factory: UnitOfWorkFactory, lead_id: str, expected_version: int | None,
              changes: Mapping[str, Any], *, now: datetime | None = None) -> LeadsChanged:
    """Change fields of EDITABLE_FIELDS; refuses to write over a change made elsewhere
    (ConflictError). Territory, score, segments and SLA due follow the new values.
    `previous` holds the replaced values, for restore_lead_fields."""
    unknown = sorted(set(changes) - EDITABLE_FIELDS)
    if unknown:
        raise ValidationError("cannot be edited here", field=unknown[0])
    with uow_factory() as uow:
        lead = uow.leads.get(lead_id)
        check_version(lead, expected_version, "Lead")
        enrich = LeadEnricher(uow, utc_now(now))  # reads first: the lead is written once
        before = {k: getattr(lead, k) for k in changes}
        lead.update(**changes)
        replaced = {k: v for k, v in before.items() if getattr(lead, k) != v}
        enrich(lead)
        uow.commit()
        version = lead.version
    what = ", ".join(k.replace("_", " ") for k in replaced) or "nothing changed"
    return LeadsChanged(lead_changes(f"Edited {label(lead)} ({what})", [lead.id]),
                        {lead.id: replaced}, version)


def restore_lead_fields(uow_factory: UnitOfWorkFactory, lead_id: str,
                        expected_version: int | None, before: Mapping[str, Any]
                        ) -> LeadsChanged:
    """Undo of edit_lead: `before` is its result's previous[lead_id]."""
    return edit_lead(uow_factory, lead_id, expected_version, before)
