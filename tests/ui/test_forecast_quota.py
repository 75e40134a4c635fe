"""Quotas in the Forecast tab (pytest-qt, offscreen): on the sample company, whose demo
publishes a 2017 plan, the quota card, the quota line of the series chart and the
management pack show the quota services.attainment computes for the same period and
scope, with the pipeline coverage; a changed plan is read again; a manager carries none;
and on a workspace without a plan the tab says "no quotas set" and draws no line."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from test_forecast_tab import AS_OF, PERIOD, WAIT, drilled, save_to, shows  # noqa: F401

from salesdesk.services.attainment import attainment
from salesdesk.services.common import OpChanges
from salesdesk.ui.forecast_tab import ForecastTab
from salesdesk.ui.forecast_widgets import percent_text
from salesdesk.ui.models.board_model import money_text


@pytest.fixture
def tab(qtbot: Any, main_window: Any) -> ForecastTab:
    """The sample company's Forecast tab on 2017-Q4 as of 1 Oct 2017, every chart in."""
    tab = main_window.forecast_tab
    main_window.show_tab("forecast")
    qtbot.waitUntil(lambda: shows(tab, PERIOD, AS_OF), timeout=WAIT)
    main_window.settle()
    return tab


def service_quota(tab: ForecastTab, period: str, kind: str = "total",
                  ref: str | None = None) -> Decimal:
    """services.attainment's quota of the period for the company ("total") or one line."""
    view = attainment(tab.ctx.uow, period, AS_OF)
    assert view.has_plan
    if kind == "total":
        return view.total.quota
    lines = {"member": view.members, "team": view.teams, "territory": view.territories}
    return next(line.quota for line in lines[kind] if line.id == ref)


def choose_scope(qtbot: Any, tab: ForecastTab, kind: str, name: str | None = None) -> str:
    pickers = tab.pickers
    pickers.scope_kind.setCurrentIndex(pickers.scope_kind.findData(kind))
    if name is not None:
        pickers.scope_name.setCurrentIndex(pickers.scope_name.findText(name))
    qtbot.waitUntil(lambda: shows(tab, PERIOD, AS_OF, kind) and
                    tab.view.request.scope_id == pickers.scope_name.currentData(),
                    timeout=WAIT)
    return str(pickers.scope_name.currentData())


# --- the sample company's 2017 plan ---------------------------------------------------------
def test_the_quota_card_shows_the_services_quota_and_coverage(tab: ForecastTab) -> None:
    expected = service_quota(tab, PERIOD)
    result = tab.view.result
    assert result.quota == expected and expected > 0
    card = tab.figures.cards["quota"]
    assert card.value.text() == money_text(expected, tab.currency)
    coverage = (result.weighted - result.closed_won) / (expected - result.closed_won)
    assert result.coverage == coverage.quantize(Decimal("0.0001"))
    assert f"coverage {percent_text(result.coverage)}" in card.detail.text()
    assert f"won {percent_text(result.closed_won / expected)}" in card.detail.text()


def test_a_team_and_a_territory_show_their_own_quota(qtbot: Any, tab: ForecastTab
                                                      ) -> None:
    team_id = choose_scope(qtbot, tab, "team", "West")
    assert tab.view.result.quota == service_quota(tab, PERIOD, "team", team_id)
    assert tab.figures.cards["quota"].value.text() == money_text(
        tab.view.result.quota, tab.currency)
    territory_id = choose_scope(qtbot, tab, "territory", "EMEA")
    assert tab.view.result.quota == service_quota(tab, PERIOD, "territory", territory_id)


def test_the_series_draws_each_months_quota(tab: ForecastTab) -> None:
    chart = tab.charts["series"]
    points = {p.period: p for p in tab.view.series}
    for month in ("2017-03", "2017-11"):
        assert points[month].quota == service_quota(tab, month)
    assert chart.quota.isVisible()
    assert "Quota" in chart.legend_texts and "Quota: no quotas set" not in chart.legend_texts
    xs, ys = chart.quota.getData()
    november = list(points).index("2017-11")
    assert ys[2 * november] == float(points["2017-11"].quota)
    assert (xs[2 * november], xs[2 * november + 1]) == (november - 0.5, november + 0.5)


