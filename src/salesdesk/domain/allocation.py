"""Exact splitting of quota figures: by weights, by seasonality, over business days, and
ramp schedules for new hires.

Every split uses the largest-remainder method on whole units (cents for money, 1 for
counts), so the parts are never negative and add up EXACTLY to the total: a team's
members add up to the team, twelve months add up to the year, the days of a month add up
to the month. Exact shares are computed with Fractions (Decimal division rounds).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction

from salesdesk.domain.errors import ValidationError
from salesdesk.domain.periods import WEEKDAYS, Period, business_days, month

CENT = Decimal("0.01")
UNIT = Decimal(1)
ONE = Decimal(1)

Weight = Decimal | int


def split(total: Decimal, weights: Sequence[Weight], quantum: Decimal = CENT) -> list[Decimal]:
    """`total` in parts proportional to `weights`, each a multiple of `quantum`, adding up
    exactly to `total`. Units left over after flooring go to the largest remainders (ties:
    the earlier part). All-zero weights split evenly; no weights is an error."""
    if not weights:
        raise ValidationError("nothing to split the figure across", field="weights")
    if total < 0 or not total.is_finite():
        raise ValidationError(f"must be zero or more (got {total})", field="total")
    if any(w < 0 for w in weights):
        raise ValidationError("weights must be zero or more", field="weights")
    units = total / quantum
    if units != units.to_integral_value():
        raise ValidationError(f"{total} is not a multiple of {quantum}", field="total")
    exact = [Fraction(w) for w in weights]
    if not any(exact):
        exact = [Fraction(1)] * len(weights)
    parts = _largest_remainder(int(units), exact)
    return [Decimal(p) * quantum for p in parts]


def split_count(total: int, weights: Sequence[Weight]) -> list[int]:
    """`split` for whole numbers (deal counts, activities)."""
    return [int(p) for p in split(Decimal(total), weights, UNIT)]


def _largest_remainder(units: int, weights: list[Fraction]) -> list[int]:
    whole = sum(weights)
    shares = [units * w / whole for w in weights]
    floors = [s.numerator // s.denominator for s in shares]
    left = units - sum(floors)
    order = sorted(range(len(shares)), key=lambda i: (-(shares[i] - floors[i]), i))
    for i in order[:left]:
        floors[i] += 1
    return floors


def quantum_of(total: Decimal | int) -> Decimal:
    """Cents for money (a Decimal), whole units for counts (an int)."""
    return UNIT if isinstance(total, int) else CENT


def split_like(total: Decimal | int, weights: Sequence[Weight]) -> list[Decimal | int]:
    """`split` that keeps the kind of `total`: ints stay ints, Decimals go to the cent."""
    if isinstance(total, int):
        return list(split_count(total, weights))
    return list(split(total, weights, CENT))


def split_table(rows: Sequence[Decimal | int], columns: Sequence[Decimal | int]
                ) -> list[list[Decimal | int]]:
    """A table whose row i adds up exactly to rows[i] and column j to columns[j] (both
    lists must add up to the same total), each cell within one unit of the exact
    rows[i] * columns[j] / total: members' annual splits and the monthly splits of a team
    target both hold to the cent. Ints give ints, Decimals cents."""
    kind = int if all(isinstance(v, int) for v in (*rows, *columns)) else Decimal
    quantum = UNIT if kind is int else CENT
    r = [_units(v, quantum) for v in rows]
    c = [_units(v, quantum) for v in columns]
    if sum(r) != sum(c):
        raise ValidationError("row and column totals differ", field="total")
    cells = _controlled_rounding(r, c)
    if kind is int:
        return [list(row) for row in cells]
    return [[Decimal(u) * quantum for u in row] for row in cells]


def _units(value: Decimal | int, quantum: Decimal) -> int:
    units = Decimal(value) / quantum
    if value < 0 or units != units.to_integral_value():
        raise ValidationError(f"{value} is not a non-negative multiple of {quantum}",
                              field="total")
    return int(units)


def _controlled_rounding(rows: list[int], cols: list[int]) -> list[list[int]]:
    total = sum(rows)
    if total == 0:
        return [[0] * len(cols) for _ in rows]
    exact = [[Fraction(r * c, total) for c in cols] for r in rows]
    cells = [[int(x) for x in row] for row in exact]
    need_r = [r - sum(row) for r, row in zip(rows, cells, strict=True)]
    need_c = [c - sum(row[j] for row in cells) for j, c in enumerate(cols)]
    # a cell may take one more unit if its exact value has a fraction; the fractions are a
    # feasible fractional answer, so an integral one exists (a bipartite b-matching)
    bumped: set[tuple[int, int]] = set()
    for i, row in enumerate(exact):
        by_fraction = sorted(range(len(cols)), key=lambda j: (cells[i][j] - row[j], j))
        for j in by_fraction:
            if need_r[i] and need_c[j] and row[j] != cells[i][j]:
                bumped.add((i, j))
                need_r[i] -= 1
                need_c[j] -= 1
    for i in range(len(rows)):
        while need_r[i]:
            _augment(i, exact, cells, bumped, need_c)
            need_r[i] -= 1
    for i, j in bumped:
        cells[i][j] += 1
    return cells


def _augment(start: int, exact: list[list[Fraction]], cells: list[list[int]],
             bumped: set[tuple[int, int]], need_c: list[int]) -> None:
    """Give row `start` one more unit along an alternating path ending at a column that
    still needs one (breadth first)."""
    came_from: dict[int, tuple[int, int | None]] = {}  # column -> (row, previous column)
    frontier: list[tuple[int, int | None]] = [(start, None)]
    while frontier:
        following: list[tuple[int, int | None]] = []
        for i, via in frontier:
            for j in range(len(cells[i])):
                if j in came_from or (i, j) in bumped or exact[i][j] == cells[i][j]:
                    continue
                came_from[j] = (i, via)
                if need_c[j]:
                    need_c[j] -= 1
                    _flip(j, came_from, bumped)
                    return
                following += [(k, j) for k in range(len(cells)) if (k, j) in bumped]
        frontier = following
    raise AssertionError("controlled rounding found no path")  # impossible: see above


def _flip(j: int | None, came_from: dict[int, tuple[int, int | None]],
          bumped: set[tuple[int, int]]) -> None:
    while j is not None:
        i, previous = came_from[j]
        bumped.add((i, j))
        if previous is not None:
            bumped.discard((i, previous))
        j = previous


# --- seasonality ----------------------------------------------------------------------


@dataclass(frozen=True)
class Seasonality:
    """Twelve non-negative weights, one per month of the fiscal year (index 0 = the first
    fiscal month). Only their proportions matter."""

    weights: tuple[Decimal, ...]

    def __post_init__(self) -> None:
        if len(self.weights) != 12:
            raise ValidationError(f"needs 12 monthly weights (got {len(self.weights)})",
                                  field="seasonality")
        if any(Decimal(w) < 0 for w in self.weights):
            raise ValidationError("monthly weights must be zero or more", field="seasonality")
        object.__setattr__(self, "weights", tuple(Decimal(w) for w in self.weights))

    @classmethod
    def even(cls) -> Seasonality:
        return cls((ONE,) * 12)

    @classmethod
    def from_history(cls, monthly: Sequence[Decimal], smoothing: Decimal = Decimal("0.25")
                     ) -> Seasonality:
        """The shape of past months' figures, blended with an even year by `smoothing`
        (0 = the history as is, 1 = even) so one lucky month does not dictate a plan."""
        if not 0 <= smoothing <= 1:
            raise ValidationError("smoothing must be 0 to 1", field="smoothing")
        total = sum(monthly, Decimal(0))
        if total <= 0:
            return cls.even()
        shares = [Decimal(m) / total for m in monthly]
        even = ONE / 12
        return cls(tuple((1 - smoothing) * s + smoothing * even for s in shares))

    def spread(self, annual: Decimal | int) -> list[Decimal | int]:
        """The annual figure over the twelve fiscal months, adding up exactly."""
        return split_like(annual, self.weights)


# --- ramp schedules -------------------------------------------------------------------


@dataclass(frozen=True)
class RampSchedule:
    """Share of a full quota a new hire carries: `steps[i]` during the i-th block of
    `block_months` months from the hire month (the hire month is month 0), then 100 %.
    Before the hire month the share is 0. E.g. RampSchedule((0.25, 0.5, 0.75)) gives
    25/50/75/100 % over the first quarters."""

    steps: tuple[Decimal, ...]
    block_months: int = 3

    def __post_init__(self) -> None:
        steps = tuple(Decimal(str(s)) if isinstance(s, float) else Decimal(s)
                      for s in self.steps)
        if any(not 0 <= s <= 1 for s in steps):
            raise ValidationError("ramp steps must be 0 % to 100 %", field="ramp")
        if self.block_months < 1:
            raise ValidationError("ramp blocks must last a month or more", field="ramp")
        object.__setattr__(self, "steps", steps)

    @classmethod
    def linear(cls, ramp_months: int) -> RampSchedule:
        """The ramp of Member.ramp_months: month k of n carries (k+1)/(n+1)."""
        n = ramp_months
        return cls(tuple(Decimal(k + 1) / Decimal(n + 1) for k in range(n)), block_months=1)

    @property
    def months(self) -> int:
        return len(self.steps) * self.block_months

    def factor(self, hire_date: date | None, month_start: date) -> Decimal:
        """Share of full quota in the month starting on `month_start`."""
        if hire_date is None:
            return ONE
        elapsed = ((month_start.year - hire_date.year) * 12
                   + month_start.month - hire_date.month)
        if elapsed < 0:
            return Decimal(0)
        block = elapsed // self.block_months
        return self.steps[block] if block < len(self.steps) else ONE

    def apply(self, amount: Decimal | int, hire_date: date | None, month_start: date
              ) -> Decimal | int:
        """`amount` scaled by the month's factor, to the cent (counts: whole units),
        half up; never more than `amount`."""
        scaled = (Decimal(amount) * self.factor(hire_date, month_start)).quantize(
            quantum_of(amount), rounding=ROUND_HALF_UP)
        return int(scaled) if isinstance(amount, int) else scaled


EVEN = Seasonality.even()
NO_RAMP = RampSchedule(())
STANDARD_RAMP = RampSchedule((Decimal("0.25"), Decimal("0.50"), Decimal("0.75")))
"""25/50/75 % over the first three quarters, 100 % from the fourth."""


# --- business days --------------------------------------------------------------------


@dataclass(frozen=True)
class WorkCalendar:
    """The workspace's working week (date.weekday numbers), holidays and fiscal start."""

    working_days: frozenset[int] = frozenset(WEEKDAYS)
    holidays: frozenset[date] = frozenset()
    fiscal_start: int = 1

    def is_business_day(self, day: date) -> bool:
        return day.weekday() in self.working_days and day not in self.holidays

    def business_days(self, start: date, end: date) -> int:
        """Business days in start <= day < end."""
        return business_days(start, end, self.working_days, self.holidays)


DEFAULT_CALENDAR = WorkCalendar()
"""Monday to Friday, no holidays, January fiscal start."""


def days_of(period: Period) -> Iterable[date]:
    return (period.start + timedelta(days=i) for i in range(period.days))


def daily_split(amount: Decimal | int, month_start: date, calendar: WorkCalendar
                ) -> dict[date, Decimal | int]:
    """A month's target over its business days, adding up exactly to the month; non-
    business days carry 0. A month without a business day spreads over all its days, so
    the target is never lost."""
    days = list(days_of(month(month_start.year, month_start.month)))
    weights = [1 if calendar.is_business_day(d) else 0 for d in days]
    return dict(zip(days, split_like(amount, weights), strict=True))
