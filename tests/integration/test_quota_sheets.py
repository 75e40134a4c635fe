"""Quota workbooks: export, re-import, edits, bad input, and LibreOffice recalculation."""

from __future__ import annotations

import csv
import shutil
import subprocess
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook

from salesdesk.storage.quota_sheet_reader import QuotaSheetError
from salesdesk.storage.quota_sheets import (
    MemberQuotas,
    QuotaSheetData,
    TeamQuotas,
    blocks,
    read_quota_workbook,
    write_quota_workbook,
)

MONTHS = tuple(f"2017-{m:02d}" for m in range(7, 13)) + tuple(f"2018-{m:02d}"
                                                             for m in range(1, 7))


def plan(version: int = 3, workspace: str = "ws-1") -> QuotaSheetData:
    def member(team: int, i: int, name: str) -> MemberQuotas:
        quota = tuple(Decimal(20000 + 2500 * i + 500 * m) for m in range(12))
        won = tuple(Decimal(15000 + 4100 * i + 731 * m) + Decimal("0.45") for m in range(12))
        return MemberQuotas(f"M-{team}{i}", name, quota, won)

    east = TeamQuotas("T-1", "East", (member(1, 0, "Ann Lee"), member(1, 1, "Bo Chen"),
                                      member(1, 2, "=HYPERLINK(\"x\")")))
    west = TeamQuotas("T-2", "West", (member(2, 0, "Cy Park"), member(2, 1, "Di Ross")))
    return QuotaSheetData(workspace, "plan-2018", version, "Quotas FY2018", "EUR", MONTHS,
                          ("2018-Q1", "2018-Q2", "2018-Q3", "2018-Q4"), "2018", (east, west))


@pytest.fixture
def exported(tmp_path: Path) -> Path:
    return write_quota_workbook(tmp_path / "quotas.xlsx", plan())


def edit(path: Path, **cells: object) -> Path:
    """Set cells given as SHEET__CELL=value (East__D5=1) and save."""
    wb = load_workbook(path)
    for key, value in cells.items():
        sheet, cell = key.split("__")
        wb[sheet][cell] = value
    wb.save(path)
    return path


def refused(path: Path, expected: QuotaSheetData | None = None) -> list[str]:
    with pytest.raises(QuotaSheetError) as caught:
        read_quota_workbook(path, expected or plan())
    return [str(p) for p in caught.value.problems]


def test_unchanged_export_reports_no_change(exported: Path) -> None:
    changes = read_quota_workbook(exported, plan())
    assert changes.unchanged
    assert (changes.plan_id, changes.plan_version) == ("plan-2018", 3)


def test_edited_quota_cells_give_an_exact_diff(exported: Path) -> None:
    edit(exported, East__D5=25000.1, West__N6=0, East__C7=None)
    changes = read_quota_workbook(exported, plan())
    got = [(c.sheet, c.cell, c.member_id, c.month, c.old, c.new) for c in changes.changes]
    assert got == [
        ("East", "D5", "M-10", "2017-08", Decimal("20500"), Decimal("25000.10")),
        ("East", "C7", "M-12", "2017-07", Decimal("25000"), Decimal("0.00")),
        ("West", "N6", "M-21", "2018-06", Decimal("28000"), Decimal("0.00")),
    ]


def test_workbook_is_protected_with_only_quota_cells_unlocked(exported: Path) -> None:
    wb = load_workbook(exported)
    ws = wb["East"]
    assert ws.protection.sheet and wb.security.lockStructure
    assert not ws["C5"].protection.locked and not ws["N7"].protection.locked
    assert ws["O5"].protection.locked and ws["A5"].protection.locked
    assert ws["O5"].value == "=SUM(C5:E5)" and ws["S5"].value == "=SUM(C5:N5)"
    assert ws.freeze_panes == "C5" and ws.page_setup.orientation == "landscape"
    assert ws["C4"].value == "2017-07" and ws["O4"].value == "2018-Q1"
    assert ws.conditional_formatting and wb.properties.creator == "SalesDesk"


def test_print_set_up_leaves_the_ids_out_and_names_every_font(exported: Path) -> None:
    wb = load_workbook(exported)
    rows = {"Summary": 2, "East": 3, "West": 2}  # teams, or members
    for ws in wb.worksheets:
        last = blocks(rows[ws.title])[2].total
        assert ws.print_area == f"'{ws.title}'!$B$1:$S${last}"
        assert ws.print_title_rows == "$4:$4" and ws.page_setup.fitToWidth == 1
        assert ws["A1"].value is None and ws["B1"].value.startswith(
            f"{ws.title}: Quotas FY2018")
        assert ws["B3"].value == "Quota"  # section titles print beside the table too
        assert ws.column_dimensions["S"].width > ws.column_dimensions["N"].width
    # a font without a name is drawn in LibreOffice's serif face beside Calibri
    assert all(font.name for font in wb._fonts)


