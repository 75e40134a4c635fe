"""Backtest: replay past periods and score every method against what was actually won.

For each period the forecast is made at its first day (as the snapshot frozen at the
period start would have been) from the deals as they stood then, learning only from the
deals closed before; the actual is the won amount of the deals won inside it, read from
the deals as they stood at its end.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from salesdesk.domain.forecast.accuracy import accuracy_by
from salesdesk.domain.forecast.engine import Forecast, forecast
from salesdesk.domain.forecast.figures import BACKTEST_METHODS, Method
from salesdesk.domain.forecast.history import ClosedHistory
from salesdesk.domain.forecast.inputs import COMPANY, DealState, Scope
from salesdesk.domain.forecast.montecarlo import SEED, TRIALS
from salesdesk.domain.forecast.rates import PRIOR_DEALS, learn_rates
from salesdesk.domain.forecast.rollup import closed_won
from salesdesk.domain.periods import Period

StatesAt = Callable[[date], Iterable[DealState]] | Mapping[date, Iterable[DealState]]
"""The deals as they stood at the start of a day (00:00 UTC, the day moves count on): a
function, or snapshots by day. The backtest asks for each period's first day and for the
day after its last."""


@dataclass(frozen=True)
class BacktestRow:
    period: Period
    scope: Scope
    method: Method
    forecast: Decimal
    actual: Decimal

    @property
    def error(self) -> Decimal:
        """forecast - actual: positive when the method forecast too much."""
        return self.forecast - self.actual


@dataclass(frozen=True)
class SummaryRow:
    scope: Scope
    method: Method
    count: int
    wape: float | None
    bias: float | None
    hit_rate: float | None


@dataclass(frozen=True)
class Backtest:
    rows: tuple[BacktestRow, ...]
    summary: tuple[SummaryRow, ...]
    """Per scope and method, in the order of `methods`."""
    forecasts: tuple[Forecast, ...]
    """The forecasts behind the rows (period by period, scope by scope), for drill-down."""


def backtest(states_at: StatesAt, history: ClosedHistory, periods: Sequence[Period], *,
             scopes: Sequence[Scope] = (COMPANY,),
             methods: Sequence[Method] = BACKTEST_METHODS, fiscal_start: int = 1,
             prior_deals: float = PRIOR_DEALS, trials: int = TRIALS,
             seed: int | None = SEED) -> Backtest:
    get = states_at.__getitem__ if isinstance(states_at, Mapping) else states_at
    rows: list[BacktestRow] = []
    made: list[Forecast] = []
    for period in periods:
        start, end = list(get(period.start)), list(get(period.end))
        rates = learn_rates(history, period.start, prior_deals)
        for scope in scopes:
            f = forecast(start, period, period.start, scope=scope, history=history,
                         rates=rates, fiscal_start=fiscal_start, trials=trials, seed=seed)
            actual = closed_won(end, period, scope).total
            made.append(f)
            rows.extend(BacktestRow(period, scope, m, f.value(m), actual) for m in methods)
    scored = accuracy_by(rows, key=lambda r: (r.scope, r.method),
                         pair=lambda r: (r.forecast, r.actual))
    summary = tuple(SummaryRow(scope, method, a.count, a.wape, a.bias, a.hit_rate)
                    for scope in scopes for method in methods
                    if (a := scored.get((scope, method))) is not None)
    return Backtest(tuple(rows), summary, tuple(made))
