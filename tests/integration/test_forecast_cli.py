"""cli_forecast through its module functions with parsed arguments, on SQLite and
PostgreSQL: a manager's call, and every mistake as one clear domain error (cli.py prints
those as "salesdesk: error: ..." and never a traceback). The sample company's figures
are checked in test_forecast_sample.py."""

from __future__ import annotations

import argparse
import io
import json
from contextlib import redirect_stderr, redirect_stdout
from datetime import UTC, date, datetime
from decimal import Decimal

import pytest

import salesdesk.services.pipeline as pl
from salesdesk import cli_forecast as cf
from salesdesk.domain.errors import DomainError
from salesdesk.domain.members import Member, Team
from salesdesk.services import forecast as fs
from salesdesk.storage.forecast_queries import SqlForecastSource
from salesdesk.storage.workspace import Workspace


def parse(argv: list[str]) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="salesdesk")
    sub = parser.add_subparsers(dest="command")
    cf.add_forecast_parser(sub)
    report = sub.add_parser("report")
    report.add_argument("--db", default=argparse.SUPPRESS)
    report.add_argument("kind")
    cf.add_report_forecast(report)
    return parser.parse_args(argv)


def run(argv: list[str]) -> tuple[int | None, str, str]:
    args = parse(argv)
    out, err = io.StringIO(), io.StringIO()
    with redirect_stdout(out), redirect_stderr(err):
        code = (cf.run_forecast(args) if args.command == "forecast"
                else cf.run_report_forecast(args))
    return code, out.getvalue(), err.getvalue()


@pytest.fixture
def target(workspace: Workspace, workspace_url: str) -> str:
    north = Team(name="North")
    ann = Member(name="Ann Lee", team_id=north.id)
    with workspace.uow() as uow:
        uow.session.add_all([north, ann])
        uow.commit()
    pl.add_deal(workspace.uow, title="Acme", owner_id=ann.id, amount=Decimal("1000.00"),
                now=datetime(2026, 1, 5, tzinfo=UTC))
    return workspace_url


def test_a_managers_call_on_the_command_line(target: str, workspace: Workspace) -> None:
    code, out, err = run(["forecast", "--db", target, "--call", "--period", "2026-Q1",
                          "--scope", "team:north", "--adjust=-1,250.50", "--comment",
                          "Acme slips", "--json"])
    assert code == 0 and "Froze" in err       # the current periods were frozen first
    data = json.loads(out)
    assert data["adjustment"] == "-1250.50" and data["comment"] == "Acme slips"
    assert Decimal(data["figures"]["call"]) == Decimal(data["figures"]["weighted"]) - \
        Decimal("1250.50")
    calls = fs.list_snapshots(SqlForecastSource(workspace.engine), kind="call")
    assert [(c.period, c.scope_kind, c.comment) for c in calls] == [
        ("2026-Q1", "team", "Acme slips")]
    code, out, err = run(["forecast", "--db", target, "--period", "2026-Q1"])
    assert code == 0 and "Forecast 2026-Q1" in out and err == ""  # frozen once


def test_the_waterfall_on_the_command_line(target: str) -> None:
    code, out, _ = run(["forecast", "--db", target, "--waterfall", "--period", "2026-Q1",
                        "--json"])
    data = json.loads(out)
    assert code == 0 and data["period"] == "2026-Q1"
    total = Decimal(data["forecast"]) + sum(Decimal(s["total"]) for s in data["steps"])
    assert total == Decimal(data["actual"])


@pytest.mark.parametrize(("argv", "message"), [
    (["forecast", "--period", "2026-Q5"], "is not a period"),
    (["forecast", "--period", "2026-Q1", "--as-of", "1 Jan 2026"], "YYYY-MM-DD"),
    (["forecast", "--period", "2026-Q1", "--scope", "member:Zed"],
     "no member is named 'Zed' (known: Ann Lee)"),
    (["forecast", "--period", "2026-Q1", "--scope", "team:Nowhere"],
     "no team is named 'Nowhere'"),
    (["forecast", "--period", "2026-Q1", "--scope", "region:x"], "is not a scope"),
    (["forecast"], "say which period"),
    (["forecast", "--backtest", "--periods", "2017-Q9"], "is not a period"),
    (["forecast", "--call", "--period", "2026-Q1", "--adjust", "12.345"],
     "more than 2 decimal places"),
    (["forecast", "--call", "--period", "2026-Q1", "--adjust", "lots"], "is not a number"),
    (["report", "forecast", "--by", "product"], "member, team or territory"),
    (["report", "forecast", "--format", "xlsx"], "needs a file"),
    (["report", "forecast", "--period", "Q3"], "is not a period"),
])
def test_mistakes_are_one_line_domain_errors(target: str, argv: list[str],
                                             message: str) -> None:
    argv = [argv[0], "--db", target, *argv[1:]]
    with pytest.raises(DomainError) as info:
        run(argv)
    assert message in str(info.value) and "\n" not in str(info.value)


def test_report_forecast_leaves_other_reports_alone(target: str) -> None:
    assert cf.run_report_forecast(parse(["report", "--db", target, "funnel"])) is None


def test_the_quota_on_the_command_line(target: str, workspace: Workspace) -> None:
    from salesdesk.services import quotas

    code, out, _ = run(["forecast", "--db", target, "--period", "2026-Q1"])
    assert code == 0 and "no quotas set" in out              # no plan: no made-up quota
    report = json.loads(run(["report", "--db", target, "forecast", "--by", "member",
                             "--period", "2026-Q1", "--format", "json"])[1])
    assert {(r["quota"], r["coverage"]) for r in report["rows"]} == {(None, None)}

    plan = quotas.create_plan(workspace.uow, 2026, propose=False)
    with workspace.uow() as uow:
        found = uow.members.by_name("Ann Lee")
        assert found is not None
        ann = found.id
    quotas.set_targets(workspace.uow, plan.plan_id, [
        ("member", ann, "revenue", date(2026, month, 1), Decimal("4000.00"))
        for month in (1, 2, 3)])
    quotas.publish(workspace.uow, plan.plan_id)
    code, out, _ = run(["forecast", "--db", target, "--period", "2026-Q1", "--as-of",
                        "2026-01-05"])
    lines = {line[:44].strip(): line[44:].strip() for line in out.splitlines()}
    assert lines["Quota"] == "12,000.00"
    # Acme, 1,000.00 open in Prospecting at 10 %: 100.00 over the 12,000.00 still to win
    assert lines["Coverage (open weighted / quota to win)"] == "0.8 %"
    report = json.loads(run(["report", "--db", target, "forecast", "--by", "member",
                             "--period", "2026-Q1", "--as-of", "2026-01-05", "--format",
                             "json"])[1])
    rows = {r["key"]: r for r in report["rows"]}
    assert (rows["Ann Lee"]["quota"], rows["Ann Lee"]["coverage"]) == ("12000.00", 0.0083)
    assert rows["Company"]["quota"] == "12000.00"
    # the JSON of `forecast` keeps exactly the figures issue 6 documents
    data = json.loads(run(["forecast", "--db", target, "--period", "2026-Q1", "--json"])[1])
    assert "quota" not in data
