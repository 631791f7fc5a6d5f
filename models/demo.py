"""Realistic demo data: Indonesian and international clients, 18 months of history.

Deterministic for a given seed, written through the services in one transaction
so the triggers, search index and change notification all see it. Interactions are
spread over the 18 months with busier and quieter weeks; the deals' histories (made
by :mod:`models.demo_deals`) give the KPI dashboard something to measure.
"""

from __future__ import annotations

import random
from datetime import timedelta

from models import services
from models.demo_deals import HISTORY_DAYS, DealHistory, add_competitors
from models.entities import AccountStatus, InteractionKind, Tier
from models.errors import RelasiError
from models.queries.followups import all_day_value
from models.queries.stats import is_empty
from models.store import Store

_ID_PREFIXES = ["PT", "PT", "PT", "CV", "Koperasi"]
_ID_WORDS = [
    "Maju",
    "Jaya",
    "Sentosa",
    "Abadi",
    "Makmur",
    "Sejahtera",
    "Nusantara",
    "Mandiri",
    "Sinar",
    "Cahaya",
    "Karya",
    "Bumi",
    "Mitra",
    "Prima",
    "Sukses",
    "Gemilang",
    "Lestari",
    "Persada",
    "Indah",
    "Bersama",
    "Andalan",
    "Surya",
    "Garuda",
    "Samudra",
    "Harapan",
]
_ID_SUFFIXES = ["Tbk", "", "", "", "Indonesia", "Group", "Logistik", "Teknologi", "Pangan"]
_EN_WORDS = [
    "Acme",
    "Northwind",
    "Globex",
    "Initech",
    "Umbrella",
    "Stark",
    "Wayne",
    "Hooli",
    "Vandelay",
    "Pied Piper",
    "Soylent",
    "Tyrell",
    "Cyberdyne",
    "Massive Dynamic",
    "Oscorp",
    "Blue Harbor",
    "Silverline",
    "Redwood",
    "Evergreen",
    "Summit",
    "Keystone",
    "Atlas",
]
_EN_SUFFIXES = ["Corp", "Inc", "Ltd", "Holdings", "Systems", "Labs", "Partners", "Trading"]
_INDUSTRIES = [
    "Banking",
    "Insurance",
    "Retail",
    "Logistics",
    "Manufacturing",
    "Telecommunications",
    "Healthcare",
    "Mining",
    "Agriculture",
    "Hospitality",
    "Education",
    "Energy",
    "FMCG",
    "Property",
    "Media",
]
_FIRST = [
    "Budi",
    "Sari",
    "Andi",
    "Dewi",
    "Agus",
    "Rina",
    "Joko",
    "Siti",
    "Hendra",
    "Ayu",
    "Bambang",
    "Putri",
    "Rizky",
    "Intan",
    "Wahyu",
    "Lestari",
    "Fajar",
    "Nurul",
    "Dimas",
    "Maya",
    "James",
    "Emily",
    "Michael",
    "Sarah",
    "David",
    "Olivia",
    "Daniel",
    "Grace",
    "Kevin",
    "Linda",
    "Wei",
    "Mei",
    "Arjun",
    "Priya",
]
_LAST = [
    "Santoso",
    "Wijaya",
    "Pratama",
    "Hidayat",
    "Saputra",
    "Kusuma",
    "Setiawan",
    "Halim",
    "Nugroho",
    "Siregar",
    "Harahap",
    "Tanoto",
    "Gunawan",
    "Susanto",
    "Lim",
    "Tan",
    "Smith",
    "Johnson",
    "Brown",
    "Taylor",
    "Walker",
    "Chen",
    "Wong",
    "Sharma",
]
_TITLES = [
    "Direktur Utama",
    "Head of Procurement",
    "IT Manager",
    "CFO",
    "Purchasing Officer",
    "General Manager",
    "Kepala Divisi Operasional",
    "VP Sales",
    "Finance Manager",
    "CTO",
]
_TAGS = ["enterprise", "jakarta", "surabaya", "bandung", "renewal", "pilot", "strategic", "sme"]
_SUBJECTS = {
    InteractionKind.MEETING: [
        "Kick-off meeting",
        "Kunjungan ke kantor klien",
        "Quarterly business review",
        "Rapat evaluasi kontrak",
        "Discovery meeting",
        "Makan siang dengan tim procurement",
    ],
    InteractionKind.CALL: [
        "Follow-up call",
        "Telepon soal harga",
        "Check-in call",
        "Call about renewal",
        "Diskusi jadwal implementasi",
    ],
    InteractionKind.EMAIL: [
        "Sent pricing sheet",
        "Kirim proposal revisi",
        "Meeting recap",
        "Invoice question",
    ],
    InteractionKind.DEMO: ["Product demo", "Demo modul pelaporan", "Technical deep dive"],
    InteractionKind.PROPOSAL: ["Proposal submitted", "Penawaran harga dikirim"],
    InteractionKind.CONTRACT: ["Contract signed", "Perpanjangan kontrak ditandatangani"],
    InteractionKind.GIFT: ["Parsel Lebaran", "Holiday gift basket"],
    InteractionKind.NOTE: ["Catatan internal", "Internal note", "Org chart update"],
}
_BODIES = [
    "Discussed **budget** for next year. They want a phased rollout starting in Q2.",
    "Klien tertarik dengan paket premium, tapi minta diskon untuk kontrak 2 tahun.",
    "- Decision maker: CFO\n- Competitor: incumbent vendor\n- Timeline: before fiscal year end",
    "Pak {name} minta proposal revisi dengan harga dalam Rupiah.",
    "Bu {name} mentioned a reorganisation; procurement moves to the regional office.",
    "Went through the integration plan. Open question: SSO and data residency.",
    "Suasana positif. Mereka puas dengan layanan support bulan ini.",
    "Pricing objection: they compare us with a cheaper local provider.",
    "Zoho offered them 30% off a three-year contract. #pricing",
    "Mekari is pitching payroll bundled with accounting; Bu {name} is curious. #bundling",
    "Salesforce's partner ran a workshop for their IT team last week.",
    "They are unhappy with HubSpot support; renewal is due in March. #e-invoicing",
    "CV Solusi Lokal came on site twice this month. Pak {name} liked that.",
]
_FOLLOWUPS = [
    "Kirim proposal revisi",
    "Send updated pricing",
    "Call {name} about the renewal",
    "Jadwalkan demo untuk tim IT",
    "Prepare QBR deck",
    "Hubungi {name} soal invoice",
    "Email case study",
    "Undang ke webinar produk",
    "Confirm meeting agenda",
]


