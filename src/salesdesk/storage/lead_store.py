"""Leads in the workspace: the unit of work's `leads` repository, the storage-only columns
kept in step with the domain, and the bulk paths imports and routing use.

- `person_key` and `company_key` are filled from domain.leads' key functions whenever the
  ORM writes a lead (mapper events below) and by `add_many`. The e-mail is stored
  normalised (Lead validates it so), which makes it the exact-duplicate key itself.
- `lead_segment_links` mirrors each live lead's `segments` (one row per segment key) for
  the board's segment filter and the report's counts; the same events keep it in step.
- `add_many` inserts through the driver (executemany / COPY) in the unit of work's
  transaction; the change log gets one "bulk" entry per LOG_CHUNK leads listing their ids,
  not one entry per lead.
- `set_owners` changes owners in bulk, only where the owner is still the expected one
  (a lead reassigned meanwhile is left alone), bumping versions and logging each change.
"""

from __future__ import annotations

import builtins
import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from operator import itemgetter
from typing import Any

import sqlalchemy as sa
from sqlalchemy import event
from sqlalchemy.orm import Session

from salesdesk.domain.entity import new_id
from salesdesk.domain.lead_segments import Segment, load_segments
from salesdesk.domain.leads import OPEN_STATUSES, Lead, LeadData, company_key, person_key
from salesdesk.domain.validation import name_key
from salesdesk.storage import tables as t
from salesdesk.storage.bulk_load import Row, insert_many
from salesdesk.storage.lead_bulk import SqliteLeadBulk
from salesdesk.storage.lead_values import LEAD_COLUMNS, LeadRows

OPEN = tuple(s.value for s in OPEN_STATUSES)
KEY_CHUNK = 500
"""Keys per IN (...) lookup: well under every backend's parameter limit."""
LOG_CHUNK = 5_000
"""Created leads listed per bulk change-log entry."""
LINK_COLUMNS = ("segment", "lead_id")


def segment_keys(names: Iterable[str]) -> list[str]:
    return list(dict.fromkeys(name_key(n) for n in names))


SEGMENTS_AT = LEAD_COLUMNS.index("segments")


def _link_rows(rows: Sequence[Row]) -> list[tuple[str, str]]:
    """(segment key, lead id) of each segment of each row, in key order."""
    keys: dict[Any, list[str]] = {}
    out: list[tuple[str, str]] = []
    for row in rows:
        names = row[SEGMENTS_AT]
        found = keys.get(names)
        if found is None:
            found = keys[names] = segment_keys(
                json.loads(names) if isinstance(names, str) else names)
        out += [(k, row[0]) for k in found]
    out.sort()
    return out


# --- keeping the storage-only columns in step with ORM writes --------------------------
def _stamp_keys(_mapper: Any, _conn: sa.Connection, lead: Lead) -> None:
    lead._person_key = person_key(lead.person_name)  # type: ignore[attr-defined]
    lead._company_key = company_key(lead.company)  # type: ignore[attr-defined]
    if lead.received_at is None:
        lead.received_at = lead.created_at


def _write_links(conn: sa.Connection, lead: Lead, replace: bool) -> None:
    if replace:
        conn.execute(sa.delete(t.lead_segment_links)
                     .where(t.lead_segment_links.c.lead_id == lead.id))
    rows = [{"segment": k, "lead_id": lead.id} for k in segment_keys(lead.segments)]
    if rows:
        conn.execute(sa.insert(t.lead_segment_links), rows)


def _links_after_insert(_mapper: Any, conn: sa.Connection, lead: Lead) -> None:
    _write_links(conn, lead, replace=False)


def _links_after_update(_mapper: Any, conn: sa.Connection, lead: Lead) -> None:
    """Links exist for live leads only: a soft delete removes them, a restore brings
    them back."""
    attrs = sa.inspect(lead).attrs  # type: ignore[union-attr]
    if lead.deleted_at is not None:
        if attrs.deleted_at.history.has_changes():
            conn.execute(sa.delete(t.lead_segment_links)
                         .where(t.lead_segment_links.c.lead_id == lead.id))
    elif attrs.segments.history.has_changes() or attrs.deleted_at.history.has_changes():
        _write_links(conn, lead, replace=True)


KEY_PROPERTIES = {"_person_key": t.leads.c.person_key, "_company_key": t.leads.c.company_key}
"""Mapped onto Lead under private names: storage's, never read by the domain."""


def install_listeners() -> None:
    """Called once, by mapping.start_mappers, after Lead is mapped."""
    for name, fn in (("before_insert", _stamp_keys), ("before_update", _stamp_keys),
                     ("after_insert", _links_after_insert),
                     ("after_update", _links_after_update)):
        event.listen(Lead, name, fn)


