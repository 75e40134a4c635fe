"""UI-test fixtures: offscreen Qt, a sample workspace per test, a main window on it.

`sample_workspace` copies a template built once per session (services.demo on the
shipped sample), so each test starts from the same company and may change it freely.
`main_window` never touches the user's settings (a temporary INI file) and waits for its
worker at teardown. Tests that need another workspace override `workspace_path`.
"""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import shutil  # noqa: E402 (Qt must see the platform before it is imported)
from collections.abc import Iterator  # noqa: E402
from pathlib import Path  # noqa: E402
from typing import Any  # noqa: E402

import pytest  # noqa: E402


@pytest.fixture(scope="session")
def sample_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The sample company in a workspace file, built once per test session."""
    from salesdesk.services.demo import create_sample_company
    from salesdesk.services.forecast import freeze_due_snapshots
    from salesdesk.storage.forecast_queries import SqlForecastSource
    from salesdesk.storage.sample import sample_tables
    from salesdesk.storage.workspace import open_workspace

    path = tmp_path_factory.mktemp("template") / "sample.sqlite"
    workspace = open_workspace(path, create=True)
    try:
        create_sample_company(workspace.uow, sample_tables())
        # What opening a workspace does first (MainWindow._freeze_forecasts), done once
        # here rather than in every test's copy.
        freeze_due_snapshots(SqlForecastSource(workspace.engine))
    finally:
        workspace.close()
    return path


@pytest.fixture
def sample_workspace(sample_template: Path, tmp_path: Path) -> Path:
    """A fresh copy of the sample company for this test (35 reps, 6 managers, 3 teams)."""
    target = tmp_path / "workspace.sqlite"
    for suffix in ("", "-wal", "-shm"):  # WAL sidecars, should a checkpoint be pending
        source = sample_template.with_name(sample_template.name + suffix)
        if source.exists():
            shutil.copy(source, target.with_name(target.name + suffix))
    return target


@pytest.fixture
def workspace_path(sample_workspace: Path) -> Path:
    """The workspace `main_window` opens; override it for another starting point."""
    return sample_workspace


@pytest.fixture
def ui_settings(tmp_path: Path) -> Any:
    """UiSettings over a throwaway INI file, never the user's own settings."""
    from PySide6.QtCore import QSettings

    from salesdesk.ui.settings import UiSettings

    return UiSettings(QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat))


@pytest.fixture
def main_window(qtbot: Any, workspace_path: Path, ui_settings: Any) -> Iterator[Any]:
    """The main window on `workspace_path`; closed (waiting for its worker) at teardown."""
    from salesdesk.storage.workspace import open_workspace
    from salesdesk.ui.main_window import MainWindow

    window = MainWindow(open_workspace(workspace_path), ui_settings)
    qtbot.addWidget(window)
    yield window
    window.settle()  # deliver what is still queued while the widgets exist
    window.close()


@pytest.fixture(autouse=True)
def no_modal_message_boxes(monkeypatch: pytest.MonkeyPatch) -> Iterator[list[str]]:
    """A real QMessageBox would block the offscreen test run forever. Record what would
    have been shown instead, and fail the test if it was not expected. Tests that expect a
    message patch QMessageBox themselves (their patch replaces this one)."""
    from PySide6.QtWidgets import QMessageBox

    shown: list[str] = []

    def record(kind: str) -> Any:
        def show(_parent: Any, _title: str, text: str, *args: Any, **kwargs: Any) -> Any:
            shown.append(f"{kind}: {text}")
            return QMessageBox.StandardButton.Ok
        return show

    for kind in ("warning", "critical", "information", "question", "about"):
        monkeypatch.setattr(QMessageBox, kind, record(kind))
    yield shown
    assert not shown, f"unexpected message box(es): {shown}"
