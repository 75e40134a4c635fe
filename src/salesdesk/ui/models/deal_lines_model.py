"""The deal dialog's lines as the user types them: product, quantity, unit price, discount.

Cells keep the text as typed; each line is parsed and checked by the domain's own DealLine,
whose `amount` is the line amount shown (exact Decimal, rounded to the cent once). A cell
the rules refuse is shown in red with the reason as its tooltip; `specs()` raises the
first refusal, naming the line and the field.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from decimal import Decimal
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QColor

from salesdesk.domain.deals import DealLine
from salesdesk.domain.errors import ValidationError
from salesdesk.domain.validation import clean_decimal, clean_int
from salesdesk.services.pipeline import LineSpec
from salesdesk.storage.deal_queries import ProductChoice
from salesdesk.storage.rows import DealLineRow
from salesdesk.ui import deal_format as fmt
from salesdesk.ui.i18n import tr

PRODUCT, QUANTITY, UNIT_PRICE, DISCOUNT, AMOUNT = range(5)
FIELDS = ("product", "quantity", "unit_price", "discount", "amount")
ERROR_COLOR = QColor("#b3261e")
ERROR_BACKGROUND = QColor("#fde7e9")
Index = QModelIndex | QPersistentModelIndex


@dataclass(frozen=True)
class LineDraft:
    product_id: str | None
    quantity: str = "1"
    unit_price: str = ""
    discount: str = "0"


def parse_line(draft: LineDraft) -> DealLine:
    """The line as the domain sees it; raises ValidationError naming the field."""
    if not draft.product_id:
        raise ValidationError("is required", field="product")
    quantity = clean_int(draft.quantity, "quantity", minimum=1)
    if quantity is None:
        raise ValidationError("is required", field="quantity")
    price = clean_decimal(draft.unit_price, "unit_price", minimum=Decimal(0))
    if price is None:
        raise ValidationError("is required", field="unit_price")
    if price >= fmt.MAX_AMOUNT:
        raise ValidationError("is too large", field="unit_price")
    discount = clean_decimal(draft.discount or "0", "discount", minimum=Decimal(0))
    line = DealLine(deal_id="", position=0, product_id=draft.product_id, quantity=quantity,
                    unit_price=price, discount=discount or Decimal("0.00"))
    if line.amount >= fmt.MAX_AMOUNT:
        raise ValidationError(f"{quantity} x {price} is too large an amount",
                              field="quantity")
    return line


class DealLinesModel(QAbstractTableModel):
    sig_lines_changed = Signal()
    """A line was added, removed or edited (totals and validation follow)."""

    def __init__(self, products: Sequence[ProductChoice], currency: str,
                 parent: Any = None):
        super().__init__(parent)
        self.products = list(products)
        self.currency = currency
        self._names = {p.id: p.name for p in products}
        self._prices = {p.id: p.list_price for p in products}
        self._lines: list[LineDraft] = []

    # --- content ------------------------------------------------------------------------
    def set_lines(self, rows: Sequence[DealLineRow]) -> None:
        self.beginResetModel()
        for row in rows:
            self._names.setdefault(row.product_id, row.product)  # a product deleted since
        self._lines = [LineDraft(r.product_id, str(r.quantity), fmt.plain_amount(r.unit_price),
                                 fmt.percent_text(r.discount)) for r in rows]
        self.endResetModel()
        self.sig_lines_changed.emit()

    def add_line(self, product_id: str | None = None) -> int:
        """A new line for `product_id` (default: the first product) at its list price."""
        product_id = product_id or (self.products[0].id if self.products else None)
        price = self._prices.get(product_id or "")
        draft = LineDraft(product_id, "1", fmt.plain_amount(price) if price is not None else "")
        row = len(self._lines)
        self.beginInsertRows(QModelIndex(), row, row)
        self._lines.append(draft)
        self.endInsertRows()
        self.sig_lines_changed.emit()
        return row

    def remove_line(self, row: int) -> None:
        if 0 <= row < len(self._lines):
            self.beginRemoveRows(QModelIndex(), row, row)
            del self._lines[row]
            self.endRemoveRows()
            self.sig_lines_changed.emit()

    def drafts(self) -> list[LineDraft]:
        return list(self._lines)

    def product_name(self, product_id: str | None) -> str:
        return self._names.get(product_id or "", "")

    # --- checks and sums ------------------------------------------------------------------
    def line_problem(self, row: int) -> ValidationError | None:
        try:
            parse_line(self._lines[row])
        except ValidationError as exc:
            return exc
        return None

    def specs(self) -> list[LineSpec]:
        """Every line as the service takes it; raises ValidationError on the first refused
        line, its message naming the line and the field (e.g. "Line 2, Quantity: ...")."""
        specs = []
        for i, draft in enumerate(self._lines):
            try:
                line = parse_line(draft)
            except ValidationError as exc:
                raise ValidationError(
                    tr("Line {0}, {1}").format(i + 1, fmt.problem_text(exc)),
                    field=f"line {i + 1} {exc.field}") from None
            specs.append(LineSpec(line.product_id, line.quantity, line.unit_price,
                                  line.discount))
        return specs

    def line_amount(self, row: int) -> Decimal | None:
        try:
            return parse_line(self._lines[row]).amount
        except ValidationError:
            return None

    def total(self) -> Decimal:
        """The sum of the lines that are valid (the dialog refuses OK while one is not)."""
        amounts = (self.line_amount(i) for i in range(len(self._lines)))
        return sum((a for a in amounts if a is not None), Decimal("0.00"))

    # --- Qt model -----------------------------------------------------------------------
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(self._lines)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008, N802
        return 0 if parent.isValid() else len(FIELDS)

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation == Qt.Orientation.Vertical:
            return str(section + 1) if role == Qt.ItemDataRole.DisplayRole else None
        if role == Qt.ItemDataRole.DisplayRole and 0 <= section < len(FIELDS):
            return (tr("Product"), tr("Quantity"), tr("Unit price ({0})").format(self.currency),
                    tr("Discount %"), tr("Amount ({0})").format(self.currency))[section]
        if role == Qt.ItemDataRole.TextAlignmentRole and section != PRODUCT:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        base = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        return base if index.column() == AMOUNT else base | Qt.ItemFlag.ItemIsEditable

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._lines):
            return None
        row, column = index.row(), index.column()
        draft = self._lines[row]
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(row, column, draft)
        if role == Qt.ItemDataRole.EditRole:
            return (draft.product_id, draft.quantity, draft.unit_price, draft.discount,
                    None)[column]
        if role == Qt.ItemDataRole.TextAlignmentRole and column != PRODUCT:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        problem = self._cell_problem(row, column)
        if role == Qt.ItemDataRole.ForegroundRole and problem is not None:
            return ERROR_COLOR
        if role == Qt.ItemDataRole.BackgroundRole and problem is not None:
            return ERROR_BACKGROUND
        if role == Qt.ItemDataRole.ToolTipRole and problem is not None:
            return fmt.problem_text(problem)
        return None

    def _display(self, row: int, column: int, draft: LineDraft) -> str:
        if column == PRODUCT:
            return self.product_name(draft.product_id)
        if column == AMOUNT:
            amount = self.line_amount(row)
            return fmt.money_text(amount) if amount is not None else "—"
        text = (draft.quantity, draft.unit_price, draft.discount)[column - 1]
        if column == UNIT_PRICE and self._cell_problem(row, column) is None:
            return fmt.money_text(Decimal(clean_decimal(text, "unit_price") or 0))
        return text

    def _cell_problem(self, row: int, column: int) -> ValidationError | None:
        problem = self.line_problem(row)
        if problem is None:
            return None
        if column == AMOUNT or FIELDS[column] == problem.field:
            return problem
        return None

    def setData(self, index: Index, value: Any,  # noqa: N802
                role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or not index.isValid() or \
                not self.flags(index) & Qt.ItemFlag.ItemIsEditable:
            return False
        row, column = index.row(), index.column()
        draft = self._lines[row]
        if column == PRODUCT:
            draft = self._with_product(draft, str(value) if value else None)
        else:
            draft = replace(draft, **{FIELDS[column]: str(value if value is not None else "")
                                      .strip()})
        self._lines[row] = draft
        self.dataChanged.emit(self.index(row, 0), self.index(row, AMOUNT))
        self.sig_lines_changed.emit()
        return True

    def _with_product(self, draft: LineDraft, product_id: str | None) -> LineDraft:
        """The price follows the product, unless the user typed a price of their own."""
        old = self._prices.get(draft.product_id or "")
        typed = draft.unit_price.strip()
        follows = not typed or (old is not None and typed == fmt.plain_amount(old))
        new = self._prices.get(product_id or "")
        price = fmt.plain_amount(new) if follows and new is not None else draft.unit_price
        return replace(draft, product_id=product_id, unit_price=price)
