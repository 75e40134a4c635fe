"""Workspace settings: the currency all amounts are in, and the fiscal calendar (the fiscal
year's first month, the working days and the holidays) that periods, quotas and their
business-day splits follow."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from salesdesk.domain.allocation import DEFAULT_CALENDAR, WorkCalendar
from salesdesk.ui.dialogs.common import HINT_STYLE, error_label, ok_cancel
from salesdesk.ui.i18n import tr

DATE_FORMAT = "ddd d MMM yyyy"
DAY_ROLE = Qt.ItemDataRole.UserRole
"""Where each holiday row keeps its date."""
HOLIDAY_ROWS = 6
"""The holiday list's height in rows: a country's public holidays scroll, not stretch."""


def month_names() -> list[str]:
    return [tr("January"), tr("February"), tr("March"), tr("April"), tr("May"), tr("June"),
            tr("July"), tr("August"), tr("September"), tr("October"), tr("November"),
            tr("December")]


def day_names() -> list[str]:
    """Monday first, as date.weekday() numbers them."""
    return [tr("Mon"), tr("Tue"), tr("Wed"), tr("Thu"), tr("Fri"), tr("Sat"), tr("Sun")]


@dataclass(frozen=True)
class WorkspaceChoice:
    """What the user chose: the currency code and the fiscal calendar."""

    currency: str
    calendar: WorkCalendar


class WorkspaceSettingsDialog(QDialog):
    def __init__(self, parent: QWidget | None, currency: str,
                 currencies: list[tuple[str, str]],
                 calendar: WorkCalendar = DEFAULT_CALENDAR):
        super().__init__(parent)
        self.setWindowTitle(tr("Workspace settings"))
        self.currency = QComboBox(editable=False)
        for code, name in currencies:
            self.currency.addItem(f"{code} — {name}", code)
        self.currency.setCurrentIndex(max(self.currency.findData(currency), 0))
        self.fiscal_start = QComboBox(editable=False)
        for number, name in enumerate(month_names(), start=1):
            self.fiscal_start.addItem(name, number)
        self.fiscal_start.setCurrentIndex(calendar.fiscal_start - 1)
        self.day_boxes = [QCheckBox(name, checked=number in calendar.working_days)
                          for number, name in enumerate(day_names())]
        self.holidays = QListWidget(
            selectionMode=QAbstractItemView.SelectionMode.ExtendedSelection)
        self.holiday_edit = QDateEdit(QDate.currentDate(), calendarPopup=True,
                                      displayFormat=DATE_FORMAT)
        self.add_button = QPushButton(tr("Add"), toolTip=tr("Add this day to the holidays"))
        self.remove_button = QPushButton(tr("Remove"), enabled=False,
                                         toolTip=tr("Remove the selected holidays"))
        self.message = error_label("validationMessage", reserve_lines=1)
        self.buttons = ok_cancel(self)
        for day in sorted(calendar.holidays):
            self._add_holiday(day)
        self._fit_holiday_rows()
        self._lay_out()
        self._connect()
        self.validate()

    def _lay_out(self) -> None:
        days = QHBoxLayout()
        days.setSpacing(10)
        for box in self.day_boxes:
            days.addWidget(box)
        days.addStretch(1)
        holidays = QGridLayout()
        holidays.addWidget(self.holidays, 0, 0, 3, 1)
        holidays.addWidget(self.holiday_edit, 0, 1)
        holidays.addWidget(self.add_button, 1, 1)
        holidays.addWidget(self.remove_button, 2, 1)
        holidays.setColumnStretch(0, 1)
        form = QFormLayout()
        form.addRow(tr("Currency:"), self.currency)
        form.addRow("", _hint(tr("Every amount in this workspace is in this currency. "
                                 "Changing it does not convert amounts.")))
        form.addRow(tr("Fiscal year starts in:"), self.fiscal_start)
        form.addRow("", _hint(tr("Quarters and years count from this month: with July, "
                                 "2018-Q1 is July to September 2017.")))
        form.addRow(tr("Working days:"), days)
        form.addRow(tr("Holidays:"), holidays)
        form.addRow("", _hint(tr("Weekly and daily targets, and months a period covers only "
                                 "in part, are split over the working days that are not "
                                 "holidays.")))
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(560)

    def _connect(self) -> None:
        for box in self.day_boxes:
            box.toggled.connect(lambda _on: self.validate())
        self.add_button.clicked.connect(self.add_holiday)
        self.remove_button.clicked.connect(self.remove_holidays)
        self.holidays.itemSelectionChanged.connect(
            lambda: self.remove_button.setEnabled(bool(self.holidays.selectedItems())))

    @classmethod
    def ask(cls, parent: QWidget | None, currency: str, currencies: list[tuple[str, str]],
            calendar: WorkCalendar = DEFAULT_CALENDAR) -> WorkspaceChoice | None:
        """The currency and calendar chosen, or None if cancelled."""
        dialog = cls(parent, currency, currencies, calendar)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return dialog.value()

    # --- holidays ------------------------------------------------------------------------
    def _fit_holiday_rows(self) -> None:
        """Exactly HOLIDAY_ROWS rows high, so a longer list scrolls by whole rows."""
        probe = QListWidgetItem("9")
        self.holidays.insertItem(0, probe)
        row = self.holidays.sizeHintForRow(0)
        self.holidays.takeItem(0)
        frame = self.holidays.frameWidth()
        self.holidays.setFixedHeight(row * HOLIDAY_ROWS + 2 * frame)

    def holiday_days(self) -> list[date]:
        return [self.holidays.item(i).data(DAY_ROLE) for i in range(self.holidays.count())]

    def add_holiday(self) -> None:
        """Add the date in the date edit, in date order, and select it (a day already
        listed is only selected)."""
        item = self._add_holiday(self.holiday_edit.date().toPython())
        self.holidays.clearSelection()
        self.holidays.setCurrentItem(item)
        self.holidays.scrollToItem(item)
        self.validate()

    def _add_holiday(self, day: date) -> QListWidgetItem:
        days = self.holiday_days()
        if day in days:
            return self.holidays.item(days.index(day))
        item = QListWidgetItem(QDate(day.year, day.month, day.day).toString(DATE_FORMAT))
        item.setData(DAY_ROLE, day)
        self.holidays.insertItem(sum(d < day for d in days), item)
        return item

    def remove_holidays(self) -> None:
        for item in self.holidays.selectedItems():
            self.holidays.takeItem(self.holidays.row(item))
        self.validate()

    # --- the answer ----------------------------------------------------------------------
    def working_days(self) -> frozenset[int]:
        return frozenset(n for n, box in enumerate(self.day_boxes) if box.isChecked())

    def problem(self) -> str:
        """What is wrong, naming the field; '' when the settings can be saved."""
        if not self.working_days():
            return tr("Working days: tick at least one day of the week.")
        return ""

    def validate(self) -> None:
        text = self.problem()
        self.message.setText(text)
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        if ok is not None:
            ok.setEnabled(not text)

    def accept(self) -> None:
        if not self.problem():  # OK is disabled then; Enter must not slip through either
            super().accept()

    def value(self) -> WorkspaceChoice:
        return WorkspaceChoice(str(self.currency.currentData()), WorkCalendar(
            self.working_days(), frozenset(self.holiday_days()),
            int(self.fiscal_start.currentData())))


def _hint(text: str) -> QLabel:
    label = QLabel(text, wordWrap=True)
    label.setStyleSheet(HINT_STYLE)
    return label
