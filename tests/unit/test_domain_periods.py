"""The fiscal calendar: names, fiscal years starting in any month, navigation, business
days."""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from salesdesk.domain.errors import ValidationError
from salesdesk.domain.periods import (
    Period,
    PeriodKind,
    business_days,
    children,
    containing,
    fiscal_quarter,
    fiscal_year,
    following,
    iso_week,
    month,
    parse_period,
    periods_between,
    preceding,
)

K = PeriodKind
days = st.dates(min_value=date(1900, 1, 1), max_value=date(2100, 12, 31))
starts = st.integers(min_value=1, max_value=12)
kinds = st.sampled_from(list(PeriodKind))


# --- names ----------------------------------------------------------------------------


@pytest.mark.parametrize(("text", "start", "end", "kind", "name"), [
    ("2017", date(2017, 1, 1), date(2018, 1, 1), K.YEAR, "2017"),
    ("FY2017", date(2017, 1, 1), date(2018, 1, 1), K.YEAR, "2017"),
    ("fy2017", date(2017, 1, 1), date(2018, 1, 1), K.YEAR, "2017"),
    ("2017-Q3", date(2017, 7, 1), date(2017, 10, 1), K.QUARTER, "2017-Q3"),
    ("2017q3", date(2017, 7, 1), date(2017, 10, 1), K.QUARTER, "2017-Q3"),
    (" 2017 - Q3 ", date(2017, 7, 1), date(2017, 10, 1), K.QUARTER, "2017-Q3"),
    ("2017-07", date(2017, 7, 1), date(2017, 8, 1), K.MONTH, "2017-07"),
    ("2017-7", date(2017, 7, 1), date(2017, 8, 1), K.MONTH, "2017-07"),
    ("2017-12", date(2017, 12, 1), date(2018, 1, 1), K.MONTH, "2017-12"),
    ("2017-W27", date(2017, 7, 3), date(2017, 7, 10), K.WEEK, "2017-W27"),
    ("2017w1", date(2017, 1, 2), date(2017, 1, 9), K.WEEK, "2017-W01"),
    ("2020-W53", date(2020, 12, 28), date(2021, 1, 4), K.WEEK, "2020-W53"),
    ("2017-07-14", date(2017, 7, 14), date(2017, 7, 15), K.DAY, "2017-07-14"),
    ("2016-2-29", date(2016, 2, 29), date(2016, 3, 1), K.DAY, "2016-02-29"),
])
def test_every_form_parses(text: str, start: date, end: date, kind: PeriodKind,
                           name: str) -> None:
    p = parse_period(text)
    assert (p.start, p.end, p.kind, p.name) == (start, end, kind, name)
    assert str(p) == name
    assert parse_period(name) == p


@pytest.mark.parametrize(("text", "fiscal_start", "start", "end"), [
    # a July fiscal year is named after the calendar year it ends in
    ("2018", 7, date(2017, 7, 1), date(2018, 7, 1)),
    ("2018-Q1", 7, date(2017, 7, 1), date(2017, 10, 1)),
    ("2018-Q3", 7, date(2018, 1, 1), date(2018, 4, 1)),
    ("2018-Q4", 7, date(2018, 4, 1), date(2018, 7, 1)),
    ("2017-Q1", 2, date(2016, 2, 1), date(2016, 5, 1)),
    ("2017", 12, date(2016, 12, 1), date(2017, 12, 1)),
    ("2017-07", 4, date(2017, 7, 1), date(2017, 8, 1)),   # months stay calendar months
])
def test_fiscal_names(text: str, fiscal_start: int, start: date, end: date) -> None:
    p = parse_period(text, fiscal_start)
    assert (p.start, p.end) == (start, end)


@pytest.mark.parametrize("text", ["", "17", "2017-Q5", "2017-Q0", "2017-13", "2017-00",
                                  "2017-W54", "2017-W53", "2017-02-30", "2017/07",
                                  "Q3 2017", "2017-07-14T00:00", "next quarter"])
def test_what_is_not_a_period(text: str) -> None:
    with pytest.raises(ValidationError) as caught:
        parse_period(text)
    assert caught.value.field == "period"


@pytest.mark.parametrize("text", ["0000", "9999"])
def test_years_out_of_range_are_refused_in_words(text: str) -> None:
    with pytest.raises(ValidationError):
        parse_period(text)


def test_a_bad_fiscal_start_is_refused() -> None:
    for bad in (0, 13):
        with pytest.raises(ValidationError):
            fiscal_year(2017, bad)
        with pytest.raises(ValidationError):
            containing(date(2017, 1, 1), K.QUARTER, bad)


