"""Read side of the pipeline: the board (live, or replayed "as of" a past moment from the
stage history), the deal list, one deal's detail, and the pipeline summary report.

Everything is filtered, grouped and sorted in SQL; column totals are computed over every
matching deal even where only some cards are returned (won and lost columns).
"""

from __future__ import annotations

from datetime import datetime
from decimal import Decimal
from typing import Any

import sqlalchemy as sa

from salesdesk.storage import tables as t
from salesdesk.storage.rows import (
    ActivityRow,
    Board,
    BoardColumn,
    DealCard,
    DealDetail,
    DealFilter,
    DealLineRow,
    FilterChoices,
    NoteRow,
    StageChangeRow,
    StageRow,
)
from salesdesk.storage.types import Money

NO_FILTER = DealFilter()
CLOSED_CARDS = 100
"""Won and lost columns show the most recent deals; their totals count every one."""


def pipelines(conn: sa.Connection) -> list[tuple[str, str]]:
    p = t.pipelines
    return [(r[0], r[1]) for r in conn.execute(
        sa.select(p.c.id, p.c.name).where(p.c.deleted_at.is_(None))
        .order_by(p.c.created_at, p.c.name))]


def default_pipeline_id(conn: sa.Connection) -> str | None:
    found = pipelines(conn)
    return found[0][0] if found else None


def stages(conn: sa.Connection, pipeline_id: str | None = None) -> list[StageRow]:
    s = t.stages
    stmt = (sa.select(s.c.id, s.c.pipeline_id, s.c.name, s.c.position, s.c.probability,
                      s.c.category, s.c.outcome, s.c.rotting_days)
            .where(s.c.deleted_at.is_(None)).order_by(s.c.pipeline_id, s.c.position))
    if pipeline_id is not None:
        stmt = stmt.where(s.c.pipeline_id == pipeline_id)
    return [StageRow(r[0], r[1], r[2], r[3], r[4], r[5].value, r[6].value, r[7])
            for r in conn.execute(stmt)]


def filter_choices(conn: sa.Connection) -> FilterChoices:
    def pairs(table: sa.Table, *where: Any) -> tuple[tuple[str, str], ...]:
        stmt = (sa.select(table.c.id, table.c.name)
                .where(table.c.deleted_at.is_(None), *where).order_by(table.c.name))
        return tuple((r[0], r[1]) for r in conn.execute(stmt))

    return FilterChoices(pairs(t.members), pairs(t.teams), pairs(t.territories),
                         pairs(t.products), pairs(t.lost_reasons, t.lost_reasons.c.active))


# --- where each deal stands ------------------------------------------------------------
def _positions(as_of: datetime | None) -> sa.Subquery:
    """(deal_id, stage_id, entered_at, value) for every deal: from the deals themselves
    now, or from the last stage change at or before `as_of`."""
    d = t.deals
    if as_of is None:
        won_or_amount: Any = sa.case((d.c.won_amount.is_not(None), d.c.won_amount),
                                     else_=d.c.amount)
        return sa.select(d.c.id.label("deal_id"), d.c.stage_id,
                         d.c.stage_entered_at.label("entered_at"),
                         sa.type_coerce(won_or_amount, Money).label("value")).subquery("pos")
    c = t.deal_stage_changes
    rank = sa.func.row_number().over(partition_by=c.c.deal_id,
                                     order_by=(c.c.at.desc(), c.c.created_at.desc()))
    last = (sa.select(c.c.deal_id, c.c.to_stage_id.label("stage_id"),
                      c.c.at.label("entered_at"), c.c.amount, rank.label("rank"))
            .where(c.c.deleted_at.is_(None), c.c.at <= as_of).subquery("last"))
    value = sa.func.coalesce(last.c.amount, d.c.amount)
    return (sa.select(last.c.deal_id, last.c.stage_id, last.c.entered_at,
                      sa.type_coerce(value, Money).label("value"))
            .join(d, d.c.id == last.c.deal_id).where(last.c.rank == 1).subquery("pos"))


