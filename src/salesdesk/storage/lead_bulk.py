"""Bulk inserts into leads on SQLite: what the row-by-row paths do, done once per batch.

Inserting many leads row by row costs twice: the FTS insert trigger indexes each lead on
its own, and each lead's segment links land at random places in lead_segment_links. Inside
the caller's transaction (already open, so the DDL commits or rolls back with the rows),
`SqliteLeadBulk` drops the insert trigger, lets the caller insert the leads (without
links), then indexes the new rows for search in one INSERT ... SELECT and writes their
links from leads.segments in key order, and recreates the trigger: for 1,000,000 leads
about 5 s and 2 s, against minutes. When the batch is at least as big as the table
already is, it also drops leads' secondary indexes and builds them again after: building
an index over sorted keys once beats a dozen random index inserts per row (100,000 leads
into an empty workspace: 1.4 s instead of 2.2 s), and costs at most about twice as much
otherwise. Below `minimum` rows (BULK_MIN unless the caller
never writes links itself, as the synthetic generator), or on PostgreSQL, it does
nothing and the caller writes links itself (`active` says which).
"""

from __future__ import annotations

from typing import Any

from salesdesk.storage import checkpoints

INSERT_TRIGGER = "leads_fts_insert"
BULK_MIN = 2_000
CACHE_KIB = 65_536
"""Page cache while inserting, at least (the default 2 MB makes each of leads' dozen
indexes miss it: 100,000 leads took 4.5 s to insert instead of 1.4 s)..."""
CACHE_KIB_PER_ROW = 2
CACHE_KIB_MAX = 262_144
"""...and 2 KiB per lead up to 256 MB: what a lead takes with its index entries, so that
the new pages stay in memory until the commit instead of spilling to the WAL and being
read back by the index builds (the cache is given back afterwards)."""
SORT_THREADS = 2
"""Helper threads SQLite may use to sort an index's keys as it builds it (PRAGMA threads;
the app's machines have at least two cores)."""
ANALYSIS_LIMIT = 1_000
"""Rows ANALYZE samples per index: the planner needs the shape, not an exact count."""


class SqliteLeadBulk:
    """`execute(sql, params)` is a DBAPI cursor's execute or Connection.exec_driver_sql."""

    def __init__(self, execute: Any, dialect: str, rows: int, minimum: int = BULK_MIN):
        self.execute, self.trigger, self.start, self.cache = execute, "", 0, 0
        self.active = dialect == "sqlite" and rows >= minimum
        self.rows, self.indexes = rows, list[str]()

    def __enter__(self) -> SqliteLeadBulk:
        if not self.active:
            return self
        checkpoints.defer(self.execute)  # the commit returns sooner: storage/checkpoints.py
        self.cache = self.execute("PRAGMA cache_size", ()).fetchone()[0]
        wanted = max(CACHE_KIB, min(CACHE_KIB_MAX, self.rows * CACHE_KIB_PER_ROW))
        self.execute(f"PRAGMA cache_size=-{max(wanted, -self.cache)}", ())
        found = self.execute("SELECT sql FROM sqlite_master WHERE type = 'trigger' AND "
                             "name = ?", (INSERT_TRIGGER,)).fetchone()
        self.trigger = found[0] if found else ""
        if self.trigger:
            self.execute(f"DROP TRIGGER {INSERT_TRIGGER}", ())
        self.start = self.execute("SELECT coalesce(max(rowid), 0) FROM leads", ()).fetchone()[0]
        existing = self.execute("SELECT count(*) FROM leads", ()).fetchone()[0]
        if self.rows >= existing and self.rows >= BULK_MIN:
            found = self.execute("SELECT name, sql FROM sqlite_master WHERE type = 'index' "
                                 "AND tbl_name = 'leads' AND sql IS NOT NULL", ()).fetchall()
            for name, _ in found:
                self.execute(f'DROP INDEX "{name}"', ())
            self.indexes = [sql for _, sql in found]
        return self

    def __exit__(self, exc_type: Any, *_exc: Any) -> None:
        if not self.active:
            return
        try:
            if exc_type is None:  # else the caller's rollback restores the trigger too
                self._finish()
        finally:  # only now: the searches, indexes and links below read the new pages
            self.execute(f"PRAGMA cache_size={self.cache}", ())

    def _finish(self) -> None:
        if self.trigger:
            self.execute("INSERT INTO leads_fts(rowid, person_name, email, company) SELECT "
                         "rowid, person_name, email, company FROM leads WHERE rowid > ?",
                         (self.start,))
            self.execute(self.trigger, ())
        threads = self.execute("PRAGMA threads", ()).fetchone()[0]
        self.execute(f"PRAGMA threads={SORT_THREADS}", ())
        try:
            for sql in self.indexes:
                self.execute(sql, ())
        finally:
            self.execute(f"PRAGMA threads={threads}", ())
        if self.indexes:  # the table is new for the most part: statistics for the planner
            limit = self.execute("PRAGMA analysis_limit", ()).fetchone()[0]
            self.execute(f"PRAGMA analysis_limit={ANALYSIS_LIMIT}", ())
            self.execute("ANALYZE leads", ())
            self.execute(f"PRAGMA analysis_limit={limit}", ())
        # lower() is the engine's Unicode case folding; names are stored tidy already,
        # so this is domain.validation.name_key, as the ORM path writes it.
        self.execute("INSERT OR IGNORE INTO lead_segment_links (segment, lead_id) "
                     "SELECT lower(j.value), l.id FROM leads AS l, json_each(l.segments) AS j "
                     "WHERE l.rowid > ? ORDER BY 1, 2", (self.start,))
