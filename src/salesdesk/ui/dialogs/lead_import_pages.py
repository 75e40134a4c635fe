"""The pages of the lead import dialog: column mapping, preview (row problems and
duplicate groups with a choice each), and the outcome (report, refusal or error).

Pages only show what they are given and report the user's edits through their models;
the dialog (lead_import_dialog.py) runs the services on the worker.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QAbstractItemModel, QModelIndex, QPersistentModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from salesdesk.services.import_leads import Choice, LeadImportReport
from salesdesk.ui.dialogs.common import ERROR_STYLE, HINT_STYLE
from salesdesk.ui.i18n import tr
from salesdesk.ui.models.coverage_model import Column, RowsModel
from salesdesk.ui.models.duplicate_groups_model import (
    CHOICE,
    WHO,
    WHY,
    DuplicateGroupsModel,
    choice_help,
    choice_items,
)
from salesdesk.ui.models.lead_mapping_model import CHOICES_ROLE, COLUMN, LeadMappingModel
from salesdesk.ui.ops import Job

Index = QModelIndex | QPersistentModelIndex
_PROBLEM = re.compile(r"^row (\d+), column '([^']*)': (.*)$", re.DOTALL)
WHO_WIDTH = 240
"""Widest the Lead column of the duplicate groups starts (the rest is in its tooltip)."""
_ROWS = re.compile(r"^rows? ([\d, ]*\d)(?::\s*|,\s*|\s+)(.*)$", re.DOTALL)


class ComboDelegate(QStyledItemDelegate):
    """A combo over the choices a cell offers (CHOICES_ROLE: [(text, value)]); the value
    is written back through setData(EditRole) as soon as it is picked."""

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem,  # noqa: N802
                     index: Index) -> QWidget:
        combo = QComboBox(parent)
        for text, value in index.data(CHOICES_ROLE) or []:
            combo.addItem(text, value)
        combo.currentIndexChanged.connect(lambda _i, c=combo: self.commitData.emit(c))
        return combo

    def setEditorData(self, editor: QWidget, index: Index) -> None:  # noqa: N802
        assert isinstance(editor, QComboBox)
        position = editor.findData(index.data(Qt.ItemDataRole.EditRole))
        editor.blockSignals(True)  # showing the model's value is no edit
        editor.setCurrentIndex(max(position, 0))
        editor.blockSignals(False)

    def setModelData(self, editor: QWidget, model: QAbstractItemModel,  # noqa: N802
                     index: Index) -> None:
        assert isinstance(editor, QComboBox)
        model.setData(index, editor.currentData(), Qt.ItemDataRole.EditRole)

    def updateEditorGeometry(self, editor: QWidget, option: QStyleOptionViewItem,  # noqa: N802
                             index: Index) -> None:
        editor.setGeometry(option.rect)


def table_view() -> QTableView:
    view = QTableView(alternatingRowColors=True, wordWrap=False,
                      selectionBehavior=QAbstractItemView.SelectionBehavior.SelectRows,
                      editTriggers=QAbstractItemView.EditTrigger.NoEditTriggers)
    view.verticalHeader().hide()
    return view


def open_combos(view: QTableView, column: int) -> None:
    """Show the combos of `column` all the time (reopened after a model reset)."""
    model = view.model()
    for row in range(model.rowCount()):
        view.openPersistentEditor(model.index(row, column))


def fit_columns(view: QTableView, stretch: int, *, minimum: Sequence[int] = ()) -> None:
    view.resizeColumnsToContents()
    header = view.horizontalHeader()
    for column, width in enumerate(minimum):
        header.resizeSection(column, max(header.sectionSize(column) + 12, width))
    header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)


def label(text: str = "", style: str = "") -> QLabel:
    widget = QLabel(text, wordWrap=True)
    widget.setStyleSheet(style)
    return widget


def delete_when_idle(widget: QWidget, job: Job | None) -> None:
    """deleteLater() once `job` (still undelivered, started with `widget` as the parent of
    its progress dialog) has been delivered: deleting it earlier would take that progress
    dialog along while Ops still has to close it. None: no job pending."""
    if job is None:
        widget.deleteLater()
        return
    queued = Qt.ConnectionType.QueuedConnection  # after Ops' own slots, connected first
    job.sig_job_finished.connect(lambda _result: widget.deleteLater(), queued)
    job.sig_job_failed.connect(lambda _exc: widget.deleteLater(), queued)


def set_note(widget: QLabel, text: str) -> None:
    """Show `text`, or hide the label while there is none (no empty gap)."""
    widget.setText(text)
    widget.setVisible(bool(text))


def no_initial_sort(view: QTableView) -> None:
    """Sortable by a click, but first shown in the order given (no column sorted)."""
    view.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
    view.setSortingEnabled(True)


# --- mapping ---------------------------------------------------------------------------
class MappingPage(QWidget):
    sig_mapping_changed = Signal()
    """The user picked another column for a field."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.model = LeadMappingModel(self)
        self.table = table_view()
        self.table.setModel(self.model)
        self.table.setItemDelegateForColumn(COLUMN, ComboDelegate(self.table))
        self.table.verticalHeader().setDefaultSectionSize(
            self.table.fontMetrics().height() + 14)
        self.source_note = label(style=HINT_STYLE)
        self.problem = label(style=ERROR_STYLE)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.source_note)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.problem)
        self.model.dataChanged.connect(self._changed)

    def show_mapping(self, preview: Any, table: Any) -> None:
        self.model.set_mapping(preview.mapping, table)
        open_combos(self.table, COLUMN)
        fit_columns(self.table, 3, minimum=(0, 220, 0))
        notes = {"remembered": self.tr("These columns are the ones you chose the last time "
                                       "you imported a file laid out like this one."),
                 "guessed": self.tr("Columns were guessed from their names and from what "
                                    "their cells hold. Pick another column where a guess is "
                                    "wrong.")}
        set_note(self.source_note, notes.get(preview.mapping.source, ""))
        self._changed()

    def _changed(self) -> None:
        set_note(self.problem, self.model.problem())
        self.sig_mapping_changed.emit()


