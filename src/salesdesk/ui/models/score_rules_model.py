"""The ideal profile's job-title seniority keywords and their points, editable in a table
(keyword, points). Rows are plain [keyword, points] drafts; `problem(row)` names what is
wrong (a blank or repeated keyword)."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt

from salesdesk.domain.lead_scoring import POINTS
from salesdesk.domain.leads import tidy_text
from salesdesk.domain.validation import name_key
from salesdesk.ui.i18n import tr
from salesdesk.ui.lead_format import points_text
from salesdesk.ui.models.rule_rows import RuleRowsModel

Index = QModelIndex | QPersistentModelIndex
DISPLAY, EDIT = Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole
KEYWORD, POINTS_COLUMN = 0, 1


class KeywordPointsModel(RuleRowsModel):
    def set_pairs(self, pairs: Iterable[tuple[str, int]]) -> None:
        self.beginResetModel()
        self._rows = [[k, p] for k, p in pairs]
        self.endResetModel()

    def pairs(self) -> tuple[tuple[str, int], ...]:
        return tuple((tidy_text(k), int(p)) for k, p in self._rows)

    def add_row(self, keyword: str = "", points: int = 10) -> int:
        return self.append_row([keyword, points])

    def problem(self, row: int) -> str:
        keyword = tidy_text(self._rows[row][0])
        if not keyword:
            return tr("give a keyword, or remove the row")
        earlier = [name_key(k) for k, _ in self._rows[:row]]
        if name_key(keyword) in earlier:
            return tr("'{0}' is listed twice").format(keyword)
        return ""

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else 2

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802
                   role: int = DISPLAY) -> Any:
        if role != DISPLAY or orientation != Qt.Orientation.Horizontal or \
                section not in (KEYWORD, POINTS_COLUMN):
            return None
        return tr("Job-title keyword") if section == KEYWORD else tr("Points")

    def flags(self, index: Index) -> Qt.ItemFlag:
        flags = super().flags(index)
        return flags | Qt.ItemFlag.ItemIsEditable if index.isValid() else flags

    def data(self, index: Index, role: int = DISPLAY) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        keyword, points = self._rows[index.row()]
        column = index.column()
        if role == DISPLAY:
            return keyword if column == KEYWORD else points_text(points)
        if role == EDIT:
            return keyword if column == KEYWORD else points
        if role == Qt.ItemDataRole.TextAlignmentRole and column == POINTS_COLUMN:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return self.problem_data(role, self.problem(index.row()) if column == KEYWORD else "")

    def setData(self, index: Index, value: Any, role: int = EDIT) -> bool:  # noqa: N802
        if role != EDIT or not index.isValid():
            return False
        if index.column() == KEYWORD:
            self._rows[index.row()][0] = str(value)
        else:
            try:
                points = int(value)
            except (TypeError, ValueError):
                return False
            if points not in POINTS:
                return False
            self._rows[index.row()][1] = points
        # A keyword edit can make another row's keyword a repeat: refresh every row.
        self.dataChanged.emit(self.index(0, 0), self.index(len(self._rows) - 1, 1))
        return True
