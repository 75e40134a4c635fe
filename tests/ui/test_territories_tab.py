"""The Territories tab on a real SQLite workspace holding the sample company (pytest-qt,
offscreen). Most tests drive the tab alone over a UiContext (terr_* fixtures, built on
conftest's `sample_workspace`); one checks it inside the main window."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QUndoStack

from salesdesk.domain.territories import Criterion, RuleField
from salesdesk.services import territories as svc
from salesdesk.storage import queries
from salesdesk.storage.workspace import Workspace, open_workspace
from salesdesk.ui import ops as ops_module
from salesdesk.ui.context import UiContext
from salesdesk.ui.dialogs.assign_rep_dialog import AssignRepDialog
from salesdesk.ui.dialogs.territory_dialog import TerritoryDialog
from salesdesk.ui.models.accounts_model import AccountFilter, PagedAccountsModel
from salesdesk.ui.models.coverage_model import (
    CoverageLine,
    assignments_model,
    coverage_model,
    overlaps_model,
    ties_model,
)
from salesdesk.ui.models.territory_tree_model import TerritoryTreeModel
from salesdesk.ui.ops import Ops
from salesdesk.ui.settings import UiSettings
from salesdesk.ui.territories_tab import TerritoriesTab

WAIT = 10_000


# --- fixtures --------------------------------------------------------------------------
@pytest.fixture
def terr_workspace(sample_workspace: Path) -> Iterator[Workspace]:
    """The sample company (tests/ui/conftest.py copies it for each test), opened."""
    workspace = open_workspace(sample_workspace)
    yield workspace
    workspace.close()


@pytest.fixture
def terr_ctx(qapp: Any, terr_workspace: Workspace, tmp_path: Path) -> Iterator[UiContext]:
    ops = Ops()
    settings = UiSettings(QSettings(str(tmp_path / "ui.ini"), QSettings.Format.IniFormat))
    ctx = UiContext(terr_workspace, ops, QUndoStack(), settings)
    yield ctx
    ops.shutdown()


@pytest.fixture
def tab(qtbot: Any, terr_ctx: UiContext) -> TerritoriesTab:
    widget = TerritoriesTab(terr_ctx)
    qtbot.addWidget(widget)
    terr_ctx.ops.changes_did_happen.connect(widget.on_changes)  # as the main window does
    widget.resize(1400, 860)
    widget.show()
    qtbot.waitUntil(lambda: widget.coverage.counts is not None and not terr_ctx.ops.busy,
                    timeout=WAIT)
    return widget


@pytest.fixture
def no_message_boxes(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Errors Ops would show in a message box, recorded instead of blocking the test."""
    shown: list[str] = []
    monkeypatch.setattr(ops_module.QMessageBox, "warning",
                        lambda _parent, _title, text, *a: shown.append(text))
    return shown


def rows_by_name(workspace: Workspace) -> dict[str, queries.TerritoryRow]:
    with workspace.engine.connect() as conn:
        return {r.name: r for r in queries.territories(conn)}


def account_landing(workspace: Workspace) -> dict[str, str | None]:
    with workspace.engine.connect() as conn:
        return {a.name: a.territory_id for a in queries.accounts(conn, limit=10_000)}


def tree_names(tab: TerritoriesTab) -> list[str]:
    model, names = tab.tree_model, []

    def walk(parent: Any) -> None:
        for row in range(model.rowCount(parent)):
            index = model.index(row, 0, parent)
            names.append(model.data(index))
            walk(index)

    walk(model.index(-1, -1))
    return names


def select(qtbot: Any, tab: TerritoriesTab, name: str) -> queries.TerritoryRow:
    row = next(r for r in tab.territory_rows() if r.name == name)
    tab.select_territory(row.id)
    assert tab.current is not None and tab.current.id == row.id
    qtbot.waitUntil(lambda: tab.preview.count is not None and not tab.ctx.ops.busy,
                    timeout=WAIT)
    return row


def settle(qtbot: Any, tab: TerritoriesTab) -> None:
    qtbot.waitUntil(lambda: not tab.ctx.ops.busy and not tab.preview.pending(), timeout=WAIT)


