"""Speed to lead per rep or per source: how many leads came, how many were reached, the
median and 90th-percentile time to first contact in business hours, the share reached
within the SLA and the open leads overdue now. A small table (one row per rep or source),
so it sorts in Python."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any, Protocol

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor, QFont

from salesdesk.domain.speed_to_lead import AgeBucket
from salesdesk.ui.i18n import tr
from salesdesk.ui.lead_format import AGE_COLOURS, NEGATIVE_COLOUR, hours_text

Index = QModelIndex | QPersistentModelIndex
SORT_ROLE = Qt.ItemDataRole.UserRole + 1
GOOD_SHARE, FAIR_SHARE = 0.9, 0.7
SHARE, OVERDUE = 5, 6


class ContactTimeRow(Protocol):
    """storage.lead_stats.ContactTimeRow, as this model reads it."""

    key: str | None
    label: str
    leads: int
    contacted: int
    median_hours: float | None
    p90_hours: float | None
    within_sla: int

    @property
    def within_sla_share(self) -> float | None: ...
    overdue_open: int


def _count(n: int) -> str:
    return f"{n:,}"


def _share(row: ContactTimeRow) -> str:
    share = row.within_sla_share
    return "—" if share is None else f"{share:.0%}"


def _share_colour(row: ContactTimeRow) -> QColor | None:
    share = row.within_sla_share
    if share is None:
        return None
    bucket = (AgeBucket.FRESH if share >= GOOD_SHARE else AgeBucket.AGEING
              if share >= FAIR_SHARE else AgeBucket.STALE)
    return QColor(AGE_COLOURS[bucket])


def _overdue_colour(row: ContactTimeRow) -> QColor | None:
    return QColor(NEGATIVE_COLOUR) if row.overdue_open else None


Column = tuple[str, Callable[[ContactTimeRow], str], Callable[[ContactTimeRow], Any]]


def _columns(first: str) -> list[Column]:
    """(title, text, sort key) per column; the first names the rep or the source."""
    none_last = float("inf")
    return [
        (first, lambda r: r.label, lambda r: r.label.casefold()),
        (tr("Leads"), lambda r: _count(r.leads), lambda r: r.leads),
        (tr("Contacted"), lambda r: _count(r.contacted), lambda r: r.contacted),
        (tr("Median"), lambda r: hours_text(r.median_hours),
         lambda r: none_last if r.median_hours is None else r.median_hours),
        (tr("90th pct."), lambda r: hours_text(r.p90_hours),
         lambda r: none_last if r.p90_hours is None else r.p90_hours),
        (tr("Within SLA"), _share,
         lambda r: -1.0 if r.within_sla_share is None else r.within_sla_share),
        (tr("Overdue now"), lambda r: _count(r.overdue_open), lambda r: r.overdue_open),
    ]


def _tips() -> dict[int, str]:
    return {3: tr("Median business time from a lead's arrival to its first contact"),
            4: tr("Nine in ten reached leads were contacted within this business time"),
            5: tr("Share of reached leads with a deadline that were contacted by it"),
            6: tr("Open leads not contacted yet whose deadline has passed")}


class ContactTimesModel(QAbstractTableModel):
    def __init__(self, first_column: str, parent: Any = None):
        super().__init__(parent)
        self._columns = _columns(first_column)
        self._rows: list[ContactTimeRow] = []
        self._order: tuple[int, Qt.SortOrder] = (1, Qt.SortOrder.DescendingOrder)

    def set_rows(self, rows: Sequence[ContactTimeRow]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self._sort_rows()
        self.endResetModel()

    def row_at(self, row: int) -> ContactTimeRow:
        return self._rows[row]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self._columns)

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(self._columns):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self._columns[section][0]
        if role == Qt.ItemDataRole.ToolTipRole:
            return _tips().get(section)
        if role == Qt.ItemDataRole.TextAlignmentRole and section > 0:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= len(self._rows):
            return None
        row, column = self._rows[index.row()], index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._columns[column][1](row)
        if role == SORT_ROLE:
            return self._columns[column][2](row)
        if role == Qt.ItemDataRole.TextAlignmentRole and column > 0:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.BackgroundRole and column == SHARE:
            return _share_colour(row)
        if role == Qt.ItemDataRole.ForegroundRole and column == OVERDUE:
            return _overdue_colour(row)
        if role == Qt.ItemDataRole.FontRole and column == OVERDUE and row.overdue_open:
            font = QFont()
            font.setBold(True)
            return font
        return None

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < len(self._columns):
            return
        self.layoutAboutToBeChanged.emit()
        kept = [(i, self._rows[i.row()]) for i in self.persistentIndexList()]
        self._order = (column, order)
        self._sort_rows()
        place = {id(r): n for n, r in enumerate(self._rows)}
        for old, row in kept:
            self.changePersistentIndex(old, self.index(place[id(row)], old.column()))
        self.layoutChanged.emit()

    def _sort_rows(self) -> None:
        column, order = self._order
        key = self._columns[column][2]
        self._rows.sort(key=lambda r: (key(r), r.label.casefold()),
                        reverse=order == Qt.SortOrder.DescendingOrder)
