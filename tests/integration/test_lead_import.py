"""The lead import on SQLite and PostgreSQL: a file big enough for the bulk path lands
whole (search, segment links, indexes and the engine's settings as they were), stays
searchable through later edits, finds duplicates among the workspace's leads, and a
refused file leaves every table exactly as it was."""

from __future__ import annotations

import csv
import uuid
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path

import pytest
import sqlalchemy as sa

from salesdesk.domain.leads import LeadData, company_key, person_key
from salesdesk.services.import_leads import LeadImportRefused, import_leads
from salesdesk.storage import checkpoints, lead_bulk, lead_queries, tables
from salesdesk.storage.files import read_table
from salesdesk.storage.workspace import Workspace

NOW = datetime(2026, 11, 25, 12, 0, tzinfo=UTC)
N = lead_bulk.BULK_MIN + 40
TABLES = ("leads", "lead_segment_links", "change_log", "settings")


def write_csv(path: Path, rows: list[list[str]]) -> Path:
    with path.open("w", newline="", encoding="utf-8") as f:
        writer = csv.writer(f)
        writer.writerow(["First Name", "Last Name", "Email", "Company", "Source", "Notes",
                         "Created"])
        writer.writerows(rows)
    return path


def book(n: int, start: int = 0) -> list[list[str]]:
    return [[f"Per{i}", f"Son{i}", f"p{i}@c{i % 50}.example", f"Company {i}",
             ("web", "Referral", "event")[i % 3], "=HYPERLINK(\"x\")" if i % 10 == 0 else "",
             f"2026-11-{1 + i % 20:02d} {9 + i % 8:02d}:{i % 60:02d}"]
            for i in range(start, start + n)]


def search(ws: Workspace, text: str) -> set[str]:
    with ws.engine.connect() as conn:
        page = lead_queries.page(conn, lead_queries.LeadFilter(search=text),
                                 clock=lead_queries.Clock.at(NOW), limit=10_000)
    return {r.person_name for r in page.rows}


def counts(ws: Workspace) -> dict[str, int]:
    with ws.engine.connect() as conn:
        found = {t: conn.execute(sa.select(sa.func.count()).select_from(
            tables.metadata.tables[t])).scalar_one() for t in TABLES}
        if conn.dialect.name == "sqlite":
            found["leads_fts"] = conn.exec_driver_sql(
                "SELECT count(*) FROM leads_fts_docsize").scalar_one()
    return found


def schema(ws: Workspace) -> set[tuple[str, str]]:
    with ws.engine.connect() as conn:
        if conn.dialect.name != "sqlite":
            return {(r[0], r[1]) for r in conn.exec_driver_sql(
                "SELECT indexname, indexdef FROM pg_indexes WHERE tablename = 'leads'")}
        return {(r[0], r[1]) for r in conn.exec_driver_sql(
            "SELECT name, coalesce(sql, '') FROM sqlite_master WHERE tbl_name = 'leads'")}


def test_a_big_file_lands_whole_and_stays_searchable(workspace: Workspace,
                                                     tmp_path: Path) -> None:
    before = schema(workspace)
    table = read_table(write_csv(tmp_path / "leads.csv", book(N)))
    report = import_leads(workspace.uow, table, now=NOW)
    assert len(report.created) == N and not report.skipped
    assert any("look like spreadsheet formulas" in n for n in report.notes)
    found = counts(workspace)
    assert found["leads"] == N and found.get("leads_fts", N) == N
    assert schema(workspace) == before  # indexes and the search trigger are back
    assert "Per17 Son17" in search(workspace, "per17")  # words match by their start
    with workspace.engine.connect() as conn:
        stored = conn.execute(sa.select(tables.leads.c.notes, tables.leads.c.person_key)
                              .where(tables.leads.c.email == "p10@c10.example")).one()
        if conn.dialect.name == "sqlite":
            assert conn.exec_driver_sql("PRAGMA cache_size").scalar_one() == -2000
            assert conn.exec_driver_sql("PRAGMA analysis_limit").scalar_one() == 0
    assert tuple(stored) == ("=HYPERLINK(\"x\")", "per10 son10")  # as typed, never run
    with workspace.uow() as uow:
        leads = uow.leads.get_many([i for i, *_ in uow.leads.key_matches(
            ["p17@c17.example"], [], [])])
        assert [x.person_name for x in leads] == ["Per17 Son17"]
        leads[0].update(person_name="Renamed Person")
        uow.commit()
    assert "Per17 Son17" not in search(workspace, "per17")
    assert search(workspace, "renamed") == {"Renamed Person"}


