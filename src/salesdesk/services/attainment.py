"""Attainment against quota for any period: closed-won revenue per member, team and
territory against the plan in force (domain.attainment holds the maths).

A period may straddle two fiscal years (an ISO week over New Year): each month takes its
target from its own year's plan. A territory's figures are the sum of the reps assigned
to it or to a territory under it during the period, each rep counted once.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal

from salesdesk.domain.attainment import Attainment, attainment_report
from salesdesk.domain.periods import Period, parse_period
from salesdesk.domain.quotas import PlanStatus
from salesdesk.services.quota_inputs import (
    RepTargets,
    fiscal_year_of,
    fiscal_years,
    merged_targets,
    plans_in_force,
    read_roster,
    rep_targets,
)
from salesdesk.services.quotas import quota_members
from salesdesk.services.unit_of_work import UnitOfWork, UnitOfWorkFactory
from salesdesk.services.workspace_settings import currency_of, work_calendar

ZERO = Decimal("0.00")

# fiscal_year_of lives in services.quota_inputs now; it stays importable from here
__all__ = ["ZERO", "AttainmentLine", "AttainmentView", "PlanUsed", "attainment",
           "fiscal_year_of"]


@dataclass(frozen=True)
class AttainmentLine:
    kind: str
    """"member", "team", "territory" or "total"."""
    id: str | None
    name: str
    team: str | None
    """The member's team name (members only)."""
    figures: Attainment

    @property
    def quota(self) -> Decimal:
        return self.figures.quota

    @property
    def won(self) -> Decimal:
        return self.figures.won

    @property
    def attainment(self) -> Decimal | None:
        return self.figures.attainment


@dataclass(frozen=True)
class PlanUsed:
    year: int
    plan_version: int
    status: PlanStatus


@dataclass(frozen=True)
class AttainmentView:
    period: Period
    as_of: date
    currency: str
    plans: tuple[PlanUsed, ...]
    """The plan version each fiscal year's months came from (empty: no plan)."""
    members: tuple[AttainmentLine, ...]
    teams: tuple[AttainmentLine, ...]
    territories: tuple[AttainmentLine, ...]
    total: AttainmentLine

    @property
    def has_plan(self) -> bool:
        return bool(self.plans)


def attainment(uow_factory: UnitOfWorkFactory, period: str, as_of: date | None = None
               ) -> AttainmentView:
    """Attainment of every rep, team and territory in `period` ('2017', '2017-Q3',
    '2017-07', '2017-W27', '2017-07-14'), as of `as_of` (default today): closed won
    counts through that day, as the expected amount (pace) does."""
    as_of = as_of or date.today()
    with uow_factory() as uow:
        calendar = work_calendar(uow)
        span = parse_period(period, calendar.fiscal_start)
        reps = [(m.id, m.team_id) for m in quota_members(uow)]
        targets, plans = _targets(uow, span, calendar.fiscal_start, {m for m, _ in reps})
        teams = {t.id: t.name for t in uow.teams.list()}
        won = uow.quota_plans.won_by_member_day(
            span.start, max(span.start, min(span.end, as_of + timedelta(days=1))))
        pipeline = uow.quota_plans.weighted_pipeline(span.end)
        roster = read_roster(uow)
        names = {m.id: m.name for m in uow.members.list()}
        money = currency_of(uow)
    team_of = dict(reps)
    ordered = {m: targets.get(m, {}) for m, _ in reps}
    report = attainment_report(ordered, won, team_of, span, as_of, calendar, pipeline)
    members = tuple(AttainmentLine("member", r.member, names.get(r.member or "", "?"),
                                   teams.get(team_of.get(r.member or "") or ""), r.figures)
                    for r in report.members)
    team_lines = tuple(sorted((AttainmentLine("team", r.team, teams.get(r.team or "", "?"),
                                              None, r.figures) for r in report.teams),
                              key=lambda line: line.name.casefold()))
    by_id = {line.id: line.figures for line in members}
    territories = []
    for territory_id, member_ids in roster.reps_by_territory(span).items():
        total = _sum(by_id[m] for m in member_ids if m in by_id)
        territories.append(AttainmentLine("territory", territory_id,
                                          roster.names[territory_id], None, total))
    territories.sort(key=lambda line: line.name.casefold())
    return AttainmentView(span, as_of, money, tuple(plans), members, team_lines,
                          tuple(territories),
                          AttainmentLine("total", None, "Total", None, report.total))


def _targets(uow: UnitOfWork, span: Period, fiscal_start: int, reps: set[str]
             ) -> tuple[RepTargets, list[PlanUsed]]:
    """The reps' monthly revenue targets of the plans in force over `span`."""
    plans = plans_in_force(uow, fiscal_years(span, fiscal_start))
    used = [PlanUsed(p.year, p.plan_version, p.status) for p in plans.values()]
    return merged_targets(rep_targets(p, reps) for p in plans.values()), used


def _sum(figures: Iterable[Attainment]) -> Attainment:
    total = Attainment(ZERO, ZERO, ZERO)
    for f in figures:
        total = total + f
    return total
