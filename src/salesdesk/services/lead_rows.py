"""One row of a lead file -> one validated Lead, or a refusal naming the row and column.

Rules of the game (what the import help says):
- Text is kept as typed, tidied (invisible characters dropped, runs of spaces as one).
  A cell that looks like a formula (=, +, -, @ first) is stored as that text, never
  evaluated; every export neutralises it (domain.leads.neutralised).
- A name may come whole or as first and last name columns.
- Employees: a whole number ('1,200' and '1 200' too) or a size band ('51-200', '1000+':
  its lower end).
- Status: one of the lead statuses, any case ('Qualified'); blank is new.
- Dates: ISO ('2024-03-01', with a time or not), DD.MM.YYYY, or a slashed date whose day
  and month cannot be mistaken. A time without a zone is in the workspace's zone; a date
  alone is midnight there. Not in the future; a first contact not before the arrival.
- Owner: a team member's name or e-mail, any case; someone who has left cannot own an
  open lead.
- Segments: names separated by ';', ',' or '|', added by hand (the rules never remove
  them).

Speed (a file of 100,000 rows): rows are read a batch at a time and column by column;
each distinct cell text is converted or cleaned once (sizes, statuses, dates and owners
repeat down a column; so do companies and countries), and leads whose every value came
through are built without LeadData running its checks once more per row (LeadBuilder).
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable, Mapping, Sequence
from datetime import datetime, time, timedelta, tzinfo
from functools import partial
from operator import methodcaller
from typing import Any, NamedTuple

from salesdesk.domain.errors import DomainError, ValidationError
from salesdesk.domain.leads import (
    FORMULA_STARTS,
    LeadData,
    LeadStatus,
    clean_phone,
    tidy_text,
)
from salesdesk.domain.validation import clean_email, clean_int, name_key
from salesdesk.services.imports import TableLike, parse_date
from salesdesk.services.normalize import suggest

MESSAGE_MAX = 160
"""Characters of a refusal's message kept: a 10 MB cell must not make a 10 MB report."""
TEXT_FIELDS = ("email", "phone", "job_title", "company", "sector", "country", "region",
               "postcode", "source", "campaign", "product_interest", "language",
               "status_reason", "notes")
_BAND = re.compile(r"^\s*([\d][\d ,.\u00a0]*)\s*(?:[-\u2013]\s*[\d][\d ,.\u00a0]*|\+)\s*$")
_GROUPED = re.compile(r"^\d{1,3}([,.\u00a0\u202f ]\d{3})+$")
_SPLIT = re.compile(r"[;,|]")
_STATUS = {name_key(s.value): s for s in LeadStatus}
FUTURE_SLACK = timedelta(days=1)
MEMO_MAX = 200_000
"""Distinct cell texts remembered per field."""
_VARIANT = {d: "89ab"[int(d, 16) & 3] for d in "0123456789abcdef"}
"""A UUID's variant digit (RFC 4122: binary 10xx) from a random hex digit."""
_looks_like_formula = methodcaller("startswith", FORMULA_STARTS)


class Owner(NamedTuple):
    """What reading an owner column needs of a team member (plain: it pickles)."""

    id: str
    name: str
    email: str
    active: bool

    @classmethod
    def of(cls, member: Any) -> Owner:
        return cls(member.id, member.name, member.email or "", member.active)


class ReadRow(NamedTuple):
    number: int
    lead: LeadData
    given: frozenset[str]
    """The fields this row has a value for (merges and updates use only those)."""


Refusal = tuple[int, ValidationError]
"""(row number, the problem with `field` naming the column)."""


def new_ids(n: int) -> list[str]:
    """`n` random UUIDs (version 4) as text, as domain.entity.new_id makes them, from one
    read of the system's random source instead of one each (a hundred thousand system
    calls cost a good part of a second)."""
    digits = os.urandom(16 * n).hex()
    return [f"{h[:8]}-{h[8:12]}-4{h[13:16]}-{_VARIANT[h[16]]}{h[17:20]}-{h[20:]}"
            for h in (digits[i:i + 32] for i in range(0, 32 * n, 32))]


