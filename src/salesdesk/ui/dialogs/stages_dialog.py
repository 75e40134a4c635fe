"""Pipeline settings: the pipeline's name, its stages in order (name, default probability,
forecast category, rotting threshold) and the managed list of lost reasons.

The name and the stages are saved when the user presses Save (a new name first, then the
stages); the dialog stays open until the service accepted them, and shows its refusal (a
removed stage that still holds deals, a name taken meanwhile) in the dialog. Won and Lost
stay, one each, after the open stages. Lost reasons are added and retired at once, like
activities in the deal dialog.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from typing import Protocol

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from salesdesk.domain.errors import ValidationError
from salesdesk.domain.pipeline import (
    ForecastCategory,
    Outcome,
    Stage,
    check_probability,
    check_stages,
)
from salesdesk.domain.validation import clean_int
from salesdesk.services.pipeline_setup import StageSpec
from salesdesk.storage.deal_queries import PipelineSettings
from salesdesk.ui import deal_format as fmt
from salesdesk.ui.dialogs.common import ERROR_STYLE, HINT_STYLE, error_label, ok_cancel
from salesdesk.ui.dialogs.lost_reasons_panel import LostReasonsPanel, ReasonActions
from salesdesk.ui.dialogs.pipeline_name_dialog import clean_name, name_problem
from salesdesk.ui.i18n import tr
from salesdesk.ui.ops import user_message

NAME, PROBABILITY, CATEGORY, ROTTING, DEALS = range(5)
FIXED = QColor("#5f6b7a")
OPEN_CATEGORIES = (ForecastCategory.PIPELINE, ForecastCategory.BEST_CASE,
                   ForecastCategory.COMMIT, ForecastCategory.OMITTED)


class StagesActions(ReasonActions, Protocol):
    def save_stages(self, specs: list[StageSpec], on_done: Callable[[object], None],
                    on_error: Callable[[BaseException], None]) -> None: ...

    def rename_pipeline(self, name: str, on_done: Callable[[object], None],
                        on_error: Callable[[BaseException], None]) -> None: ...


@dataclass(frozen=True)
class StageDraft:
    id: str | None
    name: str
    probability: str
    category: str
    outcome: str
    rotting: str
    deals: int = 0

    @property
    def is_open(self) -> bool:
        return self.outcome == Outcome.OPEN.value


def _spec(draft: StageDraft, position: int, pipeline_id: str) -> StageSpec:
    """The stage as the service takes it, checked by the domain; raises ValidationError."""
    rotting = clean_int(draft.rotting, "rotting_days", minimum=1) if draft.is_open else None
    probe = Stage(pipeline_id=pipeline_id, name=draft.name, position=position,
                  probability=check_probability(draft.probability, "probability"),
                  category=ForecastCategory(draft.category), outcome=Outcome(draft.outcome),
                  rotting_days=rotting)
    return StageSpec(probe.name, probe.probability, probe.category, probe.outcome,
                     probe.rotting_days, draft.id)


class StagesDialog(QDialog):
    def __init__(self, parent: QWidget | None, *, settings: PipelineSettings,
                 actions: StagesActions, taken: Iterable[str] = ()):
        super().__init__(parent)
        self.settings, self.edits = settings, actions
        self.taken = list(taken)
        """The names of the other pipelines."""
        self.saved_name = settings.name
        self.setWindowTitle(tr("Pipeline settings — {0}").format(settings.name))
        self.drafts = [StageDraft(s.id, s.name, str(s.probability), s.category, s.outcome,
                                  "" if s.rotting_days is None else str(s.rotting_days),
                                  settings.deal_counts.get(s.id, 0)) for s in settings.stages]
        self.loaded = list(self.drafts)
        self.saved: list[StageSpec] | None = None
        self._build()
        self._render()
        self.table.itemChanged.connect(self.validate)
        self.name_edit.textChanged.connect(self.validate)
        self.validate()

    @classmethod
    def ask(cls, parent: QWidget | None, *, settings: PipelineSettings,
            actions: StagesActions, taken: Iterable[str] = ()) -> list[StageSpec] | None:
        """The stages as saved, or None if the user cancelled (or saved no new stages).
        `taken`: the names of the other pipelines, which this one cannot be given."""
        dialog = cls(parent, settings=settings, actions=actions, taken=taken)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return dialog.saved

    # --- layout ------------------------------------------------------------------------
    def _build(self) -> None:
        self.name_edit = QLineEdit(self.settings.name, maxLength=100)
        self.name_message = error_label("nameMessage")
        self.table = QTableWidget(0, 5, alternatingRowColors=True)
        self.table.setHorizontalHeaderLabels([tr("Stage"), tr("Probability %"),
                                              tr("Forecast category"), tr("Rotting after (days)"),
                                              tr("Deals")])
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().setDefaultSectionSize(32)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(NAME, QHeaderView.ResizeMode.Stretch)
        for column, width in ((PROBABILITY, 110), (CATEGORY, 150), (ROTTING, 160), (DEALS, 70)):
            self.table.setColumnWidth(column, width)
        self.add_button = QPushButton(tr("Add stage"))
        self.remove_button = QPushButton(tr("Remove stage"))
        self.up_button = QPushButton(tr("Move up"))
        self.down_button = QPushButton(tr("Move down"))
        self.message = error_label("validationMessage", reserve_lines=2)
        self.buttons = ok_cancel(self, tr("Save"))
        self.reasons = LostReasonsPanel(self.settings.lost_reasons, self.edits)
        self.add_button.clicked.connect(self.add_stage)
        self.remove_button.clicked.connect(self.remove_selected)
        self.up_button.clicked.connect(lambda: self.move_selected(-1))
        self.down_button.clicked.connect(lambda: self.move_selected(1))
        self.table.itemSelectionChanged.connect(self._update_buttons)
        self._lay_out()

    def _lay_out(self) -> None:
        side = QVBoxLayout()
        for button in (self.add_button, self.remove_button, self.up_button, self.down_button):
            side.addWidget(button)
        side.addStretch(1)
        row = QHBoxLayout()
        row.addWidget(self.table, 1)
        row.addLayout(side)
        hint = QLabel(tr("Deals move through the open stages in this order. Probability and "
                         "forecast category are what a deal gets unless it overrides them; a "
                         "deal that stays longer than its stage's rotting threshold is "
                         "highlighted as stale (leave it empty for never). Won and Lost are "
                         "fixed: one each, at the end."), wordWrap=True)
        hint.setStyleSheet(HINT_STYLE)
        stages = QWidget()
        layout = QVBoxLayout(stages)
        layout.addWidget(hint)
        layout.addLayout(row, 1)
        layout.addWidget(self.message)
        self.tabs = QTabWidget(documentMode=True)
        self.tabs.addTab(stages, tr("Stages"))
        self.tabs.addTab(self.reasons, tr("Lost reasons"))
        name_row = QHBoxLayout()
        name_row.addWidget(QLabel(tr("Pipeline name")))
        name_row.addWidget(self.name_edit, 1)
        name_row.addWidget(self.name_message, 1)
        outer = QVBoxLayout(self)
        outer.addLayout(name_row)
        outer.addWidget(self.tabs, 1)
        outer.addWidget(self.buttons)
        self.resize(820, 480)

    # --- table <-> drafts -------------------------------------------------------------------
    def _render(self, select: int | None = None) -> None:
        self.table.blockSignals(True)
        self.table.setRowCount(len(self.drafts))
        for row, draft in enumerate(self.drafts):
            self._render_row(row, draft)
        self.table.blockSignals(False)
        if select is not None:
            self.table.selectRow(select)
        self._update_buttons()

    def _render_row(self, row: int, draft: StageDraft) -> None:
        fixed = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        name = QTableWidgetItem(draft.name)
        if not draft.is_open:
            name.setToolTip(tr("Deals won end here.") if draft.outcome == Outcome.WON.value
                            else tr("Deals lost end here."))
        self.table.setItem(row, NAME, name)
        cells = ((PROBABILITY, draft.probability), (ROTTING, draft.rotting if draft.is_open
                                                     else "—"), (DEALS, str(draft.deals)))
        for column, text in cells:
            item = QTableWidgetItem(text)
            item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            if column == DEALS or not draft.is_open:
                item.setFlags(fixed)
                item.setForeground(QBrush(FIXED))
            self.table.setItem(row, column, item)
        if draft.is_open:
            combo = QComboBox()
            for value in OPEN_CATEGORIES:
                combo.addItem(fmt.category_word(value.value), value.value)
            combo.setCurrentIndex(max(0, combo.findData(draft.category)))
            combo.currentIndexChanged.connect(self.validate)
            self.table.setCellWidget(row, CATEGORY, combo)
        else:
            self.table.removeCellWidget(row, CATEGORY)
            item = QTableWidgetItem(fmt.category_word(draft.category))
            item.setFlags(fixed)
            item.setForeground(QBrush(FIXED))
            self.table.setItem(row, CATEGORY, item)

    def _collect(self) -> None:
        """Read what the user typed back into the drafts."""
        collected = []
        for row, draft in enumerate(self.drafts):
            text = {c: (self.table.item(row, c).text() if self.table.item(row, c) else "")
                    for c in (NAME, PROBABILITY, ROTTING)}
            combo = self.table.cellWidget(row, CATEGORY)
            category = combo.currentData() if isinstance(combo, QComboBox) else draft.category
            collected.append(replace(draft, name=text[NAME], probability=text[PROBABILITY],
                                     category=category, rotting=text[ROTTING]
                                     if draft.is_open else ""))
        self.drafts = collected

    def _selected(self) -> int | None:
        rows = self.table.selectionModel().selectedRows()
        return rows[0].row() if rows else None

    # --- edits ---------------------------------------------------------------------------
    def add_stage(self) -> None:
        self._collect()
        at = next((i for i, d in enumerate(self.drafts) if not d.is_open), len(self.drafts))
        self.drafts.insert(at, StageDraft(None, tr("New stage"), "20",
                                          ForecastCategory.PIPELINE.value,
                                          Outcome.OPEN.value, "30"))
        self._render(select=at)
        self.validate()
        self.table.editItem(self.table.item(at, NAME))

    def remove_selected(self) -> None:
        row = self._selected()
        if row is None or not self.drafts[row].is_open:
            return
        self._collect()
        draft = self.drafts[row]
        if draft.deals:
            self.message.setText(tr("“{0}” holds {1} deal(s): move them to another stage "
                                    "before removing it.").format(draft.name, draft.deals))
            return
        del self.drafts[row]
        self._render(select=min(row, len(self.drafts) - 1))
        self.validate()

    def move_selected(self, step: int) -> None:
        row = self._selected()
        if row is None:
            return
        target = row + step
        if not (0 <= target < len(self.drafts)) or not self.drafts[row].is_open \
                or not self.drafts[target].is_open:
            return
        self._collect()
        self.drafts[row], self.drafts[target] = self.drafts[target], self.drafts[row]
        self._render(select=target)
        self.validate()

    def _update_buttons(self) -> None:
        row = self._selected()
        movable = row is not None and self.drafts[row].is_open
        self.remove_button.setEnabled(movable)
        self.up_button.setEnabled(movable and row is not None and row > 0
                                  and self.drafts[row - 1].is_open)
        self.down_button.setEnabled(movable and row is not None
                                    and row + 1 < len(self.drafts)
                                    and self.drafts[row + 1].is_open)

    # --- checks and saving -----------------------------------------------------------------
    def specs(self) -> list[StageSpec]:
        """The stages as entered; raises ValidationError naming the stage and field."""
        self._collect()
        specs = []
        for i, draft in enumerate(self.drafts):
            try:
                specs.append(_spec(draft, i, self.settings.pipeline_id))
            except ValidationError as exc:
                raise ValidationError(tr("Stage {0} ({1}), {2}").format(
                    i + 1, draft.name.strip() or "…", fmt.problem_text(exc)),
                    field="stage_row") from None
        check_stages(Stage(pipeline_id="", name=s.name, position=i, probability=s.probability,
                           category=s.category, outcome=s.outcome, rotting_days=s.rotting_days)
                     for i, s in enumerate(specs))
        return specs

    def problem(self) -> str:
        try:
            self.specs()
        except ValidationError as exc:
            return exc.message if exc.field == "stage_row" else fmt.problem_text(exc)
        return ""

    def validate(self) -> None:
        text = self.problem()
        self.message.setStyleSheet(ERROR_STYLE)
        self.message.setText(text)
        naming = name_problem(self.name_edit.text(), self.taken)
        self.name_message.setText(naming)
        self._ok().setEnabled(not text and not naming)

    def _ok(self) -> QPushButton:
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        assert ok is not None
        return ok

    def accept(self) -> None:
        """Save, and close only once the service accepted the name and the stages."""
        self.validate()
        if self.message.text() or self.name_message.text():
            return
        specs = self.specs()
        name = clean_name(self.name_edit.text(), self.taken)
        if self.drafts == self.loaded and name == self.saved_name:
            super().accept()
            return
        self._ok().setEnabled(False)
        self.message.setStyleSheet(HINT_STYLE)
        self.message.setText(tr("Saving…"))
        if name != self.saved_name:
            self.edits.rename_pipeline(name, on_done=lambda _r: self._renamed(name, specs),
                                       on_error=self._refused)
        else:
            self._save_stages(specs)

    def _renamed(self, name: str, specs: list[StageSpec]) -> None:
        self.saved_name = name  # a retry after the stages are refused renames no more
        self.setWindowTitle(tr("Pipeline settings — {0}").format(name))
        if self.drafts == self.loaded:
            super().accept()
        else:
            self._save_stages(specs)

    def _save_stages(self, specs: list[StageSpec]) -> None:
        self.edits.save_stages(specs, on_done=lambda _r: self._saved(specs),
                               on_error=self._refused)

    def _saved(self, specs: list[StageSpec]) -> None:
        self.saved = specs
        super().accept()

    def _refused(self, exc: BaseException) -> None:
        self.message.setStyleSheet(ERROR_STYLE)
        if isinstance(exc, ValidationError):  # the domain calls the name field "pipeline"
            words = fmt.problem_text(exc, tr("Pipeline name") if exc.field == "pipeline"
                                     else None)
        else:
            words = user_message(exc)
        self.message.setText(tr("Not saved: {0}").format(words))
        self._ok().setEnabled(True)

