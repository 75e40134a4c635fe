"""The leads repository's paths for the board's actions (LeadWrites, mixed into
storage.uow.SqlLeads next to lead_store.LeadStore): bulk owner changes, activities the
app records by the thousand, bulk status and segment changes on plain LeadData copies,
and the account of a lead's company.

None of these builds a Lead entity: the ORM would cost a flush and a link rewrite per
lead. They run in the unit of work's transaction; the caller must not also hold the
same leads as entities in it (those would not see these writes).
"""

from __future__ import annotations

import builtins
from collections.abc import Sequence
from datetime import UTC, datetime
from typing import Any

import sqlalchemy as sa
from sqlalchemy.orm import Session

from salesdesk.domain.entity import new_id
from salesdesk.domain.errors import ConcurrentEditError
from salesdesk.domain.lead_activities import LeadActivityKind
from salesdesk.domain.leads import LeadData, company_key
from salesdesk.domain.validation import name_key
from salesdesk.storage import tables as t
from salesdesk.storage.changelog import to_json
from salesdesk.storage.lead_store import KEY_CHUNK, LOG_CHUNK, OwnerChange, segment_keys
from salesdesk.storage.lead_values import LEAD_COLUMNS

NewActivity = tuple[str, LeadActivityKind, datetime, str, dict[str, Any]]
"""(lead id, kind, at, subject, detail), as services.unit_of_work names it."""
DATA_COLUMNS = tuple(c for c in LEAD_COLUMNS if c not in ("person_key", "company_key"))
"""The columns that are LeadData fields."""
SAVED_FIELDS = ("status", "status_reason", "first_contacted_at", "segments",
                "manual_segments", "score", "score_parts", "territory_id", "sla_due_at")
"""What save_many writes: a bulk status or segment change and what follows from it."""


def _saved(lead: LeadData) -> tuple[Any, ...]:
    """SAVED_FIELDS' values, lists as tuples (a snapshot the lead's lists cannot change)."""
    return (lead.status, lead.status_reason, lead.first_contacted_at, tuple(lead.segments),
            tuple(lead.manual_segments), lead.score,
            tuple(tuple(sorted(p.items())) for p in lead.score_parts), lead.territory_id,
            lead.sla_due_at)


def _diff(old: tuple[Any, ...], new: tuple[Any, ...]) -> dict[str, list[Any]]:
    """The change log's {field: [old, new]} of the fields that changed."""
    return {f: [to_json(a), to_json(b)] for f, a, b in zip(SAVED_FIELDS, old, new, strict=True)
            if a != b}


