"""What the Quota view reads (on the worker) and the attainment page it shows.

`load_plan`, `load_attainment` and `history_shape` run on the serial Ops worker and
return plain rows; the widgets here only show them.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, QRectF, QSize, Qt, Signal
from PySide6.QtGui import QColor, QPainter, QPen
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from salesdesk.domain.periods import PeriodKind, children
from salesdesk.domain.quotas import Gap, Metric, OwnerKind, QuotaPlan, member, plan_gaps
from salesdesk.ui.context import UiContext
from salesdesk.ui.i18n import tr
from salesdesk.ui.models.attainment_model import RATIO_ROLE, AttainmentModel, Col
from salesdesk.ui.models.board_model import day_text, money_text
from salesdesk.ui.models.quota_model import (
    FIGURES,
    MONTHS,
    ZERO,
    GridRow,
    PlanGrid,
    Rep,
    RowKind,
    Shape,
    month_long,
    roll,
)
from salesdesk.ui.ops import user_message
from salesdesk.ui.team_views import MessageStack

Index = QModelIndex | QPersistentModelIndex
STATUS_STYLE = "color: #5f6b7a;"
PROBLEM_STYLE = "color: #b3261e;"
RED, AMBER, GREEN = QColor("#d64541"), QColor("#e59a1c"), QColor("#2f9e57")
TRACK, MARK = QColor("#e3e8ee"), QColor("#4a5663")
BAR_WIDTH = 340
"""The attainment column at its narrowest: a readable bar and its percentage (it takes
the width the other columns leave)."""


# --- reads (worker) ---------------------------------------------------------------------
@dataclass(frozen=True)
class PlanData:
    currency: str
    fiscal_start: int
    years: tuple[int, ...]
    """Years holding a plan, newest first."""
    year: int
    versions: tuple[Any, ...]
    """The year's versions (storage PlanInfo), newest first."""
    grid: PlanGrid | None
    teams: tuple[tuple[str, str], ...]
    periods: tuple[tuple[str, str], ...]
    """(period name, label) the attainment page offers: the year, quarters, months."""


def load_plan(uow: Any, year: int | None, plan_id: str | None, today: date) -> PlanData:
    """The grid of `plan_id` if it is a version of `year`, else of the year's plan in
    force (latest published, else latest draft). No year: today's fiscal year if it has
    a plan, else the newest year that has one."""
    from salesdesk.services import quotas
    from salesdesk.services.attainment import fiscal_year_of
    from salesdesk.services.workspace_settings import currency_of, fiscal_start_month

    infos = quotas.versions(uow)
    with uow() as u:
        fiscal, currency = fiscal_start_month(u), currency_of(u)
        reps = [Rep(m.id, m.name, m.team_id, m.active) for m in quotas.quota_members(u)]
        teams = tuple(sorted(((t.id, t.name) for t in u.teams.list()),
                             key=lambda t: t[1].casefold()))
    years = tuple(sorted({i.year for i in infos}, reverse=True))
    if year is None:
        this = fiscal_year_of(today, fiscal)
        year = this if this in years or not years else years[0]
    mine = tuple(i for i in infos if i.year == year)
    chosen = plan_id if any(i.id == plan_id for i in mine) else _in_force(mine)
    grid = None
    if chosen is not None:
        plan = quotas.load(uow, chosen)
        grid = build_grid(plan, reps, teams, shape_of(plan))
    return PlanData(currency, fiscal, years, year, mine, grid, teams,
                    _periods(year, fiscal))


def _in_force(versions: tuple[Any, ...]) -> str | None:
    published = [v for v in versions if v.status == "published"]
    chosen = (published or list(versions) or [None])[0]
    return None if chosen is None else str(chosen.id)


