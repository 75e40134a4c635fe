"""The Leads tab on the sample company (its 400 marketing leads) plus 450 synthetic ones:
pages from SQL, sorting and filtering in the database, search, queues, the bulk bar and
its undoable actions, saved views, ageing colours."""

from __future__ import annotations

import shutil
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
import sqlalchemy as sa
from PySide6.QtCore import QItemSelectionModel, Qt

from salesdesk.domain.leads import LeadStatus
from salesdesk.domain.speed_to_lead import SlaState
from salesdesk.storage import lead_queries as q
from salesdesk.storage import tables as t
from salesdesk.ui.lead_board_tab import LeadBoardTab
from salesdesk.ui.models.lead_table_model import COLUMNS, PAGE_SIZE, ROW_ROLE, SLA_COLUMN

LEADS = 450


@pytest.fixture(scope="session")
def leads_template(sample_template: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    from salesdesk.services.pipeline_setup import ensure_pipeline
    from salesdesk.storage.synthetic import add_synthetic
    from salesdesk.storage.workspace import open_workspace

    path = tmp_path_factory.mktemp("leads") / "leads.sqlite"
    for suffix in ("", "-wal", "-shm"):
        source = sample_template.with_name(sample_template.name + suffix)
        if source.exists():
            shutil.copy(source, path.with_name(path.name + suffix))
    ws = open_workspace(path)
    try:
        ensure_pipeline(ws.uow)
        add_synthetic(ws.engine, LEADS, seed=11)
    finally:
        ws.close()
    return path


@pytest.fixture
def workspace_path(leads_template: Path, tmp_path: Path) -> Path:
    target = tmp_path / "leads.sqlite"
    for suffix in ("", "-wal", "-shm"):
        source = leads_template.with_name(leads_template.name + suffix)
        if source.exists():
            shutil.copy(source, target.with_name(target.name + suffix))
    return target


@pytest.fixture
def board(qtbot: Any, main_window: Any) -> LeadBoardTab:
    main_window.settle()
    tab = main_window.lead_board_tab
    with qtbot.waitSignal(tab.model.sig_first_page, timeout=20_000):
        main_window.show_tab("leads")
    main_window.settle()
    return tab


def _sql(main_window: Any, f: q.LeadFilter) -> int:
    with main_window.ctx.workspace.engine.connect() as conn:
        return q.count(conn, f, clock=q.Clock.at(datetime.now(UTC)))


def _rows(tab: LeadBoardTab) -> list[Any]:
    return [tab.model.row_at(i) for i in range(tab.model.rowCount())]


def _ask(qtbot: Any, tab: LeadBoardTab, action: Any) -> None:
    with qtbot.waitSignal(tab.model.sig_first_page, timeout=20_000):
        action()
    tab.window().settle()


def test_first_page_and_total_come_from_sql(qtbot: Any, main_window: Any,
                                            board: LeadBoardTab, qtmodeltester: Any) -> None:
    qtmodeltester.check(board.model)
    open_count = _sql(main_window, board.filters.lead_filter())
    assert board.filters.queue() == "open"
    assert board.model.total == open_count
    assert board.model.rowCount() == min(PAGE_SIZE, open_count)
    assert all(r.status.is_open for r in _rows(board))
    received = [r.received_at for r in _rows(board)]
    assert received == sorted(received, reverse=True)
    assert board.count_label.text() == f"{open_count:,} leads"


def test_scrolling_fetches_the_next_page_by_keyset(qtbot: Any, main_window: Any,
                                                   board: LeadBoardTab) -> None:
    _ask(qtbot, board, lambda: board.filters.set_queue("all"))
    assert board.model.rowCount() == PAGE_SIZE
    assert board.model.canFetchMore()
    while board.model.canFetchMore():
        board.model.fetchMore()
        main_window.settle()
    ids = [r.id for r in _rows(board)]
    assert len(ids) == len(set(ids)) == board.model.total == _sql(main_window, q.LeadFilter())
    assert len(ids) >= LEADS


@pytest.mark.parametrize("column", [i for i, (_n, key) in enumerate(COLUMNS) if key])
def test_every_sortable_column_sorts_in_sql(qtbot: Any, main_window: Any, board: LeadBoardTab,
                                            column: int) -> None:
    key = COLUMNS[column][1]
    assert key is not None
    header = board.table.horizontalHeader()
    _ask(qtbot, board, lambda: header.setSortIndicator(column, Qt.SortOrder.AscendingOrder))
    assert board.model.query.sort == key and not board.model.query.descending
    with main_window.ctx.workspace.engine.connect() as conn:
        expected = q.page(conn, board.model.query.filter, key, False,
                          clock=q.Clock.at(datetime.now(UTC)), limit=PAGE_SIZE)
    assert [r.id for r in _rows(board)] == [r.id for r in expected.rows]


def test_a_column_sql_cannot_sort_keeps_the_order(qtbot: Any, board: LeadBoardTab) -> None:
    segments = next(i for i, (name, _k) in enumerate(COLUMNS) if name == "segments")
    before = board.model.query
    board.table.horizontalHeader().setSortIndicator(segments, Qt.SortOrder.AscendingOrder)
    assert board.model.query == before
    assert board.table.horizontalHeader().sortIndicatorSection() == board.model.sort_column()


def test_chips_filter_in_the_database(qtbot: Any, main_window: Any, board: LeadBoardTab) -> None:
    chip = board.filters.chips["statuses"]
    _ask(qtbot, board, lambda: (chip.set_values([LeadStatus.QUALIFIED.value]),
                                chip.sig_chip_changed.emit()))
    assert chip.text().startswith("Status: ")
    rows = _rows(board)
    assert rows and all(r.status is LeadStatus.QUALIFIED for r in rows)
    assert board.model.total == _sql(main_window, q.LeadFilter(statuses=("qualified",)))
    source = board.filters.chips["sources"]
    first = source._actions[0][0]  # noqa: SLF001
    _ask(qtbot, board, lambda: (source.set_values([first]), source.sig_chip_changed.emit()))
    assert all(r.status is LeadStatus.QUALIFIED and r.source == first for r in _rows(board))
    _ask(qtbot, board, board.filters.clear)
    assert not board.filters.narrows()


def test_queues(qtbot: Any, main_window: Any, board: LeadBoardTab) -> None:
    _ask(qtbot, board, lambda: board.filters.set_queue("unassigned"))
    rows = _rows(board)
    assert rows and all(r.owner_id is None and r.status.is_open for r in rows)
    _ask(qtbot, board, lambda: board.filters.set_queue("overdue"))
    now = datetime.now(UTC)
    assert all(r.first_contacted_at is None and r.sla_due_at is not None and r.sla_due_at < now
               for r in _rows(board))
    assert board.model.total == _sql(main_window, q.LeadFilter(sla_states=(SlaState.OVERDUE,)))


def test_search_finds_a_person(qtbot: Any, main_window: Any, board: LeadBoardTab) -> None:
    _ask(qtbot, board, lambda: board.filters.set_queue("all"))
    someone = _rows(board)[7]
    surname = someone.person_name.split()[-1]
    _ask(qtbot, board, lambda: (board.filters.search.setText(surname), board.filters.flush()))
    rows = _rows(board)
    assert someone.id in {r.id for r in rows}
    assert board.model.total == _sql(main_window, q.LeadFilter(search=surname))


def test_selection_shows_the_bulk_bar_and_assigns_with_undo(
        qtbot: Any, main_window: Any, board: LeadBoardTab) -> None:
    selection = board.table.selectionModel()
    for row in range(3):
        selection.select(board.model.index(row, 0), QItemSelectionModel.SelectionFlag.Select
                         | QItemSelectionModel.SelectionFlag.Rows)
    assert board.bulk_bar.isVisibleTo(board)
    assert board.selected_label.text() == "3 leads selected"
    ids = board.selected_ids()
    before = {r.id: r.owner_id for r in _rows(board)[:3]}
    owner_id, name = board.board_actions.choices.owners[0]
    with qtbot.waitSignal(main_window.ops.changes_did_happen, timeout=20_000):
        board.board_actions.assign(ids, owner_id, name)
    main_window.settle()
    engine = main_window.ctx.workspace.engine
    with engine.connect() as conn:
        owners = dict(conn.execute(sa.select(t.leads.c.id, t.leads.c.owner_id)
                                   .where(t.leads.c.id.in_(ids))).tuples().all())
    assert set(owners.values()) == {owner_id}
    assert {board.model.row_at(board.model.row_of(i) or 0).owner for i in ids} == {name}
    with qtbot.waitSignal(main_window.ops.changes_did_happen, timeout=20_000):
        main_window.undo_stack.undo()
    main_window.settle()
    with engine.connect() as conn:
        owners = dict(conn.execute(sa.select(t.leads.c.id, t.leads.c.owner_id)
                                   .where(t.leads.c.id.in_(ids))).tuples().all())
    assert owners == before


def test_saved_view_round_trip(qtbot: Any, main_window: Any, board: LeadBoardTab) -> None:
    chip = board.filters.chips["segments"]
    _ask(qtbot, board, lambda: (chip.set_values(["hot"]), chip.sig_chip_changed.emit()))
    board.set_order(q.SortKey.SCORE, True)
    board.board_actions.save_view("Hot leads by score")
    main_window.settle()
    assert [v.name for v in board.board_actions.views] == ["Hot leads by score"]
    _ask(qtbot, board, board.filters.clear)
    _ask(qtbot, board, lambda: board.board_actions.show_view(board.board_actions.views[0]))
    assert board.filters.chips["segments"].values() == ["hot"]
    assert board.model.query.sort == q.SortKey.SCORE and board.model.query.descending
    assert all("hot" in r.segments for r in _rows(board))
    board.board_actions.delete_view("Hot leads by score")
    main_window.settle()
    assert board.board_actions.views == []


def test_overdue_leads_are_coloured(qtbot: Any, board: LeadBoardTab) -> None:
    _ask(qtbot, board, lambda: board.filters.set_queue("overdue"))
    assert board.model.rowCount() > 0
    sla = SLA_COLUMN
    colour = board.model.data(board.model.index(0, sla), Qt.ItemDataRole.BackgroundRole)
    assert colour is not None
    assert board.model.data(board.model.index(0, sla)).startswith(("overdue by ", "overdue since "))
    assert board.model.data(board.model.index(0, 0), ROW_ROLE) is board.model.row_at(0)
