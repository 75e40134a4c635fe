"""The lead import's shortcuts give what the plain way gives.

Each shortcut of the 100,000-row import (bench/bench_lead_import.py) is held against the
domain's own way, on generated input: leads built from cleaned columns against LeadData's
checks, due times remembered per hour against BusinessHours.add, many leads enriched at
once against one at a time, scores remembered against scores worked out, names compared
pair by pair against rapidfuzz's cdist, and the garbage collector's pause.
"""

from __future__ import annotations

import dataclasses
import gc
import uuid
from datetime import UTC, date, datetime, time, timedelta
from typing import Any
from zoneinfo import ZoneInfo

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from salesdesk.domain.errors import ValidationError
from salesdesk.domain.lead_scoring import DEFAULT_MODEL, IdealProfile, ScoringModel
from salesdesk.domain.lead_segments import Segmenter
from salesdesk.domain.leads import LeadData, LeadStatus, clean_segment_names
from salesdesk.domain.members import Member
from salesdesk.domain.speed_to_lead import BusinessHours
from salesdesk.domain.territories import Criterion, Territory
from salesdesk.domain.territory_plan import TerritoryPlan
from salesdesk.gc_pause import paused_gc
from salesdesk.services import lead_dedupe, lead_rows, lead_settings
from salesdesk.services.lead_dedupe import Keys, find_groups
from salesdesk.services.lead_enrichment import DueTimes, LeadEnricher
from salesdesk.services.lead_rows import TEXT_LIMITS, RowReader, new_ids

from .fakes import FakeWorkspace, make_table

NOW = datetime(2026, 11, 25, 12, 0, tzinfo=UTC)
SETTINGS = settings(max_examples=150, deadline=None,
                    suppress_health_check=[HealthCheck.too_slow])
LEAD_FIELDS = [f.name for f in dataclasses.fields(LeadData) if f.name != "id"]


# --- leads built from cleaned columns -------------------------------------------------

def _probe(field: str, length: int) -> LeadData:
    value = "a" * (length - len("@x.example")) + "@x.example" if field == "email" \
        else "A" * length
    return LeadData(**{field: value, "company": "Acme" if field != "company" else value})


@pytest.mark.parametrize("field", sorted(TEXT_LIMITS))
def test_text_limits_are_the_domains(field: str) -> None:
    limit = TEXT_LIMITS[field]
    assert len(getattr(_probe(field, limit), field)) == limit
    with pytest.raises(ValidationError) as caught:
        _probe(field, limit + 1)
    assert caught.value.field == field


TEXT = ["", " ", "Ann Lee", "ann  lee ", "=1+1", "@SUM(A1)", "-", "Acme, Inc.",
        "\u200bZero\u200b", "caf\u00e9", "cafe\u0301", "Referral", "WEB", "sw1a 1aa",
        "\t tab", "x" * 81, "y" * 121, "z" * 201]
COLUMNS = {  # header: plausible cells (the text ones also run over some fields' limits)
    "Name": TEXT, "First Name": ["", "Ann", " bo "], "Last Name": ["", "Lee", "Ek"],
    "Email": ["", "ANN@ACME.EXAMPLE", " bo@x.example ", "mailto:<cy@x.example>", "bad@"],
    "Phone": ["", "+33 1 23 45 67 89", "555-0100 x12", "12", "+1 (555) 010-0100"],
    "Company": TEXT, "Title": TEXT, "Country": TEXT, "Region": TEXT, "Zip": TEXT,
    "Source": TEXT, "Reason": TEXT, "Notes": TEXT + ["n" * 4001], "Sector": TEXT,
    "Campaign": TEXT, "Product": TEXT, "Language": TEXT,
    "Status": ["", "new", "Qualified", "unqualified", "open"],
    "Employees": ["", "12", "1,200", "51-200", "1000+", "-5"],
    "Created": ["", "2026-11-20 09:30", "20.11.2026", "2026-11-20T08:00:00Z",
                "03/04/2026", "2999-01-01"],
    "Owner": ["", "Anna Rep", "anna@corp.example", "Old Timer", "Nobody"],
    "Tags": ["", "", "", "vip; fair"],
}
HEADERS = list(COLUMNS)


