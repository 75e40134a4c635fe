"""The kanban board's models: one list model per stage column, over DealCard tuples.

A column model is replaced whole (a model reset) whenever the board is read again, so a
column of 10,000 open deals costs one reset, never 10,000 row inserts; what a card shows
is worked out lazily, the first time the delegate paints or a tooltip asks for it.
Dragging a card carries its deal id, version and stage in MIME_TYPE; dropping it on
another column emits sig_deal_dropped and moves nothing itself (the tab asks for the
won amount or lost reason and runs the move as an undoable edit).
"""

from __future__ import annotations

import json
import zlib
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime
from decimal import ROUND_HALF_UP, Decimal
from html import escape
from typing import Any

from PySide6.QtCore import (
    QDate,
    QLocale,
    QMimeData,
    QModelIndex,
    QPersistentModelIndex,
    QStringListModel,
    Qt,
    Signal,
)

from salesdesk.domain.deals import days_in_stage
from salesdesk.storage.rows import DealCard, StageRow
from salesdesk.ui.i18n import tr

Index = QModelIndex | QPersistentModelIndex
ROOT = QModelIndex()
MIME_TYPE = "application/x-salesdesk-deal"
CARD_ROLE = Qt.ItemDataRole.UserRole
TEXT_ROLE = Qt.ItemDataRole.UserRole + 1
"""The card's CardText (what the delegate paints)."""

SYMBOLS = {"EUR": "€", "USD": "$", "GBP": "£", "JPY": "¥", "CNY": "¥", "INR": "₹",
           "KRW": "₩", "BRL": "R$", "AUD": "A$", "CAD": "C$"}


# --- words and figures -------------------------------------------------------------------
def money_text(amount: Decimal, currency: str, *, cents: bool = False) -> str:
    """'€12,400' (or '12,400 CHF' for a currency without a symbol), exact: rounded half
    up to the unit, or to the cent with `cents`."""
    step = Decimal("0.01") if cents else Decimal(1)
    number = amount.quantize(step, rounding=ROUND_HALF_UP)
    text = f"{number:,.2f}" if cents else f"{number:,.0f}"
    symbol = SYMBOLS.get(currency)
    return f"{symbol}{text}" if symbol else f"{text} {currency}"


def day_text(day: date) -> str:
    """'3 Mar 2017', month in the user's language (never ambiguous)."""
    return QLocale().toString(QDate(day.year, day.month, day.day), "d MMM yyyy")


def initials(name: str | None) -> str:
    """'Anna Snelling' -> 'AS'; one name -> its first two letters."""
    parts = (name or "").split()
    if not parts:
        return ""
    if len(parts) == 1:
        return parts[0][:2].upper()
    return (parts[0][0] + parts[-1][0]).upper()


OWNER_COLOURS = ("#3b6fb6", "#2e7d6b", "#8e44ad", "#b35c00", "#1f7a8c", "#a33b5b",
                 "#5d6d3a", "#4a5a8c")


def owner_colour(owner_id: str | None) -> str:
    """A stable colour per owner, so one rep's cards are recognisable at a glance."""
    return OWNER_COLOURS[zlib.crc32((owner_id or "").encode()) % len(OWNER_COLOURS)]


