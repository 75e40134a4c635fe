"""Render Team › Quotas offscreen from a demo workspace.

    python docs/quota_screenshots.py    # writes docs/quota-view*.png, quota-import-preview.png

`salesdesk demo --db` makes the sample company with its published 2017 plan. The script
then does what a manager would: makes a draft version and raises an East rep's March
quota by 12,000 (so East's gap shows); the grid is saved as quota-view.png. The
Attainment page for the year 2017 becomes quota-view-attainment.png. Finally the plan
in force is exported, two quotas are edited in the workbook as a manager would in
Excel, and the import preview is saved as quota-import-preview.png. The window is
1400 x 900 like the README's other screenshots.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from decimal import Decimal
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
DOCS = Path(__file__).resolve().parent
SIZE = (1400, 900)


def main() -> None:
    from salesdesk.app import application

    application()
    with tempfile.TemporaryDirectory() as folder:
        db = Path(folder) / "demo.sqlite"
        subprocess.run([sys.executable, "-m", "salesdesk", "demo", "--db", str(db)],
                       check=True, stdout=subprocess.DEVNULL)
        window = open_window(db)
        try:
            render_plan(window)
            render_attainment(window)
            render_import(window, Path(folder))
        finally:
            window.settle()
            window.close()


def open_window(db: Path) -> Any:
    from PySide6.QtCore import QSettings

    from salesdesk.storage.workspace import open_workspace
    from salesdesk.ui.main_window import MainWindow
    from salesdesk.ui.settings import UiSettings

    settings = UiSettings(QSettings(str(db.with_suffix(".ini")), QSettings.Format.IniFormat))
    window = MainWindow(open_workspace(db), settings)
    window.resize(*SIZE)
    window.show()
    window.show_tab("team")
    team = window.team_tab
    team.pages.setCurrentWidget(team.quota_view)
    window.settle()
    return window


def save(widget: Any, name: str) -> None:
    from PySide6.QtCore import QCoreApplication

    QCoreApplication.processEvents()
    widget.grab().save(str(DOCS / name))
    print(f"wrote {DOCS / name}")


def render_plan(window: Any) -> None:
    from salesdesk.ui.models.quota_model import RowKind

    view = window.team_tab.quota_view
    view.new_draft()
    window.settle()
    grid = view.plan
    assert grid is not None and grid.editable, "no draft on screen"
    east = next(r for r in grid.team_rows() if r.name == "East")
    rep = grid.reps_of(east.id)[0]
    month = 3  # March: the month column after Jan and Feb
    index = view.model.index_of(RowKind.MEMBER, rep.id, month)
    raised = (rep.values[month - 1] or Decimal(0)) + Decimal(12000)
    view.model.setData(index, f"{raised:.2f}")
    window.settle()
    view.grid.setCurrentIndex(view.model.index_of(RowKind.MEMBER, rep.id, month))
    # East from its heading down to its gap, with Central's last rows above it
    central = grid.team_rows()[0]
    view.grid.scrollTo(view.model.index_of(RowKind.MEMBER, grid.reps_of(central.id)[-3].id),
                       view.grid.ScrollHint.PositionAtTop)
    window.settle()
    save(window, "quota-view.png")


def render_attainment(window: Any) -> None:
    view = window.team_tab.quota_view
    view.pages.setCurrentWidget(view.attainment)
    window.settle()
    view.attainment.choose("2017")
    window.settle()
    save(window, "quota-view-attainment.png")
    view.pages.setCurrentIndex(0)


def render_import(window: Any, folder: Path) -> None:
    from PySide6.QtWidgets import QDialog

    from salesdesk.services.quota_sheets import export_quotas
    from salesdesk.storage.quota_sheets import WORKBOOKS
    from salesdesk.ui import quota_edits
    from salesdesk.ui.dialogs.quota_import_dialog import QuotaImportDialog

    view = window.team_tab.quota_view
    path = folder / "quotas-2017.xlsx"
    export_quotas(window.ctx.uow, WORKBOOKS, 2017, path)
    edit_workbook(path)
    shown: list[Any] = []

    def grab(dialog: Any) -> int:
        dialog.show()
        window.settle()
        save(dialog, "quota-import-preview.png")
        shown.append(dialog)
        return int(QDialog.DialogCode.Rejected)

    quota_edits.ask_open_path = lambda *_args: path  # type: ignore[assignment]
    QuotaImportDialog.exec = grab  # type: ignore[method-assign, assignment]
    view.import_sheet()
    window.settle()
    assert shown, "the preview was not shown"


def edit_workbook(path: Path) -> None:
    """What a manager does in Excel: raise two reps' quotas on the Central sheet."""
    from openpyxl import load_workbook

    from salesdesk.storage.quota_sheets import FIRST_MONTH_COL, HEADER_ROW

    wb = load_workbook(path)
    ws = wb["Central"]
    for row, month, amount in ((HEADER_ROW + 1, 4, 30000), (HEADER_ROW + 3, 9, 41500)):
        ws.cell(row, FIRST_MONTH_COL + month - 1).value = amount
    wb.save(path)


if __name__ == "__main__":
    main()
