"""Read side of the forecast (issue 6): deals as they stood at a moment, the closed deals
to learn from, and the forecast snapshots table.

- `deal_states(conn, as_of)`: every live deal as it stood at `as_of`, replayed from
  deal_stage_changes exactly as the pipeline board replays it (pipeline_queries): its last
  change at or before the moment gives its stage, when it entered it and its value then;
  deals with no change by then did not exist yet and are left out. `as_of=None` reads the
  deals' own (live) columns. What the history does not record is read as it is now: the
  probability and category overrides, the expected close date, the owner (and so the
  team) and the account's territory.
- `closed_history(conn, before)`: every deal won or lost (by `before`, replayed), with the
  open stages it passed through, as numpy columns. SQL computes days as ordinals and money
  as cents; Python makes one pass to turn ids into codes.
- `SqlForecastSource(engine)`: the services.forecast.ForecastSource over a workspace.

Days of moments are UTC days (domain.deals.utc_day), as the board counts them.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Mapping, Sequence
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal
from typing import Any

import numpy as np
import sqlalchemy as sa

from salesdesk.domain.entity import new_id
from salesdesk.domain.forecast import ClosedHistory, DealState
from salesdesk.domain.pipeline import ForecastCategory, Outcome
from salesdesk.storage import tables as t
from salesdesk.storage.settings_queries import fiscal_start

CHUNK = 2000
"""Ids per IN (...) list: well under SQLite's and PostgreSQL's parameter limits."""
_ORDINAL_1970 = date(1970, 1, 1).toordinal()


# --- SQL building blocks ------------------------------------------------------------------
def _cents(column: Any) -> Any:
    """A Money column as its stored integer cents (no Decimal per row)."""
    return sa.type_coerce(column, sa.BigInteger)


def _ordinal(column: Any, dialect: str, moment: bool) -> Any:
    """date.toordinal() of a date column, or of a UTC moment's day, computed in SQL."""
    expr: Any
    if dialect == "sqlite":  # stored as ISO text; julianday('0001-01-01') = 1721425.5
        expr = sa.cast(sa.func.julianday(sa.func.date(column)) - 1721424.5, sa.Integer)
    else:
        day = sa.cast(sa.func.timezone("UTC", column), sa.Date) if moment else column
        expr = day - sa.literal_column("DATE '0001-01-01'") + 1
    return sa.type_coerce(expr, sa.Integer)


def _last_change(as_of: datetime, dialect: str, *, inclusive: bool = True
                 ) -> tuple[Any, Any, Any, Any]:
    """The deals joined to their last stage change at (or before) `as_of`, in the order of
    domain.deals.history_order, as pipeline_queries._positions replays them: (join
    source, stage id, moment, value cents at the change). Deals without one drop out."""
    d, c = t.deals, t.deal_stage_changes
    when = c.c.at <= as_of if inclusive else c.c.at < as_of
    newest_first = (c.c.at.desc(), c.c.from_stage_id.is_(None), c.c.created_at.desc(),
                    c.c.id.desc())
    last: Any
    if dialect == "sqlite":  # one index seek per deal on (deal_id, at)
        last_id = (sa.select(c.c.id).where(c.c.deal_id == d.c.id, when,
                                           c.c.deleted_at.is_(None))
                   .order_by(*newest_first).limit(1).correlate(d).scalar_subquery())
        last = c.alias("last")
        source = d.join(last, last.c.id == last_id)
        stage_id = last.c.to_stage_id
    else:  # PostgreSQL: one sorted pass over the history
        rank = sa.func.row_number().over(partition_by=c.c.deal_id, order_by=newest_first)
        last = (sa.select(c.c.deal_id, c.c.to_stage_id, c.c.at, c.c.amount,
                          rank.label("rank"))
                .where(when, c.c.deleted_at.is_(None)).subquery("last"))
        source = d.join(last, sa.and_(last.c.deal_id == d.c.id, last.c.rank == 1))
        stage_id = last.c.to_stage_id
    return source, stage_id, last.c.at, _cents(last.c.amount)


