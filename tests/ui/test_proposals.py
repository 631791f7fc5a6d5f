"""Proposals in the window: the PDF's text read back with pypdf, the dialog filled,
edited with a live preview and saved as a document of the deal (undoable), a hostile
template file refused without losing the text, and where "New proposal…" lives."""

from __future__ import annotations

import io
import json
import unicodedata
from pathlib import Path

import pytest
from pypdf import PdfReader
from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor
from PySide6.QtWidgets import QDialogButtonBox
from pytestqt.qtbot import QtBot

import main
from models import services
from models.proposals import compose
from models.proposals.templates import resolve
from models.proposals.values import Signer
from models.queries.documents import documents_of, read_document
from models.store import Store, open_store
from ui.commands import UndoStack
from ui.dialogs import DealDialog
from ui.main_window import MainWindow
from ui.proposals.dialog import OTHER_FILE, ProposalDialog
from ui.proposals.render import proposal_pdf
from ui.settings import Settings

HOSTILE = "O'Brien *Star* [Labs] <b>x</b> & Co"


def pdf_text(data: bytes) -> str:
    """The PDF's words, spaced once ("ﬁ" ligatures read as "fi")."""
    reader = PdfReader(io.BytesIO(data))
    text = " ".join(page.extract_text() for page in reader.pages)
    return " ".join(unicodedata.normalize("NFKC", text).split())


@pytest.fixture
def deal(store: Store) -> dict[str, str]:
    ids: dict[str, str] = {}
    with store.write() as uow:
        ids["acme"] = services.create_account(uow, "PT Sinar Jaya")
        ids["sari"] = services.create_contact(uow, "Sari D'Souza", account_id=ids["acme"])
        ids["deal"] = services.create_deal(
            uow,
            ids["acme"],
            "Data platform",
            stage="proposal",
            amount_minor=150_000_000,
            currency="IDR",
            contact_id=ids["sari"],
        )
    return ids


@pytest.mark.parametrize(
    ("lang", "figures", "words"),
    [
        ("id", "Rp 150.000.000", "seratus lima puluh juta rupiah"),
        ("en", "IDR 150,000,000", "one hundred and fifty million Indonesian rupiah"),
    ],
)
def test_the_pdf_holds_the_client_the_amount_in_figures_and_in_words(
    qtbot: QtBot, store: Store, deal: dict[str, str], lang: str, figures: str, words: str
) -> None:
    text = compose(store, deal["deal"], resolve(lang), today=store.clock.now().date())
    data = proposal_pdf(text, "Proposal")
    assert data.startswith(b"%PDF")
    read = pdf_text(data)
    assert "PT Sinar Jaya" in read
    assert "Sari D'Souza" in read
    assert figures in read
    assert words in read


def test_a_hostile_client_name_is_printed_as_written(qtbot: QtBot, store: Store) -> None:
    with store.write() as uow:
        acme = services.create_account(uow, HOSTILE)
        deal = services.create_deal(
            uow, acme, "*bold* deal", amount_minor=1_250_000, currency="USD"
        )
    text = compose(store, deal, resolve("en"), today=store.clock.now().date(), signer=Signer())
    read = pdf_text(proposal_pdf(text, "Proposal"))
    assert HOSTILE in read
    assert "*bold* deal" in read
    assert "USD 12,500.00" in read and "twelve thousand five hundred US dollars" in read


def _dialog(qtbot: QtBot, store: Store, deal_id: str, settings: Settings) -> ProposalDialog:
    dialog = ProposalDialog(store, UndoStack(), deal_id, settings=settings)
    qtbot.addWidget(dialog)
    return dialog


