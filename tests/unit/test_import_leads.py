"""services.import_leads on the fake unit of work: reading, refusing, deduplicating."""

from __future__ import annotations

from datetime import UTC, datetime, time, timedelta

import pytest

from salesdesk.domain.leads import Lead, LeadStatus
from salesdesk.domain.members import Member
from salesdesk.domain.territories import Criterion, Territory
from salesdesk.services import lead_settings
from salesdesk.services.import_leads import (
    LeadImportRefused,
    import_leads,
    preview_lead_import,
)

from .fakes import FakeWorkspace, make_table

NOW = datetime(2026, 11, 25, 12, 0, tzinfo=UTC)  # a Wednesday
HEADERS = ["Name", "Email", "Company", "Phone", "Source", "Notes"]


@pytest.fixture
def ws() -> FakeWorkspace:
    ws = FakeWorkspace()
    ws.seed(Member(name="Anna Rep", email="anna@corp.example"),
            Member(name="Old Timer", left_on=datetime(2025, 1, 1).date()))
    return ws


def leads(ws: FakeWorkspace) -> dict[str, Lead]:
    return {x.email or x.person_name: x for x in ws.live("leads")}


def run(ws: FakeWorkspace, *rows: list[str], headers: list[str] = HEADERS, **kw):
    return import_leads(ws, make_table(headers, *rows), now=NOW, **kw)


def refusals(ws: FakeWorkspace, *rows: list[str], headers: list[str] = HEADERS) -> list[str]:
    before = ws.snapshot()
    with pytest.raises(LeadImportRefused) as caught:
        run(ws, *rows, headers=headers)
    assert ws.snapshot() == before  # all or nothing
    return caught.value.report.refused


def test_leads_are_created_scored_segmented_and_given_an_sla(ws: FakeWorkspace) -> None:
    report = run(ws, ["Ann Lee", "Ann@Acme.example", "Acme Inc", "+33 1 23 45 67 89",
                      "Referral", ""], ["Bob Roy", "", "Globex", "", "web", ""])
    assert report.lines()[0] == ("test.csv: 2 created, 0 merged, 0 updated, 0 skipped, "
                                 "0 refused")
    ann = leads(ws)["ann@acme.example"]
    assert (ann.source, ann.status, ann.received_at) == ("referral", LeadStatus.NEW, NOW)
    assert ann.score == 20 and [p["subject"] for p in ann.score_parts] == [
        "source referral", "gave a phone number"]
    assert ann.segments == ["cold"]
    assert ann.sla_due_at == datetime(2026, 11, 30, 12, 0, tzinfo=UTC)  # 3 business days
    assert "the new leads' SLA clocks start at this import" in " ".join(report.notes)


def test_every_refused_row_is_named_with_its_column_and_nothing_is_written(
        ws: FakeWorkspace) -> None:
    problems = refusals(ws, ["Ann", "ann@", "Acme", "", "", ""],
                        ["", "", "", "", "web", ""],
                        ["Bob", "", "", "12", "", ""],
                        ["Cy", "", "", "", "", "x" * 5000])
    assert problems == [
        "row 2, column 'email': 'ann@' is not a valid e-mail address",
        "row 3, column 'name': a lead needs a person's name, an e-mail or a company",
        "row 4, column 'phone': '12' is not a phone number",
        "row 5, column 'notes': is longer than 4000 characters"]


