"""Quota plans and their maths: exact splits, seasonality, ramps, business-day targets,
roll-ups and the top-down/bottom-up gap."""

from __future__ import annotations

from datetime import date
from decimal import Decimal as D

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from salesdesk.domain.allocation import (
    CENT,
    EVEN,
    NO_RAMP,
    STANDARD_RAMP,
    RampSchedule,
    Seasonality,
    WorkCalendar,
    daily_split,
    split,
    split_count,
    split_like,
    split_table,
)
from salesdesk.domain.errors import ValidationError
from salesdesk.domain.periods import PeriodKind, children, fiscal_year, parse_period
from salesdesk.domain.quotas import (
    Metric,
    Owner,
    PlanLockedError,
    PlanStatus,
    QuotaPlan,
    Target,
    changes,
    gaps,
    member,
    plan_gaps,
    roll_up,
    set_bottom_up,
    set_top_down,
    target_for,
    team,
    top_down,
)

cents = st.integers(min_value=0, max_value=10**13).map(lambda c: D(c) * CENT)
weights = st.lists(st.integers(min_value=0, max_value=10**6), min_size=1, max_size=30)
decimal_weights = st.lists(st.decimals(min_value=0, max_value=1000, places=3), min_size=1,
                           max_size=20)
months_2017 = [p.start for p in children(fiscal_year(2017), PeriodKind.MONTH)]


def monthly(figures: list[D], starts: list[date] = months_2017) -> dict[date, D]:
    return dict(zip(starts, figures, strict=True))


# --- splits ---------------------------------------------------------------------------


@given(cents, weights)
def test_a_split_adds_up_exactly_and_stays_within_a_cent_of_the_share(total: D,
                                                                    ws: list[int]) -> None:
    parts = split(total, ws)
    assert sum(parts) == total
    assert all(p >= 0 and p == p.quantize(CENT) for p in parts)
    whole = sum(ws) or len(ws)
    shares = [total * (w if sum(ws) else 1) / whole for w in ws]
    assert all(abs(p - s) < CENT for p, s in zip(parts, shares, strict=True))


@given(cents, decimal_weights)
def test_decimal_weights_split_exactly(total: D, ws: list[D]) -> None:
    assert sum(split(total, ws)) == total


@given(st.integers(min_value=0, max_value=10**9), weights)
def test_counts_split_into_whole_numbers(total: int, ws: list[int]) -> None:
    parts = split_count(total, ws)
    assert sum(parts) == total
    assert all(isinstance(p, int) and p >= 0 for p in parts)


def test_largest_remainders_get_the_odd_cents_earlier_parts_first_on_ties() -> None:
    assert split(D("100.00"), [1, 1, 1]) == [D("33.34"), D("33.33"), D("33.33")]
    assert split(D("0.05"), [1, 3]) == [D("0.01"), D("0.04")]  # 0.0125 / 0.0375
    assert split(D("10.00"), [0, 0]) == [D("5.00"), D("5.00")]  # nothing to go by: even
    assert split(D("10.00"), [0, 1]) == [D("0.00"), D("10.00")]


@pytest.mark.parametrize(("total", "ws"), [
    (D("-1.00"), [1]), (D("1.001"), [1]), (D("1.00"), []), (D("1.00"), [1, -1]),
])
def test_what_cannot_be_split(total: D, ws: list[int]) -> None:
    with pytest.raises(ValidationError):
        split(total, ws)


@given(st.lists(st.integers(min_value=0, max_value=10**6), min_size=1, max_size=12),
       st.lists(st.integers(min_value=0, max_value=50), min_size=1, max_size=12),
       st.booleans())
def test_a_table_holds_both_its_row_and_column_totals(ws: list[int], season: list[int],
                                                      money: bool) -> None:
    total = sum(ws)
    rows: list[D | int] = list(split_count(total, [1] * len(ws)) if not money else
                               split(D(total) * CENT, ws))
    cols = split_like(rows_total := sum(rows), season)
    table = split_table(rows, cols)
    assert [sum(row) for row in table] == rows
    assert [sum(col) for col in zip(*table, strict=True)] == cols
    quantum = CENT if money else 1
    for r, row in zip(rows, table, strict=True):
        for c, cell in zip(cols, row, strict=True):
            exact = D(r) * D(c) / D(rows_total) if rows_total else D(0)
            assert cell >= 0 and abs(D(cell) - exact) < D(quantum)


def test_a_table_whose_totals_differ_is_refused() -> None:
    with pytest.raises(ValidationError):
        split_table([1, 2], [4])


