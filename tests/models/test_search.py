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

#: The notes every hostile query runs against.
CORPUS = {
    "near": 'NEAR the border OR something - quoted "text" (parens)',
    "and": "Tom AND Jerry: col widths, title x",
    "emoji": "party 😀 tonight, 100% sure, snake_case_name",
    "sql": "' OR 1=1 -- injection attempt",
}

#: (user text, the notes it must find). Every word is searched for as text, never read
#: as FTS5 syntax (operators, column filters, wildcards, phrases) nor as SQL.
HOSTILE: list[tuple[str, set[str]]] = [
    ('"', set()),
    ('""', set()),
    ("'", set()),
    ("*", set()),
    ("-", set()),
    ("- -", set()),
    ("(", set()),
    (")", set()),
    ("^", set()),
    ("\\", set()),
    ("%", set()),
    ("_", set()),
    ("😀", set()),  # not a word: emoji are not indexed
    ("   ", set()),
    ("", set()),
    ("\x00", set()),
    ("x" * 5000, set()),
    ("NEAR", {"near"}),  # the word, not the operator
    ("NEAR(", {"near"}),
    ("NEAR(border", {"near"}),
    ("NEAR(a b)", set()),  # no note has the words "a" and "b"
    ("AND", {"and"}),
    ("tom AND", {"and"}),
    ("OR", {"near", "sql"}),
    ("jerry OR border", set()),  # OR is a word here: no note has all three
    ("a OR", set()),
    ("NOT x", set()),
    ("((a)", set()),  # the word "a" (too short to be a prefix), in no note
    ("((att", {"sql"}),  # a prefix of three letters or more: attempt
    ("{a b}", set()),
    ("a + b", set()),
    ("a:b", set()),
    ("title:x", {"and"}),  # not a column filter: the words title and x
    ("col:*", {"and"}),
    ("bord*er", set()),  # no wildcard inside a word
    ('"quoted text', {"near"}),  # unbalanced quote
    ('text" "quoted', {"near"}),
    ("party 😀", {"emoji"}),
    ("100%", {"emoji"}),
    ("snake_case", {"emoji"}),
    ('" OR 1=1 --', {"sql"}),  # SQL in the text is searched for, not run
]


@pytest.fixture
def corpus(store: Store) -> dict[str, str]:
    a = account(store)
    return {name: note(store, a, body) for name, body in CORPUS.items()}


@pytest.mark.parametrize(("text", "expected"), HOSTILE, ids=lambda v: repr(v)[:20])
def test_hostile_input_finds_the_right_notes(
    store: Store, corpus: dict[str, str], text: str, expected: set[str]
) -> None:
    hits = search.search(store, text)
    by_id = {v: k for k, v in corpus.items()}
    assert all(h.kind == "interaction" for h in hits)
    assert sorted(by_id[h.id] for h in hits) == sorted(expected)
    for hit in hits:  # the snippet marks each searched word found in the note
        body = CORPUS[by_id[hit.id]]
        assert hit.spans and hit.snippet.strip() == body


def test_hostile_input_snippets_mark_the_words(store: Store, corpus: dict[str, str]) -> None:
    (hit,) = search.search(store, "NEAR(border")
    assert hit.marked.strip() == '[NEAR] the [border] OR something - quoted "text" (parens)'
    (hit,) = search.search(store, "title:x")
    assert hit.marked.strip() == "Tom AND Jerry: col widths, [title] [x]"
    (hit,) = search.search(store, '" OR 1=1 --')
    assert hit.id == corpus["sql"] and hit.marked.strip() == "' [OR] [1]=[1] -- injection attempt"


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
    assert "[arabika]" in hit.marked and hit.account_id == a and hit.title == "Harga"


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
    assert fts_query('say "hi" NEAR(x') == '"say" "hi" "NEAR" "x"'  # "x": a word
    assert fts_query('say "hi" NEAR(xyz') == '"say" "hi" "NEAR" "xyz"*'
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
        found = {h.id for h in search.search(store, w, account_id=a, limit=1000)}
        assert found <= {i, a}  # only this client and its note, whatever the word
        if w.isascii() and w.isalnum() and w in body.split():
            assert i in found  # a plain word of the note finds it
    with store.write() as uow:
        services.soft_delete(uow, "interaction", i)


def test_the_snippet_table_is_made_once_outside_a_transaction(store: Store) -> None:
    """The snippets' temporary table outlives the read (made in autocommit: a table made
    and rolled back in each read made SQLite read the whole schema again), its rows not."""
    client = account(store, "PT Tabel")
    note(store, client, "kontrak tahunan")
    assert [h.snippet for h in search.search(store, "kontrak")] == ["kontrak tahunan"]
    with store.engine.connect() as conn:
        assert conn.info.get("search_shown") is True
        tables = conn.exec_driver_sql("SELECT name FROM sqlite_temp_master").scalars().all()
        assert "search_shown" in tables
        assert conn.exec_driver_sql("SELECT count(*) FROM temp.search_shown").scalar() == 0
    assert [h.snippet for h in search.search(store, "tahun")] == ["kontrak tahunan"]
