"""What the forecast actions share: moments, periods and scopes from what the user typed,
the data read once for a forecast moment (`ForecastData`), the quotas of the plans in
force (`QuotaBook`), and turning the engine's `Forecast` into a `ForecastResult` with
labelled deals."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time
from decimal import Decimal
from typing import Any, overload

from salesdesk.domain.allocation import WorkCalendar
from salesdesk.domain.errors import NotFoundError, ValidationError
from salesdesk.domain.forecast import (
    COMPANY,
    ClosedHistory,
    DealState,
    Forecast,
    LearnedRates,
    Method,
    Scope,
    ScopeKind,
    forecast,
    learn_rates,
)
from salesdesk.domain.periods import Period, parse_period
from salesdesk.domain.quotas import target_for
from salesdesk.domain.validation import name_key
from salesdesk.services.forecast_records import (
    CENT,
    CONTRIBUTION_KEYS,
    ZERO,
    ForecastDeal,
    ForecastResult,
    ForecastSource,
    ScopeSpec,
)
from salesdesk.services.quota_inputs import (
    RepTargets,
    TerritoryRoster,
    fiscal_years,
    merged_targets,
    plans_in_force,
    read_roster,
    rep_targets,
)
from salesdesk.services.quotas import quota_members
from salesdesk.services.unit_of_work import UnitOfWorkFactory
from salesdesk.services.workspace_settings import work_calendar

Choice = tuple[str, str, str, str | None]


def midnight(day: date) -> datetime:
    """The start of a day, 00:00 UTC: the moment a day's forecast is made at."""
    return datetime.combine(day, time(), tzinfo=UTC)


def now_utc() -> datetime:
    return datetime.now(UTC)


def moment_of(as_of: date | datetime | None) -> datetime | None:
    """A forecast moment: a day counts from its 00:00 UTC; None stays None (now, live)."""
    if as_of is None or isinstance(as_of, datetime):
        if as_of is not None and (as_of.tzinfo is None or as_of.utcoffset() is None):
            raise ValidationError(f"'{as_of}' is not a moment with a time zone",
                                  field="as_of")
        return as_of
    return midnight(as_of)


def day_of(moment: datetime | None) -> date:
    return (moment or now_utc()).astimezone(UTC).date()


def parse_day(text: str) -> date:
    """'2017-07-01' as a date; a clear error otherwise."""
    try:
        return date.fromisoformat(text.strip())
    except ValueError:
        raise ValidationError(f"'{text}' is not a date; write it as YYYY-MM-DD",
                              field="as_of") from None


def period_named(source: ForecastSource, name: str) -> Period:
    return parse_period(name, source.fiscal_start())


# --- scopes -------------------------------------------------------------------------------
def resolve_scope(choices: Sequence[Choice], spec: ScopeSpec) -> tuple[Scope, str, str | None]:
    """The engine's Scope, a label and the id of what the user named (an id or a name,
    case- and space-insensitive); a territory covers its children."""
    if spec.kind == "company":
        return COMPANY, "Company", None
    ref = spec.ref or ""
    mine = [c for c in choices if c[0] == spec.kind]
    found = [c for c in mine if c[1] == ref] or [c for c in mine
                                                   if name_key(c[2]) == name_key(ref)]
    if not found:
        known = ", ".join(c[2] for c in mine[:8]) or "none yet"
        raise NotFoundError(f"no {spec.kind} is named '{ref}' (known: {known})")
    if len(found) > 1:
        raise ValidationError(f"{len(found)} {spec.kind}s are named '{ref}'; give the id "
                              "instead", field="scope")
    kind, chosen, name, _ = found[0]
    ids = _with_children(mine, chosen) if kind == "territory" else {chosen}
    return Scope(ScopeKind(kind), frozenset(ids)), name, chosen


def stored_scope(choices: Sequence[Choice], kind: str, scope_id: str | None) -> Scope:
    """The scope a snapshot was stored for (its team or territory may be gone since)."""
    if kind == "company" or scope_id is None:
        return COMPANY
    try:
        return resolve_scope(choices, ScopeSpec(kind, scope_id))[0]
    except NotFoundError:
        return Scope(ScopeKind(kind), frozenset({scope_id}))


def _with_children(territories: Sequence[Choice], root: str) -> set[str]:
    children: dict[str | None, list[str]] = {}
    for _, tid, _, parent in territories:
        children.setdefault(parent, []).append(tid)
    found, todo = set(), [root]
    while todo:
        tid = todo.pop()
        if tid not in found:
            found.add(tid)
            todo += children.get(tid, [])
    return found


# --- what a forecast moment reads ---------------------------------------------------------
@dataclass(frozen=True)
class ForecastData:
    """Everything read for forecasts as of one moment. Forecasts of other periods and
    scopes from it are pure computation (no database): keep it to re-scope quickly."""

    moment: datetime | None
    """None: now (the deals' live columns)."""
    as_of: date
    fiscal_start: int
    states: Sequence[DealState]
    history: ClosedHistory
    rates: LearnedRates
    choices: Sequence[Choice]

    def forecast(self, period: Period, scope: Scope, trials: int | None = None) -> Forecast:
        extra = {} if trials is None else {"trials": trials}
        return forecast(self.states, period, self.moment or self.as_of, scope=scope,
                        history=self.history, rates=self.rates,
                        fiscal_start=self.fiscal_start, **extra)


