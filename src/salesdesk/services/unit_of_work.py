"""The contract services work against: repositories inside a unit of work.

A unit of work is a context manager that rolls back unless `commit()` is called.
Tests use an in-memory fake; the application uses storage.uow.SqlUnitOfWork.
"""

from __future__ import annotations

import builtins
from collections.abc import Callable
from datetime import date
from decimal import Decimal
from typing import Any, Generic, Protocol, Self, TypeVar

from salesdesk.domain.accounts import Account, Product
from salesdesk.domain.deals import Deal, DealActivity, DealLine, DealNote, StageChange
from salesdesk.domain.entity import Entity
from salesdesk.domain.members import Member, Team
from salesdesk.domain.pipeline import LostReason, Pipeline, Stage
from salesdesk.domain.quotas import QuotaPlan
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
    actor: str

    def __enter__(self) -> Self: ...

    def __exit__(self, *exc: Any) -> None: ...

    def commit(self) -> None: ...

    def rollback(self) -> None: ...

    def get_setting(self, key: str, default: str) -> str: ...

    def set_setting(self, key: str, value: str) -> None: ...


UnitOfWorkFactory = Callable[[], UnitOfWork]
