"""The quota plan grid: each team with its reps underneath, then the team's bottom-up sum
and its gap; columns are the 12 fiscal months, the 4 quarters and the year.

Quarters and the year are roll-ups of the months (the domain stores months only). Rows
are frozen dataclasses built on the worker by `build_grid`; the model holds no session
and writes nothing: an edited rep month is parsed and checked here, shown at once and
announced on sig_target_edited; the owner saves it through the undo stack and reloads.
"""

from __future__ import annotations

import enum
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QDate,
    QLocale,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QColor, QFont

from salesdesk.domain.quotas import PlanStatus
from salesdesk.ui.deal_format import MAX_AMOUNT, plain_amount
from salesdesk.ui.i18n import tr
from salesdesk.ui.models.board_model import money_text

Index = QModelIndex | QPersistentModelIndex
ROOT = QModelIndex()
ZERO = Decimal("0.00")
MONTHS, QUARTERS = 12, 4
FIGURES = MONTHS + QUARTERS + 1
"""Months, quarters, year: the columns after the name."""

ROW_ROLE = Qt.ItemDataRole.UserRole + 1
"""The GridRow of a row."""
VALUE_ROLE = Qt.ItemDataRole.UserRole + 2
"""The exact Decimal of a figure cell (None: nothing to show)."""

MUTED = QColor("#6b7785")
SHORT = QColor("#b3261e")
OVER = QColor("#1f5f99")
TEAM_BACK = QColor("#e9eff6")
TOTAL_BACK = QColor("#dde6f0")
ROLLUP_BACK = QColor("#f4f6f9")


class RowKind(enum.StrEnum):
    TEAM = "team"
    """A team's top-down target (its own targets)."""
    MEMBER = "member"
    BOTTOM_UP = "bottom_up"
    """The sum of the team's reps."""
    GAP = "gap"
    """Top-down minus bottom-up."""
    NO_TEAM = "no_team"
    """The heading over reps without a team."""
    TOTAL = "total"
    """Every rep of the plan."""


@dataclass(frozen=True)
class GridRow:
    kind: RowKind
    id: str
    """The member's or team's id ("" for the no-team heading and the total)."""
    name: str
    team_id: str
    values: tuple[Decimal | None, ...]
    """Months, quarters, year; None where there is nothing to show."""
    active: bool = True
    note: str = ""
    """Why the row looks as it does (a leaver, a team without a target)."""


@dataclass(frozen=True)
class Shape:
    """How the plan spreads a top-down target: 12 seasonality weights and the ramp."""

    seasonality: tuple[Decimal, ...]
    ramp: tuple[Decimal, ...] | None
    """The plan-wide ramp steps (fractions), or None: each rep's own ramp months."""
    ramp_block_months: int = 3
    base_year: int | None = None


@dataclass(frozen=True)
class PlanGrid:
    """One plan version as the grid shows it."""

    plan_id: str
    year: int
    plan_version: int
    status: PlanStatus
    version: int
    """The version's optimistic-lock counter when read."""
    note: str
    months: tuple[date, ...]
    quarter_names: tuple[str, ...]
    rows: tuple[GridRow, ...]
    shape: Shape

    @property
    def editable(self) -> bool:
        return self.status is PlanStatus.DRAFT

    def team_rows(self) -> list[GridRow]:
        return [r for r in self.rows if r.kind is RowKind.TEAM]

    def reps_of(self, team_id: str) -> list[GridRow]:
        return [r for r in self.rows if r.kind is RowKind.MEMBER and r.team_id == team_id]

    def row(self, kind: RowKind, row_id: str) -> GridRow | None:
        return next((r for r in self.rows if r.kind is kind and r.id == row_id), None)


@dataclass(frozen=True)
class Rep:
    """What the grid needs of a quota carrier (services.quotas.quota_members)."""

    id: str
    name: str
    team_id: str | None
    active: bool


