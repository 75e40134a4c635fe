"""Render the Forecast tab and each of its charts offscreen, from the sample company, and
the workspace settings dialog (whose fiscal calendar the periods and quotas follow).

    python docs/forecast_screenshots.py    # writes docs/forecast*.png, workspace-settings.png

The sample company's deals close from 2017-03 to 2017-12: the tab shows 2017-Q4 as of
1 Oct 2017 (the forecast made as the quarter began, against the demo's published 2017
quota plan) with the deals behind the "slipped" step of the waterfall listed in the
drill-down panel. The whole window is 1400 x 900 like the README's other screenshots;
each chart is rendered on its own, with its title, from a larger window so that it reads
well in the README. The settings dialog shows the sample's calendar with a few of 2017's
US public holidays typed in, as a manager would before splitting weekly targets.
"""

from __future__ import annotations

import os
import tempfile
from datetime import date
from pathlib import Path
from typing import Any

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
DOCS = Path(__file__).resolve().parent
SIZE = (1400, 900)
CHART_SIZE = (1800, 1100)
PERIOD, AS_OF = "2017-Q4", date(2017, 10, 1)
CHARTS = {"series": "forecast-series.png", "waterfall": "forecast-waterfall.png",
          "funnel": "forecast-funnel.png", "leaderboard": "forecast-leaderboard.png"}
HOLIDAYS = (date(2017, 1, 2), date(2017, 5, 29), date(2017, 7, 4), date(2017, 9, 4),
            date(2017, 11, 23), date(2017, 12, 25))
"""2017's US public holidays from New Year (observed) to Christmas, some of them."""


def main() -> None:
    from salesdesk.app import application
    from salesdesk.services.demo import create_sample_company
    from salesdesk.storage.sample import sample_tables
    from salesdesk.storage.workspace import open_workspace

    application()
    with tempfile.TemporaryDirectory() as folder:
        db = Path(folder) / "sample.sqlite"
        workspace = open_workspace(db, create=True)
        try:
            create_sample_company(workspace.uow, sample_tables())
        finally:
            workspace.close()
        window = open_window(db)
        try:
            render(window)
        finally:
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
    window.show_tab("forecast")
    window.settle(300_000)
    tab = window.forecast_tab
    tab.pickers.choose(PERIOD, "company", None, AS_OF)
    window.settle(300_000)
    assert tab.view is not None and tab.view.request.period == PERIOD, tab.status.text()
    return window


def render(window: Any) -> None:
    from PySide6.QtCore import QCoreApplication

    tab = window.forecast_tab
    wf = tab.view.waterfall
    slipped = next(i for i, s in enumerate(wf.steps) if s.part == "slipped")
    tab.drill(f"waterfall|{slipped}")
    window.settle()
    QCoreApplication.processEvents()
    window.grab().save(str(DOCS / "forecast.png"))
    print(f"wrote {DOCS / 'forecast.png'}")
    window.resize(*CHART_SIZE)
    window.settle()
    QCoreApplication.processEvents()
    for name, file in CHARTS.items():
        tab.panels[name].image().save(str(DOCS / file))
        print(f"wrote {DOCS / file}")
    render_history(window)
    render_workspace_settings(window)


def render_history(window: Any) -> None:
    """The History… window of the company: its stored forecasts against what was won, and
    every method's accuracy from the backtest (both read on the worker)."""
    from PySide6.QtCore import QCoreApplication

    tab = window.forecast_tab
    tab.show_history()
    window.settle(300_000)
    QCoreApplication.processEvents()
    dialog = tab.history_dialog
    dialog.grab().save(str(DOCS / "forecast-history.png"))
    print(f"wrote {DOCS / 'forecast-history.png'}")
    dialog.close()


def render_workspace_settings(window: Any) -> None:
    """File > Workspace settings… on the sample's own settings, holidays typed in (the
    dialog is only shown: nothing is saved)."""
    from dataclasses import replace

    from PySide6.QtCore import QCoreApplication, QDate

    from salesdesk.services import workspace_settings as service
    from salesdesk.ui.dialogs.workspace_settings_dialog import WorkspaceSettingsDialog

    uow = window.ctx.uow
    calendar = replace(service.calendar(uow), holidays=frozenset(HOLIDAYS))
    dialog = WorkspaceSettingsDialog(window, service.currency(uow),
                                     service.known_currencies(), calendar)
    dialog.holiday_edit.setDate(QDate(2017, 12, 26))  # the next one to add
    dialog.show()
    dialog.adjustSize()
    QCoreApplication.processEvents()
    dialog.grab().save(str(DOCS / "workspace-settings.png"))
    print(f"wrote {DOCS / 'workspace-settings.png'}")
    dialog.close()


if __name__ == "__main__":
    main()
