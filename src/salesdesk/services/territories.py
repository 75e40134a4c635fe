"""Territory actions: the tree, its rules, rep assignments and (re)evaluation."""

from __future__ import annotations

import enum
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime

from salesdesk.domain.errors import ValidationError
from salesdesk.domain.territories import (
    Criterion,
    Territory,
    TerritoryAssignment,
    TerritoryPlan,
    check_parent,
)
from salesdesk.services.common import OpChanges, check_version
from salesdesk.services.unit_of_work import UnitOfWork, UnitOfWorkFactory


class _Keep(enum.Enum):
    """Marks an argument the caller did not give (None means "no parent")."""

    KEEP = "keep"


KEEP = _Keep.KEEP


@dataclass(frozen=True)
class TerritorySaved:
    changes: OpChanges
    territory_id: str
    version: int
    before: dict[str, object] = field(default_factory=dict)


def _check_name(uow: UnitOfWork, territory: Territory) -> None:
    for other in uow.territories.list():
        if (other.id != territory.id and other.parent_id == territory.parent_id
                and other.name.casefold() == territory.name.casefold()):
            raise ValidationError(f"'{territory.name}' exists already at this level",
                                  field="name")


def add_territory(uow_factory: UnitOfWorkFactory, name: str, parent_id: str | None = None,
                  criteria: Sequence[Criterion] = ()) -> TerritorySaved:
    with uow_factory() as uow:
        if parent_id is not None:
            uow.territories.get(parent_id)
        territory = Territory(name=name, parent_id=parent_id, criteria=list(criteria))
        _check_name(uow, territory)
        uow.territories.add(territory)
        uow.commit()
        return TerritorySaved(OpChanges(territories=True, summary=f"Added {territory.name}",
                                        ids=(territory.id,)), territory.id, territory.version)


def edit_territory(uow_factory: UnitOfWorkFactory, territory_id: str,
                   expected_version: int | None, *, name: str | None = None,
                   parent_id: str | None | _Keep = KEEP,
                   criteria: Sequence[Criterion] | None = None) -> TerritorySaved:
    with uow_factory() as uow:
        territory = uow.territories.get(territory_id)
        check_version(territory, expected_version, "Territory")
        before: dict[str, object] = {}
        if name is not None:
            before["name"] = territory.name
            territory.name = Territory(name=name).name
        if not isinstance(parent_id, _Keep):
            before["parent_id"] = territory.parent_id
            if parent_id is not None:
                uow.territories.get(parent_id)
            check_parent(territory.id, parent_id,
                         {t.id: t.parent_id for t in uow.territories.list()})
            territory.parent_id = parent_id
        if criteria is not None:
            before["criteria"] = list(territory.criteria)
            territory.criteria = list(criteria)
        _check_name(uow, territory)
        uow.commit()
        return TerritorySaved(OpChanges(territories=True, summary=f"Edited {territory.name}",
                                        ids=(territory.id,)), territory.id, territory.version,
                              before)


def delete_territory(uow_factory: UnitOfWorkFactory, territory_id: str,
                     expected_version: int | None) -> TerritorySaved:
    """Soft-delete a territory without children; its accounts become unassigned until the
    rules are evaluated again."""
    with uow_factory() as uow:
        territory = uow.territories.get(territory_id)
        check_version(territory, expected_version, "Territory")
        children = [t.name for t in uow.territories.list() if t.parent_id == territory.id]
        if children:
            raise ValidationError(f"'{territory.name}' still holds {', '.join(children)}",
                                  field="parent")
        territory.deleted_at = datetime.now(UTC)
        for a in uow.assignments.list():
            if a.territory_id == territory.id:
                a.deleted_at = territory.deleted_at
        uow.commit()
        return TerritorySaved(OpChanges(territories=True, accounts=True,
                                        summary=f"Deleted {territory.name}",
                                        ids=(territory.id,)), territory.id, territory.version)


def restore_territory(uow_factory: UnitOfWorkFactory, territory_id: str) -> TerritorySaved:
    with uow_factory() as uow:
        territory = uow.territories.get_deleted(territory_id)
        parents = {t.id: t.name for t in uow.territories.list_deleted()}
        if territory.parent_id in parents:  # it would silently lose its parent's rules
            raise ValidationError(f"restore '{parents[territory.parent_id]}' first: "
                                  f"'{territory.name}' sits inside it", field="parent")
        when = territory.deleted_at
        territory.deleted_at = None
        for a in uow.assignments.list_deleted():
            if a.territory_id == territory.id and a.deleted_at == when:
                a.deleted_at = None
        uow.commit()
        return TerritorySaved(OpChanges(territories=True, summary=f"Restored {territory.name}",
                                        ids=(territory.id,)), territory.id, territory.version)