def test_helpers_refuse_nonsense() -> None:
    with pytest.raises(ValidationError):
        fiscal_quarter(2017, 5)
    with pytest.raises(ValidationError):
        month(2017, 13)
    with pytest.raises(ValidationError):
        iso_week(2017, 53)


def test_a_period_is_half_open() -> None:
    q = parse_period("2017-Q2")
    assert date(2017, 4, 1) in q and date(2017, 6, 30) in q
    assert date(2017, 7, 1) not in q and date(2017, 3, 31) not in q
    assert "2017-05-01" not in q
    assert (q.last_day, q.days) == (date(2017, 6, 30), 91)


# --- properties -----------------------------------------------------------------------


@settings(max_examples=300)
@given(days, kinds, starts)
def test_the_containing_period_holds_the_day(day: date, kind: PeriodKind, fs: int) -> None:
    p = containing(day, kind, fs)
    assert p.start <= day < p.end
    assert p.kind is kind
    assert parse_period(p.name, fs) == p
    if kind in (K.YEAR, K.QUARTER):
        assert p.start.day == 1
        assert (p.start.month - fs) % (12 if kind is K.YEAR else 3) == 0


@settings(max_examples=200)
@given(days, kinds, starts)
def test_following_and_preceding_round_trip(day: date, kind: PeriodKind, fs: int) -> None:
    p = containing(day, kind, fs)
    nxt, prev = following(p, fs), preceding(p, fs)
    assert nxt.start == p.end and prev.end == p.start
    assert preceding(nxt, fs) == p == following(prev, fs)


@settings(max_examples=100)
@given(st.integers(min_value=1990, max_value=2060), starts,
       st.sampled_from([K.QUARTER, K.MONTH, K.DAY]))
def test_children_of_a_year_cover_it_exactly(year: int, fs: int, kind: PeriodKind) -> None:
    fy = fiscal_year(year, fs)
    parts = children(fy, kind, fs)
    assert parts[0].start == fy.start and parts[-1].end == fy.end
    assert all(a.end == b.start for a, b in zip(parts, parts[1:], strict=False))
    assert len(parts) == {K.QUARTER: 4, K.MONTH: 12, K.DAY: fy.days}[kind]
    if kind is K.QUARTER:
        assert [p.name for p in parts] == [f"{year}-Q{i}" for i in range(1, 5)]


@settings(max_examples=100)
@given(st.integers(min_value=1990, max_value=2060), starts)
def test_weeks_of_a_year_are_those_starting_in_it(year: int, fs: int) -> None:
    fy = fiscal_year(year, fs)
    weeks = children(fy, K.WEEK, fs)
    assert all(w.start in fy and w.start.weekday() == 0 for w in weeks)
    assert weeks[0].start - fy.start < timedelta(days=7)
    assert fy.end - weeks[-1].start <= timedelta(days=7)
    assert len(weeks) in (52, 53)


@given(days, st.integers(min_value=0, max_value=400), kinds, starts)
def test_periods_between_tile_the_span(first: date, span: int, kind: PeriodKind,
                                       fs: int) -> None:
    last = first + timedelta(days=span)
    found = list(periods_between(first, last, kind, fs))
    assert found[0].start <= first and last < found[-1].end
    assert all(a.end == b.start for a, b in zip(found, found[1:], strict=False))


def brute_force(start: date, end: date, work: set[int], off: set[date]) -> int:
    n, day = 0, start
    while day < end:
        n += day.weekday() in work and day not in off
        day += timedelta(days=1)
    return n


@settings(max_examples=300)
@given(days, st.integers(min_value=-10, max_value=800),
       st.sets(st.integers(min_value=0, max_value=6)),
       st.lists(st.integers(min_value=-20, max_value=820), max_size=12))
def test_business_days_against_a_brute_force_count(start: date, span: int, work: set[int],
                                                   holidays: list[int]) -> None:
    end = start + timedelta(days=span)
    off = [start + timedelta(days=h) for h in holidays]
    assert business_days(start, end, work, off) == brute_force(start, end, work, set(off))


def test_business_days_by_hand() -> None:
    # July 2017: 21 weekdays; 4 July is a Tuesday
    july = month(2017, 7)
    assert business_days(july.start, july.end) == 21
    assert business_days(july.start, july.end, holidays=[date(2017, 7, 4),
                                                         date(2017, 7, 8)]) == 20
    assert business_days(july.end, july.start) == 0


def test_periods_sort_by_start() -> None:
    names = ["2017-Q3", "2017-Q1", "2016-Q4"]
    assert [p.name for p in sorted(parse_period(n) for n in names)] == \
        ["2016-Q4", "2017-Q1", "2017-Q3"]
    assert isinstance(parse_period("2017"), Period)
