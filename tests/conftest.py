"""Fixtures shared by every test folder. Keep this tiny: folder-specific fixtures live in
the folder's own conftest.py (integration/conftest.py starts the PostgreSQL server)."""

from __future__ import annotations

from pathlib import Path

import pytest

SAMPLE_DIR = Path(__file__).resolve().parents[1] / "resources" / "sample"


@pytest.fixture(scope="session")
def sample_dir() -> Path:
    """The sample data shipped with SalesDesk (sales_teams.csv, accounts.csv, ...)."""
    return SAMPLE_DIR
