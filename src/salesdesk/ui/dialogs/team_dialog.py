"""Small Team tab dialogs: a new team (name only) and a new skill column (kind + name).

Both validate as the user types with the domain's rules and keep OK disabled meanwhile.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from salesdesk.domain.errors import ValidationError
from salesdesk.domain.members import SkillKind, Team, clean_skills
from salesdesk.storage.rows import TeamRow
from salesdesk.ui import team_format as fmt
from salesdesk.ui.dialogs.common import error_label, ok_cancel
from salesdesk.ui.dialogs.member_dialog import problem_text
from salesdesk.ui.i18n import tr


class _NameDialog(QDialog):
    """A form with live validation: subclasses add rows and implement problem()."""

    def __init__(self, parent: QWidget | None, title: str):
        super().__init__(parent)
        self.setWindowTitle(title)
        self.form = QFormLayout()
        self.name_edit = QLineEdit()
        self.message = error_label("validationMessage", reserve_lines=2)
        self.buttons = ok_cancel(self)
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        self.name_edit.textChanged.connect(self.validate)
        self.setMinimumWidth(380)

    def problem(self) -> str:
        raise NotImplementedError

    def validate(self) -> None:
        text = self.problem()
        self.message.setText(text)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(not text)


class TeamDialog(_NameDialog):
    def __init__(self, parent: QWidget | None, teams: Iterable[TeamRow]):
        super().__init__(parent, tr("Add team"))
        self.teams = list(teams)
        self.name_edit.setPlaceholderText(tr("e.g. North, Enterprise, Inside sales"))
        self.form.addRow(tr("Name"), self.name_edit)
        self.validate()

    @classmethod
    def ask(cls, parent: QWidget | None, *, teams: Iterable[TeamRow]) -> str | None:
        """The new team's name, or None when cancelled."""
        dialog = cls(parent, teams)
        return dialog.team_name() if dialog.exec() == QDialog.DialogCode.Accepted else None

    def team_name(self) -> str:
        name = Team(name=self.name_edit.text()).name
        for team in self.teams:
            if team.name.casefold() == name.casefold():
                raise ValidationError(f"a team called '{team.name}' exists already",
                                      field="name")
        return name

    def problem(self) -> str:
        try:
            self.team_name()
        except ValidationError as exc:
            return problem_text(ValidationError(exc.message, field="name"))
        return ""


class SkillColumnDialog(_NameDialog):
    def __init__(self, parent: QWidget | None, columns: Mapping[str, Iterable[str]]):
        super().__init__(parent, tr("Add skill column"))
        self.columns = {kind: list(names) for kind, names in columns.items()}
        self.kind_combo = QComboBox()
        for kind in SkillKind:
            self.kind_combo.addItem(fmt.kind_word(kind.value), kind.value)
        self.name_edit.setPlaceholderText(tr("e.g. German, Enterprise, GTX Pro"))
        self.form.addRow(tr("Kind"), self.kind_combo)
        self.form.addRow(tr("Skill"), self.name_edit)
        self.kind_combo.currentIndexChanged.connect(self.validate)
        self.validate()

    @classmethod
    def ask(cls, parent: QWidget | None, *, columns: Mapping[str, Iterable[str]],
            kind: str | None = None) -> tuple[str, str] | None:
        """(kind, skill name) of the new column, or None when cancelled. `columns` holds
        the skill names shown already, by kind."""
        dialog = cls(parent, columns)
        if kind is not None:
            dialog.kind_combo.setCurrentIndex(max(0, dialog.kind_combo.findData(kind)))
        return dialog.skill() if dialog.exec() == QDialog.DialogCode.Accepted else None

    def skill(self) -> tuple[str, str]:
        kind = str(self.kind_combo.currentData())
        cleaned = clean_skills({kind: {self.name_edit.text(): 1}})
        name = next(iter(cleaned[kind]))
        for existing in self.columns.get(kind, []):
            if existing.casefold() == name.casefold():
                raise ValidationError(f"the matrix has a column '{existing}' already",
                                      field="skills")
        return kind, name

    def problem(self) -> str:
        try:
            self.skill()
        except ValidationError as exc:
            return problem_text(exc)
        return ""
