"""The one signal hub: the store's change notifications, delivered on the GUI thread."""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt, Signal, Slot

from models.store import Changes, Store


class ChangeHub(QObject):
    """Forwards every committed change (from any thread) as ``changed(Changes)``."""

    changed = Signal(object)
    _incoming = Signal(object)

    def __init__(self, store: Store, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._incoming.connect(self._deliver, Qt.ConnectionType.QueuedConnection)
        self._unsubscribe = store.subscribe(self._from_store)

    def _from_store(self, changes: Changes) -> None:
        # Queued: listeners run after the writer's call returns, on the GUI thread.
        self._incoming.emit(changes)

    @Slot(object)
    def _deliver(self, changes: Changes) -> None:
        self.changed.emit(changes)

    def detach(self) -> None:
        self._unsubscribe()
