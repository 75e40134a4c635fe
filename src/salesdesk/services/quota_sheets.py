"""Quota sheets that go out as Excel workbooks and come back edited.

export_quotas writes the year's plan in force (storage.quota_sheets has the layout);
preview_quota_import checks an edited workbook against the version it was exported from
and lists every changed cell (old -> new) without touching the workspace;
apply_quota_import turns those changes into a new draft version of the plan, undone by
services.quotas.remove_version. An unchanged workbook changes nothing.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path
from typing import NoReturn, Protocol

from salesdesk.domain.errors import NotFoundError, ValidationError
from salesdesk.domain.periods import PeriodKind, children, parse_period
from salesdesk.domain.quota_sheet import (
    MemberQuotas,
    QuotaCellChange,
    QuotaSheetChanges,
    QuotaSheetData,
    QuotaSheetError,
    SheetIdentity,
    SheetProblem,
    TeamQuotas,
)
from salesdesk.domain.quotas import Metric, QuotaPlan, member
from salesdesk.services.quotas import (
    PlanChange,
    current_plan_id,
    quota_members,
)
from salesdesk.services.unit_of_work import UnitOfWork, UnitOfWorkFactory
from salesdesk.services.workspace_settings import currency_of, fiscal_start_month, workspace_id

ZERO = Decimal("0.00")
NO_TEAM = "No team"


class Workbooks(Protocol):
    """Quota workbook files (storage.quota_sheets.WORKBOOKS in the app)."""

    def write(self, path: Path | str, data: QuotaSheetData) -> Path: ...

    def read(self, path: Path | str, expected: QuotaSheetData) -> QuotaSheetChanges:
        """The changed quota cells; raises QuotaSheetError naming every sheet and cell."""
        ...

    def identity(self, path: Path | str) -> SheetIdentity: ...


@dataclass(frozen=True)
class ExportResult:
    path: Path
    year: int
    plan_version: int
    members: int
    teams: int
    won_through: date
    """Closed won is counted up to the day before this one."""


@dataclass(frozen=True)
class QuotaImport:
    """What an edited workbook would change, checked and not applied yet."""

    path: Path
    plan_id: str
    """The version the workbook was exported from."""
    year: int
    exported_version: int
    latest_version: int
    changes: tuple[QuotaCellChange, ...]

    @property
    def unchanged(self) -> bool:
        return not self.changes


# --- export --------------------------------------------------------------------------


def sheet_data(uow: UnitOfWork, plan: QuotaPlan, won_before: date | None = None
               ) -> QuotaSheetData:
    """The workbook's content for one plan version: a row per rep, grouped by team (reps
    without a team last), with their monthly quota and closed won before `won_before`."""
    months = children(plan.period, PeriodKind.MONTH, plan.fiscal_start)
    end = plan.period.end if won_before is None else min(won_before, plan.period.end)
    won_days = uow.quota_plans.won_by_member_day(plan.period.start, end)
    won: dict[tuple[str, date], Decimal] = {}
    for (member_id, day), amount in won_days.items():
        key = (member_id, day.replace(day=1))
        won[key] = won.get(key, ZERO) + amount
    teams = {t.id: t.name for t in uow.teams.list()}
    grouped: dict[str, list[MemberQuotas]] = {}
    for rep in quota_members(uow):
        quota = plan.monthly(member(rep.id), Metric.REVENUE)
        row = MemberQuotas(rep.id, rep.name,
                           tuple(Decimal(quota[m.start]) for m in months),
                           tuple(won.get((rep.id, m.start), ZERO) for m in months))
        grouped.setdefault(rep.team_id if rep.team_id in teams else "", []).append(row)
    order = sorted((t for t in grouped if t), key=lambda t: teams[t].casefold())
    team_rows = tuple(TeamQuotas(t, teams[t], tuple(grouped[t])) for t in order)
    if "" in grouped:
        team_rows += (TeamQuotas("", NO_TEAM, tuple(grouped[""])),)
    quarters = children(plan.period, PeriodKind.QUARTER, plan.fiscal_start)
    return QuotaSheetData(
        workspace_id=workspace_id(uow), plan_id=plan.id, plan_version=plan.plan_version,
        title=f"Quota plan {plan.year}, version {plan.plan_version} ({plan.status})",
        currency=currency_of(uow), months=tuple(m.name for m in months),
        quarters=tuple(q.name for q in quarters), year=plan.period.name, teams=team_rows)


def export_quotas(uow_factory: UnitOfWorkFactory, files: Workbooks, year: int,
                  out: Path | str, period: str | None = None) -> ExportResult:
    """Write the `year` plan in force to `out`. With `period` (inside the year), closed
    won is counted to the end of that period; otherwise to today."""
    with uow_factory() as uow:
        plan_id = current_plan_id(uow, year)
        if plan_id is None:
            raise NotFoundError(f"there is no {year} quota plan; create one first")
        plan = uow.quota_plans.get(plan_id)
        cut = date.today() + timedelta(days=1)
        if period:
            span = parse_period(period, fiscal_start_month(uow))
            if not (plan.period.start <= span.start and span.end <= plan.period.end):
                raise ValidationError(f"{span.name} is not inside fiscal year {year}",
                                      field="period")
            cut = span.end
        data = sheet_data(uow, plan, cut)
        uow.commit()  # the workspace id, made on first export
    path = files.write(out, data)
    return ExportResult(path, plan.year, plan.plan_version,
                        sum(len(t.members) for t in data.teams), len(data.teams),
                        min(cut, plan.period.end))


# --- import --------------------------------------------------------------------------


def preview_quota_import(uow_factory: UnitOfWorkFactory, files: Workbooks, path: Path | str,
                         year: int | None = None) -> QuotaImport:
    """Check the edited workbook at `path` and list its changes. Raises QuotaSheetError
    (every problem, each naming the sheet and cell) and changes nothing."""
    identity = files.identity(path)
    with uow_factory() as uow:
        here = workspace_id(uow)
        if identity.plan_id is None or identity.workspace_id is None:
            _refuse("this workbook is not a SalesDesk quota sheet (it carries no plan "
                    "identity); export the plan and edit that file")
        if identity.workspace_id != here:
            _refuse(f"this quota sheet comes from another workspace "
                    f"({identity.workspace_id}); import it into the workspace it came from")
        try:
            plan = uow.quota_plans.get(str(identity.plan_id))
        except NotFoundError:
            _refuse("the plan version this sheet was exported from no longer exists; "
                    "export the plan again")
        if year is not None and plan.year != year:
            _refuse(f"this quota sheet is for the {plan.year} plan, not {year}")
        if identity.plan_version != str(plan.plan_version):
            _refuse(f"the sheet says version {identity.plan_version} but holds the id of "
                    f"version {plan.plan_version}; export the plan again")
        expected = sheet_data(uow, plan)
        latest_id = uow.quota_plans.versions(plan.year)[0].id
        latest = plan if latest_id == plan.id else uow.quota_plans.get(latest_id)
    read = files.read(path, expected)
    pending = _check_conflicts(plan, latest, read.changes)
    return QuotaImport(Path(path), plan.id, plan.year, plan.plan_version,
                       latest.plan_version, pending)


def _refuse(message: str) -> NoReturn:
    raise QuotaSheetError([SheetProblem(None, None, message)])


def _month_start(plan: QuotaPlan, name: str) -> date:
    return parse_period(name, plan.fiscal_start).start


def _check_conflicts(exported: QuotaPlan, latest: QuotaPlan,
                     changes: tuple[QuotaCellChange, ...]) -> tuple[QuotaCellChange, ...]:
    """The changes the latest version does not hold yet. A cell edited in the workbook
    whose value changed in the workspace since the export is a conflict: neither edit
    silently wins. A cell the latest version already holds (the same sheet imported
    again) is no change and no conflict."""
    if latest.id == exported.id:
        return changes
    problems, pending = [], []
    for c in changes:
        now = latest.monthly(member(c.member_id), Metric.REVENUE)[_month_start(latest,
                                                                              c.month)]
        if Decimal(now) == c.new:
            continue
        pending.append(c)
        if Decimal(now) != c.old:
            problems.append(SheetProblem(c.sheet, c.cell, f"{c.member}, {c.month}: the plan "
                                         f"changed from {c.old} to {now} in version "
                                         f"{latest.plan_version} since this sheet was "
                                         f"exported (version {exported.plan_version}); "
                                         "export again and redo this edit"))
    if problems:
        raise QuotaSheetError(problems)
    return tuple(pending)


def apply_quota_import(uow_factory: UnitOfWorkFactory, preview: QuotaImport,
                       publish: bool = False) -> PlanChange | None:
    """The previewed changes as a new version of the plan (a draft unless `publish`),
    copied from the latest version; None when nothing changed."""
    if preview.unchanged:
        return None
    with uow_factory() as uow:
        versions = uow.quota_plans.versions(preview.year)
        if versions[0].plan_version != preview.latest_version:
            raise ValidationError(f"version {versions[0].plan_version} of the plan was made "
                                  "since the preview; preview the sheet again", field="plan")
        latest = uow.quota_plans.get(versions[0].id)
        draft = latest.new_draft(f"Imported from {preview.path.name}: "
                                 f"{len(preview.changes)} cells changed")
        for c in preview.changes:
            draft.set_target(member(c.member_id), Metric.REVENUE,
                             _month_start(draft, c.month), c.new)
        if publish:
            draft.publish()
        uow.quota_plans.add(draft)
        uow.commit()
    from salesdesk.services.common import OpChanges

    return PlanChange(draft.id, draft.year, draft.plan_version, draft.version, (),
                      OpChanges(quotas=True, ids=(draft.id,),
                                summary=f"Quota plan {draft.year}, version "
                                        f"{draft.plan_version} ({draft.status}): "
                                        f"{len(preview.changes)} cells from "
                                        f"{preview.path.name}"))
