"""`salesdesk` command line: a thin layer over services/, like the UI.

Errors are printed as one clear message (never a traceback) and exit non-zero; an
unexpected failure is logged with its traceback to the log folder, which is named.
"""

from __future__ import annotations

import argparse
import json
import multiprocessing
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from salesdesk import __version__, cli_forecast, cli_leads, cli_quotas
from salesdesk.cli_reports import REPORT_KINDS as ANALYSIS_REPORTS
from salesdesk.cli_reports import add_report_arguments, run_report
from salesdesk.ui.tab_names import TAB_NAMES

IMPORT_KINDS = ("team", "accounts", "products", "deals", "quotas", "leads")
REPORT_KINDS = ("team", "pipeline", *ANALYSIS_REPORTS, "forecast", "attainment", "leads",
                "lead-contact")
SHOWN_PER_LIST = 20
"""`import` prints at most this many created/updated/skipped lines each (8,800 deals)."""


def _db_option(parser: argparse.ArgumentParser, *, sub: bool) -> None:
    parser.add_argument(
        "--db", metavar="PATH_OR_URL", default=argparse.SUPPRESS if sub else None,
        help="workspace: a SQLite file path or a postgresql:// URL "
             "(default: the workspace in your user data folder)")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="salesdesk", description="SalesDesk: team, territories, leads, pipeline and "
        "forecast for sales managers. Without a command, opens the main window.")
    parser.add_argument("--version", action="version", version=f"SalesDesk {__version__}")
    _db_option(parser, sub=False)
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    demo = sub.add_parser("demo", help="create a workspace holding the sample company")
    _db_option(demo, sub=True)
    demo.add_argument("--scale", type=int, default=0, metavar="N",
                      help="also add N synthetic leads and N/10 synthetic deals")

    shot = sub.add_parser("screenshot", help="render the main window on a tab to a PNG")
    _db_option(shot, sub=True)
    shot.add_argument("--tab", choices=TAB_NAMES, required=True)
    shot.add_argument("--out", type=Path, required=True, metavar="FILE.png")
    shot.add_argument("--size", default="1400x900", metavar="WxH")

    imp = sub.add_parser("import", help="import a CSV or XLSX file, or an edited quota sheet")
    _db_option(imp, sub=True)
    imp.add_argument("kind", choices=IMPORT_KINDS)
    imp.add_argument("file", type=Path)
    cli_quotas.add_import_arguments(imp)      # --publish (quotas)
    cli_leads.add_import_options(imp)          # --on-duplicate (leads)
    cli_quotas.add_export_parser(sub)

    report = sub.add_parser("report", help="print a report")
    _db_option(report, sub=True)
    report.add_argument("kind", choices=REPORT_KINDS)
    report.add_argument("--json", action="store_true", help="print JSON")
    add_report_arguments(report)              # --by --period --metric --format --out
    cli_leads.add_report_options(report)      # --by owner (lead-contact)
    cli_forecast.add_report_forecast(report)  # --as-of, sharing the rest
    cli_forecast.add_forecast_parser(sub)
    cli_quotas.add_quotas_parser(sub)
    cli_leads.add_route_parser(sub)
    return parser


def _size(text: str) -> tuple[int, int]:
    try:
        w, h = (int(x) for x in text.lower().split("x"))
    except ValueError:
        raise argparse.ArgumentTypeError(f"--size must look like 1400x900, not '{text}'") \
            from None
    if not (200 <= w <= 8000 and 200 <= h <= 8000):
        raise argparse.ArgumentTypeError("--size must be between 200x200 and 8000x8000")
    return w, h


def _open(db: str | None, create: bool = True) -> Any:
    from salesdesk.config import default_workspace
    from salesdesk.storage.workspace import open_workspace

    workspace = open_workspace(db or default_workspace(), create=create)
    if workspace.backup is not None:
        print(f"Upgraded the workspace; the previous version was kept in {workspace.backup}",
              file=sys.stderr)
    return workspace


