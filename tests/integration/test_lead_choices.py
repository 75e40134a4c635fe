"""storage.lead_choices on SQLite and PostgreSQL: the filter chips' choices, the sources
read by a skip scan equal to a plain DISTINCT."""

from __future__ import annotations

import sqlalchemy as sa

from salesdesk.storage import tables as t
from salesdesk.storage.lead_choices import lead_choices
from salesdesk.storage.workspace import Workspace

from .lead_data import book


def test_choices_match_the_book(workspace: Workspace) -> None:
    data = book(workspace, 80)
    with workspace.engine.connect() as conn:
        choices = lead_choices(conn)
        distinct = sorted(v for v in conn.execute(
            sa.select(t.leads.c.source).distinct()).scalars() if v)
    assert list(choices.sources) == distinct
    assert set(distinct) == {x.source for x in data.leads if x.source}
    assert dict(choices.owners) == {i: n for n, i in data.members.items()}
    assert [n for _i, n in choices.territories] == sorted(data.territories)


def test_an_empty_workspace_offers_no_sources(workspace: Workspace) -> None:
    with workspace.engine.connect() as conn:
        choices = lead_choices(conn)
    assert choices.sources == () and choices.owners == ()
