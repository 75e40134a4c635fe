"""The Lead rules dialog (pytest-qt, offscreen): segments, score and speed to lead are read
from the workspace, checked on every edit (a wrong rule blocks Save with a message naming
the segment and the condition), saved through the undo stack (leads are re-segmented and
re-scored; undo puts the previous rules back) and shown again on reopening."""

from __future__ import annotations

from collections.abc import Callable
from datetime import time
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox

from salesdesk.domain.lead_segments import LeadField, Match, Operator
from salesdesk.domain.speed_to_lead import SlaUnit
from salesdesk.ui.dialogs.lead_rules_dialog import LeadRulesDialog
from salesdesk.ui.models.score_rules_model import KeywordPointsModel
from salesdesk.ui.models.segment_rules_model import (
    SCORE_COLUMNS,
    SEGMENT_COLUMNS,
    Column,
    ConditionTableModel,
    RuleRow,
    SegmentDraft,
    SegmentListModel,
)
from salesdesk.ui.models.sla_rules_model import AMOUNT, SEGMENT, UNIT, SlaTableModel

EDIT = Qt.ItemDataRole.EditRole
CSV = ("Name,Email,Company,Source,Notes\n"
       "Ann Lee,ann@acme.example,Acme,referral,\n"
       "Bob Roy,bob@globex.example,Globex,event,asked for a demo\n")


# --- helpers -----------------------------------------------------------------------------
def import_leads(window: Any, tmp_path: Path) -> None:
    from salesdesk.services.import_leads import import_leads as run
    from salesdesk.storage.files import read_table

    path = tmp_path / "leads.csv"
    path.write_text(CSV, encoding="utf-8")
    run(window.ctx.uow, read_table(path))


def segments_of(window: Any) -> dict[str, tuple[str, ...]]:
    from salesdesk.storage import lead_queries

    with window.ctx.workspace.engine.connect() as conn:
        rows = lead_queries.page(conn, clock=lead_queries.Clock.at(_now())).rows
    return {r.email or r.person_name: r.segments for r in rows}


def _now() -> Any:
    from datetime import UTC, datetime

    return datetime.now(UTC)


def open_dialog(window: Any, qtbot: Any) -> LeadRulesDialog:
    dialog = LeadRulesDialog(window, window.ctx)
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: dialog.loaded is not None, timeout=30_000)
    return dialog


def drive(monkeypatch: pytest.MonkeyPatch, qtbot: Any,
          act: Callable[[LeadRulesDialog], bool], seen: list[LeadRulesDialog]) -> None:
    """LeadRulesDialog.exec as a user goes through it: wait for the rules, let `act` edit
    them, then Save (and wait for the save) or Cancel."""
    def exec_(dialog: LeadRulesDialog) -> int:
        seen.append(dialog)
        qtbot.waitUntil(lambda: dialog.loaded is not None, timeout=30_000)
        if not act(dialog):
            dialog.reject()
            return int(QDialog.DialogCode.Rejected)
        dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
        qtbot.waitUntil(lambda: dialog.result() == QDialog.DialogCode.Accepted,
                        timeout=30_000)
        return int(dialog.result())

    monkeypatch.setattr(LeadRulesDialog, "exec", exec_)


def select_segment(dialog: LeadRulesDialog, name: str) -> None:
    page = dialog.segments_page
    page.select([d.name for d in page.drafts()].index(name))


def set_cell(model: Any, row: int, column: int, value: Any) -> None:
    assert model.setData(model.index(row, column), value, EDIT)


def ok_button(dialog: LeadRulesDialog) -> Any:
    return dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)


# --- models --------------------------------------------------------------------------------
def test_the_models_pass_the_model_tester(qtmodeltester: Any) -> None:
    conditions = ConditionTableModel(SEGMENT_COLUMNS)
    conditions.set_rows([RuleRow(LeadField.SCORE, Operator.AT_LEAST, "70"),
                         RuleRow(LeadField.NOTES, Operator.IS_EMPTY, ""),
                         RuleRow(LeadField.SCORE, Operator.AT_LEAST, "lots")])
    qtmodeltester.check(conditions)
    rules = ConditionTableModel(SCORE_COLUMNS)
    rules.set_rows([RuleRow(LeadField.SOURCE, Operator.EQUALS, "web", "", -5)])
    qtmodeltester.check(rules)
    segments = SegmentListModel()
    segments.set_drafts([SegmentDraft("hot"), SegmentDraft("")])
    qtmodeltester.check(segments)
    keywords = KeywordPointsModel()
    keywords.set_pairs([("chief", 20), ("", 5), ("Chief", 3)])
    qtmodeltester.check(keywords)
    slas = SlaTableModel()
    slas.set_segments([(1, "hot"), (2, "warm")])
    qtmodeltester.check(slas)


