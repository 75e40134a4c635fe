"""Add or edit a team member; ask when someone left.

The dialog validates as the user types, with the domain's own rules (domain.members.Member,
domain.validation), and keeps OK disabled while a field is refused; the message names the
field. The manager list leaves out the member and everyone under them, so no reporting
loop can be chosen.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from typing import Any

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from salesdesk.domain.errors import ValidationError
from salesdesk.domain.members import (
    DEFAULT_CAPACITY,
    Member,
    Role,
    check_manager,
    check_unique,
)
from salesdesk.storage.rows import MemberRow, TeamRow
from salesdesk.ui import team_format as fmt
from salesdesk.ui.dialogs.common import error_label, ok_cancel
from salesdesk.ui.i18n import tr


def field_label(field: str | None) -> str:
    labels = {"name": tr("Name"), "email": tr("Email"), "role": tr("Role"),
              "manager": tr("Manager"), "manager_id": tr("Manager"), "team": tr("Team"),
              "team_id": tr("Team"), "capacity": tr("Capacity"),
              "ramp_months": tr("Ramp-up"), "hire_date": tr("Hired on"),
              "skills": tr("Skill"), "left_on": tr("Left on")}
    return labels.get(field or "", field or "")


def problem_text(exc: ValidationError) -> str:
    """"Email: 'x@' is not a valid e-mail address", "Name is required"."""
    label = field_label(exc.field)
    if not label:
        return exc.message
    if exc.message == "is required":
        return tr("{0} is required").format(label)
    return tr("{0}: {1}").format(label, exc.message)


def descendants(member_id: str, members: Iterable[MemberRow]) -> set[str]:
    """Everyone reporting to `member_id`, at any depth."""
    reports: dict[str | None, list[str]] = {}
    for m in members:
        reports.setdefault(m.manager_id, []).append(m.id)
    found: set[str] = set()
    todo = list(reports.get(member_id, []))
    while todo:
        current = todo.pop()
        if current not in found and current != member_id:
            found.add(current)
            todo.extend(reports.get(current, []))
    return found


def _qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


class MemberDialog(QDialog):
    def __init__(self, parent: QWidget | None, *, member: MemberRow | None,
                 members: list[MemberRow], teams: list[TeamRow]):
        super().__init__(parent)
        self.setWindowTitle(tr("Add member") if member is None else
                            tr("Edit {0}").format(member.name))
        self.member, self.members = member, list(members)
        self._build(teams)
        self._fill(member)
        for signal in (self.name_edit.textChanged, self.email_edit.textChanged,
                       self.role_combo.currentIndexChanged,
                       self.manager_combo.currentIndexChanged,
                       self.team_combo.currentIndexChanged, self.hired_check.toggled,
                       self.hire_date_edit.dateChanged, self.ramp_spin.valueChanged,
                       self.capacity_spin.valueChanged):
            signal.connect(self.validate)
        self.validate()

    @classmethod
    def ask(cls, parent: QWidget | None, *, member: MemberRow | None,
            members: list[MemberRow], teams: list[TeamRow]) -> dict[str, Any] | None:
        """The service fields (name, email, role, manager_id, team_id, hire_date,
        ramp_months, capacity) once the user pressed OK, else None."""
        dialog = cls(parent, member=member, members=members, teams=teams)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return dialog.fields()

    # --- layout ------------------------------------------------------------------------
    def _build(self, teams: list[TeamRow]) -> None:
        self.name_edit = QLineEdit(placeholderText=tr("First and last name"))
        self.email_edit = QLineEdit(placeholderText=tr("name@company.com"))
        self.role_combo = QComboBox()
        for role in Role:
            self.role_combo.addItem(fmt.role_word(role.value), role.value)
        self.manager_combo = QComboBox()
        self.manager_combo.addItem(tr("No manager"), None)
        for row in self._manager_candidates():
            label = tr("{0} ({1})").format(row.name, fmt.member_summary(row))
            self.manager_combo.addItem(label if row.active else tr("{0} — left").format(label),
                                       row.id)
        self.team_combo = QComboBox()
        self.team_combo.addItem(tr("No team"), None)
        for team in teams:
            self.team_combo.addItem(team.name, team.id)
        self.hired_check = QCheckBox(tr("Hired on"), toolTip=tr(
            "Leave unticked when the hire date is not known; the member then counts as "
            "fully ramped."))
        self.hire_date_edit = QDateEdit(calendarPopup=True, displayFormat="d MMM yyyy")
        self.ramp_spin = QSpinBox(minimum=0, maximum=36, suffix=tr(" months"), toolTip=tr(
            "How long a new hire takes to carry a full load of leads."))
        self.capacity_spin = QSpinBox(minimum=0, maximum=10_000, suffix=tr(" open leads"),
                                      toolTip=tr("Open leads the member can carry when "
                                                 "fully ramped."))
        self.message = error_label("validationMessage", reserve_lines=2)
        self.buttons = ok_cancel(self)
        self.hired_check.toggled.connect(self.hire_date_edit.setEnabled)
        self._lay_out()

    def _lay_out(self) -> None:
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        form.addRow(tr("Name"), self.name_edit)
        form.addRow(tr("Email"), self.email_edit)
        form.addRow(tr("Role"), self.role_combo)
        form.addRow(tr("Manager"), self.manager_combo)
        form.addRow(tr("Team"), self.team_combo)
        form.addRow(self.hired_check, self.hire_date_edit)
        form.addRow(tr("Ramp-up"), self.ramp_spin)
        form.addRow(tr("Capacity"), self.capacity_spin)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(440)

    def _manager_candidates(self) -> list[MemberRow]:
        """Active members outside the member's own reporting line (the current manager is
        kept even if they left, so the dialog shows the truth)."""
        own = self.member
        excluded = {own.id} | descendants(own.id, self.members) if own else set()
        current = own.manager_id if own else None
        rows = [m for m in self.members if m.id not in excluded and
                (m.active or m.id == current)]
        return sorted(rows, key=lambda m: (m.role == Role.REP.value, m.name.casefold()))

    def _fill(self, member: MemberRow | None) -> None:
        self.hire_date_edit.setDate(_qdate(date.today()))
        if member is None:
            self.capacity_spin.setValue(DEFAULT_CAPACITY)
            self.hire_date_edit.setEnabled(False)
            return
        self.name_edit.setText(member.name)
        self.email_edit.setText(member.email or "")
        self._select(self.role_combo, member.role)
        self._select(self.manager_combo, member.manager_id)
        self._select(self.team_combo, member.team_id)
        self.hired_check.setChecked(member.hire_date is not None)
        self.hire_date_edit.setEnabled(member.hire_date is not None)
        if member.hire_date is not None:
            self.hire_date_edit.setDate(_qdate(member.hire_date))
        self.ramp_spin.setValue(member.ramp_months)
        self.capacity_spin.setValue(member.capacity)

    @staticmethod
    def _select(combo: QComboBox, value: object) -> None:
        combo.setCurrentIndex(max(0, combo.findData(value)))

    # --- values and validation ---------------------------------------------------------
    def raw_fields(self) -> dict[str, Any]:
        hire = self.hire_date_edit.date().toPython() if self.hired_check.isChecked() else None
        return {"name": self.name_edit.text(), "email": self.email_edit.text(),
                "role": self.role_combo.currentData(),
                "manager_id": self.manager_combo.currentData(),
                "team_id": self.team_combo.currentData(), "hire_date": hire,
                "ramp_months": self.ramp_spin.value(), "capacity": self.capacity_spin.value()}

    def _probe(self) -> Member:
        """The member as entered, validated by the domain; raises ValidationError."""
        fields = self.raw_fields()
        if self.member is not None:
            fields["id"] = self.member.id
        probe = Member(**fields)
        self._check_others(probe)
        return probe

    def _check_others(self, probe: Member) -> None:
        """What needs the other members: the service checks the same again on save."""
        check_unique(probe, self.members)
        manager = next((m for m in self.members if m.id == probe.manager_id), None)
        if manager is not None and not manager.active:
            raise ValidationError(f"{manager.name} has left and cannot manage anyone",
                                  field="manager")
        check_manager(probe.id, probe.manager_id, {m.id: m.manager_id for m in self.members})

    def problem(self) -> str:
        """The first refused field, in words ("" when everything is acceptable)."""
        try:
            self._probe()
        except ValidationError as exc:
            return problem_text(exc)
        return ""

    def validate(self) -> None:
        text = self.problem()
        self.message.setText(text)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(not text)

    def fields(self) -> dict[str, Any]:
        probe = self._probe()
        return {"name": probe.name, "email": probe.email, "role": probe.role.value,
                "manager_id": probe.manager_id, "team_id": probe.team_id,
                "hire_date": probe.hire_date, "ramp_months": probe.ramp_months,
                "capacity": probe.capacity}

    def manager_choices(self) -> list[str | None]:
        """Member ids the manager combo offers (None = no manager)."""
        return [self.manager_combo.itemData(i) for i in range(self.manager_combo.count())]


class LeaveDialog(QDialog):
    """Ask the date someone left (deactivation keeps their history)."""

    def __init__(self, parent: QWidget | None, member: MemberRow):
        super().__init__(parent)
        self.setWindowTitle(tr("Deactivate {0}").format(member.name))
        self.date_edit = QDateEdit(_qdate(date.today()), calendarPopup=True,
                                   displayFormat="d MMM yyyy")
        if member.hire_date is not None:
            self.date_edit.setMinimumDate(_qdate(member.hire_date))
        text = QLabel(tr("{0} stays in reports and history, but gets no new leads and "
                         "cannot manage anyone. You can reactivate them later.")
                      .format(member.name), wordWrap=True)
        form = QFormLayout()
        form.addRow(tr("Left on"), self.date_edit)
        buttons = ok_cancel(self, tr("Deactivate"))
        layout = QVBoxLayout(self)
        layout.addWidget(text)
        layout.addLayout(form)
        layout.addWidget(buttons, 0, Qt.AlignmentFlag.AlignRight)
        self.setMinimumWidth(380)

    @classmethod
    def ask(cls, parent: QWidget | None, *, member: MemberRow) -> date | None:
        dialog = cls(parent, member)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        result: date = dialog.date_edit.date().toPython()
        return result
