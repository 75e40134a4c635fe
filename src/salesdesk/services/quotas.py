"""Quota plans: one per fiscal year, in versions (draft, published).

Each function is one user action: it opens a unit of work, changes one plan version and
returns a PlanChange. Published versions are never edited; `new_draft` copies the latest
one. Undo: an edit returns the cells it overwrote (`PlanChange.previous`), which
`set_targets` puts back; a created version is removed again with `remove_version`.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from typing import Any

from salesdesk.domain.allocation import EVEN, NO_RAMP, STANDARD_RAMP, RampSchedule, Seasonality
from salesdesk.domain.errors import NotFoundError, ValidationError
from salesdesk.domain.members import Member, Role
from salesdesk.domain.periods import PeriodKind, children, fiscal_year
from salesdesk.domain.quota_proposal import ProposalSettings, Rep, propose_plan
from salesdesk.domain.quotas import (
    Amount,
    Metric,
    Owner,
    OwnerKind,
    PlanLockedError,
    PlanStatus,
    QuotaPlan,
    Target,
    TargetChange,
    changes,
    member,
    plan_gaps,
    set_bottom_up,
    set_top_down,
    team,
)
from salesdesk.services.common import OpChanges, check_version
from salesdesk.services.unit_of_work import UnitOfWork, UnitOfWorkFactory
from salesdesk.services.workspace_settings import fiscal_start_month

Cell = tuple[str, str, str, date, Amount | None]
"""(owner kind, owner id, metric, first day of the month, amount; None = no target)."""


@dataclass(frozen=True)
class PlanChange:
    plan_id: str
    year: int
    plan_version: int
    version: int
    """The version's optimistic-lock counter after the change."""
    previous: tuple[Cell, ...] = ()
    """What the change overwrote, to put back on undo."""
    changes: OpChanges = field(default_factory=OpChanges)


def _result(plan: QuotaPlan, summary: str, previous: Sequence[Cell] = ()) -> PlanChange:
    return PlanChange(plan.id, plan.year, plan.plan_version, plan.version, tuple(previous),
                      OpChanges(quotas=True, summary=summary, ids=(plan.id,)))


def _check(plan: QuotaPlan, expected: int | None) -> None:
    check_version(plan, expected, "quota plan")


def _editable(plan: QuotaPlan) -> None:
    if plan.status is PlanStatus.PUBLISHED:
        raise PlanLockedError(f"version {plan.plan_version} of the {plan.year} plan is "
                              "published; edit a new draft", field="status")


def quota_members(uow: UnitOfWork) -> list[Member]:
    """Who carries a quota: every rep, active or not (a leaver's past months still count),
    in name order."""
    return sorted((m for m in uow.members.list() if m.role is Role.REP),
                  key=lambda m: m.name.casefold())


def ramp_of(member_: Member, schedule: RampSchedule | None = None) -> RampSchedule:
    """The member's own ramp (Member.ramp_months) unless a plan-wide schedule is given."""
    if schedule is not None:
        return schedule
    return RampSchedule.linear(member_.ramp_months) if member_.ramp_months else NO_RAMP


# --- reading -------------------------------------------------------------------------


def versions(uow_factory: UnitOfWorkFactory, year: int | None = None) -> list[Any]:
    """Live plan versions (storage.quota_store.PlanInfo), newest first."""
    with uow_factory() as uow:
        return uow.quota_plans.versions(year)


def current_plan_id(uow: UnitOfWork, year: int) -> str | None:
    """The year's plan in force: its latest published version, else its latest draft."""
    found = uow.quota_plans.versions(year)
    published = [v for v in found if v.status is PlanStatus.PUBLISHED]
    chosen = (published or found or [None])[0]
    return None if chosen is None else chosen.id


def load(uow_factory: UnitOfWorkFactory, plan_id: str) -> QuotaPlan:
    with uow_factory() as uow:
        return uow.quota_plans.get(plan_id)


def current_plan(uow_factory: UnitOfWorkFactory, year: int) -> QuotaPlan | None:
    with uow_factory() as uow:
        plan_id = current_plan_id(uow, year)
        return None if plan_id is None else uow.quota_plans.get(plan_id)


