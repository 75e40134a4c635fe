"""storage.pipeline_queries on SQLite and PostgreSQL, with deals written by the services:
board totals and filters, the "as of" replay against the domain's own replay, the deal
list's sorting and paging, one deal's detail, the summary report, and concurrent edits."""

from __future__ import annotations

import random
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta, timezone
from decimal import Decimal
from typing import Any

import pytest
import sqlalchemy as sa

import salesdesk.services.pipeline as pl
import salesdesk.services.pipeline_setup as ps
from salesdesk.domain.accounts import Account, Product
from salesdesk.domain.deals import StageChange, Timeline
from salesdesk.domain.errors import ConcurrentEditError, ConflictError
from salesdesk.domain.members import Member, Team
from salesdesk.domain.territories import Territory
from salesdesk.services.pipeline import LineSpec
from salesdesk.storage import pipeline_queries as pq
from salesdesk.storage.rows import Board, DealCard, DealFilter, StageRow
from salesdesk.storage.workspace import Workspace, open_workspace

T0 = datetime(2026, 1, 5, 9, 0, tzinfo=UTC)


@dataclass
class Company:
    """A small company: two teams, three reps, two territories, three products."""

    ws: Workspace
    pipeline_id: str = ""
    stages: dict[str, StageRow] = field(default_factory=dict)
    ids: dict[str, str] = field(default_factory=dict)

    def id(self, name: str) -> str:
        return self.ids[name]

    def stage(self, name: str) -> str:
        return self.stages[name].id

    def reason(self, name: str) -> str:
        with self.ws.uow() as uow:
            found = ps.lost_reason_by_name(uow, name)
            assert found is not None
            return found.id

    def deal(self, title: str, stage: str = "Prospecting", *, at: datetime = T0,
             **fields: Any) -> str:
        return pl.add_deal(self.ws.uow, stage_id=self.stage(stage), title=title, now=at,
                           **fields).deal_id

    def version(self, deal_id: str) -> int:
        with self.ws.engine.connect() as conn:
            detail = pq.deal_detail(conn, deal_id)
        assert detail is not None
        return detail.version

    def move(self, deal_id: str, stage: str, at: datetime, **kw: Any) -> pl.DealMoved:
        return pl.move_deal(self.ws.uow, deal_id, self.version(deal_id), self.stage(stage),
                            at=at, **kw)

    def board(self, flt: DealFilter = pq.NO_FILTER, **kw: Any) -> Board:
        with self.ws.engine.connect() as conn:
            return pq.board(conn, self.pipeline_id, flt, **kw)

    def cards(self, flt: DealFilter = pq.NO_FILTER, **kw: Any) -> dict[str, list[str]]:
        """stage name -> titles of its cards"""
        return {c.stage.name: [card.title for card in c.cards]
                for c in self.board(flt, **kw).columns}

    def titles(self, flt: DealFilter) -> set[str]:
        return {card.title for col in self.board(flt).columns for card in col.cards}


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
    ann, bob = Member(name="Ann Lee", team_id=north.id), Member(name="Bob Roy",
                                                                team_id=north.id)
    cy = Member(name="Cy Ode", team_id=south.id)
    east, west = Territory(name="East"), Territory(name="West")
    acme = Account(name="Acme Corp", territory_id=east.id)
    globex = Account(name="Globex", territory_id=west.id)
    initech = Account(name="Initech")
    gtx, mg, zen = (Product(name="GTX Pro", list_price=Decimal("4821.00")),
                    Product(name="MG Special", list_price=Decimal("55.00")),
                    Product(name="Zen Basic", list_price=Decimal("99.00")))
    with ws.uow() as uow:
        for e in (north, south, ann, bob, cy, east, west, acme, globex, initech, gtx, mg,
                  zen):
            uow.session.add(e)
        uow.commit()
    for e in (north, south, ann, bob, cy, east, west, acme, globex, initech, gtx, mg, zen):
        co.ids[e.name] = e.id
    ps.ensure_pipeline(ws.uow)
    with ws.engine.connect() as conn:
        pipeline_id = pq.default_pipeline_id(conn)
        assert pipeline_id is not None
        co.pipeline_id = pipeline_id
        co.stages = {s.name: s for s in pq.stages(conn, pipeline_id)}
    return co


