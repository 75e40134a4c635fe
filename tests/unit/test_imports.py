"""Importing the team, accounts and products: from in-memory tables, files and the sample."""

from __future__ import annotations

from collections import Counter
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest

from salesdesk.domain.accounts import Account
from salesdesk.domain.errors import ValidationError
from salesdesk.domain.members import Member, Role
from salesdesk.services.import_catalog import import_accounts, import_products
from salesdesk.services.import_team import import_team
from salesdesk.services.imports import ImportCancelled, ImportRefused, parse_date
from salesdesk.storage.files import read_table

from .conftest import SAMPLE
from .fakes import FakeWorkspace, make_table

# --- team -----------------------------------------------------------------------------


def test_team_import_creates_members_teams_and_managers(ws: FakeWorkspace) -> None:
    table = make_table(
        ["Name", "E-mail", "Role", "Manager", "Team", "Hire date", "Ramp months", "Capacity"],
        ["Zoe Boss", "zoe@example.com", "manager", "", "West", "2020-01-01", "", ""],
        ["Anna Rep", "ANNA@example.com", "Rep", "Zoe Boss", "West", "15/03/2024", "3", "30"],
        ["Carl Rep", "", "", "zoe boss", "east", "", "", ""])
    report = import_team(ws, table)
    assert sorted(report.created) == ["manager Zoe Boss", "rep Anna Rep", "rep Carl Rep",
                                      "team West", "team east"]
    assert report.changes.members and report.changes.teams
    zoe, anna = ws.one("members", "Zoe Boss"), ws.one("members", "Anna Rep")
    assert (anna.email, anna.manager_id, anna.hire_date, anna.ramp_months, anna.capacity) == \
        ("anna@example.com", zoe.id, date(2024, 3, 15), 3, 30)
    assert ws.one("members", "Carl Rep").manager_id == zoe.id
    assert anna.team_id == ws.one("teams", "West").id == zoe.team_id


def test_team_reimport_updates_what_changed_and_skips_the_rest(ws: FakeWorkspace) -> None:
    import_team(ws, make_table(["name", "capacity"], ["Anna", "30"], ["Bob", "20"]))
    report = import_team(ws, make_table(["name", "capacity"], ["Anna", "35"], ["Bob", "20"]))
    assert report.created == [] and report.updated == ["Anna (capacity)"]
    assert report.skipped == ["row 3: Bob: unchanged"]
    anna = ws.one("members", "Anna")
    assert (anna.capacity, anna.version) == (35, 2)
    assert ws.one("members", "Bob").version == 1


def test_team_import_promotes_an_existing_rep_named_as_manager(ws: FakeWorkspace) -> None:
    ws.seed(Member(name="Zoe"))
    report = import_team(ws, make_table(["name", "manager"], ["Anna", "Zoe"]))
    assert "Zoe (role: manager)" in report.updated
    assert ws.one("members", "Zoe").role is Role.MANAGER


def test_a_new_manager_whose_name_is_part_of_a_reps_name_is_not_a_typo(
        ws: FakeWorkspace) -> None:
    report = import_team(ws, make_table(["sales_agent", "manager"],
                                        ["Anna Snelling", "Ann"], ["Bob Jones", "Ann"]))
    assert "manager Ann (named as a manager on row 2)" in report.created
    assert ws.one("members", "Anna Snelling").manager_id == ws.one("members", "Ann").id


# --- accounts and products --------------------------------------------------------------


def test_account_import_normalises_and_links_parents(ws: FakeWorkspace) -> None:
    table = make_table(
        ["Account", "Sector", "Revenue", "Employees", "Office location", "Subsidiary of",
         "Year established"],
        ["Acme", "Technolgy", "1 100,04", "2822", "Philipines", "", "1996"],
        ["Acme Kenya", "retail", "", "", "KE", "acme", ""])
    report = import_accounts(ws, table)
    assert report.created == ["account Acme", "account Acme Kenya"]
    assert "sector 'Technolgy' corrected to 'technology'" in report.notes
    assert "country 'Philipines' corrected to 'Philippines'" in report.notes
    assert "country 'KE' stored as 'Kenya'" in report.notes
    acme, kenya = ws.one("accounts", "Acme"), ws.one("accounts", "Acme Kenya")
    assert (acme.sector, acme.country, acme.revenue_m, acme.employees, acme.year_established) \
        == ("technology", "Philippines", Decimal("1100.04"), 2822, 1996)
    assert kenya.parent_id == acme.id and kenya.employees is None


def test_account_reimport_reports_the_changed_fields(ws: FakeWorkspace) -> None:
    import_accounts(ws, make_table(["account", "employees"], ["Acme", "10"]))
    report = import_accounts(ws, make_table(["account", "employees", "sector"],
                                            ["Acme", "12", "retail"]))
    assert report.updated == ["account Acme (employees, sector)"]
    assert ws.one("accounts", "Acme").employees == 12


