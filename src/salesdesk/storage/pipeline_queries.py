"""Read side of the pipeline: the board (live, or replayed "as of" a past moment from the
stage history), the deal list, one deal's detail, and the pipeline summary report.

Everything is filtered, grouped and sorted in SQL; column totals are computed over every
matching deal even where only some cards are returned (won and lost columns).

Moments (`as_of`) are timezone-aware; a closed deal's day (its close period, and the card's
`closed_on`) is the UTC day it was won or lost, as domain.deals.utc_day gives it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, date, datetime, time, timedelta
from decimal import Decimal
from typing import Any

import sqlalchemy as sa

from salesdesk.domain.deals import DealLine
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
CENT = Decimal("0.01")


def pipelines(conn: sa.Connection) -> list[tuple[str, str]]:
    p = t.pipelines
    return [(r[0], r[1]) for r in conn.execute(
        sa.select(p.c.id, p.c.name).where(p.c.deleted_at.is_(None))
        .order_by(p.c.created_at, p.c.name, p.c.id))]


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
@dataclass(frozen=True)
class _Positions:
    """Where each deal stands, as column expressions over `source` (which holds the deals
    table): its stage, since when, and its value then (in cents, and as Money)."""

    source: sa.FromClause
    stage_id: Any
    entered_at: Any
    cents: Any
    as_of: datetime | None

    @property
    def value(self) -> Any:
        return sa.type_coerce(self.cents, Money)


def _positions(as_of: datetime | None, dialect: str) -> _Positions:
    """Live: the deals' own columns. As of a moment: each deal's last stage change at or
    before it (deals with none did not exist yet and are left out), in the order of
    domain.deals.history_order, with the value recorded at that change."""
    d = t.deals
    cents: Any
    if as_of is None:
        cents = sa.case((d.c.won_amount.is_not(None), sa.type_coerce(d.c.won_amount,
                                                                      sa.BigInteger)),
                        else_=sa.type_coerce(d.c.amount, sa.BigInteger))
        return _Positions(d, d.c.stage_id, d.c.stage_entered_at, cents, None)
    c = t.deal_stage_changes
    newest_first = (c.c.at.desc(), c.c.from_stage_id.is_(None), c.c.created_at.desc(),
                    c.c.id.desc())
    last: Any
    if dialect == "sqlite":  # one index seek per deal on (deal_id, at): twice as fast here
        last_id = (sa.select(c.c.id)
                   .where(c.c.deal_id == d.c.id, c.c.at <= as_of, c.c.deleted_at.is_(None))
                   .order_by(*newest_first).limit(1).correlate(d).scalar_subquery())
        last = c.alias("last")
        source = d.join(last, last.c.id == last_id)
    else:  # PostgreSQL: one sorted pass over the history, twice as fast as per-deal seeks
        rank = sa.func.row_number().over(partition_by=c.c.deal_id, order_by=newest_first)
        last = (sa.select(c.c.deal_id, c.c.to_stage_id, c.c.at, c.c.amount,
                          rank.label("rank"))
                .where(c.c.at <= as_of, c.c.deleted_at.is_(None)).subquery("last"))
        source = d.join(last, sa.and_(last.c.deal_id == d.c.id, last.c.rank == 1))
    cents = sa.func.coalesce(sa.type_coerce(last.c.amount, sa.BigInteger),
                             sa.type_coerce(d.c.amount, sa.BigInteger))
    return _Positions(source, last.c.to_stage_id, last.c.at, cents, as_of)


def _escape_like(text: str) -> str:
    return "%" + text.replace("/", "//").replace("%", "/%").replace("_", "/_") + "%"


def _utc_midnight(day: date) -> datetime:
    return datetime.combine(day, time(), tzinfo=UTC)


def _closed_between(pos: _Positions, first: date | None, last: date | None) -> Any:
    """Closed deals won or lost from `first` to `last` (each may be None: unbounded)."""
    d = t.deals
    bounds: list[Any] = []
    if pos.as_of is None:  # the day recorded on the deal
        day = sa.func.coalesce(d.c.won_on, d.c.lost_on)
        bounds += [day >= first] if first else []
        bounds += [day <= last] if last else []
    else:  # the UTC day of the move into the closed stage, as utc_day gives it
        bounds += [pos.entered_at >= _utc_midnight(first)] if first else []
        bounds += [pos.entered_at < _utc_midnight(last + timedelta(days=1))] if last else []
    return sa.and_(*bounds)


def _filtered(conn: sa.Connection, columns: list[Any], pipeline_id: str, flt: DealFilter,
              as_of: datetime | None, *, names: bool = True
              ) -> tuple[sa.Select[Any], _Positions]:
    """SELECT `columns` FROM the live deals matching `flt`, in live stages of the pipeline,
    joined to where they stand (then) and, when `names` or the filter needs them, to
    their account and owner."""
    _check_moment(as_of)
    d, a, m, s = t.deals, t.accounts, t.members, t.stages
    pos = _positions(as_of, conn.dialect.name)
    source = pos.source.join(s, s.c.id == pos.stage_id)
    if names or flt.territory_id or flt.search.strip():
        source = source.outerjoin(a, a.c.id == d.c.account_id)
    if names or flt.team_id:
        source = source.outerjoin(m, m.c.id == d.c.owner_id)
    stmt = (sa.select(*columns).select_from(source)
            .where(d.c.deleted_at.is_(None), d.c.pipeline_id == pipeline_id,
                   s.c.deleted_at.is_(None)))
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
    if flt.close_from or flt.close_to:
        is_open = s.c.outcome == "open"
        expected = [d.c.expected_close >= flt.close_from] if flt.close_from else []
        expected += [d.c.expected_close <= flt.close_to] if flt.close_to else []
        stmt = stmt.where(sa.or_(sa.and_(is_open, *expected),
                                 sa.and_(~is_open,
                                         _closed_between(pos, flt.close_from, flt.close_to))))
    if flt.search.strip():
        pattern = sa.func.lower(_escape_like(flt.search.strip()))
        stmt = stmt.where(sa.or_(*(sa.func.lower(col).like(pattern, escape="/") for col in (
            d.c.title, d.c.reference, a.c.name, d.c.contact_name))))
    return stmt, pos


def _check_moment(as_of: datetime | None) -> None:
    if as_of is not None and (as_of.tzinfo is None or as_of.utcoffset() is None):
        raise ValueError(f"as_of {as_of} has no time zone; give an aware moment")


def _probability() -> Any:
    d, s = t.deals, t.stages
    return sa.case((s.c.outcome == "open", sa.func.coalesce(d.c.probability, s.c.probability)),
                   else_=s.c.probability)


def _card_columns(pos: _Positions) -> list[Any]:
    d, a, m, r, s = t.deals, t.accounts, t.members, t.lost_reasons, t.stages
    outcome = sa.type_coerce(s.c.outcome, sa.String)  # text: no enum per row
    lost_reason = sa.case((outcome == "lost", sa.select(r.c.name)
                           .where(r.c.id == d.c.lost_reason_id).scalar_subquery()))
    closed_on = sa.func.coalesce(d.c.won_on, d.c.lost_on) if pos.as_of is None \
        else sa.null()
    return [d.c.id, d.c.version, pos.stage_id, d.c.title, d.c.reference, a.c.name,
            d.c.owner_id, m.c.name, pos.value, _probability(), d.c.expected_close,
            pos.entered_at, d.c.created_on, closed_on, lost_reason, outcome]


def _card(r: Any) -> DealCard:
    closed_on = None if r[15] == "open" else (r[13] or r[11].astimezone(UTC).date())
    return DealCard(r[0], r[1], r[2], r[3], r[4], r[5], r[6], r[7], r[8], r[9], r[10], r[11],
                    r[12], closed_on, r[14])


def _exact(total: Any, places: int = 2) -> Decimal:
    """A SUM of cents (of cents x percent when `places` is 4) as an exact amount: two
    decimals, or more only where the value has them (weighted amounts)."""
    value = Decimal(int(total or 0)).scaleb(-places)
    cents = value.quantize(CENT)
    return cents if cents == value else value.normalize()


def _totals(conn: sa.Connection, pipeline_id: str, flt: DealFilter, as_of: datetime | None,
            stage_rows: list[StageRow], summed: list[str]
            ) -> tuple[dict[str, tuple[int, Decimal, Decimal]], dict[str, int]]:
    """stage id -> (count, amount, weighted amount) over every matching deal in the
    `summed` stages, and stage id -> how many of its open deals are stale (longer in the
    stage than its rotting threshold, as domain.deals.is_rotting says: more than
    `rotting_days` whole days), at `as_of` or now. One query."""
    now = as_of or datetime.now(UTC)
    rotting = [(s.id, now - timedelta(days=s.rotting_days + 1)) for s in stage_rows
               if s.is_open and s.rotting_days is not None]
    stmt, pos = _filtered(conn, [], pipeline_id, flt, as_of, names=False)
    stale: Any = sa.literal(0)
    if rotting:
        stale = sa.case(*((sa.and_(pos.stage_id == sid, pos.entered_at <= bound), 1)
                          for sid, bound in rotting), else_=0)
    wanted = set(summed) | {sid for sid, _ in rotting}
    stmt = (stmt.with_only_columns(
        pos.stage_id, sa.func.count(), sa.func.sum(pos.cents, type_=sa.BigInteger),
        sa.func.sum(pos.cents * _probability(), type_=sa.BigInteger),
        sa.func.sum(stale, type_=sa.BigInteger))
        .where(pos.stage_id.in_(wanted)).group_by(pos.stage_id))
    totals, stale_counts = {}, {}
    for r in conn.execute(stmt):
        if r[0] in summed:
            totals[r[0]] = (int(r[1]), _exact(r[2]), _exact(r[3], 4))
        stale_counts[r[0]] = int(r[4] or 0)
    return totals, stale_counts


def _card_totals(cards: list[DealCard]) -> tuple[int, Decimal, Decimal]:
    """What _totals gives, from cards already read (every open card is): one query less
    on the board's hot path."""
    cents = [int(c.amount * 100) for c in cards]
    return (len(cards), _exact(sum(cents)),
            _exact(sum(x * c.probability for x, c in zip(cents, cards, strict=True)), 4))


