"""Undo/redo of workspace edits through the main window's one QUndoStack.

An action runs first through Ops; only once it succeeded is a ServiceCommand pushed
(its first redo() does nothing, the work is done). Later undo()/redo() queue the inverse
or the action again on the same serial worker. Each step receives the version the
previous step left, so an undo over a change made elsewhere is refused as a conflict;
then the history is cleared, because it no longer describes the workspace.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QTimer
from PySide6.QtGui import QUndoCommand, QUndoStack
from PySide6.QtWidgets import QMessageBox, QWidget

from salesdesk.ui.i18n import tr
from salesdesk.ui.ops import Ops, user_message

Step = Callable[[int | None], Any]
"""A service call taking the expected version (or None) and returning a result that may
carry `.version` (the entity's version afterwards) and `.changes`."""


class VersionBook:
    """Versions this window's own edits left on each member.

    Shared by every command of one undo stack, so an older command on an entity does not
    expect a version a newer one has since moved past. A caller's expected version that
    one of our own steps produced or started from is replaced by the latest version we
    left; any other version (e.g. one reloaded after someone else's change) is passed
    through, so real conflicts are still refused.
    """

    def __init__(self) -> None:
        self._latest: dict[str, int] = {}
        self._ours: dict[str, set[int]] = {}
        self._lock = threading.Lock()  # jobs note from the worker, pushes from the UI

    def expected(self, entity_id: str, version: int | None) -> int | None:
        with self._lock:
            if version is not None and version in self._ours.get(entity_id, ()):
                return self._latest[entity_id]
            return version

    def note(self, entity_id: str, before: int | None, after: int) -> None:
        with self._lock:
            seen = self._ours.setdefault(entity_id, set())
            if before is not None:
                seen.add(before)
            seen.add(after)
            # Notes can arrive out of order (a push lands after later jobs ran): keep the
            # highest, since versions only grow.
            self._latest[entity_id] = max(after, self._latest.get(entity_id, after))

    def clear(self) -> None:
        with self._lock:
            self._latest.clear()
            self._ours.clear()

    def call(self, entity_id: str, version: int | None,
             step: Callable[[int | None], Any]) -> Any:
        expected = self.expected(entity_id, version)
        result = step(expected)
        self.note(entity_id, expected, result.version)
        return result



class ServiceCommand(QUndoCommand):
    def __init__(self, ops: Ops, stack: QUndoStack, text: str, redo_step: Step,
                 undo_step: Step, version: int | None, parent_widget: QWidget | None = None,
                 book: VersionBook | None = None, entity_id: str | None = None,
                 label: str = ""):
        super().__init__(text)
        self._label = label
        self._ops, self._stack, self._widget = ops, stack, parent_widget
        self._redo_step, self._undo_step = redo_step, undo_step
        self._version = version
        self._book, self._entity_id = book, entity_id
        self._first = True

    def redo(self) -> None:
        if self._first:
            self._first = False
            return
        self._run(self._redo_step)

    def undo(self) -> None:
        self._run(self._undo_step)

    def _run(self, step: Step) -> None:
        version, book, entity_id = self._version, self._book, self._entity_id

        def job(_job: Any) -> Any:
            if book is None or entity_id is None:
                return step(version)
            expected = book.expected(entity_id, version)
            result = step(expected)
            if getattr(result, "version", None) is not None:
                book.note(entity_id, expected, result.version)
            return result

        def done(result: Any) -> None:
            self._version = getattr(result, "version", None)

        self._ops.run(job, label=self._label, on_done=done, on_error=self._failed,
                      parent_widget=self._widget)

    def _failed(self, exc: BaseException) -> None:
        QMessageBox.warning(self._widget, tr("Undo"), user_message(exc) + "\n\n" + tr(
            "The undo history was cleared because it no longer matches the workspace."))
        QTimer.singleShot(0, self._stack.clear)
        if self._book is not None:
            self._book.clear()


def push_after(ops: Ops, stack: QUndoStack, text: str, action: Callable[[], Any],
               make_undo: Callable[[Any], Step], make_redo: Callable[[Any], Step],
               parent_widget: QWidget | None = None,
               on_done: Callable[[Any], None] | None = None,
               book: VersionBook | None = None, *, label: str = "",
               on_error: Callable[[BaseException], None] | None = None) -> None:
    """Run `action()` on the worker; once it succeeded, push an undoable command.

    `make_undo(result)` and `make_redo(result)` build the steps from what the action
    returned (e.g. the values it replaced), each taking the version left by the step before.
    With a `label`, the action, its undo and its redo show progress when slow (their
    services report through ops.job_progress). `on_error` replaces the message box shown
    when the action fails (nothing is pushed then).
    """

    def done(result: Any) -> None:
        entity_id = getattr(result, "entity_id", None)
        version = getattr(result, "version", None)
        if book is not None and entity_id is not None and version is not None:
            book.note(entity_id, None, version)
        stack.push(ServiceCommand(ops, stack, text, make_redo(result), make_undo(result),
                                  version, parent_widget, book, entity_id, label))
        if on_done:
            on_done(result)

    ops.run(lambda _job: action(), label=label, on_done=done, on_error=on_error,
            parent_widget=parent_widget)
