"""leads: index (owner_id, status, deleted_at) for open leads per owner

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-27
"""

from __future__ import annotations

from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index("ix_leads_owner_status", "leads", ["owner_id", "status", "deleted_at"])
    op.drop_index("ix_leads_owner", table_name="leads")


def downgrade() -> None:
    op.create_index("ix_leads_owner", "leads", ["owner_id"])
    op.drop_index("ix_leads_owner_status", table_name="leads")
