"""The lead rules (segments, the scoring model, the speed-to-lead targets and business
hours), saved together, and every live lead worked out again under them.

Rules of the game:
- Saving checks everything first: segment names present and unique (case-insensitively),
  every condition and score rule valid (a refusal names the segment or the rule), an SLA
  only for a segment that exists (checked when the segments or the SLAs change).
- Business hours store the opening and closing times and the time zone only; their
  working days and holidays are the workspace calendar's (services.workspace_settings),
  which this never changes.
- Then every live lead gets its score and explanation, its rule segments (the hand-made
  ones stay) and its SLA due time again, as services.lead_enrichment works them out for a
  new lead: score first (hot, warm and cold read it), then segments, then the due time; a
  lead already contacted or closed keeps the due time it was measured against. Only the
  leads whose figures changed are written, in batches (storage.lead_rescore).
- One transaction: when `progress` answers False (cancel) or anything fails, nothing has
  changed, the rules included. Undo is saving the `previous` rules back.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from salesdesk.domain.errors import DomainError, ValidationError
from salesdesk.domain.lead_scoring import SCORE_MEMO, Score, ScoringModel
from salesdesk.domain.lead_segments import Segment, dump_segments, load_segments
from salesdesk.domain.leads import LeadData, clean_segment_names
from salesdesk.domain.speed_to_lead import BusinessHours, SlaPolicy
from salesdesk.domain.validation import name_key
from salesdesk.services import lead_settings
from salesdesk.services.common import OpChanges
from salesdesk.services.lead_enrichment import LeadEnricher
from salesdesk.services.lead_results import count, distinct_ids, utc_now
from salesdesk.services.unit_of_work import UnitOfWork, UnitOfWorkFactory

BATCH = 5_000
"""Leads read, worked out and written at a time."""
Progress = Callable[[int, int], bool]
"""progress(leads_done, leads_total) -> False to cancel."""


@dataclass(frozen=True)
class LeadRules:
    segments: tuple[Segment, ...]
    scoring: ScoringModel
    sla: SlaPolicy
    hours: BusinessHours


@dataclass(frozen=True)
class RulesSaved:
    changes: OpChanges
    rescored: int
    """Leads whose segments, score or SLA due time changed."""
    previous: LeadRules
    """The rules before the save: save_lead_rules(**fields of these) undoes it."""


class RulesSaveCancelled(DomainError):
    """The user cancelled while the leads were worked out again: nothing was changed."""


def _read(uow: UnitOfWork) -> LeadRules:
    return LeadRules(tuple(uow.lead_segments.load()), lead_settings.scoring_model(uow),
                     lead_settings.sla_policy(uow), lead_settings.business_hours(uow))


def current_rules(uow_factory: UnitOfWorkFactory) -> LeadRules:
    with uow_factory() as uow:
        return _read(uow)


def _checked_segments(segments: Iterable[Segment]) -> tuple[Segment, ...]:
    """The segments through their stored form: names present and unique, conditions
    valid; a refusal names the segment and the condition."""
    return tuple(load_segments(dump_segments(segments)))


def _check_slas(policy: SlaPolicy, segments: Sequence[Segment]) -> None:
    known = {name_key(s.name) for s in segments}
    for sla in policy.slas:
        if name_key(sla.segment) not in known:
            raise ValidationError(f"SLA for '{sla.segment}': there is no segment called "
                                  f"'{sla.segment}'", field="segment")


def _store(uow: UnitOfWork, rules: LeadRules, given: dict[str, Any]) -> None:
    if "segments" in given:
        uow.lead_segments.save(rules.segments)
    if "scoring" in given:
        lead_settings.save_scoring_model(uow, rules.scoring)
    if "sla" in given:
        lead_settings.save_sla_policy(uow, rules.sla)
    if "hours" in given:
        h = rules.hours
        lead_settings.save_business_hours(uow, h.opens, h.closes, h.zone)


def _new_rules(previous: LeadRules, given: dict[str, Any]) -> LeadRules:
    """The rules after the save, checked (see the module's rules)."""
    segments = _checked_segments(given.get("segments", previous.segments))
    scoring = given.get("scoring", previous.scoring)
    ScoringModel.from_dict(scoring.to_dict())  # every rule and the profile, named
    sla = given.get("sla", previous.sla)
    if "segments" in given or "sla" in given:
        _check_slas(sla, segments)
    return LeadRules(segments, scoring, sla, given.get("hours", previous.hours))


def save_lead_rules(uow_factory: UnitOfWorkFactory, *,
                    segments: Sequence[Segment] | None = None,
                    scoring: ScoringModel | None = None, sla: SlaPolicy | None = None,
                    hours: BusinessHours | None = None, progress: Progress | None = None,
                    now: datetime | None = None) -> RulesSaved:
    """Store the parts given (None: unchanged) and work every live lead out again under
    the rules (see the module's rules). Raises ValidationError naming what is wrong,
    RulesSaveCancelled when `progress` answers False."""
    given = {k: v for k, v in (("segments", segments), ("scoring", scoring), ("sla", sla),
                               ("hours", hours)) if v is not None}
    with uow_factory() as uow:
        previous = _read(uow)
        _store(uow, _new_rules(previous, given), given)
        rescored = _rescore_all(uow, utc_now(now), progress)
        uow.commit()
    summary = f"Saved the lead rules; {count(rescored)} re-scored"
    return RulesSaved(OpChanges(leads=True, summary=summary), rescored, previous)


class Rescorer:
    """Works out a lead's score, segments and SLA due time under the rules stored in the
    unit of work (read once, when built)."""

    def __init__(self, uow: UnitOfWork, now: datetime):
        self.enrich = LeadEnricher(uow, now)
        self._parts: dict[int, tuple[Score, list[dict[str, Any]]]] = {}
        self._names: dict[tuple[tuple[str, ...], tuple[str, ...]], list[str]] = {}

    def __call__(self, lead: LeadData) -> bool:
        """Set the lead's figures; True when any of them changed. Lists set are shared
        between leads (storage's batches share theirs the same way)."""
        before = (lead.score, lead.score_parts, lead.segments, lead.sla_due_at)
        score = self.enrich.score(lead)
        known = self._parts.get(id(score))  # the scorer hands out one Score per outcome
        if known is None or known[0] is not score:
            if len(self._parts) >= SCORE_MEMO:
                self._parts.clear()
            known = self._parts[id(score)] = (score, score.part_dicts())
        lead.score, lead.score_parts = score.total, known[1]
        key = (tuple(self.enrich.segmenter.matched(lead)), tuple(lead.manual_segments))
        names = self._names.get(key)
        if names is None:
            names = self._names[key] = clean_segment_names([*key[0], *key[1]])
        lead.segments = names
        lead.sla_due_at = self.enrich.sla_due(lead)
        return (lead.score, lead.score_parts, lead.segments, lead.sla_due_at) != before


def _rescore_all(uow: UnitOfWork, now: datetime, progress: Progress | None) -> int:
    """Every live lead, batch by batch; the number written."""
    rescore, store = Rescorer(uow, now), uow.lead_rescore
    total, done, written = store.count(), 0, 0
    _report(progress, 0, total)
    for batch in store.batches(BATCH):
        written += store.write([lead for lead in batch if rescore(lead)])
        done += len(batch)
        _report(progress, done, max(total, done))
    return written


def _report(progress: Progress | None, done: int, total: int) -> None:
    if progress is not None and progress(done, total) is False:
        raise RulesSaveCancelled("Cancelled: the lead rules and the leads were left as "
                                 "they were.")


def rescore_leads(uow_factory: UnitOfWorkFactory, lead_ids: Sequence[str], *,
                  now: datetime | None = None) -> OpChanges:
    """Work these leads' score, segments and SLA due time out again under the stored
    rules (after a change made outside the services); missing ones are left out."""
    ids = distinct_ids(lead_ids)
    with uow_factory() as uow:
        leads = uow.leads.load_many(ids)
        rescore = Rescorer(uow, utc_now(now))
        changed = [lead for lead in leads if rescore(lead)]
        uow.leads.save_many(changed)
        uow.commit()
    return OpChanges(leads=True, summary=f"{count(len(changed))} re-scored",
                     ids=tuple(x.id for x in changed))
