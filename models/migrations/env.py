"""Alembic environment: migrates the connection the store passes in, in one transaction."""

from alembic import context

from models.entities import Base

connection = context.config.attributes.get("connection")
if connection is None:  # pragma: no cover - migrations never run from the alembic CLI
    raise RuntimeError("Relasi migrations run at open, through models.migrations.runner")

context.configure(
    connection=connection,
    target_metadata=Base.metadata,
    render_as_batch=True,
    transactional_ddl=True,
)
with context.begin_transaction():
    context.run_migrations()
