"""Charts for the Forecast tab, drawn with pyqtgraph.

Importing this package loads nothing heavy: `data` and `panel` are plain Qt; the chart
modules (`series`, `waterfall`, `funnel`, `leaderboard`, and `base` under them) import
pyqtgraph (and so numpy) and are imported only when the Forecast tab is first shown.
Every chart updates its plot items in place (setData / setOpts) when given new data, so
a redraw after a scope change never rebuilds widgets.
"""
