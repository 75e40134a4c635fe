"""The frozen rows the analysis reports return (storage/analysis_queries.py computes them
and defines their terms)."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from decimal import Decimal
from typing import Any

from salesdesk.domain.analysis import METRICS
from salesdesk.domain.errors import ValidationError
from salesdesk.domain.periods import Period

COVERAGE_NOTE = "not available: SalesDesk has no quotas yet (issue 5)"


@dataclass(frozen=True)
class StageReach:
    stage: str
    outcome: str
    """open, won or lost."""
    reached: int
    dropped: int | None = None
    """Reached here minus reached at the next funnel stage (None: last stage, or lost)."""

    @property
    def drop_rate(self) -> float | None:
        return None if self.dropped is None or not self.reached else \
            self.dropped / self.reached


@dataclass(frozen=True)
class FunnelRow:
    key: str
    won: int
    lost: int
    open: int
    win_rate: float | None
    won_amount: Decimal
    stages: tuple[StageReach, ...]

    @property
    def stage_counts(self) -> dict[str, int]:
        return {s.stage: s.reached for s in self.stages}


@dataclass(frozen=True)
class MetricsRow:
    key: str
    won: int
    lost: int
    open: int
    win_rate: float | None
    won_amount: Decimal
    avg_deal: Decimal | None
    cycle_days: float | None
    """Mean days from creation to win."""
    cycle_median: float | None
    velocity: Decimal | None
    """Expected won amount per day from the open deals."""
    activities: int
    activities_done: int
    activities_overdue: int

    def metric(self, name: str) -> Any:
        """The value a leaderboard ranks on (see METRICS)."""
        if name not in METRICS:
            raise ValidationError(f"'{name}' is not a metric ({', '.join(METRICS)})",
                                  field="metric")
        return {"won_count": self.won, "activities": self.activities_done}.get(
            name, getattr(self, name, None))


@dataclass(frozen=True)
class LossReasonRow:
    key: str
    reason: str
    count: int
    amount: Decimal
    share: float
    """Of the key's lost deals."""


@dataclass(frozen=True)
class NoteExcerpt:
    deal: str
    at: datetime
    author: str
    body: str


@dataclass(frozen=True)
class FeedbackRow:
    key: str
    reason: str
    """The lost reason, or "(won)" for notes on won deals."""
    notes: int
    latest: tuple[NoteExcerpt, ...]


@dataclass(frozen=True)
class ActivityCountRow:
    key: str
    kind: str
    total: int
    done: int
    overdue: int


@dataclass(frozen=True)
class Coverage:
    value: Decimal | None
    note: str


@dataclass(frozen=True)
class WinLossReport:
    by: str
    period: Period | None
    rows: tuple[MetricsRow, ...]
    loss_reasons: tuple[LossReasonRow, ...]
    feedback: tuple[FeedbackRow, ...]
    activities: tuple[ActivityCountRow, ...]
    coverage: Coverage = field(default_factory=lambda: Coverage(None, COVERAGE_NOTE))


@dataclass(frozen=True)
class LeaderRow:
    rank: int
    key: str
    value: Any
    metrics: MetricsRow


@dataclass(frozen=True)
class SourceRow:
    source: str
    leads: int
    converted: int
    conversion_rate: float | None
    """Converted leads / leads."""
    deals: int
    won: int
    lost: int
    win_rate: float | None
    won_amount: Decimal
