"""The rule editor of the Territories tab: the criteria of one territory, those it inherits
shown read-only above, Apply and Revert. Pure UI: it never touches the workspace; the
tab applies the draft through an undoable edit and previews it on the worker.
"""

from __future__ import annotations

import csv
from collections.abc import Sequence
from decimal import Decimal
from html import escape

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QStringListModel, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QCompleter,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QStackedWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from salesdesk.domain.errors import ValidationError
from salesdesk.domain.territories import Criterion, RuleField
from salesdesk.domain.validation import clean_decimal
from salesdesk.storage.rows import RuleValues
from salesdesk.ui.i18n import tr


def field_labels() -> dict[RuleField, str]:
    return {RuleField.COUNTRY: tr("Country"), RuleField.REGION: tr("Region/state"),
            RuleField.POSTCODE_PREFIX: tr("Postcode prefix"),
            RuleField.INDUSTRY: tr("Industry"), RuleField.EMPLOYEES: tr("Employees"),
            RuleField.REVENUE: tr("Revenue (millions)"), RuleField.ACCOUNT: tr("Named accounts")}


def _example(rule_field: RuleField) -> str:
    return {RuleField.COUNTRY: tr("e.g. Germany, Austria, Switzerland"),
            RuleField.REGION: tr("e.g. California, Oregon"),
            RuleField.POSTCODE_PREFIX: tr("e.g. 80, 81"),
            RuleField.INDUSTRY: tr("e.g. medical, finance"),
            RuleField.ACCOUNT: tr("e.g. Acme Corporation, Golddex")}.get(rule_field, "")


MUTED = "color: #5f6b7a;"
ERROR = "color: #b3261e;"


class RuleProblem(Exception):
    """A criterion cannot be built; the message names the field."""


def field_label(rule_field: RuleField) -> str:
    return field_labels()[rule_field]


def describe(criterion: Criterion) -> str:
    """'Country is Germany, Austria' / 'Employees from 100 to under 500'."""
    label = field_label(criterion.field)
    if not criterion.field.is_range:
        return tr("{0} is {1}").format(label, ", ".join(criterion.values))
    lo, hi = criterion.minimum, criterion.maximum
    if lo is not None and hi is not None:
        return tr("{0} from {1} to under {2}").format(label, _number(lo), _number(hi))
    if lo is not None:
        return tr("{0} at least {1}").format(label, _number(lo))
    return tr("{0} under {1}").format(label, _number(hi))


def _number(value: Decimal | None) -> str:
    return "" if value is None else f"{value.normalize():,f}"


def join_values(values: Sequence[str]) -> str:
    return ", ".join(f'"{v}"' if "," in v or '"' in v else v for v in values)


def split_values(text: str) -> list[str]:
    """Comma-separated values; a value holding a comma is written in double quotes."""
    return [v.strip() for row in csv.reader([text], skipinitialspace=True) for v in row
            if v.strip()]


class _ValuesCompleter(QCompleter):
    """Completes the value being typed after the last comma."""

    def splitPath(self, path: str) -> list[str]:  # noqa: N802 (Qt override)
        return [path.rsplit(",", 1)[-1].strip()]

    def pathFromIndex(self, index: QModelIndex | QPersistentModelIndex) -> str:  # noqa: N802
        edit = self.widget()
        text = edit.text() if isinstance(edit, QLineEdit) else ""
        head = text.rsplit(",", 1)[0] if "," in text else ""
        value = str(index.data())
        return f"{head}, {value}" if head else value


