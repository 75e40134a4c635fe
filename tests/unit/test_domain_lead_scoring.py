"""Lead score: rule points and ideal-profile fit, each point explained, clamped 0-100."""

from __future__ import annotations

import json
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from salesdesk.domain.errors import ValidationError
from salesdesk.domain.lead_scoring import (
    DEFAULT_MODEL,
    IdealProfile,
    PartKind,
    ScoreRule,
    ScoringModel,
    score_lead,
)
from salesdesk.domain.lead_segments import Condition, LeadField, Operator
from salesdesk.domain.leads import Lead

F, Op = LeadField, Operator
NO_SENIORITY = IdealProfile(seniority=())


def lead(**kwargs: Any) -> Lead:
    return Lead(**{"person_name": "Ana", **kwargs})


def test_the_default_model_explains_every_point() -> None:
    score = DEFAULT_MODEL.score(lead(sector="Software", employees=250, job_title="VP of Sales",
                                     source="referral", product_interest="GTX Pro",
                                     phone="+44 20 7946 0000"))
    assert score.explain() == [
        "+15 source referral",
        "+10 named a product of interest",
        "+5 gave a phone number",
        "+15 sector Software matches ideal profile",
        "+15 employees 250 within ideal 200-10,000",
        "+15 job title 'VP of Sales' is senior (vp)",
    ]
    assert score.total == 75


def test_a_bare_lead_scores_zero_with_nothing_to_explain() -> None:
    score = score_lead(lead(), DEFAULT_MODEL)
    assert (score.total, score.parts) == (0, ())


def test_country_beats_region_and_region_counts_when_the_country_does_not() -> None:
    model = ScoringModel(profile=IdealProfile(countries=("France",), regions=("West",),
                                              seniority=()))
    assert model.score(lead(country="france", region="West")).explain() == [
        "+10 country france matches ideal profile"]
    assert model.score(lead(country="Spain", region="west")).explain() == [
        "+10 region west matches ideal profile"]


@pytest.mark.parametrize(("employees", "points"), [(None, 0), (99, 0), (100, 15), (5000, 15),
                                                   (5001, 0)])
def test_the_employee_range_includes_both_ends(employees: int | None, points: int) -> None:
    model = ScoringModel(profile=IdealProfile(employees_min=100, employees_max=5000,
                                              seniority=()))
    assert model.score(lead(employees=employees)).total == points


def test_an_open_ended_employee_range() -> None:
    model = ScoringModel(profile=IdealProfile(employees_min=1000, seniority=()))
    assert model.score(lead(employees=50_000)).explain() == [
        "+15 employees 50,000 within ideal 1,000+"]


@pytest.mark.parametrize(("title", "points", "keyword"), [
    ("Chief Revenue Officer", 20, "chief"), ("VP Sales and Director EMEA", 15, "vp"),
    ("Head of IT", 15, "head"), ("IT Director", 12, "director"), ("Office manager", 6, "manager"),
    ("Headhunter", 0, ""), ("Directory assistant", 0, ""), ("Engineer", 0, ""),
])
def test_seniority_takes_the_most_senior_whole_word(title: str, points: int,
                                                     keyword: str) -> None:
    parts = ScoringModel().score(lead(job_title=title)).parts
    assert sum(p.points for p in parts) == points
    if keyword:
        assert parts[0].kind is PartKind.SENIORITY and parts[0].detail == keyword


def test_the_source_criterion_of_the_profile() -> None:
    model = ScoringModel(profile=IdealProfile(sources=("Partner",), seniority=()))
    assert model.score(lead(source="partner")).explain() == [
        "+10 source partner matches ideal profile"]


def test_an_empty_profile_gives_no_points() -> None:
    rich = lead(sector="Software", country="France", employees=300, job_title="CEO",
                source="web")
    assert ScoringModel(profile=NO_SENIORITY).score(rich).total == 0


