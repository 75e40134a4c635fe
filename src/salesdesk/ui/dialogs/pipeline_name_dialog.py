"""Naming a pipeline: the "New pipeline…" dialog, the check it shares with the name field
of the pipeline settings dialog, and the question asked before a pipeline is removed.

Names are checked as the user types with the domain's rule (required, at most 100
characters) and against the other pipelines' names, case and spaces aside, as the
service does.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)

from salesdesk.domain.errors import ValidationError
from salesdesk.domain.pipeline import Pipeline
from salesdesk.domain.validation import name_key
from salesdesk.ui.dialogs.common import error_label, ok_cancel
from salesdesk.ui.i18n import tr


def clean_name(text: str, taken: Iterable[str]) -> str:
    """`text` as the pipeline's name; raises ValidationError when it is empty, too long or
    the name of one of the pipelines `taken`."""
    name = Pipeline(name=text).name
    for other in taken:
        if name_key(other) == name_key(name):
            raise ValidationError(f"a pipeline called '{other}' exists already",
                                  field="pipeline")
    return name


def name_problem(text: str, taken: Iterable[str]) -> str:
    """What is wrong with `text` as a pipeline name, in words; "" when nothing is."""
    try:
        clean_name(text, taken)
    except ValidationError as exc:
        label = tr("Pipeline name")
        if exc.message == "is required":
            return tr("{0} is required").format(label)
        return tr("{0}: {1}").format(label, exc.message)
    return ""


@dataclass(frozen=True)
class PipelineName:
    name: str
    copy_stages: bool = False
    """Start from copies of the current pipeline's stages rather than the default ones."""


class PipelineNameDialog(QDialog):
    def __init__(self, parent: QWidget | None, title: str, name: str = "", *,
                 taken: Iterable[str] = (), copy_from: str | None = None):
        super().__init__(parent)
        self.setWindowTitle(title)
        self.taken = list(taken)
        self.name_edit = QLineEdit(name, maxLength=100,
                                   placeholderText=tr("e.g. Renewals, Partners, Upsell"))
        self.copy_check = QCheckBox(tr("Copy the stages of {0}").format(copy_from or ""), self,
                                    toolTip=tr("Otherwise the new pipeline starts with the "
                                               "default stages"))
        self.can_copy = copy_from is not None
        self.copy_check.setVisible(self.can_copy)
        self.message = error_label("validationMessage", reserve_lines=2)
        self.buttons = ok_cancel(self)
        form = QFormLayout()
        form.addRow(tr("Name"), self.name_edit)
        if self.can_copy:
            form.addRow("", self.copy_check)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(420)
        self.name_edit.textChanged.connect(self.validate)
        self.validate()

    @classmethod
    def ask(cls, parent: QWidget | None, title: str, name: str = "", *,
            taken: Iterable[str] = (), copy_from: str | None = None) -> PipelineName | None:
        """The name entered (and, when `copy_from` names the current pipeline, whether to
        copy its stages), or None when cancelled. `taken`: the names in use."""
        dialog = cls(parent, title, name, taken=taken, copy_from=copy_from)
        return dialog.result_value() if dialog.exec() == QDialog.DialogCode.Accepted \
            else None

    def result_value(self) -> PipelineName:
        return PipelineName(clean_name(self.name_edit.text(), self.taken),
                            self.can_copy and self.copy_check.isChecked())

    def validate(self) -> None:
        text = name_problem(self.name_edit.text(), self.taken)
        self.message.setText(text)
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        if ok is not None:
            ok.setEnabled(not text)

    def accept(self) -> None:
        self.validate()
        if not self.message.text():
            super().accept()


def confirm_remove(parent: QWidget | None, name: str) -> bool:
    """True if the user confirmed removing the (empty) pipeline `name`."""
    answer = QMessageBox.question(
        parent, tr("Remove pipeline"),
        tr("Remove the pipeline {0} and its stages? Edit > Undo brings it back.").format(name),
        QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
        QMessageBox.StandardButton.Cancel)
    return answer == QMessageBox.StandardButton.Yes
