"""Every row as it will be imported, with a decision per row (merge, create, skip),
and one set of buttons for all possible duplicates."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QMenu,
    QPushButton,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from models.transfer.matching import DUPLICATE, NEW, UPDATE
from models.transfer.plan import ERROR, SKIP
from ui.import_preview import ChoiceDelegate, PreviewModel
from ui.import_wizard.pages import table
from ui.import_wizard.session import ImportSession


class PreviewPage(QWizardPage):
    def __init__(self, session: ImportSession, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.model = session.preview_model
        self.detected = QLabel(self)
        self.detected.setObjectName("importPreviewDetected")
        self.detected.setWordWrap(True)
        self.counts = QLabel(self)
        self.counts.setObjectName("importCounts")
        self.counts.setWordWrap(True)
        self.view = table(self, "importPreview")
        self.view.setModel(self.model)
        self.view.setItemDelegateForColumn(PreviewModel.ACTION, ChoiceDelegate(self.view))
        self.view.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.SelectedClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
        )
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        header = self.view.horizontalHeader()
        for column in (0, 1, 2):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(PreviewModel.NAME, QHeaderView.ResizeMode.Interactive)
        header.setSectionResizeMode(PreviewModel.DETAILS, QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        self.view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.view.customContextMenuRequested.connect(self.context_menu)
        self.dup_label = QLabel(self)
        self.dup_skip = QPushButton(self)
        self.dup_skip.setObjectName("importDuplicatesSkip")
        self.dup_merge = QPushButton(self)
        self.dup_merge.setObjectName("importDuplicatesMerge")
        self.dup_create = QPushButton(self)
        self.dup_create.setObjectName("importDuplicatesCreate")
        self.dup_skip.clicked.connect(lambda: self.model.decide_duplicates(SKIP))
        self.dup_merge.clicked.connect(lambda: self.model.decide_duplicates(UPDATE))
        self.dup_create.clicked.connect(lambda: self.model.decide_duplicates(NEW))
        self.model.decisions_changed.connect(self.update_counts)
        buttons = QHBoxLayout()
        buttons.addWidget(self.dup_label)
        buttons.addWidget(self.dup_skip)
        buttons.addWidget(self.dup_merge)
        buttons.addWidget(self.dup_create)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.detected)
        layout.addWidget(self.counts)
        layout.addWidget(self.view, 1)
        layout.addLayout(buttons)
        self.retranslate()

    def retranslate(self) -> None:
        self.setTitle(self.tr("Preview"))
        self.setSubTitle(
            self.tr(
                "Each row as it will be imported. Change what happens to a row in the "
                "“Import will” column (double-click) or with its context menu."
            )
        )
        self.setButtonText(QWizard.WizardButton.NextButton, self.tr("&Import"))
        self.dup_label.setText(self.tr("All possible duplicates:"))
        self.dup_skip.setText(self.tr("S&kip"))
        self.dup_merge.setText(self.tr("&Merge"))
        self.dup_create.setText(self.tr("C&reate"))

    def initializePage(self) -> None:
        self.model.set_plan(self.session.plan)
        self.detected.setText(self.session.detected_text())
        self.view.resizeColumnToContents(PreviewModel.NAME)
        self.view.setColumnWidth(
            PreviewModel.NAME, min(self.view.columnWidth(PreviewModel.NAME), 240)
        )
        self.view.setColumnWidth(PreviewModel.DETAILS, 380)

    def update_counts(self) -> None:
        plan = self.session.plan
        if plan is None:
            self.counts.clear()
            return
        c = plan.counts()
        text = self.tr("Rows: {0}. Create {1}, merge {2}, skip {3}.").format(
            len(plan.rows), c[NEW], c[UPDATE], c[SKIP] + c[DUPLICATE]
        )
        found = sum(1 for r in plan.rows if r.proposed == DUPLICATE)
        if found:
            text += " " + self.tr("Possible duplicates (skipped unless you choose): {0}.").format(
                found
            )
        if c[ERROR]:
            text += " " + self.tr("With errors (not imported): {0}.").format(c[ERROR])
        self.counts.setText(text)
        for button in (self.dup_skip, self.dup_merge, self.dup_create):
            button.setEnabled(bool(found))
        self.completeChanged.emit()

    def isComplete(self) -> bool:
        plan = self.session.plan
        return plan is not None and any(r.action in (NEW, UPDATE) for r in plan.rows)

    def context_menu(self, point: QPoint) -> None:
        rows = sorted({i.row() for i in self.view.selectionModel().selectedRows()})
        if not rows:
            return
        menu = QMenu(self)
        menu.addAction(self.tr("Merge into the match"), lambda: self.model.decide(rows, UPDATE))
        menu.addAction(self.tr("Create as new"), lambda: self.model.decide(rows, NEW))
        menu.addAction(self.tr("Skip"), lambda: self.model.decide(rows, SKIP))
        menu.popup(self.view.viewport().mapToGlobal(point))
