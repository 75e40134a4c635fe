"""Quota plans on the command line: plans, Excel quota sheets and the attainment report.

    salesdesk export quotas --year YYYY [--period P] --out FILE.xlsx
    salesdesk import quotas FILE [--publish]
    salesdesk report attainment --period P [--as-of DAY] [--json]
                     [--format table|json|csv|xlsx] [--out FILE]
    salesdesk quotas list [YEAR]
    salesdesk quotas create YEAR [--base-year Y] [--growth 0.1] [--empty] [--publish]
    salesdesk quotas publish YEAR VERSION
    salesdesk quotas remove YEAR VERSION      (a draft: undoes `import quotas`)

cli.py wires it in: `add_export_parser`, `add_quotas_parser`, `add_import_arguments` and
`run_report_attainment` (None when the report is another one). Mistakes are raised as
domain errors, which cli.py prints as one line; a refused quota sheet prints every
problem, one line each, and exits 1 with nothing applied. Amounts in JSON are exact
decimal strings; fractions (attainment, pace, coverage) are JSON numbers.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from datetime import date, timedelta
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import TYPE_CHECKING, Any

from salesdesk.domain.errors import ValidationError

if TYPE_CHECKING:
    from salesdesk.domain.quota_sheet import QuotaCellChange
    from salesdesk.services.attainment import AttainmentLine, AttainmentView
    from salesdesk.storage.report_export import Sheet

EXPORT_KINDS = ("quotas",)
FORMATS = ("table", "json", "csv", "xlsx")


# --- parsers ------------------------------------------------------------------------------
def _db(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--db", metavar="PATH_OR_URL", default=argparse.SUPPRESS,
                        help="workspace: a SQLite file path or a postgresql:// URL")


def add_export_parser(subparsers: Any) -> None:
    p = subparsers.add_parser("export", help="export a quota plan as an Excel quota sheet")
    _db(p)
    p.add_argument("kind", choices=EXPORT_KINDS)
    p.add_argument("--year", type=int, required=True, metavar="YYYY",
                   help="the fiscal year whose plan in force is exported")
    p.add_argument("--period", metavar="P", default=None,
                   help="count closed won to the end of this period of the year "
                        "(default: to today)")
    p.add_argument("--out", type=Path, required=True, metavar="FILE.xlsx")


def add_import_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--publish", action="store_true",
                        help="import quotas: publish the new plan version (default: draft)")


def add_quotas_parser(subparsers: Any) -> None:
    p = subparsers.add_parser("quotas", help="list, create, publish or remove quota plans")
    _db(p)
    actions = p.add_subparsers(dest="action", metavar="ACTION", required=True)
    listed = actions.add_parser("list", help="every plan version, newest first")
    listed.add_argument("year", type=int, nargs="?", metavar="YEAR")
    create = actions.add_parser("create", help="version 1 of a year's plan")
    create.add_argument("year", type=int, metavar="YEAR")
    create.add_argument("--base-year", type=int, dest="base_year", metavar="Y",
                        help="propose from this year's run rate (default: the year before)")
    create.add_argument("--growth", default="0.10", metavar="G",
                        help="growth over the run rate: 0.1 or 10%% (default 0.10)")
    create.add_argument("--empty", action="store_true", help="no targets: fill them later")
    create.add_argument("--publish", action="store_true", help="publish it at once")
    create.add_argument("--note", default="", metavar="TEXT")
    for name, what in (("publish", "publish a draft version"),
                       ("remove", "delete a draft version (undoes an import)")):
        action = actions.add_parser(name, help=what)
        action.add_argument("year", type=int, metavar="YEAR")
        action.add_argument("version", type=int, metavar="VERSION")
    for action in actions.choices.values():
        _db(action)


# --- shared -------------------------------------------------------------------------------
@contextmanager
def _workspace(args: argparse.Namespace) -> Iterator[Any]:
    """The workspace, closed after use. Typed Any as cli._open is: services take the
    UnitOfWork protocol, which mypy cannot match with SqlUnitOfWork's generic
    repositories."""
    from salesdesk.config import default_workspace
    from salesdesk.storage.workspace import open_workspace

    ws = open_workspace(getattr(args, "db", None) or default_workspace(), create=False)
    try:
        yield ws
    finally:
        ws.close()


def money(value: Decimal | int) -> str:
    return f"{Decimal(value):,.2f}"


def _fraction(value: Decimal | None) -> float | None:
    """A fraction as a JSON number (0.9731); Decimal to 0.0001 prints exactly as a float."""
    return None if value is None else float(value)


def parse_day(text: str) -> date:
    try:
        return date.fromisoformat(text.strip())
    except ValueError:
        raise ValidationError(f"'{text}' is not a day; write it as 2017-07-14",
                              field="as-of") from None


def parse_growth(text: str) -> Decimal:
    """'0.1', '10%' or '-5 %' as a fraction."""
    cleaned = text.strip().replace(" ", "")
    try:
        value = Decimal(cleaned.rstrip("%"))
    except InvalidOperation:
        raise ValidationError(f"'{text}' is not a growth rate; write 0.1 or 10%",
                              field="growth") from None
    return value / 100 if cleaned.endswith("%") else value


# --- export and import --------------------------------------------------------------------
def run_export(args: argparse.Namespace) -> int:
    from salesdesk.services.quota_sheets import export_quotas
    from salesdesk.storage.quota_sheets import WORKBOOKS

    out: Path = args.out
    if out.suffix.lower() != ".xlsx":
        raise ValidationError(f"the quota sheet is an Excel workbook: name it {out.stem}.xlsx",
                              field="out")
    with _workspace(args) as ws:
        result = export_quotas(ws.uow, WORKBOOKS, args.year, out, args.period)
    print(f"Wrote {result.path}: quota plan {result.year}, version {result.plan_version}, "
          f"{result.members} members in {result.teams} teams, closed won to "
          f"{result.won_through - timedelta(days=1)}")
    return 0


def change_line(c: QuotaCellChange) -> str:
    """'East!D5 Anna Snelling 2017-02: 4,787.50 -> 5,000.00'."""
    return f"{_sheet_ref(c.sheet)}!{c.cell} {c.member} {c.month}: {money(c.old)} -> " \
           f"{money(c.new)}"


def _sheet_ref(name: str) -> str:
    """A sheet name as Excel writes it in a reference: quoted when it is not one word."""
    if name.replace("_", "").isalnum():
        return name
    return "'" + name.replace("'", "''") + "'"


def run_import(args: argparse.Namespace) -> int:
    """`import quotas FILE`: preview, list each change, apply as a new plan version."""
    from salesdesk.domain.quota_sheet import QuotaSheetError
    from salesdesk.services.quota_sheets import apply_quota_import, preview_quota_import
    from salesdesk.storage.quota_sheets import WORKBOOKS

    path: Path = args.file
    if not path.is_file():
        raise ValidationError(f"{path} does not exist", field="file")
    with _workspace(args) as ws:
        try:
            preview = preview_quota_import(ws.uow, WORKBOOKS, path)
        except QuotaSheetError as refused:
            problems = refused.problems
            print(f"salesdesk: error: {path.name} was refused, nothing was applied "
                  f"({len(problems)} problem{'s' if len(problems) != 1 else ''}):",
                  file=sys.stderr)
            for problem in problems:
                print(f"  {problem}", file=sys.stderr)
            return 1
        if preview.unchanged:
            print(f"{path.name}: no change (quota plan {preview.year}, version "
                  f"{preview.exported_version})")
            return 0
        for change in preview.changes:
            print(change_line(change))
        applied = apply_quota_import(ws.uow, preview, publish=args.publish)
    assert applied is not None
    status = "published" if args.publish else "draft"
    print(f"Quota plan {applied.year}, version {applied.plan_version} ({status}): "
          f"{len(preview.changes)} cells changed. Undo: salesdesk quotas remove "
          f"{applied.year} {applied.plan_version}")
    return 0


# --- report attainment --------------------------------------------------------------------
def run_report_attainment(args: argparse.Namespace) -> int | None:
    """`report attainment`; None when args.kind is another report."""
    if getattr(args, "kind", None) != "attainment":
        return None
    from salesdesk.services.attainment import attainment

    if not getattr(args, "period", None):
        raise ValidationError("say which period: --period 2017, 2017-Q3 or 2017-07",
                              field="period")
    fmt = "json" if getattr(args, "json", False) else getattr(args, "format", "table")
    out: Path | None = getattr(args, "out", None)
    if fmt == "xlsx" and out is None:
        raise ValidationError("an Excel workbook needs a file: add --out FILE.xlsx",
                              field="out")
    as_of = parse_day(args.as_of) if getattr(args, "as_of", None) else None
    with _workspace(args) as ws:
        view = attainment(ws.uow, args.period, as_of)
    if not view.has_plan:
        print(f"note: no quota plan covers {view.period.name}; every quota is 0 (create "
              f"one: salesdesk quotas create {view.period.start.year})", file=sys.stderr)
    _write(view, fmt, out)
    return 0


def attainment_json(view: AttainmentView) -> dict[str, Any]:
    """{"rows": [...]}: a row per member, names and exact amounts."""
    return {"rows": [_row_json(line) for line in view.members]}


def _row_json(line: AttainmentLine) -> dict[str, Any]:
    f = line.figures
    return {"member": line.name, "team": line.team, "quota": str(f.quota),
            "won_amount": str(f.won), "attainment": _fraction(f.attainment),
            "gap": str(f.gap), "expected": str(f.expected), "pace": _fraction(f.pace),
            "pipeline": None if f.pipeline is None else str(f.pipeline),
            "coverage": _fraction(f.coverage)}


def _write(view: AttainmentView, fmt: str, out: Path | None) -> None:
    from salesdesk.storage import report_export as rx

    sheets = attainment_sheets(view)
    if fmt in ("json", "table"):
        text = (json.dumps(attainment_json(view), indent=2, ensure_ascii=False) + "\n"
                if fmt == "json" else heading(view) + "\n\n" + _render(sheets))
        if out is None:
            sys.stdout.write(text)
            return
        out.write_text(text, encoding="utf-8")
    elif fmt == "csv" and out is None:
        rx.write_csv(sheets, sys.stdout)
        return
    elif fmt == "csv":
        assert out is not None
        rx.save_csv(sheets, out)
    else:
        assert out is not None
        rx.save_xlsx(sheets, out)
    print(f"Wrote {out}")


def _render(sheets: Sequence[Sheet]) -> str:
    from salesdesk.cli_reports import render_table

    return render_table(sheets)


def heading(view: AttainmentView) -> str:
    plans = ", ".join(f"{p.year} version {p.plan_version} ({p.status})" for p in view.plans)
    return (f"Attainment {view.period.name} ({view.period.start} to "
            f"{view.period.last_day}), pace as of {view.as_of}; plan "
            f"{plans or 'none'}; amounts in {view.currency}")


FIGURES = (("Quota", "money"), ("Won", "money"), ("Attainment", "rate"), ("Gap", "money"),
           ("Expected", "money"), ("Pace", "rate"), ("Weighted pipeline", "money"),
           ("Coverage x", "days"))
"""Coverage is a multiple (weighted pipeline / remaining quota), shown to one place."""


def _figures(line: AttainmentLine) -> tuple[Any, ...]:
    f = line.figures
    return (f.quota, f.won, f.attainment, f.gap, f.expected, f.pace, f.pipeline, f.coverage)


def attainment_sheets(view: AttainmentView) -> list[Sheet]:
    """Members, teams, territories and the total as report sheets (table, CSV, XLSX)."""
    from salesdesk.storage.report_export import Column, Sheet

    figures = tuple(Column(title, kind) for title, kind in FIGURES)
    members = Sheet("Members", (Column("Member"), Column("Team"), *figures),
                    tuple((m.name, m.team or "-", *_figures(m)) for m in view.members))
    groups = [Sheet(title, (Column(column), *figures),
                    tuple((x.name, *_figures(x)) for x in lines))
              for title, column, lines in (("Teams", "Team", view.teams),
                                           ("Territories", "Territory", view.territories))]
    total = Sheet("Total", (Column(""), *figures), ((view.total.name,
                                                     *_figures(view.total)),))
    return [members, *groups, total]


# --- quotas list|create|publish|remove ----------------------------------------------------
def run_quotas(args: argparse.Namespace) -> int:
    with _workspace(args) as ws:
        if args.action == "list":
            return _list(ws, args.year)
        if args.action == "create":
            return _create(ws, args)
        return _publish_or_remove(ws, args)


def _list(ws: Any, year: int | None) -> int:
    from salesdesk.services.quotas import versions

    found = versions(ws.uow, year)
    if not found:
        print("No quota plans" + (f" for {year}" if year else "") + ".")
        return 0
    print(f"{'Year':<6} {'Version':>7}  {'Status':<10} {'Updated':<16}  {'By':<16} Note")
    for v in found:
        print(f"{v.year:<6} {v.plan_version:>7}  {v.status:<10} "
              f"{v.updated_at:%Y-%m-%d %H:%M}  {v.updated_by[:16]:<16} {v.note}")
    return 0


def _create(ws: Any, args: argparse.Namespace) -> int:
    from salesdesk.services.quotas import create_plan, load

    if args.empty and args.base_year is not None:
        raise ValidationError("--empty makes a plan without targets; drop --base-year",
                              field="empty")
    made = create_plan(ws.uow, args.year, propose=not args.empty, base_year=args.base_year,
                       growth=parse_growth(args.growth), note=args.note,
                       publish=args.publish)
    plan = load(ws.uow, made.plan_id)
    reps = [o for o in plan.owners() if o.kind == "member"]
    total = sum((t.amount for t in plan.targets.values()
                 if t.owner.kind == "member" and t.metric == "revenue"), Decimal("0.00"))
    print(f"{made.changes.summary} ({plan.status}): {len(reps)} members, total quota "
          f"{money(total)}" + (f"; {plan.note}" if plan.note else ""))
    return 0


def _publish_or_remove(ws: Any, args: argparse.Namespace) -> int:
    from salesdesk.services.quotas import find_version, publish, remove_version

    with ws.uow() as uow:
        plan_id = find_version(uow, args.year, args.version)
    done = (publish if args.action == "publish" else remove_version)(ws.uow, plan_id)
    print(done.changes.summary)
    return 0
