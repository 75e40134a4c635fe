"""Importing accounts and products."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

from salesdesk.domain.accounts import Account, Product
from salesdesk.domain.errors import DomainError, ValidationError
from salesdesk.domain.validation import clean_decimal, clean_int, clean_text
from salesdesk.services import normalize
from salesdesk.services.common import OpChanges
from salesdesk.services.imports import (
    FirstRows,
    ImportReport,
    Progress,
    RowLike,
    RowProblems,
    TableLike,
    apply_import,
    number_cell,
    resolve_columns,
    run_import,
)
from salesdesk.services.unit_of_work import UnitOfWork, UnitOfWorkFactory

ACCOUNT_COLUMNS = {
    "name": ("account", "name", "company", "account_name", "company_name"),
    "sector": ("sector", "industry", "vertical"),
    "country": ("country", "office_location", "location"),
    "region": ("region", "state", "province"),
    "postcode": ("postcode", "postal_code", "zip", "zip_code"),
    "employees": ("employees", "headcount", "employee_count"),
    "revenue_m": ("revenue", "revenue_m", "annual_revenue"),
    "year_established": ("year_established", "founded", "established"),
    "parent": ("subsidiary_of", "parent", "parent_account"),
}
PRODUCT_COLUMNS = {
    "name": ("product", "name", "product_name"),
    "series": ("series", "family", "product_line"),
    "list_price": ("sales_price", "list_price", "price", "unit_price"),
    "aliases": ("aliases", "alias", "also_known_as"),
}


def _account_fields(row: RowLike, cols: dict[str, str], report: ImportReport,
                    sectors: frozenset[str]) -> dict[str, Any]:
    get = lambda f: row.values.get(cols.get(f, ""), "")  # noqa: E731
    fields: dict[str, Any] = {"name": clean_text(get("name"), "account", required=True)}
    for key in ("region", "postcode"):
        if key in cols:
            fields[key] = get(key)
    if "country" in cols:
        fields["country"], note = normalize.country(clean_text(get("country"), "country"))
        if note:
            report.notes.append(note)
    if "sector" in cols:
        fields["sector"], note = normalize.sector(clean_text(get("sector"), "sector"), sectors)
        if note:
            report.notes.append(note)
    if "employees" in cols:
        fields["employees"] = clean_int(get("employees"), "employees", minimum=0)
    if "year_established" in cols:
        fields["year_established"] = clean_int(get("year_established"), "year_established",
                                               minimum=1600)
    if "revenue_m" in cols:
        fields["revenue_m"] = clean_decimal(number_cell(row, cols["revenue_m"]), "revenue",
                                            minimum=Decimal(0))
    return fields


def _upsert(uow_repo: Any, existing: Any, cls: type, fields: dict[str, Any],
            report: ImportReport, row: int, label: str) -> Any:
    if existing is None:
        entity = cls(**fields)
        uow_repo.add(entity)
        report.created.append(f"{label} {entity.name}")
        return entity
    probe = cls(**{**{k: getattr(existing, k) for k in fields}, **fields})
    changed = sorted(k for k in fields if getattr(existing, k) != getattr(probe, k))
    for key in changed:
        setattr(existing, key, getattr(probe, key))
    if changed:
        report.updated.append(f"{label} {existing.name} ({', '.join(changed)})")
    else:
        report.skipped.append(f"row {row}: {existing.name}: unchanged")
    return existing


def _apply_accounts(table: TableLike, uow: UnitOfWork, report: ImportReport,
                    problems: RowProblems) -> None:
    cols = resolve_columns(table, ACCOUNT_COLUMNS, required=("name",))
    existing = {a.name.casefold(): a for a in uow.accounts.list()}
    sectors = frozenset(a.sector for a in existing.values() if a.sector)
    seen = FirstRows()
    parents: list[tuple[int, Any, str]] = []
    for row in problems.rows(table.rows):
        try:
            fields = _account_fields(row, cols, report, sectors)
            Account(**fields)
        except DomainError as exc:
            problems.add(row.number, exc)
            continue
        if not seen.is_first(fields["name"], row, problems, report):
            continue
        account = _upsert(uow.accounts, existing.get(fields["name"].casefold()), Account,
                          fields, report, row.number, "account")
        existing[account.name.casefold()] = account
        parent_name = row.values.get(cols.get("parent", ""), "").strip()
        if parent_name:
            parents.append((row.number, account, parent_name))
    for number, account, parent_name in parents:
        parent = existing.get(parent_name.casefold())
        if parent is None:
            problems.add(number, ValidationError(
                f"parent account '{parent_name}' is neither in the file nor the workspace",
                field="subsidiary_of"))
        elif parent is account:
            problems.add(number, ValidationError("an account cannot be its own parent",
                                                 field="subsidiary_of"))
        else:
            account.parent_id = parent.id
    report.notes[:] = list(dict.fromkeys(report.notes))
    report.changes = OpChanges(accounts=True, summary=report.lines()[0])


def _apply_products(table: TableLike, uow: UnitOfWork, report: ImportReport,
                    problems: RowProblems) -> None:
    cols = resolve_columns(table, PRODUCT_COLUMNS, required=("name", "list_price"))
    existing = {p.name.casefold(): p for p in uow.products.list()}
    seen = FirstRows()
    for row in problems.rows(table.rows):
        get = lambda f, r=row: r.values.get(cols.get(f, ""), "")  # noqa: E731
        try:
            price = clean_decimal(number_cell(row, cols["list_price"]), "sales_price",
                                  minimum=Decimal(0))
            if price is None:
                raise ValidationError("is required", field="sales_price")
            fields: dict[str, Any] = {"name": clean_text(get("name"), "product", required=True),
                                      "list_price": price}
            if "series" in cols:  # a price list without the column keeps the series
                fields["series"] = get("series")
            if "aliases" in cols:
                fields["aliases"] = [a for a in get("aliases").replace("|", ";").split(";")]
            Product(**fields)
        except DomainError as exc:
            problems.add(row.number, exc)
            continue
        if seen.is_first(fields["name"], row, problems, report):
            _upsert(uow.products, existing.get(fields["name"].casefold()), Product, fields,
                    report, row.number, "product")
    report.changes = OpChanges(products=True, summary=report.lines()[0])


def import_accounts(uow_factory: UnitOfWorkFactory, table: TableLike,
                    progress: Progress | None = None) -> ImportReport:
    return run_import(uow_factory, ImportReport("accounts", table.source),
                      lambda uow, rep, probs: _apply_accounts(table, uow, rep, probs),
                      progress)


def import_products(uow_factory: UnitOfWorkFactory, table: TableLike,
                    progress: Progress | None = None) -> ImportReport:
    return run_import(uow_factory, ImportReport("products", table.source),
                      lambda uow, rep, probs: _apply_products(table, uow, rep, probs),
                      progress)


def import_accounts_into(uow: UnitOfWork, table: TableLike) -> ImportReport:
    """import_accounts inside the caller's unit of work, which commits (or not)."""
    return apply_import(uow, ImportReport("accounts", table.source),
                        lambda uow, rep, probs: _apply_accounts(table, uow, rep, probs))


def import_products_into(uow: UnitOfWork, table: TableLike) -> ImportReport:
    """import_products inside the caller's unit of work, which commits (or not)."""
    return apply_import(uow, ImportReport("products", table.source),
                        lambda uow, rep, probs: _apply_products(table, uow, rep, probs))
