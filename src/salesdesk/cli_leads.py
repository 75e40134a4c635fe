"""`salesdesk import leads`, `salesdesk report leads` and `salesdesk route`: the lead board
on the command line.

cli.py wires it in:
- `add_import_options(import_parser)` adds --on-duplicate; `run_import_leads(args, ws)`
  imports (cmd_import calls it for the kind "leads");
- `run_report_leads(args)` prints the report (None when args.kind is not "leads");
- `add_route_parser(subparsers)` adds `route`, whose handler is `run_route(args)`;
- `add_report_options(report_parser)` lets --by say "owner", and
  `run_report_lead_contact(args)` prints time to first contact (None for other reports).

    salesdesk import leads FILE [--on-duplicate skip|merge|update]
    salesdesk report leads [--json]
    salesdesk report lead-contact [--by owner|source] [--json]
    salesdesk route [--dry-run] [--json] [--undo] [--limit N] [--overflow]

Every mistake is raised as a domain or file error, which cli.py prints as one line; a
refused import prints every refusal with its row and column, then exits 1.
"""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import asdict
from datetime import UTC, datetime
from typing import Any, Literal

from salesdesk.domain.errors import ValidationError

CHOICES = ("skip", "merge", "update")
SHOWN = 20
"""Lines printed per list of an import report (the counts stay whole)."""


def _db(p: argparse.ArgumentParser) -> None:
    p.add_argument("--db", metavar="PATH_OR_URL", default=argparse.SUPPRESS,
                   help="workspace: a SQLite file path or a postgresql:// URL")


def add_import_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--on-duplicate", choices=CHOICES, default=None, dest="on_duplicate",
                        help="leads only: what to do with each group of duplicates "
                             "(default: skip)")


def _open(args: argparse.Namespace, create: bool = True) -> Any:
    from salesdesk.config import default_workspace
    from salesdesk.storage.workspace import open_workspace

    workspace = open_workspace(getattr(args, "db", None) or default_workspace(),
                               create=create)
    if workspace.backup is not None:
        print(f"Upgraded the workspace; the previous version was kept in {workspace.backup}",
              file=sys.stderr)
    return workspace


def _lines(report: Any) -> list[str]:
    out = [report.lines()[0]]
    for verb in ("created", "merged", "updated", "skipped", "refused"):
        items = getattr(report, verb)
        out += [f"  {verb} {x}" for x in items[:SHOWN]]
        if len(items) > SHOWN:
            out.append(f"  ... and {len(items) - SHOWN:,} more {verb}")
    return out + [f"  note: {x}" for x in report.notes]


def run_import_leads(args: argparse.Namespace, table: Any) -> int:
    from salesdesk.services.import_leads import LeadImportRefused, import_leads

    ws = _open(args)
    try:
        report = import_leads(ws.uow, table, on_duplicate=args.on_duplicate or "skip")
    except LeadImportRefused as exc:
        print("\n".join(_lines(exc.report)))
        print(f"salesdesk: error: nothing was imported: {len(exc.report.refused):,} row "
              "problem(s)", file=sys.stderr)
        return 1
    finally:
        ws.close()
    print("\n".join(_lines(report)))
    return 0


def run_report_leads(args: argparse.Namespace) -> int | None:
    """`report leads`; None when args.kind is another report."""
    if getattr(args, "kind", None) != "leads":
        return None
    from salesdesk.storage.lead_queries import report

    ws = _open(args, create=False)
    try:
        with ws.engine.connect() as conn:
            data = report(conn, datetime.now(UTC))
    finally:
        ws.close()
    if getattr(args, "json", False) or getattr(args, "format", "table") == "json":
        print(json.dumps(data, indent=2, ensure_ascii=False))
        return 0
    print(f"{'Leads':<24} {data['total']:>10,}")
    print(f"{'Unassigned (open)':<24} {data['unassigned']:>10,}")
    print(f"{'Overdue (SLA)':<24} {data['overdue']:>10,}")
    for title, counts in (("Status", data["by_status"]), ("Segment", data["by_segment"])):
        print(title)
        for name, n in counts.items():
            print(f"  {name:<22} {n:>10,}")
    return 0


def add_route_parser(subparsers: Any) -> argparse.ArgumentParser:
    p = subparsers.add_parser("route", help="assign open unassigned leads to reps "
                                            "(territory, skills, load, round-robin)")
    _db(p)
    p.add_argument("--dry-run", action="store_true", dest="dry_run",
                   help="show the assignments without writing them")
    p.add_argument("--json", action="store_true", help="print JSON")
    p.add_argument("--undo", action="store_true", help="undo the last applied routing")
    p.add_argument("--limit", type=int, default=None, metavar="N",
                   help="route at most N leads (the most urgent first)")
    p.add_argument("--overflow", action="store_true",
                   help="when a territory's reps are full, give its leads to any rep")
    return p


