"""Forecast vs quota vs actual over time: the actual won per period as bars, the forecast
made at each period's start (Monte Carlo P50) as a line inside its P10-P90 band, the
plain weighted pipeline dashed, and the quota as a dotted level across each period's slot
(a staircase, broken where a period has none). Without any quota the legend says why and
no line is drawn.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from decimal import Decimal
from typing import Any

import numpy as np
import pyqtgraph as pg
from PySide6.QtCore import Qt

from salesdesk.ui.charts.base import (
    ACTUAL,
    BAND,
    CURRENT,
    FORECAST,
    MUTED,
    QUOTA,
    WEIGHTED,
    Chart,
    ValueAxis,
    label_font,
)
from salesdesk.ui.charts.data import Formats, SeriesData, count_tick
from salesdesk.ui.i18n import tr

MAX_PERIOD_LABELS = 8
ACTUAL_WIDTH = 0.5


def _floats(values: Sequence[Decimal | None]) -> Any:
    return np.array([math.nan if v is None else float(v) for v in values], dtype=float)


def steps(values: Sequence[Decimal | None]) -> tuple[Any, Any]:
    """(xs, ys) of a staircase: each period's value level from i - 0.5 to i + 0.5; NaN
    (a gap, with connect="finite") where it has none."""
    levels = np.repeat(_floats(values), 2)
    edges = np.repeat(np.arange(len(values), dtype=float), 2) + np.tile([-0.5, 0.5],
                                                                         len(values))
    return edges, levels


class _NoteSample(pg.ItemSample):
    """A legend row with words and no line: what is missing, said plainly."""

    def paint(self, p: Any, *args: Any) -> None:
        pass

    def mouseClickEvent(self, event: Any) -> None:  # noqa: N802 (Qt override)
        event.ignore()


class SeriesChart(Chart):
    """`set_series(data)` redraws in place; a click on a period drills into the
    forecast made at its start or into its actual won, whichever is nearer."""

    def __init__(self, parent: Any = None):
        self.value_axis = ValueAxis("left", count_tick)
        self.period_axis = pg.AxisItem("bottom")
        self.period_axis.setStyle(tickFont=label_font(8))
        super().__init__({"left": self.value_axis, "bottom": self.period_axis}, parent)
        self.data = SeriesData()
        item = self.getPlotItem()
        item.showGrid(y=True, alpha=0.18)
        self.current = pg.LinearRegionItem((0, 0), movable=False, brush=pg.mkBrush(CURRENT),
                                           pen=pg.mkPen(None))
        self.actual = pg.BarGraphItem(x=[], height=[], width=ACTUAL_WIDTH,
                                      brush=pg.mkBrush(ACTUAL), pen=pg.mkPen(None))
        self.low = pg.PlotDataItem([], [], pen=pg.mkPen(None))
        self.high = pg.PlotDataItem([], [], pen=pg.mkPen(None))
        self.band = pg.FillBetweenItem(self.low, self.high, brush=pg.mkBrush(*BAND))
        self.weighted = pg.PlotDataItem([], [], pen=pg.mkPen(WEIGHTED, width=1.5,
                                                             style=Qt.PenStyle.DashLine))
        self.forecast = pg.PlotDataItem([], [], pen=pg.mkPen(FORECAST, width=2.2),
                                        symbol="o", symbolSize=6,
                                        symbolBrush=pg.mkBrush(FORECAST),
                                        symbolPen=pg.mkPen("w"))
        self.quota = pg.PlotDataItem([], [], pen=pg.mkPen(QUOTA, width=2,
                                                          style=Qt.PenStyle.DotLine),
                                     connect="finite")
        for part in (self.current, self.actual, self.low, self.high, self.band,
                     self.weighted, self.forecast, self.quota):
            self.addItem(part)
        self.legend = pg.LegendItem(offset=(8, 4), labelTextSize="8pt", labelTextColor=MUTED,
                                    colCount=3)
        self.legend.setParentItem(item.getViewBox())
        self.legend.addItem(self.actual, tr("Actual won"))
        self.legend.addItem(self.forecast, tr("Forecast (P50)"))
        self.legend.addItem(self.band_sample(), tr("P10–P90 range"))
        self.legend.addItem(self.weighted, tr("Weighted pipeline"))
        self.quota_note = _NoteSample(self.quota)
        self._quota_entry: tuple[bool, str] | None = None
        self._show_quota_entry(False, "")

    def band_sample(self) -> Any:
        return pg.BarGraphItem(x=[], height=[], width=1, brush=pg.mkBrush(*BAND),
                               pen=pg.mkPen(None))

    def _show_quota_entry(self, has_quota: bool, note: str) -> None:
        """The legend's quota row: the line, or words saying why there is none."""
        wanted = (has_quota, tr("Quota") if has_quota else note or tr("Quota: no quotas set"))
        if self._quota_entry == wanted:
            return
        if self._quota_entry is not None:
            self.legend.removeItem(self.quota)  # the row, line or note: both sample it
        self.legend.addItem(self.quota if has_quota else self.quota_note, wanted[1])
        self._quota_entry = wanted

    @property
    def legend_texts(self) -> list[str]:
        return [label.text for _sample, label in self.legend.items]

    def set_formats(self, formats: Formats) -> None:
        self.value_axis.tick = formats.tick
        self.value_axis.picture = None
        self.value_axis.update()

    def set_series(self, data: SeriesData) -> None:
        self.data = data
        count = len(data.periods)
        xs = np.arange(count, dtype=float)
        actual = _floats(data.actual)
        known = ~np.isnan(actual)
        self.actual.setOpts(x=xs[known], height=actual[known], width=ACTUAL_WIDTH)
        self.low.setData(xs, _floats(data.p10))
        self.high.setData(xs, _floats(data.p90))
        self.forecast.setData(xs, _floats(data.forecast))
        self.weighted.setData(xs, _floats(data.weighted))
        self.quota.setData(*(steps(data.quota) if data.has_quota else ([], [])))
        self.quota.setVisible(data.has_quota)
        self._show_quota_entry(data.has_quota, data.quota_note)
        if data.current is not None:
            self.current.setRegion((data.current[0] - 0.5, data.current[1] + 0.5))
        self.current.setVisible(data.current is not None)
        self._period_ticks()
        self._fit()

    def _period_ticks(self) -> None:
        periods = self.data.periods
        step = max(1, math.ceil(len(periods) / MAX_PERIOD_LABELS))
        last = len(periods) - 1
        shown = [(float(i), name) for i, name in enumerate(periods)
                 if (last - i) % step == 0]
        self.period_axis.setTicks([shown, [(float(i), "") for i in range(len(periods))]])

    def _fit(self) -> None:
        values = [float(v) for v in (*self.data.p90, *self.data.forecast, *self.data.weighted,
                                     *(a for a in self.data.actual if a is not None),
                                     *(q for q in self.data.quota if q is not None))]
        high = max(values, default=1.0) or 1.0
        count = max(len(self.data.periods), 1)
        # headroom above the highest value for the legend
        self.getPlotItem().getViewBox().setRange(xRange=(-0.6, count - 0.4),
                                                 yRange=(0, high * 1.28), padding=0.02)

    def key_at(self, x: float, y: float) -> str | None:
        index = round(x)
        if not 0 <= index < len(self.data.periods) or abs(x - index) > 0.5:
            return None
        period = self.data.periods[index]
        actual = self.data.actual[index]
        forecast = self.data.forecast[index]
        if actual is None:
            return f"series|{period}|forecast"
        nearer_actual = abs(y - float(actual)) <= abs(y - float(forecast)) or \
            (0 <= y <= float(actual) and abs(x - index) <= ACTUAL_WIDTH / 2)
        return f"series|{period}|{'actual' if nearer_actual else 'forecast'}"

    def point_of(self, period: str, what: str) -> tuple[float, float]:
        """Where the point (`what`: forecast or actual) of `period` is drawn."""
        index = self.data.periods.index(period)
        value = self.data.actual[index] if what == "actual" else self.data.forecast[index]
        return float(index), float(value or 0)
