"""services.team on the fake workspace."""

from __future__ import annotations

from datetime import date

import pytest

import salesdesk.services.team as team
import salesdesk.services.territories as territories
from salesdesk.domain.errors import ConflictError, ManagerCycleError, NotFoundError, ValidationError
from salesdesk.domain.members import Role
from salesdesk.domain.territories import TerritoryAssignment

from .fakes import FakeWorkspace


def add(ws: FakeWorkspace, name: str, **fields: object) -> str:
    return team.add_member(ws, name=name, **fields).member_id


def test_add_member_commits_and_reports(ws: FakeWorkspace) -> None:
    saved = team.add_member(ws, name="Anna", email="anna@example.com", capacity=20)
    assert saved.changes.members and saved.changes.ids == (saved.member_id,)
    assert "Anna" in saved.changes.summary and saved.version == 1
    anna = ws.one("members", "Anna")
    assert (anna.id, anna.email, anna.capacity) == (saved.member_id, "anna@example.com", 20)


def test_add_member_refuses_duplicate_names_and_emails(ws: FakeWorkspace) -> None:
    add(ws, "Anna Snelling", email="anna@example.com")
    before = ws.snapshot()
    with pytest.raises(ValidationError, match="already called") as err:
        team.add_member(ws, name="  anna   SNELLING ")
    assert err.value.field == "name"
    with pytest.raises(ValidationError, match="already Anna Snelling's address") as err:
        team.add_member(ws, name="Bob", email="ANNA@example.com")
    assert err.value.field == "email"
    assert ws.snapshot() == before


def test_add_member_checks_references(ws: FakeWorkspace) -> None:
    with pytest.raises(NotFoundError):
        team.add_member(ws, name="Anna", manager_id="nobody")
    with pytest.raises(NotFoundError):
        team.add_member(ws, name="Anna", team_id="no-team")
    assert ws.live("members") == []


def test_add_member_with_a_departed_manager_is_refused(ws: FakeWorkspace) -> None:
    boss = add(ws, "Boss")
    team.set_active(ws, boss, None, active=False, on=date(2024, 1, 1))
    with pytest.raises(ValidationError, match="has left"):
        team.add_member(ws, name="Anna", manager_id=boss)


def test_edit_member_returns_before_and_new_version(ws: FakeWorkspace) -> None:
    anna = add(ws, "Anna", capacity=10)
    t = team.add_team(ws, "Central").ids[0]
    saved = team.edit_member(ws, anna, 1, {"capacity": 15, "team_id": t})
    assert saved.before == {"capacity": 10, "team_id": None}
    assert saved.version == 2
    stored = ws.one("members", "Anna")
    assert (stored.capacity, stored.team_id, stored.version) == (15, t, 2)


def test_edit_member_with_a_stale_version_is_a_conflict(ws: FakeWorkspace) -> None:
    anna = add(ws, "Anna")
    team.edit_member(ws, anna, 1, {"capacity": 5})
    before = ws.snapshot()
    with pytest.raises(ConflictError) as err:
        team.edit_member(ws, anna, 1, {"capacity": 6})
    assert (err.value.expected, err.value.actual) == (1, 2)
    assert "version 1" in str(err.value) and "version 2" in str(err.value)
    assert ws.snapshot() == before
    team.edit_member(ws, anna, None, {"capacity": 6})  # None: no check (e.g. the CLI)
    assert ws.one("members", "Anna").capacity == 6


def test_edit_member_refuses_invalid_values_and_writes_nothing(ws: FakeWorkspace) -> None:
    anna = add(ws, "Anna")
    add(ws, "Bob", email="bob@example.com")
    before = ws.snapshot()
    for changes in ({"capacity": -1}, {"email": "nope"}, {"name": " "}, {"role": "boss"},
                    {"email": "BOB@example.com"}, {"name": "bob"}, {"ramp_months": 40}):
        with pytest.raises(ValidationError):
            team.edit_member(ws, anna, 1, changes)
    assert ws.snapshot() == before


def test_manager_cycles_are_refused_at_any_depth(ws: FakeWorkspace) -> None:
    a = add(ws, "A")
    b = add(ws, "B", manager_id=a)
    c = add(ws, "C", manager_id=b)
    d = add(ws, "D", manager_id=c)
    before = ws.snapshot()
    for manager in (a, b, c, d):
        with pytest.raises(ManagerCycleError):
            team.edit_member(ws, a, None, {"manager_id": manager})
    assert ws.snapshot() == before
    team.edit_member(ws, d, None, {"manager_id": a})  # flatter, no loop
    assert ws.one("members", "D").manager_id == a


def test_set_skill(ws: FakeWorkspace) -> None:
    anna = add(ws, "Anna")
    saved = team.set_skill(ws, anna, 1, "languages", "French", 4)
    assert saved.before == {"skills": {}} and saved.version == 2
    assert ws.one("members", "Anna").skills == {"languages": {"French": 4}}
    before = ws.snapshot()
    with pytest.raises(ValidationError):
        team.set_skill(ws, anna, 2, "languages", "French", 9)
    with pytest.raises(ValidationError, match="unknown skill kind"):
        team.set_skill(ws, anna, 2, "hobbies", "chess", 2)
    with pytest.raises(ConflictError):
        team.set_skill(ws, anna, 1, "languages", "German", 2)
    assert ws.snapshot() == before