OPEN_PAGE = 200
"""Cards per open column and per page when the board is read in pages (the tab does):
enough to fill any screen, few enough that a filter change redraws at once; scrolling
down reads the next page (stage_cards)."""


def _open_order(pos: _Positions) -> list[Any]:
    d = t.deals
    return [d.c.expected_close.is_(None), d.c.expected_close, pos.cents.desc(), d.c.id]


def board(conn: sa.Connection, pipeline_id: str, flt: DealFilter = NO_FILTER,
          as_of: datetime | None = None, closed_limit: int = CLOSED_CARDS,
          open_limit: int | None = None) -> Board:
    """One column per stage of the pipeline, with totals over every matching deal (and
    how many of them are stale). Open columns hold every card, or the first `open_limit`
    when given (stage_cards reads on); closed ones the `closed_limit` most recently closed.
    `as_of` (aware) replays the board at that moment from the stage history."""
    stage_rows = stages(conn, pipeline_id)
    open_ids = [s.id for s in stage_rows if s.is_open]
    summed = [s.id for s in stage_rows if not s.is_open or open_limit is not None]
    totals, stale = _totals(conn, pipeline_id, flt, as_of, stage_rows, summed)
    cards_stmt, pos = _filtered(conn, [], pipeline_id, flt, as_of)
    cards_stmt = cards_stmt.with_only_columns(*_card_columns(pos))
    by_stage: dict[str, list[DealCard]] = {s.id: [] for s in stage_rows}
    if open_ids and open_limit is None:
        stmt = cards_stmt.where(pos.stage_id.in_(open_ids)).order_by(*_open_order(pos))
        for r in conn.execute(stmt).all():
            by_stage[r[2]].append(_card(r))
        for stage_id in open_ids:
            if by_stage[stage_id]:
                totals[stage_id] = _card_totals(by_stage[stage_id])
    elif open_ids:
        for stage_id in open_ids:
            if stage_id in totals:
                stmt = (cards_stmt.where(pos.stage_id == stage_id)
                        .order_by(*_open_order(pos)).limit(open_limit))
                by_stage[stage_id] = [_card(r) for r in conn.execute(stmt).all()]
    for s in stage_rows:
        if not s.is_open and closed_limit > 0 and s.id in totals:
            stmt = (cards_stmt.where(pos.stage_id == s.id)
                    .order_by(pos.entered_at.desc(), t.deals.c.id).limit(closed_limit))
            by_stage[s.id] = [_card(r) for r in conn.execute(stmt).all()]
    zero = (0, Decimal("0.00"), Decimal("0.00"))
    return Board(as_of, tuple(BoardColumn(s, *totals.get(s.id, zero), tuple(by_stage[s.id]),
                                          stale.get(s.id, 0)) for s in stage_rows))


