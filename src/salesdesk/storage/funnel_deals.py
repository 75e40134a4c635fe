"""The deals behind one bar of the conversion funnel (storage.analysis_queries.funnel).

The definitions are the funnel's own, from the same helpers: a deal reached a stage when
its live stage history entered that stage or one further down the funnel (with a period,
only the moves inside it count); the lost stage lists the deals that entered a lost stage.
So `len(funnel_deals(conn, stage, by, period, keys))` equals the funnel's `reached` for
that stage, summed over `keys` (every dimension but product splits the deals).
"""

from __future__ import annotations

from collections.abc import Collection
from dataclasses import dataclass
from datetime import datetime
from decimal import Decimal
from typing import Any

import sqlalchemy as sa

from salesdesk.domain.periods import Period
from salesdesk.storage import analysis_queries as aq
from salesdesk.storage import tables as t


@dataclass(frozen=True)
class FunnelDeal:
    deal_id: str
    label: str
    """"Account / title" (the reference when the deal has no title)."""
    owner: str
    amount: Decimal
    stage: str
    """The stage the deal is in now."""
    key: str
    """Its key on the dimension asked for (TOTAL without one)."""


def funnel_deals(conn: sa.Connection, stage: str, by: str | None = None,
                 period: Period | None = None, keys: Collection[str] | None = None, *,
                 now: datetime | None = None) -> list[FunnelDeal]:
    """The live deals counted in funnel stage `stage` (a stage name; stages of several
    pipelines merge by name), for the keys `keys` of dimension `by` (None: every deal),
    biggest amount first."""
    stages = aq._stages(conn)
    scope = aq._scope(period, now)
    reach = aq._reach(scope, stages)
    d = t.deals
    owner, account, current = (t.members.alias("fd_owner"), t.accounts.alias("fd_account"),
                               t.stages.alias("fd_stage"))
    shown, key, join = aq._key(aq._check(by) if by is not None else None)
    source = (join(d.outerjoin(reach, reach.c.deal_id == d.c.id))
              .outerjoin(owner, owner.c.id == d.c.owner_id)
              .outerjoin(account, account.c.id == d.c.account_id)
              .join(current, current.c.id == d.c.stage_id))
    where: list[Any] = [d.c.deleted_at.is_(None)]
    if scope.period is not None:  # only deals that moved in the period can count
        where.append(sa.or_(reach.c.top.is_not(None), reach.c.lost == 1))
    if keys is not None and key is not None:
        where.append(key.in_(list(keys)))
    stmt = (sa.select(shown, d.c.id, d.c.title, d.c.reference, account.c.name, owner.c.name,
                      d.c.amount, d.c.stage_id, current.c.name, reach.c.top, reach.c.lost)
            .select_from(source).where(*where))
    found: dict[str, FunnelDeal] = {}
    for (key_value, deal_id, title, reference, account_name, owner_name, amount, stage_id,
         stage_name, top, lost) in conn.execute(stmt):
        info = stages.info.get(stage_id)
        if info is None or deal_id in found:
            continue
        pipeline_id, best, entered_lost = aq._bucket(info, scope, top, lost)
        if not _counted_in(stages, pipeline_id, best, entered_lost, stage):
            continue
        name = title or reference or ""
        label = " / ".join(p for p in (account_name, name) if p) or deal_id[:8]
        found[deal_id] = FunnelDeal(deal_id, label, owner_name or "", Decimal(amount),
                                    stage_name, str(key_value))
    return sorted(found.values(), key=lambda f: (-f.amount, f.label.casefold()))


def _counted_in(stages: aq._Stages, pipeline_id: str, top: int | None, lost: bool,
                stage: str) -> bool:
    """What analysis_queries._stage_counts counts, for one deal and one stage name."""
    for s in stages.funnel.get(pipeline_id, []):
        if s.name == stage and (lost if s.rank is None else
                                top is not None and s.rank <= top):
            return True
    return False


__all__ = ["FunnelDeal", "funnel_deals"]
