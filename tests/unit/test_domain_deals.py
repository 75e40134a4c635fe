"""domain.deals: what a deal is worth, how it moves, and replaying its stage history."""

from __future__ import annotations

import copy
import dataclasses
from datetime import UTC, date, datetime, timedelta, timezone
from decimal import ROUND_HALF_UP, Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from salesdesk.domain.deals import (
    ActivityKind,
    Deal,
    DealActivity,
    DealLine,
    DealNote,
    ReopenRequired,
    StageChange,
    Timeline,
    days_in_stage,
    is_rotting,
    stage_at,
    utc_day,
)
from salesdesk.domain.errors import ValidationError
from salesdesk.domain.pipeline import ForecastCategory, Outcome, Stage

T0 = datetime(2026, 3, 2, 9, 30, tzinfo=UTC)
C, OC = ForecastCategory, Outcome

PROSPECTING = Stage(pipeline_id="p", name="Prospecting", position=0, probability=10,
                    rotting_days=30)
ENGAGING = Stage(pipeline_id="p", name="Engaging", position=1, probability=40,
                 category=C.BEST_CASE, rotting_days=45)
WON = Stage(pipeline_id="p", name="Won", position=2, probability=100, category=C.CLOSED,
            outcome=OC.WON)
LOST = Stage(pipeline_id="p", name="Lost", position=3, probability=0, category=C.OMITTED,
             outcome=OC.LOST)
OTHER = Stage(pipeline_id="other", name="Elsewhere", position=0, probability=10)


def deal(stage: Stage = PROSPECTING, **kw: object) -> Deal:
    fields: dict[str, object] = {"pipeline_id": "p", "stage_id": stage.id, "title": "Acme",
                                 "amount": Decimal("1000.00"), "created_on": T0.date(),
                                 "stage_entered_at": T0, **kw}
    return Deal(**fields)  # type: ignore[arg-type]


def line(quantity: int = 1, price: str = "0.00", discount: str = "0") -> DealLine:
    return DealLine(deal_id="d", position=0, product_id="x", quantity=quantity,
                    unit_price=Decimal(price), discount=Decimal(discount))


def state(d: Deal) -> dict[str, object]:
    return copy.deepcopy({f.name: getattr(d, f.name) for f in dataclasses.fields(d)})


# --- amounts -------------------------------------------------------------------------
@pytest.mark.parametrize(("quantity", "price", "discount", "amount"), [
    (1, "100.00", "0", "100.00"),
    (3, "10.01", "12.5", "26.28"),   # 26.27625 -> up
    (1, "0.05", "50", "0.03"),       # 0.025: half up, not to even (0.02)
    (1, "0.15", "50", "0.08"),       # 0.075
    (7, "19.99", "33.33", "93.29"),  # 139.93 x 0.6667 = 93.291331
    (2, "500.00", "100", "0.00"),
    (1, "0.01", "0.01", "0.01"),
])
def test_a_line_is_quantity_times_price_less_discount_to_the_cent_half_up(
        quantity: int, price: str, discount: str, amount: str) -> None:
    assert line(quantity, price, discount).amount == Decimal(amount)
    assert str(line(quantity, price, discount).amount) == amount


@given(st.integers(1, 10_000), st.integers(0, 10**9), st.integers(0, 10_000))
def test_a_line_amount_is_the_exact_value_rounded_half_up(quantity: int, cents: int,
                                                         basis_points: int) -> None:
    price, discount = Decimal(cents).scaleb(-2), Decimal(basis_points).scaleb(-2)
    amount = line(quantity, str(price), str(discount)).amount
    exact = price * quantity * (100 - discount) / 100
    assert amount == exact.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
    assert abs(amount - exact) <= Decimal("0.005")
    assert Decimal(0) <= amount <= price * quantity


@pytest.mark.parametrize(("field", "kw"), [
    ("quantity", {"quantity": 0}), ("quantity", {"quantity": True}),
    ("quantity", {"quantity": 1.5}), ("unit_price", {"unit_price": Decimal("-1.00")}),
    ("unit_price", {"unit_price": Decimal("1.005")}), ("unit_price", {"unit_price": 10.0}),
    ("discount", {"discount": Decimal("100.01")}), ("discount", {"discount": Decimal("-1")}),
    ("discount", {"discount": Decimal("1.234")}), ("discount", {"discount": 5}),
])
def test_bad_line_values_are_refused(field: str, kw: dict[str, object]) -> None:
    args: dict[str, object] = {"deal_id": "d", "position": 0, "product_id": "x", **kw}
    with pytest.raises(ValidationError) as err:
        DealLine(**args)  # type: ignore[arg-type]
    assert err.value.field == field


