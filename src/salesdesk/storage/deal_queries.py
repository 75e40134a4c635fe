"""Read side of the deal and pipeline-settings dialogs: everything one dialog needs, in one
read on the worker (choices for the combos, products' list prices, the currency, and the
deal itself or the pipeline's stages with how many deals each holds)."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

import sqlalchemy as sa

from salesdesk.storage import pipeline_queries as pq
from salesdesk.storage import tables as t
from salesdesk.storage.rows import DealDetail, StageRow


@dataclass(frozen=True)
class ProductChoice:
    id: str
    name: str
    list_price: Decimal


@dataclass(frozen=True)
class OwnerChoice:
    id: str
    name: str
    active: bool


@dataclass(frozen=True)
class DealForm:
    """What the deal dialog offers and, for an existing deal, what it shows."""

    currency: str
    pipeline_id: str | None
    """None when the workspace has no pipeline yet."""
    stages: tuple[StageRow, ...]
    accounts: tuple[tuple[str, str], ...]  # (id, name), by name
    owners: tuple[OwnerChoice, ...]
    products: tuple[ProductChoice, ...]
    detail: DealDetail | None = None


@dataclass(frozen=True)
class LostReasonChoice:
    id: str
    name: str
    active: bool
    deals: int
    """Live deals lost for this reason."""


@dataclass(frozen=True)
class PipelineSettings:
    pipeline_id: str
    name: str
    stages: tuple[StageRow, ...]
    deal_counts: dict[str, int]
    """Live deals per stage id (stages without deals are absent)."""
    lost_reasons: tuple[LostReasonChoice, ...]


def currency(conn: sa.Connection, default: str) -> str:
    value = conn.execute(sa.select(t.settings.c.value)
                         .where(t.settings.c.key == "currency")).scalar()
    return default if value is None else str(value)


def accounts(conn: sa.Connection) -> tuple[tuple[str, str], ...]:
    a = t.accounts
    return tuple((r[0], r[1]) for r in conn.execute(
        sa.select(a.c.id, a.c.name).where(a.c.deleted_at.is_(None))
        .order_by(sa.func.lower(a.c.name), a.c.id)))


def owners(conn: sa.Connection) -> tuple[OwnerChoice, ...]:
    m = t.members
    return tuple(OwnerChoice(r[0], r[1], r[2] is None) for r in conn.execute(
        sa.select(m.c.id, m.c.name, m.c.left_on).where(m.c.deleted_at.is_(None))
        .order_by(sa.func.lower(m.c.name), m.c.id)))


def products(conn: sa.Connection) -> tuple[ProductChoice, ...]:
    p = t.products
    return tuple(ProductChoice(r[0], r[1], r[2]) for r in conn.execute(
        sa.select(p.c.id, p.c.name, p.c.list_price).where(p.c.deleted_at.is_(None))
        .order_by(sa.func.lower(p.c.name), p.c.id)))


def _pipeline_of(conn: sa.Connection, stage_id: str | None) -> str | None:
    if stage_id is not None:
        found = conn.execute(sa.select(t.stages.c.pipeline_id)
                             .where(t.stages.c.id == stage_id)).scalar()
        if found is not None:
            return str(found)
    return pq.default_pipeline_id(conn)


def deal_form(conn: sa.Connection, *, default_currency: str, deal_id: str | None = None,
              stage_id: str | None = None) -> DealForm | None:
    """The form for a new deal (in `stage_id`'s pipeline, else the default one) or for
    `deal_id`; None when that deal no longer exists."""
    detail = None
    if deal_id is not None:
        detail = pq.deal_detail(conn, deal_id)
        if detail is None:
            return None
        pipeline_id: str | None = detail.pipeline_id
    else:
        pipeline_id = _pipeline_of(conn, stage_id)
    stage_rows = tuple(pq.stages(conn, pipeline_id)) if pipeline_id else ()
    return DealForm(currency(conn, default_currency), pipeline_id, stage_rows, accounts(conn),
                    owners(conn), products(conn), detail)


def lost_reasons(conn: sa.Connection) -> tuple[LostReasonChoice, ...]:
    r, d = t.lost_reasons, t.deals
    used = (sa.select(sa.func.count()).where(d.c.lost_reason_id == r.c.id,
                                             d.c.deleted_at.is_(None)).scalar_subquery())
    return tuple(LostReasonChoice(x[0], x[1], bool(x[2]), int(x[3])) for x in conn.execute(
        sa.select(r.c.id, r.c.name, r.c.active, used).where(r.c.deleted_at.is_(None))
        .order_by(sa.func.lower(r.c.name))))


def pipeline_settings(conn: sa.Connection, pipeline_id: str) -> PipelineSettings | None:
    """The pipeline's stages in order with their live deal counts, and the lost reasons;
    None when the pipeline no longer exists."""
    p, d = t.pipelines, t.deals
    name = conn.execute(sa.select(p.c.name).where(p.c.id == pipeline_id,
                                                  p.c.deleted_at.is_(None))).scalar()
    if name is None:
        return None
    counts = {r[0]: int(r[1]) for r in conn.execute(
        sa.select(d.c.stage_id, sa.func.count()).where(d.c.pipeline_id == pipeline_id,
                                                       d.c.deleted_at.is_(None))
        .group_by(d.c.stage_id))}
    return PipelineSettings(pipeline_id, str(name), tuple(pq.stages(conn, pipeline_id)),
                            counts, lost_reasons(conn))
