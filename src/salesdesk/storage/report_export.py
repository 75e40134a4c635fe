"""Report tables written as CSV or as an Excel workbook (openpyxl, imported when first used).

A report is one or more `Sheet`s: a title, typed columns and rows of plain values (str,
int, float, Decimal, date/datetime, None). Amounts stay exact: a Decimal is written as its
decimal text in CSV and as a number in the workbook (with a money format).

Text that a spreadsheet would run as a formula (starting with = + - @, or a tab or carriage
return, as OWASP lists them) is neutralised: in the workbook it is stored as text with
Excel's quote prefix, never as a formula; in CSV it gets a leading apostrophe, since
Excel evaluates such CSV cells on opening.
"""

from __future__ import annotations

import csv
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any, TextIO

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
NUMBER_FORMATS = {"int": "#,##0", "money": "#,##0.00", "rate": "0.0%", "days": "0.0",
                  "date": "yyyy-mm-dd", "moment": "yyyy-mm-dd hh:mm"}
"""Excel number format per column kind; "text" columns have none."""
_BAD_TITLE = str.maketrans({c: " " for c in "[]:*?/\\"})


@dataclass(frozen=True)
class Column:
    title: str
    kind: str = "text"
    """text, int, money, rate (a fraction shown as percent), days, date or moment."""


@dataclass(frozen=True)
class Sheet:
    title: str
    columns: tuple[Column, ...]
    rows: tuple[tuple[Any, ...], ...]


def is_formula_like(value: object) -> bool:
    return isinstance(value, str) and value.startswith(FORMULA_STARTS)


def csv_value(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, datetime):
        return value.isoformat(timespec="seconds")
    if isinstance(value, date | Decimal | int | float):
        return value.isoformat() if isinstance(value, date) else str(value)
    text = str(value)
    return "'" + text if is_formula_like(text) else text


def write_csv(sheets: Sequence[Sheet], out: TextIO) -> None:
    """One sheet: a header row and its rows. Several: each starts with a row holding its
    title, and a blank row separates them."""
    writer = csv.writer(out)
    several = len(sheets) > 1
    for i, sheet in enumerate(sheets):
        if several:
            if i:
                writer.writerow([])
            writer.writerow([csv_value(sheet.title)])
        writer.writerow([csv_value(c.title) for c in sheet.columns])
        writer.writerows([csv_value(v) for v in row] for row in sheet.rows)


def save_csv(sheets: Sequence[Sheet], path: Path) -> None:
    # utf-8-sig: Excel reads the file as UTF-8 only with the byte order mark
    with path.open("w", newline="", encoding="utf-8-sig") as fh:
        write_csv(sheets, fh)


def sheet_title(title: str, taken: set[str]) -> str:
    """A worksheet name Excel accepts: at most 31 characters, none of []:*?/\\, unique."""
    base = " ".join(title.translate(_BAD_TITLE).split())[:31].strip("'") or "Sheet"
    name, n = base, 1
    while name.casefold() in taken:
        n += 1
        name = f"{base[:31 - len(str(n)) - 1]} {n}"
    taken.add(name.casefold())
    return name


def save_xlsx(sheets: Sequence[Sheet], path: Path) -> None:
    """One worksheet per sheet: a bold, frozen header row, number formats per column,
    column widths that fit the content, text never read as a formula."""
    from openpyxl import Workbook
    from openpyxl.styles import Font

    wb = Workbook()
    wb.remove(wb.active)
    taken: set[str] = set()
    for sheet in sheets:
        ws = wb.create_sheet(sheet_title(sheet.title, taken))
        ws.append([c.title for c in sheet.columns])
        for cell in ws[1]:
            cell.font = Font(bold=True)
            _as_text(cell)
        for values in sheet.rows:
            ws.append([_xlsx_value(v) for v in values])
        for col, column in zip(ws.iter_cols(min_row=2), sheet.columns, strict=False):
            for cell in col:
                _format(cell, column)
        ws.freeze_panes = "A2"
        _widths(ws, sheet)
    wb.save(path)


def _xlsx_value(value: Any) -> Any:
    if isinstance(value, datetime) and value.tzinfo is not None:
        return value.replace(tzinfo=None)  # Excel has no time zones; moments are UTC
    return value


def _as_text(cell: Any) -> None:
    if is_formula_like(cell.value):
        cell.data_type = "s"
        cell.quotePrefix = True


def _format(cell: Any, column: Column) -> None:
    if isinstance(cell.value, str):
        _as_text(cell)
    elif cell.value is not None and column.kind in NUMBER_FORMATS:
        cell.number_format = NUMBER_FORMATS[column.kind]


def _widths(ws: Any, sheet: Sheet) -> None:
    from openpyxl.utils import get_column_letter

    for i, column in enumerate(sheet.columns, start=1):
        longest = max([len(column.title), *(len(csv_value(r[i - 1])) for r in sheet.rows)])
        ws.column_dimensions[get_column_letter(i)].width = min(60, max(8, longest + 2))
