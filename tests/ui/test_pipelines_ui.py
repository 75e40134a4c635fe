"""More than one pipeline, on the sample company (pytest-qt, offscreen): the name field of
the pipeline settings dialog, the Pipeline tab's "New pipeline…" and "Remove this
pipeline…" with undo and redo, and File > Import > Deals… on a workspace without deals.
"""

from __future__ import annotations

import csv
import shutil
from collections import Counter
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFileDialog, QMessageBox

from salesdesk.services import pipeline_setup as ps
from salesdesk.storage import deal_queries
from salesdesk.storage import pipeline_queries as pq
from salesdesk.ui import actions, deal_edits
from salesdesk.ui.dialogs import pipeline_name_dialog as naming
from salesdesk.ui.dialogs.import_report_dialog import ImportReportDialog
from salesdesk.ui.dialogs.pipeline_name_dialog import PipelineName, PipelineNameDialog
from salesdesk.ui.dialogs.stages_dialog import NAME, PROBABILITY, StagesDialog
from salesdesk.ui.pipeline_tab import PipelineTab

WAIT = 15_000
SAMPLE = Path(__file__).resolve().parents[2] / "resources" / "sample"


# --- helpers ----------------------------------------------------------------------------
@pytest.fixture
def tab(qtbot: Any, main_window: Any) -> PipelineTab:
    pipeline_tab = main_window.pipeline_tab
    assert isinstance(pipeline_tab, PipelineTab)
    with qtbot.waitSignal(pipeline_tab.sig_board_loaded, timeout=WAIT):
        main_window.show_tab("pipeline")
    main_window.settle()
    return pipeline_tab


def read(main_window: Any, query: Any) -> Any:
    with main_window.ctx.workspace.engine.connect() as conn:
        return query(conn)


def pipelines(main_window: Any) -> list[str]:
    return [name for _id, name in read(main_window, pq.pipelines)]


def stage_names(main_window: Any, pipeline_id: str) -> list[str]:
    return [s.name for s in read(main_window, lambda c: pq.stages(c, pipeline_id))]


def combo_names(tab: PipelineTab) -> list[str]:
    combo = tab.pipeline_combo
    return [combo.itemText(i) for i in range(combo.count())]


def settle(main_window: Any, tab: PipelineTab) -> None:
    """Let queued jobs run and the board read after them land."""
    main_window.settle()
    main_window.settle()
    assert not tab._loading


def settings_dialog(qtbot: Any, main_window: Any, pipeline_id: str) -> StagesDialog:
    """The dialog deal_edits.pipeline_settings shows, with its real actions."""
    settings = read(main_window, lambda c: deal_queries.pipeline_settings(c, pipeline_id))
    taken = [n for i, n in read(main_window, pq.pipelines) if i != pipeline_id]
    dialog = StagesDialog(main_window, settings=settings, taken=taken,
                          actions=deal_edits.SettingsActions(main_window.ctx, settings,
                                                             main_window))
    qtbot.addWidget(dialog)
    return dialog


def ok_enabled(buttons: QDialogButtonBox) -> bool:
    ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
    assert ok is not None
    return ok.isEnabled()


def add_pipeline(qtbot: Any, main_window: Any, tab: PipelineTab,
                 monkeypatch: pytest.MonkeyPatch, name: str, copy: bool = False) -> str:
    """"New pipeline…" from the settings menu, the name dialog answered with `name`."""
    asked: list[dict[str, Any]] = []

    def ask(parent: Any, title: str, name_: str = "", **kwargs: Any) -> PipelineName:
        asked.append({"title": title, **kwargs})
        return PipelineName(name, copy)

    monkeypatch.setattr(PipelineNameDialog, "ask", ask)
    tab.new_pipeline_action.trigger()
    settle(main_window, tab)
    qtbot.waitUntil(lambda: tab.pipeline_combo.currentText() == name, timeout=WAIT)
    assert asked and asked[0]["title"] == "New pipeline"
    assert tab.pipeline_id is not None
    return tab.pipeline_id


# --- the name field of the pipeline settings dialog ---------------------------------------
def test_the_settings_dialog_renames_the_pipeline_and_undo_puts_the_name_back(
        qtbot: Any, main_window: Any, tab: PipelineTab) -> None:
    pipeline_id = tab.pipeline_id
    assert pipeline_id is not None
    dialog = settings_dialog(qtbot, main_window, pipeline_id)
    assert dialog.name_edit.text() == "Sales"
    dialog.name_edit.setText("  New   business ")
    assert dialog.name_message.text() == "" and ok_enabled(dialog.buttons)
    dialog.accept()
    settle(main_window, tab)
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert pipelines(main_window) == ["New business"]
    assert main_window.undo_stack.undoText() == "Rename the pipeline Sales to New business"
    main_window.undo_stack.undo()
    settle(main_window, tab)
    assert pipelines(main_window) == ["Sales"]
    main_window.undo_stack.redo()
    settle(main_window, tab)
    assert pipelines(main_window) == ["New business"]


