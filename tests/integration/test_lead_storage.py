"""Leads in the workspace on SQLite and PostgreSQL: the mapped entity and its storage-only
columns, bulk inserts, search staying in step, owners set in bulk, segment rules, export."""

from __future__ import annotations

import csv
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
import sqlalchemy as sa

from salesdesk.domain.errors import NotFoundError
from salesdesk.domain.lead_activities import LeadActivity
from salesdesk.domain.lead_segments import DEFAULT_SEGMENTS, Segment
from salesdesk.domain.leads import Lead, LeadData
from salesdesk.domain.members import Member
from salesdesk.storage import lead_bulk, lead_queries, tables
from salesdesk.storage.lead_export import export_leads
from salesdesk.storage.workspace import Workspace

from .lead_data import T0, make_leads

CLOCK = lead_queries.Clock.at(T0)


def links(ws: Workspace) -> set[tuple[str, str]]:
    with ws.engine.connect() as conn:
        return {tuple(r) for r in conn.execute(sa.select(tables.lead_segment_links))}


def search(ws: Workspace, text: str) -> set[str]:
    with ws.engine.connect() as conn:
        page = lead_queries.page(conn, lead_queries.LeadFilter(search=text), clock=CLOCK,
                                 limit=10_000)
    return {r.id for r in page.rows}


def test_a_lead_round_trips_with_its_keys_links_and_arrival(workspace: Workspace) -> None:
    part = {"points": 5, "kind": "rule", "subject": "x", "detail": ""}
    lead = Lead(person_name="Ann Lée", email="Ann@Acme.example", company="ACME, Inc.",
                segments=["Hot"], manual_segments=["VIP"], score_parts=[part])
    with workspace.uow() as uow:
        uow.leads.add(lead)
        uow.commit()
    with workspace.uow() as uow:
        stored = uow.leads.get(lead.id)
        assert (stored.email, stored.segments, stored.score_parts[0]["points"]) == (
            "ann@acme.example", ["Hot", "VIP"], 5)
        assert stored.received_at == stored.created_at is not None
        assert (stored._person_key, stored._company_key) == ("ann lée", "acme")  # type: ignore[attr-defined]
        stored.set_segments(["warm"])  # the hand-made VIP stays
        stored.update(person_name="Anne Lee")
        uow.commit()
    assert links(workspace) == {("warm", lead.id), ("vip", lead.id)}
    assert search(workspace, "anne") == {lead.id} and search(workspace, "acme") == {lead.id}
    with workspace.uow() as uow:
        uow.leads.get(lead.id).deleted_at = datetime.now(UTC)
        uow.commit()
    assert links(workspace) == set() and search(workspace, "anne") == set()
    with workspace.uow() as uow:
        with pytest.raises(NotFoundError, match="lead .* does not exist"):
            uow.leads.get(lead.id)
        uow.leads.get_deleted(lead.id).deleted_at = None
        uow.commit()
    assert links(workspace) == {("warm", lead.id), ("vip", lead.id)}


@pytest.mark.parametrize("n", [5, lead_bulk.BULK_MIN + 10])
def test_bulk_inserts_match_the_orm(workspace: Workspace, n: int) -> None:
    leads = make_leads(n, seed=n)
    with workspace.uow(actor="importer") as uow:
        uow.leads.add_many(leads, "file.csv")
        uow.commit()
    with workspace.uow() as uow:
        stored = {x.id: x for x in uow.leads.get_many([x.id for x in leads])}
        assert len(stored) == n
        for lead in leads:
            got = stored[lead.id]
            for name in ("person_name", "email", "company", "segments", "score", "status",
                         "received_at", "sla_due_at", "first_contacted_at", "notes"):
                assert getattr(got, name) == getattr(lead, name), name
            assert got.updated_by == "importer" and got.version == 1
    assert links(workspace) == {(s.lower(), x.id) for x in leads for s in x.segments}
    named = {x.id for x in leads if "bob" in x.person_name.lower()}
    assert search(workspace, "bob") == named
    with workspace.engine.connect() as conn:
        logged = conn.execute(sa.select(tables.change_log.c.changes).where(
            tables.change_log.c.op == "bulk")).scalars().all()
        assert sum(len(c["ids"][1]) for c in logged) == n
        triggers = conn.exec_driver_sql(
            "SELECT name FROM sqlite_master WHERE type = 'trigger'").scalars().all() \
            if conn.dialect.name == "sqlite" else ["leads_fts_insert"]
    assert "leads_fts_insert" in triggers  # put back after a paused bulk insert


def test_a_failed_bulk_insert_leaves_nothing_behind(workspace: Workspace) -> None:
    leads = make_leads(lead_bulk.BULK_MIN + 1)
    leads[-1].owner_id = "no-such-member"  # the deferred foreign key fails at commit
    with workspace.uow() as uow:
        uow.leads.add_many(leads)
        with pytest.raises(sa.exc.IntegrityError):
            uow.commit()
    with workspace.engine.connect() as conn:
        assert conn.execute(sa.select(sa.func.count()).select_from(tables.leads)).scalar() == 0
    lead = Lead(person_name="After", email="after@x.example")
    with workspace.uow() as uow:
        uow.leads.add(lead)
        uow.commit()
    assert search(workspace, "after") == {lead.id}  # the trigger is still there


