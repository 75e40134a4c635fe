"""The contract services work against: repositories inside a unit of work.

A unit of work is a context manager that rolls back unless `commit()` is called.
Tests use an in-memory fake; the application uses storage.uow.SqlUnitOfWork.
"""

from __future__ import annotations

import builtins
from collections.abc import Callable, Iterable, Iterator, Sequence
from datetime import date, datetime
from decimal import Decimal
from typing import Any, Generic, Protocol, Self, TypeVar

from salesdesk.domain.accounts import Account, Product
from salesdesk.domain.deals import Deal, DealActivity, DealLine, DealNote, StageChange
from salesdesk.domain.entity import Entity
from salesdesk.domain.lead_activities import LeadActivity, LeadActivityKind
from salesdesk.domain.lead_segments import Segment
from salesdesk.domain.leads import Lead, LeadData
from salesdesk.domain.members import Member, Team
from salesdesk.domain.pipeline import LostReason, Pipeline, Stage
from salesdesk.domain.quotas import QuotaPlan
from salesdesk.domain.routing import Routable
from salesdesk.domain.territories import Territory, TerritoryAssignment

T = TypeVar("T", bound=Entity)


class Repository(Protocol, Generic[T]):
    def add(self, entity: T) -> None: ...

    def get(self, entity_id: str) -> T:
        """The live entity; raises NotFoundError if missing or soft-deleted."""
        ...

    def list(self) -> builtins.list[T]:
        """Every live entity."""
        ...

    def get_deleted(self, entity_id: str) -> T:
        """A soft-deleted entity, to restore it (undo)."""
        ...

    def list_deleted(self) -> builtins.list[T]: ...

    def by_name(self, name: str) -> T | None:
        """Case- and space-insensitive lookup on the entity's name."""
        ...

    def find(self, **equal: Any) -> builtins.list[T]:
        """Live entities whose fields equal the given values (e.g. deal_id=...)."""
        ...


class QuotaPlans(Protocol):
    """Whole quota plan versions (storage.quota_store.SqlQuotaPlans)."""

    def versions(self, year: int | None = None) -> builtins.list[Any]: ...

    def get(self, plan_id: str) -> QuotaPlan: ...

    def add(self, plan: QuotaPlan) -> None: ...

    def save(self, plan: QuotaPlan) -> None:
        """Store over the version read; refuses a stale copy; bumps plan.version."""
        ...

    def remove(self, plan_id: str, version: int) -> None: ...

    def won_by_member_day(self, start: date, end: date) -> dict[tuple[str, date], Decimal]:
        """Closed-won amount per (member id, close day) in [start, end)."""
        ...

    def weighted_pipeline(self, closing_before: date) -> dict[str, Decimal]:
        """Open weighted pipeline per member, of deals closing before the day or undated."""
        ...


OwnerChange = tuple[str, str | None, str | None]
"""(lead id, owner expected now, new owner): None is no owner."""
NewActivity = tuple[str, LeadActivityKind, datetime, str, dict[str, Any]]
"""(lead id, kind, at, subject, detail) of an activity recorded in bulk."""
KeyRow = tuple[str, str | None, str, str]
"""(lead id, e-mail, person key, company key) as storage keeps them."""


class RowMaker(Protocol):
    """New leads as the leads repository stores them (storage.lead_store.LeadRows)."""

    now: datetime

    def __call__(self, leads: Iterable[LeadData]) -> builtins.list[Any]: ...


