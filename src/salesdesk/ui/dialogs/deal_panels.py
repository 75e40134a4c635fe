"""The deal dialog's tabs for an existing deal: activities, customer feedback, history.

Activities and notes are saved the moment they are added, completed or removed (through
`DealChildActions`, which the caller implements with undoable service calls); the dialog's
OK and Cancel are about the deal's own fields. The panels only show what they are given.
"""

from __future__ import annotations

import html
from collections.abc import Sequence
from datetime import UTC, date, datetime
from typing import Any, Protocol

from PySide6.QtCore import QDate, Qt
from PySide6.QtGui import QBrush, QColor, QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QTextBrowser,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from salesdesk.domain.deals import ActivityKind, DealActivity, DealNote
from salesdesk.domain.errors import ValidationError
from salesdesk.storage.rows import ActivityRow, NoteRow, StageChangeRow
from salesdesk.ui import deal_format as fmt
from salesdesk.ui.dialogs.common import HINT_STYLE, error_label
from salesdesk.ui.i18n import tr

OVERDUE = QColor("#b3261e")
ROOMY_ROWS = "QTreeWidget::item { padding: 4px 2px; }"
DONE = QColor("#7a8591")


class DealChildActions(Protocol):
    """What the panels ask for; each call saves at once and the dialog is then given the
    reloaded deal (DealDialog.show_children)."""

    def attach(self, dialog: Any) -> None:
        """The dialog to give the reloaded deal to."""

    def add_activity(self, kind: str, subject: str, due_on: date | None) -> None: ...

    def set_activity_done(self, row: ActivityRow, done: bool) -> None: ...

    def remove_activity(self, row: ActivityRow) -> None: ...

    def add_note(self, body: str) -> None: ...


def _hint(text: str) -> QLabel:
    label = QLabel(text, wordWrap=True)
    label.setStyleSheet(HINT_STYLE)
    return label


class ActivitiesPanel(QWidget):
    def __init__(self, actions: DealChildActions, parent: QWidget | None = None):
        super().__init__(parent)
        self.edits = actions
        self.rows: list[ActivityRow] = []
        self.kind_combo = QComboBox()
        for kind in ActivityKind:
            self.kind_combo.addItem(fmt.kind_word(kind.value), kind.value)
        self.subject_edit = QLineEdit(placeholderText=tr("What to do, e.g. Call about the "
                                                         "pilot results"))
        self.due_check = QCheckBox(tr("Due"))
        self.due_check.setChecked(True)
        self.due_edit = QDateEdit(QDate.currentDate().addDays(1), calendarPopup=True,
                                  displayFormat="d MMM yyyy")
        self.add_button = QPushButton(tr("Add activity"))
        self.tree = QTreeWidget(rootIsDecorated=False, alternatingRowColors=True,
                                uniformRowHeights=True)
        self.tree.setHeaderLabels([tr("Done"), tr("Type"), tr("Subject"), tr("Due")])
        self.tree.setStyleSheet(ROOMY_ROWS)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        header = self.tree.header()
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        header.setStretchLastSection(False)
        self.tree.setColumnWidth(0, 60)
        self.tree.setColumnWidth(1, 90)
        self.tree.setColumnWidth(3, 220)
        self.remove_button = QPushButton(tr("Remove activity"))
        self.message = error_label("activityMessage")
        self._lay_out()
        self.due_check.toggled.connect(self.due_edit.setEnabled)
        self.add_button.clicked.connect(self.add)
        self.subject_edit.returnPressed.connect(self.add)
        self.remove_button.clicked.connect(self.remove_selected)
        self.tree.itemChanged.connect(self._item_changed)
        self.tree.itemSelectionChanged.connect(self._update_buttons)
        self._update_buttons()

    def _lay_out(self) -> None:
        new = QHBoxLayout()
        new.addWidget(self.kind_combo)
        new.addWidget(self.subject_edit, 1)
        new.addWidget(self.due_check)
        new.addWidget(self.due_edit)
        new.addWidget(self.add_button)
        bottom = QHBoxLayout()
        bottom.addWidget(_hint(tr("Tick an activity when it is done. Changes here are "
                                  "saved at once.")), 1)
        bottom.addWidget(self.remove_button)
        layout = QVBoxLayout(self)
        layout.addLayout(new)
        layout.addWidget(self.message)
        layout.addWidget(self.tree, 1)
        layout.addLayout(bottom)

    def show_rows(self, rows: Sequence[ActivityRow], today: date) -> None:
        self.rows = list(rows)
        self.tree.blockSignals(True)  # filling is not the user ticking
        self.tree.clear()
        for row in rows:
            self.tree.addTopLevelItem(self._item(row, today))
        self.tree.blockSignals(False)
        self._update_buttons()

    def _item(self, row: ActivityRow, today: date) -> QTreeWidgetItem:
        overdue = row.done_at is None and row.due_on is not None and row.due_on < today
        due = fmt.date_text(row.due_on) if row.due_on else tr("no due date")
        if overdue:
            due = tr("{0} — overdue").format(due)
        item = QTreeWidgetItem(["", fmt.kind_word(row.kind), row.subject, due])
        item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
        item.setCheckState(0, Qt.CheckState.Checked if row.done_at else
                           Qt.CheckState.Unchecked)
        if row.done_at is not None:
            item.setToolTip(0, tr("Done {0}").format(fmt.moment_text(row.done_at)))
        color = OVERDUE if overdue else DONE if row.done_at else None
        for column in range(4):
            if color is not None:
                item.setForeground(column, QBrush(color))
        if overdue:
            bold = QFont(item.font(3))
            bold.setBold(True)
            item.setFont(3, bold)
        return item

    def add(self) -> None:
        due = self.due_edit.date().toPython() if self.due_check.isChecked() else None
        kind = str(self.kind_combo.currentData())
        try:
            probe = DealActivity(deal_id="", kind=ActivityKind(kind),
                                 subject=self.subject_edit.text(), due_on=due)
        except ValidationError as exc:
            self.message.setText(fmt.problem_text(exc))
            return
        self.message.clear()
        self.subject_edit.clear()
        self.edits.add_activity(kind, probe.subject, due)

    def _item_changed(self, item: QTreeWidgetItem, column: int) -> None:
        if column != 0:
            return
        row = self.rows[self.tree.indexOfTopLevelItem(item)]
        done = item.checkState(0) == Qt.CheckState.Checked
        if done != (row.done_at is not None):
            self.edits.set_activity_done(row, done)

    def set_done(self, index: int, done: bool) -> None:
        """Tick or untick an activity, as the user would."""
        item = self.tree.topLevelItem(index)
        if item is not None:
            item.setCheckState(0, Qt.CheckState.Checked if done else Qt.CheckState.Unchecked)

    def remove_selected(self) -> None:
        items = self.tree.selectedItems()
        if items:
            self.edits.remove_activity(self.rows[self.tree.indexOfTopLevelItem(items[0])])

    def _update_buttons(self) -> None:
        self.remove_button.setEnabled(bool(self.tree.selectedItems()))


