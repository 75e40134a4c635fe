"""Render the Leads tab and its dialogs offscreen.

    python docs/lead_screenshots.py [BIG_WORKSPACE]

BIG_WORKSPACE is a workspace with 1,000,000 leads (default: the one bench/bench_lead_board.py
caches in bench/out/; made with `salesdesk demo --scale 1000000` when missing). On it the
board is shown newest first with the third lead selected, so the detail panel shows its
score explanation: docs/lead-board.png.

On a fresh `salesdesk demo` workspace (the sample company and its marketing leads,
arriving over the last two weeks): the overdue queue (lead-board-overdue.png), the
routing preview (routing-preview.png), the import dialog on an untidy trade-fair file,
mapping then preview with its duplicate group (lead-import.png, lead-import-preview.png),
the lead rules (lead-rules.png) and speed to lead (speed-to-lead.png). The window is
1400 x 900 like the README's other screenshots.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
DOCS = Path(__file__).resolve().parent
SIZE = (1400, 900)
FAIR = """First Name,Last Name,Contact,Account,Country,Industry,Staff,Memo,Created
Greta,Lindqvist,greta@nordbank.example,Nordbank,Germany,finance,1200,at the fair,2026-11-20 09:30
Tomás,Ferreira,tomas@ferreira.example,Ferreira Lda,Portugal,retail,85,wants pricing,2026-11-20 10:05
Greta,Lindqvist, GRETA@nordbank.example ,Nordbank AG,,finance,,second card,2026-11-21
Kenji,Sato,kenji@sato.example,Sato Works,Japan,software,430,,2026-11-21 14:12
Amara,Okafor,amara@lagosfoods.example,Lagos Foods,Nigeria,retail,2300,asked for a demo,2026-11-22
Lucía,Martín,lucia@iberia-med.example,Iberia Med,Spain,medical,640,price too high?,2026-11-22
Olivier,Dubois,o.dubois@rhone.example,=HYPERLINK("http://x"),France,technology,55,,2026-11-23
"""


def main() -> None:
    from salesdesk.app import application

    application()
    big = Path(sys.argv[1]) if len(sys.argv) > 1 else big_workspace()
    window = open_window(big)
    try:
        render_board(window)
    finally:
        window.settle()
        window.close()
    with tempfile.TemporaryDirectory() as folder:
        db = Path(folder) / "demo.sqlite"
        subprocess.run([sys.executable, "-m", "salesdesk", "demo", "--db", str(db)],
                       check=True, stdout=subprocess.DEVNULL)
        window = open_window(db)
        try:
            render_overdue(window)
            render_routing(window)
            render_import(window, Path(folder))
            render_rules(window)
            render_speed(window)
        finally:
            window.settle()
            window.close()


def big_workspace() -> Path:
    from salesdesk.storage.workspace import SCHEMA_HEAD

    path = DOCS.parent / "bench" / "out" / f"leads-1000000-{SCHEMA_HEAD}.sqlite"
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        subprocess.run([sys.executable, "-m", "salesdesk", "demo", "--db", str(path),
                        "--scale", "1000000"], check=True, stdout=subprocess.DEVNULL)
    return path


def open_window(db: Path) -> Any:
    from PySide6.QtCore import QSettings

    from salesdesk.storage.workspace import open_workspace
    from salesdesk.ui.main_window import MainWindow
    from salesdesk.ui.settings import UiSettings

    ini = Path(tempfile.mkdtemp()) / "ui.ini"
    settings = UiSettings(QSettings(str(ini), QSettings.Format.IniFormat))
    window = MainWindow(open_workspace(db), settings)
    window.resize(*SIZE)
    window.show()
    window.show_tab("leads")
    window.settle(300_000)
    return window


def save(widget: Any, name: str) -> None:
    from PySide6.QtCore import QCoreApplication

    QCoreApplication.processEvents()
    widget.grab().save(str(DOCS / name))
    print(f"wrote {DOCS / name}")


def settle(window: Any, seconds: float = 0.5) -> None:
    """Let the worker's answers (page, count, detail) arrive and paint."""
    from PySide6.QtCore import QCoreApplication

    end = time.monotonic() + seconds
    while time.monotonic() < end:
        QCoreApplication.processEvents()
        time.sleep(0.02)
    window.settle(300_000)


