"""Synthetic leads and deals for benchmarks (`salesdesk demo --scale N`).

Distributions follow the sample company: sources weighted like a B2B marketing mix,
statuses like a real funnel, companies/countries/sectors drawn from the workspace's own
accounts, owners from its active reps, creation times over two years with fewer leads on
weekends, and deal amounts around each product's list price. Rows are bulk-inserted
(executemany / COPY) in chunks; the change log gets one "bulk_insert" entry per table
stating how many rows the generator wrote, instead of a million per-row entries.
"""

from __future__ import annotations

import json
import random
import uuid
from collections.abc import Callable, Iterator
from datetime import UTC, datetime, timedelta
from decimal import Decimal
from typing import Any

import sqlalchemy as sa

from salesdesk.storage import tables as t

SOURCES = (("web", 34), ("event", 14), ("referral", 12), ("partner", 10), ("cold call", 9),
           ("email campaign", 13), ("social", 8))
STATUSES = (("new", 22), ("contacted", 18), ("qualified", 14), ("nurturing", 16),
            ("unqualified", 15), ("converted", 8), ("disqualified", 7))
FIRST = ("Ana", "Ben", "Chloé", "David", "Emma", "Farid", "Grace", "Hugo", "Ines", "Jonas",
         "Kenji", "Lena", "Marta", "Noah", "Olga", "Pablo", "Rania", "Sven", "Tara", "Yusuf")
LAST = ("Almeida", "Becker", "Chen", "Dubois", "Eriksen", "Fischer", "García", "Haddad",
        "Ivanova", "Jensen", "Kowalski", "Laurent", "Moreau", "Nakamura", "Okafor", "Petrov",
        "Rossi", "Schmidt", "Tanaka", "Weber")
CHUNK = 50_000
ProgressFn = Callable[[int, int], None]


def _uuid(rng: random.Random) -> str:
    """A version-4 UUID from the seeded generator: reproducible and cheaper than uuid4()."""
    return str(uuid.UUID(int=rng.getrandbits(128), version=4))


def _weighted(pairs: tuple[tuple[str, int], ...], rng: random.Random, n: int) -> list[str]:
    return rng.choices([p[0] for p in pairs], weights=[p[1] for p in pairs], k=n)


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
    return {"accounts": acc, "reps": list(reps), "products": products}


def _lead_rows(n: int, ctx: dict[str, Any], rng: random.Random, now: datetime,
               actor: str) -> Iterator[tuple[Any, ...]]:
    sources, statuses = _weighted(SOURCES, rng, n), _weighted(STATUSES, rng, n)
    accounts, reps, products = ctx["accounts"], ctx["reps"], ctx["products"]
    span = 730 * 86400
    for i in range(n):
        account = accounts[rng.randrange(len(accounts))]
        created = now - timedelta(seconds=int(span * rng.random() ** 0.7))
        if created.weekday() >= 5 and rng.random() < 0.7:
            created -= timedelta(days=2)
        first, last = FIRST[rng.randrange(20)], LAST[rng.randrange(20)]
        status = statuses[i]
        owner = None if status == "new" and rng.random() < 0.6 else reps[rng.randrange(len(reps))]
        contacted = (created + timedelta(minutes=int(rng.expovariate(1 / 600))) if status != "new"
                     else None)
        yield (_uuid(rng), 1, f"{first} {last}",
               f"{first}.{last}{i}@{account[1].replace(' ', '').lower()}.example".lower(),
               account[1], account[2], account[3], sources[i], status,
               max(0, min(100, int(rng.gauss(45, 20)))), owner, None,
               products[rng.randrange(len(products))][2], contacted, created, created, actor,
               None)


