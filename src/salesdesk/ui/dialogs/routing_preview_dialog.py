"""The routing dry run: who would get each open lead without an owner, and why; which
leads nobody can take, and why; each rep's share. Apply writes it as one undoable step
(undo: services.lead_routing.undo_routing; redo: apply_routing again, which works the
plan out afresh). Cancel writes nothing.

The preview and the apply run on the worker through ctx; results come back on the UI
thread. Errors are shown by Ops (user_message), never as a traceback.
"""

from __future__ import annotations

import contextlib
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QTimer, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from salesdesk.ui.dialogs.common import ERROR_STYLE, HINT_STYLE
from salesdesk.ui.dialogs.lead_import_pages import (
    delete_when_idle,
    fit_columns,
    label,
    no_initial_sort,
    table_view,
)
from salesdesk.ui.models.coverage_model import Column, RowsModel
from salesdesk.ui.models.routing_model import (
    RoutingPreview,
    load_preview,
    proposal_columns,
    rep_columns,
    rep_summary,
    unassigned_columns,
)
from salesdesk.ui.ops import Job, user_message

if TYPE_CHECKING:
    from salesdesk.services.lead_routing import RoutingResult
    from salesdesk.ui.context import UiContext

REPS_IN_LINE = 4
"""Reps named in the summary line above the tables (all are in the Per rep tab)."""


