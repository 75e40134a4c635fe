"""The column-mapping table of the lead import: one row per lead field, the file's column
it is read from (editable through a combo), how that was guessed, and sample values.

The model holds the file's headers and a few sample cells, never the whole file, and
writes nothing: `fields()` is the mapping to preview and import with. A column feeds at
most one field: choosing a column another field had moves it (the other field is then
not imported), as services.lead_columns requires.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, replace
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor

from salesdesk.services.imports import TableLike
from salesdesk.services.lead_columns import FIELDS, IDENTITY, LeadMapping
from salesdesk.ui.i18n import tr

Index = QModelIndex | QPersistentModelIndex
ROOT = QModelIndex()
CHOICES_ROLE = Qt.ItemDataRole.UserRole + 1
"""[(text, value)] a combo in this cell offers (see lead_import_pages.ComboDelegate)."""
FIELD, COLUMN, WHY, SAMPLES = range(4)
SAMPLE_COUNT = 3
SAMPLE_SCAN = 500
"""Rows looked through for a column's sample values (a sparse column may show fewer)."""
MUTED = QColor("#6b7785")
_CONTENT = re.compile(r"^content: (\d+)% (.+)$")


def field_label(field: str) -> str:
    """A lead field in words."""
    words = {
        "person_name": tr("Full name"), "first_name": tr("First name"),
        "last_name": tr("Last name"), "email": tr("E-mail"), "phone": tr("Phone"),
        "job_title": tr("Job title"), "company": tr("Company"), "sector": tr("Sector"),
        "country": tr("Country"), "region": tr("Region"), "postcode": tr("Postcode"),
        "employees": tr("Employees"), "source": tr("Source"), "campaign": tr("Campaign"),
        "product_interest": tr("Product interest"), "language": tr("Language"),
        "status": tr("Status"), "status_reason": tr("Status reason"), "notes": tr("Notes"),
        "received_at": tr("Received at"), "first_contacted_at": tr("First contacted at"),
        "owner": tr("Owner"), "manual_segments": tr("Segments")}
    return words.get(field, field.replace("_", " "))


def why_text(why: str) -> str:
    """How a column was chosen (services.lead_columns.ColumnGuess.why), in words."""
    content = _CONTENT.match(why)
    if content:
        kinds = {"e-mail addresses": tr("e-mail addresses"), "phone numbers":
                 tr("phone numbers"), "postcodes": tr("postcodes"), "numbers": tr("numbers"),
                 "dates": tr("dates")}
        return tr("content: {0}% {1}").format(content.group(1),
                                               kinds.get(content.group(2), content.group(2)))
    words = {"header": tr("column name"), "header word": tr("a word of the column name"),
             "remembered": tr("remembered for this file layout"),
             "given": tr("chosen by you"), "": "—"}
    return words.get(why, why)


@dataclass(frozen=True)
class MappingLine:
    field: str
    header: str
    """Normalised header of the file's column, or '' (not imported)."""
    why: str
    """As services.lead_columns words it ('header', 'content: 97% …', 'given', …)."""


def sample_values(table: TableLike, header: str, count: int = SAMPLE_COUNT) -> list[str]:
    """The first `count` non-empty cells of a column (among the first SAMPLE_SCAN rows)."""
    found: list[str] = []
    for row in table.rows[:SAMPLE_SCAN]:
        value = row.values.get(header, "").strip()
        if value:
            found.append(value)
            if len(found) == count:
                break
    return found


class LeadMappingModel(QAbstractTableModel):
    def __init__(self, parent: Any = None):
        super().__init__(parent)
        self._lines: list[MappingLine] = []
        self._labels: dict[str, str] = {}     # normalised header -> the file's own text
        self._samples: dict[str, str] = {}

    def set_mapping(self, mapping: LeadMapping, table: TableLike) -> None:
        """Show `mapping` (guessed, remembered or given) for `table`'s columns."""
        originals: Sequence[str] = getattr(table, "original_headers", table.headers)
        why = {c.header: c.why for c in mapping.columns}
        self.beginResetModel()
        self._labels = {h: (o or h) for h, o in zip(table.headers, originals, strict=False)
                        if h}
        self._samples = {h: " · ".join(sample_values(table, h)) for h in self._labels}
        self._lines = [MappingLine(f, mapping.header_of(f), why.get(mapping.header_of(f), ""))
                       for f in FIELDS]
        self.endResetModel()

    def fields(self) -> dict[str, str]:
        """field -> normalised header, for the fields that are imported."""
        return {line.field: line.header for line in self._lines if line.header}

    def header_label(self, header: str) -> str:
        return self._labels.get(header, header)

    def problem(self) -> str:
        """Why this mapping cannot be imported, or ''."""
        if not any(line.header for line in self._lines if line.field in IDENTITY):
            return tr("No column says who each lead is: map a name, an e-mail or a company "
                      "column.")
        return ""

    def line(self, row: int) -> MappingLine:
        return self._lines[row]

    def row_of(self, field: str) -> int:
        return next(i for i, line in enumerate(self._lines) if line.field == field)

    # --- Qt ---------------------------------------------------------------------------
    def rowCount(self, parent: Index = ROOT) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self._lines)

    def columnCount(self, parent: Index = ROOT) -> int:  # noqa: N802
        return 0 if parent.isValid() else 4

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        names = (tr("Lead field"), tr("Read from column"), tr("Why"), tr("Sample values"))
        return names[section] if 0 <= section < len(names) else None

    def flags(self, index: Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        base = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        return base | Qt.ItemFlag.ItemIsEditable if index.column() == COLUMN else base

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._lines):
            return None
        line, column = self._lines[index.row()], index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(line, column)
        if role == Qt.ItemDataRole.EditRole and column == COLUMN:
            return line.header
        if role == CHOICES_ROLE and column == COLUMN:
            return [(tr("— not imported —"), ""), *((label, h) for h, label
                                                     in self._labels.items())]
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tooltip(line, column)
        if role == Qt.ItemDataRole.ForegroundRole and column != FIELD and not line.header:
            return MUTED
        return None

    def _text(self, line: MappingLine, column: int) -> str:
        if column == FIELD:
            return field_label(line.field)
        if column == COLUMN:
            return self.header_label(line.header) if line.header else tr("— not imported —")
        if column == WHY:
            return why_text(line.why) if line.header else ""
        return self._samples.get(line.header, "") if line.header else ""

    def _tooltip(self, line: MappingLine, column: int) -> str | None:
        if column == FIELD and line.field in IDENTITY:
            return tr("Says who the lead is: at least one of name, e-mail and company must "
                      "be imported.")
        if column == SAMPLES and line.header:
            return self._samples.get(line.header) or tr("The column is empty in the first "
                                                        "rows.")
        return None

    def setData(self, index: Index, value: Any,  # noqa: N802
                role: int = Qt.ItemDataRole.EditRole) -> bool:
        if (role != Qt.ItemDataRole.EditRole or not index.isValid()
                or index.column() != COLUMN or not 0 <= index.row() < len(self._lines)):
            return False
        header = str(value or "")
        if header and header not in self._labels:
            return False
        row = index.row()
        if self._lines[row].header == header:
            return True
        for other, line in enumerate(self._lines):  # a column feeds one field only
            if header and other != row and line.header == header:
                self._set(other, replace(line, header="", why=""))
        self._set(row, replace(self._lines[row], header=header, why="given" if header else ""))
        return True

    def _set(self, row: int, line: MappingLine) -> None:
        self._lines[row] = line
        self.dataChanged.emit(self.index(row, COLUMN), self.index(row, SAMPLES))
