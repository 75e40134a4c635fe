"""Undo/redo across several edits of the same entity, and real conflicts."""

from __future__ import annotations

from typing import Any

from PySide6.QtWidgets import QMessageBox

from salesdesk.domain.territories import Criterion, RuleField
from salesdesk.services import territories as svc
from salesdesk.storage import queries
from salesdesk.ui import territory_edits


def _row(window: Any, name: str) -> Any:
    with window.ctx.workspace.engine.connect() as conn:
        return next(t for t in queries.territories(conn) if t.name == name)


def _countries(window: Any) -> tuple[str, ...]:
    return _row(window, "EMEA").criteria[0].values


def test_two_edits_of_one_territory_undo_and_redo_in_order(main_window: Any,
                                                          qtbot: Any) -> None:
    original = _countries(main_window)
    row = _row(main_window, "EMEA")  # loaded once, like a tab that has not reloaded yet
    for countries in (("Germany",), ("Germany", "France")):
        territory_edits.edit_territory(
            main_window.ctx, main_window, row, "rules",
            {"criteria": [Criterion(RuleField.COUNTRY, countries)]})
        main_window.settle()
    assert _countries(main_window) == ("Germany", "France")
    assert main_window.undo_stack.count() == 2
    main_window.undo_stack.undo()
    main_window.settle()
    assert _countries(main_window) == ("Germany",)
    main_window.undo_stack.undo()
    main_window.settle()
    assert _countries(main_window) == original
    main_window.undo_stack.redo()
    main_window.settle()
    assert _countries(main_window) == ("Germany",)


def test_undo_over_a_change_made_elsewhere_is_refused(main_window: Any, qtbot: Any,
                                                      monkeypatch: Any) -> None:
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text: shown.append(text))
    row = _row(main_window, "EMEA")
    territory_edits.edit_territory(main_window.ctx, main_window, row, "rules",
                                   {"criteria": [Criterion(RuleField.COUNTRY, ("Spain",))]})
    main_window.settle()
    # Someone else (another laptop on the shared database) renames it meanwhile.
    fresh = _row(main_window, "EMEA")
    svc.edit_territory(main_window.ctx.uow, fresh.id, fresh.version, name="Europe")
    main_window.undo_stack.undo()
    main_window.settle()
    qtbot.waitUntil(lambda: main_window.undo_stack.count() == 0)
    assert shown and "changed by someone else" in shown[0]
    assert _row(main_window, "Europe").criteria[0].values == ("Spain",)
