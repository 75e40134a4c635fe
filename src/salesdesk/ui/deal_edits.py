"""Entry points of the deal dialogs (the Pipeline tab calls them) and their undoable edits.

    new_deal(ctx, parent, stage_id)        add a deal
    edit_deal(ctx, parent, deal_id)        edit one (activities and notes saved at once)
    pipeline_settings(ctx, parent, id)     its name, stages and lost reasons

Each loads what its dialog needs with one read on the worker, shows the dialog, and saves
through ctx.edit, so every change lands on the window's undo stack. An edit expects the
version of the deal as it was loaded: a deal changed elsewhere meanwhile is refused with a
message that says so, never overwritten.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from PySide6.QtWidgets import QMessageBox, QWidget

from salesdesk.domain.errors import ConcurrentEditError, ConflictError, DomainError
from salesdesk.domain.pipeline import ForecastCategory, Outcome
from salesdesk.services import pipeline, pipeline_setup
from salesdesk.services.pipeline_setup import StageSpec
from salesdesk.services.workspace_settings import DEFAULT_CURRENCY
from salesdesk.storage import deal_queries, pipeline_queries
from salesdesk.storage.deal_queries import DealForm, LostReasonChoice, PipelineSettings
from salesdesk.storage.pipeline_queries import deal_detail
from salesdesk.storage.rows import ActivityRow, DealDetail
from salesdesk.ui.context import UiContext
from salesdesk.ui.dialogs.deal_dialog import DealDialog, DealResult
from salesdesk.ui.dialogs.lost_reasons_panel import Reasons
from salesdesk.ui.dialogs.stages_dialog import StagesDialog
from salesdesk.ui.i18n import tr
from salesdesk.ui.undo import ServiceCommand, Step

__all__ = ["DealChangedElsewhere", "DealLive", "SettingsActions", "edit_deal", "new_deal",
           "pipeline_settings"]


class DealChangedElsewhere(DomainError):
    """The deal changed since the dialog loaded it; nothing was written."""


def deal_label(detail: DealDetail) -> str:
    """How a deal is named in messages and the undo history."""
    return detail.title or detail.account or detail.reference or tr("deal")


def conflict_text(label: str) -> str:
    return tr("“{0}” was changed elsewhere since you opened it (by a colleague, an import "
              "or another window). Your changes were not saved, so nothing was overwritten. "
              "Open the deal again to see its current state, then make your changes "
              "again.").format(label)


def _worded(label: str, action: Callable[[], Any]) -> Callable[[], Any]:
    """`action`, with a version conflict told in words about this deal."""
    message = conflict_text(label)  # translated here, on the UI thread

    def run() -> Any:
        try:
            return action()
        except (ConflictError, ConcurrentEditError) as exc:
            raise DealChangedElsewhere(message) from exc

    return run


# --- new deal ----------------------------------------------------------------------------
def _form_query(deal_id: str | None = None,
                stage_id: str | None = None) -> Callable[[Any], DealForm | None]:
    return lambda conn: deal_queries.deal_form(conn, default_currency=DEFAULT_CURRENCY,
                                               deal_id=deal_id, stage_id=stage_id)


def new_deal(ctx: UiContext, parent: QWidget, stage_id: str | None) -> None:
    """Ask for a new deal (in `stage_id`, else the first open stage) and add it."""

    def loaded(form: DealForm | None) -> None:
        if form is None or not form.stages:  # no pipeline yet: make the default one first
            ctx.ops.run(lambda _job: pipeline_setup.ensure_pipeline(ctx.uow), parent_widget=parent,
                        on_done=lambda _c: ctx.read(_form_query(None, stage_id), show, parent))
            return
        show(form)

    def show(form: DealForm | None) -> None:
        if form is None:
            return
        result = DealDialog.ask(parent, form=form, stage_id=stage_id)
        if result is not None:
            add(ctx, parent, result)

    ctx.read(_form_query(None, stage_id), loaded, parent)


def add(ctx: UiContext, parent: QWidget | None, result: DealResult) -> None:
    uow = ctx.uow
    ctx.edit(tr("Add deal {0}").format(result.label),
             lambda: pipeline.add_deal(uow, stage_id=result.stage_id, lines=result.lines,
                                       **result.fields),
             make_undo=lambda saved: (lambda v: pipeline.delete_deal(uow, saved.deal_id, v)),
             make_redo=lambda saved: (lambda v: pipeline.restore_deal(uow, saved.deal_id, v)),
             parent_widget=parent)


# --- existing deal -----------------------------------------------------------------------
def edit_deal(ctx: UiContext, parent: QWidget, deal_id: str) -> None:
    """Show the deal; save what the user changed, expecting the version loaded."""

    def loaded(form: DealForm | None) -> None:
        if form is None or form.detail is None:
            QMessageBox.information(parent, tr("Deal"), tr(
                "This deal no longer exists: it was deleted since the board was loaded."))
            return
        live = DealLive(ctx, form.detail, parent)
        result = DealDialog.ask(parent, form=form, live=live)
        live.detach()
        if result is not None:
            save(ctx, parent, form.detail, result)

    ctx.read(_form_query(deal_id), loaded, parent)


def save(ctx: UiContext, parent: QWidget | None, loaded: DealDetail,
         result: DealResult) -> bool:
    """Save the fields and lines that differ from `loaded`; False if nothing did."""
    changes, lines = result.changes()
    if not changes and lines is None:
        return False
    uow, deal_id, label = ctx.uow, loaded.id, deal_label(loaded)

    def step(v: int | None) -> Any:
        return pipeline.edit_deal(uow, deal_id, v, changes, lines)

    ctx.edit(tr("Edit {0}").format(result.label or label),
             _worded(label, lambda: ctx.versions.call(deal_id, loaded.version, step)),
             make_undo=lambda saved: (lambda v: pipeline.restore_deal_fields(
                 uow, deal_id, v, saved.before)),
             make_redo=lambda _saved: step, parent_widget=parent)
    return True


class DealLive:
    """The activities and notes of one open deal dialog: each action is saved at once (and
    undoable), then the deal is read again and handed to the dialog."""

    def __init__(self, ctx: UiContext, detail: DealDetail, widget: QWidget | None):
        self.ctx, self.deal_id, self.widget = ctx, detail.id, widget
        self.label = deal_label(detail)
        self.dialog: DealDialog | None = None

    def attach(self, dialog: Any) -> None:
        """The dialog that shows this deal (DealDialog calls this)."""
        self.dialog = dialog

    def detach(self) -> None:
        self.dialog = None

    def reload(self) -> None:
        def loaded(detail: DealDetail | None) -> None:
            if detail is not None and self.dialog is not None:
                self.dialog.show_children(detail)

        deal_id = self.deal_id
        self.ctx.read(lambda conn: deal_detail(conn, deal_id), loaded, self.widget)

    def _edit(self, text: str, action: Callable[[], Any], undo: Callable[[Any], Any],
              redo: Callable[[Any], Any]) -> None:
        self.ctx.edit(text, action, make_undo=undo, make_redo=redo, parent_widget=self.widget,
                      on_done=lambda _r: self.reload())

    def add_activity(self, kind: str, subject: str, due_on: date | None) -> None:
        uow = self.ctx.uow
        self._edit(tr("Plan “{0}” on {1}").format(subject, self.label),
                   lambda: pipeline.add_activity(uow, self.deal_id, kind, subject, due_on),
                   undo=lambda saved: (lambda v: pipeline.remove_activity(uow, saved.id, v)),
                   redo=lambda saved: (lambda v: pipeline.restore_activity(uow, saved.id, v)))

    def set_activity_done(self, row: ActivityRow, done: bool) -> None:
        uow, book = self.ctx.uow, self.ctx.versions
        text = tr("Complete “{0}”") if done else tr("Reopen “{0}”")
        self._edit(text.format(row.subject),
                   lambda: book.call(row.id, row.version, lambda v: pipeline.set_activity_done(
                       uow, row.id, v, done)),
                   undo=lambda _s: (lambda v: pipeline.set_activity_done(uow, row.id, v,
                                                                         not done)),
                   redo=lambda _s: (lambda v: pipeline.set_activity_done(uow, row.id, v, done)))

    def remove_activity(self, row: ActivityRow) -> None:
        uow, book = self.ctx.uow, self.ctx.versions
        self._edit(tr("Remove “{0}”").format(row.subject),
                   lambda: book.call(row.id, row.version, lambda v: pipeline.remove_activity(
                       uow, row.id, v)),
                   undo=lambda _s: (lambda v: pipeline.restore_activity(uow, row.id, v)),
                   redo=lambda _s: (lambda v: pipeline.remove_activity(uow, row.id, v)))

    def add_note(self, body: str) -> None:
        uow = self.ctx.uow
        self._edit(tr("Note feedback on {0}").format(self.label),
                   lambda: pipeline.add_note(uow, self.deal_id, body),
                   undo=lambda saved: (lambda v: pipeline.remove_note(uow, saved.id, v)),
                   redo=lambda saved: (lambda v: pipeline.restore_note(uow, saved.id, v)))


# --- pipeline settings -------------------------------------------------------------------
def pipeline_settings(ctx: UiContext, parent: QWidget, pipeline_id: str) -> None:
    """The name, stages and lost reasons of `pipeline_id`; each save lands on the undo
    stack."""

    def loaded(found: tuple[PipelineSettings | None, list[tuple[str, str]]]) -> None:
        settings, pipelines = found
        if settings is None:
            QMessageBox.information(parent, tr("Pipeline settings"),
                                    tr("This pipeline no longer exists."))
            return
        StagesDialog.ask(parent, settings=settings,
                         actions=SettingsActions(ctx, settings, parent),
                         taken=[name for i, name in pipelines if i != pipeline_id])

    ctx.read(lambda conn: (deal_queries.pipeline_settings(conn, pipeline_id),
                           pipeline_queries.pipelines(conn)), loaded, parent)


class SettingsActions:
    """Saves for the pipeline settings dialog. Refusals go back to the dialog (shown in
    it); what succeeded is pushed on the undo stack, its undo errors parented to `widget`."""

    def __init__(self, ctx: UiContext, settings: PipelineSettings, widget: QWidget | None):
        self.ctx, self.widget = ctx, widget
        self.pipeline_id, self.name = settings.pipeline_id, settings.name
        self.stages = [StageSpec(s.name, s.probability, ForecastCategory(s.category),
                                 Outcome(s.outcome), s.rotting_days, s.id)
                       for s in settings.stages]

    def _push(self, text: str, action: Callable[[], Any], undo: Step, redo: Step,
              on_done: Callable[[Any], None],
              on_error: Callable[[BaseException], None]) -> None:
        ctx = self.ctx

        def done(result: Any) -> None:
            ctx.undo_stack.push(ServiceCommand(ctx.ops, ctx.undo_stack, text, redo, undo, None,
                                               self.widget))
            on_done(result)

        ctx.ops.run(lambda _job: action(), on_done=done, on_error=on_error,
                    parent_widget=self.widget)

    def save_stages(self, specs: list[StageSpec], on_done: Callable[[object], None],
                    on_error: Callable[[BaseException], None]) -> None:
        uow, pipeline_id, before = self.ctx.uow, self.pipeline_id, list(self.stages)

        def save(wanted: list[StageSpec]) -> Step:
            return lambda _v: pipeline_setup.save_stages(uow, pipeline_id, wanted)

        def saved(result: Any) -> None:
            self.stages = list(specs)
            on_done(result)

        self._push(tr("Edit the pipeline stages"),
                   lambda: pipeline_setup.save_stages(uow, pipeline_id, specs),
                   undo=save(before), redo=save(specs), on_done=saved, on_error=on_error)

    def rename_pipeline(self, name: str, on_done: Callable[[object], None],
                        on_error: Callable[[BaseException], None]) -> None:
        """Rename the pipeline; its undo puts the name back, expecting the version the
        rename left. The settings read carries no version, so the rename itself is not
        checked against one (two people renaming at once: the later name wins)."""
        ctx, pipeline_id, before = self.ctx, self.pipeline_id, self.name
        text = tr("Rename the pipeline {0} to {1}").format(before, name)

        def rename(to: str) -> Step:
            return lambda v: pipeline_setup.rename_pipeline(ctx.uow, pipeline_id, v, to)

        def done(result: Any) -> None:
            ctx.versions.note(pipeline_id, None, result.version)
            ctx.undo_stack.push(ServiceCommand(ctx.ops, ctx.undo_stack, text, rename(name),
                                               rename(before), result.version, self.widget,
                                               ctx.versions, pipeline_id))
            self.name = name
            on_done(result)

        ctx.ops.run(lambda _job: rename(name)(None), on_done=done, on_error=on_error,
                    parent_widget=self.widget)

    def _reasons_then(self, on_done: Callable[[Reasons], None]) -> Callable[[Any], None]:
        return lambda _r: self.ctx.read(deal_queries.lost_reasons, on_done, self.widget)

    def add_reason(self, name: str, on_done: Callable[[Reasons], None],
                   on_error: Callable[[BaseException], None]) -> None:
        uow = self.ctx.uow
        self._push(tr("Add the lost reason {0}").format(name),
                   lambda: pipeline_setup.add_lost_reason(uow, name),
                   undo=lambda _v: pipeline_setup.retire_lost_reason_named(uow, name),
                   redo=lambda _v: pipeline_setup.add_lost_reason(uow, name),
                   on_done=self._reasons_then(on_done), on_error=on_error)

    def retire_reason(self, reason: LostReasonChoice, on_done: Callable[[Reasons], None],
                      on_error: Callable[[BaseException], None]) -> None:
        uow = self.ctx.uow
        self._push(tr("Retire the lost reason {0}").format(reason.name),
                   lambda: pipeline_setup.retire_lost_reason(uow, reason.id),
                   undo=lambda _v: pipeline_setup.add_lost_reason(uow, reason.name),
                   redo=lambda _v: pipeline_setup.retire_lost_reason(uow, reason.id),
                   on_done=self._reasons_then(on_done), on_error=on_error)
