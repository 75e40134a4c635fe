"""`salesdesk report funnel|winloss|leaderboard|sources`: the analysis reports on the
command line, as an aligned text table, JSON, CSV or an Excel workbook.

cli.py wires it in: `add_report_arguments(report_parser)` adds the options, and
`run_report(args)` runs the report (None when args.kind is not one of REPORT_KINDS).
The reports read straight from storage/analysis_queries.py, whose docstring defines
every figure. Errors are raised as domain errors, which the CLI prints as one line.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable, Sequence
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING, Any

from salesdesk.domain.analysis import METRICS
from salesdesk.domain.errors import ValidationError

if TYPE_CHECKING:
    from salesdesk.storage import analysis_rows as ar
    from salesdesk.storage.report_export import Column, Sheet

REPORT_KINDS = ("funnel", "winloss", "leaderboard", "sources")
# Kept in step with analysis_queries (a test checks), so that building the parser does not
# load SQLAlchemy.
DIMENSIONS = ("member", "team", "territory", "product", "source", "segment")
FORMATS = ("table", "json", "csv", "xlsx")
TEXT_WIDTH = 60
"""Longer text (feedback notes) is cut in the text table; JSON, CSV and XLSX keep it."""


def add_report_arguments(parser: argparse.ArgumentParser) -> None:
    """The options of the analysis reports. An option another report already added to
    the same parser (--period, --format, --out) is shared, not added twice."""
    def add(flag: str, **kwargs: Any) -> None:
        if flag not in parser._option_string_actions:  # argparse has no public lookup
            parser.add_argument(flag, **kwargs)

    add("--by", choices=DIMENSIONS, default="member",
        help="group by member (default), team, territory, product, source or segment")
    add("--period", metavar="P", default=None,
        help="2017, 2017-Q3, 2017-07, 2017-W27 or 2017-07-14 (fiscal years and quarters "
             "follow the workspace's fiscal start month); default: all time")
    add("--metric", choices=METRICS, default="won_amount",
        help="what the leaderboard ranks on (default: won_amount)")
    add("--format", choices=FORMATS, default="table",
        help="table (default), json, csv or xlsx (xlsx needs --out)")
    add("--out", type=Path, default=None, metavar="FILE",
        help="write to FILE instead of printing")


def run_report(args: argparse.Namespace) -> int | None:
    """Run the report `args.kind`; None when that is not an analysis report."""
    if getattr(args, "kind", None) not in REPORT_KINDS:
        return None
    fmt = "json" if getattr(args, "json", False) else getattr(args, "format", "table")
    out: Path | None = getattr(args, "out", None)
    if fmt == "xlsx" and out is None:
        raise ValidationError("an Excel workbook needs a file: add --out FILE.xlsx",
                              field="out")
    data, sheets = _build(args)
    if fmt == "json":
        _emit(json.dumps(data, indent=2, ensure_ascii=False) + "\n", out)
    elif fmt == "table":
        _emit(render_table(sheets), out)
    elif fmt == "csv":
        _write_csv(sheets, out)
    else:
        from salesdesk.storage.report_export import save_xlsx

        assert out is not None
        save_xlsx(sheets, out)
    if out is not None:
        print(f"Wrote {out}")
    return 0


def _build(args: argparse.Namespace) -> tuple[dict[str, Any], list[Sheet]]:
    from salesdesk.config import default_workspace
    from salesdesk.storage import analysis_queries as aq
    from salesdesk.storage.workspace import open_workspace

    ws = open_workspace(getattr(args, "db", None) or default_workspace(), create=False)
    try:
        with ws.engine.connect() as conn:
            period = aq.period_named(conn, args.period) if args.period else None
            by = getattr(args, "by", "member")
            if args.kind == "funnel":
                return _funnel(aq.funnel(conn, by, period))
            if args.kind == "winloss":
                return _win_loss(aq.win_loss(conn, by, period))
            if args.kind == "leaderboard":
                metric = getattr(args, "metric", "won_amount")
                return _leaderboard(aq.leaderboard(conn, metric, by, period), metric, by,
                                    period)
            return _sources(aq.lead_sources(conn, period), period)
    finally:
        ws.close()


def _emit(text: str, out: Path | None) -> None:
    if out is None:
        sys.stdout.write(text)
    else:
        out.write_text(text, encoding="utf-8")


def _write_csv(sheets: Sequence[Sheet], out: Path | None) -> None:
    from salesdesk.storage.report_export import save_csv, write_csv

    if out is None:
        write_csv(sheets, sys.stdout)
    else:
        save_csv(sheets, out)


def _text(value: Any) -> str | None:
    """Exact decimal text for amounts, ISO text for moments, JSON for the rest."""
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, date | datetime):
        return value.isoformat()
    return value


def _period_name(period: Any) -> str | None:
    return None if period is None else period.name


# --- the reports as JSON and as sheets ---------------------------------------------------
def _col(title: str, kind: str = "text") -> Column:
    from salesdesk.storage.report_export import Column

    return Column(title, kind)


def _sheet(title: str, columns: Sequence[Column], rows: Sequence[Sequence[Any]]) -> Sheet:
    from salesdesk.storage.report_export import Sheet

    return Sheet(title, tuple(columns), tuple(tuple(r) for r in rows))


def _funnel(rows: list[ar.FunnelRow]) -> tuple[dict[str, Any], list[Sheet]]:
    data = {"rows": [{"key": r.key, "won": r.won, "lost": r.lost, "open": r.open,
                      "win_rate": r.win_rate, "won_amount": str(r.won_amount),
                      "stages": r.stage_counts} for r in rows]}
    stages = rows[0].stages if rows else ()
    steps = [(s.stage, stages[i + 1].stage) for i, s in enumerate(stages)
             if s.dropped is not None]
    columns = [_col("key"), _col("won", "int"), _col("lost", "int"), _col("open", "int"),
               _col("win_rate", "rate"), _col("won_amount", "money"),
               *(_col(s.stage, "int") for s in stages)]
    for a, b in steps:
        columns += [_col(f"drop {a} > {b}", "int"), _col(f"drop {a} > {b} %", "rate")]
    body = []
    for r in rows:
        drops = [x for s in r.stages if s.dropped is not None
                 for x in (s.dropped, s.drop_rate)]
        body.append([r.key, r.won, r.lost, r.open, r.win_rate, r.won_amount,
                     *(s.reached for s in r.stages), *drops])
    return data, [_sheet("Funnel", columns, body)]


METRIC_COLUMNS: tuple[tuple[str, str, Callable[[Any], Any]], ...] = (
    ("won", "int", lambda r: r.won), ("lost", "int", lambda r: r.lost),
    ("open", "int", lambda r: r.open), ("win_rate", "rate", lambda r: r.win_rate),
    ("won_amount", "money", lambda r: r.won_amount),
    ("avg_deal", "money", lambda r: r.avg_deal),
    ("cycle_days", "days", lambda r: r.cycle_days),
    ("cycle_median", "days", lambda r: r.cycle_median),
    ("velocity", "money", lambda r: r.velocity),
    ("activities", "int", lambda r: r.activities),
    ("activities_done", "int", lambda r: r.activities_done),
    ("activities_overdue", "int", lambda r: r.activities_overdue))
"""A metrics row's figures: (name, column kind, getter), in JSON and table order."""


