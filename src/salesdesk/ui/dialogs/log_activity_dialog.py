"""Log a call, e-mail, meeting or note with a lead: what, when (now by default, never in
the future) and what was said. The first call, e-mail or meeting is the lead's first
contact, which stops its first-contact clock; the service decides that."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any

from PySide6.QtCore import QDateTime
from PySide6.QtWidgets import (
    QComboBox,
    QDateTimeEdit,
    QDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from salesdesk.domain.lead_activities import LeadActivityKind
from salesdesk.ui.dialogs.common import HINT_STYLE, error_label, ok_cancel
from salesdesk.ui.i18n import tr
from salesdesk.ui.lead_format import activity_text

LOGGABLE = (LeadActivityKind.CALL, LeadActivityKind.EMAIL, LeadActivityKind.MEETING,
            LeadActivityKind.NOTE)
"""Status and assignment entries are written by the app itself, never logged by hand."""
SUBJECT_MAX = 200

Logged = tuple[LeadActivityKind, str, str, datetime]
"""(kind, subject, body, at): at is an aware UTC moment."""


class LogActivityDialog(QDialog):
    def __init__(self, parent: QWidget | None, who: str = "",
                 kind: LeadActivityKind = LeadActivityKind.CALL):
        title = tr("Log activity with {0}").format(who) if who else tr("Log activity")
        super().__init__(parent, windowTitle=title)
        self.kind = QComboBox()
        for k in LOGGABLE:
            self.kind.addItem(activity_text(k), k.value)
        self.kind.setCurrentIndex(LOGGABLE.index(kind) if kind in LOGGABLE else 0)
        self.subject = QLineEdit(placeholderText=tr("e.g. Intro call, left a voicemail"),
                                 maxLength=SUBJECT_MAX)
        self.body = QPlainTextEdit(placeholderText=tr("What was said, what comes next"))
        self.body.setFixedHeight(self.fontMetrics().lineSpacing() * 5 + 12)
        now = QDateTime.currentDateTime()
        self.at = QDateTimeEdit(now, calendarPopup=True, displayFormat="d MMM yyyy  HH:mm")
        self.at.setMaximumDateTime(now.addSecs(60))
        self.hint = QLabel(wordWrap=True)
        self.hint.setStyleSheet(HINT_STYLE)
        self.error = error_label("activityError", reserve_lines=1)
        self._lay_out()
        self.kind.currentIndexChanged.connect(self._show_hint)
        self._show_hint()

    def _lay_out(self) -> None:
        form = QFormLayout()
        form.addRow(tr("Kind"), self.kind)
        form.addRow(tr("When"), self.at)
        form.addRow(tr("Subject"), self.subject)
        form.addRow(tr("Details"), self.body)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.hint)
        layout.addWidget(self.error)
        layout.addWidget(ok_cancel(self, tr("Log")))
        self.resize(460, self.sizeHint().height())

    def chosen(self) -> LeadActivityKind:
        return LeadActivityKind(self.kind.currentData())

    def _show_hint(self) -> None:
        self.hint.setText(
            tr("The first call, e-mail or meeting is the lead's first contact: it stops "
               "the deadline clock, and a new lead becomes contacted.")
            if self.chosen().is_contact else
            tr("A note only records; it does not count as contacting the lead."))

    def moment(self) -> datetime:
        return datetime.fromtimestamp(self.at.dateTime().toSecsSinceEpoch(), UTC)

    def accept(self) -> None:
        if self.chosen() is LeadActivityKind.NOTE and not (
                self.subject.text().strip() or self.body.toPlainText().strip()):
            self.error.setText(tr("Write the note in Subject or Details."))
            self.subject.setFocus()
            return
        if self.moment() > datetime.now(UTC):
            self.error.setText(tr("When: an activity cannot be logged in the future."))
            self.at.setFocus()
            return
        super().accept()

    def value(self) -> Logged:
        return (self.chosen(), self.subject.text().strip(), self.body.toPlainText().strip(),
                self.moment())

    @classmethod
    def ask(cls, parent: QWidget | None, who: str = "",
            kind: LeadActivityKind = LeadActivityKind.CALL) -> Logged | None:
        dialog = cls(parent, who, kind)
        return dialog.value() if dialog.exec() == QDialog.DialogCode.Accepted else None


def log_activity(ctx: Any, lead_id: str, answer: Logged, parent: QWidget | None = None,
                 on_done: Callable[[Any], None] | None = None) -> None:
    """Log the answer through ctx.edit (undoable). A redo logs it again (a new row), so
    the undo after it must remove that one: both steps share the latest ActivityLogged."""
    from salesdesk.services import lead_actions as la

    kind, subject, body, at = answer
    uow = ctx.uow
    latest: dict[str, Any] = {}

    def run(_version: int | None = None) -> Any:  # on the worker, one step at a time
        latest["done"] = la.log_activity(uow, lead_id, kind, subject, body, at)
        return latest["done"]

    ctx.edit(tr("Log a {0}").format(activity_text(kind).lower()), run,
             lambda _done: lambda _v: la.remove_activity(uow, latest["done"]),
             lambda _done: run, parent, on_done)
