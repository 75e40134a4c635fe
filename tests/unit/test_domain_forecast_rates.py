"""Learned win rates (empirical Bayes shrinkage) and time to win."""

from __future__ import annotations

from collections import defaultdict
from datetime import date

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from salesdesk.domain.forecast import PRIOR_DEALS, ClosedHistory, learn_rates

from .test_domain_forecast_support import closed

AS_OF = date(2017, 4, 15)


def hand_history() -> ClosedHistory:
    s1, s2 = date(2016, 12, 1), date(2017, 1, 1)
    return ClosedHistory.of([
        closed("h1", True, date(2017, 1, 11), ("s1", s1), ("s2", s2)),
        closed("h2", True, date(2017, 1, 21), ("s1", s1), ("s2", s2)),
        closed("h3", False, date(2017, 1, 15), ("s1", s1), ("s2", s2)),
        closed("h4", False, date(2016, 12, 20), ("s1", s1)),
        closed("h5", True, date(2017, 1, 31), ("s1", s1), ("s2", s2), owner="r2"),
        closed("h6", False, date(2016, 12, 10), ("s1", s1), owner="r3", team="t2"),
        closed("h7", True, date(2017, 5, 1), ("s1", s1), ("s2", s2)),  # after AS_OF
        # moved back and forth: counted once in s1, timing from its latest entry (01-20)
        closed("h8", True, date(2017, 1, 30), ("s1", s1), ("s2", s2), ("s1", date(2017, 1, 20)),
               owner="r4", team=None),
    ])


def test_rates_by_hand() -> None:
    r = learn_rates(hand_history(), AS_OF, prior_deals=2)
    # s1: h1..h6, h8 closed before AS_OF: wins h1, h2, h5, h8 = 4 of 7
    assert r.company_rate("s1") == pytest.approx(4 / 7)
    # t1 in s1: h1..h5, 3 of 5: (3 + 2 x 4/7) / (5 + 2) = (29/7) / 7 = 29/49
    assert r.team_rate("s1", "t1") == pytest.approx(29 / 49)
    # r1 in s1: 2 of 4 -> (2 + 2 x 29/49) / (4 + 2) = (156/49) / 6 = 26/49
    assert r.win_rate("s1", "r1", "t1") == pytest.approx(26 / 49)
    # r2: 1 of 1 -> (1 + 2 x 29/49) / 3 = (107/49) / 3
    assert r.win_rate("s1", "r2", "t1") == pytest.approx(107 / 147)
    # r3 in t2: t2 = (0 + 2 x 4/7) / (1 + 2) = 8/21; r3 = (0 + 2 x 8/21) / 3 = 16/63
    assert r.win_rate("s1", "r3", "t2") == pytest.approx(16 / 63)
    # a new rep gets the team's rate; an unknown team the company's
    assert r.win_rate("s1", "new", "t1") == pytest.approx(29 / 49)
    assert r.win_rate("s1", "new", None) == pytest.approx(4 / 7)
    assert r.win_rate("s1", "r4", None) == pytest.approx((1 + 2 * 4 / 7) / 3)
    # a rep's record pulls towards the team they are in now
    assert r.win_rate("s1", "r1", "t2") == pytest.approx((2 + 2 * 8 / 21) / 6)
    # nothing ever passed through s9
    assert r.win_rate("s9", "r1", "t1") is None


def test_time_to_win_by_hand() -> None:
    r = learn_rates(hand_history(), AS_OF)
    # won through s2 before AS_OF: h1 10, h2 20, h5 30, h8 29 days after 01-01
    assert r.days_to_win_in("s2").tolist() == [10, 20, 29, 30]
    # s1: h1 41, h2 51, h5 61 days after 12-01; h8 10 days after its latest entry (01-20)
    assert r.days_to_win_in("s1").tolist() == [10, 41, 51, 61]
    assert r.days_to_win_in("s9").tolist() == sorted([10, 20, 29, 30, 10, 41, 51, 61])


def test_only_deals_closed_before_the_forecast_day_are_learned_from() -> None:
    # h7 closes on 05-01: learning as of 05-01 still ignores it, as of 05-02 counts it
    assert learn_rates(hand_history(), date(2017, 5, 1)).closed[0] == 7
    assert learn_rates(hand_history(), date(2017, 5, 2)).closed[0] == 8
    assert learn_rates(hand_history(), date(2016, 12, 1)).company_rate("s1") is None


