"""Editable drafts of lead rules for the Lead rules dialog: the list of segments, and the
table of conditions used both by a segment and by the score rules.

The models hold plain mutable drafts (RuleRow, SegmentDraft), never domain objects being
edited: a draft may be half typed and wrong. Each row is checked on every edit; a wrong
cell is tinted and carries its message, and `problem(row)` says what is wrong in words,
naming the field. `condition(row)` / `score_rule(row)` build the domain objects.
"""

from __future__ import annotations

import enum
import itertools
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QColor, QFont

from salesdesk.domain.errors import ValidationError
from salesdesk.domain.lead_scoring import ScoreRule
from salesdesk.domain.lead_segments import Condition, LeadField, Match, Operator, Segment
from salesdesk.ui.i18n import tr
from salesdesk.ui.lead_format import points_text
from salesdesk.ui.models import lead_rules_words as words
from salesdesk.ui.models.rule_rows import RuleRowsModel

Index = QModelIndex | QPersistentModelIndex
DISPLAY, EDIT = Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole
MUTED = QColor("#7a8694")
_keys = itertools.count(1)


class Column(enum.Enum):
    LABEL = "label"
    FIELD = "field"
    OPERATOR = "operator"
    VALUE = "value"
    POINTS = "points"


SEGMENT_COLUMNS = (Column.FIELD, Column.OPERATOR, Column.VALUE)
SCORE_COLUMNS = (Column.LABEL, Column.FIELD, Column.OPERATOR, Column.VALUE, Column.POINTS)


def column_title(column: Column) -> str:
    return {Column.LABEL: tr("Rule"), Column.FIELD: tr("Field"),
            Column.OPERATOR: tr("Test"), Column.VALUE: tr("Value"),
            Column.POINTS: tr("Points")}[column]


@dataclass
class RuleRow:
    """One condition as typed: `value` is text (a list is comma-separated)."""

    field: LeadField = LeadField.SOURCE
    operator: Operator = Operator.EQUALS
    value: str = ""
    label: str = ""
    points: int = 10

    @classmethod
    def of(cls, condition: Condition, label: str = "", points: int = 0) -> RuleRow:
        return cls(condition.field, condition.operator, words.value_text(condition), label,
                   points)


@dataclass
class SegmentDraft:
    name: str
    match: Match = Match.ALL
    plan: str = ""
    rows: list[RuleRow] = field(default_factory=list)
    key: int = field(default_factory=lambda: next(_keys))
    """Stays the same through renames (the SLA page refers to segments by it)."""

    @classmethod
    def of(cls, segment: Segment) -> SegmentDraft:
        return cls(segment.name, segment.match, segment.plan,
                   [RuleRow.of(c) for c in segment.conditions])


# --- checking a row ----------------------------------------------------------------------
def row_problem(row: RuleRow) -> tuple[Column, str] | None:
    """The cell in trouble and why, in words; None when the row builds a condition."""
    name = words.field_word(row.field)
    if row.operator not in words.operators_for(row.field):
        return Column.OPERATOR, tr("{0} cannot be tested with '{1}'").format(
            name, words.operator_word(row.operator))
    if row.operator is Operator.IS_EMPTY:
        return None
    items = words.split_list(row.value) if row.operator is Operator.IN else [row.value.strip()]
    if row.operator is Operator.IN and not items:
        return Column.VALUE, tr("{0}: give at least one value, separated by commas").format(
            name)
    if row.field.is_number and not all(_is_whole(i) for i in items):
        return Column.VALUE, tr("{0}: enter a whole number").format(name)
    if not items[0] and row.operator is not Operator.NOT_EQUALS:
        return Column.VALUE, tr("{0}: enter a value (or test 'is empty')").format(name)
    bad = words.unknown_statuses(row.value) if row.field is LeadField.STATUS else []
    if bad:
        return Column.VALUE, tr("{0}: '{1}' is not a lead status").format(name, bad[0])
    try:
        condition(row)
    except ValidationError as err:
        return Column.VALUE, err.message
    return None


