"""services.forecast on a fake ForecastSource: figures worked out by hand, the deals behind
them, scopes by name, snapshots frozen once, a manager's call, accuracy after the period,
the backtest's rows and summary, the chart series, and the quotas of the plan in force
(read from a fake unit of work) with their coverage. Storage is tested on both backends
in tests/integration/test_forecast_*.py."""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import UTC, date, datetime, time
from decimal import Decimal
from typing import Any

import pytest

from salesdesk.domain.errors import NotFoundError, ValidationError
from salesdesk.domain.forecast import ClosedDeal, ClosedHistory, DealState, StageVisit
from salesdesk.domain.members import Member, Role, Team
from salesdesk.domain.pipeline import ForecastCategory as C
from salesdesk.domain.pipeline import Outcome
from salesdesk.domain.quotas import Metric, QuotaPlan, member, team
from salesdesk.domain.territories import Territory, TerritoryAssignment
from salesdesk.services import forecast as fs
from salesdesk.services.attainment import attainment
from salesdesk.services.forecast import ScopeSpec
from salesdesk.services.forecast_inputs import resolve_scope

from .fakes import FakeWorkspace

D = Decimal


def at(day: date) -> datetime:
    return datetime.combine(day, time(), tzinfo=UTC)


@dataclass
class FakeSource:
    """Deals as versions: each DealState holds from its moment on (the latest version at
    or before a moment is how the deal stood then; None: the latest of all)."""

    versions: dict[str, list[tuple[datetime, DealState]]] = field(default_factory=dict)
    closed: list[ClosedDeal] = field(default_factory=list)
    choices: list[tuple[str, str, str, str | None]] = field(default_factory=list)
    fiscal: int = 1
    rows: list[dict[str, Any]] = field(default_factory=list)
    reads: list[datetime | None] = field(default_factory=list)

    def add(self, when: date, state: DealState) -> None:
        self.versions.setdefault(state.id, []).append((at(when), state))

    def fiscal_start(self) -> int:
        return self.fiscal

    def deal_states(self, as_of: datetime | None) -> list[DealState]:
        self.reads.append(as_of)
        out = []
        for versions in self.versions.values():
            seen = [s for moment, s in versions if as_of is None or moment <= as_of]
            if seen:
                out.append(seen[-1])
        return out

    def closed_history(self, before: datetime | None = None) -> ClosedHistory:
        cut = before.date() if before else date.max
        return ClosedHistory.of(d for d in self.closed if d.closed_on < cut)

    def deal_labels(self, ids: Collection[str]) -> dict[str, tuple[str, str]]:
        return {i: (f"Deal {i}", "Ann") for i in ids}

    def scope_choices(self) -> list[tuple[str, str, str, str | None]]:
        return list(self.choices)

    def history_span(self) -> tuple[date, date] | None:
        days = [m.date() for vs in self.versions.values() for m, _ in vs]
        return (min(days), max(days)) if days else None

    def close_span(self) -> tuple[date, date] | None:
        days = [d.closed_on for d in self.closed]
        return (min(days), max(days)) if days else None

    def snapshots(self, *, period: str | None = None, kind: str | None = None,
                  with_deals: bool = True) -> list[dict[str, Any]]:
        return [dict(r) for r in self.rows if (period is None or r["period"] == period)
                and (kind is None or r["kind"] == kind)]

    def add_snapshots(self, rows: Sequence[Mapping[str, Any]]) -> list[str]:
        ids = []
        for row in rows:
            key = (row["period"], row["scope_kind"], row["scope_id"])
            if row["kind"] == "auto" and any(
                    (r["period"], r["scope_kind"], r["scope_id"]) == key
                    and r["kind"] == "auto" for r in self.rows):
                continue
            new = dict(row) | {"id": f"s{len(self.rows)}", "created_at": at(date(2026, 1, 1)),
                               "updated_by": "tester"}
            self.rows.append(new)
            ids.append(new["id"])
        return ids


