"""Lead score: rule points plus fit with the ideal customer profile, every point explained.

Rules of the game:
- Each score rule is a condition over the lead's fields (as in segments) and the points
  it gives when it holds (-100 to 100).
- The ideal customer profile gives points for a matching sector, country (or, failing
  that, region), number of employees within its range (both ends included), job-title
  seniority (the most senior keyword found, whole words only) and source.
- The total is clamped to 0-100. The parts always add up to the total: a clamp shows as
  its own part ("-12 capped at 100").
- Empty lists in the profile give no points; they never refuse a lead.
"""

from __future__ import annotations

import enum
import re
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from operator import attrgetter
from typing import Any

from salesdesk.domain.errors import ValidationError
from salesdesk.domain.lead_segments import Condition, LeadField, Operator, field_key
from salesdesk.domain.leads import LeadData, tidy_text
from salesdesk.domain.validation import name_key

POINTS = range(-100, 101)
SCORE_MEMO = 50_000
"""Distinct scores a compiled scorer keeps (then it starts again)."""


class PartKind(enum.StrEnum):
    RULE = "rule"
    SECTOR = "sector"
    COUNTRY = "country"
    REGION = "region"
    EMPLOYEES = "employees"
    SENIORITY = "seniority"
    SOURCE = "source"
    CLAMP = "clamp"


@dataclass(frozen=True)
class ScorePart:
    """One explained contribution. `subject` is the rule's label or the lead's value."""

    points: int
    kind: PartKind
    subject: str
    detail: str = ""

    def __str__(self) -> str:
        p = f"{self.points:+d}"
        if self.kind is PartKind.RULE:
            return f"{p} {self.subject}"
        if self.kind is PartKind.CLAMP:
            return f"{p} capped at {self.subject}"
        if self.kind is PartKind.EMPLOYEES:
            return f"{p} employees {self.subject} within ideal {self.detail}"
        if self.kind is PartKind.SENIORITY:
            return f"{p} job title {self.subject} is senior ({self.detail})"
        return f"{p} {self.kind} {self.subject} matches ideal profile"

    def to_dict(self) -> dict[str, Any]:
        return {"points": self.points, "kind": self.kind.value, "subject": self.subject,
                "detail": self.detail}

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> ScorePart:
        """A stored part; an unknown kind reads as a rule (the text stays readable)."""
        try:
            kind = PartKind(str(data.get("kind")))
        except ValueError:
            kind = PartKind.RULE
        return cls(int(data.get("points") or 0), kind, str(data.get("subject") or ""),
                   str(data.get("detail") or ""))


@dataclass(frozen=True)
class Score:
    total: int
    parts: tuple[ScorePart, ...] = ()

    def explain(self) -> list[str]:
        return [str(p) for p in self.parts]

    def part_dicts(self) -> list[dict[str, Any]]:
        """The parts as stored with the lead (Lead.score_parts)."""
        return [p.to_dict() for p in self.parts]


def _points(value: object, what: str) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or value not in POINTS:
        raise ValidationError(f"{what}: points must be a whole number from -100 to 100 "
                              f"(got {value!r})", field="points")
    return value


@dataclass(frozen=True)
class ScoreRule:
    condition: Condition
    points: int
    label: str = ""

    def __post_init__(self) -> None:
        label = tidy_text(self.label) or str(self.condition)
        object.__setattr__(self, "label", label)
        _points(self.points, f"score rule '{label}'")

    def to_dict(self) -> dict[str, Any]:
        return {"label": self.label, "points": self.points, **self.condition.to_dict()}

    @classmethod
    def from_dict(cls, data: Mapping[str, Any], n: int = 1) -> ScoreRule:
        label = tidy_text(data.get("label")) or f"rule {n}"
        try:
            return cls(Condition.from_dict(data), data.get("points"),  # type: ignore[arg-type]
                       str(data.get("label") or ""))
        except ValidationError as err:
            where = err.message if err.message.startswith("score rule") else \
                f"score rule '{label}': {err.message}"
            raise ValidationError(where, field=err.field) from None


def _names(values: Iterable[object]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(t for t in (tidy_text(v) for v in values) if t))


DEFAULT_SENIORITY: tuple[tuple[str, int], ...] = (
    ("chief", 20), ("ceo", 20), ("cto", 20), ("cfo", 20), ("coo", 20), ("cio", 20),
    ("cmo", 20), ("founder", 20), ("owner", 20), ("president", 20), ("vp", 15),
    ("vice president", 15), ("head", 15), ("director", 12), ("manager", 6))