def assign_rep(uow_factory: UnitOfWorkFactory, territory_id: str, member_id: str,
               start: date, end: date | None = None) -> OpChanges:
    with uow_factory() as uow:
        territory = uow.territories.get(territory_id)
        member = uow.members.get(member_id)
        if not member.active:
            raise ValidationError(f"{member.name} has left", field="member")
        new = TerritoryAssignment(territory_id=territory_id, member_id=member_id,
                                  start=start, end=end)
        for a in uow.assignments.list():
            if (a.territory_id == territory_id and a.member_id == member_id
                    and _overlap(a, new)):
                raise ValidationError(f"{member.name} already covers {territory.name} "
                                      "in that period", field="start")
        uow.assignments.add(new)
        uow.commit()
        return OpChanges(territories=True, summary=f"{member.name} covers {territory.name}",
                         ids=(new.id,))


def _overlap(a: TerritoryAssignment, b: TerritoryAssignment) -> bool:
    a_end, b_end = a.end or date.max, b.end or date.max
    return a.start <= b_end and b.start <= a_end


def remove_assignment(uow_factory: UnitOfWorkFactory, assignment_id: str) -> OpChanges:
    with uow_factory() as uow:
        assignment = uow.assignments.get(assignment_id)
        assignment.deleted_at = datetime.now(UTC)
        uow.commit()
        return OpChanges(territories=True, summary="Removed an assignment",
                         ids=(assignment_id,))


def restore_assignment(uow_factory: UnitOfWorkFactory, assignment_id: str) -> OpChanges:
    with uow_factory() as uow:
        uow.assignments.get_deleted(assignment_id).deleted_at = None
        uow.commit()
        return OpChanges(territories=True, summary="Restored an assignment",
                         ids=(assignment_id,))


@dataclass(frozen=True)
class EvaluationResult:
    changes: OpChanges
    accounts: int
    landed: int
    moved: int
    unmatched: tuple[str, ...]            # account names
    ties: tuple[tuple[str, tuple[str, ...]], ...]  # account name, territory names
    cancelled: bool = False


def evaluate_territories(uow_factory: UnitOfWorkFactory,
                         progress: Callable[[int, int], bool] | None = None
                         ) -> EvaluationResult:
    """Land every account in its territory and store the result. `progress(done, total)`
    may return False to cancel: then nothing is written."""
    with uow_factory() as uow:
        plan = TerritoryPlan(uow.territories.list())
        accounts = uow.accounts.list()
        total = len(accounts)
        cancelled = False

        def report(n: int) -> bool:
            nonlocal cancelled
            # Counting landed accounts misses a cancel on the last batch (total % 5000 == 0).
            cancelled = progress is not None and progress(n, total) is False
            return not cancelled

        coverage = plan.evaluate(accounts, report)
        if cancelled:
            return EvaluationResult(OpChanges(), total, 0, 0, (), (), cancelled=True)
        moved = 0
        for account in accounts:
            target = coverage.landing.get(account.id)
            if account.territory_id != target:
                account.territory_id = target
                moved += 1
        names = {t.id: t.name for t in uow.territories.list()}
        by_id = {a.id: a.name for a in accounts}
        uow.commit()
        return EvaluationResult(
            OpChanges(accounts=moved > 0, territories=True,
                      summary=f"{len(coverage.landing)} of {total} accounts landed, "
                              f"{moved} moved"),
            total, len(coverage.landing), moved,
            tuple(sorted(by_id[a] for a in coverage.unmatched)),
            tuple(sorted((by_id[a], tuple(names[t] for t in ts))
                         for a, ts in coverage.ties.items())))


def preview_rules(uow_factory: UnitOfWorkFactory, name: str, parent_id: str | None,
                  criteria: Sequence[Criterion], limit: int = 500) -> tuple[int, list[str]]:
    """How many accounts (and which, up to `limit`) these unsaved rules would match."""
    with uow_factory() as uow:
        plan = TerritoryPlan(uow.territories.list())
        draft = Territory(name=name or "draft", parent_id=parent_id, criteria=list(criteria))
        matched = plan.preview(draft, uow.accounts.list())
        return len(matched), sorted(a.name for a in matched)[:limit]
