"""The Pipeline tab: deals on a kanban board (or in a list), filtered, replayable "as of"
a past day, moved between stages by drag and drop or keys, every move undoable.

All database work goes through ctx (the serial worker). A read of the board queued after a
move shows the move once saved, or the truth after a refused one (a deal changed
elsewhere: Ops shows the conflict); change announcements that arrive while such a read is
on its way need no read of their own, since the worker runs jobs in order.
"""

from __future__ import annotations

import importlib
from dataclasses import dataclass
from datetime import UTC, date, datetime, time
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QDate, QTimer, Signal
from PySide6.QtGui import QAction, QShowEvent
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QLabel,
    QMenu,
    QPushButton,
    QStackedWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from salesdesk.services import pipeline_setup as setup_svc
from salesdesk.services.common import OpChanges
from salesdesk.storage.rows import Board, DealCard, FilterChoices, StageRow
from salesdesk.ui import pipeline_edits
from salesdesk.ui import pipeline_moves as moves
from salesdesk.ui.context import UiContext
from salesdesk.ui.i18n import tr
from salesdesk.ui.models.board_model import day_text, money_text
from salesdesk.ui.models.deal_list_model import DealQuery
from salesdesk.ui.ops import user_message
from salesdesk.ui.pipeline_board import BoardView
from salesdesk.ui.pipeline_cards import move_hint
from salesdesk.ui.pipeline_filters import PipelineFilters
from salesdesk.ui.pipeline_list import DealListPanel
from salesdesk.ui.team_views import MessageStack

if TYPE_CHECKING:
    import sqlalchemy as sa

    from salesdesk.storage.rows import DealFilter

REPLAY_STYLE = "background: #fff4d6; color: #5c4400; border: 1px solid #f0d58c; " \
               "border-radius: 4px; padding: 6px 10px;"
NOTICE_STYLE = "color: #5f6b7a;"
DATE_DELAY_MS = 300
"""Stepping the "as of" date through several days reads the board once, at the end."""


@dataclass(frozen=True)
class BoardData:
    pipelines: tuple[tuple[str, str], ...]
    pipeline_id: str | None
    board: Board | None
    choices: FilterChoices | None
    """None when not asked for (the ones shown are still current)."""


def load_board(pipeline_id: str | None, flt: DealFilter,
               as_of: datetime | None, choices: bool = True) -> Any:
    """The read behind the tab (runs on the worker, where SQLAlchemy is imported). The
    filter choices are read only when asked: a filter change does not change them."""
    def query(conn: sa.Connection) -> BoardData:
        from salesdesk.storage import pipeline_queries as q

        found = tuple(q.pipelines(conn))
        chosen = pipeline_id if any(p[0] == pipeline_id for p in found) else \
            (found[0][0] if found else None)
        board = q.board(conn, chosen, flt, as_of, open_limit=q.OPEN_PAGE) if chosen else None
        return BoardData(found, chosen, board, q.filter_choices(conn) if choices else None)
    return query


def end_of_day(day: date) -> datetime:
    """The last moment of `day` (UTC), which an "as of" replay shows."""
    return datetime.combine(day, time.max, tzinfo=UTC)


