"""`salesdesk forecast` and `salesdesk report forecast`: the forecast on the command line.

cli.py wires it in:
- `add_forecast_parser(subparsers)` adds the `forecast` subcommand, whose handler is
  `run_forecast(args)` (COMMANDS["forecast"] = run_forecast);
- `add_report_forecast(report_parser)` adds the options `report forecast` needs (those
  another report already added, --period, --format, --out, --by, are shared), and
  `run_report_forecast(args)` runs it (None when args.kind is not "forecast").

    salesdesk forecast --period P [--as-of DATE] [--scope company|member:NAME|team:NAME|
                       territory:NAME] [--json]
    salesdesk forecast --backtest [--periods 2017-Q1,2017-Q2] [--scope ...] [--json]
    salesdesk forecast --waterfall --period P [--scope ...] [--json]
    salesdesk forecast --call --period P --adjust AMOUNT --comment TEXT [--scope ...]
    salesdesk report forecast [--by member|team|territory] [--period P] [--as-of DATE]
                       --format table|json|csv|xlsx [--out FILE]

Amounts in JSON are exact decimal strings. `forecast --json` prints exactly the figures
issue 6 documents; the table shows the scope's quota and its coverage too, and `report
forecast` has a quota and a coverage column (empty without a quota plan in force). Every
mistake (unknown member, bad period or
date) is raised as a domain error, which cli.py prints as one line. `forecast` first
freezes the current periods' snapshots if not done yet (freeze_due_snapshots).
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING, Any

from salesdesk.domain.errors import ValidationError

if TYPE_CHECKING:
    from salesdesk.services import forecast as fs
    from salesdesk.storage.forecast_queries import SqlForecastSource
    from salesdesk.storage.report_export import Sheet

FORMATS = ("table", "json", "csv", "xlsx")
BY = ("member", "team", "territory")
SUMMARY = (("closed_won", "Closed won"), ("weighted", "Weighted pipeline"),
           ("weighted_default", "Weighted, stage defaults (CRM baseline)"),
           ("commit", "Commit"), ("best_case", "Best case"), ("pipeline", "Open pipeline"),
           ("historical", "Historical (incl. run rate)"), ("run_rate", "  of which run rate"),
           ("p10", "Monte Carlo P10"), ("p50", "Monte Carlo P50"), ("p90", "Monte Carlo P90"))
SHOWN_DEALS = 15
COLUMN_TITLES = {"closed_won": "Closed won", "weighted": "Weighted",
                 "weighted_default": "Weighted (stage defaults)", "commit": "Commit",
                 "best_case": "Best case", "pipeline": "Open pipeline",
                 "historical": "Historical", "run_rate": "Run rate", "p10": "P10",
                 "p50": "P50", "p90": "P90"}


# --- parsers ------------------------------------------------------------------------------
def add_forecast_parser(subparsers: Any) -> argparse.ArgumentParser:
    p = subparsers.add_parser(
        "forecast", help="forecast a period, backtest the methods, or record a call")
    p.add_argument("--db", metavar="PATH_OR_URL", default=argparse.SUPPRESS,
                   help="workspace: a SQLite file path or a postgresql:// URL")
    p.add_argument("--period", metavar="P",
                   help="2017, 2017-Q3, 2017-07, 2017-W27 or 2017-07-14")
    p.add_argument("--as-of", metavar="DATE", dest="as_of",
                   help="forecast as the pipeline stood at 00:00 UTC that day "
                        "(default: now)")
    p.add_argument("--scope", default="company", metavar="SCOPE",
                   help="company (default), member:NAME, team:NAME or territory:NAME")
    p.add_argument("--json", action="store_true", help="print JSON")
    mode = p.add_mutually_exclusive_group()
    mode.add_argument("--backtest", action="store_true",
                      help="score every method on past quarters")
    mode.add_argument("--waterfall", action="store_true",
                      help="forecast against actual for --period, deal by deal")
    mode.add_argument("--call", action="store_true",
                      help="record a manager's call for --period")
    p.add_argument("--periods", metavar="P1,P2",
                   help="--backtest: these periods (default: every quarter of the history)")
    p.add_argument("--adjust", metavar="AMOUNT", default="0",
                   help="--call: added to the weighted forecast; a negative one as "
                        "--adjust=-5000")
    p.add_argument("--base", default="weighted", metavar="FIGURE",
                   help="--call: the figure the adjustment applies to (default: weighted)")
    p.add_argument("--comment", default="", metavar="TEXT", help="--call: why")
    return p


def add_report_forecast(parser: argparse.ArgumentParser) -> None:
    """The options of `report forecast`, sharing any another report already added."""
    def add(flag: str, **kwargs: Any) -> None:
        if flag not in parser._option_string_actions:  # argparse has no public lookup
            parser.add_argument(flag, **kwargs)

    add("--by", default="member", help="group by member (default), team or territory")
    add("--period", metavar="P", default=None,
        help="the period (default: the current quarter)")
    add("--as-of", metavar="DATE", dest="as_of", default=None,
        help="forecast as the pipeline stood at 00:00 UTC that day (default: now)")
    add("--format", choices=FORMATS, default="table",
        help="table (default), json, csv or xlsx (xlsx needs --out)")
    add("--out", type=Path, default=None, metavar="FILE",
        help="write to FILE instead of printing")


# --- forecast -----------------------------------------------------------------------------
@contextmanager
def _source(args: argparse.Namespace) -> Iterator[tuple[SqlForecastSource, Any]]:
    """The workspace's forecast source and its unit-of-work factory (for the quotas)."""
    from salesdesk.config import default_workspace
    from salesdesk.storage.forecast_queries import SqlForecastSource
    from salesdesk.storage.workspace import open_workspace

    ws = open_workspace(getattr(args, "db", None) or default_workspace(), create=False)
    try:
        yield SqlForecastSource(ws.engine), ws.uow
    finally:
        ws.close()


