"""Accuracy metrics and the backtest, by hand."""

from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest

from salesdesk.domain.forecast import (
    BACKTEST_METHODS,
    ClosedHistory,
    DealState,
    Method,
    Scope,
    accuracy,
    accuracy_by,
    backtest,
)
from salesdesk.domain.periods import parse_period
from salesdesk.domain.pipeline import ForecastCategory as C

from .test_domain_forecast_support import D, closed, deal, lost, won


def test_accuracy_by_hand() -> None:
    a = accuracy([(D(110), D(100)), (D(80), D(100)), (D(200), D(200))])
    assert (a.count, a.forecast, a.actual) == (3, D(390), D(400))
    assert a.bias == pytest.approx(-10 / 400)         # (10 - 20 + 0) / 400
    assert a.wape == pytest.approx(30 / 400)          # (10 + 20 + 0) / 400
    assert a.hit_rate == pytest.approx(2 / 3)         # 10 <= 10 % of 100 hits; 20 misses


def test_accuracy_with_nothing_to_compare() -> None:
    a = accuracy([(D(0), D(0)), (D(5), D(0))])
    assert (a.bias, a.wape, a.hit_rate) == (None, None, 0.5)  # 0 = 0 hits, 5 vs 0 misses
    assert accuracy([]).hit_rate is None


def test_accuracy_by_group() -> None:
    rows = [("r1", D(100), D(100)), ("r2", D(150), D(100)), ("r1", D(50), D(100))]
    by = accuracy_by(rows, key=lambda r: r[0], pair=lambda r: (r[1], r[2]))
    assert list(by) == ["r1", "r2"]
    assert by["r1"].bias == pytest.approx(-0.25)      # (0 - 50) / 200
    assert by["r2"].wape == pytest.approx(0.5)        # 50 / 100


Q1, Q2 = parse_period("2017-Q1"), parse_period("2017-Q2")


def snapshots() -> dict[date, list[DealState]]:
    a = dict(default=50, category=C.COMMIT)
    return {
        Q1.start: [deal("A", "1000.00", 80, **a),
                   deal("B", "500.00", 20, category=C.PIPELINE)],
        Q1.end: [won("A", "1000.00", date(2017, 2, 1), "900.00"),
                 lost("B", "500.00", date(2017, 3, 1)),
                 deal("C", "2000.00", 50, category=C.COMMIT, entered=date(2017, 3, 20))],
        Q2.end: [won("A", "1000.00", date(2017, 2, 1), "900.00"),
                 lost("B", "500.00", date(2017, 3, 1)),
                 won("C", "2000.00", date(2017, 5, 1)), won("D", "10.00", date(2017, 5, 1),
                                                              owner="r2")],
    }


def test_backtest_by_hand() -> None:
    bt = backtest(snapshots(), ClosedHistory.empty(), [Q1, Q2], trials=500)
    table = {(r.period.name, r.method): (r.forecast, r.actual) for r in bt.rows}
    # Q1: A 1000 (default 50 %, own 80 %, commit), B 500 (20 %, pipeline); A won 900
    assert table["2017-Q1", Method.WEIGHTED_DEFAULT] == (D("600.00"), D("900.00"))
    assert table["2017-Q1", Method.WEIGHTED] == (D("900.00"), D("900.00"))
    assert table["2017-Q1", Method.COMMIT] == (D("1000.00"), D("900.00"))
    assert table["2017-Q1", Method.BEST_CASE] == (D("1100.00"), D("900.00"))  # 1000 + 100
    # no history: stage defaults, own dates, no run rate = the baseline
    assert table["2017-Q1", Method.HISTORICAL] == (D("600.00"), D("900.00"))
    assert table["2017-Q1", Method.MONTE_CARLO][0] in {D(0), D(500), D(1000), D(1500)}
    # Q2: C 2000 at 50 %, commit; won 2000 (D, 10.00, is r2's and won too)
    assert table["2017-Q2", Method.WEIGHTED] == (D("1000.00"), D("2010.00"))
    assert [r.method for r in bt.rows[:6]] == list(BACKTEST_METHODS)
    assert bt.rows[1].error == D("0.00")

    summary = {s.method: s for s in bt.summary}
    # weighted default: (600 - 900) + (1000 - 2010) = -1310 over 2910
    assert summary[Method.WEIGHTED_DEFAULT].bias == pytest.approx(-1310 / 2910)
    assert summary[Method.WEIGHTED_DEFAULT].wape == pytest.approx(1310 / 2910)
    assert summary[Method.WEIGHTED_DEFAULT].hit_rate == 0
    # weighted: 0 and -1010 -> WAPE 1010 / 2910, one hit of two
    assert summary[Method.WEIGHTED].wape == pytest.approx(1010 / 2910)
    assert summary[Method.WEIGHTED].hit_rate == 0.5
    # commit: +100 (misses: 100 > 90) and -10 (hits: 10 <= 201)
    assert summary[Method.COMMIT].bias == pytest.approx(90 / 2910)
    assert summary[Method.COMMIT].hit_rate == 0.5


def test_backtest_per_scope_with_a_function() -> None:
    snaps = snapshots()
    bt = backtest(lambda day: snaps[day], ClosedHistory.empty(), [Q2],
                  scopes=[Scope.member("r1"), Scope.member("r2")],
                  methods=[Method.WEIGHTED], trials=10)
    assert [(str(r.scope), r.forecast, r.actual) for r in bt.rows] == [
        ("member:r1", D("1000.00"), D("2000.00")), ("member:r2", D("0.00"), D("10.00"))]
    assert [(str(s.scope), s.count) for s in bt.summary] == [("member:r1", 1),
                                                             ("member:r2", 1)]
    assert len(bt.forecasts) == 2


def test_backtest_learns_only_from_the_past() -> None:
    h = ClosedHistory.of([closed("h", True, date(2017, 2, 1), ("s1", date(2017, 1, 1)))])
    snaps = snapshots()
    bt = backtest(snaps, h, [Q1, Q2], methods=[Method.HISTORICAL], trials=10)
    q1, q2 = bt.forecasts
    # Q1 knows nothing: B at its default 20 %; by Q2 one deal won through s1, 31 days after
    # entering it, so C gets (1 + 30 x 1) / (1 + 30) = 100 % (rep, team and company all
    # 1 of 1), and, 12 days in its stage on 04-01, wins (day 31) inside Q2 for sure
    assert q1.historical.total == D("600.00")
    assert q2.historical.total == D("2000.00")
    # the method adds the run rate: h was created and won inside Q1, the one past quarter
    # the history reaches: 100.00 / 1
    assert q2.run_rate.total == D("100.00")
    assert bt.rows[1].forecast == Decimal("2100.00")
