"""Read side of the "leaky bucket" analysis: conversion funnel, win/loss, leaderboard and
lead source effectiveness, each grouped by one dimension and computed in SQL.

Definitions (the same in the app, the CLI and the exports):

- Dimension (`by`): member = the deal's owner, team = the owner's team, territory = the
  account's territory, segment = the account's sector, source = the source of the lead the
  deal came from (deals.lead_id), product = each product on the deal's live lines. A deal
  counts once under each product it holds, with its whole won amount, so product rows can
  add up to more than the total; every other dimension splits the deals. Deals without
  the attribute are grouped under "(no owner)", "(no team)", "(no territory)",
  "(no segment)", "(no lead)" / "(no source)" or "(no product)". The last row of every
  report except the leaderboard is the company total, key TOTAL, each deal counted once.
- Period (`period`, a domain.periods.Period; None = all time): won, lost, win rate, won
  amount, deal size and cycle length count the deals won or lost on a day inside the
  period (deals.won_on / lost_on, the UTC day of the move). `open` counts the deals open
  at the end of the period, replayed from the live stage history (the stage a deal was
  in at the period's end, 00:00 UTC of the day after, is an open one); when the period
  has not ended yet (it holds today, or lies ahead) that is the deals open now.
- Funnel stages: a deal reached a stage when its live stage history entered that stage
  or a stage further down the funnel; with a period, only the moves inside the period
  count. The funnel runs through the open stages by position, then the won stage, so a
  deal created straight into a later stage (as imports do), or won from the first
  stage, still counts in the stages before; a deal moved back counts where it got to.
  The lost stage counts the deals that entered it (reopened ones too). Drop-off = reached
  at a stage minus reached at the next. Stages of several pipelines merge by name.
- Win rate = won / (won + lost), None without closed deals. Average deal = won amount /
  won. Sales cycle = days from created_on to won_on of the won deals (mean and median).
  Velocity = open x win rate x average deal / mean cycle, an amount per day (exact until
  rounded to the cent); None without won deals or when the mean cycle is 0 days.
- Loss reasons: the deals lost in the period per reason ("(no reason)" when none was
  recorded), their amount when lost, and their share of the key's lost deals. Feedback:
  the notes on the deals won or lost in the period, per key and reason ("(won)" for won
  deals): how many, and the LATEST_NOTES most recent.
- Activities: live activities on live deals, in the period by their due day (an undated
  one by when it was done, else when it was created); done = has done_at; overdue = not
  done and due before today. The leaderboard's "activities" counts the done ones.
- Lead sources: the leads created in the period, converted ones (status "converted"),
  and the deals made from them (deals.lead_id) as they stand now.
- Coverage against quota is not available until quotas exist (issue 5): a None with a note.

Speed (100,000 deals on SQLite: each report in a few hundred milliseconds): no query
looks up a dimension table per deal. Deals are grouped by the column their key
follows first, and the few groups are joined to members, teams, accounts, ... after; the
stage history is scanned once per report, grouping per deal only the moves that need it.

Amounts are exact: sums of whole cents in SQL, Decimals in Python.

The rows returned are in storage/analysis_rows.py; the arithmetic on the counts (cycle
statistics, velocity, drop-off, ranking) is in domain/analysis.py.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time
from decimal import ROUND_HALF_UP, Decimal
from fractions import Fraction
from typing import Any

import sqlalchemy as sa

from salesdesk.domain.analysis import (
    ASCENDING_METRICS,
    CENT,
    METRICS,
    competition_rank,
    drop_offs,
    mean_of_counts,
    median_of_counts,
    velocity,
)
from salesdesk.domain.errors import ValidationError
from salesdesk.domain.periods import Period, parse_period
from salesdesk.storage import tables as t
from salesdesk.storage.analysis_rows import (
    ActivityCountRow,
    FeedbackRow,
    FunnelRow,
    LeaderRow,
    LossReasonRow,
    MetricsRow,
    NoteExcerpt,
    SourceRow,
    StageReach,
    WinLossReport,
)
from salesdesk.storage.settings_queries import fiscal_start

TOTAL = "(total)"
DIMENSIONS = ("member", "team", "territory", "product", "source", "segment")
LATEST_NOTES = 3
_WON_RANK = 1_000_000
"""Funnel rank of the won stage: after every open stage, whatever the positions."""


# --- the period -------------------------------------------------------------------------
def period_named(conn: sa.Connection, text: str) -> Period:
    """'2017', '2017-Q3', '2017-07', ... in the workspace's fiscal calendar."""
    return parse_period(text, fiscal_start(conn))


