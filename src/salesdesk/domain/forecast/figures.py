"""A figure and the deals behind it: every forecast number can be listed deal by deal."""

from __future__ import annotations

import enum
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal

from salesdesk.domain.forecast.inputs import ZERO


class Method(enum.StrEnum):
    """The forecast methods. Each one's figure is a forecast of the period's total won,
    closed won included, except PIPELINE (open deals only) and RUN_RATE (a part)."""

    CLOSED_WON = "closed_won"
    WEIGHTED_DEFAULT = "weighted_default"
    """Open deals x their stage's default probability: the plain CRM baseline."""
    WEIGHTED = "weighted"
    """Open deals x their own (effective) probability."""
    COMMIT = "commit"
    BEST_CASE = "best_case"
    PIPELINE = "pipeline"
    HISTORICAL = "historical"
    """Learned win rates and timing; as a method (backtest, accuracy) it includes the run
    rate, as a figure (`Forecast.historical`) it does not."""
    RUN_RATE = "run_rate"
    MONTE_CARLO = "monte_carlo_p50"


BACKTEST_METHODS = (Method.WEIGHTED_DEFAULT, Method.WEIGHTED, Method.COMMIT,
                    Method.BEST_CASE, Method.HISTORICAL, Method.MONTE_CARLO)
"""What the backtest scores, the CRM baseline first."""


@dataclass(frozen=True, slots=True)
class Contribution:
    """What one deal adds to a figure: `value` = `amount` x `weight`, to the cent (or
    exactly, for whole-percent weights)."""

    deal_id: str
    value: Decimal
    amount: Decimal
    """The deal's amount (its won amount once won) that the weight applies to."""
    weight: float = 1.0


@dataclass(frozen=True)
class Figure:
    """A forecast number and the deals behind it; `total` is exactly the sum of the
    contributions' values."""

    method: Method
    total: Decimal
    deals: tuple[Contribution, ...]

    @classmethod
    def of(cls, method: Method, deals: Iterable[Contribution]) -> Figure:
        deals = tuple(deals)
        return cls(method, sum((c.value for c in deals), ZERO), deals)

    @property
    def deal_ids(self) -> list[str]:
        return [c.deal_id for c in self.deals]

    def plus(self, method: Method, more: Iterable[Contribution]) -> Figure:
        """This figure's deals followed by more, as another method's figure."""
        return Figure.of(method, (*self.deals, *more))