def diff(uow_factory: UnitOfWorkFactory, old_id: str, new_id: str) -> list[TargetChange]:
    with uow_factory() as uow:
        return changes(uow.quota_plans.get(old_id), uow.quota_plans.get(new_id))


# --- creating versions ---------------------------------------------------------------


def create_plan(uow_factory: UnitOfWorkFactory, year: int, *, propose: bool = True,
                base_year: int | None = None, growth: Decimal = Decimal("0.10"),
                note: str = "", publish: bool = False) -> PlanChange:
    """Version 1 of a year's plan (refused if the year has one): proposed from the run
    rate of `base_year` (default the year before) or empty."""
    with uow_factory() as uow:
        plan = create_plan_into(uow, year, propose=propose, base_year=base_year,
                                growth=growth, note=note, publish=publish)
        uow.commit()
    return _result(plan, f"Quota plan {year}, version 1 created")


def create_plan_into(uow: UnitOfWork, year: int, *, propose: bool = True,
                     base_year: int | None = None, growth: Decimal = Decimal("0.10"),
                     note: str = "", publish: bool = False,
                     pooling: Decimal = Decimal("0")) -> QuotaPlan:
    """create_plan inside the caller's unit of work (the demo's)."""
    if uow.quota_plans.versions(year):
        raise ValidationError(f"the {year} plan exists already; edit a new version",
                              field="year")
    fiscal = fiscal_start_month(uow)
    if propose:
        base = year - 1 if base_year is None else base_year
        span = fiscal_year(base, fiscal)
        history = _won_history(uow, span.start, span.end)
        roster = {m.id: Rep(m.team_id, m.hire_date) for m in quota_members(uow)}
        plan = propose_plan(history, roster, year, base_year=base, fiscal_start=fiscal,
                            settings=ProposalSettings(growth=growth, ramp=STANDARD_RAMP,
                                                    pooling=pooling))
        plan.settings = {"ramp": [str(s) for s in STANDARD_RAMP.steps],
                         "ramp_block_months": STANDARD_RAMP.block_months,
                         "seasonality": [str(w) for w in _shape(history, span)],
                         "base_year": base, "growth": str(growth),
                         "pooling": str(pooling)}
    else:
        plan = QuotaPlan(year=year, fiscal_start=fiscal)
    if note:
        plan.note = note
    if publish:
        plan.publish()
    uow.quota_plans.add(plan)
    return plan


def _shape(history: dict[str, dict[date, Decimal]], span: Any) -> tuple[Decimal, ...]:
    """The company's won per fiscal month of the base year, as seasonality weights (to
    four places), so a later top-down split follows the same shape as the proposal."""
    starts = [p.start for p in children(span, PeriodKind.MONTH)]
    pooled = [sum((months.get(s, Decimal(0)) for months in history.values()), Decimal(0))
              for s in starts]
    shape = Seasonality.from_history(pooled).weights
    return tuple(w.quantize(Decimal("0.0001")) for w in shape)


def _won_history(uow: UnitOfWork, start: date, end: date) -> dict[str, dict[date, Decimal]]:
    history: dict[str, dict[date, Decimal]] = {}
    for (member_id, day), amount in uow.quota_plans.won_by_member_day(start, end).items():
        months = history.setdefault(member_id, {})
        first = day.replace(day=1)
        months[first] = months.get(first, Decimal("0.00")) + amount
    return history


def new_draft(uow_factory: UnitOfWorkFactory, plan_id: str, note: str = "") -> PlanChange:
    """A draft copy of `plan_id` as the year's next version."""
    with uow_factory() as uow:
        base = uow.quota_plans.get(plan_id)
        latest = uow.quota_plans.versions(base.year)[0]
        draft = base.new_draft(note or f"Copy of version {base.plan_version}")
        draft.plan_version = latest.plan_version + 1
        uow.quota_plans.add(draft)
        uow.commit()
    return _result(draft, f"Quota plan {draft.year}, version {draft.plan_version} (draft)")


