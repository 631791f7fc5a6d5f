"""Undoable imports, and files dropped on the window.

An import is written by :func:`models.transfer.importer.apply_import` in its own
transaction (in the wizard, on a worker thread), so its undo command is pushed after
the work is done. Undo calls :func:`models.transfer.undo.undo_import` for the batch.
``models.transfer`` has no "redo an undone batch"; redo therefore plans the same
source again (the rows the undo moved to Trash no longer match) with the user's
decisions carried over by row number, and applies it as a new batch.

Both steps open their own write transaction, so :class:`ImportCommand` overrides
``undo()``/``redo()`` rather than the ``back(uow)``/``again(uow)`` of its base (which
run inside one): a second writer inside the first would wait on itself.

Other files dropped on the window are attached to the selected client as documents
(``attach_others``; ui.documents). Dropped files (``.eml``/``.msg``/``.ics``/``.vcf``)
are planned and applied at once with the proposed decisions (exact matches merged,
possible duplicates skipped); an e-mail or invitation dropped on the timeline of the
selected client that matches no known address is filed under that client. A dropped
``.csv`` opens the import wizard, where columns and duplicates can be checked first.
"""

from __future__ import annotations

import contextlib
import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import (
    QCoreApplication,
    QEvent,
    QMimeData,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QMainWindow,
    QMessageBox,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from models.errors import RelasiError, ValidationError
from models.operations import Operation
from models.store import Store
from ui import formatting
from ui.commands import StoreCommand, UndoStack
from ui.row_table import RowTableModel
from ui.timeline import TimelinePane

if TYPE_CHECKING:  # the importer itself is imported when a file is dropped or opened
    from models.transfer.plan import ImportPlan, ImportResult
    from models.transfer.undo import ImportBatchRow

log = logging.getLogger(__name__)

Index = QModelIndex | QPersistentModelIndex


@dataclass
class Batch:
    """One applied import inside an undo step: the domain operation that wrote it."""

    operation: Operation[ImportResult]

    @property
    def batch_id(self) -> str | None:
        return self.operation.result.batch_id


class ImportCommand(StoreCommand):
    """Undo step of one or more imports: undo reverts their batches, redo applies the
    recorded rows again (the files are not read again)."""

    def __init__(self, store: Store, text: str, batches: Sequence[Batch]) -> None:
        super().__init__(store, text)
        self.batches = list(batches)

    def undo(self) -> None:
        def steps(store: Store) -> None:
            for batch in reversed(self.batches):
                # Already undone (Edit ▸ Undo an import…) is fine.
                with contextlib.suppress(ValidationError):
                    batch.operation.undo(store)

        self._run(steps)

    def redo(self) -> None:
        if not self._pushed:  # pushed after the import ran: nothing to do now
            self._pushed = True
            return

        def steps(store: Store) -> None:
            for batch in self.batches:
                batch.operation.redo(store)

        self._run(steps)


def push_import(
    stack: UndoStack, store: Store, name: str, batches: Sequence[Batch]
) -> ImportCommand | None:
    """Put an already applied import on the undo stack (nothing when nothing changed)."""
    batches = [b for b in batches if b.operation.changed]
    if not batches:
        return None
    text = QCoreApplication.translate("import", "Import “{0}”").format(name)
    command = ImportCommand(store, text, batches)
    command.on_error = stack.on_error
    stack.push(command)
    return command


# -- dropped files ----------------------------------------------------------------------------


def dropped_paths(mime: QMimeData) -> list[Path]:
    """The local files in ``mime`` that Relasi can import."""
    if not mime.hasUrls():
        return []
    paths = [Path(u.toLocalFile()) for u in mime.urls() if u.isLocalFile()]
    from models.transfer.sources import SUFFIXES

    return [p for p in paths if p.suffix.casefold() in SUFFIXES]


def plan_dropped(store: Store, path: Path, fallback: str | None) -> ImportPlan:
    """Plan a dropped file; entries no address matches go to ``fallback`` when given."""
    from models.transfer.importer import plan_source
    from models.transfer.plan import ERROR
    from models.transfer.sources import load_source

    source = load_source(path)
    plan = plan_source(store, source)
    if fallback and source.kind == "interaction" and any(r.action == ERROR for r in plan.rows):
        filed = {r.number: r for r in plan_source(store, source, account_id=fallback).rows}
        plan.rows = [filed.get(r.number, r) if r.action == ERROR else r for r in plan.rows]
    return plan


@dataclass
class DropOutcome:
    """What a drop did, for the status bar."""

    created: int = 0
    updated: int = 0
    skipped: int = 0
    problems: list[str] | None = None
    command: ImportCommand | None = None


def import_dropped(
    store: Store, stack: UndoStack, paths: Sequence[Path], fallback: str | None
) -> DropOutcome:
    """Import dropped (non-CSV) files, each as a batch, under one undo step."""
    outcome = DropOutcome(problems=[])
    assert outcome.problems is not None
    batches: list[Batch] = []
    for path in paths:
        try:
            from models.transfer.importer import import_operation

            operation = import_operation(store, plan_dropped(store, path, fallback))
            result = operation.result
        except RelasiError as exc:
            outcome.problems.append(exc.message)
            continue
        outcome.created += result.created
        outcome.updated += result.updated
        outcome.skipped += result.skipped + result.unchanged
        outcome.problems.extend(result.errors)
        if operation.changed:
            batches.append(Batch(operation))
    name = paths[0].name if len(paths) == 1 else ""
    if name:
        outcome.command = push_import(stack, store, name, batches)
    elif batches:
        text = QCoreApplication.translate("import", "Import {0} files").format(len(paths))
        command = ImportCommand(store, text, batches)
        command.on_error = stack.on_error
        stack.push(command)
        outcome.command = command
    return outcome


def drop_message(outcome: DropOutcome) -> str:
    """One line for the status bar."""
    text = QCoreApplication.translate(
        "import", "Imported: {0} new, {1} updated, {2} skipped."
    ).format(outcome.created, outcome.updated, outcome.skipped)
    problems = outcome.problems or []
    if problems:
        text += " " + QCoreApplication.translate("import", "Not imported: {0}").format(
            "; ".join(problems[:3]) + (" …" if len(problems) > 3 else "")
        )
    return text


class DropHandler(QObject):
    """Accepts importable files dropped on the window (and over its text boxes)."""

    def __init__(
        self,
        window: QMainWindow,
        timeline: TimelinePane,
        store: Store,
        stack: UndoStack,
        current_client: Callable[[], str],
        import_file: Callable[[str], object],
    ) -> None:
        super().__init__(window)
        self.window = window
        self.timeline = timeline
        self.store = store
        self.stack = stack
        self.current_client = current_client
        self.import_file = import_file
        #: Files that are not importable are attached to the selected client as documents.
        self.attach_others: Callable[[list[Path]], object] | None = None
        window.setAcceptDrops(True)
        # The note composer accepts text drops itself; files should be imported instead.
        timeline.composer.viewport().installEventFilter(self)

    def _wanted(self, mime: QMimeData) -> bool:
        """Importable files, or (when documents can be attached) any local file."""
        if dropped_paths(mime):
            return True
        return self.attach_others is not None and bool(self._others(mime))

    @staticmethod
    def _others(mime: QMimeData) -> list[Path]:
        """Dropped local files that are not importable (kept as documents)."""
        if not mime.hasUrls():
            return []
        paths = [Path(u.toLocalFile()) for u in mime.urls() if u.isLocalFile()]
        from models.transfer.sources import SUFFIXES

        return [p for p in paths if p.suffix.casefold() not in SUFFIXES and not p.is_dir()]

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if isinstance(event, QDropEvent | QDragEnterEvent) and self._wanted(event.mimeData()):
            if isinstance(event, QDragEnterEvent):
                event.acceptProposedAction()
            elif isinstance(watched, QWidget):
                self.drop(event, on_timeline=True)
            return True
        return False

    def drag_enter(self, event: QDragEnterEvent) -> None:
        if self._wanted(event.mimeData()):
            event.acceptProposedAction()
        else:
            event.ignore()

    def drop_event(self, event: QDropEvent) -> None:
        point = event.position().toPoint()
        timeline = self.timeline
        inside = timeline.rect().contains(timeline.mapFrom(self.window, point))
        self.drop(event, on_timeline=inside)

    def drop(self, event: QDropEvent, *, on_timeline: bool) -> None:
        paths = dropped_paths(event.mimeData())
        others = self._others(event.mimeData()) if self.attach_others is not None else []
        if not paths and not others:
            event.ignore()
            return
        event.acceptProposedAction()
        if paths:
            self.import_paths(paths, on_timeline=on_timeline)
        if others and self.attach_others is not None:
            self.attach_others(others)

    def import_paths(self, paths: Sequence[Path], *, on_timeline: bool = False) -> str:
        """Import ``paths``; returns (and shows) the status line."""
        from models.transfer.sources import CSV_SUFFIXES

        csvs = [p for p in paths if p.suffix.casefold() in CSV_SUFFIXES]
        others = [p for p in paths if p.suffix.casefold() not in CSV_SUFFIXES]
        message = ""
        if others:
            fallback = (self.current_client() or None) if on_timeline else None
            outcome = import_dropped(self.store, self.stack, others, fallback)
            message = drop_message(outcome)
        if csvs:
            self.import_file(str(csvs[0]))
        if message:
            self.window.statusBar().showMessage(message, 15_000)
        return message


# -- Edit ▸ Undo an import… -------------------------------------------------------------------


class BatchModel(RowTableModel):
    """The imports that can still be undone, newest first."""

    def __init__(self, store: Store, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.reload()

    def reload(self) -> None:
        from models.transfer.undo import import_batches

        self.set_rows(import_batches(self.store))

    def headers(self) -> tuple[str, ...]:
        return (
            self.tr("When"),
            self.tr("File"),
            self.tr("Created"),
            self.tr("Updated"),
            self.tr("Skipped"),
            self.tr("Errors"),
        )

    def cell(self, b: ImportBatchRow, column: int, role: int) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        return (
            formatting.date_time(b.created_at),
            b.source_name,
            str(b.created),
            str(b.updated),
            str(b.skipped),
            str(len(b.errors)),
        )[column]


class ImportHistoryDialog(QDialog):
    """Lists earlier imports; undoes the chosen one as a whole (its rows go to Trash)."""

    def __init__(self, store: Store, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("importHistory")
        self.setWindowTitle(self.tr("Undo an import"))
        self.store = store
        self.model = BatchModel(store, self)
        self.view = QTableView(self)
        self.view.setObjectName("importBatches")
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.verticalHeader().hide()
        self.view.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        self.hint = QLabel(
            self.tr(
                "Undoing an import moves what it created to Trash and gives what it "
                "changed its old values back."
            ),
            self,
        )
        self.hint.setWordWrap(True)
        self.undo_button = QPushButton(self.tr("&Undo import"), self)
        self.undo_button.setObjectName("importUndoBatch")
        self.undo_button.clicked.connect(self.undo_selected)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.addButton(self.undo_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        self.empty = QLabel(
            self.tr(
                "No imports yet. Bring clients in with File ▸ Import…; each import is "
                "then listed here and can be undone as a whole."
            ),
            self,
        )
        self.empty.setObjectName("importHistoryEmpty")
        self.empty.setWordWrap(True)
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        layout = QVBoxLayout(self)
        layout.addWidget(self.hint)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.empty, 1)
        layout.addWidget(buttons)
        self.view.setVisible(bool(self.model.rows))
        self.hint.setVisible(bool(self.model.rows))
        self.empty.setVisible(not self.model.rows)
        if self.model.rows:
            self.view.selectRow(0)
        self.undo_button.setEnabled(bool(self.model.rows))
        self.resize(720, 380)

    def undo_selected(self) -> bool:
        rows = self.view.selectionModel().selectedRows()
        if not rows:
            return False
        batch = self.model.rows[rows[0].row()]
        answer = QMessageBox.question(
            self,
            self.tr("Undo import"),
            self.tr("Undo the import of “{0}” ({1} created, {2} updated)?").format(
                batch.source_name, batch.created, batch.updated
            ),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel,
        )
        if answer != QMessageBox.StandardButton.Yes:
            return False
        try:
            from models.transfer.undo import undo_import

            undo_import(self.store, batch.id)
        except RelasiError as exc:
            QMessageBox.warning(self, self.tr("Cannot undo the import"), exc.message)
            return False
        finally:
            self.model.reload()
            self.undo_button.setEnabled(bool(self.model.rows))
        return True