# --- totals ------------------------------------------------------------------------
def test_column_totals_are_exact(co: Company) -> None:
    amounts = [("A", "Prospecting", "1000.00", None), ("B", "Prospecting", "0.05", 33),
               ("C", "Prospecting", "999.99", None), ("D", "Engaging", "12345.67", 75),
               ("E", "Engaging", "0.01", None)]
    for title, stage, amount, p in amounts:
        co.deal(title, stage, amount=Decimal(amount), probability=p)
    board = co.board()
    assert [c.stage.name for c in board.columns] == ["Prospecting", "Engaging", "Won",
                                                     "Lost"]
    default = {"Prospecting": 10, "Engaging": 40}
    for col in board.columns[:2]:
        mine = [a for a in amounts if a[1] == col.stage.name]
        assert col.count == len(mine) == len(col.cards)
        assert col.amount == sum(Decimal(a[2]) for a in mine)
        exact = sum(Decimal(a[2]) * (a[3] if a[3] is not None else default[a[1]]) / 100
                    for a in mine)
        assert col.weighted == exact
    assert str(board.columns[0].weighted) == "200.0155"   # 100 + 0.0165 + 99.999
    assert str(board.columns[1].weighted) == "9259.2565"  # 9259.2525 + 0.004
    assert str(board.columns[0].amount) == "2000.04"
    assert (board.columns[2].count, board.columns[2].amount, board.columns[2].weighted) == (
        0, Decimal("0.00"), Decimal("0.00"))
    card = {c.title: c for c in board.columns[0].cards}["B"]
    assert (card.amount, card.probability) == (Decimal("0.05"), 33)


def test_closed_columns_count_every_deal_but_show_the_latest(co: Company) -> None:
    price = co.reason("Price")
    for i in range(5):
        deal_id = co.deal(f"W{i}", amount=Decimal("100.00"))
        co.move(deal_id, "Won", T0 + timedelta(days=i + 1), won_amount=Decimal(f"{90 + i}.50"))
    for i in range(3):
        deal_id = co.deal(f"L{i}", amount=Decimal("10.00"))
        co.move(deal_id, "Lost", T0 + timedelta(days=i + 1), lost_reason_id=price)
    board = co.board(closed_limit=2)
    won, lost = board.columns[2], board.columns[3]
    assert (won.count, won.amount, won.weighted) == (5, Decimal("462.50"), Decimal("462.50"))
    assert [c.title for c in won.cards] == ["W4", "W3"]
    assert won.cards[0].closed_on == (T0 + timedelta(days=5)).date()
    assert won.cards[0].amount == Decimal("94.50") and won.cards[0].probability == 100
    assert (lost.count, lost.amount, lost.weighted) == (3, Decimal("30.00"), Decimal("0.00"))
    assert [(c.title, c.lost_reason) for c in lost.cards] == [("L2", "Price"), ("L1", "Price")]
    assert co.board(closed_limit=0).columns[2].cards == ()
    assert co.board(closed_limit=0).columns[2].count == 5


# --- filters ------------------------------------------------------------------------
@pytest.fixture
def filtered(co: Company) -> Company:
    """Deals spread over owners, teams, territories, products, dates and words."""
    line = {name: LineSpec(co.id(name), 1, Decimal("10.00"))
            for name in ("GTX Pro", "MG Special")}
    co.deal("Acme roll-out", owner_id=co.id("Ann Lee"), account_id=co.id("Acme Corp"),
            lines=[line["GTX Pro"]], expected_close=date(2026, 3, 31))
    co.deal("Globex pilot", owner_id=co.id("Bob Roy"), account_id=co.id("Globex"),
            lines=[line["MG Special"], line["GTX Pro"]], expected_close=date(2026, 4, 1),
            reference="Q-7781")
    co.deal("Initech 50% off", owner_id=co.id("Cy Ode"), account_id=co.id("Initech"),
            contact_name="Peter Gibbons", expected_close=date(2026, 2, 15))
    co.deal("No account_yet", owner_id=None, expected_close=None)
    won = co.deal("Acme won", owner_id=co.id("Ann Lee"), account_id=co.id("Acme Corp"),
                  expected_close=date(2026, 1, 1))
    co.move(won, "Won", datetime(2026, 3, 31, 23, 30, tzinfo=UTC),
            won_amount=Decimal("5.00"))
    lost = co.deal("Globex lost", owner_id=co.id("Cy Ode"), account_id=co.id("Globex"),
                   lines=[line["MG Special"]], expected_close=date(2026, 12, 31))
    co.move(lost, "Lost", datetime(2026, 4, 1, 0, 0, tzinfo=UTC),
            lost_reason_id=co.reason("Price"))
    return co


