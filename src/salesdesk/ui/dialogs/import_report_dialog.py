"""What an import did (or why it refused), row by row."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from salesdesk.ui.i18n import tr
from salesdesk.ui.ops import user_message


class ImportReportDialog(QDialog):
    def __init__(self, parent: QWidget | None, title: str, summary: str, details: str):
        super().__init__(parent)
        self.setWindowTitle(title)
        self.resize(720, 460)
        layout = QVBoxLayout(self)
        self.summary = QLabel(summary, wordWrap=True)
        self.summary.setStyleSheet("font-weight: 600;")
        self.details = QPlainTextEdit(details, readOnly=True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout.addWidget(self.summary)
        layout.addWidget(self.details, 1)
        layout.addWidget(buttons)

    @classmethod
    def ask(cls, parent: QWidget | None, report: Any) -> None:
        lines = report.lines()
        dialog = cls(parent, tr("Import finished"), lines[0], "\n".join(lines[1:]) or
                     tr("Nothing else to report."))
        dialog.open()

    @classmethod
    def refused(cls, parent: QWidget | None, source: str, exc: BaseException) -> None:
        problems = getattr(exc, "problems", None)
        summary = tr("{0}: nothing was imported.").format(source)
        details = "\n".join(problems) if problems else user_message(exc)
        dialog = cls(parent, tr("Import refused"), summary, details)
        dialog.open()
