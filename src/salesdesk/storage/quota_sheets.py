"""Excel quota sheets that go out to reps and management and come back edited (openpyxl,
imported when first used).

The workbook: a Summary sheet with the team roll-up, then one sheet per team. Every sheet
stacks three blocks with the same columns (member id, member, the 12 fiscal months, the 4
quarters, the year): Quota (a row per member, the months editable, quarters and year live
=SUM formulas), Closed won (values, with the same formulas) and Attainment (live
=IFERROR(won/quota, "") formulas, coloured red/amber/green). Each block ends with a total
row. The Summary's quota and won cells are formulas over the team sheets' total rows, so
an edited quota rolls up as soon as the spreadsheet recalculates.

Everything but the monthly quota cells is locked and the sheets are protected without a
password (protection guards against slips, not against people: anyone may unprotect a
sheet, and read_quota_workbook checks what matters again). The plan's identity (workspace,
plan, version) is stored in custom document properties, so a sheet from another plan or
workspace is recognised on import. Text a spreadsheet would run as a formula (= + - @) is
written as text, never as a formula.

Rows are streamed in openpyxl's write-only mode: one pre-styled cell per column and row
kind is reused (openpyxl writes each row before `append` returns), which keeps a styled
sheet close to the cost of writing bare values.

The reader lives in quota_sheet_reader.py; read_quota_workbook is re-exported here.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Any

from salesdesk.domain.quota_sheet import (  # noqa: F401  re-exported for callers
    MONTHS,
    MemberQuotas,
    QuotaCellChange,
    QuotaSheetChanges,
    QuotaSheetData,
    QuotaSheetError,
    SheetIdentity,
    SheetProblem,
    TeamQuotas,
)
from salesdesk.storage.report_export import is_formula_like, sheet_title

FIRST_MONTH_COL = 3  # C: columns A and B hold the member's id and name
QUARTER_COLS = tuple(range(FIRST_MONTH_COL + MONTHS, FIRST_MONTH_COL + MONTHS + 4))  # O..R
YEAR_COL = QUARTER_COLS[-1] + 1  # S
LAST_COL = YEAR_COL
HEADER_ROW = 4
SUMMARY_SHEET = "Summary"
AMBER_FROM = Decimal("0.8")
"""Attainment below this is red, from it up to 100 % amber, from 100 % green."""

PROP_WORKSPACE = "SalesDesk workspace id"
PROP_PLAN = "SalesDesk plan id"
PROP_VERSION = "SalesDesk plan version"

CURRENCY_SYMBOLS = {"EUR": "€", "USD": "$", "GBP": "£", "JPY": "¥", "CHF": "CHF"}


@dataclass(frozen=True)
class Block:
    """Where a block sits: its header row, first data row and total row (data rows are
    first .. total - 1)."""

    header: int
    first: int
    total: int


def blocks(rows: int) -> tuple[Block, Block, Block]:
    """The quota, closed-won and attainment blocks of a sheet with `rows` data rows."""
    quota = Block(HEADER_ROW, HEADER_ROW + 1, HEADER_ROW + 1 + rows)
    won = Block(quota.total + 3, quota.total + 4, quota.total + 4 + rows)
    attainment = Block(won.total + 3, won.total + 4, won.total + 4 + rows)
    return quota, won, attainment


def sheet_names(data: QuotaSheetData) -> tuple[str, ...]:
    """The team sheets' names, in order: what the writer uses and the reader expects."""
    taken = {SUMMARY_SHEET.casefold()}
    return tuple(sheet_title(team.name, taken) for team in data.teams)


def money_format(currency: str) -> str:
    symbol = CURRENCY_SYMBOLS.get(currency.upper(), currency.upper())
    return f'#,##0.00 "{symbol}";-#,##0.00 "{symbol}"'


def col(index: int) -> str:
    from openpyxl.utils import get_column_letter

    return get_column_letter(index)


def quarter_formula(quarter: int, row: int) -> str:
    first = FIRST_MONTH_COL + 3 * quarter
    return f"=SUM({col(first)}{row}:{col(first + 2)}{row})"


def year_formula(row: int) -> str:
    return f"=SUM({col(FIRST_MONTH_COL)}{row}:{col(FIRST_MONTH_COL + MONTHS - 1)}{row})"


