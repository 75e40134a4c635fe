"""The Quota view (Team › Quotas): a year's plan versions, the plan grid with its roll-ups
and gaps, seasonality and ramp, attainment bars, and quota sheets out to Excel and back.

All database work runs on the serial Ops worker (quota_panels.load_*, services); edits go
through QuotaEdits onto the window's undo stack. The view loads when first shown and
reloads when an action announces changed quotas, members or teams.
"""

from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QFont, QFontMetrics
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMessageBox,
    QPushButton,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from salesdesk.services.common import OpChanges
from salesdesk.services.quotas import PlanChange
from salesdesk.ui.context import UiContext
from salesdesk.ui.dialogs.quota_plan_dialogs import NewPlanDialog, ShapeDialog, TopDownDialog
from salesdesk.ui.i18n import tr
from salesdesk.ui.models.quota_model import ROW_ROLE, GridRow, PlanGrid, QuotaModel, RowKind
from salesdesk.ui.ops import user_message
from salesdesk.ui.quota_edits import QuotaEdits, QuotaSheets
from salesdesk.ui.quota_panels import (
    PROBLEM_STYLE,
    STATUS_STYLE,
    AttainmentPanel,
    PlanData,
    history_shape,
    load_plan,
    status_word,
)
from salesdesk.ui.team_views import MessageStack

LOCKED_STYLE = "color: #8a5300; background: #fff4de; border: 1px solid #f0d49c; " \
               "border-radius: 4px; padding: 2px 8px;"
DRAFT_STYLE = "color: #1f5f99; background: #eaf3fc; border: 1px solid #bcd6f0; " \
              "border-radius: 4px; padding: 2px 8px;"


def version_label(info: Any) -> str:
    text = tr("Version {0} · {1}").format(info.plan_version, status_word(str(info.status)))
    return f"{text} · {info.note}" if info.note else text


