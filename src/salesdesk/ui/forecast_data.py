"""What the Forecast tab reads, and the reads themselves (they run on the worker).

Each `load_*` function takes the tab's `Cache` (what earlier reads found, kept for quick
redraws) and plain values, and returns frozen records; the tab hands them to
ctx.ops.run and gets the result on the UI thread. The services (services.forecast) and
queries (storage.analysis_queries) load numpy and SQLAlchemy, so they are imported
inside the functions, never when the tab is built.
"""

from __future__ import annotations

import time
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from datetime import date, timedelta
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import sqlalchemy as sa

    from salesdesk.services.forecast import (
        BacktestResult,
        ForecastDeal,
        ForecastResult,
        SeriesPoint,
        WaterfallResult,
    )
    from salesdesk.storage.analysis_rows import FunnelRow, LeaderRow
    from salesdesk.storage.rows import MemberRow

SERIES_COUNT = {"month": 12, "quarter": 8}
SERIES_TRIALS = 2_000
"""Monte Carlo trials per period of the series chart's P10-P90 band (the headline P10 /
P50 / P90 keep the engine's 10,000, as do the frozen snapshots the chart shows where it
has them). Each period replays its own forecast; with 2,000 trials a band edge moves by
well under one percent of the total from one seed to another on the sample company, far
below what a chart shows, and the series costs a fifth of the simulation."""
STALE_DAYS = 92
KEEP_DAYS = 3
KEEP_READS = 24
SCOPE_KINDS = ("company", "team", "member", "territory")


@dataclass(frozen=True)
class Choice:
    """A member, team or territory to scope the forecast to."""

    kind: str
    id: str
    name: str
    parent_id: str | None = None


@dataclass(frozen=True)
class Setup:
    """What the pickers offer: scopes, the days the workspace has history for, and the
    day to start on (today, or the last day of a history that ended before)."""

    choices: tuple[Choice, ...]
    span: tuple[date, date] | None
    default_day: date
    fiscal_start: int
    currency: str


@dataclass(frozen=True)
class Request:
    """What the tab shows: the scope, the period (by name) and the forecast day."""

    period: str
    as_of: date
    scope_kind: str = "company"
    scope_id: str | None = None
    scope_ids: tuple[str, ...] = ()
    """The scope and, for a territory, its descendants (whose names key the analysis)."""
    metric: str = "won_amount"
    series_kind: str = "month"


@dataclass(frozen=True)
class ForecastView:
    request: Request
    result: ForecastResult
    waterfall: WaterfallResult | None
    series: tuple[SeriesPoint, ...]
    funnel: FunnelRow | None
    leaders: tuple[LeaderRow, ...]
    highlight: str | None = None
    """The leaderboard key of the member the forecast is scoped to."""
    compute_seconds: float = 0.0
    complete: bool = True
    """False until the waterfall and the series are in (see load_figures)."""


@dataclass(frozen=True)
class PackExtras:
    """What only the management pack needs: the backtest (None if it failed)."""

    backtest: BacktestResult | None = None
    problems: tuple[str, ...] = field(default=())


def _spec(kind: str, ref: str | None) -> Any:
    from salesdesk.services.forecast import ScopeSpec

    return ScopeSpec(kind, ref if kind != "company" else None)


def _choice(raw: Any) -> Choice:
    if isinstance(raw, tuple):
        return Choice(*raw)
    return Choice(raw.kind, raw.id, raw.name, raw.parent_id)


def default_day(last_close: date | None, today: date) -> date:
    """Today; or, in a workspace whose last deal closed more than a quarter ago (the
    sample company ends in 2017), the first day of that last quarter, so that the tab
    opens on a forecast with something to show and a period that ran its course."""
    from salesdesk.domain.periods import PeriodKind, containing

    if last_close is None or (today - last_close).days <= STALE_DAYS:
        return today
    return containing(last_close, PeriodKind.QUARTER).start