def test_edit_preview_save_attaches_the_pdf_to_the_deal_and_undo_takes_it_back(
    qtbot: QtBot, store: Store, deal: dict[str, str], settings: Settings
) -> None:
    settings.language = "id"
    dialog = _dialog(qtbot, store, deal["deal"], settings)
    dialog.show()
    assert dialog.template.currentData() == "id"  # the interface's language first
    assert "Rp 150.000.000" in dialog.editor.toPlainText()
    assert "PT Sinar Jaya" in dialog.preview.toPlainText()
    dialog.signer_name.setText("Rina Wijaya")
    dialog.signer_name.editingFinished.emit()
    assert "Rina Wijaya" in dialog.editor.toPlainText()
    dialog.editor.moveCursor(QTextCursor.MoveOperation.End)
    qtbot.keyClick(dialog.editor, Qt.Key.Key_Return)
    qtbot.keyClick(dialog.editor, Qt.Key.Key_Return)
    qtbot.keyClicks(dialog.editor, "Klausul tambahan: garansi 2 tahun.")
    qtbot.waitUntil(lambda: "Klausul tambahan" in dialog.preview.toPlainText())
    dialog.buttons.button(QDialogButtonBox.StandardButton.Save).click()
    assert dialog.result() == ProposalDialog.DialogCode.Accepted
    docs = documents_of(store, deal_id=deal["deal"])
    assert [d.id for d in docs] == [dialog.saved_id]
    assert docs[0].mime == "application/pdf"
    assert docs[0].name == f"Proposal – Data platform – {dialog.today.isoformat()}.pdf"
    read = pdf_text(read_document(store, dialog.saved_id))
    assert "Klausul tambahan: garansi 2 tahun." in read
    assert "seratus lima puluh juta rupiah" in read and "Rina Wijaya" in read
    assert settings.proposal_signer == ("Rina Wijaya", "")
    assert settings.proposal_template == "id"
    stack = dialog.stack
    assert stack.canUndo() and "Data platform" in stack.undoText()
    stack.undo()
    assert documents_of(store, deal_id=deal["deal"]) == []
    stack.redo()
    assert [d.id for d in documents_of(store, deal_id=deal["deal"])] == [dialog.saved_id]


def test_an_empty_proposal_is_not_saved(
    qtbot: QtBot, store: Store, deal: dict[str, str], settings: Settings
) -> None:
    dialog = _dialog(qtbot, store, deal["deal"], settings)
    dialog.editor.setPlainText("  \n")
    dialog.save()
    assert dialog.error.isVisibleTo(dialog) and "empty" in dialog.error.text()
    assert documents_of(store, deal_id=deal["deal"]) == []


def test_a_refused_save_keeps_the_dialog_and_the_text(
    qtbot: QtBot, store: Store, deal: dict[str, str], settings: Settings
) -> None:
    with store.write() as uow:
        services.soft_delete(uow, "account", deal["acme"])
    dialog = _dialog(qtbot, store, deal["deal"], settings)
    dialog.editor.setPlainText("Kept")
    dialog.save()
    assert dialog.error.isVisibleTo(dialog)
    assert dialog.result() != ProposalDialog.DialogCode.Accepted
    assert dialog.editor.toPlainText() == "Kept"


def test_changing_template_asks_before_replacing_edits(
    qtbot: QtBot, store: Store, deal: dict[str, str], settings: Settings
) -> None:
    dialog = _dialog(qtbot, store, deal["deal"], settings)
    assert dialog.template.currentData() == "en"
    dialog.editor.setPlainText("My own words")
    answers = [False, True]
    dialog.confirm_replace = lambda: answers.pop(0)
    dialog.template.setCurrentIndex(dialog.template.findData("id"))
    assert dialog.editor.toPlainText() == "My own words"  # said no: kept
    assert dialog.template.currentData() == "en"
    dialog.template.setCurrentIndex(dialog.template.findData("id"))
    assert "Penawaran" in dialog.editor.toPlainText()
    assert answers == []


