"""Members: validation, the manager hierarchy, ramp and capacity."""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from salesdesk.domain.errors import ManagerCycleError, ValidationError
from salesdesk.domain.members import (
    DEFAULT_CAPACITY,
    Member,
    RampState,
    Role,
    SkillKind,
    Team,
    check_manager,
    hierarchy_order,
)

# --- validation ---------------------------------------------------------------------


def test_a_valid_member_is_cleaned() -> None:
    m = Member(name="  Anna   Snelling ", email=" Anna.Snelling@Example.COM ",
               role="manager")  # type: ignore[arg-type]
    assert (m.name, m.email, m.role) == ("Anna Snelling", "anna.snelling@example.com",
                                         Role.MANAGER)
    assert m.capacity == DEFAULT_CAPACITY and m.active and m.skills == {}


@pytest.mark.parametrize("name", ["", "   ", "\t\n", None])
def test_blank_name_is_refused(name: object) -> None:
    with pytest.raises(ValidationError) as err:
        Member(name=name)  # type: ignore[arg-type]
    assert err.value.field == "name" and "required" in str(err.value)


def test_overlong_name_is_refused() -> None:
    with pytest.raises(ValidationError, match="longer than 120"):
        Member(name="x" * 121)


@pytest.mark.parametrize("email", [
    "anna", "anna@", "@example.com", "anna@example", "anna@@example.com",
    "anna snelling@example.com", "anna@exa mple.com", "anna@example.c", "anna@.com",
    "anna@example..com", "anna,snelling@example.com",
])
def test_invalid_emails_are_refused(email: str) -> None:
    with pytest.raises(ValidationError) as err:
        Member(name="Anna", email=email)
    assert err.value.field == "email" and "not a valid e-mail" in str(err.value)


@pytest.mark.parametrize("email", ["", "  ", None])
def test_no_email_is_fine(email: str | None) -> None:
    assert Member(name="Anna", email=email).email is None


def test_negative_capacity_is_refused() -> None:
    with pytest.raises(ValidationError) as err:
        Member(name="Anna", capacity=-1)
    assert err.value.field == "capacity" and "-1" in str(err.value)
    assert Member(name="Anna", capacity=0).capacity == 0


@pytest.mark.parametrize("months", [-1, 37, 100])
def test_ramp_months_out_of_range_are_refused(months: int) -> None:
    with pytest.raises(ValidationError) as err:
        Member(name="Anna", ramp_months=months)
    assert err.value.field == "ramp_months"


@pytest.mark.parametrize("months", [0, 1, 36])
def test_ramp_months_in_range_are_kept(months: int) -> None:
    assert Member(name="Anna", ramp_months=months).ramp_months == months


def test_an_unknown_role_is_a_validation_error() -> None:
    with pytest.raises(ValidationError) as err:
        Member(name="Anna", role="boss")  # type: ignore[arg-type]
    assert err.value.field == "role" and "'boss'" in str(err.value)


@pytest.mark.parametrize("level", [-1, 6, 2.5, "3", None])
def test_skill_levels_outside_0_to_5_are_refused(level: object) -> None:
    with pytest.raises(ValidationError) as err:
        Member(name="Anna", skills={"languages": {"French": level}})  # type: ignore[dict-item]
    assert err.value.field == "skills" and "0 to 5" in str(err.value)


def test_skill_levels_0_to_5_are_accepted_and_0_means_none() -> None:
    m = Member(name="Anna", skills={"languages": {f"L{n}": n for n in range(6)}})
    assert m.skills == {"languages": {f"L{n}": n for n in range(1, 6)}}


def test_unknown_skill_kind_is_refused_with_the_known_ones() -> None:
    with pytest.raises(ValidationError, match="unknown skill kind 'hobbies'.*products"):
        Member(name="Anna", skills={"hobbies": {"chess": 3}})


def test_set_skill_validates_kind_and_level() -> None:
    m = Member(name="Anna")
    m.set_skill(SkillKind.PRODUCT, "GTX Pro", 4)
    m.set_skill("languages", "German", 2)
    assert m.skills == {"products": {"GTX Pro": 4}, "languages": {"German": 2}}
    with pytest.raises(ValidationError, match="unknown skill kind"):
        m.set_skill("hobbies", "chess", 3)
    with pytest.raises(ValidationError, match="0 to 5"):
        m.set_skill("languages", "German", 6)
    m.set_skill("languages", "German", 0)
    assert m.skills == {"products": {"GTX Pro": 4}}


def test_update_validates_all_fields_and_keeps_the_old_values_on_refusal() -> None:
    m = Member(name="Anna", capacity=10)
    with pytest.raises(ValidationError):
        m.update(capacity=-5)
    assert m.capacity == 10
    m.update(name=" Anna  Lee ", capacity=12)
    assert (m.name, m.capacity) == ("Anna Lee", 12)
    with pytest.raises(TypeError):
        m.update(manager_id="x")


def test_leaving_before_the_hire_date_is_refused() -> None:
    m = Member(name="Anna", hire_date=date(2024, 3, 1))
    with pytest.raises(ValidationError):
        m.deactivate(date(2024, 2, 1))
    m.deactivate(date(2024, 6, 30))
    assert not m.active
    m.reactivate()
    assert m.active


def test_team_name_is_required() -> None:
    with pytest.raises(ValidationError):
        Team(name=" ")


# --- manager hierarchy ----------------------------------------------------------------