class RoutingPreviewDialog(QDialog):
    sig_preview_loaded = Signal()
    """The dry run arrived and is shown."""

    def __init__(self, parent: QWidget | None, ctx: UiContext):
        super().__init__(parent)
        self.ctx = ctx
        self.preview: RoutingPreview | None = None
        self.applied: RoutingResult | None = None
        self._applying = False
        self.pending: Job | None = None
        """The preview job, until its result is delivered."""
        self.setWindowTitle(self.tr("Route leads — preview"))
        self.heading = label(self.tr("Working out who gets each lead…"))
        self.heading.setStyleSheet("font-size: 15px; font-weight: 600;")
        self.reps_line = label(style=HINT_STYLE)
        self.proposals = self._table(proposal_columns(), 3)
        self.unassigned = self._table(unassigned_columns(), 2)
        self.reps = self._table(rep_columns(), 0)
        self.tabs = QTabWidget()
        for view in (self.proposals, self.unassigned, self.reps):
            self.tabs.addTab(view, "")
        self.tabs.hide()
        self.hint = label(self.tr("Nothing is written until you apply. Edit › Undo hands the "
                                  "routed leads back to nobody."), HINT_STYLE)
        self.buttons = QDialogButtonBox()
        self.apply_button = self.buttons.addButton(self.tr("Apply routing"),
                                                   QDialogButtonBox.ButtonRole.AcceptRole)
        self.apply_button.setEnabled(False)
        self.cancel_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        self.apply_button.clicked.connect(self.apply)
        self.cancel_button.clicked.connect(self.reject)
        layout = QVBoxLayout(self)
        for widget in (self.heading, self.reps_line):
            layout.addWidget(widget)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.hint)
        layout.addWidget(self.buttons)
        self.resize(1120, 620)

    def _table(self, columns: list[Column], stretch: int) -> QTableView:
        view = table_view()
        view.setModel(RowsModel(columns, view))
        no_initial_sort(view)  # proposals come most urgent first
        view.setProperty("stretch", stretch)
        return view

    @staticmethod
    def model_of(view: QTableView) -> RowsModel:
        model = view.model()
        assert isinstance(model, RowsModel)
        return model

    @classmethod
    def ask(cls, parent: QWidget | None, ctx: UiContext) -> RoutingResult | None:
        """Preview the routing; the applied result, or None (cancelled, nothing to route)."""
        dialog = cls(parent, ctx)
        dialog.start()
        dialog.exec()
        applied = dialog.applied
        delete_when_idle(dialog, dialog.pending)
        return applied

    # --- preview ----------------------------------------------------------------------
    def start(self) -> None:
        uow = self.ctx.uow

        def done(preview: RoutingPreview) -> None:
            self.pending = None
            self.show_preview(preview)

        def failed(exc: BaseException) -> None:
            self.pending = None
            self._failed(exc)

        self.pending = self.ctx.ops.run(lambda _job: load_preview(uow),
                                        label=self.tr("Working out the routing…"),
                                        parent_widget=self, on_done=done, on_error=failed)

    def show_preview(self, preview: RoutingPreview) -> None:
        self.preview = preview
        self._fill(self.proposals, preview.proposals)
        self._fill(self.unassigned, preview.unassigned)
        self._fill(self.reps, preview.reps)
        self.tabs.setTabText(0, self.tr("Proposals ({0:,})").format(len(preview.proposals)))
        self.tabs.setTabText(1, self.tr("Unassigned ({0:,})").format(len(preview.unassigned)))
        self.tabs.setTabText(2, self.tr("Per rep ({0:,})").format(len(preview.reps)))
        self.tabs.setVisible(not preview.empty)
        if not preview.proposals and preview.unassigned:
            self.tabs.setCurrentWidget(self.unassigned)
        self.heading.setText(self._heading(preview))
        self.reps_line.setText(self._reps_line(preview))
        self.reps_line.setVisible(bool(preview.reps))
        self.hint.setVisible(bool(preview.proposals))
        self.apply_button.setVisible(bool(preview.proposals))
        self.apply_button.setEnabled(bool(preview.proposals))
        self.cancel_button.setText(self.tr("Cancel") if preview.proposals else self.tr("Close"))
        self.sig_preview_loaded.emit()

    def _fill(self, view: QTableView, rows: Sequence[Any]) -> None:
        self.model_of(view).set_rows(rows)
        fit_columns(view, int(view.property("stretch")), minimum=(160, 140, 140))

    def _heading(self, preview: RoutingPreview) -> str:
        if preview.empty:
            return self.tr("Every open lead has an owner: there is nothing to route.")
        total = len(preview.proposals) + len(preview.unassigned)
        if not preview.proposals:
            return self.tr("{0:,} open leads without an owner, and no rep can take them "
                           "now: see why below.").format(total)
        return self.tr("{0:,} open leads without an owner: {1:,} proposed to {2:,} reps, "
                       "{3:,} left unassigned.").format(total, len(preview.proposals),
                                                        len(preview.reps),
                                                        len(preview.unassigned))

    def _reps_line(self, preview: RoutingPreview) -> str:
        shown = sorted(preview.reps, key=lambda r: -r.new)[:REPS_IN_LINE]
        text = " · ".join(rep_summary(r) for r in shown)
        more = len(preview.reps) - len(shown)
        return text + (self.tr(" · and {0} more reps (Per rep tab)").format(more)
                       if more > 0 else "")

    def _failed(self, exc: BaseException) -> None:
        self.heading.setText(self.tr("The routing could not be worked out: {0}").format(
            user_message(exc)))
        self.heading.setStyleSheet("font-size: 15px; font-weight: 600;" + ERROR_STYLE)
        self.cancel_button.setText(self.tr("Close"))

    # --- apply ------------------------------------------------------------------------
    def apply(self) -> None:
        """Write the routing as one undoable step; the dialog closes once it is done."""
        from salesdesk.services.lead_routing import apply_routing, undo_routing

        if self.preview is None or not self.preview.proposals or self._applying:
            return
        uow = self.ctx.uow
        owner = self.parentWidget()  # outlives this dialog: later undo messages go there
        self._set_applying(True)
        self.ctx.ops.sig_busy_changed.connect(self._busy_changed)
        self.ctx.edit(self.tr("Route {0:,} leads").format(len(self.preview.proposals)),
                      lambda: apply_routing(uow),
                      make_undo=lambda _result: lambda _version: undo_routing(uow),
                      make_redo=lambda _result: lambda _version: apply_routing(uow),
                      parent_widget=owner, on_done=self._applied)

    def reject(self) -> None:
        if not self._applying:  # the apply is on its way: its outcome closes the dialog
            super().reject()

    def _applied(self, result: RoutingResult) -> None:
        self.applied = result
        self._stop_watching()
        self.accept()

    def _busy_changed(self, busy: bool) -> None:
        # ctx.edit reports success only; the worker falling idle without it means the
        # apply failed (Ops has shown why). Checked once the done-callback had its turn.
        if not busy:
            QTimer.singleShot(0, self._check_failed)

    def _check_failed(self) -> None:
        if self._applying and self.applied is None:
            self._stop_watching()
            self._set_applying(False)
            self.hint.setText(self.tr("The routing was not applied; nothing was changed."))
            self.hint.setStyleSheet(ERROR_STYLE)

    def _stop_watching(self) -> None:
        with contextlib.suppress(RuntimeError, TypeError):  # not connected any more
            self.ctx.ops.sig_busy_changed.disconnect(self._busy_changed)

    def _set_applying(self, applying: bool) -> None:
        self._applying = applying
        self.apply_button.setEnabled(not applying)
        self.cancel_button.setEnabled(not applying)
