"""Attainment per team and rep for one period: quota, won, attainment (drawn as a bar by
quota_panels.AttainmentBarDelegate), gap, pace and pipeline coverage.

Rows are built from services.attainment.AttainmentView, whose figures they carry as they
are: the table shows exactly what the service computed.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass
from datetime import date
from decimal import ROUND_FLOOR, ROUND_HALF_UP, Decimal
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor, QFont

from salesdesk.domain.attainment import Attainment
from salesdesk.ui.i18n import tr
from salesdesk.ui.models.board_model import day_text, money_text

Index = QModelIndex | QPersistentModelIndex
ROOT = QModelIndex()
ROW_ROLE = Qt.ItemDataRole.UserRole + 1
RATIO_ROLE = Qt.ItemDataRole.UserRole + 2
"""The attainment column: the fraction won / quota as a float (None: no quota)."""
MUTED = QColor("#6b7785")
TEAM_BACK = QColor("#e9eff6")
TOTAL_BACK = QColor("#dde6f0")


class Col(enum.IntEnum):
    NAME = 0
    QUOTA = 1
    WON = 2
    ATTAINMENT = 3
    GAP = 4
    PACE = 5
    COVERAGE = 6


class LineKind(enum.StrEnum):
    TEAM = "team"
    MEMBER = "member"
    NO_TEAM = "no_team"
    TOTAL = "total"


@dataclass(frozen=True)
class AttainmentRow:
    kind: LineKind
    id: str | None
    name: str
    figures: Attainment


def build_rows(view: Any) -> list[AttainmentRow]:
    """Each team line followed by its reps, members without a team under a "No team" line
    (their sum), then the total (an AttainmentView from services.attainment)."""
    rows: list[AttainmentRow] = []
    named = {line.name for line in view.teams}
    for line in view.teams:
        rows.append(AttainmentRow(LineKind.TEAM, line.id, line.name, line.figures))
        rows += [_member(m) for m in view.members if m.team == line.name]
    loose = [m for m in view.members if m.team not in named]
    if loose:
        total = loose[0].figures
        for m in loose[1:]:
            total = total + m.figures
        rows.append(AttainmentRow(LineKind.NO_TEAM, None, tr("No team"), total))
        rows += [_member(m) for m in loose]
    rows.append(AttainmentRow(LineKind.TOTAL, None, tr("Total"), view.total.figures))
    return rows


def _member(line: Any) -> AttainmentRow:
    return AttainmentRow(LineKind.MEMBER, line.id, line.name, line.figures)


def percent(fraction: Decimal | None, places: str = "0.1") -> str:
    """Rounded down, so 99.98 % reads 99.9 % (not yet there), as its bar's colour says."""
    if fraction is None:
        return "—"
    return f"{(fraction * 100).quantize(Decimal(places), rounding=ROUND_FLOOR)} %"


def gap_text(gap: Decimal, currency: str) -> str:
    """Still to win, or how far over quota."""
    if gap < 0:
        return tr("{0} over").format(money_text(-gap, currency))
    return money_text(gap, currency)


