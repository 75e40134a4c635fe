"""Importing team members, accounts and products from a table (already read from a file).

Every import is one transaction: rows are validated first, and if any row is refused
nothing is written. The report says what was created, updated and skipped, and why.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any, Protocol

from salesdesk.domain.errors import DomainError, ValidationError
from salesdesk.services.common import OpChanges
from salesdesk.services.unit_of_work import UnitOfWork, UnitOfWorkFactory


class RowLike(Protocol):
    @property
    def number(self) -> int: ...

    @property
    def values(self) -> dict[str, str]: ...


class TableLike(Protocol):
    @property
    def source(self) -> str: ...

    @property
    def headers(self) -> tuple[str, ...]: ...

    @property
    def rows(self) -> Sequence[RowLike]: ...


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


def parse_date(text: str, field_name: str) -> date | None:
    if not text:
        return None
    for candidate in (text[:10], text):
        try:
            return date.fromisoformat(candidate)
        except ValueError:
            continue
    for fmt in ("%d/%m/%Y", "%d.%m.%Y", "%m/%d/%Y"):
        from datetime import datetime

        try:
            return datetime.strptime(text, fmt).date()
        except ValueError:
            continue
    raise ValidationError(f"'{text}' is not a date (use YYYY-MM-DD)", field=field_name)


def run_import(uow_factory: UnitOfWorkFactory, report: ImportReport,
               apply: Callable[[UnitOfWork, ImportReport, RowProblems], Any],
               progress: Progress | None = None) -> ImportReport:
    """Validate and apply in one unit of work; commit only if no row was refused and the
    user did not cancel."""
    with uow_factory() as uow:
        problems = RowProblems(progress)
        apply(uow, report, problems)
        problems.raise_if_any(report.source)
        uow.commit()
    return report