# --- seasonality ----------------------------------------------------------------------


@given(cents)
def test_an_even_year_is_an_even_split_within_a_cent(annual: D) -> None:
    months = EVEN.spread(annual)
    assert sum(months) == annual
    assert max(months) - min(months) <= CENT


@given(cents, st.lists(st.decimals(min_value=0, max_value=10**6, places=2), min_size=12,
                       max_size=12))
def test_any_seasonality_spreads_exactly(annual: D, history: list[D]) -> None:
    months = Seasonality.from_history(history).spread(annual)
    assert len(months) == 12 and sum(months) == annual and min(months) >= 0


def test_seasonality_from_history_is_smoothed_towards_even() -> None:
    history = [D(0)] * 11 + [D(1200)]
    raw = Seasonality.from_history(history, smoothing=D(0)).spread(D("1200.00"))
    assert raw == [D("0.00")] * 11 + [D("1200.00")]
    half = Seasonality.from_history(history, smoothing=D("0.5")).spread(D("1200.00"))
    assert half[0] == D("50.00") and half[11] == D("650.00")
    assert Seasonality.from_history([D(0)] * 12) == EVEN


@pytest.mark.parametrize("ws", [[1] * 11, [1] * 12 + [1], [1] * 11 + [-1]])
def test_a_seasonality_is_twelve_non_negative_weights(ws: list[int]) -> None:
    with pytest.raises(ValidationError):
        Seasonality(tuple(D(w) for w in ws))


# --- ramps ----------------------------------------------------------------------------


def test_the_standard_ramp_is_25_50_75_100_by_quarter_from_the_hire_month() -> None:
    hired = date(2017, 2, 15)
    factors = [STANDARD_RAMP.factor(hired, date(2017, m, 1)) for m in range(1, 13)]
    assert factors == [D(0)] + [D("0.25")] * 3 + [D("0.50")] * 3 + [D("0.75")] * 3 + [D(1)] * 2
    assert STANDARD_RAMP.factor(None, date(2017, 1, 1)) == 1
    assert STANDARD_RAMP.apply(D("1000.00"), hired, date(2017, 5, 1)) == D("500.00")
    assert STANDARD_RAMP.apply(7, hired, date(2017, 3, 1)) == 2  # 1.75, half up


def test_a_linear_ramp_matches_member_ramp_months() -> None:
    ramp = RampSchedule.linear(3)
    hired = date(2017, 1, 10)
    assert [ramp.factor(hired, date(2017, m, 1)) for m in (1, 2, 3, 4)] == [
        D("0.25"), D("0.5"), D("0.75"), D(1)]
    assert RampSchedule.linear(0).factor(hired, hired.replace(day=1)) == 1
    assert NO_RAMP.factor(hired, hired.replace(day=1)) == 1


@given(st.lists(st.decimals(min_value=0, max_value=1, places=2), max_size=8),
       st.integers(min_value=1, max_value=6), st.dates(), st.dates(), cents)
def test_a_ramp_never_exceeds_the_full_quota(steps: list[D], block: int, hired: date,
                                             when: date, amount: D) -> None:
    ramp = RampSchedule(tuple(steps), block)
    assert 0 <= ramp.factor(hired, when.replace(day=1)) <= 1
    assert 0 <= ramp.apply(amount, hired, when.replace(day=1)) <= amount


@pytest.mark.parametrize(("steps", "block"), [((D("1.5"),), 3), ((D("-0.1"),), 3), ((), 0)])
def test_what_is_not_a_ramp(steps: tuple[D, ...], block: int) -> None:
    with pytest.raises(ValidationError):
        RampSchedule(steps, block)


# --- business days --------------------------------------------------------------------


calendars = st.builds(
    WorkCalendar,
    working_days=st.frozensets(st.integers(min_value=0, max_value=6)),
    holidays=st.frozensets(st.dates(min_value=date(2017, 1, 1), max_value=date(2017, 12, 31)),
                           max_size=20))


@given(cents, st.sampled_from(months_2017), calendars)
def test_the_days_of_a_month_add_up_to_the_month(amount: D, start: date,
                                                 calendar: WorkCalendar) -> None:
    days = daily_split(amount, start, calendar)
    assert sum(days.values()) == amount
    assert all(d.month == start.month for d in days)
    if any(calendar.is_business_day(d) for d in days):
        assert all(a == 0 for d, a in days.items() if not calendar.is_business_day(d))


