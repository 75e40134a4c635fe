"""SQLAlchemy unit of work and repositories."""

from __future__ import annotations

import builtins
import getpass
import logging
import re
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from datetime import UTC, datetime
from typing import Any, Generic, Self, TypeVar

import sqlalchemy as sa
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.orm.exc import StaleDataError

from salesdesk.domain.accounts import Account, Product
from salesdesk.domain.deals import Deal, DealActivity, DealLine, DealNote, StageChange
from salesdesk.domain.entity import Entity, new_id
from salesdesk.domain.errors import (
    ConcurrentEditError,
    DomainError,
    NotFoundError,
    WorkspaceBusyError,
)
from salesdesk.domain.lead_activities import LeadActivity
from salesdesk.domain.leads import Lead
from salesdesk.domain.members import Member, Team
from salesdesk.domain.pipeline import LostReason, Pipeline, Stage
from salesdesk.domain.territories import Territory, TerritoryAssignment
from salesdesk.storage import changelog, tables
from salesdesk.storage.lead_rescore import SqlLeadRescore
from salesdesk.storage.lead_store import LeadStore, SqlSegmentRules
from salesdesk.storage.lead_writes import LeadWrites
from salesdesk.storage.mapping import MAPPED
from salesdesk.storage.quota_store import SqlQuotaPlans

T = TypeVar("T", bound=Entity)
log = logging.getLogger("salesdesk.storage")

DISPLAY_NAMES = {"members": "member", "territories": "territory",
                 "territory_assignments": "territory assignment", "accounts": "account",
                 "products": "product", "teams": "team", "pipelines": "pipeline",
                 "stages": "stage", "lost_reasons": "lost reason", "deals": "deal",
                 "deal_lines": "deal line", "deal_stage_changes": "stage change",
                 "deal_activities": "activity", "deal_notes": "note", "leads": "lead",
                 "lead_activities": "lead activity"}
"""What a user calls a row of each table, in messages."""


def _user_error(exc: BaseException) -> DomainError | None:
    """The error a user should see for a database failure, or None if it is not one of
    those: a lost race (StaleDataError) or a locked or unreachable database."""
    if isinstance(exc, StaleDataError):
        table = re.search(r"table '(\w+)'", str(exc))
        log.warning("concurrent edit refused: %s", exc)
        return ConcurrentEditError(DISPLAY_NAMES.get(table[1] if table else "", "record"))
    if isinstance(exc, sa.exc.OperationalError):
        lines = str(exc.orig or "").strip().splitlines()
        log.warning("workspace busy or unreachable: %s", exc)
        return WorkspaceBusyError(lines[0].strip() if lines else "no answer")
    return None


@contextmanager
def _user_errors() -> Iterator[None]:
    """Raise database failures the user can act on as domain errors (the SQL is logged,
    never shown), wherever they surface: a flush during a query, a commit, a rollback."""
    try:
        yield
    except Exception as exc:
        mapped = _user_error(exc)
        if mapped is None:
            raise
        raise mapped from exc


def default_actor() -> str:
    try:
        return getpass.getuser()
    except Exception:  # no login name (service account, container)
        return "unknown"


class SqlRepository(Generic[T]):
    def __init__(self, session: Session, cls: type[T]):
        self.session, self.cls, self.table = session, cls, MAPPED[cls]

    def add(self, entity: T) -> None:
        self.session.add(entity)

    @property
    def kind(self) -> str:
        return DISPLAY_NAMES[self.table.name]

    def get(self, entity_id: str) -> T:
        with _user_errors():
            entity = self.session.get(self.cls, entity_id)
        if entity is None or entity.deleted_at is not None:
            raise NotFoundError(f"{self.kind} {entity_id} does not exist")
        return entity

    def list(self) -> builtins.list[T]:
        return self._all(self.table.c.deleted_at.is_(None))

    def get_deleted(self, entity_id: str) -> T:
        """A soft-deleted entity, to restore it (undo)."""
        with _user_errors():
            entity = self.session.get(self.cls, entity_id)
        if entity is None or entity.deleted_at is None:
            raise NotFoundError(f"{self.kind} {entity_id} is not deleted")
        return entity

    def list_deleted(self) -> builtins.list[T]:
        return self._all(self.table.c.deleted_at.is_not(None))

    def by_name(self, name: str) -> T | None:
        # lower() on both sides, so Python's and the database's case rules never disagree
        key = sa.func.lower(" ".join(name.split()))
        found = self._all(self.table.c.deleted_at.is_(None),
                          sa.func.lower(self.table.c.name) == key)
        return found[0] if found else None

    def find(self, **equal: Any) -> builtins.list[T]:
        """Live entities whose fields equal the given values (e.g. deal_id=...)."""
        return self._all(self.table.c.deleted_at.is_(None),
                         *(self.table.c[k] == v for k, v in equal.items()))

    def _all(self, *where: Any) -> builtins.list[T]:
        with _user_errors():
            return list(self.session.scalars(sa.select(self.cls).where(*where)))