def age_text(days: int) -> str:
    """Time in stage as a person says it: days, then months, then years."""
    if days == 1:
        return tr("1 day in stage")
    if days < 90:
        return tr("{0} days in stage").format(days)
    if days < 730:
        return tr("{0} months in stage").format(days // 30)
    return tr("{0} years in stage").format(days // 365)


def aware(moment: datetime) -> datetime:
    """Stored moments are UTC; a naive one (an old row) is taken as UTC."""
    return moment if moment.tzinfo is not None else moment.replace(tzinfo=UTC)


@dataclass(frozen=True)
class CardText:
    """What one card shows, in words."""

    label: str
    amount: str
    when: str          # "Close 12 Mar 2017", "Won 3 Mar 2017", "Lost 3 Mar 2017 · Price"
    late: bool         # an open deal past its expected close date
    age: str           # "52 days in stage" ("" for won and lost deals)
    rotting: bool
    initials: str
    colour: str


@dataclass(frozen=True)
class Dragged:
    """What a dragged card carries."""

    deal_id: str
    version: int
    stage_id: str


def deal_mime(card: DealCard) -> QMimeData:
    mime = QMimeData()
    payload = {"deal_id": card.id, "version": card.version, "stage_id": card.stage_id}
    mime.setData(MIME_TYPE, json.dumps(payload).encode())
    mime.setText(card.label)  # dropping on a text editor names the deal
    return mime


def dragged_deal(mime: QMimeData | None) -> Dragged | None:
    """The deal a drag carries, or None for anything else (text, files, garbage)."""
    if mime is None or not mime.hasFormat(MIME_TYPE):
        return None
    try:
        payload = json.loads(bytes(mime.data(MIME_TYPE).data()).decode())
        return Dragged(str(payload["deal_id"]), int(payload["version"]),
                       str(payload["stage_id"]))
    except (ValueError, KeyError, TypeError):
        return None


# --- one column --------------------------------------------------------------------------
class CardsModel(QStringListModel):
    """The deals of one stage column. `movable` False (a replay) allows no drag or drop.

    Why a QStringListModel (of deal ids) and not a QAbstractListModel: QListView asks the
    model for an index of every row when it lays a column out, and each index() asks
    rowCount(); a Python rowCount makes that 10,000 calls into Python per column (about
    30 ms at 12,000 cards), the string list's own rowCount none. Everything shown still
    comes from data() over the DealCard tuple; the list is never edited from outside
    (setData, insertRows, removeRows and moveRows refuse).
    """

    sig_deal_dropped = Signal(object, str)
    """A card (Dragged) was dropped on this column; carries it and this stage's id."""
    sig_more_wanted = Signal(str, int)
    """The view scrolled to the last card read while the column holds more; carries the
    stage id and how many cards are here (the offset of the next page)."""

    def __init__(self, stage: StageRow, parent: Any = None):
        super().__init__(parent)
        self.stage = stage
        self.currency = ""
        self.now = datetime.now(UTC)
        self.movable = True
        self._cards: tuple[DealCard, ...] = ()
        self._texts: dict[int, CardText] = {}
        self._rows: dict[str, int] | None = None
        self.total = 0
        self._asked = False

    def set_cards(self, stage: StageRow, cards: Sequence[DealCard], *, currency: str,
                  now: datetime, movable: bool, total: int | None = None) -> None:
        """Show `cards` (a reset: cheap at any size). `now` is the moment days in stage are
        counted to (the replayed moment on an "as of" board). `total` is how many deals
        the column holds when `cards` is only the first page of an open column."""
        self.stage, self.currency, self.now, self.movable = stage, currency, aware(now), movable
        self.total = len(cards) if total is None or not stage.is_open else total
        self._show(tuple(cards))

    # --- paging: the rest of a long open column, read as the user scrolls -------------
    def canFetchMore(self, parent: Index = ROOT) -> bool:  # noqa: N802
        return not parent.isValid() and len(self._cards) < self.total and not self._asked

    def fetchMore(self, parent: Index = ROOT) -> None:  # noqa: N802
        if self.canFetchMore(parent):
            self._asked = True
            self.sig_more_wanted.emit(self.stage.id, len(self._cards))

    def append(self, offset: int, cards: Sequence[DealCard]) -> None:
        """Add the page read from `offset` below the cards shown (rows inserted, so the
        view keeps its scroll position). A page for another offset (the board was read
        again meanwhile) is ignored."""
        self._asked = False
        known = {c.id for c in self._cards}
        new = [c for c in cards if c.id not in known]
        if offset != len(self._cards) or not new:
            if not new:
                self.total = len(self._cards)  # nothing more to read
            return
        start = len(self._cards)
        self._cards, self._rows = self._cards + tuple(new), None
        QStringListModel.insertRows(self, start, len(new))
        for i, card in enumerate(new):
            QStringListModel.setData(self, self.index(start + i), card.id)

    def _show(self, cards: tuple[DealCard, ...]) -> None:
        self._cards, self._texts, self._rows, self._asked = cards, {}, None, False
        self.setStringList([c.id for c in cards])  # a model reset

    @property
    def cards(self) -> tuple[DealCard, ...]:
        return self._cards

    def card(self, row: int) -> DealCard | None:
        return self._cards[row] if 0 <= row < len(self._cards) else None

    def take(self, deal_id: str) -> DealCard | None:
        """Remove the deal's card (a move shown before the board is read again)."""
        row = self.row_of(deal_id)
        if row < 0:
            return None
        card = self._cards[row]
        self.total = max(0, self.total - 1)
        self._show(self._cards[:row] + self._cards[row + 1:])
        return card

    def put(self, card: DealCard) -> None:
        """Show `card` first in the column (until the board is read again)."""
        self.total += 1
        self._show((card, *self._cards))

    def row_of(self, deal_id: str) -> int:
        if self._rows is None:
            self._rows = {c.id: i for i, c in enumerate(self._cards)}
        return self._rows.get(deal_id, -1)

    def text(self, row: int) -> CardText:
        found = self._texts.get(row)
        if found is None:
            card = self._cards[row]
            found = self._texts[row] = self._describe(card)
        return found

    def _describe(self, card: DealCard) -> CardText:
        stage = self.stage
        days = days_in_stage(aware(card.entered_at), self.now)
        rotting = stage.is_open and stage.rotting_days is not None and days > stage.rotting_days
        late = False
        if stage.outcome == "won":
            when = tr("Won {0}").format(day_text(card.closed_on)) if card.closed_on else ""
        elif stage.outcome == "lost":
            when = tr("Lost {0}").format(day_text(card.closed_on)) if card.closed_on else ""
            if card.lost_reason:
                when = tr("{0} · {1}").format(when, card.lost_reason) if when else \
                    card.lost_reason
        elif card.expected_close is not None:
            late = card.expected_close < self.now.date()
            when = (tr("Close {0} · overdue") if late else tr("Close {0}")).format(
                day_text(card.expected_close))
        else:
            when = tr("No close date")
        age = age_text(days) if stage.is_open else ""
        return CardText(card.label or tr("Untitled deal"),
                        money_text(card.amount, self.currency), when, late, age, rotting,
                        initials(card.owner), owner_colour(card.owner_id))

    def tooltip(self, row: int) -> str:
        card, text = self._cards[row], self.text(row)
        lines = [f"<b>{escape(text.label)}</b>"]
        extra = [x for x in (card.title, card.reference) if x and x != text.label]
        if card.account and card.account != text.label:
            extra.insert(0, card.account)
        if extra:
            lines.append(escape(" · ".join(extra)))
        lines.append(escape(tr("Owner: {0}").format(card.owner or tr("nobody"))))
        lines.append(escape(tr("Amount: {0} at {1} % (weighted {2})").format(
            money_text(card.amount, self.currency, cents=True), card.probability,
            money_text(card.amount * card.probability / 100, self.currency, cents=True))))
        if text.when:
            lines.append(escape(text.when))
        if self.stage.is_open:
            days = days_in_stage(aware(card.entered_at), self.now)
            lines.append(escape(tr("In {0} since {1} ({2:,} days)").format(
                self.stage.name, day_text(aware(card.entered_at).date()), days)))
        if text.rotting:
            lines.append(escape(tr("Stale: in this stage for longer than {0} days")
                                .format(self.stage.rotting_days)))
        if self.movable:
            lines.append(escape(tr("Drag to another column, or Ctrl+Left / Ctrl+Right, to "
                                   "move it; double-click or Enter opens it.")))
        return "<br>".join(lines)

    # --- the item model (rowCount is the string list's) -------------------------------
    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._cards):
            return None
        row = index.row()
        if role == CARD_ROLE:
            return self._cards[row]
        if role == TEXT_ROLE:
            return self.text(row)
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            text = self.text(row)
            return ", ".join(x for x in (text.label, text.amount, text.when, text.age) if x)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self.tooltip(row)
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():  # the column itself: where drops land
            return Qt.ItemFlag.ItemIsDropEnabled if self.movable else Qt.ItemFlag.NoItemFlags
        flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | \
            Qt.ItemFlag.ItemNeverHasChildren
        if self.movable:
            flags |= Qt.ItemFlag.ItemIsDragEnabled
        return flags

    def setData(self, index: Index, value: Any,  # noqa: N802
                role: int = Qt.ItemDataRole.EditRole) -> bool:
        return False

    def insertRows(self, row: int, count: int, parent: Index = ROOT) -> bool:  # noqa: N802
        return False

    def removeRows(self, row: int, count: int, parent: Index = ROOT) -> bool:  # noqa: N802
        return False  # a card dragged away leaves when the board is read again

    def moveRows(self, source_parent: Index, source_row: int, count: int,  # noqa: N802
                 destination_parent: Index, destination_child: int) -> bool:
        return False

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        """Cards keep the board query's order."""

    # --- drag and drop ---------------------------------------------------------------
    def mimeTypes(self) -> list[str]:  # noqa: N802
        return [MIME_TYPE]

    def mimeData(  # type: ignore[override]  # noqa: N802 (None: nothing to drag)
            self, indexes: Sequence[QModelIndex]) -> QMimeData | None:
        cards = [c for c in (self.card(i.row()) for i in indexes if i.isValid()) if c]
        return deal_mime(cards[0]) if cards else None

    def supportedDragActions(self) -> Qt.DropAction:  # noqa: N802
        return Qt.DropAction.MoveAction

    def supportedDropActions(self) -> Qt.DropAction:  # noqa: N802
        return Qt.DropAction.MoveAction

    def canDropMimeData(self, data: QMimeData, action: Qt.DropAction, row: int,  # noqa: N802
                        column: int, parent: Index) -> bool:
        dragged = dragged_deal(data)
        return self.movable and dragged is not None and dragged.stage_id != self.stage.id

    def dropMimeData(self, data: QMimeData, action: Qt.DropAction, row: int,  # noqa: N802
                     column: int, parent: Index) -> bool:
        """Ask for the move (sig_deal_dropped); the card itself moves when the board is
        read again after the move was saved."""
        if not self.canDropMimeData(data, action, row, column, parent):
            return False
        dragged = dragged_deal(data)
        assert dragged is not None
        self.sig_deal_dropped.emit(dragged, self.stage.id)
        return True
