"""Importing deals (services.import_deals) on the in-memory workspace."""

from __future__ import annotations

from datetime import UTC, date, datetime
from decimal import Decimal
from typing import Any

import pytest

from salesdesk.domain.accounts import Account, Product
from salesdesk.domain.members import Member
from salesdesk.services.import_deals import import_deals
from salesdesk.services.imports import ImportRefused
from salesdesk.services.product_names import ProductMatcher

from .fakes import FakeWorkspace, make_table

HEADERS = ["opportunity_id", "sales_agent", "product", "account", "deal_stage", "engage_date",
           "close_date", "close_value"]
NOW = datetime(2024, 1, 10, 12, 30, tzinfo=UTC)
MIDNIGHT = datetime.min.time()


def at(day: str) -> datetime:
    return datetime.combine(date.fromisoformat(day), MIDNIGHT, UTC)


@pytest.fixture
def company(ws: FakeWorkspace) -> FakeWorkspace:
    ws.seed(Member(name="Moses Frase"), Member(name="Darcel Schlecht"),
            Member(name="Ann Left", left_on=date(2023, 6, 1)),
            Account(name="Cancity"), Account(name="Isdom"),
            Product(name="GTX Pro", list_price=Decimal("4821.00")),
            Product(name="GTX Plus Pro", list_price=Decimal("5482.00")),
            Product(name="MG Special", list_price=Decimal("55.00")))
    return ws


def run(ws: FakeWorkspace, *rows: list[str], headers: list[str] = HEADERS) -> Any:
    return import_deals(ws, make_table(headers, *rows, source="sales_pipeline.csv"), now=NOW)


SAMPLE_ROWS = [
    ["1C1I7A6R", "Moses Frase", "GTX Pro", "Cancity", "Won", "2023-10-20", "2023-12-01",
     "4514.50"],
    ["EC4QE1BX", "Darcel Schlecht", "MG Special", "Isdom", "Lost", "2023-10-25",
     "2023-11-07", "0"],
    ["ZZJ8VP3T", "Darcel Schlecht", "GTX Pro", "", "Engaging", "2023-12-02", "", ""],
    ["6U6BBXIL", "Moses Frase", "MG Special", "", "Prospecting", "", "", ""],
]


def deal(ws: FakeWorkspace, reference: str) -> Any:
    return next(d for d in ws.live("deals") if d.reference == reference)


def history(ws: FakeWorkspace, deal_id: str) -> list[tuple[str | None, str, datetime, Any]]:
    names = {s.id: s.name for s in ws.live("stages")}
    changes = sorted((c for c in ws.live("stage_changes") if c.deal_id == deal_id),
                     key=lambda c: (c.at, c.from_stage_id is not None))
    return [(names.get(c.from_stage_id), names[c.to_stage_id], c.at, c.amount)
            for c in changes]


def stage_name(ws: FakeWorkspace, d: Any) -> str:
    return next(s.name for s in ws.live("stages") if s.id == d.stage_id)


# --- what a row becomes ---------------------------------------------------------------
def test_rows_become_deals_of_the_default_pipeline(company: FakeWorkspace) -> None:
    report = run(company, *SAMPLE_ROWS)

    assert len(report.created) == 4 and not report.updated and not report.skipped
    assert company.commits == 1
    assert [p.name for p in company.live("pipelines")] == ["Sales"]
    assert sorted(s.name for s in company.live("stages")) == \
        ["Engaging", "Lost", "Prospecting", "Won"]
    assert report.changes.deals


def test_a_won_deal_has_its_line_history_and_exact_won_amount(company: FakeWorkspace) -> None:
    run(company, *SAMPLE_ROWS)
    won = deal(company, "1C1I7A6R")

    assert stage_name(company, won) == "Won"
    assert (won.amount, won.won_amount, won.won_on, won.lost_on) == \
        (Decimal("4821.00"), Decimal("4514.50"), date(2023, 12, 1), None)
    assert isinstance(won.won_amount, Decimal)
    assert (won.created_on, won.stage_entered_at) == (date(2023, 10, 20), at("2023-12-01"))
    assert won.owner_id == company.one("members", "Moses Frase").id
    assert won.account_id == company.one("accounts", "Cancity").id
    assert history(company, won.id) == [
        (None, "Engaging", at("2023-10-20"), Decimal("4821.00")),
        ("Engaging", "Won", at("2023-12-01"), Decimal("4514.50"))]
    [line] = [x for x in company.live("deal_lines") if x.deal_id == won.id]
    assert (line.product_id, line.quantity, line.unit_price, line.discount) == \
        (company.one("products", "GTX Pro").id, 1, Decimal("4821.00"), Decimal("0.00"))