class Cache:
    """What a redraw can reuse: the deals read for a forecast day, the series' per-period
    data, the waterfall of a period and scope, and the quota plans in force. Used on the
    worker only (one thread); the tab drops it for a new one when the workspace changes
    (or only its quotas, when a plan or the calendar changes)."""

    def __init__(self, engine: sa.Engine, uow: Any = None):
        self.engine = engine
        self.uow = uow
        """The unit-of-work factory the quota plans are read with (None: no quotas)."""
        self._quotas: tuple[Any] | None = None
        self._source: Any = None
        self._first: tuple[date | None] | None = None
        self.data: dict[date, Any] = {}
        self.series: dict[tuple[str, int, date], Any] = {}
        self.waterfalls: dict[tuple[str, str, str | None], WaterfallResult] = {}
        self.reads: dict[tuple[Any, ...], Any] = {}
        """The analysis rows of a period by dimension, the members, the scope names."""

    def kept(self, key: tuple[Any, ...], read: Any) -> Any:
        """`read()`, or what it returned for `key` before (the last KEEP_READS kept)."""
        if key not in self.reads:
            while len(self.reads) >= KEEP_READS:
                self.reads.pop(next(iter(self.reads)))
            self.reads[key] = read()
        return self.reads[key]

    @property
    def source(self) -> Any:
        """The forecast services' source (made on the worker, where storage is loaded),
        keeping the deal states of the last few moments read: a scope change then builds
        the waterfall from the period's start and end states already read, not from SQL."""
        if self._source is None:
            from salesdesk.storage.forecast_queries import SqlForecastSource

            self._source = KeptStates(SqlForecastSource(self.engine))
        return self._source

    @property
    def plain(self) -> Any:
        """The source without kept states: for reads kept elsewhere (the day's data, the
        series) or made once (the backtest, a call), so they do not push the waterfall's
        states out."""
        return self.source.inner

    def forecast_data(self, as_of: date) -> Any:
        """The deals as they stood at `as_of` (the last few days asked for are kept)."""
        from salesdesk.services import forecast as svc

        if as_of not in self.data:
            while len(self.data) >= KEEP_DAYS:
                self.data.pop(next(iter(self.data)))
            self.data[as_of] = svc.load_data(self.plain, as_of)
        return self.data[as_of]

    def series_data(self, kind: str, count: int, until: date) -> Any:
        from salesdesk.services import forecast as svc

        key = (kind, count, until)
        if key not in self.series:
            self.series[key] = svc.load_series(self.plain, kind, count, until)
        return self.series[key]

    def quotas(self) -> Any:
        """The quota plans in force (services.forecast.QuotaBook), read once: every scope
        and period after that is a sum in memory. None without a unit of work."""
        if self._quotas is None:
            from salesdesk.services import forecast as svc

            self._quotas = (None if self.uow is None else svc.read_quotas(self.uow),)
        return self._quotas[0]

    def drop_quotas(self) -> None:
        """A plan changed: read the plans again on next use (the deals read are kept)."""
        self._quotas = None

    def first_day(self) -> date | None:
        """The first day of the stage history (the series starts no earlier)."""
        if self._first is None:
            span = self.source.history_span()
            self._first = (span[0] if span else None,)
        return self._first[0]

    def waterfall(self, period: str, kind: str, ref: str | None) -> WaterfallResult:
        from salesdesk.services import forecast as svc

        key = (period, kind, ref)
        if key not in self.waterfalls:
            self.waterfalls[key] = svc.waterfall_for(self.source, period, _spec(kind, ref))
        return self.waterfalls[key]


