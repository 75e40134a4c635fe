"""Field-level validation shared by entities and importers."""

from __future__ import annotations

import re
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

from salesdesk.domain.errors import ValidationError

# Pragmatic address check (local@domain.tld); full RFC 5322 is not what users mistype.
_EMAIL = re.compile(
    r"^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}$")


def name_key(text: str) -> str:
    """How names compare: case-insensitive, runs of spaces as one ('ACME  corp' = 'Acme Corp')."""
    return " ".join(text.split()).casefold()


def clean_text(value: object, field: str, *, required: bool = False, max_len: int = 200) -> str:
    text = "" if value is None else " ".join(str(value).split())
    if required and not text:
        raise ValidationError("is required", field=field)
    if len(text) > max_len:
        raise ValidationError(f"is longer than {max_len} characters", field=field)
    return text


def clean_email(value: object, field: str = "email") -> str | None:
    text = clean_text(value, field).lower()
    if not text:
        return None
    if not _EMAIL.match(text):
        raise ValidationError(f"'{text}' is not a valid e-mail address", field=field)
    return text


def clean_int(value: object, field: str, *, minimum: int | None = None) -> int | None:
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    try:
        number = Decimal(str(value).strip().replace("\u00a0", "").replace(" ", ""))
    except InvalidOperation:
        raise ValidationError(f"'{value}' is not a whole number", field=field) from None
    if not number.is_finite() or number.adjusted() >= 18:  # 'inf', 'NaN', '1e999999999'
        raise ValidationError(f"'{value}' is not a whole number of a sensible size",
                              field=field)
    if number != number.to_integral_value():
        raise ValidationError(f"'{value}' is not a whole number", field=field)
    result = int(number)
    if minimum is not None and result < minimum:
        raise ValidationError(f"must be at least {minimum} (got {result})", field=field)
    return result


_THOUSANDS = re.compile(r"^-?[1-9]\d{0,2}(,\d{3})+$")
"""'12,500' and '1,234,567': commas that group thousands, never decimal commas. (A first
group of 0 is not grouping: '0,125' is a decimal comma.)"""


def _decimal_text(text: str) -> str:
    """Spreadsheet number text -> Decimal syntax: spaces, thousands and decimal commas."""
    text = text.strip().replace("\u00a0", "").replace(" ", "")
    if _THOUSANDS.match(text):
        return text.replace(",", "")
    if "," in text and "." not in text:
        return text.replace(",", ".")  # '1 234,56', '4 821,50': a decimal comma
    if "," in text:  # both: the last one is the decimal mark
        return text.replace(",", "") if text.rfind(".") > text.rfind(",") else \
            text.replace(".", "").replace(",", ".")
    return text


def clean_decimal(value: object, field: str, *, minimum: Decimal | None = None,
                  places: int = 2) -> Decimal | None:
    """Parse an exact decimal, to `places` decimals. Text may group thousands with commas
    ('12,500') or spaces and use a decimal comma ('1 234,56', as Excel in France writes),
    but more than `places` decimals is refused, never rounded: only a float (a number cell
    of a workbook, stored in binary) is rounded."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return None
    rounded = isinstance(value, float)
    try:
        number = Decimal(repr(value) if rounded else _decimal_text(str(value)))
    except InvalidOperation:
        raise ValidationError(f"'{value}' is not a number", field=field) from None
    if not number.is_finite():
        raise ValidationError(f"'{value}' is not a number", field=field)
    exponent = number.as_tuple().exponent
    if not rounded and isinstance(exponent, int) and exponent < -places:
        raise ValidationError(f"'{value}' has more than {places} decimal places",
                              field=field)
    if minimum is not None and number < minimum:
        raise ValidationError(f"must be at least {minimum} (got {number})", field=field)
    try:
        return number.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)
    except InvalidOperation:  # more digits than the decimal context holds ('1e30')
        raise ValidationError(f"'{value}' is too large", field=field) from None


def check_cents(value: Decimal, field: str) -> None:
    """Money is kept to the cent: refuse more decimal places, NaN and absurd sizes."""
    try:
        exact = value.is_finite() and value == value.quantize(Decimal("0.01"))
    except InvalidOperation:
        raise ValidationError(f"'{value}' is too large", field=field) from None
    if not value.is_finite():
        raise ValidationError(f"'{value}' is not a number", field=field)
    if not exact:
        raise ValidationError(f"{value} has more than two decimal places", field=field)
