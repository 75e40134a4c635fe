"""Nothing imported before the first paint loads a heavy module (bench/bench_startup.py:
SQLAlchemy alone costs more than a bare PySide6 window). Each check runs in a fresh
interpreter, since this test process has imported everything already."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

HEAVY = ("sqlalchemy", "alembic", "openpyxl", "pyqtgraph", "numpy", "rapidfuzz", "pycountry",
         "charset_normalizer")


def _heavy_loaded_by(code: str, tmp_path: Path) -> list[str]:
    """The heavy modules in sys.modules once `code` ran in a fresh interpreter (or, if
    `code` sets `loaded`, the list it holds)."""
    report = "print(json.dumps(loaded))"
    code = f"HEAVY = {HEAVY!r}\nloaded = None\n{code}\n" \
           "loaded = sorted(m for m in HEAVY if m in sys.modules) if loaded is None else loaded"
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    for name in ("CONFIG", "DATA", "CACHE", "STATE"):  # never the user's settings
        env[f"XDG_{name}_HOME"] = str(tmp_path / name.lower())
    result = subprocess.run([sys.executable, "-c", f"import json, sys\n{code}\n{report}"],
                            capture_output=True, text=True, timeout=120, env=env)
    assert result.returncode == 0, result.stderr
    return list(json.loads(result.stdout.strip().splitlines()[-1]))


def test_importing_the_window_and_the_tabs_loads_no_heavy_module(tmp_path: Path) -> None:
    code = ("import salesdesk.app, salesdesk.ui.main_window, salesdesk.ui.team_tab, "
            "salesdesk.ui.territories_tab")
    assert _heavy_loaded_by(code, tmp_path) == []


def test_the_window_is_painted_before_any_heavy_module_loads(tmp_path: Path) -> None:
    """As `salesdesk` starts: the window, shown and painted, while its workspace waits."""
    code = f"""
from PySide6.QtCore import QDeadlineTimer, QEvent, QObject
from salesdesk.app import application, start_main_window

class Painted(QObject):
    seen = False
    def eventFilter(self, obj, event):
        if event.type() == QEvent.Type.Paint and not Painted.seen:
            Painted.seen = True  # what is loaded now was loaded before the first paint
            Painted.heavy = sorted(m for m in HEAVY if m in sys.modules)
        return False

app = application()
painted = Painted()
app.installEventFilter(painted)
window = start_main_window({str(tmp_path / "workspace.sqlite")!r})
deadline = QDeadlineTimer(10_000)
while not Painted.seen and not deadline.hasExpired():
    app.processEvents()
assert Painted.seen, "no paint"
loaded = Painted.heavy
"""
    assert _heavy_loaded_by(code, tmp_path) == []