def _midnight(day: date) -> datetime:
    return datetime.combine(day, time(), tzinfo=UTC)


@dataclass(frozen=True)
class _Scope:
    period: Period | None
    now: datetime

    def days(self, column: Any) -> list[Any]:
        """`column` (a date) inside the period."""
        p = self.period
        return [] if p is None else [column >= p.start, column < p.end]

    def moments(self, column: Any) -> list[Any]:
        """`column` (a UTC moment) inside the period."""
        p = self.period
        return [] if p is None else [column >= _midnight(p.start), column < _midnight(p.end)]

    @property
    def replay_at(self) -> datetime | None:
        """The moment open deals are counted at; None = now, from the deals themselves."""
        if self.period is None or self.period.end > self.now.date():
            return None
        return _midnight(self.period.end)


def _scope(period: Period | None, now: datetime | None) -> _Scope:
    return _Scope(period, now or datetime.now(UTC))


# --- dimensions -----------------------------------------------------------------------
Join = Callable[[Any], Any]
Build = Callable[[str | None], sa.Select[Any]]
Keyed = list[tuple[str, tuple[Any, ...]]]


def _same(source: Any) -> Any:
    return source


def _named(column: Any, missing: str) -> Any:
    return sa.func.coalesce(sa.func.nullif(column, ""), missing)


def _check(by: str) -> str:
    if by not in DIMENSIONS:
        raise ValidationError(f"'{by}' is not a dimension ({', '.join(DIMENSIONS)})",
                              field="by")
    return by


def _fk(by: str | None) -> tuple[Any | None, Join]:
    """The column a deal's key follows (one of the deal's own foreign keys, or the product
    of each of its lines) and the join that column needs on a FROM holding `deals`."""
    d = t.deals
    if by is None:
        return None, _same
    if by in ("member", "team"):
        return d.c.owner_id, _same
    if by in ("territory", "segment"):
        return d.c.account_id, _same
    if by == "source":
        return d.c.lead_id, _same
    _check(by)
    lines = t.deal_lines
    held = (sa.select(_scanned(lines.c.deal_id).label("deal_id"), lines.c.product_id)
            .distinct().where(lines.c.deleted_at.is_(None)).subquery("held"))
    return held.c.product_id, lambda f: f.outerjoin(held, held.c.deal_id == d.c.id)


def _key_of(by: str, fk: Any) -> tuple[Any, Join]:
    """The key for a value `fk` of the dimension's column, and the joins it needs."""
    m, a = t.members, t.accounts
    if by == "member":
        return _named(m.c.name, "(no owner)"), lambda f: f.outerjoin(m, m.c.id == fk)
    if by == "team":
        tm = t.teams
        return _named(tm.c.name, "(no team)"), lambda f: (
            f.outerjoin(m, m.c.id == fk).outerjoin(tm, tm.c.id == m.c.team_id))
    if by == "territory":
        tr = t.territories
        return _named(tr.c.name, "(no territory)"), lambda f: (
            f.outerjoin(a, a.c.id == fk).outerjoin(tr, tr.c.id == a.c.territory_id))
    if by == "segment":
        return _named(a.c.sector, "(no segment)"), lambda f: f.outerjoin(a, a.c.id == fk)
    if by == "source":
        ld = t.leads
        key = sa.case((ld.c.id.is_(None), "(no lead)"), else_=_named(ld.c.source, "(no source)"))
        return key, lambda f: f.outerjoin(ld, ld.c.id == fk)
    p = t.products
    return _named(p.c.name, "(no product)"), lambda f: f.outerjoin(p, p.c.id == fk)


def _total_key() -> Any:
    return sa.literal_column(f"'{TOTAL}'", sa.String)


def _key(by: str | None) -> tuple[Any, Any | None, Join]:
    """(key column to select, key expression to group by, or None for the total, joins)."""
    if by is None:
        return _total_key().label("key"), None, _same
    fk, inner = _fk(by)
    key, outer = _key_of(by, fk)
    return key.label("key"), key, lambda f: outer(inner(f))


