"""The Forecast tab's drill-down: from what was clicked to the deals behind it.

Keys, as the charts and the figure cards emit them: figure|NAME (a headline figure;
figure|quota: the open weighted pipeline that covers the quota still to win),
waterfall|forecast, waterfall|actual or waterfall|INDEX (a step), series|PERIOD|forecast
or series|PERIOD|actual, funnel|STAGE (any stage, lost too: storage.funnel_deals),
leader|NAME. What the forecast on screen already holds is listed at once; a past period's
forecast, its actual, a rep's wins or a funnel stage's deals are read on the worker
(forecast_data.load_deals / load_funnel_deals), and only the answer to the last click is
shown.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import TYPE_CHECKING, Any

from salesdesk.ui import forecast_data as data
from salesdesk.ui.i18n import tr
from salesdesk.ui.models import forecast_models as fm
from salesdesk.ui.models.board_model import day_text, money_text
from salesdesk.ui.ops import user_message

if TYPE_CHECKING:
    from salesdesk.services.forecast import ForecastDeal, ForecastResult
    from salesdesk.ui.forecast_tab import ForecastTab


class DrillDown:
    """Fills the tab's drill-down panel; emits the tab's sig_drill_shown."""

    def __init__(self, tab: ForecastTab):
        self.tab = tab
        self.generation = 0

    def drill(self, key: str) -> None:
        view = self.tab.view
        if view is None:
            return
        kind, _, rest = key.partition("|")
        handler: dict[str, Callable[[data.ForecastView, str], None]] = {
            "figure": self._figure, "waterfall": self._waterfall, "series": self._series,
            "funnel": self._funnel, "leader": self._leader}
        if kind in handler:
            handler[kind](view, rest)

    def show(self, drill: fm.Drill) -> None:
        self.generation += 1  # a slower read asked for before is not shown
        self.tab.drill_panel.show_drill(drill, self.tab.currency)
        self.tab.sig_drill_shown.emit()

    def _figure(self, view: data.ForecastView, key: str) -> None:
        if key == "quota":
            self.show(coverage_drill(view.result, self.tab.currency))
        else:
            self.show(fm.figure_drill(view.result, key, self.tab.currency))

    def _waterfall(self, view: data.ForecastView, which: str) -> None:
        if view.waterfall is not None:
            self.show(fm.waterfall_drill(view.waterfall, which, self.tab.currency))

    def _series(self, view: data.ForecastView, rest: str) -> None:
        period, _, what = rest.partition("|")
        point = next((p for p in view.series if p.period == period), None)
        if point is None:
            return
        if what == "actual":
            self._read(tr("Won in {0}").format(period), period, point.end, None, "closed_won")
        else:
            self._read(tr("Forecast for {0} made on {1}: the deals simulated").format(
                period, day_text(point.start)), period, point.start, None, "historical")

    def _funnel(self, view: data.ForecastView, stage: str) -> None:
        row = view.funnel
        reach = next((s for s in row.stages if s.stage == stage), None) if row else None
        r = view.result
        if reach is not None and reach.outcome == "won":
            self._read(tr("Won in {0}").format(r.period), r.period, r.end, None, "closed_won")
            return
        title = tr("Reached {0} in {1}").format(stage, r.period) if reach is None or \
            reach.outcome != "lost" else tr("Lost in {0}").format(r.period)
        self.generation += 1
        generation, tab, request = self.generation, self.tab, view.request
        cache = tab.cache
        tab.drill_panel.show_busy(title)

        def shown(deals: list[Any]) -> None:
            if generation == self.generation:
                rows = tuple(fm.DrillRow(d.deal_id, d.label, d.owner, d.amount, d.amount)
                             for d in deals)
                self.show(fm.Drill(tr("{0}: {1:,} deals").format(title, len(rows)), rows, tr(
                    "Deals whose stage history entered this stage (or one further down the "
                    "funnel) in the period; the amount is the deal's amount now.")))

        def failed(exc: BaseException) -> None:
            if generation == self.generation:
                self.show(fm.Drill(title, (), tr("The deals could not be listed: {0}").format(
                    user_message(exc))))

        tab.ctx.ops.run(lambda _job: data.load_funnel_deals(cache, request, stage),
                        on_done=shown, on_error=failed, parent_widget=tab)

    def _leader(self, view: data.ForecastView, name: str) -> None:
        r = view.result
        self._read(tr("Won by {0} in {1}").format(name, r.period), r.period, r.end,
                   ("member", name), "closed_won")

    def _read(self, title: str, period: str, as_of: date, scope: tuple[str, str] | None,
              key: str) -> None:
        """List the deals behind figure `key` of another forecast (read on the worker)."""
        tab = self.tab
        request = tab.view.request if tab.view else None
        if request is None:
            return
        kind, ref = scope or (request.scope_kind, request.scope_id)
        self.generation += 1
        generation, cache = self.generation, tab.cache
        tab.drill_panel.show_busy(title)

        def shown(found: tuple[Any, list[ForecastDeal]]) -> None:
            if generation == self.generation:
                result, deals = found
                self.show(fm.Drill(tr("{0}: {1}").format(title, money_text(
                    result.figure(key), tab.currency)), tuple(fm.deal_rows(deals, key))))

        def failed(exc: BaseException) -> None:
            if generation == self.generation:
                self.show(fm.Drill(title, (), tr("The deals could not be listed: {0}").format(
                    user_message(exc))))

        tab.ctx.ops.run(lambda _job: data.load_deals(cache, period, as_of, kind, ref, key),
                        on_done=shown, on_error=failed, parent_widget=tab)


def coverage_drill(result: ForecastResult, currency: str) -> fm.Drill:
    """The open deals of the weighted figure, each with its weighted part: the pipeline
    whose total, over the quota still to win, is the coverage."""
    from salesdesk.ui.forecast_widgets import percent_text

    deals = [d for d in result.deals_behind("weighted") if not d.part("closed_won")]
    title = tr("Open weighted pipeline — {0}, {1}: {2}").format(
        result.period, result.scope_label, money_text(result.open_weighted, currency))
    if result.quota is None:
        note = tr("No quota for {0} in {1}: no coverage to show.").format(
            result.scope_label, result.period)
    elif result.coverage is None:
        note = tr("The quota of {0} is won already.").format(
            money_text(result.quota, currency))
    else:
        note = tr("Coverage {0}: this pipeline over the quota still to win, {1} of {2}.").format(
            percent_text(result.coverage), money_text(result.quota - result.closed_won,
                                                       currency),
            money_text(result.quota, currency))
    return fm.Drill(title, tuple(fm.deal_rows(deals, "weighted")), note)
