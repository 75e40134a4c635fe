"""Undo/redo of workspace edits through the main window's one QUndoStack.

An action runs first through Ops; only once it succeeded is a ServiceCommand pushed
(its first redo() does nothing, the work is done). Later undo()/redo() queue the inverse
or the action again on the same serial worker. Each step receives the version the
previous step left, so an undo over a change made elsewhere is refused as a conflict;
then the history is cleared, because it no longer describes the workspace.
"""

from __future__ import annotations

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


class ServiceCommand(QUndoCommand):
    def __init__(self, ops: Ops, stack: QUndoStack, text: str, redo_step: Step,
                 undo_step: Step, version: int | None, parent_widget: QWidget | None = None):
        super().__init__(text)
        self._ops, self._stack, self._widget = ops, stack, parent_widget
        self._redo_step, self._undo_step = redo_step, undo_step
        self._version = version
        self._first = True

    def redo(self) -> None:
        if self._first:
            self._first = False
            return
        self._run(self._redo_step)

    def undo(self) -> None:
        self._run(self._undo_step)

    def _run(self, step: Step) -> None:
        version = self._version

        def done(result: Any) -> None:
            self._version = getattr(result, "version", None)

        self._ops.run(lambda _job: step(version), on_done=done, on_error=self._failed,
                      parent_widget=self._widget)

    def _failed(self, exc: BaseException) -> None:
        QMessageBox.warning(self._widget, tr("Undo"), user_message(exc) + "\n\n" + tr(
            "The undo history was cleared because it no longer matches the workspace."))
        QTimer.singleShot(0, self._stack.clear)


def push_after(ops: Ops, stack: QUndoStack, text: str, action: Callable[[], Any],
               make_undo: Callable[[Any], Step], make_redo: Callable[[Any], Step],
               parent_widget: QWidget | None = None,
               on_done: Callable[[Any], None] | None = None) -> None:
    """Run `action()` on the worker; once it succeeded, push an undoable command.

    `make_undo(result)` and `make_redo(result)` build the steps from what the action
    returned (e.g. the values it replaced), each taking the version left by the step before.
    """

    def done(result: Any) -> None:
        stack.push(ServiceCommand(ops, stack, text, make_redo(result), make_undo(result),
                                  getattr(result, "version", None), parent_widget))
        if on_done:
            on_done(result)

    ops.run(lambda _job: action(), on_done=done, parent_widget=parent_widget)
