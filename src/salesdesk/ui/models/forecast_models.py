"""The Forecast tab's models: the drill-down table (the deals behind a figure, a bar or a
point) and the functions that turn forecast and analysis results into what the charts
draw and the words the tab shows.

Results arrive as plain frozen records (services.forecast, storage.analysis_rows);
nothing here holds a Session or touches the database, and nothing imports pyqtgraph.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor

from salesdesk.ui.charts.data import (
    Bar,
    Formats,
    FunnelStep,
    SeriesData,
    Tone,
    compact_money,
    count_formats,
    days_tick,
    money_formats,
    percent_tick,
)
from salesdesk.ui.i18n import tr
from salesdesk.ui.models.board_model import money_text

if TYPE_CHECKING:
    from salesdesk.services.forecast import (
        ForecastDeal,
        ForecastResult,
        SeriesPoint,
        WaterfallResult,
    )
    from salesdesk.storage.analysis_rows import FunnelRow, LeaderRow

Index = QModelIndex | QPersistentModelIndex
ROOT = QModelIndex()
ZERO = Decimal(0)
MUTED = QColor("#6b7785")
NEGATIVE = QColor("#b3261e")


# --- the drill-down -----------------------------------------------------------------------
@dataclass(frozen=True)
class DrillRow:
    deal_id: str
    label: str
    owner: str
    amount: Decimal | None
    contribution: Decimal


@dataclass(frozen=True)
class Drill:
    """What the drill-down panel lists: a title, the deals, and their total."""

    title: str
    rows: tuple[DrillRow, ...] = ()
    note: str = ""

    @property
    def total(self) -> Decimal:
        return sum((r.contribution for r in self.rows), ZERO)


def _headers() -> tuple[str, ...]:
    return (tr("Deal"), tr("Owner"), tr("Amount"), tr("Contribution"))


class DrillModel(QAbstractTableModel):
    """The deals behind what was clicked, biggest contribution first; read-only."""

    def __init__(self, parent: Any = None):
        super().__init__(parent)
        self.drill = Drill("")
        self.currency = ""

    def set_drill(self, drill: Drill, currency: str) -> None:
        self.beginResetModel()
        self.drill, self.currency = drill, currency
        self.endResetModel()

    def rowCount(self, parent: Index = ROOT) -> int:  # noqa: N802 (Qt override)
        return 0 if parent.isValid() else len(self.drill.rows)

    def columnCount(self, parent: Index = ROOT) -> int:  # noqa: N802 (Qt override)
        return 0 if parent.isValid() else len(_headers())

    def headerData(self, section: int, orientation: Qt.Orientation,  # noqa: N802
                   role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(_headers()):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return _headers()[section]
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return _align(section >= 2)
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.drill.rows):
            return None
        row, column = self.drill.rows[index.row()], index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return self._text(row, column)
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return _align(column >= 2)
        if role == Qt.ItemDataRole.ForegroundRole and column == 3 and row.contribution < 0:
            return NEGATIVE
        if role == Qt.ItemDataRole.ForegroundRole and column == 1 and not row.owner:
            return MUTED
        return None

    def _text(self, row: DrillRow, column: int) -> str:
        if column == 0:
            return row.label
        if column == 1:
            return row.owner or tr("(no owner)")
        if column == 2:
            return "" if row.amount is None else signed_money(row.amount, self.currency)
        return signed_money(row.contribution, self.currency)

    @property
    def has_amounts(self) -> bool:
        return any(r.amount is not None for r in self.drill.rows)


def signed_money(amount: Decimal, currency: str) -> str:
    """'€1,250.00', '−€1,250.00': the sign before the symbol, a true minus."""
    text = money_text(abs(amount), currency, cents=True)
    return f"−{text}" if amount < 0 else text


def _align(numeric: bool) -> Qt.AlignmentFlag:
    return (Qt.AlignmentFlag.AlignRight if numeric else Qt.AlignmentFlag.AlignLeft) | \
        Qt.AlignmentFlag.AlignVCenter


# --- headline figures -----------------------------------------------------------------------
def figure_words() -> dict[str, tuple[str, str]]:
    """Figure key -> (caption, what it means)."""
    return {
        "closed_won": (tr("Closed won"), tr("Won so far in the period.")),
        "weighted": (tr("Weighted"), tr(
            "Closed won plus each open deal expected in the period times its probability.")),
        "commit": (tr("Commit"), tr("Closed won plus the open deals marked commit.")),
        "best_case": (tr("Best case"), tr(
            "Closed won plus the open deals marked commit or best case.")),
        "historical": (tr("Historical"), tr(
            "Closed won plus the open deals at the win rates and timing learned from this "
            "workspace's closed deals, plus the run rate of deals created and won inside "
            "the period.")),
        "run_rate": (tr("Run rate"), tr(
            "Deals expected to be created and won inside the period, from past periods.")),
        "p50": (tr("P10 · P50 · P90"), tr(
            "Monte Carlo: each open deal closes with its learned odds and timing; 10 %, 50 % "
            "and 90 % of 10,000 simulated outcomes are at or below these totals.")),
    }


def method_words() -> dict[str, str]:
    """Backtest method -> its name for people."""
    return {"weighted_default": tr("Weighted, default stage odds (CRM baseline)"),
            "weighted": tr("Weighted"), "commit": tr("Commit"), "best_case": tr("Best case"),
            "historical": tr("Historical"), "monte_carlo_p50": tr("Monte Carlo P50")}


def figure_drill(result: ForecastResult, key: str, currency: str) -> Drill:
    """The deals behind a headline figure. P10-P90: the open deals simulated, each with
    its expected part (its historical contribution)."""
    simulated = key in ("p10", "p50", "p90")
    deals = result.deals_behind(key)
    rows = tuple(deal_rows(deals, "historical" if simulated else key))
    if simulated:
        title = tr("Monte Carlo — {0}, {1}: P10 {2} · P50 {3} · P90 {4}").format(
            result.period, result.scope_label, money_text(result.p10, currency),
            money_text(result.p50, currency), money_text(result.p90, currency))
        note = tr("The open deals simulated; each one's contribution is its expected part. "
                  "Closed won and the run rate are added to every outcome.")
        return Drill(title, rows, note)
    title = tr("{0} — {1}, {2}: {3}").format(figure_words()[key][0], result.period,
                                             result.scope_label,
                                             money_text(result.figure(key), currency))
    note = tr("Past deals (run rate): won in earlier periods, each counted at its won "
              "amount divided by the number of periods averaged.") \
        if any(d.past for d in deals) else ""
    return Drill(title, rows, note)


def deal_rows(deals: Sequence[ForecastDeal], key: str) -> list[DrillRow]:
    return [DrillRow(d.deal_id, d.label, d.owner, d.amount,
                     d.contributions.get(key, ZERO)) for d in deals]


# --- the waterfall ------------------------------------------------------------------------
def part_word(part: str, reason: str | None = None) -> str:
    words = {
        "won_as_forecast": tr("Won as forecast"),
        "grew_or_shrunk": tr("Grew or shrank"),
        "slipped": tr("Slipped"),
        "reassigned": tr("Reassigned"),
        "pulled_in": tr("Pulled in"),
        "new": tr("New deals"),
    }
    if part == "lost":
        return tr("Lost: {0}").format(reason) if reason else tr("Lost (no reason)")
    return words.get(part, part)


def _step_tone(part: str, total: Decimal) -> Tone:
    if part == "lost":
        return Tone.LOST
    return Tone.UP if total >= 0 else Tone.DOWN


def _signed(amount: Decimal, currency: str) -> str:
    text = compact_money(abs(amount), currency)
    return f"+{text}" if amount >= 0 else f"−{text}"


def waterfall_bars(wf: WaterfallResult, currency: str) -> list[Bar]:
    """Forecast, every step that moved money (up or down from the running total), actual."""
    bars = [Bar("waterfall|forecast", tr("Forecast"), wf.forecast, ZERO, Tone.TOTAL,
                compact_money(wf.forecast, currency))]
    level = wf.forecast
    for i, step in enumerate(wf.steps):
        if not step.total and not step.deals:
            continue
        bars.append(Bar(f"waterfall|{i}", part_word(step.part, step.reason),
                        step.total, level, _step_tone(step.part, step.total),
                        _signed(step.total, currency)))
        level += step.total
    bars.append(Bar("waterfall|actual", tr("Actual"), wf.actual, ZERO, Tone.TOTAL,
                    compact_money(wf.actual, currency)))
    return bars


def waterfall_drill(wf: WaterfallResult, which: str, currency: str) -> Drill:
    """The deals behind a bar: `which` is forecast, actual or a step's index."""
    if which == "forecast":
        name, total, deals = tr("Forecast at the start (weighted)"), wf.forecast, \
            wf.forecast_deals
    elif which == "actual":
        name, total, deals = tr("Actual won"), wf.actual, wf.actual_deals
    else:
        step = wf.steps[int(which)]
        name, total, deals = part_word(step.part, step.reason), step.total, step.deals
    title = tr("{0} — {1}: {2}").format(name, wf.period, signed_money(total, currency))
    rows = sorted((DrillRow(d.deal_id, d.label, d.owner, None, d.value) for d in deals),
                  key=lambda r: (-abs(r.contribution), r.label))
    return Drill(title, tuple(rows))


