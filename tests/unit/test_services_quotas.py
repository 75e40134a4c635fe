"""services.quotas and services.attainment on the fake workspace: plan versions (create,
propose, drafts, publish), edits and their undo, top-down and bottom-up with the gap,
the plan's shape, and attainment of a small company whose figures are worked out by hand.

The company: team North (Ann and Bob, weights 2:1) and team South (Dee, and Cy hired on
2018-04-10 who ramps 25/50/75 % by quarter), plus Mo, a manager who closed a deal. With
the 2018 targets split top-down evenly over the months, Ann carries 8,000.00 a month,
Bob 4,000.00, Dee 1,000.00 and Cy 0 / 250 / 500 / 750 by quarter.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from salesdesk.domain.deals import Deal
from salesdesk.domain.errors import ConflictError, NotFoundError, ValidationError
from salesdesk.domain.members import Member, Role, Team
from salesdesk.domain.periods import Period, parse_period
from salesdesk.domain.pipeline import ForecastCategory, Outcome, Pipeline, Stage
from salesdesk.domain.quotas import Metric, PlanLockedError, PlanStatus, member, team
from salesdesk.domain.territories import Territory, TerritoryAssignment
from salesdesk.services import attainment as att
from salesdesk.services import quota_inputs as qi
from salesdesk.services import quotas as q
from salesdesk.services.workspace_settings import set_calendar

from .fakes import FakeWorkspace

D = Decimal
MONTHS_2018 = [date(2018, m, 1) for m in range(1, 13)]
RAMP = [D("0.25"), D("0.50"), D("0.75")]


@dataclass
class Company:
    ws: FakeWorkspace
    north: str
    south: str
    ann: str
    bob: str
    cy: str
    dee: str
    mo: str
    stages: dict[str, str]

    def deal(self, owner: str, stage: str, amount: str, *, won_on: date | None = None,
             won_amount: str | None = None, expected_close: date | None = None,
             probability: int | None = None) -> None:
        self.ws.seed(Deal(pipeline_id="p", stage_id=self.stages[stage], owner_id=owner,
                          amount=D(amount), won_on=won_on,
                          won_amount=None if won_amount is None else D(won_amount),
                          lost_on=date(2018, 1, 15) if stage == "Lost" else None,
                          expected_close=expected_close, probability=probability,
                          created_on=date(2017, 12, 1),
                          stage_entered_at=datetime(2017, 12, 1, tzinfo=UTC)))


@pytest.fixture
def co(ws: FakeWorkspace) -> Company:
    north, south = Team(name="North"), Team(name="South")
    ann = Member(name="Ann Lee", team_id=north.id, hire_date=date(2015, 3, 1))
    bob = Member(name="Bob Ray", team_id=north.id, hire_date=date(2016, 9, 1))
    cy = Member(name="Cy Park", team_id=south.id, hire_date=date(2018, 4, 10))
    dee = Member(name="Dee Ross", team_id=south.id)
    mo = Member(name="Mo Grant", role=Role.MANAGER, team_id=north.id)
    pipeline = Pipeline(id="p", name="Sales")
    stages = [Stage(pipeline_id="p", name="Proposal", position=1, probability=40),
              Stage(pipeline_id="p", name="Won", position=2, probability=100,
                    category=ForecastCategory.CLOSED, outcome=Outcome.WON),
              Stage(pipeline_id="p", name="Lost", position=3, probability=0,
                    category=ForecastCategory.OMITTED, outcome=Outcome.LOST)]
    nordics = Territory(name="Nordics")
    ws.seed(north, south, ann, bob, cy, dee, mo, pipeline, *stages, nordics,
            TerritoryAssignment(territory_id=nordics.id, member_id=ann.id,
                                start=date(2017, 1, 1)),
            TerritoryAssignment(territory_id=nordics.id, member_id=dee.id,
                                start=date(2018, 5, 1)))
    c = Company(ws, north.id, south.id, ann.id, bob.id, cy.id, dee.id, mo.id,
                {s.name: s.id for s in stages})
    c.deal(ann.id, "Won", "9000", won_on=date(2018, 1, 10))
    c.deal(ann.id, "Won", "5000", won_on=date(2018, 2, 20), won_amount="4500")
    c.deal(bob.id, "Won", "12000", won_on=date(2018, 3, 31))
    c.deal(dee.id, "Won", "700", won_on=date(2018, 4, 2))
    c.deal(cy.id, "Won", "1000", won_on=date(2018, 5, 5))
    c.deal(mo.id, "Won", "2000", won_on=date(2018, 2, 1))
    c.deal(ann.id, "Won", "999", won_on=date(2017, 12, 31))  # another year
    c.deal(ann.id, "Lost", "3000")
    c.deal(ann.id, "Proposal", "10000", expected_close=date(2018, 3, 20))  # 40 %: 4,000
    c.deal(bob.id, "Proposal", "5000", probability=80)  # undated: counts, 4,000
    c.deal(bob.id, "Proposal", "9000", expected_close=date(2018, 7, 1))  # after Q1
    return c


def planned(co: Company) -> str:
    """An empty 2018 plan, shaped even with the 25/50/75 % ramp and split top-down."""
    plan_id = q.create_plan(co.ws, 2018, propose=False).plan_id
    q.set_shape(co.ws, plan_id, seasonality=[D(1)] * 12, ramp=RAMP)
    q.top_down_team(co.ws, plan_id, co.north, D("144000"), {co.ann: D(2), co.bob: D(1)})
    q.top_down_team(co.ws, plan_id, co.south, D("24000"))
    return plan_id


def months(plan_id: str, co: Company, owner_id: str, kind: str = "member") -> list[Decimal]:
    plan = q.load(co.ws, plan_id)
    owner = member(owner_id) if kind == "member" else team(owner_id)
    return [D(v) for v in plan.monthly(owner, Metric.REVENUE).values()]


# --- versions --------------------------------------------------------------------------
def test_create_plan_empty_then_refused_twice(co: Company) -> None:
    made = q.create_plan(co.ws, 2018, propose=False, note="blank")
    assert (made.year, made.plan_version, made.version) == (2018, 1, 1)
    assert made.changes.quotas and made.changes.ids == (made.plan_id,)
    plan = q.load(co.ws, made.plan_id)
    assert (plan.status, plan.note, plan.targets) == (PlanStatus.DRAFT, "blank", {})
    before = co.ws.snapshot()
    with pytest.raises(ValidationError, match="the 2018 plan exists already"):
        q.create_plan(co.ws, 2018)
    assert co.ws.snapshot() == before


def test_proposed_plan_follows_the_run_rate_growth_and_ramp(co: Company) -> None:
    made = q.create_plan(co.ws, 2019, base_year=2018, growth=D("0.10"))
    plan = q.load(co.ws, made.plan_id)
    assert plan.note == "Proposed from the FY2018 run rate, growth 10 %"
    assert plan.settings["base_year"] == 2018 and plan.settings["growth"] == "0.10"
    assert len(plan.settings["seasonality"]) == 12  # type: ignore[arg-type]
    reps = {o.id for o in plan.owners() if o.kind == "member"}
    assert reps == {co.ann, co.bob, co.cy, co.dee}  # reps only: Mo manages
    # Ann won 13,500.00 in 2018 at full capacity: x 1.1 = 14,850 -> 14,900 (to 100)
    assert sum(months(made.plan_id, co, co.ann)) == D("14900.00")
    # Bob 12,000.00 -> 13,200.00; Dee 700.00 -> 770 -> 800.00
    assert sum(months(made.plan_id, co, co.bob)) == D("13200.00")
    assert sum(months(made.plan_id, co, co.dee)) == D("800.00")
    # Cy ramped through 2018 (hired in April at 25 % for a quarter, ...): his 1,000.00
    # over a capacity of 3 x .25 + 3 x .5 + 3 x .75 = 4.5 months is 2,666.67 a year at
    # full capacity; x 1.1 = 2,933.33 -> 2,900.00, and he is fully ramped in 2019
    assert sum(months(made.plan_id, co, co.cy)) == D("2900.00")
    assert sum(months(made.plan_id, co, co.south, "team")) == D("3700.00")
    # each team's months add up to its members' (nobody ramps in 2019: no gap)
    north = months(made.plan_id, co, co.north, "team")
    assert [a + b for a, b in zip(months(made.plan_id, co, co.ann),
                                  months(made.plan_id, co, co.bob), strict=True)] == north
    assert all(g.gap == 0 for g in q.team_gaps(co.ws, made.plan_id, co.south))


def test_drafts_publish_and_published_refuses_edits(co: Company) -> None:
    plan_id = planned(co)
    q.publish(co.ws, plan_id)
    with pytest.raises(ValidationError, match="published already"):
        q.publish(co.ws, plan_id)
    before = co.ws.snapshot()
    cell = ("member", co.ann, "revenue", date(2018, 5, 1), D("1.00"))
    with pytest.raises(PlanLockedError, match="version 1 of the 2018 plan is published"):
        q.set_targets(co.ws, plan_id, [cell])
    with pytest.raises(PlanLockedError):
        q.set_targets(co.ws, plan_id, [(*cell[:4], None)])
    with pytest.raises(PlanLockedError):
        q.top_down_team(co.ws, plan_id, co.north, D("1000"))
    with pytest.raises(PlanLockedError):
        q.set_shape(co.ws, plan_id, seasonality=[D(1)] * 12)
    with pytest.raises(ValidationError, match="published and is kept"):
        q.remove_version(co.ws, plan_id)
    assert co.ws.snapshot() == before

    draft = q.new_draft(co.ws, plan_id)
    assert (draft.plan_version, draft.year) == (2, 2018)
    copy = q.load(co.ws, draft.plan_id)
    assert copy.status is PlanStatus.DRAFT and copy.note == "Copy of version 1"
    assert copy.targets == q.load(co.ws, plan_id).targets
    q.set_targets(co.ws, draft.plan_id, [cell])
    [change] = q.diff(co.ws, plan_id, draft.plan_id)
    assert (change.key[0], change.key[2], change.old, change.new) == (
        member(co.ann), date(2018, 5, 1), D("8000.00"), D("1.00"))
    assert [v.plan_version for v in q.versions(co.ws, 2018)] == [2, 1]
    # the plan in force is the latest published version, not the newer draft
    assert q.current_plan(co.ws, 2018).id == plan_id  # type: ignore[union-attr]


def test_set_targets_returns_what_it_overwrote_and_undo_puts_it_back(co: Company) -> None:
    plan_id = planned(co)
    before = q.load(co.ws, plan_id).targets
    may, june = date(2018, 5, 1), date(2018, 6, 17)  # any day names its month
    done = q.set_targets(co.ws, plan_id, [("member", co.ann, "revenue", may, D("9000.5")),
                                          ("member", co.bob, "revenue", june, None),
                                          ("member", co.ann, "deal_count", may, 3)],
                         expected=4)
    assert done.version == 5 and done.changes.summary == "3 quota cells changed"
    assert done.previous == (("member", co.ann, "revenue", may, D("8000.00")),
                             ("member", co.bob, "revenue", date(2018, 6, 1), D("4000.00")),
                             ("member", co.ann, "deal_count", may, None))
    plan = q.load(co.ws, plan_id)
    assert plan.monthly(member(co.ann), "revenue")[may] == D("9000.50")
    assert plan.monthly(member(co.bob), "revenue")[date(2018, 6, 1)] == D("0.00")
    assert plan.monthly(member(co.ann), "deal_count")[may] == 3
    undone = q.set_targets(co.ws, plan_id, done.previous, expected=done.version)
    assert q.load(co.ws, plan_id).targets == before and undone.version == 6
    with pytest.raises(ConflictError):  # someone else's copy, at version 5
        q.set_targets(co.ws, plan_id, done.previous, expected=5)


def test_bad_targets_are_refused_and_nothing_changes(co: Company) -> None:
    plan_id = planned(co)
    before = co.ws.snapshot()
    for cell, message in (
            (("member", co.ann, "revenue", date(2018, 5, 1), D("-1")), "zero or more"),
            (("member", co.ann, "revenue", date(2018, 5, 1), D("1.005")), "two decimal"),
            (("member", co.ann, "revenue", date(2019, 1, 1), D("1")), "outside fiscal year"),
            (("member", co.ann, "deal_count", date(2018, 5, 1), D("1.5")), "whole number"),
            (("member", co.ann, "calls", date(2018, 5, 1), 1), "'calls' is unknown")):
        with pytest.raises(ValidationError, match=message):
            q.set_targets(co.ws, plan_id, [("member", co.ann, "revenue", date(2018, 1, 1),
                                            D("5")), cell])
    assert co.ws.snapshot() == before
    with pytest.raises(NotFoundError):
        q.set_targets(co.ws, "no-such-plan", [])


def test_top_down_splits_by_weight_and_ramp_and_shows_the_gap(co: Company) -> None:
    plan_id = planned(co)
    assert months(plan_id, co, co.ann) == [D("8000.00")] * 12
    assert months(plan_id, co, co.bob) == [D("4000.00")] * 12
    assert months(plan_id, co, co.north, "team") == [D("12000.00")] * 12
    assert months(plan_id, co, co.dee) == [D("1000.00")] * 12
    assert months(plan_id, co, co.cy) == [D("0.00")] * 3 + [D("250.00")] * 3 + \
        [D("500.00")] * 3 + [D("750.00")] * 3
    gaps = {g.period: g for g in q.team_gaps(co.ws, plan_id, co.south)}
    assert len(gaps) == 12 + 4 + 1
    assert (gaps["2018-01"].top_down, gaps["2018-01"].bottom_up, gaps["2018-01"].gap) == (
        D("2000.00"), D("1000.00"), D("1000.00"))
    assert [gaps[f"2018-Q{n}"].gap for n in range(1, 5)] == [
        D("3000.00"), D("2250.00"), D("1500.00"), D("750.00")]
    assert (gaps["2018"].top_down, gaps["2018"].bottom_up, gaps["2018"].gap) == (
        D("24000.00"), D("16500.00"), D("7500.00"))
    assert all(g.gap == 0 for g in q.team_gaps(co.ws, plan_id, co.north))


def test_top_down_refuses_weights_outside_the_team(co: Company) -> None:
    plan_id = planned(co)
    before = co.ws.snapshot()
    with pytest.raises(ValidationError, match="outside the team"):
        q.top_down_team(co.ws, plan_id, co.north, D("1000"), {co.dee: D(1)})
    with pytest.raises(ValidationError, match="no active reps"):
        q.top_down_team(co.ws, plan_id, "no-team", D("1000"))
    assert co.ws.snapshot() == before


def test_top_down_undo_and_bottom_up_closes_the_gap(co: Company) -> None:
    plan_id = planned(co)
    before = q.load(co.ws, plan_id).targets
    again = q.top_down_team(co.ws, plan_id, co.north, D("36000"), {co.ann: D(1), co.bob: D(2)})
    assert months(plan_id, co, co.ann) == [D("1000.00")] * 12
    assert months(plan_id, co, co.bob) == [D("2000.00")] * 12
    assert len(again.previous) == 36  # 12 months of Ann, Bob and the team
    q.set_targets(co.ws, plan_id, again.previous)
    assert q.load(co.ws, plan_id).targets == before

    rolled = q.bottom_up_team(co.ws, plan_id, co.south)
    assert months(plan_id, co, co.south, "team") == [D("1000.00")] * 3 + \
        [D("1250.00")] * 3 + [D("1500.00")] * 3 + [D("1750.00")] * 3
    assert len(rolled.previous) == 12
    assert all(g.gap == 0 for g in q.team_gaps(co.ws, plan_id, co.south))


def test_set_shape_drives_the_next_split(co: Company) -> None:
    plan_id = q.create_plan(co.ws, 2018, propose=False).plan_id
    shape = [D(0)] * 11 + [D(1)]  # everything in December
    q.set_shape(co.ws, plan_id, seasonality=shape, ramp=[])  # [] -> members' own ramps
    plan = q.load(co.ws, plan_id)
    assert plan.settings["seasonality"] == ["0"] * 11 + ["1"]
    assert "ramp" not in plan.settings
    q.top_down_team(co.ws, plan_id, co.south, D("600"))
    assert months(plan_id, co, co.dee) == [D("0.00")] * 11 + [D("300.00")]
    # Cy has no ramp months of his own: hired in April, full from then on
    assert months(plan_id, co, co.cy) == [D("0.00")] * 11 + [D("300.00")]
    with pytest.raises(ValidationError, match="12 monthly weights"):
        q.set_shape(co.ws, plan_id, seasonality=[D(1)] * 11)
    with pytest.raises(ValidationError, match="0 % to 100 %"):
        q.set_shape(co.ws, plan_id, ramp=[D("1.5")])


def test_remove_version_undoes_a_new_draft(co: Company) -> None:
    plan_id = planned(co)
    q.publish(co.ws, plan_id)
    before = co.ws.snapshot()
    draft = q.new_draft(co.ws, plan_id, note="what if")
    assert q.load(co.ws, draft.plan_id).note == "what if"
    with pytest.raises(ConflictError):
        q.remove_version(co.ws, draft.plan_id, expected=draft.version + 1)
    removed = q.remove_version(co.ws, draft.plan_id, expected=draft.version)
    assert removed.changes.summary == "Quota plan 2018, version 2 removed"
    assert co.ws.snapshot()[0]["quota_plans"] == before[0]["quota_plans"]
    with pytest.raises(NotFoundError, match="has no version 2"), co.ws.uow() as uow:
        q.find_version(uow, 2018, 2)


def test_fiscal_year_starting_in_july(co: Company) -> None:
    set_calendar(co.ws, 7, range(5), [])
    plan = q.load(co.ws, q.create_plan(co.ws, 2019, propose=False).plan_id)
    assert plan.fiscal_start == 7
    assert plan.month_starts[0] == date(2018, 7, 1) and plan.month_starts[-1] == date(
        2019, 6, 1)
    assert q.month_names(plan)[:2] == ["2018-07", "2018-08"]


# --- attainment ------------------------------------------------------------------------
def by_name(lines: tuple[att.AttainmentLine, ...]) -> dict[str, att.AttainmentLine]:
    return {line.name: line for line in lines}


def test_attainment_of_a_quarter_after_it_ended(co: Company) -> None:
    q.publish(co.ws, planned(co))
    view = att.attainment(co.ws, "2018-Q1", as_of=date(2018, 6, 30))
    assert (view.period.name, view.currency, view.has_plan) == ("2018-Q1", "EUR", True)
    assert [(p.year, p.plan_version, p.status) for p in view.plans] == [
        (2018, 1, PlanStatus.PUBLISHED)]
    members = by_name(view.members)
    figures = {n: (m.team, m.quota, m.won, m.attainment) for n, m in members.items()}
    assert figures == {
        "Ann Lee": ("North", D("24000.00"), D("13500.00"), D("0.5625")),
        "Bob Ray": ("North", D("12000.00"), D("12000.00"), D("1.0000")),
        "Cy Park": ("South", D("0.00"), D("0.00"), None),  # ramping from April
        "Dee Ross": ("South", D("3000.00"), D("0.00"), D("0.0000")),
        "Mo Grant": (None, D("0.00"), D("2000.00"), None),  # a manager: no quota
    }
    assert [m.name for m in view.members] == ["Ann Lee", "Bob Ray", "Cy Park", "Dee Ross",
                                              "Mo Grant"]
    ann = members["Ann Lee"].figures
    assert (ann.gap, ann.expected, ann.pace) == (D("10500.00"), D("24000.00"), D("0.5625"))
    # open weighted pipeline closing by the quarter's end: 40 % of 10,000; Bob's undated
    # deal at its own 80 % of 5,000 (his July deal is outside)
    assert (ann.pipeline, ann.coverage) == (D("4000.00"), D("0.3810"))
    bob = members["Bob Ray"].figures
    assert (bob.pipeline, bob.remaining, bob.coverage) == (D("4000.00"), D("0.00"), None)
    teams = {t.name: (t.quota, t.won, t.attainment) for t in view.teams}
    assert teams == {"North": (D("36000.00"), D("25500.00"), D("0.7083")),
                     "South": (D("3000.00"), D("0.00"), D("0.0000"))}
    territories = {t.name: (t.quota, t.won) for t in view.territories}
    assert territories == {"Nordics": (D("24000.00"), D("13500.00"))}  # Dee joins in May
    total = view.total.figures
    assert (total.quota, total.won, total.attainment) == (D("39000.00"), D("27500.00"),
                                                          D("0.7051"))


def test_pace_and_won_as_of_a_day_inside_the_period(co: Company) -> None:
    q.publish(co.ws, planned(co))
    view = att.attainment(co.ws, "2018-Q1", as_of=date(2018, 2, 20))
    members = by_name(view.members)
    ann, bob = members["Ann Lee"].figures, members["Bob Ray"].figures
    # February 2018 has 20 business days, 14 of them by the 20th: Ann should be at
    # 8,000 + 14 x 400 = 13,600.00 and is at 13,500.00 (Bob's March deal is not won yet)
    assert (ann.quota, ann.expected, ann.won, ann.ahead, ann.pace) == (
        D("24000.00"), D("13600.00"), D("13500.00"), D("-100.00"), D("0.9926"))
    assert (bob.expected, bob.won, bob.pace) == (D("6800.00"), D("0.00"), D("0.0000"))
    before = att.attainment(co.ws, "2018-Q1", as_of=date(2017, 12, 31))
    assert by_name(before.members)["Ann Lee"].figures.expected == D("0.00")
    assert by_name(before.members)["Ann Lee"].figures.pace is None


def test_attainment_of_the_year_a_month_and_a_week(co: Company) -> None:
    q.publish(co.ws, planned(co))
    year = by_name(att.attainment(co.ws, "2018", as_of=date(2019, 1, 1)).members)
    assert (year["Cy Park"].quota, year["Cy Park"].won, year["Cy Park"].attainment) == (
        D("4500.00"), D("1000.00"), D("0.2222"))
    territories = att.attainment(co.ws, "2018", as_of=date(2019, 1, 1)).territories
    assert [(t.name, t.quota, t.won) for t in territories] == [
        ("Nordics", D("108000.00"), D("14200.00"))]  # Ann's year and Dee's
    may = by_name(att.attainment(co.ws, "2018-05", as_of=date(2019, 1, 1)).members)
    assert (may["Cy Park"].quota, may["Cy Park"].won) == (D("250.00"), D("1000.00"))
    assert may["Cy Park"].attainment == D("4.0000")
    # ISO week 8 of 2018 (19-25 February): 5 of February's 20 business days
    week = by_name(att.attainment(co.ws, "2018-W08", as_of=date(2019, 1, 1)).members)
    assert (week["Ann Lee"].quota, week["Ann Lee"].won) == (D("2000.00"), D("4500.00"))


def test_attainment_without_a_plan_counts_won_against_nothing(co: Company) -> None:
    view = att.attainment(co.ws, "2018-Q1", as_of=date(2018, 6, 30))
    assert not view.has_plan and view.plans == ()
    assert view.total.figures.quota == D("0.00") and view.total.won == D("27500.00")
    assert all(m.attainment is None for m in view.members)
    draft = q.create_plan(co.ws, 2018, propose=False).plan_id
    q.set_targets(co.ws, draft, [("member", co.ann, "revenue", date(2018, 1, 1), D("100"))])
    view = att.attainment(co.ws, "2018-01", as_of=date(2018, 6, 30))
    assert [(p.plan_version, p.status) for p in view.plans] == [(1, PlanStatus.DRAFT)]
    assert by_name(view.members)["Ann Lee"].attainment == D("90.0000")  # 9,000 / 100
    with pytest.raises(ValidationError, match="is not a period"):
        att.attainment(co.ws, "last quarter")


# --- quota inputs (shared by attainment and the forecast's QuotaBook) -------------------
def test_plans_in_force_pick_each_years_published_version_else_its_draft(co: Company) -> None:
    v1 = planned(co)
    q.publish(co.ws, v1)
    q.new_draft(co.ws, v1)                                      # version 2, a draft
    draft_2019 = q.create_plan(co.ws, 2019, propose=False).plan_id
    with co.ws.uow() as uow:
        every = qi.plans_in_force(uow)
        some = qi.plans_in_force(uow, [2019, 2017, 2018])
    assert {y: p.id for y, p in every.items()} == {2018: v1, 2019: draft_2019}
    assert list(some) == [2018, 2019]                           # year order; 2017 has none
    targets = qi.rep_targets(every[2018], {co.ann, co.cy, co.mo})
    assert set(targets) == {co.ann, co.cy}                      # Bob not asked, Mo no rep
    assert list(targets[co.ann].values()) == [D("8000.00")] * 12
    assert qi.fiscal_years(parse_period("2018-W01"), 1) == [2018]
    assert qi.fiscal_years(parse_period("2019-W01"), 1) == [2018, 2019]  # 31 Dec 2018..
    assert qi.fiscal_years(parse_period("2018-07"), 7) == [2019]


def test_merged_targets_take_each_month_from_its_own_years_plan() -> None:
    dec, jan = date(2018, 12, 1), date(2019, 1, 1)
    merged = qi.merged_targets([{"ann": {dec: D(1)}, "bob": {dec: D(2)}},
                                {"ann": {jan: D(3)}}])
    assert merged == {"ann": {dec: D(1), jan: D(3)}, "bob": {dec: D(2)}}


def roster() -> qi.TerritoryRoster:
    """world > europe > nordics, world > americas; 'gone' was deleted (not live)."""
    names = {"world": "World", "europe": "Europe", "nordics": "Nordics",
             "americas": "Americas"}
    parent = {"world": None, "europe": "world", "nordics": "europe", "americas": "world"}
    return qi.TerritoryRoster(names, parent, (
        ("nordics", "ann", date(2018, 1, 1), None),
        ("europe", "ann", date(2018, 1, 1), None),              # twice under Europe
        ("americas", "bob", date(2017, 1, 1), date(2018, 3, 31)),
        ("nordics", "cy", date(2018, 5, 1), None),
        ("gone", "dee", date(2017, 1, 1), None)))


def test_a_territory_counts_the_reps_under_it_once() -> None:
    r = roster()
    assert r.reps_by_territory(parse_period("2018-Q1")) == {
        "nordics": ["ann"], "europe": ["ann"], "world": ["ann", "bob"], "americas": ["bob"]}
    # Bob's last day is 31 March; Cy starts in May: both count in a period they touch
    assert r.reps_by_territory(parse_period("2018-03-31"))["world"] == ["ann", "bob"]
    q2 = r.reps_by_territory(parse_period("2018-Q2"))
    assert q2 == {"nordics": ["ann", "cy"], "europe": ["ann", "cy"], "world": ["ann", "cy"]}
    assert r.reps_by_territory(parse_period("2016")) == {}


def test_attainment_territories_come_from_the_same_roster(co: Company) -> None:
    q.publish(co.ws, planned(co))
    view = att.attainment(co.ws, "2018-Q2", as_of=date(2018, 6, 30))
    with co.ws.uow() as uow:
        by_territory = qi.read_roster(uow).reps_by_territory(view.period)
    members = {line.id: line.quota for line in view.members}
    assert {line.id: line.quota for line in view.territories} == {
        t: sum((members[m] for m in reps), D("0.00")) for t, reps in by_territory.items()}
    # Nordics: Ann 3 x 8,000 and Dee 3 x 1,000 (assigned in May: she counts for the quarter)
    assert [line.quota for line in view.territories] == [D("27000.00")]


TERRITORIES = ["t0", "t1", "t2", "t3", "t4", "t5"]


@st.composite
def rosters(draw: st.DrawFn) -> qi.TerritoryRoster:
    """A random forest (each territory's parent comes before it) and assignments."""
    parent = {t: draw(st.sampled_from([None, *TERRITORIES[:i]]))
              for i, t in enumerate(TERRITORIES)}
    day = st.dates(date(2018, 1, 1), date(2018, 12, 31))
    assignments = draw(st.lists(st.tuples(st.sampled_from(TERRITORIES),
                                          st.sampled_from(["ann", "bob", "cy"]),
                                          day, st.none() | day), max_size=8))
    return qi.TerritoryRoster({t: t for t in TERRITORIES}, parent, tuple(
        (t, m, first, last) for t, m, first, last in assignments
        if last is None or last >= first))


def under(r: qi.TerritoryRoster, root: str) -> set[str]:
    """`root` and every territory below it, by following each one's parents up."""
    found = set()
    for t in TERRITORIES:
        at: str | None = t
        while at is not None and at != root:
            at = r.parent[at]
        if at == root:
            found.add(t)
    return found


@given(rosters(), st.sampled_from(["2018-Q1", "2018-06", "2018-W27", "2018-12-31"]))
def test_a_territory_counts_whoever_touches_it_or_a_child_in_the_period(
        r: qi.TerritoryRoster, name: str) -> None:
    period: Period = parse_period(name)
    found = r.reps_by_territory(period)
    for root in TERRITORIES:
        expected = {m for t, m, first, last in r.assignments if t in under(r, root)
                    and first < period.end and (last is None or last >= period.start)}
        assert set(found.get(root, [])) == expected
        assert len(found.get(root, [])) == len(expected)       # each rep once
