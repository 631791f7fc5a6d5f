"""Child process for the kill-during-re-key test.

``python -m tests.rekey_child DB [STEP]``: reads the passphrase from stdin, prints
``ready``, waits for ``go`` on stdin, then switches DB to the passphrase and back
to a new keyring key, printing ``done``. With STEP (``to-passphrase:NAME`` or
``to-keyring:NAME``) it SIGKILLs itself at that protocol step.
"""

from __future__ import annotations

import os
import signal
import sys
from pathlib import Path

from models.vault import rekey


def main() -> None:
    db = Path(sys.argv[1])
    kill_at = sys.argv[2] if len(sys.argv) > 2 else ""
    passphrase = sys.stdin.readline().rstrip("\n")
    print("ready", flush=True)
    sys.stdin.readline()

    def step(phase: str) -> rekey.Step:
        def at(name: str) -> None:
            if f"{phase}:{name}" == kill_at:
                os.kill(os.getpid(), signal.SIGKILL)

        return at

    rekey.switch_to_passphrase(db, passphrase, step=step("to-passphrase"))
    rekey.switch_to_keyring(db, step=step("to-keyring"))
    print("done", flush=True)


if __name__ == "__main__":
    main()
