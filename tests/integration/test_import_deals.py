"""Importing the sample's 8,800 deals into a real workspace (SQLite and PostgreSQL): the
figures the workspace gives back equal the ones counted from the CSV itself."""

from __future__ import annotations

import csv
import json
from collections import Counter
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
import sqlalchemy as sa

from salesdesk import cli
from salesdesk.services.import_catalog import import_accounts, import_products
from salesdesk.services.import_deals import import_deals
from salesdesk.services.import_team import import_team
from salesdesk.storage import tables as t
from salesdesk.storage.files import read_table
from salesdesk.storage.workspace import Workspace

OPEN = ("Prospecting", "Engaging")


def csv_rows(sample_dir: Path) -> list[dict[str, str]]:
    with open(sample_dir / "sales_pipeline.csv", newline="", encoding="utf-8") as f:
        return list(csv.DictReader(f))


def _company(ws: Workspace, sample_dir: Path) -> None:
    import_team(ws.uow, read_table(sample_dir / "sales_teams.csv"))
    import_accounts(ws.uow, read_table(sample_dir / "accounts.csv"))
    import_products(ws.uow, read_table(sample_dir / "products.csv"))


def _count(conn: sa.Connection, table: sa.Table, *where: Any) -> int:
    return int(conn.execute(sa.select(sa.func.count()).select_from(table).where(*where))
               .scalar_one())


def test_the_sample_pipeline_imports_as_published(workspace: Workspace,
                                                  sample_dir: Path) -> None:
    rows = csv_rows(sample_dir)
    per_stage = Counter(r["deal_stage"] for r in rows)
    won_total = sum((Decimal(r["close_value"]) for r in rows if r["deal_stage"] == "Won"),
                    Decimal(0))
    no_account = sum(1 for r in rows if not r["account"])
    _company(workspace, sample_dir)

    report = import_deals(workspace.uow, read_table(sample_dir / "sales_pipeline.csv"))

    assert (len(report.created), len(report.updated), len(report.skipped)) == (len(rows), 0, 0)
    assert f"{no_account:,} deals have no account; kept without one" in report.notes
    gtx_rows = sum(1 for r in rows if r["product"] == "GTXPro")
    assert f'"GTXPro" read as product "GTX Pro" ({gtx_rows:,} rows); alias added' \
        in report.notes
    d, s = t.deals, t.stages
    with workspace.engine.connect() as conn:
        counted = dict(conn.execute(sa.select(s.c.name, sa.func.count())
                                    .join(d, d.c.stage_id == s.c.id).group_by(s.c.name)).all())
        won = conn.execute(sa.select(sa.func.sum(d.c.won_amount))).scalar_one()
        assert counted == per_stage
        assert won == won_total  # stored as cents: exact
        assert _count(conn, d, d.c.account_id.is_(None)) == no_account
        assert _count(conn, t.deal_lines) == len(rows)
        closed = sum(1 for r in rows if r["deal_stage"] not in OPEN)
        assert _count(conn, t.deal_stage_changes) == len(rows) + closed
        aliases = conn.execute(sa.select(t.products.c.aliases)
                               .where(t.products.c.name == "GTX Pro")).scalar_one()
        assert aliases == ["GTXPro"]
        logged = _count(conn, t.change_log)
    _check_first_deal(workspace, rows[0])

    again = import_deals(workspace.uow, read_table(sample_dir / "sales_pipeline.csv"))

    assert (len(again.created), len(again.updated), len(again.skipped)) == (0, 0, len(rows))
    with workspace.engine.connect() as conn:
        assert _count(conn, t.change_log) == logged  # nothing was written


def _check_first_deal(ws: Workspace, first: dict[str, str]) -> None:
    """The CSV's first row (1C1I7A6R, Won, 2016-10-20 -> 2017-03-01, 1054), read back."""
    with ws.uow() as uow:
        [deal] = [x for x in uow.deals.list() if x.reference == first["opportunity_id"]]
        stages = {st.id: st.name for st in uow.stages.list()}
        changes = sorted(uow.stage_changes.find(deal_id=deal.id), key=lambda c: c.at)
        [line] = uow.deal_lines.find(deal_id=deal.id)
        product = uow.products.get(line.product_id)
        assert deal.won_amount == Decimal(first["close_value"]).quantize(Decimal("0.01"))
        assert (str(deal.created_on), str(deal.won_on)) == (first["engage_date"],
                                                            first["close_date"])
        assert [(stages[c.to_stage_id], c.at.date().isoformat()) for c in changes] == [
            ("Engaging", first["engage_date"]), ("Won", first["close_date"])]
        assert product.name == first["product"] and deal.amount == product.list_price


def test_cli_imports_the_deals_and_reports_the_pipeline_as_the_csv_says(
        workspace_url: str, sample_dir: Path, capsys: pytest.CaptureFixture[str]) -> None:
    rows = csv_rows(sample_dir)
    for kind, name in (("team", "sales_teams"), ("accounts", "accounts"),
                       ("products", "products"), ("deals", "sales_pipeline")):
        assert cli.main(["import", kind, str(sample_dir / f"{name}.csv"),
                         "--db", workspace_url]) == 0
    out = capsys.readouterr().out
    assert f"sales_pipeline.csv: {len(rows)} created, 0 updated, 0 skipped" in out

    assert cli.main(["report", "pipeline", "--json", "--db", workspace_url]) == 0
    report = json.loads(capsys.readouterr().out)

    per_stage = Counter(r["deal_stage"] for r in rows)
    won = [r for r in rows if r["deal_stage"] == "Won"]
    assert set(report) == {"stages", "won", "lost"}
    assert [(s["stage"], s["count"]) for s in report["stages"]] == \
        [(name, per_stage[name]) for name in OPEN]
    assert all(set(s) == {"stage", "count", "amount", "weighted_amount"}
               for s in report["stages"])
    assert report["won"] == {"count": len(won), "amount": str(
        sum((Decimal(r["close_value"]) for r in won), Decimal("0.00")))}
    assert report["lost"]["count"] == per_stage["Lost"]
    for entry in report["stages"]:  # exact decimal text, cents
        assert Decimal(entry["amount"]).as_tuple().exponent == -2
        assert Decimal(entry["weighted_amount"]) <= Decimal(entry["amount"])
