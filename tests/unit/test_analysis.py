"""The analysis reports' pure parts: ranking, cycle statistics, drop-off, the CSV/XLSX
writers and the `report` command's options and text table. No database."""

from __future__ import annotations

import argparse
import io
import statistics
import subprocess
import sys
from collections import Counter
from decimal import Decimal
from fractions import Fraction
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from salesdesk import cli_reports
from salesdesk.domain import analysis
from salesdesk.domain.errors import ValidationError
from salesdesk.storage import analysis_queries as aq
from salesdesk.storage import report_export as rx
from salesdesk.storage.analysis_rows import MetricsRow


def row(key: str, *, won: int = 0, lost: int = 0, amount: str = "0.00",
        cycle: float | None = None, done: int = 0) -> MetricsRow:
    return MetricsRow(key, won, lost, 0, won / (won + lost) if won + lost else None,
                      Decimal(amount), None, cycle, cycle, None, done, done, 0)


# --- leaderboard ranking --------------------------------------------------------------
def test_rank_best_first_ties_share_a_rank_and_unknowns_come_last() -> None:
    rows = [row("Cy", amount="50.00"), row("Al", amount="90.00"), row("Bo", amount="50.00"),
            row(aq.TOTAL, amount="190.00"), row("(no owner)", amount="0.00")]
    assert [(r.rank, r.key) for r in aq.rank(rows, "won_amount")] == [
        (1, "Al"), (2, "Bo"), (2, "Cy"), (4, "(no owner)")]
    cycles = [row("Al", cycle=30.0), row("Bo", cycle=12.5), row("Cy")]
    assert [(r.rank, r.key, r.value) for r in aq.rank(cycles, "cycle_days")] == [
        (1, "Bo", 12.5), (2, "Al", 30.0), (3, "Cy", None)]


def test_rank_refuses_an_unknown_metric() -> None:
    with pytest.raises(ValidationError, match="not a metric"):
        aq.rank([row("Al")], "charm")


@given(st.lists(st.integers(0, 5), min_size=1, max_size=12))
def test_rank_is_one_plus_the_rows_strictly_better(values: list[int]) -> None:
    rows = [row(f"k{i:02d}", done=v) for i, v in enumerate(values)]
    ranked = aq.rank(rows, "activities")
    assert [r.value for r in ranked] == sorted(values, reverse=True)
    for r in ranked:
        assert r.rank == 1 + sum(v > r.value for v in values)


# --- cycle length from counts per length ----------------------------------------------
@given(st.lists(st.integers(0, 400), min_size=1, max_size=60))
def test_cycle_mean_and_median_from_counts(days: list[int]) -> None:
    counts = Counter(days)
    assert analysis.mean_of_counts(counts) == Fraction(sum(days), len(days))
    assert float(analysis.median_of_counts(counts) or 0) == statistics.median(days)


def test_no_won_deal_has_no_cycle() -> None:
    assert analysis.mean_of_counts(Counter()) is None
    assert analysis.median_of_counts(Counter()) is None


def test_velocity_is_exact_until_the_cent() -> None:
    # 2 open x 3/5 won x 230.00/3 average / 46 days mean = 2.00 a day
    mean = analysis.mean_of_counts(Counter([20, 50, 68]))
    assert analysis.velocity(2, 3, 2, 23000, mean) == Decimal("2.00")
    assert analysis.velocity(0, 1, 0, 0, Fraction(0)) is None  # same-day wins


def test_drop_off_between_consecutive_stages() -> None:
    order = [("Lead", "open"), ("Demo", "open"), ("Won", "won"), ("Lost", "lost")]
    reaches = aq._reaches(order, {"Lead": 10, "Demo": 4, "Won": 1, "Lost": 6})
    assert [(s.stage, s.reached, s.dropped) for s in reaches] == [
        ("Lead", 10, 6), ("Demo", 4, 3), ("Won", 1, None), ("Lost", 6, None)]
    assert reaches[0].drop_rate == 0.6 and reaches[2].drop_rate is None


# --- CSV and XLSX ---------------------------------------------------------------------
SHEET = rx.Sheet("Funnel", (rx.Column("key"), rx.Column("won_amount", "money"),
                            rx.Column("win_rate", "rate")),
                 (("=1+1", Decimal("-5.00"), 0.5), ("@SUM(A1)", None, None),
                  ("Ann", Decimal("1234.50"), 1.0)))