def open_deal(deal_id: str, amount: str, probability: int, *, default: int | None = None,
              category: C = C.PIPELINE, expected: date | None = None, owner: str = "ann",
              team: str = "north", territory: str | None = "east",
              created: date = date(2025, 12, 1)) -> DealState:
    return DealState(id=deal_id, owner_id=owner, team_id=team, territory_id=territory,
                     stage_id="engaging", amount=D(amount), probability=probability,
                     stage_probability=probability if default is None else default,
                     category=category, expected_close=expected, created_on=created)


def won(state: DealState, day: date, amount: str) -> DealState:
    return replace(state, stage_id="won", outcome=Outcome.WON, probability=100,
                   stage_probability=100, category=C.CLOSED, closed_on=day,
                   won_amount=D(amount), amount=D(amount))


def lost(state: DealState, day: date, reason: str | None = "Price") -> DealState:
    return replace(state, stage_id="lost", outcome=Outcome.LOST, probability=0,
                   stage_probability=0, category=C.OMITTED, closed_on=day,
                   lost_reason=reason)


CHOICES = [("member", "ann", "Ann Lee", None), ("member", "bob", "Bob Roy", None),
           ("team", "north", "North", None), ("team", "south", "South", None),
           ("territory", "world", "World", None), ("territory", "east", "East", "world"),
           ("territory", "west", "West", "world")]


@pytest.fixture
def src() -> FakeSource:
    """2026-Q1 as of 2026-01-15:
    A  open 1000.00, 10 % (stage 10 %), pipeline, closes 02-15      weighted 100.00
    B  open 2000.50, 75 % (stage 40 %), commit, closes 03-01        weighted 1500.375
    C  open 4000.00, 40 %, best case, closes in May: outside Q1
    D  won 500.00 on 01-10 (Bob, south, west)
    E  lost on 01-05 (it was a 900.00 deal)
    """
    s = FakeSource(choices=list(CHOICES))
    s.add(date(2025, 12, 1), open_deal("A", "1000.00", 10, expected=date(2026, 2, 15)))
    s.add(date(2025, 12, 1), open_deal("B", "2000.50", 75, default=40, category=C.COMMIT,
                                       expected=date(2026, 3, 1)))
    s.add(date(2025, 12, 1), open_deal("C", "4000.00", 40, category=C.BEST_CASE,
                                       expected=date(2026, 5, 1)))
    d = open_deal("D", "450.00", 40, owner="bob", team="south", territory="west")
    s.add(date(2025, 12, 1), d)
    s.add(date(2026, 1, 10), won(d, date(2026, 1, 10), "500.00"))
    e = open_deal("E", "900.00", 40)
    s.add(date(2025, 12, 1), e)
    s.add(date(2026, 1, 5), lost(e, date(2026, 1, 5)))
    return s


# --- the figures ----------------------------------------------------------------------
def test_every_figure_by_hand(src: FakeSource) -> None:
    r = fs.forecast_for(src, "2026-Q1", date(2026, 1, 15))
    assert (r.start, r.end, r.as_of, r.scope_label) == (date(2026, 1, 1), date(2026, 4, 1),
                                                        date(2026, 1, 15), "Company")
    assert r.closed_won == D("500.00")                        # D
    assert r.weighted == D("2100.375")                        # 500 + 100 + 1500.375
    assert r.weighted_default == D("1400.20")                 # 500 + 100 + 2000.50 x 40 %
    assert r.commit == D("2500.50")                           # 500 + B
    assert r.best_case == D("2600.50")                        # 500 + A at 10 % + B whole
    assert r.pipeline == D("3000.50")                         # A + B, open only
    # no closed history: the stages' default probabilities and the deals' own dates
    assert r.historical == D("1400.20") and r.run_rate == D("0.00")
    # A lands with 10 %, B with 40 %: totals 500 (54 %), 1500 (6 %), 2500.50 (36 %), ...
    assert (r.p10, r.p50, r.p90) == (D("500.00"), D("500.00"), D("2500.50"))


