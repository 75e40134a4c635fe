"""services.lead_rules with storage.lead_rescore, and services.lead_views, on SQLite and
PostgreSQL: a changed segment rule re-segments the leads (their segment links too), a
changed scoring model re-scores them with the points explained, a changed SLA moves the
due times, hand-made segments survive, a cancel leaves nothing changed, and only the
leads whose figures changed are written."""

from __future__ import annotations

from datetime import UTC, datetime, time, timedelta
from typing import Any

import pytest
import sqlalchemy as sa

from salesdesk.domain.lead_scoring import IdealProfile, ScoreRule, ScoringModel
from salesdesk.domain.lead_segments import (
    DEFAULT_SEGMENTS,
    Condition,
    LeadField,
    Operator,
    Segment,
)
from salesdesk.domain.leads import LeadData, LeadStatus
from salesdesk.domain.speed_to_lead import DEFAULT_POLICY, BusinessHours, Sla, SlaPolicy, SlaUnit
from salesdesk.services import lead_rules as lr
from salesdesk.services.lead_views import SavedView, delete_view, list_views, save_view
from salesdesk.storage import tables as t
from salesdesk.storage.workspace import Workspace

WED = datetime(2026, 11, 25, 10, 0, tzinfo=UTC)  # a Wednesday
BIG = Segment("enterprise", (Condition(LeadField.EMPLOYEES, Operator.AT_LEAST, 1000),))
ld = t.leads


@pytest.fixture
def ws(workspace: Workspace) -> Workspace:
    """Five leads worked out under the shipped rules (one deleted)."""
    leads = [
        LeadData(person_name="Ann", source="referral", sector="software", employees=5000,
                 product_interest="GTX", phone="+33 1 23 45 67 89", received_at=WED),
        LeadData(person_name="Bob", source="web", manual_segments=["VIP"], received_at=WED),
        LeadData(person_name="Cy", source="event", status=LeadStatus.CONTACTED,
                 first_contacted_at=WED + timedelta(minutes=20), received_at=WED),
        LeadData(person_name="Dee", source="web", employees=3000, received_at=WED,
                 status=LeadStatus.UNQUALIFIED, status_reason="too expensive"),
        LeadData(person_name="Gone", source="web", employees=9000, received_at=WED)]
    with workspace.uow() as uow:
        uow.leads.add_many(leads, "test")
        uow.commit()
    with workspace.engine.begin() as conn:
        conn.execute(sa.update(ld).where(ld.c.person_name == "Gone")
                     .values(deleted_at=WED, score=3))
    lr.save_lead_rules(workspace.uow, now=WED)
    return workspace


def _rows(ws: Workspace) -> dict[str, dict[str, Any]]:
    with ws.engine.connect() as conn:
        rows = conn.execute(sa.select(
            ld.c.person_name, ld.c.segments, ld.c.manual_segments, ld.c.score,
            ld.c.score_parts, ld.c.sla_due_at, ld.c.version)).mappings().all()
    return {r["person_name"]: dict(r) for r in rows}


def _links(ws: Workspace) -> set[tuple[str, str]]:
    links = t.lead_segment_links
    with ws.engine.connect() as conn:
        return set(conn.execute(sa.select(links.c.segment, ld.c.person_name)
                                .join(ld, ld.c.id == links.c.lead_id)).tuples().all())


def _state(ws: Workspace) -> tuple[Any, ...]:
    """Everything a save could touch: the leads, their links, the rules, the settings."""
    s = t.lead_segments
    with ws.engine.connect() as conn:
        rules = conn.execute(sa.select(s.c.name, s.c.conditions, s.c.deleted_at,
                                       s.c.version).order_by(s.c.name)).all()
        settings = conn.execute(sa.select(t.settings).order_by(t.settings.c.key)).all()
        logged = conn.execute(sa.select(sa.func.count()).select_from(t.change_log)).scalar()
    return _rows(ws), _links(ws), rules, settings, logged


