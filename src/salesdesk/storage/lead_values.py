"""New leads as the driver stores them, without SQLAlchemy (and without importing it:
an import's helper process makes rows with LeadRows, and starts faster without it).

`LEAD_COLUMNS` is the leads table's column order for bulk inserts (storage.tables.leads
has the same columns); `Values` turns Python values into what SQLite or PostgreSQL's COPY
take; `lead_row` is one lead's row; `LeadRows` makes many, stamped alike.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from datetime import UTC, datetime
from operator import attrgetter
from typing import Any

from salesdesk.domain.leads import LeadData, company_key, person_key

Row = tuple[Any, ...]
LEAD_COLUMNS = (
    "id", "version", "person_name", "email", "phone", "job_title", "company", "sector",
    "country", "region", "postcode", "employees", "source", "campaign", "product_interest",
    "language", "status", "status_reason", "segments", "manual_segments", "score",
    "score_parts", "owner_id", "territory_id", "received_at", "first_contacted_at",
    "sla_due_at", "notes", "person_key", "company_key", "created_at",
    "updated_at", "updated_by")


class Values:
    """Python values as the driver stores them, without SQLAlchemy's type processing:
    SQLite gets the text UTCDateTime and JSON write there, PostgreSQL (COPY) aware
    datetimes and JSON text."""

    def __init__(self, dialect: str):
        self.sqlite = dialect == "sqlite"
        self._lists: dict[tuple[str, ...], str] = {}
        self._parts: dict[tuple[tuple[Any, ...], ...], str] = {}
        self._shared: dict[int, tuple[Any, str]] = {}  # id(list) -> (list, its JSON)

    def moment(self, value: datetime | None) -> Any:
        """SQLite: 'YYYY-MM-DD HH:MM:SS.ffffff' in UTC, as SQLAlchemy writes it there."""
        if value is None or not self.sqlite:
            return value
        offset = value.utcoffset()
        if offset:  # the same moment's UTC clock time (astimezone(UTC) costs more)
            value = value - offset
        text = value.replace(tzinfo=None).isoformat(" ")
        return text if value.microsecond else text + ".000000"

    @staticmethod
    def json(value: Any) -> str:
        return json.dumps(value)

    def parts(self, value: list[dict[str, Any]]) -> str:
        """A score explanation as JSON, once per distinct explanation (and once per list:
        leads enriched together share their lists)."""
        known = self._shared.get(id(value))
        if known is not None and known[0] is value:
            return known[1]
        key = tuple(tuple(p.values()) for p in value)
        found = self._parts.get(key)
        if found is None:
            found = self._parts[key] = json.dumps(value)
        self._shared[id(value)] = (value, found)
        return found

    def names(self, value: list[str]) -> str:
        """A list of names as JSON, once per distinct list (segments repeat a lot)."""
        if not value:
            return "[]"
        known = self._shared.get(id(value))
        if known is not None and known[0] is value:
            return known[1]
        key = tuple(value)
        found = self._lists.get(key)
        if found is None:
            found = self._lists[key] = json.dumps(value)
        self._shared[id(value)] = (value, found)
        return found


_PLAIN = attrgetter("person_name", "email", "phone", "job_title", "company", "sector",
                    "country", "region", "postcode", "employees", "source", "campaign",
                    "product_interest", "language")
"""LEAD_COLUMNS from person_name to language: stored as they are."""


def lead_row(lead: LeadData, now: Any, actor: str, v: Values) -> Row:
    """One lead in LEAD_COLUMNS order, stamped as created at `now` (already as stored:
    v.moment(datetime)) by `actor`."""
    m = v.moment
    received, contacted, due = lead.received_at, lead.first_contacted_at, lead.sla_due_at
    return (lead.id, 1, *_PLAIN(lead), lead.status.value, lead.status_reason,
            v.names(lead.segments), v.names(lead.manual_segments), lead.score,
            v.parts(lead.score_parts), lead.owner_id, lead.territory_id,
            now if received is None else m(received),
            None if contacted is None else m(contacted), None if due is None else m(due),
            lead.notes, person_key(lead.person_name), company_key(lead.company), now, now,
            actor)


class LeadRows:
    """New leads as add_many stores them: rows in LEAD_COLUMNS order, stamped as created
    at `now` (when the maker was made) by `actor`. It pickles, so that a helper process
    of an import makes the rows of its part of the file (services/lead_import_parts)."""

    def __init__(self, dialect: str, actor: str):
        self.values = Values(dialect)
        self.now = datetime.now(UTC)
        self.stamp = self.values.moment(self.now)
        self.actor = actor

    def __call__(self, leads: Iterable[LeadData]) -> list[Row]:
        stamp, actor, v = self.stamp, self.actor, self.values
        return [lead_row(x, stamp, actor, v) for x in leads]