def _check_moment(moment: datetime | None) -> None:
    if moment is not None and (moment.tzinfo is None or moment.utcoffset() is None):
        raise ValueError(f"{moment} has no time zone; give an aware moment")


# --- deals as they stood ------------------------------------------------------------------
def _position(conn: sa.Connection, as_of: datetime | None) -> tuple[Any, Any, Any, Any]:
    """(join source, stage id, entered-at ordinal, value cents) of the deals at `as_of`."""
    d, dialect = t.deals, conn.dialect.name
    if as_of is None:
        value = sa.func.coalesce(_cents(d.c.won_amount), _cents(d.c.amount))
        return d, d.c.stage_id, _ordinal(d.c.stage_entered_at, dialect, True), value
    source, stage_id, at, cents = _last_change(as_of, dialect)
    return (source, stage_id, _ordinal(at, dialect, True),
            sa.func.coalesce(cents, _cents(d.c.amount)))


def deal_states(conn: sa.Connection, as_of: datetime | None) -> list[DealState]:
    """Every live deal as it stood at `as_of` (None: now, from the deals' own columns), in
    the order of their references, then ids (so that a forecast is the same on every
    backend and run)."""
    _check_moment(as_of)
    d, s, m, a, r = t.deals, t.stages, t.members, t.accounts, t.lost_reasons
    source, stage_id, entered, value = _position(conn, as_of)
    stmt = (sa.select(
        d.c.id, d.c.owner_id, m.c.team_id, a.c.territory_id, stage_id, s.c.name,
        sa.type_coerce(s.c.outcome, sa.String), value, d.c.probability, s.c.probability,
        sa.type_coerce(d.c.category, sa.String), sa.type_coerce(s.c.category, sa.String),
        _ordinal(d.c.expected_close, conn.dialect.name, False),
        _ordinal(d.c.created_on, conn.dialect.name, False), entered,
        _cents(d.c.won_amount), r.c.name, d.c.reference)
        .select_from(source.join(s, s.c.id == stage_id)
                     .outerjoin(m, m.c.id == d.c.owner_id)
                     .outerjoin(a, a.c.id == d.c.account_id)
                     .outerjoin(r, r.c.id == d.c.lost_reason_id))
        .where(d.c.deleted_at.is_(None)))
    # The Monte Carlo draws follow the deals' order: by reference, then id, sorted here
    # (not in SQL, whose collation differs by backend), the same on every backend and for
    # every import of the same file (the sample's ids are new at each import).
    rows = sorted(conn.execute(stmt), key=lambda r: (r[17] is None, r[17] or "", r[0]))
    return _states(rows)


_OUTCOMES = {o.value: o for o in Outcome}
_CATEGORIES = {c.value: c for c in ForecastCategory}


def _states(rows: Iterable[Any]) -> list[DealState]:
    """One pass: rows of `deal_states`'s SELECT as DealStates (days from ordinals, memoised:
    a workspace has far fewer distinct days than deals)."""
    days: dict[int, date] = {}

    def day(n: int) -> date:
        found = days.get(n)
        if found is None:
            found = days[n] = date.fromordinal(n)
        return found

    out = []
    for r in rows:
        outcome = _OUTCOMES[r[6]]
        is_open = outcome is Outcome.OPEN
        entered = day(r[14])
        value = Decimal(r[7] or 0).scaleb(-2)
        out.append(DealState(
            id=r[0], owner_id=r[1], team_id=r[2], territory_id=r[3], stage_id=r[4],
            stage=r[5], outcome=outcome, amount=value,
            probability=r[8] if is_open and r[8] is not None else r[9],
            stage_probability=r[9],
            category=_CATEGORIES[r[10] if is_open and r[10] else r[11]],
            expected_close=None if r[12] is None else day(r[12]),
            created_on=min(day(r[13]), entered),
            stage_entered_on=entered, closed_on=None if is_open else entered,
            won_amount=value if outcome is Outcome.WON else None,
            lost_reason=r[16] if outcome is Outcome.LOST else None))
    return out