def _grouped(by: str | None, columns: Iterable[Any], *, source: Any = None,
             where: Iterable[Any] = (), group: Iterable[Any] = ()) -> sa.Select[Any]:
    """SELECT key, columns FROM source (default: deals) with the dimension's joins, over
    live deals, grouped by the key and `group`: for the few rows of a filtered set."""
    shown, key, join = _key(by)
    stmt = (sa.select(shown, *columns)
            .select_from(join(t.deals if source is None else source))
            .where(t.deals.c.deleted_at.is_(None), *where))
    grouping = [*([key] if key is not None else []), *group]
    return stmt.group_by(*grouping) if grouping else stmt


def _scanned(column: Any) -> Any:
    """`column` as a grouping key SQLite cannot match to an index: grouping by an indexed
    column, SQLite walks the index and fetches every row at random, 3-4 times slower than
    scanning the table and sorting (measured on 200,000 stage changes). PostgreSQL
    hashes either way."""
    return sa.cast(column.concat(""), column.type)  # the cast keeps the column's affinity


def _rolled(by: str | None, sums: Sequence[Any], *, source: Any = None,
            where: Iterable[Any] = (), group: Sequence[Any] = ()) -> sa.Select[Any]:
    """SELECT key, group, sums over live deals in two steps: grouped first by the
    dimension's column (no lookup per deal: on SQLite those dominate), then the few groups
    joined to the dimension's tables and summed by key. `sums` must add up (counts, sums);
    `group` are named columns."""
    fk, join = _fk(by)
    fk = _scanned(fk) if fk is not None else None
    labelled = [s.label(f"s{i}") for i, s in enumerate(sums)]
    inner = (sa.select(*([fk.label("fk")] if fk is not None else []), *group, *labelled)
             .select_from(join(t.deals if source is None else source))
             .where(t.deals.c.deleted_at.is_(None), *where)
             .group_by(*([fk] if fk is not None else []), *group).subquery("grouped"))
    groups = [inner.c[g.name] for g in group]
    totals = [sa.func.sum(inner.c[s.name], type_=sa.BigInteger) for s in labelled]
    key, outer = (None, _same) if by is None else _key_of(by, inner.c.fk)
    stmt = (sa.select((key if key is not None else _total_key()).label("key"), *groups,
                      *totals).select_from(outer(inner)))
    grouping = [*([key] if key is not None else []), *groups]
    return stmt.group_by(*grouping) if grouping else stmt


def _keyed(conn: sa.Connection, by: str, build: Build, *, groups: int | None = None
           ) -> Keyed:
    """(key, values) of build(by), then of the company total (key TOTAL).

    When the dimension splits the deals (all but product) and `groups` is given, the
    total is summed here: values[:groups] are grouping columns, the rest are summed. Else
    build(None) runs in the same statement (UNION ALL), so a CTE both use runs once."""
    if groups is not None and by != "product":
        rows = [(r[0], tuple(r[1:])) for r in conn.execute(build(by))]
        return rows + _summed(rows, groups)
    return [(r[0], tuple(r[1:])) for r in conn.execute(sa.union_all(build(by), build(None)))]


def _summed(rows: Keyed, groups: int) -> Keyed:
    sums: dict[tuple[Any, ...], list[int]] = {}
    for _, values in rows:
        acc = sums.setdefault(values[:groups], [0] * (len(values) - groups))
        for i, v in enumerate(values[groups:]):
            acc[i] += int(v or 0)
    return [(TOTAL, (*k, *v)) for k, v in sums.items()]


def _order(key: str) -> tuple[int, str]:
    """Named keys alphabetically, then the placeholders, then the total."""
    return (2 if key == TOTAL else 1 if key.startswith("(") else 0, key.casefold())


# --- expressions ----------------------------------------------------------------------
def _cents(column: Any) -> Any:
    return sa.type_coerce(column, sa.BigInteger)


def _count_if(condition: Any) -> Any:
    return sa.func.sum(sa.case((condition, 1), else_=0), type_=sa.BigInteger)


def _sum_if(condition: Any, value: Any) -> Any:
    return sa.func.sum(sa.case((condition, value), else_=0), type_=sa.BigInteger)


def _days(conn: sa.Connection, later: Any, earlier: Any) -> Any:
    """Whole days from `earlier` to `later` (two dates)."""
    if conn.dialect.name == "sqlite":
        return sa.cast(sa.func.julianday(later) - sa.func.julianday(earlier), sa.Integer)
    return later - earlier


