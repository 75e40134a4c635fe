"""What happened to a lead: calls, e-mails, meetings, notes, status moves and assignments.

Rules of the game:
- An activity belongs to one lead and happened at a moment (timezone-aware).
- Calls, e-mails and meetings are contact: the first one logged stamps the lead's
  first contact (Lead.mark_contacted), which is what speed to lead measures.
- Status moves and assignments are recorded by the app itself, with the old and new
  values in `detail`, so the lead's history reads as one list.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

from salesdesk.domain.entity import Entity
from salesdesk.domain.errors import ValidationError
from salesdesk.domain.leads import tidy_text
from salesdesk.domain.validation import clean_text


class LeadActivityKind(enum.StrEnum):
    CALL = "call"
    EMAIL = "email"
    MEETING = "meeting"
    NOTE = "note"
    STATUS = "status"
    ASSIGNMENT = "assignment"

    @property
    def is_contact(self) -> bool:
        """Someone reached (or tried to reach) the lead."""
        return self in (LeadActivityKind.CALL, LeadActivityKind.EMAIL,
                        LeadActivityKind.MEETING)


@dataclass(eq=False, kw_only=True)
class LeadActivity(Entity):
    lead_id: str
    kind: LeadActivityKind
    at: datetime
    subject: str = ""
    body: str = ""
    detail: dict[str, Any] = field(default_factory=dict)
    """Machine-readable facts (a status move's old and new values, the previous owner)."""

    def __post_init__(self) -> None:
        try:
            self.kind = LeadActivityKind(self.kind)
        except ValueError:
            known = ", ".join(k.value for k in LeadActivityKind)
            raise ValidationError(f"'{self.kind}' is not an activity kind (known: {known})",
                                  field="kind") from None
        if not isinstance(self.at, datetime) or self.at.utcoffset() is None:
            raise ValidationError(f"'{self.at}' is not a moment with a time zone", field="at")
        self.subject = clean_text(tidy_text(self.subject), "subject", max_len=200)
        self.body = clean_text(tidy_text(self.body), "body", max_len=4000)
        if not isinstance(self.detail, dict):
            raise ValidationError("detail must be an object", field="detail")