@settings(max_examples=25)
@given(st.lists(cents, min_size=12, max_size=12), calendars)
def test_days_weeks_months_and_quarters_add_up_to_the_year(figures: list[D],
                                                           calendar: WorkCalendar) -> None:
    targets = monthly(figures)
    year = fiscal_year(2017)
    assert target_for(targets, year, calendar) == sum(figures)
    for kind in (PeriodKind.QUARTER, PeriodKind.MONTH, PeriodKind.DAY):
        assert sum(target_for(targets, p, calendar) for p in children(year, kind)) == \
            sum(figures)


def test_a_week_straddling_two_months_takes_each_months_share() -> None:
    targets = monthly([D("22000.00"), D("20000.00")] + [D("0.00")] * 10)
    # January 2017 has 22 weekdays, February 20: 1000.00 a day in each
    assert target_for(targets, parse_period("2017-W05")) == D("5000.00")  # Jan 30 - Feb 3
    assert target_for(targets, parse_period("2017-01-28")) == D("0.00")   # a Saturday
    holiday = WorkCalendar(holidays=frozenset({date(2017, 1, 2)}))        # 21 days left
    assert target_for(targets, parse_period("2017-01-03"), holiday) == D("1047.62")
    assert target_for(targets, parse_period("2017-Q1")) == D("42000.00")


def test_counts_stay_whole_in_every_period() -> None:
    targets = {m: 10 for m in months_2017}
    assert target_for(targets, parse_period("2017")) == 120
    assert isinstance(target_for(targets, parse_period("2017-W10")), int)


# --- the plan -------------------------------------------------------------------------


def test_a_plan_holds_one_target_per_owner_metric_and_month() -> None:
    plan = QuotaPlan(year=2017)
    plan.set_target(member("ann"), "revenue", date(2017, 3, 15), D("1000"))
    plan.set_target(member("ann"), Metric.REVENUE, date(2017, 3, 1), D("1500.50"))
    plan.set_target(member("ann"), "deal_count", date(2017, 3, 1), D("4"))
    assert len(plan.targets) == 2
    assert plan.monthly(member("ann"), "revenue")[date(2017, 3, 1)] == D("1500.50")
    assert plan.monthly(member("ann"), "deal_count")[date(2017, 3, 1)] == 4
    assert plan.monthly(team("east"), "revenue")[date(2017, 1, 1)] == D("0.00")
    assert plan.owners() == [member("ann")]
    with pytest.raises(ValidationError, match="two revenue targets"):
        QuotaPlan.with_targets([Target(team("t"), Metric.REVENUE, date(2017, 1, 1), D(1)),
                                Target(team("t"), Metric.REVENUE, date(2017, 1, 9), D(2))],
                               year=2017)


@pytest.mark.parametrize(("owner_kind", "metric", "month_start", "amount", "field"), [
    ("member", "revenue", date(2017, 1, 1), D("-1"), "revenue"),
    ("member", "revenue", date(2017, 1, 1), D("1.001"), "revenue"),
    ("member", "revenue", date(2017, 1, 1), 1.5, "revenue"),
    ("member", "deal_count", date(2017, 1, 1), D("1.5"), "deal_count"),
    ("member", "activities", date(2017, 1, 1), -3, "activities"),
    ("member", "activities", date(2017, 1, 1), True, "activities"),
    ("member", "margin", date(2017, 1, 1), D(1), "metric"),
    ("region", "revenue", date(2017, 1, 1), D(1), "owner_kind"),
    ("member", "revenue", date(2018, 1, 1), D(1), "month"),
])
def test_the_plan_refuses_what_a_quota_cannot_be(owner_kind: str, metric: str,
                                                 month_start: date, amount: object,
                                                 field: str) -> None:
    plan = QuotaPlan(year=2017)
    with pytest.raises(ValidationError) as caught:
        plan.set_target(Owner(owner_kind, "x"), metric, month_start, amount)  # type: ignore
    assert caught.value.field == field


def test_a_july_fiscal_year_plans_july_to_june() -> None:
    plan = QuotaPlan(year=2018, fiscal_start=7)
    assert plan.month_starts[0] == date(2017, 7, 1) and plan.month_starts[-1] == date(2018, 6, 1)
    with pytest.raises(ValidationError):
        plan.set_target(member("a"), "revenue", date(2018, 7, 1), D(1))


