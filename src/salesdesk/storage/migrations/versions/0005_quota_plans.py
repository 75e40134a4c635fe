"""quota plans: versions of each fiscal year's plan and their monthly targets

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-28
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('quota_plans',
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('version', sa.Integer(), server_default='1', nullable=False),
    sa.Column('year', sa.Integer(), nullable=False),
    sa.Column('fiscal_start', sa.Integer(), nullable=False),
    sa.Column('plan_version', sa.Integer(), nullable=False),
    sa.Column('status', sa.String(length=10), nullable=False),
    sa.Column('note', sa.Text(), server_default='', nullable=False),
    sa.Column('settings', sa.JSON(), nullable=False),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_by', sa.String(length=120), nullable=False),
    sa.Column('deleted_at', sa.DateTime(timezone=True), nullable=True),
    sa.CheckConstraint('fiscal_start BETWEEN 1 AND 12',
                       name=op.f('ck_quota_plans_fiscal_start_month')),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_quota_plans')),
    sa.UniqueConstraint('year', 'plan_version', name='uq_quota_plans_year_version')
    )
    op.create_table('quota_targets',
    sa.Column('plan_id', sa.String(length=36), nullable=False),
    sa.Column('owner_kind', sa.String(length=10), nullable=False),
    sa.Column('owner_id', sa.String(length=36), nullable=False),
    sa.Column('metric', sa.String(length=12), nullable=False),
    sa.Column('month', sa.Date(), nullable=False),
    sa.Column('value', sa.BigInteger(), nullable=False),
    sa.CheckConstraint('value >= 0', name=op.f('ck_quota_targets_value_non_negative')),
    sa.ForeignKeyConstraint(['plan_id'], ['quota_plans.id'],
                            name=op.f('fk_quota_targets_plan_id_quota_plans'),
                            initially='DEFERRED', deferrable=True),
    sa.PrimaryKeyConstraint('plan_id', 'owner_kind', 'owner_id', 'metric', 'month',
                            name=op.f('pk_quota_targets'))
    )


def downgrade() -> None:
    op.drop_table('quota_targets')
    op.drop_table('quota_plans')
