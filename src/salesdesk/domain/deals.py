"""Deals: lines giving the amount, the stage they are in, and the history of every move.

The stage history is what makes time in stage and the board "as of" any past date exact:
every move appends a StageChange, and replaying the changes up to a moment tells where
each deal stood then (see `stage_at`).
"""

from __future__ import annotations

import enum
from bisect import bisect_right
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime
from decimal import ROUND_HALF_UP, Decimal
from typing import Protocol

from salesdesk.domain.entity import Entity
from salesdesk.domain.errors import DomainError, ValidationError
from salesdesk.domain.pipeline import (
    ForecastCategory,
    Outcome,
    Stage,
    check_choice,
    check_probability,
)
from salesdesk.domain.validation import check_cents, clean_email, clean_text

CENT = Decimal("0.01")
UPDATABLE_FIELDS = frozenset({"title", "account_id", "contact_name", "contact_email",
                              "owner_id", "probability", "category", "expected_close",
                              "next_step", "amount", "reference"})
"""What Deal.update changes; the stage changes through Deal.move only."""


class ReopenRequired(DomainError):
    """Moving a won or lost deal back into an open stage needs the user's confirmation."""

    def __init__(self, title: str, outcome: Outcome):
        self.outcome = outcome
        super().__init__(f"{title} is {outcome.value}; reopening it needs confirmation")


class ActivityKind(enum.StrEnum):
    CALL = "call"
    EMAIL = "email"
    MEETING = "meeting"
    TASK = "task"


def _money(value: Decimal, field: str, *, minimum: Decimal | None = Decimal(0)) -> Decimal:
    if not isinstance(value, Decimal):
        raise ValidationError(f"'{value}' is not an exact amount", field=field)
    check_cents(value, field)
    if minimum is not None and value < minimum:
        raise ValidationError(f"must be at least {minimum} (got {value})", field=field)
    return value


def _day(value: object, field: str) -> None:
    if value is not None and (isinstance(value, datetime) or not isinstance(value, date)):
        raise ValidationError(f"'{value}' is not a date", field=field)


def _moment(value: object, field: str) -> None:
    """Moments are timezone-aware: a naive one is ambiguous (and storage refuses it)."""
    if not isinstance(value, datetime) or value.tzinfo is None \
            or value.utcoffset() is None:
        raise ValidationError(f"'{value}' is not a moment with a time zone", field=field)


def utc_day(at: datetime) -> date:
    """The calendar day of a moment, in UTC: the day a move counts on (won_on, lost_on,
    and the board's close period)."""
    return at.astimezone(UTC).date()


