"""Speed to lead per rep or per source: how many leads arrived, how many were contacted,
the median and 90th-percentile time from arrival to first contact in business hours,
how many were contacted within their SLA, and the open leads overdue now.

Figures, over the live leads received since `since` (all of them without it):
- leads: every lead received; contacted: those with a first contact.
- median_hours, p90_hours: of the contacted leads' business time from arrival (received,
  else stored) to first contact, as domain.speed_to_lead.contact_times defines them
  (median_low, nearest-rank 90th percentile); None when nobody was contacted.
- with_sla: contacted leads that had an SLA due time; within_sla: those of them
  contacted by it (domain.speed_to_lead.sla_state's "met").
- overdue_open: open leads not contacted yet whose due time is before `now`.

Speed (a million leads in a few seconds): the counts are one GROUP BY in SQL. The times
need business hours, so the contacted leads' two moments are streamed as whole
microseconds since the epoch (computed in SQL: no datetime objects) and measured with
numpy on a business-time ruler, business time since a fixed origin:
BusinessHours.between(a, b) is max(0, at(b) - at(a)), to the microsecond (the tests
compare both on random moments, zones with daylight saving and holidays included).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any, Literal
from zoneinfo import ZoneInfo

import numpy as np
import numpy.typing as npt
import sqlalchemy as sa

from salesdesk.domain.leads import OPEN_STATUSES
from salesdesk.domain.speed_to_lead import BusinessHours
from salesdesk.storage import tables as t

ld = t.leads
OPEN = tuple(s.value for s in OPEN_STATUSES)
US = 1_000_000
HOUR_US = 3600 * US
DAY_US = 24 * HOUR_US
EPOCH = datetime(1970, 1, 1, tzinfo=UTC)
EPOCH_WEEKDAY = 3
"""1 January 1970 was a Thursday."""
STREAM = 20_000
CHANGING = np.iinfo(np.int64).min
Moments = npt.NDArray[np.int64]
NO_OWNER, NO_SOURCE = "Unassigned", "(no source)"
By = Literal["owner", "source"]


@dataclass(frozen=True)
class ContactTimeRow:
    key: str | None
    """The owner's member id or the source; None: no owner, no source."""
    label: str
    leads: int
    contacted: int
    median_hours: float | None
    p90_hours: float | None
    within_sla: int
    overdue_open: int
    with_sla: int = 0
    """Contacted leads that had an SLA due time: within_sla's denominator."""

    @property
    def within_sla_share(self) -> float | None:
        return self.within_sla / self.with_sla if self.with_sla else None


