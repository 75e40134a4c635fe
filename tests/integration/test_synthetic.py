"""`salesdesk demo --scale N`: synthetic leads and deals on both backends, run again and again."""

from __future__ import annotations

from collections import Counter
from datetime import UTC, datetime
from decimal import Decimal

import pytest
import sqlalchemy as sa

from salesdesk.domain.accounts import Account, Product
from salesdesk.domain.members import Member, Role
from salesdesk.services.pipeline_setup import ensure_pipeline
from salesdesk.storage import pipeline_queries, tables
from salesdesk.storage.synthetic import add_synthetic, add_synthetic_deals
from salesdesk.storage.workspace import Workspace


def _company(ws: Workspace, pipeline: bool = True) -> None:
    with ws.uow() as uow:
        uow.accounts.add(Account(name="Acme Corporation", sector="technology",
                                 country="Kenya"))
        uow.members.add(Member(name="Ann Lee", role=Role.REP))
        uow.products.add(Product(name="GTX Pro", list_price=Decimal("4821.00")))
        uow.commit()
    if pipeline:
        ensure_pipeline(ws.uow)


def _count(ws: Workspace, table: sa.Table) -> int:
    with ws.engine.connect() as conn:
        return int(conn.execute(sa.select(sa.func.count()).select_from(table)).scalar_one())


def test_synthetic_rows_can_be_added_twice_and_are_logged_in_bulk(workspace: Workspace) -> None:
    _company(workspace)

    assert add_synthetic(workspace.engine, 30) == (30, 3)
    assert add_synthetic(workspace.engine, 30) == (30, 3)  # fresh ids: no collision

    assert (_count(workspace, tables.leads), _count(workspace, tables.deals),
            _count(workspace, tables.deal_lines)) == (60, 6, 6)
    log = tables.change_log
    with workspace.engine.connect() as conn:
        rows = conn.execute(sa.select(log.c.entity, log.c.changes)
                            .where(log.c.op == "bulk")).all()
    logged = Counter()
    for entity, changes in rows:
        logged[entity] += changes["rows"][1]
    assert logged == {"leads": 60, "deals": 6, "deal_lines": 6,
                      "deal_stage_changes": _count(workspace, tables.deal_stage_changes)}


def test_a_seed_makes_a_run_reproducible(workspace: Workspace) -> None:
    _company(workspace)
    deal_tables = (tables.deal_stage_changes, tables.deal_lines, tables.deals)

    def picture() -> tuple[list[sa.Row[tuple[str, str]]], list[sa.Row[tuple[str, int]]]]:
        with workspace.engine.connect() as conn:
            return (conn.execute(sa.select(tables.leads.c.id, tables.leads.c.source)
                                 .order_by(tables.leads.c.id)).all(),
                    conn.execute(sa.select(tables.deals.c.id, tables.deals.c.amount)
                                 .order_by(tables.deals.c.id)).all())

    add_synthetic(workspace.engine, 50, seed=7)
    first = picture()
    with workspace.engine.begin() as conn:
        for table in (tables.lead_segment_links, tables.leads, *deal_tables):
            conn.execute(sa.delete(table))
    add_synthetic(workspace.engine, 50, seed=7)
    assert picture() == first and len(first[1]) == 5


def test_synthetic_deals_are_consistent_with_their_lines_and_history(
        workspace: Workspace) -> None:
    _company(workspace)
    now = datetime.now(UTC)

    assert add_synthetic_deals(workspace.engine, 300, 200, seed=3) == 500

    with workspace.engine.connect() as conn:
        pipeline_id = pipeline_queries.default_pipeline_id(conn)
        assert pipeline_id is not None
        board = pipeline_queries.board(conn, pipeline_id, closed_limit=0)
    counts = {c.stage.name: c.count for c in board.columns}
    assert counts["Prospecting"] + counts["Engaging"] == 300
    assert counts["Won"] + counts["Lost"] == 200
    assert min(counts.values()) > 0
    with workspace.uow() as uow:
        stages = {s.id: s for s in uow.stages.list()}
        lines = {x.deal_id: x for x in uow.deal_lines.list()}
        history: dict[str, list] = {}
        for c in uow.stage_changes.list():
            history.setdefault(c.deal_id, []).append(c)
        deals = uow.deals.list()
        reasons = {r.id for r in uow.lost_reasons.list()}
        for deal in deals:
            stage, line = stages[deal.stage_id], lines[deal.id]
            assert deal.amount == line.amount  # the line gives the amount
            changes = sorted(history[deal.id], key=lambda c: c.at)
            assert changes[0].from_stage_id is None
            assert [c.from_stage_id for c in changes[1:]] == \
                [c.to_stage_id for c in changes[:-1]]
            assert changes[-1].to_stage_id == deal.stage_id
            assert changes[-1].at == deal.stage_entered_at <= now
            assert changes[0].at.date() == deal.created_on
            if stage.is_open:
                assert deal.expected_close is not None
                assert (deal.won_on, deal.lost_on) == (None, None)
            elif stage.outcome == "won":
                assert deal.won_on == deal.stage_entered_at.date()
                assert deal.won_amount is not None and changes[-1].amount == deal.won_amount
            else:
                assert deal.lost_on == deal.stage_entered_at.date()
                assert deal.lost_reason_id in reasons
    assert len(deals) == 500


def test_synthetic_deals_need_a_pipeline_first(workspace: Workspace) -> None:
    _company(workspace, pipeline=False)
    with pytest.raises(ValueError, match="no pipeline yet"):
        add_synthetic_deals(workspace.engine, 1, 0)
    assert add_synthetic(workspace.engine, 9) == (9, 0)  # leads alone need none
