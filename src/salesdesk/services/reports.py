"""Reports built from the domain, for the CLI's --json and the UI's exports."""

from __future__ import annotations

from datetime import date
from typing import Any

from salesdesk.services.unit_of_work import UnitOfWorkFactory


def team_report(uow_factory: UnitOfWorkFactory, today: date | None = None) -> dict[str, Any]:
    """{"members": [...]} as `salesdesk report team --json` prints it, managers first."""
    from salesdesk.domain.members import hierarchy_order

    today = today or date.today()
    with uow_factory() as uow:
        members = uow.members.list()
        names = {m.id: m.name for m in members}
        teams = {t.id: t.name for t in uow.teams.list()}
        territory_names = {t.id: t.name for t in uow.territories.list()}
        covered: dict[str, list[str]] = {}
        for a in uow.assignments.list():
            if a.covers(today) and a.territory_id in territory_names:
                covered.setdefault(a.member_id, []).append(territory_names[a.territory_id])
        return {"members": [{
            "name": m.name,
            "email": m.email,
            "role": m.role.value,
            "manager": names.get(m.manager_id) if m.manager_id else None,
            "team": teams.get(m.team_id) if m.team_id else None,
            "territories": sorted(covered.get(m.id, [])),
            "skills": {k: dict(sorted(v.items())) for k, v in sorted(m.skills.items())},
            "active": m.active,
        } for m in hierarchy_order(members)]}