def load_data(source: ForecastSource, as_of: date | datetime | None = None,
              history: ClosedHistory | None = None) -> ForecastData:
    """Read the deals as they stood at `as_of` (None: now) and the closed deals before."""
    moment = moment_of(as_of)
    day = day_of(moment)
    history = history if history is not None else source.closed_history(moment)
    return ForecastData(moment=moment, as_of=day, fiscal_start=source.fiscal_start(),
                        states=source.deal_states(moment), history=history,
                        rates=learn_rates(history, moment or day),
                        choices=source.scope_choices())


# --- quotas -------------------------------------------------------------------------------
@dataclass(frozen=True)
class QuotaBook:
    """The revenue targets of the quota plans in force, read once (`read_quotas`): the
    quota of any period and scope is then computed without the database, from the same
    inputs as services.attainment (services.quota_inputs). A rep's quota is `target_for`
    the period (partial months by business days) from the plans of the fiscal years the
    period touches; a team's is the sum of its reps' (by their team now); a territory's,
    of the reps assigned to it, or to a territory under it, at some point of the period.

    Each period's figures per rep are made on first use and kept, so a re-scope only adds
    them up. Use it from one thread (the app's worker)."""

    calendar: WorkCalendar
    plans: Mapping[int, Mapping[str, Mapping[date, Decimal]]]
    """Fiscal year (with a plan in force) -> rep id -> first day of a month -> target."""
    team_of: Mapping[str, str | None]
    """Every member who carries a quota (services.quotas.quota_members) -> team now."""
    territories: TerritoryRoster = field(default_factory=TerritoryRoster)
    """The live territories and their assignments (services.quota_inputs.read_roster)."""
    kept: dict[tuple[date, date], dict[str, Decimal] | None] = field(
        default_factory=dict, compare=False, repr=False)

    def in_force(self, period: Period) -> bool:
        """Whether a plan is in force for some month of `period`."""
        return any(year in self.plans for year in self._years(period))

    def quota(self, period: Period, scope: Scope) -> Decimal | None:
        """The scope's quota for `period`; None when no plan is in force for it or no rep
        of the scope has a target in the plan."""
        by_rep = self._by_rep(period)
        if by_rep is None:
            return None
        found = [by_rep[m] for m in self._members(period, scope) if m in by_rep]
        return sum(found, ZERO) if found else None

    def _years(self, period: Period) -> list[int]:
        return fiscal_years(period, self.calendar.fiscal_start)

    def _by_rep(self, period: Period) -> dict[str, Decimal] | None:
        key = (period.start, period.end)
        if key not in self.kept:
            years = [y for y in self._years(period) if y in self.plans]
            months = merged_targets(self.plans[year] for year in years)
            self.kept[key] = {rep: Decimal(target_for(m, period, self.calendar)).quantize(CENT)
                              for rep, m in months.items()} if years else None
        return self.kept[key]

    def _members(self, period: Period, scope: Scope) -> set[str]:
        if scope.kind is ScopeKind.COMPANY:
            return set(self.team_of)
        if scope.kind is ScopeKind.MEMBER:
            return set(scope.ids)
        if scope.kind is ScopeKind.TEAM:
            return {m for m, team in self.team_of.items() if team in scope.ids}
        # scope.ids holds the territories under the named one too (resolve_scope)
        by_territory = self.territories.reps_by_territory(period)
        return {m for territory in scope.ids for m in by_territory.get(territory, ())}


def read_quotas(uow_factory: UnitOfWorkFactory) -> QuotaBook:
    """The plans in force (services.quota_inputs.plans_in_force), the reps and the
    territory assignments."""
    with uow_factory() as uow:
        calendar = work_calendar(uow)
        team_of = {m.id: m.team_id for m in quota_members(uow)}
        plans: dict[int, RepTargets] = {year: rep_targets(plan, team_of)
                                        for year, plan in plans_in_force(uow).items()}
        roster = read_roster(uow)
    return QuotaBook(calendar, plans, team_of, roster)


