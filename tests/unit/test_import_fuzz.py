"""Generated junk thrown at read_table and the importers.

Each must either succeed or refuse with FileFormatError / ImportRefused / DomainError,
never anything else; a refusal leaves the workspace exactly as it was, and a success
leaves it consistent (unique names and addresses, managers that exist, no loops).
Set SALESDESK_FUZZ_EXAMPLES=5000 to hunt harder than the default 100 examples per test.
"""

from __future__ import annotations

import itertools
import os
from collections.abc import Callable
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from salesdesk.domain.accounts import Account, Product
from salesdesk.domain.errors import DomainError
from salesdesk.domain.members import Member, Role
from salesdesk.services.import_catalog import (
    ACCOUNT_COLUMNS,
    PRODUCT_COLUMNS,
    import_accounts,
    import_products,
)
from salesdesk.services.import_team import COLUMNS as TEAM_COLUMNS
from salesdesk.services.import_team import import_team
from salesdesk.storage.files import FileFormatError, Table, read_table

from .fakes import FakeWorkspace, make_table

IMPORTERS: list[Callable[..., object]] = [import_team, import_accounts, import_products]

KNOWN_HEADERS = sorted({h for columns in (TEAM_COLUMNS, ACCOUNT_COLUMNS, PRODUCT_COLUMNS)
                        for names in columns.values() for h in names})
CELLS = ["", " ", "Zoe Boss", "zoe boss", "Anna Rep", "Zoe Bos", "Acme", "GTX Pro", "West",
         "rep", "manager", "admin", "boss", "a@example.com", "A@EXAMPLE.COM", "bad@", "0", "3",
         "-1", "40", "1.5", "4 821,50", "1e30", "inf", "NaN", "sNaN", "1e999999999",
         "2024-02-29", "31/12/2023", "2023-13-01", "Philipines", "technolgy", "Korea",
         "x" * 130, "\u00e9\u00e8", "\"", "\u00a0", "GTXPro|GTX-Pro"]
SETTINGS = settings(max_examples=int(os.environ.get("SALESDESK_FUZZ_EXAMPLES", "100")),
                    deadline=None,
                    suppress_health_check=[HealthCheck.too_slow])
_counter = itertools.count()


def populated() -> FakeWorkspace:
    ws = FakeWorkspace()
    boss = Member(name="Zoe Boss", email="zoe@example.com", role=Role.MANAGER)
    ws.seed(boss, Member(name="Anna Rep", email="a@example.com", manager_id=boss.id),
            Account(name="Acme"), Product(name="GTX Pro"))
    return ws


def check_consistent(ws: FakeWorkspace) -> None:
    members = ws.live("members")
    names = [m.name.casefold() for m in members]
    emails = [m.email for m in members if m.email]
    assert len(names) == len(set(names)) and len(emails) == len(set(emails))
    manager_of = {m.id: m.manager_id for m in members}
    for m in members:
        seen, current = {m.id}, m.manager_id
        while current is not None:
            assert current in manager_of and current not in seen
            seen.add(current)
            current = manager_of[current]
    for kind in ("accounts", "products"):
        catalog = [e.name.casefold() for e in ws.live(kind)]
        assert len(catalog) == len(set(catalog))


def throw(ws: FakeWorkspace, get_table: Callable[[], Table]) -> None:
    """Run every importer on the input; refusals must leave the workspace untouched."""
    for importer in IMPORTERS:
        before = ws.snapshot()
        try:
            importer(ws, get_table())
        except (FileFormatError, DomainError):  # ImportRefused is a DomainError
            assert ws.snapshot() == before
        check_consistent(ws)


