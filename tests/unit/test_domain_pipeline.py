"""domain.pipeline: stages, their outcomes and probabilities, and a pipeline's stage set."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from salesdesk.domain.errors import ValidationError
from salesdesk.domain.pipeline import (
    DEFAULT_LOST_REASONS,
    DEFAULT_STAGES,
    ForecastCategory,
    LostReason,
    Outcome,
    Pipeline,
    Stage,
    check_choice,
    check_probability,
    check_stages,
)

C, OC = ForecastCategory, Outcome


def stage(name: str, probability: int = 10, category: ForecastCategory = C.PIPELINE,
          outcome: Outcome = OC.OPEN, **kw: object) -> Stage:
    return Stage(pipeline_id="p", name=name, position=0, probability=probability,
                 category=category, outcome=outcome, **kw)  # type: ignore[arg-type]


def won() -> Stage:
    return stage("Won", 100, C.CLOSED, OC.WON)


def lost() -> Stage:
    return stage("Lost", 0, C.OMITTED, OC.LOST)


@given(st.integers(0, 100))
def test_every_whole_percent_is_a_probability(p: int) -> None:
    assert check_probability(p, "probability") == p
    assert check_probability(f" {p} % ", "probability") == p


@pytest.mark.parametrize("bad", [-1, 101, "abc", "", None, 12.5, "12.5", True, False])
def test_probability_out_of_bounds_or_not_whole_is_refused(bad: object) -> None:
    with pytest.raises(ValidationError) as err:
        check_probability(bad, "probability")
    assert err.value.field == "probability"


def test_a_stage_cleans_its_name_and_takes_enum_text() -> None:
    s = Stage(pipeline_id="p", name="  Needs   analysis ", position=1, probability="25%",
              category="best_case", outcome="open")  # type: ignore[arg-type]
    assert (s.name, s.probability, s.category, s.outcome) == (
        "Needs analysis", 25, C.BEST_CASE, OC.OPEN)
    assert s.is_open


@pytest.mark.parametrize(("field", "kw"), [
    ("stage", {"name": "  "}),
    ("stage", {"name": "x" * 41}),
    ("category", {"category": "maybe"}),
    ("outcome", {"outcome": "pending"}),
    ("probability", {"probability": 140}),
    ("rotting_days", {"rotting_days": 0}),
    ("rotting_days", {"rotting_days": True}),
    ("rotting_days", {"rotting_days": 1.5}),
])
def test_bad_stage_fields_are_refused_naming_the_field(field: str,
                                                       kw: dict[str, object]) -> None:
    args: dict[str, object] = {"pipeline_id": "p", "name": "Open", "position": 0,
                               "probability": 10, **kw}
    with pytest.raises(ValidationError) as err:
        Stage(**args)  # type: ignore[arg-type]
    assert err.value.field == field


def test_a_won_stage_is_certain_and_closed() -> None:
    assert won().probability == 100 and not won().is_open
    with pytest.raises(ValidationError, match="won stage"):
        stage("Won", 90, C.CLOSED, OC.WON)
    with pytest.raises(ValidationError, match="won stage"):
        stage("Won", 100, C.COMMIT, OC.WON)


def test_a_lost_stage_is_zero_and_omitted() -> None:
    assert lost().probability == 0 and not lost().is_open
    with pytest.raises(ValidationError, match="lost stage"):
        stage("Lost", 5, C.OMITTED, OC.LOST)
    with pytest.raises(ValidationError, match="lost stage"):
        stage("Lost", 0, C.PIPELINE, OC.LOST)


def test_the_default_stages_make_a_valid_pipeline() -> None:
    stages = [Stage(pipeline_id="p", name=n, position=i, probability=p, category=c,
                    outcome=o, rotting_days=r)
              for i, (n, p, c, o, r) in enumerate(DEFAULT_STAGES)]
    check_stages(stages)
    assert [s.name for s in stages] == ["Prospecting", "Engaging", "Won", "Lost"]
    assert len(set(DEFAULT_LOST_REASONS)) == len(DEFAULT_LOST_REASONS)


def test_check_stages_wants_unique_names() -> None:
    with pytest.raises(ValidationError, match="two stages are called"):
        check_stages([stage("Demo"), stage("  DEMO "), won(), lost()])


def test_check_stages_wants_an_open_stage() -> None:
    with pytest.raises(ValidationError, match="at least one open stage"):
        check_stages([won(), lost()])


@pytest.mark.parametrize("stages", [
    lambda: [stage("A"), lost()],
    lambda: [stage("A"), won()],
    lambda: [stage("A"), won(), stage("Won again", 100, C.CLOSED, OC.WON), lost()],
    lambda: [stage("A"), won(), lost(), stage("Lost 2", 0, C.OMITTED, OC.LOST)],
])
def test_check_stages_wants_exactly_one_won_and_one_lost(stages: object) -> None:
    with pytest.raises(ValidationError, match="exactly one"):
        check_stages(stages())  # type: ignore[operator]


def test_check_choice_names_the_field_and_the_choices() -> None:
    assert check_choice(Outcome, "won", "outcome") is Outcome.WON
    with pytest.raises(ValidationError, match="'draw' is not one of open, won, lost") as err:
        check_choice(Outcome, "draw", "outcome")
    assert err.value.field == "outcome"


def test_names_are_required_and_cleaned() -> None:
    assert Pipeline(name=" Sales  EMEA ").name == "Sales EMEA"
    assert LostReason(name=" No  budget").name == "No budget"
    assert LostReason(name="Price").active
    for make in (lambda: Pipeline(name=""), lambda: LostReason(name=" ")):
        with pytest.raises(ValidationError, match="is required"):
            make()
