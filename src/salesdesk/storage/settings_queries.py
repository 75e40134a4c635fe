"""Read side of the workspace settings table for the query modules, which work on a
connection rather than a unit of work (services read settings through `uow.get_setting`).
The key names and parsing rules live in the domain (domain.periods.FISCAL_START_SETTING)."""

from __future__ import annotations

import sqlalchemy as sa

from salesdesk.domain.periods import FISCAL_START_SETTING, fiscal_start_setting
from salesdesk.storage import tables as t


def setting(conn: sa.Connection, key: str) -> str | None:
    """The stored value of the setting `key`; None when it was never set."""
    return conn.execute(sa.select(t.settings.c.value).where(t.settings.c.key == key)).scalar()


def fiscal_start(conn: sa.Connection) -> int:
    """The workspace's first month of the fiscal year (1 = January, the default); a stored
    value that is not a month from 1 to 12 is a ValidationError naming the setting."""
    return fiscal_start_setting(setting(conn, FISCAL_START_SETTING))
