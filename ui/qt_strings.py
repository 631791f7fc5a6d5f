"""Texts Qt's own widgets show, translated in our catalogue.

Qt ships no Indonesian translation of its widgets, so the standard buttons (OK,
Cancel, Save, Yes/No ...), the wizard's "< Back" / "Next >" / "Finish", the text
fields' context menu (Undo, Cut, Copy, Paste ...), QUndoStack's action texts and
Qt's own file dialog would stay English. Qt looks each one up with ``QCoreApplication.translate`` in
its own context ("QPlatformTheme", "QWizard", "QLineEdit", ...); the calls below
repeat those lookups, exactly as Qt 6.11 makes them, so that lupdate puts them in
relasi_id.ts (ui.i18n_check then requires their translation) and our translator
answers Qt. Find a text that stays English by logging what a QTranslator is
asked (see tests/ui/test_qt_strings.py).
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication


def standard_texts() -> list[str]:
    """Qt's texts as the installed translators give them (what Qt's widgets show). One
    literal call per text: the form lupdate reads."""
    return [
        # QDialogButtonBox, QMessageBox: QPlatformTheme::defaultStandardButtonText
        QCoreApplication.translate("QPlatformTheme", "OK"),
        QCoreApplication.translate("QPlatformTheme", "Save"),
        QCoreApplication.translate("QPlatformTheme", "Save All"),
        QCoreApplication.translate("QPlatformTheme", "Open"),
        QCoreApplication.translate("QPlatformTheme", "&Yes"),
        QCoreApplication.translate("QPlatformTheme", "Yes to &All"),
        QCoreApplication.translate("QPlatformTheme", "&No"),
        QCoreApplication.translate("QPlatformTheme", "N&o to All"),
        QCoreApplication.translate("QPlatformTheme", "Abort"),
        QCoreApplication.translate("QPlatformTheme", "Retry"),
        QCoreApplication.translate("QPlatformTheme", "Ignore"),
        QCoreApplication.translate("QPlatformTheme", "Close"),
        QCoreApplication.translate("QPlatformTheme", "Cancel"),
        QCoreApplication.translate("QPlatformTheme", "Discard"),
        QCoreApplication.translate("QPlatformTheme", "Help"),
        QCoreApplication.translate("QPlatformTheme", "Apply"),
        QCoreApplication.translate("QPlatformTheme", "Reset"),
        QCoreApplication.translate("QPlatformTheme", "Restore Defaults"),
        QCoreApplication.translate("QPlatformTheme", "Don't Save"),
        QCoreApplication.translate("QPlatformTheme", "Close without Saving"),
        QCoreApplication.translate("QMessageBox", "Show Details..."),
        QCoreApplication.translate("QMessageBox", "Hide Details..."),
        # QWizard's buttons
        QCoreApplication.translate("QWizard", "< &Back"),
        QCoreApplication.translate("QWizard", "&Next >"),
        QCoreApplication.translate("QWizard", "&Finish"),
        QCoreApplication.translate("QWizard", "Cancel"),
        QCoreApplication.translate("QWizard", "&Help"),
        QCoreApplication.translate("QWizard", "Commit"),
        # QLineEdit's context menu (also the spin boxes' and date editors')
        QCoreApplication.translate("QLineEdit", "&Undo"),
        QCoreApplication.translate("QLineEdit", "&Redo"),
        QCoreApplication.translate("QLineEdit", "Cu&t"),
        QCoreApplication.translate("QLineEdit", "&Copy"),
        QCoreApplication.translate("QLineEdit", "&Paste"),
        QCoreApplication.translate("QLineEdit", "Delete"),
        QCoreApplication.translate("QLineEdit", "Select All"),
        # QPlainTextEdit's and QTextEdit's context menu
        QCoreApplication.translate("QWidgetTextControl", "&Undo"),
        QCoreApplication.translate("QWidgetTextControl", "&Redo"),
        QCoreApplication.translate("QWidgetTextControl", "Cu&t"),
        QCoreApplication.translate("QWidgetTextControl", "&Copy"),
        QCoreApplication.translate("QWidgetTextControl", "&Paste"),
        QCoreApplication.translate("QWidgetTextControl", "Delete"),
        QCoreApplication.translate("QWidgetTextControl", "Select All"),
        QCoreApplication.translate("QWidgetTextControl", "Copy &Link Location"),
        # QUndoStack.createUndoAction / createRedoAction, QUndoView
        QCoreApplication.translate("QUndoStack", "Undo %1"),
        QCoreApplication.translate("QUndoStack", "Redo %1"),
        QCoreApplication.translate("QUndoStack", "Undo", "Default text for undo action"),
        QCoreApplication.translate("QUndoStack", "Redo", "Default text for redo action"),
        QCoreApplication.translate("QUndoModel", "<empty>"),
        # QFileDialog (Qt's own, where no desktop portal gives the system's)
        QCoreApplication.translate("QFileDialog", "&Look in:"),
        QCoreApplication.translate("QFileDialog", "File &name:"),
        QCoreApplication.translate("QFileDialog", "Files of &type:"),
        QCoreApplication.translate("QFileDialog", "Directory:"),
        QCoreApplication.translate("QFileDialog", "&Open"),
        QCoreApplication.translate("QFileDialog", "&Save"),
        QCoreApplication.translate("QFileDialog", "&Choose"),
        QCoreApplication.translate("QFileDialog", "&Delete"),
        QCoreApplication.translate("QFileDialog", "&Rename"),
        QCoreApplication.translate("QFileDialog", "&New Folder"),
        QCoreApplication.translate("QFileDialog", "All Files (*)"),
        QCoreApplication.translate("QFileDialog", "Back"),
        QCoreApplication.translate("QFileDialog", "Forward"),
        QCoreApplication.translate("QFileDialog", "Go back"),
        QCoreApplication.translate("QFileDialog", "Go forward"),
        QCoreApplication.translate("QFileDialog", "Parent Directory"),
        QCoreApplication.translate("QFileDialog", "Go to the parent directory"),
        QCoreApplication.translate("QFileDialog", "Create New Folder"),
        QCoreApplication.translate("QFileDialog", "Create a New Folder"),
        QCoreApplication.translate("QFileDialog", "List View"),
        QCoreApplication.translate("QFileDialog", "Change to list view mode"),
        QCoreApplication.translate("QFileDialog", "Detail View"),
        QCoreApplication.translate("QFileDialog", "Change to detail view mode"),
        QCoreApplication.translate("QFileDialog", "Directories"),
        QCoreApplication.translate("QFileDialog", "Files"),
        QCoreApplication.translate("QFileDialog", "Show &hidden files"),
        QCoreApplication.translate("QFileDialog", "Show "),
        QCoreApplication.translate("QFileDialog", "Sidebar"),
        QCoreApplication.translate("QFileDialog", "List of places and bookmarks"),
        QCoreApplication.translate("QFileSystemModel", "Name"),
        QCoreApplication.translate("QFileSystemModel", "Size"),
        QCoreApplication.translate("QFileSystemModel", "Type", "All other platforms"),
        QCoreApplication.translate("QFileSystemModel", "Date Modified"),
        QCoreApplication.translate("QFileSystemModel", "Computer"),
        QCoreApplication.translate("QAbstractFileIconProvider", "Folder", "All other platforms"),
        QCoreApplication.translate("QAbstractFileIconProvider", "Drive"),
        QCoreApplication.translate("QAbstractFileIconProvider", "Unknown"),
        # QInputDialog's default label
        QCoreApplication.translate("QInputDialog", "Enter a value:"),
    ]
