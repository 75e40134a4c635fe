"""Territory rules: 100,000 accounts over 500 territories must evaluate in under 2 s.

Builds a deterministic, realistic plan (regions > countries > states / postcode areas,
industry splits, size bands, revenue tiers, global and per-country named accounts; some
rules overlap, so ties and overlaps occur as in a real plan) and 100,000 domain Account
objects, then times `TerritoryPlan(territories).evaluate(accounts)` (plan build included,
a fresh plan per run so no memo carries over; median of 3).

Baseline, same run: a naive evaluation that checks every account against every
territory's effective criteria (precompiled, no index, no memo) on a 10,000-account
subset, extrapolated linearly to the full count and labelled so. The naive result on the
subset is also compared with TerritoryPlan's: they must agree exactly.

    python bench/bench_territories.py [--quick] [--accounts N] [--territories N]
"""

from __future__ import annotations

import argparse
import random
import sys
from collections import Counter
from collections.abc import Callable, Sequence
from decimal import Decimal

from _common import header, median, seconds, timed, verdict
from salesdesk.domain.accounts import Account
from salesdesk.domain.territories import Criterion, RuleField, Territory
from salesdesk.domain.territory_plan import Coverage, TerritoryPlan

F = RuleField
LIMIT_S = 2.0
SEED = 20240601

US_STATES = ("AL", "AK", "AZ", "AR", "CA", "CO", "CT", "DE", "FL", "GA", "HI", "ID", "IL", "IN",
             "IA", "KS", "KY", "LA", "ME", "MD", "MA", "MI", "MN", "MS", "MO", "MT", "NE", "NV",
             "NH", "NJ", "NM", "NY", "NC", "ND", "OH", "OK", "OR", "PA", "RI", "SC", "SD", "TN",
             "TX", "UT", "VT", "VA", "WA", "WV", "WI", "WY")
BIG_STATES = ("CA", "TX", "NY", "FL", "IL", "PA", "OH", "GA", "NC", "MI", "NJ", "VA", "WA",
              "MA", "AZ", "CO", "MN", "TN", "MO", "OR")
SUBREGIONS = {
    "Canada": ("ON", "QC", "BC", "AB", "MB", "SK", "NS", "NB", "NL", "PE"),
    "Australia": ("NSW", "VIC", "QLD", "WA", "SA", "TAS", "ACT", "NT"),
    "India": ("Maharashtra", "Karnataka", "Delhi", "Tamil Nadu", "Telangana", "Gujarat"),
    "Japan": ("Tokyo", "Osaka", "Aichi", "Kanagawa", "Fukuoka", "Hokkaido"),
    "Brazil": ("SP", "RJ", "MG", "RS", "PR"),
    "China": ("Beijing", "Shanghai", "Guangdong", "Zhejiang", "Jiangsu"),
}
REGIONS = {
    "North America": ("United States", "Canada", "Mexico"),
    "EMEA": ("United Kingdom", "Germany", "France", "Italy", "Spain", "Netherlands", "Belgium",
             "Switzerland", "Austria", "Sweden", "Norway", "Denmark", "Finland", "Poland",
             "Czechia", "Portugal", "Ireland", "Greece", "Romania", "Hungary", "Turkey",
             "Israel", "United Arab Emirates", "Saudi Arabia", "South Africa", "Kenya",
             "Nigeria", "Egypt", "Morocco", "Jordan"),
    "APAC": ("Japan", "China", "India", "Australia", "New Zealand", "Singapore",
             "South Korea", "Indonesia", "Malaysia", "Thailand", "Vietnam", "Philippines",
             "Taiwan", "Hong Kong"),
    "LATAM": ("Brazil", "Argentina", "Chile", "Colombia", "Peru", "Panama", "Uruguay",
              "Costa Rica", "Ecuador", "Guatemala"),
}
UK_AREAS = {
    "London": ("E", "EC", "N", "NW", "SE", "SW", "W", "WC"),
    "South East": ("BN", "CT", "GU", "ME", "OX", "RG", "SL", "TN", "MK"),
    "Scotland": ("AB", "DD", "EH", "FK", "G", "IV", "KA", "KY", "PA", "PH"),
    "North West": ("M", "L", "WA", "WN", "BL", "OL", "SK", "PR", "CH"),
    "Midlands": ("B", "CV", "DE", "LE", "NG", "ST", "WV", "DY"),
    "North East": ("NE", "SR", "DH", "TS", "DL"),
}
FR_AREAS = {
    "Ile-de-France": ("75", "77", "78", "91", "92", "93", "94", "95"),
    "Auvergne-Rhone-Alpes": ("69", "38", "42", "01", "73", "74", "63"),
    "Provence": ("13", "06", "83", "84"),
    "Hauts-de-France": ("59", "62", "80"),
}
SECTORS = ("medical", "biotech", "finance", "insurance", "software", "technology",
           "telecommunications", "retail", "manufacturing", "energy", "logistics",
           "entertainment", "marketing", "services", "education")
