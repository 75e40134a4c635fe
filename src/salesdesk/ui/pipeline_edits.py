"""Adding and removing whole pipelines (the Pipeline tab's settings menu calls these).

Both go through ctx.edit, so they land on the window's undo stack: adding is undone by
removing the new pipeline, removing by restoring it with its stages. Renaming is part of
the pipeline settings dialog (deal_edits.pipeline_settings).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtWidgets import QWidget

from salesdesk.domain.errors import DomainError, ValidationError
from salesdesk.services import pipeline_setup
from salesdesk.ui.context import UiContext
from salesdesk.ui.dialogs import pipeline_name_dialog as naming
from salesdesk.ui.i18n import tr

__all__ = ["PipelineRefused", "new_pipeline", "remove_pipeline"]


class PipelineRefused(DomainError):
    """The service refused to add or remove a pipeline; the message says why, in words."""


def _worded(action: Callable[[], Any]) -> Callable[[], Any]:
    """`action`, with a refusal told as its message alone (not "field 'pipeline': ...")."""

    def run() -> Any:
        try:
            return action()
        except ValidationError as exc:
            raise PipelineRefused(exc.message) from exc

    return run


def new_pipeline(ctx: UiContext, parent: QWidget, pipelines: Sequence[tuple[str, str]],
                 current_id: str | None, on_added: Callable[[str], None]) -> None:
    """Ask for the name of a new pipeline (offering to copy the stages of `current_id`)
    and add it; `on_added(pipeline_id)` once it is stored. `pipelines`: (id, name) of
    every pipeline."""
    current = next((name for pipeline_id, name in pipelines if pipeline_id == current_id),
                   None)
    answer = naming.PipelineNameDialog.ask(parent, tr("New pipeline"),
                                           taken=[name for _id, name in pipelines],
                                           copy_from=current)
    if answer is None:
        return
    uow, name = ctx.uow, answer.name
    copy_from = current_id if answer.copy_stages else None
    ctx.edit(tr("Add the pipeline {0}").format(name),
             _worded(lambda: pipeline_setup.add_pipeline(uow, name, copy_from)),
             make_undo=lambda saved: (lambda v: pipeline_setup.remove_pipeline(
                 uow, saved.pipeline_id, v)),
             make_redo=lambda saved: (lambda v: pipeline_setup.restore_pipeline(
                 uow, saved.pipeline_id, v)),
             parent_widget=parent, on_done=lambda saved: on_added(saved.pipeline_id))


def remove_pipeline(ctx: UiContext, parent: QWidget, pipeline_id: str, name: str) -> None:
    """Ask, then remove the pipeline and its stages. The service refuses a pipeline that
    holds deals, or the last one; the refusal is shown as a warning."""
    if not naming.confirm_remove(parent, name):
        return
    uow = ctx.uow
    ctx.edit(tr("Remove the pipeline {0}").format(name),
             _worded(lambda: pipeline_setup.remove_pipeline(uow, pipeline_id, None)),
             make_undo=lambda _saved: (lambda v: pipeline_setup.restore_pipeline(
                 uow, pipeline_id, v)),
             make_redo=lambda _saved: (lambda v: pipeline_setup.remove_pipeline(
                 uow, pipeline_id, v)),
             parent_widget=parent)
