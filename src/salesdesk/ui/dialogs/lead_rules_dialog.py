"""Lead rules: the segments, the score and the speed-to-lead targets, in three tabs.

The rules are read on the worker when the dialog opens; every edit is checked at once and
OK stays disabled while anything is wrong (each tab names its problems, the tab shows a
warning icon). OK saves what changed through ctx.edit, so it lands on the undo stack
(undo saves the previous rules back); the dialog stays open, showing progress when the
re-scoring of a large workspace takes a while, and closes once the save succeeded. A
refusal is shown in the dialog, which stays open for the user to fix it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Protocol

from PySide6.QtGui import QIcon
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QStyle,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from salesdesk.domain.errors import ValidationError
from salesdesk.ui.dialogs.common import error_label, ok_cancel
from salesdesk.ui.dialogs.scoring_page import ScoringPage
from salesdesk.ui.dialogs.segment_rules_page import SegmentRulesPage
from salesdesk.ui.dialogs.sla_page import SlaPage
from salesdesk.ui.ops import job_progress, user_message

if TYPE_CHECKING:
    from salesdesk.services.lead_rules import LeadRules, RulesSaved
    from salesdesk.ui.context import UiContext

PARTS = ("segments", "scoring", "sla", "hours")
"""The parts of LeadRules, as save_lead_rules names them."""


class RulesPage(Protocol):
    """What the dialog asks of each tab."""

    sig_rules_edited: Any

    def problems(self) -> list[str]: ...


class LeadRulesDialog(QDialog):
    def __init__(self, parent: QWidget | None, ctx: UiContext):
        super().__init__(parent)
        self.ctx = ctx
        self.setWindowTitle(self.tr("Lead rules"))
        self.segments_page = SegmentRulesPage()
        self.scoring_page = ScoringPage()
        self.sla_page = SlaPage()
        self.tabs = QTabWidget(documentMode=True)
        self.tabs.addTab(self.segments_page, self.tr("Segments"))
        self.tabs.addTab(self.scoring_page, self.tr("Score"))
        self.tabs.addTab(self.sla_page, self.tr("Speed to lead"))
        self.message = error_label("leadRulesMessage", reserve_lines=1)
        self.buttons = ok_cancel(self, self.tr("Save"))
        self.loaded: LeadRules | None = None
        self.saved: RulesSaved | None = None
        """What the save did, once it succeeded."""
        self.summary = ""
        """What the save did, in words. (The status bar shows the service's summary, as
        for every change.)"""
        self._saving = False
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.message)
        layout.addWidget(self.buttons)
        self.resize(960, 720)
        self._connect()
        self._load()

    def _connect(self) -> None:
        self.segments_page.sig_rules_edited.connect(self._segments_edited)  # names first
        for page in self.pages():
            page.sig_rules_edited.connect(self.validate)
        self.tabs.currentChanged.connect(lambda _i: self.validate())

    def _load(self) -> None:
        """Read the rules on the worker; the tabs stay disabled until they arrive."""
        from salesdesk.services.lead_rules import current_rules

        self._set_busy(self.tr("Reading the lead rules…"))
        uow = self.ctx.uow
        self.ctx.ops.run(lambda _job: current_rules(uow), on_done=self.set_rules,
                         on_error=self._failed, parent_widget=self)

    @classmethod
    def ask(cls, parent: QWidget | None, ctx: UiContext) -> bool:
        """Show the rules, let the user edit them; True if changed rules were saved."""
        dialog = cls(parent, ctx)
        dialog.exec()
        return dialog.saved is not None

    def pages(self) -> tuple[RulesPage, ...]:
        return self.segments_page, self.scoring_page, self.sla_page

    # --- showing -------------------------------------------------------------------------
    def set_rules(self, rules: LeadRules) -> None:
        self.loaded = rules
        self.segments_page.set_segments(rules.segments)
        self.sla_page.set_segments(self.segments_page.names())
        self.scoring_page.set_scoring(rules.scoring)
        self.sla_page.set_rules(rules.sla, rules.hours)
        self.tabs.setEnabled(True)
        self.validate()

    def _segments_edited(self) -> None:
        self.sla_page.set_segments(self.segments_page.names())

    def problems(self) -> list[str]:
        return [p for page in self.pages() for p in page.problems()]

    def validate(self) -> None:
        """Mark the tabs with problems and allow Save only without any. Each tab shows its
        own problem next to the fields; the line under the tabs names a problem on
        another tab, so it is not missed."""
        if self.loaded is None or self._saving:
            return
        warning = self.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning)
        elsewhere, blocked = "", False
        for i, page in enumerate(self.pages()):
            problems = page.problems()
            blocked = blocked or bool(problems)
            self.tabs.setTabIcon(i, warning if problems else QIcon())
            self.tabs.setTabToolTip(i, problems[0] if problems else "")
            if problems and i != self.tabs.currentIndex() and not elsewhere:
                elsewhere = self.tr("{0} tab: {1}").format(self.tabs.tabText(i),
                                                           problems[0])
        self.message.setText(elsewhere)
        self._ok().setEnabled(not blocked)

    def _ok(self) -> Any:
        return self.buttons.button(QDialogButtonBox.StandardButton.Ok)

    def _set_busy(self, text: str) -> None:
        self.tabs.setEnabled(False)
        self._ok().setEnabled(False)
        self.message.setText(text)

    # --- saving --------------------------------------------------------------------------
    def rules(self) -> LeadRules:
        """The rules as edited; raises ValidationError while problems remain."""
        from salesdesk.services.lead_rules import LeadRules

        return LeadRules(self.segments_page.segments(), self.scoring_page.scoring(),
                         self.sla_page.policy(), self.sla_page.hours())

    def changes(self) -> dict[str, Any]:
        """The parts that differ from the rules read at opening, by save_lead_rules name."""
        new, old = self.rules(), self.loaded
        return {p: getattr(new, p) for p in PARTS if getattr(new, p) != getattr(old, p)}

    def accept(self) -> None:
        if self.loaded is None or self._saving or self.problems():
            return  # OK is disabled then; Enter must not slip through either
        changed = self.changes()
        if not changed:
            super().accept()
            return
        self._saving = True
        self._set_busy(self.tr("Saving the lead rules and re-scoring the leads…"))
        self.buttons.setEnabled(False)
        self.ctx.edit(self.tr("Change the lead rules"), self._save_step(changed),
                      make_undo=lambda r: self._save_step(
                          {p: getattr(r.previous, p) for p in changed}),
                      make_redo=lambda _r: self._save_step(changed),
                      parent_widget=self, on_done=self._saved,
                      label=self.tr("Re-scoring the leads…"), on_error=self._failed)

    def _save_step(self, parts: dict[str, Any]) -> Any:
        """Saving `parts` on the worker: the action (no argument) and an undo/redo step
        (the expected version, unused: the rules carry none)."""
        from salesdesk.services.lead_rules import save_lead_rules

        uow = self.ctx.uow
        return lambda _version=None: save_lead_rules(uow, **parts, progress=job_progress)

    def reject(self) -> None:
        if not self._saving:  # the save runs on; closing now would hide how it ended
            super().reject()

    def _saved(self, result: RulesSaved) -> None:
        self.saved, self._saving = result, False
        self.summary = self.tr("Lead rules saved. Re-scored {0:,} leads.").format(
            result.rescored)
        super().accept()

    def _failed(self, exc: BaseException) -> None:
        self._saving = False
        self.buttons.setEnabled(True)
        self.tabs.setEnabled(self.loaded is not None)
        self.validate()
        # A refusal names the segment or rule itself; the field's code name adds nothing.
        self.message.setText(exc.message if isinstance(exc, ValidationError)
                             else user_message(exc))