def _int(value: Any) -> int:
    return int(value or 0)


def _money(cents: Any) -> Decimal:
    return Decimal(_int(cents)).scaleb(-2).quantize(CENT)


def _float(value: Fraction | None) -> float | None:
    return None if value is None else float(value)


def _rate(part: int, whole: int) -> float | None:
    return part / whole if whole else None


def _all(conditions: list[Any]) -> Any:
    return sa.and_(*conditions) if conditions else sa.true()


# --- stages ---------------------------------------------------------------------------
@dataclass(frozen=True)
class _FunnelStage:
    name: str
    outcome: str
    rank: int | None
    """Open stages: their position; won: _WON_RANK; lost: None."""


@dataclass(frozen=True)
class _StageInfo:
    pipeline_id: str
    outcome: str
    rank: int | None
    """None for lost stages and for removed ones (outside the funnel)."""


@dataclass(frozen=True)
class _Stages:
    """Every stage, removed ones too (old history entries may name them), and the funnel
    of each live pipeline. Queries name stages by id, so they need no join to stages."""

    info: dict[str, _StageInfo]
    funnel: dict[str, list[_FunnelStage]]
    """Pipeline id -> its live stages in funnel order (open by position, won, lost)."""

    def ids(self, outcome: str) -> list[str]:
        return [k for k, v in self.info.items() if v.outcome == outcome]

    @property
    def rank(self) -> dict[str, int]:
        return {k: v.rank for k, v in self.info.items() if v.rank is not None}

    def rank_of(self, column: Any) -> Any:
        """The funnel rank of the stage id in `column`; NULL outside the funnel."""
        ranks = self.rank
        return sa.case(ranks, value=column, else_=None) if ranks else sa.null()


_OUTCOME_ORDER = {"open": 0, "won": 1, "lost": 2}


def _stages(conn: sa.Connection) -> _Stages:
    s, p = t.stages, t.pipelines
    rows = conn.execute(
        sa.select(s.c.id, s.c.pipeline_id, s.c.name, s.c.position, s.c.outcome,
                  sa.and_(s.c.deleted_at.is_(None), p.c.deleted_at.is_(None)))
        .join(p, p.c.id == s.c.pipeline_id).order_by(p.c.created_at, p.c.id, s.c.position))
    info: dict[str, _StageInfo] = {}
    funnel: dict[str, list[_FunnelStage]] = defaultdict(list)
    for stage_id, pipeline_id, name, position, outcome, live in rows:
        outcome = str(outcome.value)
        rank = position if outcome == "open" else _WON_RANK if outcome == "won" else None
        info[stage_id] = _StageInfo(pipeline_id, outcome, rank if live else None)
        if live:
            funnel[pipeline_id].append(_FunnelStage(name, outcome, rank))
    ordered = {k: sorted(v, key=lambda x: _OUTCOME_ORDER[x.outcome]) for k, v in funnel.items()}
    return _Stages(info, ordered)


def _won(scope: _Scope, stages: _Stages) -> Any:
    return sa.and_(t.deals.c.stage_id.in_(stages.ids("won")), *scope.days(t.deals.c.won_on))


def _lost(scope: _Scope, stages: _Stages) -> Any:
    return sa.and_(t.deals.c.stage_id.in_(stages.ids("lost")), *scope.days(t.deals.c.lost_on))


# --- closed deals, open deals and how far they got -------------------------------------
Bucket = tuple[str, int | None, bool]
"""(pipeline id, furthest funnel rank reached, entered a lost stage)."""


@dataclass
class _Tally:
    won: int = 0
    lost: int = 0
    open: int = 0
    won_cents: int = 0
    cycles: Counter[int] = field(default_factory=Counter)
    """Won deals by days from creation to win."""
    reached: Counter[Bucket] = field(default_factory=Counter)
    """How far the deals got (funnel only)."""

    @property
    def cycle_mean(self) -> Fraction | None:
        return mean_of_counts(self.cycles)

    @property
    def cycle_median(self) -> Fraction | None:
        return median_of_counts(self.cycles)

    @property
    def active(self) -> bool:
        return bool(self.won or self.lost or self.open or any(
            n and (top is not None or lost) for (_, top, lost), n in self.reached.items()))


