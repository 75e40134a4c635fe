"""lead board: every lead field, dedupe keys, board indexes, text search, segment rules,
segment links and lead activities

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-28

Existing leads are carried over: received_at is their created_at, person_key and
company_key are computed here with frozen copies of the domain's key functions, and
their segments follow the default rules this migration seeds (status qualified or
unqualified, hot/warm/cold by score). The e-mail, stored normalised, is indexed as the
exact-duplicate key. Text search is an FTS5 external-content table kept by triggers on
SQLite (word tokens, diacritics folded: searched by word prefix), a pg_trgm GIN index on
PostgreSQL (skipped, with search then scanning, when the server cannot add pg_trgm).
"""

from __future__ import annotations

import re
import unicodedata
import uuid
from datetime import UTC, datetime
from typing import Any

import sqlalchemy as sa
from alembic import op

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None

UUID = sa.String(36)
TS = sa.DateTime(timezone=True)
BLANK = sa.text("''")
EMPTY_LIST = sa.text("'[]'")
CHUNK = 20_000

def _new_lead_columns() -> list[sa.Column[Any]]:
    """Fresh Column objects each time: alembic attaches them to a table."""
    return [
    sa.Column("phone", sa.String(40), server_default=BLANK, nullable=False),
    sa.Column("job_title", sa.String(120), server_default=BLANK, nullable=False),
    sa.Column("region", sa.String(80), server_default=BLANK, nullable=False),
    sa.Column("postcode", sa.String(20), server_default=BLANK, nullable=False),
    sa.Column("employees", sa.Integer(), nullable=True),
    sa.Column("campaign", sa.String(120), server_default=BLANK, nullable=False),
    sa.Column("language", sa.String(40), server_default=BLANK, nullable=False),
    sa.Column("status_reason", sa.String(200), server_default=BLANK, nullable=False),
    sa.Column("segments", sa.JSON(), server_default=EMPTY_LIST, nullable=False),
    sa.Column("manual_segments", sa.JSON(), server_default=EMPTY_LIST, nullable=False),
    sa.Column("score_parts", sa.JSON(), server_default=EMPTY_LIST, nullable=False),
    sa.Column("received_at", TS, nullable=True),
    sa.Column("sla_due_at", TS, nullable=True),
    sa.Column("notes", sa.Text(), server_default=BLANK, nullable=False),
    sa.Column("person_key", sa.String(200), server_default=BLANK, nullable=False),
    sa.Column("company_key", sa.String(200), server_default=BLANK, nullable=False),
    ]


BOARD_INDEXES = (("status", "status"), ("received", "received_at"), ("sla_due", "sla_due_at"),
                 ("score", "score"), ("source", "source"), ("territory", "territory_id"),
                 ("person_key", "person_key"), ("company_key", "company_key"))

DEFAULT_SEGMENTS: list[dict[str, Any]] = [
    {"name": "qualified", "match": "all",
     "plan": "Discovery call by the owner within the SLA; convert to a deal once need, budget "
             "and timing are confirmed.",
     "conditions": [{"field": "status", "operator": "equals", "value": "qualified"}]},
    {"name": "unqualified", "match": "all",
     "plan": "Monthly newsletter; score again after any new engagement.",
     "conditions": [{"field": "status", "operator": "equals", "value": "unqualified"}]},
    {"name": "price objection", "match": "any",
     "plan": "Send the ROI case study and the entry-level offer; follow up in two weeks with a "
             "rep skilled in price objections.",
     "conditions": [{"field": "status_reason", "operator": "contains", "value": "price"},
                    {"field": "status_reason", "operator": "contains", "value": "expensive"},
                    {"field": "notes", "operator": "contains", "value": "price"},
                    {"field": "notes", "operator": "contains", "value": "too expensive"}]},
    {"name": "hot", "match": "all", "plan": "Call within one business hour.",
     "conditions": [{"field": "score", "operator": ">=", "value": 70}]},
    {"name": "warm", "match": "all",
     "plan": "Call within one business day; nurture by e-mail if not reached.",
     "conditions": [{"field": "score", "operator": ">=", "value": 40},
                    {"field": "score", "operator": "<=", "value": 69}]},
    {"name": "cold", "match": "all",
     "plan": "Nurture by e-mail campaign; score again on engagement.",
     "conditions": [{"field": "score", "operator": "<=", "value": 39}]},
]

