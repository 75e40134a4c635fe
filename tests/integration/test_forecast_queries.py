"""storage.forecast_queries on SQLite and PostgreSQL, with deals written by the services:
the deals as they stood at a moment against the domain's own replay (Timeline), what
each state carries, the closed history's columns, and the snapshot table."""

from __future__ import annotations

import random
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta, timezone
from decimal import Decimal
from typing import Any

import numpy as np
import pytest
import sqlalchemy as sa

import salesdesk.services.pipeline as pl
import salesdesk.services.pipeline_setup as ps
from salesdesk.domain.accounts import Account
from salesdesk.domain.deals import StageChange, Timeline, utc_day
from salesdesk.domain.members import Member, Team
from salesdesk.domain.pipeline import ForecastCategory, Outcome
from salesdesk.domain.territories import Territory
from salesdesk.storage import forecast_queries as fq
from salesdesk.storage import pipeline_queries as pq
from salesdesk.storage import tables as t
from salesdesk.storage.workspace import Workspace, open_workspace

T0 = datetime(2026, 1, 5, 9, 0, tzinfo=UTC)
D = Decimal


@dataclass
class Company:
    """Two teams, three reps, two territories; the default pipeline."""

    ws: Workspace
    ids: dict[str, str] = field(default_factory=dict)
    stages: dict[str, str] = field(default_factory=dict)

    def id(self, name: str) -> str:
        return self.ids[name]

    def reason(self, name: str) -> str:
        with self.ws.uow() as uow:
            found = ps.lost_reason_by_name(uow, name)
            assert found is not None
            return found.id

    def deal(self, title: str, stage: str = "Prospecting", *, at: datetime = T0,
             **fields: Any) -> str:
        return pl.add_deal(self.ws.uow, stage_id=self.stages[stage], title=title, now=at,
                           **fields).deal_id

    def move(self, deal_id: str, stage: str, at: datetime, **kw: Any) -> pl.DealMoved:
        with self.ws.engine.connect() as conn:
            detail = pq.deal_detail(conn, deal_id)
        assert detail is not None
        return pl.move_deal(self.ws.uow, deal_id, detail.version, self.stages[stage], at=at,
                            **kw)

    def states(self, as_of: datetime | None) -> dict[str, Any]:
        with self.ws.engine.connect() as conn:
            return {s.id: s for s in fq.deal_states(conn, as_of)}


@pytest.fixture
def ws(workspace_url: str) -> Iterator[Workspace]:
    ws = open_workspace(workspace_url, create=True)
    try:
        yield ws
    finally:
        ws.close()


@pytest.fixture
def co(ws: Workspace) -> Company:
    co = Company(ws)
    north, south = Team(name="North"), Team(name="South")
    ann = Member(name="Ann Lee", team_id=north.id)
    bob = Member(name="Bob Roy", team_id=north.id)
    cy = Member(name="Cy Ode", team_id=south.id)
    east, west = Territory(name="East"), Territory(name="West")
    acme = Account(name="Acme Corp", territory_id=east.id)
    globex = Account(name="Globex", territory_id=west.id)
    with ws.uow() as uow:
        for e in (north, south, ann, bob, cy, east, west, acme, globex):
            uow.session.add(e)
        uow.commit()
    co.ids = {e.name: e.id for e in (north, south, ann, bob, cy, east, west, acme, globex)}
    ps.ensure_pipeline(ws.uow)
    with ws.engine.connect() as conn:
        co.stages = {s.name: s.id for s in pq.stages(conn, pq.default_pipeline_id(conn))}
    return co


