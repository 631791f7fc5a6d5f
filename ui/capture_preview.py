"""The live preview beside the quick-capture text: the client, the entry that will be
saved, each follow-up with its (editable) due date, and any amount with an offer to
create a deal. It shows what the dialog tells it and reports the user's edits; it
never reads or writes the database itself."""

from __future__ import annotations

from collections.abc import Sequence
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
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from models.capture.amounts import Amount
from models.capture.client import ClientMatch
from models.capture.parse import KINDS
from ui import formatting
from ui.labels import kind_label
from ui.qtime import from_qdatetime, to_qdatetime
from ui.theme import set_role

WARNING_MARK = "⚠"


def reason_text(code: str) -> str:
    """Why a due date needs a look, in the interface language."""
    return {
        "default": QCoreApplication.translate(
            "CapturePreview", "No date was given: this is the default, two working days ahead."
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


class FollowUpRows(QWidget):
    """A small grid: title, due date editor, and a "check date" mark per follow-up."""

    #: (source line, due, all_day) after the user changed a date.
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
            editor.dateTimeChanged.connect(lambda value, i=row: self._changed(i, value))
            self._grid.addWidget(title, row + 1, 0)
            self._grid.addWidget(editor, row + 1, 1)
            self._grid.addWidget(warning, row + 1, 2)
            self._widgets += [title, editor, warning]
            self.titles.append(title)
            self.editors.append(editor)
            self.warnings.append(warning)

    def _changed(self, row: int, value: QDateTime) -> None:
        item = self._shown[row]
        due = from_qdatetime(value, item.due.tzinfo)
        self._shown[row] = PreviewFollowUp(
            item.title, item.source_line, due, item.all_day, needs_confirmation=False
        )
        self.warnings[row].setVisible(False)  # the user looked at it: confirmed
        self.edited.emit(item.source_line, due, item.all_day)


class CapturePreview(QWidget):
    """What will be created: client, entry (kind, subject, contacts), follow-ups, amount."""

    #: The user picked a client in the combo (account id, or "" for "create new").
    client_picked = Signal(str)
    #: The user picked a kind.
    kind_picked = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("capturePreview")
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Expanding)
        self.client_label = QLabel(self)
        self.client_label.setObjectName("captureClientName")
        font = self.client_label.font()
        font.setBold(True)
        self.client_label.setFont(font)
        self.client_combo = QComboBox(self)
        self.client_combo.setObjectName("captureClient")
        self.client_combo.setAccessibleName(QCoreApplication.translate("CapturePreview", "Client"))
        self.client_combo.activated.connect(self._client_activated)
        self.client_hint = QLabel(self)
        self.client_hint.setObjectName("captureClientHint")
        self.client_hint.setWordWrap(True)
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
        self.followups = FollowUpRows(self)
        self.amount = QLabel(self)
        self.amount.setObjectName("captureAmount")
        self.deal_check = QCheckBox(
            QCoreApplication.translate("CapturePreview", "Also create a deal"), self
        )
        self.deal_check.setObjectName("captureCreateDeal")
        self.error = QLabel(self)
        self.error.setObjectName("captureError")
        self.error.setWordWrap(True)
        set_role(self.error, "error")
        self.error.hide()

        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        client_box = QVBoxLayout()
        client_box.setSpacing(2)
        client_box.addWidget(self.client_label)
        client_box.addWidget(self.client_combo)
        client_box.addWidget(self.client_hint)
        form.addRow(QCoreApplication.translate("CapturePreview", "Client:"), client_box)
        form.addRow(QCoreApplication.translate("CapturePreview", "Kind:"), self.kind_combo)
        form.addRow(QCoreApplication.translate("CapturePreview", "Subject:"), self.subject)
        form.addRow(QCoreApplication.translate("CapturePreview", "People:"), self.contacts)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(form)
        heading = QLabel(QCoreApplication.translate("CapturePreview", "Follow-ups"), self)
        heading.setFont(font)
        layout.addWidget(heading)
        layout.addWidget(self.followups)
        layout.addWidget(self.amount)
        layout.addWidget(self.deal_check)
        layout.addWidget(self.error)
        layout.addStretch(1)
        self.amount.hide()
        self.deal_check.hide()
        self._client_text: str | None = None
        self._fixed = False

    # -- client -------------------------------------------------------------------------

    def show_fixed_client(self, name: str) -> None:
        """The client was chosen before the dialog opened."""
        self._fixed = True
        self.client_label.setText(name)
        self.client_label.show()
        self.client_combo.hide()
        self.client_hint.hide()

    def show_candidates(
        self,
        client_text: str | None,
        matches: Sequence[ClientMatch],
        chosen: str | None,
        confident: bool,
    ) -> None:
        """Fuzzy candidates for the first line, plus an offer to create the client.

        ``chosen`` is the account id to select ("" for "create new"); None picks the best.
        """
        self._fixed = False
        self.client_label.hide()
        self.client_combo.show()
        self.client_hint.show()
        self._client_text = client_text
        self.client_combo.blockSignals(True)
        self.client_combo.clear()
        if not client_text:
            self.client_combo.setEnabled(False)
            self.client_hint.setText(
                QCoreApplication.translate("CapturePreview", "Name the client on the first line.")
            )
            self.client_combo.blockSignals(False)
            return
        self.client_combo.setEnabled(True)
        for match in matches:
            self.client_combo.addItem(match.name, match.account_id)
        self.client_combo.addItem(
            QCoreApplication.translate("CapturePreview", "Create new client “{0}”").format(
                client_text
            ),
            "",
        )
        wanted = chosen if chosen is not None else (matches[0].account_id if matches else "")
        index = self.client_combo.findData(wanted)
        self.client_combo.setCurrentIndex(max(index, 0))
        self.client_combo.blockSignals(False)
        self._update_client_hint(confident and chosen is None)

    def _update_client_hint(self, confident: bool) -> None:
        if self.client_combo.currentData() == "":
            self.client_hint.setText(
                QCoreApplication.translate("CapturePreview", "A new client will be created.")
            )
        elif confident:
            self.client_hint.setText("")
        else:
            self.client_hint.setText(
                WARNING_MARK
                + " "
                + QCoreApplication.translate("CapturePreview", "Check that this is the client.")
            )

    def _client_activated(self, _index: int) -> None:
        self._update_client_hint(True)
        self.client_picked.emit(self.client_combo.currentData())

    def chosen_client(self) -> tuple[str | None, str | None]:
        """(account id, None) for an existing client, (None, name) to create one."""
        if self._fixed or not self._client_text or self.client_combo.count() == 0:
            return None, None
        data = self.client_combo.currentData()
        return (data, None) if data else (None, self._client_text)

    # -- entry --------------------------------------------------------------------------

    def show_entry(
        self, kind: str, subject: str, contacts: Sequence[str], amounts: Sequence[Amount]
    ) -> None:
        index = self.kind_combo.findData(kind)
        if index >= 0 and index != self.kind_combo.currentIndex():
            self.kind_combo.setCurrentIndex(index)
        self.subject.setText(subject or "—")
        self.contacts.setText(", ".join(contacts) or "—")
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
        self.amount.setVisible(bool(amounts))
        self.deal_check.setVisible(bool(amounts))

    def kind(self) -> str:
        return str(self.kind_combo.currentData())

    def create_deal(self) -> bool:
        return self.deal_check.isVisibleTo(self) and self.deal_check.isChecked()

    def show_error(self, message: str) -> None:
        self.error.setText(message)
        self.error.setVisible(bool(message))
