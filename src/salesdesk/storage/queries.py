"""Read side for tables and panels: frozen rows straight from SQL (no domain objects).

Tables that can hold many rows are paged, sorted and filtered in the database.
"""

from __future__ import annotations

from datetime import date
from typing import Any

import sqlalchemy as sa

from salesdesk.storage import tables as t
from salesdesk.storage.rows import (
    AccountRow,
    AssignmentRow,
    CoverageCounts,
    MemberRow,
    RuleValues,
    TeamRow,
    TerritoryRow,
)


def teams(conn: sa.Connection) -> list[TeamRow]:
    rows = conn.execute(sa.select(t.teams.c.id, t.teams.c.name)
                        .where(t.teams.c.deleted_at.is_(None)).order_by(t.teams.c.name))
    return [TeamRow(*r) for r in rows]


OPEN_LEAD_STATUSES = ("new", "contacted", "qualified", "nurturing")


def members(conn: sa.Connection, today: date | None = None) -> list[MemberRow]:
    today = today or date.today()
    m, mgr, tm = t.members, t.members.alias("mgr"), t.teams
    # One count per member through ix_leads_owner_status: a few ms at a million leads,
    # where grouping every open lead took most of a second.
    open_leads = (sa.select(sa.func.count()).select_from(t.leads)
                  .where(t.leads.c.owner_id == m.c.id,
                         t.leads.c.status.in_(OPEN_LEAD_STATUSES),
                         t.leads.c.deleted_at.is_(None))
                  .correlate(m).scalar_subquery())
    stmt = (sa.select(m.c.id, m.c.version, m.c.name, m.c.email, m.c.role, m.c.manager_id,
                      mgr.c.name, m.c.team_id, tm.c.name, m.c.hire_date, m.c.ramp_months,
                      m.c.capacity, open_leads, m.c.skills, m.c.left_on)
            .select_from(m.outerjoin(mgr, mgr.c.id == m.c.manager_id)
                         .outerjoin(tm, sa.and_(tm.c.id == m.c.team_id,
                                                tm.c.deleted_at.is_(None))))
            .where(m.c.deleted_at.is_(None)).order_by(m.c.name))
    covered = _territories_by_member(conn, today)
    rows = []
    for r in conn.execute(stmt):
        values = list(r)
        values[4] = getattr(values[4], "value", values[4])  # Role enum -> "rep"
        rows.append(MemberRow(*values, territories=tuple(covered.get(r[0], ()))))  # type: ignore[misc]
    return rows


def _territories_by_member(conn: sa.Connection, today: date) -> dict[str, list[str]]:
    a, tr = t.territory_assignments, t.territories
    stmt = (sa.select(a.c.member_id, tr.c.name).join(tr, tr.c.id == a.c.territory_id)
            .where(a.c.deleted_at.is_(None), tr.c.deleted_at.is_(None), a.c.start <= today,
                   sa.or_(a.c.end.is_(None), a.c.end >= today))
            .order_by(tr.c.name))
    result: dict[str, list[str]] = {}
    for member_id, name in conn.execute(stmt):
        result.setdefault(member_id, []).append(name)
    return result


def territories(conn: sa.Connection, today: date | None = None) -> list[TerritoryRow]:
    today = today or date.today()
    tr, acc = t.territories, t.accounts
    counts: dict[str, int] = dict(conn.execute(  # type: ignore[arg-type]
        sa.select(acc.c.territory_id, sa.func.count())
        .where(acc.c.deleted_at.is_(None), acc.c.territory_id.is_not(None))
        .group_by(acc.c.territory_id)).all())
    reps: dict[str, list[str]] = {}
    for a in assignments(conn):
        if a.start <= today and (a.end is None or a.end >= today):
            reps.setdefault(a.territory_id, []).append(a.member)
    rows = conn.execute(sa.select(tr.c.id, tr.c.version, tr.c.name, tr.c.parent_id,
                                  tr.c.criteria).where(tr.c.deleted_at.is_(None))
                        .order_by(tr.c.name))
    return [TerritoryRow(r[0], r[1], r[2], r[3], tuple(r[4]), counts.get(r[0], 0),
                         tuple(sorted(reps.get(r[0], ())))) for r in rows]


