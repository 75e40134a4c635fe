"""Moving a deal to another stage from the Pipeline tab: what to ask, and the undoable,
version-checked edit.

Winning asks the amount signed, losing the reason (from the managed list), and taking a
won or lost deal back to an open stage asks for confirmation first. The move runs through
ctx.edit: refused with a ConflictError if the deal changed elsewhere since the board was
read (Ops shows it), else pushed on the undo stack, where undo takes back the latest move
(services.pipeline.undo_move, which also removes it from the stage history) and redo makes
it again.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime
from decimal import Decimal
from typing import Any

from PySide6.QtWidgets import QWidget

from salesdesk.domain.errors import ConflictError, DomainError
from salesdesk.services import pipeline as svc
from salesdesk.storage.rows import DealCard, StageRow
from salesdesk.ui.context import UiContext
from salesdesk.ui.dialogs.move_dialogs import LoseDialog, ReopenQuestion, WinDialog
from salesdesk.ui.i18n import tr
from salesdesk.ui.undo import Step


class MoveRefused(DomainError):
    """The deal changed elsewhere since the board was read; nothing was written."""


def _worded(label: str, step: Step) -> Step:
    """`step`, with a version conflict told in words about this deal (not its id)."""
    message = tr("“{0}” was changed elsewhere (by a colleague, an import or another "
                 "window) since the board was read, so this move was not made and nothing "
                 "was overwritten. The board now shows the deal as it is.").format(label)

    def run(version: int | None) -> Any:
        try:
            return step(version)
        except ConflictError as exc:  # ConcurrentEditError included
            raise MoveRefused(message) from exc

    return run


@dataclass(frozen=True)
class MoveAnswers:
    """What the user said the move needs."""

    won_amount: Decimal | None = None
    lost_reason_id: str | None = None
    reopen: bool = False


def ask(widget: QWidget, card: DealCard, current: StageRow, target: StageRow,
        currency: str, reasons: tuple[tuple[str, str], ...]) -> MoveAnswers | None:
    """Ask what moving `card` from `current` to `target` needs; None if the user
    declined or cancelled."""
    label = card.label or tr("this deal")
    reopen = not current.is_open and target.is_open
    if reopen and not ReopenQuestion.ask(widget, label, current.outcome, target.name):
        return None
    if target.outcome == "won":
        amount = WinDialog.ask(widget, label, card.amount, currency)
        return None if amount is None else MoveAnswers(won_amount=amount, reopen=reopen)
    if target.outcome == "lost":
        reason = LoseDialog.ask(widget, label, reasons)
        return None if reason is None else MoveAnswers(lost_reason_id=reason, reopen=reopen)
    return MoveAnswers(reopen=reopen)


def move(ctx: UiContext, widget: QWidget, card: DealCard, target: StageRow,
         answers: MoveAnswers) -> None:
    """Move the deal as an undoable edit, expecting the version `card` was read at."""
    uow, book, deal_id = ctx.uow, ctx.versions, card.id
    latest: list[svc.DealMoved] = []  # the last move made: what an undo takes back

    def step(version: int | None) -> svc.DealMoved:
        moved = svc.move_deal(uow, deal_id, version, target.id,
                              won_amount=answers.won_amount,
                              lost_reason_id=answers.lost_reason_id, reopen=answers.reopen)
        latest[:] = [moved]
        return moved

    label = card.label or tr("deal")
    redo = _worded(label, step)
    undo = _worded(label, lambda v: svc.undo_move(uow, latest[0], v))
    ctx.edit(move_text(card, target, answers.reopen),
             lambda: book.call(deal_id, card.version, redo),
             make_undo=lambda _moved: undo, make_redo=lambda _moved: redo,
             parent_widget=widget)


def moved_card(card: DealCard, target: StageRow, answers: MoveAnswers) -> DealCard:
    """The card as it will be once the move is saved (shown until the board is read)."""
    now = datetime.now(UTC)
    amount = answers.won_amount if answers.won_amount is not None else card.amount
    return card._replace(stage_id=target.id, entered_at=now, amount=amount,
                   closed_on=None if target.is_open else now.date(), lost_reason=None)


def move_text(card: DealCard, target: StageRow, reopen: bool) -> str:
    """The undo stack's words for a move."""
    label = card.label or tr("deal")
    if target.outcome == "won":
        return tr("Win {0}").format(label)
    if target.outcome == "lost":
        return tr("Lose {0}").format(label)
    if reopen:
        return tr("Reopen {0} in {1}").format(label, target.name)
    return tr("Move {0} to {1}").format(label, target.name)
