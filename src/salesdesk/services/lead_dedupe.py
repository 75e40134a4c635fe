"""Duplicate groups among an import's rows and the workspace's leads.

Rules of the game:
- Same e-mail (stored normalised: case and spaces never differ) is the same person.
- Otherwise two leads are the same person when their companies have the same key
  (domain.leads.company_key: 'ACME, Inc.' = 'Acme') and their names are similar
  (rapidfuzz token_sort_ratio >= PERSON_MIN on domain.leads.person_key, so 'Jon Smith' =
  'John Smith' and 'Smith John'), or when their names have the same key (two words or
  more) and their company keys are similar (ratio >= COMPANY_MIN: 'Acme' = 'Acmee').
  A lead without a company (or without a name) is matched by e-mail only.
- Duplicates chain: if a = b and b = c, all three are one group.

Speed: nothing is compared across blocks. Names are compared only within a block of the
same company key and the same initials (first letters of the first and last words, in
either order), companies only among leads of the same name key; identical keys in a block
are merged before rapidfuzz's cdist compares the distinct ones. A 100,000-row file of
mostly different people makes a few thousand small blocks.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Hashable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from typing import Any, NamedTuple

from rapidfuzz import fuzz, process

PERSON_MIN = 90.0
COMPANY_MIN = 88.0
PAIRWISE_MAX = 24
"""Distinct keys a block compares pair by pair; a bigger one goes to rapidfuzz's cdist
(which costs more to call than a few hundred comparisons)."""
BLOCK_MAX = 3_000
"""Distinct names compared at once; a bigger block is split by the names' first two
letters (a typo there goes unnoticed in so crowded a company)."""


class Keys(NamedTuple):
    """One file row (`row` > 0, `lead_id` "") or one lead of the workspace (`row` 0)."""

    row: int
    lead_id: str
    email: str | None
    person: str
    company: str


@dataclass
class Group:
    rows: list[int]
    """File row numbers, in file order."""
    lead_ids: list[str]
    """Leads of the workspace in the group (usually none or one)."""
    reasons: list[str] = field(default_factory=list)

    @property
    def key(self) -> str:
        """Stable between a preview and the import of the same file: its first row."""
        return f"row {self.rows[0]}"


class _Union:
    def __init__(self, n: int):
        self.parent = list(range(n))
        self.why: dict[int, list[str]] = defaultdict(list)
        self.joined: set[int] = set()
        """Every node ever joined to another: the only ones in groups."""

    def find(self, i: int) -> int:
        while self.parent[i] != i:
            self.parent[i] = self.parent[self.parent[i]]
            i = self.parent[i]
        return i

    def join(self, a: int, b: int, why: str) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra == rb:
            return
        if rb < ra:
            ra, rb = rb, ra
        self.parent[rb] = ra
        self.joined.update((a, b))
        reasons = self.why[ra]
        reasons += [w for w in self.why.pop(rb, []) if w not in reasons]
        if len(reasons) < 3 and why not in reasons:
            reasons.append(why)


def _initials(person: str) -> str:
    words = person.split()
    if not words:
        return ""
    a, b = words[0][0], words[-1][0]
    return a + b if a <= b else b + a


def _similar(items: list[tuple[str, list[int]]], cutoff: float, scorer: Any,
             union: _Union, same: str, similar: str) -> None:
    """Join the groups of identical and of similar keys; `items` are (key, node indices).
    `same` and `similar` word the reason ({key}; {a}, {b} and {score})."""
    for key, nodes in items:
        for n in nodes[1:]:
            union.join(nodes[0], n, same.format(key=key))
    if len(items) < 2:
        return
    if len(items) > BLOCK_MAX:
        split: dict[str, list[tuple[str, list[int]]]] = defaultdict(list)
        for item in items:
            split[item[0][:2]].append(item)
        if len(split) > 1:
            for part in split.values():
                _similar(part, cutoff, scorer, union, same, similar)
            return
    keys = [k for k, _ in items]
    for i, j, score in _pairs(keys, cutoff, scorer):
        union.join(items[i][1][0], items[j][1][0],
                   similar.format(a=keys[i], b=keys[j], score=f"{score:.0f}"))


def _pairs(keys: list[str], cutoff: float, scorer: Any) -> Iterator[tuple[int, int, float]]:
    """(i, j, score) of each pair i < j scoring at least `cutoff`, row by row."""
    if len(keys) <= PAIRWISE_MAX:
        for i, a in enumerate(keys):
            for j in range(i + 1, len(keys)):
                score = scorer(a, keys[j], score_cutoff=cutoff)
                if score:
                    yield i, j, score
        return
    scores = process.cdist(keys, keys, scorer=scorer, score_cutoff=cutoff, workers=1)
    for i, j in zip(*scores.nonzero(), strict=True):
        if i < j:
            yield int(i), int(j), float(scores[i][j])


def _blocks(entries: Iterable[tuple[Hashable, str, int]]
            ) -> list[list[tuple[str, list[int]]]]:
    """[(key, nodes with that key)] per block holding more than one node, from (block,
    key, node) triples."""
    grouped: dict[Hashable, dict[str, list[int]]] = {}
    for block, key, node in entries:
        keys = grouped.get(block)
        if keys is None:
            grouped[block] = {key: [node]}
        else:
            keys.setdefault(key, []).append(node)
    return [list(keys.items()) for keys in grouped.values()
            if len(keys) > 1 or len(next(iter(keys.values()))) > 1]


def find_groups(records: Sequence[Keys]) -> list[Group]:
    """The duplicate groups holding at least one file row (see the module's rules)."""
    union = _Union(len(records))
    first: dict[str, int] = {}
    for i, r in enumerate(records):
        if r.email:
            if r.email in first:
                union.join(first[r.email], i, f"same e-mail {r.email}")
            else:
                first[r.email] = i
    known = [(i, r) for i, r in enumerate(records) if r.person and r.company]
    initials = {p: _initials(p) for p in {r.person for _, r in known}}
    by_company = _blocks(((r.company, initials[r.person]), r.person, i) for i, r in known)
    for items in by_company:
        _similar(items, PERSON_MIN, fuzz.token_sort_ratio, union,
                 "same name and company: {key}",
                 "similar names at one company: '{a}' and '{b}' ({score}%)")
    by_person = _blocks((r.person, r.company, i) for i, r in known if " " in r.person)
    for items in by_person:
        _similar(items, COMPANY_MIN, fuzz.ratio, union, "same name and company: {key}",
                 "one name at similar companies: '{a}' and '{b}' ({score}%)")
    members: dict[int, list[int]] = defaultdict(list)
    for i in sorted(union.joined):
        members[union.find(i)].append(i)
    groups = []
    for root, nodes in members.items():
        if len(nodes) < 2 or not any(records[n].row for n in nodes):
            continue
        rows = sorted(records[n].row for n in nodes if records[n].row)
        leads = [records[n].lead_id for n in nodes if not records[n].row]
        groups.append(Group(rows, leads, union.why.get(root, [])))
    groups.sort(key=lambda g: g.rows[0])
    return groups
