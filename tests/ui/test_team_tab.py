"""The Team tab on the sample company: tables, tree, matrix, dialogs, undoable edits."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest
from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QMessageBox

from salesdesk.services.common import OpChanges
from salesdesk.ui.dialogs.member_dialog import LeaveDialog, MemberDialog
from salesdesk.ui.dialogs.team_dialog import SkillColumnDialog, TeamDialog
from salesdesk.ui.models.members_model import ID_ROLE, Column
from salesdesk.ui.team_tab import TeamTab

TIMEOUT = 15_000


# --- helpers ----------------------------------------------------------------------------
@pytest.fixture
def tab(main_window: Any) -> TeamTab:
    main_window.settle()
    team_tab = main_window.team_tab
    assert isinstance(team_tab, TeamTab) and team_tab.loaded
    return team_tab


@pytest.fixture
def warnings(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Message boxes the app shows (a real one would block the offscreen test)."""
    shown: list[str] = []

    def warning(_parent: Any, _title: str, text: str, *_args: Any) -> Any:
        shown.append(text)
        return QMessageBox.StandardButton.Ok

    monkeypatch.setattr(QMessageBox, "warning", warning)
    return shown


@contextmanager
def reloads(qtbot: Any, tab: TeamTab) -> Iterator[None]:
    """Wrap a trigger whose outcome the tab reloads."""
    with qtbot.waitSignal(tab.sig_team_loaded, timeout=TIMEOUT):
        yield


def stored(window: Any, name: str) -> Any:
    """The member as the workspace holds it now (read in a unit of work of our own)."""
    with window.ctx.uow() as uow:
        member = uow.members.by_name(name)
        return None if member is None else SimpleNamespace(id=member.id, **member.snapshot())


def row_named(tab: TeamTab, name: str) -> Any:
    return next(r for r in tab.members_model.rows if r.name == name)


def shown_names(tab: TeamTab) -> list[str]:
    proxy = tab.members_proxy
    return [proxy.index(i, Column.NAME).data() for i in range(proxy.rowCount())]


def skill_index(tab: TeamTab, name: str, kind: str, skill: str) -> QModelIndex:
    model = tab.skills_model
    row = model.index_of(row_named(tab, name).id).row()
    return model.index(row, model.column_of(kind, skill))


def stored_level(window: Any, name: str, kind: str, skill: str) -> int:
    member = stored(window, name)
    assert member is not None
    return int(member.skills.get(kind, {}).get(skill, 0))


# --- what the sample shows ----------------------------------------------------------------
def test_sample_shows_every_member_and_the_three_teams(tab: TeamTab) -> None:
    assert tab.members_proxy.rowCount() == 41
    teams = [tab.team_filter.itemText(i) for i in range(tab.team_filter.count())]
    assert teams == ["All teams", "Central", "East", "West", "No team"]
    roles = [r.role for r in tab.members_model.rows]
    assert (roles.count("rep"), roles.count("manager")) == (35, 6)
    assert "41 active people: 35 reps" in tab.count_label.text()
    assert tab.members_page.message == ""


def test_members_table_shows_words_not_codes(tab: TeamTab) -> None:
    model = tab.members_model
    index = model.index_of(row_named(tab, "Cara Losch").id)
    cells = {c: model.index(index.row(), c).data() for c in Column}
    assert cells[Column.ROLE] == "Manager"
    assert cells[Column.TEAM] == "East"
    assert cells[Column.LOAD] == "0 / 40"
    assert cells[Column.RAMP] == "No hire date"
    assert cells[Column.STATUS] == "Active"
    assert "Key accounts" in cells[Column.TERRITORIES]


def test_every_model_passes_the_model_tester(tab: TeamTab, qtmodeltester: Any) -> None:
    for model in (tab.members_model, tab.hierarchy_model, tab.skills_model,
                  tab.members_proxy, tab.hierarchy_proxy, tab.skills_proxy):
        qtmodeltester.check(model)