def test_a_lost_deal_keeps_its_amount_and_has_no_reason(company: FakeWorkspace) -> None:
    report = run(company, *SAMPLE_ROWS)
    lost = deal(company, "EC4QE1BX")

    assert stage_name(company, lost) == "Lost"
    assert (lost.amount, lost.won_amount, lost.lost_on, lost.lost_reason_id) == \
        (Decimal("55.00"), None, date(2023, 11, 7), None)
    assert [h[:3] for h in history(company, lost.id)] == [
        (None, "Engaging", at("2023-10-25")), ("Engaging", "Lost", at("2023-11-07"))]
    assert "1 lost deals have no recorded reason" in report.notes


def test_open_deals_start_at_their_engage_date_or_at_the_import(
        company: FakeWorkspace) -> None:
    report = run(company, *SAMPLE_ROWS)
    engaging, prospecting = deal(company, "ZZJ8VP3T"), deal(company, "6U6BBXIL")

    assert (engaging.created_on, engaging.stage_entered_at) == \
        (date(2023, 12, 2), at("2023-12-02"))
    assert history(company, engaging.id) == [
        (None, "Engaging", at("2023-12-02"), Decimal("4821.00"))]
    assert (prospecting.created_on, prospecting.stage_entered_at) == (NOW.date(), NOW)
    assert [h[:3] for h in history(company, prospecting.id)] == [(None, "Prospecting", NOW)]
    assert any(n.startswith("1 deals have no date") for n in report.notes)


def test_deals_without_an_account_are_kept_and_counted(company: FakeWorkspace) -> None:
    report = run(company, *SAMPLE_ROWS)

    assert deal(company, "ZZJ8VP3T").account_id is None
    assert deal(company, "6U6BBXIL").account_id is None
    assert "2 deals have no account; kept without one" in report.notes


@pytest.mark.parametrize("written", ["won", "  WON ", "Won"])
def test_the_stage_is_found_whatever_its_case_and_spaces(company: FakeWorkspace,
                                                         written: str) -> None:
    run(company, ["R1", "Moses Frase", "GTX Pro", "Isdom", written, "2023-10-01",
                  "2023-10-02", "10"])
    assert stage_name(company, deal(company, "R1")) == "Won"


def test_an_existing_pipeline_is_used_not_duplicated(company: FakeWorkspace) -> None:
    run(company, SAMPLE_ROWS[0])
    run(company, ["R2", "Moses Frase", "GTX Pro", "Isdom", "Engaging", "2023-10-01", "", ""])
    assert len(company.live("pipelines")) == 1 and len(company.live("stages")) == 4


# --- products and aliases ---------------------------------------------------------------
def test_a_product_written_without_its_space_becomes_an_alias(company: FakeWorkspace) -> None:
    report = run(company, ["R1", "Moses Frase", "GTXPro", "Isdom", "Engaging", "2023-10-01",
                           "", ""],
                 ["R2", "Moses Frase", "GTXPro", "Isdom", "Engaging", "2023-10-02", "", ""])

    gtx = company.one("products", "GTX Pro")
    assert gtx.aliases == ["GTXPro"]
    assert '"GTXPro" read as product "GTX Pro" (2 rows); alias added' in report.notes
    assert report.changes.products
    lines = company.live("deal_lines")
    assert {x.product_id for x in lines} == {gtx.id} and len(lines) == 2

    again = run(company, ["R3", "Moses Frase", "gtxpro", "Isdom", "Engaging", "2023-10-03",
                          "", ""])
    assert not any("alias" in n for n in again.notes)  # the alias is known now
    assert company.one("products", "GTX Pro").aliases == ["GTXPro"]


def test_names_and_aliases_resolve_before_any_guess() -> None:
    pro = Product(name="GTX Pro", list_price=Decimal("1.00"), aliases=["Pro box"])
    basic = Product(name="GTX Basic", list_price=Decimal("1.00"))
    matcher = ProductMatcher([pro, basic])

    assert matcher.resolve("gtx   PRO") is pro
    assert matcher.resolve("pro BOX") is pro
    assert matcher.resolve("GTX Proo") is pro  # a close typo: proposed
    assert matcher.resolve("GTXBasic") is basic
    assert set(matcher.proposed) == {"gtx proo", "gtxbasic"}


