"""What the forecast engine is fed: deals as they stood at the forecast moment, closed deals
to learn from, and the scope (member, team, territory or company) a figure is for.

Money comes in as Decimal (to the cent, as the domain keeps it); inside the engine it is
integer cents (`to_cents`), and every figure goes back out as Decimal (`from_cents`).
"""

from __future__ import annotations

import enum
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from decimal import Decimal
from operator import attrgetter

from salesdesk.domain.pipeline import ForecastCategory, Outcome

ZERO = Decimal("0.00")


def to_cents(amount: Decimal) -> int:
    """Exact whole cents; refuses an amount with more than two decimal places."""
    scaled = amount.scaleb(2)
    cents = int(scaled)
    if cents != scaled:
        raise ValueError(f"{amount} is not a whole number of cents")
    return cents


def from_cents(cents: int) -> Decimal:
    return Decimal(int(cents)).scaleb(-2)


def day_of(moment: date | datetime) -> date:
    """The day of a forecast moment. A datetime counts for its own day: its UTC day when
    it has a time zone, the day moves count on (deals.utc_day)."""
    if not isinstance(moment, datetime):
        return moment
    return moment.astimezone(UTC).date() if moment.tzinfo is not None else moment.date()


class ScopeKind(enum.StrEnum):
    COMPANY = "company"
    MEMBER = "member"
    TEAM = "team"
    TERRITORY = "territory"


@dataclass(frozen=True)
class Scope:
    """Which deals a figure covers: a filter on the deal's owner, team or territory.

    `ids` may hold several ids, so that a manager's team can include its sub-teams and a
    territory its children (the caller expands the hierarchy). The company scope has none.
    """

    kind: ScopeKind = ScopeKind.COMPANY
    ids: frozenset[str] = field(default_factory=frozenset)

    def __post_init__(self) -> None:
        object.__setattr__(self, "kind", ScopeKind(self.kind))
        object.__setattr__(self, "ids", frozenset(self.ids))
        if (self.kind is ScopeKind.COMPANY) != (not self.ids):
            raise ValueError("the company scope takes no id; the others need at least one")

    @classmethod
    def company(cls) -> Scope:
        return cls()

    @classmethod
    def member(cls, *ids: str) -> Scope:
        return cls(ScopeKind.MEMBER, frozenset(ids))

    @classmethod
    def team(cls, *ids: str) -> Scope:
        return cls(ScopeKind.TEAM, frozenset(ids))

    @classmethod
    def territory(cls, *ids: str) -> Scope:
        return cls(ScopeKind.TERRITORY, frozenset(ids))

    def includes(self, owner_id: str | None, team_id: str | None,
                 territory_id: str | None) -> bool:
        if self.kind is ScopeKind.COMPANY:
            return True
        key = {ScopeKind.MEMBER: owner_id, ScopeKind.TEAM: team_id,
               ScopeKind.TERRITORY: territory_id}[self.kind]
        return key in self.ids

    def covers(self, deal: DealState | ClosedDeal) -> bool:
        return self.includes(deal.owner_id, deal.team_id, deal.territory_id)

    def __str__(self) -> str:
        if self.kind is ScopeKind.COMPANY:
            return "company"
        return f"{self.kind.value}:{','.join(sorted(self.ids))}"


COMPANY = Scope()


@dataclass(frozen=True, slots=True, kw_only=True)
class DealState:
    """One deal as it stood at the forecast moment (a replay of its stage history).

    `probability` is the effective percent (the deal's override, else the stage's);
    `stage_probability` the stage's default, which the plain CRM baseline uses.
    `category` is the effective forecast category. `closed_on`, `won_amount` and
    `lost_reason` are set only when `outcome` is won or lost at that moment.
    `stage_entered_on` is when the deal entered its current stage (None: `created_on`);
    the historical method needs it for the deal's age in stage.
    """

    id: str
    owner_id: str | None
    team_id: str | None = None
    territory_id: str | None = None
    stage_id: str
    stage: str = ""
    outcome: Outcome = Outcome.OPEN
    amount: Decimal
    probability: int
    stage_probability: int
    category: ForecastCategory = ForecastCategory.PIPELINE
    expected_close: date | None = None
    created_on: date
    stage_entered_on: date | None = None
    closed_on: date | None = None
    won_amount: Decimal | None = None
    lost_reason: str | None = None

    def __post_init__(self) -> None:
        for name in ("probability", "stage_probability"):
            value = getattr(self, name)
            if not 0 <= value <= 100:
                raise ValueError(f"{name} must be 0-100 (got {value})")
        if (self.outcome is Outcome.OPEN) != (self.closed_on is None):
            raise ValueError(f"deal {self.id}: a closed date goes with a won or lost outcome")
        if self.outcome is Outcome.WON and self.won_amount is None:
            raise ValueError(f"deal {self.id}: a won deal needs its won amount")

    @property
    def is_open(self) -> bool:
        return self.outcome is Outcome.OPEN

    @property
    def entered_on(self) -> date:
        return self.stage_entered_on or self.created_on

    @property
    def value(self) -> Decimal:
        """The won amount once won, else the amount."""
        return self.won_amount if self.won_amount is not None else self.amount

    def won_in(self, start: date, end: date) -> bool:
        return (self.outcome is Outcome.WON and self.closed_on is not None
                and start <= self.closed_on < end)

    def effective_close(self, today: date) -> date:
        """When the deal is taken to close, at a forecast made on `today`.

        An open deal without an expected close date counts in the period that holds
        `today`, as a CRM that defaults the close date to the current period would show it
        (the sample company's deals carry no date). A date already past on a deal that is
        still open is stale: the deal can only close from today on, so it counts today too.
        """
        if self.expected_close is None or self.expected_close < today:
            return today
        return self.expected_close


@dataclass(frozen=True, slots=True)
class StageVisit:
    """A closed deal entered an open stage on `entered_on`."""

    stage_id: str
    entered_on: date


@dataclass(frozen=True, slots=True, kw_only=True)
class ClosedDeal:
    """A deal won or lost, for learning: who owned it, what it was worth, when it was
    created and closed, and the open stages it passed through (`visits`, any order)."""

    id: str
    owner_id: str | None
    team_id: str | None = None
    territory_id: str | None = None
    won: bool
    amount: Decimal
    won_amount: Decimal | None = None
    created_on: date
    closed_on: date
    visits: tuple[StageVisit, ...] = ()

    def __post_init__(self) -> None:
        if self.won and self.won_amount is None:
            raise ValueError(f"deal {self.id}: a won deal needs its won amount")
        if self.closed_on < self.created_on:
            raise ValueError(f"deal {self.id}: closed before it was created")


_SCOPE_FIELD = {ScopeKind.MEMBER: "owner_id", ScopeKind.TEAM: "team_id",
                ScopeKind.TERRITORY: "territory_id"}


def in_scope(states: Iterable[DealState], scope: Scope) -> list[DealState]:
    """The deals of `scope` (the same as `scope.covers` on each, read straight from the
    deal's field: a re-scope filters thousands of deals per period)."""
    if scope.kind is ScopeKind.COMPANY:
        return list(states)
    key, ids = attrgetter(_SCOPE_FIELD[scope.kind]), scope.ids
    return [s for s in states if key(s) in ids]
