"""Importing a lead file: columns, preview, import, report — one dialog, four steps.

1. The file is read and previewed on the worker (storage.files.read_table, then
   services.import_leads.preview_lead_import with the guessed or remembered mapping).
2. Columns: a combo per lead field; the guess and three sample values beside it.
3. Preview: every row problem with its row and column (Import stays disabled while there
   are any), and the duplicate groups, each with skip / merge / update.
4. The import runs on the worker with progress (cancellable; all or nothing), and the
   report lists what was created, merged, updated, skipped and refused, with reasons.
Ops announces the report's OpChanges (leads). An import is not undoable.
Every job result comes back on the UI thread; no widget is touched from the worker.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from salesdesk.ui.dialogs.common import HINT_STYLE
from salesdesk.ui.dialogs.lead_import_pages import (
    MappingPage,
    PreviewPage,
    ResultPage,
    delete_when_idle,
    label,
    set_note,
    split_problem,
)
from salesdesk.ui.ops import Job, user_message

if TYPE_CHECKING:
    from salesdesk.services.import_leads import LeadImportPreview, LeadImportReport
    from salesdesk.services.imports import TableLike
    from salesdesk.ui.context import UiContext

Role = QDialogButtonBox.ButtonRole


@dataclass(frozen=True)
class Loaded:
    table: TableLike
    preview: LeadImportPreview


def lead_words(values: dict[str, str], fields: dict[str, str]) -> str:
    """'Ann Lee, Acme' (or the e-mail when there is no name) from a file row's cells."""
    def cell(field: str) -> str:
        return values.get(fields[field], "").strip() if field in fields else ""

    name = cell("person_name") or " ".join(
        x for x in (cell("first_name"), cell("last_name")) if x)
    return ", ".join(x for x in (name or cell("email"), cell("company")) if x) or "—"