def total_formula(column: int, block: Block) -> str | int:
    if block.total == block.first:  # no rows: SUM(C5:C4) would sum the header
        return 0
    return f"=SUM({col(column)}{block.first}:{col(column)}{block.total - 1})"


def write_quota_workbook(path: Path | str, sheet_data: QuotaSheetData) -> Path:
    """Write the quota workbook at `path` (replacing any file there); return the path."""
    from openpyxl import Workbook
    from openpyxl.workbook.protection import WorkbookProtection

    # A target that cannot be written (no such folder, a file open in Excel) fails here,
    # before any sheet streams: once it has, a failed save leaves openpyxl's row writers
    # to print tracebacks when they are collected.
    with open(path, "ab"):
        pass
    wb = Workbook(write_only=True)
    _properties(wb, sheet_data)
    wb.security = WorkbookProtection(lockStructure=True)  # no renamed or moved sheets
    styles = _Styles(wb, sheet_data.currency)
    names = sheet_names(sheet_data)
    _summary_sheet(wb, styles, sheet_data, names)
    for team, name in zip(sheet_data.teams, names, strict=True):
        _team_sheet(wb.create_sheet(name), styles, sheet_data, team)
    wb.save(path)
    return Path(path)


def read_quota_workbook(path: Path | str, expected_plan: QuotaSheetData) -> QuotaSheetChanges:
    """See quota_sheet_reader.read_quota_workbook."""
    from salesdesk.storage.quota_sheet_reader import read_quota_workbook as read

    return read(path, expected_plan)


def workbook_identity(path: Path | str) -> SheetIdentity:
    """The plan identity a workbook carries in its custom document properties, read from
    docProps/custom.xml without loading the sheets. QuotaSheetError if the file is not an
    Excel workbook at all."""
    import zipfile
    from xml.etree import ElementTree

    found: dict[str, str] = {}
    try:
        with zipfile.ZipFile(path) as archive:
            if "docProps/custom.xml" in archive.namelist():
                for prop in ElementTree.fromstring(archive.read("docProps/custom.xml")):
                    name = prop.get("name")
                    if name and len(prop):
                        found[name] = (prop[0].text or "").strip()
    except (OSError, zipfile.BadZipFile, ElementTree.ParseError) as exc:
        raise QuotaSheetError([SheetProblem(None, None, f"{Path(path).name} is not an Excel "
                                                        f"workbook (.xlsx): {exc}")]) from None
    return SheetIdentity(found.get(PROP_WORKSPACE), found.get(PROP_PLAN),
                         found.get(PROP_VERSION))


class OpenpyxlWorkbooks:
    """The quota workbook files services.quota_sheets reads and writes."""

    def write(self, path: Path | str, data: QuotaSheetData) -> Path:
        return write_quota_workbook(path, data)

    def read(self, path: Path | str, expected: QuotaSheetData) -> QuotaSheetChanges:
        return read_quota_workbook(path, expected)

    def identity(self, path: Path | str) -> SheetIdentity:
        return workbook_identity(path)


WORKBOOKS = OpenpyxlWorkbooks()


def _properties(wb: Any, data: QuotaSheetData) -> None:
    from openpyxl.packaging.custom import IntProperty, StringProperty

    wb.properties.title = data.title
    wb.properties.subject = f"Quota plan {data.year}, version {data.plan_version}"
    wb.properties.creator = "SalesDesk"
    wb.properties.lastModifiedBy = "SalesDesk"
    wb.custom_doc_props.append(StringProperty(name=PROP_WORKSPACE, value=data.workspace_id))
    wb.custom_doc_props.append(StringProperty(name=PROP_PLAN, value=data.plan_id))
    wb.custom_doc_props.append(IntProperty(name=PROP_VERSION, value=data.plan_version))


