"""Routing open unassigned leads to reps (domain/routing.py), previewed, applied, undone.

- Who can get leads: active reps (role rep, not left), each with their effective
  capacity today (ramping reps carry proportionally fewer), their open leads, their
  territories covered today and their skills.
- Which leads: open leads without an owner, the most urgent first (due soonest, then
  waiting longest), so a short capacity goes to the leads that need it most.
- `preview_routing` changes nothing. `apply_routing` works the plan out again inside its
  own transaction and gives each lead its rep only if the lead is still unassigned (a
  lead someone assigned meanwhile is left alone and reported); it records what it
  changed and the rotation before it, so `undo_routing` can put back exactly that: each
  lead still with the routed rep is unassigned again, the others are reported.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from typing import Any

from salesdesk.domain.errors import DomainError
from salesdesk.domain.members import Role
from salesdesk.domain.routing import Rep, RoutingPlan, RoutingState, rep_from_member, route
from salesdesk.services import lead_settings
from salesdesk.services.common import OpChanges
from salesdesk.services.unit_of_work import UnitOfWork, UnitOfWorkFactory


class NothingToUndo(DomainError):
    """No applied routing is recorded (none yet, or it was undone already)."""


@dataclass(frozen=True)
class RoutingResult:
    plan: RoutingPlan
    applied: tuple[str, ...] = ()
    """Lead ids given a rep (apply only)."""
    taken: tuple[str, ...] = ()
    """Leads assigned by someone else between the plan and its write."""
    changes: OpChanges = field(default_factory=OpChanges)


@dataclass(frozen=True)
class RoutingUndone:
    restored: int
    kept: tuple[str, ...]
    """Leads reassigned since the routing: left with their new owner."""
    changes: OpChanges = field(default_factory=OpChanges)


def reps_of(uow: UnitOfWork, today: date) -> list[Rep]:
    """Active reps as routing sees them today."""
    counts = uow.leads.open_counts()
    covered: dict[str, list[str]] = {}
    for a in uow.assignments.list():
        if a.covers(today):
            covered.setdefault(a.member_id, []).append(a.territory_id)
    return [rep_from_member(m, today=today, open_leads=counts.get(m.id, 0),
                            territory_ids=covered.get(m.id, ()))
            for m in uow.members.list() if m.role is Role.REP and m.active]


def _plan(uow: UnitOfWork, today: date, limit: int | None, overflow: bool) -> RoutingPlan:
    names = {t.id: t.name for t in uow.territories.list()}
    return route(uow.leads.routable(limit), reps_of(uow, today),
                 lead_settings.routing_state(uow), territory_names=names, overflow=overflow)


def _today(now: datetime | None) -> date:
    return (now or datetime.now(UTC)).date()


def preview_routing(uow_factory: UnitOfWorkFactory, *, now: datetime | None = None,
                    limit: int | None = None, overflow: bool = False) -> RoutingResult:
    """The plan for the open unassigned leads; nothing is written."""
    with uow_factory() as uow:
        return RoutingResult(_plan(uow, _today(now), limit, overflow))


def apply_routing(uow_factory: UnitOfWorkFactory, *, now: datetime | None = None,
                  limit: int | None = None, overflow: bool = False) -> RoutingResult:
    """Work the plan out and write it in one transaction; record it for undo."""
    at = (now or datetime.now(UTC)).astimezone(UTC)
    with uow_factory() as uow:
        before = lead_settings.routing_state(uow)
        plan = _plan(uow, at.date(), limit, overflow)
        wanted = [(a.lead_id, None, a.member_id) for a in plan.assignments]
        done = uow.leads.set_owners(wanted)
        applied = set(done)
        taken = tuple(a.lead_id for a in plan.assignments if a.lead_id not in applied)
        lead_settings.save_routing_state(uow, plan.new_state)
        lead_settings.save_last_routing(uow, {
            "at": at.isoformat(), "actor": uow.actor, "state_before": before.to_dict(),
            "changes": [[i, None, m] for i, _, m in wanted if i in applied]})
        uow.commit()
    summary = f"Routed {len(done):,} leads" + (
        f"; {len(plan.unassigned):,} left unassigned" if plan.unassigned else "")
    return RoutingResult(plan, tuple(done), taken,
                         OpChanges(leads=True, members=True, summary=summary, ids=tuple(done)))


def undo_routing(uow_factory: UnitOfWorkFactory) -> RoutingUndone:
    """Put back the last applied routing (see the module)."""
    with uow_factory() as uow:
        record = lead_settings.last_routing(uow)
        if record is None:
            raise NothingToUndo("There is no applied routing to undo.")
        changes: Sequence[Any] = record["changes"]
        back = [(str(c[0]), c[2], c[1]) for c in changes]
        done = set(uow.leads.set_owners(back))
        state = record.get("state_before")
        lead_settings.save_routing_state(
            uow, RoutingState.from_dict(state if isinstance(state, dict) else None))
        lead_settings.save_last_routing(uow, None)
        uow.commit()
    kept = tuple(c[0] for c in back if c[0] not in done)
    summary = f"Undid the routing of {len(done):,} leads" + (
        f"; {len(kept):,} reassigned since were left as they are" if kept else "")
    return RoutingUndone(len(done), kept,
                         OpChanges(leads=True, members=True, summary=summary,
                                   ids=tuple(sorted(done))))


def plan_json(plan: RoutingPlan) -> dict[str, Any]:
    """`salesdesk route --json`: {"assignments": [{"lead_id", "member", "reasons"}],
    "unassigned": [{"lead_id", "reason"}]} with reasons in English."""
    return {"assignments": [{"lead_id": a.lead_id, "member": a.member_name,
                             "reasons": [str(r) for r in a.reasons]}
                            for a in plan.assignments],
            "unassigned": [{"lead_id": u.lead_id, "reason": str(u.reason)}
                           for u in plan.unassigned]}
