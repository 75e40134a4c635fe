"""One lead at a time, from its detail panel: log a call, e-mail, meeting or note, and
convert it to a pipeline deal; each with its undo. services/lead_actions.py offers these
with the board's other actions (import them from there).

A contact logged stamps the lead's first contact (speed to lead is measured from it) and
its SLA clock stops; a conversion makes the deal through pipeline.open_deal, the path a
deal added by hand takes, in the same unit of work as the lead's move to converted.
"""

from __future__ import annotations

from contextlib import suppress
from datetime import date, datetime
from decimal import Decimal, InvalidOperation
from typing import Any

from salesdesk.domain.accounts import Account
from salesdesk.domain.entity import Entity
from salesdesk.domain.errors import NotFoundError, ValidationError
from salesdesk.domain.lead_activities import LeadActivity, LeadActivityKind
from salesdesk.domain.leads import Lead, LeadStatus, StatusChange, check_move
from salesdesk.services.lead_enrichment import LeadEnricher
from salesdesk.services.lead_results import (
    ActivityLogged,
    LeadConverted,
    LeadsChanged,
    activity_of,
    label,
    lead_changes,
    status_before,
    status_note,
    utc_now,
)
from salesdesk.services.pipeline import open_deal
from salesdesk.services.unit_of_work import UnitOfWork, UnitOfWorkFactory

TITLE_MAX = 200
"""A deal title's and a status reason's longest (domain.deals, domain.leads)."""


# --- activities --------------------------------------------------------------------------
def _contacted(lead: Lead, when: datetime, enrich: LeadEnricher) -> None:
    """`enrich` is built before: its reads would write the changed lead a first time."""
    if lead.first_contacted_at is not None and when < lead.first_contacted_at:
        lead.first_contacted_at = when  # logged late: first contact is when it happened
    lead.mark_contacted(when)
    if lead.status is LeadStatus.NEW:  # imported with a first contact but still new
        lead.change_status(LeadStatus.CONTACTED, at=when)
    enrich(lead)


def log_activity(uow_factory: UnitOfWorkFactory, lead_id: str,
                 kind: LeadActivityKind | str, subject: str = "", body: str = "",
                 at: datetime | None = None, *, now: datetime | None = None
                 ) -> ActivityLogged:
    """Record a call, e-mail, meeting or note (`at`: when it happened, default now). A
    call, e-mail or meeting earlier than the lead's first contact becomes its first
    contact (stopping its SLA clock) and a new lead becomes contacted; a note only
    records."""
    moment = utc_now(now)
    activity = LeadActivity(lead_id=lead_id, kind=_loggable(kind), at=at or moment,
                            subject=subject, body=body)  # time zone and lengths checked
    if activity.at > moment:
        raise ValidationError("an activity cannot be logged in the future", field="at")
    with uow_factory() as uow:
        lead = uow.leads.get(lead_id)
        previous = (lead.status.value, lead.first_contacted_at)
        if activity.kind.is_contact:
            _contacted(lead, activity.at, LeadEnricher(uow, moment))
        uow.lead_activities.add(activity)
        uow.commit()
    return ActivityLogged(lead_changes(f"Logged a {activity.kind} with {label(lead)}",
                                       [lead.id]), activity.id, lead.id, previous)


def _loggable(kind: LeadActivityKind | str) -> LeadActivityKind:
    try:
        found = LeadActivityKind(kind)
    except ValueError:
        found = None
    if found is None or found in (LeadActivityKind.STATUS, LeadActivityKind.ASSIGNMENT):
        raise ValidationError(f"'{kind}' cannot be logged (log a call, email, meeting or "
                              "note)", field="kind")
    return found


