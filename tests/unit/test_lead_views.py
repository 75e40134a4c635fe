"""services.lead_views on the fake workspace: save, replace by name, delete, refusals,
damaged stored data."""

from __future__ import annotations

import pytest

from salesdesk.domain.errors import ValidationError
from salesdesk.services.lead_views import KEY, SavedView, delete_view, list_views, save_view

from .fakes import FakeWorkspace


def test_save_list_replace_and_delete() -> None:
    ws = FakeWorkspace()
    hot = SavedView("Hot, unassigned", {"segments": ["hot"], "owners": [None]}, "acme",
                    "score", True)
    save_view(ws, hot)
    save_view(ws, SavedView("a first view", {"statuses": ["new"]}))
    assert [v.name for v in list_views(ws)] == ["a first view", "Hot, unassigned"]
    assert list_views(ws)[1] == hot
    save_view(ws, SavedView("HOT, UNASSIGNED", {"segments": ["warm"]}))
    views = list_views(ws)
    assert [v.name for v in views] == ["a first view", "HOT, UNASSIGNED"]
    assert views[1].filters == {"segments": ["warm"]}
    delete_view(ws, "hot, unassigned")
    assert [v.name for v in list_views(ws)] == ["a first view"]


@pytest.mark.parametrize(("view", "message"), [
    (SavedView("  "), "needs a name"),
    (SavedView("x" * 61), "at most 60"),
    (SavedView("odd", {"colour": ["red"]}), "unknown filter 'colour'")])
def test_refusals_name_the_problem(view: SavedView, message: str) -> None:
    ws = FakeWorkspace()
    with pytest.raises(ValidationError, match=message):
        save_view(ws, view)
    assert list_views(ws) == []


def test_deleting_a_missing_view_is_refused() -> None:
    with pytest.raises(ValidationError, match="no saved view named 'nope'"):
        delete_view(FakeWorkspace(), "nope")


def test_damaged_stored_views_are_dropped_not_fatal() -> None:
    ws = FakeWorkspace()
    ws.settings[KEY] = '[{"name": "kept", "filters": {"sources": ["web"]}}, {"oops": 1}, 7]'
    assert list_views(ws) == [SavedView("kept", {"sources": ["web"]})]
    ws.settings[KEY] = "not json"
    assert list_views(ws) == []
