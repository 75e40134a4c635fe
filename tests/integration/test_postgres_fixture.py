"""The throwaway PostgreSQL server itself: the right binaries, a real server, no silent skip."""

from __future__ import annotations

from pathlib import Path

import psycopg
import pytest

from .pgserver import PostgresServer, fail_or_skip, find_pg_bindir


def _fake_bindir(root: Path, version: str) -> None:
    bindir = root / version / "bin"
    bindir.mkdir(parents=True)
    for tool in ("initdb", "pg_ctl"):
        (bindir / tool).touch()


def test_the_newest_versioned_debian_folder_is_chosen(tmp_path: Path) -> None:
    for version in ("9.6", "13", "16", "15"):
        _fake_bindir(tmp_path, version)
    (tmp_path / "17" / "bin").mkdir(parents=True)  # no binaries: not a candidate

    assert find_pg_bindir(tmp_path) == tmp_path / "16" / "bin"


def test_no_binaries_means_none(tmp_path: Path) -> None:
    assert find_pg_bindir(tmp_path) is None


def test_missing_postgresql_fails_under_ci(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("CI", "true")
    with pytest.raises(pytest.fail.Exception, match="may not be skipped"):
        fail_or_skip("no initdb")


def test_missing_postgresql_skips_elsewhere(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("CI", raising=False)
    with pytest.raises(pytest.skip.Exception, match="no initdb"):
        fail_or_skip("no initdb")


@pytest.mark.postgres
def test_server_is_the_chosen_version_on_localhost(postgres_server: PostgresServer) -> None:
    with psycopg.connect(postgres_server.url) as conn:
        version = conn.execute("SHOW server_version_num").fetchone()
        address = conn.execute("SELECT inet_server_addr()").fetchone()
    assert version is not None and address is not None
    assert int(version[0]) // 10000 == int(postgres_server.bindir.parent.name.split(".")[0])
    assert str(address[0]) == "127.0.0.1"


def test_each_test_gets_a_fresh_empty_target(workspace_url: str, backend: str) -> None:
    if backend == "sqlite":
        assert not Path(workspace_url).exists()
        return
    with psycopg.connect(workspace_url) as conn:
        tables = conn.execute("SELECT count(*) FROM pg_tables WHERE schemaname = 'public'")
        assert tables.fetchone() == (0,)
        assert conn.execute("SELECT current_database()").fetchone() != ("salesdesk_test",)
