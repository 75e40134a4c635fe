"""Trees kept as child -> parent maps: the manager chain, the territory tree."""

from __future__ import annotations

from collections.abc import Mapping


def find_loop(node_id: str, parent_id: str | None, parents: Mapping[str, str | None]) -> bool:
    """True if giving `node_id` the parent `parent_id` would close a loop: the chain of
    parents from `parent_id` comes back to `node_id`, or runs into a loop already in
    `parents` (then it would never reach a root either). Stops after each node once."""
    seen = {node_id}
    current = parent_id
    while current is not None:
        if current in seen:
            return True
        seen.add(current)
        current = parents.get(current)
    return False
