"""Quota plans in the workspace: the repository that loads and saves whole plan versions
(a version and its monthly targets), and the read-side queries attainment needs (closed
won per member and day, open weighted pipeline per member).

A plan is read and written as a unit: saving a version rewrites only the targets that
changed, inside the caller's transaction, and bumps the version's optimistic-lock counter;
a save based on a stale copy is refused (ConcurrentEditError) rather than overwriting
someone else's edit.
"""

from __future__ import annotations

import builtins
from dataclasses import dataclass
from datetime import UTC, date, datetime
from decimal import Decimal
from typing import Any

import sqlalchemy as sa
from sqlalchemy.orm import Session

from salesdesk.domain.errors import ConcurrentEditError, NotFoundError
from salesdesk.domain.pipeline import Outcome
from salesdesk.domain.quotas import Metric, Owner, OwnerKind, PlanStatus, QuotaPlan, Target
from salesdesk.storage import tables as t

CENT = Decimal("0.01")


@dataclass(frozen=True)
class PlanInfo:
    """One version of a year's plan, without its targets (for pickers and history)."""

    id: str
    year: int
    plan_version: int
    status: PlanStatus
    note: str
    updated_at: datetime
    updated_by: str
    version: int


def _stored(target: Target) -> int:
    return int(target.amount / CENT) if target.metric is Metric.REVENUE else int(target.amount)


def _amount(metric: Metric, value: int) -> Decimal | int:
    return Decimal(value).scaleb(-2) if metric is Metric.REVENUE else int(value)


class SqlQuotaPlans:
    """The unit of work's `quota_plans` repository."""

    kind = "quota plan"

    def __init__(self, session: Session, actor: str):
        self.session, self.actor = session, actor

    def _run(self, stmt: Any) -> Any:
        return self.session.execute(stmt)

    def versions(self, year: int | None = None) -> builtins.list[PlanInfo]:
        """Live versions, of one year or of all, newest year then newest version first."""
        p = t.quota_plans
        stmt = sa.select(p.c.id, p.c.year, p.c.plan_version, p.c.status, p.c.note,
                         p.c.updated_at, p.c.updated_by, p.c.version
                         ).where(p.c.deleted_at.is_(None))
        if year is not None:
            stmt = stmt.where(p.c.year == year)
        rows = self._run(stmt.order_by(p.c.year.desc(), p.c.plan_version.desc()))
        return [PlanInfo(r.id, r.year, r.plan_version, PlanStatus(r.status), r.note,
                         r.updated_at, r.updated_by, r.version) for r in rows]

    def get(self, plan_id: str) -> QuotaPlan:
        p = t.quota_plans
        row = self._run(sa.select(p).where(p.c.id == plan_id, p.c.deleted_at.is_(None))).first()
        if row is None:
            raise NotFoundError(f"quota plan {plan_id} does not exist")
        q = t.quota_targets
        targets = []
        for r in self._run(sa.select(q).where(q.c.plan_id == plan_id)):
            metric = Metric(r.metric)
            targets.append(Target(Owner(OwnerKind(r.owner_kind), r.owner_id), metric, r.month,
                                  _amount(metric, r.value)))
        plan = QuotaPlan(id=row.id, version=row.version, created_at=row.created_at,
                         updated_at=row.updated_at, updated_by=row.updated_by,
                         year=row.year, fiscal_start=row.fiscal_start,
                         plan_version=row.plan_version, status=PlanStatus(row.status),
                         note=row.note, settings=dict(row.settings or {}))
        plan.targets = {x.key: x for x in targets}
        return plan

    def add(self, plan: QuotaPlan) -> None:
        now = datetime.now(UTC)
        self._run(sa.insert(t.quota_plans).values(
            id=plan.id, version=plan.version, year=plan.year, fiscal_start=plan.fiscal_start,
            plan_version=plan.plan_version, status=str(plan.status), note=plan.note,
            settings=plan.settings, created_at=now, updated_at=now, updated_by=self.actor))
        self._insert_targets(plan.id, plan.targets.values())

    def save(self, plan: QuotaPlan) -> None:
        """Store `plan` over the version it was read at; its targets are diffed against
        the stored ones. Bumps plan.version."""
        p = t.quota_plans
        values: dict[str, Any] = {
            "version": plan.version + 1, "status": str(plan.status), "note": plan.note,
            "updated_at": datetime.now(UTC), "updated_by": self.actor,
            "settings": plan.settings}
        done = self._run(sa.update(p).where(p.c.id == plan.id, p.c.version == plan.version,
                                            p.c.deleted_at.is_(None)).values(**values))
        if done.rowcount != 1:
            raise ConcurrentEditError(self.kind)
        plan.version += 1
        q = t.quota_targets
        stored = {(OwnerKind(r.owner_kind), r.owner_id, Metric(r.metric), r.month): r.value
                  for r in self._run(sa.select(q).where(q.c.plan_id == plan.id))}
        wanted = {(x.owner.kind, x.owner.id, x.metric, x.month): _stored(x)
                  for x in plan.targets.values()}
        gone = [k for k in stored if k not in wanted]
        changed = [k for k, v in wanted.items() if k in stored and stored[k] != v]
        added = [x for x in plan.targets.values()
                 if (x.owner.kind, x.owner.id, x.metric, x.month) not in stored]
        for kind, owner_id, metric, month in gone:
            self._run(sa.delete(q).where(q.c.plan_id == plan.id, q.c.owner_kind == str(kind),
                                         q.c.owner_id == owner_id, q.c.metric == str(metric),
                                         q.c.month == month))
        if changed:
            self.session.execute(
                sa.update(q).where(q.c.plan_id == sa.bindparam("p"),
                                   q.c.owner_kind == sa.bindparam("k"),
                                   q.c.owner_id == sa.bindparam("o"),
                                   q.c.metric == sa.bindparam("m"),
                                   q.c.month == sa.bindparam("d")
                                   ).values(value=sa.bindparam("v")),
                [{"p": plan.id, "k": str(k), "o": o, "m": str(m), "d": d,
                  "v": wanted[(k, o, m, d)]} for k, o, m, d in changed])
        self._insert_targets(plan.id, added)

    def remove(self, plan_id: str, version: int) -> None:
        """Delete a version and its targets for good (undoing its creation)."""
        p = t.quota_plans
        self._run(sa.delete(t.quota_targets).where(t.quota_targets.c.plan_id == plan_id))
        done = self._run(sa.delete(p).where(p.c.id == plan_id, p.c.version == version))
        if done.rowcount != 1:
            raise ConcurrentEditError(self.kind)

    def won_by_member_day(self, start: date, end: date) -> dict[tuple[str, date], Decimal]:
        self.session.flush()  # deals added in this unit of work count (the demo)
        return won_by_member_day(self.session.connection(), start, end)

    def weighted_pipeline(self, closing_before: date) -> dict[str, Decimal]:
        self.session.flush()
        return weighted_pipeline(self.session.connection(), closing_before)

    def _insert_targets(self, plan_id: str, targets: Any) -> None:
        rows = [{"plan_id": plan_id, "owner_kind": str(x.owner.kind), "owner_id": x.owner.id,
                 "metric": str(x.metric), "month": x.month, "value": _stored(x)}
                for x in targets]
        if rows:
            self.session.execute(sa.insert(t.quota_targets), rows)


