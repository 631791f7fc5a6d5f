"""The team server: PostgreSQL 15+ holding the team's shared clients.

``connect.engine_for`` connects (TLS preferred or required, the password kept out of
every URL); ``schema.init_server`` prepares a server database (migrations, roles,
row-level security); ``schema.check_schema`` compares its schema version with this
Relasi's; ``users`` adds users and shares clients. Errors are the ``Server*Error`` and
``SchemaMismatchError`` classes of ``models.errors``, re-exported here.
"""

from models.errors import (
    SchemaMismatchError,
    ServerAuthError,
    ServerError,
    ServerTlsError,
    ServerUnreachableError,
)

__all__ = [
    "SchemaMismatchError",
    "ServerAuthError",
    "ServerError",
    "ServerTlsError",
    "ServerUnreachableError",
]
