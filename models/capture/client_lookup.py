"""Which client a note is about, looked up in the database from the companies it names
(models.capture.mentions), fast at 100,000 clients.

Nothing loads every client: each mention's words are looked up in the client filter's
trigram index (``client_fts``, kept current by triggers) -- the whole mention as a
phrase (which finds every exact and short-form match); only when no mention matched
well, each word; and only when that found nothing, each long word's first and last
four letters, for typos -- and only those candidates are ranked
(models.capture.client.rank_clients).

The first mention with an exact or short-form match names the client; otherwise a
mention with a legal form (or the first line's "Acme — ..." part) names a new client,
offered first, and close spellings follow it.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from sqlalchemy import text
from sqlalchemy.orm import Session

from models.capture.client import (
    ClientMatch,
    is_sure,
    matches_well,
    normalize_company,
    rank_clients,
)
from models.capture.mentions import CompanyMention, find_mentions
from models.store import Store

__all__ = [
    "NOTHING",
    "ClientLookup",
    "fetch_candidates",
    "lookup_client",
    "lookup_name",
    "resolve_client",
]

#: How many clients one index query may return (a common word stops here).
PER_QUERY = 300
#: More clients than this starting with one mentioned word: the word names none of them.
MAX_SHORT_FORMS = 3
#: Mentions looked up per note (legal forms and the first line first).
MAX_MENTIONS = 12

_CANDIDATES = text(
    "SELECT a.id, a.name FROM accounts a JOIN client_docs d ON d.account_id = a.id "
    "WHERE d.docid IN (SELECT rowid FROM client_fts WHERE client_fts MATCH :query "
    "LIMIT :limit) AND a.deleted_at IS NULL"
)

Fetch = Callable[[Sequence[str]], list[tuple[str, str]]]


@dataclass(frozen=True, slots=True)
class ClientLookup:
    """What the note says about its client.

    ``matches`` are best first (exact and short forms before close spellings);
    ``good`` says whether ``matches[0]`` matches well (else "create new" comes
    first); ``sure`` whether it can be taken without asking; ``mention`` is the text
    the matches came from; ``new_name`` the name a new client would get (None when
    the note names no company in a way that can name one).
    """

    mention: str | None
    matches: tuple[ClientMatch, ...]
    good: bool
    sure: bool
    new_name: str | None

    @property
    def best(self) -> ClientMatch | None:
        return self.matches[0] if self.good and self.matches else None


NOTHING = ClientLookup(None, (), False, False, None)


def _phrase(words: Sequence[str]) -> str:
    return '"' + " ".join(words).replace('"', '""') + '"'


def _queries(words: Sequence[str], stage: int) -> list[str]:
    """Index queries for a mention's words: 0 the whole phrase (finds every exact and
    short-form match), 1 each word of several, 2 each long word's ends (typos)."""
    long_words = [w for w in words if len(w) >= 3]
    if stage == 0:
        return [_phrase(words)] if len(" ".join(words)) >= 3 else []
    if stage == 1:
        return [_phrase([w]) for w in long_words] if len(words) > 1 else []
    parts = {w[:4] for w in long_words if len(w) >= 5} | {w[-4:] for w in long_words if len(w) >= 5}
    return [_phrase([p]) for p in sorted(parts)]


def _generic(words: Sequence[str], ranked: Sequence[ClientMatch]) -> bool:
    """A one-word mention that starts many names and is none of them ("Klien", "Bank")."""
    if len(words) != 1 or any(m.score >= 100 for m in ranked):
        return False
    return sum(1 for m in ranked if m.exact) > MAX_SHORT_FORMS


def fetch_candidates(session: Session, queries: Sequence[str]) -> list[tuple[str, str]]:
    """(id, name) of live clients whose index document matches any of ``queries``."""
    found: dict[str, str] = {}
    for query in queries:
        for row in session.execute(_CANDIDATES, {"query": query, "limit": PER_QUERY}):
            found.setdefault(str(row[0]), str(row[1]))
    return list(found.items())


def resolve_client(
    text: str,
    fetch: Fetch,
    *,
    limit: int = 5,
    mentions: Sequence[CompanyMention] | None = None,
) -> ClientLookup:
    """The client ``text`` names, with candidates from ``fetch(index queries)``."""
    found = list(mentions if mentions is not None else find_mentions(text))[:MAX_MENTIONS]
    new_name = next((m.text for m in found if m.can_create), None)
    fuzzy: list[tuple[ClientMatch, str]] = []
    for stage in (0, 1, 2):  # cheap and precise first; the next only when nothing fits
        if stage == 2 and fuzzy:
            break
        for mention in found:
            words = normalize_company(mention.text).split()
            queries = _queries(words, stage)
            if not queries:
                continue
            ranked = rank_clients(mention.text, fetch(queries), PER_QUERY)
            if _generic(words, ranked):
                ranked = [m for m in ranked if not m.exact]  # "Klien": hundreds of names
            matches = ranked[:limit]
            if matches and matches_well(matches[0], mention.text):
                good = [m for m in matches if matches_well(m, mention.text)]
                rest = [m for m in matches if not matches_well(m, mention.text)]
                return ClientLookup(
                    mention.text,
                    tuple([*good, *rest][:limit]),
                    True,
                    is_sure(matches),
                    new_name,
                )
            fuzzy += [(m, mention.text) for m in matches]
    seen: dict[str, ClientMatch] = {}
    for match, _ in sorted(fuzzy, key=lambda f: (-f[0].score, f[0].name.casefold())):
        seen.setdefault(match.account_id, match)
    mention_text = fuzzy[0][1] if fuzzy and new_name is None else new_name
    return ClientLookup(mention_text, tuple(list(seen.values())[:limit]), False, False, new_name)


def lookup_client(
    store: Store,
    text: str,
    *,
    limit: int = 5,
    mentions: Sequence[CompanyMention] | None = None,
) -> ClientLookup:
    """``resolve_client`` against the database (one read transaction); ``mentions`` are
    ``find_mentions(text)`` when the caller has them already."""
    found = list(mentions) if mentions is not None else find_mentions(text)
    if not found:
        return NOTHING
    with store.read() as session:
        return resolve_client(
            text,
            lambda queries: fetch_candidates(session, queries),
            limit=limit,
            mentions=found,
        )


def lookup_name(store: Store, name: str, *, limit: int = 5) -> ClientLookup:
    """The clients a typed name means (the picker's own text): the name is the mention."""
    clean = " ".join(name.split())
    if not clean:
        return NOTHING
    mention = CompanyMention(clean, 0, len(clean), True)
    with store.read() as session:
        return resolve_client(
            clean,
            lambda queries: fetch_candidates(session, queries),
            limit=limit,
            mentions=[mention],
        )