# --- preview ---------------------------------------------------------------------------
@dataclass(frozen=True)
class Problem:
    row: str
    column: str
    message: str


def split_problem(text: str, column_label: Callable[[str], str]) -> Problem:
    """'row 5, column 'e_mail': not an address' as its row, column and message."""
    found = _PROBLEM.match(text)
    if found is None:
        return Problem("—", "—", text)
    column = "/".join(column_label(h) for h in found.group(2).split("/"))
    return Problem(found.group(1), column, found.group(3))


def problem_columns() -> list[Column]:
    return [Column(tr("Row"), lambda p: p.row, key=lambda p: (len(p.row), p.row),
                   numeric=True),
            Column(tr("Column"), lambda p: p.column),
            Column(tr("Problem"), lambda p: p.message)]


class PreviewPage(QWidget):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.summary = label()
        self.summary.setStyleSheet("font-weight: 600;")
        self.problems_model = RowsModel(problem_columns(), self)
        self.problems = table_view()
        self.problems.setModel(self.problems_model)
        self.groups_model = DuplicateGroupsModel(self)
        self.groups = table_view()
        self.groups.setModel(self.groups_model)
        self.groups.setItemDelegateForColumn(CHOICE, ComboDelegate(self.groups))
        self.groups.verticalHeader().setDefaultSectionSize(
            self.groups.fontMetrics().height() + 14)
        self.default_choice = QComboBox()
        for text, value in choice_items():
            self.default_choice.addItem(text, value)
        self.default_choice.currentIndexChanged.connect(self._default_changed)
        self.groups_note = label(style=HINT_STYLE)
        self.duplicates = QWidget()
        self._hidden = 0
        self._layout()

    def _layout(self) -> None:
        row = QHBoxLayout()
        row.addWidget(QLabel(self.tr("For every duplicate group:")))
        row.addWidget(self.default_choice)
        row.addStretch(1)
        inner = QVBoxLayout(self.duplicates)
        inner.setContentsMargins(0, 0, 0, 0)
        inner.addLayout(row)
        inner.addWidget(self.groups, 1)
        inner.addWidget(self.groups_note)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.summary)
        layout.addWidget(self.problems, 1)
        layout.addWidget(self.duplicates, 2)

    @property
    def default(self) -> Choice:
        return Choice(self.default_choice.currentData())

    def show_preview(self, preview: Any, who: Callable[[int], str],
                     column_label: Callable[[str], str]) -> None:
        problems = [split_problem(p, column_label) for p in preview.problems]
        self.problems_model.set_rows(problems)
        self.problems.setVisible(bool(problems))
        fit_columns(self.problems, 2, minimum=(72, 120))
        self.groups_model.set_groups(preview.groups, who, self.default)
        open_combos(self.groups, CHOICE)
        fit_columns(self.groups, WHY, minimum=(80, 0, 0, 0, 240))
        header = self.groups.horizontalHeader()
        header.resizeSection(WHO, min(header.sectionSize(WHO), WHO_WIDTH))
        self.duplicates.setVisible(not problems and bool(preview.groups))
        self.summary.setText(self._summary(preview))
        self.summary.setStyleSheet("font-weight: 600;" + (ERROR_STYLE if problems else ""))
        self._hidden = preview.duplicate_groups - len(preview.groups)
        self._note()

    def _summary(self, preview: Any) -> str:
        if preview.problems:
            return self.tr("{0} rows read; {1} problems. Nothing can be imported until the "
                           "file is corrected (or a column is mapped differently).").format(
                preview.rows, len(preview.problems))
        if preview.duplicate_groups == 1:
            return self.tr("{0} rows read, no problems. 1 group of duplicates (among the "
                           "file's rows or with leads already in the workspace): choose what "
                           "happens to it.").format(preview.rows)
        if preview.duplicate_groups:
            return self.tr("{0} rows read, no problems. {1} groups of duplicates (among the "
                           "file's rows or with leads already in the workspace): choose what "
                           "happens to each.").format(preview.rows, preview.duplicate_groups)
        return self.tr("{0} rows read, no problems, no duplicates: every row becomes a new "
                       "lead.").format(preview.rows)

    def _default_changed(self) -> None:
        self.groups_model.set_all(self.default)
        self._note()

    def _note(self) -> None:
        help_text = choice_help(self.default)
        self.groups_note.setText(self.tr(
            "{0} more groups are not listed: they take the choice above. {1}").format(
            self._hidden, help_text) if self._hidden > 0 else help_text)