def _reach(scope: _Scope, stages: _Stages) -> sa.CTE:
    """Per deal, from its live stage history: the furthest funnel rank (`top`) and whether
    it entered a lost stage (`lost`); only deals with such moves have a row.

    In a period: over the moves of the period. Over all time, from the moves down the
    funnel only: every stage a deal entered is the one it is in or one a later move left
    (from_stage_id), so the furthest is that of its current stage or of a stage it left
    moving down (into lost, or back). Those moves are few, so only they are grouped."""
    c = t.deal_stage_changes
    deal = _scanned(c.c.deal_id)
    lost_ids = stages.ids("lost")
    if scope.period is not None:
        top: Any = stages.rank_of(c.c.to_stage_id)
        lost: Any = c.c.to_stage_id.in_(lost_ids)
        where = scope.moments(c.c.at)
    else:
        top, went = stages.rank_of(c.c.from_stage_id), stages.rank_of(c.c.to_stage_id)
        lost = c.c.from_stage_id.in_(lost_ids)
        where = [sa.or_(sa.and_(top.is_not(None), sa.or_(went.is_(None), went < top)), lost)]
    return (sa.select(deal.label("deal_id"), sa.func.max(top).label("top"),
                      sa.func.max(sa.case((lost, 1), else_=0)).label("lost"))
            .where(c.c.deleted_at.is_(None), *where).group_by(deal).cte("reach"))


def _tallies(conn: sa.Connection, by: str, scope: _Scope, stages: _Stages, *,
             funnel: bool) -> dict[str, _Tally]:
    """Won, lost and open deals per key (and how far they got, for the funnel) in one pass
    over the deals, grouped by their stage, by their cycle length in days when won in the
    period (mean and median come from those counts) and by their _reach."""
    d = t.deals
    won_day, lost_day = _all(scope.days(d.c.won_on)), _all(scope.days(d.c.lost_on))
    cycle = sa.case((sa.and_(d.c.stage_id.in_(stages.ids("won")), won_day),
                     _days(conn, d.c.won_on, d.c.created_on)), else_=None)
    sums = [sa.func.count(), _count_if(won_day), _count_if(lost_day),
            _sum_if(won_day, _cents(d.c.won_amount))]
    group = [_scanned(d.c.stage_id).label("stage_id"), cycle.label("cycle")]
    source: Any = d
    if funnel:
        reach = _reach(scope, stages)
        source = d.outerjoin(reach, reach.c.deal_id == d.c.id)
        group += [reach.c.top, reach.c.lost]
    rows = _keyed(conn, by, lambda b: _rolled(b, sums, source=source, group=group),
                  groups=len(group))
    out: dict[str, _Tally] = defaultdict(_Tally)
    for key, values in rows:
        stage_id, days, *reach_, n, won, lost, cents = values
        x, stage = out[key], stages.info[stage_id]
        if stage.outcome == "won":
            x.won, x.won_cents = x.won + _int(won), x.won_cents + _int(cents)
            if days is not None:
                x.cycles[int(days)] += _int(won)
        elif stage.outcome == "lost":
            x.lost += _int(lost)
        else:
            x.open += _int(n)
        if funnel:
            x.reached[_bucket(stage, scope, *reach_)] += _int(n)
    return out


def _bucket(stage: _StageInfo, scope: _Scope, top: int | None, lost: int | None) -> Bucket:
    if scope.period is not None:  # what the deal entered in the period, if anything
        return stage.pipeline_id, top, bool(lost)
    ranks = [r for r in (stage.rank, top) if r is not None]
    return (stage.pipeline_id, max(ranks) if ranks else None,
            stage.outcome == "lost" or bool(lost))


