"""The historical method: learned win rates and timing applied to each open deal, plus the
run rate of deals not yet created.

historical = closed won + sum over open deals of amount x p_win x p_close, where
  p_win   = the rep's learned win rate in the deal's stage (`LearnedRates.win_rate`),
  p_close = P(the win falls inside the period | still open now, its age in stage)
            (`LearnedRates.close_probabilities`).
Without learned rates (or for a stage nothing was learned about) p_win is the stage's
default probability; without any timing data p_close is 1 when the deal's own effective
close date falls in the period, else 0. Each deal's value is rounded to the cent, so the
figure is exactly the sum of its deals.

run_rate = what deals created after now and won inside the period will bring: over the
last `RUN_RATE_PERIODS` periods of the same kind that ended by the forecast day (and that
the history reaches), the mean won amount of deals created and won inside them, counting
only deals created in the same remaining part of the period (with 40 % of a quarter gone,
the deals created in the last 60 % of each past quarter). At the period start that is the
whole period; for a past period it is nothing. The history reaches a past period when the
period ends after the oldest deal in it was created. Each past deal is a contribution of
its won amount / the number of periods, to the cent, so the figure can be drilled into.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime, timedelta

import numpy as np

from salesdesk.domain.forecast.figures import Contribution, Figure, Method
from salesdesk.domain.forecast.history import ClosedHistory
from salesdesk.domain.forecast.inputs import (
    COMPANY,
    DealState,
    Scope,
    day_of,
    from_cents,
    in_scope,
    to_cents,
)
from salesdesk.domain.forecast.rates import LearnedRates
from salesdesk.domain.forecast.rollup import closed_won
from salesdesk.domain.periods import Period, PeriodKind, containing

RUN_RATE_PERIODS = 4


@dataclass(frozen=True)
class OpenOdds:
    """The open deals of a scope as columns, with their chances for one period."""

    deals: Sequence[DealState]
    cents: np.ndarray
    """float64 whole cents (exact below 2**53)."""
    p_win: np.ndarray
    p_close: np.ndarray

    @property
    def probability(self) -> np.ndarray:
        """Won inside the period: p_win x p_close."""
        return self.p_win * self.p_close


def open_odds(states: Sequence[DealState], period: Period, as_of: date | datetime,
              rates: LearnedRates | None, scope: Scope = COMPANY) -> OpenOdds:
    deals = [s for s in in_scope(states, scope) if s.is_open]
    today = day_of(as_of)
    cents = np.array([to_cents(d.amount) for d in deals], dtype=np.float64)
    own_date = np.array([d.effective_close(today) in period for d in deals], dtype=float)
    if rates is None:
        p_win = np.array([d.stage_probability for d in deals], dtype=float) / 100
        return OpenOdds(deals, cents, p_win, own_date)
    p_close = rates.close_probabilities(deals, period, as_of)
    return OpenOdds(deals, cents, rates.win_probabilities(deals),
                    np.where(np.isnan(p_close), own_date, p_close))


def expected_contributions(odds: OpenOdds) -> list[Contribution]:
    """amount x probability per deal, to the cent; deals that cannot land are left out."""
    q = odds.probability
    cents = np.rint(odds.cents * q).astype(np.int64)
    return [Contribution(d.id, from_cents(int(c)), d.amount, float(p))
            for d, c, p in zip(odds.deals, cents, q, strict=True) if p > 0]


def historical(states: Sequence[DealState], period: Period, as_of: date | datetime,
               rates: LearnedRates | None, scope: Scope = COMPANY) -> Figure:
    """Closed won + the open deals at their learned expected value (run rate apart)."""
    won = closed_won(states, period, scope)
    odds = open_odds(states, period, as_of, rates, scope)
    return won.plus(Method.HISTORICAL, expected_contributions(odds))


def run_rate(history: ClosedHistory, period: Period, as_of: date | datetime,
             scope: Scope = COMPANY, *, periods: int = RUN_RATE_PERIODS,
             fiscal_start: int = 1) -> Figure:
    """The expected won value of deals created and won inside the period after `as_of`;
    the past deals behind it are the contributions, each at won amount / periods used."""
    today = day_of(as_of)
    elapsed = min(max((today - period.start).days / period.days, 0.0), 1.0)
    past = _past_periods(period, today, periods, history.first_day, fiscal_start)
    if elapsed >= 1.0 or not past:
        return Figure.of(Method.RUN_RATE, ())
    mask = np.zeros(len(history), dtype=bool)
    for p in past:
        cutoff = p.start + timedelta(days=round(elapsed * p.days))
        mask |= _between(history.created, cutoff, p.end) & _between(history.closed, cutoff,
                                                                    p.end)
    mask &= history.won & history.scope_mask(scope)
    rows = np.flatnonzero(mask)
    won = history.won_cents[rows]
    shares = np.rint(won / len(past)).astype(np.int64)  # to the cent, ties to even
    weight = 1 / len(past)
    return Figure.of(Method.RUN_RATE, (
        Contribution(history.ids[i], from_cents(c), from_cents(w), weight)
        for i, c, w in zip(rows.tolist(), shares.tolist(), won.tolist(), strict=True)))


def _between(days: np.ndarray, start: date, end: date) -> np.ndarray:
    return (days >= start.toordinal()) & (days < end.toordinal())


def _past_periods(period: Period, today: date, count: int, reach: date | None,
                  fiscal_start: int) -> list[Period]:
    """The `count` periods of the same kind before `period` that ended by `today`, most
    recent first, stopping where the history does not reach."""
    found: list[Period] = []
    current = period
    while len(found) < count and reach is not None:
        current = _previous(current, fiscal_start)
        if current.end <= reach:
            break
        if current.end <= today:
            found.append(current)
    return found


_MONTHS = {PeriodKind.YEAR: 12, PeriodKind.QUARTER: 3, PeriodKind.MONTH: 1}


def _previous(period: Period, fiscal_start: int) -> Period:
    """The period of the same kind and length just before (from the period's own bounds,
    so a quarter of any fiscal calendar steps back by whole quarters)."""
    months = _MONTHS.get(period.kind)
    if months is None:
        start = period.start - timedelta(days=period.days)
    else:
        index = period.start.year * 12 + period.start.month - 1 - months
        start = date(index // 12, index % 12 + 1, 1)
    named = containing(start, period.kind, fiscal_start)
    if named.start == start and named.end == period.start:
        return named
    return Period(start, period.start, period.kind, f"{start.isoformat()}..")