def test_clamping_shows_as_a_part() -> None:
    big = ScoreRule(Condition(F.SECTOR, Op.EQUALS, "software"), 80, "software")
    also = ScoreRule(Condition(F.SOURCE, Op.EQUALS, "web"), 40, "web")
    score = ScoringModel((big, also), NO_SENIORITY).score(lead(sector="software", source="web"))
    assert score.total == 100 and score.explain()[-1] == "-20 capped at 100"
    minus = ScoreRule(Condition(F.EMAIL, Op.IS_EMPTY), -30, "no e-mail")
    score = ScoringModel((minus,), NO_SENIORITY).score(lead())
    assert score.total == 0 and score.explain() == ["-30 no e-mail", "+30 capped at 0"]


def test_a_rule_without_a_label_is_named_after_its_condition() -> None:
    rule = ScoreRule(Condition(F.SCORE, Op.AT_LEAST, 10), 5)
    assert rule.label == "score >= 10"


_RULES = st.lists(st.tuples(st.sampled_from(["web", "event", "referral"]),
                            st.integers(-100, 100)), max_size=8)


@settings(max_examples=200, deadline=None)
@given(_RULES, st.sampled_from(["web", "event", "referral"]),
       st.sampled_from(["Software", "Retail"]), st.one_of(st.none(), st.integers(0, 10**5)),
       st.sampled_from(["CEO", "Engineer", "Head of Sales", ""]))
def test_the_parts_always_add_up_to_a_total_within_0_and_100(
        raw: list[tuple[str, int]], source: str, sector: str, employees: int | None,
        title: str) -> None:
    rules = tuple(ScoreRule(Condition(F.SOURCE, Op.EQUALS, s), p) for s, p in raw)
    model = ScoringModel(rules, IdealProfile(sectors=("software",), employees_min=100))
    score = model.score(lead(source=source, sector=sector, employees=employees,
                             job_title=title))
    assert 0 <= score.total <= 100
    assert sum(p.points for p in score.parts) == score.total
    assert all(p.points for p in score.parts) and len(score.explain()) == len(score.parts)


# --- validation and storage ------------------------------------------------------------


@pytest.mark.parametrize(("data", "field", "words"), [
    ({"label": "Referral", "field": "source", "operator": "equals", "value": "referral",
      "points": 150}, "points", "score rule 'Referral': points must be"),
    ({"label": "Big", "field": "sector", "operator": ">=", "value": 3, "points": 5},
     "sector", "score rule 'Big': '>=' needs a number field"),
    ({"field": "source", "operator": "equals", "value": "web", "points": "ten"},
     "points", "score rule 'source equals web'"),
])
def test_rule_refusals_name_the_rule_and_the_field(data: dict[str, Any], field: str,
                                                   words: str) -> None:
    with pytest.raises(ValidationError) as err:
        ScoringModel.from_dict({"rules": [data]})
    assert err.value.field == field and words in str(err.value)


@pytest.mark.parametrize(("profile", "field"), [
    ({"employees_min": 500, "employees_max": 100}, "employees"),
    ({"employees_min": -1}, "employees"),
    ({"sector_points": 101}, "points"),
    ({"seniority": [["ceo"]]}, "job_title"),
    ({"seniority": [["ceo", 500]]}, "points"),
    ({"favourite_colour": "red"}, "favourite_colour"),
])
def test_profile_refusals_name_the_field(profile: dict[str, Any], field: str) -> None:
    with pytest.raises(ValidationError) as err:
        ScoringModel.from_dict({"profile": profile})
    assert err.value.field == field
    assert "ideal profile" in str(err.value) or "seniority 'ceo'" in str(err.value)


def test_the_model_must_be_lists_and_objects() -> None:
    with pytest.raises(ValidationError, match="list of objects"):
        ScoringModel.from_dict({"rules": "source = web"})
    with pytest.raises(ValidationError, match="must be an object"):
        ScoringModel.from_dict({"profile": ["software"]})


def test_the_default_model_round_trips_through_json() -> None:
    again = ScoringModel.from_dict(json.loads(json.dumps(DEFAULT_MODEL.to_dict())))
    assert again == DEFAULT_MODEL
    subject = lead(sector="finance", job_title="CFO", source="event")
    assert again.score(subject) == DEFAULT_MODEL.score(subject)