def shape_of(plan: Any) -> Shape:
    from salesdesk.services import quotas

    ramp = quotas.ramp_schedule_of(plan)
    base = plan.settings.get("base_year")
    return Shape(quotas.seasonality_of(plan).weights, ramp.steps if ramp else None,
                 ramp.block_months if ramp else 3,
                 int(base) if isinstance(base, int | str) and str(base).isdigit() else None)


def _periods(year: int, fiscal: int) -> tuple[tuple[str, str], ...]:
    from salesdesk.domain.periods import PeriodKind, children, fiscal_year

    span = fiscal_year(year, fiscal)
    found = [(span.name, tr("Year {0}").format(span.name))]
    found += [(q.name, q.name) for q in children(span, PeriodKind.QUARTER, fiscal)]
    found += [(m.name, month_long(m.start)) for m in children(span, PeriodKind.MONTH, fiscal)]
    return tuple(found)


# --- building the grid (pure) ----------------------------------------------------------
def _months(plan: QuotaPlan, owner_months: dict[date, Any]) -> list[Decimal]:
    return [Decimal(owner_months[m]) for m in plan.month_starts]


def build_grid(plan: QuotaPlan, reps: Iterable[Rep], teams: Sequence[tuple[str, str]],
               shape: Shape) -> PlanGrid:
    """The grid of `plan`: teams (id, name) in the given order, each followed by its reps,
    their sum and the gap (domain.quotas.plan_gaps, what services.quotas.team_gaps
    returns), reps without a team last, then the total of every rep."""
    reps = list(reps)
    rows: list[GridRow] = []
    known = {t for t, _ in teams}
    targeted = {o.id for o in plan.owners(OwnerKind.TEAM)}
    for team_id, name in teams:
        members = [r for r in reps if r.team_id == team_id]
        rows += _team_block(plan, team_id, name, members, team_id in targeted)
    loose = [r for r in reps if r.team_id not in known]
    if loose:
        rows.append(GridRow(RowKind.NO_TEAM, "", tr("No team"), "", (None,) * FIGURES))
        rows += [_member_row(plan, r, "") for r in loose]
    every = [r for r in rows if r.kind is RowKind.MEMBER]
    total = [sum((r.values[i] or ZERO for r in every), ZERO) for i in range(MONTHS)]
    rows.append(GridRow(RowKind.TOTAL, "", tr("All reps"), "", roll(total)))
    quarters = children(plan.period, PeriodKind.QUARTER, plan.fiscal_start)
    return PlanGrid(plan.id, plan.year, plan.plan_version, plan.status, plan.version,
                    plan.note, tuple(plan.month_starts), tuple(q.name for q in quarters),
                    tuple(rows), shape)


def _member_row(plan: QuotaPlan, rep: Rep, team_id: str) -> GridRow:
    months = _months(plan, plan.monthly(member(rep.id), Metric.REVENUE))
    note = "" if rep.active else tr("Has left; past months still count")
    return GridRow(RowKind.MEMBER, rep.id, rep.name, team_id, roll(months), rep.active, note)


def _team_block(plan: QuotaPlan, team_id: str, name: str, reps: list[Rep],
                has_target: bool) -> list[GridRow]:
    gaps: list[Gap] = plan_gaps(plan, team_id, [r.id for r in reps])
    top: tuple[Decimal | None, ...] = tuple(Decimal(g.top_down) for g in gaps)
    gap: tuple[Decimal | None, ...] = tuple(Decimal(g.gap) for g in gaps)
    note = ""
    if not has_target:
        top = gap = (None,) * FIGURES
        note = tr("No team target yet: split one top-down, or roll the team up from its "
                  "reps")
    return [GridRow(RowKind.TEAM, team_id, name, team_id, top, note=note),
            *(_member_row(plan, r, team_id) for r in reps),
            GridRow(RowKind.BOTTOM_UP, team_id, tr("Bottom-up (reps)"), team_id,
                    tuple(Decimal(g.bottom_up) for g in gaps)),
            GridRow(RowKind.GAP, team_id, tr("Gap (team − reps)"), team_id, gap, note=note)]



