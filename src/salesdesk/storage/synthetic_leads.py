"""Synthetic leads for `salesdesk demo --scale N` (storage/synthetic.py runs them).

Every column the board shows is filled the way the app would fill it: people drawn from
400 names, companies (and their sector, country, region, postcode, size and language)
from the workspace's accounts, sources weighted like a B2B marketing mix, statuses like a
real funnel with reasons for the parked and closed ones, a score around 45, the segments
the shipped rules give (qualified/unqualified, price objection, hot/warm/cold) with their
lead_segment_links rows, an SLA due time by temperature (hot 1 h, warm 1 day, cold 3
days after arrival, in wall-clock time with weekend deadlines moved to Monday: close to
the shipped business-hours policy and far cheaper), the account's territory and the
dedupe keys. The score is drawn, not computed, so it has no stored
explanation. Per-chunk lists of tuples in lead_values.LEAD_COLUMNS order, cached per
distinct value where they repeat.
"""

from __future__ import annotations

import json
import random
from typing import Any

import sqlalchemy as sa

from salesdesk.domain.lead_segments import HOT_MIN, WARM_MIN
from salesdesk.domain.leads import company_key, person_key
from salesdesk.storage import tables as t
from salesdesk.storage.bulk_load import Row, Tables
from salesdesk.storage.lead_store import LINK_COLUMNS
from salesdesk.storage.lead_values import LEAD_COLUMNS
from salesdesk.storage.synthetic_rows import DAY, Stamps, uuids, weighted

SOURCES = (("web", 34), ("event", 14), ("referral", 12), ("partner", 10), ("cold call", 9),
           ("email campaign", 13), ("social", 8))
STATUSES = (("new", 22), ("contacted", 18), ("qualified", 14), ("nurturing", 16),
            ("unqualified", 15), ("converted", 8), ("disqualified", 7))
REASONS = {"unqualified": (("price objection", 25), ("too expensive", 10), ("no budget", 20),
                           ("bad timing", 15), ("chose a competitor", 15), ("not a fit", 15)),
           "disqualified": (("spam", 30), ("wrong contact", 30), ("duplicate", 20),
                            ("no budget", 20))}
TITLES = (("", 20), ("Head of IT", 8), ("IT Manager", 12), ("Procurement Manager", 10),
          ("CTO", 4), ("CFO", 3), ("VP Sales", 4), ("Director of Operations", 6),
          ("Analyst", 15), ("Office Manager", 10), ("Founder", 3), ("Engineer", 5))
CAMPAIGNS = (("", 40), ("Spring webinar", 12), ("Trade show", 10), ("Newsletter", 14),
             ("Free trial", 14), ("Partner programme", 10))
LANGUAGES = {"United States": "English", "United Kingdom": "English", "France": "French",
             "Germany": "German", "Brazil": "Portuguese", "Japan": "Japanese",
             "China": "Chinese", "Italy": "Italian", "Norway": "Norwegian",
             "Belgium": "French", "Poland": "Polish", "Panama": "Spanish",
             "Jordan": "Arabic", "Korea": "Korean", "Philipines": "English", "Kenya": "English"}
FIRST = ("Ana", "Ben", "Chloé", "David", "Emma", "Farid", "Grace", "Hugo", "Ines", "Jonas",
         "Kenji", "Lena", "Marta", "Noah", "Olga", "Pablo", "Rania", "Sven", "Tara", "Yusuf")
LAST = ("Almeida", "Becker", "Chen", "Dubois", "Eriksen", "Fischer", "García", "Haddad",
        "Ivanova", "Jensen", "Kowalski", "Laurent", "Moreau", "Nakamura", "Okafor", "Petrov",
        "Rossi", "Schmidt", "Tanaka", "Weber")
# (display name, e-mail local part, person key) for every first x last pair.
PEOPLE = tuple((f"{f} {s}", f"{f}.{s}".lower(), person_key(f"{f} {s}"))
               for f in FIRST for s in LAST)
LEAD_SPAN_S = 730 * DAY
SLA_S = {"hot": 3_600, "warm": DAY, "cold": 3 * DAY}
OPEN = frozenset({"new", "contacted", "qualified", "nurturing"})


def lead_tables(sqlite: bool) -> Tables:
    """What a chunk is written to: on SQLite the links are written after the leads, from
    their segments, in key order (storage/lead_bulk.py); elsewhere with each chunk."""
    leads: Tables = (("leads", LEAD_COLUMNS),)
    return leads if sqlite else (*leads, ("lead_segment_links", LINK_COLUMNS))