def remove_activity(uow_factory: UnitOfWorkFactory, logged: ActivityLogged, *,
                    now: datetime | None = None) -> LeadsChanged:
    """Undo of log_activity: the activity goes; the first contact and status it set
    come back, unless something else changed them since."""
    at = utc_now(now)
    with uow_factory() as uow:
        activity = uow.lead_activities.get(logged.activity_id)
        lead = uow.leads.get(logged.lead_id)
        enrich = LeadEnricher(uow, at)
        activity.deleted_at = at
        status, contacted = logged.previous
        if activity.kind.is_contact and lead.first_contacted_at == activity.at:
            lead.first_contacted_at = contacted
            if status == LeadStatus.NEW and lead.status is LeadStatus.CONTACTED:
                lead.status = LeadStatus.NEW
            enrich(lead)
        uow.commit()
    return LeadsChanged(lead_changes(f"Removed a {activity.kind} from {label(lead)}",
                                     [lead.id]))


def restore_activity(uow_factory: UnitOfWorkFactory, logged: ActivityLogged, *,
                     now: datetime | None = None) -> LeadsChanged:
    """Redo of log_activity after its undo: the same activity back, with its effect."""
    with uow_factory() as uow:
        activity = uow.lead_activities.get_deleted(logged.activity_id)
        lead = uow.leads.get(logged.lead_id)
        if activity.kind.is_contact:
            _contacted(lead, activity.at, LeadEnricher(uow, utc_now(now)))
        activity.deleted_at = None
        uow.commit()
    return LeadsChanged(lead_changes(f"Logged a {activity.kind} with {label(lead)}",
                                     [lead.id]))


# --- conversion --------------------------------------------------------------------------
def _amount(value: Any) -> Decimal:
    try:
        amount = Decimal(str(value).strip())
    except (InvalidOperation, ValueError):
        raise ValidationError(f"'{value}' is not an amount", field="amount") from None
    if not amount.is_finite():
        raise ValidationError(f"'{value}' is not an amount", field="amount")
    if amount <= 0:
        raise ValidationError("a deal's amount must be more than zero", field="amount")
    return amount  # the Deal refuses more than two decimal places


def _check_convertible(lead: Lead) -> None:
    if lead.status is LeadStatus.CONVERTED:
        raise ValidationError(f"{label(lead)} was converted already", field="status")
    if not (lead.company or lead.person_name):
        raise ValidationError(f"{label(lead)}: a deal needs the lead's company or "
                              "person's name", field="company")
    reached = LeadStatus.CONTACTED if lead.status is LeadStatus.NEW else lead.status
    try:
        check_move(reached, LeadStatus.CONVERTED)
    except ValidationError as exc:
        raise ValidationError(f"{label(lead)}: {exc.message}", field=exc.field) from None


def _account_for(uow: UnitOfWork, lead: Lead) -> tuple[Account | None, bool]:
    """The account of the lead's company, made from the lead if the workspace has none."""
    if not lead.company:
        return None, False
    found = uow.leads.account_for_company(lead.company)
    if found is not None:
        return uow.accounts.get(found), False
    account = Account(name=lead.company, sector=lead.sector, country=lead.country,
                      region=lead.region, postcode=lead.postcode, employees=lead.employees,
                      territory_id=lead.territory_id)
    uow.accounts.add(account)
    return account, True


def _to_converted(lead: Lead, at: datetime, title: str) -> StatusChange:
    """After _check_convertible: a new lead is contacted first (someone reached it)."""
    if lead.status is LeadStatus.NEW:
        lead.mark_contacted(at)
    return lead.change_status(LeadStatus.CONVERTED, at=at, reason=f"deal {title}"[:TITLE_MAX])


def _title(lead: Lead, title: str) -> str:
    parts = (lead.company or lead.person_name, lead.product_interest)
    return (title.strip() or " — ".join(p for p in parts if p))[:TITLE_MAX]


