"""services.lead_routing on the fake unit of work: preview, apply, undo, JSON."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

import pytest

from salesdesk.domain.leads import Lead
from salesdesk.domain.members import Member, Role
from salesdesk.domain.territories import Territory, TerritoryAssignment
from salesdesk.services import lead_settings
from salesdesk.services.lead_routing import (
    NothingToUndo,
    apply_routing,
    plan_json,
    preview_routing,
    undo_routing,
)

from .fakes import FakeWorkspace

NOW = datetime(2026, 11, 25, 12, tzinfo=UTC)


@pytest.fixture
def ws() -> FakeWorkspace:
    ws = FakeWorkspace()
    west = Territory(name="West")
    ann = Member(name="Ann Rep", capacity=2,
                 skills={"segments": {"price objection": 4}})
    bob = Member(name="Bob Rep", capacity=40)
    boss = Member(name="Boss", role=Role.MANAGER)
    gone = Member(name="Gone Rep", left_on=date(2026, 1, 1))
    ws.seed(west, ann, bob, boss, gone,
            TerritoryAssignment(territory_id=west.id, member_id=ann.id,
                                start=date(2026, 1, 1)))
    due = NOW + timedelta(hours=1)
    ws.seed(*(Lead(person_name=f"Lead {n}", territory_id=west.id, sla_due_at=due + timedelta(
        minutes=n), segments=["price objection"] if n == 0 else []) for n in range(3)),
        Lead(person_name="Nowhere"), Lead(person_name="Taken", owner_id=bob.id),
        Lead(person_name="Closed", status="converted"))
    return ws


def names(ws: FakeWorkspace) -> dict[str, str | None]:
    members = {m.id: m.name for m in ws.live("members")}
    return {x.person_name: members.get(x.owner_id or "") for x in ws.live("leads")}


def test_a_preview_writes_nothing_and_says_why(ws: FakeWorkspace) -> None:
    before = ws.snapshot()
    plan = preview_routing(ws, now=NOW).plan
    assert ws.snapshot() == before
    data = plan_json(plan)
    assert set(data) == {"assignments", "unassigned"}
    assert all(set(a) == {"lead_id", "member", "reasons"} for a in data["assignments"])
    assert all(set(u) == {"lead_id", "reason"} for u in data["unassigned"])
    first = data["assignments"][0]
    assert first["member"] == "Ann Rep"
    assert first["reasons"] == ["territory West", "skill price objection 4/5", "1 of 2 open"]
    assert data["unassigned"] == [{"lead_id": plan.unassigned[0].lead_id,
                                   "reason": "all 1 reps of territory West are at capacity"}]


def test_apply_assigns_in_urgency_order_and_keeps_the_rotation(ws: FakeWorkspace) -> None:
    result = apply_routing(ws, now=NOW)
    assert names(ws) == {"Lead 0": "Ann Rep", "Lead 1": "Ann Rep", "Lead 2": None,
                         "Nowhere": "Bob Rep", "Taken": "Bob Rep", "Closed": None}
    assert len(result.applied) == 3 and result.taken == ()
    with ws.uow() as uow:
        assert lead_settings.routing_state(uow).turn == 3
        assert len(lead_settings.last_routing(uow)["changes"]) == 3


def test_undo_puts_back_what_routing_changed_and_nothing_else(ws: FakeWorkspace) -> None:
    apply_routing(ws, now=NOW)
    with ws.uow() as uow:  # someone reassigns a routed lead meanwhile
        moved = next(x for x in uow.leads.list() if x.person_name == "Nowhere")
        moved.assign(next(m.id for m in uow.members.list() if m.name == "Boss"))
        uow.commit()
    undone = undo_routing(ws)
    assert undone.restored == 2 and len(undone.kept) == 1
    assert names(ws) == {"Lead 0": None, "Lead 1": None, "Lead 2": None, "Nowhere": "Boss",
                         "Taken": "Bob Rep", "Closed": None}
    with ws.uow() as uow:
        assert lead_settings.routing_state(uow).turn == 0
    with pytest.raises(NothingToUndo):
        undo_routing(ws)


def test_capacity_counts_open_leads_already_owned(ws: FakeWorkspace) -> None:
    with ws.uow() as uow:
        ann = next(m for m in uow.members.list() if m.name == "Ann Rep")
        uow.leads.add(Lead(person_name="Busy", owner_id=ann.id))
        uow.commit()
    plan = preview_routing(ws, now=NOW).plan
    assert [a.member_name for a in plan.assignments].count("Ann Rep") == 1
    assert len(plan.unassigned) == 2


def test_limit_routes_the_most_urgent_first(ws: FakeWorkspace) -> None:
    plan = preview_routing(ws, now=NOW, limit=1).plan
    assert len(plan.assignments) == 1
    assert names(ws)["Lead 0"] is None
    with ws.uow() as uow:
        lead_0 = next(x for x in uow.leads.list() if x.person_name == "Lead 0")
    assert plan.assignments[0].lead_id == lead_0.id


def test_damaged_settings_fall_back_to_defaults(ws: FakeWorkspace) -> None:
    ws.settings.update({lead_settings.ROTATION: "{broken", lead_settings.SCORING: "[]",
                        lead_settings.SLA: '{"slas": 5}', lead_settings.HOURS: '{"zone": 1}'})
    with ws.uow() as uow:
        assert lead_settings.routing_state(uow).turn == 0
        assert lead_settings.scoring_model(uow).rules
        assert lead_settings.sla_policy(uow) == lead_settings.DEFAULT_POLICY
        assert lead_settings.business_hours(uow).zone == "UTC"
        assert lead_settings.last_routing(uow) is None
