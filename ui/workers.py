"""Long work off the GUI thread, results back on it.

``run_in_thread`` runs a function in a daemon thread and delivers its result or its
exception through queued signals, so callbacks run on the GUI thread and never
touch a widget from the worker. ``Progress`` carries (done, total) the same way
and a cancel flag the other way.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, Signal

from models.errors import RelasiError


class _Task(QObject):
    done = Signal(object)
    failed = Signal(object)


def run_in_thread(
    fn: Callable[[], Any],
    on_done: Callable[[Any], None],
    on_error: Callable[[BaseException], None],
    parent: QObject,
    *,
    name: str = "relasi-worker",
) -> threading.Thread:
    """Run ``fn`` off the GUI thread; ``on_done``/``on_error`` are called on the GUI thread."""
    task = _Task(parent)
    task.done.connect(on_done)
    task.failed.connect(on_error)
    task.done.connect(task.deleteLater)
    task.failed.connect(task.deleteLater)

    def work() -> None:
        try:
            result = fn()
        except BaseException as exc:  # reported, never raised in the worker
            task.failed.emit(exc)
        else:
            task.done.emit(result)

    thread = threading.Thread(target=work, name=name, daemon=True)
    thread.start()
    return thread


class Progress(QObject):
    """(done, total) from a worker to the GUI, and a cancel request back."""

    changed = Signal(int, int)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._cancelled = threading.Event()

    def report(self, done: int, total: int) -> bool:
        """Called in the worker; returns False once the user asked to cancel."""
        self.changed.emit(done, total)
        return not self._cancelled.is_set()

    def cancel(self) -> None:
        self._cancelled.set()


def message_of(exc: BaseException) -> str:
    """What to tell the user about an exception a worker reported."""
    if isinstance(exc, RelasiError):
        return exc.message
    return QCoreApplication.translate("unlock", "Unexpected problem: {0}").format(
        type(exc).__name__
    )