class KeptStates:
    """A ForecastSource that keeps what re-scoping reads again and again: the deal states
    of the last KEEP_MOMENTS moments, the scope choices and the deal labels. Everything
    else goes to the source it wraps. Dropped with its Cache when the workspace changes."""

    KEEP_MOMENTS = 6

    def __init__(self, inner: Any):
        self.inner = inner
        self.states: dict[Any, Any] = {}
        self.labels: dict[str, tuple[str, str]] = {}
        self._choices: Any = None

    def __getattr__(self, name: str) -> Any:
        return getattr(self.inner, name)

    def deal_states(self, at: Any = None) -> Any:
        if at not in self.states:
            while len(self.states) >= self.KEEP_MOMENTS:
                self.states.pop(next(iter(self.states)))
            self.states[at] = self.inner.deal_states(at)
        return self.states[at]

    def scope_choices(self) -> Any:
        if self._choices is None:
            self._choices = self.inner.scope_choices()
        return self._choices

    def deal_labels(self, ids: Any) -> dict[str, tuple[str, str]]:
        missing = [i for i in ids if i not in self.labels]
        if missing:
            self.labels.update(self.inner.deal_labels(missing))
        return {i: self.labels[i] for i in ids if i in self.labels}

    def add_snapshots(self, rows: Any) -> Any:
        return self.inner.add_snapshots(rows)


def load_setup(cache: Cache, currency_of: Any, today: date) -> Setup:
    from salesdesk.services import forecast as svc

    span = svc.history_span_for(cache.source)
    days = (span.first_change, max(span.last_change, span.last_close or span.last_change)) \
        if span else None
    return Setup(tuple(_choice(c) for c in cache.source.scope_choices()), days,
                 default_day(span.last_close if span else None, today),
                 cache.source.fiscal_start(), currency_of())


def load_view(cache: Cache, request: Request) -> ForecastView:
    """Everything the tab shows for `request` (on the worker)."""
    return with_charts(load_figures(cache, request), load_charts(cache, request))


def load_figures(cache: Cache, request: Request) -> ForecastView:
    """The quick part (a tenth of a second or so): the figures re-scoped from the day's
    deals read before, the funnel and the leaderboard; the waterfall and the series to
    follow (`load_charts`)."""
    started = time.perf_counter()
    from salesdesk.services import forecast as svc

    scope = _spec(request.scope_kind, request.scope_id)
    period = svc.period_named(cache.source, request.period)
    result = svc.forecast_from(cache.forecast_data(request.as_of), period, scope, cache.source,
                               quotas=cache.quotas())
    with cache.engine.connect() as conn:
        funnel = _funnel(conn, request, result, cache)
        leaders, highlight = _leaders(conn, request, result, cache)
    return ForecastView(request, result, None, (), funnel, tuple(leaders), highlight,
                        time.perf_counter() - started, complete=False)


@dataclass(frozen=True)
class Charts:
    request: Request
    waterfall: WaterfallResult
    series: tuple[SeriesPoint, ...]
    seconds: float


def load_charts(cache: Cache, request: Request) -> Charts:
    """The slower part on a new day or period: the waterfall (the deals at the period's
    start and end) and the forecast of every period of the series. On a scope change the
    states and the series' per-period company forecasts are kept (`Cache`, SeriesData.parts)
    and re-scoped in a few milliseconds per period."""
    started = time.perf_counter()
    from salesdesk.services import forecast as svc

    scope = _spec(request.scope_kind, request.scope_id)
    period = svc.period_named(cache.source, request.period)
    waterfall = cache.waterfall(request.period, request.scope_kind, request.scope_id)
    series = svc.series_from(cache.series_data(request.series_kind,
                                               SERIES_COUNT[request.series_kind],
                                               period.end - timedelta(days=1)), scope,
                            trials=SERIES_TRIALS, quotas=cache.quotas())
    first = cache.first_day()
    kept = tuple(p for p in series if first is None or p.end > first)
    return Charts(request, waterfall, kept, time.perf_counter() - started)


def with_charts(view: ForecastView, charts: Charts) -> ForecastView:
    return replace(view, waterfall=charts.waterfall, series=charts.series, complete=True,
                   compute_seconds=view.compute_seconds + charts.seconds)


def _period_of(conn: sa.Connection, name: str) -> Any:
    from salesdesk.storage import analysis_queries as aq

    return aq.period_named(conn, name)


