"""Bulk loading for generated rows (storage.synthetic): executemany on SQLite, COPY on
PostgreSQL, in chunks, all in one transaction.

On SQLite a big load (at least one CHUNK) drops the tables' secondary indexes, inserts
each chunk sorted by primary key with a larger page cache, and rebuilds the indexes
before commit, so readers never see a table without them.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from typing import Any

import sqlalchemy as sa

from salesdesk.storage.lead_bulk import SqliteLeadBulk

CHUNK = 50_000
# SQLite page cache while bulk-loading (KiB, negative = size not pages); the default 2 MB
# makes every insert into the random-UUID primary key index miss the cache.
BULK_CACHE_KIB = 65_536
ProgressFn = Callable[[int, int], None]
Row = tuple[Any, ...]
Tables = tuple[tuple[str, tuple[str, ...]], ...]
ChunkFn = Callable[[int, int], tuple[list[Row], ...]]
"""make_chunk(start, n) -> one list of rows per table, for rows start..start + n - 1 of
the first table (the others hold what belongs to those)."""


def write(engine: sa.Engine, tables: Tables, make_chunk: ChunkFn, total: int,
          progress: ProgressFn | None) -> list[int]:
    """Insert `total` rows of the first table, and what make_chunk gives with them into
    the others, in one transaction. Returns the rows written per table."""
    raw = engine.raw_connection()
    try:
        load = _sqlite_load if engine.dialect.name == "sqlite" else _copy_load
        return load(raw, tables, make_chunk, total, progress)
    finally:
        raw.close()  # back to the pool, which rolls back anything left uncommitted


def _sqlite_load(raw: Any, tables: Tables, make_chunk: ChunkFn, total: int,
                 progress: ProgressFn | None) -> list[int]:
    cur = raw.cursor()
    cache = cur.execute("PRAGMA cache_size").fetchone()[0]
    cur.execute(f"PRAGMA cache_size=-{BULK_CACHE_KIB}")
    written = [0] * len(tables)
    try:
        if not raw.driver_connection.in_transaction:
            cur.execute("BEGIN")  # the DROP INDEX below must not autocommit
        # Small loads keep the indexes: rebuilding them would cost more than it saves.
        indexes = [sql for table, _ in tables for sql in _drop_indexes(cur, table)] \
            if total >= CHUNK else []
        inserts = [f"INSERT INTO {table} ({', '.join(columns)}) VALUES "
                   f"({', '.join('?' * len(columns))})" for table, columns in tables]
        leads = any(table == "leads" for table, _ in tables)
        with SqliteLeadBulk(cur.execute, "sqlite", total if leads else 0, minimum=1):
            for chunk in _chunks(make_chunk, total, progress):
                for i, (sql, rows) in enumerate(zip(inserts, chunk, strict=True)):
                    rows.sort()  # by key: the primary key index fills in order, not at random
                    cur.executemany(sql, rows)
                    written[i] += len(rows)
        for create in indexes:
            cur.execute(create)
        for table in _analysed(tables, total):
            cur.execute(f"ANALYZE {table}")
        raw.commit()
    finally:
        cur.execute(f"PRAGMA cache_size={cache}")
        cur.close()
    return written


def _drop_indexes(cur: Any, table: str) -> list[str]:
    """Drop `table`'s secondary indexes (not the automatic primary key/unique ones) and
    return the statements that recreate them. Building an index once over sorted keys is
    much faster than updating it for every inserted row."""
    found = cur.execute("SELECT name, sql FROM sqlite_master WHERE type = 'index' AND "
                        "tbl_name = ? AND sql IS NOT NULL", (table,)).fetchall()
    for name, _ in found:
        cur.execute(f'DROP INDEX "{name}"')
    return [sql for _, sql in found]


def _copy_load(raw: Any, tables: Tables, make_chunk: ChunkFn, total: int,
               progress: ProgressFn | None) -> list[int]:
    written = [0] * len(tables)
    with raw.cursor() as cur:
        for chunk in _chunks(make_chunk, total, progress):
            for i, ((table, columns), rows) in enumerate(zip(tables, chunk, strict=True)):
                with cur.copy(f"COPY {table} ({', '.join(columns)}) FROM STDIN") as copy:
                    for r in rows:
                        copy.write_row(r)
                written[i] += len(rows)
        for table in _analysed(tables, total):
            cur.execute(f"ANALYZE {table}")
    raw.commit()
    return written


def _analysed(tables: Tables, total: int) -> list[str]:
    """The tables whose statistics a big load makes stale. Without them SQLite's planner
    picked the status index over the sort's for a page of new leads (184 ms at a million
    leads against 3 ms), and PostgreSQL plans a fresh table blind until autovacuum runs."""
    if total < CHUNK:
        return []
    names = [table for table, _ in tables]
    return names + (["lead_segment_links"] if "leads" in names and
                    "lead_segment_links" not in names else [])


def _chunks(make_chunk: ChunkFn, total: int,
            progress: ProgressFn | None) -> Iterator[tuple[list[Row], ...]]:
    """The rows in chunks; reports progress once each chunk has been written."""
    done = 0
    while done < total:
        n = min(CHUNK, total - done)
        yield make_chunk(done, n)
        done += n
        if progress:
            progress(done, total)


def insert_many(conn: sa.Connection, table: str, columns: tuple[str, ...],
                rows: list[Row]) -> None:
    """Insert rows inside the connection's current transaction (an import's unit of
    work): executemany on SQLite, COPY on PostgreSQL. Values must already be what the
    driver stores (see storage.lead_values.Values): no SQLAlchemy type processing here,
    which is what makes it fast."""
    if not rows:
        return
    if conn.dialect.name == "sqlite":
        conn.exec_driver_sql(f"INSERT INTO {table} ({', '.join(columns)}) VALUES "
                             f"({', '.join('?' * len(columns))})", rows)
        return
    raw = conn.connection.driver_connection
    assert raw is not None
    with raw.cursor() as cur, cur.copy(
            f"COPY {table} ({', '.join(columns)}) FROM STDIN") as copy:
        for r in rows:
            copy.write_row(r)