def test_filter_by_text_team_and_role(tab: TeamTab) -> None:
    tab.search.setText("rocco")
    names = shown_names(tab)
    assert len(names) == 7 and "Rocco Neubert" in names
    assert all(r.manager == "Rocco Neubert" or r.name == "Rocco Neubert"
               for r in tab.members_model.rows if r.name in names)
    tab.search.clear()
    tab.team_filter.setCurrentIndex(tab.team_filter.findText("West"))
    west = {r.name for r in tab.members_model.rows if r.team == "West"}
    assert set(shown_names(tab)) == west and len(west) == 14
    tab.role_filter.setCurrentIndex(tab.role_filter.findText("Managers"))
    assert shown_names(tab) == ["Celia Rouche", "Summer Sewald"]
    assert "showing 2" in tab.count_label.text()


def test_a_filter_that_matches_nobody_says_so(tab: TeamTab) -> None:
    tab.search.setText("no such person")
    assert tab.members_proxy.rowCount() == 0
    assert "Nobody matches" in tab.members_page.message
    assert "Nobody matches" in tab.hierarchy_page.message
    tab.search.clear()
    assert tab.members_page.message == "" and tab.members_proxy.rowCount() == 41


def test_hierarchy_has_the_managers_on_top_and_their_reps_below(tab: TeamTab) -> None:
    proxy, rows = tab.hierarchy_proxy, {r.id: r for r in tab.members_model.rows}
    tops = [proxy.index(i, 0) for i in range(proxy.rowCount())]
    assert len(tops) == 6
    reports = 0
    for top in tops:
        manager = rows[top.data(ID_ROLE)]
        assert manager.role == "manager" and manager.manager_id is None
        assert tab.tree.isExpanded(top)
        for i in range(proxy.rowCount(top)):
            assert rows[proxy.index(i, 0, top).data(ID_ROLE)].manager_id == manager.id
        reports += proxy.rowCount(top)
        assert proxy.index(top.row(), 3).data() == f"{proxy.rowCount(top)} direct"
    assert reports == 35


def test_selection_survives_a_reload_and_fills_the_detail_panel(qtbot: Any,
                                                                tab: TeamTab) -> None:
    boris = row_named(tab, "Boris Faz")
    tab.select_member(boris.id)
    with reloads(qtbot, tab):
        tab.refresh()
    assert tab.selected_member() == boris
    assert tab.members_view.currentIndex().data(ID_ROLE) == boris.id
    assert tab.tree.currentIndex().data(ID_ROLE) == boris.id
    assert tab.detail.title.text() == "Boris Faz"
    assert tab.detail.values["territories"].text() == "EMEA"


def test_unrelated_changes_do_not_reload(qtbot: Any, main_window: Any, tab: TeamTab) -> None:
    with qtbot.assertNotEmitted(tab.sig_team_loaded):
        tab.on_changes(OpChanges(leads=True, deals=True))
        main_window.settle()
    with reloads(qtbot, tab):
        tab.on_changes(OpChanges(territories=True))


# --- undoable edits ---------------------------------------------------------------------
def test_add_member_then_undo_and_redo(qtbot: Any, main_window: Any, tab: TeamTab,
                                       monkeypatch: pytest.MonkeyPatch) -> None:
    cara, east = row_named(tab, "Cara Losch"), row_named(tab, "Cara Losch").team_id
    fields = {"name": "Zoe Quinn", "email": "zoe@example.com", "role": "rep",
              "manager_id": cara.id, "team_id": east, "hire_date": date(2024, 1, 8),
              "ramp_months": 3, "capacity": 30}
    monkeypatch.setattr(MemberDialog, "ask", classmethod(lambda cls, *a, **k: dict(fields)))
    with reloads(qtbot, tab):
        tab.add_button.click()
    zoe = stored(main_window, "Zoe Quinn")
    assert zoe is not None and (zoe.manager_id, zoe.capacity) == (cara.id, 30)
    qtbot.waitUntil(lambda: tab.members_proxy.rowCount() == 42)
    qtbot.waitUntil(lambda: getattr(tab.selected_member(), "name", None) == "Zoe Quinn")
    assert main_window.undo_stack.undoText() == "Add Zoe Quinn"

    main_window.undo_stack.undo()
    qtbot.waitUntil(lambda: stored(main_window, "Zoe Quinn") is None)
    qtbot.waitUntil(lambda: tab.members_proxy.rowCount() == 41)

    main_window.undo_stack.redo()
    qtbot.waitUntil(lambda: stored(main_window, "Zoe Quinn") is not None)
    qtbot.waitUntil(lambda: "Zoe Quinn" in shown_names(tab))