def test_segment_links_follow_every_imported_lead(workspace: Workspace,
                                                  tmp_path: Path) -> None:
    import_leads(workspace.uow, read_table(write_csv(tmp_path / "a.csv", book(N))), now=NOW)
    with workspace.engine.connect() as conn:
        segments = conn.execute(sa.select(tables.leads.c.id, tables.leads.c.segments)
                                ).all()
        links = set(conn.execute(sa.select(tables.lead_segment_links.c.segment,
                                           tables.lead_segment_links.c.lead_id)).tuples())
    assert links == {(s.lower(), i) for i, names in segments for s in names}
    assert links  # the shipped rules put every lead in hot, warm or cold


def test_duplicates_of_stored_leads_are_found_both_ways(workspace: Workspace,
                                                        tmp_path: Path) -> None:
    import_leads(workspace.uow, read_table(write_csv(tmp_path / "a.csv", book(N))), now=NOW)
    again = book(3, start=5) + book(2, start=N)  # 3 known e-mails, 2 new leads
    again[0][2] = again[0][2].upper()
    report = import_leads(workspace.uow, read_table(write_csv(tmp_path / "b.csv", again)),
                          now=NOW)
    assert (len(report.created), len(report.skipped)) == (2, 3)
    with workspace.uow() as uow:  # few keys: looked up; as many keys as leads: all read
        few = uow.leads.key_matches(["p5@c5.example"], ["per6 son6"], [company_key("Company 7")])
        many = uow.leads.key_matches([f"p{i}@c{i % 50}.example" for i in range(N + 10)],
                                     [], [])
    assert sorted(r[1] for r in few) == ["p5@c5.example", "p6@c6.example", "p7@c7.example"]
    assert len(many) == N + 2
    assert {(r[2], r[3]) for r in many} == {(person_key(f"Per{i} Son{i}"),
                                             company_key(f"Company {i}"))
                                            for i in range(N + 2)}


def test_a_refused_file_leaves_every_table_as_it_was(workspace: Workspace,
                                                     tmp_path: Path) -> None:
    import_leads(workspace.uow, read_table(write_csv(tmp_path / "a.csv", book(10))),
                 now=NOW)
    before, shape = counts(workspace), schema(workspace)
    rows = book(N, start=100)
    rows[-1][2] = "not-an-address@"
    with pytest.raises(LeadImportRefused) as caught:
        import_leads(workspace.uow, read_table(write_csv(tmp_path / "b.csv", rows)),
                     now=NOW)
    assert caught.value.report.refused == [
        f"row {N + 1}, column 'email': 'not-an-address@' is not a valid e-mail address"]
    assert counts(workspace) == before and schema(workspace) == shape
    assert search(workspace, "per5") == {"Per5 Son5"}


def test_naive_times_are_read_in_the_workspaces_zone(workspace: Workspace,
                                                     tmp_path: Path) -> None:
    from datetime import time

    from salesdesk.services import lead_settings

    with workspace.uow() as uow:
        lead_settings.save_business_hours(uow, time(9), time(17), "Europe/Paris")
        uow.commit()
    rows = [["Ann", "Lee", "ann@x.example", "Acme", "web", "", "2026-11-20 09:30"]]
    import_leads(workspace.uow, read_table(write_csv(tmp_path / "a.csv", rows)), now=NOW)
    with workspace.uow() as uow:
        [lead] = uow.leads.list()
        assert isinstance(lead, LeadData)
        assert lead.received_at == datetime(2026, 11, 20, 8, 30, tzinfo=UTC)