def _deal_rows(n: int, ctx: dict[str, Any], rng: random.Random, now: datetime,
               actor: str) -> Iterator[tuple[Any, ...]]:
    accounts, reps, products = ctx["accounts"], ctx["reps"], ctx["products"]
    stages = _weighted((("Prospecting", 30), ("Engaging", 30), ("Won", 25), ("Lost", 15)), rng, n)
    for i in range(n):
        pid, price, _ = products[rng.randrange(len(products))]
        engaged = (now - timedelta(days=rng.randrange(1, 540))).date()
        stage = stages[i]
        closed = engaged + timedelta(days=int(rng.expovariate(1 / 50)) + 1) \
            if stage in ("Won", "Lost") else None
        amount = Decimal(0) if stage == "Lost" else \
            (Decimal(price) * Decimal(rng.uniform(0.8, 1.15))).quantize(Decimal("1"))
        created = datetime.combine(engaged, datetime.min.time(), UTC)
        yield (_uuid(rng), 1, f"SYN{i:08d}", accounts[rng.randrange(len(accounts))][0],
               reps[rng.randrange(len(reps))], pid, stage, int(amount * 100), engaged,
               None if closed else engaged + timedelta(days=rng.randrange(10, 120)), closed,
               created, created, actor, None)


LEAD_COLUMNS = ("id", "version", "person_name", "email", "company", "sector", "country", "source",
                "status", "score", "owner_id", "territory_id", "product_interest",
                "first_contacted_at", "created_at", "updated_at", "updated_by", "deleted_at")
DEAL_COLUMNS = ("id", "version", "reference", "account_id", "owner_id", "product_id", "stage",
                "amount", "engaged_on", "expected_close", "closed_on", "created_at",
                "updated_at", "updated_by", "deleted_at")


def _write(engine: sa.Engine, table: str, columns: tuple[str, ...],
           rows: Iterator[tuple[Any, ...]], total: int, progress: ProgressFn | None) -> None:
    sqlite = engine.dialect.name == "sqlite"
    marks = ", ".join("?" * len(columns)) if sqlite else ""
    raw = engine.raw_connection()
    try:
        cur = raw.cursor()
        done = 0
        while done < total:
            chunk = [_adapt(r, sqlite) for _, r in zip(range(CHUNK), rows, strict=False)]
            if sqlite:
                cur.executemany(f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({marks})",
                                chunk)
            else:
                with cur.copy(f"COPY {table} ({', '.join(columns)}) FROM STDIN") as copy:
                    for r in chunk:
                        copy.write_row(r)
            done += len(chunk)
            if progress:
                progress(done, total)
        raw.commit()
    finally:
        raw.close()


def _adapt(row: tuple[Any, ...], sqlite: bool) -> tuple[Any, ...]:
    if not sqlite:
        return row
    return tuple(v.replace(tzinfo=None).isoformat(" ") if isinstance(v, datetime) else
                 v.isoformat() if hasattr(v, "isoformat") else v for v in row)


def add_synthetic(engine: sa.Engine, n_leads: int, *, seed: int = 2017, actor: str = "demo",
                  progress: ProgressFn | None = None) -> tuple[int, int]:
    """Insert `n_leads` leads and `n_leads // 10` deals. Returns (leads, deals)."""
    rng = random.Random(seed)
    now = datetime.now(UTC).replace(microsecond=0)
    with engine.connect() as conn:
        ctx = _context(conn)
    n_deals = n_leads // 10
    _write(engine, "leads", LEAD_COLUMNS, _lead_rows(n_leads, ctx, rng, now, actor), n_leads,
           progress)
    _write(engine, "deals", DEAL_COLUMNS, _deal_rows(n_deals, ctx, rng, now, actor), n_deals,
           None)
    with engine.begin() as conn:
        for entity, count in (("leads", n_leads), ("deals", n_deals)):
            conn.execute(sa.insert(t.change_log).values(
                id=str(uuid.uuid4()), at=now, actor=actor, entity=entity,
                entity_id=str(uuid.uuid4()), op="bulk_insert",
                changes=json.loads(json.dumps({"rows": [None, count],
                                               "generator": [None, "demo --scale"]}))))
    return n_leads, n_deals
