"""Imperative mapping: domain classes stay plain; SQLAlchemy learns them here, once."""

from __future__ import annotations

from sqlalchemy.orm import registry

from salesdesk.domain.accounts import Account, Product
from salesdesk.domain.deals import Deal, DealActivity, DealLine, DealNote, StageChange
from salesdesk.domain.lead_activities import LeadActivity
from salesdesk.domain.leads import Lead
from salesdesk.domain.members import Member, Team
from salesdesk.domain.pipeline import LostReason, Pipeline, Stage
from salesdesk.domain.territories import Territory, TerritoryAssignment
from salesdesk.storage import tables

mapper_registry = registry(metadata=tables.metadata)

MAPPED = {
    Team: tables.teams,
    Member: tables.members,
    Account: tables.accounts,
    Product: tables.products,
    Territory: tables.territories,
    TerritoryAssignment: tables.territory_assignments,
    Pipeline: tables.pipelines,
    Stage: tables.stages,
    LostReason: tables.lost_reasons,
    Deal: tables.deals,
    DealLine: tables.deal_lines,
    StageChange: tables.deal_stage_changes,
    DealActivity: tables.deal_activities,
    DealNote: tables.deal_notes,
    Lead: tables.leads,
    LeadActivity: tables.lead_activities,
}

_started = False


def start_mappers() -> None:
    """Map every domain class. Idempotent; called by the engine factory, never at import."""
    global _started
    if _started:
        return
    from salesdesk.storage import lead_store

    extra: dict[type, dict[str, object]] = {Lead: dict(lead_store.KEY_PROPERTIES)}
    for cls, table in MAPPED.items():
        mapper_registry.map_imperatively(cls, table, version_id_col=table.c.version,
                                         properties=extra.get(cls, {}))
    lead_store.install_listeners()
    _started = True


def entity_name(obj: object) -> str:
    return MAPPED[type(obj)].name