@pytest.mark.parametrize("text", ["GTX Plus", "Widget", "GTX"])
def test_a_product_that_is_not_clearly_one_is_refused(company: FakeWorkspace,
                                                      text: str) -> None:
    before = company.snapshot()
    with pytest.raises(ImportRefused) as refused:
        run(company, ["R1", "Moses Frase", text, "Isdom", "Engaging", "2023-10-01", "", ""])
    assert f"row 2, field 'product': '{text}' is not a product" in str(refused.value)
    assert company.snapshot() == before


# --- bad rows ---------------------------------------------------------------------------
GOOD = ["R9", "Moses Frase", "GTX Pro", "Isdom", "Won", "2023-10-01", "2023-11-01", "100"]


def _with(**cells: str) -> list[str]:
    row = list(GOOD)
    for key, value in cells.items():
        row[HEADERS.index(key)] = value
    return row


@pytest.mark.parametrize("row, field, words", [
    (_with(close_value="12x"), "close_value", "'12x' is not a number"),
    (_with(close_value="-5"), "close_value", "must be at least 0"),
    (_with(close_value="10.005"), "close_value", "more than 2 decimal places"),
    (_with(close_value=""), "close_value", "a won deal needs its close value"),
    (_with(engage_date="2023-13-45"), "engage_date", "is not a date"),
    (_with(engage_date="03/04/2023"), "engage_date", "ambiguous"),
    (_with(close_date="2023-09-01"), "close_date", "is before the engage date 2023-10-01"),
    (_with(close_date=""), "close_date", "a won deal needs the date it closed"),
    (_with(engage_date=""), "engage_date", "a won deal needs the date it was engaged"),
    (_with(close_date="2030-01-01"), "close_date", "is in the future"),
    (_with(deal_stage="Negotiation"), "deal_stage", "'Negotiation' is not a stage"),
    (_with(deal_stage=""), "deal_stage", "is required"),
    (_with(sales_agent="Moses Frace"), "sales_agent", "did you mean 'Moses Frase'"),
    (_with(account="Nowhere Inc"), "account", "'Nowhere Inc' is not an account"),
    (_with(opportunity_id=""), "opportunity_id", "is required"),
    (_with(deal_stage="Engaging", close_value=""), "close_date",
     "a deal still in Engaging has no close date"),
    (_with(deal_stage="Engaging", close_date="", close_value="10"), "close_value",
     "only a won deal has a close value"),
    (_with(deal_stage="Engaging", close_date="", close_value="", sales_agent="Ann Left"),
     "sales_agent", "has left and cannot own open deals"),
])
def test_a_bad_row_is_refused_by_row_and_field_and_nothing_is_written(
        company: FakeWorkspace, row: list[str], field: str, words: str) -> None:
    before = company.snapshot()
    with pytest.raises(ImportRefused) as refused:
        run(company, SAMPLE_ROWS[0], row)
    message = str(refused.value)
    assert f"row 3, field '{field}'" in message and words in message
    assert "1 problem(s)" in message
    assert company.snapshot() == before and company.commits == 0


def test_every_bad_row_is_reported_at_once(company: FakeWorkspace) -> None:
    with pytest.raises(ImportRefused) as refused:
        run(company, _with(close_value="x"), SAMPLE_ROWS[1],
            _with(opportunity_id="R8", account="Nope"))
    assert [p.split(":")[0] for p in refused.value.problems] == \
        ["row 2, field 'close_value'", "row 4, field 'account'"]


def test_a_reference_given_twice_with_other_values_is_refused(company: FakeWorkspace) -> None:
    with pytest.raises(ImportRefused, match="R9 is also on row 2 with other values"):
        run(company, GOOD, _with(close_value="200"))
    report = run(company, GOOD, GOOD)  # the very same row twice: imported once
    assert len(report.created) == 1 and report.skipped == ["row 3: R9: same as row 2"]


def test_a_former_member_may_own_a_closed_deal(company: FakeWorkspace) -> None:
    run(company, _with(sales_agent="Ann Left"))
    assert deal(company, "R9").owner_id == company.one("members", "Ann Left").id


def test_missing_columns_are_named(company: FakeWorkspace) -> None:
    with pytest.raises(ImportRefused, match="missing column 'stage'"):
        run(company, ["R1", "Engaging"], headers=["opportunity_id", "status"])


