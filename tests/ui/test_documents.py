"""Documents in the window: files dropped (real QDropEvents of file URLs) on a timeline
entry, the client's timeline, a deal's dialog and a deal's card are attached there;
undo and redo; the lists of a client, a deal and an entry; opening through the private
folder; Save as; refusals in words; a filed e-mail's attachments kept."""

from __future__ import annotations

import os
import stat
from collections.abc import Iterator
from email.message import EmailMessage
from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent, QDropEvent
from PySide6.QtWidgets import QApplication, QWidget
from pytestqt.qtbot import QtBot

from models import services
from models.queries import documents as q
from models.services import documents as docs
from models.store import Store
from ui.dialogs import DealDialog, InteractionDialog
from ui.documents.actions import DocumentActions
from ui.documents.files import close_viewing_folder, viewing_folder
from ui.main_window import MainWindow
from ui.pipeline.board import PipelineBoard
from ui.pipeline.column_model import StageColumnModel
from ui.pipeline.window import PipelineWindow
from ui.settings import Settings

PDF = b"%PDF-1.4 MARKER-IN-A-DOCUMENT " + bytes(range(256)) * 64


@pytest.fixture(autouse=True)
def private_runtime(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """Opened documents go under this test's own runtime folder."""
    runtime = tmp_path / "runtime"
    runtime.mkdir(mode=0o700)
    monkeypatch.setenv("XDG_RUNTIME_DIR", str(runtime))
    yield runtime
    close_viewing_folder()


@pytest.fixture
def files(tmp_path: Path) -> dict[str, Path]:
    folder = tmp_path / "files"
    folder.mkdir()
    out = {"pdf": folder / "Penawaran – PT Kopi.pdf", "xlsx": folder / "rincian.xlsx"}
    out["pdf"].write_bytes(PDF)
    out["xlsx"].write_bytes(b"PK\x03\x04 sheet")
    return out


def drop_on(
    target: QWidget, paths: list[Path], at: QPoint | None = None, *, accepted: bool = True
) -> None:
    """Drag local files over ``target`` and drop them at ``at`` (its centre)."""
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(p)) for p in paths])
    point = at if at is not None else target.rect().center()
    action, buttons, keys = (
        Qt.DropAction.CopyAction,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    enter = QDragEnterEvent(point, action, mime, buttons, keys)
    QApplication.sendEvent(target, enter)
    assert enter.isAccepted() == accepted
    QApplication.sendEvent(target, QDragMoveEvent(point, action, mime, buttons, keys))
    event = QDropEvent(QPointF(point), action, mime, buttons, keys)
    QApplication.sendEvent(target, event)
    assert event.isAccepted() == accepted


def quiet(actions: DocumentActions) -> list[str]:
    """Refusals collected instead of a modal box; opening collected instead of a viewer."""
    said: list[str] = []
    actions.warn = said.append
    actions.launch = lambda url: said.append(url.toLocalFile())
    return said


def names(store: Store, **scope: str) -> list[str]:
    return sorted(r.name for r in q.documents_of(store, **scope))


def test_a_file_dropped_on_an_entry_is_attached_to_it_and_undone(
    window: MainWindow, store: Store, sample: dict[str, str], files: dict[str, Path]
) -> None:
    assert window.clients.show_client(sample["kopi"])
    view = window.timeline.view
    row = window.timeline.model.row_of(sample["call"])
    at = view.visualRect(window.timeline.model.index(row, 0)).center()
    drop_on(view.viewport(), [files["pdf"], files["xlsx"]], at)
    assert names(store, interaction_id=sample["call"]) == [
        "Penawaran – PT Kopi.pdf",
        "rincian.xlsx",
    ]
    assert names(store, account_id=sample["kopi"]) == names(store, interaction_id=sample["call"])
    assert window.stack.undoText() == "Attach 2 files"
    window.stack.undo()
    assert names(store, account_id=sample["kopi"]) == []
    window.stack.redo()
    assert len(names(store, interaction_id=sample["call"])) == 2
    doc = q.documents_of(store, interaction_id=sample["call"])
    assert {q.read_document(store, d.id) for d in doc} == {PDF, b"PK\x03\x04 sheet"}


def test_a_file_dropped_on_the_client_header_goes_to_the_client(
    window: MainWindow, store: Store, sample: dict[str, str], files: dict[str, Path]
) -> None:
    assert window.clients.show_client(sample["acme"])
    header = window.timeline.header
    point = header.mapTo(window, header.rect().center())
    drop_on(window, [files["pdf"]], point)
    rows = q.documents_of(store, account_id=sample["acme"])
    assert [(r.name, r.deal_id, r.interaction_id) for r in rows] == [
        ("Penawaran – PT Kopi.pdf", None, None)
    ]


def test_documents_dialog_lists_opens_saves_and_deletes(
    window: MainWindow,
    store: Store,
    sample: dict[str, str],
    files: dict[str, Path],
    tmp_path: Path,
    private_runtime: Path,
    qtbot: QtBot,
) -> None:
    assert window.clients.show_client(sample["acme"])
    with store.write() as uow:
        doc = docs.attach(uow, name="kontrak.pdf", data=PDF, account_id=sample["acme"])
    assert window.document_actions.documents_action.shortcut().toString() == "Ctrl+Shift+O"
    assert window.document_actions.attach_action.shortcut().toString() == "Ctrl+Shift+A"
    assert window.document_actions.documents_action in window.app_actions.actions()  # palette
    dialog = window.document_actions.show_documents()
    assert dialog is not None and dialog.objectName() == "documentsDialog"
    qtbot.waitExposed(dialog)
    panel = dialog.panel
    said = quiet(panel.doc_actions)
    assert [r.name for r in panel.rows()] == ["kontrak.pdf"]
    # Open: the bytes in a private folder, handed to the desktop
    panel.open_selected()
    opened = Path(said[-1])
    assert opened.read_bytes() == PDF and opened.name == "kontrak.pdf"
    assert opened.is_relative_to(private_runtime)
    folder = viewing_folder().path
    assert folder is not None and stat.S_IMODE(folder.stat().st_mode) == 0o700
    # Save as: the original bytes where the user says
    target = tmp_path / "saved.pdf"
    assert panel.doc_actions.save_as(doc, str(target)) == target
    assert target.read_bytes() == PDF
    # Delete (Trash) follows in the list; undo in the main window brings it back
    panel.delete_selected()
    assert panel.rows() == [] and panel.empty.isVisibleTo(panel)
    window.stack.undo()
    qtbot.waitUntil(lambda: [r.name for r in panel.rows()] == ["kontrak.pdf"])
    dialog.close()
    close_viewing_folder()
    assert not folder.exists()


def test_a_deal_dialog_lists_its_documents_and_takes_dropped_files(
    store: Store, sample: dict[str, str], files: dict[str, Path], qtbot: QtBot, window: MainWindow
) -> None:
    with store.write() as uow:
        deal = services.create_deal(uow, sample["kopi"], "Mesin kopi 2027")
        docs.attach(uow, name="old.pdf", data=b"x", account_id=sample["kopi"])
    dialog = DealDialog(store, window.stack, deal_id=deal, parent=window)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.documents is not None and dialog.documents.rows() == []
    drop_on(dialog, [files["pdf"]])  # anywhere on the dialog
    assert [r.name for r in dialog.documents.rows()] == ["Penawaran – PT Kopi.pdf"]
    assert names(store, deal_id=deal) == ["Penawaran – PT Kopi.pdf"]
    assert window.stack.undoText() == "Attach “Penawaran – PT Kopi.pdf”"
    new_deal = DealDialog(store, window.stack, account_id=sample["kopi"], parent=window)
    qtbot.addWidget(new_deal)
    assert new_deal.documents is None  # a deal not saved yet has no documents


def test_an_entry_dialog_lists_the_entry_documents(
    store: Store, sample: dict[str, str], qtbot: QtBot, window: MainWindow
) -> None:
    with store.write() as uow:
        docs.attach(
            uow,
            name="notes.txt",
            data=b"n",
            account_id=sample["kopi"],
            interaction_id=sample["call"],
        )
    dialog = InteractionDialog(store, window.stack, interaction_id=sample["call"], parent=window)
    qtbot.addWidget(dialog)
    assert dialog.documents is not None
    assert [r.name for r in dialog.documents.rows()] == ["notes.txt"]


def test_a_file_dropped_on_a_deal_card_is_attached_to_that_deal(
    store: Store, settings: Settings, sample: dict[str, str], files: dict[str, Path], qtbot: QtBot
) -> None:
    with store.write() as uow:
        deal = services.create_deal(uow, sample["kopi"], "Mesin kopi 2027")
        other = services.create_deal(uow, sample["acme"], "Other deal")
    from ui.commands import UndoStack

    stack = UndoStack()
    window = PipelineWindow(store, stack, settings)
    qtbot.addWidget(window)
    window.show()
    board: PipelineBoard = window.board
    view = board.columns["lead"].view
    model = board.columns["lead"].model
    row = model.row_of(deal)
    at = view.visualRect(model.index(row, 0)).center()
    drop_on(view.viewport(), [files["pdf"]], at)
    assert names(store, deal_id=deal) == ["Penawaran – PT Kopi.pdf"]
    assert names(store, deal_id=other) == []
    board.reload()
    card = model.index(model.row_of(deal), 0)
    assert card.data(StageColumnModel.CardRole).documents == ("Penawaran – PT Kopi.pdf",)
    assert "Documents: Penawaran – PT Kopi.pdf" in card.data(Qt.ItemDataRole.ToolTipRole)
    stack.undo()
    assert names(store, deal_id=deal) == []


def test_refusals_are_said_and_nothing_is_attached(
    window: MainWindow, store: Store, sample: dict[str, str], tmp_path: Path
) -> None:
    actions = window.document_actions.doc_actions
    said = quiet(actions)
    huge = tmp_path / "rekaman.mp4"
    with huge.open("wb") as f:
        f.truncate(docs.MAX_DOCUMENT_BYTES + 1)
    assert actions.attach_paths([huge], account_id=sample["acme"]) == []
    assert said == ["“rekaman.mp4” is 100.0 MB; a document can be at most 100.0 MB."]
    gone = tmp_path / "hilang.pdf"
    assert actions.attach_paths([gone], account_id=sample["acme"]) == []
    assert (
        said[-1]
        == "“hilang.pdf” cannot be read: the file is no longer there. Nothing was attached."
    )
    assert names(store, account_id=sample["acme"]) == []
    assert window.stack.count() == 0


def test_keep_the_attachments_of_a_filed_email(
    window: MainWindow, store: Store, sample: dict[str, str], tmp_path: Path, qtbot: QtBot
) -> None:
    with store.write() as uow:
        entry = services.add_interaction(
            uow, sample["kopi"], kind="email", subject="Penawaran revisi", body="Terlampir."
        )
    msg = EmailMessage()
    msg["From"], msg["To"], msg["Subject"] = "budi@kopi.example", "me@example.com", "Other"
    msg["Date"] = "Tue, 24 Nov 2026 09:12:30 +0700"
    msg.set_content("Terlampir.")
    msg.add_attachment(PDF, maintype="application", subtype="pdf", filename="harga.pdf")
    path = tmp_path / "mail.eml"
    path.write_bytes(bytes(msg))
    assert window.clients.show_client(sample["kopi"])
    qtbot.waitUntil(lambda: window.timeline.model.row_of(entry) >= 0)
    row = window.timeline.model.row_of(entry)
    window.timeline.view.setCurrentIndex(window.timeline.model.index(row, 0))
    keep = window.document_actions.keep_mail_action
    assert keep.isEnabled()
    actions = window.document_actions.doc_actions
    said = quiet(actions)
    asked: list[str] = []
    actions.ask = lambda text: asked.append(text) is not None  # "no"
    assert window.document_actions.keep_mail_attachments(str(path)) is None
    assert "not the entry's “Penawaran revisi”" in asked[0]
    actions.ask = lambda text: True
    result = window.document_actions.keep_mail_attachments(str(path))
    assert result is not None and len(result.kept) == 1
    rows = q.documents_of(store, interaction_id=entry)
    assert [(r.name, r.mime) for r in rows] == [("harga.pdf", "application/pdf")]
    assert q.read_document(store, rows[0].id) == PDF
    window.stack.undo()
    assert q.documents_of(store, interaction_id=entry) == []
    assert said == []
    # a call is no e-mail: nothing to keep
    row = window.timeline.model.row_of(sample["call"])
    window.timeline.view.setCurrentIndex(window.timeline.model.index(row, 0))
    assert not keep.isEnabled()
    assert os.path.exists(path)


def test_file_dialogs_attach_save_and_cancel(
    window: MainWindow,
    store: Store,
    sample: dict[str, str],
    files: dict[str, Path],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from PySide6.QtWidgets import QFileDialog

    assert window.clients.show_client(sample["acme"])
    actions = window.document_actions.doc_actions
    said = quiet(actions)
    picked = [str(files["pdf"]), str(files["xlsx"])]
    monkeypatch.setattr(QFileDialog, "getOpenFileNames", lambda *a, **k: (picked, ""))
    window.document_actions.attach_action.trigger()
    assert names(store, account_id=sample["acme"]) == ["Penawaran – PT Kopi.pdf", "rincian.xlsx"]
    # Cancelled dialogs do nothing
    monkeypatch.setattr(QFileDialog, "getOpenFileNames", lambda *a, **k: ([], ""))
    assert window.document_actions.attach() == []
    doc = q.documents_of(store, account_id=sample["acme"])[0]
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: ("", ""))
    assert actions.save_as(doc.id) is None
    target = tmp_path / "copy" / doc.name
    target.parent.mkdir()
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    assert actions.save_as(doc.id) == target and target.stat().st_size == doc.size
    # a folder that is gone, a document in Trash: said, not raised
    assert actions.save_as(doc.id, str(tmp_path / "gone" / "x.pdf")) is None
    assert "does not exist" in said[-1]
    with store.write() as uow:
        services.soft_delete(uow, "document", doc.id)
    assert actions.save_as(doc.id) is None and "no document" in said[-1]
    assert actions.open(doc.id) is None and "no document" in said[-1]
    # the e-mail file dialog cancelled; a file that is no message
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: ("", ""))
    assert actions.keep_mail_attachments(sample["call"]) is None
    not_mail = tmp_path / "x.eml"
    not_mail.write_text("hello\n")
    assert actions.keep_mail_attachments(sample["call"], path=str(not_mail)) is None
    assert "not an e-mail message" in said[-1]
