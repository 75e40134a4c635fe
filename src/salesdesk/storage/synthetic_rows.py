"""Primitives the synthetic generators share: seeded UUIDs, weighted draws and the
stamps each backend stores (storage/synthetic.py, storage/synthetic_leads.py)."""

from __future__ import annotations

import random
from datetime import UTC, date, datetime, timedelta
from typing import Any

DAY = 86_400


def uuids(rng: random.Random, n: int) -> list[str]:
    """Version-4 UUIDs from the run's generator (reproducible for a given seed), formatted
    without building uuid.UUID objects (same text as str(uuid.UUID(int=..., version=4)))."""
    out = []
    for _ in range(n):
        x = "%032x" % (rng.getrandbits(128) & ~(0xF000 << 64) & ~(0xC000 << 48)
                       | (0x4000 << 64) | (0x8000 << 48))
        out.append(f"{x[:8]}-{x[8:12]}-{x[12:16]}-{x[16:20]}-{x[20:]}")
    return out


def weighted(pairs: tuple[tuple[str, int], ...], rng: random.Random, n: int) -> list[str]:
    return rng.choices([p[0] for p in pairs], weights=[p[1] for p in pairs], k=n)


class Stamps:
    """Epoch seconds / day numbers -> what the database stores. SQLite gets the text that
    UTCDateTime/Date write there (naive UTC, whole seconds), built from a per-day cache;
    PostgreSQL gets aware datetimes and dates for COPY."""

    EPOCH = date(1970, 1, 1)

    def __init__(self, sqlite: bool):
        self.sqlite = sqlite
        self._days: dict[int, str] = {}
        self._clock = [f"{s // 3600:02d}:{s // 60 % 60:02d}:{s % 60:02d}" for s in range(DAY)] \
            if sqlite else []

    def day(self, day: int) -> Any:
        if not self.sqlite:
            return self.EPOCH + timedelta(days=day)
        text = self._days.get(day)
        if text is None:
            text = self._days[day] = (self.EPOCH + timedelta(days=day)).isoformat()
        return text

    def at(self, ts: int) -> Any:
        if not self.sqlite:
            return datetime.fromtimestamp(ts, UTC)
        return f"{self.day(ts // DAY)} {self._clock[ts % DAY]}"

    def moment(self, ts: int) -> Any:
        """As `at`, but on SQLite exactly the text the ORM writes (with microseconds), so
        the moments deals are compared on (stage_entered_at, the history) sort and match
        those written by the app."""
        return f"{self.at(ts)}.000000" if self.sqlite else self.at(ts)