class _Styles:
    """The workbook's cell styles, built once as openpyxl StyleArrays."""

    def __init__(self, wb: Any, currency: str) -> None:
        from openpyxl.styles import Alignment, Border, Font, PatternFill, Protection, Side

        scratch = wb.create_sheet("scratch")
        wb.remove(scratch)
        money, thin = money_format(currency), Side(style="thin", color="808080")
        grey = PatternFill("solid", fgColor="D9E1F2")
        def font(size: int = 11, **attrs: Any) -> Any:
            # Named, like the workbook's default font: a font without a name is drawn in
            # LibreOffice's default serif face, beside the Calibri of plain cells.
            return Font(name="Calibri", size=size, **attrs)

        bold = font(bold=True)

        def style(**attrs: Any) -> Any:
            from openpyxl.cell import WriteOnlyCell

            cell = WriteOnlyCell(scratch)
            for key, value in attrs.items():
                setattr(cell, key, value)
            return cell._style

        self.title = style(font=font(bold=True, size=14))
        self.note = style(font=font(italic=True, color="595959"))
        self.section = style(font=font(bold=True, size=12, color="1F3864"))
        self.header = style(font=bold, fill=grey, border=Border(bottom=thin),
                            alignment=Alignment(horizontal="center"))
        self.header_left = style(font=bold, fill=grey, border=Border(bottom=thin))
        self.id = style(font=font(color="808080"))
        self.text = style()
        self.text_quoted = style(quotePrefix=True)
        self.total_label = style(font=bold, border=Border(top=thin))
        self.input = style(number_format=money, protection=Protection(locked=False),
                           fill=PatternFill("solid", fgColor="FFF2CC"),
                           border=Border(left=Side(style="hair", color="BFBFBF")))
        self.money = style(number_format=money)
        self.money_sum = style(number_format=money, font=bold,
                               fill=PatternFill("solid", fgColor="F2F2F2"))
        self.money_total = style(number_format=money, font=bold, border=Border(top=thin))
        self.rate = style(number_format="0.0%")
        self.rate_sum = style(number_format="0.0%", font=bold,
                              fill=PatternFill("solid", fgColor="F2F2F2"))
        self.rate_total = style(number_format="0.0%", font=bold, border=Border(top=thin))


class _RowWriter:
    """Appends rows to a write-only sheet through one pre-styled cell per column, reused
    for every row of the same kind (openpyxl writes a row before `append` returns)."""

    def __init__(self, ws: Any) -> None:
        self.ws = ws
        self.row = 0
        # openpyxl's own conversion tries each cell as a value first (an exception per
        # cell) and copies every styled cell: twice the cost of bare values. Rows here are
        # always lists of cells, so placing them is all that is left to do.
        ws._values_to_row = _place_cells

    def kind(self, cell_styles: Sequence[Any]) -> list[Any]:
        cells = []
        for style in cell_styles:
            cell = _styled_cell_class()(self.ws)
            cell._style = style
            cells.append(cell)
        return cells

    def put(self, cells: list[Any], values: Sequence[Any]) -> None:
        for cell, value in zip(cells, values, strict=True):
            cell.value = value
        self.ws.append(cells)
        self.row += 1

    def plain(self) -> None:
        self.ws.append([])
        self.row += 1

    def text(self, value: str, style: Any) -> None:
        """A single text cell in column B (column A, the ids, is left out of the printout),
        never a formula."""
        blank, cell = _styled_cell_class()(self.ws), self.kind([style])[0]
        cell.value = value
        if is_formula_like(value):
            cell.data_type = "s"
        self.ws.append([blank, cell])
        self.row += 1


_STYLED_CELL: Any = None


def _styled_cell_class() -> Any:
    """A Cell whose style index and has_style are looked up once per style, not per
    write: openpyxl otherwise hashes the cell's style for every cell it writes."""
    global _STYLED_CELL
    if _STYLED_CELL is None:
        from openpyxl.cell.cell import Cell

        class StyledCell(Cell):
            __slots__ = ("_known",)

            def __init__(self, ws: Any) -> None:
                super().__init__(ws)
                self._known: tuple[Any, int, bool] | None = None

            def _lookup(self) -> tuple[Any, int, bool]:
                known = self._known
                if known is None or known[0] is not self._style:
                    style = self._style
                    known = (style, 0, False) if style is None else \
                        (style, self.parent.parent._cell_styles.add(style), any(style))
                    self._known = known
                return known

            @property
            def style_id(self) -> int:
                return self._lookup()[1]

            @property
            def has_style(self) -> bool:
                return self._lookup()[2]

        _STYLED_CELL = StyledCell
    return _STYLED_CELL


