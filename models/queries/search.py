"""Full-text search over everything: notes, clients, contacts, deals and follow-ups (FTS5).

User text is never passed to FTS5's query language: it is cut into words and each word
is quoted, so quotes, ``*``, ``-``, ``NEAR``, ``AND``/``OR``/``NOT``, column filters or
unbalanced parentheses are searched for as text and can never raise a syntax error. A
phone number typed in any form (``0812 3456 7890``, ``+62 812-3456-7890``) also finds
the number as stored (E.164).

Speed (measured by bench/search.py on 1,000,000 notes): the ordering and the LIMIT run
first, over the FTS table alone; the joins (the owning client, Trash) and the snippets
only for the rows shown. Two FTS5 costs grow with the notes and are avoided:

- bm25 reads the whole index entry of every word searched (to weigh rare words up), so
  it is used only for complete words each in fewer than :data:`RANK_CAP` documents;
  a common word lists titles (names, subjects) first, then the newest first; several
  words with a common one, newest first: each walk stops at the limit.
- a prefix (``meet*``, the last word while it is typed) comes newest first. The index
  holds every word's first 3 and 4 letters (migration 0019, ``prefix='3 4'``): such a
  prefix is one list, walked newest first to the limit. A longer one ("propo") would
  make FTS5 merge the lists of every word it starts ("proposal": most of the notes)
  before the first hit: the newest documents its first 4 letters start a word of are
  looked at instead, :data:`PREFIX_WINDOW` at a time, and the whole query is matched
  on those alone (:func:`_longer_prefix`); the merge only after :data:`PREFIX_WINDOWS`
  windows. When the last word as typed is a common word already (``meeting``), it is
  searched as that word, not as a prefix.
"""

from __future__ import annotations

import json
import re
from typing import Any

from sqlalchemy import text

from models.rows import SearchHit
from models.store import Store
from models.validation import DEFAULT_REGION

_WORD = re.compile(r"\w+", re.UNICODE)
_PHONE_LIKE = re.compile(r"\+?\(?[0-9][0-9 ().\-/]*")
#: At most this many words of the typed text are searched for (a pasted page is not
#: a query; every word narrows the hits, so the first ones decide anyway).
MAX_WORDS = 16
#: A last word shorter than this is searched for as a word, not as the start of words:
#: FTS5 merges the lists of every word a prefix starts (measured at 20,000 notes: "p*"
#: 32 ms and "pr*" 18 ms, "pro*" 0.8 ms; it grows with the notes).
MIN_PREFIX = 3
#: The longest prefix the index holds (migration 0019: ``prefix='3 4'``).
INDEXED_PREFIX = 4
#: A longer prefix is matched among this many of the newest documents its first
#: :data:`INDEXED_PREFIX` letters start a word of at a time, in at most
#: :data:`PREFIX_WINDOWS` windows; then the index merges the words it starts.
PREFIX_WINDOW = 400
PREFIX_WINDOWS = 3
#: A word in this many documents or more is common: no bm25 (hits come titles first,
#: then newest first), and as the last word it is not expanded as a prefix.
RANK_CAP = 1_000
#: At most this many words have their documents counted (each count stops at RANK_CAP).
COUNTED_WORDS = 4
#: Highlight marks inside snippets (private-use characters; stripped from the text).
OPEN, CLOSE = "\ue000", "\ue001"
#: The kinds in the order a grouped result lists them.
KINDS = ("account", "contact", "deal", "followup", "interaction")

