"""What can be done with documents in the window: attach files (each attach one undo
step, however many files), open one (through the private folder, with the desktop's
viewer), save a copy, move to Trash, and keep a filed e-mail's attachments.

Refusals are shown in the user's language (a file too large, gone since it was
chosen); ``warn`` and ``launch`` can be replaced (tests, no modal box, no viewer).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path

from PySide6.QtCore import QObject, QStandardPaths, QUrl, Signal
from PySide6.QtGui import QDesktopServices, QUndoStack
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from models.errors import ImportRefusedError, RelasiError
from models.queries import documents as queries
from models.services import documents as docs
from models.store import Store, UnitOfWork
from models.transfer.mail_attachments import KeptAttachments, keep_mail_attachments, mail_subject
from ui.commands import DeleteCommand, StoreCommand, create_one, perform
from ui.display import visible
from ui.documents.files import viewing_folder


class DocumentActions(QObject):
    """Document work for one widget (a panel, a dialog, the window)."""

    #: Documents were attached or moved to Trash here (lists reload).
    changed = Signal()

    def __init__(self, store: Store, stack: QUndoStack, widget: QWidget) -> None:
        super().__init__(widget)
        self.store = store
        self.stack = stack
        self.widget = widget
        self.warn: Callable[[str], object] = self._warn
        self.launch: Callable[[QUrl], object] = QDesktopServices.openUrl
        self.ask: Callable[[str], bool] = self._ask

    # -- messages ---------------------------------------------------------------------------
    def _warn(self, text: str) -> None:
        QMessageBox.warning(self.widget, self.tr("Documents"), text)

    def error_text(self, error: RelasiError) -> str:
        """A refusal in the user's language (the English message otherwise)."""
        if isinstance(error, docs.DocumentTooLargeError):
            return self.tr("“{0}” is {1}; a document can be at most {2}.").format(
                visible(error.name), docs.human_size(error.size), docs.human_size(error.limit)
            )
        if isinstance(error, docs.DocumentUnreadableError):
            return self.tr("“{0}” cannot be read: {1}. Nothing was attached.").format(
                visible(error.name), error.reason
            )
        return error.message

    def _run(self, command: StoreCommand) -> bool:
        try:
            perform(self.stack, command)
        except RelasiError as exc:
            self.warn(self.error_text(exc))
            return False
        self.changed.emit()
        return True

    # -- attaching --------------------------------------------------------------------------
    def attach_paths(
        self,
        paths: Sequence[Path],
        *,
        account_id: str,
        deal_id: str | None = None,
        interaction_id: str | None = None,
    ) -> list[str]:
        """Attach ``paths`` as one undo step; returns the new ids (none if refused)."""
        files = list(paths)
        if not files or not account_id:
            return []
        made: list[str] = []

        def work(uow: UnitOfWork) -> str:
            made.clear()
            for path in files:
                made.append(
                    docs.attach(
                        uow,
                        name=path.name,
                        data=path,
                        account_id=account_id,
                        deal_id=deal_id,
                        interaction_id=interaction_id,
                    )
                )
            return made[0]

        if len(files) == 1:
            text = self.tr("Attach “{0}”").format(visible(docs.clean_name(files[0].name)))
        else:
            text = self.tr("Attach {0} files").format(len(files))
        ok = self._run(create_one(self.store, text, "document", work))
        return list(made) if ok else []

    def choose_and_attach(
        self, *, account_id: str, deal_id: str | None = None, interaction_id: str | None = None
    ) -> list[str]:
        """ "Attach file…": a file dialog (several files may be chosen), then attach."""
        if not account_id:
            return []
        names, _filter = QFileDialog.getOpenFileNames(self.widget, self.tr("Attach files"))
        return self.attach_paths(
            [Path(n) for n in names],
            account_id=account_id,
            deal_id=deal_id,
            interaction_id=interaction_id,
        )

    # -- opening, saving, deleting -----------------------------------------------------------
    def open(self, document_id: str) -> Path | None:
        """Write the document to the private folder and hand it to the desktop's viewer."""
        try:
            path = viewing_folder().write(self.store, document_id)
        except (RelasiError, OSError) as exc:
            self.warn(self.error_text(exc) if isinstance(exc, RelasiError) else str(exc))
            return None
        self.launch(QUrl.fromLocalFile(str(path)))
        return path

    def save_as(self, document_id: str, target: str | None = None) -> Path | None:
        """ "Save as…": the original bytes to a file the user picks (the file dialog asks
        before replacing one)."""
        try:
            row = queries.document(self.store, document_id)
        except RelasiError as exc:
            self.warn(self.error_text(exc))
            return None
        if target is None:
            folder = QStandardPaths.writableLocation(
                QStandardPaths.StandardLocation.DocumentsLocation
            )
            target, _filter = QFileDialog.getSaveFileName(
                self.widget, self.tr("Save document as"), str(Path(folder) / row.name)
            )
            if not target:
                return None
        try:
            queries.export_document(self.store, row.id, Path(target), overwrite=True)
        except (RelasiError, OSError) as exc:
            self.warn(self.error_text(exc) if isinstance(exc, RelasiError) else str(exc))
            return None
        return Path(target)

    def delete(self, document_ids: Sequence[str], names: Sequence[str] = ()) -> bool:
        """Move documents to Trash (one undo step)."""
        ids = list(document_ids)
        if not ids:
            return False
        if len(ids) == 1 and names:
            text = self.tr("Move “{0}” to Trash").format(visible(names[0]))
        else:
            text = self.tr("Move {0} documents to Trash").format(len(ids))
        return self._run(DeleteCommand(self.store, text, [("document", i) for i in ids]))

    # -- a filed e-mail's attachments -------------------------------------------------------
    def keep_mail_attachments(
        self, interaction_id: str, subject: str = "", path: str | None = None
    ) -> KeptAttachments | None:
        """Read the e-mail file again (chosen in a file dialog) and keep every attachment
        as a document of the entry, one undo step. A file whose subject is not the
        entry's is asked about first."""
        if path is None:
            path, _filter = QFileDialog.getOpenFileName(
                self.widget,
                self.tr("The e-mail file this entry was filed from"),
                "",
                self.tr("E-mail messages (*.eml *.msg)"),
            )
            if not path:
                return None
        source = Path(path)
        try:
            found = mail_subject(source)
        except ImportRefusedError as exc:
            self.warn(exc.message)
            return None
        if subject and found.casefold() != " ".join(subject.split()).casefold():
            question = self.tr(
                "This message's subject is “{0}”, not the entry's “{1}”. Keep its "
                "attachments with this entry anyway?"
            )
            answer = self.ask(question.format(visible(found), visible(subject)))
            if not answer:
                return None
        kept: list[KeptAttachments] = []

        def work(uow: UnitOfWork) -> KeptAttachments:
            kept[:] = [keep_mail_attachments(uow, source, interaction_id)]
            return kept[0]

        text = self.tr("Keep the attachments of “{0}”").format(visible(found or source.name))
        ok = self._run(StoreCommand(self.store, text, work))
        if not ok or not kept:
            return None
        result = kept[0]
        if result.too_large:
            self.warn(
                self.tr("Not kept, larger than {0}: {1}").format(
                    docs.human_size(docs.MAX_DOCUMENT_BYTES),
                    ", ".join(f"{visible(n)} ({docs.human_size(s)})" for n, s in result.too_large),
                )
            )
        elif not result.kept:
            self.warn(self.tr("The message has no attachments."))
        return result

    def _ask(self, text: str) -> bool:
        answer = QMessageBox.question(self.widget, self.tr("Documents"), text)
        return answer == QMessageBox.StandardButton.Yes
