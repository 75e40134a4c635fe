"""Segments: rules over lead fields, the shipped defaults, validation and JSON round trips."""

from __future__ import annotations

import json
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from salesdesk.domain.errors import ValidationError
from salesdesk.domain.lead_segments import (
    DEFAULT_SEGMENTS,
    HOT_MIN,
    WARM_MIN,
    Condition,
    LeadField,
    Match,
    Operator,
    Segment,
    Segmenter,
    dump_segments,
    load_segments,
    segments_for,
)
from salesdesk.domain.leads import Lead, LeadStatus

F, Op = LeadField, Operator


def lead(**kwargs: Any) -> Lead:
    return Lead(**{"person_name": "Ana", **kwargs})


def default(name: str) -> Segment:
    return next(s for s in DEFAULT_SEGMENTS if s.name == name)


# --- the shipped segments --------------------------------------------------------------


def test_qualified_and_unqualified_follow_the_status() -> None:
    assert default("qualified").matches(lead(status=LeadStatus.QUALIFIED))
    assert not default("qualified").matches(lead(status=LeadStatus.NEW))
    assert default("unqualified").matches(lead(status="unqualified", status_reason="x"))


@pytest.mark.parametrize(("kwargs", "inside"), [
    ({"status_reason": "Price too high"}, True),
    ({"status_reason": "too EXPENSIVE for them"}, True),
    ({"notes": "Asked about pricing; said the price doubles their budget"}, True),
    ({"notes": "Thinks we are too  expensive"}, True),
    ({"status_reason": "no budget", "notes": "call back in June"}, False),
    ({}, False),
])
def test_price_objection_reads_the_reason_and_the_notes(kwargs: dict[str, str],
                                                        inside: bool) -> None:
    assert default("price objection").matches(lead(**kwargs)) is inside


@pytest.mark.parametrize(("score", "name"), [(0, "cold"), (WARM_MIN - 1, "cold"),
                                             (WARM_MIN, "warm"), (HOT_MIN - 1, "warm"),
                                             (HOT_MIN, "hot"), (100, "hot")])
def test_temperature_thresholds(score: int, name: str) -> None:
    temps = [s for s in segments_for(lead(score=score), DEFAULT_SEGMENTS)
             if s in ("hot", "warm", "cold")]
    assert temps == [name]


def test_every_score_is_in_exactly_one_temperature() -> None:
    seg = Segmenter(DEFAULT_SEGMENTS)
    for score in range(101):
        assert len({"hot", "warm", "cold"} & set(seg(lead(score=score)))) == 1


def test_every_default_segment_has_a_nurture_plan() -> None:
    assert all(s.plan for s in DEFAULT_SEGMENTS)


# --- operators -------------------------------------------------------------------------