def remove_version(uow_factory: UnitOfWorkFactory, plan_id: str,
                   expected: int | None = None) -> PlanChange:
    """Delete a draft version (a published one stays: it is what reps were told)."""
    with uow_factory() as uow:
        plan = uow.quota_plans.get(plan_id)
        _check(plan, expected)
        if plan.status is PlanStatus.PUBLISHED:
            raise ValidationError(f"version {plan.plan_version} of the {plan.year} plan is "
                                  "published and is kept", field="status")
        uow.quota_plans.remove(plan.id, plan.version)
        uow.commit()
    return _result(plan, f"Quota plan {plan.year}, version {plan.plan_version} removed")


def publish(uow_factory: UnitOfWorkFactory, plan_id: str, expected: int | None = None
            ) -> PlanChange:
    with uow_factory() as uow:
        plan = uow.quota_plans.get(plan_id)
        _check(plan, expected)
        if plan.status is PlanStatus.PUBLISHED:
            raise ValidationError(f"version {plan.plan_version} is published already",
                                  field="status")
        plan.publish()
        uow.quota_plans.save(plan)
        uow.commit()
    return _result(plan, f"Quota plan {plan.year}, version {plan.plan_version} published")


# --- editing a draft -----------------------------------------------------------------


def _cell(plan: QuotaPlan, owner: Owner, metric: Metric, month_start: date) -> Cell:
    found = plan.targets.get((owner, metric, month_start))
    return (str(owner.kind), owner.id, str(metric), month_start,
            None if found is None else found.amount)


def set_targets(uow_factory: UnitOfWorkFactory, plan_id: str, cells: Iterable[Cell],
                expected: int | None = None, summary: str = "") -> PlanChange:
    """Set (or clear, with None) monthly targets of a draft; returns what was there."""
    with uow_factory() as uow:
        plan = uow.quota_plans.get(plan_id)
        _check(plan, expected)
        previous = _apply(plan, cells)
        uow.quota_plans.save(plan)
        uow.commit()
    return _result(plan, summary or f"{len(previous)} quota cells changed", previous)


def _apply(plan: QuotaPlan, cells: Iterable[Cell]) -> list[Cell]:
    previous = []
    for kind, owner_id, metric, month_start, amount in cells:
        owner = Owner(_known(OwnerKind, kind, "owner_kind"), owner_id)
        m = _known(Metric, metric, "metric")
        start = month_start.replace(day=1)
        previous.append(_cell(plan, owner, m, start))
        if amount is None:
            _editable(plan)
            plan.targets.pop((owner, m, start), None)
        else:
            plan.set_target(owner, m, start, amount)
    return previous


def _known(kind: Any, value: str, field_: str) -> Any:
    """`kind(value)` for an enum, a ValidationError naming what is known otherwise."""
    try:
        return kind(value)
    except ValueError:
        known = ", ".join(k.value for k in kind)
        raise ValidationError(f"'{value}' is unknown (known: {known})",
                              field=field_) from None


def _snapshot(plan: QuotaPlan) -> dict[tuple[Owner, Metric, date], Target]:
    return dict(plan.targets)


def _previous(before: dict[tuple[Owner, Metric, date], Target], plan: QuotaPlan) -> list[Cell]:
    """The old value of every cell that differs between `before` and the plan now."""
    keys = before.keys() | plan.targets.keys()
    return [(str(o.kind), o.id, str(m), d, before[(o, m, d)].amount if (o, m, d) in before
             else None) for (o, m, d) in keys
            if before.get((o, m, d)) != plan.targets.get((o, m, d))]


def seasonality_of(plan: QuotaPlan) -> Seasonality:
    weights = plan.settings.get("seasonality")
    if isinstance(weights, list) and len(weights) == 12:
        return Seasonality(tuple(Decimal(str(w)) for w in weights))
    return EVEN


def ramp_schedule_of(plan: QuotaPlan) -> RampSchedule | None:
    """The plan-wide ramp schedule, or None: each member's own (Member.ramp_months)."""
    steps = plan.settings.get("ramp")
    if isinstance(steps, list):
        block = plan.settings.get("ramp_block_months", 3)
        return RampSchedule(tuple(Decimal(str(s)) for s in steps),
                            int(block) if isinstance(block, int | str) else 3)
    return None


