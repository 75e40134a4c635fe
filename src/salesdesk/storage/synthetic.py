"""Synthetic leads and deals for benchmarks (`salesdesk demo --scale N`).

Distributions follow the sample company: sources weighted like a B2B marketing mix,
statuses like a real funnel, companies/countries/sectors drawn from the workspace's own
accounts, owners from its active reps, creation times over two years with fewer leads on
weekends, and deal amounts around each product's list price. Rows are bulk-inserted
(executemany / COPY) in chunks; the change log gets one "bulk" entry per table stating
how many rows the generator wrote, instead of a million per-row entries.

Each run draws from a fresh random seed (the same distributions), so running it again on
the same workspace adds more rows instead of colliding with the ids of the last run; pass
`seed` for a reproducible run (benchmarks, tests).

Speed (a million leads must take well under a minute, see bench/bench_scale.py): each
chunk is generated column by column with bulk `rng.choices` draws, timestamps are integer
seconds turned into the stored text through a per-day cache (no per-row datetime objects
on SQLite), and the SQLite load runs in one transaction that drops the table's secondary
indexes, inserts each chunk sorted by primary key with a larger page cache, and rebuilds
the indexes before commit, so readers never see the table without them.
"""

from __future__ import annotations

import json
import os
import random
import uuid
from collections.abc import Callable, Iterator
from datetime import UTC, date, datetime, timedelta
from itertools import repeat
from typing import Any

import sqlalchemy as sa

from salesdesk.storage import tables as t

SOURCES = (("web", 34), ("event", 14), ("referral", 12), ("partner", 10), ("cold call", 9),
           ("email campaign", 13), ("social", 8))
STATUSES = (("new", 22), ("contacted", 18), ("qualified", 14), ("nurturing", 16),
            ("unqualified", 15), ("converted", 8), ("disqualified", 7))
STAGES = (("Prospecting", 30), ("Engaging", 30), ("Won", 25), ("Lost", 15))
FIRST = ("Ana", "Ben", "Chloé", "David", "Emma", "Farid", "Grace", "Hugo", "Ines", "Jonas",
         "Kenji", "Lena", "Marta", "Noah", "Olga", "Pablo", "Rania", "Sven", "Tara", "Yusuf")
LAST = ("Almeida", "Becker", "Chen", "Dubois", "Eriksen", "Fischer", "García", "Haddad",
        "Ivanova", "Jensen", "Kowalski", "Laurent", "Moreau", "Nakamura", "Okafor", "Petrov",
        "Rossi", "Schmidt", "Tanaka", "Weber")
# (display name, e-mail local part) for every first x last pair: one draw per lead.
PEOPLE = tuple((f"{f} {s}", f"{f}.{s}".lower()) for f in FIRST for s in LAST)
CHUNK = 50_000
DAY = 86_400
LEAD_SPAN_S = 730 * DAY
# SQLite page cache while bulk-loading (KiB, negative = size not pages); the default 2 MB
# makes every insert into the random-UUID primary key index miss the cache.
BULK_CACHE_KIB = 65_536
ProgressFn = Callable[[int, int], None]
Row = tuple[Any, ...]


def _uuids(rng: random.Random, n: int) -> list[str]:
    """Version-4 UUIDs from the run's generator (reproducible for a given seed), formatted
    without building uuid.UUID objects (same text as str(uuid.UUID(int=..., version=4)))."""
    out = []
    for _ in range(n):
        x = "%032x" % (rng.getrandbits(128) & ~(0xF000 << 64) & ~(0xC000 << 48)
                       | (0x4000 << 64) | (0x8000 << 48))
        out.append(f"{x[:8]}-{x[8:12]}-{x[12:16]}-{x[16:20]}-{x[20:]}")
    return out


def _weighted(pairs: tuple[tuple[str, int], ...], rng: random.Random, n: int) -> list[str]:
    return rng.choices([p[0] for p in pairs], weights=[p[1] for p in pairs], k=n)


class _Stamps:
    """Epoch seconds / day numbers -> what the database stores. SQLite gets the text that
    UTCDateTime/Date write there (naive UTC, whole seconds), built from a per-day cache;
    PostgreSQL gets aware datetimes and dates for COPY."""

    EPOCH = date(1970, 1, 1)

    def __init__(self, sqlite: bool):
        self.sqlite = sqlite
        self._days: dict[int, str] = {}
        self._clock = [f"{s // 3600:02d}:{s // 60 % 60:02d}:{s % 60:02d}" for s in range(DAY)] \
            if sqlite else []

    def day(self, day: int) -> Any:
        if not self.sqlite:
            return self.EPOCH + timedelta(days=day)
        text = self._days.get(day)
        if text is None:
            text = self._days[day] = (self.EPOCH + timedelta(days=day)).isoformat()
        return text

    def at(self, ts: int) -> Any:
        if not self.sqlite:
            return datetime.fromtimestamp(ts, UTC)
        return f"{self.day(ts // DAY)} {self._clock[ts % DAY]}"


