"""The kanban board: a column per stage (header with count, amount and weighted amount,
then its cards in one CardListView, see pipeline_cards), side by side.

The board asks for moves through signals; it never writes anything itself. A drop is
handed on after the drag has finished, so the dialog a win or a loss needs never opens
inside the drag's own event loop.
"""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal
from html import escape

from PySide6.QtCore import QModelIndex, Qt, QTimer, Signal
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QScrollArea, QVBoxLayout, QWidget

from salesdesk.storage.rows import Board, BoardColumn, DealCard, StageRow
from salesdesk.ui.i18n import tr
from salesdesk.ui.models.board_model import CardsModel, Dragged, money_text
from salesdesk.ui.pipeline_cards import CardListView

OPEN_WIDTH = 250
CLOSED_WIDTH = 220
COLUMN_STYLE = {
    "open": "#stageColumn { background: #f3f5f8; border-radius: 6px; }",
    "won": "#stageColumn { background: #eef6ee; border-radius: 6px; }",
    "lost": "#stageColumn { background: #f4f2f2; border-radius: 6px; }",
}


class StageColumn(QFrame):
    """A column: its header (stage, count, amount, weighted amount) and its cards."""

    def __init__(self, stage: StageRow, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("stageColumn")
        self.model = CardsModel(stage, self)
        self.view = CardListView(self.model)
        self.title = QLabel(textFormat=Qt.TextFormat.RichText)
        self.title.setObjectName("columnTitle")
        self.figures = QLabel(textFormat=Qt.TextFormat.RichText, wordWrap=True)
        self.figures.setObjectName("columnFigures")
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 8, 4, 4)
        layout.setSpacing(2)
        for label in (self.title, self.figures):
            label.setContentsMargins(8, 0, 8, 0)
            layout.addWidget(label)
        layout.addSpacing(4)
        layout.addWidget(self.view, 1)
        self._stage, self._styled = stage, ""
        self._restyle()

    @property
    def stage(self) -> StageRow:
        return self._stage

    def _restyle(self) -> None:
        """Width and colour by outcome; only when the outcome changed (a style sheet
        re-polishes the column, which costs more than reading the board)."""
        stage = self._stage
        if stage.outcome == self._styled:
            return
        self._styled = stage.outcome
        width = OPEN_WIDTH if stage.is_open else CLOSED_WIDTH
        self.setMinimumWidth(width)
        self.setMaximumWidth(16_777_215 if stage.is_open else width + 40)
        self.setStyleSheet(COLUMN_STYLE.get(stage.outcome, COLUMN_STYLE["open"]))

    def show_column(self, column: BoardColumn, currency: str, now: datetime,
                    movable: bool) -> None:
        self._stage = column.stage
        self._restyle()
        self.model.set_cards(column.stage, column.cards, currency=currency, now=now,
                             movable=movable, total=column.count)
        self.title.setText(_title_html(column))
        self.figures.setText(_figures_html(column, currency))
        self.figures.setToolTip(_figures_tooltip(column, currency))
        self.view.empty_text = _empty_text(column, movable)
        self.view.viewport().update()


def _title_html(column: BoardColumn) -> str:
    colour = {"won": "#2e7d32", "lost": "#6b7785"}.get(column.stage.outcome, "#1d2733")
    return (f'<span style="font-size: 14px; font-weight: 600; color: {colour};">'
            f'{escape(column.stage.name)}</span>&nbsp;&nbsp;<span style="color: #5f6b7a;">'
            f'{column.count:,}</span>')


def _figures_html(column: BoardColumn, currency: str) -> str:
    amount = money_text(column.amount, currency)
    if not column.stage.is_open:
        shown = len(column.cards)
        more = tr("latest {0:,} shown").format(shown) if shown < column.count else ""
        return (f'<span style="font-weight: 600;">{amount}</span>'
                + (f'<br><span style="color: #5f6b7a;">{more}</span>' if more else ""))
    weighted = money_text(column.weighted, currency)
    return (f'<span style="font-weight: 600;">{amount}</span><br>'
            f'<span style="color: #5f6b7a;">'
            f'{tr("weighted {0} · {1} %").format(weighted, column.stage.probability)}</span>')


def _figures_tooltip(column: BoardColumn, currency: str) -> str:
    amount = money_text(column.amount, currency, cents=True)
    if not column.stage.is_open:
        return tr("{0:,} deals, {1} in all").format(column.count, amount)
    weighted = money_text(column.weighted.quantize(Decimal("0.01")), currency, cents=True)
    text = tr("{0:,} deals, {1} in all; weighted by each deal's probability: {2}").format(
        column.count, amount, weighted)
    if column.stage.rotting_days:
        text += "\n" + tr("A deal is stale after {0} days in this stage.").format(
            column.stage.rotting_days)
    return text


def _empty_text(column: BoardColumn, movable: bool) -> str:
    if column.count:
        return ""
    if not movable:
        return tr("No deals")
    if column.stage.outcome == "won":
        return tr("Drop a deal here to win it")
    if column.stage.outcome == "lost":
        return tr("Drop a deal here to mark it lost")
    return tr("No deals. Drag one here or use “New deal…”.")


