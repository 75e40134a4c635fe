"""One lead as its detail panel shows it: every field, names for its owner and territory,
its score's explanation, its activities newest first and the deal it became, if any."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

import sqlalchemy as sa

from salesdesk.domain.lead_activities import LeadActivityKind
from salesdesk.domain.lead_scoring import ScorePart
from salesdesk.domain.leads import LeadStatus
from salesdesk.storage import tables as t

SHOWN_ACTIVITIES = 100


@dataclass(frozen=True)
class ActivityRow:
    id: str
    kind: LeadActivityKind
    at: datetime
    subject: str
    body: str
    actor: str


@dataclass(frozen=True)
class LeadDetail:
    id: str
    version: int
    person_name: str
    email: str | None
    phone: str
    job_title: str
    company: str
    sector: str
    country: str
    region: str
    postcode: str
    employees: int | None
    source: str
    campaign: str
    product_interest: str
    language: str
    status: LeadStatus
    status_reason: str
    segments: tuple[str, ...]
    manual_segments: tuple[str, ...]
    score: int
    score_parts: tuple[dict[str, Any], ...]
    owner_id: str | None
    owner: str
    territory_id: str | None
    territory: str
    received_at: datetime | None
    created_at: datetime
    first_contacted_at: datetime | None
    sla_due_at: datetime | None
    notes: str
    activities: tuple[ActivityRow, ...]
    deal_id: str | None
    deal_title: str

    @property
    def explanation(self) -> tuple[ScorePart, ...]:
        """The score's parts as the domain reads them (`points`, and `str(part)` or the
        UI's own wording for the label); a damaged stored part still reads."""
        return tuple(ScorePart.from_dict(p) for p in self.score_parts)


FIELDS = ("id", "version", "person_name", "email", "phone", "job_title", "company", "sector",
          "country", "region", "postcode", "employees", "source", "campaign",
          "product_interest", "language", "status", "status_reason", "segments",
          "manual_segments", "score", "score_parts", "owner_id", "territory_id",
          "received_at", "created_at", "first_contacted_at", "sla_due_at", "notes")


def _name(conn: sa.Connection, table: sa.Table, row_id: str | None) -> str:
    if row_id is None:
        return ""
    return str(conn.execute(sa.select(table.c.name).where(table.c.id == row_id))
               .scalar() or "")


def _activities(conn: sa.Connection, lead_id: str) -> tuple[ActivityRow, ...]:
    a = t.lead_activities
    rows = conn.execute(sa.select(a.c.id, a.c.kind, a.c.at, a.c.subject, a.c.body,
                                  a.c.updated_by)
                        .where(a.c.lead_id == lead_id, a.c.deleted_at.is_(None))
                        .order_by(a.c.at.desc(), a.c.id.desc()).limit(SHOWN_ACTIVITIES))
    return tuple(ActivityRow(r[0], LeadActivityKind(r[1]), r[2], r[3], r[4], r[5] or "")
                 for r in rows)


def lead_detail(conn: sa.Connection, lead_id: str) -> LeadDetail | None:
    """None when the lead does not exist or was deleted."""
    ld = t.leads
    row = conn.execute(sa.select(*(ld.c[f] for f in FIELDS)).where(
        ld.c.id == lead_id, ld.c.deleted_at.is_(None))).mappings().first()
    if row is None:
        return None
    d = t.deals
    deal = conn.execute(sa.select(d.c.id, d.c.title).where(
        d.c.lead_id == lead_id, d.c.deleted_at.is_(None)).order_by(d.c.created_on.desc())
    ).first()
    values = dict(row)
    values.update(status=LeadStatus(values["status"]),
                  segments=tuple(values["segments"] or ()),
                  manual_segments=tuple(values["manual_segments"] or ()),
                  score_parts=tuple(dict(p) for p in values["score_parts"] or ()))
    return LeadDetail(**values, owner=_name(conn, t.members, row["owner_id"]),
                      territory=_name(conn, t.territories, row["territory_id"]),
                      activities=_activities(conn, lead_id),
                      deal_id=deal[0] if deal else None, deal_title=deal[1] if deal else "")