def _funnel(conn: sa.Connection, request: Request, result: ForecastResult,
            cache: Cache | None = None) -> FunnelRow | None:
    """The scope's funnel row: the company total, or the rows of the scope's key (a
    territory and its descendants, added up). With `cache`, the rows of the period by
    the dimension are read once for every scope of that kind."""
    from salesdesk.storage import analysis_queries as aq

    by = "team" if request.scope_kind == "company" else request.scope_kind
    rows = _kept(cache, ("funnel", by, request.period),
                 lambda: aq.funnel(conn, by, _period_of(conn, request.period)))
    if request.scope_kind == "company":
        return next((r for r in rows if r.key == aq.TOTAL), None)
    names = _scope_names(conn, request, cache)
    return add_funnel_rows([r for r in rows if r.key in names], result.scope_label)


def add_funnel_rows(rows: Sequence[FunnelRow], key: str) -> FunnelRow | None:
    """Several funnel rows as one (the dimension splits the deals, so counts add up)."""
    from salesdesk.storage.analysis_rows import FunnelRow, StageReach

    if len(rows) <= 1:
        return rows[0] if rows else None
    won, lost = sum(r.won for r in rows), sum(r.lost for r in rows)
    reached: dict[str, int] = {}
    outcome: dict[str, str] = {}
    dropped: dict[str, int | None] = {}
    for r in rows:
        for s in r.stages:
            reached[s.stage] = reached.get(s.stage, 0) + s.reached
            outcome[s.stage] = s.outcome
            before = dropped.get(s.stage, 0)
            dropped[s.stage] = None if s.dropped is None or before is None \
                else before + s.dropped
    stages = tuple(StageReach(name, outcome[name], n, dropped[name])
                   for name, n in reached.items())
    return FunnelRow(key, won, lost, sum(r.open for r in rows),
                     won / (won + lost) if won + lost else None,
                     sum((r.won_amount for r in rows), rows[0].won_amount * 0), stages)


def _kept(cache: Cache | None, key: tuple[Any, ...], read: Any) -> Any:
    return read() if cache is None else cache.kept(key, read)


def scope_names(conn: sa.Connection, request: Request, cache: Cache | None = None
                ) -> set[str]:
    """The names that key the scope in the analysis (a territory: with its descendants)."""
    from salesdesk.storage.forecast_queries import scope_choices

    ids = set(request.scope_ids) | {request.scope_id or ""}
    choices = _kept(cache, ("choices",), lambda: scope_choices(conn))
    return {_choice(c).name for c in choices if _choice(c).id in ids}


_scope_names = scope_names


def _leaders(conn: sa.Connection, request: Request, result: ForecastResult,
             cache: Cache | None = None) -> tuple[list[LeaderRow], str | None]:
    """Members ranked on the metric over the period: the whole company, the members of
    the team (of the member's team, the member highlighted), or of the territory."""
    from salesdesk.storage import analysis_queries as aq
    from salesdesk.storage import queries

    rows = _kept(cache, ("metrics", request.period),
                 lambda: aq.metrics(conn, "member", _period_of(conn, request.period)))
    members = _kept(cache, ("members",), lambda: queries.members(conn))
    keep = _leader_names(request, members, _scope_names(conn, request, cache))
    highlight = result.scope_label if request.scope_kind == "member" else None
    if keep is not None:
        rows = [r for r in rows if r.key in keep]
    return aq.rank(rows, request.metric), highlight


def _leader_names(request: Request, members: Sequence[MemberRow],
                  scope_names: set[str]) -> set[str] | None:
    kind = request.scope_kind
    if kind == "company":
        return None
    if kind == "team":
        return {m.name for m in members if m.team_id == request.scope_id}
    if kind == "member":
        me = next((m for m in members if m.id == request.scope_id), None)
        team = me.team_id if me else None
        return {m.name for m in members if m.id == request.scope_id
                or (team is not None and m.team_id == team)}
    return {m.name for m in members if scope_names & set(m.territories)}


def load_leaders(cache: Cache, request: Request, result: ForecastResult
                 ) -> tuple[list[LeaderRow], str | None]:
    with cache.engine.connect() as conn:
        return _leaders(conn, request, result, cache)


