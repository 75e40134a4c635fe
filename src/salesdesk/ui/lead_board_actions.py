"""What the lead board's buttons do: import, routing, rules, speed to lead, export, saved
views and the bulk actions on a selection.

Every change goes through the services on the worker (ctx.edit for undoable ones); the
board refreshes when the change is announced, never by itself.
"""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtWidgets import QFileDialog, QInputDialog, QLineEdit, QMenu, QMessageBox

from salesdesk.domain.speed_to_lead import SlaState
from salesdesk.storage.lead_choices import LeadChoices
from salesdesk.storage.lead_queries import Clock, LeadFilter, SortKey
from salesdesk.ui.i18n import tr

if TYPE_CHECKING:
    from salesdesk.services.lead_views import SavedView
    from salesdesk.ui.lead_board_tab import LeadBoardTab

DIMENSIONS = ("statuses", "segments", "owners", "territories", "sla_states", "sources")
IMPORT_FILTER = "Lead files (*.csv *.xlsx *.txt);;All files (*)"


def view_of(name: str, f: LeadFilter, sort: SortKey, descending: bool) -> SavedView:
    from salesdesk.services.lead_views import SavedView

    filters = {d: [None if v is None else str(v) for v in getattr(f, d)] for d in DIMENSIONS}
    return SavedView(name, {k: v for k, v in filters.items() if v}, f.search, sort.value,
                     descending)


def filter_of(view: SavedView) -> LeadFilter:
    values: dict[str, tuple[Any, ...]] = {}
    for dimension in DIMENSIONS:
        given = view.filters.get(dimension) or []
        if dimension == "sla_states":
            known = {s.value for s in SlaState}
            values[dimension] = tuple(SlaState(v) for v in given if v in known)
        else:
            values[dimension] = tuple(given)
    return LeadFilter(search=view.search, **values)