@pytest.mark.parametrize(("flt", "expected"), [
    (lambda c: DealFilter(owner_ids=(c.id("Ann Lee"),)), {"Acme roll-out", "Acme won"}),
    (lambda c: DealFilter(owner_ids=(c.id("Ann Lee"), c.id("Bob Roy"))),
     {"Acme roll-out", "Acme won", "Globex pilot"}),
    (lambda c: DealFilter(team_id=c.id("South")), {"Initech 50% off", "Globex lost"}),
    (lambda c: DealFilter(territory_id=c.id("East")), {"Acme roll-out", "Acme won"}),
    (lambda c: DealFilter(territory_id=c.id("West")), {"Globex pilot", "Globex lost"}),
    (lambda c: DealFilter(product_id=c.id("GTX Pro")), {"Acme roll-out", "Globex pilot"}),
    (lambda c: DealFilter(product_id=c.id("MG Special")), {"Globex pilot", "Globex lost"}),
    (lambda c: DealFilter(product_id=c.id("Zen Basic")), set()),
    # open deals by expected close, closed ones by the day they were won or lost
    (lambda c: DealFilter(close_from=date(2026, 3, 1), close_to=date(2026, 3, 31)),
     {"Acme roll-out", "Acme won"}),
    (lambda c: DealFilter(close_from=date(2026, 4, 1)), {"Globex pilot", "Globex lost"}),
    (lambda c: DealFilter(close_to=date(2026, 2, 28)), {"Initech 50% off"}),
    (lambda c: DealFilter(search="acme"), {"Acme roll-out", "Acme won"}),
    (lambda c: DealFilter(search="  GLOBEX "), {"Globex pilot", "Globex lost"}),
    (lambda c: DealFilter(search="q-77"), {"Globex pilot"}),
    (lambda c: DealFilter(search="gibbons"), {"Initech 50% off"}),
    (lambda c: DealFilter(search="50%"), {"Initech 50% off"}),
    (lambda c: DealFilter(search="%"), {"Initech 50% off"}),
    (lambda c: DealFilter(search="_"), {"No account_yet"}),
    (lambda c: DealFilter(search="t_y"), {"No account_yet"}),
    (lambda c: DealFilter(search="o_a"), set()),  # "No a" would match an unescaped _
    (lambda c: DealFilter(search="/"), set()),
    (lambda c: DealFilter(owner_ids=(c.id("Cy Ode"),), search="globex",
                          close_from=date(2026, 4, 1)), {"Globex lost"}),
])
def test_filters(filtered: Company, flt: Callable[[Company], DealFilter],
                 expected: set[str]) -> None:
    f = flt(filtered)
    assert filtered.titles(f) == expected
    board = filtered.board(f)
    assert sum(c.count for c in board.columns) == len(expected)
    with filtered.ws.engine.connect() as conn:
        assert pq.deal_count(conn, filtered.pipeline_id, f) == len(expected)
        assert {c.title for c in pq.deal_list(conn, filtered.pipeline_id, f)} == expected


def test_the_close_period_of_a_replayed_board_is_the_utc_day_of_the_move(
        filtered: Company) -> None:
    later = datetime(2026, 6, 1, tzinfo=UTC)
    march = DealFilter(close_from=date(2026, 3, 31), close_to=date(2026, 3, 31))
    april = DealFilter(close_from=date(2026, 4, 1), close_to=date(2026, 4, 1))
    assert filtered.cards(march, as_of=later)["Won"] == ["Acme won"]
    assert filtered.cards(april, as_of=later)["Won"] == []
    assert filtered.cards(april, as_of=later)["Lost"] == ["Globex lost"]
    assert filtered.cards(march)["Won"] == ["Acme won"]
    [card] = filtered.board(march, as_of=later).columns[2].cards
    assert card.closed_on == date(2026, 3, 31)


def test_filter_choices(filtered: Company) -> None:
    with filtered.ws.engine.connect() as conn:
        choices = pq.filter_choices(conn)
    assert [n for _, n in choices.owners] == ["Ann Lee", "Bob Roy", "Cy Ode"]
    assert [n for _, n in choices.teams] == ["North", "South"]
    assert [n for _, n in choices.territories] == ["East", "West"]
    assert [n for _, n in choices.products] == ["GTX Pro", "MG Special", "Zen Basic"]
    assert len(choices.lost_reasons) == 8
    ps.retire_lost_reason(filtered.ws.uow, filtered.reason("Price"))
    with filtered.ws.engine.connect() as conn:
        assert "Price" not in {n for _, n in pq.filter_choices(conn).lost_reasons}


