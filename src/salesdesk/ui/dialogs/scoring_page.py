"""The Score tab of the Lead rules dialog: the score rules (label, condition, points) and
the ideal customer profile (sectors, countries or regions, company size, job-title
seniority, sources, and the points each match gives), with a "try it" line that scores a
made-up lead and explains every point."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from salesdesk.domain.errors import ValidationError
from salesdesk.domain.lead_scoring import POINTS, IdealProfile, ScoringModel
from salesdesk.domain.lead_segments import LeadField, Operator
from salesdesk.domain.leads import LeadData
from salesdesk.ui.dialogs.common import HINT_STYLE, error_label
from salesdesk.ui.dialogs.segment_rules_page import rules_table, show_problem
from salesdesk.ui.i18n import tr
from salesdesk.ui.lead_format import points_text, score_part_text
from salesdesk.ui.models import lead_rules_words as words
from salesdesk.ui.models.score_rules_model import KeywordPointsModel
from salesdesk.ui.models.segment_rules_model import (
    SCORE_COLUMNS,
    Column,
    ConditionTableModel,
    RuleRow,
    row_problem,
    score_rule,
)

MAX_EMPLOYEES = 10_000_000
KEYWORD_ROWS = 5
"""The seniority table's height in rows; the rest scrolls."""
LIST_FIELDS = ("sectors", "countries", "regions", "sources")


def _points_box() -> QSpinBox:
    return QSpinBox(minimum=POINTS.start, maximum=POINTS.stop - 1,
                    suffix=tr(" points"), alignment=Qt.AlignmentFlag.AlignRight)


def _size_box(any_text: str) -> QSpinBox:
    """0 shows as `any_text` and means no bound."""
    box = QSpinBox(minimum=0, maximum=MAX_EMPLOYEES, groupSeparatorShown=True,
                   alignment=Qt.AlignmentFlag.AlignRight)
    box.setSpecialValueText(any_text)
    return box


