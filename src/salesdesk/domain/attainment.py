"""Attainment against quota: how much of the target is won, the gap, the pace (where a rep
should be by a date against where they are) and the pipeline coverage of what remains.

Pure: the caller passes targets per month, closed-won amounts per (member, day) and open
weighted pipeline per member; nothing here reads the database.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import ROUND_HALF_UP, Decimal

from salesdesk.domain.allocation import DEFAULT_CALENDAR, WorkCalendar
from salesdesk.domain.periods import Period
from salesdesk.domain.quotas import target_for

RATIO = Decimal("0.0001")
"""Fractions (attainment, pace, coverage) are given to 0.01 %."""
ZERO = Decimal("0.00")

Won = Mapping[tuple[str, date], Decimal]
"""Closed-won amount per (member id, close day)."""


def ratio(part: Decimal, whole: Decimal) -> Decimal | None:
    """part / whole as a fraction to 0.0001, half up; None when whole is 0."""
    if whole == 0:
        return None
    return (Decimal(part) / Decimal(whole)).quantize(RATIO, rounding=ROUND_HALF_UP)


@dataclass(frozen=True)
class Attainment:
    """One owner's figures for one period, as of a day."""

    quota: Decimal
    won: Decimal
    expected: Decimal
    """Where the owner should be by the as-of day (the target of the days elapsed)."""
    pipeline: Decimal | None = None
    """Open weighted pipeline, if known."""

    @property
    def attainment(self) -> Decimal | None:
        """won / quota as a fraction (1.0 = 100 %); None without a quota."""
        return ratio(self.won, self.quota)

    @property
    def gap(self) -> Decimal:
        """quota - won: still to win when positive, over quota when negative."""
        return self.quota - self.won

    @property
    def remaining(self) -> Decimal:
        return max(self.gap, ZERO)

    @property
    def ahead(self) -> Decimal:
        """won - expected: ahead of pace when positive, behind when negative."""
        return self.won - self.expected

    @property
    def pace(self) -> Decimal | None:
        """won / expected as a fraction; None before anything was expected."""
        return ratio(self.won, self.expected)

    @property
    def coverage(self) -> Decimal | None:
        """Open weighted pipeline / remaining quota; None when nothing remains (or the
        pipeline is unknown)."""
        if self.pipeline is None:
            return None
        return ratio(self.pipeline, self.remaining)

    def __add__(self, other: Attainment) -> Attainment:
        pipeline = (None if self.pipeline is None and other.pipeline is None
                    else (self.pipeline or ZERO) + (other.pipeline or ZERO))
        return Attainment(self.quota + other.quota, self.won + other.won,
                          self.expected + other.expected, pipeline)


NOTHING = Attainment(ZERO, ZERO, ZERO)


def elapsed(period: Period, as_of: date) -> Period:
    """The part of `period` up to and including `as_of` (empty before it starts)."""
    end = min(max(as_of + timedelta(days=1), period.start), period.end)
    return Period(period.start, end, period.kind, f"{period.name} to {as_of.isoformat()}")


def won_in(won: Won, member_id: str, period: Period) -> Decimal:
    return sum((a for (m, d), a in won.items() if m == member_id and d in period), ZERO)


def measure(monthly: Mapping[date, Decimal], won_amount: Decimal, period: Period, as_of: date,
            calendar: WorkCalendar = DEFAULT_CALENDAR, pipeline: Decimal | None = None
            ) -> Attainment:
    """Attainment of one owner whose monthly targets are `monthly`. The expected amount is
    the target of the business days elapsed by `as_of` (months weighted by their own
    targets, so seasonality is respected)."""
    quota = _money(target_for(monthly, period, calendar))
    expected = _money(target_for(monthly, elapsed(period, as_of), calendar))
    return Attainment(quota, _money(won_amount), expected, pipeline)


def _money(amount: Decimal | int) -> Decimal:
    return Decimal(amount).quantize(ZERO)


@dataclass(frozen=True)
class AttainmentRow:
    member: str | None
    """None on a team's roll-up row."""
    team: str | None
    figures: Attainment


@dataclass(frozen=True)
class AttainmentReport:
    period: Period
    as_of: date
    members: list[AttainmentRow]
    teams: list[AttainmentRow]
    total: Attainment


def attainment_report(targets: Mapping[str, Mapping[date, Decimal]], won: Won,
                      team_of: Mapping[str, str | None], period: Period, as_of: date,
                      calendar: WorkCalendar = DEFAULT_CALENDAR,
                      pipeline: Mapping[str, Decimal] | None = None) -> AttainmentReport:
    """A row per member (targets' keys, in that order), a roll-up row per team (the sum of
    its members) and the grand total. Won amounts of members without a target count
    against a zero quota, so nothing won in the period is lost from the totals."""
    won_by_member: dict[str, Decimal] = {}
    for (m, day), amount in won.items():  # one pass, however many members
        if day in period:
            won_by_member[m] = won_by_member.get(m, ZERO) + amount
    members = list(targets) + sorted(set(won_by_member) - set(targets))
    rows = [AttainmentRow(m, team_of.get(m), measure(
        targets.get(m, {}), won_by_member.get(m, ZERO), period, as_of, calendar,
        None if pipeline is None else pipeline.get(m, ZERO))) for m in members]
    return AttainmentReport(period, as_of, rows, _team_rows(rows),
                            _sum(r.figures for r in rows))


def _team_rows(rows: list[AttainmentRow]) -> list[AttainmentRow]:
    teams: dict[str, Attainment] = {}
    for row in rows:
        if row.team is not None:
            teams[row.team] = teams.get(row.team, NOTHING) + row.figures
    return [AttainmentRow(None, t, a) for t, a in sorted(teams.items())]


def _sum(figures: Iterable[Attainment]) -> Attainment:
    total = NOTHING
    for f in figures:
        total = total + f
    return total
