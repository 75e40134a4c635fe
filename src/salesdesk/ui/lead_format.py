"""Words and colours for leads (no widgets, no database): statuses, SLA states, ageing,
segments, score parts, activities and spans of business time.

The domain returns enums; these turn them into translated words and readable colours, so
the board, its filters, the detail panel and the dialogs all say the same.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from PySide6.QtCore import QDate, QDateTime, QLocale, QTime
from PySide6.QtGui import QColor

from salesdesk.domain.lead_activities import LeadActivityKind
from salesdesk.domain.lead_scoring import PartKind, ScorePart
from salesdesk.domain.leads import LeadStatus
from salesdesk.domain.speed_to_lead import AgeBucket, BusinessHours, SlaState, age_bucket
from salesdesk.ui.i18n import tr

AGE_COLOURS = {AgeBucket.FRESH: "#e6f4ea", AgeBucket.AGEING: "#fff4d6",
               AgeBucket.LATE: "#fde2cf", AgeBucket.STALE: "#f9d4d2"}
"""Pastel backgrounds under dark text: green, amber, orange, rose."""
CONTACTED_COLOUR = "#eef1f5"
POSITIVE_COLOUR = "#1e7b34"
NEGATIVE_COLOUR = "#b3261e"
MINUTE = timedelta(minutes=1)


def _word(words: Mapping[Any, str], kind: Callable[[Any], Any], value: Any) -> str:
    """The word for `value` read as `kind` (an enum); the value itself when it is none."""
    try:
        return words[kind(value)]
    except ValueError:
        return str(value)


def status_text(status: LeadStatus | str) -> str:
    words = {LeadStatus.NEW: tr("New"), LeadStatus.CONTACTED: tr("Contacted"),
             LeadStatus.QUALIFIED: tr("Qualified"), LeadStatus.NURTURING: tr("Nurturing"),
             LeadStatus.UNQUALIFIED: tr("Unqualified"), LeadStatus.CONVERTED: tr("Converted"),
             LeadStatus.DISQUALIFIED: tr("Disqualified")}
    return _word(words, LeadStatus, status)


def sla_text(state: SlaState | str) -> str:
    words = {SlaState.NO_SLA: tr("No deadline"), SlaState.ON_TIME: tr("On time"),
             SlaState.DUE_SOON: tr("Due soon"), SlaState.OVERDUE: tr("Overdue"),
             SlaState.MET: tr("Met"), SlaState.MISSED: tr("Missed")}
    return _word(words, SlaState, state)


def age_text(bucket: AgeBucket | str) -> str:
    """How long an uncontacted lead has waited, against its first-contact deadline."""
    words = {AgeBucket.FRESH: tr("Fresh"), AgeBucket.AGEING: tr("Ageing"),
             AgeBucket.LATE: tr("Late"), AgeBucket.STALE: tr("Stale"),
             AgeBucket.CONTACTED: tr("Contacted")}
    return _word(words, AgeBucket, bucket)


def age_colour(bucket: AgeBucket) -> QColor | None:
    """A pastel background for how long an uncontacted lead has waited; None once
    contacted (no colour: nothing to chase)."""
    colour = AGE_COLOURS.get(bucket)
    return QColor(colour) if colour else None


def segment_kind_text(manual: bool) -> str:
    """How a lead came to be in a segment."""
    return tr("added by hand") if manual else tr("by the segment's rules")


def part_kind_text(kind: PartKind | str) -> str:
    """What kind of thing earned a score part: a rule or a fit with the ideal profile."""
    words = {PartKind.RULE: tr("Rule"), PartKind.SECTOR: tr("Sector fit"),
             PartKind.COUNTRY: tr("Country fit"), PartKind.REGION: tr("Region fit"),
             PartKind.EMPLOYEES: tr("Company size fit"),
             PartKind.SENIORITY: tr("Seniority"), PartKind.SOURCE: tr("Source fit"),
             PartKind.CLAMP: tr("Cap")}
    return _word(words, PartKind, kind)


def score_part_text(part: ScorePart) -> str:
    """One explained contribution to a score, in the user's language, without its points
    ('Sector telecommunications is in the ideal profile')."""
    subject, detail = part.subject, part.detail
    words = {PartKind.RULE: subject,
             PartKind.CLAMP: tr("Capped at {0}").format(subject),
             PartKind.EMPLOYEES: tr("{0} employees, within the ideal {1}").format(subject,
                                                                                   detail),
             PartKind.SENIORITY: tr("Job title {0} is senior").format(subject)
             if detail.casefold() in subject.casefold()
             else tr("Job title {0} is senior ({1})").format(subject, detail),
             PartKind.SECTOR: tr("Sector {0} is in the ideal profile").format(subject),
             PartKind.COUNTRY: tr("Country {0} is in the ideal profile").format(subject),
             PartKind.REGION: tr("Region {0} is in the ideal profile").format(subject),
             PartKind.SOURCE: tr("Source {0} is in the ideal profile").format(subject)}
    text = words.get(part.kind, subject)
    return text[:1].upper() + text[1:]


def points_text(points: int) -> str:
    """'+15', '−10' (a real minus sign, which lines up with the plus)."""
    return f"+{points}" if points >= 0 else f"\u2212{-points}"


def activity_text(kind: LeadActivityKind | str) -> str:
    words = {LeadActivityKind.CALL: tr("Call"), LeadActivityKind.EMAIL: tr("E-mail"),
             LeadActivityKind.MEETING: tr("Meeting"), LeadActivityKind.NOTE: tr("Note"),
             LeadActivityKind.STATUS: tr("Status"),
             LeadActivityKind.ASSIGNMENT: tr("Assignment")}
    return _word(words, LeadActivityKind, kind)


def span_text(took: timedelta) -> str:
    """'40 min', '3 h 5 min', '13 h', '4 days'."""
    minutes = int(took.total_seconds() // 60)
    if minutes < 60:
        return tr("{0} min").format(max(minutes, 1))
    hours, minutes = divmod(minutes, 60)
    if hours < 10 and minutes:
        return tr("{0} h {1} min").format(hours, minutes)
    if hours < 48:
        return tr("{0} h").format(hours)
    return tr("{0} days").format(hours // 24)


def hours_text(hours: float | None) -> str:
    """Business hours as a span ('1 h 20 min', '35 min'); '—' when nothing was measured."""
    if hours is None:
        return "—"
    minutes = round(hours * 60)
    if minutes < 60:
        return tr("{0} min").format(minutes)
    whole, rest = divmod(minutes, 60)
    return tr("{0} h {1} min").format(whole, rest) if rest else tr("{0} h").format(whole)


@dataclass(frozen=True)
class FirstContact:
    """Where a lead stands against its first-contact deadline, in words."""

    text: str
    bucket: AgeBucket
    """Its ageing (CONTACTED once reached or when no deadline applies)."""


def when_text(at: datetime, hours: BusinessHours) -> str:
    """A moment in the workspace's zone, short: 'Fri 17:00' (weekday names from the
    locale through QLocale, as elsewhere in the app)."""
    local = hours.local(at)
    moment = QDateTime(QDate(local.year, local.month, local.day),
                       QTime(local.hour, local.minute))
    return QLocale().toString(moment, "ddd HH:mm")


def deadline_text(due: datetime, now: datetime, hours: BusinessHours) -> str:
    """'overdue by 2 h', 'due in 40 min' in business time; when the clock has stopped
    (a weekend, the night) and no business minute has passed, the moment itself:
    'overdue since Fri 17:00', 'due Mon 10:00'. Lower case, for the board's column."""
    if due < now:
        late = hours.between(due, now)
        return tr("overdue by {0}").format(span_text(late)) if late >= MINUTE else \
            tr("overdue since {0}").format(when_text(due, hours))
    left = hours.between(now, due)
    return tr("due in {0}").format(span_text(left)) if left >= MINUTE else \
        tr("due {0}").format(when_text(due, hours))


