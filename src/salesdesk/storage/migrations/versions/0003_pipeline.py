"""deals: pipelines, stages, lost reasons, deal lines, stage history, activities, notes

The first schema's deals table (stage as text, one product, engage and close dates) is
replaced. Deals already stored (only `demo --scale` wrote any) are carried over: into a
default "Sales" pipeline whose stages are the names they used, with one line for their
product and a stage history rebuilt from their dates.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-27
"""

from __future__ import annotations

import uuid
from datetime import UTC, date, datetime
from typing import Any

import sqlalchemy as sa
from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None

# (name, probability, category, outcome, rotting days): the default stages of this revision.
STAGES = (("Prospecting", 10, "pipeline", "open", 30), ("Engaging", 40, "best_case", "open", 45),
          ("Won", 100, "closed", "won", None), ("Lost", 0, "omitted", "lost", None))
ACTOR = "migration 0003"

_legacy = sa.table(
    "deals", sa.column("id", sa.String), sa.column("version", sa.Integer),
    sa.column("reference", sa.String), sa.column("account_id", sa.String),
    sa.column("owner_id", sa.String), sa.column("product_id", sa.String),
    sa.column("stage", sa.String), sa.column("amount", sa.BigInteger),
    sa.column("engaged_on", sa.Date), sa.column("expected_close", sa.Date),
    sa.column("closed_on", sa.Date), sa.column("created_at", sa.DateTime(timezone=True)),
    sa.column("updated_at", sa.DateTime(timezone=True)), sa.column("updated_by", sa.String),
    sa.column("deleted_at", sa.DateTime(timezone=True)))


def _new_id() -> str:
    return str(uuid.uuid4())


