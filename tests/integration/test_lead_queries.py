"""storage.lead_queries on SQLite and PostgreSQL: every sort and filter against the same
rules applied in Python, keyset and offset pages, counts, the report's figures."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

import pytest
import sqlalchemy as sa

from salesdesk.domain.leads import LeadData, LeadStatus, company_key, person_key
from salesdesk.domain.speed_to_lead import BusinessHours, SlaState, lead_sla_state
from salesdesk.domain.validation import name_key
from salesdesk.storage import lead_queries as lq
from salesdesk.storage.workspace import Workspace

from .lead_data import T0, Book, book

NOW = T0 + timedelta(days=2, hours=3)  # a Wednesday, 12:00 UTC
HOURS = BusinessHours()
CLOCK = lq.Clock.at(NOW, HOURS)
VALUE = {lq.SortKey.RECEIVED: lambda x: x.received_at, lq.SortKey.SCORE: lambda x: x.score,
         lq.SortKey.STATUS: lambda x: x.status.value, lq.SortKey.SOURCE: lambda x: x.source,
         lq.SortKey.SLA_DUE: lambda x: x.sla_due_at,
         lq.SortKey.PERSON: lambda x: person_key(x.person_name),
         lq.SortKey.COMPANY: lambda x: company_key(x.company),
         lq.SortKey.TERRITORY: lambda x: x.territory_id,
         lq.SortKey.CREATED: lambda x: x.created_at}


@pytest.fixture
def data(workspace: Workspace) -> Book:
    return book(workspace)


def expected(leads: list[LeadData], sort: lq.SortKey, descending: bool) -> list[str]:
    """Non-empty values by (value, id), then the empty ones by id; reversed within each
    part when descending (empty values stay last)."""
    get = VALUE[sort]
    filled = sorted((x for x in leads if get(x) is not None), key=lambda x: (get(x), x.id),
                    reverse=descending)
    empty = sorted((x for x in leads if get(x) is None), key=lambda x: x.id,
                   reverse=descending)
    return [x.id for x in (*filled, *empty)]


def keyset(ws: Workspace, f: lq.LeadFilter, sort: lq.SortKey, descending: bool,
           limit: int = 7) -> list[str]:
    ids: list[str] = []
    after = None
    with ws.engine.connect() as conn:
        while True:
            page = lq.page(conn, f, sort, descending, clock=CLOCK, limit=limit, after=after)
            ids += [r.id for r in page.rows]
            if page.next is None:
                return ids
            after = page.next


@pytest.mark.parametrize("sort", list(lq.SortKey))
@pytest.mark.parametrize("descending", [False, True])
def test_keyset_pages_follow_every_sort(workspace: Workspace, data: Book,
                                        sort: lq.SortKey, descending: bool) -> None:
    assert keyset(workspace, lq.LeadFilter(), sort, descending) == \
        expected(data.leads, sort, descending)


@pytest.mark.parametrize("sort", [lq.SortKey.SLA_DUE, lq.SortKey.SCORE])
def test_offset_pages_are_slices_of_the_order(workspace: Workspace, data: Book,
                                              sort: lq.SortKey) -> None:
    order = expected(data.leads, sort, True)
    with workspace.engine.connect() as conn:
        for offset in (0, 5, 37, 41, 55, 59, 70):
            page = lq.page(conn, lq.LeadFilter(), sort, True, clock=CLOCK, limit=6,
                           offset=offset)
            assert [r.id for r in page.rows] == order[offset:offset + 6], offset


def matching(data: Book, f: lq.LeadFilter) -> list[LeadData]:
    def keep(x: LeadData) -> bool:
        return ((not f.statuses or x.status.value in f.statuses)
                and (not f.segments or {name_key(s) for s in x.segments}
                     & {name_key(s) for s in f.segments})
                and (not f.owners or x.owner_id in f.owners)
                and (not f.territories or x.territory_id in f.territories)
                and (not f.sources or x.source in f.sources)
                and (not f.sla_states or lead_sla_state(x, NOW, HOURS) in f.sla_states))
    return [x for x in data.leads if keep(x)]


def filters(data: Book) -> list[lq.LeadFilter]:
    ann, west = data.members["Ann Rep"], data.territories["West"]
    return [lq.LeadFilter(statuses=("new", "qualified")),
            lq.LeadFilter(segments=("Hot",)), lq.LeadFilter(segments=("vip", "cold")),
            lq.LeadFilter(owners=(ann,)), lq.LeadFilter(owners=(None,)),
            lq.LeadFilter(owners=(ann, None), territories=(west,)),
            lq.LeadFilter(territories=(None,), sources=("web", "event")),
            *(lq.LeadFilter(sla_states=(s,)) for s in SlaState),
            lq.LeadFilter(statuses=("new", "qualified"), sla_states=(SlaState.NO_SLA,)),
            lq.LeadFilter(statuses=("new", "unqualified"),
                          sla_states=(SlaState.NO_SLA, SlaState.MET)),
            lq.LeadFilter(statuses=("new",), sla_states=(SlaState.OVERDUE,),
                          segments=("warm",))]


@pytest.mark.parametrize("budget", [0, lq.WALK_BUDGET, 10**9])
def test_filters_and_counts_select_what_the_rules_select(workspace: Workspace, data: Book,
                                                         budget: int,
                                                         monkeypatch: pytest.MonkeyPatch
                                                         ) -> None:
    monkeypatch.setattr(lq, "WALK_BUDGET", budget)  # (SQLite) never walked, as it comes, always
    with workspace.engine.connect() as conn:
        for f in filters(data):
            want = matching(data, f)
            assert lq.count(conn, f, clock=CLOCK) == len(want), f
            page = lq.page(conn, f, lq.SortKey.RECEIVED, clock=CLOCK, limit=1000)
            assert {r.id for r in page.rows} == {x.id for x in want}, f


@pytest.mark.parametrize(("budget", "cap"), [(0, 10**9), (0, 3), (10**9, 10**9)])
@pytest.mark.parametrize("sort", [lq.SortKey.RECEIVED, lq.SortKey.SLA_DUE, lq.SortKey.PERSON,
                                  lq.SortKey.STATUS, lq.SortKey.TERRITORY])
def test_filtered_pages_follow_the_order_whichever_way_they_are_found(
        workspace: Workspace, data: Book, budget: int, cap: int, sort: lq.SortKey,
        monkeypatch: pytest.MonkeyPatch) -> None:
    """On SQLite a page walks the sort's index testing every filter dimension, or when
    that runs out of budget reads the narrowest dimension through its index (whichever
    counts say, even capped counts that tie) and sorts: all give the same pages."""
    monkeypatch.setattr(lq, "WALK_BUDGET", budget)
    monkeypatch.setattr(lq, "COUNT_CAP", cap)
    for f in filters(data):
        for descending in (True, False):
            want = expected(matching(data, f), sort, descending)
            assert keyset(workspace, f, sort, descending, limit=4) == want, (f, descending)
            with workspace.engine.connect() as conn:
                page = lq.page(conn, f, sort, descending, clock=CLOCK, limit=4, offset=3)
            assert [r.id for r in page.rows] == want[3:7], (f, descending)


@pytest.mark.parametrize(("text", "wanted"), [
    ("bob", lambda x: "bob" in x.person_name.lower()),
    ("BOB ROY", lambda x: x.person_name == "Bob Roy"),
    ("x3.example", lambda x: (x.email or "").endswith("@x3.example")),
    ("initech", lambda x: x.company == "Initech"),
    ("zola émile", lambda x: x.person_name == "Émile Zola"),
])
def test_text_search(workspace: Workspace, data: Book, text: str, wanted: Any) -> None:
    f = lq.LeadFilter(search=text)
    with workspace.engine.connect() as conn:
        found = {r.id for r in lq.page(conn, f, clock=CLOCK, limit=1000).rows}
        assert found == {x.id for x in data.leads if wanted(x)}
        assert lq.count(conn, f, clock=CLOCK) == len(found)
        assert lq.count(conn, lq.LeadFilter(search="%_"), clock=CLOCK) == 0


def test_rows_carry_names_and_a_page_costs_a_few_queries(workspace: Workspace,
                                                         data: Book) -> None:
    statements: list[str] = []
    sa.event.listen(workspace.engine, "before_cursor_execute",
                    lambda *args: statements.append(args[2]))
    with workspace.engine.connect() as conn:
        page = lq.page(conn, lq.LeadFilter(search="ann"), lq.SortKey.SLA_DUE,
                       clock=CLOCK, limit=50)
    # at most: the first leads of the order (SQLite), the matches with a due time, those
    # without one, then the owners' and territories' names
    assert len(page.rows) > 0 and len(statements) <= 5
    owners = {v: k for k, v in data.members.items()}
    for row in page.rows:
        assert row.owner == owners.get(row.owner_id or "", "")
        assert isinstance(row.status, LeadStatus)


def test_the_report(workspace: Workspace, data: Book) -> None:
    with workspace.engine.connect() as conn:
        report = lq.report(conn, NOW)
    assert list(report) == ["total", "by_status", "by_segment", "unassigned", "overdue"]
    assert report["total"] == len(data.leads)
    assert report["by_status"] == {s.value: sum(x.status is s for x in data.leads)
                                   for s in LeadStatus}
    assert report["by_segment"] == {
        **{s: 0 for s in ("qualified", "unqualified", "price objection", "hot", "warm",
                          "cold")},
        **{s: sum(s in x.segments for x in data.leads)
           for s in ("hot", "warm", "cold", "price objection")},
        "vip": sum("VIP" in x.segments for x in data.leads)}
    assert report["unassigned"] == sum(x.owner_id is None and x.status.is_open
                                       for x in data.leads)
    assert report["overdue"] == sum(lead_sla_state(x, NOW, HOURS) is SlaState.OVERDUE
                                    for x in data.leads)


def test_a_naive_moment_is_refused_as_a_cursor_is_checked(workspace: Workspace,
                                                          data: Book) -> None:
    with workspace.engine.connect() as conn, pytest.raises(sa.exc.StatementError,
                                                           match="naive"):
        lq.page(conn, lq.LeadFilter(), lq.SortKey.RECEIVED, clock=CLOCK,
                after=lq.Cursor(datetime(2026, 1, 1), "x"))
