"""Words and figures the deal dialogs show (no widgets, no database): money in the
workspace currency, forecast categories, activity kinds, dates and time in stage.

Money is formatted from the Decimal itself, never through a float, so what the user reads
is exactly what is stored.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal

from PySide6.QtCore import QDate, QDateTime, QLocale, QTimeZone

from salesdesk.domain.deals import ActivityKind
from salesdesk.domain.errors import ValidationError
from salesdesk.domain.pipeline import ForecastCategory
from salesdesk.storage.rows import StageChangeRow
from salesdesk.ui.i18n import tr

MAX_AMOUNT = Decimal("1000000000000")
"""Amounts from here up are refused: far beyond any deal, and they would not fit in storage
once multiplied out."""


def money_text(value: Decimal | None, currency: str = "") -> str:
    """'12,345.50 EUR' with the locale's separators; '—' for no amount."""
    if value is None:
        return "—"
    locale = QLocale()
    grouped = f"{value:,.2f}"  # Decimal formatting is exact
    text = (grouped.replace(",", "\0").replace(".", locale.decimalPoint())
            .replace("\0", locale.groupSeparator()))
    return f"{text} {currency}".strip()


def plain_amount(value: Decimal) -> str:
    """An amount as an input field holds it: no grouping, two decimals ('2676800.00')."""
    return f"{value:.2f}"


def percent_text(value: Decimal) -> str:
    """A discount as typed back: '10', '12.5'."""
    text = f"{value:f}"
    return text.rstrip("0").rstrip(".") if "." in text else text


def category_word(category: str | None) -> str:
    words = {ForecastCategory.PIPELINE: tr("Pipeline"),
             ForecastCategory.BEST_CASE: tr("Best case"),
             ForecastCategory.COMMIT: tr("Commit"), ForecastCategory.CLOSED: tr("Closed"),
             ForecastCategory.OMITTED: tr("Omitted")}
    try:
        return words[ForecastCategory(category or "")]
    except ValueError:
        return category or ""


OVERRIDE_CATEGORIES = (ForecastCategory.PIPELINE, ForecastCategory.BEST_CASE,
                       ForecastCategory.COMMIT)
"""What a user may put an open deal in, overriding its stage's category."""


def kind_word(kind: str) -> str:
    words = {ActivityKind.CALL: tr("Call"), ActivityKind.EMAIL: tr("Email"),
             ActivityKind.MEETING: tr("Meeting"), ActivityKind.TASK: tr("Task")}
    try:
        return words[ActivityKind(kind)]
    except ValueError:
        return kind


def date_text(day: date | None) -> str:
    if day is None:
        return "—"
    return QLocale().toString(QDate(day.year, day.month, day.day), "d MMM yyyy")


def moment_text(at: datetime) -> str:
    """A stored moment (UTC) in the user's local time: '3 Mar 2025 14:05'."""
    aware = at if at.tzinfo is not None else at.replace(tzinfo=UTC)
    stamp = QDateTime.fromSecsSinceEpoch(int(aware.timestamp()), QTimeZone.systemTimeZone())
    return QLocale().toString(stamp, "d MMM yyyy HH:mm")


def duration_text(span: timedelta) -> str:
    days = span.days
    if days < 1:
        return tr("less than a day")
    if days == 1:
        return tr("1 day")
    return tr("{0} days").format(days)


def field_label(field: str | None) -> str:
    """The label a dialog shows for a domain field name."""
    labels = {"title": tr("Title"), "account": tr("Account"), "account_id": tr("Account"),
              "contact": tr("Contact"), "contact_name": tr("Contact"),
              "contact_email": tr("Contact email"), "owner": tr("Owner"),
              "owner_id": tr("Owner"), "stage": tr("Stage"), "probability": tr("Probability"),
              "category": tr("Forecast category"), "expected_close": tr("Expected close"),
              "next_step": tr("Next step"), "amount": tr("Amount"), "product": tr("Product"),
              "product_id": tr("Product"), "quantity": tr("Quantity"),
              "unit_price": tr("Unit price"), "discount": tr("Discount"),
              "subject": tr("Subject"), "due_on": tr("Due"), "note": tr("Note"),
              "kind": tr("Type"), "rotting_days": tr("Rotting after"),
              "lost reason": tr("Lost reason"), "outcome": tr("Stage")}
    return labels.get(field or "", field or "")


def problem_text(exc: ValidationError, field: str | None = None) -> str:
    """"Quantity: 'x' is not a whole number", "Title is required"."""
    label = field_label(field or exc.field)
    if not label:
        return exc.message
    if exc.message == "is required":
        return tr("{0} is required").format(label)
    return tr("{0}: {1}").format(label, exc.message)


@dataclass(frozen=True)
class TimeInStages:
    spans: tuple[timedelta | None, ...]
    """For each history entry, how long the deal stayed (None: it is still there and the
    stage is closed, where time does not count)."""
    totals: tuple[tuple[str, timedelta, bool], ...]
    """(stage, total time, current) per stage the deal was in, in order of first entry."""


def time_in_stages(history: Sequence[StageChangeRow], now: datetime,
                   closed: bool) -> TimeInStages:
    """How long the deal spent in each stage, from its history (oldest first). The stage a
    closed deal ended in has no time: it is an outcome, not a wait."""
    spans: list[timedelta | None] = []
    totals: dict[str, timedelta] = {}
    for i, change in enumerate(history):
        last = i == len(history) - 1
        if last and closed:
            spans.append(None)
            continue
        end = now if last else history[i + 1].at
        span = max(end - change.at, timedelta(0))
        spans.append(span)
        totals[change.to_stage] = totals.get(change.to_stage, timedelta(0)) + span
    current = history[-1].to_stage if history and not closed else None
    return TimeInStages(tuple(spans), tuple((name, span, name == current)
                                            for name, span in totals.items()))
