"""Benchmark: which client a quick note names, at team scale (issue 13).

    python bench/client_match.py [--accounts 100000] [--runs 40]

Generates ``--accounts`` clients (names like "PT Klien 004242 Budget", so the words
"Klien" and "Budget" are in every other name) with four contacts each, plus the
near-miss names of the tests (PT Maju Jaya, PT Maju Indah, CV Maju Harapan Pangan,
Globex Corporation, Globe Express), then times ``lookup_client`` (company mentions
found in the note, candidates from the client_fts trigram index, ranked) for a few
notes, runs alternating with the floor: the index query for the note's first
mention's phrase in raw sqlcipher3 (``SELECT rowid FROM client_fts WHERE
client_fts MATCH ... LIMIT 300``) on its own connection. Medians in ms.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import keyring

from bench.datagen import Scale, generate
from models import services
from models.capture.client_lookup import PER_QUERY, lookup_client
from models.capture.mentions import find_mentions
from models.store import open_store
from models.vault import unlock
from tests.keyrings import MemoryKeyring

NOTES = {
    "prose, PT Maju Jaya": (
        "Ketemu Pak Budi di kantor PT Maju Jaya. Mereka tertarik paket enterprise Rp 500 jt. "
        "Kirim proposal besok, follow up Selasa depan jam 3 sore."
    ),
    "short form Globex": "Demo for Globex went well, they want pricing",
    "generated client": "Rapat dengan {generated} soal renewal",
    "common words only": "Budget meeting with Klien team about Proposal",
    "lower case": "ketemu di pt maju jaya kemarin",
    "no company": "Ketemu mereka, belum ada keputusan.",
}
NEAR = ["PT Maju Jaya", "PT Maju Indah", "CV Maju Harapan Pangan", "Globex Corporation",
        "Globe Express"]  # fmt: skip


def median_ms(samples: list[float]) -> float:
    return statistics.median(samples) * 1000


def floor_queries(text: str) -> list[str]:
    mentions = find_mentions(text)
    if not mentions:
        return []
    words = [w for w in mentions[0].text.casefold().split() if w not in ("pt", "cv")]
    phrase = " ".join(words)
    return ['"' + phrase.replace('"', '""') + '"'] if len(phrase) >= 3 else []


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--accounts", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=40)
    args = parser.parse_args()
    keyring.set_keyring(MemoryKeyring())
    path = Path(tempfile.mkdtemp()) / "match.db"
    store = open_store(path)
    n = args.accounts
    t = time.perf_counter()
    generate(store, Scale(n, n * 4, 0, 0, 0))
    with store.write() as uow:
        for name in NEAR:
            services.create_account(uow, name)
    print(f"generated {n:,} clients in {time.perf_counter() - t:.0f} s", flush=True)
    from sqlalchemy import select

    from models.entities import Account

    with store.read() as s:
        generated = s.scalars(
            select(Account.name).where(Account.name.like(f"%Klien {n // 2:06d} %"))
        ).one()

    import sqlcipher3

    conn = sqlcipher3.connect(str(path))
    conn.execute(f"PRAGMA key = \"x'{unlock.load_key(path).hex()}'\"")
    print(f"{'note':<24}{'lookup ms':>10}{'floor ms':>10}  best match")
    for label, template in NOTES.items():
        text = template.format(generated=generated)
        ours, floor = [], []
        best = None
        queries = floor_queries(text)
        for _ in range(args.runs):  # alternating: ours, then the floor
            t = time.perf_counter()
            found = lookup_client(store, text)
            ours.append(time.perf_counter() - t)
            best = found.best.name if found.best else (found.new_name and "new: " + found.new_name)
            t = time.perf_counter()
            for query in queries:
                conn.execute(
                    "SELECT rowid FROM client_fts WHERE client_fts MATCH ? LIMIT ?",
                    (query, PER_QUERY),
                ).fetchall()
            floor.append(time.perf_counter() - t)
        print(f"{label:<24}{median_ms(ours):>10.2f}{median_ms(floor):>10.2f}  {best}", flush=True)
    conn.close()
    store.close()


if __name__ == "__main__":
    main()
