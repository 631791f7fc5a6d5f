"""A backup that stops half way (for tests/models/test_leftovers.py): copies
``python tests/backup_child.py DB`` one page at a time, with the key (hex) as the first
line of stdin, prints ``copying`` at its first step and then waits to be killed."""

from __future__ import annotations

import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from models.vault.backup import backup_database  # noqa: E402


def main() -> int:
    db = Path(sys.argv[1])
    key = bytes.fromhex(sys.stdin.readline().strip())

    def progress(done: int, total: int) -> bool:
        print("copying", flush=True)
        time.sleep(60)  # killed here, half way through the copy
        return True

    backup_database(db, key, progress=progress, pages_per_step=1)
    return 0


if __name__ == "__main__":
    sys.exit(main())