def test_the_amount_follows_the_lines_and_stays_without_lines() -> None:
    d = deal()
    d.set_lines([line(2, "10.00", "10"), line(1, "0.05", "50")])
    assert d.amount == Decimal("18.03")
    d.set_lines([])
    assert d.amount == Decimal("18.03")


@pytest.mark.parametrize(("field", "kw"), [
    ("amount", {"amount": Decimal("-0.01")}), ("amount", {"amount": Decimal("0.001")}),
    ("amount", {"amount": 12}), ("probability", {"probability": 101}),
    ("category", {"category": "probably"}), ("expected_close", {"expected_close": "soon"}),
    ("expected_close", {"expected_close": T0}), ("contact_email", {"contact_email": "x@"}),
    ("stage_entered_at", {"stage_entered_at": T0.replace(tzinfo=None)}),
    ("title", {"title": "x" * 201}), ("won_amount", {"won_amount": Decimal("-5.00")}),
])
def test_bad_deal_values_are_refused_naming_the_field(field: str,
                                                      kw: dict[str, object]) -> None:
    with pytest.raises(ValidationError) as err:
        deal(**kw)
    assert err.value.field == field


@given(st.integers(0, 100), st.integers(0, 10**10))
def test_probability_override_counts_in_open_stages_only(p: int, cents: int) -> None:
    d = deal(amount=Decimal(cents).scaleb(-2), probability=p)
    assert d.effective_probability(PROSPECTING) == p
    assert d.weighted_amount(PROSPECTING) == d.amount * p / 100  # exact, not rounded
    assert d.effective_probability(WON) == 100 and d.effective_probability(LOST) == 0
    assert deal(probability=None).effective_probability(ENGAGING) == 40


def test_weighted_amount_is_exact() -> None:
    d = deal(amount=Decimal("0.05"), probability=33)
    assert d.weighted_amount(PROSPECTING) == Decimal("0.0165")
    assert deal(amount=Decimal("999.99")).weighted_amount(ENGAGING) == Decimal("399.996")


def test_category_override_counts_in_open_stages_only() -> None:
    d = deal(category="commit")
    assert d.category is C.COMMIT
    assert d.effective_category(PROSPECTING) is C.COMMIT
    assert d.effective_category(WON) is C.CLOSED
    assert deal().effective_category(ENGAGING) is C.BEST_CASE


def test_update_changes_only_updatable_fields_and_validates_all_or_nothing() -> None:
    d = deal()
    d.update(title="  Acme  renewal ", probability="55", expected_close=date(2026, 6, 30))
    assert (d.title, d.probability, d.expected_close) == ("Acme renewal", 55,
                                                          date(2026, 6, 30))
    d.update(probability=None)
    assert d.probability is None
    before = state(d)
    with pytest.raises(ValidationError) as err:
        d.update(title="New", probability=250)
    assert err.value.field == "probability" and state(d) == before
    with pytest.raises(ValidationError, match="cannot be changed here") as err:
        d.update(stage_id=WON.id)
    assert err.value.field == "stage_id" and state(d) == before


# --- moves ---------------------------------------------------------------------------
def test_a_move_records_the_change_and_the_time_entered() -> None:
    d = deal()
    at = T0 + timedelta(days=3)
    change = d.move(PROSPECTING, ENGAGING, at)
    assert (d.stage_id, d.stage_entered_at) == (ENGAGING.id, at)
    assert (change.deal_id, change.from_stage_id, change.to_stage_id, change.at,
            change.amount) == (d.id, PROSPECTING.id, ENGAGING.id, at, Decimal("1000.00"))
    assert d.is_open


def test_winning_needs_the_final_amount_and_records_it() -> None:
    d = deal()
    before = state(d)
    with pytest.raises(ValidationError, match="final amount") as err:
        d.move(PROSPECTING, WON, T0)
    assert err.value.field == "won_amount" and state(d) == before
    with pytest.raises(ValidationError):
        d.move(PROSPECTING, WON, T0, won_amount=Decimal("-1.00"))
    assert state(d) == before
    at = datetime(2026, 3, 5, 23, 30, tzinfo=timezone(timedelta(hours=-5)))
    change = d.move(PROSPECTING, WON, at, won_amount=Decimal("950.00"))
    assert d.is_won and not d.is_open
    assert (d.won_amount, d.value, change.amount) == (Decimal("950.00"),) * 3
    assert d.won_on == date(2026, 3, 6) == utc_day(at)  # the UTC day of the move
    assert d.amount == Decimal("1000.00")
    assert d.weighted_amount(WON) == Decimal("950.00")


