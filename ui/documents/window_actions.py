"""Documents in the main window: Client ▸ Attach file… (Ctrl+Shift+A) and Client ▸
Documents… (Ctrl+Shift+O); on a timeline entry (its context menu) Attach file to entry…
and Keep e-mail attachments…; files dropped on an entry are attached to it, files
dropped elsewhere on the timeline or the client's header to the client (importable
ones, e-mails and contacts, are imported as before)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QEvent, QObject
from PySide6.QtGui import QAction, QDragEnterEvent, QDragMoveEvent, QDropEvent, QKeySequence
from PySide6.QtWidgets import QMainWindow, QMenu

from models.entities import InteractionKind
from models.rows import InteractionRow
from ui.display import visible
from ui.documents.actions import DocumentActions
from ui.documents.dialog import DocumentsDialog
from ui.documents.files import local_files
from ui.documents.panel import ATTACH_SHORTCUT
from ui.import_commands import DropHandler
from ui.timeline import TimelinePane
from ui.window_host import WindowHost

DOCUMENTS_SHORTCUT = "Ctrl+Shift+O"


class DocumentWindowActions(QObject):
    def __init__(
        self, window: QMainWindow, host: WindowHost, timeline: TimelinePane, drops: DropHandler
    ) -> None:
        super().__init__(window)
        self.window = window
        self.host = host
        self.timeline = timeline
        self.doc_actions = DocumentActions(host.store, host.stack, window)
        self.doc_actions.warn = self._warn
        self.attach_action = self._action("actionAttachFile", ATTACH_SHORTCUT, self.attach)
        self.documents_action = self._action(
            "actionDocuments", DOCUMENTS_SHORTCUT, self.show_documents
        )
        self.entry_attach_action = self._action("actionAttachToEntry", None, self.attach_to_entry)
        self.keep_mail_action = self._action(
            "actionKeepMailAttachments", None, self.keep_mail_attachments
        )
        menu = window.menuBar().findChild(QMenu, "menu_client")
        if menu is not None:
            menu.addSeparator()
            menu.addAction(self.attach_action)
            menu.addAction(self.documents_action)
        timeline.view.addAction(self.entry_attach_action)
        timeline.view.addAction(self.keep_mail_action)
        timeline.view.viewport().setAcceptDrops(True)
        timeline.view.viewport().installEventFilter(self)
        timeline.view.selectionModel().currentChanged.connect(lambda *_: self.update())
        self.drops = drops
        drops.attach_others = self.attach_to_client
        self.retranslate()
        self.update()

    def _action(self, name: str, shortcut: str | None, slot: object) -> QAction:
        action = QAction(self.window)
        action.setObjectName(name)
        if shortcut:
            action.setShortcut(QKeySequence(shortcut))
        assert callable(slot)
        action.triggered.connect(lambda _checked=False: slot())
        self.window.addAction(action)
        return action

    def all(self) -> list[QAction]:
        """The window-wide ones (the command palette runs them)."""
        return [self.attach_action, self.documents_action]

    def _warn(self, text: str) -> None:
        from PySide6.QtWidgets import QMessageBox

        QMessageBox.warning(self.window, self.tr("Documents"), text)

    def retranslate(self) -> None:
        texts = {
            self.attach_action: self.tr("&Attach file…"),
            self.documents_action: self.tr("D&ocuments…"),
            self.entry_attach_action: self.tr("Attach file to &entry…"),
            self.keep_mail_action: self.tr("Keep e-mail &attachments…"),
        }
        for action, text in texts.items():
            action.setText(text)
            tip = text.replace("&", "").rstrip("…")
            shortcut = action.shortcut().toString(QKeySequence.SequenceFormat.NativeText)
            action.setToolTip(f"{tip} ({shortcut})" if shortcut else tip)

    def _entry(self) -> InteractionRow | None:
        index = self.timeline.view.currentIndex()
        item = self.timeline.model.item(index.row()) if index.isValid() else None
        return item if isinstance(item, InteractionRow) else None

    def update(self) -> None:
        has_client = bool(self.host.current_client)
        entry = self._entry()
        self.attach_action.setEnabled(has_client)
        self.documents_action.setEnabled(has_client)
        self.entry_attach_action.setEnabled(entry is not None)
        self.keep_mail_action.setEnabled(
            entry is not None and entry.kind == InteractionKind.EMAIL.value
        )

    # -- the actions ------------------------------------------------------------------------
    def attach(self) -> list[str]:
        return self.doc_actions.choose_and_attach(account_id=self.host.current_client)

    def attach_to_client(self, paths: list[Path]) -> list[str]:
        if not self.host.current_client:
            self._warn(self.tr("Select a client first: dropped files are kept with a client."))
            return []
        made = self.doc_actions.attach_paths(paths, account_id=self.host.current_client)
        if made:
            listed = ", ".join(visible(p.name) for p in paths)
            self.host.notify(self.tr("Attached to the client: {0}").format(listed))
        return made

    def attach_to_entry(self) -> list[str]:
        entry = self._entry()
        if entry is None:
            return []
        return self.doc_actions.choose_and_attach(
            account_id=entry.account_id, interaction_id=entry.id
        )

    def keep_mail_attachments(self, path: str | None = None) -> object:
        entry = self._entry()
        if entry is None or entry.kind != InteractionKind.EMAIL.value:
            return None
        return self.doc_actions.keep_mail_attachments(entry.id, entry.subject, path)

    def show_documents(self) -> DocumentsDialog | None:
        detail = self.timeline.detail
        if not self.host.current_client or detail is None:
            return None
        dialog = DocumentsDialog(
            self.host.store, self.host.stack, detail.id, detail.name, self.window
        )
        self.host.open_dialog(dialog)
        return dialog

    # -- files dropped on a timeline entry --------------------------------------------------
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if not isinstance(event, QDragEnterEvent | QDragMoveEvent | QDropEvent):
            return False
        paths = local_files(event.mimeData())
        if not paths:
            return False
        if isinstance(event, QDragEnterEvent | QDragMoveEvent):
            event.acceptProposedAction()
            return True
        index = self.timeline.view.indexAt(event.position().toPoint())
        item = self.timeline.model.item(index.row()) if index.isValid() else None
        if isinstance(item, InteractionRow):
            event.acceptProposedAction()
            made = self.doc_actions.attach_paths(
                paths, account_id=item.account_id, interaction_id=item.id
            )
            if made:
                listed = ", ".join(visible(p.name) for p in paths)
                self.host.notify(self.tr("Attached to the entry: {0}").format(listed))
        else:  # below the entries: as if dropped on the client's timeline
            self.drops.drop(event, on_timeline=True)
        return True