class CriterionRow(QWidget):
    sig_criterion_edited = Signal()
    """The field or a value changed."""
    sig_remove_requested = Signal()
    """The user asked to remove this criterion."""

    def __init__(self, known: RuleValues | None = None, parent: QWidget | None = None):
        super().__init__(parent)
        self._known = known
        self.field_combo = QComboBox(minimumContentsLength=16)
        for rule_field, label in field_labels().items():
            self.field_combo.addItem(label, rule_field.value)
        self.values_edit = QLineEdit(clearButtonEnabled=True)
        self.min_edit = QLineEdit(placeholderText=tr("no minimum"))
        self.max_edit = QLineEdit(placeholderText=tr("no maximum"))
        self.stack = QStackedWidget()
        self.stack.addWidget(self.values_edit)
        self.stack.addWidget(self._range_widget())
        remove = QToolButton(text="✕", toolTip=tr("Remove this criterion"), autoRaise=True)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.field_combo)
        layout.addWidget(self.stack, 1)
        layout.addWidget(remove)
        self.field_combo.currentIndexChanged.connect(self._field_changed)
        for edit in (self.values_edit, self.min_edit, self.max_edit):
            edit.textEdited.connect(lambda _t: self.sig_criterion_edited.emit())
        self.values_edit.textChanged.connect(self.values_edit.setToolTip)
        remove.clicked.connect(self.sig_remove_requested.emit)
        self._field_changed()

    def _range_widget(self) -> QWidget:
        box = QWidget()
        row = QHBoxLayout(box)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(QLabel(tr("from")))
        row.addWidget(self.min_edit, 1)
        row.addWidget(QLabel(tr("to under")))
        row.addWidget(self.max_edit, 1)
        return box

    @property
    def rule_field(self) -> RuleField:
        return RuleField(self.field_combo.currentData())

    def _field_changed(self) -> None:
        f = self.rule_field
        self.stack.setCurrentIndex(1 if f.is_range else 0)
        self.values_edit.setPlaceholderText(_example(f))
        known = {RuleField.COUNTRY: "countries", RuleField.REGION: "regions",
                 RuleField.INDUSTRY: "industries"}.get(f)
        values = list(getattr(self._known, known, ())) if known and self._known else []
        completer = _ValuesCompleter(QStringListModel(values), self.values_edit)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.values_edit.setCompleter(completer if values else None)  # type: ignore[arg-type]
        self.sig_criterion_edited.emit()

    def load(self, criterion: Criterion) -> None:
        self.field_combo.blockSignals(True)
        self.field_combo.setCurrentIndex(self.field_combo.findData(criterion.field.value))
        self.field_combo.blockSignals(False)
        self._field_changed()
        self.values_edit.setText(join_values(criterion.values))
        self.values_edit.setCursorPosition(0)  # show the first values, not the last
        self.min_edit.setText(_number(criterion.minimum).replace(",", ""))
        self.max_edit.setText(_number(criterion.maximum).replace(",", ""))

    def criterion(self) -> Criterion:
        """The criterion as typed; RuleProblem names the field when it cannot be built."""
        f, label = self.rule_field, field_label(self.rule_field)
        if not f.is_range:
            try:
                values = split_values(self.values_edit.text())
            except csv.Error:
                raise RuleProblem(tr("{0}: a quote is not closed.").format(label)) from None
            if not values:
                raise RuleProblem(tr("{0}: give at least one value.").format(label))
            return Criterion(f, tuple(values))
        lo, hi = (_bound(e.text(), f, label) for e in (self.min_edit, self.max_edit))
        if lo is None and hi is None:
            raise RuleProblem(tr("{0}: give a minimum, a maximum or both.").format(label))
        if lo is not None and hi is not None and lo >= hi:
            raise RuleProblem(tr("{0}: the minimum must be below the maximum.").format(label))
        return Criterion(f, minimum=lo, maximum=hi)


def _bound(text: str, rule_field: RuleField, label: str) -> Decimal | None:
    text = text.strip()
    try:
        value = clean_decimal(text, rule_field, places=2)
    except ValidationError:
        raise RuleProblem(tr("{0}: '{1}' is not a number.").format(label, text)) from None
    if value is None:
        return None
    if value < 0:
        raise RuleProblem(tr("{0}: must be zero or more.").format(label))
    if rule_field is RuleField.EMPLOYEES and value != value.to_integral_value():
        raise RuleProblem(tr("{0}: '{1}' is not a whole number.").format(label, text))
    return value


