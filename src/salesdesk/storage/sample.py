"""The sample company shipped as package data (an installed SalesDesk has no ../shared)."""

from __future__ import annotations

from datetime import UTC, datetime
from importlib import resources

from salesdesk.storage.files import Table, read_table

SAMPLE_FILES = ("sales_teams", "accounts", "products", "sales_pipeline")


def sample_tables(now: datetime | None = None) -> dict[str, Table]:
    """The shipped files, and "leads": the marketing leads of the last two weeks to `now`."""
    from salesdesk.storage.sample_leads import sample_lead_table

    folder = resources.files("salesdesk.resources") / "sample"
    with resources.as_file(folder) as path:
        tables = {name: read_table(path / f"{name}.csv") for name in SAMPLE_FILES}
    tables["leads"] = sample_lead_table(tables["accounts"], now or datetime.now(UTC))
    return tables
