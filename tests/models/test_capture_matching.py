"""Who a note is about: company mentions anywhere in the text, ranked client candidates
(exact tokens before fuzzy ones, near misses refused), people matched to contacts, the
deal title from the amount's context, and what the save path keeps."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest
from sqlalchemy import select

from models import services
from models.capture.amounts import find_amounts
from models.capture.client import rank_clients
from models.capture.client_lookup import lookup_client, resolve_client
from models.capture.drafts import FollowUpEdit, deal_title_from_amount, save_capture
from models.capture.mentions import find_mentions
from models.capture.parse import parse_capture
from models.capture.people import find_people, linked_contact_ids
from models.entities import Contact, Interaction
from models.store import Store

PROSE = (
    "Ketemu Pak Budi di kantor PT Maju Jaya. Mereka tertarik paket enterprise Rp 500 jt. "
    "Kirim proposal besok, follow up Selasa depan jam 3 sore."
)
NEAR = [
    ("mj", "PT Maju Jaya"),
    ("mi", "PT Maju Indah"),
    ("mh", "CV Maju Harapan Pangan"),
    ("gx", "Globex Corporation"),
    ("ge", "Globe Express"),
    ("mjs", "PT Maju Jaya Sejahtera"),
]


def fetch_all(candidates: list[tuple[str, str]]):  # type: ignore[no-untyped-def]
    return lambda _queries: list(candidates)


# -- mentions -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (PROSE, [("PT Maju Jaya", True)]),
        ("Acme Corp — met Budi and Sari", [("Acme Corp", True)]),
        ("met budi at pt maju jaya yesterday", [("pt maju jaya", True)]),
        ("Lunch with PT. Sinar Mas Tbk today", [("PT. Sinar Mas Tbk", True)]),
        ("PT Bank Mandiri (Persero) Tbk visit", [("PT Bank Mandiri (Persero) Tbk", True)]),
        ("Rapat dengan Bank Mandiri (Persero) Tbk", [("Bank Mandiri (Persero) Tbk", True)]),
        ("Globex Inc. and Initech LLC", [("Globex Inc", True), ("Initech LLC", True)]),
        ("Globex's team wants a demo", [("Globex", False)]),
        ("Catatan: ketemu Globex", [("Globex", False)]),  # a label is not a client
        ("Demo di CV Maju Harapan Pangan berjalan lancar", [("CV Maju Harapan Pangan", True)]),
    ],
)
def test_company_mentions(text: str, expected: list[tuple[str, bool]]) -> None:
    found = [(m.text, m.can_create) for m in find_mentions(text)]
    assert found[: len(expected)] == expected
    for mention in find_mentions(text):  # spans point at the text
        assert " ".join(text[mention.start : mention.end].split()).rstrip(".,") == mention.text


def test_no_mention_in_a_sentence_without_a_company() -> None:
    assert [m for m in find_mentions("Ketemu Pak Budi, mereka tertarik.") if m.can_create] == []
    assert find_mentions("") == []


# -- ranking ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("mention", "first"),
    [
        ("PT Maju Jaya", "mj"),
        ("Maju Jaya", "mj"),  # the exact name before its longer namesake
        ("pt. maju jaya", "mj"),
        ("Globex", "gx"),  # short form of "Globex Corporation"
        ("Globex's", "gx"),
        ("GLOBEX CORP", "gx"),
        ("Maju Jaya Sejahtera", "mjs"),
    ],
)
def test_exact_tokens_first(mention: str, first: str) -> None:
    matches = rank_clients(mention, NEAR)
    assert matches[0].account_id == first and matches[0].exact
    assert [m.score for m in matches] == sorted((m.score for m in matches), reverse=True)


def test_near_misses_are_not_offered() -> None:
    without = [c for c in NEAR if c[0] not in ("mj", "mjs")]
    assert rank_clients("PT Maju Jaya", without) == []  # not Maju Indah, not Maju Harapan
    assert rank_clients("Globex", [("ge", "Globe Express")]) == []
    assert [m.account_id for m in rank_clients("PT Maju Jaya", NEAR)] == ["mj", "mjs"]
    # numbers must be the same: another client however close the spelling
    assert rank_clients("PT Klien 004242 Budget", [("k", "CV Klien 004472 Budget")]) == []


def test_fuzzy_after_exact() -> None:
    matches = rank_clients("Bank Mandri", [("a", "PT Bank Mandiri (Persero) Tbk")])
    assert matches and not matches[0].exact and matches[0].score < 90


def test_resolve_named_and_create_new_first() -> None:
    named = resolve_client(PROSE, fetch_all(NEAR))
    assert named.best is not None and named.best.account_id == "mj" and named.sure
    empty = resolve_client(PROSE, fetch_all([("mi", "PT Maju Indah"), ("mh", NEAR[2][1])]))
    assert empty.best is None and empty.new_name == "PT Maju Jaya" and empty.matches == ()
    shorts = resolve_client("Rapat di Maju Jaya", fetch_all([NEAR[0], NEAR[5]]))
    assert shorts.best is not None and shorts.best.account_id == "mj"
    twins = resolve_client(
        "Rapat di Maju Jaya", fetch_all([("a", "Maju Jaya Abadi"), ("b", "Maju Jaya Sentosa")])
    )
    assert twins.best is not None and not twins.sure  # two short forms: ask
    assert resolve_client("met them today", fetch_all(NEAR)).new_name is None
    generated = [(f"k{i}", f"PT Klien {i:06d} Budget") for i in range(6)]
    common = resolve_client("Rapat di Klien, soal renewal", fetch_all(generated))
    assert common.best is None  # one word that starts many names names none of them
    numbered = resolve_client("Rapat dengan Klien 000004 soal renewal", fetch_all(generated))
    assert numbered.best is not None and numbered.best.account_id == "k4" and numbered.sure


def make_clients(store: Store, names: list[str]) -> dict[str, str]:
    with store.write() as uow:
        return {name: services.create_account(uow, name) for name in names}


def test_lookup_in_the_database(store: Store) -> None:
    ids = make_clients(store, [n for _, n in NEAR])
    found = lookup_client(store, PROSE)
    assert found.best is not None and found.best.account_id == ids["PT Maju Jaya"]
    globex = lookup_client(store, "Demo for Globex went well")
    assert globex.best is not None and globex.best.name == "Globex Corporation"
    typo = lookup_client(store, "Visit to PT Maju Jayaa")  # a typo still finds it, as fuzzy
    assert typo.new_name == "PT Maju Jayaa"
    assert [m.name for m in typo.matches][:1] == ["PT Maju Jaya"] and not typo.matches[0].exact
    with store.write() as uow:
        services.soft_delete(uow, "account", ids["PT Maju Jaya"])
    gone = lookup_client(store, PROSE)
    assert gone.best is not None and gone.best.name == "PT Maju Jaya Sejahtera"


@pytest.mark.parametrize(
    "hostile",
    [
        'PT "Maju" Jaya* OR NEAR(',
        "PT Maju'); DROP TABLE accounts;--",
        "PT \u202eayaJ ujaM",
        "PT \x00\x07 Maju",
    ],
)
def test_lookup_survives_hostile_text(store: Store, hostile: str) -> None:
    make_clients(store, ["PT Maju Jaya"])
    lookup_client(store, hostile)
    assert lookup_client(store, PROSE).best is not None  # the table is still there


# -- people -------------------------------------------------------------------------------

CONTACTS = [("b1", "Budi Santoso"), ("b2", "Budiman Hartono"), ("s1", "Sari Wijaya")]


def people(text: str, contacts: list[tuple[str, str]] = CONTACTS) -> list[tuple[str, list[str]]]:
    return [(p.mention, [c[0] for c in p.contacts]) for p in find_people(text, contacts)]


def test_titled_and_bare_names() -> None:
    assert people(PROSE) == [("Pak Budi", ["b1"])]  # not Budiman
    assert people("met Budiman and sari") == [("Budiman", ["b2"]), ("sari", ["s1"])]
    assert people("pak budi minta demo") == [("pak budi", ["b1"])]
    assert people("Ibu Sari Wijaya datang") == [("Ibu Sari Wijaya", ["s1"])]
    assert people("Budinya belum balas") == [("Budinya", ["b1"])]
    assert people("Dr. Santoso called") == [("Dr. Santoso", ["b1"])]  # a last name too
    assert people("Budikan tidak ada") == []  # a prefix is not a name


def test_two_budis_are_ambiguous_until_named_in_full() -> None:
    two = [*CONTACTS, ("b3", "Budi Hartono")]
    found = find_people("Ketemu Pak Budi", two)
    assert len(found) == 1 and found[0].ambiguous and linked_contact_ids(found) == []
    assert people("Budi Santoso and Budi", two) == [("Budi Santoso", ["b1"])]
    assert people("Budi and budi hartono", two) == [("budi hartono", ["b3"])]


def test_unknown_titled_person_can_be_added() -> None:
    found = find_people("Pak Budi and Bu Rina came, mr. tan too", CONTACTS)
    unknown = [(p.mention, p.new_name) for p in found if p.unknown]
    assert unknown == [("Bu Rina", "Rina"), ("mr. tan", "Tan")]
    assert linked_contact_ids(found) == ["b1"]


# -- deal title and the save path ---------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "title"),
    [
        (PROSE, "Paket enterprise"),
        ("Acme Corp — met Budi, demo went well, budget ~ Rp 500 jt", None),
        ("Renewal of CRM licences Rp 1.500.000 per month", "CRM licences"),
        ("Rp 300 jt untuk paket Gold tahun depan", "Paket Gold"),
        ("Ketemu Pak Hendra di kantor. Budget Rp 2 M", None),  # never the first words
    ],
)
def test_deal_title_from_the_amount(text: str, title: str | None) -> None:
    amounts = find_amounts(text, "IDR")
    assert deal_title_from_amount(text, amounts[0] if amounts else None) == title


def test_save_keeps_the_note_as_written_and_links_people(store: Store) -> None:
    ids = make_clients(store, ["PT Maju Jaya"])
    account = ids["PT Maju Jaya"]
    with store.write() as uow:
        budi = services.create_contact(uow, "Budi Santoso", account_id=account)
    text = PROSE + "\n\n- [ ] call Budi next Tuesday\n- kirim brosur\n"
    now = datetime(2026, 11, 30, 9, tzinfo=UTC)
    result = parse_capture(text, now=now, contact_names=["Budi Santoso"])
    due = now + timedelta(days=2)
    with store.write() as uow:
        created = save_capture(
            uow,
            account_id=account,
            result=result,
            followups=[FollowUpEdit(f.title, due, True) for f in result.followups],
            kind="meeting",
            note_text=text,
            contact_ids=[budi],
            new_contacts=["Rina", " "],
            create_deal_amount=True,
        )
    kinds = [k for k, _ in created]
    # two next steps in the prose (Kirim proposal, follow up) and two bullet lines
    assert kinds == ["contact", "interaction"] + ["followup"] * 4 + ["deal"]
    with store.read() as s:
        entry = s.scalars(select(Interaction)).one()
        assert entry.body == text.strip("\n")  # line breaks and next-step lines kept
        assert entry.body_format == "plain"
        assert sorted(c.name for c in entry.contacts) == ["Budi Santoso", "Rina"]
        rina = s.scalars(select(Contact).where(Contact.name == "Rina")).one()
        assert rina.account_id == account
    deal = next(i for k, i in created if k == "deal")
    from models.queries import clients as client_queries

    row = client_queries.deal(store, deal)
    assert row is not None and row.title == "Paket enterprise"


def test_save_refuses_a_contact_of_another_client(store: Store) -> None:
    ids = make_clients(store, ["PT Maju Jaya", "PT Maju Indah"])
    with store.write() as uow:
        other = services.create_contact(uow, "Budi", account_id=ids["PT Maju Indah"])
    now = datetime(2026, 11, 30, 9, tzinfo=UTC)
    result = parse_capture("Met Budi", now=now)
    from models.errors import ValidationError

    with pytest.raises(ValidationError), store.write() as uow:
        save_capture(
            uow,
            account_id=ids["PT Maju Jaya"],
            result=result,
            followups=[],
            kind="meeting",
            note_text="Met Budi",
            contact_ids=[other],
        )