@pytest.fixture(scope="module")
def scratch(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("junk")


def write(folder: Path, suffix: str, data: bytes) -> Path:
    path = folder / f"junk{next(_counter)}{suffix}"
    path.write_bytes(data)
    return path


@SETTINGS
@given(data=st.one_of(
    st.binary(max_size=600),
    st.binary(max_size=300).map(lambda b: b"\xff\xfe" + b),
    st.binary(max_size=300).map(lambda b: b"PK\x03\x04" + b),
    st.binary(max_size=300).map(lambda b: b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b),
    st.binary(max_size=300).map(lambda b: b"\xef\xbb\xbf" + b)),
    suffix=st.sampled_from([".csv", ".xlsx", ".txt", ""]))
def test_random_bytes(scratch: Path, data: bytes, suffix: str) -> None:
    path = write(scratch, suffix, data)
    throw(populated(), lambda: read_table(path))


cell = st.one_of(st.sampled_from(CELLS), st.text(max_size=12))
header = st.one_of(st.sampled_from(KNOWN_HEADERS), st.text(max_size=10))


@st.composite
def csv_texts(draw: st.DrawFn) -> tuple[bytes, str]:
    delimiter = draw(st.sampled_from([",", ";", "\t", "|"]))
    newline = draw(st.sampled_from(["\r\n", "\n", "\r"]))
    headers = draw(st.lists(header, min_size=1, max_size=6))
    rows = draw(st.lists(st.lists(cell, max_size=len(headers) + 1), max_size=8))
    quote = draw(st.booleans())

    def line(cells: list[str]) -> str:
        if quote:
            cells = ['"' + c.replace('"', '""') + '"' for c in cells]
        return delimiter.join(cells)

    text = newline.join(line(r) for r in [headers, *rows]) + draw(st.sampled_from(["", newline]))
    encoding = draw(st.sampled_from(["utf-8", "utf-8-sig", "cp1252", "utf-16"]))
    return text.encode(encoding, errors="replace"), encoding


@SETTINGS
@given(csv_texts())
def test_random_csv_text(scratch: Path, case: tuple[bytes, str]) -> None:
    data, _ = case
    path = write(scratch, ".csv", data)
    throw(populated(), lambda: read_table(path))


@SETTINGS
@given(headers=st.lists(st.sampled_from(KNOWN_HEADERS), min_size=1, max_size=6, unique=True),
       rows=st.lists(st.lists(cell, min_size=6, max_size=6), max_size=10))
def test_random_tables(headers: list[str], rows: list[list[str]]) -> None:
    table = make_table(headers, *rows)
    throw(populated(), lambda: table)


@SETTINGS
@given(st.lists(st.tuples(st.sampled_from(["A", "B", "C", "D", "Zoe Boss", "Anna Rep"]),
                          st.sampled_from(["", "A", "B", "C", "D", "Zoe Boss", "Anna Rep",
                                           "Anna Rap"])), min_size=1, max_size=8))
def test_random_manager_graphs(lines: list[tuple[str, str]]) -> None:
    """Whatever chains the file draws, the result never holds a loop."""
    table = make_table(["name", "manager"], *lines)
    throw(populated(), lambda: table)


# Mostly valid files, so the success paths (and the consistency checks after them) run.
PLAUSIBLE: dict[str, dict[str, list[str]]] = {
    "team": {"name": ["Anna Rep", "anna rep", "Zoe Boss", "Bob", "Carl", "Dan"],
             "email": ["", "a@example.com", "b@example.com", "zoe@example.com", "bad@"],
             "role": ["", "rep", "manager", "admin", "boss"],
             "manager": ["", "", "Zoe Boss", "Bob", "Carl", "Anna Rep", "Nobody", "Zoe Bos"],
             "team": ["", "West", "east", "EAST"], "hire_date": ["", "2024-01-01", "31/12/2023"],
             "ramp_months": ["", "0", "3", "40"], "capacity": ["", "10", "-1"]},
    "accounts": {"account": ["Acme", "acme", "Betatech", "Cheers", "Dambase"],
                 "sector": ["", "medical", "technolgy", "retail"],
                 "country": ["", "Kenya", "Philipines", "Korea", "US"],
                 "employees": ["", "10", "-1", "1e3"], "revenue": ["", "1,5", "12.25"],
                 "subsidiary_of": ["", "", "Acme", "Betatech", "Nobody"]},
    "products": {"product": ["GTX Pro", "gtx pro", "MG", "GTK 500"],
                 "series": ["", "GTX", "MG"], "sales_price": ["55", "4 821,50", "550", "-1"],
                 "aliases": ["", "GTXPro", "a|b"]},
}


@st.composite
def plausible_tables(draw: st.DrawFn) -> tuple[int, Table]:
    kind = draw(st.sampled_from(sorted(PLAUSIBLE)))
    pools = PLAUSIBLE[kind]
    required = ["product", "sales_price"] if kind == "products" else list(pools)[:1]
    optional = [h for h in pools if h not in required]
    headers = required + draw(st.lists(st.sampled_from(optional), unique=True))
    rows = draw(st.lists(st.tuples(*(st.sampled_from(pools[h]) for h in headers)),
                         min_size=1, max_size=6))
    return ["team", "accounts", "products"].index(kind), make_table(headers, *rows)


@SETTINGS
@given(plausible_tables())
def test_plausible_tables(case: tuple[int, Table]) -> None:
    index, table = case
    ws = populated()
    before = ws.snapshot()
    try:
        IMPORTERS[index](ws, table)
    except DomainError:
        assert ws.snapshot() == before
    check_consistent(ws)
