"""Quick capture: type a note right after a visit, see what it will create, save it
with Ctrl+Enter in one transaction that one undo takes back.

``QuickCaptureDialog(store, undo_stack, account_id)`` opens with the cursor in
the text; ``account_id`` is the client selected in the window, if any. A company
the note names (anywhere in it, models.capture.client_lookup) beats the selected
client; the picker is always editable, and when the note names another company
than the selected client the preview says so and Save asks first. People named
are matched to the chosen client's contacts (models.capture.people); dates that
need a look must be confirmed or changed before saving. The entry keeps the note
as written. The text is parsed (models.capture.parse) 150 ms after typing stops and is
written as a draft into the encrypted database at most 700 ms after it
changed; a draft left by a crash is offered back in a banner (ui/draft_banner.py).

Opening is cheap: the database is first read on the event loop's next turn
(templates, the draft), and client names and contacts on the first parse.
"""

from __future__ import annotations

import logging
from datetime import datetime

from PySide6.QtCore import Qt, QTimer, Signal
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
from models.capture.drafts import DraftRow, FollowUpEdit, deal_title_from_amount
from models.capture.parse import CaptureResult, parse_capture
from models.capture.people import PersonMatch, find_people
from models.clock import to_local
from models.errors import RelasiError
from models.store import Store, UnitOfWork
from ui.capture_client import confirm_other_client
from ui.capture_preview import CapturePreview, PreviewFollowUp
from ui.capture_reading import CaptureReader
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
        default_working_days: int | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("quickCapture")
        # The currency of an amount that names none ("budget 500 jt"), and the due of a
        # follow-up that names no date: Settings by default.
        settings = Settings() if default_currency is None or default_working_days is None else None
        self.default_currency = default_currency or (
            settings.default_currency if settings else "IDR"
        )
        self.default_working_days = (
            default_working_days
            if default_working_days is not None
            else (settings.capture_default_days if settings else DEFAULT_WORKING_DAYS)
        )
        self.setWindowTitle(self.tr("Quick capture"))
        self.store = store
        self.undo_stack = undo_stack
        self.account_id = account_id
        self.created: list[tuple[str, str]] = []
        self._result: CaptureResult | None = None
        self.reader = CaptureReader(store)
        self._selected_shown = False
        self._edits: dict[str, tuple[datetime, bool]] = {}
        self._kind_choice: str | None = None
        self._people: list[PersonMatch] = []
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
                "Met Pak Budi at PT Maju Jaya, demo went well, budget ~ Rp 500 jt\n"
                "- kirim proposal besok\n"
                "- [ ] call Budi next Tuesday\n"
                "TODO: invite to webinar in 2 weeks"
            )
        )
        self.preview = CapturePreview(self.reader.lookup_name, self)

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
        top.addWidget(
            QLabel(self.tr("Ctrl+Enter saves. Name the company and the people you met."), self),
            1,
        )
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
        self.preview.client.picked.connect(self.reparse)
        self.preview.people.changed.connect(self.reparse)
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
        """What needs the database: templates, an unsaved draft, the selected client."""
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
        self._select(draft.account_id)
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

    def _select(self, account_id: str | None) -> None:
        name = self.reader.detail(account_id)[0] if account_id else ""
        self.preview.client.set_selected(account_id if name else None, name)

    def _parse(
        self, text: str, contact_names: tuple[str, ...], client_name: str | None = None
    ) -> CaptureResult:
        return parse_capture(
            text,
            now=to_local(self.store.clock.now()),
            date_order=self.reader.date_order(),
            contact_names=contact_names,
            default_working_days=self.default_working_days,
            default_currency=self.default_currency,
            client_name=client_name,
        )

    def reparse(self) -> None:
        """Read the text now and show what it will create."""
        self._parse_timer.stop()
        if not self._selected_shown:
            self._selected_shown = True
            self._select(self.account_id)
        text = self.editor.toPlainText()
        self.preview.client.show_lookup(self.reader.lookup(text))
        target, new_name = self.preview.chosen_client()
        client_name, contacts = self.reader.detail(target) if target else (new_name, ())
        self._people = find_people(text, contacts)
        self.preview.people.show_people(self._people)
        names = dict(contacts)
        linked = tuple(names[i] for i in self.preview.people.contact_ids() if i in names)
        result = self._parse(text, linked, client_name or None)
        self._result = result
        kind = self._kind_choice or result.kind
        amount = result.amounts[0] if result.amounts else None
        self.preview.show_entry(
            kind,
            result.subject,
            self._people,
            result.amounts,
            result.deal_title or deal_title_from_amount(text, amount),
        )
        rows = []
        for f in result.followups:
            due, all_day, confirm = f.due, f.all_day, f.needs_confirmation
            if f.key in self._edits:
                (due, all_day), confirm = self._edits[f.key], False
            rows.append(
                PreviewFollowUp(f.title, f.source_line, due, all_day, confirm, f.reasons, f.key)
            )
        self.preview.followups.show_items(rows)

    def _kind_picked(self, kind: str) -> None:
        self._kind_choice = kind

    def _due_edited(self, key: str, due: datetime, all_day: bool) -> None:
        self._edits[key] = (due, all_day)

    # -- saving -------------------------------------------------------------------------

    def save(self) -> bool:
        """Save everything in one transaction through the undo stack; True when saved.

        Refused (with the reason in the preview) when no client is chosen, a date still
        needs a look, or a deal has no title; asks first when the note names another
        company than the selected client."""
        if self._done:
            return False
        self.reparse()
        result = self._result
        assert result is not None
        preview = self.preview
        account_id, new_name = preview.chosen_client()
        if account_id is None and new_name is None:
            preview.show_error(
                self.tr("Choose the client: name the company in the note, or type its name.")
            )
            preview.client_combo.setFocus()
            return False
        unsure = preview.followups.unconfirmed()
        if unsure:
            preview.show_error(
                self.tr("Check the dates marked ⚠: change them or click OK beside them.")
            )
            preview.followups.editors[unsure[0]].setFocus()
            return False
        deal = preview.create_deal()
        deal_title = preview.deal_title.text().strip()
        if deal and not deal_title:
            preview.show_error(self.tr("Give the deal a title: what is being sold?"))
            preview.deal_title.setFocus()
            return False
        conflict = preview.client.conflict()
        if conflict and not confirm_other_client(self, conflict):
            preview.client_combo.setFocus()
            return False
        edits = [
            FollowUpEdit(item.title, item.due, item.all_day) for item in preview.followups.items()
        ]
        kind = preview.kind()
        text = self.editor.toPlainText()
        contact_ids = preview.people.contact_ids()
        new_contacts = preview.people.new_contacts()

        def create(uow: UnitOfWork) -> list[tuple[str, str]]:
            created = drafts.save_capture(
                uow,
                account_id=account_id,
                new_account_name=new_name,
                result=result,
                followups=edits,
                kind=kind,
                create_deal_amount=deal,
                deal_title=deal_title or None,
                note_text=text,
                contact_ids=contact_ids,
                new_contacts=new_contacts,
            )
            drafts.clear_drafts(uow)  # saved and draft gone, or neither
            return created

        command = CreateCommand(self.store, self.tr("Quick note"), create)
        try:
            perform(self.undo_stack, command)
        except RelasiError as exc:
            preview.show_error(exc.message)
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