def test_account_with_an_unknown_parent_is_refused(ws: FakeWorkspace) -> None:
    with pytest.raises(ImportRefused) as err:
        import_accounts(ws, make_table(["account", "subsidiary_of"], ["Acme", "Nobody"]))
    assert "row 2" in str(err.value) and "parent account 'Nobody'" in str(err.value)
    assert ws.live("accounts") == []


def test_product_import_reads_prices_and_aliases(ws: FakeWorkspace) -> None:
    report = import_products(ws, make_table(
        ["Product", "Series", "Sales price", "Aliases"],
        ["GTX Pro", "GTX", "4 821,50", "GTXPro|GTX-Pro"], ["MG Special", "MG", "55", ""]))
    assert report.created == ["product GTX Pro", "product MG Special"]
    gtx = ws.one("products", "GTX Pro")
    assert (gtx.list_price, gtx.aliases) == (Decimal("4821.50"), ["GTX-Pro", "GTXPro"])
    again = import_products(ws, make_table(["product", "sales_price"], ["GTX Pro", "4821.5"]))
    assert again.skipped == ["row 2: GTX Pro: unchanged"] and again.updated == []
    assert ws.one("products", "GTX Pro").series == "GTX"  # no series column: kept
    import_products(ws, make_table(["product", "price"], ["GTX Pro", "5000"]))
    assert (ws.one("products", "GTX Pro").list_price, ws.one("products", "GTX Pro").series) \
        == (Decimal("5000.00"), "GTX")


# --- the sample files, as published ----------------------------------------------------


def import_sample(ws: FakeWorkspace) -> tuple[object, object, object]:
    return (import_team(ws, read_table(SAMPLE / "sales_teams.csv")),
            import_accounts(ws, read_table(SAMPLE / "accounts.csv")),
            import_products(ws, read_table(SAMPLE / "products.csv")))


def test_the_sample_imports_as_published(ws: FakeWorkspace) -> None:
    team, accounts, products = import_sample(ws)
    members = ws.live("members")
    assert Counter(m.role for m in members) == {Role.REP: 35, Role.MANAGER: 6}
    assert sorted(t.name for t in ws.live("teams")) == ["Central", "East", "West"]
    managers = {m.id for m in members if m.role is Role.MANAGER}
    assert all(m.manager_id in managers for m in members if m.role is Role.REP)
    assert all(m.team_id for m in members)
    assert len(ws.live("accounts")) == 85 and len(ws.live("products")) == 7
    assert "sector 'technolgy' corrected to 'technology'" in accounts.notes  # type: ignore
    assert "country 'Philipines' corrected to 'Philippines'" in accounts.notes  # type: ignore
    sectors = {a.sector for a in ws.live("accounts")}
    countries = {a.country for a in ws.live("accounts")}
    assert "technology" in sectors and "technolgy" not in sectors
    assert "Philippines" in countries and "Philipines" not in countries
    assert sum(1 for a in ws.live("accounts") if a.parent_id) == \
        sum(1 for line in (SAMPLE / "accounts.csv").read_text().splitlines()[1:]
            if line.rstrip().split(",")[-1])
    assert ws.one("products", "GTX Pro").list_price == Decimal("4821.00")


def test_reimporting_the_sample_changes_nothing(ws: FakeWorkspace) -> None:
    import_sample(ws)
    before = ws.snapshot()
    team, accounts, products = import_sample(ws)
    for report, n in ((team, 35), (accounts, 85), (products, 7)):
        assert (report.created, report.updated, len(report.skipped)) == ([], [], n)  # type: ignore
    assert ws.snapshot() == before


# --- the same imports from real files ----------------------------------------------------


def test_team_import_from_a_semicolon_cp1252_file(ws: FakeWorkspace, tmp_path: Path) -> None:
    path = tmp_path / "équipe.csv"
    path.write_bytes("Name;Manager;Team\r\nJosé Müller;Zoë Lefèvre;Zürich\r\n"
                     "Zoë Lefèvre;;Zürich\r\n".encode("cp1252"))
    report = import_team(ws, read_table(path))
    assert report.created == ["team Zürich", "rep José Müller", "rep Zoë Lefèvre"]
    assert report.updated == ["Zoë Lefèvre (role: manager)"]
    assert ws.one("members", "José Müller").manager_id == ws.one("members", "Zoë Lefèvre").id
    assert ws.one("members", "Zoë Lefèvre").role is Role.MANAGER


