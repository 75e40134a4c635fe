"""Quota plans: one per fiscal year, in versions (draft, published), holding monthly
targets per member and per team for revenue, deal count and activities.

Targets are stored per month of the fiscal year only. Quarters and years are the sums of
their months; weeks and days are derived from business days (allocation.daily_split), so
every coarser figure is exactly the sum of the finer ones.
"""

from __future__ import annotations

import enum
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from typing import TypeVar

from salesdesk.domain.allocation import (
    DEFAULT_CALENDAR,
    EVEN,
    NO_RAMP,
    RampSchedule,
    Seasonality,
    WorkCalendar,
    daily_split,
    days_of,
    split_like,
    split_table,
)
from salesdesk.domain.entity import Entity
from salesdesk.domain.errors import ValidationError
from salesdesk.domain.periods import Period, PeriodKind, children, fiscal_year, month
from salesdesk.domain.validation import check_cents

Amount = Decimal | int
E = TypeVar("E", bound=enum.StrEnum)
Monthly = dict[date, Amount]
"""Figures keyed by the first day of their month."""


class Metric(enum.StrEnum):
    REVENUE = "revenue"
    DEAL_COUNT = "deal_count"
    ACTIVITIES = "activities"

    def zero(self) -> Amount:
        return Decimal("0.00") if self is Metric.REVENUE else 0


class OwnerKind(enum.StrEnum):
    MEMBER = "member"
    TEAM = "team"


class PlanStatus(enum.StrEnum):
    DRAFT = "draft"
    PUBLISHED = "published"


class PlanLockedError(ValidationError):
    """A published plan version is not edited; a new draft version is."""


@dataclass(frozen=True)
class Owner:
    kind: OwnerKind
    id: str

    def __post_init__(self) -> None:
        object.__setattr__(self, "kind", _enum(OwnerKind, self.kind, "owner_kind"))
        if not self.id:
            raise ValidationError("a target needs a member or a team", field="owner")


def member(member_id: str) -> Owner:
    return Owner(OwnerKind.MEMBER, member_id)


def team(team_id: str) -> Owner:
    return Owner(OwnerKind.TEAM, team_id)


@dataclass(frozen=True)
class Target:
    owner: Owner
    metric: Metric
    month: date
    """First day of the month."""
    amount: Amount

    def __post_init__(self) -> None:
        metric = _enum(Metric, self.metric, "metric")
        object.__setattr__(self, "metric", metric)
        object.__setattr__(self, "month", self.month.replace(day=1))
        object.__setattr__(self, "amount", clean_amount(metric, self.amount))

    @property
    def key(self) -> tuple[Owner, Metric, date]:
        return self.owner, self.metric, self.month


def clean_amount(metric: Metric, amount: object) -> Amount:
    """Revenue: a Decimal to the cent; counts: a whole number; never negative."""
    if isinstance(amount, bool) or not isinstance(amount, int | Decimal):
        raise ValidationError(f"'{amount}' is not a number", field=str(metric))
    value: Amount
    if metric is Metric.REVENUE:
        check_cents(Decimal(amount), str(metric))
        value = Decimal(amount).quantize(Decimal("0.01"))
    elif isinstance(amount, Decimal) and amount == amount.to_integral_value():
        value = int(amount)
    elif isinstance(amount, int):
        value = amount
    else:
        raise ValidationError(f"{amount} is not a whole number", field=str(metric))
    if value < 0:
        raise ValidationError(f"must be zero or more (got {value})", field=str(metric))
    return value


def _enum(kind: type[E], value: object, field_: str) -> E:
    try:
        return kind(value)  # type: ignore[arg-type]  # refused below if not a member
    except ValueError:
        known = ", ".join(k.value for k in kind)
        raise ValidationError(f"'{value}' is unknown (known: {known})", field=field_) from None


