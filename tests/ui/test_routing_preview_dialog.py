"""The routing preview on the sample company plus a few fresh leads: proposals with their
reasons, the reps' share, apply as one undoable step, cancel and failures writing
nothing, and the empty plan."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QMessageBox

from salesdesk.domain.errors import DomainError
from salesdesk.domain.routing import Reason, ReasonKind
from salesdesk.services import lead_routing
from salesdesk.services.import_leads import import_leads
from salesdesk.storage.files import read_table
from salesdesk.ui.dialogs.routing_preview_dialog import RoutingPreviewDialog
from salesdesk.ui.models.routing_model import ProposalLine, reason_text, reasons_text

TIMEOUT = 30_000
FRESH = ("Greta Lindqvist", "Rui Santos", "Aiko Mori")
LEADS = """Name,E-mail,Company,Country,Industry,Product,Created
Greta Lindqvist,greta@nordbank.example,Nordbank,Germany,finance,GTX Basic,2025-03-02
Rui Santos,rui@santos.example,Santos Lda,Brazil,retail,MG Special,2025-03-03
Aiko Mori,aiko@mori.example,Mori Works,Japan,software,GTX Plus Pro,2025-03-04
"""


@pytest.fixture
def ctx(main_window: Any, tmp_path: Path) -> Any:
    main_window.settle()
    path = tmp_path / "fresh.csv"
    path.write_text(LEADS, encoding="utf-8")
    import_leads(main_window.ctx.uow, read_table(path))
    return main_window.ctx


def owners(ctx: Any, names: tuple[str, ...] = FRESH) -> dict[str, str | None]:
    """Owner's name (or None) of the leads called `names`."""
    with ctx.uow() as uow:
        members = {m.id: m.name for m in uow.members.list()}
        return {x.person_name: members.get(x.owner_id or "") for x in uow.leads.list()
                if x.person_name in names}


def unowned_open(ctx: Any) -> int:
    with ctx.uow() as uow:
        return len(uow.leads.routable())


@pytest.fixture
def opened(qtbot: Any, ctx: Any) -> RoutingPreviewDialog:
    dialog = RoutingPreviewDialog(None, ctx)
    qtbot.addWidget(dialog)
    with qtbot.waitSignal(dialog.sig_preview_loaded, timeout=TIMEOUT):
        dialog.start()
    return dialog


def drive(monkeypatch: pytest.MonkeyPatch, act: Callable[[RoutingPreviewDialog], None]
          ) -> None:
    def exec_(dialog: RoutingPreviewDialog) -> int:
        act(dialog)
        return int(dialog.result())

    monkeypatch.setattr(RoutingPreviewDialog, "exec", exec_)


def proposal(dialog: RoutingPreviewDialog, name: str) -> tuple[int, ProposalLine]:
    model = dialog.model_of(dialog.proposals)
    return next((row, line) for row, line in enumerate(model.rows()) if line.lead == name)


# --- preview -----------------------------------------------------------------------------
def test_the_preview_says_why_and_writes_nothing(ctx: Any, opened: RoutingPreviewDialog,
                                                 qtmodeltester: Any) -> None:
    dialog = opened
    for view in (dialog.proposals, dialog.unassigned, dialog.reps):
        qtmodeltester.check(view.model())
    preview = dialog.preview
    assert preview is not None and preview.proposals
    row, greta = proposal(dialog, "Greta Lindqvist")
    words = dialog.proposals.model().index(row, 3).data()
    assert words == reasons_text(greta.reasons) == "; ".join(map(str, greta.reasons))
    assert words.startswith("territory EMEA; ") and "skill GTX Basic " in words
    assert re.search(r"\b\d+ of \d+ open$", words)
    assert dialog.proposals.model().index(row, 1).data() == "Nordbank"
    assert dialog.proposals.model().index(row, 2).data() == greta.rep
    total = len(preview.proposals) + len(preview.unassigned)
    assert total == unowned_open(ctx)
    assert dialog.heading.text().startswith(f"{total:,} open leads without an owner: "
                                            f"{len(preview.proposals):,} proposed to "
                                            f"{len(preview.reps):,} reps")
    assert dialog.tabs.tabText(0) == f"Proposals ({len(preview.proposals):,})"
    assert sum(r.new for r in preview.reps) == len(preview.proposals)
    mine = next(r for r in preview.reps if r.member_id == greta.member_id)
    assert 0 < mine.open_after <= mine.capacity
    busiest = max(preview.reps, key=lambda r: r.new)
    assert dialog.reps_line.text().startswith(
        f"{busiest.rep}: {busiest.new} lead{'s' if busiest.new > 1 else ''}, "
        f"{busiest.open_after}/{busiest.capacity}")
    assert dialog.apply_button.isEnabled()
    assert owners(ctx) == dict.fromkeys(FRESH)
    assert ctx.undo_stack.count() == 0


