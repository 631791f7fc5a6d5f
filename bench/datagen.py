"""Generated data at the DESIGN.md scales, written fast with bulk inserts.

``laptop``: 2,000 accounts, 8,000 contacts, 50,000 interactions, 5,000 follow-ups,
1,500 deals; ``team``: 100,000 / 400,000 / 1,000,000 / 100,000 / 50,000.
Triggers (search index, last contact, next follow-up) run for every row, as in use.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import timedelta

from sqlalchemy import insert

from models.entities import Account, Contact, FollowUp, Interaction, new_id
from models.store import Store

WORDS = [
    "budget",
    "proposal",
    "demo",
    "kontrak",
    "harga",
    "diskon",
    "renewal",
    "pilot",
    "integrasi",
    "laporan",
    "jadwal",
    "tim",
    "procurement",
    "CFO",
    "meeting",
    "follow-up",
    "invoice",
    "webinar",
    "roadmap",
    "security",
    "SSO",
    "migrasi",
]


@dataclass(frozen=True)
class Scale:
    accounts: int
    contacts: int
    interactions: int
    followups: int
    deals: int


SCALES = {
    "laptop": Scale(2_000, 8_000, 50_000, 5_000, 1_500),
    "team": Scale(100_000, 400_000, 1_000_000, 100_000, 50_000),
}


def generate(store: Store, scale: Scale, *, seed: int = 1, chunk: int = 5_000) -> None:
    rng = random.Random(seed)
    now = store.clock.now()
    with store.write() as uow:
        s = uow.session
        stamp = {"created_at": now, "updated_at": now}
        account_ids = [new_id() for _ in range(scale.accounts)]
        for start in range(0, scale.accounts, chunk):
            s.execute(
                insert(Account),
                [
                    {
                        "id": a,
                        "name": f"{rng.choice(['PT', 'CV', ''])} Klien {i:06d} "
                        f"{rng.choice(WORDS).title()}".strip(),
                        "tier": rng.choice("ABC"),
                        "status": "active",
                        "cadence_days": 30,
                        **stamp,
                    }
                    for i, a in enumerate(account_ids[start : start + chunk], start)
                ],
            )
        for start in range(0, scale.contacts, chunk):
            s.execute(
                insert(Contact),
                [
                    {
                        "id": new_id(),
                        "account_id": rng.choice(account_ids),
                        "name": f"Kontak {i:06d}",
                        "emails": [f"k{i}@example.com"],
                        "phones": [],
                        **stamp,
                    }
                    for i in range(start, min(start + chunk, scale.contacts))
                ],
            )
        for start in range(0, scale.interactions, chunk):
            s.execute(
                insert(Interaction),
                [
                    {
                        "id": new_id(),
                        "account_id": rng.choice(account_ids),
                        "kind": "meeting",
                        "occurred_at": now - timedelta(minutes=rng.randint(0, 525_600)),
                        "subject": " ".join(rng.sample(WORDS, 3)),
                        "body": " ".join(rng.choices(WORDS, k=30)),
                        **stamp,
                    }
                    for _ in range(start, min(start + chunk, scale.interactions))
                ],
            )
        for start in range(0, scale.followups, chunk):
            s.execute(
                insert(FollowUp),
                [
                    {
                        "id": new_id(),
                        "account_id": rng.choice(account_ids),
                        "title": "Follow up",
                        "due_at": now + timedelta(hours=rng.randint(-500, 2000)),
                        "all_day": False,
                        **stamp,
                    }
                    for _ in range(start, min(start + chunk, scale.followups))
                ],
            )
