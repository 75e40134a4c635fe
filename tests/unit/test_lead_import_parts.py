"""A lead import with a helper process (services/lead_import_parts.py) gives exactly the
import one process gives: the same report, the same leads; a helper that fails or dies
leaves the import to do its part itself; a refusal in the helper's rows is reported by
row; a cancel leaves no process behind."""

from __future__ import annotations

import dataclasses
import multiprocessing
import os
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest

from salesdesk.domain.leads import Lead, LeadData
from salesdesk.domain.members import Member
from salesdesk.domain.territories import Criterion, Territory
from salesdesk.services import lead_import_parts as parts
from salesdesk.services.import_leads import (
    LeadImportRefused,
    import_leads,
    preview_lead_import,
)
from salesdesk.services.imports import ImportCancelled

from .fakes import FakeLeads, FakeRows, FakeWorkspace, make_table

NOW = datetime(2026, 11, 25, 12, 0, tzinfo=UTC)
HEADERS = ["Name", "Email", "Company", "Country", "Source", "Owner", "Segments", "Notes",
           "Created"]
N = 120
"""Rows of the test file: the helper takes the rows after round(N * HERE_SHARE)."""
STAMPS = ("id", "created_at", "updated_at")
"""What differs between two imports of the same file (new ids, the clock)."""


def book() -> list[list[str]]:
    """Rows with duplicates on both sides of the cut and across it, hand-made segments,
    an owner column, formula-like notes and arrival times."""
    rows = []
    for i in range(N):
        company = f"Company {i % 40}"
        rows.append([f"Person {i}", f"p{i}@c{i % 40}.example", company,
                     ("France", "Kenya", "Japan")[i % 3], ("web", "Referral", "event")[i % 3],
                     "Anna Rep" if i % 7 == 0 else "", "vip" if i % 11 == 0 else "",
                     "=HYPERLINK(\"x\")" if i % 13 == 0 else "call back",
                     f"2026-11-{1 + i % 20:02d} {9 + i % 8:02d}:{i % 60:02d}"])
    rows[100][1] = " P3@C3.EXAMPLE "  # the helper's row repeats the first part's e-mail
    rows[101][1] = ""  # the same person and company as row 5's, with a typo, no e-mail
    rows[101][0], rows[101][2] = "Persn 5", "COMPANY 5 Inc."
    rows[10][1] = "p90@c10.example"  # the first part's row repeats the helper's
    rows[90][5] = ""
    return rows


def workspace() -> FakeWorkspace:
    ws = FakeWorkspace()
    ws.seed(Member(name="Anna Rep", email="anna@corp.example"),
            Territory(name="Europe", criteria=[Criterion("country", ("France",))]),
            Lead(person_name="Old Lead", email="p110@c30.example", company="Company 30",
                 created_at=NOW - timedelta(days=3)))
    return ws


def stored(ws: FakeWorkspace) -> list[dict[str, Any]]:
    """Every lead's fields but its id and stamps (owner and territory by name: each
    workspace has its own ids), in a stable order."""
    names = {x.id: x.name for kind in ("members", "territories") for x in ws.live(kind)}
    leads = [{f.name: names.get(v, v) if f.name in ("owner_id", "territory_id") else v
              for f in dataclasses.fields(LeadData) if f.name not in STAMPS
              for v in [getattr(x, f.name)]} for x in ws.live("leads")]
    return sorted(leads, key=lambda x: (x["email"] or "", x["person_name"]))


def labels(report: Any) -> tuple[list[str], ...]:
    return (report.created, report.merged, report.updated, report.skipped, report.refused,
            report.notes)


@pytest.fixture
def helpers(monkeypatch: pytest.MonkeyPatch) -> list[parts.Helper]:
    """The helpers the imports start (to tell that one did its part)."""
    started: list[parts.Helper] = []
    start = parts.Helper.__init__

    def record(self: parts.Helper) -> None:
        start(self)
        started.append(self)
    monkeypatch.setattr(parts.Helper, "__init__", record)
    return started


@pytest.mark.parametrize("choice", ["skip", "merge", "update"])
def test_a_helper_gives_the_import_one_process_gives(helpers: list[parts.Helper],
                                                     choice: str) -> None:
    alone, shared = workspace(), workspace()
    one = import_leads(alone, make_table(HEADERS, *book()), on_duplicate=choice, now=NOW,
                       helper=False)
    assert helpers == []
    two = import_leads(shared, make_table(HEADERS, *book()), on_duplicate=choice, now=NOW,
                       helper=True)
    assert len(helpers) == 1 and helpers[0].problem == "" and helpers[0]._done
    assert labels(two) == labels(one)
    assert stored(shared) == stored(alone)
    assert len(one.created) > 100 and one.skipped + one.merged + one.updated
    assert set(two.changes.ids) == {x.id for x in shared.live("leads")
                                    if x.person_name != "Old Lead" or choice != "skip"}