_COUNT = text(
    "SELECT count(*) FROM (SELECT 1 FROM search_fts WHERE search_fts MATCH :q LIMIT :cap)"
)
_RANKED = text(
    """SELECT rowid FROM search_fts WHERE search_fts MATCH :q
    ORDER BY bm25(search_fts, 4.0, 1.0) LIMIT :n"""
)
_NEWEST = text(
    "SELECT rowid FROM search_fts WHERE search_fts MATCH :q ORDER BY rowid DESC LIMIT :n"
)
#: The newest matches before rowid :before (FTS5 starts its walk there).
_NEWEST_BEFORE = text(
    """SELECT rowid FROM search_fts WHERE search_fts MATCH :q AND rowid < :before
    ORDER BY rowid DESC LIMIT :n"""
)
_NEWEST_IN_ACCOUNT = text(
    """SELECT f.rowid FROM search_fts f JOIN search_docs d ON d.docid = f.rowid
    WHERE search_fts MATCH :q AND d.account_id = :account_id
    ORDER BY f.rowid DESC LIMIT :n"""
)
#: Only some kinds (the palette's contacts and deals): the first :window matches in the
#: search's order, those of the kinds asked for. Bounded: a word in half a million notes
#: and no contact costs :window lookups, not half a million.
_OF_KINDS = {
    order: text(
        f"""SELECT d.docid FROM (
            SELECT rowid AS docid, {score} AS score FROM search_fts
            WHERE search_fts MATCH :q ORDER BY {by} LIMIT :window) f
        JOIN search_docs d ON d.docid = f.docid
        WHERE d.kind IN (SELECT value FROM json_each(:kinds))
        ORDER BY f.score LIMIT :n"""
    )
    for order, score, by in (
        # rowid order is the index's own: the walk stops after :window matches
        ("newest", "-rowid", "rowid DESC"),
        ("rank", "bm25(search_fts, 4.0, 1.0)", "score"),
    )
}
#: (Names and titles are looked at first, so a name common in the text of recent notes,
#: "budi", still finds its contacts; 5,000 keeps one keystroke near 100 ms under load.)
KIND_WINDOW = 5_000
#: The same for names and titles alone, looked at first: far fewer documents hold a word
#: in their title (at 1,000,000 notes "budi" is in 17,663 titles, with follow-ups and
#: subjects newer than the contacts; the whole walk takes 14 ms there).
TITLE_WINDOW = 20_000
_IN_ACCOUNT = text(
    """SELECT f.rowid FROM search_fts f JOIN search_docs d ON d.docid = f.rowid
    WHERE search_fts MATCH :q AND d.account_id = :account_id
    ORDER BY bm25(search_fts, 4.0, 1.0) LIMIT :n"""
)
#: Which candidates are live (not in Trash, nor their client), with their client's name.
_LIVE = text(
    """SELECT d.docid, d.kind, d.ref_id, d.account_id, coalesce(a.name, '') AS client
    FROM search_docs d
    LEFT JOIN accounts a ON a.id = d.account_id
    LEFT JOIN interactions i ON d.kind = 'interaction' AND i.id = d.ref_id
    LEFT JOIN contacts c ON d.kind = 'contact' AND c.id = d.ref_id
    LEFT JOIN deals dl ON d.kind = 'deal' AND dl.id = d.ref_id
    LEFT JOIN follow_ups fu ON d.kind = 'followup' AND fu.id = d.ref_id
    WHERE d.docid IN (SELECT value FROM json_each(:ids))
      AND (d.account_id IS NULL OR a.deleted_at IS NULL)
      AND i.deleted_at IS NULL AND c.deleted_at IS NULL
      AND dl.deleted_at IS NULL AND fu.deleted_at IS NULL"""
)
# Snippets: FTS5's snippet() needs a MATCH, and a MATCH restricted to a few scattered
# rowids still reads a common word's whole doclist (about 1 ms per row at 20,000 notes).
# So the rows shown are copied into a small FTS5 table in the connection's temporary
# schema (in memory; its rows gone when the read transaction rolls back) and matched
# there: the same tokenizer and snippet(), at a cost that depends on the rows shown only.
# The table itself is made once per connection outside any transaction
# (:func:`_shown_table`): made inside the read transaction, the rollback undid a change of
# schema, and SQLite then read the whole schema again at the next statement (about
# 2.4 ms of CPU per search at 1,000,000 entries).
_SHOWN_TABLE = text(
    """CREATE VIRTUAL TABLE IF NOT EXISTS temp.search_shown
    USING fts5(title, body, tokenize = 'unicode61 remove_diacritics 2')"""
)
_SHOWN_FILL = (
    text("DELETE FROM temp.search_shown"),
    text(
        """INSERT INTO temp.search_shown(rowid, title, body)
        SELECT rowid, title, body FROM main.search_fts
        WHERE rowid IN (SELECT value FROM json_each(:ids))"""
    ),
)
_SHOWN_MATCHING = text(
    "SELECT rowid FROM temp.search_shown WHERE search_shown MATCH :q ORDER BY rowid DESC"
)
_SNIPPETS = text(
    f"""SELECT rowid, highlight(search_shown, 0, '{OPEN}', '{CLOSE}'),
           snippet(search_shown, 1, '{OPEN}', '{CLOSE}', '…', 16)
    FROM temp.search_shown WHERE search_shown MATCH :q"""
)