class NotesPanel(QWidget):
    def __init__(self, actions: DealChildActions, parent: QWidget | None = None):
        super().__init__(parent)
        self.edits = actions
        self.note_edit = QPlainTextEdit(placeholderText=tr(
            "What the customer said: objections, requests, praise…"))
        self.note_edit.setFixedHeight(self.note_edit.fontMetrics().lineSpacing() * 4)
        self.add_button = QPushButton(tr("Add note"))
        self.message = error_label("noteMessage")
        self.notes = QTextBrowser(openLinks=False)
        row = QHBoxLayout()
        row.addWidget(_hint(tr("Notes are saved at once and listed newest first.")), 1)
        row.addWidget(self.add_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.note_edit)
        layout.addLayout(row)
        layout.addWidget(self.message)
        layout.addWidget(self.notes, 1)
        self.add_button.clicked.connect(self.add)

    def add(self) -> None:
        try:
            probe = DealNote(deal_id="", body=self.note_edit.toPlainText())
        except ValidationError as exc:
            self.message.setText(fmt.problem_text(exc))
            return
        self.message.clear()
        self.note_edit.clear()
        self.edits.add_note(probe.body)

    def show_rows(self, rows: Sequence[NoteRow]) -> None:
        if not rows:
            empty = html.escape(tr("No customer feedback yet."))
            self.notes.setHtml(f"<p style='color:#5f6b7a'>{empty}</p>")
            return
        parts = []
        for note in rows:  # newest first, as the query gives them
            who = tr("{0} · {1}").format(note.by, fmt.moment_text(note.at))
            body = html.escape(note.body).replace("\n", "<br>")
            parts.append(f"<p style='margin-bottom:2px; color:#5f6b7a'><b>{html.escape(who)}"
                         f"</b></p><p style='margin-top:0; margin-bottom:12px'>{body}</p>")
        self.notes.setHtml("".join(parts))


class HistoryPanel(QWidget):
    def __init__(self, currency: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.currency = currency
        self.tree = QTreeWidget(rootIsDecorated=False, alternatingRowColors=True,
                                uniformRowHeights=True)
        self.tree.setHeaderLabels([tr("When"), tr("From"), tr("To"),
                                   tr("Amount ({0})").format(currency), tr("By"),
                                   tr("Time in stage")])
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.tree.setStyleSheet(ROOMY_ROWS)
        for column, width in enumerate((140, 120, 120, 140, 100, 120)):
            self.tree.setColumnWidth(column, width)
        self.tree.headerItem().setTextAlignment(3, Qt.AlignmentFlag.AlignRight)
        self.summary = QLabel(wordWrap=True)
        self.summary.setTextFormat(Qt.TextFormat.RichText)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tree, 1)
        layout.addWidget(self.summary)

    def show_rows(self, rows: Sequence[StageChangeRow], closed: bool,
                  now: datetime | None = None) -> None:
        times = fmt.time_in_stages(rows, now or datetime.now(UTC), closed)
        self.tree.clear()
        for row, span in zip(rows, times.spans, strict=True):
            item = QTreeWidgetItem([
                fmt.moment_text(row.at), row.from_stage or tr("(created)"), row.to_stage,
                fmt.money_text(row.amount), row.by,
                "—" if span is None else fmt.duration_text(span)])
            item.setTextAlignment(3, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            self.tree.addTopLevelItem(item)
        parts = [tr("{0}: {1} (so far)").format(html.escape(name), fmt.duration_text(span))
                 if current else tr("{0}: {1}").format(html.escape(name),
                                                      fmt.duration_text(span))
                 for name, span, current in times.totals]
        self.summary.setText(tr("<b>Time in each stage</b> — {0}").format(
            " · ".join(parts) if parts else tr("no history")))
