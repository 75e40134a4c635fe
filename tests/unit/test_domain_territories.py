"""Territories: criteria, inheritance, most-specific landing, ties, overlaps, preview."""

from __future__ import annotations

from datetime import date, datetime
from decimal import Decimal
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from salesdesk.domain.accounts import Account
from salesdesk.domain.errors import ValidationError
from salesdesk.domain.territories import (
    Criterion,
    RuleField,
    Territory,
    TerritoryAssignment,
    check_parent,
)
from salesdesk.domain.territory_plan import TerritoryPlan

F = RuleField


def crit(field: RuleField, *values: str, lo: str | None = None, hi: str | None = None
         ) -> Criterion:
    if field.is_range:
        return Criterion(field, minimum=None if lo is None else Decimal(lo),
                         maximum=None if hi is None else Decimal(hi))
    return Criterion(field, values=values)


def acct(name: str, country: str = "", **kw: Any) -> Account:
    return Account(name=name, country=country, **kw)


# --- criteria -------------------------------------------------------------------------


@pytest.mark.parametrize("field", [F.COUNTRY, F.REGION, F.INDUSTRY, F.ACCOUNT,
                                   F.POSTCODE_PREFIX])
def test_a_set_criterion_needs_a_value(field: RuleField) -> None:
    with pytest.raises(ValidationError, match="at least one value"):
        Criterion(field, values=("", "  "))


def test_set_values_are_cleaned_and_deduplicated() -> None:
    assert Criterion(F.COUNTRY, values=(" France ", "France", "Spain")).values == \
        ("France", "Spain")


@pytest.mark.parametrize(("lo", "hi"), [(None, None), ("10", "10"), ("50", "10")])
def test_range_bounds_are_validated(lo: str | None, hi: str | None) -> None:
    with pytest.raises(ValidationError):
        crit(F.EMPLOYEES, lo=lo, hi=hi)


def test_range_is_min_inclusive_max_exclusive_and_missing_values_never_match() -> None:
    c = crit(F.EMPLOYEES, lo="100", hi="500")
    assert [c.compile()(acct("a", employees=n)) for n in (99, 100, 499, 500)] == \
        [False, True, True, False]
    assert not c.compile()(acct("a"))
    rev = crit(F.REVENUE, lo="1.5")
    assert rev.compile()(acct("a", revenue_m=Decimal("1.50")))
    assert not rev.compile()(acct("a", revenue_m=Decimal("1.49")))


def test_set_matching_ignores_case_and_spacing() -> None:
    assert crit(F.COUNTRY, "united  STATES").compile()(acct("a", "United States"))
    assert crit(F.INDUSTRY, "Medical").compile()(acct("a", sector="MEDICAL"))
    assert crit(F.ACCOUNT, "acme corp").compile()(acct("Acme  Corp"))
    assert crit(F.POSTCODE_PREFIX, "sw1").compile()(acct("a", postcode="sw1a 1aa"))
    assert not crit(F.POSTCODE_PREFIX, "sw1").compile()(acct("a"))


def test_criterion_round_trips_through_a_dict() -> None:
    for c in (crit(F.COUNTRY, "France", "Spain"), crit(F.REVENUE, lo="1.5", hi="20")):
        assert Criterion.from_dict(c.to_dict()) == c
    with pytest.raises(ValidationError, match="unknown rule field"):
        Criterion.from_dict({"field": "colour", "values": ["red"]})


def test_parent_loops_are_refused() -> None:
    parents = {"b": "a", "c": "b"}
    check_parent("d", "c", parents)
    with pytest.raises(ValidationError):
        check_parent("a", "c", parents)
    with pytest.raises(ValidationError):
        check_parent("a", "a", parents)


def test_assignment_dates() -> None:
    with pytest.raises(ValidationError):
        TerritoryAssignment(territory_id="t", member_id="m", start=date(2024, 2, 1),
                            end=date(2024, 1, 1))
    a = TerritoryAssignment(territory_id="t", member_id="m", start=date(2024, 1, 1),
                            end=date(2024, 1, 31))
    assert a.covers(date(2024, 1, 31)) and not a.covers(date(2024, 2, 1))


# --- landing --------------------------------------------------------------------------


