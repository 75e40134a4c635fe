"""Team actions: members, teams, the manager hierarchy, skills, capacity and ramp."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, date, datetime
from typing import Any

from salesdesk.domain.errors import ValidationError
from salesdesk.domain.members import Member, SkillKind, Team, check_manager, check_unique
from salesdesk.services.common import OpChanges, check_version
from salesdesk.services.unit_of_work import UnitOfWork, UnitOfWorkFactory


@dataclass(frozen=True)
class MemberSaved:
    changes: OpChanges
    member_id: str
    version: int
    before: dict[str, Any]  # the values replaced, so the edit can be undone

    @property
    def entity_id(self) -> str:
        return self.member_id


def _manager_map(uow: UnitOfWork) -> dict[str, str | None]:
    return {m.id: m.manager_id for m in uow.members.list()}


def _check_unique(uow: UnitOfWork, member: Member) -> None:
    check_unique(member, uow.members.list())


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
    """Apply `changes` (fields of members.UPDATABLE_FIELDS, and "manager_id"). Refuses
    stale versions and cycles."""
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
    """Soft-delete a member added by mistake (undo of add), with their territory
    assignments (same timestamp, so restore_member brings back exactly those). People who
    worked here are deactivated instead, so their history stays."""
    with uow_factory() as uow:
        member = uow.members.get(member_id)
        check_version(member, expected_version, "Member")
        if any(m.manager_id == member.id for m in uow.members.list()):
            raise ValidationError(f"{member.name} manages other members", field="manager")
        member.deleted_at = datetime.now(UTC)
        for a in uow.assignments.list():
            if a.member_id == member.id:
                a.deleted_at = member.deleted_at
        uow.commit()
        return MemberSaved(OpChanges(members=True, territories=True,
                                     summary=f"Removed {member.name}", ids=(member.id,)),
                           member.id, member.version, {})


def restore_member(uow_factory: UnitOfWorkFactory, member_id: str) -> MemberSaved:
    """Bring back a soft-deleted member (redo of add) and the assignments deleted with
    them, if the name, address, manager and team still fit the team as it is now."""
    with uow_factory() as uow:
        member = uow.members.get_deleted(member_id)
        _check_unique(uow, member)
        _check_refs(uow, member)
        when = member.deleted_at
        member.deleted_at = None
        live_territories = {t.id for t in uow.territories.list()}
        for a in uow.assignments.list_deleted():
            if (a.member_id == member.id and a.deleted_at == when
                    and a.territory_id in live_territories):
                a.deleted_at = None
        uow.commit()
        return MemberSaved(OpChanges(members=True, territories=True,
                                     summary=f"Restored {member.name}", ids=(member.id,)),
                           member.id, member.version, {})


def delete_team(uow_factory: UnitOfWorkFactory, team_id: str) -> OpChanges:
    """Soft-delete a team nobody is in (undo of add_team)."""
    with uow_factory() as uow:
        team = uow.teams.get(team_id)
        if any(m.team_id == team.id for m in uow.members.list()):
            raise ValidationError(f"team {team.name} still has members", field="team")
        team.deleted_at = datetime.now(UTC)
        uow.commit()
        return OpChanges(teams=True, summary=f"Removed team {team.name}", ids=(team.id,))


def restore_team(uow_factory: UnitOfWorkFactory, team_id: str) -> OpChanges:
    """Bring back a soft-deleted team (redo of add_team)."""
    with uow_factory() as uow:
        team = uow.teams.get_deleted(team_id)
        if uow.teams.by_name(team.name):
            raise ValidationError(f"a team called '{team.name}' exists already", field="team")
        team.deleted_at = None
        uow.commit()
        return OpChanges(teams=True, summary=f"Restored team {team.name}", ids=(team.id,))


SKILL_COLUMNS_KEY = "team.skill_columns"
"""Workspace setting: skill names added to the matrix before anyone has a level in them
(levels of 0 are not stored on members, so the column would otherwise vanish)."""


def _read_skill_columns(uow: UnitOfWork) -> dict[str, list[str]]:
    import json

    try:
        stored = json.loads(uow.get_setting(SKILL_COLUMNS_KEY, "{}"))
    except ValueError:
        return {}
    if not isinstance(stored, dict):
        return {}
    return {str(k): [str(n) for n in v] for k, v in stored.items() if isinstance(v, list)}


def _write_skill_columns(uow: UnitOfWork, columns: Mapping[str, list[str]]) -> None:
    import json

    uow.set_setting(SKILL_COLUMNS_KEY, json.dumps({k: v for k, v in columns.items() if v},
                                                  sort_keys=True))


def skill_columns(uow_factory: UnitOfWorkFactory) -> dict[str, list[str]]:
    """Skill names added as columns, by kind (those members have levels in are not here)."""
    with uow_factory() as uow:
        return _read_skill_columns(uow)


def add_skill_column(uow_factory: UnitOfWorkFactory, kind: SkillKind | str,
                     name: str) -> OpChanges:
    """Offer a new skill (e.g. a language) in the skills matrix."""
    from salesdesk.domain.members import clean_skills

    with uow_factory() as uow:
        cleaned = clean_skills({str(kind): {name: 1}})  # validates kind and name
        kind_key, skill = next((k, n) for k, names in cleaned.items() for n in names)
        columns = _read_skill_columns(uow)
        known = set(columns.get(kind_key, []))
        for member in uow.members.list():
            known.update(member.skills.get(kind_key, {}))
        same = [k for k in known if k.casefold() == skill.casefold()]
        if same:
            raise ValidationError(f"the {kind_key} column '{same[0]}' exists already",
                                  field="skills")
        columns.setdefault(kind_key, []).append(skill)
        _write_skill_columns(uow, columns)
        uow.commit()
        return OpChanges(members=True, summary=f"Added skill {skill}")


def remove_skill_column(uow_factory: UnitOfWorkFactory, kind: SkillKind | str,
                        name: str) -> OpChanges:
    """Withdraw a skill column added by add_skill_column (undo). Levels members have in it
    are kept, so the column stays while anyone has one."""
    with uow_factory() as uow:
        columns = _read_skill_columns(uow)
        kind_key = str(kind.value if isinstance(kind, SkillKind) else kind)
        columns[kind_key] = [n for n in columns.get(kind_key, []) if n != name]
        _write_skill_columns(uow, columns)
        uow.commit()
        return OpChanges(members=True, summary=f"Removed skill {name}")
