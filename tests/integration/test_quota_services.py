"""Quota plans, attainment and quota sheets on the sample company, on SQLite and
PostgreSQL: the demo's published 2017 plan, attainment per member, team and territory
checked against resources/sample read with the csv module, concurrent edits, and the
quota sheet's round trip (export, edit with openpyxl, preview, apply, undo), bad sheets
and stale sheets.

The sample is built once per backend for this module; each test works on its own copy
(a copied SQLite file, or a PostgreSQL database made from the sample's as a template).
"""

from __future__ import annotations

import csv
import shutil
import uuid
from collections import defaultdict
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook

from salesdesk.domain.errors import ConcurrentEditError, ConflictError
from salesdesk.domain.quota_sheet import QuotaSheetError
from salesdesk.domain.quotas import Metric, PlanStatus, member
from salesdesk.services import attainment as att
from salesdesk.services import quota_sheets as qs
from salesdesk.services import quotas as q
from salesdesk.storage.quota_sheets import PROP_WORKSPACE, WORKBOOKS
from salesdesk.storage.workspace import Workspace, open_workspace

SAMPLE = Path(__file__).resolve().parents[2] / "resources" / "sample"
D = Decimal
WON_2017 = D("10005534.00")


def sample_won() -> tuple[dict[str, Decimal], dict[str, Decimal]]:
    """Won in 2017 per rep and per regional office, from the sample CSVs."""
    office = {r["sales_agent"]: r["regional_office"]
              for r in csv.DictReader((SAMPLE / "sales_teams.csv").open(encoding="utf-8"))}
    reps: dict[str, Decimal] = defaultdict(lambda: D("0.00"))
    teams: dict[str, Decimal] = defaultdict(lambda: D("0.00"))
    for row in csv.DictReader((SAMPLE / "sales_pipeline.csv").open(encoding="utf-8")):
        if row["deal_stage"] == "Won" and row["close_date"].startswith("2017"):
            reps[row["sales_agent"]] += D(row["close_value"])
            teams[office[row["sales_agent"]]] += D(row["close_value"])
    return dict(reps), dict(teams)


@dataclass
class Template:
    backend: str
    target: str
    server: Any


@pytest.fixture(scope="module", params=["sqlite", pytest.param("postgresql",
                                                                marks=pytest.mark.postgres)])
def template(request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
             ) -> Iterator[Template]:
    """The sample company with its published 2017 plan, built once, then closed."""
    from salesdesk.services.demo import create_sample_company
    from salesdesk.storage.sample import sample_tables

    server = None
    if request.param == "sqlite":
        target = str(tmp_path_factory.mktemp("quota-sample") / "sample.sqlite")
    else:
        server = request.getfixturevalue("postgres_server")
        name = f"quota_sample_{uuid.uuid4().hex[:12]}"
        server.admin(f'CREATE DATABASE "{name}"')
        target = server.url_for(name)
    ws = open_workspace(target)
    try:
        create_sample_company(ws.uow, sample_tables())
    finally:
        ws.close()
    yield Template(request.param, target, server)
    if server is not None:
        server.admin(f'DROP DATABASE IF EXISTS "{target.rsplit("/", 1)[1]}" WITH (FORCE)')


