"""Quota plan dialogs: a new plan, a team's top-down split, seasonality and ramp.

Each exposes `ask(...) -> choice | None` and checks what is typed as it is typed, with
OK disabled while something is wrong. None of them touches the workspace: a base year's
shape is read through the callback the view passes (on its worker).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QScrollArea,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from salesdesk.domain.allocation import split
from salesdesk.ui.dialogs.common import HINT_STYLE, error_label, ok_cancel
from salesdesk.ui.i18n import tr
from salesdesk.ui.models.board_model import money_text
from salesdesk.ui.models.quota_model import AmountError, Shape, month_label, parse_amount

HUNDRED = Decimal(100)


def _spin(low: float, high: float, value: float, decimals: int = 1,
          suffix: str = "") -> QDoubleSpinBox:
    spin = QDoubleSpinBox(decimals=decimals, minimum=low, maximum=high, suffix=suffix)
    spin.setValue(value)
    return spin


def _ok(buttons: QDialogButtonBox) -> QPushButton:
    button = buttons.button(QDialogButtonBox.StandardButton.Ok)
    assert button is not None
    return button


def _hint(text: str) -> QLabel:
    label = QLabel(text, wordWrap=True)
    label.setStyleSheet(HINT_STYLE)
    return label


# --- a new plan --------------------------------------------------------------------------
@dataclass(frozen=True)
class NewPlanChoice:
    year: int
    propose: bool
    base_year: int
    growth: Decimal
    """As a fraction: 0.10 = 10 %."""
    note: str


class NewPlanDialog(QDialog):
    def __init__(self, parent: QWidget | None, years: Sequence[int], default_year: int):
        super().__init__(parent)
        self.setWindowTitle(tr("New quota plan"))
        self.years = set(years)
        self.year = QSpinBox(minimum=2000, maximum=2100, value=default_year)
        self.propose = QRadioButton(tr("Propose targets from a year's run rate"),
                                    checked=True)
        self.empty = QRadioButton(tr("Start with an empty plan"))
        self.base_year = QSpinBox(minimum=2000, maximum=2100, value=default_year - 1)
        self.growth = _spin(-50, 300, 10, 1, " %")
        self.note = QLineEdit(placeholderText=tr("e.g. First proposal for the board"))
        self.message = error_label("validationMessage", reserve_lines=2)
        self.buttons = ok_cancel(self, tr("Create draft"))
        self._lay_out()
        for signal in (self.year.valueChanged, self.propose.toggled):
            signal.connect(self.validate)
        self.validate()

    def _lay_out(self) -> None:
        form = QFormLayout()
        form.addRow(tr("Fiscal year"), self.year)
        proposal = QFormLayout()
        proposal.setContentsMargins(24, 0, 0, 0)
        proposal.addRow(tr("Base year"), self.base_year)
        proposal.addRow(tr("Growth"), self.growth)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.propose)
        layout.addLayout(proposal)
        layout.addWidget(_hint(tr("Each rep's won revenue in the base year, grown by this "
                                  "much, spread by the base year's seasonality; new hires "
                                  "ramp at 25/50/75 % over their first quarters.")))
        layout.addWidget(self.empty)
        layout.addSpacing(6)
        form_note = QFormLayout()
        form_note.addRow(tr("Note"), self.note)
        layout.addLayout(form_note)
        layout.addWidget(_hint(tr("The new plan is a draft: edit it, then publish it.")))
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(460)

    @classmethod
    def ask(cls, parent: QWidget | None, *, years: Sequence[int], default_year: int
            ) -> NewPlanChoice | None:
        dialog = cls(parent, years, default_year)
        return dialog.choice() if dialog.exec() == QDialog.DialogCode.Accepted else None

    def choice(self) -> NewPlanChoice:
        growth = (Decimal(str(self.growth.value())) / HUNDRED).quantize(Decimal("0.0001"))
        return NewPlanChoice(self.year.value(), self.propose.isChecked(),
                             self.base_year.value(), growth, self.note.text().strip())

    def validate(self) -> None:
        for widget in (self.base_year, self.growth):
            widget.setEnabled(self.propose.isChecked())
        problem = ""
        if self.year.value() in self.years:
            problem = tr("The {0} plan exists already: make a new draft version of it "
                         "instead.").format(self.year.value())
        self.message.setText(problem)
        _ok(self.buttons).setEnabled(not problem)


# --- a team's top-down split ---------------------------------------------------------------
@dataclass(frozen=True)
class TopDownChoice:
    annual: Decimal
    weights: dict[str, Decimal]


class TopDownDialog(QDialog):
    """The team's annual target and each active rep's weight (equal by default), with
    the annual share each rep would carry before seasonality and ramp."""

    def __init__(self, parent: QWidget | None, team_name: str, reps: Sequence[tuple[str, str]],
                 annual: Decimal, currency: str, shape: Shape):
        super().__init__(parent)
        self.setWindowTitle(tr("Split {0}'s target top-down").format(team_name))
        self.currency = currency
        self.annual = QLineEdit(f"{annual:.2f}")
        self.weights: dict[str, QDoubleSpinBox] = {}
        self.shares: dict[str, QLabel] = {}
        grid = QGridLayout()
        grid.addWidget(QLabel(tr("<b>Rep</b>")), 0, 0)
        grid.addWidget(QLabel(tr("<b>Weight</b>")), 0, 1)
        grid.addWidget(QLabel(tr("<b>Annual share</b>")), 0, 2)
        for i, (rep_id, name) in enumerate(reps, start=1):
            self.weights[rep_id] = _spin(0, 1000, 1, 2)
            self.shares[rep_id] = QLabel()
            grid.addWidget(QLabel(name), i, 0)
            grid.addWidget(self.weights[rep_id], i, 1)
            grid.addWidget(self.shares[rep_id], i, 2)
            self.weights[rep_id].valueChanged.connect(self.validate)
        self.message = error_label("validationMessage", reserve_lines=2)
        self.buttons = ok_cancel(self, tr("Split"))
        self._lay_out(grid, shape)
        self.annual.textChanged.connect(self.validate)
        self.validate()

    def _lay_out(self, grid: QGridLayout, shape: Shape) -> None:
        form = QFormLayout()
        form.addRow(tr("Team's annual target ({0})").format(self.currency), self.annual)
        host = QWidget()
        host.setLayout(grid)
        scroll = QScrollArea(widgetResizable=True)
        scroll.setWidget(host)
        scroll.setMinimumHeight(min(60 + 32 * len(self.weights), 360))
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(scroll, 1)
        layout.addWidget(_hint(tr("The target is spread over the months by the plan's "
                                  "seasonality. {0} What ramping costs shows as the team's "
                                  "gap rather than landing on colleagues. The reps' months "
                                  "are overwritten.").format(ramp_sentence(shape))))
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(520)

    @classmethod
    def ask(cls, parent: QWidget | None, *, team_name: str, reps: Sequence[tuple[str, str]],
            annual: Decimal, currency: str, shape: Shape) -> TopDownChoice | None:
        dialog = cls(parent, team_name, reps, annual, currency, shape)
        return dialog.choice() if dialog.exec() == QDialog.DialogCode.Accepted else None

    def choice(self) -> TopDownChoice:
        return TopDownChoice(parse_amount(self.annual.text(), self.currency),
                             {k: Decimal(str(s.value())) for k, s in self.weights.items()})

    def validate(self) -> None:
        problem = ""
        try:
            annual = parse_amount(self.annual.text(), self.currency)
        except AmountError as exc:
            annual, problem = Decimal(0), tr("Annual target: {0}").format(exc)
        total = sum((Decimal(str(s.value())) for s in self.weights.values()), Decimal(0))
        if not problem and total <= 0:
            problem = tr("Give at least one rep a weight above zero.")
        for rep_id, spin in self.weights.items():
            share = annual * Decimal(str(spin.value())) / total if total > 0 else Decimal(0)
            self.shares[rep_id].setText(money_text(share, self.currency))
        self.message.setText(problem)
        _ok(self.buttons).setEnabled(not problem)


def ramp_sentence(shape: Shape) -> str:
    if shape.ramp is None:
        return tr("New hires keep the share of their own ramp months.")
    steps = "/".join(percent_text(s * HUNDRED) for s in shape.ramp)
    return tr("New hires carry {0} % of a full quota in blocks of {1} months from their "
              "hire month, then 100 %.").format(steps, shape.ramp_block_months)


def percent_text(value: Decimal) -> str:
    text = f"{value.quantize(Decimal('0.1'), rounding=ROUND_HALF_UP):f}"
    return text[:-2] if text.endswith(".0") else text


# --- seasonality and ramp ------------------------------------------------------------------
@dataclass(frozen=True)
class ShapeChoice:
    seasonality: tuple[Decimal, ...]
    """Twelve weights (percent of the year; only their proportions matter)."""
    ramp: tuple[Decimal, ...]
    """Shares of a full quota per block (fractions); empty: each rep's own ramp."""
    block_months: int


