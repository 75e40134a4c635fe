"""The fake unit of work behaves like the real one where services rely on it."""

from __future__ import annotations

from datetime import datetime

import pytest

from salesdesk.domain.errors import ConcurrentEditError, NotFoundError
from salesdesk.domain.members import Member, Team

from .fakes import FakeWorkspace


def test_nothing_is_written_without_commit(ws: FakeWorkspace) -> None:
    before = ws.snapshot()
    with ws.uow() as uow:
        uow.members.add(Member(name="Ann"))
        uow.set_setting("currency", "EUR")
    assert ws.snapshot() == before
    assert ws.commits == 0


def test_rollback_discards_adds_and_changes(ws: FakeWorkspace) -> None:
    ann = Member(name="Ann", capacity=10)
    ws.seed(ann)
    with ws.uow() as uow:
        uow.members.get(ann.id).capacity = 99
        uow.members.add(Member(name="Bob"))
        uow.rollback()
        assert [m.name for m in uow.members.list()] == ["Ann"]
        assert uow.members.get(ann.id).capacity == 10
        uow.commit()
    assert [(m.name, m.capacity, m.version) for m in ws.live("members")] == [("Ann", 10, 1)]


def test_commit_bumps_the_version_of_changed_entities_only(ws: FakeWorkspace) -> None:
    ann, bob = Member(name="Ann"), Member(name="Bob")
    ws.seed(ann, bob)
    with ws.uow() as uow:
        uow.members.get(ann.id).capacity = 5
        uow.commit()
        assert uow.members.get(ann.id).version == 2
    assert {m.name: m.version for m in ws.live("members")} == {"Ann": 2, "Bob": 1}


def test_identity_map_and_soft_delete(ws: FakeWorkspace) -> None:
    team = Team(name="  East   Coast ")
    ws.seed(team)
    with ws.uow() as uow:
        assert uow.teams.get(team.id) is uow.teams.list()[0]
        assert uow.teams.by_name("east coast") is uow.teams.get(team.id)
        uow.teams.get(team.id).deleted_at = datetime(2024, 1, 1)
        with pytest.raises(NotFoundError):
            uow.teams.get(team.id)
        assert uow.teams.by_name("East Coast") is None
        assert uow.teams.get_deleted(team.id).name == "East Coast"
        assert uow.teams.list_deleted() and not uow.teams.list()


def test_a_change_made_meanwhile_elsewhere_is_a_conflict(ws: FakeWorkspace) -> None:
    ann = Member(name="Ann")
    ws.seed(ann)
    with ws.uow() as first, ws.uow() as second:
        first.members.get(ann.id).capacity = 1
        second.members.get(ann.id).capacity = 2
        first.commit()
        with pytest.raises(ConcurrentEditError, match="This member was changed"):
            second.commit()
    assert ws.one("members", "Ann").capacity == 1


def test_not_found_names_the_kind_of_record_as_the_sql_repositories_do(
        ws: FakeWorkspace) -> None:
    with ws.uow() as uow, pytest.raises(NotFoundError,
                                        match="^territory assignment x does not exist$"):
        uow.assignments.get("x")


def test_commit_keeps_what_others_committed(ws: FakeWorkspace) -> None:
    with ws.uow() as first, ws.uow() as second:
        first.members.add(Member(name="Ann"))
        second.members.add(Member(name="Bob"))
        first.commit()
        second.commit()
    assert sorted(m.name for m in ws.live("members")) == ["Ann", "Bob"]
