"""Forecast snapshots: frozen automatically at the start of every period, and on demand as
a manager's call, so that forecast against actual stays exact once the pipeline moves on.

- `freeze_due_snapshots`: the current week, month, quarter and year, for the company and
  each team, as of each period's first day (00:00 UTC), replayed exactly from the stage
  history; once per period and scope. Past periods are not backfilled: the backtest
  replays them.
- `record_call`: the forecast now, a figure of it plus the manager's adjustment as "call",
  and a comment.
- `snapshot_accuracy`: per method, for the company, each team and each rep, over the
  snapshots whose period has ended, against the won amount in the period (replayed at
  its end). Reps and teams are scored from the deal contributions stored with the
  company snapshots (each deal's owner and team then), so no per-rep snapshot is needed.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from salesdesk.domain.errors import ValidationError
from salesdesk.domain.forecast import (
    ClosedHistory,
    DealState,
    Forecast,
    accuracy,
    closed_won,
    learn_rates,
)
from salesdesk.domain.forecast import forecast as run_forecast
from salesdesk.domain.periods import Period, PeriodKind, containing, parse_period
from salesdesk.domain.validation import check_cents
from salesdesk.services.forecast_inputs import (
    figures_of,
    load_data,
    midnight,
    now_utc,
    parts_by_deal,
    period_named,
    resolve_scope,
    stored_scope,
)
from salesdesk.services.forecast_records import (
    COMPANY_SPEC,
    SNAPSHOT_KEYS,
    ZERO,
    AccuracyLine,
    ForecastSource,
    FreezeResult,
    ScopeSpec,
    SnapshotRecord,
    exact_text,
)

FROZEN_KINDS = (PeriodKind.WEEK, PeriodKind.MONTH, PeriodKind.QUARTER, PeriodKind.YEAR)
ROW_KEYS = ("closed_won", "weighted", "weighted_default", "commit", "best_case",
            "historical", "run_rate")
"""The per-deal parts a snapshot keeps (in this order in each row)."""
REP_METHODS = ("weighted_default", "weighted", "commit", "best_case", "historical")
"""What reps are scored on: the figures that are sums of deal parts."""
SCORED = ("weighted_default", "weighted", "commit", "best_case", "historical", "p50")
"""What the company's and teams' snapshots are scored on (the backtest's methods)."""
MAX_COMMENT = 2000


# --- storing ------------------------------------------------------------------------------
def snapshot_deals(f: Forecast, states: Iterable[DealState], history: ClosedHistory
                   ) -> dict[str, Any]:
    """The compact per-deal table stored with a snapshot: each deal's owner and team then,
    and its part in each ROW_KEYS figure as exact text ("" for none)."""
    who = {s.id: (s.owner_id, s.team_id) for s in states}
    parts = parts_by_deal(f)
    past = {c.deal_id for c in f.run_rate.deals}
    rows_of = {deal_id: i for i, deal_id in enumerate(history.ids) if deal_id in past}
    for deal_id, row in rows_of.items():
        owner, team = int(history.owner[row]), int(history.team[row])
        who.setdefault(deal_id, (history.owners[owner] if owner >= 0 else None,
                                 history.teams[team] if team >= 0 else None))
    return {"start": f.period.start.isoformat(), "end": f.period.end.isoformat(),
            "keys": list(ROW_KEYS),
            "rows": [[deal_id, *who.get(deal_id, (None, None)),
                      *(exact_text(row[k]) if k in row else "" for k in ROW_KEYS)]
                     for deal_id, row in parts.items()]}


def _row(f: Forecast, scope_kind: str, scope_id: str | None, moment: datetime, kind: str,
         deals: Mapping[str, Any], figures: Mapping[str, Decimal],
         adjustment: Decimal | None = None, comment: str = "") -> dict[str, Any]:
    return {"period": f.period.name, "period_kind": f.period.kind.value,
            "scope_kind": scope_kind, "scope_id": scope_id, "as_of": moment, "kind": kind,
            "figures": {k: exact_text(v) for k, v in figures.items()},
            "adjustment": adjustment, "comment": comment, "deals": dict(deals)}


def record_of(row: Mapping[str, Any]) -> SnapshotRecord:
    figures = {k: Decimal(v) for k, v in (row["figures"] or {}).items()}
    return SnapshotRecord(
        id=row["id"], period=row["period"], period_kind=row["period_kind"],
        scope_kind=row["scope_kind"], scope_id=row["scope_id"], as_of=row["as_of"],
        kind=row["kind"], figures=figures, adjustment=row["adjustment"],
        comment=row["comment"] or "", created_at=row["created_at"],
        created_by=row["updated_by"], deals=row.get("deals") or {})


def list_snapshots(source: ForecastSource, period: str | None = None,
                   kind: str | None = None) -> list[SnapshotRecord]:
    """Stored snapshots, oldest first (without their deal tables: see `snapshot_deals`)."""
    return [record_of(r) for r in source.snapshots(period=period, kind=kind,
                                                  with_deals=False)]


# --- frozen at the start of every period --------------------------------------------------
def freeze_due_snapshots(source: ForecastSource, today: date | None = None) -> FreezeResult:
    """Freeze the current week, month, quarter and year (company and each team) as of each
    period's first day, where no auto snapshot exists yet. Idempotent; nothing is frozen
    in a workspace without deals. Call it when a workspace opens (on the worker)."""
    today = today or now_utc().date()
    if source.history_span() is None:
        return FreezeResult(())
    fiscal = source.fiscal_start()
    periods = [containing(today, kind, fiscal) for kind in FROZEN_KINDS]
    have = {(r["period"], r["scope_kind"], r["scope_id"])
            for r in source.snapshots(kind="auto", with_deals=False)}
    choices = source.scope_choices()
    teams = [c[1] for c in choices if c[0] == "team"]
    scopes: list[tuple[str, str | None]] = [("company", None), *(("team", t) for t in teams)]
    rows: list[dict[str, Any]] = []
    for start in sorted({p.start for p in periods}):
        due = [(p, kind, sid) for p in periods if p.start == start for kind, sid in scopes
               if (p.name, kind, sid) not in have]
        if due:
            rows += _freeze_at(source, start, due, fiscal, choices)
    ids = set(source.add_snapshots(rows)) if rows else set()
    created = [record_of(r) for r in source.snapshots(kind="auto", with_deals=False)
               if r["id"] in ids]
    return FreezeResult(tuple(created))


def _freeze_at(source: ForecastSource, start: date,
               due: Sequence[tuple[Period, str, str | None]], fiscal: int,
               choices: Sequence[tuple[str, str, str, str | None]]) -> list[dict[str, Any]]:
    moment = midnight(start)
    states = source.deal_states(moment)
    history = source.closed_history(moment)
    rates = learn_rates(history, moment)
    rows = []
    for period, kind, scope_id in due:
        f = run_forecast(states, period, moment, scope=stored_scope(choices, kind, scope_id),
                         history=history, rates=rates, fiscal_start=fiscal)
        rows.append(_row(f, kind, scope_id, moment, "auto",
                         snapshot_deals(f, states, history), figures_of(f)))
    return rows


# --- a manager's call ---------------------------------------------------------------------
def record_call(source: ForecastSource, period: str, scope: ScopeSpec = COMPANY_SPEC,
                adjustment: Decimal = ZERO, comment: str = "", base: str = "weighted",
                now: datetime | None = None) -> SnapshotRecord:
    """A manager's call: the forecast as of now with "call" = figure `base` + `adjustment`
    (may be negative), and a comment; stored as a snapshot of kind "call"."""
    if base not in SNAPSHOT_KEYS:
        raise ValidationError(f"'{base}' is not a forecast figure", field="base")
    if not isinstance(adjustment, Decimal) or not adjustment.is_finite():
        raise ValidationError(f"'{adjustment}' is not an amount", field="adjustment")
    check_cents(adjustment, "adjustment")
    comment = " ".join(str(comment or "").split())
    if len(comment) > MAX_COMMENT:
        raise ValidationError(f"is longer than {MAX_COMMENT} characters", field="comment")
    moment = now or now_utc()
    data = load_data(source, moment)
    named = period_named(source, period)
    resolved, _, scope_id = resolve_scope(data.choices, scope)
    f = data.forecast(named, resolved)
    figures = figures_of(f)
    figures["call"] = figures[base] + adjustment
    row = _row(f, scope.kind, scope_id, moment, "call",
               snapshot_deals(f, data.states, data.history) | {"base": base}, figures,
               adjustment, comment)
    (new_id,) = source.add_snapshots([row])
    return next(record_of(r) for r in source.snapshots(period=named.name, kind="call",
                                                      with_deals=False)
                if r["id"] == new_id)


# --- accuracy -----------------------------------------------------------------------------
def snapshot_accuracy(source: ForecastSource, today: date | None = None
                      ) -> list[AccuracyLine]:
    """Accuracy per method of the snapshots whose period has ended: the company and teams
    on their own snapshots (auto: the SCORED figures; calls: "call", the latest per period
    and scope), each rep on the deal parts of the company's auto snapshots."""
    today = today or now_utc().date()
    fiscal = source.fiscal_start()
    snaps = [r for r in source.snapshots() if _period(r, fiscal).end <= today]
    if not snaps:
        return []
    ends: dict[date, list[DealState]] = {}

    def at_end(period: Period) -> list[DealState]:
        if period.end not in ends:
            ends[period.end] = source.deal_states(midnight(period.end))
        return ends[period.end]

    choices = source.scope_choices()
    names = {(c[0], c[1]): c[2] for c in choices}
    pairs: dict[tuple[str, str | None, str], list[tuple[Decimal, Decimal]]] = {}
    for r in _latest_calls(snaps):
        period = _period(r, fiscal)
        scope = stored_scope(choices, r["scope_kind"], r["scope_id"])
        actual = closed_won(at_end(period), period, scope).total
        for m in ["call"] if r["kind"] == "call" else SCORED:
            pairs.setdefault((r["scope_kind"], r["scope_id"], m), []).append(
                (Decimal(r["figures"][m]), actual))
        if r["kind"] == "auto" and r["scope_kind"] == "company":
            _add_reps(pairs, r["deals"], period, at_end(period))
    return [_line(level, key, "Company" if key is None else names.get((level, key), key),
                  method, values)
            for (level, key, method), values in sorted(pairs.items(), key=_order)]


def _period(row: Mapping[str, Any], fiscal: int) -> Period:
    deals = row.get("deals") or {}
    if "start" in deals and "end" in deals:
        kind = PeriodKind(row["period_kind"])
        return Period(date.fromisoformat(deals["start"]), date.fromisoformat(deals["end"]),
                      kind, row["period"])
    return parse_period(row["period"], fiscal)


def _latest_calls(rows: Sequence[Mapping[str, Any]]) -> list[Mapping[str, Any]]:
    """Every auto snapshot, and the latest call of each period and scope."""
    calls: dict[tuple[str, str, str | None], Mapping[str, Any]] = {}
    for r in rows:
        if r["kind"] == "call":
            calls[r["period"], r["scope_kind"], r["scope_id"]] = r  # oldest first: last wins
    return [r for r in rows if r["kind"] == "auto"] + list(calls.values())


def _add_reps(pairs: dict[tuple[str, str | None, str], list[tuple[Decimal, Decimal]]],
              table: Mapping[str, Any], period: Period, end: Sequence[DealState]) -> None:
    """Each rep's forecast (the parts of the deals they owned at the snapshot) against
    what they won in the period."""
    keys = table["keys"]
    forecast: dict[str, dict[str, Decimal]] = {}
    for _, owner, _team, *parts in table["rows"]:
        if owner is not None:
            sums = forecast.setdefault(owner, {})
            for k, text in zip(keys, parts, strict=True):
                if text:
                    sums[k] = sums.get(k, ZERO) + Decimal(text)
    won: dict[str, Decimal] = {}
    for s in end:
        if s.owner_id is not None and s.won_in(period.start, period.end):
            won[s.owner_id] = won.get(s.owner_id, ZERO) + s.value
    for owner in sorted(set(forecast) | set(won)):
        for m in REP_METHODS:
            pairs.setdefault(("member", owner, m), []).append(
                (forecast.get(owner, {}).get(m, ZERO), won.get(owner, ZERO)))


_LEVELS = {"company": 0, "team": 1, "territory": 2, "member": 3}
_METHODS = [*SNAPSHOT_KEYS, "call"]


def _order(item: tuple[tuple[str, str | None, str], Any]) -> tuple[int, str, int]:
    (level, key, method), _ = item
    return _LEVELS.get(level, 9), key or "", _METHODS.index(method)


def _line(level: str, key: str | None, label: str, method: str,
          values: list[tuple[Decimal, Decimal]]) -> AccuracyLine:
    a = accuracy(values)
    return AccuracyLine(level=level, key=key, label=label, method=method, count=a.count,
                        forecast=a.forecast, actual=a.actual, wape=a.wape, bias=a.bias,
                        hit_rate=a.hit_rate)


__all__ = ["FROZEN_KINDS", "freeze_due_snapshots", "list_snapshots", "record_call",
           "snapshot_accuracy", "snapshot_deals"]
