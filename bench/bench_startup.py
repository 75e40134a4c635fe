"""Cold start to the first rendered main window, against a bare PySide6 window.

Requirement: on a workspace made with `salesdesk demo --scale 100000`, SalesDesk's cold
start to the first rendered main window takes at most 2.0x the time a bare PySide6
window with five empty tabs needs, measured side by side in the same run.

Each run is a fresh Python process (QT_QPA_PLATFORM=offscreen, a clean settings folder),
timed by this parent from spawn to the child's "rendered" line, so interpreter start and
every import count. The two kinds alternate (baseline, SalesDesk, baseline, ...) after
one discarded warm-up pair, and the medians are compared.

- baseline: `python -c` that imports PySide6, builds a QMainWindow holding a QTabWidget
  with five empty tabs, shows it, waits for its first Paint event, then grab()s it.
- SalesDesk: `salesdesk.app.application()` and `open_main_window(db)`, show, then
  `window.settle()` so the current tab's data is loaded, the first Paint, and grab().

The workspace is made once and cached in bench/out/ (gitignored); it is rebuilt when
the schema head changed. `--importtime` adds the slowest imports of a SalesDesk start
(python -X importtime) to find what to make lazy.

    python bench/bench_startup.py [--quick] [--runs N] [--scale N] [--importtime]
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

from _common import header, median, out_dir, seconds, verdict

LIMIT = 2.0
HEAVY = ("pyqtgraph", "numpy", "openpyxl", "alembic", "mako", "pygments", "sqlalchemy.orm",
         "psycopg", "rapidfuzz", "pycountry", "charset_normalizer", "salesdesk.storage.files",
         "salesdesk.storage.export")
KINDS = ("baseline", "salesdesk", "floor")

# Shared by both children: wait for the window's first Paint event, then render it.
_PAINT = """
from PySide6.QtCore import QDeadlineTimer, QEvent, QObject

class _Paint(QObject):
    seen = False
    def eventFilter(self, obj, event):
        if event.type() == QEvent.Type.Paint:
            _Paint.seen = True
        return False

def _rendered(app, window, marks):
    deadline = QDeadlineTimer(10_000)
    while not _Paint.seen and not deadline.hasExpired():
        app.processEvents()
    marks["painted"] = time.perf_counter() - T0
    window.grab()
    marks["grabbed"] = time.perf_counter() - T0
    heavy = sorted(m for m in HEAVY if m in sys.modules)
    print("rendered", json.dumps({"marks": marks, "heavy": heavy, "paint": _Paint.seen}),
          flush=True)
"""

BASELINE = """
import time; T0 = time.perf_counter()
import json, sys
from PySide6.QtWidgets import QApplication, QMainWindow, QTabWidget, QWidget
%(floor)s
HEAVY = %(heavy)r
%(paint)s
marks = {"imported": time.perf_counter() - T0}
app = QApplication([sys.argv[0]])
window = QMainWindow()
tabs = QTabWidget()
for name in ("Team", "Territories", "Leads", "Pipeline", "Forecast"):
    tabs.addTab(QWidget(), name)
