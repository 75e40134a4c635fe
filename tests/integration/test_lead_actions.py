"""services.lead_actions and storage.lead_detail on SQLite and PostgreSQL: assignment,
status moves, hand-made segments, activities and conversion to a deal, each with its
undo, all or nothing."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal
from typing import Any

import pytest
import sqlalchemy as sa

from salesdesk.domain.accounts import Account
from salesdesk.domain.errors import ConcurrentEditError, ConflictError, ValidationError
from salesdesk.domain.lead_activities import LeadActivityKind
from salesdesk.domain.leads import LeadData, LeadStatus
from salesdesk.domain.members import Member
from salesdesk.services import lead_actions as la
from salesdesk.services.pipeline_setup import ensure_pipeline
from salesdesk.storage import lead_queries as q
from salesdesk.storage import pipeline_queries as pq
from salesdesk.storage import tables as t
from salesdesk.storage.lead_detail import lead_detail
from salesdesk.storage.workspace import Workspace

NOW = datetime(2026, 11, 25, 10, 0, tzinfo=UTC)  # a Wednesday


@pytest.fixture
def ws(workspace: Workspace) -> Workspace:
    ensure_pipeline(workspace.uow)
    with workspace.uow() as uow:
        for name in ("Ann Rep", "Bob Rep"):
            uow.session.add(Member(name=name))
        gone = Member(name="Cy Gone")
        gone.left_on = NOW.date() - timedelta(days=3)
        uow.session.add(gone)
        uow.leads.add_many([
            LeadData(person_name=f"Person {i}", email=f"p{i}@corp{i % 3}.example",
                     company=f"Corp {i % 3}", product_interest="GTX Pro",
                     received_at=NOW - timedelta(hours=i)) for i in range(12)], "test")
        uow.commit()
    return workspace


def _ids(ws: Workspace) -> list[str]:
    with ws.engine.connect() as conn:
        return list(conn.execute(sa.select(t.leads.c.id).order_by(t.leads.c.person_name))
                    .scalars())


def _member(ws: Workspace, name: str) -> str:
    with ws.uow() as uow:
        found = uow.members.by_name(name)
        assert found is not None
        return found.id


def _owners(ws: Workspace, ids: list[str]) -> list[str | None]:
    with ws.engine.connect() as conn:
        rows = dict(conn.execute(sa.select(t.leads.c.id, t.leads.c.owner_id)).tuples().all())
    return [rows[i] for i in ids]


def test_assign_and_restore(ws: Workspace) -> None:
    ids, ann = _ids(ws)[:4], _member(ws, "Ann Rep")
    done = la.assign_leads(ws.uow, ids, ann, now=NOW)
    assert _owners(ws, ids) == [ann] * 4
    assert done.changes.summary == "Assigned 4 leads to Ann Rep" and done.changes.members
    detail = lead_detail(ws.engine.connect(), ids[0])
    assert detail is not None and detail.owner == "Ann Rep"
    assert [a.kind for a in detail.activities] == [LeadActivityKind.ASSIGNMENT]
    la.restore_owners(ws.uow, done.previous)
    assert _owners(ws, ids) == [None] * 4


def test_a_member_who_left_cannot_be_given_leads(ws: Workspace) -> None:
    ids = _ids(ws)[:2]
    with pytest.raises(ValidationError, match="Cy Gone has left"):
        la.assign_leads(ws.uow, ids, _member(ws, "Cy Gone"))
    assert _owners(ws, ids) == [None, None]


def test_status_moves_are_all_or_nothing_and_name_the_lead(ws: Workspace) -> None:
    ids = _ids(ws)[:3]
    la.set_status(ws.uow, ids[:1], LeadStatus.CONTACTED, now=NOW)
    la.convert_to_deal(ws.uow, ids[0], amount="1000", now=NOW)
    with pytest.raises(ValidationError, match="Person 0: cannot move from converted"):
        la.set_status(ws.uow, ids, LeadStatus.QUALIFIED, now=NOW)
    with pytest.raises(ValidationError, match="needs a reason"):
        la.set_status(ws.uow, ids[1:], LeadStatus.UNQUALIFIED, now=NOW)
    with ws.engine.connect() as conn:
        statuses = [lead_detail(conn, i).status for i in ids[1:]]  # type: ignore[union-attr]
    assert statuses == [LeadStatus.NEW, LeadStatus.NEW]
    done = la.set_status(ws.uow, ids[1:], LeadStatus.UNQUALIFIED, "price is too high",
                         now=NOW)
    with ws.engine.connect() as conn:
        moved = lead_detail(conn, ids[1])
    assert moved is not None and moved.status is LeadStatus.UNQUALIFIED
    assert moved.version == 2  # the lead is written once per action
    assert "price objection" in moved.segments and "unqualified" in moved.segments
    la.restore_statuses(ws.uow, done.previous)
    with ws.engine.connect() as conn:
        back = lead_detail(conn, ids[1])
    assert back is not None and back.status is LeadStatus.NEW
    assert back.first_contacted_at is None and "unqualified" not in back.segments


def test_hand_made_segments_and_their_undo(ws: Workspace) -> None:
    ids = _ids(ws)[:2]
    done = la.add_to_segment(ws.uow, ids, "VIP")
    with ws.engine.connect() as conn:
        detail = lead_detail(conn, ids[0])
        links = conn.execute(sa.select(sa.func.count()).select_from(t.lead_segment_links)
                             .where(t.lead_segment_links.c.segment == "vip")).scalar()
    assert detail is not None and "VIP" in detail.segments and detail.manual_segments == ("VIP",)
    assert links == 2
    la.restore_segments(ws.uow, done.previous)
    with ws.engine.connect() as conn:
        detail = lead_detail(conn, ids[0])
    assert detail is not None and "VIP" not in detail.segments
    la.add_to_segment(ws.uow, ids, "VIP")
    la.remove_from_segment(ws.uow, ids[:1], "vip")
    with ws.engine.connect() as conn:
        assert "VIP" not in lead_detail(conn, ids[0]).segments  # type: ignore[union-attr]
        assert "VIP" in lead_detail(conn, ids[1]).segments  # type: ignore[union-attr]


def test_a_logged_call_is_the_first_contact_and_its_undo_clears_it(ws: Workspace) -> None:
    lead_id = _ids(ws)[0]
    called = NOW - timedelta(minutes=20)
    logged = la.log_activity(ws.uow, lead_id, "call", "Intro call", "Wants a demo",
                             at=called, now=NOW)
    with ws.engine.connect() as conn:
        detail = lead_detail(conn, lead_id)
    assert detail is not None and detail.status is LeadStatus.CONTACTED
    assert detail.first_contacted_at == called and detail.version == 2
    assert [(a.kind, a.subject, a.body) for a in detail.activities] == [
        (LeadActivityKind.CALL, "Intro call", "Wants a demo")]
    la.remove_activity(ws.uow, logged)
    with ws.engine.connect() as conn:
        detail = lead_detail(conn, lead_id)
    assert detail is not None and detail.status is LeadStatus.NEW
    assert detail.first_contacted_at is None and detail.activities == ()
    with pytest.raises(ValidationError, match="future"):
        la.log_activity(ws.uow, lead_id, "note", at=NOW + timedelta(hours=1), now=NOW)


def test_convert_to_deal_makes_a_pipeline_deal_and_undo_removes_it(ws: Workspace) -> None:
    lead_id, ann = _ids(ws)[0], _member(ws, "Ann Rep")
    la.assign_leads(ws.uow, [lead_id], ann)
    with pytest.raises(ValidationError, match="more than zero"):
        la.convert_to_deal(ws.uow, lead_id, amount="0")
    with pytest.raises(ValidationError, match="not an amount"):
        la.convert_to_deal(ws.uow, lead_id, amount="lots")
    done = la.convert_to_deal(ws.uow, lead_id, amount=Decimal("2500.50"), now=NOW)
    assert done.created_account and done.changes.deals and done.changes.accounts
    d = t.deals
    with ws.engine.connect() as conn:
        deal = conn.execute(sa.select(d.c.title, d.c.amount, d.c.owner_id, d.c.account_id,
                                      d.c.contact_name).where(d.c.id == done.deal_id)).one()
        detail = lead_detail(conn, lead_id)
    assert deal == ("Corp 0 — GTX Pro", Decimal("2500.50"), ann, done.account_id, "Person 0")
    assert detail is not None and detail.status is LeadStatus.CONVERTED
    assert detail.deal_id == done.deal_id and detail.first_contacted_at == NOW
    assert detail.version == 3  # assigned, then converted: written once each
    with pytest.raises(ValidationError, match="converted already"):
        la.convert_to_deal(ws.uow, lead_id, amount="10")
    # a second lead at the same company reuses the account the first one made
    other = next(i for i in _ids(ws)[1:] if lead_detail(ws.engine.connect(), i).company
                 == "Corp 0")  # type: ignore[union-attr]
    again = la.convert_to_deal(ws.uow, other, amount="10", now=NOW)
    assert not again.created_account and again.account_id == done.account_id
    la.undo_conversion(ws.uow, again)
    la.undo_conversion(ws.uow, done)
    with ws.engine.connect() as conn:
        live = conn.execute(sa.select(sa.func.count()).select_from(d).where(
            d.c.lead_id == lead_id, d.c.deleted_at.is_(None))).scalar()
        detail = lead_detail(conn, lead_id)
        account_live = conn.execute(sa.select(t.accounts.c.deleted_at).where(
            t.accounts.c.id == done.account_id)).scalar()
    assert live == 0 and account_live is not None
    assert detail is not None and detail.status is LeadStatus.NEW and detail.deal_id is None


@pytest.fixture
def statements(ws: Workspace) -> Iterator[list[str]]:
    """Every SQL statement the engine runs meanwhile (an executemany is one)."""
    seen: list[str] = []

    def note(_conn: Any, _cursor: Any, sql: str, *_args: Any) -> None:
        seen.append(" ".join(sql.split()))

    sa.event.listen(ws.engine, "before_cursor_execute", note)
    yield seen
    sa.event.remove(ws.engine, "before_cursor_execute", note)


def test_bulk_assignment_of_ten_thousand_leads_runs_a_few_statements(
        ws: Workspace, statements: list[str]) -> None:
    with ws.uow() as uow:
        uow.leads.add_many([LeadData(person_name=f"Bulk {i}") for i in range(10_000)], "t")
        uow.commit()
    ids, bob, ann = _ids(ws), _member(ws, "Bob Rep"), _member(ws, "Ann Rep")
    la.assign_leads(ws.uow, ids[:5], ann)
    statements.clear()
    done = la.assign_leads(ws.uow, ids, bob)
    updates = [x for x in statements if x.startswith("UPDATE leads")]
    assert len(updates) == -(-len(ids) // 500)  # one per chunk of ids, never one per lead
    assert sum(x.startswith("INSERT INTO lead_activities") for x in statements) == 1
    assert len(statements) < 100
    assert len(done.previous) == len(ids) == 10_012
    assert set(_owners(ws, ids)) == {bob}
    with ws.engine.connect() as conn:
        a, log = t.lead_activities, t.change_log
        noted = conn.execute(sa.select(sa.func.count()).select_from(a).where(
            a.c.kind == LeadActivityKind.ASSIGNMENT)).scalar()
        logged = conn.execute(sa.select(sa.func.count()).select_from(log).where(
            log.c.entity == "leads", log.c.op == "update")).scalar()
        version = conn.execute(sa.select(t.leads.c.version).where(
            t.leads.c.id == ids[0])).scalar()
    assert noted == 10_012 + 5 and logged == 10_012 + 5 and version == 3
    la.restore_owners(ws.uow, done.previous)
    assert _owners(ws, ids[:6]) == [ann] * 5 + [None]


def test_convert_writes_a_deal_the_pipeline_board_shows(ws: Workspace) -> None:
    lead_id, ann = _ids(ws)[1], _member(ws, "Ann Rep")
    la.assign_leads(ws.uow, [lead_id], ann)
    done = la.convert_to_deal(ws.uow, lead_id, amount="1500", title="Pilot",
                              expected_close=date(2027, 2, 1), now=NOW)
    with ws.engine.connect() as conn:
        pipeline_id = pq.default_pipeline_id(conn)
        assert pipeline_id is not None
        cards = [c for col in pq.board(conn, pipeline_id).columns for c in col.cards]
        detail = pq.deal_detail(conn, done.deal_id)
    assert [(c.id, c.title, c.owner, c.account, c.amount) for c in cards] == [
        (done.deal_id, "Pilot", "Ann Rep", "Corp 1", Decimal("1500.00"))]
    assert detail is not None and len(detail.history) == 1
    assert (detail.contact_name, detail.expected_close) == ("Person 1", date(2027, 2, 1))
    la.undo_conversion(ws.uow, done)
    with ws.engine.connect() as conn:
        assert all(not col.cards for col in pq.board(conn, pipeline_id).columns)
    la.redo_conversion(ws.uow, done)
    with ws.engine.connect() as conn:
        cards = [c for col in pq.board(conn, pipeline_id).columns for c in col.cards]
        assert [c.id for c in cards] == [done.deal_id]
        assert pq.deal_detail(conn, done.deal_id).account == "Corp 1"  # type: ignore[union-attr]


@pytest.mark.parametrize(("company", "accounts", "expected"), [
    ("acme", ("Acme Rockets", "ACME, Inc.", "Acme Ltd"), "ACME, Inc."),
    ("Acme Ltd", ("ACME, Inc.", "Acme Ltd"), "Acme Ltd"),  # the very name first
    ("100% Pure_Co", ("100X PureACo", "100% Pure_Co GmbH"), "100% Pure_Co GmbH"),
    ("Société Générale", ("SOCIÉTÉ GÉNÉRALE SA",), "SOCIÉTÉ GÉNÉRALE SA"),
    ("Globex", ("Globex Rockets",), None)])
def test_the_account_of_a_company_is_found_after_normalising(
        ws: Workspace, company: str, accounts: tuple[str, ...], expected: str | None) -> None:
    for name in accounts:  # one after the other: the oldest of equals wins
        with ws.uow() as uow:
            uow.accounts.add(Account(name=name))
            uow.commit()
    with ws.uow() as uow:
        found = uow.leads.account_for_company(company)
        assert (uow.accounts.get(found).name if found else None) == expected


def test_an_edit_is_searchable_resegmented_and_refuses_a_stale_copy(ws: Workspace) -> None:
    lead_id = _ids(ws)[2]
    with ws.engine.connect() as conn:
        before = lead_detail(conn, lead_id)
    assert before is not None
    done = la.edit_lead(ws.uow, lead_id, before.version,
                        {"person_name": "Zelda Quixote", "notes": "price is the issue",
                         "phone": "+33 1 23 45 67 89"})
    assert done.version == before.version + 1
    with pytest.raises(ConflictError):
        la.edit_lead(ws.uow, lead_id, before.version, {"job_title": "CFO"})
    clock = q.Clock.at(NOW)
    with ws.engine.connect() as conn:
        after = lead_detail(conn, lead_id)
        found = q.count(conn, q.LeadFilter(search="quixote"), clock=clock)
        in_segment = q.count(conn, q.LeadFilter(segments=("price objection",)), clock=clock)
    assert after is not None and after.person_name == "Zelda Quixote"
    assert found == 1 and in_segment == 1 and "price objection" in after.segments
    assert "+5 gave a phone number" in [str(p) for p in after.explanation]
    la.restore_lead_fields(ws.uow, lead_id, done.version, done.previous[lead_id])
    with ws.engine.connect() as conn:
        assert q.count(conn, q.LeadFilter(search="quixote"), clock=clock) == 0
        assert q.count(conn, q.LeadFilter(segments=("price objection",)), clock=clock) == 0
        back = lead_detail(conn, lead_id)
    assert back is not None and back.score == after.score - 5
    assert "+5 gave a phone number" not in [str(p) for p in back.explanation]


def test_the_detail_lists_activities_newest_first_with_their_actor(ws: Workspace) -> None:
    lead_id = _ids(ws)[3]
    la.log_activity(ws.uow, lead_id, "note", "First", at=NOW - timedelta(hours=2), now=NOW)
    la.log_activity(lambda: ws.uow(actor="ann"), lead_id, "call", "Second",
                    at=NOW - timedelta(hours=1), now=NOW)
    with ws.engine.connect() as conn:
        detail = lead_detail(conn, lead_id)
        assert lead_detail(conn, "no-such-lead") is None
    assert detail is not None
    assert [(a.subject, a.actor) for a in detail.activities] == [
        ("Second", "ann"), ("First", ws.uow().actor)]
    assert detail.first_contacted_at == NOW - timedelta(hours=1)
    assert detail.deal_id is None and detail.owner == "" and detail.territory == ""


def test_redo_brings_back_the_same_activity_and_deal(ws: Workspace) -> None:
    lead_id = _ids(ws)[0]
    logged = la.log_activity(ws.uow, lead_id, "email", "Sent the brochure", now=NOW, at=NOW)
    la.remove_activity(ws.uow, logged)
    la.restore_activity(ws.uow, logged)
    converted = la.convert_to_deal(ws.uow, lead_id, amount="99", now=NOW)
    la.undo_conversion(ws.uow, converted)
    la.redo_conversion(ws.uow, converted)
    with ws.engine.connect() as conn:
        detail = lead_detail(conn, lead_id)
    assert detail is not None and detail.status is LeadStatus.CONVERTED
    assert detail.deal_id == converted.deal_id
    assert [a.id for a in detail.activities if a.kind is LeadActivityKind.EMAIL] == [
        logged.activity_id]
    assert detail.first_contacted_at == NOW


def test_a_bulk_save_refuses_leads_changed_meanwhile_and_logs_what_it_changed(
        ws: Workspace) -> None:
    ids = _ids(ws)[:3]
    with ws.uow() as uow:
        leads = uow.leads.load_many(ids)
        la.edit_lead(ws.uow, ids[1], None, {"job_title": "CEO"})  # another writer
        for lead in leads:
            lead.update(manual_segments=["VIP"])
            lead.set_segments(["cold"])
        with pytest.raises(ConcurrentEditError):
            uow.leads.save_many(leads)
    done = la.add_to_segment(ws.uow, ids, "VIP", now=NOW)
    with ws.engine.connect() as conn:
        log = t.change_log
        logged = conn.execute(sa.select(log.c.entity_id, log.c.changes).where(
            log.c.entity == "leads", log.c.op == "update")).tuples().all()
        links = conn.execute(sa.select(t.lead_segment_links.c.lead_id).where(
            t.lead_segment_links.c.segment == "vip")).scalars().all()
    segment_changes = {i: c for i, c in logged if "manual_segments" in c}
    assert set(segment_changes) == set(ids) == set(links) == set(done.previous)
    assert segment_changes[ids[0]]["manual_segments"] == [[], ["VIP"]]
