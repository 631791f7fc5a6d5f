"""No English standard text in the Indonesian interface: Qt ships no Indonesian for its
own widgets, so our catalogue translates the texts Qt looks up (ui/qt_strings.py).
Every visible text of the main window and of each dialog is walked with the
Indonesian translator installed."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QDate, QTranslator
from PySide6.QtGui import QAction, QUndoStack
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QCalendarWidget,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QGroupBox,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMenu,
    QMessageBox,
    QPlainTextEdit,
    QTabWidget,
    QTextEdit,
    QWidget,
    QWizard,
)
from pytestqt.qtbot import QtBot

from ui import qt_strings
from ui.forms.account import AccountDialog
from ui.forms.contact import ContactDialog
from ui.forms.deal import DealDialog
from ui.forms.entry import InteractionDialog
from ui.forms.followup import FollowUpDialog
from ui.import_wizard.wizard import ImportWizard
from ui.main_window import MainWindow
from ui.quick_capture import QuickCaptureDialog
from ui.safety import BackupRestoreDialog
from ui.settings import Settings
from ui.settings_dialog import SettingsDialog, apply_language
from ui.trash import TrashDialog

DATA = Path(__file__).resolve().parents[1] / "data" / "import"

# Qt's standard texts (and our stage names) as English shows them, '&' removed.
ENGLISH = {
    "OK", "Save", "Save All", "Cancel", "Close", "Yes", "No", "Yes to All", "No to All",
    "Apply", "Reset", "Restore Defaults", "Discard", "Don't Save", "Help", "Open",
    "Abort", "Retry", "Ignore", "Back", "< Back", "Next", "Next >", "Finish", "Commit",
    "Undo", "Redo", "Cut", "Copy", "Paste", "Delete", "Select All", "Lead",
    "Show Details...", "<empty>",
    "Look in:", "File name:", "Files of type:", "Choose", "Rename", "New Folder", "Forward",
    "All Files (*)", "Name", "Size", "Type", "Date Modified", "Detail View", "List View",
}  # fmt: skip


def english(text: str) -> bool:
    plain = text.replace("&&", "\0").replace("&", "").replace("\0", "&").strip()
    return plain in ENGLISH or plain.split(" ")[0] in {"Undo", "Redo"}


def texts(root: QWidget) -> Iterator[tuple[str, str]]:
    """(where, text) of everything ``root`` shows: titles, buttons, labels, actions,
    menus, tabs, headers, combo items and the text fields' context menus."""
    for widget in [root, *root.findChildren(QWidget)]:
        name = f"{type(widget).__name__}#{widget.objectName()}"
        if widget.isWindow():
            yield name, widget.windowTitle()
        if isinstance(widget, QAbstractButton):
            yield name, widget.text()
        if isinstance(widget, QLabel):
            yield name, widget.text()
        if isinstance(widget, QGroupBox):
            yield name, widget.title()
        if isinstance(widget, QTabWidget):
            for i in range(widget.count()):
                yield name, widget.tabText(i)
        if isinstance(widget, QComboBox):
            for i in range(widget.count()):
                yield name, widget.itemText(i)
        if isinstance(widget, QHeaderView) and widget.model() is not None:
            for i in range(widget.count()):
                yield name, str(widget.model().headerData(i, widget.orientation()) or "")
        if isinstance(widget, QLineEdit | QPlainTextEdit | QTextEdit):
            menu = widget.createStandardContextMenu()
            if menu is not None:
                for action in menu.actions():
                    yield f"{name} context menu", action.text()
                menu.deleteLater()
        if isinstance(widget, QWizard):
            for button in QWizard.WizardButton:
                if button.value < QWizard.WizardButton.NButtons.value:
                    yield name, widget.buttonText(button)
        for action in widget.actions():
            yield f"{name} action", action.text()
        if isinstance(widget, QMenu):
            yield name, widget.title()
    for action in root.findChildren(QAction):
        yield "QAction", action.text()


def assert_indonesian(root: QWidget) -> None:
    seen = list(texts(root))
    assert seen
    left = sorted({(where, text) for where, text in seen if text and english(text)})
    assert left == [], left


@pytest.fixture
def indonesian(qapp: QApplication) -> Iterator[None]:
    apply_language("id")
    yield
    apply_language("en")


def test_every_qt_text_has_an_indonesian_translation(indonesian: None) -> None:
    shown = qt_strings.standard_texts()
    assert len(shown) > 40 and not [t for t in shown if english(t)]
    assert QCoreApplication.translate("QPlatformTheme", "OK") == "Oke"
    assert QCoreApplication.translate("QWizard", "&Next >") == "&Lanjut >"