class BusinessRuler:
    """Business time in whole microseconds since a fixed origin, for moments given as
    UTC microseconds since the epoch, many at a time (see the module's docstring).
    Time-zone offsets are looked up once per distinct UTC hour, and per instant in an
    hour where the offset changes (a daylight-saving switch)."""

    def __init__(self, hours: BusinessHours):
        self.zone = ZoneInfo(hours.zone)
        opens = hours.opens
        self.opens = (opens.hour * 3600 + opens.minute * 60 + opens.second) * US \
            + opens.microsecond
        self.length = hours.day_length // timedelta(microseconds=1)
        self.workday = np.array([d in hours.weekdays for d in range(7)])
        self.per_week = len(hours.weekdays)
        self.week = np.array([sum(self.workday[(EPOCH_WEEKDAY + i) % 7] for i in range(r))
                              for r in range(7)], dtype=np.int64)
        """Working days among the first r days of a week that starts on a Thursday."""
        self.holidays = np.array(sorted((d - EPOCH.date()).days for d in hours.holidays
                                        if d.weekday() in hours.weekdays), dtype=np.int64)
        self._hours: dict[int, int] = {}

    def _offset_at(self, utc_us: int) -> int:
        offset = (EPOCH + timedelta(microseconds=utc_us)).astimezone(self.zone).utcoffset()
        return 0 if offset is None else offset // timedelta(microseconds=1)

    def _hour_offset(self, hour: int) -> int:
        """The offset all through this UTC hour, CHANGING if it changes within it."""
        found = self._hours.get(hour)
        if found is None:
            first = self._offset_at(hour * HOUR_US)
            last = self._offset_at((hour + 1) * HOUR_US - 1)
            found = self._hours[hour] = first if first == last else CHANGING
        return found

    def local(self, utc: Moments) -> Moments:
        """Wall-clock microseconds in the zone, counted from 1970-01-01 00:00 there."""
        hours, inverse = np.unique(utc // HOUR_US, return_inverse=True)
        offsets = np.array([self._hour_offset(int(h)) for h in hours], dtype=np.int64)
        offset = offsets[inverse.reshape(-1)]
        for i in np.flatnonzero(offset == CHANGING):
            offset[i] = self._offset_at(int(utc[i]))
        return utc + offset

    def at(self, utc: Moments) -> Moments:
        day, into = np.divmod(self.local(utc), DAY_US)
        weeks, rest = np.divmod(day, 7)
        before = np.searchsorted(self.holidays, day, side="left")
        base = (weeks * self.per_week + self.week[rest] - before) * self.length
        working = self.workday[(EPOCH_WEEKDAY + day) % 7]
        if len(self.holidays):
            found = self.holidays[np.minimum(before, len(self.holidays) - 1)]
            working &= found != day
        return base + np.where(working, np.clip(into - self.opens, 0, self.length), 0)

    def between(self, start: Moments, end: Moments) -> Moments:
        """BusinessHours.between for each pair, in microseconds."""
        return np.maximum(0, self.at(end) - self.at(start))


def micros(column: Any, dialect: str) -> Any:
    """A UTC moment column as whole microseconds since the epoch, in SQL."""
    if dialect == "sqlite":  # stored as 'YYYY-MM-DD HH:MM:SS.ffffff' (UTC)
        return (sa.cast(sa.func.strftime("%s", column), sa.BigInteger) * US
                + sa.cast(sa.func.substr(column, 21, 6), sa.BigInteger))
    seconds = sa.extract("epoch", sa.func.date_trunc("second", column))
    return (sa.cast(seconds, sa.BigInteger) * US
            + sa.cast(sa.extract("microseconds", column), sa.BigInteger) % US)


def _key_column(by: By) -> Any:
    if by not in ("owner", "source"):
        raise ValueError(f"contact times are grouped by owner or source, not {by!r}")
    return ld.c.owner_id if by == "owner" else ld.c.source


def _where(since: datetime | None) -> list[Any]:
    where = [ld.c.deleted_at.is_(None)]
    return where if since is None else [*where, ld.c.received_at >= since]


Counts = tuple[int, int, int, int, int]
"""leads, contacted, with_sla, within_sla, overdue_open."""


def _counts(conn: sa.Connection, key: Any, since: datetime | None, now: datetime
            ) -> dict[Any, Counts]:
    contacted, due = ld.c.first_contacted_at, ld.c.sla_due_at
    measured = sa.and_(contacted.is_not(None), due.is_not(None))
    overdue = sa.and_(contacted.is_(None), ld.c.status.in_(OPEN), due < now)

    def total(condition: Any) -> Any:
        return sa.func.coalesce(sa.func.sum(sa.case((condition, 1), else_=0)), 0)
    stmt = (sa.select(key, sa.func.count(), sa.func.count(contacted), total(measured),
                      total(sa.and_(measured, contacted <= due)), total(overdue))
            .where(*_where(since)).group_by(key))
    return {r[0]: (int(r[1]), int(r[2]), int(r[3]), int(r[4]), int(r[5]))
            for r in conn.execute(stmt)}


def _durations(conn: sa.Connection, key: Any, ruler: BusinessRuler,
               since: datetime | None) -> dict[Any, Moments]:
    """Per key, the contacted leads' business microseconds to first contact, sorted."""
    dialect = conn.dialect.name
    arrived = micros(sa.func.coalesce(ld.c.received_at, ld.c.created_at), dialect)
    stmt = (sa.select(key, arrived, micros(ld.c.first_contacted_at, dialect))
            .where(*_where(since), ld.c.first_contacted_at.is_not(None)))
    result = conn.execution_options(stream_results=True, yield_per=STREAM).execute(stmt)
    index: dict[Any, int] = {}
    groups, starts, ends = [], [], []
    for part in result.tuples().partitions(STREAM):
        keys, start, end = zip(*part, strict=True)
        groups.append(np.array([index.setdefault(k, len(index)) for k in keys], np.int64))
        starts.append(np.array(start, np.int64))
        ends.append(np.array(end, np.int64))
    if not index:
        return {}
    group = np.concatenate(groups)
    took = ruler.between(np.concatenate(starts), np.concatenate(ends))
    order = np.lexsort((took, group))
    bounds = np.searchsorted(group[order], np.arange(len(index) + 1))
    ranked = took[order]
    return {k: ranked[bounds[i]:bounds[i + 1]] for k, i in index.items()}


def median_and_p90(ranked: Moments) -> tuple[float, float]:
    """Hours of the median (the lower one) and the nearest-rank 90th percentile of
    sorted microseconds, as domain.speed_to_lead.contact_times defines them."""
    n = len(ranked)
    return (int(ranked[(n - 1) // 2]) / HOUR_US,
            int(ranked[min(n - 1, -(-9 * n // 10) - 1)]) / HOUR_US)


def _labels(conn: sa.Connection, by: By, keys: list[Any]) -> dict[Any, str]:
    if by == "source":
        return {k: k or NO_SOURCE for k in keys}
    m, ids = t.members, [k for k in keys if k]
    names = dict(conn.execute(sa.select(m.c.id, m.c.name).where(m.c.id.in_(ids)))
                 .tuples().all()) if ids else {}
    return {k: names.get(k, k) if k else NO_OWNER for k in keys}


def contact_times(conn: sa.Connection, by: By, hours: BusinessHours, *,
                  since: datetime | None = None, now: datetime) -> list[ContactTimeRow]:
    """One row per owner or source (see the module's docstring), the most leads first."""
    key = _key_column(by)
    counts = _counts(conn, key, since, now)
    times = _durations(conn, key, BusinessRuler(hours), since)
    labels = _labels(conn, by, list(counts))
    rows = []
    for k, (leads, contacted, with_sla, within, overdue) in counts.items():
        ranked = times.get(k)
        median, p90 = (None, None) if ranked is None else median_and_p90(ranked)
        rows.append(ContactTimeRow(k or None, labels[k], leads, contacted, median, p90,
                                   within, overdue, with_sla))
    return sorted(rows, key=lambda r: (-r.leads, r.label.casefold()))
