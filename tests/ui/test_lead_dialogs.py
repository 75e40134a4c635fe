"""The lead board's small dialogs, driven through their own widgets: a status move refuses a
missing reason where the domain requires one, a segment needs a name, an assignment needs
a real rep, a logged activity returns an aware moment, and converting refuses amounts that
are not money (nothing is saved then)."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

import pytest
import sqlalchemy as sa
from PySide6.QtWidgets import QDialog

from salesdesk.domain.lead_activities import LeadActivityKind
from salesdesk.domain.leads import REASON_REQUIRED, LeadStatus
from salesdesk.storage import tables as t
from salesdesk.storage.lead_detail import lead_detail
from salesdesk.ui.dialogs.convert_lead_dialog import ConvertLeadDialog
from salesdesk.ui.dialogs.lead_bulk_dialogs import AssignDialog, SegmentDialog, StatusDialog
from salesdesk.ui.dialogs.log_activity_dialog import LogActivityDialog

ACCEPTED = QDialog.DialogCode.Accepted.value
WAIT = 20_000


def _choose(dialog: StatusDialog, status: LeadStatus) -> None:
    dialog.status.setCurrentIndex(dialog.status.findData(status.value))


@pytest.mark.parametrize("status", sorted(REASON_REQUIRED))
def test_status_refuses_a_missing_reason_where_required(qtbot: Any, status: LeadStatus
                                                        ) -> None:
    dialog = StatusDialog(None, 12)
    qtbot.addWidget(dialog)
    _choose(dialog, status)
    assert dialog.reason_title.text() == "Reason (required)"
    dialog.reason.setText("   ")
    dialog.accept()
    assert dialog.result() != ACCEPTED
    assert dialog.error.text().startswith("Reason:")
    dialog.reason.setText("price objection")
    dialog.accept()
    assert dialog.result() == ACCEPTED


def test_status_needs_no_reason_for_an_open_move(qtbot: Any) -> None:
    dialog = StatusDialog(None, 1)
    qtbot.addWidget(dialog)
    _choose(dialog, LeadStatus.QUALIFIED)
    assert dialog.reason_title.text() == "Reason"
    dialog.accept()
    assert dialog.result() == ACCEPTED and dialog.error.text() == ""


def test_status_offers_no_conversion(qtbot: Any) -> None:
    dialog = StatusDialog(None, 3)
    qtbot.addWidget(dialog)
    offered = {dialog.status.itemData(i) for i in range(dialog.status.count())}
    assert offered == {s.value for s in LeadStatus} - {LeadStatus.CONVERTED.value}


def test_status_ask_returns_the_move(qtbot: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    def exec_(dialog: StatusDialog) -> int:
        _choose(dialog, LeadStatus.DISQUALIFIED)
        dialog.reason.setText("  competitor  ")
        dialog.accept()
        return dialog.result()
    monkeypatch.setattr(StatusDialog, "exec", exec_)
    assert StatusDialog.ask(None, 4) == (LeadStatus.DISQUALIFIED, "competitor")


def test_segment_needs_a_name_and_says_add_or_take_out(qtbot: Any,
                                                        monkeypatch: pytest.MonkeyPatch
                                                        ) -> None:
    dialog = SegmentDialog(None, ["hot", "warm", "price objection"], 5)
    qtbot.addWidget(dialog)
    assert dialog.name.count() == 3 and dialog.name.currentText() == ""
    dialog.accept()
    assert dialog.result() != ACCEPTED and dialog.error.text().startswith("Segment:")

    def exec_(d: SegmentDialog) -> int:
        d.remove.setChecked(True)
        d.name.setCurrentText("price objection")
        d.accept()
        return d.result()
    monkeypatch.setattr(SegmentDialog, "exec", exec_)
    assert SegmentDialog.ask(None, ["price objection"], 5) == ("price objection", False)


def test_assign_needs_a_real_rep(qtbot: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    owners = [("m1", "Ada Byron"), ("m2", "Grace Hopper")]
    dialog = AssignDialog(None, owners, 7)
    qtbot.addWidget(dialog)
    dialog.accept()
    assert dialog.result() != ACCEPTED and dialog.error.text().startswith("Rep:")
    dialog.owner.setCurrentText("Alan Turing")
    dialog.accept()
    assert dialog.result() != ACCEPTED and "Alan Turing" in dialog.error.text()
    dialog.owner.setCurrentText("grace hopper")  # case does not matter
    assert dialog.chosen() == ("m2", "Grace Hopper")

    def exec_(d: AssignDialog) -> int:
        d.owner.setCurrentIndex(0)
        d.accept()
        return d.result()
    monkeypatch.setattr(AssignDialog, "exec", exec_)
    assert AssignDialog.ask(None, owners, 7) == (None, "Nobody (unassign)")


def test_log_activity_defaults_to_a_call_now(qtbot: Any) -> None:
    before = datetime.now(UTC).replace(second=0, microsecond=0)
    dialog = LogActivityDialog(None, "Olga Haddad")
    qtbot.addWidget(dialog)
    assert dialog.windowTitle() == "Log activity with Olga Haddad"
    kind, subject, body, at = dialog.value()
    assert (kind, subject, body) == (LeadActivityKind.CALL, "", "")
    assert at.tzinfo is not None and before <= at <= datetime.now(UTC)
    assert "first contact" in dialog.hint.text()


def test_log_activity_note_needs_words(qtbot: Any) -> None:
    dialog = LogActivityDialog(None, kind=LeadActivityKind.NOTE)
    qtbot.addWidget(dialog)
    assert dialog.chosen() is LeadActivityKind.NOTE
    assert "does not count" in dialog.hint.text()
    dialog.accept()
    assert dialog.result() != ACCEPTED and dialog.error.text()
    dialog.body.setPlainText("Prefers e-mail to calls.")
    dialog.accept()
    assert dialog.result() == ACCEPTED
    assert dialog.value()[:3] == (LeadActivityKind.NOTE, "", "Prefers e-mail to calls.")


@pytest.fixture
def qualified(main_window: Any) -> Any:
    main_window.settle()
    engine = main_window.ctx.workspace.engine
    with engine.connect() as conn:
        lead_id = conn.execute(sa.select(t.leads.c.id).where(
            t.leads.c.status == "qualified").order_by(t.leads.c.id).limit(1)).scalar_one()
        return lead_detail(conn, lead_id)


def _live_deals(main_window: Any) -> int:
    with main_window.ctx.workspace.engine.connect() as conn:
        return int(conn.execute(sa.select(sa.func.count()).select_from(t.deals).where(
            t.deals.c.deleted_at.is_(None))).scalar_one())


@pytest.mark.parametrize("typed", ["", "0", "-5", "twelve", "12.345", "1e15"])
def test_convert_refuses_what_is_not_money(qtbot: Any, main_window: Any, qualified: Any,
                                           typed: str) -> None:
    dialog = ConvertLeadDialog(None, main_window.ctx, qualified)
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: dialog.stage.count() > 0, timeout=WAIT)
    assert dialog.title.text().startswith(qualified.company)
    before = _live_deals(main_window)
    dialog.amount.setText(typed)
    dialog.accept()
    main_window.settle()
    assert dialog.result() != ACCEPTED
    assert dialog.error.text().startswith("Amount:")
    assert _live_deals(main_window) == before


def test_convert_shows_the_services_refusal_and_stays_open(
        qtbot: Any, main_window: Any, qualified: Any) -> None:
    dialog = ConvertLeadDialog(None, main_window.ctx, qualified)
    qtbot.addWidget(dialog)
    qtbot.waitUntil(lambda: dialog.stage.count() > 0, timeout=WAIT)
    assert dialog.form.labelForField(dialog.amount).text().startswith("Amount (")
    with main_window.ctx.workspace.engine.begin() as conn:  # closed meanwhile elsewhere
        conn.execute(sa.update(t.leads).where(t.leads.c.id == qualified.id).values(
            status="disqualified", status_reason="went with a competitor"))
    dialog.amount.setText("9000")
    dialog.accept()
    main_window.settle()
    assert dialog.result() != ACCEPTED
    assert dialog.error.text() != "" and dialog.converted is None
    ok = dialog.buttons.buttons()[0]
    assert ok.isEnabled()


def test_speed_to_lead_tables_match_the_storage_figures(
        qtbot: Any, main_window: Any, qtmodeltester: Any) -> None:
    from salesdesk.services import lead_settings
    from salesdesk.storage.lead_stats import contact_times
    from salesdesk.ui.dialogs.contact_times_dialog import ContactTimesDialog, since_of
    from salesdesk.ui.lead_format import hours_text

    main_window.settle()
    ctx, now = main_window.ctx, datetime.now(UTC)
    dialog = ContactTimesDialog(None, ctx, clock=lambda: now)
    qtbot.addWidget(dialog)
    main_window.settle()
    with ctx.uow() as uow:
        hours = lead_settings.business_hours(uow)
    for period in ("all", "30"):
        dialog.period.setCurrentIndex(dialog.period.findData(period))
        main_window.settle()
        since = since_of(period, now, hours)
        for by, model in (("owner", dialog.by_owner), ("source", dialog.by_source)):
            qtmodeltester.check(model)
            with ctx.workspace.engine.connect() as conn:
                expected = contact_times(conn, by, hours, since=since, now=now)
            assert expected, f"the sample's leads have {by}s"
            shown = {model.data(model.index(r, 0)): model.row_at(r)
                     for r in range(model.rowCount())}
            assert shown == {row.label: row for row in expected}
            leads = [model.row_at(r).leads for r in range(model.rowCount())]
            assert leads == sorted(leads, reverse=True)  # busiest first
            first = model.row_at(0)
            assert model.data(model.index(0, 3)) == hours_text(first.median_hours)
    source = dialog.by_source
    total = sum(source.row_at(r).leads for r in range(source.rowCount()))
    assert dialog.summary.text().startswith(f"{total:,} leads arrived")


def test_speed_to_lead_sorts_by_a_clicked_column(qtbot: Any, qtmodeltester: Any) -> None:
    from salesdesk.storage.lead_stats import ContactTimeRow as Row
    from salesdesk.ui.models.contact_times_model import ContactTimesModel

    model = ContactTimesModel("Rep")
    # within the SLA: 19 of 20 for Ana, nothing measured for Ben, 3 of 6 for Cleo
    model.set_rows([Row("a", "Ana", 10, 8, 1.5, 4.0, 19, 0, with_sla=20),
                    Row("b", "Ben", 30, 0, None, None, 0, 6),
                    Row("c", "Cleo", 20, 10, 0.25, 1.0, 3, 1, with_sla=6)])
    qtmodeltester.check(model)
    assert [model.row_at(r).label for r in range(3)] == ["Ben", "Cleo", "Ana"]
    model.sort(3)  # median, ascending: nothing measured goes last
    assert [model.row_at(r).label for r in range(3)] == ["Cleo", "Ana", "Ben"]
    assert [model.data(model.index(r, 3)) for r in range(3)] == ["15 min", "1 h 30 min", "—"]
    assert model.data(model.index(0, 5)) == "50%"
    assert model.data(model.index(0, 5), 8) is not None  # BackgroundRole: a pastel
    qtmodeltester.check(model)
