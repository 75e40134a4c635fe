"""The lead board's workspace settings, stored as JSON in the settings table: the scoring
model, the SLA policy, business hours (their working days and holidays are the
workspace calendar's), the routing rotation, the last applied routing (for undo) and the
column mappings remembered per file layout.

A damaged stored value never blocks work: the shipped default is used instead (and a
routing rotation simply restarts), as domain.routing.RoutingState.from_dict does.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping, Sequence
from datetime import time
from typing import Any

from salesdesk.domain.errors import DomainError
from salesdesk.domain.lead_scoring import DEFAULT_MODEL, ScoringModel
from salesdesk.domain.routing import RoutingState
from salesdesk.domain.speed_to_lead import DEFAULT_POLICY, BusinessHours, SlaPolicy
from salesdesk.services.unit_of_work import UnitOfWork
from salesdesk.services.workspace_settings import work_calendar

SCORING = "leads.scoring"
SLA = "leads.sla"
HOURS = "leads.business_hours"
ROTATION = "leads.routing_state"
LAST_ROUTING = "leads.last_routing"
MAPPING_PREFIX = "leads.mapping."
"""+ layout_key(headers): 16 hex digits, well inside the settings key's 60 characters."""


def _stored(uow: UnitOfWork, key: str) -> Any:
    try:
        return json.loads(uow.get_setting(key, "") or "null")
    except ValueError:
        return None


def _save(uow: UnitOfWork, key: str, value: Any) -> None:
    uow.set_setting(key, json.dumps(value, ensure_ascii=False, sort_keys=True))


def scoring_model(uow: UnitOfWork) -> ScoringModel:
    data = _stored(uow, SCORING)
    try:
        return ScoringModel.from_dict(data) if isinstance(data, Mapping) else DEFAULT_MODEL
    except (DomainError, TypeError, ValueError):
        return DEFAULT_MODEL


def save_scoring_model(uow: UnitOfWork, model: ScoringModel) -> None:
    _save(uow, SCORING, model.to_dict())


def sla_policy(uow: UnitOfWork) -> SlaPolicy:
    data = _stored(uow, SLA)
    try:
        return SlaPolicy.from_dict(data) if isinstance(data, Mapping) else DEFAULT_POLICY
    except (DomainError, TypeError, ValueError):
        return DEFAULT_POLICY


def save_sla_policy(uow: UnitOfWork, policy: SlaPolicy) -> None:
    _save(uow, SLA, policy.to_dict())


def business_hours(uow: UnitOfWork) -> BusinessHours:
    """Opening hours and time zone from the lead settings; working days and holidays from
    the workspace calendar (one calendar for quotas and speed to lead)."""
    data = _stored(uow, HOURS)
    data = data if isinstance(data, Mapping) else {}
    calendar = work_calendar(uow)
    try:
        return BusinessHours(calendar.working_days or frozenset(range(5)),
                             time.fromisoformat(str(data.get("opens", "09:00"))),
                             time.fromisoformat(str(data.get("closes", "17:00"))),
                             calendar.holidays, str(data.get("zone", "UTC")))
    except (DomainError, TypeError, ValueError):
        return BusinessHours(holidays=calendar.holidays)


def save_business_hours(uow: UnitOfWork, opens: time, closes: time, zone: str) -> None:
    BusinessHours(opens=opens, closes=closes, zone=zone)  # refuses what cannot work
    _save(uow, HOURS, {"opens": opens.strftime("%H:%M"), "closes": closes.strftime("%H:%M"),
                       "zone": zone})


def routing_state(uow: UnitOfWork) -> RoutingState:
    data = _stored(uow, ROTATION)
    return RoutingState.from_dict(data if isinstance(data, Mapping) else None)


def save_routing_state(uow: UnitOfWork, state: RoutingState) -> None:
    _save(uow, ROTATION, state.to_dict())


def last_routing(uow: UnitOfWork) -> dict[str, Any] | None:
    data = _stored(uow, LAST_ROUTING)
    return data if isinstance(data, dict) and data.get("changes") else None


def save_last_routing(uow: UnitOfWork, record: Mapping[str, Any] | None) -> None:
    _save(uow, LAST_ROUTING, dict(record) if record else {})


def layout_key(headers: Sequence[str]) -> str:
    """A file layout's identity: its normalised column names, in order."""
    text = "\x1f".join(headers)
    return hashlib.sha256(text.encode("utf-8")).hexdigest()[:16]


def remembered_mapping(uow: UnitOfWork, headers: Sequence[str]) -> dict[str, str] | None:
    """field -> header last used for files with these headers, if any still fits them."""
    data = _stored(uow, MAPPING_PREFIX + layout_key(headers))
    if not isinstance(data, dict):
        return None
    known = set(headers)
    mapping = {str(f): str(h) for f, h in data.items() if isinstance(h, str) and h in known}
    return mapping or None


def remember_mapping(uow: UnitOfWork, headers: Sequence[str], mapping: Mapping[str, str]
                     ) -> None:
    _save(uow, MAPPING_PREFIX + layout_key(headers), dict(mapping))