def run_route(args: argparse.Namespace) -> int:
    from salesdesk.services import lead_routing as lr

    if args.undo and args.dry_run:
        raise ValidationError("--undo and --dry-run do not go together", field="undo")
    if args.limit is not None and args.limit < 1:
        raise ValidationError("--limit must be 1 or more", field="limit")
    ws = _open(args, create=False)
    try:
        if args.undo:
            undone = lr.undo_routing(ws.uow)
            _say(args, {"restored": undone.restored, "kept": list(undone.kept)},
                 undone.changes.summary)
            return 0
        run = lr.preview_routing if args.dry_run else lr.apply_routing
        result = run(ws.uow, limit=args.limit, overflow=args.overflow)
    finally:
        ws.close()
    if args.json:
        print(json.dumps(lr.plan_json(result.plan), indent=2, ensure_ascii=False))
    else:
        _print_plan(result, args.dry_run)
    if result.taken:
        print(f"{len(result.taken):,} leads were assigned by someone else meanwhile and "
              "were left as they are.", file=sys.stderr)
    return 0


def _say(args: argparse.Namespace, data: dict[str, Any], text: str) -> None:
    print(json.dumps(data, indent=2) if args.json else text)


def _print_plan(result: Any, dry_run: bool) -> None:
    plan = result.plan
    for a in plan.assignments[:200]:
        print(f"{a.lead_id}  ->  {a.member_name}  ({a.why})")
    if len(plan.assignments) > 200:
        print(f"... and {len(plan.assignments) - 200:,} more assignments")
    for u in plan.unassigned[:50]:
        print(f"{u.lead_id}  unassigned: {u.reason}")
    verb = "Would route" if dry_run else "Routed"
    count = len(plan.assignments) if dry_run else len(result.applied)
    print(f"{verb} {count:,} leads; {len(plan.unassigned):,} left unassigned."
          + ("" if dry_run else " Undo with: salesdesk route --undo"))


# --- report lead-contact -----------------------------------------------------------------
ContactBy = Literal["owner", "source"]
CONTACT_BY: dict[str, ContactBy] = {"member": "owner", "owner": "owner", "source": "source"}
"""--by of `report lead-contact`: "member" (the shared option's default) is the owner."""
CONTACT_COLUMNS = ("Leads", "Contacted", "Median h", "90th pct h", "Within SLA", "Overdue")


def add_report_options(parser: argparse.ArgumentParser) -> None:
    """Let the report parser's shared --by say "owner" (the analysis reports refuse it
    by name: they group by member)."""
    action = parser._option_string_actions.get("--by")  # argparse has no public lookup
    if action is not None and action.choices is not None and "owner" not in action.choices:
        action.choices = (*action.choices, "owner")


def _contact_by(args: argparse.Namespace) -> ContactBy:
    by = CONTACT_BY.get(getattr(args, "by", None) or "member")
    if by is None:
        raise ValidationError(f"report lead-contact groups by owner or source, not "
                              f"{args.by!r}", field="by")
    if getattr(args, "period", None):
        raise ValidationError("report lead-contact covers every lead received; it takes "
                              "no --period", field="period")
    if getattr(args, "format", "table") not in ("table", "json"):
        raise ValidationError("report lead-contact prints a table or JSON (--json)",
                              field="format")
    return by


def run_report_lead_contact(args: argparse.Namespace) -> int | None:
    """`report lead-contact`: time to first contact per owner or source, in business
    hours; None when args.kind is another report."""
    if getattr(args, "kind", None) != "lead-contact":
        return None
    from salesdesk.services import lead_settings
    from salesdesk.storage.lead_stats import contact_times

    by = _contact_by(args)
    ws = _open(args, create=False)
    try:
        with ws.uow() as uow:
            hours = lead_settings.business_hours(uow)
        with ws.engine.connect() as conn:
            rows = contact_times(conn, by, hours, now=datetime.now(UTC))
    finally:
        ws.close()
    if getattr(args, "json", False) or getattr(args, "format", "table") == "json":
        print(json.dumps(_contact_json(by, hours, rows), indent=2, ensure_ascii=False))
    else:
        print("\n".join(_contact_lines(by, hours, rows)))
    return 0


def _contact_json(by: str, hours: Any, rows: list[Any]) -> dict[str, Any]:
    return {"by": by, "business_hours": hours.to_dict(),
            "rows": [{**asdict(r), "within_sla_share": r.within_sla_share} for r in rows]}


def _hours(value: float | None) -> str:
    return "-" if value is None else f"{value:,.1f}"


def _contact_lines(by: str, hours: Any, rows: list[Any]) -> list[str]:
    width = max([len(r.label) for r in rows] + [len(by), 12])
    out = [f"Time to first contact by {by}, in business hours "
           f"({hours.opens:%H:%M}-{hours.closes:%H:%M} {hours.zone})",
           f"{by.capitalize():<{width}} " + " ".join(f"{c:>11}" for c in CONTACT_COLUMNS)]
    for r in rows:
        share = r.within_sla_share
        within = f"{r.within_sla:,}" + ("" if share is None else f" {share:.0%}")
        cells = (f"{r.leads:,}", f"{r.contacted:,}", _hours(r.median_hours),
                 _hours(r.p90_hours), within, f"{r.overdue_open:,}")
        out.append(f"{r.label:<{width}} " + " ".join(f"{c:>11}" for c in cells))
    return out
