"""What the forecast services read (`ForecastSource`) and return: plain frozen records,
Decimal money, str ids and names, dates. services/forecast.py re-exports all of it."""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal
from typing import Any, Protocol

from salesdesk.domain.attainment import ratio
from salesdesk.domain.errors import ValidationError
from salesdesk.domain.forecast import ClosedHistory, DealState

CENT = Decimal("0.01")
ZERO = Decimal("0.00")
SCOPE_KINDS = ("company", "member", "team", "territory")
FIGURE_KEYS = ("closed_won", "weighted", "commit", "best_case", "historical", "run_rate",
               "p10", "p50", "p90")
"""The figures `salesdesk forecast --json` prints, in its order."""
CONTRIBUTION_KEYS = ("closed_won", "weighted", "commit", "best_case", "historical",
                     "run_rate", "weighted_default")
"""The figures that are sums of per-deal contributions (`ForecastDeal.contributions`)."""
SNAPSHOT_KEYS = ("closed_won", "weighted", "weighted_default", "commit", "best_case",
                 "pipeline", "historical", "run_rate", "p10", "p50", "p90")
"""The figures a snapshot stores ("call" too, for a manager's call)."""


def exact_text(amount: Decimal) -> str:
    """An amount as exact decimal text: two places, more only where the value has them
    (weighted values: '407.4048'), never an exponent."""
    cents = amount.quantize(CENT)
    return f"{cents if cents == amount else amount.normalize():f}"


class ForecastSource(Protocol):
    """What the forecast services read and write (storage.forecast_queries.
    SqlForecastSource in the app, a fake in unit tests). Each call opens its own short
    connection or transaction; run them on the app's worker, never the UI thread."""

    def fiscal_start(self) -> int:
        """The workspace setting "fiscal_start_month" (1 = January)."""
        ...

    def deal_states(self, as_of: datetime | None) -> list[DealState]:
        """Every live deal as it stood at `as_of` (replayed); None: now (live columns)."""
        ...

    def closed_history(self, before: datetime | None = None) -> ClosedHistory:
        """Every deal won or lost (as it stood before `before`), with its stage visits."""
        ...

    def deal_labels(self, ids: Collection[str]) -> dict[str, tuple[str, str]]:
        """deal id -> (label, owner's name)."""
        ...

    def scope_choices(self) -> list[tuple[str, str, str, str | None]]:
        """(kind, id, name, parent id) of every live member, team and territory."""
        ...

    def history_span(self) -> tuple[date, date] | None:
        """UTC days of the first and last stage change (None: no deal yet)."""
        ...

    def close_span(self) -> tuple[date, date] | None:
        """UTC days of the first and last win or loss (None: nothing closed yet)."""
        ...

    def snapshots(self, *, period: str | None = None, kind: str | None = None,
                  with_deals: bool = True) -> list[dict[str, Any]]:
        """Stored snapshots, oldest first, as dicts (storage.forecast_queries.
        SNAPSHOT_FIELDS)."""
        ...

    def add_snapshots(self, rows: Sequence[Mapping[str, Any]]) -> list[str]:
        """Store snapshots in one transaction; the ids stored. An "auto" snapshot whose
        period and scope already has one is skipped (frozen once, even by two clients)."""
        ...


@dataclass(frozen=True)
class ScopeSpec:
    """A scope as the user gives it: kind company | member | team | territory, `ref` an
    id or a name (case- and space-insensitive; None for the company). A territory covers
    its children."""

    kind: str = "company"
    ref: str | None = None

    def __post_init__(self) -> None:
        if self.kind not in SCOPE_KINDS:
            raise ValidationError(f"'{self.kind}' is not a scope; use company, member:NAME, "
                                  "team:NAME or territory:NAME", field="scope")
        if (self.kind == "company") != (not self.ref):
            raise ValidationError("the company scope takes no name; member, team and "
                                  "territory need one (team:NAME)", field="scope")

    @classmethod
    def parse(cls, text: str) -> ScopeSpec:
        """'company', 'member:NAME', 'team:NAME' or 'territory:NAME'."""
        kind, _, ref = text.strip().partition(":")
        return cls(kind.strip().lower(), ref.strip() or None)

    def __str__(self) -> str:
        return self.kind if self.ref is None else f"{self.kind}:{self.ref}"


COMPANY_SPEC = ScopeSpec()