# --- as of ---------------------------------------------------------------------------
@dataclass
class Replay:
    """What the test did, as the domain replays it: each deal's stage changes."""

    changes: dict[str, list[StageChange]] = field(default_factory=dict)
    amounts: dict[str, Decimal] = field(default_factory=dict)

    def expected(self, when: datetime) -> dict[str, tuple[str, datetime, Decimal]]:
        out = {}
        for deal_id, changes in self.changes.items():
            timeline = Timeline.of(changes)
            stage = timeline.stage_at(when)
            if stage is None:
                continue
            at = timeline.entered_at(when)
            assert at is not None
            [last] = [c for c in changes if c.at == at and c.to_stage_id == stage][-1:]
            out[deal_id] = (stage, at, last.amount or self.amounts[deal_id])
        return out


def _played(board: Board) -> dict[str, tuple[str, datetime, Decimal]]:
    return {card.id: (card.stage_id, card.entered_at, card.amount)
            for col in board.columns for card in col.cards}


def test_the_board_as_of_a_moment_is_the_domain_replay_of_the_history(co: Company) -> None:
    rnd = random.Random(4)
    replay = Replay()
    names = list(co.stages)
    reasons = [co.reason("Price"), co.reason("Timing")]
    for i in range(14):
        created = T0 + timedelta(days=rnd.randint(0, 20), hours=rnd.randint(0, 23))
        amount = Decimal(rnd.randint(1, 10**6)).scaleb(-2)
        deal_id = co.deal(f"D{i:02}", at=created, amount=amount)
        replay.amounts[deal_id] = amount
        replay.changes[deal_id] = [StageChange(deal_id=deal_id, from_stage_id=None,
                                               to_stage_id=co.stage("Prospecting"),
                                               at=created, amount=amount)]
        where, at = "Prospecting", created
        for _ in range(rnd.randint(0, 4)):
            at += timedelta(hours=rnd.choice([0, 1, 7, 30, 200]))
            target = rnd.choice([n for n in names if n != where])
            won = Decimal(rnd.randint(1, 10**6)).scaleb(-2)
            moved = co.move(deal_id, target, at, won_amount=won,
                            lost_reason_id=rnd.choice(reasons), reopen=True)
            if rnd.random() < 0.2:  # taken back: as if it never happened
                pl.undo_move(co.ws.uow, moved, moved.version)
                at = replay.changes[deal_id][-1].at
                continue
            replay.changes[deal_id].append(StageChange(
                deal_id=deal_id, from_stage_id=co.stage(where), to_stage_id=co.stage(target),
                at=at, amount=won if target == "Won" else amount))
            where = target
    moments = sorted({c.at for cs in replay.changes.values() for c in cs})
    probes = [T0 - timedelta(days=1), *moments[::3],
              *(m - timedelta(microseconds=1) for m in moments[1::4]),
              T0 + timedelta(days=400)]
    for when in probes:
        assert _played(co.board(as_of=when, closed_limit=1000)) == replay.expected(when), when
    now = co.board(closed_limit=1000)
    latest = replay.expected(T0 + timedelta(days=400))
    assert {k: v[0] for k, v in _played(now).items()} == {k: v[0] for k, v in latest.items()}


def test_an_undone_move_leaves_no_trace_in_the_replay(co: Company) -> None:
    deal_id = co.deal("Acme", amount=Decimal("100.00"))
    moved = co.move(deal_id, "Won", T0 + timedelta(days=2), won_amount=Decimal("80.00"))
    day3 = T0 + timedelta(days=3)
    assert co.cards(as_of=day3)["Won"] == ["Acme"]
    assert co.board(as_of=day3).columns[2].amount == Decimal("80.00")
    pl.undo_move(co.ws.uow, moved, moved.version)
    assert co.cards(as_of=day3)["Prospecting"] == ["Acme"]
    assert co.cards(as_of=day3)["Won"] == []
    [card] = co.board(as_of=day3).columns[0].cards
    assert (card.entered_at, card.amount) == (T0, Decimal("100.00"))


def test_as_of_is_a_moment_in_any_time_zone(co: Company) -> None:
    deal_id = co.deal("Acme", amount=Decimal("100.00"))
    co.move(deal_id, "Engaging", datetime(2026, 2, 1, 12, tzinfo=UTC))
    plus2 = timezone(timedelta(hours=2))
    assert co.cards(as_of=datetime(2026, 2, 1, 13, 59, tzinfo=plus2))["Prospecting"] == \
        ["Acme"]
    assert co.cards(as_of=datetime(2026, 2, 1, 14, 0, tzinfo=plus2))["Engaging"] == ["Acme"]
    assert co.board(as_of=T0 - timedelta(seconds=1)).columns[0].count == 0
    with pytest.raises(ValueError, match="time zone"):
        co.board(as_of=datetime(2026, 2, 1))