def test_check_manager_accepts_a_chain_and_refuses_a_loop_at_any_depth() -> None:
    chain = {"b": "a", "c": "b", "d": "c", "e": "d"}  # a <- b <- c <- d <- e
    check_manager("x", "e", chain)
    check_manager("a", None, chain)
    for manager in "bcde":
        with pytest.raises(ManagerCycleError):
            check_manager("a", manager, chain)
    with pytest.raises(ManagerCycleError):
        check_manager("a", "a", chain)  # self


def test_check_manager_terminates_on_a_loop_already_in_the_data() -> None:
    with pytest.raises(ManagerCycleError):
        check_manager("x", "p", {"p": "q", "q": "p"})


@st.composite
def forests(draw: st.DrawFn) -> dict[str, str | None]:
    """member -> manager; each node's manager is an earlier node, so no cycles."""
    n = draw(st.integers(1, 30))
    ids = [f"m{i}" for i in range(n)]
    return {ids[i]: draw(st.one_of(st.none(), st.sampled_from(ids[:i])) if i else st.none())
            for i in range(n)}


def _ancestors(node: str, forest: dict[str, str | None]) -> list[str]:
    out, current = [], forest[node]
    while current is not None:
        out.append(current)
        current = forest[current]
    return out


@settings(max_examples=100, deadline=None)
@given(forests(), st.data())
def test_forests_never_raise_and_a_back_edge_always_does(forest: dict[str, str | None],
                                                          data: st.DataObject) -> None:
    for member, manager in forest.items():
        check_manager(member, manager, forest)
    # Re-point some member at one of its descendants (or itself): always a cycle.
    member = data.draw(st.sampled_from(sorted(forest)))
    descendants = [m for m in forest if member in _ancestors(m, forest)]
    target = data.draw(st.sampled_from([member, *descendants]))
    with pytest.raises(ManagerCycleError):
        check_manager(member, target, forest)


def test_hierarchy_order_puts_managers_before_their_reports() -> None:
    boss = Member(name="Zoe Boss")
    mid = Member(name="Yann Mid", manager_id=boss.id)
    reps = [Member(name=n, manager_id=mid.id) for n in ("Carl", "Anna")]
    orphan = Member(name="Bea", manager_id="someone-not-in-the-list")
    ordered = hierarchy_order([*reps, orphan, mid, boss])
    assert [m.name for m in ordered] == ["Bea", "Zoe Boss", "Yann Mid", "Anna", "Carl"]


def test_hierarchy_order_accepts_any_iterable() -> None:
    boss = Member(name="Boss")
    rep = Member(name="Rep", manager_id=boss.id)
    assert hierarchy_order(m for m in (rep, boss)) == [boss, rep]


@settings(max_examples=100, deadline=None)
@given(forests())
def test_hierarchy_order_is_managers_first_for_any_forest(forest: dict[str, str | None]) -> None:
    members = {k: Member(id=k, name=k) for k in forest}
    for k, manager in forest.items():
        members[k].manager_id = manager
    ordered = [m.id for m in hierarchy_order(reversed(list(members.values())))]
    assert sorted(ordered) == sorted(forest)
    for k, manager in forest.items():
        if manager is not None:
            assert ordered.index(manager) < ordered.index(k)


# --- ramp and capacity ----------------------------------------------------------------


def test_ramp_status_through_a_ramp() -> None:
    m = Member(name="Anna", hire_date=date(2024, 1, 15), ramp_months=3, capacity=40)
    assert m.ramp_status(date(2024, 1, 14)).state is RampState.NOT_STARTED
    assert m.effective_capacity(date(2024, 1, 14)) == 0
    first = m.ramp_status(date(2024, 1, 15))
    assert (first.state, first.fraction, first.months_in) == (RampState.RAMPING, 0.25, 0)
    assert m.ramp_status(date(2024, 2, 14)).months_in == 0  # a month not yet complete
    assert m.ramp_status(date(2024, 2, 15)).months_in == 1
    assert m.effective_capacity(date(2024, 1, 20)) == 10
    assert m.effective_capacity(date(2024, 3, 20)) == 30
    done = m.ramp_status(date(2024, 4, 15))
    assert (done.state, done.fraction) == (RampState.RAMPED, 1.0)
    assert m.effective_capacity(date(2030, 1, 1)) == 40


def test_no_hire_date_or_no_ramp_means_full_capacity() -> None:
    assert Member(name="A", capacity=7).ramp_status(date(2024, 1, 1)).state \
        is RampState.NO_HIRE_DATE
    assert Member(name="A", capacity=7).effective_capacity(date(2024, 1, 1)) == 7
    instant = Member(name="A", hire_date=date(2024, 1, 1), ramp_months=0, capacity=7)
    assert instant.effective_capacity(date(2024, 1, 1)) == 7


@settings(max_examples=100, deadline=None)
@given(st.dates(date(2000, 1, 1), date(2030, 12, 31)), st.integers(0, 36),
       st.integers(0, 500), st.integers(0, 2000))
def test_ramping_reps_carry_proportionally_fewer(hired: date, ramp: int, capacity: int,
                                                 days: int) -> None:
    m = Member(name="A", hire_date=hired, ramp_months=ramp, capacity=capacity)
    today = date.fromordinal(hired.toordinal() + days)
    later = date.fromordinal(today.toordinal() + 31)
    status = m.ramp_status(today)
    assert 0.0 < status.fraction <= 1.0
    assert (status.fraction < 1.0) == (status.state is RampState.RAMPING)
    assert 0 <= m.effective_capacity(today) <= m.effective_capacity(later) <= capacity
