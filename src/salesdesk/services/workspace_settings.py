"""Workspace-wide settings: the currency every amount is in, the fiscal calendar (the
fiscal year's first month, the working days and the holidays) and the workspace's id."""

from __future__ import annotations

import json
from collections.abc import Iterable
from datetime import date

from salesdesk.domain.allocation import WorkCalendar
from salesdesk.domain.entity import new_id
from salesdesk.domain.errors import ValidationError
from salesdesk.domain.periods import (
    DEFAULT_FISCAL_START,
    FISCAL_START_SETTING,
    WEEKDAYS,
    fiscal_start_setting,
)
from salesdesk.services.common import OpChanges
from salesdesk.services.unit_of_work import UnitOfWork, UnitOfWorkFactory

DEFAULT_CURRENCY = "EUR"


def currency(uow_factory: UnitOfWorkFactory) -> str:
    with uow_factory() as uow:
        return currency_of(uow)


def currency_of(uow: UnitOfWork) -> str:
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


WORKING_DAYS = "working_days"
HOLIDAYS = "holidays"
WORKSPACE_ID = "workspace_id"


def fiscal_start_month(uow: UnitOfWork) -> int:
    """The fiscal year's first month (1 = January, the default). A bad stored value counts
    as the default here, where the storage read side refuses it (same rule:
    domain.periods.fiscal_start_setting)."""
    try:
        return fiscal_start_setting(uow.get_setting(FISCAL_START_SETTING,
                                                    str(DEFAULT_FISCAL_START)))
    except ValidationError:
        return DEFAULT_FISCAL_START


def work_calendar(uow: UnitOfWork) -> WorkCalendar:
    """The workspace's fiscal start, working days (0 = Monday) and holidays."""
    days = _json(uow.get_setting(WORKING_DAYS, ""), list(WEEKDAYS))
    holidays = _json(uow.get_setting(HOLIDAYS, ""), [])
    return WorkCalendar(frozenset(int(str(d)) for d in days if str(d) in set("0123456")),
                        frozenset(date.fromisoformat(str(h)) for h in holidays if _is_day(h)),
                        fiscal_start_month(uow))


def calendar(uow_factory: UnitOfWorkFactory) -> WorkCalendar:
    with uow_factory() as uow:
        return work_calendar(uow)


def set_calendar(uow_factory: UnitOfWorkFactory, fiscal_start: int,
                 working_days: Iterable[int], holidays: Iterable[date]) -> OpChanges:
    if not 1 <= fiscal_start <= 12:
        raise ValidationError(f"must be a month from 1 to 12 (got {fiscal_start})",
                              field=FISCAL_START_SETTING)
    days = sorted(set(working_days))
    if not days or any(not 0 <= d <= 6 for d in days):
        raise ValidationError("pick at least one working day (Monday to Sunday)",
                              field="working_days")
    with uow_factory() as uow:
        uow.set_setting(FISCAL_START_SETTING, str(fiscal_start))
        uow.set_setting(WORKING_DAYS, json.dumps(days))
        uow.set_setting(HOLIDAYS, json.dumps(sorted({d.isoformat() for d in holidays})))
        uow.commit()
    return OpChanges(quotas=True, deals=True, summary="Fiscal calendar saved")


def workspace_id(uow: UnitOfWork) -> str:
    """This workspace's id (made on first use; the caller commits)."""
    found = uow.get_setting(WORKSPACE_ID, "")
    if not found:
        found = new_id()
        uow.set_setting(WORKSPACE_ID, found)
    return found


def _json(text: str, default: list[object]) -> list[object]:
    try:
        value = json.loads(text) if text else default
    except ValueError:
        return default
    return value if isinstance(value, list) else default


def _is_day(text: object) -> bool:
    try:
        date.fromisoformat(str(text))
    except ValueError:
        return False
    return True