@dataclass(frozen=True)
class ForecastDeal:
    """One deal behind a forecast and its part in each figure (CONTRIBUTION_KEYS, zero
    where it has none). A `past` deal is one behind the run rate: won in an earlier
    period, counted at its won amount / the number of past periods averaged."""

    deal_id: str
    label: str
    owner: str
    amount: Decimal
    contributions: Mapping[str, Decimal]
    past: bool = False

    def part(self, key: str) -> Decimal:
        return self.contributions.get(key, ZERO)


@dataclass(frozen=True)
class ForecastResult:
    """Every figure of a period and scope as of a day, each traceable to `deals`.

    All but `pipeline` and `run_rate` forecast the period's total won (closed won
    included). `historical` includes `run_rate`; p10-p90 are the Monte Carlo spread of
    the same (closed won + simulated wins + run rate). For each key of
    CONTRIBUTION_KEYS, the figure is exactly the sum of the deals' parts."""

    period: str
    period_kind: str
    start: date
    end: date
    """First day after the period."""
    scope: str
    scope_label: str
    as_of: date
    closed_won: Decimal
    weighted: Decimal
    weighted_default: Decimal
    commit: Decimal
    best_case: Decimal
    pipeline: Decimal
    historical: Decimal
    run_rate: Decimal
    p10: Decimal
    p50: Decimal
    p90: Decimal
    deals: Sequence[ForecastDeal]
    """A tuple, or forecast_inputs.LazyDeals (built on first use)."""
    quota: Decimal | None = None
    """The scope's revenue quota for the period from the plan in force (QuotaBook); None
    when no plan is in force for the period (`plan_in_force` False) or when the scope
    carries no quota in it (a manager, a territory without reps)."""
    plan_in_force: bool = False

    @property
    def attainment(self) -> Decimal | None:
        """Closed won / quota as a fraction to 0.0001 (1 = 100 %); None without a quota."""
        return None if self.quota is None else ratio(self.closed_won, self.quota)

    @property
    def open_weighted(self) -> Decimal:
        """The open deals' part of the weighted figure (which includes closed won)."""
        return self.weighted - self.closed_won

    @property
    def coverage(self) -> Decimal | None:
        """Pipeline coverage: the open weighted pipeline over the quota still to win, as a
        fraction (1.5: the pipeline is 1.5 times what remains); None without a quota or
        once it is won (domain.attainment.Attainment.coverage's rule)."""
        if self.quota is None or self.quota <= self.closed_won:
            return None
        return ratio(self.open_weighted, self.quota - self.closed_won)

    def figure(self, key: str) -> Decimal:
        if key not in SNAPSHOT_KEYS:
            raise ValidationError(f"'{key}' is not a forecast figure; use one of "
                                  f"{', '.join(SNAPSHOT_KEYS)}", field="method")
        value = getattr(self, key)
        assert isinstance(value, Decimal)
        return value

    def figures(self) -> dict[str, Decimal]:
        return {k: self.figure(k) for k in SNAPSHOT_KEYS}

    def deals_behind(self, key: str) -> list[ForecastDeal]:
        """The deals with a part in figure `key`, biggest first (p10-p90 and pipeline:
        the open deals simulated, i.e. the historical ones that are not past)."""
        if key in ("p10", "p50", "p90", "pipeline"):
            found = [d for d in self.deals if not d.past and d.part("historical")
                     and not d.part("closed_won")]
            return sorted(found, key=lambda d: (-d.amount, d.label))
        return sorted((d for d in self.deals if d.part(key)),
                      key=lambda d: (-d.part(key), d.label))

    def as_json(self) -> dict[str, Any]:
        """What `salesdesk forecast --json` prints: the figures and the deals behind them,
        amounts as exact decimal strings."""
        keys = CONTRIBUTION_KEYS[:-1]  # the baseline's parts are not printed
        return {k: exact_text(self.figure(k)) for k in FIGURE_KEYS} | {"deals": [
            {"deal_id": d.deal_id, "label": d.label, "owner": d.owner,
             "amount": exact_text(d.amount)} | {k: exact_text(d.part(k)) for k in keys}
            for d in self.deals]}


@dataclass(frozen=True)
class BacktestLine:
    period: str
    method: str
    forecast: Decimal
    actual: Decimal

    @property
    def error(self) -> Decimal:
        """forecast - actual (positive: forecast too much)."""
        return self.forecast - self.actual


