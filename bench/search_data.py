"""The search benchmark's database: team-scale clients and contacts and 1,000,000 notes
as account executives write them (English and Indonesian, a few sentences to a page),
written through the services' bulk path (``models.services.bulk``) so that the search
triggers index every row as they do in use.

Cached under /tmp (``relasi-bench-search/``) with a fixed bench-only key, so later runs
reuse it: generating 1,000,000 notes takes minutes.
"""

from __future__ import annotations

import hashlib
import random
import time
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

from models.entities import Deal, FollowUp, new_id
from models.services.bulk import BulkWrite, insert_rows
from models.store import Store

#: A bench-only key (synthetic data): the same every run, so the cached file opens again.
KEY = hashlib.sha256(b"relasi bench search: synthetic data only").digest()

FIRST = [
    "Budi",
    "Rina",
    "Sari",
    "Andi",
    "Dewi",
    "Agus",
    "Wati",
    "Hendra",
    "Putri",
    "Joko",
    "Lina",
    "Rudi",
    "Maya",
    "Eko",
    "Yanti",
    "Tono",
    "Siti",
    "Bambang",
    "Ratna",
    "Dimas",
    "Ayu",
    "Fajar",
    "Indah",
    "Gilang",
    "Nina",
    "Reza",
    "Tari",
    "Wahyu",
    "John",
    "Sarah",
    "Michael",
    "Emily",
    "David",
    "Laura",
    "James",
    "Anna",
    "Robert",
    "Grace",
    "Kevin",
    "Olivia",
]
LAST = [
    "Santoso",
    "Wijaya",
    "Kusuma",
    "Hartono",
    "Pratama",
    "Saputra",
    "Halim",
    "Gunawan",
    "Siregar",
    "Nasution",
    "Wibowo",
    "Setiawan",
    "Lestari",
    "Hidayat",
    "Purnomo",
    "Smith",
    "Johnson",
    "Lee",
    "Tan",
    "Lim",
    "Brown",
    "Wong",
    "Chen",
]
COMPANY = [
    "Maju Jaya",
    "Sinar Abadi",
    "Mitra Sejahtera",
    "Nusantara Digital",
    "Kopi Kenangan Baru",
    "Globex",
    "Initech",
    "Cahaya Logistik",
    "Bumi Perkasa",
    "Sentosa Retail",
    "Harapan Pangan",
    "Tirta Mandiri",
    "Samudra Teknologi",
    "Garuda Farma",
    "Mega Finance",
    "Indo Agri",
    "Asia Konstruksi",
    "Prima Medika",
    "Bintang Energi",
    "Delta Solusi",
]
PRODUCT = [
    "enterprise plan",
    "paket enterprise",
    "CRM seats",
    "SSO add-on",
    "analytics module",
    "modul laporan",
    "onboarding package",
    "support premium",
    "data migration",
    "integrasi ERP",
    "pilot project",
    "training workshop",
    "API access",
    "mobile app rollout",
]
EN = (
    "Had a meeting with {p} at their office about the {x}.",
    "{p} joined the call with the procurement team; they asked for a revised proposal.",
    "Meeting notes: budget for next year is still under review, decision expected after "
    "the board meeting.",
    "Demo went well, {p} wants to see the reporting dashboard again next week.",
    "They compared us with two other vendors and found our pricing reasonable for the {x}.",
    "Follow up with {p} about the contract renewal before the end of the quarter.",
    "Send the updated quotation and the security questionnaire to {p}.",
    "Discussed the implementation timeline, integration with their ERP and data migration.",
    "The CFO wants a discount of around 10 percent if they sign this month.",
    "Quick meeting at the cafe near their warehouse, mostly about delivery schedules.",
    "No decision yet; legal is reviewing the terms and the service level agreement.",
    "Call {p} on Tuesday to confirm the workshop date and the number of attendees.",
    "They had issues with invoices last month; finance will send a summary.",
    "Met the new IT manager, who is interested in single sign-on and audit logs.",
    "Prepare a short presentation for the steering committee meeting.",
)
ID = (
    "Ketemu {p} di kantor mereka untuk membahas {x}.",
    "Rapat dengan tim pengadaan, mereka minta proposal revisi minggu depan.",
    "Catatan meeting: anggaran tahun depan masih ditinjau, keputusan setelah rapat direksi.",
    "Demo berjalan lancar, {p} ingin melihat dashboard laporan sekali lagi.",
    "Mereka membandingkan kita dengan dua vendor lain, harga kita dianggap wajar untuk {x}.",
    "Follow up {p} soal perpanjangan kontrak sebelum akhir kuartal.",
    "Kirim penawaran harga terbaru dan kuesioner keamanan ke {p}.",
    "Membahas jadwal implementasi, integrasi dengan ERP mereka dan migrasi data.",
    "Direktur keuangan minta diskon sekitar 10 persen kalau tanda tangan bulan ini.",
    "Meeting singkat di kafe dekat gudang mereka, kebanyakan soal jadwal pengiriman.",
    "Belum ada keputusan; bagian legal masih meninjau syarat dan SLA.",
    "Telepon {p} hari Selasa untuk konfirmasi tanggal pelatihan dan jumlah peserta.",
    "Ada masalah tagihan bulan lalu; tim keuangan akan kirim ringkasan.",
    "Bertemu manajer TI yang baru, tertarik dengan SSO dan log audit.",
    "Siapkan presentasi singkat untuk rapat komite pengarah.",
)
SUBJECT_EN = (
    "Meeting with {p}",
    "Call about {x}",
    "Demo of the {x}",
    "Proposal review",
    "Site visit",
)
SUBJECT_ID = ("Rapat dengan {p}", "Telepon soal {x}", "Demo {x}", "Tinjau proposal", "Kunjungan")
#: A rare word: in about one note in 20,000.
RARE = "zebrafish"
KINDS = ("meeting", "call", "email", "note", "demo", "proposal")


