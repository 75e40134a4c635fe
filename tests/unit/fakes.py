"""In-memory stand-ins for the storage layer, so services are tested in milliseconds.

`FakeWorkspace` holds the committed state as deep copies. Each `FakeUnitOfWork` works
on its own deep copies (an identity map: `get` and `list` hand back the same objects
within one unit of work, as a SQLAlchemy session does), so nothing reaches the
workspace until `commit()`, and `rollback()` (also run on exit) really discards
uncommitted adds and changes. On commit, every changed entity's `version` goes up by
one, as SQLAlchemy's `version_id_col` does, and a change to an entity that another unit
of work committed meanwhile is refused with `ConcurrentEditError`. Messages name records
as storage.uow does ("member ... does not exist").
"""

from __future__ import annotations

import builtins
import copy
import dataclasses
from collections.abc import Sequence
from datetime import UTC, date, datetime
from decimal import Decimal
from typing import Any, Generic, Self, TypeVar

from salesdesk.domain.accounts import Account, Product
from salesdesk.domain.deals import Deal, DealActivity, DealLine, DealNote, StageChange
from salesdesk.domain.entity import Entity
from salesdesk.domain.errors import ConcurrentEditError, NotFoundError
from salesdesk.domain.lead_activities import LeadActivity
from salesdesk.domain.lead_segments import DEFAULT_SEGMENTS, Segment
from salesdesk.domain.leads import OPEN_STATUSES, Lead, LeadData, company_key, person_key
from salesdesk.domain.members import Member, Team
from salesdesk.domain.pipeline import LostReason, Outcome, Pipeline, Stage
from salesdesk.domain.quotas import QuotaPlan
from salesdesk.domain.territories import Territory, TerritoryAssignment
from salesdesk.domain.validation import name_key
from salesdesk.services.unit_of_work import Repository
from salesdesk.storage.files import Row, Table, normalise_header
from salesdesk.storage.mapping import MAPPED
from salesdesk.storage.quota_store import PlanInfo
from salesdesk.storage.uow import DISPLAY_NAMES

T = TypeVar("T", bound=Entity)

REPOSITORIES: dict[str, type[Entity]] = {
    "teams": Team, "members": Member, "accounts": Account, "products": Product,
    "territories": Territory, "assignments": TerritoryAssignment,
    "pipelines": Pipeline, "stages": Stage, "lost_reasons": LostReason, "deals": Deal,
    "deal_lines": DealLine, "stage_changes": StageChange, "activities": DealActivity,
    "notes": DealNote, "leads": Lead, "lead_activities": LeadActivity,
}


def _state(entity: Entity) -> dict[str, Any]:
    """Every field but the version, to tell whether an entity changed."""
    return {f.name: getattr(entity, f.name) for f in dataclasses.fields(entity)
            if f.name != "version"}


def _display(kind: str) -> str:
    """'assignments' -> 'territory assignment', as the SQL repositories say it."""
    return DISPLAY_NAMES[MAPPED[REPOSITORIES[kind]].name]


class FakeRepository(Generic[T]):
    def __init__(self, kind: str, rows: dict[str, T]):
        self.kind, self._rows = kind, rows

    def add(self, entity: T) -> None:
        assert entity.id not in self._rows, f"{self.kind}: {entity.id} added twice"
        self._rows[entity.id] = entity

    def get(self, entity_id: str) -> T:
        entity = self._rows.get(entity_id)
        if entity is None or entity.deleted_at is not None:
            raise NotFoundError(f"{_display(self.kind)} {entity_id} does not exist")
        return entity

    def list(self) -> list[T]:
        return [e for e in self._rows.values() if e.deleted_at is None]

    def get_deleted(self, entity_id: str) -> T:
        entity = self._rows.get(entity_id)
        if entity is None or entity.deleted_at is None:
            raise NotFoundError(f"{_display(self.kind)} {entity_id} is not deleted")
        return entity

    def list_deleted(self) -> builtins.list[T]:
        return [e for e in self._rows.values() if e.deleted_at is not None]

    def by_name(self, name: str) -> T | None:
        key = name_key(name)
        return next((e for e in self.list() if name_key(getattr(e, "name", "")) == key), None)

    def find(self, **equal: Any) -> builtins.list[T]:
        return [e for e in self.list() if all(getattr(e, k) == v for k, v in equal.items())]


