"""The SQL unit of work: optimistic concurrency, change log, soft delete only, exact types."""

from __future__ import annotations

import sqlite3
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime, timedelta
from decimal import Decimal
from typing import Any
from zoneinfo import ZoneInfo

import pytest
import sqlalchemy as sa

from salesdesk.domain.accounts import Account, Product
from salesdesk.domain.errors import (
    ConcurrentEditError,
    ConflictError,
    NotFoundError,
    WorkspaceBusyError,
)
from salesdesk.domain.members import Member, Team
from salesdesk.services import team as team_service
from salesdesk.storage import tables
from salesdesk.storage.uow import SqlUnitOfWork
from salesdesk.storage.workspace import Workspace

FAR_ZONE = "Asia/Kathmandu"  # +05:45: no accidental match with UTC or whole hours


def _add(ws: Workspace, entity: Any, actor: str = "tester") -> str:
    with ws.uow(actor=actor) as uow:
        uow.session.add(entity)
        uow.commit()
    return str(entity.id)


def _log(ws: Workspace, entity_id: str) -> dict[str, Any]:
    """The change-log rows of one entity, by operation (each op happens once in a test)."""
    with ws.engine.connect() as conn:
        rows = conn.execute(sa.select(tables.change_log)
                            .where(tables.change_log.c.entity_id == entity_id)).mappings()
        by_op = {}
        for row in rows:
            assert row["op"] not in by_op, f"two {row['op']} rows for {entity_id}"
            by_op[row["op"]] = dict(row)
        return by_op


def _count(ws: Workspace, table: sa.Table) -> int:
    with ws.engine.connect() as conn:
        return int(conn.execute(sa.select(sa.func.count()).select_from(table)).scalar_one())


# --- optimistic concurrency ------------------------------------------------------------

def test_the_second_of_two_concurrent_edits_is_refused(workspace: Workspace) -> None:
    member_id = _add(workspace, Member(name="Ann Lee"))

    with workspace.uow(actor="first") as first, workspace.uow(actor="second") as second:
        mine, theirs = first.members.get(member_id), second.members.get(member_id)
        mine.update(capacity=10)
        theirs.update(capacity=20)
        first.commit()
        with pytest.raises(ConflictError, match="changed by someone else"):
            second.commit()

    with workspace.uow() as uow:
        kept = uow.members.get(member_id)
        assert (kept.capacity, kept.version, kept.updated_by) == (10, 2, "first")
    assert _log(workspace, member_id)["update"]["changes"] == {"capacity": [40, 10]}


def test_editing_with_a_stale_version_is_refused(workspace: Workspace) -> None:
    added = team_service.add_member(workspace.uow, name="Ann Lee")
    edited = team_service.edit_member(workspace.uow, added.member_id, added.version,
                                      {"capacity": 12})
    assert edited.version == added.version + 1

    with pytest.raises(ConflictError) as caught:
        team_service.edit_member(workspace.uow, added.member_id, added.version,
                                 {"capacity": 30})

    assert (caught.value.expected, caught.value.actual) == (added.version, edited.version)
    with workspace.uow() as uow:
        assert uow.members.get(added.member_id).capacity == 12


# --- change log ------------------------------------------------------------------------

def test_insert_update_and_soft_delete_are_logged_with_who_and_when(
        workspace: Workspace) -> None:
    start = datetime.now(UTC)
    team_id = _add(workspace, Team(name="North"), actor="alice")
    with workspace.uow(actor="bob") as uow:
        uow.teams.get(team_id).name = "North East"
        uow.commit()
    deleted_at = datetime.now(UTC)
    with workspace.uow(actor="carol") as uow:
        uow.teams.get(team_id).deleted_at = deleted_at
        uow.commit()
    end = datetime.now(UTC)

    log = _log(workspace, team_id)
    assert set(log) == {"insert", "update", "delete"}
    assert log["insert"]["changes"] == {"name": [None, "North"]}
    assert log["update"]["changes"] == {"name": ["North", "North East"]}
    assert log["delete"]["changes"] == {"deleted_at": [None, deleted_at.isoformat()]}
    assert [log[op]["actor"] for op in ("insert", "update", "delete")] == ["alice", "bob",
                                                                          "carol"]
    for row in log.values():
        assert row["entity"] == "teams"
        assert row["at"].tzinfo == UTC and start <= row["at"] <= end
    assert log["insert"]["at"] <= log["update"]["at"] <= log["delete"]["at"]
    with workspace.uow() as uow:
        assert uow.teams.list() == []
        assert uow.teams.get_deleted(team_id).updated_by == "carol"