@dataclass(frozen=True)
class IdealProfile:
    sectors: tuple[str, ...] = ()
    countries: tuple[str, ...] = ()
    regions: tuple[str, ...] = ()
    employees_min: int | None = None
    employees_max: int | None = None
    seniority: tuple[tuple[str, int], ...] = DEFAULT_SENIORITY
    """Job-title keywords and their points; the highest one found counts."""
    sources: tuple[str, ...] = ()
    sector_points: int = 15
    location_points: int = 10
    employees_points: int = 15
    source_points: int = 10

    def __post_init__(self) -> None:
        for name in ("sectors", "countries", "regions", "sources"):
            object.__setattr__(self, name, _names(getattr(self, name)))
        seniority = tuple((tidy_text(k), _points(p, f"seniority '{k}'"))
                          for k, p in self.seniority if tidy_text(k))
        object.__setattr__(self, "seniority", seniority)
        for name in ("sector_points", "location_points", "employees_points", "source_points"):
            _points(getattr(self, name), f"ideal profile {name.removesuffix('_points')}")
        lo, hi = self.employees_min, self.employees_max
        for bound in (lo, hi):
            if bound is not None and (not isinstance(bound, int) or bound < 0):
                raise ValidationError(f"ideal profile employees: {bound!r} is not a whole "
                                      "number, zero or more", field="employees")
        if lo is not None and hi is not None and lo > hi:
            raise ValidationError(f"ideal profile employees: minimum {lo} is above maximum "
                                  f"{hi}", field="employees")

    def to_dict(self) -> dict[str, Any]:
        data: dict[str, Any] = {name: list(getattr(self, name)) for name in
                                ("sectors", "countries", "regions", "sources")}
        data["seniority"] = [[k, p] for k, p in self.seniority]
        for name in ("employees_min", "employees_max", "sector_points", "location_points",
                     "employees_points", "source_points"):
            data[name] = getattr(self, name)
        return data

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> IdealProfile:
        known = set(cls.__dataclass_fields__)
        unknown = set(data) - known
        if unknown:
            raise ValidationError(f"ideal profile: unknown settings {sorted(unknown)}",
                                  field=sorted(unknown)[0])
        kwargs = dict(data)
        for name in ("sectors", "countries", "regions", "sources"):
            if name in kwargs:
                kwargs[name] = tuple(kwargs[name] or ())
        if "seniority" in kwargs:
            pairs = kwargs["seniority"] or ()
            if not all(isinstance(p, list | tuple) and len(p) == 2 for p in pairs):
                raise ValidationError("ideal profile seniority: give [keyword, points] pairs",
                                      field="job_title")
            kwargs["seniority"] = tuple((str(k), p) for k, p in pairs)
        return cls(**kwargs)


Scorer = Callable[[LeadData], Score]


def _keyed(values: Iterable[str]) -> dict[str, str]:
    return {name_key(v): v for v in values}


def _seniority_finder(pairs: tuple[tuple[str, int], ...]) -> Callable[[str], tuple[str, int]]:
    """(keyword, points) of the most senior keyword in a title, ('', 0) when none."""
    if not pairs:
        return lambda title: ("", 0)
    points = {name_key(k): p for k, p in pairs}
    ordered = sorted(points, key=lambda k: (-points[k], -len(k)))
    pattern = re.compile(r"(?<!\w)(" + "|".join(re.escape(k) for k in ordered) + r")(?!\w)")

    def find(title: str) -> tuple[str, int]:
        found = [(points[m], m) for m in pattern.findall(field_key(title))]
        if not found:
            return "", 0
        best = max(found)
        return best[1], best[0]
    return find


def _profile_scorer(profile: IdealProfile) -> Callable[[LeadData, list[ScorePart]], None]:
    sectors, countries = _keyed(profile.sectors), _keyed(profile.countries)
    regions, sources = _keyed(profile.regions), _keyed(profile.sources)
    lo, hi = profile.employees_min, profile.employees_max
    sized = lo is not None or hi is not None
    band = f"{lo or 0:,}-{hi:,}" if hi is not None else f"{lo or 0:,}+"
    senior = _seniority_finder(profile.seniority)
    p = profile
    K = PartKind

    def add(lead: LeadData, parts: list[ScorePart]) -> None:
        if sectors and lead.sector and field_key(lead.sector) in sectors:
            parts.append(ScorePart(p.sector_points, K.SECTOR, lead.sector))
        if countries and lead.country and field_key(lead.country) in countries:
            parts.append(ScorePart(p.location_points, K.COUNTRY, lead.country))
        elif regions and lead.region and field_key(lead.region) in regions:
            parts.append(ScorePart(p.location_points, K.REGION, lead.region))
        n = lead.employees
        if sized and n is not None and (lo is None or n >= lo) and (hi is None or n <= hi):
            parts.append(ScorePart(p.employees_points, K.EMPLOYEES, f"{n:,}", band))
        if lead.job_title:
            keyword, points = senior(lead.job_title)
            if keyword:
                parts.append(ScorePart(points, K.SENIORITY, f"'{lead.job_title}'", keyword))
        if sources and lead.source and field_key(lead.source) in sources:
            parts.append(ScorePart(p.source_points, K.SOURCE, lead.source))
    return add


