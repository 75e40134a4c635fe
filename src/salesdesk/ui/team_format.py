"""Words and derived figures the Team tab shows for a member (no widgets, no database).

The domain returns enums and numbers; this module turns them into translated words, so
the members table, the hierarchy, the skills matrix and the detail panel say the same.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from PySide6.QtCore import QDate, QLocale

from salesdesk.domain.errors import ValidationError
from salesdesk.domain.members import Member, RampState, RampStatus, Role, SkillKind
from salesdesk.storage.rows import MemberRow
from salesdesk.ui.i18n import tr


@dataclass(frozen=True)
class Workload:
    """A member's ramp and load today, worked out by the domain rules."""

    ramp: RampStatus
    effective_capacity: int


def workload(row: MemberRow, today: date) -> Workload:
    """Ramp status and effective capacity via domain.members.Member (one place for the
    rule). Rows come from validated members; a row that no longer validates shows as
    fully ramped rather than breaking the table."""
    try:
        member = Member(name=row.name, hire_date=row.hire_date, ramp_months=row.ramp_months,
                        capacity=row.capacity)
    except ValidationError:
        return Workload(RampStatus(RampState.NO_HIRE_DATE, 1.0), row.capacity)
    return Workload(member.ramp_status(today), member.effective_capacity(today))


def role_word(role: str) -> str:
    words = {Role.REP: tr("Rep"), Role.MANAGER: tr("Manager"), Role.ADMIN: tr("Admin")}
    try:
        return words[Role(role)]
    except ValueError:
        return role


def kind_word(kind: str) -> str:
    words = {SkillKind.PRODUCT: tr("Products"), SkillKind.INDUSTRY: tr("Industries"),
             SkillKind.LANGUAGE: tr("Languages"), SkillKind.SEGMENT: tr("Segments")}
    try:
        return words[SkillKind(kind)]
    except ValueError:
        return kind


def level_word(level: int) -> str:
    words = (tr("none"), tr("basic"), tr("working knowledge"), tr("good"), tr("strong"),
             tr("expert"))
    return words[level] if 0 <= level < len(words) else str(level)


def skill_label(name: str) -> str:
    """Skill names as a header shows them: imported sectors are lower case ("medical")."""
    return name[:1].upper() + name[1:] if name.islower() else name


def date_text(day: date) -> str:
    return QLocale().toString(QDate(day.year, day.month, day.day), "d MMM yyyy")


def ramp_text(row: MemberRow, ramp: RampStatus) -> str:
    if ramp.state is RampState.NO_HIRE_DATE:
        return tr("No hire date")
    if ramp.state is RampState.NOT_STARTED:
        assert row.hire_date is not None
        return tr("Starts {0}").format(date_text(row.hire_date))
    if ramp.state is RampState.RAMPED:
        return tr("Ramped")
    return tr("Month {0} of {1} ({2} %)").format(ramp.months_in + 1, ramp.months_total,
                                                 round(ramp.fraction * 100))


def ramp_tooltip(row: MemberRow, work: Workload) -> str:
    if work.ramp.state is RampState.RAMPING:
        return tr("Ramping up: carries {0} % of the full capacity of {1} open leads, "
                  "so {2} today.").format(round(work.ramp.fraction * 100), row.capacity,
                                          work.effective_capacity)
    if work.ramp.state is RampState.NOT_STARTED:
        return tr("Has not started yet: no leads until the hire date.")
    return ""


def load_text(row: MemberRow, work: Workload) -> str:
    return tr("{0} / {1}").format(row.open_leads, work.effective_capacity)


def load_ratio(row: MemberRow, work: Workload) -> float:
    """Open leads over effective capacity; above 1 means overloaded."""
    if work.effective_capacity <= 0:
        return float("inf") if row.open_leads else 0.0
    return row.open_leads / work.effective_capacity


def load_tooltip(row: MemberRow, work: Workload) -> str:
    text = tr("{0} open leads; can carry {1} today (full capacity {2}).").format(
        row.open_leads, work.effective_capacity, row.capacity)
    if load_ratio(row, work) > 1:
        text += " " + tr("Overloaded: route new leads to someone else.")
    return text


def status_text(row: MemberRow) -> str:
    if row.left_on is None:
        return tr("Active")
    return tr("Left on {0}").format(date_text(row.left_on))


def member_summary(row: MemberRow) -> str:
    """"Rep · Central" — role and team in a few words (combos, tree tooltips)."""
    parts = [role_word(row.role)]
    if row.team:
        parts.append(row.team)
    return " · ".join(parts)


def empty_text(loaded: bool, rows: list[MemberRow], shown: int, narrowed: bool) -> str:
    """The sentence shown instead of an empty table ("" when rows are shown). `narrowed`:
    the search, team or role filter hides someone."""
    if not loaded:
        return tr("Loading the team…")
    if not rows:
        return tr("Nobody is on the team yet. Add the first member with “Add member…”, or "
                  "import a team list with File › Import › Team members.")
    if shown:
        return ""
    if not narrowed:
        return tr("Everyone in this workspace has left. Tick “Show people who left” to see "
                  "them.")
    return tr("Nobody matches these filters. Clear the search or choose “All teams” and "
              "“All roles” to see everyone.")


def count_text(rows: list[MemberRow], shown: int, showing_left: bool) -> str:
    """"41 active people: 35 reps, 6 managers and admins; 2 left — showing 12"."""
    if not rows:
        return ""
    active = [r for r in rows if r.active]
    reps = sum(r.role == Role.REP.value for r in active)
    text = tr("{0} active people: {1} reps, {2} managers and admins").format(
        len(active), reps, len(active) - reps)
    left = len(rows) - len(active)
    if left:
        text += tr("; {0} left").format(left)
    if shown != len(rows if showing_left else active):
        text += tr(" — showing {0}").format(shown)
    return text