def _escape_like(text: str) -> str:
    return "%" + text.replace("/", "//").replace("%", "/%").replace("_", "/_") + "%"


def _filtered(columns: list[Any], pipeline_id: str, flt: DealFilter,
              as_of: datetime | None) -> tuple[sa.Select[Any], sa.Subquery]:
    """SELECT `columns` FROM the deals matching `flt` joined to where they stand."""
    d, a, m, s = t.deals, t.accounts, t.members, t.stages
    pos = _positions(as_of)
    stmt = (sa.select(*columns)
            .select_from(pos.join(d, d.c.id == pos.c.deal_id)
                         .join(s, s.c.id == pos.c.stage_id)
                         .outerjoin(a, a.c.id == d.c.account_id)
                         .outerjoin(m, m.c.id == d.c.owner_id))
            .where(d.c.deleted_at.is_(None), d.c.pipeline_id == pipeline_id))
    if flt.owner_ids:
        stmt = stmt.where(d.c.owner_id.in_(flt.owner_ids))
    if flt.team_id:
        stmt = stmt.where(m.c.team_id == flt.team_id)
    if flt.territory_id:
        stmt = stmt.where(a.c.territory_id == flt.territory_id)
    if flt.product_id:
        lines = t.deal_lines
        stmt = stmt.where(sa.exists().where(lines.c.deal_id == d.c.id,
                                            lines.c.product_id == flt.product_id,
                                            lines.c.deleted_at.is_(None)))
    is_open = s.c.outcome == "open"
    closed_day: Any = sa.func.coalesce(d.c.won_on, d.c.lost_on)
    if as_of is not None:  # closed as of then: the day of the move into the closed stage
        closed_day = sa.cast(pos.c.entered_at, sa.Date)
    if flt.close_from:
        stmt = stmt.where(sa.or_(sa.and_(is_open, d.c.expected_close >= flt.close_from),
                                 sa.and_(~is_open, closed_day >= flt.close_from)))
    if flt.close_to:
        stmt = stmt.where(sa.or_(sa.and_(is_open, d.c.expected_close <= flt.close_to),
                                 sa.and_(~is_open, closed_day <= flt.close_to)))
    if flt.search.strip():
        pattern = sa.func.lower(_escape_like(flt.search.strip()))
        stmt = stmt.where(sa.or_(*(sa.func.lower(col).like(pattern, escape="/") for col in (
            d.c.title, d.c.reference, a.c.name, d.c.contact_name))))
    return stmt, pos


def _probability() -> Any:
    d, s = t.deals, t.stages
    return sa.case((s.c.outcome == "open", sa.func.coalesce(d.c.probability, s.c.probability)),
                   else_=s.c.probability)


def _card_columns(pos: sa.Subquery) -> list[Any]:
    d, a, m, r = t.deals, t.accounts, t.members, t.lost_reasons
    lost_reason = (sa.select(r.c.name).where(r.c.id == d.c.lost_reason_id)
                   .scalar_subquery())
    return [d.c.id, d.c.version, pos.c.stage_id, d.c.title, d.c.reference, a.c.name,
            d.c.owner_id, m.c.name, pos.c.value, _probability(), d.c.expected_close,
            pos.c.entered_at, d.c.created_on, lost_reason]


def _card(r: Any, open_: bool) -> DealCard:
    closed_on = None if open_ else r[11].date()
    return DealCard(r[0], r[1], r[2], r[3], r[4], r[5], r[6], r[7], r[8], r[9], r[10], r[11],
                    r[12], closed_on, r[13] if not open_ else None)


