"""Speed to lead: how fast each rep and each source's leads were first contacted, in
business hours, over a chosen period; the share reached within the SLA and what is overdue
now. Read on the worker (storage.lead_stats) each time the period changes."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any
from zoneinfo import ZoneInfo

from PySide6.QtCore import QLocale, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from salesdesk.domain.speed_to_lead import BusinessHours
from salesdesk.ui.dialogs.common import HINT_STYLE
from salesdesk.ui.i18n import tr
from salesdesk.ui.models.contact_times_model import ContactTimesModel

PERIODS = ("30", "90", "year", "all")
SECTION = "font-weight: 600; color: #2c3a4b;"


@dataclass(frozen=True)
class ContactTimes:
    by_owner: list[Any]
    by_source: list[Any]
    hours: BusinessHours


def since_of(period: str, now: datetime, hours: BusinessHours) -> datetime | None:
    """The period's first moment: 30 or 90 days back, 1 January in the workspace's zone,
    or None for all time."""
    if period in ("30", "90"):
        return now - timedelta(days=int(period))
    if period == "year":
        local = hours.local(now)
        return datetime(local.year, 1, 1, tzinfo=ZoneInfo(hours.zone))
    return None


def read_contact_times(uow_factory: Any, engine: Any, period: str,
                       now: datetime) -> ContactTimes:
    """Worker side: the business hours, then both groupings over the period."""
    from salesdesk.services import lead_settings
    from salesdesk.storage.lead_stats import contact_times

    with uow_factory() as uow:
        hours = lead_settings.business_hours(uow)
    since = since_of(period, now, hours)
    with engine.connect() as conn:
        return ContactTimes(contact_times(conn, "owner", hours, since=since, now=now),
                            contact_times(conn, "source", hours, since=since, now=now),
                            hours)


def _table(model: ContactTimesModel) -> QTableView:
    view = QTableView(sortingEnabled=True, alternatingRowColors=True, showGrid=False,
                      selectionBehavior=QAbstractItemView.SelectionBehavior.SelectRows,
                      editTriggers=QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setModel(model)
    view.sortByColumn(1, Qt.SortOrder.DescendingOrder)
    rows = view.verticalHeader()
    rows.hide()
    rows.setDefaultSectionSize(view.fontMetrics().height() + 8)
    header = view.horizontalHeader()
    header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
    for column in range(1, model.columnCount()):
        header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
    return view


def _days(hours: BusinessHours) -> str:
    locale = QLocale()
    days = sorted(hours.weekdays)
    names = [locale.dayName(d + 1, QLocale.FormatType.ShortFormat) for d in days]
    if len(days) > 2 and days == list(range(days[0], days[-1] + 1)):
        return f"{names[0]}–{names[-1]}"
    return ", ".join(names)


class ContactTimesDialog(QDialog):
    def __init__(self, parent: QWidget | None, ctx: Any,
                 clock: Callable[[], datetime] | None = None):
        super().__init__(parent, windowTitle=tr("Speed to lead"))
        self.ctx = ctx
        self.clock = clock or (lambda: datetime.now(UTC))
        self._asked = 0
        self.period = QComboBox()
        for value, text in zip(PERIODS, (tr("Last 30 days"), tr("Last 90 days"),
                                         tr("This year"), tr("All time")), strict=True):
            self.period.addItem(text, value)
        self.by_owner = ContactTimesModel(tr("Rep"), self)
        self.by_source = ContactTimesModel(tr("Source"), self)
        self.owner_view, self.source_view = _table(self.by_owner), _table(self.by_source)
        self.summary = QLabel(wordWrap=True)
        self.summary.setStyleSheet(HINT_STYLE)
        self._lay_out()
        self.period.currentIndexChanged.connect(self.reload)
        self.reload()

    def _lay_out(self) -> None:
        top = QHBoxLayout()
        top.addWidget(QLabel(tr("Leads that arrived in")))
        top.addWidget(self.period)
        top.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.summary)
        for title, view, stretch in ((tr("Per rep"), self.owner_view, 3),
                                     (tr("Per source"), self.source_view, 2)):
            heading = QLabel(title)
            heading.setStyleSheet(SECTION)
            layout.addSpacing(6)
            layout.addWidget(heading)
            layout.addWidget(view, stretch)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(760, 640)

    def reload(self) -> None:
        """Read both tables again for the chosen period (on the worker)."""
        self._asked += 1
        asked, period, now = self._asked, self.period.currentData(), self.clock()
        uow, engine = self.ctx.uow, self.ctx.workspace.engine
        self.summary.setText(tr("Reading…"))
        self.ctx.ops.run(lambda _job: read_contact_times(uow, engine, period, now),
                         on_done=lambda found: self._arrived(asked, found),
                         parent_widget=self)

    def _arrived(self, asked: int, found: ContactTimes) -> None:
        if asked != self._asked:  # the period changed again meanwhile
            return
        self.by_owner.set_rows(found.by_owner)
        self.by_source.set_rows(found.by_source)
        self.summary.setText(self._summary(found))

    @staticmethod
    def _summary(found: ContactTimes) -> str:
        leads, h = sum(r.leads for r in found.by_source), found.hours
        if not leads:
            return tr("No lead arrived in this period.")
        return tr("{0:,} leads arrived in this period. Time to first contact (a call, e-mail "
                  "or meeting) counts business hours only: {1}, {2:%H:%M}–{3:%H:%M}, {4}."
                  ).format(leads, _days(h), h.opens, h.closes, h.zone)

    @classmethod
    def ask(cls, parent: QWidget | None, ctx: Any) -> None:
        """Shows the figures; nothing to answer."""
        cls(parent, ctx).exec()

