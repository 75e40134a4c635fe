"""File > Workspace settings (pytest-qt, offscreen): the fiscal year's first month, the
working days and the holidays are saved with services.workspace_settings.set_calendar
(alongside the currency), shown again when the dialog reopens, and a week without a
working day is refused with a message naming the field."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

import pytest
from PySide6.QtCore import QDate
from PySide6.QtWidgets import QDialog, QDialogButtonBox

from salesdesk.domain.allocation import DEFAULT_CALENDAR, WorkCalendar
from salesdesk.services import workspace_settings as service
from salesdesk.ui import actions
from salesdesk.ui.dialogs.workspace_settings_dialog import (
    WorkspaceChoice,
    WorkspaceSettingsDialog,
)

CURRENCIES = [("EUR", "Euro"), ("USD", "US Dollar")]
CHRISTMAS = date(2017, 12, 25)


def drive(monkeypatch: pytest.MonkeyPatch, act: Callable[[WorkspaceSettingsDialog], bool],
          seen: list[WorkspaceSettingsDialog]) -> None:
    """The dialog's exec(), as a user would go through it: `act` fills it in and says
    whether they pressed OK."""
    def exec_(dialog: WorkspaceSettingsDialog) -> int:
        seen.append(dialog)
        if act(dialog):
            dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
            return int(dialog.result())
        return int(QDialog.DialogCode.Rejected)

    monkeypatch.setattr(WorkspaceSettingsDialog, "exec", exec_)


def fill_in(dialog: WorkspaceSettingsDialog) -> bool:
    dialog.fiscal_start.setCurrentIndex(dialog.fiscal_start.findData(7))
    dialog.day_boxes[5].setChecked(True)      # Saturday on, then off again: Mon-Fri
    dialog.day_boxes[5].setChecked(False)
    dialog.holiday_edit.setDate(QDate(2017, 12, 25))
    dialog.add_button.click()
    dialog.add_button.click()                 # the same day twice is listed once
    dialog.currency.setCurrentIndex(dialog.currency.findData("USD"))
    return True


def test_the_calendar_is_saved_and_shown_again(main_window: Any, qtbot: Any,
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    uow = main_window.ctx.uow
    assert service.calendar(uow) == DEFAULT_CALENDAR
    seen: list[WorkspaceSettingsDialog] = []
    drive(monkeypatch, fill_in, seen)
    with qtbot.waitSignal(main_window.ops.changes_did_happen, timeout=30_000) as blocker:
        actions.workspace_settings(main_window)
    changes = blocker.args[0]
    assert changes.quotas and changes.products            # calendar and currency
    assert service.calendar(uow) == WorkCalendar(frozenset(range(5)), frozenset({CHRISTMAS}),
                                                 7)
    assert service.currency(uow) == "USD"

    drive(monkeypatch, lambda _dialog: False, seen)        # reopen, look, cancel
    actions.workspace_settings(main_window)
    qtbot.waitUntil(lambda: len(seen) == 2)
    again = seen[1]
    assert again.fiscal_start.currentData() == 7 and again.fiscal_start.currentText() == "July"
    assert [box.isChecked() for box in again.day_boxes] == [True] * 5 + [False] * 2
    assert again.holiday_days() == [CHRISTMAS]
    assert again.holidays.item(0).text() == "Mon 25 Dec 2017"
    assert again.currency.currentData() == "USD"


def test_a_week_without_working_days_is_refused(qtbot: Any) -> None:
    dialog = WorkspaceSettingsDialog(None, "EUR", CURRENCIES, DEFAULT_CALENDAR)
    qtbot.addWidget(dialog)
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    assert ok.isEnabled() and dialog.message.text() == ""
    for box in dialog.day_boxes:
        box.setChecked(False)
    assert not ok.isEnabled()
    assert dialog.message.text().startswith("Working days:")
    dialog.accept()                                         # Enter must not slip through
    assert dialog.result() != QDialog.DialogCode.Accepted
    dialog.day_boxes[6].setChecked(True)                    # a Sunday-only week is a week
    assert ok.isEnabled() and dialog.message.text() == ""
    assert dialog.value().calendar.working_days == frozenset({6})


def test_holidays_are_listed_in_order_and_removed(qtbot: Any) -> None:
    calendar = WorkCalendar(frozenset(range(5)), frozenset({CHRISTMAS, date(2017, 1, 1)}), 1)
    dialog = WorkspaceSettingsDialog(None, "EUR", CURRENCIES, calendar)
    qtbot.addWidget(dialog)
    dialog.holiday_edit.setDate(QDate(2017, 5, 1))
    dialog.add_button.click()
    assert dialog.holiday_days() == [date(2017, 1, 1), date(2017, 5, 1), CHRISTMAS]
    assert [i.text() for i in dialog.holidays.selectedItems()] == ["Mon 1 May 2017"]
    assert dialog.remove_button.isEnabled()
    dialog.remove_button.click()
    assert dialog.holiday_days() == [date(2017, 1, 1), CHRISTMAS]
    assert dialog.value() == WorkspaceChoice(
        "EUR", WorkCalendar(frozenset(range(5)), frozenset({date(2017, 1, 1), CHRISTMAS}), 1))


def test_only_what_changed_is_saved(main_window: Any, qtbot: Any,
                                    monkeypatch: pytest.MonkeyPatch) -> None:
    seen: list[WorkspaceSettingsDialog] = []

    def currency_only(dialog: WorkspaceSettingsDialog) -> bool:
        dialog.currency.setCurrentIndex(dialog.currency.findData("USD"))
        return True

    drive(monkeypatch, currency_only, seen)
    with qtbot.waitSignal(main_window.ops.changes_did_happen, timeout=30_000) as blocker:
        actions.workspace_settings(main_window)
    assert blocker.args[0].products and not blocker.args[0].quotas
    assert service.calendar(main_window.ctx.uow) == DEFAULT_CALENDAR