@pytest.mark.parametrize(("text", "words"), [
    ("", "Pipeline name is required"),
    ("  ", "Pipeline name is required"),
    ("renewals", "Pipeline name: a pipeline called 'Renewals' exists already"),
])
def test_a_bad_or_taken_name_is_refused_inline(qtbot: Any, main_window: Any, tab: PipelineTab,
                                               text: str, words: str) -> None:
    ps.add_pipeline(main_window.ctx.uow, "Renewals")
    assert tab.pipeline_id is not None
    dialog = settings_dialog(qtbot, main_window, tab.pipeline_id)
    dialog.name_edit.setText(text)
    assert dialog.name_message.text() == words
    assert not ok_enabled(dialog.buttons)
    dialog.accept()
    assert dialog.result() != QDialog.DialogCode.Accepted
    assert pipelines(main_window) == ["Sales", "Renewals"]


def test_name_and_stages_are_saved_together_each_undoable(
        qtbot: Any, main_window: Any, tab: PipelineTab) -> None:
    pipeline_id = tab.pipeline_id
    assert pipeline_id is not None
    dialog = settings_dialog(qtbot, main_window, pipeline_id)
    dialog.name_edit.setText("New business")
    dialog.table.item(1, PROBABILITY).setText("45")
    dialog.accept()
    settle(main_window, tab)
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert pipelines(main_window) == ["New business"]
    assert read(main_window, lambda c: pq.stages(c, pipeline_id))[1].probability == 45
    main_window.undo_stack.undo()  # the stages
    settle(main_window, tab)
    assert read(main_window, lambda c: pq.stages(c, pipeline_id))[1].probability == 40
    assert pipelines(main_window) == ["New business"]
    main_window.undo_stack.undo()  # the name
    settle(main_window, tab)
    assert pipelines(main_window) == ["Sales"]


def test_a_name_taken_meanwhile_is_refused_in_the_dialog(
        qtbot: Any, main_window: Any, tab: PipelineTab) -> None:
    assert tab.pipeline_id is not None
    dialog = settings_dialog(qtbot, main_window, tab.pipeline_id)
    ps.add_pipeline(main_window.ctx.uow, "Renewals")  # elsewhere, after the dialog loaded
    dialog.name_edit.setText("Renewals")
    dialog.table.item(0, NAME).setText("Qualifying")
    dialog.accept()
    settle(main_window, tab)
    assert dialog.result() != QDialog.DialogCode.Accepted
    assert dialog.message.text() == ("Not saved: Pipeline name: a pipeline called "
                                      "'Renewals' exists already")
    assert sorted(pipelines(main_window)) == ["Renewals", "Sales"]
    assert stage_names(main_window, tab.pipeline_id)[0] == "Prospecting"  # nothing saved
    dialog.name_edit.setText("Sales")  # the user gives up the new name: stages still save
    dialog.accept()
    settle(main_window, tab)
    assert dialog.result() == QDialog.DialogCode.Accepted
    assert stage_names(main_window, tab.pipeline_id)[0] == "Qualifying"


# --- new and removed pipelines from the tab -----------------------------------------------
def test_settings_button_opens_the_dialog_its_menu_holds_the_pipeline_actions(
        tab: PipelineTab) -> None:
    menu = tab.settings_button.menu()
    assert menu is not None
    assert [a.text() for a in menu.actions()] == [
        "Edit stages and name…", "New pipeline…", "Remove this pipeline…"]
    assert not tab.remove_pipeline_action.isEnabled()  # the only pipeline
    assert not tab.pipeline_combo.isVisibleTo(tab)


def test_a_new_pipeline_is_shown_and_undo_removes_it(
        qtbot: Any, main_window: Any, tab: PipelineTab,
        monkeypatch: pytest.MonkeyPatch) -> None:
    sales_id = tab.pipeline_id
    renewals_id = add_pipeline(qtbot, main_window, tab, monkeypatch, "Renewals")
    assert renewals_id != sales_id
    assert combo_names(tab) == ["Sales", "Renewals"] and tab.pipeline_combo.isVisibleTo(tab)
    assert tab.board is not None
    assert [c.stage.name for c in tab.board.columns] == [
        "Prospecting", "Engaging", "Won", "Lost"]
    assert sum(c.count for c in tab.board.columns) == 0
    assert tab.remove_pipeline_action.isEnabled()
    assert main_window.undo_stack.undoText() == "Add the pipeline Renewals"
    main_window.undo_stack.undo()
    settle(main_window, tab)
    assert pipelines(main_window) == ["Sales"]
    qtbot.waitUntil(lambda: tab.pipeline_id == sales_id, timeout=WAIT)
    assert not tab.pipeline_combo.isVisibleTo(tab)
    assert not tab.remove_pipeline_action.isEnabled()
    main_window.undo_stack.redo()
    settle(main_window, tab)
    assert combo_names(tab) == ["Sales", "Renewals"]
    assert stage_names(main_window, renewals_id) == ["Prospecting", "Engaging", "Won", "Lost"]