def set_shape(uow_factory: UnitOfWorkFactory, plan_id: str, *,
              seasonality: Sequence[Decimal] | None = None,
              ramp: Sequence[Decimal] | None = None, ramp_block_months: int = 3,
              expected: int | None = None) -> PlanChange:
    """Store the plan's seasonality profile (12 weights) and ramp schedule (shares per
    block of months), used by the next top-down split. An empty ramp means each member's
    own ramp months."""
    with uow_factory() as uow:
        plan = uow.quota_plans.get(plan_id)
        _check(plan, expected)
        _editable(plan)
        settings = dict(plan.settings)
        if seasonality is not None:
            settings["seasonality"] = [str(w) for w in Seasonality(tuple(seasonality)).weights]
        if ramp is not None:
            if ramp:
                schedule = RampSchedule(tuple(ramp), ramp_block_months)
                settings["ramp"] = [str(s) for s in schedule.steps]
                settings["ramp_block_months"] = schedule.block_months
            else:
                settings.pop("ramp", None)
                settings.pop("ramp_block_months", None)
        plan.settings = settings
        uow.quota_plans.save(plan)
        uow.commit()
    return _result(plan, "Seasonality and ramp saved")


def top_down_team(uow_factory: UnitOfWorkFactory, plan_id: str, team_id: str,
                  annual: Decimal, weights: dict[str, Decimal] | None = None,
                  metric: Metric | str = Metric.REVENUE, expected: int | None = None
                  ) -> PlanChange:
    """Top-down: the team's annual target spread by the plan's seasonality and split over
    its reps by `weights` (default: equal), each rep keeping their ramp's share."""
    with uow_factory() as uow:
        plan = uow.quota_plans.get(plan_id)
        _check(plan, expected)
        reps = [m for m in quota_members(uow) if m.team_id == team_id and m.active]
        if not reps:
            raise ValidationError("this team has no active reps to split a target over",
                                  field="team")
        shares = weights or {m.id: Decimal(1) for m in reps}
        unknown = set(shares) - {m.id for m in reps}
        if unknown:
            raise ValidationError(f"{len(unknown)} weights are for members outside the team",
                                  field="weights")
        schedule = ramp_schedule_of(plan)
        ramps = {m.id: (ramp_of(m, schedule), m.hire_date) for m in reps}
        before = _snapshot(plan)
        set_top_down(plan, team_id, annual, shares, metric, seasonality_of(plan), ramps)
        previous = _previous(before, plan)
        uow.quota_plans.save(plan)
        uow.commit()
    return _result(plan, "Team target split top-down", previous)


def bottom_up_team(uow_factory: UnitOfWorkFactory, plan_id: str, team_id: str,
                   metric: Metric | str = Metric.REVENUE, expected: int | None = None
                   ) -> PlanChange:
    """Bottom-up: the team's target becomes the sum of its reps' targets."""
    with uow_factory() as uow:
        plan = uow.quota_plans.get(plan_id)
        _check(plan, expected)
        reps = [m.id for m in quota_members(uow) if m.team_id == team_id]
        before = _snapshot(plan)
        set_bottom_up(plan, team_id, reps, metric)
        previous = _previous(before, plan)
        uow.quota_plans.save(plan)
        uow.commit()
    return _result(plan, "Team target rolled up from its reps", previous)


def team_gaps(uow_factory: UnitOfWorkFactory, plan_id: str, team_id: str,
              metric: Metric | str = Metric.REVENUE) -> list[Any]:
    """Top-down against bottom-up per month, quarter and year (domain.quotas.Gap)."""
    with uow_factory() as uow:
        plan = uow.quota_plans.get(plan_id)
        reps = [m.id for m in quota_members(uow) if m.team_id == team_id]
    return plan_gaps(plan, team_id, reps, metric)


def month_names(plan: QuotaPlan) -> list[str]:
    return [p.name for p in children(plan.period, PeriodKind.MONTH, plan.fiscal_start)]


def find_version(uow: UnitOfWork, year: int, plan_version: int) -> str:
    for v in uow.quota_plans.versions(year):
        if v.plan_version == plan_version:
            return str(v.id)
    raise NotFoundError(f"the {year} plan has no version {plan_version}")


__all__ = ["PlanChange", "bottom_up_team", "create_plan", "current_plan", "current_plan_id",
           "diff", "find_version", "load", "member", "month_names", "new_draft", "publish",
           "remove_version", "set_shape", "set_targets", "team", "team_gaps", "top_down_team",
           "versions"]
