"""Cold start to the first rendered main window, against a bare PySide6 window.

Requirement: on a workspace made with `salesdesk demo --scale 100000`, SalesDesk's cold
start to the first rendered main window takes at most 2.0x the time a bare PySide6
window with five empty tabs needs, measured side by side in the same run.

Each run is a fresh Python process (QT_QPA_PLATFORM=offscreen, a clean settings folder),
timed by this parent from spawn to the lines the child prints, so interpreter start and
every import count. The kinds alternate (baseline, SalesDesk, floor, baseline, ...) after
one discarded warm-up round, and the medians are compared.

- (a) baseline: `python -c` that imports PySide6, builds a QMainWindow holding a
  QTabWidget with five empty tabs, shows it, waits for its first Paint event, grab()s it.
- (b) SalesDesk, first paint: `salesdesk.app.application()` and `start_main_window(db)`,
  as `salesdesk` starts: the main window with its five tabs saying "Opening workspace…",
  shown; its first Paint event, grab(). The workspace is not open yet at this point: it
  opens on the worker right after this paint. The requirement's figure.
- (c) SalesDesk, data shown: the same child goes on: `window.settle()` until the workspace
  is open and the Team tab's members table is filled, then grab().
- floor (informational): the baseline plus `import sqlalchemy`, the least any start that
  shows workspace data through SQLAlchemy pays; (c) is measured against it too.

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
HEAVY = ("sqlalchemy", "sqlalchemy.orm", "alembic", "mako", "pygments", "pyqtgraph", "numpy",
         "openpyxl", "psycopg", "rapidfuzz", "pycountry", "charset_normalizer",
         "salesdesk.storage.files", "salesdesk.storage.export")
KINDS = ("baseline", "salesdesk", "floor")

# Shared by the children: wait for the window's first Paint event (noting the heavy
# modules loaded by then), then render it and print a line the parent times.
_PAINT = """
from PySide6.QtCore import QDeadlineTimer, QEvent, QObject

class _Paint(QObject):
    seen = False
    heavy = []
    def eventFilter(self, obj, event):
        if event.type() == QEvent.Type.Paint and not _Paint.seen:
            _Paint.seen = True
            _Paint.heavy = sorted(m for m in HEAVY if m in sys.modules)
        return False

def _rendered(app, window, marks):
    deadline = QDeadlineTimer(10_000)
    while not _Paint.seen and not deadline.hasExpired():
        app.processEvents()
    if not _Paint.seen:
        raise SystemExit("the window was never painted")
    marks["painted"] = time.perf_counter() - T0
    window.grab()
    marks["grabbed"] = time.perf_counter() - T0
    print("rendered", json.dumps({"marks": marks, "heavy": _Paint.heavy}), flush=True)
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
from salesdesk.app import application, start_main_window
marks = {"imported": time.perf_counter() - T0}
app = application()
marks["app"] = time.perf_counter() - T0
window = start_main_window(%(db)r)  # built and shown; paints when events are processed
if window._painted:  # a paint inside show() would come before the filter: no figure
    raise SystemExit("painted during show()")
filt = _Paint()
window.installEventFilter(filt)
marks["shown"] = time.perf_counter() - T0
_rendered(app, window, marks)
window.settle()
rows = window.team_tab.members_model.rowCount() if window.ctx is not None else 0
if not rows:
    raise SystemExit("no members shown: " + window.workspace_label.text())
