"""Full-text search: kept current by triggers, hostile input never raises."""

from __future__ import annotations

import re

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from models import services
from models.queries import search
from models.queries.search import fts_query
from models.store import Store
from tests.models.helpers import account, contact, note

HOSTILE = [
    '"',
    '""',
    "'",
    "*",
    "-",
    "- -",
    "NEAR",
    "NEAR(a b)",
    "a OR",
    "AND",
    "NOT x",
    "(",
    ")",
    "((a)",
    "a:b",
    "title:x",
    "^",
    "{a b}",
    "a + b",
    "\\",
    "%",
    "_",
    "😀",
    "   ",
    "",
    "x" * 5000,
    "\x00",
    "col:*",
    '" OR 1=1 --',
]


@pytest.mark.parametrize("text", HOSTILE)
def test_hostile_input_never_raises(store: Store, text: str) -> None:
    a = account(store)
    note(store, a, 'NEAR the border OR something - quoted "text" (parens)')
    assert isinstance(search.search(store, text), list)


def test_search_finds_interactions_accounts_and_contacts(store: Store) -> None:
    a = account(store, "PT Kopi Nusantara", notes="roastery in Bandung")
    c = contact(store, a, "Rina Kusuma", emails=["rina@kopi.example"])
    i = note(store, a, "Diskusi harga biji kopi arabika", subject="Harga")
    hits = {(h.kind, h.id) for h in search.search(store, "kopi")}
    assert {("account", a), ("interaction", i)} <= hits
    assert [(h.kind, h.id) for h in search.search(store, "kusu")] == [("contact", c)]
    assert [h.id for h in search.search(store, "bandung")] == [a]
    assert [h.id for h in search.search(store, "arabika")] == [i]
    hit = search.search(store, "arabika")[0]
    assert "[arabika]" in hit.snippet and hit.account_id == a and hit.title == "Harga"


def test_search_follows_edits_and_deletes(store: Store) -> None:
    a = account(store)
    i = note(store, a, "pineapple")
    with store.write() as uow:
        services.update_interaction(uow, i, body="mango")
    assert search.search(store, "pineapple") == []
    assert [h.id for h in search.search(store, "mango")] == [i]
    with store.write() as uow:
        services.soft_delete(uow, "interaction", i)
    assert search.search(store, "mango") == []
    with store.write() as uow:
        services.put_back(uow, "interaction", i)
        services.soft_delete(uow, "account", a)
    assert search.search(store, "mango") == []


def test_search_within_one_account_and_diacritics(store: Store) -> None:
    a = account(store, "Café Ñandú")
    b = account(store, "Other")
    note(store, a, "résumé sent")
    note(store, b, "resume sent")
    assert len(search.search(store, "resume")) == 2
    assert [h.account_id for h in search.search(store, "resume", account_id=b)] == [b]
    assert [h.id for h in search.search(store, "nandu")] == [a]


def test_fts_query_quotes_every_word() -> None:
    assert fts_query('say "hi" NEAR(x') == '"say" "hi" "NEAR" "x"*'
    assert fts_query("a b", prefix=False) == '"a" "b"'
    assert fts_query("!!! ???") is None


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    text=st.text(min_size=1, max_size=300), word=st.from_regex(r"[A-Za-z0-9]{3,12}", fullmatch=True)
)
def test_any_note_text_round_trips_and_is_found(store: Store, text: str, word: str) -> None:
    a = account(store, "Prop")
    body = f"{text} {word}"
    i = note(store, a, body)
    from models.queries.timeline import interaction

    assert interaction(store, i).body == body  # type: ignore[union-attr]
    hits = [h.id for h in search.search(store, word, account_id=a, limit=1000)]
    assert i in hits
    for w in re.findall(r"\w+", text)[:3]:
        assert isinstance(search.search(store, w), list)
    with store.write() as uow:
        services.soft_delete(uow, "interaction", i)
