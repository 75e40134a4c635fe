"""One period's forecast re-scoped in a millisecond: `PeriodParts.of(...)` splits the
company forecast deal by deal once; `figures(scope)` then gives every figure of any
scope, exactly what `forecast(..., scope=scope)` gives, without building it again.

Why it is exact: every figure but the Monte Carlo is a sum of per-deal contributions, and
no contribution depends on the scope (a deal's probability, its learned win rate and
timing, a past deal's run-rate share are the deal's own), so a scope's figure is the sum
of the company contributions of the scope's deals. The Monte Carlo simulates the scope's
open deals, in the company's order, with the same odds and seed, so it draws the same
stream as a forecast made for the scope alone. The series chart re-scopes 12 periods on
every scope change; this is what keeps it quick.

Sums are exact integers of 1/10,000ths (a weighted part is an amount in cents x a whole
percent / 100), turned back into Decimal.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal

import numpy as np

from salesdesk.domain.forecast.engine import Forecast
from salesdesk.domain.forecast.figures import Method
from salesdesk.domain.forecast.historical import OpenOdds
from salesdesk.domain.forecast.history import ClosedHistory
from salesdesk.domain.forecast.inputs import DealState, Scope, ScopeKind
from salesdesk.domain.forecast.montecarlo import monte_carlo

UNITS = 4
"""Parts are summed in 1/10,000ths."""
SUMMED = (Method.CLOSED_WON, Method.WEIGHTED, Method.WEIGHTED_DEFAULT, Method.COMMIT,
          Method.BEST_CASE, Method.PIPELINE, Method.HISTORICAL)
_FIELDS = {ScopeKind.MEMBER: "owner_id", ScopeKind.TEAM: "team_id",
           ScopeKind.TERRITORY: "territory_id"}


def _units(value: Decimal) -> int:
    scaled = value.scaleb(UNITS)
    units = int(scaled)
    if units != scaled:
        raise ValueError(f"{value} is finer than 1/10,000")
    return units


def _decimal(units: int) -> Decimal:
    if units % 100 == 0:
        return Decimal(units // 100).scaleb(-2)
    return Decimal(units).scaleb(-UNITS)


@dataclass(frozen=True)
class PeriodParts:
    """The company forecast of one period, split by deal (see the module's docstring)."""

    company: Forecast
    codes: dict[ScopeKind, tuple[dict[str | None, int], np.ndarray]]
    """Per scope kind: the key -> code table and each deal's code (by deal row)."""
    parts: dict[Method, tuple[np.ndarray, np.ndarray]]
    """Per summed figure: the deal rows of its contributions and their values in units."""
    run_rate: tuple[np.ndarray, np.ndarray]
    """The history rows of the run rate's past deals and their shares in units."""
    odds: OpenOdds
    odds_rows: np.ndarray
    history: ClosedHistory | None
    trials: int
    seed: int | None

    @classmethod
    def of(cls, company: Forecast, states: Sequence[DealState], odds: OpenOdds,
           history: ClosedHistory | None, trials: int, seed: int | None) -> PeriodParts:
        """`company`: forecast(states, ..., scope=COMPANY, trials=trials, seed=seed);
        `odds`: open_odds(states, ...) of the same period, moment and rates."""
        row = {s.id: i for i, s in enumerate(states)}
        codes = {}
        for kind, name in _FIELDS.items():
            table: dict[str | None, int] = {}
            column = np.fromiter((table.setdefault(getattr(s, name), len(table))
                                  for s in states), dtype=np.int64, count=len(states))
            codes[kind] = (table, column)
        parts = {m: (np.array([row[c.deal_id] for c in company.figure(m).deals],
                              dtype=np.intp),
                     np.array([_units(c.value) for c in company.figure(m).deals],
                              dtype=np.int64))
                 for m in SUMMED}
        past = {deal_id: i for i, deal_id in enumerate(history.ids)} if history else {}
        rr = company.run_rate.deals
        run_rate = (np.array([past[c.deal_id] for c in rr], dtype=np.intp),
                    np.array([_units(c.value) for c in rr], dtype=np.int64))
        return cls(company, codes, parts, run_rate, odds,
                   np.array([row[d.id] for d in odds.deals], dtype=np.intp), history,
                   trials, seed)

    def _mask(self, scope: Scope) -> np.ndarray | None:
        if scope.kind is ScopeKind.COMPANY:
            return None
        table, column = self.codes[scope.kind]
        wanted = [table[i] for i in scope.ids if i in table]
        return np.isin(column, np.asarray(wanted, dtype=np.int64))

    def figures(self, scope: Scope) -> dict[str, Decimal]:
        """The scope's figures, keyed like services' snapshot figures: closed_won,
        weighted, weighted_default, commit, best_case, pipeline, historical (with the run
        rate), run_rate, p10, p50, p90."""
        mask = self._mask(scope)
        totals = {m: int(units.sum() if mask is None else units[mask[rows]].sum())
                  for m, (rows, units) in self.parts.items()}
        rows, units = self.run_rate
        if mask is None or self.history is None:
            rr = int(units.sum())
        else:
            rr = int(units[self.history.scope_mask(scope)[rows]].sum())
        if mask is None:  # the company's own simulation
            mc = self.company.monte_carlo
        else:
            keep = mask[self.odds_rows]
            odds = OpenOdds((), self.odds.cents[keep], self.odds.p_win[keep],
                            self.odds.p_close[keep])
            mc = monte_carlo(odds, _decimal(totals[Method.CLOSED_WON] + rr), self.trials,
                             self.seed, deals=())
        found = {m.value: _decimal(t) for m, t in totals.items()}
        found["historical"] = _decimal(totals[Method.HISTORICAL] + rr)
        return found | {"run_rate": _decimal(rr), "p10": mc.p10, "p50": mc.p50,
                        "p90": mc.p90}