def test_csv_neutralises_formula_text_and_keeps_numbers_exact() -> None:
    out = io.StringIO()
    rx.write_csv([SHEET], out)
    assert out.getvalue().splitlines() == [
        "key,won_amount,win_rate", "'=1+1,-5.00,0.5", "'@SUM(A1),,", "Ann,1234.50,1.0"]


def test_csv_with_several_sheets_titles_each() -> None:
    out = io.StringIO()
    rx.write_csv([SHEET, rx.Sheet("Notes", (rx.Column("note"),), (("+ok",),))], out)
    lines = out.getvalue().splitlines()
    assert lines[0] == "Funnel" and lines[5] == "" and lines[6:] == ["Notes", "note", "'+ok"]


def test_sheet_titles_excel_accepts() -> None:
    taken: set[str] = set()
    assert rx.sheet_title("Win/loss: [Q1]", taken) == "Win loss Q1"
    assert rx.sheet_title("Win/loss: [Q1]", taken) == "Win loss Q1 2"
    assert len(rx.sheet_title("x" * 40, taken)) == 31


def test_xlsx_has_a_frozen_header_number_formats_and_no_formulas(tmp_path: Path) -> None:
    from openpyxl import load_workbook

    path = tmp_path / "r.xlsx"
    rx.save_xlsx([SHEET], path)
    ws = load_workbook(path)["Funnel"]
    assert ws.freeze_panes == "A2" and [c.value for c in ws[1]] == ["key", "won_amount",
                                                                     "win_rate"]
    formula = ws["A2"]
    assert (formula.value, formula.data_type, formula.quotePrefix) == ("=1+1", "s", True)
    assert ws["B2"].value == -5 and ws["B2"].number_format == "#,##0.00"
    assert ws["C4"].value == 1 and ws["C4"].number_format == "0.0%"


# --- the command ----------------------------------------------------------------------
def parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser()
    p.add_argument("kind")
    p.add_argument("--db")
    cli_reports.add_report_arguments(p)
    return p


def test_the_command_offers_what_the_queries_know() -> None:
    assert cli_reports.DIMENSIONS == aq.DIMENSIONS


def test_options_another_report_added_are_shared() -> None:
    p = argparse.ArgumentParser()
    p.add_argument("--period")
    p.add_argument("--format", choices=("json", "table"))
    cli_reports.add_report_arguments(p)
    cli_reports.add_report_arguments(p)  # no "conflicting option" error
    args = p.parse_args(["--by", "team", "--metric", "velocity", "--period", "2017"])
    assert (args.by, args.metric, args.period) == ("team", "velocity", "2017")


def test_other_kinds_are_left_to_the_caller() -> None:
    assert cli_reports.run_report(parser().parse_args(["forecast"])) is None
    assert cli_reports.run_report(parser().parse_args(["team"])) is None


def test_xlsx_needs_a_file() -> None:
    with pytest.raises(ValidationError, match="--out"):
        cli_reports.run_report(parser().parse_args(["funnel", "--format", "xlsx"]))


def test_text_table_aligns_numbers_right() -> None:
    text = cli_reports.render_table([SHEET])
    assert text.splitlines() == [
        "Funnel",
        "======",
        "key       won_amount  win_rate",
        "--------  ----------  --------",
        "=1+1           -5.00    50.0 %",
        "@SUM(A1)           -         -",
        "Ann         1,234.50   100.0 %",
    ]


def test_long_text_is_cut_in_the_table_only() -> None:
    assert cli_reports.cell_text("x" * 100, "text") == "x" * 59 + "…"
    assert cli_reports.cell_text(12.345, "days") == "12.3"


def test_building_the_parser_loads_neither_sqlalchemy_nor_openpyxl() -> None:
    code = ("import sys, argparse, salesdesk.cli_reports as c; "
            "c.add_report_arguments(argparse.ArgumentParser()); "
            "print('sqlalchemy' in sys.modules, 'openpyxl' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         check=True, timeout=60).stdout
    assert out.split() == ["False", "False"]