# --- the replay -----------------------------------------------------------------------
def test_deal_states_replay_the_stage_history_as_the_domain_does(co: Company) -> None:
    rnd = random.Random(6)
    names = list(co.stages)
    reasons = [co.reason("Price"), co.reason("Timing")]
    changes: dict[str, list[StageChange]] = {}
    for i in range(16):
        created = T0 + timedelta(days=rnd.randint(0, 20), hours=rnd.randint(0, 23))
        amount = D(rnd.randint(1, 10**6)).scaleb(-2)
        deal_id = co.deal(f"D{i:02}", at=created, amount=amount)
        changes[deal_id] = [StageChange(deal_id=deal_id, from_stage_id=None,
                                        to_stage_id=co.stages["Prospecting"], at=created,
                                        amount=amount)]
        where, at = "Prospecting", created
        for _ in range(rnd.randint(0, 4)):
            at += timedelta(hours=rnd.choice([0, 1, 7, 30, 200]))
            target = rnd.choice([n for n in names if n != where])
            won = D(rnd.randint(1, 10**6)).scaleb(-2)
            moved = co.move(deal_id, target, at, won_amount=won,
                            lost_reason_id=rnd.choice(reasons), reopen=True)
            if rnd.random() < 0.2:  # taken back: as if it never happened
                pl.undo_move(co.ws.uow, moved, moved.version)
                at = changes[deal_id][-1].at
                continue
            changes[deal_id].append(StageChange(
                deal_id=deal_id, from_stage_id=co.stages[where],
                to_stage_id=co.stages[target], at=at,
                amount=won if target == "Won" else amount))
            where = target
    outcome = {co.stages[n]: o for n, o in (("Prospecting", "open"), ("Engaging", "open"),
                                            ("Won", "won"), ("Lost", "lost"))}
    moments = sorted({c.at for cs in changes.values() for c in cs})
    probes = [T0 - timedelta(days=1), *moments[::3],
              *(m - timedelta(microseconds=1) for m in moments[1::4]),
              T0 + timedelta(days=400)]
    for when in probes:
        expected = {}
        for deal_id, cs in changes.items():
            timeline = Timeline.of(cs)
            stage = timeline.stage_at(when)
            entered = timeline.entered_at(when)
            if stage is None or entered is None:
                continue
            [last] = [c for c in cs if c.at == entered and c.to_stage_id == stage][-1:]
            closed = None if outcome[stage] == "open" else utc_day(entered)
            expected[deal_id] = (stage, utc_day(entered), last.amount, outcome[stage], closed)
        played = {s.id: (s.stage_id, s.stage_entered_on, s.value, s.outcome.value,
                         s.closed_on) for s in co.states(when).values()}
        assert played == expected, when
    now = co.states(None)
    latest = co.states(T0 + timedelta(days=400))
    assert {k: (s.stage_id, s.value) for k, s in now.items()} == {
        k: (s.stage_id, s.value) for k, s in latest.items()}


def test_what_a_state_carries(co: Company) -> None:
    a = co.deal("Acme", "Engaging", owner_id=co.id("Ann Lee"), account_id=co.id("Acme Corp"),
                amount=D("1000.00"), probability=65, category=ForecastCategory.COMMIT,
                expected_close=date(2026, 3, 31), created_on=date(2025, 12, 20))
    b = co.deal("Globex", owner_id=co.id("Cy Ode"), account_id=co.id("Globex"),
                amount=D("300.00"))
    c = co.deal("Lost one", owner_id=co.id("Bob Roy"), amount=D("50.00"), probability=80)
    co.move(a, "Won", datetime(2026, 2, 1, 23, 30, tzinfo=UTC), won_amount=D("1100.00"))
    co.move(c, "Lost", datetime(2026, 2, 2, 8, tzinfo=UTC), lost_reason_id=co.reason("Price"))
    late = co.deal("Later", at=datetime(2026, 3, 1, tzinfo=UTC), amount=D("1.00"))
    gone = co.deal("Deleted", amount=D("5.00"))
    pl.delete_deal(co.ws.uow, gone, None)

    before = co.states(datetime(2026, 2, 1, tzinfo=UTC))
    assert late not in before and gone not in before
    sa_ = before[a]
    assert (sa_.outcome, sa_.amount, sa_.probability, sa_.stage_probability) == (
        Outcome.OPEN, D("1000.00"), 65, 40)
    assert (sa_.category, sa_.expected_close, sa_.created_on, sa_.stage_entered_on) == (
        ForecastCategory.COMMIT, date(2026, 3, 31), date(2025, 12, 20), T0.date())
    assert (sa_.owner_id, sa_.team_id, sa_.territory_id) == (
        co.id("Ann Lee"), co.id("North"), co.id("East"))
    sb = before[b]
    assert (sb.probability, sb.category, sb.team_id, sb.territory_id) == (
        10, ForecastCategory.PIPELINE, co.id("South"), co.id("West"))

    after = co.states(datetime(2026, 3, 2, tzinfo=UTC))
    assert late in after and gone not in after
    won, lost = after[a], after[c]
    # the closed stage's probability and category, whatever the deal's overrides
    assert (won.outcome, won.closed_on, won.won_amount, won.probability, won.category) == (
        Outcome.WON, date(2026, 2, 1), D("1100.00"), 100, ForecastCategory.CLOSED)
    assert (lost.outcome, lost.closed_on, lost.lost_reason, lost.probability) == (
        Outcome.LOST, date(2026, 2, 2), "Price", 0)
    assert co.states(None)[a].won_amount == D("1100.00")


def test_a_moment_in_another_time_zone_is_the_same_moment(co: Company) -> None:
    deal_id = co.deal("Acme", amount=D("100.00"))
    co.move(deal_id, "Engaging", datetime(2026, 2, 1, 12, tzinfo=UTC))
    plus2 = timezone(timedelta(hours=2))
    assert co.states(datetime(2026, 2, 1, 13, 59, tzinfo=plus2))[deal_id].stage_id == \
        co.stages["Prospecting"]
    assert co.states(datetime(2026, 2, 1, 14, 0, tzinfo=plus2))[deal_id].stage_id == \
        co.stages["Engaging"]
    with pytest.raises(ValueError, match="time zone"):
        co.states(datetime(2026, 2, 1))


