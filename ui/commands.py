"""Undo commands: every change made in the window goes through one of these, so
Ctrl+Z / Ctrl+Shift+Z can take it back or do it again.

A command runs its first action through ``perform()`` before it is pushed, so a
refused change (bad input) never reaches the undo stack; ``redo()`` after an
undo repeats it. Each step is one unit of work.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import QObject
from PySide6.QtGui import QUndoCommand, QUndoStack

from models import services
from models.errors import RelasiError
from models.store import Store, UnitOfWork

log = logging.getLogger(__name__)

#: Called with an error raised while undoing or redoing (the window shows it).
ErrorHandler = Callable[[RelasiError], None]


class UndoStack(QUndoStack):
    """A QUndoStack that knows who to tell when an undo or redo step is refused."""

    def __init__(self, parent: QObject | None = None, on_error: ErrorHandler | None = None) -> None:
        super().__init__(parent)
        self.on_error = on_error


class StoreCommand(QUndoCommand):
    """Base: ``first`` does the change the first time, ``again``/``back`` redo and undo it."""

    def __init__(self, store: Store, text: str) -> None:
        super().__init__(text)
        self.store = store
        self._pushed = False
        self.on_error: ErrorHandler | None = None

    def first(self, uow: UnitOfWork) -> None:
        self.again(uow)

    def again(self, uow: UnitOfWork) -> None:
        raise NotImplementedError

    def back(self, uow: UnitOfWork) -> None:
        raise NotImplementedError

    def redo(self) -> None:
        if not self._pushed:  # QUndoStack.push calls redo(): the work is already done
            self._pushed = True
            return
        self._run(self.again)

    def undo(self) -> None:
        self._run(self.back)

    def _run(self, step: Callable[[UnitOfWork], None]) -> None:
        try:
            with self.store.write() as uow:
                step(uow)
        except RelasiError as exc:
            log.warning("undo step failed: %s", exc.code)
            self.setObsolete(True)
            if self.on_error is not None:
                self.on_error(exc)


def perform(stack: QUndoStack, command: StoreCommand) -> None:
    """Do ``command`` once and put it on ``stack``; a RelasiError propagates, nothing pushed."""
    with command.store.write() as uow:
        command.first(uow)
    command.on_error = getattr(stack, "on_error", None)
    stack.push(command)


class CreateCommand(StoreCommand):
    """Creates rows (one transaction); undo moves them to Trash, redo restores them."""

    def __init__(
        self, store: Store, text: str, create: Callable[[UnitOfWork], list[tuple[str, str]]]
    ) -> None:
        super().__init__(store, text)
        self._create = create
        self.created: list[tuple[str, str]] = []  # (kind, id)

    def first(self, uow: UnitOfWork) -> None:
        self.created = self._create(uow)

    def again(self, uow: UnitOfWork) -> None:
        for kind, id_ in self.created:
            services.restore(uow, kind, id_)

    def back(self, uow: UnitOfWork) -> None:
        for kind, id_ in reversed(self.created):
            services.soft_delete(uow, kind, id_)


def create_one(
    store: Store, text: str, kind: str, create: Callable[[UnitOfWork], str]
) -> CreateCommand:
    return CreateCommand(store, text, lambda uow: [(kind, create(uow))])


class UpdateCommand(StoreCommand):
    """Changes fields with an update service that returns the previous values."""

    def __init__(
        self,
        store: Store,
        text: str,
        update: Callable[..., dict[str, Any]],
        id_: str,
        fields: dict[str, Any],
    ) -> None:
        super().__init__(store, text)
        self._update = update
        self._id = id_
        self._fields = fields
        self._old: dict[str, Any] = {}

    def again(self, uow: UnitOfWork) -> None:
        self._old = self._update(uow, self._id, **self._fields)

    def back(self, uow: UnitOfWork) -> None:
        if self._old:
            self._update(uow, self._id, **self._old)

    @property
    def changed(self) -> bool:
        return bool(self._old)


class DeleteCommand(StoreCommand):
    """Moves rows to Trash; undo restores them."""

    def __init__(self, store: Store, text: str, items: Sequence[tuple[str, str]]) -> None:
        super().__init__(store, text)
        self._items = list(items)

    def again(self, uow: UnitOfWork) -> None:
        for kind, id_ in self._items:
            services.soft_delete(uow, kind, id_)

    def back(self, uow: UnitOfWork) -> None:
        for kind, id_ in reversed(self._items):
            services.restore(uow, kind, id_)


class RestoreCommand(DeleteCommand):
    """Brings rows back from Trash; undo returns them to Trash."""

    def again(self, uow: UnitOfWork) -> None:
        super().back(uow)

    def back(self, uow: UnitOfWork) -> None:
        super().again(uow)


class DealStageCommand(StoreCommand):
    def __init__(self, store: Store, text: str, deal_id: str, stage: str, reason: str = "") -> None:
        super().__init__(store, text)
        self._deal_id, self._stage, self._reason = deal_id, stage, reason
        self._old: dict[str, Any] = {}

    def again(self, uow: UnitOfWork) -> None:
        self._old = services.move_deal_stage(
            uow, self._deal_id, self._stage, lost_reason=self._reason
        )

    def back(self, uow: UnitOfWork) -> None:
        if self._old:
            services.move_deal_stage(
                uow, self._deal_id, self._old["stage"], lost_reason=self._old["lost_reason"]
            )
