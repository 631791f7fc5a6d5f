"""A HubSpot contacts export of ``rows`` rows, as the import benchmark reads it: HubSpot's
column names, Indonesian phone numbers written the ways people write them, about one
company for every ten people, a message on some rows. Deterministic for a seed."""

from __future__ import annotations

import csv
import random
from pathlib import Path

from bench import vocab

HEADER = ["Record ID", "First Name", "Last Name", "Email", "Phone Number",
          "Mobile Phone Number", "Job Title", "Company Name", "Message"]  # fmt: skip


def _phone(rng: random.Random) -> str:
    n = rng.randint(10_000_000, 99_999_999)
    return rng.choice(
        [
            f"0812-{n // 10_000:04d}-{n % 10_000:04d}",
            f"+62 813 {n:08d}",
            f"(021) {n % 10_000_000:07d}",
            f"62811{n:08d}",
            f"0856 {n // 10_000:04d} {n % 10_000:04d}",
        ]
    )


def write(path: Path, rows: int, *, seed: int = 1) -> Path:
    rng = random.Random(seed)
    companies = [vocab.company(rng, i) for i in range(max(1, rows // 10))]
    with path.open("w", newline="", encoding="utf-8") as f:
        out = csv.writer(f)
        out.writerow(HEADER)
        for i in range(rows):
            first, last = rng.choice(vocab.FIRST), rng.choice(vocab.LAST)
            out.writerow(
                [
                    str(100_000 + i),
                    first,
                    last,
                    f"{first}.{last}.{i}@pelanggan.example".lower(),
                    _phone(rng),
                    _phone(rng) if rng.random() < 0.4 else "",
                    rng.choice(vocab.TITLES),
                    rng.choice(companies),
                    vocab.note(rng, rng.random() < 0.6, 1) if rng.random() < 0.2 else "",
                ]
            )
    return path
