"""The Forecast tab's history: a manager's call (CallDialog) and the stored snapshots with
the accuracy of every method, from the snapshots and from the backtest (HistoryDialog).

The dialogs hold plain records (forecast_data.History, services' BacktestResult); the tab
reads them on the worker. CallDialog.ask is a classmethod so tests can replace it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from salesdesk.domain.errors import ValidationError
from salesdesk.domain.validation import check_cents, clean_decimal
from salesdesk.ui.dialogs.common import HINT_STYLE, error_label, ok_cancel
from salesdesk.ui.forecast_data import History
from salesdesk.ui.i18n import tr
from salesdesk.ui.models.board_model import day_text, money_text
from salesdesk.ui.models.forecast_models import signed_money

Index = QModelIndex | QPersistentModelIndex
ROOT = QModelIndex()
MAX_ADJUSTMENT = Decimal("1e13")
MAX_COMMENT = 2000


# --- a manager's call ---------------------------------------------------------------------
@dataclass(frozen=True)
class CallAnswer:
    adjustment: Decimal
    comment: str


def parse_adjustment(text: str) -> Decimal:
    """The adjustment as typed, exact to the cent, negative allowed; ValidationError
    naming the field."""
    field = tr("Adjustment")
    try:
        value = clean_decimal(text.strip().replace("−", "-"), field)
    except ValidationError as exc:
        raise ValidationError(tr("{0}: {1}").format(field, exc.message), field=field) from None
    if value is None:
        raise ValidationError(tr("{0} is required (0 for none)").format(field), field=field)
    if abs(value) >= MAX_ADJUSTMENT:
        raise ValidationError(tr("{0}: {1} is too large").format(field, text.strip()),
                              field=field)
    check_cents(value, field)
    return value


def check_comment(text: str) -> str:
    field = tr("Comment")
    comment = " ".join(text.split())
    if not comment:
        raise ValidationError(tr("{0} is required: say why you call it so").format(field),
                              field=field)
    if len(comment) > MAX_COMMENT:
        raise ValidationError(tr("{0} is longer than {1:,} characters").format(
            field, MAX_COMMENT), field=field)
    return comment


class CallDialog(QDialog):
    """The manager's call: the weighted forecast plus an adjustment, and why."""

    def __init__(self, parent: QWidget | None, period: str, scope: str, weighted: Decimal,
                 currency: str):
        super().__init__(parent)
        self.weighted, self.currency = weighted, currency
        self.setWindowTitle(tr("Record a call for {0}").format(period))
        intro = QLabel(tr("Your call for {0} · {1}: the weighted forecast made now, plus "
                          "your adjustment.").format(period, scope), wordWrap=True)
        self.adjustment_edit = QLineEdit("0", placeholderText=tr("e.g. -25000 or 12,500.50"))
        self.comment_edit = QLineEdit(placeholderText=tr(
            "e.g. Two renewals slip to next quarter"))
        self.call_label = QLabel()
        hint = QLabel(tr("In {0}. The call is kept with the forecast of the moment, so it "
                         "can be scored against what was won.").format(currency),
                      wordWrap=True)
        hint.setStyleSheet(HINT_STYLE)
        self.message = error_label("validationMessage", reserve_lines=1)
        self.buttons = ok_cancel(self, tr("Record call"))
        form = QFormLayout()
        form.addRow(tr("Adjustment"), self.adjustment_edit)
        form.addRow(tr("Comment"), self.comment_edit)
        form.addRow(tr("Call"), self.call_label)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(hint)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(440)
        self.adjustment_edit.textChanged.connect(self.validate)
        self.comment_edit.textChanged.connect(self.validate)
        self.validate()

    @classmethod
    def ask(cls, parent: QWidget | None, period: str, scope: str, weighted: Decimal,
            currency: str) -> CallAnswer | None:
        """The adjustment and comment once the user pressed OK, else None."""
        dialog = cls(parent, period, scope, weighted, currency)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return dialog.value()

    def problem(self) -> str:
        try:
            adjustment = parse_adjustment(self.adjustment_edit.text())
        except ValidationError as exc:
            self.call_label.setText("—")
            return exc.message
        self.call_label.setText(tr("{0} (weighted {1}, adjustment {2})").format(
            money_text(self.weighted + adjustment, self.currency),
            money_text(self.weighted, self.currency),
            signed_money(adjustment, self.currency)))
        try:
            check_comment(self.comment_edit.text())
        except ValidationError as exc:
            return exc.message
        return ""

    def validate(self) -> None:
        text = self.problem()
        self.message.setText(text)
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        if ok is not None:
            ok.setEnabled(not text)

    def value(self) -> CallAnswer:
        return CallAnswer(parse_adjustment(self.adjustment_edit.text()),
                          check_comment(self.comment_edit.text()))