@pytest.mark.parametrize(("condition", "kwargs", "result"), [
    (Condition(F.SECTOR, Op.EQUALS, "software"), {"sector": " SOFTWARE "}, True),
    (Condition(F.SECTOR, Op.EQUALS, "Soft  ware"), {"sector": "Soft ware"}, True),
    (Condition(F.SECTOR, Op.EQUALS, "software"), {}, False),
    (Condition(F.SECTOR, Op.NOT_EQUALS, "software"), {}, True),
    (Condition(F.SECTOR, Op.NOT_EQUALS, "software"), {"sector": "Software"}, False),
    (Condition(F.COUNTRY, Op.IN, ("France", "Germany")), {"country": "germany"}, True),
    (Condition(F.COUNTRY, Op.IN, ("France", "Germany")), {"country": "Spain"}, False),
    (Condition(F.JOB_TITLE, Op.CONTAINS, "head"), {"job_title": "Head of IT"}, True),
    (Condition(F.EMPLOYEES, Op.AT_LEAST, 100), {"employees": 100}, True),
    (Condition(F.EMPLOYEES, Op.AT_LEAST, 100), {"employees": 99}, False),
    (Condition(F.EMPLOYEES, Op.AT_LEAST, 100), {}, False),
    (Condition(F.EMPLOYEES, Op.AT_MOST, 100), {}, False),
    (Condition(F.EMPLOYEES, Op.AT_MOST, 100), {"employees": 0}, True),
    (Condition(F.EMPLOYEES, Op.IN, (10, 20)), {"employees": 20}, True),
    (Condition(F.EMPLOYEES, Op.EQUALS, "250"), {"employees": 250}, True),
    (Condition(F.EMPLOYEES, Op.IS_EMPTY), {}, True),
    (Condition(F.EMPLOYEES, Op.IS_EMPTY), {"employees": 0}, False),
    (Condition(F.EMAIL, Op.IS_EMPTY), {}, True),
    (Condition(F.EMAIL, Op.IS_EMPTY), {"email": "a@example.com"}, False),
    (Condition(F.PHONE, Op.NOT_EQUALS, ""), {"phone": "+33 1 23 45 67 89"}, True),
    (Condition(F.OWNER, Op.IS_EMPTY), {"owner_id": "m1"}, False),
    (Condition(F.STATUS, Op.IN, ("new", "contacted")), {"status": "contacted"}, True),
])
def test_operators(condition: Condition, kwargs: dict[str, Any], result: bool) -> None:
    assert Segment("s", (condition,)).matches(lead(**kwargs)) is result


def test_all_and_any() -> None:
    conditions = (Condition(F.SECTOR, Op.EQUALS, "software"),
                  Condition(F.SCORE, Op.AT_LEAST, 50))
    both, one = lead(sector="software", score=60), lead(sector="software", score=10)
    assert Segment("s", conditions, Match.ALL).matches(both)
    assert not Segment("s", conditions, Match.ALL).matches(one)
    assert Segment("s", conditions, "any").matches(one)
    assert not Segment("s", conditions, Match.ANY).matches(lead(score=10))


def test_a_manual_segment_matches_only_by_hand() -> None:
    vip = Segment("VIP")
    assert vip.is_manual and not vip.matches(lead())
    assert segments_for(lead(manual_segments=["VIP"]), [vip, *DEFAULT_SEGMENTS]) == [
        "cold", "VIP"]


_CONDITIONS = st.lists(st.tuples(st.sampled_from([F.SECTOR, F.SCORE]), st.integers(0, 100),
                                 st.booleans()), min_size=1, max_size=5)


@settings(max_examples=100, deadline=None)
@given(_CONDITIONS, st.integers(0, 100), st.sampled_from(["software", "retail"]))
def test_all_is_the_and_and_any_the_or_of_the_conditions(
        raw: list[tuple[LeadField, int, bool]], score: int, sector: str) -> None:
    conditions = tuple(Condition(f, Op.AT_LEAST if up else Op.AT_MOST, n) if f is F.SCORE
                       else Condition(f, Op.EQUALS, "software" if up else "retail")
                       for f, n, up in raw)
    subject = lead(score=score, sector=sector)
    each = [Segment("one", (c,)).matches(subject) for c in conditions]
    assert Segment("all", conditions, Match.ALL).matches(subject) is all(each)
    assert Segment("any", conditions, Match.ANY).matches(subject) is any(each)


# --- validation ------------------------------------------------------------------------