# --- closed deals to learn from -----------------------------------------------------------
def closed_history(conn: sa.Connection, before: datetime | None = None) -> ClosedHistory:
    """Every live deal won or lost (as it stood just before `before`; None: now), with the
    open stages it passed through."""
    _check_moment(before)
    d, s, m, a, c = t.deals, t.stages, t.members, t.accounts, t.deal_stage_changes
    dialect = conn.dialect.name
    if before is None:
        source, stage_id = d, d.c.stage_id
        closed = _ordinal(d.c.stage_entered_at, dialect, True)
        value = sa.func.coalesce(_cents(d.c.won_amount), _cents(d.c.amount))
    else:
        source, stage_id, at, cents = _last_change(before, dialect, inclusive=False)
        closed = _ordinal(at, dialect, True)
        value = sa.func.coalesce(cents, _cents(d.c.amount))
    outcome = sa.type_coerce(s.c.outcome, sa.String)
    deals = conn.execute(
        sa.select(d.c.id, outcome == "won", value,
                  _ordinal(d.c.created_on, dialect, False), closed, d.c.owner_id,
                  m.c.team_id, a.c.territory_id)
        .select_from(source.join(s, s.c.id == stage_id)
                     .outerjoin(m, m.c.id == d.c.owner_id)
                     .outerjoin(a, a.c.id == d.c.account_id))
        .where(d.c.deleted_at.is_(None), outcome != "open")
        .order_by(d.c.id)).all()
    visits = sa.select(c.c.deal_id, c.c.to_stage_id, _ordinal(c.c.at, dialect, True)).join(
        s, s.c.id == c.c.to_stage_id).where(
        c.c.deleted_at.is_(None), sa.type_coerce(s.c.outcome, sa.String) == "open")
    if before is not None:
        visits = visits.where(c.c.at < before)
    return _history(deals, conn.execute(visits).all())


def _history(deals: Sequence[Any], visits: Sequence[Any]) -> ClosedHistory:
    ids = [r[0] for r in deals]
    row_of = {deal_id: i for i, deal_id in enumerate(ids)}
    cols = list(zip(*deals, strict=True)) if deals else [()] * 8
    won = np.array(cols[1], dtype=bool)
    cents = np.array(cols[2], dtype=np.int64)
    closed = np.array(cols[4], dtype=np.int32)
    owners, teams, territories = _codes(cols[5]), _codes(cols[6]), _codes(cols[7])
    kept = [v for v in visits if v[0] in row_of]
    stages = _codes([v[1] for v in kept])
    return ClosedHistory(
        ids=ids, won=won, amount_cents=cents, won_cents=np.where(won, cents, 0),
        created=np.minimum(np.array(cols[3], dtype=np.int32), closed), closed=closed,
        owner=owners[0], team=teams[0], territory=territories[0], owners=owners[1],
        teams=teams[1], territories=territories[1], stages=stages[1],
        visit_deal=np.array([row_of[v[0]] for v in kept], dtype=np.int32),
        visit_stage=stages[0],
        visit_entered=np.array([v[2] for v in kept], dtype=np.int32))


def _codes(keys: Iterable[str | None]) -> tuple[np.ndarray, tuple[str, ...]]:
    """Dense codes in order of first appearance, -1 for None."""
    index: dict[str, int] = {}
    codes = [-1 if k is None else index.setdefault(k, len(index)) for k in keys]
    return np.array(codes, dtype=np.int32), tuple(index)