def roll(months: Sequence[Decimal]) -> tuple[Decimal, ...]:
    """Twelve months followed by their four quarters and the year."""
    quarters = [sum(months[q * 3:q * 3 + 3], ZERO) for q in range(QUARTERS)]
    return (*months, *quarters, sum(months, ZERO))


# --- words ------------------------------------------------------------------------------
def read_only_hint() -> str:
    return tr("published — create a draft to edit")


def month_label(start: date, fiscal_start: int = 1) -> str:
    """'Mar' (or 'Jul 17' when the fiscal year straddles two calendar years)."""
    form = "MMM" if fiscal_start == 1 else "MMM yy"
    return QLocale().toString(QDate(start.year, start.month, 1), form)


def month_long(start: date) -> str:
    return QLocale().toString(QDate(start.year, start.month, 1), "MMM yyyy")


def amount_text(value: Decimal) -> str:
    """'381,065': whole units, grouped (the grid names its currency once, in the header;
    tooltips and the editor give the exact amount)."""
    return f"{value.quantize(Decimal(1), rounding=ROUND_HALF_UP):,.0f}"


def signed_amount(value: Decimal) -> str:
    if value.quantize(Decimal(1), rounding=ROUND_HALF_UP) == 0:
        return amount_text(value)
    return ("+" if value > 0 else "−") + amount_text(abs(value))


def signed_money(value: Decimal, currency: str, *, cents: bool = False) -> str:
    if value == 0:
        return money_text(value, currency, cents=cents)
    sign = "+" if value > 0 else "−"
    return sign + money_text(abs(value), currency, cents=cents)


class AmountError(ValueError):
    """Text that is not a usable quota amount; the message says why."""


def parse_amount(text: str, currency: str = "") -> Decimal:
    """A typed quota: '12500', '12,500.50', '€12 500', '12500 EUR'. Refuses words,
    negative amounts, fractions of a cent and absurd sizes. Empty means zero."""
    cleaned = str(text).strip()
    for mark in (currency, "€", "$", "£", "¥", "\u00a0", "\u202f", " "):
        if mark:
            cleaned = cleaned.replace(mark, "")
    if not cleaned:
        return ZERO
    locale = QLocale()
    group, point = locale.groupSeparator(), locale.decimalPoint()
    if point != ".":
        cleaned = cleaned.replace(group, "").replace(point, ".")
    else:
        cleaned = cleaned.replace(",", "").replace(group, "")
    try:
        value = Decimal(cleaned)
    except InvalidOperation:
        raise AmountError(tr("“{0}” is not an amount; type a number such as 12500 or "
                             "12,500.50").format(text)) from None
    if not value.is_finite():
        raise AmountError(tr("“{0}” is not an amount").format(text))
    if value < 0:
        raise AmountError(tr("a quota cannot be negative ({0})").format(text))
    if value != value.quantize(Decimal("0.01")):
        raise AmountError(tr("“{0}” has fractions of a cent; use at most two decimals"
                             ).format(text))
    if value >= MAX_AMOUNT:
        raise AmountError(tr("{0} is far beyond any quota").format(text))
    return value.quantize(Decimal("0.01"))


