"""Reading tabular files as users actually have them.

CSV in any common dialect and encoding (UTF-8 with or without BOM, UTF-16 from Excel's
"Unicode text", Latin-1/cp1252; comma, semicolon as French Excel writes, tab or pipe),
or XLSX. Row numbers are the ones the user sees in a spreadsheet (header = row 1).
"""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from salesdesk.gc_pause import paused_gc

MAX_BYTES = 512 * 1024 * 1024


class FileFormatError(Exception):
    """The file cannot be read as a table; the message says why, for the user."""


@dataclass(frozen=True)
class Row:
    number: int                   # spreadsheet row number (header is row 1)
    values: dict[str, str]        # normalised header -> cell text (stripped)
    # headers whose XLSX cell held a binary fraction (4821.125 computed by a formula):
    # money columns round those to cents, while the same digits typed as text are refused
    floats: frozenset[str] = frozenset()


class CellRow:
    """A row as read_table reads it: its cells under the table's headers, the `values`
    dict made when first asked (the lead import reads a file column by column and never
    asks: 100,000 dicts less). Compares equal to a Row with the same values."""

    __slots__ = ("number", "cells", "headers", "floats", "_values")

    def __init__(self, number: int, cells: list[str], headers: tuple[str, ...],
                 floats: frozenset[str] = frozenset()):
        self.number, self.cells, self.headers, self.floats = number, cells, headers, floats
        self._values: dict[str, str] | None = None

    @property
    def values(self) -> dict[str, str]:
        if self._values is None:  # cells under an empty header are left out
            self._values = {h: c for h, c in zip(self.headers, self.cells, strict=True) if h}
        return self._values

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Row | CellRow):
            return NotImplemented
        return (self.number, self.values, self.floats) == \
            (other.number, other.values, other.floats)

    __hash__ = None  # type: ignore[assignment]  # as Row's: its values are a dict

    def __repr__(self) -> str:
        return f"CellRow({self.number}, {self.values!r})"


@dataclass(frozen=True)
class Table:
    source: str
    headers: tuple[str, ...]      # normalised: lower-case, spaces and dashes -> _
    original_headers: tuple[str, ...]
    rows: tuple[Row | CellRow, ...]
    encoding: str = ""
    delimiter: str = ""

    def columns(self, headers: Sequence[str]) -> list[list[str]]:
        """The rows' cells under each of `headers`, column by column ("" where a row has
        none)."""
        rows = self.rows
        if rows and all(type(r) is CellRow and r.headers is self.headers for r in rows):
            at = {h: i for i, h in enumerate(self.headers) if h}
            everything = list(zip(*(r.cells for r in rows), strict=True))  # type: ignore[union-attr]
            blank = [""] * len(rows)
            return [list(everything[at[h]]) if h in at else list(blank) for h in headers]
        return [[r.values.get(h, "") for r in rows] for h in headers]


def normalise_header(text: str) -> str:
    return re.sub(r"[\s\-./]+", "_", text.strip().lstrip("\ufeff").casefold()).strip("_")


def read_table(path: str | Path) -> Table:
    path = Path(path)
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise FileFormatError(f"{path}: no such file") from None
    except OSError as exc:
        raise FileFormatError(f"{path}: cannot be read ({exc.strerror})") from None
    if not data.strip():
        raise FileFormatError(f"{path.name} is empty")
    if len(data) > MAX_BYTES:
        raise FileFormatError(f"{path.name} is larger than {MAX_BYTES // 2**20} MB")
    if data[:4] == b"PK\x03\x04":
        with paused_gc():
            return _read_xlsx(path, data)
    if data[:8] == b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1":
        raise FileFormatError(f"{path.name} is an old Excel 97-2003 (.xls) file: save it "
                              "as .xlsx or CSV and import that")
    with paused_gc():  # a big file is many small objects, none of them in cycles
        return _read_csv(path, data)


def _decode(path: Path, data: bytes) -> tuple[str, str]:
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return data.decode("utf-16"), "utf-16"
        except UnicodeDecodeError:
            raise FileFormatError(f"{path.name} starts like UTF-16 text but is not: "
                                  "it is not a spreadsheet or CSV file") from None
    if b"\x00" in data[:4096]:
        raise FileFormatError(f"{path.name} is not a spreadsheet or CSV file")
    try:
        return data.decode("utf-8-sig"), "utf-8"
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes

    # charset_normalizer breaks ties between equally plausible code pages by name, so
    # short French or German files (where cp1250 reads 'è' as 'č') came out as cp1250.
    # Ties go to the code page Western Excel writes; a clearer winner still wins.
    prefer = ["cp1252", "latin_1", "iso8859_15", "cp1250", "mac_roman"]

    def rank(match: Any) -> tuple[float, float, int]:
        names = [match.encoding, *match.could_be_from_charset]
        return (match.chaos, -match.coherence,
                min((prefer.index(n) for n in names if n in prefer), default=len(prefer)))

    best = min(from_bytes(data[:200_000], cp_isolation=prefer), key=rank, default=None)
    encoding = "cp1252" if best is None else next(
        (n for n in prefer if n in (best.encoding, *best.could_be_from_charset)), best.encoding)
    try:
        return data.decode(encoding), encoding
    except UnicodeDecodeError:
        return data.decode("latin-1"), "latin-1"


