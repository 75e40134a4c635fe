"""Read-side queries and name matching agree on both backends, soft-deleted rows stay out."""

from __future__ import annotations

from datetime import UTC, date, datetime

import sqlalchemy as sa

from salesdesk.domain.accounts import Account
from salesdesk.domain.members import Member, Team
from salesdesk.domain.territories import Territory, TerritoryAssignment
from salesdesk.services import team as team_service
from salesdesk.services.import_team import import_team
from salesdesk.storage import queries, tables
from salesdesk.storage.files import Row, Table
from salesdesk.storage.workspace import Workspace


def _team_table(*rows: tuple[str, str]) -> Table:
    return Table("team.csv", ("name", "team"), ("Name", "Team"),
                 tuple(Row(i + 2, {"name": n, "team": t}) for i, (n, t) in enumerate(rows)))


def test_accented_team_names_match_in_any_case(workspace: Workspace) -> None:
    import_team(workspace.uow, _team_table(("Ann Lee", "Équipe Nord")))
    import_team(workspace.uow, _team_table(("Bob Roy", "ÉQUIPE NORD")))
    import_team(workspace.uow, _team_table(("Cy Ode", "équipe  nord")))

    with workspace.engine.connect() as conn:
        assert [t.name for t in queries.teams(conn)] == ["Équipe Nord"]
        assert {m.team for m in queries.members(conn)} == {"Équipe Nord"}
    with workspace.uow() as uow:
        assert uow.teams.by_name("ÉQUIPE nord") is not None


def test_account_search_and_sort_fold_accented_capitals(workspace: Workspace) -> None:
    with workspace.uow() as uow:
        for name in ("Zeta", "ÉCOLE DU NORD", "alpha", "École du Sud"):
            uow.accounts.add(Account(name=name))
        uow.commit()

    with workspace.engine.connect() as conn:
        found = queries.accounts(conn, search="école")
        assert sorted(a.name for a in found) == ["ÉCOLE DU NORD", "École du Sud"]
        assert queries.account_count(conn, search="ÉCOLE DU") == 2
        assert queries.account_count(conn, search="50%_") == 0  # wildcards are literal
        ordered = [a.name for a in queries.accounts(conn, order_by="name")]
    assert ordered == ["alpha", "Zeta", "ÉCOLE DU NORD", "École du Sud"]


def test_members_do_not_show_a_deleted_team(workspace: Workspace) -> None:
    north = Team(name="North")
    ann = Member(name="Ann Lee", team_id=north.id)
    with workspace.uow() as uow:
        uow.teams.add(north)
        uow.members.add(ann)
        uow.commit()
    with workspace.uow() as uow:  # as a race with another user could leave it
        uow.teams.get(north.id).deleted_at = datetime.now(UTC)
        uow.commit()

    with workspace.engine.connect() as conn:
        [row] = queries.members(conn)
    assert row.team is None


def test_assignments_leave_out_deleted_members(workspace: Workspace) -> None:
    north = Territory(name="North")
    ann, bob = Member(name="Ann Lee"), Member(name="Bob Roy")
    with workspace.uow() as uow:
        uow.territories.add(north)
        for m in (ann, bob):
            uow.members.add(m)
            uow.assignments.add(TerritoryAssignment(territory_id=north.id, member_id=m.id,
                                                    start=date(2024, 1, 1)))
        uow.commit()
    with workspace.uow() as uow:  # deleted without its assignments, as before the fix
        uow.members.get(bob.id).deleted_at = datetime.now(UTC)
        uow.commit()

    with workspace.engine.connect() as conn:
        assert [a.member for a in queries.assignments(conn)] == ["Ann Lee"]
        assert [a.member for a in queries.assignments(conn, north.id)] == ["Ann Lee"]
        [row] = queries.territories(conn, today=date(2024, 6, 1))
    assert row.reps == ("Ann Lee",)


def test_deleting_a_member_takes_their_assignments_along(workspace: Workspace) -> None:
    north = Territory(name="North")
    ann = Member(name="Ann Lee")
    with workspace.uow() as uow:
        uow.territories.add(north)
        uow.members.add(ann)
        uow.assignments.add(TerritoryAssignment(territory_id=north.id, member_id=ann.id,
                                                start=date(2024, 1, 1)))
        uow.commit()

    team_service.delete_member(workspace.uow, ann.id, None)
    with workspace.engine.connect() as conn:
        live = conn.execute(sa.select(sa.func.count()).select_from(tables.territory_assignments)
                            .where(tables.territory_assignments.c.deleted_at.is_(None)))
        assert live.scalar_one() == 0
    team_service.restore_member(workspace.uow, ann.id)
    with workspace.engine.connect() as conn:
        assert [a.member for a in queries.assignments(conn)] == ["Ann Lee"]
