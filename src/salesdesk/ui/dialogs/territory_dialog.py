"""Name a territory and choose where it sits in the tree."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from salesdesk.storage.rows import TerritoryRow
from salesdesk.ui.dialogs.common import HINT_STYLE, error_label, ok_cancel
from salesdesk.ui.i18n import tr
from salesdesk.ui.models.territory_tree_model import ancestors, descendants, path

MAX_NAME = 120


class TerritoryDialog(QDialog):
    def __init__(self, parent: QWidget | None, *, territory: TerritoryRow | None = None,
                 parents: Sequence[TerritoryRow] = (), parent_id: str | None = None):
        super().__init__(parent)
        self._territory, self._rows = territory, list(parents)
        self.setWindowTitle(tr("Edit territory") if territory else tr("Add territory"))
        self.setMinimumWidth(440)
        self.name_edit = QLineEdit(territory.name if territory else "", maxLength=MAX_NAME,
                                   placeholderText=tr("e.g. DACH, US West, Key accounts"))
        self.parent_combo = QComboBox()
        self._fill_parents(territory.parent_id if territory else parent_id)
        self.error_label = error_label("fieldError")
        self.error_label.hide()
        form = QFormLayout()
        form.addRow(tr("&Name:"), self.name_edit)
        form.addRow(tr("&Inside:"), self.parent_combo)
        hint = QLabel(tr("A sub-territory only sees the accounts its parent's rules match."),
                      wordWrap=True)
        hint.setStyleSheet(HINT_STYLE)
        buttons = ok_cancel(self)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(hint)
        layout.addWidget(self.error_label)
        layout.addWidget(buttons)
        self.name_edit.textChanged.connect(lambda _t: self.error_label.hide())

    def _fill_parents(self, selected: str | None) -> None:
        self.parent_combo.addItem(tr("(top level)"), None)
        excluded = set()
        if self._territory is not None:
            excluded = {self._territory.id} | descendants(self._rows, self._territory.id)
        choices = [r for r in self._rows if r.id not in excluded]
        for row in sorted(choices, key=lambda r: path(self._rows, r).casefold()):
            depth = len(ancestors(self._rows, row.id))
            self.parent_combo.addItem("    " * depth + row.name, row.id)
            self.parent_combo.setItemData(self.parent_combo.count() - 1,
                                          path(self._rows, row),
                                          Qt.ItemDataRole.ToolTipRole)
        index = self.parent_combo.findData(selected)
        self.parent_combo.setCurrentIndex(max(index, 0))

    def value(self) -> dict[str, Any]:
        return {"name": " ".join(self.name_edit.text().split()),
                "parent_id": self.parent_combo.currentData()}

    def problem(self) -> str | None:
        """What is wrong with the input, naming the field; None when it can be saved."""
        value = self.value()
        if not value["name"]:
            return tr("Name: enter a name for the territory.")
        own_id = self._territory.id if self._territory else None
        for row in self._rows:
            if (row.id != own_id and row.parent_id == value["parent_id"]
                    and row.name.casefold() == value["name"].casefold()):
                return tr("Name: '{0}' exists already at this level.").format(row.name)
        return None

    def accept(self) -> None:
        problem = self.problem()
        if problem:
            self.error_label.setText(problem)
            self.error_label.show()
            self.name_edit.setFocus()
            return
        super().accept()

    @classmethod
    def ask(cls, parent: QWidget | None, *, territory: TerritoryRow | None = None,
            parents: Sequence[TerritoryRow] = (),
            parent_id: str | None = None) -> dict[str, Any] | None:
        """{'name', 'parent_id'} or None if cancelled. `parents` are all territories; the
        territory itself and those below it are not offered as its parent."""
        dialog = cls(parent, territory=territory, parents=parents, parent_id=parent_id)
        return dialog.value() if dialog.exec() == QDialog.DialogCode.Accepted else None

