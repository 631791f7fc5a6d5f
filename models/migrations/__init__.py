"""Alembic migrations of the Relasi schema; they run at open, never by hand.

``REVISIONS`` lists every released revision in order; a test checks it against
Alembic's script directory, so the store can skip loading Alembic when the
database is already at ``HEAD``.
"""

REVISIONS: tuple[str, ...] = (
    "0001",
    "0002",
    "0003",
    "0004",
    "0005",
    "0006",
    "0007",
    "0008",
    "0009",
    "0010",
    "0011",
    "0012",
    "0013",
    "0014",
    "0015",
    "0016",
    "0017",
    "0018",
    "0019",
    "0020",
)
HEAD = REVISIONS[-1]