def person(rng: random.Random) -> str:
    return f"{rng.choice(FIRST)} {rng.choice(LAST)}"


def note_text(rng: random.Random) -> tuple[str, str]:
    """A subject and a body of a few sentences to a page, in one of the two languages."""
    indonesian = rng.random() < 0.5
    pool, subjects = (ID, SUBJECT_ID) if indonesian else (EN, SUBJECT_EN)
    fill = {"p": ("Pak " if indonesian else "") + rng.choice(FIRST), "x": rng.choice(PRODUCT)}
    n = min(int(rng.paretovariate(1.6)) + 2, 25)
    sentences = [rng.choice(pool).format(**fill) for _ in range(n)]
    if rng.random() < 1 / 20_000:
        sentences.insert(rng.randrange(len(sentences) + 1), f"Mentioned the {RARE} lab again.")
    paragraphs, at = [], 0
    while at < len(sentences):
        step = rng.randint(2, 5)
        paragraphs.append(" ".join(sentences[at : at + step]))
        at += step
    return rng.choice(subjects).format(**fill), "\n\n".join(paragraphs)


def _chunks(total: int, size: int) -> Iterator[range]:
    for start in range(0, total, size):
        yield range(start, min(start + size, total))


def generate(
    store: Store,
    *,
    accounts: int,
    contacts: int,
    notes: int,
    followups: int,
    deals: int,
    seed: int = 7,
    batch: int = 20_000,
    say: bool = True,
) -> None:
    """Fill ``store``: clients skewed (a few with thousands of notes, most with a few)."""
    rng = random.Random(seed)
    started = time.perf_counter()
    account_ids = [new_id() for _ in range(accounts)]
    # Skew: client k's weight ~ 1/(k+1)^0.8 -- a few clients get thousands of notes.
    weights = [1 / (k + 1) ** 0.8 for k in range(accounts)]

    def log(what: str) -> None:
        if say:
            print(f"  {what} ({time.perf_counter() - started:.0f} s)", flush=True)

    for part in _chunks(accounts, batch):
        with store.write() as uow:
            bulk = BulkWrite(uow, "bench")
            for i in part:
                name = f"{rng.choice(['PT', 'CV', 'PT', ''])} {rng.choice(COMPANY)} {i:06d}"
                bulk.create("account", account_ids[i], {"name": name.strip(), "tier": "ABC"[i % 3]})
            bulk.flush({"created": len(part)}, [], lambda _f: None, 5_000)
    log(f"{accounts:,} clients")
    for part in _chunks(contacts, batch):
        with store.write() as uow:
            bulk = BulkWrite(uow, "bench")
            for i in part:
                name = person(rng)
                values = {
                    "name": name,
                    "title": rng.choice(["CFO", "IT Manager", "Procurement", "Direktur", ""]),
                    "emails": [f"{name.split()[0].lower()}.{i}@example.co.id"],
                    "phones": [f"0812{rng.randrange(10**8):08d}"],
                }
                bulk.create("contact", new_id(), values, account_id=rng.choice(account_ids))
            bulk.flush({"created": len(part)}, [], lambda _f: None, 5_000)
    log(f"{contacts:,} contacts")
    now = store.clock.now()
    for part in _chunks(notes, batch):
        owners = rng.choices(account_ids, weights, k=len(part))
        with store.write() as uow:
            bulk = BulkWrite(uow, "bench")
            for i, owner in zip(part, owners, strict=True):
                subject, body = note_text(rng)
                values = {
                    "kind": rng.choice(KINDS),
                    # Older notes first: the newest note has the highest rowid, as in use.
                    "occurred_at": now - timedelta(minutes=(notes - i) * 0.5),
                    "subject": subject,
                    "body": body,
                }
                bulk.create("interaction", new_id(), values, account_id=owner)
            bulk.flush({"created": len(part)}, [], lambda _f: None, 5_000)
        if (part.stop // batch) % 10 == 0:
            log(f"{part.stop:,} notes")
    log(f"{notes:,} notes")
    with store.write() as uow:
        stamp = {"created_at": uow.now, "updated_at": uow.now, "deleted_at": None}
        rows = [
            {
                "id": new_id(),
                "account_id": rng.choice(account_ids),
                "title": f"{rng.choice(['Follow up', 'Kirim proposal', 'Call', 'Telepon'])} "
                f"{person(rng)}",
                "due_at": now + timedelta(hours=rng.randint(-500, 2000)),
                "all_day": True,
                "priority": 1,
                "notes": "",
                **stamp,
            }
            for _ in range(followups)
        ]
        insert_rows(uow, FollowUp.__table__, rows, 5_000)  # type: ignore[arg-type]
        rows = [
            {
                "id": new_id(),
                "account_id": rng.choice(account_ids),
                "title": f"{rng.choice(PRODUCT).capitalize()} {i:05d}",
                "stage": rng.choice(["lead", "qualified", "demo", "proposal", "won", "lost"]),
                "amount_minor": rng.randrange(10**6, 10**10),
                "currency": "IDR",
                "probability": 50,
                "lost_reason": "",
                "notes": "",
                **stamp,
            }
            for i in range(deals)
        ]
        insert_rows(uow, Deal.__table__, rows, 5_000)  # type: ignore[arg-type]
    log(f"{followups:,} follow-ups, {deals:,} deals")


def cached_path(notes: int) -> Path:
    folder = Path("/tmp/relasi-bench-search")
    folder.mkdir(exist_ok=True)
    return folder / f"notes-{notes}.db"
