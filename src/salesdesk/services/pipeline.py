"""Pipeline actions: deals, their lines and stage moves, activities and notes. The
configuration of pipelines, stages and lost reasons is in services/pipeline_setup.py.

Every edit takes the version the caller loaded and refuses to write over a change made
elsewhere (ConflictError); every result carries what is needed to undo it.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from decimal import Decimal
from typing import Any

from salesdesk.domain.deals import (
    ActivityKind,
    Deal,
    DealActivity,
    DealLine,
    DealNote,
    StageChange,
    utc_day,
)
from salesdesk.domain.errors import ConflictError, NotFoundError, ValidationError
from salesdesk.domain.pipeline import Outcome, check_choice
from salesdesk.services.common import OpChanges, check_version
from salesdesk.services.pipeline_setup import default_pipeline_into, stages_of
from salesdesk.services.unit_of_work import UnitOfWork, UnitOfWorkFactory

MOVE_FIELDS = ("stage_id", "stage_entered_at", "won_on", "won_amount", "lost_on",
               "lost_reason_id")
"""What a stage move changes on the deal (and its undo puts back)."""


@dataclass(frozen=True)
class LineSpec:
    """A deal line as the caller gives it."""

    product_id: str
    quantity: int = 1
    unit_price: Decimal = Decimal("0.00")
    discount: Decimal = Decimal("0.00")


@dataclass(frozen=True)
class DealSaved:
    changes: OpChanges
    deal_id: str
    version: int
    before: dict[str, Any] = field(default_factory=dict)
    """The values replaced (the lines as LineSpecs under "lines"), so the edit can be undone."""

    @property
    def entity_id(self) -> str:
        return self.deal_id


@dataclass(frozen=True)
class DealMoved:
    changes: OpChanges
    deal_id: str
    version: int
    change_id: str
    """The stage history entry the move appended (its undo removes it)."""
    before: dict[str, Any]
    to_stage_id: str

    @property
    def entity_id(self) -> str:
        return self.deal_id


def _now() -> datetime:
    return datetime.now(UTC)


def _deal_changes(summary: str, *ids: str) -> OpChanges:
    return OpChanges(deals=True, summary=summary, ids=ids)


def _label(uow: UnitOfWork, deal: Deal) -> str:
    if deal.title:
        return deal.title
    if deal.account_id:
        try:
            return uow.accounts.get(deal.account_id).name
        except NotFoundError:  # deleted since: the deal keeps a dangling reference
            pass
    return deal.reference or "deal"


# --- deals ---------------------------------------------------------------------------
def _lines(uow: UnitOfWork, deal_id: str) -> list[DealLine]:
    return sorted(uow.deal_lines.find(deal_id=deal_id), key=lambda x: x.position)


def _new_lines(uow: UnitOfWork, deal_id: str, specs: Sequence[LineSpec]) -> list[DealLine]:
    """The lines `specs` describe, checked (products exist, values valid), not stored."""
    lines = []
    for i, spec in enumerate(specs):
        try:
            uow.products.get(spec.product_id)
            lines.append(DealLine(deal_id=deal_id, position=i, product_id=spec.product_id,
                                  quantity=spec.quantity, unit_price=spec.unit_price,
                                  discount=spec.discount))
        except ValidationError as exc:
            raise ValidationError(exc.message, field=f"line {i + 1} {exc.field}") from None
    return lines


def _replace_lines(uow: UnitOfWork, deal: Deal, old: Sequence[DealLine],
                   new: Sequence[DealLine]) -> None:
    """The deal's lines become `new`; its amount follows them. A change of the lines is a
    change of the deal: its version goes up even if the amount stays, so a stale copy is
    refused."""
    now = _now()
    for line in old:
        line.deleted_at = now
    for line in new:
        uow.deal_lines.add(line)
    deal.set_lines(new)
    deal.updated_at = now


def line_specs(uow: UnitOfWork, deal_id: str) -> list[LineSpec]:
    return [LineSpec(x.product_id, x.quantity, x.unit_price, x.discount)
            for x in _lines(uow, deal_id)]


def _check_refs(uow: UnitOfWork, fields: Mapping[str, Any]) -> None:
    """The account and owner among `fields` exist (and the owner has not left). Only the
    fields being set are checked, so a deal whose owner left can still be edited."""
    if fields.get("account_id") is not None:
        uow.accounts.get(fields["account_id"])
    if fields.get("owner_id") is not None:
        owner = uow.members.get(fields["owner_id"])
        if not owner.active:
            raise ValidationError(f"{owner.name} has left and cannot own deals",
                                  field="owner")


def open_deal(uow: UnitOfWork, *, stage_id: str | None, now: datetime,
              lines: Sequence[LineSpec] = (), **fields: Any) -> Deal:
    """A new deal in `stage_id` (default: the first open stage of the default pipeline)
    with its lines and its first stage history entry, added to `uow`, not committed:
    add_deal's path, shared with actions that make a deal among other changes (a lead's
    conversion). `fields` are Deal fields."""
    if stage_id is None:
        stage = next(s for s in stages_of(uow, default_pipeline_into(uow).id) if s.is_open)
    else:
        stage = uow.stages.get(stage_id)
    if not stage.is_open:
        raise ValidationError("a new deal starts in an open stage", field="stage")
    deal = Deal(pipeline_id=stage.pipeline_id, stage_id=stage.id,
                created_on=fields.pop("created_on", None) or utc_day(now),
                stage_entered_at=now, **fields)
    _check_refs(uow, fields)
    new_lines = _new_lines(uow, deal.id, lines)
    deal.set_lines(new_lines)
    uow.deals.add(deal)
    for line in new_lines:
        uow.deal_lines.add(line)
    uow.stage_changes.add(StageChange(deal_id=deal.id, from_stage_id=None,
                                      to_stage_id=stage.id, at=now, amount=deal.amount))
    return deal


# Reads (which flush pending changes) come before any change in the services below, so a
# deal is written once per action and its version goes up by one.
def add_deal(uow_factory: UnitOfWorkFactory, *, stage_id: str | None = None,
             lines: Sequence[LineSpec] = (), now: datetime | None = None,
             **fields: Any) -> DealSaved:
    """A new deal in `stage_id` (default: the first stage of the default pipeline).
    `fields` are Deal fields (title, account_id, owner_id, amount, expected_close, ...)."""
    now = now or _now()
    with uow_factory() as uow:
        deal = open_deal(uow, stage_id=stage_id, now=now, lines=lines, **fields)
        uow.commit()
        return DealSaved(_deal_changes(f"Added the deal {_label(uow, deal)}", deal.id),
                         deal.id, deal.version)


def edit_deal(uow_factory: UnitOfWorkFactory, deal_id: str, expected_version: int | None,
              changes: Mapping[str, Any], lines: Sequence[LineSpec] | None = None) -> DealSaved:
    """Change fields of deals.UPDATABLE_FIELDS and, when `lines` is given, the lines (the
    amount then follows them; a deal with lines cannot be given another amount)."""
    with uow_factory() as uow:
        deal = uow.deals.get(deal_id)
        check_version(deal, expected_version, "Deal")
        old_lines = _lines(uow, deal_id)
        old_specs = line_specs(uow, deal_id)
        new_lines = None if lines is None or list(lines) == old_specs else \
            _new_lines(uow, deal_id, lines)
        _check_refs(uow, {k: v for k, v in changes.items() if getattr(deal, k, v) != v})
        before: dict[str, Any] = {k: getattr(deal, k) for k in changes}
        deal.update(**changes)
        if lines is not None:
            before["lines"] = old_specs
            if not old_specs:  # the amount was typed in: undo puts it back
                before.setdefault("amount", deal.amount)
        if new_lines is not None:
            _replace_lines(uow, deal, old_lines, new_lines)
        elif old_specs and deal.amount != before.get("amount", deal.amount):
            raise ValidationError("the amount is the sum of the deal's lines; change the "
                                  "lines instead", field="amount")
        uow.commit()
        return DealSaved(_deal_changes(f"Edited {_label(uow, deal)}", deal.id), deal.id,
                         deal.version, before)


def restore_deal_fields(uow_factory: UnitOfWorkFactory, deal_id: str,
                        expected_version: int | None, before: Mapping[str, Any]) -> DealSaved:
    """Undo of edit_deal: put back what `before` holds."""
    fields = {k: v for k, v in before.items() if k != "lines"}
    lines = before.get("lines")
    return edit_deal(uow_factory, deal_id, expected_version, fields, lines)


def move_deal(uow_factory: UnitOfWorkFactory, deal_id: str, expected_version: int | None,
              stage_id: str, *, won_amount: Decimal | None = None,
              lost_reason_id: str | None = None, reopen: bool = False,
              at: datetime | None = None) -> DealMoved:
    """Move a deal to another stage. Winning needs the final amount, losing a reason
    (one of the lost reasons), reopening a won or lost deal `reopen=True`."""
    at = at or _now()
    with uow_factory() as uow:
        deal = uow.deals.get(deal_id)
        check_version(deal, expected_version, "Deal")
        current, target = uow.stages.get(deal.stage_id), uow.stages.get(stage_id)
        if lost_reason_id is not None and target.outcome is Outcome.LOST:
            reason = uow.lost_reasons.get(lost_reason_id)
            if not reason.active:
                raise ValidationError(f"'{reason.name}' is no longer offered as a lost "
                                      "reason", field="lost_reason")
        before = {k: getattr(deal, k) for k in MOVE_FIELDS}
        change = deal.move(current, target, at, won_amount=won_amount,
                           lost_reason_id=lost_reason_id, reopen=reopen)
        uow.stage_changes.add(change)
        uow.commit()
        verb = {Outcome.WON: "Won", Outcome.LOST: "Lost"}.get(target.outcome, "Moved")
        where = "" if not target.is_open else f" to {target.name}"
        return DealMoved(_deal_changes(f"{verb} {_label(uow, deal)}{where}", deal.id),
                         deal.id, deal.version, change.id, before, target.id)


def undo_move(uow_factory: UnitOfWorkFactory, moved: DealMoved,
              expected_version: int | None) -> DealSaved:
    """Take a move back as if it never happened: the deal's fields as they were, and the
    history entry removed, so time in stage and "as of" replays stay exact."""
    with uow_factory() as uow:
        deal = uow.deals.get(moved.deal_id)
        check_version(deal, expected_version, "Deal")
        change = uow.stage_changes.get(moved.change_id)
        later = [c for c in uow.stage_changes.find(deal_id=deal.id)
                 if c.id != change.id and c.from_stage_id is not None and c.at > change.at]
        if later or (deal.stage_id, deal.stage_entered_at) != (change.to_stage_id, change.at):
            # moved again since (by someone else, when no version was given)
            raise ConflictError("Deal", deal.id, moved.version, deal.version)
        for key, value in moved.before.items():
            setattr(deal, key, value)
        change.deleted_at = _now()
        uow.commit()
        return DealSaved(_deal_changes(f"Took back the move of {_label(uow, deal)}",
                                       deal.id), deal.id, deal.version)


def delete_deal(uow_factory: UnitOfWorkFactory, deal_id: str,
                expected_version: int | None) -> DealSaved:
    with uow_factory() as uow:
        deal = uow.deals.get(deal_id)
        check_version(deal, expected_version, "Deal")
        deal.deleted_at = _now()
        uow.commit()
        return DealSaved(_deal_changes(f"Deleted {_label(uow, deal)}", deal.id), deal.id,
                         deal.version)


def restore_deal(uow_factory: UnitOfWorkFactory, deal_id: str,
                 expected_version: int | None) -> DealSaved:
    with uow_factory() as uow:
        deal = uow.deals.get_deleted(deal_id)
        check_version(deal, expected_version, "Deal")
        try:
            uow.stages.get(deal.stage_id)
        except NotFoundError:
            raise ValidationError("the deal's stage was removed since it was deleted",
                                  field="stage") from None
        deal.deleted_at = None
        uow.commit()
        return DealSaved(_deal_changes(f"Restored {_label(uow, deal)}", deal.id), deal.id,
                         deal.version)


# --- activities and notes --------------------------------------------------------------
@dataclass(frozen=True)
class ChildSaved:
    changes: OpChanges
    id: str
    version: int

    @property
    def entity_id(self) -> str:
        return self.id


def add_activity(uow_factory: UnitOfWorkFactory, deal_id: str, kind: ActivityKind | str,
                 subject: str, due_on: date | None = None) -> ChildSaved:
    with uow_factory() as uow:
        deal = uow.deals.get(deal_id)
        activity = DealActivity(deal_id=deal.id, kind=check_choice(ActivityKind, kind, "kind"),
                                subject=subject, due_on=due_on)
        uow.activities.add(activity)
        uow.commit()
        return ChildSaved(_deal_changes(f"Planned a {activity.kind.value} on "
                                        f"{_label(uow, deal)}", deal.id),
                          activity.id, activity.version)


def set_activity_done(uow_factory: UnitOfWorkFactory, activity_id: str,
                      expected_version: int | None, done: bool,
                      now: datetime | None = None) -> ChildSaved:
    with uow_factory() as uow:
        activity = uow.activities.get(activity_id)
        check_version(activity, expected_version, "Activity")
        activity.done_at = (now or _now()) if done else None
        uow.commit()
        return ChildSaved(_deal_changes("Completed an activity" if done else
                                        "Reopened an activity", activity.deal_id),
                          activity.id, activity.version)


def remove_activity(uow_factory: UnitOfWorkFactory, activity_id: str,
                    expected_version: int | None) -> ChildSaved:
    with uow_factory() as uow:
        activity = uow.activities.get(activity_id)
        check_version(activity, expected_version, "Activity")
        activity.deleted_at = _now()
        uow.commit()
        return ChildSaved(_deal_changes("Removed an activity", activity.deal_id),
                          activity.id, activity.version)


def add_note(uow_factory: UnitOfWorkFactory, deal_id: str, body: str) -> ChildSaved:
    with uow_factory() as uow:
        deal = uow.deals.get(deal_id)
        note = DealNote(deal_id=deal.id, body=body)
        uow.notes.add(note)
        uow.commit()
        return ChildSaved(_deal_changes(f"Noted feedback on {_label(uow, deal)}", deal.id),
                          note.id, note.version)


# --- used by the deal dialog ---
def restore_activity(uow_factory: UnitOfWorkFactory, activity_id: str,
                     expected_version: int | None) -> ChildSaved:
    """Undo of remove_activity (and redo of add_activity)."""
    with uow_factory() as uow:
        activity = uow.activities.get_deleted(activity_id)
        check_version(activity, expected_version, "Activity")
        activity.deleted_at = None
        uow.commit()
        return ChildSaved(_deal_changes("Restored an activity", activity.deal_id),
                          activity.id, activity.version)


def remove_note(uow_factory: UnitOfWorkFactory, note_id: str,
                expected_version: int | None) -> ChildSaved:
    """Undo of add_note."""
    with uow_factory() as uow:
        note = uow.notes.get(note_id)
        check_version(note, expected_version, "Note")
        note.deleted_at = _now()
        uow.commit()
        return ChildSaved(_deal_changes("Removed a note", note.deal_id), note.id, note.version)


def restore_note(uow_factory: UnitOfWorkFactory, note_id: str,
                 expected_version: int | None) -> ChildSaved:
    """Redo of add_note."""
    with uow_factory() as uow:
        note = uow.notes.get_deleted(note_id)
        check_version(note, expected_version, "Note")
        note.deleted_at = None
        uow.commit()
        return ChildSaved(_deal_changes("Restored a note", note.deal_id), note.id, note.version)
