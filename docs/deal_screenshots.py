"""Render the deal dialog and the pipeline settings dialog offscreen, from the sample company.

    python docs/deal_screenshots.py        # writes docs/deal-dialog*.png, pipeline-settings.png

Adds one well-filled deal (lines, activities, feedback, a stage history) to a fresh sample
workspace in a temporary folder, then grabs the dialogs as a user would see them.
"""

from __future__ import annotations

import os
import tempfile
from datetime import UTC, date, datetime, timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
DOCS = Path(__file__).resolve().parent


class NoSaves:
    """Stands in for the dialogs' save actions: a screenshot changes nothing."""

    def __getattr__(self, name: str) -> Any:
        return lambda *args, **kwargs: None


def sample_deal(uow: Any, conn_factory: Any) -> str:
    from salesdesk.services import pipeline as sp
    from salesdesk.storage import pipeline_queries as pq
    from salesdesk.storage.deal_queries import accounts, owners, products

    with conn_factory() as conn:
        prods = {p.name: p for p in products(conn)}
        account = accounts(conn)[3]
        owner = next(o for o in owners(conn) if o.active)
    now = datetime.now(UTC)
    lines = [sp.LineSpec(prods["GTX Pro"].id, 12, prods["GTX Pro"].list_price, Decimal("7.5")),
             sp.LineSpec(prods["MG Special"].id, 40, prods["MG Special"].list_price),
             sp.LineSpec(prods["GTX Plus Basic"].id, 3, Decimal("1049.90"), Decimal("12"))]
    saved = sp.add_deal(uow, title=f"{account[1]} — platform rollout", account_id=account[0],
                        contact_name="Mara Lindqvist", contact_email="mara.lindqvist@example.com",
                        owner_id=owner.id, expected_close=date.today() + timedelta(days=24),
                        next_step="Send the revised quote after the pilot review",
                        lines=lines, now=now - timedelta(days=41))
    with conn_factory() as conn:
        engaging = next(s for s in pq.stages(conn, pq.default_pipeline_id(conn))
                        if s.name == "Engaging")
    sp.move_deal(uow, saved.deal_id, None, engaging.id, at=now - timedelta(days=19))
    done = sp.add_activity(uow, saved.deal_id, "meeting", "Pilot kick-off with IT",
                           date.today() - timedelta(days=12))
    sp.set_activity_done(uow, done.id, None, True)
    sp.add_activity(uow, saved.deal_id, "call", "Check the pilot results with Mara",
                    date.today() - timedelta(days=2))
    sp.add_activity(uow, saved.deal_id, "email", "Revised quote", date.today() + timedelta(days=3))
    sp.add_activity(uow, saved.deal_id, "task", "Prepare the security questionnaire")
    sp.add_note(uow, saved.deal_id, "Pilot went well; IT worries about single sign-on. "
                                    "They want SSO in the first phase, not the second.")
    sp.add_note(uow, saved.deal_id, "Procurement asked for a 10 % volume discount on the "
                                    "GTX Pro seats.")
    return saved.deal_id


def main() -> None:
    from salesdesk.app import application
    from salesdesk.services.demo import create_sample_company
    from salesdesk.services.workspace_settings import DEFAULT_CURRENCY
    from salesdesk.storage import deal_queries
    from salesdesk.storage.sample import sample_tables
    from salesdesk.storage.workspace import open_workspace
    from salesdesk.ui.dialogs.deal_dialog import DealDialog
    from salesdesk.ui.dialogs.stages_dialog import StagesDialog

    app = application()
    with tempfile.TemporaryDirectory() as folder:
        workspace = open_workspace(Path(folder) / "sample.sqlite", create=True)
        create_sample_company(workspace.uow, sample_tables())
        deal_id = sample_deal(workspace.uow, workspace.engine.connect)
        with workspace.engine.connect() as conn:
            form = deal_queries.deal_form(conn, default_currency=DEFAULT_CURRENCY,
                                          deal_id=deal_id)
            settings = deal_queries.pipeline_settings(conn, form.pipeline_id or "")
        workspace.close()
    assert form is not None and settings is not None
    dialog = DealDialog(None, form=form, live=NoSaves())
    for index, name in enumerate(("deal-dialog.png", "deal-dialog-activities.png",
                                  "deal-dialog-feedback.png", "deal-dialog-history.png")):
        dialog.tabs.setCurrentIndex(index)
        grab(app, dialog, name)
    grab(app, StagesDialog(None, settings=settings, actions=NoSaves()), "pipeline-settings.png")


def grab(app: Any, widget: Any, name: str) -> None:
    widget.show()
    app.processEvents()
    widget.grab().save(str(DOCS / name))
    print(f"wrote docs/{name}")


if __name__ == "__main__":
    main()
