"""The Pipeline tab's filter bar: search, owner, team, territory, product, close period.

Everything it sets ends up in one DealFilter that the board and the list pass to SQL.
Typing in the search box is announced after a short pause, not on every key.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, QTimer, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QWidget,
)

from salesdesk.domain.periods import Period, PeriodKind, containing, following
from salesdesk.storage.rows import DealFilter, FilterChoices
from salesdesk.ui.i18n import tr

SEARCH_DELAY_MS = 250
PERIODS = ("", "month", "next_month", "quarter", "next_quarter", "year", "custom")


def close_period(key: str, today: date) -> Period | None:
    """The period a close-period choice means on `today` (calendar quarters)."""
    kinds = {"month": PeriodKind.MONTH, "quarter": PeriodKind.QUARTER,
             "year": PeriodKind.YEAR}
    base = key.removeprefix("next_")
    if base not in kinds:
        return None
    period = containing(today, kinds[base])
    return following(period) if key.startswith("next_") else period


def _qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


def _combo(tip: str) -> QComboBox:
    combo = QComboBox(sizeAdjustPolicy=QComboBox.SizeAdjustPolicy.AdjustToContents,
                      toolTip=tip)
    combo.setMaximumWidth(220)
    return combo


class PipelineFilters(QWidget):
    sig_filter_changed = Signal()
    """What the filter selects changed (the search: once typing paused)."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.search = QLineEdit(placeholderText=tr("Search deal, account or contact"),
                                clearButtonEnabled=True)
        self.search.setMinimumWidth(220)
        self.owner = _combo(tr("Deals owned by this person"))
        self.team = _combo(tr("Deals owned by members of this team"))
        self.territory = _combo(tr("Deals whose account lies in this territory"))
        self.product = _combo(tr("Deals with a line for this product"))
        self.period = _combo(tr("Open deals expected to close, and won or lost deals closed, "
                                "in this period"))
        for key, text in zip(PERIODS, (
                tr("Any close date"), tr("Closing this month"), tr("Closing next month"),
                tr("Closing this quarter"), tr("Closing next quarter"),
                tr("Closing this year"), tr("Closing between…")), strict=True):
            self.period.addItem(text, key)
        today = _qdate(date.today())
        self.close_from = QDateEdit(today, calendarPopup=True, displayFormat="d MMM yyyy")
        self.close_to = QDateEdit(today.addMonths(3), calendarPopup=True,
                                  displayFormat="d MMM yyyy")
        self.and_label = QLabel(tr("and"))
        self.clear_button = QPushButton(tr("Clear filters"))
        self._timer = QTimer(self, singleShot=True, interval=SEARCH_DELAY_MS)
        self.set_choices(FilterChoices((), (), (), (), ()))
        self._lay_out()
        self._connect()
        self._show_custom()

    def _lay_out(self) -> None:
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.search, 2)
        for widget in (self.owner, self.team, self.territory, self.product, self.period,
                       self.close_from, self.and_label, self.close_to, self.clear_button):
            row.addWidget(widget)
        row.addStretch(1)

    def _connect(self) -> None:
        self.search.textChanged.connect(lambda _text: self._timer.start())
        self._timer.timeout.connect(self.sig_filter_changed)
        self.search.returnPressed.connect(self.flush)
        for combo in (self.owner, self.team, self.territory, self.product, self.period):
            combo.currentIndexChanged.connect(self._changed)
        for edit in (self.close_from, self.close_to):
            edit.dateChanged.connect(self._changed)
        self.clear_button.clicked.connect(self.clear)

    # --- choices ---------------------------------------------------------------------
    def set_choices(self, choices: FilterChoices) -> None:
        """Offer these owners, teams, territories and products, keeping what is chosen
        (a choice that disappeared falls back to "all", which changes the filter)."""
        before = self.deal_filter(date.today())
        for combo, everything, pairs in (
                (self.owner, tr("All owners"), choices.owners),
                (self.team, tr("All teams"), choices.teams),
                (self.territory, tr("All territories"), choices.territories),
                (self.product, tr("All products"), choices.products)):
            current = combo.currentData()
            combo.blockSignals(True)
            combo.clear()
            combo.addItem(everything, None)
            for item_id, name in pairs:
                combo.addItem(name, item_id)
            combo.setCurrentIndex(max(0, combo.findData(current)))
            combo.blockSignals(False)
        if self.deal_filter(date.today()) != before:
            self.sig_filter_changed.emit()

    # --- the filter ------------------------------------------------------------------
    def deal_filter(self, today: date) -> DealFilter:
        """The filter as chosen; relative periods ("this quarter") are taken on `today`
        (the replayed day on an "as of" board)."""
        owner = self.owner.currentData()
        close_from = close_to = None
        key = self.period.currentData() or ""
        if key == "custom":
            close_from = self.close_from.date().toPython()
            close_to = self.close_to.date().toPython()
        else:
            period = close_period(key, today)
            if period is not None:
                close_from, close_to = period.start, period.last_day
        return DealFilter(owner_ids=(owner,) if owner else (), team_id=self.team.currentData(),
                          territory_id=self.territory.currentData(),
                          product_id=self.product.currentData(), close_from=close_from,
                          close_to=close_to, search=self.search.text().strip())

    @property
    def narrows(self) -> bool:
        return not self.deal_filter(date.today()).is_empty

    def clear(self) -> None:
        for widget in (self.owner, self.team, self.territory, self.product, self.period,
                       self.search):
            widget.blockSignals(True)
        self.search.clear()
        for combo in (self.owner, self.team, self.territory, self.product, self.period):
            combo.setCurrentIndex(0)
        for widget in (self.owner, self.team, self.territory, self.product, self.period,
                       self.search):
            widget.blockSignals(False)
        self._timer.stop()
        self._changed()

    def flush(self) -> None:
        """Apply a search still waiting for the typing pause (tests, Enter)."""
        if self._timer.isActive():
            self._timer.stop()
            self.sig_filter_changed.emit()

    def _changed(self) -> None:
        self._show_custom()
        self.sig_filter_changed.emit()

    def _show_custom(self) -> None:
        custom = self.period.currentData() == "custom"
        for widget in (self.close_from, self.and_label, self.close_to):
            widget.setVisible(custom)
        self.clear_button.setEnabled(self.narrows)