def test_the_quota_card_lists_the_pipeline_that_covers_it(qtbot: Any,
                                                          tab: ForecastTab) -> None:
    rows = drilled(qtbot, tab, lambda: tab.drill("figure|quota"))
    result = tab.view.result
    assert rows and sum((r.contribution for r in rows), Decimal(0)) == result.open_weighted
    assert "Coverage" in tab.drill_panel.footer.text()


def test_a_manager_carries_no_quota(qtbot: Any, tab: ForecastTab) -> None:
    from salesdesk.storage import queries

    with tab.ctx.workspace.engine.connect() as conn:
        manager = next(m.name for m in queries.members(conn) if m.role == "manager")
    choose_scope(qtbot, tab, "member", manager)
    assert tab.view.result.quota is None and tab.view.result.plan_in_force
    assert tab.figures.cards["quota"].detail.text() == "none for this scope"
    assert f"Quota: none for {manager}" in tab.charts["series"].legend_texts


def test_a_new_plan_version_is_read_again(qtbot: Any, tab: ForecastTab) -> None:
    from salesdesk.services import quotas

    uow = tab.ctx.uow
    plan = quotas.current_plan(uow, 2017)
    assert plan is not None
    draft = quotas.new_draft(uow, plan.id)
    cells = [("member", m, "revenue", date(2017, 10, 1), Decimal("0.00"))
             for m in {o.id for o in plan.owners()}]
    quotas.set_targets(uow, draft.plan_id, cells)
    quotas.publish(uow, draft.plan_id)
    before = tab.view.result.quota
    expected = service_quota(tab, PERIOD)
    assert expected < before
    tab.on_changes(OpChanges(quotas=True))
    qtbot.waitUntil(lambda: tab.view is not None and tab.view.result.quota == expected,
                    timeout=WAIT)
    tab.window().settle()
    assert tab.figures.cards["quota"].value.text() == money_text(expected, tab.currency)


def test_the_management_pack_has_the_quota_and_its_coverage(
        qtbot: Any, tab: ForecastTab, save_to: dict[str, Path]) -> None:  # noqa: F811
    from openpyxl import load_workbook

    with qtbot.waitSignal(tab.sig_pack_written, timeout=WAIT):
        tab.pack_button.click()
    wb = load_workbook(save_to["path"])
    result = tab.view.result
    values = {row[0]: row[1] for row in wb["Summary"].iter_rows(values_only=True) if row[0]}
    assert Decimal(str(values["Quota"])) == result.quota
    assert Decimal(str(values["Pipeline coverage"])) == result.coverage
    assert Decimal(str(values["Attainment"])) == result.attainment
    series = wb["Forecast vs actual"]
    quotas = {r[0]: r[6] for r in series.iter_rows(min_row=2, values_only=True)}
    point = next(p for p in tab.view.series if p.period == "2017-11")
    assert Decimal(str(quotas["2017-11"])) == point.quota


# --- a workspace without a plan -------------------------------------------------------------
@pytest.fixture
def bare_tab(qtbot: Any, sample_workspace: Path, ui_settings: Any) -> Iterator[ForecastTab]:
    """The sample company with its quota plans removed."""
    import sqlalchemy as sa

    from salesdesk.storage import tables as t
    from salesdesk.storage.workspace import open_workspace
    from salesdesk.ui.main_window import MainWindow

    workspace = open_workspace(sample_workspace)
    with workspace.engine.begin() as conn:
        conn.execute(sa.delete(t.quota_targets))
        conn.execute(sa.delete(t.quota_plans))
    window = MainWindow(workspace, ui_settings)
    qtbot.addWidget(window)
    window.show_tab("forecast")
    forecast_tab = window.forecast_tab
    qtbot.waitUntil(lambda: shows(forecast_tab, PERIOD, AS_OF), timeout=WAIT)
    window.settle()
    yield forecast_tab
    window.settle()
    window.close()


def test_without_a_plan_no_quota_is_made_up(bare_tab: ForecastTab) -> None:
    result = bare_tab.view.result
    assert (result.quota, result.plan_in_force, result.coverage) == (None, False, None)
    card = bare_tab.figures.cards["quota"]
    assert (card.value.text(), card.detail.text()) == ("—", "no quotas set")
    chart = bare_tab.charts["series"]
    assert all(p.quota is None for p in bare_tab.view.series)
    assert not chart.quota.isVisible()
    assert "Quota: no quotas set" in chart.legend_texts