def load_deals(cache: Cache, period: str, as_of: date, scope_kind: str,
               scope_ref: str | None, key: str) -> tuple[ForecastResult, list[ForecastDeal]]:
    """The deals behind figure `key` of a forecast other than the one on screen (a past
    period's forecast, its actual, a rep's wins)."""
    from salesdesk.services import forecast as svc

    named = svc.period_named(cache.source, period)
    result = svc.forecast_from(cache.forecast_data(as_of), named, _spec(scope_kind, scope_ref),
                               cache.source)
    return result, result.deals_behind(key)


def load_backtest(cache: Cache, scope_kind: str, scope_ref: str | None,
                  today: date) -> PackExtras:
    from salesdesk.services import forecast as svc

    try:
        return PackExtras(svc.backtest_for(cache.source, None, _spec(scope_kind, scope_ref),
                                           today))
    except Exception as exc:  # the pack goes out without it, saying why
        return PackExtras(None, (f"{type(exc).__name__}: {exc}",))


# --- a manager's call, the forecast history, the funnel's deals ---------------------------
def record_call(cache: Cache, request: Request, adjustment: Any, comment: str) -> Any:
    """Store a manager's call for the request's period and scope (a SnapshotRecord)."""
    from salesdesk.services import forecast as svc

    return svc.record_call(cache.plain, request.period,
                           _spec(request.scope_kind, request.scope_id), adjustment, comment)


@dataclass(frozen=True)
class HistoryLine:
    """A stored snapshot of the scope, with the period's actual once it has ended."""

    snapshot: Any
    actual: Any = None
    """Won in the period (None while it runs)."""

    @property
    def figure(self) -> Any:
        """What the snapshot forecast: the call for a call, else the weighted figure."""
        f = self.snapshot.figures
        return f.get("call") if self.snapshot.kind == "call" else f.get("weighted")

    @property
    def error(self) -> Any:
        return None if self.actual is None or self.figure is None else \
            self.figure - self.actual


@dataclass(frozen=True)
class History:
    scope_kind: str
    scope_id: str | None
    lines: tuple[HistoryLine, ...]
    accuracy: tuple[Any, ...]
    """services.forecast.AccuracyLine of the scope (snapshots whose period has ended)."""


def load_history(cache: Cache, scope_kind: str, scope_id: str | None, today: date
                 ) -> History:
    """The scope's snapshots, newest first, each with its period's actual once ended, and
    the scope's accuracy per method from the snapshots (on the worker)."""
    from salesdesk.domain.periods import parse_period
    from salesdesk.services import forecast as svc

    source = cache.plain
    fiscal = source.fiscal_start()
    snaps = [s for s in svc.list_snapshots(source)
             if (s.scope_kind, s.scope_id) == (scope_kind, scope_id)]
    actuals: dict[str, Any] = {}
    lines = []
    for s in reversed(snaps):
        period = parse_period(s.period, fiscal)
        if period.end <= today and s.period not in actuals:
            result = svc.forecast_from(svc.load_data(source, period.end), period,
                                       _spec(scope_kind, scope_id), labels={})
            actuals[s.period] = result.closed_won
        lines.append(HistoryLine(s, actuals.get(s.period)))
    accuracy = tuple(a for a in svc.snapshot_accuracy(source, today)
                     if (a.level, a.key) == (scope_kind, scope_id))
    return History(scope_kind, scope_id, tuple(lines), accuracy)


def load_scope_backtest(cache: Cache, scope_kind: str, scope_id: str | None,
                        today: date) -> BacktestResult:
    """Every method replayed on the workspace's past quarters for the scope."""
    from salesdesk.services import forecast as svc

    return svc.backtest_for(cache.plain, None, _spec(scope_kind, scope_id), today)


def load_funnel_deals(cache: Cache, request: Request, stage: str) -> list[Any]:
    """The deals behind funnel stage `stage` of the request's period and scope, with the
    funnel's own definitions (storage.funnel_deals)."""
    from salesdesk.storage.funnel_deals import funnel_deals

    with cache.engine.connect() as conn:
        period = _period_of(conn, request.period)
        if request.scope_kind == "company":
            return funnel_deals(conn, stage, None, period)
        return funnel_deals(conn, stage, request.scope_kind, period,
                            scope_names(conn, request, cache))
