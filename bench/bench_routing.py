"""Routing: 10,000 leads over 100 reps must route in under 1 s (pure Python, issue 3).

Builds a deterministic team of 100 reps (12 territories, two of them shared by a few reps;
skills in segments, products, industries and languages at levels 1-5; capacities 100-200,
some reps ramping, some already busy) and 10,000 leads (85 % in a staffed territory, 5 % in
a territory without reps, 10 % without territory; hot/warm/cold, some price objection or
qualified; product, sector and language drawn from the same names), then times
`route(leads, reps, state)` (median of 5, the rotation state carried from a previous run).

A stress line, for reference (no limit), routes the same leads with no territories at all,
so every lead is ranked over all 100 reps.

Baselines, same run: (1) a trivial round-robin loop that hands lead k to rep k mod 100
and builds one (lead, rep) pair per lead: the floor of any per-lead Python loop; (2) the
rules done naively (every candidate rep scored with a Python key for every lead, skills
looked up in per-rep dicts) on a 1,000-lead subset, extrapolated and labelled so; its
choices on the subset must equal route's.

    python bench/bench_routing.py [--quick] [--leads N] [--reps N] [--runs N]
"""

from __future__ import annotations

import argparse
import random
import sys
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field, replace

from _common import header, median, seconds, timed, verdict
from salesdesk.domain.routing import Rep, RoutingState, route

LIMIT_S = 1.0
SEED = 20240603
SEGMENTS = ("hot", "warm", "cold", "price objection", "qualified")
PRODUCTS = ("GTX Basic", "GTX Pro", "MG Special", "MG Advanced", "GTX Plus Basic",
            "GTX Plus Pro", "GTK 500")
SECTORS = ("software", "technology", "medical", "retail", "marketing", "finance",
           "entertainment", "telecommunications", "services", "employment")
LANGUAGES = ("English", "French", "German", "Spanish", "Portuguese")
TERRITORIES = tuple(f"T{n:02d}" for n in range(12))


@dataclass(frozen=True)
class BenchLead:
    id: str
    territory_id: str | None
    product_interest: str
    sector: str
    language: str
    segments: tuple[str, ...] = field(default=())


