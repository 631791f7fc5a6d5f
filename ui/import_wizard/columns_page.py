"""For a CSV: what was detected (encoding, delimiter, header row, the recognised
preset) and which field each column goes into; a mapping can be saved to and loaded
from a JSON file."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
    QWizardPage,
)

from models.errors import RelasiError
from models.transfer.presets import load_mapping, save_mapping
from ui.import_preview import ChoiceDelegate
from ui.import_wizard.pages import error_label, table
from ui.import_wizard.session import ImportSession


class ColumnsPage(QWizardPage):
    def __init__(self, session: ImportSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.detected = QLabel(self)
        self.detected.setObjectName("importDetected")
        self.detected.setWordWrap(True)
        self.kind_label = QLabel(self)
        self.kind = QComboBox(self)
        self.kind.setObjectName("importKind")
        self.kind.addItem("", "contact")
        self.kind.addItem("", "account")
        self.kind_label.setBuddy(self.kind)
        self.view = table(self, "importMapping")
        self.view.setModel(session.mapping_model)
        self.view.setItemDelegateForColumn(2, ChoiceDelegate(self.view))
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.AllEditTriggers)
        header = self.view.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.ResizeToContents)
        self.save_button = QPushButton(self)
        self.save_button.setObjectName("importSaveMapping")
        self.load_button = QPushButton(self)
        self.load_button.setObjectName("importLoadMapping")
        self.save_button.clicked.connect(self.save_mapping)
        self.load_button.clicked.connect(self.load_mapping)
        self.kind.currentIndexChanged.connect(
            lambda _i: session.mapping_model.set_kind(str(self.kind.currentData()))
        )
        session.mapping_model.changed.connect(self.completeChanged.emit)
        self.error = error_label(self, "importMappingError")
        top = QHBoxLayout()
        top.addWidget(self.kind_label)
        top.addWidget(self.kind)
        top.addStretch(1)
        top.addWidget(self.load_button)
        top.addWidget(self.save_button)
        layout = QVBoxLayout(self)
        layout.addWidget(self.detected)
        layout.addLayout(top)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.error)
        self.retranslate()

    def retranslate(self) -> None:
        self.setTitle(self.tr("Columns"))
        self.setSubTitle(self.tr("Check which field each column of the file goes into."))
        self.kind_label.setText(self.tr("The file holds:"))
        self.kind.setItemText(0, self.tr("Contacts (people)"))
        self.kind.setItemText(1, self.tr("Clients (companies)"))
        self.save_button.setText(self.tr("&Save mapping…"))
        self.load_button.setText(self.tr("&Load mapping…"))

    def initializePage(self) -> None:
        model = self.session.mapping_model
        self.kind.blockSignals(True)
        self.kind.setCurrentIndex(max(0, self.kind.findData(model.kind)))
        self.kind.blockSignals(False)
        self.detected.setText(self.session.detected_text())
        self.error.hide()

    def isComplete(self) -> bool:
        return self.session.mapping_model.has_name()

    def save_mapping(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Save mapping"), "mapping.json", self.tr("Mappings (*.json)")
        )
        if not path:
            return
        try:
            save_mapping(Path(path), self.session.mapping_model.mapping())
        except (OSError, RelasiError) as exc:
            self._show(str(getattr(exc, "message", exc)))

    def load_mapping(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("Load mapping"), "", self.tr("Mappings (*.json)")
        )
        if not path:
            return
        try:
            mapping = load_mapping(Path(path))
        except (OSError, UnicodeDecodeError, RelasiError) as exc:
            self._show(str(getattr(exc, "message", exc)))
            return
        missing = self.session.mapping_model.set_mapping(mapping)
        self.initializePage()
        if missing:
            self._show(
                self.tr("This file has no column {0}, which the mapping uses.").format(
                    ", ".join(repr(m) for m in missing)
                )
            )

    def _show(self, text: str) -> None:
        self.error.setText(text)
        self.error.show()

    def validatePage(self) -> bool:
        problem = self.session.plan_csv()
        if problem:
            self._show(problem)
        return not problem
