"""Closed won, the weighted pipeline and the category roll-up, from deals' own data.

A deal counts in the period when it was won inside it (closed won) or, still open, its
effective close date falls inside it (`DealState.effective_close`: a missing or past date
counts on the forecast day). Every figure except `pipeline` is a forecast of the period's
total won, so each one starts from closed won:

- weighted         = closed won + sum(amount x probability / 100) over the open deals;
- weighted_default = the same with the stages' default probabilities (overrides ignored):
                     the plain weighted pipeline most CRMs show;
- commit           = closed won + amounts of the commit deals (an open deal marked closed
                     counts as commit);
- best_case        = closed won + amounts of the commit and best-case deals + the other
                     open deals (pipeline, omitted) at their weighted value;
- pipeline         = the amounts of every open deal in the period (open only).

So, deal by deal, weighted <= best_case <= closed won + pipeline: a commit or best-case deal
adds its amount to best case, at least its weighted value; any other deal its weighted
value to both; and no deal adds more than its amount. (Best case is defined with the
weighted value of the lower categories for exactly that reason: with only the commit and
best-case amounts, a 50 % "pipeline" deal would put weighted above best case.) The
category is used only by commit and best case: an omitted deal still counts in the
weighted and pipeline figures.

Weighted values are exact (amount x whole percent / 100, four decimals at most).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal

from salesdesk.domain.forecast.figures import Contribution, Figure, Method
from salesdesk.domain.forecast.inputs import COMPANY, DealState, Scope, day_of, in_scope
from salesdesk.domain.periods import Period
from salesdesk.domain.pipeline import ForecastCategory

FULL = frozenset({ForecastCategory.COMMIT, ForecastCategory.CLOSED})
BEST = FULL | {ForecastCategory.BEST_CASE}
HUNDRED = Decimal(100)


@dataclass(frozen=True)
class Rollup:
    closed_won: Figure
    weighted: Figure
    weighted_default: Figure
    commit: Figure
    best_case: Figure
    pipeline: Figure


def won_in_period(states: Iterable[DealState], period: Period) -> list[DealState]:
    return [s for s in states if s.won_in(period.start, period.end)]


def open_in_period(states: Iterable[DealState], period: Period, today: date
                   ) -> list[DealState]:
    return [s for s in states if s.is_open and s.effective_close(today) in period]


def closed_won(states: Iterable[DealState], period: Period, scope: Scope = COMPANY) -> Figure:
    """Won amounts of the deals won inside the period (as far as the states go)."""
    won = won_in_period(in_scope(states, scope), period)
    return Figure.of(Method.CLOSED_WON, (_full(s, s.value) for s in won))


def weighted(states: Iterable[DealState], period: Period, as_of: date | datetime,
             scope: Scope = COMPANY, *, default: bool = False) -> Figure:
    """Closed won + the open deals' amount x probability (the stage default when
    `default`)."""
    mine = in_scope(states, scope)
    won = closed_won(mine, period)
    deals = open_in_period(mine, period, day_of(as_of))
    method = Method.WEIGHTED_DEFAULT if default else Method.WEIGHTED
    return won.plus(method, (_weighted(s, s.stage_probability if default else s.probability)
                             for s in deals))


def rollup(states: Iterable[DealState], period: Period, as_of: date | datetime,
           scope: Scope = COMPANY) -> Rollup:
    """Every figure of this module in one pass over the deals."""
    mine = in_scope(states, scope)
    won = closed_won(mine, period)
    deals = open_in_period(mine, period, day_of(as_of))
    # each open deal's weighted part, made once: in the weighted figure and the best case
    expected = [_weighted(s, s.probability) for s in deals]
    return Rollup(
        closed_won=won,
        weighted=won.plus(Method.WEIGHTED, expected),
        weighted_default=won.plus(Method.WEIGHTED_DEFAULT,
                                  (_weighted(s, s.stage_probability) for s in deals)),
        commit=won.plus(Method.COMMIT, (_full(s, s.amount) for s in deals
                                        if s.category in FULL)),
        best_case=won.plus(Method.BEST_CASE, (_full(s, s.amount) if s.category in BEST
                                              else w for s, w in zip(deals, expected,
                                                                     strict=True))),
        pipeline=Figure.of(Method.PIPELINE, (_full(s, s.amount) for s in deals)),
    )


def _full(state: DealState, amount: Decimal) -> Contribution:
    return Contribution(state.id, amount, amount, 1.0)


def _weighted(state: DealState, percent: int) -> Contribution:
    return Contribution(state.id, state.amount * percent / HUNDRED, state.amount,
                        percent / 100)
