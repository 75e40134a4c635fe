"""Read side of the lead board: pages of frozen rows, sorted and filtered in SQL.

- Every sort has an index ending in id (tables.py), and a page is ordered by the column
  then id, so a page never sorts a tie group. Pages come by keyset (`after`, what the
  board's fetchMore uses: constant cost however deep) or by offset (a jump).
- Empty values sort last in both directions and on both backends (SQLite puts NULLs
  first, PostgreSQL last): a nullable sort reads its non-empty rows, then the empty ones
  by id, each through the same index.
- Filters: status, segment (through lead_segment_links), owner and territory (None: none
  set), source, SLA state (computed against `clock` as domain.speed_to_lead does), text
  (storage/lead_search.py). Filters of one kind are ORed, different kinds ANDed.
- `report` gives the figures of `salesdesk report leads --json`.
"""

from __future__ import annotations

import enum
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import datetime, timedelta
from typing import Any

import sqlalchemy as sa

from salesdesk.domain.leads import OPEN_STATUSES, LeadStatus
from salesdesk.domain.speed_to_lead import BusinessHours, SlaState
from salesdesk.domain.validation import name_key
from salesdesk.storage import tables as t
from salesdesk.storage.lead_search import search_clause

ld, links = t.leads, t.lead_segment_links
OPEN = tuple(s.value for s in OPEN_STATUSES)
PAGE = 100


class SortKey(enum.StrEnum):
    RECEIVED = "received"
    CREATED = "created"
    SCORE = "score"
    STATUS = "status"
    SOURCE = "source"
    SLA_DUE = "sla_due"
    PERSON = "person"
    COMPANY = "company"
    TERRITORY = "territory"


SORT_COLUMNS: dict[SortKey, sa.Column[Any]] = {
    SortKey.RECEIVED: ld.c.received_at, SortKey.CREATED: ld.c.created_at,
    SortKey.SCORE: ld.c.score, SortKey.STATUS: ld.c.status, SortKey.SOURCE: ld.c.source,
    SortKey.SLA_DUE: ld.c.sla_due_at, SortKey.PERSON: ld.c.person_key,
    SortKey.COMPANY: ld.c.company_key, SortKey.TERRITORY: ld.c.territory_id}


@dataclass(frozen=True)
class Clock:
    """`now`, and the moment before which a waiting lead's due time counts as due soon."""

    now: datetime
    soon_until: datetime

    @classmethod
    def at(cls, now: datetime, hours: BusinessHours | None = None,
           soon: timedelta = timedelta(minutes=30)) -> Clock:
        return cls(now, hours.add(now, soon) if hours is not None else now + soon)


@dataclass(frozen=True)
class LeadFilter:
    statuses: tuple[str, ...] = ()
    segments: tuple[str, ...] = ()
    owners: tuple[str | None, ...] = ()
    territories: tuple[str | None, ...] = ()
    sources: tuple[str, ...] = ()
    sla_states: tuple[SlaState, ...] = ()
    search: str = ""


@dataclass(frozen=True)
class LeadRow:
    id: str
    version: int
    person_name: str
    email: str | None
    company: str
    status: LeadStatus
    status_reason: str
    score: int
    source: str
    sector: str
    country: str
    product_interest: str
    segments: tuple[str, ...]
    owner_id: str | None
    territory_id: str | None
    received_at: datetime | None
    first_contacted_at: datetime | None
    sla_due_at: datetime | None
    owner: str = ""
    territory: str = ""


ROW_COLUMNS = (ld.c.id, ld.c.version, ld.c.person_name, ld.c.email, ld.c.company, ld.c.status,
               ld.c.status_reason, ld.c.score, ld.c.source, ld.c.sector, ld.c.country,
               ld.c.product_interest, ld.c.segments, ld.c.owner_id, ld.c.territory_id,
               ld.c.received_at, ld.c.first_contacted_at, ld.c.sla_due_at)


@dataclass(frozen=True)
class Cursor:
    """Where the last page ended: its sort value and id, and whether it was already among
    the rows without a value."""

    value: Any
    id: str
    empty: bool = False


@dataclass(frozen=True)
class LeadPage:
    rows: list[LeadRow]
    next: Cursor | None
    """None on the last page."""


# --- filters ---------------------------------------------------------------------------
def _nullable_in(column: Any, values: Sequence[str | None]) -> Any:
    given = [v for v in values if v is not None]
    parts = [column.in_(given)] if given else []
    if len(given) != len(values):
        parts.append(column.is_(None))
    return sa.or_(*parts)


