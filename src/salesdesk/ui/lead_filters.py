"""The lead board's filter bar: queues, filter chips and the search box.

A queue (all, open, unassigned, overdue, due soon) is the starting set; each chip (status,
segment, owner, territory, SLA state, source) narrows it, its choices ORed. A chip that
names the same dimension as the queue replaces the queue's choice for it. The search box
waits for a pause in typing before it asks again.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from typing import Any

from PySide6.QtCore import QTimer, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QButtonGroup,
    QHBoxLayout,
    QLineEdit,
    QMenu,
    QPushButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from salesdesk.domain.leads import OPEN_STATUSES, LeadStatus
from salesdesk.domain.speed_to_lead import SlaState
from salesdesk.storage.lead_choices import LeadChoices
from salesdesk.storage.lead_queries import LeadFilter
from salesdesk.ui.i18n import tr
from salesdesk.ui.lead_format import sla_text, status_text

SEARCH_PAUSE_MS = 250
QUEUES = ("all", "open", "unassigned", "overdue", "due_soon")
DIMENSIONS = ("statuses", "segments", "owners", "territories", "sla_states", "sources")
NO_ONE = "\x00none"
"""A chip value standing for "not set" (no owner, no territory)."""

CHIP_STYLE = """
QToolButton { border: 1px solid #c9d3df; border-radius: 11px; padding: 2px 10px;
              background: #ffffff; color: #2c3a4b; }
QToolButton:hover { background: #f0f4f9; }
QToolButton[active="true"] { background: #e3eefc; border-color: #7aa7e0; color: #123d6e; }
QToolButton::menu-indicator { image: none; width: 0px; }
"""
QUEUE_STYLE = """
QPushButton { border: 1px solid #c9d3df; padding: 4px 12px; background: #ffffff;
              color: #2c3a4b; }
QPushButton:checked { background: #1f5fae; border-color: #1f5fae; color: white; }
"""


def _queue_names() -> dict[str, str]:
    return {"all": tr("All leads"), "open": tr("Open"), "unassigned": tr("Unassigned"),
            "overdue": tr("Overdue"), "due_soon": tr("Due soon")}


def _dimension_names() -> dict[str, str]:
    return {"statuses": tr("Status"), "segments": tr("Segment"), "owners": tr("Owner"),
            "territories": tr("Territory"), "sla_states": tr("First contact"),
            "sources": tr("Source")}


def queue_filter(queue: str) -> LeadFilter:
    open_ = tuple(s.value for s in OPEN_STATUSES)
    return {"all": LeadFilter(), "open": LeadFilter(statuses=open_),
            "unassigned": LeadFilter(statuses=open_, owners=(None,)),
            "overdue": LeadFilter(sla_states=(SlaState.OVERDUE,)),
            "due_soon": LeadFilter(sla_states=(SlaState.DUE_SOON,))}[queue]


class Chip(QToolButton):
    """One filter dimension: a menu of checkable choices; the text says what is chosen."""

    sig_chip_changed = Signal()
    """The user checked or unchecked a choice."""

    def __init__(self, dimension: str, parent: QWidget | None = None):
        super().__init__(parent, popupMode=QToolButton.ToolButtonPopupMode.InstantPopup)
        self.dimension = dimension
        self._menu = QMenu(self)
        self.setMenu(self._menu)
        self._actions: list[tuple[object, QAction]] = []
        self._show()

    def set_choices(self, choices: Sequence[tuple[object, str]]) -> None:
        kept = set(self.values())
        self._menu.clear()
        self._actions = []
        for value, label in choices:
            action = self._menu.addAction(label)
            action.setCheckable(True)
            action.setChecked(value in kept)
            action.toggled.connect(self._toggled)
            self._actions.append((value, action))
        if self._actions:
            self._menu.addSeparator()
            self._menu.addAction(tr("Clear")).triggered.connect(self.clear)
        self._show()

    def values(self) -> list[object]:
        return [v for v, a in self._actions if a.isChecked()]

    def set_values(self, values: Sequence[object]) -> None:
        wanted = set(values)
        for value, action in self._actions:
            action.blockSignals(True)
            action.setChecked(value in wanted)
            action.blockSignals(False)
        self._show()

    def clear(self) -> None:
        self.set_values([])
        self.sig_chip_changed.emit()

    def _toggled(self) -> None:
        self._show()
        self.sig_chip_changed.emit()

    def _show(self) -> None:
        name = _dimension_names()[self.dimension]
        chosen = [a.text() for _v, a in self._actions if a.isChecked()]
        if not chosen:
            self.setText(name + " ▾")
        elif len(chosen) == 1:
            self.setText(tr("{0}: {1}").format(name, chosen[0]) + " ▾")
        else:
            self.setText(tr("{0}: {1} +{2}").format(name, chosen[0], len(chosen) - 1) + " ▾")
        self.setProperty("active", "true" if chosen else "false")
        self.style().unpolish(self)
        self.style().polish(self)
        self.setToolTip(", ".join(chosen))


class LeadFilterBar(QWidget):
    sig_filter_changed = Signal()
    """The queue, a chip or the search text changed."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.search = QLineEdit(clearButtonEnabled=True, placeholderText=tr(
            "Search people, e-mails and companies…"))
        self.search.setMinimumWidth(320)
        self._pause = QTimer(self, singleShot=True, interval=SEARCH_PAUSE_MS)
        self._pause.timeout.connect(self.sig_filter_changed)
        self.search.textChanged.connect(self._pause.start)
        self.search.returnPressed.connect(self.flush)
        self.queues = QButtonGroup(self, exclusive=True)
        self.queue_buttons: dict[str, QPushButton] = {}
        self.chips = {d: Chip(d) for d in DIMENSIONS}
        self.clear_button = QToolButton(text=tr("Clear filters"), autoRaise=True)
        self.clear_button.clicked.connect(self.clear)
        self._lay_out()
        self._fixed_choices()

    def _lay_out(self) -> None:
        top = QHBoxLayout()
        top.setSpacing(0)
        for key, name in _queue_names().items():
            button = QPushButton(name, checkable=True)
            button.setStyleSheet(QUEUE_STYLE)
            self.queues.addButton(button)
            self.queue_buttons[key] = button
            top.addWidget(button)
        self.queue_buttons["open"].setChecked(True)
        self.queues.buttonToggled.connect(self._queue_toggled)
        top.addSpacing(16)
        top.addWidget(self.search, 1)
        chips = QHBoxLayout()
        chips.setSpacing(6)
        for chip in self.chips.values():
            chip.setStyleSheet(CHIP_STYLE)
            chip.sig_chip_changed.connect(self.sig_filter_changed)
            chips.addWidget(chip)
        chips.addWidget(self.clear_button)
        chips.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)
        layout.addLayout(top)
        layout.addLayout(chips)

    def _queue_toggled(self, _button: QPushButton, on: bool) -> None:
        if on:  # the button switched off is the same change: one query
            self.sig_filter_changed.emit()

    def _fixed_choices(self) -> None:
        self.chips["statuses"].set_choices([(s.value, status_text(s)) for s in LeadStatus])
        self.chips["sla_states"].set_choices([(s, sla_text(s)) for s in (
            SlaState.OVERDUE, SlaState.DUE_SOON, SlaState.ON_TIME, SlaState.MET,
            SlaState.MISSED, SlaState.NO_SLA)])

    def set_choices(self, choices: LeadChoices) -> None:
        """Owners, territories, sources and segments of this workspace."""
        self.chips["owners"].set_choices([(NO_ONE, tr("Unassigned")), *choices.owners])
        self.chips["territories"].set_choices([(NO_ONE, tr("No territory")),
                                               *choices.territories])
        self.chips["sources"].set_choices([(s, s) for s in choices.sources])
        self.chips["segments"].set_choices([(s, s) for s in choices.segments])

    # --- the filter ------------------------------------------------------------------
    def queue(self) -> str:
        return next(k for k, b in self.queue_buttons.items() if b.isChecked())

    def set_queue(self, queue: str) -> None:
        self.queue_buttons[queue].setChecked(True)

    def lead_filter(self) -> LeadFilter:
        f = replace(queue_filter(self.queue()), search=self.search.text().strip())
        chosen: dict[str, Any] = {}
        for dimension, chip in self.chips.items():
            values = chip.values()
            if values:
                chosen[dimension] = tuple(None if v == NO_ONE else v for v in values)
        return replace(f, **chosen)

    def narrows(self) -> bool:
        return bool(self.search.text().strip()) or any(c.values() for c in self.chips.values())

    def apply_filter(self, f: LeadFilter) -> None:
        """Show a saved view's filter: the "All leads" queue and its chips."""
        for button in (*self.queue_buttons.values(), *self.chips.values()):
            button.blockSignals(True)
        self.set_queue("all")
        for dimension, chip in self.chips.items():
            values = getattr(f, dimension)
            chip.set_values([NO_ONE if v is None else v for v in values])
        self.search.blockSignals(True)
        self.search.setText(f.search)
        self.search.blockSignals(False)
        for button in (*self.queue_buttons.values(), *self.chips.values()):
            button.blockSignals(False)
        self.sig_filter_changed.emit()

    def clear(self) -> None:
        for chip in self.chips.values():
            chip.set_values([])
        self.search.blockSignals(True)
        self.search.clear()
        self.search.blockSignals(False)
        self.sig_filter_changed.emit()

    def flush(self) -> None:
        """Ask now rather than after the typing pause."""
        if self._pause.isActive():
            self._pause.stop()
            self.sig_filter_changed.emit()
