"""The analysis reports (storage/analysis_queries.py) on SQLite and PostgreSQL: a small
hand-built pipeline with answers worked out by hand, the sample company against its CSV,
and the `report` command in every format."""

from __future__ import annotations

import argparse
import csv
import io
import json
import uuid
from collections import Counter, defaultdict
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
import sqlalchemy as sa

from salesdesk import cli_reports
from salesdesk.domain.accounts import Account, Product
from salesdesk.domain.members import Member, Team
from salesdesk.domain.periods import FISCAL_START_SETTING, containing, parse_period
from salesdesk.domain.territories import Territory
from salesdesk.services import pipeline as pl
from salesdesk.services import pipeline_setup as ps
from salesdesk.storage import analysis_queries as aq
from salesdesk.storage import tables as t
from salesdesk.storage.analysis_rows import FunnelRow
from salesdesk.storage.workspace import Workspace

Q1_2017 = parse_period("2017-Q1")


def at(day: str) -> datetime:
    return datetime.fromisoformat(day).replace(hour=9, tzinfo=UTC)


@dataclass
class Company:
    ws: Workspace
    url: str
    ids: dict[str, str]


def _setup(ws: Workspace) -> dict[str, str]:
    ids: dict[str, str] = {}
    with ws.uow() as uow:
        north = Team(name="North")
        eu = Territory(name="EU")
        uow.teams.add(north)
        uow.territories.add(eu)
        for key, entity in {
            "ann": Member(name="Ann Archer", team_id=north.id),
            "bob": Member(name="Bob Baker"),
            "acme": Account(name="Acme", sector="Technology", territory_id=eu.id),
            "beta": Account(name="Beta", sector="retail"),
            "p1": Product(name="P1", list_price=Decimal("100.00")),
            "p2": Product(name="P2", list_price=Decimal("50.00")),
        }.items():
            getattr(uow, {"ann": "members", "bob": "members", "acme": "accounts",
                          "beta": "accounts"}.get(key, "products")).add(entity)
            ids[key] = entity.id
        uow.commit()
    ps.ensure_pipeline(ws.uow)
    with ws.uow() as uow:
        pipeline = uow.pipelines.list()[0]
        for s in ps.stages_of(uow, pipeline.id):
            ids[s.name] = s.id
        for name in ("Price", "Competitor"):
            reason = uow.lost_reasons.by_name(name)
            assert reason is not None
            ids[name] = reason.id
    now = datetime.now(UTC)
    with ws.engine.begin() as conn:
        for key, source, status in (("l1", "web", "converted"), ("l2", "event", "qualified"),
                                    ("l3", "web", "new")):
            ids[key] = str(uuid.uuid4())
            conn.execute(sa.insert(t.leads).values(
                id=ids[key], person_name=key, source=source, status=status, created_at=now,
                updated_at=now, updated_by="test"))
    return ids


def _deal(ws: Workspace, ids: dict[str, str], created: str, moves: list[tuple[str, str]],
          lines: tuple[str, ...] = (), **fields: Any) -> str:
    """A deal created on `created` in Prospecting, then moved: (stage, day) per move;
    won at "Won:<amount>", lost at "Lost:<reason>"."""
    specs = [pl.LineSpec(ids[p], 1, Decimal("100.00") if p == "p1" else Decimal("50.00"))
             for p in lines]
    saved = pl.add_deal(ws.uow, lines=specs, now=at(created), created_on=date.fromisoformat(
        created), **fields)
    for target, day in moves:
        stage, _, extra = target.partition(":")
        pl.move_deal(ws.uow, saved.deal_id, None, ids[stage], at=at(day),
                     won_amount=Decimal(extra) if stage == "Won" else None,
                     lost_reason_id=ids[extra] if stage == "Lost" else None)
    return saved.deal_id


