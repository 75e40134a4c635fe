"""Leads written out as a CSV file or an Excel workbook, filtered as on the board.

Text is written as stored. Cells that a spreadsheet would run as a formula (an imported
'=HYPERLINK(...)', a phone number '+33 ...') are neutralised by storage/report_export.py:
an apostrophe in CSV, a quoted text cell in the workbook; nothing is ever exported as a
formula.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import sqlalchemy as sa

from salesdesk.storage import tables as t
from salesdesk.storage.lead_queries import Clock, LeadFilter, where
from salesdesk.storage.report_export import Column, Sheet, save_csv, save_xlsx

EXPORTED = (("Name", "person_name", "text"), ("E-mail", "email", "text"),
            ("Phone", "phone", "text"), ("Job title", "job_title", "text"),
            ("Company", "company", "text"), ("Sector", "sector", "text"),
            ("Country", "country", "text"), ("Region", "region", "text"),
            ("Postcode", "postcode", "text"), ("Employees", "employees", "int"),
            ("Source", "source", "text"), ("Campaign", "campaign", "text"),
            ("Product interest", "product_interest", "text"),
            ("Language", "language", "text"), ("Status", "status", "text"),
            ("Reason", "status_reason", "text"), ("Score", "score", "int"),
            ("Received", "received_at", "moment"),
            ("First contact", "first_contacted_at", "moment"),
            ("SLA due", "sla_due_at", "moment"), ("Notes", "notes", "text"))


def lead_sheet(conn: sa.Connection, f: LeadFilter, clock: Clock, *,
               limit: int | None = None) -> Sheet:
    """The filtered leads, newest first, with their segments and owner's name."""
    ld, m = t.leads, t.members
    columns = [ld.c[name] for _, name, _ in EXPORTED]
    stmt = (sa.select(*columns, ld.c.segments, m.c.name)
            .select_from(ld.outerjoin(m, m.c.id == ld.c.owner_id))
            .where(*where(conn, f, clock))
            .order_by(ld.c.received_at.desc(), ld.c.id.desc()).limit(limit))
    rows: list[tuple[Any, ...]] = []
    for r in conn.execute(stmt):
        *values, segments, owner = r
        rows.append((*values, ", ".join(segments or ()), owner or ""))
    header = (*(Column(title, kind) for title, _, kind in EXPORTED), Column("Segments"),
              Column("Owner"))
    return Sheet("Leads", header, tuple(rows))


def export_leads(conn: sa.Connection, path: Path, f: LeadFilter, clock: Clock) -> int:
    """Write the filtered leads to `path` (.xlsx: a workbook, else CSV); the row count."""
    sheet = lead_sheet(conn, f, clock)
    if path.suffix.lower() == ".xlsx":
        save_xlsx([sheet], path)
    else:
        save_csv([sheet], path)
    return len(sheet.rows)