def _metrics_json(r: ar.MetricsRow) -> dict[str, Any]:
    return {name: _text(get(r)) for name, _, get in METRIC_COLUMNS}


def _win_loss(report: ar.WinLossReport) -> tuple[dict[str, Any], list[Sheet]]:
    data = {
        "by": report.by, "period": _period_name(report.period),
        "rows": [{"key": r.key, **_metrics_json(r)} for r in report.rows],
        "loss_reasons": [{"key": x.key, "reason": x.reason, "count": x.count,
                          "amount": str(x.amount), "share": x.share}
                         for x in report.loss_reasons],
        "feedback": [{"key": f.key, "reason": f.reason, "notes": f.notes,
                      "latest": [{"deal": n.deal, "at": n.at.isoformat(), "author": n.author,
                                  "body": n.body} for n in f.latest]}
                     for f in report.feedback],
        "activities": [{"key": a.key, "kind": a.kind, "total": a.total, "done": a.done,
                        "overdue": a.overdue} for a in report.activities],
        "coverage": {"value": _text(report.coverage.value), "note": report.coverage.note},
    }
    sheets = [
        _sheet("Win-loss", [_col("key"), *(_col(n, k) for n, k, _ in METRIC_COLUMNS)],
               [[r.key, *(get(r) for _, _, get in METRIC_COLUMNS)] for r in report.rows]),
        _sheet("Loss reasons", [_col("key"), _col("reason"), _col("count", "int"),
                                _col("amount", "money"), _col("share", "rate")],
               [[x.key, x.reason, x.count, x.amount, x.share] for x in report.loss_reasons]),
        _sheet("Feedback", [_col("key"), _col("reason"), _col("notes", "int"),
                            _col("at", "moment"), _col("deal"), _col("author"), _col("note")],
               [[f.key, f.reason, f.notes, n.at, n.deal, n.author, n.body]
                for f in report.feedback for n in f.latest]),
        _sheet("Activities", [_col("key"), _col("kind"), _col("total", "int"),
                              _col("done", "int"), _col("overdue", "int")],
               [[a.key, a.kind, a.total, a.done, a.overdue] for a in report.activities]),
        _sheet("Quota coverage", [_col("coverage", "rate"), _col("note")],
               [[report.coverage.value, report.coverage.note]]),
    ]
    return data, sheets