def test_qt_asks_only_for_texts_we_translate(qapp: QApplication) -> None:
    """What Qt 6.11 looks up for the widgets we use is in our catalogue (a spy
    translator records Qt's lookups; a new Qt text shows up here first)."""

    class Spy(QTranslator):
        def __init__(self) -> None:
            super().__init__()
            self.asked: set[tuple[str, str]] = set()

        def translate(  # type: ignore[override]
            self, context: str, source: str, disambiguation: str | None = None, n: int = -1
        ) -> str:
            self.asked.add((context, source))
            return ""

        def isEmpty(self) -> bool:
            return False

    spy = Spy()
    qapp.installTranslator(spy)
    try:
        buttons = QDialogButtonBox()
        for b in (
            QDialogButtonBox.StandardButton.Ok, QDialogButtonBox.StandardButton.Save,
            QDialogButtonBox.StandardButton.Cancel, QDialogButtonBox.StandardButton.Close,
            QDialogButtonBox.StandardButton.Yes, QDialogButtonBox.StandardButton.No,
            QDialogButtonBox.StandardButton.Apply, QDialogButtonBox.StandardButton.Reset,
            QDialogButtonBox.StandardButton.Discard, QDialogButtonBox.StandardButton.Help,
            QDialogButtonBox.StandardButton.RestoreDefaults,
        ):  # fmt: skip
            buttons.addButton(b)
        wizard = QWizard()
        wizard.buttonText(QWizard.WizardButton.BackButton)
        QLineEdit().createStandardContextMenu()
        QPlainTextEdit().createStandardContextMenu()
        stack = QUndoStack()
        stack.createUndoAction(None)
        stack.createRedoAction(None)
    finally:
        qapp.removeTranslator(spy)
    catalogue = Path(__file__).resolve().parents[2] / "resources/translations/relasi_id.ts"
    text = catalogue.read_text(encoding="utf-8")
    qt_contexts = {"QPlatformTheme", "QWizard", "QLineEdit", "QWidgetTextControl", "QUndoStack"}
    asked = {(c, s) for c, s in spy.asked if c in qt_contexts}
    assert len(asked) > 25
    for context, source in asked:
        escaped = source.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
        block = text.split(f"<name>{context}</name>", 1)[1].split("</context>", 1)[0]
        assert f"<source>{escaped}</source>" in block, (context, source)


def test_main_window_has_no_english_standard_text(
    indonesian: None, window: MainWindow, qtbot: QtBot
) -> None:
    qtbot.wait(10)
    assert_indonesian(window)


def test_dialogs_have_no_english_standard_text(
    indonesian: None,
    window: MainWindow,
    qtbot: QtBot,
    settings: Settings,
    sample: dict[str, str],
) -> None:
    store, stack = window.store, window.stack
    dialogs: list[QDialog] = [
        AccountDialog(store, stack, sample["acme"], parent=window),
        ContactDialog(store, stack, account_id=sample["acme"], parent=window),
        InteractionDialog(store, stack, account_id=sample["acme"], parent=window),
        FollowUpDialog(store, stack, account_id=sample["acme"], parent=window),
        DealDialog(store, stack, account_id=sample["acme"], parent=window),  # stage "Lead"
        SettingsDialog(settings, window),
        QuickCaptureDialog(store, stack, sample["acme"], window, default_currency="IDR"),
        TrashDialog(store, stack, window),
        BackupRestoreDialog(store, window),
    ]
    question = QMessageBox(
        QMessageBox.Icon.Question,
        "Relasi",
        "?",
        QMessageBox.StandardButton.Yes
        | QMessageBox.StandardButton.No
        | QMessageBox.StandardButton.Cancel
        | QMessageBox.StandardButton.Save
        | QMessageBox.StandardButton.Discard,
        window,
    )
    question.setDetailedText("details")
    dialogs.append(question)
    for dialog in dialogs:
        qtbot.addWidget(dialog)
        dialog.show()
        qtbot.waitExposed(dialog)
        assert_indonesian(dialog)
        dialog.reject()


def test_import_wizard_pages_have_no_english_standard_text(
    indonesian: None, window: MainWindow, qtbot: QtBot, sample: dict[str, str]
) -> None:
    wizard = ImportWizard(window.store, window.stack, window)
    qtbot.addWidget(wizard)
    wizard.show()
    qtbot.waitExposed(wizard)
    assert_indonesian(wizard)  # the file page: Next, Cancel
    wizard.file_page.path_edit.setText(str(DATA / "salesforce_contacts.csv"))
    wizard.next()
    assert_indonesian(wizard)  # the columns page: Back too
    wizard.next()
    assert_indonesian(wizard)  # the preview
    wizard.reject()


@pytest.mark.parametrize(
    "mode", [QFileDialog.AcceptMode.AcceptOpen, QFileDialog.AcceptMode.AcceptSave]
)
def test_qts_own_file_dialog_has_no_english_standard_text(
    indonesian: None, qtbot: QtBot, tmp_path: Path, mode: QFileDialog.AcceptMode
) -> None:
    dialog = QFileDialog(None, "Relasi", str(tmp_path), "CSV (*.csv)")
    dialog.setOption(QFileDialog.Option.DontUseNativeDialog, True)
    dialog.setAcceptMode(mode)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    assert_indonesian(dialog)
    dialog.reject()


def test_calendars_and_date_editors_speak_indonesian(indonesian: None, qtbot: QtBot) -> None:
    """Qt asks no translator for these: their names come from the locale (id_ID)."""
    calendar = QCalendarWidget()
    qtbot.addWidget(calendar)
    calendar.setSelectedDate(QDate(2026, 12, 1))
    assert calendar.locale().monthName(12) == "Desember"
    editor = QDateEdit(QDate(2026, 12, 1))
    qtbot.addWidget(editor)
    assert editor.text() == "01/12/26"
