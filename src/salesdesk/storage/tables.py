"""The workspace schema. Migrations under migrations/ are generated from this and frozen.

Every business table has a client-generated UUID key, a version for optimistic
concurrency, UTC audit stamps, the acting user, and soft delete (deleted_at).
"""

from __future__ import annotations

import sqlalchemy as sa
from sqlalchemy.schema import SchemaItem

from salesdesk.domain.members import Role
from salesdesk.storage.types import CriteriaList, Money, UTCDateTime

metadata = sa.MetaData(naming_convention={
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
})

UUID = sa.String(36)


def _fk(target: str) -> sa.ForeignKey:
    """Checked at commit, so one transaction may insert rows in any order (imports, sync)."""
    return sa.ForeignKey(target, deferrable=True, initially="DEFERRED")


def _business(name: str, *columns: SchemaItem) -> sa.Table:
    return sa.Table(
        name, metadata,
        sa.Column("id", UUID, primary_key=True),
        sa.Column("version", sa.Integer, nullable=False, server_default="1"),
        *columns,
        sa.Column("created_at", UTCDateTime, nullable=False),
        sa.Column("updated_at", UTCDateTime, nullable=False),
        sa.Column("updated_by", sa.String(120), nullable=False),
        sa.Column("deleted_at", UTCDateTime),
    )


settings = sa.Table(
    "settings", metadata,
    sa.Column("key", sa.String(60), primary_key=True),
    sa.Column("value", sa.Text, nullable=False),
)

teams = _business("teams", sa.Column("name", sa.String(100), nullable=False))

members = _business(
    "members",
    sa.Column("name", sa.String(120), nullable=False),
    sa.Column("email", sa.String(200)),
    sa.Column("role", sa.Enum(Role, native_enum=False, length=16, create_constraint=False,
                              values_callable=lambda e: [r.value for r in e]), nullable=False),
    sa.Column("manager_id", UUID, _fk("members.id")),
    sa.Column("team_id", UUID, _fk("teams.id")),
    sa.Column("hire_date", sa.Date),
    sa.Column("ramp_months", sa.Integer, nullable=False, server_default="0"),
    sa.Column("capacity", sa.Integer, nullable=False),
    sa.Column("skills", sa.JSON, nullable=False),
    sa.Column("left_on", sa.Date),
    sa.CheckConstraint("capacity >= 0", name="capacity_non_negative"),
)
sa.Index("ix_members_name", members.c.name)

accounts = _business(
    "accounts",
    sa.Column("name", sa.String(200), nullable=False),
    sa.Column("sector", sa.String(80), nullable=False, server_default=""),
    sa.Column("country", sa.String(80), nullable=False, server_default=""),
    sa.Column("region", sa.String(80), nullable=False, server_default=""),
    sa.Column("postcode", sa.String(20), nullable=False, server_default=""),
    sa.Column("employees", sa.Integer),
    sa.Column("revenue_m", Money),
    sa.Column("year_established", sa.Integer),
    sa.Column("parent_id", UUID, _fk("accounts.id")),
    sa.Column("territory_id", UUID, _fk("territories.id")),
)
sa.Index("ix_accounts_name", accounts.c.name)
sa.Index("ix_accounts_territory", accounts.c.territory_id)

products = _business(
    "products",
    sa.Column("name", sa.String(120), nullable=False),
    sa.Column("series", sa.String(80), nullable=False, server_default=""),
    sa.Column("list_price", Money, nullable=False),
    sa.Column("aliases", sa.JSON, nullable=False),
)

territories = _business(
    "territories",
    sa.Column("name", sa.String(120), nullable=False),
    sa.Column("parent_id", UUID, _fk("territories.id")),
    sa.Column("criteria", CriteriaList, nullable=False),
)

territory_assignments = _business(
    "territory_assignments",
    sa.Column("territory_id", UUID, _fk("territories.id"), nullable=False),
    sa.Column("member_id", UUID, _fk("members.id"), nullable=False),
    sa.Column("start", sa.Date, nullable=False),
    sa.Column("end", sa.Date),
)
sa.Index("ix_territory_assignments_territory", territory_assignments.c.territory_id)

# Leads and deals: the columns the lead board and pipeline issues start from; they extend
# these tables through their own migrations.
leads = _business(
    "leads",
    sa.Column("person_name", sa.String(200), nullable=False),
    sa.Column("email", sa.String(200)),
    sa.Column("company", sa.String(200), nullable=False, server_default=""),
    sa.Column("sector", sa.String(80), nullable=False, server_default=""),
    sa.Column("country", sa.String(80), nullable=False, server_default=""),
    sa.Column("source", sa.String(40), nullable=False, server_default=""),
    sa.Column("status", sa.String(20), nullable=False, server_default="new"),
    sa.Column("score", sa.Integer, nullable=False, server_default="0"),
    sa.Column("owner_id", UUID, _fk("members.id")),
    sa.Column("territory_id", UUID, _fk("territories.id")),
    sa.Column("product_interest", sa.String(120), nullable=False, server_default=""),
    sa.Column("first_contacted_at", UTCDateTime),
)
sa.Index("ix_leads_status", leads.c.status)
# Covers "open leads per owner" (the Team tab's load column) without reading lead rows.
sa.Index("ix_leads_owner_status", leads.c.owner_id, leads.c.status, leads.c.deleted_at)
sa.Index("ix_leads_created", leads.c.created_at)

deals = _business(
    "deals",
    sa.Column("reference", sa.String(40)),
    sa.Column("account_id", UUID, _fk("accounts.id")),
    sa.Column("owner_id", UUID, _fk("members.id")),
    sa.Column("product_id", UUID, _fk("products.id")),
    sa.Column("stage", sa.String(40), nullable=False),
    sa.Column("amount", Money, nullable=False),
    sa.Column("engaged_on", sa.Date),
    sa.Column("expected_close", sa.Date),
    sa.Column("closed_on", sa.Date),
)
sa.Index("ix_deals_stage", deals.c.stage)
sa.Index("ix_deals_owner", deals.c.owner_id)

change_log = sa.Table(
    "change_log", metadata,
    sa.Column("id", UUID, primary_key=True),
    sa.Column("at", UTCDateTime, nullable=False),
    sa.Column("actor", sa.String(120), nullable=False),
    sa.Column("entity", sa.String(40), nullable=False),
    sa.Column("entity_id", UUID, nullable=False),
    sa.Column("op", sa.String(10), nullable=False),  # insert | update | delete | bulk
    sa.Column("changes", sa.JSON, nullable=False),   # field -> [old, new]
)
sa.Index("ix_change_log_entity", change_log.c.entity, change_log.c.entity_id)
sa.Index("ix_change_log_at", change_log.c.at)
