"""How good forecasts were: bias, WAPE and hit rate over (forecast, actual) pairs.

    bias     = sum(f - a) / sum(a)      over-forecasting is positive
    WAPE     = sum(|f - a|) / sum(a)    weighted absolute percentage error
    hit rate = share of pairs with |f - a| <= 10 % of a (a pair with a = 0 hits only
               when f = 0 too)

Sums of actuals that are zero leave bias and WAPE undefined (None).
"""

from __future__ import annotations

from collections.abc import Callable, Hashable, Iterable
from dataclasses import dataclass
from decimal import Decimal
from typing import TypeVar

from salesdesk.domain.forecast.inputs import ZERO

TOLERANCE = Decimal("0.10")
K = TypeVar("K", bound=Hashable)
T = TypeVar("T")


@dataclass(frozen=True)
class Accuracy:
    count: int
    forecast: Decimal
    actual: Decimal
    bias: float | None
    wape: float | None
    hit_rate: float | None


def accuracy(pairs: Iterable[tuple[Decimal, Decimal]], tolerance: Decimal = TOLERANCE
             ) -> Accuracy:
    pairs = list(pairs)
    forecast = sum((f for f, _ in pairs), ZERO)
    actual = sum((a for _, a in pairs), ZERO)
    absolute = sum((abs(f - a) for f, a in pairs), ZERO)
    hits = sum(1 for f, a in pairs if abs(f - a) <= tolerance * abs(a))
    return Accuracy(
        count=len(pairs), forecast=forecast, actual=actual,
        bias=float((forecast - actual) / actual) if actual else None,
        wape=float(absolute / actual) if actual else None,
        hit_rate=hits / len(pairs) if pairs else None)


def accuracy_by(rows: Iterable[T], key: Callable[[T], K],
                pair: Callable[[T], tuple[Decimal, Decimal]],
                tolerance: Decimal = TOLERANCE) -> dict[K, Accuracy]:
    """Accuracy per group (method, rep, team...), groups in order of first appearance."""
    groups: dict[K, list[tuple[Decimal, Decimal]]] = {}
    for row in rows:
        groups.setdefault(key(row), []).append(pair(row))
    return {k: accuracy(v, tolerance) for k, v in groups.items()}