def stage_cards(conn: sa.Connection, pipeline_id: str, stage_id: str,
                flt: DealFilter = NO_FILTER, as_of: datetime | None = None, *,
                offset: int = 0, limit: int = OPEN_PAGE) -> list[DealCard]:
    """The next page of an open column, in the board's order."""
    stmt, pos = _filtered(conn, [], pipeline_id, flt, as_of)
    stmt = (stmt.with_only_columns(*_card_columns(pos)).where(pos.stage_id == stage_id)
            .order_by(*_open_order(pos)).offset(offset).limit(limit))
    return [_card(r) for r in conn.execute(stmt).all()]


def _label_key(pos: _Positions) -> Any:
    """What a card shows as its name: the title, else the account, else the reference."""
    d, a = t.deals, t.accounts
    return sa.func.lower(sa.func.coalesce(sa.func.nullif(d.c.title, ""), a.c.name,
                                          d.c.reference, ""))


DEAL_SORT: dict[str, Callable[[_Positions], Any]] = {
    "title": _label_key,
    "account": lambda pos: sa.func.lower(t.accounts.c.name),
    "owner": lambda pos: sa.func.lower(t.members.c.name),
    "stage": lambda pos: t.stages.c.position,
    "amount": lambda pos: pos.cents,
    "probability": lambda pos: _probability(),
    "expected_close": lambda pos: t.deals.c.expected_close,
    "created_on": lambda pos: t.deals.c.created_on,
}
"""The deal list's sort keys (column -> SQL expression). Deals without a value for the
key (no account, owner or close date) come last either way; ties go by deal id."""


