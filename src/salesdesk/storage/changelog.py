"""Audit stamps and the change log, written in the same transaction as the change.

The change log is the audit trail now and the sync outbox later: every insert, update
and soft delete of a mapped entity appends one row with the changed fields' old and
new values, who did it and when.
"""

from __future__ import annotations

import enum
from datetime import UTC, date, datetime
from decimal import Decimal
from typing import Any

import sqlalchemy as sa
from sqlalchemy import event
from sqlalchemy.orm import Session, object_mapper
from sqlalchemy.orm.attributes import get_history

from salesdesk.domain.entity import Entity, new_id
from salesdesk.storage import tables
from salesdesk.storage.mapping import entity_name

_SKIP = {"id", "version", "created_at", "updated_at", "updated_by",
         "_person_key", "_company_key"}  # storage's lead keys: derived


def to_json(value: Any) -> Any:
    """Plain JSON for the change log: exact decimals and ISO dates as text."""
    if isinstance(value, Decimal | date | datetime):
        return value.isoformat() if not isinstance(value, Decimal) else str(value)
    if isinstance(value, enum.Enum):
        return value.value
    if isinstance(value, dict):
        return {str(k): to_json(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [to_json(v) for v in value]
    if hasattr(value, "to_dict"):
        return value.to_dict()
    return value


def _columns(obj: Entity) -> list[str]:
    return [p.key for p in object_mapper(obj).column_attrs if p.key not in _SKIP]


def _insert_row(obj: Entity) -> dict[str, list[Any]]:
    return {k: [None, to_json(getattr(obj, k))] for k in _columns(obj)
            if getattr(obj, k) not in (None, "", [], {})}


def _update_row(obj: Entity) -> dict[str, list[Any]]:
    changes: dict[str, list[Any]] = {}
    for key in _columns(obj):
        hist = get_history(obj, key)
        if hist.has_changes():
            old = hist.deleted[0] if hist.deleted else None
            new = hist.added[0] if hist.added else None
            if to_json(old) != to_json(new):
                changes[key] = [to_json(old), to_json(new)]
    return changes


def _row(obj: Entity, op: str, changes: dict[str, list[Any]], now: datetime,
         actor: str) -> dict[str, Any]:
    return {"id": new_id(), "at": now, "actor": actor, "entity": entity_name(obj),
            "entity_id": obj.id, "op": op, "changes": changes}


def _before_flush(session: Session, _context: Any, _instances: Any) -> None:
    """Stamp what is about to be written and log it, in the flush's transaction. The log
    rows go in as one executemany: one INSERT per row cost seconds on big flushes (an
    evaluation moving 20,000 accounts)."""
    now = datetime.now(UTC)
    actor = str(session.info.get("actor", "unknown"))
    for obj in list(session.deleted):
        raise RuntimeError(f"hard delete of {obj!r}: business rows are soft-deleted")
    rows = []
    for obj in list(session.new):
        if isinstance(obj, Entity):
            obj.created_at = obj.updated_at = now
            obj.updated_by = actor
            rows.append(_row(obj, "insert", _insert_row(obj), now, actor))
    for obj in list(session.dirty):
        if isinstance(obj, Entity) and session.is_modified(obj, include_collections=False):
            changes = _update_row(obj)
            if not changes:
                continue
            op = "delete" if "deleted_at" in changes and obj.deleted_at is not None else "update"
            obj.updated_at, obj.updated_by = now, actor
            rows.append(_row(obj, op, changes, now, actor))
    if rows:
        session.connection().execute(sa.insert(tables.change_log), rows)


def install(session_factory: Any) -> None:
    event.listen(session_factory, "before_flush", _before_flush)