class AttainmentModel(QAbstractTableModel):
    def __init__(self, parent: Any = None):
        super().__init__(parent)
        self._rows: list[AttainmentRow] = []
        self.currency = ""
        self.as_of = date.today()

    def set_view(self, view: Any) -> None:
        self.beginResetModel()
        self._rows = build_rows(view) if view is not None else []
        self.currency = view.currency if view is not None else ""
        self.as_of = view.as_of if view is not None else date.today()
        self.endResetModel()

    def rows(self) -> list[AttainmentRow]:
        return list(self._rows)

    def row_at(self, row: int) -> AttainmentRow | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def rowCount(self, parent: Index = ROOT) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = ROOT) -> int:  # noqa: N802
        return 0 if parent.isValid() else len(Col)

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(Col):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return _headers()[Col(section)]
        if role == Qt.ItemDataRole.ToolTipRole:
            return _header_tips().get(Col(section), "")
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return _align(section != Col.NAME)
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        row = self.row_at(index.row()) if index.isValid() else None
        if row is None or not 0 <= index.column() < len(Col):
            return None
        column = Col(index.column())
        if role == ROW_ROLE:
            return row
        if role == RATIO_ROLE:
            ratio = row.figures.attainment
            return None if ratio is None else float(ratio)
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(row, column)
        if role == Qt.ItemDataRole.ToolTipRole:
            return self._tip(row, column)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return _align(column != Col.NAME)
        if role == Qt.ItemDataRole.FontRole and row.kind is not LineKind.MEMBER:
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.BackgroundRole:
            return {LineKind.TEAM: TEAM_BACK, LineKind.NO_TEAM: TEAM_BACK,
                    LineKind.TOTAL: TOTAL_BACK}.get(row.kind)
        return None

    def _text(self, row: AttainmentRow, column: Col) -> str:
        f, money = row.figures, self.currency
        if column is Col.NAME:
            return ("    " + row.name) if row.kind is LineKind.MEMBER else row.name
        texts = {Col.QUOTA: lambda: money_text(f.quota, money),
                 Col.WON: lambda: money_text(f.won, money),
                 Col.ATTAINMENT: lambda: percent(f.attainment),
                 Col.GAP: lambda: gap_text(f.gap, money),
                 Col.PACE: lambda: percent(f.pace, "1"),
                 Col.COVERAGE: lambda: _times(f.coverage)}
        return texts[column]()

    def _tip(self, row: AttainmentRow, column: Col) -> str:
        f, money = row.figures, self.currency
        if column is Col.PACE:
            if f.pace is None:
                return tr("Nothing was due yet by {0}").format(day_text(self.as_of))
            word = tr("ahead") if f.ahead >= 0 else tr("behind")
            return tr("{0}: should be at {1} by {2}, is at {3} ({4} {5})").format(
                row.name, money_text(f.expected, money), day_text(self.as_of),
                money_text(f.won, money), money_text(abs(f.ahead), money), word)
        if column is Col.COVERAGE:
            if f.coverage is None:
                return tr("Nothing left to win: coverage does not apply")
            return tr("{0}: open weighted pipeline {1} over the {2} still to win ({3}×)"
                      ).format(row.name, money_text(f.pipeline or Decimal(0), money),
                               money_text(f.remaining, money), f.coverage)
        if column is Col.ATTAINMENT:
            if f.attainment is None:
                return tr("{0} has no quota in this period").format(row.name)
            return tr("{0}: {1} won of a {2} quota").format(
                row.name, money_text(f.won, money, cents=True),
                money_text(f.quota, money, cents=True))
        return self._text(row, column).strip()


COVERAGE_CAP = Decimal(10)
"""Above this, coverage of a nearly met quota says nothing more (the tooltip is exact)."""


def _times(coverage: Decimal | None) -> str:
    if coverage is None:
        return "—"
    if coverage > COVERAGE_CAP:
        return tr("over {0}×").format(COVERAGE_CAP)
    return f"{coverage.quantize(Decimal('0.01'), rounding=ROUND_HALF_UP)}×"


def _headers() -> dict[Col, str]:
    return {Col.NAME: tr("Team / rep"), Col.QUOTA: tr("Quota"), Col.WON: tr("Won"),
            Col.ATTAINMENT: tr("Attainment"), Col.GAP: tr("Gap"), Col.PACE: tr("Pace"),
            Col.COVERAGE: tr("Coverage")}


def _header_tips() -> dict[Col, str]:
    return {Col.ATTAINMENT: tr("Closed won over quota: red under 80 %, amber under 100 %, "
                               "green from 100 %"),
            Col.GAP: tr("Quota still to win (or how far over quota)"),
            Col.PACE: tr("Won so far over what should be won by now (the quota of the "
                         "business days elapsed)"),
            Col.COVERAGE: tr("Open weighted pipeline over the quota still to win")}


def _align(numeric: bool) -> int:
    return int((Qt.AlignmentFlag.AlignRight if numeric else Qt.AlignmentFlag.AlignLeft)
               | Qt.AlignmentFlag.AlignVCenter)
