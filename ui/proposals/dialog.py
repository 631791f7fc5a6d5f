"""New proposal…: pick a template, see it filled with the deal's facts, edit the text
with a live preview, and save it as a PDF attached to the deal (one undo step).

Changing the template, the validity date or the signer fills the text again; when the
user has edited the text, they are asked first, so no edit is lost without a yes.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, timedelta
from typing import Protocol

from PySide6.QtCore import QEvent, Qt, QTimer
from PySide6.QtGui import QAction, QKeySequence, QUndoStack
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QSplitter,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from models.clock import to_local
from models.errors import RelasiError
from models.proposals import compose
from models.proposals.templates import TemplateRef, available, resolve
from models.proposals.values import DEFAULT_VALID_DAYS, Signer
from models.queries.proposals import ProposalFacts, proposal_facts
from models.store import Store
from ui.forms.base import error_label
from ui.proposals.messages import template_message
from ui.proposals.render import markdown_document, proposal_pdf
from ui.proposals.saving import file_name, save_proposal
from ui.qtime import qdate
from ui.settings import Settings

OTHER_FILE = "__other__"
PREVIEW_DELAY_MS = 250


class SaveProposal(Protocol):
    def __call__(
        self,
        store: Store,
        stack: QUndoStack,
        *,
        name: str,
        data: bytes,
        account_id: str,
        deal_id: str,
    ) -> str: ...


class ProposalDialog(QDialog):
    def __init__(
        self,
        store: Store,
        stack: QUndoStack,
        deal_id: str,
        *,
        settings: Settings | None = None,
        save: SaveProposal = save_proposal,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("proposalDialog")
        self.store = store
        self.stack = stack
        self.settings = settings or Settings()
        self.facts: ProposalFacts = proposal_facts(store, deal_id)
        self._save_to = save
        self.today: date = to_local(store.clock.now()).date()
        self.saved_id = ""
        # Asked before filled text the user edited is replaced (tests answer it).
        self.confirm_replace: Callable[[], bool] = self._ask_replace
        # Asks for a template file (tests answer it): a path, or "" for none.
        self.choose_file: Callable[[], str] = self._ask_file
        # Asked before Cancel (or Esc, or closing) throws away edited text.
        self.confirm_discard: Callable[[], bool] = self._ask_discard
        self._filling = False
        self._edited = False
        self._last_key = ""

        self.template = QComboBox(self)
        self.template.setObjectName("proposalTemplate")
        self.valid_until = QDateEdit(self)
        self.valid_until.setObjectName("proposalValidUntil")
        self.valid_until.setCalendarPopup(True)
        self.valid_until.setDisplayFormat("d MMM yyyy")
        self.valid_until.setDate(qdate(self.today + timedelta(days=DEFAULT_VALID_DAYS)))
        self.signer_name = QLineEdit(self)
        self.signer_name.setObjectName("proposalSignerName")
        self.signer_company = QLineEdit(self)
        self.signer_company.setObjectName("proposalSignerCompany")
        name, company = self.settings.proposal_signer
        self.signer_name.setText(name)
        self.signer_company.setText(company)

        self.editor = QPlainTextEdit(self)
        self.editor.setObjectName("proposalEditor")
        self.preview = QTextBrowser(self)
        self.preview.setObjectName("proposalPreview")
        self.preview.setOpenLinks(False)
        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.setChildrenCollapsible(False)
        splitter.addWidget(self.editor)
        splitter.addWidget(self.preview)
        self.error = error_label(self, "proposalError")
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        save_key = QAction(self)
        save_key.setShortcut(QKeySequence(QKeySequence.StandardKey.Save))
        save_key.triggered.connect(self.save)
        self.addAction(save_key)

        self.labels = [QLabel(self) for _ in range(4)]
        for label, field in zip(
            self.labels,
            (self.template, self.valid_until, self.signer_name, self.signer_company),
            strict=True,
        ):
            label.setBuddy(field)
        top = QHBoxLayout()
        left, right = QFormLayout(), QFormLayout()
        left.addRow(self.labels[0], self.template)
        left.addRow(self.labels[1], self.valid_until)
        right.addRow(self.labels[2], self.signer_name)
        right.addRow(self.labels[3], self.signer_company)
        top.addLayout(left, 1)
        top.addLayout(right, 1)
        self.hint = QLabel(self)
        self.hint.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.hint)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)

        self._preview_timer = QTimer(self)
        self._preview_timer.setSingleShot(True)
        self._preview_timer.setInterval(PREVIEW_DELAY_MS)
        self._preview_timer.timeout.connect(self.refresh_preview)
        self.editor.textChanged.connect(self._text_changed)
        self.retranslate()
        self._fill_templates(self.settings.proposal_template)
        self.template.currentIndexChanged.connect(self._template_changed)
        self.valid_until.dateChanged.connect(self._refill_asking)
        self.signer_name.editingFinished.connect(self._refill_asking)
        self.signer_company.editingFinished.connect(self._refill_asking)
        self.refill()
        self.resize(1200, 760)

    # -- texts ------------------------------------------------------------------------
    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("New proposal — {0}").format(self.facts.deal_title))
        self.labels[0].setText(self.tr("&Template:"))
        self.labels[1].setText(self.tr("&Valid until:"))
        self.labels[2].setText(self.tr("Your &name:"))
        self.labels[3].setText(self.tr("Your c&ompany:"))
        self.template.setAccessibleName(self.tr("Proposal template"))
        self.valid_until.setAccessibleName(self.tr("Offer valid until"))
        self.signer_name.setAccessibleName(self.tr("Your name"))
        self.signer_company.setAccessibleName(self.tr("Your company"))
        self.editor.setAccessibleName(self.tr("Proposal text (Markdown)"))
        self.preview.setAccessibleName(self.tr("Proposal preview"))
        self.hint.setText(
            self.tr(
                "Edit the text on the left (Markdown: # heading, **bold**, *italic*, "
                "- list); the right shows how it will look. Save attaches it to the deal "
                "as a PDF (Ctrl+S)."
            )
        )
        save = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        save.setText(self.tr("&Save PDF to deal"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    # -- templates --------------------------------------------------------------------
    def _fill_templates(self, wanted: str) -> None:
        names = {"en": self.tr("English"), "id": self.tr("Indonesian")}
        self.template.clear()
        for ref in available():
            label = names[ref.key] if ref.shipped else ref.path.name
            self.template.addItem(label, ref.key)
        if wanted and self.template.findData(wanted) < 0 and wanted not in ("en", "id"):
            self.template.addItem(resolve(wanted).path.name, wanted)
        self.template.addItem(self.tr("Other file…"), OTHER_FILE)
        index = self.template.findData(wanted or self._default_key())
        self.template.setCurrentIndex(max(index, 0))
        self._last_key = str(self.template.currentData())

    def _default_key(self) -> str:
        return "id" if self.settings.language == "id" else "en"

    def current_template(self) -> TemplateRef:
        return resolve(str(self.template.currentData()))

    def _template_changed(self) -> None:
        key = str(self.template.currentData())
        if key == OTHER_FILE:
            path = self.choose_file()
            if not path:
                self._select_quietly(self._last_key)
                return
            index = self.template.findData(path)
            if index < 0:
                index = self.template.count() - 1
                self.template.insertItem(index, resolve(path).path.name, path)
            self._select_quietly(path)
        if not self._refill_asking():
            self._select_quietly(self._last_key)
            return
        self._last_key = str(self.template.currentData())

    def _select_quietly(self, key: str) -> None:
        self.template.blockSignals(True)
        self.template.setCurrentIndex(max(self.template.findData(key), 0))
        self.template.blockSignals(False)

    def _ask_file(self) -> str:
        path, _filter = QFileDialog.getOpenFileName(
            self,
            self.tr("Choose a proposal template"),
            "",
            self.tr("Markdown templates (*.md *.markdown *.txt)"),
        )
        return path

    def _ask_replace(self) -> bool:
        answer = QMessageBox.question(
            self,
            self.tr("Fill the proposal again?"),
            self.tr("Filling the proposal again replaces the text you edited. Go on?"),
        )
        return answer == QMessageBox.StandardButton.Yes

    def _ask_discard(self) -> bool:
        answer = QMessageBox.question(
            self,
            self.tr("Discard the proposal?"),
            self.tr("You edited this proposal and have not saved it. Discard your edits?"),
        )
        return answer == QMessageBox.StandardButton.Yes

    def reject(self) -> None:
        if self._edited and not self.confirm_discard():
            return
        super().reject()

    # -- filling ----------------------------------------------------------------------
    def signer(self) -> Signer:
        return Signer(self.signer_name.text(), self.signer_company.text())

    def _refill_asking(self) -> bool:
        if self._edited and not self.confirm_replace():
            return False
        self.refill()
        return True

    def refill(self) -> None:
        """Fill the chosen template again (an unusable template shows why; the text
        in the editor is kept)."""
        self.error.hide()
        valid = self.valid_until.date().toPython()
        try:
            text = compose(
                self.store,
                self.facts.deal_id,
                self.current_template(),
                today=self.today,
                valid=valid if isinstance(valid, date) else None,
                signer=self.signer(),
            )
        except RelasiError as exc:
            self.show_error(template_message(exc))
            return
        self._filling = True
        self.editor.setPlainText(text)
        self._filling = False
        self._edited = False
        self.refresh_preview()

    def _text_changed(self) -> None:
        if not self._filling:
            self._edited = True
        self._preview_timer.start()

    def refresh_preview(self) -> None:
        self._preview_timer.stop()
        scroll = self.preview.verticalScrollBar().value()
        doc = markdown_document(self.editor.toPlainText())
        self.preview.setDocument(doc)
        doc.setParent(self.preview)
        self.preview.verticalScrollBar().setValue(scroll)

    def show_error(self, message: str) -> None:
        self.error.setText(message)
        self.error.show()

    # -- saving -----------------------------------------------------------------------
    def save(self) -> None:
        text = self.editor.toPlainText()
        if not text.strip():
            self.show_error(self.tr("The proposal is empty: there is nothing to save."))
            return
        self.error.hide()
        name = file_name(self.facts.deal_title, self.today)
        try:
            data = proposal_pdf(text, name.removesuffix(".pdf"))
            self.saved_id = self._save_to(
                self.store,
                self.stack,
                name=name,
                data=data,
                account_id=self.facts.account_id,
                deal_id=self.facts.deal_id,
            )
        except RelasiError as exc:
            self.show_error(exc.message)
            return
        self.settings.proposal_signer = (self.signer_name.text(), self.signer_company.text())
        self.settings.proposal_template = str(self.template.currentData())
        self.accept()
