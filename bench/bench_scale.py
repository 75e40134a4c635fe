"""`salesdesk demo --scale N` must create 1,000,000 leads in under a minute.

Times the real command on a fresh file, as a user runs it (interpreter start, the sample
company import and the N leads + N/10 deals all included):

    salesdesk demo --db bench/out/scale.sqlite --scale 1000000

Baseline, same run: the raw floor of the storage. About the same number of minimal rows
(leads, deals, their lines and stage history), generated beforehand and not timed, go
into a copy of a sample-only workspace (the same tables, indexes, foreign keys and
PRAGMAs as the app: WAL, synchronous=NORMAL, foreign_keys=ON) with plain sqlite3
executemany in chunks, one transaction per table.
"Minimal" means only the indexed columns carry realistic values (random UUID keys,
owners, statuses and stages, creation times over two years); the rest are constants.

    python bench/bench_scale.py [--quick] [--leads N] [--keep]
"""

from __future__ import annotations

import argparse
import random
import shutil
import sqlite3
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

from _common import header, out_dir, timed, verdict

Row = tuple[Any, ...]
LIMIT_S = 60.0
CHUNK = 50_000
STATUSES = ("new", "contacted", "qualified", "nurturing", "unqualified", "converted",
            "disqualified")
LEAD_COLUMNS = ("id", "version", "person_name", "company", "status", "owner_id",
                "created_at", "updated_at", "updated_by")
DEAL_COLUMNS = ("id", "version", "pipeline_id", "stage_id", "account_id", "owner_id", "amount",
                "created_on", "stage_entered_at", "created_at", "updated_at", "updated_by")
LINE_COLUMNS = ("id", "version", "deal_id", "position", "product_id", "quantity", "unit_price",
                "discount", "created_at", "updated_at", "updated_by")
CHANGE_COLUMNS = ("id", "version", "deal_id", "to_stage_id", "at", "created_at", "updated_at",
                  "updated_by")
COLUMNS = {"leads": LEAD_COLUMNS, "deals": DEAL_COLUMNS, "deal_lines": LINE_COLUMNS,
           "deal_stage_changes": CHANGE_COLUMNS}
CHANGES_PER_DEAL = 2
"""Stage history entries per baseline deal (the demo's deals average about 1.9)."""


def remove_db(path: Path) -> None:
    for suffix in ("", "-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)


def demo(db: Path, scale: int | None) -> float:
    """Wall time of `salesdesk demo --db DB [--scale N]` on a fresh file."""
    remove_db(db)
    cmd = [sys.executable, "-m", "salesdesk", "demo", "--db", str(db)]
    if scale:
        cmd += ["--scale", str(scale)]
    elapsed, _ = timed(lambda: subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL))
    return elapsed


def _uuid(rng: random.Random) -> str:
    x = f"{rng.getrandbits(128):032x}"
    return f"{x[:8]}-{x[8:12]}-4{x[13:16]}-a{x[17:20]}-{x[20:]}"


def _stamp(rng: random.Random) -> str:
    ts = 1_700_000_000 - rng.randrange(730 * 86_400)
    return time.strftime("%Y-%m-%d %H:%M:%S", time.gmtime(ts))


