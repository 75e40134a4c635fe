"""What every service shares: the "what changed" record and the version check."""

from __future__ import annotations

from dataclasses import dataclass, field

from salesdesk.domain.entity import Entity
from salesdesk.domain.errors import ConflictError


@dataclass(frozen=True)
class OpChanges:
    """Which parts of the workspace an action touched, so only concerned views refresh."""

    members: bool = False
    teams: bool = False
    accounts: bool = False
    products: bool = False
    territories: bool = False
    leads: bool = False
    deals: bool = False
    quotas: bool = False
    summary: str = ""
    ids: tuple[str, ...] = field(default=())

    def __or__(self, other: OpChanges) -> OpChanges:
        return OpChanges(**{k: getattr(self, k) or getattr(other, k)
                            for k in ("members", "teams", "accounts", "products", "territories",
                                      "leads", "deals", "quotas")},
                         summary="; ".join(s for s in (self.summary, other.summary) if s),
                         ids=self.ids + other.ids)


def check_version(entity: Entity, expected: int | None, kind: str) -> None:
    """Refuse to write over a change made elsewhere since the caller loaded the entity."""
    if expected is not None and entity.version != expected:
        raise ConflictError(kind, entity.id, expected, entity.version)
