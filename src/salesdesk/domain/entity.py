"""Base of every business entity: client-generated UUID, version, audit stamps, soft delete."""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field
from datetime import datetime


def new_id() -> str:
    """A client-generated UUID (text), so offline laptops can create rows without a server."""
    return str(uuid.uuid4())


@dataclass(eq=False, kw_only=True)
class Entity:
    id: str = field(default_factory=new_id)
    version: int = 1
    created_at: datetime | None = None
    updated_at: datetime | None = None
    updated_by: str | None = None
    deleted_at: datetime | None = None

    @property
    def is_deleted(self) -> bool:
        return self.deleted_at is not None

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Entity) and type(other) is type(self) and other.id == self.id

    def __hash__(self) -> int:
        return hash(self.id)
