"""storage.lead_stats.contact_times on SQLite and PostgreSQL, against figures worked out
by hand in business hours (Monday to Friday, 09:00-17:00 in Paris, Thursday 26 November
2026 a holiday); its business-time ruler against domain.speed_to_lead on random moments."""

from __future__ import annotations

import random
from datetime import UTC, date, datetime, time, timedelta

import numpy as np
import pytest
import sqlalchemy as sa
from hypothesis import given, settings
from hypothesis import strategies as st

from salesdesk.domain.leads import LeadData, LeadStatus
from salesdesk.domain.members import Member
from salesdesk.domain.speed_to_lead import BusinessHours
from salesdesk.domain.speed_to_lead import contact_times as domain_contact_times
from salesdesk.storage import tables as t
from salesdesk.storage.lead_stats import (
    EPOCH,
    BusinessRuler,
    ContactTimeRow,
    contact_times,
    median_and_p90,
)
from salesdesk.storage.workspace import Workspace

HOURS = BusinessHours(opens=time(9), closes=time(17), zone="Europe/Paris",
                      holidays=frozenset({date(2026, 11, 26)}))
NOW = datetime(2026, 11, 25, 12, 0, tzinfo=UTC)  # Wednesday
NOVEMBER = datetime(2026, 11, 1, tzinfo=UTC)
US = timedelta(microseconds=1)


def at(day: int, hour: int, minute: int = 0, month: int = 11) -> datetime:
    return datetime(2026, month, day, hour, minute, tzinfo=UTC)


def lead(name: str, owner: str | None, source: str, received: datetime,
         contacted: datetime | None = None, due: datetime | None = None,
         status: LeadStatus = LeadStatus.NEW) -> LeadData:
    if contacted is not None and status is LeadStatus.NEW:
        status = LeadStatus.CONTACTED
    return LeadData(person_name=name, owner_id=owner, source=source, received_at=received,
                    first_contacted_at=contacted, sla_due_at=due, status=status)


@pytest.fixture
def ws(workspace: Workspace) -> tuple[Workspace, str, str]:
    """Times in UTC; Paris is UTC+1 in November, UTC+2 until Sunday 25 October."""
    ann, bob = Member(name="Ann Rep"), Member(name="Bob Rep")
    leads = [
        # Ann: 09:30 -> 11:00 Paris, 1.5 h, after its due time
        lead("a1", ann.id, "web", at(23, 8, 30), at(23, 10), due=at(23, 9, 30)),
        # arrived at Friday's closing, contacted Monday 09:30 Paris: 0.5 h, in time
        lead("a2", ann.id, "web", at(20, 16), at(23, 8, 30), due=at(23, 9)),
        # Wednesday 16:00 -> Friday 10:00 Paris over the Thursday holiday: 2 h, no SLA
        lead("a3", ann.id, "event", at(25, 15), at(27, 9)),
        lead("a4", ann.id, "event", at(24, 10), due=at(24, 12)),  # waiting, overdue
        lead("a5", ann.id, "", at(24, 10), due=at(24, 12),  # closed: not overdue
             status=LeadStatus.DISQUALIFIED),
        # Bob: Saturday -> Sunday: 0 h, in time
        lead("b1", bob.id, "web", at(21, 10), at(22, 12), due=at(23, 9)),
        # Monday 16:30 -> Tuesday 10:00 Paris: 1.5 h, late
        lead("b2", bob.id, "", at(23, 15, 30), at(24, 9), due=at(24, 8, 30)),
        lead("b3", bob.id, "web", at(23, 15), at(23, 15, 5)),  # deleted below
        # Unassigned: waiting, overdue
        lead("u1", None, "referral", at(23, 12), due=at(23, 13)),
        # 1 October, 10:00 -> 11:00 Paris (summer time): 1 h
        lead("u2", None, "referral", at(1, 8, month=10), at(1, 9, month=10)),
        # Friday 23 October 16:00 (summer) -> Monday 26 October 10:00 (winter): 2 h
        lead("u3", None, "referral", at(23, 14, month=10), at(26, 9, month=10))]
    with workspace.uow() as uow:
        uow.session.add_all([ann, bob])
        uow.commit()
    with workspace.uow() as uow:
        uow.leads.add_many(leads, "test")
        uow.commit()
    with workspace.engine.begin() as conn:
        conn.execute(sa.update(t.leads).where(t.leads.c.person_name == "b3")
                     .values(deleted_at=NOW))
    return workspace, ann.id, bob.id


