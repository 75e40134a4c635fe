"""The main window before and while its workspace opens: shown first, the workspace opened
on the worker after the first paint, failures explained in the window (which stays open)
with ways out, switches refused while the worker is busy, and work the first screen does
not need left until it is needed."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QFileDialog

from salesdesk.storage import workspace as workspace_module
from salesdesk.ui import actions
from salesdesk.ui.main_window import MainWindow
from salesdesk.ui.workspace_state import WorkspaceStateTab

WAIT = 15_000


@pytest.fixture
def bare_window(qtbot: Any, ui_settings: Any) -> Iterator[MainWindow]:
    """A main window made without a workspace, as `salesdesk` makes it at start."""
    window = MainWindow(settings=ui_settings)
    qtbot.addWidget(window)
    yield window
    window.settle()
    window.close()


def start(qtbot: Any, window: MainWindow, target: Any) -> None:
    """What app.start_main_window does with the window, target given."""
    actions.open_at_start(window, target)
    window.show()
    qtbot.waitExposed(window)


@pytest.fixture
def opened_on(monkeypatch: pytest.MonkeyPatch) -> list[tuple[str, bool]]:
    """(thread name, whether it is the UI thread) of every open_workspace call."""
    calls: list[tuple[str, bool]] = []
    real = workspace_module.open_workspace

    def spy(*args: Any, **kwargs: Any) -> Any:
        current = threading.current_thread()
        calls.append((current.name, current is threading.main_thread()))
        return real(*args, **kwargs)

    monkeypatch.setattr(workspace_module, "open_workspace", spy)
    return calls


def test_without_a_workspace_the_tabs_say_it_is_opening(bare_window: MainWindow) -> None:
    tabs = bare_window.tabs
    assert [tabs.tabText(i) for i in range(tabs.count())] == \
        ["Team", "Territories", "Leads", "Pipeline", "Forecast"]
    for name in ("team", "territories"):
        state = bare_window.tab_widget(name)
        assert isinstance(state, WorkspaceStateTab)
        assert state.title.text() == "Opening workspace…"
        assert state.buttons.isHidden()
    assert bare_window.workspace_label.text() == "Opening workspace…"
    assert bare_window.ctx is None
    disabled = [a.text() for a in bare_window._workspace_actions if not a.isEnabled()]
    assert disabled == ["Workspace &settings…", "&Import", "&Export"]


def test_the_workspace_opens_on_the_worker_after_the_first_paint(
        qtbot: Any, bare_window: MainWindow, sample_workspace: Path,
        opened_on: list[tuple[str, bool]]) -> None:
    actions.open_at_start(bare_window, sample_workspace)
    assert bare_window.workspace_label.text() == f"Opening workspace {sample_workspace}…"
    state = bare_window.tab_widget("team")
    assert isinstance(state, WorkspaceStateTab) and str(sample_workspace) in state.body.text()
    assert opened_on == []  # nothing before the window was painted
    with qtbot.waitSignal(bare_window.sig_workspace_opened, timeout=WAIT):
        bare_window.show()
    assert len(opened_on) == 1 and opened_on[0][1] is False  # not on the UI thread
    bare_window.settle()
    assert bare_window.team_tab.loaded
    assert bare_window.team_tab.members_model.rowCount() == 41
    assert bare_window.workspace_label.text() == f"local workspace: {sample_workspace}"
    assert all(a.isEnabled() for a in bare_window._workspace_actions)


def _too_new(tmp_path: Path) -> Path:
    import sqlite3

    path = tmp_path / "newer.sqlite"
    workspace_module.open_workspace(path).close()
    conn = sqlite3.connect(path)
    with conn:
        conn.execute("UPDATE alembic_version SET version_num = 'f00dcafe9999'")
    conn.close()
    return path


def _not_a_database(tmp_path: Path) -> Path:
    path = tmp_path / "notes.sqlite"
    path.write_text("just some text, not a database")
    return path


def _on_a_share(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setattr(workspace_module, "network_share_reason",
                        lambda _path, _text=None: "it is on a network file system (smbfs)")
    return tmp_path / "workspace.sqlite"


@pytest.mark.parametrize(("case", "expected"), [
    ("not a database", "is not a SalesDesk workspace, or it is damaged"),
    ("too new", "was made by a newer SalesDesk"),
    ("network share", "network file system (smbfs)"),
    ("unreachable server", "Cannot open the workspace postgresql"),
])
def test_a_workspace_that_cannot_be_opened_is_explained_in_the_window(
        qtbot: Any, bare_window: MainWindow, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch, case: str, expected: str) -> None:
    target: Any = {
        "not a database": lambda: _not_a_database(tmp_path),
        "too new": lambda: _too_new(tmp_path),
        "network share": lambda: _on_a_share(tmp_path, monkeypatch),
        # port 9 (discard) on this machine: refused at once, nothing listens there
        "unreachable server": lambda: "postgresql://nobody:secret@127.0.0.1:9/sales",
    }[case]()
    with qtbot.waitSignal(bare_window.sig_workspace_failed, timeout=WAIT) as failed:
        start(qtbot, bare_window, target)
    message = failed.args[0]
    assert expected in message
    assert "Traceback" not in message and "secret" not in message
    assert bare_window.isVisible()  # the window stays
    for name in ("team", "territories"):
        state = bare_window.tab_widget(name)
        assert isinstance(state, WorkspaceStateTab)
        assert state.title.text() == "The workspace could not be opened"
        assert state.body.text() == message
        assert [b.text() for b in (state.open_button, state.new_button, state.sample_button)] \
            == ["Open workspace…", "New workspace…", "Open the sample company"]
        assert not state.buttons.isHidden()
    assert bare_window.workspace_label.text() == "No workspace is open"
    # no message box: the autouse fixture fails the test if one was shown


def test_the_status_bar_never_shows_a_password(bare_window: MainWindow) -> None:
    actions.open_at_start(bare_window, "postgresql://ann:hunter2@db.example.com/sales")
    assert bare_window.workspace_label.text() == \
        "Opening workspace postgresql://ann:***@db.example.com/sales…"
    bare_window.close()  # before the paint: nothing is opened


def test_the_window_starts_on_the_team_tab_when_opening_fails(
        qtbot: Any, ui_settings: Any, tmp_path: Path) -> None:
    ui_settings.set_current_tab("forecast")
    window = MainWindow(settings=ui_settings)
    qtbot.addWidget(window)
    with qtbot.waitSignal(window.sig_workspace_failed, timeout=WAIT):
        start(qtbot, window, _not_a_database(tmp_path))
    assert window.tabs.currentIndex() == 0  # where the reason and the ways out are
    assert ui_settings.current_tab() == "forecast"  # the user's choice is kept
    window.close()


def test_open_workspace_from_the_failure_opens_it(
        qtbot: Any, bare_window: MainWindow, tmp_path: Path, sample_workspace: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    with qtbot.waitSignal(bare_window.sig_workspace_failed, timeout=WAIT):
        start(qtbot, bare_window, _not_a_database(tmp_path))
    monkeypatch.setattr(QFileDialog, "getOpenFileName",
                        lambda *a, **k: (str(sample_workspace), ""))
    state = bare_window.tab_widget("team")
    assert isinstance(state, WorkspaceStateTab)
    with qtbot.waitSignal(bare_window.sig_workspace_opened, timeout=WAIT):
        state.open_button.click()
    bare_window.settle()
    assert bare_window.team_tab.members_model.rowCount() == 41


def test_the_sample_company_from_the_failure_gets_a_workspace_of_its_own(
        qtbot: Any, bare_window: MainWindow, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    import salesdesk.config

    monkeypatch.setattr(salesdesk.config, "default_workspace",
                        lambda: tmp_path / "data" / "workspace.sqlite")
    with qtbot.waitSignal(bare_window.sig_workspace_failed, timeout=WAIT):
        start(qtbot, bare_window, _not_a_database(tmp_path))
    state = bare_window.tab_widget("team")
    assert isinstance(state, WorkspaceStateTab)
    state.sample_button.click()
    qtbot.waitUntil(lambda: bare_window.ctx is not None, timeout=WAIT)
    assert bare_window.workspace_label.text() == \
        f"local workspace: {tmp_path / 'data' / 'sample-company.sqlite'}"
    qtbot.waitUntil(lambda: bare_window.team_tab.members_model.rowCount() == 41,
                    timeout=30_000)


def test_a_switch_is_refused_while_the_worker_is_busy(
        qtbot: Any, main_window: MainWindow, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch, no_modal_message_boxes: list[str]) -> None:
    main_window.settle()
    label = main_window.workspace_label.text()
    release = threading.Event()
    main_window.ops.run(lambda _job: release.wait(WAIT / 1000))
    asked: list[bool] = []

    def pick(*_args: Any, **_kwargs: Any) -> tuple[str, str]:
        asked.append(True)
        return str(tmp_path / "x.sqlite"), ""

    monkeypatch.setattr(QFileDialog, "getOpenFileName", pick)
    actions.open_workspace_file(main_window)
    release.set()
    main_window.settle()
    assert asked and len(no_modal_message_boxes) == 1
    assert no_modal_message_boxes.pop().startswith(
        "information: SalesDesk is still working on the current workspace")
    assert main_window.workspace_label.text() == label


def test_a_switch_opens_on_the_worker_with_a_progress_label(
        qtbot: Any, main_window: MainWindow, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch, opened_on: list[tuple[str, bool]]) -> None:
    main_window.settle()
    labels: list[str] = []
    real_run = main_window.ops.run

    def run(fn: Any, **kwargs: Any) -> Any:
        labels.append(kwargs.get("label", ""))
        return real_run(fn, **kwargs)

    monkeypatch.setattr(main_window.ops, "run", run)
    other = tmp_path / "other.sqlite"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(other), ""))
    with qtbot.waitSignal(main_window.sig_workspace_opened, timeout=WAIT):
        actions.new_workspace(main_window)
    assert opened_on and opened_on[0][1] is False
    assert "upgraded" in labels[0]


def test_a_window_closed_while_its_workspace_opens_closes_the_workspace(
        qtbot: Any, bare_window: MainWindow, sample_workspace: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    closed: list[bool] = []
    opening, window_closing = threading.Event(), threading.Event()
    real = workspace_module.open_workspace

    def open_until_the_window_closes(*args: Any, **kwargs: Any) -> Any:
        ws = real(*args, **kwargs)
        real_close = ws.close

        def close() -> None:
            closed.append(True)
            real_close()

        ws.close = close
        opening.set()
        window_closing.wait(WAIT / 1000)
        return ws

    monkeypatch.setattr(workspace_module, "open_workspace", open_until_the_window_closes)
    real_shutdown = bare_window.ops.shutdown

    def shutdown() -> None:
        window_closing.set()
        real_shutdown()

    monkeypatch.setattr(bare_window.ops, "shutdown", shutdown)
    start(qtbot, bare_window, sample_workspace)
    qtbot.waitUntil(opening.is_set, timeout=WAIT)
    bare_window.close()
    qtbot.waitUntil(lambda: closed == [True], timeout=WAIT)
    assert bare_window.ctx is None


def test_the_territories_tab_reads_nothing_until_it_is_shown(
        qtbot: Any, main_window: MainWindow) -> None:
    main_window.show()
    main_window.settle()
    tab = main_window.territories_tab
    assert main_window.tabs.currentWidget() is main_window.team_tab
    assert tab.territory_rows() == [] and tab.coverage.counts is None
    with qtbot.waitSignal(tab.sig_territories_loaded, timeout=WAIT):
        main_window.show_tab("territories")
    assert len(tab.territory_rows()) == 8