FTS_TABLE = """CREATE VIRTUAL TABLE leads_fts USING fts5(person_name, email, company,
    content='leads', content_rowid='rowid', tokenize='unicode61 remove_diacritics 2')"""
FTS_TRIGGERS = (
    """CREATE TRIGGER leads_fts_insert AFTER INSERT ON leads BEGIN
    INSERT INTO leads_fts(rowid, person_name, email, company)
    VALUES (new.rowid, new.person_name, new.email, new.company); END""",
    """CREATE TRIGGER leads_fts_delete AFTER DELETE ON leads BEGIN
    INSERT INTO leads_fts(leads_fts, rowid, person_name, email, company)
    VALUES ('delete', old.rowid, old.person_name, old.email, old.company); END""",
    """CREATE TRIGGER leads_fts_update AFTER UPDATE OF person_name, email, company ON leads
    BEGIN
    INSERT INTO leads_fts(leads_fts, rowid, person_name, email, company)
    VALUES ('delete', old.rowid, old.person_name, old.email, old.company);
    INSERT INTO leads_fts(rowid, person_name, email, company)
    VALUES (new.rowid, new.person_name, new.email, new.company); END""",
)
TRGM_INDEX = ("CREATE INDEX ix_leads_search_trgm ON leads USING gin "
              "((person_name || ' ' || coalesce(email, '') || ' ' || company) gin_trgm_ops)")


# --- frozen copies of domain.leads.person_key / company_key (as of this revision) -------
_INVISIBLE = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff\u00ad"))
_PUNCTUATION = re.compile(r"[^\w\s]")
_LEGAL = frozenset({
    "inc", "incorporated", "ltd", "limited", "llc", "plc", "corp", "corporation", "co",
    "company", "gmbh", "ag", "sa", "sas", "sarl", "srl", "spa", "bv", "nv", "ab", "oy",
    "as", "kg", "pty", "lp", "llp"})


def _words(text: str | None) -> list[str]:
    tidy = " ".join(unicodedata.normalize("NFC", text or "").translate(_INVISIBLE).split())
    return _PUNCTUATION.sub(" ", tidy.casefold()).split()


def _person_key(name: str | None) -> str:
    return " ".join(_words(name))[:200]


def _company_key(name: str | None) -> str:
    return " ".join(w for w in _words(name) if w not in _LEGAL)[:200]


# --- steps -----------------------------------------------------------------------------
def _backfill_keys(conn: sa.Connection) -> None:
    """person_key and company_key of the leads already there, in chunks."""
    leads = sa.table("leads", sa.column("id"), sa.column("person_name"), sa.column("company"))
    last = ""
    while True:
        rows = conn.execute(sa.select(leads.c.id, leads.c.person_name, leads.c.company)
                            .where(leads.c.id > last).order_by(leads.c.id).limit(CHUNK)).all()
        if not rows:
            return
        conn.execute(sa.text("UPDATE leads SET person_key = :p, company_key = :c WHERE id = :i"),
                     [{"i": r[0], "p": _person_key(r[1]), "c": _company_key(r[2])}
                      for r in rows])
        last = rows[-1][0]


