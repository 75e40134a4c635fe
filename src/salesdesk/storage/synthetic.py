"""Synthetic leads and deals for benchmarks (`salesdesk demo --scale N`).

Distributions follow the sample company: sources weighted like a B2B marketing mix,
statuses like a real funnel, companies/countries/sectors drawn from the workspace's own
accounts, owners from its active reps, creation times over two years with fewer leads on
weekends. Deals go into the workspace's first pipeline, through its own stages: each has
one line (a product at its list price, a quantity and sometimes a discount) giving its
amount, and a stage history from its creation in the first open stage through the open
stages it reached to the stage it is in (won or lost for closed deals, with the won
amount around the line's). Open deals are recent, with an expected close date, so the
board shows fresh and stale cards. Rows are bulk-inserted (executemany / COPY) in chunks;
the change log gets one "bulk" entry per table stating how many rows the generator wrote,
instead of a million per-row entries.

The workspace must have a pipeline already (services.pipeline_setup.ensure_pipeline creates the
default one; `salesdesk demo` does): stage ids come from the workspace, and storage does
not call services.

Each run draws from a fresh random seed (the same distributions), so running it again on
the same workspace adds more rows instead of colliding with the ids of the last run; pass
`seed` for a reproducible run (benchmarks, tests).

Speed (a million leads must take well under a minute, see bench/bench_scale.py): each
chunk is generated column by column with bulk `rng.choices` draws, timestamps are integer
seconds turned into the stored text through a per-day cache (no per-row datetime objects
on SQLite), and storage.bulk_load writes the chunks (deals, their lines and histories
together) in one transaction per run of a kind.
"""

from __future__ import annotations

import os
import random
import uuid
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

import sqlalchemy as sa

from salesdesk.storage import pipeline_queries
from salesdesk.storage import tables as t
from salesdesk.storage.bulk_load import ProgressFn, Row, write
from salesdesk.storage.synthetic_leads import companies, lead_chunk, lead_tables
from salesdesk.storage.synthetic_rows import DAY, Stamps, uuids, weighted

OUTCOMES = (("open", 60), ("won", 25), ("lost", 15))
"""Share of each outcome among the deals `add_synthetic` makes (open ones spread evenly
over the open stages)."""
QUANTITIES = ((1, 60), (2, 20), (3, 10), (5, 6), (10, 4))
DISCOUNTS = ((0, 55), (5, 15), (10, 15), (15, 10), (20, 5))  # percent
OPEN_SPAN_D = 240
CLOSED_SPAN_D = 540
STEP_MEAN_D = 12
"""Open deals were created in the last OPEN_SPAN_D days, closed ones in the CLOSED_SPAN_D
days before the last month; a move follows the previous one after STEP_MEAN_D days on
average."""
def _context(conn: sa.Connection) -> dict[str, Any]:
    acc = conn.execute(sa.select(t.accounts.c.id).where(t.accounts.c.deleted_at.is_(None))
                       ).all()
    reps = conn.execute(sa.select(t.members.c.id).where(
        t.members.c.deleted_at.is_(None), t.members.c.left_on.is_(None),
        t.members.c.role == "rep")).scalars().all()
    products = conn.execute(sa.select(t.products.c.id, t.products.c.list_price, t.products.c.name)
                            .where(t.products.c.deleted_at.is_(None))).all()
    if not acc or not reps or not products:
        raise ValueError("the workspace needs accounts, reps and products first "
                         "(run `salesdesk demo` without --scale)")
    return {"accounts": acc, "companies": companies(conn), "reps": list(reps),
            "products": products}


@dataclass(frozen=True)
class _Pipeline:
    """The workspace's first pipeline, as the deal generator needs it."""

    id: str
    open_stages: tuple[str, ...]
    """Open stage ids in board order."""
    won: str
    lost: str
    lost_reasons: tuple[str, ...]


def _pipeline(conn: sa.Connection) -> _Pipeline:
    pipeline_id = pipeline_queries.default_pipeline_id(conn)
    if pipeline_id is None:
        raise ValueError("the workspace has no pipeline yet: create the default one first "
                         "(services.pipeline_setup.ensure_pipeline; `salesdesk demo` does)")
    stages = pipeline_queries.stages(conn, pipeline_id)
    reasons = conn.execute(sa.select(t.lost_reasons.c.id).where(
        t.lost_reasons.c.deleted_at.is_(None), t.lost_reasons.c.active)
        .order_by(t.lost_reasons.c.name)).scalars().all()
    return _Pipeline(pipeline_id, tuple(s.id for s in stages if s.is_open),
                     next(s.id for s in stages if s.outcome == "won"),
                     next(s.id for s in stages if s.outcome == "lost"), tuple(reasons))