def _quoted(word: str) -> str:
    return '"' + word.replace('"', '""') + '"'


def phone_variants(user_text: str, region: str = DEFAULT_REGION) -> list[str]:
    """The digits a phone number typed as ``user_text`` has in E.164 (without the +),
    as a prefix: ``0812 345`` -> ``62812345``. Empty when the text is not a number."""
    stripped = user_text.strip()
    if not _PHONE_LIKE.fullmatch(stripped):
        return []
    digits = "".join(ch for ch in stripped if ch in "0123456789")
    if len(digits) < 4:
        return []
    if stripped.startswith("+"):
        return [digits]
    if digits.startswith("00"):
        return [digits[2:]]
    import phonenumbers  # on first use: a heavy import the window does not need at start

    code = str(phonenumbers.country_code_for_region(region))
    if digits.startswith("0"):
        return [code + digits[1:]]
    return [digits, code + digits] if not digits.startswith(code) else [digits]


def fts_query(user_text: str, *, prefix: bool = True) -> str | None:
    """An FTS5 query matching every word of ``user_text`` (the last as a prefix when it
    has :data:`MIN_PREFIX` characters or more and no space follows it), or the phone
    number it may be.
    Returns None when the text has no word to search for."""
    words = _WORD.findall(user_text.replace("\x00", " "))[:MAX_WORDS]
    if not words:
        return None
    quoted = [_quoted(w) for w in words]
    typing = not user_text[-1:].isspace()  # a space after the last word: it is complete
    if prefix and typing and len(words[-1]) >= MIN_PREFIX:
        quoted[-1] += "*"
    query = " ".join(quoted)
    phones = phone_variants(user_text)
    if phones:
        query = f"({query}) OR " + " OR ".join(f"({_quoted(p)}*)" for p in phones)
    return query


def narrowed_query(user_text: str) -> str | None:
    """The FTS5 query of ``user_text`` with its last word, a prefix longer than the index
    holds, cut to the first :data:`INDEXED_PREFIX` letters (it matches all the query
    matches, and more); None when the last word is not such a prefix, or the text may be
    a phone number."""
    words = _WORD.findall(user_text.replace("\x00", " "))[:MAX_WORDS]
    if not words or user_text[-1:].isspace() or len(words[-1]) <= INDEXED_PREFIX:
        return None
    if phone_variants(user_text):
        return None
    quoted = [_quoted(w) for w in words]
    quoted[-1] = _quoted(words[-1][:INDEXED_PREFIX]) + "*"
    return " ".join(quoted)


def _marked(snippet: str) -> tuple[str, tuple[tuple[int, int], ...]]:
    """The snippet's text without the highlight marks, and the marked (start, length)."""
    plain: list[str] = []
    spans: list[tuple[int, int]] = []
    start = -1
    at = 0
    for ch in snippet:
        if ch == OPEN:
            start = at
        elif ch == CLOSE:
            if start >= 0 and at > start:
                spans.append((start, at - start))
            start = -1
        else:
            plain.append(ch)
            at += 1
    text = "".join(plain)
    # The document joins its fields with spaces (empty ones leave them at the ends).
    lead, text = len(text) - len(text.lstrip()), text.strip()
    kept = [(start - lead, length) for start, length in spans if start >= lead]
    return text, tuple((start, min(length, len(text) - start)) for start, length in kept)


def _readable(kind: str, snippet: str) -> str:
    """A contact's e-mails and phones are stored as JSON lists: show them as a list."""
    if kind != "contact":
        return snippet
    return snippet.replace('", "', ", ").replace('["', "").replace('"]', "").replace("[]", "")


def _count(s: Any, query: str) -> int:
    """How many documents match ``query``, counted up to :data:`RANK_CAP`."""
    return int(s.execute(_COUNT, {"q": query, "cap": RANK_CAP}).scalar_one())


def plan(s: Any, user_text: str) -> tuple[str, str] | None:
    """The FTS5 query to run for ``user_text`` and the order of its hits: "rank" (bm25),
    "titles" (titles first, then newest first) or "newest"; None when there is no word
    to search for."""
    full = fts_query(user_text)
    if full is None:
        return None
    exact = fts_query(user_text, prefix=False)
    assert exact is not None
    words = _WORD.findall(user_text.replace("\x00", " "))[:MAX_WORDS]
    if full != exact:
        if _count(s, exact) >= RANK_CAP:  # the last word is a common word already
            return exact, "titles" if len(words) == 1 else "newest"
        # A prefix: its merge is the cost of any order; bm25 would read it twice more,
        # and a titles-first pass once more. Newest first, stopping at the limit.
        return full, "newest"
    if len(words) == 1:
        return full, "titles" if _count(s, full) >= RANK_CAP else "rank"
    common = any(_count(s, _quoted(w)) >= RANK_CAP for w in words[:COUNTED_WORDS])
    # Several words: titles holding them all are rare, and looking for them walks every
    # match; newest first.
    return full, "newest" if common or len(words) > COUNTED_WORDS else "rank"


def _longer_prefix(s: Any, query: str, narrowed: str, n: int) -> list[int] | None:
    """The newest ``n`` documents matching ``query``, found among the newest documents
    matching ``narrowed`` (its last word cut to a prefix the index holds), matched again
    in the temporary table a window at a time; None after :data:`PREFIX_WINDOWS` windows
    without ``n`` of them."""
    s.execute(_SHOWN_TABLE)
    found: list[int] = []
    before: int | None = None
    for _ in range(PREFIX_WINDOWS):
        params = {"q": narrowed, "n": PREFIX_WINDOW, "before": before}
        by = _NEWEST if before is None else _NEWEST_BEFORE
        window = [int(r[0]) for r in s.execute(by, params)]
        for statement in _SHOWN_FILL:
            s.execute(statement, {"ids": json.dumps(window)})
        found += [int(r[0]) for r in s.execute(_SHOWN_MATCHING, {"q": query})]
        if len(found) >= n or len(window) < PREFIX_WINDOW:
            return found[:n]
        before = window[-1]
    return None


def _candidates(
    s: Any,
    query: str,
    n: int,
    account_id: str | None,
    kinds: tuple[str, ...],
    order: str,
    narrowed: str | None = None,
) -> list[int]:
    newest = order != "rank"
    if narrowed is not None and not kinds and account_id is None and order == "newest":
        ids = _longer_prefix(s, query, narrowed, n)
        if ids is not None:
            return ids
    if kinds:
        # Names and titles first (a contact's name, a deal's title): a name common in
        # notes' text ("budi" at a million notes) would fill the window with notes and
        # leave out the contacts; then the documents' other words (e-mails, phones).
        by = _OF_KINDS["newest" if newest else "rank"]
        params = {"q": query, "n": n, "kinds": json.dumps(kinds), "window": KIND_WINDOW}
        in_titles = {**params, "q": f"{{title}} : ({query})", "window": TITLE_WINDOW}
        titled = [int(r[0]) for r in s.execute(by, in_titles)]
        if len(titled) >= n:
            return titled
        rest = [int(r[0]) for r in s.execute(by, params)]
        return list(dict.fromkeys([*titled, *rest]))[:n]
    elif account_id is not None:
        by = _NEWEST_IN_ACCOUNT if newest else _IN_ACCOUNT
        rows = s.execute(by, {"q": query, "n": n, "account_id": account_id})
    elif order == "titles":  # names and subjects first, then the rest, each newest first
        titles = [int(r[0]) for r in s.execute(_NEWEST, {"q": f"{{title}} : ({query})", "n": n})]
        rest = [int(r[0]) for r in s.execute(_NEWEST, {"q": query, "n": n})]
        return list(dict.fromkeys([*titles, *rest]))[:n]
    else:
        rows = s.execute(_NEWEST if newest else _RANKED, {"q": query, "n": n})
    return [int(r[0]) for r in rows]


def _live(
    s: Any,
    query: str,
    order: str,
    limit: int,
    account_id: str | None,
    kinds: tuple[str, ...],
    narrowed: str | None = None,
) -> tuple[list[int], dict[int, Any]]:
    """The first ``limit`` live candidates in order, and their search_docs rows."""
    n = limit + 16
    while True:
        ids = _candidates(s, query, n, account_id, kinds, order, narrowed)
        docs = {r.docid: r for r in s.execute(_LIVE, {"ids": json.dumps(ids)})}
        if len(docs) >= limit or len(ids) < n:
            break
        n *= 4  # some were in Trash: look further
    shown = [docid for docid in ids if docid in docs][:limit]
    return shown, docs


def _shown_table(store: Store) -> None:
    """Make the snippets' temporary table on the connection the next read will most likely
    use (the pool hands out its most recent one), in autocommit. A read that gets another
    connection makes it inside its transaction, as a fallback (IF NOT EXISTS)."""
    with store.engine.connect() as conn:  # nothing executed through it: no BEGIN
        if conn.info.get("search_shown"):
            return
        raw = conn.connection.driver_connection
        assert raw is not None
        raw.execute(str(_SHOWN_TABLE))
        conn.info["search_shown"] = True


def search(
    store: Store,
    user_text: str,
    *,
    limit: int = 50,
    account_id: str | None = None,
    kinds: tuple[str, ...] = (),
) -> list[SearchHit]:
    """The best ``limit`` live hits for any text a user may type (by bm25, or titles
    first and then newest first when a word is common: see :func:`plan`), of one
    client's only with ``account_id``, of the given ``kinds`` only (:data:`KINDS`)."""
    if limit <= 0:
        return []
    _shown_table(store)
    with store.read() as s:
        planned = plan(s, user_text)
        if planned is None:
            return []
        query, order = planned
        narrowed = narrowed_query(user_text) if query == fts_query(user_text) else None
        shown, docs = _live(s, query, order, limit, account_id, kinds, narrowed)
        if not shown:
            return []
        s.execute(_SHOWN_TABLE)
        for statement in _SHOWN_FILL:
            s.execute(statement, {"ids": json.dumps(shown)})
        texts = {r[0]: (r[1], r[2]) for r in s.execute(_SNIPPETS, {"q": query})}
    hits: list[SearchHit] = []
    for position, docid in enumerate(shown):
        doc = docs[docid]
        title, snippet = texts.get(docid, ("", ""))
        title_text, title_spans = _marked(title or "")
        plain, spans = _marked(_readable(doc.kind, snippet or ""))
        hits.append(
            SearchHit(
                kind=doc.kind,
                id=doc.ref_id,
                account_id=doc.account_id,
                client=doc.client,
                title=title_text,
                snippet=plain,
                spans=spans,
                title_spans=title_spans,
                rank=float(position),
            )
        )
    return hits


def grouped(hits: list[SearchHit]) -> list[tuple[str, list[SearchHit]]]:
    """The hits by kind (clients, contacts, deals, follow-ups, notes), each in its order."""
    by_kind: dict[str, list[SearchHit]] = {}
    for hit in hits:
        by_kind.setdefault(hit.kind, []).append(hit)
    return [(kind, by_kind[kind]) for kind in KINDS if kind in by_kind]


_NEWER = text(
    """SELECT count(*) FROM interactions n, interactions e
    WHERE e.id = :id AND e.deleted_at IS NULL AND n.account_id = e.account_id
      AND n.deleted_at IS NULL
      AND (n.occurred_at > e.occurred_at OR (n.occurred_at = e.occurred_at AND n.id > e.id))"""
)


def entries_before(store: Store, interaction_id: str) -> int:
    """How many of its client's live entries the timeline lists before this one (newest
    first), so the window can load that many and select it."""
    with store.read() as s:
        return int(s.execute(_NEWER, {"id": interaction_id}).scalar_one())
