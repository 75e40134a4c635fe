"""services.lead_actions on the fake unit of work: assignment, status moves, hand-made
segments, edits, logged contacts and conversion to a deal; refusals leave the workspace
as it was, and every undo puts back what its action changed."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from decimal import Decimal
from typing import Any

import pytest

from salesdesk.domain.accounts import Account
from salesdesk.domain.errors import ConflictError, NotFoundError, ValidationError
from salesdesk.domain.lead_activities import LeadActivityKind
from salesdesk.domain.leads import Lead, LeadStatus
from salesdesk.domain.members import Member
from salesdesk.services import lead_actions as la
from salesdesk.services import pipeline
from salesdesk.services.lead_enrichment import LeadEnricher
from salesdesk.services.pipeline_setup import ensure_pipeline

from .fakes import FakeWorkspace

NOW = datetime(2026, 11, 25, 10, 0, tzinfo=UTC)  # a Wednesday, within business hours


@pytest.fixture
def ws() -> FakeWorkspace:
    ws = FakeWorkspace()
    ensure_pipeline(ws)
    ws.seed(Member(name="Ann Rep"), Member(name="Bob Rep"),
            Member(name="Cy Gone", left_on=date(2026, 11, 1)))
    leads = [Lead(person_name=f"Person {i}", company=f"Corp {i % 2}", received_at=NOW,
                  product_interest="GTX Pro" if i == 0 else "") for i in range(4)]
    leads.append(Lead(email="only@mail.example", received_at=NOW))
    with ws.uow() as uow:  # as the import stores them: segmented, scored, with an SLA
        LeadEnricher(uow, NOW).all(leads)
    ws.seed(*leads)
    return ws


def lead(ws: FakeWorkspace, name: str) -> Lead:
    found = [x for x in ws.live("leads") if name in (x.person_name, x.email)]
    assert len(found) == 1
    return found[0]


def ids(ws: FakeWorkspace, *names: str) -> list[str]:
    return [lead(ws, n).id for n in names]


def member(ws: FakeWorkspace, name: str) -> str:
    return str(ws.one("members", name).id)


def activities(ws: FakeWorkspace, name: str) -> list[tuple[LeadActivityKind, str]]:
    lead_id = lead(ws, name).id
    return [(a.kind, a.subject) for a in ws.live("lead_activities") if a.lead_id == lead_id]


# --- assignment --------------------------------------------------------------------------
def test_assign_records_each_change_and_restore_gives_the_leads_back(ws: FakeWorkspace) -> None:
    ann, bob = member(ws, "Ann Rep"), member(ws, "Bob Rep")
    la.assign_leads(ws, ids(ws, "Person 0"), bob, now=NOW)
    done = la.assign_leads(ws, ids(ws, "Person 0", "Person 1", "Person 1"), ann, now=NOW)
    assert done.changes.leads and done.changes.members
    assert done.changes.summary == "Assigned 2 leads to Ann Rep"
    assert done.previous == {lead(ws, "Person 0").id: bob, lead(ws, "Person 1").id: None}
    assert [lead(ws, n).owner_id for n in ("Person 0", "Person 1")] == [ann, ann]
    assert activities(ws, "Person 1") == [(LeadActivityKind.ASSIGNMENT, "Assigned to Ann Rep")]
    again = la.assign_leads(ws, ids(ws, "Person 1"), ann, now=NOW)  # no change: no activity
    assert again.previous == {lead(ws, "Person 1").id: ann}
    assert len(activities(ws, "Person 1")) == 1
    la.restore_owners(ws, done.previous, now=NOW)
    assert [lead(ws, n).owner_id for n in ("Person 0", "Person 1")] == [bob, None]
    assert activities(ws, "Person 1")[-1] == (LeadActivityKind.ASSIGNMENT, "Unassigned")


def test_unassign(ws: FakeWorkspace) -> None:
    la.assign_leads(ws, ids(ws, "Person 0", "Person 1"), member(ws, "Ann Rep"), now=NOW)
    done = la.assign_leads(ws, ids(ws, "Person 0", "Person 1"), None, now=NOW)
    assert done.changes.summary == "Unassigned 2 leads"
    assert lead(ws, "Person 0").owner_id is None


@pytest.mark.parametrize(("owner", "error", "words"), [
    ("Cy Gone", ValidationError, "Cy Gone has left the team"),
    ("nobody-known", NotFoundError, "member nobody-known does not exist")])
def test_assign_refuses_a_member_who_cannot_take_leads(ws: FakeWorkspace, owner: str,
                                                       error: type[Exception], words: str
                                                       ) -> None:
    owner_id = member(ws, owner) if owner == "Cy Gone" else owner
    before = ws.snapshot()
    with pytest.raises(error, match=words):
        la.assign_leads(ws, ids(ws, "Person 0"), owner_id, now=NOW)
    assert ws.snapshot() == before


def test_assign_is_all_or_nothing_over_the_selection(ws: FakeWorkspace) -> None:
    before = ws.snapshot()
    with pytest.raises(NotFoundError, match="lead gone-id does not exist"):
        la.assign_leads(ws, [*ids(ws, "Person 0"), "gone-id"], member(ws, "Ann Rep"))
    with pytest.raises(ValidationError, match="choose at least one lead"):
        la.assign_leads(ws, [], member(ws, "Ann Rep"))
    assert ws.snapshot() == before


# --- status ------------------------------------------------------------------------------
def test_a_status_move_is_refused_for_all_when_one_lead_cannot_move(ws: FakeWorkspace
                                                                    ) -> None:
    la.set_status(ws, ids(ws, "Person 1"), "disqualified", "spam", now=NOW)
    before = ws.snapshot()
    with pytest.raises(ValidationError, match="Person 1: cannot move from disqualified"):
        la.set_status(ws, ids(ws, "Person 0", "Person 1", "Person 2"), "qualified", now=NOW)
    with pytest.raises(ValidationError, match="unqualified needs a reason"):
        la.set_status(ws, ids(ws, "Person 0"), LeadStatus.UNQUALIFIED, now=NOW)
    with pytest.raises(ValidationError, match="converting it to a deal"):
        la.set_status(ws, ids(ws, "Person 0"), "converted", now=NOW)
    with pytest.raises(ValidationError, match="'won' is not a lead status"):
        la.set_status(ws, ids(ws, "Person 0"), "won", now=NOW)
    assert ws.snapshot() == before


def test_refusals_name_a_few_leads_and_count_the_rest(ws: FakeWorkspace) -> None:
    ws.seed(*(Lead(person_name=f"Closed {i}", status="disqualified", status_reason="spam")
              for i in range(8)))
    closed = [x.id for x in ws.live("leads") if x.person_name.startswith("Closed")]
    with pytest.raises(ValidationError, match="; and 3 more$"):
        la.set_status(ws, closed, "qualified", now=NOW)


def test_status_moves_follow_through_and_restore(ws: FakeWorkspace) -> None:
    chosen = ids(ws, "Person 0", "Person 1")
    done = la.set_status(ws, chosen, "unqualified", "price is too high", now=NOW)
    moved = lead(ws, "Person 0")
    assert moved.status is LeadStatus.UNQUALIFIED and moved.status_reason == "price is too high"
    assert {"unqualified", "price objection"} <= set(moved.segments)
    assert activities(ws, "Person 0") == [(LeadActivityKind.STATUS, "new → unqualified")]
    assert done.previous[moved.id] == ("new", "", None)
    la.restore_statuses(ws, done.previous, now=NOW)
    back = lead(ws, "Person 0")
    assert (back.status, back.status_reason, back.first_contacted_at) == (LeadStatus.NEW, "",
                                                                          None)
    assert "unqualified" not in back.segments


def test_moving_to_contacted_stamps_first_contact_and_its_undo_clears_it(ws: FakeWorkspace
                                                                          ) -> None:
    done = la.set_status(ws, ids(ws, "Person 2"), "contacted", now=NOW)
    assert lead(ws, "Person 2").first_contacted_at == NOW
    la.restore_statuses(ws, done.previous, now=NOW)
    assert lead(ws, "Person 2").first_contacted_at is None


# --- segments ----------------------------------------------------------------------------
def test_a_hand_made_hot_segment_brings_the_deadline_forward(ws: FakeWorkspace) -> None:
    cold = lead(ws, "Person 1")
    assert cold.segments == ["cold"] and cold.sla_due_at is not None
    la.add_to_segment(ws, [cold.id], "cold", now=NOW)  # already in it by its rule
    three_days = lead(ws, "Person 1").sla_due_at
    assert three_days == cold.sla_due_at
    done = la.add_to_segment(ws, [cold.id], "Hot", now=NOW)
    hot = lead(ws, "Person 1")
    assert hot.manual_segments == ["cold", "Hot"] and "Hot" in hot.segments
    assert hot.sla_due_at == NOW + timedelta(hours=1) and three_days is not None
    assert three_days > hot.sla_due_at
    assert done.changes.summary == "Added 1 lead to Hot"
    la.restore_segments(ws, done.previous, now=NOW)
    assert lead(ws, "Person 1").manual_segments == ["cold"]
    assert lead(ws, "Person 1").sla_due_at == three_days


def test_removing_a_segment_keeps_what_its_rule_gives(ws: FakeWorkspace) -> None:
    chosen = ids(ws, "Person 1", "Person 2")
    la.add_to_segment(ws, chosen, "VIP", now=NOW)
    la.add_to_segment(ws, chosen[:1], "cold", now=NOW)
    gone = la.remove_from_segment(ws, chosen, "vip", now=NOW)
    assert gone.changes.summary == "Took 2 leads out of vip"
    assert "VIP" not in lead(ws, "Person 1").segments
    kept = la.remove_from_segment(ws, chosen, "Cold", now=NOW)
    assert kept.changes.summary == "Took 1 lead out of Cold; 2 leads stay in it by its rule"
    assert all("cold" in lead(ws, n).segments for n in ("Person 1", "Person 2"))
    with pytest.raises(ValidationError, match="name the segment"):
        la.add_to_segment(ws, chosen, "  ")


# --- editing -----------------------------------------------------------------------------
def test_an_edit_rescores_and_resegments_and_its_undo_restores(ws: FakeWorkspace) -> None:
    before = lead(ws, "Person 1")
    done = la.edit_lead(ws, before.id, before.version,
                        {"phone": "+44 20 7946 0000", "source": "Referral",
                         "notes": "says the price is too high"}, now=NOW)
    after = lead(ws, "Person 1")
    assert done.version == after.version == before.version + 1
    assert done.entity_id == before.id
    assert after.score == before.score + 20 and after.source == "referral"
    assert {p["subject"] for p in after.score_parts} >= {"gave a phone number",
                                                         "source referral"}
    assert "price objection" in after.segments
    assert done.previous == {before.id: {"phone": "", "source": "", "notes": ""}}
    assert done.changes.summary == "Edited Person 1 (phone, source, notes)"
    la.restore_lead_fields(ws, before.id, done.version, done.previous[before.id])
    back = lead(ws, "Person 1")
    assert (back.phone, back.score, back.score_parts, back.segments) == (
        before.phone, before.score, before.score_parts, before.segments)


def test_an_edit_refuses_a_stale_copy_a_bad_value_and_a_computed_field(ws: FakeWorkspace
                                                                       ) -> None:
    target = lead(ws, "Person 1")
    la.edit_lead(ws, target.id, target.version, {"job_title": "CTO"})
    snapshot = ws.snapshot()
    with pytest.raises(ConflictError, match="changed by someone else"):
        la.edit_lead(ws, target.id, target.version, {"job_title": "CEO"})
    with pytest.raises(ValidationError) as bad:
        la.edit_lead(ws, target.id, None, {"email": "not an address"})
    assert bad.value.field == "email"
    with pytest.raises(ValidationError) as computed:
        la.edit_lead(ws, target.id, None, {"score": 99})
    assert computed.value.field == "score"
    assert ws.snapshot() == snapshot


# --- activities --------------------------------------------------------------------------
def test_a_call_is_the_first_contact_a_note_is_not(ws: FakeWorkspace) -> None:
    noted = la.log_activity(ws, lead(ws, "Person 0").id, "note", "Read the brief", now=NOW)
    assert lead(ws, "Person 0").first_contacted_at is None
    assert lead(ws, "Person 0").status is LeadStatus.NEW
    assert noted.changes.summary == "Logged a note with Person 0"
    call_at = NOW - timedelta(minutes=30)
    la.log_activity(ws, lead(ws, "Person 0").id, LeadActivityKind.CALL, at=call_at, now=NOW)
    contacted = lead(ws, "Person 0")
    assert contacted.status is LeadStatus.CONTACTED and contacted.first_contacted_at == call_at
    earlier = call_at - timedelta(hours=2)  # an e-mail sent before, logged after
    la.log_activity(ws, contacted.id, "email", at=earlier, now=NOW)
    assert lead(ws, "Person 0").first_contacted_at == earlier


def test_remove_and_restore_an_activity(ws: FakeWorkspace) -> None:
    lead_id = lead(ws, "Person 0").id
    logged = la.log_activity(ws, lead_id, "meeting", "Demo", "Went well", at=NOW, now=NOW)
    due = lead(ws, "Person 0").sla_due_at
    la.remove_activity(ws, logged, now=NOW)
    back = lead(ws, "Person 0")
    assert (back.status, back.first_contacted_at) == (LeadStatus.NEW, None)
    assert activities(ws, "Person 0") == [] and back.sla_due_at == due
    la.restore_activity(ws, logged, now=NOW)
    again = lead(ws, "Person 0")
    assert (again.status, again.first_contacted_at) == (LeadStatus.CONTACTED, NOW)
    assert activities(ws, "Person 0") == [(LeadActivityKind.MEETING, "Demo")]


@pytest.mark.parametrize(("kind", "at", "words"), [
    ("status", None, "cannot be logged"), ("lunch", None, "cannot be logged"),
    ("call", NOW + timedelta(minutes=5), "in the future"),
    ("call", datetime(2026, 11, 25, 9, 0), "time zone")])
def test_activities_that_cannot_be_logged(ws: FakeWorkspace, kind: str, at: Any,
                                          words: str) -> None:
    before = ws.snapshot()
    with pytest.raises(ValidationError, match=words):
        la.log_activity(ws, lead(ws, "Person 0").id, kind, at=at, now=NOW)
    assert ws.snapshot() == before


# --- conversion --------------------------------------------------------------------------
def test_convert_makes_a_deal_at_a_new_account_and_undo_removes_both(ws: FakeWorkspace
                                                                     ) -> None:
    ann = member(ws, "Ann Rep")
    la.assign_leads(ws, ids(ws, "Person 0"), ann, now=NOW)
    done = la.convert_to_deal(ws, lead(ws, "Person 0").id, amount=Decimal("1200.50"),
                              expected_close=date(2027, 1, 31), now=NOW)
    deal = ws.live("deals")[0]
    assert (deal.title, deal.amount, deal.owner_id, deal.contact_name, deal.lead_id) == (
        "Corp 0 — GTX Pro", Decimal("1200.50"), ann, "Person 0", done.lead_id)
    assert deal.expected_close == date(2027, 1, 31) and deal.id == done.deal_id
    account = ws.one("accounts", "Corp 0")
    assert done.created_account and done.account_id == account.id == deal.account_id
    converted = lead(ws, "Person 0")
    assert converted.status is LeadStatus.CONVERTED and converted.first_contacted_at == NOW
    assert activities(ws, "Person 0")[-1] == (LeadActivityKind.STATUS,
                                              "Converted to deal Corp 0 — GTX Pro")
    assert done.changes.deals and done.changes.accounts and done.changes.leads
    la.undo_conversion(ws, done, now=NOW)
    assert ws.live("deals") == [] and ws.live("accounts") == [] and ws.live(
        "stage_changes") == []
    back = lead(ws, "Person 0")
    assert (back.status, back.first_contacted_at) == (LeadStatus.NEW, None)
    la.redo_conversion(ws, done, now=NOW)
    assert [d.id for d in ws.live("deals")] == [done.deal_id]
    assert lead(ws, "Person 0").status is LeadStatus.CONVERTED


def test_convert_finds_the_account_whatever_its_legal_form(ws: FakeWorkspace) -> None:
    acme = Account(name="ACME, Inc.", sector="software")
    ws.seed(Account(name="Acme Rockets"), acme,
            Lead(person_name="Wile", company="Acme", status="qualified"))
    done = la.convert_to_deal(ws, lead(ws, "Wile").id, amount="300", title="Anvils", now=NOW)
    assert not done.created_account and done.account_id == acme.id
    assert not done.changes.accounts and len(ws.live("accounts")) == 2
    la.undo_conversion(ws, done, now=NOW)
    assert len(ws.live("accounts")) == 2  # not the conversion's to remove


@pytest.mark.parametrize(("amount", "words"), [
    ("0", "more than zero"), (-5, "more than zero"), ("lots", "not an amount"),
    ("NaN", "not an amount"), ("10.005", "more than two decimal places")])
def test_convert_refuses_an_amount(ws: FakeWorkspace, amount: Any, words: str) -> None:
    before = ws.snapshot()
    with pytest.raises(ValidationError, match=words):
        la.convert_to_deal(ws, lead(ws, "Person 0").id, amount=amount, now=NOW)
    assert ws.snapshot() == before


def test_convert_refuses_leads_that_cannot_become_deals(ws: FakeWorkspace) -> None:
    la.set_status(ws, ids(ws, "Person 1"), "unqualified", "no budget", now=NOW)
    la.convert_to_deal(ws, lead(ws, "Person 2").id, amount="10", now=NOW)
    before = ws.snapshot()
    with pytest.raises(ValidationError, match="only@mail.example: a deal needs"):
        la.convert_to_deal(ws, lead(ws, "only@mail.example").id, amount="10", now=NOW)
    with pytest.raises(ValidationError, match="Person 2 was converted already"):
        la.convert_to_deal(ws, lead(ws, "Person 2").id, amount="10", now=NOW)
    with pytest.raises(ValidationError, match="Person 1: cannot move from unqualified"):
        la.convert_to_deal(ws, lead(ws, "Person 1").id, amount="10", now=NOW)
    assert ws.snapshot() == before


def test_a_conversion_that_fails_late_changes_nothing(ws: FakeWorkspace) -> None:
    won = next(s for s in ws.live("stages") if not s.is_open)
    la.assign_leads(ws, ids(ws, "Person 0"), member(ws, "Ann Rep"), now=NOW)
    before = ws.snapshot()
    with pytest.raises(ValidationError, match="open stage"):
        la.convert_to_deal(ws, lead(ws, "Person 0").id, amount="10", stage_id=won.id, now=NOW)
    assert ws.snapshot() == before


def test_undo_is_refused_once_the_deal_moved(ws: FakeWorkspace) -> None:
    done = la.convert_to_deal(ws, lead(ws, "Person 3").id, amount="10", now=NOW)
    deal = ws.live("deals")[0]
    nxt = sorted((s for s in ws.live("stages") if s.is_open), key=lambda s: s.position)[1]
    pipeline.move_deal(ws, deal.id, deal.version, nxt.id, at=NOW + timedelta(hours=1))
    with pytest.raises(ValidationError, match="has moved since"):
        la.undo_conversion(ws, done, now=NOW)
    assert lead(ws, "Person 3").status is LeadStatus.CONVERTED
