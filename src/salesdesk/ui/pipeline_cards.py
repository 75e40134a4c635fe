"""A column's cards: the QListView and the delegate that paints each card.

No widget per card: a column of 10,000 deals is one view over one list model (uniform item
sizes, so laying it out costs nothing per card) and only the visible cards are painted.

Keys on a card: Up/Down walk the column, Left/Right go to the neighbouring column,
Ctrl+Left / Ctrl+Right move the deal to the previous / next stage, Enter opens it.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, QSize, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QDragEnterEvent,
    QDragLeaveEvent,
    QDropEvent,
    QFont,
    QFontMetrics,
    QKeyEvent,
    QPainter,
    QPaintEvent,
    QPalette,
    QPen,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QListView,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QWidget,
)

from salesdesk.storage.rows import DealCard
from salesdesk.ui.i18n import tr
from salesdesk.ui.models.board_model import CARD_ROLE, TEXT_ROLE, CardsModel, CardText

Index = QModelIndex | QPersistentModelIndex
ACCENT = {"open": QColor("#5b8def"), "won": QColor("#2e7d32"), "lost": QColor("#9aa3ad")}
ROTTING = QColor("#e8710a")
LATE = QColor("#b3261e")
MUTED = QColor("#5f6b7a")
INK = QColor("#1d2733")


def move_hint() -> str:
    return tr("Ctrl+Left / Ctrl+Right move the selected deal to the previous / next stage; "
              "Left / Right go to the next column; Enter opens the deal.")


@dataclass(frozen=True)
class _Fonts:
    key: str
    base: QFont
    bold: QFont
    small: QFont
    metrics: QFontMetrics
    bold_metrics: QFontMetrics
    line: int

    @classmethod
    def of(cls, font: QFont) -> _Fonts:
        bold, small = QFont(font), QFont(font)
        bold.setBold(True)
        small.setPointSizeF(max(6.0, font.pointSizeF() * 0.8))
        small.setBold(True)
        metrics = QFontMetrics(font)
        return cls(font.key(), QFont(font), bold, small, metrics, QFontMetrics(bold),
                   metrics.height())


class CardDelegate(QStyledItemDelegate):
    """Paints a card: name and amount, close date and owner initials, days in stage
    (orange once the stage's rotting threshold is passed)."""

    PAD = 8
    MARGIN_X, MARGIN_Y = 6, 3

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self._fonts: _Fonts | None = None

    def fonts(self, font: QFont) -> _Fonts:
        """Fonts and metrics for the view's font, made once (not per card)."""
        if self._fonts is None or self._fonts.key != font.key():
            self._fonts = _Fonts.of(font)
        return self._fonts

    def _lines(self, index: Index) -> int:
        model = index.model()
        return 3 if isinstance(model, CardsModel) and model.stage.is_open else 2

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:  # noqa: N802
        line = self.fonts(option.font).line
        lines = self._lines(index)
        return QSize(120, 2 * (self.PAD + self.MARGIN_Y) + lines * line + (lines - 1) * 3)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        text = index.data(TEXT_ROLE)
        if not isinstance(text, CardText):
            return
        model = index.model()
        outcome = model.stage.outcome if isinstance(model, CardsModel) else "open"
        rect: QRect = option.rect.adjusted(self.MARGIN_X, self.MARGIN_Y, -self.MARGIN_X,
                                           -self.MARGIN_Y)
        state = option.state
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        self._frame(painter, rect, text, outcome, state)
        self._text(painter, self.fonts(option.font), rect, text)
        painter.restore()

    def _frame(self, painter: QPainter, rect: QRect, text: CardText, outcome: str,
               state: QStyle.StateFlag) -> None:
        selected = bool(state & QStyle.StateFlag.State_Selected)
        hover = bool(state & QStyle.StateFlag.State_MouseOver)
        border = QColor("#3b6fb6") if selected else QColor("#9fb3c8") if hover else \
            QColor("#d5dbe3")
        painter.setPen(QPen(border, 2 if selected else 1))
        painter.setBrush(QColor("#fff6ec") if text.rotting else QColor("#ffffff"))
        painter.drawRoundedRect(rect.adjusted(0, 0, -1, -1), 5, 5)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(ROTTING if text.rotting else ACCENT.get(outcome, ACCENT["open"]))
        painter.drawRoundedRect(QRect(rect.left() + 1, rect.top() + 1, 4, rect.height() - 2),
                                2, 2)

    def _text(self, painter: QPainter, fonts: _Fonts, rect: QRect, text: CardText) -> None:
        metrics, bold_metrics, line = fonts.metrics, fonts.bold_metrics, fonts.line
        inner = rect.adjusted(self.PAD + 4, self.PAD, -self.PAD, -self.PAD)
        painter.setFont(fonts.bold)
        painter.setPen(INK)
        amount_width = bold_metrics.horizontalAdvance(text.amount)
        row = QRect(inner.left(), inner.top(), inner.width(), line)
        painter.drawText(row, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                         text.amount)
        label = bold_metrics.elidedText(text.label, Qt.TextElideMode.ElideRight,
                                        max(0, inner.width() - amount_width - 10))
        painter.drawText(row, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, label)
        badge = self._badge(painter, fonts, inner, text)
        painter.setFont(fonts.base)
        rows = [(text.when, LATE if text.late else MUTED)]
        if text.age:
            rows.append((text.age if not text.rotting else tr("Stale · {0}").format(text.age),
                         ROTTING if text.rotting else MUTED))
        for i, (words, colour) in enumerate(rows, 1):
            painter.setPen(colour)
            row = QRect(inner.left(), inner.top() + i * (line + 3), inner.width() - badge,
                        line)
            painter.drawText(row, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                             metrics.elidedText(words, Qt.TextElideMode.ElideRight,
                                                row.width()))

    @staticmethod
    def _badge(painter: QPainter, fonts: _Fonts, inner: QRect, text: CardText) -> int:
        """The owner's initials in a coloured circle, bottom right; returns the width it
        takes (0 without an owner)."""
        if not text.initials:
            return 0
        size = fonts.line + 6
        circle = QRect(inner.right() - size + 1, inner.bottom() - size + 1, size, size)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(QColor(text.colour))
        painter.drawEllipse(circle)
        painter.setFont(fonts.small)
        painter.setPen(QColor("#ffffff"))
        painter.drawText(circle, Qt.AlignmentFlag.AlignCenter, text.initials)
        return size + 8


class CardListView(QListView):
    """One column's cards. Keys as in the module docstring."""

    sig_step_requested = Signal(int)
    """Ctrl+Left (-1) / Ctrl+Right (+1): move the current deal to the neighbouring stage."""
    sig_focus_requested = Signal(int)
    """Left (-1) / Right (+1): go to the neighbouring column."""
    sig_open_requested = Signal(str)
    """Enter or double-click on a card; carries the deal id."""

    def __init__(self, model: CardsModel, parent: QWidget | None = None):
        super().__init__(
            parent, uniformItemSizes=True, selectionRectVisible=False, mouseTracking=True,
            horizontalScrollBarPolicy=Qt.ScrollBarPolicy.ScrollBarAlwaysOff,
            verticalScrollMode=QAbstractItemView.ScrollMode.ScrollPerPixel,
            selectionMode=QAbstractItemView.SelectionMode.SingleSelection,
            editTriggers=QAbstractItemView.EditTrigger.NoEditTriggers,
            dragDropMode=QAbstractItemView.DragDropMode.DragDrop,
            defaultDropAction=Qt.DropAction.MoveAction, dropIndicatorShown=False,
            frameShape=QFrame.Shape.NoFrame)
        self.setModel(model)
        self.setItemDelegate(CardDelegate(self))
        palette = self.palette()  # the column's colour shows through (no style sheet:
        palette.setColor(QPalette.ColorRole.Base, Qt.GlobalColor.transparent)  # slower)
        self.setPalette(palette)
        self.viewport().setAutoFillBackground(False)
        self.setStatusTip(move_hint())
        self.empty_text = ""
        self._drop_target = False
        self.doubleClicked.connect(self._open)

    def current_card(self) -> DealCard | None:
        index = self.currentIndex()
        card = index.data(CARD_ROLE) if index.isValid() else None
        return card if isinstance(card, DealCard) else None

    def _open(self, index: QModelIndex) -> None:
        card = index.data(CARD_ROLE)
        if isinstance(card, DealCard):
            self.sig_open_requested.emit(card.id)

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802 (Qt override)
        key, mods = event.key(), event.modifiers()
        ctrl = bool(mods & Qt.KeyboardModifier.ControlModifier)
        if key in (Qt.Key.Key_Left, Qt.Key.Key_Right):
            step = -1 if key == Qt.Key.Key_Left else 1
            (self.sig_step_requested if ctrl else self.sig_focus_requested).emit(step)
            event.accept()
            return
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.currentIndex().isValid():
            self._open(self.currentIndex())
            event.accept()
            return
        super().keyPressEvent(event)

    # --- drops: show where the card would land -------------------------------------
    def dragEnterEvent(self, event: QDragEnterEvent) -> None:  # noqa: N802 (Qt override)
        super().dragEnterEvent(event)
        self._set_drop_target(event.isAccepted())

    def dragLeaveEvent(self, event: QDragLeaveEvent) -> None:  # noqa: N802 (Qt override)
        super().dragLeaveEvent(event)
        self._set_drop_target(False)

    def dropEvent(self, event: QDropEvent) -> None:  # noqa: N802 (Qt override)
        self._set_drop_target(False)
        super().dropEvent(event)

    def _set_drop_target(self, on: bool) -> None:
        if on != self._drop_target:
            self._drop_target = on
            self.viewport().update()

    def paintEvent(self, event: QPaintEvent) -> None:  # noqa: N802 (Qt override)
        super().paintEvent(event)
        if not self._drop_target and (self.model().rowCount() or not self.empty_text):
            return
        painter = QPainter(self.viewport())
        area = self.viewport().rect().adjusted(6, 4, -6, -6)
        if self._drop_target:
            painter.setPen(QPen(QColor("#3b6fb6"), 2, Qt.PenStyle.DashLine))
            painter.drawRoundedRect(area, 6, 6)
        if not self.model().rowCount() and self.empty_text:
            painter.setPen(MUTED)
            painter.drawText(area.adjusted(12, 12, -12, -12), Qt.AlignmentFlag.AlignHCenter |
                             Qt.AlignmentFlag.AlignTop | Qt.TextFlag.TextWordWrap,
                             self.empty_text)
        painter.end()