def contacted_text(arrived: datetime, contacted: datetime, hours: BusinessHours) -> str:
    """'contacted in 35 min' (business time from arrival) or 'contacted before hours'."""
    took = hours.between(arrived, contacted)
    return tr("contacted in {0}").format(span_text(took)) if took >= MINUTE else \
        tr("contacted before hours")


def first_contact(arrived: datetime, due: datetime | None, contacted: datetime | None,
                  is_open: bool, now: datetime, hours: BusinessHours) -> FirstContact:
    """'Due in 40 min', 'Overdue by 2 h', 'Contacted after 35 min', every span in business
    time (evenings, weekends and holidays do not count)."""
    if contacted is not None:
        took = hours.between(arrived, contacted)
        text = tr("Contacted after {0}").format(span_text(took)) if took >= MINUTE else \
            tr("Contacted outside business hours, before the clock started")
        if due is not None:
            text += " — " + (tr("missed the deadline") if contacted > due
                             else tr("within the deadline"))
        return FirstContact(text, AgeBucket.CONTACTED)
    if due is None or not is_open:
        return FirstContact(tr("No first-contact deadline applies"), AgeBucket.CONTACTED)
    bucket = age_bucket(arrived, due, None, now, hours)
    text = deadline_text(due, now, hours)
    return FirstContact(text[:1].upper() + text[1:], bucket)
