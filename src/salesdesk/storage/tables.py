"""The workspace schema. Migrations under migrations/ are generated from this and frozen.

Every business table has a client-generated UUID key, a version for optimistic
concurrency, UTC audit stamps, the acting user, and soft delete (deleted_at).
"""

from __future__ import annotations

import sqlalchemy as sa
from sqlalchemy.schema import SchemaItem

from salesdesk.domain.deals import ActivityKind
from salesdesk.domain.lead_activities import LeadActivityKind
from salesdesk.domain.leads import LeadStatus
from salesdesk.domain.members import Role
from salesdesk.domain.pipeline import ForecastCategory, Outcome
from salesdesk.storage.types import CriteriaList, EnumText, Money, UTCDateTime

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

# Leads (issue 3). Text columns are stored as the domain cleans them ("" when blank). The
# e-mail is stored normalised (domain.validation.clean_email: no spaces, lower case), so
# it is its own exact-duplicate key and ix_leads_email finds duplicates. person_key and
# company_key are storage's own, filled from the domain's key functions on every write
# (storage/lead_store.py): they block fuzzy duplicates and give the case-insensitive name
# and company sorts. Every board sort has an index ending in id, so keyset pages never
# sort a tie group.
_BLANK = ""
leads = _business(
    "leads",
    sa.Column("person_name", sa.String(200), nullable=False),
    sa.Column("email", sa.String(200)),
    sa.Column("company", sa.String(200), nullable=False, server_default=_BLANK),
    sa.Column("sector", sa.String(80), nullable=False, server_default=_BLANK),
    sa.Column("country", sa.String(80), nullable=False, server_default=_BLANK),
    sa.Column("source", sa.String(40), nullable=False, server_default=_BLANK),
    sa.Column("status", EnumText(LeadStatus, 20), nullable=False, server_default="new"),
    sa.Column("score", sa.Integer, nullable=False, server_default="0"),
    sa.Column("owner_id", UUID, _fk("members.id")),
    sa.Column("territory_id", UUID, _fk("territories.id")),
    sa.Column("product_interest", sa.String(120), nullable=False, server_default=_BLANK),
    sa.Column("first_contacted_at", UTCDateTime),
    sa.Column("phone", sa.String(40), nullable=False, server_default=_BLANK),
    sa.Column("job_title", sa.String(120), nullable=False, server_default=_BLANK),
    sa.Column("region", sa.String(80), nullable=False, server_default=_BLANK),
    sa.Column("postcode", sa.String(20), nullable=False, server_default=_BLANK),
    sa.Column("employees", sa.Integer),
    sa.Column("campaign", sa.String(120), nullable=False, server_default=_BLANK),
    sa.Column("language", sa.String(40), nullable=False, server_default=_BLANK),
    sa.Column("status_reason", sa.String(200), nullable=False, server_default=_BLANK),
    sa.Column("segments", sa.JSON, nullable=False, server_default=sa.text("'[]'")),
    sa.Column("manual_segments", sa.JSON, nullable=False, server_default=sa.text("'[]'")),
    sa.Column("score_parts", sa.JSON, nullable=False, server_default=sa.text("'[]'")),
    sa.Column("received_at", UTCDateTime),
    sa.Column("sla_due_at", UTCDateTime),
    sa.Column("notes", sa.Text, nullable=False, server_default=_BLANK),
    sa.Column("person_key", sa.String(200), nullable=False, server_default=_BLANK),
    sa.Column("company_key", sa.String(200), nullable=False, server_default=_BLANK),
)
# Covers "open leads per owner" (the Team tab's load column) without reading lead rows.
sa.Index("ix_leads_owner_status", leads.c.owner_id, leads.c.status, leads.c.deleted_at)
sa.Index("ix_leads_created", leads.c.created_at)
for _name, _column in (("status", "status"), ("received", "received_at"),
                       ("sla_due", "sla_due_at"), ("score", "score"), ("source", "source"),
                       ("territory", "territory_id"), ("person_key", "person_key"),
                       ("company_key", "company_key")):
    sa.Index(f"ix_leads_{_name}", leads.c[_column], leads.c.id)
sa.Index("ix_leads_email", leads.c.email)
# The leads still waiting for a first contact, by due time (their status in the index, so
# that counting the overdue ones reads no row): the overdue queue, the SLA filters and the
# report's overdue count read only these, a fraction of a big book.
_WAITING = sa.text("first_contacted_at IS NULL AND deleted_at IS NULL")
sa.Index("ix_leads_waiting", leads.c.sla_due_at, leads.c.status, leads.c.id,
         sqlite_where=_WAITING, postgresql_where=_WAITING)
