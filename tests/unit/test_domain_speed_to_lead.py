"""Speed to lead: business time, SLA due times, SLA states, ageing, time to first contact."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from salesdesk.domain.errors import ValidationError
from salesdesk.domain.leads import Lead, LeadStatus
from salesdesk.domain.speed_to_lead import (
    DEFAULT_POLICY,
    AgeBucket,
    BusinessHours,
    Sla,
    SlaPolicy,
    SlaState,
    SlaUnit,
    age_bucket,
    contact_times,
    lead_sla_state,
    sla_state,
    time_to_first_contact,
)

H = BusinessHours()  # Monday-Friday 9:00-17:00 UTC
H1 = timedelta(hours=1)
PARIS = BusinessHours(zone="Europe/Paris", holidays=frozenset({date(2024, 5, 1)}))


def at(day: int, hour: int, minute: int = 0, month: int = 3) -> datetime:
    """March 2024: the 4th is a Monday."""
    return datetime(2024, month, day, hour, minute, tzinfo=UTC)


# --- business time ---------------------------------------------------------------------


@pytest.mark.parametrize(("start", "duration", "due"), [
    (at(4, 10), H1, at(4, 11)),                       # inside hours
    (at(4, 16, 30), H1, at(5, 9, 30)),                # crosses the close
    (at(4, 16), H1, at(4, 17)),                       # ends exactly at closing time
    (at(4, 7), H1, at(4, 10)),                        # before opening
    (at(4, 18), H1, at(5, 10)),                       # after closing
    (at(8, 16, 30), H1, at(11, 9, 30)),               # Friday evening to Monday
    (at(9, 12), H1, at(11, 10)),                      # Saturday
    (at(4, 10), timedelta(hours=8), at(5, 10)),       # one business day
    (at(4, 9), timedelta(hours=8), at(4, 17)),        # a whole day from the opening
    (at(4, 10), timedelta(hours=24), at(7, 10)),      # three business days
    (at(4, 10), timedelta(days=5), at(25, 10)),       # 120 hours = 15 business days
    (at(4, 17), timedelta(0), at(5, 9)),              # closing time is closed
    (at(4, 12), timedelta(0), at(4, 12)),
])
def test_add_business_time(start: datetime, duration: timedelta, due: datetime) -> None:
    assert H.add(start, duration) == due


def test_holidays_and_time_zones() -> None:
    tuesday_evening = datetime(2024, 4, 30, 16, 30, tzinfo=UTC)  # 18:30 in Paris
    due = PARIS.add(tuesday_evening, H1)  # Wednesday 1 May is a holiday
    assert due == datetime(2024, 5, 2, 10, 0, tzinfo=ZoneInfo("Europe/Paris"))
    assert due.utcoffset() == timedelta(hours=2)


def test_a_daylight_saving_weekend_keeps_wall_clock_hours() -> None:
    friday = datetime(2024, 3, 29, 16, 30, tzinfo=ZoneInfo("Europe/Paris"))  # CET
    due = PARIS.add(friday, H1)  # clocks moved forward on Sunday 31 March
    assert (due.day, due.hour, due.minute) == (1, 9, 30)
    assert due.utcoffset() == timedelta(hours=2)
    assert PARIS.between(friday, due) == H1


@pytest.mark.parametrize(("start", "end", "took"), [
    (at(4, 10), at(4, 11, 30), timedelta(minutes=90)),
    (at(4, 7), at(4, 8), timedelta(0)),
    (at(4, 16), at(5, 10), timedelta(hours=2)),
    (at(8, 16), at(11, 10), timedelta(hours=2)),            # over a weekend
    (at(9, 10), at(10, 20), timedelta(0)),                   # all weekend
    (at(4, 9), at(15, 17), timedelta(hours=80)),             # two full weeks
    (at(4, 12), at(4, 11), timedelta(0)),                    # backwards
])
def test_business_time_between(start: datetime, end: datetime, took: timedelta) -> None:
    assert H.between(start, end) == took


def test_is_open_and_next_open() -> None:
    assert H.is_open(at(4, 9)) and not H.is_open(at(4, 17)) and not H.is_open(at(9, 12))
    assert H.next_open(at(9, 12)) == at(11, 9)
    assert H.next_open(at(4, 12)) == at(4, 12)


_moments = st.datetimes(min_value=datetime(2023, 1, 1), max_value=datetime(2026, 12, 31),
                        timezones=st.just(UTC))
_durations = st.timedeltas(min_value=timedelta(0), max_value=timedelta(days=20))
_calendars = st.builds(
    lambda days, opens, length, holidays, zone: BusinessHours(
        frozenset(days), time(opens), time(opens + length), frozenset(holidays), zone),
    st.sets(st.integers(0, 6), min_size=1), st.integers(0, 12), st.integers(1, 11),
    st.sets(st.dates(min_value=date(2023, 1, 1), max_value=date(2027, 1, 31)), max_size=40),
    st.sampled_from(["UTC", "Europe/Paris", "America/New_York", "Asia/Kolkata"]))


@settings(max_examples=300, deadline=None)
@given(_calendars, _moments, _durations)
def test_due_times_never_fall_outside_business_hours(hours: BusinessHours, start: datetime,
                                                     duration: timedelta) -> None:
    due = hours.add(start, duration)
    local = hours.local(due)
    assert hours.is_working_day(local.date())
    assert hours.opens <= local.time() <= hours.closes
    assert due >= start


@settings(max_examples=300, deadline=None)
@given(_calendars.filter(lambda h: h.zone in ("UTC", "Asia/Kolkata")), _moments, _durations)
def test_between_undoes_add(hours: BusinessHours, start: datetime, duration: timedelta) -> None:
    # Zones without daylight saving: a DST jump inside a span changes real durations.
    assert hours.between(start, hours.add(start, duration)) == duration


@settings(max_examples=200, deadline=None)
@given(_moments, _durations, _durations)
def test_add_is_monotonic(start: datetime, a: timedelta, b: timedelta) -> None:
    short, long_ = sorted((a, b))
    assert PARIS.add(start, short) <= PARIS.add(start, long_)


@pytest.mark.parametrize(("kwargs", "field"), [
    ({"weekdays": frozenset()}, "weekdays"), ({"weekdays": frozenset({7})}, "weekdays"),
    ({"opens": time(17), "closes": time(9)}, "opens"),
    ({"opens": time(9), "closes": time(9)}, "opens"),
    ({"zone": "Mars/Olympus"}, "time_zone"),
])
def test_bad_business_hours_are_refused(kwargs: dict[str, object], field: str) -> None:
    with pytest.raises(ValidationError) as err:
        BusinessHours(**kwargs)
    assert err.value.field == field


def test_naive_moments_and_negative_durations_are_refused() -> None:
    with pytest.raises(ValidationError, match="time zone"):
        H.add(datetime(2024, 3, 4, 10), H1)
    with pytest.raises(ValidationError) as err:
        H.add(at(4, 10), -H1)
    assert err.value.field == "duration"


def test_a_calendar_without_working_days_ahead_is_refused() -> None:
    monday_only = BusinessHours(weekdays=frozenset({0}), holidays=frozenset(
        date(2024, 3, 4) + timedelta(weeks=n) for n in range(600)))
    with pytest.raises(ValidationError, match="no working day"):
        monday_only.add(at(4, 10), H1)


def test_business_hours_round_trip_through_json() -> None:
    again = BusinessHours.from_dict(json.loads(json.dumps(PARIS.to_dict())))
    assert again == PARIS and again.add(at(4, 10), H1) == PARIS.add(at(4, 10), H1)


@pytest.mark.parametrize(("data", "field"), [
    ({"opens": "9am"}, "opens"), ({"holidays": ["May Day"]}, "holidays"),
    ({"weekdays": "weekdays"}, "weekdays"), ({"zone": "Nowhere"}, "time_zone")])
def test_business_hours_from_dict_refusals(data: dict[str, object], field: str) -> None:
    with pytest.raises(ValidationError) as err:
        BusinessHours.from_dict(data)
    assert err.value.field == field


# --- SLAs ------------------------------------------------------------------------------


def test_sla_durations_and_words() -> None:
    assert Sla("hot", 1).duration(H) == H1 and str(Sla("hot", 1)) == "1 business hour"
    assert Sla("warm", 2, SlaUnit.DAYS).duration(H) == timedelta(hours=16)
    assert str(Sla("warm", 2, SlaUnit.DAYS)) == "2 business days"
    assert Sla("x", 15, SlaUnit.MINUTES).duration(H) == timedelta(minutes=15)


def test_the_strictest_sla_of_the_leads_segments_applies() -> None:
    assert DEFAULT_POLICY.for_segments(["Warm", "HOT"], H) == Sla("hot", 1)
    assert DEFAULT_POLICY.for_segments(["price objection"], H) is None
    policy = SlaPolicy(DEFAULT_POLICY.slas, default=Sla("any lead", 2, SlaUnit.DAYS))
    assert policy.for_segments([], H) == Sla("any lead", 2, SlaUnit.DAYS)
    assert DEFAULT_POLICY.due_at(at(4, 16, 30), ["hot"], H) == at(5, 9, 30)
    assert DEFAULT_POLICY.due_at(at(4, 10), ["warm"], H) == at(5, 10)
    assert DEFAULT_POLICY.due_at(at(4, 10), [], H) is None


@pytest.mark.parametrize(("data", "field"), [
    ({"slas": [{"segment": "hot", "amount": 0}]}, "amount"),
    ({"slas": [{"segment": "hot", "amount": 1, "unit": "fortnights"}]}, "unit"),
    ({"slas": [{"segment": "hot", "amount": 1}, {"segment": "Hot", "amount": 2}]}, "segment"),
    ({"slas": ["hot: 1h"]}, "slas"),
])
def test_sla_policy_refusals_name_the_segment_and_field(data: dict[str, object],
                                                        field: str) -> None:
    with pytest.raises(ValidationError) as err:
        SlaPolicy.from_dict(data)
    assert err.value.field == field


def test_sla_policy_round_trips_through_json() -> None:
    policy = SlaPolicy(DEFAULT_POLICY.slas, Sla("default", 5, SlaUnit.DAYS))
    assert SlaPolicy.from_dict(json.loads(json.dumps(policy.to_dict()))) == policy
    assert SlaPolicy.from_dict(DEFAULT_POLICY.to_dict()) == DEFAULT_POLICY


@pytest.mark.parametrize(("due", "contacted", "now", "state"), [
    (None, None, at(4, 12), SlaState.NO_SLA),
    (at(4, 12), at(4, 11), at(6, 9), SlaState.MET),
    (at(4, 12), at(4, 12), at(6, 9), SlaState.MET),
    (at(4, 12), at(4, 13), at(6, 9), SlaState.MISSED),
    (at(4, 12), None, at(4, 10), SlaState.ON_TIME),
    (at(4, 12), None, at(4, 11, 30), SlaState.DUE_SOON),
    (at(5, 9, 10), None, at(4, 16, 50), SlaState.DUE_SOON),  # 20 business minutes left
    (at(4, 12), None, at(4, 12, 1), SlaState.OVERDUE),
])
def test_sla_states(due: datetime | None, contacted: datetime | None, now: datetime,
                    state: SlaState) -> None:
    assert sla_state(due, contacted, now, H) is state


def test_a_lead_closed_before_contact_has_no_sla() -> None:
    lead = Lead(person_name="Ana", sla_due_at=at(4, 12), status=LeadStatus.DISQUALIFIED,
                status_reason="spam")
    assert lead_sla_state(lead, at(5, 12), H) is SlaState.NO_SLA
    lead = Lead(person_name="Ana", sla_due_at=at(4, 12))
    assert lead_sla_state(lead, at(5, 12), H) is SlaState.OVERDUE


@pytest.mark.parametrize(("now", "bucket"), [
    (at(4, 10, 20), AgeBucket.FRESH), (at(4, 10, 30), AgeBucket.AGEING),
    (at(4, 11), AgeBucket.LATE), (at(4, 11, 59), AgeBucket.LATE), (at(4, 12), AgeBucket.STALE)])
def test_ageing_against_the_sla(now: datetime, bucket: AgeBucket) -> None:
    assert age_bucket(at(4, 10), at(4, 11), None, now, H) is bucket


@pytest.mark.parametrize(("now", "bucket"), [
    (at(4, 17), AgeBucket.FRESH), (at(5, 10), AgeBucket.AGEING), (at(8, 10), AgeBucket.LATE),
    (at(11, 10), AgeBucket.STALE)])
def test_ageing_without_an_sla_counts_business_days(now: datetime, bucket: AgeBucket) -> None:
    assert age_bucket(at(4, 10), None, None, now, H) is bucket


def test_a_contacted_lead_is_not_ageing() -> None:
    assert age_bucket(at(4, 10), at(4, 11), at(4, 10, 5), at(20, 10), H) is AgeBucket.CONTACTED


def test_time_to_first_contact_counts_business_time_only() -> None:
    assert time_to_first_contact(at(8, 16, 30), at(11, 9, 15), H) == timedelta(minutes=45)
    assert time_to_first_contact(at(8, 16, 30), None, H) is None


def test_contact_times_per_rep() -> None:
    minutes = [("Ana", timedelta(minutes=m)) for m in (10, 20, 30, 40, 50, 60, 70, 80, 90, 100)]
    stats = contact_times([*minutes, ("Ben", timedelta(hours=3))])
    assert (stats["Ana"].count, stats["Ana"].median, stats["Ana"].p90, stats["Ana"].mean) == (
        10, timedelta(minutes=50), timedelta(minutes=90), timedelta(minutes=55))
    assert stats["Ben"].median == stats["Ben"].p90 == timedelta(hours=3)