# --- the funnel and the leaderboard -------------------------------------------------------
def funnel_steps(row: FunnelRow | None) -> list[FunnelStep]:
    if row is None:
        return []
    tones = {"won": Tone.UP, "lost": Tone.LOST}
    return [FunnelStep(f"funnel|{s.stage}", s.stage, s.reached, s.dropped,
                       tones.get(s.outcome, Tone.TOTAL)) for s in row.stages]


def drop_text(step: FunnelStep) -> str:
    if step.dropped is None or not step.reached:
        return ""
    if not step.dropped:
        return tr("▼ none dropped")
    share = round(Decimal(step.dropped) * 100 / step.reached)
    return tr("▼ {0:,} dropped ({1} %)").format(step.dropped, share)


def metric_words() -> dict[str, str]:
    return {"won_amount": tr("Won amount"), "won_count": tr("Deals won"),
            "win_rate": tr("Win rate"), "avg_deal": tr("Average deal"),
            "cycle_days": tr("Sales cycle (days)"), "velocity": tr("Pipeline velocity"),
            "activities": tr("Activities done")}


def as_decimal(value: Any) -> Decimal:
    """A metric's value (Decimal, int, float or Fraction) as an exact Decimal."""
    if isinstance(value, Decimal):
        return value
    if isinstance(value, int):
        return Decimal(value)
    if isinstance(value, float):
        return Decimal(repr(value))
    return Decimal(value.numerator) / Decimal(value.denominator)