def render_board(window: Any) -> None:
    tab = window.lead_board_tab
    settle(window)
    tab.table.selectRow(2)
    settle(window, 1.0)
    save(window, "lead-board.png")


def render_overdue(window: Any) -> None:
    tab = window.lead_board_tab
    tab.filters.set_queue("overdue")
    settle(window)
    tab.table.selectRow(0)
    settle(window, 1.0)
    save(window, "lead-board-overdue.png")
    tab.filters.set_queue("all")
    settle(window)


def _grab_on_exec(cls: Any, name: str, ready: Any, then: Any = None) -> list[Any]:
    """Replace cls.exec: show the dialog, wait until ready(dialog), save it, close it."""
    from PySide6.QtCore import QCoreApplication
    from PySide6.QtWidgets import QDialog

    shown: list[Any] = []

    def exec_(dialog: Any) -> int:
        dialog.show()
        end = time.monotonic() + 120
        while not ready(dialog) and time.monotonic() < end:
            QCoreApplication.processEvents()
            time.sleep(0.02)
        QCoreApplication.processEvents()
        save(dialog, name)
        if then is not None:
            then(dialog)
        shown.append(dialog)
        dialog.done(int(QDialog.DialogCode.Rejected))
        return int(QDialog.DialogCode.Rejected)

    cls.exec = exec_
    return shown


def render_routing(window: Any) -> None:
    from salesdesk.ui.dialogs.routing_preview_dialog import RoutingPreviewDialog

    def ready(dialog: Any) -> bool:
        return bool(dialog.model_of(dialog.proposals).rowCount())

    shown = _grab_on_exec(RoutingPreviewDialog, "routing-preview.png", ready)
    window.lead_board_tab.board_actions.route()
    window.settle()
    assert shown, "the routing preview was not shown"


def render_import(window: Any, folder: Path) -> None:
    from salesdesk.ui.dialogs.lead_import_dialog import LeadImportDialog

    path = folder / "trade-fair-november.csv"
    path.write_text(FAIR, encoding="utf-8")

    def to_preview(dialog: Any) -> None:
        from PySide6.QtCore import QCoreApplication

        dialog.preview_button.click()
        end = time.monotonic() + 120
        while dialog.stage != "preview" and time.monotonic() < end:
            QCoreApplication.processEvents()
            time.sleep(0.02)
        QCoreApplication.processEvents()
        save(dialog, "lead-import-preview.png")

    shown = _grab_on_exec(LeadImportDialog, "lead-import.png",
                          lambda d: d.stage in ("mapping", "error"), to_preview)
    LeadImportDialog.ask(window.lead_board_tab, window.ctx, path)  # as after the file chooser
    window.settle()
    assert shown, "the import dialog was not shown"


def render_rules(window: Any) -> None:
    from salesdesk.ui.dialogs.lead_rules_dialog import LeadRulesDialog

    shown = _grab_on_exec(LeadRulesDialog, "lead-rules.png",
                          lambda d: d.loaded is not None)
    window.lead_board_tab.board_actions.edit_rules()
    window.settle()
    assert shown, "the rules dialog was not shown"


def render_speed(window: Any) -> None:
    from salesdesk.ui.dialogs.contact_times_dialog import ContactTimesDialog

    def ready(dialog: Any) -> bool:
        return dialog.by_owner.rowCount() > 0

    shown = _grab_on_exec(ContactTimesDialog, "speed-to-lead.png", ready)
    window.lead_board_tab.board_actions.speed_to_lead()
    window.settle()
    assert shown, "the speed-to-lead dialog was not shown"


if __name__ == "__main__":
    main()