def board(conn: sa.Connection, pipeline_id: str, flt: DealFilter = NO_FILTER,
          as_of: datetime | None = None, closed_limit: int = CLOSED_CARDS) -> Board:
    """One column per stage of the pipeline, with totals over every matching deal."""
    stage_rows = stages(conn, pipeline_id)
    d = t.deals
    probe, pos = _filtered([t.stages.c.id], pipeline_id, flt, as_of)
    cents = sa.type_coerce(pos.c.value, sa.BigInteger)  # sums of whole cents, exact
    totals_stmt = (probe.with_only_columns(
        pos.c.stage_id, sa.func.count(), sa.func.sum(cents, type_=sa.BigInteger),
        sa.func.sum(cents * _probability(), type_=sa.BigInteger))
        .group_by(pos.c.stage_id))
    totals = {r[0]: (int(r[1]), _cents(r[2]), _cents(r[3], 4)) for r in
              conn.execute(totals_stmt)}
    cards_stmt, pos = _filtered([], pipeline_id, flt, as_of)
    cards_stmt = cards_stmt.with_only_columns(*_card_columns(pos))
    open_ids = [s.id for s in stage_rows if s.is_open]
    by_stage: dict[str, list[DealCard]] = {s.id: [] for s in stage_rows}
    if open_ids:
        stmt = (cards_stmt.where(pos.c.stage_id.in_(open_ids))
                .order_by(d.c.expected_close.is_(None), d.c.expected_close,
                          pos.c.value.desc(), d.c.id))
        for r in conn.execute(stmt):
            by_stage[r[2]].append(_card(r, True))
    for s in stage_rows:
        if not s.is_open and closed_limit > 0:
            stmt = (cards_stmt.where(pos.c.stage_id == s.id)
                    .order_by(pos.c.entered_at.desc(), d.c.id).limit(closed_limit))
            by_stage[s.id] = [_card(r, False) for r in conn.execute(stmt)]
    columns = []
    for s in stage_rows:
        count, amount, weighted = totals.get(s.id, (0, Decimal("0.00"), Decimal("0.00")))
        columns.append(BoardColumn(s, count, amount, weighted, tuple(by_stage[s.id])))
    return Board(as_of, tuple(columns))


def _cents(value: Any, places: int = 2) -> Decimal:
    """A SUM of cents (of cents x percent when `places` is 4) as an exact amount."""
    return Decimal(int(value or 0)).scaleb(-places) if places != 2 else \
        Decimal(int(value or 0)).scaleb(-2).quantize(Decimal("0.01"))


DEAL_SORT = {"title": lambda: sa.func.lower(t.deals.c.title),
             "account": lambda: sa.func.lower(t.accounts.c.name),
             "owner": lambda: sa.func.lower(t.members.c.name),
             "stage": lambda: t.stages.c.position,
             "amount": lambda: sa.literal_column("value"),
             "probability": _probability,
             "expected_close": lambda: t.deals.c.expected_close,
             "created_on": lambda: t.deals.c.created_on}


def deal_list(conn: sa.Connection, pipeline_id: str, flt: DealFilter = NO_FILTER, *,
              as_of: datetime | None = None, order_by: str = "expected_close",
              descending: bool = False, offset: int = 0, limit: int = 500) -> list[DealCard]:
    """The list view: every matching deal, one page, sorted in SQL."""
    stmt, pos = _filtered([], pipeline_id, flt, as_of)
    stmt = stmt.with_only_columns(*_card_columns(pos), t.stages.c.outcome)
    key = DEAL_SORT.get(order_by, DEAL_SORT["expected_close"])()
    if order_by == "amount":
        key = pos.c.value
    stmt = stmt.order_by(key.desc() if descending else key, t.deals.c.id)
    return [_card(r, r[14].value == "open") for r in
            conn.execute(stmt.offset(offset).limit(limit))]


def deal_count(conn: sa.Connection, pipeline_id: str, flt: DealFilter = NO_FILTER,
               as_of: datetime | None = None) -> int:
    stmt, _ = _filtered([sa.func.count()], pipeline_id, flt, as_of)
    return int(conn.execute(stmt).scalar() or 0)


