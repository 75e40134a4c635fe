"""The Qt binding itself: a PySide6 release that drops a reference to None on each
QCoreApplication.processEvents() call (6.12.0 does) makes Python 3.11 abort after a few
thousand calls, as main_window.settle() and the benchmarks make; pyproject.toml keeps it
out and this test says so if it comes back."""

from __future__ import annotations

import sys
from typing import Any

from PySide6.QtCore import QCoreApplication


def test_process_events_keeps_none_alive(qapp: Any) -> None:
    before = sys.getrefcount(None)
    for _ in range(500):
        QCoreApplication.processEvents()
    # other threads may hold or drop a few references meanwhile; the bug loses 500
    assert sys.getrefcount(None) - before > -100