@settings(max_examples=150, deadline=None)
@given(st.integers(0, 60), st.data())
def test_shrinkage_lies_between_rep_and_team(n_rep: int, data: st.DataObject) -> None:
    wins_rep = data.draw(st.integers(0, n_rep))
    n_team = data.draw(st.integers(0, 60))  # the team's other reps
    wins_team = data.draw(st.integers(0, n_team))
    k = data.draw(st.sampled_from([0.5, 2.0, PRIOR_DEALS, 200.0]))
    outcomes = ([("r1", i < wins_rep) for i in range(n_rep)]
                + [("r2", i < wins_team) for i in range(n_team)])
    h = ClosedHistory.of([closed(f"d{i}", w, date(2017, 1, 2), ("s1", date(2017, 1, 1)),
                                 owner=o) for i, (o, w) in enumerate(outcomes)])
    r = learn_rates(h, AS_OF, prior_deals=k)
    rep, team = r.win_rate("s1", "r1", "t1"), r.team_rate("s1", "t1")
    if not outcomes:
        assert rep is None
        return
    assert team is not None and rep is not None
    if n_rep == 0:
        assert rep == pytest.approx(team)
        return
    raw = wins_rep / n_rep
    assert min(raw, team) - 1e-12 <= rep <= max(raw, team) + 1e-12
    # the more deals the rep has, the less the team weighs: weight n / (n + k)
    assert rep == pytest.approx(raw * n_rep / (n_rep + k) + team * k / (n_rep + k))


# --- the numpy path against a plain dictionary loop -------------------------------------


def reference(h: ClosedHistory, as_of: date, k: float) -> dict[tuple[str, str | None,
                                                                     str | None], float]:
    """Rates per (stage, owner, team) the slow, obvious way."""
    day = as_of.toordinal()
    latest: dict[tuple[int, int], int] = {}
    for d, s, e in zip(h.visit_deal.tolist(), h.visit_stage.tolist(),
                       h.visit_entered.tolist(), strict=True):
        if h.closed[d] < day:
            latest[d, s] = max(latest.get((d, s), e), e)
    count: dict[tuple[object, ...], list[int]] = defaultdict(lambda: [0, 0])
    for d, s in latest:
        w = int(h.won[d])
        owner, team = int(h.owner[d]), int(h.team[d])
        for key in ((s,), (s, "team", team), (s, "rep", owner)):
            if -1 not in key[1:]:
                count[key][0] += w
                count[key][1] += 1
    out = {}
    for s, stage in enumerate(h.stages):
        if not count[(s,)][1]:
            continue
        company = count[(s,)][0] / count[(s,)][1]
        for t, team in [*enumerate(h.teams), (-1, None)]:
            tw, tn = count[(s, "team", t)] if t >= 0 else (0, 0)
            team_rate = (tw + k * company) / (tn + k)
            for o, owner in [*enumerate(h.owners), (-1, None)]:
                rw, rn = count[(s, "rep", o)] if o >= 0 else (0, 0)
                out[stage, owner, team] = (rw + k * team_rate) / (rn + k)
    return out


def random_history(seed: int, n: int) -> ClosedHistory:
    rng = np.random.default_rng(seed)
    visits_per_deal = rng.integers(0, 4, n)
    deal = np.repeat(np.arange(n), visits_per_deal)
    return ClosedHistory(
        ids=[f"d{i}" for i in range(n)], won=rng.random(n) < 0.4,
        amount_cents=rng.integers(0, 10**6, n), won_cents=rng.integers(0, 10**6, n),
        created=np.full(n, 736000), closed=736000 + rng.integers(0, 300, n),
        owner=rng.integers(-1, 5, n), team=rng.integers(-1, 3, n), territory=np.full(n, -1),
        owners=tuple(f"r{i}" for i in range(5)), teams=("t0", "t1", "t2"), territories=(),
        stages=("s0", "s1", "s2"), visit_deal=deal,
        visit_stage=rng.integers(0, 3, len(deal)),  # repeats: a stage visited twice
        visit_entered=736000 - rng.integers(0, 100, len(deal)))


@pytest.mark.parametrize("seed", range(6))
def test_vectorised_learning_equals_the_dictionary_loop(seed: int) -> None:
    h = random_history(seed, 400)
    as_of = date.fromordinal(736150)
    r = learn_rates(h, as_of, prior_deals=3)
    expected = reference(h, as_of, 3)
    assert expected
    for (stage, owner, team), rate in expected.items():
        assert r.win_rate(stage, owner, team) == pytest.approx(rate)


def test_columns_are_checked() -> None:
    h = random_history(0, 10)
    with pytest.raises(ValueError, match="rows"):
        h.replace_columns(won=np.ones(3, dtype=bool))
    with pytest.raises(ValueError, match="owner"):
        h.replace_columns(owner=np.full(10, 7))
    with pytest.raises(ValueError, match="visit"):
        h.replace_columns(visit_deal=np.full(len(h.visit_deal), -1))
