"""The first page: which file to import (a refused file shows its one-line reason)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
    QWizardPage,
)

from ui.import_wizard.pages import COLUMNS_PAGE, PREVIEW_PAGE, error_label
from ui.import_wizard.session import ImportSession


class FilePage(QWizardPage):
    def __init__(self, session: ImportSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.path_edit = QLineEdit(self)
        self.path_edit.setObjectName("importPath")
        self.path_edit.textChanged.connect(lambda _t: self.completeChanged.emit())
        self.browse = QPushButton(self)
        self.browse.setObjectName("importBrowse")
        self.browse.clicked.connect(self.choose)
        self.hint = QLabel(self)
        self.hint.setWordWrap(True)
        self.error = error_label(self, "importError")
        row = QHBoxLayout()
        row.addWidget(self.path_edit, 1)
        row.addWidget(self.browse)
        layout = QVBoxLayout(self)
        layout.addLayout(row)
        layout.addWidget(self.hint)
        layout.addWidget(self.error)
        layout.addStretch(1)
        self.retranslate()

    def retranslate(self) -> None:
        self.setTitle(self.tr("Choose a file"))
        self.setSubTitle(
            self.tr(
                "A CSV export of another CRM or a spreadsheet, contacts (.vcf), "
                "invitations (.ics) or e-mails (.eml, .msg)."
            )
        )
        self.browse.setText(self.tr("&Browse…"))
        self.path_edit.setAccessibleName(self.tr("File to import"))
        self.hint.setText(
            self.tr(
                "Nothing is written until you press Import on the preview; "
                "an import can be undone as a whole afterwards."
            )
        )

    def choose(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("Import a file"),
            self.path_edit.text(),
            self.tr("Importable files (*.csv *.tsv *.txt *.vcf *.ics *.eml *.msg);;All files (*)"),
        )
        if path:
            self.path_edit.setText(path)

    def isComplete(self) -> bool:
        return bool(self.path_edit.text().strip())

    def validatePage(self) -> bool:
        problem = self.session.load(Path(self.path_edit.text().strip()))
        self.error.setText(problem)
        self.error.setVisible(bool(problem))
        return not problem

    def nextId(self) -> int:
        return COLUMNS_PAGE if self.session.table is not None else PREVIEW_PAGE
