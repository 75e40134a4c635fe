"""Closed deals as columns, for learning at the scale of millions of deals.

`ClosedHistory` holds one row per closed deal and one row per stage visit, with owners,
teams, territories and stages encoded as small integers (-1 = none). Build it from
`ClosedDeal` objects with `ClosedHistory.of`, or, for big workspaces, pass the numpy
columns straight to the constructor (the storage layer can read them column by column).
Days are proleptic ordinals (`date.toordinal()`) and codes int32 (half the memory traffic
of int64 at a million deals), money whole cents (int64).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, fields
from datetime import date

import numpy as np

from salesdesk.domain.forecast.inputs import ClosedDeal, Scope, ScopeKind, to_cents

_COLUMNS = {"won": np.bool_, "amount_cents": np.int64, "won_cents": np.int64,
            "created": np.int32, "closed": np.int32, "owner": np.int32, "team": np.int32,
            "territory": np.int32}
_VISITS = {"visit_deal": np.int32, "visit_stage": np.int32, "visit_entered": np.int32}


@dataclass(frozen=True, eq=False)
class ClosedHistory:
    """Closed deals (row i = deal `ids[i]`) and the open stages they passed through."""

    ids: Sequence[str]
    won: np.ndarray
    amount_cents: np.ndarray
    won_cents: np.ndarray
    """The won amount; 0 for a lost deal."""
    created: np.ndarray
    closed: np.ndarray
    owner: np.ndarray
    """Code into `owners`, -1 for none; `team`, `territory` likewise."""
    team: np.ndarray
    territory: np.ndarray
    owners: tuple[str, ...]
    teams: tuple[str, ...]
    territories: tuple[str, ...]
    stages: tuple[str, ...]
    visit_deal: np.ndarray
    """Row of the deal that made the visit."""
    visit_stage: np.ndarray
    """Code into `stages`."""
    visit_entered: np.ndarray
    """Day the deal entered the stage (a deal that entered a stage twice may have two
    visits: the latest entry counts)."""

    def __post_init__(self) -> None:
        for name, dtype in (_COLUMNS | _VISITS).items():
            object.__setattr__(self, name, np.asarray(getattr(self, name), dtype=dtype))
        n = len(self.ids)
        if any(len(getattr(self, name)) != n for name in _COLUMNS):
            raise ValueError(f"every deal column needs {n} rows")
        if len({len(getattr(self, name)) for name in _VISITS}) != 1:
            raise ValueError("the visit columns differ in length")
        for codes, table, name in ((self.owner, self.owners, "owner"),
                                   (self.team, self.teams, "team"),
                                   (self.territory, self.territories, "territory"),
                                   (self.visit_stage, self.stages, "visit_stage"),
                                   (self.visit_deal, self.ids, "visit_deal")):
            if len(codes) and (codes.min() < -1 or codes.max() >= len(table)):
                raise ValueError(f"{name} holds a code outside its table")
        if len(self.visit_stage) and min(self.visit_stage.min(), self.visit_deal.min()) < 0:
            raise ValueError("every visit needs a deal and a stage")

    def __len__(self) -> int:
        return len(self.ids)

    @classmethod
    def of(cls, deals: Iterable[ClosedDeal]) -> ClosedHistory:
        deals = list(deals)
        owners, teams, territories, stages = _Codes(), _Codes(), _Codes(), _Codes()
        visits = [(row, stages.code(v.stage_id), v.entered_on.toordinal())
                  for row, d in enumerate(deals) for v in d.visits]
        return cls(
            ids=[d.id for d in deals], won=_column([d.won for d in deals], np.bool_),
            amount_cents=_column([to_cents(d.amount) for d in deals], np.int64),
            won_cents=_column([to_cents(d.won_amount) if d.won and d.won_amount is not None
                               else 0 for d in deals], np.int64),
            created=_column([d.created_on.toordinal() for d in deals]),
            closed=_column([d.closed_on.toordinal() for d in deals]),
            owner=_column([owners.code(d.owner_id) for d in deals]),
            team=_column([teams.code(d.team_id) for d in deals]),
            territory=_column([territories.code(d.territory_id) for d in deals]),
            owners=owners.table(), teams=teams.table(), territories=territories.table(),
            stages=stages.table(), visit_deal=_column([v[0] for v in visits]),
            visit_stage=_column([v[1] for v in visits]),
            visit_entered=_column([v[2] for v in visits]))

    @classmethod
    def empty(cls) -> ClosedHistory:
        return cls.of(())

    @property
    def first_day(self) -> date | None:
        """The day the oldest deal was created: how far back the history reaches."""
        return date.fromordinal(int(self.created.min())) if len(self) else None

    def scope_mask(self, scope: Scope) -> np.ndarray:
        """Rows of the deals the scope covers."""
        if scope.kind is ScopeKind.COMPANY:
            return np.ones(len(self), dtype=bool)
        column, table = {ScopeKind.MEMBER: (self.owner, self.owners),
                         ScopeKind.TEAM: (self.team, self.teams),
                         ScopeKind.TERRITORY: (self.territory, self.territories)}[scope.kind]
        codes = [i for i, key in enumerate(table) if key in scope.ids]
        return np.isin(column, np.asarray(codes, dtype=np.int64))

    def replace_columns(self, **columns: object) -> ClosedHistory:
        """A copy with some columns replaced (tests and benchmarks)."""
        values = {f.name: getattr(self, f.name) for f in fields(self)}
        return ClosedHistory(**(values | columns))


def _column(values: list[int] | list[bool], dtype: type = np.int32) -> np.ndarray:
    return np.array(values, dtype=dtype)


class _Codes:
    """Ids to dense codes, in order of first appearance; None is -1."""

    def __init__(self) -> None:
        self._index: dict[str, int] = {}

    def code(self, key: str | None) -> int:
        if key is None:
            return -1
        return self._index.setdefault(key, len(self._index))

    def table(self) -> tuple[str, ...]:
        return tuple(self._index)