@pytest.fixture
def company(workspace: Workspace, workspace_url: str) -> Company:
    """Ann (team North) and Bob (no team); Acme (EU, technology), Beta (retail); see the
    comments for each deal's part in the expected figures."""
    ws, ids = workspace, _setup(workspace)
    ann, bob, acme, beta = ids["ann"], ids["bob"], ids["acme"], ids["beta"]
    # D1 Ann/Acme/P1/web lead: Prospecting 01-10, Engaging 02-01, won 03-01 for 120 (50 days)
    ids["d1"] = _deal(ws, ids, "2017-01-10", [("Engaging", "2017-02-01"),
                                              ("Won:120.00", "2017-03-01")], ("p1",),
                      owner_id=ann, account_id=acme, lead_id=ids["l1"], title="D1")
    # D2 Ann/Acme/P1+P2 (150): lost 02-15 for Price
    ids["d2"] = _deal(ws, ids, "2017-01-20", [("Lost:Price", "2017-02-15")], ("p1", "p2"),
                      owner_id=ann, account_id=acme, title="D2")
    # D3 Ann/Beta/P2: Engaging 03-10, won 04-10 for 50 (68 days): open at the end of Q1
    ids["d3"] = _deal(ws, ids, "2017-02-01", [("Engaging", "2017-03-10"),
                                              ("Won:50.00", "2017-04-10")], ("p2",),
                      owner_id=ann, account_id=beta, title="D3")
    # D4 Bob/Beta/no lines (200)/event lead: Engaging 03-05, still open; a loss taken back
    ids["d4"] = _deal(ws, ids, "2017-03-01", [("Engaging", "2017-03-05")], owner_id=bob,
                      account_id=beta, amount=Decimal("200.00"), lead_id=ids["l2"], title="D4")
    moved = pl.move_deal(ws.uow, ids["d4"], None, ids["Lost"], at=at("2017-03-06"),
                         lost_reason_id=ids["Price"])
    pl.undo_move(ws.uow, moved, None)
    # D5 Bob/Acme/P1: lost 03-20 to a Competitor
    ids["d5"] = _deal(ws, ids, "2017-02-10", [("Lost:Competitor", "2017-03-20")], ("p1",),
                      owner_id=bob, account_id=acme, title="D5")
    # D6 Bob/Acme/P2: won straight from Prospecting 01-25 for 60 (20 days)
    ids["d6"] = _deal(ws, ids, "2017-01-05", [("Won:60.00", "2017-01-25")], ("p2",),
                      owner_id=bob, account_id=acme, title="D6")
    # D7 no owner, no account (10): open, created after Q1
    ids["d7"] = _deal(ws, ids, "2017-05-01", [], amount=Decimal("10.00"), title="D7")
    # D8 Ann: won for 1000, then deleted: counts nowhere
    ids["d8"] = _deal(ws, ids, "2017-01-02", [("Won:1000.00", "2017-01-03")], owner_id=ann,
                      title="D8")
    for deal, body in (("d2", "Too expensive"), ("d2", "=cheaper offer elsewhere"),
                       ("d1", "Loved the demo"), ("d5", "Chose a rival"), ("d4", "Call back"),
                       ("d8", "deleted deal")):
        pl.add_note(ws.uow, ids[deal], body)
    pl.delete_deal(ws.uow, ids["d8"], None)
    call = pl.add_activity(ws.uow, ids["d1"], "call", "Demo", date(2017, 2, 10))
    pl.set_activity_done(ws.uow, call.id, None, True, now=at("2017-02-10"))
    pl.add_activity(ws.uow, ids["d4"], "meeting", "Visit", date(2017, 3, 10))
    pl.add_activity(ws.uow, ids["d4"], "email", "Follow up", date(2099, 1, 1))
    task = pl.add_activity(ws.uow, ids["d3"], "task", "Quote")
    pl.set_activity_done(ws.uow, task.id, None, True, now=at("2017-03-15"))
    return Company(ws, workspace_url, ids)


@pytest.fixture
def conn(company: Company) -> Iterator[sa.Connection]:
    with company.ws.engine.connect() as c:
        yield c


