"""File ▸ Import… (wizard, preview decisions, worker, cancel, undo), File ▸ Export…
(warning once, CSV with BOM) and files dropped on the window, driven as a user would,
on a real encrypted database and the sample files in tests/data/import/."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QMimeData, QPointF, QRunnable, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QApplication, QFileDialog, QMessageBox, QWidget, QWizard
from pytestqt.qtbot import QtBot

from models import services
from models.store import Store
from models.transfer.presets import load_mapping
from models.transfer.undo import import_batches
from ui.export_dialog import ExportDialog
from ui.import_commands import ImportHistoryDialog
from ui.import_preview import PreviewModel, ValueRole
from ui.import_wizard import (
    COLUMNS_PAGE,
    FILE_PAGE,
    PREVIEW_PAGE,
    PROGRESS_PAGE,
    SUMMARY_PAGE,
    ImportWizard,
)
from ui.main_window import MainWindow

DATA = Path(__file__).resolve().parents[1] / "data" / "import"


class SyncPool:
    """Runs the import on the calling thread (Picard's FakeThreadPool)."""

    def start(self, runnable: QRunnable) -> None:
        runnable.run()


def contact_names(store: Store) -> list[str]:
    from models.transfer.exporter import rows_for

    with store.read() as session:
        return sorted(row[1] for row in rows_for(session, "contacts"))


def client_names(window: MainWindow) -> list[str]:
    model = window.clients.model
    return [model.row(model.index(i, 0)).name for i in range(model.rowCount())]


def open_wizard(window: MainWindow, pool: Any = None) -> ImportWizard:
    window.actions_["actionImport"].trigger()
    wizard = window.findChild(ImportWizard, "importWizard")
    assert isinstance(wizard, ImportWizard)
    if pool is not None:
        wizard.pool = pool
    return wizard


def to_preview(wizard: ImportWizard, path: Path) -> None:
    wizard.file_page.path_edit.setText(str(path))
    wizard.next()
    if wizard.currentId() == COLUMNS_PAGE:
        wizard.next()
    assert wizard.currentId() == PREVIEW_PAGE


@pytest.fixture
def maju(store: Store, sample: dict[str, str]) -> dict[str, str]:
    """Row 2 of the Salesforce file is a possible duplicate, row 4 an exact match."""
    with store.write() as uow:
        maju = services.create_account(uow, "PT Maju Jaya Tbk", tier="A")
        budi = services.create_contact(uow, "Budi Santosa", account_id=maju)
        anna = services.create_contact(
            uow, "Anna Mueller", account_id=sample["globex"], emails=["anna.mueller@globex.de"]
        )
    return {"maju": maju, "budi": budi, "anna": anna}


def statuses(model: PreviewModel) -> dict[int, tuple[str, str]]:
    out = {}
    for r in range(model.rowCount()):
        number = int(model.index(r, PreviewModel.ROW).data())
        out[number] = (
            model.index(r, PreviewModel.STATUS).data(),
            model.index(r, PreviewModel.ACTION).data(),
        )
    return out


def test_wizard_shows_the_preset_and_the_preview_statuses(
    window: MainWindow, qtbot: QtBot, maju: dict[str, str], qtmodeltester: Any
) -> None:
    wizard = open_wizard(window)
    wizard.file_page.path_edit.setText(str(DATA / "salesforce_contacts.csv"))
    wizard.next()
    assert wizard.currentId() == COLUMNS_PAGE
    detected = wizard.columns_page.detected.text()
    assert "Salesforce Contacts" in detected
    assert "Encoding: UTF-8" in detected and "Delimiter: comma" in detected
    assert "Header on line 1 (12 columns)" in detected
    mapping = wizard.mapping_model
    assert mapping.targets[mapping.header.index("Email")] == "emails"
    assert mapping.targets[mapping.header.index("Contact Owner")] == ""
    wizard.next()
    assert wizard.currentId() == PREVIEW_PAGE
    model = wizard.preview_model
    qtmodeltester.check(model)
    assert statuses(model) == {
        2: ("possible duplicate", "Skip (decide)"),
        3: ("new", "Create"),
        4: ("update", "Merge"),
        5: ("error", "Not imported"),
    }
    error = model.index(3, PreviewModel.MATCH).data()
    assert "not-an-email" in error or "e-mail" in error.casefold()
    assert "Budi Santosa" in model.index(0, PreviewModel.MATCH).data()
    counts = wizard.preview_page.counts.text()
    assert counts == (
        "Rows: 4. Create 1, merge 1, skip 1. "
        "Possible duplicates (skipped unless you choose): 1. With errors (not imported): 1."
    )


def test_import_applies_decisions_updates_the_list_and_undoes(
    window: MainWindow, qtbot: QtBot, store: Store, maju: dict[str, str]
) -> None:
    wizard = open_wizard(window)  # the real thread pool
    to_preview(wizard, DATA / "salesforce_contacts.csv")
    model = wizard.preview_model
    # Row 3 (Sari Dewi): skip, through the Action column's editor role.
    assert model.setData(model.index(1, PreviewModel.ACTION), "skip", ValueRole)
    # Row 2 (Budi, possible duplicate): create as new, with the all-duplicates button.
    wizard.preview_page.dup_create.click()
    assert statuses(model)[2] == ("possible duplicate", "Create")
    assert statuses(model)[3] == ("new", "Skip")
    with qtbot.waitSignal(wizard.imported, timeout=10_000) as finished:
        wizard.next()
    result = finished.args[0]
    assert (result.created, result.updated) == (1, 1)
    qtbot.waitUntil(lambda: wizard.currentId() == SUMMARY_PAGE)
    assert "Created 1, updated 1" in wizard.summary_page.summary.text()
    assert wizard.error_model.rowCount() == 1
    assert wizard.error_model.index(0, 0).data() == "5"
    names = contact_names(store)  # the sample has a Budi Santoso at another client
    assert names.count("Budi Santoso") == 2 and "Sari Dewi" not in names
    assert window.stack.undoText() == "Import “salesforce_contacts.csv”"
    assert window.actions_.undo.text() == "&Undo Import “salesforce_contacts.csv”"
    wizard.accept()

    window.actions_.undo.trigger()
    assert contact_names(store).count("Budi Santoso") == 1
    assert import_batches(store) == []
    window.actions_.redo.trigger()  # imports the same rows again, decisions kept
    names = contact_names(store)
    assert names.count("Budi Santoso") == 2 and "Sari Dewi" not in names
    window.actions_.undo.trigger()
    assert contact_names(store).count("Budi Santoso") == 1


def test_import_creates_clients_shown_in_the_list(
    window: MainWindow, qtbot: QtBot, store: Store
) -> None:
    wizard = open_wizard(window, SyncPool())
    to_preview(wizard, DATA / "salesforce_accounts.csv")
    wizard.next()
    assert wizard.currentId() == SUMMARY_PAGE
    created = wizard.outcome.created if wizard.outcome else 0
    assert created > 0
    qtbot.waitUntil(lambda: len(client_names(window)) == 3 + created)
    window.actions_.undo.trigger()
    qtbot.waitUntil(lambda: len(client_names(window)) == 3)


def test_cancel_leaves_nothing(
    window: MainWindow, qtbot: QtBot, store: Store, maju: dict[str, str]
) -> None:
    wizard = open_wizard(window, SyncPool())
    to_preview(wizard, DATA / "salesforce_contacts.csv")
    before = contact_names(store)
    cancelled: list[bool] = []

    def cancel_on_first_progress(_value: int) -> None:
        if not cancelled:
            cancelled.append(True)
            wizard.progress_page.cancel_button.click()

    wizard.progress_page.bar.valueChanged.connect(cancel_on_first_progress)
    with qtbot.waitSignal(wizard.import_failed) as failed:
        wizard.next()
    assert cancelled
    assert "cancelled" in failed.args[0]
    assert wizard.currentId() == PROGRESS_PAGE
    assert wizard.progress_page.status.text() == "Cancelled: nothing was imported."
    assert wizard.button(QWizard.WizardButton.BackButton).isEnabled()
    assert contact_names(store) == before
    assert import_batches(store) == []
    assert window.stack.count() == 0


def test_refused_file_shows_the_reason(window: MainWindow, tmp_path: Path) -> None:
    empty = tmp_path / "clients.csv"
    empty.write_bytes(b"")
    wizard = open_wizard(window)
    wizard.file_page.path_edit.setText(str(empty))
    wizard.next()
    assert wizard.currentId() == FILE_PAGE
    error = wizard.file_page.error
    assert error.isVisible()
    assert error.text() == "cannot import clients.csv: the file is empty"
    pdf = tmp_path / "report.pdf"
    pdf.write_bytes(b"%PDF-1.4")
    wizard.file_page.path_edit.setText(str(pdf))
    wizard.next()
    assert "Relasi imports .csv" in error.text()


def test_manual_mapping_saved_and_loaded(
    window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    odd = tmp_path / "people.csv"
    odd.write_text("Person;Mail;Firm\nDewi Lestari;dewi@example.id;PT Contoh\n", encoding="utf-8")
    wizard = open_wizard(window, SyncPool())
    wizard.file_page.path_edit.setText(str(odd))
    wizard.next()
    page = wizard.columns_page
    # No preset: the columns are guessed by their names ("Mail"); "Person", "Firm" are not.
    assert "Recognised: Columns by their names" in page.detected.text()
    assert "semicolon" in page.detected.text()
    model = wizard.mapping_model
    assert model.targets == ["", "emails", ""]
    assert not page.isComplete()  # no name column yet
    for row, target in enumerate(("name", "emails", "account_name")):
        assert model.setData(model.index(row, 2), target, ValueRole)
    assert page.isComplete()
    saved = tmp_path / "mine.json"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(saved), ""))
    page.save_button.click()
    assert load_mapping(saved).columns == {
        "name": ("Person",),
        "emails": ("Mail",),
        "account_name": ("Firm",),
    }
    for row in range(3):
        model.setData(model.index(row, 2), "", ValueRole)
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(saved), ""))
    page.load_button.click()
    assert model.targets == ["name", "emails", "account_name"]
    wizard.next()
    assert wizard.currentId() == PREVIEW_PAGE
    assert "Mapping: your own" in wizard.preview_page.detected.text()
    assert statuses(wizard.preview_model) == {2: ("new", "Create")}