def test_product_import_from_a_french_excel_csv(ws: FakeWorkspace, tmp_path: Path) -> None:
    path = tmp_path / "produits.csv"
    path.write_bytes("product;series;sales_price\r\nGTX Pro;GTX;4 821,50\r\n"
                     "Café Crème;Boissons;\"1\u00a0234,5\"\r\n".encode("cp1252"))
    import_products(ws, read_table(path))
    assert ws.one("products", "GTX Pro").list_price == Decimal("4821.50")
    assert ws.one("products", "Café Crème").list_price == Decimal("1234.50")


def test_account_import_from_xlsx(ws: FakeWorkspace, tmp_path: Path) -> None:
    from openpyxl import Workbook

    wb = Workbook()
    sheet = wb.active
    assert sheet is not None
    sheet.append(["Account", "Employees", "Revenue", "Year established", "Country"])
    sheet.append(["Acme", 2822, 1100.04, 1996, "Kenya"])
    sheet.append(["Betatech", 1185.0, 647.18, 1986.0, "Germany"])
    wb.save(tmp_path / "accounts.xlsx")
    import_accounts(ws, read_table(tmp_path / "accounts.xlsx"))
    beta = ws.one("accounts", "Betatech")
    assert (beta.employees, beta.revenue_m, beta.year_established) == \
        (1185, Decimal("647.18"), 1986)
    assert isinstance(beta, Account)


def _workbook(path: Path, *rows: list[object]) -> Path:
    from openpyxl import Workbook

    wb = Workbook()
    sheet = wb.active
    assert sheet is not None
    for row in rows:
        sheet.append(row)
    wb.save(path)
    return path


def test_an_xlsx_float_price_is_rounded_to_cents(ws: FakeWorkspace, tmp_path: Path) -> None:
    path = _workbook(tmp_path / "products.xlsx", ["Product", "Sales price"],
                     ["GTX Pro", 4821.125], ["MG Special", 55])  # 4821.125: a formula's result
    table = read_table(path)
    assert [r.floats for r in table.rows] == [frozenset({"sales_price"}), frozenset()]
    import_products(ws, table)
    assert ws.one("products", "GTX Pro").list_price == Decimal("4821.13")


def test_a_price_typed_with_three_decimals_is_refused(ws: FakeWorkspace,
                                                      tmp_path: Path) -> None:
    path = _workbook(tmp_path / "products.xlsx", ["Product", "Sales price"],
                     ["GTX Pro", "4821.125"])  # text, in a workbook as in a CSV
    with pytest.raises(ImportRefused) as caught:
        import_products(ws, read_table(path))
    assert caught.value.problems == [
        "row 2, field 'sales_price': '4821.125' has more than 2 decimal places"]
    assert ws.live("products") == []


# --- dates ------------------------------------------------------------------------------


@pytest.mark.parametrize(("text", "expected"), [
    ("2024-03-04", date(2024, 3, 4)), ("2024-03-04T10:30:00", date(2024, 3, 4)),
    ("2024-03-04 10:30", date(2024, 3, 4)), ("04.03.2024", date(2024, 3, 4)),
    ("4.3.2024", date(2024, 3, 4)), ("25/03/2024", date(2024, 3, 25)),
    ("03/25/2024", date(2024, 3, 25)), ("03/03/2024", date(2024, 3, 3)), ("", None)])
def test_parse_date_reads_iso_dotted_and_unmistakable_slashed_dates(
        text: str, expected: date | None) -> None:
    assert parse_date(text, "hire_date") == expected


def test_parse_date_refuses_a_slashed_date_that_reads_two_ways() -> None:
    with pytest.raises(ValidationError) as err:
        parse_date("03/04/2024", "hire_date")
    assert err.value.field == "hire_date"
    assert err.value.message == "'03/04/2024' is ambiguous: write it as YYYY-MM-DD"


@pytest.mark.parametrize("text", ["31/02/2024", "13/13/2024", "2024-03-04junk", "20240304",
                                  "2024/03/04", "04-03-2024", "March 4"])
def test_parse_date_refuses_what_is_not_a_date(text: str) -> None:
    with pytest.raises(ValidationError, match="is not a date") as err:
        parse_date(text, "hire_date")
    assert err.value.field == "hire_date"


# --- cancelling ------------------------------------------------------------------------


@pytest.mark.parametrize(("importer", "headers"), [
    (import_team, ["name"]), (import_accounts, ["account"]),
    (import_products, ["product", "sales_price"])])
def test_a_cancelled_import_writes_nothing(ws: FakeWorkspace, importer: Any,
                                           headers: list[str]) -> None:
    import_sample(ws)
    before = ws.snapshot()
    calls: list[tuple[int, int]] = []

    def cancel_later(done: int, total: int) -> bool:
        calls.append((done, total))
        return done < 500

    table = make_table(headers, *([f"New {i}", "1"] for i in range(1200)))
    with pytest.raises(ImportCancelled):
        importer(ws, table, cancel_later)
    assert calls == [(0, 1200), (500, 1200)]
    assert ws.snapshot() == before
