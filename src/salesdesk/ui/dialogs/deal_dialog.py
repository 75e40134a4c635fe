"""Add or edit a deal: its fields, its product lines and, for an existing deal, its
activities, customer feedback and stage history.

Fields are checked as the user types, with the domain's rules (domain.deals.Deal and
DealLine); while one is refused, the message names it (and the line, for lines) and OK
stays disabled. Activities and notes are saved at once through `DealChildActions`; OK
returns the deal's own fields and lines as a `DealResult` for the caller to save.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from decimal import Decimal
from typing import Any

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QCompleter,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QSizePolicy,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from salesdesk.domain.deals import Deal
from salesdesk.domain.errors import ValidationError
from salesdesk.domain.pipeline import check_probability
from salesdesk.services.pipeline import LineSpec
from salesdesk.storage.deal_queries import DealForm
from salesdesk.storage.rows import DealDetail, StageRow
from salesdesk.ui import deal_format as fmt
from salesdesk.ui.dialogs.common import HINT_STYLE, error_label, ok_cancel
from salesdesk.ui.dialogs.deal_lines import LinesEditor
from salesdesk.ui.dialogs.deal_panels import (
    ActivitiesPanel,
    DealChildActions,
    HistoryPanel,
    NotesPanel,
)
from salesdesk.ui.i18n import tr

FIELDS = ("title", "account_id", "contact_name", "contact_email", "owner_id", "probability",
          "category", "expected_close", "next_step")


@dataclass(frozen=True)
class DealResult:
    """What the user entered. `fields` are Deal fields (plus "amount" for a deal without
    lines); `stage_id` is set for a new deal."""

    fields: dict[str, Any]
    lines: tuple[LineSpec, ...] = ()
    stage_id: str | None = None
    label: str = ""
    """How the deal is named in the undo history."""
    loaded: DealDetail | None = field(default=None, compare=False)

    def changes(self) -> tuple[dict[str, Any], tuple[LineSpec, ...] | None]:
        """(changed fields, new lines or None if unchanged) against the deal as loaded."""
        detail = self.loaded
        if detail is None:
            return dict(self.fields), self.lines
        changed = {k: v for k, v in self.fields.items() if k != "amount"
                   and v != getattr(detail, k)}
        old_lines = tuple(LineSpec(x.product_id, x.quantity, x.unit_price, x.discount)
                          for x in detail.lines)
        if "amount" in self.fields and self.fields["amount"] != detail.amount:
            changed["amount"] = self.fields["amount"]
        return changed, (self.lines if self.lines != old_lines else None)


def _qdate(day: date) -> QDate:
    return QDate(day.year, day.month, day.day)


class DealDialog(QDialog):
    def __init__(self, parent: QWidget | None, *, form: DealForm,
                 stage_id: str | None = None, live: DealChildActions | None = None):
        super().__init__(parent)
        self.form, self.detail = form, form.detail
        self.setWindowTitle(tr("New deal") if self.detail is None else
                            tr("Deal — {0}").format(self._label(self.detail)))
        self._build(stage_id)
        self.panels = self._build_panels(live) if self.detail is not None and live else None
        if live is not None:
            live.attach(self)
        self._lay_out()
        self._fill()
        for signal in (self.title_edit.textChanged, self.account_combo.currentTextChanged,
                       self.contact_edit.textChanged, self.email_edit.textChanged,
                       self.owner_combo.currentIndexChanged, self.stage_combo.currentIndexChanged,
                       self.close_check.toggled, self.close_edit.dateChanged,
                       self.probability_edit.textChanged, self.category_combo.currentIndexChanged,
                       self.next_step_edit.textChanged, self.lines.sig_changed):
            signal.connect(self.validate)
        self.validate()

    @classmethod
    def ask(cls, parent: QWidget | None, *, form: DealForm, stage_id: str | None = None,
            live: DealChildActions | None = None) -> DealResult | None:
        """The deal as entered once the user pressed OK, else None."""
        dialog = cls(parent, form=form, stage_id=stage_id, live=live)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return dialog.result_value()

    # --- layout ------------------------------------------------------------------------
    def _build(self, stage_id: str | None) -> None:
        self.title_edit = QLineEdit(placeholderText=tr("e.g. Acme — 40 seats renewal"))
        self.account_combo = self._account_combo()
        self.contact_edit = QLineEdit(placeholderText=tr("First and last name"))
        self.email_edit = QLineEdit(placeholderText=tr("name@customer.com"))
        self.owner_combo = self._owner_combo()
        self.stage_combo = QComboBox()
        for s in self.form.stages:
            if s.is_open:
                self.stage_combo.addItem(s.name, s.id)
        self.stage_combo.setCurrentIndex(max(0, self.stage_combo.findData(stage_id)))
        self.stage_label = QLabel()
        self.close_check = QCheckBox(tr("Expected close"))
        self.close_edit = QDateEdit(calendarPopup=True, displayFormat="d MMM yyyy")
        self.probability_edit = QLineEdit(alignment=Qt.AlignmentFlag.AlignRight)
        self.probability_edit.setMaximumWidth(90)
        self.probability_hint = QLabel()
        self.probability_hint.setStyleSheet(HINT_STYLE)
        self.category_combo = QComboBox()
        self.next_step_edit = QLineEdit(placeholderText=tr("e.g. Send the revised quote by "
                                                           "Friday"))
        self.outcome_label = QLabel(wordWrap=True)
        self.lines = LinesEditor(self.form.products, self.form.currency)
        self.message = error_label("validationMessage", reserve_lines=2)
        self.buttons = ok_cancel(self, tr("Create deal") if self.detail is None else None)
        for combo in (self.account_combo, self.owner_combo, self.stage_combo,
                      self.category_combo):
            combo.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.close_check.toggled.connect(self.close_edit.setEnabled)
        self.stage_combo.currentIndexChanged.connect(self._stage_defaults)

    def _account_combo(self) -> QComboBox:
        combo = QComboBox(editable=True, insertPolicy=QComboBox.InsertPolicy.NoInsert)
        combo.addItem(tr("No account"), None)
        for account_id, name in self.form.accounts:
            combo.addItem(name, account_id)
        completer = QCompleter(combo.model(), combo)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        combo.setCompleter(completer)
        return combo

    def _owner_combo(self) -> QComboBox:
        combo = QComboBox()
        combo.addItem(tr("No owner"), None)
        current = self.detail.owner_id if self.detail else None
        for owner in self.form.owners:
            if owner.active:
                combo.addItem(owner.name, owner.id)
            elif owner.id == current:  # keep the truth visible; saving asks for another
                combo.addItem(tr("{0} — left").format(owner.name), owner.id)
        return combo

    def _build_panels(self, live: DealChildActions) -> tuple[ActivitiesPanel, NotesPanel,
                                                             HistoryPanel]:
        return (ActivitiesPanel(live), NotesPanel(live), HistoryPanel(self.form.currency))

    def _lay_out(self) -> None:
        left, right = QFormLayout(), QFormLayout()
        for form in (left, right):
            form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
            form.setLabelAlignment(Qt.AlignmentFlag.AlignRight)
        left.addRow(tr("Title"), self.title_edit)
        left.addRow(tr("Account"), self.account_combo)
        left.addRow(tr("Contact"), self.contact_edit)
        left.addRow(tr("Contact email"), self.email_edit)
        left.addRow(tr("Owner"), self.owner_combo)
        right.addRow(tr("Stage"), self.stage_combo if self.detail is None else self.stage_label)
        right.addRow(self.close_check, self.close_edit)
        probability = QHBoxLayout()
        probability.addWidget(self.probability_edit)
        probability.addWidget(QLabel("%"))
        probability.addWidget(self.probability_hint, 1)
        right.addRow(tr("Probability"), probability)
        right.addRow(tr("Forecast category"), self.category_combo)
        right.addRow(tr("Next step"), self.next_step_edit)
        columns = QHBoxLayout()
        columns.addLayout(left, 1)
        columns.addSpacing(16)
        columns.addLayout(right, 1)
        lines_box = QGroupBox(tr("Products"))
        QVBoxLayout(lines_box).addWidget(self.lines)
        details = QWidget()
        layout = QVBoxLayout(details)
        layout.addLayout(columns)
        layout.addWidget(self.outcome_label)
        layout.addWidget(lines_box, 1)
        outer = QVBoxLayout(self)
        if self.panels is None:
            outer.addWidget(details, 1)
        else:
            self.tabs = QTabWidget(documentMode=True)
            self.tabs.addTab(details, tr("Deal"))
            for panel in self.panels:
                self.tabs.addTab(panel, "")
            outer.addWidget(self.tabs, 1)
        outer.addWidget(self.message)
        outer.addWidget(self.buttons)
        self.resize(920, 640 if self.panels is None else 680)

    # --- content ------------------------------------------------------------------------
    def _fill(self) -> None:
        d = self.detail
        self.close_edit.setDate(_qdate(date.today()))
        if d is None:
            self.close_check.setChecked(False)
            self.close_edit.setEnabled(False)
            self.lines.set_lines((), Decimal("0.00"))
            self._stage_defaults()
            return
        self.title_edit.setText(d.title)
        self._select(self.account_combo, d.account_id)
        self.contact_edit.setText(d.contact_name)
        self.email_edit.setText(d.contact_email or "")
        self._select(self.owner_combo, d.owner_id)
        self.close_check.setChecked(d.expected_close is not None)
        self.close_edit.setEnabled(d.expected_close is not None)
        if d.expected_close is not None:
            self.close_edit.setDate(_qdate(d.expected_close))
        self.probability_edit.setText("" if d.probability is None else str(d.probability))
        self.next_step_edit.setText(d.next_step)
        self.lines.set_lines(d.lines, d.amount)
        self._stage_defaults()
        self._show_stage(d)
        if self.panels is not None:
            self.show_children(d)

    def _show_stage(self, d: DealDetail) -> None:
        days = fmt.duration_text(datetime.now(UTC) - d.stage_entered_at)
        self.stage_label.setText(tr("{0} — since {1} ({2})").format(
            d.stage, fmt.date_text(d.stage_entered_at.date()), days)
            if d.won_on is None and d.lost_on is None else d.stage)
        if d.won_on is not None:
            self.outcome_label.setText(tr("<b>Won</b> on {0} for {1}. Created {2}.").format(
                fmt.date_text(d.won_on), fmt.money_text(d.won_amount, self.form.currency),
                fmt.date_text(d.created_on)))
        elif d.lost_on is not None:
            self.outcome_label.setText(tr("<b>Lost</b> on {0} — reason: {1}. Created {2}.")
                                       .format(fmt.date_text(d.lost_on),
                                               d.lost_reason or tr("none given"),
                                               fmt.date_text(d.created_on)))
        else:
            self.outcome_label.setText(tr("Created {0}.").format(fmt.date_text(d.created_on)))
        self.outcome_label.setStyleSheet(HINT_STYLE)
        closed = d.won_on is not None or d.lost_on is not None
        for widget in (self.probability_edit, self.category_combo):
            widget.setEnabled(not closed)
            widget.setToolTip(tr("A won or lost deal counts with its stage's probability "
                                 "and category.") if closed else "")

    def show_children(self, d: DealDetail) -> None:
        """Activities, notes and history of the deal as (re)loaded; the deal's fields and
        the version they were loaded at stay as they are."""
        if self.panels is None:
            return
        activities, notes, history = self.panels
        activities.show_rows(d.activities, date.today())
        notes.show_rows(d.notes)
        history.show_rows(d.history, d.won_on is not None or d.lost_on is not None)
        open_count = sum(1 for a in d.activities if a.done_at is None)
        self.tabs.setTabText(1, tr("Activities ({0})").format(open_count) if open_count
                             else tr("Activities"))
        self.tabs.setTabText(2, tr("Feedback ({0})").format(len(d.notes)) if d.notes
                             else tr("Feedback"))
        self.tabs.setTabText(3, tr("History"))

    def _stage(self) -> StageRow | None:
        stage_id = self.detail.stage_id if self.detail else self.stage_combo.currentData()
        return next((s for s in self.form.stages if s.id == stage_id), None)

    def _stage_defaults(self) -> None:
        """The probability and category the deal gets when they are left empty."""
        stage = self._stage()
        probability = stage.probability if stage else 0
        category = stage.category if stage else "pipeline"
        self.probability_edit.setPlaceholderText(str(probability))
        self.probability_hint.setText(tr("empty = stage default ({0} %)").format(probability))
        chosen = self.category_combo.currentData() if self.category_combo.count() else (
            self.detail.category if self.detail else None)
        self.category_combo.blockSignals(True)
        self.category_combo.clear()
        self.category_combo.addItem(tr("Stage default ({0})").format(
            fmt.category_word(category)), None)
        for value in fmt.OVERRIDE_CATEGORIES:
            self.category_combo.addItem(fmt.category_word(value.value), value.value)
        if chosen is not None and self.category_combo.findData(chosen) < 0:
            self.category_combo.addItem(fmt.category_word(chosen), chosen)
        self._select(self.category_combo, chosen)
        self.category_combo.blockSignals(False)

    @staticmethod
    def _select(combo: QComboBox, value: object) -> None:
        combo.setCurrentIndex(max(0, combo.findData(value)))

    @staticmethod
    def _label(d: DealDetail) -> str:
        return d.title or d.account or d.reference or tr("deal")

    # --- values and validation ---------------------------------------------------------
    def _account_id(self) -> str | None:
        text = self.account_combo.currentText().strip()
        if not text or text == self.account_combo.itemText(0):
            return None
        index = self.account_combo.findText(text, Qt.MatchFlag.MatchFixedString)
        if index < 0:
            raise ValidationError(f"'{text}' is not an account of this workspace",
                                  field="account")
        account_id: str = self.account_combo.itemData(index)
        return account_id

    def _probability(self) -> int | None:
        text = self.probability_edit.text().strip()
        return None if not text else check_probability(text, "probability")

    def _expected_close(self) -> date | None:
        if not self.close_check.isChecked():
            return None
        day: date = self.close_edit.date().toPython()
        loaded = self.detail.expected_close if self.detail else None
        created = self.detail.created_on if self.detail else date.today()
        if day != loaded and day < created:
            raise ValidationError(
                tr("{0} is before the deal was created ({1})").format(
                    fmt.date_text(day), fmt.date_text(created)), field="expected_close")
        return day

    def _probe(self) -> DealResult:
        """The deal as entered, checked top to bottom; raises ValidationError."""
        fields: dict[str, Any] = {
            "title": self.title_edit.text(), "account_id": self._account_id(),
            "contact_name": self.contact_edit.text(), "contact_email": self.email_edit.text(),
            "owner_id": self.owner_combo.currentData(),
            "probability": self._probability(), "category": self.category_combo.currentData(),
            "expected_close": self._expected_close(), "next_step": self.next_step_edit.text()}
        lines = tuple(self.lines.specs())
        amount = self.lines.amount()
        stage = self._stage()
        probe = Deal(pipeline_id="", stage_id="", created_on=date.today(),
                     stage_entered_at=datetime.now(UTC), amount=amount, **fields)
        if not probe.title and not probe.account_id:
            raise ValidationError("enter a title or choose an account", field="title")
        self._check_owner(probe.owner_id)
        clean = {k: getattr(probe, k) for k in FIELDS}
        clean["category"] = probe.category.value if probe.category else None
        if not lines:
            clean["amount"] = amount
        label = probe.title or self.account_combo.currentText().strip()
        return DealResult(clean, lines, None if self.detail else (stage.id if stage else None),
                          label, self.detail)

    def _check_owner(self, owner_id: str | None) -> None:
        """Someone who left owns no new deals; the deals they already own stay theirs
        until someone reassigns them (the service checks only what changes, too)."""
        if self.detail is not None and owner_id == self.detail.owner_id:
            return
        owner = next((o for o in self.form.owners if o.id == owner_id), None)
        if owner is not None and not owner.active:
            raise ValidationError(f"{owner.name} has left; choose another owner",
                                  field="owner")

    def problem(self) -> str:
        """The first refused field, in words ("" when everything is acceptable)."""
        try:
            self._probe()
        except ValidationError as exc:
            return exc.message if (exc.field or "").startswith("line ") else \
                fmt.problem_text(exc)
        return ""

    def validate(self) -> None:
        text = self.problem()
        self.message.setText(text)
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        if ok is not None:
            ok.setEnabled(not text)

    def accept(self) -> None:
        """OK keeps the dialog open while a field is refused."""
        self.validate()
        if not self.message.text():
            super().accept()

    def result_value(self) -> DealResult:
        return self._probe()
