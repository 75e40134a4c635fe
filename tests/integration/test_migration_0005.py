"""Migration 0005 on SQLite and PostgreSQL: a workspace made at 0004 (the migrations
folder copied without 0005 and later), holding a team, deals and settings, opened with the
current code. It keeps its data, gains the quota plan tables exactly as the mapping
declares them, and takes a quota plan whose attainment counts its old deals."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from datetime import UTC, date, datetime
from decimal import Decimal
from pathlib import Path

import pytest
import sqlalchemy as sa

from salesdesk.domain.deals import Deal
from salesdesk.domain.members import Member, Team
from salesdesk.services import attainment as att
from salesdesk.services import quotas as q
from salesdesk.services.pipeline_setup import ensure_pipeline
from salesdesk.storage import schema
from salesdesk.storage import tables as t
from salesdesk.storage import workspace as workspace_module
from salesdesk.storage.workspace import SCHEMA_HEAD, Workspace, current_revision

OpenWs = Callable[..., Workspace]


def _after_0004(_folder: str, names: list[str]) -> list[str]:
    """What copytree leaves out: caches, and every revision after 0004."""
    return [n for n in names if n == "__pycache__" or (n[:4].isdigit() and n[:4] > "0004")]


@pytest.fixture
def at_0004(open_ws: OpenWs, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
            ) -> dict[str, str]:
    """A workspace made by the migrations up to 0004 only, holding a team, a rep, a won
    deal and the currency setting. Returns the ids of the team and the rep."""
    only_0004 = tmp_path / "migrations-0004"
    shutil.copytree(workspace_module.MIGRATIONS, only_0004, ignore=_after_0004)
    monkeypatch.setattr(workspace_module, "MIGRATIONS", only_0004)
    old = open_ws()
    assert current_revision(old.engine) == "0004"
    assert not sa.inspect(old.engine).has_table("quota_plans")
    east = Team(name="East")
    ann = Member(name="Ann Lee", team_id=east.id, hire_date=date(2015, 1, 5))
    with old.uow() as uow:
        uow.teams.add(east)
        uow.members.add(ann)
        uow.set_setting("currency", "USD")
        uow.commit()
    ensure_pipeline(old.uow)
    with old.uow() as uow:
        won = next(s for s in uow.stages.list() if s.outcome == "won")
        uow.deals.add(Deal(pipeline_id=won.pipeline_id, stage_id=won.id, owner_id=ann.id,
                           title="Big one", amount=Decimal("1250.50"),
                           won_on=date(2017, 3, 14), created_on=date(2017, 1, 2),
                           stage_entered_at=datetime(2017, 3, 14, tzinfo=UTC)))
        uow.commit()
    old.close()
    monkeypatch.undo()
    return {"team": east.id, "rep": ann.id}


def test_a_0004_workspace_upgrades_keeping_its_data(at_0004: dict[str, str], open_ws: OpenWs,
                                                    backend: str) -> None:
    ws = open_ws()
    assert current_revision(ws.engine) == SCHEMA_HEAD
    assert (ws.backup is not None) == (backend == "sqlite")
    with ws.engine.connect() as conn:
        assert schema.differences(conn) == []
        assert conn.execute(sa.select(sa.func.count()).select_from(t.quota_plans)).scalar() == 0
    with ws.uow() as uow:
        assert [(m.id, m.name, m.team_id) for m in uow.members.list()] == [
            (at_0004["rep"], "Ann Lee", at_0004["team"])]
        assert [d.title for d in uow.deals.list()] == ["Big one"]
        assert uow.get_setting("currency", "") == "USD"
        assert uow.quota_plans.versions() == []

    plan = q.create_plan(ws.uow, 2017, propose=False)
    q.set_targets(ws.uow, plan.plan_id, [("member", at_0004["rep"], "revenue",
                                          date(2017, 3, 1), Decimal("2501.00"))])
    view = att.attainment(ws.uow, "2017-03", as_of=date(2017, 12, 31))
    [line] = view.members
    assert (line.name, line.team, line.quota, line.won, line.attainment) == (
        "Ann Lee", "East", Decimal("2501.00"), Decimal("1250.50"), Decimal("0.5000"))
    assert view.currency == "USD"


def test_0005_downgrades_and_upgrades_again(at_0004: dict[str, str], open_ws: OpenWs) -> None:
    from alembic import command

    ws = open_ws()
    q.create_plan(ws.uow, 2017, propose=False)
    with ws.engine.begin() as conn:
        cfg = workspace_module.alembic_config()
        cfg.attributes["connection"] = conn
        command.downgrade(cfg, "0004")
    assert current_revision(ws.engine) == "0004"
    assert not sa.inspect(ws.engine).has_table("quota_plans")
    assert not sa.inspect(ws.engine).has_table("quota_targets")
    ws.close()
    again = open_ws()
    assert current_revision(again.engine) == SCHEMA_HEAD
    assert q.versions(again.uow) == []
    with again.uow() as uow:
        assert [m.name for m in uow.members.list()] == ["Ann Lee"]