def test_losing_needs_a_reason() -> None:
    d = deal()
    before = state(d)
    for empty in (None, ""):
        with pytest.raises(ValidationError, match="needs a reason") as err:
            d.move(PROSPECTING, LOST, T0, lost_reason_id=empty)
        assert err.value.field == "lost_reason" and state(d) == before
    d.move(PROSPECTING, LOST, T0 + timedelta(hours=1), lost_reason_id="price")
    assert (d.is_lost, d.lost_reason_id, d.lost_on) == (True, "price", T0.date())


@pytest.mark.parametrize(("closed", "kw"), [(WON, {"won_amount": Decimal("900.00")}),
                                            (LOST, {"lost_reason_id": "price"})])
@pytest.mark.parametrize("target", [PROSPECTING, ENGAGING])
def test_reopening_a_closed_deal_needs_confirmation_and_clears_its_outcome(
        closed: Stage, kw: dict[str, object], target: Stage) -> None:
    d = deal()
    d.move(PROSPECTING, closed, T0 + timedelta(days=1), **kw)  # type: ignore[arg-type]
    before = state(d)
    at = T0 + timedelta(days=2)
    with pytest.raises(ReopenRequired) as err:
        d.move(closed, target, at)
    assert err.value.outcome is closed.outcome and "Acme" in str(err.value)
    assert state(d) == before
    d.move(closed, target, at, reopen=True)
    assert (d.stage_id, d.stage_entered_at) == (target.id, at)
    assert (d.won_on, d.won_amount, d.lost_on, d.lost_reason_id) == (None,) * 4
    assert d.is_open and d.value == d.amount


def test_a_closed_deal_changes_outcome_with_the_amount_or_reason_asked_for() -> None:
    d = deal()
    d.move(PROSPECTING, WON, T0, won_amount=Decimal("900.00"))
    d.move(WON, LOST, T0 + timedelta(days=1), lost_reason_id="price")
    assert (d.won_on, d.won_amount, d.lost_reason_id) == (None, None, "price")
    assert d.is_lost and d.value == d.amount
    d.move(LOST, WON, T0 + timedelta(days=2), won_amount=Decimal("10.00"))
    assert (d.lost_on, d.lost_reason_id, d.won_amount) == (None, None, Decimal("10.00"))


def test_an_open_deal_moves_without_confirmation() -> None:
    d = deal()
    d.move(PROSPECTING, ENGAGING, T0)
    d.move(ENGAGING, PROSPECTING, T0)
    assert d.stage_id == PROSPECTING.id


@pytest.mark.parametrize(("current", "target", "at", "match"), [
    (PROSPECTING, PROSPECTING, T0 + timedelta(days=1), "already in"),
    (PROSPECTING, OTHER, T0 + timedelta(days=1), "another pipeline"),
    (ENGAGING, WON, T0 + timedelta(days=1), "not in the stage given"),
    (PROSPECTING, ENGAGING, T0 - timedelta(seconds=1), "before the deal entered"),
    (PROSPECTING, ENGAGING, T0.replace(tzinfo=None) + timedelta(days=1), "time zone"),
])
def test_impossible_moves_are_refused_and_change_nothing(
        current: Stage, target: Stage, at: datetime, match: str) -> None:
    d = deal()
    before = state(d)
    with pytest.raises(ValidationError, match=match):
        d.move(current, target, at, won_amount=Decimal("1.00"))
    assert state(d) == before


# --- children ------------------------------------------------------------------------
def test_activities_validate_and_know_when_they_are_overdue() -> None:
    a = DealActivity(deal_id="d", kind="call", subject=" Call  back ",
                     due_on=date(2026, 3, 1))  # type: ignore[arg-type]
    assert (a.kind, a.subject, a.done) == (ActivityKind.CALL, "Call back", False)
    assert a.is_overdue(date(2026, 3, 2)) and not a.is_overdue(date(2026, 3, 1))
    a.done_at = T0
    assert a.done and not a.is_overdue(date(2027, 1, 1))
    for field, kw in (("kind", {"kind": "fax"}), ("subject", {"subject": " "}),
                      ("due_on", {"due_on": "tomorrow"})):
        args: dict[str, object] = {"deal_id": "d", "kind": "task", "subject": "x", **kw}
        with pytest.raises(ValidationError) as err:
            DealActivity(**args)  # type: ignore[arg-type]
        assert err.value.field == field


