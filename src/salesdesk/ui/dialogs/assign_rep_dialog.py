"""Choose an active member to cover a territory, from a start date, optionally until an
end date."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QVBoxLayout,
    QWidget,
)

from salesdesk.storage.rows import MemberRow
from salesdesk.ui.dialogs.common import error_label, ok_cancel
from salesdesk.ui.i18n import tr

DATE_FORMAT = "d MMM yyyy"


def _qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


def _pydate(day: QDate) -> date:
    return date(day.year(), day.month(), day.day())


def _role(role: str) -> str:
    return {"rep": tr("Rep"), "manager": tr("Manager"), "admin": tr("Admin")}.get(role, role)


class AssignRepDialog(QDialog):
    def __init__(self, parent: QWidget | None, *, territory: str,
                 members: Sequence[MemberRow], today: date | None = None):
        super().__init__(parent)
        self.setWindowTitle(tr("Assign a rep to {0}").format(territory))
        self.setMinimumWidth(460)
        today = today or date.today()
        self.member_combo = QComboBox()
        self.member_combo.setMaxVisibleItems(20)
        for m in sorted((m for m in members if m.active), key=lambda m: m.name.casefold()):
            detail = ", ".join(x for x in (_role(m.role), m.team or "") if x)
            self.member_combo.addItem(f"{m.name} — {detail}" if detail else m.name, m.id)
        self.start_edit = QDateEdit(_qdate(today), calendarPopup=True,
                                    displayFormat=DATE_FORMAT)
        self.end_check = QCheckBox(tr("Ends on"))
        self.end_edit = QDateEdit(_qdate(today), calendarPopup=True, displayFormat=DATE_FORMAT,
                                  enabled=False)
        self.end_check.toggled.connect(self.end_edit.setEnabled)
        end_row = QHBoxLayout()
        end_row.addWidget(self.end_check)
        end_row.addWidget(self.end_edit, 1)
        self.error_label = error_label("fieldError")
        self.error_label.hide()
        form = QFormLayout()
        form.addRow(tr("&Rep:"), self.member_combo)
        form.addRow(tr("&From:"), self.start_edit)
        form.addRow(tr("Until:"), end_row)
        buttons = ok_cancel(self, tr("Assign"))
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error_label)
        layout.addWidget(buttons)

    def value(self) -> dict[str, Any]:
        return {"member_id": self.member_combo.currentData(),
                "start": _pydate(self.start_edit.date()),
                "end": _pydate(self.end_edit.date()) if self.end_check.isChecked() else None}

    def problem(self) -> str | None:
        value = self.value()
        if value["member_id"] is None:
            return tr("Rep: nobody in the team is active; add or re-hire someone first.")
        if value["end"] is not None and value["end"] < value["start"]:
            return tr("End date: it is before the start date.")
        return None

    def accept(self) -> None:
        problem = self.problem()
        if problem:
            self.error_label.setText(problem)
            self.error_label.show()
            return
        super().accept()

    @classmethod
    def ask(cls, parent: QWidget | None, *, territory: str,
            members: Sequence[MemberRow]) -> dict[str, Any] | None:
        """{'member_id', 'start', 'end'} (end None: open-ended), or None if cancelled.
        Only active members are offered."""
        dialog = cls(parent, territory=territory, members=members)
        return dialog.value() if dialog.exec() == QDialog.DialogCode.Accepted else None
