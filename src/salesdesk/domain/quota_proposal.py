"""A realistic quota plan proposed from a past year's run rate.

Each member's quota is what they won in the base year, annualised over the months they
were there and corrected for their own ramp in that year (a rep hired in March who closed
as a ramping rep is planned at their full-capacity pace), grown by `growth`, rounded to
`round_to` and spread over the months by the seasonality of the whole company's history.
Members hired recently then ramp in the plan year (RampSchedule). Members without usable
history are planned at the median full-capacity run rate of their team (or of everyone);
those with no hire date and nothing won ever ramp in from the plan year's start, as a new
hire would. `pooling` pulls each rep's pace towards the team median.
Each team's top-down target is the sum of its members' un-ramped quotas, spread by the
same seasonality with controlled rounding, so the team's gap shows exactly what ramping
costs (zero in months where nobody ramps).

For a plan of the same year as its history (the demo's 2017 plan built from the sample's
2017 closes), pass base_year=year and growth=0: the plan is then the year's own run rate
and shape, which is what a manager would have set had they foreseen it.
"""

from __future__ import annotations

import statistics
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from decimal import ROUND_HALF_UP, Decimal

from salesdesk.domain.allocation import STANDARD_RAMP, RampSchedule, Seasonality, split_table
from salesdesk.domain.errors import ValidationError
from salesdesk.domain.periods import PeriodKind, children, fiscal_year
from salesdesk.domain.quotas import Metric, QuotaPlan, member, team

History = Mapping[str, Mapping[date, Decimal]]
"""Closed-won amount per member id, per month (keyed by any day of the month)."""


@dataclass(frozen=True)
class Rep:
    team_id: str | None
    hire_date: date | None = None


@dataclass(frozen=True)
class ProposalSettings:
    growth: Decimal = Decimal("0.10")
    ramp: RampSchedule = STANDARD_RAMP
    round_to: Decimal = Decimal("100")
    smoothing: Decimal = Decimal("0.25")
    """How far the seasonality is pulled towards an even year (0..1)."""
    pooling: Decimal = Decimal("0")
    """How far each rep's run rate is pulled towards their team's median (0..1): 0 plans
    everyone at their own pace; 0.5 halves the distance, as managers do who set quotas per
    role and adjust them for the territory, so strong reps still beat theirs."""


def propose_plan(history: History, roster: Mapping[str, Rep], year: int, *,
                 base_year: int | None = None, fiscal_start: int = 1,
                 settings: ProposalSettings = ProposalSettings()) -> QuotaPlan:
    """A draft revenue plan for fiscal `year` from the run rate of fiscal `base_year`
    (default: the year before) for every member of `roster`."""
    base = year - 1 if base_year is None else base_year
    if settings.growth <= -1:
        raise ValidationError("growth must be above -100 %", field="growth")
    base_months = [p.start for p in children(fiscal_year(base, fiscal_start), PeriodKind.MONTH)]
    seasonality = _seasonality(history, base_months, settings.smoothing)
    annual = _annual_quotas(history, roster, base_months, settings)
    plan = QuotaPlan(year=year, fiscal_start=fiscal_start, note=_note(base, settings))
    for team_id, members in _by_team(roster).items():
        annuals = [annual[m] for m in members]
        season = seasonality.spread(sum(annuals, Decimal("0.00")))
        if team_id is not None:
            plan.set_months(team(team_id), Metric.REVENUE, season)
        # members' years and the team's months both add up: no gap once everyone is ramped
        table = (split_table(annuals, season) if team_id is not None
                 else [seasonality.spread(a) for a in annuals])
        for member_id, months in zip(members, table, strict=True):
            hired = roster[member_id].hire_date
            if hired is None and not any(a > 0 for a in history.get(member_id, {}).values()):
                hired = plan.month_starts[0]  # no track record: ramps in like a new hire
            plan.set_months(member(member_id), Metric.REVENUE,
                            [settings.ramp.apply(a, hired, m)
                             for a, m in zip(months, plan.month_starts, strict=True)])
    return plan


def _by_team(roster: Mapping[str, Rep]) -> dict[str | None, list[str]]:
    teams: dict[str | None, list[str]] = {}
    for member_id, rep in roster.items():
        teams.setdefault(rep.team_id, []).append(member_id)
    return teams


def _seasonality(history: History, base_months: list[date], smoothing: Decimal) -> Seasonality:
    pooled = [Decimal(0)] * 12
    for months in history.values():
        for day, amount in months.items():
            start = day.replace(day=1)
            if start in base_months:
                pooled[base_months.index(start)] += amount
    return Seasonality.from_history(pooled, smoothing)


def _annual_quotas(history: History, roster: Mapping[str, Rep], base_months: list[date],
                   settings: ProposalSettings) -> dict[str, Decimal]:
    rates = {m: _full_rate(history.get(m, {}), rep.hire_date, base_months, settings.ramp)
             for m, rep in roster.items()}
    fallback = {t: _median([r for m, r in rates.items() if r is not None
                            and roster[m].team_id == t]) for t in {r.team_id for r in
                                                                    roster.values()}}
    everyone = _median([r for r in rates.values() if r is not None])
    grown = Decimal(1) + settings.growth
    pool = settings.pooling
    if not 0 <= pool <= 1:
        raise ValidationError("pooling must be 0 to 1", field="pooling")
    planned = {}
    for m, rate in rates.items():
        peer = fallback[roster[m].team_id] or everyone
        pace = peer if rate is None else (1 - pool) * rate + pool * peer
        planned[m] = _round(pace * grown, settings.round_to)
    return planned


def _full_rate(won: Mapping[date, Decimal], hire_date: date | None, base_months: list[date],
               ramp: RampSchedule) -> Decimal | None:
    """Annual run rate at full capacity: won over the ramp-weighted months worked, x 12;
    None without a month worked or a deal won."""
    capacity = sum((ramp.factor(hire_date, m) for m in base_months), Decimal(0))
    if capacity == 0:
        return None
    total = sum((a for d, a in won.items() if d.replace(day=1) in base_months), Decimal(0))
    return total / capacity * 12 if total > 0 else None  # nothing won: plan as a peer


def _median(rates: list[Decimal]) -> Decimal:
    return Decimal(statistics.median(rates)) if rates else Decimal(0)


def _round(amount: Decimal, step: Decimal) -> Decimal:
    rounded = (amount / step).quantize(Decimal(1), rounding=ROUND_HALF_UP) * step
    return max(rounded, Decimal(0)).quantize(Decimal("0.01"))


def _note(base: int, settings: ProposalSettings) -> str:
    growth = (settings.growth * 100).normalize()
    return f"Proposed from the FY{base} run rate, growth {growth:f} %"
