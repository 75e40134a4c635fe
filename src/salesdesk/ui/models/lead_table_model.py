"""The lead board's table: every lead matching the board's query, paged from SQL.

Built for a million leads: the first page arrives on its own (a keyset page is a few
milliseconds through the sort's index), the total follows in a second job, and the view
fetches the next page by keyset as the user scrolls. Sorting and filtering are new SQL
queries (storage/lead_queries.py), never a proxy over rows in Python. Pages that arrive
after the query changed are dropped.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtGui import QColor

from salesdesk.domain.speed_to_lead import AgeBucket, BusinessHours, age_bucket
from salesdesk.storage.lead_queries import Clock, Cursor, LeadFilter, LeadPage, LeadRow, SortKey
from salesdesk.ui.i18n import tr
from salesdesk.ui.lead_format import age_colour, contacted_text, deadline_text, status_text

if TYPE_CHECKING:
    import sqlalchemy as sa

Index = QModelIndex | QPersistentModelIndex
ROOT = QModelIndex()
Read = Callable[[Callable[["sa.Connection"], Any], Callable[[Any], None]], None]
"""Runs a query on the worker and hands its result to the callback on the UI thread."""
ROW_ROLE = Qt.ItemDataRole.UserRole
PAGE_SIZE = 200
MUTED = QColor("#6b7785")

# (column, its sort key or None when the column cannot be sorted in SQL)
COLUMNS: tuple[tuple[str, SortKey | None], ...] = (
    ("person", SortKey.PERSON), ("company", SortKey.COMPANY), ("status", SortKey.STATUS),
    ("sla", SortKey.SLA_DUE), ("score", SortKey.SCORE), ("segments", None),
    ("owner", None), ("territory", SortKey.TERRITORY), ("source", SortKey.SOURCE),
    ("received", SortKey.RECEIVED))
SORTABLE = tuple(i for i, (_name, key) in enumerate(COLUMNS) if key is not None)
SLA_COLUMN, SCORE_COLUMN = 3, 4


def _headers() -> tuple[str, ...]:
    return (tr("Person"), tr("Company"), tr("Status"), tr("First contact"), tr("Score"),
            tr("Segments"), tr("Owner"), tr("Territory"), tr("Source"), tr("Received"))


@dataclass(frozen=True)
class LeadQuery:
    """Which leads the table shows and in which order."""

    filter: LeadFilter = field(default_factory=LeadFilter)
    sort: SortKey = SortKey.RECEIVED
    descending: bool = True


def _page(query: LeadQuery, clock: Clock, after: Cursor | None,
          limit: int) -> Callable[[sa.Connection], LeadPage]:
    def run(conn: sa.Connection) -> LeadPage:
        from salesdesk.storage import lead_queries as q  # on the worker

        return q.page(conn, query.filter, query.sort, query.descending, clock=clock,
                      limit=limit, after=after)
    return run


def _count(query: LeadQuery, clock: Clock) -> Callable[[sa.Connection], int]:
    def run(conn: sa.Connection) -> int:
        from salesdesk.storage import lead_queries as q  # on the worker

        return q.count(conn, query.filter, clock=clock)
    return run


class LeadTableModel(QAbstractTableModel):
    sig_total_changed = Signal(int)
    """The number of leads matching the query (all pages) is known or changed."""
    sig_first_page = Signal()
    """The first page of a new query is shown (the board's timing and selection hook)."""

    def __init__(self, read: Read, page_size: int = PAGE_SIZE, parent: Any = None):
        super().__init__(parent)
        self._read, self._page_size = read, page_size
        self._query = LeadQuery()
        self._hours = BusinessHours()
        self._clock = Clock.at(datetime.now(UTC))
        self._rows: list[LeadRow] = []
        self._next: Cursor | None = None
        self._total: int | None = None
        self._generation = 0
        self._pending = False

    # --- what to show ----------------------------------------------------------------
    @property
    def query(self) -> LeadQuery:
        return self._query

    @property
    def total(self) -> int | None:
        """None until counted."""
        return self._total

    @property
    def loading(self) -> bool:
        return self._pending

    def set_hours(self, hours: BusinessHours) -> None:
        """The business hours ageing colours are measured in."""
        self._hours = hours

    def set_query(self, query: LeadQuery) -> None:
        """Show other leads (or the same ones after a change), from the first page."""
        self._query = query
        self.reload(keep_loaded=False)

    def reload(self, keep_loaded: bool = True, now: datetime | None = None) -> None:
        """Query again as of now; with `keep_loaded` as many rows as are shown, so the view
        keeps its place."""
        self._generation += 1
        self._clock = Clock.at(now or datetime.now(UTC), self._hours)
        limit = max(self._page_size, len(self._rows)) if keep_loaded else self._page_size
        self._request(None, limit)
        generation, query = self._generation, self._query
        self._read(_count(query, self._clock),
                   lambda n: self._counted(generation, n))

    def row_at(self, row: int) -> LeadRow | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def ids_of(self, rows: list[int]) -> list[str]:
        return [self._rows[r].id for r in rows if 0 <= r < len(self._rows)]

    def row_of(self, lead_id: str) -> int | None:
        for i, row in enumerate(self._rows):
            if row.id == lead_id:
                return i
        return None

    # --- paging ----------------------------------------------------------------------
    def _request(self, after: Cursor | None, limit: int) -> None:
        generation = self._generation
        self._pending = True
        self._read(_page(self._query, self._clock, after, limit),
                   lambda page: self._arrived(generation, after is None, page))

    def _arrived(self, generation: int, first: bool, page: LeadPage) -> None:
        if generation != self._generation:
            return  # stale: the query or the order changed meanwhile
        self._pending = False
        self._next = page.next
        if first:
            self.beginResetModel()
            self._rows = list(page.rows)
            self.endResetModel()
            self.sig_first_page.emit()
            return
        if page.rows:
            start = len(self._rows)
            self.beginInsertRows(QModelIndex(), start, start + len(page.rows) - 1)
            self._rows.extend(page.rows)
            self.endInsertRows()

    def _counted(self, generation: int, total: int) -> None:
        if generation != self._generation:
            return
        self._total = total
        self.sig_total_changed.emit(total)

    def canFetchMore(self, parent: Index = ROOT) -> bool:  # noqa: N802
        return not parent.isValid() and not self._pending and self._next is not None

    def fetchMore(self, parent: Index = ROOT) -> None:  # noqa: N802
        if self.canFetchMore(parent):
            self._request(self._next, self._page_size)

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < len(COLUMNS) or COLUMNS[column][1] is None:
            return
        key = COLUMNS[column][1]
        assert key is not None
        descending = order == Qt.SortOrder.DescendingOrder
        if (key, descending) == (self._query.sort, self._query.descending):
            return
        self._query = LeadQuery(self._query.filter, key, descending)
        self.reload(keep_loaded=False)

    def set_order(self, sort: SortKey, descending: bool) -> None:
        """The order of the next query (set_query or reload asks)."""
        self._query = LeadQuery(self._query.filter, sort, descending)

    def sort_column(self) -> int:
        return next(i for i, (_n, key) in enumerate(COLUMNS) if key == self._query.sort)

    # --- QAbstractTableModel ---------------------------------------------------------
    def rowCount(self, parent: Index = ROOT) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = ROOT) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(COLUMNS):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return _headers()[section]
        if role == Qt.ItemDataRole.ToolTipRole and COLUMNS[section][1] is None:
            return tr("This column cannot be sorted")
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return _align(section)
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        row = self.row_at(index.row()) if index.isValid() else None
        if row is None or not 0 <= index.column() < len(COLUMNS):
            return None
        column = index.column()
        if role == ROW_ROLE:
            return row
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(row, column)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tip(row, column)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return _align(column)
        if role == Qt.ItemDataRole.BackgroundRole and column == SLA_COLUMN:
            return self._age_colour(row)
        if role == Qt.ItemDataRole.ForegroundRole and not row.status.is_open:
            return MUTED
        return None

    def _text(self, row: LeadRow, column: int) -> str:
        name = COLUMNS[column][0]
        if name == "person":
            return row.person_name or row.email or "—"
        if name == "status":
            return status_text(row.status)
        if name == "score":
            return str(row.score)
        if name == "segments":
            return ", ".join(row.segments) or "—"
        if name == "received":
            return _moment(row.received_at, self._hours)
        if name == "sla":
            return self._sla_text(row)
        value = {"company": row.company, "owner": row.owner, "territory": row.territory,
                 "source": row.source}[name]
        return value or "—"

    def _tip(self, row: LeadRow, column: int) -> str:
        name = COLUMNS[column][0]
        if name == "person" and row.email:
            return f"{row.person_name} <{row.email}>"
        if name == "status" and row.status_reason:
            return tr("{0}: {1}").format(status_text(row.status), row.status_reason)
        if name == "sla":
            return self._sla_tip(row)
        return self._text(row, column)

    def _sla_text(self, row: LeadRow) -> str:
        if row.first_contacted_at is not None:
            arrived = row.received_at or row.first_contacted_at
            return contacted_text(arrived, row.first_contacted_at, self._hours)
        if row.sla_due_at is None or not row.status.is_open:
            return "—"
        return deadline_text(row.sla_due_at, self._clock.now, self._hours)

    def _sla_tip(self, row: LeadRow) -> str:
        if row.first_contacted_at is not None:
            return tr("First contacted {0} (business time from arrival)").format(
                _moment(row.first_contacted_at, self._hours))
        if row.sla_due_at is None:
            return tr("No first-contact deadline applies to this lead")
        return tr("First contact due {0}").format(_moment(row.sla_due_at, self._hours))

    def _age_colour(self, row: LeadRow) -> QColor | None:
        if not row.status.is_open or row.first_contacted_at is not None:
            return None
        arrived = row.received_at
        if arrived is None:
            return None
        bucket = age_bucket(arrived, row.sla_due_at, None, self._clock.now, self._hours)
        return None if bucket is AgeBucket.CONTACTED else age_colour(bucket)


def _moment(at: datetime | None, hours: BusinessHours) -> str:
    if at is None:
        return "—"
    return hours.local(at).strftime("%Y-%m-%d %H:%M")


def _align(column: int) -> int:
    right = column == SCORE_COLUMN
    return int((Qt.AlignmentFlag.AlignRight if right else Qt.AlignmentFlag.AlignLeft)
               | Qt.AlignmentFlag.AlignVCenter)