def test_a_deal_created_and_closed_at_once_is_closed_then(co: Company) -> None:
    deal_id = co.deal("Instant", amount=Decimal("1.00"))
    co.move(deal_id, "Won", T0, won_amount=Decimal("1.00"))
    assert co.cards(as_of=T0)["Won"] == ["Instant"]
    assert co.cards(as_of=T0)["Prospecting"] == []


def test_deals_deleted_or_in_removed_stages_are_not_replayed(co: Company) -> None:
    gone = co.deal("Gone")
    pl.delete_deal(co.ws.uow, gone, 1)
    moved = co.deal("Moved on")
    co.move(moved, "Engaging", T0 + timedelta(days=1))
    co.move(moved, "Prospecting", T0 + timedelta(days=2))
    with co.ws.uow() as uow:
        specs = [ps.StageSpec(s.name, s.probability, s.category, s.outcome, s.rotting_days,
                              s.id) for s in ps.stages_of(uow, co.pipeline_id)
                 if s.name != "Engaging"]
    ps.save_stages(co.ws.uow, co.pipeline_id, specs)
    day1 = T0 + timedelta(days=1, hours=1)
    board = co.board(as_of=day1)
    assert [c.stage.name for c in board.columns] == ["Prospecting", "Won", "Lost"]
    assert sum(c.count for c in board.columns) == 0
    assert co.cards(as_of=T0 + timedelta(days=3))["Prospecting"] == ["Moved on"]


# --- the list ----------------------------------------------------------------------
@pytest.fixture
def listed(co: Company) -> Company:
    rows = [("Delta", "Globex", "Bob Roy", "Engaging", "300.00", None, date(2026, 5, 1)),
            ("alpha", "Acme Corp", "Ann Lee", "Prospecting", "300.00", 90, None),
            ("", "Initech", "Cy Ode", "Prospecting", "50.00", None, date(2026, 2, 1)),
            ("Bravo", None, None, "Engaging", "1000.00", 5, date(2026, 2, 1)),
            ("charlie", "Acme Corp", "Bob Roy", "Prospecting", "0.00", None,
             date(2026, 9, 9)),
            ("Echo", "Globex", None, "Engaging", "75.25", None, None)]
    for i, (title, account, owner, stage, amount, p, close) in enumerate(rows):
        co.deal(title, stage, at=T0 + timedelta(days=i),
                account_id=co.id(account) if account else None,
                owner_id=co.id(owner) if owner else None, amount=Decimal(amount),
                probability=p, expected_close=close, created_on=date(2026, 1, 10 - i))
    won = co.deal("Foxtrot", account_id=co.id("Initech"), amount=Decimal("20.00"))
    co.move(won, "Won", T0 + timedelta(days=9), won_amount=Decimal("2000.00"))
    return co


def _sort_value(card: DealCard, key: str, co: Company) -> Any:
    position = {s.id: s.position for s in co.stages.values()}
    return {"title": (card.title or card.account or card.reference or "").lower(),
            "account": card.account.lower() if card.account else None,
            "owner": card.owner.lower() if card.owner else None,
            "stage": position[card.stage_id], "amount": card.amount,
            "probability": card.probability, "expected_close": card.expected_close,
            "created_on": card.created_on}[key]


@pytest.mark.parametrize("key", sorted(pq.DEAL_SORT))
@pytest.mark.parametrize("descending", [False, True])
def test_deal_list_sorts_and_pages_in_sql(listed: Company, key: str,
                                          descending: bool) -> None:
    with listed.ws.engine.connect() as conn:
        everything = pq.deal_list(conn, listed.pipeline_id, order_by=key,
                                  descending=descending)
        pages = [pq.deal_list(conn, listed.pipeline_id, order_by=key, descending=descending,
                              offset=offset, limit=3) for offset in range(0, 9, 3)]
        assert pq.deal_count(conn, listed.pipeline_id) == 7
    assert len(everything) == 7 and [c for page in pages for c in page] == everything
    present = [c for c in everything if _sort_value(c, key, listed) is not None]
    missing = [c for c in everything if _sort_value(c, key, listed) is None]
    assert everything == present + missing  # nothing to sort by: last, either way
    expected = sorted(present, key=lambda c: c.id)
    expected.sort(key=lambda c: _sort_value(c, key, listed), reverse=descending)
    if descending:  # ties still go by id, ascending
        groups: dict[Any, list[DealCard]] = {}
        for c in expected:
            groups.setdefault(_sort_value(c, key, listed), []).append(c)
        expected = [c for g in groups.values() for c in sorted(g, key=lambda c: c.id)]
    assert present == expected
    assert missing == sorted(missing, key=lambda c: c.id)


