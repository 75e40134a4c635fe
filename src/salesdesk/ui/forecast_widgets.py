"""The Forecast tab's plain widgets: the scope / period / as-of pickers, the strip of
headline figures (with the quota and its coverage), and the drill-down panel. No
pyqtgraph, no database."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, timedelta
from decimal import Decimal
from typing import TYPE_CHECKING

from PySide6.QtCore import QDate, Qt, QTimer, Signal
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from salesdesk.domain.errors import ValidationError
from salesdesk.domain.periods import Period, PeriodKind, containing, parse_period, periods_between
from salesdesk.ui.forecast_data import Choice, Request, Setup
from salesdesk.ui.i18n import tr
from salesdesk.ui.models.board_model import money_text
from salesdesk.ui.models.forecast_models import Drill, DrillModel, figure_words, signed_money

if TYPE_CHECKING:
    from salesdesk.services.forecast import ForecastResult

PERIOD_KINDS = (PeriodKind.WEEK, PeriodKind.MONTH, PeriodKind.QUARTER, PeriodKind.YEAR)
DATE_DELAY_MS = 300
"""Stepping the "as of" date through several days recomputes once, at the end."""
CARD_STYLE = ("QFrame#figureCard { background: #f6f8fb; border: 1px solid #dde3ea; "
              "border-radius: 6px; } QFrame#figureCard:hover { border-color: #3b6fb6; }")
ERROR_STYLE = "QComboBox { border: 1px solid #c0392b; }"
OWNER_WIDTH = 120


def quota_words() -> tuple[str, str]:
    """The quota card's caption and what it means."""
    return tr("Quota"), tr(
        "The scope's revenue quota for the period, from the quota plan in force; closed won "
        "against it; and the pipeline coverage: the open weighted pipeline over the quota "
        "still to win.")


def percent_text(fraction: Decimal) -> str:
    """0.0055 -> '0.6 %', 0.8213 -> '82 %'."""
    value = fraction * 100
    return f"{value:.1f} %" if abs(value) < 10 else f"{value:,.0f} %"


def quota_texts(result: ForecastResult, currency: str) -> tuple[str, str]:
    """(value, detail) of the quota card: the quota, then closed won against it and the
    coverage; without a quota, why not, in words (never a made-up number)."""
    if result.quota is None:
        return "—", (tr("none for this scope") if result.plan_in_force else
                     tr("no quotas set"))
    attained = result.attainment
    won = tr("won {0}").format(percent_text(attained)) if attained is not None else ""
    coverage = result.coverage
    rest = tr("quota reached") if coverage is None else tr("coverage {0}").format(
        percent_text(coverage))
    return money_text(result.quota, currency), " · ".join(p for p in (won, rest) if p)


def scope_words() -> dict[str, str]:
    return {"company": tr("Company"), "team": tr("Team"), "member": tr("Member"),
            "territory": tr("Territory")}


def kind_words() -> dict[PeriodKind, str]:
    return {PeriodKind.WEEK: tr("Week"), PeriodKind.MONTH: tr("Month"),
            PeriodKind.QUARTER: tr("Quarter"), PeriodKind.YEAR: tr("Year")}


def descendants(choices: Sequence[Choice], root: str) -> tuple[str, ...]:
    """`root` and the territories under it, at any depth."""
    found, frontier = [root], [root]
    while frontier:
        frontier = [c.id for c in choices if c.kind == "territory" and c.parent_id in frontier]
        found += frontier
    return tuple(found)


def as_tree(choices: Sequence[Choice]) -> list[tuple[int, Choice]]:
    """(depth, territory): each territory followed by its children, by name at each level
    (a territory whose parent is gone counts as a root)."""
    ids = {c.id for c in choices}
    children: dict[str | None, list[Choice]] = {}
    for c in choices:
        children.setdefault(c.parent_id if c.parent_id in ids else None, []).append(c)
    out: list[tuple[int, Choice]] = []

    def visit(parent: str | None, depth: int) -> None:
        for c in sorted(children.get(parent, []), key=lambda c: c.name.casefold()):
            out.append((depth, c))
            if depth < 20:
                visit(c.id, depth + 1)

    visit(None, 0)
    return out