def test_cancel_writes_nothing(qtbot: Any, ctx: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    def act(dialog: RoutingPreviewDialog) -> None:
        qtbot.waitUntil(lambda: dialog.preview is not None, timeout=TIMEOUT)
        dialog.cancel_button.click()

    drive(monkeypatch, act)
    before = unowned_open(ctx)
    assert RoutingPreviewDialog.ask(None, ctx) is None
    ctx.ops.wait_for_done()
    assert unowned_open(ctx) == before and ctx.undo_stack.count() == 0


def test_closing_before_the_preview_arrived_leaves_the_worker_idle(
        qtbot: Any, ctx: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(RoutingPreviewDialog, "exec", lambda dialog: 0)
    assert RoutingPreviewDialog.ask(None, ctx) is None
    qtbot.waitUntil(lambda: not ctx.ops.busy, timeout=TIMEOUT)


# --- apply, undo, redo ------------------------------------------------------------------
def test_apply_then_undo_restores_the_owners_and_redo_routes_again(
        qtbot: Any, ctx: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    proposed: dict[str, str] = {}

    def act(dialog: RoutingPreviewDialog) -> None:
        qtbot.waitUntil(lambda: dialog.preview is not None, timeout=TIMEOUT)
        proposed.update({name: proposal(dialog, name)[1].rep for name in FRESH})
        with qtbot.waitSignal(ctx.ops.changes_did_happen, timeout=TIMEOUT) as blocker:
            dialog.apply_button.click()
        assert blocker.args[0].leads
        qtbot.waitUntil(lambda: dialog.applied is not None, timeout=TIMEOUT)

    drive(monkeypatch, act)
    result = RoutingPreviewDialog.ask(None, ctx)
    assert result is not None and len(result.applied) == len(result.plan.assignments)
    assert owners(ctx) == proposed  # nothing changed between the preview and the apply
    assert unowned_open(ctx) == len(result.plan.unassigned)
    assert ctx.undo_stack.undoText() == f"Route {len(result.plan.assignments):,} leads"

    with qtbot.waitSignal(ctx.ops.changes_did_happen, timeout=TIMEOUT):
        ctx.undo_stack.undo()
    assert owners(ctx) == dict.fromkeys(FRESH)
    assert unowned_open(ctx) == len(result.plan.assignments) + len(result.plan.unassigned)

    with qtbot.waitSignal(ctx.ops.changes_did_happen, timeout=TIMEOUT):
        ctx.undo_stack.redo()
    assert owners(ctx) == proposed  # the rotation was put back too: the same plan again


def test_a_failed_apply_says_so_and_leaves_the_dialog_usable(
        qtbot: Any, ctx: Any, opened: RoutingPreviewDialog,
        monkeypatch: pytest.MonkeyPatch) -> None:
    shown: list[str] = []

    def warning(_parent: Any, _title: str, text: str, *_args: Any) -> Any:
        shown.append(text)
        return QMessageBox.StandardButton.Ok

    monkeypatch.setattr(QMessageBox, "warning", warning)

    def refuse(*_args: Any, **_kwargs: Any) -> Any:
        raise DomainError("The workspace is read-only.")

    monkeypatch.setattr(lead_routing, "apply_routing", refuse)
    dialog = opened
    dialog.apply_button.click()
    assert not dialog.apply_button.isEnabled()
    qtbot.waitUntil(lambda: dialog.apply_button.isEnabled(), timeout=TIMEOUT)
    assert shown == ["The workspace is read-only."]
    assert "not applied" in dialog.hint.text()
    assert dialog.applied is None and ctx.undo_stack.count() == 0
    assert owners(ctx) == dict.fromkeys(FRESH)


# --- nothing to route --------------------------------------------------------------------
@pytest.fixture
def empty_ctx(tmp_path: Path) -> Iterator[Any]:
    from salesdesk.storage.workspace import open_workspace
    from salesdesk.ui.context import UiContext
    from salesdesk.ui.ops import Ops
    from salesdesk.ui.settings import UiSettings

    workspace = open_workspace(tmp_path / "empty.sqlite", create=True)
    ops = Ops()
    settings = UiSettings(QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
    yield UiContext(workspace, ops, QUndoStack(), settings)
    ops.shutdown()
    workspace.close()


def test_an_empty_plan_says_every_lead_has_an_owner(qtbot: Any, empty_ctx: Any) -> None:
    dialog = RoutingPreviewDialog(None, empty_ctx)
    qtbot.addWidget(dialog)
    with qtbot.waitSignal(dialog.sig_preview_loaded, timeout=TIMEOUT):
        dialog.start()
    assert dialog.heading.text() == ("Every open lead has an owner: there is nothing to "
                                     "route.")
    assert dialog.tabs.isHidden() and dialog.apply_button.isHidden()
    assert dialog.cancel_button.text() == "Close"


# --- words ------------------------------------------------------------------------------
@pytest.mark.parametrize("kind", list(ReasonKind))
def test_reason_words_say_what_the_domain_says(kind: ReasonKind) -> None:
    reason = Reason(kind, "West", 4, 40)
    assert reason_text(reason) == str(reason)
