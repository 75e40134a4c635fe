"""Stage-to-win rates and time to win, learned from the workspace's own closed deals.

Win rate of an open stage: wins / (wins + losses) among the deals that passed through it
and closed before the forecast moment. Per rep, shrunk towards the rep's team, and the team
towards the company (empirical Bayes with a prior worth `prior_deals` closed deals):

    company(s)       = wins(s) / closed(s)
    team(s, t)       = (wins(s, t) + k * company(s))  / (closed(s, t) + k)
    rep(s, r | t)    = (wins(s, r) + k * team(s, t))  / (closed(s, r) + k)

The rep's team is the team of the deal being forecast (a rep who moved team is pulled
towards their new team). A rep with no closed deals in the stage gets the team's rate, a
team with none the company's; a stage no closed deal ever passed through has no rate and
the deal keeps its stage's default probability.

k = PRIOR_DEALS = 30: a rep needs about 30 closed deals through a stage before their own
record weighs as much as the team's. That is the prior strength of a beta distribution
whose spread matches what sales teams show between reps (standard deviation around 0.09 at
a 50 % win rate: 0.25 / (k + 1) = 0.09^2 gives k ~ 30).

Time to win (for the historical method's timing): for each stage, the days from entering
it (the latest time) to the win, over the won deals that passed through it: the empirical
distribution, kept sorted, company-wide; a stage without won deals uses all stages' days
pooled. An open deal older in its stage than every win seen there is stale and gets no
chance: on the sample company, deals left open that long were never won, and counting them
as "closing now" put the historical method 20 % higher in 2017's last quarter.
"""

from __future__ import annotations

import functools
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime

import numpy as np

from salesdesk.domain.forecast.history import ClosedHistory
from salesdesk.domain.forecast.inputs import DealState, day_of
from salesdesk.domain.periods import Period

PRIOR_DEALS = 30.0


