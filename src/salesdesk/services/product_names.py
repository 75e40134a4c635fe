"""Reading product names as a file writes them: exact names, known aliases, and a name
written differently ("GTXPro" for "GTX Pro") proposed as a new alias only when it is
clearly one product."""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from rapidfuzz import fuzz, process

from salesdesk.domain.accounts import Product
from salesdesk.domain.validation import name_key

FUZZ_CUTOFF = 90.0
FUZZ_MARGIN = 5.0
"""A product name is read as another only when rapidfuzz rates it at least this similar
(0-100, on names without spaces) and clearly ahead of the runner-up."""


def _squash(text: str) -> str:
    """How product names compare when guessing: case-insensitive, without any spaces."""
    return "".join(text.split()).casefold()


class ProductMatcher:
    """Product names and aliases -> products. A name written differently resolves to the
    one product it is close to (spaces and case first, then rapidfuzz), and is recorded
    in `proposed` so the import can add it as an alias and report it."""

    def __init__(self, products: Sequence[Product]):
        # Names first: an alias never hides another product's name.
        known = [(name_key(p.name), p) for p in products] + \
            [(name_key(a), p) for p in products for a in p.aliases]
        self._by_key: dict[str, Product | None] = {}
        """name_key -> product; None for a name already found to match none."""
        self._squashed: dict[str, set[Product]] = {}
        """Known names and aliases without spaces -> products: what guesses compare to
        (never an earlier guess, so guesses cannot drift from one to the next)."""
        for key, product in known:
            if self._by_key.setdefault(key, product) is product:
                self._squashed.setdefault(_squash(key), set()).add(product)
        self.proposed: dict[str, tuple[Product, Counter[str]]] = {}
        """name_key of a proposed alias -> (product, how the file wrote it, counted)."""

    def resolve(self, text: str) -> Product | None:
        key = name_key(text)
        product = self._by_key.get(key)
        if product is None and key not in self._by_key:
            product = self._by_key[key] = self._guess(key)
            if product is not None:
                self.proposed[key] = (product, Counter())
        if key in self.proposed:
            self.proposed[key][1][" ".join(text.split())] += 1
        return product

    def _guess(self, key: str) -> Product | None:
        same = self._squashed.get(_squash(key))
        if same is not None:
            return next(iter(same)) if len(same) == 1 else None
        best: dict[Product, float] = {}  # each product's best score, over name and aliases
        for choice, score, _ in process.extract(
                _squash(key), list(self._squashed), scorer=fuzz.ratio, limit=None,
                score_cutoff=FUZZ_CUTOFF - FUZZ_MARGIN):
            for product in self._squashed[choice]:
                best[product] = max(score, best.get(product, 0.0))
        ranked = sorted(best.values(), reverse=True)
        if not ranked or ranked[0] < FUZZ_CUTOFF:
            return None
        if len(ranked) > 1 and ranked[0] - ranked[1] < FUZZ_MARGIN:
            return None  # two products about as close: not clearly one
        return next(p for p, score in best.items() if score == ranked[0])
