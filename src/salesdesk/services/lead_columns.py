"""Which column of a lead file holds which lead field: guessed from the headers and from
what the cells hold, remembered per file layout, and checked before an import.

Rules of the game:
- A header that is a known name for a field ("E-mail", "Zip", "Company name") maps it;
  the first such column wins.
- A column whose cells are mostly e-mail addresses or phone numbers maps that field even
  under another header ("Contact" full of addresses), unless a header already claimed it.
- A column no header explains maps what its cells look like: e-mail addresses, phone
  numbers, postcodes (codes of one shape: '75001', 'SW1A 1AA'), whole numbers or size
  bands (employees), dates (when the lead arrived).
- "Mostly" is at least 80 % of the first SAMPLE non-empty cells.
- A mapping is field -> (normalised) header. Every field at most once, every header at
  most once, and some column must say who the lead is (a name, an e-mail or a company).
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass

from salesdesk.domain.errors import ValidationError
from salesdesk.services.imports import TableLike

SAMPLE = 200
SHARE = 0.8
SYNONYMS: dict[str, tuple[str, ...]] = {
    "person_name": ("name", "full_name", "contact", "contact_name", "person", "lead_name",
                    "lead", "prospect", "nom_complet"),
    "first_name": ("first_name", "firstname", "given_name", "forename", "prenom", "vorname"),
    "last_name": ("last_name", "lastname", "surname", "family_name", "nom", "nachname"),
    "email": ("email", "e_mail", "mail", "email_address", "e_mail_address", "courriel",
              "work_email", "contact_email"),
    "phone": ("phone", "telephone", "tel", "phone_number", "mobile", "cell", "work_phone",
              "mobile_phone", "telefon"),
    "job_title": ("job_title", "title", "position", "role", "job", "function", "poste"),
    "company": ("company", "company_name", "organisation", "organization", "account",
                "account_name", "employer", "firm", "societe", "firma", "business"),
    "sector": ("sector", "industry", "vertical", "branche"),
    "country": ("country", "country_name", "pays", "land", "nation"),
    "region": ("region", "state", "province", "county", "state_province"),
    "postcode": ("postcode", "postal_code", "post_code", "zip", "zip_code", "zipcode", "plz",
                 "code_postal"),
    "employees": ("employees", "employee_count", "headcount", "company_size", "size",
                  "num_employees", "number_of_employees", "staff"),
    "source": ("source", "lead_source", "channel", "origin"),
    "campaign": ("campaign", "campaign_name", "utm_campaign"),
    "product_interest": ("product_interest", "product", "interest", "interested_in",
                         "product_of_interest"),
    "language": ("language", "lang", "preferred_language", "locale", "langue"),
    "status": ("status", "lead_status"),
    "status_reason": ("status_reason", "reason", "lost_reason", "disqualification_reason"),
    "notes": ("notes", "note", "comments", "comment", "description", "remarks", "memo"),
    "received_at": ("received_at", "received", "created", "created_at", "created_on",
                    "date_created", "lead_date", "date", "submitted", "submitted_at",
                    "timestamp"),
    "first_contacted_at": ("first_contacted_at", "first_contacted", "first_contact",
                           "contacted_at", "contacted_on"),
    "owner": ("owner", "lead_owner", "assigned_to", "rep", "sales_rep", "salesperson",
              "agent", "sales_agent"),
    "manual_segments": ("segments", "segment", "tags", "tag", "labels"),
}
FIELDS = tuple(SYNONYMS)
IDENTITY = ("person_name", "first_name", "last_name", "email", "company")
_BY_HEADER = {h: f for f, names in SYNONYMS.items() for h in names}
_TOKENS = (("email", "email"), ("mail", "email"), ("phone", "phone"), ("mobile", "phone"),
           ("zip", "postcode"), ("postcode", "postcode"), ("postal", "postcode"),
           ("country", "country"), ("company", "company"), ("title", "job_title"),
           ("campaign", "campaign"), ("industry", "sector"), ("notes", "notes"))

_EMAIL = re.compile(r"^(mailto:)?<?[^@\s<>]+@[^@\s<>]+\.[A-Za-z]{2,}>?$", re.IGNORECASE)
_PHONE = re.compile(r"^\+?[\d\s().\-/]{6,}((ext\.?|x|#)\s*\d{1,6})?$", re.IGNORECASE)
_POSTCODES = tuple(re.compile(p) for p in (
    r"^\d{4,5}$", r"^[A-Z]{1,2}\d[A-Z\d]? ?\d[A-Z]{2}$", r"^[A-Z]\d[A-Z] ?\d[A-Z]\d$",
    r"^\d{3}-\d{4}$", r"^\d{5}-\d{4}$", r"^\d{2}-\d{3}$", r"^\d{4} ?[A-Z]{2}$"))
_NUMBER = re.compile(r"^(\d{1,3}([ ,.\u00a0]\d{3})+|\d+)(\s*[-\u2013]\s*\d[\d ,.]*|\+)?$")
_DATE = re.compile(r"^(\d{4}-\d{2}-\d{2}([T ]\d{1,2}:\d{2}.*)?|\d{1,2}[./]\d{1,2}[./]\d{4}"
                   r"( \d{1,2}:\d{2}.*)?)$")


@dataclass(frozen=True)
class ColumnGuess:
    header: str
    field: str | None
    why: str
    """'header', 'header word', 'content: 97% e-mail addresses', 'remembered', 'given'
    or '' (left out)."""


@dataclass(frozen=True)
class LeadMapping:
    fields: dict[str, str]
    """field -> normalised header."""
    columns: tuple[ColumnGuess, ...]
    source: str
    """'guessed', 'remembered' or 'given'."""

    def header_of(self, field: str) -> str:
        return self.fields.get(field, "")


def _share(values: list[str], test: re.Pattern[str]) -> float:
    return sum(1 for v in values if test.match(v)) / len(values) if values else 0.0


def content_kind(values: Sequence[str]) -> tuple[str, float] | None:
    """(field, share) a column's cells point to, or None."""
    sample = [v.strip() for v in values if v.strip()][:SAMPLE]
    if not sample:
        return None
    for field, pattern in (("email", _EMAIL), ("received_at", _DATE)):
        share = _share(sample, pattern)
        if share >= SHARE:
            return field, share
    digits = [sum(ch.isdigit() for ch in v) for v in sample]
    phone = sum(1 for v, d in zip(sample, digits, strict=True)
                if _PHONE.match(v) and 7 <= d <= 15 and (not v.isdigit() or d >= 9))
    if phone / len(sample) >= SHARE:
        return "phone", phone / len(sample)
    coded = sum(1 for v in sample if any(p.match(v.upper()) for p in _POSTCODES))
    same_length = len({len(v) for v in sample}) == 1
    numbers = _share(sample, _NUMBER)
    if coded / len(sample) >= SHARE and (same_length or not sample[0].isdigit()):
        return "postcode", coded / len(sample)
    if numbers >= SHARE:
        return "employees", numbers
    return None


