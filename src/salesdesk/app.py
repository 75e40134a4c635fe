"""Composition root: configuration -> Qt application and main window -> workspace.

The window is shown first and the workspace opens on its worker right after the first
paint (bench/bench_startup.py): nothing imported before that paint loads SQLAlchemy,
alembic or any other heavy module (tests/ui/test_startup_imports.py).
"""

from __future__ import annotations

import logging
import os
import sys
from pathlib import Path
from typing import Any

from salesdesk.config import default_workspace, log_dir


def _setup_logging() -> None:
    try:
        folder = log_dir()
        folder.mkdir(parents=True, exist_ok=True)
        logging.basicConfig(filename=folder / "salesdesk.log", level=logging.WARNING,
                            format="%(asctime)s %(name)s %(levelname)s %(message)s")
    except OSError:
        logging.basicConfig(level=logging.WARNING)


def _install_excepthook() -> None:
    """A bug in a slot must not show a traceback or kill the window: log it, say so."""

    def hook(exc_type: type[BaseException], exc: BaseException, tb: Any) -> None:
        logging.getLogger("salesdesk").error("unhandled", exc_info=(exc_type, exc, tb))
        from PySide6.QtWidgets import QApplication, QMessageBox

        if QApplication.instance() is not None:
            QMessageBox.critical(None, "SalesDesk", QApplication.translate(
                "SalesDesk", "Something went wrong ({0}). The details were written to the "
                "SalesDesk log.").format(exc_type.__name__))

    sys.excepthook = hook


def application(argv: list[str] | None = None) -> Any:
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication(argv or [sys.argv[0]])
    app.setApplicationName("SalesDesk")
    app.setOrganizationName("SalesDesk")
    if hasattr(app, "setApplicationDisplayName"):
        app.setApplicationDisplayName("SalesDesk")
    _load_translations(app)
    return app


def _load_translations(app: Any) -> None:
    from importlib import resources

    from PySide6.QtCore import QLocale, QTranslator

    translator = QTranslator(app)
    folder = resources.files("salesdesk.resources") / "translations"
    with resources.as_file(folder) as path:
        if translator.load(QLocale(), "salesdesk", "_", str(path)):
            app.installTranslator(translator)


def start_main_window(db: str | os.PathLike[str] | None) -> Any:
    """Show the main window at once ("Opening workspace…") and open `db` (default: the
    user's workspace) on its worker after the first paint. A workspace that cannot be
    opened leaves the window up, saying why and offering another (actions.open_at_start)."""
    from salesdesk.ui import actions
    from salesdesk.ui.main_window import MainWindow

    window = MainWindow()
    actions.open_at_start(window, db or default_workspace())
    window.show()
    return window


def run_gui(db: str | None) -> int:
    """`salesdesk`: the main window, then its workspace."""
    _setup_logging()
    app = application()
    _install_excepthook()
    _window = start_main_window(db)  # referenced until the event loop ends
    return int(app.exec())


def render_screenshot(db: str | None, tab: str, out: Path, size: tuple[int, int]) -> None:
    """Render the main window on `tab` offscreen into a PNG."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    app = application()
    from PySide6.QtCore import QSettings

    from salesdesk.storage.workspace import open_workspace
    from salesdesk.ui.main_window import MainWindow
    from salesdesk.ui.settings import UiSettings

    # Screenshots never read or change the user's saved window state.
    settings = UiSettings(QSettings(QSettings.Format.IniFormat, QSettings.Scope.UserScope,
                                    "SalesDesk", "SalesDesk-screenshot"))
    window = MainWindow(open_workspace(db or default_workspace()), settings)
    window.resize(*size)
    window.show_tab(tab)
    window.show()
    window.settle()
    app.processEvents()
    window.settle()
    out.parent.mkdir(parents=True, exist_ok=True)
    if not window.grab().save(str(out)):
        raise OSError(f"could not write {out}")
    window.close()
