"""The unit of work's `lead_rescore`: every live lead, batch by batch, so that a change of
the lead rules can work out each lead's segments, score and SLA due time again
(services.lead_rules), and the leads whose figures changed written back in bulk.

- `batch` reads by keyset on the primary key (constant cost however deep), only the
  columns the rules and the SLA read, as plain LeadData copies built without validating
  the stored values again: a lead that an older version of the rules let in must not stop
  a re-scoring. Values come as the driver gives them (no SQLAlchemy type processing) and
  JSON is decoded once per distinct text: segments and explanations repeat a lot.
  On PostgreSQL the rows are locked as read (FOR UPDATE), so that nobody changes a lead
  between its reading and its writing; SQLite's single writer gives the same.
- `write` sends one executemany UPDATE per batch (by rowid on SQLite, by id on
  PostgreSQL), values already as the driver stores them, versions bumped; rewrites the
  segment links of the leads whose segments changed, and adds one "bulk" change-log
  entry listing the ids: a million per-lead entries would double the work.
- Cost, every lead changed, on a 2-core machine: about 80 s for 1,000,000 leads on
  SQLite, 100k in 16 s on PostgreSQL (each UPDATE there also writes every index entry
  of the row, the trigram search index included); unchanged leads cost the reading and
  the working out only, about a third of that.
Everything runs in the unit of work's transaction: rolled back, nothing was written.
"""

from __future__ import annotations

import builtins
import json
from collections.abc import Iterator, Sequence
from dataclasses import fields
from datetime import UTC, datetime
from typing import Any

import sqlalchemy as sa
from sqlalchemy.orm import Session

from salesdesk.domain.entity import new_id
from salesdesk.domain.lead_segments import LeadField
from salesdesk.domain.leads import LeadData, LeadStatus
from salesdesk.domain.validation import name_key
from salesdesk.storage import tables as t
from salesdesk.storage.bulk_load import insert_many

ld, links = t.leads, t.lead_segment_links
JSON_COLUMNS = ("segments", "manual_segments", "score_parts")
MOMENTS = ("received_at", "created_at", "first_contacted_at", "sla_due_at")
READ_COLUMNS = tuple(dict.fromkeys(("id", "version", *(f.value for f in LeadField),
                                    *MOMENTS, *JSON_COLUMNS)))
"""Every field a rule may read, what the SLA starts from and what a re-scoring changes."""
KEY_CHUNK = 500
MEMO = 50_000
"""Distinct JSON texts kept (then the memo starts again)."""
_STATUSES = {s.value: s for s in LeadStatus}
_UNREAD = {f.name: None for f in fields(LeadData) if f.name not in READ_COLUMNS}
"""The entity stamps not read (updated_at, updated_by, deleted_at: None for a live lead)."""
_RAW = sa.types.NullType()


def stored_lead(values: dict[str, Any]) -> LeadData:
    """A LeadData of stored values, as stored: no validation (see the module's docstring)."""
    lead = object.__new__(LeadData)
    lead.__dict__.update(_UNREAD)
    lead.__dict__.update(values)
    return lead


class _Driver:
    """Values between Python and the driver, without SQLAlchemy's type processing: JSON
    decoded and encoded once per distinct text or list (lists are shared between leads),
    moments as SQLite's UTC text or PostgreSQL's aware datetimes."""

    def __init__(self, dialect: str):
        self.sqlite = dialect == "sqlite"
        self._decoded: dict[str, Any] = {}
        self._encoded: dict[int, tuple[Any, str]] = {}

    def decode(self, text: Any) -> Any:
        if not isinstance(text, str):  # NULL
            return []
        found = self._decoded.get(text)
        if found is None:
            if len(self._decoded) >= MEMO:
                self._decoded.clear()
            found = self._decoded[text] = json.loads(text)
        return found

    def encode(self, value: Any) -> str:
        found = self._encoded.get(id(value))
        if found is None or found[0] is not value:  # holding `value` keeps its id unique
            if len(self._encoded) >= MEMO:
                self._encoded.clear()
            found = self._encoded[id(value)] = (value, json.dumps(value))
        return found[1]

    @staticmethod
    def read_moment(value: Any) -> datetime | None:
        if isinstance(value, str):
            return datetime.fromisoformat(value).replace(tzinfo=UTC)
        return value if value is None or value.tzinfo else value.replace(tzinfo=UTC)

    def moment(self, value: datetime | None) -> Any:
        if value is None or not self.sqlite:
            return value
        return value.astimezone(UTC).replace(tzinfo=None).isoformat(" ", "microseconds")


