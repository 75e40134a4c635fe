"""Exporting the roster and accounts as .xlsx or .csv (chosen by the file's suffix);
formula-like text is neutralised as in every other export."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

import sqlalchemy as sa

from salesdesk.storage import queries
from salesdesk.storage.report_export import Column, Sheet, save_csv, save_xlsx

TEAM_HEADERS = ("name", "email", "role", "manager", "team", "hire_date", "ramp_months",
                "capacity", "territories", "active")
ACCOUNT_HEADERS = ("account", "sector", "country", "region", "postcode", "employees",
                   "revenue", "subsidiary_of", "territory")


def _write(path: Path, headers: Sequence[str], rows: list[list[Any]]) -> int:
    """One sheet through report_export, so text that looks like a formula (a company
    named "=HYPERLINK(...)" typed into a lead and converted) goes out as text."""
    sheet = Sheet(path.stem or "Sheet1", tuple(Column(h) for h in headers),
                  tuple(tuple(row) for row in rows))
    if path.suffix.lower() == ".csv":
        save_csv([sheet], path)
    else:
        save_xlsx([sheet], path)
    return len(rows)


def export_team(engine: sa.Engine, path: Path) -> int:
    """The roster in the column layout `salesdesk import team` reads back."""
    with engine.connect() as conn:
        members = queries.members(conn)
    rows = [[m.name, m.email or "", m.role, m.manager or "", m.team or "",
             m.hire_date.isoformat() if m.hire_date else "", m.ramp_months, m.capacity,
             "; ".join(m.territories), "yes" if m.active else "no"] for m in members]
    return _write(path, TEAM_HEADERS, rows)


def export_accounts(engine: sa.Engine, path: Path) -> int:
    with engine.connect() as conn:
        total = queries.account_count(conn)
        accounts = queries.accounts(conn, limit=max(total, 1))
    rows = [[a.name, a.sector, a.country, a.region, a.postcode,
             a.employees if a.employees is not None else "",
             str(a.revenue_m) if a.revenue_m is not None else "", a.parent or "",
             a.territory or ""] for a in accounts]
    return _write(path, ACCOUNT_HEADERS, rows)