def test_a_published_version_is_locked_and_edited_as_a_new_draft() -> None:
    plan = QuotaPlan(year=2017, note="first cut")
    plan.set_months(team("east"), "revenue", EVEN.spread(D("120000.00")))
    plan.publish()
    with pytest.raises(PlanLockedError):
        plan.set_target(team("east"), "revenue", date(2017, 1, 1), D(1))
    draft = plan.new_draft("after the Q1 review")
    assert (draft.plan_version, draft.status, draft.note) == (2, PlanStatus.DRAFT,
                                                              "after the Q1 review")
    assert draft.id != plan.id
    draft.set_target(team("east"), "revenue", date(2017, 1, 1), D("12000"))
    [change] = changes(plan, draft)
    assert (change.old, change.new) == (D("10000.00"), D("12000.00"))
    assert changes(plan, plan.new_draft()) == []
    assert plan.monthly(team("east"), "revenue")[date(2017, 1, 1)] == D("10000.00")


# --- top-down, bottom-up, gap ---------------------------------------------------------


@settings(max_examples=50)
@given(cents, st.dictionaries(st.text("abcdef", min_size=1, max_size=3),
                              st.integers(min_value=0, max_value=100), min_size=1, max_size=8))
def test_top_down_without_ramps_leaves_no_gap(annual: D, ws: dict[str, int]) -> None:
    members = top_down(annual, ws, months_2017)
    team_target = dict(zip(months_2017, EVEN.spread(annual), strict=True))
    bottom = roll_up(members, dict.fromkeys(ws, "t"))["t"]
    assert bottom == team_target
    assert all(g.gap == 0 for g in gaps(team_target, bottom, fiscal_year(2017)))


@given(st.dictionaries(st.sampled_from("abcdefgh"),
                       st.tuples(st.sampled_from(["t1", "t2", None]),
                                 st.lists(cents, min_size=12, max_size=12))))
def test_a_roll_up_is_the_sum_of_the_members(data: dict[str, tuple[str | None, list[D]]]) -> None:
    members = {m: monthly(figures) for m, (_, figures) in data.items()}
    teams = roll_up(members, {m: t for m, (t, _) in data.items()})
    for t in ("t1", "t2"):
        mine = [figures for m, (tt, figures) in data.items() if tt == t]
        if not mine:
            assert t not in teams
            continue
        assert list(teams[t].values()) == [sum(col) for col in zip(*mine, strict=True)]


def test_the_gap_shows_what_ramping_costs_per_month_quarter_and_year() -> None:
    plan = QuotaPlan(year=2017)
    plan.set_months(team("t"), "revenue", EVEN.spread(D("240000.00")))
    split_ = top_down(D("240000.00"), {"vet": 1, "new": 1}, plan.month_starts,
                      ramps={"new": (STANDARD_RAMP, date(2017, 1, 3))})
    for m, figures in split_.items():
        plan.set_months(member(m), "revenue", list(figures.values()))
    found = {g.period: g for g in plan_gaps(plan, "t", ["vet", "new"])}
    assert found["2017-01"].gap == D("7500.00")   # new carries 25 % of 10,000
    assert found["2017-Q2"].gap == D("15000.00")  # 50 % of 3 x 10,000
    assert found["2017-Q4"].gap == D("0.00")
    assert found["2017"].gap == D("45000.00")
    assert found["2017"].top_down == D("240000.00")
    assert len(found) == 12 + 4 + 1



def test_a_plan_set_top_down_then_bottom_up() -> None:
    plan = QuotaPlan(year=2017)
    set_top_down(plan, "t", 100, {"a": 3, "b": 1}, "deal_count",
                 ramps={"b": (STANDARD_RAMP, date(2017, 7, 1))})
    assert sum(plan.monthly(team("t"), "deal_count").values()) == 100
    a = plan.monthly(member("a"), "deal_count")
    assert all(isinstance(n, int) for n in a.values()) and sum(a.values()) == 75
    b = list(plan.monthly(member("b"), "deal_count").values())
    assert b[:6] == [0] * 6 and 0 < sum(b) < 25         # hired in July, ramping
    gap = {g.period: g.gap for g in plan_gaps(plan, "t", ["a", "b"], "deal_count")}
    assert gap["2017"] == 25 - sum(b) and gap["2017-Q1"] in (6, 7)  # b's 2.25 a month
    set_bottom_up(plan, "t", ["a", "b"], "deal_count")
    assert all(g.gap == 0 for g in plan_gaps(plan, "t", ["a", "b"], "deal_count"))
    set_bottom_up(plan, "empty", [], "revenue")
    assert sum(plan.monthly(team("empty"), "revenue").values()) == 0
