"""Column types that keep money exact, timestamps in UTC and rules as JSON."""

from __future__ import annotations

import enum
from datetime import UTC, datetime
from decimal import Decimal
from typing import Any

import sqlalchemy as sa
from sqlalchemy.types import TypeDecorator

from salesdesk.domain.territories import Criterion


class Money(TypeDecorator[Decimal]):
    """Decimal with two places, stored as integer minor units: exact on every backend."""

    impl = sa.BigInteger
    cache_ok = True

    def process_bind_param(self, value: Decimal | None, dialect: Any) -> int | None:
        if value is None:
            return None
        cents = Decimal(value) * 100
        if cents != cents.to_integral_value():
            raise ValueError(f"{value} has more than two decimal places; money is stored "
                             "to the cent")
        return int(cents)

    def process_result_value(self, value: int | None, dialect: Any) -> Decimal | None:
        return None if value is None else Decimal(value).scaleb(-2)


class UTCDateTime(TypeDecorator[datetime]):
    """Timezone-aware UTC in Python; naive UTC in SQLite, timestamptz in PostgreSQL."""

    impl = sa.DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: datetime | None, dialect: Any) -> datetime | None:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime given; SalesDesk stores UTC only")
        value = value.astimezone(UTC)
        return value.replace(tzinfo=None) if dialect.name == "sqlite" else value

    def process_result_value(self, value: datetime | None, dialect: Any) -> datetime | None:
        if value is None:
            return None
        return value.replace(tzinfo=UTC) if value.tzinfo is None else value.astimezone(UTC)


class CriteriaList(TypeDecorator[list[Criterion]]):
    impl = sa.JSON
    cache_ok = True

    def process_bind_param(self, value: list[Criterion] | None, dialect: Any) -> Any:
        return [c.to_dict() for c in value or []]

    def process_result_value(self, value: Any, dialect: Any) -> list[Criterion]:
        return [Criterion.from_dict(d) for d in value or []]


class EnumText(TypeDecorator[enum.Enum]):
    """A StrEnum stored as its text value (a plain VARCHAR; no database enum type), read
    back as the enum member, so `stage.outcome is Outcome.WON` holds after a load."""

    impl = sa.String
    cache_ok = True

    def __init__(self, enum_cls: type[enum.Enum], length: int):
        super().__init__(length)
        self.enum_cls = enum_cls

    def process_bind_param(self, value: Any, dialect: Any) -> str | None:
        return None if value is None else str(self.enum_cls(value).value)

    def process_result_value(self, value: str | None, dialect: Any) -> Any:
        return None if value is None else self.enum_cls(value)
