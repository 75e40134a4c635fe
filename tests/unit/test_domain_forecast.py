"""Forecast engine: closed won, weighted, categories, historical, run rate, Monte Carlo.

Every expected figure is worked out by hand in the comments next to it."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone
from decimal import Decimal

import numpy as np
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from salesdesk.domain.forecast import (
    COMPANY,
    ClosedHistory,
    DealState,
    Method,
    Scope,
    closed_won,
    forecast,
    from_cents,
    historical,
    learn_rates,
    open_odds,
    rollup,
    run_rate,
    simulate,
    to_cents,
    weighted,
)
from salesdesk.domain.forecast.montecarlo import monte_carlo
from salesdesk.domain.periods import month, parse_period
from salesdesk.domain.pipeline import ForecastCategory as C
from salesdesk.domain.pipeline import Outcome

from .test_domain_forecast_support import D, closed, deal, deal_states, lost, won

Q2 = parse_period("2017-Q2")
APRIL = month(2017, 4)
AS_OF = date(2017, 4, 15)


def book() -> list[DealState]:
    return [
        won("W1", "300.00", date(2017, 4, 10), "250.00"),      # won in Q2: 250
        won("W0", "999.00", date(2017, 3, 30)),                # won in Q1: not counted
        lost("L1", "700.00", date(2017, 4, 12), "Price"),      # lost: nowhere
        deal("A", "1000.00", 40, default=10, category=C.COMMIT, expected=date(2017, 5, 20)),
        deal("B", "500.00", 50, category=C.PIPELINE),          # no date: counts on AS_OF
        deal("C", "200.00", 25, default=20, category=C.BEST_CASE,
             expected=date(2017, 3, 1)),                        # overdue: counts on AS_OF
        deal("D", "800.00", 90, category=C.COMMIT, expected=date(2017, 7, 1)),  # Q3
        deal("E", "100.00", 30, category=C.OMITTED, expected=date(2017, 6, 30)),
        deal("X", "10000.00", 50, owner="r2", team="t2", category=C.COMMIT),
    ]


# --- closed won, weighted, categories -------------------------------------------------


def test_company_rollup_by_hand() -> None:
    r = rollup(book(), Q2, AS_OF)
    assert r.closed_won.total == D("250.00")
    # 250 + 1000x.40 + 500x.50 + 200x.25 + 100x.30 + 10000x.50 = 250+400+250+50+30+5000
    assert r.weighted.total == D("5980.00")
    # stage defaults: 250 + 1000x.10 + 500x.50 + 200x.20 + 100x.30 + 10000x.50
    assert r.weighted_default.total == D("5670.00")
    # 250 + A 1000 + X 10000 (commit amounts)
    assert r.commit.total == D("11250.00")
    # 250 + A 1000 + X 10000 + C 200 (best case amounts) + B 250 + E 30 (weighted values)
    assert r.best_case.total == D("11730.00")
    # open only: 1000 + 500 + 200 + 100 + 10000 (D is expected in Q3)
    assert r.pipeline.total == D("11800.00")


def test_member_scope_by_hand() -> None:
    r = rollup(book(), Q2, AS_OF, Scope.member("r1"))
    assert [r.closed_won.total, r.weighted.total, r.weighted_default.total, r.commit.total,
            r.best_case.total, r.pipeline.total] == [
        D("250.00"), D("980.00"), D("670.00"), D("1250.00"), D("1730.00"), D("1800.00")]
    assert r.weighted.total == weighted(book(), Q2, AS_OF, Scope.team("t1")).total
    assert rollup(book(), Q2, AS_OF, Scope.team("t1", "t2")).weighted.total == D("5980.00")


def test_each_figure_lists_its_deals_and_adds_up_exactly() -> None:
    r = rollup(book(), Q2, AS_OF)
    assert r.weighted.deal_ids == ["W1", "A", "B", "C", "E", "X"]
    a = r.weighted.deals[1]
    assert (a.value, a.amount, a.weight) == (D("400.00"), D("1000.00"), 0.40)
    assert r.commit.deal_ids == ["W1", "A", "X"]
    assert r.pipeline.deal_ids == ["A", "B", "C", "E", "X"]
    for f in (r.closed_won, r.weighted, r.commit, r.best_case, r.pipeline):
        assert f.total == sum(c.value for c in f.deals)


def test_weighted_values_stay_exact() -> None:
    # 0.01 x 33 % = 0.0033, kept exactly; three of them are 0.0099, not 0.01 or 0.00
    deals = [deal(f"d{i}", "0.01", 33) for i in range(3)]
    assert weighted(deals, Q2, AS_OF).total == D("0.0099")


def test_undated_deals_count_in_the_period_holding_the_forecast_day() -> None:
    b = [deal("B", "500.00", 50)]
    assert weighted(b, Q2, date(2017, 6, 30)).total == D("250.00")
    assert weighted(b, Q2, date(2017, 7, 1)).total == D("0.00")      # now in Q3's
    assert weighted(b, Q2, date(2017, 3, 31)).total == D("0.00")     # still in Q1's
    assert weighted(b, Q2, datetime(2017, 5, 2, 16, 30)).total == D("250.00")
    # a moment with a time zone counts on its UTC day: 1 July 01:00 in Paris is 30 June
    paris = timezone(timedelta(hours=2))
    assert weighted(b, Q2, datetime(2017, 7, 1, 1, 0, tzinfo=paris)).total == D("250.00")


def test_a_past_period_is_closed_won_only() -> None:
    r = rollup(book(), parse_period("2017-Q1"), AS_OF)
    assert r.weighted.total == r.commit.total == r.closed_won.total == D("999.00")
    assert r.pipeline.total == D("0.00")


@settings(max_examples=200, deadline=None)
@given(deal_states(), st.sampled_from(["2017-Q2", "2017-04", "2017-W20", "2017"]),
       st.integers(min_value=-40, max_value=120))
def test_weighted_le_best_case_le_pipeline(states: list[DealState], name: str,
                                           offset: int) -> None:
    period = parse_period(name)
    as_of = date.fromordinal(date(2017, 4, 1).toordinal() + offset)
    r = rollup(states, period, as_of)
    open_part = r.weighted.total - r.closed_won.total
    assert open_part <= r.best_case.total - r.closed_won.total <= r.pipeline.total
    assert r.weighted_default.total - r.closed_won.total <= r.pipeline.total
    assert r.closed_won.total <= r.commit.total <= r.best_case.total
    for f in (r.weighted, r.best_case, r.commit, r.pipeline):
        assert f.total == sum((c.value for c in f.deals), Decimal(0))


# --- historical -----------------------------------------------------------------------


def history() -> ClosedHistory:
    """s1: 6 closed deals, 3 won (r1 2/4, r2 1/1, both t1; r3 0/1 in t2).
    s2: 4 closed, 3 won (r1 2/3, r2 1/1), won 10, 20 and 30 days after entering s2.
    h7 closes after the forecast day: it must not be learned from."""
    s1, s2 = date(2016, 12, 1), date(2017, 1, 1)
    return ClosedHistory.of([
        closed("h1", True, date(2017, 1, 11), ("s1", s1), ("s2", s2)),
        closed("h2", True, date(2017, 1, 21), ("s1", s1), ("s2", s2)),
        closed("h3", False, date(2017, 1, 15), ("s1", s1), ("s2", s2)),
        closed("h4", False, date(2016, 12, 20), ("s1", s1)),
        closed("h5", True, date(2017, 1, 31), ("s1", s1), ("s2", s2), owner="r2"),
        closed("h6", False, date(2016, 12, 10), ("s1", s1), owner="r3", team="t2"),
        closed("h7", True, date(2017, 5, 1), ("s1", s1), ("s2", s2)),
    ])


def test_historical_by_hand() -> None:
    rates = learn_rates(history(), AS_OF, prior_deals=2)
    deals = [
        won("W", "50.00", date(2017, 4, 3)),
        # s2, r1 (t1): company s2 = 3/4; t1 = (3 + 2x.75)/(4 + 2) = .75;
        #   r1 = (2 + 2x.75)/(3 + 2) = .70.
        # entered 04-10, forecast 04-15: age 5; April's rest is days 5..20 after entry.
        #   T in {10, 20, 30}: P(5 <= T < 21 | T >= 5) = 2/3.  1000 x .70 x 2/3 = 466.67
        deal("O1", "1000.00", stage="s2", entered=date(2017, 4, 10)),
        # s1, r3 (t2): t2 = (0 + 2x.5)/(1 + 2) = 1/3; r3 = (0 + 2x1/3)/(1 + 2) = 2/9.
        #   T in {41, 51, 61} from s1, age 14, April's rest is days 14..29: P = 0
        deal("O2", "900.00", owner="r3", team="t2", entered=date(2017, 4, 1)),
        # unknown stage: its default 20 %; timing pooled {10,20,30,41,51,61}, age 1,
        #   window days 1..16: P = 1/6.  500 x .20 x 1/6 = 16.67
        deal("O3", "500.00", 20, owner="r9", stage="s3", entered=date(2017, 4, 14)),
    ]
    f = historical(deals, APRIL, AS_OF, rates)
    assert [(c.deal_id, c.value) for c in f.deals] == [
        ("W", D("50.00")), ("O1", D("466.67")), ("O3", D("16.67"))]
    assert f.total == D("533.34")
    # the whole quarter: O2 now lands for sure (all of 41..61 days fall before July):
    #   900 x 2/9 = 200.00; O1: 1000 x .70 x 1 = 700.00
    q = historical(deals, Q2, AS_OF, rates)
    assert {c.deal_id: c.value for c in q.deals}["O2"] == D("200.00")
    assert {c.deal_id: c.value for c in q.deals}["O1"] == D("700.00")


def test_historical_without_history_uses_stage_defaults_and_own_dates() -> None:
    # 250 closed + A 1000x.10 + B 500x.50 + C 200x.20 + E 100x.30 + X 10000x.50 (= baseline)
    f = historical(book(), Q2, AS_OF, None)
    assert f.total == rollup(book(), Q2, AS_OF).weighted_default.total == D("5670.00")


def test_a_deal_older_than_every_win_is_stale() -> None:
    rates = learn_rates(history(), AS_OF, prior_deals=2)
    old = [deal("O", "100.00", stage="s2", entered=date(2017, 1, 1))]  # 104 days > 30
    assert open_odds(old, APRIL, AS_OF, rates).p_close.tolist() == [0.0]
    assert historical(old, Q2, AS_OF, rates).total == D("0.00")
    assert weighted(old, Q2, AS_OF).total == D("50.00")  # the plain pipeline still counts it


@settings(max_examples=60, deadline=None)
@given(st.integers(min_value=0, max_value=80), st.integers(min_value=0, max_value=30),
       st.sampled_from(["s1", "s2", "s3"]))
def test_timing_over_consecutive_months_adds_to_one(age: int, start: int, stage: str
                                                    ) -> None:
    """... for a deal younger than some win seen in its stage; an older one is stale: 0."""
    rates = learn_rates(history(), AS_OF, prior_deals=2)
    as_of = date.fromordinal(AS_OF.toordinal() + start)
    entered = date.fromordinal(as_of.toordinal() - age)
    d = [deal("O", "100.00", stage=stage, entered=entered)]
    first = month(as_of.year, as_of.month)
    months = [first]
    while len(months) < 6:
        months.append(month(months[-1].end.year, months[-1].end.month))
    total = sum(open_odds(d, m, as_of, rates).p_close[0] for m in months)
    seen = rates.days_to_win_in(stage)
    assert total == pytest.approx(1.0 if seen.max() >= age else 0.0)


# --- run rate -------------------------------------------------------------------------


def run_history() -> ClosedHistory:
    return ClosedHistory.of([
        closed("n1", True, date(2017, 3, 1), created=date(2017, 2, 1), amount="300.00"),
        closed("n2", True, date(2016, 12, 1), created=date(2016, 11, 1), amount="100.00"),
        closed("n3", True, date(2017, 1, 10), created=date(2016, 12, 15), amount="70.00"),
        closed("n4", False, date(2017, 2, 1), created=date(2017, 1, 5)),
        closed("n5", True, date(2016, 10, 20), created=date(2016, 10, 5), amount="50.00"),
        closed("n6", True, date(2017, 1, 20), created=date(2017, 1, 10), amount="1000.00",
               owner="r2"),
    ])


def test_run_rate_at_the_period_start_by_hand() -> None:
    # The history starts 2016-10-05: 2017-Q1 and 2016-Q4 are the past quarters it reaches.
    # Created and won inside one: n1 300 (Q1), n6 1000 (Q1), n2 100 and n5 50 (Q4);
    # n3 spans two quarters, n4 was lost.  (300 + 1000 + 100 + 50) / 2 = 725
    f = run_rate(run_history(), Q2, date(2017, 4, 1))
    assert f.total == D("725.00")
    assert {c.deal_id: c.value for c in f.deals} == {
        "n1": D("150.00"), "n2": D("50.00"), "n5": D("25.00"), "n6": D("500.00")}
    assert run_rate(run_history(), Q2, date(2017, 4, 1), Scope.member("r1")).total == \
        D("225.00")  # (300 + 100 + 50) / 2


def test_run_rate_counts_the_part_of_the_period_still_ahead() -> None:
    # 04-20: 19 of Q2's 91 days gone. Q1: cutoff day round(19/91 x 90) = 19 -> 01-20,
    # n1 (created 02-01) counts, n6 (01-10) not; Q4: round(19/91 x 92) = 19 -> 10-20,
    # n2 (11-01) counts, n5 (10-05) not.  (300 + 100) / 2 = 200
    assert run_rate(run_history(), Q2, date(2017, 4, 20)).total == D("200.00")
    assert run_rate(run_history(), Q2, date(2017, 7, 1)).total == D("0.00")
    assert run_rate(ClosedHistory.empty(), Q2, date(2017, 4, 1)).total == D("0.00")


def test_run_rate_for_a_later_period_uses_periods_ended_by_the_forecast_day() -> None:
    # Q3 forecast on 04-01: Q2 has not ended, so Q1 and Q4 again
    assert run_rate(run_history(), parse_period("2017-Q3"), date(2017, 4, 1)).total == \
        D("725.00")


def test_run_rate_for_a_fiscal_quarter_steps_back_whole_quarters() -> None:
    # July fiscal year: FY2017-Q4 is April-June 2017, the quarter before is January-March
    q4 = parse_period("2017-Q4", fiscal_start=7)
    assert run_rate(run_history(), q4, date(2017, 4, 1), fiscal_start=7).total == D("725.00")


# --- Monte Carlo ----------------------------------------------------------------------


def test_monte_carlo_certain_and_impossible_deals_are_exact() -> None:
    totals = simulate(np.array([12345.0, 99.0, 5.0]), np.array([1.0, 0.0, 1.0]), 100, seed=1)
    assert set(totals.tolist()) == {12350.0}


def test_monte_carlo_quantiles_by_hand() -> None:
    # one deal of 100.00 won 30 % of the time, on top of 250.00 won: P10 and P50 are
    # 250.00 (70 % of trials win nothing), P90 is 350.00
    odds = open_odds([deal("O", "100.00", 30)], Q2, AS_OF, None)
    mc = monte_carlo(odds, D("250.00"), trials=10_000, seed=7)
    assert (mc.p10, mc.p50, mc.p90) == (D("250.00"), D("250.00"), D("350.00"))
    assert D("275.00") < mc.mean < D("285.00")  # 250 + 30, within sampling noise
    assert [(c.deal_id, c.value) for c in mc.deals] == [("O", D("30.00"))]


def test_simulation_is_seeded_exact_and_independent_of_the_block_size() -> None:
    rng = np.random.default_rng(3)
    cents = rng.integers(1, 10**9, 301).astype(float)
    p = rng.random(301)
    a = simulate(cents, p, 1000, seed=42)
    assert np.array_equal(a, simulate(cents, p, 1000, seed=42, block_draws=997))
    assert not np.array_equal(a, simulate(cents, p, 1000, seed=43))
    assert np.array_equal(a, np.rint(a))  # whole cents: every sum is exact
    # the mean of 1,000 trials is within 5 standard errors of the expected value
    sd = np.sqrt((cents**2 * p * (1 - p)).sum() / 1000)
    assert abs(a.mean() - (cents * p).sum()) < 5 * sd


@settings(max_examples=100, deadline=None)
@given(deal_states(), st.integers(min_value=0, max_value=2**32 - 1))
def test_p10_le_p50_le_p90(states: list[DealState], seed: int) -> None:
    f = forecast(states, Q2, AS_OF, trials=300, seed=seed)
    mc = f.monte_carlo
    assert f.closed_won.total <= mc.p10 <= mc.p50 <= mc.p90
    assert mc.p90 <= f.closed_won.total + sum(
        (s.amount for s in states if s.is_open), Decimal(0))


# --- the whole forecast ---------------------------------------------------------------


def test_forecast_puts_it_together() -> None:
    f = forecast(book(), Q2, AS_OF, scope=COMPANY, history=run_history(), trials=2000)
    assert f.value(Method.WEIGHTED) == D("5980.00")
    assert f.value(Method.WEIGHTED_DEFAULT) == D("5670.00")
    # run rate at 04-15 (14 of 91 days gone): Q1 cutoff round(14/91 x 90) = 14 -> 01-15,
    # n1 counts; Q4 cutoff 14 -> 10-15, n2 counts: (300 + 100) / 2 = 200
    assert f.run_rate.total == D("200.00")
    assert f.value(Method.HISTORICAL) == f.historical.total + D("200.00")
    assert f.monte_carlo.base == D("450.00")  # 250 closed + 200 run rate
    assert f.value(Method.MONTE_CARLO) == f.monte_carlo.p50
    assert f.by_deal()["A"][Method.WEIGHTED] == D("400.00")
    assert "X" not in forecast(book(), Q2, AS_OF, scope=Scope.member("r1")).by_deal()


def test_scopes() -> None:
    deals = [deal("a", "10.00", territory="north"), deal("b", "20.00", territory="south"),
             deal("c", "40.00", territory=None)]
    assert weighted(deals, Q2, AS_OF, Scope.territory("north", "south")).total == D("15.00")
    assert str(Scope.territory("south", "north")) == "territory:north,south"
    assert str(COMPANY) == "company" and Scope.company() == COMPANY
    with pytest.raises(ValueError):
        Scope.member()
    with pytest.raises(ValueError):
        Scope(ids=frozenset({"x"}))
    h = ClosedHistory.of([closed("h", True, date(2017, 1, 2), territory="north"),
                          closed("i", True, date(2017, 1, 2), territory=None)])
    assert h.scope_mask(Scope.territory("north")).tolist() == [True, False]
    assert h.scope_mask(COMPANY).tolist() == [True, True]


def test_money_in_cents_round_trips() -> None:
    for text in ("0.00", "0.05", "12345678.90", "-3.10"):
        assert from_cents(to_cents(D(text))) == D(text)
    with pytest.raises(ValueError):
        to_cents(D("1.005"))


def test_a_deal_state_refuses_inconsistent_outcomes() -> None:
    with pytest.raises(ValueError):
        deal("x", "1.00", outcome=Outcome.WON, closed_on=date(2017, 1, 1))  # no won amount
    with pytest.raises(ValueError):
        deal("x", "1.00", closed_on=date(2017, 1, 1))  # open with a close date
    with pytest.raises(ValueError):
        deal("x", "1.00", 101)
    assert closed_won([deal("x", "1.00")], Q2).total == D("0.00")