SPLITS = (("Healthcare", ("medical", "biotech")), ("Financial services", ("finance", "insurance")),
          ("Technology", ("software", "technology", "telecommunications")),
          ("Industrial", ("manufacturing", "energy", "logistics")))
# share of accounts per country (the rest spread evenly over the other countries)
COUNTRY_WEIGHT = {"United States": 25, "Germany": 8, "United Kingdom": 8, "France": 6,
                  "Japan": 5, "Canada": 4, "Australia": 4, "India": 4, "Brazil": 3, "China": 3}
STEMS = ("Acme", "Globex", "Initech", "Umbrella", "Stark", "Wayne", "Tyrell", "Cyberdyne",
         "Soylent", "Hooli", "Vandelay", "Massive", "Dynamic", "Zotware", "Bluth", "Wonka")
FORMS = ("Corp", "GmbH", "Ltd", "SA", "Inc", "AG", "BV", "KK", "Pty", "SpA")


def crit(field: RuleField, *values: str, lo: int | None = None, hi: int | None = None
         ) -> Criterion:
    if field.is_range:
        return Criterion(field, minimum=None if lo is None else Decimal(lo),
                         maximum=None if hi is None else Decimal(hi))
    return Criterion(field, values=values)


class PlanBuilder:
    def __init__(self) -> None:
        self.territories: list[Territory] = []

    def add(self, name: str, parent: Territory | None, *criteria: Criterion) -> Territory:
        t = Territory(name=name, parent_id=parent.id if parent else None,
                      criteria=list(criteria))
        self.territories.append(t)
        return t


def make_plan(size: int, named_accounts: dict[str, list[str]]) -> list[Territory]:
    """`size` territories (when size >= the ~300 that the fixed structure needs)."""
    b = PlanBuilder()
    countries: dict[str, Territory] = {}
    for region, members in REGIONS.items():
        top = b.add(region, None, crit(F.COUNTRY, *members))
        for country in members:
            countries[country] = b.add(country, top, crit(F.COUNTRY, country))
    areas: dict[str, list[Territory]] = {
        "United States": [b.add(f"US {s}", countries["United States"], crit(F.REGION, s))
                          for s in US_STATES]}
    for country, subs in SUBREGIONS.items():
        areas[country] = [b.add(f"{country} {sub}", countries[country], crit(F.REGION, sub))
                          for sub in subs]
    for country, label, groups in (("United Kingdom", "UK", UK_AREAS),
                                   ("France", "France", FR_AREAS)):
        areas[country] = [b.add(f"{label} {area}", countries[country],
                                crit(F.POSTCODE_PREFIX, *prefixes))
                          for area, prefixes in groups.items()]
    areas["Germany"] = [b.add(f"Germany PLZ {d}", countries["Germany"],
                              crit(F.POSTCODE_PREFIX, d)) for d in "0123456789"]
    strategic = b.add("Strategic accounts", None)  # container
    for i, (group, names) in enumerate(sorted(named_accounts.items())):
        if group.startswith("global"):
            b.add(f"Strategic {i:02d}", strategic, crit(F.ACCOUNT, *names))
        else:
            b.add(f"{group} key accounts", countries[group], crit(F.ACCOUNT, *names))
    _add_optional(b, size, countries, areas)
    return b.territories


