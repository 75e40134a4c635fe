"""The Forecast tab: what will close this period for a scope, as of a day, against its
quota (the plan in force: coverage of what is still to win); how last periods' forecasts
compared with what was won and with their quotas; where the bucket leaks (the waterfall,
the funnel); who is doing well (the leaderboard). Every figure, bar and point drills down to
the deals behind it; every chart exports to PNG; one button writes the management pack.

Threading: every read runs on the serial worker (forecast_data.load_*); the UI thread
only updates plot items in place. pyqtgraph (and numpy) load when the tab is first shown
(`ensure_loaded`), never when the window starts. A read still waiting on the worker when a
newer one is asked for is skipped, and a result older than the newest request dropped.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QComboBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from salesdesk.services.common import OpChanges
from salesdesk.ui import forecast_data as data
from salesdesk.ui.charts import panel as panels
from salesdesk.ui.charts.data import count_formats, money_formats
from salesdesk.ui.context import UiContext
from salesdesk.ui.forecast_drill import DrillDown
from salesdesk.ui.forecast_widgets import DrillPanel, FigureStrip, Pickers
from salesdesk.ui.i18n import tr
from salesdesk.ui.models import forecast_models as fm
from salesdesk.ui.models.board_model import day_text, money_text
from salesdesk.ui.ops import user_message

STATUS_STYLE = "color: #5f6b7a;"


def _charts_key(request: data.Request) -> tuple[Any, ...]:
    """What the slow reads depend on (the day's deals, the series' periods): a request
    that shares it with the view on screen is a quick re-scope."""
    return (request.as_of, request.period, request.series_kind)


PROBLEM_STYLE = "color: #b3261e;"
DRILL_WIDTH = 380
"""The drill-down panel's narrowest: a deal's label, its owner and an amount side by side."""


class ForecastTab(QWidget):
    sig_forecast_loaded = Signal()
    """A freshly computed forecast is on screen."""
    sig_drill_shown = Signal()
    """The drill-down panel lists the deals behind what was clicked."""
    sig_call_recorded = Signal(object)
    """A manager's call was stored; carries its SnapshotRecord."""
    sig_history_shown = Signal()
    """The history dialog shows the stored forecasts (the backtest may follow)."""
    sig_backtest_shown = Signal()
    """The history dialog shows the backtest's accuracy."""
    sig_pack_written = Signal(str)
    """The management pack was saved; carries its path."""

    def __init__(self, ctx: UiContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.currency = ""
        self.setup: data.Setup | None = None
        self.view: data.ForecastView | None = None
        self.charts: dict[str, Any] = {}
        self._wanted = False
        self._generation = 0
        self._latest = [0]  # the newest read asked for, as the worker sees it
        self.cache = data.Cache(ctx.workspace.engine, ctx.uow)
        self._make_widgets()
        self._lay_out()
        self._connect()

    # --- construction ------------------------------------------------------------------
    def _make_widgets(self) -> None:
        self.pickers = Pickers()
        self.pack_button = QPushButton(tr("Management pack…"), enabled=False, toolTip=tr(
            "Save an Excel workbook for top management: the figures, these charts as "
            "images and the tables behind them"))
        self.call_button = QPushButton(tr("Record call…"), enabled=False, toolTip=tr(
            "Record your call for this period and scope: the weighted forecast now plus "
            "your adjustment, with a comment; it is scored against what is won"))
        self.history_button = QPushButton(tr("History…"), enabled=False, toolTip=tr(
            "The stored forecasts of this scope against what was won, and the accuracy of "
            "every method"))
        self.history_dialog: Any = None
        self.status = QLabel(tr("Loading the forecast…"), wordWrap=True)
        self.status.setStyleSheet(STATUS_STYLE)
        self.figures = FigureStrip()
        self.panels = {
            "series": panels.ChartPanel(tr("Forecast vs actual over time")),
            "waterfall": panels.ChartPanel(tr("Forecast to actual: where it went")),
            "funnel": panels.ChartPanel(tr("Conversion funnel")),
            "leaderboard": panels.ChartPanel(tr("Leaderboard")),
        }
        self.series_kind = QComboBox()
        for kind, word in (("month", tr("By month")), ("quarter", tr("By quarter"))):
            self.series_kind.addItem(word, kind)
        self.panels["series"].add_tool(self.series_kind)
        self.metric_combo = QComboBox()
        for key, word in fm.metric_words().items():
            self.metric_combo.addItem(word, key)
        self.panels["leaderboard"].add_tool(self.metric_combo)
        self.drill_panel = DrillPanel()
        self.drilldown = DrillDown(self)

    def _lay_out(self) -> None:
        top = QHBoxLayout()
        top.addWidget(self.pickers)
        top.addStretch(1)
        top.addWidget(self.call_button)
        top.addWidget(self.history_button)
        top.addWidget(self.pack_button)
        grid_host = QWidget()
        grid = QGridLayout(grid_host)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setSpacing(8)
        for i, name in enumerate(("series", "waterfall", "funnel", "leaderboard")):
            grid.addWidget(self.panels[name], i // 2, i % 2)
        self.splitter = QSplitter(Qt.Orientation.Horizontal, childrenCollapsible=False)
        self.splitter.addWidget(grid_host)
        self.splitter.addWidget(self.drill_panel)
        self.splitter.setStretchFactor(0, 1)
        self.splitter.setStretchFactor(1, 0)
        self.drill_panel.setMinimumWidth(DRILL_WIDTH)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 10, 12, 8)
        layout.addLayout(top)
        layout.addWidget(self.status)
        layout.addWidget(self.figures)
        layout.addWidget(self.splitter, 1)

    def _connect(self) -> None:
        self.pickers.sig_request_changed.connect(self.refresh)
        self.pickers.sig_problem.connect(self._show_problem)
        self.series_kind.currentIndexChanged.connect(lambda _i: self.refresh())
        self.metric_combo.currentIndexChanged.connect(lambda _i: self._metric_chosen())
        self.figures.sig_figure_clicked.connect(lambda key: self.drill(f"figure|{key}"))
        self.pack_button.clicked.connect(self.make_pack)
        self.call_button.clicked.connect(self.record_call)
        self.history_button.clicked.connect(self.show_history)
        for panel in self.panels.values():
            panel.sig_export_requested.connect(lambda p=panel: self.export_chart(p))

    def _make_charts(self) -> None:
        """The pyqtgraph charts, on first show (pyqtgraph and numpy load here)."""
        from salesdesk.ui.charts.bars import FunnelChart, LeaderboardChart, WaterfallChart
        from salesdesk.ui.charts.series import SeriesChart

        self.charts = {"series": SeriesChart(), "waterfall": WaterfallChart(),
                       "funnel": FunnelChart(), "leaderboard": LeaderboardChart()}
        for name, chart in self.charts.items():
            self.panels[name].set_chart(chart)
            self.panels[name].show_message(tr("Loading…"))
            chart.sig_drill_requested.connect(self.drill)

    # --- loading -----------------------------------------------------------------------
    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 (Qt override)
        super().showEvent(event)
        self.ensure_loaded()

    def ensure_loaded(self) -> None:
        """On first show: build the charts, read what the pickers offer, then compute."""
        if self._wanted:
            return
        self._wanted = True
        self._make_charts()
        self._load_setup()

    def _load_setup(self) -> None:
        from salesdesk.services import workspace_settings

        cache, uow, today = self.cache, self.ctx.uow, date.today()
        self.ctx.ops.run(
            lambda _job: data.load_setup(cache, lambda: workspace_settings.currency(uow),
                                         today),
            on_done=self._setup_loaded, on_error=self._read_failed, parent_widget=self)

    def _setup_loaded(self, setup: data.Setup) -> None:
        first = self.setup is None
        self.setup, self.currency = setup, setup.currency
        if first:
            self.pickers.set_setup(setup)
        else:  # names changed: keep what the user chose where it still exists
            request = self.pickers.request(self.metric_key, self.series_key)
            self.pickers.set_setup(replace(setup, default_day=self.pickers.as_of_day))
            if request is not None:
                self.pickers.choose(request.period, request.scope_kind, request.scope_id)
                return
        self.refresh()

    def on_changes(self, changes: OpChanges) -> None:
        if not self._wanted:
            return
        concerned = changes.members or changes.teams or changes.territories or \
            changes.products or changes.deals or changes.accounts
        if concerned:  # what it kept is stale
            self.cache = data.Cache(self.ctx.workspace.engine, self.ctx.uow)
        elif changes.quotas:  # a plan changed: only the quotas are read again
            cache = self.cache
            self.ctx.ops.run(lambda _job: cache.drop_quotas(), parent_widget=self)
        if changes.members or changes.teams or changes.territories or changes.products or \
                changes.quotas:  # quotas: the fiscal calendar may have changed too
            self._load_setup()
        elif changes.deals or changes.accounts:
            self.refresh()

    @property
    def metric_key(self) -> str:
        return str(self.metric_combo.currentData())

    @property
    def series_key(self) -> str:
        return str(self.series_kind.currentData())

    def refresh(self) -> None:
        """Compute the forecast for what the pickers show, on the worker. A new day,
        period or series kind reads the database: two jobs, the figures, funnel and
        leaderboard first (quick), then the waterfall and series. Another scope, metric
        aside, re-scopes what was read: one job, shown in one go."""
        request = self.pickers.request(self.metric_key, self.series_key)
        if not self._wanted or request is None:
            return
        self._generation += 1
        generation, latest, cache = self._generation, self._latest, self.cache
        latest[0] = generation
        self.status.setStyleSheet(STATUS_STYLE)
        self.status.setText(tr("Computing the forecast for {0}…").format(request.period))

        def figures(_job: Any) -> data.ForecastView | None:
            if latest[0] != generation:
                return None  # superseded before it started
            return data.load_figures(cache, request)

        def charts(_job: Any) -> data.Charts | None:
            return None if latest[0] != generation else data.load_charts(cache, request)

        def failed(exc: BaseException) -> None:
            self._read_failed(exc, generation)

        if self.view is not None and self.view.complete and \
                _charts_key(self.view.request) == _charts_key(request):
            # A re-scope: the day's deals and the series' periods are read, so the whole
            # view takes well under a tenth of a second; one job, shown in one go.
            def view(_job: Any) -> data.ForecastView | None:
                return None if latest[0] != generation else data.load_view(cache, request)

            self.ctx.ops.run(view, on_done=lambda found: self._view_loaded(generation, found),
                             on_error=failed, parent_widget=self)
            return
        self.ctx.ops.run(figures, on_done=lambda view: self._figures_loaded(generation, view),
                         on_error=failed, parent_widget=self)
        self.ctx.ops.run(charts, on_done=lambda found: self._charts_loaded(generation, found),
                         on_error=failed, parent_widget=self)

    def _read_failed(self, exc: BaseException, generation: int | None = None) -> None:
        if generation is not None and generation != self._generation:
            return
        self._show_problem(tr("The forecast could not be computed: {0}").format(
            user_message(exc)))
        for panel in self.panels.values():
            panel.show_message(tr("Nothing to show."))

    def _show_problem(self, text: str) -> None:
        self.status.setStyleSheet(PROBLEM_STYLE if text else STATUS_STYLE)
        if text or self.view is None:
            self.status.setText(text)
        else:
            self.status.setText(self._status_text(self.view))

    def _figures_loaded(self, generation: int, view: data.ForecastView | None) -> None:
        if generation != self._generation or view is None:
            return  # a newer read is on its way
        self.show_view(view)

    def _view_loaded(self, generation: int, view: data.ForecastView | None) -> None:
        if generation != self._generation or view is None:
            return
        self.show_view(view)
        self.sig_forecast_loaded.emit()

    def _charts_loaded(self, generation: int, charts: data.Charts | None) -> None:
        view = self.view
        if generation != self._generation or charts is None or view is None or \
                view.request != charts.request:
            return
        self.show_view(data.with_charts(view, charts))
        self.sig_forecast_loaded.emit()

    # --- showing -------------------------------------------------------------------------
    def show_view(self, view: data.ForecastView) -> None:
        """Show a computed forecast: figures, the four charts (their items updated in
        place) and the status line. What the benchmark times as a redraw."""
        self.view = view
        result, currency = view.result, self.currency
        self.figures.show_figures({k: result.figure(k) for k in (
            "closed_won", "weighted", "commit", "best_case", "historical", "run_rate", "p10",
            "p50", "p90")}, currency)
        self.figures.show_quota(result, currency)
        if view.complete:
            self._show_series(view)
            self._show_waterfall(view)
        else:
            for name in ("series", "waterfall"):
                self.panels[name].show_message(tr("Computing…"))
        self._show_funnel(view)
        self._show_leaders(view)
        self.status.setStyleSheet(STATUS_STYLE)
        self.status.setText(self._status_text(view))
        self.pack_button.setEnabled(view.complete)
        self.call_button.setEnabled(True)
        self.history_button.setEnabled(True)

    def _status_text(self, view: data.ForecastView) -> str:
        r = view.result
        text = tr("{0} · {1} · forecast as of the start of {2} · {3:,} deals behind it").format(
            r.period, r.scope_label, day_text(r.as_of), len(r.deals))
        if not view.complete:
            return text + tr(" · computing the charts…")
        return text + tr(" · computed in {0:.2f} s").format(view.compute_seconds)

    def _show_series(self, view: data.ForecastView) -> None:
        chart, panel = self.charts["series"], self.panels["series"]
        chart.set_formats(money_formats(self.currency))
        series = fm.series_data(view.series, view.result.start, view.result.end)
        chart.set_series(replace(series, quota_note=tr("Quota: none for {0}").format(
            view.result.scope_label) if view.result.plan_in_force else
            tr("Quota: no quotas set")))
        panel.subtitle.setText((tr("Forecast at each period's start vs won in it, against "
                                   "the quota; {0} shaded") if series.has_quota else
                                tr("Forecast at each period's start vs won in it; {0} "
                                   "shaded")).format(view.result.period))
        panel.show_message("" if view.series else tr("No periods to show."))

    def _show_waterfall(self, view: data.ForecastView) -> None:
        chart, panel, wf = self.charts["waterfall"], self.panels["waterfall"], view.waterfall
        chart.set_formats(money_formats(self.currency))
        chart.set_bars(fm.waterfall_bars(wf, self.currency) if wf else [])
        if wf is not None:
            end = wf.actual_as_of
            panel.subtitle.setText(
                tr("{0}: forecast on {1} → won by {2}").format(
                    wf.period, day_text(view.result.start),
                    day_text(end - timedelta(days=1))) if end is not None else
                tr("{0}: forecast on {1} → won so far").format(
                    wf.period, day_text(view.result.start)))
        panel.show_message("" if wf else tr("No waterfall for this period."))

    def _show_funnel(self, view: data.ForecastView) -> None:
        chart, panel = self.charts["funnel"], self.panels["funnel"]
        steps = fm.funnel_steps(view.funnel)
        chart.set_formats(count_formats())
        chart.set_steps(steps, fm.drop_text)
        row = view.funnel
        if row is not None:
            rate = "—" if row.win_rate is None else f"{round(row.win_rate * 100)} %"
            panel.subtitle.setText(tr("{0}: deals reaching each stage · {1:,} won, "
                                      "{2:,} lost · win rate {3}").format(
                view.result.period, row.won, row.lost, rate))
        has_deals = any(s.reached for s in steps)
        panel.show_message("" if has_deals else tr("No deals moved in {0}.").format(
            view.result.period))

    def _show_leaders(self, view: data.ForecastView) -> None:
        chart, panel, metric = self.charts["leaderboard"], self.panels["leaderboard"], \
            view.request.metric
        chart.set_formats(fm.metric_formats(metric, self.currency))
        bars = fm.leader_bars(view.leaders, metric, self.currency, view.highlight)
        chart.set_bars(bars)
        panel.subtitle.setText(tr("{0}: {1}, best first").format(
            view.result.period, fm.metric_words()[metric].lower()))
        panel.show_message("" if bars else tr("Nobody to rank in {0}.").format(
            view.result.period))

    def _metric_chosen(self) -> None:
        view = self.view
        if view is None:
            return
        request = replace(view.request, metric=self.metric_key)
        cache = self.cache
        self.ctx.ops.run(lambda _job: data.load_leaders(cache, request, view.result),
                         on_done=lambda found: self._leaders_loaded(request, found),
                         on_error=self._read_failed, parent_widget=self)

    def _leaders_loaded(self, request: data.Request, found: tuple[list[Any], str | None]
                        ) -> None:
        if self.view is None or self.metric_key != request.metric:
            return
        self.view = replace(self.view, request=replace(self.view.request,
                                                       metric=request.metric),
                            leaders=tuple(found[0]), highlight=found[1])
        self._show_leaders(self.view)

    # --- drill-down ----------------------------------------------------------------------
    def drill(self, key: str) -> None:
        """List the deals behind `key`, what a click on a figure, bar or point emits (see
        forecast_drill.DrillDown)."""
        self.drilldown.drill(key)

    # --- PNG and the management pack -------------------------------------------------------
    def export_chart(self, panel: panels.ChartPanel) -> Path | None:
        period = self.view.result.period if self.view else ""
        name = next((k for k, p in self.panels.items() if p is panel), "chart")
        path = panels.ask_save_path(self, tr("Save the chart as PNG"),
                                    f"forecast-{name}-{period}.png", tr("PNG image (*.png)"))
        if path is None:
            return None
        if path.suffix.lower() != ".png":
            path = path.with_suffix(".png")
        if not panel.save_png(path):
            QMessageBox.warning(self, tr("SalesDesk"), tr(
                "The chart could not be saved to {0}. Check that the folder exists and that "
                "you may write there.").format(path))
            return None
        self.status.setText(tr("Chart saved to {0}").format(path))
        return path

    def make_pack(self) -> None:
        """Ask where, then write the management pack (the workbook on the worker)."""
        from salesdesk.ui.forecast_pack import write_job

        view = self.view
        if view is None:
            return
        path = panels.ask_save_path(self, tr("Save the management pack"),
                                    f"management-pack-{view.result.period}.xlsx",
                                    tr("Excel workbook (*.xlsx)"))
        if path is None:
            return
        if path.suffix.lower() != ".xlsx":
            path = path.with_suffix(".xlsx")
        job = write_job(self, view, path, self.cache)
        self.ctx.ops.run(job, label=tr("Writing the management pack…"),
                         on_done=self._pack_written, parent_widget=self)

    def _pack_written(self, path: Path) -> None:
        self.status.setStyleSheet(STATUS_STYLE)
        self.status.setText(tr("Management pack saved to {0}").format(path))
        self.sig_pack_written.emit(str(path))

    # --- a manager's call, the history ----------------------------------------------------
    def record_call(self) -> None:
        """Ask for the adjustment and comment, then store the call (on the worker) for the
        period and scope on screen."""
        from salesdesk.ui.forecast_history import CallDialog

        view = self.view
        if view is None:
            return
        r, request = view.result, view.request
        answer = CallDialog.ask(self, r.period, r.scope_label, r.weighted, self.currency)
        if answer is None:
            return
        cache = self.cache
        self.ctx.ops.run(
            lambda _job: data.record_call(cache, request, answer.adjustment, answer.comment),
            label=tr("Recording the call…"), on_done=self._call_recorded, parent_widget=self)

    def _call_recorded(self, record: Any) -> None:
        from decimal import Decimal

        from salesdesk.ui.models.forecast_models import signed_money

        adjustment = record.adjustment or Decimal(0)
        call = record.figures["call"]
        scope = self.view.result.scope_label if self.view else record.scope_kind
        text = tr("Call recorded for {0} · {1}: {2} (weighted now {3}, adjustment {4}) · "
                  "“{5}”").format(record.period, scope, money_text(call, self.currency),
                                  money_text(call - adjustment, self.currency),
                                  signed_money(adjustment, self.currency), record.comment)
        self.status.setStyleSheet(STATUS_STYLE)
        self.status.setText(text)
        self.sig_call_recorded.emit(record)
        if self.history_dialog is not None and self.history_dialog.isVisible():
            self.show_history()

    def show_history(self) -> None:
        """Open (or refresh) the history dialog for the scope on screen: the stored
        forecasts first, then the backtest (slower), both read on the worker."""
        from salesdesk.ui.forecast_history import HistoryDialog

        view = self.view
        if view is None:
            return
        request = view.request
        if self.history_dialog is None:
            self.history_dialog = HistoryDialog(self, self.currency)
        dialog = self.history_dialog
        dialog.show_loading(view.result.scope_label)
        dialog.show()
        dialog.raise_()
        cache, today, kind, ref = self.cache, date.today(), request.scope_kind, \
            request.scope_id

        def history_read(history: data.History) -> None:
            dialog.show_history(history)
            self.sig_history_shown.emit()

        def backtest_read(result: Any) -> None:
            dialog.show_backtest(result)
            self.sig_backtest_shown.emit()

        def backtest_failed(exc: BaseException) -> None:
            dialog.show_backtest(None, user_message(exc))
            self.sig_backtest_shown.emit()

        self.ctx.ops.run(lambda _job: data.load_history(cache, kind, ref, today),
                         on_done=history_read, on_error=self._read_failed,
                         parent_widget=self)
        self.ctx.ops.run(lambda _job: data.load_scope_backtest(cache, kind, ref, today),
                         on_done=backtest_read, on_error=backtest_failed, parent_widget=self)
