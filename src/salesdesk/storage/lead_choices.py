"""What the lead board's filter chips offer: reps, territories, sources and segments.

Cheap at a million leads: sources are read by a skip scan over ix_leads_source (one index
probe per distinct source) rather than a DISTINCT over every lead.
"""

from __future__ import annotations

from dataclasses import dataclass

import sqlalchemy as sa

from salesdesk.storage import tables as t


@dataclass(frozen=True)
class LeadChoices:
    owners: tuple[tuple[str, str], ...]
    """(member id, name) of active members, by name."""
    territories: tuple[tuple[str, str], ...]
    sources: tuple[str, ...]
    segments: tuple[str, ...]
    """Segment rule names in their order."""


SKIP_SCAN = sa.text("""
WITH RECURSIVE s(v) AS (
  SELECT MIN(source) FROM leads
  UNION ALL
  SELECT (SELECT MIN(source) FROM leads WHERE source > s.v) FROM s WHERE s.v IS NOT NULL
)
SELECT v FROM s WHERE v IS NOT NULL
""")


def lead_choices(conn: sa.Connection) -> LeadChoices:
    m, ter, seg = t.members, t.territories, t.lead_segments
    owners = conn.execute(sa.select(m.c.id, m.c.name).where(
        m.c.deleted_at.is_(None), m.c.left_on.is_(None)).order_by(m.c.name)).tuples().all()
    places = conn.execute(sa.select(ter.c.id, ter.c.name).where(
        ter.c.deleted_at.is_(None)).order_by(ter.c.name)).tuples().all()
    sources = tuple(str(v) for v in conn.execute(SKIP_SCAN).scalars() if v)
    segments = tuple(conn.execute(sa.select(seg.c.name).where(seg.c.deleted_at.is_(None))
                                  .order_by(seg.c.position, seg.c.name)).scalars())
    return LeadChoices(tuple(owners), tuple(places), sources, segments)