def test_an_unchanged_save_writes_no_log_row(workspace: Workspace) -> None:
    team_id = _add(workspace, Team(name="North"))
    with workspace.uow() as uow:
        uow.teams.get(team_id).name = "North"
        uow.commit()
    assert set(_log(workspace, team_id)) == {"insert"}


def test_a_rolled_back_unit_of_work_leaves_no_log_row(workspace: Workspace) -> None:
    with workspace.uow() as uow:
        team = Team(name="North")
        uow.teams.add(team)
        uow.session.flush()  # the log row is written with the change, in its transaction
        assert uow.session.execute(sa.select(sa.func.count())
                                   .select_from(tables.change_log)).scalar_one() == 1
        # no commit: leaving the block rolls back

    assert _count(workspace, tables.teams) == 0
    assert _count(workspace, tables.change_log) == 0


def test_a_hard_delete_is_refused(workspace: Workspace) -> None:
    team_id = _add(workspace, Team(name="North"))
    with workspace.uow() as uow:
        uow.session.delete(uow.teams.get(team_id))
        with pytest.raises(RuntimeError, match="soft-deleted"):
            uow.commit()

    with workspace.uow() as uow:
        assert uow.teams.get(team_id).name == "North"
    assert set(_log(workspace, team_id)) == {"insert"}


# --- keys and types --------------------------------------------------------------------

def test_primary_keys_are_uuid_strings_made_by_the_client(workspace: Workspace) -> None:
    team = Team(name="North")
    made_here = team.id
    assert isinstance(made_here, str) and uuid.UUID(made_here).version == 4

    _add(workspace, team)

    assert team.id == made_here
    with workspace.engine.connect() as conn:
        assert conn.execute(sa.select(tables.teams.c.id)).scalars().all() == [made_here]
    id_column = next(c for c in sa.inspect(workspace.engine).get_columns("teams")
                     if c["name"] == "id")
    assert isinstance(id_column["type"], sa.String) and id_column["type"].length == 36
    assert id_column.get("default") is None  # nothing server-side makes ids


@pytest.mark.parametrize("price", ["1234567.89", "0.01", "0.10", "92233720368547758.07"])
def test_product_prices_round_trip_exactly(workspace: Workspace, price: str) -> None:
    product_id = _add(workspace, Product(name="GTX Plus Pro", list_price=Decimal(price)))

    with workspace.uow() as uow:
        stored = uow.products.get(product_id).list_price
    assert stored == Decimal(price) and str(stored) == price
    with workspace.engine.connect() as conn:  # integer minor units: no float anywhere
        raw = conn.execute(sa.select(sa.column("list_price")).select_from(
            sa.table("products"))).scalar_one()
    assert raw == int(Decimal(price) * 100)
    assert _log(workspace, product_id)["insert"]["changes"]["list_price"] == [None, price]


def test_account_revenue_round_trips_exactly(workspace: Workspace) -> None:
    account_id = _add(workspace, Account(name="Acme Corporation",
                                         revenue_m=Decimal("1234567.89")))
    with workspace.uow() as uow:
        revenue = uow.accounts.get(account_id).revenue_m
    assert revenue == Decimal("1234567.89") and str(revenue) == "1234567.89"


