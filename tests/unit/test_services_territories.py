"""services.territories on the fake workspace."""

from __future__ import annotations

from datetime import date

import pytest

import salesdesk.services.territories as svc
from salesdesk.domain.accounts import Account
from salesdesk.domain.errors import ConflictError, NotFoundError, ValidationError
from salesdesk.domain.members import Member
from salesdesk.domain.territories import Criterion, RuleField

from .fakes import FakeWorkspace

KENYA = Criterion(RuleField.COUNTRY, values=("Kenya",))
MEDICAL = Criterion(RuleField.INDUSTRY, values=("medical",))


def test_add_edit_delete_restore(ws: FakeWorkspace) -> None:
    emea = svc.add_territory(ws, "EMEA")
    kenya = svc.add_territory(ws, "Kenya", emea.territory_id, [KENYA])
    assert kenya.changes.territories and ws.one("territories", "Kenya").criteria == [KENYA]
    edited = svc.edit_territory(ws, kenya.territory_id, 1, name="East Africa",
                                criteria=[KENYA, MEDICAL])
    assert edited.before == {"name": "Kenya", "criteria": [KENYA]} and edited.version == 2
    moved = svc.edit_territory(ws, kenya.territory_id, 2, parent_id=None)
    assert moved.before == {"parent_id": emea.territory_id}
    stored = ws.one("territories", "East Africa")
    assert (stored.parent_id, stored.criteria, stored.version) == (None, [KENYA, MEDICAL], 3)
    svc.delete_territory(ws, kenya.territory_id, 3)
    assert [t.name for t in ws.live("territories")] == ["EMEA"]
    svc.restore_territory(ws, kenya.territory_id)
    assert sorted(t.name for t in ws.live("territories")) == ["EMEA", "East Africa"]


def test_names_are_unique_per_level_only(ws: FakeWorkspace) -> None:
    a = svc.add_territory(ws, "A").territory_id
    b = svc.add_territory(ws, "B").territory_id
    svc.add_territory(ws, "North", a)
    svc.add_territory(ws, "North", b)
    before = ws.snapshot()
    with pytest.raises(ValidationError, match="exists already"):
        svc.add_territory(ws, " north ", a)
    with pytest.raises(NotFoundError):
        svc.add_territory(ws, "X", "no-such-parent")
    assert ws.snapshot() == before


def test_edit_refuses_stale_versions_and_loops(ws: FakeWorkspace) -> None:
    top = svc.add_territory(ws, "Top").territory_id
    mid = svc.add_territory(ws, "Mid", top).territory_id
    low = svc.add_territory(ws, "Low", mid).territory_id
    svc.edit_territory(ws, top, 1, name="Top 1")
    before = ws.snapshot()
    with pytest.raises(ConflictError):
        svc.edit_territory(ws, top, 1, name="Top 2")
    for parent in (top, mid, low):
        with pytest.raises(ValidationError, match="inside itself"):
            svc.edit_territory(ws, top, 2, parent_id=parent)
    assert ws.snapshot() == before


def test_delete_refuses_a_territory_with_children(ws: FakeWorkspace) -> None:
    top = svc.add_territory(ws, "Top").territory_id
    svc.add_territory(ws, "Child", top)
    with pytest.raises(ValidationError, match="still holds Child"):
        svc.delete_territory(ws, top, None)
    assert len(ws.live("territories")) == 2


def test_delete_takes_the_assignments_and_restore_brings_them_back(ws: FakeWorkspace) -> None:
    ws.seed(rep := Member(name="Rep"))
    t = svc.add_territory(ws, "K", None, [KENYA]).territory_id
    svc.assign_rep(ws, t, rep.id, date(2024, 1, 1))
    svc.delete_territory(ws, t, 1)
    assert ws.live("assignments") == []
    svc.restore_territory(ws, t)
    assert [a.member_id for a in ws.live("assignments")] == [rep.id]


def test_restoring_a_child_of_a_deleted_territory_is_refused(ws: FakeWorkspace) -> None:
    top = svc.add_territory(ws, "Top", None, [KENYA]).territory_id
    child = svc.add_territory(ws, "Child", top, [MEDICAL]).territory_id
    svc.delete_territory(ws, child, None)
    svc.delete_territory(ws, top, None)
    before = ws.snapshot()
    with pytest.raises(ValidationError, match="restore 'Top' first"):
        svc.restore_territory(ws, child)
    assert ws.snapshot() == before
    svc.restore_territory(ws, top)
    svc.restore_territory(ws, child)
    assert len(ws.live("territories")) == 2


