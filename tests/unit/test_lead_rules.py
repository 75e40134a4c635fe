"""services.lead_rules on the fake workspace: reading and saving the lead rules, the
refusals, and every lead worked out again (segments, score with its explanation, SLA due
time), cancelled without a trace, undone by saving the previous rules.

The fake unit of work gets a `lead_rescore` over its own lead rows here (tests/unit/
fakes.py belongs to another part of the work); storage's own is tested on SQLite and
PostgreSQL in tests/integration/test_lead_rules.py."""

from __future__ import annotations

import copy
from collections.abc import Iterator, Sequence
from datetime import UTC, datetime, time, timedelta
from typing import Any

import pytest

from salesdesk.domain.errors import ValidationError
from salesdesk.domain.lead_scoring import (
    DEFAULT_MODEL,
    IdealProfile,
    ScoreRule,
    ScoringModel,
)
from salesdesk.domain.lead_segments import (
    DEFAULT_SEGMENTS,
    Condition,
    LeadField,
    Operator,
    Segment,
)
from salesdesk.domain.leads import Lead, LeadData, LeadStatus
from salesdesk.domain.speed_to_lead import (
    DEFAULT_POLICY,
    BusinessHours,
    Sla,
    SlaPolicy,
    SlaUnit,
)
from salesdesk.services import lead_rules as lr
from salesdesk.services import lead_settings
from salesdesk.services.workspace_settings import set_calendar

from .fakes import FakeUnitOfWork, FakeWorkspace

WED = datetime(2026, 11, 25, 10, 0, tzinfo=UTC)  # a Wednesday
FIELDS = ("segments", "manual_segments", "score", "score_parts", "sla_due_at")


class FakeLeadRescore:
    """storage.lead_rescore.SqlLeadRescore over the fake unit of work's lead rows."""

    def __init__(self, rows: dict[str, Lead]):
        self.rows = rows

    def _live(self) -> list[Lead]:
        return sorted((x for x in self.rows.values() if x.deleted_at is None),
                      key=lambda x: x.id)

    def count(self) -> int:
        return len(self._live())

    def batches(self, size: int) -> Iterator[list[LeadData]]:
        live = self._live()
        for i in range(0, len(live), size):
            yield [LeadData(**{f: copy.deepcopy(getattr(x, f))
                               for f in LeadData.__dataclass_fields__})
                   for x in live[i:i + size]]

    def write(self, leads: Sequence[LeadData]) -> int:
        for lead in leads:
            stored = self.rows[lead.id]
            for name in ("segments", "score", "score_parts", "sla_due_at"):
                setattr(stored, name, copy.deepcopy(getattr(lead, name)))
        return len(leads)


class RescoreUnitOfWork(FakeUnitOfWork):
    def _load(self) -> None:
        super()._load()
        self.lead_rescore = FakeLeadRescore(self._rows["leads"])


class Workspace(FakeWorkspace):
    def uow(self) -> RescoreUnitOfWork:
        return RescoreUnitOfWork(self)

    __call__ = uow


def _lead(name: str, **fields: Any) -> Lead:
    return Lead(person_name=name, received_at=fields.pop("received_at", WED), **fields)


@pytest.fixture
def ws() -> Workspace:
    """Four leads, worked out under the shipped rules."""
    ws = Workspace()
    ws.seed(_lead("Ann", source="referral", sector="software", employees=5000,
                  product_interest="GTX", phone="+33 1 23 45 67 89"),
            _lead("Bob", source="web", sector="retail", manual_segments=["VIP"]),
            _lead("Cy", source="event", status=LeadStatus.CONTACTED,
                  first_contacted_at=WED + timedelta(minutes=20)),
            _lead("Dee", source="web", status=LeadStatus.UNQUALIFIED,
                  status_reason="too expensive"))
    lr.save_lead_rules(ws, now=WED)
    return ws


def _lead_named(ws: FakeWorkspace, name: str) -> Lead:
    found: Lead = next(x for x in ws.live("leads") if x.person_name == name)
    return found


def _figures(ws: FakeWorkspace) -> dict[str, tuple[Any, ...]]:
    return {x.person_name: (*(getattr(x, f) for f in FIELDS), x.version)
            for x in ws.live("leads")}