marks["settled"] = time.perf_counter() - T0
app.processEvents()
window.grab()
marks["grabbed with data"] = time.perf_counter() - T0
heavy = sorted(m for m in HEAVY if m in sys.modules)
print("data", json.dumps({"marks": marks, "heavy": heavy, "rows": rows}), flush=True)
window.close()
"""


def child_code(kind: str, db: Path) -> str:
    """baseline: the bare window. floor: the same plus `import sqlalchemy` before it is
    built, the least any start that shows workspace data through SQLAlchemy must pay
    (informational). salesdesk: the real thing, to its first paint and on to its data."""
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


Run = dict[str, tuple[float, dict[str, Any]]]
"""What one child printed: line kind ("rendered", "data") -> (seconds from spawn, report)."""


def run_child(kind: str, db: Path, settings: Path, extra: tuple[str, ...] = ()
              ) -> tuple[Run, str]:
    """(seconds from spawn to each line the child printed with its report, its stderr)."""
    shutil.rmtree(settings, ignore_errors=True)
    settings.mkdir(parents=True)
    code = child_code(kind, db)
    expected = {"rendered", "data"} if kind == "salesdesk" else {"rendered"}
    start = time.perf_counter()
    proc = subprocess.Popen([sys.executable, *extra, "-c", code], stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True, env=child_env(settings))
    assert proc.stdout is not None
    run: Run = {}
    for line in proc.stdout:
        name, _, payload = line.partition(" ")
        if name in expected:
            run[name] = (time.perf_counter() - start, json.loads(payload))
            if set(run) == expected:
                break
    try:
        _, err = proc.communicate(timeout=120)
    except subprocess.TimeoutExpired:
        proc.kill()
        _, err = proc.communicate()
    if set(run) != expected:
        raise RuntimeError(f"the {kind} child printed {sorted(run)} of {sorted(expected)} "
                           f"(exit {proc.returncode}):\n{err}")
    return run, err


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
    """The slowest imports (cumulative, self included) of one SalesDesk start, to its
    data shown: those after the first paint (the database layer, on the worker) too."""
    _, err = run_child("salesdesk", db, settings, ("-X", "importtime"))
    slowest: dict[str, int] = {}
    for line in err.splitlines():
        if line.startswith("import time:") and "|" in line and "cumulative" not in line:
            _, cumulative, name = (p.strip() for p in line[len("import time:"):].split("|"))
            slowest[name] = max(slowest.get(name, 0), int(cumulative))
    print(f"   slowest imports (cumulative ms) of one SalesDesk start to data shown, "
          f"top {top}:")
    for name, us in sorted(slowest.items(), key=lambda kv: -kv[1])[:top]:
        print(f"     {us / 1000:8.1f}  {name.strip()}")


def describe(label: str, times: list[float], reports: list[dict[str, Any]],
             heavy_when: str) -> None:
    marks = reports[len(reports) // 2]["marks"]
    inside = ", ".join(f"{k} {v * 1000:.0f}" for k, v in marks.items())
    print(f"   {label:<15} median {median(times):.3f} s  [{seconds(times)}]")
    print(f"                   inside the child (ms since its first line): {inside}")
    heavy = reports[-1]["heavy"]
    print(f"                   heavy modules loaded {heavy_when}: {', '.join(heavy) or 'none'}")


LINES = (("(a) baseline", "baseline", "rendered", "by its first paint"),
         ("(b) first paint", "salesdesk", "rendered", "by its first paint"),
         ("(c) data shown", "salesdesk", "data", "by then"),
         ("floor", "floor", "rendered", "by its first paint"))


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
    runs_by_kind: dict[str, list[Run]] = {k: [] for k in KINDS}
    for _ in range(runs):
        for kind in KINDS:
            runs_by_kind[kind].append(run_child(kind, db, settings)[0])
    times: dict[str, list[float]] = {}
    for label, kind, line, heavy_when in LINES:
        times[label] = [run[line][0] for run in runs_by_kind[kind]]
        describe(label, times[label], [run[line][1] for run in runs_by_kind[kind]], heavy_when)
    if args.importtime:
        importtime(db, settings)
    shutil.rmtree(settings, ignore_errors=True)
    base, painted, shown, floor = (median(times[label]) for label, *_ in LINES)
    ratio = painted / base
    print(f"(a) bare PySide6 window, 5 empty tabs, first paint: median {base:.3f} s")
    print(f"(b) SalesDesk main window, first paint (tabs say \"Opening workspace…\", no data "
          f"yet): median {painted:.3f} s = {ratio:.2f}x (a)")
    print(f"(c) SalesDesk, {scale:,} leads, Team tab's members table filled: median "
          f"{shown:.3f} s = {shown / base:.2f}x (a), {shown / floor:.2f}x floor")
    print(f"floor ((a) + import sqlalchemy, for reference): median {floor:.3f} s "
          f"= {floor / base:.2f}x (a)")
    print(f"{verdict(ratio <= LIMIT)}: (b) SalesDesk's first rendered main window is "
          f"{ratio:.2f}x the bare window (limit {LIMIT:.1f}x)"
          + (" (--quick: smaller workspace)" if args.quick else ""))
    return 0 if ratio <= LIMIT else 1


if __name__ == "__main__":
    sys.exit(main())