def cmd_demo(args: argparse.Namespace) -> int:
    if args.scale < 0:
        raise UserError("--scale must be zero or more")
    if not args.db:
        raise UserError("demo needs --db PATH: the sample company goes into its own workspace")
    from salesdesk.services.demo import create_sample_company
    from salesdesk.storage import queries
    from salesdesk.storage.sample import sample_tables

    ws = _open(args.db)
    with ws.engine.connect() as conn:
        empty = queries.counts(conn)["members"] == 0
    if empty:
        result = create_sample_company(ws.uow, sample_tables())
        for report in result.reports:
            print(report.lines()[0])
            for note in report.notes:
                print(f"  note: {note}")
        print(result.evaluation.changes.summary)
    else:
        print(f"{ws.label} already holds a company; the sample was not imported again.")
    if args.scale:
        from salesdesk.services.pipeline_setup import ensure_pipeline
        from salesdesk.storage.synthetic import add_synthetic

        ensure_pipeline(ws.uow)  # synthetic deals go into the workspace's own stages
        leads, deals = add_synthetic(ws.engine, args.scale)
        print(f"Added {leads:,} synthetic leads and {deals:,} synthetic deals.")
    print(f"Workspace ready: {ws.label}")
    return 0


def _report_lines(report: Any) -> list[str]:
    """The import report, each list cut to SHOWN_PER_LIST lines (the counts stay whole)."""
    out = [report.lines()[0]]
    for verb, items in (("created", report.created), ("updated", report.updated),
                        ("skipped", report.skipped)):
        out += [f"  {verb} {x}" for x in items[:SHOWN_PER_LIST]]
        if len(items) > SHOWN_PER_LIST:
            out.append(f"  ... and {len(items) - SHOWN_PER_LIST:,} more {verb}")
    return out + [f"  note: {x}" for x in report.notes]


def cmd_import(args: argparse.Namespace) -> int:
    if args.kind == "quotas":
        return cli_quotas.run_import(args)
    if args.publish:
        raise UserError("--publish applies to `import quotas` only")
    from salesdesk.services.import_catalog import import_accounts, import_products
    from salesdesk.services.import_deals import import_deals
    from salesdesk.services.import_team import import_team
    from salesdesk.storage.files import read_table

    if args.on_duplicate and args.kind != "leads":
        raise UserError("--on-duplicate is for `import leads` only")
    table = read_table(args.file)
    if args.kind == "leads":
        return cli_leads.run_import_leads(args, table)
    run = {"team": import_team, "accounts": import_accounts, "products": import_products,
           "deals": import_deals}
    report = run[args.kind](_open(args.db).uow, table)
    print("\n".join(_report_lines(report)))
    return 0


def cmd_report(args: argparse.Namespace) -> int:
    for run in (run_report, cli_forecast.run_report_forecast, cli_quotas.run_report_attainment,
                cli_leads.run_report_leads, cli_leads.run_report_lead_contact):
        code = run(args)
        if code is not None:
            return code
    ws = _open(args.db, create=False)
    if args.kind == "pipeline":
        return _report_pipeline(ws, args.json)
    from salesdesk.services.reports import team_report

    data = team_report(ws.uow)
    if args.json:
        print(json.dumps(data, indent=2, ensure_ascii=False))
        return 0
    for m in data["members"]:
        state = "" if m["active"] else " (left)"
        print(f"{m['name']:<24} {m['role']:<8} {m['team'] or '-':<10} "
              f"{m['manager'] or '-':<22} {', '.join(m['territories']) or '-'}{state}")
    return 0


