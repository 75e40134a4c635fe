"""What the workspace works out for a lead: its territory (the territory rules, as for an
account of the lead's company), its score with the explanation, its segments and its SLA
due time. Run on every new or changed lead, so that all four always follow the lead's
fields and the workspace's rules.

Rules of the game:
- Territory: the lead's company profile (name, sector, country, region, postcode,
  employees) lands as an account would; a tie or no match leaves it without territory.
- Score first, then segments (hot/warm/cold read the score), then the SLA (it follows
  the segments): due from when the lead arrived, for a lead not yet contacted, and for
  a new lead that arrives already contacted with the time (an import of past leads).

Speed (an import enriches a hundred thousand leads at once):
- Territories: leads are reduced to what the rules can tell apart (only the attributes
  some rule looks at; the company only when it is a named account), and each distinct
  profile is landed once, all in one evaluation.
- Segments: the rules' matches are kept per distinct value of the fields the segment
  rules read (status, notes, score...); scores are the scorer's, one per outcome.
- Lists set on a lead (score parts, segments) are shared between leads with the same
  outcome, as services/lead_rules.Rescorer does: nothing changes them in place.
- SLA due times: see DueTimes.
"""

from __future__ import annotations

from collections.abc import Hashable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from decimal import Decimal
from operator import attrgetter
from typing import Any, cast

from salesdesk.domain.accounts import Account
from salesdesk.domain.lead_scoring import Score, ScoringModel
from salesdesk.domain.lead_segments import Segment, Segmenter, field_key
from salesdesk.domain.leads import CONTACT_STATUSES, LeadData, clean_segment_names
from salesdesk.domain.speed_to_lead import BusinessHours, SlaPolicy
from salesdesk.domain.territories import Criterion, RuleField, Territory
from salesdesk.domain.territory_plan import TerritoryPlan
from salesdesk.services import lead_settings
from salesdesk.services.unit_of_work import UnitOfWork

MEMO_MAX = 100_000
"""Distinct outcomes remembered per cache (then it starts again)."""
HOUR = timedelta(hours=1)
_MISSING: Any = object()
_PART = attrgetter("points", "kind", "subject", "detail")
"""What a score part says (ScorePart's own hash is slower to work out)."""


@dataclass(frozen=True, slots=True)
class _Place:
    """What the territory rules read of an account, for a lead's company: built by the
    thousand, so not an Account (whose mapped attributes cost far more to set)."""

    id: str
    name: str
    sector: str
    country: str
    region: str
    postcode: str
    employees: int | None
    revenue_m: Decimal | None = None


class _Lands:
    """Territory per lead, each distinct profile landed once."""

    def __init__(self, territories: list[Territory]):
        self.plan = TerritoryPlan(territories) if any(t.criteria for t in territories) \
            else None
        ruled = {c.field for t in territories for c in t.criteria}
        # A named-account rule matches name_key(company) against its names: any other
        # company is, to every rule, no named account at all.
        self.named = frozenset(field_key(v) for t in territories for c in t.criteria
                               if c.field is RuleField.ACCOUNT for v in c.values)
        self.uses = tuple(f in ruled for f in (RuleField.INDUSTRY, RuleField.REGION,
                                                RuleField.POSTCODE_PREFIX,
                                                RuleField.EMPLOYEES))
        self.landing: dict[tuple[Any, ...], str | None] = {}

    def profile(self, lead: LeadData) -> tuple[Any, ...]:
        sector, region, postcode, sized = self.uses
        company = field_key(lead.company) if self.named else ""
        return (company if company in self.named else "",
                field_key(lead.sector) if sector else "", field_key(lead.country),
                field_key(lead.region) if region else "", lead.postcode if postcode else "",
                lead.employees if sized else None)

    def __call__(self, leads: Sequence[LeadData]) -> list[str | None]:
        if self.plan is None:
            return [None] * len(leads)
        profiles = [self.profile(x) for x in leads]
        new = {p: None for p in profiles if p not in self.landing}
        if len(self.landing) + len(new) > MEMO_MAX:
            self.landing.clear()
            new = dict.fromkeys(profiles)
        places = [_Place(str(i), *p) for i, p in enumerate(new)]
        found = self.plan.evaluate(cast(list[Account], places)).landing
        self.landing.update((p, found.get(str(i))) for i, p in enumerate(new))
        return [self.landing[p] for p in profiles]