def test_each_figure_is_the_sum_of_the_deals_behind_it(src: FakeSource) -> None:
    r = fs.forecast_for(src, "2026-Q1", date(2026, 1, 15))
    for key in fs.CONTRIBUTION_KEYS:
        assert sum((d.part(key) for d in r.deals), D(0)) == r.figure(key), key
    assert [d.deal_id for d in r.deals_behind("weighted")] == ["B", "D", "A"]
    assert [d.deal_id for d in r.deals_behind("commit")] == ["B", "D"]
    assert {d.deal_id for d in r.deals_behind("p50")} == {"A", "B"}
    assert "C" not in {d.deal_id for d in r.deals}          # nowhere in Q1
    b = next(d for d in r.deals if d.deal_id == "B")
    assert (b.label, b.owner, b.amount) == ("Deal B", "Ann", D("2000.50"))


def test_the_json_has_exactly_the_documented_keys(src: FakeSource) -> None:
    data = fs.forecast_for(src, "2026-Q1", date(2026, 1, 15)).as_json()
    assert list(data) == ["closed_won", "weighted", "commit", "best_case", "historical",
                          "run_rate", "p10", "p50", "p90", "deals"]
    assert data["weighted"] == "2100.375" and data["closed_won"] == "500.00"
    b = next(d for d in data["deals"] if d["deal_id"] == "B")
    assert b == {"deal_id": "B", "label": "Deal B", "owner": "Ann", "amount": "2000.50",
                 "closed_won": "0.00", "weighted": "1500.375", "commit": "2000.50",
                 "best_case": "2000.50", "historical": "800.20", "run_rate": "0.00"}


def test_as_of_replays_the_deals_as_they_stood(src: FakeSource) -> None:
    before = fs.forecast_for(src, "2026-Q1", date(2026, 1, 1))
    assert src.reads[-1] == at(date(2026, 1, 1))
    # D still open at 40 % and E open too (no dates: both count on the forecast day)
    assert before.closed_won == D("0.00")
    assert before.weighted == D("100.00") + D("1500.375") + D("180.00") + D("360.00")
    now = fs.forecast_for(src, "2026-Q1")
    assert src.reads[-1] is None and now.closed_won == D("500.00")


@pytest.mark.parametrize(("spec", "weighted"), [
    (ScopeSpec("member", "ann lee"), D("1600.375")),           # A + B
    (ScopeSpec("member", "bob"), D("500.00")),                 # by id
    (ScopeSpec.parse("team:South"), D("500.00")),
    (ScopeSpec.parse("territory:world"), D("2100.375")),       # East and West below it
    (ScopeSpec.parse("territory: West "), D("500.00")),
])
def test_scopes_by_name_or_id(src: FakeSource, spec: ScopeSpec, weighted: Decimal) -> None:
    assert fs.forecast_for(src, "2026-Q1", date(2026, 1, 15), spec).weighted == weighted


def test_scope_and_period_mistakes_are_clear(src: FakeSource) -> None:
    with pytest.raises(NotFoundError, match="no member is named 'Zed'"):
        fs.forecast_for(src, "2026-Q1", scope=ScopeSpec("member", "Zed"))
    src.choices.append(("team", "north2", "NORTH", None))
    with pytest.raises(ValidationError, match="2 teams are named 'North'"):
        fs.forecast_for(src, "2026-Q1", scope=ScopeSpec("team", "North"))
    assert fs.forecast_for(src, "2026-Q1", scope=ScopeSpec("team", "north2")).weighted == 0
    with pytest.raises(ValidationError, match="not a scope"):
        ScopeSpec.parse("region:EMEA")
    with pytest.raises(ValidationError, match="need one"):
        ScopeSpec.parse("team")
    with pytest.raises(ValidationError, match="not a period"):
        fs.forecast_for(src, "Q5-2026")
    with pytest.raises(ValidationError, match="YYYY-MM-DD"):
        fs.parse_day("15/01/2026")


def test_the_fiscal_start_setting_names_the_quarters(src: FakeSource) -> None:
    src.fiscal = 7  # FY2026 runs July 2025 - June 2026: its Q3 is January - March 2026
    r = fs.forecast_for(src, "2026-Q3", date(2026, 1, 15))
    assert (r.start, r.end, r.weighted) == (date(2026, 1, 1), date(2026, 4, 1),
                                            D("2100.375"))


