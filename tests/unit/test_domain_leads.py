"""Leads: cleaning, validation, status moves, duplicate keys and formula-like text."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from salesdesk.domain.errors import ValidationError
from salesdesk.domain.leads import (
    ALLOWED_MOVES,
    OPEN_STATUSES,
    Lead,
    LeadStatus,
    check_move,
    company_key,
    email_key,
    is_formula_like,
    neutralised,
    normalized_email,
    person_company_key,
    tidy_text,
)

AT = datetime(2024, 3, 4, 10, 0, tzinfo=UTC)
S = LeadStatus

# --- cleaning and validation -------------------------------------------------------------


def test_a_lead_is_cleaned() -> None:
    lead = Lead(person_name="  Ana\u200b  Almeida ", email=" Ana.Almeida@Example.COM ",
                phone=" +44 20 7946 0000 ", company="Acme\tCorp", postcode="sw1a 1aa",
                source="Web", sector=" Software ", manual_segments=["VIP", "vip", " "])
    assert lead.person_name == "Ana Almeida"
    assert lead.email == "ana.almeida@example.com"
    assert (lead.phone, lead.company, lead.postcode) == ("+44 20 7946 0000", "Acme Corp",
                                                          "SW1A 1AA")
    assert (lead.source, lead.sector) == ("web", "Software")
    assert lead.manual_segments == ["VIP"] and lead.segments == ["VIP"]
    assert lead.status is S.NEW and lead.score == 0 and lead.is_open


def test_a_lead_needs_a_name_an_email_or_a_company() -> None:
    with pytest.raises(ValidationError) as err:
        Lead(person_name=" ", phone="+33 1 23 45 67 89")
    assert err.value.field == "person_name"
    assert Lead(email="x@example.com").person_name == ""
    assert Lead(company="Acme").company == "Acme"


@pytest.mark.parametrize(("kwargs", "field"), [
    ({"email": "not-an-address"}, "email"),
    ({"phone": "call me maybe"}, "phone"),
    ({"phone": "12"}, "phone"),
    ({"phone": "=1+2"}, "phone"),
    ({"score": 101}, "score"),
    ({"score": -1}, "score"),
    ({"employees": -5}, "employees"),
    ({"status": "won"}, "status"),
    ({"first_contacted_at": datetime(2024, 1, 1)}, "first_contacted_at"),
    ({"sla_due_at": "tomorrow"}, "sla_due_at"),
    ({"person_name": "x" * 201}, "person_name"),
    ({"notes": "x" * 4001}, "notes"),
])
def test_bad_values_are_refused_naming_the_field(kwargs: dict[str, object], field: str) -> None:
    with pytest.raises(ValidationError) as err:
        Lead(**{"person_name": "Ana", **kwargs})
    assert err.value.field == field


@pytest.mark.parametrize("phone", ["+1 (555) 010-9999", "030/1234567", "555.010.9999 x12",
                                   "+49 30 1234567 ext. 7", "0612345678"])
def test_phone_numbers_in_common_shapes_are_kept(phone: str) -> None:
    assert Lead(person_name="Ana", phone=phone).phone == phone


def test_update_validates_everything_and_keeps_the_old_values_on_refusal() -> None:
    lead = Lead(person_name="Ana", email="ana@example.com", manual_segments=["VIP"])
    with pytest.raises(ValidationError):
        lead.update(email="broken")
    assert lead.email == "ana@example.com"
    lead.update(job_title=" Head of  IT ", manual_segments=["VIP", "Partner list"])
    assert lead.job_title == "Head of IT"
    assert lead.segments == ["VIP", "Partner list"]
    lead.set_segments(["hot"])
    lead.update(manual_segments=["Partner list"])
    assert lead.segments == ["hot", "Partner list"]
    with pytest.raises(TypeError):
        lead.update(status="qualified")


def test_set_segments_keeps_the_hand_added_ones() -> None:
    lead = Lead(person_name="Ana", manual_segments=["VIP"])
    lead.set_segments(["hot", "Hot", "price objection"])
    assert lead.segments == ["hot", "price objection", "VIP"]


def test_set_score_checks_the_range() -> None:
    lead = Lead(person_name="Ana")
    lead.set_score(100)
    with pytest.raises(ValidationError) as err:
        lead.set_score(150)
    assert err.value.field == "score" and lead.score == 100


# --- status moves ------------------------------------------------------------------------

PAIRS = [(a, b) for a in LeadStatus for b in LeadStatus if a is not b]


@pytest.mark.parametrize(("old", "new"), PAIRS)
def test_every_move_is_either_allowed_or_refused_on_status(old: LeadStatus,
                                                            new: LeadStatus) -> None:
    if new in ALLOWED_MOVES[old]:
        assert check_move(old, new, "a reason") is new
    else:
        with pytest.raises(ValidationError) as err:
            check_move(old, new, "a reason")
        assert err.value.field == "status" and f"from {old} to {new}" in str(err.value)


def test_converted_is_final_and_disqualified_only_reopens_as_new() -> None:
    assert ALLOWED_MOVES[S.CONVERTED] == frozenset()
    assert ALLOWED_MOVES[S.DISQUALIFIED] == {S.NEW}
    with pytest.raises(ValidationError, match="converted lead is final"):
        check_move(S.CONVERTED, S.QUALIFIED)
    with pytest.raises(ValidationError, match="reopened as new"):
        check_move(S.DISQUALIFIED, S.CONTACTED)


@pytest.mark.parametrize(("old", "new"), [(S.NEW, S.UNQUALIFIED), (S.CONTACTED, S.DISQUALIFIED),
                                          (S.DISQUALIFIED, S.NEW)])
def test_some_moves_need_a_reason(old: LeadStatus, new: LeadStatus) -> None:
    with pytest.raises(ValidationError) as err:
        check_move(old, new, "  ")
    assert err.value.field == "status_reason" and "needs a reason" in str(err.value)


def test_open_statuses_are_the_four_working_ones() -> None:
    assert {s for s in LeadStatus if s.is_open} == OPEN_STATUSES == {
        S.NEW, S.CONTACTED, S.QUALIFIED, S.NURTURING}
    assert [s for s in LeadStatus if s.is_closed] == [S.CONVERTED, S.DISQUALIFIED]


def test_change_status_records_the_move_and_stamps_the_first_contact_once() -> None:
    lead = Lead(person_name="Ana")
    change = lead.change_status("contacted", at=AT)
    assert (change.old, change.new, change.stamped_first_contact) == (S.NEW, S.CONTACTED, True)
    assert lead.first_contacted_at == AT
    later = AT + timedelta(days=2)
    change = lead.change_status(S.UNQUALIFIED, at=later, reason="Price too high")
    assert lead.status_reason == "Price too high" and not change.stamped_first_contact
    lead.change_status(S.NURTURING, at=later)
    assert lead.first_contacted_at == AT and lead.status_reason == ""


def test_disqualifying_a_new_lead_is_not_a_contact() -> None:
    lead = Lead(person_name="Ana")
    lead.change_status(S.DISQUALIFIED, at=AT, reason="spam")
    assert lead.first_contacted_at is None and not lead.is_open


def test_staying_in_a_status_changes_only_the_reason() -> None:
    lead = Lead(person_name="Ana", status=S.UNQUALIFIED, status_reason="no budget")
    change = lead.change_status(S.UNQUALIFIED, at=AT, reason="price objection")
    assert (change.old_reason, lead.status_reason) == ("no budget", "price objection")


def test_a_refused_move_changes_nothing() -> None:
    lead = Lead(person_name="Ana", status=S.CONVERTED)
    with pytest.raises(ValidationError):
        lead.change_status(S.NEW, at=AT)
    assert lead.status is S.CONVERTED


def test_change_status_needs_an_aware_moment() -> None:
    with pytest.raises(ValidationError) as err:
        Lead(person_name="Ana").change_status(S.CONTACTED, at=datetime(2024, 1, 1))
    assert err.value.field == "at"


def test_mark_contacted_moves_a_new_lead_and_happens_once() -> None:
    lead = Lead(person_name="Ana")
    assert lead.mark_contacted(AT) and lead.status is S.CONTACTED
    assert not lead.mark_contacted(AT + timedelta(hours=1))
    assert lead.first_contacted_at == AT


def test_assign_returns_the_previous_owner() -> None:
    lead = Lead(person_name="Ana", owner_id="m1")
    assert lead.assign("m2") == "m1" and lead.owner_id == "m2"


# --- duplicates and text ---------------------------------------------------------------


@pytest.mark.parametrize("raw", [" Ana.Almeida@Example.com", "ana.almeida@example.com ",
                                 "ANA.ALMEIDA@EXAMPLE.COM", "ana.almeida @ example.com",
                                 "mailto:Ana.Almeida@example.com",
                                 "<ana.almeida@example.com>", "ana.almeida@example.com\u200b"])
def test_normalized_email_makes_variants_equal(raw: str) -> None:
    assert normalized_email(raw) == "ana.almeida@example.com"


def test_email_key_is_none_without_an_email() -> None:
    assert email_key(Lead(person_name="Ana")) is None
    a = Lead(person_name="Ana", email="Ana@Example.com")
    b = Lead(person_name="Ana A.", email="ana@example.com ")
    assert email_key(a) == email_key(b) == "ana@example.com"


@given(st.text(max_size=40))
def test_normalized_email_is_idempotent_and_blind_to_case_and_spaces(text: str) -> None:
    once = normalized_email(text)
    assert normalized_email(once) == once
    assert not any(ch.isspace() for ch in once)
    assert normalized_email(" " + text.upper() + " ") == normalized_email(
        text.upper())


@pytest.mark.parametrize(("raw", "key"), [("ACME, Inc.", "acme"), ("Acme Corp", "acme"),
                                          ("Müller GmbH & Co. KG", "müller"),
                                          ("The Widget Company Ltd", "the widget")])
def test_company_key_drops_punctuation_and_legal_forms(raw: str, key: str) -> None:
    assert company_key(raw) == key


def test_person_company_key() -> None:
    lead = Lead(person_name="Ana  Almeida-Silva", company="ACME, Inc.")
    assert person_company_key(lead) == "ana almeida silva | acme"


@given(st.text(max_size=60))
def test_tidy_text_is_idempotent_and_tidy(text: str) -> None:
    tidy = tidy_text(text)
    assert tidy_text(tidy) == tidy
    assert tidy == tidy.strip() and "  " not in tidy and "\u200b" not in tidy


@pytest.mark.parametrize(("text", "formula"), [
    ("=SUM(A1:A9)", True), ("+33 1 23", True), ("-5", True), ("@cmd", True), ("\tx", True),
    ("\rx", True), ("Acme", False), ("", False), ("a=b", False), ("'=x", False)])
def test_is_formula_like(text: str, formula: bool) -> None:
    assert is_formula_like(text) is formula
    assert neutralised(text) == ("'" + text if formula else text)


def test_is_formula_like_only_looks_at_text() -> None:
    assert not is_formula_like(-5) and not is_formula_like(None)


@settings(max_examples=300)
@given(st.text(max_size=30))
def test_neutralised_text_is_never_formula_like_and_keeps_the_text(text: str) -> None:
    safe = neutralised(text)
    assert not is_formula_like(safe) and safe.endswith(text)


def test_formula_like_cells_are_stored_as_typed() -> None:
    lead = Lead(person_name="=HYPERLINK(\"http://x\")", company="@risk", notes="-1+1")
    assert lead.person_name.startswith("=") and lead.company == "@risk"
    assert is_formula_like(lead.notes)
