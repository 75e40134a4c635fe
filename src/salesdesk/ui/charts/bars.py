"""Bar charts: the forecast-vs-actual waterfall (floating bars joined by connectors), the
conversion funnel (centred bars) and the leaderboard (best at the top), all horizontal:
their categories are words, which read best down the left side.

One BarGraphItem per chart, its geometry and colours replaced in place by setOpts; the
category axis by setTicks; the value labels from a LabelPool. A click anywhere in a bar's
column (or row) drills into that bar, so a thin bar is as easy to click as a tall one.
"""

from __future__ import annotations

from collections.abc import Sequence
from decimal import Decimal
from typing import Any

import pyqtgraph as pg
from PySide6.QtCore import Qt

from salesdesk.ui.charts.base import (
    BAR_WIDTH,
    MUTED,
    TEXT,
    Chart,
    LabelPool,
    ValueAxis,
    brush,
    category_ticks,
    label_font,
)
from salesdesk.ui.charts.data import Bar, Formats, FunnelStep, count_tick

ZERO = Decimal(0)


class BarChart(Chart):
    """Bars along a category axis: `vertical` (categories along x) or horizontal
    (categories down y, the first at the top)."""

    def __init__(self, vertical: bool, parent: Any = None):
        self.vertical = vertical
        value_side, category_side = ("left", "bottom") if vertical else ("bottom", "left")
        self.value_axis = ValueAxis(value_side, count_tick)
        self.category_axis = pg.AxisItem(category_side)
        self.category_axis.setStyle(tickFont=label_font(8), tickLength=0)
        super().__init__({value_side: self.value_axis, category_side: self.category_axis},
                         parent)
        self.formats = Formats(count_tick)
        self.bars: tuple[Bar, ...] = ()
        self.item = pg.BarGraphItem(x0=[], y0=[], width=[], height=[], pen=pg.mkPen(None))
        self.addItem(self.item)
        self.labels = LabelPool(self.getPlotItem())
        self.getPlotItem().showGrid(x=not vertical, y=vertical, alpha=0.18)

    def set_formats(self, formats: Formats) -> None:
        self.formats = formats
        self.value_axis.tick = formats.tick
        self.value_axis.picture = None  # pyqtgraph caches the drawn axis
        self.value_axis.update()

    def set_bars(self, bars: Sequence[Bar]) -> None:
        """Show `bars` (in place: the same plot items, new geometry)."""
        self.bars = tuple(bars)
        start = [float(min(b.base, b.base + b.value)) for b in self.bars]
        size = [float(abs(b.value)) for b in self.bars]
        places = [float(i) for i in range(len(self.bars))]
        if not self.vertical:
            places = [-p for p in places]
        brushes = [brush(b.tone) for b in self.bars]
        half = BAR_WIDTH / 2
        if self.vertical:
            self.item.setOpts(x0=[p - half for p in places], width=BAR_WIDTH, y0=start,
                              height=size, brushes=brushes)
        else:
            self.item.setOpts(y0=[p - half for p in places], height=BAR_WIDTH, x0=start,
                              width=size, brushes=brushes)
        self.category_axis.setTicks(category_ticks([b.label for b in self.bars], places))
        self._place_labels(places)
        self._fit(places)

    def _place_labels(self, places: list[float]) -> None:
        specs = []
        for bar, place in zip(self.bars, places, strict=True):
            end = float(max(bar.base, bar.base + bar.value))
            colour = TEXT if bar.text else MUTED
            if self.vertical:
                specs.append((bar.text, place, end, (0.5, 1.0), colour))
            else:
                specs.append((bar.text, end, place, (0.0, 0.5), colour))
        self.labels.show(specs)

    def _fit(self, places: list[float]) -> None:
        ends = [float(b.base + b.value) for b in self.bars] + \
               [float(b.base) for b in self.bars] + [0.0]
        low, high = min(ends), max(ends)
        room = (high - low) or 1.0
        view = self.getPlotItem().getViewBox()
        count = max(len(places), 1)
        if self.vertical:
            view.setRange(xRange=(-0.6, count - 0.4), yRange=(low, high + room * 0.12),
                          padding=0.02)
        else:
            view.setRange(yRange=(-(count - 0.4), 0.6), xRange=(low, high + room * 0.22),
                          padding=0.02)

    def key_at(self, x: float, y: float) -> str | None:
        place = x if self.vertical else -y
        index = round(place)
        if 0 <= index < len(self.bars) and abs(place - index) <= BAR_WIDTH / 2 + 0.1:
            return self.bars[index].key
        return None

    def center_of(self, key: str) -> tuple[float, float]:
        """Where the bar with `key` is drawn (tests click there)."""
        index = next(i for i, b in enumerate(self.bars) if b.key == key)
        bar = self.bars[index]
        middle = float(bar.base + bar.value / 2)
        return (float(index), middle) if self.vertical else (middle, -float(index))