def _header_field(header: str) -> tuple[str | None, str]:
    if header in _BY_HEADER:
        return _BY_HEADER[header], "header"
    words = header.split("_")
    for token, field in _TOKENS:
        if token in words:
            return field, "header word"
    return None, ""


STRONG = ("email", "phone")
"""Content that outweighs a header: cells of addresses or numbers are hard to mistake."""
WORDS = {"email": "e-mail addresses", "phone": "phone numbers", "postcode": "postcodes",
         "employees": "numbers", "received_at": "dates"}


def guess_mapping(table: TableLike) -> LeadMapping:
    """The mapping the file's headers and cells suggest (see the module's rules)."""
    headers = [h for h in table.headers if h]
    cells = {h: [r.values.get(h, "") for r in table.rows[:SAMPLE * 3]] for h in headers}
    by_header = {h: _header_field(h) for h in headers}
    kinds = {h: content_kind(cells[h]) for h in headers}
    chosen: dict[str, tuple[str, str]] = {}  # header -> (field, why)
    claimed: set[str] = set()

    def claim(h: str, field: str, why: str) -> None:
        if h not in chosen and field not in claimed:
            chosen[h] = (field, why)
            claimed.add(field)

    exact = {h: f for h, (f, why) in by_header.items() if f and why == "header"}
    for h, field in exact.items():  # exact header names first...
        kind = kinds[h]
        if not (kind and kind[0] in STRONG and kind[0] != field
                and kind[0] not in exact.values()):  # ...unless "Contact" holds addresses
            claim(h, field, "header")
    for h in headers:  # strong content, then header words, then any content
        kind = kinds[h]
        if kind and kind[0] in STRONG:
            claim(h, kind[0], f"content: {kind[1]:.0%} {WORDS[kind[0]]}")
    for h in headers:
        if by_header[h][0]:
            claim(h, by_header[h][0] or "", by_header[h][1])
    for h in headers:
        kind = kinds[h]
        if kind:
            claim(h, kind[0], f"content: {kind[1]:.0%} {WORDS[kind[0]]}")
    columns = tuple(ColumnGuess(h, *chosen.get(h, (None, ""))) for h in headers)
    return LeadMapping({f: h for h, (f, _) in chosen.items()}, columns, "guessed")


def given_mapping(table: TableLike, fields: Mapping[str, str], source: str = "given"
                  ) -> LeadMapping:
    """A mapping the user chose (or one remembered), checked against this file."""
    check_mapping(table, fields)
    header_field = {h: f for f, h in fields.items()}
    columns = tuple(ColumnGuess(h, header_field.get(h), source if h in header_field else "")
                    for h in table.headers if h)
    return LeadMapping(dict(fields), columns, source)


def check_mapping(table: TableLike, fields: Mapping[str, str]) -> None:
    """Refuse, naming the problem, a mapping this file cannot be imported with."""
    unknown = sorted(set(fields) - set(FIELDS))
    if unknown:
        raise ValidationError(f"unknown lead field(s) {', '.join(unknown)} (known: "
                              f"{', '.join(FIELDS)})", field="mapping")
    missing = sorted(h for h in fields.values() if h not in table.headers)
    if missing:
        raise ValidationError(f"the file has no column {', '.join(missing)}", field="mapping")
    used = [h for h in fields.values()]
    twice = sorted({h for h in used if used.count(h) > 1})
    if twice:
        raise ValidationError(f"column {twice[0]} is mapped to two fields", field="mapping")
    if not any(f in fields for f in IDENTITY):
        raise ValidationError("no column says who the lead is: map a name, an e-mail or "
                              "a company column", field="mapping")