window.setCentralWidget(tabs)
window.resize(1400, 900)
filt = _Paint()
window.installEventFilter(filt)
marks["built"] = time.perf_counter() - T0
window.show()
_rendered(app, window, marks)
"""

SALESDESK = """
import time; T0 = time.perf_counter()
import json, sys
HEAVY = %(heavy)r
%(paint)s
from salesdesk.app import application, open_main_window
marks = {"imported": time.perf_counter() - T0}
app = application()
marks["app"] = time.perf_counter() - T0
window = open_main_window(%(db)r)
marks["built"] = time.perf_counter() - T0
filt = _Paint()
window.installEventFilter(filt)
window.show()
marks["shown"] = time.perf_counter() - T0
window.settle()
marks["settled"] = time.perf_counter() - T0
app.processEvents()
_rendered(app, window, marks)
window.close()
"""


def child_code(kind: str, db: Path) -> str:
    """baseline: the bare window. floor: the same plus `import sqlalchemy` before it is
    built, the least any start that shows workspace data through SQLAlchemy must pay
    (informational). salesdesk: the real thing."""
    template = SALESDESK if kind == "salesdesk" else BASELINE
    floor = "import sqlalchemy" if kind == "floor" else ""
    return template % {"heavy": HEAVY, "paint": _PAINT, "db": str(db), "floor": floor}


def child_env(settings: Path) -> dict[str, str]:
    """Offscreen, and a settings/data folder of our own: no saved geometry or tab leaks in
    from the user, and every run starts from the same state (Team tab, default size).
    Bytecode is cached under bench/out/pycache even if PYTHONDONTWRITEBYTECODE is set, as
    an installed app has its .pyc files: otherwise every start recompiles SalesDesk's
    own modules (about 0.25 s here) and the figure says nothing about the app."""
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen",
               PYTHONPYCACHEPREFIX=str(out_dir() / "pycache"))
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    for name in ("CONFIG", "DATA", "CACHE", "STATE"):
        env[f"XDG_{name}_HOME"] = str(settings / name.lower())
    return env


def run_child(kind: str, db: Path, settings: Path, extra: tuple[str, ...] = ()
              ) -> tuple[float, dict[str, Any], str]:
    """(seconds from spawn to the "rendered" line, the child's report, its stderr)."""
    shutil.rmtree(settings, ignore_errors=True)
    settings.mkdir(parents=True)
    code = child_code(kind, db)
    start = time.perf_counter()
    proc = subprocess.Popen([sys.executable, *extra, "-c", code], stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True, env=child_env(settings))
    assert proc.stdout is not None
    elapsed, report = float("nan"), {}
    for line in proc.stdout:
        if line.startswith("rendered "):
            elapsed = time.perf_counter() - start
            report = json.loads(line.split(" ", 1)[1])
            break
    try:
        _, err = proc.communicate(timeout=120)
    except subprocess.TimeoutExpired:
        proc.kill()
        _, err = proc.communicate()
    if not report:
        raise RuntimeError(f"the {kind} child never rendered (exit {proc.returncode}):\n{err}")
    return elapsed, report, err


def ensure_workspace(scale: int) -> Path:
    """bench/out/startup-<scale>.sqlite, made by `salesdesk demo --scale` when missing or
    made with another schema head (so no timed run upgrades or backs it up)."""
    from salesdesk.storage.engine import build_engine, workspace_url
    from salesdesk.storage.workspace import current_revision, head_revision

    db = out_dir() / f"startup-{scale}.sqlite"
    if db.exists():
        engine = build_engine(workspace_url(db))
        try:
            fresh = current_revision(engine) == head_revision()
        finally:
            engine.dispose()
        if fresh:
            return db
        print(f"   {db.name} has an older schema: making it again")
    for suffix in ("", "-wal", "-shm"):
        Path(f"{db}{suffix}").unlink(missing_ok=True)
    print(f"   making {db.name} with `salesdesk demo --scale {scale}` (once) ...", flush=True)
    start = time.perf_counter()
    subprocess.run([sys.executable, "-m", "salesdesk", "demo", "--db", str(db), "--scale",
                    str(scale)], check=True, stdout=subprocess.DEVNULL)
    print(f"   made in {time.perf_counter() - start:.1f} s")
    return db


def importtime(db: Path, settings: Path, top: int = 15) -> None:
    """The slowest imports (cumulative, self included) of one SalesDesk start."""
    _, _, err = run_child("salesdesk", db, settings, ("-X", "importtime"))
    slowest: dict[str, int] = {}
    for line in err.splitlines():
        if line.startswith("import time:") and "|" in line and "cumulative" not in line:
            _, cumulative, name = (p.strip() for p in line[len("import time:"):].split("|"))
            slowest[name] = max(slowest.get(name, 0), int(cumulative))
    print(f"   slowest imports (cumulative ms) of one SalesDesk start, top {top}:")
    for name, us in sorted(slowest.items(), key=lambda kv: -kv[1])[:top]:
        print(f"     {us / 1000:8.1f}  {name.strip()}")


def describe(kind: str, times: list[float], reports: list[dict[str, Any]]) -> None:
    marks = reports[len(reports) // 2]["marks"]
    inside = ", ".join(f"{k} {v * 1000:.0f}" for k, v in marks.items())
    print(f"   {kind:<9} median {median(times):.3f} s  [{seconds(times)}]")
    print(f"             inside the child (ms since its first line): {inside}")
    heavy = reports[-1]["heavy"]
    if heavy:
        print(f"             heavy modules loaded at start: {', '.join(heavy)}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--quick", action="store_true",
                        help="2 runs each on a 10,000-lead workspace")
    parser.add_argument("--runs", type=int, default=None, help="runs of each kind (5)")
    parser.add_argument("--scale", type=int, default=None, help="leads (100,000)")
    parser.add_argument("--importtime", action="store_true")
    args = parser.parse_args(argv)
    runs = args.runs or (2 if args.quick else 5)
    scale = args.scale or (10_000 if args.quick else 100_000)
    header(f"bench_startup: cold start on a {scale:,}-lead workspace vs a bare PySide6 "
           f"window", args.quick)
    db = ensure_workspace(scale)
    settings = out_dir() / "startup-settings"
    for kind in KINDS:  # warm-up: disk cache, .pyc files
        run_child(kind, db, settings)
    results: dict[str, tuple[list[float], list[dict[str, Any]]]] = {k: ([], []) for k in KINDS}
    for _ in range(runs):
        for kind in KINDS:
            elapsed, report, _ = run_child(kind, db, settings)
            results[kind][0].append(elapsed)
            results[kind][1].append(report)
    for kind, (times, reports) in results.items():
        describe(kind, times, reports)
    if args.importtime:
        importtime(db, settings)
    shutil.rmtree(settings, ignore_errors=True)
    base, ours = median(results["baseline"][0]), median(results["salesdesk"][0])
    floor = median(results["floor"][0])
    ratio = ours / base
    print(f"baseline (bare PySide6 window, 5 empty tabs): median {base:.3f} s")
    print(f"SalesDesk main window, {scale:,} leads, data loaded: median {ours:.3f} s")
    print(f"floor (baseline + import sqlalchemy, for reference): median {floor:.3f} s "
          f"= {floor / base:.2f}x")
    print(f"ratio: {ratio:.2f}x (limit {LIMIT:.1f}x)")
    print(f"{verdict(ratio <= LIMIT)}: SalesDesk start is {ratio:.2f}x the bare window"
          + (" (--quick: smaller workspace)" if args.quick else ""))
    return 0 if ratio <= LIMIT else 1


if __name__ == "__main__":
    sys.exit(main())
