"""The Segments tab of the Lead rules dialog: the segments in order (add, remove, rename,
reorder) and, for the selected one, how its conditions combine, the conditions, and the
nurture plan. Problems are checked on every edit and named by segment and condition."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QAbstractItemModel, QItemSelectionModel, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QListView,
    QPlainTextEdit,
    QPushButton,
    QStyledItemDelegate,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from salesdesk.domain.errors import ValidationError
from salesdesk.domain.lead_segments import LeadField, Match, Operator, Segment
from salesdesk.domain.validation import name_key
from salesdesk.ui.dialogs.common import HINT_STYLE, error_label
from salesdesk.ui.i18n import tr
from salesdesk.ui.models import lead_rules_words as words
from salesdesk.ui.models.rules_delegate import ConditionDelegate
from salesdesk.ui.models.segment_rules_model import (
    SEGMENT_COLUMNS,
    Column,
    ConditionTableModel,
    RuleRow,
    SegmentDraft,
    SegmentListModel,
    condition,
    row_problem,
)


def segment_problems(drafts: Sequence[SegmentDraft]) -> list[tuple[int, str]]:
    """(segment row, what is wrong) for every problem, in the segments' order."""
    found: list[tuple[int, str]] = []
    seen: set[str] = set()
    for n, draft in enumerate(drafts):
        name = draft.name.strip()
        if not name:
            found.append((n, tr("Segment {0}: give it a name").format(n + 1)))
        elif name_key(name) in seen:
            found.append((n, tr("Two segments are called '{0}': rename one").format(
                name)))
        seen.add(name_key(name))
        found += [(n, p) for p in _draft_problems(draft)]
    return found


def _draft_problems(draft: SegmentDraft) -> list[str]:
    name = draft.name.strip() or tr("(no name)")
    problems = [tr("Segment '{0}', condition {1}: {2}").format(name, i + 1, found[1])
                for i, row in enumerate(draft.rows) if (found := row_problem(row))]
    if not problems and draft.name.strip():
        try:
            to_segment(draft)
        except ValidationError as err:
            problems.append(tr("Segment '{0}': {1}").format(name, err.message))
    return problems


def to_segment(draft: SegmentDraft) -> Segment:
    return Segment(draft.name, tuple(condition(r) for r in draft.rows), draft.match,
                   draft.plan)


