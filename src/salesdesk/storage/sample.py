"""The sample company shipped as package data (an installed SalesDesk has no ../shared)."""

from __future__ import annotations

from importlib import resources

from salesdesk.storage.files import Table, read_table

SAMPLE_FILES = ("sales_teams", "accounts", "products", "sales_pipeline")


def sample_tables() -> dict[str, Table]:
    folder = resources.files("salesdesk.resources") / "sample"
    with resources.as_file(folder) as path:
        return {name: read_table(path / f"{name}.csv") for name in SAMPLE_FILES}