@pytest.mark.parametrize(("condition", "field", "words"), [
    ({"field": "sector", "operator": ">=", "value": 3}, "sector", "needs a number field"),
    ({"field": "score", "operator": "contains", "value": "1"}, "score", "needs a text field"),
    ({"field": "country", "operator": "in", "value": []}, "country", "at least one value"),
    ({"field": "country", "operator": "in", "value": "France"}, "country", "a list"),
    ({"field": "colour", "operator": "equals", "value": "red"}, "colour", "unknown field"),
    ({"field": "sector", "operator": "like", "value": "x"}, "sector", "unknown operator"),
    ({"field": "sector", "operator": "equals", "value": " "}, "sector", "needs a value"),
    ({"field": "sector", "operator": "is_empty", "value": "x"}, "sector", "takes no value"),
    ({"field": "score", "operator": ">=", "value": "high"}, "score", "whole number"),
    ({"field": "score", "operator": ">=", "value": 1.5}, "score", "whole number"),
    ({"field": "sector", "operator": "equals", "value": {"a": 1}}, "sector", "text value"),
])
def test_refusals_name_the_segment_the_condition_and_the_field(
        condition: dict[str, Any], field: str, words: str) -> None:
    data = {"name": "Big fish", "conditions": [{"field": "score", "operator": ">=",
                                                 "value": 1}, condition]}
    with pytest.raises(ValidationError) as err:
        Segment.from_dict(data)
    assert err.value.field == field
    assert "segment 'Big fish', condition 2" in str(err.value) and words in str(err.value)


def test_segment_level_refusals() -> None:
    with pytest.raises(ValidationError, match="needs a name") as err:
        Segment.from_dict({"name": " ", "conditions": []})
    assert err.value.field == "name"
    with pytest.raises(ValidationError, match="segment 'X': unknown match"):
        Segment.from_dict({"name": "X", "match": "most"})
    with pytest.raises(ValidationError, match="conditions must be a list"):
        Segment.from_dict({"name": "X", "conditions": "score >= 3"})
    with pytest.raises(ValidationError, match="must be an object"):
        Segment.from_dict({"name": "X", "conditions": ["score >= 3"]})


def test_load_segments_refuses_two_segments_with_one_name() -> None:
    with pytest.raises(ValidationError, match="two segments are called 'Hot'"):
        load_segments([{"name": "hot"}, {"name": "Hot"}])


def test_the_defaults_round_trip_through_json() -> None:
    text = json.dumps(dump_segments(DEFAULT_SEGMENTS))
    assert load_segments(json.loads(text)) == list(DEFAULT_SEGMENTS)


_FIELD_OPS = st.one_of(
    st.tuples(st.sampled_from([F.SECTOR, F.COUNTRY, F.NOTES, F.SOURCE]),
              st.sampled_from([Op.EQUALS, Op.NOT_EQUALS, Op.CONTAINS]),
              st.text(alphabet="abc xyz", min_size=1, max_size=8).filter(str.strip)),
    st.tuples(st.sampled_from([F.SCORE, F.EMPLOYEES]),
              st.sampled_from([Op.EQUALS, Op.AT_LEAST, Op.AT_MOST]), st.integers(0, 10**6)),
    st.tuples(st.sampled_from(list(LeadField)), st.just(Op.IS_EMPTY), st.none()),
    st.tuples(st.sampled_from([F.COUNTRY, F.LANGUAGE]), st.just(Op.IN),
              st.lists(st.sampled_from(["France", "Germany", "Peru"]), min_size=1)
              .map(tuple)),
)


@settings(max_examples=200, deadline=None)
@given(st.lists(_FIELD_OPS, max_size=6), st.sampled_from(list(Match)),
       st.text(max_size=20))
def test_any_valid_segment_round_trips_through_json(
        raw: list[tuple[LeadField, Operator, Any]], match: Match, plan: str) -> None:
    segment = Segment("Generated", tuple(Condition(*c) for c in raw), match, plan)
    again = Segment.from_dict(json.loads(json.dumps(segment.to_dict())))
    assert again == segment
    subject = lead(sector="abc", score=5, country="France", notes="xyz")
    assert again.matches(subject) is segment.matches(subject)


def test_conditions_read_as_words() -> None:
    assert str(Condition(F.SCORE, Op.AT_LEAST, 70)) == "score >= 70"
    assert str(Condition(F.COUNTRY, Op.IN, ("France", "Spain"))) == "country in France, Spain"
    assert str(Condition(F.EMAIL, Op.IS_EMPTY)) == "email is empty"