@dataclass(eq=False, kw_only=True)
class Deal(Entity):
    pipeline_id: str
    stage_id: str
    title: str = ""
    reference: str | None = None
    account_id: str | None = None
    contact_name: str = ""
    contact_email: str | None = None
    owner_id: str | None = None
    amount: Decimal = Decimal("0.00")
    """Sum of the lines when the deal has lines; else what the user entered."""
    probability: int | None = None
    """Overrides the stage's default probability; None = the stage's."""
    category: ForecastCategory | None = None
    """Overrides the stage's forecast category; None = the stage's."""
    expected_close: date | None = None
    created_on: date
    stage_entered_at: datetime
    won_on: date | None = None
    won_amount: Decimal | None = None
    """The amount actually signed, asked for when the deal is won."""
    lost_on: date | None = None
    lost_reason_id: str | None = None
    next_step: str = ""
    lead_id: str | None = None

    def __post_init__(self) -> None:
        self.title = clean_text(self.title, "title", max_len=200)
        self.reference = clean_text(self.reference, "reference", max_len=40) or None
        self.contact_name = clean_text(self.contact_name, "contact", max_len=200)
        self.contact_email = clean_email(self.contact_email, "contact_email")
        self.next_step = clean_text(self.next_step, "next_step", max_len=300)
        self.amount = _money(self.amount, "amount")
        if self.won_amount is not None:
            self.won_amount = _money(self.won_amount, "won_amount")
        if self.probability is not None:
            self.probability = check_probability(self.probability, "probability")
        if self.category is not None:
            self.category = check_choice(ForecastCategory, self.category, "category")
        _day(self.expected_close, "expected_close")
        _day(self.created_on, "created_on")
        _moment(self.stage_entered_at, "stage_entered_at")

    # --- what the deal is worth and where it counts ---------------------------------------
    @property
    def is_won(self) -> bool:
        return self.won_on is not None

    @property
    def is_lost(self) -> bool:
        return self.lost_on is not None

    @property
    def is_open(self) -> bool:
        return not (self.is_won or self.is_lost)

    @property
    def value(self) -> Decimal:
        """The won amount once won, else the amount."""
        return self.won_amount if self.won_amount is not None else self.amount

    def effective_probability(self, stage: Stage) -> int:
        if not stage.is_open or self.probability is None:
            return stage.probability
        return self.probability

    def effective_category(self, stage: Stage) -> ForecastCategory:
        if not stage.is_open or self.category is None:
            return stage.category
        return self.category

    def weighted_amount(self, stage: Stage) -> Decimal:
        """Value x probability, exact (not rounded: totals of many deals stay exact), as
        the board's column totals count it."""
        return self.value * self.effective_probability(stage) / 100

    # --- changes -----------------------------------------------------------------------
    def update(self, **fields: object) -> None:
        unknown = set(fields) - UPDATABLE_FIELDS
        if unknown:
            raise ValidationError(f"cannot be changed here: {', '.join(sorted(unknown))}",
                                  field=sorted(unknown)[0])
        probe = Deal(**{**{k: getattr(self, k) for k in _FIELDS}, **fields})
        for key in fields:
            setattr(self, key, getattr(probe, key))

    def set_lines(self, lines: Sequence[DealLine]) -> None:
        """The deal's amount follows its lines (a deal without lines keeps its amount)."""
        if lines:
            self.amount = sum((line.amount for line in lines), Decimal("0.00"))

    def move(self, current: Stage, target: Stage, at: datetime, *,
             won_amount: Decimal | None = None, lost_reason_id: str | None = None,
             reopen: bool = False) -> StageChange:
        """Put the deal in `target` at `at`; returns the history entry to store.

        Winning needs the final amount, losing a reason; taking a won or lost deal back to
        an open stage needs `reopen=True` (the user confirmed). Moving it from won to lost
        or back does not: the amount or the reason asked for is the confirmation. Nothing
        changes when the move is refused."""
        _moment(at, "date")
        if current.id != self.stage_id:
            raise ValidationError("the deal is not in the stage given as current",
                                  field="stage")
        if target.pipeline_id != self.pipeline_id:
            raise ValidationError(f"stage '{target.name}' belongs to another pipeline",
                                  field="stage")
        if target.id == self.stage_id:
            raise ValidationError(f"the deal is already in '{target.name}'", field="stage")
        if at < self.stage_entered_at:
            raise ValidationError(
                f"{at:%Y-%m-%d %H:%M} is before the deal entered its current stage "
                f"({self.stage_entered_at:%Y-%m-%d %H:%M})", field="date")
        if target.outcome is Outcome.WON:
            if won_amount is None:
                raise ValidationError("winning a deal needs its final amount",
                                      field="won_amount")
            won_amount = _money(won_amount, "won_amount")
        elif target.outcome is Outcome.LOST and not lost_reason_id:
            raise ValidationError("losing a deal needs a reason", field="lost_reason")
        if not current.is_open and target.is_open and not reopen:
            raise ReopenRequired(self.title or self.reference or "the deal", current.outcome)
        self.won_on = self.won_amount = self.lost_on = self.lost_reason_id = None
        if target.outcome is Outcome.WON:
            self.won_amount, self.won_on = won_amount, utc_day(at)
        elif target.outcome is Outcome.LOST:
            self.lost_reason_id, self.lost_on = lost_reason_id, utc_day(at)
        self.stage_id = target.id
        self.stage_entered_at = at
        return StageChange(deal_id=self.id, from_stage_id=current.id, to_stage_id=target.id,
                           at=at, amount=self.value)


_FIELDS = ("pipeline_id", "stage_id", "title", "reference", "account_id", "contact_name",
           "contact_email", "owner_id", "amount", "probability", "category", "expected_close",
           "created_on", "stage_entered_at", "won_on", "won_amount", "lost_on",
           "lost_reason_id", "next_step", "lead_id")


