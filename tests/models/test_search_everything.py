"""Search over everything (issue 13): notes and their subjects, clients, contacts (names,
e-mails, phones in any form), deals and follow-ups; Trash never shows; hits grouped by
kind; the ranking and the LIMIT first, so a common word stops early; hostile text never
raises."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from models import services
from models.clock import FixedClock
from models.queries import search as search_module
from models.queries.search import entries_before, fts_query, grouped, phone_variants, search
from models.store import Store, open_store
from tests.models.helpers import account, contact, note


@pytest.fixture
def book(store: Store, clock: FixedClock) -> dict[str, str]:
    """One of each kind, each with a word of its own."""
    now = clock.now()
    ids: dict[str, str] = {}
    ids["maju"] = account(store, "PT Maju Jaya", notes="distributor in Surabaya")
    ids["other"] = account(store, "CV Lain Lagi")
    ids["budi"] = contact(
        store,
        ids["maju"],
        "Budi Santoso",
        emails=["budi.santoso@majujaya.co.id"],
        phones=["0812-3456-7890"],
    )
    ids["note"] = note(
        store, ids["maju"], "Kirim penawaran paket enterprise", subject="Kunjungan gudang"
    )
    with store.write() as uow:
        ids["deal"] = services.create_deal(
            uow, ids["maju"], "Lisensi armada 2027", notes="termasuk modul telematika"
        )
        ids["fu"] = services.create_followup(
            uow, ids["maju"], "Hubungi bagian procurement", now + timedelta(days=2),
            notes="tanyakan nomor PO",
        )  # fmt: skip
    return ids


@pytest.mark.parametrize(
    ("typed", "kind", "key"),
    [
        ("penawaran", "interaction", "note"),  # a word of a note's body
        ("gudang", "interaction", "note"),  # of its subject
        ("surabaya", "account", "maju"),  # a client's notes
        ("maju jaya", "account", "maju"),  # a client's name
        ("santoso", "contact", "budi"),  # a contact's name
        ("budi.santoso@majujaya.co.id", "contact", "budi"),  # an e-mail as typed
        ("majujaya", "contact", "budi"),  # a word of an e-mail
        ("armada", "deal", "deal"),  # a deal's title
        ("telematika", "deal", "deal"),  # a deal's notes
        ("procurement", "followup", "fu"),  # a follow-up's title
        ("nomor PO", "followup", "fu"),  # a follow-up's notes
    ],
)
def test_every_kind_is_found_by_its_words(
    store: Store, book: dict[str, str], typed: str, kind: str, key: str
) -> None:
    hits = search(store, typed)
    assert (kind, book[key]) in [(h.kind, h.id) for h in hits]
    hit = next(h for h in hits if h.id == book[key])
    assert hit.client == "PT Maju Jaya" and hit.account_id == book["maju"]
    assert hit.spans or hit.title_spans, hit  # the words found are marked
    for text, spans in ((hit.snippet, hit.spans), (hit.title, hit.title_spans)):
        for start, length in spans:
            assert text[start : start + length].strip()
    assert "[" in hit.marked + hit.marked_title


@pytest.mark.parametrize(
    "typed",
    [
        "0812-3456-7890",
        "081234567890",
        "0812 3456 7890",
        "+62 812 3456 7890",
        "+6281234567890",
        "6281234567890",
        "812 3456 7890",
        "0062 812 3456 7890",
        "0812 3456",  # the start of the number
        "(0812) 3456-78",
    ],
)
def test_a_phone_typed_in_any_form_finds_the_contact(
    store: Store, book: dict[str, str], typed: str
) -> None:
    assert [(h.kind, h.id) for h in search(store, typed)] == [("contact", book["budi"])]


def test_a_phone_that_differs_finds_nothing(store: Store, book: dict[str, str]) -> None:
    assert search(store, "0812 3456 7891") == []
    assert search(store, "0813 3456 7890") == []
    assert phone_variants("hello 0812") == [] and phone_variants("12") == []
    assert phone_variants("+1 (415) 555") == ["1415555"]


def test_snippets_read_as_text_not_json(store: Store, book: dict[str, str]) -> None:
    (hit,) = search(store, "budi.santoso@majujaya.co.id")
    assert '["' not in hit.snippet and "budi.santoso@majujaya.co.id" in hit.snippet
    assert hit.marked.count("[") == len(hit.spans)


@pytest.mark.parametrize("kind", ["interaction", "contact", "deal", "followup", "account"])
def test_rows_in_trash_never_appear(store: Store, book: dict[str, str], kind: str) -> None:
    key = {"interaction": "note", "contact": "budi", "deal": "deal", "followup": "fu"}.get(
        kind, "maju"
    )
    word = {"note": "penawaran", "budi": "santoso", "deal": "armada", "fu": "procurement"}.get(
        key, "surabaya"
    )
    assert book[key] in {h.id for h in search(store, word)}
    with store.write() as uow:
        services.soft_delete(uow, kind, book[key])
    assert book[key] not in {h.id for h in search(store, word)}
    with store.write() as uow:
        services.put_back(uow, kind, book[key])
    assert book[key] in {h.id for h in search(store, word)}


def test_a_client_in_trash_hides_everything_of_it(store: Store, book: dict[str, str]) -> None:
    with store.write() as uow:
        services.soft_delete(uow, "account", book["maju"])
    for word in ("penawaran", "santoso", "armada", "procurement", "maju"):
        assert search(store, word) == [], word


def test_hits_are_grouped_by_kind(store: Store, book: dict[str, str]) -> None:
    a = book["maju"]
    note(store, a, "Meeting di kantor Maju")
    with store.write() as uow:
        services.create_deal(uow, a, "Maju renewal")
    groups = grouped(search(store, "maju"))
    assert [kind for kind, _ in groups] == ["account", "contact", "deal", "interaction"]
    assert all(h.kind == kind for kind, hits in groups for h in hits)
    assert sum(len(hits) for _, hits in groups) == len(search(store, "maju"))


def test_edits_to_deals_and_followups_are_searched(store: Store, book: dict[str, str]) -> None:
    with store.write() as uow:
        services.update_deal(uow, book["deal"], title="Fleet licence")
        services.update_followup(uow, book["fu"], notes="ask for the quote")
    assert search(store, "armada") == []
    assert [h.id for h in search(store, "fleet")] == [book["deal"]]
    assert [h.id for h in search(store, "quote")] == [book["fu"]]
    assert search(store, "nomor") == []


def test_only_some_kinds(store: Store, book: dict[str, str]) -> None:
    a = book["maju"]
    note(store, a, "Budi bilang budget sudah disetujui")
    hits = search(store, "budi", kinds=("contact", "deal"))
    assert [(h.kind, h.id) for h in hits] == [("contact", book["budi"])]
    assert {h.kind for h in search(store, "budi")} == {"contact", "interaction"}


def test_kinds_find_names_a_crowd_of_newer_notes_also_holds(
    store: Store, book: dict[str, str], monkeypatch: pytest.MonkeyPatch
) -> None:
    # The palette's contacts and deals: the window of matches it looks at is bounded
    # (KIND_WINDOW); twelve newer notes saying "Budi" would fill a window of ten.
    monkeypatch.setattr(search_module, "KIND_WINDOW", 10)
    monkeypatch.setattr(search_module, "TITLE_WINDOW", 10)
    a = book["maju"]
    for i in range(12):
        note(store, a, f"Budi minta revisi harga nomor {i}")
    # and newer titles naming him too, but fewer than the titles' window
    for i in range(6):
        note(store, a, "sudah dibahas", subject=f"Telepon Budi {i}")
    hits = search(store, "budi", kinds=("contact", "deal"))
    assert [(h.kind, h.id) for h in hits] == [("contact", book["budi"])]
    # and still found by words that are not its name (its e-mail address)
    assert [h.id for h in search(store, "majujaya", kinds=("contact",))] == [book["budi"]]


def test_a_common_word_lists_the_newest_first(
    store: Store, clock: FixedClock, monkeypatch: pytest.MonkeyPatch
) -> None:
    a = account(store, "Ramai")
    ids = [note(store, a, f"meeting number {i}") for i in range(12)]
    monkeypatch.setattr(search_module, "RANK_CAP", 5)  # "meeting" is now a common word
    assert [h.id for h in search(store, "meeting", limit=4)] == ids[::-1][:4]
    assert [h.rank for h in search(store, "meeting", limit=3)] == [0.0, 1.0, 2.0]


def test_a_rare_complete_word_is_ranked_a_prefix_lists_the_newest_first(store: Store) -> None:
    a = account(store, "Ranking")
    title = note(store, a, "nothing here", subject="Pricing")  # in the title: weighs more
    once = note(store, a, "pricing was mentioned once among many other words of a long note")
    # A space after the word: the word is complete, ranked by bm25 (title first).
    assert [h.id for h in search(store, "pricing ")] == [title, once]
    # Still typing: a prefix (pricing, prices...), newest first (no bm25 over its merge).
    assert [h.id for h in search(store, "pric")] == [once, title]
    assert fts_query("pricing ") == '"pricing"' and fts_query("pricing") == '"pricing"*'


def test_trash_among_the_first_candidates_still_fills_the_limit(store: Store) -> None:
    a = account(store, "Sampah")
    keep = [note(store, a, f"invoice {i}") for i in range(5)]
    gone = [note(store, a, f"invoice newer {i}") for i in range(40)]
    with store.write() as uow:
        for id_ in gone:
            services.soft_delete(uow, "interaction", id_)
    assert {h.id for h in search(store, "invoice", limit=5)} == set(keep)


def test_entries_before_counts_the_newer_entries_of_the_client(
    store: Store, clock: FixedClock
) -> None:
    a, b = account(store, "A"), account(store, "B")
    now = clock.now()
    old = note(store, a, "old", at=now - timedelta(days=3))
    mid = note(store, a, "mid", at=now - timedelta(days=2))
    note(store, a, "new", at=now - timedelta(days=1))
    note(store, b, "other client", at=now)
    gone = note(store, a, "deleted", at=now)
    with store.write() as uow:
        services.soft_delete(uow, "interaction", gone)
    assert (entries_before(store, old), entries_before(store, mid)) == (2, 1)


def test_a_limit_of_zero_or_no_words_finds_nothing(store: Store, book: dict[str, str]) -> None:
    assert search(store, "santoso", limit=0) == []
    assert search(store, "!!! ???") == []


#: Text no user should be able to break the search with (tests/hostile_cases.md).
HOSTILE = [
    '"',
    '"unbalanced',
    "*",
    "-",
    "- santoso",
    "NEAR",
    "NEAR(a b, 2)",
    "AND",
    "OR",
    "NOT",
    "a AND b OR NOT c",
    "(",
    "((santoso)",
    "title:santoso",
    "body:x",
    "{title body}: x",
    "^santoso",
    "santoso*",
    "+",
    "++628",
    "\x00",
    "santoso\x00budi",
    "\u202e\u200b",
    "日本語 テスト",
    "Ünïcödé",
    "x" * 10_000,
    "santoso " * 2_000,
    "0" * 40,
    "'; DROP TABLE contacts; --",
]


FIND_BUDI = {"- santoso", "++628", "((santoso)", "^santoso", "santoso*", "santoso " * 2_000,
             "santoso\x00budi"}  # fmt: skip


@pytest.mark.parametrize("typed", HOSTILE, ids=lambda v: repr(v)[:24])
def test_hostile_text_never_raises(store: Store, book: dict[str, str], typed: str) -> None:
    hits = search(store, typed)
    if typed in FIND_BUDI:  # the words are still searched for, as words
        assert book["budi"] in {h.id for h in hits}
    elif "santoso" not in typed:
        assert book["budi"] not in {h.id for h in hits}
    assert search(store, typed, kinds=("contact", "deal")) is not None


def test_a_nul_separates_words(store: Store, book: dict[str, str]) -> None:
    assert fts_query("santoso\x00budi") == '"santoso" "budi"*'
    assert [h.id for h in search(store, "santoso\x00budi")] == [book["budi"]]


@settings(
    max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(typed=st.text(max_size=400) | st.from_regex(r'[ "*()^:+\-0-9a-zA-Z]{0,40}', fullmatch=True))
def test_any_text_never_raises(store: Store, book: dict[str, str], typed: str) -> None:
    hits = search(store, typed, limit=20)
    assert len(hits) <= 20
    assert all(h.kind in search_module.KINDS for h in hits)


def test_upgrade_indexes_the_deals_follow_ups_and_phones_already_there(tmp_path: Path) -> None:
    """Migration 0008 on a database at 0007: existing rows are searchable after it."""
    from alembic import command

    from models.migrations.runner import alembic_config, upgrade

    store = open_store(tmp_path / "old.db")
    # made at head (the models know later columns, e.g. 0015's accounts.owner), then the
    # database is taken back to 0007, whose downgrade leaves the phone out of the index
    a = account(store, "Lama")
    c = contact(store, a, "Sari", phones=["+62 811 222 3333"])
    cfg = alembic_config()
    with store.engine.connect() as conn:
        cfg.attributes["connection"] = conn
        command.downgrade(cfg, "0007")
        conn.commit()
    # written as a 0007 database has it (later migrations add columns the models know)
    d = "deal-at-0007"
    with store.engine.begin() as conn:
        conn.exec_driver_sql(
            "INSERT INTO deals (id, account_id, title, stage, amount_minor, currency,"
            " probability, lost_reason, notes, created_at, updated_at)"
            " VALUES (?, ?, 'Kontrak logistik', 'lead', 0, 'IDR', 10, '', '',"
            " '2026-11-01 00:00:00.000000', '2026-11-01 00:00:00.000000')",
            (d, a),
        )
    assert search(store, "logistik") == [] and search(store, "0811 222 3333") == []
    upgrade(store.engine)
    assert [h.id for h in search(store, "logistik")] == [d]
    assert [h.id for h in search(store, "0811 222 3333")] == [c]
    store.close()
