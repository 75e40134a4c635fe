"""The management pack: one Excel workbook for top management (openpyxl and Pillow,
imported when first used).

Sheets, in order: the summary (title, what the pack covers, headline figures, a few
sections of label / value lines), the charts (PNG images, each under its title), then one
sheet per table (report_export.Sheet: bold frozen header, number formats per column).
Amounts stay exact: a Decimal is written as a number with a money format. Text that a
spreadsheet would run as a formula (= + - @ ...) is stored as text, never as a formula.
"""

from __future__ import annotations

import io
import math
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from salesdesk.storage.report_export import (
    NUMBER_FORMATS,
    Column,
    Sheet,
    csv_value,
    is_formula_like,
    sheet_title,
)

ROW_PIXELS = 20
"""Excel's default row height (15 points) in pixels, to stack images without overlap."""


@dataclass(frozen=True)
class Line:
    """A summary line: a label, a value, its kind (report_export.Column kinds), a note."""

    label: str
    value: Any = None
    kind: str = "text"
    note: str = ""


@dataclass(frozen=True)
class Section:
    title: str
    lines: tuple[Line, ...]


@dataclass(frozen=True)
class Chart:
    title: str
    png: bytes


@dataclass(frozen=True)
class Pack:
    title: str
    summary_title: str
    sections: tuple[Section, ...]
    charts_title: str
    charts: tuple[Chart, ...]
    tables: tuple[Sheet, ...]


def write_pack(pack: Pack, path: Path) -> Path:
    """Write the workbook at `path` (replacing any file there) and return the path."""
    from openpyxl import Workbook

    wb = Workbook()
    wb.remove(wb.active)
    taken: set[str] = set()
    _summary(wb.create_sheet(sheet_title(pack.summary_title, taken)), pack)
    if pack.charts:
        _charts(wb.create_sheet(sheet_title(pack.charts_title, taken)), pack.charts)
    for table in pack.tables:
        _table(wb.create_sheet(sheet_title(table.title, taken)), table)
    wb.save(path)
    return path


def _text_cell(cell: Any) -> None:
    if is_formula_like(cell.value):
        cell.data_type = "s"
        cell.quotePrefix = True


def _summary(ws: Any, pack: Pack) -> None:
    from openpyxl.styles import Font

    ws["A1"] = pack.title
    ws["A1"].font = Font(bold=True, size=14)
    _text_cell(ws["A1"])
    row = 3
    for section in pack.sections:
        ws.cell(row, 1, section.title).font = Font(bold=True, size=12)
        _text_cell(ws.cell(row, 1))
        row += 1
        for line in section.lines:
            label, value, note = ws.cell(row, 1, line.label), ws.cell(row, 2, line.value), \
                ws.cell(row, 3, line.note or None)
            for cell in (label, note):
                _text_cell(cell)
            if isinstance(line.value, str):
                _text_cell(value)
            elif line.value is not None and line.kind in NUMBER_FORMATS:
                value.number_format = NUMBER_FORMATS[line.kind]
            row += 1
        row += 1
    ws.column_dimensions["A"].width = 34
    ws.column_dimensions["B"].width = 22
    ws.column_dimensions["C"].width = 70


def _charts(ws: Any, charts: Sequence[Chart]) -> None:
    from openpyxl.drawing.image import Image
    from openpyxl.styles import Font

    row = 1
    for chart in charts:
        ws.cell(row, 1, chart.title).font = Font(bold=True, size=12)
        _text_cell(ws.cell(row, 1))
        image = Image(io.BytesIO(chart.png))
        ws.add_image(image, f"A{row + 1}")
        row += 1 + math.ceil(image.height / ROW_PIXELS) + 2


def _table(ws: Any, sheet: Sheet) -> None:
    from openpyxl.styles import Font

    ws.append([c.title for c in sheet.columns])
    for cell in ws[1]:
        cell.font = Font(bold=True)
        _text_cell(cell)
    for values in sheet.rows:
        ws.append(list(values))
    for col, column in zip(ws.iter_cols(min_row=2), sheet.columns, strict=False):
        for cell in col:
            _format(cell, column)
    ws.freeze_panes = "A2"
    _widths(ws, sheet)


def _format(cell: Any, column: Column) -> None:
    if isinstance(cell.value, str):
        _text_cell(cell)
    elif cell.value is not None and column.kind in NUMBER_FORMATS:
        cell.number_format = NUMBER_FORMATS[column.kind]


def _widths(ws: Any, sheet: Sheet) -> None:
    from openpyxl.utils import get_column_letter

    for i, column in enumerate(sheet.columns, start=1):
        longest = max([len(column.title), *(len(csv_value(r[i - 1])) for r in sheet.rows)])
        ws.column_dimensions[get_column_letter(i)].width = min(60, max(8, longest + 2))
