"""The Team tab's edits, each through ctx.edit so it lands on the undo stack.

Every step runs on the Ops worker. Actions on a member go through the window's
VersionBook (ui.undo), so quick successive edits of one member made from a row loaded
before the first one landed are not refused as a conflict with ourselves.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from typing import Any

from PySide6.QtWidgets import QWidget

from salesdesk.services import team
from salesdesk.storage.rows import MemberRow
from salesdesk.ui.context import UiContext
from salesdesk.ui.i18n import tr
from salesdesk.ui.team_format import skill_label


class TeamEdits:
    """Undoable Team actions. `widget` parents error messages."""

    def __init__(self, ctx: UiContext, widget: QWidget):
        self.ctx, self.widget = ctx, widget
        self.book = ctx.versions

    def add_member(self, fields: dict[str, Any],
                   on_done: Callable[[Any], None] | None = None) -> None:
        uow = self.ctx.uow
        self.ctx.edit(
            tr("Add {0}").format(fields["name"]), lambda: team.add_member(uow, **fields),
            make_undo=lambda saved: (lambda v: team.delete_member(uow, saved.member_id, v)),
            make_redo=lambda saved: (lambda _v: team.restore_member(uow, saved.member_id)),
            parent_widget=self.widget, on_done=on_done)

    def edit_member(self, row: MemberRow, changes: dict[str, Any]) -> None:
        uow, member_id = self.ctx.uow, row.id
        self.ctx.edit(
            tr("Edit {0}").format(row.name),
            lambda: self.book.call(member_id, row.version,
                                   lambda v: team.edit_member(uow, member_id, v, changes)),
            make_undo=lambda saved: (lambda v: team.edit_member(uow, member_id, v, saved.before)),
            make_redo=lambda saved: (lambda v: team.edit_member(uow, member_id, v, changes)),
            parent_widget=self.widget)

    def deactivate(self, row: MemberRow, on: date) -> None:
        uow, member_id = self.ctx.uow, row.id
        self.ctx.edit(
            tr("Deactivate {0}").format(row.name),
            lambda: self.book.call(member_id, row.version, lambda v: team.set_active(
                uow, member_id, v, active=False, on=on)),
            make_undo=lambda _saved: (lambda v: team.set_active(uow, member_id, v, active=True)),
            make_redo=lambda _saved: (lambda v: team.set_active(uow, member_id, v, active=False,
                                                                on=on)),
            parent_widget=self.widget)

    def reactivate(self, row: MemberRow) -> None:
        uow, member_id = self.ctx.uow, row.id
        self.ctx.edit(
            tr("Reactivate {0}").format(row.name),
            lambda: self.book.call(member_id, row.version, lambda v: team.set_active(
                uow, member_id, v, active=True)),
            make_undo=lambda saved: (lambda v: team.set_active(uow, member_id, v, active=False,
                                                     on=saved.before["left_on"])),
            make_redo=lambda _saved: (lambda v: team.set_active(uow, member_id, v, active=True)),
            parent_widget=self.widget)

    def set_skill(self, member_id: str, version: int, name: str, kind: str, skill: str,
                  level: int, on_done: Callable[[Any], None] | None = None) -> None:
        uow = self.ctx.uow

        def previous(saved: Any) -> int:
            return int(saved.before["skills"].get(kind, {}).get(skill, 0))

        self.ctx.edit(
            tr("Set {0}'s {1} to {2}").format(name, skill_label(skill), level),
            lambda: self.book.call(member_id, version, lambda v: team.set_skill(
                uow, member_id, v, kind, skill, level)),
            make_undo=lambda saved: (lambda v: team.set_skill(
                uow, member_id, v, kind, skill, previous(saved))),
            make_redo=lambda _saved: (lambda v: team.set_skill(
                uow, member_id, v, kind, skill, level)),
            parent_widget=self.widget, on_done=on_done)

    def add_team(self, name: str) -> None:
        uow = self.ctx.uow
        self.ctx.edit(
            tr("Add team {0}").format(name), lambda: team.add_team(uow, name),
            make_undo=lambda changes: lambda _v: team.delete_team(uow, changes.ids[0]),
            make_redo=lambda changes: lambda _v: team.restore_team(uow, changes.ids[0]),
            parent_widget=self.widget)

    def add_skill_column(self, kind: str, skill: str) -> None:
        uow = self.ctx.uow
        self.ctx.edit(
            tr("Add skill {0}").format(skill), lambda: team.add_skill_column(uow, kind, skill),
            make_undo=lambda _c: lambda _v: team.remove_skill_column(uow, kind, skill),
            make_redo=lambda _c: lambda _v: team.add_skill_column(uow, kind, skill),
            parent_widget=self.widget)
