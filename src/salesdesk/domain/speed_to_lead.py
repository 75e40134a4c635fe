"""Speed to lead: business hours, SLAs per segment, due times, SLA states and ageing.

Rules of the game:
- Business hours are the same opening and closing time on each working weekday, in the
  workspace's time zone, minus holidays. Overnight shifts are not supported (opens must be
  before closes). The clock is wall-clock time in that zone.
- An SLA is a first-contact target per segment, in business minutes, hours or days (a
  business day is one opening-to-closing span). A lead in several segments gets the
  strictest SLA; a lead in none gets the policy's default (none unless set).
- The SLA clock starts when the lead arrives, or at the next opening when it arrives
  outside business hours. Due times always fall inside business hours; a target that
  ends exactly at closing time is due at closing time.
- A lead contacted by its due time met the SLA, later missed it. A lead still waiting is
  on time, due soon (within `soon` business time of the due time) or overdue.
"""

from __future__ import annotations

import enum
import statistics
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta, tzinfo
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from salesdesk.domain.errors import ValidationError
from salesdesk.domain.leads import LeadData
from salesdesk.domain.periods import WEEKDAYS, business_days
from salesdesk.domain.validation import name_key

ZERO = timedelta(0)
DAY = timedelta(days=1)
MAX_SEARCH_DAYS = 3660
"""How far ahead a working day is looked for before the calendar is called unworkable."""


def _aware(value: object, field: str) -> datetime:
    if not isinstance(value, datetime) or value.tzinfo is None or value.utcoffset() is None:
        raise ValidationError(f"'{value}' is not a moment with a time zone", field=field)
    return value


def _zone(name: str) -> tzinfo:
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError):
        raise ValidationError(f"'{name}' is not a time zone (e.g. Europe/Paris)",
                              field="time_zone") from None


@dataclass(frozen=True)
class BusinessHours:
    weekdays: frozenset[int] = frozenset(WEEKDAYS)
    """date.weekday() numbers: 0 = Monday ... 6 = Sunday."""
    opens: time = time(9)
    closes: time = time(17)
    holidays: frozenset[date] = frozenset()
    zone: str = "UTC"
    _tz: tzinfo = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        days = frozenset(self.weekdays)
        if not days or not days <= frozenset(range(7)):
            raise ValidationError("choose at least one working day (0 = Monday to "
                                  "6 = Sunday)", field="weekdays")
        if not self.opens < self.closes:
            raise ValidationError(f"opening time {self.opens:%H:%M} must be before closing "
                                  f"time {self.closes:%H:%M}", field="opens")
        object.__setattr__(self, "weekdays", days)
        object.__setattr__(self, "holidays", frozenset(self.holidays))
        object.__setattr__(self, "_tz", _zone(self.zone))

    @property
    def day_length(self) -> timedelta:
        return datetime.combine(date.min, self.closes) - datetime.combine(date.min, self.opens)

    def is_working_day(self, day: date) -> bool:
        return day.weekday() in self.weekdays and day not in self.holidays

    def next_working_day(self, day: date) -> date:
        """`day` itself if it is a working day, else the next one."""
        for _ in range(MAX_SEARCH_DAYS):
            if self.is_working_day(day):
                return day
            day += DAY
        raise ValidationError("no working day in the next ten years: check the holidays",
                              field="holidays")

    def local(self, at: datetime) -> datetime:
        """The moment as naive wall-clock time in the workspace's zone."""
        return _aware(at, "at").astimezone(self._tz).replace(tzinfo=None)

    def _moment(self, local: datetime) -> datetime:
        return local.replace(tzinfo=self._tz)

    def is_open(self, at: datetime) -> bool:
        t = self.local(at)
        return self.is_working_day(t.date()) and self.opens <= t.time() < self.closes

    def _start(self, local: datetime) -> datetime:
        """The first business moment at or after `local` (naive, local)."""
        day, t = local.date(), local.time()
        if not self.is_working_day(day) or t >= self.closes:
            return datetime.combine(self.next_working_day(day + DAY), self.opens)
        return local if t >= self.opens else datetime.combine(day, self.opens)

    def next_open(self, at: datetime) -> datetime:
        """`at` when open, else the next opening, as an aware moment in the zone."""
        return self._moment(self._start(self.local(at)))

    def add(self, start: datetime, duration: timedelta) -> datetime:
        """The moment `duration` of business time after `start` (in the zone)."""
        if duration < ZERO:
            raise ValidationError("a duration cannot be negative", field="duration")
        cursor, remaining, day_length = self._start(self.local(start)), duration, self.day_length
        while True:
            available = datetime.combine(cursor.date(), self.closes) - cursor
            if remaining <= available:
                return self._moment(cursor + remaining)
            remaining -= available
            day = self.next_working_day(cursor.date() + DAY)
            while remaining > day_length:
                remaining -= day_length
                day = self.next_working_day(day + DAY)
            cursor = datetime.combine(day, self.opens)

    def between(self, start: datetime, end: datetime) -> timedelta:
        """Business time from `start` to `end`; zero when `end` is not after `start`."""
        a, b = self.local(start), self.local(end)
        if b <= a:
            return ZERO
        if a.date() == b.date():
            return self._within(a.date(), a.time(), b.time())
        first = self._within(a.date(), a.time(), self.closes)
        last = self._within(b.date(), self.opens, b.time())
        days = business_days(a.date() + DAY, b.date(), self.weekdays, self.holidays)
        return first + last + days * self.day_length

    def _within(self, day: date, t0: time, t1: time) -> timedelta:
        if not self.is_working_day(day):
            return ZERO
        lo, hi = max(t0, self.opens), min(t1, self.closes)
        return max(ZERO, datetime.combine(day, hi) - datetime.combine(day, lo))

    def to_dict(self) -> dict[str, Any]:
        return {"weekdays": sorted(self.weekdays), "opens": self.opens.strftime("%H:%M"),
                "closes": self.closes.strftime("%H:%M"), "zone": self.zone,
                "holidays": sorted(d.isoformat() for d in self.holidays)}

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> BusinessHours:
        try:
            opens = time.fromisoformat(str(data.get("opens", "09:00")))
            closes = time.fromisoformat(str(data.get("closes", "17:00")))
        except ValueError:
            raise ValidationError("opening and closing times are written HH:MM",
                                  field="opens") from None
        try:
            holidays = frozenset(date.fromisoformat(str(d)) for d in data.get("holidays", ()))
        except ValueError:
            raise ValidationError("holidays are written YYYY-MM-DD", field="holidays") from None
        days = data.get("weekdays", WEEKDAYS)
        if not isinstance(days, list | tuple) or not all(isinstance(d, int) for d in days):
            raise ValidationError("working days are numbers, 0 = Monday", field="weekdays")
        return cls(frozenset(days), opens, closes, holidays, str(data.get("zone", "UTC")))