@dataclass(frozen=True)
class MethodScore:
    method: str
    count: int
    wape: float | None
    bias: float | None
    hit_rate: float | None


@dataclass(frozen=True)
class BacktestResult:
    scope: str
    rows: tuple[BacktestLine, ...]
    """Period by period, each method in `methods` order (the CRM baseline first)."""
    summary: tuple[MethodScore, ...]
    methods: tuple[str, ...]

    def as_json(self) -> dict[str, Any]:
        """What `salesdesk forecast --backtest --json` prints."""
        return {"rows": [{"period": r.period, "method": r.method,
                          "forecast": exact_text(r.forecast), "actual": exact_text(r.actual),
                          "error": exact_text(r.error)} for r in self.rows],
                "summary": [{"method": s.method, "wape": _round(s.wape),
                             "bias": _round(s.bias), "hit_rate": _round(s.hit_rate)}
                            for s in self.summary]}

    @property
    def periods(self) -> list[str]:
        return list(dict.fromkeys(r.period for r in self.rows))


def _round(value: float | None) -> float | None:
    return None if value is None else round(value, 4)


@dataclass(frozen=True)
class WaterfallDeal:
    deal_id: str
    label: str
    owner: str
    value: Decimal


@dataclass(frozen=True)
class WaterfallStep:
    part: str
    """won_as_forecast | grew_or_shrunk | slipped | lost | reassigned | pulled_in | new"""
    reason: str | None
    """The lost reason's name, for lost steps (None: none given, or the deal is gone)."""
    total: Decimal
    deals: tuple[WaterfallDeal, ...]


@dataclass(frozen=True)
class WaterfallResult:
    """From the weighted forecast at the period start to the actual won in it:
    forecast + the steps' totals == actual, exactly."""

    period: str
    scope: str
    forecast: Decimal
    actual: Decimal
    steps: tuple[WaterfallStep, ...]
    actual_as_of: date | None
    """The day the actual is read at the start of (the period's end), None: now, while
    the period runs."""
    forecast_deals: tuple[WaterfallDeal, ...] = ()
    actual_deals: tuple[WaterfallDeal, ...] = ()


@dataclass(frozen=True)
class SeriesPoint:
    """One period of the chart: the forecast as of its first day vs the actual won."""

    period: str
    start: date
    end: date
    weighted: Decimal
    weighted_default: Decimal
    historical: Decimal
    p10: Decimal
    p50: Decimal
    p90: Decimal
    actual: Decimal | None
    """Won in the period so far; None for a period not started yet."""
    quota: Decimal | None
    """The scope's quota for the period from the plan in force; None where no plan is in
    force (or the scope carries no quota), never a made-up number."""
    frozen: bool
    """True: the figures are the auto snapshot frozen at the period start; False: replayed
    from the stage history."""


@dataclass(frozen=True)
class SnapshotRecord:
    """A stored forecast snapshot: `kind` "auto" (frozen at the start of its period, as of
    that moment) or "call" (a manager's call: `figures["call"]` = its base figure +
    `adjustment`). `figures` holds SNAPSHOT_KEYS as exact Decimals."""

    id: str
    period: str
    period_kind: str
    scope_kind: str
    scope_id: str | None
    as_of: datetime
    kind: str
    figures: Mapping[str, Decimal]
    adjustment: Decimal | None
    comment: str
    created_at: datetime
    created_by: str
    deals: Mapping[str, Any] = field(default_factory=dict, compare=False, repr=False)
    """Compact per-deal contributions: {"start", "end", "keys", "rows": [[deal id,
    owner id, team id, part per key as text ("" for none)], ...]}."""


@dataclass(frozen=True)
class FreezeResult:
    created: tuple[SnapshotRecord, ...]
    """The snapshots frozen by this call (empty when every current period had one)."""


@dataclass(frozen=True)
class AccuracyLine:
    """How good stored snapshots were, for one group and method, over the periods that
    have ended: forecast and actual summed, bias, WAPE and hit rate within 10 %."""

    level: str
    """company | team | member"""
    key: str | None
    label: str
    method: str
    count: int
    forecast: Decimal
    actual: Decimal
    wape: float | None
    bias: float | None
    hit_rate: float | None


@dataclass(frozen=True)
class HistorySpan:
    """How far the workspace's history reaches: stage changes and closes (UTC days)."""

    first_change: date
    last_change: date
    first_close: date | None
    last_close: date | None
