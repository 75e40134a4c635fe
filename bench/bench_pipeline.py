"""Pipeline board: paint with 10,000 open deals < 100 ms, a stage move persisted < 30 ms on
SQLite, a filter change redrawn < 100 ms.

Workspace: the sample company (8,800 deals, 2,089 of them open) plus 10,000 synthetic
open deals (storage.synthetic.add_synthetic_deals), so the board holds 12,089 open deals.
It is made once and cached in bench/out/ (rebuilt when the schema head changes).

Figures, each a median, side by side with a baseline measured in the same run:
- paint: the Pipeline tab shows the board already read (every column's model reset,
  headers, summary) and the window is rendered (grab). Baseline: one bare QListView over
  a QStringListModel of the same number of strings, reset and rendered in a window of
  the same size.
- move: services.pipeline.move_deal through the SQL unit of work (version check, stage
  history entry, change log, commit), alternating a deal between two open stages.
  Baseline: raw sqlite3 on the same file doing the same writes (UPDATE the deal, INSERT
  the history entry and a change-log row, COMMIT) with no ORM.
- filter: from choosing an owner in the filter bar to the redrawn board on screen (the
  event loop runs meanwhile, as in the app): the SQL read on the worker, the models'
  reset and the render; once narrowing to one owner, once widening back to every owner
  (the whole board: its first page per open column, the totals over every deal). The
  slower median counts. Baseline: the paint baseline (what drawing alone costs).

    python bench/bench_pipeline.py [--quick] [--runs N]
"""

from __future__ import annotations

import argparse
import json
import os
import sqlite3
import sys
import tempfile
import time
import uuid
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from _common import header, median, out_dir, seconds, verdict

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

PAINT_MS, MOVE_MS, FILTER_MS = 100.0, 30.0, 100.0
EXTRA_OPEN = 10_000


def workspace(extra_open: int) -> Path:
    from salesdesk.storage.workspace import SCHEMA_HEAD

    path = out_dir() / f"pipeline-{extra_open}-{SCHEMA_HEAD}.sqlite"
    if path.exists():
        return path
    from salesdesk.services.demo import create_sample_company
    from salesdesk.storage.sample import sample_tables
    from salesdesk.storage.synthetic import add_synthetic_deals
    from salesdesk.storage.workspace import open_workspace

    print(f"   making {path.name} (once)...")
    tmp = path.with_suffix(".tmp")
    for suffix in ("", "-wal", "-shm"):
        Path(str(tmp) + suffix).unlink(missing_ok=True)
    ws = open_workspace(tmp, create=True)
    try:
        create_sample_company(ws.uow, sample_tables())
        add_synthetic_deals(ws.engine, extra_open, 0, seed=7)
    finally:
        ws.close()
    tmp.rename(path)
    return path


def _settings(folder: Path) -> Any:
    from PySide6.QtCore import QSettings

    from salesdesk.ui.settings import UiSettings

    return UiSettings(QSettings(str(folder / "ui.ini"), QSettings.Format.IniFormat))