@pytest.mark.parametrize("suffix", [".csv", ".xlsx"])
def test_imported_formulas_stay_text_and_every_export_neutralises_them(
        workspace: Workspace, tmp_path: Path, suffix: str) -> None:
    from salesdesk.storage.lead_export import export_leads

    nasty = ["=cmd|' /C calc'!A0", "+1+1", "-2+3", "@SUM(1+1)", "=HYPERLINK(\"http://x\")"]
    rows = [[f"Per{i}", f"Son{i}", f"p{i}@x.example", text, "web", text, ""]
            for i, text in enumerate(nasty)]
    import_leads(workspace.uow, read_table(write_csv(tmp_path / "in.csv", rows)), now=NOW)
    path = tmp_path / f"out{suffix}"
    with workspace.engine.connect() as conn:
        companies = set(conn.execute(sa.select(tables.leads.c.company)).scalars())
        assert companies == set(nasty)  # stored as typed
        export_leads(conn, path, lead_queries.LeadFilter(), lead_queries.Clock.at(NOW))
    if suffix == ".csv":
        with path.open(encoding="utf-8-sig", newline="") as f:
            cells = [c for row in list(csv.reader(f))[1:] for c in row]
        assert [c for c in cells if c.startswith(("=", "+", "-", "@"))] == []
        assert {"'" + text for text in nasty} <= set(cells)
        return
    from openpyxl import load_workbook

    sheet = load_workbook(path).active
    assert sheet is not None
    cells = [c for row in sheet.iter_rows(min_row=2) for c in row]
    assert all(c.data_type != "f" for c in cells)
    assert {c.value for c in cells if c.quotePrefix} >= set(nasty)


def stored_rows(ws: Workspace) -> list[tuple[object, ...]]:
    """Every lead as stored, but its id and stamps, sorted; and its segment links."""
    skip = {"id", "created_at", "updated_at", "received_at", "sla_due_at"}
    columns = [c for c in tables.leads.c if c.name not in skip]
    with ws.engine.connect() as conn:
        rows = conn.execute(sa.select(*columns)).tuples().all()
        links = conn.execute(sa.select(tables.lead_segment_links.c.segment,
                                       tables.leads.c.email)
                             .join(tables.leads)).tuples().all()
    return sorted(map(repr, rows)) + sorted(map(repr, links))  # type: ignore[arg-type]


def test_a_helper_process_stores_what_one_process_stores(
        workspace: Workspace, open_ws: Callable[..., Workspace], backend: str,
        request: pytest.FixtureRequest, tmp_path: Path) -> None:
    if backend == "sqlite":
        other = open_ws(tmp_path / "one-process.sqlite")
    else:
        server = request.getfixturevalue("postgres_server")
        name = f"ws_{uuid.uuid4().hex[:16]}"
        server.admin(f'CREATE DATABASE "{name}"')
        request.addfinalizer(lambda: server.admin(f'DROP DATABASE IF EXISTS "{name}" '
                                                  "WITH (FORCE)"))
        other = open_ws(server.url_for(name))
    rows = book(N)
    rows[N - 1][2] = rows[3][2].upper()  # the helper's last row repeats the first part's
    rows[5][2] = rows[N - 5][2]  # and the other way round
    table = read_table(write_csv(tmp_path / "leads.csv", rows))
    one = import_leads(other.uow, table, on_duplicate="merge", now=NOW, helper=False)
    two = import_leads(workspace.uow, table, on_duplicate="merge", now=NOW, helper=True)
    assert one.lines() == two.lines()
    assert len(two.created) == N - 2
    assert stored_rows(workspace) == stored_rows(other)
    assert counts(workspace)["leads"] == N - 2
    assert search(workspace, f"per{N - 3}") == {f"Per{N - 3} Son{N - 3}"}


def test_a_big_import_checkpoints_after_its_commit_not_in_it(
        workspace: Workspace, backend: str, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    if backend != "sqlite":
        pytest.skip("write-ahead log checkpoints are SQLite's")
    path = workspace.engine.url.database or ""
    sizes: list[int] = []
    real = checkpoints._checkpoint

    def checkpoint(at: str) -> None:
        sizes.append(Path(at).stat().st_size)
        real(at)
        sizes.append(Path(at).stat().st_size)
    monkeypatch.setattr(checkpoints, "_checkpoint", checkpoint)
    before = Path(path).stat().st_size
    import_leads(workspace.uow, read_table(write_csv(tmp_path / "a.csv", book(N))), now=NOW)
    checkpoints.wait(path)  # the background checkpoint the import started
    assert sizes[0] == before < sizes[1]  # the commit left the pages in the log; then in
    with workspace.engine.connect() as conn:  # the import's connection, back in the pool
        assert conn.exec_driver_sql("PRAGMA wal_autocheckpoint").scalar_one() == \
            checkpoints.AUTOCHECKPOINT_PAGES
    assert counts(workspace)["leads"] == N
