"""The duplicate groups a lead import found (services.lead_dedupe.Group), each with the
user's choice: skip, merge or update (services.import_leads.Choice).

The rows arrive whole (a preview describes at most import_leads.SHOWN_GROUPS groups);
the last column is edited through a combo. `choices()` is what import_leads takes.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from salesdesk.services.import_leads import Choice
from salesdesk.services.lead_dedupe import Group
from salesdesk.ui.i18n import tr
from salesdesk.ui.models.lead_mapping_model import CHOICES_ROLE

Index = QModelIndex | QPersistentModelIndex
ROOT = QModelIndex()
ROWS, WHO, EXISTING, WHY, CHOICE = range(5)


def choice_label(choice: Choice) -> str:
    words = {Choice.SKIP: tr("Skip"), Choice.MERGE: tr("Merge (fill what is missing)"),
             Choice.UPDATE: tr("Update (take the file's values)")}
    return words[choice]


def choice_help(choice: Choice) -> str:
    words = {
        Choice.SKIP: tr("A lead already in the workspace stays as it is and the rows are "
                        "skipped; among rows of the file, the first is imported."),
        Choice.MERGE: tr("The lead keeps its values and takes what it lacks from the other "
                         "rows: empty fields filled, notes and segments added."),
        Choice.UPDATE: tr("The lead takes every value the other rows give, in file order "
                          "(the last row wins).")}
    return words[choice]


def choice_items() -> list[tuple[str, str]]:
    """(words, value) for a combo of choices."""
    return [(choice_label(c), c.value) for c in Choice]


def rows_text(rows: Sequence[int]) -> str:
    shown = ", ".join(str(n) for n in rows[:6])
    more = len(rows) - 6
    return (shown + (tr(" and {0} more").format(more) if more > 0 else ""))


@dataclass(frozen=True)
class GroupLine:
    group: Group
    who: str
    """Who the group's first row is ('Ann Lee, Acme')."""
    choice: Choice


class DuplicateGroupsModel(QAbstractTableModel):
    def __init__(self, parent: Any = None):
        super().__init__(parent)
        self._lines: list[GroupLine] = []

    def set_groups(self, groups: Sequence[Group], who: Callable[[int], str],
                   choice: Choice) -> None:
        """Show `groups`, each with `choice`; `who(row number)` names a file row."""
        self.beginResetModel()
        self._lines = [GroupLine(g, who(g.rows[0]), choice) for g in groups]
        self.endResetModel()

    def set_all(self, choice: Choice) -> None:
        """Give every group `choice` (the default chosen above the table)."""
        self._lines = [replace(line, choice=choice) for line in self._lines]
        if self._lines:
            self.dataChanged.emit(self.index(0, CHOICE), self.index(len(self._lines) - 1,
                                                                    CHOICE))

    def choices(self) -> dict[str, Choice]:
        """Group key ('row 12') -> choice, for import_leads(choices=...)."""
        return {line.group.key: line.choice for line in self._lines}

    def line(self, row: int) -> GroupLine:
        return self._lines[row]

    # --- Qt ---------------------------------------------------------------------------
    def rowCount(self, parent: Index = ROOT) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self._lines)

    def columnCount(self, parent: Index = ROOT) -> int:  # noqa: N802
        return 0 if parent.isValid() else 5

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        names = (tr("File rows"), tr("Lead"), tr("In workspace"), tr("Why the same"),
                 tr("Choice"))
        return names[section] if 0 <= section < len(names) else None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        base = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        return base | Qt.ItemFlag.ItemIsEditable if index.column() == CHOICE else base

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._lines):
            return None
        line, column = self._lines[index.row()], index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(line, column)
        if role == Qt.ItemDataRole.EditRole and column == CHOICE:
            return line.choice.value
        if role == CHOICES_ROLE and column == CHOICE:
            return choice_items()
        if role == Qt.ItemDataRole.ToolTipRole:
            return choice_help(line.choice) if column == CHOICE else self._text(line, column)
        return None

    def _text(self, line: GroupLine, column: int) -> str:
        group = line.group
        if column == ROWS:
            return rows_text(group.rows)
        if column == WHO:
            return line.who
        if column == EXISTING:
            n = len(group.lead_ids)
            return {0: tr("—"), 1: tr("1 lead")}.get(n) or tr("{0} leads").format(n)
        if column == WHY:
            return "; ".join(group.reasons)
        return choice_label(line.choice)

    def setData(self, index: Index, value: Any,  # noqa: N802
                role: int = Qt.ItemDataRole.EditRole) -> bool:
        if (role != Qt.ItemDataRole.EditRole or not index.isValid()
                or index.column() != CHOICE or not 0 <= index.row() < len(self._lines)):
            return False
        try:
            choice = Choice(value)
        except ValueError:
            return False
        row = index.row()
        self._lines[row] = replace(self._lines[row], choice=choice)
        self.dataChanged.emit(index, index)
        return True