class Leads(Repository[Lead], Protocol):
    """Leads (storage.uow.SqlLeads): the generic repository plus bulk paths."""

    def get_many(self, ids: Iterable[str]) -> builtins.list[Lead]:
        """The live leads among `ids`."""
        ...

    def row_maker(self) -> RowMaker:
        """Makes new leads into what add_many stores; it pickles (an import's helper
        process prepares its rows with it)."""
        ...

    def add_many(self, leads: Sequence[LeadData], source: str = "",
                 prepared: Sequence[Any] = (), maker: RowMaker | None = None) -> None:
        """Insert new leads in bulk (an import), with rows `maker` prepared; stamps them
        as created when the maker was made (now, without one)."""
        ...

    def key_matches(self, email_keys: Iterable[str], person_keys: Iterable[str],
                    company_keys: Iterable[str]) -> builtins.list[KeyRow]:
        """Every live lead sharing one of the keys (domain.leads' key functions)."""
        ...

    def open_counts(self) -> dict[str, int]:
        """Open leads per owner id."""
        ...

    def routable(self, limit: int | None = None) -> Sequence[Routable]:
        """Open leads without an owner, most urgent first."""
        ...

    def set_owners(self, changes: Sequence[OwnerChange]) -> builtins.list[str]:
        """Apply each change whose lead still has the expected owner; the ids changed."""
        ...

    def owners(self, ids: Sequence[str]) -> dict[str, str | None]:
        """The owner of each live lead among `ids` (missing or deleted ones left out)."""
        ...

    def reassign(self, changes: Sequence[OwnerChange]) -> None:
        """Give each lead its new owner, unconditionally, in bulk (no Lead objects: the
        caller read the owners in this unit of work and loads no lead it reassigns)."""
        ...

    def load_many(self, ids: Sequence[str]) -> builtins.list[LeadData]:
        """Plain copies of the live leads among `ids`, for a bulk change: change them,
        then save_many. (Not Lead entities: the unit of work does not track them.)"""
        ...

    def save_many(self, leads: Sequence[LeadData]) -> None:
        """Write back the status, reason, first contact, segments, hand-made segments,
        score with its explanation, territory and SLA due of leads from load_many that
        changed, in bulk; ConcurrentEditError if one changed elsewhere meanwhile."""
        ...

    def add_activities(self, activities: Sequence[NewActivity]) -> None:
        """Record many activities the app writes itself (a bulk action's history) at
        once, without an entity each."""
        ...

    def account_for_company(self, company: str) -> str | None:
        """The id of the live account named as the company (domain.leads.company_key)."""
        ...


class SegmentRules(Protocol):
    """The segment rules, in the manager's order (storage.lead_store.SqlSegmentRules)."""

    def load(self) -> builtins.list[Segment]: ...

    def save(self, segments: Sequence[Segment]) -> None: ...


class LeadRescore(Protocol):
    """Every live lead, batch by batch, to work out its segments, score and SLA due time
    again when the lead rules change (storage.lead_rescore.SqlLeadRescore)."""

    def count(self) -> int:
        """Live leads."""
        ...

    def batches(self, size: int) -> Iterator[builtins.list[LeadData]]:
        """Every live lead, `size` at a time: plain copies as stored (not validated
        again, not tracked; their lists may be shared between leads: replace them,
        never change them in place)."""
        ...

    def write(self, leads: Sequence[LeadData]) -> int:
        """Store the segments, score, explanation and SLA due time of these leads of the
        batch last given (the ones that changed); the number written."""
        ...


class UnitOfWork(Protocol):
    teams: Repository[Team]
    members: Repository[Member]
    accounts: Repository[Account]
    products: Repository[Product]
    territories: Repository[Territory]
    assignments: Repository[TerritoryAssignment]
    pipelines: Repository[Pipeline]
    stages: Repository[Stage]
    lost_reasons: Repository[LostReason]
    deals: Repository[Deal]
    deal_lines: Repository[DealLine]
    stage_changes: Repository[StageChange]
    activities: Repository[DealActivity]
    notes: Repository[DealNote]
    quota_plans: QuotaPlans
    leads: Leads
    lead_activities: Repository[LeadActivity]
    lead_segments: SegmentRules
    lead_rescore: LeadRescore
    actor: str

    def __enter__(self) -> Self: ...

    def __exit__(self, *exc: Any) -> None: ...

    def commit(self) -> None: ...

    def rollback(self) -> None: ...

    def get_setting(self, key: str, default: str) -> str: ...

    def set_setting(self, key: str, value: str) -> None: ...


UnitOfWorkFactory = Callable[[], UnitOfWork]
