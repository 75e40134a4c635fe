"""Segments: named groups of leads defined by rules over their fields.

Rules of the game:
- A segment has conditions (field, operator, value) joined by ALL or ANY.
- Text compares case-insensitively with runs of spaces as one ('Price  objection' equals
  'price objection'); `contains` looks for the value anywhere in the text.
- `>=` and `<=` work on number fields (score, employees) only; `contains` on text only.
- An empty field (no text, no number) fails every comparison except `is empty` and
  `not equals`.
- A segment without conditions is a manual segment: leads join it by hand only.
- Segments are stored as plain dicts (JSON); every refusal names the segment, the
  condition's position and the lead field.
"""

from __future__ import annotations

import enum
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from functools import lru_cache
from operator import attrgetter
from typing import Any, TypeVar

from salesdesk.domain.errors import ValidationError
from salesdesk.domain.leads import LeadData, clean_segment_names, tidy_text
from salesdesk.domain.validation import name_key

HOT_MIN = 70
WARM_MIN = 40
"""Score thresholds of the shipped hot / warm / cold segments."""

Value = str | int | tuple[str, ...] | tuple[int, ...] | None
field_key = lru_cache(maxsize=1 << 16)(name_key)
"""name_key of a lead's field value, once per distinct value: rules are evaluated over
many leads that share a source, a status, a sector."""
Predicate = Callable[[LeadData], bool]
E = TypeVar("E", bound=enum.Enum)


class LeadField(enum.StrEnum):
    PERSON_NAME = "person_name"
    EMAIL = "email"
    PHONE = "phone"
    JOB_TITLE = "job_title"
    COMPANY = "company"
    SECTOR = "sector"
    COUNTRY = "country"
    REGION = "region"
    POSTCODE = "postcode"
    EMPLOYEES = "employees"
    SOURCE = "source"
    CAMPAIGN = "campaign"
    PRODUCT_INTEREST = "product_interest"
    LANGUAGE = "language"
    STATUS = "status"
    STATUS_REASON = "status_reason"
    SCORE = "score"
    OWNER = "owner_id"
    TERRITORY = "territory_id"
    NOTES = "notes"

    @property
    def is_number(self) -> bool:
        return self in (LeadField.SCORE, LeadField.EMPLOYEES)


class Operator(enum.StrEnum):
    EQUALS = "equals"
    NOT_EQUALS = "not_equals"
    IN = "in"
    CONTAINS = "contains"
    AT_LEAST = ">="
    AT_MOST = "<="
    IS_EMPTY = "is_empty"


class Match(enum.StrEnum):
    ALL = "all"
    ANY = "any"


def _number(value: object, field: LeadField) -> int:
    if isinstance(value, bool) or not isinstance(value, int | str):
        raise ValidationError(f"{field} needs a whole number (got {value!r})", field=field)
    try:
        return int(str(value).strip())
    except ValueError:
        raise ValidationError(f"{field} needs a whole number (got {value!r})",
                              field=field) from None


def _text(value: object, field: LeadField) -> str:
    if not isinstance(value, str | int) or isinstance(value, bool):
        raise ValidationError(f"{field} needs a text value (got {value!r})", field=field)
    return tidy_text(value)


