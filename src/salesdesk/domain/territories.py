"""Territories: a tree of matching rules over account attributes, and the reps assigned.

Rules of the game (what a sales manager reads in the help, enforced here):
- A territory's criteria are ANDed; each criterion accepts any of its values.
- A child inherits its ancestors' criteria, so "EMEA > DACH" only sees EMEA accounts.
- A territory without criteria of its own is a container: accounts never land on it.
- Each account lands in exactly one territory, the most specific match: named accounts
  beat everything, then the deeper territory, then the one with more criteria. Equal
  specificity is a tie: reported, never guessed. No match is reported as unassigned.
"""

from __future__ import annotations

import enum
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from typing import Any

from salesdesk.domain.accounts import Account
from salesdesk.domain.entity import Entity
from salesdesk.domain.errors import ValidationError
from salesdesk.domain.validation import clean_decimal, clean_text


class RuleField(enum.StrEnum):
    COUNTRY = "country"
    REGION = "region"
    POSTCODE_PREFIX = "postcode_prefix"
    INDUSTRY = "industry"
    EMPLOYEES = "employees"
    REVENUE = "revenue"
    ACCOUNT = "account"  # named accounts

    @property
    def is_range(self) -> bool:
        return self in (RuleField.EMPLOYEES, RuleField.REVENUE)


def _key(text: str) -> str:
    return " ".join(text.split()).casefold()


@dataclass(frozen=True)
class Criterion:
    """One condition. Set fields match any of `values`; range fields use min <= x < max."""

    field: RuleField
    values: tuple[str, ...] = ()
    minimum: Decimal | None = None
    maximum: Decimal | None = None

    def __post_init__(self) -> None:
        object.__setattr__(self, "field", RuleField(self.field))
        if self.field.is_range:
            if self.minimum is None and self.maximum is None:
                raise ValidationError("give a minimum, a maximum or both", field=self.field)
            if (self.minimum is not None and self.maximum is not None
                    and self.minimum >= self.maximum):
                raise ValidationError("minimum must be below maximum", field=self.field)
        else:
            cleaned = tuple(dict.fromkeys(v for v in (clean_text(v, self.field) for v in
                                                      self.values) if v))
            if not cleaned:
                raise ValidationError("give at least one value", field=self.field)
            object.__setattr__(self, "values", cleaned)

    def compile(self) -> Callable[[Account], bool]:
        """A fast predicate for evaluation over many accounts."""
        f = self.field
        if f.is_range:
            lo, hi = self.minimum, self.maximum

            def in_range(a: Account) -> bool:
                x = a.employees if f is RuleField.EMPLOYEES else a.revenue_m
                return x is not None and (lo is None or x >= lo) and (hi is None or x < hi)
            return in_range
        keys = frozenset(_key(v) for v in self.values)
        if f is RuleField.POSTCODE_PREFIX:
            prefixes = tuple(k.upper() for k in keys)
            return lambda a: bool(a.postcode) and a.postcode.startswith(prefixes)
        attr = {RuleField.COUNTRY: "country", RuleField.REGION: "region",
                RuleField.INDUSTRY: "sector", RuleField.ACCOUNT: "name"}[f]
        return lambda a: _key(getattr(a, attr)) in keys

    def matches(self, account: Account) -> bool:
        return self.compile()(account)

    def to_dict(self) -> dict[str, Any]:
        if self.field.is_range:
            return {"field": self.field.value,
                    "min": None if self.minimum is None else str(self.minimum),
                    "max": None if self.maximum is None else str(self.maximum)}
        return {"field": self.field.value, "values": list(self.values)}

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Criterion:
        try:
            rule_field = RuleField(data["field"])
        except (KeyError, ValueError):
            raise ValidationError(f"unknown rule field {data.get('field')!r}",
                                  field="rules") from None
        if rule_field.is_range:
            return cls(rule_field, minimum=clean_decimal(data.get("min"), rule_field, places=2),
                       maximum=clean_decimal(data.get("max"), rule_field, places=2))
        return cls(rule_field, values=tuple(str(v) for v in data.get("values", ())))


@dataclass(eq=False, kw_only=True)
class Territory(Entity):
    name: str
    parent_id: str | None = None
    criteria: list[Criterion] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.name = clean_text(self.name, "name", required=True, max_len=120)

    @property
    def is_container(self) -> bool:
        return not self.criteria


@dataclass(eq=False, kw_only=True)
class TerritoryAssignment(Entity):
    """A rep covering a territory from `start` until `end` (inclusive), open-ended if None."""

    territory_id: str
    member_id: str
    start: date
    end: date | None = None

    def __post_init__(self) -> None:
        if self.end is not None and self.end < self.start:
            raise ValidationError("end date is before start date", field="end")

    def covers(self, day: date) -> bool:
        return self.start <= day and (self.end is None or day <= self.end)


