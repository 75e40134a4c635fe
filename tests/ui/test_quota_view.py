"""Team › Quotas on the sample company (its published 2017 plan): the grid and its
roll-ups against the services, undoable edits of a draft, attainment bars, and quota
sheets out to Excel and back."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QMessageBox

from salesdesk.domain.periods import PeriodKind, children, fiscal_year
from salesdesk.domain.quotas import Metric, PlanStatus, member, target_for
from salesdesk.services import quotas
from salesdesk.services.attainment import attainment
from salesdesk.services.common import OpChanges
from salesdesk.ui import quota_edits
from salesdesk.ui.dialogs.quota_import_dialog import QuotaImportDialog
from salesdesk.ui.dialogs.quota_plan_dialogs import (
    NewPlanChoice,
    NewPlanDialog,
    ShapeChoice,
    ShapeDialog,
    TopDownChoice,
    TopDownDialog,
)
from salesdesk.ui.models.attainment_model import RATIO_ROLE, Col, LineKind
from salesdesk.ui.models.quota_model import (
    FIGURES,
    MONTHS,
    VALUE_ROLE,
    AmountError,
    RowKind,
    Shape,
    parse_amount,
)
from salesdesk.ui.quota_panels import bar_colour, caption_text
from salesdesk.ui.quota_view import QuotaView

TIMEOUT = 20_000
MARCH = date(2017, 3, 1)


# --- helpers ----------------------------------------------------------------------------
@pytest.fixture
def view(qtbot: Any, main_window: Any) -> QuotaView:
    main_window.settle()
    team = main_window.team_tab
    quota = team.quota_view
    with qtbot.waitSignal(quota.sig_plan_loaded, timeout=TIMEOUT):
        team.pages.setCurrentWidget(quota)
    assert quota.plan is not None
    return quota


@pytest.fixture
def warnings(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    shown: list[str] = []

    def warning(_parent: Any, _title: str, text: str, *_args: Any) -> Any:
        shown.append(text)
        return QMessageBox.StandardButton.Ok

    monkeypatch.setattr(QMessageBox, "warning", warning)
    return shown


def figures(view: QuotaView, kind: RowKind, row_id: str) -> list[Decimal | None]:
    model = view.model
    row = model.index_of(kind, row_id).row()
    return [model.index(row, c).data(VALUE_ROLE) for c in range(1, FIGURES + 1)]


def rep_named(view: QuotaView, name: str) -> Any:
    assert view.plan is not None
    return next(r for r in view.plan.rows if r.kind is RowKind.MEMBER and r.name == name)


def team_named(view: QuotaView, name: str) -> Any:
    assert view.plan is not None
    return next(r for r in view.plan.team_rows() if r.name == name)


def stored_month(window: Any, plan_id: str, member_id: str, month: date) -> Decimal:
    plan = quotas.load(window.ctx.uow, plan_id)
    return Decimal(plan.monthly(member(member_id), Metric.REVENUE)[month])


def live_versions(window: Any, year: int = 2017) -> list[Any]:
    return quotas.versions(window.ctx.uow, year)


def pushed(qtbot: Any, window: Any, text: str) -> None:
    """Wait until the action's undo command is on the stack (it is pushed once the job
    is done, a moment after its changes can be read)."""
    qtbot.waitUntil(lambda: window.undo_stack.undoText() == text, timeout=TIMEOUT)


def make_draft(qtbot: Any, view: QuotaView) -> None:
    view.draft_button.click()
    qtbot.waitUntil(lambda: view.plan is not None and view.plan.plan_version == 2,
                    timeout=TIMEOUT)
    qtbot.waitUntil(lambda: view.ctx.undo_stack.undoText() == "New draft of the 2017 plan",
                    timeout=TIMEOUT)
    assert view.plan is not None and view.plan.editable


@pytest.fixture
def dialogs(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[QuotaImportDialog]]:
    """QuotaImportDialogs shown (not blocking); accepted unless `reject` is in the list."""
    shown: list[Any] = []

    def exec_(dialog: QuotaImportDialog) -> int:
        shown.append(dialog)
        accept = "reject" not in shown
        return int(QDialog.DialogCode.Accepted if accept else QDialog.DialogCode.Rejected)

    monkeypatch.setattr(QuotaImportDialog, "exec", exec_)
    yield shown


def exported(window: Any, tmp_path: Path) -> Path:
    from salesdesk.services.quota_sheets import export_quotas
    from salesdesk.storage.quota_sheets import WORKBOOKS

    path = tmp_path / "quotas-2017.xlsx"
    export_quotas(window.ctx.uow, WORKBOOKS, 2017, path)
    return path


def edit_cell(path: Path, sheet: str, cell: str, value: Any) -> None:
    from openpyxl import load_workbook

    wb = load_workbook(path)
    wb[sheet][cell].value = value
    wb.save(path)


def cell_of(path: Path, sheet: str, name: str, month: int) -> str:
    """The quota cell of rep `name` for fiscal month `month` (1-12) on `sheet`."""
    from openpyxl import load_workbook
    from openpyxl.utils import get_column_letter

    from salesdesk.storage.quota_sheets import FIRST_MONTH_COL, HEADER_ROW

    ws = load_workbook(path)[sheet]
    row = next(r for r in range(HEADER_ROW + 1, ws.max_row + 1)
               if ws.cell(r, 2).value == name)
    return f"{get_column_letter(FIRST_MONTH_COL + month - 1)}{row}"


# --- what the page shows ----------------------------------------------------------------
def test_the_page_loads_when_first_shown_and_only_for_its_changes(
        qtbot: Any, main_window: Any) -> None:
    main_window.settle()
    quota = main_window.team_tab.quota_view
    assert not quota.wanted and quota.plan is None  # the Members page is current
    with qtbot.waitSignal(quota.sig_plan_loaded, timeout=TIMEOUT):
        main_window.team_tab.pages.setCurrentWidget(quota)
    with qtbot.assertNotEmitted(quota.sig_plan_loaded):
        main_window.team_tab.on_changes(OpChanges(leads=True, deals=True))
        main_window.settle()
    with qtbot.waitSignal(quota.sig_plan_loaded, timeout=TIMEOUT):
        main_window.team_tab.on_changes(OpChanges(quotas=True))


def test_the_quotas_page_hides_the_member_controls(qtbot: Any, main_window: Any,
                                                   view: QuotaView) -> None:
    team = main_window.team_tab
    assert not team.member_bar.isVisibleTo(team) and not team.detail.isVisibleTo(team)
    team.pages.setCurrentIndex(0)
    assert team.member_bar.isVisibleTo(team) and team.detail.isVisibleTo(team)


def test_the_sample_2017_plan_is_shown_published_and_read_only(view: QuotaView) -> None:
    grid = view.plan
    assert grid is not None and (grid.year, grid.plan_version) == (2017, 1)
    assert grid.status is PlanStatus.PUBLISHED
    assert [view.year_combo.itemText(i) for i in range(view.year_combo.count())] == ["2017"]
    assert view.version_combo.currentText() == \
        "Version 1 · published · The sample's 2017 run rate and seasonality, +5 %, each " \
        "rep halfway to the team median"
    assert view.state_label.text() == "Published — create a draft to edit"
    anna = rep_named(view, "Anna Snelling")
    index = view.model.index_of(RowKind.MEMBER, anna.id, 3)
    assert not view.model.flags(index) & Qt.ItemFlag.ItemIsEditable
    assert view.model.setData(index, "1000") is False
    assert "published — create a draft to edit" in index.data(Qt.ItemDataRole.ToolTipRole)
    for button in (view.publish_button, view.delete_button, view.split_button,
                   view.rollup_button, view.shape_button):
        assert not button.isEnabled()
    assert view.draft_button.isEnabled() and view.export_button.isEnabled()
    headers = [view.model.headerData(c, Qt.Orientation.Horizontal) for c in range(18)]
    assert headers[0] == "Team / rep (EUR)"
    assert headers[1:4] == ["Jan", "Feb", "Mar"]
    assert headers[13:] == ["Q1", "Q2", "Q3", "Q4", "Year"]


def test_grid_figures_equal_the_services(main_window: Any, view: QuotaView) -> None:
    grid = view.plan
    assert grid is not None
    uow = main_window.ctx.uow
    plan = quotas.load(uow, grid.plan_id)
    periods = [*children(plan.period, PeriodKind.MONTH), *children(plan.period,
                                                                    PeriodKind.QUARTER),
               plan.period]
    assert [t.name for t in grid.team_rows()] == ["Central", "East", "West"]
    for team in grid.team_rows():
        gaps = quotas.team_gaps(uow, grid.plan_id, team.id)
        assert [g.period for g in gaps] == [p.name for p in periods]
        assert figures(view, RowKind.TEAM, team.id) == [g.top_down for g in gaps]
        assert figures(view, RowKind.BOTTOM_UP, team.id) == [g.bottom_up for g in gaps]
        assert figures(view, RowKind.GAP, team.id) == [g.gap for g in gaps]
        for rep in grid.reps_of(team.id):
            monthly = plan.monthly(member(rep.id), Metric.REVENUE)
            assert figures(view, RowKind.MEMBER, rep.id) == [
                target_for(monthly, p) for p in periods]
    total = figures(view, RowKind.TOTAL, "")
    company = attainment(uow, "2017", date(2018, 1, 1)).total.quota
    assert total[-1] == company == Decimal("11100903.85")
    west = team_named(view, "West")
    assert figures(view, RowKind.TEAM, west.id)[-1] == Decimal("4369500.00")
    index = view.model.index_of(RowKind.TEAM, west.id, FIGURES)
    assert index.data() == "4,369,500"
    assert "€4,369,500.00" in index.data(Qt.ItemDataRole.ToolTipRole)


def test_the_models_pass_the_model_tester(qtbot: Any, view: QuotaView,
                                          qtmodeltester: Any) -> None:
    qtmodeltester.check(view.model)
    with qtbot.waitSignal(view.attainment.sig_attainment_loaded, timeout=TIMEOUT):
        view.pages.setCurrentWidget(view.attainment)
    qtmodeltester.check(view.attainment.model)


# --- editing a draft --------------------------------------------------------------------
def test_a_draft_cell_is_saved_and_undo_restores_it(qtbot: Any, main_window: Any,
                                                    view: QuotaView) -> None:
    make_draft(qtbot, view)
    grid = view.plan
    assert grid is not None and view.state_label.text().startswith("Draft")
    assert [v.plan_version for v in live_versions(main_window)] == [2, 1]
    boris = rep_named(view, "Boris Faz")
    before = stored_month(main_window, grid.plan_id, boris.id, MARCH)
    index = view.model.index_of(RowKind.MEMBER, boris.id, 3)
    assert index.data(Qt.ItemDataRole.EditRole) == f"{before:.2f}"
    east_gap = figures(view, RowKind.GAP, team_named(view, "East").id)[2]
    assert view.model.setData(index, "39,700.50")
    qtbot.waitUntil(lambda: stored_month(main_window, grid.plan_id, boris.id, MARCH)
                    == Decimal("39700.50"), timeout=TIMEOUT)
    east = team_named(view, "East")
    assert figures(view, RowKind.MEMBER, boris.id)[2] == Decimal("39700.50")
    qtbot.waitUntil(lambda: figures(view, RowKind.GAP, east.id)[2]
                    == east_gap + before - Decimal("39700.50"), timeout=TIMEOUT)
    gap = figures(view, RowKind.GAP, east.id)
    assert gap == [g.gap for g in quotas.team_gaps(main_window.ctx.uow, grid.plan_id,
                                                   east.id)]
    pushed(qtbot, main_window, "Set Boris Faz's Mar 2017 quota to €39,700.50")

    main_window.undo_stack.undo()
    qtbot.waitUntil(lambda: stored_month(main_window, grid.plan_id, boris.id, MARCH)
                    == before, timeout=TIMEOUT)
    qtbot.waitUntil(lambda: figures(view, RowKind.MEMBER, boris.id)[2] == before)
    main_window.undo_stack.redo()
    qtbot.waitUntil(lambda: stored_month(main_window, grid.plan_id, boris.id, MARCH)
                    == Decimal("39700.50"), timeout=TIMEOUT)


def test_bad_input_names_the_rep_and_month_and_writes_nothing(
        qtbot: Any, main_window: Any, view: QuotaView, warnings: list[str]) -> None:
    make_draft(qtbot, view)
    grid = view.plan
    assert grid is not None
    boris = rep_named(view, "Boris Faz")
    before = stored_month(main_window, grid.plan_id, boris.id, MARCH)
    index = view.model.index_of(RowKind.MEMBER, boris.id, 3)
    for text in ("lots", "-500", "12.345"):
        assert view.model.setData(index, text) is False
    main_window.settle()
    assert len(warnings) == 3
    assert warnings[0].startswith("Boris Faz, Mar 2017: “lots” is not an amount")
    assert "cannot be negative" in warnings[1] and "Mar 2017" in warnings[1]
    assert "fractions of a cent" in warnings[2]
    assert all(w.endswith("Nothing was changed.") for w in warnings)
    assert stored_month(main_window, grid.plan_id, boris.id, MARCH) == before
    assert figures(view, RowKind.MEMBER, boris.id)[2] == before
    assert main_window.undo_stack.count() == 1  # the new draft only


def test_amounts_are_parsed_exactly() -> None:
    assert parse_amount("12,500.50") == Decimal("12500.50")
    assert parse_amount("€ 12 500") == Decimal("12500.00")
    assert parse_amount("12500 EUR", "EUR") == Decimal("12500.00")
    assert parse_amount("") == Decimal("0.00")
    for bad in ("abc", "-1", "0.001", "nan", "1e15"):
        with pytest.raises(AmountError):
            parse_amount(bad)


def test_split_top_down_and_roll_up_are_undoable(qtbot: Any, main_window: Any,
                                                 view: QuotaView,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    make_draft(qtbot, view)
    grid = view.plan
    assert grid is not None
    central = team_named(view, "Central")
    reps = grid.reps_of(central.id)
    asked: list[Any] = []

    def ask(cls: Any, parent: Any, **kwargs: Any) -> TopDownChoice:
        asked.append(kwargs)
        return TopDownChoice(Decimal("3600000.00"), {r.id: Decimal(1) for r in reps})

    monkeypatch.setattr(TopDownDialog, "ask", classmethod(ask))
    assert not view.split_button.isEnabled()  # nothing selected yet
    view.grid.setCurrentIndex(view.model.index_of(RowKind.MEMBER, reps[0].id, 1))
    assert view.split_button.isEnabled()
    before = figures(view, RowKind.TEAM, central.id)[-1]
    view.split_button.click()
    assert asked[0]["annual"] == before
    assert [name for _id, name in asked[0]["reps"]] == [r.name for r in reps]
    qtbot.waitUntil(lambda: figures(view, RowKind.TEAM, central.id)[-1]
                    == Decimal("3600000.00"), timeout=TIMEOUT)
    pushed(qtbot, main_window, "Split Central's target top-down")
    gaps = quotas.team_gaps(main_window.ctx.uow, grid.plan_id, central.id)
    assert gaps[-1].top_down == gaps[-1].bottom_up == Decimal("3600000.00")
    shares = {figures(view, RowKind.MEMBER, r.id)[-1] for r in reps}
    assert max(shares) - min(shares) <= Decimal("0.05")  # equal weights, to the cent

    main_window.undo_stack.undo()
    qtbot.waitUntil(lambda: figures(view, RowKind.TEAM, central.id)[-1] == before,
                    timeout=TIMEOUT)
    # a rep's change opens a gap; rolling the team up from its reps closes it
    view.model.setData(view.model.index_of(RowKind.MEMBER, reps[0].id, 1), "10000")
    qtbot.waitUntil(lambda: figures(view, RowKind.GAP, central.id)[-1] != 0, timeout=TIMEOUT)
    view.grid.setCurrentIndex(view.model.index_of(RowKind.GAP, central.id, 1))
    view.rollup_button.click()
    qtbot.waitUntil(lambda: figures(view, RowKind.GAP, central.id) == [Decimal(0)] * FIGURES,
                    timeout=TIMEOUT)
    pushed(qtbot, main_window, "Roll Central up from its reps")
    main_window.undo_stack.undo()
    qtbot.waitUntil(lambda: figures(view, RowKind.GAP, central.id)[-1] != 0, timeout=TIMEOUT)


def test_seasonality_and_ramp_are_saved_and_undone(qtbot: Any, main_window: Any,
                                                   view: QuotaView,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    make_draft(qtbot, view)
    grid = view.plan
    assert grid is not None and grid.shape.ramp == (Decimal("0.25"), Decimal("0.50"),
                                                    Decimal("0.75"))
    original = grid.shape
    choice = ShapeChoice((Decimal(1),) * 12, (Decimal("0.5"),), 2)
    monkeypatch.setattr(ShapeDialog, "ask", classmethod(lambda cls, *a, **k: choice))
    view.shape_button.click()

    def shape() -> Shape:
        assert view.plan is not None
        return view.plan.shape

    qtbot.waitUntil(lambda: shape().ramp == (Decimal("0.5"),), timeout=TIMEOUT)
    pushed(qtbot, main_window, "Change the seasonality and ramp")
    assert shape().ramp_block_months == 2
    assert len(set(shape().seasonality)) == 1
    stored = quotas.load(main_window.ctx.uow, grid.plan_id)
    assert quotas.ramp_schedule_of(stored) is not None
    main_window.undo_stack.undo()
    qtbot.waitUntil(lambda: shape() == original, timeout=TIMEOUT)


def test_the_shape_of_a_base_year_is_read_through_the_services(qtbot: Any, view: QuotaView
                                                                ) -> None:
    from salesdesk.domain.allocation import split

    grid = view.plan
    assert grid is not None and grid.shape.base_year == 2017
    even = Shape((Decimal(1),) * 12, None)
    dialog = ShapeDialog(view, grid.months, even, 1, view.read_history_shape, 2017)
    qtbot.addWidget(dialog)
    assert {s.value() for s in dialog.spins} == {8.3, 8.4}
    dialog.history_button.click()
    # the demo's plan took its seasonality from 2017's won revenue: the same shape
    wanted = [float(p) for p in split(Decimal(100), grid.shape.seasonality, Decimal("0.1"))]
    qtbot.waitUntil(lambda: [s.value() for s in dialog.spins] == wanted, timeout=TIMEOUT)
    assert dialog.total.text() == "Total 100 %"
    assert dialog.choice().ramp == ()  # each rep's own ramp, as the shape had


# --- versions ---------------------------------------------------------------------------
def test_new_plan_publish_and_delete_draft(qtbot: Any, main_window: Any, view: QuotaView,
                                           monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(NewPlanDialog, "ask", classmethod(lambda cls, *a, **k: NewPlanChoice(
        2018, True, 2017, Decimal("0.10"), "Board proposal")))
    view.new_plan_button.click()
    qtbot.waitUntil(lambda: view.plan is not None and view.plan.year == 2018, timeout=TIMEOUT)
    pushed(qtbot, main_window, "New 2018 quota plan")
    grid = view.plan
    assert grid is not None and grid.editable and grid.plan_version == 1
    assert view.version_combo.currentText() == "Version 1 · draft · Board proposal"
    assert [view.year_combo.itemText(i) for i in range(view.year_combo.count())] == \
        ["2018", "2017"]
    # proposed from 2017's run rate plus 10 %
    assert figures(view, RowKind.TOTAL, "")[-1] > Decimal("11000000")

    before = {k: t.amount for k, t in quotas.load(main_window.ctx.uow,
                                                  grid.plan_id).targets.items()}
    view.delete_button.click()
    pushed(qtbot, main_window, "Delete draft version 1 of the 2018 plan")
    assert not live_versions(main_window, 2018)
    main_window.undo_stack.undo()  # made again, with the same targets
    main_window.settle()
    assert len(live_versions(main_window, 2018)) == 1
    remade = quotas.load(main_window.ctx.uow, live_versions(main_window, 2018)[0].id)
    assert {k: t.amount for k, t in remade.targets.items()} == before
    assert (remade.plan_version, remade.note) == (1, "Board proposal")
    qtbot.waitUntil(lambda: view.plan is not None and view.plan.plan_id == remade.id,
                    timeout=TIMEOUT)
    main_window.undo_stack.redo()
    qtbot.waitUntil(lambda: not live_versions(main_window, 2018), timeout=TIMEOUT)


def test_publish_asks_first_and_locks_the_version(qtbot: Any, main_window: Any,
                                                  view: QuotaView,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    panel = view.attainment
    with qtbot.waitSignal(panel.sig_attainment_loaded, timeout=TIMEOUT):
        view.pages.setCurrentWidget(panel)
    boris_before = next(m for m in panel.view.members if m.name == "Boris Faz").quota
    view.pages.setCurrentIndex(0)
    make_draft(qtbot, view)
    boris = rep_named(view, "Boris Faz")
    march = figures(view, RowKind.MEMBER, boris.id)[2]
    assert march is not None
    view.model.setData(view.model.index_of(RowKind.MEMBER, boris.id, 3), str(march + 12000))
    pushed(qtbot, main_window, "Set Boris Faz's Mar 2017 quota to "
                               f"€{march + 12000:,.2f}")
    asked: list[str] = []

    def question(_parent: Any, _title: str, text: str, *_a: Any) -> Any:
        asked.append(text)
        return QMessageBox.StandardButton.Yes

    monkeypatch.setattr(QMessageBox, "question", question)
    view.publish_button.click()
    qtbot.waitUntil(lambda: view.plan is not None and not view.plan.editable, timeout=TIMEOUT)
    assert "cannot be undone" in asked[0]
    assert [v.status for v in live_versions(main_window)] == [PlanStatus.PUBLISHED] * 2
    assert view.state_label.text() == "Published — create a draft to edit"
    # the attainment page, measured before, measures again against the new plan in force
    assert panel.stale
    with qtbot.waitSignal(panel.sig_attainment_loaded, timeout=TIMEOUT):
        view.pages.setCurrentWidget(panel)
    assert next(m for m in panel.view.members if m.name == "Boris Faz").quota == \
        boris_before + 12000
    assert "against version 2 (published)" in panel.caption.text()


# --- attainment -------------------------------------------------------------------------
def test_attainment_bars_equal_the_service(qtbot: Any, main_window: Any,
                                           view: QuotaView) -> None:
    panel = view.attainment
    with qtbot.waitSignal(panel.sig_attainment_loaded, timeout=TIMEOUT):
        view.pages.setCurrentWidget(panel)
    assert panel.period == "2017"
    periods = [panel.period_combo.itemData(i) for i in range(panel.period_combo.count())]
    assert periods[:5] == ["2017", "2017-Q1", "2017-Q2", "2017-Q3", "2017-Q4"]
    assert periods[5:] == [f"2017-{m:02d}" for m in range(1, 13)]
    for period in ("2017", "2017-Q3"):
        if panel.period != period:
            with qtbot.waitSignal(panel.sig_attainment_loaded, timeout=TIMEOUT):
                panel.choose(period)
        expected = attainment(main_window.ctx.uow, period, panel.view.as_of)
        by_id = {(line.kind, line.id): line for line in (*expected.members, *expected.teams)}
        model = panel.model
        for r, row in enumerate(model.rows()):
            if row.kind in (LineKind.MEMBER, LineKind.TEAM):
                line = by_id[(str(row.kind), row.id)]
                assert row.figures == line.figures
                ratio = model.index(r, Col.ATTAINMENT).data(RATIO_ROLE)
                assert ratio == (None if line.attainment is None else float(line.attainment))
        assert model.rows()[-1].figures == expected.total.figures
    central = next(r for r, row in enumerate(panel.model.rows()) if row.name == "Central")
    texts = [panel.model.index(central, c).data() for c in Col]
    line = next(t for t in expected.teams if t.name == "Central")
    assert texts[Col.QUOTA] == f"€{line.quota:,.0f}"
    assert texts[Col.ATTAINMENT].endswith(" %")
    assert "should be at" in panel.model.index(central, Col.PACE).data(
        Qt.ItemDataRole.ToolTipRole)
    assert "against version 1 (published) of the 2017 plan" in panel.caption.text()
    assert not panel.table.grab().isNull()  # the bar delegate paints


def test_bar_colours_follow_the_thresholds() -> None:
    red, amber, green = bar_colour(0.0), bar_colour(0.8), bar_colour(1.0)
    assert bar_colour(0.7999) == red and bar_colour(0.9999) == amber
    assert bar_colour(1.5) == green and len({red.name(), amber.name(), green.name()}) == 3


def test_no_plan_is_said_honestly(qtbot: Any, main_window: Any, view: QuotaView) -> None:
    panel = view.attainment
    panel.ensure_loaded()
    with qtbot.waitSignal(panel.sig_attainment_loaded, timeout=TIMEOUT):
        panel.set_periods((("2016", "Year 2016"),))
    assert not panel.view.has_plan
    assert panel.caption.text().startswith("No quota plan covers 2016")
    assert caption_text(attainment(main_window.ctx.uow, "2016")).startswith(
        "No quota plan covers 2016")
    assert all(panel.model.index(r, Col.ATTAINMENT).data() == "—"
               for r in range(panel.model.rowCount()))


def test_an_empty_workspace_offers_a_new_plan(qtbot: Any, tmp_path: Path,
                                              ui_settings: Any) -> None:
    from salesdesk.storage.workspace import open_workspace
    from salesdesk.ui.main_window import MainWindow

    window = MainWindow(open_workspace(tmp_path / "empty.sqlite", create=True), ui_settings)
    qtbot.addWidget(window)
    try:
        window.settle()
        quota = window.team_tab.quota_view
        with qtbot.waitSignal(quota.sig_plan_loaded, timeout=TIMEOUT):
            window.team_tab.pages.setCurrentWidget(quota)
        assert quota.plan is None
        assert quota.grid_page.message.startswith("There is no quota plan for")
        assert quota.new_plan_button.isEnabled() and not quota.export_button.isEnabled()
    finally:
        window.settle()
        window.close()


# --- Excel ------------------------------------------------------------------------------
def test_export_writes_the_plan_in_force(qtbot: Any, view: QuotaView, tmp_path: Path,
                                         monkeypatch: pytest.MonkeyPatch) -> None:
    target = tmp_path / "out" / "quotas"
    target.parent.mkdir()
    monkeypatch.setattr(quota_edits, "ask_save_path", lambda *_a: target)
    with qtbot.waitSignal(view.sig_status_shown, timeout=TIMEOUT) as shown:
        view.export_button.click()
    written = target.with_suffix(".xlsx")
    assert written.exists()
    assert shown.args[0].startswith("Version 1 of the 2017 plan (the plan in force) saved")
    assert "35 reps in 3 teams" in shown.args[0]


def test_import_preview_then_apply_makes_a_version_and_undo_removes_it(
        qtbot: Any, main_window: Any, view: QuotaView, tmp_path: Path,
        dialogs: list[Any], monkeypatch: pytest.MonkeyPatch) -> None:
    path = exported(main_window, tmp_path)
    cell = cell_of(path, "Central", "Anna Snelling", 4)
    edit_cell(path, "Central", cell, 30000)
    monkeypatch.setattr(quota_edits, "ask_open_path", lambda *_a: path)
    view.import_button.click()
    qtbot.waitUntil(lambda: len(live_versions(main_window)) == 2, timeout=TIMEOUT)
    dialog = dialogs[0]
    rows = [[dialog.model.index(r, c).data() for c in range(7)]
            for r in range(dialog.model.rowCount())]
    anna = rep_named(view, "Anna Snelling")
    april = stored_month(main_window, live_versions(main_window)[1].id, anna.id,
                         date(2017, 4, 1))
    assert rows == [["Central", cell, "Anna Snelling", "Apr 2017",
                     f"€{april:,.2f}", "€30,000.00", f"+€{Decimal(30000) - april:,.2f}"]]
    assert dialog.heading.text().startswith("1 cell changed (1 rep, on Central)")
    assert "applying makes version 2" in dialog.heading.text()
    new = live_versions(main_window)[0]
    assert (new.plan_version, new.status) == (2, PlanStatus.DRAFT)
    assert stored_month(main_window, new.id, anna.id, date(2017, 4, 1)) == Decimal(30000)
    qtbot.waitUntil(lambda: view.plan is not None and view.plan.plan_id == new.id,
                    timeout=TIMEOUT)
    pushed(qtbot, main_window, "Import quotas-2017.xlsx")

    main_window.undo_stack.undo()
    qtbot.waitUntil(lambda: len(live_versions(main_window)) == 1, timeout=TIMEOUT)
    qtbot.waitUntil(lambda: view.plan is not None and view.plan.plan_version == 1,
                    timeout=TIMEOUT)
    main_window.undo_stack.redo()
    qtbot.waitUntil(lambda: len(live_versions(main_window)) == 2, timeout=TIMEOUT)
    again = live_versions(main_window)[0]
    assert stored_month(main_window, again.id, anna.id, date(2017, 4, 1)) == Decimal(30000)


def test_an_unchanged_sheet_says_so_and_applies_nothing(
        qtbot: Any, main_window: Any, view: QuotaView, tmp_path: Path,
        dialogs: list[Any], monkeypatch: pytest.MonkeyPatch) -> None:
    path = exported(main_window, tmp_path)
    monkeypatch.setattr(quota_edits, "ask_open_path", lambda *_a: path)
    with qtbot.waitSignal(view.sig_status_shown, timeout=TIMEOUT) as shown:
        view.import_button.click()
    dialog = dialogs[0]
    assert dialog.heading.text().startswith("The sheet changes nothing against version 1")
    assert not dialog.publish.isVisibleTo(dialog) and dialog.model.rowCount() == 0
    assert shown.args[0] == "quotas-2017.xlsx changes nothing."
    assert len(live_versions(main_window)) == 1


def test_a_refused_sheet_lists_every_problem_with_sheet_and_cell(
        qtbot: Any, main_window: Any, view: QuotaView, tmp_path: Path,
        dialogs: list[Any], monkeypatch: pytest.MonkeyPatch) -> None:
    path = exported(main_window, tmp_path)
    cells = [cell_of(path, "Central", "Anna Snelling", 2), cell_of(path, "East", "Boris Faz",
                                                                   5)]
    edit_cell(path, "Central", cells[0], "lots")
    edit_cell(path, "East", cells[1], -100)
    monkeypatch.setattr(quota_edits, "ask_open_path", lambda *_a: path)
    with qtbot.waitSignal(view.sig_status_shown, timeout=TIMEOUT) as shown:
        view.import_button.click()
    dialog = dialogs[0]
    problems = [[dialog.model.index(r, c).data() for c in range(3)]
                for r in range(dialog.model.rowCount())]
    assert [p[:2] for p in problems] == [["Central", cells[0]], ["East", cells[1]]]
    assert "'lots' is not a number" in problems[0][2]
    assert dialog.heading.text().startswith("quotas-2017.xlsx was refused: 2 problems")
    assert shown.args[0] == "quotas-2017.xlsx was refused; nothing was applied."
    assert len(live_versions(main_window)) == 1 and main_window.undo_stack.count() == 0


# --- dialogs ----------------------------------------------------------------------------
def test_plan_dialogs_check_what_is_typed(qtbot: Any) -> None:
    new = NewPlanDialog(None, [2017], 2017)
    qtbot.addWidget(new)
    assert "exists already" in new.message.text()
    new.year.setValue(2018)
    assert new.message.text() == "" and new.choice().base_year == 2016
    shape = Shape((Decimal(1),) * 12, (Decimal("0.25"), Decimal("0.5"), Decimal("0.75")))
    months = [p.start for p in children(fiscal_year(2017), PeriodKind.MONTH)]
    dialog = ShapeDialog(None, months, shape, 1, None, 2016)
    qtbot.addWidget(dialog)
    assert dialog.steps.text() == "25, 50, 75"
    assert [s.value() for s in dialog.spins[:3]] == [8.4, 8.4, 8.4]
    assert dialog.total.text() == "Total 100 %"  # 4 × 8.4 + 8 × 8.3
    dialog.steps.setText("25, lots")
    assert dialog.message.text() == "Ramp: “lots” is not a percentage"
    dialog.own_ramp.setChecked(True)
    assert dialog.message.text() == "" and dialog.choice().ramp == ()
    split = TopDownDialog(None, "East", [("a", "Ann"), ("b", "Bob")], Decimal("1000.00"),
                          "EUR", shape)
    qtbot.addWidget(split)
    split.weights["a"].setValue(3)
    assert [split.shares[k].text() for k in "ab"] == ["€750", "€250"]
    split.annual.setText("a lot")
    assert split.message.text().startswith("Annual target: “a lot” is not an amount")
    assert MONTHS == 12
