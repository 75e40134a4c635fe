"""What a quota workbook holds and what comes back from an edited one, independent of the
file format: the writer and reader in storage/ (openpyxl) turn these into cells and back.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from salesdesk.domain.errors import ValidationError

MONTHS = 12


@dataclass(frozen=True)
class MemberQuotas:
    """One member's row: a quota and a closed-won amount per fiscal month, exact."""

    member_id: str
    name: str
    quota: tuple[Decimal, ...]
    won: tuple[Decimal, ...]

    def __post_init__(self) -> None:
        if len(self.quota) != MONTHS or len(self.won) != MONTHS:
            raise ValueError(f"member {self.member_id}: need {MONTHS} months of quota and won")


@dataclass(frozen=True)
class TeamQuotas:
    team_id: str
    name: str
    members: tuple[MemberQuotas, ...]


@dataclass(frozen=True)
class QuotaSheetData:
    """What goes into (and is expected back from) a quota workbook. `months` are the 12
    fiscal months' period names ('2017-07'), `quarters` the 4 quarters' ('2018-Q1'),
    `year` the fiscal year's ('2018')."""

    workspace_id: str
    plan_id: str
    plan_version: int
    title: str
    currency: str
    months: tuple[str, ...]
    quarters: tuple[str, ...]
    year: str
    teams: tuple[TeamQuotas, ...]

    def __post_init__(self) -> None:
        if len(self.months) != MONTHS or len(self.quarters) != 4:
            raise ValueError("a quota plan has 12 fiscal months and 4 quarters")

    def header(self, first: str = "Member") -> tuple[str, ...]:
        return (f"{first} ID", first, *self.months, *self.quarters, self.year)


@dataclass(frozen=True)
class QuotaCellChange:
    sheet: str
    cell: str
    team_id: str
    member_id: str
    member: str
    month: str
    old: Decimal
    new: Decimal


@dataclass(frozen=True)
class QuotaSheetChanges:
    plan_id: str
    plan_version: int
    changes: tuple[QuotaCellChange, ...]

    @property
    def unchanged(self) -> bool:
        return not self.changes


@dataclass(frozen=True)
class SheetProblem:
    sheet: str | None
    cell: str | None
    message: str

    def __str__(self) -> str:
        where = [f"Sheet '{self.sheet}'"] if self.sheet else []
        if self.cell:
            where.append(f"cell {self.cell}")
        return f"{', '.join(where)}: {self.message}" if where else self.message


class QuotaSheetError(ValidationError):
    """The workbook was refused; `problems` lists every reason, each naming sheet and cell."""

    def __init__(self, problems: list[SheetProblem]):
        shown = "; ".join(str(p) for p in problems[:10])
        more = f" (and {len(problems) - 10} more)" if len(problems) > 10 else ""
        super().__init__(shown + more)
        self.problems = tuple(problems)


@dataclass(frozen=True)
class SheetIdentity:
    """The plan a workbook says it was exported from (None: the workbook does not say)."""

    workspace_id: str | None
    plan_id: str | None
    plan_version: str | None
