"""Cleaning free-text master data as it arrives: country names and sectors.

Corrections are proposed only when a well-known library is confident (pycountry's
names, rapidfuzz similarity with a margin over the runner-up), and every correction is
reported; anything else is kept exactly as written and reported as unknown.
"""

from __future__ import annotations

from functools import lru_cache

from rapidfuzz import fuzz, process

KNOWN_SECTORS = (
    "agriculture", "automotive", "construction", "consulting", "education", "employment",
    "energy", "entertainment", "finance", "government", "healthcare", "hospitality",
    "insurance", "legal", "logistics", "manufacturing", "marketing", "media", "medical",
    "non-profit", "pharmaceuticals", "real estate", "retail", "services", "software",
    "technology", "telecommunications", "transportation", "utilities", "wholesale",
)
_CUTOFF = 88.0
_MARGIN = 5.0


@lru_cache(maxsize=1)
def _country_names() -> dict[str, str]:
    """Every spelling pycountry knows (lower-case) -> the name we store."""
    import pycountry

    names: dict[str, str] = {}
    for c in pycountry.countries:
        display = getattr(c, "common_name", None) or c.name
        for spelling in (c.name, display, getattr(c, "official_name", None), c.alpha_2,
                         c.alpha_3):
            if spelling:
                names.setdefault(spelling.casefold(), display)
    for alias, target in (("usa", "United States"), ("us", "United States"),
                          ("uk", "United Kingdom"), ("great britain", "United Kingdom")):
        names.setdefault(alias, target)
    return names


def _confident(text: str, choices: list[str]) -> str | None:
    best = process.extract(text, choices, scorer=fuzz.ratio, limit=2)
    if not best or best[0][1] < _CUTOFF:
        return None
    if len(best) > 1 and best[0][1] - best[1][1] < _MARGIN:
        return None
    return best[0][0]


def country(text: str) -> tuple[str, str | None]:
    """(value to store, note for the report or None)."""
    if not text:
        return "", None
    names = _country_names()
    exact = names.get(text.casefold())
    if exact:
        return exact, None if exact == text else f"country '{text}' stored as '{exact}'"
    guess = _confident(text.casefold(), [k for k in names if len(k) > 3])
    if guess:
        return names[guess], f"country '{text}' corrected to '{names[guess]}'"
    return text, f"country '{text}' is not a known country name; kept as written"


def sector(text: str, known: frozenset[str] = frozenset()) -> tuple[str, str | None]:
    value = text.casefold()
    if not value or value in KNOWN_SECTORS or value in known:
        return value, None
    guess = _confident(value, sorted(set(KNOWN_SECTORS) | known))
    if guess:
        return guess, f"sector '{text}' corrected to '{guess}'"
    return value, None


def suggest(name: str, choices: list[str]) -> str | None:
    """The one choice a typo most likely meant, for 'did you mean' messages."""
    # Not WRatio: its partial matching scores 'Ann' against 'Anna Snelling' at 90, so a
    # new manager whose name is part of a rep's name was refused as a typo.
    hit = process.extractOne(name, choices, scorer=fuzz.token_sort_ratio, score_cutoff=85)
    return hit[0] if hit else None