def _backfill_segments(conn: sa.Connection) -> None:
    """The default rules' segments of the leads already there (their reasons and notes are
    still empty, so only status and score can match)."""
    by_status = "CASE status WHEN 'qualified' THEN '\"qualified\", ' " \
                "WHEN 'unqualified' THEN '\"unqualified\", ' ELSE '' END"
    by_score = "CASE WHEN score >= 70 THEN '\"hot\"' WHEN score >= 40 THEN '\"warm\"' " \
               "ELSE '\"cold\"' END"
    text = f"'[' || {by_status} || {by_score} || ']'"
    value = f"CAST({text} AS JSON)" if conn.dialect.name == "postgresql" else text
    conn.execute(sa.text(f"UPDATE leads SET segments = {value}"))
    for name, where in (("qualified", "status = 'qualified'"),
                        ("unqualified", "status = 'unqualified'"), ("hot", "score >= 70"),
                        ("warm", "score BETWEEN 40 AND 69"), ("cold", "score <= 39")):
        conn.execute(sa.text(f"INSERT INTO lead_segment_links (segment, lead_id) "
                             f"SELECT '{name}', id FROM leads WHERE {where}"))


def _seed_segments(conn: sa.Connection) -> None:
    now = datetime.now(UTC)
    if conn.dialect.name == "sqlite":
        now = now.replace(tzinfo=None)  # as storage.types.UTCDateTime stores it there
    table = sa.table("lead_segments", *(sa.column(c) for c in (
        "id", "version", "name", "position", "match", "plan", "updated_by")),
        sa.column("conditions", sa.JSON), sa.column("created_at", TS),
        sa.column("updated_at", TS))
    conn.execute(sa.insert(table), [
        {"id": str(uuid.uuid4()), "version": 1, "name": s["name"], "position": n,
         "match": s["match"], "conditions": s["conditions"], "plan": s["plan"],
         "created_at": now, "updated_at": now, "updated_by": "salesdesk"}
        for n, s in enumerate(DEFAULT_SEGMENTS)])


def _sqlite_search(conn: sa.Connection) -> None:
    # Word tokens rather than trigrams: a third of the index and of the time to build it
    # (1,000,000 leads: 5 s against 16 s), at the price of prefix-of-word search on SQLite.
    conn.exec_driver_sql(FTS_TABLE)
    conn.exec_driver_sql("INSERT INTO leads_fts(leads_fts) VALUES ('rebuild')")
    for trigger in FTS_TRIGGERS:
        conn.exec_driver_sql(trigger)


def _postgresql_search(conn: sa.Connection) -> None:
    available = conn.exec_driver_sql(
        "SELECT 1 FROM pg_available_extensions WHERE name = 'pg_trgm'").first()
    if available is None:
        return
    savepoint = conn.begin_nested()
    try:
        conn.exec_driver_sql("CREATE EXTENSION IF NOT EXISTS pg_trgm")
        conn.exec_driver_sql(TRGM_INDEX)
        savepoint.commit()
    except sa.exc.DBAPIError:  # not allowed to add extensions: search scans instead
        savepoint.rollback()


