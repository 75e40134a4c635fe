"""Routing: territory, skill fit, load against capacity, round-robin, and the reasons.

The optimised router is checked against a brute-force reference that ranks every rep for
every lead with the documented rules."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from salesdesk.domain.leads import Lead
from salesdesk.domain.members import Member
from salesdesk.domain.routing import (
    ReasonKind,
    Rep,
    RoutingPlan,
    RoutingState,
    rep_from_member,
    route,
)
from salesdesk.domain.validation import name_key

WEST = {"t-west": "West", "t-east": "East", "t-north": "North"}


@dataclass(frozen=True)
class L:
    id: str
    territory_id: str | None = None
    segments: tuple[str, ...] = ()
    product_interest: str = ""
    sector: str = ""
    language: str = ""


def rep(name: str, capacity: int = 40, open_leads: int = 0, territories: Sequence[str] = (),
        ramp: float = 1.0, **skills: dict[str, int]) -> Rep:
    return Rep(f"id-{name}", name, capacity, open_leads, frozenset(territories), skills, ramp)


def owners(plan: RoutingPlan) -> list[str]:
    return [a.member_name for a in plan.assignments]


# --- the rules, one by one --------------------------------------------------------------


def test_the_reasons_read_like_the_issue_asks() -> None:
    reps = [rep("Ana", 40, 11, ["t-west"], segments={"Price objection": 4}),
            rep("Ben", 40, 0, ["t-west"])]
    plan = route([L("l1", "t-west", ("price objection",))], reps, territory_names=WEST)
    (a,) = plan.assignments
    assert a.member_id == "id-Ana"
    assert a.why == "territory West; skill Price objection 4/5; 12 of 40 open"
    assert [r.kind for r in a.reasons] == [ReasonKind.TERRITORY, ReasonKind.SKILL,
                                            ReasonKind.LOAD]


def test_a_territory_lead_goes_to_a_rep_of_that_territory() -> None:
    reps = [rep("Ana", territories=["t-east"]), rep("Ben", territories=["t-west"])]
    plan = route([L(f"l{n}", "t-west") for n in range(3)], reps)
    assert owners(plan) == ["Ben"] * 3


def test_without_territory_or_reps_there_any_rep_will_do() -> None:
    reps = [rep("Ana", territories=["t-east"]), rep("Ben", territories=["t-east"])]
    plan = route([L("l1"), L("l2", "t-north"), L("l3", "")], reps, territory_names=WEST)
    assert owners(plan) == ["Ana", "Ben", "Ana"]
    assert [a.why.split(";")[0] for a in plan.assignments] == [
        "no territory: any rep", "territory North has no reps: any rep",
        "no territory: any rep"]


def test_a_full_territory_leaves_the_lead_unassigned_unless_overflow() -> None:
    reps = [rep("Ana", 2, 2, ["t-west"]), rep("Ben", 1, 1, ["t-west"]), rep("Cy", 5)]
    plan = route([L("l1", "t-west")], reps, territory_names=WEST)
    assert plan.assignments == [] and len(plan.unassigned) == 1
    assert str(plan.unassigned[0].reason) == "all 2 reps of territory West are at capacity"
    plan = route([L("l1", "t-west")], reps, territory_names=WEST, overflow=True)
    assert owners(plan) == ["Cy"]
    assert plan.assignments[0].why.startswith("territory West is full: any rep")


def test_no_reps_and_everyone_full() -> None:
    assert str(route([L("l1")], []).unassigned[0].reason) == "no reps to route to"
    plan = route([L("l1")], [rep("Ana", 1, 1), rep("Ben", 0)])
    assert str(plan.unassigned[0].reason) == "all 2 reps are at capacity"


def test_skill_fit_beats_load() -> None:
    reps = [rep("Ana", 40, 30, languages={"German": 5}), rep("Ben", 40, 0)]
    plan = route([L("l1", language="german")], reps)
    assert owners(plan) == ["Ana"]
    assert "skill German 5/5" in plan.assignments[0].why


def test_fit_adds_up_the_levels_of_every_skill_asked_for() -> None:
    reps = [rep("Ana", segments={"hot": 5}),
            rep("Ben", segments={"hot": 2}, products={"GTX Pro": 2}, industries={"retail": 2})]
    plan = route([L("l1", segments=("hot",), product_interest="gtx pro", sector="Retail")],
                 reps)
    assert owners(plan) == ["Ben"]
    assert plan.assignments[0].why == ("no territory: any rep; skill GTX Pro 2/5; "
                                       "skill hot 2/5; skill retail 2/5; 1 of 40 open")


def test_no_matching_skill_is_said() -> None:
    plan = route([L("l1", language="Finnish")], [rep("Ana")])
    assert "no rep has the skills asked for" in plan.assignments[0].why


def test_the_lowest_share_of_capacity_wins_and_ramping_reps_get_proportionally_fewer() -> None:
    reps = [rep("Ana", 40), rep("Ben", 20, ramp=0.5)]
    plan = route([L(f"l{n}") for n in range(30)], reps)
    assert Counter(owners(plan)) == {"Ana": 20, "Ben": 10}
    ben = next(a for a in plan.assignments if a.member_name == "Ben")
    assert "ramping: 50% of full capacity" in ben.why


def test_full_reps_get_nothing_and_capacity_is_never_exceeded() -> None:
    reps = [rep("Ana", 3, 3), rep("Ben", 2, 0), rep("Cy", 0)]
    plan = route([L(f"l{n}") for n in range(5)], reps)
    assert owners(plan) == ["Ben", "Ben"] and len(plan.unassigned) == 3
    assert plan.loads == {"id-Ana": 3, "id-Ben": 2, "id-Cy": 0}


def test_round_robin_among_equals_and_the_state_carries_the_rotation_on() -> None:
    reps = [rep("Cy"), rep("Ana"), rep("Ben")]
    first = route([L("l1"), L("l2")], reps)
    assert owners(first) == ["Ana", "Ben"]
    reloaded = [replace(r, open_leads=first.loads[r.member_id]) for r in reps]
    second = route([L("l3"), L("l4")], reloaded, RoutingState.from_dict(
        first.new_state.to_dict()))
    assert owners(second) == ["Cy", "Ana"]
    assert second.new_state.turn == 4


def test_route_is_pure_and_deterministic() -> None:
    reps = [rep("Ana", 5, 1, ["t-west"]), rep("Ben", 5, 1, ["t-west"])]
    state = RoutingState(7, {"id-Ana": 7})
    leads = [L(f"l{n}", "t-west") for n in range(4)]
    plan = route(leads, reps, state)
    assert state == RoutingState(7, {"id-Ana": 7}) and reps[0].open_leads == 1
    assert owners(plan) == ["Ben", "Ana", "Ben", "Ana"]
    assert route(leads, list(reversed(reps)), state) == plan


def test_real_leads_and_members_can_be_routed() -> None:
    today = date(2024, 6, 1)
    anna = Member(name="Anna", capacity=40, hire_date=date(2024, 5, 1), ramp_months=3,
                  skills={"segments": {"hot": 4}})
    reps = [rep_from_member(anna, today=today, open_leads=2, territory_ids=["t-west"])]
    assert (reps[0].capacity, reps[0].ramp_fraction) == (20, 0.5)
    lead = Lead(person_name="Ana", territory_id="t-west", segments=["hot"])
    plan = route([lead], reps, territory_names=WEST)
    assert plan.assignments[0].why == ("territory West; skill hot 4/5; 3 of 20 open; "
                                       "ramping: 50% of full capacity")


def test_a_damaged_saved_state_restarts_the_rotation() -> None:
    assert RoutingState.from_dict({"turn": "x"}) == RoutingState()
    assert RoutingState.from_dict(None) == RoutingState()
    assert RoutingState.from_dict({"turn": 3, "last": {"a": 1, "b": "?"}}) == RoutingState(
        3, {"a": 1})


# --- properties ------------------------------------------------------------------------

NAMES = ("hot", "warm", "price objection")
PRODUCTS = ("GTX Pro", "MG Special")
SECTORS = ("software", "retail")
LANGS = ("English", "German")
TERRS = ("t-west", "t-east", "t-north")

_level = st.integers(1, 5)
_skills = st.fixed_dictionaries({
    "segments": st.dictionaries(st.sampled_from(NAMES), _level, max_size=2),
    "products": st.dictionaries(st.sampled_from(PRODUCTS), _level, max_size=1),
    "industries": st.dictionaries(st.sampled_from(SECTORS), _level, max_size=1),
    "languages": st.dictionaries(st.sampled_from(LANGS), _level, max_size=1),
})
_reps = st.lists(st.builds(
    lambda n, cap, load, terr, skills, ramp: Rep(f"id{n}", f"Rep {n % 3}", cap, load,
                                                 frozenset(terr), skills, ramp),
    st.integers(0, 10**6), st.integers(0, 6), st.integers(0, 4),
    st.sets(st.sampled_from(TERRS[:2]), max_size=2), _skills, st.sampled_from([1.0, 0.5])),
    max_size=8, unique_by=lambda r: r.member_id)
_leads = st.lists(st.builds(
    L, st.uuids().map(str), st.sampled_from([*TERRS, None]),
    st.lists(st.sampled_from(NAMES), max_size=2).map(tuple),
    st.sampled_from(["", *PRODUCTS]), st.sampled_from(["", *SECTORS]),
    st.sampled_from(["", *LANGS])), max_size=40, unique_by=lambda x: x.id)


def reference(leads: Sequence[L], reps: Sequence[Rep], state: RoutingState,
              overflow: bool) -> tuple[list[tuple[str, str]], list[str]]:
    """The rules as written, brute force: rank every rep for every lead."""
    reps = sorted(reps, key=lambda r: (name_key(r.name), r.member_id))
    load = {r.member_id: r.open_leads for r in reps}
    last = {r.member_id: state.last.get(r.member_id, -1) for r in reps}
    turn, given_, refused = state.turn, [], []

    def fit(r: Rep, lead: L) -> int:
        asked = [("segments", s) for s in lead.segments] + [
            (k, v) for k, v in (("products", lead.product_interest),
                                ("industries", lead.sector), ("languages", lead.language)) if v]
        levels = {(k, name_key(n)): lv for k, d in r.skills.items() for n, lv in d.items()}
        return sum(levels.get((k, name_key(v)), 0) for k, v in dict.fromkeys(asked))

    for lead in leads:
        staffed = [r for r in reps if lead.territory_id in r.territory_ids]
        room = [r for r in (staffed or reps) if load[r.member_id] < r.capacity]
        if not room and staffed and overflow:
            room = [r for r in reps if load[r.member_id] < r.capacity]
        if not room:
            refused.append(lead.id)
            continue
        best = min(room, key=lambda r: (-fit(r, lead), load[r.member_id] / r.capacity,
                                        last[r.member_id], reps.index(r)))
        turn += 1
        load[best.member_id] += 1
        last[best.member_id] = turn
        given_.append((lead.id, best.member_id))
    return given_, refused


@settings(max_examples=300, deadline=None)
@given(_leads, _reps, st.booleans(), st.integers(0, 5))
def test_the_router_agrees_with_the_brute_force_rules(leads: list[L], reps: list[Rep],
                                                      overflow: bool, turn: int) -> None:
    state = RoutingState(turn, {r.member_id: i for i, r in enumerate(reps) if i < turn})
    plan = route(leads, reps, state, overflow=overflow)
    given_, refused = reference(leads, reps, state, overflow)
    assert [(a.lead_id, a.member_id) for a in plan.assignments] == given_
    assert [u.lead_id for u in plan.unassigned] == refused


@settings(max_examples=200, deadline=None)
@given(_leads, _reps)
def test_capacity_is_respected_and_every_assignment_says_why(leads: list[L],
                                                             reps: list[Rep]) -> None:
    plan = route(leads, reps)
    assert len(plan.assignments) + len(plan.unassigned) == len(leads)
    got = Counter(a.member_id for a in plan.assignments)
    for r in reps:
        assert plan.loads[r.member_id] == r.open_leads + got[r.member_id]
        assert got[r.member_id] == 0 or plan.loads[r.member_id] <= r.capacity
    by_id, lead_of = {r.member_id: r for r in reps}, {x.id: x for x in leads}
    staffed = {t for r in reps for t in r.territory_ids}
    for a in plan.assignments:
        assert a.reasons and a.why and a.reasons[-1].kind in (ReasonKind.LOAD,
                                                              ReasonKind.RAMPING)
        territory = lead_of[a.lead_id].territory_id
        if territory in staffed:
            assert territory in by_id[a.member_id].territory_ids
    assert all(u.reason.kind is not None and str(u.reason) for u in plan.unassigned)


@settings(max_examples=150, deadline=None)
@given(st.integers(1, 12), _leads, st.integers(1, 200), _skills)
def test_equal_reps_end_within_one_lead_of_each_other(n: int, leads: list[L], capacity: int,
                                                      skills: dict[str, dict[str, int]]) -> None:
    reps = [Rep(f"id{i}", f"Rep {i:02d}", capacity, 0, frozenset({"t-west"}), skills)
            for i in range(n)]
    loads = route(leads, reps).loads.values()
    assert max(loads) - min(loads) <= 1


@settings(max_examples=100, deadline=None)
@given(_leads, _leads, _reps)
def test_two_runs_with_the_state_carried_equal_one_run(first: list[L], second: list[L],
                                                       reps: list[Rep]) -> None:
    whole = route([*first, *second], reps)
    part = route(first, reps)
    reloaded = [replace(r, open_leads=part.loads[r.member_id]) for r in reps]
    rest = route(second, reloaded, part.new_state)
    assert [a.member_id for a in whole.assignments] == [
        a.member_id for a in [*part.assignments, *rest.assignments]]
    assert whole.new_state == rest.new_state


@pytest.mark.parametrize("n_reps", [1, 10, 100])
def test_many_leads_share_their_reasons_instead_of_copying_them(n_reps: int) -> None:
    reps = [rep(f"R{i:03d}", 10**6) for i in range(n_reps)]
    plan = route([L(f"l{n}", segments=("hot",)) for n in range(500)], reps)
    assert len({id(a.reasons[0]) for a in plan.assignments}) == 1