def _open_then(conn: sa.Connection, by: str, at: datetime, stages: _Stages,
               tallies: dict[str, _Tally]) -> None:
    """Replace the deals open now by those open at `at`.

    Each move records the stage it left (from_stage_id: Deal.move, the importer and undo
    all keep that chain), so over a deal's moves open(to) - open(from) adds up
    (telescopes) to open(the stage it was in): summed over the moves before `at`, 1 for a
    deal open then, 0 otherwise, whatever the order of moves made at the same moment. Being
    a plain sum, it needs no grouping per deal; it runs over the moves before `at` or, when
    there are fewer, over the moves since (subtracted from the deals open now)."""
    c = t.deal_stage_changes
    before = _int(conn.execute(sa.select(sa.func.count()).where(c.c.at < at)).scalar())
    every = _int(conn.execute(sa.select(sa.func.count()).select_from(c)).scalar())
    since = 2 * before > every

    def is_open(column: Any) -> Any:
        return sa.case((column.in_(stages.ids("open")), 1), else_=0)

    delta = sa.func.sum(is_open(c.c.to_stage_id) - is_open(c.c.from_stage_id))
    source = c.join(t.deals, t.deals.c.id == c.c.deal_id)
    where = [c.c.deleted_at.is_(None), c.c.at >= at if since else c.c.at < at]
    rows = _keyed(conn, by, lambda b: _rolled(b, [delta], source=source, where=where),
                  groups=0)
    moved = {key: _int(v) for key, (v,) in rows}
    for key in set(moved) | set(tallies):
        x = tallies[key]
        x.open = x.open - moved.get(key, 0) if since else moved.get(key, 0)


def _counted(conn: sa.Connection, by: str, scope: _Scope, stages: _Stages, *,
             funnel: bool) -> dict[str, _Tally]:
    tallies = _tallies(conn, by, scope, stages, funnel=funnel)
    if scope.replay_at is not None:
        _open_then(conn, by, scope.replay_at, stages, tallies)
    return tallies


# --- funnel ---------------------------------------------------------------------------
def _stage_order(stages: _Stages) -> list[tuple[str, str]]:
    """(name, outcome) of every stage, merged by name, in funnel order."""
    seen: dict[str, str] = {}
    for pipeline in stages.funnel.values():
        for stage in pipeline:
            seen.setdefault(stage.name, stage.outcome)
    return sorted(seen.items(), key=lambda x: _OUTCOME_ORDER[x[1]])


def _stage_counts(stages: _Stages, reached: Counter[Bucket]) -> dict[str, int]:
    """Deals per stage: each counts in every stage up to the furthest it reached, and in
    the lost stage if it entered one."""
    counts: dict[str, int] = defaultdict(int)
    for (pipeline_id, top, lost), n in reached.items():
        for stage in stages.funnel.get(pipeline_id, []):
            if lost if stage.rank is None else top is not None and stage.rank <= top:
                counts[stage.name] += n
    return counts


def _reaches(order: list[tuple[str, str]], counts: dict[str, int]) -> tuple[StageReach, ...]:
    return tuple(StageReach(*x) for x in drop_offs(order, counts))


def funnel(conn: sa.Connection, by: str = "member", period: Period | None = None, *,
           now: datetime | None = None) -> list[FunnelRow]:
    """One row per key of `by` with deals, then the company total (key TOTAL)."""
    stages = _stages(conn)
    tallies = _counted(conn, _check(by), _scope(period, now), stages, funnel=True)
    order = _stage_order(stages)
    return [FunnelRow(key, x.won, x.lost, x.open, _rate(x.won, x.won + x.lost),
                      _money(x.won_cents), _reaches(order, _stage_counts(stages, x.reached)))
            for key, x in sorted(tallies.items(), key=lambda kx: _order(kx[0]))
            if key == TOTAL or x.active]


# --- win/loss -------------------------------------------------------------------------
def _metrics_row(key: str, x: _Tally, acts: list[ActivityCountRow]) -> MetricsRow:
    avg = (Decimal(x.won_cents) / x.won).scaleb(-2).quantize(CENT, rounding=ROUND_HALF_UP) \
        if x.won else None
    return MetricsRow(
        key, x.won, x.lost, x.open, _rate(x.won, x.won + x.lost), _money(x.won_cents), avg,
        _float(x.cycle_mean), _float(x.cycle_median),
        velocity(x.open, x.won, x.lost, x.won_cents, x.cycle_mean),
        sum(a.total for a in acts), sum(a.done for a in acts), sum(a.overdue for a in acts))


