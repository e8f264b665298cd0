"""Alembic migrations; ``adapters.sql.migrate.upgrade`` runs them."""
