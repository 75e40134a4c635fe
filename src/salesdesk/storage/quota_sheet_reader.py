"""Reading an edited quota workbook back (see quota_sheets.py for its layout).

read_quota_workbook checks the whole workbook and either raises QuotaSheetError listing
every problem (each naming the sheet and cell) or returns the changed quota cells. Nothing
is applied here: the caller turns the changes into a new plan version.
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path
from typing import Any

from salesdesk.domain.quota_sheet import (
    QuotaCellChange,
    QuotaSheetChanges,
    QuotaSheetData,
    QuotaSheetError,
    SheetProblem,
    TeamQuotas,
)
from salesdesk.domain.validation import clean_decimal
from salesdesk.storage.quota_sheets import (
    FIRST_MONTH_COL,
    HEADER_ROW,
    LAST_COL,
    MONTHS,
    PROP_PLAN,
    PROP_VERSION,
    PROP_WORKSPACE,
    QUARTER_COLS,
    SUMMARY_SHEET,
    YEAR_COL,
    blocks,
    col,
    quarter_formula,
    sheet_names,
    total_formula,
    year_formula,
)


def read_quota_workbook(path: Path | str, expected_plan: QuotaSheetData) -> QuotaSheetChanges:
    """Validate the edited workbook at `path` against the plan it was exported from and
    return the quota cells that differ (old -> new). Raises QuotaSheetError."""
    from openpyxl import load_workbook

    wb = load_workbook(path)  # not read-only: merged cells and hidden rows are needed
    problems: list[SheetProblem] = []
    changes: list[QuotaCellChange] = []
    _check_identity(wb, expected_plan, problems)
    if not problems:
        names = sheet_names(expected_plan)
        _check_sheets(wb, names, problems)
        for team, name in zip(expected_plan.teams, names, strict=True):
            if name in wb.sheetnames:
                _Sheet(wb[name], expected_plan, team, problems, changes).read()
    if problems:
        raise QuotaSheetError(problems)
    return QuotaSheetChanges(expected_plan.plan_id, expected_plan.plan_version,
                             tuple(changes))


def _check_identity(wb: Any, plan: QuotaSheetData, problems: list[SheetProblem]) -> None:
    props = {prop.name: prop.value for prop in wb.custom_doc_props}
    if PROP_PLAN not in props or PROP_WORKSPACE not in props:
        problems.append(SheetProblem(None, None, "this workbook is not a SalesDesk quota "
                                                 "sheet (it carries no plan identity)"))
    elif str(props[PROP_WORKSPACE]) != plan.workspace_id:
        problems.append(SheetProblem(None, None, "this quota sheet comes from another "
                                                 f"workspace ({props[PROP_WORKSPACE]})"))
    elif str(props[PROP_PLAN]) != plan.plan_id:
        problems.append(SheetProblem(None, None, "this quota sheet is for another plan "
                                                 f"({props[PROP_PLAN]})"))
    elif str(props.get(PROP_VERSION)) != str(plan.plan_version):
        problems.append(SheetProblem(None, None, "this quota sheet was exported from version "
                                                 f"{props.get(PROP_VERSION)} of the plan; "
                                                 f"the plan is now at version "
                                                 f"{plan.plan_version}: export it again"))


def _check_sheets(wb: Any, names: tuple[str, ...], problems: list[SheetProblem]) -> None:
    expected = (SUMMARY_SHEET, *names)
    unknown = [name for name in wb.sheetnames if name not in expected]
    for name in expected:
        if name not in wb.sheetnames:
            hint = f" (found {', '.join(repr(u) for u in unknown)}: was it renamed?)" \
                if unknown else ""
            problems.append(SheetProblem(name, None, f"the sheet is missing{hint}"))


class _Sheet:
    """Reads one team sheet's quota block, appending problems and changes."""

    def __init__(self, ws: Any, plan: QuotaSheetData, team: TeamQuotas,
                 problems: list[SheetProblem], changes: list[QuotaCellChange]) -> None:
        self.ws, self.plan, self.team = ws, plan, team
        self.problems, self.changes = problems, changes
        self.quota, _, self.attainment = blocks(len(team.members))

    def problem(self, cell: str | None, message: str) -> None:
        self.problems.append(SheetProblem(self.ws.title, cell, message))

    def read(self) -> None:
        before = len(self.problems)
        self._header()
        self._layout()
        if len(self.problems) > before:
            return  # a moved column or hidden row makes every other cell suspect
        months = [self._member(offset) for offset in range(len(self.team.members))]
        self._totals(months)

    def _header(self) -> None:
        for c, expected in enumerate(self.plan.header(), 1):
            found = self.ws.cell(HEADER_ROW, c).value
            if str(found or "").strip() != expected:
                self.problem(f"{col(c)}{HEADER_ROW}", f"expected the column '{expected}', "
                             f"found '{found or ''}' (columns must not be moved or renamed)")

    def _layout(self) -> None:
        last = self.attainment.total
        for row in range(HEADER_ROW, last + 1):
            if self.ws.row_dimensions[row].hidden:
                self.problem(f"A{row}", f"row {row} is hidden; unhide it and import again")
        for c in range(1, LAST_COL + 1):
            if self.ws.column_dimensions[col(c)].hidden:
                self.problem(f"{col(c)}{HEADER_ROW}", f"column {col(c)} is hidden; unhide it "
                             "and import again")
        for merged in self.ws.merged_cells.ranges:
            if merged.max_row >= HEADER_ROW and merged.min_row <= last:
                self.problem(merged.coord, "merged cells are not allowed in the quota "
                             "table; unmerge them and import again")
        label = self.ws.cell(self.quota.total, 2).value
        if label != "Team total":
            self.problem(f"B{self.quota.total}", "expected the 'Team total' row here: rows "
                         "must not be inserted, deleted or moved")

    def _member(self, offset: int) -> list[Decimal | None]:
        member, row = self.team.members[offset], self.quota.first + offset
        found = self.ws.cell(row, 1).value
        if str(found or "") != member.member_id:
            self.problem(f"A{row}", f"expected member '{member.member_id}' "
                         f"({member.name}), found '{found or ''}'")
            return [None] * MONTHS
        months = [self._number(row, FIRST_MONTH_COL + m) for m in range(MONTHS)]
        for m, (old, new) in enumerate(zip(member.quota, months, strict=True)):
            if new is not None and new != old:
                self.changes.append(QuotaCellChange(
                    self.ws.title, f"{col(FIRST_MONTH_COL + m)}{row}", self.team.team_id,
                    member.member_id, member.name, self.plan.months[m], old, new))
        return months

    def _number(self, row: int, column: int) -> Decimal | None:
        """A quota cell's exact amount, or None after recording why it was refused."""
        cell = self.ws.cell(row, column)
        value, where = cell.value, cell.coordinate
        if cell.data_type == "f" or (isinstance(value, str) and value.startswith("=")):
            self.problem(where, f"formulas are not accepted in quota cells (found "
                         f"'{value}'); type a number")
            return None
        if value is None:
            return Decimal("0.00")  # a cleared cell: no quota that month
        if isinstance(value, bool) or not isinstance(value, int | float):
            self.problem(where, f"'{value}' is not a number")
            return None
        amount = clean_decimal(value, where)
        assert amount is not None
        if amount < 0:
            self.problem(where, f"{amount} is negative; a quota must be zero or more")
            return None
        return amount

    def _totals(self, months: list[list[Decimal | None]]) -> None:
        """Quarter, year and total cells: our formula, or a typed value that agrees."""
        for offset, row_months in enumerate(months):
            row = self.quota.first + offset
            if None in row_months:
                continue
            amounts: list[Decimal] = [m for m in row_months if m is not None]
            for q, c in enumerate(QUARTER_COLS):
                quarter = sum(amounts[3 * q:3 * q + 3], Decimal(0))
                self._sum_cell(row, c, quarter_formula(q, row), quarter)
            self._sum_cell(row, YEAR_COL, year_formula(row), sum(amounts, Decimal(0)))
        if any(None in m for m in months):
            return
        for c in range(FIRST_MONTH_COL, FIRST_MONTH_COL + MONTHS):
            column_sum = sum((m[c - FIRST_MONTH_COL] or Decimal(0) for m in months),
                             Decimal(0))
            self._sum_cell(self.quota.total, c, total_formula(c, self.quota), column_sum)

    def _sum_cell(self, row: int, column: int, formula: str | int, expected: Decimal) -> None:
        cell = self.ws.cell(row, column)
        value, where = cell.value, cell.coordinate
        if cell.data_type == "f" or isinstance(value, str) and value.startswith("="):
            if _squash(str(value)) != _squash(str(formula)):
                self.problem(where, f"the formula was changed to '{value}'; expected "
                             f"'{formula}'")
            return
        if isinstance(value, bool) or not isinstance(value, int | float):
            self.problem(where, f"'{value}' is not a number; expected '{formula}'")
            return
        typed = clean_decimal(value, where)
        if typed != expected:
            self.problem(where, f"the total {typed} does not match the sum of its cells "
                         f"{expected}")


def _squash(formula: str) -> str:
    return "".join(formula.split()).upper()