def _activity_counts(conn: sa.Connection, by: str, scope: _Scope) -> list[ActivityCountRow]:
    act = t.deal_activities
    dated = sa.or_(
        sa.and_(act.c.due_on.is_not(None), *scope.days(act.c.due_on)),
        sa.and_(act.c.due_on.is_(None), act.c.done_at.is_not(None),
                *scope.moments(act.c.done_at)),
        sa.and_(act.c.due_on.is_(None), act.c.done_at.is_(None),
                *scope.moments(act.c.created_at)))
    overdue = sa.and_(act.c.done_at.is_(None), act.c.due_on < scope.now.date())
    # counted per deal first: the deals are then looked up once per deal, not per activity
    deal = _scanned(act.c.deal_id)
    per_deal = (sa.select(deal.label("deal_id"), act.c.kind, sa.func.count().label("n"),
                          _count_if(act.c.done_at.is_not(None)).label("done"),
                          _count_if(overdue).label("overdue"))
                .where(act.c.deleted_at.is_(None), *([dated] if scope.period else []))
                .group_by(deal, act.c.kind).subquery("acts"))
    sums = [sa.func.sum(per_deal.c[x]) for x in ("n", "done", "overdue")]
    source = per_deal.join(t.deals, t.deals.c.id == per_deal.c.deal_id)
    rows = _keyed(conn, by, lambda b: _rolled(b, sums, source=source, group=[per_deal.c.kind]),
                  groups=1)
    return sorted((ActivityCountRow(key, str(kind), _int(n), _int(done), _int(late))
                   for key, (kind, n, done, late) in rows),
                  key=lambda r: (_order(r.key), r.kind))


def metrics(conn: sa.Connection, by: str = "member", period: Period | None = None, *,
            now: datetime | None = None) -> list[MetricsRow]:
    """Win rate, deal size, cycle, velocity and activities per key, then the total."""
    return _metrics(conn, _check(by), _scope(period, now), _stages(conn))[0]


def _metrics(conn: sa.Connection, by: str, scope: _Scope, stages: _Stages
             ) -> tuple[list[MetricsRow], list[ActivityCountRow]]:
    tallies = _counted(conn, by, scope, stages, funnel=False)
    acts = _activity_counts(conn, by, scope)
    per_key: dict[str, list[ActivityCountRow]] = defaultdict(list)
    for a in acts:
        per_key[a.key].append(a)
    return [_metrics_row(key, tallies.get(key, _Tally()), per_key[key])
            for key in sorted(set(tallies) | set(per_key), key=_order)
            if key == TOTAL or key in per_key or tallies[key].active], acts


def _loss_reasons(conn: sa.Connection, by: str, scope: _Scope, stages: _Stages
                  ) -> list[LossReasonRow]:
    r = t.lost_reasons
    reason = sa.func.coalesce(r.c.name, "(no reason)")
    source = t.deals.outerjoin(r, r.c.id == t.deals.c.lost_reason_id)
    columns = [reason, sa.func.count(), sa.func.sum(_cents(t.deals.c.amount),
                                                     type_=sa.BigInteger)]
    rows = _keyed(conn, by, lambda b: _grouped(b, columns, source=source,
                                               where=[_lost(scope, stages)], group=[reason]),
                  groups=1)
    lost: dict[str, int] = defaultdict(int)
    for key, (_, n, _) in rows:
        lost[key] += _int(n)
    return sorted((LossReasonRow(key, name, _int(n), _money(c), _int(n) / lost[key])
                   for key, (name, n, c) in rows),
                  key=lambda x: (_order(x.key), -x.count, x.reason.casefold()))


def _feedback(conn: sa.Connection, by: str, scope: _Scope, stages: _Stages
              ) -> list[FeedbackRow]:
    """Notes on the deals won or lost in the period, per key and reason: how many, and the
    LATEST_NOTES most recent ones."""
    n, r, d = t.deal_notes, t.lost_reasons, t.deals
    reason = sa.case((d.c.stage_id.in_(stages.ids("won")), "(won)"),
                     else_=sa.func.coalesce(r.c.name, "(no reason)"))
    title = sa.func.coalesce(sa.func.nullif(d.c.title, ""), d.c.reference, "")
    source = d.join(n, n.c.deal_id == d.c.id).outerjoin(r, r.c.id == d.c.lost_reason_id)

    def build(b: str | None) -> sa.Select[Any]:
        shown, key, join = _key(b)
        part = [*([key] if key is not None else []), reason]
        inner = (sa.select(
            shown, reason.label("reason"), title.label("deal"), n.c.created_at,
            n.c.updated_by, n.c.body, n.c.id.label("note_id"),
            sa.func.count().over(partition_by=part).label("notes"),
            sa.func.row_number().over(partition_by=part, order_by=(
                n.c.created_at.desc(), n.c.id.desc())).label("rn"))
            .select_from(join(source))
            .where(d.c.deleted_at.is_(None), n.c.deleted_at.is_(None),
                   sa.or_(_won(scope, stages), _lost(scope, stages))).subquery("noted"))
        return sa.select(inner).where(inner.c.rn <= LATEST_NOTES)

    Note = tuple[datetime, str, NoteExcerpt]
    groups: dict[tuple[str, str], tuple[int, list[Note]]] = {}
    rows = _keyed(conn, by, build) if by == "product" else \
        [(r[0], tuple(r[1:])) for r in conn.execute(build(by))]
    for key, (name, deal, at, author, body, note_id, count, _) in rows:
        groups.setdefault((key, name), (_int(count), []))[1].append(
            (at, note_id, NoteExcerpt(deal, at, author, body)))
    if by != "product":  # the keys split the deals: the total's latest are among theirs
        totals: dict[str, tuple[int, list[Note]]] = {}
        for (_, name), (count, notes) in groups.items():
            total, merged = totals.get(name, (0, []))
            totals[name] = (total + count, merged + notes)
        groups.update({(TOTAL, name): v for name, v in totals.items()})
    return sorted((FeedbackRow(key, name, count, tuple(x[2] for x in sorted(
        notes, key=lambda x: (x[0], x[1]), reverse=True)[:LATEST_NOTES]))
        for (key, name), (count, notes) in groups.items()),
        key=lambda x: (_order(x.key), -x.notes, x.reason.casefold()))