def brief(rows: list[FunnelRow]) -> dict[str, tuple[Any, ...]]:
    return {r.key: (r.won, r.lost, r.open, r.win_rate, r.won_amount) for r in rows}


# --- funnel ---------------------------------------------------------------------------
def test_funnel_by_member_all_time(conn: sa.Connection) -> None:
    rows = aq.funnel(conn, "member")
    assert [r.key for r in rows] == ["Ann Archer", "Bob Baker", "(no owner)", aq.TOTAL]
    assert brief(rows) == {
        "Ann Archer": (2, 1, 0, 2 / 3, Decimal("170.00")),
        "Bob Baker": (1, 1, 1, 0.5, Decimal("60.00")),
        "(no owner)": (0, 0, 1, None, Decimal("0.00")),
        aq.TOTAL: (3, 2, 2, 0.6, Decimal("230.00"))}
    stages = {r.key: r.stage_counts for r in rows}
    # cumulative: D6 (won straight from Prospecting) counts in Engaging; the loss taken
    # back (a deleted history row) counts nowhere
    assert stages == {
        "Ann Archer": {"Prospecting": 3, "Engaging": 2, "Won": 2, "Lost": 1},
        "Bob Baker": {"Prospecting": 3, "Engaging": 2, "Won": 1, "Lost": 1},
        "(no owner)": {"Prospecting": 1, "Engaging": 0, "Won": 0, "Lost": 0},
        aq.TOTAL: {"Prospecting": 7, "Engaging": 4, "Won": 3, "Lost": 2}}
    total = rows[-1].stages
    assert [(s.stage, s.dropped) for s in total] == [
        ("Prospecting", 3), ("Engaging", 1), ("Won", None), ("Lost", None)]
    assert total[0].drop_rate == pytest.approx(3 / 7)


def test_funnel_in_a_past_period(conn: sa.Connection) -> None:
    rows = aq.funnel(conn, "member", Q1_2017)
    # closed in Q1: D1 won, D6 won, D2 and D5 lost; open on April 1st: D3 and D4; D7 did
    # not exist yet, so nobody without an owner shows
    assert brief(rows) == {
        "Ann Archer": (1, 1, 1, 0.5, Decimal("120.00")),
        "Bob Baker": (1, 1, 1, 0.5, Decimal("60.00")),
        aq.TOTAL: (2, 2, 2, 0.5, Decimal("180.00"))}
    assert rows[0].stage_counts == {"Prospecting": 3, "Engaging": 2, "Won": 1, "Lost": 1}
    assert aq.funnel(conn, "member", parse_period("2017-04"))[0].stage_counts["Won"] == 1


def test_open_in_the_current_period_is_open_now(conn: sa.Connection) -> None:
    this_year = containing(datetime.now(UTC).date(), "year")
    rows = brief(aq.funnel(conn, "member", this_year))
    assert rows == {"Bob Baker": (0, 0, 1, None, Decimal("0.00")),
                    "(no owner)": (0, 0, 1, None, Decimal("0.00")),
                    aq.TOTAL: (0, 0, 2, None, Decimal("0.00"))}