def load_attainment(uow: Any, period: str, as_of: date) -> Any:
    from salesdesk.services.attainment import attainment

    return attainment(uow, period, as_of)


def history_shape(uow: Any, base_year: int, fiscal: int) -> tuple[Decimal, ...]:
    """Seasonality weights from the company's won revenue in each fiscal month of
    `base_year` (services.attainment per month), smoothed like a proposed plan's
    (Seasonality.from_history, to four places). Even when nothing was won."""
    from salesdesk.domain.allocation import Seasonality
    from salesdesk.domain.periods import PeriodKind, children, fiscal_year
    from salesdesk.services.attainment import attainment

    months = children(fiscal_year(base_year, fiscal), PeriodKind.MONTH, fiscal)
    today = date.today()
    won = [attainment(uow, m.name, today).total.won for m in months]
    return tuple(w.quantize(Decimal("0.0001")) for w in Seasonality.from_history(won).weights)


# --- attainment bars --------------------------------------------------------------------
def bar_colour(ratio: float) -> QColor:
    """Red under 80 %, amber under 100 %, green from 100 %."""
    return RED if ratio < 0.8 else AMBER if ratio < 1.0 else GREEN


class AttainmentBarDelegate(QStyledItemDelegate):
    """The attainment column: a bar on a 0-120 % scale with a mark at 100 %, and the
    percentage to its right."""

    SCALE = 1.2

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        text, opt.text = opt.text, ""
        widget = option.widget
        style = widget.style() if widget is not None else None
        if style is not None:
            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, widget)
        rect: QRect = option.rect.adjusted(6, 0, -6, 0)
        metrics = option.fontMetrics
        text_width = metrics.horizontalAdvance("100.0 %") + 10
        bar = QRectF(rect.left(), rect.center().y() - 6, max(rect.width() - text_width, 20),
                     12)
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(TRACK)
        painter.drawRoundedRect(bar, 3, 3)
        ratio = index.data(RATIO_ROLE)
        if ratio is not None:
            filled = QRectF(bar)
            filled.setWidth(bar.width() * min(max(ratio, 0.0), self.SCALE) / self.SCALE)
            painter.setBrush(bar_colour(ratio))
            painter.drawRoundedRect(filled, 3, 3)
        mark = bar.left() + bar.width() / self.SCALE
        painter.setPen(QPen(MARK, 1.5))
        painter.drawLine(int(mark), int(bar.top()) - 2, int(mark), int(bar.bottom()) + 2)
        painter.setPen(opt.palette.color(opt.palette.ColorRole.Text))
        painter.setFont(opt.font)
        painter.drawText(QRect(int(bar.right()), rect.top(), rect.right() - int(bar.right()),
                               rect.height()),
                         int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter), text)
        painter.restore()

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:  # noqa: N802
        hint = super().sizeHint(option, index)
        return QSize(max(hint.width(), 220), hint.height())


