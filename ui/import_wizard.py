"""File ▸ Import…: a wizard from a file to an undoable import batch.

Pages: the file (a refused file shows its one-line reason); for a CSV, what was
detected (encoding, delimiter, header row, the recognised preset) and the column
mapping, which can be saved to and loaded from a JSON file; the preview of every row
as it will be imported, with a decision per row; the import itself, which runs
:func:`apply_import` on a worker thread (progress and Cancel; cancelling rolls the one
transaction back); and a summary with the counts and the rows that were not imported,
which can be saved as a report. The applied import is pushed on the window's undo
stack (:mod:`ui.import_commands`).

Reading and planning the file run on the GUI thread (with a busy cursor); only the
write, which is the long part, runs on the worker.
"""

from __future__ import annotations

import logging
import threading
from pathlib import Path
from typing import Any, Protocol

from PySide6.QtCore import QObject, QPoint, QRunnable, Qt, QThreadPool, Signal, Slot
from PySide6.QtGui import QCursor, QGuiApplication
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMenu,
    QProgressBar,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from models.errors import ImportCancelledError, RelasiError
from models.store import Store
from models.transfer import sniff
from models.transfer.exporter import csv_bytes
from models.transfer.importer import apply_import, plan_source
from models.transfer.matching import DUPLICATE, NEW, UPDATE
from models.transfer.output import write_private
from models.transfer.plan import ERROR, SKIP, ImportPlan, ImportResult
from models.transfer.presets import Mapping, is_known_header, load_mapping, recognise, save_mapping
from models.transfer.source_types import RowError
from models.transfer.sources import CSV_SUFFIXES, load_source
from ui.commands import UndoStack
from ui.import_commands import Batch, push_import, replanner
from ui.import_preview import ChoiceDelegate, ErrorModel, MappingModel, PreviewModel

log = logging.getLogger(__name__)

FILE_PAGE, COLUMNS_PAGE, PREVIEW_PAGE, PROGRESS_PAGE, SUMMARY_PAGE = range(5)


class Pool(Protocol):
    """Where the import runs: QThreadPool, or a test's synchronous stand-in."""

    def start(self, runnable: QRunnable) -> None: ...


class WorkerSignals(QObject):
    """Lives on the GUI thread; the worker emits, the wizard's slots run queued."""

    progress = Signal(int, int)
    finished = Signal(object)  # ImportResult
    failed = Signal(object)  # RelasiError


class ImportWorker(QRunnable):
    """Runs apply_import; touches no widget, reports through its signals."""

    def __init__(self, store: Store, plan: ImportPlan) -> None:
        super().__init__()
        self.setAutoDelete(False)
        self.store = store
        self.plan = plan
        self.cancel = threading.Event()
        self.signals = WorkerSignals()

    def run(self) -> None:
        try:
            result = apply_import(
                self.store,
                self.plan,
                progress=self.signals.progress.emit,
                cancelled=self.cancel.is_set,
            )
        except RelasiError as exc:
            self.signals.failed.emit(exc)
            return
        except Exception as exc:  # a bug must not vanish with the thread
            log.exception("import failed")
            self.signals.failed.emit(RelasiError(f"the import failed: {exc}"))
            return
        self.signals.finished.emit(result)


def encoding_name(encoding: str) -> str:
    return {
        "utf-8": "UTF-8",
        "utf-8-sig": QGuiApplication.translate("import", "UTF-8 with BOM"),
        "utf-16": "UTF-16",
        "utf-32": "UTF-32",
        "cp1252": "Windows-1252",
        "ascii": "ASCII",
    }.get(encoding, encoding.upper())


def delimiter_name(delimiter: str) -> str:
    return {
        ",": QGuiApplication.translate("import", "comma"),
        ";": QGuiApplication.translate("import", "semicolon"),
        "\t": QGuiApplication.translate("import", "tab"),
        "|": QGuiApplication.translate("import", "vertical bar"),
    }.get(delimiter, repr(delimiter))


def _error_label(parent: QWidget, name: str) -> QLabel:
    label = QLabel(parent)
    label.setObjectName(name)
    label.setWordWrap(True)
    label.setProperty("role", "error")  # coloured by resources/style.qss
    label.hide()
    return label


def _table(parent: QWidget, name: str) -> QTableView:
    view = QTableView(parent)
    view.setObjectName(name)
    view.verticalHeader().hide()
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setWordWrap(False)
    view.horizontalHeader().setHighlightSections(False)
    return view


# -- pages ------------------------------------------------------------------------------------