def test_moves_back_and_reopened_deals(company: Company) -> None:
    ws, ids = company.ws, company.ids
    # D10 Bob: Engaging, then back to Prospecting: it reached Engaging, and is open
    _deal(ws, ids, "2017-06-01", [("Engaging", "2017-06-05"), ("Prospecting", "2017-06-10")],
          owner_id=ids["bob"], title="D10")
    # D11 Bob: lost on 06-02, reopened into Engaging on 06-03
    d11 = _deal(ws, ids, "2017-06-01", [("Lost:Price", "2017-06-02")], owner_id=ids["bob"],
                title="D11")
    pl.move_deal(ws.uow, d11, None, ids["Engaging"], reopen=True, at=at("2017-06-03"))
    with ws.engine.connect() as c:
        bob = {r.key: r for r in aq.funnel(c, "member")}["Bob Baker"]
        assert (bob.won, bob.lost, bob.open) == (1, 1, 3)
        assert bob.stage_counts == {"Prospecting": 5, "Engaging": 4, "Won": 1, "Lost": 2}
        june = {r.key: r for r in aq.funnel(c, "member", parse_period("2017-06"))}
        assert june["Bob Baker"].stage_counts == {"Prospecting": 2, "Engaging": 2, "Won": 0,
                                                  "Lost": 1}
        # open when each period ended, replayed: from the moves before the end (January)
        # or from the deals open now and the moves since (June, the second of June)
        assert brief(aq.funnel(c, "member", parse_period("2017-01"))) == {
            "Ann Archer": (0, 0, 2, None, Decimal("0.00")),
            "Bob Baker": (1, 0, 0, 1.0, Decimal("60.00")),
            aq.TOTAL: (1, 0, 2, 1.0, Decimal("60.00"))}
        assert {r.key: r.open for r in june.values()} == {
            "Bob Baker": 3, "(no owner)": 1, aq.TOTAL: 4}
        second = {r.key: r.open for r in aq.funnel(c, "member", parse_period("2017-06-02"))}
        assert second == {"Bob Baker": 2, "(no owner)": 1, aq.TOTAL: 3}  # D11 lost that day


def test_the_fiscal_year_follows_the_workspace_setting(company: Company) -> None:
    with company.ws.uow() as uow:
        uow.set_setting(FISCAL_START_SETTING, "2")
        uow.commit()
    with company.ws.engine.connect() as c:
        period = aq.period_named(c, "2017-Q1")
        assert (period.start, period.end) == (date(2016, 2, 1), date(2016, 5, 1))
        assert aq.fiscal_start(c) == 2


@pytest.mark.parametrize("by, expected", [
    ("team", {"North": (2, 1, 0), "(no team)": (1, 1, 2)}),
    ("territory", {"EU": (2, 2, 0), "(no territory)": (1, 0, 2)}),
    ("segment", {"retail": (1, 0, 1), "technology": (2, 2, 0), "(no segment)": (0, 0, 1)}),
    ("source", {"event": (0, 0, 1), "web": (1, 0, 0), "(no lead)": (2, 2, 1)}),
    # a deal counts under each of its products: D2 (P1 + P2) is lost under both
    ("product", {"P1": (1, 2, 0), "P2": (2, 1, 0), "(no product)": (0, 0, 2)}),
])
def test_funnel_by_each_dimension(conn: sa.Connection, by: str,
                                  expected: dict[str, tuple[int, int, int]]) -> None:
    rows = aq.funnel(conn, by)
    assert {r.key: (r.won, r.lost, r.open) for r in rows[:-1]} == expected
    assert (rows[-1].key, rows[-1].won, rows[-1].lost, rows[-1].open) == (aq.TOTAL, 3, 2, 2)


def test_product_won_amounts(conn: sa.Connection) -> None:
    rows = {r.key: r for r in aq.funnel(conn, "product")}
    assert (rows["P1"].won_amount, rows["P2"].won_amount) == (Decimal("120.00"),
                                                              Decimal("110.00"))
    assert rows["P1"].stage_counts["Lost"] == 2


# --- win/loss -------------------------------------------------------------------------
def test_win_loss_metrics(conn: sa.Connection) -> None:
    report = aq.win_loss(conn, "member")
    rows = {r.key: r for r in report.rows}
    ann, bob, total = rows["Ann Archer"], rows["Bob Baker"], rows[aq.TOTAL]
    assert (ann.avg_deal, ann.cycle_days, ann.cycle_median) == (Decimal("85.00"), 59, 59)
    assert ann.velocity == Decimal("0.00")  # nothing open
    # 1 open x 1/2 x 60 / 20 days
    assert (bob.avg_deal, bob.cycle_days, bob.velocity) == (Decimal("60.00"), 20,
                                                            Decimal("1.50"))
    # 2 open x 3/5 x 230/3 / 46 days = 2.00 a day; cycles 20, 50, 68
    assert (total.avg_deal, total.cycle_days, total.cycle_median, total.velocity) == (
        Decimal("76.67"), 46, 50, Decimal("2.00"))
    assert rows["(no owner)"].velocity is None
    assert (ann.activities, ann.activities_done, ann.activities_overdue) == (2, 2, 0)
    assert (bob.activities, bob.activities_done, bob.activities_overdue) == (2, 0, 1)
    assert report.coverage.value is None and "quota" in report.coverage.note


