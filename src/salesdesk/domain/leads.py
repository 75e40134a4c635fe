"""Leads: people marketing hands to sales, their status and the rules for moving it.

Rules of the game (what a sales manager reads in the help, enforced here):
- Open statuses are new, contacted, qualified and nurturing; unqualified is parked (it may
  be worked again later); converted and disqualified are closed.
- A lead moves only along ALLOWED_MOVES. Converted is final (undoing a conversion is the
  undo stack's job, which restores the saved state). Disqualified may only be reopened as
  new, with a reason.
- Unqualified and disqualified need a reason ("price objection", "no budget", "spam").
- The first move that means someone spoke to the lead (contacted, qualified, nurturing,
  converted) stamps `first_contacted_at`, once: speed to lead is measured from it.
- Moments are timezone-aware datetimes; a naive one is refused.

Duplicates are found by `email_key` (exact, after normalising case and spaces) and, fuzzily,
on `person_company_key` by the importer (rapidfuzz lives outside the domain).
"""

from __future__ import annotations

import enum
import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime
from functools import lru_cache
from typing import Any

from salesdesk.domain.entity import Entity
from salesdesk.domain.errors import ValidationError
from salesdesk.domain.validation import clean_email, name_key

SCORE_RANGE = range(0, 101)
KNOWN_SOURCES = ("web", "event", "referral", "partner", "cold call", "email campaign", "social")
"""The channels the app offers in its choices; others are accepted as typed."""
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
"""Text a spreadsheet would run as a formula (OWASP's list, as storage/report_export)."""
UPDATABLE_FIELDS = frozenset({
    "person_name", "email", "phone", "job_title", "company", "sector", "country", "region",
    "postcode", "employees", "source", "campaign", "product_interest", "language", "notes",
    "manual_segments"})
"""What Lead.update changes. Status, score, segments, owner, territory and the moments have
their own methods (they carry rules or are computed)."""


class LeadStatus(enum.StrEnum):
    NEW = "new"
    CONTACTED = "contacted"
    QUALIFIED = "qualified"
    NURTURING = "nurturing"
    UNQUALIFIED = "unqualified"
    CONVERTED = "converted"
    DISQUALIFIED = "disqualified"

    @property
    def is_open(self) -> bool:
        """Counts against a rep's capacity and waits for work."""
        return self in OPEN_STATUSES

    @property
    def is_closed(self) -> bool:
        return self in (LeadStatus.CONVERTED, LeadStatus.DISQUALIFIED)


S = LeadStatus
OPEN_STATUSES = frozenset({S.NEW, S.CONTACTED, S.QUALIFIED, S.NURTURING})
REASON_REQUIRED = frozenset({S.UNQUALIFIED, S.DISQUALIFIED})
CONTACT_STATUSES = frozenset({S.CONTACTED, S.QUALIFIED, S.NURTURING, S.CONVERTED})
"""Moving into one of these means someone reached the lead."""
ALLOWED_MOVES: dict[LeadStatus, frozenset[LeadStatus]] = {
    S.NEW: frozenset({S.CONTACTED, S.QUALIFIED, S.NURTURING, S.UNQUALIFIED, S.DISQUALIFIED}),
    S.CONTACTED: frozenset({S.QUALIFIED, S.NURTURING, S.UNQUALIFIED, S.DISQUALIFIED,
                            S.CONVERTED}),
    S.QUALIFIED: frozenset({S.NURTURING, S.UNQUALIFIED, S.DISQUALIFIED, S.CONVERTED}),
    S.NURTURING: frozenset({S.CONTACTED, S.QUALIFIED, S.UNQUALIFIED, S.DISQUALIFIED,
                            S.CONVERTED}),
    S.UNQUALIFIED: frozenset({S.CONTACTED, S.QUALIFIED, S.NURTURING, S.DISQUALIFIED}),
    S.CONVERTED: frozenset(),
    S.DISQUALIFIED: frozenset({S.NEW}),
}


# --- text helpers ---------------------------------------------------------------------

_INVISIBLE = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff\u00ad"))
"""Zero-width characters, BOMs and soft hyphens that spreadsheets and web forms leave in."""