def test_deal_list_shows_values_as_the_board_does(listed: Company) -> None:
    with listed.ws.engine.connect() as conn:
        cards = {c.title: c for c in pq.deal_list(conn, listed.pipeline_id)}
    assert cards["Foxtrot"].amount == Decimal("2000.00")
    assert cards["Foxtrot"].closed_on == (T0 + timedelta(days=9)).date()
    assert cards["Foxtrot"].probability == 100
    assert cards["alpha"].probability == 90 and cards["Delta"].probability == 40
    assert cards[""].label == "Initech" and cards["Echo"].owner is None


# --- one deal ------------------------------------------------------------------------
def test_deal_detail(co: Company) -> None:
    uow = co.ws.uow
    deal_id = co.deal("Acme", account_id=co.id("Acme Corp"), owner_id=co.id("Ann Lee"),
                      contact_name="Wile E.", contact_email="WILE@acme.example",
                      probability=35, category="commit", next_step="Send quote",
                      lines=[LineSpec(co.id("MG Special"), 1, Decimal("0.05"), Decimal("50")),
                             LineSpec(co.id("GTX Pro"), 2, Decimal("4821.00"),
                                      Decimal("12.5"))])
    call = pl.add_activity(uow, deal_id, "call", "Intro call", date(2026, 1, 9))
    pl.add_activity(uow, deal_id, "task", "Send deck", None)
    pl.add_activity(uow, deal_id, "meeting", "Demo", date(2026, 1, 7))
    pl.set_activity_done(uow, call.id, call.version, True)
    pl.add_note(uow, deal_id, "Likes the price.")
    pl.add_note(uow, deal_id, "Wants SSO.")
    co.move(deal_id, "Engaging", T0 + timedelta(days=1))
    co.move(deal_id, "Lost", T0 + timedelta(days=2), lost_reason_id=co.reason("Timing"))
    co.move(deal_id, "Engaging", T0 + timedelta(days=3), reopen=True)
    co.move(deal_id, "Won", T0 + timedelta(days=4), won_amount=Decimal("8400.00"))

    with co.ws.engine.connect() as conn:
        d = pq.deal_detail(conn, deal_id)
        assert pq.deal_detail(conn, "no-such-deal") is None
    assert d is not None
    assert (d.title, d.account, d.owner, d.contact_name, d.contact_email, d.next_step) == (
        "Acme", "Acme Corp", "Ann Lee", "Wile E.", "wile@acme.example", "Send quote")
    assert (d.stage, d.probability, d.stage_probability, d.category, d.stage_category) == (
        "Won", 35, 100, "commit", "closed")
    assert (d.amount, d.won_amount, d.won_on, d.lost_on, d.lost_reason) == (
        Decimal("8436.78"), Decimal("8400.00"), date(2026, 1, 9), None, None)
    assert [(x.product, x.quantity, x.amount) for x in d.lines] == [
        ("MG Special", 1, Decimal("0.03")), ("GTX Pro", 2, Decimal("8436.75"))]
    assert [a.subject for a in d.activities] == ["Demo", "Send deck", "Intro call"]
    assert d.activities[2].done_at is not None and d.activities[0].kind == "meeting"
    assert [n.body for n in d.notes] == ["Wants SSO.", "Likes the price."]
    assert [(h.from_stage, h.to_stage) for h in d.history] == [
        (None, "Prospecting"), ("Prospecting", "Engaging"), ("Engaging", "Lost"),
        ("Lost", "Engaging"), ("Engaging", "Won")]
    assert [h.at for h in d.history] == [T0 + timedelta(days=i) for i in range(5)]
    assert d.history[-1].amount == Decimal("8400.00")
    assert d.stage_entered_at == T0 + timedelta(days=4)


# --- report ------------------------------------------------------------------------
def test_pipeline_summary_shape_and_exact_text(co: Company) -> None:
    co.deal("A", amount=Decimal("0.05"), probability=33)
    co.deal("B", amount=Decimal("1000.00"))
    co.deal("C", "Engaging", amount=Decimal("10.10"))
    won = co.deal("W", amount=Decimal("5.00"))
    co.move(won, "Won", T0 + timedelta(days=1), won_amount=Decimal("7.25"))
    lost = co.deal("L", amount=Decimal("3.30"))
    co.move(lost, "Lost", T0 + timedelta(days=1), lost_reason_id=co.reason("Price"))
    with co.ws.engine.connect() as conn:
        summary = pq.pipeline_summary(conn)
    assert summary == {
        "stages": [
            {"stage": "Prospecting", "count": 2, "amount": "1000.05",
             "weighted_amount": "100.0165"},
            {"stage": "Engaging", "count": 1, "amount": "10.10", "weighted_amount": "4.04"},
        ],
        "won": {"count": 1, "amount": "7.25"},
        "lost": {"count": 1, "amount": "3.30"},
    }


