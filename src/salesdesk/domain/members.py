"""Team members, teams and the manager hierarchy."""

from __future__ import annotations

import enum
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import Any, Protocol

from salesdesk.domain.entity import Entity
from salesdesk.domain.errors import ManagerCycleError, ValidationError
from salesdesk.domain.hierarchy import find_loop
from salesdesk.domain.validation import clean_email, clean_text

DEFAULT_CAPACITY = 40
"""Open leads a rep carries when nobody said otherwise."""

UPDATABLE_FIELDS = frozenset({"name", "email", "role", "team_id", "hire_date", "ramp_months",
                              "capacity", "skills"})
"""What Member.update changes. The manager is set on its own, after the loop check."""

SKILL_LEVELS = range(0, 6)
"""0 = none ... 5 = expert."""


class Role(enum.StrEnum):
    REP = "rep"
    MANAGER = "manager"
    ADMIN = "admin"


class SkillKind(enum.StrEnum):
    PRODUCT = "products"
    INDUSTRY = "industries"
    LANGUAGE = "languages"
    SEGMENT = "segments"


class RampState(enum.Enum):
    NO_HIRE_DATE = "no_hire_date"
    NOT_STARTED = "not_started"
    RAMPING = "ramping"
    RAMPED = "ramped"


@dataclass(frozen=True)
class RampStatus:
    state: RampState
    fraction: float  # share of full capacity/quota the member carries today, 0..1
    months_in: int = 0
    months_total: int = 0


@dataclass(eq=False, kw_only=True)
class Team(Entity):
    name: str

    def __post_init__(self) -> None:
        self.name = clean_text(self.name, "team", required=True, max_len=100)


Skills = dict[str, dict[str, int]]


def clean_skills(skills: Mapping[str, Mapping[str, int]] | None) -> Skills:
    result: Skills = {}
    for kind, entries in (skills or {}).items():
        try:
            kind_key = SkillKind(kind).value
        except ValueError:
            known = ", ".join(k.value for k in SkillKind)
            raise ValidationError(f"unknown skill kind '{kind}' (known: {known})",
                                  field="skills") from None
        for name, level in entries.items():
            skill = clean_text(name, "skills", required=True, max_len=80)
            if not isinstance(level, int) or level not in SKILL_LEVELS:
                raise ValidationError(f"level of '{skill}' must be 0 to 5 (got {level!r})",
                                      field="skills")
            if level:
                result.setdefault(kind_key, {})[skill] = level
    return result


@dataclass(eq=False, kw_only=True)
class Member(Entity):
    name: str
    email: str | None = None
    role: Role = Role.REP
    manager_id: str | None = None
    team_id: str | None = None
    hire_date: date | None = None
    ramp_months: int = 0
    capacity: int = DEFAULT_CAPACITY
    skills: Skills = field(default_factory=dict)
    left_on: date | None = None

    def __post_init__(self) -> None:
        self.name = clean_text(self.name, "name", required=True, max_len=120)
        self.email = clean_email(self.email)
        try:
            self.role = Role(self.role)
        except ValueError:
            raise ValidationError(f"'{self.role}' is not a role (rep, manager or admin)",
                                  field="role") from None
        self._check_numbers(self.capacity, self.ramp_months)
        self.skills = clean_skills(self.skills)

    @staticmethod
    def _check_numbers(capacity: int, ramp_months: int) -> None:
        if capacity < 0:
            raise ValidationError(f"must be zero or more (got {capacity})", field="capacity")
        if not 0 <= ramp_months <= 36:
            raise ValidationError(f"must be 0 to 36 months (got {ramp_months})",
                                  field="ramp_months")

    @property
    def active(self) -> bool:
        return self.left_on is None

    def update(self, **changes: Any) -> None:
        """Apply validated changes; unknown fields are a programming error."""
        unknown = set(changes) - UPDATABLE_FIELDS
        if unknown:
            raise TypeError(f"cannot update {sorted(unknown)}")
        probe = Member(**{**self.snapshot(), **changes})  # validates all fields together
        for key in changes:
            setattr(self, key, getattr(probe, key))

    def snapshot(self) -> dict[str, object]:
        return {"name": self.name, "email": self.email, "role": self.role,
                "manager_id": self.manager_id, "team_id": self.team_id,
                "hire_date": self.hire_date, "ramp_months": self.ramp_months,
                "capacity": self.capacity, "skills": {k: dict(v) for k, v in self.skills.items()},
                "left_on": self.left_on}

    def set_skill(self, kind: SkillKind | str, name: str, level: int) -> None:
        skills = {k: dict(v) for k, v in self.skills.items()}
        skills.setdefault(str(kind), {})[name] = level  # clean_skills refuses unknown kinds
        self.skills = clean_skills(skills)  # a new dict, so the change is tracked

    def deactivate(self, on: date) -> None:
        if self.hire_date and on < self.hire_date:
            raise ValidationError("leaving date is before the hire date", field="left_on")
        self.left_on = on

    def reactivate(self) -> None:
        self.left_on = None

    def ramp_status(self, today: date) -> RampStatus:
        if self.hire_date is None:
            return RampStatus(RampState.NO_HIRE_DATE, 1.0)
        if today < self.hire_date:
            return RampStatus(RampState.NOT_STARTED, 0.0, 0, self.ramp_months)
        months = (today.year - self.hire_date.year) * 12 + today.month - self.hire_date.month
        if today.day < self.hire_date.day:
            months -= 1
        if months >= self.ramp_months:
            return RampStatus(RampState.RAMPED, 1.0, months, self.ramp_months)
        fraction = (months + 1) / (self.ramp_months + 1)
        return RampStatus(RampState.RAMPING, fraction, months, self.ramp_months)

    def effective_capacity(self, today: date) -> int:
        """Ramping reps carry proportionally fewer open leads."""
        return int(self.capacity * self.ramp_status(today).fraction)


class _Named(Protocol):
    @property
    def id(self) -> str: ...

    @property
    def name(self) -> str: ...

    @property
    def email(self) -> str | None: ...


def check_unique(member: _Named, others: Iterable[_Named]) -> None:
    """One member per name (case-insensitive) and per e-mail address."""
    for other in others:
        if other.id == member.id:
            continue
        if other.name.casefold() == member.name.casefold():
            raise ValidationError(f"another member is already called '{member.name}'",
                                  field="name")
        if member.email and other.email == member.email:
            raise ValidationError(f"'{member.email}' is already {other.name}'s address",
                                  field="email")


def check_manager(member_id: str, manager_id: str | None,
                  managers: Mapping[str, str | None]) -> None:
    """Refuse a manager that would close a loop. `managers` maps member id -> manager id."""
    if find_loop(member_id, manager_id, managers):
        raise ManagerCycleError("this manager would make a circular reporting chain",
                                field="manager")


def hierarchy_order(members: Iterable[Member]) -> list[Member]:
    """Members ordered managers-first (depth-first), so a tree can be built in one pass."""
    members = list(members)  # iterated twice: a generator would yield nothing the second time
    by_manager: dict[str | None, list[Member]] = {}
    ids = {m.id for m in members}
    for m in sorted(members, key=lambda m: m.name.casefold()):
        parent = m.manager_id if m.manager_id in ids else None
        by_manager.setdefault(parent, []).append(m)
    ordered: list[Member] = []
    stack = list(reversed(by_manager.get(None, [])))
    while stack:
        node = stack.pop()
        ordered.append(node)
        stack.extend(reversed(by_manager.get(node.id, [])))
    return ordered
