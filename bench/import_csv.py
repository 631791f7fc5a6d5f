"""Benchmark: importing a 100,000-row contacts CSV with duplicate matching on.

Makes a database with 10,000 existing contacts at 1,000 accounts, writes a Salesforce
Contacts-shaped CSV of ``--rows`` rows of which ~10% are existing contacts again (same
e-mail, a changed title for half of them), then plans and applies the import, three
times, each into a fresh copy of the database. Prints rows/s (median of the runs, plan
+ apply, file reading included) and peak memory (ru_maxrss of this process). With
``--streamed`` each run imports as ``main.py import`` does (models.transfer.streaming:
read, match and write a batch at a time) instead of planning the whole file first.

    python bench/import_csv.py [--rows 100000] [--runs 3] [--streamed]

Goal (DESIGN.md): 20,000 rows/s. Nothing here is asserted in tests.
"""

from __future__ import annotations

import argparse
import csv
import random
import resource
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import keyring

from models.entities import Account, Contact, new_id
from models.store import open_store
from models.transfer.importer import apply_import, plan_import
from models.transfer.sources import load_source
from models.transfer.streaming import import_source
from models.vault import keys, unlock
from tests.keyrings import MemoryKeyring

FIRST = [
    "Budi",
    "Sari",
    "Agus",
    "Dewi",
    "Rina",
    "Putu",
    "Made",
    "Nyoman",
    "Wayan",
    "Siti",
    "Ahmad",
    "Nur",
    "Eko",
    "Joko",
    "Lestari",
]
SYLLABLES = [
    "ka",
    "ri",
    "mo",
    "na",
    "to",
    "su",
    "di",
    "wa",
    "ya",
    "ha",
    "li",
    "ga",
    "ne",
    "ro",
    "pu",
]
LAST = [
    "Santoso",
    "Wijaya",
    "Pratama",
    "Putri",
    "Hidayat",
    "Saputra",
    "Kusuma",
    "Halim",
    "Gunawan",
    "Susanto",
    "Nugroho",
]


def make_db(folder: Path, existing: int, accounts: int) -> tuple[Path, list[tuple[str, str, str]]]:
    path = folder / "bench.db"
    store = open_store(path)
    rnd = random.Random(7)
    people: list[tuple[str, str, str]] = []
    with store.write() as uow:
        now = uow.now
        account_rows = [
            {"id": new_id(), "name": f"PT Klien {i:04d}", "industry": "", "tier": "B",
             "status": "active", "website": f"https://klien{i:04d}.example", "phone": "",
             "address": "", "notes": "", "cadence_days": 30, "last_contact_at": None,
             "next_followup_at": None, "created_at": now, "updated_at": now, "deleted_at": None}
            for i in range(accounts)
        ]  # fmt: skip
        uow.session.execute(Account.__table__.insert(), account_rows)
        contact_rows = []
        for i in range(existing):
            account = account_rows[i % accounts]
            first, last = rnd.choice(FIRST), rnd.choice(LAST)
            email = f"{first}.{last}.{i}@klien.example".lower()
            people.append((f"{first} {last}", email, account["name"]))
            contact_rows.append(
                {"id": new_id(), "account_id": account["id"], "name": f"{first} {last}",
                 "title": "Buyer", "emails": [email], "phones": [f"+62812{i:07d}"],
                 "birthday": None, "notes": "", "created_at": now, "updated_at": now,
                 "deleted_at": None}
            )  # fmt: skip
        uow.session.execute(Contact.__table__.insert(), contact_rows)
    store.close()
    return path, people


def make_csv(path: Path, rows: int, people: list[tuple[str, str, str]], accounts: int) -> None:
    rnd = random.Random(11)
    with path.open("w", newline="", encoding="utf-8") as f:
        w = csv.writer(f)
        w.writerow(["First Name", "Last Name", "Title", "Account Name", "Email", "Phone",
                    "Mobile", "Mailing City", "Description"])  # fmt: skip
        for i in range(rows):
            if i % 10 == 0 and people:  # ~10% are existing contacts again
                name, email, company = people[(i // 10) % len(people)]
                first, last = name.split(" ", 1)
                title = "Head of Purchasing" if i % 20 == 0 else "Buyer"
                w.writerow([first, last, title, company, email, "", "", "Jakarta", ""])
                continue
            first = f"{rnd.choice(FIRST)} {rnd.choice(SYLLABLES)}{rnd.choice(SYLLABLES)}"
            last = f"{rnd.choice(LAST)}{rnd.choice(SYLLABLES)}"
            w.writerow([
                first, last, "Manager", f"PT Klien {rnd.randrange(accounts * 2):04d}",
                f"n{i}@baru.example", f"021 {5000000 + i}",
                f"0813{i:08d}"[:13], "Surabaya", "Imported from the old CRM",
            ])  # fmt: skip


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--streamed", action="store_true", help="import as main.py does")
    args = parser.parse_args()
    keyring.set_keyring(MemoryKeyring())
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        template, people = make_db(folder, existing=10_000, accounts=1_000)
        key = unlock.load_key(template)
        csv_path = folder / "contacts.csv"
        make_csv(csv_path, args.rows, people, 1_000)
        rates: list[float] = []
        for run in range(args.runs):
            db = folder / f"run{run}.db"
            shutil.copyfile(template, db)
            keys.store_key(db, key)
            store = open_store(db)
            started = time.perf_counter()
            if args.streamed:
                result = import_source(store, load_source(csv_path, lazy=True)).result
                planned = started
            else:
                plan = plan_import(store, csv_path)
                planned = time.perf_counter()
                result = apply_import(store, plan)
            done = time.perf_counter()
            store.close()
            rates.append(args.rows / (done - started))
            print(
                f"run {run + 1}: {args.rows / (done - started):,.0f} rows/s "
                f"(plan {planned - started:.2f} s, apply {done - planned:.2f} s; "
                f"created {result.created}, updated {result.updated}, "
                f"unchanged {result.unchanged}, accounts {result.accounts_created}, "
                f"errors {len(result.errors)})"
            )
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        print(f"median: {statistics.median(rates):,.0f} rows/s (goal 20,000); "
              f"peak memory (maxrss): {peak:,.0f} MB")  # fmt: skip
    return 0


if __name__ == "__main__":
    sys.exit(main())
