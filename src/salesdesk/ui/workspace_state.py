"""What the Team and Territories tabs show while no workspace is open: that one is being
opened, or why it could not be and the ways out (open another, make a new one, or the
sample company). The main window connects the buttons; this widget only shows."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from salesdesk.ui.i18n import tr


class WorkspaceStateTab(QWidget):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.title = QLabel(alignment=Qt.AlignmentFlag.AlignCenter, wordWrap=True)
        self.title.setObjectName("workspaceStateTitle")
        self.title.setStyleSheet("font-size: 20px; font-weight: 600; color: #33475b;")
        self.body = QLabel(alignment=Qt.AlignmentFlag.AlignCenter, wordWrap=True,
                           textInteractionFlags=Qt.TextInteractionFlag.TextSelectableByMouse)
        self.body.setStyleSheet("font-size: 13px; color: #5f6b7a;")
        self.open_button = QPushButton(tr("Open workspace…"))
        self.new_button = QPushButton(tr("New workspace…"))
        self.sample_button = QPushButton(tr("Open the sample company"))
        self.buttons = QWidget()
        row = QHBoxLayout(self.buttons)
        row.addStretch(1)
        for button in (self.open_button, self.new_button, self.sample_button):
            row.addWidget(button)
        row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(48, 24, 48, 24)
        layout.addStretch(2)
        layout.addWidget(self.title)
        layout.addSpacing(8)
        layout.addWidget(self.body)  # no alignment: a wrapped label then gets its height
        layout.addSpacing(16)
        layout.addWidget(self.buttons)
        layout.addStretch(3)

    def show_opening(self, label: str) -> None:
        self.title.setText(tr("Opening workspace…"))
        self.body.setText(tr("{0}\n\nAn older workspace is backed up and upgraded first, "
                             "which can take a moment.").format(label))
        self.buttons.hide()

    def show_failed(self, message: str) -> None:
        """`message`: words for the user (ops.user_message), never a traceback."""
        self.title.setText(tr("The workspace could not be opened"))
        self.body.setText(message)
        self.buttons.show()
