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
- On SQLite a filtered page first walks the sort's index testing each lead, under a step
  budget, and otherwise reads the filter's narrowest dimension through its index and
  sorts the matches (WALK_BUDGET says why). PostgreSQL's planner chooses for itself.
- `report` gives the figures of `salesdesk report leads --json`.
"""

from __future__ import annotations

import enum
from collections.abc import Callable, Sequence
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


def sla_clause(state: SlaState, clock: Clock, *, walk: bool = False,
               open_only: bool = False) -> Any:
    """domain.speed_to_lead.lead_sla_state in SQL (`walk`: see _walked). `open_only`: the
    filter keeps open leads only, so "no deadline" is just "no due time", which an index
    reads (the closed-and-never-contacted half of it cannot apply)."""
    due = _walked(ld.c.sla_due_at, walk)
    contacted = ld.c.first_contacted_at
    waiting = sa.and_(due.is_not(None), contacted.is_(None), ld.c.status.in_(OPEN))
    return {
        SlaState.NO_SLA: due.is_(None) if open_only else sa.or_(
            due.is_(None), sa.and_(contacted.is_(None), ld.c.status.not_in(OPEN))),
        SlaState.MET: sa.and_(due.is_not(None), contacted.is_not(None), contacted <= due),
        SlaState.MISSED: sa.and_(due.is_not(None), contacted.is_not(None), contacted > due),
        SlaState.OVERDUE: sa.and_(waiting, due < clock.now),
        SlaState.DUE_SOON: sa.and_(waiting, due >= clock.now, due <= clock.soon_until),
        SlaState.ON_TIME: sa.and_(waiting, due > clock.soon_until),
    }[SlaState(state)]


WALK_BUDGET = 300
"""How long (in thousands of SQLite virtual-machine steps, some 20-40 ms here) a filtered
page may walk the sort's index testing each lead before it gives up and reads the
filter's narrowest dimension through its own index and sorts those matches instead.
SQLite plans a filter by statistics that only know averages: left to itself it sorted
one territory's 125,000 leads of a million (1.8 s) and walked all million for the 47
without a territory (1.5 s); a walk finds a page of dense matches in milliseconds, a
sparse filter's matches are few to sort."""
COUNT_CAP = 50_000
"""A dimension's matches are counted up to this many to find the narrowest."""


def _walked(column: Any, walk: bool) -> Any:
    """The column, or (walk) the same values in a form SQLite reads through no index (a
    no-op coalesce), so that it tests each lead of the sort's order instead."""
    return sa.func.coalesce(column, column) if walk else column


def _segments(keys: list[str], walk: bool) -> Any:
    if walk:  # each lead's links probed
        return sa.exists().where(links.c.lead_id == ld.c.id, links.c.segment.in_(keys))
    return ld.c.id.in_(sa.select(links.c.lead_id).where(links.c.segment.in_(keys)))


def _count_up_to(conn: sa.Connection, ids: Any) -> int:
    found = conn.execute(sa.select(sa.func.count()).select_from(
        ids.limit(COUNT_CAP).subquery())).scalar()
    return int(found or 0)


Clauses = list[tuple[Any, Callable[[bool], Any]]]


def _clauses(f: LeadFilter, clock: Clock, sort: SortKey | None = None
             ) -> Clauses:
    """Per filter dimension: (a select of the ids matching it alone, its clause in either
    form: plain or walked). The dimension on the sort's own column is always plain: its
    index then serves both the order and the filter."""
    live = ld.c.deleted_at.is_(None)
    out: Clauses = []

    def add(make: Callable[[bool], Any], on: SortKey | None = None) -> None:
        form = make if on is None or on != sort else (lambda _walk: make(False))
        out.append((sa.select(ld.c.id).where(live, make(False)), form))

    if f.statuses:
        values = [LeadStatus(s).value for s in f.statuses]
        add(lambda walk: _walked(ld.c.status, walk).in_(values), SortKey.STATUS)
    if f.segments:
        keys = sorted({name_key(s) for s in f.segments})
        out.append((sa.select(links.c.lead_id).where(links.c.segment.in_(keys)),
                    lambda walk: _segments(keys, walk)))
    if f.owners:
        owners = f.owners
        add(lambda walk: _nullable_in(_walked(ld.c.owner_id, walk), owners))
    if f.territories:
        places = f.territories
        add(lambda walk: _nullable_in(_walked(ld.c.territory_id, walk), places),
            SortKey.TERRITORY)
    if f.sources:
        sources = [s.strip().lower() for s in f.sources]
        add(lambda walk: _walked(ld.c.source, walk).in_(sources), SortKey.SOURCE)
    if f.sla_states:
        states = f.sla_states
        open_only = bool(f.statuses) and all(LeadStatus(s).is_open for s in f.statuses)
        add(lambda walk: sa.or_(*(sla_clause(s, clock, walk=walk, open_only=open_only)
                                  for s in states)), SortKey.SLA_DUE)
    return out