class RuleEditor(QWidget):
    """Edits the own criteria of one territory. `draft()` is what the user typed."""

    sig_draft_changed = Signal()
    """The draft criteria changed (the caller debounces its preview)."""
    sig_apply_requested = Signal(object)
    """Apply was clicked with a valid draft; carries list[Criterion]."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self._saved: tuple[Criterion, ...] = ()
        self._known: RuleValues | None = None
        self._rows: list[CriterionRow] = []
        self.inherited_label = QLabel(wordWrap=True, textFormat=Qt.TextFormat.RichText)
        self.inherited_label.setStyleSheet(MUTED)
        heading = QLabel(tr("<b>Own criteria</b> — an account must match all of them; each "
                            "criterion accepts any of its values."), wordWrap=True)
        self.rows_box = QVBoxLayout()
        self.rows_box.setSpacing(6)
        self.container_label = QLabel(tr(
            "No criteria of its own: this territory is a container. Accounts land in its "
            "sub-territories, never here."), wordWrap=True)
        self.container_label.setStyleSheet(MUTED)
        self.add_button = QPushButton(tr("+ Add criterion"))
        self.problem_label = QLabel(wordWrap=True, objectName="fieldError")
        self.revert_button = QPushButton(tr("Revert"), enabled=False)
        self.apply_button = QPushButton(tr("Apply"), enabled=False, default=True)
        self.add_button.clicked.connect(lambda: self.add_criterion(None))
        self.revert_button.clicked.connect(self.revert)
        self.apply_button.clicked.connect(self._apply)
        self.sig_draft_changed.connect(self._update_state)
        self._layout(heading)
        self.setEnabled(False)

    def _layout(self, heading: QLabel) -> None:
        rows = QWidget()
        inner = QVBoxLayout(rows)
        inner.setContentsMargins(0, 0, 4, 0)
        inner.addLayout(self.rows_box)
        inner.addWidget(self.container_label)
        add_row = QHBoxLayout()
        add_row.addWidget(self.add_button)
        add_row.addStretch(1)
        inner.addLayout(add_row)
        inner.addStretch(1)
        scroll = QScrollArea(widgetResizable=True, frameShape=QScrollArea.Shape.NoFrame)
        scroll.setWidget(rows)
        scroll.viewport().setAutoFillBackground(False)  # blend with the page, not grey
        rows.setAutoFillBackground(False)
        buttons = QHBoxLayout()
        buttons.addWidget(self.problem_label, 1)
        buttons.addWidget(self.revert_button)
        buttons.addWidget(self.apply_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.inherited_label)
        layout.addSpacing(4)
        layout.addWidget(heading)
        layout.addWidget(scroll, 1)
        layout.addLayout(buttons)

    # --- loading ---------------------------------------------------------------------
    def set_known_values(self, known: RuleValues) -> None:
        """Values accounts hold, offered while typing (countries, regions, industries)."""
        self._known = known

    def load(self, criteria: Sequence[Criterion], inherited: Sequence[tuple[str, Criterion]],
             enabled: bool = True, ancestors: Sequence[str] = ()) -> None:
        """Show a territory's criteria; `inherited` are (ancestor name, criterion) pairs,
        `ancestors` the names of the territories above it, top first."""
        self._saved = tuple(criteria)
        self._show_inherited(inherited, ancestors)
        self._set_rows(criteria)
        self.setEnabled(enabled)

    def _show_inherited(self, inherited: Sequence[tuple[str, Criterion]],
                        ancestors: Sequence[str]) -> None:
        if not inherited:
            self.inherited_label.setText(
                tr("Nothing inherited: {0} has no criteria of its own.").format(
                    escape(" › ".join(ancestors))) if ancestors else
                tr("Nothing inherited: this is a top-level territory."))
            return
        lines = [tr("Inherited from {0}: {1}").format(escape(name), escape(describe(c)))
                 for name, c in inherited]
        self.inherited_label.setText("<br>".join(lines))

    def _set_rows(self, criteria: Sequence[Criterion]) -> None:
        for row in self._rows:
            self._drop(row)
        self._rows = []
        for criterion in criteria:
            self.add_criterion(criterion, announce=False)
        self.sig_draft_changed.emit()

    def add_criterion(self, criterion: Criterion | None, announce: bool = True) -> CriterionRow:
        row = CriterionRow(self._known)
        if criterion is not None:
            row.load(criterion)
        row.sig_criterion_edited.connect(self.sig_draft_changed.emit)
        row.sig_remove_requested.connect(lambda r=row: self.remove_criterion(r))
        self.rows_box.addWidget(row)
        self._rows.append(row)
        if announce:
            row.values_edit.setFocus()
            self.sig_draft_changed.emit()
        return row

    def remove_criterion(self, row: CriterionRow) -> None:
        if row in self._rows:
            self._rows.remove(row)
            self._drop(row)
            self.sig_draft_changed.emit()

    def _drop(self, row: CriterionRow) -> None:
        self.rows_box.removeWidget(row)
        row.hide()
        row.deleteLater()

    def criterion_rows(self) -> list[CriterionRow]:
        return list(self._rows)

    # --- the draft -------------------------------------------------------------------
    def draft(self) -> list[Criterion]:
        """The criteria as typed; RuleProblem (naming the field) if one cannot be built."""
        return [row.criterion() for row in self._rows]

    def is_dirty(self) -> bool:
        try:
            return tuple(self.draft()) != self._saved
        except RuleProblem:
            return True

    @property
    def saved(self) -> tuple[Criterion, ...]:
        return self._saved

    def mark_saved(self, criteria: Sequence[Criterion]) -> None:
        """The draft was applied: it is what the territory holds now."""
        self._saved = tuple(criteria)
        self.sig_draft_changed.emit()

    def set_inherited(self, inherited: Sequence[tuple[str, Criterion]],
                      ancestors: Sequence[str] = ()) -> None:
        self._show_inherited(inherited, ancestors)

    def revert(self) -> None:
        self._set_rows(self._saved)

    def _update_state(self) -> None:
        self.container_label.setVisible(not self._rows)
        dirty = self.is_dirty()
        try:
            self.draft()
            self.problem_label.setText(tr("Not applied yet.") if dirty else "")
            self.problem_label.setStyleSheet(MUTED)
            valid = True
        except RuleProblem as problem:
            self.problem_label.setText(str(problem))
            self.problem_label.setStyleSheet(ERROR)
            valid = False
        self.apply_button.setEnabled(dirty and valid)
        self.revert_button.setEnabled(dirty)

    def _apply(self) -> None:
        try:
            criteria = self.draft()
        except RuleProblem as problem:
            self.problem_label.setText(str(problem))
            self.problem_label.setStyleSheet(ERROR)
            return
        self.sig_apply_requested.emit(criteria)
