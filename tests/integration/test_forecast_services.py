"""services.forecast over a real workspace (SQLite and PostgreSQL): a small pipeline built
through the services, whose figures are worked out by hand; snapshots frozen once at the
period start; a manager's call; accuracy once the period has ended; the waterfall; the
quotas of a plan made and published through services.quotas, with their coverage."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from decimal import Decimal
from typing import Any

import pytest

import salesdesk.services.pipeline as pl
import salesdesk.services.pipeline_setup as ps
from salesdesk.domain.accounts import Account
from salesdesk.domain.members import Member, Team
from salesdesk.domain.pipeline import ForecastCategory
from salesdesk.domain.territories import Territory, TerritoryAssignment
from salesdesk.services import forecast as fs
from salesdesk.services.forecast import ScopeSpec
from salesdesk.storage import pipeline_queries as pq
from salesdesk.storage.forecast_queries import SqlForecastSource
from salesdesk.storage.workspace import Workspace, open_workspace

D = Decimal
CREATED = datetime(2025, 3, 20, 10, tzinfo=UTC)
Q2_START = date(2025, 4, 1)


def utc(*args: int) -> datetime:
    return datetime(*args, tzinfo=UTC)  # type: ignore[misc]


@dataclass
class Book:
    ws: Workspace
    source: SqlForecastSource
    ids: dict[str, str] = field(default_factory=dict)
    stages: dict[str, str] = field(default_factory=dict)

    def move(self, deal: str, stage: str, at: datetime, **kw: Any) -> None:
        with self.ws.engine.connect() as conn:
            detail = pq.deal_detail(conn, self.ids[deal])
        assert detail is not None
        pl.move_deal(self.ws.uow, self.ids[deal], detail.version, self.stages[stage], at=at,
                     **kw)

    def reason(self, name: str) -> str:
        with self.ws.uow() as uow:
            found = ps.lost_reason_by_name(uow, name)
            assert found is not None
            return found.id


@pytest.fixture
def book(workspace_url: str) -> Iterator[Book]:
    """Created 2025-03-20, North (Ann, Bob) and South (Cy):
    A  Ann, Acme (East),  Prospecting 10 %, 1000.00, closes 2025-05-15
    B  Bob, Globex (West), Engaging, 75 % (stage 40 %), commit, 2000.50, closes 06-01
    C  Cy,  Engaging 40 %, 4000.00, closes 2025-08-01 (Q3)
    D  Cy,  Prospecting 10 %, 450.00, no close date
    Then: D lost 04-20 (Price); A to Engaging 04-15; B won 05-10 at 2100.00;
    A won 2025-06-30 23:30 UTC at 999.99.
    """
    ws = open_workspace(workspace_url, create=True)
    north, south = Team(name="North"), Team(name="South")
    ann, bob = Member(name="Ann Lee", team_id=north.id), Member(name="Bob Roy",
                                                                team_id=north.id)
    cy = Member(name="Cy Ode", team_id=south.id)
    east, west = Territory(name="East"), Territory(name="West")
    acme = Account(name="Acme Corp", territory_id=east.id)
    globex = Account(name="Globex", territory_id=west.id)
    entities = (north, south, ann, bob, cy, east, west, acme, globex)
    with ws.uow() as uow:
        for e in entities:
            uow.session.add(e)
        uow.commit()
    b = Book(ws, SqlForecastSource(ws.engine, actor="tester"),
             {e.name: e.id for e in entities})
    ps.ensure_pipeline(ws.uow)
    with ws.engine.connect() as conn:
        b.stages = {s.name: s.id for s in pq.stages(conn, pq.default_pipeline_id(conn))}
    for name, stage, fields in (
            ("A", "Prospecting", {"owner_id": ann.id, "account_id": acme.id,
                                  "amount": D("1000.00"), "expected_close": date(2025, 5, 15)}),
            ("B", "Engaging", {"owner_id": bob.id, "account_id": globex.id,
                               "amount": D("2000.50"), "probability": 75,
                               "category": ForecastCategory.COMMIT,
                               "expected_close": date(2025, 6, 1)}),
            ("C", "Engaging", {"owner_id": cy.id, "amount": D("4000.00"),
                               "expected_close": date(2025, 8, 1)}),
            ("D", "Prospecting", {"owner_id": cy.id, "amount": D("450.00")})):
        b.ids[name] = pl.add_deal(ws.uow, stage_id=b.stages[stage], title=name, now=CREATED,
                                  **fields).deal_id
    b.move("D", "Lost", utc(2025, 4, 20), lost_reason_id=b.reason("Price"))
    b.move("A", "Engaging", utc(2025, 4, 15))
    b.move("B", "Won", utc(2025, 5, 10), won_amount=D("2100.00"))
    b.move("A", "Won", utc(2025, 6, 30, 23, 30), won_amount=D("999.99"))
    try:
        yield b
    finally:
        ws.close()


def test_the_quarter_as_of_its_start_by_hand(book: Book) -> None:
    r = fs.forecast_for(book.source, "2025-Q2", Q2_START)
    assert r.closed_won == D("0.00")
    assert r.weighted == D("1645.375")          # A 100 + B 1500.375 + D 45 (no date)
    assert r.weighted_default == D("945.20")    # A 100 + B at 40 % 800.20 + D 45
    assert r.commit == D("2000.50")             # B
    assert r.best_case == D("2145.50")          # A 100 + B 2000.50 + D 45
    assert r.pipeline == D("3450.50")           # A + B + D; C closes in Q3
    # nothing closed before 04-01: the historical method falls back on the stages'
    # default probabilities and the deals' own dates, and there is no run rate
    assert (r.historical, r.run_rate) == (D("945.20"), D("0.00"))
    assert r.p10 <= r.p50 <= r.p90 <= r.pipeline
    labels = {d.label: d for d in r.deals}
    assert set(labels) == {"Acme Corp / A", "Globex / B", "D"}
    assert (labels["Globex / B"].owner, labels["Globex / B"].part("weighted")) == (
        "Bob Roy", D("1500.375"))
    for key in fs.CONTRIBUTION_KEYS:
        assert sum((d.part(key) for d in r.deals), D(0)) == r.figure(key)


def test_scopes_and_the_quarter_once_over(book: Book) -> None:
    north = fs.forecast_for(book.source, "2025-Q2", Q2_START, ScopeSpec("team", "north"))
    assert north.weighted == D("1600.375") and north.scope_label == "North"
    east = fs.forecast_for(book.source, "2025-Q2", Q2_START, ScopeSpec.parse("territory:East"))
    assert east.weighted == D("100.00")
    done = fs.forecast_for(book.source, "2025-Q2", date(2025, 7, 1))
    # B 2100.00 and A 999.99 (won 06-30 23:30 UTC: still June 30th) are closed won
    assert done.closed_won == done.weighted == D("3099.99")
    # the historical method has learned from B and D by now: C is the only open deal
    assert done.historical == done.closed_won + done.run_rate


def test_the_waterfall_adds_up(book: Book) -> None:
    w = fs.waterfall_for(book.source, "2025-Q2", today=date(2026, 1, 1))
    assert (w.forecast, w.actual, w.actual_as_of) == (D("1645.375"), D("3099.99"),
                                                      date(2025, 7, 1))
    steps = {(s.part, s.reason): s.total for s in w.steps if s.total}
    assert steps == {("won_as_forecast", None): D("900.00") + D("500.125"),
                     ("grew_or_shrunk", None): D("-0.01") + D("99.50"),
                     ("lost", "Price"): D("-45.00")}
    assert w.forecast + sum((s.total for s in w.steps), D(0)) == w.actual
    lost = next(s for s in w.steps if s.part == "lost" and s.reason == "Price")
    assert [(d.label, d.owner) for d in lost.deals] == [("D", "Cy Ode")]


def test_snapshots_freeze_once_as_of_the_period_start(book: Book) -> None:
    made = fs.freeze_due_snapshots(book.source, today=date(2025, 4, 2)).created
    assert {s.period for s in made} == {"2025-W14", "2025-04", "2025-Q2", "2025"}
    assert len(made) == 4 * 3                                     # company, North, South
    q2 = next(s for s in made if s.period == "2025-Q2" and s.scope_kind == "company")
    assert q2.as_of == datetime(2025, 4, 1, tzinfo=UTC) and q2.created_by == "tester"
    assert q2.figures == fs.forecast_for(book.source, "2025-Q2", Q2_START).figures()
    assert q2.figures["weighted"] == D("1645.375")
    year = next(s for s in made if s.period == "2025" and s.scope_kind == "company")
    assert year.figures["weighted"] == D("0.00")                 # nothing yet on 01-01
    book.move("C", "Won", utc(2025, 4, 3), won_amount=D("1.00"))   # the past stays put
    assert fs.freeze_due_snapshots(book.source, today=date(2025, 4, 6)).created == ()
    again = fs.list_snapshots(book.source, period="2025-Q2", kind="auto")
    assert len(again) == 3 and again[0].figures == q2.figures
    week = fs.freeze_due_snapshots(book.source, today=date(2025, 4, 7)).created
    assert {s.period for s in week} == {"2025-W15"}


def test_a_managers_call_and_the_accuracy_after_the_period(book: Book) -> None:
    fs.freeze_due_snapshots(book.source, today=date(2025, 4, 2))
    call = fs.record_call(book.source, "2025-Q2", ScopeSpec("team", "North"), D("50.00"),
                          "Bob's deal is safe", now=utc(2025, 4, 2, 10))
    assert (call.kind, call.scope_id, call.comment) == ("call", book.ids["North"],
                                                        "Bob's deal is safe")
    assert (call.figures["weighted"], call.figures["call"]) == (D("1600.375"),
                                                                D("1650.375"))
    assert fs.snapshot_accuracy(book.source, today=date(2025, 4, 6)) == []
    lines = fs.snapshot_accuracy(book.source, today=date(2025, 7, 1))
    by = {(x.level, x.label, x.method): x for x in lines}
    # W14 and April expected D (45.00, no date) and saw nothing won; Q2 as worked out
    company = by["company", "Company", "weighted"]
    assert (company.count, company.forecast, company.actual) == (
        3, D("45.00") + D("45.00") + D("1645.375"), D("3099.99"))
    north = by["team", "North", "call"]
    assert (north.count, north.forecast, north.actual) == (1, D("1650.375"), D("3099.99"))
    assert north.hit_rate == 0.0
    # reps from the deals of the company snapshots: W14 (D), April (D), Q2 (A, B, D)
    assert (by["member", "Ann Lee", "weighted"].forecast,
            by["member", "Ann Lee", "weighted"].actual) == (D("100.00"), D("999.99"))
    assert by["member", "Bob Roy", "commit"].forecast == D("2000.50")
    cy = by["member", "Cy Ode", "weighted"]
    assert (cy.count, cy.forecast, cy.actual, cy.wape) == (3, D("135.00"), D("0.00"), None)
    assert "2025" not in {x.label for x in lines}  # the year has not ended


def test_the_backtest_and_series_on_the_small_book(book: Book) -> None:
    b = fs.backtest_for(book.source, today=date(2026, 1, 1))
    assert b.periods == ["2025-Q2"]                 # the quarter of every close
    rows = {r.method: r for r in b.rows}
    assert rows["weighted_default"].forecast == D("945.20")
    assert rows["weighted"].forecast == D("1645.375")
    assert {r.actual for r in b.rows} == {D("3099.99")}
    # no quota plan: no quota, never a made-up one
    quotas = fs.read_quotas(book.ws.uow)
    points = fs.series_for(book.source, kind="quarter", count=2, until=date(2025, 5, 1),
                           quotas=quotas)
    assert [(p.period, p.weighted, p.actual, p.quota) for p in points] == [
        ("2025-Q1", D("0.00"), D("0.00"), None), ("2025-Q2", D("1645.375"), D("3099.99"),
                                                   None)]
    r = fs.forecast_for(book.source, "2025-Q2", Q2_START, quotas=quotas)
    assert (r.quota, r.plan_in_force, r.coverage) == (None, False, None)


def publish_plan(book: Book) -> None:
    """A 2025 plan, published: April has 21 business days (22 weekdays, Good Friday
    18 April a holiday), May 22, June 21, so Ann's targets are 100.00 a business day and
    Bob's 50.00; Cy has none. Ann covers East from 2025-01-01."""
    from salesdesk.services import quotas, workspace_settings

    workspace_settings.set_calendar(book.ws.uow, 1, range(5), [date(2025, 4, 18)])
    plan = quotas.create_plan(book.ws.uow, 2025, propose=False)
    months = (date(2025, 4, 1), date(2025, 5, 1), date(2025, 6, 1))
    cells = [("member", book.ids[name], "revenue", month, D(amount))
             for name, amounts in (("Ann Lee", ("2100.00", "2200.00", "2100.00")),
                                   ("Bob Roy", ("1050.00", "1100.00", "1050.00")))
             for month, amount in zip(months, amounts, strict=True)]
    quotas.set_targets(book.ws.uow, plan.plan_id, cells)
    quotas.publish(book.ws.uow, plan.plan_id)
    with book.ws.uow() as uow:
        uow.session.add(TerritoryAssignment(territory_id=book.ids["East"],
                                            member_id=book.ids["Ann Lee"],
                                            start=date(2025, 1, 1)))
        uow.commit()


