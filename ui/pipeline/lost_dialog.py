"""Asked when a deal is moved to lost (dragged or with Ctrl+arrows): why it was lost and
the competitor it went to. Cancel leaves the deal where it was."""

from __future__ import annotations

from PySide6.QtWidgets import (
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
    def __init__(self, title: str, parent: QWidget | None = None) -> None:
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
        form = QFormLayout()
        form.addRow(self.tr("&Reason:"), self.reason)
        form.addRow(self.tr("Lost &to:"), self.competitor)
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

    def values(self) -> tuple[str, str]:
        return self.reason.text().strip(), self.competitor.text().strip()