def test_statuses_dates_owners_sizes_and_segments_are_read(ws: FakeWorkspace) -> None:
    headers = ["First Name", "Last Name", "Status", "Reason", "Created", "First contact",
               "Owner", "Employees", "Tags"]
    run(ws, ["Ann", "Lee", "Unqualified", "too expensive", "2026-11-20 09:30",
             "2026-11-20T11:00:00+01:00", "ANNA REP", "51-200", "VIP; fair 2026"],
        headers=headers)
    ann = leads(ws)["Ann Lee"]
    assert (ann.status, ann.status_reason, ann.employees) == (
        LeadStatus.UNQUALIFIED, "too expensive", 51)
    assert ann.received_at == datetime(2026, 11, 20, 9, 30, tzinfo=UTC)
    assert ann.first_contacted_at == datetime(2026, 11, 20, 10, 0, tzinfo=UTC)
    assert ann.owner_id == ws.one("members", "Anna Rep").id
    assert ann.manual_segments == ["VIP", "fair 2026"]
    assert ann.segments[:3] == ["unqualified", "price objection", "cold"]
    assert ann.segments[3:] == ["VIP", "fair 2026"]
    # it arrived already contacted: its due time comes from its arrival, so speed to lead
    # can tell the contact (1 h 30 min later) was within the cold segment's SLA
    assert ann.sla_due_at is not None and ann.received_at < ann.sla_due_at
    assert ann.first_contacted_at <= ann.sla_due_at


@pytest.mark.parametrize(("cells", "problem"), [
    (["Ann", "open", "", "", ""], "column 'status': 'open' is not a lead status"),
    (["Ann", "", "03/04/2026", "", ""], "'03/04/2026' is ambiguous"),
    (["Ann", "", "2027-01-01", "", ""], "2027-01-01 is in the future"),
    (["Ann", "", "2026-11-20", "2026-11-19", ""], "the first contact is before the lead"),
    (["Ann", "", "", "", "Anna Repp"], "'Anna Repp' is not a member of the team (did you "
                                       "mean 'Anna Rep'?)"),
    (["Ann", "", "", "", "Old Timer"], "Old Timer has left and cannot own open leads"),
])
def test_refusals_say_why(ws: FakeWorkspace, cells: list[str], problem: str) -> None:
    [found] = refusals(ws, cells, headers=["Name", "Status", "Created", "First contact",
                                           "Owner"])
    assert found.startswith("row 2, column") and problem in found


def test_formula_like_cells_are_stored_as_text_and_counted(ws: FakeWorkspace) -> None:
    report = run(ws, ["=1+1", "", "@SUM(A1)", "+1 555 0100", "-", "=HYPERLINK(\"x\")"])
    lead = leads(ws)["=1+1"]
    assert (lead.person_name, lead.company, lead.notes) == ("=1+1", "@SUM(A1)",
                                                            '=HYPERLINK("x")')
    assert any(note.startswith("4 cell(s) look like spreadsheet formulas")
               for note in report.notes)


def test_duplicates_in_the_file_skip_merge_or_update(ws: FakeWorkspace) -> None:
    rows = (["Ann Lee", "ann@acme.example", "Acme", "", "web", ""],
            ["Ann Lee", " ANN@acme.example ", "Acme", "+33 1 23 45 67 89", "event", "call"])
    skipped = run(FakeWorkspace(), *rows)
    assert (len(skipped.created), len(skipped.skipped)) == (1, 1)
    assert "same lead as row 2 (same e-mail ann@acme.example)" in skipped.skipped[0]
    ws_merge, ws_update = FakeWorkspace(), FakeWorkspace()
    merged = run(ws_merge, *rows, on_duplicate="merge")
    assert merged.merged == ["row 3 into row 2: phone, notes (same e-mail ann@acme.example)"]
    ann = leads(ws_merge)["ann@acme.example"]
    assert (ann.source, ann.phone, ann.notes) == ("web", "+33 1 23 45 67 89", "call")
    run(ws_update, *rows, on_duplicate="update")
    assert leads(ws_update)["ann@acme.example"].source == "event"