# Text search is backend-specific and lives in migration 0006 only: an FTS5 table
# (leads_fts, with triggers) on SQLite, a pg_trgm GIN index (ix_leads_search_trgm) on
# PostgreSQL. storage/schema.py tells schema comparisons to leave them out.

# Which segments each live lead is in now (the names in leads.segments, as name keys): the
# board's segment filter and the report's counts read this, through its key.
lead_segment_links = sa.Table(
    "lead_segment_links", metadata,
    sa.Column("segment", sa.String(80), primary_key=True),
    sa.Column("lead_id", UUID, _fk("leads.id"), primary_key=True),
    sqlite_with_rowid=False,  # the key is the row: half the size of a rowid table + index
)
sa.Index("ix_lead_segment_links_lead", lead_segment_links.c.lead_id)

# The segment rules (domain.lead_segments.Segment), in the manager's order.
lead_segments = _business(
    "lead_segments",
    sa.Column("name", sa.String(80), nullable=False),
    sa.Column("position", sa.Integer, nullable=False),
    sa.Column("match", sa.String(3), nullable=False, server_default="all"),
    sa.Column("conditions", sa.JSON, nullable=False),
    sa.Column("plan", sa.Text, nullable=False, server_default=_BLANK),
)

lead_activities = _business(
    "lead_activities",
    sa.Column("lead_id", UUID, _fk("leads.id"), nullable=False),
    sa.Column("kind", EnumText(LeadActivityKind, 12), nullable=False),
    sa.Column("at", UTCDateTime, nullable=False),
    sa.Column("subject", sa.String(200), nullable=False, server_default=_BLANK),
    sa.Column("body", sa.Text, nullable=False, server_default=_BLANK),
    sa.Column("detail", sa.JSON, nullable=False),
)
sa.Index("ix_lead_activities_lead", lead_activities.c.lead_id, lead_activities.c.at)

pipelines = _business("pipelines", sa.Column("name", sa.String(100), nullable=False))

stages = _business(
    "stages",
    sa.Column("pipeline_id", UUID, _fk("pipelines.id"), nullable=False),
    sa.Column("name", sa.String(40), nullable=False),
    sa.Column("position", sa.Integer, nullable=False),
    sa.Column("probability", sa.Integer, nullable=False),
    sa.Column("category", EnumText(ForecastCategory, 20), nullable=False),
    sa.Column("outcome", EnumText(Outcome, 10), nullable=False),
    sa.Column("rotting_days", sa.Integer),
    sa.CheckConstraint("probability BETWEEN 0 AND 100", name="probability_percent"),
)

lost_reasons = _business(
    "lost_reasons",
    sa.Column("name", sa.String(80), nullable=False),
    sa.Column("active", sa.Boolean, nullable=False, server_default=sa.true()),
)

deals = _business(
    "deals",
    sa.Column("reference", sa.String(40)),
    sa.Column("title", sa.String(200), nullable=False, server_default=""),
    sa.Column("pipeline_id", UUID, _fk("pipelines.id"), nullable=False),
    sa.Column("stage_id", UUID, _fk("stages.id"), nullable=False),
    sa.Column("account_id", UUID, _fk("accounts.id")),
    sa.Column("contact_name", sa.String(200), nullable=False, server_default=""),
    sa.Column("contact_email", sa.String(200)),
    sa.Column("owner_id", UUID, _fk("members.id")),
    sa.Column("amount", Money, nullable=False),
    sa.Column("probability", sa.Integer),
    sa.Column("category", EnumText(ForecastCategory, 20)),
    sa.Column("expected_close", sa.Date),
    sa.Column("created_on", sa.Date, nullable=False),
    sa.Column("stage_entered_at", UTCDateTime, nullable=False),
    sa.Column("won_on", sa.Date),
    sa.Column("won_amount", Money),
    sa.Column("lost_on", sa.Date),
    sa.Column("lost_reason_id", UUID, _fk("lost_reasons.id")),
    sa.Column("next_step", sa.String(300), nullable=False, server_default=""),
    sa.Column("lead_id", UUID, _fk("leads.id")),
)
# The board reads one stage's live deals at a time; reports group by owner and close date.
sa.Index("ix_deals_stage_live", deals.c.stage_id, deals.c.deleted_at)
sa.Index("ix_deals_owner", deals.c.owner_id)
sa.Index("ix_deals_account", deals.c.account_id)
sa.Index("ix_deals_expected_close", deals.c.expected_close)
sa.Index("ix_deals_won_on", deals.c.won_on)
sa.Index("ix_deals_lead", deals.c.lead_id)

