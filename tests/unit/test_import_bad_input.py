"""Bad input: every refusal names the row and the problem, and nothing is written.

The workspace already holds a team when each bad file arrives, and every bad file also
carries good rows (new members, changes to existing ones), so a half-import would show.
"""

from __future__ import annotations

import io
import random
import struct
import zipfile
import zlib
from collections.abc import Callable
from pathlib import Path

import pytest

from salesdesk.services.import_catalog import import_accounts, import_products
from salesdesk.services.import_team import import_team
from salesdesk.services.imports import ImportRefused
from salesdesk.storage.files import FileFormatError, Table, read_table

from .fakes import FakeWorkspace, make_table

Importer = Callable[..., object]


@pytest.fixture
def ws(ws: FakeWorkspace) -> FakeWorkspace:
    import_team(ws, make_table(
        ["name", "email", "role", "manager", "capacity"],
        ["Zoe Boss", "zoe@example.com", "manager", "", "10"],
        ["Anna Rep", "anna@example.com", "rep", "Zoe Boss", "30"],
        ["Dustin Brinkmann", "", "manager", "Zoe Boss", ""]))
    import_accounts(ws, make_table(["account"], ["Acme"]))
    import_products(ws, make_table(["product", "sales_price"], ["GTX Pro", "4821"]))
    return ws


def refused(ws: FakeWorkspace, importer: Importer, table: Table) -> list[str]:
    """The problems of a refused import, after checking that nothing was written."""
    before = ws.snapshot()
    with pytest.raises(ImportRefused) as err:
        importer(ws, table)
    assert ws.snapshot() == before
    assert str(err.value).startswith(f"{table.source}: nothing was imported")
    return err.value.problems


def unreadable(ws: FakeWorkspace, path: Path) -> str:
    before = ws.snapshot()
    with pytest.raises(FileFormatError) as err:
        import_team(ws, read_table(path))
    assert ws.snapshot() == before
    return str(err.value)


# --- columns and empty files ------------------------------------------------------------


def test_missing_name_column_is_refused_naming_what_the_file_has(ws: FakeWorkspace) -> None:
    problems = refused(ws, import_team, make_table(["E-mail", "Team"], ["x@example.com", "A"]))
    assert problems == ["row 1: missing column 'name' (any of: name, sales_agent, agent, "
                        "member, rep, full_name, salesperson); the file has: e_mail, team"]


@pytest.mark.parametrize(("importer", "headers", "missing"), [
    (import_products, ["product", "series"], "'list_price'"),
    (import_products, ["sku", "price"], "'name'"),
    (import_accounts, ["company_id", "revenue"], "'name'"),
])
def test_wrong_columns_are_refused(ws: FakeWorkspace, importer: Importer,
                                   headers: list[str], missing: str) -> None:
    [problem] = refused(ws, importer, make_table(headers, ["a", "1"]))
    assert problem.startswith(f"row 1: missing column {missing}")
    assert problem.endswith(f"the file has: {', '.join(headers)}")


@pytest.mark.parametrize("content", [b"", b"   \r\n\r\n  ", b"\xef\xbb\xbf", b";;;\r\n\r\n"])
def test_an_empty_file_is_refused(ws: FakeWorkspace, tmp_path: Path, content: bytes) -> None:
    path = tmp_path / "team.csv"
    path.write_bytes(content)
    message = unreadable(ws, path)
    assert "team.csv" in message
    assert "is empty" in message or "row 1 should hold the column names" in message


@pytest.mark.parametrize("importer", [import_team, import_accounts, import_products])
def test_a_header_only_file_is_refused(ws: FakeWorkspace, tmp_path: Path,
                                       importer: Importer) -> None:
    path = tmp_path / "only.csv"
    path.write_text("name,account,product,sales_price\r\n\r\n")
    assert refused(ws, importer, read_table(path)) == [
        "the file has column names but no data rows"]


# --- duplicates -------------------------------------------------------------------------


def test_identical_duplicate_members_are_skipped_naming_the_earlier_row(
        ws: FakeWorkspace) -> None:
    report = import_team(ws, make_table(["name", "capacity"], ["Bob New", "20"],
                                        ["Carl New", "5"], ["Bob New", "20"]))
    assert report.skipped == ["row 4: Bob New: same as row 2"]
    assert [m.name for m in ws.live("members")].count("Bob New") == 1


@pytest.mark.parametrize(("importer", "headers", "rows", "name"), [
    (import_accounts, ["account", "sector"], [["Betatech", "medical"], ["Betatech", "medical"]],
     "Betatech"),
    (import_products, ["product", "sales_price"], [["MG", "55"], ["MG", "55"]], "MG"),
])
def test_identical_duplicate_catalog_rows_are_skipped(ws: FakeWorkspace, importer: Importer,
                                                      headers: list[str],
                                                      rows: list[list[str]], name: str) -> None:
    report = importer(ws, make_table(headers, *rows))
    assert report.skipped == [f"row 3: {name}: same as row 2"]  # type: ignore[attr-defined]


