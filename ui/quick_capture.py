"""Quick capture: type a note right after a visit, see what it will create, save it
with Ctrl+Enter in one transaction that one undo takes back.

``QuickCaptureDialog(store, undo_stack, account_id)`` opens with the cursor in
the text. With no client given, the first line names it and is matched
fuzzily. The text is parsed (models.capture.parse) 150 ms after typing stops and is
written as a draft into the encrypted database at most 700 ms after it
changed; a draft left by a crash is offered back in a banner (ui/draft_banner.py).

Opening is cheap: the database is first read on the event loop's next turn
(templates, the draft), and client names and contacts on the first parse.
"""

from __future__ import annotations

import logging
from datetime import datetime

from PySide6.QtCore import QLocale, Qt, QTimer, Signal
from PySide6.QtGui import (
    QKeyEvent,
    QKeySequence,
    QShortcut,
    QShowEvent,
    QTextCursor,
    QUndoStack,
)
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from models.capture import drafts
from models.capture.client import is_confident, match_client
from models.capture.dates import date_order_for_locale
from models.capture.drafts import DraftRow, FollowUpEdit
from models.capture.parse import CaptureResult, parse_capture
from models.clock import to_local
from models.errors import RelasiError
from models.queries import clients as client_queries
from models.store import Store, UnitOfWork
from ui.capture_preview import CapturePreview, PreviewFollowUp
from ui.capture_templates import TemplatesDialog
from ui.commands import CreateCommand, perform
from ui.draft_banner import DraftBanner, ask_keep_draft
from ui.settings import Settings

log = logging.getLogger(__name__)

PARSE_DELAY_MS = 150
DRAFT_DELAY_MS = 700
DEFAULT_WORKING_DAYS = 2
EDIT_TEMPLATES = "__edit__"


class CaptureEdit(QPlainTextEdit):
    """The note's text; Ctrl+Enter asks to save."""

    submitted = Signal()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and (
            event.modifiers() & Qt.KeyboardModifier.ControlModifier
        ):
            event.accept()
            self.submitted.emit()
            return
        super().keyPressEvent(event)


