"""Workspace-wide settings: the currency every amount is in."""

from __future__ import annotations

from salesdesk.domain.errors import ValidationError
from salesdesk.services.common import OpChanges
from salesdesk.services.unit_of_work import UnitOfWorkFactory

DEFAULT_CURRENCY = "EUR"


def currency(uow_factory: UnitOfWorkFactory) -> str:
    with uow_factory() as uow:
        return uow.get_setting("currency", DEFAULT_CURRENCY)


def known_currencies() -> list[tuple[str, str]]:
    """(ISO 4217 code, name) pairs, from pycountry."""
    import pycountry

    return sorted((c.alpha_3, c.name) for c in pycountry.currencies)


def set_currency(uow_factory: UnitOfWorkFactory, code: str) -> OpChanges:
    code = code.strip().upper()
    if code not in {c for c, _ in known_currencies()}:
        raise ValidationError(f"'{code}' is not an ISO 4217 currency code", field="currency")
    with uow_factory() as uow:
        uow.set_setting("currency", code)
        uow.commit()
    return OpChanges(accounts=True, products=True, summary=f"Workspace currency: {code}")
