"""Which column of a lead file holds which field: headers, cells, checks."""

from __future__ import annotations

import pytest

from salesdesk.domain.errors import ValidationError
from salesdesk.services.lead_columns import (
    FIELDS,
    check_mapping,
    content_kind,
    given_mapping,
    guess_mapping,
)
from salesdesk.services.lead_settings import layout_key

from .fakes import make_table


def guessed(headers: list[str], *rows: list[str]) -> dict[str, str]:
    return guess_mapping(make_table(headers, *rows)).fields


def test_known_header_names_map_their_fields() -> None:
    fields = guessed(["Full Name", "E-mail Address", "Company Name", "Zip", "Lead Source",
                      "Industry", "Headcount", "Assigned To", "Tags", "Created"],
                     ["Ann Lee", "ann@acme.example", "Acme", "75001", "web", "software",
                      "50", "Bob", "vip", "2026-01-02"])
    assert fields == {"person_name": "full_name", "email": "e_mail_address",
                      "company": "company_name", "postcode": "zip", "source": "lead_source",
                      "sector": "industry", "employees": "headcount", "owner": "assigned_to",
                      "manual_segments": "tags", "received_at": "created"}


def test_first_and_last_name_columns() -> None:
    fields = guessed(["First Name", "Last Name", "Email"], ["Ann", "Lee", "a@b.example"])
    assert fields == {"first_name": "first_name", "last_name": "last_name", "email": "email"}


def test_cells_decide_columns_without_a_known_header() -> None:
    mapping = guess_mapping(make_table(
        ["Contact", "Col2", "Col3", "Col4", "Col5", "Col6"],
        ["ann@acme.example", "+33 1 23 45 67 89", "75001", "1,200", "2026-03-01", "x"],
        ["bob@globex.example", "(555) 123-4567", "10115", "51-200", "2026-03-02 10:00",
         "y"]))
    assert mapping.fields == {"email": "contact", "phone": "col2", "postcode": "col3",
                              "employees": "col4", "received_at": "col5"}
    why = {c.header: c.why for c in mapping.columns}
    assert why["contact"] == "content: 100% e-mail addresses" and why["col6"] == ""


def test_a_header_that_names_the_field_beats_the_cells() -> None:
    fields = guessed(["Name", "Email", "Contact"],
                     ["Ann", "ann@acme.example", "bob@globex.example"])
    assert fields["email"] == "email" and fields["person_name"] == "name"
    assert "contact" not in fields.values()


def test_header_words_and_the_first_column_wins() -> None:
    fields = guessed(["work_email_address", "private_email", "company"],
                     ["a@x.example", "b@y.example", "Acme"])
    assert fields["email"] == "work_email_address"


@pytest.mark.parametrize(("cells", "kind"), [
    (["75001", "10115", "02134"], "postcode"),
    (["SW1A 1AA", "EC1A 1BB", "W1A 0AX"], "postcode"),
    (["12", "250", "1200", "51-200", "1000+"], "employees"),
    (["+44 20 7946 0958", "020 7946 0958"], "phone"),
    (["2026-01-02", "02.01.2026", "2026-01-02T10:00:00"], "received_at"),
    (["mailto:ann@acme.example", "<bob@globex.example>"], "email"),
    (["Acme", "Globex"], None),
    (["", " "], None),
])
def test_content_kinds(cells: list[str], kind: str | None) -> None:
    found = content_kind(cells)
    assert (found[0] if found else None) == kind


def test_mostly_is_eighty_percent() -> None:
    assert content_kind(["a@b.example"] * 8 + ["nope"] * 2) == ("email", 0.8)
    assert content_kind(["a@b.example"] * 7 + ["nope"] * 3) is None


def test_a_mapping_is_checked_by_name() -> None:
    table = make_table(["Name", "Email"], ["Ann", "a@b.example"])
    with pytest.raises(ValidationError, match="unknown lead field"):
        check_mapping(table, {"colour": "name"})
    with pytest.raises(ValidationError, match="no column phone"):
        check_mapping(table, {"person_name": "name", "phone": "phone"})
    with pytest.raises(ValidationError, match="mapped to two fields"):
        check_mapping(table, {"person_name": "name", "company": "name"})
    with pytest.raises(ValidationError, match="who the lead is"):
        check_mapping(table, {"phone": "email"})
    assert given_mapping(table, {"person_name": "name"}).source == "given"


def test_every_field_has_names_and_the_layout_key_follows_the_headers() -> None:
    assert all(FIELDS)
    assert layout_key(("a", "b")) == layout_key(("a", "b")) != layout_key(("b", "a"))
    assert len(layout_key(("a",))) == 16
