"""Accounts paged from SQL: a territory's accounts, or the unassigned ones.

Never loads every row: the first page arrives with the total count, the view asks for more
through canFetchMore/fetchMore as the user scrolls, and clicking a header sorts in SQL
(the rows loaded so far are dropped and the first page of the new order is fetched).
Queries run on the worker through `read` (UiContext.read); a page that arrives after the
filter or the order changed is dropped.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt, Signal

from salesdesk.storage.rows import AccountRow
from salesdesk.ui.i18n import tr

if TYPE_CHECKING:
    import sqlalchemy as sa

Index = QModelIndex | QPersistentModelIndex
ROOT = QModelIndex()
Read = Callable[[Callable[["sa.Connection"], Any], Callable[[Any], None]], None]
"""Runs a query on the worker and hands its result to the callback on the UI thread."""

ROW_ROLE = Qt.ItemDataRole.UserRole
PAGE_SIZE = 200

# AccountRow attribute, SQL sort key (queries.ACCOUNT_SORT); headers in _headers()
COLUMNS = (("name", "name"), ("sector", "sector"), ("country", "country"),
           ("region", "region"), ("employees", "employees"), ("revenue_m", "revenue_m"))


def _headers() -> tuple[str, ...]:
    return (tr("Account"), tr("Industry"), tr("Country"), tr("Region/state"), tr("Employees"),
            tr("Revenue (m)"))
NUMERIC = {4, 5}


@dataclass(frozen=True)
class AccountFilter:
    """Which accounts: those landed in `territory_id`, or with `unassigned` those in no
    live territory. `territory_id=None` and not unassigned shows nothing (no selection)."""

    territory_id: str | None = None
    unassigned: bool = False
    search: str = ""

    @property
    def empty(self) -> bool:
        return self.territory_id is None and not self.unassigned


def _page(flt: AccountFilter, order_by: str, descending: bool, offset: int, limit: int,
          with_total: bool) -> Callable[[sa.Connection], tuple[int | None, list[AccountRow]]]:
    def query(conn: sa.Connection) -> tuple[int | None, list[AccountRow]]:
        from salesdesk.storage import queries  # on the worker, where SQLAlchemy belongs

        rows = queries.accounts(conn, territory_id=flt.territory_id,
                                unassigned=flt.unassigned, search=flt.search,
                                order_by=order_by, descending=descending, offset=offset,
                                limit=limit)
        total = queries.account_count(conn, territory_id=flt.territory_id,
                                      unassigned=flt.unassigned,
                                      search=flt.search) if with_total else None
        return total, rows
    return query


class PagedAccountsModel(QAbstractTableModel):
    sig_total_changed = Signal(int)
    """The number of accounts matching the filter (all pages) is known or changed."""

    def __init__(self, read: Read, page_size: int = PAGE_SIZE, parent: Any = None):
        super().__init__(parent)
        self._read, self._page_size = read, page_size
        self._filter = AccountFilter()
        self._rows: list[AccountRow] = []
        self._total = 0
        self._order_by, self._descending = "name", False
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

    def set_filter(self, flt: AccountFilter) -> None:
        """Show other accounts, starting again from the first page."""
        self._filter = flt
        self.reload(keep_loaded=False)

    def reload(self, keep_loaded: bool = True) -> None:
        """Query again (after a change); with `keep_loaded` as many rows as are shown, so
        the view keeps its place."""
        self._generation += 1
        limit = max(self._page_size, len(self._rows)) if keep_loaded else self._page_size
        if self._filter.empty:
            self._replace([], 0)
            return
        self._request(0, limit, with_total=True)

    def row_at(self, row: int) -> AccountRow | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    # --- paging ----------------------------------------------------------------------
    def _request(self, offset: int, limit: int, *, with_total: bool) -> None:
        generation = self._generation
        self._pending = True
        query = _page(self._filter, self._order_by, self._descending, offset, limit,
                      with_total)
        self._read(query, lambda result: self._arrived(generation, offset, result))

    def _arrived(self, generation: int, offset: int,
                 result: tuple[int | None, list[AccountRow]]) -> None:
        if generation != self._generation:
            return  # stale: the filter or order changed meanwhile
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
            # the table changed meanwhile: trust what is there until the next reload
            self._total = len(self._rows)

    def _replace(self, rows: list[AccountRow], total: int) -> None:
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
        if not 0 <= column < len(COLUMNS):
            return
        self._order_by = COLUMNS[column][1]
        self._descending = order == Qt.SortOrder.DescendingOrder
        self.reload(keep_loaded=False)

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
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int((Qt.AlignmentFlag.AlignRight if section in NUMERIC
                        else Qt.AlignmentFlag.AlignLeft) | Qt.AlignmentFlag.AlignVCenter)
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        row = self.row_at(index.row()) if index.isValid() else None
        if row is None or not 0 <= index.column() < len(COLUMNS):
            return None
        if role == ROW_ROLE:
            return row
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            value = getattr(row, COLUMNS[index.column()][0])
            return _text(value.capitalize() if index.column() == 1 and value else value)
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() in NUMERIC:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None


def _text(value: object) -> str:
    if value is None or value == "":
        return "—"
    if isinstance(value, int):
        return f"{value:,}"
    if isinstance(value, Decimal):
        return f"{value:,.2f}"
    return str(value)
