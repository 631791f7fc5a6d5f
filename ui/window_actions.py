"""The main window's actions, menus (with mnemonics) and toolbar, in one place so
the command palette and tests can find every action by its objectName."""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QKeySequence, QUndoStack
from PySide6.QtWidgets import QMainWindow, QMenu, QToolBar

from ui.icons import set_icon

# Lock the window (also shown on the lock screen's hint).
LOCK_SHORTCUT = "Ctrl+L"

# objectName -> (icon, shortcut); texts are set (and re-set) in retranslate().
SPECS: dict[str, tuple[str | None, QKeySequence.StandardKey | str | None]] = {
    "actionNewClient": ("client", None),
    "actionNewEntry": ("add", QKeySequence.StandardKey.New),
    "actionQuickCapture": ("capture", "Ctrl+Shift+N"),
    "actionEditClient": ("edit", None),
    "actionDeleteClient": ("trash", None),
    "actionNewContact": ("contact", None),
    "actionNewDeal": ("deal", None),
    "actionNewFollowUp": ("followup", None),
    "actionEditEntry": ("edit", None),
    "actionDeleteEntry": ("trash", None),
    "actionTrash": ("trash", None),
    "actionSettings": (None, QKeySequence.StandardKey.Preferences),
    "actionQuit": (None, QKeySequence.StandardKey.Quit),
    "actionFind": ("search", QKeySequence.StandardKey.Find),
    "actionJump": ("palette", "Ctrl+K"),
    "actionSearchAll": ("search", "Ctrl+Shift+F"),
    "actionRefresh": ("refresh", QKeySequence.StandardKey.Refresh),
    "actionAllFollowUps": (None, None),
    "actionShortcuts": (None, None),
    "actionGuide": (None, QKeySequence.StandardKey.HelpContents),
    "actionAbout": (None, None),
    "actionImport": (None, "Ctrl+I"),
    "actionExport": (None, None),
    "actionUndoImport": ("undo", None),
    "actionBackup": (None, None),
    "actionRestoreBackup": (None, None),
    "actionCheck": (None, None),
    "actionLock": ("lock", LOCK_SHORTCUT),
    "actionPipeline": ("deal", "Ctrl+Shift+P"),
    "actionCompetitors": (None, "Ctrl+Shift+M"),
    "actionExportReview": (None, None),
    "actionExportBrief": (None, None),
    "actionSyncNow": ("refresh", "F9"),
    "actionConflictLog": (None, "Ctrl+Shift+K"),
}


