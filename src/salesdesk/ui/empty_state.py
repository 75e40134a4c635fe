"""An honest empty tab: says what will be there, shows no fake data."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget


class EmptyStateTab(QWidget):
    def __init__(self, title: str, body: str, parent: QWidget | None = None):
        super().__init__(parent)
        layout = QVBoxLayout(self)
        layout.addStretch(2)
        heading = QLabel(title, alignment=Qt.AlignmentFlag.AlignCenter)
        heading.setObjectName("emptyTitle")
        heading.setStyleSheet("font-size: 20px; font-weight: 600; color: #33475b;")
        text = QLabel(body, alignment=Qt.AlignmentFlag.AlignCenter, wordWrap=True)
        text.setStyleSheet("font-size: 13px; color: #5f6b7a;")
        text.setMaximumWidth(640)
        layout.addWidget(heading)
        layout.addSpacing(8)
        layout.addWidget(text, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addStretch(3)