def test_key_matches_open_counts_and_routable(workspace: Workspace) -> None:
    rep = Member(name="Ann Rep")
    with workspace.uow() as uow:
        uow.members.add(rep)
        uow.commit()
    due = T0 + timedelta(hours=1)
    leads = [LeadData(person_name="Jon Smith", company="Acme Inc", email="jon@acme.example",
                      sla_due_at=due),
             LeadData(person_name="Zoe Park", company="Globex", received_at=T0),
             LeadData(person_name="Bo Ek", owner_id=rep.id),
             LeadData(person_name="Al Bo", owner_id=rep.id, status="converted"),
             LeadData(person_name="Cy Do", received_at=T0 - timedelta(days=1))]
    with workspace.uow() as uow:
        assert uow.leads.key_matches(["jon@acme.example"], [], []) == []
        uow.leads.add_many(leads)
        uow.commit()
    with workspace.uow() as uow:
        found = uow.leads.key_matches(["jon@acme.example", "x@y.example"], ["zoe park"],
                                      ["acme"])
        assert sorted(found) == sorted([(leads[0].id, "jon@acme.example", "jon smith",
                                         "acme"), (leads[1].id, None, "zoe park", "globex")])
        assert uow.leads.open_counts() == {rep.id: 1}
        assert [x.id for x in uow.leads.routable()] == [leads[0].id, leads[4].id,
                                                        leads[1].id]


def test_owners_change_in_bulk_only_where_still_expected(workspace: Workspace) -> None:
    rep, other = Member(name="Ann Rep"), Member(name="Bob Rep")
    leads = [LeadData(person_name=f"L{i}") for i in range(3)]
    with workspace.uow() as uow:
        uow.members.add(rep)
        uow.members.add(other)
        uow.commit()
    with workspace.uow() as uow:
        uow.leads.add_many(leads)
        uow.commit()
    with workspace.uow(actor="router") as uow:
        uow.leads.get(leads[2].id).assign(other.id)
        uow.session.flush()
        done = uow.leads.set_owners([(x.id, None, rep.id) for x in leads])
        uow.commit()
    assert done == [leads[0].id, leads[1].id]
    with workspace.uow() as uow:
        stored = {x.id: x for x in uow.leads.get_many([x.id for x in leads])}
        assert [stored[x.id].owner_id for x in leads] == [rep.id, rep.id, other.id]
        assert (stored[leads[0].id].version, stored[leads[0].id].updated_by) == (2, "router")
    with workspace.engine.connect() as conn:
        log = conn.execute(sa.select(tables.change_log.c.entity_id, tables.change_log.c.changes)
                           .where(tables.change_log.c.actor == "router")).all()
    assert {(i, c["owner_id"][1]) for i, c in log} >= {(leads[0].id, rep.id),
                                                       (leads[1].id, rep.id)}


def test_segment_rules_are_seeded_and_saved(workspace: Workspace) -> None:
    with workspace.uow() as uow:
        assert uow.lead_segments.load() == list(DEFAULT_SEGMENTS)
        rules = [Segment("VIP", plan="call the CEO"), *DEFAULT_SEGMENTS[3:]]
        uow.lead_segments.save(rules)
        uow.commit()
    with workspace.uow() as uow:
        assert uow.lead_segments.load() == rules
    with workspace.engine.connect() as conn:
        ops = conn.execute(sa.select(tables.change_log.c.op).where(
            tables.change_log.c.entity == "lead_segments")).scalars().all()
    assert sorted(ops) == ["delete"] * 3 + ["insert"] + ["update"] * 3


def test_activities_are_stored(workspace: Workspace) -> None:
    lead = Lead(person_name="Ann")
    with workspace.uow() as uow:
        uow.leads.add(lead)
        uow.lead_activities.add(LeadActivity(lead_id=lead.id, kind="call", at=T0,
                                             subject="first call", detail={"minutes": 5}))
        uow.commit()
    with workspace.uow() as uow:
        [activity] = uow.lead_activities.find(lead_id=lead.id)
        assert (activity.kind.value, activity.at, activity.detail) == (
            "call", T0, {"minutes": 5})


@pytest.mark.parametrize("suffix", [".csv", ".xlsx"])
def test_exports_neutralise_formula_like_text(workspace: Workspace, tmp_path: Path,
                                              suffix: str) -> None:
    lead = LeadData(person_name="=1+1", company="@SUM(A1)", phone="+33 1 23 45 67 89",
                    notes="=HYPERLINK(\"http://x\")")
    with workspace.uow() as uow:
        uow.leads.add_many([lead])
        uow.commit()
    path = tmp_path / f"leads{suffix}"
    with workspace.engine.connect() as conn:
        assert export_leads(conn, path, lead_queries.LeadFilter(), CLOCK) == 1
    if suffix == ".csv":
        with path.open(encoding="utf-8", newline="") as f:
            row = list(csv.reader(f))[1]
        assert row[0] == "'=1+1" and row[2] == "'+33 1 23 45 67 89"
        assert row[4] == "'@SUM(A1)" and row[20] == "'=HYPERLINK(\"http://x\")"
        return
    from openpyxl import load_workbook

    sheet = load_workbook(path).active
    assert sheet is not None
    cell = sheet.cell(row=2, column=1)
    assert cell.value == "=1+1" and cell.data_type == "s" and cell.quotePrefix
