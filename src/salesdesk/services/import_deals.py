"""Importing deals: the sample's sales_pipeline.csv as published, and files shaped like it.

One row is one deal of the workspace's default pipeline (created when there is none);
`deal_stage` names one of its stages. The deal gets one line, its product at the list
price, and a stage history rebuilt from the row's dates:

- an open deal with an engage date starts in its stage that day (midnight UTC); one
  without a date starts at the moment of the import (the report counts them);
- a won or lost deal entered the pipeline's last open stage (Engaging) on its engage
  date and closed on its close date; a won deal's close value is the amount signed.

A re-import matches deals by reference (opportunity_id): a row that would change nothing
is skipped, one that differs updates the deal, its stage history rebuilt from the row.
Names match case- and space-insensitively. A product name that is neither a product nor
an alias, but clearly one product written differently ("GTXPro" for "GTX Pro"), becomes
an alias of that product, and the report says so.

Speed: each name -> entity map is built once, from one query per repository, never one
query per row: the sample's 8,800 deals import in a few seconds.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from datetime import UTC, date, datetime, time
from decimal import Decimal

from salesdesk.domain.accounts import Product
from salesdesk.domain.deals import Deal, DealLine, StageChange
from salesdesk.domain.errors import DomainError, ValidationError
from salesdesk.domain.pipeline import Outcome, Pipeline, Stage
from salesdesk.domain.validation import clean_decimal, clean_text, name_key
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
    parse_date,
    resolve_columns,
    run_import,
)
from salesdesk.services.normalize import suggest
from salesdesk.services.pipeline_setup import default_pipeline_into, stages_of
from salesdesk.services.product_names import ProductMatcher
from salesdesk.services.unit_of_work import UnitOfWork, UnitOfWorkFactory

COLUMNS = {
    "reference": ("opportunity_id", "reference", "deal_id", "opportunity", "deal"),
    "owner": ("sales_agent", "owner", "agent", "rep", "salesperson"),
    "product": ("product", "product_name"),
    "account": ("account", "account_name", "company"),
    "stage": ("deal_stage", "stage"),
    "engage_date": ("engage_date", "engaged_on", "created_on"),
    "close_date": ("close_date", "closed_on"),
    "close_value": ("close_value", "won_amount"),
}
REQUIRED = ("reference", "stage")
ZERO = Decimal("0.00")


def _midnight(day: date) -> datetime:
    return datetime.combine(day, time(), UTC)


@dataclass
class _Plan:
    """What one valid row asks for."""

    reference: str
    stage: Stage
    owner_id: str | None
    account_id: str | None
    product: Product | None
    history: list[tuple[Stage, datetime]]
    """Oldest first; empty when the row has no date (the deal starts at the import)."""
    won_amount: Decimal | None

    @property
    def amount(self) -> Decimal:
        return self.product.list_price if self.product is not None else ZERO

    def closed_on(self, outcome: Outcome) -> date | None:
        return self.history[-1][1].date() if self.stage.outcome is outcome else None

    def changes(self, deal_id: str, now: datetime) -> list[StageChange]:
        out: list[StageChange] = []
        for stage, at in self.history or [(self.stage, now)]:
            value = self.won_amount if stage.outcome is Outcome.WON else self.amount
            out.append(StageChange(deal_id=deal_id, to_stage_id=stage.id, at=at, amount=value,
                                   from_stage_id=out[-1].to_stage_id if out else None))
        return out


class _Reader:
    """Turns rows into plans, resolving names through maps built once."""

    def __init__(self, uow: UnitOfWork, pipeline: Pipeline, cols: dict[str, str],
                 now: datetime):
        stages = stages_of(uow, pipeline.id)
        self.pipeline, self.cols, self.now = pipeline, cols, now
        self.stages = {name_key(s.name): s for s in stages}
        self.stage_names = [s.name for s in stages]
        self.engaged = [s for s in stages if s.is_open][-1]
        self.members = {name_key(m.name): m for m in uow.members.list()}
        self.accounts = {name_key(a.name): a for a in uow.accounts.list()}
        self.products = ProductMatcher(uow.products.list())

    def cell(self, row: RowLike, field: str) -> str:
        return row.values.get(self.cols.get(field, ""), "")

    def header(self, field: str) -> str:
        """The field as the file names it, for messages."""
        return self.cols.get(field, field)

    def plan(self, row: RowLike) -> _Plan:
        reference = clean_text(self.cell(row, "reference"), self.header("reference"),
                               required=True, max_len=40)
        stage = self._stage(row)
        history, won_amount = self._history(row, stage)
        return _Plan(reference, stage, self._owner(row, stage), self._account(row),
                     self._product(row), history, won_amount)

    def _stage(self, row: RowLike) -> Stage:
        text = clean_text(self.cell(row, "stage"), self.header("stage"), required=True)
        stage = self.stages.get(name_key(text))
        if stage is None:
            raise ValidationError(f"'{text}' is not a stage of the pipeline "
                                  f"{self.pipeline.name} ({', '.join(self.stage_names)})",
                                  field=self.header("stage"))
        return stage

    def _owner(self, row: RowLike, stage: Stage) -> str | None:
        name = self.cell(row, "owner")
        if not name:
            return None
        member = self.members.get(name_key(name))
        if member is None:
            hint = suggest(name, [m.name for m in self.members.values()])
            raise ValidationError(f"'{name}' is not a member of the team" + (
                f" (did you mean '{hint}'?)" if hint else ""), field=self.header("owner"))
        if stage.is_open and not member.active:
            raise ValidationError(f"{member.name} has left and cannot own open deals",
                                  field=self.header("owner"))
        return member.id

    def _account(self, row: RowLike) -> str | None:
        name = self.cell(row, "account")
        if not name:
            return None
        account = self.accounts.get(name_key(name))
        if account is None:
            raise ValidationError(f"'{name}' is not an account of the workspace (import the "
                                  "accounts first)", field=self.header("account"))
        return account.id

    def _product(self, row: RowLike) -> Product | None:
        text = self.cell(row, "product")
        if not text:
            return None
        product = self.products.resolve(text)
        if product is None:
            raise ValidationError(f"'{text}' is not a product of the workspace (nor an "
                                  "alias of one)", field=self.header("product"))
        return product

    def _date(self, row: RowLike, field: str) -> date | None:
        day = parse_date(self.cell(row, field), self.header(field))
        if day is not None and day > self.now.date():
            raise ValidationError(f"{day} is in the future", field=self.header(field))
        return day

    def _history(self, row: RowLike, stage: Stage
                 ) -> tuple[list[tuple[Stage, datetime]], Decimal | None]:
        engaged, closed = self._date(row, "engage_date"), self._date(row, "close_date")
        value = clean_decimal(number_cell(row, self.cols["close_value"]),
                              self.header("close_value"), minimum=Decimal(0)) \
            if "close_value" in self.cols else None
        if stage.is_open:
            if closed is not None:
                raise ValidationError(f"a deal still in {stage.name} has no close date (a "
                                      "closed deal is in a won or lost stage)",
                                      field=self.header("close_date"))
            if value:
                raise ValidationError(f"only a won deal has a close value; this one is in "
                                      f"{stage.name}", field=self.header("close_value"))
            return ([(stage, _midnight(engaged))] if engaged else []), None
        outcome = stage.outcome.value
        if engaged is None:
            raise ValidationError(f"a {outcome} deal needs the date it was engaged",
                                  field=self.header("engage_date"))
        if closed is None:
            raise ValidationError(f"a {outcome} deal needs the date it closed",
                                  field=self.header("close_date"))
        if closed < engaged:
            raise ValidationError(f"{closed} is before the engage date {engaged}",
                                  field=self.header("close_date"))
        if stage.outcome is Outcome.WON and value is None:
            raise ValidationError("a won deal needs its close value (the amount signed)",
                                  field=self.header("close_value"))
        # Closed the day it was engaged: both at midnight; the history still replays in
        # order, the entry that created the deal first (domain.deals.history_order).
        return ([(self.engaged, _midnight(engaged)), (stage, _midnight(closed))],
                value if stage.outcome is Outcome.WON else None)


class _Writer:
    """Creates and updates deals from plans, counting what the report remarks on."""

    def __init__(self, uow: UnitOfWork, now: datetime):
        self.uow, self.now = uow, now
        self.counts: Counter[str] = Counter()
        self._lines: dict[str, list[DealLine]] | None = None

    def create(self, plan: _Plan) -> None:
        first, last = (plan.history[0][1], plan.history[-1][1]) if plan.history else \
            (self.now, self.now)
        deal = Deal(pipeline_id=plan.stage.pipeline_id, stage_id=plan.stage.id,
                    reference=plan.reference, account_id=plan.account_id,
                    owner_id=plan.owner_id, amount=plan.amount, created_on=first.date(),
                    stage_entered_at=last, won_on=plan.closed_on(Outcome.WON),
                    won_amount=plan.won_amount, lost_on=plan.closed_on(Outcome.LOST))
        self.uow.deals.add(deal)
        if plan.product is not None:
            self.uow.deal_lines.add(self._line(deal.id, plan.product))
        for change in plan.changes(deal.id, self.now):
            self.uow.stage_changes.add(change)
        self._count(deal, plan, created=True)

    def update(self, deal: Deal, plan: _Plan) -> list[str]:
        """What changed (field names), after changing it."""
        fields = {k: v for k, v in (("owner_id", plan.owner_id),
                                    ("account_id", plan.account_id)) if getattr(deal, k) != v}
        if fields:
            deal.update(**fields)
        changed = [k.removesuffix("_id") for k in fields]
        if plan.product is not None and self._replace_line(deal, plan.product):
            changed.append("product")
        if self._moved(deal, plan):
            self._rewrite_history(deal, plan)
            changed.append("stage")
        if changed:
            self._count(deal, plan, created=False)
        return changed

    def _line(self, deal_id: str, product: Product) -> DealLine:
        return DealLine(deal_id=deal_id, position=0, product_id=product.id,
                        unit_price=product.list_price)

    def _replace_line(self, deal: Deal, product: Product) -> bool:
        """The file names one product: if the deal has no line for it, that product's line
        replaces the deal's lines (a line edited in the app for it is kept)."""
        if self._lines is None:  # loaded once, at the first deal already in the workspace
            self._lines = {}
            for line in self.uow.deal_lines.list():
                self._lines.setdefault(line.deal_id, []).append(line)
        lines = self._lines.get(deal.id, [])
        if any(line.product_id == product.id for line in lines):
            return False
        for line in lines:
            line.deleted_at = self.now
        new = self._line(deal.id, product)
        self.uow.deal_lines.add(new)
        self._lines[deal.id] = [new]
        deal.set_lines([new])
        return True

    def _moved(self, deal: Deal, plan: _Plan) -> bool:
        if deal.stage_id != plan.stage.id:
            return True
        if not plan.history:  # no dates in the file: nothing else to compare
            return False
        return (deal.created_on, deal.won_on, deal.lost_on, deal.won_amount) != (
            plan.history[0][1].date(), plan.closed_on(Outcome.WON),
            plan.closed_on(Outcome.LOST), plan.won_amount)

    def _rewrite_history(self, deal: Deal, plan: _Plan) -> None:
        """The row's dates replace the deal's history; a row without dates appends the
        move at the import instead."""
        if plan.history:
            for old in self.uow.stage_changes.find(deal_id=deal.id):
                old.deleted_at = self.now
            changes = plan.changes(deal.id, self.now)
            deal.created_on = plan.history[0][1].date()
        else:
            at = max(self.now, deal.stage_entered_at)
            changes = [StageChange(deal_id=deal.id, from_stage_id=deal.stage_id,
                                   to_stage_id=plan.stage.id, at=at, amount=deal.amount)]
        for change in changes:
            self.uow.stage_changes.add(change)
        kept_reason = deal.lost_reason_id if deal.is_lost else None
        deal.stage_id, deal.stage_entered_at = plan.stage.id, changes[-1].at
        deal.won_on, deal.won_amount = plan.closed_on(Outcome.WON), plan.won_amount
        deal.lost_on = plan.closed_on(Outcome.LOST)
        deal.lost_reason_id = kept_reason if deal.lost_on is not None else None

    def _count(self, deal: Deal, plan: _Plan, created: bool) -> None:
        """What the report remarks on, among the deals this import created or changed."""
        self.counts["no account"] += deal.account_id is None
        self.counts["no date"] += created and not plan.history
        self.counts["no reason"] += deal.is_lost and deal.lost_reason_id is None


