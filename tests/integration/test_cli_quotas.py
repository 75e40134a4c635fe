"""`salesdesk export quotas`, `import quotas`, `report attainment` and `quotas ...` end to
end on the sample company: through cli.main in this process (output captured), and in a
subprocess where the point is that a user sees one clear line and never a traceback."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from openpyxl import load_workbook

from salesdesk.cli import main
from salesdesk.services import attainment as att
from salesdesk.storage.workspace import open_workspace

D = Decimal


@pytest.fixture(scope="module")
def sample_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    db = tmp_path_factory.mktemp("cli-quotas") / "sample.sqlite"
    assert main(["demo", "--db", str(db)]) == 0
    return db


@pytest.fixture
def db(sample_db: Path, tmp_path: Path) -> str:
    """A copy of the sample workspace for one test."""
    target = tmp_path / "demo.sqlite"
    shutil.copy(sample_db, target)
    return str(target)


def cli(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    capsys.readouterr()
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def service_view(db: str, period: str, as_of: date | None = None) -> att.AttainmentView:
    ws = open_workspace(db, create=False)
    try:
        return att.attainment(ws.uow, period, as_of)
    finally:
        ws.close()


# --- report attainment --------------------------------------------------------------------
def test_report_attainment_json_is_the_services_figures(db: str,
                                                        capsys: pytest.CaptureFixture[str]
                                                        ) -> None:
    code, out, err = cli(capsys, "report", "attainment", "--db", db, "--period", "2017",
                         "--json")
    assert code == 0, err
    data = json.loads(out)
    assert list(data) == ["rows"]
    rows = data["rows"]
    assert len(rows) == 35
    assert all({"member", "team", "quota", "won_amount", "attainment"} <= set(r) for r in rows)
    view = service_view(db, "2017")
    assert [(r["member"], r["team"], r["quota"], r["won_amount"], r["attainment"])
            for r in rows] == [
        (m.name, m.team, str(m.quota), str(m.won),
         None if m.attainment is None else float(m.attainment)) for m in view.members]
    assert sum(D(r["won_amount"]) for r in rows) == D("10005534.00")
    assert all(isinstance(r["quota"], str) and r["quota"].count(".") == 1
               and len(r["quota"].split(".")[1]) == 2 for r in rows)
    anna = next(r for r in rows if r["member"] == "Anna Snelling")
    assert (anna["team"], anna["won_amount"]) == ("Central", "275056.00")
    assert isinstance(anna["attainment"], float) and anna["attainment"] == float(
        (D(anna["won_amount"]) / D(anna["quota"])).quantize(D("0.0001")))
    assert '"attainment": 0.' in out  # a JSON number, not a string


def test_report_attainment_as_of_a_day_and_a_quarter(db: str,
                                                     capsys: pytest.CaptureFixture[str]
                                                     ) -> None:
    code, out, err = cli(capsys, "report", "attainment", "--db", db, "--period", "2017-Q3",
                         "--as-of", "2017-08-15", "--format", "json")
    assert code == 0, err
    view = service_view(db, "2017-Q3", date(2017, 8, 15))
    rows = json.loads(out)["rows"]
    assert [(r["member"], r["won_amount"], r["expected"], r["pace"]) for r in rows] == [
        (m.name, str(m.won), str(m.figures.expected),
         None if m.figures.pace is None else float(m.figures.pace)) for m in view.members]
    assert D(0) < sum(D(r["won_amount"]) for r in rows) < view.total.quota


def test_report_attainment_table_csv_and_xlsx(db: str, tmp_path: Path,
                                              capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = cli(capsys, "report", "attainment", "--db", db, "--period", "2017")
    assert code == 0, err
    lines = out.splitlines()
    assert lines[0].startswith("Attainment 2017 (2017-01-01 to 2017-12-31), pace as of ")
    assert "plan 2017 version 1 (published); amounts in EUR" in lines[0]
    anna = next(x for x in lines if x.startswith("Anna Snelling"))
    assert "Central" in anna and "276,900.00" in anna and "275,056.00" in anna
    total = lines[lines.index("Total") + 4]  # the title, its rule, the header and its rule
    assert total.split()[:3] == ["Total", "11,100,903.85", "10,005,534.00"]
    assert "Teams" in lines and "Territories" in lines
    territory = lines[lines.index("Territories") + 2]
    assert territory.startswith("Territory ") and territory.rstrip().endswith("Coverage x")

    code, out, _ = cli(capsys, "report", "attainment", "--db", db, "--period", "2017-07",
                       "--format", "csv")
    assert code == 0 and out.startswith("Members\r\nMember,Team,Quota,Won,Attainment,")
    xlsx = tmp_path / "attainment.xlsx"
    code, out, _ = cli(capsys, "report", "attainment", "--db", db, "--period", "2017",
                       "--format", "xlsx", "--out", str(xlsx))
    assert code == 0 and out == f"Wrote {xlsx}\n"
    assert load_workbook(xlsx).sheetnames == ["Members", "Teams", "Territories", "Total"]


@pytest.mark.parametrize(("args", "message"), [
    (("--period", "last year"), "'last year' is not a period"),
    ((), "say which period: --period 2017, 2017-Q3 or 2017-07"),
    (("--period", "2017", "--as-of", "15/08/2017"), "'15/08/2017' is not a day"),
    (("--period", "2017", "--format", "xlsx"), "an Excel workbook needs a file"),
])
def test_report_attainment_mistakes_are_one_line(db: str, capsys: pytest.CaptureFixture[str],
                                                 args: tuple[str, ...], message: str) -> None:
    code, out, err = cli(capsys, "report", "attainment", "--db", db, *args)
    assert code == 1 and out == ""
    assert err.startswith("salesdesk: error: ") and message in err
    assert err.count("\n") == 1


def test_report_attainment_without_a_plan_says_so(db: str,
                                                  capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = cli(capsys, "report", "attainment", "--db", db, "--period", "2016",
                         "--json")
    assert code == 0
    assert "no quota plan covers 2016" in err
    assert all(r["quota"] == "0.00" and r["attainment"] is None
               for r in json.loads(out)["rows"])


# --- export and import ----------------------------------------------------------------------
def test_export_edit_import_list_and_undo(db: str, tmp_path: Path,
                                          capsys: pytest.CaptureFixture[str]) -> None:
    sheet = tmp_path / "quotas.xlsx"
    code, out, err = cli(capsys, "export", "quotas", "--year", "2017", "--out", str(sheet),
                         "--db", db)
    assert code == 0, err
    assert out == (f"Wrote {sheet}: quota plan 2017, version 1, 35 members in 3 teams, "
                   "closed won to 2017-12-31\n")
    code, out, _ = cli(capsys, "import", "quotas", str(sheet), "--db", db)
    assert (code, out) == (0, "quotas.xlsx: no change (quota plan 2017, version 1)\n")

    wb = load_workbook(sheet)
    east, west = wb["East"], wb["West"]
    old_d5, old_h6 = D(str(east["D5"].value)), D(str(west["H6"].value))
    east["D5"], west["H6"] = 5000, 61234.5
    wb.save(sheet)
    code, out, err = cli(capsys, "import", "quotas", str(sheet), "--db", db)
    assert code == 0, err
    assert out.splitlines() == [
        f"East!D5 {east['B5'].value} 2017-02: {old_d5:,.2f} -> 5,000.00",
        f"West!H6 {west['B6'].value} 2017-06: {old_h6:,.2f} -> 61,234.50",
        "Quota plan 2017, version 2 (draft): 2 cells changed. Undo: salesdesk quotas remove "
        "2017 2"]
    code, out, _ = cli(capsys, "quotas", "list", "--db", db)
    assert [line.split()[:3] for line in out.splitlines()[1:]] == [
        ["2017", "2", "draft"], ["2017", "1", "published"]]
    assert "Imported from quotas.xlsx: 2 cells changed" in out
    code, out, _ = cli(capsys, "import", "quotas", str(sheet), "--db", db)
    assert (code, out) == (0, "quotas.xlsx: no change (quota plan 2017, version 1)\n")

    code, out, _ = cli(capsys, "quotas", "remove", "2017", "2", "--db", db)
    assert (code, out) == (0, "Quota plan 2017, version 2 removed\n")
    code, out, _ = cli(capsys, "quotas", "list", "2017", "--db", db)
    assert len(out.splitlines()) == 2

    code, out, _ = cli(capsys, "import", "quotas", str(sheet), "--publish", "--db", db)
    assert code == 0 and out.splitlines()[-1].startswith(
        "Quota plan 2017, version 2 (published): 2 cells changed.")
    code, out, _ = cli(capsys, "report", "attainment", "--period", "2017-02", "--json",
                       "--db", db)
    rows = {r["member"]: r for r in json.loads(out)["rows"]}
    assert rows[east["B5"].value]["quota"] == "5000.00"  # version 2 is in force now


def test_a_refused_sheet_lists_every_problem_and_applies_nothing(
        db: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    sheet = tmp_path / "bad.xlsx"
    assert cli(capsys, "export", "quotas", "--year", "2017", "--out", str(sheet),
               "--db", db)[0] == 0
    wb = load_workbook(sheet)
    wb["East"]["E6"] = "lots"
    wb["West"]["F7"] = "=E7*2"
    wb["Central"]["C5"] = 10  # a good edit: refused with the rest
    wb["Central"].row_dimensions[9].hidden = True
    wb.save(sheet)
    before = cli(capsys, "quotas", "list", "--db", db)[1]
    code, out, err = cli(capsys, "import", "quotas", str(sheet), "--db", db)
    assert (code, out) == (1, "")
    assert err.splitlines() == [
        "salesdesk: error: bad.xlsx was refused, nothing was applied (3 problems):",
        "  Sheet 'Central', cell A9: row 9 is hidden; unhide it and import again",
        "  Sheet 'East', cell E6: 'lots' is not a number",
        "  Sheet 'West', cell F7: formulas are not accepted in quota cells (found '=E7*2'); "
        "type a number"]
    assert cli(capsys, "quotas", "list", "--db", db)[1] == before


@pytest.mark.parametrize(("args", "message"), [
    (("export", "quotas", "--year", "2019", "--out", "x.xlsx"),
     "there is no 2019 quota plan; create one first"),
    (("export", "quotas", "--year", "2017", "--out", "x.csv"),
     "the quota sheet is an Excel workbook: name it x.xlsx"),
    (("export", "quotas", "--year", "2017", "--period", "2018-Q1", "--out", "x.xlsx"),
     "2018-Q1 is not inside fiscal year 2017"),
    (("import", "quotas", "nope.xlsx"), "nope.xlsx does not exist"),
    (("import", "team", "x.csv", "--publish"), "--publish applies to `import quotas` only"),
    (("quotas", "publish", "2017", "1"), "version 1 is published already"),
    (("quotas", "publish", "2017", "7"), "the 2017 plan has no version 7"),
    (("quotas", "remove", "2017", "1"), "published and is kept"),
    (("quotas", "create", "2017"), "the 2017 plan exists already"),
    (("quotas", "create", "2018", "--growth", "lots"), "'lots' is not a growth rate"),
])
def test_quota_command_mistakes_are_one_line(db: str, tmp_path: Path, args: tuple[str, ...],
                                             message: str, monkeypatch: pytest.MonkeyPatch,
                                             capsys: pytest.CaptureFixture[str]) -> None:
    monkeypatch.chdir(tmp_path)
    code, out, err = cli(capsys, *args, "--db", db)
    assert (code, out) == (1, "")
    assert err.startswith("salesdesk: error: ") and message in err
    assert err.count("\n") == 1 and "Traceback" not in err


def test_quotas_create_publish_and_list(db: str, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = cli(capsys, "quotas", "create", "2018", "--growth", "10%", "--db", db)
    assert code == 0, err
    assert out.startswith("Quota plan 2018, version 1 created (draft): 35 members, total "
                          "quota ")
    assert out.rstrip().endswith("Proposed from the FY2017 run rate, growth 10 %")
    total = D(out.split("total quota ")[1].split(";")[0].replace(",", ""))
    assert D("11000000") < total < D("13500000")  # about 2017's 10.0 M won, plus 10 %
    assert cli(capsys, "quotas", "publish", "2018", "1", "--db", db)[1] == \
        "Quota plan 2018, version 1 published\n"
    code, out, _ = cli(capsys, "quotas", "create", "2019", "--empty", "--db", db)
    assert out == "Quota plan 2019, version 1 created (draft): 0 members, total quota 0.00\n"
    code, out, _ = cli(capsys, "quotas", "list", "--db", db)
    assert [line.split()[:3] for line in out.splitlines()[1:]] == [
        ["2019", "1", "draft"], ["2018", "1", "published"], ["2017", "1", "published"]]


def test_in_a_subprocess_errors_are_one_line_without_traceback(db: str, tmp_path: Path
                                                               ) -> None:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    bad = tmp_path / "not-a-workbook.xlsx"
    bad.write_text("hello")
    nowhere = tmp_path / "no such folder" / "quotas.xlsx"
    for args in (["import", "quotas", str(bad)], ["report", "attainment", "--period", "Q9"],
                 ["quotas", "publish", "2017", "1"],
                 ["export", "quotas", "--year", "2017", "--out", str(nowhere)]):
        result = subprocess.run([sys.executable, "-m", "salesdesk", *args, "--db", db],
                                capture_output=True, text=True, env=env, timeout=300)
        assert result.returncode == 1, result.stderr
        assert result.stderr.startswith("salesdesk: error: ")
        assert "Traceback" not in result.stderr + result.stdout
    ok = subprocess.run([sys.executable, "-m", "salesdesk", "report", "attainment", "--period",
                         "2017", "--json", "--db", db], capture_output=True, text=True,
                        env=env, timeout=300)
    assert ok.returncode == 0 and len(json.loads(ok.stdout)["rows"]) == 35