class FakeRows:
    """storage.lead_store.LeadRows for the fake: a new lead's "row" is the lead itself
    (a copy, when it comes back from an import's helper process)."""

    def __init__(self) -> None:
        self.now = datetime.now(UTC)

    def __call__(self, leads: Any) -> builtins.list[LeadData]:
        return list(leads)


class FakeLeads(FakeRepository[Lead]):
    """storage.uow.SqlLeads' bulk paths, over the same in-memory rows."""

    def __init__(self, kind: str, rows: dict[str, Lead], uow: FakeUnitOfWork):
        super().__init__(kind, rows)
        self.uow = uow

    def get_many(self, ids: Any) -> builtins.list[Lead]:
        return [self._rows[i] for i in dict.fromkeys(ids)
                if i in self._rows and self._rows[i].deleted_at is None]

    def row_maker(self) -> FakeRows:
        return FakeRows()

    def add_many(self, leads: Sequence[LeadData], source: str = "",
                 prepared: Sequence[Any] = (), maker: FakeRows | None = None) -> None:
        now = (maker or FakeRows()).now
        for lead in [*prepared, *leads]:  # stamped as storage stamps them, stored as a Lead
            lead.created_at = lead.updated_at = lead.created_at or now
            lead.received_at = lead.received_at or lead.created_at
            self.add(Lead(**{f.name: getattr(lead, f.name)
                             for f in dataclasses.fields(LeadData)}))

    def key_matches(self, email_keys: Any, person_keys: Any, company_keys: Any
                    ) -> builtins.list[tuple[str, str | None, str, str]]:
        emails, people, companies = set(email_keys), set(person_keys), set(company_keys)
        return [(x.id, x.email, person_key(x.person_name), company_key(x.company))
                for x in self.list()
                if (x.email and x.email in emails) or person_key(x.person_name) in people
                or company_key(x.company) in companies]

    def open_counts(self) -> dict[str, int]:
        counts: dict[str, int] = {}
        for x in self.list():
            if x.owner_id and x.status in OPEN_STATUSES:
                counts[x.owner_id] = counts.get(x.owner_id, 0) + 1
        return counts

    def routable(self, limit: int | None = None) -> builtins.list[Lead]:
        far = datetime.max.replace(tzinfo=UTC)
        found = sorted((x for x in self.list() if x.owner_id is None and x.is_open),
                       key=lambda x: (x.sla_due_at is None, x.sla_due_at or far,
                                      x.arrived_at or far, x.id))
        return found[:limit]

    def set_owners(self, changes: Sequence[tuple[str, str | None, str | None]]
                   ) -> builtins.list[str]:
        done = []
        for lead_id, expected, new in changes:
            lead = self._rows.get(lead_id)
            if lead is not None and lead.deleted_at is None and lead.owner_id == expected:
                lead.owner_id = new
                done.append(lead_id)
        return done

    def owners(self, ids: Sequence[str]) -> dict[str, str | None]:
        return {x.id: x.owner_id for x in self.get_many(ids)}

    def reassign(self, changes: Sequence[tuple[str, str | None, str | None]]) -> None:
        for lead_id, _old, new in changes:
            self.get(lead_id).owner_id = new

    def load_many(self, ids: Sequence[str]) -> builtins.list[LeadData]:
        return [copy.deepcopy(x) for x in self.get_many(ids)]  # untracked, as in storage

    def save_many(self, leads: Sequence[LeadData]) -> None:
        for lead in leads:
            stored = self.get(lead.id)
            if stored.version != lead.version:
                raise ConcurrentEditError("lead", lead.id)
            for name in ("status", "status_reason", "first_contacted_at", "segments",
                         "manual_segments", "score", "score_parts", "territory_id",
                         "sla_due_at"):
                setattr(stored, name, copy.deepcopy(getattr(lead, name)))

    def add_activities(self, activities: Sequence[tuple[Any, ...]]) -> None:
        for lead_id, kind, at, subject, detail in activities:  # validated, as entities
            self.uow.lead_activities.add(LeadActivity(lead_id=lead_id, kind=kind, at=at,
                                                      subject=subject, detail=detail))

    def account_for_company(self, company: str) -> str | None:
        key = company_key(company)
        same = [a for a in self.uow.accounts.list() if key and company_key(a.name) == key]
        same.sort(key=lambda a: name_key(a.name) != name_key(company))
        return same[0].id if same else None


