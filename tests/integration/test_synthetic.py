"""`salesdesk demo --scale N`: synthetic leads and deals on both backends, run again and again."""

from __future__ import annotations

from decimal import Decimal

import sqlalchemy as sa

from salesdesk.domain.accounts import Account, Product
from salesdesk.domain.members import Member, Role
from salesdesk.storage import tables
from salesdesk.storage.synthetic import add_synthetic
from salesdesk.storage.workspace import Workspace


def _company(ws: Workspace) -> None:
    with ws.uow() as uow:
        uow.accounts.add(Account(name="Acme Corporation", sector="technology",
                                 country="Kenya"))
        uow.members.add(Member(name="Ann Lee", role=Role.REP))
        uow.products.add(Product(name="GTX Pro", list_price=Decimal("4821.00")))
        uow.commit()


def _count(ws: Workspace, table: sa.Table) -> int:
    with ws.engine.connect() as conn:
        return int(conn.execute(sa.select(sa.func.count()).select_from(table)).scalar_one())


def test_synthetic_rows_can_be_added_twice_and_are_logged_in_bulk(workspace: Workspace) -> None:
    _company(workspace)

    assert add_synthetic(workspace.engine, 30) == (30, 3)
    assert add_synthetic(workspace.engine, 30) == (30, 3)  # fresh ids: no collision

    assert (_count(workspace, tables.leads), _count(workspace, tables.deals)) == (60, 6)
    log = tables.change_log
    with workspace.engine.connect() as conn:
        rows = conn.execute(sa.select(log.c.entity, log.c.op, log.c.changes)
                            .where(log.c.op == "bulk").order_by(log.c.entity)).all()
    assert [(r.entity, r.changes["rows"]) for r in rows] == \
        [("deals", [None, 3]), ("deals", [None, 3]), ("leads", [None, 30]), ("leads", [None, 30])]


def test_a_seed_makes_a_run_reproducible(workspace: Workspace) -> None:
    _company(workspace)
    add_synthetic(workspace.engine, 5, seed=7)
    with workspace.engine.connect() as conn:
        first = conn.execute(sa.select(tables.leads.c.id, tables.leads.c.source)
                             .order_by(tables.leads.c.id)).all()
        conn.execute(sa.delete(tables.leads))
        conn.execute(sa.delete(tables.deals))
        conn.commit()
    add_synthetic(workspace.engine, 5, seed=7)
    with workspace.engine.connect() as conn:
        again = conn.execute(sa.select(tables.leads.c.id, tables.leads.c.source)
                             .order_by(tables.leads.c.id)).all()
    assert again == first