@dataclass(frozen=True, eq=False)
class LearnedRates:
    """Counts learned from closed deals; rates are shrunk when asked for.

    Arrays have one more row (and column) than their code tables: the last one stays zero
    and is what code -1 (unknown stage, team or rep) reads."""

    as_of: date
    prior_deals: float
    stages: tuple[str, ...]
    owners: tuple[str, ...]
    teams: tuple[str, ...]
    wins: np.ndarray
    """[stage] wins among the deals that passed through the stage."""
    closed: np.ndarray
    """[stage] wins + losses."""
    team_wins: np.ndarray
    """[stage, team]"""
    team_closed: np.ndarray
    rep_wins: np.ndarray
    """[stage, owner]"""
    rep_closed: np.ndarray
    days_to_win: tuple[np.ndarray, ...]
    """[stage] sorted days from entering the stage to the win."""
    pooled_days: np.ndarray

    # --- by id (drill-down, tests) ------------------------------------------------------
    def company_rate(self, stage_id: str) -> float | None:
        return _nan_to_none(self.win_rates([stage_id], [None], [None], level=0)[0])

    def team_rate(self, stage_id: str, team_id: str | None) -> float | None:
        return _nan_to_none(self.win_rates([stage_id], [None], [team_id], level=1)[0])

    def win_rate(self, stage_id: str, owner_id: str | None, team_id: str | None
                 ) -> float | None:
        """The rep's rate in the stage, shrunk towards `team_id`'s; None: no data."""
        return _nan_to_none(self.win_rates([stage_id], [owner_id], [team_id])[0])

    def days_to_win_in(self, stage_id: str) -> np.ndarray:
        return self._timing(self._code(self._stage_index, stage_id))

    # --- vectorised ---------------------------------------------------------------------
    def win_rates(self, stage_ids: Sequence[str], owner_ids: Sequence[str | None],
                  team_ids: Sequence[str | None], *, level: int = 2) -> np.ndarray:
        """Rates by id; NaN where the stage has no closed deal. level 0 = company,
        1 = team, 2 = rep."""
        return self.rates_for_codes(self._codes(self._stage_index, stage_ids),
                                    self._codes(self._owner_index, owner_ids),
                                    self._codes(self._team_index, team_ids), level=level)

    def rates_for_codes(self, s: np.ndarray, r: np.ndarray, t: np.ndarray, *,
                        level: int = 2) -> np.ndarray:
        k = self.prior_deals
        with np.errstate(invalid="ignore", divide="ignore"):
            rate = self.wins[s] / self.closed[s]
            for wins, closed, keys in ((self.team_wins, self.team_closed, t),
                                       (self.rep_wins, self.rep_closed, r))[:level]:
                w, n = wins[s, keys], closed[s, keys]
                rate = np.where(n + k > 0, (w + k * rate) / (n + k), rate)
        return rate

    def win_probabilities(self, states: Sequence[DealState]) -> np.ndarray:
        """Each deal's learned win probability; its stage's default where none is known."""
        p = self.win_rates([d.stage_id for d in states], [d.owner_id for d in states],
                           [d.team_id for d in states])
        default = np.array([d.stage_probability for d in states], dtype=float) / 100
        return np.where(np.isnan(p), default, p)

    def close_probabilities(self, states: Sequence[DealState], period: Period,
                            as_of: date | datetime) -> np.ndarray:
        """P(the deal is won inside the period | it wins, it is still open at `as_of`,
        it entered its stage when it did), from the stage's days to win. NaN where no won
        deal ever tells (the caller falls back on the deal's own close date).

        With T the days from entering the stage to the win and a the deal's age in stage,
        P = P(lo <= T < hi | T >= a), lo and hi the period's remaining days in the same
        terms. A deal older in its stage than every win ever seen there is stale: the
        learned timing gives it no chance (0), the data's way of saying such deals are
        not won; the weighted methods still count it, which the waterfall then shows."""
        today = day_of(as_of).toordinal()
        entered = np.array([d.entered_on.toordinal() for d in states], dtype=np.int64)
        stages = self._codes(self._stage_index, [d.stage_id for d in states])
        age = np.maximum(today - entered, 0)
        lo = np.maximum(max(period.start.toordinal(), today) - entered, age)
        hi = period.end.toordinal() - entered
        out = np.full(len(states), np.nan)
        for code in np.unique(stages):
            days = self._timing(int(code))
            if not len(days):
                continue
            rows = stages == code
            alive = _at_least(days, age[rows])
            inside = np.maximum(_at_least(days, lo[rows]) - _at_least(days, hi[rows]), 0)
            out[rows] = np.where(alive > 0, inside / np.maximum(alive, 1), 0.0)
        return out

    # --- codes --------------------------------------------------------------------------
    def _timing(self, code: int) -> np.ndarray:
        if code >= 0 and len(self.days_to_win[code]):
            return self.days_to_win[code]
        return self.pooled_days

    @functools.cached_property
    def _stage_index(self) -> dict[str, int]:
        return {key: i for i, key in enumerate(self.stages)}

    @functools.cached_property
    def _owner_index(self) -> dict[str, int]:
        return {key: i for i, key in enumerate(self.owners)}

    @functools.cached_property
    def _team_index(self) -> dict[str, int]:
        return {key: i for i, key in enumerate(self.teams)}

    @staticmethod
    def _code(index: dict[str, int], key: str | None) -> int:
        return -1 if key is None else index.get(key, -1)

    @staticmethod
    def _codes(index: dict[str, int], keys: Sequence[str | None]) -> np.ndarray:
        return np.fromiter((-1 if k is None else index.get(k, -1) for k in keys),
                           dtype=np.int64, count=len(keys))


