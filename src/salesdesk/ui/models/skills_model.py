"""The skills matrix: members x skills, levels 0-5, grouped by kind.

Holds frozen MemberRow rows only. Editing a cell does not write anything: the model
shows the new level at once and emits sig_level_edited; the owner saves it through
the undo stack and reloads, which replaces the shown level with the stored one.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QColor, QFont

from salesdesk.domain.members import SKILL_LEVELS, SkillKind
from salesdesk.storage.rows import MemberRow
from salesdesk.ui import team_format as fmt
from salesdesk.ui.i18n import tr
from salesdesk.ui.models.members_model import ID_ROLE, MUTED, SORT_ROLE

Index = QModelIndex | QPersistentModelIndex

KIND_ROLE = Qt.ItemDataRole.UserRole + 3
"""Header: the SkillKind value of a skill column (None for the name column)."""
SKILL_ROLE = Qt.ItemDataRole.UserRole + 4
"""Header: the stored skill name of a skill column."""

KIND_ORDER = [k.value for k in SkillKind]
# Light blues: readable with dark text at every level, and 0 stays white.
LEVEL_COLOURS = ("#ffffff", "#e8f1fb", "#d0e3f6", "#b3d0ef", "#92bbe6", "#72a6dc")
TEXT = QColor("#1b2b3a")


def level_colour(level: int) -> QColor:
    return QColor(LEVEL_COLOURS[max(0, min(level, len(LEVEL_COLOURS) - 1))])


class SkillsModel(QAbstractTableModel):
    sig_level_edited = Signal(str, int, str, str, int)
    """The user set a level: (member id, member version, kind, skill, level)."""

    def __init__(self, parent: Any = None):
        super().__init__(parent)
        self._rows: list[MemberRow] = []
        self._extra: dict[str, set[str]] = {}
        self._columns: list[tuple[str, str]] = []
        # (member id, kind, skill) -> (typed level, number of the load that settles it)
        self._pending: dict[tuple[str, str, str], tuple[int, float]] = {}

    # --- contents ----------------------------------------------------------------------
    def set_rows(self, rows: list[MemberRow], loaded: int = 0) -> bool:
        """Show `rows`, read by load number `loaded`: levels typed before that load was
        queued are now stored (or were refused) and stop overriding the rows. Cells update
        in place when the people and columns are unchanged; returns True on a reset."""
        self._pending = {k: v for k, v in self._pending.items() if v[1] > loaded}
        return self._replace(list(rows), self._extra)

    def set_extra_columns(self, extra: Mapping[str, Iterable[str]]) -> bool:
        """Skill names added as columns before anyone has a level in them."""
        return self._replace(self._rows, {kind: set(names) for kind, names in extra.items()})

    def hold_until(self, member_id: str, kind: str, skill: str, load: int) -> None:
        """Keep showing the typed level until load number `load` arrives."""
        key = (member_id, kind, skill)
        if key in self._pending:
            self._pending[key] = (self._pending[key][0], load)

    def _replace(self, rows: list[MemberRow], extra: dict[str, set[str]]) -> bool:
        columns = _make_columns(rows, extra)
        same = [r.id for r in rows] == [r.id for r in self._rows] and columns == self._columns
        if not same:
            self.beginResetModel()
        self._rows, self._extra, self._columns = rows, extra, columns
        if not same:
            self.endResetModel()
        elif rows:
            self.dataChanged.emit(self.index(0, 0), self.index(len(rows) - 1, len(columns)))
        return not same

    @property
    def skill_columns(self) -> list[tuple[str, str]]:
        """(kind, skill) of each skill column, in order (column 0 is the member)."""
        return list(self._columns)

    def column_of(self, kind: str, skill: str) -> int:
        return self._columns.index((kind, skill)) + 1

    def member_for(self, source_row: int, _parent: Index) -> MemberRow | None:
        return self._rows[source_row] if 0 <= source_row < len(self._rows) else None

    def index_of(self, member_id: str) -> QModelIndex:
        for i, row in enumerate(self._rows):
            if row.id == member_id:
                return self.index(i, 0)
        return QModelIndex()

    def level(self, row: int, column: int) -> int:
        member, (kind, skill) = self._rows[row], self._columns[column - 1]
        pending = self._pending.get((member.id, kind, skill))
        return pending[0] if pending is not None else member.skills.get(kind, {}).get(skill, 0)

    # --- Qt model ----------------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else 1 + len(self._columns)

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section <= len(self._columns):
            return None
        if section == 0:
            return tr("Member") if role == Qt.ItemDataRole.DisplayRole else None
        kind, skill = self._columns[section - 1]
        if role == Qt.ItemDataRole.DisplayRole:
            return fmt.skill_label(skill)
        if role == Qt.ItemDataRole.ToolTipRole:
            return f"{fmt.kind_word(kind)}: {fmt.skill_label(skill)}"
        if role == KIND_ROLE:
            return kind
        if role == SKILL_ROLE:
            return skill
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        flags = super().flags(index)
        if index.isValid() and index.column() > 0 and self._rows[index.row()].active:
            flags |= Qt.ItemFlag.ItemIsEditable
        return flags

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        member = self._rows[index.row()]
        if role == ID_ROLE:
            return member.id
        if index.column() == 0:
            return self._name_data(member, role)
        level = self.level(index.row(), index.column())
        return self._level_data(member, index.column(), level, role)

    def _name_data(self, member: MemberRow, role: int) -> Any:
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            return member.name
        if role == SORT_ROLE:
            return member.name.casefold()
        if role == Qt.ItemDataRole.ToolTipRole:
            return f"{member.name} — {fmt.member_summary(member)}"
        if role == Qt.ItemDataRole.ForegroundRole and not member.active:
            return MUTED
        if role == Qt.ItemDataRole.FontRole and not member.active:
            font = QFont()
            font.setItalic(True)
            return font
        return None

    def _level_data(self, member: MemberRow, column: int, level: int, role: int) -> Any:
        if role == Qt.ItemDataRole.DisplayRole:
            return str(level) if level else ""
        if role in (Qt.ItemDataRole.EditRole, SORT_ROLE):
            return level
        if role == Qt.ItemDataRole.BackgroundRole:
            return level_colour(level)
        if role == Qt.ItemDataRole.ForegroundRole:
            return TEXT if member.active else MUTED
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignCenter)
        if role == Qt.ItemDataRole.ToolTipRole:
            kind, skill = self._columns[column - 1]
            return tr("{0} — {1}: {2} of 5 ({3})").format(
                member.name, fmt.skill_label(skill), level, fmt.level_word(level))
        return None

    def setData(self, index: Index, value: Any,  # noqa: N802
                role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or not (self.flags(index)
                                                     & Qt.ItemFlag.ItemIsEditable):
            return False
        try:
            level = int(value)
        except (TypeError, ValueError):
            return False
        if level not in SKILL_LEVELS:
            return False
        if level == self.level(index.row(), index.column()):
            return True
        member = self._rows[index.row()]
        kind, skill = self._columns[index.column() - 1]
        self._pending[(member.id, kind, skill)] = (level, float("inf"))
        self.dataChanged.emit(index, index)
        self.sig_level_edited.emit(member.id, member.version, kind, skill, level)
        return True


def _make_columns(rows: list[MemberRow], extra: Mapping[str, Iterable[str]]
                  ) -> list[tuple[str, str]]:
    found: dict[str, set[str]] = {kind: set(names) for kind, names in extra.items()}
    for row in rows:
        for kind, entries in row.skills.items():
            found.setdefault(kind, set()).update(entries)
    return [(kind, name) for kind in sorted(found, key=_kind_rank)
            for name in sorted(found[kind], key=str.casefold)]


def _kind_rank(kind: str) -> int:
    return KIND_ORDER.index(kind) if kind in KIND_ORDER else len(KIND_ORDER)
