"""SQLAlchemy unit of work and repositories."""

from __future__ import annotations

import builtins
import getpass
from datetime import UTC, datetime
from typing import Any, Generic, Self, TypeVar

import sqlalchemy as sa
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.orm.exc import StaleDataError

from salesdesk.domain.accounts import Account, Product
from salesdesk.domain.entity import Entity, new_id
from salesdesk.domain.errors import ConflictError, NotFoundError
from salesdesk.domain.members import Member, Team
from salesdesk.domain.territories import Territory, TerritoryAssignment
from salesdesk.storage import changelog, tables
from salesdesk.storage.mapping import MAPPED

T = TypeVar("T", bound=Entity)


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

    def get(self, entity_id: str) -> T:
        entity = self.session.get(self.cls, entity_id)
        if entity is None or entity.deleted_at is not None:
            raise NotFoundError(f"{self.table.name[:-1]} {entity_id} does not exist")
        return entity

    def list(self) -> builtins.list[T]:
        stmt = sa.select(self.cls).where(self.table.c.deleted_at.is_(None))
        return list(self.session.scalars(stmt))

    def get_deleted(self, entity_id: str) -> T:
        """A soft-deleted entity, to restore it (undo)."""
        entity = self.session.get(self.cls, entity_id)
        if entity is None or entity.deleted_at is None:
            raise NotFoundError(f"{self.table.name[:-1]} {entity_id} is not deleted")
        return entity

    def list_deleted(self) -> builtins.list[T]:
        stmt = sa.select(self.cls).where(self.table.c.deleted_at.is_not(None))
        return list(self.session.scalars(stmt))

    def by_name(self, name: str) -> T | None:
        key = " ".join(name.split()).lower()
        stmt = sa.select(self.cls).where(self.table.c.deleted_at.is_(None),
                                         sa.func.lower(self.table.c.name) == key)
        return self.session.scalars(stmt).first()


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
        return self

    def __exit__(self, *exc: Any) -> None:
        self.rollback()
        self.session.close()

    def commit(self) -> None:
        try:
            self.session.commit()
        except StaleDataError as exc:
            self.session.rollback()
            raise ConflictError.concurrent(str(exc)) from exc

    def rollback(self) -> None:
        self.session.rollback()

    def get_setting(self, key: str, default: str) -> str:
        value = self.session.execute(
            sa.select(tables.settings.c.value).where(tables.settings.c.key == key)).scalar()
        return default if value is None else value

    def set_setting(self, key: str, value: str) -> None:
        t = tables.settings
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
