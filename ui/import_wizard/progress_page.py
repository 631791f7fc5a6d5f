"""The import running: progress and Cancel (the wizard connects Cancel to the worker)."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
    QWizardPage,
)

from ui.import_wizard.session import ImportSession


class ProgressPage(QWizardPage):
    def __init__(self, session: ImportSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.status = QLabel(self)
        self.status.setObjectName("importStatus")
        self.status.setWordWrap(True)
        self.bar = QProgressBar(self)
        self.bar.setObjectName("importProgress")
        self.cancel_button = QPushButton(self)
        self.cancel_button.setObjectName("importCancel")
        row = QHBoxLayout()
        row.addWidget(self.bar, 1)
        row.addWidget(self.cancel_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.status)
        layout.addLayout(row)
        layout.addStretch(1)
        self.retranslate()

    def retranslate(self) -> None:
        self.setTitle(self.tr("Importing"))
        self.cancel_button.setText(self.tr("&Cancel import"))

    def initializePage(self) -> None:
        self.bar.setRange(0, 0)
        self.status.setText(self.tr("Importing {0}…").format(self.session.source_name()))
        self.cancel_button.setEnabled(True)

    def isComplete(self) -> bool:
        return self.session.outcome is not None