def test_deactivating_a_manager_with_active_reports_is_refused(ws: FakeWorkspace) -> None:
    boss = add(ws, "Boss", role=Role.MANAGER)
    rep = add(ws, "Rep", manager_id=boss)
    before = ws.snapshot()
    with pytest.raises(ValidationError, match="still manages Rep"):
        team.set_active(ws, boss, 1, active=False)
    assert ws.snapshot() == before
    team.set_active(ws, rep, 1, active=False, on=date(2024, 5, 1))
    saved = team.set_active(ws, boss, 1, active=False, on=date(2024, 5, 2))
    assert saved.before == {"left_on": None}
    assert ws.one("members", "Boss").left_on == date(2024, 5, 2)
    team.set_active(ws, boss, saved.version, active=True)
    assert ws.one("members", "Boss").active


def test_delete_and_restore_member(ws: FakeWorkspace) -> None:
    anna = add(ws, "Anna")
    saved = team.delete_member(ws, anna, 1)
    assert ws.live("members") == [] and saved.changes.ids == (anna,)
    with pytest.raises(NotFoundError):
        team.edit_member(ws, anna, None, {"capacity": 1})
    team.restore_member(ws, anna)
    assert ws.one("members", "Anna").deleted_at is None
    with pytest.raises(NotFoundError):
        team.restore_member(ws, anna)  # not deleted any more


def test_a_manager_cannot_be_deleted(ws: FakeWorkspace) -> None:
    boss = add(ws, "Boss")
    add(ws, "Rep", manager_id=boss)
    with pytest.raises(ValidationError, match="manages other members"):
        team.delete_member(ws, boss, None)
    assert len(ws.live("members")) == 2


def test_delete_member_with_a_stale_version_is_a_conflict(ws: FakeWorkspace) -> None:
    anna = add(ws, "Anna")
    team.edit_member(ws, anna, 1, {"capacity": 3})
    with pytest.raises(ConflictError):
        team.delete_member(ws, anna, 1)
    assert ws.one("members", "Anna").deleted_at is None


def test_add_team_refuses_duplicates(ws: FakeWorkspace) -> None:
    team.add_team(ws, "Central")
    with pytest.raises(ValidationError, match="exists already"):
        team.add_team(ws, " central ")
    assert [t.name for t in ws.live("teams")] == ["Central"]


def _covering(ws: FakeWorkspace, member_id: str) -> list[str]:
    return [a.territory_id for a in ws.live("assignments") if a.member_id == member_id]


def test_deleting_a_member_deletes_their_assignments_and_restoring_brings_them_back(
        ws: FakeWorkspace) -> None:
    anna, bob = add(ws, "Anna"), add(ws, "Bob")
    north = territories.add_territory(ws, "North").territory_id
    south = territories.add_territory(ws, "South").territory_id
    for where in (north, south):
        territories.assign_rep(ws, where, anna, date(2024, 1, 1))
    territories.assign_rep(ws, north, bob, date(2024, 1, 1))
    ended = territories.assign_rep(ws, south, anna, date(2023, 1, 1), date(2023, 6, 30))
    territories.remove_assignment(ws, ended.ids[0])  # removed before: stays removed

    saved = team.delete_member(ws, anna, None)
    assert saved.changes.territories
    assert _covering(ws, anna) == [] and _covering(ws, bob) == [north]
    stamps = {a.deleted_at for a in ws.data["assignments"].values()
              if isinstance(a, TerritoryAssignment) and a.member_id == anna
              and a.id != ended.ids[0]}
    assert stamps == {ws.data["members"][anna].deleted_at}

    team.restore_member(ws, anna)
    assert sorted(_covering(ws, anna)) == sorted([north, south])
    assert ended.ids[0] not in {a.id for a in ws.live("assignments")}


def test_restoring_a_member_keeps_assignments_of_a_territory_deleted_meanwhile_deleted(
        ws: FakeWorkspace) -> None:
    anna = add(ws, "Anna")
    north = territories.add_territory(ws, "North").territory_id
    territories.assign_rep(ws, north, anna, date(2024, 1, 1))
    team.delete_member(ws, anna, None)
    territories.delete_territory(ws, north, None)
    team.restore_member(ws, anna)
    assert _covering(ws, anna) == []


@pytest.mark.parametrize("meanwhile", ["same name", "same email", "manager deleted",
                                       "manager left", "team deleted"])
def test_restoring_a_member_rechecks_what_changed_meanwhile(ws: FakeWorkspace,
                                                            meanwhile: str) -> None:
    boss = add(ws, "Boss")
    central = team.add_team(ws, "Central").ids[0]
    anna = add(ws, "Anna", email="anna@example.com", manager_id=boss, team_id=central)
    team.delete_member(ws, anna, None)
    if meanwhile == "same name":
        add(ws, "ANNA")
    elif meanwhile == "same email":
        add(ws, "Other Anna", email="anna@example.com")
    elif meanwhile == "manager deleted":
        team.delete_member(ws, boss, None)
    elif meanwhile == "manager left":
        team.set_active(ws, boss, None, active=False, on=date(2024, 1, 1))
    else:
        team.delete_team(ws, central)
    before = ws.snapshot()
    with pytest.raises((ValidationError, NotFoundError)):
        team.restore_member(ws, anna)
    assert ws.snapshot() == before
