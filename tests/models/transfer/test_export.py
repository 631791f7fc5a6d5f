"""CSV, vCard and iCalendar exports: BOM, formula-injection escaping, 0600, round trips."""

from __future__ import annotations

import csv
import io
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from icalendar import Calendar

from models import services
from models.errors import ValidationError
from models.store import Store
from models.transfer.exporter import (
    HEADERS,
    check_export,
    csv_bytes,
    export_csv,
    export_file,
    export_followups_ics_per_account,
    safe_cell,
)
from models.transfer.importer import apply_import, plan_import
from tests.models.helpers import account, contact, followup, note
from tests.models.transfer.test_import import contacts_by_name, live


def read_csv(path: Path) -> list[list[str]]:
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    return list(csv.reader(io.StringIO(raw.decode("utf-8-sig"), newline="")))


@pytest.mark.parametrize(
    ("value", "cell"),
    [
        ('=HYPERLINK("http://x")', '\'=HYPERLINK("http://x")'),
        ("+62 812", "'+62 812"),
        ("-5", "'-5"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\tTab", "'\tTab"),
        ("\rCR", "'\rCR"),
        ("'quoted", "''quoted"),
        ("plain = text", "plain = text"),
        (None, ""),
        (True, "yes"),
        (["a@b.c", "d@e.f"], "a@b.c; d@e.f"),
    ],
)
def test_safe_cell(value: object, cell: str) -> None:
    assert safe_cell(value) == cell


def seed(store: Store) -> dict[str, str]:
    acc = account(store, "=Evil Corp", website="evil.example", tags=["VIP"])
    budi = contact(store, acc, "Budi", emails=["budi@evil.example"], phones=["+6281234567890"])
    entry = note(store, acc, "+ met, talked about -budget", at=datetime(2026, 11, 1, tzinfo=UTC))
    with store.write() as uow:
        services.update_interaction(uow, entry, contact_ids=[budi])
        deal = services.create_deal(uow, acc, "@Big deal", amount_minor=50_000_000, currency="IDR")
    fu = followup(store, acc, "-call back", datetime(2026, 12, 1, 2, 0, tzinfo=UTC))
    return {"account": acc, "contact": budi, "entry": entry, "deal": deal, "followup": fu}


@pytest.mark.parametrize("kind", sorted(HEADERS))
def test_csv_exports_are_bom_utf8_private_and_escaped(
    store: Store, tmp_path: Path, kind: str
) -> None:
    seed(store)
    path = tmp_path / f"{kind}.csv"
    assert export_file(store, kind, path) == 1
    assert path.stat().st_mode & 0o777 == 0o600
    rows = read_csv(path)
    assert tuple(rows[0]) == HEADERS[kind] and len(rows) == 2
    for cell in rows[1]:
        assert not cell or cell[0] not in "=+-@\t\r", cell


def test_csv_export_values(store: Store, tmp_path: Path) -> None:
    ids = seed(store)
    with store.write() as uow:  # lost, and to whom: both exported
        services.move_deal_stage(uow, ids["deal"], "lost", lost_reason="Price", lost_to="-Zoho")
    export_csv(store, "deals", tmp_path / "d.csv")
    header, row = read_csv(tmp_path / "d.csv")
    deal = dict(zip(header, row, strict=True))
    assert (deal["Title"], deal["Account"], deal["Amount"], deal["Currency"]) == (
        "'@Big deal",
        "'=Evil Corp",
        "50000000",
        "IDR",
    )
    assert (deal["Stage"], deal["Lost reason"], deal["Lost to"]) == ("lost", "Price", "'-Zoho")
    export_csv(store, "interactions", tmp_path / "i.csv")
    header, row = read_csv(tmp_path / "i.csv")
    entry = dict(zip(header, row, strict=True))
    assert entry["Contacts"] == "Budi" and entry["ID"] == ids["entry"]
    assert entry["Body"] == "'+ met, talked about -budget"
    export_csv(store, "accounts", tmp_path / "a.csv")
    header, row = read_csv(tmp_path / "a.csv")
    assert dict(zip(header, row, strict=True))["Tags"] == "VIP"


def test_soft_deleted_rows_are_not_exported(store: Store, tmp_path: Path) -> None:
    ids = seed(store)
    with store.write() as uow:
        services.soft_delete(uow, "contact", ids["contact"])
    assert export_csv(store, "contacts", tmp_path / "c.csv") == 0


def test_existing_file_is_replaced_and_made_private(store: Store, tmp_path: Path) -> None:
    seed(store)
    (tmp_path / "out").mkdir()
    path = tmp_path / "out" / "c.csv"
    path.write_text("old")
    path.chmod(0o644)
    export_csv(store, "contacts", path)
    assert path.stat().st_mode & 0o777 == 0o600 and "old" not in path.read_text("utf-8-sig")
    assert [p.name for p in path.parent.iterdir()] == ["c.csv"]  # no temporary left


@pytest.mark.parametrize(
    ("kind", "name"),
    [("deals", "x.vcf"), ("contacts", "x.ics"), ("accounts", "x.xlsx"), ("people", "x.csv")],
)
def test_impossible_exports_are_refused(kind: str, name: str) -> None:
    with pytest.raises(ValidationError):
        check_export(kind, Path(name))


def test_contacts_csv_round_trip(store: Store, tmp_path: Path) -> None:
    seed(store)
    contact(store, None, '-Minus, "Quoted"', notes="line1\nline2, =not a formula")
    path = tmp_path / "contacts.csv"
    export_csv(store, "contacts", path)
    before = {
        n: (c.account_id, c.emails, c.phones, c.notes, c.title)
        for n, c in contacts_by_name(store).items()
    }
    again = apply_import(store, plan_import(store, path))
    assert (again.created, again.updated) == (0, 0) and live_contacts(store) == 2
    after = {
        n: (c.account_id, c.emails, c.phones, c.notes, c.title)
        for n, c in contacts_by_name(store).items()
    }
    assert after == before


def live_contacts(store: Store) -> int:
    from models.entities import Contact

    return live(store, Contact)


def test_accounts_csv_round_trip_into_an_empty_database(
    store: Store, tmp_path: Path, db_path: Path
) -> None:
    account(store, "PT Maju", tier="A", status="prospect", website="maju.example", notes="x\ny")
    path = tmp_path / "accounts.csv"
    export_csv(store, "accounts", path)
    plan = plan_import(store, path)
    assert plan.mapping is not None and plan.mapping.name == "relasi-accounts"
    assert [r.action for r in plan.rows] == ["update"]
    assert apply_import(store, plan).updated == 0


def test_followups_per_account_files(store: Store, tmp_path: Path) -> None:
    a = account(store, "A/B Corp")
    b = account(store, "Other")
    due = datetime(2026, 12, 1, 2, 0, tzinfo=UTC)
    followup(store, a, "One", due)
    followup(store, a, "Two", due + timedelta(days=1), all_day=False)
    followup(store, b, "Three", due)
    files = export_followups_ics_per_account(store, tmp_path, tz=UTC)
    assert sorted(p.name for p in files) == ["A_B Corp.ics", "Other.ics"]
    counts = {p.name: len(Calendar.from_ical(p.read_bytes()).walk("VTODO")) for p in files}
    assert counts == {"A_B Corp.ics": 2, "Other.ics": 1}
    assert all(p.stat().st_mode & 0o777 == 0o600 for p in files)


def test_followups_ics_export_skips_done(store: Store, tmp_path: Path) -> None:
    acc = account(store)
    due = datetime(2026, 12, 1, 2, 0, tzinfo=UTC)
    followup(store, acc, "Open", due)
    done = followup(store, acc, "Done", due)
    with store.write() as uow:
        services.complete_followup(uow, done)
    assert export_file(store, "followups", tmp_path / "f.ics") == 1


def test_csv_bytes_quotes_what_needs_quoting() -> None:
    data = csv_bytes(["A"], [['x, "y"\nz']])
    assert data == '\ufeffA\r\n"x, ""y""\nz"\r\n'.encode()


def test_a_declared_field_is_exported_and_imported_back_in_csv_and_vcard(
    store: Store, tmp_path: Path
) -> None:
    """LinkedIn was added by its declaration alone: export columns, the Relasi preset and
    the vCard carry it, and both files import it back into the field."""
    maju = account(store, "PT Maju Jaya")
    contact(
        store, maju, "Budi Santoso", emails=["budi@maju.example"],
        linkedin_url="https://www.linkedin.com/in/budi-santoso",
    )  # fmt: skip
    assert "LinkedIn" in HEADERS["contacts"]
    csv_path, vcf_path = tmp_path / "contacts.csv", tmp_path / "contacts.vcf"
    export_csv(store, "contacts", csv_path)
    rows = read_csv(csv_path)
    at = rows[0].index("LinkedIn")
    assert rows[1][at] == "https://www.linkedin.com/in/budi-santoso"
    export_file(store, "contacts", vcf_path)
    assert "URL;TYPE=linkedin:https://www.linkedin.com/in/budi-santoso" in vcf_path.read_text()
    for path in (csv_path, vcf_path):
        with store.write() as uow:
            for person in contacts_by_name(store).values():
                services.update_contact(uow, person.id, linkedin_url="")
        result = apply_import(store, plan_import(store, path))
        assert result.updated == 1, path.suffix
        budi = contacts_by_name(store)["Budi Santoso"]
        assert budi.linkedin_url == "https://www.linkedin.com/in/budi-santoso", path.suffix


# Names that read differently from what they are: a right-to-left override that shows
# "Budi.exe" as "Budi" + reversed text, zero-width spaces and joiners inside a name,
# isolates and marks. Each must leave the vault without them, in every format.
HIDDEN = [
    ("Budi\u202egpj.exe", "Budigpj.exe"),
    ("\u2067Sari\u2069 Dewi", "Sari Dewi"),
    ("Ac\u200bme\u200d Corp\u2060", "Acme Corp"),
    ("\u200eAndi\u200f \u061cW\ufeff", "Andi W"),
    ("Lina\u202a\u202b\u202c\u202d", "Lina"),
]
BIDI = set("\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200e\u200f\u061c")
ZERO_WIDTH = set("\u200b\u200c\u200d\u2060\ufeff")


@pytest.mark.parametrize(("name", "shown"), HIDDEN)
def test_exports_neutralise_bidi_and_zero_width_characters(
    store: Store, tmp_path: Path, name: str, shown: str
) -> None:
    acc = account(store, name)
    contact(store, acc, name, title=name, notes=name, emails=["x@example.com"])
    followup(store, acc, name, datetime(2026, 12, 1, 2, 0, tzinfo=UTC))
    for kind, file in (
        ("contacts", "c.csv"),
        ("accounts", "a.csv"),
        ("followups", "f.csv"),
        ("contacts", "c.vcf"),
        ("followups", "f.ics"),
    ):
        export_file(store, kind, tmp_path / file)
        text = (tmp_path / file).read_bytes().decode("utf-8-sig")
        assert not (set(text) & (BIDI | ZERO_WIDTH)), (file, name)
        assert shown in text.replace("\r\n ", ""), (file, name)  # vCard/ICS fold long lines
    assert safe_cell(name) == shown


def test_joiners_inside_scripts_that_need_them_are_kept() -> None:
    persian = "\u0645\u06cc\u200c\u062e\u0648\u0627\u0647\u0645"  # ZWNJ between letters
    family = "\U0001f468\u200d\U0001f469\u200d\U0001f467"  # one emoji, joined
    assert safe_cell(persian) == persian and safe_cell(family) == family
    assert safe_cell("Bud\u200di") == "Budi"