class SlaUnit(enum.StrEnum):
    MINUTES = "business_minutes"
    HOURS = "business_hours"
    DAYS = "business_days"


@dataclass(frozen=True)
class Sla:
    segment: str
    amount: int
    unit: SlaUnit = SlaUnit.HOURS

    def __post_init__(self) -> None:
        try:
            object.__setattr__(self, "unit", SlaUnit(self.unit))
        except ValueError:
            known = ", ".join(u.value for u in SlaUnit)
            raise ValidationError(f"SLA for '{self.segment}': unknown unit {self.unit!r} "
                                  f"(known: {known})", field="unit") from None
        if isinstance(self.amount, bool) or not isinstance(self.amount, int) \
                or not 1 <= self.amount <= 10_000:
            raise ValidationError(f"SLA for '{self.segment}': the target must be a whole "
                                  f"number from 1 to 10000 (got {self.amount!r})",
                                  field="amount")

    def duration(self, hours: BusinessHours) -> timedelta:
        if self.unit is SlaUnit.DAYS:
            return self.amount * hours.day_length
        return timedelta(minutes=self.amount * (60 if self.unit is SlaUnit.HOURS else 1))

    def __str__(self) -> str:
        word = self.unit.value.replace("_", " ")
        return f"{self.amount} {word[:-1] if self.amount == 1 else word}"

    def to_dict(self) -> dict[str, Any]:
        return {"segment": self.segment, "amount": self.amount, "unit": self.unit.value}


@dataclass(frozen=True)
class SlaPolicy:
    slas: tuple[Sla, ...] = ()
    default: Sla | None = None
    """Applies to leads in no segment with an SLA; its `segment` is only a label."""

    def __post_init__(self) -> None:
        seen: set[str] = set()
        for sla in self.slas:
            if name_key(sla.segment) in seen or not name_key(sla.segment):
                raise ValidationError(f"give each segment at most one SLA ('{sla.segment}')",
                                      field="segment")
            seen.add(name_key(sla.segment))

    def for_segments(self, segments: Iterable[str], hours: BusinessHours) -> Sla | None:
        """The strictest SLA among the lead's segments, else the default."""
        keys = {name_key(s) for s in segments}
        found = [s for s in self.slas if name_key(s.segment) in keys]
        if not found:
            return self.default
        return min(found, key=lambda s: s.duration(hours))

    def due_at(self, created_at: datetime, segments: Iterable[str],
               hours: BusinessHours) -> datetime | None:
        sla = self.for_segments(segments, hours)
        return None if sla is None else hours.add(created_at, sla.duration(hours))

    def to_dict(self) -> dict[str, Any]:
        return {"slas": [s.to_dict() for s in self.slas],
                "default": None if self.default is None else self.default.to_dict()}

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> SlaPolicy:
        def one(item: Any) -> Sla:
            if not isinstance(item, Mapping):
                raise ValidationError(f"an SLA must be an object (got {item!r})", field="slas")
            return Sla(str(item.get("segment", "")), item.get("amount"),  # type: ignore[arg-type]
                       item.get("unit", SlaUnit.HOURS))
        default = data.get("default")
        return cls(tuple(one(i) for i in data.get("slas") or ()),
                   None if default is None else one(default))