class QuotaView(QWidget):
    sig_plan_loaded = Signal()
    """A freshly read plan (or the news that there is none) is on screen."""
    sig_status_shown = Signal(str)
    """A result was reported in the status line (an export written, ...)."""

    def __init__(self, ctx: UiContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.edits = QuotaEdits(ctx, self)
        self.sheets = QuotaSheets(ctx, self.edits, self)
        self.data: PlanData | None = None
        self.wanted = False
        self._year: int | None = None
        self._plan_id: str | None = None
        self._generation = 0
        self._make_widgets()
        self._lay_out()
        self._connect()
        self._update_buttons()

    # --- construction ------------------------------------------------------------------
    def _make_widgets(self) -> None:
        self.year_combo = QComboBox(minimumContentsLength=6)
        self.version_combo = QComboBox(minimumContentsLength=16, sizeAdjustPolicy=QComboBox.
                                       SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.state_label = QLabel()
        self.new_plan_button = QPushButton(tr("New plan…"))
        self.draft_button = QPushButton(tr("New draft version"), toolTip=tr(
            "Copy this version into a new draft you can edit"))
        self.publish_button = QPushButton(tr("Publish"), toolTip=tr(
            "Make this draft the plan in force: what reps and management are told"))
        self.delete_button = QPushButton(tr("Delete draft"))
        self.export_button = QPushButton(tr("Export to Excel…"), toolTip=tr(
            "Quota sheets for the plan in force: a summary and one sheet per team, with "
            "live attainment formulas"))
        self.import_button = QPushButton(tr("Import from Excel…"), toolTip=tr(
            "Read an edited quota sheet, preview every change, then apply it as a new "
            "version"))
        self.split_button = QPushButton(tr("Split team target top-down…"))
        self.rollup_button = QPushButton(tr("Roll team up from reps"))
        self.shape_button = QPushButton(tr("Seasonality and ramp…"))
        self.caption = QLabel(wordWrap=True)
        self.caption.setStyleSheet(STATUS_STYLE)
        self.model = QuotaModel(self)
        self.grid = QTableView(wordWrap=False,
                               selectionBehavior=QAbstractItemView.SelectionBehavior.SelectItems,
                               selectionMode=QAbstractItemView.SelectionMode.SingleSelection,
                               editTriggers=QAbstractItemView.EditTrigger.DoubleClicked
                               | QAbstractItemView.EditTrigger.EditKeyPressed
                               | QAbstractItemView.EditTrigger.AnyKeyPressed)
        self.grid.setModel(self.model)
        self.grid.verticalHeader().hide()
        self.grid.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 8)
        self.grid_page = MessageStack(self.grid)
        self.attainment = AttainmentPanel(self.ctx)
        self.pages = QTabWidget(documentMode=True)
        self.status = QLabel(wordWrap=True)
        self.status.setStyleSheet(STATUS_STYLE)

    def _lay_out(self) -> None:
        top = QHBoxLayout()
        top.addWidget(QLabel(tr("Year")))
        top.addWidget(self.year_combo)
        top.addSpacing(8)
        top.addWidget(QLabel(tr("Version")))
        top.addWidget(self.version_combo, 1)
        for button in (self.new_plan_button, self.draft_button, self.publish_button,
                       self.delete_button):
            top.addWidget(button)
        top.addSpacing(12)
        top.addWidget(self.export_button)
        top.addWidget(self.import_button)
        actions = QHBoxLayout()
        actions.addWidget(self.state_label)
        actions.addSpacing(8)
        for button in (self.split_button, self.rollup_button, self.shape_button):
            actions.addWidget(button)
        actions.addSpacing(8)
        actions.addWidget(self.caption, 1)
        plan_page = QWidget()
        plan = QVBoxLayout(plan_page)
        plan.setContentsMargins(0, 8, 0, 0)
        plan.addLayout(actions)
        plan.addWidget(self.grid_page, 1)
        self.pages.addTab(plan_page, tr("Plan"))
        self.pages.addTab(self.attainment, tr("Attainment"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 8, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.pages, 1)
        layout.addWidget(self.status)

    def _connect(self) -> None:
        self.year_combo.activated.connect(lambda _i: self._year_chosen())
        self.version_combo.activated.connect(lambda _i: self._version_chosen())
        self.new_plan_button.clicked.connect(self.new_plan)
        self.draft_button.clicked.connect(self.new_draft)
        self.publish_button.clicked.connect(self.publish)
        self.delete_button.clicked.connect(self.delete_draft)
        self.export_button.clicked.connect(self.export_sheet)
        self.import_button.clicked.connect(self.import_sheet)
        self.sheets.sig_version_made.connect(self._show_created)
        self.sheets.sig_said.connect(self._say)
        self.split_button.clicked.connect(self.split_top_down)
        self.rollup_button.clicked.connect(self.roll_up)
        self.shape_button.clicked.connect(self.edit_shape)
        self.pages.currentChanged.connect(self._page_changed)
        self.model.sig_target_edited.connect(self._target_edited)
        self.model.sig_problem.connect(
            lambda text: QMessageBox.warning(self, tr("Quota"), text))
        self.grid.selectionModel().currentChanged.connect(lambda *_: self._update_buttons())

    # --- loading -----------------------------------------------------------------------
    def ensure_loaded(self) -> None:
        """On first show: read the plan (the attainment page loads when it is shown)."""
        if not self.wanted:
            self.wanted = True
            self.refresh()

    def refresh(self) -> None:
        if not self.wanted:
            return
        self._generation += 1
        generation, uow, ids = self._generation, self.ctx.uow, self.edits.ids
        year, plan_id, today = self._year, self._plan_id, date.today()

        def job(_job: Any) -> PlanData:
            return load_plan(uow, year, ids.current(plan_id) if plan_id else None, today)

        self.ctx.ops.run(job, on_done=lambda data: self._plan_loaded(generation, data),
                         on_error=self._read_failed, parent_widget=self)

    def on_changes(self, changes: OpChanges) -> None:
        if not self.wanted:
            return
        if changes.quotas or changes.members or changes.teams:
            self.refresh()
        if changes.quotas or changes.members or changes.teams or changes.deals:
            # measured again when seen: a typed month must not queue a recount behind it
            self.attainment.stale = True
            if self.pages.currentWidget() is self.attainment:
                self.attainment.show_page()

    def _read_failed(self, exc: BaseException) -> None:
        self._say(tr("The quota plan could not be read: {0}").format(user_message(exc)), True)

    def _plan_loaded(self, generation: int, data: PlanData) -> None:
        if generation != self._generation:
            return
        self.data, self._year = data, data.year
        self._plan_id = data.grid.plan_id if data.grid else None
        self._fill_pickers(data)
        current = self.grid.currentIndex()
        keep = (current.data(ROW_ROLE), current.column()) if current.isValid() else None
        reset = self.model.set_grid(data.grid, data.currency, data.fiscal_start)
        self._fit_grid(grow_only=not reset)
        if reset and keep is not None and keep[0] is not None:
            self.grid.setCurrentIndex(self.model.index_of(keep[0].kind, keep[0].id, keep[1]))
        self.grid_page.show_message("" if data.grid else tr(
            "There is no quota plan for {0} yet. Use “New plan…” to propose one from a "
            "year's run rate, or to start empty.").format(data.year))
        self.attainment.set_periods(data.periods)
        self._update_buttons()
        self.sig_plan_loaded.emit()

    def _fill_pickers(self, data: PlanData) -> None:
        for combo in (self.year_combo, self.version_combo):
            combo.blockSignals(True)
            combo.clear()
        for year in data.years or (data.year,):
            self.year_combo.addItem(str(year), year)
        self.year_combo.setCurrentIndex(max(self.year_combo.findData(data.year), 0))
        for info in data.versions:
            self.version_combo.addItem(version_label(info), info.id)
            self.version_combo.setItemData(self.version_combo.count() - 1,
                                           version_label(info), Qt.ItemDataRole.ToolTipRole)
        if data.grid is not None:
            self.version_combo.setCurrentIndex(self.version_combo.findData(data.grid.plan_id))
        for combo in (self.year_combo, self.version_combo):
            combo.blockSignals(False)

    def _fit_grid(self, grow_only: bool = False) -> None:
        """Each column as wide as its widest text plus a little air, measured rather than
        Qt's generous padding, so that the months, the quarters and the year fit side by
        side in a 1400-pixel window (the names column in bold, as team names are). With
        `grow_only` (an update in place) no column shrinks under the user's eyes."""
        bold = QFont(self.grid.font())
        bold.setBold(True)
        header = self.grid.horizontalHeader()
        model = self.model
        for column in range(model.columnCount()):
            texts = [str(model.headerData(column, Qt.Orientation.Horizontal) or "")]
            texts += [str(model.index(r, column).data() or "") for r in range(model.rowCount())]
            metrics = QFontMetrics(bold if column == 0 else self.grid.font())
            widest = max(metrics.horizontalAdvance(t) for t in texts)
            wanted = widest + (20 if column == 0 else 11)
            if not grow_only or wanted > header.sectionSize(column):
                header.resizeSection(column, wanted)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Interactive)

    def _year_chosen(self) -> None:
        self._year, self._plan_id = self.year_combo.currentData(), None
        self.refresh()

    def _version_chosen(self) -> None:
        self._plan_id = self.version_combo.currentData()
        self.refresh()

    def _page_changed(self, index: int) -> None:
        if self.pages.widget(index) is self.attainment:
            self.attainment.show_page()

    # --- state -------------------------------------------------------------------------
    @property
    def plan(self) -> PlanGrid | None:
        return self.data.grid if self.data else None

    def selected_team(self) -> GridRow | None:
        """The team of the selected grid row (its heading, a rep, its sum or gap)."""
        row = self.grid.currentIndex().data(ROW_ROLE)
        grid = self.plan
        if row is None or grid is None or not row.team_id:
            return None
        return grid.row(RowKind.TEAM, row.team_id)

    def _update_buttons(self) -> None:
        grid, team = self.plan, self.selected_team()
        draft = grid is not None and grid.editable
        self.draft_button.setEnabled(grid is not None)
        self.publish_button.setEnabled(draft)
        self.delete_button.setEnabled(draft)
        self.export_button.setEnabled(grid is not None)
        self.import_button.setEnabled(grid is not None)
        self.shape_button.setEnabled(draft)
        for button in (self.split_button, self.rollup_button):
            button.setEnabled(draft and team is not None)
            button.setToolTip(tr("Select a team or one of its reps in the grid") if draft
                              and team is None else "")
        self._show_state(grid)

    def _show_state(self, grid: PlanGrid | None) -> None:
        self.state_label.setVisible(grid is not None)
        if grid is None:
            self.caption.setText("")
            return
        locked = not grid.editable
        self.state_label.setStyleSheet(LOCKED_STYLE if locked else DRAFT_STYLE)
        self.state_label.setText(tr("Published — create a draft to edit") if locked else
                                 tr("Draft — double-click a rep's month to change it"))
        if locked:
            for button in (self.split_button, self.rollup_button, self.shape_button):
                button.setToolTip(tr("published — create a draft to edit"))
        money = self.data.currency if self.data else ""
        self.caption.setText(tr("Amounts in {0}; quarters and the year add up their months. "
                                "The gap is the team's target minus its reps' sum."
                                ).format(money))

    def _say(self, text: str, problem: bool = False) -> None:
        self.status.setStyleSheet(PROBLEM_STYLE if problem else STATUS_STYLE)
        self.status.setText(text)
        self.sig_status_shown.emit(text)

    # --- editing the grid --------------------------------------------------------------
    def _target_edited(self, member_id: str, month: date, amount: Decimal) -> None:
        grid = self.plan
        row = grid.row(RowKind.MEMBER, member_id) if grid else None
        if grid is None or row is None or self.data is None:
            return
        self.edits.set_target(grid, member_id, row.name, month, amount, self.data.currency)
        self.refresh()  # settles the typed amount whether it was stored or refused

    def split_top_down(self) -> None:
        grid, team = self.plan, self.selected_team()
        if grid is None or team is None or self.data is None:
            return
        reps = [(r.id, r.name) for r in grid.reps_of(team.id) if r.active]
        bottom = grid.row(RowKind.BOTTOM_UP, team.id)
        annual = team.values[-1] if team.values[-1] is not None else \
            (bottom.values[-1] if bottom else None)
        choice = TopDownDialog.ask(self, team_name=team.name, reps=reps,
                                   annual=annual or Decimal(0), currency=self.data.currency,
                                   shape=grid.shape)
        if choice is not None:
            self.edits.split_top_down(grid, team.id, team.name, choice.annual, choice.weights)

    def roll_up(self) -> None:
        grid, team = self.plan, self.selected_team()
        if grid is not None and team is not None:
            self.edits.roll_up(grid, team.id, team.name)

    def edit_shape(self) -> None:
        grid, data = self.plan, self.data
        if grid is None or data is None:
            return
        choice = ShapeDialog.ask(self, months=grid.months, shape=grid.shape,
                                 fiscal_start=data.fiscal_start,
                                 read_history=self.read_history_shape,
                                 base_year=grid.shape.base_year or grid.year - 1)
        if choice is not None:
            self.edits.set_shape(grid, choice.seasonality, choice.ramp, choice.block_months)

    def read_history_shape(self, year: int, arrived: Any) -> None:
        """The seasonality of `year`'s won revenue, read on the worker, to `arrived` (or
        the sentence saying why it could not be read)."""
        uow, fiscal = self.ctx.uow, self.data.fiscal_start if self.data else 1
        self.ctx.ops.run(lambda _job: history_shape(uow, year, fiscal), on_done=arrived,
                         on_error=lambda exc: arrived(user_message(exc)), parent_widget=self)

    # --- versions ----------------------------------------------------------------------
    def _show_created(self, done: PlanChange | None) -> None:
        """Show the version an action made (the reload follows its announcement)."""
        if done is not None:
            self._year, self._plan_id = done.year, done.plan_id

    def new_plan(self) -> None:
        data = self.data
        years = data.years if data else ()
        default = (max(years) + 1) if years else (data.year if data else date.today().year)
        choice = NewPlanDialog.ask(self, years=years, default_year=default)
        if choice is not None:
            self.edits.create_plan(choice.year, choice.propose, choice.base_year,
                                   choice.growth, choice.note, self._show_created)

    def new_draft(self) -> None:
        if self.plan is not None:
            self.edits.new_draft(self.plan, self._show_created)

    def publish(self) -> None:
        grid = self.plan
        if grid is None:
            return
        answer = QMessageBox.question(self, tr("Publish"), tr(
            "Publish version {0} of the {1} plan? It becomes the plan in force: reps and "
            "management see it as their quotas, and it can no longer be edited (make a new "
            "draft instead). Publishing cannot be undone.").format(grid.plan_version,
                                                                  grid.year))
        if answer == QMessageBox.StandardButton.Yes:
            self.edits.publish(grid, self._show_created)

    def delete_draft(self) -> None:
        grid = self.plan
        if grid is not None:
            self.edits.delete_draft(grid, lambda _gone: None)
            self._plan_id = None  # then the year's plan in force

    # --- Excel (quota_edits.QuotaSheets) ------------------------------------------------
    def export_sheet(self) -> None:
        if self.plan is not None:
            self.sheets.export(self.plan.year)

    def import_sheet(self) -> None:
        if self.plan is not None and self.data is not None:
            self.sheets.import_(self.plan.year, self.data.currency)