# --- names ----------------------------------------------------------------------------------
def deal_labels(conn: sa.Connection, ids: Collection[str]) -> dict[str, tuple[str, str]]:
    """deal id -> (label, owner's name): "Account / title" (the reference when the deal
    has no title), either alone when the other is missing."""
    d, a, m = t.deals, t.accounts, t.members
    found: dict[str, tuple[str, str]] = {}
    wanted = list(dict.fromkeys(ids))
    for i in range(0, len(wanted), CHUNK):
        stmt = (sa.select(d.c.id, a.c.name, d.c.title, d.c.reference, m.c.name)
                .select_from(d.outerjoin(a, a.c.id == d.c.account_id)
                             .outerjoin(m, m.c.id == d.c.owner_id))
                .where(d.c.id.in_(wanted[i:i + CHUNK])))
        for deal_id, account, title, reference, owner in conn.execute(stmt):
            name = title or reference or ""
            label = " / ".join(p for p in (account, name) if p) or deal_id[:8]
            found[deal_id] = (label, owner or "")
    return found


def scope_choices(conn: sa.Connection) -> list[tuple[str, str, str, str | None]]:
    """(kind, id, name, parent id) of every live member, team and territory."""
    out: list[tuple[str, str, str, str | None]] = []
    for kind, table in (("member", t.members), ("team", t.teams),
                        ("territory", t.territories)):
        parent = table.c.parent_id if kind == "territory" else sa.null()
        rows = conn.execute(sa.select(table.c.id, table.c.name, parent)
                            .where(table.c.deleted_at.is_(None)).order_by(table.c.name))
        out += [(kind, r[0], r[1], r[2]) for r in rows]
    return out


def history_span(conn: sa.Connection) -> tuple[date, date] | None:
    """UTC days of the first and last live stage change (None: none)."""
    c, dialect = t.deal_stage_changes, conn.dialect.name
    first, last = conn.execute(sa.select(
        sa.func.min(_ordinal(c.c.at, dialect, True)),
        sa.func.max(_ordinal(c.c.at, dialect, True))).where(c.c.deleted_at.is_(None))).one()
    return None if first is None else (date.fromordinal(first), date.fromordinal(last))


def close_span(conn: sa.Connection) -> tuple[date, date] | None:
    """The first and last day a live deal was won or lost (None: none is)."""
    d, dialect = t.deals, conn.dialect.name
    day = _ordinal(sa.func.coalesce(d.c.won_on, d.c.lost_on), dialect, False)
    first, last = conn.execute(sa.select(sa.func.min(day), sa.func.max(day))
                               .where(d.c.deleted_at.is_(None))).one()
    return None if first is None else (date.fromordinal(first), date.fromordinal(last))


# --- snapshots ------------------------------------------------------------------------------
SNAPSHOT_FIELDS = ("id", "period", "period_kind", "scope_kind", "scope_id", "as_of", "kind",
                   "figures", "adjustment", "comment", "deals", "created_at", "updated_by")


def snapshots(conn: sa.Connection, *, period: str | None = None, kind: str | None = None,
              with_deals: bool = True) -> list[dict[str, Any]]:
    """Live snapshots as dicts (SNAPSHOT_FIELDS), oldest first."""
    f = t.forecast_snapshots
    columns = [f.c[name] if with_deals or name != "deals" else sa.null().label("deals")
               for name in SNAPSHOT_FIELDS]
    stmt = sa.select(*columns).where(f.c.deleted_at.is_(None))
    if period is not None:
        stmt = stmt.where(f.c.period == period)
    if kind is not None:
        stmt = stmt.where(f.c.kind == kind)
    rows = conn.execute(stmt.order_by(f.c.created_at, f.c.id))
    return [dict(zip(SNAPSHOT_FIELDS, r, strict=True)) for r in rows]


def auto_key(period: str, scope_kind: str, scope_id: str | None) -> str:
    return f"{period}|{scope_kind}|{scope_id or ''}"