@dataclass(eq=False, kw_only=True)
class QuotaPlan(Entity):
    """One version of a fiscal year's plan. `Entity.version` is the optimistic-lock
    counter; `plan_version` is the number a manager sees (1, 2, ...)."""

    year: int
    fiscal_start: int = 1
    plan_version: int = 1
    status: PlanStatus = PlanStatus.DRAFT
    note: str = ""
    targets: dict[tuple[Owner, Metric, date], Target] = field(default_factory=dict)
    settings: dict[str, object] = field(default_factory=dict)
    """How the plan was shaped (seasonality, ramp schedule), plain JSON values."""

    def __post_init__(self) -> None:
        self.status = _enum(PlanStatus, self.status, "status")
        if self.plan_version < 1:
            raise ValidationError("plan versions start at 1", field="plan_version")
        given, self.targets = list(self.targets.values()), {}
        for t in given:
            self._check_month(t.month)
            self.targets[t.key] = t

    @classmethod
    def with_targets(cls, targets: Iterable[Target], **fields: object) -> QuotaPlan:
        """A plan holding `targets`; two targets for one (owner, metric, month) are refused."""
        plan = cls(**fields)  # type: ignore[arg-type]
        for t in targets:
            if t.key in plan.targets:
                raise ValidationError(f"two {t.metric} targets for {t.owner.kind} "
                                      f"{t.owner.id} in {t.month:%Y-%m}", field="targets")
            plan._check_month(t.month)
            plan.targets[t.key] = t
        return plan

    @property
    def period(self) -> Period:
        return fiscal_year(self.year, self.fiscal_start)

    @property
    def month_starts(self) -> list[date]:
        return [p.start for p in children(self.period, PeriodKind.MONTH)]

    def _check_month(self, month_start: date) -> None:
        if month_start not in self.period:
            raise ValidationError(f"{month_start:%Y-%m} is outside fiscal year {self.year}",
                                  field="month")

    def set_target(self, owner: Owner, metric: Metric | str, month_start: date,
                   amount: Amount) -> None:
        if self.status is PlanStatus.PUBLISHED:
            raise PlanLockedError(f"version {self.plan_version} of the {self.year} plan is "
                                  "published; edit a new draft", field="status")
        t = Target(owner, _enum(Metric, metric, "metric"), month_start, amount)
        self._check_month(t.month)
        self.targets[t.key] = t

    def set_months(self, owner: Owner, metric: Metric | str, figures: Sequence[Amount]) -> None:
        """Twelve figures, one per fiscal month, in order."""
        if len(figures) != 12:
            raise ValidationError(f"needs 12 monthly figures (got {len(figures)})",
                                  field="targets")
        for start, amount in zip(self.month_starts, figures, strict=True):
            self.set_target(owner, metric, start, amount)

    def monthly(self, owner: Owner, metric: Metric | str) -> Monthly:
        """The owner's target per fiscal month; months without a target count 0."""
        metric = _enum(Metric, metric, "metric")
        return {m: self.targets[(owner, metric, m)].amount if (owner, metric, m) in
                self.targets else metric.zero() for m in self.month_starts}

    def owners(self, kind: OwnerKind | None = None) -> list[Owner]:
        found = {t.owner for t in self.targets.values() if kind in (None, t.owner.kind)}
        return sorted(found, key=lambda o: (o.kind, o.id))

    def publish(self) -> None:
        self.status = PlanStatus.PUBLISHED

    def new_draft(self, note: str = "") -> QuotaPlan:
        """The next version, a draft copy of this one's targets."""
        return QuotaPlan(year=self.year, fiscal_start=self.fiscal_start,
                         plan_version=self.plan_version + 1, note=note,
                         targets=dict(self.targets), settings=dict(self.settings))


@dataclass(frozen=True)
class TargetChange:
    key: tuple[Owner, Metric, date]
    old: Amount | None
    new: Amount | None


def changes(old: QuotaPlan, new: QuotaPlan) -> list[TargetChange]:
    """Targets that differ between two versions, in a stable order (a missing target is
    None)."""
    keys = sorted(old.targets.keys() | new.targets.keys(),
                  key=lambda k: (k[0].kind, k[0].id, k[1], k[2]))
    found = []
    for key in keys:
        a, b = old.targets.get(key), new.targets.get(key)
        before, after = (a.amount if a else None), (b.amount if b else None)
        if before != after:
            found.append(TargetChange(key, before, after))
    return found


# --- derived targets ------------------------------------------------------------------


def target_for(monthly: Mapping[date, Amount], period: Period,
               calendar: WorkCalendar = DEFAULT_CALENDAR) -> Amount:
    """The target of any period: whole months count in full, partly covered months (weeks,
    days, a week straddling two months) count the business days they hold."""
    total: Amount = 0
    for start, amount in monthly.items():
        span = month(start.year, start.month)
        if period.start <= span.start and span.end <= period.end:
            total += amount
        elif period.start < span.end and span.start < period.end:
            daily = daily_split(amount, start, calendar)
            total += sum(daily[d] for d in days_of(period) if d in daily)
    return _like(total, monthly)


def period_targets(monthly: Mapping[date, Amount], periods: Iterable[Period],
                   calendar: WorkCalendar = DEFAULT_CALENDAR) -> dict[str, Amount]:
    """`target_for` of each period, keyed by its name."""
    return {p.name: target_for(monthly, p, calendar) for p in periods}


