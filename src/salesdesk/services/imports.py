"""Importing team members, accounts and products from a table (already read from a file).

Every import is one transaction: rows are validated first, and if any row is refused
nothing is written. The report says what was created, updated and skipped, and why.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import Any, Protocol

from salesdesk.domain.errors import DomainError, ValidationError
from salesdesk.domain.validation import name_key
from salesdesk.services.common import OpChanges
from salesdesk.services.unit_of_work import UnitOfWork, UnitOfWorkFactory


class RowLike(Protocol):
    @property
    def number(self) -> int: ...

    @property
    def values(self) -> dict[str, str]: ...

    @property
    def floats(self) -> frozenset[str]:
        """Headers whose cell was a binary fraction in a workbook (not typed text)."""
        ...


class TableLike(Protocol):
    @property
    def source(self) -> str: ...

    @property
    def headers(self) -> tuple[str, ...]: ...

    @property
    def rows(self) -> Sequence[RowLike]: ...

    def columns(self, headers: Sequence[str]) -> list[list[str]]:
        """The rows' cells under each of `headers`, column by column ("" where none)."""
        ...


@dataclass
class ImportReport:
    kind: str
    source: str
    created: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)   # "row N: name: why"
    notes: list[str] = field(default_factory=list)     # corrections and remarks
    changes: OpChanges = field(default_factory=OpChanges)

    def lines(self) -> list[str]:
        out = [f"{self.source}: {len(self.created)} created, {len(self.updated)} updated, "
               f"{len(self.skipped)} skipped"]
        out += [f"  created {x}" for x in self.created]
        out += [f"  updated {x}" for x in self.updated]
        out += [f"  skipped {x}" for x in self.skipped]
        out += [f"  note: {x}" for x in self.notes]
        return out


class ImportRefused(DomainError):
    """At least one row was refused; nothing was written. `problems` name rows and fields."""

    def __init__(self, source: str, problems: Sequence[str]):
        self.source, self.problems = source, list(problems)
        shown = "\n".join(f"  {p}" for p in self.problems[:50])
        more = len(self.problems) - 50
        super().__init__(f"{source}: nothing was imported, {len(self.problems)} problem(s):\n"
                         f"{shown}" + (f"\n  ... and {more} more" if more > 0 else ""))


Columns = Mapping[str, tuple[str, ...]]  # field -> accepted (normalised) header names


def resolve_columns(table: TableLike, columns: Columns, required: Sequence[str]
                    ) -> dict[str, str]:
    """field -> header in this file. Missing required columns are refused by name."""
    found = {f: next((h for h in names if h in table.headers), "")
             for f, names in columns.items()}
    missing = [f for f in required if not found[f]]
    if missing:
        wanted = "; ".join(f"'{f}' (any of: {', '.join(columns[f])})" for f in missing)
        raise ImportRefused(table.source, [
            f"row 1: missing column {wanted}; the file has: "
            f"{', '.join(h for h in table.headers if h) or 'no named columns'}"])
    if not table.rows:
        raise ImportRefused(table.source, ["the file has column names but no data rows"])
    return {f: h for f, h in found.items() if h}


class ImportCancelled(DomainError):
    """The user cancelled the import; nothing was written."""


Progress = Callable[[int, int], bool]
"""progress(rows_done, rows_total) -> False to cancel."""


class RowProblems:
    """Collects row errors so one run reports them all, and reports progress."""

    def __init__(self, progress: Progress | None = None) -> None:
        self.items: list[str] = []
        self._progress = progress

    def rows(self, rows: Sequence[RowLike]) -> Iterator[RowLike]:
        """The rows, reporting progress every 500; raises ImportCancelled on request."""
        total = len(rows)
        for i, row in enumerate(rows):
            if self._progress is not None and i % 500 == 0 and self._progress(i, total) is False:
                raise ImportCancelled("Import cancelled: nothing was imported.")
            yield row

    def add(self, row: int, error: Exception | str) -> None:
        if isinstance(error, ValidationError) and error.row is None:
            error.row = row
            self.items.append(str(error))
        else:
            self.items.append(f"row {row}: {error}")

    def raise_if_any(self, source: str) -> None:
        if self.items:
            raise ImportRefused(source, self.items)


class FirstRows:
    """Tells the first row of each name from its repeats, in one import: a repeat with the
    same values is skipped (and reported), one with other values is refused."""

    def __init__(self) -> None:
        self._seen: dict[str, tuple[int, dict[str, str]]] = {}

    def is_first(self, name: str, row: RowLike, problems: RowProblems,
                 report: ImportReport) -> bool:
        key = name_key(name)
        if key not in self._seen:
            self._seen[key] = (row.number, row.values)
            return True
        earlier, values = self._seen[key]
        if values == row.values:
            report.skipped.append(f"row {row.number}: {name}: same as row {earlier}")
        else:
            problems.add(row.number, ValidationError(
                f"{name} is also on row {earlier} with other values", field="name"))
        return False


def number_cell(row: RowLike, header: str) -> str | float:
    """A numeric cell as clean_decimal should read it: a workbook's binary fraction as a
    float (it may be rounded to cents), anything typed as the text (it may not)."""
    text = row.values.get(header, "")
    return float(text) if header in row.floats else text


_ISO = re.compile(r"\d{4}-\d{2}-\d{2}(?:[T ].+)?")
_DAY_MONTH = re.compile(r"(\d{1,2})([./])(\d{1,2})\2(\d{4})")


def parse_date(text: str, field_name: str) -> date | None:
    """ISO (YYYY-MM-DD, also with a time), DD.MM.YYYY, or a slashed date whose day and
    month cannot be mistaken: 25/03/2024 and 03/25/2024 are both 25 March, 03/04/2024 is
    refused, since it is 3 April in Europe and March 4 in the US."""
    text = text.strip()
    if not text:
        return None
    try:
        if _ISO.fullmatch(text):
            return datetime.fromisoformat(text).date()
        found = _DAY_MONTH.fullmatch(text)
        if found:
            first, mark, second, year = found.groups()
            day, month = _day_month(int(first), int(second), mark, text, field_name)
            return date(int(year), month, day)
    except ValueError:
        pass
    raise ValidationError(f"'{text}' is not a date (use YYYY-MM-DD)", field=field_name)


def _day_month(first: int, second: int, mark: str, text: str,
               field_name: str) -> tuple[int, int]:
    if mark == "." or first > 12 or first == second:
        return first, second
    if second > 12:
        return second, first
    raise ValidationError(f"'{text}' is ambiguous: write it as YYYY-MM-DD", field=field_name)


Apply = Callable[[UnitOfWork, ImportReport, RowProblems], Any]
"""apply(uow, report, problems): validate the rows and change the workspace through uow."""


def apply_import(uow: UnitOfWork, report: ImportReport, apply: Apply,
                 progress: Progress | None = None) -> ImportReport:
    """Validate and apply inside the caller's unit of work, without committing. Raises
    ImportRefused if any row was refused, ImportCancelled if the user cancelled: then the
    caller must not commit."""
    problems = RowProblems(progress)
    apply(uow, report, problems)
    problems.raise_if_any(report.source)
    return report


def run_import(uow_factory: UnitOfWorkFactory, report: ImportReport, apply: Apply,
               progress: Progress | None = None) -> ImportReport:
    """Validate and apply in one unit of work; commit only if no row was refused and the
    user did not cancel."""
    with uow_factory() as uow:
        apply_import(uow, report, apply, progress)
        uow.commit()
    return report