def test_the_shipped_rules_as_worked_out_in_storage(ws: Workspace) -> None:
    rows = _rows(ws)
    assert rows["Ann"]["score"] == 60 and rows["Ann"]["segments"] == ["warm"]
    assert [p["points"] for p in rows["Ann"]["score_parts"]] == [15, 10, 5, 15, 15]
    assert rows["Ann"]["sla_due_at"] == WED + timedelta(days=1)
    assert rows["Bob"]["segments"] == ["cold", "VIP"]
    assert rows["Gone"]["score"] == 3  # deleted: left alone
    assert ("vip", "Bob") in _links(ws) and not any(n == "Gone" for _, n in _links(ws))


def test_a_new_segment_rule_resegments_and_relinks(ws: Workspace) -> None:
    saved = lr.save_lead_rules(ws.uow, segments=[*DEFAULT_SEGMENTS, BIG, Segment("VIP")],
                               now=WED)
    rows = _rows(ws)
    assert rows["Ann"]["segments"] == ["warm", "enterprise"]
    assert rows["Dee"]["segments"] == ["unqualified", "price objection", "cold",
                                       "enterprise"]
    assert rows["Bob"]["segments"] == ["cold", "VIP"]
    assert saved.rescored == 2
    assert {n for s, n in _links(ws) if s == "enterprise"} == {"Ann", "Dee"}
    assert [s.name for s in lr.current_rules(ws.uow).segments][-2:] == ["enterprise", "VIP"]
    no_cold = [s for s in DEFAULT_SEGMENTS if s.name != "cold"]
    lr.save_lead_rules(ws.uow, segments=no_cold, sla=SlaPolicy(DEFAULT_POLICY.slas[:2]),
                       now=WED)
    rows = _rows(ws)
    assert rows["Bob"]["segments"] == ["VIP"] and rows["Bob"]["manual_segments"] == ["VIP"]
    assert rows["Bob"]["sla_due_at"] is None
    assert {s for s, n in _links(ws) if n == "Bob"} == {"vip"}


def test_a_new_scoring_model_rescores_with_the_points_explained(ws: Workspace) -> None:
    model = ScoringModel(
        (ScoreRule(Condition(LeadField.SOURCE, Operator.EQUALS, "web"), 50, "came from web"),),
        IdealProfile(employees_min=1000, employees_points=25, seniority=()))
    saved = lr.save_lead_rules(ws.uow, scoring=model, now=WED)
    rows = _rows(ws)
    assert rows["Dee"]["score"] == 75
    assert rows["Dee"]["score_parts"] == [
        {"points": 50, "kind": "rule", "subject": "came from web", "detail": ""},
        {"points": 25, "kind": "employees", "subject": "3,000", "detail": "1,000+"}]
    assert rows["Bob"]["segments"] == ["warm", "VIP"]  # 50: warm now, its SLA follows
    assert rows["Bob"]["sla_due_at"] == WED + timedelta(days=1)
    assert rows["Ann"]["score"] == 25 and rows["Ann"]["segments"] == ["cold"]
    assert saved.rescored == 4 and lr.current_rules(ws.uow).scoring == model


def test_a_new_sla_or_new_hours_move_the_due_times(ws: Workspace) -> None:
    lr.save_lead_rules(ws.uow, sla=SlaPolicy((Sla("warm", 90, SlaUnit.MINUTES),
                                              Sla("cold", 2, SlaUnit.DAYS))), now=WED)
    rows = _rows(ws)
    assert rows["Ann"]["sla_due_at"] == WED + timedelta(minutes=90)
    assert rows["Bob"]["sla_due_at"] == WED + timedelta(days=2)  # 16 business hours
    assert rows["Cy"]["sla_due_at"] is None and rows["Dee"]["sla_due_at"] is None
    lr.save_lead_rules(ws.uow, hours=BusinessHours(opens=time(8), closes=time(12),
                                                   zone="America/New_York"), now=WED)
    # 10:00 UTC is 05:00 in New York: the clock starts at 08:00 (13:00 UTC); warm is
    # 90 minutes, cold two 4-hour days: Wednesday's and Thursday's (a working day in the
    # workspace calendar), due at Thursday's closing, 12:00 (17:00 UTC).
    rows = _rows(ws)
    assert rows["Ann"]["sla_due_at"] == datetime(2026, 11, 25, 14, 30, tzinfo=UTC)
    assert rows["Bob"]["sla_due_at"] == datetime(2026, 11, 26, 17, 0, tzinfo=UTC)
    hours = lr.current_rules(ws.uow).hours
    assert (hours.opens, hours.closes, hours.zone) == (time(8), time(12), "America/New_York")