# --- snapshots ------------------------------------------------------------------------
def test_the_current_periods_are_frozen_once_as_of_their_start(src: FakeSource) -> None:
    made = fs.freeze_due_snapshots(src, today=date(2026, 2, 11)).created
    # W07 (from 02-09), 2026-02, 2026-Q1, 2026 for the company and North and South
    assert sorted({(s.period, s.period_kind) for s in made}) == [
        ("2026", "year"), ("2026-02", "month"), ("2026-Q1", "quarter"), ("2026-W07", "week")]
    assert len(made) == 12
    q1 = next(s for s in made if s.period == "2026-Q1" and s.scope_kind == "company")
    assert q1.as_of == at(date(2026, 1, 1)) and q1.kind == "auto"
    expected = fs.forecast_for(src, "2026-Q1", date(2026, 1, 1))
    assert q1.figures == expected.figures()
    assert fs.freeze_due_snapshots(src, today=date(2026, 2, 12)).created == ()
    assert len(src.rows) == 12
    south = next(s for s in made if s.period == "2026-02" and s.scope_id == "south")
    assert south.figures["closed_won"] == D("0.00")  # D was won in January


def test_nothing_is_frozen_without_deals() -> None:
    assert fs.freeze_due_snapshots(FakeSource(), today=date(2026, 2, 11)).created == ()


def test_a_managers_call(src: FakeSource) -> None:
    call = fs.record_call(src, "2026-Q1", ScopeSpec("team", "North"), D("-100.50"),
                          "  B slips  to April ", now=at(date(2026, 1, 15)))
    assert (call.kind, call.scope_kind, call.scope_id) == ("call", "team", "north")
    assert call.figures["weighted"] == D("1600.375")
    assert call.figures["call"] == D("1499.875")
    assert (call.adjustment, call.comment) == (D("-100.50"), "B slips to April")
    with pytest.raises(ValidationError, match="more than two decimal places"):
        fs.record_call(src, "2026-Q1", adjustment=D("1.005"))
    with pytest.raises(ValidationError, match="not a forecast figure"):
        fs.record_call(src, "2026-Q1", base="gut_feeling")


def test_accuracy_once_the_period_has_ended(src: FakeSource) -> None:
    fs.freeze_due_snapshots(src, today=date(2026, 1, 2))
    src.rows = [r for r in src.rows if r["period"] == "2026-Q1"]  # the quarter's alone
    fs.record_call(src, "2026-Q1", adjustment=D("399.62"), now=at(date(2026, 1, 2)))
    # during the quarter B (Ann's) is won at 2000.50 and A (Ann's) lost
    b, a = src.versions["B"][0][1], src.versions["A"][0][1]
    src.add(date(2026, 2, 20), won(b, date(2026, 2, 20), "2000.50"))
    src.add(date(2026, 3, 2), lost(a, date(2026, 3, 2)))
    assert fs.snapshot_accuracy(src, today=date(2026, 3, 31)) == []
    lines = fs.snapshot_accuracy(src, today=date(2026, 4, 1))
    by = {(x.level, x.key, x.method): x for x in lines}
    # as of 01-01: A 100 + B 1500.375, and D (450 x 40 %) and E (900 x 40 %), which have
    # no close date and so count on the forecast day; won in Q1: D 500 + B 2000.50
    weighted = D("100.00") + D("1500.375") + D("180.00") + D("360.00")
    company = by["company", None, "weighted"]
    assert (company.count, company.forecast, company.actual) == (1, weighted, D("2500.50"))
    assert company.bias == pytest.approx(float((weighted - D("2500.50")) / D("2500.50")))
    assert company.hit_rate == 0.0                          # 14.4 % under
    call = by["company", None, "call"]
    assert (call.forecast, call.actual) == (weighted + D("399.62"), D("2500.50"))
    assert call.hit_rate == 1.0                             # 1.6 % over
    ann = by["member", "ann", "weighted"]                   # A, B and E were Ann's
    assert (ann.label, ann.forecast, ann.actual) == ("Ann Lee", D("1960.375"),
                                                     D("2000.50"))
    bob = by["member", "bob", "weighted"]
    assert (bob.label, bob.forecast, bob.actual) == ("Bob Roy", D("180.00"), D("500.00"))
    south = by["team", "south", "weighted"]
    assert (south.label, south.forecast, south.actual) == ("South", D("180.00"),
                                                           D("500.00"))
    assert {x.method for x in lines if x.level == "member"} == {
        "weighted_default", "weighted", "commit", "best_case", "historical"}


