"""The Pipeline tab on the sample company (pytest-qt, offscreen): the board and its totals,
painted cards, drag and drop and keyboard moves into the database, wins, losses and
reopening, undo/redo, conflicts, filters, search, the "as of" replay and the list view.

Deals the tests move are created here (services.pipeline) with a distinctive title, and
the board is narrowed to them with the search box, so the tests hold whether or not the
sample company brings its own deals.
"""

from __future__ import annotations

import subprocess
import sys
import types
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal
from typing import Any

import pytest
from PySide6.QtCore import QMimeData, QPointF, Qt
from PySide6.QtGui import QColor, QDropEvent
from PySide6.QtWidgets import QDialogButtonBox, QMessageBox, QWidget

from salesdesk.services import pipeline as svc
from salesdesk.services.common import OpChanges
from salesdesk.storage import pipeline_queries as q
from salesdesk.storage.rows import DealFilter
from salesdesk.ui.dialogs.move_dialogs import LoseDialog, ReopenQuestion, WinDialog
from salesdesk.ui.models.board_model import MIME_TYPE, deal_mime, money_text
from salesdesk.ui.models.deal_list_model import DealListModel
from salesdesk.ui.pipeline_board import StageColumn
from salesdesk.ui.pipeline_cards import ACCENT, ROTTING
from salesdesk.ui.pipeline_tab import PipelineTab, end_of_day

WAIT = 15_000
TAG = "Zeta"  # in every test deal's title: a search for it shows only them


# --- fixtures and helpers -------------------------------------------------------------
@pytest.fixture
def tab(qtbot: Any, main_window: Any) -> PipelineTab:
    pipeline_tab = main_window.pipeline_tab
    assert isinstance(pipeline_tab, PipelineTab)
    with qtbot.waitSignal(pipeline_tab.sig_board_loaded, timeout=WAIT):
        main_window.show_tab("pipeline")
    main_window.settle()
    return pipeline_tab