# --- one deal ---------------------------------------------------------------------------
def deal_detail(conn: sa.Connection, deal_id: str) -> DealDetail | None:
    d, a, m, s, r = t.deals, t.accounts, t.members, t.stages, t.lost_reasons
    row = conn.execute(
        sa.select(d.c.id, d.c.version, d.c.pipeline_id, d.c.stage_id, s.c.name, d.c.title,
                  d.c.reference, d.c.account_id, a.c.name, d.c.contact_name,
                  d.c.contact_email, d.c.owner_id, m.c.name, d.c.amount, d.c.probability,
                  s.c.probability, d.c.category, s.c.category, d.c.expected_close,
                  d.c.created_on, d.c.stage_entered_at, d.c.won_on, d.c.won_amount,
                  d.c.lost_on, r.c.name, d.c.next_step)
        .select_from(d.join(s, s.c.id == d.c.stage_id)
                     .outerjoin(a, a.c.id == d.c.account_id)
                     .outerjoin(m, m.c.id == d.c.owner_id)
                     .outerjoin(r, r.c.id == d.c.lost_reason_id))
        .where(d.c.id == deal_id, d.c.deleted_at.is_(None))).first()
    if row is None:
        return None
    values = list(row)
    values[16] = values[16].value if values[16] is not None else None
    values[17] = values[17].value
    lines, p = t.deal_lines, t.products
    line_rows = tuple(
        DealLineRow(x[0], x[1], x[2], x[3], x[4],
                    (x[3] * x[2] * (100 - x[4]) / 100).quantize(Decimal("0.01")))
        for x in conn.execute(
            sa.select(lines.c.product_id, p.c.name, lines.c.quantity, lines.c.unit_price,
                      lines.c.discount).join(p, p.c.id == lines.c.product_id)
            .where(lines.c.deal_id == deal_id, lines.c.deleted_at.is_(None))
            .order_by(lines.c.position)))
    act = t.deal_activities
    activities = tuple(ActivityRow(x[0], x[1], x[2].value, x[3], x[4], x[5]) for x in conn.execute(
        sa.select(act.c.id, act.c.version, act.c.kind, act.c.subject, act.c.due_on,
                  act.c.done_at)
        .where(act.c.deal_id == deal_id, act.c.deleted_at.is_(None))
        .order_by(act.c.done_at.is_not(None), act.c.due_on.is_(None), act.c.due_on,
                  act.c.created_at)))
    n = t.deal_notes
    notes = tuple(NoteRow(*x) for x in conn.execute(
        sa.select(n.c.id, n.c.body, n.c.created_at, n.c.updated_by)
        .where(n.c.deal_id == deal_id, n.c.deleted_at.is_(None))
        .order_by(n.c.created_at.desc())))
    c, src = t.deal_stage_changes, t.stages.alias("src")
    history = tuple(StageChangeRow(*x) for x in conn.execute(
        sa.select(c.c.at, src.c.name, s.c.name, c.c.amount, c.c.updated_by)
        .select_from(c.join(s, s.c.id == c.c.to_stage_id)
                     .outerjoin(src, src.c.id == c.c.from_stage_id))
        .where(c.c.deal_id == deal_id, c.c.deleted_at.is_(None)).order_by(c.c.at)))
    return DealDetail(*values, line_rows, activities, notes, history)  # type: ignore[call-arg]


# --- report --------------------------------------------------------------------------
def pipeline_summary(conn: sa.Connection) -> dict[str, Any]:
    """Open stages of every pipeline with count, amount and weighted amount, and the won
    and lost totals; amounts as exact decimal text."""
    several = len(pipelines(conn)) > 1
    out: dict[str, Any] = {"stages": [], "won": {"count": 0, "amount": Decimal("0.00")},
                           "lost": {"count": 0, "amount": Decimal("0.00")}}
    for pipeline_id, name in pipelines(conn):
        for col in board(conn, pipeline_id, closed_limit=0).columns:
            if col.stage.is_open:
                entry = {"stage": col.stage.name, "count": col.count,
                         "amount": str(col.amount),
                         "weighted_amount": str(col.weighted.quantize(Decimal("0.01")))}
                out["stages"].append({"pipeline": name, **entry} if several else entry)
            else:
                total = out[col.stage.outcome]
                total["count"] += col.count
                total["amount"] += col.amount
    for key in ("won", "lost"):
        out[key]["amount"] = str(out[key]["amount"])
    return out