def test_edit_member_then_undo_and_redo(qtbot: Any, main_window: Any, tab: TeamTab,
                                        monkeypatch: pytest.MonkeyPatch) -> None:
    boris = row_named(tab, "Boris Faz")
    west = next(t.id for t in tab.teams if t.name == "West")
    asked: list[Any] = []

    def ask(cls: Any, parent: Any, *, member: Any, members: Any, teams: Any) -> dict:
        asked.append(member)
        return {**{k: getattr(member, k) for k in ("name", "email", "role", "manager_id",
                                                   "hire_date", "ramp_months")},
                "team_id": west, "capacity": 25}

    monkeypatch.setattr(MemberDialog, "ask", classmethod(ask))
    tab.select_member(boris.id)
    with reloads(qtbot, tab):
        tab.edit_button.click()
    assert asked == [boris]
    member = stored(main_window, "Boris Faz")
    assert member is not None and (member.capacity, member.team_id) == (25, west)
    qtbot.waitUntil(lambda: row_named(tab, "Boris Faz").team == "West")

    main_window.undo_stack.undo()
    qtbot.waitUntil(lambda: row_named(tab, "Boris Faz").capacity == 40)
    assert stored(main_window, "Boris Faz").team_id == boris.team_id

    main_window.undo_stack.redo()
    qtbot.waitUntil(lambda: row_named(tab, "Boris Faz").capacity == 25)


def test_double_click_opens_the_edit_dialog(qtbot: Any, main_window: Any, tab: TeamTab,
                                            monkeypatch: pytest.MonkeyPatch) -> None:
    asked: list[Any] = []
    monkeypatch.setattr(MemberDialog, "ask", classmethod(
        lambda cls, parent, **kw: asked.append(kw["member"])))
    main_window.show()
    qtbot.waitExposed(main_window)
    view = tab.members_view
    index = view.model().index(2, Column.NAME)
    rect = view.visualRect(index)
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert [m.name for m in asked] == [index.data()]