def test_conflicting_duplicate_members_are_refused(ws: FakeWorkspace) -> None:
    problems = refused(ws, import_team, make_table(
        ["name", "capacity"], ["Anna Rep", "31"], ["Bob New", "20"], ["Bob New", "25"]))
    assert problems == ["row 4, field 'name': Bob New is also on row 3 with other values"]


@pytest.mark.parametrize(("importer", "headers", "rows"), [
    (import_accounts, ["account", "employees"], [["Betatech", "10"], ["betatech", "12"]]),
    (import_products, ["product", "sales_price"], [["MG", "55"], ["MG", "56"]]),
])
def test_conflicting_duplicate_catalog_rows_are_refused(
        ws: FakeWorkspace, importer: Importer, headers: list[str],
        rows: list[list[str]]) -> None:
    [problem] = refused(ws, importer, make_table(headers, *rows))
    assert problem.startswith("row 3, field 'name': ")
    assert problem.endswith("is also on row 2 with other values")


def test_two_members_with_one_email_are_refused(ws: FakeWorkspace) -> None:
    problems = refused(ws, import_team, make_table(
        ["name", "email"], ["Bob New", "bob@example.com"], ["Carl New", "BOB@example.com"],
        ["Dan New", "anna@example.com"]))
    assert problems == [
        "row 2, field 'email': 'bob@example.com' is also the address of Carl New",
        "row 3, field 'email': 'bob@example.com' is also the address of Bob New",
        "row 4, field 'email': 'anna@example.com' is also the address of Anna Rep"]


def test_members_may_swap_addresses_in_one_file(ws: FakeWorkspace) -> None:
    import_team(ws, make_table(["name", "email"], ["Zoe Boss", "anna@example.com"],
                               ["Anna Rep", "zoe@example.com"]))
    assert ws.one("members", "Zoe Boss").email == "anna@example.com"


# --- managers ---------------------------------------------------------------------------


def test_an_unknown_manager_is_refused_when_the_file_has_roles(ws: FakeWorkspace) -> None:
    problems = refused(ws, import_team, make_table(
        ["name", "role", "manager"], ["Bob New", "rep", "Zoe Boss"],
        ["Carl New", "rep", "Xavier Nobody"]))
    assert problems == ["row 3, field 'manager': unknown manager 'Xavier Nobody' in the file "
                        "or the workspace"]


def test_a_manager_who_has_left_is_refused(ws: FakeWorkspace) -> None:
    from datetime import date

    from salesdesk.services.team import set_active

    with ws.uow() as uow:
        dustin_id = next(m.id for m in uow.members.list() if m.name == "Dustin Brinkmann")
    set_active(ws.uow, dustin_id, None, active=False, on=date(2026, 1, 31))
    problems = refused(ws, import_team, make_table(
        ["name", "manager"], ["Bob New", "Zoe Boss"], ["Carl New", "Dustin Brinkmann"]))
    assert problems == ["row 3, field 'manager': Dustin Brinkmann has left and cannot manage "
                        "anyone"]


def test_a_manager_typo_is_refused_with_did_you_mean(ws: FakeWorkspace) -> None:
    problems = refused(ws, import_team, make_table(
        ["sales_agent", "manager"], ["Bob New", "Zoe Boss"], ["Carl New", "Dustin Brinkman"]))
    assert problems == ["row 3, field 'manager': unknown manager 'Dustin Brinkman'; "
                        "did you mean 'Dustin Brinkmann'?"]


def test_a_circular_manager_chain_in_the_file_is_refused(ws: FakeWorkspace) -> None:
    problems = refused(ws, import_team, make_table(
        ["name", "manager"], ["Bob New", "Zoe Boss"], ["Carl New", "Dan New"],
        ["Dan New", "Eve New"], ["Eve New", "Carl New"]))
    assert problems == [f"row {n}, field 'manager': this manager would make a circular "
                        "reporting chain" for n in (3, 4, 5)]


def test_a_chain_closing_a_loop_through_the_workspace_is_refused(ws: FakeWorkspace) -> None:
    problems = refused(ws, import_team, make_table(["name", "manager"],
                                                   ["Zoe Boss", "Anna Rep"]))
    assert problems == ["row 2, field 'manager': this manager would make a circular "
                        "reporting chain"]


def test_being_ones_own_manager_is_refused(ws: FakeWorkspace) -> None:
    assert refused(ws, import_team, make_table(["name", "manager"], ["Bob New", "bob new"])) \
        == ["row 2, field 'manager': this manager would make a circular reporting chain"]


# --- field values -----------------------------------------------------------------------


def test_invalid_emails_are_refused(ws: FakeWorkspace) -> None:
    problems = refused(ws, import_team, make_table(
        ["name", "email"], ["Bob New", "bob@example.com"], ["Carl New", "carl@example"],
        ["Dan New", "dan at example.com"]))
    assert problems == [
        "row 3, field 'email': 'carl@example' is not a valid e-mail address",
        "row 4, field 'email': 'dan at example.com' is not a valid e-mail address"]


