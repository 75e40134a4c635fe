"""Frozen row dataclasses the read side returns (storage/queries.py) and the UI shows.

Plain data, no SQLAlchemy: the UI imports these at start-up without paying for the
database layer, which loads only when the first query runs (bench/bench_startup.py).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from typing import Any, NamedTuple


@dataclass(frozen=True)
class MemberRow:
    id: str
    version: int
    name: str
    email: str | None
    role: str
    manager_id: str | None
    manager: str | None
    team_id: str | None
    team: str | None
    hire_date: date | None
    ramp_months: int
    capacity: int
    open_leads: int
    skills: dict[str, dict[str, int]]
    left_on: date | None
    territories: tuple[str, ...]

    @property
    def active(self) -> bool:
        return self.left_on is None


@dataclass(frozen=True)
class TeamRow:
    id: str
    name: str


@dataclass(frozen=True)
class TerritoryRow:
    id: str
    version: int
    name: str
    parent_id: str | None
    criteria: tuple[Any, ...]   # domain Criterion objects (immutable)
    accounts: int
    reps: tuple[str, ...]


@dataclass(frozen=True)
class AssignmentRow:
    id: str
    territory_id: str
    member_id: str
    member: str
    start: date
    end: date | None


@dataclass(frozen=True)
class AccountRow:
    id: str
    name: str
    sector: str
    country: str
    region: str
    postcode: str
    employees: int | None
    revenue_m: Decimal | None
    territory_id: str | None
    territory: str | None
    parent: str | None


@dataclass(frozen=True)
class CoverageCounts:
    accounts: int
    landed: int      # in a live territory
    unassigned: int  # in no territory, or in a deleted one


@dataclass(frozen=True)
class RuleValues:
    """Values accounts hold, offered while typing a territory rule."""

    countries: tuple[str, ...]
    regions: tuple[str, ...]
    industries: tuple[str, ...]


# --- pipeline ------------------------------------------------------------------------
@dataclass(frozen=True)
class StageRow:
    id: str
    pipeline_id: str
    name: str
    position: int
    probability: int
    category: str      # domain.pipeline.ForecastCategory value
    outcome: str       # domain.pipeline.Outcome value: open | won | lost
    rotting_days: int | None

    @property
    def is_open(self) -> bool:
        return self.outcome == "open"


@dataclass(frozen=True)
class DealFilter:
    """What the board and the deal list show. Empty fields filter nothing."""

    owner_ids: tuple[str, ...] = ()
    team_id: str | None = None
    territory_id: str | None = None
    product_id: str | None = None
    close_from: date | None = None
    """Open deals expected to close, closed deals won or lost, on or after this day."""
    close_to: date | None = None
    search: str = ""
    """Part of the title, reference, account or contact."""

    @property
    def is_empty(self) -> bool:
        return self == DealFilter()


class DealCard(NamedTuple):
    """One deal as the board and the list show it (as of the board's date). A named tuple,
    not a dataclass: a board builds ten thousand of them per read, and a tuple is built
    several times faster (bench/bench_pipeline.py)."""

    id: str
    version: int
    stage_id: str
    title: str
    reference: str | None
    account: str | None
    owner_id: str | None
    owner: str | None
    amount: Decimal
    """The won amount for a won deal, else the amount (as of the board's date)."""
    probability: int
    expected_close: date | None
    entered_at: datetime
    """When the deal entered the stage it is shown in."""
    created_on: date
    closed_on: date | None
    lost_reason: str | None

    @property
    def label(self) -> str:
        return self.title or self.account or self.reference or ""


@dataclass(frozen=True)
class BoardColumn:
    stage: StageRow
    count: int
    amount: Decimal
    weighted: Decimal
    """Sum of amount x probability, exact."""
    cards: tuple[DealCard, ...]
    """All open deals (or the first page of them); for won and lost, the most recent
    `closed_limit` only."""
    stale: int = 0
    """Open deals in the stage for longer than its rotting threshold."""

    @property
    def complete(self) -> bool:
        """Every matching deal's card is here."""
        return len(self.cards) >= self.count


@dataclass(frozen=True)
class Board:
    as_of: datetime | None
    """None = now (live data); else the moment replayed from the stage history."""
    columns: tuple[BoardColumn, ...]


@dataclass(frozen=True)
class FilterChoices:
    owners: tuple[tuple[str, str], ...]       # (id, name)
    teams: tuple[tuple[str, str], ...]
    territories: tuple[tuple[str, str], ...]
    products: tuple[tuple[str, str], ...]
    lost_reasons: tuple[tuple[str, str], ...]  # active ones, offered when losing a deal


@dataclass(frozen=True)
class DealLineRow:
    product_id: str
    product: str
    quantity: int
    unit_price: Decimal
    discount: Decimal
    amount: Decimal


@dataclass(frozen=True)
class ActivityRow:
    id: str
    version: int
    kind: str
    subject: str
    due_on: date | None
    done_at: datetime | None


@dataclass(frozen=True)
class NoteRow:
    id: str
    body: str
    at: datetime
    by: str


@dataclass(frozen=True)
class StageChangeRow:
    at: datetime
    from_stage: str | None
    to_stage: str
    amount: Decimal | None
    by: str


@dataclass(frozen=True)
class DealDetail:
    id: str
    version: int
    pipeline_id: str
    stage_id: str
    stage: str
    title: str
    reference: str | None
    account_id: str | None
    account: str | None
    contact_name: str
    contact_email: str | None
    owner_id: str | None
    owner: str | None
    amount: Decimal
    probability: int | None
    """The deal's own probability; None = the stage's (`stage_probability`)."""
    stage_probability: int
    category: str | None
    stage_category: str
    expected_close: date | None
    created_on: date
    stage_entered_at: datetime
    won_on: date | None
    won_amount: Decimal | None
    lost_on: date | None
    lost_reason: str | None
    next_step: str
    lines: tuple[DealLineRow, ...]
    activities: tuple[ActivityRow, ...]
    notes: tuple[NoteRow, ...]
    history: tuple[StageChangeRow, ...]
