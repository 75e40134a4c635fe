"""Migration 0003 on SQLite and PostgreSQL: a workspace made at 0002, holding deals of the
old shape (stage as text, one product, engage and close dates), opened with the current
code. Its deals are carried over into the Sales pipeline with the right stage, line, won
amount and stage history."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from datetime import UTC, date, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
import sqlalchemy as sa

from salesdesk.domain.accounts import Account, Product
from salesdesk.domain.members import Member
from salesdesk.storage import pipeline_queries
from salesdesk.storage import workspace as workspace_module
from salesdesk.storage.workspace import SCHEMA_HEAD, Workspace, current_revision

OpenWs = Callable[..., Workspace]
CREATED = datetime(2017, 6, 1, 10, 0, tzinfo=UTC)

OLD_DEALS = sa.table(
    "deals", *(sa.column(c) for c in ("id", "version", "reference", "account_id", "owner_id",
                                      "product_id", "stage", "amount", "expected_close")),
    sa.column("engaged_on", sa.Date), sa.column("closed_on", sa.Date),
    *(sa.column(c, sa.DateTime(timezone=True)) for c in ("created_at", "updated_at")),
    sa.column("updated_by"))


def midnight(day: str) -> datetime:
    return datetime.combine(date.fromisoformat(day), datetime.min.time(), UTC)


def _old(deal_id: str, stage: str, cents: int, engaged: str | None, closed: str | None,
         product_id: str | None, **extra: Any) -> dict[str, Any]:
    return {"id": deal_id, "version": 3, "reference": f"REF-{deal_id}", "account_id": None,
            "owner_id": None, "product_id": product_id, "stage": stage, "amount": cents,
            "engaged_on": date.fromisoformat(engaged) if engaged else None,
            "closed_on": date.fromisoformat(closed) if closed else None,
            "expected_close": None, "created_at": CREATED, "updated_at": CREATED,
            "updated_by": "old salesdesk", **extra}


def _after_0002(_folder: str, names: list[str]) -> list[str]:
    """What copytree leaves out: caches, and every revision after 0002 (0003 and on)."""
    return [n for n in names if n == "__pycache__" or (n[:4].isdigit() and n[:4] > "0002")]


@pytest.fixture
def at_0002(open_ws: OpenWs, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
            ) -> dict[str, str]:
    """A workspace made by the 0001 and 0002 migrations only, holding a rep, an account, a
    product and old-shape deals (plain SQL: the current mapping no longer knows them).
    Returns the ids of the rep, the account and the product."""
    only_0002 = tmp_path / "migrations-0002"
    shutil.copytree(workspace_module.MIGRATIONS, only_0002, ignore=_after_0002)
    monkeypatch.setattr(workspace_module, "MIGRATIONS", only_0002)
    old = open_ws()
    assert current_revision(old.engine) == "0002"
    rep, acme = Member(name="Moses Frase"), Account(name="Acme Corporation")
    gtx = Product(name="GTX Pro", list_price=Decimal("4821.00"))
    with old.uow() as uow:  # these tables are the same at 0002 and now
        for entity in (rep, acme, gtx):
            getattr(uow, {Member: "members", Account: "accounts", Product: "products"}[
                type(entity)]).add(entity)
        uow.commit()
    refs = {"account_id": acme.id, "owner_id": rep.id}
    with old.engine.begin() as conn:
        conn.execute(sa.insert(OLD_DEALS), [
            _old("won", "Won", 105_400, "2017-01-02", "2017-03-01", gtx.id, **refs),
            _old("lost", "Lost", 55_000, "2017-02-01", "2017-02-20", gtx.id),
            _old("engaging", "Engaging", 482_100, "2017-05-01", None, gtx.id,
                 expected_close=date(2017, 6, 30)),
            _old("prospecting", "Prospecting", 0, None, None, None),
            _old("custom", "Negotiation", 99_900, "2017-04-01", None, gtx.id)])
    old.close()
    monkeypatch.undo()
    return {"rep": rep.id, "account": acme.id, "product": gtx.id}


def test_old_deals_are_carried_into_the_sales_pipeline(
        at_0002: dict[str, str], open_ws: OpenWs, backend: str) -> None:
    ws = open_ws()

    assert current_revision(ws.engine) == SCHEMA_HEAD
    assert (ws.backup is not None) == (backend == "sqlite")
    with ws.engine.connect() as conn:
        [(pipeline_id, name)] = pipeline_queries.pipelines(conn)
        stages = pipeline_queries.stages(conn, pipeline_id)
    assert name == "Sales"
    assert [(s.name, s.outcome) for s in stages] == [
        ("Prospecting", "open"), ("Engaging", "open"), ("Negotiation", "open"),
        ("Won", "won"), ("Lost", "lost")]
    names = {s.id: s.name for s in stages}

    with ws.uow() as uow:
        deals = {d.id: d for d in uow.deals.list()}
        lines = {x.deal_id: x for x in uow.deal_lines.list()}
        history: dict[str, list[tuple[str | None, str, datetime]]] = {}
        for c in sorted(uow.stage_changes.list(), key=lambda c: (c.at, c.from_stage_id or "")):
            history.setdefault(c.deal_id, []).append(
                (names.get(c.from_stage_id or ""), names[c.to_stage_id], c.at))
        assert {k: names[d.stage_id] for k, d in deals.items()} == {
            "won": "Won", "lost": "Lost", "engaging": "Engaging",
            "prospecting": "Prospecting", "custom": "Negotiation"}
        assert all(d.pipeline_id == pipeline_id and d.version == 3 for d in deals.values())

        won = deals["won"]
        assert (won.reference, won.owner_id, won.account_id) == \
            ("REF-won", at_0002["rep"], at_0002["account"])
        assert (won.amount, won.won_amount, won.won_on, won.lost_on) == \
            (Decimal("1054.00"), Decimal("1054.00"), date(2017, 3, 1), None)
        assert (won.created_on, won.stage_entered_at) == (date(2017, 1, 2),
                                                           midnight("2017-03-01"))
        line = lines["won"]
        assert (line.product_id, line.quantity, line.unit_price, line.discount) == \
            (at_0002["product"], 1, Decimal("1054.00"), Decimal("0.00"))
        assert history["won"] == [(None, "Engaging", midnight("2017-01-02")),
                                  ("Engaging", "Won", midnight("2017-03-01"))]

        lost = deals["lost"]
        assert (lost.lost_on, lost.won_amount, lost.lost_reason_id) == \
            (date(2017, 2, 20), None, None)
        assert history["lost"] == [(None, "Engaging", midnight("2017-02-01")),
                                   ("Engaging", "Lost", midnight("2017-02-20"))]

        engaging = deals["engaging"]
        assert (engaging.created_on, engaging.expected_close, engaging.won_on) == \
            (date(2017, 5, 1), date(2017, 6, 30), None)
        assert history["engaging"] == [(None, "Engaging", midnight("2017-05-01"))]

        prospecting = deals["prospecting"]  # no date: created the day the row was
        assert prospecting.created_on == CREATED.date()
        assert history["prospecting"] == [(None, "Prospecting", midnight("2017-06-01"))]
        assert "prospecting" not in lines  # it had no product

        assert history["custom"] == [(None, "Negotiation", midnight("2017-04-01"))]


def test_the_carried_deals_read_back_on_the_board(at_0002: dict[str, str],
                                                  open_ws: OpenWs) -> None:
    ws = open_ws()
    with ws.engine.connect() as conn:
        pipeline_id = pipeline_queries.default_pipeline_id(conn)
        assert pipeline_id is not None
        board = pipeline_queries.board(conn, pipeline_id)
        detail = pipeline_queries.deal_detail(conn, "won")
        summary = pipeline_queries.pipeline_summary(conn)
    assert {c.stage.name: c.count for c in board.columns} == {
        "Prospecting": 1, "Engaging": 1, "Negotiation": 1, "Won": 1, "Lost": 1}
    assert detail is not None
    assert [x.product_id for x in detail.lines] == [at_0002["product"]]
    assert [h.to_stage for h in detail.history] == ["Engaging", "Won"]
    assert summary["won"] == {"count": 1, "amount": "1054.00"}
    assert summary["lost"] == {"count": 1, "amount": "550.00"}