def upgrade() -> None:
    bind = op.get_bind()
    legacy = [dict(r._mapping) for r in bind.execute(sa.select(_legacy))]
    with op.batch_alter_table('deals', schema=None) as batch_op:
        batch_op.drop_index('ix_deals_stage')
        batch_op.drop_index('ix_deals_owner')
    op.drop_table('deals')

    op.create_table('pipelines',
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('version', sa.Integer(), server_default='1', nullable=False),
    sa.Column('name', sa.String(length=100), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_by', sa.String(length=120), nullable=False),
    sa.Column('deleted_at', sa.DateTime(timezone=True), nullable=True),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_pipelines'))
    )
    op.create_table('stages',
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('version', sa.Integer(), server_default='1', nullable=False),
    sa.Column('pipeline_id', sa.String(length=36), nullable=False),
    sa.Column('name', sa.String(length=40), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('probability', sa.Integer(), nullable=False),
    sa.Column('category', sa.String(length=20), nullable=False),
    sa.Column('outcome', sa.String(length=10), nullable=False),
    sa.Column('rotting_days', sa.Integer(), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_by', sa.String(length=120), nullable=False),
    sa.Column('deleted_at', sa.DateTime(timezone=True), nullable=True),
    sa.CheckConstraint('probability BETWEEN 0 AND 100', name=op.f('ck_stages_probability_percent')),
    sa.ForeignKeyConstraint(['pipeline_id'], ['pipelines.id'], name=op.f('fk_stages_pipeline_id_pipelines'), initially='DEFERRED', deferrable=True),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_stages'))
    )
    op.create_table('lost_reasons',
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('version', sa.Integer(), server_default='1', nullable=False),
    sa.Column('name', sa.String(length=80), nullable=False),
    sa.Column('active', sa.Boolean(), server_default=sa.true(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_by', sa.String(length=120), nullable=False),
    sa.Column('deleted_at', sa.DateTime(timezone=True), nullable=True),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_lost_reasons'))
    )
    op.create_table('deals',
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('version', sa.Integer(), server_default='1', nullable=False),
    sa.Column('reference', sa.String(length=40), nullable=True),
    sa.Column('title', sa.String(length=200), server_default='', nullable=False),
    sa.Column('pipeline_id', sa.String(length=36), nullable=False),
    sa.Column('stage_id', sa.String(length=36), nullable=False),
    sa.Column('account_id', sa.String(length=36), nullable=True),
    sa.Column('contact_name', sa.String(length=200), server_default='', nullable=False),
    sa.Column('contact_email', sa.String(length=200), nullable=True),
    sa.Column('owner_id', sa.String(length=36), nullable=True),
    sa.Column('amount', sa.BigInteger(), nullable=False),
    sa.Column('probability', sa.Integer(), nullable=True),
    sa.Column('category', sa.String(length=20), nullable=True),
    sa.Column('expected_close', sa.Date(), nullable=True),
    sa.Column('created_on', sa.Date(), nullable=False),
    sa.Column('stage_entered_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('won_on', sa.Date(), nullable=True),
    sa.Column('won_amount', sa.BigInteger(), nullable=True),
    sa.Column('lost_on', sa.Date(), nullable=True),
    sa.Column('lost_reason_id', sa.String(length=36), nullable=True),
    sa.Column('next_step', sa.String(length=300), server_default='', nullable=False),
    sa.Column('lead_id', sa.String(length=36), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_by', sa.String(length=120), nullable=False),
    sa.Column('deleted_at', sa.DateTime(timezone=True), nullable=True),
    sa.ForeignKeyConstraint(['account_id'], ['accounts.id'], name=op.f('fk_deals_account_id_accounts'), initially='DEFERRED', deferrable=True),
    sa.ForeignKeyConstraint(['lead_id'], ['leads.id'], name=op.f('fk_deals_lead_id_leads'), initially='DEFERRED', deferrable=True),
    sa.ForeignKeyConstraint(['lost_reason_id'], ['lost_reasons.id'], name=op.f('fk_deals_lost_reason_id_lost_reasons'), initially='DEFERRED', deferrable=True),
    sa.ForeignKeyConstraint(['owner_id'], ['members.id'], name=op.f('fk_deals_owner_id_members'), initially='DEFERRED', deferrable=True),
    sa.ForeignKeyConstraint(['pipeline_id'], ['pipelines.id'], name=op.f('fk_deals_pipeline_id_pipelines'), initially='DEFERRED', deferrable=True),
    sa.ForeignKeyConstraint(['stage_id'], ['stages.id'], name=op.f('fk_deals_stage_id_stages'), initially='DEFERRED', deferrable=True),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_deals'))
    )
    with op.batch_alter_table('deals', schema=None) as batch_op:
        batch_op.create_index('ix_deals_account', ['account_id'], unique=False)
        batch_op.create_index('ix_deals_expected_close', ['expected_close'], unique=False)
        batch_op.create_index('ix_deals_owner', ['owner_id'], unique=False)
        batch_op.create_index('ix_deals_stage_live', ['stage_id', 'deleted_at'], unique=False)
        batch_op.create_index('ix_deals_won_on', ['won_on'], unique=False)
    op.create_table('deal_lines',
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('version', sa.Integer(), server_default='1', nullable=False),
    sa.Column('deal_id', sa.String(length=36), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('product_id', sa.String(length=36), nullable=False),
    sa.Column('quantity', sa.Integer(), nullable=False),
    sa.Column('unit_price', sa.BigInteger(), nullable=False),
    sa.Column('discount', sa.BigInteger(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_by', sa.String(length=120), nullable=False),
    sa.Column('deleted_at', sa.DateTime(timezone=True), nullable=True),
    sa.ForeignKeyConstraint(['deal_id'], ['deals.id'], name=op.f('fk_deal_lines_deal_id_deals'), initially='DEFERRED', deferrable=True),
    sa.ForeignKeyConstraint(['product_id'], ['products.id'], name=op.f('fk_deal_lines_product_id_products'), initially='DEFERRED', deferrable=True),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_deal_lines'))
    )
    with op.batch_alter_table('deal_lines', schema=None) as batch_op:
        batch_op.create_index('ix_deal_lines_deal', ['deal_id'], unique=False)
        batch_op.create_index('ix_deal_lines_product', ['product_id'], unique=False)
    op.create_table('deal_stage_changes',
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('version', sa.Integer(), server_default='1', nullable=False),
    sa.Column('deal_id', sa.String(length=36), nullable=False),
    sa.Column('from_stage_id', sa.String(length=36), nullable=True),
    sa.Column('to_stage_id', sa.String(length=36), nullable=False),
    sa.Column('at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('amount', sa.BigInteger(), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_by', sa.String(length=120), nullable=False),
    sa.Column('deleted_at', sa.DateTime(timezone=True), nullable=True),
    sa.ForeignKeyConstraint(['deal_id'], ['deals.id'], name=op.f('fk_deal_stage_changes_deal_id_deals'), initially='DEFERRED', deferrable=True),
    sa.ForeignKeyConstraint(['from_stage_id'], ['stages.id'], name=op.f('fk_deal_stage_changes_from_stage_id_stages'), initially='DEFERRED', deferrable=True),
    sa.ForeignKeyConstraint(['to_stage_id'], ['stages.id'], name=op.f('fk_deal_stage_changes_to_stage_id_stages'), initially='DEFERRED', deferrable=True),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_deal_stage_changes'))
    )
    with op.batch_alter_table('deal_stage_changes', schema=None) as batch_op:
        batch_op.create_index('ix_deal_stage_changes_at', ['at'], unique=False)
        batch_op.create_index('ix_deal_stage_changes_deal', ['deal_id', 'at'], unique=False)
    op.create_table('deal_activities',
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('version', sa.Integer(), server_default='1', nullable=False),
    sa.Column('deal_id', sa.String(length=36), nullable=False),
    sa.Column('kind', sa.String(length=10), nullable=False),
    sa.Column('subject', sa.String(length=200), nullable=False),
    sa.Column('due_on', sa.Date(), nullable=True),
    sa.Column('done_at', sa.DateTime(timezone=True), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_by', sa.String(length=120), nullable=False),
    sa.Column('deleted_at', sa.DateTime(timezone=True), nullable=True),
    sa.ForeignKeyConstraint(['deal_id'], ['deals.id'], name=op.f('fk_deal_activities_deal_id_deals'), initially='DEFERRED', deferrable=True),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_deal_activities'))
    )
    with op.batch_alter_table('deal_activities', schema=None) as batch_op:
        batch_op.create_index('ix_deal_activities_deal', ['deal_id'], unique=False)
    op.create_table('deal_notes',
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('version', sa.Integer(), server_default='1', nullable=False),
    sa.Column('deal_id', sa.String(length=36), nullable=False),
    sa.Column('body', sa.Text(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_by', sa.String(length=120), nullable=False),
    sa.Column('deleted_at', sa.DateTime(timezone=True), nullable=True),
    sa.ForeignKeyConstraint(['deal_id'], ['deals.id'], name=op.f('fk_deal_notes_deal_id_deals'), initially='DEFERRED', deferrable=True),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_deal_notes'))
    )
    with op.batch_alter_table('deal_notes', schema=None) as batch_op:
        batch_op.create_index('ix_deal_notes_deal', ['deal_id'], unique=False)

    if legacy:
        _carry_over(bind, legacy)


def _stamp(bind: Any, day: date) -> datetime:
    """Midnight UTC of `day` as this backend stores UTCDateTime (naive on SQLite)."""
    at = datetime(day.year, day.month, day.day, tzinfo=UTC)
    return at.replace(tzinfo=None) if bind.dialect.name == "sqlite" else at


def _table(name: str, *columns: str) -> sa.TableClause:
    return sa.table(name, *(sa.column(c) for c in columns))


def _carry_over(bind: Any, legacy: list[dict[str, Any]]) -> None:
    now = datetime.now(UTC)
    now = now.replace(tzinfo=None) if bind.dialect.name == "sqlite" else now
    audit = {"version": 1, "created_at": now, "updated_at": now, "updated_by": ACTOR}
    pipeline_id = _new_id()
    bind.execute(sa.insert(_table("pipelines", "id", "name", *audit)),
                 [{"id": pipeline_id, "name": "Sales", **audit}])
    stages = {name: _new_id() for name, *_ in STAGES}
    names = [name for name, *_ in STAGES]
    for row in legacy:  # a stage name no default has: an open stage of its own
        if row["stage"] not in stages:
            stages[row["stage"]] = _new_id()
            names.insert(-2, row["stage"])
    spec = {name: rest for name, *rest in STAGES}
    bind.execute(sa.insert(_table("stages", "id", "pipeline_id", "name", "position",
                                  "probability", "category", "outcome", "rotting_days",
                                  *audit)),
                 [{"id": stages[n], "pipeline_id": pipeline_id, "name": n, "position": i,
                   "probability": spec.get(n, (10,))[0],
                   "category": spec.get(n, (0, "pipeline"))[1],
                   "outcome": spec.get(n, (0, 0, "open"))[2],
                   "rotting_days": spec.get(n, (0, 0, 0, 30))[3], **audit}
                  for i, n in enumerate(names)])
    deals, lines, changes = [], [], []
    for row in legacy:
        outcome = spec.get(row["stage"], (0, 0, "open"))[2]
        created = row["engaged_on"] or row["created_at"].date()
        closed = row["closed_on"] if outcome != "open" else None
        entered = _stamp(bind, closed or created)
        base = {k: row[k] for k in ("id", "version", "reference", "account_id", "owner_id",
                                   "amount", "expected_close", "created_at", "updated_at",
                                   "updated_by", "deleted_at")}
        deals.append({**base, "title": "", "pipeline_id": pipeline_id,
                      "stage_id": stages[row["stage"]], "contact_name": "",
                      "created_on": created, "stage_entered_at": entered,
                      "won_on": closed if outcome == "won" else None,
                      "won_amount": row["amount"] if outcome == "won" else None,
                      "lost_on": closed if outcome == "lost" else None, "next_step": ""})
        if row["product_id"]:
            lines.append({"id": _new_id(), "deal_id": row["id"], "position": 0,
                          "product_id": row["product_id"], "quantity": 1,
                          "unit_price": row["amount"], "discount": 0, **audit})
        first = stages["Engaging"] if closed else stages[row["stage"]]
        changes.append({"id": _new_id(), "deal_id": row["id"], "from_stage_id": None,
                        "to_stage_id": first, "at": _stamp(bind, created),
                        "amount": row["amount"], **audit})
        if closed:
            changes.append({"id": _new_id(), "deal_id": row["id"], "from_stage_id": first,
                            "to_stage_id": stages[row["stage"]], "at": entered,
                            "amount": row["amount"], **audit})
    deal_columns = list(deals[0])
    bind.execute(sa.insert(_table("deals", *deal_columns)), deals)
    if lines:
        bind.execute(sa.insert(_table("deal_lines", *lines[0])), lines)
    bind.execute(sa.insert(_table("deal_stage_changes", *changes[0])), changes)


def downgrade() -> None:
    raise NotImplementedError("SalesDesk does not downgrade workspaces; restore the backup "
                              "taken before the upgrade instead")
