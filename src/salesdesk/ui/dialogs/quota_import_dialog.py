"""What an edited quota sheet would change, before anything is applied; or why it was
refused, every problem with its sheet and cell.

`ask` shows a preview (services.quota_sheets.QuotaImport) and returns the user's choice
(apply, optionally publishing) or None; `refuse` lists a QuotaSheetError's problems.
Neither touches the workspace.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from salesdesk.ui.dialogs.common import ERROR_STYLE, HINT_STYLE
from salesdesk.ui.i18n import tr
from salesdesk.ui.models.board_model import money_text
from salesdesk.ui.models.coverage_model import Column, RowsModel
from salesdesk.ui.models.quota_model import month_long, signed_money

REP_COLUMN, PROBLEM_COLUMN = 2, 2


@dataclass(frozen=True)
class ImportChoice:
    publish: bool


def month_words(name: str) -> str:
    """'2017-03' as 'Mar 2017' (any other text as it is)."""
    try:
        year, month = (int(p) for p in name.split("-"))
        return month_long(date(year, month, 1))
    except ValueError:
        return name


def change_columns(currency: str) -> list[Column]:
    return [Column(tr("Sheet"), lambda c: c.sheet),
            Column(tr("Cell"), lambda c: c.cell),
            Column(tr("Rep"), lambda c: c.member),
            Column(tr("Month"), lambda c: month_words(c.month), key=lambda c: c.month),
            Column(tr("Old"), lambda c: money_text(c.old, currency, cents=True),
                   key=lambda c: c.old, numeric=True),
            Column(tr("New"), lambda c: money_text(c.new, currency, cents=True),
                   key=lambda c: c.new, numeric=True),
            Column(tr("Change"), lambda c: signed_money(c.new - c.old, currency, cents=True),
                   key=lambda c: c.new - c.old, numeric=True)]


def problem_columns() -> list[Column]:
    return [Column(tr("Sheet"), lambda p: p.sheet or tr("(the workbook)")),
            Column(tr("Cell"), lambda p: p.cell or "—"),
            Column(tr("Problem"), lambda p: p.message)]


def summary_text(preview: Any, currency: str) -> str:
    """One line: how many cells, reps and sheets, and what the total becomes."""
    changes = preview.changes
    if not changes:
        return tr("The sheet changes nothing against version {0} of the {1} plan: there is "
                  "nothing to apply.").format(preview.exported_version, preview.year)
    old = sum((c.old for c in changes), Decimal(0))
    new = sum((c.new for c in changes), Decimal(0))
    reps = len({c.member_id for c in changes})
    sheets = sorted({c.sheet for c in changes})
    counted = tr("1 cell changed") if len(changes) == 1 else \
        tr("{0} cells changed").format(len(changes))
    who = tr("1 rep") if reps == 1 else tr("{0} reps").format(reps)
    where = ", ".join(sheets) if len(sheets) <= 3 else tr("{0} sheets").format(len(sheets))
    return tr("{0} ({1}, on {2}): together {3} → {4} ({5}). Exported from version {6} of the "
              "{7} plan; applying makes version {8}.").format(
        counted, who, where, money_text(old, currency), money_text(new, currency),
        signed_money(new - old, currency), preview.exported_version, preview.year,
        preview.latest_version + 1)


class QuotaImportDialog(QDialog):
    def __init__(self, parent: QWidget | None, title: str, heading: str, rows: Sequence[Any],
                 columns: list[Column], *, can_apply: bool, stretch: int,
                 problem: bool = False):
        super().__init__(parent)
        self.setWindowTitle(title)
        self.heading = QLabel(heading, wordWrap=True)
        self.heading.setStyleSheet(ERROR_STYLE if problem else "")
        self.model = RowsModel(columns, self)
        self.model.set_rows(rows)
        self.table = QTableView(sortingEnabled=True, alternatingRowColors=True,
                                wordWrap=False,
                                selectionBehavior=QAbstractItemView.SelectionBehavior.SelectRows,
                                editTriggers=QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setModel(self.model)
        self.table.verticalHeader().hide()
        self.table.resizeColumnsToContents()
        header = self.table.horizontalHeader()
        for column in range(len(columns)):
            header.resizeSection(column, header.sectionSize(column) + 16)
        header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
        self.table.setVisible(bool(rows))
        self.publish = QCheckBox(tr("Publish the new version at once (reps see it as their "
                                    "quota; publishing cannot be undone)"))
        self.publish.setVisible(can_apply)
        self.hint = QLabel(wordWrap=True)
        self.hint.setStyleSheet(HINT_STYLE)
        self.buttons = QDialogButtonBox()
        self._buttons(can_apply)
        layout = QVBoxLayout(self)
        layout.addWidget(self.heading)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.publish)
        layout.addWidget(self.hint)
        layout.addWidget(self.buttons)
        row_height = self.table.verticalHeader().defaultSectionSize()
        self.resize(860, 230 + row_height * min(max(len(rows), 3), 14) if rows else 180)

    def _buttons(self, can_apply: bool) -> None:
        if can_apply:
            self.apply_button = self.buttons.addButton(
                tr("Apply"), QDialogButtonBox.ButtonRole.AcceptRole)
            self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
            self.publish.toggled.connect(self._update_hint)
            self._update_hint()
        else:
            self.buttons.addButton(QDialogButtonBox.StandardButton.Close)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

    def _update_hint(self) -> None:
        self.hint.setText(tr("The new version is published: it cannot be undone.")
                          if self.publish.isChecked() else
                          tr("The new version is a draft: Edit › Undo removes it again."))

    @classmethod
    def ask(cls, parent: QWidget | None, *, preview: Any, currency: str
            ) -> ImportChoice | None:
        """Show what `preview` changes; the choice, or None (cancelled, or nothing to
        apply)."""
        can_apply = not preview.unchanged
        dialog = cls(parent, tr("Import quota sheet — {0}").format(Path(preview.path).name),
                     summary_text(preview, currency), list(preview.changes),
                     change_columns(currency), can_apply=can_apply, stretch=REP_COLUMN)
        accepted = dialog.exec() == QDialog.DialogCode.Accepted
        return ImportChoice(dialog.publish.isChecked()) if accepted and can_apply else None

    @classmethod
    def refuse(cls, parent: QWidget | None, *, path: Path | str, problems: Sequence[Any]
               ) -> None:
        """Every reason the sheet was refused, each with its sheet and cell."""
        heading = tr("{0} was refused: {1} problems. Nothing was applied; correct the sheet "
                     "and import it again.").format(Path(path).name, len(problems))
        dialog = cls(parent, tr("Quota sheet refused"), heading, list(problems),
                     problem_columns(), can_apply=False, stretch=PROBLEM_COLUMN,
                     problem=True)
        dialog.exec()