def learn_rates(history: ClosedHistory, as_of: date | datetime,
                prior_deals: float = PRIOR_DEALS) -> LearnedRates:
    """Learn from the deals closed strictly before `as_of`'s day. Vectorised: no Python
    loop over deals (a million closed deals take well under a second)."""
    n_stages, n_teams, n_owners = len(history.stages), len(history.teams), len(history.owners)
    deal, stage, entered = history.visit_deal, history.visit_stage, history.visit_entered
    kept = history.closed < day_of(as_of).toordinal()
    if not kept.all():
        visits = kept[deal]
        deal, stage, entered = deal[visits], stage[visits], entered[visits]
    deal, stage, entered = _latest_visits(deal, stage, entered, n_stages)
    won = history.won[deal]
    team_w, team_n = _counts(stage, history.team[deal], won, n_stages, n_teams)
    rep_w, rep_n = _counts(stage, history.owner[deal], won, n_stages, n_owners)
    days = np.maximum(history.closed[deal[won]] - entered[won], 0)
    return LearnedRates(
        as_of=day_of(as_of), prior_deals=float(prior_deals), stages=history.stages,
        owners=history.owners, teams=history.teams,
        wins=team_w.sum(axis=1), closed=team_n.sum(axis=1),
        team_wins=team_w[:, :-1], team_closed=team_n[:, :-1],
        rep_wins=rep_w[:, :-1], rep_closed=rep_n[:, :-1],
        days_to_win=_split_sorted(stage[won], days, n_stages), pooled_days=np.sort(days))


def _latest_visits(deal: np.ndarray, stage: np.ndarray, entered: np.ndarray,
                   n_stages: int) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """One visit per (deal, stage): the latest entry. One sort of a bit-packed int64
    (deal | stage | day), built in place; shifts rather than divisions to unpack."""
    if not len(deal):
        return deal, stage, entered
    first = int(entered.min())
    day_bits = (int(entered.max()) - first).bit_length()
    stage_bits = max(n_stages - 1, 0).bit_length()
    if int(deal.max()).bit_length() + stage_bits + day_bits > 62:  # cannot pack
        order = np.lexsort((entered, stage, deal))
        deal, stage, entered = deal[order], stage[order], entered[order]
        last = np.ones(len(deal), dtype=bool)
        last[:-1] = (deal[1:] != deal[:-1]) | (stage[1:] != stage[:-1])
        return deal[last], stage[last], entered[last]
    packed = deal.astype(np.int64)
    packed <<= stage_bits
    packed |= stage
    packed <<= day_bits
    packed += entered
    packed -= first
    packed.sort()
    key = packed >> day_bits
    last = np.ones(len(key), dtype=bool)
    np.not_equal(key[1:], key[:-1], out=last[:-1])
    if not last.all():
        packed, key = packed[last], key[last]
    packed &= (1 << day_bits) - 1
    packed += first
    return key >> stage_bits, key & ((1 << stage_bits) - 1), packed


def _counts(stage: np.ndarray, who: np.ndarray, won: np.ndarray, n_stages: int,
            n_who: int) -> tuple[np.ndarray, np.ndarray]:
    """[stage, who] wins and closed counts, in one bincount of (stage, who, won).

    Columns: the n_who codes, then a zero column (what code -1 reads once the caller drops
    the last one), then the visits of no one (code -1), so that rows still sum to the
    stage's total. The last row, for stage -1, stays zero."""
    who = np.where(who < 0, n_who + 1, who)
    width = n_who + 2
    both = np.bincount((stage * width + who) * 2 + won, minlength=(n_stages + 1) * width * 2)
    both = both.reshape(n_stages + 1, width, 2).astype(float)
    return both[:, :, 1], both[:, :, 0] + both[:, :, 1]


def _split_sorted(stage: np.ndarray, days: np.ndarray, n_stages: int
                  ) -> tuple[np.ndarray, ...]:
    if not len(days):
        return tuple(np.zeros(0, dtype=np.int64) for _ in range(n_stages))
    span = int(days.max()) + 1
    packed = np.sort(stage * span + days)
    bounds = np.searchsorted(packed, np.arange(n_stages + 1) * span)
    values = packed % span
    return tuple(values[bounds[i]:bounds[i + 1]] for i in range(n_stages))


def _at_least(sorted_days: np.ndarray, x: np.ndarray) -> np.ndarray:
    """How many of the days are >= x."""
    return len(sorted_days) - np.searchsorted(sorted_days, x, side="left")


def _nan_to_none(value: float) -> float | None:
    return None if np.isnan(value) else float(value)