@pytest.mark.parametrize(
    ("content", "shown"),
    [
        ("Hello ${client_name", "Line 1, column 7"),
        ("Hi\n${__import__('os').system('touch pwned')}", "Line 2, column 1"),
        ("Hi ${client_nmae}", "client_nmae"),
    ],
)
def test_a_hostile_template_file_shows_why_and_keeps_the_text(
    qtbot: QtBot,
    store: Store,
    deal: dict[str, str],
    settings: Settings,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    content: str,
    shown: str,
) -> None:
    monkeypatch.chdir(tmp_path)
    path = tmp_path / "bad.md"
    path.write_text(content, encoding="utf-8")
    dialog = _dialog(qtbot, store, deal["deal"], settings)
    before = dialog.editor.toPlainText()
    dialog.choose_file = lambda: str(path)
    dialog.template.setCurrentIndex(dialog.template.findData(OTHER_FILE))
    assert dialog.template.currentData() == str(path)
    assert dialog.error.isVisibleTo(dialog)
    assert shown in dialog.error.text()
    assert dialog.editor.toPlainText() == before
    assert not (tmp_path / "pwned").exists()


def test_a_chosen_template_file_is_used_and_remembered(
    qtbot: QtBot, store: Store, deal: dict[str, str], settings: Settings, tmp_path: Path
) -> None:
    path = tmp_path / "short-id.md"
    path.write_text("Yth. ${contact_name}: ${amount} (${amount_words})", encoding="utf-8")
    dialog = _dialog(qtbot, store, deal["deal"], settings)
    dialog.choose_file = lambda: ""
    dialog.template.setCurrentIndex(dialog.template.findData(OTHER_FILE))
    assert dialog.template.currentData() == "en"  # cancelled: back where it was
    dialog.choose_file = lambda: str(path)
    dialog.template.setCurrentIndex(dialog.template.findData(OTHER_FILE))
    expected = "Yth. Sari D'Souza: Rp 150.000.000 (seratus lima puluh juta rupiah)"
    assert dialog.editor.toPlainText() == expected
    dialog.save()
    assert settings.proposal_template == str(path)
    again = _dialog(qtbot, store, deal["deal"], settings)
    assert again.template.currentData() == str(path)
    assert again.editor.toPlainText() == expected


def test_the_deal_dialog_and_the_pipeline_open_a_proposal(
    window: MainWindow, qtbot: QtBot, sample: dict[str, str]
) -> None:
    with window.store.write() as uow:
        deal = services.create_deal(uow, sample["acme"], "Board deal", stage="proposal")
    form = DealDialog(window.store, window.stack, deal_id=deal, parent=window)
    qtbot.addWidget(form)
    form.show()
    form.proposal_button.click()
    opened = form.findChild(ProposalDialog, "proposalDialog")
    assert opened is not None and opened.facts.deal_id == deal
    opened.save()  # the deal dialog's documents list shows the proposal at once
    assert form.documents is not None
    qtbot.waitUntil(lambda: [r.id for r in form.documents.rows()] == [opened.saved_id])  # type: ignore[union-attr]
    form.reject()
    new = DealDialog(window.store, window.stack, account_id=sample["acme"], parent=window)
    qtbot.addWidget(new)
    assert not hasattr(new, "proposal_button")  # a deal not saved yet has no proposal
    pipeline = window.pipeline_actions.show_board()
    assert pipeline.new_proposal() is None  # nothing selected
    assert pipeline.proposal.shortcut().toString() == "Ctrl+Shift+R"
    column = pipeline.board.columns["proposal"]
    assert pipeline.proposal in column.view.actions()  # in the cards' context menu
    pipeline.board.select(deal)
    dialog = pipeline.new_proposal()
    assert dialog is not None and dialog.facts.deal_id == deal
    assert dialog.isVisible()
    dialog.reject()
    pipeline.tabs.setCurrentIndex(1)
    pipeline.deals.model_.reload()
    pipeline.deals.setCurrentIndex(pipeline.deals.model_.index(0, 0))
    listed = pipeline.new_proposal()
    assert listed is not None and listed.facts.deal_id == deal
    listed.reject()