@dataclass(frozen=True)
class Condition:
    field: LeadField
    operator: Operator
    value: Value = None

    def __post_init__(self) -> None:
        f = _choice(LeadField, self.field, "field")
        try:
            op = _choice(Operator, self.operator, "operator")
        except ValidationError as err:
            raise ValidationError(f"{f}: {err.message}", field=f) from None
        object.__setattr__(self, "field", f)
        object.__setattr__(self, "operator", op)
        object.__setattr__(self, "value", self._clean_value(f, op, self.value))

    @staticmethod
    def _clean_value(f: LeadField, op: Operator, value: object) -> Value:
        if op is Operator.IS_EMPTY:
            if value not in (None, "", True):
                raise ValidationError("'is empty' takes no value", field=f)
            return None
        if op in (Operator.AT_LEAST, Operator.AT_MOST) and not f.is_number:
            raise ValidationError(f"'{op}' needs a number field (score or employees), "
                                  f"not {f}", field=f)
        if op is Operator.CONTAINS and f.is_number:
            raise ValidationError(f"'contains' needs a text field, not {f}", field=f)
        if op is Operator.IN:
            items = list(value) if isinstance(value, list | tuple) else None
            if not items:
                raise ValidationError("'in' needs a list of at least one value", field=f)
            if f.is_number:
                return tuple(dict.fromkeys(_number(v, f) for v in items))
            return tuple(dict.fromkeys(t for t in (_text(v, f) for v in items) if t))
        if f.is_number:
            return _number(value, f)
        text = _text(value, f)
        if not text and op is not Operator.NOT_EQUALS:
            raise ValidationError(f"'{op}' needs a value (use 'is empty' for blanks)",
                                  field=f)
        return text

    def compile(self) -> Predicate:
        """A fast predicate, for evaluating many leads."""
        get = attrgetter(self.field.value)
        op, v = self.operator, self.value
        if op is Operator.IS_EMPTY:
            return lambda lead: get(lead) is None or get(lead) == ""
        if self.field.is_number:
            return _number_predicate(get, op, v)
        if op is Operator.IN:
            keys = frozenset(name_key(str(x)) for x in v)  # type: ignore[union-attr]
            return lambda lead: field_key(get(lead) or "") in keys
        key = name_key(str(v))
        if op is Operator.CONTAINS:
            return lambda lead: key in field_key(get(lead) or "")
        if op is Operator.NOT_EQUALS:
            return lambda lead: field_key(get(lead) or "") != key
        return lambda lead: field_key(get(lead) or "") == key

    def to_dict(self) -> dict[str, Any]:
        value = list(self.value) if isinstance(self.value, tuple) else self.value
        data: dict[str, Any] = {"field": self.field.value, "operator": self.operator.value}
        if self.operator is not Operator.IS_EMPTY:
            data["value"] = value
        return data

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Condition:
        if not isinstance(data, Mapping):
            raise ValidationError(f"a condition must be an object (got {data!r})",
                                  field="conditions")
        return cls(data.get("field"), data.get("operator"), data.get("value"))  # type: ignore[arg-type]

    def __str__(self) -> str:
        if self.operator is Operator.IS_EMPTY:
            return f"{self.field} is empty"
        shown = ", ".join(map(str, self.value)) if isinstance(self.value, tuple) else self.value
        return f"{self.field} {self.operator} {shown}"


def _number_predicate(get: Callable[[LeadData], int | None], op: Operator, v: Value) -> Predicate:
    if op is Operator.IN:
        allowed = frozenset(v)  # type: ignore[arg-type]
        return lambda lead: get(lead) in allowed
    n = int(v)  # type: ignore[arg-type]
    if op is Operator.AT_LEAST:
        return lambda lead: (x := get(lead)) is not None and x >= n
    if op is Operator.AT_MOST:
        return lambda lead: (x := get(lead)) is not None and x <= n
    if op is Operator.NOT_EQUALS:
        return lambda lead: get(lead) != n
    return lambda lead: get(lead) == n


def _choice(kind: type[E], value: object, what: str) -> E:
    try:
        return kind(value)
    except ValueError:
        known = ", ".join(str(k.value) for k in kind)
        field = value if what == "field" else None
        raise ValidationError(f"unknown {what} {value!r} (known: {known})",
                              field=str(field) if field is not None else what) from None


