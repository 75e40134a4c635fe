"""What every chart shares: pyqtgraph's look, value axes that write money (never in
scientific notation), a pool of reusable text labels, and click-to-drill.

Imports pyqtgraph: import this module only when a chart is first needed.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

import pyqtgraph as pg
from PySide6.QtCore import QPointF, Signal
from PySide6.QtGui import QColor, QFont

from salesdesk.ui.charts.data import Formats, Tone

pg.setConfigOptions(antialias=True, background="w", foreground="#3c4654")

COLOURS = {
    Tone.TOTAL: "#3b6fb6",
    Tone.UP: "#2e8b57",
    Tone.DOWN: "#d08a2e",
    Tone.LOST: "#c0392b",
    Tone.NEUTRAL: "#8a97a8",
    Tone.HIGHLIGHT: "#e0a100",
}
FORECAST = "#3b6fb6"
BAND = (59, 111, 182, 45)
ACTUAL = "#2e8b57"
WEIGHTED = "#7d8ea3"
QUOTA = "#b35c00"
TEXT = "#2c3440"
MUTED = "#6b7785"
CURRENT = (224, 161, 0, 40)
BAR_WIDTH = 0.66


def brush(tone: Tone) -> Any:
    return pg.mkBrush(COLOURS[tone])


def label_font(size: int = 9, bold: bool = False) -> QFont:
    font = QFont()
    font.setPointSize(size)
    font.setBold(bold)
    return font


class ValueAxis(pg.AxisItem):  # pyqtgraph has no type hints: Any
    """An axis whose tick texts come from a function (money, counts, percent, days)."""

    def __init__(self, orientation: str, tick: Callable[[float, float], str]):
        super().__init__(orientation)
        self.tick = tick
        self.enableAutoSIPrefix(False)
        # the first and last tick texts may reach past the axis ends (the €0 at the corner)
        self.setStyle(tickFont=label_font(8), tickTextOffset=4, hideOverlappingLabels=False)

    def tickStrings(self, values: list[float], scale: float,  # noqa: N802 (Qt-style API)
                    spacing: float) -> list[str]:
        return [self.tick(v * scale, spacing * scale) for v in values]


class LabelPool:
    """Text labels on a plot, reused from redraw to redraw: a redraw sets the texts and
    positions of the labels it needs and hides the rest, and never deletes an item."""

    def __init__(self, plot: Any, size: int = 8):
        self.plot, self.size = plot, size
        self.items: list[Any] = []

    def show(self, specs: Sequence[tuple[str, float, float, tuple[float, float], str]]) -> None:
        """(text, x, y, anchor, colour) per label."""
        while len(self.items) < len(specs):
            item = pg.TextItem("", anchor=(0.5, 1.0))
            item.setFont(label_font(self.size))
            self.plot.addItem(item, ignoreBounds=True)
            self.items.append(item)
        for item, (text, x, y, anchor, colour) in zip(self.items, specs, strict=False):
            item.setText(text, color=QColor(colour))
            item.setAnchor(anchor)
            item.setPos(x, y)
            item.setVisible(True)
        for item in self.items[len(specs):]:
            item.setVisible(False)

    @property
    def visible(self) -> list[str]:
        return [i.toPlainText() for i in self.items if i.isVisible()]


class Chart(pg.PlotWidget):
    """A plot that does not pan or zoom (a report, not an instrument) and turns a click
    into `sig_drill_requested` with the key of what was clicked."""

    sig_drill_requested = Signal(str)
    """A bar or point was clicked; carries its key."""

    def __init__(self, axes: dict[str, Any], parent: Any = None):
        super().__init__(parent, axisItems=axes)
        self.setMinimumSize(320, 220)
        item = self.getPlotItem()
        item.setMenuEnabled(False)
        item.hideButtons()
        item.setMouseEnabled(x=False, y=False)
        item.getViewBox().setDefaultPadding(0.04)
        self.scene().sigMouseClicked.connect(self._scene_clicked)

    def _scene_clicked(self, event: Any) -> None:
        view = self.getPlotItem().getViewBox()
        if not view.sceneBoundingRect().contains(event.scenePos()):
            return
        point: QPointF = view.mapSceneToView(event.scenePos())
        self.click_at(point.x(), point.y())

    def click_at(self, x: float, y: float) -> str | None:
        """What a click at (x, y) in data coordinates does: emit the key there, if any."""
        key = self.key_at(x, y)
        if key is not None:
            self.sig_drill_requested.emit(key)
        return key

    def key_at(self, x: float, y: float) -> str | None:
        """The key of the bar or point at (x, y) in data coordinates (None: nothing)."""
        raise NotImplementedError

    def set_formats(self, formats: Formats) -> None:
        raise NotImplementedError


def category_ticks(labels: Sequence[str], positions: Sequence[float] | None = None
                   ) -> list[list[tuple[float, str]]]:
    places = positions if positions is not None else range(len(labels))
    return [list(zip(places, labels, strict=True)), []]