def test_deactivate_then_undo_and_reactivate(qtbot: Any, main_window: Any, tab: TeamTab,
                                             monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(LeaveDialog, "ask", classmethod(lambda cls, p, **k: date(2024, 5, 31)))
    carl = row_named(tab, "Carl Lin")
    tab.select_member(carl.id)
    assert tab.active_button.text() == "Deactivate…"
    with reloads(qtbot, tab):
        tab.active_button.click()
    assert stored(main_window, "Carl Lin").left_on == date(2024, 5, 31)
    qtbot.waitUntil(lambda: tab.members_proxy.rowCount() == 40)
    assert "Carl Lin" not in shown_names(tab) and "1 left" in tab.count_label.text()

    tab.show_left.setChecked(True)
    assert "Carl Lin" in shown_names(tab)
    assert tab.active_button.text() == "Reactivate"  # the hidden selection is back
    main_window.undo_stack.undo()
    qtbot.waitUntil(lambda: row_named(tab, "Carl Lin").active)
    main_window.undo_stack.redo()
    qtbot.waitUntil(lambda: not row_named(tab, "Carl Lin").active)

    with reloads(qtbot, tab):
        tab.active_button.click()  # now "Reactivate"
    assert stored(main_window, "Carl Lin").left_on is None


def test_a_refused_edit_shows_a_message_and_changes_nothing(
        qtbot: Any, main_window: Any, tab: TeamTab, warnings: list[str],
        monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(LeaveDialog, "ask", classmethod(lambda cls, p, **k: date(2024, 5, 31)))
    tab.select_member(row_named(tab, "Cara Losch").id)
    tab.active_button.click()
    qtbot.waitUntil(lambda: bool(warnings))
    assert "still manages" in warnings[0] and "Traceback" not in warnings[0]
    assert stored(main_window, "Cara Losch").left_on is None
    assert main_window.undo_stack.count() == 0


def test_skill_level_set_in_the_matrix_is_saved_and_undone(
        qtbot: Any, main_window: Any, tab: TeamTab, warnings: list[str]) -> None:
    before = stored_level(main_window, "Boris Faz", "products", "GTX Pro")
    assert before == 3
    index = skill_index(tab, "Boris Faz", "products", "GTX Pro")
    with reloads(qtbot, tab):
        assert tab.skills_model.setData(index, 5)
        assert index.data() == "5"  # shown at once, before the worker saved it
    assert stored_level(main_window, "Boris Faz", "products", "GTX Pro") == 5

    main_window.undo_stack.undo()
    qtbot.waitUntil(lambda: stored_level(main_window, "Boris Faz", "products", "GTX Pro") == 3)
    qtbot.waitUntil(lambda: skill_index(tab, "Boris Faz", "products", "GTX Pro").data() == "3")
    main_window.undo_stack.redo()
    qtbot.waitUntil(lambda: stored_level(main_window, "Boris Faz", "products", "GTX Pro") == 5)
    assert warnings == []


def test_several_edits_of_one_member_undo_one_by_one(
        qtbot: Any, main_window: Any, tab: TeamTab, warnings: list[str]) -> None:
    """Each undo step expects the version the step after it left, not a stale one."""
    cells = (("products", "GTX Pro", 3, 1), ("industries", "retail", 5, 2),
             ("products", "MG Special", 2, 4))
    for kind, skill, _old, new in cells:  # typed quickly: no reload in between
        tab.skills_model.setData(skill_index(tab, "Boris Faz", kind, skill), new)
    qtbot.waitUntil(lambda: main_window.undo_stack.count() == 3)
    main_window.settle()
    assert [stored_level(main_window, "Boris Faz", k, s) for k, s, _o, _n in cells] == [1, 2, 4]
    for _ in cells:
        main_window.undo_stack.undo()
    qtbot.waitUntil(lambda: [stored_level(main_window, "Boris Faz", k, s)
                             for k, s, _o, _n in cells] == [3, 5, 2])
    main_window.settle()
    assert warnings == []
    assert main_window.undo_stack.index() == 0 and main_window.undo_stack.count() == 3


def test_typing_a_digit_on_a_cell_sets_the_level(qtbot: Any, main_window: Any,
                                                 tab: TeamTab) -> None:
    view, index = tab.skills_view, skill_index(tab, "Boris Faz", "products", "GTX Pro")
    view.setCurrentIndex(tab.skills_proxy.mapFromSource(index))
    with reloads(qtbot, tab):
        qtbot.keyClick(view, Qt.Key.Key_4)
    assert stored_level(main_window, "Boris Faz", "products", "GTX Pro") == 4


def test_add_team_then_undo(qtbot: Any, main_window: Any, tab: TeamTab,
                            monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(TeamDialog, "ask", classmethod(lambda cls, p, **k: "North"))
    with reloads(qtbot, tab):
        tab.add_team_button.click()
    assert tab.team_filter.findText("North") > 0
    main_window.undo_stack.undo()
    qtbot.waitUntil(lambda: tab.team_filter.findText("North") == -1)
    with main_window.ctx.uow() as uow:
        assert uow.teams.by_name("North") is None


def test_add_skill_column_then_undo(qtbot: Any, main_window: Any, tab: TeamTab,
                                    monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(SkillColumnDialog, "ask",
                        classmethod(lambda cls, p, **k: ("languages", "German")))
    with reloads(qtbot, tab):
        tab.add_skill_button.click()
    assert ("languages", "German") in tab.skills_model.skill_columns
    index = skill_index(tab, "Boris Faz", "languages", "German")
    assert index.data() == "" and tab.skills_model.flags(index) & Qt.ItemFlag.ItemIsEditable
    main_window.undo_stack.undo()
    qtbot.waitUntil(lambda: ("languages", "German") not in tab.skills_model.skill_columns)


# --- dialogs ------------------------------------------------------------------------------
def ok_enabled(dialog: Any) -> bool:
    return bool(dialog.buttons.button(QDialogButtonBox.StandardButton.Ok).isEnabled())


def test_member_dialog_validates_as_the_user_types(qtbot: Any, tab: TeamTab) -> None:
    dialog = MemberDialog(tab, member=None, members=tab.members_model.rows, teams=tab.teams)
    qtbot.addWidget(dialog)
    assert not ok_enabled(dialog) and dialog.message.text() == "Name is required"
    dialog.name_edit.setText("  Zoe   Quinn ")
    assert ok_enabled(dialog) and dialog.message.text() == ""
    dialog.email_edit.setText("x@")
    assert not ok_enabled(dialog)
    assert dialog.message.text() == "Email: 'x@' is not a valid e-mail address"
    dialog.email_edit.setText("Zoe@Example.com")
    assert ok_enabled(dialog)
    dialog.name_edit.setText("anna snelling")
    assert not ok_enabled(dialog) and dialog.message.text().startswith("Name:")
    dialog.name_edit.setText("Zoe Quinn")
    assert dialog.capacity_spin.minimum() == 0
    fields = dialog.fields()
    assert (fields["name"], fields["email"], fields["hire_date"]) == \
        ("Zoe Quinn", "zoe@example.com", None)
    dialog.hired_check.setChecked(True)
    assert dialog.fields()["hire_date"] == date.today()


def test_member_dialog_ask_returns_the_service_fields_or_none(
        tab: TeamTab, monkeypatch: pytest.MonkeyPatch) -> None:
    def fill_and_accept(dialog: MemberDialog) -> int:  # instead of a nested event loop
        dialog.name_edit.setText("Zoe Quinn")
        dialog.team_combo.setCurrentIndex(dialog.team_combo.findText("West"))
        return int(QDialog.DialogCode.Accepted.value)

    monkeypatch.setattr(MemberDialog, "exec", fill_and_accept)
    fields = MemberDialog.ask(tab, member=None, members=tab.members_model.rows,
                              teams=tab.teams)
    west = next(t.id for t in tab.teams if t.name == "West")
    assert fields == {"name": "Zoe Quinn", "email": None, "role": "rep", "manager_id": None,
                      "team_id": west, "hire_date": None, "ramp_months": 0, "capacity": 40}
    monkeypatch.setattr(MemberDialog, "exec",
                        lambda dialog: int(QDialog.DialogCode.Rejected.value))
    assert MemberDialog.ask(tab, member=row_named(tab, "Boris Faz"),
                            members=tab.members_model.rows, teams=tab.teams) is None


def test_member_dialog_offers_no_manager_from_the_members_own_line(qtbot: Any,
                                                                     tab: TeamTab) -> None:
    rows = tab.members_model.rows
    cara, rocco = row_named(tab, "Cara Losch"), row_named(tab, "Rocco Neubert")
    # Rocco reports to Cara: Rocco's reps are now two levels under her.
    rows = [dataclasses.replace(r, manager_id=cara.id) if r.id == rocco.id else r
            for r in rows]
    dialog = MemberDialog(tab, member=cara, members=rows, teams=tab.teams)
    qtbot.addWidget(dialog)
    offered = set(dialog.manager_choices())
    below = {r.id for r in rows if r.manager_id in (cara.id, rocco.id)}
    assert len(below) == 13
    assert not offered & (below | {cara.id})
    assert {None, row_named(tab, "Summer Sewald").id} <= offered
    assert ok_enabled(dialog) and dialog.fields()["manager_id"] is None


def test_team_dialog_refuses_an_existing_name(qtbot: Any, tab: TeamTab) -> None:
    dialog = TeamDialog(tab, tab.teams)
    qtbot.addWidget(dialog)
    assert dialog.message.text() == "Name is required"
    dialog.name_edit.setText(" east ")
    assert not ok_enabled(dialog) and "exists already" in dialog.message.text()
    dialog.name_edit.setText("North")
    assert ok_enabled(dialog) and dialog.team_name() == "North"


# --- an empty workspace -------------------------------------------------------------------
class TestEmptyWorkspace:
    @pytest.fixture
    def workspace_path(self, tmp_path: Path) -> Path:
        return tmp_path / "empty.sqlite"

    def test_says_how_to_start(self, tab: TeamTab, qtmodeltester: Any) -> None:
        assert tab.members_proxy.rowCount() == 0
        assert "Nobody is on the team yet" in tab.members_page.message
        assert "Nobody is on the team yet" in tab.skills_page.message
        assert not tab.edit_button.isEnabled() and not tab.active_button.isEnabled()
        for model in (tab.members_model, tab.hierarchy_model, tab.skills_model):
            qtmodeltester.check(model)
