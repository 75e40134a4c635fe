"""Live preview of unsaved territory rules: how many accounts they match, and which.

Edits are debounced (PREVIEW_DELAY_MS); each preview runs services.territories.
preview_rules on the worker, and a result that arrives after a newer request is dropped.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QStringListModel, QTimer, Signal
from PySide6.QtWidgets import QLabel, QListView, QVBoxLayout, QWidget

from salesdesk.domain.territories import Criterion
from salesdesk.services import territories as svc
from salesdesk.ui.context import UiContext
from salesdesk.ui.i18n import tr
from salesdesk.ui.ops import user_message

PREVIEW_DELAY_MS = 300
PREVIEW_LIMIT = 500


class RulePreview(QWidget):
    sig_preview_shown = Signal(int)
    """A preview result is on screen; carries the number of matching accounts."""

    def __init__(self, ctx: UiContext, parent: QWidget | None = None):
        super().__init__(parent)
        self._ctx = ctx
        self._generation = 0
        self._request: tuple[str, str | None, list[Criterion] | str] | None = None
        self.count: int | None = None
        """Matches shown now; None while nothing is (no territory, invalid rules)."""
        self._timer = QTimer(self, singleShot=True, interval=PREVIEW_DELAY_MS)
        self._timer.timeout.connect(self._run)
        self.heading = QLabel(objectName="previewHeading")
        self.heading.setStyleSheet("font-size: 15px; font-weight: 600;")
        self.note = QLabel(wordWrap=True)
        self.note.setStyleSheet("color: #5f6b7a;")
        self.names = QStringListModel(self)
        self.list_view = QListView(uniformItemSizes=True, alternatingRowColors=True)
        self.list_view.setModel(self.names)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.heading)
        layout.addWidget(self.note)
        layout.addWidget(self.list_view, 1)
        layout.addStretch(0)
        self.clear()

    def clear(self) -> None:
        self._timer.stop()
        self._generation += 1
        self.count = None
        self.heading.setText(tr("Preview"))
        self.note.setText(tr("Select a territory to see the accounts its rules match."))
        self.names.setStringList([])
        self.list_view.hide()

    def request(self, name: str, parent_id: str | None,
                criteria: Sequence[Criterion] | str, *, at_once: bool = False) -> None:
        """Preview these rules after a short pause (typing), or `at_once` (a territory was
        selected); a str is a problem to show instead."""
        self._request = (name, parent_id, criteria if isinstance(criteria, str)
                         else list(criteria))
        self._generation += 1  # anything already on its way is stale now
        if at_once:
            self._timer.stop()
            self._run()
        else:
            self._timer.start()

    def _run(self) -> None:
        if self._request is None:
            return
        name, parent_id, criteria = self._request
        generation = self._generation
        if isinstance(criteria, str):
            self._show_text(tr("No preview"), criteria)
            return
        if not criteria:
            self._show_text(tr("Matches no accounts"), tr(
                "A territory without criteria of its own is a container: accounts land in "
                "its sub-territories."), count=0)
            return
        self.note.setText(tr("Updating…"))
        uow = self._ctx.uow
        def job(_job: object) -> tuple[int, list[str]] | None:
            if generation != self._generation:  # a newer request is queued: skip the work
                return None
            return svc.preview_rules(uow, name, parent_id, criteria, PREVIEW_LIMIT)

        self._ctx.ops.run(
            job, on_done=lambda result: self._arrived(generation, result),
            on_error=lambda exc: self._failed(generation, exc))

    def _arrived(self, generation: int, result: tuple[int, list[str]] | None) -> None:
        if generation != self._generation or result is None:
            return
        count, names = result
        note = tr("Counted before more specific territories (sub-territories, named "
                  "accounts) take theirs.")
        if count > len(names):
            note += " " + tr("The first {0} are listed.").format(len(names))
        self.names.setStringList(names)
        self._show_text(tr("Matches {0} accounts").format(f"{count:,}") if count != 1
                        else tr("Matches 1 account"), note, count=count)

    def _failed(self, generation: int, exc: BaseException) -> None:
        if generation == self._generation:
            self._show_text(tr("No preview"), user_message(exc))

    def _show_text(self, heading: str, note: str, count: int | None = None) -> None:
        self.heading.setText(heading)
        self.note.setText(note)
        if count is None or count == 0:
            self.names.setStringList([])
        self.list_view.setVisible(bool(count))
        self.count = count
        if count is not None:
            self.sig_preview_shown.emit(count)

    def pending(self) -> bool:
        return self._timer.isActive()