def test_a_preview_with_a_helper_finds_the_same_groups(helpers: list[parts.Helper]) -> None:
    one = preview_lead_import(workspace(), make_table(HEADERS, *book()), now=NOW)
    two = preview_lead_import(workspace(), make_table(HEADERS, *book()), now=NOW)
    assert helpers == []  # a small file: no helper unless asked
    ws = workspace()
    parts_before = parts.HELPER_MIN
    try:
        parts.HELPER_MIN = 10
        three = preview_lead_import(ws, make_table(HEADERS, *book()), now=NOW)
    finally:
        parts.HELPER_MIN = parts_before
    assert len(helpers) == 1 and helpers[0].problem == ""
    assert [g.rows for g in three.groups] == [g.rows for g in one.groups] \
        == [g.rows for g in two.groups]
    assert [g.lead_ids for g in three.groups] != [] and three.duplicate_groups >= 3
    assert multiprocessing.active_children() == []


def test_a_refusal_in_the_helpers_rows_names_its_row(helpers: list[parts.Helper]) -> None:
    rows = book()
    rows[3][5] = "Nobody Known"  # an owner who is not in the team
    rows[110][8] = "2031-01-01 10:00"  # in the future
    ws = workspace()
    before = ws.snapshot()
    with pytest.raises(LeadImportRefused) as caught:
        import_leads(ws, make_table(HEADERS, *rows), now=NOW, helper=True)
    refused = caught.value.report.refused
    assert [r.split(",")[0] for r in refused] == ["row 5", "row 112"]
    assert "column 'created'" in refused[1] and "future" in refused[1]
    assert ws.snapshot() == before
    assert helpers[0].problem == ""
    assert multiprocessing.active_children() == []


class FailingRows(FakeRows):
    """A row maker that works only in the process that made it: elsewhere it raises
    ("fails") or ends the process ("dies") when asked for rows, cannot be unpickled
    ("unreadable": the helper fails before it reads a row), or does not pickle at all
    ("unpicklable": the helper never gets its part)."""

    def __init__(self, how: str) -> None:
        super().__init__()
        self.how, self.home = how, os.getpid()
        if how == "unpicklable":
            self.hook = lambda: None

    def __setstate__(self, state: dict[str, Any]) -> None:
        if state["how"] == "unreadable" and os.getpid() != state["home"]:
            raise RuntimeError("cannot be read here")
        self.__dict__.update(state)

    def __call__(self, leads: Any) -> list[LeadData]:
        if os.getpid() != self.home:
            if self.how == "dies":
                os._exit(3)
            raise RuntimeError("no rows here")
        return super().__call__(leads)


WHY = {"fails": "no rows here", "dies": "ended", "unreadable": "cannot be read here",
       "unpicklable": "could not be given its rows"}


@pytest.mark.parametrize("how", list(WHY))
def test_a_helper_that_fails_leaves_its_part_to_the_import(
        helpers: list[parts.Helper], monkeypatch: pytest.MonkeyPatch, how: str) -> None:
    alone = workspace()
    one = import_leads(alone, make_table(HEADERS, *book()), on_duplicate="merge", now=NOW,
                       helper=False)
    monkeypatch.setattr(FakeLeads, "row_maker", lambda self: FailingRows(how))
    shared = workspace()
    two = import_leads(shared, make_table(HEADERS, *book()), on_duplicate="merge", now=NOW,
                       helper=True)
    assert labels(two) == labels(one)
    assert stored(shared) == stored(alone)
    problem = helpers[0].problem
    assert WHY[how] in problem, problem
    assert multiprocessing.active_children() == []


def test_a_cancel_stops_the_helper_and_writes_nothing(helpers: list[parts.Helper]) -> None:
    ws = workspace()
    before = ws.snapshot()
    calls: list[tuple[int, int]] = []

    def progress(done: int, total: int) -> bool:
        calls.append((done, total))
        return len(calls) < 2
    with pytest.raises(ImportCancelled):
        import_leads(ws, make_table(HEADERS, *book()), now=NOW, helper=True,
                     progress=progress)
    assert ws.snapshot() == before
    assert calls[0] == (0, N) and len(calls) == 2
    assert multiprocessing.active_children() == []


def test_columns_travel_as_one_text_unless_a_cell_holds_the_separator() -> None:
    cells = ["a", "", "b c", "é"]
    packed = parts._packed(cells)
    assert isinstance(packed, str) and parts._unpacked(packed, 4) == cells
    odd = ["a\x00b", "c"]
    assert parts._packed(odd) is odd and parts._unpacked(odd, 2) == odd
    assert parts._unpacked(parts._packed([]), 0) == []
    assert parts._unpacked(parts._packed([""]), 1) == [""]


def test_only_a_big_file_gets_a_helper_unless_asked() -> None:
    assert not parts.wanted(parts.HELPER_MIN - 1, None)
    assert parts.wanted(parts.HELPER_MIN, None)
    assert parts.wanted(2, True) and not parts.wanted(1, True)
    assert not parts.wanted(10 ** 6, False)
