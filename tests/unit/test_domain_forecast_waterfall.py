"""Forecast-versus-actual waterfall: the parts bridge the forecast to the actual exactly."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

from hypothesis import given, settings
from hypothesis import strategies as st

from salesdesk.domain.forecast import DealState, Part, Scope, waterfall
from salesdesk.domain.periods import parse_period
from salesdesk.domain.pipeline import Outcome

from .test_domain_forecast_support import D, deal, deal_states, lost, won

Q2 = parse_period("2017-Q2")


def start_and_end() -> tuple[list[DealState], list[DealState]]:
    start = [
        deal("F1", "1000.00", 50, expected=date(2017, 5, 1)),   # forecast 500
        deal("F2", "400.00", 25),                               # 100 (undated)
        deal("F3", "600.00", 50),                               # 300
        deal("F4", "200.00", 10),                               # 20
        deal("F5", "300.00", 40),                               # 120
        deal("P1", "700.00", 60, expected=date(2017, 8, 1)),    # expected in Q3
        deal("Z", "50.00", 60, expected=date(2017, 9, 1)),      # Q3, stays open
        won("W0", "80.00", date(2017, 3, 1)),                   # won last quarter
    ]
    end = [
        won("F1", "1000.00", date(2017, 4, 20), "1200.00"),
        lost("F2", "400.00", date(2017, 5, 3), "Price"),
        deal("F3", "600.00", 50),
        lost("F4", "200.00", date(2017, 7, 5), "Price"),        # lost after the quarter
        lost("F5", "300.00", date(2017, 6, 1), "Competitor"),
        won("P1", "700.00", date(2017, 6, 1), "650.00"),
        deal("Z", "50.00", 60, expected=date(2017, 9, 1)),
        won("W0", "80.00", date(2017, 3, 1)),
        won("N1", "90.00", date(2017, 5, 5), created=date(2017, 4, 10)),
    ]
    return start, end


def test_waterfall_by_hand() -> None:
    w = waterfall(*start_and_end(), Q2)
    assert w.forecast.total == D("1040.00")           # 500 + 100 + 300 + 20 + 120
    assert w.actual.total == D("1940.00")             # F1 1200 + P1 650 + N1 90
    steps = [(s.part, s.reason, s.total, [c.deal_id for c in s.deals]) for s in w.steps]
    assert steps == [
        (Part.WON_AS_FORECAST, None, D("500.00"), ["F1"]),   # 1000 - 500
        (Part.GREW_OR_SHRUNK, None, D("200.00"), ["F1"]),    # 1200 - 1000
        (Part.SLIPPED, None, D("-320.00"), ["F3", "F4"]),    # -300 - 20
        (Part.LOST, "Competitor", D("-120.00"), ["F5"]),
        (Part.LOST, "Price", D("-100.00"), ["F2"]),
        (Part.LOST, None, D("0.00"), []),
        (Part.REASSIGNED, None, D("0.00"), []),
        (Part.PULLED_IN, None, D("650.00"), ["P1"]),
        (Part.NEW, None, D("90.00"), ["N1"]),
    ]
    # 1040 + 500 + 200 - 320 - 120 - 100 + 650 + 90 = 1940
    assert w.forecast.total + sum(s.total for s in w.steps) == w.actual.total
    assert w.step(Part.LOST) == D("-220.00")


def test_waterfall_for_a_member_shows_deals_moving_between_owners() -> None:
    start, end = start_and_end()
    start.append(deal("R1", "80.00", 50, owner="r2", expected=date(2017, 9, 1)))
    end = [won("F5", "300.00", date(2017, 6, 1), owner="r2") if d.id == "F5" else d
           for d in end] + [won("R1", "80.00", date(2017, 6, 2))]
    w = waterfall(start, end, Q2, Scope.member("r1"))
    reassigned = next(s for s in w.steps if s.part is Part.REASSIGNED)
    # F5 (forecast 120) went to r2: -120; R1 came from r2 and won: +80
    assert [(c.deal_id, c.value) for c in reassigned.deals] == [
        ("F5", D("-120.00")), ("R1", D("80.00"))]
    assert w.forecast.total + sum(s.total for s in w.steps) == w.actual.total


def test_a_deal_gone_from_the_pipeline_counts_as_lost() -> None:
    w = waterfall([deal("G", "100.00", 30)], [], Q2)
    assert [(s.part, s.total) for s in w.steps if s.deals] == [(Part.LOST, D("-30.00"))]


def test_waterfall_with_default_probabilities() -> None:
    start = [deal("A", "100.00", 90, default=10)]
    assert waterfall(start, start, Q2, default_probabilities=True).forecast.total == \
        D("10.00")


@st.composite
def histories(draw: st.DrawFn) -> tuple[list[DealState], list[DealState]]:
    """Deals at the start of Q2, and later: each open one may be won, lost, moved or
    dropped; new ones appear."""
    start = draw(deal_states("s"))
    end = []
    for s in start:
        if not s.is_open:
            end.append(s)
            continue
        fate = draw(st.sampled_from(["open", "won", "lost", "moved", "gone"]))
        day = Q2.start + timedelta(days=draw(st.integers(0, 120)))
        amount = Decimal(draw(st.integers(0, 10**7))).scaleb(-2)
        owner = draw(st.sampled_from(["r1", "r2"])) if fate == "moved" else s.owner_id
        fields = {**{f: getattr(s, f) for f in DealState.__dataclass_fields__},
                  "owner_id": owner}
        if fate == "won":
            fields |= {"outcome": Outcome.WON, "closed_on": day, "won_amount": amount}
        elif fate == "lost":
            fields |= {"outcome": Outcome.LOST, "closed_on": day,
                       "lost_reason": draw(st.sampled_from([None, "Price", "Timing"]))}
        if fate != "gone":
            end.append(DealState(**fields))
    end += draw(deal_states("n"))
    return start, end


@settings(max_examples=150, deadline=None)
@given(histories(), st.sampled_from([Scope(), Scope.member("r1"), Scope.team("t2")]),
       st.booleans())
def test_the_parts_add_up_exactly(history: tuple[list[DealState], list[DealState]],
                                  scope: Scope, default: bool) -> None:
    start, end = history
    w = waterfall(start, end, Q2, scope, default_probabilities=default)
    assert w.forecast.total + sum((s.total for s in w.steps), Decimal(0)) == w.actual.total
    for s in w.steps:
        assert s.total == sum((c.value for c in s.deals), Decimal(0))
    # every forecast deal leaves through exactly one door
    exits = [c.deal_id for s in w.steps if s.part in (Part.WON_AS_FORECAST, Part.SLIPPED,
                                                      Part.LOST)
             for c in s.deals] + [c.deal_id for s in w.steps if s.part is Part.REASSIGNED
                                  for c in s.deals if c.deal_id in set(w.forecast.deal_ids)]
    assert sorted(exits) == sorted(w.forecast.deal_ids)