def test_children_inherit_their_ancestors_criteria() -> None:
    emea = Territory(name="EMEA", criteria=[crit(F.COUNTRY, "Germany", "France", "Kenya")])
    big = Territory(name="Big", parent_id=emea.id, criteria=[crit(F.EMPLOYEES, lo="1000")])
    plan = TerritoryPlan([emea, big])
    assert plan.effective_criteria(big) == [*big.criteria, *emea.criteria]
    german_big = acct("g", "Germany", employees=5000)
    us_big = acct("u", "United States", employees=5000)
    german_small = acct("s", "Germany", employees=10)
    cov = plan.evaluate([german_big, us_big, german_small])
    assert cov.landing == {german_big.id: big.id, german_small.id: emea.id}
    assert cov.unmatched == [us_big.id]


def test_containers_never_land_accounts() -> None:
    world = Territory(name="World")
    europe = Territory(name="Europe", parent_id=world.id)  # a container inside a container
    de = Territory(name="DE", parent_id=europe.id, criteria=[crit(F.COUNTRY, "Germany")])
    plan = TerritoryPlan([world, europe, de])
    a, b = acct("a", "Germany"), acct("b", "France")
    cov = plan.evaluate([a, b])
    assert cov.landing == {a.id: de.id}
    assert cov.unmatched == [b.id]
    assert plan.preview(world, [a, b]) == []


def test_named_accounts_beat_deeper_territories() -> None:
    emea = Territory(name="EMEA", criteria=[crit(F.COUNTRY, "Germany")])
    dach = Territory(name="DACH big", parent_id=emea.id, criteria=[crit(F.EMPLOYEES, lo="1")])
    named = Territory(name="Strategic", criteria=[crit(F.ACCOUNT, "Acme")])
    acme = acct("Acme", "Germany", employees=10)
    cov = TerritoryPlan([emea, dach, named]).evaluate([acme])
    assert cov.landing == {acme.id: named.id}


def test_deeper_beats_more_criteria_and_more_criteria_breaks_equal_depth() -> None:
    us = Territory(name="US", criteria=[crit(F.COUNTRY, "United States")])
    west = Territory(name="West", parent_id=us.id, criteria=[crit(F.REGION, "CA")])
    wide = Territory(name="US medical big", criteria=[
        crit(F.COUNTRY, "United States"), crit(F.INDUSTRY, "medical"),
        crit(F.EMPLOYEES, lo="100")])
    a = acct("a", "United States", region="CA", sector="medical", employees=500)
    assert TerritoryPlan([us, west, wide]).evaluate([a]).landing == {a.id: west.id}
    narrow = Territory(name="US medical", criteria=[crit(F.COUNTRY, "United States"),
                                                    crit(F.INDUSTRY, "medical")])
    b = acct("b", "United States", sector="medical", employees=500)
    assert TerritoryPlan([us, wide, narrow]).evaluate([b]).landing == {b.id: wide.id}


def test_equal_specificity_is_a_tie_reported_not_guessed() -> None:
    one = Territory(name="One", criteria=[crit(F.COUNTRY, "Kenya")])
    two = Territory(name="Two", criteria=[crit(F.INDUSTRY, "medical")])
    a = acct("a", "Kenya", sector="medical")
    cov = TerritoryPlan([one, two]).evaluate([a])
    assert cov.landing == {} and cov.unmatched == []
    assert cov.ties == {a.id: sorted([one.id, two.id])}


def test_overlaps_are_counted_for_non_nested_pairs_only() -> None:
    parent = Territory(name="P", criteria=[crit(F.COUNTRY, "Kenya")])
    child = Territory(name="C", parent_id=parent.id, criteria=[crit(F.INDUSTRY, "medical")])
    other = Territory(name="O", criteria=[crit(F.INDUSTRY, "medical")])
    accounts = [acct(f"a{i}", "Kenya", sector="medical") for i in range(3)]
    accounts.append(acct("solo", "Kenya", sector="retail"))  # parent only: no overlap
    cov = TerritoryPlan([parent, child, other]).evaluate(accounts)
    assert cov.overlaps == {tuple(sorted((child.id, other.id))): 3,
                            tuple(sorted((parent.id, other.id))): 3}
    assert all(v == child.id for k, v in cov.landing.items() if k != accounts[3].id)
    assert cov.counts() == {child.id: 3, parent.id: 1}