def test_notes_are_trimmed_required_and_bounded() -> None:
    assert DealNote(deal_id="d", body="  Loved the demo.\n").body == "Loved the demo."
    for body in ("", "   ", None, "x" * 4001):
        with pytest.raises(ValidationError):
            DealNote(deal_id="d", body=body)  # type: ignore[arg-type]


# --- replay --------------------------------------------------------------------------
STAGE_IDS = ("a", "b", "c", "won", "lost")


@st.composite
def histories(draw: st.DrawFn) -> list[StageChange]:
    """A deal's history as made: created, then moves at non-decreasing times (several
    may share a moment) to a different stage each time."""
    count = draw(st.integers(1, 12))
    gaps = draw(st.lists(st.integers(0, 5 * 86_400), min_size=count, max_size=count))
    changes: list[StageChange] = []
    at, where = T0, None
    for i, gap in enumerate(gaps):
        at += timedelta(seconds=gap if i else 0)
        to = draw(st.sampled_from([s for s in STAGE_IDS if s != where]))
        changes.append(StageChange(deal_id="d", from_stage_id=where, to_stage_id=to, at=at))
        where = to
    return changes


def _naive_stage_at(changes: list[StageChange], when: datetime) -> str | None:
    """The spec: the stage of the last change (in the order made) at or before `when`."""
    found = None
    for c in changes:
        if c.at <= when:
            found = c.to_stage_id
    return found


@settings(max_examples=300)
@given(histories(), st.integers(-86_400, 70 * 86_400))
def test_stage_at_is_the_stage_of_the_last_move_at_or_before(
        changes: list[StageChange], offset: int) -> None:
    timeline = Timeline.of(changes)
    probes = [T0 + timedelta(seconds=offset), T0 - timedelta(microseconds=1),
              *(c.at for c in changes), *(c.at - timedelta(microseconds=1) for c in changes)]
    for when in probes:
        assert timeline.stage_at(when) == _naive_stage_at(changes, when)
        assert stage_at(changes, when) == timeline.stage_at(when)
        entered = timeline.entered_at(when)
        assert (entered is None) == (timeline.stage_at(when) is None)
        if entered is not None:
            assert entered <= when
    assert timeline.stage_at(T0 - timedelta(seconds=1)) is None
    assert timeline.stage_at(changes[-1].at + timedelta(days=999)) == changes[-1].to_stage_id


@given(histories(), st.randoms(use_true_random=False))
def test_replay_does_not_depend_on_the_order_rows_come_back_in(
        changes: list[StageChange], rnd: object) -> None:
    """Rows from a database come in any order: the creating change still sorts first
    among changes at one moment, so a deal created and moved at once ends up moved."""
    created = changes[0]
    shuffled = [c for c in changes if c is not created]
    rnd.shuffle(shuffled)  # type: ignore[attr-defined]
    timeline = Timeline.of([*shuffled, created])
    assert timeline.stages[0] == created.to_stage_id
    if all(c.at == created.at for c in changes) and len(changes) == 2:
        assert timeline.stage_at(created.at) == changes[1].to_stage_id


def test_a_deal_created_and_moved_at_once_is_in_its_second_stage() -> None:
    created = StageChange(deal_id="d", from_stage_id=None, to_stage_id="a", at=T0)
    won = StageChange(deal_id="d", from_stage_id="a", to_stage_id="won", at=T0)
    for order in ([created, won], [won, created]):
        assert Timeline.of(order).stage_at(T0) == "won"
        assert Timeline.of(order).stage_at(T0 - timedelta(microseconds=1)) is None


# --- time in stage -------------------------------------------------------------------
@given(st.integers(0, 400 * 86_400))
def test_days_in_stage_counts_whole_days(seconds: int) -> None:
    now = T0 + timedelta(seconds=seconds)
    assert days_in_stage(T0, now) == seconds // 86_400
    assert days_in_stage(now, T0) == 0  # a clock behind the entry never goes negative


def test_a_deal_rots_after_more_days_than_its_stage_allows() -> None:
    assert not is_rotting(PROSPECTING, T0, T0 + timedelta(days=30, hours=23))
    assert is_rotting(PROSPECTING, T0, T0 + timedelta(days=31))
    assert not is_rotting(ENGAGING, T0, T0 + timedelta(days=31))
    assert not is_rotting(WON, T0, T0 + timedelta(days=3650))
    never = Stage(pipeline_id="p", name="Parked", position=0, probability=5)
    assert not is_rotting(never, T0, T0 + timedelta(days=3650))
    closed = Stage(pipeline_id="p", name="Won", position=0, probability=100,
                   category=C.CLOSED, outcome=OC.WON, rotting_days=1)
    assert not is_rotting(closed, T0, T0 + timedelta(days=5))