DEFAULT_POLICY = SlaPolicy((Sla("hot", 1, SlaUnit.HOURS), Sla("warm", 1, SlaUnit.DAYS),
                            Sla("cold", 3, SlaUnit.DAYS)))


class SlaState(enum.StrEnum):
    NO_SLA = "no_sla"
    ON_TIME = "on_time"
    DUE_SOON = "due_soon"
    OVERDUE = "overdue"
    MET = "met"
    MISSED = "missed"


def sla_state(due_at: datetime | None, first_contacted_at: datetime | None, now: datetime,
              hours: BusinessHours, soon: timedelta = timedelta(minutes=30)) -> SlaState:
    if due_at is None:
        return SlaState.NO_SLA
    if first_contacted_at is not None:
        return SlaState.MET if first_contacted_at <= due_at else SlaState.MISSED
    if now > due_at:
        return SlaState.OVERDUE
    return SlaState.DUE_SOON if hours.between(now, due_at) <= soon else SlaState.ON_TIME


def lead_sla_state(lead: LeadData, now: datetime, hours: BusinessHours,
                   soon: timedelta = timedelta(minutes=30)) -> SlaState:
    """As sla_state; a lead closed or parked before anyone contacted it has no SLA."""
    if lead.first_contacted_at is None and not lead.status.is_open:
        return SlaState.NO_SLA
    return sla_state(lead.sla_due_at, lead.first_contacted_at, now, hours, soon)


class AgeBucket(enum.StrEnum):
    """How long an uncontacted lead has waited, for the board's colours."""

    FRESH = "fresh"  # under half its SLA (no SLA: under a business day)
    AGEING = "ageing"  # half to all of it (no SLA: under 3 business days)
    LATE = "late"  # up to twice it (no SLA: under 5 business days)
    STALE = "stale"  # beyond
    CONTACTED = "contacted"


def age_bucket(created_at: datetime, due_at: datetime | None,
               first_contacted_at: datetime | None, now: datetime,
               hours: BusinessHours) -> AgeBucket:
    if first_contacted_at is not None:
        return AgeBucket.CONTACTED
    waited = hours.between(created_at, now)
    allowed = hours.between(created_at, due_at) if due_at is not None else ZERO
    if allowed <= ZERO:
        allowed = 2 * hours.day_length  # thresholds of 1, 3 and 5 business days
        bounds = (0.5, 1.5, 2.5)
    else:
        bounds = (0.5, 1.0, 2.0)
    share = waited / allowed
    for bound, bucket in zip(bounds, (AgeBucket.FRESH, AgeBucket.AGEING, AgeBucket.LATE),
                             strict=True):
        if share < bound:
            return bucket
    return AgeBucket.STALE


def time_to_first_contact(created_at: datetime, first_contacted_at: datetime | None,
                          hours: BusinessHours) -> timedelta | None:
    """Business time from arrival to first contact; None while uncontacted."""
    if first_contacted_at is None:
        return None
    return hours.between(created_at, first_contacted_at)


@dataclass(frozen=True)
class ContactTimes:
    count: int
    median: timedelta
    p90: timedelta
    mean: timedelta


def contact_times(times: Iterable[tuple[str, timedelta]]) -> dict[str, ContactTimes]:
    """Times to first contact grouped by a key (a rep, a source): count, median, 90th
    percentile (nearest rank) and mean, in business time."""
    groups: dict[str, list[timedelta]] = {}
    for key, took in times:
        groups.setdefault(key, []).append(took)
    return {key: _summary(sorted(values)) for key, values in groups.items()}


def _summary(values: Sequence[timedelta]) -> ContactTimes:
    n = len(values)
    p90 = values[min(n - 1, -(-9 * n // 10) - 1)]
    mean = sum(values, ZERO) / n
    return ContactTimes(n, statistics.median_low(values), p90, mean)
