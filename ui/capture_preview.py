"""The live preview beside the quick-capture text: the client (ui.capture_client), the
entry that will be saved and the people it names (ui.capture_people), each follow-up
with its (editable) due date -- an unsure one must be confirmed or changed before
saving -- and any amount with an offer to create a deal, whose title can be edited.
It shows what the dialog tells it and reports the user's edits; it never reads or
writes the database itself."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime

from PySide6.QtCore import QCoreApplication, QDateTime, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateTimeEdit,
    QFormLayout,
    QGridLayout,
    QLabel,
    QLineEdit,
    QSizePolicy,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from models.capture.amounts import Amount
from models.capture.client_lookup import ClientLookup
from models.capture.parse import KINDS
from models.capture.people import PersonMatch
from ui import formatting
from ui.capture_client import ClientPicker
from ui.capture_people import PeopleRows
from ui.labels import kind_label
from ui.qtime import from_qdatetime, to_qdatetime
from ui.theme import set_role

WARNING_MARK = "⚠"


def reason_text(code: str) -> str:
    """Why a due date needs a look, in the interface language."""
    return {
        "default": QCoreApplication.translate(
            "CapturePreview",
            "No date was given: this is the default (Settings: working days ahead).",
        ),
        "fuzzy": QCoreApplication.translate(
            "CapturePreview", "The date was guessed from loose wording."
        ),
        "ambiguous_numeric": QCoreApplication.translate(
            "CapturePreview", "A numeric date that could be day/month or month/day."
        ),
        "ambiguous_word": QCoreApplication.translate(
            "CapturePreview", "A word that can mean several dates."
        ),
        "ambiguous_time": QCoreApplication.translate(
            "CapturePreview", "The hour could be morning or afternoon."
        ),
        "past": QCoreApplication.translate("CapturePreview", "This date is in the past."),
        "several_dates": QCoreApplication.translate(
            "CapturePreview", "The line names more than one date; the first was taken."
        ),
        "assumed_day": QCoreApplication.translate(
            "CapturePreview", "Only a time was given; the day was assumed."
        ),
        "same_weekday": QCoreApplication.translate(
            "CapturePreview", "That weekday is today: today or a week from today?"
        ),
        "time_zone": QCoreApplication.translate(
            "CapturePreview", "The time was given in another time zone."
        ),
        "borrowed_day": QCoreApplication.translate(
            "CapturePreview", "The day was taken from the next step in the same sentence."
        ),
    }.get(code, code)


@dataclass(frozen=True, slots=True)
class PreviewFollowUp:
    """One follow-up row as the preview shows it."""

    title: str
    source_line: str
    due: datetime
    all_day: bool
    needs_confirmation: bool
    reasons: tuple[str, ...] = ()
    #: Which follow-up of the note this is (several can come from one line).
    key: str = ""


class FollowUpRows(QWidget):
    """A small grid: title, due date editor, and a "check date" mark per follow-up."""

    #: (follow-up key, due, all_day) after the user changed a date.
    edited = Signal(str, object, bool)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("captureFollowUps")
        self._grid = QGridLayout(self)
        self._grid.setContentsMargins(0, 0, 0, 0)
        self._grid.setColumnStretch(0, 1)
        self._shown: list[PreviewFollowUp] = []
        self._widgets: list[QWidget] = []
        self.empty = QLabel(
            QCoreApplication.translate(
                "CapturePreview", "No follow-ups. Start a line with - [ ] or TODO: to add one."
            )
        )
        self.empty.setWordWrap(True)
        self._grid.addWidget(self.empty, 0, 0, 1, 3)
        self.editors: list[QDateTimeEdit] = []
        self.warnings: list[QLabel] = []
        self.titles: list[QLabel] = []
        self.confirms: list[QToolButton] = []

    def items(self) -> list[PreviewFollowUp]:
        """The follow-ups as shown, with the dates currently in the editors."""
        return list(self._shown)

    def show_items(self, items: Sequence[PreviewFollowUp]) -> None:
        if list(items) == self._shown:
            return
        for widget in self._widgets:
            self._grid.removeWidget(widget)
            widget.setParent(None)
            widget.deleteLater()
        self._widgets.clear()
        self.editors.clear()
        self.warnings.clear()
        self.titles.clear()
        self.confirms.clear()
        self._shown = list(items)
        self.empty.setVisible(not items)
        for row, item in enumerate(items):
            title = QLabel(item.title, self)
            title.setObjectName(f"followUpTitle{row}")
            title.setWordWrap(True)
            title.setToolTip(item.source_line)
            editor = QDateTimeEdit(self)
            editor.setObjectName(f"followUpDue{row}")
            editor.setCalendarPopup(True)
            editor.setDisplayFormat("ddd d MMM yyyy" if item.all_day else "ddd d MMM yyyy HH:mm")
            editor.setDateTime(to_qdatetime(item.due))
            editor.setAccessibleName(
                QCoreApplication.translate("CapturePreview", "Due date of “{0}”").format(item.title)
            )
            warning = QLabel(
                WARNING_MARK + " " + QCoreApplication.translate("CapturePreview", "check date"),
                self,
            )
            warning.setObjectName(f"followUpCheck{row}")
            warning.setToolTip("\n".join(reason_text(r) for r in item.reasons))
            set_role(warning, "warning")  # coloured by resources/style.qss
            warning.setVisible(item.needs_confirmation)
            bold = warning.font()
            bold.setBold(True)
            warning.setFont(bold)
            confirm = QToolButton(self)
            confirm.setObjectName(f"followUpConfirm{row}")
            confirm.setText(QCoreApplication.translate("CapturePreview", "OK"))
            confirm.setToolTip(
                QCoreApplication.translate("CapturePreview", "This date is right: keep it")
            )
            confirm.setAccessibleName(
                QCoreApplication.translate("CapturePreview", "Confirm the date of “{0}”").format(
                    item.title
                )
            )
            confirm.setVisible(item.needs_confirmation)
            confirm.clicked.connect(lambda _c=False, i=row: self.confirm(i))
            editor.dateTimeChanged.connect(lambda value, i=row: self._changed(i, value))
            self._grid.addWidget(title, row + 1, 0)
            self._grid.addWidget(editor, row + 1, 1)
            self._grid.addWidget(warning, row + 1, 2)
            self._grid.addWidget(confirm, row + 1, 3)
            self._widgets += [title, editor, warning, confirm]
            self.titles.append(title)
            self.editors.append(editor)
            self.warnings.append(warning)
            self.confirms.append(confirm)

    def unconfirmed(self) -> list[int]:
        """Rows whose date still needs a look (never saved silently)."""
        return [i for i, item in enumerate(self._shown) if item.needs_confirmation]

    def confirm(self, row: int) -> None:
        """The user keeps the date shown in row ``row``."""
        item = self._shown[row]
        self._shown[row] = PreviewFollowUp(
            item.title,
            item.source_line,
            item.due,
            item.all_day,
            needs_confirmation=False,
            key=item.key,
        )
        self.warnings[row].setVisible(False)
        self.confirms[row].setVisible(False)
        self.edited.emit(item.key or item.source_line, item.due, item.all_day)

    def _changed(self, row: int, value: QDateTime) -> None:
        item = self._shown[row]
        due = from_qdatetime(value, item.due.tzinfo)
        self._shown[row] = PreviewFollowUp(
            item.title, item.source_line, due, item.all_day, needs_confirmation=False, key=item.key
        )
        self.warnings[row].setVisible(False)  # the user looked at it: confirmed
        self.confirms[row].setVisible(False)
        self.edited.emit(item.key or item.source_line, due, item.all_day)


class CapturePreview(QWidget):
    """What will be created: client, entry (kind, subject, people), follow-ups, amount."""

    #: The user picked a kind.
    kind_picked = Signal(str)

    def __init__(
        self,
        resolve: Callable[[str], ClientLookup] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("capturePreview")
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Expanding)
        self.client = ClientPicker(resolve, self)
        self.client_combo = self.client.combo
        self.client_hint = self.client.hint
        self.client_warning = self.client.warning
        self.kind_combo = QComboBox(self)
        self.kind_combo.setObjectName("captureKind")
        self.kind_combo.setAccessibleName(QCoreApplication.translate("CapturePreview", "Kind"))
        for kind in KINDS:
            self.kind_combo.addItem(kind_label(kind), kind)
        self.kind_combo.activated.connect(
            lambda _i: self.kind_picked.emit(self.kind_combo.currentData())
        )
        self.subject = QLabel(self)
        self.subject.setObjectName("captureSubject")
        self.subject.setWordWrap(True)
        self.contacts = QLabel(self)
        self.contacts.setObjectName("captureContacts")
        self.contacts.setWordWrap(True)
        self.people = PeopleRows(self)
        self.people.changed.connect(lambda: self.contacts.setText(self.people.summary() or "—"))
        self.followups = FollowUpRows(self)
        self.amount = QLabel(self)
        self.amount.setObjectName("captureAmount")
        self.deal_check = QCheckBox(
            QCoreApplication.translate("CapturePreview", "Also create a deal"), self
        )
        self.deal_check.setObjectName("captureCreateDeal")
        self.deal_title = QLineEdit(self)
        self.deal_title.setObjectName("captureDealTitle")
        self.deal_title.setAccessibleName(
            QCoreApplication.translate("CapturePreview", "Deal title")
        )
        self.deal_title.setPlaceholderText(
            QCoreApplication.translate("CapturePreview", "What is sold (e.g. Enterprise package)")
        )
        self.deal_title.setMaxLength(300)
        self.deal_title.textEdited.connect(self._deal_title_typed)
        self.deal_check.toggled.connect(self._deal_toggled)
        self.error = QLabel(self)
        self.error.setObjectName("captureError")
        self.error.setWordWrap(True)
        set_role(self.error, "error")
        self.error.hide()

        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.addRow(QCoreApplication.translate("CapturePreview", "Client:"), self.client)
        form.addRow(QCoreApplication.translate("CapturePreview", "Kind:"), self.kind_combo)
        form.addRow(QCoreApplication.translate("CapturePreview", "Subject:"), self.subject)
        form.addRow(QCoreApplication.translate("CapturePreview", "People:"), self.contacts)
        form.addRow("", self.people)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(form)
        heading = QLabel(QCoreApplication.translate("CapturePreview", "Follow-ups"), self)
        font = heading.font()
        font.setBold(True)
        heading.setFont(font)
        layout.addWidget(heading)
        layout.addWidget(self.followups)
        layout.addWidget(self.amount)
        layout.addWidget(self.deal_check)
        layout.addWidget(self.deal_title)
        layout.addWidget(self.error)
        layout.addStretch(1)
        self.amount.hide()
        self.deal_check.hide()
        self.deal_title.hide()
        self._deal_title_edited = False

    def chosen_client(self) -> tuple[str | None, str | None]:
        """(account id, None) for an existing client, (None, name) to create one."""
        return self.client.chosen()

    # -- entry --------------------------------------------------------------------------

    def show_entry(
        self,
        kind: str,
        subject: str,
        people: Sequence[PersonMatch],
        amounts: Sequence[Amount],
        deal_title: str | None = None,
    ) -> None:
        index = self.kind_combo.findData(kind)
        if index >= 0 and index != self.kind_combo.currentIndex():
            self.kind_combo.setCurrentIndex(index)
        self.subject.setText(subject or "—")
        self.people.show_people(people)
        self.contacts.setText(self.people.summary() or "—")
        if amounts:
            first = amounts[0]
            self.amount.setText(
                QCoreApplication.translate("CapturePreview", "Amount: {0}").format(
                    formatting.money(first.minor_units, first.currency)
                )
            )
            self.deal_check.setText(
                QCoreApplication.translate("CapturePreview", "Also create a deal for {0}").format(
                    formatting.money(first.minor_units, first.currency)
                )
            )
        if not self._deal_title_edited:
            self.deal_title.setText(deal_title or "")
        self.amount.setVisible(bool(amounts))
        self.deal_check.setVisible(bool(amounts))
        self.deal_title.setVisible(bool(amounts) and self.deal_check.isChecked())

    def _deal_title_typed(self, _text: str) -> None:
        self._deal_title_edited = True  # the user's title is kept while the note is typed

    def _deal_toggled(self, on: bool) -> None:
        self.deal_title.setVisible(on and self.deal_check.isVisibleTo(self))
        if on:
            self.deal_title.setFocus()

    def kind(self) -> str:
        return str(self.kind_combo.currentData())

    def create_deal(self) -> bool:
        return self.deal_check.isVisibleTo(self) and self.deal_check.isChecked()

    def show_error(self, message: str) -> None:
        self.error.setText(message)
        self.error.setVisible(bool(message))