def _dialect(path: Path, text: str) -> str:
    sample = "\n".join(text.splitlines()[:50])
    try:
        return csv.Sniffer().sniff(sample, delimiters=",;\t|").delimiter
    except csv.Error:
        header = text.splitlines()[0] if text.splitlines() else ""
        counts = {d: header.count(d) for d in ",;\t|"}
        best = max(counts, key=lambda d: counts[d])
        return best if counts[best] else ","


def _read_csv(path: Path, data: bytes) -> Table:
    text, encoding = _decode(path, data)
    if any(ord(ch) < 32 and ch not in "\r\n\t" for ch in text[:4096]):
        raise FileFormatError(f"{path.name} is not a spreadsheet or CSV file")
    delimiter = _dialect(path, text)
    try:
        records = list(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter))
    except csv.Error as exc:
        raise FileFormatError(f"{path.name} is not valid CSV: {exc}") from None
    return _table(path, records, encoding, delimiter)


def _cell_text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if hasattr(value, "isoformat"):
        return value.isoformat()[:10] if getattr(value, "hour", 0) == 0 else value.isoformat()
    return str(value)


def _read_xlsx(path: Path, data: bytes) -> Table:
    from openpyxl import load_workbook

    # A damaged workbook fails deep inside openpyxl with whatever its zip, XML or
    # styles parser raises (BadZipFile, KeyError, ParseError, TypeError...), while
    # loading or while reading rows: all of them mean "this file cannot be read".
    try:
        workbook = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception as exc:
        raise FileFormatError(f"{path.name} is not a readable .xlsx workbook ({exc})") \
            from None
    records: list[list[str]] = []
    fractions: list[frozenset[int]] = []  # per record: columns holding a fractional float
    try:
        for row in workbook.worksheets[0].iter_rows(values_only=True):
            records.append([_cell_text(v) for v in row])
            fractions.append(frozenset(i for i, v in enumerate(row)
                                       if isinstance(v, float) and not v.is_integer()))
    except Exception as exc:
        raise FileFormatError(f"{path.name} is a damaged .xlsx workbook ({exc})") from None
    finally:
        workbook.close()
    return _table(path, records, "xlsx", "", fractions)


HEADER_SHOWN = 80
"""Characters of a column name a message shows (a header can be a 10,000-character cell)."""


def _shown(header: str) -> str:
    return header if len(header) <= HEADER_SHOWN else header[:HEADER_SHOWN - 1] + "\u2026"


def _table(path: Path, records: list[list[str]], encoding: str, delimiter: str,
           fractions: list[frozenset[int]] | None = None) -> Table:
    skipped = 0
    while records and not any(c.strip() for c in records[0]):
        records.pop(0)  # leading blank lines before the header
        skipped += 1  # still counted, so row numbers match what the spreadsheet shows
    if not records:
        raise FileFormatError(f"{path.name} is empty")
    original = tuple(c.strip().lstrip("\ufeff") for c in records[0])
    while original and not original[-1]:
        original = original[:-1]
    headers = tuple(normalise_header(h) for h in original)
    if not any(headers):
        raise FileFormatError(f"{path.name}: row 1 should hold the column names")
    seen = [h for h in headers if h and headers.count(h) > 1]
    if seen:
        raise FileFormatError(f"{path.name}: the column '{_shown(seen[0])}' appears twice "
                              "in row 1")
    rows = []
    width, none = len(headers), frozenset[str]()
    for number, record in enumerate(records[1:], start=2 + skipped):
        cells = list(map(str.strip, record))
        if not any(cells):
            continue
        if len(cells) < width:
            cells += [""] * (width - len(cells))
        elif len(cells) > width:
            del cells[width:]  # cells past the last header are left out
        floats = fractions[number - 1] if fractions else None
        rows.append(CellRow(number, cells, headers, frozenset(
            headers[i] for i in floats if i < width and headers[i]) if floats else none))
    return Table(path.name, headers, original, tuple(rows), encoding, delimiter)
