"""The Quota view's edits, each through ctx.edit so it lands on the undo stack, and its
quota sheets out to Excel and back (QuotaSheets).

Threading: every step runs on the serial Ops worker, the only place PlanIds is read or
written once the view exists.

Undo: a target edit (a typed month, a top-down split, a roll-up) is undone by putting
back the cells it overwrote (PlanChange.previous); seasonality and ramp by storing the
shape the view showed before; a created version (new plan, new draft, an imported sheet)
by removing it; a deleted draft by making it again as the year's next draft with the
same targets and shape. Publishing is not undoable (reps are told what a published
version holds; services.quotas keeps published versions), so the view asks first.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from salesdesk.domain.quotas import Metric, OwnerKind, QuotaPlan
from salesdesk.services import quotas
from salesdesk.services.common import OpChanges
from salesdesk.services.quotas import PlanChange
from salesdesk.ui.context import UiContext
from salesdesk.ui.i18n import tr
from salesdesk.ui.models.board_model import money_text
from salesdesk.ui.models.quota_model import PlanGrid, month_long
from salesdesk.ui.ops import user_message

PlanStep = Callable[[str, int | None], PlanChange]
"""A service call on (the plan's current id, the version it expects)."""


class PlanIds:
    """Which plan a command means now, and which version our own steps left on it.

    Undoing the creation of a version deletes it for good; redoing it makes a new version
    with a new id, and older commands on the old id follow it here. Each step expects the
    version our previous step left (or the one the caller loaded, if newer), so a change
    made elsewhere in between is refused as a conflict rather than overwritten."""

    def __init__(self) -> None:
        self._moved: dict[str, str] = {}
        self._left: dict[str, int] = {}

    def current(self, plan_id: str) -> str:
        while plan_id in self._moved:
            plan_id = self._moved[plan_id]
        return plan_id

    def expected(self, plan_id: str, loaded: int | None) -> int | None:
        left = self._left.get(plan_id)
        if loaded is None or left is None:
            return left if loaded is None else loaded
        return max(left, loaded)

    def note(self, change: PlanChange) -> PlanChange:
        self._left[change.plan_id] = change.version
        return change

    def moved(self, old: str, new: str) -> None:
        current = self.current(old)
        if current != new:
            self._moved[current] = new

    def call(self, plan_id: str, loaded: int | None, step: PlanStep) -> PlanChange:
        current = self.current(plan_id)
        return self.note(step(current, self.expected(current, loaded)))


@dataclass(frozen=True)
class Deleted:
    """A removed draft, kept to make it again on undo."""

    plan: QuotaPlan
    version: int
    changes: OpChanges


class QuotaEdits:
    """Undoable quota actions. `widget` parents error messages."""

    def __init__(self, ctx: UiContext, widget: QWidget):
        self.ctx, self.widget = ctx, widget
        self.ids = PlanIds()

    # --- targets of a draft ---------------------------------------------------------
    def set_target(self, grid: PlanGrid, member_id: str, name: str, month: date,
                   amount: Decimal, currency: str) -> None:
        uow = self.ctx.uow
        cells = [(str(OwnerKind.MEMBER), member_id, str(Metric.REVENUE), month, amount)]
        text = tr("Set {0}'s {1} quota to {2}").format(name, month_long(month),
                                                      money_text(amount, currency, cents=True))
        self._targets(text, grid, lambda pid, v: quotas.set_targets(uow, pid, cells, v, text))

    def split_top_down(self, grid: PlanGrid, team_id: str, team_name: str, annual: Decimal,
                       weights: dict[str, Decimal]) -> None:
        uow = self.ctx.uow
        text = tr("Split {0}'s target top-down").format(team_name)
        self._targets(text, grid, lambda pid, v: quotas.top_down_team(
            uow, pid, team_id, annual, weights, expected=v))

    def roll_up(self, grid: PlanGrid, team_id: str, team_name: str) -> None:
        uow = self.ctx.uow
        text = tr("Roll {0} up from its reps").format(team_name)
        self._targets(text, grid, lambda pid, v: quotas.bottom_up_team(
            uow, pid, team_id, expected=v))

    def _targets(self, text: str, grid: PlanGrid, step: PlanStep) -> None:
        uow, ids, plan_id = self.ctx.uow, self.ids, grid.plan_id
        undo_text = tr("Undo: {0}").format(text)

        def undo(done: PlanChange) -> Callable[[int | None], PlanChange]:
            return lambda _v: ids.call(plan_id, None, lambda pid, v: quotas.set_targets(
                uow, pid, done.previous, v, undo_text))

        self.ctx.edit(text, lambda: ids.call(plan_id, grid.version, step), make_undo=undo,
                      make_redo=lambda _done: lambda _v: ids.call(plan_id, None, step),
                      parent_widget=self.widget)

    def set_shape(self, grid: PlanGrid, seasonality: Sequence[Decimal],
                  ramp: Sequence[Decimal], block_months: int) -> None:
        uow, ids, plan_id, old = self.ctx.uow, self.ids, grid.plan_id, grid.shape

        def shape(weights: Sequence[Decimal], steps: Sequence[Decimal], block: int
                  ) -> PlanStep:
            return lambda pid, v: quotas.set_shape(uow, pid, seasonality=list(weights),
                                                   ramp=list(steps), ramp_block_months=block,
                                                   expected=v)

        new = shape(seasonality, ramp, block_months)
        before = shape(old.seasonality, old.ramp or (), old.ramp_block_months)
        self.ctx.edit(tr("Change the seasonality and ramp"),
                      lambda: ids.call(plan_id, grid.version, new),
                      make_undo=lambda _d: lambda _v: ids.call(plan_id, None, before),
                      make_redo=lambda _d: lambda _v: ids.call(plan_id, None, new),
                      parent_widget=self.widget)

    # --- versions --------------------------------------------------------------------
    def create_plan(self, year: int, propose: bool, base_year: int | None, growth: Decimal,
                    note: str, on_done: Callable[[PlanChange], None]) -> None:
        uow = self.ctx.uow
        self._creation(tr("New {0} quota plan").format(year), lambda: quotas.create_plan(
            uow, year, propose=propose, base_year=base_year, growth=growth, note=note),
            on_done)

    def new_draft(self, grid: PlanGrid, on_done: Callable[[PlanChange], None]) -> None:
        uow, ids, base = self.ctx.uow, self.ids, grid.plan_id
        self._creation(tr("New draft of the {0} plan").format(grid.year),
                       lambda: quotas.new_draft(uow, ids.current(base)), on_done)

    def apply_import(self, preview: Any, on_done: Callable[[PlanChange], None]) -> None:
        """The previewed sheet as a new draft version (undo removes it)."""
        from salesdesk.services.quota_sheets import apply_quota_import

        uow = self.ctx.uow
        self._creation(tr("Import {0}").format(preview.path.name),
                       lambda: _created(apply_quota_import(uow, preview, publish=False)),
                       on_done)

    def _creation(self, text: str, create: Callable[[], PlanChange],
                  on_done: Callable[[PlanChange], None]) -> None:
        uow, ids = self.ctx.uow, self.ids

        def redo(done: PlanChange) -> Callable[[int | None], PlanChange]:
            def step(_v: int | None) -> PlanChange:
                again = ids.note(create())
                ids.moved(done.plan_id, again.plan_id)
                return again
            return step

        self.ctx.edit(text, lambda: ids.note(create()),
                      make_undo=lambda done: lambda _v: ids.call(
                          done.plan_id, None, lambda pid, v: quotas.remove_version(uow, pid,
                                                                                   v)),
                      make_redo=redo, parent_widget=self.widget, on_done=on_done)

    def delete_draft(self, grid: PlanGrid, on_done: Callable[[Any], None]) -> None:
        uow, ids, plan_id = self.ctx.uow, self.ids, grid.plan_id

        def delete(_v: int | None = None, loaded: int | None = None) -> Deleted:
            plan = quotas.load(uow, ids.current(plan_id))
            done = ids.call(plan_id, loaded, lambda pid, v: quotas.remove_version(uow, pid, v))
            return Deleted(plan, done.version, done.changes)

        def undo(gone: Deleted) -> Callable[[int | None], PlanChange]:
            def step(_v: int | None) -> PlanChange:
                made = ids.note(remake(uow, gone.plan))
                ids.moved(plan_id, made.plan_id)
                return made
            return step

        self.ctx.edit(tr("Delete draft version {0} of the {1} plan").format(
            grid.plan_version, grid.year), lambda: delete(loaded=grid.version),
            make_undo=undo, make_redo=lambda _gone: delete, parent_widget=self.widget,
            on_done=on_done)

    def publish(self, grid: PlanGrid, on_done: Callable[[PlanChange], None]) -> None:
        """Not undoable (see the module's docstring): the caller asked first."""
        uow, ids, plan_id, loaded = self.ctx.uow, self.ids, grid.plan_id, grid.version
        self.ctx.ops.run(lambda _job: ids.call(plan_id, loaded, lambda pid, v: quotas.publish(
            uow, pid, v)), on_done=on_done, parent_widget=self.widget)

    def apply_import_published(self, preview: Any,
                               on_done: Callable[[PlanChange | None], None]) -> None:
        """The previewed sheet as a new published version: not undoable, like publish."""
        from salesdesk.services.quota_sheets import apply_quota_import

        uow, ids = self.ctx.uow, self.ids

        def job(_job: Any) -> PlanChange | None:
            done = apply_quota_import(uow, preview, publish=True)
            return None if done is None else ids.note(done)

        self.ctx.ops.run(job, on_done=on_done, parent_widget=self.widget)


def _created(done: PlanChange | None) -> PlanChange:
    if done is None:  # the dialog offers no Apply for an unchanged sheet
        raise ValueError("the sheet changes nothing")
    return done


def remake(uow: Any, plan: QuotaPlan) -> PlanChange:
    """A removed draft made again: the year's next draft (or its first version) holding
    the same targets, seasonality and ramp. Three steps, each committed."""
    found = quotas.versions(uow, plan.year)
    if found:
        made = quotas.new_draft(uow, found[0].id, plan.note)
    else:
        made = quotas.create_plan(uow, plan.year, propose=False, note=plan.note)
    fresh = quotas.load(uow, made.plan_id)
    keys = sorted(plan.targets.keys() | fresh.targets.keys(),
                  key=lambda k: (k[0].kind, k[0].id, k[1], k[2]))
    cells = [(str(o.kind), o.id, str(m), d, plan.targets[(o, m, d)].amount
              if (o, m, d) in plan.targets else None) for (o, m, d) in keys]
    made = quotas.set_targets(uow, made.plan_id, cells, made.version,
                              tr("Draft version {0} made again").format(made.plan_version))
    ramp = quotas.ramp_schedule_of(plan)
    return quotas.set_shape(uow, made.plan_id,
                            seasonality=list(quotas.seasonality_of(plan).weights),
                            ramp=list(ramp.steps) if ramp else [],
                            ramp_block_months=ramp.block_months if ramp else 3,
                            expected=made.version)


# --- quota sheets out to Excel and back --------------------------------------------------
def ask_save_path(parent: QWidget, caption: str, suggested: str) -> Path | None:
    """Where to write the workbook (the system dialog; tests replace this)."""
    name, _ = QFileDialog.getSaveFileName(parent, caption, suggested,
                                          tr("Excel workbook (*.xlsx)"))
    return Path(name) if name else None


def ask_open_path(parent: QWidget, caption: str) -> Path | None:
    """Which edited workbook to import (the system dialog; tests replace this)."""
    name, _ = QFileDialog.getOpenFileName(parent, caption, "", tr("Excel workbook (*.xlsx)"))
    return Path(name) if name else None


class QuotaSheets(QObject):
    """Export the plan in force and import an edited sheet: the file dialogs, the work on
    the Ops worker (openpyxl loads there, when first needed), the preview or refusal, and
    the apply through QuotaEdits."""

    sig_version_made = Signal(object)
    """An import made a version; carries its PlanChange."""
    sig_said = Signal(str, bool)
    """A result to report: (sentence, is a problem)."""

    def __init__(self, ctx: UiContext, edits: QuotaEdits, widget: QWidget):
        super().__init__(widget)
        self.ctx, self.edits, self.widget = ctx, edits, widget

    def export(self, year: int) -> None:
        path = ask_save_path(self.widget, tr("Export quota sheets"), f"quotas-{year}.xlsx")
        if path is None:
            return
        if path.suffix.lower() != ".xlsx":
            path = path.with_suffix(".xlsx")
        uow = self.ctx.uow

        def job(_job: Any) -> Any:
            from salesdesk.services.quota_sheets import export_quotas
            from salesdesk.storage.quota_sheets import WORKBOOKS

            return export_quotas(uow, WORKBOOKS, year, path)

        self.ctx.ops.run(job, label=tr("Writing the quota sheets…"), on_done=self._exported,
                         parent_widget=self.widget)

    def _exported(self, result: Any) -> None:
        self.sig_said.emit(tr(
            "Version {0} of the {1} plan (the plan in force) saved to {2}: {3} reps in {4} "
            "teams, closed won counted up to {5}.").format(
            result.plan_version, result.year, result.path, result.members, result.teams,
            result.won_through.isoformat()), False)

    def import_(self, year: int, currency: str) -> None:
        path = ask_open_path(self.widget, tr("Import an edited quota sheet"))
        if path is None:
            return
        uow = self.ctx.uow

        def job(_job: Any) -> Any:
            from salesdesk.services.quota_sheets import preview_quota_import
            from salesdesk.storage.quota_sheets import WORKBOOKS

            return preview_quota_import(uow, WORKBOOKS, path, year)

        self.ctx.ops.run(job, label=tr("Checking the quota sheet…"),
                         on_done=lambda preview: self._previewed(preview, currency),
                         on_error=lambda exc: self._refused(path, exc),
                         parent_widget=self.widget)

    def _previewed(self, preview: Any, currency: str) -> None:
        from salesdesk.ui.dialogs.quota_import_dialog import QuotaImportDialog

        choice = QuotaImportDialog.ask(self.widget, preview=preview, currency=currency)
        if choice is None:
            if preview.unchanged:
                self.sig_said.emit(tr("{0} changes nothing.").format(preview.path.name),
                                   False)
            return
        if choice.publish:
            self.edits.apply_import_published(preview, self.sig_version_made.emit)
        else:
            self.edits.apply_import(preview, self.sig_version_made.emit)

    def _refused(self, path: Path, exc: BaseException) -> None:
        from salesdesk.domain.quota_sheet import QuotaSheetError
        from salesdesk.ui.dialogs.quota_import_dialog import QuotaImportDialog

        if isinstance(exc, QuotaSheetError):
            QuotaImportDialog.refuse(self.widget, path=path, problems=exc.problems)
            self.sig_said.emit(tr("{0} was refused; nothing was applied.").format(path.name),
                               True)
        else:
            QMessageBox.warning(self.widget, tr("Import quota sheet"), user_message(exc))
