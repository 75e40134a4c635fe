"""Importing the sample files into a real workspace, and refusing a bad file as a whole."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest
import sqlalchemy as sa

from salesdesk.domain.members import Role
from salesdesk.services.import_catalog import import_accounts, import_products
from salesdesk.services.import_team import import_team
from salesdesk.services.imports import ImportRefused
from salesdesk.storage import tables
from salesdesk.storage.files import read_table
from salesdesk.storage.workspace import Workspace

COUNTED = (tables.teams, tables.members, tables.accounts, tables.products, tables.change_log)


def _import_sample(ws: Workspace, sample_dir: Path) -> None:
    import_team(ws.uow, read_table(sample_dir / "sales_teams.csv"))
    import_accounts(ws.uow, read_table(sample_dir / "accounts.csv"))
    import_products(ws.uow, read_table(sample_dir / "products.csv"))


def _counts(ws: Workspace) -> dict[str, int]:
    with ws.engine.connect() as conn:
        return {t.name: int(conn.execute(sa.select(sa.func.count()).select_from(t))
                            .scalar_one()) for t in COUNTED}


def test_the_sample_files_import_completely(workspace: Workspace, sample_dir: Path) -> None:
    _import_sample(workspace, sample_dir)

    with workspace.uow() as uow:
        members, teams = uow.members.list(), uow.teams.list()
        roles = Counter(m.role for m in members)
        team_names = sorted(t.name for t in teams)
        team_ids = {t.id for t in teams}
        reps = [m for m in members if m.role is Role.REP]
        assert all(m.manager_id and m.team_id in team_ids for m in reps)
        accounts, products = uow.accounts.list(), uow.products.list()
        assert all(p.list_price > 0 for p in products)
    assert roles == {Role.REP: 35, Role.MANAGER: 6}
    assert team_names == ["Central", "East", "West"]
    assert len(accounts) == 85
    assert len(products) == 7


def test_importing_the_sample_again_creates_nothing(workspace: Workspace,
                                                    sample_dir: Path) -> None:
    _import_sample(workspace, sample_dir)
    before = _counts(workspace)

    again = [import_team(workspace.uow, read_table(sample_dir / "sales_teams.csv")),
             import_accounts(workspace.uow, read_table(sample_dir / "accounts.csv")),
             import_products(workspace.uow, read_table(sample_dir / "products.csv"))]

    assert [report.created for report in again] == [[], [], []]
    assert _counts(workspace) == before


BAD_FILES = {
    "team": ("sales_agent,manager,regional_office\n"
             "Zoe New,Dustin Brinkmann,Central\n"
             "Anna Snelling,Melvin Marxen,North\n"
             ",Dustin Brinkmann,Central\n"),                   # row 4: no name
    "accounts": ("account,sector,revenue,employees,office_location\n"
                 "Newco,software,12.50,40,United States\n"
                 "Acme Corporation,technology,999.99,3000,United States\n"
                 "Badco,retail,12.5,-4,United States\n"),       # row 4: negative headcount
    "products": ("product,series,sales_price\n"
                 "GTX Ultra,GTX,9999.99\n"
                 "GTX Basic,GTX,600\n"
                 "MG Mini,MG,twelve\n"),                        # row 4: not a price
}
IMPORTERS = {"team": import_team, "accounts": import_accounts, "products": import_products}


@pytest.mark.parametrize("kind", sorted(BAD_FILES))
def test_a_file_with_one_bad_row_writes_nothing(workspace: Workspace, sample_dir: Path,
                                                tmp_path: Path, kind: str) -> None:
    _import_sample(workspace, sample_dir)
    before = _counts(workspace)
    path = tmp_path / f"{kind}.csv"
    path.write_text(BAD_FILES[kind], encoding="utf-8")

    with pytest.raises(ImportRefused) as caught:
        IMPORTERS[kind](workspace.uow, read_table(path))

    assert len(caught.value.problems) == 1 and "row 4" in caught.value.problems[0]
    assert _counts(workspace) == before


def test_a_bad_row_in_an_empty_workspace_writes_nothing_either(
        workspace: Workspace, tmp_path: Path) -> None:
    path = tmp_path / "team.csv"
    path.write_text("name,role,manager,team\n"
                    "Ann Lee,rep,Bob Boss,North\n"
                    "Bob Boss,manager,,North\n"
                    "Cy Young,rep,Nobody Known,North\n",         # unknown manager
                    encoding="utf-8")

    with pytest.raises(ImportRefused, match="unknown manager 'Nobody Known'"):
        import_team(workspace.uow, read_table(path))

    assert set(_counts(workspace).values()) == {0}