def _place_cells(cells: Sequence[Any], row: int) -> Any:
    for column, cell in enumerate(cells, 1):
        cell.column, cell.row = column, row
        yield cell


def _team_sheet(ws: Any, styles: _Styles, data: QuotaSheetData, team: TeamQuotas) -> None:
    quota, won, attainment = blocks(len(team.members))
    out = _sheet_top(ws, styles, data, f"{team.name}: {data.title}",
                     "Edit the yellow cells (monthly quotas). Quarters, year, totals and "
                     "attainment are formulas and update by themselves.")
    ids = [(m.member_id, m.name) for m in team.members]
    _money_block(out, styles, data, "Quota", ids, [m.quota for m in team.members], quota,
                 editable=True)
    _money_block(out, styles, data, "Closed won", ids, [m.won for m in team.members], won)
    _attainment_block(out, styles, data, ids, (quota, won, attainment))
    _finish(ws, attainment)


def _summary_sheet(wb: Any, styles: _Styles, data: QuotaSheetData,
                   names: Sequence[str]) -> None:
    from openpyxl.utils import quote_sheetname

    ws = wb.create_sheet(SUMMARY_SHEET)
    quota, won, attainment = blocks(len(data.teams))
    out = _sheet_top(ws, styles, data, f"Summary: {data.title}",
                     "Team roll-up of the team sheets. Edit quotas on the team sheets.")
    ids = [(team.team_id, team.name) for team in data.teams]
    for title, block, pick in (("Quota", quota, 0), ("Closed won", won, 1)):
        links = []
        for team, name in zip(data.teams, names, strict=True):
            team_block = blocks(len(team.members))[pick]
            links.append(tuple(f"={quote_sheetname(name)}!{col(c)}{team_block.total}"
                               for c in range(FIRST_MONTH_COL, FIRST_MONTH_COL + MONTHS)))
        _money_block(out, styles, data, title, ids, links, block, first="Team",
                     total="Company total")
    _attainment_block(out, styles, data, ids, (quota, won, attainment), first="Team",
                      total="Company total")
    _finish(ws, attainment)


def _sheet_top(ws: Any, styles: _Styles, data: QuotaSheetData, title: str,
               note: str) -> _RowWriter:
    _prepare(ws)
    out = _RowWriter(ws)
    out.text(title, styles.title)
    out.text(f"{note} Amounts in {data.currency}; plan version {data.plan_version}.",
             styles.note)
    return out


def _section(out: _RowWriter, styles: _Styles, data: QuotaSheetData, title: str,
             first: str) -> None:
    out.text(title, styles.section)
    header = data.header(first)
    cells = out.kind([styles.header_left] * 2 + [styles.header] * (len(header) - 2))
    out.put(cells, header)


def _label(styles: _Styles, cells: list[Any], ident: str, name: str,
           plain: tuple[Any, Any]) -> None:
    """Set the id and name cells; text that looks like a formula is kept as text."""
    for cell, value, style in zip(cells[:2], (ident, name), plain, strict=True):
        cell.value = value
        cell._style = style
        if is_formula_like(value):
            cell.data_type = "s"
            cell._style = styles.text_quoted


def _money_block(out: _RowWriter, styles: _Styles, data: QuotaSheetData, title: str,
                 ids: Sequence[tuple[str, str]], months: Sequence[Sequence[Any]],
                 block: Block, *, editable: bool = False, first: str = "Member",
                 total: str = "Team total") -> None:
    while out.row < block.header - 2:
        out.plain()
    _section(out, styles, data, title, first)
    month_style = styles.input if editable else styles.money
    row_styles = [styles.id, styles.text, *[month_style] * MONTHS,
                  *[styles.money_sum] * 5]
    cells = out.kind(row_styles)
    for (ident, name), values in zip(ids, months, strict=True):
        row = out.row + 1
        sums = [quarter_formula(q, row) for q in range(4)] + [year_formula(row)]
        for cell, value in zip(cells[2:], [*values, *sums], strict=True):
            cell.value = value
        _label(styles, cells, ident, name, (styles.id, styles.text))
        out.ws.append(cells)
        out.row += 1
    totals = out.kind([styles.total_label] * 2 + [styles.money_total] * (LAST_COL - 2))
    out.put(totals, ["", total, *[total_formula(c, block)
                                  for c in range(FIRST_MONTH_COL, LAST_COL + 1)]])


