"""The roster and accounts exports (storage/export.py): text a spreadsheet would run as a
formula, such as a company typed into a lead as "=HYPERLINK(...)" and converted to an
account, goes out as text in CSV and in the workbook."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from salesdesk.domain.accounts import Account
from salesdesk.domain.members import Member
from salesdesk.storage.export import export_accounts, export_team
from salesdesk.storage.workspace import Workspace

NASTY = ["=HYPERLINK(\"http://x\",\"y\")", "+1+1", "-2+3", "@SUM(A1)"]


def _fill(workspace: Workspace) -> None:
    with workspace.uow() as uow:
        for i, text in enumerate(NASTY):
            uow.accounts.add(Account(name=text, sector="retail", postcode=f"{i}"))
        uow.members.add(Member(name="=cmd|' /C calc'!A0"))
        uow.members.add(Member(name="Ann Archer"))
        uow.commit()


@pytest.mark.parametrize("suffix", [".csv", ".xlsx"])
def test_accounts_and_team_exports_never_carry_a_formula(workspace: Workspace,
                                                         tmp_path: Path, suffix: str) -> None:
    _fill(workspace)
    accounts, team = tmp_path / f"accounts{suffix}", tmp_path / f"team{suffix}"
    assert export_accounts(workspace.engine, accounts) == len(NASTY)
    assert export_team(workspace.engine, team) == 2
    if suffix == ".csv":
        for path, header in ((accounts, "account"), (team, "name")):
            with path.open(encoding="utf-8-sig", newline="") as f:
                rows = list(csv.reader(f))
            assert rows[0][0] == header
            cells = [c for row in rows[1:] for c in row]
            assert [c for c in cells if c.startswith(("=", "+", "-", "@"))] == []
        with accounts.open(encoding="utf-8-sig", newline="") as f:
            names = {row[0] for row in list(csv.reader(f))[1:]}
        assert names == {"'" + text for text in NASTY}
        return
    from openpyxl import load_workbook

    sheet = load_workbook(accounts).active
    assert sheet is not None
    names = [row[0] for row in sheet.iter_rows(min_row=2)]
    assert {c.value for c in names} == set(NASTY)
    assert all(c.data_type == "s" and c.quotePrefix for c in names)
    team_sheet = load_workbook(team).active
    assert team_sheet is not None
    cells = [c for row in team_sheet.iter_rows(min_row=2) for c in row]
    assert all(c.data_type != "f" for c in cells)
    assert "Ann Archer" in {c.value for c in cells}
