"""What the lead actions (services/lead_actions.py, services/lead_conversion.py) return,
and the small helpers they share: finding the chosen leads, naming them, recording a
status move."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any

from salesdesk.domain.errors import NotFoundError, ValidationError
from salesdesk.domain.lead_activities import LeadActivity, LeadActivityKind
from salesdesk.domain.leads import LeadData, StatusChange
from salesdesk.services.common import OpChanges
from salesdesk.services.unit_of_work import NewActivity, UnitOfWork

StatusBefore = tuple[str, str, datetime | None]
"""A lead's status, status reason and first contact, as an undo puts them back."""


@dataclass(frozen=True)
class LeadsChanged:
    changes: OpChanges
    previous: dict[str, Any] = field(default_factory=dict)
    """Per lead id, what the action replaced (its undo's argument)."""
    version: int | None = None
    """edit_lead: the lead's version after the edit (the undo's expected version)."""

    @property
    def entity_id(self) -> str | None:
        """The edited lead (for the undo stack's version book); None for bulk actions."""
        return next(iter(self.previous)) if self.version is not None else None


@dataclass(frozen=True)
class ActivityLogged:
    changes: OpChanges
    activity_id: str
    lead_id: str
    previous: tuple[str, datetime | None]
    """The lead's status and first contact before the activity."""


@dataclass(frozen=True)
class LeadConverted:
    changes: OpChanges
    lead_id: str
    deal_id: str
    account_id: str | None
    created_account: bool
    previous: StatusBefore
    stage_changes: tuple[str, ...]
    """The deal's stage history as made: its undo refuses a deal moved since."""
    activity_id: str
    """The "converted" status activity (its undo removes it)."""


def utc_now(now: datetime | None) -> datetime:
    return (now or datetime.now(UTC)).astimezone(UTC)


def distinct_ids(lead_ids: Sequence[str]) -> list[str]:
    """The chosen leads, each once, in order; refuses an empty choice."""
    ids = list(dict.fromkeys(lead_ids))
    if not ids:
        raise ValidationError("choose at least one lead", field="leads")
    return ids


def check_found(wanted: Sequence[str], found: Any) -> None:
    """NotFoundError naming the first of `wanted` not in `found`."""
    missing = [i for i in wanted if i not in found]
    if missing:
        more = f" (and {len(missing) - 1} more)" if len(missing) > 1 else ""
        raise NotFoundError(f"lead {missing[0]} does not exist{more}")


def loaded_leads(uow: UnitOfWork, ids: Sequence[str]) -> list[LeadData]:
    """The leads as plain copies (uow.leads.load_many), in order, for a bulk change
    saved with uow.leads.save_many; NotFoundError names a missing one."""
    found = {x.id: x for x in uow.leads.load_many(ids)}
    check_found(ids, found)
    return [found[i] for i in ids]


def label(lead: LeadData) -> str:
    """How messages name a lead: the person, else the e-mail, else the company."""
    return lead.person_name or lead.email or lead.company


def count(n: int) -> str:
    return "1 lead" if n == 1 else f"{n:,} leads"


def lead_changes(summary: str, ids: Sequence[str], **more: bool) -> OpChanges:
    return OpChanges(leads=True, summary=summary, ids=tuple(ids), **more)


def status_before(lead: LeadData) -> StatusBefore:
    return lead.status.value, lead.status_reason, lead.first_contacted_at


def status_note(change: StatusChange, subject: str = "", **detail: Any) -> NewActivity:
    """The activity recording a status move (its old and new values in `detail`)."""
    return (change.lead_id, LeadActivityKind.STATUS, change.at,
            subject or f"{change.old} → {change.new}",
            {"before": change.old.value, "after": change.new.value, "reason": change.reason,
             **detail})


def activity_of(new: NewActivity) -> LeadActivity:
    """An activity to add on its own (its id kept, e.g. for an undo)."""
    lead_id, kind, at, subject, detail = new
    return LeadActivity(lead_id=lead_id, kind=kind, at=at, subject=subject, detail=detail)