def test_current_rules_are_the_shipped_ones_in_a_new_workspace() -> None:
    rules = lr.current_rules(Workspace())
    assert rules.segments == DEFAULT_SEGMENTS
    assert (rules.scoring, rules.sla) == (DEFAULT_MODEL, DEFAULT_POLICY)
    assert rules.hours == BusinessHours()


def test_the_shipped_rules_segment_score_and_time_each_lead(ws: Workspace) -> None:
    ann, bob = _lead_named(ws, "Ann"), _lead_named(ws, "Bob")
    # referral 15 + product 10 + phone 5 + sector 15 + employees 15
    assert ann.score == 60 and ann.segments == ["warm"]
    assert sum(p["points"] for p in ann.score_parts) == 60
    assert ann.sla_due_at == datetime(2026, 11, 26, 10, 0, tzinfo=UTC)  # one business day
    assert bob.segments == ["cold", "VIP"] and bob.score == 5
    assert bob.sla_due_at == datetime(2026, 11, 30, 10, 0, tzinfo=UTC)  # 3 days: Mon
    cy, dee = _lead_named(ws, "Cy"), _lead_named(ws, "Dee")
    assert cy.sla_due_at is None  # contacted before any rule gave it a due time: kept
    assert dee.segments == ["unqualified", "price objection", "cold"]
    assert dee.sla_due_at is None  # parked: no SLA clock


def test_a_new_segment_rule_resegments_and_hand_made_segments_stay(ws: Workspace) -> None:
    big = Segment("enterprise", (Condition(LeadField.EMPLOYEES, Operator.AT_LEAST, 1000),))
    vip = Segment("VIP")  # a hand-made segment: no conditions
    saved = lr.save_lead_rules(ws, segments=[*DEFAULT_SEGMENTS, big, vip], now=WED)
    assert _lead_named(ws, "Ann").segments == ["warm", "enterprise"]
    assert _lead_named(ws, "Bob").segments == ["cold", "VIP"]
    assert saved.rescored == 1 and saved.changes.leads
    assert lr.current_rules(ws).segments == (*DEFAULT_SEGMENTS, big, vip)
    without_cold = [s for s in DEFAULT_SEGMENTS if s.name != "cold"]
    lr.save_lead_rules(ws, segments=without_cold, sla=SlaPolicy(DEFAULT_POLICY.slas[:2]),
                       now=WED)
    bob = _lead_named(ws, "Bob")
    assert bob.segments == ["VIP"] and bob.manual_segments == ["VIP"]
    assert bob.sla_due_at is None  # in no segment with an SLA, and no default


def test_a_new_scoring_model_rescores_with_every_point_explained(ws: Workspace) -> None:
    model = ScoringModel(
        (ScoreRule(Condition(LeadField.SOURCE, Operator.EQUALS, "web"), 50, "came from web"),),
        IdealProfile(sectors=("Retail",), sector_points=25, seniority=()))
    saved = lr.save_lead_rules(ws, scoring=model, now=WED)
    bob = _lead_named(ws, "Bob")
    assert bob.score == 75
    assert bob.score_parts == [
        {"points": 50, "kind": "rule", "subject": "came from web", "detail": ""},
        {"points": 25, "kind": "sector", "subject": "retail", "detail": ""}]
    assert bob.segments == ["hot", "VIP"]  # hot reads the new score, and its SLA follows
    assert bob.sla_due_at == WED + timedelta(hours=1)
    assert _lead_named(ws, "Ann").score == 0 and _lead_named(ws, "Ann").score_parts == []
    assert saved.rescored == 4 and lr.current_rules(ws).scoring == model


def test_a_new_sla_moves_due_times_of_leads_still_waiting(ws: Workspace) -> None:
    policy = SlaPolicy((Sla("warm", 2, SlaUnit.HOURS), Sla("cold", 30, SlaUnit.MINUTES)))
    late = _lead("Eve", source="web", received_at=datetime(2026, 11, 27, 16, 45, tzinfo=UTC))
    ws.seed(late)  # a Friday, 15 minutes before closing
    lr.save_lead_rules(ws, sla=policy, now=WED)
    assert _lead_named(ws, "Ann").sla_due_at == WED + timedelta(hours=2)
    assert _lead_named(ws, "Bob").sla_due_at == WED + timedelta(minutes=30)
    assert _lead_named(ws, "Eve").sla_due_at == datetime(2026, 11, 30, 9, 15, tzinfo=UTC)
    assert _lead_named(ws, "Cy").sla_due_at is None


