"""What a stage move asks: the amount signed when a deal is won, the reason when it is
lost, and a confirmation before a won or lost deal is reopened.

Each has an `ask` classmethod (tests replace them). The amount and the reason are checked
as the user types; OK stays disabled while the red line under the form names the field.
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)

from salesdesk.domain.errors import ValidationError
from salesdesk.domain.validation import check_cents, clean_decimal
from salesdesk.ui.dialogs.common import HINT_STYLE, error_label, ok_cancel
from salesdesk.ui.i18n import tr

MAX_AMOUNT = Decimal("1e13")
"""Far beyond any real deal: refuses a slip of the finger (and what storage cannot hold)."""


def parse_amount(text: str) -> Decimal:
    """The final amount as typed ('12400', '12,400.50', '12 400,50'); raises
    ValidationError naming the field."""
    field = tr("Final amount")
    try:
        value = clean_decimal(text, field, minimum=Decimal(0))
    except ValidationError as exc:
        raise ValidationError(tr("{0}: {1}").format(field, exc.message), field=field) from None
    if value is None:
        raise ValidationError(tr("{0} is required").format(field), field=field)
    if value >= MAX_AMOUNT:
        raise ValidationError(tr("{0}: {1} is too large").format(field, text.strip()),
                              field=field)
    check_cents(value, field)
    return value


class WinDialog(QDialog):
    def __init__(self, parent: QWidget | None, deal: str, amount: Decimal, currency: str):
        super().__init__(parent)
        self.setWindowTitle(tr("Win {0}").format(deal))
        intro = QLabel(tr("Congratulations! What amount did the customer sign for?"),
                       wordWrap=True)
        self.amount_edit = QLineEdit(f"{amount:.2f}")
        self.amount_edit.selectAll()
        hint = QLabel(tr("In {0}. The deal's amount is the suggestion; the amount signed "
                         "is what counts as won.").format(currency), wordWrap=True)
        hint.setStyleSheet(HINT_STYLE)
        self.message = error_label("validationMessage", reserve_lines=1)
        self.buttons = ok_cancel(self, tr("Mark as won"))
        form = QFormLayout()
        form.addRow(tr("Final amount"), self.amount_edit)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(hint)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(400)
        self.amount_edit.textChanged.connect(self.validate)
        self.validate()

    @classmethod
    def ask(cls, parent: QWidget | None, deal: str, amount: Decimal,
            currency: str) -> Decimal | None:
        """The amount signed (exact, to the cent) once the user pressed OK, else None."""
        dialog = cls(parent, deal, amount, currency)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return dialog.value()

    def problem(self) -> str:
        try:
            parse_amount(self.amount_edit.text())
        except ValidationError as exc:
            return exc.message
        return ""

    def validate(self) -> None:
        text = self.problem()
        self.message.setText(text)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(not text)

    def value(self) -> Decimal:
        return parse_amount(self.amount_edit.text())


class LoseDialog(QDialog):
    def __init__(self, parent: QWidget | None, deal: str,
                 reasons: Sequence[tuple[str, str]]):
        super().__init__(parent)
        self.setWindowTitle(tr("Lose {0}").format(deal))
        intro = QLabel(tr("Why was {0} lost? The reason feeds the loss analysis.")
                       .format(deal), wordWrap=True)
        self.reason_combo = QComboBox()
        self.reason_combo.addItem(tr("Choose a reason…"), None)
        for reason_id, name in reasons:
            self.reason_combo.addItem(name, reason_id)
        self.message = error_label("validationMessage", reserve_lines=1)
        self.buttons = ok_cancel(self, tr("Mark as lost"))
        form = QFormLayout()
        form.addRow(tr("Reason"), self.reason_combo)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(400)
        self.reason_combo.currentIndexChanged.connect(self.validate)
        self.validate()

    @classmethod
    def ask(cls, parent: QWidget | None, deal: str,
            reasons: Sequence[tuple[str, str]]) -> str | None:
        """The id of the chosen lost reason once the user pressed OK, else None.
        `reasons` are (id, name) pairs of the managed list."""
        dialog = cls(parent, deal, reasons)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return dialog.value()

    def problem(self) -> str:
        if self.reason_combo.count() == 1:
            return tr("Reason: the list of lost reasons is empty; add reasons in Pipeline "
                      "settings first")
        if self.reason_combo.currentData() is None:
            return tr("Reason: choose why the deal was lost")
        return ""

    def validate(self) -> None:
        text = self.problem()
        self.message.setText(text)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(not text)

    def value(self) -> str | None:
        data = self.reason_combo.currentData()
        return None if data is None else str(data)


class ReopenQuestion:
    """Reopening a won or lost deal changes the books: ask first."""

    @classmethod
    def ask(cls, parent: QWidget | None, deal: str, outcome: str, stage: str) -> bool:
        """True if the user confirmed moving the `outcome` ("won"/"lost") deal back to the
        open stage `stage`."""
        text = (tr("{0} is won. Reopen it and move it back to {1}? It no longer counts as "
                   "won; its won amount and date are cleared.") if outcome == "won" else
                tr("{0} is lost. Reopen it and move it back to {1}? Its lost reason and "
                   "date are cleared.")).format(deal, stage)
        answer = QMessageBox.question(
            parent, tr("Reopen deal"), text,
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel)
        return answer == QMessageBox.StandardButton.Yes