# --- outcome ---------------------------------------------------------------------------
@dataclass(frozen=True)
class Outcome:
    kind: str
    """In words: Created, Merged, …"""
    rows: str
    detail: str


def split_line(kind: str, text: str) -> Outcome:
    found = _ROWS.match(text)
    if found is None:
        return Outcome(kind, "—", text)
    return Outcome(kind, found.group(1), found.group(2))


def outcome_lines(report: LeadImportReport) -> list[Outcome]:
    """What happened to rows that were not simply created first, then the notes, then
    the created rows (the summary counts them all)."""
    kinds = ((tr("Merged"), report.merged), (tr("Updated"), report.updated),
             (tr("Skipped"), report.skipped), (tr("Refused"), report.refused))
    lines = [split_line(kind, text) for kind, items in kinds for text in items]
    lines += [Outcome(tr("Note"), "—", text) for text in report.notes]
    return lines + [split_line(tr("Created"), text) for text in report.created]


def outcome_columns() -> list[Column]:
    return [Column(tr("Outcome"), lambda o: o.kind),
            Column(tr("Rows"), lambda o: o.rows),
            Column(tr("Details"), lambda o: o.detail)]


def report_summary(report: LeadImportReport) -> str:
    return tr("{0}: {1} created, {2} merged, {3} updated, {4} skipped, {5} refused.").format(
        report.source, len(report.created), len(report.merged), len(report.updated),
        len(report.skipped), len(report.refused))


class ResultPage(QWidget):
    """What the import did, why it was refused, or why the file could not be read."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.heading = label()
        self.model = RowsModel(outcome_columns(), self)
        self.problems_model = RowsModel(problem_columns(), self)
        self.table = table_view()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.heading)
        layout.addWidget(self.table, 1)

    def show_report(self, report: LeadImportReport) -> None:
        self._heading(report_summary(report), ERROR_STYLE if report.refused else "")
        self.model.set_rows(outcome_lines(report))
        self._table(self.model, (90, 60))

    def show_refused(self, source: str, problems: Sequence[Problem]) -> None:
        self._heading(self.tr("{0} was refused: {1} problems. Nothing was imported; correct "
                              "the file and import it again.").format(source, len(problems)),
                      ERROR_STYLE)
        self.problems_model.set_rows(problems)
        self._table(self.problems_model, (72, 120))

    def show_error(self, message: str) -> None:
        self._heading(message, ERROR_STYLE)
        self.table.hide()

    def _heading(self, text: str, style: str) -> None:
        self.heading.setText(text)
        self.heading.setStyleSheet("font-weight: 600;" + style)

    def _table(self, model: RowsModel, minimum: Sequence[int]) -> None:
        self.table.setSortingEnabled(False)
        self.table.setModel(model)
        no_initial_sort(self.table)
        self.table.show()
        fit_columns(self.table, 2, minimum=minimum)