def test_cancel_in_the_middle_leaves_nothing_changed(ws: Workspace,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(lr, "BATCH", 2)
    before = _state(ws)
    seen: list[tuple[int, int]] = []

    def progress(done: int, total: int) -> bool:
        seen.append((done, total))
        return done < 4
    with pytest.raises(lr.RulesSaveCancelled):
        lr.save_lead_rules(ws.uow, segments=[BIG], sla=SlaPolicy(), scoring=ScoringModel(),
                           progress=progress, now=WED)
    assert seen == [(0, 4), (2, 4), (4, 4)]  # two batches written, then cancelled
    assert _state(ws) == before


def test_batches_write_only_changed_leads_and_log_them_in_bulk(
        ws: Workspace, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(lr, "BATCH", 2)
    before = _rows(ws)
    saved = lr.save_lead_rules(ws.uow, sla=SlaPolicy((*DEFAULT_POLICY.slas[:2],
                                                      Sla("cold", 1, SlaUnit.DAYS))), now=WED)
    after = _rows(ws)
    assert saved.rescored == 1  # Bob: the only cold lead still waiting
    assert {n for n in after if after[n]["version"] != before[n]["version"]} == {"Bob"}
    assert after["Bob"]["sla_due_at"] == WED + timedelta(days=1)
    log = t.change_log
    with ws.engine.connect() as conn:
        last = conn.execute(sa.select(log.c.op, log.c.changes).where(log.c.entity == "leads")
                            .order_by(log.c.at.desc()).limit(1)).one()
    assert last.op == "bulk" and last.changes["ids"][1] == [_id(ws, "Bob")]
    assert lr.save_lead_rules(ws.uow, now=WED).rescored == 0


def _id(ws: Workspace, name: str) -> str:
    with ws.engine.connect() as conn:
        return str(conn.execute(sa.select(ld.c.id).where(ld.c.person_name == name)).scalar())


def test_values_the_app_would_refuse_today_do_not_stop_a_rescore(ws: Workspace) -> None:
    with ws.engine.begin() as conn:  # stored by an older version, invalid now
        conn.execute(sa.update(ld).where(ld.c.person_name == "Bob")
                     .values(email="not an address", score=999))
    saved = lr.save_lead_rules(ws.uow, segments=[*DEFAULT_SEGMENTS, BIG], now=WED)
    assert saved.rescored == 3  # Ann and Dee join enterprise; Bob's score is worked out
    assert _rows(ws)["Bob"]["score"] == 5


def test_saved_views_round_trip(workspace: Workspace) -> None:
    view = SavedView("Hot, unassigned", {"segments": ["hot"], "owners": [None]}, "acme",
                     "score", True)
    save_view(workspace.uow, view)
    save_view(workspace.uow, SavedView("Au-delà", {"sources": ["web", "event"]}))
    assert list_views(workspace.uow) == [SavedView("Au-delà", {"sources": ["web", "event"]}),
                                         view]
    save_view(workspace.uow, SavedView("hot, UNASSIGNED", {"statuses": ["new"]}))
    assert [v.name for v in list_views(workspace.uow)] == ["Au-delà", "hot, UNASSIGNED"]
    delete_view(workspace.uow, "AU-DELÀ")
    assert [v.name for v in list_views(workspace.uow)] == ["hot, UNASSIGNED"]
