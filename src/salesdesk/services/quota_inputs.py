"""What quota figures are made of, read one way for services.attainment and for the
forecast's QuotaBook (services.forecast_inputs), so both give the same quotas:

- the plan in force of each fiscal year (`plans_in_force`: services.quotas.current_plan_id)
  and its reps' monthly revenue targets (`rep_targets`); a period that straddles two fiscal
  years takes each month from its own year's plan (`fiscal_years`, `merged_targets`);
- who a territory counts in a period (`TerritoryRoster.reps_by_territory`): the reps
  assigned to it, or to a territory under it, at some point of the period, each rep once.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from salesdesk.domain.periods import Period, PeriodKind, containing
from salesdesk.domain.quotas import Metric, OwnerKind, QuotaPlan
from salesdesk.services.quotas import current_plan_id
from salesdesk.services.unit_of_work import UnitOfWork

Assignment = tuple[str, str, date, date | None]
"""(territory id, member id, first day, last day or None: open-ended)."""
RepTargets = dict[str, dict[date, Decimal]]
"""Rep id -> first day of a month -> revenue target."""


def fiscal_year_of(day: date, fiscal_start: int) -> int:
    """The fiscal year holding `day` (named by the calendar year it ends in)."""
    return int(containing(day, PeriodKind.YEAR, fiscal_start).name)


def fiscal_years(period: Period, fiscal_start: int) -> list[int]:
    """The fiscal years `period` touches, in order (two when it straddles a year end)."""
    return sorted({fiscal_year_of(period.start, fiscal_start),
                   fiscal_year_of(period.last_day, fiscal_start)})


def plans_in_force(uow: UnitOfWork, years: Iterable[int] | None = None
                   ) -> dict[int, QuotaPlan]:
    """Fiscal year -> its plan in force (its latest published version, else its latest
    draft), in year order, for `years` (None: every year with a plan). A year without a
    plan is left out."""
    wanted = {v.year for v in uow.quota_plans.versions()} if years is None else set(years)
    found = {}
    for year in sorted(wanted):
        plan_id = current_plan_id(uow, year)
        if plan_id is not None:
            found[year] = uow.quota_plans.get(plan_id)
    return found


def rep_targets(plan: QuotaPlan, reps: Collection[str]) -> RepTargets:
    """The plan's monthly revenue targets of the members in `reps` (who carry a quota:
    services.quotas.quota_members); a manager's or a team's own targets do not count."""
    return {owner.id: {d: Decimal(a) for d, a in plan.monthly(owner, Metric.REVENUE).items()}
            for owner in plan.owners(OwnerKind.MEMBER) if owner.id in reps}


def merged_targets(per_year: Iterable[Mapping[str, Mapping[date, Decimal]]]) -> RepTargets:
    """Each rep's months from the plans of several fiscal years, given in year order."""
    months: RepTargets = {}
    for targets in per_year:
        for rep, by_month in targets.items():
            months.setdefault(rep, {}).update(by_month)
    return months


@dataclass(frozen=True)
class TerritoryRoster:
    """The live territories and their assignments, read once (`read_roster`): who a
    territory counts in any period is then found without the database."""

    names: Mapping[str, str] = field(default_factory=dict)
    """Live territory id -> name."""
    parent: Mapping[str, str | None] = field(default_factory=dict)
    """Live territory id -> its parent's id (None: a top territory)."""
    assignments: tuple[Assignment, ...] = ()
    """The assignments to live territories."""

    def reps_by_territory(self, period: Period) -> dict[str, list[str]]:
        """Territory id -> the reps assigned to it, or to a territory under it, at some
        point of `period`, each once, in the order of the assignments. A territory that
        counts nobody in the period is left out."""
        found: dict[str, dict[str, None]] = {}
        for territory, rep, first, last in self.assignments:
            if first < period.end and (last is None or last >= period.start):
                for at in self._up_from(territory):
                    found.setdefault(at, {})[rep] = None
        return {territory: list(reps) for territory, reps in found.items()}

    def _up_from(self, territory: str) -> Iterator[str]:
        """`territory` and the live territories above it (the tree has no cycles:
        domain.territories.check_parent)."""
        at: str | None = territory
        while at is not None and at in self.names:
            yield at
            at = self.parent.get(at)


def read_roster(uow: UnitOfWork) -> TerritoryRoster:
    live = uow.territories.list()
    names = {t.id: t.name for t in live}
    return TerritoryRoster(names, {t.id: t.parent_id for t in live},
                           tuple((a.territory_id, a.member_id, a.start, a.end)
                                 for a in uow.assignments.list() if a.territory_id in names))
