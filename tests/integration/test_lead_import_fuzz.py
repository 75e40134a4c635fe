"""The malformed lead files of tests/unit/test_import_leads_fuzz.py, thrown at a real SQLite
workspace: a refused file leaves every table with the rows it had (leads, their search
index, segment links, the change log, the settings where mappings are remembered); an
imported one adds exactly the leads its report says it created, each searchable and
linked to its segments. Never another exception.

One workspace serves every example (files pile up in it, as in a user's workspace), so
duplicates of earlier files' leads come up too.
"""

from __future__ import annotations

import itertools
import os
from pathlib import Path

import pytest
import sqlalchemy as sa
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from salesdesk.domain.errors import DomainError
from salesdesk.domain.leads import Lead
from salesdesk.domain.members import Member
from salesdesk.services.import_leads import Choice, import_leads
from salesdesk.storage import tables
from salesdesk.storage.files import FileFormatError, read_table
from salesdesk.storage.workspace import Workspace, open_workspace
from unit.test_import_leads_fuzz import clear, malformed_csv

EXAMPLES = int(os.environ.get("SALESDESK_FUZZ_EXAMPLES", "800")) // 4
SETTINGS = settings(max_examples=EXAMPLES, deadline=None,
                    suppress_health_check=[HealthCheck.too_slow,
                                           HealthCheck.function_scoped_fixture])
_counter = itertools.count()


@pytest.fixture(scope="module")
def ws(tmp_path_factory: pytest.TempPathFactory) -> Workspace:
    workspace = open_workspace(tmp_path_factory.mktemp("fuzz") / "leads.sqlite")
    with workspace.uow() as uow:
        uow.members.add(Member(name="Anna Rep", email="anna@corp.example"))
        uow.leads.add(Lead(person_name="Ann Lee", email="ann@acme.example", company="Acme"))
        uow.commit()
    yield workspace
    workspace.close()


def counts(ws: Workspace) -> dict[str, int]:
    with ws.engine.connect() as conn:
        found = {t: conn.execute(sa.select(sa.func.count()).select_from(
            tables.metadata.tables[t])).scalar_one()
            for t in ("leads", "lead_segment_links", "change_log", "settings")}
        found["search"] = conn.exec_driver_sql(
            "SELECT count(*) FROM leads_fts_docsize").scalar_one()
        found["linked"] = conn.exec_driver_sql(
            "SELECT count(*) FROM leads AS l, json_each(l.segments) AS j").scalar_one()
    return found


def check(ws: Workspace, path: Path, choice: Choice) -> None:
    before = counts(ws)
    try:
        report = import_leads(ws.uow, read_table(path), on_duplicate=choice)
    except (FileFormatError, DomainError) as exc:
        assert counts(ws) == before
        clear(exc, path)
        return
    after = counts(ws)
    assert after["leads"] == before["leads"] + len(report.created)
    assert after["search"] == after["leads"]  # each lead in the search index once
    assert after["lead_segment_links"] == after["linked"]  # one link per segment


@SETTINGS
@given(malformed_csv(), st.sampled_from(list(Choice)))
def test_malformed_files_refused_leave_the_workspace_as_it_was(
        ws: Workspace, tmp_path: Path, data: bytes, choice: Choice) -> None:
    path = tmp_path / f"leads{next(_counter)}.csv"
    path.write_bytes(data)
    check(ws, path, choice)
