"""A small varied lead book for the storage tests, written as the services would."""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta

from salesdesk.domain.leads import LeadData, LeadStatus
from salesdesk.domain.members import Member
from salesdesk.domain.territories import Territory
from salesdesk.storage.workspace import Workspace

T0 = datetime(2026, 11, 2, 9, 0, tzinfo=UTC)
NAMES = ("Ann Lée", "Bob Roy", "Chloé Chen", "Dan Dubois", "Émile Zola", "Farid Haddad",
         "ann lee", "Zoe Park")
COMPANIES = ("Acme Inc.", "Globex", "Initech", "Umbrella", "", "acme")
SOURCES = ("web", "event", "referral", "partner", "")
SEGMENTS = ("hot", "warm", "cold", "price objection", "VIP")


@dataclass
class Book:
    leads: list[LeadData]
    members: dict[str, str] = field(default_factory=dict)  # name -> id
    territories: dict[str, str] = field(default_factory=dict)


def make_leads(n: int, seed: int = 3, members: tuple[str, ...] = (),
               territories: tuple[str, ...] = ()) -> list[LeadData]:
    rnd = random.Random(seed)
    out = []
    for i in range(n):
        status = rnd.choice(list(LeadStatus))
        contacted = T0 + timedelta(hours=i) if rnd.random() < 0.4 else None
        segments = rnd.sample(SEGMENTS, rnd.randint(0, 2))
        out.append(LeadData(
            person_name=rnd.choice(NAMES), company=rnd.choice(COMPANIES),
            email=f"p{i}@x{i % 7}.example" if rnd.random() < 0.8 else None,
            source=rnd.choice(SOURCES), status=status, score=rnd.choice((0, 10, 45, 45, 90)),
            segments=segments, received_at=T0 + timedelta(minutes=rnd.randint(0, 10_000)),
            sla_due_at=T0 + timedelta(hours=rnd.randint(-10, 400)) if rnd.random() < 0.7
            else None, first_contacted_at=contacted,
            owner_id=rnd.choice((None, *members)), territory_id=rnd.choice(
                (None, *territories)), notes="=1+1" if i == 0 else ""))
    return out


def book(ws: Workspace, n: int = 60) -> Book:
    """n leads with two reps and two territories, written by add_many in one unit."""
    reps = [Member(name="Ann Rep"), Member(name="Bob Rep")]
    places = [Territory(name="West"), Territory(name="East")]
    with ws.uow() as uow:
        for entity in (*reps, *places):
            uow.session.add(entity)
        uow.commit()
    leads = make_leads(n, members=tuple(m.id for m in reps),
                       territories=tuple(t.id for t in places))
    with ws.uow() as uow:
        uow.leads.add_many(leads, "book")
        uow.commit()
    return Book(leads, {m.name: m.id for m in reps}, {t.name: t.id for t in places})