def test_duplicates_of_workspace_leads_and_choices_per_group(ws: FakeWorkspace) -> None:
    ws.seed(Lead(person_name="Ann Lee", email="ann@acme.example", company="Acme",
                 source="web", created_at=NOW - timedelta(days=9)),
            Lead(person_name="Jon Smith", company="Globex", source="web",
                 created_at=NOW - timedelta(days=9)))
    rows = (["Ann Lee", "ann@acme.example", "Acme", "+33 1 23 45 67 89", "event", ""],
            ["John Smith", "", "Globex Inc.", "", "partner", ""],
            ["Zoe Park", "", "Initech", "", "", ""])
    preview = preview_lead_import(ws, make_table(HEADERS, *rows), now=NOW)
    assert [g.key for g in preview.groups] == ["row 2", "row 3"]
    assert ws.commits == 0
    report = run(ws, *rows, on_duplicate="update", choices={"row 3": "skip"})
    assert [x.split(":")[0] for x in report.created] == ["row 4"]
    assert report.updated == ["row 2 into lead Ann Lee: phone, source (same e-mail "
                              "ann@acme.example)"]
    assert report.skipped[0].startswith("row 3: John Smith: already in the workspace as "
                                        "Jon Smith (similar names at one company")
    now = leads(ws)
    assert (now["ann@acme.example"].source, now["Jon Smith"].source) == ("event", "web")
    assert now["ann@acme.example"].score_parts  # scored again after the update
    assert len(now) == 3


def test_update_leaves_out_a_status_move_the_rules_refuse(ws: FakeWorkspace) -> None:
    converted = Lead(person_name="Ann Lee", email="ann@acme.example", status="converted")
    ws.seed(converted)
    report = run(ws, ["Ann Lee", "ann@acme.example", "new"],
                 headers=["Name", "Email", "Status"], on_duplicate="update")
    assert leads(ws)["ann@acme.example"].status is LeadStatus.CONVERTED
    assert "status left as converted: cannot move from converted to new" in report.notes[0]


def test_the_mapping_is_remembered_per_layout(ws: FakeWorkspace) -> None:
    headers = ["Who", "Mail"]
    run(ws, ["Ann", "ann@acme.example"], headers=headers,
        fields={"person_name": "who", "email": "mail"})
    with ws.uow() as uow:
        assert lead_settings.remembered_mapping(uow, ("who", "mail")) == {
            "person_name": "who", "email": "mail"}
    preview = preview_lead_import(ws, make_table(headers, ["Bob", "bob@x.example"]))
    assert preview.mapping.source == "remembered"
    assert preview.mapping.fields == {"person_name": "who", "email": "mail"}


def test_territories_land_as_for_an_account(ws: FakeWorkspace) -> None:
    france = Territory(name="France", criteria=[Criterion("country", ("France",))])
    ws.seed(france)
    run(ws, ["Ann", "", "Acme", "", "", ""], headers=HEADERS)
    run(ws, ["Bob", "FRANCE"], headers=["Name", "Country"])
    assert leads(ws)["Bob"].territory_id == france.id
    assert leads(ws)["Ann"].territory_id is None


def test_an_empty_file_and_a_file_without_identity_are_refused(ws: FakeWorkspace) -> None:
    assert refusals(ws, headers=["Name"]) == ["the file has column names but no data rows"]
    with pytest.raises(Exception, match="who the lead is"):
        run(ws, ["x"], headers=["Colour"])


def test_times_without_a_zone_are_in_the_workspaces_zone(ws: FakeWorkspace) -> None:
    with ws.uow() as uow:
        lead_settings.save_business_hours(uow, time(9), time(17), "Europe/Paris")
        uow.commit()
    run(ws, ["Ann", "2026-11-20 09:30", "2026-11-20T10:00:00Z"],
        headers=["Name", "Created", "First contact"])
    ann = leads(ws)["Ann"]
    assert ann.received_at == datetime(2026, 11, 20, 8, 30, tzinfo=UTC)  # 09:30 in Paris
    assert ann.first_contacted_at == datetime(2026, 11, 20, 10, 0, tzinfo=UTC)


def test_a_refusal_quotes_a_cell_on_one_line(ws: FakeWorkspace) -> None:
    [problem] = refusals(ws, ["Ann", "12\r\n34\tx"], headers=["Name", "Employees"])
    assert problem == "row 2, column 'employees': '12 34 x' is not a whole number"