def deal_list(conn: sa.Connection, pipeline_id: str, flt: DealFilter = NO_FILTER, *,
              as_of: datetime | None = None, order_by: str = "expected_close",
              descending: bool = False, offset: int = 0, limit: int = 500) -> list[DealCard]:
    """The list view: every matching deal, one page, sorted in SQL."""
    stmt, pos = _filtered(conn, [], pipeline_id, flt, as_of)
    key = DEAL_SORT.get(order_by, DEAL_SORT["expected_close"])(pos)
    stmt = (stmt.with_only_columns(*_card_columns(pos))
            .order_by(key.is_(None), key.desc() if descending else key, t.deals.c.id))
    return [_card(r) for r in conn.execute(stmt.offset(offset).limit(limit)).all()]


def deal_count(conn: sa.Connection, pipeline_id: str, flt: DealFilter = NO_FILTER,
               as_of: datetime | None = None) -> int:
    stmt, _ = _filtered(conn, [sa.func.count()], pipeline_id, flt, as_of, names=False)
    return int(conn.execute(stmt).scalar() or 0)


# --- one deal ---------------------------------------------------------------------------
def deal_detail(conn: sa.Connection, deal_id: str) -> DealDetail | None:
    """Everything the deal dialog shows: the deal with its lines, activities (open ones
    first, by due date), notes (newest first) and stage history (oldest first)."""
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
    return DealDetail(*values, _lines(conn, deal_id), _activities(conn, deal_id),
                      _notes(conn, deal_id), _history(conn, deal_id))  # type: ignore[call-arg]