class Pickers(QWidget):
    """Scope (kind and which one), period (kind and which one, typed names accepted) and
    the day the forecast is made on."""

    sig_request_changed = Signal()
    """The user chose another scope, period or day."""
    sig_problem = Signal(str)
    """A typed period could not be read ('' once it could)."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setup: Setup | None = None
        self.scope_kind = QComboBox()
        for kind, word in scope_words().items():
            self.scope_kind.addItem(word, kind)
        self.scope_name = QComboBox(minimumContentsLength=18, enabled=False)
        self.scope_name.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.period_kind = QComboBox()
        for kind, word in kind_words().items():
            self.period_kind.addItem(word, kind.value)
        self.period_kind.setCurrentIndex(PERIOD_KINDS.index(PeriodKind.QUARTER))
        self.period = QComboBox(editable=True, minimumContentsLength=9, toolTip=tr(
            "Pick a period or type one: 2017, 2017-Q3, 2017-07, 2017-W27"))
        self.period.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.as_of = QDateEdit(QDate.currentDate(), calendarPopup=True,
                               displayFormat="d MMM yyyy", toolTip=tr(
                                   "The day the forecast is made on: the deals as they "
                                   "stood at its start"))
        self._timer = QTimer(self, singleShot=True, interval=DATE_DELAY_MS)
        self._chosen = ""
        self._lay_out()
        self._connect()

    def _lay_out(self) -> None:
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(QLabel(tr("Scope")))
        row.addWidget(self.scope_kind)
        row.addWidget(self.scope_name)
        row.addSpacing(16)
        row.addWidget(QLabel(tr("Period")))
        row.addWidget(self.period_kind)
        row.addWidget(self.period)
        row.addSpacing(16)
        row.addWidget(QLabel(tr("As of")))
        row.addWidget(self.as_of)

    def _connect(self) -> None:
        self.scope_kind.currentIndexChanged.connect(self._scope_kind_chosen)
        self.scope_name.currentIndexChanged.connect(lambda _i: self.sig_request_changed.emit())
        self.period_kind.currentIndexChanged.connect(self._period_kind_chosen)
        self.period.activated.connect(lambda _i: self._period_typed())
        editor = self.period.lineEdit()
        assert editor is not None  # the combo is editable
        editor.editingFinished.connect(self._period_typed)
        self._timer.timeout.connect(self.sig_request_changed)
        self.as_of.dateChanged.connect(lambda _d: self._timer.start())

    # --- filling ------------------------------------------------------------------------
    def set_setup(self, setup: Setup) -> None:
        """Offer the workspace's scopes and periods; start on its default day."""
        self.setup = setup
        day = setup.default_day
        self.as_of.blockSignals(True)
        self.as_of.setDate(QDate(day.year, day.month, day.day))
        self.as_of.blockSignals(False)
        self._fill_names()
        self._fill_periods(containing(day, self.kind, setup.fiscal_start).name)

    @property
    def kind(self) -> PeriodKind:
        return PeriodKind(self.period_kind.currentData())

    @property
    def fiscal_start(self) -> int:
        return self.setup.fiscal_start if self.setup else 1

    def _fill_names(self) -> None:
        kind = self.scope_kind.currentData()
        choices = self.setup.choices if self.setup else ()
        combo = self.scope_name
        combo.blockSignals(True)
        combo.clear()
        mine = [c for c in choices if c.kind == kind]
        for depth, choice in as_tree(mine) if kind == "territory" else [(0, c) for c in mine]:
            combo.addItem("    " * depth + choice.name, choice.id)
        combo.setEnabled(combo.count() > 0)
        combo.setVisible(kind != "company")
        combo.blockSignals(False)

    def _periods(self) -> list[Period]:
        day = self.as_of_day
        first, last = (self.setup.span if self.setup and self.setup.span else (day, day))
        first, last = min(first, day), max(last, day) + timedelta(days=92)
        return list(periods_between(first, last, self.kind, self.fiscal_start))

    def _fill_periods(self, chosen: str) -> None:
        combo = self.period
        combo.blockSignals(True)
        combo.clear()
        for period in self._periods():
            combo.addItem(period.name)
        index = combo.findText(chosen)
        if index < 0:
            combo.addItem(chosen)
            index = combo.count() - 1
        combo.setCurrentIndex(index)
        combo.blockSignals(False)
        self._chosen = chosen

    # --- reacting -----------------------------------------------------------------------
    def _scope_kind_chosen(self, _index: int) -> None:
        self._fill_names()
        self.sig_request_changed.emit()

    def _period_kind_chosen(self, _index: int) -> None:
        self._fill_periods(containing(self.as_of_day, self.kind, self.fiscal_start).name)
        self.sig_request_changed.emit()

    def _period_typed(self) -> None:
        text = self.period.currentText().strip()
        try:
            period = parse_period(text, self.fiscal_start)
        except ValidationError as exc:
            self.period.setStyleSheet(ERROR_STYLE)
            self.sig_problem.emit(str(exc))
            return
        if period.kind is PeriodKind.DAY:
            self.period.setStyleSheet(ERROR_STYLE)
            self.sig_problem.emit(tr("A forecast is for a week, a month, a quarter or a year, "
                                     "not a single day."))
            return
        self.period.setStyleSheet("")
        self.sig_problem.emit("")
        if period.name == self._chosen:
            return
        self.choose(period.name)

    def choose(self, period: str, scope_kind: str | None = None,
               scope_id: str | None = None, as_of: date | None = None) -> None:
        """Show `period` (and the scope / day given), as if the user had picked them."""
        parsed = parse_period(period, self.fiscal_start)
        for combo, value in ((self.period_kind, parsed.kind.value),
                             (self.scope_kind, scope_kind)):
            if value is not None:
                combo.blockSignals(True)
                combo.setCurrentIndex(max(0, combo.findData(value)))
                combo.blockSignals(False)
        if scope_kind is not None:
            self._fill_names()
        if scope_id is not None:
            self.scope_name.blockSignals(True)
            self.scope_name.setCurrentIndex(max(0, self.scope_name.findData(scope_id)))
            self.scope_name.blockSignals(False)
        if as_of is not None:
            self.as_of.blockSignals(True)
            self.as_of.setDate(QDate(as_of.year, as_of.month, as_of.day))
            self.as_of.blockSignals(False)
        self._fill_periods(parsed.name)
        self.sig_request_changed.emit()

    @property
    def as_of_day(self) -> date:
        value: date = self.as_of.date().toPython()
        return value

    def request(self, metric: str, series_kind: str) -> Request | None:
        """What the pickers show now (None while a scope kind has nothing to choose)."""
        kind = self.scope_kind.currentData()
        scope_id = self.scope_name.currentData() if kind != "company" else None
        if not self._chosen or (kind != "company" and scope_id is None):
            return None
        ids = descendants(self.setup.choices, scope_id) \
            if self.setup and kind == "territory" and scope_id else ()
        return Request(self._chosen, self.as_of_day, kind, scope_id, ids, metric, series_kind)


