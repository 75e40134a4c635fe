"""Quota workbook export: 500 members x 12 months (target under 1 s), and a 100,000-row
sheet against raw openpyxl write-only mode writing the same cells (target at most 1.3x).

Prints figures only (see STYLE.md, Tests). Run:
    PYTHONPATH=src python bench/bench_quota_sheets.py [ROWS [ROUNDS]]
"""

from __future__ import annotations

import sys
from decimal import Decimal
from pathlib import Path

from _common import machine, median, out_dir, seconds, timed
from salesdesk.storage.quota_sheets import (
    MemberQuotas,
    QuotaSheetData,
    TeamQuotas,
    write_quota_workbook,
)

MONTHS = tuple(f"2017-{m:02d}" for m in range(7, 13)) + tuple(f"2018-{m:02d}"
                                                             for m in range(1, 7))
ROUNDS = int(sys.argv[2]) if len(sys.argv) > 2 else 3


def plan(members: int, teams: int) -> QuotaSheetData:
    def member(i: int) -> MemberQuotas:
        quota = tuple(Decimal(20000 + 37 * i + 500 * m) for m in range(12))
        won = tuple(Decimal(15000 + 41 * i + 731 * m) + Decimal("0.45") for m in range(12))
        return MemberQuotas(f"M-{i:06d}", f"Rep {i}", quota, won)

    per_team = members // teams
    return QuotaSheetData(
        "ws-bench", "plan-bench", 1, "Quotas FY2018", "EUR", MONTHS,
        ("2018-Q1", "2018-Q2", "2018-Q3", "2018-Q4"), "2018",
        tuple(TeamQuotas(f"T-{t}", f"Team {t}",
                         tuple(member(t * per_team + i) for i in range(per_team)))
              for t in range(teams)))


def raw_write_only(rows: list[list[object]], path: Path) -> None:
    from openpyxl import Workbook

    wb = Workbook(write_only=True)
    ws = wb.create_sheet("Team 0")
    for row in rows:
        ws.append(row)
    wb.save(path)


def sheet_cells(path: Path, title: str) -> list[list[object]]:
    from openpyxl import load_workbook

    wb = load_workbook(path, read_only=True)
    return [list(row) for row in wb[title].iter_rows(values_only=True)]


def main() -> None:
    out = out_dir()
    print(machine())
    small = plan(500, 10)
    times = [timed(lambda: write_quota_workbook(out / "quotas_500.xlsx", small))[0]
             for _ in range(ROUNDS)]
    print(f"export 500 members x 12 months (10 teams): median {median(times):.3f} s "
          f"[{seconds(times)}]; target < 1 s -> {median(times):.2f}x of the budget")

    rows_wanted = int(sys.argv[1]) if len(sys.argv) > 1 else 100_000
    members = rows_wanted // 3 - 4  # three blocks of a row per member, plus their headers
    big = plan(members, 1)
    ours = [timed(lambda: write_quota_workbook(out / "quotas_big.xlsx", big))[0]
            for _ in range(ROUNDS)]
    rows = sheet_cells(out / "quotas_big.xlsx", "Team 0")
    cells = sum(sum(v is not None for v in row) for row in rows)
    raw = [timed(lambda: raw_write_only(rows, out / "raw_big.xlsx"))[0] for _ in range(ROUNDS)]
    print(f"{len(rows):,}-row sheet ({cells:,} cells), styled, protected, plus summary: "
          f"median {median(ours):.3f} s [{seconds(ours)}]")
    print(f"raw openpyxl write-only, same cells, no styles: median {median(raw):.3f} s "
          f"[{seconds(raw)}]")
    print(f"ratio {median(ours) / median(raw):.2f}x (target at most 1.3x)")


if __name__ == "__main__":
    main()
