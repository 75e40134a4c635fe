"""Landing accounts in territories: the compiled matching engine.

Rules of the game (what a sales manager reads in the help, enforced here):
- A territory's criteria are ANDed; each criterion accepts any of its values.
- A child inherits its ancestors' criteria, so "EMEA > DACH" only sees EMEA accounts.
- A territory without criteria of its own is a container: accounts never land on it.
- Each account lands in exactly one territory, the most specific match: named accounts
  beat everything, then the deeper territory, then the one with more criteria. Equal
  specificity is a tie: reported, never guessed. No match is reported as unassigned.
"""

from __future__ import annotations

from bisect import bisect_right
from collections import Counter, defaultdict
from collections.abc import Callable, Hashable, Iterable, Sequence
from dataclasses import dataclass, field

from salesdesk.domain.accounts import Account
from salesdesk.domain.territories import Criterion, RuleField, Territory
from salesdesk.domain.validation import name_key


@dataclass
class _Compiled:
    territory: Territory
    checks: tuple[Callable[[Account], bool], ...]
    specificity: tuple[int, int, int]
    country_keys: frozenset[str] | None  # None: matches any country (index wildcard)
    criteria: tuple[Criterion, ...] = ()  # effective: its own, then its ancestors'
    path: tuple[str, ...] = ()  # chain ids, nearest first
    chain_ids: frozenset[str] = frozenset()
    looped: bool = False  # its chain ends in a parent loop (not a tree: no tree walk)


@dataclass
class Coverage:
    """Where every account lands, plus what a manager must look at."""

    landing: dict[str, str] = field(default_factory=dict)        # account id -> territory id
    unmatched: list[str] = field(default_factory=list)            # account ids
    ties: dict[str, list[str]] = field(default_factory=dict)      # account id -> territory ids
    overlaps: Counter[tuple[str, str]] = field(default_factory=Counter)  # pair -> accounts

    def counts(self) -> Counter[str]:
        return Counter(self.landing.values())


@dataclass(frozen=True)
class _Outcome:
    """The verdict for one kind of account, shared by every account with that profile."""

    found: tuple[_Compiled, ...]
    winner: str | None
    ties: tuple[str, ...]
    overlaps: tuple[tuple[str, str], ...]


def _decide(found: Sequence[_Compiled]) -> _Outcome:
    """Most specific match wins; equal specificity is a tie; every matched pair that is not
    nested (one an ancestor of the other) is an overlap."""
    if not found:
        return _Outcome((), None, (), ())
    best = max(c.specificity for c in found)
    winners = tuple(sorted(c.territory.id for c in found if c.specificity == best))
    by_id = {c.territory.id: c for c in found}
    ids = sorted(by_id)
    pairs = tuple((a, b) for i, a in enumerate(ids) for b in ids[i + 1:]
                  if a not in by_id[b].chain_ids and b not in by_id[a].chain_ids)
    return _Outcome(tuple(found), winners[0] if len(winners) == 1 else None,
                    winners if len(winners) > 1 else (), pairs)


_ATTRS = {RuleField.REGION: "region", RuleField.INDUSTRY: "sector", RuleField.ACCOUNT: "name",
          RuleField.EMPLOYEES: "employees", RuleField.REVENUE: "revenue_m"}
Profiler = Callable[[Account], Hashable]


def _profiler(field: RuleField, criteria: Sequence[Criterion],
              key: Callable[[str], str]) -> Profiler:
    """The least an account must show about `field` to decide every one of `criteria`:
    its band between the range bounds, which of the postcode prefixes it starts with, or
    its value if some criterion names it (else None)."""
    if field.is_range:
        bounds = sorted({b for c in criteria for b in (c.minimum, c.maximum) if b is not None})
        attr = _ATTRS[field]
        return lambda a: -1 if (x := getattr(a, attr)) is None else bisect_right(bounds, x)
    if field is RuleField.POSTCODE_PREFIX:
        prefixes = frozenset(name_key(v).upper() for c in criteria for v in c.values)
        lengths = sorted({len(p) for p in prefixes})
        return lambda a: tuple(p if (p := (a.postcode or "")[:n]) in prefixes else None
                               for n in lengths)
    named = frozenset(name_key(v) for c in criteria for v in c.values)
    attr = _ATTRS[field]
    if field is RuleField.ACCOUNT:  # names are unique: caching their keys would not pay
        key = name_key
    return lambda a: k if (k := key(getattr(a, attr))) in named else None