def sla_clause(state: SlaState, clock: Clock, *, probe: bool = False) -> Any:
    """domain.speed_to_lead.lead_sla_state in SQL. `probe`: written so that SQLite cannot
    read it through ix_leads_waiting (the due time wrapped in a no-op coalesce), and walks
    the sort's index instead, testing each lead (see _waiting_is_big)."""
    due = sa.func.coalesce(ld.c.sla_due_at, ld.c.sla_due_at) if probe else ld.c.sla_due_at
    contacted = ld.c.first_contacted_at
    waiting = sa.and_(due.is_not(None), contacted.is_(None), ld.c.status.in_(OPEN))
    return {
        SlaState.NO_SLA: sa.or_(due.is_(None),
                                sa.and_(contacted.is_(None), ld.c.status.not_in(OPEN))),
        SlaState.MET: sa.and_(due.is_not(None), contacted.is_not(None), contacted <= due),
        SlaState.MISSED: sa.and_(due.is_not(None), contacted.is_not(None), contacted > due),
        SlaState.OVERDUE: sa.and_(waiting, due < clock.now),
        SlaState.DUE_SOON: sa.and_(waiting, due >= clock.now, due <= clock.soon_until),
        SlaState.ON_TIME: sa.and_(waiting, due > clock.soon_until),
    }[SlaState(state)]


BIG_SEGMENT = 5_000
"""From this many leads, a page probes each lead's links while it walks the sort's index
(it soon finds a page of them); a smaller segment is read first, all of it, instead (a
walk could read the whole book before finding a handful)."""


def _segments(keys: list[str], probe: bool) -> Any:
    if probe:
        return sa.exists().where(links.c.lead_id == ld.c.id, links.c.segment.in_(keys))
    return ld.c.id.in_(sa.select(links.c.lead_id).where(links.c.segment.in_(keys)))


def _is_big(conn: sa.Connection, keys: list[str]) -> bool:
    some = sa.select(links.c.lead_id).where(links.c.segment.in_(keys)).limit(BIG_SEGMENT)
    found = conn.execute(sa.select(sa.func.count()).select_from(some.subquery())).scalar()
    return int(found or 0) >= BIG_SEGMENT


def _waiting_is_big(conn: sa.Connection, states: tuple[SlaState, ...], clock: Clock) -> bool:
    """Whether at least BIG_SEGMENT live leads are in one of `states`. SQLite then finds a
    page faster by walking the sort's index and testing each lead (a few hundred rows to
    read) than by reading all of them through ix_leads_waiting and sorting (220,000 overdue
    leads in the benchmark's million: 600 ms). PostgreSQL's planner weighs this itself."""
    some = sa.select(ld.c.id).where(ld.c.deleted_at.is_(None),
                                    sa.or_(*(sla_clause(s, clock) for s in states)))
    found = conn.execute(sa.select(sa.func.count()).select_from(
        some.limit(BIG_SEGMENT).subquery())).scalar()
    return int(found or 0) >= BIG_SEGMENT


def where(conn: sa.Connection, f: LeadFilter, clock: Clock, *, paging: bool = False
          ) -> list[Any]:
    """The WHERE clauses of a filter (live leads only). `paging`: for one page in a sort's
    order (a big segment is then probed lead by lead, see BIG_SEGMENT)."""
    out: list[Any] = [ld.c.deleted_at.is_(None)]
    if f.statuses:
        out.append(ld.c.status.in_([LeadStatus(s).value for s in f.statuses]))
    if f.segments:
        keys = sorted({name_key(s) for s in f.segments})
        out.append(_segments(keys, paging and _is_big(conn, keys)))
    if f.owners:
        out.append(_nullable_in(ld.c.owner_id, f.owners))
    if f.territories:
        out.append(_nullable_in(ld.c.territory_id, f.territories))
    if f.sources:
        out.append(ld.c.source.in_([s.strip().lower() for s in f.sources]))
    if f.sla_states:
        probe = paging and conn.dialect.name == "sqlite" \
            and _waiting_is_big(conn, f.sla_states, clock)
        out.append(sa.or_(*(sla_clause(s, clock, probe=probe) for s in f.sla_states)))
    text = search_clause(conn, f.search)
    if text is not None:
        out.append(text)
    return out


# --- pages -----------------------------------------------------------------------------
def _rows(conn: sa.Connection, stmt: Any) -> list[tuple[LeadRow, Any]]:
    """(row, its sort value): the statement selects ROW_COLUMNS then the sort column."""
    found = []
    for r in conn.execute(stmt):
        values = list(r)
        values[5] = LeadStatus(values[5])
        values[12] = tuple(values[12] or ())
        found.append((LeadRow(*values[:-1]), values[-1]))
    return found


def _named(conn: sa.Connection, rows: list[LeadRow]) -> list[LeadRow]:
    """Owner and territory names for one page (one small query each)."""
    owners = {r.owner_id for r in rows if r.owner_id}
    places = {r.territory_id for r in rows if r.territory_id}
    names: dict[str, str] = {}
    for table, ids in ((t.members, owners), (t.territories, places)):
        if ids:
            names.update(conn.execute(sa.select(table.c.id, table.c.name)
                                      .where(table.c.id.in_(sorted(ids)))).tuples().all())
    return [replace(r, owner=names.get(r.owner_id or "", ""),
                    territory=names.get(r.territory_id or "", "")) for r in rows]


