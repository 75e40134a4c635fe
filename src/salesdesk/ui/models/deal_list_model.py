"""The pipeline's list view: every deal matching the board's filter, paged from SQL.

Like the paged accounts (accounts_model.py): the first page arrives with the total, the
view fetches more as the user scrolls, and a header click sorts in SQL (pipeline_queries.
deal_list), never in a proxy. Pages that arrive after the query changed are dropped.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import datetime
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QColor

from salesdesk.storage.rows import DealCard, DealFilter, StageRow
from salesdesk.ui.i18n import tr
from salesdesk.ui.models.board_model import day_text, money_text

if TYPE_CHECKING:
    import sqlalchemy as sa

Index = QModelIndex | QPersistentModelIndex
ROOT = QModelIndex()
Read = Callable[[Callable[["sa.Connection"], Any], Callable[[Any], None]], None]
"""Runs a query on the worker and hands its result to the callback on the UI thread."""
CARD_ROLE = Qt.ItemDataRole.UserRole
PAGE_SIZE = 200
MUTED = QColor("#6b7785")
LATE = QColor("#b3261e")

# sort key of pipeline_queries.DEAL_SORT per column; headers in _headers()
SORT_KEYS = ("title", "account", "owner", "stage", "amount", "probability", "expected_close",
             "created_on")
NUMERIC = {4, 5}


def _headers() -> tuple[str, ...]:
    return (tr("Deal"), tr("Account"), tr("Owner"), tr("Stage"), tr("Amount"),
            tr("Probability"), tr("Expected close"), tr("Created"))


@dataclass(frozen=True)
class DealQuery:
    """Which deals the list shows: those of `pipeline_id` matching `filter`, as they
    stood at `as_of` (None = now)."""

    pipeline_id: str | None = None
    filter: DealFilter = field(default_factory=DealFilter)
    as_of: datetime | None = None


def _page(query: DealQuery, order_by: str, descending: bool, offset: int, limit: int,
          with_total: bool) -> Callable[[sa.Connection], tuple[int | None, list[DealCard]]]:
    def run(conn: sa.Connection) -> tuple[int | None, list[DealCard]]:
        from salesdesk.storage import pipeline_queries as q  # on the worker

        assert query.pipeline_id is not None
        rows = q.deal_list(conn, query.pipeline_id, query.filter, as_of=query.as_of,
                           order_by=order_by, descending=descending, offset=offset,
                           limit=limit)
        total = q.deal_count(conn, query.pipeline_id, query.filter,
                             query.as_of) if with_total else None
        return total, rows
    return run


class DealListModel(QAbstractTableModel):
    sig_total_changed = Signal(int)
    """The number of deals matching the query (all pages) is known or changed."""

    def __init__(self, read: Read, page_size: int = PAGE_SIZE, parent: Any = None):
        super().__init__(parent)
        self._read, self._page_size = read, page_size
        self._query = DealQuery()
        self._stages: dict[str, StageRow] = {}
        self.currency = ""
        self._rows: list[DealCard] = []
        self._total = 0
        self._order_by, self._descending = "expected_close", False
        self._generation = 0
        self._pending = False

    # --- what to show ----------------------------------------------------------------
    @property
    def total(self) -> int:
        return self._total

    @property
    def loading(self) -> bool:
        return self._pending

    @property
    def sort_key(self) -> tuple[str, bool]:
        return self._order_by, self._descending

    @property
    def query(self) -> DealQuery:
        return self._query

    def set_query(self, query: DealQuery, stages: Mapping[str, StageRow],
                  currency: str) -> None:
        """Show other deals (or the same ones after a change), from the first page."""
        self._query, self._stages, self.currency = query, dict(stages), currency
        self.reload(keep_loaded=False)

    def set_stages(self, stages: Mapping[str, StageRow], currency: str) -> None:
        """Stage names and currency for the rows (shown from the next page on)."""
        self._stages, self.currency = dict(stages), currency

    def reload(self, keep_loaded: bool = True) -> None:
        """Query again; with `keep_loaded` as many rows as are shown, so the view keeps
        its place."""
        self._generation += 1
        if self._query.pipeline_id is None:
            self._replace([], 0)
            return
        limit = max(self._page_size, len(self._rows)) if keep_loaded else self._page_size
        self._request(0, limit, with_total=True)

    def row_at(self, row: int) -> DealCard | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    # --- paging ----------------------------------------------------------------------
    def _request(self, offset: int, limit: int, *, with_total: bool) -> None:
        generation = self._generation
        self._pending = True
        page = _page(self._query, self._order_by, self._descending, offset, limit,
                     with_total)
        self._read(page, lambda result: self._arrived(generation, offset, result))

    def _arrived(self, generation: int, offset: int,
                 result: tuple[int | None, list[DealCard]]) -> None:
        if generation != self._generation:
            return  # stale: the query or the order changed meanwhile
        self._pending = False
        total, rows = result
        if offset == 0:
            self._replace(rows, total if total is not None else len(rows))
            return
        if rows:
            start = len(self._rows)
            self.beginInsertRows(QModelIndex(), start, start + len(rows) - 1)
            self._rows.extend(rows)
            self.endInsertRows()
        if len(rows) < self._page_size or len(self._rows) > self._total:
            self._total = len(self._rows)  # the deals changed meanwhile

    def _replace(self, rows: list[DealCard], total: int) -> None:
        self.beginResetModel()
        self._rows, self._pending, self._total = list(rows), False, max(total, len(rows))
        self.endResetModel()
        self.sig_total_changed.emit(self._total)

    def canFetchMore(self, parent: Index = ROOT) -> bool:  # noqa: N802
        return not parent.isValid() and not self._pending and len(self._rows) < self._total

    def fetchMore(self, parent: Index = ROOT) -> None:  # noqa: N802
        if self.canFetchMore(parent):
            self._request(len(self._rows), self._page_size, with_total=False)

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < len(SORT_KEYS):
            return
        key, descending = SORT_KEYS[column], order == Qt.SortOrder.DescendingOrder
        if (key, descending) == (self._order_by, self._descending):
            return
        self._order_by, self._descending = key, descending
        self.reload(keep_loaded=False)

    # --- QAbstractTableModel ---------------------------------------------------------
    def rowCount(self, parent: Index = ROOT) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = ROOT) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(SORT_KEYS)

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(SORT_KEYS):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return _headers()[section]
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return _align(section)
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        card = self.row_at(index.row()) if index.isValid() else None
        if card is None or not 0 <= index.column() < len(SORT_KEYS):
            return None
        column = index.column()
        if role == CARD_ROLE:
            return card
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return self._text(card, column)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return _align(column)
        if role == Qt.ItemDataRole.ForegroundRole:
            return self._colour(card, column)
        return None

    def _stage(self, card: DealCard) -> StageRow | None:
        return self._stages.get(card.stage_id)

    def _text(self, card: DealCard, column: int) -> str:
        if column == 0:
            return card.title or card.reference or "—"
        if column in (1, 2):
            return (card.account if column == 1 else card.owner) or "—"
        if column == 3:
            return self._stage_text(card)
        if column == 4:
            return money_text(card.amount, self.currency, cents=True)
        if column == 5:
            return f"{card.probability} %"
        day = card.expected_close if column == 6 else card.created_on
        return day_text(day) if day else "—"

    def _stage_text(self, card: DealCard) -> str:
        stage = self._stage(card)
        name = stage.name if stage else "—"
        if stage is None or stage.is_open or card.closed_on is None:
            return name
        text = tr("{0} on {1}").format(name, day_text(card.closed_on))
        return tr("{0} ({1})").format(text, card.lost_reason) if card.lost_reason else text

    def _colour(self, card: DealCard, column: int) -> QColor | None:
        stage = self._stage(card)
        if stage is not None and not stage.is_open:
            return MUTED if stage.outcome == "lost" else None
        today = (self._query.as_of or datetime.now()).date()
        if column == 6 and card.expected_close and card.expected_close < today:
            return LATE
        return None


def _align(column: int) -> int:
    return int((Qt.AlignmentFlag.AlignRight if column in NUMERIC else Qt.AlignmentFlag.AlignLeft)
               | Qt.AlignmentFlag.AlignVCenter)
