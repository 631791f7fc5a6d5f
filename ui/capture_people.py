"""The people a quick note names, as the preview shows them: a matched contact, a
choice between namesakes (nobody is linked until one is picked), or an unknown person
that can be added to the client as a new contact with a tick."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import QCheckBox, QComboBox, QGridLayout, QLabel, QWidget

from models.capture.people import PersonMatch
from ui.theme import set_role


class PeopleRows(QWidget):
    """A row per person to decide on (objectName ``capturePeople``): ``personName{i}``
    and, for namesakes, the combo ``personPick{i}``; for an unknown person the tick
    ``personAdd{i}``. Matched people are only named in the preview's summary line."""

    #: The user picked a namesake or ticked "add".
    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("capturePeople")
        self._grid = QGridLayout(self)
        self._grid.setContentsMargins(0, 0, 0, 0)
        self._grid.setColumnStretch(1, 1)
        self._shown: list[PersonMatch] = []
        self._widgets: list[QWidget] = []
        self.picks: dict[str, str] = {}  # mention -> the contact id the user picked
        self.adds: set[str] = set()  # new names the user ticked
        self.combos: list[QComboBox] = []
        self.checks: list[QCheckBox] = []

    def show_people(self, people: Sequence[PersonMatch]) -> None:
        if list(people) == self._shown:
            return
        for widget in self._widgets:
            self._grid.removeWidget(widget)
            widget.setParent(None)
            widget.deleteLater()
        self._widgets.clear()
        self.combos.clear()
        self.checks.clear()
        self._shown = list(people)
        for row, person in enumerate(people):
            if len(person.contacts) == 1 or (person.unknown and person.new_name is None):
                continue  # matched: named in the summary line; nothing to decide
            label = QLabel(person.mention, self)
            label.setObjectName(f"personName{row}")
            self._grid.addWidget(label, row, 0)
            self._widgets.append(label)
            if person.ambiguous:
                self._add_combo(row, person)
            elif person.new_name is not None:
                check = QCheckBox(
                    QCoreApplication.translate(
                        "CapturePeople", "Add “{0}” as a new contact"
                    ).format(person.new_name),
                    self,
                )
                check.setObjectName(f"personAdd{row}")
                check.setChecked(person.new_name in self.adds)
                check.toggled.connect(lambda on, n=person.new_name: self._add(n, on))
                self._grid.addWidget(check, row, 1)
                self._widgets.append(check)
                self.checks.append(check)

    def _add_combo(self, row: int, person: PersonMatch) -> None:
        combo = QComboBox(self)
        combo.setObjectName(f"personPick{row}")
        combo.setAccessibleName(
            QCoreApplication.translate("CapturePeople", "Which “{0}”?").format(person.mention)
        )
        combo.addItem(
            QCoreApplication.translate("CapturePeople", "Which one? ({0} contacts)").format(
                len(person.contacts)
            ),
            "",
        )
        for contact_id, contact_name in person.contacts:
            combo.addItem(contact_name, contact_id)
        picked = self.picks.get(person.mention)
        if picked is not None and combo.findData(picked) > 0:
            combo.setCurrentIndex(combo.findData(picked))
        else:
            set_role(combo, "warning")
        combo.activated.connect(lambda _i, p=person, c=combo: self._picked(p, c))
        self._grid.addWidget(combo, row, 1)
        self._widgets.append(combo)
        self.combos.append(combo)

    def _picked(self, person: PersonMatch, combo: QComboBox) -> None:
        data = str(combo.currentData() or "")
        if data:
            self.picks[person.mention] = data
        else:
            self.picks.pop(person.mention, None)
        self.changed.emit()

    def _add(self, name: str, on: bool) -> None:
        if on:
            self.adds.add(name)
        else:
            self.adds.discard(name)
        self.changed.emit()

    def contact_ids(self) -> list[str]:
        """The contacts to link: matched ones and the namesakes picked, each once."""
        ids: list[str] = []
        for person in self._shown:
            if len(person.contacts) == 1:
                ids.append(person.contacts[0][0])
            elif person.ambiguous and person.mention in self.picks:
                ids.append(self.picks[person.mention])
        return list(dict.fromkeys(ids))

    def new_contacts(self) -> list[str]:
        """The unknown people ticked to be added, as shown."""
        return [
            p.new_name
            for p in self._shown
            if p.unknown and p.new_name is not None and p.new_name in self.adds
        ]

    def summary(self) -> str:
        """One line: matched names, "Budi?" for namesakes not picked, "Rina (new)"."""
        parts: list[str] = []
        names = {i: n for p in self._shown for i, n in p.contacts}
        for person in self._shown:
            if len(person.contacts) == 1:
                parts.append(person.contacts[0][1])
            elif person.ambiguous:
                picked = self.picks.get(person.mention)
                parts.append(names[picked] if picked else person.mention + "?")
            elif person.new_name is not None and person.new_name in self.adds:
                parts.append(
                    QCoreApplication.translate("CapturePeople", "{0} (new)").format(person.new_name)
                )
        return ", ".join(dict.fromkeys(parts))