def test_assign_rep_refuses_overlapping_periods(ws: FakeWorkspace) -> None:
    ws.seed(rep := Member(name="Rep"), left := Member(name="Gone", left_on=date(2023, 1, 1)))
    t = svc.add_territory(ws, "K", None, [KENYA]).territory_id
    svc.assign_rep(ws, t, rep.id, date(2024, 1, 1), date(2024, 6, 30))
    before = ws.snapshot()
    for start, end in ((date(2024, 6, 30), None), (date(2023, 1, 1), date(2024, 1, 1)),
                       (date(2024, 2, 1), date(2024, 3, 1))):
        with pytest.raises(ValidationError, match="already covers K"):
            svc.assign_rep(ws, t, rep.id, start, end)
    with pytest.raises(ValidationError, match="has left"):
        svc.assign_rep(ws, t, left.id, date(2024, 1, 1))
    with pytest.raises(ValidationError, match="before start"):
        svc.assign_rep(ws, t, rep.id, date(2025, 2, 1), date(2025, 1, 1))
    assert ws.snapshot() == before
    svc.assign_rep(ws, t, rep.id, date(2024, 7, 1))  # the day after: fine
    assert len(ws.live("assignments")) == 2


def test_remove_and_restore_an_assignment(ws: FakeWorkspace) -> None:
    ws.seed(rep := Member(name="Rep"))
    t = svc.add_territory(ws, "K", None, [KENYA]).territory_id
    assignment = svc.assign_rep(ws, t, rep.id, date(2024, 1, 1)).ids[0]
    svc.remove_assignment(ws, assignment)
    assert ws.live("assignments") == []
    svc.restore_assignment(ws, assignment)
    assert len(ws.live("assignments")) == 1


def _accounts(ws: FakeWorkspace) -> dict[str, Account]:
    accounts = {"km": Account(name="Kenya Med", country="Kenya", sector="medical"),
                "kr": Account(name="Kenya Retail", country="Kenya", sector="retail"),
                "um": Account(name="US Med", country="United States", sector="medical"),
                "jp": Account(name="Japan Soft", country="Japan", sector="software")}
    ws.seed(*accounts.values())
    return accounts


def test_evaluate_stores_the_territory_and_reports_unmatched_and_ties(
        ws: FakeWorkspace) -> None:
    _accounts(ws)
    kenya = svc.add_territory(ws, "Kenya", None, [KENYA]).territory_id
    med = svc.add_territory(ws, "Medical", None, [MEDICAL]).territory_id
    result = svc.evaluate_territories(ws)
    assert (result.accounts, result.landed, result.moved) == (4, 2, 2)
    assert result.unmatched == ("Japan Soft",)
    [(tied_account, tied_between)] = result.ties  # territories in id order, not by name
    assert (tied_account, sorted(tied_between)) == ("Kenya Med", ["Kenya", "Medical"])
    assert not result.cancelled and result.changes.accounts
    stored = {a.name: a.territory_id for a in ws.live("accounts")}
    assert stored == {"Kenya Med": None, "Kenya Retail": kenya, "US Med": med,
                      "Japan Soft": None}
    assert ws.one("accounts", "Kenya Retail").version == 2
    again = svc.evaluate_territories(ws)
    assert again.moved == 0 and not again.changes.accounts


def test_evaluate_moves_accounts_out_of_a_deleted_territory(ws: FakeWorkspace) -> None:
    _accounts(ws)
    kenya = svc.add_territory(ws, "Kenya", None, [KENYA]).territory_id
    svc.evaluate_territories(ws)
    svc.delete_territory(ws, kenya, None)
    result = svc.evaluate_territories(ws)
    assert result.moved == 2 and all(a.territory_id is None for a in ws.live("accounts"))


@pytest.mark.parametrize("n", [5000, 7000])
def test_a_cancelled_evaluation_writes_nothing(ws: FakeWorkspace, n: int) -> None:
    ws.seed(*(Account(name=f"a{i}", country="Kenya") for i in range(n)))
    svc.add_territory(ws, "Kenya", None, [KENYA])
    before = ws.snapshot()
    calls: list[tuple[int, int]] = []

    def cancel(done: int, total: int) -> bool:
        calls.append((done, total))
        return False

    result = svc.evaluate_territories(ws, cancel)
    assert result.cancelled and calls == [(5000, n)]
    assert (result.landed, result.moved, result.changes) == (0, 0, svc.OpChanges())
    assert ws.snapshot() == before


def test_preview_of_unsaved_rules(ws: FakeWorkspace) -> None:
    _accounts(ws)
    kenya = svc.add_territory(ws, "Kenya", None, [KENYA]).territory_id
    before = ws.snapshot()
    assert svc.preview_rules(ws, "Kenya medical", kenya, [MEDICAL]) == (1, ["Kenya Med"])
    assert svc.preview_rules(ws, "", None, [MEDICAL]) == (2, ["Kenya Med", "US Med"])
    assert svc.preview_rules(ws, "x", None, [MEDICAL], limit=1) == (2, ["Kenya Med"])
    assert svc.preview_rules(ws, "container", None, []) == (0, [])
    assert ws.snapshot() == before