@pytest.fixture
def warnings(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    shown: list[str] = []

    def warning(_parent: Any, _title: str, text: str, *_args: Any) -> Any:
        shown.append(text)
        return QMessageBox.StandardButton.Ok

    monkeypatch.setattr(QMessageBox, "warning", warning)
    return shown


@contextmanager
def reloads(qtbot: Any, tab: PipelineTab) -> Iterator[None]:
    """Wrap a trigger after which the tab reads the board again."""
    with qtbot.waitSignal(tab.sig_board_loaded, timeout=WAIT):
        yield


def stage_id(tab: PipelineTab, name: str) -> str:
    assert tab.board is not None
    return next(c.stage.id for c in tab.board.columns if c.stage.name == name)


def column(tab: PipelineTab, name: str) -> StageColumn:
    found = tab.board_view.column_of(stage_id(tab, name))
    assert found is not None
    return found


def titles(tab: PipelineTab, name: str) -> list[str]:
    return [c.title for c in column(tab, name).model.cards]


@dataclass(frozen=True)
class Stored:
    stage: str
    version: int
    won_amount: Decimal | None
    lost_reason_id: str | None


def stored(tab: PipelineTab, deal_id: str) -> Stored:
    with tab.ctx.uow() as uow:
        deal = uow.deals.get(deal_id)
        stage = uow.stages.get(deal.stage_id)
        return Stored(stage.name, deal.version, deal.won_amount, deal.lost_reason_id)


def first_rep(tab: PipelineTab) -> tuple[str, str]:
    with tab.ctx.uow() as uow:
        rep = sorted((m for m in uow.members.list() if m.role.value == "rep"),
                     key=lambda m: m.name)[0]
        return rep.id, rep.name


def add_deal(tab: PipelineTab, title: str, stage: str = "Prospecting",
             amount: str = "1000.00", *, days_ago: int = 0, **fields: Any) -> str:
    """A deal made by the service (as if elsewhere: the tab is not told)."""
    owner_id, _name = first_rep(tab)
    fields.setdefault("owner_id", owner_id)
    now = datetime.now(UTC) - timedelta(days=days_ago)
    saved = svc.add_deal(tab.ctx.uow, stage_id=stage_id(tab, stage), title=f"{TAG} {title}",
                         amount=Decimal(amount), now=now, **fields)
    return saved.deal_id


def show_only_test_deals(qtbot: Any, tab: PipelineTab, search: str = TAG) -> None:
    with reloads(qtbot, tab):
        tab.filters.search.setText(search)
        tab.filters.flush()


def card_row(tab: PipelineTab, name: str, deal_id: str) -> int:
    row = column(tab, name).model.row_of(deal_id)
    assert row >= 0, f"{deal_id} is not in {name}"
    return row


def drop(tab: PipelineTab, deal_id: str, source: str, target: str) -> None:
    """Drag the card from column `source` and drop it on column `target`, through the
    target view's own dropEvent with the mime data the source model makes."""
    model = column(tab, source).model
    mime = model.mimeData([model.index(card_row(tab, source, deal_id))])
    assert mime is not None and mime.hasFormat(MIME_TYPE)
    view = column(tab, target).view
    view.resize(max(view.width(), 200), max(view.height(), 300))
    event = QDropEvent(QPointF(40, 40), Qt.DropAction.MoveAction, mime,
                       Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    view.dropEvent(event)


def wait_stage(qtbot: Any, tab: PipelineTab, deal_id: str, name: str) -> None:
    qtbot.waitUntil(lambda: stored(tab, deal_id).stage == name, timeout=WAIT)
    qtbot.waitUntil(lambda: column(tab, name).model.row_of(deal_id) >= 0
                    and not tab._loading, timeout=WAIT)


# --- the board ------------------------------------------------------------------------
def test_board_shows_a_column_per_stage_with_the_query_totals(tab: PipelineTab) -> None:
    assert tab.board is not None and tab.pipeline_id is not None
    with tab.ctx.workspace.engine.connect() as conn:
        expected = q.board(conn, tab.pipeline_id, open_limit=q.OPEN_PAGE)
    names = [c.stage.name for c in expected.columns]
    assert [c.stage.name for c in tab.board_view.columns] == names
    assert {"Won", "Lost"} <= set(names)
    for widget, col in zip(tab.board_view.columns, expected.columns, strict=True):
        assert widget.model.rowCount() == len(col.cards)
        assert f"{col.count:,}" in widget.title.text()
        assert money_text(col.amount, tab.currency) in widget.figures.text()
        if col.stage.is_open:
            assert widget.model.rowCount() == min(col.count, q.OPEN_PAGE)
            assert widget.model.total == col.count
            assert money_text(col.weighted, tab.currency) in widget.figures.text()


def test_a_long_column_reads_its_next_page_when_scrolled_to_the_end(
        qtbot: Any, tab: PipelineTab) -> None:
    """Only the first page of a long open column is read; scrolling down reads the rest,
    page by page, in the board's order, without losing the scroll position."""
    widget = max((c for c in tab.board_view.columns if c.stage.is_open),
                 key=lambda c: c.model.total)
    model, total = widget.model, widget.model.total
    assert total > q.OPEN_PAGE, "the sample has a column longer than one page"
    assert model.rowCount() == q.OPEN_PAGE and model.canFetchMore()
    with tab.ctx.workspace.engine.connect() as conn:
        full = next(c for c in q.board(conn, tab.pipeline_id).columns
                    if c.stage.id == widget.stage.id)
    while model.canFetchMore():
        before = model.rowCount()
        widget.view.scrollToBottom()
        model.fetchMore()
        qtbot.waitUntil(lambda before=before: model.rowCount() > before, timeout=WAIT)
        assert widget.view.verticalScrollBar().value() > 0
    assert model.rowCount() == total
    assert [c.id for c in model.cards] == [c.id for c in full.cards]
    assert tab.board_page.message == ""


def test_every_model_passes_the_model_tester(qtbot: Any, tab: PipelineTab,
                                             qtmodeltester: Any) -> None:
    add_deal(tab, "Tested")
    add_deal(tab, "Tested too", stage="Engaging")
    won = add_deal(tab, "Tested and won")
    svc.move_deal(tab.ctx.uow, won, None, stage_id(tab, "Won"), won_amount=Decimal("1.00"))
    show_only_test_deals(qtbot, tab)  # small models: the tester walks every row
    for widget in tab.board_view.columns:
        qtmodeltester.check(widget.model)
    tab.show_list()
    qtbot.waitUntil(lambda: tab.list_panel.model.rowCount() == 3, timeout=WAIT)
    qtmodeltester.check(tab.list_panel.model)


def test_no_widget_per_card_and_only_visible_cards_are_painted(
        qtbot: Any, main_window: Any, tab: PipelineTab) -> None:
    for i in range(60):
        add_deal(tab, f"Many {i:02d}")
    show_only_test_deals(qtbot, tab)
    main_window.show()
    qtbot.waitExposed(main_window)
    view = column(tab, "Prospecting").view
    assert view.model().rowCount() == 60
    assert len(tab.board_view.findChildren(QWidget)) < 150
    painted: list[int] = []
    delegate = view.itemDelegate()
    real = delegate.paint
    delegate.paint = lambda p, o, i: (painted.append(i.row()), real(p, o, i))  # type: ignore
    view.viewport().grab()
    assert painted and len(painted) < 30  # what fits in the column, not every card


def test_cards_paint_name_amount_and_the_rotting_highlight(
        qtbot: Any, main_window: Any, tab: PipelineTab) -> None:
    fresh = add_deal(tab, "Fresh", amount="12400.00")
    stale = add_deal(tab, "Stale", days_ago=45)  # Prospecting rots after 30 days
    show_only_test_deals(qtbot, tab)
    main_window.show()
    qtbot.waitExposed(main_window)
    model = column(tab, "Prospecting").model
    view = column(tab, "Prospecting").view
    image = view.viewport().grab().toImage()
    for deal_id, accent in ((fresh, ACCENT["open"]), (stale, ROTTING)):
        rect = view.visualRect(model.index(model.row_of(deal_id)))
        bar = image.pixelColor(rect.left() + 8, rect.center().y())
        assert _close(bar, accent), (bar.name(), accent.name())
        dark = [image.pixelColor(x, y) for x in range(rect.left() + 14, rect.left() + 120)
                for y in range(rect.top() + 10, rect.top() + 26)]
        assert any(c.lightness() < 100 for c in dark)  # the deal's name is written
    texts = {model.card(r).id: model.text(r) for r in range(model.rowCount())}
    assert texts[stale].rotting and texts[stale].age == "45 days in stage"
    assert not texts[fresh].rotting and texts[fresh].amount == money_text(
        Decimal("12400.00"), tab.currency)
    first, *_middle, last = first_rep(tab)[1].split()
    assert texts[fresh].initials == (first[0] + last[0]).upper()
    assert "stale" in tab.summary.text()


def _close(a: QColor, b: QColor, tolerance: int = 40) -> bool:
    return all(abs(x - y) <= tolerance for x, y in
               ((a.red(), b.red()), (a.green(), b.green()), (a.blue(), b.blue())))


# --- moves --------------------------------------------------------------------------
def test_drag_and_drop_moves_the_deal_in_the_database(qtbot: Any, tab: PipelineTab) -> None:
    deal_id = add_deal(tab, "Dragged")
    show_only_test_deals(qtbot, tab)
    before = stored(tab, deal_id)
    drop(tab, deal_id, "Prospecting", "Engaging")
    wait_stage(qtbot, tab, deal_id, "Engaging")
    assert stored(tab, deal_id).version == before.version + 1
    assert titles(tab, "Prospecting") == []
    assert tab.board_view.current_card() is not None
    assert tab.board_view.current_card().id == deal_id  # type: ignore[union-attr]


def test_a_drop_on_its_own_column_or_of_other_data_does_nothing(tab: PipelineTab) -> None:
    model = column(tab, "Engaging").model
    text = QMimeData()
    text.setText("just text")
    assert not model.canDropMimeData(text, Qt.DropAction.MoveAction, -1, -1, model.index(-1))
    garbage = QMimeData()
    garbage.setData(MIME_TYPE, b"not json")
    assert not model.dropMimeData(garbage, Qt.DropAction.MoveAction, -1, -1,
                                  model.index(-1))
    card = next(iter(model.cards), None)
    if card is not None:
        assert not model.canDropMimeData(deal_mime(card), Qt.DropAction.MoveAction, -1, -1,
                                         model.index(-1))


def test_dropping_on_won_asks_the_final_amount(qtbot: Any, tab: PipelineTab,
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    deal_id = add_deal(tab, "Winner", amount="5000.00")
    show_only_test_deals(qtbot, tab)
    asked: list[tuple[str, Decimal]] = []

    def ask(cls: Any, _parent: Any, deal: str, amount: Decimal, currency: str) -> Decimal:
        asked.append((deal, amount))
        return Decimal("4750.50")

    monkeypatch.setattr(WinDialog, "ask", classmethod(ask))
    drop(tab, deal_id, "Prospecting", "Won")
    wait_stage(qtbot, tab, deal_id, "Won")
    assert asked == [(f"{TAG} Winner", Decimal("5000.00"))]
    assert stored(tab, deal_id).won_amount == Decimal("4750.50")
    assert column(tab, "Won").model.cards[0].amount == Decimal("4750.50")


def test_cancelling_the_win_moves_nothing(qtbot: Any, main_window: Any, tab: PipelineTab,
                                          monkeypatch: pytest.MonkeyPatch) -> None:
    deal_id = add_deal(tab, "Undecided")
    show_only_test_deals(qtbot, tab)
    asked: list[str] = []
    monkeypatch.setattr(WinDialog, "ask", classmethod(lambda cls, _p, deal, *a:
                                                      asked.append(deal)))  # None: cancel
    drop(tab, deal_id, "Prospecting", "Won")
    qtbot.waitUntil(lambda: asked == [f"{TAG} Undecided"], timeout=WAIT)
    main_window.settle()
    assert stored(tab, deal_id).stage == "Prospecting"
    assert main_window.undo_stack.count() == 0


def test_dropping_on_lost_asks_the_reason(qtbot: Any, tab: PipelineTab,
                                          monkeypatch: pytest.MonkeyPatch) -> None:
    deal_id = add_deal(tab, "Loser")
    show_only_test_deals(qtbot, tab)
    offered: list[list[str]] = []

    def ask(cls: Any, _parent: Any, deal: str, reasons: Any) -> str:
        offered.append([name for _id, name in reasons])
        return str(next(rid for rid, name in reasons if name == "Competitor"))

    monkeypatch.setattr(LoseDialog, "ask", classmethod(ask))
    drop(tab, deal_id, "Prospecting", "Lost")
    wait_stage(qtbot, tab, deal_id, "Lost")
    assert "Competitor" in offered[0] and "Price" in offered[0]
    reason = stored(tab, deal_id).lost_reason_id
    with tab.ctx.uow() as uow:
        assert uow.lost_reasons.get(reason).name == "Competitor"
    assert column(tab, "Lost").model.cards[0].lost_reason == "Competitor"


def test_reopening_a_won_deal_asks_for_confirmation(qtbot: Any, main_window: Any,
                                                    tab: PipelineTab,
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    deal_id = add_deal(tab, "Reopened", days_ago=2)
    svc.move_deal(tab.ctx.uow, deal_id, None, stage_id(tab, "Won"),
                  won_amount=Decimal("900.00"))
    show_only_test_deals(qtbot, tab)
    answers = [False, True]
    asked: list[tuple[str, str, str]] = []

    def ask(cls: Any, _parent: Any, deal: str, outcome: str, stage: str) -> bool:
        asked.append((deal, outcome, stage))
        return answers.pop(0)

    monkeypatch.setattr(ReopenQuestion, "ask", classmethod(ask))
    drop(tab, deal_id, "Won", "Engaging")
    qtbot.waitUntil(lambda: len(asked) == 1, timeout=WAIT)
    main_window.settle()
    assert stored(tab, deal_id).stage == "Won"  # declined: nothing moved
    drop(tab, deal_id, "Won", "Engaging")
    wait_stage(qtbot, tab, deal_id, "Engaging")
    assert asked == [(f"{TAG} Reopened", "won", "Engaging")] * 2
    assert stored(tab, deal_id).won_amount is None


def test_the_real_reopen_question_defaults_to_cancel(monkeypatch: pytest.MonkeyPatch,
                                                     qapp: Any) -> None:
    seen: list[tuple[str, Any]] = []

    def question(_parent: Any, _title: str, text: str, _buttons: Any, default: Any) -> Any:
        seen.append((text, default))
        return QMessageBox.StandardButton.Cancel

    monkeypatch.setattr(QMessageBox, "question", question)
    assert ReopenQuestion.ask(None, "Acme renewal", "lost", "Engaging") is False
    assert "Acme renewal is lost" in seen[0][0] and "Engaging" in seen[0][0]
    assert seen[0][1] == QMessageBox.StandardButton.Cancel


def test_ctrl_right_and_ctrl_left_move_the_selected_card(
        qtbot: Any, tab: PipelineTab) -> None:
    deal_id = add_deal(tab, "Keyed")
    show_only_test_deals(qtbot, tab)
    view = column(tab, "Prospecting").view
    view.setCurrentIndex(view.model().index(card_row(tab, "Prospecting", deal_id), 0))
    assert "Ctrl+Right" in view.statusTip()
    qtbot.keyClick(view, Qt.Key.Key_Right, Qt.KeyboardModifier.ControlModifier)
    wait_stage(qtbot, tab, deal_id, "Engaging")
    engaging = column(tab, "Engaging").view
    assert engaging.current_card() is not None and engaging.current_card().id == deal_id
    qtbot.keyClick(engaging, Qt.Key.Key_Left, Qt.KeyboardModifier.ControlModifier)
    wait_stage(qtbot, tab, deal_id, "Prospecting")
    assert stored(tab, deal_id).version == 3


def test_keyboard_focus_moves_to_the_neighbouring_column(qtbot: Any, main_window: Any,
                                                         tab: PipelineTab) -> None:
    add_deal(tab, "Left one")
    add_deal(tab, "Right one", stage="Engaging")
    show_only_test_deals(qtbot, tab)
    main_window.show()
    qtbot.waitExposed(main_window)
    prospecting, engaging = column(tab, "Prospecting").view, column(tab, "Engaging").view
    prospecting.setFocus()
    prospecting.setCurrentIndex(prospecting.model().index(0, 0))
    qtbot.keyClick(prospecting, Qt.Key.Key_Right)
    qtbot.waitUntil(engaging.hasFocus, timeout=WAIT)
    assert engaging.current_card() is not None
    assert engaging.current_card().title == f"{TAG} Right one"  # type: ignore[union-attr]


def test_undo_and_redo_of_a_move(qtbot: Any, main_window: Any, tab: PipelineTab) -> None:
    deal_id = add_deal(tab, "Undone", days_ago=3)
    show_only_test_deals(qtbot, tab)
    entered = column(tab, "Prospecting").model.cards[0].entered_at
    drop(tab, deal_id, "Prospecting", "Engaging")
    wait_stage(qtbot, tab, deal_id, "Engaging")
    stack = main_window.undo_stack
    assert stack.undoText() == f"Move {TAG} Undone to Engaging"
    for _ in range(2):  # undo, redo, and again: each undo takes back the latest move
        stack.undo()
        wait_stage(qtbot, tab, deal_id, "Prospecting")
        assert column(tab, "Prospecting").model.cards[0].entered_at == entered
        stack.redo()
        wait_stage(qtbot, tab, deal_id, "Engaging")
    with tab.ctx.workspace.engine.connect() as conn:
        detail = q.deal_detail(conn, deal_id)
    assert detail is not None
    assert [h.to_stage for h in detail.history] == ["Prospecting", "Engaging"]


def test_a_deal_changed_elsewhere_is_refused_with_a_clear_message(
        qtbot: Any, main_window: Any, tab: PipelineTab, warnings: list[str]) -> None:
    deal_id = add_deal(tab, "Contested")
    show_only_test_deals(qtbot, tab)
    card = column(tab, "Prospecting").model.cards[0]
    svc.edit_deal(tab.ctx.uow, deal_id, card.version, {"next_step": "Call back"})
    with reloads(qtbot, tab):
        tab.request_move(card, stage_id(tab, "Engaging"))
    main_window.settle()
    assert len(warnings) == 1
    assert warnings[0].startswith(f"“{TAG} Contested” was changed elsewhere")
    assert "not made and nothing was overwritten" in warnings[0]
    assert stored(tab, deal_id).stage == "Prospecting"
    assert column(tab, "Prospecting").model.cards[0].version == card.version + 1
    assert main_window.undo_stack.count() == 0


def test_undoing_a_move_over_a_change_made_elsewhere_is_refused(
        qtbot: Any, main_window: Any, tab: PipelineTab, warnings: list[str]) -> None:
    deal_id = add_deal(tab, "Changed after the move")
    show_only_test_deals(qtbot, tab)
    drop(tab, deal_id, "Prospecting", "Engaging")
    wait_stage(qtbot, tab, deal_id, "Engaging")
    svc.edit_deal(tab.ctx.uow, deal_id, stored(tab, deal_id).version, {"next_step": "Demo"})
    main_window.undo_stack.undo()
    qtbot.waitUntil(lambda: bool(warnings), timeout=WAIT)
    assert f"“{TAG} Changed after the move” was changed elsewhere" in warnings[0]
    assert stored(tab, deal_id).stage == "Engaging"
    qtbot.waitUntil(lambda: main_window.undo_stack.count() == 0, timeout=WAIT)


# --- filters, search, replay ----------------------------------------------------------
def _counts(tab: PipelineTab, flt: DealFilter, as_of: datetime | None = None) -> list[int]:
    assert tab.pipeline_id is not None
    with tab.ctx.workspace.engine.connect() as conn:
        return [c.count for c in q.board(conn, tab.pipeline_id, flt, as_of).columns]


def _shown(tab: PipelineTab) -> list[int]:
    assert tab.board is not None
    return [c.count for c in tab.board.columns]


def test_owner_team_territory_and_product_filters_narrow_the_board(
        qtbot: Any, tab: PipelineTab) -> None:
    owner_id, _name = first_rep(tab)
    add_deal(tab, "Owned")
    filters = tab.filters
    with reloads(qtbot, tab):
        filters.owner.setCurrentIndex(filters.owner.findData(owner_id))
    assert _shown(tab) == _counts(tab, DealFilter(owner_ids=(owner_id,)))
    assert sum(_shown(tab)) >= 1
    assert filters.clear_button.isEnabled()
    with reloads(qtbot, tab):
        filters.clear_button.click()
    assert _shown(tab) == _counts(tab, DealFilter())
    for combo, key in ((filters.team, "team_id"), (filters.territory, "territory_id"),
                       (filters.product, "product_id")):
        assert combo.count() > 1
        with reloads(qtbot, tab):
            combo.setCurrentIndex(1)
        assert _shown(tab) == _counts(tab, DealFilter(**{key: combo.currentData()}))
        with reloads(qtbot, tab):
            combo.setCurrentIndex(0)


def test_close_period_filter(qtbot: Any, tab: PipelineTab) -> None:
    today = date.today()
    add_deal(tab, "Soon", expected_close=today)
    add_deal(tab, "Later", expected_close=today + timedelta(days=400))
    show_only_test_deals(qtbot, tab)
    filters = tab.filters
    with reloads(qtbot, tab):
        filters.period.setCurrentIndex(filters.period.findData("month"))
    assert titles(tab, "Prospecting") == [f"{TAG} Soon"]
    with reloads(qtbot, tab):
        filters.period.setCurrentIndex(filters.period.findData("custom"))
    assert filters.close_from.isVisible() or not tab.isVisible()
    with reloads(qtbot, tab):
        filters.close_to.setDate(filters.close_to.date().addDays(500))
    assert sorted(titles(tab, "Prospecting")) == [f"{TAG} Later", f"{TAG} Soon"]


def test_search_is_debounced_and_goes_to_sql(qtbot: Any, tab: PipelineTab) -> None:
    add_deal(tab, "Needle in a haystack")
    with qtbot.assertNotEmitted(tab.sig_board_loaded, wait=0):
        tab.filters.search.setText("needle in a")
    with reloads(qtbot, tab):
        pass  # the pause after typing
    assert sum(_shown(tab)) == 1 and titles(tab, "Prospecting") == [
        f"{TAG} Needle in a haystack"]
    assert _shown(tab) == _counts(tab, DealFilter(search="needle in a"))
    with reloads(qtbot, tab):
        tab.filters.search.setText("no deal is called this")
    assert sum(_shown(tab)) == 0
    assert "No deals" in column(tab, "Prospecting").view.empty_text


def test_as_of_replays_the_board_from_the_stage_history(qtbot: Any, tab: PipelineTab,
                                                        main_window: Any) -> None:
    deal_id = add_deal(tab, "Moved today", days_ago=5)
    svc.move_deal(tab.ctx.uow, deal_id, None, stage_id(tab, "Engaging"))
    show_only_test_deals(qtbot, tab)
    assert titles(tab, "Engaging") == [f"{TAG} Moved today"]
    yesterday = date.today() - timedelta(days=1)
    with reloads(qtbot, tab):
        tab.set_as_of(yesterday)
    assert tab.replaying and tab.as_of == end_of_day(yesterday)
    assert titles(tab, "Prospecting") == [f"{TAG} Moved today"]
    assert titles(tab, "Engaging") == []
    assert _shown(tab) == _counts(tab, DealFilter(search=TAG), end_of_day(yesterday))
    assert tab.replay_banner.isVisibleTo(tab) and "Replay" in tab.replay_banner.text()
    model = column(tab, "Prospecting").model
    assert not model.movable
    assert not model.flags(model.index(0)) & Qt.ItemFlag.ItemIsDragEnabled
    assert not tab.new_button.isEnabled()
    assert model.text(0).age == "4 days in stage"  # counted to the replayed day
    tab.request_move(model.cards[0], stage_id(tab, "Engaging"))
    main_window.settle()
    assert main_window.undo_stack.count() == 0
    with reloads(qtbot, tab):
        tab.today_button.click()
    assert not tab.replaying and titles(tab, "Engaging") == [f"{TAG} Moved today"]
    assert tab.replay_banner.isHidden()
    # through the widgets: tick "As of", then step the date (read once the stepping stops)
    with reloads(qtbot, tab):
        tab.as_of_check.setChecked(True)
    with reloads(qtbot, tab):
        for days in (3, 2, 1):
            tab.as_of_edit.setDate(tab.as_of_edit.date().currentDate().addDays(-days))
    assert tab.as_of == end_of_day(yesterday)
    assert titles(tab, "Prospecting") == [f"{TAG} Moved today"]


# --- list view, changes, the deal dialog --------------------------------------------
def test_list_view_pages_and_sorts_in_sql(qtbot: Any, tab: PipelineTab) -> None:
    for i, amount in enumerate(("300.00", "100.00", "200.00")):
        add_deal(tab, f"Listed {i}", amount=amount)
    show_only_test_deals(qtbot, tab)
    tab.show_list()
    table, model = tab.list_panel.table, tab.list_panel.model
    assert isinstance(table.model(), DealListModel)  # no proxy in between
    qtbot.waitUntil(lambda: model.rowCount() == 3 and not model.loading, timeout=WAIT)
    table.sortByColumn(4, Qt.SortOrder.DescendingOrder)
    qtbot.waitUntil(lambda: model.sort_key == ("amount", True) and not model.loading,
                    timeout=WAIT)
    amounts = [model.row_at(r).amount for r in range(3)]  # type: ignore[union-attr]
    assert amounts == [Decimal("300.00"), Decimal("200.00"), Decimal("100.00")]
    assert model.index(0, 4).data() == money_text(Decimal("300.00"), tab.currency, cents=True)
    assert model.index(0, 3).data() == "Prospecting"
    assert tab.list_panel.count_label.text() == "3 deals"
    assert "Ctrl+Left" not in tab.summary.text()


def test_a_board_that_cannot_be_read_says_so(qtbot: Any, main_window: Any,
                                             tab: PipelineTab,
                                             monkeypatch: pytest.MonkeyPatch) -> None:
    from salesdesk.ui import pipeline_tab as module

    def broken(*_args: Any, **_kw: Any) -> Any:
        def query(_conn: Any) -> Any:
            raise OSError("disk on fire")
        return query

    real = module.load_board
    monkeypatch.setattr(module, "load_board", broken)
    tab.refresh()
    qtbot.waitUntil(lambda: "could not be read" in tab.board_page.message, timeout=WAIT)
    assert "disk on fire" in tab.board_page.message
    monkeypatch.setattr(module, "load_board", real)
    with reloads(qtbot, tab):
        tab.on_changes(OpChanges(deals=True))  # not stuck waiting for the failed read
    assert tab.board_page.message == ""


def test_unrelated_changes_do_not_reload(qtbot: Any, main_window: Any,
                                         tab: PipelineTab) -> None:
    with qtbot.assertNotEmitted(tab.sig_board_loaded):
        tab.on_changes(OpChanges(leads=True))
        main_window.settle()
    with reloads(qtbot, tab):
        tab.on_changes(OpChanges(deals=True))


def test_cards_open_the_deal_dialog_and_buttons_reach_deal_edits(
        qtbot: Any, tab: PipelineTab, monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[tuple[str, Any]] = []
    fake = types.ModuleType("salesdesk.ui.deal_edits")
    fake.new_deal = lambda ctx, parent, stage: calls.append(("new", stage))  # type: ignore
    fake.edit_deal = lambda ctx, parent, deal: calls.append(("edit", deal))  # type: ignore
    fake.pipeline_settings = (  # type: ignore[attr-defined]
        lambda ctx, parent, pipeline: calls.append(("settings", pipeline)))
    monkeypatch.setitem(sys.modules, "salesdesk.ui.deal_edits", fake)
    deal_id = add_deal(tab, "Opened", stage="Engaging")
    show_only_test_deals(qtbot, tab)
    view = column(tab, "Engaging").view
    index = view.model().index(0, 0)
    view.setCurrentIndex(index)
    qtbot.keyClick(view, Qt.Key.Key_Return)
    view.doubleClicked.emit(index)
    tab.new_button.click()
    tab.settings_button.click()
    assert calls == [("edit", deal_id), ("edit", deal_id), ("new", stage_id(tab, "Engaging")),
                     ("settings", tab.pipeline_id)]


# --- the move dialogs ---------------------------------------------------------------
def test_win_dialog_suggests_the_amount_and_names_the_field_it_refuses(qtbot: Any) -> None:
    dialog = WinDialog(None, "Acme renewal", Decimal("12400.00"), "EUR")
    qtbot.addWidget(dialog)
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    assert dialog.amount_edit.text() == "12400.00" and ok.isEnabled()
    assert dialog.value() == Decimal("12400.00")
    for text, words in (("abc", "Final amount: 'abc' is not a number"),
                        ("", "Final amount is required"),
                        ("12.345", "more than 2 decimal places"),
                        ("-5", "must be at least 0")):
        dialog.amount_edit.setText(text)
        assert words in dialog.message.text() and not ok.isEnabled(), text
    dialog.amount_edit.setText("12,400.50")
    assert ok.isEnabled() and dialog.message.text() == ""
    assert dialog.value() == Decimal("12400.50")


def test_lose_dialog_needs_a_reason(qtbot: Any) -> None:
    dialog = LoseDialog(None, "Acme renewal", [("r1", "Price"), ("r2", "Competitor")])
    qtbot.addWidget(dialog)
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    assert not ok.isEnabled() and "Reason" in dialog.message.text()
    dialog.reason_combo.setCurrentIndex(2)
    assert ok.isEnabled() and dialog.value() == "r2"
    empty = LoseDialog(None, "Acme renewal", [])
    qtbot.addWidget(empty)
    assert "list of lost reasons is empty" in empty.message.text()


# --- start-up -------------------------------------------------------------------------
def test_importing_the_tab_loads_no_database_layer() -> None:
    code = ("import sys, salesdesk.ui.pipeline_tab; "
            "print(sorted(m for m in ('sqlalchemy', 'alembic', 'openpyxl') "
            "if m in sys.modules))")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                            timeout=120, env={**__import__("os").environ,
                                              "QT_QPA_PLATFORM": "offscreen"})
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().splitlines()[-1] == "[]"


def test_a_reload_keeps_each_column_scrolled_where_it_was(qtbot: Any, main_window: Any,
                                                          tab: PipelineTab) -> None:
    for i in range(40):
        add_deal(tab, f"Scrolled {i:02d}")
    show_only_test_deals(qtbot, tab)
    main_window.show()
    qtbot.waitExposed(main_window)
    bar = column(tab, "Prospecting").view.verticalScrollBar()
    qtbot.waitUntil(lambda: bar.maximum() > 300, timeout=WAIT)
    bar.setValue(300)
    with reloads(qtbot, tab):
        tab.on_changes(OpChanges(deals=True))
    assert bar.value() == 300
