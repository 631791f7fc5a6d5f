"""A prefix index in the full-text search (FTS5 ``prefix='3 4'``): the word being typed
("pro", "meet", "kir") is searched as a prefix, and without the index FTS5 merged the
list of every word it starts (``proposal``, ``project``, ``produk`` ...) before the first
hit: 78-142 ms at 1,000,000 entries. With it, a prefix of 3 or 4 letters is one list
read newest first, and the walk stops at the limit.

FTS5 cannot add the option to a table: search_fts is made again. Its rows are copied
aside to an ordinary table, the table is dropped and created with the option and filled
again, each copy in batches of :data:`BATCH` documents in rowid order (a statement each,
the log says how far it is; statement journals in a temporary file, so memory stays
at about 140 MB), then merged into one segment. At 1,000,000 entries (1,650,000
documents) the index grows from 204 to 534 MB; the rebuild took 6-12 minutes on a
2-core machine under a load average of 8-14. The triggers that keep it
current name the table only, so they stay as they are. Nothing on PostgreSQL (the team
server has no FTS5).

The same revision keeps the live rows of each kind ``stats`` counts in ``live_counts``,
by triggers (an insert, a hard delete, a move to or from Trash): ``count(*) ... WHERE
deleted_at IS NULL`` read every page of an index per kind, and SQLCipher decrypts each
page it reads on a fresh connection, so the counts took 1.9 times as long encrypted as
plain (7 times for the entries alone). One row per kind is read now. Local only: never
synced (each laptop counts its own rows).

Revision ID: 0019
Revises: 0018
Create Date: 2026-11-30 13:00:00
"""

import logging
import time
from collections.abc import Callable, Sequence

from alembic import op
from sqlalchemy import text
from sqlalchemy.exc import DBAPIError

revision: str = "0019"
down_revision: str | None = "0018"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

log = logging.getLogger("relasi.migrations.0019")

#: Documents indexed per statement (each logs a line of progress).
BATCH = 50_000

_TOKENIZE = "tokenize = 'unicode61 remove_diacritics 2'"
_CREATE = "CREATE VIRTUAL TABLE search_fts USING fts5(title, body, "
WITH_PREFIX = f"{_CREATE}{_TOKENIZE}, prefix = '3 4')"
WITHOUT_PREFIX = f"{_CREATE}{_TOKENIZE})"


def _in_batches(insert: str, last_sql: str, progress: Callable[[int], None]) -> int:
    """Run ``insert`` (rows after key ``:last``, ``:n`` of them, in key order) until it
    inserts nothing; ``last_sql`` gives the last key inserted. Each batch is a statement
    of its own: what SQLite keeps for one statement stays bounded. Returns the rows."""
    conn = op.get_bind()
    done, last = 0, -1
    while True:
        inserted = conn.execute(text(insert), {"last": last, "n": BATCH}).rowcount
        if inserted <= 0:
            return done
        done += inserted
        last = int(conn.execute(text(last_sql)).scalar_one())
        progress(done)


def _rebuild(create: str) -> None:
    """Make search_fts again with ``create``, keeping every document and its rowid."""
    conn = op.get_bind()
    # Every copy in batches, a statement each (the log shows the progress); what made
    # memory grow (900 MB at 1,000,000 entries) was the statements' journals: see
    # _journal_on_disk.
    conn.execute(text("DROP TABLE IF EXISTS search_fts_rebuild"))
    conn.execute(
        text("CREATE TABLE search_fts_rebuild (docid INTEGER PRIMARY KEY, title TEXT, body TEXT)")
    )
    started = time.monotonic()
    total = _in_batches(
        "INSERT INTO search_fts_rebuild (docid, title, body) SELECT rowid, title, body "
        "FROM search_fts WHERE rowid > :last ORDER BY rowid LIMIT :n",
        "SELECT max(docid) FROM search_fts_rebuild",
        lambda done: log.info(
            "search index: %d documents copied aside (%.0f s)", done, time.monotonic() - started
        ),
    )
    conn.execute(text("DROP TABLE search_fts"))
    conn.execute(text(create))
    _in_batches(
        "INSERT INTO search_fts (rowid, title, body) SELECT docid, title, body "
        "FROM search_fts_rebuild WHERE docid > :last ORDER BY docid LIMIT :n",
        "SELECT rowid FROM search_fts ORDER BY rowid DESC LIMIT 1",
        lambda done: log.info(
            "search index: %d of %d documents (%.0f s)", done, total, time.monotonic() - started
        ),
    )
    conn.execute(text("INSERT INTO search_fts (search_fts) VALUES ('optimize')"))
    conn.execute(text("DROP TABLE search_fts_rebuild"))
    log.info("search index rebuilt: %d documents in %.0f s", total, time.monotonic() - started)


#: The tables whose live rows are counted.
COUNTED = ("accounts", "contacts", "interactions", "follow_ups", "deals")


def _count_triggers(t: str) -> list[str]:
    bump = "UPDATE live_counts SET live = live + ({d}) WHERE tbl = '" + t + "';"
    return [
        f"CREATE TRIGGER {t}_count_ai AFTER INSERT ON {t} WHEN NEW.deleted_at IS NULL "
        f"BEGIN {bump.format(d='1')} END",
        f"CREATE TRIGGER {t}_count_ad AFTER DELETE ON {t} WHEN OLD.deleted_at IS NULL "
        f"BEGIN {bump.format(d='-1')} END",
        f"CREATE TRIGGER {t}_count_au AFTER UPDATE OF deleted_at ON {t} "
        "WHEN (OLD.deleted_at IS NULL) <> (NEW.deleted_at IS NULL) BEGIN "
        f"{bump.format(d='(NEW.deleted_at IS NULL) - (OLD.deleted_at IS NULL)')} END",
    ]


def _add_counts() -> None:
    op.execute("CREATE TABLE live_counts (tbl TEXT PRIMARY KEY, live INTEGER NOT NULL)")
    for t in COUNTED:
        op.execute(
            f"INSERT INTO live_counts (tbl, live) "
            f"SELECT '{t}', count(*) FROM {t} WHERE deleted_at IS NULL"
        )
        for statement in _count_triggers(t):
            op.execute(statement)


def _journal_on_disk(where: str) -> None:
    """Where SQLite keeps each statement's journal (the pages a statement changes, to undo
    it alone) in the transaction about to write: in memory (the store's setting), the
    FTS5 merges of the rebuild held 900 MB of them at 1,000,000 entries; in a temporary
    file (pages encrypted by SQLCipher), a few MB. Before the transaction's first write
    only; a connection that already has temporary tables keeps its setting."""
    try:
        op.get_bind().exec_driver_sql(f"PRAGMA temp_store = {where}")
    except DBAPIError:
        log.info("temp_store left as it was (temporary tables are open)")


def upgrade() -> None:
    if op.get_bind().dialect.name != "sqlite":
        return
    _journal_on_disk("FILE")
    _add_counts()
    _rebuild(WITH_PREFIX)
    _journal_on_disk("MEMORY")


def downgrade() -> None:
    if op.get_bind().dialect.name != "sqlite":
        return
    _journal_on_disk("FILE")
    _rebuild(WITHOUT_PREFIX)
    _journal_on_disk("MEMORY")
    for t in COUNTED:
        for kind in ("ai", "ad", "au"):
            op.execute(f"DROP TRIGGER {t}_count_{kind}")
    op.execute("DROP TABLE live_counts")