def converted(memo: dict[Any, Any], cells: list[Any], convert: Callable[[Any], Any],
              refused: dict[int, DomainError]) -> list[Any]:
    """Each cell through `convert`, once per distinct cell (`memo` remembers them between
    calls). A cell `convert` refuses stands as the DomainError raised, and is set in
    `refused` by its index unless that index has a refusal already."""
    new = set(cells).difference(memo)
    if len(memo) + len(new) > MEMO_MAX:
        memo.clear()
        new = set(cells)
    wrong = False
    for cell in new:
        try:
            memo[cell] = convert(cell)
        except DomainError as exc:
            memo[cell], wrong = exc, True
    out = list(map(memo.__getitem__, cells))
    if wrong or any(isinstance(memo[c], DomainError) for c in set(cells) - new):
        for i, value in enumerate(out):
            if isinstance(value, DomainError):
                refused.setdefault(i, value)
    return out


_BREAKS = re.compile(r"[\r\n\t\v\f\x1c-\x1e\x85\u2028\u2029]+")


def short(message: str) -> str:
    """A refusal's message on one line (a cell's line breaks and tabs as one space), cut
    to MESSAGE_MAX characters."""
    message = _BREAKS.sub(" ", message)
    return message if len(message) <= MESSAGE_MAX else message[:MESSAGE_MAX - 1] + "\u2026"