# --- the history --------------------------------------------------------------------------
def method_words() -> dict[str, str]:
    return {"weighted_default": tr("Weighted, default probabilities (CRM baseline)"),
            "weighted": tr("Weighted"), "commit": tr("Commit"), "best_case": tr("Best case"),
            "historical": tr("Historical"), "p50": tr("Monte Carlo P50"),
            "monte_carlo_p50": tr("Monte Carlo P50"),
            "call": tr("Manager's call")}


def kind_word(kind: str) -> str:
    return {"auto": tr("Auto"), "call": tr("Call")}.get(kind, kind)


def percent(value: float | None, signed: bool = False) -> str:
    if value is None:
        return "—"
    return f"{value * 100:+.1f} %" if signed else f"{value * 100:.1f} %"


class TextTable(QAbstractTableModel):
    """Read-only rows of text (what the history lists); bold rows by index."""

    def __init__(self, headers: Sequence[str], parent: Any = None):
        super().__init__(parent)
        self.headers = tuple(headers)
        self.rows: list[tuple[str, ...]] = []
        self.bold: set[int] = set()

    def set_rows(self, rows: Sequence[tuple[str, ...]], bold: set[int] | None = None) -> None:
        self.beginResetModel()
        self.rows, self.bold = list(rows), set(bold or ())
        self.endResetModel()

    def rowCount(self, parent: Index = ROOT) -> int:  # noqa: N802 (Qt override)
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent: Index = ROOT) -> int:  # noqa: N802 (Qt override)
        return 0 if parent.isValid() else len(self.headers)

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.DisplayRole and orientation == Qt.Orientation.Horizontal \
                and 0 <= section < len(self.headers):
            return self.headers[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self.rows[index.row()][index.column()]
        if role == Qt.ItemDataRole.FontRole and index.row() in self.bold:
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() >= 3:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None


def _table(model: TextTable, stretch: int | None = None) -> QTableView:
    """Columns fit their contents; column `stretch` (default: the last) takes the rest."""
    view = QTableView(alternatingRowColors=True, wordWrap=False,
                      selectionBehavior=QAbstractItemView.SelectionBehavior.SelectRows)
    view.setModel(model)
    view.verticalHeader().hide()
    header = view.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    if stretch is None:
        header.setStretchLastSection(True)
    else:
        header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
    return view


class HistoryDialog(QDialog):
    """The scope's stored forecasts against what was won, and which method to trust."""

    def __init__(self, parent: QWidget | None, currency: str):
        super().__init__(parent)
        self.currency = currency
        self.setWindowTitle(tr("Forecast history and accuracy"))
        self.title = QLabel(wordWrap=True)
        self.title.setStyleSheet("font-weight: 600; color: #1f2a37;")
        self.snapshots = TextTable((
            tr("Period"), tr("Kind"), tr("As of"), tr("Forecast"), tr("Weighted"),
            tr("Historical"), tr("P50"), tr("Adjustment"), tr("Actual"), tr("Error"),
            tr("Comment")), self)
        self.accuracy = TextTable((tr("Method"), tr("From"), tr("Periods"), tr("Bias"),
                                   tr("WAPE"), tr("Hit rate ±10 %")), self)
        # the method's name takes the spare width, not the last number column
        self.snapshot_view = _table(self.snapshots)
        self.accuracy_view = _table(self.accuracy, stretch=0)
        self.snapshot_note = QLabel(wordWrap=True)
        self.verdict = QLabel(wordWrap=True)
        for label in (self.snapshot_note, self.verdict):
            label.setStyleSheet(HINT_STYLE)
        layout = QVBoxLayout(self)
        layout.addWidget(self.title)
        layout.addWidget(QLabel(tr("Stored forecasts: frozen at each period's start (auto) "
                                   "and managers' calls")))
        layout.addWidget(self.snapshot_view, 3)
        layout.addWidget(self.snapshot_note)
        layout.addWidget(QLabel(tr("Accuracy per method: from the stored forecasts whose "
                                   "period has ended, and from the backtest (past quarters "
                                   "replayed)")))
        layout.addWidget(self.accuracy_view, 2)
        layout.addWidget(self.verdict)
        self.resize(1100, 640)
        self.history: History | None = None
        self.backtest: Any = None
        self.backtest_problem = ""

    def show_loading(self, scope: str) -> None:
        self.title.setText(tr("Forecast history · {0}").format(scope))
        self.snapshot_note.setText(tr("Reading the stored forecasts…"))
        self.verdict.setText(tr("Replaying past quarters for the backtest…"))
        self.history, self.backtest, self.backtest_problem = None, None, ""
        self.snapshots.set_rows([])
        self.accuracy.set_rows([])

    def show_history(self, history: History) -> None:
        self.history = history
        money = lambda v: "—" if v is None else money_text(v, self.currency)  # noqa: E731
        rows = []
        for line in history.lines:
            s = line.snapshot
            rows.append((s.period, kind_word(s.kind), day_text(s.as_of.date()),
                         money(line.figure), money(s.figures.get("weighted")),
                         money(s.figures.get("historical")), money(s.figures.get("p50")),
                         "" if s.adjustment is None else signed_money(s.adjustment,
                                                                      self.currency),
                         money(line.actual),
                         "—" if line.error is None else signed_money(line.error,
                                                                     self.currency),
                         s.comment))
        self.snapshots.set_rows(rows)
        self.snapshot_note.setText(tr("{0:,} stored forecasts. Forecast: the call for a "
                                      "call, the weighted figure for an auto snapshot; "
                                      "error = forecast − actual, once the period has "
                                      "ended.").format(len(rows)) if rows else tr(
            "No stored forecast for this scope yet: auto snapshots are frozen for the "
            "company and each team when a period starts; record a call to add one."))
        self._show_accuracy()

    def show_backtest(self, backtest: Any, problem: str = "") -> None:
        self.backtest, self.backtest_problem = backtest, problem
        self._show_accuracy()

    def _show_accuracy(self) -> None:
        words = method_words()
        rows: list[tuple[str, ...]] = []
        for a in self.history.accuracy if self.history else ():
            rows.append((words.get(a.method, a.method), tr("Stored forecasts"),
                         f"{a.count:,}", percent(a.bias, True), percent(a.wape),
                         percent(a.hit_rate)))
        bold: set[int] = set()
        scored = [s for s in (self.backtest.summary if self.backtest else ())
                  if s.wape is not None]
        best = min(scored, key=lambda s: s.wape) if scored else None
        for s in self.backtest.summary if self.backtest else ():
            if s is best:
                bold.add(len(rows))
            rows.append((words.get(s.method, s.method), tr("Backtest"), f"{s.count:,}",
                         percent(s.bias, True), percent(s.wape), percent(s.hit_rate)))
        self.accuracy.set_rows(rows, bold)
        if self.backtest_problem:
            self.verdict.setText(tr("The backtest could not be run: {0}").format(
                self.backtest_problem))
        elif self.backtest is None:
            self.verdict.setText(tr("Replaying past quarters for the backtest…"))
        elif best is None:
            self.verdict.setText(tr("No past quarter to score the methods on yet."))
        else:
            self.verdict.setText(tr(
                "Trust {0}: the lowest WAPE in the backtest ({1}). Bias above 0 means the "
                "method forecast more than was won; WAPE is the error over the periods as a "
                "share of what was won.").format(words.get(best.method, best.method),
                                                  percent(best.wape)))
