"""The managed list of lost reasons, in the pipeline settings dialog.

Adding, retiring and reactivating a reason is saved at once (through `ReasonActions`,
undoable); a retired reason is no longer offered when a deal is lost, and deals lost for
it keep it.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Protocol

from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from salesdesk.domain.errors import ValidationError
from salesdesk.domain.pipeline import LostReason
from salesdesk.storage.deal_queries import LostReasonChoice
from salesdesk.ui import deal_format as fmt
from salesdesk.ui.dialogs.common import HINT_STYLE, error_label
from salesdesk.ui.i18n import tr
from salesdesk.ui.ops import user_message

RETIRED = QColor("#7a8591")
Reasons = tuple[LostReasonChoice, ...]


class ReasonActions(Protocol):
    """Each call saves, then hands back the reloaded list (or the refusal)."""

    def add_reason(self, name: str, on_done: Callable[[Reasons], None],
                   on_error: Callable[[BaseException], None]) -> None: ...

    def retire_reason(self, reason: LostReasonChoice, on_done: Callable[[Reasons], None],
                      on_error: Callable[[BaseException], None]) -> None: ...


class LostReasonsPanel(QWidget):
    def __init__(self, reasons: Sequence[LostReasonChoice], actions: ReasonActions,
                 parent: QWidget | None = None):
        super().__init__(parent)
        self.edits = actions
        self.reasons: list[LostReasonChoice] = []
        self.list = QListWidget(alternatingRowColors=True)
        self.name_edit = QLineEdit(placeholderText=tr("A new reason, e.g. Lost to in-house "
                                                      "build"))
        self.add_button = QPushButton(tr("Add reason"))
        self.toggle_button = QPushButton(tr("Retire"))
        self.message = error_label("reasonMessage")
        hint = QLabel(tr("Losing a deal asks for one of these reasons. A retired reason is no "
                         "longer offered; deals lost for it keep it. Changes here are saved "
                         "at once."), wordWrap=True)
        hint.setStyleSheet(HINT_STYLE)
        new = QHBoxLayout()
        new.addWidget(self.name_edit, 1)
        new.addWidget(self.add_button)
        side = QVBoxLayout()
        side.addWidget(self.toggle_button)
        side.addStretch(1)
        body = QHBoxLayout()
        body.addWidget(self.list, 1)
        body.addLayout(side)
        layout = QVBoxLayout(self)
        layout.addWidget(hint)
        layout.addLayout(new)
        layout.addWidget(self.message)
        layout.addLayout(body, 1)
        self.add_button.clicked.connect(self.add)
        self.name_edit.returnPressed.connect(self.add)
        self.toggle_button.clicked.connect(self.toggle_selected)
        self.list.itemSelectionChanged.connect(self._update_buttons)
        self.show_reasons(reasons)

    def show_reasons(self, reasons: Sequence[LostReasonChoice]) -> None:
        self.reasons = sorted(reasons, key=lambda r: (not r.active, r.name.casefold()))
        self.list.clear()
        for reason in self.reasons:
            used = tr("no deals") if not reason.deals else tr("1 deal") if reason.deals == 1 \
                else tr("{0} deals").format(reason.deals)
            text = tr("{0}  ({1})").format(reason.name, used) if reason.active else \
                tr("{0}  (retired; {1})").format(reason.name, used)
            item = QListWidgetItem(text)
            if not reason.active:
                item.setForeground(QBrush(RETIRED))
            self.list.addItem(item)
        self._update_buttons()

    def _selected(self) -> LostReasonChoice | None:
        row = self.list.currentRow()
        return self.reasons[row] if 0 <= row < len(self.reasons) and \
            self.list.selectedItems() else None

    def _update_buttons(self) -> None:
        reason = self._selected()
        self.toggle_button.setEnabled(reason is not None)
        self.toggle_button.setText(tr("Reactivate") if reason is not None and not reason.active
                                   else tr("Retire"))

    def add(self) -> None:
        try:
            name = LostReason(name=self.name_edit.text()).name
        except ValidationError as exc:
            self.message.setText(fmt.problem_text(exc))
            return
        self._busy(True)
        self.edits.add_reason(name, on_done=self._added, on_error=self._refused)

    def toggle_selected(self) -> None:
        reason = self._selected()
        if reason is None:
            return
        self._busy(True)
        if reason.active:
            self.edits.retire_reason(reason, on_done=self._done, on_error=self._refused)
        else:
            self.edits.add_reason(reason.name, on_done=self._done, on_error=self._refused)

    def select(self, name: str) -> None:
        for row, reason in enumerate(self.reasons):
            if reason.name == name:
                self.list.setCurrentRow(row)

    def _added(self, reasons: Reasons) -> None:
        self.name_edit.clear()
        self._done(reasons)

    def _done(self, reasons: Reasons) -> None:
        self._busy(False)
        self.message.clear()
        self.show_reasons(reasons)

    def _refused(self, exc: BaseException) -> None:
        self._busy(False)
        self.message.setText(fmt.problem_text(exc) if isinstance(exc, ValidationError)
                             else user_message(exc))

    def _busy(self, busy: bool) -> None:
        self.add_button.setEnabled(not busy)
        self.toggle_button.setEnabled(not busy and self._selected() is not None)
        if busy:
            self.message.clear()

    def active_names(self) -> list[str]:
        return [r.name for r in self.reasons if r.active]