class DueTimes:
    """BusinessHours.add(start, duration), worked out once per hour of the clock.

    - A start in an hour closed from end to end (a night, a weekend, a holiday) is due
      when the next opening is: the same for every start in that hour.
    - A start in an hour open from end to end is due `duration` of business time later,
      which moves with `start` minute for minute as long as the hour after the due time
      of the hour's start is open too: add(start) = add(hour) + (start - hour).
    - Otherwise (an hour that opens or closes the day, a due time near closing) the time
      is added as usual.
    """

    def __init__(self, hours: BusinessHours):
        self.hours = hours
        self._zone = hours.next_open(datetime.now(UTC)).tzinfo
        self._memo: dict[tuple[datetime, timedelta], tuple[datetime, bool] | None] = {}

    def __call__(self, start: datetime, duration: timedelta) -> datetime:
        local = start.replace(tzinfo=None) if start.tzinfo is self._zone \
            else self.hours.local(start)
        hour = local.replace(minute=0, second=0, microsecond=0)
        key = (hour, duration)
        found = self._memo.get(key, _MISSING)
        if found is _MISSING:
            if len(self._memo) >= MEMO_MAX:
                self._memo.clear()
            found = self._memo[key] = self._hourly(start, local - hour, duration)
        if found is None:
            return self.hours.add(start, duration)
        due, moves = found
        return due + (local - hour) if moves else due

    def _hourly(self, start: datetime, into: timedelta, duration: timedelta
                ) -> tuple[datetime, bool] | None:
        """(due time, whether it moves with the start) for every start in `start`'s
        hour, or None when they must be worked out one by one."""
        h = self.hours
        hour = h.local(start) - into
        day, closes = hour.date(), datetime.combine(hour.date(), h.closes)
        opens = datetime.combine(day, h.opens)
        if not h.is_working_day(day) or hour >= closes or hour + HOUR <= opens:
            return h.add(start, duration), False  # closed all hour: from the next opening
        if not (opens <= hour and hour + HOUR <= closes):
            return None
        due = h.add(h.next_open(start) - into, duration)  # start is open: next_open is it
        local = h.local(due)
        return (due, True) if local + HOUR <= datetime.combine(local.date(), h.closes) \
            else None


@dataclass(frozen=True)
class _Territory:
    """What the territory rules read of a territory, unmapped (it pickles)."""

    id: str
    name: str
    parent_id: str | None
    criteria: list[Criterion]
    is_deleted: bool

    @property
    def is_container(self) -> bool:
        return not self.criteria

    @classmethod
    def of(cls, t: Territory) -> _Territory:
        return cls(t.id, t.name, t.parent_id, list(t.criteria), t.is_deleted)


@dataclass(frozen=True)
class EnrichmentRules:
    """What enrichment reads of the workspace, read once: it pickles, so a helper process
    of an import enriches its rows as the unit of work would (services/lead_import_parts)."""

    scoring: ScoringModel
    segments: list[Segment]
    policy: SlaPolicy
    hours: BusinessHours
    territories: list[Territory]

    @classmethod
    def read(cls, uow: UnitOfWork) -> EnrichmentRules:
        return cls(lead_settings.scoring_model(uow), uow.lead_segments.load(),
                   lead_settings.sla_policy(uow), lead_settings.business_hours(uow),
                   cast(list[Territory], [_Territory.of(t) for t in uow.territories.list()]))


