"""The quick-capture preview's client picker: always editable, filled from what the note
names (models.capture.client_lookup), and saying so when the note names another company
than the client selected in the window.

Its order: the clients the note names well (exact words or a short form) first, then the
selected client, then close spellings; "Create new client “PT Maju Jaya”" comes first
when nothing matches well (and last otherwise). The user may pick from the list or
type any client's name into the box; a pick is kept while the note is typed.

It reads nothing itself: the dialog gives it the lookup, and resolves typed names.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QComboBox, QLabel, QMessageBox, QVBoxLayout, QWidget

from models.capture.client import matches_well, normalize_company
from models.capture.client_lookup import NOTHING, ClientLookup
from ui.theme import set_role

WARNING_MARK = "⚠"
#: Item data: an account id, NEW for "create new", None for the "choose" placeholder.
NEW = ""


class ClientPicker(QWidget):
    """Combo ``captureClient`` (editable), hint ``captureClientHint`` and warning
    ``captureClientWarning``."""

    #: The user chose a client (from the list or by typing a name).
    picked = Signal()

    def __init__(
        self, resolve: Callable[[str], ClientLookup] | None, parent: QWidget | None = None
    ):
        super().__init__(parent)
        self.resolve = resolve
        self.combo = QComboBox(self)
        self.combo.setObjectName("captureClient")
        self.combo.setAccessibleName(QCoreApplication.translate("ClientPicker", "Client"))
        self.combo.setEditable(True)
        self.combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.combo.setToolTip(
            QCoreApplication.translate(
                "ClientPicker", "Pick the client, or type a client's name and press Enter"
            )
        )
        self.combo.activated.connect(self._activated)
        line = self.combo.lineEdit()
        assert line is not None  # an editable combo has one
        line.setPlaceholderText(QCoreApplication.translate("ClientPicker", "Type a client's name"))
        line.installEventFilter(self)  # Return picks the typed name and goes no further
        self.hint = QLabel(self)
        self.hint.setObjectName("captureClientHint")
        self.hint.setWordWrap(True)
        self.warning = QLabel(self)
        self.warning.setObjectName("captureClientWarning")
        self.warning.setWordWrap(True)
        set_role(self.warning, "warning")
        self.warning.hide()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(self.combo)
        layout.addWidget(self.hint)
        layout.addWidget(self.warning)
        self.selected: tuple[str, str] | None = None  # (id, name) from the window
        self.lookup = ClientLookup(None, (), False, False, None)
        self.new_name: str | None = None
        self.user_choice: tuple[str, str] | None = None  # (data, label) the user chose
        self._names: dict[str, str] = {}

    # -- filling ------------------------------------------------------------------------

    def set_selected(self, account_id: str | None, name: str) -> None:
        """The client selected in the window (None: none)."""
        self.selected = (account_id, name) if account_id else None

    def named(self) -> tuple[str | None, str] | None:
        """The company the note names: (account id, name) of a client, (None, name) for a
        new one, or None when it names none."""
        best = self.lookup.best
        if best is not None:
            return best.account_id, best.name
        if self.lookup.new_name:
            return None, self.lookup.new_name
        return None

    def show_lookup(self, lookup: ClientLookup) -> None:
        self.lookup = lookup
        items: list[tuple[str, str | None]] = []  # (label, data)
        mention = lookup.mention or ""
        good = [m for m in lookup.matches if lookup.good and matches_well(m, mention)]
        rest = [m for m in lookup.matches if m not in good]
        items += [(m.name, m.account_id) for m in good]
        if self.selected is not None and self.selected[0] not in [d for _, d in items]:
            items.append((self.selected[1], self.selected[0]))
        items += [(m.name, m.account_id) for m in rest if m.account_id not in dict(items).values()]
        self.new_name = lookup.new_name
        new_label = None
        same = {normalize_company(label) for label, _ in items}
        if self.new_name and normalize_company(self.new_name) not in same:
            new_label = QCoreApplication.translate(
                "ClientPicker", "Create new client “{0}”"
            ).format(self.new_name)
            position = len(items) if good else 0
            items.insert(position, (new_label, NEW))
        if self.user_choice is not None:
            data, label = self.user_choice
            if data == NEW and label != new_label:
                items.append((label, NEW))
            elif data != NEW and data not in [d for _, d in items]:
                items.append((label, data))
        if not items:
            items.append((QCoreApplication.translate("ClientPicker", "Choose a client…"), None))
        self._fill(items)

    def _fill(self, items: list[tuple[str, str | None]]) -> None:
        wanted = self._wanted(items)
        combo = self.combo
        combo.blockSignals(True)
        combo.clear()
        for label, data in items:
            combo.addItem(label, data)
        index = next((i for i, (label, d) in enumerate(items) if (d, label) == wanted), -1)
        if index < 0:
            index = next((i for i, (_, d) in enumerate(items) if d == wanted[0]), 0)
        combo.setCurrentIndex(index)
        combo.blockSignals(False)
        self._update_texts()

    def _wanted(self, items: list[tuple[str, str | None]]) -> tuple[str | None, str]:
        if self.user_choice is not None:
            return self.user_choice
        best = self.lookup.best
        if best is not None:
            return best.account_id, best.name
        if self.selected is not None:
            return self.selected
        if self.new_name:
            return NEW, next((label for label, d in items if d == NEW), "")
        return None, ""

    # -- what the user does -------------------------------------------------------------

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Return in the box takes the typed name; it never reaches the dialog (Save)."""
        if (
            watched is self.combo.lineEdit()
            and event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
            and not event.modifiers() & Qt.KeyboardModifier.ControlModifier
        ):
            self._typed()
            return True
        return super().eventFilter(watched, event)

    def _activated(self, index: int) -> None:
        data = self.combo.itemData(index)
        if data is None:
            return
        self.user_choice = (str(data), self.combo.itemText(index))
        if data == NEW:
            self.new_name = self._new_name_of(self.combo.itemText(index))
        self._update_texts()
        self.picked.emit()

    def _new_name_of(self, label: str) -> str | None:
        for name in (self.lookup.new_name, self._names.get(label)):
            if (
                name
                and QCoreApplication.translate("ClientPicker", "Create new client “{0}”").format(
                    name
                )
                == label
            ):
                return name
        return self._names.get(label, self.new_name)

    def _typed(self) -> None:
        """A name typed into the box: that client, or a new one with that name."""
        text = " ".join(self.combo.currentText().split())
        index = self.combo.findText(text)
        if not text or index >= 0:
            if index >= 0:
                self.combo.setCurrentIndex(index)
                self._activated(index)
            return
        lookup = self.resolve(text) if self.resolve is not None else NOTHING
        exact = [m for m in lookup.matches if m.exact]
        same = [m for m in exact if normalize_company(m.name) == normalize_company(text)]
        chosen = (same or exact)[:1]
        if chosen:
            label, data = chosen[0].name, chosen[0].account_id
        else:
            label, data = (
                QCoreApplication.translate("ClientPicker", "Create new client “{0}”").format(text),
                NEW,
            )
            self._names[label] = text
        index = self.combo.findText(label)
        if index < 0:
            self.combo.addItem(label, data)
            index = self.combo.count() - 1
        self.combo.setCurrentIndex(index)
        self._activated(index)

    # -- reading ------------------------------------------------------------------------

    def chosen(self) -> tuple[str | None, str | None]:
        """(account id, None) for a client, (None, name) to create one, (None, None)."""
        data = self.combo.currentData()
        if data is None or self.combo.currentIndex() < 0:
            return None, None
        if data == NEW:
            name = self._names.get(self.combo.currentText()) or self.new_name
            return (None, name) if name else (None, None)
        return str(data), None

    def chosen_label(self) -> str:
        account_id, new_name = self.chosen()
        if account_id is None:
            return new_name or ""
        return self.combo.currentText()

    def conflict(self) -> str | None:
        """The warning when the note names another company than the selected client (and
        the user has not picked one): None when there is nothing to say."""
        if self.selected is None or self.user_choice is not None:
            return None
        named = self.named()
        if named is None:
            return None
        named_id, named_name = named
        if named_id == self.selected[0]:
            return None
        if named_id is None and normalize_company(named_name) == normalize_company(
            self.selected[1]
        ):
            return None
        return QCoreApplication.translate(
            "ClientPicker",
            "The note names “{0}”, but the client selected is {1}. It will be saved under {2}.",
        ).format(named_name, self.selected[1], self.chosen_label() or "—")

    def _update_texts(self) -> None:
        account_id, new_name = self.chosen()
        if new_name is not None:
            self.hint.setText(
                QCoreApplication.translate("ClientPicker", "A new client will be created.")
            )
        elif account_id is None:
            self.hint.setText(
                QCoreApplication.translate(
                    "ClientPicker", "Name the company in the note, or type a client's name here."
                )
            )
        elif (
            self.user_choice is not None
            or self.lookup.sure
            or (
                self.selected is not None
                and account_id == self.selected[0]
                and self.named() is None
            )
        ):
            self.hint.setText("")
        else:
            self.hint.setText(
                WARNING_MARK
                + " "
                + QCoreApplication.translate("ClientPicker", "Check that this is the client.")
            )
        warning = self.conflict()
        self.warning.setText(WARNING_MARK + " " + warning if warning else "")
        self.warning.setVisible(bool(warning))


def confirm_other_client(parent: QWidget, message: str) -> bool:
    """Ask before saving under another client than the note names; True to save."""
    box = QMessageBox(parent)
    box.setObjectName("captureClientConflict")
    box.setIcon(QMessageBox.Icon.Warning)
    box.setWindowTitle(QCoreApplication.translate("ClientPicker", "Another client?"))
    box.setText(message)
    box.setInformativeText(
        QCoreApplication.translate(
            "ClientPicker", "Save the note there, or go back and pick the client?"
        )
    )
    save = box.addButton(
        QCoreApplication.translate("ClientPicker", "&Save anyway"),
        QMessageBox.ButtonRole.AcceptRole,
    )
    save.setObjectName("captureConflictSave")
    back = box.addButton(
        QCoreApplication.translate("ClientPicker", "&Pick the client"),
        QMessageBox.ButtonRole.RejectRole,
    )
    back.setObjectName("captureConflictBack")
    box.setDefaultButton(back)
    box.setEscapeButton(back)
    box.exec()
    return box.clickedButton() is save
