"""Asked when a deal is moved to lost (dragged or with Ctrl+arrows): why it was lost and
the competitor it went to, picked from the competitor list as it is typed (any case);
a name not on the list is added to it when the deal is saved, and the dialog says so.
Cancel leaves the deal where it was."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCompleter,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from ui.display import visible


class LostDialog(QDialog):
    def __init__(
        self, title: str, parent: QWidget | None = None, competitors: Sequence[str] = ()
    ) -> None:
        super().__init__(parent)
        self.setObjectName("lostDialog")
        self.setWindowTitle(self.tr("Deal lost"))
        intro = QLabel(self.tr("Why was “{0}” lost?").format(visible(title)), self)
        intro.setWordWrap(True)
        self.reason = QLineEdit(self)
        self.reason.setObjectName("lostReason")
        self.reason.setMaxLength(300)
        self.reason.setPlaceholderText(self.tr("e.g. price, timing, no budget"))
        self.reason.setAccessibleName(self.tr("Lost reason"))
        self.competitor = QLineEdit(self)
        self.competitor.setObjectName("lostTo")
        self.competitor.setMaxLength(200)
        self.competitor.setPlaceholderText(self.tr("Competitor (if any)"))
        self.competitor.setAccessibleName(self.tr("Lost to competitor"))
        self.known = {" ".join(n.split()).casefold(): n for n in competitors}
        completer = QCompleter(list(competitors), self.competitor)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        self.competitor.setCompleter(completer)
        self.hint = QLabel(self)
        self.hint.setObjectName("lostToHint")
        self.hint.setWordWrap(True)
        self.competitor.textChanged.connect(self._update_hint)
        form = QFormLayout()
        form.addRow(self.tr("&Reason:"), self.reason)
        form.addRow(self.tr("Lost &to:"), self.competitor)
        form.addRow("", self.hint)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Mark as lost"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(buttons)
        self.reason.setFocus()
        self._update_hint()

    def _update_hint(self) -> None:
        """Which competitor the name picks, or that it is new to the list."""
        key = " ".join(self.competitor.text().split()).casefold()
        if not key:
            self.hint.setText("")
        elif key in self.known:
            self.hint.setText(
                self.tr("On the competitor list as “{0}”.").format(visible(self.known[key]))
            )
        else:
            self.hint.setText(self.tr("A new competitor: it will be added to the list."))

    def values(self) -> tuple[str, str]:
        return self.reason.text().strip(), self.competitor.text().strip()