def check_parent(territory_id: str, parent_id: str | None,
                 parents: Mapping[str, str | None]) -> None:
    seen = {territory_id}
    current = parent_id
    while current is not None:
        if current in seen:
            raise ValidationError("a territory cannot sit inside itself", field="parent")
        seen.add(current)
        current = parents.get(current)


@dataclass
class _Compiled:
    territory: Territory
    checks: tuple[Callable[[Account], bool], ...]
    specificity: tuple[int, int, int]
    country_keys: frozenset[str] | None  # None: matches any country (index wildcard)


@dataclass
class Coverage:
    """Where every account lands, plus what a manager must look at."""

    landing: dict[str, str] = field(default_factory=dict)        # account id -> territory id
    unmatched: list[str] = field(default_factory=list)            # account ids
    ties: dict[str, list[str]] = field(default_factory=dict)      # account id -> territory ids
    overlaps: Counter[tuple[str, str]] = field(default_factory=Counter)  # pair -> accounts

    def counts(self) -> Counter[str]:
        return Counter(self.landing.values())


class TerritoryPlan:
    """The compiled tree. Build once, evaluate many accounts."""

    def __init__(self, territories: Iterable[Territory]):
        self._by_id = {t.id: t for t in territories if not t.is_deleted}
        self._compiled = [self._compile(t) for t in self._by_id.values() if not t.is_container]
        self._by_country: dict[str, list[_Compiled]] = defaultdict(list)
        self._wildcard: list[_Compiled] = []
        for c in self._compiled:
            if c.country_keys is None:
                self._wildcard.append(c)
            else:
                for k in c.country_keys:
                    self._by_country[k].append(c)

    def chain(self, territory: Territory) -> list[Territory]:
        """The territory and its ancestors, nearest first."""
        result, seen = [], set()
        current: Territory | None = territory
        while current is not None and current.id not in seen:
            result.append(current)
            seen.add(current.id)
            current = self._by_id.get(current.parent_id) if current.parent_id else None
        return result

    def effective_criteria(self, territory: Territory) -> list[Criterion]:
        return [c for t in self.chain(territory) for c in t.criteria]

    def _compile(self, territory: Territory) -> _Compiled:
        criteria = self.effective_criteria(territory)
        countries = [frozenset(_key(v) for v in c.values) for c in criteria
                     if c.field is RuleField.COUNTRY]
        country_keys = frozenset.intersection(*countries) if countries else None
        named = int(any(c.field is RuleField.ACCOUNT for c in territory.criteria))
        spec = (named, len(self.chain(territory)), len(criteria))
        return _Compiled(territory, tuple(c.compile() for c in criteria), spec, country_keys)

    def matches(self, account: Account) -> list[tuple[Territory, tuple[int, int, int]]]:
        candidates = self._by_country.get(_key(account.country), [])
        found = []
        for c in (*candidates, *self._wildcard):
            if all(check(account) for check in c.checks):
                found.append((c.territory, c.specificity))
        return found

    def evaluate(self, accounts: Iterable[Account],
                 progress: Callable[[int], bool] | None = None) -> Coverage:
        """Land every account. `progress(n_done)` is called every 5,000 accounts and may
        return False to cancel (then the partial coverage is returned)."""
        cov = Coverage()
        for n, account in enumerate(accounts, 1):
            self._land(account, cov)
            if progress is not None and n % 5000 == 0 and progress(n) is False:
                break
        return cov

    def _land(self, account: Account, cov: Coverage) -> None:
        found = self.matches(account)
        if not found:
            cov.unmatched.append(account.id)
            return
        best = max(spec for _, spec in found)
        winners = sorted((t.id for t, spec in found if spec == best))
        if len(winners) > 1:
            cov.ties[account.id] = winners
        else:
            cov.landing[account.id] = winners[0]
        if len(found) > 1:
            self._count_overlaps([t for t, _ in found], cov)

    def _count_overlaps(self, matched: Sequence[Territory], cov: Coverage) -> None:
        ids = sorted(t.id for t in matched)
        for i, a in enumerate(ids):
            ancestors_a = {t.id for t in self.chain(self._by_id[a])}
            for b in ids[i + 1:]:
                if a not in {t.id for t in self.chain(self._by_id[b])} and b not in ancestors_a:
                    cov.overlaps[(a, b)] += 1

    def preview(self, territory: Territory, accounts: Iterable[Account]) -> list[Account]:
        """Accounts the territory's effective rules match (before the most-specific rule)."""
        parent = self._by_id.get(territory.parent_id) if territory.parent_id else None
        chain = [territory, *(self.chain(parent) if parent else [])]
        checks = [c.compile() for t in chain for c in t.criteria]
        if not territory.criteria:
            return []
        return [a for a in accounts if all(check(a) for check in checks)]
