"""Render the README's screenshots offscreen from the sample company.

    python docs/make_screenshots.py            # writes docs/*.png

Uses a fresh `salesdesk demo` workspace in a temporary folder and the same rendering path
as `salesdesk screenshot`, plus the sub-pages the CLI has no flag for. The pipeline is
also shown on a copy of the sample with 10,000 more open deals (storage.synthetic), and
the time the board takes to show them (model reset, layout and first paint) is printed.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
DOCS = Path(__file__).resolve().parent
SIZE = (1400, 900)
MORE_OPEN_DEALS = 10_000
AS_OF = (2017, 6, 30)
"""The sample's open deals date from 2017: the board replayed at the end of its Q2."""


def main() -> None:
    with tempfile.TemporaryDirectory() as folder:
        db = Path(folder) / "sample.sqlite"
        subprocess.run([sys.executable, "-m", "salesdesk", "demo", "--db", str(db)],
                       check=True, stdout=subprocess.DEVNULL)
        big = Path(folder) / "big.sqlite"
        shutil.copy(db, big)
        render(db)
        render_big_pipeline(big)


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
        ("pipeline.png", "pipeline", lambda: pipeline_view(window)),
        ("pipeline-as-of.png", "pipeline", lambda: pipeline_view(window, as_of=AS_OF)),
        ("pipeline-list.png", "pipeline", lambda: pipeline_view(window, as_list=True)),
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


def pipeline_view(window: object, *, as_of: tuple[int, int, int] | None = None,
                  as_list: bool = False) -> None:
    from datetime import date

    from PySide6.QtCore import Qt

    tab = window.pipeline_tab  # type: ignore[attr-defined]
    tab.show_list(as_list)
    tab.set_as_of(date(*as_of) if as_of else None)
    if as_list:  # the biggest deals first: the sample has no expected close dates
        tab.list_panel.table.sortByColumn(4, Qt.SortOrder.DescendingOrder)


def render_big_pipeline(db: Path) -> None:
    """docs/pipeline-10k.png: the sample plus MORE_OPEN_DEALS open deals; prints how long
    the board takes from the models' reset to its first paint."""
    import time

    from PySide6.QtCore import QSettings

    from salesdesk.app import application
    from salesdesk.services.pipeline_setup import ensure_pipeline
    from salesdesk.storage.synthetic import add_synthetic_deals
    from salesdesk.storage.workspace import open_workspace
    from salesdesk.ui.main_window import MainWindow
    from salesdesk.ui.settings import UiSettings

    app = application()
    workspace = open_workspace(db)
    ensure_pipeline(workspace.uow)
    add_synthetic_deals(workspace.engine, MORE_OPEN_DEALS, 0, seed=2017)
    settings = UiSettings(QSettings(str(db.with_suffix(".ini")), QSettings.Format.IniFormat))
    window = MainWindow(workspace, settings)
    window.resize(*SIZE)
    window.show()
    window.show_tab("pipeline")
    window.settle()
    tab = window.pipeline_tab
    board = tab.board
    assert board is not None
    open_deals = sum(c.count for c in board.columns if c.stage.is_open)
    timings = []
    for _ in range(5):
        start = time.perf_counter()
        tab.redraw()  # the models' reset with every card, headers, summary
        app.processEvents()  # layout and the first paint
        timings.append((time.perf_counter() - start) * 1000)
    window.grab().save(str(DOCS / "pipeline-10k.png"))
    print(f"wrote docs/pipeline-10k.png ({open_deals:,} open deals; board reset + first "
          f"paint {sorted(timings)[2]:.0f} ms, median of 5)")
    window.close()


if __name__ == "__main__":
    main()