def test_the_quota_of_the_plan_in_force_by_hand(book: Book) -> None:
    publish_plan(book)
    quotas = fs.read_quotas(book.ws.uow)
    r = fs.forecast_for(book.source, "2025-Q2", Q2_START, quotas=quotas)
    assert (r.quota, r.plan_in_force) == (D("9600.00"), True)    # 6400 + 3200
    assert r.coverage == D("0.1714")                 # 1645.375 open weighted / 9600
    assert r.attainment == D("0.0000")               # nothing won on 1 April
    north = fs.forecast_for(book.source, "2025-Q2", Q2_START, ScopeSpec("team", "North"),
                            quotas)
    assert (north.quota, north.coverage) == (D("9600.00"), D("0.1667"))  # 1600.375
    south = fs.forecast_for(book.source, "2025-Q2", Q2_START, ScopeSpec("team", "South"),
                            quotas)
    assert (south.quota, south.plan_in_force) == (None, True)      # Cy carries none
    east = fs.forecast_for(book.source, "2025-Q2", Q2_START, ScopeSpec("territory", "East"),
                           quotas)
    assert east.quota == D("6400.00")
    # Monday 14 to Thursday 17 April: four business days before Good Friday
    week = fs.forecast_for(book.source, "2025-W16", date(2025, 4, 14), quotas=quotas)
    assert week.quota == D("600.00")
    later = fs.forecast_for(book.source, "2025-Q2", date(2025, 7, 1), quotas=quotas)
    assert (later.closed_won, later.attainment, later.coverage) == (
        D("3099.99"), D("0.3229"), D("0.0000"))      # nothing open is left in Q2
    points = fs.series_for(book.source, kind="quarter", count=2, until=date(2025, 5, 1),
                           quotas=quotas)
    assert [p.quota for p in points] == [D("0.00"), D("9600.00")]  # no Q1 targets


def test_the_quota_equals_the_attainment_services(book: Book) -> None:
    from salesdesk.services.attainment import attainment
    from salesdesk.services.forecast_inputs import resolve_scope

    publish_plan(book)
    quotas = fs.read_quotas(book.ws.uow)
    choices = book.source.scope_choices()
    for name in ("2025", "2025-Q2", "2025-05", "2025-W16", "2025-06-30"):
        view = attainment(book.ws.uow, name, Q2_START)
        period = fs.period_named(book.source, name)
        assert quotas.quota(period, resolve_scope(choices, fs.COMPANY_SPEC)[0]) == \
            view.total.quota
        for line in (*view.members, *view.teams, *view.territories):
            scope = resolve_scope(choices, ScopeSpec(line.kind, line.id))[0]
            mine = quotas.quota(period, scope)
            assert mine == line.quota or (mine is None and line.quota == 0), (name, line)
