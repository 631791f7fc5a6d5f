"""The window's undo stack: it presents domain operations (models.operations).

Every change made in the window runs as an :class:`~models.operations.Operation` through
:func:`perform` before it is pushed, so a refused change (bad input) never reaches the
stack; undo and redo then run the steps the services recorded, each in one unit of
work. The commands here only name what a change does (``DeleteCommand`` …); how to
invert it is the services' business.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtGui import QUndoCommand, QUndoStack

from models import operations, services
from models.errors import RelasiError
from models.operations import Operation
from models.store import Store, UnitOfWork
from ui.undo_stack import ErrorHandler as ErrorHandler
from ui.undo_stack import UndoStack as UndoStack

log = logging.getLogger(__name__)

Work = Callable[[UnitOfWork], Any]


class StoreCommand(QUndoCommand):
    """One domain operation on the undo stack: ``work`` runs once, then undo/redo."""

    def __init__(self, store: Store, text: str, work: Work | None = None) -> None:
        super().__init__(text)
        self.store = store
        self.work = work
        self.operation: Operation[Any] | None = None
        self._pushed = False
        self.on_error: ErrorHandler | None = None

    def run_first(self) -> None:
        """Do the change (raises RelasiError when it is refused; nothing is kept)."""
        if self.work is None:
            raise NotImplementedError
        self.operation = operations.run(self.store, self.work)

    @property
    def changed(self) -> bool:
        return self.operation is not None and self.operation.changed

    @property
    def result(self) -> Any:
        return self.operation.result if self.operation is not None else None

    def redo(self) -> None:
        if not self._pushed:  # QUndoStack.push calls redo(): the work is already done
            self._pushed = True
            return
        if self.operation is not None:
            self._run(self.operation.redo)

    def undo(self) -> None:
        if self.operation is not None:
            self._run(self.operation.undo)

    def _run(self, step: Callable[[Store], None]) -> None:
        try:
            step(self.store)
        except RelasiError as exc:
            log.warning("undo step failed: %s", exc.code)
            self.setObsolete(True)
            if self.on_error is not None:
                self.on_error(exc)


def perform(stack: QUndoStack, command: StoreCommand) -> None:
    """Do ``command`` once and put it on ``stack``; a RelasiError propagates, nothing pushed.

    A change that changed nothing is not pushed either (there is nothing to undo)."""
    command.run_first()
    command.on_error = getattr(stack, "on_error", None)
    if command.changed:
        stack.push(command)


class CreateCommand(StoreCommand):
    """Creates rows; undo moves them to Trash, redo puts them back."""


def create_one(
    store: Store, text: str, kind: str, create: Callable[[UnitOfWork], str]
) -> StoreCommand:
    """Creates one row of ``kind`` (``kind`` names it for readers; the service records it)."""
    return CreateCommand(store, text, create)


class UpdateCommand(StoreCommand):
    """Changes fields with an update service."""

    def __init__(
        self,
        store: Store,
        text: str,
        service: Callable[..., dict[str, Any]],
        id_: str,
        fields: dict[str, Any],
    ) -> None:
        super().__init__(store, text, lambda uow: service(uow, id_, **fields))


class DeleteCommand(StoreCommand):
    """Moves rows to Trash; undo puts them back."""

    def __init__(self, store: Store, text: str, items: Sequence[tuple[str, str]]) -> None:
        rows = list(items)

        def work(uow: UnitOfWork) -> None:
            for kind, id_ in rows:
                services.soft_delete(uow, kind, id_)

        super().__init__(store, text, work)


class PutBackCommand(StoreCommand):
    """Puts rows back from Trash; undo returns them to Trash."""

    def __init__(self, store: Store, text: str, items: Sequence[tuple[str, str]]) -> None:
        rows = list(items)

        def work(uow: UnitOfWork) -> None:
            for kind, id_ in rows:
                services.put_back(uow, kind, id_)

        super().__init__(store, text, work)


class DealStageCommand(StoreCommand):
    """Moves a deal to another stage (recorded in its history); undo moves it back."""

    def __init__(
        self,
        store: Store,
        text: str,
        deal_id: str,
        stage: str,
        reason: str = "",
        lost_to: str = "",
    ) -> None:
        super().__init__(
            store,
            text,
            lambda uow: services.move_deal_stage(
                uow, deal_id, stage, lost_reason=reason, lost_to=lost_to
            ),
        )
