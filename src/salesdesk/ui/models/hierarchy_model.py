"""The manager hierarchy as a tree: managers with their reports nested, any depth.

Holds frozen MemberRow rows only. Items carry an integer id (their position in the node
list) rather than a Python object pointer, so indexes stay valid across the Qt boundary.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QFont

from salesdesk.storage.rows import MemberRow
from salesdesk.ui import team_format as fmt
from salesdesk.ui.i18n import tr
from salesdesk.ui.models.members_model import ID_ROLE, MUTED, ROLE_ORDER, SORT_ROLE

Index = QModelIndex | QPersistentModelIndex


class TreeColumn(enum.IntEnum):
    NAME = 0
    ROLE = 1
    TEAM = 2
    REPORTS = 3
    TERRITORIES = 4


@dataclass
class _Node:
    row: MemberRow
    number: int  # position in HierarchyModel._nodes, used as the index's internal id
    parent: _Node | None = None
    position: int = 0  # row under the parent
    children: list[_Node] = field(default_factory=list)
    total: int = 0  # everyone below, any depth


def _in_loop(member_id: str, manager_of: dict[str, str | None]) -> bool:
    """True if following managers up from `member_id` comes back to it. Stored data should
    never loop (the services refuse it), but a loop must not hang the tree: its members
    become roots instead."""
    seen: set[str] = set()
    current = manager_of.get(member_id)
    while current is not None and current not in seen:
        if current == member_id:
            return True
        seen.add(current)
        current = manager_of.get(current)
    return False


class HierarchyModel(QAbstractItemModel):
    def __init__(self, parent: Any = None):
        super().__init__(parent)
        self._nodes: list[_Node] = []
        self._roots: list[_Node] = []
        self._by_id: dict[str, _Node] = {}

    # --- contents ----------------------------------------------------------------------
    def set_rows(self, rows: list[MemberRow]) -> None:
        self.beginResetModel()
        self._build(rows)
        self.endResetModel()

    def _build(self, rows: list[MemberRow]) -> None:
        ordered = sorted(rows, key=lambda r: (ROLE_ORDER.get(r.role, 9), r.name.casefold()))
        self._nodes = [_Node(r, i) for i, r in enumerate(ordered)]
        self._by_id = {n.row.id: n for n in self._nodes}
        manager_of = {r.id: r.manager_id for r in rows}
        self._roots = []
        for node in self._nodes:
            parent = self._by_id.get(node.row.manager_id or "")
            if parent is None or _in_loop(node.row.id, manager_of):
                node.parent, node.position = None, len(self._roots)
                self._roots.append(node)
            else:
                node.parent, node.position = parent, len(parent.children)
                parent.children.append(node)
        for root in self._roots:
            self._count(root)

    def _count(self, node: _Node) -> int:
        """People below `node` who have not left (any depth)."""
        node.total = sum(self._count(child) + child.row.active for child in node.children)
        return node.total

    def member_for(self, source_row: int, parent: Index) -> MemberRow | None:
        node = self._node_at(source_row, parent)
        return None if node is None else node.row

    def index_of(self, member_id: str) -> QModelIndex:
        node = self._by_id.get(member_id)
        return QModelIndex() if node is None else self.createIndex(node.position, 0, node.number)

    def _node_at(self, row: int, parent: Index) -> _Node | None:
        siblings = self._children(parent)
        return siblings[row] if 0 <= row < len(siblings) else None

    def _children(self, parent: Index) -> list[_Node]:
        if not parent.isValid():
            return self._roots
        return self._nodes[parent.internalId()].children

    # --- Qt model ----------------------------------------------------------------------
    def index(self, row: int, column: int, parent: Index = QModelIndex()) -> QModelIndex:  # noqa: B008
        if not self.hasIndex(row, column, parent):
            return QModelIndex()
        node = self._node_at(row, parent)
        return QModelIndex() if node is None else self.createIndex(row, column, node.number)

    def parent(self, index: Index = QModelIndex()) -> QModelIndex:  # type: ignore[override]  # noqa: B008
        if not index.isValid():
            return QModelIndex()
        up = self._nodes[index.internalId()].parent
        return QModelIndex() if up is None else self.createIndex(up.position, 0, up.number)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        if parent.isValid() and parent.column() != 0:
            return 0
        return len(self._children(parent))

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return len(TreeColumn)

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        words = {TreeColumn.NAME: tr("Name"), TreeColumn.ROLE: tr("Role"),
                 TreeColumn.TEAM: tr("Team"), TreeColumn.REPORTS: tr("Reports"),
                 TreeColumn.TERRITORIES: tr("Territories")}
        return words.get(TreeColumn(section)) if 0 <= section < len(TreeColumn) else None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        node = self._nodes[index.internalId()]
        column = TreeColumn(index.column())
        if role in (Qt.ItemDataRole.DisplayRole, SORT_ROLE):
            return self._display(node, column)
        if role == ID_ROLE:
            return node.row.id
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(node)
        if role == Qt.ItemDataRole.ForegroundRole and (not node.row.active or (
                column == TreeColumn.TEAM and not node.row.team)):
            return MUTED
        if role == Qt.ItemDataRole.FontRole:
            return self._font(node, column)
        return None

    def _display(self, node: _Node, column: TreeColumn) -> str:
        row = node.row
        if column == TreeColumn.NAME:
            return row.name if row.active else tr("{0} (left)").format(row.name)
        if column == TreeColumn.ROLE:
            return fmt.role_word(row.role)
        if column == TreeColumn.TEAM:
            return row.team or "—"
        if column == TreeColumn.TERRITORIES:
            return ", ".join(row.territories)
        return self._reports_text(node)

    @staticmethod
    def _reports_text(node: _Node) -> str:
        direct = sum(child.row.active for child in node.children)
        if direct == 0:
            return ""
        if node.total == direct:
            return tr("{0} direct").format(direct)
        return tr("{0} direct, {1} in all").format(direct, node.total)

    @staticmethod
    def _tooltip(node: _Node) -> str:
        row = node.row
        text = f"{row.name} — {fmt.member_summary(row)}"
        if row.manager:
            text += "\n" + tr("Reports to {0}").format(row.manager)
        return text

    @staticmethod
    def _font(node: _Node, column: TreeColumn) -> QFont | None:
        if column == TreeColumn.NAME and node.children:
            font = QFont()
            font.setBold(True)
            return font
        if not node.row.active:
            font = QFont()
            font.setItalic(True)
            return font
        return None