def _is_whole(text: str) -> bool:
    return text.strip().lstrip("-").isdigit()


def condition(row: RuleRow) -> Condition:
    """The domain condition; raises ValidationError."""
    return Condition(row.field, row.operator,
                     words.parse_value(row.field, row.operator, row.value))


def score_rule(row: RuleRow) -> ScoreRule:
    return ScoreRule(condition(row), row.points, row.label)


# --- the conditions table ----------------------------------------------------------------
class ConditionTableModel(RuleRowsModel):
    """Rows of conditions (a segment's, or the score rules with label and points).
    Edits change the row list given to set_rows in place."""

    def __init__(self, columns: Sequence[Column] = SEGMENT_COLUMNS, parent: Any = None):
        super().__init__(parent)
        self.columns = tuple(columns)
        self._rows: list[RuleRow] = []

    def set_rows(self, rows: list[RuleRow]) -> None:
        self.beginResetModel()
        self._rows = rows
        self.endResetModel()

    def rows(self) -> list[RuleRow]:
        return self._rows

    def problem(self, row: int) -> str:
        found = row_problem(self._rows[row])
        return found[1] if found else ""

    def column_of(self, column: Column) -> int:
        return self.columns.index(column)

    # --- changing the rows ------------------------------------------------------------
    def add_row(self, row: RuleRow) -> int:
        return self.append_row(row)

    # --- Qt model ----------------------------------------------------------------------
    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self.columns)

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802
                   role: int = DISPLAY) -> Any:
        if role != DISPLAY or not 0 <= section < (
                len(self.columns) if orientation == Qt.Orientation.Horizontal
                else len(self._rows)):
            return None
        if orientation == Qt.Orientation.Vertical:
            return str(section + 1)
        return column_title(self.columns[section])

    def flags(self, index: Index) -> Qt.ItemFlag:
        flags = super().flags(index)
        if not index.isValid():
            return flags
        row, column = self._rows[index.row()], self.columns[index.column()]
        if column is Column.VALUE and row.operator is Operator.IS_EMPTY:
            return flags
        if column is Column.OPERATOR and len(words.operators_for(row.field)) == 1:
            return flags
        return flags | Qt.ItemFlag.ItemIsEditable

    def data(self, index: Index, role: int = DISPLAY) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row, column = self._rows[index.row()], self.columns[index.column()]
        if role == DISPLAY:
            return _shown(row, column)
        if role == EDIT:
            return _edited(row, column)
        found = row_problem(row)
        if role in (Qt.ItemDataRole.BackgroundRole, Qt.ItemDataRole.ToolTipRole):
            return self.problem_data(role, found[1] if found and found[0] is column else "")
        if role == Qt.ItemDataRole.ForegroundRole and _is_hint(row, column):
            return MUTED
        if role == Qt.ItemDataRole.FontRole and _is_hint(row, column):
            font = QFont()
            font.setItalic(True)
            return font
        if role == Qt.ItemDataRole.TextAlignmentRole and column is Column.POINTS:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def setData(self, index: Index, value: Any, role: int = EDIT) -> bool:  # noqa: N802
        if role != EDIT or not index.isValid() or not self.flags(index) & \
                Qt.ItemFlag.ItemIsEditable:
            return False
        row, column = self._rows[index.row()], self.columns[index.column()]
        if not _apply(row, column, value):
            return False
        self.dataChanged.emit(self.index(index.row(), 0),
                              self.index(index.row(), len(self.columns) - 1))
        return True


def _shown(row: RuleRow, column: Column) -> str:
    if column is Column.FIELD:
        return words.field_word(row.field)
    if column is Column.OPERATOR:
        return words.operator_word(row.operator)
    if column is Column.POINTS:
        return points_text(row.points)
    if column is Column.LABEL:
        return row.label or _default_label(row)
    if row.operator is Operator.IS_EMPTY:
        return "—"
    return row.value or (tr("empty")
                         if row.operator is Operator.NOT_EQUALS else "")


def _default_label(row: RuleRow) -> str:
    try:
        return str(condition(row))
    except ValidationError:
        return ""