def _times(ws: Workspace, by: str, since: datetime | None = None) -> list[ContactTimeRow]:
    with ws.engine.connect() as conn:
        return contact_times(conn, by, HOURS, since=since, now=NOW)  # type: ignore[arg-type]


def test_per_owner_in_business_hours(ws: tuple[Workspace, str, str]) -> None:
    workspace, ann, bob = ws
    assert _times(workspace, "owner") == [
        ContactTimeRow(ann, "Ann Rep", 5, 3, 1.5, 2.0, 1, 1, 2),
        ContactTimeRow(None, "Unassigned", 3, 2, 1.0, 2.0, 0, 1, 0),
        ContactTimeRow(bob, "Bob Rep", 2, 2, 0.0, 1.5, 1, 0, 2)]


def test_per_source_in_business_hours(ws: tuple[Workspace, str, str]) -> None:
    rows = _times(ws[0], "source")
    assert rows == [
        ContactTimeRow("referral", "referral", 3, 2, 1.0, 2.0, 0, 1, 0),
        ContactTimeRow("web", "web", 3, 3, 0.5, 1.5, 2, 0, 3),
        ContactTimeRow(None, "(no source)", 2, 1, 1.5, 1.5, 0, 0, 1),
        ContactTimeRow("event", "event", 2, 1, 2.0, 2.0, 0, 1, 0)]
    assert rows[1].within_sla_share == pytest.approx(2 / 3)
    assert rows[0].within_sla_share is None


def test_since_keeps_the_leads_received_from_then(ws: tuple[Workspace, str, str]) -> None:
    workspace, ann, _bob = ws
    rows = {r.label: r for r in _times(workspace, "owner", since=NOVEMBER)}
    assert rows["Unassigned"] == ContactTimeRow(None, "Unassigned", 1, 0, None, None, 0, 1, 0)
    assert rows["Ann Rep"] == ContactTimeRow(ann, "Ann Rep", 5, 3, 1.5, 2.0, 1, 1, 2)
    assert _times(workspace, "source", since=NOW + timedelta(days=30)) == []


def test_an_empty_workspace_and_an_unknown_grouping(workspace: Workspace) -> None:
    assert _times(workspace, "owner") == []
    with pytest.raises(ValueError, match="owner or source"):
        _times(workspace, "territory")


def _micros(moment: datetime) -> int:
    return (moment - EPOCH) // US


@settings(max_examples=60, deadline=None)
@given(zone=st.sampled_from(["UTC", "Europe/Paris", "America/New_York",
                             "Australia/Lord_Howe", "Asia/Kathmandu"]),
       days=st.frozensets(st.integers(0, 6), min_size=1),
       opens=st.integers(0, 11 * 60), length=st.integers(1, 12 * 60),
       holidays=st.frozensets(st.dates(date(2026, 1, 1), date(2027, 6, 30)), max_size=25),
       seed=st.integers(0, 2**32))
def test_the_ruler_measures_as_business_hours_between(
        zone: str, days: frozenset[int], opens: int, length: int,
        holidays: frozenset[date], seed: int) -> None:
    start = datetime.combine(date.min, time()) + timedelta(minutes=opens)
    hours = BusinessHours(days, start.time(), (start + timedelta(minutes=length)).time(),
                          holidays, zone)
    rnd = random.Random(seed)
    first = datetime(2025, 12, 1, tzinfo=UTC)
    starts = [first + timedelta(seconds=rnd.randint(0, 500 * 86400),
                                microseconds=rnd.randint(0, 999_999)) for _ in range(200)]
    ends = [s + timedelta(seconds=rnd.choice((rnd.randint(-86400, 10 * 86400),
                                              rnd.randint(0, 200 * 86400))))
            for s in starts]
    measured = BusinessRuler(hours).between(np.array([_micros(s) for s in starts]),
                                            np.array([_micros(e) for e in ends]))
    assert [int(m) * US for m in measured] == [hours.between(s, e)
                                              for s, e in zip(starts, ends, strict=True)]


@given(st.lists(st.integers(0, 10**12), min_size=1, max_size=60))
def test_median_and_p90_are_the_domains(values: list[int]) -> None:
    expected = domain_contact_times(("k", v * US) for v in values)["k"]
    median, p90 = median_and_p90(np.sort(np.array(values, dtype=np.int64)))
    assert (median, p90) == (expected.median / timedelta(hours=1),
                             expected.p90 / timedelta(hours=1))