def test_deleted_territories_are_ignored() -> None:
    gone = Territory(name="Gone", criteria=[crit(F.COUNTRY, "Kenya")])
    gone.deleted_at = datetime(2024, 1, 1)
    a = acct("a", "Kenya")
    assert TerritoryPlan([gone]).evaluate([a]).unmatched == [a.id]


def test_evaluate_can_be_cancelled_through_progress() -> None:
    kenya = Territory(name="K", criteria=[crit(F.COUNTRY, "Kenya")])
    accounts = [acct(f"a{i}", "Kenya") for i in range(12_000)]
    calls: list[int] = []

    def record(n: int) -> bool:
        calls.append(n)
        return True

    full = TerritoryPlan([kenya]).evaluate(accounts, record)
    assert len(full.landing) == 12_000 and calls == [5000, 10_000]
    cov = TerritoryPlan([kenya]).evaluate(accounts, lambda n: False)
    assert len(cov.landing) == 5000


def test_preview_of_unsaved_rules_includes_the_parent_rules() -> None:
    kenya = Territory(name="Kenya", criteria=[crit(F.COUNTRY, "Kenya")])
    plan = TerritoryPlan([kenya])
    draft = Territory(name="Kenya medical", parent_id=kenya.id,
                      criteria=[crit(F.INDUSTRY, "medical")])
    km, kr, um = (acct("km", "Kenya", sector="medical"), acct("kr", "Kenya", sector="retail"),
                  acct("um", "United States", sector="medical"))
    assert plan.preview(draft, [km, kr, um]) == [km]
    assert plan.preview(Territory(name="empty", parent_id=kenya.id), [km]) == []
    assert plan.evaluate([km]).landing == {km.id: kenya.id}  # the draft was not added


# --- property: every account ends in exactly one bucket -------------------------------

COUNTRIES = ["Kenya", "Germany", "Japan", "Brazil"]
SECTORS = ["medical", "retail", "software"]


@st.composite
def plans_and_accounts(draw: st.DrawFn) -> tuple[list[Territory], list[Account]]:
    territories: list[Territory] = []
    for i in range(draw(st.integers(0, 8))):
        parent = draw(st.one_of(st.none(), st.sampled_from(territories))) if territories \
            else None
        criteria = draw(st.lists(st.one_of(
            st.builds(lambda v: crit(F.COUNTRY, *v),
                      st.lists(st.sampled_from(COUNTRIES), min_size=1, max_size=2)),
            st.builds(lambda v: crit(F.INDUSTRY, *v),
                      st.lists(st.sampled_from(SECTORS), min_size=1, max_size=2)),
            st.builds(lambda lo: crit(F.EMPLOYEES, lo=str(lo)), st.integers(0, 1000)),
            st.builds(lambda n: crit(F.ACCOUNT, f"a{n}"), st.integers(0, 9)),
        ), max_size=3))
        territories.append(Territory(name=f"t{i}", parent_id=parent.id if parent else None,
                                     criteria=criteria))
    accounts = [Account(name=f"a{n}", country=draw(st.sampled_from(["", *COUNTRIES])),
                        sector=draw(st.sampled_from(["", *SECTORS])),
                        employees=draw(st.one_of(st.none(), st.integers(0, 2000))))
                for n in range(draw(st.integers(0, 10)))]
    return territories, accounts


@settings(max_examples=100, deadline=None)
@given(plans_and_accounts())
def test_every_account_ends_in_exactly_one_of_landing_unmatched_ties(
        case: tuple[list[Territory], list[Account]]) -> None:
    territories, accounts = case
    plan = TerritoryPlan(territories)
    cov = plan.evaluate(accounts)
    ids = [a.id for a in accounts]
    buckets = [*cov.landing, *cov.unmatched, *cov.ties]
    assert sorted(buckets) == sorted(ids)
    for account in accounts:
        # An oracle that ignores the country index: every effective criterion, by hand.
        spec = {t.id: (any(c.field is F.ACCOUNT for c in t.criteria), len(plan.chain(t)),
                       len(plan.effective_criteria(t)))
                for t in territories if t.criteria
                and all(c.compile()(account) for c in plan.effective_criteria(t))}
        best = sorted(t for t in spec if spec[t] == max(spec.values())) if spec else []
        assert {t.id for t, _ in plan.matches(account)} == set(spec)
        if not spec:
            assert account.id in cov.unmatched
        elif len(best) == 1:
            assert cov.landing[account.id] == best[0]
        else:
            assert cov.ties[account.id] == best