def test_an_unwritable_target_fails_before_anything_is_written(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError):
        write_quota_workbook(tmp_path / "missing" / "quotas.xlsx", plan())


def test_text_that_looks_like_a_formula_is_written_as_text(exported: Path) -> None:
    cell = load_workbook(exported)["East"]["B7"]
    assert cell.data_type == "s" and cell.value == '=HYPERLINK("x")'


@pytest.mark.parametrize(("cells", "message"), [
    ({"East__D7": "abc"}, "Sheet 'East', cell D7: 'abc' is not a number"),
    ({"East__D6": -5}, "Sheet 'East', cell D6: -5.00 is negative; a quota must be zero or more"),
    ({"West__E5": "=D5*2"}, "Sheet 'West', cell E5: formulas are not accepted in quota cells "
                            "(found '=D5*2'); type a number"),
    ({"East__E4": "Aug"}, "Sheet 'East', cell E4: expected the column '2017-09', found 'Aug' "
                          "(columns must not be moved or renamed)"),
    ({"East__A6": "M-99"}, "Sheet 'East', cell A6: expected member 'M-11' (Bo Chen), found "
                           "'M-99'"),
    ({"East__O5": 1}, "Sheet 'East', cell O5: the total 1.00 does not match the sum of its "
                      "cells 61500.00"),
    ({"West__S6": "=SUM(C6:M6)"}, "Sheet 'West', cell S6: the formula was changed to "
                                  "'=SUM(C6:M6)'; expected '=SUM(C6:N6)'"),
])
def test_bad_cells_are_refused_naming_sheet_and_cell(exported: Path, cells: dict[str, object],
                                                     message: str) -> None:
    assert refused(edit(exported, **cells)) == [message]


def test_a_typed_total_that_agrees_is_accepted(exported: Path) -> None:
    edit(exported, East__O5=61500)
    assert read_quota_workbook(exported, plan()).unchanged


def test_renamed_sheet_is_named(exported: Path) -> None:
    wb = load_workbook(exported)
    wb["West"].title = "Westside"
    wb.save(exported)
    assert refused(exported) == ["Sheet 'West': the sheet is missing (found 'Westside': was "
                                 "it renamed?)"]


def test_hidden_rows_and_merged_cells_are_refused(exported: Path) -> None:
    wb = load_workbook(exported)
    wb["East"].row_dimensions[6].hidden = True
    wb["West"].merge_cells("C5:D5")
    wb.save(exported)
    assert refused(exported) == [
        "Sheet 'East', cell A6: row 6 is hidden; unhide it and import again",
        "Sheet 'West', cell C5:D5: merged cells are not allowed in the quota table; unmerge "
        "them and import again",
    ]


@pytest.mark.parametrize(("other", "message"), [
    (plan(workspace="ws-2"), "this quota sheet comes from another workspace (ws-1)"),
    (plan(version=4), "this quota sheet was exported from version 3 of the plan; the plan "
                      "is now at version 4: export it again"),
])
def test_a_sheet_from_another_plan_or_workspace_is_refused(
        exported: Path, other: QuotaSheetData, message: str) -> None:
    assert refused(exported, other) == [message]


def test_inserted_row_is_refused(exported: Path) -> None:
    wb = load_workbook(exported)
    wb["West"].insert_rows(6)
    wb.save(exported)
    problems = refused(exported)
    assert "Sheet 'West', cell B7: expected the 'Team total' row here: rows must not be " \
           "inserted, deleted or moved" in problems


SOFFICE_MISSING = "LibreOffice (soffice) not installed: apt install libreoffice-calc-nogui"
needs_soffice = pytest.mark.skipif(shutil.which("soffice") is None, reason=SOFFICE_MISSING)