def test_an_empty_pipeline_summary_has_zeros(co: Company) -> None:
    with co.ws.engine.connect() as conn:
        summary = pq.pipeline_summary(conn)
    assert summary["stages"][0] == {"stage": "Prospecting", "count": 0, "amount": "0.00",
                                    "weighted_amount": "0.00"}
    assert summary["won"] == {"count": 0, "amount": "0.00"}


# --- concurrency ---------------------------------------------------------------------
def test_two_units_of_work_on_one_deal_the_second_loses(co: Company) -> None:
    deal_id = co.deal("Acme", amount=Decimal("100.00"))
    with co.ws.uow() as first, co.ws.uow() as second:
        mine, theirs = first.deals.get(deal_id), second.deals.get(deal_id)
        mine.update(title="Mine")
        first.commit()
        theirs.update(title="Theirs")
        with pytest.raises(ConcurrentEditError, match="deal"):
            second.commit()
    with co.ws.engine.connect() as conn:
        d = pq.deal_detail(conn, deal_id)
    assert d is not None and (d.title, d.version) == ("Mine", 2)


def test_a_stale_version_is_refused_by_every_deal_action(co: Company) -> None:
    deal_id = co.deal("Acme", amount=Decimal("100.00"))
    pl.edit_deal(co.ws.uow, deal_id, 1, {"title": "Edited"})
    engaging = co.stage("Engaging")
    for action in (lambda: pl.edit_deal(co.ws.uow, deal_id, 1, {"title": "Stale"}),
                   lambda: pl.move_deal(co.ws.uow, deal_id, 1, engaging),
                   lambda: pl.delete_deal(co.ws.uow, deal_id, 1)):
        with pytest.raises(ConflictError):
            action()
    with co.ws.engine.connect() as conn:
        d = pq.deal_detail(conn, deal_id)
        changes = conn.execute(sa.select(sa.func.count()).select_from(
            sa.text("deal_stage_changes"))).scalar()
    assert d is not None and (d.title, d.stage, d.version) == ("Edited", "Prospecting", 2)
    assert changes == 1


def test_lines_written_and_read_back_exactly(co: Company) -> None:
    deal_id = co.deal("Lines", lines=[LineSpec(co.id("Zen Basic"), 3, Decimal("99.99"),
                                               Decimal("33.33"))])
    saved = pl.edit_deal(co.ws.uow, deal_id, 1, {},
                         lines=[LineSpec(co.id("Zen Basic"), 3, Decimal("99.99"),
                                         Decimal("33.34"))])
    assert saved.version == 2
    with co.ws.engine.connect() as conn:
        d = pq.deal_detail(conn, deal_id)
    assert d is not None and d.amount == d.lines[0].amount == Decimal("199.96")
    assert d.lines[0].discount == Decimal("33.34")


# --- cost ------------------------------------------------------------------------------
def _statements(ws: Workspace, run: Callable[[sa.Connection], object]) -> list[str]:
    seen: list[str] = []

    def count(_conn: Any, _cursor: Any, statement: str, *_: Any) -> None:
        seen.append(statement)

    sa.event.listen(ws.engine, "before_cursor_execute", count)
    try:
        with ws.engine.connect() as conn:
            run(conn)
    finally:
        sa.event.remove(ws.engine, "before_cursor_execute", count)
    return seen


@pytest.mark.parametrize("as_of", [None, T0 + timedelta(days=30)])
def test_the_board_costs_the_same_few_statements_at_any_size(co: Company,
                                                             as_of: datetime | None) -> None:
    def board(conn: sa.Connection) -> object:
        return pq.board(conn, co.pipeline_id, DealFilter(search="deal"), as_of=as_of)

    def grow(n: int) -> None:
        for i in range(n):
            deal_id = co.deal(f"Deal {i}", amount=Decimal("1.00"))
            if i % 3 == 0:
                co.move(deal_id, "Won", T0 + timedelta(days=1), won_amount=Decimal("1.00"))
            if i % 3 == 1:
                co.move(deal_id, "Lost", T0 + timedelta(days=1),
                        lost_reason_id=co.reason("Price"))

    grow(3)
    small = _statements(co.ws, board)
    grow(12)
    # stages, totals, cards x3 (open, won, lost), stale counts
    assert len(_statements(co.ws, board)) == len(small) <= 6