def convert_to_deal(uow_factory: UnitOfWorkFactory, lead_id: str, *, amount: Any,
                    title: str = "", stage_id: str | None = None,
                    expected_close: date | None = None,
                    now: datetime | None = None) -> LeadConverted:
    """The lead becomes a pipeline deal (pipeline.open_deal, as a deal added by hand):
    its owner's, at its company's account (one whose name matches after normalising,
    else one made from the lead), in `stage_id` or the default pipeline's first stage,
    with deals.lead_id pointing back. The lead moves to converted."""
    at, value = utc_now(now), _amount(amount)
    with uow_factory() as uow:
        lead = uow.leads.get(lead_id)
        _check_convertible(lead)
        enrich = LeadEnricher(uow, at)  # every read before the lead changes: one UPDATE
        account, created = _account_for(uow, lead)
        deal_title = _title(lead, title)
        deal = open_deal(uow, stage_id=stage_id, now=at, title=deal_title,
                         account_id=account.id if account else None,
                         contact_name=lead.person_name, contact_email=lead.email,
                         owner_id=lead.owner_id, amount=value,
                         expected_close=expected_close, lead_id=lead.id)
        history = tuple(c.id for c in uow.stage_changes.find(deal_id=deal.id))
        previous = status_before(lead)
        change = _to_converted(lead, at, deal_title)
        note = activity_of(status_note(change, f"Converted to deal {deal_title}",
                                       deal_id=deal.id))
        uow.lead_activities.add(note)
        enrich(lead)
        uow.commit()
    return LeadConverted(lead_changes(f"Converted {label(lead)} to the deal {deal_title}",
                                      [lead.id], deals=True, accounts=created),
                         lead.id, deal.id, account.id if account else None, created,
                         previous, history, note.id)


def _deal_rows(uow: UnitOfWork, converted: LeadConverted, *, deleted: bool) -> list[Entity]:
    """The deal and its stage history as the conversion made them (live or deleted),
    with the account it made: unless another deal uses it (live), or if the undo
    removed it (deleted)."""
    get = uow.deals.get_deleted if deleted else uow.deals.get
    deal = get(converted.deal_id)
    rows: list[Entity] = [deal, *(uow.stage_changes.get_deleted(i) if deleted else
                                  uow.stage_changes.get(i) for i in converted.stage_changes)]
    if not deleted and len(uow.stage_changes.find(deal_id=deal.id)) > len(rows) - 1:
        raise ValidationError(f"the deal {deal.title} has moved since; move it back or "
                              "delete it in the pipeline", field="deal")
    account_id = converted.account_id if converted.created_account else None
    if account_id and deleted:
        with suppress(NotFoundError):  # the undo kept it: another deal used it
            rows.append(uow.accounts.get_deleted(account_id))
    elif account_id and all(d.id == deal.id for d in uow.deals.find(account_id=account_id)):
        rows.append(uow.accounts.get(account_id))
    return rows


def undo_conversion(uow_factory: UnitOfWorkFactory, converted: LeadConverted, *,
                    now: datetime | None = None) -> LeadsChanged:
    """The deal removed (refused once it moved to another stage), with the account the
    conversion made unless another deal uses it now; the lead's status as it was."""
    at = utc_now(now)
    with uow_factory() as uow:
        rows = _deal_rows(uow, converted, deleted=False)
        rows.append(uow.lead_activities.get(converted.activity_id))
        lead = uow.leads.get(converted.lead_id)
        enrich = LeadEnricher(uow, at)
        for row in rows:
            row.deleted_at = at
        status, lead.status_reason, lead.first_contacted_at = converted.previous
        lead.status = LeadStatus(status)
        enrich(lead)
        uow.commit()
    return LeadsChanged(lead_changes(f"Undid the conversion of {label(lead)}", [lead.id],
                                     deals=True, accounts=converted.created_account))


def redo_conversion(uow_factory: UnitOfWorkFactory, converted: LeadConverted, *,
                    now: datetime | None = None) -> LeadsChanged:
    """Redo of convert_to_deal after its undo: the same deal, account and activity back,
    the lead converted again (at the time it first was)."""
    with uow_factory() as uow:
        rows = _deal_rows(uow, converted, deleted=True)
        note = uow.lead_activities.get_deleted(converted.activity_id)
        lead = uow.leads.get(converted.lead_id)
        _check_convertible(lead)
        enrich = LeadEnricher(uow, utc_now(now))
        for row in (*rows, note):
            row.deleted_at = None
        _to_converted(lead, note.at, note.subject.removeprefix("Converted to deal "))
        enrich(lead)
        uow.commit()
    return LeadsChanged(lead_changes(f"Converted {label(lead)} again", [lead.id],
                                     deals=True, accounts=converted.created_account))