def _profile_fields(profile: IdealProfile) -> Callable[[LeadData], Any]:
    """The lead's fields the profile gives points for (one it has no values for never
    changes a score): what a score is remembered by, with the rule hits."""
    p = profile
    names = [name for name, used in (
        ("sector", p.sectors), ("country", p.countries), ("region", p.regions),
        ("employees", p.employees_min is not None or p.employees_max is not None),
        ("job_title", p.seniority), ("source", p.sources)) if used]
    return attrgetter(*names) if names else lambda lead: ()


def _clamped(parts: list[ScorePart]) -> Score:
    raw = sum(p.points for p in parts)
    total = min(100, max(0, raw))
    if total != raw:
        parts.append(ScorePart(total - raw, PartKind.CLAMP, str(total)))
    return Score(total, tuple(parts))


@dataclass(frozen=True)
class ScoringModel:
    rules: tuple[ScoreRule, ...] = ()
    profile: IdealProfile = field(default_factory=IdealProfile)

    def scorer(self) -> Scorer:
        """A compiled scorer, for scoring many leads. Scores are immutable: leads with the
        same rule hits and the same profile fields share one (an import of 100,000 leads
        builds a few thousand)."""
        rules = tuple((r.condition.compile(), ScorePart(r.points, PartKind.RULE, r.label))
                      for r in self.rules if r.points)
        profile = _profile_scorer(self.profile)
        looked_at = _profile_fields(self.profile)
        memo: dict[tuple[Any, ...], Score] = {}

        def score(lead: LeadData) -> Score:
            hits = tuple(i for i, (check, _) in enumerate(rules) if check(lead))
            key = (hits, looked_at(lead))
            found = memo.get(key)
            if found is None:
                if len(memo) >= SCORE_MEMO:
                    memo.clear()
                parts = [rules[i][1] for i in hits]
                profile(lead, parts)
                found = memo[key] = _clamped(parts)
            return found
        return score

    def score(self, lead: LeadData) -> Score:
        return self.scorer()(lead)

    def to_dict(self) -> dict[str, Any]:
        return {"rules": [r.to_dict() for r in self.rules], "profile": self.profile.to_dict()}

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> ScoringModel:
        raw = data.get("rules") or []
        if not isinstance(raw, list | tuple) or not all(isinstance(r, Mapping) for r in raw):
            raise ValidationError("score rules must be a list of objects", field="rules")
        rules = tuple(ScoreRule.from_dict(r, n) for n, r in enumerate(raw, 1))
        profile = data.get("profile") or {}
        if not isinstance(profile, Mapping):
            raise ValidationError("the ideal profile must be an object", field="profile")
        return cls(rules, IdealProfile.from_dict(profile))


def score_lead(lead: LeadData, model: ScoringModel) -> Score:
    return model.score(lead)


def _rule(label: str, f: LeadField, op: Operator, value: str, points: int) -> ScoreRule:
    return ScoreRule(Condition(f, op, value), points, label)


DEFAULT_MODEL = ScoringModel(
    rules=(
        _rule("source referral", LeadField.SOURCE, Operator.EQUALS, "referral", 15),
        _rule("source partner", LeadField.SOURCE, Operator.EQUALS, "partner", 10),
        _rule("source event", LeadField.SOURCE, Operator.EQUALS, "event", 10),
        _rule("source web", LeadField.SOURCE, Operator.EQUALS, "web", 5),
        _rule("named a product of interest", LeadField.PRODUCT_INTEREST, Operator.NOT_EQUALS,
              "", 10),
        _rule("gave a phone number", LeadField.PHONE, Operator.NOT_EQUALS, "", 5),
    ),
    profile=IdealProfile(sectors=("software", "technology", "telecommunications", "finance"),
                         employees_min=200, employees_max=10_000),
)
"""What a new workspace starts from; the manager edits it in the settings."""
