"""`salesdesk import leads`, `report leads --json` and `route` end to end, in a subprocess
like a user runs them, on SQLite and PostgreSQL."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from datetime import date
from pathlib import Path

import pytest

from salesdesk.domain.members import Member
from salesdesk.domain.territories import Criterion, Territory, TerritoryAssignment
from salesdesk.storage.workspace import Workspace

LEADS = """First Name,Last Name,E-mail,Company,Country,Lead Source,Status,Reason,Created,Notes
Ann,Lee,ann@acme.example,Acme Inc,France,Referral,new,,2026-11-20 10:00,=HYPERLINK("x")
Ann,Lee, ANN@acme.example ,ACME,,web,,,2026-11-21,asked about the price
Jon,Smith,jon@globex.example,Globex,France,event,qualified,,2026-11-23,
John,Smith,,Globex,,,,,,
Zoe,Park,zoe@initech.example,Initech,Kenya,partner,unqualified,too expensive,2026-11-24,
Cy,Do,cy@umbrella.example,Umbrella,France,web,,,2026-11-25 08:00,
"""


def run(*args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    return subprocess.run([sys.executable, "-m", "salesdesk", *args], capture_output=True,
                          text=True, env=env, timeout=300)


@pytest.fixture
def db(workspace: Workspace, workspace_url: str) -> str:
    france = Territory(name="France", criteria=[Criterion("country", ("France",))])
    ann = Member(name="Ann Rep", capacity=2)
    bob = Member(name="Bob Rep", capacity=10)
    with workspace.uow() as uow:
        for entity in (france, ann, bob, TerritoryAssignment(
                territory_id=france.id, member_id=ann.id, start=date(2020, 1, 1))):
            uow.session.add(entity)
        uow.commit()
    return workspace_url


def report(db: str) -> dict[str, object]:
    result = run("report", "leads", "--json", "--db", db)
    assert result.returncode == 0, result.stderr
    data: dict[str, object] = json.loads(result.stdout)
    return data


def test_import_report_route_and_undo(db: str, tmp_path: Path) -> None:
    path = tmp_path / "leads.csv"
    path.write_text(LEADS, encoding="utf-8")
    result = run("import", "leads", str(path), "--db", db, "--on-duplicate", "merge")
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0] == "leads.csv: 4 created, 1 merged, 0 updated, 1 skipped, 0 refused"
    assert "  merged row 3 into row 2: notes (same e-mail ann@acme.example)" in lines
    assert "  skipped row 5: nothing new for row 4 (similar names at one company: 'jon " \
           "smith' and 'john smith' (95%))" in lines
    assert any("look like spreadsheet formulas" in line for line in lines)

    data = report(db)
    assert list(data) == ["total", "by_status", "by_segment", "unassigned", "overdue"]
    assert data["total"] == 4 and data["unassigned"] == 3
    assert data["by_status"] == {"new": 2, "contacted": 0, "qualified": 1, "nurturing": 0,
                                 "unqualified": 1, "converted": 0, "disqualified": 0}
    segments = data["by_segment"]
    assert isinstance(segments, dict)
    assert (segments["price objection"], segments["qualified"]) == (2, 1)

    dry = run("route", "--dry-run", "--json", "--db", db)
    assert dry.returncode == 0, dry.stderr
    plan = json.loads(dry.stdout)
    assert list(plan) == ["assignments", "unassigned"] and len(plan["assignments"]) == 2
    assert [u["reason"] for u in plan["unassigned"]] == [
        "all 1 reps of territory France are at capacity"]
    first = plan["assignments"][0]
    assert list(first) == ["lead_id", "member", "reasons"]
    assert first["member"] == "Ann Rep" and first["reasons"][0] == "territory France"
    assert report(db)["unassigned"] == 3  # a dry run writes nothing

    applied = run("route", "--db", db)
    assert applied.returncode == 0, applied.stderr
    assert "Routed 2 leads; 1 left unassigned. Undo with: salesdesk route --undo" in \
        applied.stdout
    assert report(db)["unassigned"] == 1
    undone = run("route", "--undo", "--db", db)
    assert (undone.returncode, undone.stdout.strip()) == (0, "Undid the routing of 2 leads")
    assert report(db)["unassigned"] == 3
    again = run("route", "--undo", "--db", db)
    assert again.returncode == 1 and "no applied routing to undo" in again.stderr


def test_a_refused_import_names_rows_and_columns_and_writes_nothing(db: str,
                                                                    tmp_path: Path) -> None:
    path = tmp_path / "bad.csv"
    path.write_text("Name,Email,Status\nAnn,ann@acme.example,new\nBob,bob@,new\n"
                    "Cy,,maybe\n", encoding="utf-8")
    result = run("import", "leads", str(path), "--db", db)
    assert result.returncode == 1
    assert "row 3, column 'email': 'bob@' is not a valid e-mail address" in result.stdout
    assert "row 4, column 'status': 'maybe' is not a lead status" in result.stdout
    assert "nothing was imported: 2 row problem(s)" in result.stderr
    assert report(db)["total"] == 0


def test_on_duplicate_is_for_leads_only(db: str, tmp_path: Path) -> None:
    path = tmp_path / "team.csv"
    path.write_text("name\nAnn\n", encoding="utf-8")
    result = run("import", "team", str(path), "--db", db, "--on-duplicate", "merge")
    assert result.returncode == 1 and "for `import leads` only" in result.stderr
