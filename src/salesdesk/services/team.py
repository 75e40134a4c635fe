"""Team actions: members, teams, the manager hierarchy, skills, capacity and ramp."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from typing import Any

from salesdesk.domain.errors import ValidationError
from salesdesk.domain.members import Member, SkillKind, Team, check_manager
from salesdesk.services.common import OpChanges, check_version
from salesdesk.services.unit_of_work import UnitOfWork, UnitOfWorkFactory

MEMBER_FIELDS = ("name", "email", "role", "manager_id", "team_id", "hire_date", "ramp_months",
                 "capacity", "skills")


@dataclass(frozen=True)
class MemberSaved:
    changes: OpChanges
    member_id: str
    version: int
    before: dict[str, Any]  # the values replaced, so the edit can be undone


def _manager_map(uow: UnitOfWork) -> dict[str, str | None]:
    return {m.id: m.manager_id for m in uow.members.list()}


def _check_unique(uow: UnitOfWork, member: Member) -> None:
    for other in uow.members.list():
        if other.id == member.id:
            continue
        if other.name.casefold() == member.name.casefold():
            raise ValidationError(f"another member is already called '{member.name}'",
                                  field="name")
        if member.email and other.email == member.email:
            raise ValidationError(f"'{member.email}' is already {other.name}'s address",
                                  field="email")


def _check_refs(uow: UnitOfWork, member: Member) -> None:
    if member.manager_id is not None:
        manager = uow.members.get(member.manager_id)
        if not manager.active:
            raise ValidationError(f"{manager.name} has left and cannot manage anyone",
                                  field="manager")
        check_manager(member.id, member.manager_id, _manager_map(uow))
    if member.team_id is not None:
        uow.teams.get(member.team_id)


def add_member(uow_factory: UnitOfWorkFactory, **fields: Any) -> MemberSaved:
    with uow_factory() as uow:
        member = Member(**fields)
        _check_unique(uow, member)
        _check_refs(uow, member)
        uow.members.add(member)
        uow.commit()
        return MemberSaved(OpChanges(members=True, summary=f"Added {member.name}",
                                     ids=(member.id,)), member.id, member.version, {})


def edit_member(uow_factory: UnitOfWorkFactory, member_id: str, expected_version: int | None,
                changes: Mapping[str, Any]) -> MemberSaved:
    """Apply `changes` (a subset of MEMBER_FIELDS). Refuses stale versions and cycles."""
    with uow_factory() as uow:
        member = uow.members.get(member_id)
        check_version(member, expected_version, "Member")
        before = {k: v for k, v in member.snapshot().items() if k in changes}
        manager_id = changes.get("manager_id", member.manager_id)
        member.update(**{k: v for k, v in changes.items() if k != "manager_id"})
        member.manager_id = manager_id
        _check_unique(uow, member)
        _check_refs(uow, member)
        uow.commit()
        return MemberSaved(OpChanges(members=True, summary=f"Edited {member.name}",
                                     ids=(member.id,)), member.id, member.version, before)


def set_skill(uow_factory: UnitOfWorkFactory, member_id: str, expected_version: int | None,
              kind: SkillKind | str, skill: str, level: int) -> MemberSaved:
    with uow_factory() as uow:
        member = uow.members.get(member_id)
        check_version(member, expected_version, "Member")
        before = {"skills": member.snapshot()["skills"]}
        member.set_skill(kind, skill, level)
        uow.commit()
        return MemberSaved(OpChanges(members=True, summary=f"{member.name}: {skill} {level}/5",
                                     ids=(member.id,)), member.id, member.version, before)


def set_active(uow_factory: UnitOfWorkFactory, member_id: str, expected_version: int | None,
               active: bool, on: date | None = None) -> MemberSaved:
    """Deactivate (the member left on `on`) or bring back. Reports keep their history."""
    with uow_factory() as uow:
        member = uow.members.get(member_id)
        check_version(member, expected_version, "Member")
        before = {"left_on": member.left_on}
        if active:
            member.reactivate()
        else:
            reports = [m.name for m in uow.members.list()
                       if m.manager_id == member.id and m.active]
            if reports:
                raise ValidationError(
                    f"{member.name} still manages {', '.join(sorted(reports))}: give them "
                    "another manager first", field="active")
            member.deactivate(on or date.today())
        uow.commit()
        verb = "Reactivated" if active else "Deactivated"
        return MemberSaved(OpChanges(members=True, summary=f"{verb} {member.name}",
                                     ids=(member.id,)), member.id, member.version, before)


def add_team(uow_factory: UnitOfWorkFactory, name: str) -> OpChanges:
    with uow_factory() as uow:
        team = Team(name=name)
        if uow.teams.by_name(team.name):
            raise ValidationError(f"a team called '{team.name}' exists already", field="team")
        uow.teams.add(team)
        uow.commit()
        return OpChanges(teams=True, summary=f"Added team {team.name}", ids=(team.id,))


def delete_member(uow_factory: UnitOfWorkFactory, member_id: str,
                  expected_version: int | None) -> MemberSaved:
    """Soft-delete a member added by mistake (undo of add). People who worked here are
    deactivated instead, so their history stays."""
    from datetime import UTC, datetime

    with uow_factory() as uow:
        member = uow.members.get(member_id)
        check_version(member, expected_version, "Member")
        if any(m.manager_id == member.id for m in uow.members.list()):
            raise ValidationError(f"{member.name} manages other members", field="manager")
        member.deleted_at = datetime.now(UTC)
        uow.commit()
        return MemberSaved(OpChanges(members=True, summary=f"Removed {member.name}",
                                     ids=(member.id,)), member.id, member.version, {})


def restore_member(uow_factory: UnitOfWorkFactory, member_id: str) -> MemberSaved:
    """Bring back a soft-deleted member (redo of add)."""
    with uow_factory() as uow:
        member = uow.members.get_deleted(member_id)
        member.deleted_at = None
        uow.commit()
        return MemberSaved(OpChanges(members=True, summary=f"Restored {member.name}",
                                     ids=(member.id,)), member.id, member.version, {})