def test_loss_reasons_and_feedback(conn: sa.Connection) -> None:
    report = aq.win_loss(conn, "member")
    assert [(x.key, x.reason, x.count, x.amount, x.share) for x in report.loss_reasons] == [
        ("Ann Archer", "Price", 1, Decimal("150.00"), 1.0),
        ("Bob Baker", "Competitor", 1, Decimal("100.00"), 1.0),
        (aq.TOTAL, "Competitor", 1, Decimal("100.00"), 0.5),
        (aq.TOTAL, "Price", 1, Decimal("150.00"), 0.5)]
    feedback = {(f.key, f.reason): f for f in report.feedback}
    assert set(feedback) == {("Ann Archer", "Price"), ("Ann Archer", "(won)"),
                             ("Bob Baker", "Competitor"), (aq.TOTAL, "Price"),
                             (aq.TOTAL, "(won)"), (aq.TOTAL, "Competitor")}
    price = feedback[("Ann Archer", "Price")]
    assert price.notes == 2
    assert [n.body for n in price.latest] == ["=cheaper offer elsewhere", "Too expensive"]
    assert price.latest[0].deal == "D2"
    total = feedback[(aq.TOTAL, "Price")]
    assert (total.notes, [n.body for n in total.latest]) == (
        2, ["=cheaper offer elsewhere", "Too expensive"])
    assert feedback[(aq.TOTAL, "(won)")].notes == 1
    # by product, D2 (P1 + P2) shows under both products, and once in the total
    products = {(f.key, f.reason): f.notes for f in aq.win_loss(conn, "product").feedback}
    assert products[("P1", "Price")] == products[("P2", "Price")] == 2
    assert products[(aq.TOTAL, "Price")] == 2


def test_activities_in_a_period(conn: sa.Connection) -> None:
    report = aq.win_loss(conn, "member", Q1_2017)
    assert [(a.key, a.kind, a.total, a.done, a.overdue) for a in report.activities] == [
        ("Ann Archer", "call", 1, 1, 0), ("Ann Archer", "task", 1, 1, 0),
        ("Bob Baker", "meeting", 1, 0, 1),
        (aq.TOTAL, "call", 1, 1, 0), (aq.TOTAL, "meeting", 1, 0, 1),
        (aq.TOTAL, "task", 1, 1, 0)]
    assert [(r.key, r.won, r.cycle_days) for r in report.rows] == [
        ("Ann Archer", 1, 50), ("Bob Baker", 1, 20), (aq.TOTAL, 2, 35)]


# --- leaderboard and sources ----------------------------------------------------------
@pytest.mark.parametrize("metric, expected", [
    ("won_amount", [(1, "Ann Archer", Decimal("170.00")), (2, "Bob Baker", Decimal("60.00")),
                    (3, "(no owner)", Decimal("0.00"))]),
    ("cycle_days", [(1, "Bob Baker", 20), (2, "Ann Archer", 59), (3, "(no owner)", None)]),
    ("win_rate", [(1, "Ann Archer", 2 / 3), (2, "Bob Baker", 0.5), (3, "(no owner)", None)]),
    ("activities", [(1, "Ann Archer", 2), (2, "Bob Baker", 0), (2, "(no owner)", 0)]),
])
def test_leaderboard_order(conn: sa.Connection, metric: str, expected: list[Any]) -> None:
    rows = aq.leaderboard(conn, metric)
    assert [(r.rank, r.key, r.value) for r in rows] == expected