@pytest.fixture
def far_from_utc(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Local time and the PostgreSQL session time zone both at +05:45."""
    monkeypatch.setenv("TZ", FAR_ZONE)
    monkeypatch.setenv("PGTZ", FAR_ZONE)
    time.tzset()
    yield
    monkeypatch.undo()
    time.tzset()


def test_timestamps_come_back_timezone_aware_utc(far_from_utc: None, workspace: Workspace,
                                                 backend: str) -> None:
    if backend == "postgresql":
        with workspace.engine.connect() as conn:
            assert conn.exec_driver_sql("SHOW TimeZone").scalar() == FAR_ZONE
    left = datetime(2026, 3, 1, 9, 30, tzinfo=ZoneInfo("America/New_York"))
    start = datetime.now(UTC)
    team = Team(name="North")
    team.deleted_at = left
    team_id = _add(workspace, team)
    end = datetime.now(UTC)

    with workspace.uow() as uow:
        stored = uow.teams.get_deleted(team_id)
        created, updated, deleted = stored.created_at, stored.updated_at, stored.deleted_at
    for value in (created, updated, deleted):
        assert value is not None and value.tzinfo == UTC
    assert created is not None and start <= created <= end
    assert deleted == left and deleted is not None
    assert (deleted.hour, deleted.minute) == (14, 30)  # 09:30 in New York (EST) is 14:30 UTC


def test_a_naive_timestamp_is_refused(workspace: Workspace) -> None:
    team = Team(name="North")
    team.deleted_at = datetime.now() - timedelta(days=1)  # noqa: DTZ005 - the point
    with workspace.uow() as uow:
        uow.teams.add(team)
        with pytest.raises(sa.exc.StatementError, match="naive datetime"):
            uow.commit()
    assert _count(workspace, tables.teams) == 0


# --- errors a user can act on ----------------------------------------------------------

def test_a_lost_race_names_the_kind_of_record_and_logs_the_sql(
        workspace: Workspace, caplog: pytest.LogCaptureFixture) -> None:
    member_id = _add(workspace, Member(name="Ann Lee"))

    with workspace.uow() as first, workspace.uow() as second:
        first.members.get(member_id).update(capacity=10)
        second.members.get(member_id).update(capacity=20)
        first.commit()
        with pytest.raises(ConcurrentEditError) as caught:
            second.commit()

    assert str(caught.value) == ("This member was changed by someone else while you were "
                                 "saving. Reload and apply your change again.")
    assert "UPDATE statement on table 'members'" in caplog.text


def test_a_lost_race_found_by_a_flush_during_a_query_is_a_conflict_too(
        workspace: Workspace) -> None:
    team_id = _add(workspace, Team(name="North"))

    with workspace.uow() as first, workspace.uow() as second:
        first.teams.get(team_id).name = "North East"
        second.teams.get(team_id).name = "North West"
        first.commit()
        with pytest.raises(ConcurrentEditError, match="^This team was changed"):
            second.teams.list()  # autoflush: the UPDATE finds the version moved on

    with workspace.uow() as uow:
        assert uow.teams.get(team_id).name == "North East"


@contextmanager
def _busy(workspace: Workspace, backend: str, uow: SqlUnitOfWork) -> Iterator[None]:
    """SQLite: another program holds the write lock (and we wait 50 ms, not 5 s).
    PostgreSQL: the server drops our connection (restart, network)."""
    if backend == "sqlite":
        uow.session.execute(sa.text("PRAGMA busy_timeout=50"))
        other = sqlite3.connect(str(workspace.url.database), isolation_level=None)
        other.execute("BEGIN IMMEDIATE")
        try:
            yield
        finally:
            other.rollback()
            other.close()
        return
    pid = uow.session.execute(sa.text("SELECT pg_backend_pid()")).scalar_one()
    with workspace.engine.connect() as admin:
        # waits (up to 5 s) until the backend is gone, so the commit cannot outrun it
        admin.execute(sa.text("SELECT pg_terminate_backend(:pid, 5000)"), {"pid": pid})
    yield


def test_a_locked_or_unreachable_workspace_is_busy_and_nothing_changes(
        workspace: Workspace, backend: str) -> None:
    member_id = _add(workspace, Member(name="Ann Lee"))

    with workspace.uow() as uow:
        uow.members.get(member_id).update(capacity=10)
        with _busy(workspace, backend, uow), pytest.raises(WorkspaceBusyError) as caught:
            uow.commit()

    message = str(caught.value)
    assert message.startswith("The workspace is busy or unreachable (")
    assert message.endswith("); nothing was changed. Try again.")
    assert "UPDATE" not in message and "members" not in message
    with workspace.uow() as uow:
        assert uow.members.get(member_id).capacity == 40


def test_not_found_names_the_kind_of_record(workspace: Workspace) -> None:
    with workspace.uow() as uow, pytest.raises(
            NotFoundError, match="^territory assignment nope does not exist$"):
        uow.assignments.get("nope")


def test_the_change_log_of_a_flush_is_one_insert_statement(workspace: Workspace) -> None:
    statements: list[str] = []

    def seen(_conn: Any, _cursor: Any, statement: str, *_rest: Any) -> None:
        statements.append(statement)

    sa.event.listen(workspace.engine, "before_cursor_execute", seen)
    try:
        with workspace.uow() as uow:
            for i in range(30):
                uow.members.add(Member(name=f"Rep {i}"))
            uow.commit()
    finally:
        sa.event.remove(workspace.engine, "before_cursor_execute", seen)

    assert sum("INSERT INTO change_log" in s for s in statements) == 1
    assert _count(workspace, tables.change_log) == 30