class FigureCard(QFrame):
    sig_clicked = Signal(str)
    """The card was clicked; carries its figure key."""

    def __init__(self, key: str, caption: str, tip: str, parent: QWidget | None = None):
        super().__init__(parent, toolTip=tip + "\n" + tr("Click to list the deals behind it."))
        self.key = key
        self.setObjectName("figureCard")
        self.setStyleSheet(CARD_STYLE)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.caption = QLabel(caption)
        self.caption.setStyleSheet("color: #5f6b7a; font-size: 11px;")
        self.value = QLabel("—")
        self.value.setStyleSheet("color: #1f2a37; font-size: 17px; font-weight: 600;")
        self.detail = QLabel()
        self.detail.setStyleSheet("color: #5f6b7a; font-size: 11px;")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 6, 10, 6)
        layout.setSpacing(1)
        for label in (self.caption, self.value, self.detail):
            layout.addWidget(label)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:  # noqa: N802 (Qt override)
        if event.button() == Qt.MouseButton.LeftButton:
            self.sig_clicked.emit(self.key)
        super().mouseReleaseEvent(event)


class FigureStrip(QWidget):
    """The headline figures in a row of cards."""

    sig_figure_clicked = Signal(str)
    """A figure was clicked; carries its key (closed_won, ..., p50)."""

    KEYS = ("closed_won", "weighted", "commit", "best_case", "historical", "p50", "quota")

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        words = figure_words() | {"quota": quota_words()}
        self.cards = {key: FigureCard(key, *words[key]) for key in self.KEYS}
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        for key, card in self.cards.items():
            row.addWidget(card, 2 if key == "p50" else 1)
            card.sig_clicked.connect(self.sig_figure_clicked)

    def show_figures(self, figures: dict[str, Decimal], currency: str) -> None:
        money = {key: money_text(value, currency) for key, value in figures.items()}
        for key in ("closed_won", "weighted", "commit", "best_case", "historical"):
            self.cards[key].value.setText(money[key])
        run_rate, spread = money["run_rate"], " · ".join(money[k] for k in ("p10", "p50", "p90"))
        self.cards["historical"].detail.setText(tr("incl. run rate {0}").format(run_rate))
        self.cards["p50"].value.setText(spread)

    def show_quota(self, result: ForecastResult, currency: str) -> None:
        value, detail = quota_texts(result, currency)
        card = self.cards["quota"]
        card.value.setText(value)
        card.detail.setText(detail)

    def texts(self) -> dict[str, str]:
        return {key: card.value.text() for key, card in self.cards.items()}