def test_a_new_pipeline_may_copy_the_stages_of_the_one_shown(
        qtbot: Any, main_window: Any, tab: PipelineTab,
        monkeypatch: pytest.MonkeyPatch) -> None:
    sales_id = tab.pipeline_id
    assert sales_id is not None
    current = read(main_window, lambda c: pq.stages(c, sales_id))
    specs = [ps.StageSpec(s.name, s.probability, s.category, s.outcome, s.rotting_days, s.id)
             for s in current]
    ps.save_stages(main_window.ctx.uow, sales_id, [
        specs[0], ps.StageSpec("Negotiation", 70, "commit", rotting_days=14), *specs[1:]])
    renewals_id = add_pipeline(qtbot, main_window, tab, monkeypatch, "Renewals", copy=True)
    copied = read(main_window, lambda c: pq.stages(c, renewals_id))
    assert [(s.name, s.probability, s.category, s.rotting_days) for s in copied] == [
        (s.name, s.probability, s.category, s.rotting_days)
        for s in read(main_window, lambda c: pq.stages(c, sales_id))]
    assert tab.board is not None
    assert [c.stage.name for c in tab.board.columns if c.stage.is_open] == [
        "Prospecting", "Negotiation", "Engaging"]


def test_the_new_pipeline_dialog_offers_the_copy_of_the_pipeline_shown(
        qtbot: Any, main_window: Any, tab: PipelineTab,
        monkeypatch: pytest.MonkeyPatch) -> None:
    seen: list[dict[str, Any]] = []

    def ask(parent: Any, title: str, name: str = "", **kwargs: Any) -> None:
        seen.append(kwargs)

    monkeypatch.setattr(PipelineNameDialog, "ask", ask)
    tab.new_pipeline_action.trigger()
    main_window.settle()
    assert seen == [{"taken": ["Sales"], "copy_from": "Sales"}]
    assert pipelines(main_window) == ["Sales"]  # cancelled: nothing added
    assert main_window.undo_stack.count() == 0


def test_removing_a_pipeline_asks_first_and_undo_restores_it(
        qtbot: Any, main_window: Any, tab: PipelineTab,
        monkeypatch: pytest.MonkeyPatch) -> None:
    renewals_id = add_pipeline(qtbot, main_window, tab, monkeypatch, "Renewals")
    answers = [False, True]
    asked: list[str] = []

    def confirm(_parent: Any, name: str) -> bool:
        asked.append(name)
        return answers.pop(0)

    monkeypatch.setattr(naming, "confirm_remove", confirm)
    tab.remove_pipeline_action.trigger()  # cancelled
    settle(main_window, tab)
    assert pipelines(main_window) == ["Sales", "Renewals"]
    tab.remove_pipeline_action.trigger()
    settle(main_window, tab)
    assert asked == ["Renewals", "Renewals"]
    assert pipelines(main_window) == ["Sales"]
    qtbot.waitUntil(lambda: combo_names(tab) == ["Sales"], timeout=WAIT)
    assert tab.board is not None and sum(c.count for c in tab.board.columns) > 0  # Sales
    main_window.undo_stack.undo()
    settle(main_window, tab)
    assert pipelines(main_window) == ["Sales", "Renewals"]
    assert stage_names(main_window, renewals_id) == ["Prospecting", "Engaging", "Won", "Lost"]


def test_a_pipeline_that_holds_deals_is_not_removed(
        qtbot: Any, main_window: Any, tab: PipelineTab,
        monkeypatch: pytest.MonkeyPatch) -> None:
    add_pipeline(qtbot, main_window, tab, monkeypatch, "Renewals")
    tab.pipeline_combo.setCurrentIndex(tab.pipeline_combo.findText("Sales"))
    settle(main_window, tab)
    assert tab.board is not None and tab.pipeline_combo.currentText() == "Sales"
    held = sum(c.count for c in tab.board.columns)  # unfiltered: every deal of Sales
    warnings: list[str] = []
    monkeypatch.setattr(naming, "confirm_remove", lambda _parent, _name: True)
    monkeypatch.setattr(QMessageBox, "warning",
                        lambda _parent, _title, text, *_a: warnings.append(text))
    tab.remove_pipeline_action.trigger()
    settle(main_window, tab)
    [warning] = warnings
    assert warning == (f"Sales still holds {held} deal(s); move or delete them before "
                       "removing the pipeline")
    assert pipelines(main_window) == ["Sales", "Renewals"]
    assert main_window.undo_stack.undoText() == "Add the pipeline Renewals"


