"""The sample company: the published CRM data set plus a territory plan built on it.

The sample's marketing leads (when `tables` has "leads": storage/sample_leads.py makes them
relative to now) go through the real lead import, and the first SAMPLE_ROUTED open ones
through routing, leaving the rest for the routing preview.

The territory tree and rep assignments are SalesDesk's own example set-up (the source
data has regional offices but no territories); skills are derived from each rep's own
won deals in the sample pipeline, so the skills matrix shows real strengths.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from salesdesk.domain.members import Role, SkillKind
from salesdesk.domain.territories import Criterion, RuleField, Territory, TerritoryAssignment
from salesdesk.domain.validation import name_key
from salesdesk.services.common import OpChanges
from salesdesk.services.import_catalog import import_accounts_into, import_products_into
from salesdesk.services.import_deals import import_deals_into
from salesdesk.services.import_leads import import_leads
from salesdesk.services.import_team import import_team_into
from salesdesk.services.imports import ImportReport, TableLike
from salesdesk.services.lead_routing import apply_routing
from salesdesk.services.quotas import create_plan_into
from salesdesk.services.territories import EvaluationResult, evaluate_into
from salesdesk.services.unit_of_work import UnitOfWork, UnitOfWorkFactory

SAMPLE_START = date(2016, 10, 1)

US = "United States"
# name, parent, criteria, managers whose reps cover it
TERRITORIES: tuple[tuple[str, str | None, tuple[Criterion, ...], tuple[str, ...]], ...] = (
    ("Americas", None, (), ()),
    ("US Technology & Telecom", "Americas", (
        Criterion(RuleField.COUNTRY, (US,)),
        Criterion(RuleField.INDUSTRY, ("technology", "software", "telecommunications"))),
     ("Celia Rouche",)),
    ("US Healthcare & Finance", "Americas", (
        Criterion(RuleField.COUNTRY, (US,)),
        Criterion(RuleField.INDUSTRY, ("medical", "finance"))), ("Cara Losch",)),
    ("US Commercial", "Americas", (
        Criterion(RuleField.COUNTRY, (US,)),
        Criterion(RuleField.INDUSTRY, ("retail", "marketing", "entertainment", "employment",
                                       "services"))), ("Dustin Brinkmann", "Melvin Marxen")),
    ("Latin America", "Americas", (Criterion(RuleField.COUNTRY, ("Brazil", "Panama")),),
     ("Melvin Marxen",)),
    ("EMEA", None, (Criterion(RuleField.COUNTRY, (
        "Belgium", "Germany", "Italy", "Norway", "Poland", "Romania", "Jordan", "Kenya")),),
     ("Rocco Neubert",)),
    ("APAC", None, (Criterion(RuleField.COUNTRY, ("China", "Japan", "Korea", "Philippines")),),
     ("Summer Sewald",)),
    ("Key accounts", None, (Criterion(RuleField.ACCOUNT, (
        "Acme Corporation", "Massive Dynamic", "Sonron", "Golddex")),), ()),
)


@dataclass(frozen=True)
class DemoResult:
    reports: tuple[ImportReport, ...]
    evaluation: EvaluationResult
    changes: OpChanges


def _territories(uow: UnitOfWork) -> None:
    by_name: dict[str, Territory] = {}
    members = uow.members.list()
    for name, parent, criteria, managers in TERRITORIES:
        t = Territory(name=name, parent_id=by_name[parent].id if parent else None,
                      criteria=list(criteria))
        uow.territories.add(t)
        by_name[name] = t
        manager_ids = {m.id for m in members if m.name in managers}
        for m in members:
            if m.manager_id in manager_ids and m.role is Role.REP:
                uow.assignments.add(TerritoryAssignment(
                    territory_id=t.id, member_id=m.id, start=SAMPLE_START))
    leads = sorted((m for m in members if m.role is Role.MANAGER), key=lambda m: m.name)
    for m in leads[:2]:
        uow.assignments.add(TerritoryAssignment(
            territory_id=by_name["Key accounts"].id, member_id=m.id, start=SAMPLE_START))


def _level(count: int, best: int) -> int:
    """1-5 by share of the rep's best line; 0 when never won."""
    return 0 if count == 0 else max(1, min(5, round(5 * count / best)))


def _squash(name: str) -> str:
    """name_key without the spaces."""
    return name_key(name).replace(" ", "")


def _skills(uow: UnitOfWork, pipeline: TableLike) -> None:
    sectors = {name_key(a.name): a.sector for a in uow.accounts.list()}
    # The sample writes "GTXPro" for "GTX Pro": compare names without spaces.
    products = {_squash(p.name): p.name for p in uow.products.list()}
    wins: dict[str, dict[SkillKind, Counter[str]]] = defaultdict(lambda: defaultdict(Counter))
    for row in pipeline.rows:
        if row.values.get("deal_stage") != "Won":
            continue
        agent = name_key(row.values.get("sales_agent", ""))
        product = products.get(_squash(row.values.get("product", "")))
        sector = sectors.get(name_key(row.values.get("account", "")))
        if product:
            wins[agent][SkillKind.PRODUCT][product] += 1
        if sector:
            wins[agent][SkillKind.INDUSTRY][sector] += 1
    for m in uow.members.list():
        skills: dict[str, dict[str, int]] = {}
        for kind, counts in wins.get(name_key(m.name), {}).items():
            best = max(counts.values())
            skills[kind.value] = {k: _level(v, best) for k, v in counts.items()}
        m.update(skills=skills)


SAMPLE_ROUTED = 220
"""Sample leads the demo routes; the others wait for the user's routing preview."""

SAMPLE_PLAN_YEAR = 2017
"""The sample's deals close in 2017; its published plan is that year's own run rate."""


def create_sample_company(uow_factory: UnitOfWorkFactory,
                          tables: Mapping[str, TableLike]) -> DemoResult:
    """Import the sample's team, accounts, products and deals, set up territories and
    skills and land the accounts: all in one unit of work, so a failure leaves the
    workspace as it was, never half a company."""
    with uow_factory() as uow:
        reports: tuple[ImportReport, ...] = (
            import_team_into(uow, tables["sales_teams"]),
            import_accounts_into(uow, tables["accounts"]),
            import_products_into(uow, tables["products"]),
            import_deals_into(uow, tables["sales_pipeline"]))
        if not uow.territories.list():
            _territories(uow)
        _skills(uow, tables["sales_pipeline"])
        evaluation = evaluate_into(uow)
        if not uow.quota_plans.versions(SAMPLE_PLAN_YEAR):
            create_plan_into(uow, SAMPLE_PLAN_YEAR, base_year=SAMPLE_PLAN_YEAR,
                             growth=Decimal("0.05"), pooling=Decimal("0.5"), publish=True,
                             note="The sample's 2017 run rate and seasonality, +5 %, "
                                  "each rep halfway to the team median")
        uow.commit()
    if "leads" in tables:  # its own units of work, as a user's import and routing would be
        reports = (*reports, import_leads(uow_factory, tables["leads"]))
        apply_routing(uow_factory, limit=SAMPLE_ROUTED)
    changes = OpChanges(members=True, teams=True, accounts=True, products=True,
                        territories=True, deals=True, quotas=True, leads=True,
                        summary="Opened the sample company")
    return DemoResult(reports, evaluation, changes)