# --- closed history ---------------------------------------------------------------------
def test_closed_history_columns(co: Company) -> None:
    w = co.deal("W", owner_id=co.id("Ann Lee"), account_id=co.id("Acme Corp"),
                amount=D("100.00"), created_on=date(2026, 1, 1))
    co.move(w, "Engaging", datetime(2026, 1, 10, tzinfo=UTC))
    co.move(w, "Won", datetime(2026, 2, 3, 22, tzinfo=UTC), won_amount=D("120.50"))
    lo = co.deal("L", owner_id=co.id("Cy Ode"), amount=D("40.00"))
    co.move(lo, "Lost", datetime(2026, 3, 1, tzinfo=UTC), lost_reason_id=co.reason("Price"))
    co.deal("Open", amount=D("9.00"))
    with co.ws.engine.connect() as conn:
        h = fq.closed_history(conn)
        early = fq.closed_history(conn, datetime(2026, 3, 1, tzinfo=UTC))
    assert sorted(h.ids) == sorted([w, lo])
    row = {deal_id: i for i, deal_id in enumerate(h.ids)}
    i, j = row[w], row[lo]
    assert (bool(h.won[i]), int(h.won_cents[i]), int(h.amount_cents[i])) == (True, 12050,
                                                                              12050)
    assert (bool(h.won[j]), int(h.won_cents[j]), int(h.amount_cents[j])) == (False, 0, 4000)
    assert date.fromordinal(int(h.created[i])) == date(2026, 1, 1)
    assert date.fromordinal(int(h.closed[i])) == date(2026, 2, 3)
    assert date.fromordinal(int(h.closed[j])) == date(2026, 3, 1)
    assert h.owners[h.owner[i]] == co.id("Ann Lee") and h.teams[h.team[j]] == co.id("South")
    assert h.territories[h.territory[i]] == co.id("East") and h.territory[j] == -1
    visits = sorted((h.ids[d], h.stages[s], date.fromordinal(int(e))) for d, s, e in zip(
        h.visit_deal, h.visit_stage, h.visit_entered, strict=True))
    assert visits == sorted([(w, co.stages["Prospecting"], T0.date()),
                             (w, co.stages["Engaging"], date(2026, 1, 10)),
                             (lo, co.stages["Prospecting"], T0.date())])
    # just before 03-01 00:00 the lost deal was still open
    assert list(early.ids) == [w] and len(early.visit_deal) == 2
    assert isinstance(h.won, np.ndarray) and h.visit_entered.dtype == np.int32


def test_history_span_and_labels(co: Company) -> None:
    with co.ws.engine.connect() as conn:
        assert fq.history_span(conn) is None
    a = co.deal("Roll-out", owner_id=co.id("Ann Lee"), account_id=co.id("Acme Corp"))
    b = co.deal("", at=T0 + timedelta(days=3), reference="Q-1")
    with co.ws.engine.connect() as conn:
        assert fq.history_span(conn) == (T0.date(), T0.date() + timedelta(days=3))
        assert fq.close_span(conn) is None
    co.move(a, "Won", datetime(2026, 2, 1, 23, 59, tzinfo=UTC), won_amount=D("1.00"))
    co.move(b, "Lost", datetime(2026, 1, 20, tzinfo=UTC), lost_reason_id=co.reason("Price"))
    with co.ws.engine.connect() as conn:
        assert fq.close_span(conn) == (date(2026, 1, 20), date(2026, 2, 1))
        labels = fq.deal_labels(conn, [a, b, a])
        assert fq.fiscal_start(conn) == 1
    assert labels == {a: ("Acme Corp / Roll-out", "Ann Lee"), b: ("Q-1", "")}


def test_one_fiscal_start_rule_for_both_query_modules_and_the_services(ws: Workspace
                                                                       ) -> None:
    from salesdesk.domain.errors import ValidationError
    from salesdesk.domain.periods import FISCAL_START_SETTING
    from salesdesk.services import workspace_settings as wss
    from salesdesk.storage import analysis_queries as aq

    def read() -> tuple[int, int, int, int]:
        with ws.engine.connect() as conn:
            stored = (fq.fiscal_start(conn), aq.fiscal_start(conn))
        return (*stored, fq.SqlForecastSource(ws.engine).fiscal_start(),
                wss.calendar(ws.uow).fiscal_start)

    assert read() == (1, 1, 1, 1)                                # never set: January
    wss.set_calendar(ws.uow, 7, [0, 1, 2, 3, 4], [])
    assert read() == (7, 7, 7, 7)
    for bad in ("13", "0", "July", ""):
        with ws.uow() as uow:
            uow.set_setting(FISCAL_START_SETTING, bad)
            uow.commit()
        with ws.engine.connect() as conn:
            for reader in (fq.fiscal_start, aq.fiscal_start):
                with pytest.raises(ValidationError) as refused:
                    reader(conn)
                assert refused.value.field == FISCAL_START_SETTING, bad
        assert wss.calendar(ws.uow).fiscal_start == 1, bad       # the services fall back


