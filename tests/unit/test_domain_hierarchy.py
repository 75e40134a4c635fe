"""The loop check both trees share: managers (members) and parents (territories)."""

from __future__ import annotations

import pytest

from salesdesk.domain.errors import ManagerCycleError, ValidationError
from salesdesk.domain.hierarchy import find_loop
from salesdesk.domain.members import check_manager
from salesdesk.domain.territories import check_parent

CHAIN = {"b": "a", "c": "b", "d": "c"}  # d -> c -> b -> a


@pytest.mark.parametrize(("node", "parent", "loops"), [
    ("x", "d", False), ("a", None, False), ("d", "a", False),
    ("a", "d", True), ("b", "c", True), ("a", "a", True),
    ("x", "p", True),  # a loop already in the data (p <-> q) never reaches a root
])
def test_find_loop(node: str, parent: str | None, loops: bool) -> None:
    assert find_loop(node, parent, {**CHAIN, "p": "q", "q": "p"}) is loops


def test_members_and_territories_word_the_same_loop_their_own_way() -> None:
    with pytest.raises(ManagerCycleError, match="circular reporting chain"):
        check_manager("a", "d", CHAIN)
    with pytest.raises(ValidationError, match="cannot sit inside itself") as err:
        check_parent("a", "d", CHAIN)
    assert not isinstance(err.value, ManagerCycleError) and err.value.field == "parent"
