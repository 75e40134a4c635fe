"""Territory actions: the tree, its rules, rep assignments and (re)evaluation."""

from __future__ import annotations

import enum
import json
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field, replace
from datetime import UTC, date, datetime

from salesdesk.domain.accounts import Account
from salesdesk.domain.errors import ValidationError
from salesdesk.domain.territories import Criterion, Territory, TerritoryAssignment, check_parent
from salesdesk.domain.territory_plan import Coverage, TerritoryPlan
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

    @property
    def entity_id(self) -> str:
        return self.territory_id


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


LAST_EVALUATION_KEY = "territories.last_evaluation"
STORED_TIES = 500  # the panel lists this many; the count is always complete


@dataclass(frozen=True)
class EvaluationResult:
    changes: OpChanges
    accounts: int
    landed: int
    moved: int
    unmatched: tuple[str, ...]            # account names
    ties: tuple[tuple[str, tuple[str, ...]], ...]  # account name, territory names
    cancelled: bool = False
    # territory paths ("Americas › US Commercial"), accounts both match; most first
    overlaps: tuple[tuple[str, str, int], ...] = ()
    per_territory: tuple[tuple[str, int], ...] = ()  # territory path, accounts landed
    evaluated_at: datetime | None = None


def evaluate_territories(uow_factory: UnitOfWorkFactory,
                         progress: Callable[[int, int], bool] | None = None
                         ) -> EvaluationResult:
    """Land every account in its territory and store the result (plus a summary that
    `last_evaluation` reads back). `progress(done, total)` may return False to cancel:
    then nothing is written. It is asked once more before writing, so a cancel between
    progress reports still counts."""
    with uow_factory() as uow:
        result = evaluate_into(uow, progress)
        if not result.cancelled:
            uow.commit()
        return result


def evaluate_into(uow: UnitOfWork, progress: Callable[[int, int], bool] | None = None
                  ) -> EvaluationResult:
    """evaluate_territories inside the caller's unit of work. The caller commits, unless
    the result says it was cancelled: then nothing was changed."""
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
    if not cancelled and progress is not None:
        cancelled = progress(total, total) is False
    if cancelled:
        return EvaluationResult(OpChanges(), total, 0, 0, (), (), cancelled=True)
    moved = _store_landing(accounts, coverage)
    result = _evaluation_result(plan, uow.territories.list(), accounts, coverage, moved)
    uow.set_setting(LAST_EVALUATION_KEY, _summary_json(result))
    return result


def _store_landing(accounts: Sequence[Account], coverage: Coverage) -> int:
    moved = 0
    for account in accounts:
        target = coverage.landing.get(account.id)
        if account.territory_id != target:
            account.territory_id = target
            moved += 1
    return moved


def _path(plan: TerritoryPlan, territory: Territory) -> str:
    return " › ".join(t.name for t in reversed(plan.chain(territory)))


def _evaluation_result(plan: TerritoryPlan, territories: Sequence[Territory],
                       accounts: Sequence[Account], coverage: Coverage,
                       moved: int) -> EvaluationResult:
    names = {t.id: t.name for t in territories}
    paths = {t.id: _path(plan, t) for t in territories}
    by_id = {a.id: a.name for a in accounts}
    total, counts = len(accounts), coverage.counts()
    overlaps: list[tuple[str, str, int]] = []
    for (a, b), n in coverage.overlaps.items():
        first, second = sorted((paths[a], paths[b]), key=str.casefold)
        overlaps.append((first, second, n))
    overlaps.sort(key=lambda o: (-o[2], o[0].casefold(), o[1].casefold()))
    return EvaluationResult(
        OpChanges(accounts=moved > 0, territories=True,
                  summary=f"{len(coverage.landing)} of {total} accounts landed, "
                          f"{moved} moved"),
        total, len(coverage.landing), moved,
        tuple(sorted(by_id[a] for a in coverage.unmatched)),
        tuple(sorted((by_id[a], tuple(sorted(names[t] for t in ts)))
                     for a, ts in coverage.ties.items())),
        overlaps=tuple(overlaps),
        per_territory=tuple(sorted((paths[t], counts.get(t, 0)) for t in paths)),
        evaluated_at=datetime.now(UTC))


def _summary_json(result: EvaluationResult) -> str:
    return json.dumps({
        "at": result.evaluated_at.isoformat() if result.evaluated_at else None,
        "accounts": result.accounts, "landed": result.landed,
        "unmatched": len(result.unmatched), "tie_count": len(result.ties),
        "ties": [[a, list(ts)] for a, ts in result.ties[:STORED_TIES]],
        "overlaps": [list(o) for o in result.overlaps]})


@dataclass(frozen=True)
class LastEvaluation:
    """What the last completed evaluation found, for the coverage panel."""

    evaluated_at: datetime
    accounts: int
    landed: int
    unmatched: int
    tie_count: int
    ties: tuple[tuple[str, tuple[str, ...]], ...]   # the first STORED_TIES of them
    overlaps: tuple[tuple[str, str, int], ...]
    rules_changed_since: bool  # a territory was added, edited or deleted after it


def last_evaluation(uow_factory: UnitOfWorkFactory) -> LastEvaluation | None:
    """The summary stored by the last evaluation, or None if rules were never evaluated
    (or the stored summary is unreadable)."""
    with uow_factory() as uow:
        try:
            data = json.loads(uow.get_setting(LAST_EVALUATION_KEY, "null"))
            when = datetime.fromisoformat(data["at"])
            summary = LastEvaluation(
                when, int(data["accounts"]), int(data["landed"]), int(data["unmatched"]),
                int(data["tie_count"]), tuple((a, tuple(ts)) for a, ts in data["ties"]),
                tuple((a, b, int(n)) for a, b, n in data["overlaps"]), False)
        except (TypeError, KeyError, ValueError):
            return None
        stamps = [s for t in (*uow.territories.list(), *uow.territories.list_deleted())
                  for s in (t.updated_at, t.deleted_at) if s is not None]
        changed = bool(stamps) and max(stamps) > when
        return replace(summary, rules_changed_since=changed)


def preview_rules(uow_factory: UnitOfWorkFactory, name: str, parent_id: str | None,
                  criteria: Sequence[Criterion], limit: int = 500) -> tuple[int, list[str]]:
    """How many accounts (and which, up to `limit`) these unsaved rules would match."""
    with uow_factory() as uow:
        plan = TerritoryPlan(uow.territories.list())
        draft = Territory(name=name or "draft", parent_id=parent_id, criteria=list(criteria))
        matched = plan.preview(draft, uow.accounts.list())
        return len(matched), sorted((a.name for a in matched), key=str.casefold)[:limit]
