"""Field parsing shared by entities and importers; accounts and products."""

from __future__ import annotations

import contextlib
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from salesdesk.domain.accounts import Account, Product
from salesdesk.domain.errors import ValidationError
from salesdesk.domain.validation import clean_decimal, clean_int, name_key


@pytest.mark.parametrize(("text", "expected"), [
    ("4821", Decimal("4821.00")), ("4 821,50", Decimal("4821.50")),
    ("4\u00a0821,5", Decimal("4821.50")), ("1.234,56", Decimal("1234.56")),
    ("1,234.56", Decimal("1234.56")), ("55", Decimal("55.00")), (0.1, Decimal("0.10")),
    ("", None), ("  ", None), (None, None),
])
def test_clean_decimal_reads_what_spreadsheets_write(text: object, expected: object) -> None:
    assert clean_decimal(text, "price") == expected


@pytest.mark.parametrize("text", ["abc", "NaN", "sNaN", "inf", "-Infinity", "1e30",
                                  "1e999999999", "12,34,56.7.8"])
def test_clean_decimal_refuses_what_is_not_a_sensible_number(text: str) -> None:
    with pytest.raises(ValidationError) as err:
        clean_decimal(text, "price")
    assert err.value.field == "price"


@pytest.mark.parametrize(("text", "expected"), [
    ("12,500", Decimal("12500.00")), ("1,234,567", Decimal("1234567.00")),
    ("-12,500", Decimal("-12500.00")), ("1,234,567.25", Decimal("1234567.25")),
    ("1 234,56", Decimal("1234.56")), ("4 821,50", Decimal("4821.50")),
    ("12,5", Decimal("12.50")), ("12,50", Decimal("12.50")),
])
def test_clean_decimal_tells_thousands_commas_from_decimal_commas(text: str,
                                                                  expected: Decimal) -> None:
    assert clean_decimal(text, "price") == expected


@pytest.mark.parametrize("text", ["12.345", "0,125", "1 234,567", "4821.505", "1e-3",
                                  "12.500"])
def test_clean_decimal_refuses_text_with_more_than_two_decimals(text: str) -> None:
    with pytest.raises(ValidationError, match="more than 2 decimal places") as err:
        clean_decimal(text, "sales_price")
    assert err.value.field == "sales_price"


@pytest.mark.parametrize(("number", "expected"), [
    (12.345, Decimal("12.35")), (0.1 + 0.2, Decimal("0.30")), (4821.125, Decimal("4821.13")),
    (1e3, Decimal("1000.00"))])
def test_clean_decimal_rounds_a_float_cell_to_cents(number: float, expected: Decimal) -> None:
    assert clean_decimal(number, "price") == expected


def test_name_key_ignores_case_and_spacing() -> None:
    assert name_key("  ÉQUIPE   Nord ") == name_key("équipe nord") == "équipe nord"


def test_clean_decimal_minimum() -> None:
    with pytest.raises(ValidationError, match="at least 0"):
        clean_decimal("-1", "price", minimum=Decimal(0))


@pytest.mark.parametrize(("text", "expected"), [
    ("12", 12), (" 1 234 ", 1234), ("12.0", 12), ("", None), (None, None), (7, 7)])
def test_clean_int(text: object, expected: int | None) -> None:
    assert clean_int(text, "n") == expected


@pytest.mark.parametrize("text", ["1.5", "x", "NaN", "sNaN", "inf", "Infinity", "-inf",
                                  "1e400", "1e999999999"])
def test_clean_int_refuses_what_is_not_a_sensible_whole_number(text: str) -> None:
    with pytest.raises(ValidationError) as err:
        clean_int(text, "capacity")
    assert err.value.field == "capacity"


@settings(max_examples=100, deadline=None)
@given(st.text(max_size=30))
def test_number_parsers_only_ever_raise_validation_errors(text: str) -> None:
    for parse in (clean_int, clean_decimal):
        with contextlib.suppress(ValidationError):
            parse(text, "x")


def test_account_validation() -> None:
    a = Account(name=" Acme ", sector="Technology", postcode="sw1a 1aa")
    assert (a.name, a.sector, a.postcode) == ("Acme", "technology", "SW1A 1AA")
    with pytest.raises(ValidationError, match="required"):
        Account(name="")
    with pytest.raises(ValidationError) as err:
        Account(name="Acme", employees=-1)
    assert err.value.field == "employees"
    with pytest.raises(ValidationError):
        Account(name="Acme", revenue_m=Decimal("-0.01"))


def test_product_validation_and_aliases() -> None:
    p = Product(name="GTX Pro", list_price=Decimal("4821"), aliases=["GTXPro", "GTX Pro", " "])
    assert p.aliases == ["GTXPro"]
    with pytest.raises(ValidationError) as err:
        Product(name="GTX", list_price=Decimal("-1"))
    assert err.value.field == "sales_price"
