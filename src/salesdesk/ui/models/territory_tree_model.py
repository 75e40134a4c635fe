"""The territory tree over TerritoryRow: name, accounts landed, reps covering it today."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import (
    QAbstractItemModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QColor, QFont

from salesdesk.storage.rows import TerritoryRow
from salesdesk.ui.i18n import tr

Index = QModelIndex | QPersistentModelIndex
ROOT = QModelIndex()
ROW_ROLE = Qt.ItemDataRole.UserRole
"""data(index, ROW_ROLE) is the TerritoryRow of the line."""

COLUMN_COUNT = 3


def _headers() -> tuple[str, str, str]:
    return tr("Territory"), tr("Accounts"), tr("Reps")
CONTAINER_COLOUR = QColor("#6b7785")


@dataclass
class _Node:
    row: TerritoryRow
    parent: int  # node number of the parent, 0 for the root
    children: list[int] = field(default_factory=list)
    rolled_up: int = 0  # accounts landed here and in every sub-territory


def ancestors(rows: list[TerritoryRow], territory_id: str | None) -> list[TerritoryRow]:
    """The territory's ancestors, nearest first (cycles and gaps stop the walk)."""
    by_id = {r.id: r for r in rows}
    result: list[TerritoryRow] = []
    current = by_id.get(territory_id or "")
    while current is not None and current.parent_id in by_id and len(result) < len(rows):
        current = by_id[current.parent_id]
        result.append(current)
    return result


def descendants(rows: list[TerritoryRow], territory_id: str) -> set[str]:
    """Ids of every territory below `territory_id` (not including it)."""
    children: dict[str | None, list[str]] = {}
    for r in rows:
        children.setdefault(r.parent_id, []).append(r.id)
    found: set[str] = set()
    todo = list(children.get(territory_id, ()))
    while todo:
        current = todo.pop()
        if current not in found:
            found.add(current)
            todo.extend(children.get(current, ()))
    return found


def path(rows: list[TerritoryRow], row: TerritoryRow) -> str:
    return " › ".join(r.name for r in [*reversed(ancestors(rows, row.id)), row])


class TerritoryTreeModel(QAbstractItemModel):
    """Read-only; `set_rows` replaces everything (the tree is small: hundreds at most).

    Internal ids are node numbers starting at 1 (0 is the invisible root)."""

    def __init__(self, parent: Any = None):
        super().__init__(parent)
        self._rows: list[TerritoryRow] = []
        self._nodes: list[_Node] = []
        self._roots: list[int] = []
        self._by_id: dict[str, int] = {}

    # --- loading ---------------------------------------------------------------------
    def set_rows(self, rows: list[TerritoryRow]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self._build()
        self.endResetModel()

    def rows(self) -> list[TerritoryRow]:
        return list(self._rows)

    def _build(self) -> None:
        ordered = sorted(self._rows, key=lambda r: r.name.casefold())
        self._nodes = [_Node(r, 0) for r in ordered]
        self._by_id = {n.row.id: i + 1 for i, n in enumerate(self._nodes)}
        self._roots = []
        for number, node in enumerate(self._nodes, 1):
            parent = self._by_id.get(node.row.parent_id or "", 0)
            if parent and node.row.id in {r.id for r in ancestors(self._rows, node.row.id)}:
                parent = 0  # a damaged tree (cycle) shows flat rather than vanishing
            node.parent = parent
            (self._nodes[parent - 1].children if parent else self._roots).append(number)
        for number in self._roots:
            self._roll_up(number)

    def _roll_up(self, number: int) -> int:
        node = self._nodes[number - 1]
        node.rolled_up = node.row.accounts + sum(self._roll_up(c) for c in node.children)
        return node.rolled_up

    # --- lookups ---------------------------------------------------------------------
    def index_for_id(self, territory_id: str | None, column: int = 0) -> QModelIndex:
        number = self._by_id.get(territory_id or "", 0)
        if not number:
            return QModelIndex()
        siblings = self._siblings(self._nodes[number - 1].parent)
        return self.createIndex(siblings.index(number), column, number)

    def first_with_rules(self) -> QModelIndex:
        """The first territory in tree order that can hold accounts (else the first)."""
        order: list[int] = []
        todo = list(reversed(self._roots))
        while todo:
            number = todo.pop()
            order.append(number)
            todo.extend(reversed(self._nodes[number - 1].children))
        chosen = next((n for n in order if self._nodes[n - 1].row.criteria), None)
        if chosen is None and not order:
            return QModelIndex()
        return self.index_for_id(self._nodes[(chosen or order[0]) - 1].row.id)

    def row_at(self, index: Index) -> TerritoryRow | None:
        node = self._node(index)
        return node.row if node else None

    def _node(self, index: Index) -> _Node | None:
        if not index.isValid() or not 0 < index.internalId() <= len(self._nodes):
            return None
        return self._nodes[index.internalId() - 1]

    def _siblings(self, parent: int) -> list[int]:
        return self._nodes[parent - 1].children if parent else self._roots

    # --- QAbstractItemModel ----------------------------------------------------------
    def index(self, row: int, column: int, parent: Index = ROOT) -> QModelIndex:
        if parent.isValid() and parent.column() != 0:
            return QModelIndex()
        siblings = self._siblings(parent.internalId() if parent.isValid() else 0)
        if not (0 <= row < len(siblings) and 0 <= column < COLUMN_COUNT):
            return QModelIndex()
        return self.createIndex(row, column, siblings[row])

    def parent(self, index: Index | None = None) -> Any:
        if index is None:  # QObject.parent()
            return QObject.parent(self)
        node = self._node(index)
        if node is None or not node.parent:
            return QModelIndex()
        grand = self._nodes[node.parent - 1].parent
        return self.createIndex(self._siblings(grand).index(node.parent), 0, node.parent)

    def rowCount(self, parent: Index = ROOT) -> int:  # noqa: N802
        if parent.isValid() and parent.column() != 0:
            return 0
        return len(self._siblings(parent.internalId() if parent.isValid() else 0))

    def columnCount(self, parent: Index = ROOT) -> int:  # noqa: N802
        return COLUMN_COUNT

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Horizontal and 0 <= section < COLUMN_COUNT:
            if role == Qt.ItemDataRole.DisplayRole:
                return _headers()[section]
            if role == Qt.ItemDataRole.TextAlignmentRole and section:
                return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        node = self._node(index)
        if node is None:
            return None
        if role == ROW_ROLE:
            return node.row
        column, container = index.column(), not node.row.criteria
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(node, column, container)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(node, column, container)
        if role == Qt.ItemDataRole.TextAlignmentRole and column:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ForegroundRole and container and column == 1:
            return CONTAINER_COLOUR
        if role == Qt.ItemDataRole.FontRole and container and column == 0:
            font = QFont()
            font.setBold(True)
            return font
        return None

    @staticmethod
    def _text(node: _Node, column: int, container: bool) -> str:
        row = node.row
        if column == 0:
            return row.name
        if column == 1:
            return f"({node.rolled_up:,})" if container and node.children else f"{row.accounts:,}"
        return str(len(row.reps)) if row.reps else "—"

    @staticmethod
    def _tooltip(node: _Node, column: int, container: bool) -> str:
        row = node.row
        if column == 2:
            return ", ".join(row.reps) if row.reps else tr("No rep covers this territory today")
        if container:
            return tr("{0} has no rules of its own: accounts land in its sub-territories "
                      "({1:,} in total).").format(row.name, node.rolled_up)
        return tr("{0:,} accounts landed in {1}").format(row.accounts, row.name)