def tidy_text(value: object) -> str:
    """Text as stored: invisible characters dropped, runs of any whitespace (tabs, line
    breaks, no-break spaces) as one space, no leading or trailing space."""
    if value is None:
        return ""
    text = str(value)
    if text.isascii():  # NFC and the invisible characters only concern non-ASCII text
        return " ".join(text.split())
    return " ".join(unicodedata.normalize("NFC", text).translate(_INVISIBLE).split())


def normalized_email(value: object) -> str:
    """An address as duplicates compare it: no spaces anywhere, case folded, a 'mailto:'
    prefix and enclosing angle brackets removed. Not validated; "" when blank."""
    text = "".join(tidy_text(value).split()).casefold()
    if text.startswith("mailto:"):
        text = text[len("mailto:"):]
    if text.startswith("<") and text.endswith(">"):
        text = text[1:-1]
    return text


def email_key(lead: LeadData) -> str | None:
    """The exact-duplicate key: two leads with the same key are the same person."""
    return normalized_email(lead.email) or None


_LEGAL_SUFFIXES = frozenset({
    "inc", "incorporated", "ltd", "limited", "llc", "plc", "corp", "corporation", "co",
    "company", "gmbh", "ag", "sa", "sas", "sarl", "srl", "spa", "bv", "nv", "ab", "oy",
    "as", "kg", "pty", "lp", "llp"})
_PUNCTUATION = re.compile(r"[^\w\s]")


@lru_cache(maxsize=1 << 16)
def company_key(company: str) -> str:
    """A company name as fuzzy matching compares it: case folded, punctuation dropped,
    legal-form words ('Inc.', 'GmbH') left out: 'ACME, Inc.' and 'Acme' give 'acme'."""
    words = _PUNCTUATION.sub(" ", name_key(tidy_text(company))).split()
    return " ".join(w for w in words if w not in _LEGAL_SUFFIXES)


@lru_cache(maxsize=1 << 16)
def person_key(name: str) -> str:
    """A person's name as fuzzy matching compares it: case folded, punctuation dropped."""
    return " ".join(_PUNCTUATION.sub(" ", name_key(tidy_text(name))).split())


def person_company_key(lead: LeadData) -> str:
    """What the importer compares fuzzily when e-mails differ: person and company."""
    return f"{person_key(lead.person_name)} | {company_key(lead.company)}"


def is_formula_like(value: object) -> bool:
    """Text a spreadsheet would evaluate (=, +, -, @, tab or CR first). Such cells are
    stored as typed, never evaluated; every export must neutralise them."""
    return isinstance(value, str) and value.startswith(FORMULA_STARTS)


def neutralised(value: str) -> str:
    """Text safe to write into a spreadsheet cell: a formula-like text gets a leading
    apostrophe, so Excel and LibreOffice show it instead of running it."""
    return "'" + value if is_formula_like(value) else value


_PHONE = re.compile(r"^\+?[\d\s().\-/]+((ext\.?|x|#)\s*\d{1,6})?$", re.IGNORECASE)


def clean_phone(value: object) -> str:
    text = tidy_text(value)
    if not text:
        return ""
    digits = sum(ch.isdigit() for ch in text)
    if len(text) > 40 or not _PHONE.match(text) or not 5 <= digits <= 20:
        raise ValidationError(f"'{text[:40]}' is not a phone number", field="phone")
    return text


# --- the lead -------------------------------------------------------------------------


def _moment(value: datetime | None, field: str) -> datetime | None:
    if value is None:
        return None
    if not isinstance(value, datetime) or value.tzinfo is None or value.utcoffset() is None:
        raise ValidationError(f"'{value}' is not a moment with a time zone", field=field)
    return value


CACHED_TEXT = 256
"""Texts up to this long are tidied once per distinct value (an import repeats the same
company, country or source thousands of times)."""
_tidy_short = lru_cache(maxsize=1 << 16)(tidy_text)


def _text(value: object, field: str, max_len: int = 200) -> str:
    """Tidy text within `max_len` characters (as clean_text would refuse it)."""
    short = isinstance(value, str) and len(value) <= CACHED_TEXT
    text = _tidy_short(value) if short else tidy_text(value)
    if len(text) > max_len:
        raise ValidationError(f"is longer than {max_len} characters", field=field)
    return text


