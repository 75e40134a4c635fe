"""The fiscal calendar: years, quarters, months, ISO weeks and days, by name.

Names accepted everywhere: "2017" (fiscal year), "2017-Q3" (fiscal quarter), "2017-07"
(calendar month), "2017-W27" (ISO week), "2017-07-14" (day). The fiscal year starts on the
first day of `fiscal_start` (a month, 1 = January, a workspace setting) and is named after
the calendar year in which it ENDS, as most companies do (with a July start, FY2018 runs
from July 2017 to June 2018). With a January start, fiscal and calendar years coincide.
A period is half-open: `start` <= day < `end`.
"""

from __future__ import annotations

import enum
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date, timedelta

from salesdesk.domain.errors import ValidationError


class PeriodKind(enum.StrEnum):
    YEAR = "year"
    QUARTER = "quarter"
    MONTH = "month"
    WEEK = "week"
    DAY = "day"


@dataclass(frozen=True, order=True)
class Period:
    start: date
    end: date
    """First day after the period."""
    kind: PeriodKind
    name: str

    def __contains__(self, day: object) -> bool:
        return isinstance(day, date) and self.start <= day < self.end

    @property
    def last_day(self) -> date:
        return self.end - timedelta(days=1)

    @property
    def days(self) -> int:
        return (self.end - self.start).days

    def __str__(self) -> str:
        return self.name


