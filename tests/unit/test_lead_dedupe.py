"""Duplicate groups: e-mail, similar names at one company, one name at similar companies."""

from __future__ import annotations

import random

from hypothesis import given, settings
from hypothesis import strategies as st

from salesdesk.domain.leads import company_key, person_key
from salesdesk.services import lead_dedupe
from salesdesk.services.lead_dedupe import Keys, find_groups


def row(n: int, person: str = "", company: str = "", email: str | None = None) -> Keys:
    return Keys(n, "", email, person_key(person), company_key(company))


def lead(lead_id: str, person: str = "", company: str = "", email: str | None = None
         ) -> Keys:
    return Keys(0, lead_id, email, person_key(person), company_key(company))


def shapes(records: list[Keys]) -> set[tuple[tuple[int, ...], tuple[str, ...]]]:
    return {(tuple(g.rows), tuple(sorted(g.lead_ids))) for g in find_groups(records)}


def test_same_email_is_one_group() -> None:
    groups = find_groups([row(2, "Ann Lee", email="ann@acme.example"),
                          row(3, "A. Lee", email="bob@acme.example"),
                          row(4, "Annie", email="ann@acme.example")])
    assert [(g.rows, g.reasons) for g in groups] == [
        ([2, 4], ["same e-mail ann@acme.example"])]
    assert groups[0].key == "row 2"


def test_similar_names_at_one_company_and_one_name_at_similar_companies() -> None:
    records = [row(2, "Jon Smith", "Acme, Inc."), row(3, "John Smith", "ACME"),
               row(4, "Maria Garcia", "Globex"), row(5, "Maria Garcia", "Globexx Ltd"),
               row(6, "Maria Gomez", "Initech")]
    groups = find_groups(records)
    assert [g.rows for g in groups] == [[2, 3], [4, 5]]
    assert "similar names at one company: 'jon smith' and 'john smith'" in groups[0].reasons[0]
    assert "one name at similar companies" in groups[1].reasons[0]


def test_swapped_first_and_last_names_match() -> None:
    assert shapes([row(2, "Lee Ann", "Acme"), row(3, "Ann Lee", "Acme")]) == {((2, 3), ())}


def test_without_a_company_only_the_email_matches() -> None:
    assert shapes([row(2, "Ann Lee"), row(3, "Ann Lee"), row(4, "", "Acme"),
                   row(5, "", "Acme")]) == set()


def test_single_word_names_are_not_matched_across_companies() -> None:
    assert shapes([row(2, "Ann", "Acme"), row(3, "Ann", "Acmee")]) == set()


def test_different_people_at_one_company_stay_apart() -> None:
    assert shapes([row(2, "Ann Lee", "Acme"), row(3, "Bob Roy", "Acme"),
                   row(4, "Anna Leeds", "Acme")]) == set()


def test_duplicates_chain_and_reach_the_workspace() -> None:
    records = [lead("L1", "Ann Lee", "Acme", "ann@acme.example"),
               row(2, "Ann Lee", "Acme"),
               row(3, "Anne Lee", "Acme", "anne@acme.example"),
               lead("L2", "Zed Zee", "Other", "anne@acme.example"),
               lead("L3", "Bob Roy", "Globex")]
    assert shapes(records) == {((2, 3), ("L1", "L2"))}


def test_groups_of_workspace_leads_alone_are_not_reported() -> None:
    assert shapes([lead("L1", email="a@b.example"), lead("L2", email="a@b.example"),
                   row(2, "Someone Else", "Acme")]) == set()


def test_reasons_are_distinct_and_few() -> None:
    records = [row(n, "Ann Lee", "Acme", "ann@acme.example") for n in range(2, 9)]
    [group] = find_groups(records)
    assert len(group.reasons) == len(set(group.reasons)) <= 3


def test_a_crowded_block_is_split_and_still_finds_close_names(monkeypatch) -> None:
    monkeypatch.setattr(lead_dedupe, "BLOCK_MAX", 5)
    people = [f"A{c}{d} Smith" for c in "abcdefgh" for d in "xyz"]
    records = [row(n, p, "Acme") for n, p in enumerate(people, 2)]
    records.append(row(100, "Aax Smiths", "Acme"))
    groups = find_groups(records)
    assert any(100 in g.rows for g in groups)


names = st.sampled_from(["Ann Lee", "Anne Lee", "Lee Ann", "Bob Roy", "Rob Roy", "Zoe Park",
                         "Jon Smith", "John Smith", ""])
companies = st.sampled_from(["Acme", "ACME Inc.", "Acmee", "Globex", "Initech", ""])
emails = st.sampled_from([None, "a@x.example", "b@x.example", "c@y.example"])


@settings(max_examples=200, deadline=None)
@given(st.lists(st.tuples(names, companies, emails), min_size=1, max_size=25),
       st.randoms(use_true_random=False))
def test_groups_do_not_depend_on_the_order_of_the_rows(
        rows: list[tuple[str, str, str | None]], rnd: random.Random) -> None:
    records = [row(n, *r) for n, r in enumerate(rows, 2)]
    shuffled = records[:]
    rnd.shuffle(shuffled)
    assert {frozenset(g.rows) for g in find_groups(records)} == \
        {frozenset(g.rows) for g in find_groups(shuffled)}
    for group in find_groups(records):
        assert len(group.rows) >= 2 and group.rows == sorted(group.rows)
        assert group.reasons