def assignments(conn: sa.Connection, territory_id: str | None = None) -> list[AssignmentRow]:
    a, m = t.territory_assignments, t.members
    stmt = (sa.select(a.c.id, a.c.territory_id, a.c.member_id, m.c.name, a.c.start, a.c.end)
            .join(m, m.c.id == a.c.member_id)
            .where(a.c.deleted_at.is_(None), m.c.deleted_at.is_(None))
            .order_by(m.c.name, a.c.start))
    if territory_id is not None:
        stmt = stmt.where(a.c.territory_id == territory_id)
    return [AssignmentRow(*r) for r in conn.execute(stmt)]


ACCOUNT_SORT: dict[str, Any] = {
    "name": sa.func.lower(t.accounts.c.name), "sector": t.accounts.c.sector,
    "country": sa.func.lower(t.accounts.c.country), "region": sa.func.lower(t.accounts.c.region),
    "employees": t.accounts.c.employees, "revenue_m": t.accounts.c.revenue_m}


def accounts(conn: sa.Connection, *, territory_id: str | None = None,
             unassigned: bool = False, search: str = "", order_by: str = "name",
             descending: bool = False, offset: int = 0, limit: int = 500) -> list[AccountRow]:
    acc, tr, parent = t.accounts, t.territories, t.accounts.alias("parent")
    stmt = (sa.select(acc.c.id, acc.c.name, acc.c.sector, acc.c.country, acc.c.region,
                      acc.c.postcode, acc.c.employees, acc.c.revenue_m, acc.c.territory_id,
                      tr.c.name, parent.c.name)
            .select_from(acc.outerjoin(tr, sa.and_(tr.c.id == acc.c.territory_id,
                                                   tr.c.deleted_at.is_(None)))
                         .outerjoin(parent, parent.c.id == acc.c.parent_id))
            .where(acc.c.deleted_at.is_(None)))
    stmt = _account_filters(stmt, territory_id, unassigned, search)
    column = ACCOUNT_SORT.get(order_by, ACCOUNT_SORT["name"])
    stmt = stmt.order_by(column.desc() if descending else column, acc.c.id)
    return [AccountRow(*r) for r in conn.execute(stmt.offset(offset).limit(limit))]


def _account_filters(stmt: Any, territory_id: str | None, unassigned: bool, search: str) -> Any:
    acc = t.accounts
    if territory_id is not None:
        stmt = stmt.where(acc.c.territory_id == territory_id)
    if unassigned:
        # A deleted territory keeps its accounts' territory_id until the rules are
        # evaluated again (so undoing the delete brings them back): they count as
        # unassigned meanwhile.
        live = sa.select(t.territories.c.id).where(t.territories.c.deleted_at.is_(None))
        stmt = stmt.where(sa.or_(acc.c.territory_id.is_(None), acc.c.territory_id.not_in(live)))
    if search:
        # lower() on both sides: the same function (see engine.py) whatever the backend
        pattern = "%" + search.replace("/", "//").replace("%", "/%").replace("_", "/_") + "%"
        stmt = stmt.where(sa.func.lower(acc.c.name).like(sa.func.lower(pattern), escape="/"))
    return stmt


def account_count(conn: sa.Connection, *, territory_id: str | None = None,
                  unassigned: bool = False, search: str = "") -> int:
    stmt = sa.select(sa.func.count()).select_from(t.accounts).where(
        t.accounts.c.deleted_at.is_(None))
    return int(conn.execute(_account_filters(stmt, territory_id, unassigned, search)).scalar()
               or 0)


def counts(conn: sa.Connection) -> dict[str, int]:
    """How much the workspace holds (for the status bar and the empty-workspace offer)."""
    result = {}
    for name in ("members", "accounts", "products", "territories", "leads", "deals"):
        table = t.metadata.tables[name]
        result[name] = int(conn.execute(sa.select(sa.func.count()).select_from(table)
                                        .where(table.c.deleted_at.is_(None))).scalar() or 0)
    return result


def coverage_counts(conn: sa.Connection) -> CoverageCounts:
    total = account_count(conn)
    unassigned = account_count(conn, unassigned=True)
    return CoverageCounts(total, total - unassigned, unassigned)


def rule_values(conn: sa.Connection, limit: int = 2000) -> RuleValues:
    def distinct(column: Any) -> tuple[str, ...]:
        stmt = (sa.select(column).where(t.accounts.c.deleted_at.is_(None), column != "")
                .distinct().order_by(column).limit(limit))
        return tuple(str(v) for v in conn.scalars(stmt) if v)

    acc = t.accounts.c
    return RuleValues(distinct(acc.country), distinct(acc.region), distinct(acc.sector))