def _assembled(conn: sa.Connection, f: LeadFilter, clauses: Clauses,
               walk: Callable[[int], bool]) -> list[Any]:
    """Live leads, dimension i of `clauses` walked when walk(i) (see _clauses), and the
    text search."""
    out = [ld.c.deleted_at.is_(None),
           *(make(walk(i)) for i, (_ids, make) in enumerate(clauses))]
    text = search_clause(conn, f.search)
    return out if text is None else [*out, text]


def where(conn: sa.Connection, f: LeadFilter, clock: Clock) -> list[Any]:
    """The WHERE clauses of a filter (live leads only), each through its index."""
    return _assembled(conn, f, _clauses(f, clock), lambda _i: False)


def _narrowest_first(conn: sa.Connection, f: LeadFilter, clock: Clock) -> list[Any]:
    """The filter with its narrowest dimension read through its index, the others tested
    lead by lead (SQLite: the caller sorts the matches)."""
    clauses = _clauses(f, clock)
    counts = [_count_up_to(conn, ids) for ids, _make in clauses]
    narrowest = min(range(len(counts)), key=counts.__getitem__)
    return _assembled(conn, f, clauses, lambda i: i != narrowest)


def _within_budget(conn: sa.Connection, stmt: Any) -> list[tuple[LeadRow, Any]] | None:
    """The rows of `stmt`, or None when SQLite ran WALK_BUDGET thousand steps first (the
    statement is interrupted; the connection stays usable)."""
    raw = conn.connection.driver_connection
    steps = [0]

    def tick() -> int:
        steps[0] += 1
        return int(steps[0] > WALK_BUDGET)

    raw.set_progress_handler(tick, 1000)  # type: ignore[union-attr]
    try:
        return _rows(conn, stmt)
    except sa.exc.OperationalError as exc:
        if "interrupt" not in str(exc.orig).lower():
            raise
        return None
    finally:
        raw.set_progress_handler(None, 0)  # type: ignore[union-attr]


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
    clauses = _clauses(f, clock, SortKey(sort))  # the sort's own column stays plain
    walked = conn.dialect.name == "sqlite" and bool(clauses)
    filters = _assembled(conn, f, clauses, lambda _i: walked)
    order = column
    found: list[tuple[LeadRow, Any]] | None = []
    if after is None or not after.empty:
        found = None
        for attempt in ("walk", "sort") if walked else ("plain",):
            if attempt == "sort":  # the walk ran out of budget: few matches, sort them
                filters, order = _narrowest_first(conn, f, clock), _walked(column, True)
            stmt = sa.select(*ROW_COLUMNS, column).where(*filters, column.is_not(None)) \
                .order_by(*_ordered(order, descending))
            if after is not None:
                stmt = stmt.where(_after(order, after, descending))
            stmt = stmt.offset(offset).limit(limit)
            found = _within_budget(conn, stmt) if attempt == "walk" else _rows(conn, stmt)
            if found is not None:
                break
    assert found is not None
    base = sa.select(*ROW_COLUMNS, column).where(*filters)
    if len(found) < limit and column.nullable:
        skip = 0
        if offset and after is None:
            filled = conn.execute(sa.select(sa.func.count()).select_from(ld).where(
                *filters, column.is_not(None))).scalar_one()
            skip = max(0, offset - int(filled))
        stmt = base.where(column.is_(None)).order_by(*_ordered(order, descending,
                                                                with_value=False))
        if after is not None and after.empty:
            stmt = stmt.where(_after(order, after, descending))
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
