"""Benchmark: keeping a document inside the encrypted database, and writing it back.

Times ``attach`` of a ``--mib`` MiB file (read a chunk at a time, encrypted by
SQLCipher, committed durably with ``synchronous=FULL``) against its floor, a plain
copy of the same file with fsync (what any file-beside-the-database design costs
before encryption); and ``export_document`` (read back a chunk at a time, SHA-256
checked, written atomically with fsync) against a plain copy of the file. Medians of
``--runs`` runs taken in turn (work, floor, work, ...).

    python bench/documents.py [--runs 5] [--mib 20]

Nothing here is asserted in tests.
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

import keyring

from bench.measure import Row, alternate, table
from models import services
from models.queries.documents import export_document
from models.services.documents import CHUNK_BYTES, attach
from models.store import open_store
from tests.keyrings import MemoryKeyring


def _copy_fsync(source: Path, target: Path) -> None:
    shutil.copyfile(source, target)
    fd = os.open(target, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--mib", type=int, default=20)
    args = parser.parse_args()
    keyring.set_keyring(MemoryKeyring())
    tmp = Path(tempfile.mkdtemp(prefix="relasi-bench-docs-"))
    source = tmp / "source.bin"
    with source.open("wb") as f:
        for _ in range(args.mib):
            f.write(os.urandom(CHUNK_BYTES))
    store = open_store(tmp / "docs.db")
    with store.write() as uow:
        client = services.create_account(uow, "Bench client")
    made: list[str] = []

    def do_attach(_i: int) -> None:
        with store.write() as uow:
            made.append(attach(uow, name="source.bin", data=source, account_id=client))

    def floor_copy(i: int) -> None:
        _copy_fsync(source, tmp / f"copy-{i}.bin")

    def do_export(i: int) -> None:
        export_document(store, made[0], tmp / f"export-{i}.bin")

    def floor_read(i: int) -> None:
        _copy_fsync(source, tmp / f"plain-{i}.bin")

    rows = []
    a, b = alternate(do_attach, floor_copy, args.runs)
    rows.append(Row(f"attach {args.mib} MiB (durable)", a, b))
    a, b = alternate(do_export, floor_read, args.runs)
    rows.append(Row(f"export {args.mib} MiB (atomic, checked)", a, b))
    store.close()
    print(table(rows))
    shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