class RowReader:
    """Reads rows into leads, a column at a time: values that repeat down a column (sizes,
    statuses, owners, dates, tags) are converted once per distinct cell text."""

    def __init__(self, fields: Mapping[str, str], members: Sequence[Any], zone: tzinfo,
                 now: datetime):
        """`members`: the team (Member or Owner)."""
        self.fields, self.zone, self.now = dict(fields), zone, now
        self._texts = tuple(f for f in TEXT_FIELDS if f in self.fields)
        self._memo: dict[str, dict[str, Any]] = {}
        self._given: dict[tuple[bool, ...], frozenset[str]] = {}
        self._tidy: dict[str, str] = {}
        self._build = LeadBuilder()
        self.formulas = 0
        """Text cells read so far that look like formulas (phone numbers aside)."""
        self.owners = [Owner.of(m) for m in members]
        self.members: dict[str, Owner] = {}
        for m in self.owners:
            self.members.setdefault(name_key(m.name), m)
            if m.email:
                self.members.setdefault(name_key(m.email), m)
        self.names = [m.name for m in members]

    def column(self, field: str) -> str:
        """The column a field comes from, as messages name it."""
        if field == "person_name" and "person_name" not in self.fields:
            return "/".join(self.fields[f] for f in ("first_name", "last_name")
                            if f in self.fields) or field
        return self.fields.get(field, field)

    def read(self, table: TableLike) -> tuple[list[ReadRow], list[Refusal]]:
        """The table's leads, and a refusal (row number, error naming the column) for
        each row that cannot be read."""
        return self.read_columns([r.number for r in table.rows],
                                 table.columns(tuple(self.fields.values())))

    def read_columns(self, numbers: Sequence[int], cells: Sequence[list[str]]
                     ) -> tuple[list[ReadRow], list[Refusal]]:
        """`read` of rows given as their numbers and `cells` (column by column)."""
        columns = dict(zip(self.fields, cells, strict=True))
        failed: dict[int, DomainError] = {}
        values: dict[str, list[Any]] = {f: columns[f] for f in self._texts}
        values["person_name"] = self._person_names(columns, len(numbers))
        for name in ("employees", "status", "received_at", "first_contacted_at",
                     "manual_segments"):  # the order a row's first problem is found in
            if name in columns:
                values[name] = self._convert_column(name, columns[name], failed)
        if "owner" in columns:
            values["owner_id"] = self._owners(columns["owner"], values.get("status"), failed)
        values["id"] = new_ids(len(numbers))
        self.formulas += sum(sum(map(_looks_like_formula, texts))
                             for f, texts in columns.items()
                             if f != "phone" and any(map(_looks_like_formula, set(texts))))
        return self._leads(numbers, columns, values, failed)

    def _leads(self, numbers: Sequence[int], columns: Mapping[str, list[str]],
               values: dict[str, list[Any]], failed: Mapping[int, DomainError]
               ) -> tuple[list[ReadRow], list[Refusal]]:
        unusual: set[int] = set()
        clean = self._build.columns(values, unusual)
        names, out, refused = tuple(values), [], []
        given = zip(*(map(bool, cells) for cells in columns.values()), strict=True)
        cleaned = zip(*clean.values(), strict=True)
        for i, (number, cells, filled) in enumerate(zip(numbers, cleaned, given,
                                                         strict=True)):
            try:
                if i in failed:
                    raise failed[i]
                lead = None if i in unusual else \
                    self._build.lead(dict(zip(names, cells, strict=True)))
                if lead is None:  # the domain's checks, and its words for a refusal
                    lead = LeadData(**{n: values[n][i] for n in names})
                self._check_moments(lead)
            except DomainError as exc:
                refused.append((number, self._refusal(exc)))
                continue
            out.append(ReadRow(number, lead, self._given_fields(filled, columns)))
        return out, refused

    def _refusal(self, exc: DomainError) -> ValidationError:
        field = getattr(exc, "field", None) or ""
        return ValidationError(short(getattr(exc, "message", str(exc))),
                               field=self.column(field))

    def _given_fields(self, filled: tuple[bool, ...], columns: Mapping[str, list[str]]
                      ) -> frozenset[str]:
        found = self._given.get(filled)
        if found is None:
            found = frozenset(f for f, there in zip(columns, filled, strict=True) if there)
            if "first_name" in found or "last_name" in found:
                found |= {"person_name"}
            self._given[filled] = found
        return found

    def _person_names(self, columns: Mapping[str, list[str]], n: int) -> list[str]:
        whole = columns.get("person_name")
        if "first_name" not in columns and "last_name" not in columns:
            return whole if whole is not None else [""] * n
        tidy = self._tidied
        both = [f"{tidy(a)} {tidy(b)}" if a and b else a or b for a, b in zip(
            columns.get("first_name", [""] * n), columns.get("last_name", [""] * n),
            strict=True)]
        return both if whole is None else [w or b for w, b in zip(whole, both, strict=True)]

    def _tidied(self, text: str) -> str:
        found = self._tidy.get(text)
        if found is None:
            found = self._tidy[text] = tidy_text(text)
        return found

    def _convert_column(self, field: str, cells: list[str], failed: dict[int, DomainError]
                        ) -> list[Any]:
        """Each cell converted; a refusal lands in `failed` (the row's first one kept)."""
        out = converted(self._memo.setdefault(field, {}), cells,
                        partial(self._convert, field), failed)
        return [list(x) for x in out] if field == "manual_segments" else out

    def _convert(self, field: str, text: str) -> Any:
        if field == "status":
            return self._status(text)
        if field == "employees":
            return self._employees(text)
        if field == "manual_segments":
            return tuple(s for s in _SPLIT.split(text) if s.strip())
        if field == "owner":
            return self._member(text)
        return self._moment(text, field)

    def _owners(self, cells: list[str], statuses: list[Any] | None,
                failed: dict[int, DomainError]) -> list[str | None]:
        members = self._convert_column("owner", cells, failed)
        out: list[str | None] = []
        for i, member in enumerate(members):
            status = statuses[i] if statuses is not None else LeadStatus.NEW
            if isinstance(member, Owner) and isinstance(status, LeadStatus) \
                    and status.is_open and not member.active:
                failed.setdefault(i, ValidationError(
                    f"{member.name} has left and cannot own open leads", field="owner"))
            out.append(member.id if isinstance(member, Owner) else None)
        return out

    @staticmethod
    def _employees(text: str) -> int | None:
        if text.isascii() and text.isdigit() and len(text) < 18:
            return int(text)
        band = _BAND.match(text)
        if band:
            text = band.group(1).strip()
        if _GROUPED.match(text.strip()):  # '1,200', '1.200', '1 200': thousands grouped
            text = re.sub(r"\D", "", text)
        return clean_int(text, "employees", minimum=0)

    @staticmethod
    def _status(text: str) -> LeadStatus:
        if not text.strip():
            return LeadStatus.NEW
        found = _STATUS.get(name_key(text))
        if found is None:
            known = ", ".join(s.value for s in LeadStatus)
            raise ValidationError(f"'{short(text)}' is not a lead status (known: {known})",
                                  field="status")
        return found

    def _moment(self, text: str, field: str) -> datetime | None:
        text = text.strip()
        if not text:
            return None
        try:
            moment = datetime.fromisoformat(text.replace("Z", "+00:00")) \
                if len(text) > 10 and text[4:5] == "-" else None
        except ValueError:
            moment = None
        if moment is None:
            day = parse_date(text, field)  # refuses what is not a date, by name
            moment = datetime.combine(day, time()) if day else None
        if moment is None:
            return None
        if moment.tzinfo is None:
            moment = moment.replace(tzinfo=self.zone)
        if moment > self.now + FUTURE_SLACK:
            raise ValidationError(f"{text} is in the future", field=field)
        return moment

    @staticmethod
    def _check_moments(lead: LeadData) -> None:
        if lead.first_contacted_at and lead.received_at \
                and lead.first_contacted_at < lead.received_at:
            raise ValidationError("the first contact is before the lead arrived",
                                  field="first_contacted_at")

    def _member(self, text: str) -> Owner | None:
        if not text.strip():
            return None
        member = self.members.get(name_key(text))
        if member is None:
            hint = suggest(text, self.names)
            raise ValidationError(f"'{short(text)}' is not a member of the team"
                                  + (f" (did you mean '{hint}'?)" if hint else ""),
                                  field="owner")
        return member