@dataclass(eq=False)
class _Node:
    """A territory in a bucket's tree: its own checks only (its ancestors' were passed on
    the way down). `compiled` is None for containers."""

    checks: tuple[Callable[[Account], bool], ...]
    names: frozenset[str] | None  # its own named accounts, a quick pre-check; None: any
    compiled: _Compiled | None = None
    rank: int = 0  # position among the bucket's candidates: `matches` keeps that order
    children: list[_Node] = field(default_factory=list)


class _Bucket:
    """The territories an account from one country can land in, and their verdicts
    memoised by profile: the few reduced attributes those territories' rules look at
    (the country itself is settled by the bucket). Accounts that share a profile match
    the same territories, so the rules run once per profile, not once per account; and
    then top-down, so a failed parent skips its whole subtree."""

    def __init__(self, candidates: list[_Compiled], key: Callable[[str], str],
                 node: Callable[[str], _Node]):
        self.candidates = candidates
        by_field: dict[RuleField, list[Criterion]] = defaultdict(list)
        for c in (c for cand in candidates for c in cand.criteria):
            if c.field is not RuleField.COUNTRY:
                by_field[c.field].append(c)
        self.profilers = tuple(_profiler(f, cs, key) for f, cs in by_field.items())
        self.memo: dict[tuple[Hashable, ...], _Outcome] = {}
        looped = any(c.looped for c in candidates)
        self.roots = None if looped else self._tree(node)

    def _tree(self, node: Callable[[str], _Node]) -> list[_Node]:
        nodes: dict[str, _Node] = {}
        roots = []
        for rank, c in enumerate(self.candidates):
            below: _Node | None = None
            for tid in c.path:
                here = nodes.get(tid)
                known = here is not None
                if here is None:
                    here = nodes[tid] = node(tid)
                if below is None:
                    here.compiled, here.rank = c, rank
                else:
                    here.children.append(below)
                if known:
                    break
                below = here
            else:
                roots.append(below)
        return [r for r in roots if r is not None]

    def outcome(self, account: Account) -> _Outcome:
        profile = tuple([p(account) for p in self.profilers])
        found = self.memo.get(profile)
        if found is None:
            found = self.memo[profile] = _decide(self._match(account))
        return found

    def _match(self, account: Account) -> list[_Compiled]:
        if self.roots is None:
            return [c for c in self.candidates if all(check(account) for check in c.checks)]
        name = name_key(account.name)
        found, stack = [], list(self.roots)
        while stack:
            n = stack.pop()
            if (n.names is None or name in n.names) and all(ch(account) for ch in n.checks):
                if n.compiled is not None:
                    found.append(n)
                stack.extend(n.children)
        return [n.compiled for n in sorted(found, key=lambda n: n.rank) if n.compiled]