def _round_cents(x: int, divisor: int) -> int:
    """x / divisor to the nearest whole cent, halves up (x >= 0), in integers."""
    return (2 * x + divisor) // (2 * divisor)


@dataclass
class _DealRows:
    """One chunk of deals with their lines and history, in the *_COLUMNS orders."""

    deals: list[Row]
    lines: list[Row]
    changes: list[Row]


def _deal_path(outcome: str, p: _Pipeline, rng: random.Random, now_ts: int
               ) -> tuple[list[str], list[int]]:
    """(stage ids, times) from creation to where the deal is now."""
    rand, opens = rng.random, p.open_stages
    if outcome == "open":
        ts = now_ts - int(OPEN_SPAN_D * DAY * rand() ** 1.3) - 3600
        path = list(opens[:1 + int(rand() * len(opens))])
    else:
        ts = now_ts - 30 * DAY - int(CLOSED_SPAN_D * DAY * rand())
        path = [*opens[:1 + int(rand() * len(opens))], p.won if outcome == "won" else p.lost]
    times = [ts]
    for _ in path[1:]:
        ts = min(now_ts - 60, ts + 3600 + int(rng.expovariate(1 / (STEP_MEAN_D * DAY))))
        times.append(ts)
    return path, times


def _deal_chunk(outcomes: list[str], ctx: dict[str, Any], p: _Pipeline, rng: random.Random,
                now_ts: int, actor: str, stamps: Stamps) -> _DealRows:
    """Deals of the given outcomes, each with one line and its stage history; money in
    cents, discounts in hundredths of a percent."""
    rand, reps, n = rng.random, ctx["reps"], len(outcomes)
    out = _DealRows([], [], [])
    history: list[tuple[str, str | None, str, int, int]] = []
    for outcome, (pid, price, _), account, uid, line_id, qty, disc in zip(
            outcomes, rng.choices(ctx["products"], k=n), rng.choices(ctx["accounts"], k=n),
            uuids(rng, n), uuids(rng, n), _weighted_ints(QUANTITIES, rng, n),
            _weighted_ints(DISCOUNTS, rng, n), strict=True):
        path, times = _deal_path(outcome, p, rng, now_ts)
        unit = int(price * 100)
        amount = _round_cents(unit * qty * (100 - disc), 100)
        won = _round_cents(amount * int(850 + rand() * 200), 1000) if outcome == "won" \
            else None
        closed = stamps.day(times[-1] // DAY) if outcome != "open" else None
        expected = stamps.day(times[0] // DAY + 20 + int(rand() * 150)) \
            if outcome == "open" else None
        reason = rng.choice(p.lost_reasons) if outcome == "lost" and p.lost_reasons else None
        created = stamps.moment(times[0])
        out.deals.append((
            uid, 1, f"SYN-{uid[:8].upper()}", "", p.id, path[-1], account[0], "",
            reps[int(rand() * len(reps))], amount, expected, stamps.day(times[0] // DAY),
            stamps.moment(times[-1]), closed if outcome == "won" else None, won,
            closed if outcome == "lost" else None, reason, "", created, created, actor, None))
        out.lines.append((line_id, 1, uid, 0, pid, qty, unit, disc * 100, created, created,
                          actor, None))
        for i, (stage, ts) in enumerate(zip(path, times, strict=True)):
            value = won if won is not None and i == len(path) - 1 else amount
            history.append((uid, path[i - 1] if i else None, stage, ts, value))
    for cid, (deal_id, src, dst, ts, value) in zip(uuids(rng, len(history)), history,
                                                   strict=True):
        at = stamps.moment(ts)
        out.changes.append((cid, 1, deal_id, src, dst, at, value, at, at, actor, None))
    return out


def _weighted_ints(pairs: tuple[tuple[int, int], ...], rng: random.Random, n: int
                   ) -> list[int]:
    return rng.choices([p[0] for p in pairs], weights=[p[1] for p in pairs], k=n)


AUDIT = ("created_at", "updated_at", "updated_by", "deleted_at")
DEAL_COLUMNS = ("id", "version", "reference", "title", "pipeline_id", "stage_id", "account_id",
                "contact_name", "owner_id", "amount", "expected_close", "created_on",
                "stage_entered_at", "won_on", "won_amount", "lost_on", "lost_reason_id",
                "next_step", *AUDIT)
LINE_COLUMNS = ("id", "version", "deal_id", "position", "product_id", "quantity", "unit_price",
                "discount", *AUDIT)
CHANGE_COLUMNS = ("id", "version", "deal_id", "from_stage_id", "to_stage_id", "at", "amount",
                  *AUDIT)
DEAL_TABLES = (("deals", DEAL_COLUMNS), ("deal_lines", LINE_COLUMNS),
               ("deal_stage_changes", CHANGE_COLUMNS))
class _Run:
    """One generator run: its random numbers, clock, stamps and the workspace's data."""

    def __init__(self, engine: sa.Engine, seed: int | None, actor: str):
        self.engine, self.actor = engine, actor
        self.rng = random.Random(os.urandom(32) if seed is None else seed)
        self.now = datetime.now(UTC).replace(microsecond=0)
        self.now_ts = int(self.now.timestamp())
        with engine.connect() as conn:
            self.ctx = _context(conn)
        self.stamps = Stamps(engine.dialect.name == "sqlite")

    def leads(self, n: int, progress: ProgressFn | None) -> None:
        rng, ctx, now_ts, actor, stamps = self.rng, self.ctx, self.now_ts, self.actor, \
            self.stamps
        write(self.engine, lead_tables(self.stamps.sqlite),
              lambda start, k: lead_chunk(start, k, ctx, rng, now_ts, actor, stamps),
              n, progress)
        self.log({"leads": n})

    def deals(self, outcomes: list[str], progress: ProgressFn | None) -> None:
        if not outcomes:
            return
        with self.engine.connect() as conn:
            pipeline = _pipeline(conn)

        def chunk(start: int, n: int) -> tuple[list[Row], ...]:
            rows = _deal_chunk(outcomes[start:start + n], self.ctx, pipeline, self.rng,
                               self.now_ts, self.actor, self.stamps)
            return rows.deals, rows.lines, rows.changes

        written = write(self.engine, DEAL_TABLES, chunk, len(outcomes), progress)
        self.log({table: n for (table, _), n in zip(DEAL_TABLES, written, strict=True)})

    def log(self, counts: dict[str, int]) -> None:
        """One "bulk" change log entry per table written."""
        with self.engine.begin() as conn:
            for entity, count in counts.items():
                conn.execute(sa.insert(t.change_log).values(
                    id=str(uuid.uuid4()), at=self.now, actor=self.actor, entity=entity,
                    entity_id=str(uuid.uuid4()), op="bulk",
                    changes={"rows": [None, count], "generator": [None, "demo --scale"]}))


def add_synthetic(engine: sa.Engine, n_leads: int, *, seed: int | None = None,
                  actor: str = "demo", progress: ProgressFn | None = None) -> tuple[int, int]:
    """Insert `n_leads` leads and `n_leads // 10` deals (OUTCOMES: most open). Returns
    (leads, deals). Without a seed, the run is seeded from os.urandom: ids never repeat
    those of an earlier run. Deals need a pipeline in the workspace (see the module)."""
    run = _Run(engine, seed, actor)
    n_deals = n_leads // 10
    run.leads(n_leads, progress)
    run.deals(weighted(OUTCOMES, run.rng, n_deals), None)
    return n_leads, n_deals


def add_synthetic_deals(engine: sa.Engine, n_open: int, n_closed: int, *,
                        seed: int | None = None, actor: str = "demo",
                        progress: ProgressFn | None = None) -> int:
    """Insert `n_open` open deals (spread over the open stages) and `n_closed` won or lost
    ones, with their lines and histories, e.g. the board benchmark's 10,000 open deals.
    Returns how many deals were written."""
    run = _Run(engine, seed, actor)
    outcomes = ["open"] * n_open + weighted(OUTCOMES[1:], run.rng, n_closed)
    run.rng.shuffle(outcomes)
    run.deals(outcomes, progress)
    return len(outcomes)