def test_a_field_change_keeps_only_a_fitting_test() -> None:
    model = ConditionTableModel(SEGMENT_COLUMNS)
    model.set_rows([RuleRow(LeadField.NOTES, Operator.CONTAINS, "price")])
    set_cell(model, 0, model.column_of(Column.FIELD), LeadField.EMPLOYEES.value)
    assert model.rows()[0].operator is Operator.AT_LEAST  # 'contains' is for text only
    assert model.problem(0) == "Employees: enter a whole number"
    set_cell(model, 0, model.column_of(Column.VALUE), "200")
    assert model.problem(0) == ""
    assert model.index(0, 1).data() == "is at least"
    set_cell(model, 0, model.column_of(Column.FIELD), LeadField.OWNER.value)
    assert model.rows()[0].operator is Operator.IS_EMPTY and model.rows()[0].value == ""
    assert not model.flags(model.index(0, model.column_of(Column.VALUE))) & \
        Qt.ItemFlag.ItemIsEditable


def test_statuses_are_typed_as_words() -> None:
    from salesdesk.ui.models.segment_rules_model import condition

    row = RuleRow(LeadField.STATUS, Operator.IN, "Qualified, nurturing")
    assert condition(row).value == ("qualified", "nurturing")
    model = ConditionTableModel(SEGMENT_COLUMNS)
    model.set_rows([RuleRow(LeadField.STATUS, Operator.EQUALS, "Hot")])
    assert model.problem(0) == "Status: 'Hot' is not a lead status"


# --- the dialog on a workspace ----------------------------------------------------------
def test_a_wrong_rule_blocks_save_with_a_message(main_window: Any, qtbot: Any) -> None:
    dialog = open_dialog(main_window, qtbot)
    assert ok_button(dialog).isEnabled() and dialog.message.text() == ""
    select_segment(dialog, "hot")
    model = dialog.segments_page.conditions_model
    set_cell(model, 0, model.column_of(Column.VALUE), "very")
    expected = "Segment 'hot', condition 1: Score: enter a whole number"
    assert dialog.segments_page.message.text() == expected  # next to the conditions
    assert dialog.message.text() == ""                      # not twice on one screen
    assert model.index(0, model.column_of(Column.VALUE)).data(
        Qt.ItemDataRole.ToolTipRole) == "Score: enter a whole number"
    assert not ok_button(dialog).isEnabled()
    assert not dialog.tabs.tabIcon(0).isNull() and dialog.tabs.tabIcon(1).isNull()
    dialog.tabs.setCurrentIndex(1)                          # from another tab, it shows
    assert dialog.message.text() == f"Segments tab: {expected}"
    dialog.accept()                                         # Enter must not slip through
    assert dialog.result() != QDialog.DialogCode.Accepted and dialog.saved is None
    set_cell(model, 0, model.column_of(Column.VALUE), "75")
    assert ok_button(dialog).isEnabled() and dialog.message.text() == ""


def test_two_segments_with_one_name_are_refused(main_window: Any, qtbot: Any) -> None:
    dialog = open_dialog(main_window, qtbot)
    page = dialog.segments_page
    page.add_segment()
    assert page.current() is not None and page.current().name == "new segment 1"
    assert page.manual_hint.isVisibleTo(page)               # no conditions: manual
    page.name.setText("Warm")
    page.name.textEdited.emit("Warm")
    assert page.message.text() == "Two segments are called 'Warm': rename one"
    assert not ok_button(dialog).isEnabled()
    page.name.textEdited.emit("VIP")
    assert ok_button(dialog).isEnabled()
    assert dialog.rules().segments[-1].is_manual


