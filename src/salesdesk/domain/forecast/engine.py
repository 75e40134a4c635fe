"""One call for every figure of a period and scope: `forecast(...)` -> `Forecast`."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal

from salesdesk.domain.forecast.figures import Figure, Method
from salesdesk.domain.forecast.historical import (
    RUN_RATE_PERIODS,
    expected_contributions,
    open_odds,
    run_rate,
)
from salesdesk.domain.forecast.history import ClosedHistory
from salesdesk.domain.forecast.inputs import COMPANY, DealState, Scope, day_of, in_scope
from salesdesk.domain.forecast.montecarlo import SEED, TRIALS, MonteCarlo, monte_carlo
from salesdesk.domain.forecast.rates import PRIOR_DEALS, LearnedRates, learn_rates
from salesdesk.domain.forecast.rollup import rollup
from salesdesk.domain.periods import Period


@dataclass(frozen=True)
class Forecast:
    """Every method's figure for one period and scope, as of one moment.

    All but `pipeline` and `run_rate` forecast the period's total won (closed won
    included); `historical` leaves the run rate out (add it: `value(Method.HISTORICAL)`),
    `monte_carlo`'s P10-P90 put it in. Each figure lists the deals behind it."""

    period: Period
    scope: Scope
    as_of: date
    closed_won: Figure
    weighted: Figure
    weighted_default: Figure
    commit: Figure
    best_case: Figure
    pipeline: Figure
    historical: Figure
    run_rate: Figure
    monte_carlo: MonteCarlo

    def figure(self, method: Method) -> Figure:
        if method is Method.MONTE_CARLO:
            raise ValueError("the Monte Carlo result is a spread: see `monte_carlo`")
        found = getattr(self, method.value)
        assert isinstance(found, Figure)
        return found

    def value(self, method: Method) -> Decimal:
        """The method's forecast of the period's total won (what the backtest scores)."""
        if method is Method.MONTE_CARLO:
            return self.monte_carlo.p50
        if method is Method.HISTORICAL:
            return self.historical.total + self.run_rate.total
        return self.figure(method).total

    def by_deal(self) -> dict[str, dict[Method, Decimal]]:
        """Each current deal's part in each figure (run-rate deals are past ones: apart)."""
        table: dict[str, dict[Method, Decimal]] = {}
        for method in (Method.CLOSED_WON, Method.WEIGHTED, Method.WEIGHTED_DEFAULT,
                       Method.COMMIT, Method.BEST_CASE, Method.PIPELINE, Method.HISTORICAL):
            for c in self.figure(method).deals:
                table.setdefault(c.deal_id, {})[method] = c.value
        return table


def forecast(states: Iterable[DealState], period: Period, as_of: date | datetime, *,
             scope: Scope = COMPANY, history: ClosedHistory | None = None,
             rates: LearnedRates | None = None, fiscal_start: int = 1,
             prior_deals: float = PRIOR_DEALS, run_rate_periods: int = RUN_RATE_PERIODS,
             trials: int = TRIALS, seed: int | None = SEED) -> Forecast:
    """Every figure for `period` and `scope` from the deals as they stood at `as_of`.

    `history` holds the closed deals to learn from (only those closed before `as_of`'s day
    are used); pass `rates` already learned to save learning again for another scope.
    Without either, the historical method falls back on stage default probabilities and
    the deals' own close dates, and the run rate is zero."""
    mine = in_scope(states, scope)
    if rates is None and history is not None:
        rates = learn_rates(history, as_of, prior_deals)
    figures = rollup(mine, period, as_of)
    odds = open_odds(mine, period, as_of, rates)
    expected = expected_contributions(odds)
    historical = figures.closed_won.plus(Method.HISTORICAL, expected)
    rr = (run_rate(history, period, as_of, scope, periods=run_rate_periods,
                   fiscal_start=fiscal_start) if history is not None
          else Figure.of(Method.RUN_RATE, ()))
    return Forecast(
        period=period, scope=scope, as_of=day_of(as_of), closed_won=figures.closed_won,
        weighted=figures.weighted, weighted_default=figures.weighted_default,
        commit=figures.commit, best_case=figures.best_case, pipeline=figures.pipeline,
        historical=historical, run_rate=rr,
        monte_carlo=monte_carlo(odds, figures.closed_won.total + rr.total, trials, seed,
                                expected))
