"""The arithmetic of the analysis reports, apart from the SQL that gathers the counts
(storage/analysis_queries.py defines the terms): sales cycle mean and median from
counts per length, velocity, drop-off between funnel stages, competition ranking.

Exact: Fractions until an amount is rounded to the cent.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Mapping, Sequence
from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction
from typing import Any, TypeVar

METRICS = ("won_amount", "won_count", "win_rate", "avg_deal", "cycle_days", "velocity",
           "activities")
ASCENDING_METRICS = frozenset({"cycle_days"})
"""Shorter cycles rank first; every other metric ranks the highest value first."""
CENT = Decimal("0.01")

T = TypeVar("T")


def mean_of_counts(counts: Counter[int]) -> Fraction | None:
    """The mean of the values `counts` holds (value -> how many), None when empty."""
    n = counts.total()
    return Fraction(sum(d * k for d, k in counts.items()), n) if n else None


def median_of_counts(counts: Counter[int]) -> Fraction | None:
    """The median of the values `counts` holds (value -> how many), None when empty."""
    n, seen, middle = counts.total(), 0, []
    for days, k in sorted(counts.items()):
        seen += k
        middle += [days] * sum(seen >= i > seen - k for i in {(n + 1) // 2, (n + 2) // 2})
    return Fraction(sum(middle), len(middle)) if middle else None


def velocity(open_deals: int, won: int, lost: int, won_cents: int,
             cycle_mean: Fraction | None) -> Decimal | None:
    """open x win rate x average deal / mean cycle, exact until rounded to the cent; None
    without won deals or when the mean cycle is 0 days."""
    if not (won and cycle_mean):
        return None
    per_day = Fraction(open_deals * won_cents, won + lost) / cycle_mean
    return (Decimal(per_day.numerator) / Decimal(per_day.denominator)).scaleb(-2).quantize(
        CENT, rounding=ROUND_HALF_UP)


def drop_offs(order: Sequence[tuple[str, str]], counts: Mapping[str, int]
              ) -> list[tuple[str, str, int, int | None]]:
    """(stage, outcome, reached, dropped) for the (name, outcome) stages in funnel order:
    dropped = reached here minus reached at the next stage that is not a lost one (None
    for the last such stage and for lost stages)."""
    flow = [name for name, outcome in order if outcome != "lost"]
    out = []
    for name, outcome in order:
        reached = counts.get(name, 0)
        i = flow.index(name) if name in flow else None
        dropped = reached - counts.get(flow[i + 1], 0) \
            if i is not None and i + 1 < len(flow) else None
        out.append((name, outcome, reached, dropped))
    return out


def competition_rank(items: Iterable[T], value: Callable[[T], Any],
                     tiebreak: Callable[[T], Any], *, ascending: bool = False
                     ) -> list[tuple[int, T, Any]]:
    """(rank, item, value) best first with competition ranking (1, 2, 2, 4); items whose
    value is None come last, all ranked one past the known ones, in `tiebreak` order."""
    items = list(items)
    known = sorted((x for x in items if value(x) is not None),
                   key=lambda x: (value(x) if ascending else -value(x), tiebreak(x)))
    unknown = sorted((x for x in items if value(x) is None), key=tiebreak)
    out: list[tuple[int, T, Any]] = []
    for i, x in enumerate(known):
        v = value(x)
        same = out and out[-1][2] == v
        out.append((out[-1][0] if same else i + 1, x, v))
    out += [(len(known) + 1, x, None) for x in unknown]
    return out
