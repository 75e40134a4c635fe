"""`salesdesk import deals` and `salesdesk report pipeline`, run in-process through
salesdesk.cli.main on both backends (the full sample: test_import_deals.py)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from salesdesk import cli

HEADER = "opportunity_id,sales_agent,product,account,deal_stage,engage_date,close_date," \
         "close_value\n"
DEALS = HEADER + (
    "A1,Moses Frase,GTX Pro,Cancity,Won,2017-01-02,2017-03-01,4514.50\n"
    "A2,Moses Frase,GTXPro,,Engaging,2017-02-01,,\n"
    "A3,Moses Frase,MG Special,Cancity,Engaging,2017-02-03,,\n"
    "A4,Moses Frase,MG Special,Cancity,Lost,2017-02-03,2017-02-05,0\n"
    "A5,Moses Frase,GTX Pro,,Prospecting,,,\n")


@pytest.fixture
def db(workspace_url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> str:
    """A workspace holding one rep, one account and two products (no deals yet)."""
    files = {"team": "name,manager\nMoses Frase,\n", "accounts": "account\nCancity\n",
             "products": "product,sales_price\nGTX Pro,4821\nMG Special,55\n"}
    for kind, text in files.items():
        path = tmp_path / f"{kind}.csv"
        path.write_text(text)
        assert cli.main(["import", kind, str(path), "--db", workspace_url]) == 0
    capsys.readouterr()
    return workspace_url


def _deals_file(tmp_path: Path, text: str = DEALS) -> str:
    path = tmp_path / "sales_pipeline.csv"
    path.write_text(text)
    return str(path)


def test_import_deals_prints_the_report(db: str, tmp_path: Path,
                                        capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main(["import", "deals", _deals_file(tmp_path), "--db", db]) == 0
    out = capsys.readouterr().out.splitlines()

    assert out[0] == "sales_pipeline.csv: 5 created, 0 updated, 0 skipped"
    assert "  created deal A1" in out
    assert '  note: "GTXPro" read as product "GTX Pro" (1 row); alias added' in out
    assert "  note: 2 deals have no account; kept without one" in out

    assert cli.main(["import", "deals", _deals_file(tmp_path), "--db", db]) == 0
    again = capsys.readouterr().out.splitlines()
    assert again[0] == "sales_pipeline.csv: 0 created, 0 updated, 5 skipped"


def test_a_long_report_is_cut_but_its_counts_stay_whole(
        db: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    rows = "".join(f"B{i},Moses Frase,GTX Pro,Cancity,Engaging,2017-01-01,,\n"
                   for i in range(cli.SHOWN_PER_LIST + 5))
    assert cli.main(["import", "deals", _deals_file(tmp_path, HEADER + rows), "--db", db]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out[0].startswith(f"sales_pipeline.csv: {cli.SHOWN_PER_LIST + 5} created")
    assert sum(line.startswith("  created deal") for line in out) == cli.SHOWN_PER_LIST
    assert "  ... and 5 more created" in out


def test_a_bad_deals_file_is_refused_by_row_and_field(
        db: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bad = DEALS.replace("2017-03-01,4514.50", "2017-03-01,45x").replace("Prospecting",
                                                                       "Closing")
    assert cli.main(["import", "deals", _deals_file(tmp_path, bad), "--db", db]) == 1
    err = capsys.readouterr().err
    assert "nothing was imported, 2 problem(s)" in err
    assert "row 2, field 'close_value': '45x' is not a number" in err
    assert "row 6, field 'deal_stage': 'Closing' is not a stage" in err
    assert "Traceback" not in err

    assert cli.main(["report", "pipeline", "--json", "--db", db]) == 0
    report = json.loads(capsys.readouterr().out)
    assert (report["stages"], report["won"]["count"]) == ([], 0)  # not even the pipeline


def test_report_pipeline_json_and_table(db: str, tmp_path: Path,
                                        capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main(["import", "deals", _deals_file(tmp_path), "--db", db]) == 0
    capsys.readouterr()

    assert cli.main(["report", "pipeline", "--json", "--db", db]) == 0
    assert json.loads(capsys.readouterr().out) == {
        "stages": [
            {"stage": "Prospecting", "count": 1, "amount": "4821.00",
             "weighted_amount": "482.10"},
            {"stage": "Engaging", "count": 2, "amount": "4876.00",
             "weighted_amount": "1950.40"}],
        "won": {"count": 1, "amount": "4514.50"},
        "lost": {"count": 1, "amount": "55.00"}}

    assert cli.main(["report", "pipeline", "--db", db]) == 0
    table = capsys.readouterr().out.splitlines()
    assert table[0].split() == ["Stage", "Deals", "Amount", "Weighted"]
    assert table[1].split() == ["Prospecting", "1", "4,821.00", "482.10"]
    assert table[2].split() == ["Engaging", "2", "4,876.00", "1,950.40"]
    assert table[3].split() == ["Won", "1", "4,514.50"]
    assert table[4].split() == ["Lost", "1", "55.00"]


def test_report_pipeline_of_a_workspace_without_deals(db: str,
                                                      capsys: pytest.CaptureFixture[str]
                                                      ) -> None:
    assert cli.main(["report", "pipeline", "--json", "--db", db]) == 0
    assert json.loads(capsys.readouterr().out) == {
        "stages": [], "won": {"count": 0, "amount": "0.00"},
        "lost": {"count": 0, "amount": "0.00"}}
    assert cli.main(["report", "team", "--json", "--db", db]) == 0  # still there
    assert json.loads(capsys.readouterr().out)["members"][0]["name"] == "Moses Frase"


@pytest.mark.parametrize("text, shown", [("1234567.50", "1,234,567.50"), ("0.00", "0.00"),
                                         ("1234.125", "1,234.125")])
def test_table_amounts_are_grouped_and_never_rounded(text: str, shown: str) -> None:
    assert cli._money(text) == shown  # a weighted amount may carry sub-cent digits