def _ordered(column: Any, descending: bool, *, with_value: bool = True) -> list[Any]:
    keys = [column, ld.c.id] if with_value else [ld.c.id]
    return [k.desc() for k in keys] if descending else keys


def _after(column: Any, cursor: Cursor, descending: bool) -> Any:
    if cursor.empty:
        return ld.c.id < cursor.id if descending else ld.c.id > cursor.id
    mine = sa.tuple_(column, ld.c.id)
    theirs = sa.tuple_(sa.literal(cursor.value, column.type), sa.literal(cursor.id))
    return mine < theirs if descending else mine > theirs


def page(conn: sa.Connection, f: LeadFilter = LeadFilter(), sort: SortKey = SortKey.RECEIVED,
         descending: bool = True, *, clock: Clock, limit: int = PAGE, offset: int = 0,
         after: Cursor | None = None) -> LeadPage:
    """One page of leads: by keyset after `after`, else from `offset`."""
    column = SORT_COLUMNS[SortKey(sort)]
    filters = where(conn, f, clock, paging=True)
    base = sa.select(*ROW_COLUMNS, column).where(*filters)
    found: list[tuple[LeadRow, Any]] = []
    if after is None or not after.empty:
        stmt = base.where(column.is_not(None)).order_by(*_ordered(column, descending))
        if after is not None:
            stmt = stmt.where(_after(column, after, descending))
        found = _rows(conn, stmt.offset(offset).limit(limit))
    if len(found) < limit and column.nullable:
        skip = 0
        if offset and after is None:
            filled = conn.execute(sa.select(sa.func.count()).select_from(ld).where(
                *filters, column.is_not(None))).scalar_one()
            skip = max(0, offset - int(filled))
        stmt = base.where(column.is_(None)).order_by(*_ordered(column, descending,
                                                                with_value=False))
        if after is not None and after.empty:
            stmt = stmt.where(_after(column, after, descending))
        found += _rows(conn, stmt.offset(skip).limit(limit - len(found)))
    last = Cursor(found[-1][1], found[-1][0].id, found[-1][1] is None) \
        if len(found) == limit else None
    return LeadPage(_named(conn, [r for r, _ in found]), last)


def count(conn: sa.Connection, f: LeadFilter = LeadFilter(), *, clock: Clock) -> int:
    stmt = sa.select(sa.func.count()).select_from(ld).where(*where(conn, f, clock))
    return int(conn.execute(stmt).scalar_one())


# --- the report ------------------------------------------------------------------------
def report(conn: sa.Connection, now: datetime) -> dict[str, Any]:
    """`salesdesk report leads --json`: live leads in total, per status (every status,
    zeros included), per segment (the rules' names; a hand-made segment under its key),
    open leads without an owner, and open leads not yet contacted past their SLA due time
    at `now`."""
    live = ld.c.deleted_at.is_(None)
    total = conn.execute(sa.select(sa.func.count()).select_from(ld).where(live)).scalar_one()
    # Every lead per status (an index-only read of ix_leads_status), less the deleted ones
    # if there are any: far cheaper at a million leads than reading every row to check it
    # is live (the total above counts through ix_leads_owner_status, which holds
    # deleted_at).
    by_status = dict.fromkeys((s.value for s in LeadStatus), 0)
    for k, n in conn.execute(sa.select(ld.c.status, sa.func.count()).group_by(ld.c.status)):
        by_status[str(k)] = int(n)
    if sum(by_status.values()) != total:
        for k, n in conn.execute(sa.select(ld.c.status, sa.func.count()).where(
                ld.c.deleted_at.is_not(None)).group_by(ld.c.status)):
            by_status[str(k)] -= int(n)
    seg = t.lead_segments
    names = {name_key(n): n for n in conn.execute(
        sa.select(seg.c.name).where(seg.c.deleted_at.is_(None))).scalars()}
    by_segment = dict.fromkeys(names.values(), 0)
    for key, n in conn.execute(sa.select(links.c.segment, sa.func.count())
                               .group_by(links.c.segment)):
        by_segment[names.get(key, key)] = int(n)
    open_ = sa.and_(live, ld.c.status.in_(OPEN))
    unassigned = conn.execute(sa.select(sa.func.count()).select_from(ld).where(
        open_, ld.c.owner_id.is_(None))).scalar_one()
    overdue = conn.execute(sa.select(sa.func.count()).select_from(ld).where(
        open_, ld.c.first_contacted_at.is_(None), ld.c.sla_due_at < now)).scalar_one()
    return {"total": int(total), "by_status": by_status, "by_segment": by_segment,
            "unassigned": int(unassigned), "overdue": int(overdue)}
