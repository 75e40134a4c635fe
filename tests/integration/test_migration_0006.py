"""Migration 0006 (the lead board) on SQLite and PostgreSQL: a workspace made at 0005 with
leads in it upgrades with its leads carried over, ends exactly as tables.py says, and
goes back down to 0005."""

from __future__ import annotations

import shutil
import uuid
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
import sqlalchemy as sa

from salesdesk.storage import lead_queries, schema, tables
from salesdesk.storage import workspace as workspace_module
from salesdesk.storage.workspace import (
    SCHEMA_HEAD,
    Workspace,
    alembic_config,
    current_revision,
    open_workspace,
)

T0 = datetime(2026, 3, 2, 9, tzinfo=UTC)
OLD_LEADS = [("Ann Lée", "ann@acme.example", "ACME, Inc.", "qualified", 80),
             ("Bob Roy", None, "Globex", "new", 45), ("Cy Do", "cy@x.example", "", "new", 10)]


@pytest.fixture
def at_0005(workspace_url: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
            ) -> Iterator[list[str]]:
    """A workspace made by migrations 0001-0005 only, holding OLD_LEADS; their ids."""
    only = tmp_path / "migrations-0005"
    shutil.copytree(workspace_module.MIGRATIONS, only, ignore=lambda _d, names: [
        n for n in names if n == "__pycache__" or (n[:4].isdigit() and n[:4] > "0005")])
    monkeypatch.setattr(workspace_module, "MIGRATIONS", only)
    old = open_workspace(workspace_url)
    assert current_revision(old.engine) == "0005"
    ids = [str(uuid.uuid4()) for _ in OLD_LEADS]
    table = sa.table("leads", *(sa.column(c) for c in (
        "id", "person_name", "email", "company", "status", "score", "updated_by")),
        sa.column("created_at", tables.UTCDateTime()), sa.column("updated_at",
                                                                 tables.UTCDateTime()))
    with old.engine.begin() as conn:
        conn.execute(sa.insert(table), [
            {"id": i, "person_name": n, "email": e, "company": c, "status": s, "score": sc,
             "created_at": T0, "updated_at": T0, "updated_by": "old"}
            for i, (n, e, c, s, sc) in zip(ids, OLD_LEADS, strict=True)])
    old.close()
    monkeypatch.undo()
    yield ids


@pytest.fixture
def upgraded(at_0005: list[str], workspace_url: str) -> Iterator[Workspace]:
    ws = open_workspace(workspace_url)
    try:
        yield ws
    finally:
        ws.close()


def test_the_upgrade_carries_leads_over_and_matches_the_metadata(
        upgraded: Workspace, at_0005: list[str], backend: str) -> None:
    ws = upgraded
    assert current_revision(ws.engine) == SCHEMA_HEAD == "0006"
    assert (ws.backup is not None) == (backend == "sqlite")
    with ws.engine.connect() as conn:
        assert schema.differences(conn) == []
        ld = tables.leads
        rows = {r.id: r for r in conn.execute(sa.select(
            ld.c.id, ld.c.person_key, ld.c.company_key, ld.c.received_at, ld.c.segments))}
        links = set(conn.execute(sa.select(tables.lead_segment_links)).tuples())
        clock = lead_queries.Clock.at(T0)
        found = {r.id for r in lead_queries.page(
            conn, lead_queries.LeadFilter(search="acme"), clock=clock).rows}
        report = lead_queries.report(conn, T0)
    ann, bob, cy = (rows[i] for i in at_0005)
    assert (ann.person_key, ann.company_key, ann.received_at) == ("ann lée", "acme", T0)
    assert (ann.segments, bob.segments, cy.segments) == (["qualified", "hot"], ["warm"],
                                                         ["cold"])
    assert links == {("qualified", ann.id), ("hot", ann.id), ("warm", bob.id),
                     ("cold", cy.id)}
    assert found == {ann.id}
    assert report["by_segment"]["hot"] == 1 and report["total"] == 3
    with ws.uow() as uow:
        assert [s.name for s in uow.lead_segments.load()] == [
            "qualified", "unqualified", "price objection", "hot", "warm", "cold"]
        lead = uow.leads.get(bob.id)
        lead.update(person_name="Robert Roy")
        uow.commit()
    with ws.engine.connect() as conn:
        found = {r.id for r in lead_queries.page(
            conn, lead_queries.LeadFilter(search="robert"), clock=clock).rows}
    assert found == {bob.id}


def test_the_migration_goes_down_to_0005_and_up_again(upgraded: Workspace,
                                                      at_0005: list[str]) -> None:
    from alembic import command

    engine = workspace_module._migration_engine(upgraded.engine)
    try:
        for target in ("0005", "head"):
            with engine.begin() as conn:
                cfg = alembic_config()
                cfg.attributes["connection"] = conn
                (command.downgrade if target == "0005" else command.upgrade)(cfg, target)
            if target == "0005":
                names = set(sa.inspect(upgraded.engine).get_table_names())
                assert not names & {"lead_segments", "lead_activities", "leads_fts"}
                columns = {c["name"] for c in sa.inspect(upgraded.engine).get_columns("leads")}
                assert "person_key" not in columns and "person_name" in columns
    finally:
        if engine is not upgraded.engine:
            engine.dispose()
    upgraded.engine.dispose()
    with upgraded.engine.connect() as conn:
        assert schema.differences(conn) == []
        assert conn.execute(sa.select(sa.func.count()).select_from(tables.leads)).scalar() == 3