# --- read side: what attainment measures ---------------------------------------------------


def _cents(column: Any) -> Any:
    """A Money column as its stored integer cents, so sums stay exact integers."""
    return sa.type_coerce(column, sa.BigInteger)


def won_by_member_day(conn: sa.Connection, start: date, end: date
                      ) -> dict[tuple[str, date], Decimal]:
    """Closed-won amount per (owner, close day) for deals won in [start, end)."""
    d, s = t.deals, t.stages
    amount = sa.func.sum(sa.func.coalesce(_cents(d.c.won_amount), _cents(d.c.amount)))
    rows = conn.execute(
        sa.select(d.c.owner_id, d.c.won_on, amount)
        .join(s, s.c.id == d.c.stage_id)
        .where(d.c.deleted_at.is_(None), s.c.outcome == str(Outcome.WON),
               d.c.owner_id.is_not(None), d.c.won_on >= start, d.c.won_on < end)
        .group_by(d.c.owner_id, d.c.won_on))
    return {(r[0], r[1]): Decimal(int(r[2] or 0)).scaleb(-2) for r in rows}


def weighted_pipeline(conn: sa.Connection, closing_before: date) -> dict[str, Decimal]:
    """Open weighted pipeline per owner: amount x probability (the deal's own, else its
    stage's) of open deals expected to close before `closing_before` or undated."""
    d, s = t.deals, t.stages
    weight = sa.func.coalesce(d.c.probability, s.c.probability)
    rows = conn.execute(
        sa.select(d.c.owner_id, sa.func.sum(_cents(d.c.amount) * weight))
        .join(s, s.c.id == d.c.stage_id)
        .where(d.c.deleted_at.is_(None), s.c.outcome == str(Outcome.OPEN),
               d.c.owner_id.is_not(None),
               sa.or_(d.c.expected_close.is_(None), d.c.expected_close < closing_before))
        .group_by(d.c.owner_id))
    # amount is in cents and the weight a percent: cents x percent / 10,000 = currency
    return {r[0]: (Decimal(int(r[1] or 0)) / 10000).quantize(CENT) for r in rows}