# --- importing again ---------------------------------------------------------------------
def test_importing_the_same_file_again_changes_nothing(company: FakeWorkspace) -> None:
    run(company, *SAMPLE_ROWS)
    before = company.snapshot()

    report = import_deals(company, make_table(HEADERS, *SAMPLE_ROWS),
                          now=datetime(2024, 2, 1, tzinfo=UTC))

    assert (report.created, report.updated) == ([], [])
    assert report.skipped == [f"row {i + 2}: {r[0]}: unchanged" for i, r in
                              enumerate(SAMPLE_ROWS)]
    assert report.notes == []
    assert company.snapshot() == before


def test_a_reimport_moves_a_deal_that_closed_since(company: FakeWorkspace) -> None:
    run(company, *SAMPLE_ROWS)
    engaging = deal(company, "ZZJ8VP3T")

    report = run(company, ["ZZJ8VP3T", "Moses Frase", "GTX Pro", "Isdom", "Won",
                           "2023-12-02", "2024-01-05", "4700"], *SAMPLE_ROWS[:2])

    assert report.updated == ["deal ZZJ8VP3T (owner, account, stage)"]
    assert len(report.skipped) == 2
    won = deal(company, "ZZJ8VP3T")
    assert won.id == engaging.id and stage_name(company, won) == "Won"
    assert (won.won_on, won.won_amount, won.stage_entered_at) == \
        (date(2024, 1, 5), Decimal("4700.00"), at("2024-01-05"))
    assert [h[:3] for h in history(company, won.id)] == [
        (None, "Engaging", at("2023-12-02")), ("Engaging", "Won", at("2024-01-05"))]
    assert len(company.live("deals")) == 4


def test_a_reimport_with_another_product_replaces_the_line(company: FakeWorkspace) -> None:
    run(company, SAMPLE_ROWS[0])
    report = run(company, [*SAMPLE_ROWS[0][:2], "MG Special", *SAMPLE_ROWS[0][3:]])

    assert report.updated == ["deal 1C1I7A6R (product)"]
    won = deal(company, "1C1I7A6R")
    [line] = [x for x in company.live("deal_lines") if x.deal_id == won.id]
    assert line.product_id == company.one("products", "MG Special").id
    assert (won.amount, won.won_amount) == (Decimal("55.00"), Decimal("4514.50"))


def test_a_reimport_gives_a_dateless_deal_the_history_of_its_row(
        company: FakeWorkspace) -> None:
    run(company, SAMPLE_ROWS[3])  # Prospecting, no date: starts at the import
    report = run(company, [*SAMPLE_ROWS[3][:4], "Engaging", "2023-12-20", "", ""])

    assert report.updated == ["deal 6U6BBXIL (stage)"]
    engaging = deal(company, "6U6BBXIL")
    assert (engaging.created_on, engaging.stage_entered_at) == \
        (date(2023, 12, 20), at("2023-12-20"))
    assert [h[:3] for h in history(company, engaging.id)] == [
        (None, "Engaging", at("2023-12-20"))]  # the import-time entry is gone
    assert not any("no date" in n for n in report.notes)


def test_a_reimport_keeps_the_lost_reason_given_in_the_app(company: FakeWorkspace) -> None:
    run(company, SAMPLE_ROWS[1])
    price = next(r for r in company.live("lost_reasons") if r.name == "Price")
    stored = company.data["deals"][deal(company, "EC4QE1BX").id]
    stored.lost_reason_id = price.id  # as the deal dialog would record it

    report = run(company, SAMPLE_ROWS[1])

    assert report.skipped == ["row 2: EC4QE1BX: unchanged"] and report.notes == []
    assert deal(company, "EC4QE1BX").lost_reason_id == price.id


def test_a_guess_is_never_made_from_an_earlier_guess() -> None:
    pro = Product(name="GTX Pro", list_price=Decimal("1.00"))
    matcher = ProductMatcher([pro])
    assert matcher.resolve("GTX Proo") is pro
    assert matcher.resolve("GTX Proooo") is None  # close to "GTX Proo", not to "GTX Pro"


def test_a_name_about_as_close_to_two_products_is_not_guessed() -> None:
    a = Product(name="Alpha 100", list_price=Decimal("1.00"))
    b = Product(name="Alpha 200", list_price=Decimal("1.00"), aliases=["Alpha 200 Kit"])
    matcher = ProductMatcher([a, b])
    assert matcher.resolve("Alpha 1000") is a  # 94 for a, 82 for b
    assert matcher.resolve("Alpha 00") is None  # 93 for both
    # b's name (94) and alias (90) are both close; a (82) is far behind: b
    assert matcher.resolve("Alpha 200 K") is b
