"""The Speed to lead tab of the Lead rules dialog: a first-contact target per segment, a
default for leads in no such segment, and the business hours they count in (opening and
closing time, time zone). Working days and holidays are the workspace calendar's: shown
here read-only, edited in Workspace settings."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, time
from functools import lru_cache
from zoneinfo import available_timezones

from PySide6.QtCore import QDate, Qt, QTime, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QCompleter,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSpinBox,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from salesdesk.domain.errors import ValidationError
from salesdesk.domain.speed_to_lead import BusinessHours, Sla, SlaPolicy, SlaUnit
from salesdesk.ui.dialogs.common import HINT_STYLE, error_label
from salesdesk.ui.dialogs.segment_rules_page import rules_table, show_problem
from salesdesk.ui.dialogs.workspace_settings_dialog import DATE_FORMAT, day_names
from salesdesk.ui.i18n import tr
from salesdesk.ui.models.lead_rules_words import unit_word
from salesdesk.ui.models.rules_delegate import SlaDelegate
from salesdesk.ui.models.sla_rules_model import MAX_AMOUNT, UNIT, SlaTableModel

DEFAULT_LABEL = "default"
"""The default SLA's `segment` is only a label."""
SHOWN_HOLIDAYS = 8


@lru_cache(maxsize=1)
def time_zones() -> tuple[str, ...]:
    """The zones offered in the list: UTC, then Area/City names without the legacy
    aliases ('Etc/GMT+3', 'posixrules'). Any known zone is accepted when typed."""
    names = available_timezones()
    return ("UTC", *sorted(n for n in names if "/" in n and not n.startswith(
        ("Etc/", "posix", "right/", "SystemV/"))))


@lru_cache(maxsize=1)
def known_zones() -> frozenset[str]:
    return frozenset(available_timezones())


def _unit_combo() -> QComboBox:
    combo = QComboBox()
    for unit in SlaUnit:
        combo.addItem(unit_word(unit), unit.value)
    return combo


def _zone_combo() -> QComboBox:
    """An editable list of the time zones; typing any part of a name filters it."""
    combo = QComboBox(editable=True, insertPolicy=QComboBox.InsertPolicy.NoInsert)
    combo.addItems(list(time_zones()))
    completer = QCompleter(list(time_zones()), combo)
    completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
    completer.setFilterMode(Qt.MatchFlag.MatchContains)
    combo.setCompleter(completer)
    combo.setMaxVisibleItems(15)
    return combo