def _add_optional(b: PlanBuilder, size: int, countries: dict[str, Territory],
                  areas: dict[str, list[Territory]]) -> None:
    """Industry splits (inside the busiest states/areas, or whole countries), enterprise
    bands inside the splits, revenue tiers for small countries, one deliberate overlap;
    most important first, until the plan holds `size` territories."""
    def add(name: str, parent: Territory, *criteria: Criterion) -> Territory | None:
        return b.add(name, parent, *criteria) if len(b.territories) < size else None

    splits: list[Territory | None] = []
    us_big = [t for t in areas["United States"] if t.name[3:] in BIG_STATES]
    for parent in us_big + [t for c, ts in areas.items() if c != "United States"
                            for t in ts[:3]]:
        for split, sectors in SPLITS[:3]:
            splits.append(add(f"{parent.name} {split}", parent, crit(F.INDUSTRY, *sectors)))
    plain = sorted((c for c in countries if c not in areas),
                   key=lambda c: (-COUNTRY_WEIGHT.get(c, 1), c))
    for c in plain[:16]:
        for split, sectors in SPLITS:
            splits.append(add(f"{c} {split}", countries[c], crit(F.INDUSTRY, *sectors)))
    add("Netherlands Banking", countries["Netherlands"], crit(F.INDUSTRY, "finance"))
    for split_territory in splits:
        if split_territory is not None:
            add(f"{split_territory.name} Enterprise", split_territory,
                crit(F.EMPLOYEES, lo=1000), crit(F.REVENUE, lo=100))
    for c in plain[16:]:
        add(f"{c} Top revenue", countries[c], crit(F.REVENUE, lo=500), crit(F.EMPLOYEES, lo=50))
        add(f"{c} Mid-market", countries[c], crit(F.EMPLOYEES, lo=200, hi=1000))


def _postcode(country: str, rng: random.Random) -> str:
    if rng.random() < 0.03:
        return ""
    if country == "United Kingdom":
        area = rng.choice([p for ps in UK_AREAS.values() for p in ps] + ["CF", "BS", "EX", "PL"])
        letters = "ABDEFGHJLNPQRSTUWXYZ"
        return (f"{area}{rng.randrange(1, 30)} {rng.randrange(10)}{rng.choice(letters)}"
                f"{rng.choice(letters)}")
    if country in ("United States", "Germany", "France", "Italy", "Spain"):
        return f"{rng.randrange(1000, 99999):05d}"
    return f"{rng.randrange(1000, 999999)}"


def _country(rng: random.Random, all_countries: Sequence[str]) -> str:
    r = rng.random()
    if r < 0.005:
        return ""
    if r < 0.01:
        return "Antarctica"  # no territory covers it: unmatched
    if rng.random() < sum(COUNTRY_WEIGHT.values()) / 100:
        return rng.choices(list(COUNTRY_WEIGHT), weights=list(COUNTRY_WEIGHT.values()))[0]
    return rng.choice(all_countries)


def make_accounts(n: int, seed: int = SEED) -> tuple[list[Account], dict[str, list[str]]]:
    """`n` accounts, and the named-account lists (global groups and per country)."""
    rng = random.Random(seed)
    all_countries = [c for cs in REGIONS.values() for c in cs]
    accounts = []
    for i in range(n):
        country = _country(rng, all_countries)
        subs = US_STATES if country == "United States" else SUBREGIONS.get(country)
        region = rng.choice(subs) if subs else f"Region {rng.randrange(12)}"
        emp = None if rng.random() < 0.05 else int(rng.lognormvariate(5.0, 1.6))
        rev = None if rng.random() < 0.1 else \
            Decimal(str(round(rng.lognormvariate(3.0, 1.8), 2)))
        accounts.append(Account(
            name=f"{rng.choice(STEMS)} {rng.choice(STEMS)} {i:06d} {rng.choice(FORMS)}",
            country=country, region=region, postcode=_postcode(country, rng),
            sector=rng.choice(SECTORS) if rng.random() > 0.02 else "", employees=emp,
            revenue_m=rev))
    return accounts, _named(accounts, rng)


def _named(accounts: list[Account], rng: random.Random) -> dict[str, list[str]]:
    picks = rng.sample(accounts, min(len(accounts), 200))
    named = {f"global {g:02d}": [a.name for a in picks[g * 20:(g + 1) * 20]]
             for g in range(10) if picks[g * 20:(g + 1) * 20]}
    for country in list(COUNTRY_WEIGHT)[:8] + ["Kenya", "Chile", "Singapore", "Sweden",
                                                "Mexico", "Poland", "Turkey"]:
        local = [a.name for a in accounts[:20_000] if a.country == country][:5]
        if local:
            named[country] = local
    return named