class LeadEnricher:
    """Built once per unit of work (it reads the rules and settings), then called on
    each lead, or on many at once (`all`, much faster per lead)."""

    def __init__(self, uow: UnitOfWork | EnrichmentRules, now: datetime):
        rules = uow if isinstance(uow, EnrichmentRules) else EnrichmentRules.read(uow)
        self.now = now
        self.score = rules.scoring.scorer()
        segments = rules.segments
        self.segmenter = Segmenter(segments)
        read = sorted({c.field.value for s in segments for c in s.conditions})
        self._segment_key = attrgetter(*read) if read else (lambda lead: ())
        self._matched: dict[Hashable, list[str]] = {}
        self._names: dict[tuple[tuple[str, ...], ...], list[str]] = {}
        self._parts: dict[tuple[tuple[Any, ...], ...], list[dict[str, Any]]] = {}
        self._scores: dict[int, tuple[Score, list[dict[str, Any]]]] = {}
        self.policy = rules.policy
        self.hours: BusinessHours = rules.hours
        self._due = DueTimes(self.hours)
        self._lands = _Lands(rules.territories)
        self._slas: dict[int, tuple[list[str], timedelta | None]] = {}

    def territory(self, lead: LeadData) -> str | None:
        return self._lands([lead])[0]

    def sla_due(self, lead: LeadData, arriving: bool = False) -> datetime | None:
        """Kept once the lead was contacted or closed; none for a lead whose status says
        it was contacted though no time says when (it arrived so, from an import).
        `arriving`: a new lead that comes already contacted, with the time (an import of
        past leads), gets the due time its arrival and segments give, so that speed to
        lead can tell whether that contact was within the SLA (a later rule change
        leaves it as it is)."""
        contacted = lead.first_contacted_at is not None
        if contacted and arriving and lead.sla_due_at is None:
            pass  # worked out below, from its arrival
        elif contacted or not lead.status.is_open:
            return lead.sla_due_at
        elif lead.status in CONTACT_STATUSES:
            return None
        duration = self._sla_duration(lead.segments)
        start = lead.received_at or lead.created_at or self.now  # lead.arrived_at, or now
        return None if duration is None else self._due(start, duration)

    def _sla_duration(self, segments: list[str]) -> timedelta | None:
        """The SLA target of leads in these segments (lists are often shared: by id)."""
        known = self._slas.get(id(segments))
        if known is not None and known[0] is segments:
            return known[1]
        sla = self.policy.for_segments(segments, self.hours)
        duration = None if sla is None else sla.duration(self.hours)
        if len(self._slas) >= MEMO_MAX:
            self._slas.clear()
        self._slas[id(segments)] = (segments, duration)
        return duration

    def __call__(self, lead: LeadData) -> None:
        self.all([lead])

    def all(self, leads: Sequence[LeadData], arriving: bool = False) -> None:
        """Territory, score, segments and SLA due time of each lead (`arriving`: new leads,
        see sla_due)."""
        for lead, territory in zip(leads, self._lands(leads), strict=True):
            lead.territory_id = territory
            score = self.score(lead)
            lead.score, lead.score_parts = score.total, self._score_parts(score)
            lead.segments = self._segments(lead)
            lead.sla_due_at = self.sla_due(lead, arriving)

    def _score_parts(self, score: Score) -> list[dict[str, Any]]:
        """The explanation as stored, once per distinct explanation (the scorer hands
        out one Score per outcome, and outcomes share explanations)."""
        known = self._scores.get(id(score))
        if known is not None and known[0] is score:
            return known[1]
        key = tuple(map(_PART, score.parts))
        parts = self._parts.get(key)
        if parts is None:
            parts = self._parts[key] = score.part_dicts()
        if len(self._scores) >= MEMO_MAX:
            self._scores.clear()
            self._parts.clear()
        self._scores[id(score)] = (score, parts)
        return parts

    def _segments(self, lead: LeadData) -> list[str]:
        """The rules' matches, then the hand-made segments (Lead.set_segments)."""
        key = self._segment_key(lead)
        matched = self._matched.get(key)
        if matched is None:
            if len(self._matched) >= MEMO_MAX:
                self._matched.clear()
            matched = self._matched[key] = self.segmenter.matched(lead)
        if not lead.manual_segments:
            return matched
        both = (tuple(matched), tuple(lead.manual_segments))
        names = self._names.get(both)
        if names is None:
            if len(self._names) >= MEMO_MAX:
                self._names.clear()
            names = self._names[both] = clean_segment_names([*matched,
                                                             *lead.manual_segments])
        return names
