"""The undoable territory edits of the Territories tab, each a ui.undo step pair.

Each runs its service on the worker and, once it succeeded, pushes a command whose undo
is the inverse service call: add <-> delete/restore, edit <-> edit with the replaced values
(result.before), delete <-> restore. Errors are shown by Ops and push nothing.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtWidgets import QWidget

from salesdesk.services import territories as svc
from salesdesk.storage.rows import TerritoryRow
from salesdesk.ui.context import UiContext
from salesdesk.ui.i18n import tr

Done = Callable[[Any], None] | None


def add_territory(ctx: UiContext, widget: QWidget, name: str, parent_id: str | None,
                  on_done: Done = None) -> None:
    uow = ctx.uow
    ctx.edit(tr("Add territory {0}").format(name),
             lambda: svc.add_territory(uow, name, parent_id),
             lambda r: lambda v: svc.delete_territory(uow, r.territory_id, v),
             lambda r: lambda _v: svc.restore_territory(uow, r.territory_id),
             parent_widget=widget, on_done=on_done)


def edit_territory(ctx: UiContext, widget: QWidget, row: TerritoryRow, text: str,
                   changes: dict[str, Any], *, version: int | None = None,
                   on_done: Done = None) -> None:
    """edit_territory(**changes), refused if the territory changed since `version`
    (default: the row's)."""
    uow, tid, book = ctx.uow, row.id, ctx.versions
    base = row.version if version is None else version
    ctx.edit(text,
             lambda: book.call(tid, base, lambda v: svc.edit_territory(uow, tid, v, **changes)),
             lambda r: lambda v: svc.edit_territory(uow, tid, v, **r.before),
             lambda _r: lambda v: svc.edit_territory(uow, tid, v, **changes),
             parent_widget=widget, on_done=on_done)


def delete_territory(ctx: UiContext, widget: QWidget, row: TerritoryRow,
                     on_done: Done = None) -> None:
    uow, tid, version, book = ctx.uow, row.id, row.version, ctx.versions
    ctx.edit(tr("Delete territory {0}").format(row.name),
             lambda: book.call(tid, version, lambda v: svc.delete_territory(uow, tid, v)),
             lambda _r: lambda _v: svc.restore_territory(uow, tid),
             lambda _r: lambda v: svc.delete_territory(uow, tid, v),
             parent_widget=widget, on_done=on_done)