def _add_months(day: date, months: int) -> date:
    index = day.year * 12 + day.month - 1 + months
    return date(index // 12, index % 12 + 1, 1)


def _check_start(fiscal_start: int) -> None:
    if not 1 <= fiscal_start <= 12:
        raise ValidationError(f"must be a month from 1 to 12 (got {fiscal_start})",
                              field="fiscal_start")


FISCAL_START_SETTING = "fiscal_start_month"
"""The workspace setting that holds `fiscal_start` (storage reads it, services write it)."""
DEFAULT_FISCAL_START = 1
"""January: the fiscal start of a workspace that never set one."""


def fiscal_start_setting(text: str | None) -> int:
    """The month a stored fiscal_start_month setting names; None (never set) is
    DEFAULT_FISCAL_START. Anything but a month from 1 to 12 is a ValidationError naming
    the setting."""
    if text is None:
        return DEFAULT_FISCAL_START
    try:
        month = int(text)
    except ValueError:
        month = 0
    if not 1 <= month <= 12:
        raise ValidationError(f"'{text}' is not a month from 1 to 12",
                              field=FISCAL_START_SETTING)
    return month


def fiscal_year(year: int, fiscal_start: int = 1) -> Period:
    """Fiscal year `year` (named after the calendar year it ends in)."""
    _check_start(fiscal_start)
    start = date(year if fiscal_start == 1 else year - 1, fiscal_start, 1)
    return Period(start, _add_months(start, 12), PeriodKind.YEAR, str(year))


def fiscal_quarter(year: int, quarter: int, fiscal_start: int = 1) -> Period:
    if not 1 <= quarter <= 4:
        raise ValidationError(f"quarter must be 1 to 4 (got {quarter})", field="period")
    start = _add_months(fiscal_year(year, fiscal_start).start, 3 * (quarter - 1))
    return Period(start, _add_months(start, 3), PeriodKind.QUARTER, f"{year}-Q{quarter}")


def month(year: int, month_: int) -> Period:
    if not 1 <= month_ <= 12:
        raise ValidationError(f"month must be 1 to 12 (got {month_})", field="period")
    start = date(year, month_, 1)
    return Period(start, _add_months(start, 1), PeriodKind.MONTH, f"{year}-{month_:02d}")


def iso_week(year: int, week: int) -> Period:
    try:
        start = date.fromisocalendar(year, week, 1)
    except ValueError:
        raise ValidationError(f"{year} has no ISO week {week}", field="period") from None
    return Period(start, start + timedelta(days=7), PeriodKind.WEEK, f"{year}-W{week:02d}")


def day_period(day: date) -> Period:
    return Period(day, day + timedelta(days=1), PeriodKind.DAY, day.isoformat())


_FORMS = (
    (re.compile(r"^(?:FY)?(\d{4})$", re.I), PeriodKind.YEAR),
    (re.compile(r"^(\d{4})-?Q([1-4])$", re.I), PeriodKind.QUARTER),
    (re.compile(r"^(\d{4})-(\d{1,2})$"), PeriodKind.MONTH),
    (re.compile(r"^(\d{4})-?W(\d{1,2})$", re.I), PeriodKind.WEEK),
    (re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$"), PeriodKind.DAY),
)


def parse_period(text: str, fiscal_start: int = 1) -> Period:
    """'2017', '2017-Q3', '2017-07', '2017-W27' or '2017-07-14' as a Period."""
    try:
        return _parse(text, fiscal_start)
    except (ValueError, OverflowError):  # a year date() cannot hold, e.g. 0 or 9999+1
        raise ValidationError(f"'{text}' is outside the calendar SalesDesk handles",
                              field="period") from None


def _parse(text: str, fiscal_start: int) -> Period:
    cleaned = "".join(str(text).split())
    for pattern, kind in _FORMS:
        m = pattern.match(cleaned)
        if not m:
            continue
        numbers = [int(g) for g in m.groups()]
        if kind is PeriodKind.YEAR:
            return fiscal_year(numbers[0], fiscal_start)
        if kind is PeriodKind.QUARTER:
            return fiscal_quarter(numbers[0], numbers[1], fiscal_start)
        if kind is PeriodKind.MONTH:
            return month(numbers[0], numbers[1])
        if kind is PeriodKind.WEEK:
            return iso_week(numbers[0], numbers[1])
        try:
            return day_period(date(*numbers))
        except ValueError:
            break
    raise ValidationError(
        f"'{text}' is not a period; write a year (2017), a quarter (2017-Q3), a month "
        "(2017-07), an ISO week (2017-W27) or a day (2017-07-14)", field="period")


def containing(day: date, kind: PeriodKind | str, fiscal_start: int = 1) -> Period:
    """The period of `kind` that holds `day`."""
    kind = PeriodKind(kind)
    if kind is PeriodKind.DAY:
        return day_period(day)
    if kind is PeriodKind.WEEK:
        iso = day.isocalendar()
        return iso_week(iso.year, iso.week)
    if kind is PeriodKind.MONTH:
        return month(day.year, day.month)
    _check_start(fiscal_start)
    # the fiscal year ends in the calendar year of its last month
    year = day.year + (1 if fiscal_start != 1 and day.month >= fiscal_start else 0)
    fy = fiscal_year(year, fiscal_start)
    if kind is PeriodKind.YEAR:
        return fy
    quarter = ((day.year * 12 + day.month) - (fy.start.year * 12 + fy.start.month)) // 3 + 1
    return fiscal_quarter(year, quarter, fiscal_start)


def following(period: Period, fiscal_start: int = 1) -> Period:
    return containing(period.end, period.kind, fiscal_start)


def preceding(period: Period, fiscal_start: int = 1) -> Period:
    return containing(period.start - timedelta(days=1), period.kind, fiscal_start)


def periods_between(first: date, last: date, kind: PeriodKind | str,
                    fiscal_start: int = 1) -> Iterator[Period]:
    """Every period of `kind` that overlaps first..last (both included), in order."""
    period = containing(first, kind, fiscal_start)
    while period.start <= last:
        yield period
        period = following(period, fiscal_start)


def children(period: Period, kind: PeriodKind | str, fiscal_start: int = 1) -> list[Period]:
    """The periods of a finer `kind` inside `period` (weeks: those starting in it)."""
    kind = PeriodKind(kind)
    found = list(periods_between(period.start, period.last_day, kind, fiscal_start))
    if kind is PeriodKind.WEEK:
        found = [p for p in found if p.start in period]
    return found


WEEKDAYS = (0, 1, 2, 3, 4)
"""Monday to Friday: the default working days (date.weekday numbers)."""


def business_days(start: date, end: date, working_days: Iterable[int] = WEEKDAYS,
                  holidays: Iterable[date] = ()) -> int:
    """Working days in start <= day < end."""
    work = frozenset(working_days)
    off = frozenset(holidays)
    total = (end - start).days
    if total <= 0:
        return 0
    weeks, rest = divmod(total, 7)
    count = weeks * len(work)
    count += sum(1 for i in range(rest)
                 if (start + timedelta(days=weeks * 7 + i)).weekday() in work)
    count -= sum(1 for h in off if start <= h < end and h.weekday() in work)
    return count
