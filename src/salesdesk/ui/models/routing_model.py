"""What the routing preview shows: each proposal (lead, company, rep, why), each lead left
unassigned (and why), and each rep's share, built on the worker from
services.lead_routing.preview_routing.

Reasons arrive as domain.routing.Reason (an enum and its figures) and are put into words
here, through tr(). The tables use coverage_model.RowsModel over frozen rows.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from salesdesk.domain.routing import Reason, ReasonKind
from salesdesk.ui.i18n import tr
from salesdesk.ui.models.coverage_model import Column

if TYPE_CHECKING:
    from salesdesk.services.lead_routing import RoutingResult
    from salesdesk.services.unit_of_work import UnitOfWorkFactory


def reason_text(reason: Reason) -> str:
    """'territory West', 'skill price objection 4/5', '12 of 40 open', …"""
    k, s, level, of = reason.kind, reason.subject, reason.level, reason.of
    words = {
        ReasonKind.TERRITORY: lambda: tr("territory {0}").format(s),
        ReasonKind.NO_TERRITORY: lambda: tr("no territory: any rep"),
        ReasonKind.UNSTAFFED: lambda: tr("territory {0} has no reps: any rep").format(s),
        ReasonKind.OVERFLOW: lambda: tr("territory {0} is full: any rep").format(s),
        ReasonKind.SKILL: lambda: tr("skill {0} {1}/5").format(s, level),
        ReasonKind.NO_SKILL: lambda: tr("no rep has the skills asked for"),
        ReasonKind.LOAD: lambda: tr("{0} of {1} open").format(level, of),
        ReasonKind.RAMPING: lambda: tr("ramping: {0}% of full capacity").format(level),
        ReasonKind.NO_REPS: lambda: tr("no reps to route to"),
        ReasonKind.TERRITORY_FULL: lambda: tr(
            "all {0} reps of territory {1} are at capacity").format(level, s),
        ReasonKind.ALL_FULL: lambda: tr("all {0} reps are at capacity").format(level)}
    word = words.get(k)
    return word() if word is not None else str(reason)


def reasons_text(reasons: Iterable[Reason]) -> str:
    return "; ".join(reason_text(r) for r in reasons)


@dataclass(frozen=True)
class LeadLabel:
    person: str
    company: str


@dataclass(frozen=True)
class ProposalLine:
    lead_id: str
    lead: str
    company: str
    member_id: str
    rep: str
    reasons: tuple[Reason, ...]


@dataclass(frozen=True)
class UnassignedLine:
    lead_id: str
    lead: str
    company: str
    reason: Reason


@dataclass(frozen=True)
class RepLine:
    member_id: str
    rep: str
    new: int
    """Leads this routing gives the rep."""
    open_after: int
    capacity: int
    """Effective capacity today (ramp applied)."""


@dataclass(frozen=True)
class RoutingPreview:
    result: RoutingResult
    proposals: list[ProposalLine]
    unassigned: list[UnassignedLine]
    reps: list[RepLine]

    @property
    def empty(self) -> bool:
        return not self.proposals and not self.unassigned


def _labels(uow_factory: UnitOfWorkFactory, ids: Sequence[str]) -> dict[str, LeadLabel]:
    with uow_factory() as uow:
        return {x.id: LeadLabel(x.person_name or x.email or "", x.company)
                for x in uow.leads.get_many(ids)}


def rep_lines(result: RoutingResult) -> list[RepLine]:
    """One line per rep this routing gives leads, by name."""
    plan = result.plan
    given = Counter(a.member_id for a in plan.assignments)
    last = {a.member_id: a for a in plan.assignments}  # its last lead: the load reached
    lines = []
    for member_id, n in given.items():
        a = last[member_id]
        capacity = next((r.of for r in a.reasons if r.kind is ReasonKind.LOAD), 0)
        lines.append(RepLine(member_id, a.member_name, n, plan.loads.get(member_id, n),
                             capacity))
    return sorted(lines, key=lambda r: (r.rep.casefold(), r.member_id))


def build_preview(result: RoutingResult, labels: dict[str, LeadLabel]) -> RoutingPreview:
    unknown = LeadLabel("", "")
    proposals = [ProposalLine(a.lead_id, labels.get(a.lead_id, unknown).person,
                              labels.get(a.lead_id, unknown).company, a.member_id,
                              a.member_name, a.reasons) for a in result.plan.assignments]
    unassigned = [UnassignedLine(u.lead_id, labels.get(u.lead_id, unknown).person,
                                 labels.get(u.lead_id, unknown).company, u.reason)
                  for u in result.plan.unassigned]
    return RoutingPreview(result, proposals, unassigned, rep_lines(result))


def load_preview(uow_factory: UnitOfWorkFactory) -> RoutingPreview:
    """The dry run and the names of its leads. Runs on the worker; writes nothing."""
    from salesdesk.services.lead_routing import preview_routing

    result = preview_routing(uow_factory)
    ids = [a.lead_id for a in result.plan.assignments]
    ids += [u.lead_id for u in result.plan.unassigned]
    return build_preview(result, _labels(uow_factory, ids) if ids else {})


def _lead(line: ProposalLine | UnassignedLine) -> str:
    return line.lead or tr("(no name)")


def proposal_columns() -> list[Column]:
    return [Column(tr("Lead"), _lead),
            Column(tr("Company"), lambda p: p.company),
            Column(tr("Proposed rep"), lambda p: p.rep),
            Column(tr("Why this rep"), lambda p: reasons_text(p.reasons))]


def unassigned_columns() -> list[Column]:
    return [Column(tr("Lead"), _lead),
            Column(tr("Company"), lambda u: u.company),
            Column(tr("Why nobody"), lambda u: reason_text(u.reason))]


def _share(line: RepLine) -> float:
    return line.open_after / line.capacity if line.capacity else 0.0


def rep_columns() -> list[Column]:
    return [Column(tr("Rep"), lambda r: r.rep),
            Column(tr("New leads"), lambda r: f"{r.new:,}", key=lambda r: r.new, numeric=True),
            Column(tr("Open before"), lambda r: f"{r.open_after - r.new:,}",
                   key=lambda r: r.open_after - r.new, numeric=True),
            Column(tr("Open after"), lambda r: f"{r.open_after:,}", key=lambda r: r.open_after,
                   numeric=True),
            Column(tr("Capacity"), lambda r: f"{r.capacity:,}", key=lambda r: r.capacity,
                   numeric=True, tooltip=lambda r: tr(
                       "Effective capacity today: ramping reps carry proportionally fewer "
                       "leads.")),
            Column(tr("In use after"), lambda r: f"{_share(r):.0%}", key=_share, numeric=True,
                   tooltip=rep_summary)]


def rep_summary(line: RepLine) -> str:
    """'Ann Rep: 3 leads, 12/40'."""
    leads = tr("1 lead") if line.new == 1 else tr("{0} leads").format(line.new)
    return tr("{0}: {1}, {2}/{3}").format(line.rep, leads, line.open_after, line.capacity)
