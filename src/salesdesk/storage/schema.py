"""What the schema holds beyond tables.py's metadata, and the check that the two agree.

Text search over leads is backend-specific, so it lives in migration 0006 only: an FTS5
external-content table (leads_fts and its shadow tables, kept by triggers) on SQLite and
a pg_trgm GIN index (ix_leads_search_trgm) on PostgreSQL. Comparisons of the database
with the metadata (alembic autogenerate, the migration tests) leave those out.
"""

from __future__ import annotations

from typing import Any

import sqlalchemy as sa

SEARCH_TABLE = "leads_fts"
SEARCH_INDEX = "ix_leads_search_trgm"


def is_search_object(name: str | None) -> bool:
    text = name or ""
    return text in (SEARCH_INDEX, SEARCH_TABLE) or text.startswith(SEARCH_TABLE + "_")


def include_name(name: str | None, type_: str, _parent: Any) -> bool:
    """alembic's include_name hook: everything but the search objects."""
    return not (type_ in ("table", "index") and is_search_object(name))


def differences(conn: sa.Connection) -> list[Any]:
    """alembic's differences between the database and tables.metadata ([] when the
    migrations and the metadata agree)."""
    from alembic.autogenerate import compare_metadata
    from alembic.migration import MigrationContext

    from salesdesk.storage.tables import metadata

    context = MigrationContext.configure(conn, opts={"include_name": include_name,
                                                      "compare_type": True})
    return list(compare_metadata(context, metadata))
