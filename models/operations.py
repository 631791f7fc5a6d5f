"""Undo as a domain operation: a unit of work's changes and how to invert them.

:func:`run` does some work in one write transaction and returns an
:class:`Operation`: what it returned, what it changed, and the steps the services
recorded to take it back and do it again. :meth:`Operation.undo` and
:meth:`Operation.redo` each run in one transaction of their own, so a window's undo
stack, a script or a test all undo the same way; ``ui/`` only presents them.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Generic, TypeVar

from models.store import Changes, Step, Store

T = TypeVar("T")


@dataclass
class Operation(Generic[T]):
    """One done unit of work that can be undone and redone (in that order, repeatedly)."""

    result: T
    changes: Changes
    undo_steps: list[Step] = field(default_factory=list)
    redo_steps: list[Step] = field(default_factory=list)

    @property
    def changed(self) -> bool:
        """Whether there is anything to undo (an edit that changed nothing has not)."""
        return bool(self.undo_steps)

    def undo(self, store: Store) -> None:
        """Take the operation back, newest step first, in one transaction."""
        with store.write() as uow:
            for step in reversed(self.undo_steps):
                step(uow)

    def redo(self, store: Store) -> None:
        """Do the operation again after an undo, in one transaction."""
        with store.write() as uow:
            for step in self.redo_steps:
                step(uow)


def run(store: Store, work: Callable[..., T]) -> Operation[T]:
    """Run ``work(uow)`` in one write transaction; a refused change raises and leaves
    nothing behind."""
    with store.write() as uow:
        result = work(uow)
    return Operation(result, uow.changes, list(uow.undo_steps), list(uow.redo_steps))
