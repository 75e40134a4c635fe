"""Small dialogs of the lead board's bulk bar: a status move (with its reason), a segment
to add the selection to or take it out of, and the rep to give it to. Each checks what it
can before OK, with the domain's rules; the service still has the last word (and names
each lead it refuses)."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QCompleter,
    QDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from salesdesk.domain.leads import REASON_REQUIRED, LeadStatus
from salesdesk.ui.dialogs.common import HINT_STYLE, error_label, ok_cancel
from salesdesk.ui.i18n import tr
from salesdesk.ui.lead_format import status_text

REASON_MAX = 200


def _count_text(count: int) -> str:
    return tr("1 lead") if count == 1 else tr("{0:,} leads").format(count)


def _hint(text: str = "") -> QLabel:
    label = QLabel(text, wordWrap=True)
    label.setStyleSheet(HINT_STYLE)
    return label


class StatusDialog(QDialog):
    def __init__(self, parent: QWidget | None, count: int):
        super().__init__(parent, windowTitle=tr("Change status"))
        self.status = QComboBox()
        for s in LeadStatus:
            if s is not LeadStatus.CONVERTED:  # conversion makes a deal: the detail panel
                self.status.addItem(status_text(s), s.value)
        self.reason = QLineEdit(maxLength=REASON_MAX)
        self.reason_title = QLabel(tr("Reason"))
        self.hint = _hint()
        self.error = error_label("statusError", reserve_lines=1)
        form = QFormLayout()
        form.addRow(tr("Move {0} to").format(_count_text(count)), self.status)
        form.addRow(self.reason_title, self.reason)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.hint)
        layout.addWidget(self.error)
        layout.addWidget(ok_cancel(self, tr("Change status")))
        self.status.currentIndexChanged.connect(self._show_hint)
        self.reason.textEdited.connect(lambda _t: self.error.clear())
        self._show_hint()
        self.resize(460, self.sizeHint().height())

    def chosen(self) -> LeadStatus:
        return LeadStatus(self.status.currentData())

    def needs_reason(self) -> bool:
        return self.chosen() in REASON_REQUIRED

    def _show_hint(self) -> None:
        needs = self.needs_reason()
        self.reason_title.setText(tr("Reason (required)") if needs else tr("Reason"))
        self.reason.setPlaceholderText(tr("e.g. price objection, no budget, bad timing")
                                       if needs else tr("optional"))
        self.hint.setText(
            tr("{0} needs a reason; it also sorts the leads into segments such as price "
               "objection.").format(status_text(self.chosen())) if needs else
            tr("A lead that cannot make this move is named, and then none is changed."))
        self.error.clear()

    def accept(self) -> None:
        if self.needs_reason() and not self.reason.text().strip():
            self.error.setText(tr("Reason: say why these leads are {0}.").format(
                status_text(self.chosen()).lower()))
            self.reason.setFocus()
            return
        super().accept()

    @classmethod
    def ask(cls, parent: QWidget | None, count: int) -> tuple[LeadStatus, str] | None:
        dialog = cls(parent, count)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return dialog.chosen(), dialog.reason.text().strip()


class SegmentDialog(QDialog):
    def __init__(self, parent: QWidget | None, names: Sequence[str], count: int):
        super().__init__(parent, windowTitle=tr("Segment"))
        self.add = QRadioButton(tr("Add {0} to the segment").format(_count_text(count)),
                                checked=True)
        self.remove = QRadioButton(tr("Take {0} out of the segment").format(_count_text(count)))
        self.error = error_label("segmentError", reserve_lines=1)
        self.name = QComboBox(editable=True, insertPolicy=QComboBox.InsertPolicy.NoInsert)
        self.name.addItems(list(names))
        self.name.setCurrentIndex(-1)
        line = self.name.lineEdit()
        if line is not None:
            line.setPlaceholderText(tr("a segment, or a new name"))
            line.setMaxLength(REASON_MAX)
            line.textEdited.connect(lambda _t: self.error.clear())
        self.hint = _hint()
        form = QFormLayout()
        form.addRow(tr("Segment"), self.name)
        layout = QVBoxLayout(self)
        layout.addWidget(self.add)
        layout.addWidget(self.remove)
        layout.addLayout(form)
        layout.addWidget(self.hint)
        layout.addWidget(self.error)
        layout.addWidget(ok_cancel(self))
        self.add.toggled.connect(self._show_hint)
        self._show_hint()
        self.resize(460, self.sizeHint().height())

    def _show_hint(self) -> None:
        self.hint.setText(
            tr("Leads added by hand stay in the segment whatever its rules say. A new name "
               "makes a hand-made segment.") if self.add.isChecked() else
            tr("Only what was added by hand is taken out: a lead the segment's rules match "
               "stays in it."))

    def accept(self) -> None:
        if not self.name.currentText().strip():
            self.error.setText(tr("Segment: choose one or type a new name."))
            self.name.setFocus()
            return
        super().accept()

    @classmethod
    def ask(cls, parent: QWidget | None, names: Sequence[str], count: int
            ) -> tuple[str, bool] | None:
        """(segment name, True to add / False to take out)."""
        dialog = cls(parent, names, count)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return dialog.name.currentText().strip(), dialog.add.isChecked()


class AssignDialog(QDialog):
    """Give the selected leads to one rep, or to nobody. (ui/dialogs/assign_rep_dialog.py
    is a territory's coverage with dates: another question.)"""

    def __init__(self, parent: QWidget | None, owners: Sequence[tuple[str, str]],
                 count: int):
        super().__init__(parent, windowTitle=tr("Assign leads"))
        self.owner = QComboBox(editable=True, insertPolicy=QComboBox.InsertPolicy.NoInsert)
        self.owner.setMaxVisibleItems(20)
        self.owner.addItem(tr("Nobody (unassign)"), None)
        for owner_id, name in owners:
            self.owner.addItem(name, owner_id)
        completer = self.owner.completer()
        if completer is not None:  # type a few letters of any part of the name
            completer.setFilterMode(Qt.MatchFlag.MatchContains)
            completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
        self.owner.setCurrentIndex(-1)
        line = self.owner.lineEdit()
        if line is not None:
            line.setPlaceholderText(tr("type a rep's name"))
        self.error = error_label("assignError", reserve_lines=1)
        form = QFormLayout()
        form.addRow(tr("Give {0} to").format(_count_text(count)), self.owner)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(_hint(tr("A manual assignment overrides routing; undo gives each "
                                  "lead back to the rep it had.")))
        layout.addWidget(self.error)
        layout.addWidget(ok_cancel(self, tr("Assign")))
        self.resize(440, self.sizeHint().height())

    def chosen(self) -> tuple[str | None, str] | None:
        """(member id or None for nobody, the name shown); None when the typed text is no
        rep."""
        index = self.owner.findText(self.owner.currentText().strip(),
                                    Qt.MatchFlag.MatchFixedString)
        if index < 0:
            return None
        return self.owner.itemData(index), self.owner.itemText(index)

    def accept(self) -> None:
        if self.chosen() is None:
            typed = self.owner.currentText().strip()
            self.error.setText(tr("Rep: no active rep is called “{0}”.").format(typed)
                               if typed else tr("Rep: choose who gets the leads."))
            self.owner.setFocus()
            return
        super().accept()

    @classmethod
    def ask(cls, parent: QWidget | None, owners: Sequence[tuple[str, str]], count: int
            ) -> tuple[str | None, str] | None:
        """(owner id, or None to unassign; the owner's name as shown)."""
        dialog = cls(parent, owners, count)
        return dialog.chosen() if dialog.exec() == QDialog.DialogCode.Accepted else None