class DemoRefused(RelasiError):
    code = "demo-refused"


def _company(rng: random.Random, used: set[str]) -> str:
    while True:
        if rng.random() < 0.6:
            name = f"{rng.choice(_ID_PREFIXES)} {rng.choice(_ID_WORDS)} {rng.choice(_ID_WORDS)}"
            suffix = rng.choice(_ID_SUFFIXES)
            name = f"{name} {suffix}".strip()
        else:
            name = f"{rng.choice(_EN_WORDS)} {rng.choice(_EN_SUFFIXES)}"
        if name not in used:
            used.add(name)
            return name


def _in_a_busy_week(rng: random.Random, weeks: list[float]) -> timedelta:
    """How long ago an interaction happened: weeks weighted by how busy each was."""
    week = rng.choices(range(len(weeks)), weights=weeks)[0]
    return timedelta(days=min(HISTORY_DAYS, week * 7 + rng.uniform(0, 7)))


def fill_demo(store: Store, *, accounts: int = 200, seed: int = 7) -> dict[str, int]:
    """Fill an empty database with demo data; refuse a database that has data."""
    if not is_empty(store):
        raise DemoRefused(f"{store.path} already holds data; --demo only fills an empty database")
    rng = random.Random(seed)
    now = store.clock.now()
    used: set[str] = set()
    counts = dict.fromkeys(("accounts", "contacts", "interactions", "followups", "deals"), 0)
    weeks = [rng.uniform(0.3, 1.7) for _ in range(HISTORY_DAYS // 7 + 1)]
    with store.write() as uow:
        add_competitors(uow)
        history = DealHistory(rng, now)
        for _ in range(accounts):
            tier = rng.choices([Tier.A, Tier.B, Tier.C], weights=[2, 5, 3])[0]
            status = rng.choices(list(AccountStatus), weights=[3, 10, 2, 1])[0]
            name = _company(rng, used)
            slug = name.lower().replace("pt ", "").replace("cv ", "").split()[0]
            account_id = services.create_account(
                uow,
                name,
                tier=tier.value,
                status=status.value,
                industry=rng.choice(_INDUSTRIES),
                website=f"https://www.{slug}{rng.randint(1, 99)}.example",
                phone=f"+62 21 {rng.randint(3000000, 7999999)}",
                address=rng.choice(
                    ["Jakarta Selatan", "Surabaya", "Bandung", "Medan", "Singapore"]
                ),
                tags=rng.sample(_TAGS, k=rng.randint(0, 2)),
            )
            counts["accounts"] += 1
            contact_ids: list[tuple[str, str]] = []
            for _ in range(rng.randint(1, 6)):
                first, last = rng.choice(_FIRST), rng.choice(_LAST)
                contact_ids.append(
                    (
                        services.create_contact(
                            uow,
                            f"{first} {last}",
                            account_id=account_id,
                            title=rng.choice(_TITLES),
                            emails=[f"{first}.{last}@{slug}.example".lower()],
                            phones=[
                                f"+62 81{rng.randint(1, 9)} {rng.randint(1000, 9999)} "
                                f"{rng.randint(1000, 9999)}"
                            ],
                        ),
                        first,
                    )
                )
                counts["contacts"] += 1
            activity = {Tier.A: 30, Tier.B: 15, Tier.C: 6}[tier]
            for _ in range(rng.randint(activity // 2, activity)):
                kind = rng.choices(list(_SUBJECTS), weights=[8, 10, 6, 2, 2, 1, 1, 3])[0]
                who = rng.sample(contact_ids, k=min(len(contact_ids), rng.randint(1, 2)))
                services.add_interaction(
                    uow,
                    account_id,
                    kind=kind.value,
                    occurred_at=now - _in_a_busy_week(rng, weeks),
                    subject=rng.choice(_SUBJECTS[kind]),
                    body=rng.choice(_BODIES).format(name=who[0][1]),
                    contact_ids=[c for c, _ in who],
                    duration_minutes=rng.choice([None, 15, 30, 45, 60, 90]),
                    gift_value_minor=rng.randint(20, 90) * 100
                    if kind is InteractionKind.GIFT
                    else None,
                    gift_currency="USD" if kind is InteractionKind.GIFT else None,
                )
                counts["interactions"] += 1
            for _ in range(rng.randint(0, 4)):
                offset = rng.randint(-10, 30)
                due = now + timedelta(days=offset)
                timed = rng.random() < 0.3
                fid = services.create_followup(
                    uow,
                    account_id,
                    rng.choice(_FOLLOWUPS).format(name=rng.choice(contact_ids)[1]),
                    due.replace(hour=rng.choice([2, 3, 7, 8]), minute=0, second=0, microsecond=0)
                    if timed
                    else all_day_value(due.date()),
                    all_day=not timed,
                    priority=rng.choice([0, 1, 1, 2]),
                )
                if offset < 0 and rng.random() < 0.8:
                    services.complete_followup(uow, fid)
                counts["followups"] += 1
            if status in (AccountStatus.ACTIVE, AccountStatus.PROSPECT) and rng.random() < 0.75:
                counts["deals"] += history.deals(uow, account_id)
        history.targets(uow)
    return counts