# --- snapshots --------------------------------------------------------------------------
def _snapshot(kind: str = "auto", period: str = "2026-Q1", **extra: Any) -> dict[str, Any]:
    return {"period": period, "period_kind": "quarter", "scope_kind": "company",
            "scope_id": None, "as_of": datetime(2026, 1, 1, tzinfo=UTC), "kind": kind,
            "figures": {"weighted": "2100.375"}, "adjustment": None, "comment": "",
            "deals": {"rows": [["d1", "m1", None, "0.01"]]}} | extra


def test_snapshots_round_trip_and_freeze_once(co: Company) -> None:
    source = fq.SqlForecastSource(co.ws.engine, actor="tester")
    first = source.add_snapshots([_snapshot()])
    assert len(first) == 1
    assert source.add_snapshots([_snapshot(), _snapshot(period="2026-02")]) != first
    assert len(source.snapshots(kind="auto")) == 2
    calls = source.add_snapshots([_snapshot("call", adjustment=D("-12.34"), comment="x"),
                                  _snapshot("call", adjustment=D("5.00"))])
    assert len(calls) == 2
    rows = source.snapshots(period="2026-Q1")
    assert [r["kind"] for r in rows] == ["auto", "call", "call"]
    assert rows[0]["figures"] == {"weighted": "2100.375"}
    assert rows[0]["deals"] == {"rows": [["d1", "m1", None, "0.01"]]}
    assert rows[1]["adjustment"] == D("-12.34") and rows[1]["updated_by"] == "tester"
    assert rows[0]["as_of"] == datetime(2026, 1, 1, tzinfo=UTC)
    assert source.snapshots(period="2026-Q1", with_deals=False)[0]["deals"] is None
    with co.ws.engine.connect() as conn:
        keys = conn.execute(sa.select(t.forecast_snapshots.c.auto_key)).scalars().all()
    assert sorted(k for k in keys if k) == ["2026-02|company|", "2026-Q1|company|"]
    with co.ws.engine.connect() as conn:
        log = conn.execute(sa.select(t.change_log.c.entity_id, t.change_log.c.actor,
                                     t.change_log.c.changes)
                           .where(t.change_log.c.entity == "forecast_snapshot")).all()
    assert sorted(r[0] for r in log) == sorted(r["id"] for r in source.snapshots())
    entry = next(r for r in log if r[0] == calls[0])
    assert entry[1] == "tester" and entry[2]["adjustment"] == [None, "-12.34"]
    assert entry[2]["deal_rows"] == [None, 1] and "deals" not in entry[2]


def test_two_clients_freeze_a_period_once(co: Company) -> None:
    """The unique key holds even when the check before the insert saw nothing."""
    with co.ws.engine.begin() as conn:
        assert fq.add_snapshots(conn, [_snapshot()], "a")
    row = _snapshot() | {"id": "x", "created_at": T0, "updated_at": T0, "updated_by": "b",
                         "auto_key": fq.auto_key("2026-Q1", "company", None)}
    with co.ws.engine.begin() as conn:
        assert fq._insert_once(conn, row) is False



# --- migration 0004 ---------------------------------------------------------------------
def test_a_workspace_at_0003_gains_the_snapshot_table(
        workspace_url: str, tmp_path: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    import shutil

    from salesdesk.storage import schema
    from salesdesk.storage import workspace as workspace_module
    from salesdesk.storage.workspace import SCHEMA_HEAD, current_revision

    only_0003 = tmp_path / "migrations-0003"
    shutil.copytree(workspace_module.MIGRATIONS, only_0003, ignore=lambda _d, names: [
        n for n in names if n == "__pycache__" or (n[:4].isdigit() and n[:4] > "0003")])
    monkeypatch.setattr(workspace_module, "MIGRATIONS", only_0003)
    old = open_workspace(workspace_url, create=True)
    assert current_revision(old.engine) == "0003"
    assert not sa.inspect(old.engine).has_table("forecast_snapshots")
    old.close()
    monkeypatch.undo()
    ws = open_workspace(workspace_url)
    try:
        assert current_revision(ws.engine) == SCHEMA_HEAD
        with ws.engine.connect() as conn:
            assert schema.differences(conn) == []
        source = fq.SqlForecastSource(ws.engine)
        assert source.add_snapshots([_snapshot()]) and source.snapshots()[0]["kind"] == "auto"
    finally:
        ws.close()