class ScoringPage(QWidget):
    sig_rules_edited = Signal()
    """A rule or the ideal profile changed."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.rules_model = ConditionTableModel(SCORE_COLUMNS, self)
        self.rules = rules_table(self.rules_model, SCORE_COLUMNS.index(Column.VALUE))
        self.add_rule = QPushButton(self.tr("Add rule"))
        self.remove_rule = QPushButton(self.tr("Remove rule"))
        self.lists = {name: QLineEdit(placeholderText=self.tr("e.g. {0}").format(example))
                      for name, example in zip(LIST_FIELDS, (
                          "software, finance", "France, Germany", "EMEA, West",
                          "referral, event"), strict=True)}
        self.points = {name: _points_box() for name in
                       ("sector_points", "location_points", "employees_points",
                        "source_points")}
        self.employees_min = _size_box(self.tr("no minimum"))
        self.employees_max = _size_box(self.tr("no maximum"))
        self.seniority_model = KeywordPointsModel(self)
        self.seniority = _keyword_table(self.seniority_model)
        self.add_keyword = QPushButton(self.tr("Add keyword"))
        self.remove_keyword = QPushButton(self.tr("Remove keyword"))
        self.try_title = QLineEdit(placeholderText=self.tr("job title"))
        self.try_sector = QLineEdit(placeholderText=self.tr("sector"))
        self.try_employees = _size_box(self.tr("employees"))
        self.try_employees.setAlignment(Qt.AlignmentFlag.AlignLeft)
        self.try_source = QLineEdit(placeholderText=self.tr("source"))
        self.try_result = QLabel(wordWrap=True, textInteractionFlags=(
            Qt.TextInteractionFlag.TextSelectableByMouse))
        self.message = error_label("scoreMessage")
        self._lay_out()
        self._connect()

    # --- layout --------------------------------------------------------------------------
    def _lay_out(self) -> None:
        rule_buttons = QHBoxLayout()
        rule_buttons.addWidget(self.add_rule)
        rule_buttons.addWidget(self.remove_rule)
        rule_buttons.addStretch(1)
        rules_box = QGroupBox(self.tr("Score rules: points when a lead's field passes the "
                                      "test (negative points take away)"))
        rules = QVBoxLayout(rules_box)
        rules.addWidget(self.rules, 1)
        rules.addLayout(rule_buttons)
        columns = QHBoxLayout()
        columns.addWidget(self._profile_box(), 3)
        columns.addWidget(self._seniority_box(), 2)
        layout = QVBoxLayout(self)
        layout.addWidget(rules_box, 1)
        layout.addLayout(columns)
        layout.addWidget(self._try_box())
        layout.addWidget(self.message)

    def _profile_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Ideal customer profile"))
        grid = QGridLayout(box)
        size = QHBoxLayout()
        size.addWidget(self.employees_min, 1)
        size.addWidget(QLabel(self.tr("to")))
        size.addWidget(self.employees_max, 1)
        rows = ((self.tr("Sectors:"), self.lists["sectors"], self.points["sector_points"]),
                (self.tr("Countries:"), self.lists["countries"],
                 self.points["location_points"]),
                (self.tr("or regions:"), self.lists["regions"], None),
                (self.tr("Employees:"), size, self.points["employees_points"]),
                (self.tr("Sources:"), self.lists["sources"], self.points["source_points"]))
        for r, (label, field, points) in enumerate(rows):
            grid.addWidget(QLabel(label), r, 0)
            if isinstance(field, QWidget):
                grid.addWidget(field, r, 1)
            else:
                grid.addLayout(field, r, 1)
            if points is not None:
                grid.addWidget(points, r, 2)
        grid.addWidget(_hint(self.tr("Lists are separated by commas. A region counts only "
                                     "when the lead's country is not listed; an empty list "
                                     "gives no points.")), len(rows), 0, 1, 3)
        grid.setColumnStretch(1, 1)
        return box

    def _seniority_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Job-title seniority (the highest keyword found counts)"))
        buttons = QHBoxLayout()
        buttons.addWidget(self.add_keyword)
        buttons.addWidget(self.remove_keyword)
        buttons.addStretch(1)
        layout = QVBoxLayout(box)
        layout.addWidget(self.seniority, 1)
        layout.addLayout(buttons)
        return box

    def _try_box(self) -> QGroupBox:
        box = QGroupBox(self.tr("Try it on a made-up lead"))
        inputs = QHBoxLayout()
        for widget in (self.try_title, self.try_sector, self.try_employees, self.try_source):
            inputs.addWidget(widget, 1)
        layout = QVBoxLayout(box)
        layout.addLayout(inputs)
        layout.addWidget(self.try_result)
        return box

    def _connect(self) -> None:
        self.add_rule.clicked.connect(self.add_rule_row)
        self.remove_rule.clicked.connect(
            lambda: self._remove(self.rules_model, self.rules.currentIndex().row()))
        self.add_keyword.clicked.connect(self.add_keyword_row)
        self.remove_keyword.clicked.connect(
            lambda: self._remove(self.seniority_model, self.seniority.currentIndex().row()))
        for model in (self.rules_model, self.seniority_model):
            model.dataChanged.connect(lambda *_: self._edited())
        for edit in (*self.lists.values(), self.try_title, self.try_sector, self.try_source):
            edit.textChanged.connect(lambda _t: self._edited())
        for box in (*self.points.values(), self.employees_min, self.employees_max,
                    self.try_employees):
            box.valueChanged.connect(lambda _v: self._edited())

    # --- contents ----------------------------------------------------------------------
    def set_scoring(self, model: ScoringModel) -> None:
        self.rules_model.set_rows([RuleRow.of(r.condition, r.label, r.points)
                                   for r in model.rules])
        profile = model.profile
        for name, edit in self.lists.items():
            edit.setText(", ".join(getattr(profile, name)))
        for name, box in self.points.items():
            box.setValue(getattr(profile, name))
        self.employees_min.setValue(profile.employees_min or 0)
        self.employees_max.setValue(profile.employees_max or 0)
        self.seniority_model.set_pairs(profile.seniority)
        self._edited()

    def profile(self) -> IdealProfile:
        lists = {name: tuple(words.split_list(edit.text())) for name, edit in
                 self.lists.items()}
        points = {name: box.value() for name, box in self.points.items()}
        settings: dict[str, Any] = {**lists, **points}
        return IdealProfile(**settings, seniority=self.seniority_model.pairs(),
                            employees_min=self.employees_min.value() or None,
                            employees_max=self.employees_max.value() or None)

    def scoring(self) -> ScoringModel:
        """The scoring model; raises ValidationError while problems remain."""
        return ScoringModel(tuple(score_rule(r) for r in self.rules_model.rows()),
                            self.profile())

    def problems(self) -> list[str]:
        found = [tr("Score rule {0}: {1}").format(i + 1, p[1])
                 for i, row in enumerate(self.rules_model.rows()) if (p := row_problem(row))]
        found += [tr("Seniority keyword {0}: {1}").format(i + 1, text) for i in
                  range(self.seniority_model.rowCount())
                  if (text := self.seniority_model.problem(i))]
        low, high = self.employees_min.value(), self.employees_max.value()
        if low and high and low > high:
            found.append(tr("Ideal profile, employees: the minimum {0:,} is above the "
                            "maximum {1:,}").format(low, high))
        if not found:
            try:
                self.scoring()
            except ValidationError as err:
                found.append(tr("Score: {0}").format(err.message))
        return found

    # --- actions -------------------------------------------------------------------------
    def add_rule_row(self) -> None:
        row = self.rules_model.add_row(RuleRow(LeadField.SOURCE, Operator.EQUALS, "", "", 10))
        self.rules.setCurrentIndex(self.rules_model.index(row, 0))
        self._edited()

    def add_keyword_row(self) -> None:
        row = self.seniority_model.add_row()
        self.seniority.setCurrentIndex(self.seniority_model.index(row, 0))
        self._edited()

    def _remove(self, model: ConditionTableModel | KeywordPointsModel, row: int) -> None:
        model.remove_row(row)
        self._edited()

    def _edited(self) -> None:
        problems = self.problems()
        show_problem(self.message, problems[0] if problems else "")
        self.remove_rule.setEnabled(self.rules_model.rowCount() > 0)
        self.remove_keyword.setEnabled(self.seniority_model.rowCount() > 0)
        self.try_result.setText(self._tried() if not problems else "")
        self.sig_rules_edited.emit()

    def _tried(self) -> str:
        """The made-up lead's score, explained; a hint while nothing is typed."""
        fields = {"job_title": self.try_title.text(), "sector": self.try_sector.text(),
                  "source": self.try_source.text()}
        employees = self.try_employees.value() or None
        if not any(fields.values()) and employees is None:
            return self.tr("Type a job title, a sector, a size or a source to see the "
                           "score it would get.")
        try:
            lead = LeadData(company="?", employees=employees, job_title=fields["job_title"],
                            sector=fields["sector"], source=fields["source"])
            score = self.scoring().score(lead)
        except ValidationError as err:
            return err.message
        parts = "; ".join(f"{points_text(p.points)} {score_part_text(p)}"
                          for p in score.parts) or self.tr("no points")
        return self.tr("Score {0}: {1}").format(score.total, parts)


def _keyword_table(model: KeywordPointsModel) -> QTableView:
    view = QTableView(alternatingRowColors=True, wordWrap=False,
                      selectionBehavior=QAbstractItemView.SelectionBehavior.SelectRows,
                      selectionMode=QAbstractItemView.SelectionMode.SingleSelection)
    view.setModel(model)
    view.setEditTriggers(QAbstractItemView.EditTrigger.AllEditTriggers)
    view.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
    view.verticalHeader().hide()
    row = view.fontMetrics().height() + 8
    view.verticalHeader().setDefaultSectionSize(row)
    view.setFixedHeight(row * (KEYWORD_ROWS + 1) + 2 * view.frameWidth())
    return view


def _hint(text: str) -> QLabel:
    label = QLabel(text, wordWrap=True)
    label.setStyleSheet(HINT_STYLE)
    return label