class FilePage(QWizardPage):
    def __init__(self, wizard: ImportWizard) -> None:
        super().__init__(wizard)
        self.owner = wizard
        self.path_edit = QLineEdit(self)
        self.path_edit.setObjectName("importPath")
        self.path_edit.textChanged.connect(lambda _t: self.completeChanged.emit())
        self.browse = QPushButton(self)
        self.browse.setObjectName("importBrowse")
        self.browse.clicked.connect(self.choose)
        self.hint = QLabel(self)
        self.hint.setWordWrap(True)
        self.error = _error_label(self, "importError")
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
        problem = self.owner.load(Path(self.path_edit.text().strip()))
        self.error.setText(problem)
        self.error.setVisible(bool(problem))
        return not problem

    def nextId(self) -> int:
        return COLUMNS_PAGE if self.owner.table is not None else PREVIEW_PAGE


class ColumnsPage(QWizardPage):
    def __init__(self, wizard: ImportWizard) -> None:
        super().__init__(wizard)
        self.owner = wizard
        self.detected = QLabel(self)
        self.detected.setObjectName("importDetected")
        self.detected.setWordWrap(True)
        self.kind_label = QLabel(self)
        self.kind = QComboBox(self)
        self.kind.setObjectName("importKind")
        self.kind.addItem("", "contact")
        self.kind.addItem("", "account")
        self.kind_label.setBuddy(self.kind)
        self.view = _table(self, "importMapping")
        self.view.setModel(wizard.mapping_model)
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
            lambda _i: wizard.mapping_model.set_kind(str(self.kind.currentData()))
        )
        wizard.mapping_model.changed.connect(self.completeChanged.emit)
        self.error = _error_label(self, "importMappingError")
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
        model = self.owner.mapping_model
        self.kind.blockSignals(True)
        self.kind.setCurrentIndex(max(0, self.kind.findData(model.kind)))
        self.kind.blockSignals(False)
        self.detected.setText(self.owner.detected_text())
        self.error.hide()

    def isComplete(self) -> bool:
        return self.owner.mapping_model.has_name()

    def save_mapping(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("Save mapping"), "mapping.json", self.tr("Mappings (*.json)")
        )
        if not path:
            return
        try:
            save_mapping(Path(path), self.owner.mapping_model.mapping())
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
        missing = self.owner.mapping_model.set_mapping(mapping)
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
        problem = self.owner.plan_csv()
        if problem:
            self._show(problem)
        return not problem


class PreviewPage(QWizardPage):
    def __init__(self, wizard: ImportWizard) -> None:
        super().__init__(wizard)
        self.owner = wizard
        self.model = wizard.preview_model
        self.detected = QLabel(self)
        self.detected.setObjectName("importPreviewDetected")
        self.detected.setWordWrap(True)
        self.counts = QLabel(self)
        self.counts.setObjectName("importCounts")
        self.counts.setWordWrap(True)
        self.view = _table(self, "importPreview")
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
        self.model.set_plan(self.owner.plan)
        self.detected.setText(self.owner.detected_text())
        self.view.resizeColumnToContents(PreviewModel.NAME)
        self.view.setColumnWidth(
            PreviewModel.NAME, min(self.view.columnWidth(PreviewModel.NAME), 240)
        )
        self.view.setColumnWidth(PreviewModel.DETAILS, 380)

    def update_counts(self) -> None:
        plan = self.owner.plan
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
        plan = self.owner.plan
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


class ProgressPage(QWizardPage):
    def __init__(self, wizard: ImportWizard) -> None:
        super().__init__(wizard)
        self.owner = wizard
        self.status = QLabel(self)
        self.status.setObjectName("importStatus")
        self.status.setWordWrap(True)
        self.bar = QProgressBar(self)
        self.bar.setObjectName("importProgress")
        self.cancel_button = QPushButton(self)
        self.cancel_button.setObjectName("importCancel")
        self.cancel_button.clicked.connect(wizard.cancel_import)
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
        self.status.setText(self.tr("Importing {0}…").format(self.owner.source_name()))
        self.cancel_button.setEnabled(True)

    def isComplete(self) -> bool:
        return self.owner.outcome is not None


class SummaryPage(QWizardPage):
    def __init__(self, wizard: ImportWizard) -> None:
        super().__init__(wizard)
        self.owner = wizard
        self.summary = QLabel(self)
        self.summary.setObjectName("importSummary")
        self.summary.setWordWrap(True)
        self.errors_label = QLabel(self)
        self.view = _table(self, "importErrors")
        self.view.setModel(wizard.error_model)
        self.view.horizontalHeader().setStretchLastSection(True)
        self.save_button = QPushButton(self)
        self.save_button.setObjectName("importSaveReport")
        self.save_button.clicked.connect(wizard.save_report)
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
        result = self.owner.outcome
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
        errors = self.owner.report_errors()
        self.owner.error_model.set_errors(errors)
        self.errors_label.setVisible(bool(errors))
        self.view.setVisible(bool(errors))
        self.view.resizeColumnsToContents()
        self.view.horizontalHeader().setStretchLastSection(True)