def _open_transaction(conn: sa.Connection) -> None:
    """pysqlite opens its transaction only at the first INSERT/UPDATE/DELETE: make sure
    one is open before DDL (SqliteLeadBulk's trigger pause), so that it commits or rolls
    back with the rows instead of on its own."""
    raw = conn.connection.driver_connection
    if raw is not None and not raw.in_transaction:
        conn.exec_driver_sql("BEGIN")


# --- the repository --------------------------------------------------------------------
@dataclass(frozen=True)
class RoutableLead:
    """What routing reads of a lead (domain.routing.Routable)."""

    id: str
    territory_id: str | None
    segments: tuple[str, ...]
    product_interest: str
    sector: str
    language: str


OwnerChange = tuple[str, str | None, str | None]
"""(lead id, owner expected now, new owner)."""


class LeadStore:
    """The bulk and read paths of the `leads` repository (SqlLeads adds the generic ones)."""

    session: Session
    actor: str

    def _conn(self) -> sa.Connection:
        return self.session.connection()

    def row_maker(self) -> LeadRows:
        return LeadRows(self._conn().dialect.name, self.actor)

    def add_many(self, leads: Sequence[LeadData], source: str = "",
                 prepared: Sequence[Row] = (), maker: LeadRows | None = None) -> None:
        """Insert new leads in bulk, with `prepared` rows (made by `maker`, a row_maker of
        this unit of work, as were those), stamped as created when the maker was made
        (now, without one) by the unit of work's actor."""
        if not leads and not prepared:
            return
        conn = self._conn()
        make = maker or self.row_maker()
        now = make.now
        rows = [*prepared, *make(leads)]
        rows.sort(key=itemgetter(0))  # by id (unique: the key is enough): bulk_load
        if conn.dialect.name == "sqlite":
            _open_transaction(conn)
        with SqliteLeadBulk(conn.exec_driver_sql, conn.dialect.name, len(rows)) as bulk:
            insert_many(conn, "leads", LEAD_COLUMNS, rows)
        if not bulk.active:
            insert_many(conn, "lead_segment_links", LINK_COLUMNS, _link_rows(rows))
        for lead in leads:
            lead.created_at = lead.updated_at = now
            lead.updated_by = self.actor
            lead.received_at = lead.received_at or now
        conn.execute(sa.insert(t.change_log), [
            {"id": new_id(), "at": now, "actor": self.actor, "entity": "leads",
             "entity_id": new_id(), "op": "bulk",
             "changes": {"rows": [None, len(chunk)], "source": [None, source],
                         "ids": [None, [r[0] for r in chunk]]}}
            for chunk in (rows[i:i + LOG_CHUNK] for i in range(0, len(rows), LOG_CHUNK))])

    def key_matches(self, email_keys: Iterable[str], person_keys: Iterable[str],
                    company_keys: Iterable[str]) -> builtins.list[tuple[str, str | None, str, str]]:
        """(id, e-mail, person key, company key) of every live lead sharing one of the
        keys: the candidates an import compares its rows with."""
        ld = t.leads
        found: dict[str, tuple[str, str | None, str, str]] = {}
        columns = (ld.c.email, ld.c.person_key, ld.c.company_key)
        sets = [{k for k in keys if k} for keys in (email_keys, person_keys, company_keys)]
        total = sum(len(k) for k in sets)
        live = sa.select(ld.c.id, *columns).where(ld.c.deleted_at.is_(None))
        few = self.session.execute(live.limit(total + 1)).tuples().all()
        if len(few) <= total:  # fewer leads than keys: read them all, match them here
            return [tuple(r) for r in few
                    if any(v in s for v, s in zip(r[1:], sets, strict=True))]
        for column, wanted in zip(columns, map(sorted, sets), strict=True):
            for i in range(0, len(wanted), KEY_CHUNK):
                stmt = (sa.select(ld.c.id, ld.c.email, ld.c.person_key, ld.c.company_key)
                        .where(column.in_(wanted[i:i + KEY_CHUNK]), ld.c.deleted_at.is_(None)))
                found.update((r[0], (r[0], r[1], r[2], r[3])) for r in self.session.execute(stmt))
        return list(found.values())

    def open_counts(self) -> dict[str, int]:
        """Open leads per owner (through ix_leads_owner_status)."""
        ld = t.leads
        rows = self.session.execute(
            sa.select(ld.c.owner_id, sa.func.count()).where(
                ld.c.owner_id.is_not(None), ld.c.status.in_(OPEN), ld.c.deleted_at.is_(None))
            .group_by(ld.c.owner_id))
        return {r[0]: int(r[1]) for r in rows}

    def routable(self, limit: int | None = None) -> builtins.list[RoutableLead]:
        """Open leads without an owner, the most urgent first: due soonest (no SLA last),
        then the longest waiting."""
        ld = t.leads
        stmt = (sa.select(ld.c.id, ld.c.territory_id, ld.c.segments, ld.c.product_interest,
                          ld.c.sector, ld.c.language)
                .where(ld.c.owner_id.is_(None), ld.c.status.in_(OPEN),
                       ld.c.deleted_at.is_(None))
                .order_by(ld.c.sla_due_at.is_(None), ld.c.sla_due_at, ld.c.received_at,
                          ld.c.id).limit(limit))
        return [RoutableLead(r[0], r[1], tuple(r[2] or ()), r[3], r[4], r[5])
                for r in self.session.execute(stmt)]

    def set_owners(self, changes: Sequence[OwnerChange]) -> builtins.list[str]:
        """Give each lead its new owner where its owner is still the expected one; returns
        the ids changed. Two executemany UPDATEs (expected owner NULL or not), versions
        bumped, then each change that took is logged."""
        ld, conn, now = t.leads, self._conn(), datetime.now(UTC)
        for unowned in (True, False):
            owner = ld.c.owner_id.is_(None) if unowned else \
                ld.c.owner_id == sa.bindparam("expected")
            params = [{"lead": i, "expected": old, "new": new} for i, old, new in changes
                      if (old is None) == unowned]
            if params:
                conn.execute(sa.update(ld).where(ld.c.id == sa.bindparam("lead"), owner,
                                                 ld.c.deleted_at.is_(None))
                             .values(owner_id=sa.bindparam("new"), version=ld.c.version + 1,
                                     updated_at=now, updated_by=self.actor), params)
        owners = self._owners([c[0] for c in changes])
        done = [c for c in changes if c[0] in owners and owners[c[0]] == c[2]]
        if done:
            conn.execute(sa.insert(t.change_log), [
                {"id": new_id(), "at": now, "actor": self.actor, "entity": "leads",
                 "entity_id": i, "op": "update", "changes": {"owner_id": [old, new]}}
                for i, old, new in done])
        return [c[0] for c in done]

    def _owners(self, ids: Sequence[str]) -> dict[str, str | None]:
        ld = t.leads
        found: dict[str, str | None] = {}
        for i in range(0, len(ids), KEY_CHUNK):
            found.update(self.session.execute(sa.select(ld.c.id, ld.c.owner_id).where(
                ld.c.id.in_(ids[i:i + KEY_CHUNK]))).tuples().all())
        return found


