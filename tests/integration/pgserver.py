"""A throwaway PostgreSQL server for the storage tests (see conftest.postgres_server).

Uses Debian's versioned binaries in /usr/lib/postgresql/<version>/bin (not on PATH). As
root, initdb and pg_ctl refuse to run, so they run as the postgres user via runuser in a
folder that user owns. The server listens on 127.0.0.1 only, on a free port, with trust
auth for the postgres user and fsync off (the data is thrown away).
"""

from __future__ import annotations

import os
import pwd
import re
import shlex
import shutil
import socket
import subprocess
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import NoReturn

import psycopg
import pytest

PG_ROOT = Path("/usr/lib/postgresql")
PG_USER = "postgres"
START_TIMEOUT_S = 60


def fail_or_skip(reason: str) -> NoReturn:
    """Skip the PostgreSQL tests, except under CI=true where a missing server is a failure."""
    if os.environ.get("CI") == "true":
        pytest.fail(f"{reason} (CI=true: PostgreSQL tests may not be skipped)", pytrace=False)
    pytest.skip(reason)


def _version_key(bindir: Path) -> tuple[int, ...]:
    return tuple(int(n) for n in re.findall(r"\d+", bindir.parent.name))


def find_pg_bindir(root: Path | None = None) -> Path | None:
    """The newest <root>/<version>/bin holding initdb and pg_ctl (root: PG_ROOT)."""
    found = [b for b in (root or PG_ROOT).glob("*/bin")
             if (b / "initdb").is_file() and (b / "pg_ctl").is_file()]
    return max(found, key=_version_key, default=None)


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


@dataclass(frozen=True)
class PostgresServer:
    bindir: Path
    port: int
    database: str  # created at start; each test gets its own too (conftest.workspace_url)

    @property
    def url(self) -> str:
        return self.url_for(self.database)

    def url_for(self, database: str) -> str:
        return f"postgresql://{PG_USER}@127.0.0.1:{self.port}/{database}"

    def admin(self, sql: str) -> None:
        """Run one statement outside a transaction (CREATE/DROP DATABASE need that)."""
        with psycopg.connect(self.url_for("postgres"), autocommit=True) as conn:
            conn.execute(sql)


class _Tools:
    """Runs initdb/pg_ctl, as PG_USER when we are root."""

    def __init__(self, bindir: Path):
        self.bindir = bindir
        self.prefix: list[str] = []
        self.owner: pwd.struct_passwd | None = None
        if os.geteuid() == 0:
            try:
                self.owner = pwd.getpwnam(PG_USER)
            except KeyError:
                fail_or_skip(f"running as root and there is no '{PG_USER}' user to run "
                             "initdb and pg_ctl as")
            self.prefix = [shutil.which("runuser") or "/usr/sbin/runuser", "-u", PG_USER, "--"]

    def own(self, path: Path) -> None:
        if self.owner is not None:
            os.chown(path, self.owner.pw_uid, self.owner.pw_gid)

    def run(self, tool: str, *args: str, check: bool = True) -> subprocess.CompletedProcess[str]:
        cmd = [*self.prefix, str(self.bindir / tool), *args]
        result = subprocess.run(cmd, capture_output=True, text=True, check=False,
                                timeout=START_TIMEOUT_S + 30)
        if check and result.returncode != 0:
            raise RuntimeError(f"{shlex.join(cmd)} exited with {result.returncode}:\n"
                               f"{result.stdout}{result.stderr}")
        return result


def _start(tools: _Tools, data: Path, sockets: Path, log: Path) -> int:
    """Start on a free port; try another if some process took the port in between."""
    for _attempt in range(3):
        port = free_port()
        options = (f"-k {shlex.quote(str(sockets))} -p {port} "
                   "-c listen_addresses=127.0.0.1 -c fsync=off")
        result = tools.run("pg_ctl", "-D", str(data), "-l", str(log), "-o", options,
                           "-w", "-t", str(START_TIMEOUT_S), "start", check=False)
        if result.returncode == 0:
            return port
    text = log.read_text(errors="replace") if log.exists() else "(no server log)"
    raise RuntimeError(f"PostgreSQL did not start:\n{result.stdout}{result.stderr}\n{text}")


def _stop(tools: _Tools, data: Path) -> None:
    if not (data / "postmaster.pid").exists():
        return
    stopped = tools.run("pg_ctl", "-D", str(data), "-m", "fast", "-w", "stop", check=False)
    if stopped.returncode != 0:
        tools.run("pg_ctl", "-D", str(data), "-m", "immediate", "-w", "stop", check=False)


@contextmanager
def running_server(database: str = "salesdesk_test") -> Iterator[PostgresServer]:
    """Start a server, create `database`, yield; always stop it and delete its folder."""
    bindir = find_pg_bindir()
    if bindir is None:
        fail_or_skip(f"PostgreSQL server binaries not found: no {PG_ROOT}/*/bin/initdb "
                     "(apt-get install postgresql)")
    tools = _Tools(bindir)
    root = Path(tempfile.mkdtemp(prefix="salesdesk-pg-"))
    data, sockets = root / "data", root / "sockets"
    try:
        tools.own(root)
        sockets.mkdir()
        tools.own(sockets)
        # Byte-order collation, but Unicode case rules as on a real server: under LC_CTYPE=C,
        # lower('É') is 'É' and accented names would compare differently than anywhere else.
        tools.run("initdb", "-D", str(data), "-U", PG_USER, "--auth=trust", "--no-sync",
                  "--encoding=UTF8", "--locale=C", "--lc-ctype=C.UTF-8")
        server = PostgresServer(bindir, _start(tools, data, sockets, root / "server.log"),
                                database)
        server.admin(f'CREATE DATABASE "{database}"')
        yield server
    finally:
        try:
            _stop(tools, data)
        finally:
            shutil.rmtree(root, ignore_errors=True)
