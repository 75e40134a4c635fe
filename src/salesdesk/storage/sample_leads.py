"""The sample company's marketing leads: a file as marketing would hand it over.

The shipped sample (resources/sample) has a team, accounts and deals but no leads, so the
demo makes a lead file the way a marketing export looks: people at the sample's accounts
and at new companies, arriving over the last two weeks up to `now`, some already
contacted, a few parked with a reason, written in the untidy ways real exports are (mixed
case e-mails, a repeated person, phone numbers in several styles). It goes through the
real lead import, so scores, segments, territories and SLA due times are the app's own.
"""

from __future__ import annotations

import random
import unicodedata
from collections.abc import Sequence
from datetime import UTC, datetime, timedelta

from salesdesk.storage.files import Row, Table, normalise_header
from salesdesk.storage.synthetic_leads import CAMPAIGNS, FIRST, LANGUAGES, LAST, SOURCES, TITLES
from salesdesk.storage.synthetic_rows import weighted

HEADERS = ("Full name", "Email", "Phone", "Job title", "Company", "Industry", "Country",
           "Employees", "Lead source", "Campaign", "Product", "Language", "Status",
           "Reason", "Notes", "Created", "First contacted")
PRODUCTS = ("GTX Basic", "GTX Pro", "MG Special", "MG Advanced", "GTX Plus Pro",
            "GTX Plus Basic", "GTK 500")
NEW_COMPANIES = (("Northwind Traders", "retail", "United States", "840"),
                 ("Fabrikam Robotics", "technology", "Germany", "2100"),
                 ("Contoso Health", "medical", "United Kingdom", "5300"),
                 ("Tailspin Finance", "finance", "France", "310"),
                 ("Lumen Telecom", "telecommunications", "Brazil", "12000"),
                 ("Adatum Software", "software", "Japan", "95"),
                 ("Wide World Logistics", "services", "Norway", "640"),
                 ("Proseware Media", "entertainment", "Italy", "180"))
STATUSES = (("new", 46), ("contacted", 24), ("qualified", 12), ("nurturing", 8),
            ("unqualified", 10))
REASONS = ("price objection", "too expensive for this year", "no budget", "bad timing")
NOTES = ("", "", "", "Asked for a demo", "Downloaded the pricing sheet",
         "Said the price is too high", "Wants a call next week", "Visited our stand")


def sample_lead_table(accounts: Table, now: datetime, n: int = 400, seed: int = 2026
                      ) -> Table:
    """`n` leads as a marketing export (`accounts`: the sample's accounts.csv)."""
    rng = random.Random(seed)
    companies = [(r.values["account"], r.values["sector"], r.values["office_location"],
                  r.values["employees"]) for r in accounts.rows] + list(NEW_COMPANIES) * 4
    statuses = weighted(STATUSES, rng, n)
    rows: list[tuple[str, ...]] = []
    for i in range(n):
        rows.append(_lead(rng, companies, statuses[i], now))
    rows.append(rows[3][:1] + (rows[3][1].upper(),) + rows[3][2:])  # exported twice
    headers = tuple(normalise_header(h) for h in HEADERS)
    return Table("sample leads", headers, HEADERS, tuple(
        Row(number, dict(zip(headers, values, strict=True)))
        for number, values in enumerate(rows, start=2)))


def _lead(rng: random.Random, companies: Sequence[tuple[str, str, str, str]], status: str,
          now: datetime) -> tuple[str, ...]:
    first, last = rng.choice(FIRST), rng.choice(LAST)
    company, sector, country, employees = rng.choice(companies)
    domain = "".join(ch for ch in company.lower() if ch.isalnum())[:14] or "example"
    local = unicodedata.normalize("NFKD", f"{first}.{last}").encode("ascii", "ignore")
    email = f"{local.decode()}@{domain}.com".lower()
    if rng.random() < 0.15:
        email = email.capitalize()
    received = now - timedelta(minutes=rng.randint(5, 14 * 24 * 60))
    while received.weekday() >= 5:  # marketing's forms fill on working days, mostly
        received -= timedelta(days=1)
    contacted = ""
    if status != "new":
        took = timedelta(minutes=int(rng.expovariate(1 / 300)) + 3)
        contacted = _stamp(min(received + took, now))
    reason = rng.choice(REASONS) if status == "unqualified" else ""
    return (f"{first} {last}", email, _phone(rng), weighted(TITLES, rng, 1)[0], company,
            sector, country, employees, weighted(SOURCES, rng, 1)[0],
            weighted(CAMPAIGNS, rng, 1)[0], rng.choice(PRODUCTS),
            LANGUAGES.get(country, "English"), status, reason, rng.choice(NOTES),
            _stamp(received), contacted)


def _phone(rng: random.Random) -> str:
    digits = "".join(str(rng.randint(0, 9)) for _ in range(9))
    return rng.choice((f"+1 {digits[:3]} {digits[3:6]} {digits[6:]}",
                       f"({digits[:3]}) {digits[3:6]}-{digits[6:]}", f"0{digits}", ""))


def _stamp(at: datetime) -> str:
    return at.astimezone(UTC).strftime("%Y-%m-%d %H:%M")