# --- backtest and series --------------------------------------------------------------
def test_the_backtest_scores_every_method_on_every_period(src: FakeSource) -> None:
    b = fs.backtest_for(src, ["2025-12", "2026-01"])
    assert b.methods == ("weighted_default", "weighted", "commit", "best_case",
                         "historical", "monte_carlo_p50")
    assert [(r.period, r.method) for r in b.rows] == [
        (p, m) for p in ("2025-12", "2026-01") for m in b.methods]
    jan = {r.method: r for r in b.rows if r.period == "2026-01"}
    assert jan["weighted"].actual == D("500.00")              # D, won 01-10
    # as of 01-01 only D and E (no close date: they count on the forecast day) are
    # expected in January; A closes in February, B in March, C in May
    assert jan["weighted"].forecast == D("180.00") + D("360.00")
    data = b.as_json()
    assert set(data) == {"rows", "summary"}
    assert data["rows"][0].keys() == {"period", "method", "forecast", "actual", "error"}
    for s in b.summary:
        mine = [r for r in b.rows if r.method == s.method]
        total = sum((r.actual for r in mine), D(0))
        assert s.count == 2
        assert s.wape == pytest.approx(float(sum((abs(r.error) for r in mine), D(0))
                                             / total))
        assert s.bias == pytest.approx(float(sum((r.error for r in mine), D(0)) / total))


def test_the_default_backtest_covers_the_quarters_with_closes(src: FakeSource) -> None:
    src.closed = [ClosedDeal(id="old", owner_id="ann", won=True, amount=D("10.00"),
                             won_amount=D("10.00"), created_on=date(2025, 5, 1),
                             closed_on=date(2025, 6, 3),
                             visits=(StageVisit("engaging", date(2025, 5, 1)),))]
    assert fs.default_quarters(src, today=date(2026, 3, 31)) == ["2025-Q2"]
    src.closed.append(replace(src.closed[0], id="new", closed_on=date(2026, 1, 10)))
    assert fs.default_quarters(src, today=date(2026, 4, 1)) == [
        "2025-Q2", "2025-Q3", "2025-Q4", "2026-Q1"]


def test_the_series_prefers_the_frozen_snapshot(src: FakeSource) -> None:
    fs.freeze_due_snapshots(src, today=date(2026, 1, 20))
    data = fs.load_series(src, "month", 3, until=date(2026, 1, 20))
    points = fs.series_from(data)
    assert [p.period for p in points] == ["2025-11", "2025-12", "2026-01"]
    assert [p.frozen for p in points] == [False, False, True]
    assert all(p.quota is None for p in points)
    assert points[2].actual == D("500.00")
    assert points[2].weighted == fs.forecast_for(src, "2026-01", date(2026, 1, 1)).weighted
    team = fs.series_from(data, ScopeSpec("team", "South"))
    assert team[2].frozen and team[2].actual == D("500.00")
    ann = fs.series_from(data, ScopeSpec("member", "Ann Lee"))
    assert not ann[2].frozen and ann[2].actual == D("0.00")


def test_the_series_re_scopes_to_exactly_the_scopes_own_forecast(src: FakeSource) -> None:
    from salesdesk.services.forecast_inputs import figures_of, resolve_scope

    data = fs.load_series(src, "month", 3, until=date(2026, 1, 20))
    specs = [fs.COMPANY_SPEC, ScopeSpec("team", "South"), ScopeSpec("member", "Ann Lee")]
    for spec in specs:
        for trials in (None, 500):
            points = fs.series_from(data, spec, trials=trials)
            for period, point in zip(data.periods, points, strict=True):
                base = data.starts[period.start]
                scope = resolve_scope(base.choices, spec)[0]
                own = figures_of(base.forecast(period, scope, trials))
                assert (point.weighted, point.weighted_default, point.historical,
                        point.p10, point.p50, point.p90) == (
                    own["weighted"], own["weighted_default"], own["historical"],
                    own["p10"], own["p50"], own["p90"])
                parts = data.parts[(period.start, trials or 10_000)]
                assert parts.figures(scope) == own