def run_forecast(args: argparse.Namespace) -> int:
    from salesdesk.services import forecast as fs

    scope = fs.ScopeSpec.parse(args.scope or "company")
    as_of = fs.parse_day(args.as_of) if args.as_of else None
    if not args.backtest and not args.period:
        raise ValidationError("say which period: --period 2017-Q3 (or use --backtest)",
                              field="period")
    with _source(args) as (source, uow):
        frozen = fs.freeze_due_snapshots(source).created
        if frozen:
            print(f"Froze {len(frozen)} forecast snapshots of the current periods.",
                  file=sys.stderr)
        if args.backtest:
            periods = [p.strip() for p in args.periods.split(",")] if args.periods else None
            return _print_backtest(fs.backtest_for(source, periods, scope), args.json)
        if args.waterfall:
            return _print_waterfall(fs.waterfall_for(source, args.period, scope), args.json)
        if args.call:
            amount = _amount(args.adjust)
            call = fs.record_call(source, args.period, scope, amount, args.comment,
                                  args.base)
            return _print_call(call, args.json)
        quotas = None if args.json else fs.read_quotas(uow)
        return _print_forecast(fs.forecast_for(source, args.period, as_of, scope, quotas),
                               args.json)


def _amount(text: str) -> Decimal:
    from salesdesk.domain.validation import clean_decimal

    value = clean_decimal(text, "adjust")
    return value if value is not None else Decimal("0.00")


def _print_json(data: Any) -> int:
    print(json.dumps(data, indent=2, ensure_ascii=False))
    return 0


def _money(value: Decimal) -> str:
    return f"{value:,.2f}"


def _print_forecast(r: fs.ForecastResult, as_json: bool) -> int:
    if as_json:
        return _print_json(r.as_json())
    print(f"Forecast {r.period} ({r.start} to {r.end}), {r.scope_label}, as of {r.as_of}")
    for key, title in SUMMARY:
        print(f"  {title:<42} {_money(r.figure(key)):>18}")
    for title, text in _quota_lines(r):
        print(f"  {title:<42} {text:>18}")
    behind = r.deals_behind("weighted")
    print(f"\n{len(behind):,} deals behind the weighted figure; the biggest:")
    for d in behind[:SHOWN_DEALS]:
        print(f"  {d.label[:40]:<40} {d.owner[:22]:<22} {_money(d.amount):>14} "
              f"{_money(d.part('weighted')):>14}")
    return 0


def _quota_lines(r: fs.ForecastResult) -> list[tuple[str, str]]:
    if r.quota is None:
        return [("Quota", "none for this scope" if r.plan_in_force else "no quotas set")]
    coverage = "quota reached" if r.coverage is None else f"{r.coverage * 100:.1f} %"
    return [("Quota", _money(r.quota)),
            ("Attainment (closed won / quota)", f"{(r.attainment or 0) * 100:.1f} %"),
            ("Coverage (open weighted / quota to win)", coverage)]