def _notes(report: ImportReport, reader: _Reader, counts: Counter[str]) -> None:
    for product, spellings in reader.products.proposed.values():
        for text, rows in spellings.items():
            product.aliases = sorted({*product.aliases, text} - {product.name})
            report.notes.append(f'"{text}" read as product "{product.name}" ({rows:,} '
                                f'row{"s" if rows != 1 else ""}); alias added')
    if counts["no account"]:
        report.notes.append(f"{counts['no account']:,} deals have no account; kept without one")
    if counts["no date"]:
        report.notes.append(f"{counts['no date']:,} deals have no date; their history starts "
                            f"at this import ({reader.now:%Y-%m-%d %H:%M} UTC)")
    if counts["no reason"]:
        report.notes.append(f"{counts['no reason']:,} lost deals have no recorded reason")


def _apply(table: TableLike, uow: UnitOfWork, report: ImportReport, problems: RowProblems,
           now: datetime) -> None:
    cols = resolve_columns(table, COLUMNS, required=REQUIRED)
    reader = _Reader(uow, default_pipeline_into(uow), cols, now)
    existing = {name_key(d.reference): d for d in uow.deals.list() if d.reference}
    writer, seen = _Writer(uow, now), FirstRows()
    for row in problems.rows(table.rows):
        try:
            plan = reader.plan(row)
            if not seen.is_first(plan.reference, row, problems, report) or problems.items:
                continue  # a refused row means nothing is written: only check the rest
            deal = existing.get(name_key(plan.reference))
            if deal is not None and deal.pipeline_id != plan.stage.pipeline_id:
                raise ValidationError(f"{plan.reference} is a deal of another pipeline",
                                      field=reader.header("reference"))
            if deal is None:
                writer.create(plan)
                report.created.append(f"deal {plan.reference}")
            elif changed := writer.update(deal, plan):
                report.updated.append(f"deal {plan.reference} ({', '.join(changed)})")
            else:
                report.skipped.append(f"row {row.number}: {plan.reference}: unchanged")
        except DomainError as exc:
            problems.add(row.number, exc)
    _notes(report, reader, writer.counts)
    report.changes = OpChanges(deals=True, products=bool(reader.products.proposed),
                               summary=report.lines()[0])


def _now(now: datetime | None) -> datetime:
    return (now or datetime.now(UTC)).astimezone(UTC)


def import_deals(uow_factory: UnitOfWorkFactory, table: TableLike,
                 progress: Progress | None = None, *, now: datetime | None = None
                 ) -> ImportReport:
    """Import deals in one unit of work: all rows, or none if any is refused. `now` is
    the import moment (deals without a date start then); default: the clock."""
    at = _now(now)
    return run_import(uow_factory, ImportReport("deals", table.source),
                      lambda uow, rep, probs: _apply(table, uow, rep, probs, at), progress)


def import_deals_into(uow: UnitOfWork, table: TableLike, *,
                      now: datetime | None = None) -> ImportReport:
    """import_deals inside the caller's unit of work, which commits (or not)."""
    at = _now(now)
    return apply_import(uow, ImportReport("deals", table.source),
                        lambda uow, rep, probs: _apply(table, uow, rep, probs, at))