@dataclass(frozen=True)
class Segment:
    name: str
    conditions: tuple[Condition, ...] = ()
    match: Match = Match.ALL
    plan: str = ""
    """How to nurture the segment: the manager's playbook, shown with it."""

    def __post_init__(self) -> None:
        names = clean_segment_names([self.name], "name")
        if not names:
            raise ValidationError("a segment needs a name", field="name")
        object.__setattr__(self, "name", names[0])
        object.__setattr__(self, "match", _choice(Match, self.match, "match"))
        object.__setattr__(self, "conditions", tuple(self.conditions))
        object.__setattr__(self, "plan", tidy_text(self.plan)[:2000])

    @property
    def is_manual(self) -> bool:
        return not self.conditions

    def compile(self) -> Predicate:
        checks = tuple(c.compile() for c in self.conditions)
        if not checks:
            return lambda lead: False
        if len(checks) == 1:
            return checks[0]
        combine = all if self.match is Match.ALL else any
        return lambda lead: combine(check(lead) for check in checks)

    def matches(self, lead: LeadData) -> bool:
        return self.compile()(lead)

    def to_dict(self) -> dict[str, Any]:
        return {"name": self.name, "match": self.match.value, "plan": self.plan,
                "conditions": [c.to_dict() for c in self.conditions]}

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Segment:
        """A segment from its stored form; a refusal names the segment and condition."""
        if not isinstance(data, Mapping):
            raise ValidationError(f"a segment must be an object (got {data!r})",
                                  field="segments")
        name = tidy_text(data.get("name")) or "(unnamed)"
        raw = data.get("conditions") or []
        if not isinstance(raw, list | tuple):
            raise ValidationError(f"segment '{name}': conditions must be a list",
                                  field="conditions")
        conditions = []
        for n, item in enumerate(raw, 1):
            try:
                conditions.append(Condition.from_dict(item))
            except ValidationError as err:
                raise ValidationError(f"segment '{name}', condition {n}: {err.message}",
                                      field=err.field) from None
        try:
            return cls(str(data.get("name") or ""), tuple(conditions),
                       data.get("match", Match.ALL), str(data.get("plan") or ""))
        except ValidationError as err:
            raise ValidationError(f"segment '{name}': {err.message}", field=err.field) from None


def load_segments(data: Iterable[Mapping[str, Any]]) -> list[Segment]:
    """Segments from their stored dicts; names must be unique (case-insensitively)."""
    segments, seen = [], set()
    for item in data:
        segment = Segment.from_dict(item)
        if name_key(segment.name) in seen:
            raise ValidationError(f"two segments are called '{segment.name}'", field="name")
        seen.add(name_key(segment.name))
        segments.append(segment)
    return segments


def dump_segments(segments: Iterable[Segment]) -> list[dict[str, Any]]:
    return [s.to_dict() for s in segments]


class Segmenter:
    """The segments compiled once; call it on each lead for the names it is in."""

    def __init__(self, segments: Sequence[Segment]):
        self._checks = [(s.name, s.compile()) for s in segments if not s.is_manual]

    def matched(self, lead: LeadData) -> list[str]:
        """The rule segments the lead matches, in the segments' order."""
        return [name for name, check in self._checks if check(lead)]

    def __call__(self, lead: LeadData) -> list[str]:
        """Everything the lead is in: the rules' matches, then its hand-added segments."""
        return clean_segment_names([*self.matched(lead), *lead.manual_segments])


def segments_for(lead: LeadData, segments: Sequence[Segment]) -> list[str]:
    return Segmenter(segments)(lead)


def _c(field: LeadField, op: Operator, value: Value = None) -> Condition:
    return Condition(field, op, value)


F, Op = LeadField, Operator
DEFAULT_SEGMENTS: tuple[Segment, ...] = (
    Segment("qualified", (_c(F.STATUS, Op.EQUALS, "qualified"),),
            plan="Discovery call by the owner within the SLA; convert to a deal once need, "
                 "budget and timing are confirmed."),
    Segment("unqualified", (_c(F.STATUS, Op.EQUALS, "unqualified"),),
            plan="Monthly newsletter; score again after any new engagement."),
    Segment("price objection", (_c(F.STATUS_REASON, Op.CONTAINS, "price"),
                                _c(F.STATUS_REASON, Op.CONTAINS, "expensive"),
                                _c(F.NOTES, Op.CONTAINS, "price"),
                                _c(F.NOTES, Op.CONTAINS, "too expensive")), Match.ANY,
            plan="Send the ROI case study and the entry-level offer; follow up in two "
                 "weeks with a rep skilled in price objections."),
    Segment("hot", (_c(F.SCORE, Op.AT_LEAST, HOT_MIN),),
            plan="Call within one business hour."),
    Segment("warm", (_c(F.SCORE, Op.AT_LEAST, WARM_MIN), _c(F.SCORE, Op.AT_MOST, HOT_MIN - 1)),
            plan="Call within one business day; nurture by e-mail if not reached."),
    Segment("cold", (_c(F.SCORE, Op.AT_MOST, WARM_MIN - 1),),
            plan="Nurture by e-mail campaign; score again on engagement."),
)
