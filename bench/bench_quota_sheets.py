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


def workspace_export(out: Path) -> None:
    """`salesdesk export quotas` end to end: a SQLite workspace with 500 reps in 10 teams
    and a published plan (6,000 member targets); reads the plan, roster and closed won,
    then writes the workbook. Baseline: the writer alone on the same content."""
    from salesdesk.domain.members import Member, Team
    from salesdesk.domain.quotas import Metric, member
    from salesdesk.services import quota_sheets, quotas
    from salesdesk.storage.quota_sheets import WORKBOOKS
    from salesdesk.storage.workspace import open_workspace

    db = out / "quota_bench.db"
    db.unlink(missing_ok=True)
    ws = open_workspace(str(db), create=True)
    try:
        with ws.uow() as uow:
            teams = [Team(name=f"Team {t}") for t in range(10)]
            for t in teams:
                uow.teams.add(t)
            for i in range(500):
                uow.members.add(Member(name=f"Rep {i:03d}", team_id=teams[i % 10].id))
            uow.commit()
        change = quotas.create_plan(ws.uow, 2018, propose=False)
        with ws.uow() as uow:
            plan = uow.quota_plans.get(change.plan_id)
            for i, m in enumerate(uow.members.list()):
                plan.set_months(member(m.id), Metric.REVENUE,
                                [Decimal(20000 + 37 * i + 500 * k) for k in range(12)])
            uow.quota_plans.save(plan)
            uow.commit()
        quotas.publish(ws.uow, change.plan_id)
        ours = [timed(lambda: quota_sheets.export_quotas(ws.uow, WORKBOOKS, 2018,
                                                         out / "quotas_ws.xlsx"))[0]
                for _ in range(ROUNDS)]
        with ws.uow() as uow:
            data = quota_sheets.sheet_data(uow, uow.quota_plans.get(change.plan_id))
        base = [timed(lambda: write_quota_workbook(out / "quotas_ws_raw.xlsx", data))[0]
                for _ in range(ROUNDS)]
    finally:
        ws.close()
    print(f"export quotas from a workspace, 500 reps x 12 months (10 teams): median "
          f"{median(ours):.3f} s [{seconds(ours)}]; target < 1 s -> "
          f"{'PASS' if median(ours) < 1 else 'FAIL'}; the writer alone {median(base):.3f} s "
          f"({median(ours) / median(base):.2f}x)")


def main() -> None:
    out = out_dir()
    print(machine())
    small = plan(500, 10)
    times = [timed(lambda: write_quota_workbook(out / "quotas_500.xlsx", small))[0]
             for _ in range(ROUNDS)]
    print(f"write 500 members x 12 months (10 teams): median {median(times):.3f} s "
          f"[{seconds(times)}]; target < 1 s -> {median(times):.2f}x of the budget")
    workspace_export(out)

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
