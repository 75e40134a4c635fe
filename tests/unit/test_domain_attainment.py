"""Attainment, pace and pipeline coverage on hand-computed cases, and the plan proposed
from a run rate."""

from __future__ import annotations

from datetime import date
from decimal import Decimal as D

import pytest
from hypothesis import given
from hypothesis import strategies as st

from salesdesk.domain.allocation import NO_RAMP, STANDARD_RAMP, WorkCalendar
from salesdesk.domain.attainment import Attainment, attainment_report, measure, ratio
from salesdesk.domain.errors import ValidationError
from salesdesk.domain.periods import fiscal_year, parse_period
from salesdesk.domain.quota_proposal import ProposalSettings, Rep, propose_plan
from salesdesk.domain.quotas import (
    Metric,
    OwnerKind,
    PlanStatus,
    member,
    plan_gaps,
    target_for,
    team,
)

# 2017 has 22 weekdays in January, 20 in February, 23 in March: 1,000.00 a business day
Q1 = {date(2017, 1, 1): D("22000.00"), date(2017, 2, 1): D("20000.00"),
      date(2017, 3, 1): D("23000.00")}
QUARTER = parse_period("2017-Q1")


def test_attainment_gap_pace_and_coverage_by_hand() -> None:
    a = measure(Q1, D("16000"), QUARTER, date(2017, 2, 14), pipeline=D("98000.00"))
    # by Tuesday 14 February: 22 January days + 10 February days elapsed
    assert (a.quota, a.won, a.expected) == (D("65000.00"), D("16000.00"), D("32000.00"))
    assert a.attainment == D("0.2462")     # 16,000 / 65,000
    assert a.gap == a.remaining == D("49000.00")
    assert a.pace == D("0.5000") and a.ahead == D("-16000.00")
    assert a.coverage == D("2.0000")       # 98,000 / 49,000


def test_pace_before_during_and_after_the_period() -> None:
    before = measure(Q1, D(0), QUARTER, date(2016, 12, 31))
    assert before.expected == 0 and before.pace is None
    weekend = measure(Q1, D(0), QUARTER, date(2017, 1, 1))  # a Sunday: nothing due yet
    assert weekend.expected == 0
    after = measure(Q1, D("70000"), QUARTER, date(2017, 6, 30))
    assert after.expected == after.quota == D("65000.00")
    assert after.attainment == D("1.0769") and after.gap == D("-5000.00")
    assert after.remaining == 0 and after.coverage is None  # nothing remains
    holidays = WorkCalendar(holidays=frozenset({date(2017, 1, 2)}))
    assert measure(Q1, D(0), QUARTER, date(2017, 1, 2), holidays).expected == 0


def test_no_quota_means_no_attainment_and_unknown_pipeline_no_coverage() -> None:
    a = Attainment(D("0.00"), D("500.00"), D("0.00"))
    assert a.attainment is None and a.pace is None and a.coverage is None
    assert ratio(D(1), D(3)) == D("0.3333") and ratio(D(2), D(3)) == D("0.6667")


def test_the_report_rolls_members_up_to_teams_and_a_total() -> None:
    targets = {"ann": Q1, "bob": {m: a / 2 for m, a in Q1.items()}, "cy": Q1}
    won = {("ann", date(2017, 1, 5)): D("10000.00"), ("ann", date(2016, 12, 30)): D("999"),
           ("bob", date(2017, 3, 31)): D("2500.00"), ("dee", date(2017, 2, 1)): D("100.00")}
    team_of = {"ann": "east", "bob": "east", "cy": "west", "dee": "west"}
    report = attainment_report(targets, won, team_of, QUARTER, date(2017, 3, 31),
                               pipeline={"ann": D("5000.00")})
    rows = {r.member: r.figures for r in report.members}
    assert list(rows) == ["ann", "bob", "cy", "dee"]
    assert rows["ann"].won == D("10000.00")  # December's deal is outside the quarter
    assert rows["dee"].quota == 0 and rows["dee"].won == D("100.00")
    assert rows["bob"].coverage == D("0.0000") and rows["ann"].coverage == D("0.0909")
    east, west = report.teams
    assert (east.team, east.member) == ("east", None)
    assert east.figures.quota == D("97500.00") and east.figures.won == D("12500.00")
    assert east.figures.attainment == D("0.1282")
    assert west.figures.won == D("100.00")
    assert report.total.quota == D("162500.00") and report.total.won == D("12600.00")


@given(st.lists(st.integers(min_value=0, max_value=10**9), min_size=3, max_size=3),
       st.integers(min_value=0, max_value=10**9), st.dates(date(2016, 12, 1), date(2017, 5, 1)))