HistoryReader = Callable[[int, Callable[[tuple[Decimal, ...] | str], None]], None]
"""Read a base year's won shape (on the worker), then call back with 12 weights, or with
the sentence saying why it could not be read."""


class ShapeDialog(QDialog):
    def __init__(self, parent: QWidget | None, months: Sequence[date], shape: Shape,
                 fiscal_start: int, read_history: HistoryReader | None, base_year: int):
        super().__init__(parent)
        self.setWindowTitle(tr("Seasonality and ramp"))
        self.stored = shape
        self.read_history = read_history
        self.spins = [_spin(0, 100, 0, 1, " %") for _ in months]
        self.total = QLabel()
        self.even_button = QPushButton(tr("Even"))
        self.stored_button = QPushButton(tr("As stored"))
        self.history_button = QPushButton(tr("From won revenue of"))
        self.history_year = QSpinBox(minimum=2000, maximum=2100, value=base_year)
        self.plan_ramp = QRadioButton(tr("Plan-wide ramp for new hires"))
        self.own_ramp = QRadioButton(tr("Each rep's own ramp (the ramp months on their "
                                        "profile)"))
        self.steps = QLineEdit(placeholderText=tr("e.g. 25, 50, 75"))
        self.block = QSpinBox(minimum=1, maximum=12, value=shape.ramp_block_months,
                              suffix=tr(" months"))
        self.message = error_label("validationMessage", reserve_lines=2)
        self.buttons = ok_cancel(self, tr("Save"))
        group = QButtonGroup(self)
        group.addButton(self.plan_ramp)
        group.addButton(self.own_ramp)
        self._lay_out(months, fiscal_start)
        self._connect()
        self.show_shape(shape)

    def _lay_out(self, months: Sequence[date], fiscal_start: int) -> None:
        season = QGroupBox(tr("Seasonality: each month's share of the year"))
        grid = QGridLayout(season)
        for i, (start, spin) in enumerate(zip(months, self.spins, strict=True)):
            quarter, place = divmod(i, 3)
            if place == 0:
                grid.addWidget(QLabel(tr("<b>Q{0}</b>").format(quarter + 1)), 0, quarter * 2)
            grid.addWidget(QLabel(month_label(start, fiscal_start)), place + 1, quarter * 2)
            grid.addWidget(spin, place + 1, quarter * 2 + 1)
        tools = QHBoxLayout()
        for widget in (self.even_button, self.stored_button, self.history_button,
                       self.history_year):
            tools.addWidget(widget)
        tools.addStretch(1)
        tools.addWidget(self.total)
        grid.addLayout(tools, 4, 0, 1, 8)
        ramp = QGroupBox(tr("Ramp for new hires"))
        box = QVBoxLayout(ramp)
        row = QHBoxLayout()
        row.addWidget(self.plan_ramp)
        row.addWidget(self.steps, 1)
        row.addWidget(QLabel(tr("% per block of")))
        row.addWidget(self.block)
        box.addLayout(row)
        box.addWidget(self.own_ramp)
        layout = QVBoxLayout(self)
        layout.addWidget(season)
        layout.addWidget(ramp)
        layout.addWidget(_hint(tr("Used by the next top-down split of a team; targets already "
                                  "set stay as they are.")))
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(640)

    def _connect(self) -> None:
        for spin in self.spins:
            spin.valueChanged.connect(self.validate)
        self.steps.textChanged.connect(self.validate)
        self.plan_ramp.toggled.connect(self.validate)
        self.even_button.clicked.connect(lambda: self.show_weights((Decimal(1),) * 12))
        self.stored_button.clicked.connect(lambda: self.show_shape(self.stored))
        self.history_button.clicked.connect(self._ask_history)
        self.history_button.setEnabled(self.read_history is not None)

    @classmethod
    def ask(cls, parent: QWidget | None, *, months: Sequence[date], shape: Shape,
            fiscal_start: int = 1, read_history: HistoryReader | None = None,
            base_year: int = 2000) -> ShapeChoice | None:
        dialog = cls(parent, months, shape, fiscal_start, read_history, base_year)
        return dialog.choice() if dialog.exec() == QDialog.DialogCode.Accepted else None

    def show_shape(self, shape: Shape) -> None:
        self.show_weights(shape.seasonality)
        if shape.ramp is None:
            self.own_ramp.setChecked(True)
            self.steps.setText("25, 50, 75")
        else:
            self.plan_ramp.setChecked(True)
            self.steps.setText(", ".join(percent_text(s * HUNDRED) for s in shape.ramp))
            self.block.setValue(shape.ramp_block_months)
        self.validate()

    def show_weights(self, weights: Sequence[Decimal]) -> None:
        """As percentages to 0.1 that add up to exactly 100 (largest remainders)."""
        shares = split(HUNDRED, list(weights), Decimal("0.1"))
        for spin, share in zip(self.spins, shares, strict=True):
            spin.setValue(float(share))

    def _ask_history(self) -> None:
        if self.read_history is None:
            return
        self.history_button.setEnabled(False)
        self.message.setText(tr("Reading the won revenue of {0}…").format(
            self.history_year.value()))

        def arrived(weights: tuple[Decimal, ...] | str) -> None:
            self.history_button.setEnabled(True)
            if isinstance(weights, str):
                self.message.setText(tr("The won revenue could not be read: {0}").format(
                    weights))
                return
            self.show_weights(weights)
            self.validate()

        self.read_history(self.history_year.value(), arrived)

    def ramp_steps(self) -> tuple[Decimal, ...]:
        """The typed ramp as fractions; raises ValueError naming the bad step."""
        if not self.plan_ramp.isChecked():
            return ()
        steps = []
        for part in self.steps.text().replace(";", ",").split(","):
            text = part.strip().rstrip("%").strip()
            if not text:
                continue
            try:
                value = Decimal(text)
            except InvalidOperation:
                raise ValueError(tr("Ramp: “{0}” is not a percentage").format(part.strip())
                                 ) from None
            if not 0 <= value <= 100:
                raise ValueError(tr("Ramp: {0} % is not between 0 and 100").format(text))
            steps.append(value / HUNDRED)
        if not steps:
            raise ValueError(tr("Ramp: type the share of each block, e.g. 25, 50, 75"))
        return tuple(steps)

    def choice(self) -> ShapeChoice:
        weights = tuple(Decimal(str(s.value())) for s in self.spins)
        return ShapeChoice(weights, self.ramp_steps(), self.block.value())

    def validate(self) -> None:
        self.steps.setEnabled(self.plan_ramp.isChecked())
        self.block.setEnabled(self.plan_ramp.isChecked())
        total = sum((Decimal(str(s.value())) for s in self.spins), Decimal(0))
        self.total.setText(tr("Total {0} %").format(percent_text(total)) if total == HUNDRED
                           else tr("Total {0} % (scaled to 100 % when saved)").format(
                               percent_text(total)))
        problem = "" if total > 0 else tr("Give at least one month a share above zero.")
        try:
            self.ramp_steps()
        except ValueError as exc:
            problem = problem or str(exc)
        self.message.setText(problem)
        _ok(self.buttons).setEnabled(not problem)
