"""What every tab gets from the main window: the workspace, the worker, the undo stack."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QWidget

from salesdesk.ui.ops import Ops
from salesdesk.ui.settings import UiSettings
from salesdesk.ui.undo import Step, VersionBook, push_after

if TYPE_CHECKING:  # the database layer loads when the workspace opens, after the first paint
    import sqlalchemy as sa

    from salesdesk.storage.workspace import Workspace


@dataclass
class UiContext:
    workspace: Workspace
    ops: Ops
    undo_stack: QUndoStack
    settings: UiSettings
    versions: VersionBook = field(default_factory=VersionBook)
    """Versions this window's own edits left, shared by its undo commands."""

    @property
    def uow(self) -> Any:
        """Unit-of-work factory for services."""
        return self.workspace.uow

    def read(self, query: Callable[[sa.Connection], Any], on_done: Callable[[Any], None],
             parent_widget: QWidget | None = None) -> None:
        """Run a read-side query (storage.queries) on the worker; deliver rows on the UI
        thread."""
        engine = self.workspace.engine

        def job(_job: Any) -> Any:
            with engine.connect() as conn:
                return query(conn)

        self.ops.run(job, on_done=on_done, parent_widget=parent_widget)

    def edit(self, text: str, action: Callable[[], Any], make_undo: Callable[[Any], Step],
             make_redo: Callable[[Any], Step], parent_widget: QWidget | None = None,
             on_done: Callable[[Any], None] | None = None, *, label: str = "",
             on_error: Callable[[BaseException], None] | None = None) -> None:
        """Run an undoable edit (see ui.undo.push_after: `label` for progress on slow
        edits, `on_error` to show a refusal in place of a message box)."""
        push_after(self.ops, self.undo_stack, text, action, make_undo, make_redo,
                   parent_widget, on_done, self.versions, label=label, on_error=on_error)