class WaterfallChart(BarChart):
    """From the forecast to the actual, top to bottom: a total bar, a floating bar per
    step (right or left from the running total), dashed connectors, the actual's total.
    Horizontal, so that every lost reason keeps a readable label however many there are."""

    def __init__(self, parent: Any = None):
        super().__init__(vertical=False, parent=parent)
        self.connectors = pg.PlotDataItem([], [], connect="pairs",
                                          pen=pg.mkPen(MUTED, width=1,
                                                       style=Qt.PenStyle.DashLine))
        self.addItem(self.connectors)
        self.zero = pg.InfiniteLine(0, angle=90, pen=pg.mkPen("#9aa5b4", width=1))
        self.addItem(self.zero, ignoreBounds=True)

    def set_bars(self, bars: Sequence[Bar]) -> None:
        super().set_bars(bars)
        xs: list[float] = []
        ys: list[float] = []
        for i in range(len(self.bars) - 1):
            level = float(self.bars[i].base + self.bars[i].value)
            xs += [level, level]
            ys += [-i - BAR_WIDTH / 2, -(i + 1) + BAR_WIDTH / 2]
        self.connectors.setData(xs, ys)


class LeaderboardChart(BarChart):
    """Horizontal bars, the leader at the top."""

    def __init__(self, parent: Any = None):
        super().__init__(vertical=False, parent=parent)


class FunnelChart(BarChart):
    """The conversion funnel: one centred bar per stage, widest at the top, the drop-off
    to the next stage written between the bars; the lost stage last, apart."""

    def __init__(self, parent: Any = None):
        super().__init__(vertical=False, parent=parent)
        item = self.getPlotItem()
        item.hideAxis("bottom")
        item.showGrid(x=False, y=False)
        self.drops = LabelPool(item)
        self.steps: tuple[FunnelStep, ...] = ()

    def set_steps(self, steps: Sequence[FunnelStep], drop_text: Any) -> None:
        """`drop_text(step)` writes a step's drop-off ('−120 (35 %)')."""
        self.steps = tuple(steps)
        self.set_bars([Bar(s.key, s.stage, Decimal(s.reached), Decimal(-s.reached) / 2,
                           s.tone, f"{s.reached:,}") for s in self.steps])
        specs = [(drop_text(s), 0.0, -(i + 0.5), (0.5, 0.5), MUTED)
                 for i, s in enumerate(self.steps) if s.dropped is not None
                 and i + 1 < len(self.steps)]
        self.drops.show(specs)

    def _fit(self, places: list[float]) -> None:
        widest = max((float(abs(b.value)) for b in self.bars), default=1.0) or 1.0
        count = max(len(places), 1)
        self.getPlotItem().getViewBox().setRange(
            yRange=(-(count - 0.4), 0.6), xRange=(-widest * 0.62, widest * 0.62),
            padding=0.02)

    def _place_labels(self, places: list[float]) -> None:
        # inside the bar, centred; beside it when the bar is too narrow for the number
        widest = max((float(abs(b.value)) for b in self.bars), default=1.0) or 1.0
        specs = []
        for bar, place in zip(self.bars, places, strict=True):
            inside = float(abs(bar.value)) >= widest * 0.18
            x = 0.0 if inside else float(abs(bar.value)) / 2
            specs.append((bar.text, x, place, (0.5, 0.5) if inside else (-0.1, 0.5),
                          "#ffffff" if inside else TEXT))
        self.labels.show(specs)