class LeadImportDialog(QDialog):
    sig_stage_changed = Signal(str)
    """The step shown: reading, mapping, previewing, preview, importing, report, refused
    or error."""

    def __init__(self, parent: QWidget | None, ctx: UiContext, path: Path):
        super().__init__(parent)
        self.ctx, self.path = ctx, Path(path)
        self.stage = ""
        self.loaded: Loaded | None = None
        self.preview: LeadImportPreview | None = None
        self.report: LeadImportReport | None = None
        self.pending: Job | None = None
        """The job this dialog waits for, until its result is delivered."""
        self.setWindowTitle(self.tr("Import leads — {0}").format(self.path.name))
        self.step = QLabel()
        self.step.setStyleSheet("font-size: 15px; font-weight: 600;")
        self.reading = label(self.tr("Reading {0}…").format(self.path.name), HINT_STYLE)
        self.mapping = MappingPage()
        self.preview_page = PreviewPage()
        self.outcome = ResultPage()
        self.pages = QStackedWidget()
        for page in (self.reading, self.mapping, self.preview_page, self.outcome):
            self.pages.addWidget(page)
        self.status = label(style=HINT_STYLE)
        self.status.hide()
        self._buttons()
        layout = QVBoxLayout(self)
        layout.addWidget(self.step)
        layout.addWidget(self.pages, 1)
        layout.addWidget(self.status)
        layout.addWidget(self.button_box)
        self.mapping.sig_mapping_changed.connect(self._update_buttons)
        self.resize(1060, 640)

    def _buttons(self) -> None:
        self.button_box = QDialogButtonBox()
        add = self.button_box.addButton

        def button(text: str, role: Role, slot: Any) -> QPushButton:
            made = add(text, role)
            made.clicked.connect(slot)
            return made

        self.back_button = button(self.tr("‹ Columns"), Role.ActionRole, self.show_mapping)
        self.preview_button = button(self.tr("Preview ›"), Role.ActionRole, self.run_preview)
        self.import_button = button(self.tr("Import"), Role.ActionRole, self.run_import)
        self.cancel_button = button(self.tr("Cancel"), Role.RejectRole, self.reject)
        self.close_button = button(self.tr("Close"), Role.AcceptRole, self.accept)
        for b in (self.preview_button, self.import_button, self.close_button):
            b.setAutoDefault(False)

    @classmethod
    def ask(cls, parent: QWidget | None, ctx: UiContext, path: Path
            ) -> LeadImportReport | None:
        """Run the whole import dialog on `path`; the report of the import, or None when
        nothing was imported (cancelled, refused, unreadable)."""
        dialog = cls(parent, ctx, path)
        dialog.start()
        dialog.exec()
        report = dialog.report
        delete_when_idle(dialog, dialog.pending)
        return report

    # --- steps ------------------------------------------------------------------------
    def start(self) -> None:
        """Read and preview the file on the worker."""
        uow, path = self.ctx.uow, self.path

        def job(_job: Job) -> Loaded:
            from salesdesk.services.import_leads import preview_lead_import
            from salesdesk.storage.files import read_table

            table = read_table(path)
            return Loaded(table, preview_lead_import(uow, table))

        self._go("reading", self.reading, self.tr("Reading the file"))
        self._run(job, self.tr("Reading {0}…").format(path.name), self._loaded, self._failed)

    def _loaded(self, loaded: Loaded) -> None:
        self.loaded, self.preview = loaded, loaded.preview
        self.mapping.show_mapping(loaded.preview, loaded.table)
        self.show_mapping()

    def show_mapping(self) -> None:
        set_note(self.status, "")
        self._go("mapping", self.mapping, self.tr("Step 1 of 3 — Which column holds what"))

    def run_preview(self) -> None:
        assert self.loaded is not None
        fields = self.mapping.model.fields()
        if self.preview is not None and self.preview.mapping.fields == fields:
            self._previewed(self.preview)
            return
        uow, table = self.ctx.uow, self.loaded.table

        def job(_job: Job) -> LeadImportPreview:
            from salesdesk.services.import_leads import preview_lead_import

            return preview_lead_import(uow, table, fields)

        self._go("previewing", self.mapping, self.tr("Step 1 of 3 — Which column holds what"))
        self._run(job, self.tr("Checking every row…"), self._previewed, self._preview_failed)

    def _previewed(self, preview: LeadImportPreview) -> None:
        assert self.loaded is not None
        self.preview = preview
        rows = {r.number: r.values for r in self.loaded.table.rows}
        fields = preview.mapping.fields
        self.preview_page.show_preview(
            preview, lambda n: lead_words(rows.get(n, {}), fields),
            self.mapping.model.header_label)
        set_note(self.status, "")
        self._go("preview", self.preview_page, self.tr("Step 2 of 3 — Check before importing"))

    def _preview_failed(self, exc: BaseException) -> None:
        set_note(self.status, user_message(exc))
        self._go("mapping", self.mapping, self.tr("Step 1 of 3 — Which column holds what"))

    def run_import(self) -> None:
        assert self.loaded is not None
        uow, table = self.ctx.uow, self.loaded.table
        fields = self.mapping.model.fields()
        default = self.preview_page.default
        choices = self.preview_page.groups_model.choices()

        def job(job: Job) -> LeadImportReport:
            from salesdesk.services.import_leads import import_leads

            return import_leads(uow, table, fields, on_duplicate=default, choices=choices,
                                progress=job.progress)

        self._go("importing", self.preview_page, self.tr("Step 3 of 3 — Importing"))
        self._run(job, self.tr("Importing {0}…").format(self.path.name), self._imported,
                  self._import_failed, cancellable=True)

    def _imported(self, report: LeadImportReport) -> None:
        self.report = report
        self.outcome.show_report(report)
        self._go("report", self.outcome, self.tr("Import finished"))

    def _import_failed(self, exc: BaseException) -> None:
        from salesdesk.services.import_leads import LeadImportRefused
        from salesdesk.services.imports import ImportCancelled

        if isinstance(exc, ImportCancelled):
            set_note(self.status, str(exc))
            self._go("preview", self.preview_page,
                     self.tr("Step 2 of 3 — Check before importing"))
        elif isinstance(exc, LeadImportRefused):
            label_of = self.mapping.model.header_label
            self.outcome.show_refused(self.path.name, [split_problem(p, label_of)
                                                      for p in exc.report.refused])
            self._go("refused", self.outcome, self.tr("Import refused"))
        else:
            self._failed(exc)

    def _failed(self, exc: BaseException) -> None:
        self.outcome.show_error(self.tr("{0} could not be imported: {1}").format(
            self.path.name, user_message(exc)))
        self._go("error", self.outcome, self.tr("Nothing was imported"))

    # --- state ------------------------------------------------------------------------
    def _run(self, fn: Any, label: str, on_done: Any, on_error: Any, *,
             cancellable: bool = False) -> None:
        def done(result: Any) -> None:
            self.pending = None
            on_done(result)

        def failed(exc: BaseException) -> None:
            self.pending = None
            on_error(exc)

        self.pending = self.ctx.ops.run(fn, label=label, parent_widget=self, on_done=done,
                                        on_error=failed, cancellable=cancellable)

    def _go(self, stage: str, page: QWidget, step: str) -> None:
        self.stage = stage
        self.pages.setCurrentWidget(page)
        self.step.setText(step)
        self._update_buttons()
        self.sig_stage_changed.emit(stage)

    def _update_buttons(self) -> None:
        stage = self.stage
        done = stage in ("report", "refused", "error")
        problems = bool(self.preview and self.preview.problems)
        self.back_button.setVisible(stage == "preview")
        self.preview_button.setVisible(stage in ("reading", "mapping", "previewing"))
        self.preview_button.setEnabled(stage == "mapping" and not self.mapping.model.problem())
        self.import_button.setVisible(stage in ("preview", "importing"))
        self.import_button.setEnabled(stage == "preview" and not problems)
        self.import_button.setToolTip(self.tr("Correct the problems listed first: an import "
                                              "is all or nothing.") if problems else "")
        self.cancel_button.setVisible(not done)
        self.cancel_button.setEnabled(stage != "importing")
        self.close_button.setVisible(done)
        (self.close_button if done else self.preview_button if stage == "mapping"
         else self.import_button).setDefault(True)
