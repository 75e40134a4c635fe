"""Saved views of the lead board, per workspace (a team shares them on a shared database).

A view is a name, the filter chips' choices, the search text and the order. Names are
unique regardless of case; saving under an existing name replaces that view.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import asdict, dataclass, field
from typing import Any

from salesdesk.domain.errors import ValidationError
from salesdesk.domain.validation import name_key
from salesdesk.services.common import OpChanges
from salesdesk.services.unit_of_work import UnitOfWork, UnitOfWorkFactory

KEY = "leads.views"
MAX_NAME = 60
DIMENSIONS = ("statuses", "segments", "owners", "territories", "sla_states", "sources")


@dataclass(frozen=True)
class SavedView:
    name: str
    filters: dict[str, list[str | None]] = field(default_factory=dict)
    """Chip dimension (DIMENSIONS) -> chosen values; None stands for "not set"."""
    search: str = ""
    sort: str = "received"
    descending: bool = True

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> SavedView:
        filters = data.get("filters") or {}
        return cls(str(data["name"]),
                   {d: [None if v is None else str(v) for v in filters.get(d) or []]
                    for d in DIMENSIONS if filters.get(d)},
                   str(data.get("search") or ""), str(data.get("sort") or "received"),
                   bool(data.get("descending", True)))


def _load(uow: UnitOfWork) -> list[SavedView]:
    try:
        data = json.loads(uow.get_setting(KEY, "") or "[]")
    except ValueError:
        return []
    views = []
    for item in data if isinstance(data, list) else []:
        try:
            views.append(SavedView.from_dict(item))
        except (KeyError, TypeError, AttributeError):
            continue  # a damaged entry is dropped, never blocks the others
    return views


def _store(uow: UnitOfWork, views: list[SavedView]) -> None:
    ordered = sorted(views, key=lambda v: name_key(v.name))
    uow.set_setting(KEY, json.dumps([asdict(v) for v in ordered], ensure_ascii=False))


def list_views(uow_factory: UnitOfWorkFactory) -> list[SavedView]:
    with uow_factory() as uow:
        return sorted(_load(uow), key=lambda v: name_key(v.name))


def save_view(uow_factory: UnitOfWorkFactory, view: SavedView) -> OpChanges:
    name = view.name.strip()
    if not name:
        raise ValidationError("a saved view needs a name", field="name")
    if len(name) > MAX_NAME:
        raise ValidationError(f"a view's name is at most {MAX_NAME} characters",
                              field="name")
    unknown = set(view.filters) - set(DIMENSIONS)
    if unknown:
        raise ValidationError(f"unknown filter {sorted(unknown)[0]!r}", field="filters")
    with uow_factory() as uow:
        views = [v for v in _load(uow) if name_key(v.name) != name_key(name)]
        _store(uow, [*views, SavedView(name, view.filters, view.search, view.sort,
                                       view.descending)])
        uow.commit()
    return OpChanges(summary=f"Saved the view {name}")


def delete_view(uow_factory: UnitOfWorkFactory, name: str) -> OpChanges:
    with uow_factory() as uow:
        views = _load(uow)
        kept = [v for v in views if name_key(v.name) != name_key(name)]
        if len(kept) == len(views):
            raise ValidationError(f"there is no saved view named {name!r}", field="name")
        _store(uow, kept)
        uow.commit()
    return OpChanges(summary=f"Deleted the view {name}")