def upgrade() -> None:
    conn = op.get_bind()
    if conn.dialect.name == "postgresql":
        # The earlier revisions of this run may have written rows whose deferred foreign
        # key checks are still pending, and PostgreSQL refuses DDL on such tables: check
        # them now (every later statement here leaves the data consistent).
        conn.exec_driver_sql("SET CONSTRAINTS ALL IMMEDIATE")
    with op.batch_alter_table("leads") as batch:
        for column in _new_lead_columns():
            batch.add_column(column)
    conn.execute(sa.text("UPDATE leads SET received_at = created_at"))
    _backfill_keys(conn)
    op.create_table(
        "lead_segment_links",
        sa.Column("segment", sa.String(80), nullable=False),
        sa.Column("lead_id", UUID, nullable=False),
        sa.ForeignKeyConstraint(["lead_id"], ["leads.id"],
                                name=op.f("fk_lead_segment_links_lead_id_leads"),
                                initially="DEFERRED", deferrable=True),
        sa.PrimaryKeyConstraint("segment", "lead_id", name=op.f("pk_lead_segment_links")),
        sqlite_with_rowid=False)
    op.create_index("ix_lead_segment_links_lead", "lead_segment_links", ["lead_id"])
    op.drop_index("ix_leads_status", table_name="leads")
    for name, indexed in BOARD_INDEXES:
        op.create_index(f"ix_leads_{name}", "leads", [indexed, "id"])
    op.create_index("ix_leads_email", "leads", ["email"])
    waiting = sa.text("first_contacted_at IS NULL AND deleted_at IS NULL")
    op.create_index("ix_leads_waiting", "leads", ["sla_due_at", "status", "id"],
                    sqlite_where=waiting, postgresql_where=waiting)
    _business_table("lead_segments",
                    sa.Column("name", sa.String(80), nullable=False),
                    sa.Column("position", sa.Integer(), nullable=False),
                    sa.Column("match", sa.String(3), server_default="all", nullable=False),
                    sa.Column("conditions", sa.JSON(), nullable=False),
                    sa.Column("plan", sa.Text(), server_default=BLANK, nullable=False))
    _seed_segments(conn)
    _business_table("lead_activities",
                    sa.Column("lead_id", UUID, nullable=False),
                    sa.Column("kind", sa.String(12), nullable=False),
                    sa.Column("at", TS, nullable=False),
                    sa.Column("subject", sa.String(200), server_default=BLANK, nullable=False),
                    sa.Column("body", sa.Text(), server_default=BLANK, nullable=False),
                    sa.Column("detail", sa.JSON(), nullable=False),
                    sa.ForeignKeyConstraint(["lead_id"], ["leads.id"],
                                            name=op.f("fk_lead_activities_lead_id_leads"),
                                            initially="DEFERRED", deferrable=True))
    op.create_index("ix_lead_activities_lead", "lead_activities", ["lead_id", "at"])
    op.create_index("ix_deals_lead", "deals", ["lead_id"])  # a lead's deal, once converted
    if conn.dialect.name == "sqlite":
        _sqlite_search(conn)
    else:
        _postgresql_search(conn)
    # Last: PostgreSQL refuses DDL on a table whose deferred foreign keys have checks
    # pending, which the links written here leave until the commit.
    _backfill_segments(conn)


def _business_table(name: str, *items: Any) -> None:
    op.create_table(
        name,
        sa.Column("id", UUID, nullable=False),
        sa.Column("version", sa.Integer(), server_default="1", nullable=False),
        *[i for i in items if isinstance(i, sa.Column)],
        sa.Column("created_at", TS, nullable=False),
        sa.Column("updated_at", TS, nullable=False),
        sa.Column("updated_by", sa.String(120), nullable=False),
        sa.Column("deleted_at", TS, nullable=True),
        *[i for i in items if not isinstance(i, sa.Column)],
        sa.PrimaryKeyConstraint("id", name=op.f(f"pk_{name}")))


def downgrade() -> None:
    conn = op.get_bind()
    if conn.dialect.name == "sqlite":
        for trigger in ("leads_fts_insert", "leads_fts_delete", "leads_fts_update"):
            conn.exec_driver_sql(f"DROP TRIGGER IF EXISTS {trigger}")
        conn.exec_driver_sql("DROP TABLE IF EXISTS leads_fts")
    else:
        conn.exec_driver_sql("DROP INDEX IF EXISTS ix_leads_search_trgm")
    op.drop_index("ix_deals_lead", table_name="deals")
    op.drop_index("ix_lead_activities_lead", table_name="lead_activities")
    op.drop_table("lead_activities")
    op.drop_table("lead_segments")
    op.drop_index("ix_lead_segment_links_lead", table_name="lead_segment_links")
    op.drop_table("lead_segment_links")
    op.drop_index("ix_leads_email", table_name="leads")
    op.drop_index("ix_leads_waiting", table_name="leads")
    for name, _ in BOARD_INDEXES:
        op.drop_index(f"ix_leads_{name}", table_name="leads")
    op.create_index("ix_leads_status", "leads", ["status"])
    with op.batch_alter_table("leads") as batch:
        for column in reversed(_new_lead_columns()):
            batch.drop_column(column.name)