# --- quotas ---------------------------------------------------------------------------------
def plan_2026(months: dict[str, tuple[str, str, str]], *, publish: bool = True,
              version: int = 1, south: str | None = None) -> QuotaPlan:
    plan = QuotaPlan(year=2026, fiscal_start=1, plan_version=version)
    for rep, amounts in months.items():
        for month, amount in zip((1, 2, 3), amounts, strict=True):
            plan.set_target(member(rep), Metric.REVENUE, date(2026, month, 1), D(amount))
    if south is not None:
        plan.set_target(team("south"), Metric.REVENUE, date(2026, 1, 1), D(south))
    if publish:
        plan.publish()
    return plan


@pytest.fixture
def quota_ws() -> FakeWorkspace:
    """The same people as CHOICES, and a published 2026 plan. January has 21 business days
    (22 weekdays, 1 Jan a holiday), February 20, March 22, so every target below is a
    round amount per business day: Ann 100.00 a day, Bob 50.00.
      Ann (rep, North, East from 2025-10-01)   Jan 2100  Feb 2000  Mar 2200
      Bob (rep, South, West from 2026-02-01)   Jan 1050  Feb 1000  Mar 1100
      Mia (manager, North)                     Jan 5000 (not a rep: carries no quota)
      the South team's own target              Jan 9999 (teams add up their reps)
    A later draft (version 2) is not in force while version 1 is published."""
    ws = FakeWorkspace()
    ws.seed(Team(id="north", name="North"), Team(id="south", name="South"),
            Member(id="ann", name="Ann Lee", team_id="north"),
            Member(id="bob", name="Bob Roy", team_id="south"),
            Member(id="mia", name="Mia Boss", team_id="north", role=Role.MANAGER),
            Territory(id="world", name="World"),
            Territory(id="east", name="East", parent_id="world"),
            Territory(id="west", name="West", parent_id="world"),
            TerritoryAssignment(territory_id="east", member_id="ann",
                                start=date(2025, 10, 1)),
            TerritoryAssignment(territory_id="west", member_id="bob",
                                start=date(2026, 2, 1)))
    ws.settings["holidays"] = '["2026-01-01"]'
    published = plan_2026({"ann": ("2100.00", "2000.00", "2200.00"),
                           "bob": ("1050.00", "1000.00", "1100.00"),
                           "mia": ("5000.00", "0.00", "0.00")}, south="9999.00")
    draft = plan_2026({"ann": ("9999.00", "0.00", "0.00")}, publish=False, version=2)
    ws.plans = {published.id: published, draft.id: draft}
    return ws


def quota_of(book: fs.QuotaBook, period: str, kind: str = "company",
             ref: str | None = None) -> Decimal | None:
    from salesdesk.domain.periods import parse_period

    return book.quota(parse_period(period), resolve_scope(CHOICES, ScopeSpec(kind, ref))[0])


def test_quotas_by_hand_for_every_scope_kind(quota_ws: FakeWorkspace) -> None:
    book = fs.read_quotas(quota_ws.uow)
    assert quota_of(book, "2026-Q1") == D("9450.00")             # 6300 + 3150
    assert quota_of(book, "2026-Q1", "member", "Ann Lee") == D("6300.00")
    assert quota_of(book, "2026-Q1", "team", "North") == D("6300.00")   # Mia is no rep
    assert quota_of(book, "2026-Q1", "team", "South") == D("3150.00")   # not 9999
    # a territory covers the ones under it: Ann (East) and Bob (West from February)
    assert quota_of(book, "2026-Q1", "territory", "World") == D("9450.00")
    assert quota_of(book, "2026-01", "territory", "West") is None        # nobody yet
    assert quota_of(book, "2026-02", "territory", "West") == D("1000.00")


def test_partial_months_count_business_days_and_holidays(quota_ws: FakeWorkspace) -> None:
    book = fs.read_quotas(quota_ws.uow)
    # W01 runs 2025-12-29..2026-01-04: 1 Jan is a holiday, so only Friday 2 Jan counts;
    # December has no plan (2025 has none)
    assert quota_of(book, "2026-W01") == D("150.00")
    assert quota_of(book, "2026-W05") == D("750.00")             # 26..30 Jan, 5 days
    assert quota_of(book, "2026-01-02") == D("150.00")
    assert quota_of(book, "2026-01-01") == D("0.00")             # the holiday itself


