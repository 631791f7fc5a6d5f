"""Floors of the import and export scenarios, run as child processes like the app's own
commands (so that their time and peak memory compare): the least work that does the
same job.

    python bench/process_floors.py import DB CSV    (key as hex on stdin)
    python bench/process_floors.py export DB CSV    (key as hex on stdin)

import: read the CSV with the csv module, normalise every phone with phonenumbers
(region ID) and insert the contacts with ONE ``executemany`` into SQLCipher in one
transaction (the search-index triggers deferred, as the importer defers them).
export: read every live contact with one SELECT and write them with csv.writer.
"""

from __future__ import annotations

import csv
import json
import sys
import uuid
from datetime import UTC, datetime
from pathlib import Path

import phonenumbers
import sqlcipher3


def _connect(db: Path, key: bytes) -> sqlcipher3.Connection:
    conn = sqlcipher3.connect(str(db), isolation_level=None)
    conn.execute(f"PRAGMA key = \"x'{key.hex()}'\"")
    conn.execute("PRAGMA synchronous = FULL")
    conn.execute("PRAGMA temp_store = MEMORY")
    return conn


def _phone(raw: str) -> str:
    try:
        number = phonenumbers.parse(raw, "ID")
    except phonenumbers.NumberParseException:
        return raw
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)


def import_floor(db: Path, source: Path, key: bytes) -> int:
    now = datetime.now(UTC).replace(tzinfo=None).isoformat(sep=" ")
    rows = []
    with source.open(newline="", encoding="utf-8") as f:
        for r in csv.DictReader(f):
            phones = [_phone(p) for p in (r["Phone Number"], r["Mobile Phone Number"]) if p]
            rows.append(
                (
                    str(uuid.uuid4()),
                    f"{r['First Name']} {r['Last Name']}".strip(),
                    r["Job Title"],
                    json.dumps([r["Email"]] if r["Email"] else []),
                    json.dumps(phones),
                    r["Message"],
                    now,
                    now,
                )
            )
    conn = _connect(db, key)
    conn.execute("BEGIN IMMEDIATE")
    conn.execute("INSERT INTO index_deferral(token) VALUES ('floor')")
    conn.executemany(
        "INSERT INTO contacts (id, account_id, name, title, emails, phones, linkedin_url, "
        "notes, created_at, updated_at) VALUES (?, NULL, ?, ?, ?, ?, '', ?, ?, ?)",
        rows,
    )
    conn.execute("DELETE FROM index_deferral WHERE token = 'floor'")
    conn.execute("COMMIT")
    conn.close()
    return len(rows)


def export_floor(db: Path, target: Path, key: bytes) -> int:
    conn = _connect(db, key)
    count = 0
    with target.open("w", newline="", encoding="utf-8") as f:
        out = csv.writer(f)
        out.writerow(["name", "title", "emails", "phones", "birthday", "notes", "account"])
        cursor = conn.execute(
            "SELECT c.name, c.title, c.emails, c.phones, c.birthday, c.notes, a.name "
            "FROM contacts c LEFT JOIN accounts a ON a.id = c.account_id "
            "WHERE c.deleted_at IS NULL ORDER BY c.name"
        )
        for row in cursor:
            out.writerow(row)
            count += 1
    conn.close()
    return count


def main(argv: list[str]) -> int:
    mode, db, path = argv[0], Path(argv[1]), Path(argv[2])
    key = bytes.fromhex(sys.stdin.read().strip())
    count = (import_floor if mode == "import" else export_floor)(db, path, key)
    print(json.dumps({mode: count}))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