def test_summary_report_is_saved(
    window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, maju: dict[str, str]
) -> None:
    wizard = open_wizard(window, SyncPool())
    to_preview(wizard, DATA / "salesforce_contacts.csv")
    wizard.next()
    assert wizard.currentId() == SUMMARY_PAGE
    report = tmp_path / "report.csv"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(report), ""))
    wizard.summary_page.save_button.click()
    text = report.read_bytes().decode("utf-8-sig")
    assert text.splitlines()[0] == "Row,Column,Why"
    assert text.splitlines()[1].startswith("5,Email,")


def test_undo_an_older_import(
    window: MainWindow, store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    wizard = open_wizard(window, SyncPool())
    to_preview(wizard, DATA / "salesforce_contacts.csv")
    wizard.next()
    assert "Sari Dewi" in contact_names(store)
    window.actions_["actionUndoImport"].trigger()
    dialog = window.findChild(ImportHistoryDialog, "importHistory")
    assert isinstance(dialog, ImportHistoryDialog)
    assert dialog.model.rowCount() == 1
    assert dialog.model.index(0, 1).data() == "salesforce_contacts.csv"
    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    assert dialog.undo_selected()
    assert "Sari Dewi" not in contact_names(store)
    assert dialog.model.rowCount() == 0
    window.actions_.undo.trigger()  # the stack's step sees it is already undone
    assert "Sari Dewi" not in contact_names(store)


# -- export -------------------------------------------------------------------------------------


def answer_warning(
    monkeypatch: pytest.MonkeyPatch, answer: QMessageBox.StandardButton
) -> list[str]:
    shown: list[str] = []

    def exec_(box: QMessageBox) -> int:
        shown.append(box.button(QMessageBox.StandardButton.Ok).text())
        return int(answer.value)

    monkeypatch.setattr(QMessageBox, "exec", exec_)
    return shown


def test_export_warns_once_and_writes_csv_with_bom(
    window: MainWindow, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, sample: dict[str, str]
) -> None:
    target = tmp_path / "clients.csv"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    shown = answer_warning(monkeypatch, QMessageBox.StandardButton.Cancel)
    window.actions_["actionExport"].trigger()
    dialog = window.findChild(ExportDialog, "exportDialog")
    assert isinstance(dialog, ExportDialog)
    dialog.set_choice("accounts")
    assert not dialog.export()  # Cancel: nothing written
    assert shown == ["Export anyway"] and not target.exists()

    shown = answer_warning(monkeypatch, QMessageBox.StandardButton.Ok)
    assert dialog.export()
    data = target.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")
    assert "Acme Corp" in data.decode("utf-8-sig")
    assert shown == ["Export anyway"]
    assert "Exported 3 rows to clients.csv." in window.statusBar().currentMessage()

    dialog = window.transfer_actions.export_data()
    assert isinstance(dialog, ExportDialog)
    select_client(window, sample["kopi"])
    dialog = window.transfer_actions.export_data()
    assert isinstance(dialog, ExportDialog)
    dialog.set_choice("contacts", "vcf", selected=True)
    vcf = tmp_path / "kopi.vcf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(vcf), ""))
    assert dialog.export()
    assert shown == ["Export anyway"]  # not asked again in this session
    text = vcf.read_text(encoding="utf-8")
    assert text.count("BEGIN:VCARD") == 1 and "Budi Santoso" in text


def test_export_formats_follow_the_kind(window: MainWindow, sample: dict[str, str]) -> None:
    select_client(window, sample["acme"])
    dialog = window.transfer_actions.export_data()
    assert isinstance(dialog, ExportDialog)

    def formats() -> list[str]:
        return [str(dialog.format.itemData(i)) for i in range(dialog.format.count())]

    dialog.set_choice("accounts")
    assert formats() == ["csv"]
    dialog.set_choice("contacts")
    assert formats() == ["csv", "vcf"]
    dialog.set_choice("followups")
    assert formats() == ["csv", "ics", "ics-per-client"]
    dialog.set_choice("followups", selected=True)
    assert formats() == ["csv", "ics"]
    assert dialog.selected.text() == "Only “Acme Corp”"


# -- drag and drop ------------------------------------------------------------------------------


def select_client(window: MainWindow, account_id: str) -> None:
    assert window.clients.show_client(account_id)


def drop(window: MainWindow, paths: list[Path], on: Callable[[MainWindow], QWidget]) -> None:
    """Drag files over a widget and drop them there, as a file manager would."""
    target = on(window)
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(p)) for p in paths])
    at = QPointF(target.rect().center())
    enter = QDragEnterEvent(
        at.toPoint(),
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    QApplication.sendEvent(target, enter)
    assert enter.isAccepted()
    event = QDropEvent(
        at,
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    QApplication.sendEvent(target, event)
    assert event.isAccepted()


def on_timeline(window: MainWindow) -> QWidget:
    return window.timeline.view.viewport()


def on_composer(window: MainWindow) -> QWidget:
    return window.timeline.composer.viewport()


def on_client_list(window: MainWindow) -> QWidget:
    return window.clients.view.viewport()


def timeline_subjects(window: MainWindow) -> list[str]:
    model = window.timeline.model
    return [
        getattr(model.item(i), "subject", "")
        for i in range(model.rowCount())
        if hasattr(model.item(i), "subject")
    ]


def test_dropped_email_is_filed_under_the_sender_client(
    window: MainWindow, qtbot: QtBot, store: Store, sample: dict[str, str]
) -> None:
    with store.write() as uow:
        maju = services.create_account(uow, "PT Maju Jaya Tbk")
        services.create_contact(
            uow, "Budi Santoso", account_id=maju, emails=["budi.santoso@majujaya.co.id"]
        )
    qtbot.waitUntil(lambda: "PT Maju Jaya Tbk" in client_names(window))
    select_client(window, sample["acme"])  # matched by address, not the selected client
    drop(window, [DATA / "quote_reply.eml"], on_client_list)
    assert "1 new" in window.statusBar().currentMessage()
    select_client(window, maju)
    qtbot.waitUntil(lambda: any("Penawaran" in s for s in timeline_subjects(window)))
    assert window.stack.undoText() == "Import “quote_reply.eml”"
    window.actions_.undo.trigger()
    qtbot.waitUntil(lambda: not any("Penawaran" in s for s in timeline_subjects(window)))


def test_unmatched_email_dropped_on_the_timeline_goes_to_the_selected_client(
    window: MainWindow, qtbot: QtBot, tmp_path: Path, sample: dict[str, str]
) -> None:
    mail = tmp_path / "hello.eml"
    mail.write_bytes(
        b"From: Someone <someone@unknown.example>\r\nTo: me@relasi.example\r\n"
        b"Subject: Hello there\r\nDate: Mon, 23 Nov 2026 10:00:00 +0700\r\n"
        b"Message-ID: <1@unknown.example>\r\n\r\nHi!\r\n"
    )
    select_client(window, sample["globex"])
    drop(window, [mail], on_client_list)  # not on the timeline: nothing matches
    assert "Not imported" in window.statusBar().currentMessage()
    assert window.stack.count() == 0
    drop(window, [mail], on_composer)  # over the note box: imported, not pasted as text
    assert "1 new" in window.statusBar().currentMessage()
    qtbot.waitUntil(lambda: "Hello there" in timeline_subjects(window))
    assert window.timeline.composer.toPlainText() == ""
    drop(window, [mail], on_timeline)  # the same message again: already there
    assert "0 new" in window.statusBar().currentMessage()


def test_dropped_csv_opens_the_wizard(window: MainWindow, tmp_path: Path) -> None:
    path = tmp_path / "google.csv"
    shutil.copyfile(DATA / "google_contacts.csv", path)
    drop(window, [path], on_client_list)
    wizard = window.findChild(ImportWizard, "importWizard")
    assert isinstance(wizard, ImportWizard)
    assert wizard.currentId() == COLUMNS_PAGE
    assert "Google Contacts" in wizard.columns_page.detected.text()


def test_wizard_pages_share_one_session_and_walk_in_order(
    window: MainWindow, tmp_path: Path
) -> None:
    """One module per page; each page reads the same ImportSession the wizard owns."""
    from ui.import_wizard.columns_page import ColumnsPage
    from ui.import_wizard.file_page import FilePage
    from ui.import_wizard.preview_page import PreviewPage
    from ui.import_wizard.progress_page import ProgressPage
    from ui.import_wizard.summary_page import SummaryPage

    wizard = open_wizard(window, SyncPool())
    kinds = [FilePage, ColumnsPage, PreviewPage, ProgressPage, SummaryPage]
    assert [type(wizard.page(i)) for i in wizard.pageIds()] == kinds
    assert all(wizard.page(i).session is wizard.session for i in wizard.pageIds())
    vcf = tmp_path / "one.vcf"
    vcf.write_text("BEGIN:VCARD\nVERSION:3.0\nFN:Sari Dewi\nEND:VCARD\n", encoding="utf-8")
    wizard.file_page.path_edit.setText(str(vcf))
    wizard.next()
    assert wizard.currentId() == PREVIEW_PAGE  # no columns page for a vCard
    assert wizard.plan is wizard.session.plan is not None
    wizard.next()
    assert wizard.currentId() == SUMMARY_PAGE
    assert wizard.outcome is not None and wizard.outcome.created == 1
    assert "Created 1" in wizard.summary_page.summary.text()
