"""Pipelines and their stages, forecast categories and the managed list of lost reasons."""

from __future__ import annotations

import enum
from collections.abc import Iterable
from dataclasses import dataclass
from typing import TypeVar

from salesdesk.domain.entity import Entity
from salesdesk.domain.errors import ValidationError
from salesdesk.domain.validation import clean_text, name_key

E = TypeVar("E", bound=enum.Enum)


class ForecastCategory(enum.StrEnum):
    """Where a deal counts in the forecast (issue 6 rolls these up)."""

    PIPELINE = "pipeline"
    BEST_CASE = "best_case"
    COMMIT = "commit"
    CLOSED = "closed"
    OMITTED = "omitted"


class Outcome(enum.StrEnum):
    """What reaching a stage means: still open, or the deal is won or lost."""

    OPEN = "open"
    WON = "won"
    LOST = "lost"


@dataclass(eq=False, kw_only=True)
class Pipeline(Entity):
    name: str

    def __post_init__(self) -> None:
        self.name = clean_text(self.name, "pipeline", required=True, max_len=100)


@dataclass(eq=False, kw_only=True)
class Stage(Entity):
    pipeline_id: str
    name: str
    position: int
    probability: int
    """Default win probability of a deal in this stage, percent 0-100."""
    category: ForecastCategory = ForecastCategory.PIPELINE
    outcome: Outcome = Outcome.OPEN
    rotting_days: int | None = None
    """A deal that stays longer than this in the stage is stale (highlighted); None = never."""

    def __post_init__(self) -> None:
        self.name = clean_text(self.name, "stage", required=True, max_len=40)
        self.category = check_choice(ForecastCategory, self.category, "category")
        self.outcome = check_choice(Outcome, self.outcome, "outcome")
        self.probability = check_probability(self.probability, "probability")
        if self.rotting_days is not None and (
                isinstance(self.rotting_days, bool) or not isinstance(self.rotting_days, int)
                or self.rotting_days < 1):
            raise ValidationError(f"must be a whole number of days, at least 1 (got "
                                  f"{self.rotting_days})", field="rotting_days")
        if self.outcome is Outcome.WON and (self.probability != 100
                                            or self.category is not ForecastCategory.CLOSED):
            raise ValidationError("a won stage has probability 100 % and category closed",
                                  field="probability")
        if self.outcome is Outcome.LOST and (self.probability != 0
                                             or self.category is not ForecastCategory.OMITTED):
            raise ValidationError("a lost stage has probability 0 % and category omitted",
                                  field="probability")

    @property
    def is_open(self) -> bool:
        return self.outcome is Outcome.OPEN


def check_choice(enum_cls: type[E], value: object, field: str) -> E:
    """`value` as a member of `enum_cls`; a value it does not know is a ValidationError."""
    try:
        return enum_cls(value)
    except ValueError:
        known = ", ".join(str(m.value) for m in enum_cls)
        raise ValidationError(f"'{value}' is not one of {known}", field=field) from None


def check_probability(value: object, field: str) -> int:
    """A win probability: a whole percent from 0 to 100."""
    if isinstance(value, bool) or not isinstance(value, int):
        try:
            value = int(str(value).strip().rstrip("%").strip())
        except ValueError:
            raise ValidationError(f"'{value}' is not a whole percent", field=field) from None
    if not 0 <= value <= 100:
        raise ValidationError(f"must be between 0 and 100 % (got {value})", field=field)
    return value


def check_stages(stages: Iterable[Stage]) -> None:
    """A pipeline's stages: unique names, at least one open stage, exactly one won and one
    lost stage."""
    stages = list(stages)
    seen: set[str] = set()
    for s in stages:
        if name_key(s.name) in seen:
            raise ValidationError(f"two stages are called '{s.name}'", field="stage")
        seen.add(name_key(s.name))
    outcomes = [s.outcome for s in stages]
    if Outcome.OPEN not in outcomes:
        raise ValidationError("a pipeline needs at least one open stage", field="stage")
    for outcome in (Outcome.WON, Outcome.LOST):
        if outcomes.count(outcome) != 1:
            raise ValidationError(f"a pipeline needs exactly one {outcome.value} stage",
                                  field="stage")


DEFAULT_PIPELINE = "Sales"
DEFAULT_STAGES: tuple[tuple[str, int, ForecastCategory, Outcome, int | None], ...] = (
    ("Prospecting", 10, ForecastCategory.PIPELINE, Outcome.OPEN, 30),
    ("Engaging", 40, ForecastCategory.BEST_CASE, Outcome.OPEN, 45),
    ("Won", 100, ForecastCategory.CLOSED, Outcome.WON, None),
    ("Lost", 0, ForecastCategory.OMITTED, Outcome.LOST, None),
)
"""The sample company's stages (Prospecting > Engaging > Won / Lost) with the default
probabilities most CRMs would show; each workspace can change them."""


@dataclass(eq=False, kw_only=True)
class LostReason(Entity):
    name: str
    active: bool = True

    def __post_init__(self) -> None:
        self.name = clean_text(self.name, "lost reason", required=True, max_len=80)


DEFAULT_LOST_REASONS = ("Price", "Competitor", "No budget", "No decision", "Timing",
                        "Product fit", "Went dark", "Other")
