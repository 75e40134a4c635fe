"""Territories: a tree of matching rules over account attributes, and the reps assigned.

The entities and their checks live here; how accounts land in territories (the rules of
the game a sales manager reads in the help) is domain/territory_plan.py.
"""

from __future__ import annotations

import enum
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from typing import Any

from salesdesk.domain.accounts import Account
from salesdesk.domain.entity import Entity
from salesdesk.domain.errors import ValidationError
from salesdesk.domain.hierarchy import find_loop
from salesdesk.domain.validation import clean_decimal, clean_text, name_key


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
        keys = frozenset(name_key(v) for v in self.values)
        if f is RuleField.POSTCODE_PREFIX:
            prefixes = tuple(k.upper() for k in keys)
            return lambda a: bool(a.postcode) and a.postcode.startswith(prefixes)
        attr = {RuleField.COUNTRY: "country", RuleField.REGION: "region",
                RuleField.INDUSTRY: "sector", RuleField.ACCOUNT: "name"}[f]
        return lambda a: name_key(getattr(a, attr)) in keys

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
    """Refuse a parent that would close a loop. `parents` maps territory id -> parent id."""
    if find_loop(territory_id, parent_id, parents):
        raise ValidationError("a territory cannot sit inside itself", field="parent")