class TerritoryPlan:
    """The compiled tree. Build once, evaluate many accounts.

    Accounts are looked up by country (index), then by profile (memo, see _Bucket), so
    evaluating 100,000 accounts over 500 territories takes a fraction of a second
    (bench/bench_territories.py). The memo only gains entries that every thread would
    compute alike, so a plan may be shared between threads."""

    def __init__(self, territories: Iterable[Territory]):
        self._by_id = {t.id: t for t in territories if not t.is_deleted}
        self._compiled = [self._compile(t) for t in self._by_id.values() if not t.is_container]
        self._by_country: dict[str, list[_Compiled]] = defaultdict(list)
        self._wildcard: list[_Compiled] = []
        for c in self._compiled:
            if c.country_keys is None:
                self._wildcard.append(c)
            else:
                for k in c.country_keys:
                    self._by_country[k].append(c)
        self._keys: dict[str, str] = {}  # raw text -> name_key(text), for repeated values
        self._buckets: dict[str, _Bucket] = {}  # country key -> bucket
        self._bucket_of: dict[str, _Bucket] = {}  # raw country text -> bucket

    def chain(self, territory: Territory) -> list[Territory]:
        """The territory and its ancestors, nearest first."""
        result, seen = [], set()
        current: Territory | None = territory
        while current is not None and current.id not in seen:
            result.append(current)
            seen.add(current.id)
            current = self._by_id.get(current.parent_id) if current.parent_id else None
        return result

    def effective_criteria(self, territory: Territory) -> list[Criterion]:
        return [c for t in self.chain(territory) for c in t.criteria]

    def _compile(self, territory: Territory) -> _Compiled:
        chain = self.chain(territory)
        criteria = [c for t in chain for c in t.criteria]
        countries = [frozenset(name_key(v) for v in c.values) for c in criteria
                     if c.field is RuleField.COUNTRY]
        country_keys = frozenset.intersection(*countries) if countries else None
        named = int(any(c.field is RuleField.ACCOUNT for c in territory.criteria))
        spec = (named, len(chain), len(criteria))
        path = tuple(t.id for t in chain)
        return _Compiled(territory, tuple(c.compile() for c in criteria), spec, country_keys,
                         tuple(criteria), path, frozenset(path),
                         chain[-1].parent_id in self._by_id)

    def _node(self, territory_id: str) -> _Node:
        territory = self._by_id[territory_id]
        names = [frozenset(name_key(v) for v in c.values) for c in territory.criteria
                 if c.field is RuleField.ACCOUNT]
        return _Node(tuple(c.compile() for c in territory.criteria),
                     frozenset.intersection(*names) if names else None)

    def _key(self, text: str) -> str:
        found = self._keys.get(text)
        if found is None:
            found = self._keys[text] = name_key(text)
        return found

    def _bucket(self, country: str) -> _Bucket:
        bucket = self._bucket_of.get(country)
        if bucket is None:
            key = name_key(country)
            if key not in self._by_country:
                key = ""  # every country without territories of its own shares one bucket
            bucket = self._buckets.get(key)
            if bucket is None:
                bucket = self._buckets[key] = _Bucket(
                    [*self._by_country.get(key, ()), *self._wildcard], self._key, self._node)
            self._bucket_of[country] = bucket
        return bucket

    def _outcome(self, account: Account) -> _Outcome:
        return self._bucket(account.country).outcome(account)

    def matches(self, account: Account) -> list[tuple[Territory, tuple[int, int, int]]]:
        return [(c.territory, c.specificity) for c in self._outcome(account).found]

    def evaluate(self, accounts: Iterable[Account],
                 progress: Callable[[int], bool] | None = None) -> Coverage:
        """Land every account. `progress(n_done)` is called every 5,000 accounts and may
        return False to cancel (then the partial coverage is returned)."""
        cov = Coverage()
        landing, unmatched, ties, overlaps = cov.landing, cov.unmatched, cov.ties, cov.overlaps
        for n, account in enumerate(accounts, 1):
            outcome = self._outcome(account)
            if outcome.winner is not None:
                landing[account.id] = outcome.winner
            elif outcome.ties:
                ties[account.id] = list(outcome.ties)
            else:
                unmatched.append(account.id)
            for pair in outcome.overlaps:
                overlaps[pair] += 1
            if progress is not None and n % 5000 == 0 and progress(n) is False:
                break
        return cov

    def preview(self, territory: Territory, accounts: Iterable[Account]) -> list[Account]:
        """Accounts the territory's effective rules match (before the most-specific rule)."""
        parent = self._by_id.get(territory.parent_id) if territory.parent_id else None
        chain = [territory, *(self.chain(parent) if parent else [])]
        checks = [c.compile() for t in chain for c in t.criteria]
        if not territory.criteria:
            return []
        return [a for a in accounts if all(check(a) for check in checks)]