@contextmanager
def clone(template: Template, folder: Path) -> Iterator[Workspace]:
    """A copy of the sample workspace: a copied file, or a database made from the
    template database (dropped afterwards)."""
    name = f"quota_{uuid.uuid4().hex[:12]}"
    if template.server is None:
        folder.mkdir(parents=True, exist_ok=True)
        target = str(folder / f"{name}.sqlite")
        shutil.copy(template.target, target)
    else:
        template.server.admin(f'CREATE DATABASE "{name}" TEMPLATE '
                              f'"{template.target.rsplit("/", 1)[1]}"')
        target = template.server.url_for(name)
    ws = open_workspace(target)
    try:
        yield ws
    finally:
        ws.close()
        if template.server is not None:
            template.server.admin(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.fixture
def demo(template: Template, tmp_path: Path) -> Iterator[Workspace]:
    """A copy of the sample workspace of this backend, for one test."""
    with clone(template, tmp_path / "demo") as ws:
        yield ws


def plan_2017(ws: Workspace) -> Any:
    plan = q.current_plan(ws.uow, 2017)
    assert plan is not None
    return plan


def reps_of(ws: Workspace) -> dict[str, Any]:
    with ws.uow() as uow:
        return {m.id: m for m in q.quota_members(uow)}


# --- the demo's plan and attainment ------------------------------------------------------
def test_the_demo_publishes_version_1_of_2017_with_every_rep_planned(demo: Workspace) -> None:
    [info] = q.versions(demo.uow)
    assert (info.year, info.plan_version, info.status) == (2017, 1, PlanStatus.PUBLISHED)
    plan = plan_2017(demo)
    reps = reps_of(demo)
    assert len(reps) == 35
    planned = {o.id for o in plan.owners() if o.kind == "member"}
    assert planned == set(reps)
    for rep_id in reps:
        months = plan.monthly(member(rep_id), Metric.REVENUE)
        assert len(months) == 12 and all(
            (member(rep_id), Metric.REVENUE, m) in plan.targets for m in months)
        assert sum(months.values()) > 0
    with demo.uow() as uow:
        teams = {t.id: t.name for t in uow.teams.list()}
    assert sorted(teams.values()) == ["Central", "East", "West"]
    # Reps who never won anything ramp in like new hires (25/50/75 % over Q1-Q3): the
    # teams' targets are un-ramped, so the gap is what ramping costs, and none by Q4.
    for team_id in teams:
        gaps = {g.period: g.gap for g in q.team_gaps(demo.uow, plan.id, team_id)}
        assert all(gap >= 0 for gap in gaps.values())
        assert gaps["2017-Q4"] == 0
    west = next(t for t, name in teams.items() if name == "West")
    assert {g.period: g.gap for g in q.team_gaps(demo.uow, plan.id, west)}["2017-Q1"] > 0


def test_attainment_of_2017_against_the_sample(demo: Workspace) -> None:
    view = att.attainment(demo.uow, "2017", as_of=date(2018, 1, 1))
    plan = plan_2017(demo)
    won_by_rep, won_by_team = sample_won()
    assert [(p.year, p.plan_version, p.status) for p in view.plans] == [
        (2017, 1, PlanStatus.PUBLISHED)]
    assert view.total.won == WON_2017 == sum(won_by_rep.values())
    assert won_by_team == {"Central": D("3346293"), "East": D("3090594"),
                           "West": D("3568647")}
    assert len(view.members) == 35  # managers closed nothing in the sample
    for line in view.members:
        months = plan.monthly(member(line.id or ""), Metric.REVENUE)
        assert line.quota == sum(months.values())
        assert line.won == won_by_rep.get(line.name, D("0.00"))
        assert line.attainment == (line.won / line.quota).quantize(D("0.0001"),
                                                                   rounding=ROUND_HALF_UP)
        assert line.figures.expected == line.quota  # the year is over
    assert {t.name: t.won for t in view.teams} == won_by_team
    for t in view.teams:
        assert t.quota == sum(m.quota for m in view.members if m.team == t.name)
    assert view.total.quota == sum(m.quota for m in view.members)

    with demo.uow() as uow:  # a territory counts its own reps and its sub-territories'
        live = uow.territories.list()
        names = {x.id: x.name for x in live}
        parent = {x.id: x.parent_id for x in live}
        assigned: dict[str, set[str]] = defaultdict(set)
        for a in uow.assignments.list():
            territory = a.territory_id
            while territory is not None:
                assigned[names[territory]].add(a.member_id)
                territory = parent[territory]
    assert assigned["Americas"] > assigned["Latin America"]
    members = {m.id: m for m in view.members}
    territories = {t.name: t for t in view.territories}
    assert set(territories) == set(assigned)
    for name, ids in assigned.items():
        quota = sum((members[i].quota for i in ids if i in members), D("0.00"))
        won = sum((members[i].won for i in ids if i in members), D("0.00"))
        assert (territories[name].quota, territories[name].won) == (quota, won)
    assert territories["Key accounts"].quota == 0  # managers only: no quota


def test_attainment_of_a_quarter_and_as_of_a_day(demo: Workspace) -> None:
    plan = plan_2017(demo)
    won_by_rep, _ = sample_won()
    q3 = att.attainment(demo.uow, "2017-Q3", as_of=date(2018, 1, 1))
    for line in q3.members:
        months = plan.monthly(member(line.id or ""), Metric.REVENUE)
        assert line.quota == sum(v for m, v in months.items() if 7 <= m.month <= 9)
    assert q3.total.won == sum(
        D(r["close_value"]) for r in csv.DictReader((SAMPLE / "sales_pipeline.csv").open())
        if r["deal_stage"] == "Won" and "2017-07-01" <= r["close_date"] <= "2017-09-30")
    mid = att.attainment(demo.uow, "2017", as_of=date(2017, 6, 30))
    assert mid.total.won == sum(
        D(r["close_value"]) for r in csv.DictReader((SAMPLE / "sales_pipeline.csv").open())
        if r["deal_stage"] == "Won" and r["close_date"] <= "2017-06-30")
    assert D(0) < mid.total.figures.expected < mid.total.quota


# --- edits ---------------------------------------------------------------------------------
def test_a_concurrent_edit_is_refused(demo: Workspace) -> None:
    draft = q.new_draft(demo.uow, plan_2017(demo).id)
    rep = next(iter(reps_of(demo)))
    cell = ("member", rep, "revenue", date(2017, 5, 1))
    with demo.uow() as mine, demo.uow() as theirs:
        a, b = mine.quota_plans.get(draft.plan_id), theirs.quota_plans.get(draft.plan_id)
        a.set_target(member(rep), Metric.REVENUE, date(2017, 5, 1), D("111.00"))
        mine.quota_plans.save(a)
        mine.commit()
        b.set_target(member(rep), Metric.REVENUE, date(2017, 5, 1), D("222.00"))
        with pytest.raises(ConcurrentEditError):
            theirs.quota_plans.save(b)
    with pytest.raises(ConflictError):  # a copy read before that edit
        q.set_targets(demo.uow, draft.plan_id, [(*cell, D("333.00"))],
                      expected=draft.version)
    stored = q.load(demo.uow, draft.plan_id)
    assert stored.monthly(member(rep), "revenue")[date(2017, 5, 1)] == D("111.00")
    assert stored.version == draft.version + 1


def test_drafts_publish_and_remove_on_storage(demo: Workspace) -> None:
    v1 = plan_2017(demo)
    draft = q.new_draft(demo.uow, v1.id)
    rep = next(iter(reps_of(demo)))
    done = q.set_targets(demo.uow, draft.plan_id,
                         [("member", rep, "revenue", date(2017, 1, 1), D("12345.67")),
                          ("member", rep, "activities", date(2017, 1, 1), 40)])
    stored = q.load(demo.uow, draft.plan_id)
    assert stored.monthly(member(rep), "revenue")[date(2017, 1, 1)] == D("12345.67")
    assert stored.monthly(member(rep), "activities")[date(2017, 1, 1)] == 40
    assert [(c.key[1], c.new) for c in q.diff(demo.uow, v1.id, draft.plan_id)] == [
        (Metric.ACTIVITIES, 40), (Metric.REVENUE, D("12345.67"))]
    q.set_targets(demo.uow, draft.plan_id, done.previous)
    assert q.load(demo.uow, draft.plan_id).targets == v1.targets
    q.publish(demo.uow, draft.plan_id)
    assert plan_2017(demo).plan_version == 2
    assert [v.plan_version for v in q.versions(demo.uow, 2017)] == [2, 1]


# --- quota sheets ----------------------------------------------------------------------------
def export(ws: Workspace, folder: Path, year: int = 2017) -> Path:
    return qs.export_quotas(ws.uow, WORKBOOKS, year, folder / f"quotas-{year}.xlsx").path


def edit(path: Path, change: Callable[[Any], None]) -> Path:
    wb = load_workbook(path)
    change(wb)
    wb.save(path)
    return path


def state(ws: Workspace) -> list[tuple[int, int, str, int]]:
    return [(v.year, v.plan_version, str(v.status), v.version) for v in q.versions(ws.uow)]


def test_export_preview_edit_apply_and_undo(demo: Workspace, tmp_path: Path) -> None:
    v1 = plan_2017(demo)
    path = export(demo, tmp_path)
    preview = qs.preview_quota_import(demo.uow, WORKBOOKS, path)
    assert preview.unchanged and (preview.year, preview.exported_version) == (2017, 1)
    wb = load_workbook(path)
    first, second = wb["East"]["B5"].value, wb["West"]["B7"].value
    old_d5, old_n7 = D(str(wb["East"]["D5"].value)), D(str(wb["West"]["N7"].value))

    def change(book: Any) -> None:
        book["East"]["D5"] = 5000
        book["West"]["N7"] = 123456.78

    edit(path, change)
    preview = qs.preview_quota_import(demo.uow, WORKBOOKS, path)
    assert [(c.sheet, c.cell, c.member, c.month, c.old, c.new) for c in preview.changes] == [
        ("East", "D5", first, "2017-02", old_d5.quantize(D("0.01")), D("5000.00")),
        ("West", "N7", second, "2017-12", old_n7.quantize(D("0.01")), D("123456.78"))]
    assert state(demo) == [(2017, 1, "published", 1)]  # a preview changes nothing

    applied = qs.apply_quota_import(demo.uow, preview)
    assert applied is not None and applied.plan_version == 2
    v2 = q.load(demo.uow, applied.plan_id)
    assert v2.status is PlanStatus.DRAFT and v2.note == "Imported from quotas-2017.xlsx: " \
                                                        "2 cells changed"
    ids = {c.month: c.member_id for c in preview.changes}
    assert {(c.key[0].id, c.key[2], c.old, c.new) for c in q.diff(demo.uow, v1.id, v2.id)} == {
        (ids["2017-02"], date(2017, 2, 1), old_d5, D("5000.00")),
        (ids["2017-12"], date(2017, 12, 1), old_n7, D("123456.78"))}
    assert plan_2017(demo).id == v1.id  # the published version stays in force
    again = qs.preview_quota_import(demo.uow, WORKBOOKS, path)
    assert again.unchanged  # version 2 holds these edits already

    q.remove_version(demo.uow, v2.id)
    assert state(demo) == [(2017, 1, "published", 1)]
    assert qs.preview_quota_import(demo.uow, WORKBOOKS, path).changes == preview.changes


def test_import_can_publish(demo: Workspace, tmp_path: Path) -> None:
    path = edit(export(demo, tmp_path), lambda wb: wb["Central"].__setitem__("C5", 1))
    applied = qs.apply_quota_import(
        demo.uow, qs.preview_quota_import(demo.uow, WORKBOOKS, path), publish=True)
    assert applied is not None
    assert (plan_2017(demo).plan_version, plan_2017(demo).status) == (2, PlanStatus.PUBLISHED)


def _swap_columns(wb: Any) -> None:
    """February and March change places, values and headers."""
    ws = wb["Central"]
    for row in range(1, ws.max_row + 1):
        ws.cell(row, 4).value, ws.cell(row, 5).value = ws.cell(row, 5).value, ws.cell(
            row, 4).value


def _hide_row(wb: Any) -> None:
    wb["East"].row_dimensions[6].hidden = True


def _other_workspace(wb: Any) -> None:
    for prop in wb.custom_doc_props:
        if prop.name == PROP_WORKSPACE:
            prop.value = "another-workspace"


BAD_SHEETS: dict[str, tuple[Callable[[Any], None], list[str]]] = {
    "moved column": (_swap_columns, [
        "Sheet 'Central', cell D4: expected the column '2017-02', found '2017-03' (columns "
        "must not be moved or renamed)",
        "Sheet 'Central', cell E4: expected the column '2017-03', found '2017-02' (columns "
        "must not be moved or renamed)"]),
    "renamed column": (lambda wb: wb["West"].__setitem__("E4", "March"), [
        "Sheet 'West', cell E4: expected the column '2017-03', found 'March' (columns must "
        "not be moved or renamed)"]),
    "renamed sheet": (lambda wb: setattr(wb["East"], "title", "East team"), [
        "Sheet 'East': the sheet is missing (found 'East team': was it renamed?)"]),
    "text in a number cell": (lambda wb: wb["East"].__setitem__("F6", "n/a"), [
        "Sheet 'East', cell F6: 'n/a' is not a number"]),
    "negative number": (lambda wb: wb["East"].__setitem__("F6", -10), [
        "Sheet 'East', cell F6: -10.00 is negative; a quota must be zero or more"]),
    "formula typed": (lambda wb: wb["West"].__setitem__("G5", "=F5*1.1"), [
        "Sheet 'West', cell G5: formulas are not accepted in quota cells (found '=F5*1.1'); "
        "type a number"]),
    "hidden row": (_hide_row, [
        "Sheet 'East', cell A6: row 6 is hidden; unhide it and import again"]),
    "merged cells": (lambda wb: wb["Central"].merge_cells("D6:E6"), [
        "Sheet 'Central', cell D6:E6: merged cells are not allowed in the quota table; "
        "unmerge them and import again"]),
    "another workspace": (_other_workspace, [
        "this quota sheet comes from another workspace (another-workspace); import it into "
        "the workspace it came from"]),
}


@pytest.mark.parametrize("case", list(BAD_SHEETS))
def test_bad_sheets_are_refused_naming_sheet_and_cell(demo: Workspace, tmp_path: Path,
                                                      case: str) -> None:
    change, expected = BAD_SHEETS[case]
    path = export(demo, tmp_path)
    edit(path, lambda wb: wb["East"].__setitem__("C5", 1))  # a good edit beside the bad
    edit(path, change)
    before = state(demo)
    with pytest.raises(QuotaSheetError) as refused:
        qs.preview_quota_import(demo.uow, WORKBOOKS, path)
    assert [str(p) for p in refused.value.problems] == expected
    assert state(demo) == before


def test_a_sheet_from_another_workspace_is_refused(demo: Workspace, template: Template,
                                                  tmp_path: Path) -> None:
    """Exported from one copy of the sample (same plans, same members), imported into
    another: each workspace has its own id."""
    path = export(demo, tmp_path)
    with clone(template, tmp_path / "other") as other:
        before = state(other)
        with pytest.raises(QuotaSheetError, match="comes from another workspace"):
            qs.preview_quota_import(other.uow, WORKBOOKS, path)
        assert state(other) == before


def test_a_sheet_for_another_plan_year_is_refused(demo: Workspace, tmp_path: Path) -> None:
    q.create_plan(demo.uow, 2018, base_year=2017)
    path = export(demo, tmp_path, 2018)
    before = state(demo)
    with pytest.raises(QuotaSheetError) as refused:
        qs.preview_quota_import(demo.uow, WORKBOOKS, path, year=2017)
    assert [str(p) for p in refused.value.problems] == [
        "this quota sheet is for the 2018 plan, not 2017"]
    assert state(demo) == before


def test_a_stale_sheet_is_refused_as_a_conflict(demo: Workspace, tmp_path: Path) -> None:
    v1 = plan_2017(demo)
    path = export(demo, tmp_path)  # version 1
    wb = load_workbook(path)
    rep, name = wb["East"]["A5"].value, wb["East"]["B5"].value
    old = D(str(wb["East"]["E5"].value)).quantize(D("0.01"))
    v2 = q.new_draft(demo.uow, v1.id)
    q.set_targets(demo.uow, v2.plan_id, [("member", rep, "revenue", date(2017, 3, 1),
                                          D("7777.00"))])
    edit(path, lambda book: book["East"].__setitem__("E5", 9999))
    before = state(demo)
    with pytest.raises(QuotaSheetError) as refused:
        qs.preview_quota_import(demo.uow, WORKBOOKS, path)
    assert [str(p) for p in refused.value.problems] == [
        f"Sheet 'East', cell E5: {name}, 2017-03: the plan changed from {old} to 7777.00 in "
        "version 2 since this sheet was exported (version 1); export again and redo this "
        "edit"]
    assert state(demo) == before
    # another cell of the same stale sheet is no conflict: it lands on top of version 2
    edit(path, lambda book: (book["East"].__setitem__("E5", float(old)),
                             book["East"].__setitem__("F5", 1234)))
    preview = qs.preview_quota_import(demo.uow, WORKBOOKS, path)
    assert [(c.cell, c.new) for c in preview.changes] == [("F5", D("1234.00"))]
    assert preview.latest_version == 2
    v3 = qs.apply_quota_import(demo.uow, preview)
    assert v3 is not None and v3.plan_version == 3
    stored = q.load(demo.uow, v3.plan_id).monthly(member(rep), "revenue")
    assert (stored[date(2017, 3, 1)], stored[date(2017, 4, 1)]) == (D("7777.00"),
                                                                    D("1234.00"))