class FakeSegmentRules:
    def __init__(self, segments: builtins.list[Segment]):
        self.segments = segments

    def load(self) -> builtins.list[Segment]:
        return list(self.segments)

    def save(self, segments: Sequence[Segment]) -> None:
        self.segments[:] = list(segments)


class FakeWorkspace:
    """The committed state everyone shares; `uow()` is the unit-of-work factory."""

    def __init__(self, actor: str = "tester"):
        self.actor = actor
        self.data: dict[str, dict[str, Entity]] = {k: {} for k in REPOSITORIES}
        self.settings: dict[str, str] = {}
        self.plans: dict[str, QuotaPlan] = {}
        self.segments: list[Segment] = list(DEFAULT_SEGMENTS)
        self.commits = 0

    def uow(self) -> FakeUnitOfWork:
        return FakeUnitOfWork(self)

    __call__ = uow

    def seed(self, *entities: Entity) -> None:
        """Store entities as already committed (test set-up, bypassing services)."""
        kinds = {cls: kind for kind, cls in REPOSITORIES.items()}
        for entity in entities:
            self.data[kinds[type(entity)]][entity.id] = copy.deepcopy(entity)

    def snapshot(self) -> tuple[dict[str, dict[str, Any]], dict[str, str]]:
        """A comparable picture of everything committed, versions included."""
        picture = {kind: {i: {**_state(e), "version": e.version} for i, e in rows.items()}
                   for kind, rows in self.data.items()}
        picture["quota_plans"] = {i: {**_state(p), "version": p.version}
                                  for i, p in self.plans.items()}
        return copy.deepcopy(picture), dict(self.settings)

    def live(self, kind: str) -> list[Any]:
        """Committed live entities (copies: changing them changes nothing)."""
        return [copy.deepcopy(e) for e in self.data[kind].values() if e.deleted_at is None]

    def one(self, kind: str, name: str) -> Any:
        found = [e for e in self.live(kind) if name_key(e.name) == name_key(name)]
        assert len(found) == 1, f"{len(found)} {kind} called {name!r}"
        return found[0]


class FakeQuotaPlans:
    """Whole plan versions, as storage.quota_store.SqlQuotaPlans keeps them; closed won
    and open pipeline are read from the unit of work's deals."""

    kind = "quota plan"

    def __init__(self, uow: FakeUnitOfWork, plans: dict[str, QuotaPlan]):
        self.uow, self.plans = uow, plans

    def versions(self, year: int | None = None) -> builtins.list[Any]:
        found = [p for p in self.plans.values() if year in (None, p.year)]
        found.sort(key=lambda p: (-p.year, -p.plan_version))
        return [PlanInfo(p.id, p.year, p.plan_version, p.status, p.note, p.updated_at,
                         p.updated_by, p.version) for p in found]

    def get(self, plan_id: str) -> QuotaPlan:
        if plan_id not in self.plans:
            raise NotFoundError(f"quota plan {plan_id} does not exist")
        return self.plans[plan_id]

    def add(self, plan: QuotaPlan) -> None:
        if any(p.year == plan.year and p.plan_version == plan.plan_version
               for p in self.plans.values()):
            raise ConcurrentEditError("quota plan", plan.id)
        self.plans[plan.id] = plan

    def save(self, plan: QuotaPlan) -> None:
        stored = self.uow.workspace.plans.get(plan.id)
        if stored is not None and stored.version != plan.version:
            raise ConcurrentEditError("quota plan", plan.id)
        plan.version += 1
        self.plans[plan.id] = plan

    def remove(self, plan_id: str, version: int) -> None:
        if self.get(plan_id).version != version:
            raise ConcurrentEditError("quota plan", plan_id)
        del self.plans[plan_id]

    def _deals(self, outcome: Outcome) -> builtins.list[Deal]:
        stages = {s.id: s.outcome for s in self.uow.stages.list()}
        return [d for d in self.uow.deals.list() if stages.get(d.stage_id) is outcome
                and d.owner_id is not None]

    def won_by_member_day(self, start: date, end: date) -> dict[tuple[str, date], Decimal]:
        won: dict[tuple[str, date], Decimal] = {}
        for d in self._deals(Outcome.WON):
            if d.won_on is not None and start <= d.won_on < end:
                key = (str(d.owner_id), d.won_on)
                won[key] = won.get(key, Decimal("0.00")) + (d.won_amount or d.amount)
        return won

    def weighted_pipeline(self, closing_before: date) -> dict[str, Decimal]:
        probability = {s.id: s.probability for s in self.uow.stages.list()}
        found: dict[str, Decimal] = {}
        for d in self._deals(Outcome.OPEN):
            if d.expected_close is None or d.expected_close < closing_before:
                weight = d.probability if d.probability is not None else probability[
                    d.stage_id]
                found[str(d.owner_id)] = found.get(str(d.owner_id), Decimal("0.00")) + (
                    d.amount * weight / 100).quantize(Decimal("0.01"))
        return found