def add_snapshots(conn: sa.Connection, rows: Sequence[Mapping[str, Any]], actor: str,
                  now: datetime | None = None) -> list[str]:
    """Insert snapshots (dicts with SNAPSHOT_FIELDS but the id and stamps); an auto one
    whose period and scope already has one is skipped. The ids stored."""
    f = t.forecast_snapshots
    now = now or datetime.now(UTC)
    stored: list[str] = []
    for i, row in enumerate(rows):
        stamp = now + timedelta(microseconds=i)  # "oldest first" keeps the order given
        values = {k: row[k] for k in SNAPSHOT_FIELDS if k in row} | {
            "id": new_id(), "created_at": stamp, "updated_at": stamp, "updated_by": actor,
            "auto_key": (auto_key(row["period"], row["scope_kind"], row["scope_id"])
                         if row["kind"] == "auto" else None)}
        if values["auto_key"] is not None and conn.execute(
                sa.select(f.c.id).where(f.c.auto_key == values["auto_key"])).first():
            continue
        if _insert_once(conn, values):
            stored.append(values["id"])
            _log(conn, values, actor, stamp)
    return stored


def _log(conn: sa.Connection, values: Mapping[str, Any], actor: str, at: datetime) -> None:
    """The change log's entry (the audit trail, and the sync outbox later): every field
    but the deal table, which it counts."""
    from salesdesk.storage.changelog import to_json

    changes = {k: [None, to_json(v)] for k, v in values.items()
               if k not in ("id", "deals", "created_at", "updated_at", "updated_by")}
    changes["deal_rows"] = [None, len((values.get("deals") or {}).get("rows", []))]
    conn.execute(sa.insert(t.change_log).values(
        id=new_id(), at=at, actor=actor, entity="forecast_snapshot", entity_id=values["id"],
        op="insert", changes=changes))


def _insert_once(conn: sa.Connection, values: dict[str, Any]) -> bool:
    """Insert; False when another client froze the same period and scope meanwhile."""
    if values["auto_key"] is None:
        conn.execute(sa.insert(t.forecast_snapshots).values(**values))
        return True
    if conn.dialect.name == "postgresql":
        from sqlalchemy.dialects.postgresql import insert
    else:
        from sqlalchemy.dialects.sqlite import insert  # type: ignore[assignment]
    stmt = (insert(t.forecast_snapshots).values(**values)
            .on_conflict_do_nothing(index_elements=["auto_key"])
            .returning(t.forecast_snapshots.c.id))  # rowcount is -1 here on psycopg
    return conn.execute(stmt).first() is not None


class SqlForecastSource:
    """services.forecast.ForecastSource over a workspace's engine. Each call opens its own
    connection (or transaction, to store snapshots): safe on the app's one worker thread."""

    def __init__(self, engine: sa.Engine, actor: str | None = None):
        from salesdesk.storage.uow import default_actor

        self.engine = engine
        self.actor = actor or default_actor()

    def fiscal_start(self) -> int:
        with self.engine.connect() as conn:
            return fiscal_start(conn)

    def deal_states(self, as_of: datetime | None) -> list[DealState]:
        with self.engine.connect() as conn:
            return deal_states(conn, as_of)

    def closed_history(self, before: datetime | None = None) -> ClosedHistory:
        with self.engine.connect() as conn:
            return closed_history(conn, before)

    def deal_labels(self, ids: Collection[str]) -> dict[str, tuple[str, str]]:
        with self.engine.connect() as conn:
            return deal_labels(conn, ids)

    def scope_choices(self) -> list[tuple[str, str, str, str | None]]:
        with self.engine.connect() as conn:
            return scope_choices(conn)

    def history_span(self) -> tuple[date, date] | None:
        with self.engine.connect() as conn:
            return history_span(conn)

    def close_span(self) -> tuple[date, date] | None:
        with self.engine.connect() as conn:
            return close_span(conn)

    def snapshots(self, *, period: str | None = None, kind: str | None = None,
                  with_deals: bool = True) -> list[dict[str, Any]]:
        with self.engine.connect() as conn:
            return snapshots(conn, period=period, kind=kind, with_deals=with_deals)

    def add_snapshots(self, rows: Sequence[Mapping[str, Any]]) -> list[str]:
        with self.engine.begin() as conn:
            return add_snapshots(conn, rows, self.actor)