def metric_formats(metric: str, currency: str) -> Formats:
    """How the leaderboard's value axis and labels write `metric`."""
    if metric in ("won_amount", "avg_deal", "velocity"):
        return money_formats(currency)
    if metric == "win_rate":
        return Formats(percent_tick)
    if metric == "cycle_days":
        return Formats(days_tick)
    return count_formats()


def metric_text(metric: str, value: Any, currency: str) -> str:
    if value is None:
        return tr("n/a")
    number = as_decimal(value)
    if metric in ("won_amount", "avg_deal"):
        return compact_money(number, currency)
    if metric == "velocity":
        return tr("{0}/day").format(compact_money(number, currency))
    if metric == "win_rate":
        return f"{round(number * 100, 1)} %"
    if metric == "cycle_days":
        return tr("{0} days").format(round(number, 1))
    return f"{int(number):,}"


def leader_bars(rows: Sequence[LeaderRow], metric: str, currency: str,
                highlight: str | None = None, limit: int = 12) -> list[Bar]:
    """The first `limit` ranked rows (and the highlighted one, wherever it ranks)."""
    shown = [r for r in rows if r.value is not None][:limit]
    extra = [r for r in rows if r.key == highlight and r not in shown and r.value is not None]
    return [Bar(f"leader|{r.key}", f"{r.rank}. {r.key}", as_decimal(r.value), ZERO,
                Tone.HIGHLIGHT if r.key == highlight else Tone.TOTAL,
                metric_text(metric, r.value, currency))
            for r in (*shown, *extra)]


# --- the series ---------------------------------------------------------------------------
def series_data(points: Sequence[SeriesPoint], start: date, end: date) -> SeriesData:
    """The series, with the periods inside start..end (the tab's period) highlighted."""
    names = tuple(p.period for p in points)
    inside = [i for i, p in enumerate(points) if start <= p.start < end or
              p.start <= start < p.end]
    return SeriesData(
        periods=names, forecast=tuple(p.p50 for p in points),
        weighted=tuple(p.weighted for p in points), p10=tuple(p.p10 for p in points),
        p90=tuple(p.p90 for p in points), actual=tuple(p.actual for p in points),
        quota=tuple(p.quota for p in points),
        current=(inside[0], inside[-1]) if inside else None)