def _report_pipeline(ws: Any, as_json: bool) -> int:
    """Open stages with count, amount and weighted amount, then the won and lost totals;
    amounts as exact decimal text."""
    from salesdesk.storage.pipeline_queries import pipeline_summary

    with ws.engine.connect() as conn:
        data = pipeline_summary(conn)
    if as_json:
        print(json.dumps(data, indent=2, ensure_ascii=False))
        return 0
    several = any("pipeline" in s for s in data["stages"])
    print(f"{'Stage':<28} {'Deals':>7} {'Amount':>18} {'Weighted':>18}")
    for s in data["stages"]:
        name = f"{s['pipeline']} / {s['stage']}" if several else s["stage"]
        print(f"{name:<28} {s['count']:>7,} {_money(s['amount']):>18} "
              f"{_money(s['weighted_amount']):>18}")
    for key in ("won", "lost"):
        total = data[key]
        print(f"{key.capitalize():<28} {total['count']:>7,} {_money(total['amount']):>18}")
    return 0


def _money(text: str) -> str:
    """'1234567.50' -> '1,234,567.50'; exact: a weighted amount's sub-cent digits
    ('1234.125') are shown, never rounded away."""
    from decimal import Decimal

    value = Decimal(text)
    exponent = value.as_tuple().exponent
    places = max(2, -exponent) if isinstance(exponent, int) else 2
    return f"{value:,.{places}f}"


def cmd_screenshot(args: argparse.Namespace) -> int:
    from salesdesk.app import render_screenshot

    width, height = _size(args.size)
    render_screenshot(args.db, args.tab, args.out, (width, height))
    print(f"Wrote {args.out}")
    return 0


def cmd_gui(args: argparse.Namespace) -> int:
    from salesdesk.app import run_gui

    return run_gui(args.db)


class UserError(Exception):
    """A mistake in how the command was called."""


def _known_errors() -> tuple[type[BaseException], ...]:
    from salesdesk.domain.errors import DomainError, WorkspaceBusyError
    from salesdesk.storage.engine import WorkspaceLocationError
    from salesdesk.storage.files import FileFormatError
    from salesdesk.storage.workspace import WorkspaceError

    return (DomainError, WorkspaceBusyError, WorkspaceError, WorkspaceLocationError,
            FileFormatError, UserError, argparse.ArgumentTypeError, OSError)


def _message(exc: BaseException) -> str:
    """A known error in words: a file the system refused (open in Excel, read-only
    folder, disk full) is named with the system's reason."""
    if isinstance(exc, OSError) and exc.filename is not None:
        return f"Cannot write/read {exc.filename}: {exc.strerror or exc}"
    return str(exc)


def _log_unexpected() -> str:
    import logging
    import traceback

    from salesdesk.config import log_dir

    try:
        folder = log_dir()
        folder.mkdir(parents=True, exist_ok=True)
        path = folder / "salesdesk.log"
        logging.basicConfig(filename=path, level=logging.ERROR)
        logging.getLogger("salesdesk").error("unexpected error\n%s", traceback.format_exc())
        return f"details were written to {path}"
    except OSError:
        return "details could not be written to the log folder"


COMMANDS: dict[str | None, Callable[[argparse.Namespace], int]] = {
    None: cmd_gui, "demo": cmd_demo, "import": cmd_import, "report": cmd_report,
    "screenshot": cmd_screenshot, "forecast": cli_forecast.run_forecast,
    "export": cli_quotas.run_export, "quotas": cli_quotas.run_quotas,
    "route": cli_leads.run_route}


def main(argv: Sequence[str] | None = None) -> int:
    # A packaged (frozen) app starts its helper processes (services/lead_import_parts)
    # through its own executable: this makes such a start run the helper, not the app.
    multiprocessing.freeze_support()
    args = build_parser().parse_args(argv)
    try:
        return COMMANDS[args.command](args)
    except KeyboardInterrupt:
        print("salesdesk: interrupted", file=sys.stderr)
        return 130
    except Exception as exc:
        if isinstance(exc, _known_errors()):
            print(f"salesdesk: error: {_message(exc)}", file=sys.stderr)
            return 1
        where = _log_unexpected()
        print(f"salesdesk: unexpected error: {type(exc).__name__}: {exc} ({where})",
              file=sys.stderr)
        return 3