class SqlSegmentRules:
    """The unit of work's `lead_segments`: the segment rules, in order, as domain values."""

    def __init__(self, session: Session, actor: str):
        self.session, self.actor = session, actor

    def load(self) -> builtins.list[Segment]:
        s = t.lead_segments
        rows = self.session.execute(
            sa.select(s.c.name, s.c.match, s.c.plan, s.c.conditions)
            .where(s.c.deleted_at.is_(None)).order_by(s.c.position, s.c.name))
        return load_segments({"name": r[0], "match": r[1], "plan": r[2], "conditions": r[3]}
                             for r in rows)

    def save(self, segments: Sequence[Segment]) -> None:
        """Replace the rules: changed ones updated, new ones added, missing ones deleted
        (soft), each change logged."""
        s, now = t.lead_segments, datetime.now(UTC)
        current = {name_key(r.name): r for r in self.session.execute(
            sa.select(s).where(s.c.deleted_at.is_(None)))}
        log: list[tuple[str, str, dict[str, Any]]] = []
        for position, segment in enumerate(segments):
            data = segment.to_dict()
            values = {"name": segment.name, "position": position, "match": data["match"],
                      "plan": data["plan"], "conditions": data["conditions"],
                      "updated_at": now, "updated_by": self.actor}
            old = current.pop(name_key(segment.name), None)
            if old is None:
                row_id = new_id()
                self.session.execute(sa.insert(s).values(id=row_id, created_at=now, **values))
                log.append((row_id, "insert", {"name": [None, segment.name]}))
            elif (old.name, old.position, old.match, old.plan, old.conditions) != (
                    segment.name, position, data["match"], data["plan"], data["conditions"]):
                self.session.execute(sa.update(s).where(s.c.id == old.id).values(
                    version=s.c.version + 1, **values))
                log.append((old.id, "update", {"rule": [None, data]}))
        for old in current.values():
            self.session.execute(sa.update(s).where(s.c.id == old.id).values(
                deleted_at=now, updated_at=now, updated_by=self.actor,
                version=s.c.version + 1))
            log.append((old.id, "delete", {"name": [old.name, None]}))
        if log:
            self.session.execute(sa.insert(t.change_log), [
                {"id": new_id(), "at": now, "actor": self.actor, "entity": "lead_segments",
                 "entity_id": i, "op": op, "changes": c} for i, op, c in log])