class SegmentRulesPage(QWidget):
    sig_rules_edited = Signal()
    """Something on the page changed (a name, a condition, the order, a plan)."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.segments_model = SegmentListModel(self)
        self.list = QListView(editTriggers=QAbstractItemView.EditTrigger.EditKeyPressed,
                              spacing=2)
        self.list.setModel(self.segments_model)
        self.add_button = QPushButton(self.tr("Add"), toolTip=self.tr("Add a segment"))
        self.remove_button = QPushButton(self.tr("Remove"),
                                         toolTip=self.tr("Remove the selected segment"))
        self.up_button = QPushButton(self.tr("Up"), toolTip=self.tr("Show it earlier"))
        self.down_button = QPushButton(self.tr("Down"), toolTip=self.tr("Show it later"))
        self.name = QLineEdit(placeholderText=self.tr("e.g. price objection"))
        self.match = QComboBox()
        for match, text in words.match_words().items():
            self.match.addItem(text, match.value)
        self.conditions_model = ConditionTableModel(SEGMENT_COLUMNS, self)
        self.conditions = rules_table(self.conditions_model,
                                      SEGMENT_COLUMNS.index(Column.VALUE))
        self.add_condition = QPushButton(self.tr("Add condition"))
        self.remove_condition = QPushButton(self.tr("Remove condition"))
        self.manual_hint = _hint(self.tr("No conditions: a manual segment. Leads join it "
                                         "only when someone adds them by hand."))
        self.text_hint = _hint(self.tr("Text is compared ignoring case and extra spaces; "
                                       "'is one of' takes values separated by commas."))
        self.plan = QPlainTextEdit(placeholderText=self.tr(
            "How to nurture these leads: who calls, how soon, what to send"))
        self.plan.setFixedHeight(self.plan.fontMetrics().lineSpacing() * 4 + 12)
        self.plan.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.message = error_label("segmentsMessage")
        self.detail = QWidget()
        self._lay_out()
        self._connect()
        self._show_draft()

    def _lay_out(self) -> None:
        moves = QGridLayout()
        for i, button in enumerate((self.add_button, self.remove_button, self.up_button,
                                    self.down_button)):
            moves.addWidget(button, i // 2, i % 2)
        left = QVBoxLayout()
        left.addWidget(QLabel(self.tr("Segments, in the order the board shows them:"),
                              wordWrap=True))
        left.addWidget(self.list, 1)
        left.addLayout(moves)
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_condition)
        buttons.addWidget(self.remove_condition)
        buttons.addStretch(1)
        form = QFormLayout(self.detail)
        form.setContentsMargins(0, 0, 0, 0)
        form.addRow(self.tr("Name:"), self.name)
        form.addRow(self.tr("A lead is in it when:"), self.match)
        form.addRow(self.conditions)
        form.addRow(self.message)
        form.addRow(buttons)
        form.addRow(self.manual_hint)
        form.addRow(self.text_hint)
        form.addRow(self.tr("Nurture plan:"), self.plan)
        top = QHBoxLayout()
        top.addLayout(left, 2)
        top.addWidget(self.detail, 5)
        layout = QVBoxLayout(self)
        layout.addLayout(top, 1)

    def _connect(self) -> None:
        self.add_button.clicked.connect(self.add_segment)
        self.remove_button.clicked.connect(self.remove_segment)
        self.up_button.clicked.connect(lambda: self.move_segment(-1))
        self.down_button.clicked.connect(lambda: self.move_segment(1))
        self.list.selectionModel().currentRowChanged.connect(lambda *_: self._show_draft())
        self.name.textEdited.connect(self._rename)
        self.match.currentIndexChanged.connect(self._match_chosen)
        self.plan.textChanged.connect(self._plan_typed)
        self.add_condition.clicked.connect(self.add_condition_row)
        self.remove_condition.clicked.connect(self.remove_condition_row)
        self.conditions_model.dataChanged.connect(lambda *_: self._conditions_edited())
        self.segments_model.dataChanged.connect(lambda *_: self._edited())

    # --- contents ----------------------------------------------------------------------
    def set_segments(self, segments: Sequence[Segment]) -> None:
        self.segments_model.set_drafts([SegmentDraft.of(s) for s in segments])
        self.select(0)
        self._edited()

    def drafts(self) -> list[SegmentDraft]:
        return self.segments_model.drafts()

    def names(self) -> list[tuple[int, str]]:
        """(key, name) of each segment with a name, for the SLA page."""
        return [(d.key, d.name.strip()) for d in self.drafts() if d.name.strip()]

    def problems(self) -> list[str]:
        return [text for _, text in segment_problems(self.drafts())]

    def segments(self) -> tuple[Segment, ...]:
        """The segments as domain objects; raises ValidationError while problems remain."""
        return tuple(to_segment(d) for d in self.drafts())

    def current(self) -> SegmentDraft | None:
        return self.segments_model.draft(self.list.currentIndex().row())

    def select(self, row: int) -> None:
        index = self.segments_model.index(row)
        self.list.selectionModel().setCurrentIndex(
            index, QItemSelectionModel.SelectionFlag.ClearAndSelect)
        self._show_draft()

    # --- segment actions ----------------------------------------------------------------
    def add_segment(self) -> None:
        taken = {name_key(d.name) for d in self.drafts()}
        name = next(n for i in range(1, 10_000) if name_key(
            n := self.tr("new segment {0}").format(i)) not in taken)
        self.select(self.segments_model.add(SegmentDraft(name)))
        self.name.setFocus()
        self.name.selectAll()
        self._edited()

    def remove_segment(self) -> None:
        row = self.list.currentIndex().row()
        self.segments_model.remove(row)
        self.select(min(row, self.segments_model.rowCount() - 1))
        self._edited()

    def move_segment(self, step: int) -> None:
        self.select(self.segments_model.move(self.list.currentIndex().row(), step))
        self._edited()

    def add_condition_row(self) -> None:
        row = self.conditions_model.add_row(RuleRow(LeadField.SOURCE, Operator.EQUALS, ""))
        self.conditions.setCurrentIndex(self.conditions_model.index(row, 0))
        self._conditions_edited()

    def remove_condition_row(self) -> None:
        self.conditions_model.remove_row(self.conditions.currentIndex().row())
        self._conditions_edited()

    # --- keeping the detail and the draft in step ----------------------------------------
    def _show_draft(self) -> None:
        draft = self.current()
        self.detail.setEnabled(draft is not None)
        self.name.setText(draft.name if draft else "")
        self.match.blockSignals(True)
        self.match.setCurrentIndex(max(0, self.match.findData(
            (draft.match if draft else Match.ALL).value)))
        self.match.blockSignals(False)
        self.plan.blockSignals(True)
        self.plan.setPlainText(draft.plan if draft else "")
        self.plan.blockSignals(False)
        self.conditions_model.set_rows(draft.rows if draft else [])
        self._update_buttons()

    def _rename(self, text: str) -> None:
        row = self.list.currentIndex().row()
        draft = self.current()
        if draft is not None:
            draft.name = text
            self.segments_model.touched(row)

    def _match_chosen(self) -> None:
        draft = self.current()
        if draft is not None:
            draft.match = Match(self.match.currentData())
            self._edited()

    def _plan_typed(self) -> None:
        draft = self.current()
        if draft is not None:
            draft.plan = self.plan.toPlainText()
            self._edited()

    def _conditions_edited(self) -> None:
        self.segments_model.touched(self.list.currentIndex().row())  # italics if manual

    def _update_buttons(self) -> None:
        row, count = self.list.currentIndex().row(), self.segments_model.rowCount()
        draft = self.current()
        self.remove_button.setEnabled(draft is not None)
        self.up_button.setEnabled(row > 0)
        self.down_button.setEnabled(0 <= row < count - 1)
        has_rows = bool(draft and draft.rows)
        self.remove_condition.setEnabled(has_rows)
        self.match.setEnabled(bool(draft and len(draft.rows) > 1))
        self.manual_hint.setVisible(draft is not None and not has_rows)
        self.text_hint.setVisible(has_rows)

    def _edited(self) -> None:
        draft = self.current()
        if draft is not None and self.name.text() != draft.name:  # renamed in the list
            self.name.setText(draft.name)
        self._update_buttons()
        found = segment_problems(self.drafts())
        row = self.list.currentIndex().row()
        mine = [text for n, text in found if n == row] or [text for _, text in found]
        show_problem(self.message, mine[0] if mine else "")
        self.sig_rules_edited.emit()


def rules_table(model: QAbstractItemModel, stretch: int,
                delegate: type[QStyledItemDelegate] = ConditionDelegate) -> QTableView:
    """An editable table of rules: one row selected at a time, column `stretch` taking the
    spare width, the others fitted to their contents."""
    view = QTableView(alternatingRowColors=True, wordWrap=False,
                      selectionBehavior=QAbstractItemView.SelectionBehavior.SelectRows,
                      selectionMode=QAbstractItemView.SelectionMode.SingleSelection)
    view.setModel(model)
    view.setItemDelegate(delegate(view))
    view.setEditTriggers(QAbstractItemView.EditTrigger.AllEditTriggers)
    header = view.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
    header.setMinimumSectionSize(60)
    view.verticalHeader().setDefaultSectionSize(view.fontMetrics().height() + 10)
    return view


def show_problem(label: QLabel, text: str) -> None:
    """A tab's problem line: there only while something is wrong, so the tables get the
    room otherwise."""
    label.setText(text)
    label.setVisible(bool(text))


def _hint(text: str) -> QLabel:
    label = QLabel(text, wordWrap=True)
    label.setStyleSheet(HINT_STYLE)
    return label