TEXT_LIMITS = {"person_name": 200, "email": 200, "job_title": 120, "company": 200,
               "sector": 80, "country": 80, "region": 80, "postcode": 20, "source": 40,
               "campaign": 120, "product_interest": 120, "language": 40, "notes": 4000,
               "status_reason": 200}
"""Characters each text field of a lead holds once tidied, as LeadData's checks have them
(tests/unit/test_import_leads_speed.py holds the two together)."""


def _within(text: str, field: str) -> str:
    tidied = tidy_text(text)
    if len(tidied) > TEXT_LIMITS[field]:
        raise ValidationError(f"is longer than {TEXT_LIMITS[field]} characters", field=field)
    return tidied


_CLEAN: dict[str, Callable[[str], Any]] = {
    **{f: partial(_within, field=f) for f in TEXT_LIMITS},
    "email": lambda v: clean_email(_within(v, "email")),
    "phone": clean_phone,
    "postcode": lambda v: _within(v, "postcode").upper(),
    "source": lambda v: _within(v, "source").lower(),
}
"""What LeadData.__post_init__ makes of each text field, one field at a time."""


class LeadBuilder:
    """LeadData for a hundred thousand rows without running LeadData's checks on each:
    every distinct text is cleaned once, as LeadData cleans it (_CLEAN), and a row whose
    every value came through, and which says who the lead is, becomes a lead with those
    values and LeadData's defaults for the rest. Any other row (a value refused, no
    name, e-mail or company) is left to LeadData itself, which refuses it in the
    domain's words. The other fields arrive as LeadData keeps them (statuses, whole
    numbers, moments with a zone, tags). tests/unit/test_import_leads_speed.py checks
    that both ways give the same lead."""

    def __init__(self) -> None:
        template = vars(LeadData(person_name="x"))
        self._lists = tuple(k for k, v in template.items() if isinstance(v, list))
        self._base = {k: v for k, v in template.items() if k not in self._lists}
        self._base["person_name"] = ""
        self._memo: dict[str, dict[str, Any]] = {f: {} for f in _CLEAN}

    def columns(self, values: Mapping[str, list[Any]], unusual: set[int]
                ) -> dict[str, list[Any]]:
        """`values` with the text columns cleaned; rows with a value LeadData would refuse
        (or that only LeadData can tell) go to `unusual`."""
        out = dict(values)
        for field, cells in values.items():
            if field in _CLEAN:
                out[field] = self._clean(field, cells, unusual)
            elif field == "manual_segments":
                unusual.update(i for i, v in enumerate(cells) if v)
        return out

    def _clean(self, field: str, cells: list[str], unusual: set[int]) -> list[Any]:
        refused: dict[int, DomainError] = {}
        out = converted(self._memo[field], cells, _CLEAN[field], refused)
        unusual.update(refused)
        return out

    def lead(self, values: dict[str, Any]) -> LeadData | None:
        """The lead of one row's cleaned values; None when it does not say who it is."""
        if not (values.get("person_name") or values.get("email") or values.get("company")):
            return None
        for name in self._lists:
            values[name] = []
        lead = object.__new__(LeadData)
        lead.__dict__ = {**self._base, **values}
        return lead
