"""The gate a store's writes pass: open, held until a check has run, or shut for good.

The window opens its database quickly and runs the integrity check after its first
paint (models.vault.safe_open.open_quickly / finish_open). Until the check has
passed, writes wait at this gate; if it fails, every write raises its error, so a
damaged file is never written to. Whoever comes first runs the check: the worker,
or the first write itself, so a write before the worker starts cannot wait forever.
"""

from __future__ import annotations

import threading
from collections.abc import Callable

from models.errors import StoreError

Check = Callable[[], StoreError | None]


class WriteGate:
    def __init__(self) -> None:
        self._open = threading.Event()
        self._open.set()
        self._refusal: StoreError | None = None
        self._check: Check | None = None
        self._lock = threading.Lock()

    def hold(self, check: Check | None = None) -> None:
        """Make writes wait until :meth:`allow` or :meth:`refuse`, or until ``check``
        (None: passed, else the error that refuses writes) has run."""
        self._check = check
        self._open.clear()

    def run_check(self) -> StoreError | None:
        """Run the held check (once; a second caller waits for the first) and open or
        shut the gate by it; returns the refusal, if any."""
        with self._lock:
            check, self._check = self._check, None
            if check is not None:
                error = check()
                if error is None:
                    self.allow()
                else:
                    self.refuse(error)
        return self._refusal

    def allow(self) -> None:
        self._open.set()

    def refuse(self, error: StoreError) -> None:
        """Every write from now on raises ``error`` (the database failed its check)."""
        self._refusal = error
        self._open.set()

    @property
    def refusal(self) -> StoreError | None:
        return self._refusal

    def pass_through(self) -> None:
        """Called before each write: waits while held, raises the refusal if shut."""
        if not self._open.is_set():
            self.run_check()
        self._open.wait()
        if self._refusal is not None:
            raise self._refusal
