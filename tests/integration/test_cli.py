"""The `salesdesk` command line end to end, in a subprocess like a user runs it."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from salesdesk import __version__


def run(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    return subprocess.run([sys.executable, "-m", "salesdesk", *args], capture_output=True,
                          text=True, env=env, cwd=cwd, timeout=300)


@pytest.fixture(scope="module")
def demo_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    db = tmp_path_factory.mktemp("cli") / "demo.sqlite"
    result = run("demo", "--db", str(db))
    assert result.returncode == 0, result.stderr
    assert "85 of 85 accounts landed" in result.stdout
    assert "sales_pipeline.csv: 8800 created, 0 updated, 0 skipped" in result.stdout
    return db


def test_version() -> None:
    result = run("--version")
    assert result.returncode == 0
    assert result.stdout.strip() == f"SalesDesk {__version__}"


def test_report_team_json_shows_the_sample_company(demo_db: Path) -> None:
    result = run("report", "team", "--db", str(demo_db), "--json")
    assert result.returncode == 0, result.stderr
    members = json.loads(result.stdout)["members"]
    assert {m["role"] for m in members} == {"rep", "manager"}
    assert sum(m["role"] == "rep" for m in members) == 35
    assert sum(m["role"] == "manager" for m in members) == 6
    assert {m["team"] for m in members} == {"Central", "East", "West"}
    assert set(members[0]) == {"name", "email", "role", "manager", "team", "territories",
                               "skills", "active"}
    anna = next(m for m in members if m["name"] == "Anna Snelling")
    assert anna["manager"] == "Dustin Brinkmann"
    assert anna["territories"] == ["US Commercial"]
    assert anna["skills"]["products"]  # derived from her won deals in the sample
    assert all(m["active"] for m in members)


def test_report_pipeline_shows_the_sample_deals(demo_db: Path) -> None:
    result = run("report", "pipeline", "--db", str(demo_db))
    assert result.returncode == 0, result.stderr
    rows = {line.split()[0]: line.split()[1] for line in result.stdout.splitlines()[1:]}
    assert rows == {"Prospecting": "500", "Engaging": "1,589", "Won": "4,238",
                    "Lost": "2,473"}


def test_demo_twice_does_not_duplicate(demo_db: Path) -> None:
    result = run("demo", "--db", str(demo_db))
    assert result.returncode == 0
    assert "was not imported again" in result.stdout
    members = json.loads(run("report", "team", "--db", str(demo_db), "--json").stdout)
    assert len(members["members"]) == 41


def test_import_prints_created_updated_skipped(tmp_path: Path) -> None:
    db = tmp_path / "w.sqlite"
    sample = Path(__file__).parents[2] / "resources" / "sample"
    first = run("import", "team", str(sample / "sales_teams.csv"), "--db", str(db))
    assert first.returncode == 0, first.stderr
    assert first.stdout.startswith("sales_teams.csv: 44 created, 0 updated, 0 skipped")
    again = run("import", "team", str(sample / "sales_teams.csv"), "--db", str(db))
    assert again.stdout.startswith("sales_teams.csv: 0 created, 0 updated, 35 skipped")
    assert "unchanged" in again.stdout


@pytest.mark.parametrize("content, expected", [
    (b"", "is empty"),
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "not a spreadsheet"),
    (b"first,second\nA,B\n", "missing column 'name'"),
    (b"name,email\nAnn Lee,not-an-email\n", "row 2, field 'email'"),
])
def test_bad_files_give_a_clear_error_and_no_traceback(tmp_path: Path, content: bytes,
                                                       expected: str) -> None:
    bad = tmp_path / "bad.csv"
    bad.write_bytes(content)
    result = run("import", "team", str(bad), "--db", str(tmp_path / "w.sqlite"))
    assert result.returncode == 1
    assert expected in result.stderr
    assert "Traceback" not in result.stderr + result.stdout


def test_missing_workspace_is_an_error_not_a_traceback(tmp_path: Path) -> None:
    result = run("report", "team", "--db", str(tmp_path / "nope.sqlite"))
    assert result.returncode == 1
    assert "There is no workspace" in result.stderr
    assert "Traceback" not in result.stderr


def test_unsupported_database_url(tmp_path: Path) -> None:
    result = run("report", "team", "--db", "mysql://db/x")
    assert result.returncode == 1
    assert "unsupported database 'mysql'" in result.stderr


def test_screenshot_writes_a_png(demo_db: Path, tmp_path: Path) -> None:
    out = tmp_path / "team.png"
    result = run("screenshot", "--db", str(demo_db), "--tab", "team", "--out", str(out),
                 "--size", "1000x700")
    assert result.returncode == 0, result.stderr
    assert out.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def test_bad_screenshot_size(demo_db: Path, tmp_path: Path) -> None:
    result = run("screenshot", "--db", str(demo_db), "--tab", "team", "--out",
                 str(tmp_path / "x.png"), "--size", "huge")
    assert result.returncode == 1
    assert "--size must look like 1400x900" in result.stderr
