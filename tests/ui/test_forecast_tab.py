"""The Forecast tab on the sample company (pytest-qt, offscreen): the figures equal the
forecast service's, scope and period pickers recompute, pyqtgraph loads only when the tab
is first shown, clicks drill down to the deals behind a figure, bar or point, charts
export to PNG, and the management pack is a workbook openpyxl reads back.

The sample company's deals close from 2017-03 to 2017-12, so the tab opens on 2017-Q4 as
of 1 Oct 2017 (forecast_data.default_day); the tests use that period.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from salesdesk.services import forecast as svc
from salesdesk.storage.forecast_queries import SqlForecastSource
from salesdesk.storage.management_pack import Chart, Line, Pack, Section, write_pack
from salesdesk.storage.report_export import Column, Sheet
from salesdesk.ui.charts import panel as panels
from salesdesk.ui.forecast_tab import ForecastTab
from salesdesk.ui.models.board_model import money_text

WAIT = 120_000
PERIOD, AS_OF = "2017-Q4", date(2017, 10, 1)
FIGURES = ("closed_won", "weighted", "commit", "best_case", "historical", "run_rate", "p10",
           "p50", "p90")


# --- fixtures and helpers -------------------------------------------------------------
@pytest.fixture
def tab(qtbot: Any, main_window: Any) -> ForecastTab:
    forecast_tab = main_window.forecast_tab
    assert isinstance(forecast_tab, ForecastTab)
    main_window.show_tab("forecast")
    qtbot.waitUntil(lambda: shows(forecast_tab, PERIOD, AS_OF), timeout=WAIT)
    main_window.settle()
    return forecast_tab


def shows(tab: ForecastTab, period: str, as_of: date, kind: str = "company") -> bool:
    view = tab.view
    return view is not None and view.complete and (
        view.request.period, view.request.as_of, view.request.scope_kind) == (period, as_of,
                                                                              kind)


def service_result(tab: ForecastTab, scope: Any = svc.COMPANY_SPEC,
                   period: str = PERIOD) -> Any:
    return svc.forecast_for(SqlForecastSource(tab.ctx.workspace.engine), period, AS_OF, scope)


def drilled(qtbot: Any, tab: ForecastTab, action: Any) -> list[Any]:
    with qtbot.waitSignal(tab.sig_drill_shown, timeout=WAIT):
        action()
    return list(tab.drill_panel.model.drill.rows)


@pytest.fixture
def save_to(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> dict[str, Path]:
    """Answers the save dialogs with a file in tmp_path, named after the suggestion."""
    chosen: dict[str, Path] = {}

    def ask(_parent: Any, _caption: str, suggested: str, _filters: str) -> Path:
        chosen["path"] = tmp_path / suggested
        return chosen["path"]

    monkeypatch.setattr(panels, "ask_save_path", ask)
    return chosen


# --- figures, pickers -------------------------------------------------------------------
def test_the_figures_are_the_forecast_services(tab: ForecastTab) -> None:
    expected = service_result(tab)
    assert tab.view is not None
    result = tab.view.result
    assert {k: result.figure(k) for k in FIGURES} == {k: expected.figure(k) for k in FIGURES}
    assert expected.weighted > 0 and expected.p10 <= expected.p50 <= expected.p90
    texts = tab.figures.texts()
    for key in ("closed_won", "weighted", "commit", "best_case", "historical"):
        assert texts[key] == money_text(expected.figure(key), tab.currency)
    assert money_text(expected.p50, tab.currency) in texts["p50"]
    assert "2017-Q4" in tab.status.text()


def test_scope_and_period_changes_recompute(qtbot: Any, tab: ForecastTab) -> None:
    pickers = tab.pickers
    pickers.scope_kind.setCurrentIndex(pickers.scope_kind.findData("team"))
    team_id, team = pickers.scope_name.currentData(), pickers.scope_name.currentText()
    qtbot.waitUntil(lambda: shows(tab, PERIOD, AS_OF, "team"), timeout=WAIT)
    assert tab.view is not None and tab.view.request.scope_id == team_id
    expected = service_result(tab, svc.ScopeSpec("team", team_id))
    assert tab.view.result.weighted == expected.weighted
    assert tab.view.result.scope_label == team.strip()
    assert all(r.key in {m for m in _team_members(tab, team_id)} for r in tab.view.leaders)

    pickers.period_kind.setCurrentIndex(pickers.period_kind.findData("month"))
    qtbot.waitUntil(lambda: shows(tab, "2017-10", AS_OF, "team"), timeout=WAIT)
    assert tab.view.result.weighted == service_result(
        tab, svc.ScopeSpec("team", team_id), "2017-10").weighted


def _team_members(tab: ForecastTab, team_id: str) -> list[str]:
    from salesdesk.storage import queries

    with tab.ctx.workspace.engine.connect() as conn:
        return [m.name for m in queries.members(conn) if m.team_id == team_id]


def test_a_typed_period_is_read_and_a_bad_one_said_plainly(qtbot: Any, tab: ForecastTab
                                                           ) -> None:
    editor = tab.pickers.period.lineEdit()
    assert editor is not None
    editor.setText("2017-q3")
    editor.editingFinished.emit()
    qtbot.waitUntil(lambda: shows(tab, "2017-Q3", AS_OF), timeout=WAIT)
    editor.setText("2017-Q5")
    editor.editingFinished.emit()
    assert "not a period" in tab.status.text() or "quarter" in tab.status.text()
    assert tab.view is not None and tab.view.request.period == "2017-Q3"


def test_pyqtgraph_loads_when_the_tab_is_first_shown(sample_workspace: Path,
                                                     tmp_path: Path) -> None:
    """In a fresh interpreter: this process has imported pyqtgraph already."""
    code = f"""