def test_expected_grows_with_time_and_never_passes_the_quota(cents: list[int], won: int,
                                                            as_of: date) -> None:
    targets = {m: D(c) / 100 for m, c in zip(Q1, cents, strict=True)}
    a = measure(targets, D(won) / 100, QUARTER, as_of)
    b = measure(targets, D(won) / 100, QUARTER, as_of.replace(day=1))
    assert 0 <= b.expected <= a.expected <= a.quota == sum(targets.values())


# --- the plan proposed from a run rate ------------------------------------------------


def history_2016() -> dict[str, dict[date, D]]:
    return {
        # a veteran whose sales grow through the year: 78,000 in all
        "vet": {date(2016, m, 10): D(1000 * m) for m in range(1, 13)},
        # hired in June 2016, closed 500.00 a month while ramping
        "mid": {date(2016, m, 20): D(500) for m in range(6, 13)},
        "gone": {date(2016, 3, 1): D(12000)},  # left: shapes the season, gets no quota
    }


def roster() -> dict[str, Rep]:
    return {"vet": Rep("east", date(2010, 1, 1)), "mid": Rep("east", date(2016, 6, 1)),
            "new": Rep("east", date(2017, 3, 6)), "solo": Rep(None)}


def test_a_plan_from_the_run_rate_grows_ramps_and_follows_the_season() -> None:
    plan = propose_plan(history_2016(), roster(), 2017)
    year = fiscal_year(2017)
    annual = {m: D(target_for(plan.monthly(member(m), Metric.REVENUE), year))
              for m in ("vet", "mid", "new", "solo")}
    assert plan.status is PlanStatus.DRAFT and plan.note.startswith("Proposed from the FY2016")
    assert annual["vet"] == D("85800.00")  # 78,000 + 10 %, a round hundred
    vet = list(plan.monthly(member("vet"), "revenue").values())
    assert vet[11] > vet[0]                # the season of the history
    mid = list(plan.monthly(member("mid"), "revenue").values())
    # mid closed 3,500 over 3 months' worth of capacity (3 x 25 %, 3 x 50 %, 1 x 75 %):
    # a 14,000 full year, 15,400 grown; 75 % in January, full from April
    assert sum(mid) < D("15400.00")
    new = list(plan.monthly(member("new"), "revenue").values())
    assert new[:2] == [D("0.00"), D("0.00")] and new[2] > 0  # hired in March, ramping
    team_months = plan.monthly(team("east"), "revenue")
    gap = {g.period: g.gap for g in plan_gaps(plan, "east", ["vet", "mid", "new"])}
    assert all(gap[f"2017-{m:02d}"] > 0 for m in range(1, 12))  # someone ramps till November
    assert gap["2017-12"] == 0  # everyone ramped by December
    assert target_for(team_months, year) == annual["vet"] + D("15400.00") + _peer(annual)
    # no team, no history: planned at the median of everyone (50,600), ramping in from
    # January as a new hire would: 25 % in Q1 ... 100 % in Q4
    solo = list(plan.monthly(member("solo"), "revenue").values())
    assert D(0) < annual["solo"] < D("50600.00")
    assert solo[0] * 4 <= solo[11] + D("0.04")
    assert plan.owners(OwnerKind.TEAM) == [team("east")]


def _peer(annual: dict[str, D]) -> D:
    """new has no history: planned at the median of east's full-capacity rates."""
    assert annual["new"] < D("50600.00")  # ramping from March
    return D("50600.00")  # (78,000 + 14,000) / 2 + 10 %


def test_the_same_year_plan_is_its_own_run_rate() -> None:
    history = {"vet": {date(2017, m, 1): D(1000) for m in range(1, 13)}}
    plan = propose_plan(history, {"vet": Rep("east")}, 2017, base_year=2017,
                        settings=ProposalSettings(growth=D(0), round_to=D("0.01"),
                                                  ramp=NO_RAMP))
    assert list(plan.monthly(member("vet"), "revenue").values()) == [D("1000.00")] * 12
    assert plan.note == "Proposed from the FY2017 run rate, growth 0 %"


def test_a_proposal_refuses_shrinking_below_nothing() -> None:
    with pytest.raises(ValidationError):
        propose_plan({}, {}, 2017, settings=ProposalSettings(growth=D(-1)))
    empty = propose_plan({}, {"a": Rep("t")}, 2017)
    assert target_for(empty.monthly(member("a"), "revenue"), fiscal_year(2017)) == 0
    assert STANDARD_RAMP.months == 9
