"""Unit-test fixtures: a fresh in-memory workspace per test."""

from __future__ import annotations

from pathlib import Path

import pytest

from .fakes import FakeWorkspace

SAMPLE = Path(__file__).resolve().parents[2] / "resources" / "sample"


@pytest.fixture
def ws() -> FakeWorkspace:
    return FakeWorkspace()