class SqlLeads(SqlRepository[Lead], LeadStore, LeadWrites):
    """Leads: the generic repository plus the bulk paths (storage/lead_store.py) and
    the board actions' (storage/lead_writes.py)."""

    def __init__(self, session: Session, actor: str):
        super().__init__(session, Lead)
        self.actor = actor

    def get_many(self, ids: Iterable[str]) -> builtins.list[Lead]:
        """The live leads among `ids` (one query per KEY_CHUNK ids)."""
        wanted = list(dict.fromkeys(ids))
        found: builtins.list[Lead] = []
        for i in range(0, len(wanted), 500):
            found += self._all(self.table.c.id.in_(wanted[i:i + 500]),
                               self.table.c.deleted_at.is_(None))
        return found


class SqlUnitOfWork:
    def __init__(self, session_factory: sessionmaker[Session], actor: str | None = None):
        self._factory = session_factory
        self.actor = actor or default_actor()

    def __enter__(self) -> Self:
        self.session = self._factory()
        self.session.info["actor"] = self.actor
        s = self.session
        self.teams = SqlRepository(s, Team)
        self.members = SqlRepository(s, Member)
        self.accounts = SqlRepository(s, Account)
        self.products = SqlRepository(s, Product)
        self.territories = SqlRepository(s, Territory)
        self.assignments = SqlRepository(s, TerritoryAssignment)
        self.pipelines = SqlRepository(s, Pipeline)
        self.stages = SqlRepository(s, Stage)
        self.lost_reasons = SqlRepository(s, LostReason)
        self.deals = SqlRepository(s, Deal)
        self.deal_lines = SqlRepository(s, DealLine)
        self.stage_changes = SqlRepository(s, StageChange)
        self.activities = SqlRepository(s, DealActivity)
        self.notes = SqlRepository(s, DealNote)
        self.quota_plans = SqlQuotaPlans(s, self.actor)
        self.leads = SqlLeads(s, self.actor)
        self.lead_activities = SqlRepository(s, LeadActivity)
        self.lead_segments = SqlSegmentRules(s, self.actor)
        self.lead_rescore = SqlLeadRescore(s, self.actor)
        return self

    def __exit__(self, _type: Any, exc: BaseException | None, _tb: Any) -> None:
        try:
            self.rollback()
        except DomainError:
            if exc is None:
                raise
            log.warning("rollback after %r failed too", exc)  # the first failure counts
        finally:
            self.session.close()
        mapped = None if exc is None else _user_error(exc)
        if mapped is not None:  # raised in the block, e.g. by the session used directly
            raise mapped from exc

    def commit(self) -> None:
        with _user_errors():
            try:
                self.session.commit()
            except Exception:
                self.session.rollback()
                raise

    def rollback(self) -> None:
        with _user_errors():
            self.session.rollback()

    def get_setting(self, key: str, default: str) -> str:
        with _user_errors():
            value = self.session.execute(
                sa.select(tables.settings.c.value).where(tables.settings.c.key == key)).scalar()
        return default if value is None else value

    def set_setting(self, key: str, value: str) -> None:
        t = tables.settings
        with _user_errors():
            old = self.session.execute(sa.select(t.c.value).where(t.c.key == key)).first()
            if old is not None and old[0] == value:
                return
            stmt = (sa.update(t).where(t.c.key == key).values(value=value) if old is not None
                    else sa.insert(t).values(key=key, value=value))
            self.session.execute(stmt)
            self.session.execute(sa.insert(tables.change_log).values(
                id=new_id(), at=datetime.now(UTC), actor=self.actor, entity="settings",
                entity_id=key[:36], op="update" if old is not None else "insert",
                changes={"value": [old[0] if old is not None else None, value]}))


def make_session_factory(engine: sa.Engine) -> sessionmaker[Session]:
    factory = sessionmaker(engine, expire_on_commit=False)
    changelog.install(factory)
    return factory
