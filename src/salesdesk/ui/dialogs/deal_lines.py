"""The deal dialog's products table: lines with live amounts, add/remove, and the total.

A deal without lines keeps the amount the user types (the domain's rule); as soon as it
has lines, its amount is their sum and the amount field shows it read-only.
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal
from typing import Any

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from salesdesk.domain.errors import ValidationError
from salesdesk.domain.validation import clean_decimal
from salesdesk.services.pipeline import LineSpec
from salesdesk.storage.deal_queries import ProductChoice
from salesdesk.storage.rows import DealLineRow
from salesdesk.ui import deal_format as fmt
from salesdesk.ui.dialogs.common import HINT_STYLE
from salesdesk.ui.i18n import tr
from salesdesk.ui.models.deal_lines_model import PRODUCT, DealLinesModel

Index = QModelIndex | QPersistentModelIndex


class LineDelegate(QStyledItemDelegate):
    """A product combo for the product column; right-aligned text editors for figures."""

    def __init__(self, products: Sequence[ProductChoice], parent: QWidget | None = None):
        super().__init__(parent)
        self.products = list(products)

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem,  # noqa: N802
                     index: Index) -> QWidget:
        if index.column() == PRODUCT:
            combo = QComboBox(parent)
            for p in self.products:
                combo.addItem(p.name, p.id)
            combo.activated.connect(lambda _i, c=combo: self.commitData.emit(c))
            return combo
        editor = QLineEdit(parent)
        editor.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return editor

    def setEditorData(self, editor: QWidget, index: Index) -> None:  # noqa: N802
        value = index.data(Qt.ItemDataRole.EditRole)
        if isinstance(editor, QComboBox):
            found = editor.findData(value)
            if found < 0 and value:  # a product deleted since the line was made
                editor.addItem(str(index.data(Qt.ItemDataRole.DisplayRole)), value)
                found = editor.count() - 1
            editor.setCurrentIndex(max(found, 0))
        elif isinstance(editor, QLineEdit):
            editor.setText("" if value is None else str(value))

    def setModelData(self, editor: QWidget, model: QAbstractItemModel,  # noqa: N802
                     index: Index) -> None:
        if isinstance(editor, QComboBox):
            model.setData(index, editor.currentData(), Qt.ItemDataRole.EditRole)
        elif isinstance(editor, QLineEdit):
            model.setData(index, editor.text(), Qt.ItemDataRole.EditRole)


class LinesEditor(QWidget):
    sig_changed = Signal()
    """Lines or the typed amount changed."""

    def __init__(self, products: Sequence[ProductChoice], currency: str,
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.currency = currency
        self.model = DealLinesModel(products, currency, self)
        self.view = QTableView(alternatingRowColors=True, wordWrap=False)
        self.view.setModel(self.model)
        self.view.setItemDelegate(LineDelegate(products, self.view))
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.AllEditTriggers)
        self.view.verticalHeader().setDefaultSectionSize(30)
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(PRODUCT, QHeaderView.ResizeMode.Stretch)
        for column, width in ((1, 80), (2, 150), (3, 90), (4, 150)):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.Interactive)
            self.view.setColumnWidth(column, width)
        self.add_button = QPushButton(tr("Add line"))
        self.remove_button = QPushButton(tr("Remove line"))
        self.amount_edit = QLineEdit(alignment=Qt.AlignmentFlag.AlignRight)
        self.amount_edit.setMaximumWidth(180)
        bold = self.amount_edit.font()
        bold.setBold(True)
        self.amount_edit.setFont(bold)
        self.amount_edit.setStyleSheet("QLineEdit[readOnly=\"true\"] { background: "
                                       "palette(window); }")
        self.amount_hint = QLabel()
        self.amount_hint.setStyleSheet(HINT_STYLE)
        self._typed_amount = ""
        self._lay_out()
        self.add_button.clicked.connect(self.add_line)
        self.remove_button.clicked.connect(self.remove_selected)
        self.model.sig_lines_changed.connect(self._lines_changed)
        self.amount_edit.textEdited.connect(self._amount_typed)
        self.view.selectionModel().selectionChanged.connect(self._update_buttons)
        self._lines_changed()

    def _lay_out(self) -> None:
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_button)
        buttons.addWidget(self.remove_button)
        buttons.addStretch(1)
        buttons.addWidget(self.amount_hint)
        buttons.addSpacing(8)
        total_label = QLabel(tr("Deal amount"))
        total_label.setStyleSheet("font-weight: 600;")
        buttons.addWidget(total_label)
        buttons.addWidget(self.amount_edit)
        buttons.addWidget(QLabel(self.currency))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.view)
        layout.addLayout(buttons)

    # --- content ------------------------------------------------------------------------
    def set_lines(self, rows: Sequence[DealLineRow], amount: Decimal) -> None:
        self._typed_amount = fmt.plain_amount(amount)
        self.model.set_lines(rows)
        self._open_product_editors()

    def add_line(self) -> None:
        row = self.model.add_line()
        self._open_product_editors()
        self.view.selectRow(row)

    def remove_selected(self) -> None:
        rows = self.view.selectionModel().selectedRows()
        row = rows[0].row() if rows else self.model.rowCount() - 1
        self.model.remove_line(row)

    def _open_product_editors(self) -> None:
        """The product combo is always visible, so lines read as editable at a glance."""
        for row in range(self.model.rowCount()):
            self.view.openPersistentEditor(self.model.index(row, PRODUCT))

    # --- state --------------------------------------------------------------------------
    @property
    def has_lines(self) -> bool:
        return self.model.rowCount() > 0

    def _lines_changed(self) -> None:
        if self.has_lines:
            self.amount_edit.setReadOnly(True)
            self.amount_edit.setText(fmt.money_text(self.model.total()))
            self.amount_hint.setText(tr("the sum of the lines"))
        else:
            self.amount_edit.setReadOnly(False)
            self.amount_edit.setText(self._typed_amount)
            self.amount_hint.setText(tr("no products: type the amount"))
        self._update_buttons()
        self.sig_changed.emit()

    def _amount_typed(self, text: str) -> None:
        self._typed_amount = text
        self.sig_changed.emit()

    def _update_buttons(self) -> None:
        self.add_button.setEnabled(bool(self.model.products))
        self.remove_button.setEnabled(self.has_lines)

    def specs(self) -> list[LineSpec]:
        return self.model.specs()

    def typed_amount(self) -> Decimal:
        """The amount of a deal without lines; raises ValidationError naming "amount"."""
        value = clean_decimal(self._typed_amount, "amount", minimum=Decimal(0))
        if value is not None and value >= fmt.MAX_AMOUNT:
            raise ValidationError("is too large", field="amount")
        return value if value is not None else Decimal("0.00")

    def amount(self) -> Decimal:
        return self.model.total() if self.has_lines else self.typed_amount()

    def select_line(self, row: int) -> None:
        self.view.selectRow(row)

    def edit_cell(self, row: int, column: int, value: Any) -> bool:
        """Type `value` into a cell, as the user would (tests, keyboard shortcuts)."""
        return self.model.setData(self.model.index(row, column), value)