# -- the wizard -------------------------------------------------------------------------------


class ImportWizard(QWizard):
    """File ▸ Import…; ``imported`` is emitted with the result once it is written."""

    imported = Signal(object)  # ImportResult
    import_failed = Signal(str)

    def __init__(
        self,
        store: Store,
        stack: UndoStack,
        parent: QWidget | None = None,
        *,
        pool: Pool | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("importWizard")
        self.store = store
        self.stack = stack
        self.pool: Pool = pool or QThreadPool.globalInstance()
        self.path: Path | None = None
        self.table: sniff.CsvTable | None = None
        self.detected_mapping: Mapping | None = None
        self.plan: ImportPlan | None = None
        self.outcome: ImportResult | None = None
        self.worker: ImportWorker | None = None
        self._close_when_done = False
        self.mapping_model = MappingModel(self)
        self.preview_model = PreviewModel(store, self)
        self.error_model = ErrorModel(self)
        self.setWizardStyle(QWizard.WizardStyle.ClassicStyle)
        self.setOption(QWizard.WizardOption.NoBackButtonOnLastPage, True)
        self.setOption(QWizard.WizardOption.NoCancelButtonOnLastPage, True)
        self.file_page = FilePage(self)
        self.columns_page = ColumnsPage(self)
        self.preview_page = PreviewPage(self)
        self.progress_page = ProgressPage(self)
        self.summary_page = SummaryPage(self)
        for page_id, page in enumerate(
            (
                self.file_page,
                self.columns_page,
                self.preview_page,
                self.progress_page,
                self.summary_page,
            )
        ):
            self.setPage(page_id, page)
        # Started once the page is shown, so that the Back button can be held off.
        self.currentIdChanged.connect(self._page_shown)
        self.setWindowTitle(self.tr("Import"))
        self.resize(1000, 640)

    def _page_shown(self, page_id: int) -> None:
        if page_id == PROGRESS_PAGE and self.worker is None and self.outcome is None:
            self.start_import()

    # -- reading and planning ---------------------------------------------------------
    def load(self, path: Path) -> str:
        """Read ``path`` (and plan it unless it is a CSV); the refusal's message, or ""."""
        self.path, self.table, self.plan, self.detected_mapping = path, None, None, None
        QGuiApplication.setOverrideCursor(QCursor(Qt.CursorShape.WaitCursor))
        try:
            if path.suffix.casefold() in CSV_SUFFIXES:
                self.table = sniff.read_csv(path, known_header=is_known_header)
                self.detected_mapping = recognise(self.table.header)
                samples = self.table.rows[0][1] if self.table.rows else []
                self.mapping_model.load(self.table.header, samples, self.detected_mapping)
            else:
                self.plan = plan_source(self.store, load_source(path))
        except RelasiError as exc:
            return exc.message
        except OSError as exc:
            return self.tr("Cannot read {0}: {1}").format(path.name, exc.strerror or str(exc))
        finally:
            QGuiApplication.restoreOverrideCursor()
        return ""

    def plan_csv(self) -> str:
        """Plan the CSV with the mapping on the columns page; a problem's message, or ""."""
        assert self.path is not None
        mapping = self.mapping_model.mapping()
        known = self.detected_mapping
        if known is not None and known.kind == mapping.kind and known.columns == mapping.columns:
            mapping = known  # unchanged: keep the preset's name for the summary
        try:
            self.plan = plan_source(self.store, load_source(self.path, mapping))
        except RelasiError as exc:
            return exc.message
        except OSError as exc:
            return self.tr("Cannot read {0}: {1}").format(self.path.name, exc.strerror or "")
        return ""

    def source_name(self) -> str:
        return self.path.name if self.path else ""

    def detected_text(self) -> str:
        """What was detected about the file, in one line."""
        parts: list[str] = []
        if self.table is not None:
            parts.append(self.tr("Encoding: {0}").format(encoding_name(self.table.encoding)))
            parts.append(self.tr("Delimiter: {0}").format(delimiter_name(self.table.delimiter)))
            parts.append(
                self.tr("Header on line {0} ({1} columns)").format(
                    self.table.header_line, len(self.table.header)
                )
            )
            mapping = self.plan.mapping if self.plan is not None else self.detected_mapping
            if mapping is None:
                parts.append(self.tr("No known export recognised: map the columns by hand"))
            elif mapping.name == "manual":
                parts.append(self.tr("Mapping: your own"))
            else:
                parts.append(self.tr("Recognised: {0}").format(mapping.label))
        elif self.plan is not None:
            fmt = {
                "vcard": self.tr("vCard contacts"),
                "ics": self.tr("iCalendar invitations"),
                "eml": self.tr("E-mail message"),
                "msg": self.tr("Outlook message"),
            }.get(self.plan.source.format, self.plan.source.format)
            parts.append(self.tr("Format: {0}").format(fmt))
            if self.plan.source.encoding:
                parts.append(
                    self.tr("Encoding: {0}").format(encoding_name(self.plan.source.encoding))
                )
        return " · ".join(parts)

    # -- importing ----------------------------------------------------------------------
    def start_import(self) -> None:
        assert self.plan is not None
        self.outcome = None
        worker = ImportWorker(self.store, self.plan)
        worker.signals.progress.connect(self._progress)
        worker.signals.finished.connect(self._finished)
        worker.signals.failed.connect(self._failed)
        self.worker = worker
        self.button(QWizard.WizardButton.BackButton).setEnabled(False)
        self.pool.start(worker)

    def cancel_import(self) -> None:
        if self.worker is not None:
            self.worker.cancel.set()
            self.progress_page.cancel_button.setEnabled(False)
            self.progress_page.status.setText(self.tr("Cancelling…"))

    @Slot(int, int)
    def _progress(self, done: int, total: int) -> None:
        bar = self.progress_page.bar
        bar.setRange(0, max(total, 1))
        bar.setValue(done)

    @Slot(object)
    def _finished(self, result: ImportResult) -> None:
        self.worker = None
        self.outcome = result
        plan = self.plan
        if result.batch_id is not None and plan is not None:
            push_import(
                self.stack,
                self.store,
                plan.source_name,
                [Batch(result.batch_id, replanner(self.store, plan))],
            )
        self.imported.emit(result)
        if self._close_when_done:
            self.done(QWizard.DialogCode.Accepted)
            return
        self.progress_page.completeChanged.emit()
        self.next()

    @Slot(object)
    def _failed(self, error: RelasiError) -> None:
        self.worker = None
        page = self.progress_page
        page.bar.setRange(0, 1)
        page.bar.setValue(0)
        page.cancel_button.setEnabled(False)
        if isinstance(error, ImportCancelledError):
            page.status.setText(self.tr("Cancelled: nothing was imported."))
        else:
            page.status.setText(self.tr("Nothing was imported: {0}").format(error.message))
        self.button(QWizard.WizardButton.BackButton).setEnabled(True)
        self.import_failed.emit(error.message)
        if self._close_when_done:
            self.done(QWizard.DialogCode.Rejected)

    def reject(self) -> None:
        """Cancel while importing: roll the import back, then close."""
        if self.worker is not None:
            self._close_when_done = True
            self.cancel_import()
            return
        super().reject()

    # -- report -------------------------------------------------------------------------
    def report_errors(self) -> list[RowError]:
        """The rows not imported (row, column, why), then problems met while writing."""
        plan, result = self.plan, self.outcome
        errors = list(plan.errors) if plan is not None else []
        if result is not None:
            errors += [RowError(0, "", text) for text in result.errors[len(errors) :]]
        return errors

    def report_text(self) -> str:
        result = self.outcome
        lines = [self.tr("Import of {0}").format(self.source_name())]
        if result is not None:
            lines.append(
                self.tr("Created {0}, updated {1}, skipped {2}.").format(
                    result.created, result.updated, result.skipped + result.unchanged
                )
            )
        errors = self.report_errors()
        if errors:
            lines.append("")
            lines.append(self.tr("Not imported:"))
            lines += [str(e) for e in errors]
        return "\n".join(lines) + "\n"

    def save_report(self) -> Path | None:
        stem = Path(self.source_name()).stem or "import"
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
                [e.row or "", e.column, e.reason] for e in self.report_errors()
            ]
            data = csv_bytes((self.tr("Row"), self.tr("Column"), self.tr("Why")), rows)
        else:
            data = self.report_text().encode("utf-8")
        try:
            write_private(path, data)
        except OSError as exc:
            self.summary_page.saved.setText(
                self.tr("Cannot save {0}: {1}").format(path.name, exc.strerror or "")
            )
            return None
        self.summary_page.saved.setText(self.tr("Report saved to {0}").format(path.name))
        return path