class AttainmentPanel(QWidget):
    """Attainment of every team and rep in a period of the plan year, as of today."""

    sig_attainment_loaded = Signal()
    """Freshly computed attainment is on screen."""

    def __init__(self, ctx: UiContext, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.view: Any = None
        self.wanted = False
        self.stale = False
        """Something changed since the figures on screen were measured."""
        self._generation = 0
        self.period_combo = QComboBox(sizeAdjustPolicy=QComboBox.SizeAdjustPolicy.
                                      AdjustToContents)
        self.caption = QLabel(wordWrap=True)
        self.caption.setStyleSheet(STATUS_STYLE)
        self.model = AttainmentModel(self)
        self.table = QTableView(alternatingRowColors=False, wordWrap=False,
                                selectionBehavior=QAbstractItemView.SelectionBehavior.SelectRows,
                                editTriggers=QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setModel(self.model)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(self.fontMetrics().height() + 10)
        self.table.setItemDelegateForColumn(Col.ATTAINMENT, AttainmentBarDelegate(self.table))
        self.page = MessageStack(self.table)
        self._lay_out()
        self.period_combo.currentIndexChanged.connect(lambda _i: self.refresh())

    def _lay_out(self) -> None:
        top = QHBoxLayout()
        top.addWidget(QLabel(tr("Period")))
        top.addWidget(self.period_combo)
        top.addSpacing(12)
        top.addWidget(self.caption, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 8, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.page, 1)

    @property
    def period(self) -> str | None:
        data = self.period_combo.currentData()
        return None if data is None else str(data)

    def set_periods(self, periods: tuple[tuple[str, str], ...]) -> None:
        """Offer the plan year's periods, keeping the one chosen if it is still there."""
        current = self.period
        self.period_combo.blockSignals(True)
        self.period_combo.clear()
        for name, label in periods:
            self.period_combo.addItem(label, name)
        found = self.period_combo.findData(current)
        self.period_combo.setCurrentIndex(max(found, 0))
        self.period_combo.blockSignals(False)
        if self.wanted and self.period != current:
            self.refresh()

    def choose(self, period: str) -> None:
        self.period_combo.setCurrentIndex(max(self.period_combo.findData(period), 0))

    def ensure_loaded(self) -> None:
        if not self.wanted:
            self.wanted = True
            self.refresh()

    def show_page(self) -> None:
        """The page is on screen: measure on first show, or again if changed since."""
        if not self.wanted:
            self.ensure_loaded()
        elif self.stale:
            self.refresh()

    def refresh(self) -> None:
        period = self.period
        if not self.wanted or period is None:
            return
        self._generation += 1
        self.stale = False
        generation, uow, today = self._generation, self.ctx.uow, date.today()
        self.caption.setStyleSheet(STATUS_STYLE)
        self.caption.setText(tr("Measuring attainment for {0}…").format(period))
        self.ctx.ops.run(lambda _job: load_attainment(uow, period, today),
                         on_done=lambda view: self._loaded(generation, view),
                         on_error=self._failed, parent_widget=self)

    def _failed(self, exc: BaseException) -> None:
        self.caption.setStyleSheet(PROBLEM_STYLE)
        self.caption.setText(tr("Attainment could not be measured: {0}").format(
            user_message(exc)))

    def _loaded(self, generation: int, view: Any) -> None:
        if generation != self._generation:
            return
        self.view = view
        self.model.set_view(view)
        self._fit()
        self.caption.setText(caption_text(view))
        self.page.show_message("" if self.model.rowCount() else tr("Nobody carries a quota."))
        self.sig_attainment_loaded.emit()

    def _fit(self) -> None:
        header = self.table.horizontalHeader()
        self.table.resizeColumnsToContents()
        for column in range(header.count()):
            header.resizeSection(column, header.sectionSize(column) + 16)
        header.resizeSection(Col.NAME, max(header.sectionSize(Col.NAME), 200))
        header.resizeSection(Col.ATTAINMENT, BAR_WIDTH)
        header.setSectionResizeMode(Col.NAME, QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(Col.ATTAINMENT, QHeaderView.ResizeMode.Stretch)


def caption_text(view: Any) -> str:
    """Which plan the quotas come from, as of when, or honestly that there is none."""
    name, money = view.period.name, view.currency
    if not view.has_plan:
        return tr("No quota plan covers {0}: there is no quota to measure against. The "
                  "table shows what was won ({1}).").format(name, money_text(
                      view.total.won, money))
    plans = ", ".join(tr("version {0} ({1}) of the {2} plan").format(
        p.plan_version, status_word(str(p.status)), p.year) for p in view.plans)
    return tr("{0} as of {1}, against {2}. Pace: won so far over what the quota expects "
              "by then.").format(name, day_text(view.as_of), plans)


def status_word(status: str) -> str:
    return {"draft": tr("draft"), "published": tr("published")}.get(status, status)
