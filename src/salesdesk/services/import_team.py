"""Importing the team roster: members, their managers and teams."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from salesdesk.domain.errors import DomainError, ValidationError
from salesdesk.domain.members import Member, Role, Team, check_manager
from salesdesk.domain.validation import clean_email, clean_int, clean_text
from salesdesk.services.common import OpChanges
from salesdesk.services.imports import (
    FirstRows,
    ImportReport,
    Progress,
    RowProblems,
    TableLike,
    apply_import,
    parse_date,
    resolve_columns,
    run_import,
)
from salesdesk.services.normalize import suggest
from salesdesk.services.unit_of_work import UnitOfWork, UnitOfWorkFactory

COLUMNS = {
    "name": ("name", "sales_agent", "agent", "member", "rep", "full_name", "salesperson"),
    "email": ("email", "e_mail", "mail", "email_address"),
    "role": ("role", "position"),
    "manager": ("manager", "reports_to", "manager_name"),
    "team": ("team", "regional_office", "office", "region"),
    "hire_date": ("hire_date", "hired", "start_date"),
    "ramp_months": ("ramp_months", "ramp"),
    "capacity": ("capacity", "max_open_leads"),
}


@dataclass
class _Line:
    row: int
    fields: dict[str, Any]
    manager: str
    team: str


def _parse_row(values: dict[str, str], cols: dict[str, str]) -> tuple[dict[str, Any], str, str]:
    get = lambda f: values.get(cols.get(f, ""), "")  # noqa: E731
    fields: dict[str, Any] = {"name": clean_text(get("name"), "name", required=True)}
    if "email" in cols:
        fields["email"] = clean_email(get("email"))
    if "role" in cols and get("role"):
        try:
            fields["role"] = Role(get("role").strip().lower())
        except ValueError:
            raise ValidationError(f"'{get('role')}' is not a role (rep, manager or admin)",
                                  field="role") from None
    if "hire_date" in cols:
        fields["hire_date"] = parse_date(get("hire_date"), "hire_date")
    for key in ("ramp_months", "capacity"):
        if key in cols and get(key):
            fields[key] = clean_int(get(key), key, minimum=0)
    return (fields, clean_text(get("manager"), "manager"),
            clean_text(get("team"), "team", max_len=100))  # as long as Team allows


def _read_lines(table: TableLike, cols: dict[str, str], problems: RowProblems,
                report: ImportReport) -> list[_Line]:
    lines: list[_Line] = []
    seen = FirstRows()
    for row in problems.rows(table.rows):
        try:
            fields, manager, team = _parse_row(row.values, cols)
            Member(**fields)  # validates the fields together
        except DomainError as exc:
            problems.add(row.number, exc)
            continue
        if seen.is_first(fields["name"], row, problems, report):
            lines.append(_Line(row.number, fields, manager, team))
    return lines


def _team(uow: UnitOfWork, name: str, report: ImportReport, cache: dict[str, Team]) -> str | None:
    if not name:
        return None
    key = name.casefold()
    if key not in cache:
        team = uow.teams.by_name(name)
        if team is None:
            team = Team(name=name)
            uow.teams.add(team)
            report.created.append(f"team {team.name}")
        cache[key] = team
    return cache[key].id


class _Roster:
    """The members as they will be after the import, by case-folded name."""

    def __init__(self, uow: UnitOfWork):
        self.uow = uow
        self.by_name = {m.name.casefold(): m for m in uow.members.list()}

    def upsert(self, line: _Line, team_id: str | None, report: ImportReport) -> Member:
        existing = self.by_name.get(line.fields["name"].casefold())
        if existing is None:
            member = Member(**line.fields, team_id=team_id)
            self.uow.members.add(member)
            self.by_name[member.name.casefold()] = member
            report.created.append(f"{member.role.value} {member.name}")
            return member
        changes = {k: v for k, v in line.fields.items() if getattr(existing, k) != v}
        if team_id and existing.team_id != team_id:
            changes["team_id"] = team_id
        if changes:
            existing.update(**changes)
            report.updated.append(f"{existing.name} ({', '.join(sorted(changes))})")
        else:
            report.skipped.append(f"row {line.row}: {existing.name}: unchanged")
        return existing


def _manager(roster: _Roster, line: _Line, has_roles: bool, report: ImportReport,
             team_id: str | None) -> Member:
    found = roster.by_name.get(line.manager.casefold())
    if found is not None:
        if not found.active:  # as services.team refuses it
            raise ValidationError(f"{found.name} has left and cannot manage anyone",
                                  field="manager")
        if found.role is Role.REP:
            found.role = Role.MANAGER
            report.updated.append(f"{found.name} (role: manager)")
        return found
    hint = suggest(line.manager, [m.name for m in roster.by_name.values()])
    if has_roles or hint:
        extra = f"; did you mean '{hint}'?" if hint else " in the file or the workspace"
        raise ValidationError(f"unknown manager '{line.manager}'{extra}", field="manager")
    # Files like the sample name managers only in the manager column: create them.
    manager = Member(name=line.manager, role=Role.MANAGER, team_id=team_id)
    roster.uow.members.add(manager)
    roster.by_name[manager.name.casefold()] = manager
    report.created.append(f"manager {manager.name} (named as a manager on row {line.row})")
    return manager


def _check_emails(members: list[tuple[_Line, Member, str | None]], roster: _Roster,
                  problems: RowProblems) -> None:
    """One address per member, as services.team enforces, checked on the final roster."""
    owners: dict[str, list[Member]] = {}
    for member in roster.by_name.values():
        if member.email:
            owners.setdefault(member.email, []).append(member)
    for line, member, _ in members:
        others = [m.name for m in owners.get(member.email or "", []) if m is not member]
        if others:
            problems.add(line.row, ValidationError(
                f"'{member.email}' is also the address of {', '.join(sorted(others))}",
                field="email"))


def _apply(table: TableLike, uow: UnitOfWork, report: ImportReport,
           problems: RowProblems) -> None:
    cols = resolve_columns(table, COLUMNS, required=("name",))
    lines = _read_lines(table, cols, problems, report)
    if problems.items:
        return
    roster, teams = _Roster(uow), dict[str, Team]()
    members = []
    for line in lines:
        team_id = _team(uow, line.team, report, teams)
        members.append((line, roster.upsert(line, team_id, report), team_id))
    _check_emails(members, roster, problems)
    for line, member, team_id in members:
        if not line.manager:
            continue
        try:
            member.manager_id = _manager(roster, line, "role" in cols, report, team_id).id
        except ValidationError as exc:
            problems.add(line.row, exc)
    chain = {m.id: m.manager_id for m in roster.by_name.values()}
    for line, member, _ in members:
        try:
            check_manager(member.id, member.manager_id, chain)
        except ValidationError as exc:
            problems.add(line.row, exc)
    report.changes = OpChanges(members=True, teams=True, summary=report.lines()[0])


def import_team(uow_factory: UnitOfWorkFactory, table: TableLike,
                progress: Progress | None = None) -> ImportReport:
    report = ImportReport("team", table.source)
    return run_import(uow_factory, report, lambda uow, rep, probs: _apply(table, uow, rep, probs),
                      progress)


def import_team_into(uow: UnitOfWork, table: TableLike) -> ImportReport:
    """import_team inside the caller's unit of work, which commits (or not)."""
    return apply_import(uow, ImportReport("team", table.source),
                        lambda uow, rep, probs: _apply(table, uow, rep, probs))