def test_leaderboard_ties_share_a_rank(conn: sa.Connection) -> None:
    rows = aq.leaderboard(conn, "won_count", "member", Q1_2017)
    assert [(r.rank, r.key, r.value) for r in rows] == [(1, "Ann Archer", 1),
                                                        (1, "Bob Baker", 1)]
    assert rows[0].metrics.won_amount == Decimal("120.00")


def test_lead_sources(conn: sa.Connection) -> None:
    rows = {r.source: r for r in aq.lead_sources(conn)}
    web, event = rows["web"], rows["event"]
    assert (web.leads, web.converted, web.conversion_rate, web.deals, web.won,
            web.won_amount) == (2, 1, 0.5, 1, 1, Decimal("120.00"))
    assert (event.leads, event.converted, event.deals, event.won, event.win_rate) == (
        1, 0, 1, 0, None)
    assert aq.lead_sources(conn, Q1_2017) == []  # the leads were created today


def test_unknown_dimension_or_metric_is_refused(conn: sa.Connection) -> None:
    from salesdesk.domain.errors import ValidationError

    with pytest.raises(ValidationError, match="not a dimension"):
        aq.funnel(conn, "planet")
    with pytest.raises(ValidationError, match="not a metric"):
        aq.leaderboard(conn, "charm")


# --- the CLI --------------------------------------------------------------------------
def run(company: Company, tmp_path: Path, capsys: pytest.CaptureFixture[str],
        *argv: str) -> str:
    parser = argparse.ArgumentParser()
    parser.add_argument("kind")
    parser.add_argument("--db")
    cli_reports.add_report_arguments(parser)
    args = parser.parse_args([*argv, "--db", company.url])
    capsys.readouterr()
    assert cli_reports.run_report(args) == 0
    return capsys.readouterr().out


def test_cli_funnel_json_has_the_agreed_shape(company: Company, tmp_path: Path,
                                              capsys: pytest.CaptureFixture[str]) -> None:
    data = json.loads(run(company, tmp_path, capsys, "funnel", "--format", "json"))
    assert list(data) == ["rows"]
    assert all(list(r) == ["key", "won", "lost", "open", "win_rate", "won_amount", "stages"]
               for r in data["rows"])
    total = data["rows"][-1]
    assert total == {"key": aq.TOTAL, "won": 3, "lost": 2, "open": 2, "win_rate": 0.6,
                     "won_amount": "230.00",
                     "stages": {"Prospecting": 7, "Engaging": 4, "Won": 3, "Lost": 2}}
    assert data["rows"][2]["win_rate"] is None