def _print_backtest(b: fs.BacktestResult, as_json: bool) -> int:
    if as_json:
        return _print_json(b.as_json())
    print(backtest_markdown(b))
    return 0


def backtest_markdown(b: fs.BacktestResult) -> str:
    """The README table: a row per method, its forecast per period, then the scores."""
    periods = b.periods
    actual = {r.period: r.actual for r in b.rows}
    forecast = {(r.period, r.method): r.forecast for r in b.rows}
    scores = {s.method: s for s in b.summary}
    head = ["Method", *periods, "WAPE", "Bias", "Hit rate (±10 %)"]
    lines = ["| " + " | ".join(head) + " |",
             "|" + "|".join(["---"] + ["---:"] * (len(head) - 1)) + "|",
             "| **Actual won** | " + " | ".join(_money(actual[p]) for p in periods)
             + " | | | |"]
    for m in b.methods:
        s = scores.get(m)
        lines.append("| " + " | ".join([
            METHOD_NAMES.get(m, m), *(_money(forecast[p, m]) for p in periods),
            _pct(s.wape if s else None), _pct(s.bias if s else None, signed=True),
            _pct(s.hit_rate if s else None)]) + " |")
    return "\n".join(lines)


METHOD_NAMES = {"weighted_default": "Weighted, stage defaults (CRM baseline)",
                "weighted": "Weighted (deal probabilities)", "commit": "Commit",
                "best_case": "Best case", "historical": "Historical + run rate",
                "monte_carlo_p50": "Monte Carlo P50"}


def _pct(value: float | None, signed: bool = False) -> str:
    if value is None:
        return "-"
    return f"{value * 100:+.1f} %" if signed else f"{value * 100:.1f} %"


def _print_waterfall(w: fs.WaterfallResult, as_json: bool) -> int:
    from salesdesk.services.forecast import exact_text

    if as_json:
        return _print_json({
            "period": w.period, "scope": w.scope, "forecast": exact_text(w.forecast),
            "actual": exact_text(w.actual),
            "steps": [{"part": s.part, "reason": s.reason, "total": exact_text(s.total),
                       "deals": [{"deal_id": d.deal_id, "label": d.label, "owner": d.owner,
                                  "value": exact_text(d.value)} for d in s.deals]}
                      for s in w.steps]})
    print(f"Waterfall {w.period}, {w.scope}")
    print(f"  {'Forecast (weighted, at the start)':<40} {_money(w.forecast):>18}")
    for s in w.steps:
        name = s.part.replace("_", " ") + (f" ({s.reason})" if s.reason else "")
        print(f"  {name:<40} {_money(s.total):>18}  {len(s.deals):>6,} deals")
    print(f"  {'Actual won':<40} {_money(w.actual):>18}")
    return 0


def _print_call(c: fs.SnapshotRecord, as_json: bool) -> int:
    from salesdesk.services.forecast import exact_text

    if as_json:
        return _print_json({"id": c.id, "period": c.period, "scope_kind": c.scope_kind,
                            "scope_id": c.scope_id, "as_of": c.as_of.isoformat(),
                            "adjustment": exact_text(c.adjustment or Decimal(0)),
                            "comment": c.comment, "figures": {
                                k: exact_text(v) for k, v in c.figures.items()}})
    print(f"Recorded the call for {c.period}: {_money(c.figures['call'])} "
          f"(weighted {_money(c.figures['weighted'])}, adjustment "
          f"{_money(c.adjustment or Decimal(0))})")
    return 0


# --- report forecast ----------------------------------------------------------------------
def run_report_forecast(args: argparse.Namespace) -> int | None:
    """`report forecast`; None when args.kind is another report."""
    if getattr(args, "kind", None) != "forecast":
        return None
    by = getattr(args, "by", None) or "member"
    if by not in BY:
        raise ValidationError(f"the forecast report groups by member, team or territory, "
                              f"not '{by}'", field="by")
    fmt = "json" if getattr(args, "json", False) else getattr(args, "format", "table")
    out: Path | None = getattr(args, "out", None)
    if fmt == "xlsx" and out is None:
        raise ValidationError("an Excel workbook needs a file: add --out FILE.xlsx",
                              field="out")
    from salesdesk.services.forecast import read_quotas

    with _source(args) as (source, uow):
        data, sheets = report_data(source, by, getattr(args, "period", None),
                                   getattr(args, "as_of", None), read_quotas(uow))
    _write(data, sheets, fmt, out)
    return 0