@needs_soffice
def test_libreoffice_recalculates_the_attainment_python_computes(tmp_path: Path) -> None:
    data = plan()
    source = write_quota_workbook(tmp_path / "quotas.xlsx", data)
    out = tmp_path / "csv"
    subprocess.run(["soffice", f"-env:UserInstallation=file://{tmp_path}/lo", "--headless",
                    "--convert-to",
                    'csv:Text - txt - csv (StarCalc):44,34,76,1,,1033,false,true,false,false,'
                    'false,-1', "--outdir", str(out), str(source)],
                   check=True, capture_output=True, timeout=120)
    rows = list(csv.reader((out / "quotas-East.csv").open(encoding="utf-8")))
    east = data.teams[0]
    first = blocks(len(east.members))[2].first - 1  # 0-based: CSV rows are a list
    for offset, member in enumerate(east.members):
        row = rows[first + offset]
        assert row[0] == member.member_id
        expected = [w / q for w, q in zip(member.won, member.quota, strict=True)]
        expected += [sum(member.won[3 * q:3 * q + 3]) / sum(member.quota[3 * q:3 * q + 3])
                     for q in range(4)]
        expected.append(sum(member.won) / sum(member.quota))
        recalculated = [percent(text) for text in row[2:19]]
        # LibreOffice computes in binary doubles: equal to 12 significant digits
        assert [round(x, 12) for x in recalculated] == [round(x, 12) for x in expected]


def percent(text: str) -> Decimal:
    assert text.endswith("%"), text
    return Decimal(text[:-1]) / 100


def recalculated(source: Path, folder: Path) -> Any:
    """`source` opened, recalculated and saved again by LibreOffice headless, read back
    with the values its formulas computed."""
    out = folder / "recalculated"
    subprocess.run(["soffice", f"-env:UserInstallation=file://{folder}/lo", "--headless",
                    "--convert-to", "xlsx", "--outdir", str(out), str(source)],
                   check=True, capture_output=True, timeout=180)
    return load_workbook(out / source.name, data_only=True)


def four_places(value: object) -> Decimal | None:
    """A recalculated fraction to 0.0001, half up as the app rounds; None for the empty
    text IFERROR gives without a quota."""
    if value == "" or value is None:
        return None
    assert isinstance(value, int | float), value
    return Decimal(repr(value)).quantize(Decimal("0.0001"), rounding=ROUND_HALF_UP)


@needs_soffice
def test_libreoffice_recalculates_the_demo_plans_attainment_as_the_app(tmp_path: Path
                                                                       ) -> None:
    """The demo's published 2017 plan exported: LibreOffice's recalculated attainment of
    each member, team and the company, for the year and each quarter, equals
    services.attainment's to four places."""
    from salesdesk.services import attainment as att
    from salesdesk.services.demo import create_sample_company
    from salesdesk.services.quota_sheets import export_quotas
    from salesdesk.storage.quota_sheets import QUARTER_COLS, WORKBOOKS, YEAR_COL
    from salesdesk.storage.sample import sample_tables
    from salesdesk.storage.workspace import open_workspace

    ws = open_workspace(str(tmp_path / "demo.sqlite"))
    try:
        create_sample_company(ws.uow, sample_tables())
        export = export_quotas(ws.uow, WORKBOOKS, 2017, tmp_path / "quotas-2017.xlsx")
        views = {p: att.attainment(ws.uow, p) for p in ("2017", "2017-Q1", "2017-Q2",
                                                        "2017-Q3", "2017-Q4")}
    finally:
        ws.close()
    wb = recalculated(export.path, tmp_path)
    columns = {"2017": YEAR_COL, **{f"2017-Q{n + 1}": c for n, c in enumerate(QUARTER_COLS)}}
    checked = 0
    for period, view in views.items():
        members = {m.id: m for m in view.members}
        teams = {t.name: t for t in view.teams}
        for team in ("Central", "East", "West"):
            sheet = wb[team]
            for row in _attainment_rows(sheet):
                ident = sheet.cell(row, 1).value  # empty on the team total row
                got = four_places(sheet.cell(row, columns[period]).value)
                want = members[ident].attainment if ident else teams[team].attainment
                assert got == want, (period, team, sheet.cell(row, 2).value, got, want)
                checked += 1
        total = _attainment_rows(wb["Summary"])[-1]
        assert wb["Summary"].cell(total, 2).value == "Company total"
        assert four_places(wb["Summary"].cell(total, columns[period]).value) == \
            view.total.attainment
    assert checked == 5 * (35 + 3)


def _attainment_rows(sheet: Any) -> list[int]:
    """The rows of a sheet's Attainment block: its members (or teams), then the total."""
    start = next(r for r in range(1, sheet.max_row + 1) if sheet.cell(r, 2).value ==
                 "Attainment")
    rows = []
    for r in range(start + 2, sheet.max_row + 1):
        if sheet.cell(r, 2).value is None:
            break
        rows.append(r)
    return rows