def run_main(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    try:
        code = main.main(list(argv))
    except SystemExit as exc:
        code = int(exc.code or 0)
    out, err = capsys.readouterr()
    return code, out, err


def test_proposal_command_writes_the_pdf_attaches_it_and_refuses_in_one_line(
    qapp: object,
    db_path: Path,
    store: Store,
    deal: dict[str, str],
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    store.close()
    out = tmp_path / "penawaran.pdf"
    db = ("--db", str(db_path))
    code, stdout, err = run_main(
        capsys, *db, "proposal", "data platform", "--template", "id", "--to", str(out),
        "--valid-until", "2027-01-31", "--attach",
    )  # fmt: skip
    assert (code, err) == (0, "")
    result = json.loads(stdout)
    assert result["pdf"] == str(out) and result["deal"] == deal["deal"]
    assert result["template"] == "id" and result["pages"] == len(PdfReader(str(out)).pages)
    read = pdf_text(out.read_bytes())
    assert "Rp 150.000.000" in read and "seratus lima puluh juta rupiah" in read
    assert "31 Januari 2027" in read
    with open_store(db_path) as again:
        docs = documents_of(again, deal_id=deal["deal"])
        assert [d.id for d in docs] == [result["document"]]
        assert read_document(again, result["document"]) == out.read_bytes()
    bad = tmp_path / "bad.md"
    bad.write_text("Dear ${contact}", encoding="utf-8")
    for argv, message in (
        (("Nothing like it",), "no deal named 'Nothing like it'"),
        (("Data platform", "--template", str(bad)), "unknown field ${contact}"),
        (("Data platform", "--valid-until", "31/01/2027"), "is not YYYY-MM-DD"),
        (("Data platform", "--client", "Globex"), "no client named 'Globex'"),
    ):
        code, stdout, err = run_main(
            capsys, *db, "proposal", *argv, "--to", str(tmp_path / "x.pdf")
        )
        assert (code, stdout) == (2, "")
        assert err.count("\n") == 1 and message in err, err
    assert not (tmp_path / "x.pdf").exists()


def test_every_template_refusal_has_a_translatable_message(qapp: object) -> None:
    from models.errors import NotFoundError
    from models.proposals.fields import TemplateError
    from ui.proposals.messages import template_message

    cases = {
        "too-large": "too large",
        "not-text": "UTF-8",
        "bad-placeholder": "Line 3, column 4",
        "unknown-field": "${x}",
    }
    for reason, shown in cases.items():
        error = TemplateError("english", reason=reason, field="x", line=3, column=4)
        assert shown in template_message(error)
    assert template_message(NotFoundError("no deal with id 7")) == "no deal with id 7"


def test_the_dialog_follows_a_language_change(
    qtbot: QtBot, store: Store, deal: dict[str, str], settings: Settings
) -> None:
    from ui.settings_dialog import apply_language

    dialog = _dialog(qtbot, store, deal["deal"], settings)
    try:
        apply_language("id")
        qtbot.waitUntil(lambda: dialog.windowTitle().startswith("Penawaran baru"))
        assert dialog.labels[0].text() == "&Templat:"
    finally:
        apply_language("en")
    qtbot.waitUntil(lambda: dialog.windowTitle().startswith("New proposal"))


def test_cancel_asks_before_throwing_away_edits(
    qtbot: QtBot, store: Store, deal: dict[str, str], settings: Settings
) -> None:
    dialog = _dialog(qtbot, store, deal["deal"], settings)
    dialog.show()
    asked: list[bool] = []
    dialog.confirm_discard = lambda: asked.append(True) or False
    dialog.reject()  # nothing edited: closes without asking
    assert asked == [] and not dialog.isVisible()
    dialog.show()
    dialog.editor.moveCursor(QTextCursor.MoveOperation.End)
    qtbot.keyClicks(dialog.editor, " PS")
    qtbot.keyClick(dialog.editor, Qt.Key.Key_Escape)
    assert asked == [True] and dialog.isVisible()  # said no: still open, text kept
    assert dialog.editor.toPlainText().endswith(" PS")
    dialog.confirm_discard = lambda: True
    dialog.buttons.button(QDialogButtonBox.StandardButton.Cancel).click()
    assert not dialog.isVisible()
    assert documents_of(store, deal_id=deal["deal"]) == []