class BoardView(QScrollArea):
    """The columns side by side (scrolling sideways when they do not fit)."""

    sig_move_requested = Signal(object, str)
    """The user moved a card (DealCard) to another stage (its id), by mouse or keys."""
    sig_open_requested = Signal(str)
    """The user opened a deal (double-click, Enter); carries its id."""
    sig_more_wanted = Signal(str, int)
    """A long open column was scrolled to its last card read; carries the stage id and
    the offset of the next page (see CardsModel.fetchMore)."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent, widgetResizable=True, frameShape=QFrame.Shape.NoFrame,
                         verticalScrollBarPolicy=Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.columns: list[StageColumn] = []
        self.board: Board | None = None
        self.movable = True
        self._row = QHBoxLayout()
        self._row.setContentsMargins(0, 4, 0, 0)
        self._row.setSpacing(8)
        inner = QWidget()
        inner.setLayout(self._row)
        self.setWidget(inner)

    # --- showing ---------------------------------------------------------------------
    def set_board(self, board: Board, currency: str, now: datetime, movable: bool) -> None:
        """Show `board`; columns are kept (and their models reset) while the stages stay
        the same, so selection and scroll survive a reload where they can."""
        keep = self.current_card()
        had_focus = any(c.view.hasFocus() for c in self.columns)
        stage_ids = [c.stage.id for c in board.columns]
        if stage_ids != [c.stage.id for c in self.columns]:
            self._rebuild(board)
        self.board, self.movable = board, movable
        for widget, column in zip(self.columns, board.columns, strict=True):
            widget.show_column(column, currency, now, movable)  # keeps its scroll
        if keep is not None:
            self.select_deal(keep.id, focus=had_focus)

    def _rebuild(self, board: Board) -> None:
        for column in self.columns:
            self._row.removeWidget(column)
            column.deleteLater()
        self.columns = [StageColumn(c.stage) for c in board.columns]
        for i, column in enumerate(self.columns):
            self._row.addWidget(column, 1 if column.stage.is_open else 0)
            view = column.view
            view.sig_step_requested.connect(lambda step, i=i: self.step_current(i, step))
            view.sig_focus_requested.connect(lambda step, i=i: self.focus_column(i + step))
            view.sig_open_requested.connect(self.sig_open_requested)
            column.model.sig_deal_dropped.connect(self._dropped)
            column.model.sig_more_wanted.connect(self.sig_more_wanted)

    # --- what is selected ------------------------------------------------------------
    def column_of(self, stage_id: str) -> StageColumn | None:
        return next((c for c in self.columns if c.stage.id == stage_id), None)

    def current_column(self) -> StageColumn | None:
        focused = next((c for c in self.columns if c.view.hasFocus()), None)
        if focused is not None:
            return focused
        return next((c for c in self.columns if c.view.currentIndex().isValid()), None)

    def current_card(self) -> DealCard | None:
        column = self.current_column()
        return column.view.current_card() if column else None

    def find_card(self, deal_id: str) -> DealCard | None:
        for column in self.columns:
            row = column.model.row_of(deal_id)
            if row >= 0:
                return column.model.card(row)
        return None

    def select_deal(self, deal_id: str, *, focus: bool = False) -> bool:
        """Make the deal's card current (clearing the others); False if not shown."""
        found = False
        for column in self.columns:
            row = column.model.row_of(deal_id)
            view = column.view
            if row < 0:
                view.clearSelection()
                view.setCurrentIndex(QModelIndex())
                continue
            index = column.model.index(row)
            view.setCurrentIndex(index)
            view.scrollTo(index)
            if focus:
                view.setFocus()
            self.ensureWidgetVisible(column)
            found = True
        return found

    # --- moving ----------------------------------------------------------------------
    def move_card(self, card: DealCard) -> None:
        """Show `card` in the column of its (new) stage at once, selected; the board read
        after the move is saved replaces it with the stored truth."""
        target = self.column_of(card.stage_id)
        if target is None:
            return
        had_focus = any(c.view.hasFocus() for c in self.columns)
        for column in self.columns:
            column.model.take(card.id)
        target.model.put(card)
        self.select_deal(card.id, focus=had_focus)

    def step_current(self, column_index: int, step: int) -> None:
        """Move the current card of column `column_index` to the stage `step` away."""
        target = column_index + step
        card = self.columns[column_index].view.current_card()
        if card is None or not 0 <= target < len(self.columns) or not self.movable:
            return
        self.sig_move_requested.emit(card, self.columns[target].stage.id)

    def focus_column(self, index: int) -> None:
        """Focus column `index`, on the card at the same height as the one left."""
        if not 0 <= index < len(self.columns):
            return
        view, rows = self.columns[index].view, self.columns[index].model.rowCount()
        if rows:
            view.setCurrentIndex(view.model().index(min(self._current_row(), rows - 1), 0))
        view.setFocus()
        self.ensureWidgetVisible(self.columns[index])

    def _current_row(self) -> int:
        column = self.current_column()
        return max(0, column.view.currentIndex().row()) if column else 0

    def _dropped(self, dragged: Dragged, stage_id: str) -> None:
        # Asked later: the drop's own event handling (and the drag loop) must finish before
        # a dialog may ask for the won amount or the lost reason.
        QTimer.singleShot(0, self, lambda: self._ask_move(dragged, stage_id))

    def _ask_move(self, dragged: Dragged, stage_id: str) -> None:
        card = self.find_card(dragged.deal_id)
        if card is None or card.stage_id != dragged.stage_id:
            return  # the board was read again meanwhile and the card moved
        self.sig_move_requested.emit(card, stage_id)