# --- what the sample shows -------------------------------------------------------------
def test_the_sample_shows_eight_territories_and_full_coverage(tab: TerritoriesTab) -> None:
    names = tree_names(tab)
    assert len(names) == 8 and tab.tree_model.rowCount() == 4
    assert {"Americas", "US Commercial", "Latin America", "Key accounts"} <= set(names)
    counts = tab.coverage.counts
    assert counts is not None and (counts.accounts, counts.landed, counts.unassigned) == \
        (85, 85, 0)
    assert tab.coverage.summary.text() == "85 accounts: 85 landed, 0 unassigned, 0 ties"
    assert tab.coverage.territories.rowCount() == 8
    assert tab.coverage.unassigned.rowCount() == 0 and tab.coverage.unassigned.total == 0
    assert "every account landed" in tab.coverage.unassigned_section.empty.text()


def test_overlaps_from_the_last_evaluation_are_listed(tab: TerritoriesTab,
                                                      qtbot: Any) -> None:
    overlaps = tab.coverage.overlaps.rows()
    assert ("Americas › US Technology & Telecom", "Key accounts", 2) in overlaps
    assert sum(n for *_pair, n in overlaps) == 4  # the four named accounts
    assert tab.coverage.ties.rowCount() == 0
    assert "no account was matched equally" in tab.coverage.tie_section.empty.text()
    assert "Rules changed since" not in tab.coverage.evaluation_label.text()


def test_last_evaluation_notices_rule_changes(terr_workspace: Workspace) -> None:
    last = svc.last_evaluation(terr_workspace.uow)
    assert last is not None and last.accounts == 85 and not last.rules_changed_since
    apac = rows_by_name(terr_workspace)["APAC"]
    svc.edit_territory(terr_workspace.uow, apac.id, apac.version, name="Asia Pacific")
    changed = svc.last_evaluation(terr_workspace.uow)
    assert changed is not None and changed.rules_changed_since


# --- models ------------------------------------------------------------------------------
def test_every_model_passes_the_model_tester(qtmodeltester: Any, qtbot: Any,
                                             terr_ctx: UiContext,
                                             terr_workspace: Workspace) -> None:
    with terr_workspace.engine.connect() as conn:
        rows = queries.territories(conn)
        assignments = queries.assignments(conn)
    tree = TerritoryTreeModel()
    tree.set_rows(rows)
    qtmodeltester.check(tree)
    accounts = PagedAccountsModel(lambda q, done: terr_ctx.read(q, done), page_size=10)
    accounts.set_filter(AccountFilter(territory_id=rows_by_name(terr_workspace)
                                      ["US Commercial"].id))
    qtbot.waitUntil(lambda: accounts.rowCount() == 10, timeout=WAIT)
    qtmodeltester.check(accounts)
    coverage = coverage_model()
    coverage.set_rows([CoverageLine(r, r.name, 0.1) for r in rows])
    qtmodeltester.check(coverage)
    for model, data in ((overlaps_model(), [("A", "B", 3), ("C", "D", 1)]),
                        (ties_model(), [("Acme", ("A", "B"))]),
                        (assignments_model(), assignments)):
        model.set_rows(data)
        qtmodeltester.check(model)


def test_the_accounts_model_pages_and_sorts_in_sql(qtbot: Any, terr_ctx: UiContext,
                                                   terr_workspace: Workspace) -> None:
    issued: list[Any] = []

    def read(query: Any, done: Any) -> None:
        issued.append(query)
        terr_ctx.read(query, done)

    us = rows_by_name(terr_workspace)["US Commercial"]
    assert us.accounts == 31
    model = PagedAccountsModel(read, page_size=12)
    model.set_filter(AccountFilter(territory_id=us.id))
    qtbot.waitUntil(lambda: model.rowCount() == 12, timeout=WAIT)
    assert model.total == 31 and model.canFetchMore() and len(issued) == 1
    model.fetchMore()
    assert not model.canFetchMore()  # one page at a time while a page is on its way
    qtbot.waitUntil(lambda: model.rowCount() == 24, timeout=WAIT)
    model.fetchMore()
    qtbot.waitUntil(lambda: model.rowCount() == 31, timeout=WAIT)
    assert not model.canFetchMore() and len(issued) == 3
    names = [model.row_at(i).name for i in range(31)]
    assert len(set(names)) == 31

    model.sort(4, Qt.SortOrder.DescendingOrder)  # employees, biggest first
    assert len(issued) == 4  # sorting asked the database again
    qtbot.waitUntil(lambda: model.sort_key == ("employees", True)
                    and model.rowCount() == 12 and not model.loading, timeout=WAIT)
    with terr_workspace.engine.connect() as conn:
        everyone = queries.accounts(conn, territory_id=us.id)
    biggest = sorted(everyone, key=lambda a: a.employees or 0, reverse=True)[:12]
    assert [model.row_at(i).name for i in range(12)] == [a.name for a in biggest]


