"""The lead detail panel on the sample company's 400 marketing leads: the empty state, every
field, the score explained part by part, the first-contact line in business time, logging
a call (first contact; undo, redo, undo), converting to a deal (undo removes it, redo makes
it again), and reloading only for changes to its own lead."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from decimal import Decimal
from typing import Any

import pytest
import sqlalchemy as sa
from PySide6.QtCore import QDateTime
from PySide6.QtWidgets import QDialog

from salesdesk.domain.lead_activities import LeadActivityKind
from salesdesk.domain.lead_scoring import ScorePart
from salesdesk.domain.leads import LeadStatus
from salesdesk.domain.speed_to_lead import age_bucket
from salesdesk.services import lead_actions as la
from salesdesk.services import lead_settings
from salesdesk.services.common import OpChanges
from salesdesk.storage import tables as t
from salesdesk.storage.lead_detail import LeadDetail, lead_detail
from salesdesk.ui.dialogs.convert_lead_dialog import ConvertLeadDialog
from salesdesk.ui.dialogs.log_activity_dialog import LogActivityDialog
from salesdesk.ui.lead_detail_panel import LeadDetailPanel
from salesdesk.ui.lead_format import score_part_text, span_text

WAIT = 20_000


@pytest.fixture
def ctx(main_window: Any) -> Any:
    main_window.settle()
    return main_window.ctx


def _lead(ctx: Any, *where: Any) -> str:
    ld = t.leads
    with ctx.workspace.engine.connect() as conn:
        found = conn.execute(sa.select(ld.c.id).where(ld.c.deleted_at.is_(None), *where)
                             .order_by(ld.c.score.desc(), ld.c.id).limit(1)).scalar()
    assert found is not None, "the sample has such a lead"
    return str(found)


def _detail(ctx: Any, lead_id: str) -> LeadDetail:
    with ctx.workspace.engine.connect() as conn:
        found = lead_detail(conn, lead_id)
    assert found is not None
    return found


def _panel(qtbot: Any, ctx: Any, clock: Any = None) -> LeadDetailPanel:
    panel = LeadDetailPanel(ctx, clock=clock)
    qtbot.addWidget(panel)
    panel.resize(400, 900)
    return panel


def _show(qtbot: Any, panel: LeadDetailPanel, lead_id: str) -> None:
    with qtbot.waitSignal(panel.sig_lead_shown, timeout=WAIT):
        panel.show_lead(lead_id)


def _hours(ctx: Any) -> Any:
    with ctx.uow() as uow:
        return lead_settings.business_hours(uow)


def test_empty_until_a_lead_is_chosen(qtbot: Any, ctx: Any) -> None:
    panel = _panel(qtbot, ctx)
    assert panel.pages.currentIndex() == 0
    assert panel.empty_title.text() == "Select a lead to see its details"
    _show(qtbot, panel, _lead(ctx))
    assert panel.pages.currentIndex() == 1
    panel.show_lead(None)
    assert panel.pages.currentIndex() == 0 and panel.detail is None


def test_fields_and_the_score_explained_part_by_part(qtbot: Any, ctx: Any) -> None:
    lead_id = _lead(ctx, t.leads.c.owner_id.is_not(None), t.leads.c.employees.is_not(None))
    d = _detail(ctx, lead_id)
    panel = _panel(qtbot, ctx)
    _show(qtbot, panel, lead_id)
    assert panel.name.text() == d.person_name
    assert panel.values["owner"].text() == d.owner
    assert panel.values["territory"].text() == (d.territory or "—")
    assert f"{d.employees:,} employees" in panel.values["company"].text()
    assert panel.score.text() == f"{d.score} / 100"
    parts = [ScorePart.from_dict(p) for p in d.score_parts]
    assert parts, "a high-scoring sample lead has an explanation"
    shown = panel.score_parts.text()
    for part in parts:
        assert f"+{part.points}" in shown
        assert score_part_text(part).replace("'", "&#x27;") in shown
    chips = [panel.chip_flow.itemAt(i).widget().text()  # type: ignore[union-attr]
             for i in range(panel.chip_flow.count())]
    assert chips == list(d.segments)


def test_an_overdue_lead_says_by_how_much_business_time(qtbot: Any, ctx: Any) -> None:
    ld = t.leads
    lead_id = _lead(ctx, ld.c.first_contacted_at.is_(None), ld.c.sla_due_at.is_not(None),
                    ld.c.status == LeadStatus.NEW.value)
    d, hours = _detail(ctx, lead_id), _hours(ctx)
    assert d.sla_due_at is not None
    now = d.sla_due_at + timedelta(days=3)
    panel = _panel(qtbot, ctx, clock=lambda: now)
    _show(qtbot, panel, lead_id)
    assert panel.sla.text() == f"Overdue by {span_text(hours.between(d.sla_due_at, now))}"
    arrived = d.received_at or d.created_at
    assert panel.sla.property("bucket") == age_bucket(arrived, d.sla_due_at, None, now,
                                                      hours).value
    assert panel.sla_due.isVisibleTo(panel)
    assert panel.convert_button.isEnabled()


def test_a_waiting_lead_says_when_it_is_due(qtbot: Any, ctx: Any) -> None:
    ld = t.leads
    lead_id = _lead(ctx, ld.c.first_contacted_at.is_(None), ld.c.sla_due_at.is_not(None),
                    ld.c.status == LeadStatus.NEW.value)
    d, hours = _detail(ctx, lead_id), _hours(ctx)
    assert d.sla_due_at is not None
    now = d.sla_due_at - timedelta(minutes=40)
    panel = _panel(qtbot, ctx, clock=lambda: now)
    _show(qtbot, panel, lead_id)
    assert panel.sla.text() == f"Due in {span_text(hours.between(now, d.sla_due_at))}"


def _log_a_call(monkeypatch: pytest.MonkeyPatch, at: datetime) -> None:
    def exec_(dialog: LogActivityDialog) -> int:
        assert dialog.chosen() is LeadActivityKind.CALL
        dialog.subject.setText("Intro call")
        dialog.body.setPlainText("Budget approved; wants a demo.")
        dialog.at.setDateTime(QDateTime.fromSecsSinceEpoch(int(at.timestamp())))
        return QDialog.DialogCode.Accepted.value
    monkeypatch.setattr(LogActivityDialog, "exec", exec_)


def _contact(ctx: Any, lead_id: str) -> tuple[str, datetime | None]:
    d = _detail(ctx, lead_id)
    return d.status.value, d.first_contacted_at


def _step(qtbot: Any, main_window: Any, step: Any) -> None:
    with qtbot.waitSignal(main_window.ops.changes_did_happen, timeout=WAIT):
        step()
    main_window.settle()


def test_logging_a_call_is_the_first_contact_and_undoes(
        qtbot: Any, main_window: Any, ctx: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    ld = t.leads
    lead_id = _lead(ctx, ld.c.first_contacted_at.is_(None), ld.c.status == "new")
    at = datetime.now(UTC).replace(second=0, microsecond=0) - timedelta(minutes=5)
    _log_a_call(monkeypatch, at)
    panel = _panel(qtbot, ctx)
    _show(qtbot, panel, lead_id)
    with qtbot.waitSignal(panel.sig_lead_shown, timeout=WAIT):  # reloads on the change
        panel.log_button.click()
    assert _contact(ctx, lead_id) == ("contacted", at)
    assert "Intro call" in panel.activities.text()
    assert panel.sla.text().startswith("Contacted")
    stack = main_window.undo_stack
    _step(qtbot, main_window, stack.undo)
    assert _contact(ctx, lead_id) == ("new", None)
    assert panel.activities.text() == "No activity yet."
    _step(qtbot, main_window, stack.redo)
    assert _contact(ctx, lead_id) == ("contacted", at)
    _step(qtbot, main_window, stack.undo)  # removes the activity the redo made
    assert _contact(ctx, lead_id) == ("new", None)
    assert _detail(ctx, lead_id).activities == ()


def _deals_of(ctx: Any, lead_id: str) -> list[tuple[str, Decimal]]:
    d = t.deals
    with ctx.workspace.engine.connect() as conn:
        return [(r[0], r[1]) for r in conn.execute(sa.select(d.c.title, d.c.amount).where(
            d.c.lead_id == lead_id, d.c.deleted_at.is_(None)))]


def _convert_with(qtbot: Any, monkeypatch: pytest.MonkeyPatch, amount: str) -> None:
    def exec_(dialog: ConvertLeadDialog) -> int:
        qtbot.waitUntil(lambda: dialog.stage.count() > 0, timeout=WAIT)
        dialog.amount.setText(amount)
        dialog.accept()
        qtbot.waitUntil(lambda: dialog.result() == QDialog.DialogCode.Accepted.value,
                        timeout=WAIT)
        return dialog.result()
    monkeypatch.setattr(ConvertLeadDialog, "exec", exec_)


def test_convert_makes_a_deal_undo_removes_it(
        qtbot: Any, main_window: Any, ctx: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    lead_id = _lead(ctx, t.leads.c.status == "qualified", t.leads.c.company != "")
    d = _detail(ctx, lead_id)
    panel = _panel(qtbot, ctx)
    _show(qtbot, panel, lead_id)
    _convert_with(qtbot, monkeypatch, "12,500.50")
    with qtbot.waitSignal(panel.sig_lead_shown, timeout=WAIT):
        panel.convert_button.click()
    title = f"{d.company} — {d.product_interest}" if d.product_interest else d.company
    assert _deals_of(ctx, lead_id) == [(title, Decimal("12500.50"))]
    assert panel.converted.isVisibleTo(panel)
    assert panel.converted.text() == f"Converted to the deal {title}"
    assert not panel.convert_button.isEnabled()
    assert panel.values["status"].text() == "Converted"
    stack = main_window.undo_stack
    _step(qtbot, main_window, stack.undo)
    assert _deals_of(ctx, lead_id) == []
    assert _detail(ctx, lead_id).status is LeadStatus.QUALIFIED
    assert panel.convert_button.isEnabled() and not panel.converted.isVisibleTo(panel)
    _step(qtbot, main_window, stack.redo)
    assert _deals_of(ctx, lead_id) == [(title, Decimal("12500.50"))]
    _step(qtbot, main_window, stack.undo)  # removes the deal the redo made
    assert _deals_of(ctx, lead_id) == []


def test_a_closed_lead_cannot_be_converted(qtbot: Any, ctx: Any) -> None:
    lead_id = _lead(ctx, t.leads.c.status == "unqualified")
    panel = _panel(qtbot, ctx)
    _show(qtbot, panel, lead_id)
    assert not panel.convert_button.isEnabled()
    assert "unqualified" in panel.convert_button.toolTip()


def test_reloads_only_for_changes_to_its_lead(qtbot: Any, main_window: Any, ctx: Any,
                                              monkeypatch: pytest.MonkeyPatch) -> None:
    lead_id = _lead(ctx, t.leads.c.owner_id.is_not(None))
    panel = _panel(qtbot, ctx)
    _show(qtbot, panel, lead_id)
    asked: list[str | None] = []
    monkeypatch.setattr(panel, "show_lead", asked.append)
    ops = main_window.ops
    ops.changes_did_happen.emit(OpChanges(leads=True, ids=("another lead",)))
    ops.changes_did_happen.emit(OpChanges(deals=True))
    assert asked == []
    ops.changes_did_happen.emit(OpChanges(leads=True, ids=("another lead", lead_id)))
    ops.changes_did_happen.emit(OpChanges(leads=True))
    assert asked == [lead_id, lead_id]


def test_an_assignment_elsewhere_shows_at_once(qtbot: Any, main_window: Any,
                                               ctx: Any) -> None:
    lead_id = _lead(ctx, t.leads.c.owner_id.is_(None))
    panel = _panel(qtbot, ctx)
    _show(qtbot, panel, lead_id)
    assert panel.values["owner"].text() == "Unassigned"
    with ctx.workspace.engine.connect() as conn:
        owner_id, name = conn.execute(sa.select(t.members.c.id, t.members.c.name).where(
            t.members.c.deleted_at.is_(None), t.members.c.left_on.is_(None))
            .order_by(t.members.c.name).limit(1)).one()
    uow = ctx.uow
    with qtbot.waitSignal(panel.sig_lead_shown, timeout=WAIT):
        ctx.ops.run(lambda _job: la.assign_leads(uow, [lead_id], owner_id))
    assert panel.values["owner"].text() == name


def test_a_deleted_lead_says_so(qtbot: Any, ctx: Any) -> None:
    lead_id = _lead(ctx)
    panel = _panel(qtbot, ctx)
    _show(qtbot, panel, lead_id)
    with ctx.workspace.engine.begin() as conn:
        conn.execute(sa.update(t.leads).where(t.leads.c.id == lead_id)
                     .values(deleted_at=datetime.now(UTC)))
    panel.show_lead(lead_id)
    qtbot.waitUntil(lambda: panel.pages.currentIndex() == 0, timeout=WAIT)
    assert panel.empty_title.text() == "This lead is gone"
