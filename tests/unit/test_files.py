"""storage.files.read_table: the encodings and dialects users' files come in."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal
from pathlib import Path

import pytest

from salesdesk.services.import_catalog import import_products
from salesdesk.services.import_team import import_team
from salesdesk.storage.files import FileFormatError, read_table

from .fakes import FakeWorkspace

TEAM = "name,manager,team\r\nJosé Müller,Zoë Lefèvre,Zürich\r\nZoë Lefèvre,,Zürich\r\n"
EXPECTED = [{"name": "José Müller", "manager": "Zoë Lefèvre", "team": "Zürich"},
            {"name": "Zoë Lefèvre", "manager": "", "team": "Zürich"}]


def write(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


@pytest.mark.parametrize(("data", "encoding"), [
    (TEAM.encode("utf-8-sig"), "utf-8"),
    (TEAM.encode("utf-8"), "utf-8"),
    (TEAM.replace(",", ";").encode("cp1252"), "cp1252"),
    (TEAM.replace(",", "\t").encode("utf-16"), "utf-16"),  # Excel's "Unicode text"
    (TEAM.replace(",", "|").replace("\r\n", "\n").encode("utf-8"), "utf-8"),
])
def test_encodings_and_delimiters(tmp_path: Path, data: bytes, encoding: str) -> None:
    table = read_table(write(tmp_path, "team.csv", data))
    assert table.encoding == encoding
    assert table.headers == ("name", "manager", "team")
    assert [r.values for r in table.rows] == EXPECTED
    assert [r.number for r in table.rows] == [2, 3]


def test_cp1252_names_as_the_issue_reports_them(tmp_path: Path) -> None:
    table = read_table(write(tmp_path, "t.csv", "name;manager\r\nJosé Müller;Zoë\r\n"
                                                 "Hélène à Côté;Zoë\r\n".encode("cp1252")))
    assert [r.values["name"] for r in table.rows] == ["José Müller", "Hélène à Côté"]


def test_cp1250_stays_cp1250_when_it_clearly_is(tmp_path: Path) -> None:
    text = "name;city\r\nPaweł Żółć;Łódź\r\nŚwięty Wąż;Kraków\r\n"
    table = read_table(write(tmp_path, "pl.csv", text.encode("cp1250")))
    assert [r.values["city"] for r in table.rows] == ["Łódź", "Kraków"]


def test_french_excel_semicolons_and_comma_decimals(tmp_path: Path, ws: FakeWorkspace) -> None:
    data = ("Product;Series;Sales price\r\nGTX Pro;GTX;4 821,50\r\n"
            "MG Special;MG;\"1\u00a0055,00\"\r\nGTX Basic;GTX;550\r\n").encode("cp1252")
    table = read_table(write(tmp_path, "produits.csv", data))
    assert (table.delimiter, table.headers) == (";", ("product", "series", "sales_price"))
    assert table.rows[0].values["sales_price"] == "4 821,50"
    import_products(ws, table)
    assert {p.name: p.list_price for p in ws.live("products")} == {
        "GTX Pro": Decimal("4821.50"), "MG Special": Decimal("1055.00"),
        "GTX Basic": Decimal("550.00")}


def test_tab_delimited(tmp_path: Path, ws: FakeWorkspace) -> None:
    data = b"sales_agent\tmanager\tregional_office\nAnna\tZoe\tWest\nBob\tZoe\tWest\n"
    table = read_table(write(tmp_path, "team.tsv", data))
    assert table.delimiter == "\t"
    import_team(ws, table)
    assert ws.one("members", "Bob").manager_id == ws.one("members", "Zoe").id


def test_quoted_cells_keep_their_delimiters(tmp_path: Path) -> None:
    table = read_table(write(tmp_path, "a.csv",
                             b'account,sector\r\n"Acme, Inc.",retail\r\n"Say ""hi""",x\r\n'))
    assert [r.values["account"] for r in table.rows] == ["Acme, Inc.", 'Say "hi"']


def test_headers_are_normalised_and_blank_lines_skipped(tmp_path: Path) -> None:
    data = b"\r\n\r\n Sales Agent , E-Mail ,Hire.Date,\r\nAnna,a@example.com,2024-01-01,\r\n\r\n" \
           b"Bob,,,\r\n"
    table = read_table(write(tmp_path, "t.csv", data))
    assert table.headers == ("sales_agent", "e_mail", "hire_date")
    assert table.original_headers == ("Sales Agent", "E-Mail", "Hire.Date")
    assert [(r.number, r.values["sales_agent"]) for r in table.rows] == [(4, "Anna"), (6, "Bob")]


def test_short_rows_are_padded(tmp_path: Path) -> None:
    table = read_table(write(tmp_path, "t.csv", b"a,b,c\n1\n"))
    assert table.rows[0].values == {"a": "1", "b": "", "c": ""}


def test_a_repeated_column_is_refused(tmp_path: Path) -> None:
    with pytest.raises(FileFormatError, match="the column 'name' appears twice in row 1"):
        read_table(write(tmp_path, "t.csv", b"Name,NAME\nA,B\n"))


def test_xlsx_written_with_openpyxl(tmp_path: Path, ws: FakeWorkspace) -> None:
    from openpyxl import Workbook

    wb = Workbook()
    sheet = wb.active
    assert sheet is not None
    sheet.append(["Name", "Capacity", "Hire date", "Manager", None])
    sheet.append(["José Müller", 30, date(2024, 3, 1), "Zoë", None])
    sheet.append([None, None, None, None, None])
    sheet.append(["Zoë", 12.0, datetime(2020, 1, 1, 0, 0), None, None])
    wb.save(tmp_path / "team.xlsx")
    table = read_table(tmp_path / "team.xlsx")
    assert (table.encoding, table.headers) == ("xlsx", ("name", "capacity", "hire_date",
                                                         "manager"))
    assert [r.values for r in table.rows] == [
        {"name": "José Müller", "capacity": "30", "hire_date": "2024-03-01", "manager": "Zoë"},
        {"name": "Zoë", "capacity": "12", "hire_date": "2020-01-01", "manager": ""}]
    assert [r.number for r in table.rows] == [2, 4]
    import_team(ws, table)
    assert ws.one("members", "José Müller").hire_date == date(2024, 3, 1)
