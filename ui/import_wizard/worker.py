"""The import's write, on a worker thread: it touches no widget and reports through
signals that live on the GUI thread."""

from __future__ import annotations

import logging
import threading
from typing import Protocol

from PySide6.QtCore import QObject, QRunnable, Signal

from models.errors import RelasiError
from models.store import Store
from models.transfer.importer import import_operation
from models.transfer.plan import ImportPlan

log = logging.getLogger(__name__)


class Pool(Protocol):
    """Where the import runs: QThreadPool, or a test's synchronous stand-in."""

    def start(self, runnable: QRunnable) -> None: ...


class WorkerSignals(QObject):
    """Lives on the GUI thread; the worker emits, the wizard's slots run queued."""

    progress = Signal(int, int)
    finished = Signal(object)  # Operation[ImportResult]
    failed = Signal(object)  # RelasiError


class ImportWorker(QRunnable):
    """Runs the import as an undoable operation; touches no widget, reports through its signals."""

    def __init__(self, store: Store, plan: ImportPlan) -> None:
        super().__init__()
        self.setAutoDelete(False)
        self.store = store
        self.plan = plan
        self.cancel = threading.Event()
        self.signals = WorkerSignals()

    def run(self) -> None:
        try:
            operation = import_operation(
                self.store,
                self.plan,
                progress=self.signals.progress.emit,
                cancelled=self.cancel.is_set,
            )
        except RelasiError as exc:
            self.signals.failed.emit(exc)
            return
        except Exception as exc:  # a bug must not vanish with the thread
            log.exception("import failed")
            self.signals.failed.emit(RelasiError(f"the import failed: {exc}"))
            return
        self.signals.finished.emit(operation)
