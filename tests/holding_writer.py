"""A writer that keeps a database open, for the restore race test.

``python tests/holding_writer.py DB`` with the key (hex) on the first line of stdin:
opens the store, writes an account, prints ``ready``, waits for a line on stdin,
writes another account, prints ``ok``, closes and prints ``done``.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import keyring  # noqa: E402

from models import services  # noqa: E402
from models.store import open_store  # noqa: E402
from models.vault import keys  # noqa: E402
from tests.keyrings import MemoryKeyring  # noqa: E402


def main() -> int:
    db = Path(sys.argv[1])
    key = bytes.fromhex(sys.stdin.readline().strip())
    keyring.set_keyring(MemoryKeyring())
    keys.store_key(db, key)
    store = open_store(db)
    with store.write() as uow:
        services.create_account(uow, "Written before the restore")
    print("ready", flush=True)
    sys.stdin.readline()
    with store.write() as uow:
        services.create_account(uow, "Written after the restore was asked for")
    print("ok", flush=True)
    store.close()
    print("done", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