def test_an_edited_segment_moves_a_lead_and_undo_moves_it_back(
        main_window: Any, qtbot: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import_leads(main_window, tmp_path)
    assert "qualified" not in segments_of(main_window)["bob@globex.example"]

    def events_qualify(dialog: LeadRulesDialog) -> bool:
        select_segment(dialog, "qualified")
        model = dialog.segments_page.conditions_model
        set_cell(model, 0, model.column_of(Column.FIELD), LeadField.SOURCE.value)
        set_cell(model, 0, model.column_of(Column.VALUE), "event")
        return True

    seen: list[LeadRulesDialog] = []
    drive(monkeypatch, qtbot, events_qualify, seen)
    with qtbot.waitSignal(main_window.ops.changes_did_happen, timeout=30_000):
        assert LeadRulesDialog.ask(main_window, main_window.ctx) is True
    assert seen[0].saved is not None and seen[0].saved.rescored >= 2
    assert seen[0].summary.startswith("Lead rules saved. Re-scored")
    assert "qualified" in segments_of(main_window)["bob@globex.example"]
    assert "qualified" not in segments_of(main_window)["ann@acme.example"]
    stack = main_window.ctx.undo_stack
    assert stack.undoText() == "Change the lead rules"

    with qtbot.waitSignal(main_window.ops.changes_did_happen, timeout=30_000):
        stack.undo()
    assert "qualified" not in segments_of(main_window)["bob@globex.example"]
    with qtbot.waitSignal(main_window.ops.changes_did_happen, timeout=30_000):
        stack.redo()
    assert "qualified" in segments_of(main_window)["bob@globex.example"]


def test_a_refused_save_is_shown_in_the_dialog_which_stays_open(
        main_window: Any, qtbot: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    from salesdesk.domain.errors import ValidationError
    from salesdesk.services import lead_rules

    def refuse(*_args: Any, **_kwargs: Any) -> Any:
        raise ValidationError("SLA for 'hot': there is no segment called 'hot'",
                              field="segment")

    monkeypatch.setattr(lead_rules, "save_lead_rules", refuse)
    dialog = open_dialog(main_window, qtbot)
    dialog.scoring_page.points["source_points"].setValue(20)
    ok_button(dialog).click()
    qtbot.waitUntil(lambda: dialog.buttons.isEnabled(), timeout=30_000)
    assert dialog.message.text() == "SLA for 'hot': there is no segment called 'hot'"
    assert dialog.saved is None and dialog.result() != QDialog.DialogCode.Accepted
    assert ok_button(dialog).isEnabled()                    # fix it and try again
    assert main_window.ctx.undo_stack.count() == 0


def test_an_sla_change_is_saved_and_shown_again(main_window: Any, qtbot: Any,
                                                monkeypatch: pytest.MonkeyPatch) -> None:
    def faster(dialog: LeadRulesDialog) -> bool:
        page = dialog.sla_page
        hot = [r.name for r in page.model.rows()].index("hot")
        set_cell(page.model, hot, AMOUNT, 30)
        set_cell(page.model, hot, UNIT, SlaUnit.MINUTES.value)
        page.default_on.setChecked(True)
        page.default_amount.setValue(2)
        page.closes.setTime(page.closes.time().addSecs(3600))   # 17:00 -> 18:00
        page.zone.setCurrentText("Europe/Paris")
        return True

    seen: list[LeadRulesDialog] = []
    drive(monkeypatch, qtbot, faster, seen)
    with qtbot.waitSignal(main_window.ops.changes_did_happen, timeout=30_000):
        LeadRulesDialog.ask(main_window, main_window.ctx)

    drive(monkeypatch, qtbot, lambda _dialog: False, seen)  # reopen, look, cancel
    assert LeadRulesDialog.ask(main_window, main_window.ctx) is False
    page = seen[1].sla_page
    rows = {r.name: (r.amount, r.unit) for r in page.model.rows()}
    assert rows["hot"] == (30, SlaUnit.MINUTES)
    hot = [r.name for r in page.model.rows()].index("hot")
    assert page.model.index(hot, UNIT).data() == "business minutes"
    assert page.default_on.isChecked() and page.default_amount.value() == 2
    assert page.closes.time().toString("HH:mm") == "18:00"
    assert page.zone.currentText() == "Europe/Paris"
    assert seen[1].loaded is not None and seen[1].loaded.hours.closes == time(18)


def test_renaming_a_segment_renames_its_sla_and_removing_it_is_flagged(
        main_window: Any, qtbot: Any) -> None:
    dialog = open_dialog(main_window, qtbot)
    select_segment(dialog, "hot")
    segments, slas = dialog.segments_page, dialog.sla_page.model
    segments.name.textEdited.emit("burning")
    assert "burning" in [r.name for r in slas.rows()]
    assert ok_button(dialog).isEnabled()
    assert dialog.rules().sla.slas[0].segment in {"burning", "warm", "cold"}
    segments.remove_segment()
    at = [r.name for r in slas.rows()].index("burning")
    assert slas.index(at, SEGMENT).data(Qt.ItemDataRole.ToolTipRole).startswith(
        "there is no segment 'burning'")
    assert dialog.message.text().startswith(
        f"Speed to lead tab: SLA {at + 1}: there is no segment 'burning'")
    assert not ok_button(dialog).isEnabled()
    dialog.sla_page.table.setCurrentIndex(slas.index(at, 0))
    dialog.sla_page.remove_sla()
    assert ok_button(dialog).isEnabled()


def test_hours_and_time_zone_are_checked(main_window: Any, qtbot: Any) -> None:
    dialog = open_dialog(main_window, qtbot)
    page = dialog.sla_page
    dialog.tabs.setCurrentWidget(page)
    page.zone.setCurrentText("Mars/Olympus")
    assert page.message.text().startswith("Time zone: 'Mars/Olympus' is not a time zone")
    assert not ok_button(dialog).isEnabled()
    page.zone.setCurrentText("America/New_York")
    page.opens.setTime(page.closes.time())
    assert page.message.text() == ("Business hours: opening time 17:00 must be before "
                                   "closing time 17:00")
    assert dialog.tabs.tabToolTip(2) == page.message.text()
    assert not ok_button(dialog).isEnabled()


def test_the_score_page_explains_a_made_up_lead(main_window: Any, qtbot: Any) -> None:
    dialog = open_dialog(main_window, qtbot)
    page = dialog.scoring_page
    page.try_sector.setText("Software")
    page.try_source.setText("referral")
    assert page.try_result.text() == ("Score 30: +15 Source referral; "
                                       "+15 Sector Software is in the ideal profile")
    page.employees_min.setValue(500)
    page.employees_max.setValue(100)
    assert page.message.text() == ("Ideal profile, employees: the minimum 500 is above "
                                   "the maximum 100")
    assert not ok_button(dialog).isEnabled()
    page.employees_max.setValue(0)                          # no maximum
    page.add_keyword_row()
    assert page.message.text() == "Seniority keyword 16: give a keyword, or remove the row"
    set_cell(page.seniority_model, 15, 0, "partner")
    assert ok_button(dialog).isEnabled()
    assert ("partner", 10) in dialog.rules().scoring.profile.seniority


def test_match_any_and_the_plan_are_kept(main_window: Any, qtbot: Any) -> None:
    dialog = open_dialog(main_window, qtbot)
    select_segment(dialog, "warm")
    page = dialog.segments_page
    page.match.setCurrentIndex(page.match.findData(Match.ANY.value))
    page.plan.setPlainText("Call them on Monday.")
    select_segment(dialog, "hot")
    select_segment(dialog, "warm")
    assert page.match.currentData() == Match.ANY.value
    assert page.plan.toPlainText() == "Call them on Monday."
    warm = next(s for s in dialog.rules().segments if s.name == "warm")
    assert warm.match is Match.ANY and warm.plan == "Call them on Monday."
    assert set(dialog.changes()) == {"segments"}


def test_screenshots(main_window: Any, qtbot: Any) -> None:
    """Each tab rendered offscreen, and a wrong rule, for a person to look at
    (/tmp/c2_*.png)."""
    dialog = open_dialog(main_window, qtbot)
    select_segment(dialog, "price objection")
    dialog.show()
    for i, name in enumerate(("segments", "score", "sla")):
        dialog.tabs.setCurrentIndex(i)
        assert dialog.grab().save(f"/tmp/c2_{name}.png")
    dialog.sla_page.add_sla()
    dialog.tabs.setCurrentIndex(0)
    select_segment(dialog, "warm")
    model = dialog.segments_page.conditions_model
    set_cell(model, 1, model.column_of(Column.VALUE), "sixty")
    assert dialog.grab().save("/tmp/c2_problem.png")