deal_lines = _business(
    "deal_lines",
    sa.Column("deal_id", UUID, _fk("deals.id"), nullable=False),
    sa.Column("position", sa.Integer, nullable=False),
    sa.Column("product_id", UUID, _fk("products.id"), nullable=False),
    sa.Column("quantity", sa.Integer, nullable=False),
    sa.Column("unit_price", Money, nullable=False),
    sa.Column("discount", Money, nullable=False),  # percent, to the hundredth
)
sa.Index("ix_deal_lines_deal", deal_lines.c.deal_id)
sa.Index("ix_deal_lines_product", deal_lines.c.product_id)

deal_stage_changes = _business(
    "deal_stage_changes",
    sa.Column("deal_id", UUID, _fk("deals.id"), nullable=False),
    sa.Column("from_stage_id", UUID, _fk("stages.id")),
    sa.Column("to_stage_id", UUID, _fk("stages.id"), nullable=False),
    sa.Column("at", UTCDateTime, nullable=False),
    sa.Column("amount", Money),
)
sa.Index("ix_deal_stage_changes_deal", deal_stage_changes.c.deal_id, deal_stage_changes.c.at)
sa.Index("ix_deal_stage_changes_at", deal_stage_changes.c.at)

deal_activities = _business(
    "deal_activities",
    sa.Column("deal_id", UUID, _fk("deals.id"), nullable=False),
    sa.Column("kind", EnumText(ActivityKind, 10), nullable=False),
    sa.Column("subject", sa.String(200), nullable=False),
    sa.Column("due_on", sa.Date),
    sa.Column("done_at", UTCDateTime),
)
sa.Index("ix_deal_activities_deal", deal_activities.c.deal_id)

deal_notes = _business(
    "deal_notes",
    sa.Column("deal_id", UUID, _fk("deals.id"), nullable=False),
    sa.Column("body", sa.Text, nullable=False),
)
sa.Index("ix_deal_notes_deal", deal_notes.c.deal_id)

# Forecasts frozen at the start of each period ("auto") and managers' calls ("call"), so that
# forecast against actual stays exact after the pipeline moves on (issue 6). `figures` maps
# each method to an exact decimal string; `deals` is the compact per-deal contribution
# table (services.forecast.snapshot_deals).
forecast_snapshots = _business(
    "forecast_snapshots",
    sa.Column("period", sa.String(20), nullable=False),
    sa.Column("period_kind", sa.String(10), nullable=False),
    sa.Column("scope_kind", sa.String(10), nullable=False),
    sa.Column("scope_id", UUID),
    sa.Column("as_of", UTCDateTime, nullable=False),
    sa.Column("kind", sa.String(10), nullable=False),
    sa.Column("figures", sa.JSON, nullable=False),
    sa.Column("adjustment", Money),
    sa.Column("comment", sa.Text, nullable=False, server_default=""),
    sa.Column("deals", sa.JSON, nullable=False),
    # "period|scope_kind|scope_id" for an auto snapshot, NULL for a call: each period and
    # scope is frozen once, even by two clients opening a shared workspace at once.
    sa.Column("auto_key", sa.String(80), unique=True),
)
sa.Index("ix_forecast_snapshots_period", forecast_snapshots.c.period,
         forecast_snapshots.c.scope_kind, forecast_snapshots.c.kind)

# Quota plans (issue 5): one row per version of a fiscal year's plan; its targets are
# monthly figures per member or team and metric (revenue in cents, counts as integers).
quota_plans = _business(
    "quota_plans",
    sa.Column("year", sa.Integer, nullable=False),
    sa.Column("fiscal_start", sa.Integer, nullable=False),
    sa.Column("plan_version", sa.Integer, nullable=False),
    sa.Column("status", sa.String(10), nullable=False),
    sa.Column("note", sa.Text, nullable=False, server_default=""),
    sa.Column("settings", sa.JSON, nullable=False),
    sa.CheckConstraint("fiscal_start BETWEEN 1 AND 12", name="fiscal_start_month"),
    sa.UniqueConstraint("year", "plan_version", name="uq_quota_plans_year_version"),
)

quota_targets = sa.Table(
    "quota_targets", metadata,
    sa.Column("plan_id", UUID, _fk("quota_plans.id"), primary_key=True),
    sa.Column("owner_kind", sa.String(10), primary_key=True),
    sa.Column("owner_id", UUID, primary_key=True),
    sa.Column("metric", sa.String(12), primary_key=True),
    sa.Column("month", sa.Date, primary_key=True),
    sa.Column("value", sa.BigInteger, nullable=False),
    sa.CheckConstraint("value >= 0", name="value_non_negative"),
)

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
