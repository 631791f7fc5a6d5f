"""Writing the files Relasi exports: private (mode 0600) and never half-written.

The data is written to a temporary file beside the target (created 0600), flushed to
disk, then renamed over the target, so a crash leaves either the old file or the new
one. Exports leave the encrypted database: they are readable by whoever gets the file,
hence at least not by other users of the machine.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO

PRIVATE_MODE = 0o600


def write_private(path: Path, data: bytes) -> None:
    """Write ``data`` to ``path`` atomically, readable and writable by its owner only."""
    with private_file(path) as f:
        f.write(data)


@contextlib.contextmanager
def private_file(path: Path) -> Iterator[BinaryIO]:
    """A file to write ``path`` through, piece by piece (an export streamed in batches):
    it becomes ``path`` (0600, flushed to disk) when the block ends, and is removed if
    the block raises, so ``path`` is never half-written."""
    path = Path(path)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as f:
            yield f
            f.flush()
            os.fsync(f.fileno())
        os.chmod(tmp, PRIVATE_MODE)
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise
