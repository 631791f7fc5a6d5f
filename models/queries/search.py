"""Full-text search over interactions, accounts and contacts (SQLite FTS5).

User text is never passed to FTS5's query language: it is cut into words and
each word is quoted, so quotes, ``*``, ``-``, ``NEAR`` or unbalanced
parentheses are searched for as text and can never raise a syntax error.
"""

from __future__ import annotations

import re

from sqlalchemy import text

from models.rows import SearchHit
from models.store import Store

_WORD = re.compile(r"\w+", re.UNICODE)

_SEARCH_SQL = text(
    """
    SELECT d.kind, d.ref_id, d.account_id, search_fts.title AS title,
           snippet(search_fts, 1, '[', ']', '…', 12) AS snippet, search_fts.rank AS rank
    FROM search_fts
    JOIN search_docs d ON d.docid = search_fts.rowid
    LEFT JOIN accounts a ON a.id = d.account_id
    LEFT JOIN interactions i ON d.kind = 'interaction' AND i.id = d.ref_id
    LEFT JOIN contacts c ON d.kind = 'contact' AND c.id = d.ref_id
    WHERE search_fts MATCH :query
      AND (d.account_id IS NULL OR a.deleted_at IS NULL)
      AND i.deleted_at IS NULL AND c.deleted_at IS NULL
      AND (:account_id IS NULL OR d.account_id = :account_id)
    ORDER BY search_fts.rank
    LIMIT :limit
    """
)


def fts_query(user_text: str, *, prefix: bool = True) -> str | None:
    """An FTS5 query matching every word of ``user_text`` (the last as a prefix).

    Returns None when the text has no word to search for.
    """
    words = _WORD.findall(user_text)
    if not words:
        return None
    quoted = [f'"{w}"' for w in words]
    if prefix:
        quoted[-1] += "*"
    return " ".join(quoted)


def search(
    store: Store, user_text: str, *, limit: int = 50, account_id: str | None = None
) -> list[SearchHit]:
    """The best ``limit`` live hits for any text a user may type."""
    query = fts_query(user_text)
    if query is None:
        return []
    with store.read() as s:
        rows = s.execute(
            _SEARCH_SQL, {"query": query, "limit": limit, "account_id": account_id}
        ).all()
    return [
        SearchHit(
            kind=r.kind,
            id=r.ref_id,
            account_id=r.account_id,
            title=r.title or "",
            snippet=r.snippet or "",
            rank=float(r.rank),
        )
        for r in rows
    ]