class DrillPanel(QFrame):
    """The deals behind what was clicked last."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.model = DrillModel(self)
        self.title = QLabel(wordWrap=True)
        self.title.setStyleSheet("font-weight: 600; color: #1f2a37;")
        self.view = QTableView(alternatingRowColors=True, sortingEnabled=False,
                               selectionBehavior=QAbstractItemView.SelectionBehavior.SelectRows,
                               wordWrap=False)
        self.view.setModel(self.model)
        rows = self.view.verticalHeader()
        rows.hide()
        rows.setDefaultSectionSize(self.fontMetrics().height() + 6)
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Interactive)
        header.resizeSection(1, OWNER_WIDTH)
        for column in (2, 3):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self.footer = QLabel(wordWrap=True)
        self.footer.setStyleSheet("color: #5f6b7a;")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 0, 0, 0)
        layout.addWidget(self.title)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.footer)
        self.clear()

    def clear(self) -> None:
        self.show_drill(Drill(tr("Deals behind a figure")), "")
        self.footer.setText(tr("Click a figure, a bar or a point to list the deals behind "
                               "it."))

    def show_busy(self, title: str) -> None:
        self.title.setText(title)
        self.model.set_drill(Drill(title), self.model.currency)
        self.footer.setText(tr("Reading the deals…"))

    def show_drill(self, drill: Drill, currency: str) -> None:
        self.model.set_drill(drill, currency)
        self.view.setColumnHidden(2, not self.model.has_amounts)
        self.title.setText(drill.title)
        count = len(drill.rows)
        text = tr("{0:,} deals · total {1}").format(count, signed_money(drill.total,
                                                                        currency))
        self.footer.setText(text + (f"\n{drill.note}" if drill.note else ""))