@dataclass(eq=False, kw_only=True)
class DealLine(Entity):
    deal_id: str
    position: int
    product_id: str
    quantity: int = 1
    unit_price: Decimal = Decimal("0.00")
    discount: Decimal = Decimal("0.00")
    """Percent off, 0-100, to two decimals."""

    def __post_init__(self) -> None:
        if isinstance(self.quantity, bool) or not isinstance(self.quantity, int) \
                or self.quantity < 1:
            raise ValidationError(f"must be a whole number of at least 1 (got "
                                  f"{self.quantity})", field="quantity")
        self.unit_price = _money(self.unit_price, "unit_price")
        if not isinstance(self.discount, Decimal):
            raise ValidationError(f"'{self.discount}' is not an exact percent", field="discount")
        check_cents(self.discount, "discount")
        if not Decimal(0) <= self.discount <= Decimal(100):
            raise ValidationError(f"must be between 0 and 100 % (got {self.discount})",
                                  field="discount")

    @property
    def amount(self) -> Decimal:
        gross = self.unit_price * self.quantity
        return (gross * (Decimal(100) - self.discount) / Decimal(100)).quantize(
            CENT, rounding=ROUND_HALF_UP)


@dataclass(eq=False, kw_only=True)
class StageChange(Entity):
    """One move of a deal: from a stage (None when the deal was created) to another."""

    deal_id: str
    from_stage_id: str | None
    to_stage_id: str
    at: datetime
    amount: Decimal | None = None
    """The deal's value at the move (the won amount for a win)."""


@dataclass(eq=False, kw_only=True)
class DealActivity(Entity):
    deal_id: str
    kind: ActivityKind
    subject: str
    due_on: date | None = None
    done_at: datetime | None = None

    def __post_init__(self) -> None:
        self.kind = check_choice(ActivityKind, self.kind, "kind")
        self.subject = clean_text(self.subject, "subject", required=True, max_len=200)
        _day(self.due_on, "due_on")

    @property
    def done(self) -> bool:
        return self.done_at is not None

    def is_overdue(self, today: date) -> bool:
        return not self.done and self.due_on is not None and self.due_on < today


@dataclass(eq=False, kw_only=True)
class DealNote(Entity):
    """Customer feedback, in the customer's words or the rep's."""

    deal_id: str
    body: str

    def __post_init__(self) -> None:
        text = "" if self.body is None else str(self.body).strip()
        if not text:
            raise ValidationError("is required", field="note")
        if len(text) > 4000:
            raise ValidationError("is longer than 4000 characters", field="note")
        self.body = text


# --- replay ---------------------------------------------------------------------------
def history_order(change: StageChange) -> tuple[datetime, bool]:
    """Sort key of a deal's stage history, oldest first. Changes at the same moment keep
    the order they were given in (the order they were made), except that the entry that
    created the deal always comes first (a deal created and moved at once, as imports do).
    storage.pipeline_queries replays in the same order."""
    return change.at, change.from_stage_id is not None


@dataclass(frozen=True)
class Timeline:
    """One deal's stage history, oldest first, for replays."""

    times: tuple[datetime, ...]
    stages: tuple[str, ...]

    @classmethod
    def of(cls, changes: Iterable[StageChange]) -> Timeline:
        """`changes` in the order they were made (ties in time are broken by that order)."""
        ordered = sorted(changes, key=history_order)
        return cls(tuple(c.at for c in ordered), tuple(c.to_stage_id for c in ordered))

    def stage_at(self, when: datetime) -> str | None:
        """The stage the deal was in at `when`; None if it did not exist yet."""
        i = bisect_right(self.times, when)
        return self.stages[i - 1] if i else None

    def entered_at(self, when: datetime) -> datetime | None:
        """When the deal entered the stage it was in at `when`."""
        i = bisect_right(self.times, when)
        return self.times[i - 1] if i else None


def stage_at(changes: Iterable[StageChange], when: datetime) -> str | None:
    """Where a deal stood at `when`, from its stage history."""
    return Timeline.of(changes).stage_at(when)


def days_in_stage(entered: datetime, now: datetime) -> int:
    """Whole days since the deal entered its stage."""
    return max(0, (now - entered).days)


class StageLike(Protocol):
    """What is_rotting needs of a stage: a domain Stage or a storage StageRow."""

    @property
    def is_open(self) -> bool: ...

    @property
    def rotting_days(self) -> int | None: ...


def is_rotting(stage: StageLike, entered: datetime, now: datetime) -> bool:
    """Stale: in an open stage for more whole days than its rotting threshold."""
    return (stage.is_open and stage.rotting_days is not None
            and days_in_stage(entered, now) > stage.rotting_days)
