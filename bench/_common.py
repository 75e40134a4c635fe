"""Helpers shared by the benchmarks: timing, medians, the machine line, verdicts.

Benchmarks only print; nothing here asserts a time (see STYLE.md, Tests).
"""

from __future__ import annotations

import os
import platform
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

BENCH = Path(__file__).resolve().parent
OUT = BENCH / "out"  # gitignored: cached workspaces and scratch files


def out_dir() -> Path:
    OUT.mkdir(parents=True, exist_ok=True)
    return OUT


def cpu_model() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown CPU"


def machine() -> str:
    """One line: cores, CPU, Python, and Qt when it is importable."""
    try:
        from PySide6 import __version__ as pyside
        from PySide6.QtCore import qVersion

        qt = f", PySide6 {pyside} / Qt {qVersion()}"
    except ImportError:
        qt = ""
    return (f"nproc {os.cpu_count()}, {cpu_model()}, Python {platform.python_version()}"
            f"{qt}, {platform.system()} {platform.release()}")


def timed(fn: Callable[[], Any]) -> tuple[float, Any]:
    start = time.perf_counter()
    result = fn()
    return time.perf_counter() - start, result


def median(values: list[float]) -> float:
    return statistics.median(values)


def seconds(values: list[float]) -> str:
    return ", ".join(f"{v:.3f}" for v in values)


def verdict(ok: bool) -> str:
    return "PASS" if ok else "FAIL"


def header(title: str, quick: bool) -> None:
    print(f"== {title}{' (--quick: smoke run, not the requirement)' if quick else ''}")
    print(f"   {machine()}")
    sys.stdout.flush()
