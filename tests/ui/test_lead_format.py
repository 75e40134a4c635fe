"""The board's first-contact words (ui/lead_format.py): business time, and the moment
itself when the clock has stopped, so the board and the detail panel say the same."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from salesdesk.domain.speed_to_lead import BusinessHours
from salesdesk.ui.lead_format import contacted_text, deadline_text, first_contact

H = BusinessHours()  # Monday-Friday 9:00-17:00 UTC
FRI_1700 = datetime(2026, 11, 27, 17, 0, tzinfo=UTC)
SUN_0212 = datetime(2026, 11, 29, 2, 12, tzinfo=UTC)
MON_1000 = datetime(2026, 11, 30, 10, 0, tzinfo=UTC)


def test_overdue_over_a_weekend_names_the_deadline_not_a_minute(qapp: Any) -> None:
    text = deadline_text(FRI_1700, SUN_0212, H)
    assert text.startswith("overdue since ") and text.endswith("17:00")
    assert deadline_text(FRI_1700, MON_1000, H) == "overdue by 1 h"


def test_due_counts_business_time_or_names_the_opening(qapp: Any) -> None:
    assert deadline_text(MON_1000, datetime(2026, 11, 30, 9, 20, tzinfo=UTC), H) == \
        "due in 40 min"
    monday_open = datetime(2026, 11, 30, 9, 0, tzinfo=UTC)
    text = deadline_text(monday_open, SUN_0212, H)
    assert text.startswith("due ") and text.endswith("09:00") and "in" not in text


def test_contacted_before_hours_says_so(qapp: Any) -> None:
    assert contacted_text(SUN_0212, datetime(2026, 11, 29, 8, 0, tzinfo=UTC), H) == \
        "contacted before hours"
    assert contacted_text(MON_1000, datetime(2026, 11, 30, 11, 5, tzinfo=UTC), H) == \
        "contacted in 1 h 5 min"


def test_the_detail_panel_says_what_the_board_says(qapp: Any) -> None:
    for now in (SUN_0212, MON_1000):
        shown = first_contact(FRI_1700, FRI_1700, None, True, now, H).text
        board = deadline_text(FRI_1700, now, H)
        assert shown == board[:1].upper() + board[1:]