def test_cli_csv(company: Company, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = run(company, tmp_path, capsys, "leaderboard", "--metric", "velocity",
              "--format", "csv", "--period", "2017-Q1")
    rows = list(csv.DictReader(io.StringIO(out)))
    # in Q1: Bob 1 open x 1/2 x 60 / 20 days = 1.50 a day; Ann 1 x 1/2 x 120 / 50 = 1.20
    assert [(r["rank"], r["key"], r["velocity"]) for r in rows] == [
        ("1", "Bob Baker", "1.50"), ("2", "Ann Archer", "1.20")]
    assert rows[1]["won_amount"] == "120.00"
    written = tmp_path / "winloss.csv"
    run(company, tmp_path, capsys, "winloss", "--format", "csv", "--out", str(written))
    sections = written.read_text(encoding="utf-8-sig").split("\n\n")
    assert [s.splitlines()[0] for s in sections] == [
        "Win-loss", "Loss reasons", "Feedback", "Activities", "Quota coverage"]
    notes = list(csv.reader(io.StringIO(sections[2])))
    assert "'=cheaper offer elsewhere" in [r[-1] for r in notes]  # neutralised


def test_cli_xlsx(company: Company, tmp_path: Path,
                  capsys: pytest.CaptureFixture[str]) -> None:
    from openpyxl import load_workbook

    path = tmp_path / "winloss.xlsx"
    run(company, tmp_path, capsys, "winloss", "--format", "xlsx", "--out", str(path))
    wb = load_workbook(path)
    assert wb.sheetnames == ["Win-loss", "Loss reasons", "Feedback", "Activities",
                             "Quota coverage"]
    main = wb["Win-loss"]
    assert main.freeze_panes == "A2"
    header = [c.value for c in main[1]]
    assert header[:6] == ["key", "won", "lost", "open", "win_rate", "won_amount"]
    total = [c for c in main[main.max_row]]
    assert total[0].value == aq.TOTAL and total[5].value == 230
    assert total[5].number_format == "#,##0.00" and total[4].number_format == "0.0%"
    note = next(c for row in wb["Feedback"].iter_rows() for c in row
                if c.value == "=cheaper offer elsewhere")
    assert note.data_type == "s" and note.quotePrefix


def test_cli_table_and_errors(company: Company, tmp_path: Path,
                              capsys: pytest.CaptureFixture[str]) -> None:
    from salesdesk.domain.errors import ValidationError

    text = run(company, tmp_path, capsys, "funnel", "--by", "team")
    lines = text.splitlines()
    assert lines[0] == "Funnel" and lines[2].split()[:3] == ["key", "won", "lost"]
    assert any(line.startswith("North ") and "66.7 %" in line for line in lines)
    sources = run(company, tmp_path, capsys, "sources").splitlines()
    assert [line.split()[:3] for line in sources[4:6]] == [["event", "1", "0"],
                                                           ["web", "2", "1"]]
    with pytest.raises(ValidationError, match="--out"):
        run(company, tmp_path, capsys, "funnel", "--format", "xlsx")
    with pytest.raises(ValidationError, match="not a period"):
        run(company, tmp_path, capsys, "funnel", "--period", "Q5")
    parser = argparse.ArgumentParser()
    parser.add_argument("kind")
    cli_reports.add_report_arguments(parser)
    assert cli_reports.run_report(parser.parse_args(["forecast"])) is None


# --- the sample company against its CSV ---------------------------------------------
def sample_by_agent(sample_dir: Path) -> dict[str, tuple[int, int, Decimal]]:
    counts: dict[str, Counter[str]] = defaultdict(Counter)
    won: dict[str, Decimal] = defaultdict(Decimal)
    with (sample_dir / "sales_pipeline.csv").open(newline="", encoding="utf-8") as fh:
        for row in csv.DictReader(fh):
            agent, stage = row["sales_agent"], row["deal_stage"]
            counts[agent][stage] += 1
            if stage == "Won":
                won[agent] += Decimal(row["close_value"])
    return {a: (c["Won"], c["Lost"], won[a]) for a, c in counts.items()}


@pytest.mark.slow
def test_sample_funnel_matches_the_csv(workspace: Workspace, sample_dir: Path) -> None:
    from salesdesk.services.demo import create_sample_company
    from salesdesk.storage.sample import sample_tables

    create_sample_company(workspace.uow, sample_tables())
    with workspace.engine.connect() as c:
        if not c.execute(sa.select(sa.func.count()).select_from(t.deals)).scalar():
            pytest.skip("services.demo.create_sample_company does not import the sample's "
                        "deals yet (issue 4)")
        rows = {r.key: r for r in aq.funnel(c, "member")}
    expected = sample_by_agent(sample_dir)
    for agent, (won, lost, amount) in expected.items():
        row = rows[agent]
        assert (row.won, row.lost, row.won_amount) == (won, lost, amount), agent
        assert row.win_rate == (won / (won + lost) if won + lost else None), agent
    total = rows[aq.TOTAL]
    all_won = sum(w for w, _, _ in expected.values())
    all_lost = sum(x for _, x, _ in expected.values())
    assert (total.won, total.lost) == (all_won, all_lost)
    assert total.win_rate == all_won / (all_won + all_lost)
    assert total.won_amount == sum((a for _, _, a in expected.values()), Decimal(0))
