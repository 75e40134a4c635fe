"""Generated malformed lead files thrown at read_table and import_leads.

Broken quoting, several encodings in one file, byte order marks, huge cells, missing or
unknown columns, formula-like and junk cells, truncated files, random bytes. Every file
must end in a clear refusal (FileFormatError, or a DomainError such as
LeadImportRefused) that leaves the workspace exactly as it was, or in a correct import:
every row accounted for in the report, every lead valid, no two leads with one e-mail.
Never another exception, never half an import.

About 3,000 files a run (EXAMPLES per CSV kind, fewer for the slower kinds), about 20 s;
set SALESDESK_FUZZ_EXAMPLES=5000 to hunt harder. tests/integration/test_lead_import_fuzz.py
throws the same files at a real SQLite workspace and counts its rows.
"""

from __future__ import annotations

import dataclasses
import io
import itertools
import os
import re
import zipfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from salesdesk.domain.errors import DomainError
from salesdesk.domain.leads import Lead, LeadData
from salesdesk.domain.members import Member
from salesdesk.services.import_leads import LeadImportRefused, import_leads
from salesdesk.services.lead_columns import SYNONYMS
from salesdesk.storage.files import FileFormatError, Table, read_table

from .fakes import FakeWorkspace

EXAMPLES = int(os.environ.get("SALESDESK_FUZZ_EXAMPLES", "800"))
SETTINGS = settings(max_examples=EXAMPLES, deadline=None,
                    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
HEADERS = sorted({names[0] for names in SYNONYMS.values()} | {"Full Name", "E-Mail",
                                                              "Zip", "Colour", ""})
CELLS = ["", " ", "Ann Lee", "ann lee", "Ann  Lee", "ann@acme.example", "ANN@ACME.EXAMPLE ",
         "bad@", "@", "Acme, Inc.", "ACME", "+33 1 23 45 67 89", "12", "=1+1", "@SUM(A1)",
         "-", "+", "=HYPERLINK(\"http://x\")", "new", "Qualified", "open", "converted",
         "2026-01-02", "2026-01-02 10:00", "31/12/2025", "03/04/2025", "2999-01-01", "1,200",
         "51-200", "-5", "1e9", "NaN", "Anna Rep", "Anna Repp", "vip; fair", "\u00e9t\u00e9",
         "\u200bzero\u200b", "a\nb", "\"quoted\"", "x" * 300, "y" * 5000, "\x00"]
_counter = itertools.count()
ROW_NUMBERS = re.compile(r"^rows? ([\d, ]+)")


def workspace() -> FakeWorkspace:
    ws = FakeWorkspace()
    ws.seed(Member(name="Anna Rep", email="anna@corp.example"),
            Lead(person_name="Ann Lee", email="ann@acme.example", company="Acme"))
    return ws


@pytest.fixture(scope="module")
def scratch(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("lead-junk")


def accounted_rows(report: object) -> set[int]:
    found: set[int] = set()
    for verb in ("created", "merged", "updated", "skipped"):
        for line in getattr(report, verb):
            match = ROW_NUMBERS.match(line)
            assert match, line
            found |= {int(n) for n in match.group(1).split(",")}
    return found


CLEAR = re.compile(r"^row \d+, column '[^']*': .+$")
"""How every refused row reads: where, then what."""


def clear(error: Exception, path: Path) -> None:
    """A refusal the user can act on: short, naming the file or every row and column."""
    text = str(error)
    assert text.strip() and len(text.splitlines()[0]) < 400, text[:400]
    if isinstance(error, FileFormatError):
        assert path.name in text
    if isinstance(error, LeadImportRefused):
        problems = error.report.refused
        assert problems and all(CLEAR.match(p) and len(p) < 400 for p in problems
                                if p != "the file has column names but no data rows"), \
            problems[:3]


def check(ws: FakeWorkspace, path: Path) -> None:
    before = ws.snapshot()
    try:
        table = read_table(path)
        report = import_leads(ws, table)
    except (FileFormatError, DomainError) as exc:
        assert ws.snapshot() == before
        clear(exc, path)
        return
    assert accounted_rows(report) == {r.number for r in table.rows}
    live = ws.live("leads")
    assert len(live) == 1 + len(report.created)
    for lead in live:  # every stored lead passes the domain's checks again
        LeadData(**{f.name: getattr(lead, f.name) for f in dataclasses.fields(LeadData)})
    emails = [x.email for x in live if x.email]
    assert len(emails) == len(set(emails))


def _write(scratch: Path, data: bytes, suffix: str = ".csv") -> Path:
    path = scratch / f"leads{next(_counter)}{suffix}"
    path.write_bytes(data)
    return path


TEXT = st.text(st.characters(blacklist_categories=("Cc", "Cs")), max_size=15)
IDENTITY = ["Name", "Email", "Company", "First Name", "Last Name", "E-Mail", "Full Name"]


@st.composite
def malformed_csv(draw: st.DrawFn) -> bytes:
    """Mostly plausible lead files with something wrong: quoting, encodings, cut short,
    cells too long or not what their column says, columns missing or unknown."""
    delimiter = draw(st.sampled_from([",", ";", "\t", "|"]))
    newline = draw(st.sampled_from(["\r\n", "\n", "\r"]))
    headers = draw(st.lists(st.sampled_from(HEADERS), min_size=0, max_size=5, unique=True))
    if draw(st.integers(0, 9)) < 8:
        headers.insert(0, draw(st.sampled_from(IDENTITY)))
    if draw(st.integers(0, 9)) == 0:
        headers.append(draw(TEXT))
    headers = headers or ["Name"]
    cell = st.one_of(st.sampled_from(CELLS[:-1]), TEXT)
    rows = draw(st.lists(st.lists(cell, min_size=max(0, len(headers) - 2),
                                  max_size=len(headers) + 1), min_size=1, max_size=8))
    quoting = draw(st.sampled_from(["none", "all", "broken"]))

    def field(value: str) -> str:
        if quoting == "all" or (quoting == "broken" and draw(st.booleans())):
            value = '"' + value.replace('"', '""')
            return value + ('"' if quoting == "all" or draw(st.booleans()) else "")
        return value

    lines = [delimiter.join(field(c) for c in r) for r in [headers, *rows]]
    encodings = draw(st.sampled_from([["utf-8"], ["utf-8"], ["cp1252"], ["utf-8", "cp1252"],
                                      ["latin-1", "utf-8", "cp1252"], ["utf-16"],
                                      ["utf-16-le"], ["utf-8-sig"], ["mac_roman"],
                                      ["utf-8", "utf-16-le"]]))
    data = b"".join((line + newline).encode(encodings[i % len(encodings)], errors="replace")
                    for i, line in enumerate(lines))
    if draw(st.integers(0, 4)) == 0:
        data = draw(st.sampled_from([b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff"])) + data
    if draw(st.integers(0, 4)) == 0:
        data = data[:draw(st.integers(len(data) // 2, len(data)))]  # a file cut short
    if draw(st.integers(0, 19)) == 0:
        data = data[:len(data) // 2] + b"\x00\x01 junk" + data[len(data) // 2:]
    return data


@SETTINGS
@given(malformed_csv())
def test_malformed_csv_files(scratch: Path, data: bytes) -> None:
    check(workspace(), _write(scratch, data))


@SETTINGS
@given(st.sampled_from(["name", "email", "company"]),
       st.integers(min_value=1, max_value=300_000), st.sampled_from(["x", "\u00e9", "a,b"]))
def test_huge_cells(scratch: Path, column: str, size: int, unit: str) -> None:
    text = (unit * (size // len(unit) + 1))[:size]
    data = f'Name,Email,Company\nAnn,ann2@acme.example,"{text}"\n'.replace(
        "Ann,", "Ann," if column != "name" else f'"{text}",')
    check(workspace(), _write(scratch, data.encode("utf-8")))


@SETTINGS
@given(st.binary(max_size=400), st.sampled_from([b"", b"PK\x03\x04", b"\xff\xfe",
                                                 b"Name,Email\n"]))
def test_random_bytes(scratch: Path, data: bytes, prefix: bytes) -> None:
    check(workspace(), _write(scratch, prefix + data))


@settings(max_examples=max(20, EXAMPLES // 10), deadline=None)
@given(st.lists(st.lists(st.sampled_from(CELLS[:-1]), min_size=3, max_size=3), max_size=6),
       st.lists(st.sampled_from(HEADERS), min_size=1, max_size=3))
def test_workbooks(scratch: Path, rows: list[list[str]], headers: list[str]) -> None:
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    assert sheet is not None
    for record in [headers, *rows]:
        sheet.append(record)
    path = scratch / f"leads{next(_counter)}.xlsx"
    book.save(path)
    check(workspace(), path)


@pytest.mark.parametrize("data", [
    b"", b"\n", b" \r\n\t", b"\xef\xbb\xbf", b"\xff\xfe", b"\xff\xfe\x00\x00",
    b"Name\n", b"Name,Email\r\n\r\n", b",,,\n,,,\n", b'"Name\nAnn\n', b"\x00" * 64,
    b"PK\x03\x04", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 100,
    "Name\n\u00c9lodie\n".encode("utf-16-le"), "Name;Email\nAnn;a@b.example\n".encode(
        "utf-16"), b"Colour,Size\nred,12\n", b"Name,Name\nAnn,Bo\n"])
def test_empty_and_degenerate_files(scratch: Path, data: bytes) -> None:
    check(workspace(), _write(scratch, data))


def _workbook_bytes(rows: list[list[str]]) -> bytes:
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    assert sheet is not None
    for record in rows:
        sheet.append(record)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


GOOD_BOOK = _workbook_bytes([["Name", "Email", "Company"], ["Ann Lee", "ann2@x.example",
                                                            "Acme"],
                             ["=1+1", "bo@x.example", "@SUM(A1)"]])


@settings(max_examples=max(50, EXAMPLES // 4), deadline=None,
          suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.tuples(st.integers(0, len(GOOD_BOOK) - 1), st.integers(0, 255)),
                min_size=1, max_size=8), st.integers(len(GOOD_BOOK) // 3, len(GOOD_BOOK)))
def test_damaged_workbooks(scratch: Path, flips: list[tuple[int, int]], keep: int) -> None:
    """A real .xlsx with bytes changed and the end cut off: openpyxl and zipfile fail in
    many ways deep down; each must read as 'this workbook cannot be read'."""
    data = bytearray(GOOD_BOOK[:keep])
    for at, byte in flips:
        if at < len(data):
            data[at] = byte
    check(workspace(), _write(scratch, bytes(data), ".xlsx"))


@settings(max_examples=max(30, EXAMPLES // 10), deadline=None)
@given(st.sampled_from(["xl/worksheets/sheet1.xml", "xl/workbook.xml", "[Content_Types].xml",
                        "xl/sharedStrings.xml", "xl/styles.xml"]),
       st.binary(max_size=200))
def test_workbooks_with_a_part_replaced_by_junk(scratch: Path, part: str, junk: bytes) -> None:
    source = zipfile.ZipFile(io.BytesIO(GOOD_BOOK))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as target:
        for item in source.infolist():
            target.writestr(item, junk if item.filename == part else source.read(item))
    check(workspace(), _write(scratch, out.getvalue(), ".xlsx"))


def test_a_clean_file_imports(scratch: Path) -> None:
    ws = workspace()
    path = _write(scratch, b"Name,Email,Company\nBob Roy,bob@globex.example,Globex\n"
                           b"Ann Lee,ANN@acme.example,Acme\n")
    check(ws, path)
    assert {x.email for x in ws.live("leads")} == {"ann@acme.example", "bob@globex.example"}


def test_the_table_type_is_what_read_table_returns(scratch: Path) -> None:
    assert isinstance(read_table(_write(scratch, b"Name\nAnn\n")), Table)