def minimal_rows(db: Path, leads: int) -> dict[str, list[Row]]:
    """Rows per table: n leads and n/10 deals with one line and CHANGES_PER_DEAL stage
    history entries each; random keys and indexed values, constants elsewhere."""
    with sqlite3.connect(db) as conn:
        reps = [r[0] for r in conn.execute("SELECT id FROM members WHERE role = 'rep'")]
        accounts = [r[0] for r in conn.execute("SELECT id FROM accounts")]
        products = [r[0] for r in conn.execute("SELECT id FROM products")]
        pipeline, = conn.execute("SELECT id FROM pipelines").fetchone()
        stages = [r[0] for r in conn.execute("SELECT id FROM stages ORDER BY position")]
    conn.close()
    rng = random.Random(7)
    rows: dict[str, list[Row]] = {table: [] for table in COLUMNS}
    rows["leads"] = [(_uuid(rng), 1, "x", "", STATUSES[i % 7], reps[i % len(reps)],
                      stamp := _stamp(rng), stamp, "bench") for i in range(leads)]
    for i in range(leads // 10):
        deal_id, stamp = _uuid(rng), _stamp(rng)
        rows["deals"].append((deal_id, 1, pipeline, stages[i % len(stages)],
                              accounts[i % len(accounts)], reps[i % len(reps)], 0,
                              stamp[:10], stamp, stamp, stamp, "bench"))
        rows["deal_lines"].append((_uuid(rng), 1, deal_id, 0, products[i % len(products)], 1,
                                   0, 0, stamp, stamp, "bench"))
        rows["deal_stage_changes"] += [(_uuid(rng), 1, deal_id, stages[(i + k) % len(stages)],
                                        stamp, stamp, stamp, "bench")
                                       for k in range(CHANGES_PER_DEAL)]
    return rows


def raw_insert(db: Path, table: str, columns: tuple[str, ...],
               rows: list[Row]) -> None:
    conn = sqlite3.connect(db)
    try:
        for pragma in ("journal_mode=WAL", "synchronous=NORMAL", "foreign_keys=ON"):
            conn.execute(f"PRAGMA {pragma}")
        sql = f"INSERT INTO {table} ({', '.join(columns)}) VALUES ({', '.join('?' * len(columns))})"
        for start in range(0, len(rows), CHUNK):
            conn.executemany(sql, rows[start:start + CHUNK])
        conn.commit()
    finally:
        conn.close()  # checkpoints the WAL, as the demo's engine does when it closes


def baseline(sample: Path, base: Path, n: int) -> tuple[float, int]:
    """(seconds, rows) for raw inserts of n leads and n/10 deals (with their lines and
    history) into a copy of `sample`; the rows are generated first, untimed."""
    rows = minimal_rows(sample, n)
    remove_db(base)
    shutil.copyfile(sample, base)
    start = time.perf_counter()
    for table, columns in COLUMNS.items():
        raw_insert(base, table, columns, rows[table])
    return time.perf_counter() - start, sum(len(r) for r in rows.values())


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--quick", action="store_true", help="100,000 leads")
    parser.add_argument("--leads", type=int, default=None)
    parser.add_argument("--keep", action="store_true", help="keep the workspaces in bench/out")
    args = parser.parse_args(argv)
    n = args.leads or (100_000 if args.quick else 1_000_000)
    header(f"bench_scale: `salesdesk demo --scale {n:,}` on a fresh workspace", args.quick)
    out = out_dir()
    sample, scale, base = out / "scale-sample.sqlite", out / "scale.sqlite", \
        out / "scale-baseline.sqlite"

    sample_s = demo(sample, None)
    base_s, rows = baseline(sample, base, n)
    demo_s = demo(scale, n)
    with sqlite3.connect(scale) as conn:
        made = conn.execute("SELECT count(*) FROM leads").fetchone()[0]
    conn.close()
    if not args.keep:
        for path in (sample, scale, base):
            remove_db(path)

    print(f"   sample company alone (`salesdesk demo`, no --scale): {sample_s:.2f} s")
    print(f"salesdesk demo --scale {n:,}: {demo_s:.2f} s for {made:,} leads + {n // 10:,} "
          f"deals with their lines and history = about {rows / demo_s:,.0f} rows/s "
          f"({made / demo_s:,.0f} leads/s)")
    print(f"baseline raw sqlite3 executemany, {rows:,} minimal rows: {base_s:.2f} s = "
          f"{rows / base_s:,.0f} rows/s")
    print(f"ratio demo / raw inserts: {demo_s / base_s:.2f}x")
    ok = demo_s < LIMIT_S and made >= n
    print(f"{verdict(ok)}: {demo_s:.2f} s {'<' if demo_s < LIMIT_S else '>='} {LIMIT_S:.0f} s "
          f"for {n:,} leads" + (" (--quick: not the requirement)" if args.quick else ""))
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