def test_business_hours_store_times_and_zone_and_keep_the_calendar(ws: Workspace) -> None:
    set_calendar(ws, 1, [0, 1, 2, 3], [WED.date() + timedelta(days=1)])  # Fridays off
    paris = BusinessHours(frozenset(range(7)), time(8), time(12), zone="Europe/Paris")
    lr.save_lead_rules(ws, hours=paris, now=WED)
    hours = lr.current_rules(ws).hours
    assert (hours.opens, hours.closes, hours.zone) == (time(8), time(12), "Europe/Paris")
    assert hours.weekdays == frozenset({0, 1, 2, 3})  # the calendar's, not the ones given
    # Ann: 10:00 UTC is 11:00 in Paris, 1 h before closing; a business day is 4 h; Thursday
    # is a holiday and Friday no working day: 3 h more on Monday from 08:00.
    assert _lead_named(ws, "Ann").sla_due_at == datetime(2026, 11, 30, 10, 0, tzinfo=UTC)


@pytest.mark.parametrize(("parts", "message"), [
    ({"segments": [Segment("hot"), Segment("HOT")]}, "two segments are called 'HOT'"),
    ({"sla": SlaPolicy((Sla("gold", 1),))}, "SLA for 'gold': there is no segment"),
    ({"segments": [Segment("qualified")]}, "SLA for 'hot': there is no segment"),
])
def test_refusals_name_the_segment_and_change_nothing(ws: Workspace, parts: dict[str, Any],
                                                     message: str) -> None:
    before = ws.snapshot()
    with pytest.raises(ValidationError, match=message):
        lr.save_lead_rules(ws, now=WED, **parts)
    assert ws.snapshot() == before


def test_cancel_leaves_rules_and_leads_as_they_were(ws: Workspace,
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(lr, "BATCH", 2)
    before, seen = ws.snapshot(), []

    def progress(done: int, total: int) -> bool:
        seen.append((done, total))
        return done < 2
    with pytest.raises(lr.RulesSaveCancelled, match="left as they were"):
        lr.save_lead_rules(ws, scoring=ScoringModel(), progress=progress, now=WED)
    assert seen == [(0, 4), (2, 4)]
    assert ws.snapshot() == before


def test_progress_counts_every_lead_and_undo_restores_everything(
        ws: Workspace, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(lr, "BATCH", 3)
    figures, seen = _figures(ws), []
    saved = lr.save_lead_rules(ws, scoring=ScoringModel(), sla=SlaPolicy(),
                               progress=lambda d, t: seen.append((d, t)) is None, now=WED)
    assert seen == [(0, 4), (3, 4), (4, 4)]
    assert _figures(ws) != figures
    prev = saved.previous
    lr.save_lead_rules(ws, segments=prev.segments, scoring=prev.scoring, sla=prev.sla,
                       hours=prev.hours, now=WED)
    restored = _figures(ws)
    assert {k: v[:-1] for k, v in restored.items()} == {k: v[:-1] for k, v in figures.items()}
    assert lr.current_rules(ws) == prev


def test_only_leads_whose_figures_change_are_written(ws: Workspace) -> None:
    versions = {k: v[-1] for k, v in _figures(ws).items()}
    saved = lr.save_lead_rules(ws, sla=SlaPolicy((*DEFAULT_POLICY.slas[:2],
                                                  Sla("cold", 2, SlaUnit.DAYS))), now=WED)
    assert saved.rescored == 1  # Bob, the only cold lead waiting
    after = {k: v[-1] for k, v in _figures(ws).items()}
    assert {k for k in after if after[k] != versions[k]} == {"Bob"}
    assert lr.save_lead_rules(ws, now=WED).rescored == 0


def test_rescore_leads_follows_a_change_made_outside_the_services(ws: Workspace) -> None:
    with ws.uow() as uow:
        lead_settings.save_scoring_model(uow, ScoringModel())
        uow.commit()
    bob = _lead_named(ws, "Bob")
    changes = lr.rescore_leads(ws, [bob.id], now=WED)
    assert changes.ids == (bob.id,) and changes.leads
    assert _lead_named(ws, "Bob").score == 0
    assert _lead_named(ws, "Ann").score == 60  # not asked for