def clean_segment_names(names: Iterable[object], field: str = "segments") -> list[str]:
    """Distinct names (case-insensitively), first spelling kept, in the order given."""
    seen: dict[str, str] = {}
    for raw in names:
        name = _text(raw, field, 80)
        if name and name_key(name) not in seen:
            seen[name_key(name)] = name
    return list(seen.values())


@dataclass(frozen=True)
class StatusChange:
    """One move of a lead's status: what the activity log records and undo restores."""

    lead_id: str
    old: LeadStatus
    new: LeadStatus
    reason: str
    at: datetime
    old_reason: str = ""
    stamped_first_contact: bool = False


def check_move(old: LeadStatus | str, new: LeadStatus | str, reason: str = "") -> LeadStatus:
    """The new status if the move is allowed; else a ValidationError on 'status' saying why.
    Staying in the same status is allowed (to change the reason)."""
    old_s, new_s = _status(old), _status(new)
    if new_s is not old_s and new_s not in ALLOWED_MOVES[old_s]:
        if old_s is S.CONVERTED:
            why = "a converted lead is final; undo the conversion instead"
        elif old_s is S.DISQUALIFIED:
            why = "a disqualified lead can only be reopened as new"
        else:
            allowed = ", ".join(sorted(ALLOWED_MOVES[old_s]))
            why = f"from {old_s} a lead can go to {allowed}"
        raise ValidationError(f"cannot move from {old_s} to {new_s}: {why}", field="status")
    reopening = old_s is S.DISQUALIFIED and new_s is S.NEW
    if not tidy_text(reason) and (new_s in REASON_REQUIRED or reopening):
        what = "reopening a disqualified lead" if reopening else f"{new_s}"
        raise ValidationError(f"{what} needs a reason", field="status_reason")
    return new_s


def _status(value: LeadStatus | str) -> LeadStatus:
    try:
        return LeadStatus(value)
    except ValueError:
        known = ", ".join(s.value for s in LeadStatus)
        raise ValidationError(f"'{value}' is not a lead status (known: {known})",
                              field="status") from None