def test_no_plan_in_force_means_no_quota(quota_ws: FakeWorkspace) -> None:
    from salesdesk.domain.periods import parse_period

    book = fs.read_quotas(quota_ws.uow)
    assert quota_of(book, "2025-Q4") is None and not book.in_force(parse_period("2025-Q4"))
    assert book.in_force(parse_period("2026-W01"))            # it reaches into 2026
    assert quota_of(book, "2026-Q1", "member", "Bob Roy") == D("3150.00")
    empty = fs.read_quotas(FakeWorkspace().uow)
    assert quota_of(empty, "2026-Q1") is None and not empty.plans


def test_quotas_equal_the_attainment_services(quota_ws: FakeWorkspace) -> None:
    book = fs.read_quotas(quota_ws.uow)
    for period in ("2026", "2026-Q1", "2026-02", "2026-W05", "2026-W09", "2026-03-31"):
        view = attainment(quota_ws.uow, period, date(2026, 1, 15))
        assert quota_of(book, period) == view.total.quota, period
        for line in (*view.members, *view.teams, *view.territories):
            mine = quota_of(book, period, line.kind, line.id)
            assert mine == line.quota or (mine is None and line.quota == 0), (period, line)


def test_the_forecast_carries_the_quota_and_its_coverage(src: FakeSource,
                                                         quota_ws: FakeWorkspace) -> None:
    book = fs.read_quotas(quota_ws.uow)
    r = fs.forecast_for(src, "2026-Q1", date(2026, 1, 15), quotas=book)
    assert (r.quota, r.plan_in_force) == (D("9450.00"), True)
    assert r.open_weighted == D("1600.375")                  # 2100.375 - 500 closed won
    assert r.attainment == D("0.0529")                       # 500 / 9450
    assert r.coverage == D("0.1788")                         # 1600.375 / (9450 - 500)
    ann = fs.forecast_for(src, "2026-Q1", date(2026, 1, 15), ScopeSpec("member", "ann"),
                          quotas=book)
    assert (ann.quota, ann.coverage) == (D("6300.00"), D("0.2540"))  # 1600.375 / 6300
    plain = fs.forecast_for(src, "2026-Q1", date(2026, 1, 15))
    assert (plain.quota, plain.plan_in_force, plain.coverage) == (None, False, None)
    before = fs.forecast_for(src, "2025-Q4", date(2025, 12, 1), quotas=book)
    assert (before.quota, before.plan_in_force, before.attainment) == (None, False, None)
    assert list(r.as_json()) == list(plain.as_json())          # the documented keys only


def test_coverage_ends_once_the_quota_is_won(src: FakeSource) -> None:
    from salesdesk.domain.allocation import WorkCalendar

    tiny = fs.QuotaBook(WorkCalendar(), {2026: {"bob": {date(2026, 1, 1): D("400.00")}}},
                        {"ann": "north", "bob": "south"})
    r = fs.forecast_for(src, "2026-01", date(2026, 1, 15), ScopeSpec("member", "bob"),
                        quotas=tiny)
    assert (r.quota, r.closed_won, r.attainment, r.coverage) == (
        D("400.00"), D("500.00"), D("1.2500"), None)


def test_the_series_carries_each_periods_quota(src: FakeSource,
                                               quota_ws: FakeWorkspace) -> None:
    book = fs.read_quotas(quota_ws.uow)
    data = fs.load_series(src, "month", 3, until=date(2026, 1, 20))
    points = fs.series_from(data, quotas=book)
    assert [p.quota for p in points] == [None, None, D("3150.00")]
    south = fs.series_from(data, ScopeSpec("team", "South"), quotas=book)
    assert [p.quota for p in south] == [None, None, D("1050.00")]
    later = fs.load_series(src, "month", 3, until=date(2026, 3, 20))  # March: not begun
    assert [p.quota for p in fs.series_from(later, quotas=book)] == [
        D("3150.00"), D("3000.00"), D("3300.00")]
