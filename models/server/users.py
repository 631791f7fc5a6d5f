"""The team server's users and shares: adding a user, sharing a client with one.

A user is a PostgreSQL login role in the group ``relasi_member`` (and ``relasi_lead``
for a lead, who sees every client). The new user's password is turned into a SCRAM
verifier on this computer (libpq's own ``PQencryptPasswordConn``), so the plain
password never reaches the server, its logs or its statistics.

A client is shared by a row in ``account_shares``; the server's row-level security
lets only the client's owner or a lead add one (models/server/schema.py).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from sqlalchemy import Connection, Engine, text
from sqlalchemy.exc import DBAPIError

from models.errors import NotFoundError, ServerError, ValidationError
from models.server.schema import LEAD_ROLE, MEMBER_ROLE

#: A user name Relasi accepts: what PostgreSQL takes unquoted, at most 63 bytes.
USER_NAME = re.compile(r"^[a-z_][a-z0-9_]{0,62}$")


def check_user_name(name: str) -> str:
    if not USER_NAME.match(name):
        raise ValidationError(
            "user",
            f"'{name}' is not a user name Relasi accepts: lower-case letters, digits and _, "
            "starting with a letter, at most 63",
        )
    return name


def _require_roles(conn: Connection) -> None:
    found = conn.execute(
        text("SELECT count(*) FROM pg_roles WHERE rolname IN (:m, :l)"),
        {"m": MEMBER_ROLE, "l": LEAD_ROLE},
    ).scalar_one()
    if found != 2:
        raise ServerError("the team server is not prepared: run 'server init' first")


def add_user(engine: Engine, name: str, password: str, *, lead: bool = False) -> bool:
    """Create the login role ``name`` (or set its password and lead membership again);
    returns whether it was new. Run by a user who may create roles."""
    check_user_name(name)
    if not password:
        raise ValidationError("password", "the new user's password is empty")
    with engine.connect() as conn:
        _require_roles(conn)
        raw = conn.connection.driver_connection
        verifier = raw.pgconn.encrypt_password(  # type: ignore[union-attr]
            password.encode(), name.encode(), b"scram-sha-256"
        ).decode("ascii")
        exists = conn.execute(
            text("SELECT 1 FROM pg_roles WHERE rolname = :n"), {"n": name}
        ).first()
        verb = "ALTER" if exists else "CREATE"
        quoted_verifier = "'" + verifier.replace("'", "''") + "'"
        try:
            conn.exec_driver_sql(f"{verb} ROLE {name} LOGIN PASSWORD {quoted_verifier}")
            conn.exec_driver_sql(f"GRANT {MEMBER_ROLE} TO {name}")
            if lead:
                conn.exec_driver_sql(f"GRANT {LEAD_ROLE} TO {name}")
            else:
                conn.exec_driver_sql(f"REVOKE {LEAD_ROLE} FROM {name}")
        except DBAPIError as exc:
            if getattr(exc.orig, "sqlstate", None) == "42501":
                raise ServerError(
                    "this server user may not add users (it needs CREATEROLE, or to be a superuser)"
                ) from None
            raise
        conn.commit()
    return exists is None


@dataclass(frozen=True, slots=True)
class Shared:
    """A client shared with a user."""

    client_id: str
    client_name: str
    user: str
    added: bool


def share(engine: Engine, client: str, user: str) -> Shared:
    """Share the client named (or with the id) ``client`` with ``user``. The connecting
    user must own the client or be a lead; sharing twice changes nothing."""
    check_user_name(user)
    with engine.connect() as conn:
        if (
            conn.execute(text("SELECT 1 FROM pg_roles WHERE rolname = :n"), {"n": user}).first()
            is None
        ):
            raise NotFoundError(f"the team server has no user '{user}'")
        client_id, name = find_client(conn, client)
        try:
            added = conn.execute(
                text(
                    "INSERT INTO account_shares (account_id, user_name) VALUES (:a, :u)"
                    " ON CONFLICT DO NOTHING RETURNING 1"
                ),
                {"a": client_id, "u": user},
            ).first()
        except DBAPIError as exc:
            if getattr(exc.orig, "sqlstate", None) == "42501":
                raise ServerError(f"only the owner of '{name}' or a lead may share it") from None
            raise
        conn.commit()
    return Shared(client_id=client_id, client_name=name, user=user, added=added is not None)


def find_client(conn: Connection, client: str) -> tuple[str, str]:
    """The (id, name) of the one live client the connecting user sees with that id or
    that exact name (letter case aside)."""
    rows = conn.execute(
        text(
            "SELECT id, name FROM accounts WHERE deleted_at IS NULL"
            " AND (id = :c OR lower(name) = lower(:c)) ORDER BY id = :c DESC, name LIMIT 6"
        ),
        {"c": client},
    ).all()
    if not rows:
        raise NotFoundError(f"no client '{client}' on the team server (that you may see)")
    if rows[0][0] != client and len(rows) > 1:
        ids = ", ".join(str(r[0]) for r in rows[:5])
        raise ValidationError(
            "client", f"several clients are named '{client}'; give one's id: {ids}"
        )
    return str(rows[0][0]), str(rows[0][1])