@st.composite
def lead_rows_(draw: st.DrawFn) -> list[str]:
    """Mostly plausible rows; now and then a cell of any text."""
    return [draw(st.sampled_from(cells)) if draw(st.integers(0, 19))
            else draw(st.text(max_size=12)) for cells in COLUMNS.values()]


MEMBERS = [Member(name="Anna Rep", email="anna@corp.example"),
           Member(name="Old Timer", left_on=date(2025, 1, 1))]


def _reader() -> RowReader:
    members = MEMBERS
    fields = {"person_name": "name", "first_name": "first_name", "last_name": "last_name",
              "email": "email", "phone": "phone", "company": "company",
              "job_title": "title", "country": "country", "region": "region",
              "postcode": "zip", "source": "source", "status": "status",
              "status_reason": "reason", "employees": "employees",
              "received_at": "created", "owner": "owner", "manual_segments": "tags",
              "notes": "notes", "sector": "sector", "campaign": "campaign",
              "product_interest": "product", "language": "language"}
    return RowReader(fields, members, ZoneInfo("Europe/Paris"), NOW)


def _fields(lead: LeadData) -> dict[str, Any]:
    return {name: getattr(lead, name) for name in LEAD_FIELDS}


@SETTINGS
@given(st.lists(lead_rows_(), min_size=1, max_size=12))
def test_the_builder_makes_the_lead_lead_data_makes(rows: list[list[str]]) -> None:
    table = make_table(HEADERS, *rows)
    fast, slow = _reader(), _reader()
    slow._build.lead = lambda values: None  # type: ignore[method-assign]
    read, refused = fast.read(table)
    want, want_refused = slow.read(table)
    assert [(r.number, _fields(r.lead), r.given) for r in read] == \
        [(r.number, _fields(r.lead), r.given) for r in want]
    assert [(n, e.field, e.message) for n, e in refused] == \
        [(n, e.field, e.message) for n, e in want_refused]
    assert fast.formulas == slow.formulas
    for row in read:  # each built lead passes the domain's checks as it stands
        assert _fields(LeadData(**_fields(row.lead))) == _fields(row.lead)


def test_rows_that_read_cleanly_are_built_without_lead_data(
        monkeypatch: pytest.MonkeyPatch) -> None:
    reader = RowReader({"person_name": "name", "email": "email", "company": "company",
                        "source": "source"}, [], UTC, NOW)
    checked: list[LeadData] = []
    monkeypatch.setattr(LeadData, "__post_init__", lambda self: checked.append(self))
    table = make_table(["Name", "Email", "Company", "Source"],
                       ["Ann  Lee", "ANN@acme.example", "Acme", "Web"],
                       ["Bo Ek", "", "=Globex", "referral"])
    read, refused = reader.read(table)
    monkeypatch.undo()
    assert checked == [] and refused == []
    assert [(x.lead.person_name, x.lead.email, x.lead.source) for x in read] == [
        ("Ann Lee", "ann@acme.example", "web"), ("Bo Ek", None, "referral")]


def test_new_ids_are_random_uuids_of_version_4() -> None:
    ids = new_ids(2000)
    assert len(set(ids)) == 2000 and new_ids(0) == []
    for text in ids:
        found = uuid.UUID(text)
        assert (str(found), found.version, found.variant) == (text, 4, uuid.RFC_4122)


# --- due times remembered per hour ------------------------------------------------------

ZONES = ["UTC", "Europe/Paris", "America/New_York", "Asia/Kolkata", "Australia/Adelaide"]