def make_reps(n: int, rng: random.Random) -> list[Rep]:
    reps = []
    for k in range(n):
        territories = {TERRITORIES[k % len(TERRITORIES)]}
        if k % 17 == 0:
            territories.add(TERRITORIES[(k + 5) % len(TERRITORIES)])
        skills = {
            "segments": {s: rng.randint(1, 5) for s in rng.sample(SEGMENTS, rng.randint(0, 3))},
            "products": {p: rng.randint(1, 5) for p in rng.sample(PRODUCTS, rng.randint(1, 3))},
            "industries": {s: rng.randint(1, 5)
                           for s in rng.sample(SECTORS, rng.randint(1, 3))},
            "languages": {"English": rng.randint(3, 5)},
        }
        if rng.random() < 0.3:
            skills["languages"][rng.choice(LANGUAGES[1:])] = rng.randint(2, 5)
        full = rng.randint(100, 200)
        ramp = 0.5 if k % 10 == 0 else 1.0
        capacity = int(full * ramp)
        reps.append(Rep(f"rep-{k:03d}", f"Rep {k:03d}", capacity,
                        rng.randint(0, capacity // 3), frozenset(territories), skills, ramp))
    return reps


def make_leads(n: int, rng: random.Random) -> list[BenchLead]:
    leads = []
    for k in range(n):
        r = rng.random()
        territory = rng.choice(TERRITORIES) if r < 0.85 else ("T-empty" if r < 0.9 else None)
        segments = [rng.choices(SEGMENTS[:3], weights=(2, 5, 3))[0]]
        if rng.random() < 0.15:
            segments.append("price objection")
        if rng.random() < 0.14:
            segments.append("qualified")
        language = "English" if rng.random() < 0.7 else rng.choice(LANGUAGES[1:])
        product = rng.choice(PRODUCTS) if rng.random() < 0.8 else ""
        leads.append(BenchLead(f"lead-{k:05d}", territory, product, rng.choice(SECTORS),
                               language, tuple(segments)))
    return leads


def baseline(leads: Sequence[BenchLead], reps: Sequence[Rep]) -> list[tuple[str, str]]:
    n = len(reps)
    return [(lead.id, reps[k % n].member_id) for k, lead in enumerate(leads)]


def naive(leads: Sequence[BenchLead], reps: Sequence[Rep],
          state: RoutingState) -> list[tuple[str, str | None]]:
    """The documented rules, brute force (no pools, no caches beyond per-rep skill dicts)."""
    from salesdesk.domain.validation import name_key

    reps = sorted(reps, key=lambda r: (name_key(r.name), r.member_id))
    skills = [{(k, name_key(n)): lv for k, d in r.skills.items() for n, lv in d.items()}
              for r in reps]
    load = [r.open_leads for r in reps]
    last = [state.last.get(r.member_id, -1) for r in reps]
    turn, out = state.turn, list[tuple[str, str | None]]()
    for lead in leads:
        asked = [("segments", name_key(s)) for s in lead.segments] + [
            (k, name_key(v)) for k, v in (("products", lead.product_interest),
                                          ("industries", lead.sector),
                                          ("languages", lead.language)) if v]
        staffed = [i for i, r in enumerate(reps) if lead.territory_id in r.territory_ids]
        room = [i for i in (staffed or range(len(reps))) if load[i] < reps[i].capacity]
        if not room:
            out.append((lead.id, None))
            continue
        best = min(room, key=lambda i: (-sum(skills[i].get(n, 0) for n in asked),
                                        load[i] / reps[i].capacity, last[i], i))
        turn += 1
        load[best] += 1
        last[best] = turn
        out.append((lead.id, reps[best].member_id))
    return out


def check(plan_leads: int, reps: Sequence[Rep], plan: object) -> list[str]:
    """Sanity checks on the plan (printed, not asserted as a time)."""
    from salesdesk.domain.routing import RoutingPlan

    assert isinstance(plan, RoutingPlan)
    problems = []
    if len(plan.assignments) + len(plan.unassigned) != plan_leads:
        problems.append("leads lost")
    given = Counter(a.member_id for a in plan.assignments)
    for rep in reps:
        if given[rep.member_id] and rep.open_leads + given[rep.member_id] > rep.capacity:
            problems.append(f"{rep.name} over capacity")
    if any(not a.reasons for a in plan.assignments):
        problems.append("assignment without reasons")
    return problems


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true")
    parser.add_argument("--leads", type=int, default=10_000)
    parser.add_argument("--reps", type=int, default=100)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args(argv)
    n_leads, runs = (1_000, 1) if args.quick else (args.leads, args.runs)
    header(f"bench_routing: {n_leads:,} leads over {args.reps} reps", args.quick)
    rng = random.Random(SEED)
    reps, leads = make_reps(args.reps, rng), make_leads(n_leads, rng)
    names = {t: f"Territory {t}" for t in TERRITORIES}
    state = route(leads[:200], reps, RoutingState(), territory_names=names).new_state

    times, plan = [], None
    for _ in range(runs):
        took, plan = timed(lambda: route(leads, reps, state, territory_names=names))
        times.append(took)
    assert plan is not None
    t = median(times)
    print(f"   assigned {len(plan.assignments):,}, unassigned {len(plan.unassigned):,} "
          f"({dict(Counter(u.reason.kind.value for u in plan.unassigned))}); "
          f"example: {plan.assignments[0].why!r}")
    problems = check(n_leads, reps, plan)
    print(f"   checks: {'all good' if not problems else '; '.join(problems)}")
    print(f"route, {n_leads:,} leads x {args.reps} reps: median {t:.3f} s of {runs} "
          f"[{seconds(times)}]  ({n_leads / t:,.0f} leads/s)")

    flat = [replace(r, territory_ids=frozenset()) for r in reps]
    loose = [replace(lead, territory_id=None) for lead in leads]
    stress = median([timed(lambda: route(loose, flat, state))[0] for _ in range(runs)])
    stress_naive = timed(lambda: naive(loose[:1_000], flat, state))[0] * n_leads / 1_000
    print(f"(for reference, no limit) no territories, every lead ranked over all "
          f"{args.reps} reps: median {stress:.3f} s; naive rules extrapolated from 1,000 "
          f"leads {stress_naive:.2f} s ({stress_naive / stress:.1f}x)")

    base = median([timed(lambda: baseline(leads, reps))[0] for _ in range(runs)])
    print(f"baseline trivial round-robin loop, {n_leads:,} leads: median {base:.4f} s")
    print(f"ratio route / baseline: {t / base:.1f}x")
    subset = leads[:1_000]
    took_naive, naive_result = timed(lambda: naive(subset, reps, state))
    sub_plan = route(subset, reps, state, territory_names=names)
    ours = {a.lead_id: a.member_id for a in sub_plan.assignments}
    same = naive_result == [(lead.id, ours.get(lead.id)) for lead in subset]
    scale = n_leads / len(subset)
    print(f"baseline naive rules, {len(subset):,} leads: {took_naive:.3f} s -> extrapolated "
          f"to {n_leads:,}: {took_naive * scale:.2f} s; same choices as route on the "
          f"subset: {'yes' if same else 'NO'}")
    print(f"speed-up vs naive: {took_naive * scale / t:.1f}x")
    problems += [] if same else ["route differs from the naive rules"]
    ok = t < LIMIT_S and not problems
    print(f"{verdict(ok)}: {t:.3f} s < {LIMIT_S} s for {n_leads:,} leads over "
          f"{args.reps} reps")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