class QuickCaptureDialog(QDialog):
    """The quick-note dialog (objectName ``quickCapture``)."""

    #: After a save: the account id the note went to.
    saved = Signal(str)

    def __init__(
        self,
        store: Store,
        undo_stack: QUndoStack,
        account_id: str | None,
        parent: QWidget | None = None,
        *,
        default_currency: str | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("quickCapture")
        # The currency of an amount that names none ("budget 500 jt"): Settings by default.
        self.default_currency = default_currency or Settings().default_currency
        self.setWindowTitle(self.tr("Quick capture"))
        self.store = store
        self.undo_stack = undo_stack
        self.account_id = account_id
        self.created: list[tuple[str, str]] = []
        self._result: CaptureResult | None = None
        self._date_order: str | None = None
        self._names: list[tuple[str, str]] | None = None
        self._details: dict[str, tuple[str, tuple[str, ...]]] = {}
        self._edits: dict[str, tuple[datetime, bool]] = {}
        self._kind_choice: str | None = None
        self._client_choice: tuple[str, str] | None = None  # (client text, id or "")
        self._offered: DraftRow | None = None
        self._wrote_draft = False
        self._done = False
        self._started = False
        self._templates_dialog: TemplatesDialog | None = None

        self.banner = DraftBanner(self)

        self.template_combo = QComboBox(self)
        self.template_combo.setObjectName("captureTemplate")
        self.template_combo.setAccessibleName(self.tr("Insert a template"))
        self.template_combo.addItem(self.tr("Insert template…"), None)

        self.editor = CaptureEdit(self)
        self.editor.setObjectName("quickCaptureText")
        self.editor.setAccessibleName(self.tr("Note"))
        self.editor.setTabChangesFocus(True)
        self.editor.setPlaceholderText(
            self.tr(
                "Acme Corp — met Budi, demo went well, budget ~ Rp 500 jt\n"
                "- kirim proposal besok\n"
                "- [ ] call Budi next Tuesday\n"
                "TODO: invite to webinar in 2 weeks"
            )
            if account_id is None
            else self.tr(
                "Met Budi, demo went well, budget ~ Rp 500 jt\n"
                "- kirim proposal besok\n"
                "- [ ] call Budi next Tuesday"
            )
        )
        self.preview = CapturePreview(self)

        self.buttons = QDialogButtonBox(self)
        self.save_button = self.buttons.addButton(
            self.tr("&Save"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.save_button.setObjectName("captureSave")
        self.save_button.setToolTip(self.tr("Save (Ctrl+Enter)"))
        cancel = self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        for button in (self.save_button, cancel):
            button.setAutoDefault(False)
            button.setDefault(False)

        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Ctrl+Enter saves. One line per next step."), self), 1)
        top.addWidget(self.template_combo)
        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        splitter.addWidget(self.editor)
        splitter.addWidget(self.preview)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        layout = QVBoxLayout(self)
        layout.addWidget(self.banner)
        layout.addLayout(top)
        layout.addWidget(splitter, 1)
        layout.addWidget(self.buttons)
        self.setTabOrder(self.editor, self.preview)
        self.resize(860, 440)

        self._parse_timer = QTimer(self)
        self._parse_timer.setSingleShot(True)
        self._parse_timer.setInterval(PARSE_DELAY_MS)
        self._parse_timer.timeout.connect(self.reparse)
        self._draft_timer = QTimer(self)
        self._draft_timer.setSingleShot(True)
        self._draft_timer.setInterval(DRAFT_DELAY_MS)
        self._draft_timer.timeout.connect(self.write_draft)

        self.editor.textChanged.connect(self._text_changed)
        self.editor.submitted.connect(self.save)
        self.save_button.clicked.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        self.banner.restore_button.clicked.connect(self.restore_draft)
        self.banner.discard_button.clicked.connect(self.discard_offered_draft)
        self.template_combo.activated.connect(self._template_chosen)
        self.preview.followups.edited.connect(self._due_edited)
        self.preview.kind_picked.connect(self._kind_picked)
        self.preview.client_picked.connect(self._client_picked)
        for keys in ("Ctrl+Return", "Ctrl+Enter"):
            QShortcut(QKeySequence(keys), self, self.save)

    # -- opening ------------------------------------------------------------------------

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self.editor.setFocus(Qt.FocusReason.ActiveWindowFocusReason)
        if not self._started:
            self._started = True
            QTimer.singleShot(0, self._load)

    def _load(self) -> None:
        """What needs the database: templates, an unsaved draft, the fixed client's name."""
        try:
            drafts.ensure_default_templates(self.store)
        except RelasiError as exc:
            log.warning("default templates not seeded: %s", exc.code)
        self.reload_templates()
        if self._offered is None and not self.editor.toPlainText():
            draft = drafts.load_draft(self.store)
            if draft is not None:
                self._offer(draft)
        self.reparse()

    def _offer(self, draft: DraftRow) -> None:
        self._offered = draft
        self.banner.offer(draft.updated_at)

    def restore_draft(self) -> None:
        """Put the offered draft's text (and its client) back in the editor."""
        draft, self._offered = self._offered, None
        self.banner.hide()
        if draft is None:
            return
        self.account_id = draft.account_id
        current = self.editor.toPlainText()
        text = draft.text if not current.strip() else draft.text + "\n\n" + current
        self.editor.setPlainText(text)
        self.editor.moveCursor(QTextCursor.MoveOperation.End)
        self.editor.setFocus()
        self.reparse()

    def discard_offered_draft(self) -> None:
        self._offered = None
        self.banner.hide()
        drafts.discard_draft(self.store)
        self._wrote_draft = False
        if self.editor.toPlainText().strip():
            self._draft_timer.start()
        self.editor.setFocus()

    # -- templates ----------------------------------------------------------------------

    def reload_templates(self) -> None:
        combo = self.template_combo
        while combo.count() > 1:
            combo.removeItem(combo.count() - 1)
        for template in drafts.list_templates(self.store):
            combo.addItem(template.name, template.body)
        combo.insertSeparator(combo.count())
        combo.addItem(self.tr("Edit templates…"), EDIT_TEMPLATES)
        combo.setCurrentIndex(0)

    def _template_chosen(self, index: int) -> None:
        data = self.template_combo.itemData(index)
        self.template_combo.setCurrentIndex(0)
        if data == EDIT_TEMPLATES:
            self.edit_templates()
        elif isinstance(data, str):
            self.insert_template(data)

    def insert_template(self, body: str) -> None:
        """Insert a template at the cursor; on an empty note with no client chosen, the
        first line stays free for the client's name."""
        cursor = self.editor.textCursor()
        text = body
        if not self.editor.toPlainText().strip():
            if self.account_id is None:
                text = "\n" + body
            self.editor.setPlainText("")
            cursor = self.editor.textCursor()
        elif cursor.positionInBlock() > 0:
            text = "\n" + body
        start = cursor.position()
        cursor.insertText(text)
        first_line = body.split("\n", 1)[0]
        cursor.setPosition(start if text.startswith("\n") else start + len(first_line))
        self.editor.setTextCursor(cursor)
        self.editor.setFocus()

    def edit_templates(self) -> TemplatesDialog:
        """Open the template editor (window-modal, kept for the dialog's lifetime)."""
        if self._templates_dialog is None:
            self._templates_dialog = TemplatesDialog(self.store, self)
            self._templates_dialog.finished.connect(lambda _r: self.reload_templates())
        else:
            self._templates_dialog.reload()
        self._templates_dialog.open()
        return self._templates_dialog

    # -- parsing ------------------------------------------------------------------------

    def _text_changed(self) -> None:
        self._parse_timer.start()
        if not self._draft_timer.isActive():  # at most DRAFT_DELAY_MS behind the typing
            self._draft_timer.start()

    def _order(self) -> str:
        if self._date_order is None:
            try:
                self._date_order = date_order_for_locale(QLocale().name())
            except (ValueError, LookupError):
                self._date_order = "DMY"
        return self._date_order

    def _detail(self, account_id: str) -> tuple[str, tuple[str, ...]]:
        """(name, contact names) of an account, read once."""
        if account_id not in self._details:
            detail = client_queries.account_detail(self.store, account_id)
            self._details[account_id] = (
                (detail.name, tuple(c.name for c in detail.contacts))
                if detail is not None
                else ("", ())
            )
        return self._details[account_id]

    def _parse(self, contact_names: tuple[str, ...]) -> CaptureResult:
        return parse_capture(
            self.editor.toPlainText(),
            now=to_local(self.store.clock.now()),
            date_order=self._order(),
            contact_names=contact_names,
            default_working_days=DEFAULT_WORKING_DAYS,
            first_line_names_client=self.account_id is None,
            default_currency=self.default_currency,
        )

    def reparse(self) -> None:
        """Read the text now and show what it will create."""
        self._parse_timer.stop()
        if self.account_id is not None:
            name, contacts = self._detail(self.account_id)
            self.preview.show_fixed_client(name)
            result = self._parse(contacts)
        else:
            result = self._parse(())
            target = self._show_client(result.client_text)
            if target:
                contacts = self._detail(target)[1]
                if contacts:
                    result = self._parse(contacts)
        self._result = result
        kind = self._kind_choice or result.kind
        self.preview.show_entry(kind, result.subject, result.contacts, result.amounts)
        rows = []
        for f in result.followups:
            due, all_day, confirm = f.due, f.all_day, f.needs_confirmation
            if f.source_line in self._edits:
                (due, all_day), confirm = self._edits[f.source_line], False
            rows.append(PreviewFollowUp(f.title, f.source_line, due, all_day, confirm, f.reasons))
        self.preview.followups.show_items(rows)

    def _show_client(self, client_text: str | None) -> str | None:
        """Show the candidates for the first line; returns the chosen account id (or None)."""
        if not client_text:
            self.preview.show_candidates(None, [], None, False)
            return None
        if self._names is None:
            self._names = client_queries.client_names(self.store)
        matches = match_client(client_text, self._names, limit=5)
        chosen = None
        if self._client_choice is not None and self._client_choice[0] == client_text:
            chosen = self._client_choice[1]
        self.preview.show_candidates(client_text, matches, chosen, is_confident(matches))
        return self.preview.chosen_client()[0]

    def _client_picked(self, account_id: str) -> None:
        if self._result is not None and self._result.client_text:
            self._client_choice = (self._result.client_text, account_id)
        self.reparse()

    def _kind_picked(self, kind: str) -> None:
        self._kind_choice = kind

    def _due_edited(self, source_line: str, due: datetime, all_day: bool) -> None:
        self._edits[source_line] = (due, all_day)

    # -- saving -------------------------------------------------------------------------

    def save(self) -> bool:
        """Save everything in one transaction through the undo stack; True when saved."""
        if self._done:
            return False
        self.reparse()
        result = self._result
        assert result is not None
        account_id: str | None = self.account_id
        new_name: str | None = None
        if account_id is None:
            account_id, new_name = self.preview.chosen_client()
            if account_id is None and new_name is None:
                self.preview.show_error(self.tr("Name the client on the first line first."))
                return False
        edits = [
            FollowUpEdit(item.title, item.due, item.all_day)
            for item in self.preview.followups.items()
        ]
        kind = self.preview.kind()
        deal = self.preview.create_deal()
        deal_title = self.tr("Deal: {0}").format(result.subject) if result.subject else None

        def create(uow: UnitOfWork) -> list[tuple[str, str]]:
            created = drafts.save_capture(
                uow,
                account_id=account_id,
                new_account_name=new_name,
                result=result,
                followups=edits,
                kind=kind,
                create_deal_amount=deal,
                deal_title=deal_title,
            )
            drafts.clear_drafts(uow)  # saved and draft gone, or neither
            return created

        command = CreateCommand(self.store, self.tr("Quick note"), create)
        try:
            perform(self.undo_stack, command)
        except RelasiError as exc:
            self.preview.show_error(exc.message)
            return False
        self._done = True
        self._draft_timer.stop()
        self._parse_timer.stop()
        self.created = command.result
        target = account_id or next(i for k, i in self.created if k == "account")
        self.saved.emit(target)
        self.accept()
        return True

    # -- drafts -------------------------------------------------------------------------

    def write_draft(self) -> None:
        """Write the text as the draft now (not while an older draft is being offered)."""
        self._draft_timer.stop()
        if self._done or self._offered is not None:
            return
        text = self.editor.toPlainText()
        try:
            if text.strip():
                drafts.save_draft(self.store, text, self.account_id)
                self._wrote_draft = True
            elif self._wrote_draft:
                drafts.discard_draft(self.store)
                self._wrote_draft = False
        except RelasiError as exc:
            log.warning("draft not saved: %s", exc.code)

    def reject(self) -> None:
        text = self.editor.toPlainText()
        if self._done or not text.strip():
            self.write_draft()  # a blanked note drops the draft it wrote
            self._finish_rejected()
            return
        choice = ask_keep_draft(self)
        if choice == "cancel":
            return
        if choice == "keep":
            if self._offered is not None:  # keep both: the older text first
                self.editor.blockSignals(True)
                self.editor.setPlainText(self._offered.text + "\n\n" + text)
                self.editor.blockSignals(False)
                self._offered = None
            self.write_draft()
        elif self._offered is None:
            drafts.discard_draft(self.store)
        self._finish_rejected()

    def _finish_rejected(self) -> None:
        self._done = True
        self._draft_timer.stop()
        self._parse_timer.stop()
        super().reject()