def _attainment_block(out: _RowWriter, styles: _Styles, data: QuotaSheetData,
                      ids: Sequence[tuple[str, str]], where: tuple[Block, Block, Block], *,
                      first: str = "Member", total: str = "Team total") -> None:
    quota, won, attainment = where
    while out.row < attainment.header - 2:
        out.plain()
    _section(out, styles, data, "Attainment", first)
    member = out.kind([styles.id, styles.text, *[styles.rate] * MONTHS,
                       *[styles.rate_sum] * 5])
    refs = [col(c) for c in range(FIRST_MONTH_COL, LAST_COL + 1)]
    for offset, (ident, name) in enumerate([*ids, ("", total)]):
        is_total = offset == len(ids)
        cells = out.kind([styles.total_label] * 2 + [styles.rate_total] * (LAST_COL - 2)
                         ) if is_total else member
        won_row, quota_row = won.first + offset, quota.first + offset
        for cell, ref in zip(cells[2:], refs, strict=True):
            cell.value = f'=IFERROR({ref}{won_row}/{ref}{quota_row},"")'
        plain = (styles.total_label,) * 2 if is_total else (styles.id, styles.text)
        _label(styles, cells, ident, name, plain)
        out.ws.append(cells)
        out.row += 1


def _prepare(ws: Any) -> None:
    """What openpyxl writes before the rows (it streams them): widths, panes, page fit."""
    from openpyxl.worksheet.properties import PageSetupProperties

    ws.column_dimensions["A"].width = 11
    ws.column_dimensions["B"].width = 24
    for c in range(FIRST_MONTH_COL, LAST_COL + 1):
        # quarters and the year hold the biggest figures, in bold: a team's millions
        ws.column_dimensions[col(c)].width = 14.5 if c < QUARTER_COLS[0] else 16
    ws.freeze_panes = f"{col(FIRST_MONTH_COL)}{HEADER_ROW + 1}"
    ws.sheet_properties.pageSetUpPr = PageSetupProperties(fitToPage=True)


def _finish(ws: Any, attainment: Block) -> None:
    """What openpyxl writes after the rows: colours, protection and print set-up."""
    _traffic_lights(ws, attainment)
    ws.protection.sheet = True
    ws.protection.formatColumns = False  # allowed: widen a column to read a big number
    ws.protection.formatRows = False
    ws.page_setup.orientation = "landscape"
    ws.page_setup.paperSize = 9  # A4
    ws.page_setup.fitToWidth = 1
    ws.page_setup.fitToHeight = 0
    ws.page_margins.left = ws.page_margins.right = 0.4  # inches: 19 columns need the room
    ws.page_margins.top = ws.page_margins.bottom = 0.6
    ws.page_margins.footer = 0.3
    ws.print_title_rows = f"{HEADER_ROW}:{HEADER_ROW}"
    # the member ids (column A) are for the import, not for readers of the printout
    ws.print_area = f"B1:{col(LAST_COL)}{attainment.total}"
    ws.print_options.horizontalCentered = True
    ws.oddFooter.center.text = "&A, page &P of &N"


def _traffic_lights(ws: Any, attainment: Block) -> None:
    from openpyxl.formatting.rule import FormulaRule
    from openpyxl.styles import Font, PatternFill

    top = f"{col(FIRST_MONTH_COL)}{attainment.first}"
    area = f"{top}:{col(LAST_COL)}{attainment.total}"
    amber = str(AMBER_FROM)
    rules = (
        (f"AND(ISNUMBER({top}),{top}<{amber})", "FFC7CE", "9C0006"),
        (f"AND(ISNUMBER({top}),{top}>={amber},{top}<1)", "FFEB9C", "9C5700"),
        (f"AND(ISNUMBER({top}),{top}>=1)", "C6EFCE", "006100"),
    )
    for formula, fill, font in rules:
        ws.conditional_formatting.add(area, FormulaRule(
            formula=[formula], fill=PatternFill("solid", bgColor=fill),
            font=Font(color=font), stopIfTrue=True))
