"""Pieces every SalesDesk dialog shares: the OK/Cancel row and the validation message."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel

ERROR_STYLE = "color: #b3261e;"
HINT_STYLE = "color: #5f6b7a;"


def ok_cancel(dialog: QDialog, ok_text: str | None = None) -> QDialogButtonBox:
    """OK and Cancel wired to the dialog's accept() and reject()."""
    buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok |
                               QDialogButtonBox.StandardButton.Cancel)
    if ok_text:
        ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
        if ok is not None:
            ok.setText(ok_text)
    buttons.accepted.connect(dialog.accept)
    buttons.rejected.connect(dialog.reject)
    return buttons


def error_label(object_name: str, *, reserve_lines: int = 0) -> QLabel:
    """The red line under a form that names the field in trouble. With `reserve_lines`,
    its height is kept so the dialog does not jump when a message appears."""
    label = QLabel(wordWrap=True)
    label.setObjectName(object_name)
    label.setStyleSheet(ERROR_STYLE)
    if reserve_lines:
        label.setMinimumHeight(label.fontMetrics().height() * reserve_lines)
    return label