class SqlLeadRescore:
    def __init__(self, session: Session, actor: str):
        self.session, self.actor = session, actor
        self._driver: _Driver | None = None
        self._read: dict[str, tuple[Any, list[str]]] = {}
        """Per lead of the last batch: its row's key (SQLite's rowid: no look-up in the
        id index; else the id) and its segments as read (to tell whose links change)."""

    def _values(self) -> _Driver:
        if self._driver is None:
            self._driver = _Driver(self.session.connection().dialect.name)
        return self._driver

    def count(self) -> int:
        """Live leads."""
        return int(self.session.execute(sa.select(sa.func.count()).select_from(ld)
                                        .where(ld.c.deleted_at.is_(None))).scalar_one())

    def batches(self, size: int) -> Iterator[builtins.list[LeadData]]:
        """Every live lead, `size` at a time by id, locked until the end of the
        transaction (see the module's docstring)."""
        v = self._values()
        row_key = sa.literal_column("leads.rowid") if v.sqlite else ld.c.id
        columns = [sa.cast(ld.c[n], sa.Text).label(n) if n in JSON_COLUMNS
                   else sa.type_coerce(ld.c[n], _RAW).label(n) for n in READ_COLUMNS]
        stmt = (sa.select(sa.type_coerce(row_key, _RAW), *columns)
                .where(ld.c.deleted_at.is_(None)).order_by(ld.c.id).limit(size)
                .with_for_update())
        after = ""
        while rows := self.session.execute(stmt.where(ld.c.id > after)).tuples().all():
            after = rows[-1][1]
            yield self._leads(rows)

    def _leads(self, rows: Sequence[tuple[Any, ...]]) -> builtins.list[LeadData]:
        v, leads = self._values(), []
        self._read = {}
        for row in rows:
            values = dict(zip(READ_COLUMNS, row[1:], strict=True))
            for name in MOMENTS:
                values[name] = v.read_moment(values[name])
            for name in JSON_COLUMNS:
                values[name] = v.decode(values[name])
            values["status"] = _STATUSES.get(values["status"], LeadStatus.NEW)
            self._read[values["id"]] = (row[0], values["segments"])
            leads.append(stored_lead(values))
        return leads

    def write(self, leads: Sequence[LeadData]) -> int:
        """Store the segments, score, explanation and SLA due time of these leads of the
        last batch (the ones that changed), bump their versions, rewrite their segment
        links where the segments changed, log them; the number written."""
        if not leads:
            return 0
        conn, v, now = self.session.connection(), self._values(), datetime.now(UTC)
        read = self._read
        p, row = ("?", "rowid") if v.sqlite else ("%s", "id")  # rowid: no id index look-up
        as_json = p if v.sqlite else f"CAST({p} AS JSON)"
        conn.exec_driver_sql(
            f"UPDATE leads SET version = version + 1, updated_at = {p}, updated_by = {p}, "
            f"segments = {as_json}, score = {p}, score_parts = {as_json}, "
            f"sla_due_at = {p} WHERE {row} = {p}",
            [(v.moment(now), self.actor, v.encode(x.segments), x.score,
              v.encode(x.score_parts), v.moment(x.sla_due_at), read[x.id][0])
             for x in leads])
        self._relink(conn, [x for x in leads if read[x.id][1] != x.segments])
        conn.execute(sa.insert(t.change_log).values(
            id=new_id(), at=now, actor=self.actor, entity="leads", entity_id=new_id(),
            op="bulk", changes={"rows": [None, len(leads)],
                                "rescored": [None, ["segments", "score", "sla_due_at"]],
                                "ids": [None, [x.id for x in leads]]}))
        return len(leads)

    @staticmethod
    def _relink(conn: sa.Connection, leads: Sequence[LeadData]) -> None:
        ids = [x.id for x in leads]
        for i in range(0, len(ids), KEY_CHUNK):
            conn.execute(sa.delete(links).where(links.c.lead_id.in_(ids[i:i + KEY_CHUNK])))
        insert_many(conn, "lead_segment_links", ("segment", "lead_id"), sorted(
            {(name_key(s), x.id) for x in leads for s in x.segments}))
