"""Connecting to the team server (PostgreSQL 15+ through psycopg 3).

``engine_for`` makes a SQLAlchemy engine from a ``postgresql://USER@HOST:PORT/DB``
address and a password kept apart from it: the password goes to the driver as a
connection argument, never into a URL string that a log or an error could show.
TLS is used when the server offers it (``sslmode=prefer``) and required when asked
(``sslmode=require``). Every failure to connect, at any later use of the engine too,
becomes one of ``ServerAuthError``, ``ServerUnreachableError``, ``ServerTlsError`` or
``ServerError`` with one clear line that names the server but never the password.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import Engine, create_engine, event, text
from sqlalchemy.engine import URL, ExceptionContext, make_url
from sqlalchemy.exc import ArgumentError

from models.errors import (
    ServerAuthError,
    ServerError,
    ServerTlsError,
    ServerUnreachableError,
    ValidationError,
)

#: Seconds to wait for the server before calling it unreachable.
CONNECT_TIMEOUT = 10

_AUTH_WORDS = (
    "password authentication failed",
    "no password supplied",
    "authentication failed",
    "no pg_hba.conf entry",
    "pg_hba.conf rejects",
)
_TLS_WORDS = ("ssl", "tls", "certificate")
_UNREACHABLE_WORDS = (
    "connection refused",
    "could not translate host name",
    "failed to resolve host",
    "name or service not known",
    "timeout expired",
    "timed out",
    "no route to host",
    "network is unreachable",
    "server closed the connection unexpectedly",
    "connection reset",
    "could not connect",
    "is the server running",
)


@dataclass(frozen=True, slots=True)
class ServerAddress:
    """Where the team server is, without a password (safe to show and to log)."""

    user: str
    host: str
    port: int
    database: str

    def __str__(self) -> str:
        return f"{self.user}@{self.host}:{self.port}/{self.database}"


def parse_url(url: str) -> tuple[URL, str | None]:
    """The psycopg SQLAlchemy URL (without password) and the password it carried, if any.

    Accepts ``postgresql://`` and ``postgresql+psycopg://``; refuses anything else."""
    try:
        parsed = make_url(url)
    except ArgumentError:
        raise ValidationError(
            "url", "the server address must look like postgresql://USER@HOST:PORT/DATABASE"
        ) from None
    if parsed.get_backend_name() != "postgresql" or parsed.get_driver_name() not in (
        "psycopg",
        "psycopg2",  # the default driver name of a bare postgresql:// URL
    ):
        raise ValidationError(
            "url", "the team server is PostgreSQL: the address starts with postgresql://"
        )
    if not parsed.username or not parsed.host or not parsed.database:
        raise ValidationError(
            "url",
            "the server address needs a user, a host and a database: "
            "postgresql://USER@HOST:PORT/DATABASE",
        )
    password = parsed.password
    clean = URL.create(
        "postgresql+psycopg",
        username=parsed.username,
        host=parsed.host,
        port=parsed.port,
        database=parsed.database,
        query=parsed.query,
    )
    return clean, (str(password) if password is not None else None)


def address_of(url: URL) -> ServerAddress:
    return ServerAddress(
        user=url.username or "",
        host=url.host or "",
        port=url.port or 5432,
        database=url.database or "",
    )


def engine_for(url: str, password: str | None, *, require_tls: bool = False) -> Engine:
    """An engine for the team server at ``url`` (no connection is made yet).

    ``password`` (or, when it is None, one written in ``url``) goes to the driver
    only. ``require_tls`` refuses a server that does not offer TLS; otherwise TLS is
    used whenever the server offers it."""
    clean, in_url = parse_url(url)
    secret = password if password is not None else in_url
    connect_args: dict[str, object] = {
        "sslmode": "require" if require_tls else "prefer",
        "connect_timeout": CONNECT_TIMEOUT,
        "application_name": "relasi",
    }
    if secret is not None:
        connect_args["password"] = secret
    engine = create_engine(clean, connect_args=connect_args, pool_pre_ping=True)
    address = address_of(clean)

    @event.listens_for(engine, "handle_error")
    def _translate(context: ExceptionContext) -> BaseException | None:
        return translate_error(context.original_exception, address, require_tls=require_tls)

    return engine


def translate_error(
    exc: BaseException, address: ServerAddress, *, require_tls: bool = False
) -> ServerError | None:
    """The Relasi error for a failure to connect to the server, or None for another error
    (a failed statement stays the driver's error)."""
    import psycopg

    if not isinstance(exc, psycopg.OperationalError) or getattr(exc, "sqlstate", None) not in (
        None,
        "28P01",
        "28000",
        "08001",
        "08006",
        "3D000",
    ):
        return None
    text_ = str(exc).lower()
    where = f"the team server {address}"
    if require_tls and "ssl was required" in text_:
        return ServerTlsError(
            f"{where} does not offer TLS, and this connection requires it "
            "(ask the server's administrator to enable TLS, or turn off 'require TLS')"
        )
    if any(word in text_ for word in _AUTH_WORDS):
        return ServerAuthError(
            f"{where} refused the user name or password "
            f"(check the password of '{address.user}', or ask for an account)"
        )
    if f'database "{address.database}" does not exist'.lower() in text_:
        return ServerError(f"{where} has no database '{address.database}'")
    if any(word in text_ for word in _UNREACHABLE_WORDS):
        return ServerUnreachableError(
            f"cannot reach {where} (offline, wrong address or port, or a firewall); "
            "your own data is unaffected"
        )
    if any(word in text_ for word in _TLS_WORDS):
        return ServerTlsError(f"TLS with {where} failed: {_first_line(exc)}")
    return ServerUnreachableError(f"cannot connect to {where}: {_first_line(exc)}")


def _first_line(exc: BaseException) -> str:
    lines = [line.strip() for line in str(exc).splitlines() if line.strip()]
    return lines[-1] if lines else type(exc).__name__


@dataclass(frozen=True, slots=True)
class ServerInfo:
    """What one connection learned about the server (for a status line)."""

    version: str
    user: str
    tls: bool
    lead: bool


def server_info(engine: Engine) -> ServerInfo:
    """Connect once: the server's version, who we are, whether TLS is in use, whether a lead."""
    with engine.connect() as conn:
        row = conn.execute(
            text(
                "SELECT current_setting('server_version'), current_user,"
                " coalesce((SELECT ssl FROM pg_stat_ssl WHERE pid = pg_backend_pid()), false),"
                " EXISTS (SELECT 1 FROM pg_roles WHERE rolname = 'relasi_lead')"
                "   AND pg_has_role(current_user, 'relasi_lead', 'MEMBER')"
            )
        ).one()
    return ServerInfo(version=str(row[0]), user=str(row[1]), tls=bool(row[2]), lead=bool(row[3]))
