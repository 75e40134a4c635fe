"""Forecast against actual for a period, deal by deal: where the bucket leaked.

Start: the weighted forecast made at the period's first day (from the deals as they stood
then). End: the won amount of the deals won inside the period (from the deals as they
stood at its end, or any later moment: close dates tell what happened when). In between:

- won as forecast  + (amount - weighted value) of forecast deals won in the period;
- grew or shrunk   + (won amount - amount) of the same deals;
- slipped          - weighted value of forecast deals still open at the end, or closed
                     after it;
- lost             - weighted value of forecast deals lost in the period (or gone from the
                     pipeline), one step per lost reason;
- reassigned       - weighted value of forecast deals that left the scope (another owner,
                     team or territory), + won amount of deals that came into it and won;
- pulled in        + won amount of deals open at the start but outside its forecast
                     (expected later, or closed then and reopened) that won in the period;
- new              + won amount of deals created after the start and won in the period.

Each forecast deal is in exactly one of slipped / lost / reassigned / won as forecast, and
each deal won in the period in exactly one of won as forecast / reassigned / pulled in /
new, so the parts add up exactly (Decimal) from the forecast to the actual.
"""

from __future__ import annotations

import enum
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal

from salesdesk.domain.forecast.figures import Contribution, Figure
from salesdesk.domain.forecast.inputs import COMPANY, ZERO, DealState, Scope
from salesdesk.domain.forecast.rollup import closed_won, weighted
from salesdesk.domain.periods import Period
from salesdesk.domain.pipeline import Outcome


class Part(enum.StrEnum):
    WON_AS_FORECAST = "won_as_forecast"
    GREW_OR_SHRUNK = "grew_or_shrunk"
    SLIPPED = "slipped"
    LOST = "lost"
    REASSIGNED = "reassigned"
    PULLED_IN = "pulled_in"
    NEW = "new"


@dataclass(frozen=True)
class Step:
    part: Part
    total: Decimal
    deals: tuple[Contribution, ...]
    reason: str | None = None
    """The lost reason, for LOST steps (None: none given, or the deal is gone)."""


@dataclass(frozen=True)
class Waterfall:
    period: Period
    scope: Scope
    forecast: Figure
    actual: Figure
    steps: tuple[Step, ...]
    """In the order of `Part`, lost reasons alphabetically (no reason last)."""

    def step(self, part: Part) -> Decimal:
        """The total of a part (all lost reasons together for LOST)."""
        return sum((s.total for s in self.steps if s.part is part), ZERO)


def waterfall(start: Iterable[DealState], end: Iterable[DealState], period: Period,
              scope: Scope = COMPANY, *, default_probabilities: bool = False) -> Waterfall:
    """The bridge from the forecast at `period.start` to the actual won in `period`."""
    at_start = {s.id: s for s in start}
    at_end = {s.id: s for s in end}
    fc = weighted(at_start.values(), period, period.start, scope,
                  default=default_probabilities)
    actual = closed_won(at_end.values(), period, scope)
    parts: dict[tuple[Part, str | None], list[Contribution]] = {
        (p, None): [] for p in Part}
    for c in fc.deals:
        part, reason, extra = _forecast_deal(c, at_start[c.deal_id],
                                             at_end.get(c.deal_id), period, scope)
        parts.setdefault((part, reason), []).append(
            Contribution(c.deal_id, -c.value if extra is None else c.amount - c.value,
                         c.amount))
        if extra is not None:
            parts[Part.GREW_OR_SHRUNK, None].append(extra)
    forecast_ids = {c.deal_id for c in fc.deals}
    for c in actual.deals:
        if c.deal_id not in forecast_ids:
            before = at_start.get(c.deal_id)
            part = (Part.NEW if before is None
                    else Part.PULLED_IN if scope.covers(before) else Part.REASSIGNED)
            parts[part, None].append(c)
    return Waterfall(period, scope, fc, actual, _steps(parts))


def _forecast_deal(c: Contribution, before: DealState, after: DealState | None,
                   period: Period, scope: Scope
                   ) -> tuple[Part, str | None, Contribution | None]:
    """Where a forecast deal went; the grew/shrunk entry when it was won as forecast."""
    if after is None:
        return Part.LOST, None, None
    if not scope.covers(after):
        return Part.REASSIGNED, None, None
    if after.won_in(period.start, period.end):
        return Part.WON_AS_FORECAST, None, Contribution(c.deal_id, after.value - c.amount,
                                                        after.value)
    if (after.outcome is Outcome.LOST and after.closed_on is not None
            and period.start <= after.closed_on < period.end):
        return Part.LOST, after.lost_reason, None
    return Part.SLIPPED, None, None


def _steps(parts: dict[tuple[Part, str | None], list[Contribution]]) -> tuple[Step, ...]:
    order = list(Part)
    keys = sorted(parts, key=lambda k: (order.index(k[0]), k[1] is None, k[1] or ""))
    return tuple(Step(part, sum((c.value for c in deals), ZERO), tuple(deals), reason)
                 for part, reason in keys
                 if (deals := parts[part, reason]) or reason is None)
