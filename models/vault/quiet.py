"""SQLCipher's own log, turned off once per process.

On a wrong key or a damaged page SQLCipher writes lines such as
``ERROR CORE sqlcipher_page_cipher: hmac check failed for pgno=1`` straight to
stderr; every failure already reaches the caller as an exception, and the command
line promises one error line. The setting is process-wide, so it is made before the
first keyed connection of any kind (store, probe, key check, re-key).
"""

from __future__ import annotations

import sqlcipher3

_done = False


def quiet_sqlcipher() -> None:
    global _done
    if _done:
        return
    conn = sqlcipher3.connect(":memory:")
    try:
        conn.execute("PRAGMA cipher_log_level = NONE").fetchall()
    finally:
        conn.close()
    _done = True