import json, sys
from pathlib import Path
from PySide6.QtCore import QSettings
from salesdesk.app import application
from salesdesk.storage.workspace import open_workspace
from salesdesk.ui.main_window import MainWindow
from salesdesk.ui.settings import UiSettings

app = application()
settings = UiSettings(QSettings({str(tmp_path / "s.ini")!r}, QSettings.Format.IniFormat))
window = MainWindow(open_workspace(Path({str(sample_workspace)!r})), settings)
window.settle()
before = "pyqtgraph" in sys.modules
window.show_tab("forecast")
after = "pyqtgraph" in sys.modules
window.settle(120_000)
charts = sorted(window.forecast_tab.charts)
window.close()
print(json.dumps([before, after, charts]))
"""
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    for name in ("CONFIG", "DATA", "CACHE", "STATE"):
        env[f"XDG_{name}_HOME"] = str(tmp_path / name.lower())
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          timeout=300, env=env)
    assert done.returncode == 0, done.stderr
    before, after, charts = json.loads(done.stdout.strip().splitlines()[-1])
    assert (before, after) == (False, True)
    assert charts == ["funnel", "leaderboard", "series", "waterfall"]


# --- drill-down -----------------------------------------------------------------------------
def test_a_figure_drills_down_to_its_deals(qtbot: Any, tab: ForecastTab,
                                           qtmodeltester: Any) -> None:
    from PySide6.QtCore import Qt

    card = tab.figures.cards["weighted"]
    rows = drilled(qtbot, tab, lambda: qtbot.mouseClick(card, Qt.MouseButton.LeftButton))
    expected = service_result(tab).deals_behind("weighted")
    assert [r.deal_id for r in rows] == [d.deal_id for d in expected]
    assert sum((r.contribution for r in rows), Decimal(0)) == tab.view.result.weighted
    qtmodeltester.check(tab.drill_panel.model)


def test_a_waterfall_bar_drills_down_to_its_deals(qtbot: Any, tab: ForecastTab) -> None:
    chart, wf = tab.charts["waterfall"], tab.view.waterfall
    index = next(i for i, s in enumerate(wf.steps) if s.part == "slipped")
    key = f"waterfall|{index}"
    rows = drilled(qtbot, tab, lambda: chart.click_at(*chart.center_of(key)))
    assert {r.deal_id for r in rows} == {d.deal_id for d in wf.steps[index].deals}
    assert sum((r.contribution for r in rows), Decimal(0)) == wf.steps[index].total < 0
    rows = drilled(qtbot, tab, lambda: chart.click_at(*chart.center_of("waterfall|actual")))
    assert sum((r.contribution for r in rows), Decimal(0)) == wf.actual


def test_a_leaderboard_bar_lists_that_reps_wins(qtbot: Any, tab: ForecastTab) -> None:
    chart = tab.charts["leaderboard"]
    leader = tab.view.leaders[0]
    rows = drilled(qtbot, tab, lambda: chart.click_at(*chart.center_of(
        f"leader|{leader.key}")))
    assert rows and {r.owner for r in rows} == {leader.key}
    assert sum((r.contribution for r in rows), Decimal(0)) == leader.metrics.won_amount


def test_a_series_point_lists_the_deals_won_in_its_period(qtbot: Any, tab: ForecastTab
                                                          ) -> None:
    chart = tab.charts["series"]
    point = next(p for p in tab.view.series if p.period == "2017-11")
    rows = drilled(qtbot, tab, lambda: chart.click_at(*chart.point_of("2017-11", "actual")))
    assert sum((r.contribution for r in rows), Decimal(0)) == point.actual
    x, _ = chart.point_of("2017-11", "forecast")
    assert chart.key_at(x, float(point.p50)) == "series|2017-11|forecast"


def test_the_quota_line_is_the_2017_plans(tab: ForecastTab) -> None:
    """The demo publishes a 2017 plan: every month of the series has its quota (the
    figures are checked against services.attainment in test_forecast_quota.py, and the
    honest "no quotas set" on a workspace without a plan there too)."""
    chart = tab.charts["series"]
    assert [p.period for p in tab.view.series][0] == "2017-01"
    assert all(p.quota is not None and p.quota > 0 for p in tab.view.series)
    quarter = [p.quota or Decimal(0) for p in tab.view.series if p.start >= date(2017, 10, 1)]
    assert len(quarter) == 3 and sum(quarter, Decimal(0)) == tab.view.result.quota
    assert chart.quota.isVisible() and "Quota" in chart.legend_texts


# --- PNG and the management pack ------------------------------------------------------------
def test_a_chart_exports_to_a_real_png(tab: ForecastTab, save_to: dict[str, Path]) -> None:
    from PySide6.QtGui import QImage

    tab.panels["waterfall"].export_button.click()
    path = save_to["path"]
    assert path.name == "forecast-waterfall-2017-Q4.png"
    assert path.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    image = QImage(str(path))
    assert image.width() > 200 and image.height() > 150


def test_the_management_pack_is_a_workbook_with_the_apps_numbers(
        qtbot: Any, tab: ForecastTab, save_to: dict[str, Path]) -> None:
    from openpyxl import load_workbook

    with qtbot.waitSignal(tab.sig_pack_written, timeout=WAIT):
        tab.pack_button.click()
    wb = load_workbook(save_to["path"])
    assert wb.sheetnames[:3] == ["Summary", "Charts", "Forecast deals"]
    for name in ("Waterfall", "Funnel", "Leaderboard", "Backtest"):
        assert name in wb.sheetnames
    assert len(wb["Charts"]._images) == 4
    result = tab.view.result
    values = {row[0]: row[1] for row in wb["Summary"].iter_rows(values_only=True) if row[0]}
    assert Decimal(str(values["Weighted"])) == result.weighted
    assert Decimal(str(values["P50 (Monte Carlo)"])) == result.p50
    deals = wb["Forecast deals"]
    assert deals.freeze_panes == "A2"
    assert deals.max_row - 1 == len(result.deals)
    weighted = sum(Decimal(str(r[4] or 0)) for r in deals.iter_rows(min_row=2,
                                                                     values_only=True))
    assert weighted == result.weighted


def test_formula_like_text_is_written_as_text(tmp_path: Path) -> None:
    from openpyxl import load_workbook
    from PySide6.QtGui import QColor, QImage

    image = QImage(40, 20, QImage.Format.Format_ARGB32)
    image.fill(QColor("white"))
    png = tmp_path / "tiny.png"
    image.save(str(png))
    sheet = Sheet("Deals", (Column("Deal"), Column("Amount", "money")),
                  (("=HYPERLINK(\"x\")", Decimal("12.50")), ("@SUM(1)", Decimal("1.00"))))
    pack = Pack("=title", "Summary", (Section("+figures", (Line("-x", Decimal("3.25"),
                                                                "money"),)),),
                "Charts", (Chart("A chart", png.read_bytes()),), (sheet,))
    path = write_pack(pack, tmp_path / "pack.xlsx")
    wb = load_workbook(path)
    cell = wb["Deals"]["A2"]
    assert cell.value == "=HYPERLINK(\"x\")" and cell.data_type == "s"
    assert wb["Deals"]["B2"].value == 12.5 and wb["Deals"]["B2"].number_format == "#,##0.00"
    assert wb["Summary"]["A1"].data_type == "s" and wb["Summary"]["A4"].value == "-x"
    assert len(wb["Charts"]._images) == 1


def test_a_change_elsewhere_recomputes_from_fresh_reads(qtbot: Any, tab: ForecastTab) -> None:
    from salesdesk.services.common import OpChanges

    cache = tab.cache
    with qtbot.waitSignal(tab.sig_forecast_loaded, timeout=WAIT):
        tab.on_changes(OpChanges(deals=True))
    assert tab.cache is not cache


def test_territories_are_offered_as_a_tree() -> None:
    from salesdesk.ui.forecast_data import Choice
    from salesdesk.ui.forecast_widgets import as_tree, descendants

    choices = [Choice("territory", "b", "EMEA"), Choice("territory", "a", "Americas"),
               Choice("territory", "c", "US West", "a"), Choice("territory", "d", "LatAm", "a"),
               Choice("territory", "e", "Bay Area", "c")]
    assert [(d, c.name) for d, c in as_tree(choices)] == [
        (0, "Americas"), (1, "LatAm"), (1, "US West"), (2, "Bay Area"), (0, "EMEA")]
    assert set(descendants(choices, "a")) == {"a", "c", "d", "e"}
