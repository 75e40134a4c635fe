"""Small read-only tables of the Territories tab: coverage per territory, overlapping
rules, ties, and the reps assigned to a territory.

They hold tens to hundreds of rows that arrive whole, so sorting happens here in Python
(unlike the paged accounts). `RowsModel` is one table model driven by column specs.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QDate,
    QLocale,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QColor

from salesdesk.storage.rows import AssignmentRow, TerritoryRow
from salesdesk.ui.i18n import tr

Index = QModelIndex | QPersistentModelIndex
ROOT = QModelIndex()
ROW_ROLE = Qt.ItemDataRole.UserRole
MUTED = QColor("#6b7785")


@dataclass(frozen=True)
class Column:
    header: str                                   # translated
    text: Callable[[Any], str]
    key: Callable[[Any], Any] | None = None       # sort key; defaults to the text
    numeric: bool = False
    tooltip: Callable[[Any], str] | None = None
    muted: Callable[[Any], bool] | None = None    # grey text (containers, past dates)


class RowsModel(QAbstractTableModel):
    def __init__(self, columns: Sequence[Column], parent: Any = None):
        super().__init__(parent)
        self._columns = tuple(columns)
        self._rows: list[Any] = []

    def set_rows(self, rows: Sequence[Any]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def rows(self) -> list[Any]:
        return list(self._rows)

    def row_at(self, row: int) -> Any:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def rowCount(self, parent: Index = ROOT) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = ROOT) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self._columns)

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(self._columns):
            return None
        column = self._columns[section]
        if role == Qt.ItemDataRole.DisplayRole:
            return column.header
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return _align(column.numeric)
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.column() < len(self._columns):
            return None
        row, column = self.row_at(index.row()), self._columns[index.column()]
        if row is None:
            return None
        if role == ROW_ROLE:
            return row
        if role == Qt.ItemDataRole.DisplayRole:
            return column.text(row)
        if role == Qt.ItemDataRole.ToolTipRole:
            return column.tooltip(row) if column.tooltip else column.text(row)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return _align(column.numeric)
        if role == Qt.ItemDataRole.ForegroundRole and column.muted and column.muted(row):
            return MUTED
        return None

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < len(self._columns):
            return
        spec = self._columns[column]
        key = spec.key or (lambda r: spec.text(r).casefold())
        self.layoutAboutToBeChanged.emit()
        self._rows.sort(key=key, reverse=order == Qt.SortOrder.DescendingOrder)
        self.layoutChanged.emit()


def _align(numeric: bool) -> int:
    return int((Qt.AlignmentFlag.AlignRight if numeric else Qt.AlignmentFlag.AlignLeft)
               | Qt.AlignmentFlag.AlignVCenter)


# --- coverage per territory -----------------------------------------------------------
@dataclass(frozen=True)
class CoverageLine:
    row: TerritoryRow
    path: str
    share: float  # of all accounts, 0..1

    @property
    def container(self) -> bool:
        return not self.row.criteria


def coverage_model(parent: Any = None) -> RowsModel:
    return RowsModel((
        Column(tr("Territory"), lambda c: c.path),
        Column(tr("Accounts"), lambda c: "—" if c.container else f"{c.row.accounts:,}",
               key=lambda c: c.row.accounts, numeric=True, muted=lambda c: c.container,
               tooltip=lambda c: tr("A container: accounts land in its sub-territories")
               if c.container else tr("{0:,} accounts landed here").format(c.row.accounts)),
        Column(tr("Share"), lambda c: "—" if c.container else _share(c.share),
               key=lambda c: c.share, numeric=True, muted=lambda c: c.container),
        Column(tr("Reps"), lambda c: str(len(c.row.reps)), key=lambda c: len(c.row.reps),
               numeric=True, tooltip=lambda c: ", ".join(c.row.reps) or tr("No rep today")),
    ), parent)


def _share(share: float) -> str:
    return "<1%" if 0 < share < 0.005 else f"{share:.0%}"


# --- last evaluation: overlapping rules and ties ---------------------------------------
def overlaps_model(parent: Any = None) -> RowsModel:
    """Rows are (territory path, territory path, accounts both match)."""
    return RowsModel((
        Column(tr("Territory"), lambda o: o[0]),
        Column(tr("Overlaps with"), lambda o: o[1]),
        Column(tr("Accounts"), lambda o: f"{o[2]:,}", key=lambda o: o[2], numeric=True,
               tooltip=lambda o: tr("{0} accounts match the rules of both; the more specific "
                                    "territory takes them").format(o[2])),
    ), parent)


def ties_model(parent: Any = None) -> RowsModel:
    """Rows are (account name, territory names)."""
    return RowsModel((
        Column(tr("Account"), lambda t: t[0]),
        Column(tr("Matched equally by"), lambda t: ", ".join(t[1]),
               tooltip=lambda t: tr("Left unassigned: make one of {0} more specific").format(
                   ", ".join(t[1]))),
    ), parent)


# --- reps assigned to a territory -----------------------------------------------------
def day_text(day: date) -> str:
    """'1 Oct 2016' with the month in the user's language: unambiguous everywhere."""
    return QLocale().toString(QDate(day.year, day.month, day.day), "d MMM yyyy")


def assignment_status(a: AssignmentRow, today: date) -> str:
    if a.start > today:
        return tr("starts later")
    if a.end is not None and a.end < today:
        return tr("ended")
    return tr("current")


def assignments_model(today: date | None = None, parent: Any = None) -> RowsModel:
    day = today or date.today()

    def past(a: AssignmentRow) -> bool:
        return a.end is not None and a.end < day

    return RowsModel((
        Column(tr("Rep"), lambda a: a.member, muted=past),
        Column(tr("From"), lambda a: day_text(a.start), key=lambda a: a.start, muted=past),
        Column(tr("To"), lambda a: day_text(a.end) if a.end else tr("open-ended"),
               key=lambda a: a.end or date.max, muted=past),
        Column(tr("Status"), lambda a: assignment_status(a, day), muted=past),
    ), parent)
