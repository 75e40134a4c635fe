"""Text search over leads' person name, e-mail and company, in the database's own index.

- SQLite: the FTS5 table leads_fts (migration 0006), external content over leads, kept by
  triggers, with word tokens and diacritics folded. Each word searched finds the leads
  with a word starting with it, case- and accent-insensitively: "lee" finds "Ann Lée",
  "acme" finds "ann@acme.example", "ann.lee@ac" finds that address. The table is keyed
  by leads' rowid, which SQLite keeps through VACUUM for rowid tables in practice;
  `rebuild` puts it right if it ever drifts.
- PostgreSQL: ILIKE '%word%' on the expression ix_leads_search_trgm indexes with pg_trgm:
  any part of a word (without pg_trgm on the server the same ILIKE scans).
- Words are ANDed.
"""

from __future__ import annotations

from typing import Any

import sqlalchemy as sa

SEARCH_TEXT = "(leads.person_name || ' ' || coalesce(leads.email, '') || ' ' || leads.company)"
"""The expression the PostgreSQL index covers (the planner matches it as written)."""


def _ilike(word: str) -> Any:
    escaped = word.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    return sa.text(f"{SEARCH_TEXT} ILIKE :p ESCAPE '\\'").bindparams(
        sa.bindparam("p", f"%{escaped}%", unique=True))


def has_search_table(conn: sa.Connection) -> bool:
    return conn.exec_driver_sql(
        "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'leads_fts'"
    ).first() is not None


def fts_query(words: list[str]) -> str:
    """Each word as a quoted FTS5 prefix phrase ('ann.lee' is the phrase ann lee*),
    side by side: all must match."""
    return " ".join('"' + w.replace('"', '""') + '"*' for w in words)


def words_of(text: str) -> list[str]:
    return list(dict.fromkeys(text.split()))


def search_clause(conn: sa.Connection, text: str) -> Any | None:
    """A WHERE clause over `leads` matching every word of `text`; None for blank text."""
    words = words_of(text)
    if not words:
        return None
    if conn.dialect.name != "sqlite":
        return sa.and_(*(_ilike(w) for w in words))
    words = [w for w in words if any(ch.isalnum() for ch in w)]
    if not words:  # only punctuation: no word to look for, nothing matches
        return sa.false()
    fts = sa.text("SELECT rowid FROM leads_fts WHERE leads_fts MATCH :q").bindparams(
        sa.bindparam("q", fts_query(words), unique=True))
    return sa.literal_column("leads.rowid").in_(fts)


def rebuild(conn: sa.Connection) -> None:
    """Rebuild the SQLite search table from the leads (PostgreSQL's index needs nothing)."""
    if conn.dialect.name == "sqlite" and has_search_table(conn):
        conn.exec_driver_sql("INSERT INTO leads_fts(leads_fts) VALUES ('rebuild')")