def test_a_paged_board_reads_long_open_columns_page_by_page(co: Company) -> None:
    """With open_limit, an open column holds its first cards in the board's order, the
    totals and stale count still cover every deal, and stage_cards reads on from there
    until the column is complete, in the same order as the unpaged board."""
    for i in range(7):
        co.deal(f"Deal {i}", amount=Decimal(f"{10 + i}.00"))
    with co.ws.engine.connect() as conn:
        full = pq.board(conn, co.pipeline_id)
        paged = pq.board(conn, co.pipeline_id, open_limit=3)
        for whole, part in zip(full.columns, paged.columns, strict=True):
            assert (part.count, part.amount, part.weighted, part.stale) == \
                (whole.count, whole.amount, whole.weighted, whole.stale)
            if not whole.stage.is_open:
                assert part.cards == whole.cards
                continue
            assert part.cards == whole.cards[:3]
            assert part.complete == (whole.count <= 3)
            cards = list(part.cards)
            while len(cards) < part.count:
                page = pq.stage_cards(conn, co.pipeline_id, part.stage.id, offset=len(cards),
                                      limit=3)
                assert page, "a page short of the total"
                cards += page
            assert [c.id for c in cards] == [c.id for c in whole.cards]


def test_stale_counts_follow_the_rotting_rule(co: Company) -> None:
    """A deal is stale once it spent more than rotting_days whole days in its stage, as
    domain.deals.is_rotting says, counted in SQL per open stage."""
    from salesdesk.domain.deals import days_in_stage

    for i in range(4):
        co.deal(f"Deal {i}")
    with co.ws.engine.connect() as conn:
        board = pq.board(conn, co.pipeline_id)
        later = datetime.now(UTC) + timedelta(days=400)
        for col in board.columns:
            if col.stage.is_open and col.stage.rotting_days is not None:
                expected = sum(days_in_stage(c.entered_at, datetime.now(UTC))
                               > col.stage.rotting_days for c in col.cards)
                assert col.stale == expected
        future = pq.board(conn, co.pipeline_id, as_of=later)
        for col in future.columns:
            if col.stage.is_open and col.stage.rotting_days is not None and col.count:
                assert col.stale == col.count  # everyone rots in 400 days


def test_sqlite_answers_the_board_from_its_indexes(co: Company, backend: str) -> None:
    """The open cards use the (stage_id, deleted_at) index; the replay seeks each deal's
    history on (deal_id, at) rather than reading all of it."""
    if backend != "sqlite":
        pytest.skip("EXPLAIN QUERY PLAN is SQLite's")
    co.deal("Acme")

    def plan(conn: sa.Connection, stmt: sa.Select[Any]) -> str:
        sql = str(stmt.compile(conn.engine, compile_kwargs={"literal_binds": True}))
        return " | ".join(r[-1] for r in conn.exec_driver_sql(f"EXPLAIN QUERY PLAN {sql}"))

    with co.ws.engine.connect() as conn:
        cards, pos = pq._filtered(conn, [], co.pipeline_id, pq.NO_FILTER, None)
        cards = cards.with_only_columns(*pq._card_columns(pos)).where(
            pos.stage_id.in_([co.stage("Prospecting"), co.stage("Engaging")]))
        replay, pos = pq._filtered(conn, [], co.pipeline_id, pq.NO_FILTER, T0)
        replay = replay.with_only_columns(pos.stage_id, sa.func.count()) \
            .group_by(pos.stage_id)
        live_plan, replay_plan = plan(conn, cards), plan(conn, replay)
    assert "ix_deals_stage_live" in live_plan
    assert "ix_deal_stage_changes_deal" in replay_plan
    assert "SCAN deal_stage_changes" not in replay_plan


def test_the_replay_does_not_depend_on_the_session_time_zone(filtered: Company,
                                                             backend: str) -> None:
    later = datetime(2026, 6, 1, tzinfo=UTC)
    march = DealFilter(close_from=date(2026, 3, 31), close_to=date(2026, 3, 31))
    with filtered.ws.engine.connect() as conn:
        if backend == "postgresql":
            conn.exec_driver_sql("SET TIME ZONE 'Asia/Kathmandu'")
        board = pq.board(conn, filtered.pipeline_id, march, as_of=later)
    assert [c.title for c in board.columns[2].cards] == ["Acme won"]
    assert board.columns[2].cards[0].closed_on == date(2026, 3, 31)
