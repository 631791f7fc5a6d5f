"""Planning and applying imports: presets, matching, merge/skip/create, one batch, undo,
cancel, errors per row, and importing the same file twice."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest
from sqlalchemy import func, select

from models import services
from models.entities import Account, Contact, ImportBatch, ImportBatchItem, Interaction
from models.errors import ImportCancelledError, ValidationError
from models.store import Changes, Store
from models.transfer.importer import apply_import, plan_import
from models.transfer.presets import (
    load_mapping,
    mapping_from_json,
    mapping_to_json,
    recognise,
    resolve_columns,
    save_mapping,
)
from models.transfer.undo import import_batches, undo_import
from tests.models.helpers import account, contact

PRESETS = {
    "salesforce_contacts.csv": "salesforce-contacts",
    "salesforce_accounts.csv": "salesforce-accounts",
    "hubspot_contacts.csv": "hubspot-contacts",
    "hubspot_companies.csv": "hubspot-companies",
    "pipedrive_persons.csv": "pipedrive-persons",
    "pipedrive_organizations.csv": "pipedrive-organizations",
    "linkedin_connections.csv": "linkedin-connections",
    "google_contacts.csv": "google-contacts",
}


def live(store: Store, cls: type[Account] | type[Contact] | type[Interaction]) -> int:
    with store.read() as s:
        return int(
            s.scalar(select(func.count()).select_from(cls).where(cls.deleted_at.is_(None))) or 0
        )


def contacts_by_name(store: Store) -> dict[str, Contact]:
    with store.read() as s:
        return {c.name: c for c in s.scalars(select(Contact).where(Contact.deleted_at.is_(None)))}


@pytest.mark.parametrize(("name", "preset"), sorted(PRESETS.items()))
def test_each_preset_is_recognised(store: Store, data: Path, name: str, preset: str) -> None:
    plan = plan_import(store, data / name)
    assert plan.mapping is not None and plan.mapping.name == preset


def test_salesforce_contacts_import(store: Store, data: Path) -> None:
    plan = plan_import(store, data / "salesforce_contacts.csv")
    assert plan.counts()["new"] == 3 and plan.counts()["error"] == 1
    (error,) = plan.errors
    assert (error.row, error.column) == (5, "Email") and "not-an-email" in error.reason
    assert len(plan.new_accounts) == 2  # PT Maju Jaya Tbk, Globex GmbH
    result = apply_import(store, plan)
    assert (result.created, result.updated, result.accounts_created) == (3, 0, 2)
    assert result.errors == [str(error)]
    budi = contacts_by_name(store)["Budi Santoso"]
    assert budi.emails == ["budi.santoso@majujaya.co.id"]
    assert budi.phones == ["+622155501234", "+6281234567890"]
    assert budi.birthday == date(1980, 3, 14) and budi.title == "Procurement Manager"
    with store.read() as s:
        maju = s.scalars(select(Account).where(Account.name == "PT Maju Jaya Tbk")).one()
    assert budi.account_id == maju.id
    assert contacts_by_name(store)["Sari Dewi"].account_id == maju.id


def test_contacts_link_to_existing_accounts_by_normalised_name(store: Store, data: Path) -> None:
    existing = account(store, "Maju Jaya")  # the file says "PT Maju Jaya Tbk"
    result = apply_import(store, plan_import(store, data / "salesforce_contacts.csv"))
    assert result.accounts_created == 1  # only Globex
    assert contacts_by_name(store)["Budi Santoso"].account_id == existing


def test_linkedin_keeps_profile_urls_and_skips_the_preamble(store: Store, data: Path) -> None:
    apply_import(store, plan_import(store, data / "linkedin_connections.csv"))
    people = contacts_by_name(store)
    assert set(people) == {"Rizky Pratama", "Nadia Putri", "Ahmad Fauzi"}
    assert people["Nadia Putri"].title == "Head of Partnerships, SEA"
    assert people["Nadia Putri"].linkedin_url == "https://www.linkedin.com/in/nadiaputri"
    assert people["Ahmad Fauzi"].account_id is None


def test_google_contacts_multi_values(store: Store, data: Path) -> None:
    result = apply_import(store, plan_import(store, data / "google_contacts.csv"))
    assert result.created == 2 and result.errors == []
    ayu = contacts_by_name(store)["Putu Ayu Wulandari"]
    assert ayu.emails == ["ayu@baliresorts.example", "ayu.w@gmail.com"]
    assert ayu.phones == ["+6281238001111", "+62361555222"]
    assert ayu.notes.startswith("Met in Ubud.\nLikes early meetings.")
    assert contacts_by_name(store)["José Núñez"].birthday is None  # "--07-04": no year


def test_account_presets_fill_fields(store: Store, data: Path) -> None:
    result = apply_import(store, plan_import(store, data / "hubspot_companies.csv"))
    assert result.created == 2
    with store.read() as s:
        initech = s.scalars(select(Account).where(Account.name == "Initech")).one()
    assert initech.website == "http://www.initech.com" and initech.phone == "+14155550100"
    assert initech.address == "1 Infinite Loop, Austin, TX, 73301, United States"


def test_accounts_match_by_domain_and_name(store: Store, data: Path) -> None:
    by_domain = account(store, "Initech Corporation", website="https://initech.com/about")
    account(store, "CV Sumber Rejeki")
    plan = plan_import(store, data / "hubspot_companies.csv")
    actions = {r.fields["name"]: (r.action, r.match_id) for r in plan.rows}
    assert actions["Initech"] == ("update", by_domain)
    assert actions["CV Sumber Rejeki"][0] == "update"
    result = apply_import(store, plan)
    assert (result.created, result.updated) == (0, 2)


def test_importing_the_same_file_twice_creates_nothing(store: Store, data: Path) -> None:
    for name in ("salesforce_contacts.csv", "pipedrive_persons.csv", "google_contacts.csv"):
        apply_import(store, plan_import(store, data / name))
    counts = (live(store, Account), live(store, Contact))
    batches = len(import_batches(store))
    for name in ("salesforce_contacts.csv", "pipedrive_persons.csv", "google_contacts.csv"):
        result = apply_import(store, plan_import(store, data / name))
        assert (result.created, result.updated, result.accounts_created) == (0, 0, 0)
        assert result.batch_id is None
    assert (live(store, Account), live(store, Contact)) == counts
    assert len(import_batches(store)) == batches


def test_exact_match_merges_and_keeps_what_exists(store: Store, data: Path) -> None:
    acc = account(store, "PT Maju Jaya Tbk")
    budi = contact(
        store, acc, "Budi S.", emails=["BUDI.SANTOSO@majujaya.co.id"], title="Buyer", notes="VIP"
    )
    plan = plan_import(store, data / "salesforce_contacts.csv")
    row = next(r for r in plan.rows if r.number == 2)
    assert (row.action, row.match_id) == ("update", budi)
    assert "e-mail" in row.match_reason
    result = apply_import(store, plan)
    assert result.updated == 1 and result.created == 2
    merged = contacts_by_name(store)["Budi S."]  # the name the user chose stays
    assert merged.emails == ["BUDI.SANTOSO@majujaya.co.id"]
    assert merged.phones == ["+622155501234", "+6281234567890"]
    assert merged.title == "Procurement Manager"
    assert merged.notes == "VIP\n\nMet at the Jakarta Fair, prefers WhatsApp"


def test_phone_match(store: Store, data: Path) -> None:
    sari = contact(store, None, "Ibu Sari", phones=["0811-2233-4455"])
    plan = plan_import(store, data / "salesforce_contacts.csv")
    row = next(r for r in plan.rows if r.number == 3)
    assert (row.action, row.match_id) == ("update", sari)


def test_similar_name_in_same_company_is_a_possible_duplicate(store: Store, data: Path) -> None:
    acc = account(store, "PT Maju Jaya Tbk")
    other = account(store, "Globex GmbH")
    budi = contact(store, acc, "Budi Santosa")
    contact(store, other, "Sari Dewi")  # same name, other company: not a duplicate
    plan = plan_import(store, data / "salesforce_contacts.csv")
    rows = {r.number: r for r in plan.rows}
    assert (rows[2].action, rows[2].match_id) == ("duplicate", budi)
    assert rows[3].action == "new"
    result = apply_import(store, plan)  # duplicates are skipped unless the user decides
    assert result.skipped == 1 and result.created == 2
    assert "Budi Santoso" not in contacts_by_name(store)


def test_user_decisions_merge_create_skip(store: Store, data: Path) -> None:
    acc = account(store, "PT Maju Jaya Tbk")
    budi = contact(store, acc, "Budi Santosa")
    plan = plan_import(store, data / "salesforce_contacts.csv")
    rows = {r.number: r for r in plan.rows}
    rows[2].merge()
    rows[3].skip()
    rows[4].create()
    with pytest.raises(ValueError):
        rows[5].create()  # the error row
    result = apply_import(store, plan)
    assert (result.created, result.updated, result.skipped) == (1, 1, 1)
    people = contacts_by_name(store)
    assert people["Budi Santosa"].id == budi
    assert people["Budi Santosa"].emails == ["budi.santoso@majujaya.co.id"]
    assert "Sari Dewi" not in people and "Anna Müller" in people


def test_duplicate_rows_within_one_file_are_created_once(store: Store, tmp_path: Path) -> None:
    path = tmp_path / "twice.csv"
    path.write_text(
        "First Name,Last Name,Account Name,Email,Phone\r\n"
        "Budi,Santoso,PT Maju,budi@maju.example,\r\n"
        "Budi,Santoso,PT Maju,BUDI@maju.example,0812 1111 2222\r\n",
        encoding="utf-8",
    )
    result = apply_import(store, plan_import(store, path))
    assert (result.created, result.updated) == (1, 1)
    (budi,) = contacts_by_name(store).values()
    assert budi.phones == ["+6281211112222"]


def test_malformed_rows_are_reported_and_good_rows_go_in(store: Store, tmp_path: Path) -> None:
    path = tmp_path / "bad.csv"
    path.write_text(
        "First Name,Last Name,Account Name,Email,Phone,Birthdate\r\n"
        "Good,One,Acme,good@acme.example,,\r\n"
        "Bad,Phone,Acme,,abc,\r\n"
        "Bad,Date,Acme,,,31/31/2020\r\n"
        ",,Acme,,,\r\n"
        "Too,Many,Acme,x@acme.example,,,extra,cells\r\n"
        "Good,Two,Acme,good2@acme.example,,1990-01-02\r\n",
        encoding="utf-8",
    )
    plan = plan_import(store, path)
    errors = {e.row: e for e in plan.errors}
    assert set(errors) == {3, 4, 5, 6}
    assert errors[3].column == "Phone" and "'abc'" in errors[3].reason
    assert errors[4].column == "Birthdate"
    assert errors[5].column == "First Name" and "required" in errors[5].reason
    assert "8 cells" in errors[6].reason
    result = apply_import(store, plan)
    assert result.created == 2 and len(result.errors) == 4
    assert str(errors[3]).startswith("row 3, Phone: ")
    with store.read() as s:
        batch = s.get(ImportBatch, result.batch_id)
        assert batch is not None and batch.errors == result.errors


def test_manual_mapping_json_round_trip(store: Store, tmp_path: Path) -> None:
    path = tmp_path / "own.csv"
    path.write_text("Full name;E-Mail;Firma\r\nDewi Lestari;dewi@x.example;CV Kopi\r\n")
    guessed = plan_import(store, path).mapping  # no preset: mapped by the column names
    assert guessed is not None and guessed.name == "guessed"
    assert guessed.columns == {
        "name": ("Full name",),
        "emails": ("E-Mail",),
        "account_name": ("Firma",),
    }
    mapping = resolve_columns(
        "contact",
        {"name": ["full name"], "emails": ["E-Mail"], "account_name": ["Firma"]},
        ["Full name", "E-Mail", "Firma"],
    )
    saved = tmp_path / "mapping.json"
    save_mapping(saved, mapping)
    assert saved.stat().st_mode & 0o777 == 0o600
    loaded = load_mapping(saved)
    assert loaded == mapping and mapping_from_json(mapping_to_json(mapping)) == mapping
    result = apply_import(store, plan_import(store, path, loaded))
    assert result.created == 1 and result.accounts_created == 1
    assert contacts_by_name(store)["Dewi Lestari"].emails == ["dewi@x.example"]


@pytest.mark.parametrize(
    "text",
    [
        "not json",
        '{"kind": "contact"}',
        '{"kind": "deal", "columns": {}}',
        '{"kind": "contact", "columns": {"salary": ["Pay"]}}',
        '{"kind": "contact", "columns": {"name": [1]}}',
    ],
)
def test_bad_saved_mappings_are_refused(text: str) -> None:
    with pytest.raises(ValidationError):
        mapping_from_json(text)


def test_mapping_that_needs_missing_columns_is_refused(store: Store, data: Path) -> None:
    mapping = mapping_from_json('{"kind": "contact", "columns": {"name": ["Nama Lengkap"]}}')
    with pytest.raises(Exception, match="no column 'Nama Lengkap'"):
        plan_import(store, data / "salesforce_contacts.csv", mapping)


def test_recognise_returns_none_for_unknown_headers() -> None:
    assert recognise(["a", "b"]) is None


def test_one_batch_with_items_and_listener_notified(store: Store, data: Path) -> None:
    heard: list[Changes] = []
    store.subscribe(heard.append)
    result = apply_import(store, plan_import(store, data / "salesforce_contacts.csv"))
    assert len(heard) == 1  # one transaction
    assert len(heard[0].of("contact")) == 3 and len(heard[0].of("account")) == 2
    assert result.batch_id in heard[0].of("import_batch")
    with store.read() as s:
        items = s.scalars(
            select(ImportBatchItem).where(ImportBatchItem.batch_id == result.batch_id)
        ).all()
    assert (
        sorted((i.kind, i.action) for i in items)
        == [("account", "create")] * 2 + [("contact", "create")] * 3
    )
    (batch,) = import_batches(store)
    assert (batch.source_name, batch.created, batch.updated) == ("salesforce_contacts.csv", 3, 0)


def test_progress_is_reported(store: Store, data: Path) -> None:
    seen: list[tuple[int, int]] = []
    apply_import(
        store,
        plan_import(store, data / "google_contacts.csv"),
        progress=lambda done, total: seen.append((done, total)),
        chunk=1,
    )
    assert seen[0][0] == 0 and seen[-1][0] == seen[-1][1]
    assert [d for d, _ in seen] == sorted(d for d, _ in seen)


def test_cancel_leaves_nothing_behind(store: Store, data: Path) -> None:
    acc = account(store, "PT Maju Jaya Tbk")
    budi = contact(store, acc, "Budi", emails=["budi.santoso@majujaya.co.id"], title="Buyer")
    plan = plan_import(store, data / "salesforce_contacts.csv")
    calls = 0

    def cancelled() -> bool:
        nonlocal calls
        calls += 1
        return calls > 3  # after the rows were prepared, while writing

    with pytest.raises(ImportCancelledError):
        apply_import(store, plan, cancelled=cancelled, chunk=1)
    assert calls > 3
    assert (live(store, Account), live(store, Contact)) == (1, 1)
    assert contacts_by_name(store)["Budi"].title == "Buyer"
    assert contacts_by_name(store)["Budi"].id == budi
    assert import_batches(store, include_undone=True) == []


def test_undo_reverts_the_whole_batch(store: Store, data: Path) -> None:
    acc = account(store, "PT Maju Jaya Tbk")
    budi = contact(
        store, acc, "Budi", emails=["budi.santoso@majujaya.co.id"], title="Buyer", notes=""
    )
    result = apply_import(store, plan_import(store, data / "salesforce_contacts.csv"))
    assert (result.created, result.updated) == (2, 1)
    assert contacts_by_name(store)["Budi"].birthday == date(1980, 3, 14)
    heard: list[Changes] = []
    store.subscribe(heard.append)
    assert result.batch_id is not None
    undone = undo_import(store, result.batch_id)
    assert (undone.deleted, undone.restored) == (3, 1)  # 2 contacts + Globex; Budi restored
    people = contacts_by_name(store)
    assert set(people) == {"Budi"}
    assert (people["Budi"].title, people["Budi"].birthday, people["Budi"].phones) == (
        "Buyer",
        None,
        [],
    )
    assert live(store, Account) == 1
    assert budi in heard[0].of("contact")
    assert import_batches(store) == []
    assert import_batches(store, include_undone=True)[0].undone_at is not None
    with pytest.raises(ValidationError, match="already undone"):
        undo_import(store, result.batch_id)
    # Undo moved what it created to Trash: it can be restored like any deletion.
    with store.read() as s:
        trashed = s.scalars(select(Contact).where(Contact.deleted_at.is_not(None))).all()
    assert {c.name for c in trashed} == {"Sari Dewi", "Anna Müller"}
    with store.write() as uow:
        services.put_back(uow, "account", trashed[0].account_id or "")
        services.put_back(uow, "contact", trashed[0].id)
    assert trashed[0].name in contacts_by_name(store)


def test_undo_unknown_batch(store: Store) -> None:
    with pytest.raises(Exception, match="no import"):
        undo_import(store, "nope")


def test_reimport_after_undo_creates_again(store: Store, data: Path) -> None:
    first = apply_import(store, plan_import(store, data / "hubspot_contacts.csv"))
    assert first.batch_id is not None
    undo_import(store, first.batch_id)
    again = apply_import(store, plan_import(store, data / "hubspot_contacts.csv"))
    assert again.created == 2 and live(store, Contact) == 2
