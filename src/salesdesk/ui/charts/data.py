"""What the charts draw: plain records built from the forecast and analysis results
(ui.models.forecast_models), and the number formats of their axes and labels.

No pyqtgraph here, so the tab, the models and the tests can build chart inputs without
loading it. Money stays Decimal up to the label: a chart only turns it into a float for
the position of a bar or a point.
"""

from __future__ import annotations

import enum
from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal

from salesdesk.ui.i18n import tr
from salesdesk.ui.models.board_model import SYMBOLS

ZERO = Decimal(0)


class Tone(enum.StrEnum):
    """A bar's colour, by meaning."""

    TOTAL = "total"
    UP = "up"
    DOWN = "down"
    NEUTRAL = "neutral"
    HIGHLIGHT = "highlight"
    LOST = "lost"


@dataclass(frozen=True)
class Bar:
    """One bar: from `base` to `base + value` on the value axis."""

    key: str
    """What a click on it drills into (see ForecastTab.drill)."""
    label: str
    """The category axis text."""
    value: Decimal
    base: Decimal = ZERO
    tone: Tone = Tone.TOTAL
    text: str = ""
    """The label drawn on or beside the bar."""
    tip: str = ""


@dataclass(frozen=True)
class FunnelStep:
    key: str
    stage: str
    reached: int
    dropped: int | None
    """Reached here minus reached at the next stage (None: the last stage, or lost)."""
    tone: Tone = Tone.TOTAL


@dataclass(frozen=True)
class SeriesData:
    """Forecast vs actual (vs quota) per period, oldest first."""

    periods: tuple[str, ...] = ()
    forecast: tuple[Decimal, ...] = ()
    """The Monte Carlo P50 at each period's start."""
    weighted: tuple[Decimal, ...] = ()
    p10: tuple[Decimal, ...] = ()
    p90: tuple[Decimal, ...] = ()
    actual: tuple[Decimal | None, ...] = ()
    quota: tuple[Decimal | None, ...] = ()
    """Each period's quota (None: no plan in force, or none for the scope)."""
    current: tuple[int, int] | None = None
    """The first and last index of the periods inside the one the tab shows."""
    quota_note: str = ""
    """What the legend says when no period has a quota (why there is no quota line)."""

    @property
    def has_quota(self) -> bool:
        return any(q is not None for q in self.quota)


@dataclass(frozen=True)
class Formats:
    """How a chart writes its values: the axis ticks (from float positions) and the
    labels (from exact values)."""

    tick: Callable[[float, float], str]
    """(value, tick spacing) -> text."""
    label: Callable[[Decimal], str] = field(default=lambda v: f"{v:,}")


# --- money ------------------------------------------------------------------------------
_UNITS = ((Decimal(1_000_000_000), "bn"), (Decimal(1_000_000), "M"), (Decimal(1_000), "k"))


def _with_symbol(text: str, currency: str) -> str:
    sign, body = ("-", text[1:]) if text.startswith("-") else ("", text)
    symbol = SYMBOLS.get(currency)
    if symbol:
        return f"{sign}{symbol}{body}"
    return f"{sign}{body} {currency}".rstrip()


def compact_money(amount: Decimal, currency: str, places: int | None = None) -> str:
    """'$1.25M', '$350k', '€950': short money for bar labels and axis ticks, rounded half
    up, trailing zeros dropped. `places`: at most so many decimals after a unit (None:
    enough for three significant figures)."""
    unit, suffix = next(((u, s) for u, s in _UNITS if abs(amount) >= u), (Decimal(1), ""))
    scaled = amount / unit
    if places is None:
        places = 0 if unit == 1 else max(0, 3 - len(str(int(abs(scaled)))))
    number = scaled.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)
    text = f"{number:,.{places}f}"
    if places:
        text = text.rstrip("0").rstrip(".")
    return _with_symbol(f"{text}{suffix}", currency)


def money_tick(currency: str) -> Callable[[float, float], str]:
    """Axis ticks in money, never in scientific notation: the unit of the value, and as
    many decimals as the spacing of the ticks needs in that unit."""
    def tick(value: float, spacing: float) -> str:
        amount = Decimal(repr(round(value, 2)))
        unit = next((u for u, _ in _UNITS if abs(amount) >= u), Decimal(1))
        step = Decimal(repr(spacing)) / unit if spacing > 0 else Decimal(1)
        exponent = int(step.normalize().as_tuple().exponent)
        places = min(3, max(0, -exponent))
        return compact_money(amount, currency, places)
    return tick


def count_tick(value: float, _spacing: float) -> str:
    return f"{round(value):,}"


def percent_tick(value: float, _spacing: float) -> str:
    return f"{round(value * 100):d} %"


def days_tick(value: float, _spacing: float) -> str:
    return tr("{0:,} d").format(round(value))


def money_formats(currency: str) -> Formats:
    return Formats(money_tick(currency), lambda v: compact_money(v, currency))


def count_formats() -> Formats:
    return Formats(count_tick, lambda v: f"{int(v):,}")
