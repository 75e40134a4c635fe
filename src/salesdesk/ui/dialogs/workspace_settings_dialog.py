"""Workspace settings: the currency all amounts are in."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from salesdesk.ui.dialogs.common import HINT_STYLE, ok_cancel
from salesdesk.ui.i18n import tr


class WorkspaceSettingsDialog(QDialog):
    def __init__(self, parent: QWidget | None, currency: str,
                 currencies: list[tuple[str, str]]):
        super().__init__(parent)
        self.setWindowTitle(tr("Workspace settings"))
        self.currency = QComboBox(editable=False)
        for code, name in currencies:
            self.currency.addItem(f"{code} — {name}", code)
        index = self.currency.findData(currency)
        self.currency.setCurrentIndex(max(index, 0))
        form = QFormLayout()
        form.addRow(tr("Currency:"), self.currency)
        note = QLabel(tr("Every amount in this workspace is in this currency. Changing it "
                         "does not convert amounts."), wordWrap=True)
        note.setStyleSheet(HINT_STYLE)
        buttons = ok_cancel(self)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(note)
        layout.addWidget(buttons)

    @classmethod
    def ask(cls, parent: QWidget | None, currency: str,
            currencies: list[tuple[str, str]]) -> str | None:
        """The chosen currency code, or None if cancelled."""
        dialog = cls(parent, currency, currencies)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return str(dialog.currency.currentData())
