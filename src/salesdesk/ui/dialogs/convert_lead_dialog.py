"""Convert to deal: the lead becomes a deal in the default pipeline, at its company's
account, with its owner. The amount is typed as money (Decimal, never a float); the
conversion is one undoable edit (undo removes the deal, and the account if it was made
for it; redo converts again)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Any

from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from salesdesk.domain.errors import ValidationError
from salesdesk.domain.validation import clean_decimal
from salesdesk.storage.lead_detail import LeadDetail
from salesdesk.ui.deal_format import MAX_AMOUNT, money_text
from salesdesk.ui.dialogs.common import HINT_STYLE, error_label, ok_cancel
from salesdesk.ui.i18n import tr

CURRENCY_MARKS = ("€", "$", "£", "¥", "\u00a0", "\u202f")
TITLE_MAX = 200


@dataclass(frozen=True)
class ConvertSetup:
    """What the dialog offers: the default pipeline's open stages and the currency."""

    stages: tuple[tuple[str, str], ...]
    """(stage id, name), in pipeline order."""
    currency: str


def read_setup(uow_factory: Any, engine: Any) -> ConvertSetup:
    """Worker side: the default pipeline (made if the workspace has none yet), its open
    stages, the workspace currency."""
    from salesdesk.services import workspace_settings
    from salesdesk.services.pipeline_setup import ensure_pipeline
    from salesdesk.storage import pipeline_queries as pq

    ensure_pipeline(uow_factory)
    with uow_factory() as uow:
        currency = workspace_settings.currency_of(uow)
    with engine.connect() as conn:
        pipeline = pq.default_pipeline_id(conn)
        stages = tuple((s.id, s.name) for s in pq.stages(conn, pipeline) if s.is_open)
    return ConvertSetup(stages, currency)


def default_title(detail: LeadDetail) -> str:
    """'<company> — <product interest>', as the service would name it."""
    return " — ".join(p for p in (detail.company or detail.person_name,
                                  detail.product_interest) if p)