def test_negative_capacity_is_refused(ws: FakeWorkspace) -> None:
    problems = refused(ws, import_team, make_table(
        ["name", "capacity"], ["Anna Rep", "12"], ["Bob New", "-5"]))
    assert problems == ["row 3, field 'capacity': must be at least 0 (got -5)"]


@pytest.mark.parametrize(("importer", "headers", "cell", "field"), [
    (import_team, ["name", "capacity"], "inf", "capacity"),
    (import_team, ["name", "ramp_months"], "1e999999999", "ramp_months"),
    (import_team, ["name", "hire_date"], "31/02/2024", "hire_date"),
    (import_accounts, ["account", "employees"], "NaN", "employees"),
    (import_accounts, ["account", "revenue"], "-3", "revenue"),
    (import_products, ["product", "sales_price"], "1e30", "sales_price"),
    (import_products, ["product", "sales_price"], "four", "sales_price"),
    (import_products, ["product", "sales_price"], "", "sales_price"),
])
def test_unreadable_numbers_and_dates_are_refused(ws: FakeWorkspace, importer: Importer,
                                                  headers: list[str], cell: str,
                                                  field: str) -> None:
    good = "2024-02-29" if field == "hire_date" else "1"
    [problem] = refused(ws, importer, make_table(headers, ["New One", good], ["New Two", cell]))
    assert problem.startswith(f"row 3, field '{field}': ")


def test_an_overlong_team_name_is_refused_on_its_row(ws: FakeWorkspace) -> None:
    problems = refused(ws, import_team, make_table(["name", "team"], ["Bob New", "West"],
                                                   ["Carl New", "T" * 101]))
    assert problems == ["row 3, field 'team': is longer than 100 characters"]


def test_an_unknown_role_is_refused(ws: FakeWorkspace) -> None:
    assert refused(ws, import_team, make_table(["name", "role"], ["Bob New", "boss"])) == [
        "row 2, field 'role': 'boss' is not a role (rep, manager or admin)"]


def test_all_problems_are_reported_at_once(ws: FakeWorkspace) -> None:
    problems = refused(ws, import_team, make_table(
        ["name", "email", "capacity"], ["", "", ""], ["Bob", "nope", "1"], ["Carl", "", "-1"]))
    assert [p.split(":")[0] for p in problems] == [
        "row 2, field 'name'", "row 3, field 'email'", "row 4, field 'capacity'"]


# --- files that are not spreadsheets ----------------------------------------------------


def _png() -> bytes:
    def chunk(kind: bytes, data: bytes) -> bytes:
        return (struct.pack(">I", len(data)) + kind + data
                + struct.pack(">I", zlib.crc32(kind + data)))
    header = struct.pack(">IIBBBBB", 1, 1, 8, 0, 0, 0, 0)
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header)
            + chunk(b"IDAT", zlib.compress(b"\x00\x00")) + chunk(b"IEND", b""))


def _xlsx_bytes() -> bytes:
    from openpyxl import Workbook

    buffer = io.BytesIO()
    wb = Workbook()
    sheet = wb.active
    assert sheet is not None
    sheet.append(["name"])
    sheet.append(["Bob New"])
    wb.save(buffer)
    return buffer.getvalue()


def _damaged_sheet() -> bytes:
    source = zipfile.ZipFile(io.BytesIO(_xlsx_bytes()))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as target:
        for name in source.namelist():
            data = source.read(name)
            target.writestr(name, data[: len(data) // 2] if "worksheets/" in name else data)
    return out.getvalue()


def _zip_of_text() -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as z:
        z.writestr("readme.txt", "hello")
    return out.getvalue()


@pytest.mark.parametrize(("filename", "make", "says"), [
    ("random.csv", lambda: random.Random(7).randbytes(4096), "not a spreadsheet or CSV"),
    ("photo.png", _png, "not a spreadsheet or CSV"),
    ("photo.csv", _png, "not a spreadsheet or CSV"),
    ("old.xls", lambda: b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(504),
     "old Excel 97-2003 (.xls) file"),
    ("truncated.xlsx", lambda: _xlsx_bytes()[:700], "not a readable .xlsx workbook"),
    ("damaged.xlsx", _damaged_sheet, "damaged .xlsx workbook"),
    ("archive.xlsx", _zip_of_text, "not a readable .xlsx workbook"),
    ("utf16.csv", lambda: b"\xff\xfe" + b"n\x00a\x00\x00\xd8x", "not a spreadsheet or CSV"),
])
def test_a_file_that_is_not_a_spreadsheet_is_refused(ws: FakeWorkspace, tmp_path: Path,
                                                     filename: str,
                                                     make: Callable[[], bytes],
                                                     says: str) -> None:
    path = tmp_path / filename
    path.write_bytes(make())
    message = unreadable(ws, path)
    assert message.startswith(filename) and says in message


def test_a_missing_file_is_refused(ws: FakeWorkspace, tmp_path: Path) -> None:
    assert "no such file" in unreadable(ws, tmp_path / "nope.csv")