# --- the name dialog itself ---------------------------------------------------------------
def test_the_name_dialog_checks_as_the_user_types(qtbot: Any) -> None:
    dialog = PipelineNameDialog(None, "New pipeline", taken=["Sales"], copy_from="Sales")
    qtbot.addWidget(dialog)
    assert dialog.message.text() == "Pipeline name is required"
    assert not ok_enabled(dialog.buttons)
    dialog.name_edit.setText(" SALES ")
    assert dialog.message.text() == "Pipeline name: a pipeline called 'Sales' exists already"
    dialog.accept()
    assert dialog.result() != QDialog.DialogCode.Accepted
    dialog.name_edit.setText("  Renewals ")
    assert dialog.message.text() == "" and ok_enabled(dialog.buttons)
    assert dialog.copy_check.text() == "Copy the stages of Sales"
    dialog.copy_check.setChecked(True)
    assert dialog.result_value() == PipelineName("Renewals", True)
    plain = PipelineNameDialog(None, "New pipeline", "Upsell")
    qtbot.addWidget(plain)
    plain.copy_check.setChecked(True)  # not offered: never copies
    assert plain.copy_check.isHidden() and plain.result_value() == PipelineName("Upsell")


def test_the_remove_question_defaults_to_cancel(monkeypatch: pytest.MonkeyPatch) -> None:
    asked: list[Any] = []

    def question(_parent: Any, _title: str, text: str, buttons: Any, default: Any) -> Any:
        asked.append((text, default))
        return QMessageBox.StandardButton.Yes

    monkeypatch.setattr(QMessageBox, "question", question)
    assert naming.confirm_remove(None, "Renewals") is True
    [(text, default)] = asked
    assert "Renewals" in text and default == QMessageBox.StandardButton.Cancel


# --- File > Import > Deals… ---------------------------------------------------------------
class TestImportDealsFromTheFileMenu:
    @pytest.fixture
    def workspace_path(self, tmp_path: Path) -> Path:
        """The sample's team, accounts and products, but no deals (overrides conftest's
        for this class only)."""
        from salesdesk.services.import_catalog import import_accounts, import_products
        from salesdesk.services.import_team import import_team
        from salesdesk.storage.sample import sample_tables
        from salesdesk.storage.workspace import open_workspace

        path = tmp_path / "no-deals.sqlite"
        workspace = open_workspace(path, create=True)
        try:
            tables = sample_tables()
            import_team(workspace.uow, tables["sales_teams"])
            import_accounts(workspace.uow, tables["accounts"])
            import_products(workspace.uow, tables["products"])
        finally:
            workspace.close()
        return path

    def test_the_sample_pipeline_lands_with_the_csv_counts(
            self, qtbot: Any, main_window: Any, tmp_path: Path,
            monkeypatch: pytest.MonkeyPatch) -> None:
        main_window.settle()
        before = read(main_window, pq.pipeline_summary)
        assert sum(s["count"] for s in before["stages"]) == before["won"]["count"] == 0
        source = shutil.copy(SAMPLE / "sales_pipeline.csv", tmp_path / "sales_pipeline.csv")
        with open(source, newline="", encoding="utf-8") as handle:
            rows = list(csv.DictReader(handle))
        counts = Counter(row["deal_stage"] for row in rows)
        won_amount = sum((Decimal(r["close_value"]) for r in rows
                          if r["deal_stage"] == "Won"), Decimal("0.00"))
        monkeypatch.setattr(QFileDialog, "getOpenFileName",
                            lambda *_args, **_kw: (str(source), "Spreadsheets"))
        reports: list[Any] = []
        monkeypatch.setattr(ImportReportDialog, "ask",
                            lambda _parent, report: reports.append(report))
        actions.import_file(main_window, "deals")
        qtbot.waitUntil(lambda: bool(reports), timeout=60_000)
        main_window.settle()
        [report] = reports
        assert len(report.created) == len(rows) == 8800 and not report.skipped
        assert report.changes.deals
        summary = read(main_window, pq.pipeline_summary)
        assert {s["stage"]: s["count"] for s in summary["stages"]} == {
            "Prospecting": counts["Prospecting"], "Engaging": counts["Engaging"]}
        assert summary["won"] == {"count": counts["Won"], "amount": str(won_amount)}
        assert summary["lost"]["count"] == counts["Lost"]
        pipeline_id = read(main_window, pq.default_pipeline_id)
        board = read(main_window, lambda c: pq.board(c, pipeline_id))
        assert {c.stage.name: c.count for c in board.columns} == dict(counts)
