"""The members table of the Team tab, and the filter every Team page shares.

Holds frozen storage.rows.MemberRow rows only (never a Session or an ORM object).
A team has at most a few hundred people, so sorting and filtering happen in a
QSortFilterProxyModel rather than in SQL.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass
from datetime import date
from typing import Any

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtGui import QColor, QFont

from salesdesk.domain.members import RampState, Role
from salesdesk.storage.rows import MemberRow
from salesdesk.ui import team_format as fmt
from salesdesk.ui.i18n import tr

Index = QModelIndex | QPersistentModelIndex

ID_ROLE = Qt.ItemDataRole.UserRole + 1
"""The member id of a row (every Team model answers it)."""
SORT_ROLE = Qt.ItemDataRole.UserRole + 2
"""A value that sorts the column naturally (numbers as numbers, words case-blind)."""

MUTED = QColor("#7a8694")
OVERLOADED = QColor("#b3261e")
ROLE_ORDER = {Role.MANAGER.value: 0, Role.ADMIN.value: 1, Role.REP.value: 2}
RAMP_ORDER = {RampState.NOT_STARTED: 0, RampState.RAMPING: 1, RampState.RAMPED: 2,
              RampState.NO_HIRE_DATE: 3}


class Column(enum.IntEnum):
    NAME = 0
    ROLE = 1
    TEAM = 2
    MANAGER = 3
    EMAIL = 4
    TERRITORIES = 5
    LOAD = 6
    RAMP = 7
    STATUS = 8


def _headers() -> dict[Column, tuple[str, str]]:
    return {
        Column.NAME: (tr("Name"), ""),
        Column.ROLE: (tr("Role"), ""),
        Column.TEAM: (tr("Team"), ""),
        Column.MANAGER: (tr("Manager"), ""),
        Column.EMAIL: (tr("Email"), ""),
        Column.TERRITORIES: (tr("Territories"), tr("Territories the member covers today")),
        Column.LOAD: (tr("Load"), tr("Open leads / effective capacity (capacity is reduced "
                                     "while a new rep ramps up)")),
        Column.RAMP: (tr("Ramp"), tr("How far a new hire is through the ramp-up period")),
        Column.STATUS: (tr("Status"), ""),
    }


@dataclass(frozen=True)
class MemberFilter:
    """What the Team tab's toolbar asks to see. `team_id` None = every team, "" = no team;
    `role` None = every role."""

    text: str = ""
    team_id: str | None = None
    role: str | None = None
    show_left: bool = False

    def accepts(self, row: MemberRow) -> bool:
        if not self.show_left and not row.active:
            return False
        if self.team_id is not None and (row.team_id or "") != self.team_id:
            return False
        if self.role is not None and row.role != self.role:
            return False
        return self._matches_text(row)

    def _matches_text(self, row: MemberRow) -> bool:
        needle = self.text.strip().casefold()
        if not needle:
            return True
        haystack = (row.name, row.email or "", row.team or "", row.manager or "")
        return any(needle in value.casefold() for value in haystack)

    @property
    def narrows(self) -> bool:
        """True when the filter hides someone beyond the people who left."""
        return bool(self.text.strip()) or self.team_id is not None or self.role is not None


class MembersModel(QAbstractTableModel):
    """One row per member (people who left included; the filter hides them)."""

    def __init__(self, parent: Any = None):
        super().__init__(parent)
        self._rows: list[MemberRow] = []
        self._work: list[fmt.Workload] = []
        self._row_of: dict[str, int] = {}
        self._headers = _headers()

    # --- contents ----------------------------------------------------------------------
    def set_rows(self, rows: list[MemberRow], today: date | None = None) -> bool:
        """Show `rows`. When the same people come back in the same order (the usual
        reload after an edit) the cells are updated in place, so selection, scrolling
        and sorting stay; returns True when the model was reset instead."""
        today = today or date.today()
        rows = list(rows)
        same = [r.id for r in rows] == [r.id for r in self._rows]
        if not same:
            self.beginResetModel()
        self._rows = rows
        self._work = [fmt.workload(r, today) for r in rows]
        self._row_of = {r.id: i for i, r in enumerate(rows)}
        if not same:
            self.endResetModel()
        elif rows:
            self.dataChanged.emit(self.index(0, 0), self.index(len(rows) - 1, len(Column) - 1))
        return not same

    @property
    def rows(self) -> list[MemberRow]:
        return list(self._rows)

    def member(self, row: int) -> MemberRow:
        return self._rows[row]

    def workload(self, member_id: str) -> fmt.Workload | None:
        i = self._row_of.get(member_id)
        return None if i is None else self._work[i]

    def member_for(self, source_row: int, _parent: Index) -> MemberRow | None:
        """The member on `source_row` (the shared filter proxy asks this)."""
        return self._rows[source_row] if 0 <= source_row < len(self._rows) else None

    def index_of(self, member_id: str) -> QModelIndex:
        i = self._row_of.get(member_id)
        return QModelIndex() if i is None else self.index(i, 0)

    # --- Qt model ----------------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(Column)

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(Column):
            return None
        text, tip = self._headers[Column(section)]
        if role == Qt.ItemDataRole.DisplayRole:
            return text
        if role == Qt.ItemDataRole.ToolTipRole:
            return tip or None
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row, work = self._rows[index.row()], self._work[index.row()]
        column = Column(index.column())
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(row, work, column)
        if role == SORT_ROLE:
            return self._sort_key(row, work, column)
        if role == ID_ROLE:
            return row.id
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(row, work, column)
        if role == Qt.ItemDataRole.ForegroundRole:
            return self._foreground(row, work, column)
        if role == Qt.ItemDataRole.FontRole and not row.active:
            font = QFont()
            font.setItalic(True)
            return font
        if role == Qt.ItemDataRole.TextAlignmentRole and column == Column.LOAD:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def _display(self, row: MemberRow, work: fmt.Workload, column: Column) -> str:
        dash = "—"
        values = {
            Column.NAME: lambda: row.name,
            Column.ROLE: lambda: fmt.role_word(row.role),
            Column.TEAM: lambda: row.team or dash,
            Column.MANAGER: lambda: row.manager or dash,
            Column.EMAIL: lambda: row.email or dash,
            Column.TERRITORIES: lambda: ", ".join(row.territories) or dash,
            Column.LOAD: lambda: fmt.load_text(row, work),
            Column.RAMP: lambda: fmt.ramp_text(row, work.ramp),
            Column.STATUS: lambda: fmt.status_text(row),
        }
        return values[column]()

    def _sort_key(self, row: MemberRow, work: fmt.Workload, column: Column) -> Any:
        if column == Column.ROLE:
            return ROLE_ORDER.get(row.role, 9)
        if column == Column.LOAD:
            return fmt.load_ratio(row, work)
        if column == Column.RAMP:
            return RAMP_ORDER[work.ramp.state] + work.ramp.fraction / 2
        if column == Column.STATUS:
            return row.left_on.isoformat() if row.left_on else ""
        if column == Column.TERRITORIES:
            return len(row.territories)
        return self._display(row, work, column).casefold().replace("—", "\uffff")

    def _tooltip(self, row: MemberRow, work: fmt.Workload, column: Column) -> str | None:
        if column == Column.LOAD:
            return fmt.load_tooltip(row, work)
        if column == Column.RAMP:
            return fmt.ramp_tooltip(row, work) or None
        if column == Column.TERRITORIES and row.territories:
            return "\n".join(row.territories)
        return None

    def _foreground(self, row: MemberRow, work: fmt.Workload, column: Column) -> Any:
        if not row.active:
            return MUTED
        if column == Column.LOAD and fmt.load_ratio(row, work) > 1:
            return OVERLOADED
        missing = {Column.TEAM: row.team, Column.MANAGER: row.manager,
                   Column.EMAIL: row.email, Column.TERRITORIES: row.territories}
        if column in missing and not missing[column]:
            return MUTED
        return None


class MemberFilterProxy(QSortFilterProxyModel):
    """Applies a MemberFilter to any Team model that answers `member_for(row, parent)`;
    sorts by SORT_ROLE. For the hierarchy, recursive filtering keeps the managers above
    a match."""

    def __init__(self, parent: Any = None, *, recursive: bool = False):
        super().__init__(parent, sortRole=SORT_ROLE, sortCaseSensitivity=
                         Qt.CaseSensitivity.CaseInsensitive)
        self.setRecursiveFilteringEnabled(recursive)
        self._filter = MemberFilter()

    @property
    def member_filter(self) -> MemberFilter:
        return self._filter

    def set_filter(self, member_filter: MemberFilter) -> None:
        if member_filter == self._filter:
            return
        self.beginFilterChange()
        self._filter = member_filter
        self.endFilterChange(QSortFilterProxyModel.Direction.Rows)

    def filterAcceptsRow(self, source_row: int, source_parent: Index) -> bool:  # noqa: N802
        row = self.sourceModel().member_for(source_row, source_parent)  # type: ignore[attr-defined]
        return row is not None and self._filter.accepts(row)
