"""The forecast engine (issue 6): pure, numpy where vectorising pays.

Feed it the deals as they stood at the forecast moment (`DealState`) and the closed deals
to learn from (`ClosedHistory`, built from `ClosedDeal` objects or numpy columns); ask for
a period (domain.periods) and a scope (`Scope`):

    forecast(states, period, as_of, scope=..., history=...) -> Forecast
        closed_won, weighted, weighted_default, commit, best_case, pipeline,
        historical, run_rate: Figure (total: Decimal, deals: Contribution per deal)
        monte_carlo: MonteCarlo (p10, p50, p90, mean: Decimal)
    backtest(states_at, history, periods) -> Backtest (rows, summary)
    waterfall(start_states, end_states, period, scope) -> Waterfall (steps add up exactly)
    accuracy(pairs) / accuracy_by(rows, key, pair) -> Accuracy (bias, WAPE, hit rate)

Building blocks, for callers that need one figure: `rollup`, `weighted`, `closed_won`
(rollup.py), `learn_rates` -> `LearnedRates` (rates.py), `open_odds`, `historical`,
`run_rate` (historical.py), `simulate`, `monte_carlo` (montecarlo.py).

Money is Decimal in and out, whole cents inside; no figure is ever a float.
"""

from salesdesk.domain.forecast.accuracy import TOLERANCE, Accuracy, accuracy, accuracy_by
from salesdesk.domain.forecast.backtest import (
    Backtest,
    BacktestRow,
    StatesAt,
    SummaryRow,
    backtest,
)
from salesdesk.domain.forecast.engine import Forecast, forecast
from salesdesk.domain.forecast.figures import BACKTEST_METHODS, Contribution, Figure, Method
from salesdesk.domain.forecast.historical import (
    RUN_RATE_PERIODS,
    OpenOdds,
    historical,
    open_odds,
    run_rate,
)
from salesdesk.domain.forecast.history import ClosedHistory
from salesdesk.domain.forecast.inputs import (
    COMPANY,
    ClosedDeal,
    DealState,
    Scope,
    ScopeKind,
    StageVisit,
    from_cents,
    to_cents,
)
from salesdesk.domain.forecast.montecarlo import SEED, TRIALS, MonteCarlo, monte_carlo, simulate
from salesdesk.domain.forecast.rates import PRIOR_DEALS, LearnedRates, learn_rates
from salesdesk.domain.forecast.rollup import Rollup, closed_won, rollup, weighted
from salesdesk.domain.forecast.waterfall import Part, Step, Waterfall, waterfall

__all__ = [
    "BACKTEST_METHODS", "COMPANY", "PRIOR_DEALS", "RUN_RATE_PERIODS", "SEED", "TOLERANCE",
    "TRIALS", "Accuracy", "Backtest", "BacktestRow", "ClosedDeal", "ClosedHistory",
    "Contribution", "DealState", "Figure", "Forecast", "LearnedRates", "Method",
    "MonteCarlo", "OpenOdds", "Part", "Rollup", "Scope", "ScopeKind", "StageVisit",
    "StatesAt", "Step", "SummaryRow", "Waterfall", "accuracy", "accuracy_by", "backtest",
    "closed_won", "forecast", "from_cents", "historical", "learn_rates", "monte_carlo",
    "open_odds", "rollup", "run_rate", "simulate", "to_cents", "waterfall", "weighted",
]