@st.composite
def business_hours(draw: st.DrawFn) -> BusinessHours:
    opens = draw(st.integers(0, 20 * 60))
    closes = draw(st.integers(opens + 1, 24 * 60 - 1))
    days = draw(st.sets(st.integers(0, 6), min_size=1))
    holidays = draw(st.sets(st.dates(date(2026, 3, 1), date(2026, 4, 15)), max_size=6))
    return BusinessHours(frozenset(days), time(opens // 60, opens % 60),
                         time(closes // 60, closes % 60), frozenset(holidays),
                         draw(st.sampled_from(ZONES)))


@SETTINGS
@given(business_hours(),
       st.lists(st.tuples(st.datetimes(datetime(2026, 3, 1), datetime(2026, 4, 10)),
                          st.sampled_from(ZONES)), min_size=1, max_size=25),
       st.sampled_from([timedelta(minutes=1), timedelta(minutes=45), timedelta(hours=1),
                        timedelta(hours=8), timedelta(days=1), timedelta(days=3)]),
       st.integers(0, 59))
def test_due_times_are_business_hours_add(hours: BusinessHours,
                                          starts: list[tuple[datetime, str]],
                                          duration: timedelta, minute: int) -> None:
    due = DueTimes(hours)
    for naive, zone in starts:
        for start in (naive.replace(tzinfo=ZoneInfo(zone)),  # and others in its hour
                      naive.replace(minute=minute, tzinfo=ZoneInfo(zone)),
                      naive.replace(minute=minute, second=59, tzinfo=ZoneInfo(zone))):
            assert due(start, duration) == hours.add(start, duration), start


# --- many leads enriched at once ------------------------------------------------------

@st.composite
def leads(draw: st.DrawFn) -> list[LeadData]:
    text = st.sampled_from
    out = []
    for _ in range(draw(st.integers(1, 20))):
        status = draw(text([LeadStatus.NEW, LeadStatus.QUALIFIED, LeadStatus.UNQUALIFIED,
                            LeadStatus.CONVERTED, LeadStatus.NURTURING]))
        out.append(LeadData(
            person_name=draw(text(["Ann Lee", "Bo Ek", "Cy Do"])),
            company=draw(text(["Acme", "Acme Corporation", "Globex", ""])),
            sector=draw(text(["software", "Finance", "retail", ""])),
            country=draw(text(["France", "United States", "Kenya", ""])),
            region=draw(text(["", "Ile-de-France", "Texas"])),
            postcode=draw(text(["", "75001", "SW1A 1AA"])),
            employees=draw(st.sampled_from([None, 5, 250, 1200, 20000])),
            job_title=draw(text(["", "CTO", "Head of IT", "Analyst", "vp sales"])),
            source=draw(text(["web", "referral", "event", ""])),
            phone=draw(text(["", "+1 555 0100"])),
            product_interest=draw(text(["", "GTX Pro"])),
            notes=draw(text(["", "asked about price", "too expensive"])),
            status=status, status_reason="price" if status is LeadStatus.UNQUALIFIED else "",
            manual_segments=draw(st.sampled_from([[], ["VIP"], ["hot", "Fair"]])),
            received_at=draw(st.one_of(st.none(), st.datetimes(
                datetime(2026, 3, 1), datetime(2026, 4, 1), timezones=st.just(UTC)))),
            first_contacted_at=draw(st.sampled_from([None, NOW])),
            created_at=NOW))
    return out


def _workspace(profile: IdealProfile) -> FakeWorkspace:
    ws = FakeWorkspace()
    ws.seed(Territory(name="US", criteria=[Criterion("country", ("United States",))]),
            Territory(name="Software", criteria=[Criterion("industry", ("software",)),
                                                 Criterion("country", ("France",))]),
            Territory(name="Keys", criteria=[Criterion("account", ("Acme Corporation",))]),
            Territory(name="Big", criteria=[Criterion("employees", minimum=1000)]))
    with ws.uow() as uow:
        lead_settings.save_scoring_model(uow, ScoringModel(DEFAULT_MODEL.rules, profile))
        lead_settings.save_business_hours(uow, time(9), time(17, 30), "Europe/Paris")
        uow.commit()
    return ws


PROFILES = st.builds(IdealProfile, sectors=st.sampled_from([(), ("software",)]),
                     countries=st.sampled_from([(), ("France",)]),
                     regions=st.sampled_from([(), ("Texas",)]),
                     employees_min=st.sampled_from([None, 200]),
                     sources=st.sampled_from([(), ("web",)]))


@SETTINGS
@given(leads(), PROFILES)
def test_enriching_many_at_once_is_enriching_each_as_the_domain_says(
        batch: list[LeadData], profile: IdealProfile) -> None:
    ws = _workspace(profile)
    with ws.uow() as uow:
        twins = [LeadData(**_fields(x), id=x.id) for x in batch]
        LeadEnricher(uow, NOW).all(batch)
        model, segments = lead_settings.scoring_model(uow), uow.lead_segments.load()
        policy, hours = lead_settings.sla_policy(uow), lead_settings.business_hours(uow)
        plan = TerritoryPlan(uow.territories.list())
    for lead, twin in zip(batch, twins, strict=True):
        landing = plan.evaluate([_account(twin)]).landing
        twin.territory_id = landing.get(twin.id)
        score = model.scorer()(twin)  # a scorer of its own: nothing remembered
        twin.set_score(score.total, score.part_dicts())
        twin.set_segments(Segmenter(segments).matched(twin))
        if twin.first_contacted_at is None and twin.status.is_open \
                and twin.status is LeadStatus.NEW:
            twin.sla_due_at = policy.due_at(twin.arrived_at or NOW, twin.segments, hours)
        assert _fields(lead) == _fields(twin)


def _account(lead: LeadData) -> Any:
    from salesdesk.domain.accounts import Account

    return Account(id=lead.id, name=lead.company or "-", sector=lead.sector,
                   country=lead.country, region=lead.region, postcode=lead.postcode,
                   employees=lead.employees)


@SETTINGS
@given(leads(), PROFILES)
def test_a_remembered_score_is_the_score_worked_out(batch: list[LeadData],
                                                    profile: IdealProfile) -> None:
    model = ScoringModel(DEFAULT_MODEL.rules, profile)
    shared = model.scorer()
    for lead in batch * 2:
        assert shared(lead) == model.scorer()(lead)


# --- duplicates: pair by pair and cdist -----------------------------------------------

NAMES = ["Jon Smith", "John Smith", "Smith John", "Jon Smyth", "Ann Lee", "Anne Lee",
         "A Lee", "Maria Garcia", "Mario Garcia", "Lee"]
COMPANIES = ["Acme", "Acme Inc", "Acmee", "ACME", "Globex", "Globexx", "Initech", ""]


@SETTINGS
@given(st.lists(st.tuples(st.sampled_from(NAMES), st.sampled_from(COMPANIES),
                          st.sampled_from([None, "a@x.example", "b@x.example"]),
                          st.booleans()), min_size=1, max_size=40))
def test_names_compared_pair_by_pair_group_as_cdist_groups(
        records: list[tuple[str, str, str | None, bool]]) -> None:
    from salesdesk.domain.leads import company_key, person_key

    keys = [Keys(0 if known else n, f"lead{n}" if known else "", email, person_key(p),
                 company_key(c)) for n, (p, c, email, known) in enumerate(records, 2)]

    def groups(pairwise_max: int) -> list[tuple[list[int], list[str], list[str]]]:
        saved, lead_dedupe.PAIRWISE_MAX = lead_dedupe.PAIRWISE_MAX, pairwise_max
        try:
            return [(g.rows, g.lead_ids, g.reasons) for g in find_groups(keys)]
        finally:
            lead_dedupe.PAIRWISE_MAX = saved

    assert groups(0) == groups(10_000)


# --- the garbage collector's pause ----------------------------------------------------

def test_paused_gc_nests_resumes_once_and_leaves_the_young_generation_empty() -> None:
    was = gc.isenabled()
    gc.enable()
    try:
        with paused_gc():
            with paused_gc():
                made = [[i] for i in range(1000)]
            assert not gc.isenabled()  # the outer pause still holds
        assert gc.isenabled()
        young = {id(x) for x in gc.get_objects(generation=0)}
        assert not any(id(x) in young for x in made)
        assert made[999] == [999]
    finally:
        if not was:
            gc.disable()


def test_segments_the_builder_leaves_to_the_domain_are_cleaned_by_it() -> None:
    table = make_table(["Name", "Tags"], ["Ann", "VIP; vip ;  Fair"])
    [row], refused = lead_rows.RowReader({"person_name": "name",
                                          "manual_segments": "tags"}, [], UTC, NOW
                                         ).read(table)
    assert refused == [] and row.lead.manual_segments == clean_segment_names(["VIP", "Fair"])