# --- the naive baseline: every account against every territory, nothing indexed -------


def naive_evaluate(plan: TerritoryPlan, territories: Sequence[Territory],
                   accounts: Sequence[Account]) -> Coverage:
    live = [t for t in territories if not t.is_deleted and t.criteria]
    rules: list[tuple[Territory, list[Callable[[Account], bool]], tuple[int, int, int]]] = [
        (t, [c.compile() for c in plan.effective_criteria(t)],
         (int(any(c.field is F.ACCOUNT for c in t.criteria)), len(plan.chain(t)),
          len(plan.effective_criteria(t)))) for t in live]
    ancestors = {t.id: {a.id for a in plan.chain(t)} for t in live}
    cov = Coverage()
    for a in accounts:
        found = [(t, spec) for t, checks, spec in rules if all(ch(a) for ch in checks)]
        if not found:
            cov.unmatched.append(a.id)
            continue
        best = max(spec for _, spec in found)
        winners = sorted(t.id for t, spec in found if spec == best)
        if len(winners) > 1:
            cov.ties[a.id] = winners
        else:
            cov.landing[a.id] = winners[0]
        ids = sorted(t.id for t, _ in found)
        for i, x in enumerate(ids):
            for y in ids[i + 1:]:
                if x not in ancestors[y] and y not in ancestors[x]:
                    cov.overlaps[(x, y)] += 1
    return cov


def same(a: Coverage, b: Coverage) -> bool:
    return (a.landing == b.landing and a.unmatched == b.unmatched and a.ties == b.ties
            and +a.overlaps == +b.overlaps)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--quick", action="store_true", help="10,000 accounts, 1 run")
    parser.add_argument("--accounts", type=int, default=None)
    parser.add_argument("--territories", type=int, default=500)
    parser.add_argument("--subset", type=int, default=10_000,
                        help="accounts for the naive baseline (extrapolated)")
    args = parser.parse_args(argv)
    n = args.accounts or (10_000 if args.quick else 100_000)
    runs = 1 if args.quick else 3
    header(f"bench_territories: {n:,} accounts over {args.territories} territories", args.quick)

    build_s, (accounts, named) = timed(lambda: make_accounts(n))
    territories = make_plan(args.territories, named)
    kinds = Counter(c.field.value for t in territories for c in t.criteria)
    print(f"   data: {len(accounts):,} accounts, {len(territories)} territories "
          f"({sum(1 for t in territories if not t.criteria)} containers; criteria "
          f"{dict(sorted(kinds.items()))}); generated in {build_s:.1f} s")

    times, cov = [], Coverage()
    for _ in range(runs):
        elapsed, cov = timed(lambda: TerritoryPlan(territories).evaluate(accounts))
        times.append(elapsed)
    print(f"   coverage: {len(cov.landing):,} landed, {len(cov.unmatched):,} unmatched, "
          f"{len(cov.ties):,} ties, {len(cov.overlaps)} overlapping pairs "
          f"({sum(cov.overlaps.values()):,} account-overlaps)")

    subset = accounts[:min(args.subset, n)]
    plan = TerritoryPlan(territories)
    naive_s, naive_cov = timed(lambda: naive_evaluate(plan, territories, subset))
    agree = same(naive_cov, TerritoryPlan(territories).evaluate(subset))
    naive_full = naive_s * n / len(subset)
    ours = median(times)
    print(f"TerritoryPlan.evaluate, {n:,} accounts: median {ours:.3f} s of {runs} "
          f"[{seconds(times)}]  ({n / ours:,.0f} accounts/s)")
    print(f"baseline naive (no index), {len(subset):,} accounts: {naive_s:.3f} s -> "
          f"extrapolated to {n:,}: {naive_full:.2f} s")
    print(f"same result as naive on the subset: {'yes' if agree else 'NO'}")
    print(f"speed-up vs naive: {naive_full / ours:.1f}x")
    ok = ours < LIMIT_S and agree
    print(f"{verdict(ok)}: {ours:.3f} s {'<' if ours < LIMIT_S else '>='} {LIMIT_S:.1f} s "
          f"for {n:,} accounts"
          + ("" if agree else "; results differ from the naive evaluation")
          + (" (--quick: not the requirement)" if args.quick else ""))
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