class FakeUnitOfWork:
    """Satisfies services.unit_of_work.UnitOfWork; see the module docstring."""

    teams: Repository[Team]
    members: Repository[Member]
    accounts: Repository[Account]
    products: Repository[Product]
    territories: Repository[Territory]
    assignments: Repository[TerritoryAssignment]

    def __init__(self, workspace: FakeWorkspace):
        self.workspace = workspace
        self.actor = workspace.actor
        self.committed = False

    def __enter__(self) -> Self:
        self._load()
        return self

    def __exit__(self, *exc: Any) -> None:
        self.rollback()

    def _load(self) -> None:
        ws = self.workspace
        self._rows = {kind: copy.deepcopy(rows) for kind, rows in ws.data.items()}
        self._base = {kind: {i: e.version for i, e in rows.items()}
                      for kind, rows in ws.data.items()}
        self._settings = dict(ws.settings)
        for kind in REPOSITORIES:
            setattr(self, kind, FakeRepository(kind, self._rows[kind]))
        self.leads = FakeLeads("leads", self._rows["leads"], self)
        self.lead_segments = FakeSegmentRules(list(ws.segments))
        self.quota_plans = FakeQuotaPlans(self, copy.deepcopy(ws.plans))

    def commit(self) -> None:
        ws = self.workspace
        new: list[tuple[str, Entity]] = []
        changed: list[tuple[str, Entity]] = []
        for kind, rows in self._rows.items():
            for entity_id, entity in rows.items():
                stored = ws.data[kind].get(entity_id)
                if stored is None:
                    new.append((kind, entity))  # keeps the version it was built with
                elif _state(stored) != _state(entity) or stored.version != entity.version:
                    if stored.version != self._base[kind].get(entity_id):
                        raise ConcurrentEditError(_display(kind), entity_id)
                    changed.append((kind, entity))
        for _, entity in changed:
            entity.version += 1
        for kind, entity in (*new, *changed):
            ws.data[kind][entity.id] = copy.deepcopy(entity)
            self._base[kind][entity.id] = entity.version
        ws.settings.update(self._settings)
        ws.plans = copy.deepcopy(self.quota_plans.plans)
        ws.segments = list(self.lead_segments.segments)
        ws.commits += 1
        self.committed = True

    def rollback(self) -> None:
        """Discard every uncommitted add and change: back to the committed state."""
        self._load()

    def get_setting(self, key: str, default: str) -> str:
        return self._settings.get(key, default)

    def set_setting(self, key: str, value: str) -> None:
        self._settings[key] = value


def make_table(headers: Sequence[str], *rows: Sequence[str], source: str = "test.csv",
               first_row: int = 2) -> Table:
    """A table as storage.files.read_table returns it, without a file. Rows may be shorter
    or longer than the headers, as in real files."""
    names = tuple(normalise_header(h) for h in headers)

    def values(cells: Sequence[str]) -> dict[str, str]:
        return {h: str(v).strip() for h, v in zip(names, cells, strict=False)}

    return Table(source, names, tuple(headers),
                 tuple(Row(first_row + i, values(r)) for i, r in enumerate(rows)))