class WindowActions(QObject):
    """Creates the actions; the window connects them to its handlers (the *_actions
    modules)."""

    def __init__(self, window: QMainWindow, stack: QUndoStack) -> None:
        super().__init__(window)
        self.window = window
        self.by_name: dict[str, QAction] = {}
        for name, (icon_name, shortcut) in SPECS.items():
            action = QAction(window)
            action.setObjectName(name)
            if icon_name:
                set_icon(action, icon_name)
            if shortcut is not None:
                action.setShortcut(QKeySequence(shortcut))
            window.addAction(action)
            self.by_name[name] = action
        self.by_name["actionAllFollowUps"].setCheckable(True)
        # Own actions (not createUndoAction) so their text goes through our translation.
        self.undo = QAction("", window)
        set_icon(self.undo, "undo")
        self.undo.setObjectName("actionUndo")
        self.undo.setShortcut(QKeySequence(QKeySequence.StandardKey.Undo))
        self.undo.triggered.connect(stack.undo)
        self.redo = QAction("", window)
        set_icon(self.redo, "redo")
        self.redo.setObjectName("actionRedo")
        self.redo.setShortcuts([QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")])
        self.redo.triggered.connect(stack.redo)
        stack.canUndoChanged.connect(self.undo.setEnabled)
        stack.canRedoChanged.connect(self.redo.setEnabled)
        self._undo_label, self._redo_label = stack.undoText(), stack.redoText()
        stack.undoTextChanged.connect(self._set_undo_label)
        stack.redoTextChanged.connect(self._set_redo_label)
        self.undo.setEnabled(stack.canUndo())
        self.redo.setEnabled(stack.canRedo())
        for action in (self.undo, self.redo):
            window.addAction(action)
        self.menus: dict[str, QMenu] = {}
        self.toolbar = QToolBar(window)
        self.toolbar.setObjectName("mainToolbar")
        self.toolbar.setMovable(False)
        self.toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self._build()
        self.retranslate()

    def __getitem__(self, name: str) -> QAction:
        return self.by_name[name]

    def all(self) -> list[QAction]:
        return [*self.by_name.values(), self.undo, self.redo]

    def _build(self) -> None:
        bar = self.window.menuBar()
        layout: dict[str, list[str | None]] = {
            "file": [
                "actionNewClient",
                None,
                "actionImport",
                "actionExport",
                "actionExportReview",
                "actionExportBrief",
                None,
                "actionBackup",
                "actionRestoreBackup",
                None,
                "actionQuit",
            ],
            "edit": [
                "undo",
                "redo",
                None,
                "actionEditEntry",
                "actionDeleteEntry",
                None,
                "actionTrash",
                "actionUndoImport",
                None,
                "actionSettings",
            ],
            "client": [
                "actionNewEntry",
                "actionQuickCapture",
                None,
                "actionNewFollowUp",
                "actionNewContact",
                "actionNewDeal",
                None,
                "actionEditClient",
                "actionDeleteClient",
            ],
            "view": [
                "actionFind",
                "actionSearchAll",
                "actionJump",
                None,
                "actionPipeline",
                "actionCompetitors",
                None,
                "actionAllFollowUps",
                "actionRefresh",
            ],
            "tools": [
                "actionSyncNow",
                "actionConflictLog",
                None,
                "actionCheck",
                None,
                "actionLock",
            ],
            "help": ["actionGuide", "actionShortcuts", None, "actionAbout"],
        }
        for key, names in layout.items():
            menu = bar.addMenu("")
            menu.setObjectName(f"menu_{key}")
            self.menus[key] = menu
            for name in names:
                if name is None:
                    menu.addSeparator()
                elif name == "undo":
                    menu.addAction(self.undo)
                elif name == "redo":
                    menu.addAction(self.redo)
                else:
                    menu.addAction(self.by_name[name])
        self.window.addToolBar(self.toolbar)
        for name in (
            "actionNewClient",
            "actionNewEntry",
            "actionQuickCapture",
            "actionNewFollowUp",
            None,
            "undo",
            "redo",
            None,
            "actionJump",
            "actionRefresh",
        ):
            if name is None:
                self.toolbar.addSeparator()
            elif name in ("undo", "redo"):
                self.toolbar.addAction(self.undo if name == "undo" else self.redo)
            else:
                self.toolbar.addAction(self.by_name[name])

    def retranslate(self) -> None:
        titles = {
            "file": self.tr("&File"),
            "edit": self.tr("&Edit"),
            "client": self.tr("&Client"),
            "view": self.tr("&View"),
            "tools": self.tr("&Tools"),
            "help": self.tr("&Help"),
        }
        for key, title in titles.items():
            self.menus[key].setTitle(title)
        texts = {
            "actionNewClient": self.tr("New &client…"),
            "actionNewEntry": self.tr("&New entry"),
            "actionQuickCapture": self.tr("&Quick capture…"),
            "actionEditClient": self.tr("&Edit client…"),
            "actionDeleteClient": self.tr("Move client to &Trash"),
            "actionNewContact": self.tr("Add co&ntact…"),
            "actionNewDeal": self.tr("Add &deal…"),
            "actionNewFollowUp": self.tr("New &follow-up…"),
            "actionEditEntry": self.tr("&Edit entry…"),
            "actionDeleteEntry": self.tr("&Delete entry"),
            "actionTrash": self.tr("&Trash…"),
            "actionSettings": self.tr("&Settings…"),
            "actionQuit": self.tr("&Quit"),
            "actionFind": self.tr("&Find client"),
            "actionJump": self.tr("&Jump to…"),
            "actionSearchAll": self.tr("&Search everything…"),
            "actionRefresh": self.tr("&Refresh"),
            "actionAllFollowUps": self.tr("Follow-ups of &all clients"),
            "actionShortcuts": self.tr("&Keyboard shortcuts"),
            "actionGuide": self.tr("&User guide"),
            "actionAbout": self.tr("&About Relasi"),
            "actionImport": self.tr("&Import…"),
            "actionExport": self.tr("E&xport…"),
            "actionUndoImport": self.tr("Undo an i&mport…"),
            "actionBackup": self.tr("Back &up now"),
            "actionRestoreBackup": self.tr("&Restore from backup…"),
            "actionCheck": self.tr("&Check database"),
            "actionLock": self.tr("&Lock"),
            "actionPipeline": self.tr("&Pipeline"),
            "actionCompetitors": self.tr("Co&mpetitors"),
            "actionExportReview": self.tr("Export account &review…"),
            "actionExportBrief": self.tr("Export meeting &brief…"),
            "actionSyncNow": self.tr("S&ync now"),
            "actionConflictLog": self.tr("Co&nflict log…"),
        }
        for name, text in texts.items():
            action = self.by_name[name]
            action.setText(text)
            tip = text.replace("&", "").rstrip("…")
            shortcut = action.shortcut().toString()
            action.setToolTip(f"{tip} ({shortcut})" if shortcut else tip)
        self.toolbar.setWindowTitle(self.tr("Toolbar"))
        self._undo_texts()

    def _set_undo_label(self, text: str) -> None:
        self._undo_label = text
        self._undo_texts()

    def _set_redo_label(self, text: str) -> None:
        self._redo_label = text
        self._undo_texts()

    def _undo_texts(self) -> None:
        """'Undo New note' / 'Urungkan Catatan baru': the Edit menu says what will be undone."""
        undo, redo = self._undo_label, self._redo_label
        self.undo.setText(self.tr("&Undo {0}").format(undo) if undo else self.tr("&Undo"))
        self.redo.setText(self.tr("&Redo {0}").format(redo) if redo else self.tr("&Redo"))
        self.undo.setToolTip(self.undo.text().replace("&", ""))
        self.redo.setToolTip(self.redo.text().replace("&", ""))
