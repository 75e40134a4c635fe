"""First-contact targets per segment, as an editable table (segment, within, unit).

A row refers to a segment of the Segments page by its draft key, so renaming a segment
there renames it here; a row whose segment was removed (or never existed) keeps the name
it had and is reported as a problem until the user picks another or removes the row.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt

from salesdesk.domain.speed_to_lead import Sla, SlaUnit
from salesdesk.domain.validation import name_key
from salesdesk.ui.i18n import tr
from salesdesk.ui.models.lead_rules_words import unit_word
from salesdesk.ui.models.rule_rows import RuleRowsModel

Index = QModelIndex | QPersistentModelIndex
DISPLAY, EDIT = Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole
SEGMENT, AMOUNT, UNIT = 0, 1, 2
MAX_AMOUNT = 10_000


@dataclass
class SlaRow:
    key: int | None
    """The segment draft's key; None when no segment of that name exists."""
    name: str
    amount: int = 1
    unit: SlaUnit = SlaUnit.HOURS


class SlaTableModel(RuleRowsModel):
    def __init__(self, parent: Any = None):
        super().__init__(parent)
        self._rows: list[SlaRow] = []
        self._names: dict[int, str] = {}

    # --- contents ----------------------------------------------------------------------
    def set_segments(self, names: Iterable[tuple[int, str]]) -> None:
        """The segments rows may refer to: (key, name) in the Segments page's order."""
        self._names = dict(names)
        for row in self._rows:
            if row.key in self._names:
                row.name = self._names[row.key]
        if self._rows:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._rows) - 1, UNIT))

    def segment_names(self) -> dict[int, str]:
        return dict(self._names)

    def set_slas(self, slas: Sequence[Sla]) -> None:
        keys = {name_key(n): k for k, n in self._names.items()}
        self.beginResetModel()
        self._rows = [SlaRow(keys.get(name_key(s.segment)), s.segment, s.amount, s.unit)
                      for s in slas]
        self.endResetModel()

    def rows(self) -> list[SlaRow]:
        return self._rows

    def slas(self) -> tuple[Sla, ...]:
        """The SLAs; raises ValidationError on a bad amount or a repeated segment."""
        return tuple(Sla(r.name, r.amount, r.unit) for r in self._rows)

    def problem(self, row: int) -> str:
        sla = self._rows[row]
        if sla.key not in self._names:
            return tr("there is no segment '{0}' any more: pick one or remove the "
                      "row").format(sla.name)
        if any(r.key == sla.key for r in self._rows[:row]):
            return tr("'{0}' already has an SLA above").format(sla.name)
        return ""

    def add_row(self) -> int:
        """A row for the first segment without an SLA (else the first segment)."""
        used = {r.key for r in self._rows}
        free = [k for k in self._names if k not in used] or list(self._names)
        key = free[0] if free else None
        return self.append_row(SlaRow(key, self._names.get(key, "") if key is not None
                                      else ""))

    # --- Qt model ----------------------------------------------------------------------
    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else 3

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802
                   role: int = DISPLAY) -> Any:
        if role != DISPLAY or orientation != Qt.Orientation.Horizontal or \
                section not in (SEGMENT, AMOUNT, UNIT):
            return None
        return (tr("Segment"), tr("Within"), tr("Unit"))[section]

    def flags(self, index: Index) -> Qt.ItemFlag:
        flags = super().flags(index)
        return flags | Qt.ItemFlag.ItemIsEditable if index.isValid() else flags

    def data(self, index: Index, role: int = DISPLAY) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row, column = self._rows[index.row()], index.column()
        if role in (DISPLAY, EDIT):
            return _cell(row, column, role)
        if role == Qt.ItemDataRole.TextAlignmentRole and column == AMOUNT:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return self.problem_data(role, self.problem(index.row()) if column == SEGMENT else "")

    def setData(self, index: Index, value: Any, role: int = EDIT) -> bool:  # noqa: N802
        if role != EDIT or not index.isValid():
            return False
        row, column = self._rows[index.row()], index.column()
        try:
            if column == SEGMENT:
                row.key, row.name = int(value), self._names[int(value)]
            elif column == AMOUNT:
                amount = int(value)
                if not 1 <= amount <= MAX_AMOUNT:
                    return False
                row.amount = amount
            else:
                row.unit = SlaUnit(value)
        except (KeyError, TypeError, ValueError):
            return False
        self.dataChanged.emit(self.index(0, 0), self.index(len(self._rows) - 1, UNIT))
        return True


def _cell(row: SlaRow, column: int, role: int) -> Any:
    if column == SEGMENT:
        return row.key if role == EDIT else row.name
    if column == AMOUNT:
        return row.amount
    return row.unit.value if role == EDIT else unit_word(row.unit, row.amount)