def report_data(source: Any, by: str, period: str | None, as_of: str | None,
                quotas: fs.QuotaBook | None = None) -> tuple[dict[str, Any], list[Sheet]]:
    """Each member's (team's, territory's) forecast of the period with its quota and
    coverage (None without `quotas` or a plan in force), and the accuracy of the stored
    snapshots at that level."""
    from salesdesk.domain.periods import PeriodKind, containing
    from salesdesk.services import forecast as fs

    day = fs.parse_day(as_of) if as_of else None
    data = fs.load_data(source, day)
    named = (fs.period_named(source, period) if period else
             containing(data.as_of, PeriodKind.QUARTER, data.fiscal_start))
    keys = ("closed_won", "weighted", "weighted_default", "commit", "best_case",
            "pipeline", "historical", "run_rate", "p10", "p50", "p90")
    rows: list[dict[str, Any]] = []
    for kind, ref, name, _ in [*(c for c in data.choices if c[0] == by), ("company", "", "",
                                                                          None)]:
        spec = fs.ScopeSpec(kind, ref or None)
        r = fs.forecast_from(data, named, spec, labels={}, quotas=quotas)
        rows.append({"key": name or "Company", **{k: r.figure(k) for k in keys},
                     "quota": r.quota, "coverage": r.coverage})
    level = {"member": "member", "team": "team", "territory": "territory"}[by]
    acc = [a for a in fs.snapshot_accuracy(source) if a.level in (level, "company")]
    json_data = {"period": named.name, "as_of": data.as_of.isoformat(), "by": by,
                 "rows": [{"key": r["key"], **{k: fs.exact_text(r[k]) for k in keys},
                           "quota": None if r["quota"] is None else fs.exact_text(r["quota"]),
                           "coverage": None if r["coverage"] is None else float(r["coverage"])}
                          for r in rows],
                 "accuracy": [{"level": a.level, "key": a.label, "method": a.method,
                               "count": a.count, "forecast": fs.exact_text(a.forecast),
                               "actual": fs.exact_text(a.actual), "wape": a.wape,
                               "bias": a.bias, "hit_rate": a.hit_rate} for a in acc]}
    return json_data, _sheets(named.name, by, keys, rows, acc)


def _sheets(period: str, by: str, keys: Sequence[str], rows: Sequence[dict[str, Any]],
            acc: Sequence[fs.AccuracyLine]) -> list[Sheet]:
    from salesdesk.storage.report_export import Column, Sheet

    forecast = Sheet(f"Forecast {period} by {by}", (Column(by.capitalize()), *(
        Column(COLUMN_TITLES[k], "money") for k in keys), Column("Quota", "money"),
        Column("Coverage", "rate")),
        tuple((r["key"], *(r[k] for k in keys), r["quota"], r["coverage"]) for r in rows))
    accuracy = Sheet("Snapshot accuracy", (
        Column("Level"), Column("Name"), Column("Method"), Column("Periods", "int"),
        Column("Forecast", "money"), Column("Actual", "money"), Column("WAPE", "rate"),
        Column("Bias", "rate"), Column("Hit rate", "rate")), tuple(
        (a.level, a.label, a.method, a.count, a.forecast, a.actual, a.wape, a.bias,
         a.hit_rate) for a in acc))
    return [forecast, accuracy]


def _write(data: dict[str, Any], sheets: list[Sheet], fmt: str, out: Path | None) -> None:
    from salesdesk.storage import report_export as rx

    if fmt == "json":
        text = json.dumps(data, indent=2, ensure_ascii=False) + "\n"
    elif fmt == "table":
        from salesdesk.cli_reports import render_table

        text = render_table(sheets)
    elif fmt == "csv":
        if out is not None:
            rx.save_csv(sheets, out)
            print(f"Wrote {out}")
            return
        rx.write_csv(sheets, sys.stdout)
        return
    else:
        assert out is not None
        rx.save_xlsx(sheets, out)
        print(f"Wrote {out}")
        return
    if out is None:
        sys.stdout.write(text)
    else:
        out.write_text(text, encoding="utf-8")
        print(f"Wrote {out}")

