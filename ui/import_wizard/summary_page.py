"""The last page: the counts, the rows that were not imported, and a report of them
to save (CSV or text)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
    QWizardPage,
)

from models.transfer.exporter import csv_bytes
from models.transfer.output import write_private
from ui.import_wizard.pages import table
from ui.import_wizard.session import ImportSession


class SummaryPage(QWizardPage):
    def __init__(self, session: ImportSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.summary = QLabel(self)
        self.summary.setObjectName("importSummary")
        self.summary.setWordWrap(True)
        self.errors_label = QLabel(self)
        self.view = table(self, "importErrors")
        self.view.setModel(session.error_model)
        self.view.horizontalHeader().setStretchLastSection(True)
        self.save_button = QPushButton(self)
        self.save_button.setObjectName("importSaveReport")
        self.save_button.clicked.connect(self.save_report)
        self.saved = QLabel(self)
        self.saved.setObjectName("importReportSaved")
        row = QHBoxLayout()
        row.addWidget(self.saved, 1)
        row.addWidget(self.save_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.errors_label)
        layout.addWidget(self.view, 1)
        layout.addLayout(row)
        self.retranslate()

    def retranslate(self) -> None:
        self.setTitle(self.tr("Imported"))
        self.errors_label.setText(self.tr("Rows that were not imported:"))
        self.save_button.setText(self.tr("&Save report…"))

    def initializePage(self) -> None:
        result = self.session.outcome
        if result is None:
            return
        text = self.tr(
            "Created {0}, updated {1}, skipped {2} (of which {3} already up to date)."
        ).format(
            result.created, result.updated, result.skipped + result.unchanged, result.unchanged
        )
        if result.accounts_created:
            text += " " + self.tr("{0} new clients.").format(result.accounts_created)
        if result.batch_id:
            text += " " + self.tr("Edit ▸ Undo takes the whole import back.")
        self.summary.setText(text)
        errors = self.session.report_errors()
        self.session.error_model.set_errors(errors)
        self.errors_label.setVisible(bool(errors))
        self.view.setVisible(bool(errors))
        self.view.resizeColumnsToContents()
        self.view.horizontalHeader().setStretchLastSection(True)

    def save_report(self) -> Path | None:
        stem = Path(self.session.source_name()).stem or "import"
        name, _ = QFileDialog.getSaveFileName(
            self,
            self.tr("Save report"),
            f"{stem}-import-report.csv",
            self.tr("CSV file (*.csv);;Text file (*.txt)"),
        )
        if not name:
            return None
        path = Path(name)
        if path.suffix.casefold() == ".csv":
            rows: list[list[Any]] = [
                [e.row or "", e.column, e.reason] for e in self.session.report_errors()
            ]
            data = csv_bytes((self.tr("Row"), self.tr("Column"), self.tr("Why")), rows)
        else:
            data = self.session.report_text().encode("utf-8")
        try:
            write_private(path, data)
        except OSError as exc:
            self.saved.setText(
                self.tr("Cannot save {0}: {1}").format(path.name, exc.strerror or "")
            )
            return None
        self.saved.setText(self.tr("Report saved to {0}").format(path.name))
        return path
