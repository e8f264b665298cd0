"""SQL storage through SQLAlchemy 2 async: SQLite (aiosqlite) or PostgreSQL (asyncpg)."""
