"""Forecast actions (issue 6): the figures of a period and scope with the deals behind
them, the backtest, the waterfall, the chart series, and forecast snapshots.

Every action takes a `ForecastSource` (storage.forecast_queries.SqlForecastSource(engine)
in the app, a fake in unit tests) and primitives, and returns plain frozen records
(services/forecast_records.py): Decimal money, str ids and names, dates. Scopes are
`ScopeSpec(kind, ref)` (ref: an id or a name); periods are names ("2017-Q3", "2017-07",
"2017-W27", "2017") in the workspace's fiscal calendar (setting fiscal_start_month).
A forecast "as of" a day is made at its 00:00 UTC, from the deals as they stood then,
replayed from the stage history; as of None it is made now, from the live deals.

Quotas (issue 5): pass the `QuotaBook` of the plans in force (`read_quotas(uow_factory)`,
read once) and each result and series point carries the scope's quota for its period,
with the pipeline coverage (ForecastResult.coverage); without it, or without a plan, the
quota is None: never a made-up number.

Threading: each action reads the database (up to a second or two on a big workspace):
the UI runs them on its worker (ui/ops.py), never on the UI thread. To re-scope quickly,
read once with `load_data` (and `read_quotas`) and call `forecast_from(data, ...)` /
`series_from(...)`.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import date, datetime
from decimal import Decimal

from salesdesk.domain.forecast import (
    BACKTEST_METHODS,
    Contribution,
    DealState,
    Scope,
    backtest,
    waterfall,
)
from salesdesk.domain.forecast.historical import open_odds
from salesdesk.domain.forecast.inputs import COMPANY, ZERO, in_scope
from salesdesk.domain.forecast.montecarlo import SEED, TRIALS
from salesdesk.domain.forecast.rescope import PeriodParts
from salesdesk.domain.periods import Period, PeriodKind, containing, preceding
from salesdesk.domain.pipeline import Outcome
from salesdesk.services.forecast_inputs import (
    ForecastData,
    QuotaBook,
    deal_ids,
    load_data,
    make_result,
    midnight,
    now_utc,
    parse_day,
    period_named,
    read_quotas,
    resolve_scope,
)
from salesdesk.services.forecast_records import (
    COMPANY_SPEC,
    CONTRIBUTION_KEYS,
    FIGURE_KEYS,
    SNAPSHOT_KEYS,
    AccuracyLine,
    BacktestLine,
    BacktestResult,
    ForecastDeal,
    ForecastResult,
    ForecastSource,
    FreezeResult,
    HistorySpan,
    MethodScore,
    ScopeSpec,
    SeriesPoint,
    SnapshotRecord,
    WaterfallDeal,
    WaterfallResult,
    WaterfallStep,
    exact_text,
)
from salesdesk.services.forecast_snapshots import (
    freeze_due_snapshots,
    list_snapshots,
    record_call,
    snapshot_accuracy,
)

__all__ = [
    "COMPANY_SPEC", "CONTRIBUTION_KEYS", "FIGURE_KEYS", "SNAPSHOT_KEYS", "AccuracyLine",
    "BacktestLine", "BacktestResult", "ForecastData", "ForecastDeal", "ForecastResult",
    "ForecastSource", "FreezeResult", "HistorySpan", "MethodScore", "QuotaBook", "ScopeSpec",
    "SeriesData", "SeriesPoint", "SnapshotRecord", "WaterfallDeal", "WaterfallResult",
    "WaterfallStep", "backtest_for", "default_quarters", "exact_text", "forecast_for",
    "forecast_from", "freeze_due_snapshots", "history_span_for", "list_snapshots",
    "load_data", "load_series", "parse_day", "period_named", "read_quotas", "record_call",
    "series_for", "series_from", "snapshot_accuracy", "waterfall_for",
]


# --- the figures of a period --------------------------------------------------------------
def forecast_for(source: ForecastSource, period: str, as_of: date | datetime | None = None,
                 scope: ScopeSpec = COMPANY_SPEC, quotas: QuotaBook | None = None
                 ) -> ForecastResult:
    """Every figure of `period` for `scope` as of `as_of` (a day: its 00:00 UTC; None:
    now), each with the deals behind it, and the scope's quota from `quotas`.
    ValidationError for a bad period, NotFoundError for an unknown member, team or
    territory."""
    named = period_named(source, period)
    return forecast_from(load_data(source, as_of), named, scope, source, quotas=quotas)


def forecast_from(data: ForecastData, period: Period, scope: ScopeSpec = COMPANY_SPEC,
                  source: ForecastSource | None = None,
                  labels: Mapping[str, tuple[str, str]] | None = None,
                  quotas: QuotaBook | None = None) -> ForecastResult:
    """The same from data already read: pure computation but for the deal labels (read
    from `source` unless given; without either, deals are labelled by id)."""
    resolved, label, _ = resolve_scope(data.choices, scope)
    f = data.forecast(period, resolved)
    ids = deal_ids(f)
    if labels is None:
        labels = source.deal_labels(ids) if source is not None else {}
    # the per-deal records are built on first use (a drill-down), not on every re-scope
    result = make_result(f, scope, label, labels, count=len(ids))
    if quotas is None:
        return result
    return replace(result, quota=quotas.quota(period, resolved),
                   plan_in_force=quotas.in_force(period))


# --- the backtest -------------------------------------------------------------------------
def history_span_for(source: ForecastSource) -> HistorySpan | None:
    """How far the history reaches (None: no deal yet). The sample company's closes run
    through 2017, while deals it imported without a date start at the import: pickers
    can default to the last close rather than today."""
    span = source.history_span()
    if span is None:
        return None
    closes = source.close_span()
    return HistorySpan(span[0], span[1], closes[0] if closes else None,
                       closes[1] if closes else None)


def default_quarters(source: ForecastSource, today: date | None = None) -> list[str]:
    """Every quarter from the one of the first close to the one of the last, that has
    ended by `today` (the sample company: 2017-Q1..2017-Q4)."""
    today = today or now_utc().date()
    span = history_span_for(source)
    if span is None or span.first_close is None or span.last_close is None:
        return []
    fiscal = source.fiscal_start()
    found, quarter = [], containing(span.first_close, PeriodKind.QUARTER, fiscal)
    while quarter.start <= span.last_close and quarter.end <= today:
        found.append(quarter.name)
        quarter = containing(quarter.end, PeriodKind.QUARTER, fiscal)
    return found


def backtest_for(source: ForecastSource, periods: Sequence[str] | None = None,
                 scope: ScopeSpec = COMPANY_SPEC, today: date | None = None
                 ) -> BacktestResult:
    """Score every method on past periods: each forecast made at the period's first day
    from the deals as they stood then, learning only from the deals closed before, against
    the won amount inside the period. Methods: the plain weighted pipeline with default
    stage probabilities (the CRM baseline) first, then weighted, commit, best case,
    historical (with the run rate) and the Monte Carlo P50. Default periods:
    `default_quarters`."""
    names = list(periods) if periods is not None else default_quarters(source, today)
    named = [period_named(source, p) for p in names]
    resolved, _, _ = resolve_scope(source.scope_choices(), scope)
    cache: dict[date, list[DealState]] = {}

    def states_at(day: date) -> list[DealState]:
        if day not in cache:
            cache[day] = source.deal_states(midnight(day))
        return cache[day]

    last_end = max((p.end for p in named), default=None)
    history = source.closed_history(midnight(last_end) if last_end else None)
    result = backtest(states_at, history, named, scopes=(resolved,),
                      fiscal_start=source.fiscal_start())
    return BacktestResult(
        scope=str(scope),
        rows=tuple(BacktestLine(r.period.name, r.method.value, r.forecast, r.actual)
                   for r in result.rows),
        summary=tuple(MethodScore(s.method.value, s.count, s.wape, s.bias, s.hit_rate)
                      for s in result.summary),
        methods=tuple(m.value for m in BACKTEST_METHODS))


# --- the waterfall ------------------------------------------------------------------------
def waterfall_for(source: ForecastSource, period: str, scope: ScopeSpec = COMPANY_SPEC,
                  today: date | None = None) -> WaterfallResult:
    """From the weighted forecast made at the period's first day to the won amount in the
    period (read at its end, or now while it runs), deal by deal."""
    named = period_named(source, period)
    resolved, _, _ = resolve_scope(source.scope_choices(), scope)
    today = today or now_utc().date()
    ended = named.end <= today
    start = source.deal_states(midnight(named.start))
    end = source.deal_states(midnight(named.end) if ended else None)
    w = waterfall(start, end, named, resolved)
    ids = {c.deal_id for step in w.steps for c in step.deals} | set(w.forecast.deal_ids)
    labels = source.deal_labels(ids)

    def deals(contributions: Sequence[Contribution]) -> tuple[WaterfallDeal, ...]:
        return tuple(WaterfallDeal(c.deal_id, *labels.get(c.deal_id, (c.deal_id[:8], "")),
                                   c.value) for c in contributions)

    return WaterfallResult(
        period=named.name, scope=str(scope), forecast=w.forecast.total,
        actual=w.actual.total,
        steps=tuple(WaterfallStep(s.part.value, s.reason, s.total, deals(s.deals))
                    for s in w.steps),
        actual_as_of=named.end if ended else None, forecast_deals=deals(w.forecast.deals),
        actual_deals=deals(w.actual.deals))


# --- the chart series ---------------------------------------------------------------------
@dataclass(frozen=True)
class SeriesData:
    """What the chart reads once (per kind and count): the deals at each period's start,
    now, the closed deals and the frozen snapshots. `series_from` re-scopes it in memory."""

    periods: tuple[Period, ...]
    starts: Mapping[date, ForecastData]
    now: Sequence[DealState]
    today: date
    frozen: Mapping[tuple[str, str, str | None], Mapping[str, Decimal]]
    parts: dict[tuple[date, int], PeriodParts] = field(default_factory=dict, compare=False)
    """Per period start and trials: the company forecast split by deal, made on first use
    and re-scoped by every later `series_from` (domain.forecast.rescope)."""


def load_series(source: ForecastSource, kind: str = "month", count: int = 12,
                until: date | None = None) -> SeriesData:
    """`count` periods of `kind` ending with the one holding `until` (None: today)."""
    today = now_utc().date()
    fiscal = source.fiscal_start()
    last = containing(until or today, PeriodKind(kind), fiscal)
    periods = [last]
    while len(periods) < max(count, 1):
        periods.insert(0, preceding(periods[0], fiscal))
    history = source.closed_history(None)
    starts = {p.start: load_data(source, p.start, history) for p in periods
              if p.start <= today}
    frozen = {(r.period, r.scope_kind, r.scope_id): r.figures
              for r in list_snapshots(source, kind="auto")}
    return SeriesData(tuple(periods), starts, source.deal_states(None), today, frozen)


def series_from(data: SeriesData, scope: ScopeSpec = COMPANY_SPEC, trials: int | None = None,
                quotas: QuotaBook | None = None) -> list[SeriesPoint]:
    """Per period: the forecast as of its first day (the frozen auto snapshot when there is
    one for the scope) vs the won amount so far, and the scope's quota from `quotas`. No
    database: fast enough to redraw (`quotas` keeps each period's figures per rep)."""
    points = []
    won: dict[Scope, tuple[list[date], list[Decimal]]] = {}
    """The scope's deals won by now, by close day: each period's actual is a slice."""
    first = next(iter(data.starts.values()), None)
    resolved, _, scope_id = resolve_scope(first.choices, scope) if first else (None, "", None)
    for p in data.periods:
        base = data.starts.get(p.start)
        quota = None if quotas is None or resolved is None else quotas.quota(p, resolved)
        if base is None or resolved is None:  # not started yet
            zero = Decimal("0.00")
            points.append(SeriesPoint(p.name, p.start, p.end, zero, zero, zero, zero, zero,
                                      zero, None, quota, False))
            continue
        stored = data.frozen.get((p.name, scope.kind, scope_id))
        figures = dict(stored) if stored else _replayed(data, base, p, resolved, trials)
        if resolved not in won:
            deals = sorted((s.closed_on, s.value) for s in in_scope(data.now, resolved)
                           if s.outcome is Outcome.WON and s.closed_on is not None)
            won[resolved] = ([d for d, _ in deals], [v for _, v in deals])
        days, values = won[resolved]
        # closed_won(data.now, p, resolved).total: the won amounts closed in the period
        actual = sum(values[bisect_left(days, p.start):bisect_left(days, p.end)], ZERO)
        points.append(SeriesPoint(
            p.name, p.start, p.end, figures["weighted"], figures["weighted_default"],
            figures["historical"], figures["p10"], figures["p50"], figures["p90"], actual,
            quota, stored is not None))
    return points


def _replayed(data: SeriesData, base: ForecastData, period: Period, scope: Scope,
              trials: int | None) -> dict[str, Decimal]:
    """The forecast of `period` as of its start for `scope`: the same figures as
    `figures_of(base.forecast(period, scope, trials))`, re-scoped from the company's."""
    count = TRIALS if trials is None else trials
    key = (period.start, count)
    if key not in data.parts:
        company = base.forecast(period, COMPANY, count)
        odds = open_odds(base.states, period, base.moment or base.as_of, base.rates)
        data.parts[key] = PeriodParts.of(company, base.states, odds, base.history, count,
                                         SEED)
    return data.parts[key].figures(scope)


def series_for(source: ForecastSource, scope: ScopeSpec = COMPANY_SPEC, kind: str = "month",
               count: int = 12, until: date | None = None, quotas: QuotaBook | None = None
               ) -> list[SeriesPoint]:
    """For the tab's chart: per period, the forecast as of its start (weighted, the
    baseline, historical, P10/P50/P90) vs the actual won, and the quota (`quotas`; None
    without a plan in force)."""
    return series_from(load_series(source, kind, count, until), scope, quotas=quotas)