class LeadBoardActions:
    def __init__(self, tab: LeadBoardTab):
        self.tab = tab
        self.choices = LeadChoices((), (), (), ())
        self.views: list[SavedView] = []
        self.views_menu = QMenu(tab)
        self.views_menu.aboutToShow.connect(self._fill_views_menu)

    @property
    def ctx(self) -> Any:
        return self.tab.ctx

    def connect_buttons(self) -> None:
        tab = self.tab
        tab.views_button.setMenu(self.views_menu)
        tab.import_button.clicked.connect(self.import_leads)
        tab.route_button.clicked.connect(self.route)
        tab.rules_button.clicked.connect(self.edit_rules)
        tab.speed_button.clicked.connect(self.speed_to_lead)
        tab.export_button.clicked.connect(self.export)
        tab.assign_button.clicked.connect(self.assign_selected)
        tab.status_button.clicked.connect(self.status_of_selected)
        tab.segment_button.clicked.connect(self.segment_selected)
        self.load_views()

    # --- dialogs -------------------------------------------------------------------------
    def import_leads(self) -> None:
        from salesdesk.ui.dialogs.lead_import_dialog import LeadImportDialog

        path, _ = QFileDialog.getOpenFileName(self.tab, tr("Import leads"), str(Path.home()),
                                              tr(IMPORT_FILTER))
        if path:
            LeadImportDialog.ask(self.tab, self.ctx, Path(path))

    def route(self) -> None:
        from salesdesk.ui.dialogs.routing_preview_dialog import RoutingPreviewDialog

        RoutingPreviewDialog.ask(self.tab, self.ctx)

    def edit_rules(self) -> None:
        from salesdesk.ui.dialogs.lead_rules_dialog import LeadRulesDialog

        LeadRulesDialog.ask(self.tab, self.ctx)

    def speed_to_lead(self) -> None:
        from salesdesk.ui.dialogs.contact_times_dialog import ContactTimesDialog

        ContactTimesDialog.ask(self.tab, self.ctx)

    def export(self) -> None:
        path, _ = QFileDialog.getSaveFileName(self.tab, tr("Export leads"),
                                              str(Path.home() / "leads.xlsx"),
                                              tr("Excel workbook (*.xlsx);;CSV (*.csv)"))
        if path:
            self.export_to(Path(path))

    def export_to(self, path: Path) -> None:
        engine, f = self.ctx.workspace.engine, self.tab.model.query.filter
        clock = Clock.at(datetime.now(UTC))

        def job(_job: Any) -> int:
            from salesdesk.storage.lead_export import export_leads

            with engine.connect() as conn:
                return export_leads(conn, path, f, clock)

        self.ctx.ops.run(job, label=tr("Exporting leads…"), parent_widget=self.tab,
                         on_done=lambda n: self._tell(
                             tr("Exported {0:,} leads to {1}").format(n, path)))

    def _tell(self, text: str) -> None:
        window = self.tab.window()
        bar = getattr(window, "statusBar", None)
        if bar is not None:
            bar().showMessage(text, 8000)

    # --- saved views ---------------------------------------------------------------------
    def load_views(self) -> None:
        from salesdesk.services.lead_views import list_views

        uow = self.ctx.uow
        self.ctx.ops.run(lambda _job: list_views(uow), on_done=self._views_arrived,
                         parent_widget=self.tab)

    def _views_arrived(self, views: list[SavedView]) -> None:
        self.views = list(views)

    def _fill_views_menu(self) -> None:
        menu = self.views_menu
        menu.clear()
        for view in self.views:
            menu.addAction(view.name).triggered.connect(
                lambda _c=False, v=view: self.show_view(v))
        if not self.views:
            menu.addAction(tr("No saved views yet")).setEnabled(False)
        menu.addSeparator()
        menu.addAction(tr("Save this view…")).triggered.connect(self.save_view)
        remove = menu.addMenu(tr("Delete a view"))
        remove.setEnabled(bool(self.views))
        for view in self.views:
            remove.addAction(view.name).triggered.connect(
                lambda _c=False, v=view: self.delete_view(v.name))

    def show_view(self, view: SavedView) -> None:
        try:
            sort = SortKey(view.sort)
        except ValueError:
            sort = SortKey.RECEIVED
        self.tab.set_order(sort, view.descending)
        self.tab.filters.apply_filter(filter_of(view))

    def save_view(self, name: str | None = None) -> None:
        from salesdesk.services.lead_views import save_view

        if name is None:
            name, ok = QInputDialog.getText(self.tab, tr("Save this view"),
                                            tr("Name of the view:"), QLineEdit.EchoMode.Normal)
            if not ok or not name.strip():
                return
        query = self.tab.model.query
        view = view_of(name.strip(), self.tab.filters.lead_filter(), query.sort,
                       query.descending)
        uow = self.ctx.uow
        self.ctx.ops.run(lambda _job: save_view(uow, view), parent_widget=self.tab,
                         on_done=lambda _c: self.load_views())

    def delete_view(self, name: str) -> None:
        from salesdesk.services.lead_views import delete_view

        uow = self.ctx.uow
        self.ctx.ops.run(lambda _job: delete_view(uow, name), parent_widget=self.tab,
                         on_done=lambda _c: self.load_views())

    # --- bulk actions --------------------------------------------------------------------
    def _selection(self) -> list[str]:
        ids = self.tab.selected_ids()
        if not ids:
            QMessageBox.information(self.tab, tr("Leads"), tr("Select leads first."))
        return ids

    def assign_selected(self) -> None:
        from salesdesk.ui.dialogs.lead_bulk_dialogs import AssignDialog

        ids = self._selection()
        if not ids:
            return
        chosen = AssignDialog.ask(self.tab, self.choices.owners, len(ids))
        if chosen is not None:
            self.assign(ids, *chosen)

    def assign(self, ids: list[str], owner_id: str | None, name: str) -> None:
        from salesdesk.services import lead_actions as la

        uow = self.ctx.uow
        self.ctx.edit(tr("Assign {0:,} leads to {1}").format(len(ids), name),
                      lambda: la.assign_leads(uow, ids, owner_id),
                      lambda done: lambda _v: la.restore_owners(uow, done.previous),
                      lambda _done: lambda _v: la.assign_leads(uow, ids, owner_id),
                      self.tab)

    def status_of_selected(self) -> None:
        from salesdesk.ui.dialogs.lead_bulk_dialogs import StatusDialog

        ids = self._selection()
        if not ids:
            return
        answer = StatusDialog.ask(self.tab, len(ids))
        if answer is not None:
            self.set_status(ids, *answer)

    def set_status(self, ids: list[str], status: Any, reason: str) -> None:
        from salesdesk.services import lead_actions as la

        uow = self.ctx.uow
        self.ctx.edit(tr("Change the status of {0:,} leads").format(len(ids)),
                      lambda: la.set_status(uow, ids, status, reason),
                      lambda done: lambda _v: la.restore_statuses(uow, done.previous),
                      lambda _done: lambda _v: la.set_status(uow, ids, status, reason),
                      self.tab)

    def segment_selected(self) -> None:
        from salesdesk.ui.dialogs.lead_bulk_dialogs import SegmentDialog

        ids = self._selection()
        if not ids:
            return
        answer = SegmentDialog.ask(self.tab, list(self.choices.segments), len(ids))
        if answer is not None:
            self.segment(ids, *answer)

    def segment(self, ids: list[str], name: str, add: bool) -> None:
        from salesdesk.services import lead_actions as la

        uow = self.ctx.uow
        do = la.add_to_segment if add else la.remove_from_segment
        text = tr("Add {0:,} leads to {1}") if add else tr("Remove {0:,} leads from {1}")
        self.ctx.edit(text.format(len(ids), name), lambda: do(uow, ids, name),
                      lambda done: lambda _v: la.restore_segments(uow, done.previous),
                      lambda _done: lambda _v: do(uow, ids, name), self.tab)