class PipelineTab(QWidget):
    sig_board_loaded = Signal()
    """A freshly read board is on screen."""

    def __init__(self, ctx: UiContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.currency = ""
        self.pipeline_id: str | None = None
        self.pipelines: tuple[tuple[str, str], ...] = ()
        """(id, name) of every pipeline, as read with the board."""
        self.board: Board | None = None
        self.choices = FilterChoices((), (), (), (), ())
        self._choices_known = False
        self.loaded = False
        self._wanted = False
        self._generation = 0
        self._latest = [0]  # the newest read asked for, as the worker sees it
        self._loading = False
        self._select_after: str | None = None
        self._make_widgets()
        self._lay_out()
        self._connect()

    # --- construction ------------------------------------------------------------------
    def _make_widgets(self) -> None:
        self.filters = PipelineFilters()
        self.board_button = QPushButton(tr("Board"), checkable=True, checked=True)
        self.list_button = QPushButton(tr("List"), checkable=True)
        self.view_group = QButtonGroup(self, exclusive=True)
        for i, button in enumerate((self.board_button, self.list_button)):
            self.view_group.addButton(button, i)
        self.pipeline_combo = QComboBox()
        self.pipeline_combo.hide()
        self.as_of_check = QCheckBox(tr("As of"), toolTip=tr(
            "Replay the board as it stood at the end of this day, from the stage history"))
        yesterday = QDate.currentDate().addDays(-1)
        self.as_of_edit = QDateEdit(yesterday, calendarPopup=True, displayFormat="d MMM yyyy",
                                    enabled=False)
        self.as_of_edit.setMaximumDate(QDate.currentDate())
        self.today_button = QPushButton(tr("Today"), enabled=False,
                                        toolTip=tr("Back to the live board"))
        self.new_button = QPushButton(tr("New deal…"))
        self.settings_button = self._settings_button()
        self.replay_banner = QLabel(wordWrap=True)
        self.replay_banner.setStyleSheet(REPLAY_STYLE)
        self.replay_banner.hide()
        self.board_view = BoardView()
        self.list_panel = DealListPanel(self.ctx)
        self.board_page = MessageStack(self.board_view)
        self.board_page.show_message(tr("Loading the pipeline…"))
        self.pages = QStackedWidget()
        self.pages.addWidget(self.board_page)
        self.pages.addWidget(self.list_panel)
        self.summary = QLabel(wordWrap=True)
        self.summary.setStyleSheet(NOTICE_STYLE)

    def _settings_button(self) -> QToolButton:
        """Opens the settings of the pipeline shown; its menu adds and removes pipelines."""
        button = QToolButton(text=tr("Pipeline settings…"),
                             popupMode=QToolButton.ToolButtonPopupMode.MenuButtonPopup)
        self.edit_pipeline_action = QAction(tr("Edit stages and name…"), self,
                                            triggered=self.pipeline_settings)
        self.new_pipeline_action = QAction(tr("New pipeline…"), self,
                                           triggered=self.new_pipeline)
        self.remove_pipeline_action = QAction(tr("Remove this pipeline…"), self,
                                              enabled=False, triggered=self.remove_pipeline)
        menu = QMenu(button)
        for action in (self.edit_pipeline_action, self.new_pipeline_action,
                       self.remove_pipeline_action):
            menu.addAction(action)
        button.setMenu(menu)
        return button

    def _lay_out(self) -> None:
        second = QHBoxLayout()
        for widget in (self.board_button, self.list_button):
            second.addWidget(widget)
        second.addSpacing(12)
        second.addWidget(self.pipeline_combo)
        second.addWidget(self.as_of_check)
        second.addWidget(self.as_of_edit)
        second.addWidget(self.today_button)
        second.addStretch(1)
        second.addWidget(self.new_button)
        second.addWidget(self.settings_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 10, 12, 8)
        layout.addWidget(self.filters)
        layout.addLayout(second)
        layout.addWidget(self.replay_banner)
        layout.addWidget(self.pages, 1)
        layout.addWidget(self.summary)

    def _connect(self) -> None:
        self.filters.sig_filter_changed.connect(self.refresh)
        self.view_group.idToggled.connect(self._view_toggled)
        self.pipeline_combo.currentIndexChanged.connect(self._pipeline_chosen)
        self.as_of_check.toggled.connect(self._as_of_toggled)
        self._date_timer = QTimer(self, singleShot=True, interval=DATE_DELAY_MS)
        self._date_timer.timeout.connect(self.refresh)
        self.as_of_edit.dateChanged.connect(lambda _d: self._date_timer.start())
        self.today_button.clicked.connect(lambda: self.as_of_check.setChecked(False))
        self.new_button.clicked.connect(self.new_deal)
        self.settings_button.clicked.connect(self.pipeline_settings)
        self.board_view.sig_move_requested.connect(self.request_move)
        self.board_view.sig_open_requested.connect(self.open_deal)
        self.board_view.sig_more_wanted.connect(self._read_more)
        self.list_panel.sig_open_requested.connect(self.open_deal)

    # --- loading -----------------------------------------------------------------------
    def showEvent(self, event: QShowEvent) -> None:  # noqa: N802 (Qt override)
        super().showEvent(event)
        self.ensure_loaded()

    def ensure_loaded(self) -> None:
        """On first show: make sure the workspace has a pipeline, then read the board."""
        if self._wanted:
            return
        self._wanted = True
        uow = self.ctx.uow
        self.ctx.ops.run(lambda _job: setup_svc.ensure_pipeline(uow), parent_widget=self)
        self._load_currency()
        self.refresh()

    def on_changes(self, changes: OpChanges) -> None:
        if not self._wanted:
            return
        if changes.accounts or changes.products:  # the currency is announced so
            self._load_currency()
        concerned = changes.deals or changes.members or changes.teams or \
            changes.territories or changes.accounts or changes.products
        if concerned:
            self._choices_known = False
        if concerned and not self._loading:
            self.refresh()

    def _load_currency(self) -> None:
        from salesdesk.services import workspace_settings

        uow = self.ctx.uow
        self.ctx.ops.run(lambda _job: workspace_settings.currency(uow),
                         on_done=self._set_currency, parent_widget=self)

    def _set_currency(self, code: str) -> None:
        self.currency = code

    @property
    def as_of(self) -> datetime | None:
        """The replayed moment, or None for the live board."""
        if not self.as_of_check.isChecked():
            return None
        return end_of_day(self.as_of_edit.date().toPython())

    @property
    def replaying(self) -> bool:
        return self.as_of is not None

    def deal_filter(self) -> DealFilter:
        as_of = self.as_of
        return self.filters.deal_filter(as_of.date() if as_of else date.today())

    def refresh(self) -> None:
        """Read the board again (and the list, when it is shown). A read still waiting
        on the worker when a newer one is asked for is skipped."""
        if not self._wanted:
            return
        self._generation += 1
        generation, latest, self._loading = self._generation, self._latest, True
        latest[0] = generation
        query = load_board(self.pipeline_id, self.deal_filter(), self.as_of,
                           choices=not self._choices_known)
        engine = self.ctx.workspace.engine

        def job(_job: Any) -> BoardData | None:
            if latest[0] != generation:
                return None  # superseded before it started
            with engine.connect() as conn:
                return query(conn)

        self.ctx.ops.run(job, on_done=lambda data: self._loaded(generation, data),
                         on_error=lambda exc: self._read_failed(generation, exc),
                         parent_widget=self)

    def _read_more(self, stage_id: str, offset: int) -> None:
        """The next page of a long open column, read as the user scrolls down to it."""
        pipeline_id, flt, as_of = self.pipeline_id, self.deal_filter(), self.as_of
        generation = self._generation
        if pipeline_id is None:
            return

        def query(conn: sa.Connection) -> Any:
            from salesdesk.storage import pipeline_queries as q

            return q.stage_cards(conn, pipeline_id, stage_id, flt, as_of, offset=offset)

        def done(cards: Any) -> None:
            column = self.board_view.column_of(stage_id)
            if generation == self._generation and column is not None:
                column.model.append(offset, cards)

        self.ctx.read(query, done, self)

    def _read_failed(self, generation: int, exc: BaseException) -> None:
        if generation == self._generation:
            self._loading = False
            self.board_page.show_message(tr("The pipeline could not be read: {0}").format(
                user_message(exc)))

    def _loaded(self, generation: int, data: BoardData | None) -> None:
        if generation != self._generation or data is None:
            return  # a newer read is on its way
        self._loading, self.loaded = False, True
        self.pipeline_id, self.board = data.pipeline_id, data.board
        if data.choices is not None:
            self.choices, self._choices_known = data.choices, True
            self.filters.set_choices(self.choices)
        self._fill_pipelines(data.pipelines)
        self._show_board()
        if self.pages.currentWidget() is self.list_panel:
            self._load_list()
        self.sig_board_loaded.emit()

    def _fill_pipelines(self, pipelines: tuple[tuple[str, str], ...]) -> None:
        combo = self.pipeline_combo
        combo.blockSignals(True)
        combo.clear()
        for pipeline_id, name in pipelines:
            combo.addItem(name, pipeline_id)
        combo.setCurrentIndex(max(0, combo.findData(self.pipeline_id)))
        combo.setVisible(len(pipelines) > 1)
        combo.blockSignals(False)
        self.pipelines = pipelines
        self.remove_pipeline_action.setEnabled(len(pipelines) > 1)

    def redraw(self) -> None:
        """Show the board read last again: every column's model reset, the headers and
        the summary (what a fresh read costs on screen, without the read)."""
        self._show_board()

    def _show_board(self) -> None:
        board, as_of = self.board, self.as_of
        replay = as_of is not None
        self.replay_banner.setVisible(replay)
        self.new_button.setEnabled(not replay and board is not None)
        self.settings_button.setEnabled(self.pipeline_id is not None)
        self.edit_pipeline_action.setEnabled(self.pipeline_id is not None)
        if as_of is not None:
            self.replay_banner.setText(tr(
                "Replay: the board as it stood at the end of {0}, rebuilt from the stage "
                "history. Deals cannot be moved here; press Today to return to the live "
                "board.").format(day_text(as_of.date())))
        if board is None:
            self.board_page.show_message(tr("This workspace has no pipeline yet."))
            self.summary.setText("")
            return
        now = as_of or datetime.now(UTC)
        self.board_view.set_board(board, self.currency, now, movable=not replay)
        self.board_page.show_message("")
        if self._select_after is not None:
            self.board_view.select_deal(self._select_after, focus=True)
            self._select_after = None
        self.summary.setText(self._summary_text(board, now))

    def _summary_text(self, board: Board, now: datetime) -> str:
        open_columns = [c for c in board.columns if c.stage.is_open]
        count = sum(c.count for c in open_columns)
        amount = sum((c.amount for c in open_columns), Decimal(0))
        weighted = sum((c.weighted for c in open_columns), Decimal(0))
        stale = sum(c.stale for c in open_columns)
        text = tr("{0:,} open deals worth {1}, weighted {2}").format(
            count, money_text(amount, self.currency), money_text(weighted, self.currency))
        if stale:
            text += tr(" · {0:,} stale").format(stale)
        if self.filters.narrows:
            text += tr(" (filtered)")
        board_shown = self.pages.currentWidget() is self.board_page
        return text + "   —   " + move_hint() if board_shown and not self.replaying else text

    # --- list view, pipelines, replay ---------------------------------------------------
    def _view_toggled(self, button_id: int, checked: bool) -> None:
        if not checked:
            return
        self.pages.setCurrentIndex(button_id)
        if button_id == 1:
            self._load_list()
        if self.board is not None:
            self.summary.setText(self._summary_text(self.board, self.as_of or
                                                    datetime.now(UTC)))

    def show_list(self, on: bool = True) -> None:
        (self.list_button if on else self.board_button).setChecked(True)

    def _load_list(self) -> None:
        stages = {c.stage.id: c.stage for c in self.board.columns} if self.board else {}
        self.list_panel.load(DealQuery(self.pipeline_id, self.deal_filter(), self.as_of),
                             stages, self.currency)

    def _pipeline_chosen(self, _index: int) -> None:
        self.pipeline_id = self.pipeline_combo.currentData()
        self.refresh()

    def _as_of_toggled(self, on: bool) -> None:
        self.as_of_edit.setEnabled(on)
        self.today_button.setEnabled(on)
        self.refresh()

    def set_as_of(self, day: date | None) -> None:
        """Replay the board at the end of `day`; None goes back to the live board."""
        if day is not None:
            self.as_of_edit.blockSignals(True)
            self.as_of_edit.setDate(QDate(day.year, day.month, day.day))
            self.as_of_edit.blockSignals(False)
        if self.as_of_check.isChecked() == (day is not None):
            self.refresh()
        else:
            self.as_of_check.setChecked(day is not None)

    # --- moves -------------------------------------------------------------------------
    def _stage(self, stage_id: str) -> StageRow | None:
        if self.board is None:
            return None
        return next((c.stage for c in self.board.columns if c.stage.id == stage_id), None)

    def request_move(self, card: DealCard, stage_id: str) -> None:
        """Move `card` to the stage `stage_id`, asking what the move needs (pipeline_moves).
        The card shows in its new column at once; the board read queued after the move
        shows the stored truth (the move, or nothing moved if it was refused)."""
        current, target = self._stage(card.stage_id), self._stage(stage_id)
        if self.replaying or current is None or target is None or current.id == target.id:
            return
        answers = moves.ask(self, card, current, target, self.currency,
                            self.choices.lost_reasons)
        if answers is None:
            return
        moves.move(self.ctx, self, card, target, answers)
        self._select_after = card.id
        self.board_view.move_card(moves.moved_card(card, target, answers))
        self.refresh()

    # --- the deal dialog and the pipeline settings (ui.deal_edits) ----------------------
    def _deal_edits(self) -> Any:
        try:
            return importlib.import_module("salesdesk.ui.deal_edits")
        except ModuleNotFoundError as exc:
            if exc.name != "salesdesk.ui.deal_edits":
                raise
            self.summary.setText(tr("Deals cannot be opened in this version of SalesDesk."))
            return None

    def new_deal(self) -> None:
        edits = self._deal_edits()
        if edits is None:
            return
        column = self.board_view.current_column()
        stage_id = column.stage.id if column is not None and column.stage.is_open else None
        edits.new_deal(self.ctx, self, stage_id)

    def open_deal(self, deal_id: str) -> None:
        edits = self._deal_edits()
        if edits is not None:
            edits.edit_deal(self.ctx, self, deal_id)

    def pipeline_settings(self) -> None:
        edits = self._deal_edits()
        if edits is not None and self.pipeline_id is not None:
            edits.pipeline_settings(self.ctx, self, self.pipeline_id)

    def new_pipeline(self) -> None:
        """Ask for a new pipeline and show it once added."""
        pipeline_edits.new_pipeline(self.ctx, self, self.pipelines, self.pipeline_id,
                                    on_added=self.show_pipeline)

    def remove_pipeline(self) -> None:
        name = next((n for i, n in self.pipelines if i == self.pipeline_id), None)
        if self.pipeline_id is not None and name is not None:
            pipeline_edits.remove_pipeline(self.ctx, self, self.pipeline_id, name)

    def show_pipeline(self, pipeline_id: str) -> None:
        """Show the board of `pipeline_id` (the first pipeline's, if it is gone)."""
        self.pipeline_id = pipeline_id
        self.refresh()
