"""What goes into the management pack, in words the user reads (storage.management_pack
writes it).

`write_job` runs on the UI thread: it renders the charts to PNG and puts every heading
and table together from the forecast on screen, so the job it returns (run on the
worker) only computes the backtest and writes the workbook.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING, Any

from salesdesk.storage.management_pack import Chart, Line, Pack, Section, write_pack
from salesdesk.storage.report_export import Column, Sheet
from salesdesk.ui import forecast_data as data
from salesdesk.ui.i18n import tr
from salesdesk.ui.models import forecast_models as fm

if TYPE_CHECKING:
    from salesdesk.services.forecast import BacktestResult
    from salesdesk.ui.forecast_tab import ForecastTab

FIGURES = ("closed_won", "weighted", "commit", "best_case", "historical", "run_rate", "p10",
           "p50", "p90")
CONTRIBUTIONS = ("closed_won", "weighted", "commit", "best_case", "historical", "run_rate")


def _figure_caption(key: str) -> str:
    words = fm.figure_words()
    return {"p10": tr("P10 (Monte Carlo)"), "p50": tr("P50 (Monte Carlo)"),
            "p90": tr("P90 (Monte Carlo)")}.get(key, words.get(key, (key, ""))[0])


def write_job(tab: ForecastTab, view: data.ForecastView, path: Path, cache: data.Cache
              ) -> Callable[[Any], Path]:
    """The job that writes the pack for what `tab` shows (call on the UI thread)."""
    currency = tab.currency or ""
    charts = tuple(Chart(f"{p.title.text()} — {p.subtitle.text()}", p.png_bytes())
                   for p in tab.panels.values())
    sections = [_about(view, currency), _figures(view, currency), _quota(view, currency)]
    if view.waterfall is not None:
        sections.append(_waterfall_lines(view))
    tables = _tables(view, tab.metric_combo.currentText())
    words = _backtest_words()
    title = tr("SalesDesk management pack — {0}, {1}").format(view.result.period,
                                                               view.result.scope_label)
    summary, charts_title = tr("Summary"), tr("Charts")
    request = view.request

    def job(_job: Any) -> Path:
        extras = data.load_backtest(cache, request.scope_kind, request.scope_id,
                                    view.result.as_of)
        section, sheets = _backtest_parts(extras.backtest, extras.problems, words)
        pack = Pack(title, summary, (*sections, section), charts_title, charts,
                    (*tables, *sheets))
        return write_pack(pack, path)

    return job


def _about(view: data.ForecastView, currency: str) -> Section:
    r = view.result
    return Section(tr("What this pack covers"), (
        Line(tr("Period"), r.period, note=tr("{0} to {1}").format(
            r.start.isoformat(), (r.end - timedelta(days=1)).isoformat())),
        Line(tr("Scope"), r.scope_label),
        Line(tr("Forecast as of"), r.as_of, "date", tr("the deals as they stood that day")),
        Line(tr("Currency"), currency),
        Line(tr("Written"), datetime.now(UTC).replace(tzinfo=None, microsecond=0), "moment",
             tr("UTC")),
    ))


def _figures(view: data.ForecastView, currency: str) -> Section:
    words = fm.figure_words()
    return Section(tr("Forecast ({0})").format(currency), tuple(
        Line(_figure_caption(key), view.result.figure(key), "money",
             words.get(key, ("", words["p50"][1]))[1]) for key in FIGURES))


def _quota(view: data.ForecastView, currency: str) -> Section:
    """The quota, closed won against it, what is still to win and its coverage; without
    a quota, why not (never a made-up number)."""
    r = view.result
    title = tr("Against quota ({0})").format(currency)
    if r.quota is None:
        why = tr("no quota plan is in force for {0}").format(r.period) \
            if not r.plan_in_force else tr("{0} carries no quota in the plan in force").format(
                r.scope_label)
        return Section(title, (Line(tr("Quota"), tr("none") if r.plan_in_force else
                                    tr("no quotas set"), note=why),))
    return Section(title, (
        Line(tr("Quota"), r.quota, "money", tr("from the quota plan in force")),
        Line(tr("Closed won"), r.closed_won, "money"),
        Line(tr("Attainment"), r.attainment, "rate", tr("closed won / quota")),
        Line(tr("Still to win"), max(r.quota - r.closed_won, Decimal(0)), "money"),
        Line(tr("Open weighted pipeline"), r.open_weighted, "money",
             tr("the open deals' part of the weighted figure")),
        Line(tr("Pipeline coverage"), r.coverage, "rate",
             tr("the open weighted pipeline over the quota still to win") if r.coverage
             is not None else tr("the quota is won already")),
    ))


def _waterfall_lines(view: data.ForecastView) -> Section:
    wf = view.waterfall
    assert wf is not None
    lines = [Line(tr("Forecast at the start (weighted)"), wf.forecast, "money")]
    lines += [Line(fm.part_word(s.part, s.reason), s.total, "money",
                   tr("{0:,} deals").format(len(s.deals))) for s in wf.steps]
    lines.append(Line(tr("Actual won"), wf.actual, "money",
                      tr("so far") if wf.actual_as_of is None else ""))
    return Section(tr("From forecast to actual"), tuple(lines))


def _backtest_words() -> dict[str, str]:
    return {"title": tr("How accurate each method was (backtest)"),
            "sheet": tr("Backtest"), "missing": tr("The backtest could not be computed"),
            "wape": tr("WAPE"), "bias": tr("bias"), "hit": tr("hit rate within ±10 %"),
            "period": tr("Period"), "method": tr("Method"), "forecast": tr("Forecast"),
            "actual": tr("Actual"), "error": tr("Error (forecast − actual)"),
            "line": tr("{0}: WAPE"), **fm.method_words()}


def _backtest_parts(backtest: BacktestResult | None, problems: tuple[str, ...],
                    words: dict[str, str]) -> tuple[Section, tuple[Sheet, ...]]:
    if backtest is None:
        return Section(words["title"], (Line(words["missing"], "; ".join(problems)),)), ()
    lines: list[Line] = []
    for s in backtest.summary:
        lines.append(Line(words["line"].format(words.get(s.method, s.method)), s.wape, "rate",
                          f"{words['bias']} {_pct(s.bias)} · {words['hit']} {_pct(s.hit_rate)}"))
    sheet = Sheet(words["sheet"], (
        Column(words["period"]), Column(words["method"]), Column(words["forecast"], "money"),
        Column(words["actual"], "money"), Column(words["error"], "money")),
        tuple((r.period, words.get(r.method, r.method), r.forecast, r.actual, r.error)
              for r in backtest.rows))
    return Section(words["title"], tuple(lines)), (sheet,)


def _pct(value: float | None) -> str:
    return "—" if value is None else f"{round(Decimal(repr(value)) * 100, 1)} %"


def _tables(view: data.ForecastView, metric_word: str) -> tuple[Sheet, ...]:
    tables = [_deals_sheet(view)]
    if view.waterfall is not None:
        tables += _waterfall_sheets(view)
    tables += [_funnel_sheet(view), _leaders_sheet(view, metric_word), _series_sheet(view)]
    return tuple(tables)


def _deals_sheet(view: data.ForecastView) -> Sheet:
    words = fm.figure_words()
    columns = (Column(tr("Deal")), Column(tr("Owner")), Column(tr("Amount"), "money"),
               *(Column(words[k][0], "money") for k in CONTRIBUTIONS),
               Column(tr("Past deal (run rate)")))
    rows = tuple((d.label, d.owner, d.amount, *(d.contributions.get(k, Decimal(0))
                                                for k in CONTRIBUTIONS),
                  tr("yes") if d.past else "") for d in view.result.deals)
    return Sheet(tr("Forecast deals"), columns, rows)


def _waterfall_sheets(view: data.ForecastView) -> list[Sheet]:
    wf = view.waterfall
    assert wf is not None
    parts = ((tr("Forecast at the start"), None, wf.forecast),
             *((fm.part_word(s.part, s.reason), len(s.deals), s.total) for s in wf.steps),
             (tr("Actual won"), None, wf.actual))
    deals = tuple((fm.part_word(s.part, s.reason), d.label, d.owner, d.value)
                  for s in wf.steps for d in s.deals)
    return [Sheet(tr("Waterfall"), (Column(tr("Part")), Column(tr("Deals"), "int"),
                                    Column(tr("Amount"), "money")), parts),
            Sheet(tr("Waterfall deals"), (Column(tr("Part")), Column(tr("Deal")),
                                          Column(tr("Owner")), Column(tr("Amount"), "money")),
                  deals)]


def _funnel_sheet(view: data.ForecastView) -> Sheet:
    row = view.funnel
    stages = row.stages if row else ()
    return Sheet(tr("Funnel"), (
        Column(tr("Stage")), Column(tr("Reached"), "int"), Column(tr("Dropped"), "int"),
        Column(tr("Drop-off"), "rate")),
        tuple((s.stage, s.reached, s.dropped, s.drop_rate) for s in stages))


def _leaders_sheet(view: data.ForecastView, metric_word: str) -> Sheet:
    metric = view.request.metric
    kind = {"won_amount": "money", "avg_deal": "money", "velocity": "money",
            "win_rate": "rate", "cycle_days": "days"}.get(metric, "int")
    return Sheet(tr("Leaderboard"), (
        Column(tr("Rank"), "int"), Column(tr("Member")), Column(metric_word, kind),
        Column(tr("Won"), "int"), Column(tr("Lost"), "int"), Column(tr("Win rate"), "rate"),
        Column(tr("Won amount"), "money"), Column(tr("Average deal"), "money"),
        Column(tr("Sales cycle (days)"), "days")),
        tuple((r.rank, r.key, _plain(r.value), r.metrics.won, r.metrics.lost,
               r.metrics.win_rate, r.metrics.won_amount, r.metrics.avg_deal,
               r.metrics.cycle_days) for r in view.leaders))


def _plain(value: Any) -> Any:
    return float(value) if hasattr(value, "numerator") and not isinstance(
        value, int | Decimal) else value


def _series_sheet(view: data.ForecastView) -> Sheet:
    return Sheet(tr("Forecast vs actual"), (
        Column(tr("Period")), Column(tr("Forecast (P50)"), "money"),
        Column(tr("P10"), "money"), Column(tr("P90"), "money"),
        Column(tr("Weighted"), "money"), Column(tr("Actual won"), "money"),
        Column(tr("Quota"), "money")),
        tuple((p.period, p.p50, p.p10, p.p90, p.weighted, p.actual, p.quota)
              for p in view.series))