def _lines(conn: sa.Connection, deal_id: str) -> tuple[DealLineRow, ...]:
    lines, p = t.deal_lines, t.products

    def amount(quantity: int, unit_price: Decimal, discount: Decimal) -> Decimal:
        # the domain's rule (half up to the cent), so the dialog shows what the deal sums
        return DealLine(deal_id=deal_id, position=0, product_id="", quantity=quantity,
                        unit_price=unit_price, discount=discount).amount

    return tuple(
        DealLineRow(x[0], x[1], x[2], x[3], x[4], amount(x[2], x[3], x[4]))
        for x in conn.execute(
            sa.select(lines.c.product_id, p.c.name, lines.c.quantity, lines.c.unit_price,
                      lines.c.discount).join(p, p.c.id == lines.c.product_id)
            .where(lines.c.deal_id == deal_id, lines.c.deleted_at.is_(None))
            .order_by(lines.c.position, lines.c.id)))


def _activities(conn: sa.Connection, deal_id: str) -> tuple[ActivityRow, ...]:
    act = t.deal_activities
    return tuple(ActivityRow(x[0], x[1], x[2].value, x[3], x[4], x[5]) for x in conn.execute(
        sa.select(act.c.id, act.c.version, act.c.kind, act.c.subject, act.c.due_on,
                  act.c.done_at)
        .where(act.c.deal_id == deal_id, act.c.deleted_at.is_(None))
        .order_by(act.c.done_at.is_not(None), act.c.due_on.is_(None), act.c.due_on,
                  act.c.created_at, act.c.id)))


def _notes(conn: sa.Connection, deal_id: str) -> tuple[NoteRow, ...]:
    n = t.deal_notes
    return tuple(NoteRow(*x) for x in conn.execute(
        sa.select(n.c.id, n.c.body, n.c.created_at, n.c.updated_by)
        .where(n.c.deal_id == deal_id, n.c.deleted_at.is_(None))
        .order_by(n.c.created_at.desc(), n.c.id)))


def _history(conn: sa.Connection, deal_id: str) -> tuple[StageChangeRow, ...]:
    c, to, src = t.deal_stage_changes, t.stages, t.stages.alias("src")
    return tuple(StageChangeRow(*x) for x in conn.execute(
        sa.select(c.c.at, src.c.name, to.c.name, c.c.amount, c.c.updated_by)
        .select_from(c.join(to, to.c.id == c.c.to_stage_id)
                     .outerjoin(src, src.c.id == c.c.from_stage_id))
        .where(c.c.deal_id == deal_id, c.c.deleted_at.is_(None))
        .order_by(c.c.at, c.c.from_stage_id.is_not(None), c.c.created_at, c.c.id)))


# --- report --------------------------------------------------------------------------
def pipeline_summary(conn: sa.Connection) -> dict[str, Any]:
    """Open stages of every pipeline with count, amount and weighted amount, and the won
    and lost totals; amounts as exact decimal text (weighted amounts keep the sub-cent
    digits amount x percent gives, so that they add up exactly)."""
    found = pipelines(conn)
    out: dict[str, Any] = {"stages": [], "won": {"count": 0, "amount": Decimal("0.00")},
                           "lost": {"count": 0, "amount": Decimal("0.00")}}
    for pipeline_id, name in found:
        pipeline_stages = stages(conn, pipeline_id)
        totals, _ = _totals(conn, pipeline_id, NO_FILTER, None, pipeline_stages,
                            [s.id for s in pipeline_stages])
        for stage in pipeline_stages:
            count, amount, weighted = totals.get(stage.id, (0, Decimal("0.00"),
                                                            Decimal("0.00")))
            if stage.is_open:
                entry = {"stage": stage.name, "count": count, "amount": str(amount),
                         "weighted_amount": str(weighted)}
                out["stages"].append({"pipeline": name, **entry} if len(found) > 1
                                     else entry)
            else:
                out[stage.outcome]["count"] += count
                out[stage.outcome]["amount"] += amount
    for key in ("won", "lost"):
        out[key]["amount"] = str(out[key]["amount"])
    return out