class LeadWrites:
    """Mixed into SqlLeads, which gives it `session` and `actor`."""

    session: Session
    actor: str
    _bulk: dict[str, tuple[int, tuple[Any, ...]]]

    def _conn(self) -> sa.Connection:
        return self.session.connection()

    def owners(self, ids: Sequence[str]) -> dict[str, str | None]:
        """The owner of each live lead among `ids` (missing or deleted ones left out)."""
        ld = t.leads
        found: dict[str, str | None] = {}
        for i in range(0, len(ids), KEY_CHUNK):
            found.update(self.session.execute(sa.select(ld.c.id, ld.c.owner_id).where(
                ld.c.id.in_(ids[i:i + KEY_CHUNK]), ld.c.deleted_at.is_(None))).tuples().all())
        return found

    def reassign(self, changes: Sequence[OwnerChange]) -> None:
        """Set each lead's owner unconditionally (the caller read the owners in this unit
        of work): one UPDATE ... WHERE id IN (...) per new owner and KEY_CHUNK leads,
        versions bumped, each change logged with the old owner it names."""
        ld, conn, now = t.leads, self._conn(), datetime.now(UTC)
        by_owner: dict[str | None, list[str]] = {}
        for lead_id, _old, new in changes:
            by_owner.setdefault(new, []).append(lead_id)
        for owner, ids in by_owner.items():
            for i in range(0, len(ids), KEY_CHUNK):
                conn.execute(sa.update(ld).where(ld.c.id.in_(ids[i:i + KEY_CHUNK]))
                             .values(owner_id=owner, version=ld.c.version + 1,
                                     updated_at=now, updated_by=self.actor))
        if changes:
            conn.execute(sa.insert(t.change_log), [
                {"id": new_id(), "at": now, "actor": self.actor, "entity": "leads",
                 "entity_id": i, "op": "update", "changes": {"owner_id": [old, new]}}
                for i, old, new in changes])

    def add_activities(self, activities: Sequence[NewActivity]) -> None:
        """Insert the activities (lead id, kind, at, subject, detail) in one executemany,
        logged as one "bulk" change-log entry per LOG_CHUNK of them."""
        if not activities:
            return
        conn, now = self._conn(), datetime.now(UTC)
        rows = [{"id": new_id(), "lead_id": lead_id, "kind": kind, "at": at,
                 "subject": subject, "body": "", "detail": detail, "created_at": now,
                 "updated_at": now, "updated_by": self.actor}
                for lead_id, kind, at, subject, detail in activities]
        conn.execute(sa.insert(t.lead_activities), rows)
        conn.execute(sa.insert(t.change_log), [
            {"id": new_id(), "at": now, "actor": self.actor, "entity": "lead_activities",
             "entity_id": new_id(), "op": "bulk",
             "changes": {"rows": [None, len(chunk)], "ids": [None, [r["id"] for r in chunk]]}}
            for chunk in (rows[i:i + LOG_CHUNK] for i in range(0, len(rows), LOG_CHUNK))])

    def load_many(self, ids: Sequence[str]) -> builtins.list[LeadData]:
        """Plain copies of the live leads among `ids` (not ORM objects), for a bulk
        change written back with save_many; what they were is kept to compare."""
        ld, loaded = t.leads, self._loaded()
        columns = [ld.c[c] for c in DATA_COLUMNS]
        found: builtins.list[LeadData] = []
        for i in range(0, len(ids), KEY_CHUNK):
            rows = self.session.execute(sa.select(*columns).where(
                ld.c.id.in_(ids[i:i + KEY_CHUNK]), ld.c.deleted_at.is_(None))).mappings()
            for row in rows:
                lead = LeadData(**row)
                loaded[lead.id] = (lead.version, _saved(lead))
                found.append(lead)
        return found

    def save_many(self, leads: Sequence[LeadData]) -> None:
        """Write back SAVED_FIELDS of leads from load_many that changed: one executemany
        UPDATE guarded by the version read (ConcurrentEditError if another writer came
        first), their segment links rewritten in bulk, each change logged."""
        loaded, changed = self._loaded(), []
        for lead in leads:
            version, old = loaded[lead.id]
            if _saved(lead) != old:
                changed.append((lead, version, old))
        if not changed:
            return
        conn, now, ld = self._conn(), datetime.now(UTC), t.leads
        done = conn.execute(
            sa.update(ld).where(ld.c.id == sa.bindparam("lead"),
                                ld.c.version == sa.bindparam("seen"))
            .values(version=ld.c.version + 1, updated_at=now, updated_by=self.actor,
                    **{f: sa.bindparam(f"new_{f}") for f in SAVED_FIELDS}),
            [{"lead": x.id, "seen": v, **{f"new_{f}": getattr(x, f) for f in SAVED_FIELDS}}
             for x, v, _old in changed])
        if done.rowcount != len(changed):
            raise ConcurrentEditError("lead")
        for lead, version, _old in changed:
            lead.version = version + 1
            loaded[lead.id] = (lead.version, _saved(lead))
        self._relink([x for x, _v, old in changed if list(old[3]) != x.segments])
        conn.execute(sa.insert(t.change_log), [
            {"id": new_id(), "at": now, "actor": self.actor, "entity": "leads",
             "entity_id": x.id, "op": "update", "changes": _diff(old, _saved(x))}
            for x, _v, old in changed])

    def _relink(self, leads: Sequence[LeadData]) -> None:
        links, conn = t.lead_segment_links, self._conn()
        ids = [x.id for x in leads]
        for i in range(0, len(ids), KEY_CHUNK):
            conn.execute(sa.delete(links).where(links.c.lead_id.in_(ids[i:i + KEY_CHUNK])))
        rows = [{"segment": k, "lead_id": x.id} for x in leads for k in segment_keys(x.segments)]
        if rows:
            conn.execute(sa.insert(links), rows)

    def _loaded(self) -> dict[str, tuple[int, tuple[Any, ...]]]:
        """What load_many read, per lead id: its version and SAVED_FIELDS values."""
        if "_bulk" not in vars(self):
            self._bulk = {}
        return self._bulk

    def account_for_company(self, company: str) -> str | None:
        """The live account whose name is the company's (domain.leads.company_key: 'ACME,
        Inc.' is 'Acme'): one with the very name first, else the oldest; None if none.
        When the key's longest word is ASCII (its case folds alike in Python and SQL),
        only the names containing it are read."""
        key = company_key(company)
        if not key:
            return None
        a = t.accounts
        stmt = sa.select(a.c.id, a.c.name).where(a.c.deleted_at.is_(None))
        word = max(key.split(), key=len)
        if word.isascii():
            word = word.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
            stmt = stmt.where(sa.func.lower(a.c.name).like(f"%{word}%", escape="\\"))
        rows = self.session.execute(stmt.order_by(a.c.created_at, a.c.id)).tuples().all()
        same = [(name_key(n) != name_key(company), at, i)
                for at, (i, n) in enumerate(rows) if company_key(n) == key]
        return min(same)[2] if same else None