class ConvertLeadDialog(QDialog):
    """Asks for the deal and converts the lead while it stays open: a refusal from the
    service shows in its red line, and it closes only once the deal exists."""

    def __init__(self, parent: QWidget | None, ctx: Any, detail: LeadDetail):
        super().__init__(parent, windowTitle=tr("Convert {0} to a deal").format(
            detail.person_name or detail.company))
        self.ctx, self.detail, self.currency = ctx, detail, ""
        self.converted: Any = None
        """The LeadConverted once saved."""
        self.title = QLineEdit(default_title(detail), maxLength=TITLE_MAX)
        self.error = error_label("convertError", reserve_lines=2)
        self.amount = QLineEdit(placeholderText=tr("e.g. 12,500.00"))
        self.amount.textEdited.connect(lambda _t: self.error.clear())
        self.stage = QComboBox()
        self.close_on = QDateEdit(QDate.currentDate().addMonths(2), calendarPopup=True,
                                  displayFormat="d MMM yyyy")
        self.close_on.setMinimumDate(QDate.currentDate())
        self.buttons = ok_cancel(self, tr("Convert"))
        self._lay_out()
        self._set_busy(True)
        uow, engine = ctx.uow, ctx.workspace.engine
        ctx.ops.run(lambda _job: read_setup(uow, engine), on_done=self.set_setup,
                    parent_widget=self)

    def _hint_text(self) -> str:
        d = self.detail
        owner = d.owner or tr("Nobody")
        contact = d.person_name or d.email or tr("nobody")
        if d.company:
            text = tr("{0} will own the deal, at the account {1} (made if the workspace has "
                      "none of that name), with {2} as contact.").format(owner, d.company,
                                                                         contact)
        else:
            text = tr("{0} will own the deal, with {1} as contact; the lead names no "
                      "company, so the deal has no account.").format(owner, contact)
        return text + " " + tr("The lead becomes converted; undo removes the deal again.")

    def _lay_out(self) -> None:
        self.form = QFormLayout()
        self.form.addRow(tr("Deal"), self.title)
        self.form.addRow(tr("Amount"), self.amount)
        self.form.addRow(tr("Stage"), self.stage)
        self.form.addRow(tr("Expected close"), self.close_on)
        hint = QLabel(self._hint_text(), wordWrap=True)
        hint.setStyleSheet(HINT_STYLE)
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addWidget(hint)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self.resize(500, self.sizeHint().height())

    def set_setup(self, setup: ConvertSetup) -> None:
        """The stages and currency arrived from the worker."""
        self.currency = setup.currency
        label = self.form.labelForField(self.amount)
        if isinstance(label, QLabel):
            label.setText(tr("Amount ({0})").format(setup.currency))
        self.stage.clear()
        for stage_id, name in setup.stages:
            self.stage.addItem(name, stage_id)
        self._set_busy(False)

    def _set_busy(self, busy: bool) -> None:
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        if ok is not None:
            ok.setEnabled(not busy)

    def money(self) -> Decimal:
        """The typed amount, exact; raises ValueError with the message to show."""
        typed = self.amount.text().strip()
        cleaned = typed.replace(self.currency, "") if self.currency else typed
        for mark in CURRENCY_MARKS:
            cleaned = cleaned.replace(mark, "")
        try:
            value = clean_decimal(cleaned.strip(), "amount")
        except ValidationError:
            raise ValueError(tr("Amount: “{0}” is not an amount; type a number such as "
                                "12500 or 12,500.50 (at most two decimals).").format(typed)
                             ) from None
        if value is None or value <= 0:
            raise ValueError(tr("Amount: give the deal an amount above zero."))
        if value >= MAX_AMOUNT:
            raise ValueError(tr("Amount: {0} is far beyond any deal.").format(
                money_text(value, self.currency)))
        return value

    def problem(self) -> tuple[QWidget, str] | None:
        """The field that stops the conversion and why; None when nothing does."""
        if not self.title.text().strip():
            return self.title, tr("Deal: give the deal a title.")
        if self.stage.currentData() is None:
            return self.stage, tr("Stage: the pipeline has no open stage for the deal.")
        try:
            self.money()
        except ValueError as exc:
            return self.amount, str(exc)
        return None

    def accept(self) -> None:
        problem = self.problem()
        if problem is not None:
            field, message = problem
            self.error.setText(message)
            field.setFocus()
            return
        self.error.clear()
        self._set_busy(True)
        convert(self.ctx, self.detail.id, self.fields(), self.parentWidget(),
                on_done=self._converted, on_error=self._refused)

    def _converted(self, result: Any) -> None:
        self.converted = result
        super().accept()

    def _refused(self, exc: BaseException) -> None:
        from salesdesk.ui.ops import user_message

        self.error.setText(user_message(exc))
        self._set_busy(False)

    def fields(self) -> dict[str, Any]:
        """The keyword arguments of services.lead_actions.convert_to_deal."""
        close: date = self.close_on.date().toPython()
        return {"amount": self.money(), "title": self.title.text().strip(),
                "stage_id": self.stage.currentData(), "expected_close": close}

    @classmethod
    def ask(cls, parent: QWidget | None, ctx: Any, detail: LeadDetail) -> Any:
        """The LeadConverted once the deal is saved (undoable through ctx.edit); None
        when the user cancels."""
        dialog = cls(parent, ctx, detail)
        return dialog.converted if dialog.exec() == QDialog.DialogCode.Accepted else None


def convert(ctx: Any, lead_id: str, fields: dict[str, Any], parent: QWidget | None,
            on_done: Callable[[Any], None] | None = None,
            on_error: Callable[[BaseException], None] | None = None) -> None:
    """Convert through ctx.edit. A redo converts again (a new deal), so the undo after it
    must remove that one: both steps share the latest LeadConverted."""
    from salesdesk.services import lead_actions as la

    uow = ctx.uow
    latest: dict[str, Any] = {}

    def run(_version: int | None = None) -> Any:  # on the worker, one step at a time
        latest["done"] = la.convert_to_deal(uow, lead_id, **fields)
        return latest["done"]

    ctx.edit(tr("Convert to deal"), run,
             lambda _done: lambda _v: la.undo_conversion(uow, latest["done"]),
             lambda _done: run, parent, on_done, on_error=on_error)
