"""Floors of the in-window scenarios: the same reads and writes in raw SQL on a bare
sqlcipher3 connection (no ORM, no Qt), what the window's figure is compared with."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime
from typing import Any

#: The busiest clients (most live entries), for the selection and note scenarios.
BUSIEST = """SELECT account_id FROM interactions WHERE deleted_at IS NULL
    GROUP BY account_id ORDER BY count(*) DESC LIMIT ?"""

_PAGE = """SELECT id, name, tier, status, industry, cadence_days, last_contact_at,
    next_followup_at FROM accounts WHERE deleted_at IS NULL AND {where}
    ORDER BY name, id LIMIT 100"""
_COUNT = "SELECT count(*) FROM accounts WHERE deleted_at IS NULL AND {where}"


def _like(text: str) -> str:
    return "%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"


def client_filter(conn: Any, text: str) -> None:
    """First page of clients matching ``text`` (the trigram index from three letters on,
    names alone below), and the count when there is more than a page."""
    where, params = "name LIKE ? ESCAPE '\\'", [_like(text)]
    if len(text) >= 3:
        phrase = '"' + text.replace('"', '""') + '"'
        ids = [
            r[0]
            for r in conn.execute(
                "SELECT account_id FROM client_docs WHERE docid IN "
                "(SELECT rowid FROM client_fts WHERE client_fts MATCH ? LIMIT 2001)",
                (phrase,),
            )
        ]
        if len(ids) <= 2000:
            where, params = f"id IN ({','.join('?' * len(ids)) or 'NULL'})", ids
    rows = conn.execute(_PAGE.format(where=where), params).fetchall()
    if len(rows) == 100:
        conn.execute(_COUNT.format(where=where), params).fetchone()


def select_client(conn: Any, account_id: str) -> None:
    """The header card's reads and the first timeline page of one client."""
    conn.execute("SELECT * FROM accounts WHERE id = ?", (account_id,)).fetchone()
    conn.execute(
        "SELECT t.name FROM tags t JOIN account_tags x ON x.tag_id = t.id "
        "WHERE x.account_id = ? ORDER BY t.name",
        (account_id,),
    ).fetchall()
    conn.execute(
        "SELECT * FROM contacts WHERE account_id = ? AND deleted_at IS NULL ORDER BY name",
        (account_id,),
    ).fetchall()
    conn.execute(
        "SELECT * FROM deals WHERE account_id = ? AND deleted_at IS NULL "
        "AND stage NOT IN ('won', 'lost') ORDER BY expected_close, title",
        (account_id,),
    ).fetchall()
    entries = conn.execute(
        "SELECT * FROM interactions WHERE account_id = ? AND deleted_at IS NULL "
        "ORDER BY occurred_at DESC, id DESC LIMIT 50",
        (account_id,),
    ).fetchall()
    ids = [e[0] for e in entries]
    marks = ",".join("?" * len(ids)) or "NULL"
    conn.execute(
        "SELECT x.interaction_id, c.id, c.name FROM interaction_contacts x "
        f"JOIN contacts c ON c.id = x.contact_id WHERE x.interaction_id IN ({marks})",
        ids,
    ).fetchall()
    conn.execute(
        "SELECT * FROM follow_ups WHERE account_id = ? AND deleted_at IS NULL AND done_at IS NULL "
        "ORDER BY coalesce(snoozed_until, due_at) LIMIT 500",
        (account_id,),
    ).fetchall()


def _now() -> str:
    return datetime.now(UTC).replace(tzinfo=None).isoformat(sep=" ")


def save_note(conn: Any, account_id: str) -> None:
    """One entry INSERTed and committed (synchronous=FULL; the schema's triggers run),
    then the first timeline page read again."""
    now = _now()
    conn.execute("BEGIN IMMEDIATE")
    conn.execute(
        "INSERT INTO interactions (id, account_id, kind, occurred_at, subject, body, "
        "body_format, location, outcome, created_at, updated_at) VALUES "
        "(?, ?, 'note', ?, '', 'floor note: kirim proposal besok', 'markdown', '', '', ?, ?)",
        (str(uuid.uuid4()), account_id, now, now, now),
    )
    conn.execute("COMMIT")
    conn.execute(
        "SELECT * FROM interactions WHERE account_id = ? AND deleted_at IS NULL "
        "ORDER BY occurred_at DESC, id DESC LIMIT 50",
        (account_id,),
    ).fetchall()


def search(conn: Any, word: str) -> None:
    """The 50 best full-text matches of ``word`` (a prefix), their documents' ids."""
    conn.execute(
        "SELECT d.kind, d.ref_id FROM search_fts JOIN search_docs d ON d.docid = search_fts.rowid "
        "WHERE search_fts MATCH ? ORDER BY rank LIMIT 50",
        (f'"{word}"*',),
    ).fetchall()


def search_newest(conn: Any, typed: str) -> None:
    """The 50 newest full-text matches of ``typed`` as a prefix (how a word being typed is
    searched), their documents' ids: one FTS5 walk in rowid order, stopped at 50."""
    conn.execute(
        "SELECT d.kind, d.ref_id FROM search_fts JOIN search_docs d ON d.docid = search_fts.rowid "
        "WHERE search_fts MATCH ? ORDER BY search_fts.rowid DESC LIMIT 50",
        (f'"{typed}"*',),
    ).fetchall()


def complete_followup(conn: Any, followup_id: str) -> None:
    """Mark one follow-up done (committed), then read the open ones of every client in
    due order, and those done lately."""
    now = _now()
    conn.execute("BEGIN IMMEDIATE")
    conn.execute(
        "UPDATE follow_ups SET done_at = ?, updated_at = ? WHERE id = ?", (now, now, followup_id)
    )
    conn.execute("COMMIT")
    conn.execute(
        "SELECT f.*, a.name FROM follow_ups f JOIN accounts a ON a.id = f.account_id "
        "WHERE f.deleted_at IS NULL AND a.deleted_at IS NULL AND f.done_at IS NULL "
        "ORDER BY coalesce(f.snoozed_until, f.due_at) LIMIT 500"
    ).fetchall()
    conn.execute(
        "SELECT f.*, a.name FROM follow_ups f JOIN accounts a ON a.id = f.account_id "
        "WHERE f.deleted_at IS NULL AND a.deleted_at IS NULL AND f.done_at >= ? "
        "ORDER BY f.done_at DESC LIMIT 500",
        (now[:10],),
    ).fetchall()
