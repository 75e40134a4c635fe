"""Persistence: SQLAlchemy tables and mapping, unit of work, migrations, queries, files."""
