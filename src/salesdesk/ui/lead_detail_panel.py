"""The lead board's detail panel: who the lead is, where it stands, why it scores what it
scores, its first-contact deadline, its activities; log a contact or convert it to a deal.

It reads one lead (storage.lead_detail) on the worker and reloads itself when an announced
change concerns its lead. Its actions go through ctx.edit, so each is undoable.
"""

from __future__ import annotations

import html
from collections.abc import Callable
from datetime import UTC, datetime
from typing import Any

from PySide6.QtCore import QDateTime, QLocale, QPoint, QRect, QSize, Qt, Signal
from PySide6.QtWidgets import (
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLayout,
    QLayoutItem,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from salesdesk.domain.lead_scoring import ScorePart
from salesdesk.domain.speed_to_lead import BusinessHours
from salesdesk.services.common import OpChanges
from salesdesk.storage.lead_detail import LeadDetail
from salesdesk.ui.context import UiContext
from salesdesk.ui.i18n import tr
from salesdesk.ui.lead_format import (
    AGE_COLOURS,
    CONTACTED_COLOUR,
    NEGATIVE_COLOUR,
    POSITIVE_COLOUR,
    activity_text,
    first_contact,
    points_text,
    score_part_text,
    segment_kind_text,
    status_text,
)

MUTED = "color: #5f6b7a;"
SECTION = "font-weight: 600; color: #2c3a4b;"
CHIP = "background: #e3eefc; color: #123d6e; border-radius: 9px; padding: 2px 9px;"
MANUAL_CHIP = "background: #efe6fb; color: #4a2a7a; border-radius: 9px; padding: 2px 9px;"
DONE_STYLE = "background: #e6f4ea; color: #1e5631; padding: 4px 8px; border-radius: 4px;"
SHOWN_ACTIVITIES = 30


def _read(lead_id: str, uow_factory: Any, engine: Any) -> tuple[LeadDetail | None,
                                                                  BusinessHours]:
    from salesdesk.services import lead_settings
    from salesdesk.storage.lead_detail import lead_detail

    with uow_factory() as uow:
        hours = lead_settings.business_hours(uow)
    with engine.connect() as conn:
        return lead_detail(conn, lead_id), hours


def _label(text: str = "", style: str = "", rich: bool = False, fit: bool = True) -> QLabel:
    label = QLabel(text, wordWrap=True, textInteractionFlags=Qt.TextInteractionFlag
                   .TextSelectableByMouse)
    label.setTextFormat(Qt.TextFormat.RichText if rich else Qt.TextFormat.PlainText)
    # wrap at the panel's width; a word longer than that (an e-mail address) is cut at the
    # edge, with the whole in the tooltip, instead of widening the panel past its view
    if fit:
        label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
    if style:
        label.setStyleSheet(style)
    return label


def _enlarge(label: QLabel, factor: float) -> None:
    font = label.font()
    font.setPointSizeF(font.pointSizeF() * factor)
    font.setBold(True)
    label.setFont(font)


class FlowLayout(QLayout):
    """Children left to right, wrapping to the next line when the width runs out (the
    segment chips)."""

    def __init__(self, parent: QWidget | None = None, spacing: int = 6):
        super().__init__(parent)
        self._items: list[QLayoutItem] = []
        self.setSpacing(spacing)
        self.setContentsMargins(0, 0, 0, 0)

    def addItem(self, item: QLayoutItem) -> None:  # noqa: N802 (Qt override)
        self._items.append(item)

    def count(self) -> int:
        return len(self._items)

    def itemAt(self, index: int) -> QLayoutItem | None:  # noqa: N802
        return self._items[index] if 0 <= index < len(self._items) else None

    def takeAt(self, index: int) -> QLayoutItem | None:  # noqa: N802
        return self._items.pop(index) if 0 <= index < len(self._items) else None

    def hasHeightForWidth(self) -> bool:  # noqa: N802
        return True

    def heightForWidth(self, width: int) -> int:  # noqa: N802
        return self._place(QRect(0, 0, width, 0), move=False)

    def setGeometry(self, rect: QRect) -> None:  # noqa: N802
        super().setGeometry(rect)
        self._place(rect, move=True)

    def sizeHint(self) -> QSize:  # noqa: N802
        return self.minimumSize()

    def minimumSize(self) -> QSize:  # noqa: N802
        size = QSize()
        for item in self._items:
            size = size.expandedTo(item.minimumSize())
        return size

    def _place(self, rect: QRect, move: bool) -> int:
        x, y, line = rect.x(), rect.y(), 0
        for item in self._items:
            hint = item.sizeHint()
            if x + hint.width() > rect.right() + 1 and line > 0:
                x, y, line = rect.x(), y + line + self.spacing(), 0
            if move:
                item.setGeometry(QRect(QPoint(x, y), hint))
            x += hint.width() + self.spacing()
            line = max(line, hint.height())
        return y + line - rect.y()


class LeadDetailPanel(QWidget):
    sig_lead_shown = Signal(str)
    """A lead's details are on screen; carries its id."""

    def __init__(self, ctx: UiContext, parent: QWidget | None = None,
                 clock: Callable[[], datetime] | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.clock = clock or (lambda: datetime.now(UTC))
        self.lead_id: str | None = None
        self.detail: LeadDetail | None = None
        self.hours = BusinessHours()
        self._generation = 0
        self.setMinimumWidth(320)
        self._make_widgets()
        self._lay_out()
        self.show_lead(None)
        ctx.ops.changes_did_happen.connect(self.on_changes)

    # --- construction ------------------------------------------------------------------
    def _make_widgets(self) -> None:
        self.empty_title = _label(style="font-size: 15px; font-weight: 600; color: #33475b;")
        self.empty_body = _label(style=MUTED)
        self.name = _label()
        _enlarge(self.name, 1.35)
        self.role = _label(style=MUTED)
        self.fields = QFormLayout(labelAlignment=Qt.AlignmentFlag.AlignLeft,
                                  horizontalSpacing=12, verticalSpacing=5)
        self.values: dict[str, QLabel] = {}
        for key, title in self._field_titles():
            self.values[key] = _label()
            self.fields.addRow(_label(title, MUTED, fit=False), self.values[key])
        self.sla = _label()
        self.sla_due = _label(style=MUTED)
        self.chips = QWidget()
        self.chip_flow = FlowLayout(self.chips)
        self.score = _label()
        _enlarge(self.score, 1.2)
        self.score_parts = _label(rich=True)
        self.activities = _label(rich=True)
        self.notes = _label()
        self.converted = _label(style=DONE_STYLE)
        self.log_button = QPushButton(tr("Log activity…"))
        self.convert_button = QPushButton(tr("Convert to deal…"))
        self.log_button.clicked.connect(self.log_activity)
        self.convert_button.clicked.connect(self.convert)

    @staticmethod
    def _field_titles() -> list[tuple[str, str]]:
        return [("status", tr("Status")), ("owner", tr("Owner")),
                ("territory", tr("Territory")), ("email", tr("E-mail")),
                ("phone", tr("Phone")), ("company", tr("Company")),
                ("source", tr("Source")), ("product", tr("Interested in")),
                ("received", tr("Received"))]

    def _lay_out(self) -> None:
        content = QWidget()
        column = QVBoxLayout(content)
        column.setContentsMargins(14, 12, 14, 12)
        column.setSpacing(4)
        column.addWidget(self.name)
        column.addWidget(self.role)
        buttons = QHBoxLayout()
        buttons.setContentsMargins(0, 6, 0, 6)
        buttons.addWidget(self.log_button)
        buttons.addWidget(self.convert_button)
        buttons.addStretch(1)
        column.addLayout(buttons)
        column.addWidget(self.converted)
        column.addLayout(self.fields)
        sections = ((tr("First contact"), (self.sla, self.sla_due)),
                    (tr("Segments"), (self.chips,)),
                    (tr("Score"), (self.score, self.score_parts)),
                    (tr("Activities"), (self.activities,)), (tr("Notes"), (self.notes,)))
        for title, widgets in sections:
            column.addSpacing(10)
            column.addWidget(_label(title, SECTION))
            for widget in widgets:
                column.addWidget(widget)
        column.addStretch(1)
        scroll = QScrollArea(widgetResizable=True, frameShape=QFrame.Shape.NoFrame)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        scroll.setWidget(content)
        self.pages = QStackedWidget()
        self.pages.addWidget(self._empty_page())
        self.pages.addWidget(scroll)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.pages)

    def _empty_page(self) -> QWidget:
        page = QWidget()
        column = QVBoxLayout(page)
        column.setContentsMargins(24, 0, 24, 0)
        column.addStretch(2)
        for label in (self.empty_title, self.empty_body):
            label.setAlignment(Qt.AlignmentFlag.AlignCenter)
            column.addWidget(label)
        column.addStretch(3)
        return page

    # --- loading -----------------------------------------------------------------------
    def show_lead(self, lead_id: str | None) -> None:
        """Show this lead (read on the worker), or the empty state for None."""
        self.lead_id = lead_id
        self._generation += 1
        if lead_id is None:
            self.detail = None
            self._show_empty(tr("Select a lead to see its details"),
                             tr("Its score explained, its first-contact deadline and its "
                                "activities show here."))
            return
        generation, uow, engine = self._generation, self.ctx.uow, self.ctx.workspace.engine
        self.ctx.ops.run(lambda _job: _read(lead_id, uow, engine), parent_widget=self,
                         on_done=lambda found: self._arrived(generation, found))

    def on_changes(self, changes: OpChanges) -> None:
        if self.lead_id and changes.leads and (not changes.ids or self.lead_id in changes.ids):
            self.show_lead(self.lead_id)

    def _arrived(self, generation: int, found: tuple[LeadDetail | None, BusinessHours]
                 ) -> None:
        if generation != self._generation:  # another lead was asked for meanwhile
            return
        self.detail, self.hours = found
        if self.detail is None:
            self._show_empty(tr("This lead is gone"),
                             tr("It was deleted or merged into another lead."))
            return
        self._fill(self.detail)
        self.pages.setCurrentIndex(1)
        self.sig_lead_shown.emit(self.detail.id)

    def _show_empty(self, title: str, body: str) -> None:
        self.empty_title.setText(title)
        self.empty_body.setText(body)
        self.pages.setCurrentIndex(0)

    # --- showing -----------------------------------------------------------------------
    def _fill(self, d: LeadDetail) -> None:
        self.name.setText(d.person_name or d.email or d.company or tr("(no name)"))
        self.role.setText(tr("{0} at {1}").format(d.job_title, d.company)
                          if d.job_title and d.company else d.job_title or d.company)
        self.role.setVisible(bool(d.job_title or d.company))
        for key, text in self._values(d).items():
            self.values[key].setText(text or "—")
            self.values[key].setToolTip(text)
        self._fill_sla(d)
        self._fill_chips(d)
        self._fill_score(d)
        self._fill_activities(d)
        self.notes.setText(d.notes or tr("No notes."))
        self._fill_conversion(d)

    def _values(self, d: LeadDetail) -> dict[str, str]:
        status = status_text(d.status)
        company = ", ".join(p for p in (d.company, d.sector, d.country) if p)
        if d.employees is not None:
            company += " " + tr("({0:,} employees)").format(d.employees)
        reason = "" if d.deal_id else d.status_reason  # the banner names the deal
        return {"status": tr("{0} — {1}").format(status, reason) if reason else status,
                "owner": d.owner or tr("Unassigned"), "territory": d.territory,
                "email": d.email or "", "phone": d.phone, "company": company.strip(),
                "source": " · ".join(p for p in (d.source, d.campaign) if p),
                "product": d.product_interest,
                "received": self._moment(d.received_at or d.created_at)}

    def _moment(self, at: datetime | None) -> str:
        if at is None:
            return "—"
        return QLocale().toString(QDateTime(self.hours.local(at)), "ddd d MMM yyyy, HH:mm")

    def _fill_sla(self, d: LeadDetail) -> None:
        found = first_contact(d.received_at or d.created_at, d.sla_due_at,
                              d.first_contacted_at, d.status.is_open, self.clock(), self.hours)
        colour = AGE_COLOURS.get(found.bucket, CONTACTED_COLOUR)
        self.sla.setText(found.text)
        self.sla.setStyleSheet(f"background: {colour}; color: #1f2933; padding: 5px 8px; "
                               "border-radius: 4px;")
        due = d.sla_due_at
        self.sla_due.setVisible(due is not None)
        if due is not None:
            self.sla_due.setText(
                tr("Due {0} · counted in business hours, {1:%H:%M}–{2:%H:%M} ({3})").format(
                    self._moment(due), self.hours.opens, self.hours.closes, self.hours.zone))
        self.sla.setProperty("bucket", found.bucket.value)

    def _fill_chips(self, d: LeadDetail) -> None:
        while (item := self.chip_flow.takeAt(0)) is not None:
            if (widget := item.widget()) is not None:
                widget.deleteLater()
        manual = set(d.manual_segments)
        for name in d.segments or (tr("None"),):
            chip = QLabel(name)
            chip.setStyleSheet(MANUAL_CHIP if name in manual else CHIP
                               if d.segments else MUTED)
            if d.segments:
                chip.setToolTip(segment_kind_text(name in manual))
            self.chip_flow.addWidget(chip)
        self.chips.updateGeometry()

    def _fill_score(self, d: LeadDetail) -> None:
        self.score.setText(tr("{0} / 100").format(d.score))
        parts = [ScorePart.from_dict(p) for p in d.score_parts]
        if not parts:
            self.score_parts.setText(html.escape(tr(
                "No rule or profile match adds to this score yet; it is worked out again "
                "when the lead or a rule changes.") if not d.score else tr(
                "This score came with the lead (a generated workspace draws its scores), "
                "so no rule explains it yet; the rules work it out, point by point, "
                "when the lead or a rule changes.")))
            return
        rows = "".join(
            f'<tr><td align="right" style="padding-right: 10px; color: '
            f'{POSITIVE_COLOUR if p.points >= 0 else NEGATIVE_COLOUR};">'
            f"<b>{points_text(p.points)}</b></td>"
            f"<td>{html.escape(score_part_text(p))}</td></tr>" for p in parts)
        self.score_parts.setText(f"<table cellspacing='0' cellpadding='1'>{rows}</table>")

    def _fill_activities(self, d: LeadDetail) -> None:
        if not d.activities:
            self.activities.setText(html.escape(tr("No activity yet.")))
            return
        items = []
        for a in d.activities[:SHOWN_ACTIVITIES]:
            line = f"<b>{html.escape(activity_text(a.kind))}</b> &nbsp;" \
                   f"<span style='{MUTED}'>{html.escape(self._moment(a.at))}</span>"
            for text, style in ((a.subject, ""), (a.body, MUTED)):
                if text:
                    line += f"<br><span style='{style}'>{html.escape(text)}</span>"
            items.append(f"<p style='margin: 0 0 8px 0;'>{line}</p>")
        more = len(d.activities) - SHOWN_ACTIVITIES
        if more > 0:
            items.append(f"<p style='{MUTED}'>" + html.escape(
                tr("and {0:,} earlier").format(more)) + "</p>")
        self.activities.setText("".join(items))

    def _fill_conversion(self, d: LeadDetail) -> None:
        converted = d.deal_id is not None
        self.converted.setVisible(converted)
        self.converted.setText(tr("Converted to the deal {0}").format(d.deal_title))
        self.convert_button.setEnabled(not converted and d.status.is_open)
        self.convert_button.setToolTip(
            "" if self.convert_button.isEnabled() else
            tr("Already converted") if converted else
            tr("Only an open lead can be converted ({0} is not).").format(
                status_text(d.status).lower()))

    # --- actions -----------------------------------------------------------------------
    def log_activity(self) -> None:
        from salesdesk.ui.dialogs.log_activity_dialog import LogActivityDialog, log_activity

        if self.detail is None:
            return
        answer = LogActivityDialog.ask(self, self.detail.person_name or self.detail.company)
        if answer is not None:
            log_activity(self.ctx, self.detail.id, answer, self)

    def convert(self) -> None:
        from salesdesk.ui.dialogs.convert_lead_dialog import ConvertLeadDialog

        if self.detail is not None:
            ConvertLeadDialog.ask(self, self.ctx, self.detail)

