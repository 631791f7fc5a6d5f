"""A CSV that is no known export: its columns mapped by name and content (issue 12).

Such a file used to be refused ("its columns match no known export") even when its
header was ``First Name, Last Name, Email Address, Company``; now a plain spreadsheet
of contacts or companies, in English or Indonesian, imports with no mapping file.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from sqlalchemy import select

from models.entities import Account, Contact
from models.errors import ImportRefusedError
from models.store import Store
from models.transfer.guess import detect_mapping, guess_mapping
from models.transfer.importer import apply_import, plan_import
from tests.test_cli import run


def people(store: Store) -> dict[str, Contact]:
    with store.read() as s:
        return {c.name: c for c in s.scalars(select(Contact))}


def accounts(store: Store) -> dict[str, Account]:
    with store.read() as s:
        return {a.name: a for a in s.scalars(select(Account))}


def test_plain_english_contacts_import_from_the_cli(
    db_path: Path, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    path = tmp_path / "contacts.csv"
    path.write_text(
        "First Name,Last Name,Email Address,Company\r\n"
        "Dewi,Lestari,dewi@kopi.example,CV Kopi Nusantara\r\n"
        "Budi,Santoso,budi@maju.example,PT Maju Jaya\r\n",
        encoding="utf-8",
    )
    code, out, err = run(capsys, "--db", str(db_path), "import", str(path))
    assert (code, err) == (0, "")
    summary = json.loads(out)
    assert (summary["created"], summary["errors"]) == (2, [])


def test_indonesian_header_maps_every_column(store: Store, tmp_path: Path) -> None:
    path = tmp_path / "kontak.csv"
    path.write_text(
        "Nama;Perusahaan;Email;Telepon;Jabatan\n"
        "Sari Wulandari;PT Sinar Abadi;sari@sinar.example;0812-3456-7890;Direktur\n",
        encoding="utf-8",
    )
    result = apply_import(store, plan_import(store, path))
    assert (result.created, result.errors, result.accounts_created) == (1, [], 1)
    sari = people(store)["Sari Wulandari"]
    assert (sari.emails, sari.phones, sari.title) == (
        ["sari@sinar.example"],
        ["+6281234567890"],
        "Direktur",
    )
    assert sari.account_id == accounts(store)["PT Sinar Abadi"].id


@pytest.mark.parametrize(
    ("header", "expected"),
    [
        (
            ["NAMA LENGKAP", "No. HP", "Surel", "Instansi", "Posisi", "Tanggal Lahir", "Catatan"],
            {
                "name": ("NAMA LENGKAP",),
                "phones": ("No. HP",),
                "emails": ("Surel",),
                "account_name": ("Instansi",),
                "title": ("Posisi",),
                "birthday": ("Tanggal Lahir",),
                "notes": ("Catatan",),
            },
        ),
        (
            ["Nama Depan", "Nama Belakang", "E-mail", "WhatsApp", "Job Title", "LinkedIn"],
            {
                "first_name": ("Nama Depan",),
                "last_name": ("Nama Belakang",),
                "emails": ("E-mail",),
                "phones": ("WhatsApp",),
                "title": ("Job Title",),
                "linkedin_url": ("LinkedIn",),
            },
        ),
        # accents, case, punctuation and a misspelling
        (["Full-Name", "Télépon", "Emial Adress"], None),
    ],
)
def test_contact_columns_by_name(
    header: list[str], expected: dict[str, tuple[str, ...]] | None
) -> None:
    mapping = guess_mapping(header)
    assert mapping is not None and mapping.kind == "contact" and mapping.name == "guessed"
    if expected is None:
        expected = {
            "name": ("Full-Name",),
            "phones": ("Télépon",),
            "emails": ("Emial Adress",),
        }
    assert mapping.columns == expected


def test_company_columns_make_an_accounts_file(store: Store, tmp_path: Path) -> None:
    path = tmp_path / "perusahaan.csv"
    path.write_text(
        "Nama Perusahaan,Industri,Situs,Telepon,Alamat,Kota\n"
        'PT Sinar Abadi,Manufaktur,sinarabadi.example,021-5551234,"Jl. Sudirman 5",Jakarta\n',
        encoding="utf-8",
    )
    plan = plan_import(store, path)
    assert plan.kind == "account"
    apply_import(store, plan)
    sinar = accounts(store)["PT Sinar Abadi"]
    assert (sinar.industry, sinar.website, sinar.phone) == (
        "Manufaktur",
        "sinarabadi.example",
        "+62215551234",
    )
    assert sinar.address == "Jl. Sudirman 5, Jakarta"


def test_columns_whose_name_says_nothing_are_mapped_by_content(
    store: Store, tmp_path: Path
) -> None:
    path = tmp_path / "daftar.csv"
    path.write_text(
        "Siapa,Kontak 1,Kontak 2,Nilai\n"
        "Ani Lubis,ani@satu.example,0812-3456-7890,1500000\n"
        "Budi Hartono,budi@dua.example,021-5551234,200\n"
        "Citra Dewi,citra@tiga.example,+49 30 7654321,75\n",
        encoding="utf-8",
    )
    mapping = guess_mapping(
        ("Siapa", "Kontak 1", "Kontak 2", "Nilai"),
        [
            (2, ["Ani Lubis", "ani@satu.example", "0812-3456-7890", "1500000"]),
            (3, ["Budi Hartono", "budi@dua.example", "021-5551234", "200"]),
        ],
    )
    assert mapping is not None
    assert mapping.columns == {"emails": ("Kontak 1",), "phones": ("Kontak 2",)}
    result = apply_import(store, plan_import(store, path))
    assert result.created == 3 and result.errors == []
    assert people(store)["ani@satu.example"].phones == ["+6281234567890"]


def test_a_known_export_still_wins(tmp_path: Path) -> None:
    mapping = detect_mapping(("First Name", "Last Name", "Connected On", "Email Address"))
    assert mapping is not None and mapping.name == "linkedin-connections"


def test_no_name_or_email_column_is_still_refused(store: Store, tmp_path: Path) -> None:
    path = tmp_path / "produk.csv"
    path.write_text("Produk,Harga,Jumlah\nKopi,25000,3\nTeh,15000,2\n", encoding="utf-8")
    with pytest.raises(ImportRefusedError, match="none of them holds names or e-mail"):
        plan_import(store, path)