@dataclass(eq=False, kw_only=True)
class LeadData(Entity):
    """A lead: its fields, their rules and its behaviour. Never mapped to the database:
    an import validates, scores and segments a hundred thousand of these at plain-object
    speed; storage maps the subclass Lead, whose every attribute access SQLAlchemy
    instruments."""

    person_name: str = ""
    email: str | None = None
    phone: str = ""
    job_title: str = ""
    company: str = ""
    sector: str = ""
    country: str = ""
    region: str = ""
    postcode: str = ""
    employees: int | None = None
    source: str = ""
    campaign: str = ""
    product_interest: str = ""
    language: str = ""
    status: LeadStatus = LeadStatus.NEW
    status_reason: str = ""
    segments: list[str] = field(default_factory=list)
    """The segments the lead is in now: the rules' matches plus `manual_segments`
    (lead_segments.segments_for computes it; the board shows it)."""
    manual_segments: list[str] = field(default_factory=list)
    """Segments the user added by hand; the rules never take them away."""
    score: int = 0
    score_parts: list[dict[str, Any]] = field(default_factory=list)
    """The score's explanation as stored (lead_scoring.ScorePart.to_dict of each part)."""
    owner_id: str | None = None
    territory_id: str | None = None
    received_at: datetime | None = None
    """When the lead arrived (an imported lead's own creation time); `created_at` is when
    the workspace stored it. The SLA clock starts at `arrived_at`."""
    first_contacted_at: datetime | None = None
    sla_due_at: datetime | None = None
    notes: str = ""

    def __post_init__(self) -> None:
        self.person_name = _text(self.person_name, "person_name")
        self.email = clean_email(_text(self.email, "email", 200))
        self.phone = clean_phone(self.phone)
        for name, limit in (("job_title", 120), ("company", 200), ("sector", 80),
                            ("country", 80), ("region", 80), ("source", 40),
                            ("campaign", 120), ("product_interest", 120), ("language", 40)):
            setattr(self, name, _text(getattr(self, name), name, limit))
        self.postcode = _text(self.postcode, "postcode", 20).upper()
        self.source = self.source.lower()
        self.notes = _text(self.notes, "notes", 4000)
        self.status_reason = _text(self.status_reason, "status_reason", 200)
        self.status = _status(self.status)
        self.manual_segments = clean_segment_names(self.manual_segments, "manual_segments")
        self.segments = clean_segment_names([*self.segments, *self.manual_segments])
        self._check_numbers()
        for name in ("created_at", "received_at", "first_contacted_at", "sla_due_at"):
            _moment(getattr(self, name), name)
        if not (self.person_name or self.email or self.company):
            raise ValidationError("a lead needs a person's name, an e-mail or a company",
                                  field="person_name")

    def _check_numbers(self) -> None:
        if self.employees is not None and (not isinstance(self.employees, int)
                                           or self.employees < 0):
            raise ValidationError(f"must be a whole number, zero or more "
                                  f"(got {self.employees!r})", field="employees")
        if not isinstance(self.score, int) or self.score not in SCORE_RANGE:
            raise ValidationError(f"must be 0 to 100 (got {self.score!r})", field="score")

    @property
    def is_open(self) -> bool:
        return self.status.is_open and not self.is_deleted

    @property
    def arrived_at(self) -> datetime | None:
        """When the lead arrived: `received_at`, else when it was stored."""
        return self.received_at or self.created_at

    def update(self, **changes: Any) -> None:
        """Apply validated changes; unknown fields are a programming error."""
        unknown = set(changes) - UPDATABLE_FIELDS
        if unknown:
            raise TypeError(f"cannot update {sorted(unknown)}")
        probe = LeadData(**{**self.snapshot(), **changes})  # validates all fields together
        dropped = {name_key(s) for s in self.manual_segments}
        for key in changes:
            setattr(self, key, getattr(probe, key))
        if "manual_segments" in changes:  # hand-removed segments leave with them
            kept = [s for s in self.segments if name_key(s) not in dropped]
            self.segments = clean_segment_names([*kept, *self.manual_segments])

    def snapshot(self) -> dict[str, Any]:
        """Every field but the entity's bookkeeping (id, version, stamps)."""
        names = [f for f in self.__dataclass_fields__ if f not in Entity.__dataclass_fields__]
        data = {name: getattr(self, name) for name in names}
        data["segments"], data["manual_segments"] = list(self.segments), list(
            self.manual_segments)
        data["score_parts"] = [dict(p) for p in self.score_parts]
        data["created_at"] = self.created_at
        return data

    def change_status(self, status: LeadStatus | str, *, at: datetime,
                      reason: str = "") -> StatusChange:
        """Move the lead (see the module's rules) and return the change to record."""
        _moment(at, "at")
        new = check_move(self.status, status, reason)
        stamp = new in CONTACT_STATUSES and self.first_contacted_at is None
        change = StatusChange(self.id, self.status, new, tidy_text(reason), at,
                              self.status_reason, stamp)
        self.status, self.status_reason = new, _text(reason, "status_reason", 200)
        if stamp:
            self.first_contacted_at = at
        return change

    def mark_contacted(self, at: datetime) -> bool:
        """Record a first contact (a call or e-mail logged) without a status move; a new
        lead becomes contacted. False when it was already contacted."""
        _moment(at, "first_contacted_at")
        if self.first_contacted_at is not None:
            return False
        self.first_contacted_at = at
        if self.status is S.NEW:
            self.status = S.CONTACTED
        return True

    def assign(self, owner_id: str | None) -> str | None:
        """Give the lead to a rep (None: unassign). Returns the previous owner, for undo."""
        previous, self.owner_id = self.owner_id, owner_id
        return previous

    def set_score(self, score: int, parts: Iterable[dict[str, Any]] | None = None) -> None:
        """The score and, when given, its explanation (the parts as plain dicts)."""
        if not isinstance(score, int) or score not in SCORE_RANGE:
            raise ValidationError(f"must be 0 to 100 (got {score!r})", field="score")
        self.score = score
        if parts is not None:
            self.score_parts = [dict(p) for p in parts]

    def set_segments(self, matched: Iterable[str]) -> None:
        """The rules' matches; the hand-added segments stay."""
        self.segments = clean_segment_names([*matched, *self.manual_segments])


@dataclass(eq=False, kw_only=True)
class Lead(LeadData):
    """A lead as stored in the workspace (storage.mapping maps this class)."""