def companies(conn: sa.Connection) -> list[tuple[Any, ...]]:
    """(name, sector, country, e-mail domain, region, postcode, employees, company key,
    language, territory id) per live account, computed once per run: a lead at an account
    lands in the account's territory, as the territory rules would put it."""
    a = t.accounts
    rows = conn.execute(sa.select(a.c.name, a.c.sector, a.c.country, a.c.region, a.c.postcode,
                                  a.c.employees, a.c.territory_id)
                        .where(a.c.deleted_at.is_(None))).all()
    return [(r[0], r[1], r[2], r[0].replace(" ", "").lower(), r[3], r[4], r[5],
             company_key(r[0]), LANGUAGES.get(r[2], "English"), r[6]) for r in rows]


def _weekday(ts: int) -> int:
    """0 for Monday .. 6 for Sunday (1970-01-01 was a Thursday)."""
    return (ts // DAY + 3) % 7


def _lead_times(statuses: list[str], rng: random.Random, now_ts: int
                ) -> tuple[list[int], list[int | None]]:
    """(created, first contacted) per lead in epoch seconds: more recent leads are
    likelier, most weekend leads move to the working week, four in five arrive in the
    working day (around 13:00 UTC), contact follows creation after ~3 hours on average."""
    rand, expo, gauss = rng.random, rng.expovariate, rng.gauss
    created: list[int] = []
    contacted: list[int | None] = []
    for status in statuses:
        ts = now_ts - int(LEAD_SPAN_S * rand() ** 0.7)
        if _weekday(ts) >= 5 and rand() < 0.7:
            ts -= 2 * DAY
        if rand() < 0.8:
            in_day = min(max(gauss(13 * 3600, 2.5 * 3600), 7 * 3600), 20 * 3600)
            ts = min(ts - ts % DAY + int(in_day), now_ts - 60)
        created.append(ts)
        contacted.append(None if status == "new" else
                         min(ts + 60 * (1 + int(expo(1 / 180))), now_ts))
    return created, contacted


def _due(made: int, sla: int) -> int:
    """The SLA due time in wall-clock time, a deadline on a weekend moved to Monday (close
    to the shipped business-hours policy, and far cheaper)."""
    due = made + sla
    day = _weekday(due)
    return due + (7 - day) * DAY if day >= 5 else due


_SEGMENTS: dict[tuple[str, bool, int], tuple[str, tuple[str, ...], int]] = {}


def _segments(status: str, price: bool, score: int) -> tuple[str, tuple[str, ...], int]:
    """(segments JSON, segment keys, SLA seconds), as the shipped rules give them."""
    names = [status] if status in ("qualified", "unqualified") else []
    if price:
        names.append("price objection")
    heat = "hot" if score >= HOT_MIN else "warm" if score >= WARM_MIN else "cold"
    names.append(heat)
    found = _SEGMENTS[(status, price, score)] = (json.dumps(names), tuple(names), SLA_S[heat])
    return found


def lead_chunk(start: int, n: int, ctx: dict[str, Any], rng: random.Random, now_ts: int,
               actor: str, stamps: Stamps) -> tuple[list[Row], ...]:
    """Leads `start`..`start + n - 1` (LEAD_COLUMNS order), and their segment links unless
    on SQLite (see lead_tables)."""
    rand, gauss, reps = rng.random, rng.gauss, ctx["reps"]
    statuses = weighted(STATUSES, rng, n)
    picked = rng.choices(ctx["companies"], k=n)
    people = rng.choices(PEOPLE, k=n)
    titles, campaigns = weighted(TITLES, rng, n), weighted(CAMPAIGNS, rng, n)
    sources, products = weighted(SOURCES, rng, n), rng.choices(ctx["products"], k=n)
    reasons = {k: weighted(v, rng, n) for k, v in REASONS.items()}
    scores = [max(0, min(100, int(gauss(45, 20)))) for _ in range(n)]
    created, contacted = _lead_times(statuses, rng, now_ts)
    at, cached, leads, links = stamps.moment, _SEGMENTS.get, [], []
    for i, lead_id in enumerate(uuids(rng, n)):
        status, c, p, score = statuses[i], picked[i], people[i], scores[i]
        reason = reasons[status][i] if status in reasons else ""
        price = "price" in reason or "expensive" in reason
        segments, keys, sla = cached((status, price, score)) or _segments(status, price, score)
        owner = None if status == "new" and rand() < 0.6 else reps[int(rand() * len(reps))]
        email = f"{p[1]}{start + i}@{c[3]}.example"
        phone = f"+1 555 {int(rand() * 9_000_000) + 1_000_000}" if rand() < 0.65 else ""
        made, reached = created[i], contacted[i]
        stamp = at(made)
        leads.append((
            lead_id, 1, p[0], email, phone, titles[i], c[0], c[1], c[2], c[4], c[5], c[6],
            sources[i], campaigns[i], products[i][2], c[8], status, reason, segments, "[]",
            score, "[]", owner, c[9], stamp, None if reached is None else at(reached),
            at(_due(made, sla)), "", p[2], c[7], stamp, stamp, actor))
        if not stamps.sqlite:
            links += [(k, lead_id) for k in keys]
    return (leads,) if stamps.sqlite else (leads, links)
