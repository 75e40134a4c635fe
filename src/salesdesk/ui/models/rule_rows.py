"""What the Lead rules dialog's editable tables share: a list of plain draft rows that the
user adds to and removes from, and a problem per row shown on the cell it concerns (a
tint, the message as tooltip). Each table says what a row is and what is wrong with it."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor

Index = QModelIndex | QPersistentModelIndex
PROBLEM_TINT = QColor("#fbe3e1")


class RuleRowsModel(QAbstractTableModel):
    def __init__(self, parent: Any = None):
        super().__init__(parent)
        self._rows: list[Any] = []

    def problem(self, row: int) -> str:
        """What is wrong with the row, in words ('' when nothing)."""
        raise NotImplementedError

    def append_row(self, row: Any) -> int:
        at = len(self._rows)
        self.beginInsertRows(QModelIndex(), at, at)
        self._rows.append(row)
        self.endInsertRows()
        return at

    def remove_row(self, at: int) -> None:
        if 0 <= at < len(self._rows):
            self.beginRemoveRows(QModelIndex(), at, at)
            del self._rows[at]
            self.endRemoveRows()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._rows)

    @staticmethod
    def problem_data(role: int, problem: str) -> Any:
        """The tint and tooltip of a cell with `problem` ('' for none); None otherwise."""
        if role == Qt.ItemDataRole.BackgroundRole and problem:
            return PROBLEM_TINT
        if role == Qt.ItemDataRole.ToolTipRole and problem:
            return problem
        return None