def _leaderboard(rows: list[ar.LeaderRow], metric: str, by: str, period: Any
                 ) -> tuple[dict[str, Any], list[Sheet]]:
    kinds = {n: k for n, k, _ in METRIC_COLUMNS} | {"won_count": "int", "activities": "int"}
    data = {"metric": metric, "by": by, "period": _period_name(period),
            "rows": [{"rank": r.rank, "key": r.key, "value": _text(r.value),
                      **_metrics_json(r.metrics)} for r in rows]}
    same = {"won_count": "won", "activities": "activities_done"}.get(metric, metric)
    others = [c for c in METRIC_COLUMNS if c[0] != same]  # the ranked one comes first
    columns = [_col("rank", "int"), _col("key"), _col(metric, kinds[metric]),
               *(_col(n, k) for n, k, _ in others)]
    body = [[r.rank, r.key, r.value, *(get(r.metrics) for _, _, get in others)]
            for r in rows]
    return data, [_sheet(f"Leaderboard {metric}", columns, body)]


SOURCE_COLUMNS = (("source", "text"), ("leads", "int"), ("converted", "int"),
                  ("conversion_rate", "rate"), ("deals", "int"), ("won", "int"),
                  ("lost", "int"), ("win_rate", "rate"), ("won_amount", "money"))


def _sources(rows: list[ar.SourceRow], period: Any) -> tuple[dict[str, Any], list[Sheet]]:
    data = {"period": _period_name(period),
            "rows": [{n: _text(getattr(r, n)) for n, _ in SOURCE_COLUMNS} for r in rows]}
    return data, [_sheet("Lead sources", [_col(n, k) for n, k in SOURCE_COLUMNS],
                         [[getattr(r, n) for n, _ in SOURCE_COLUMNS] for r in rows])]


# --- aligned text ----------------------------------------------------------------------
def cell_text(value: Any, kind: str) -> str:
    if value is None:
        return "-"
    if kind == "rate":
        return f"{value * 100:.1f} %"
    if kind == "money":
        return f"{value:,.2f}"
    if kind == "int":
        return f"{value:,}"
    if kind == "days":
        return f"{value:.1f}"
    if isinstance(value, datetime):
        return f"{value:%Y-%m-%d %H:%M}"
    text = " ".join(str(value).split())
    return text if len(text) <= TEXT_WIDTH else text[:TEXT_WIDTH - 1] + "…"


def render_table(sheets: Sequence[Sheet]) -> str:
    """Each sheet as an aligned text table (numbers right-aligned) under its title."""
    blocks = []
    for sheet in sheets:
        kinds = [c.kind for c in sheet.columns]
        cells = [[c.title for c in sheet.columns],
                 *([cell_text(v, k) for v, k in zip(row, kinds, strict=True)]
                   for row in sheet.rows)]
        widths = [max(len(r[i]) for r in cells) for i in range(len(kinds))]
        lines = [sheet.title, "=" * len(sheet.title)]
        for n, row in enumerate(cells):
            lines.append("  ".join(
                v.rjust(w) if k != "text" else v.ljust(w)
                for v, w, k in zip(row, widths, kinds, strict=True)).rstrip())
            if n == 0:
                lines.append("  ".join("-" * w for w in widths))
        if not sheet.rows:
            lines.append("(nothing)")
        blocks.append("\n".join(lines))
    return "\n\n".join(blocks) + "\n"
