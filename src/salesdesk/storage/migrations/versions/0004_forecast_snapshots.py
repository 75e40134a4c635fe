"""forecast snapshots: forecasts frozen at each period start and managers' calls

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-28
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('forecast_snapshots',
    sa.Column('id', sa.String(length=36), nullable=False),
    sa.Column('version', sa.Integer(), server_default='1', nullable=False),
    sa.Column('period', sa.String(length=20), nullable=False),
    sa.Column('period_kind', sa.String(length=10), nullable=False),
    sa.Column('scope_kind', sa.String(length=10), nullable=False),
    sa.Column('scope_id', sa.String(length=36), nullable=True),
    sa.Column('as_of', sa.DateTime(timezone=True), nullable=False),
    sa.Column('kind', sa.String(length=10), nullable=False),
    sa.Column('figures', sa.JSON(), nullable=False),
    sa.Column('adjustment', sa.BigInteger(), nullable=True),
    sa.Column('comment', sa.Text(), server_default='', nullable=False),
    sa.Column('deals', sa.JSON(), nullable=False),
    sa.Column('auto_key', sa.String(length=80), nullable=True),
    sa.Column('created_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('updated_by', sa.String(length=120), nullable=False),
    sa.Column('deleted_at', sa.DateTime(timezone=True), nullable=True),
    sa.PrimaryKeyConstraint('id', name=op.f('pk_forecast_snapshots')),
    sa.UniqueConstraint('auto_key', name=op.f('uq_forecast_snapshots_auto_key'))
    )
    with op.batch_alter_table('forecast_snapshots', schema=None) as batch_op:
        batch_op.create_index('ix_forecast_snapshots_period',
                              ['period', 'scope_kind', 'kind'], unique=False)


def downgrade() -> None:
    with op.batch_alter_table('forecast_snapshots', schema=None) as batch_op:
        batch_op.drop_index('ix_forecast_snapshots_period')
    op.drop_table('forecast_snapshots')