def win_loss(conn: sa.Connection, by: str = "member", period: Period | None = None, *,
             now: datetime | None = None) -> WinLossReport:
    scope, stages = _scope(period, now), _stages(conn)
    rows, acts = _metrics(conn, _check(by), scope, stages)
    return WinLossReport(by, period, tuple(rows), tuple(_loss_reasons(conn, by, scope, stages)),
                         tuple(_feedback(conn, by, scope, stages)), tuple(acts))


# --- leaderboard ----------------------------------------------------------------------
def rank(rows: Iterable[MetricsRow], metric: str) -> list[LeaderRow]:
    """Competition ranking (1, 2, 2, 4) on `metric`, best first; keys without a value
    come last, unranked order by key. The total row is left out."""
    ranked = competition_rank((r for r in rows if r.key != TOTAL),
                              lambda r: r.metric(metric), lambda r: _order(r.key),
                              ascending=metric in ASCENDING_METRICS)
    return [LeaderRow(i, r.key, value, r) for i, r, value in ranked]


def leaderboard(conn: sa.Connection, metric: str = "won_amount", by: str = "member",
                period: Period | None = None, *, now: datetime | None = None
                ) -> list[LeaderRow]:
    if metric not in METRICS:
        raise ValidationError(f"'{metric}' is not a metric ({', '.join(METRICS)})",
                              field="metric")
    return rank(metrics(conn, by, period, now=now), metric)


# --- lead sources ---------------------------------------------------------------------
def lead_sources(conn: sa.Connection, period: Period | None = None) -> list[SourceRow]:
    """Per lead source: the leads created in the period (all time without one), how many
    were converted, the deals made from them and how those deals ended (so far)."""
    ld, d, s = t.leads, t.deals, t.stages
    scope = _scope(period, None)
    source = _named(ld.c.source, "(no source)")
    live = [ld.c.deleted_at.is_(None), *scope.moments(ld.c.created_at)]
    leads = {r[0]: (int(r[1]), int(r[2] or 0)) for r in conn.execute(
        sa.select(source, sa.func.count(), _count_if(ld.c.status == "converted"))
        .where(*live).group_by(source))}
    won = s.c.outcome == "won"
    deals = {r[0]: r[1:] for r in conn.execute(
        sa.select(source, sa.func.count(), _count_if(won), _count_if(s.c.outcome == "lost"),
                  _sum_if(won, _cents(d.c.won_amount)))
        .select_from(ld.join(d, d.c.lead_id == ld.c.id).join(s, s.c.id == d.c.stage_id))
        .where(d.c.deleted_at.is_(None), *live).group_by(source))}
    rows = []
    for name in sorted(set(leads) | set(deals), key=_order):
        n, converted = leads.get(name, (0, 0))
        count, w, lost, cents = (int(x or 0) for x in deals.get(name, (0, 0, 0, 0)))
        rows.append(SourceRow(name, n, converted, _rate(converted, n), count, w, lost,
                              _rate(w, w + lost), _money(cents)))
    return rows
