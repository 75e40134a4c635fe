"""Factories and hypothesis strategies shared by the forecast tests (no tests here)."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal
from typing import Any

from hypothesis import strategies as st

from salesdesk.domain.forecast import ClosedDeal, DealState, StageVisit
from salesdesk.domain.pipeline import ForecastCategory, Outcome

D = Decimal
Q2 = (date(2017, 4, 1), date(2017, 7, 1))


def deal(id_: str, amount: str, probability: int = 50, *, default: int | None = None,
         category: ForecastCategory = ForecastCategory.PIPELINE, owner: str = "r1",
         team: str = "t1", territory: str | None = None, stage: str = "s1",
         expected: date | None = None, created: date = date(2017, 1, 1),
         entered: date | None = None, **kw: Any) -> DealState:
    """An open deal unless `outcome` (with `closed_on`) says otherwise."""
    return DealState(id=id_, owner_id=owner, team_id=team, territory_id=territory,
                     stage_id=stage, amount=D(amount), probability=probability,
                     stage_probability=probability if default is None else default,
                     category=category, expected_close=expected, created_on=created,
                     stage_entered_on=entered, **kw)


def won(id_: str, amount: str, on: date, won_amount: str | None = None, **kw: Any
        ) -> DealState:
    return deal(id_, amount, 100, outcome=Outcome.WON, closed_on=on,
                won_amount=D(won_amount or amount), category=ForecastCategory.CLOSED, **kw)


def lost(id_: str, amount: str, on: date, reason: str | None = None, **kw: Any) -> DealState:
    return deal(id_, amount, 0, outcome=Outcome.LOST, closed_on=on, lost_reason=reason,
                category=ForecastCategory.OMITTED, **kw)


def closed(id_: str, is_won: bool, closed_on: date, *visits: tuple[str, date],
           owner: str | None = "r1", team: str | None = "t1", amount: str = "100.00",
           created: date | None = None, territory: str | None = None) -> ClosedDeal:
    first = min((d for _, d in visits), default=closed_on)
    return ClosedDeal(id=id_, owner_id=owner, team_id=team, territory_id=territory,
                      won=is_won, amount=D(amount), won_amount=D(amount) if is_won else None,
                      created_on=created or first, closed_on=closed_on,
                      visits=tuple(StageVisit(s, d) for s, d in visits))


# --- strategies -----------------------------------------------------------------------

amounts = st.integers(min_value=0, max_value=10**9).map(lambda c: Decimal(c).scaleb(-2))
days = st.integers(min_value=-120, max_value=200).map(lambda n: date(2017, 4, 1)
                                                      + timedelta(days=n))
categories = st.sampled_from(list(ForecastCategory))


@st.composite
def deal_states(draw: st.DrawFn, prefix: str = "d") -> list[DealState]:
    """A mix of open, won and lost deals around 2017-Q2, two owners, two teams."""
    out = []
    for i in range(draw(st.integers(min_value=0, max_value=12))):
        outcome = draw(st.sampled_from(list(Outcome)))
        amount = draw(amounts)
        created = draw(days)
        closed_on = None if outcome is Outcome.OPEN else created + timedelta(
            days=draw(st.integers(min_value=0, max_value=150)))
        out.append(DealState(
            id=f"{prefix}{i}", owner_id=draw(st.sampled_from(["r1", "r2"])),
            team_id=draw(st.sampled_from(["t1", "t2"])), territory_id=None,
            stage_id=draw(st.sampled_from(["s1", "s2", "s9"])), outcome=outcome,
            amount=amount, probability=draw(st.integers(0, 100)),
            stage_probability=draw(st.integers(0, 100)), category=draw(categories),
            expected_close=draw(st.none() | days), created_on=created,
            stage_entered_on=created, closed_on=closed_on,
            won_amount=draw(amounts) if outcome is Outcome.WON else None,
            lost_reason=draw(st.sampled_from([None, "Price", "Timing"]))
            if outcome is Outcome.LOST else None))
    return out
