"""Frozen row dataclasses the read side returns (storage/queries.py) and the UI shows.

Plain data, no SQLAlchemy: the UI imports these at start-up without paying for the
database layer, which loads only when the first query runs (bench/bench_startup.py).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Any


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