# --- results ------------------------------------------------------------------------------
class LazyDeals(Sequence[ForecastDeal]):
    """The deals behind a forecast, built on first use (a drill-down, the pack, --json):
    a scope change shows the figures and the count without building thousands of per-deal
    records. Equal to (and hashed as) the tuple of the same deals."""

    __slots__ = ("_build", "_count", "_deals")

    def __init__(self, build: Callable[[], Sequence[ForecastDeal]], count: int):
        self._build: Callable[[], Sequence[ForecastDeal]] | None = build
        self._count = count
        self._deals: tuple[ForecastDeal, ...] | None = None

    def _all(self) -> tuple[ForecastDeal, ...]:
        if self._deals is None:
            assert self._build is not None
            self._deals = tuple(self._build())
            self._build = None
        return self._deals

    def __len__(self) -> int:
        return self._count if self._deals is None else len(self._deals)

    @overload
    def __getitem__(self, index: int) -> ForecastDeal: ...

    @overload
    def __getitem__(self, index: slice) -> tuple[ForecastDeal, ...]: ...

    def __getitem__(self, index: int | slice) -> ForecastDeal | tuple[ForecastDeal, ...]:
        return self._all()[index]

    def __iter__(self) -> Iterator[ForecastDeal]:
        return iter(self._all())

    def __eq__(self, other: object) -> bool:
        if isinstance(other, LazyDeals):
            other = other._all()
        return isinstance(other, tuple) and self._all() == other

    def __hash__(self) -> int:
        return hash(self._all())

    def __repr__(self) -> str:
        return repr(self._all())

    def __reduce__(self) -> tuple[Any, ...]:
        return (tuple, (self._all(),))


_PARTS = {"closed_won": Method.CLOSED_WON, "weighted": Method.WEIGHTED,
          "weighted_default": Method.WEIGHTED_DEFAULT, "commit": Method.COMMIT,
          "best_case": Method.BEST_CASE, "historical": Method.HISTORICAL,
          "run_rate": Method.RUN_RATE}


def parts_by_deal(f: Forecast) -> dict[str, dict[str, Decimal]]:
    """deal id -> figure key -> its part, so that each CONTRIBUTION_KEYS figure is the sum
    of the parts (run-rate deals count in historical too: it includes the run rate)."""
    table: dict[str, dict[str, Decimal]] = {}
    for key, method in _PARTS.items():
        for c in f.figure(method).deals:
            row = table.get(c.deal_id)
            if row is None:
                row = table[c.deal_id] = {}
            before = row.get(key)
            row[key] = c.value if before is None else before + c.value
            if key == "run_rate":
                row["historical"] = row.get("historical", ZERO) + c.value
    return table


def deal_ids(f: Forecast) -> set[str]:
    """The deals with a part in some figure: the keys of `parts_by_deal(f)`, cheaply."""
    ids: set[str] = set()
    for method in _PARTS.values():
        ids.update(c.deal_id for c in f.figure(method).deals)
    return ids


def deal_amounts(f: Forecast) -> dict[str, tuple[Decimal, bool]]:
    """deal id -> (the amount its parts are of, whether it is a past run-rate deal)."""
    amounts = {c.deal_id: (c.amount, True) for c in f.run_rate.deals}
    for method in (Method.PIPELINE, Method.CLOSED_WON, Method.HISTORICAL, Method.WEIGHTED):
        amounts.update((c.deal_id, (c.amount, False)) for c in f.figure(method).deals)
    return amounts


def make_result(f: Forecast, spec: ScopeSpec, label: str,
                labels: Mapping[str, tuple[str, str]],
                parts: dict[str, dict[str, Decimal]] | None = None,
                count: int | None = None) -> ForecastResult:
    """`parts`: `parts_by_deal(f)`, when the caller has it already. The deals are built
    on first use (LazyDeals); `count`: how many there are (`len(deal_ids(f))`), when the
    caller has it (else `parts` is made now to count them)."""
    if parts is None and count is None:
        parts = parts_by_deal(f)

    def build() -> list[ForecastDeal]:
        rows = parts_by_deal(f) if parts is None else parts
        amounts = deal_amounts(f)
        deals = [ForecastDeal(deal_id, *labels.get(deal_id, (deal_id[:8], "")),
                              amounts[deal_id][0],
                              {k: row[k] for k in CONTRIBUTION_KEYS if k in row},
                              past=amounts[deal_id][1])
                 for deal_id, row in rows.items()]
        deals.sort(key=lambda d: (d.past, -d.part("weighted"), -d.part("historical"),
                                  d.label))
        return deals

    mc = f.monte_carlo
    return ForecastResult(
        period=f.period.name, period_kind=f.period.kind.value, start=f.period.start,
        end=f.period.end, scope=str(spec), scope_label=label, as_of=f.as_of,
        closed_won=f.closed_won.total, weighted=f.weighted.total,
        weighted_default=f.weighted_default.total, commit=f.commit.total,
        best_case=f.best_case.total, pipeline=f.pipeline.total,
        historical=f.value(Method.HISTORICAL), run_rate=f.run_rate.total, p10=mc.p10,
        p50=mc.p50, p90=mc.p90,
        deals=LazyDeals(build, len(parts) if parts is not None else count or 0))


def figures_of(f: Forecast) -> dict[str, Decimal]:
    """The SNAPSHOT_KEYS figures of a forecast."""
    mc = f.monte_carlo
    return {"closed_won": f.closed_won.total, "weighted": f.weighted.total,
            "weighted_default": f.weighted_default.total, "commit": f.commit.total,
            "best_case": f.best_case.total, "pipeline": f.pipeline.total,
            "historical": f.value(Method.HISTORICAL), "run_rate": f.run_rate.total,
            "p10": mc.p10, "p50": mc.p50, "p90": mc.p90}
