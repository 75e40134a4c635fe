"""The main window: tabs, menus, status bar, empty workspace offer, persistence, errors."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox

from salesdesk.storage import queries
from salesdesk.ui import actions
from salesdesk.ui.main_window import TAB_NAMES


def _counts(window: Any) -> dict[str, int]:
    with window.ctx.workspace.engine.connect() as conn:
        return queries.counts(conn)


def _menu_texts(menu: Any) -> list[str]:
    return [a.text() for a in menu.actions() if not a.isSeparator()]


def test_tabs_and_honest_empty_states(main_window: Any) -> None:
    titles = [main_window.tabs.tabText(i) for i in range(main_window.tabs.count())]
    assert titles == ["Team", "Territories", "Leads", "Pipeline", "Forecast"]
    assert type(main_window.tab_widget("pipeline")).__name__ == "PipelineTab"
    assert type(main_window.tab_widget("forecast")).__name__ == "ForecastTab"
    assert type(main_window.tab_widget("leads")).__name__ == "LeadBoardTab"


def test_menus(main_window: Any) -> None:
    file_items = _menu_texts(main_window.file_menu)
    for expected in ("&New workspace…", "&Open workspace…", "Open the sample &company",
                     "&Import", "&Export", "&Quit"):
        assert expected in file_items
    assert [a.text() for a in main_window.menuBar().actions()] == ["&File", "&Edit", "&Help"]
    assert main_window.undo_action in main_window.edit_menu.actions()
    assert main_window.redo_action in main_window.edit_menu.actions()
    assert main_window.undo_action.isEnabled() is False
    assert _menu_texts(main_window.help_menu) == ["&About SalesDesk"]


def test_status_bar_names_the_local_workspace(main_window: Any, workspace_path: Path) -> None:
    assert main_window.workspace_label.text() == f"local workspace: {workspace_path}"


def test_sample_company_hides_the_empty_banner(main_window: Any, qtbot: Any) -> None:
    main_window.settle()
    assert main_window.banner.isHidden()


def test_empty_workspace_offers_the_sample_company(qtbot: Any, tmp_path: Path,
                                                   ui_settings: Any) -> None:
    from salesdesk.storage.workspace import open_workspace
    from salesdesk.ui.main_window import MainWindow

    window = MainWindow(open_workspace(tmp_path / "empty.sqlite"), ui_settings)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: window.banner.isVisible())
    window.sample_button.click()
    qtbot.waitUntil(lambda: _counts(window)["members"] == 41, timeout=90_000)
    qtbot.waitUntil(lambda: not window.banner.isVisible(), timeout=10_000)
    counts = _counts(window)
    assert counts["accounts"] == 85 and counts["territories"] == 8
    window.settle()
    window.close()


def test_geometry_and_tab_persist(qtbot: Any, workspace_path: Path, ui_settings: Any,
                                  monkeypatch: pytest.MonkeyPatch) -> None:
    from salesdesk.storage.workspace import open_workspace
    from salesdesk.ui.main_window import MainWindow

    first = MainWindow(open_workspace(workspace_path), ui_settings)
    qtbot.addWidget(first)
    first.show()
    first.show_tab("territories")
    first.settle()
    saved = first.saveGeometry()
    first.close()
    # The offscreen screen is 800x800, so Qt clamps what it restores: check that the saved
    # geometry is what the next window asks Qt to restore.
    restored: list[Any] = []
    real = MainWindow.restoreGeometry
    monkeypatch.setattr(MainWindow, "restoreGeometry",
                        lambda self, g: restored.append(bytes(g)) or real(self, g))
    second = MainWindow(open_workspace(workspace_path), ui_settings)
    qtbot.addWidget(second)
    second.show()
    assert TAB_NAMES[second.tabs.currentIndex()] == "territories"
    assert restored == [bytes(saved)]
    second.settle()
    second.close()


def _top_dialog(title: str) -> Any:
    for widget in QApplication.topLevelWidgets():
        if widget.isVisible() and widget.windowTitle() == title:
            return widget
    return None


def test_import_refused_names_the_row(main_window: Any, qtbot: Any, tmp_path: Path,
                                      monkeypatch: pytest.MonkeyPatch) -> None:
    bad = tmp_path / "team.csv"
    bad.write_text("name;email\nAnn Lee;not-an-email\n", encoding="utf-8")
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(bad), ""))
    before = _counts(main_window)
    actions.import_file(main_window, "team")
    qtbot.waitUntil(lambda: _top_dialog("Import refused") is not None, timeout=10_000)
    dialog = _top_dialog("Import refused")
    assert "nothing was imported" in dialog.summary.text()
    assert "row 2, field 'email'" in dialog.details.toPlainText()
    assert _counts(main_window) == before
    dialog.close()


def test_import_report_lists_what_changed(main_window: Any, qtbot: Any, tmp_path: Path,
                                          monkeypatch: pytest.MonkeyPatch) -> None:
    good = tmp_path / "more.csv"
    good.write_bytes("name;email;manager;team\nZoë Lefèvre;zoe@example.com;Cara Losch;East\n"
                     .encode("cp1252"))
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(good), ""))
    actions.import_file(main_window, "team")
    qtbot.waitUntil(lambda: _top_dialog("Import finished") is not None, timeout=10_000)
    dialog = _top_dialog("Import finished")
    assert dialog.summary.text().startswith("more.csv: 1 created")
    assert "Zoë Lefèvre" in dialog.details.toPlainText()
    assert _counts(main_window)["members"] == 42
    dialog.close()


def test_unexpected_errors_are_words_not_tracebacks(main_window: Any, qtbot: Any,
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text: shown.append(text))

    def broken(_job: Any) -> None:
        raise ZeroDivisionError("boom")

    main_window.ops.run(broken, parent_widget=main_window)
    qtbot.waitUntil(lambda: bool(shown))
    assert "Something went wrong: ZeroDivisionError" in shown[0]
    assert "Traceback" not in shown[0] and "boom" not in shown[0]


def test_open_another_workspace_switches_the_window(main_window: Any, qtbot: Any,
                                                    tmp_path: Path,
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    other = tmp_path / "other.sqlite"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(other), ""))
    main_window.settle()  # a switch waits for the worker to be idle
    with qtbot.waitSignal(main_window.sig_workspace_opened):  # opened on the worker
        actions.new_workspace(main_window)
    assert main_window.workspace_label.text() == f"local workspace: {other}"
    qtbot.waitUntil(lambda: main_window.banner.isVisible() or not main_window.isVisible())
    assert _counts(main_window)["members"] == 0


def test_refused_workspace_is_explained(main_window: Any, tmp_path: Path,
                                        monkeypatch: pytest.MonkeyPatch) -> None:
    not_a_workspace = tmp_path / "notes.sqlite"
    not_a_workspace.write_text("just some text, not a database")
    shown: list[str] = []
    monkeypatch.setattr(QFileDialog, "getOpenFileName",
                        lambda *a, **k: (str(not_a_workspace), ""))
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text: shown.append(text))
    label = main_window.workspace_label.text()
    main_window.settle()
    actions.open_workspace_file(main_window)
    main_window.settle()
    assert shown and "Traceback" not in shown[0]
    assert "is not a SalesDesk workspace, or it is damaged" in shown[0]
    assert main_window.workspace_label.text() == label  # still on the old workspace


def test_workspace_currency_setting(main_window: Any, qtbot: Any,
                                    monkeypatch: pytest.MonkeyPatch) -> None:
    from salesdesk.services import workspace_settings
    from salesdesk.ui.dialogs.workspace_settings_dialog import (
        WorkspaceChoice,
        WorkspaceSettingsDialog,
    )

    monkeypatch.setattr(WorkspaceSettingsDialog, "ask", classmethod(
        lambda _cls, _parent, _currency, _currencies, calendar:
        WorkspaceChoice("USD", calendar)))
    actions.workspace_settings(main_window)
    qtbot.waitUntil(lambda: workspace_settings.currency(main_window.ctx.uow) == "USD")