def test_a_page_that_arrives_after_the_order_changed_is_dropped(
        qtbot: Any, terr_ctx: UiContext, terr_workspace: Workspace) -> None:
    us = rows_by_name(terr_workspace)["US Commercial"]
    model = PagedAccountsModel(lambda q, done: terr_ctx.read(q, done), page_size=5)
    shown: list[str] = []
    model.modelReset.connect(lambda: shown.append(model.row_at(0).name))
    model.set_filter(AccountFilter(territory_id=us.id))
    model.sort(0, Qt.SortOrder.DescendingOrder)  # before the first page arrived
    qtbot.waitUntil(lambda: not terr_ctx.ops.busy and not model.loading, timeout=WAIT)
    names = [model.row_at(i).name for i in range(5)]
    with terr_workspace.engine.connect() as conn:
        last = queries.accounts(conn, territory_id=us.id, descending=True, limit=5)
    assert names == [a.name for a in last]
    assert shown == [names[0]]  # the ascending page never reached the view


# --- rules: preview, apply, undo ---------------------------------------------------------
def test_the_preview_follows_the_criteria_as_they_are_edited(qtbot: Any,
                                                             tab: TerritoriesTab) -> None:
    select(qtbot, tab, "US Commercial")
    qtbot.waitUntil(lambda: tab.preview.count == 32, timeout=WAIT)  # 31 + a named account
    industry = tab.rule_editor.criterion_rows()[1]
    industry.values_edit.selectAll()
    qtbot.keyClicks(industry.values_edit, "retail")
    with tab.ctx.workspace.engine.connect() as conn:
        expected = sum(1 for a in queries.accounts(conn, limit=10_000)
                       if a.country == "United States" and a.sector == "retail")
    assert 0 < expected < 32
    qtbot.waitUntil(lambda: tab.preview.count == expected, timeout=WAIT)
    assert tab.preview.heading.text() == f"Matches {expected} accounts"
    assert tab.preview.names.rowCount() == expected
    assert tab.rule_editor.apply_button.isEnabled()


def test_an_invalid_criterion_names_its_field_and_cannot_be_applied(
        qtbot: Any, tab: TerritoriesTab) -> None:
    select(qtbot, tab, "EMEA")
    row = tab.rule_editor.add_criterion(None)
    row.field_combo.setCurrentIndex(row.field_combo.findData(RuleField.EMPLOYEES.value))
    qtbot.keyClicks(row.min_edit, "500")
    qtbot.keyClicks(row.max_edit, "100")
    assert "Employees" in tab.rule_editor.problem_label.text()
    assert "minimum must be below" in tab.rule_editor.problem_label.text()
    assert not tab.rule_editor.apply_button.isEnabled()
    qtbot.waitUntil(lambda: tab.preview.heading.text() == "No preview", timeout=WAIT)
    row.max_edit.clear()
    qtbot.keyClicks(row.max_edit, "lots")
    assert "'lots' is not a number" in tab.rule_editor.problem_label.text()


def test_applying_rules_persists_and_undo_restores_them(qtbot: Any,
                                                        tab: TerritoriesTab) -> None:
    ws = tab.ctx.workspace
    before = rows_by_name(ws)["US Commercial"].criteria
    select(qtbot, tab, "US Commercial")
    industry = tab.rule_editor.criterion_rows()[1]
    industry.values_edit.selectAll()
    qtbot.keyClicks(industry.values_edit, "retail, services")
    qtbot.mouseClick(tab.rule_editor.apply_button, Qt.MouseButton.LeftButton)
    wanted = (Criterion(RuleField.COUNTRY, ("United States",)),
              Criterion(RuleField.INDUSTRY, ("retail", "services")))
    qtbot.waitUntil(lambda: rows_by_name(ws)["US Commercial"].criteria == wanted,
                    timeout=WAIT)
    settle(qtbot, tab)
    assert not tab.rule_editor.is_dirty() and tab.ctx.undo_stack.count() == 1
    assert "re-evaluate" in tab.notice.text()

    tab.ctx.undo_stack.undo()
    qtbot.waitUntil(lambda: rows_by_name(ws)["US Commercial"].criteria == before,
                    timeout=WAIT)
    qtbot.waitUntil(lambda: tab.rule_editor.saved == before, timeout=WAIT)
    shown = tab.rule_editor.criterion_rows()[1].values_edit.text()
    assert shown == "retail, marketing, entertainment, employment, services"
    tab.ctx.undo_stack.redo()
    qtbot.waitUntil(lambda: rows_by_name(ws)["US Commercial"].criteria == wanted,
                    timeout=WAIT)