def _is_hint(row: RuleRow, column: Column) -> bool:
    """Text the user did not type: a label made from the condition, a blank 'is not'."""
    if column is Column.LABEL:
        return not row.label
    return column is Column.VALUE and not row.value.strip() and row.operator is \
        Operator.NOT_EQUALS


def _edited(row: RuleRow, column: Column) -> Any:
    return {Column.LABEL: row.label, Column.FIELD: row.field.value,
            Column.OPERATOR: row.operator.value, Column.VALUE: row.value,
            Column.POINTS: row.points}[column]


def _apply(row: RuleRow, column: Column, value: Any) -> bool:
    """Set one cell from an editor's value; False if the value is not one it takes."""
    try:
        if column is Column.FIELD:
            row.field = LeadField(value)
            allowed = words.operators_for(row.field)
            if row.operator not in allowed:  # e.g. 'contains' after switching to a number
                row.operator = allowed[0]
        elif column is Column.OPERATOR:
            row.operator = Operator(value)
        elif column is Column.POINTS:
            row.points = int(value)
        elif column is Column.LABEL:
            row.label = str(value).strip()
        else:
            row.value = str(value)
    except (TypeError, ValueError):
        return False
    if row.operator is Operator.IS_EMPTY:
        row.value = ""
    return True


# --- the segments list -------------------------------------------------------------------
class SegmentListModel(QAbstractListModel):
    """The segments in order; a manual segment (no conditions) shows in italics."""

    def __init__(self, parent: Any = None):
        super().__init__(parent)
        self._drafts: list[SegmentDraft] = []

    def set_drafts(self, drafts: list[SegmentDraft]) -> None:
        self.beginResetModel()
        self._drafts = drafts
        self.endResetModel()

    def drafts(self) -> list[SegmentDraft]:
        return self._drafts

    def draft(self, row: int) -> SegmentDraft | None:
        return self._drafts[row] if 0 <= row < len(self._drafts) else None

    def add(self, draft: SegmentDraft) -> int:
        at = len(self._drafts)
        self.beginInsertRows(QModelIndex(), at, at)
        self._drafts.append(draft)
        self.endInsertRows()
        return at

    def remove(self, row: int) -> None:
        if 0 <= row < len(self._drafts):
            self.beginRemoveRows(QModelIndex(), row, row)
            del self._drafts[row]
            self.endRemoveRows()

    def move(self, row: int, step: int) -> int:
        """Move a segment up (-1) or down (+1); returns its new row."""
        to = row + step
        if not (0 <= row < len(self._drafts) and 0 <= to < len(self._drafts)):
            return row
        self.beginMoveRows(QModelIndex(), row, row, QModelIndex(), to + (step > 0))
        self._drafts.insert(to, self._drafts.pop(row))
        self.endMoveRows()
        return to

    def touched(self, row: int) -> None:
        """The draft at `row` changed (its name, its conditions)."""
        self.dataChanged.emit(self.index(row), self.index(row))

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._drafts)

    def flags(self, index: Index) -> Qt.ItemFlag:
        flags = super().flags(index)
        return flags | Qt.ItemFlag.ItemIsEditable if index.isValid() else flags

    def data(self, index: Index, role: int = DISPLAY) -> Any:
        draft = self.draft(index.row()) if index.isValid() else None
        if draft is None:
            return None
        if role == DISPLAY:
            return draft.name or tr("(no name)")
        if role == EDIT:
            return draft.name
        if role == Qt.ItemDataRole.ToolTipRole and not draft.rows:
            return tr("Manual segment: leads join it by hand only")
        if role == Qt.ItemDataRole.FontRole and (not draft.rows or not draft.name):
            font = QFont()
            font.setItalic(True)
            return font
        return None

    def setData(self, index: Index, value: Any, role: int = EDIT) -> bool:  # noqa: N802
        draft = self.draft(index.row()) if index.isValid() else None
        if draft is None or role != EDIT:
            return False
        draft.name = str(value)
        self.touched(index.row())
        return True