def bench_ui(path: Path, runs: int) -> dict[str, Any]:
    from PySide6.QtCore import QEventLoop, QStringListModel
    from PySide6.QtWidgets import QListView, QMainWindow

    from salesdesk.app import application
    from salesdesk.storage.workspace import open_workspace
    from salesdesk.ui.main_window import MainWindow

    app = application()
    with tempfile.TemporaryDirectory() as tmp:
        window = MainWindow(open_workspace(path), settings=_settings(Path(tmp)))
        window.resize(1400, 900)
        window.show_tab("pipeline")
        window.show()
        window.settle()
        tab = window.pipeline_tab
        board = tab.board
        assert board is not None, "the board did not load"
        open_deals = sum(c.count for c in board.columns if c.stage.is_open)

        paint = []
        for _ in range(runs):
            start = time.perf_counter()
            tab.redraw()
            window.grab()
            paint.append(time.perf_counter() - start)

        owners = [o[0] for o in tab.choices.owners]
        combo = tab.filters.owner
        filt, widen = [], []
        loop = QEventLoop()
        tab.sig_board_loaded.connect(loop.quit)
        for i in range(2 * runs):  # one owner, then every owner again, and so on
            index = combo.findData(owners[(i // 2) % len(owners)]) if i % 2 == 0 else 0
            start = time.perf_counter()
            combo.setCurrentIndex(index)
            loop.exec()  # until the board read on the worker is on screen
            window.grab()
            (filt if i % 2 == 0 else widen).append(time.perf_counter() - start)
        window.close()

        base_window = QMainWindow()
        base_window.resize(1400, 900)
        view = QListView(uniformItemSizes=True)
        model = QStringListModel()
        view.setModel(model)
        base_window.setCentralWidget(view)
        base_window.show()
        texts = [f"Deal {i:05d}  €{i * 7 % 30000:,}" for i in range(open_deals)]
        app.processEvents()
        baseline = []
        for _ in range(runs):
            start = time.perf_counter()
            model.setStringList(texts)
            base_window.grab()
            baseline.append(time.perf_counter() - start)
        base_window.close()
    return {"open": open_deals, "paint": paint, "filter": filt, "widen": widen,
            "baseline": baseline}


def bench_move(path: Path, runs: int) -> dict[str, Any]:
    from salesdesk.services.pipeline import move_deal
    from salesdesk.storage import pipeline_queries as q
    from salesdesk.storage.workspace import open_workspace

    ws = open_workspace(path)
    try:
        with ws.engine.connect() as conn:
            pipeline_id = q.default_pipeline_id(conn)
            assert pipeline_id is not None
            stages = [s for s in q.stages(conn, pipeline_id) if s.is_open][:2]
            card = q.board(conn, pipeline_id).columns[0].cards[0]
        version, times = card.version, []
        targets = [stages[1].id, stages[0].id]
        for i in range(runs):
            start = time.perf_counter()
            moved = move_deal(ws.uow, card.id, version, targets[i % 2])
            times.append(time.perf_counter() - start)
            version = moved.version
    finally:
        ws.close()

    raw = sqlite3.connect(path, isolation_level=None)
    raw.execute("PRAGMA journal_mode=WAL")
    raw.execute("PRAGMA synchronous=NORMAL")
    raw.execute("PRAGMA foreign_keys=ON")
    baseline = []
    for i in range(runs):
        now = datetime.now(UTC).replace(tzinfo=None).isoformat(sep=" ")
        start = time.perf_counter()
        raw.execute("BEGIN")
        raw.execute("UPDATE deals SET stage_id = ?, stage_entered_at = ?, version = version + 1,"
                    " updated_at = ?, updated_by = ? WHERE id = ? AND version = ?",
                    (targets[i % 2], now, now, "bench", card.id, version))
        version += 1
        raw.execute("INSERT INTO deal_stage_changes (id, version, deal_id, from_stage_id, "
                    "to_stage_id, at, amount, created_at, updated_at, updated_by) "
                    "VALUES (?, 1, ?, ?, ?, ?, ?, ?, ?, ?)",
                    (str(uuid.uuid4()), card.id, targets[(i + 1) % 2], targets[i % 2], now,
                     100, now, now, "bench"))
        raw.execute("INSERT INTO change_log (id, at, actor, entity, entity_id, op, changes) "
                    "VALUES (?, ?, ?, ?, ?, ?, ?)",
                    (str(uuid.uuid4()), now, "bench", "deals", card.id, "update",
                     json.dumps({"stage_id": [targets[(i + 1) % 2], targets[i % 2]]})))
        raw.execute("COMMIT")
        baseline.append(time.perf_counter() - start)
    raw.close()
    return {"move": times, "baseline": baseline}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--quick", action="store_true", help="1,000 extra open deals, 3 runs")
    parser.add_argument("--runs", type=int, default=None)
    args = parser.parse_args(argv)
    extra = 1_000 if args.quick else EXTRA_OPEN
    runs = args.runs or (3 if args.quick else 15)
    header(f"bench_pipeline: the board with the sample company + {extra:,} open deals",
           args.quick)
    path = workspace(extra)
    ui = bench_ui(path, runs)
    move = bench_move(path, max(runs, 20))

    ms = lambda values: median(values) * 1000  # noqa: E731
    paint, base, filt, mv, raw = (ms(ui["paint"]), ms(ui["baseline"]), ms(ui["filter"]),
                                  ms(move["move"]), ms(move["baseline"]))
    widen = ms(ui["widen"])
    print(f"   open deals on the board: {ui['open']:,}")
    print(f"paint (models reset + render): median {paint:.1f} ms [{seconds(ui['paint'])} s]")
    print(f"baseline bare QListView, {ui['open']:,} strings: median {base:.1f} ms "
          f"[{seconds(ui['baseline'])} s]  ratio {paint / base:.2f}x")
    print(f"filter change to one owner, to the redrawn board: median {filt:.1f} ms "
          f"[{seconds(ui['filter'])} s]  ratio to the bare paint {filt / base:.2f}x")
    print(f"filter change back to every owner ({ui['open']:,} open deals): median "
          f"{widen:.1f} ms [{seconds(ui['widen'])} s]  ratio to the bare paint "
          f"{widen / base:.2f}x")
    print(f"stage move persisted (service, SQLite): median {mv:.1f} ms "
          f"[{seconds(move['move'])} s]")
    print(f"baseline raw sqlite3, same writes: median {raw:.1f} ms  ratio {mv / raw:.2f}x")
    worst = max(filt, widen)
    ok = paint < PAINT_MS and mv < MOVE_MS and worst < FILTER_MS
    print(f"{verdict(paint < PAINT_MS)}: paint {paint:.1f} ms (limit {PAINT_MS:.0f})")
    print(f"{verdict(mv < MOVE_MS)}: move {mv:.1f} ms (limit {MOVE_MS:.0f})")
    print(f"{verdict(worst < FILTER_MS)}: filter change {worst:.1f} ms, the slower of the two "
          f"(limit {FILTER_MS:.0f})")
    return 0 if ok or args.quick else 1


if __name__ == "__main__":
    sys.exit(main())
