"""`salesdesk report lead-contact --by owner|source [--json]` end to end, in a subprocess
like a user runs it, on SQLite and PostgreSQL: the figures are storage.lead_stats' under
the workspace's business hours (the shipped 09:00-17:00 UTC, Monday to Friday)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from datetime import UTC, datetime

import pytest

from salesdesk.domain.leads import LeadData, LeadStatus
from salesdesk.domain.members import Member
from salesdesk.storage.workspace import Workspace


def run(*args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    return subprocess.run([sys.executable, "-m", "salesdesk", *args], capture_output=True,
                          text=True, env=env, timeout=300)


def at(day: int, hour: int, minute: int = 0) -> datetime:
    return datetime(2026, 11, day, hour, minute, tzinfo=UTC)


@pytest.fixture
def db(workspace: Workspace, workspace_url: str) -> str:
    ann = Member(name="Ann Rep")
    leads = [  # business time to first contact: 1 h, 30 min, 8 h 15 min (over a night)
        LeadData(person_name="a1", owner_id=ann.id, source="web", received_at=at(23, 9),
                 first_contacted_at=at(23, 10), sla_due_at=at(23, 10),
                 status=LeadStatus.CONTACTED),
        LeadData(person_name="a2", owner_id=ann.id, source="web", received_at=at(23, 16),
                 first_contacted_at=at(23, 16, 30), sla_due_at=at(23, 17),
                 status=LeadStatus.CONTACTED),
        LeadData(person_name="a3", owner_id=ann.id, source="event", received_at=at(23, 11),
                 first_contacted_at=at(24, 11, 15), sla_due_at=at(23, 12),
                 status=LeadStatus.CONTACTED),
        LeadData(person_name="u1", source="", received_at=at(2, 9), sla_due_at=at(2, 10))]
    with workspace.uow() as uow:
        uow.session.add(ann)
        uow.commit()
    with workspace.uow() as uow:
        uow.leads.add_many(leads, "test")
        uow.commit()
    return workspace_url


def test_json_per_owner(db: str) -> None:
    result = run("report", "lead-contact", "--by", "owner", "--json", "--db", db)
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    assert data["by"] == "owner" and data["business_hours"]["opens"] == "09:00"
    rows = {r["label"]: r for r in data["rows"]}
    assert list(rows) == ["Ann Rep", "Unassigned"]
    ann = rows["Ann Rep"]
    assert (ann["leads"], ann["contacted"], ann["median_hours"], ann["p90_hours"]) == (
        3, 3, 1.0, 8.25)
    assert (ann["within_sla"], ann["with_sla"], ann["overdue_open"]) == (2, 3, 0)
    assert ann["within_sla_share"] == pytest.approx(2 / 3)
    assert rows["Unassigned"] == {
        "key": None, "label": "Unassigned", "leads": 1, "contacted": 0,
        "median_hours": None, "p90_hours": None, "within_sla": 0, "overdue_open": 1,
        "with_sla": 0, "within_sla_share": None}


def test_table_per_source(db: str) -> None:
    result = run("report", "lead-contact", "--by", "source", "--db", db)
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0] == ("Time to first contact by source, in business hours "
                        "(09:00-17:00 UTC)")
    assert lines[1].split() == ["Source", "Leads", "Contacted", "Median", "h", "90th", "pct",
                                "h", "Within", "SLA", "Overdue"]
    assert lines[2].split() == ["web", "2", "2", "0.5", "1.0", "2", "100%", "0"]
    assert [line.split()[0] for line in lines[3:]] == ["(no", "event"]
    assert lines[3].split()[-4:] == ["-", "-", "0", "1"]


@pytest.mark.parametrize(("extra", "message"), [
    (("--by", "team"), "groups by owner or source, not 'team'"),
    (("--period", "2026"), "takes no --period"),
    (("--format", "csv"), "prints a table or JSON")])
def test_refusals_say_what_to_do(db: str, extra: tuple[str, ...], message: str) -> None:
    result = run("report", "lead-contact", *extra, "--db", db)
    assert result.returncode == 1 and message in result.stderr
    assert result.stdout == ""


def test_the_analysis_reports_refuse_owner_by_name(db: str) -> None:
    result = run("report", "funnel", "--by", "owner", "--db", db)
    assert result.returncode == 1 and "'owner' is not a dimension" in result.stderr
