"""Accounts (companies we sell to) and products (what we sell)."""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from salesdesk.domain.entity import Entity
from salesdesk.domain.errors import ValidationError
from salesdesk.domain.validation import check_cents, clean_text


@dataclass(eq=False, kw_only=True)
class Account(Entity):
    name: str
    sector: str = ""
    country: str = ""
    region: str = ""
    postcode: str = ""
    employees: int | None = None
    revenue_m: Decimal | None = None  # annual revenue, millions of the workspace currency
    year_established: int | None = None
    parent_id: str | None = None
    territory_id: str | None = None  # where the territory rules landed it

    def __post_init__(self) -> None:
        self.name = clean_text(self.name, "account", required=True)
        self.sector = clean_text(self.sector, "sector", max_len=80).lower()
        self.country = clean_text(self.country, "country", max_len=80)
        self.region = clean_text(self.region, "region", max_len=80)
        self.postcode = clean_text(self.postcode, "postcode", max_len=20).upper()
        if self.employees is not None and self.employees < 0:
            raise ValidationError(f"must be zero or more (got {self.employees})",
                                  field="employees")
        if self.revenue_m is not None:
            check_cents(self.revenue_m, "revenue")
        if self.revenue_m is not None and self.revenue_m < 0:
            raise ValidationError(f"must be zero or more (got {self.revenue_m})",
                                  field="revenue")


@dataclass(eq=False, kw_only=True)
class Product(Entity):
    name: str
    series: str = ""
    list_price: Decimal = Decimal("0.00")
    aliases: list[str] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.name = clean_text(self.name, "product", required=True, max_len=120)
        self.series = clean_text(self.series, "series", max_len=80)
        check_cents(self.list_price, "sales_price")
        if self.list_price < 0:
            raise ValidationError(f"must be zero or more (got {self.list_price})",
                                  field="sales_price")
        self.aliases = sorted({clean_text(a, "aliases") for a in self.aliases} - {"", self.name})