class SlaPage(QWidget):
    sig_rules_edited = Signal()
    """An SLA, the default or the business hours changed."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.model = SlaTableModel(self)
        self.table = rules_table(self.model, UNIT, SlaDelegate)
        self.add_button = QPushButton(self.tr("Add SLA"))
        self.remove_button = QPushButton(self.tr("Remove SLA"))
        self.default_on = QCheckBox(self.tr("Leads in no segment above: first contact within"))
        self.default_amount = QSpinBox(minimum=1, maximum=MAX_AMOUNT,
                                       alignment=Qt.AlignmentFlag.AlignRight)
        self.default_unit = _unit_combo()
        self.opens = QTimeEdit(displayFormat="HH:mm")
        self.closes = QTimeEdit(displayFormat="HH:mm")
        self.zone = _zone_combo()
        self.working_days = QLabel()
        self.holidays = QLabel(wordWrap=True)
        self.message = error_label("slaMessage")
        self._calendar = BusinessHours()
        self._lay_out()
        self._connect()

    def _lay_out(self) -> None:
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        default = QHBoxLayout()
        for widget in (self.default_on, self.default_amount, self.default_unit):
            default.addWidget(widget)
        default.addStretch(1)
        slas = QGroupBox(self.tr("First contact targets"))
        top = QVBoxLayout(slas)
        top.addWidget(_hint(self.tr("A lead in several segments gets the strictest "
                                    "target. The clock runs in business hours only.")))
        top.addWidget(self.table, 1)
        top.addLayout(buttons)
        top.addLayout(default)
        layout = QVBoxLayout(self)
        layout.addWidget(slas, 1)
        layout.addWidget(self._hours_box())
        layout.addWidget(self.message)

    def _hours_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Business hours"))
        span = QHBoxLayout()
        span.addWidget(self.opens)
        span.addWidget(QLabel(self.tr("to")))
        span.addWidget(self.closes)
        span.addStretch(1)
        form = QFormLayout(box)
        form.addRow(self.tr("Open:"), span)
        self.zone.setMinimumContentsLength(24)
        zone = QHBoxLayout()
        zone.addWidget(self.zone)
        zone.addStretch(1)
        form.addRow(self.tr("Time zone:"), zone)
        form.addRow(self.tr("Working days:"), self.working_days)
        form.addRow(self.tr("Holidays:"), self.holidays)
        form.addRow("", _hint(self.tr("Working days and holidays are the workspace "
                                      "calendar's: edit them in File › Workspace settings.")))
        return box

    def _connect(self) -> None:
        self.add_button.clicked.connect(self.add_sla)
        self.remove_button.clicked.connect(self.remove_sla)
        self.model.dataChanged.connect(lambda *_: self._edited())
        self.default_on.toggled.connect(lambda _on: self._edited())
        self.default_amount.valueChanged.connect(lambda _v: self._edited())
        self.default_unit.currentIndexChanged.connect(lambda _i: self._edited())
        self.opens.timeChanged.connect(lambda _t: self._edited())
        self.closes.timeChanged.connect(lambda _t: self._edited())
        self.zone.currentTextChanged.connect(lambda _t: self._edited())

    # --- contents ----------------------------------------------------------------------
    def set_segments(self, names: Iterable[tuple[int, str]]) -> None:
        """The segments an SLA may be for, (key, name), from the Segments page."""
        self.model.set_segments(names)
        self._edited()

    def set_rules(self, policy: SlaPolicy, hours: BusinessHours) -> None:
        self.model.set_slas(policy.slas)
        default = policy.default
        self.default_on.setChecked(default is not None)
        self.default_amount.setValue(default.amount if default else 1)
        self.default_unit.setCurrentIndex(self.default_unit.findData(
            (default.unit if default else SlaUnit.DAYS).value))
        self.opens.setTime(QTime(hours.opens.hour, hours.opens.minute))
        self.closes.setTime(QTime(hours.closes.hour, hours.closes.minute))
        self.zone.setCurrentText(hours.zone)
        self._calendar = hours
        self._show_calendar(hours)
        self._edited()

    def _show_calendar(self, hours: BusinessHours) -> None:
        names = day_names()
        self.working_days.setText(", ".join(names[d] for d in sorted(hours.weekdays)))
        days = sorted(hours.holidays)
        shown = [QDate(d.year, d.month, d.day).toString(DATE_FORMAT)
                 for d in _upcoming(days)[:SHOWN_HOLIDAYS]]
        if not days:
            self.holidays.setText(self.tr("none"))
            return
        more = len(days) - len(shown)
        text = "; ".join(shown) or self.tr("none coming up")
        if more:
            text += " " + self.tr("(and {0} more)").format(more)
        self.holidays.setText(text)

    def policy(self) -> SlaPolicy:
        """The SLA policy; raises ValidationError while problems remain."""
        default = Sla(DEFAULT_LABEL, self.default_amount.value(),
                      SlaUnit(self.default_unit.currentData())) \
            if self.default_on.isChecked() else None
        return SlaPolicy(self.model.slas(), default)

    def hours(self) -> BusinessHours:
        """The business hours (the calendar's days and holidays, the hours and zone typed
        here); raises ValidationError while problems remain."""
        c = self._calendar
        return BusinessHours(c.weekdays, _time(self.opens.time()), _time(self.closes.time()),
                             c.holidays, self.zone.currentText().strip())

    def problems(self) -> list[str]:
        found = [tr("SLA {0}: {1}").format(i + 1, p) for i in range(self.model.rowCount())
                 if (p := self.model.problem(i))]
        if self.opens.time() >= self.closes.time():
            found.append(tr("Business hours: opening time {0} must be before closing "
                            "time {1}").format(self.opens.time().toString("HH:mm"),
                                               self.closes.time().toString("HH:mm")))
        zone = self.zone.currentText().strip()
        if zone not in known_zones():
            found.append(tr("Time zone: '{0}' is not a time zone; pick one from the list "
                            "(e.g. Europe/Paris)").format(zone))
        if not found:
            try:
                self.policy()
                self.hours()
            except ValidationError as err:
                found.append(tr("Speed to lead: {0}").format(err.message))
        return found

    # --- actions -------------------------------------------------------------------------
    def add_sla(self) -> None:
        row = self.model.add_row()
        self.table.setCurrentIndex(self.model.index(row, 0))
        self._edited()

    def remove_sla(self) -> None:
        self.model.remove_row(self.table.currentIndex().row())
        self._edited()

    def _edited(self) -> None:
        self.default_amount.setEnabled(self.default_on.isChecked())
        self.default_unit.setEnabled(self.default_on.isChecked())
        self.add_button.setEnabled(bool(self.model.segment_names()))
        self.remove_button.setEnabled(self.model.rowCount() > 0)
        problems = self.problems()
        show_problem(self.message, problems[0] if problems else "")
        self.sig_rules_edited.emit()


def _upcoming(days: list[date]) -> list[date]:
    today = date.today()
    return [d for d in days if d >= today] or days[-SHOWN_HOLIDAYS:]


def _time(value: QTime) -> time:
    return time(value.hour(), value.minute())


def _hint(text: str) -> QLabel:
    label = QLabel(text, wordWrap=True)
    label.setStyleSheet(HINT_STYLE)
    return label