def _context(conn: sa.Connection) -> dict[str, Any]:
    acc = conn.execute(sa.select(t.accounts.c.id, t.accounts.c.name, t.accounts.c.sector,
                                 t.accounts.c.country).where(t.accounts.c.deleted_at.is_(None))
                       ).all()
    reps = conn.execute(sa.select(t.members.c.id).where(
        t.members.c.deleted_at.is_(None), t.members.c.left_on.is_(None),
        t.members.c.role == "rep")).scalars().all()
    products = conn.execute(sa.select(t.products.c.id, t.products.c.list_price, t.products.c.name)
                            .where(t.products.c.deleted_at.is_(None))).all()
    if not acc or not reps or not products:
        raise ValueError("the workspace needs accounts, reps and products first "
                         "(run `salesdesk demo` without --scale)")
    # (name, sector, country, e-mail domain) per account; the domain is computed once.
    companies = [(a[1], a[2], a[3], a[1].replace(" ", "").lower()) for a in acc]
    return {"accounts": acc, "companies": companies, "reps": list(reps),
            "products": products}


def _lead_times(statuses: list[str], rng: random.Random, now_ts: int,
                stamps: _Stamps) -> tuple[list[Any], list[Any]]:
    """(created, first contacted) per lead: more recent leads are likelier, most weekend
    leads move to the working week, contact follows creation after ~10 hours on average."""
    rand, expo = rng.random, rng.expovariate
    created, contacted = [], []
    for status in statuses:
        ts = now_ts - int(LEAD_SPAN_S * rand() ** 0.7)
        if (ts // DAY + 3) % 7 >= 5 and rand() < 0.7:  # 1970-01-01 was a Thursday
            ts -= 2 * DAY
        created.append(stamps.at(ts))
        contacted.append(None if status == "new" else stamps.at(ts + 60 * int(expo(1 / 600))))
    return created, contacted


def _lead_chunk(start: int, n: int, ctx: dict[str, Any], rng: random.Random, now_ts: int,
                actor: str, stamps: _Stamps) -> list[Row]:
    """Rows `start`..`start + n - 1` in LEAD_COLUMNS order."""
    rand, gauss, reps = rng.random, rng.gauss, ctx["reps"]
    statuses = _weighted(STATUSES, rng, n)
    companies = rng.choices(ctx["companies"], k=n)
    people = rng.choices(PEOPLE, k=n)
    owners = [None if s == "new" and rand() < 0.6 else reps[int(rand() * len(reps))]
              for s in statuses]
    created, contacted = _lead_times(statuses, rng, now_ts, stamps)
    return list(zip(
        _uuids(rng, n), repeat(1), [p[0] for p in people],
        [f"{p[1]}{i}@{c[3]}.example" for i, p, c in zip(range(start, start + n), people,
                                                        companies, strict=True)],
        [c[0] for c in companies], [c[1] for c in companies], [c[2] for c in companies],
        _weighted(SOURCES, rng, n), statuses,
        [max(0, min(100, int(gauss(45, 20)))) for _ in range(n)], owners, repeat(None),
        [p[2] for p in rng.choices(ctx["products"], k=n)], contacted, created, created,
        repeat(actor), repeat(None)))


def _deal_chunk(start: int, n: int, ctx: dict[str, Any], rng: random.Random, now_ts: int,
                actor: str, stamps: _Stamps) -> list[Row]:
    """Rows `start`..`start + n - 1` in DEAL_COLUMNS order; amounts in cents."""
    rand, expo, reps = rng.random, rng.expovariate, ctx["reps"]
    today = now_ts // DAY
    rows = []
    for i, stage, (pid, price, _), account, uid in zip(
            range(start, start + n), _weighted(STAGES, rng, n),
            rng.choices(ctx["products"], k=n), rng.choices(ctx["accounts"], k=n),
            _uuids(rng, n), strict=True):
        engaged = today - 1 - int(rand() * 539)
        closed = engaged + int(expo(1 / 50)) + 1 if stage in ("Won", "Lost") else None
        expected = None if closed is not None else engaged + 10 + int(rand() * 110)
        amount = 0 if stage == "Lost" else round(float(price) * rng.uniform(0.8, 1.15)) * 100
        created = stamps.at(engaged * DAY)
        rows.append((uid, 1, f"SYN{i:08d}", account[0], reps[int(rand() * len(reps))], pid,
                     stage, amount, stamps.day(engaged),
                     None if expected is None else stamps.day(expected),
                     None if closed is None else stamps.day(closed), created, created, actor,
                     None))
    return rows


LEAD_COLUMNS = ("id", "version", "person_name", "email", "company", "sector", "country", "source",
                "status", "score", "owner_id", "territory_id", "product_interest",
                "first_contacted_at", "created_at", "updated_at", "updated_by", "deleted_at")
DEAL_COLUMNS = ("id", "version", "reference", "account_id", "owner_id", "product_id", "stage",
                "amount", "engaged_on", "expected_close", "closed_on", "created_at",
                "updated_at", "updated_by", "deleted_at")
ChunkFn = Callable[[int, int], list[Row]]


def _write(engine: sa.Engine, table: str, columns: tuple[str, ...], make_chunk: ChunkFn,
           total: int, progress: ProgressFn | None) -> None:
    """Insert `total` rows made by `make_chunk(start, n)` in one transaction."""
    raw = engine.raw_connection()
    try:
        load = _sqlite_load if engine.dialect.name == "sqlite" else _copy_load
        load(raw, table, columns, make_chunk, total, progress)
    finally:
        raw.close()  # back to the pool, which rolls back anything left uncommitted


def _sqlite_load(raw: Any, table: str, columns: tuple[str, ...], make_chunk: ChunkFn,
                 total: int, progress: ProgressFn | None) -> None:
    cur = raw.cursor()
    cache = cur.execute("PRAGMA cache_size").fetchone()[0]
    cur.execute(f"PRAGMA cache_size=-{BULK_CACHE_KIB}")
    try:
        if not raw.driver_connection.in_transaction:
            cur.execute("BEGIN")  # the DROP INDEX below must not autocommit
        # Small loads keep the indexes: rebuilding them would cost more than it saves.
        indexes = _drop_indexes(cur, table) if total >= CHUNK else []
        sql = f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({', '.join('?' * len(columns))})"
        for chunk in _chunks(make_chunk, total, progress):
            chunk.sort()  # by id: the primary key index is filled in order, not at random
            cur.executemany(sql, chunk)
        for create in indexes:
            cur.execute(create)
        raw.commit()
    finally:
        cur.execute(f"PRAGMA cache_size={cache}")
        cur.close()


def _drop_indexes(cur: Any, table: str) -> list[str]:
    """Drop `table`'s secondary indexes (not the automatic primary key/unique ones) and
    return the statements that recreate them. Building an index once over sorted keys is
    much faster than updating it for every inserted row."""
    found = cur.execute("SELECT name, sql FROM sqlite_master WHERE type = 'index' AND "
                        "tbl_name = ? AND sql IS NOT NULL", (table,)).fetchall()
    for name, _ in found:
        cur.execute(f'DROP INDEX "{name}"')
    return [sql for _, sql in found]


def _copy_load(raw: Any, table: str, columns: tuple[str, ...], make_chunk: ChunkFn,
               total: int, progress: ProgressFn | None) -> None:
    with raw.cursor() as cur:
        for chunk in _chunks(make_chunk, total, progress):
            with cur.copy(f"COPY {table} ({', '.join(columns)}) FROM STDIN") as copy:
                for r in chunk:
                    copy.write_row(r)
    raw.commit()


def _chunks(make_chunk: ChunkFn, total: int,
            progress: ProgressFn | None) -> Iterator[list[Row]]:
    """The rows in chunks; reports progress once each chunk has been written."""
    done = 0
    while done < total:
        n = min(CHUNK, total - done)
        yield make_chunk(done, n)
        done += n
        if progress:
            progress(done, total)


def add_synthetic(engine: sa.Engine, n_leads: int, *, seed: int | None = None,
                  actor: str = "demo", progress: ProgressFn | None = None) -> tuple[int, int]:
    """Insert `n_leads` leads and `n_leads // 10` deals. Returns (leads, deals). Without a
    seed, the run is seeded from os.urandom: ids never repeat those of an earlier run."""
    rng = random.Random(os.urandom(32) if seed is None else seed)
    now = datetime.now(UTC).replace(microsecond=0)
    now_ts = int(now.timestamp())
    with engine.connect() as conn:
        ctx = _context(conn)
    stamps = _Stamps(engine.dialect.name == "sqlite")
    n_deals = n_leads // 10
    _write(engine, "leads", LEAD_COLUMNS,
           lambda start, n: _lead_chunk(start, n, ctx, rng, now_ts, actor, stamps), n_leads,
           progress)
    _write(engine, "deals", DEAL_COLUMNS,
           lambda start, n: _deal_chunk(start, n, ctx, rng, now_ts, actor, stamps), n_deals,
           None)
    with engine.begin() as conn:
        for entity, count in (("leads", n_leads), ("deals", n_deals)):
            conn.execute(sa.insert(t.change_log).values(
                id=str(uuid.uuid4()), at=now, actor=actor, entity=entity,
                entity_id=str(uuid.uuid4()), op="bulk",
                changes=json.loads(json.dumps({"rows": [None, count],
                                               "generator": [None, "demo --scale"]}))))
    return n_leads, n_deals
