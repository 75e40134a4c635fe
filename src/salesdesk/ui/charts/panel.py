"""A chart's frame: its title and subtitle, the tools above it (a metric picker, the PNG
export), and rendering to an image with the title on it (PNG files, the management pack).

Plain Qt: the chart widget inside is set later (`set_chart`), when pyqtgraph is loaded.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QRect, Qt, Signal
from PySide6.QtGui import QColor, QFont, QImage, QPainter
from PySide6.QtWidgets import (
    QFileDialog,
    QFrame,
    QHBoxLayout,
    QLabel,
    QStackedLayout,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from salesdesk.ui.i18n import tr

PANEL_STYLE = ("#chartPanel { background: white; border: 1px solid #dde3ea; "
               "border-radius: 6px; }")
TITLE_STYLE = "font-weight: 600; color: #1f2a37;"
SUBTITLE_STYLE = "color: #6b7785;"
TITLE_HEIGHT = 44
"""Pixels above the chart in an exported image, for its title and subtitle."""
MARGIN = 10
"""Pixels of white around the chart in an exported image."""


def ask_save_path(parent: QWidget | None, caption: str, suggested: str,
                  filters: str) -> Path | None:
    """Where to save a file, asked with the system dialog (tests replace this)."""
    name, _ = QFileDialog.getSaveFileName(parent, caption, suggested, filters)
    return Path(name) if name else None


class ChartPanel(QFrame):
    sig_export_requested = Signal()
    """The user asked to save this chart as a PNG."""

    def __init__(self, title: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("chartPanel")
        self.setStyleSheet(PANEL_STYLE)
        self.title = QLabel(title)
        self.title.setStyleSheet(TITLE_STYLE)
        self.subtitle = QLabel(wordWrap=True)  # wraps rather than widen the window
        self.subtitle.setStyleSheet(SUBTITLE_STYLE)
        self.export_button = QToolButton(text=tr("PNG…"), autoRaise=True,
                                         toolTip=tr("Save this chart as a PNG image"))
        self.export_button.clicked.connect(self.sig_export_requested)
        self.tools = QHBoxLayout()
        self.tools.setSpacing(6)
        self.placeholder = QLabel(tr("Loading…"), alignment=Qt.AlignmentFlag.AlignCenter)
        self.placeholder.setStyleSheet(SUBTITLE_STYLE)
        self.body = QStackedLayout()
        self.body.addWidget(self.placeholder)
        self.chart: QWidget | None = None
        self._lay_out()

    def _lay_out(self) -> None:
        header = QHBoxLayout()
        header.addWidget(self.title, 1)
        header.addLayout(self.tools)
        header.addWidget(self.export_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 4, 6, 6)
        layout.setSpacing(0)
        layout.addLayout(header)
        layout.addWidget(self.subtitle)  # the whole width: one line at any usual size
        layout.addSpacing(2)
        layout.addLayout(self.body, 1)

    def add_tool(self, widget: QWidget) -> None:
        self.tools.addWidget(widget)

    def set_chart(self, chart: QWidget) -> None:
        self.chart = chart
        self.body.addWidget(chart)
        self.body.setCurrentWidget(chart)

    def show_message(self, text: str) -> None:
        """Words instead of the chart ('' shows the chart again)."""
        self.placeholder.setText(text)
        self.body.setCurrentWidget(self.placeholder if text or self.chart is None
                                   else self.chart)

    # --- images ------------------------------------------------------------------------
    def image(self) -> QImage:
        """The chart with its title and subtitle above it, at its size on screen."""
        shown = self.body.currentWidget() or self.placeholder
        picture = shown.grab()
        ratio = picture.devicePixelRatio()
        width = picture.width() + int(2 * MARGIN * ratio)
        height = picture.height() + int((TITLE_HEIGHT + MARGIN) * ratio)
        image = QImage(width, height, QImage.Format.Format_ARGB32)
        image.setDevicePixelRatio(ratio)
        image.fill(QColor("white"))
        painter = QPainter(image)
        try:
            painter.setRenderHint(QPainter.RenderHint.TextAntialiasing)
            self._paint_words(painter, int(width / ratio))
            painter.drawPixmap(MARGIN, TITLE_HEIGHT, picture)
        finally:
            painter.end()
        return image

    def _paint_words(self, painter: QPainter, width: int) -> None:
        font = QFont(self.title.font())
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.1)
        painter.setFont(font)
        painter.setPen(QColor("#1f2a37"))
        painter.drawText(QRect(12, 4, width - 24, 22), Qt.AlignmentFlag.AlignLeft,
                         self.title.text())
        painter.setFont(self.subtitle.font())
        painter.setPen(QColor("#6b7785"))
        painter.drawText(QRect(12, 24, width - 24, 18), Qt.AlignmentFlag.AlignLeft,
                         self.subtitle.text())

    def png_bytes(self) -> bytes:
        data = QByteArray()
        buffer = QBuffer(data)
        buffer.open(QIODevice.OpenModeFlag.WriteOnly)
        self.image().save(buffer, "PNG")
        buffer.close()
        return bytes(data.data())

    def save_png(self, path: Path) -> bool:
        return self.image().save(str(path), "PNG")