def test_a_stale_edit_is_refused_with_a_message_and_not_pushed(
        qtbot: Any, tab: TerritoriesTab, no_message_boxes: list[str]) -> None:
    row = select(qtbot, tab, "APAC")
    svc.edit_territory(tab.ctx.uow, row.id, row.version, name="Asia")  # behind the tab
    tab.apply_rules([Criterion(RuleField.COUNTRY, ("Japan",))])
    qtbot.waitUntil(lambda: bool(no_message_boxes), timeout=WAIT)
    assert "changed by someone else" in no_message_boxes[0]
    assert tab.ctx.undo_stack.count() == 0
    assert rows_by_name(tab.ctx.workspace)["Asia"].criteria == row.criteria


# --- territories: add, delete, undo/redo ---------------------------------------------------
def test_adding_a_territory_can_be_undone_and_redone(qtbot: Any, tab: TerritoriesTab,
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    emea = select(qtbot, tab, "EMEA")
    asked: dict[str, Any] = {}

    def ask(_parent: Any, **kwargs: Any) -> dict[str, Any]:
        asked.update(kwargs)
        return {"name": "Nordics", "parent_id": emea.id}

    monkeypatch.setattr(TerritoryDialog, "ask", ask)
    qtbot.mouseClick(tab.add_sub_button, Qt.MouseButton.LeftButton)
    assert asked["parent_id"] == emea.id
    qtbot.waitUntil(lambda: len(tree_names(tab)) == 9, timeout=WAIT)
    settle(qtbot, tab)
    assert tab.current is not None and tab.current.name == "Nordics"
    assert rows_by_name(tab.ctx.workspace)["Nordics"].parent_id == emea.id

    tab.ctx.undo_stack.undo()
    qtbot.waitUntil(lambda: len(tree_names(tab)) == 8, timeout=WAIT)
    assert "Nordics" not in rows_by_name(tab.ctx.workspace)
    tab.ctx.undo_stack.redo()
    qtbot.waitUntil(lambda: len(tree_names(tab)) == 9, timeout=WAIT)
    assert "Nordics" in rows_by_name(tab.ctx.workspace)


def test_deleting_leaves_its_accounts_unassigned_until_undone(qtbot: Any,
                                                             tab: TerritoriesTab) -> None:
    select(qtbot, tab, "Latin America")
    qtbot.mouseClick(tab.delete_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: len(tree_names(tab)) == 7, timeout=WAIT)
    qtbot.waitUntil(lambda: tab.coverage.counts is not None
                    and tab.coverage.counts.unassigned == 2, timeout=WAIT)
    qtbot.waitUntil(lambda: tab.coverage.unassigned.rowCount() == 2, timeout=WAIT)
    tab.ctx.undo_stack.undo()
    qtbot.waitUntil(lambda: len(tree_names(tab)) == 8, timeout=WAIT)
    qtbot.waitUntil(lambda: tab.coverage.counts is not None
                    and tab.coverage.counts.unassigned == 0, timeout=WAIT)


def test_a_territory_with_sub_territories_cannot_be_deleted(qtbot: Any,
                                                            tab: TerritoriesTab) -> None:
    select(qtbot, tab, "Americas")
    assert not tab.delete_button.isEnabled()
    assert "sub-territories" in tab.delete_button.toolTip()


# --- reps ----------------------------------------------------------------------------------
def test_assigning_a_rep_can_be_undone(qtbot: Any, tab: TerritoriesTab,
                                       monkeypatch: pytest.MonkeyPatch) -> None:
    apac = select(qtbot, tab, "APAC")
    qtbot.waitUntil(lambda: tab.reps.model.rowCount() == 6, timeout=WAIT)
    offered: list[Any] = []

    def ask(_parent: Any, *, territory: str, members: list[Any]) -> dict[str, Any]:
        offered.extend(members)
        newcomer = next(m for m in members if m.active and "APAC" not in m.territories)
        return {"member_id": newcomer.id, "start": date(2025, 1, 1), "end": None}

    monkeypatch.setattr(AssignRepDialog, "ask", ask)
    qtbot.mouseClick(tab.reps.assign_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: tab.reps.model.rowCount() == 7, timeout=WAIT)
    with tab.ctx.workspace.engine.connect() as conn:
        assert len(queries.assignments(conn, apac.id)) == 7
    assert offered

    tab.ctx.undo_stack.undo()
    qtbot.waitUntil(lambda: tab.reps.model.rowCount() == 6, timeout=WAIT)
    with tab.ctx.workspace.engine.connect() as conn:
        assert len(queries.assignments(conn, apac.id)) == 6


def test_removing_an_assignment_can_be_undone(qtbot: Any, tab: TerritoriesTab) -> None:
    select(qtbot, tab, "Key accounts")
    qtbot.waitUntil(lambda: tab.reps.model.rowCount() == 2, timeout=WAIT)
    tab.reps.table.selectRow(0)
    assert tab.reps.remove_button.isEnabled()
    qtbot.mouseClick(tab.reps.remove_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: tab.reps.model.rowCount() == 1, timeout=WAIT)
    tab.ctx.undo_stack.undo()
    qtbot.waitUntil(lambda: tab.reps.model.rowCount() == 2, timeout=WAIT)


# --- evaluation ------------------------------------------------------------------------------
def _drop_kenya(workspace: Workspace) -> None:
    """Change EMEA's rules so that evaluating them would move Kenyan accounts."""
    emea = rows_by_name(workspace)["EMEA"]
    countries = tuple(c for c in emea.criteria[0].values if c != "Kenya")
    svc.edit_territory(workspace.uow, emea.id, emea.version,
                       criteria=[Criterion(RuleField.COUNTRY, countries)])


def test_re_evaluation_runs_off_the_ui_thread(qtbot: Any, tab: TerritoriesTab,
                                              monkeypatch: pytest.MonkeyPatch) -> None:
    _drop_kenya(tab.ctx.workspace)
    threads: list[threading.Thread] = []
    real = svc.evaluate_territories

    def spy(uow: Any, progress: Any = None) -> Any:
        threads.append(threading.current_thread())
        return real(uow, progress=progress)

    monkeypatch.setattr(svc, "evaluate_territories", spy)
    with qtbot.waitSignal(tab.sig_evaluation_finished, timeout=WAIT) as finished:
        qtbot.mouseClick(tab.evaluate_button, Qt.MouseButton.LeftButton)
        assert not tab.evaluate_button.isEnabled()
    result = finished.args[0]
    assert threads and threads[0] is not threading.main_thread()
    assert not result.cancelled and result.moved > 0 and result.unmatched
    assert tab.evaluate_button.isEnabled() and "moved" in tab.notice.text()
    qtbot.waitUntil(lambda: tab.coverage.counts is not None
                    and tab.coverage.counts.unassigned == len(result.unmatched), timeout=WAIT)


def test_a_cancelled_re_evaluation_writes_nothing_and_says_so(qtbot: Any,
                                                              tab: TerritoriesTab) -> None:
    ws = tab.ctx.workspace
    _drop_kenya(ws)
    before = account_landing(ws)
    last_before = svc.last_evaluation(ws.uow)
    gate = threading.Event()
    with qtbot.waitSignal(tab.sig_evaluation_finished, timeout=WAIT) as finished:
        tab.ctx.ops.run(lambda _job: gate.wait(WAIT / 1000))  # hold the serial worker
        tab.evaluate()
        tab.evaluation_job.cancel()  # what the progress dialog's Cancel button does
        gate.set()
    assert finished.args[0].cancelled
    assert tab.notice.text() == "Re-evaluation cancelled: nothing was changed."
    assert tab.evaluate_button.isEnabled()
    settle(qtbot, tab)
    assert account_landing(ws) == before
    assert svc.last_evaluation(ws.uow) == last_before


def test_the_service_asks_before_writing_so_any_cancel_counts(
        terr_workspace: Workspace) -> None:
    _drop_kenya(terr_workspace)
    before = account_landing(terr_workspace)
    calls: list[tuple[int, int]] = []

    def cancel(done: int, total: int) -> bool:
        calls.append((done, total))
        return False

    result = svc.evaluate_territories(terr_workspace.uow, cancel)
    assert result.cancelled and calls == [(85, 85)]
    assert account_landing(terr_workspace) == before
    done = svc.evaluate_territories(terr_workspace.uow, lambda _d, _t: True)
    assert not done.cancelled and done.moved > 0
    assert account_landing(terr_workspace) != before


# --- dialogs ---------------------------------------------------------------------------------
def test_the_territory_dialog_names_the_field_and_offers_no_loops(
        qtbot: Any, terr_workspace: Workspace) -> None:
    rows = list(rows_by_name(terr_workspace).values())
    americas = next(r for r in rows if r.name == "Americas")
    dialog = TerritoryDialog(None, territory=americas, parents=rows)
    qtbot.addWidget(dialog)
    offered = {dialog.parent_combo.itemData(i) for i in range(dialog.parent_combo.count())}
    below = {r.id for r in rows if r.parent_id == americas.id}
    assert None in offered and americas.id not in offered and not offered & below
    assert len(offered) == 1 + len(rows) - 1 - len(below)
    dialog.name_edit.setText("  ")
    assert dialog.problem() == "Name: enter a name for the territory."
    dialog.name_edit.setText("emea")
    assert "Name: 'EMEA' exists already" in (dialog.problem() or "")
    dialog.name_edit.setText("The Americas")
    assert dialog.problem() is None
    assert dialog.value() == {"name": "The Americas", "parent_id": None}


def test_the_assign_dialog_offers_active_members_and_checks_dates(
        qtbot: Any, terr_workspace: Workspace) -> None:
    with terr_workspace.engine.connect() as conn:
        members = queries.members(conn)
    dialog = AssignRepDialog(None, territory="APAC", members=members,
                             today=date(2025, 3, 1))
    qtbot.addWidget(dialog)
    assert dialog.member_combo.count() == sum(m.active for m in members) > 0
    assert dialog.value()["end"] is None and dialog.value()["start"] == date(2025, 3, 1)
    dialog.end_check.setChecked(True)
    dialog.end_edit.setDate(dialog.start_edit.date().addDays(-1))
    assert dialog.problem() == "End date: it is before the start date."
    dialog.end_edit.setDate(dialog.start_edit.date().addDays(30))
    assert dialog.problem() is None and dialog.value()["end"] == date(2025, 3, 31)


def test_ties_are_listed_and_left_unassigned(qtbot: Any, tab: TerritoriesTab) -> None:
    ws = tab.ctx.workspace
    rows = rows_by_name(ws)
    # as specific as EMEA and APAC (top level, one criterion): their medical accounts tie
    svc.add_territory(ws.uow, "Medical", None, [Criterion(RuleField.INDUSTRY, ("medical",))])
    with ws.engine.connect() as conn:
        tied = {a.name: a.territory for name in ("EMEA", "APAC")
                for a in queries.accounts(conn, territory_id=rows[name].id)
                if a.sector == "medical"}
    assert tied
    with qtbot.waitSignal(tab.sig_evaluation_finished, timeout=WAIT):
        tab.evaluate()
    qtbot.waitUntil(lambda: tab.coverage.ties.rowCount() == len(tied), timeout=WAIT)
    assert {t[0]: tuple(sorted(t[1])) for t in tab.coverage.ties.rows()} == \
        {name: tuple(sorted((was, "Medical"))) for name, was in tied.items()}
    qtbot.waitUntil(lambda: tab.coverage.counts is not None
                    and tab.coverage.counts.unassigned == len(tied), timeout=WAIT)
    assert tab.coverage.summary.text().endswith(
        f"{len(tied)} unassigned, {len(tied)} ties")


# --- inside the main window --------------------------------------------------------------
def test_the_tab_in_the_main_window_follows_undo_from_the_edit_menu(
        qtbot: Any, main_window: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    tab = main_window.tab_widget("territories")
    assert isinstance(tab, TerritoriesTab)
    main_window.show_tab("territories")
    qtbot.waitUntil(lambda: len(tree_names(tab)) == 8, timeout=WAIT)
    monkeypatch.setattr(TerritoryDialog, "ask",
                        lambda *_a, **_k: {"name": "Oceania", "parent_id": None})
    qtbot.mouseClick(tab.add_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: len(tree_names(tab)) == 9, timeout=WAIT)
    assert main_window.undo_action.isEnabled()
    assert main_window.undo_action.text() == "&Undo Add territory Oceania"
    main_window.undo_action.trigger()
    qtbot.waitUntil(lambda: len(tree_names(tab)) == 8, timeout=WAIT)
    main_window.redo_action.trigger()
    qtbot.waitUntil(lambda: "Oceania" in tree_names(tab), timeout=WAIT)
