"""Render the README's screenshots offscreen from the sample company.

    python docs/make_screenshots.py            # writes docs/*.png

Uses a fresh `salesdesk demo` workspace in a temporary folder and the same rendering path
as `salesdesk screenshot`, plus the sub-pages the CLI has no flag for.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
DOCS = Path(__file__).resolve().parent
SIZE = (1400, 900)


def main() -> None:
    with tempfile.TemporaryDirectory() as folder:
        db = Path(folder) / "sample.sqlite"
        subprocess.run([sys.executable, "-m", "salesdesk", "demo", "--db", str(db)],
                       check=True, stdout=subprocess.DEVNULL)
        render(db)


def render(db: Path) -> None:
    from PySide6.QtCore import QSettings

    from salesdesk.app import application
    from salesdesk.storage.workspace import open_workspace
    from salesdesk.ui.main_window import MainWindow
    from salesdesk.ui.settings import UiSettings

    app = application()
    settings = UiSettings(QSettings(str(db.with_suffix(".ini")), QSettings.Format.IniFormat))
    window = MainWindow(open_workspace(db), settings)
    window.resize(*SIZE)
    window.show()
    shots = [
        ("team.png", "team", lambda: window.team_tab.pages.setCurrentIndex(0)),
        ("team-hierarchy.png", "team", lambda: window.team_tab.pages.setCurrentIndex(1)),
        ("team-skills.png", "team", lambda: window.team_tab.pages.setCurrentIndex(2)),
        ("territories.png", "territories",
         lambda: window.territories_tab.details.setCurrentIndex(0)),
        ("territories-coverage.png", "territories",
         lambda: window.territories_tab.details.setCurrentIndex(
             window.territories_tab.details.count() - 1)),
    ]
    for name, tab, prepare in shots:
        window.show_tab(tab)
        window.settle()
        prepare()
        window.settle()
        app.processEvents()
        window.grab().save(str(DOCS / name))
        print(f"wrote docs/{name}")
    window.close()


if __name__ == "__main__":
    main()
