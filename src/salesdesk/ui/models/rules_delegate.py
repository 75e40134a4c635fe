"""Editors for the cells of a ConditionTableModel: a field list, the operators that fit
the row's field, a status list or a text box for the value (sources suggested), a spin
box for points; and for an SlaTableModel's segment, amount and unit. Combo boxes commit
as soon as a choice is made."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QCompleter,
    QLineEdit,
    QSpinBox,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QWidget,
)

from salesdesk.domain.lead_scoring import POINTS
from salesdesk.domain.lead_segments import LeadField, Operator
from salesdesk.domain.leads import KNOWN_SOURCES, LeadStatus
from salesdesk.domain.speed_to_lead import SlaUnit
from salesdesk.ui.i18n import tr
from salesdesk.ui.lead_format import status_text
from salesdesk.ui.models import lead_rules_words as words
from salesdesk.ui.models.segment_rules_model import Column, ConditionTableModel, RuleRow
from salesdesk.ui.models.sla_rules_model import AMOUNT, MAX_AMOUNT, SEGMENT, SlaTableModel

Index = QModelIndex | QPersistentModelIndex
EDIT = Qt.ItemDataRole.EditRole


def _row_and_column(index: Index) -> tuple[RuleRow, Column] | None:
    model = index.model()
    if not isinstance(model, ConditionTableModel):
        return None
    return model.rows()[index.row()], model.columns[index.column()]


class ConditionDelegate(QStyledItemDelegate):
    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem,  # noqa: N802
                     index: Index) -> QWidget:
        found = _row_and_column(index)
        if found is None:
            return super().createEditor(parent, option, index)
        row, column = found
        if column is Column.FIELD:
            return self._combo(parent, [(w, f.value) for f, w in words.field_words().items()])
        if column is Column.OPERATOR:
            return self._combo(parent, [(words.operator_word(op), op.value)
                                        for op in words.operators_for(row.field)])
        if column is Column.POINTS:
            return QSpinBox(parent, minimum=POINTS.start, maximum=POINTS.stop - 1,
                            alignment=Qt.AlignmentFlag.AlignRight)
        if column is Column.VALUE and row.field is LeadField.STATUS and \
                row.operator is not Operator.IN:
            return self._combo(parent, [(status_text(s), status_text(s)) for s in LeadStatus])
        return _line_edit(parent, row, column)

    def _combo(self, parent: QWidget, items: Sequence[tuple[str, object]]) -> QComboBox:
        combo = QComboBox(parent)
        for text, data in items:
            combo.addItem(text, data)
        combo.activated.connect(lambda _i: self._done(combo))
        return combo

    def _done(self, editor: QWidget) -> None:
        self.commitData.emit(editor)
        self.closeEditor.emit(editor)

    def setEditorData(self, editor: QWidget, index: Index) -> None:  # noqa: N802
        value = index.data(EDIT)
        if isinstance(editor, QComboBox):
            at = editor.findData(value)
            if at < 0:  # a status value shows by its word
                at = editor.findText(str(value), Qt.MatchFlag.MatchFixedString)
            editor.setCurrentIndex(max(at, 0))
        elif isinstance(editor, QSpinBox):
            editor.setValue(int(value or 0))
        elif isinstance(editor, QLineEdit):
            editor.setText(str(value or ""))
        else:
            super().setEditorData(editor, index)

    def setModelData(self, editor: QWidget, model: QAbstractItemModel,  # noqa: N802
                     index: Index) -> None:
        if isinstance(editor, QComboBox):
            model.setData(index, editor.currentData(), EDIT)
        elif isinstance(editor, QSpinBox):
            editor.interpretText()
            model.setData(index, editor.value(), EDIT)
        elif isinstance(editor, QLineEdit):
            model.setData(index, editor.text(), EDIT)
        else:
            super().setModelData(editor, model, index)


def _line_edit(parent: QWidget, row: RuleRow, column: Column) -> QLineEdit:
    edit = QLineEdit(parent)
    if column is Column.LABEL:
        edit.setPlaceholderText(tr("named after the condition"))
        return edit
    if row.operator is Operator.IN:
        edit.setPlaceholderText(tr("values separated by commas"))
    elif row.field.is_number:
        edit.setPlaceholderText(tr("a whole number"))
    suggestions = _suggestions(row.field)
    if suggestions:
        completer = QCompleter(suggestions, edit)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        edit.setCompleter(completer)
    return edit


def _suggestions(field: LeadField) -> list[str]:
    if field is LeadField.SOURCE:
        return list(KNOWN_SOURCES)
    if field is LeadField.STATUS:
        return [status_text(s) for s in LeadStatus]
    return []


class SlaDelegate(ConditionDelegate):
    """Editors of an SlaTableModel: the segments by name, the amount, the unit."""

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem,  # noqa: N802
                     index: Index) -> QWidget:
        model = index.model()
        if not isinstance(model, SlaTableModel):
            return super().createEditor(parent, option, index)
        if index.column() == SEGMENT:
            return self._combo(parent, [(name, key) for key, name in
                                        model.segment_names().items()])
        if index.column() == AMOUNT:
            return QSpinBox(parent, minimum=1, maximum=MAX_AMOUNT,
                            alignment=Qt.AlignmentFlag.AlignRight)
        return self._combo(parent, [(words.unit_word(u), u.value) for u in SlaUnit])