# --- the model ---------------------------------------------------------------------------
class QuotaModel(QAbstractTableModel):
    sig_target_edited = Signal(str, object, object)
    """A rep's month was typed: (member id, first day of the month, Decimal amount)."""
    sig_problem = Signal(str)
    """Typed text was refused; carries the sentence naming the member and month."""

    def __init__(self, parent: Any = None):
        super().__init__(parent)
        self.grid: PlanGrid | None = None
        self.currency = ""
        self.fiscal_start = 1
        self._rows: list[GridRow] = []

    def set_grid(self, grid: PlanGrid | None, currency: str, fiscal_start: int = 1) -> bool:
        """Show `grid`. The same version with the same rows updates in place, so an
        editor open in another cell keeps what is being typed; returns True on a reset."""
        rows = list(grid.rows) if grid is not None else []
        same = (grid is not None and self.grid is not None
                and grid.plan_id == self.grid.plan_id and grid.months == self.grid.months
                and [(r.kind, r.id) for r in rows] == [(r.kind, r.id) for r in self._rows])
        if not same:
            self.beginResetModel()
        self.grid, self.currency, self.fiscal_start = grid, currency, fiscal_start
        self._rows = rows
        if not same:
            self.endResetModel()
        elif rows:
            self.dataChanged.emit(self.index(0, 0), self.index(len(rows) - 1, FIGURES))
        return not same

    def row_at(self, row: int) -> GridRow | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def index_of(self, kind: RowKind, row_id: str, column: int = 0) -> QModelIndex:
        for i, r in enumerate(self._rows):
            if r.kind is kind and r.id == row_id:
                return self.index(i, column)
        return QModelIndex()

    def month_of(self, column: int) -> date | None:
        if self.grid is None or not 1 <= column <= MONTHS:
            return None
        return self.grid.months[column - 1]

    # --- Qt model ---------------------------------------------------------------------
    def rowCount(self, parent: Index = ROOT) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = ROOT) -> int:  # noqa: N802
        return 0 if parent.isValid() else 1 + FIGURES

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section <= FIGURES:
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self._header(section)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._header_tip(section)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return _align(section > 0)
        return None

    def _header(self, section: int) -> str:
        if section == 0:
            return tr("Team / rep ({0})").format(self.currency) if self.currency else \
                tr("Team / rep")
        grid = self.grid
        if section <= MONTHS:
            return month_label(grid.months[section - 1], self.fiscal_start) if grid else ""
        if section <= MONTHS + QUARTERS:
            return tr("Q{0}").format(section - MONTHS)
        return tr("Year")

    def _header_tip(self, section: int) -> str:
        grid = self.grid
        if grid is None or section == 0:
            return ""
        if section <= MONTHS:
            return month_long(grid.months[section - 1])
        if section <= MONTHS + QUARTERS:
            return tr("{0}: the sum of its three months").format(
                grid.quarter_names[section - MONTHS - 1])
        return tr("Fiscal year {0}: the sum of its months").format(grid.year)

    def flags(self, index: Index) -> Qt.ItemFlag:
        flags = super().flags(index)
        if self._editable(index):
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def _editable(self, index: Index) -> bool:
        row = self.row_at(index.row()) if index.isValid() else None
        return (row is not None and row.kind is RowKind.MEMBER and self.grid is not None
                and self.grid.editable and 1 <= index.column() <= MONTHS)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        row = self.row_at(index.row()) if index.isValid() else None
        if row is None or not 0 <= index.column() <= FIGURES:
            return None
        if role == ROW_ROLE:
            return row
        if role == Qt.ItemDataRole.FontRole:
            return _font(row, index.column())
        if role == Qt.ItemDataRole.BackgroundRole:
            return _background(row, index.column())
        if index.column() == 0:
            return self._name_data(row, role)
        value = row.values[index.column() - 1]
        return self._figure_data(row, index.column(), value, role)

    def _name_data(self, row: GridRow, role: int) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            return ("    " + row.name) if row.kind is RowKind.MEMBER else row.name
        if role == Qt.ItemDataRole.ToolTipRole:
            return row.note or row.name
        if role == Qt.ItemDataRole.ForegroundRole and (not row.active or row.kind in (
                RowKind.BOTTOM_UP, RowKind.GAP)):
            return MUTED
        return None

    def _figure_data(self, row: GridRow, column: int, value: Decimal | None,
                     role: int) -> Any:
        if role == VALUE_ROLE:
            return value
        if role == Qt.ItemDataRole.DisplayRole:
            return self._figure_text(row, value)
        if role == Qt.ItemDataRole.EditRole:
            return plain_amount(value) if value is not None else ""
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return _align(True)
        if role == Qt.ItemDataRole.ForegroundRole:
            return _figure_colour(row, value)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._figure_tip(row, column, value)
        return None

    def _figure_text(self, row: GridRow, value: Decimal | None) -> str:
        if value is None:
            return "" if row.kind is RowKind.NO_TEAM else "—"
        if row.kind is RowKind.GAP:
            return signed_amount(value)
        return amount_text(value)

    def _figure_tip(self, row: GridRow, column: int, value: Decimal | None) -> str:
        where = self._header_tip(column) or self._header(column)
        if value is None:
            return row.note
        exact = money_text(abs(value), self.currency, cents=True)
        if row.kind is RowKind.GAP:
            return _gap_tip(value, exact, where)
        text = tr("{0} — {1}: {2}").format(row.name, where, money_text(
            value, self.currency, cents=True))
        if row.kind is RowKind.MEMBER and column <= MONTHS and self.grid is not None \
                and not self.grid.editable:
            text += "\n" + read_only_hint()
        return text

    def setData(self, index: Index, value: Any,  # noqa: N802
                role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or not self._editable(index):
            return False
        row, start = self._rows[index.row()], self.month_of(index.column())
        assert start is not None
        try:
            amount = parse_amount(str(value), self.currency)
        except AmountError as exc:
            self.sig_problem.emit(tr("{0}, {1}: {2}. Nothing was changed.").format(
                row.name, month_long(start), exc))
            return False
        if amount == row.values[index.column() - 1]:
            return True
        self._show_typed(index.row(), index.column() - 1, amount)
        self.sig_target_edited.emit(row.id, start, amount)
        return True

    def _show_typed(self, row_number: int, month: int, amount: Decimal) -> None:
        """Show a typed amount (and the rep's roll-ups) until the reload brings the stored
        one."""
        row = self._rows[row_number]
        months = list(row.values[:MONTHS])
        months[month] = amount
        self._rows[row_number] = replace(row, values=roll(
            [m if m is not None else ZERO for m in months]))
        self.dataChanged.emit(self.index(row_number, 1), self.index(row_number, FIGURES))


def _gap_tip(value: Decimal, exact: str, where: str) -> str:
    if value > 0:
        return tr("{0}: the reps' targets fall {1} short of the team's target").format(
            where, exact)
    if value < 0:
        return tr("{0}: the reps' targets exceed the team's target by {1}").format(
            where, exact)
    return tr("{0}: the reps' targets add up to the team's target").format(where)


def _font(row: GridRow, column: int) -> QFont | None:
    """Team and total names in bold; their figures stay regular so that seventeen
    columns of them fit a 1400-pixel window (their band colour sets them apart)."""
    if row.kind in (RowKind.TEAM, RowKind.TOTAL, RowKind.NO_TEAM) and column == 0:
        font = QFont()
        font.setBold(True)
        return font
    if row.kind is RowKind.BOTTOM_UP or (row.kind is RowKind.MEMBER and not row.active):
        font = QFont()
        font.setItalic(True)
        return font
    return None


def _background(row: GridRow, column: int) -> QColor | None:
    if row.kind is RowKind.TOTAL:
        return TOTAL_BACK
    if row.kind in (RowKind.TEAM, RowKind.NO_TEAM):
        return TEAM_BACK
    if column > MONTHS:
        return ROLLUP_BACK
    return None


def _figure_colour(row: GridRow, value: Decimal | None) -> QColor | None:
    if row.kind is RowKind.GAP and value:
        return SHORT if value > 0 else OVER
    if row.kind in (RowKind.GAP, RowKind.BOTTOM_UP) or not row.active:
        return MUTED
    return None


def _align(numeric: bool) -> int:
    return int((Qt.AlignmentFlag.AlignRight if numeric else Qt.AlignmentFlag.AlignLeft)
               | Qt.AlignmentFlag.AlignVCenter)