def _like(total: Amount, monthly: Mapping[date, Amount]) -> Amount:
    is_money = any(isinstance(v, Decimal) for v in monthly.values())
    return Decimal(total).quantize(Decimal("0.01")) if is_money else int(total)


# --- top-down, bottom-up and the gap --------------------------------------------------


def top_down(annual: Amount, weights: Mapping[str, Decimal | int], month_starts: Sequence[date],
             seasonality: Seasonality = EVEN,
             ramps: Mapping[str, tuple[RampSchedule, date | None]] | None = None,
             ) -> dict[str, Monthly]:
    """A team's annual target split across members by `weights` and spread over its
    fiscal months by `seasonality`, with controlled rounding so that each member's year,
    each month of the team and the whole add up exactly. A ramping member (ramps: member ->
    (schedule, hire date)) then keeps only the ramp's share of each month: what ramping
    costs shows as the team's gap rather than landing on colleagues."""
    names = list(weights)
    table = split_table(split_like(annual, [weights[m] for m in names]),
                        seasonality.spread(annual))
    result: dict[str, Monthly] = {}
    for m, row in zip(names, table, strict=True):
        schedule, hired = (ramps or {}).get(m, (NO_RAMP, None))
        result[m] = {start: schedule.apply(part, hired, start)
                     for start, part in zip(month_starts, row, strict=True)}
    return result


def roll_up(members: Mapping[str, Mapping[date, Amount]], team_of: Mapping[str, str | None]
            ) -> dict[str, Monthly]:
    """Bottom-up: each team's monthly sum of its members' targets (members without a team
    are left out)."""
    teams: dict[str, dict[date, Amount]] = defaultdict(dict)
    for member_id, months in members.items():
        team_id = team_of.get(member_id)
        if team_id is None:
            continue
        for start, amount in months.items():
            teams[team_id][start] = teams[team_id].get(start, 0) + amount
    return dict(teams)


@dataclass(frozen=True)
class Gap:
    period: str
    top_down: Amount
    bottom_up: Amount

    @property
    def gap(self) -> Amount:
        """Positive: the members' targets fall short of the team's."""
        return self.top_down - self.bottom_up


def gaps(team_target: Mapping[date, Amount], bottom_up: Mapping[date, Amount],
         plan_period: Period, fiscal_start: int = 1) -> list[Gap]:
    """Top-down against bottom-up for each month, each quarter and the year."""
    periods = [*children(plan_period, PeriodKind.MONTH, fiscal_start),
               *children(plan_period, PeriodKind.QUARTER, fiscal_start), plan_period]
    return [Gap(p.name, target_for(team_target, p), target_for(bottom_up, p))
            for p in periods]


def set_top_down(plan: QuotaPlan, team_id: str, annual: Amount,
                 weights: Mapping[str, Decimal | int], metric: Metric | str = Metric.REVENUE,
                 seasonality: Seasonality = EVEN,
                 ramps: Mapping[str, tuple[RampSchedule, date | None]] | None = None) -> None:
    """Top-down: the team's annual target spread by `seasonality`, and its members' targets
    split from it (see `top_down`)."""
    plan.set_months(team(team_id), metric, seasonality.spread(annual))
    for member_id, months in top_down(annual, weights, plan.month_starts, seasonality,
                                      ramps).items():
        plan.set_months(member(member_id), metric, list(months.values()))


def set_bottom_up(plan: QuotaPlan, team_id: str, member_ids: Iterable[str],
                  metric: Metric | str = Metric.REVENUE) -> None:
    """Bottom-up: the team's target becomes the sum of its members' targets (no gap)."""
    member_ids = list(member_ids)
    bottom = roll_up({m: plan.monthly(member(m), metric) for m in member_ids},
                     dict.fromkeys(member_ids, team_id))
    zero = Metric(metric).zero()
    months = bottom.get(team_id, {})
    plan.set_months(team(team_id), metric, [months.get(m, zero) for m in plan.month_starts])


def plan_gaps(plan: QuotaPlan, team_id: str, member_ids: Iterable[str],
              metric: Metric | str = Metric.REVENUE) -> list[Gap]:
    """The gaps of one team in a plan, from its team target and its members' targets."""
    member_ids = list(member_ids)
    bottom = roll_up({m: plan.monthly(member(m), metric) for m in member_ids},
                     dict.fromkeys(member_ids, team_id))
    below = bottom.get(team_id) or {m: Metric(metric).zero() for m in plan.month_starts}
    return gaps(plan.monthly(team(team_id), metric), below, plan.period, plan.fiscal_start)

