"""The import wizard: its pages in order, and the import on a worker thread, pushed
on the window's undo stack once it is written."""

from __future__ import annotations

from PySide6.QtCore import QThreadPool, Signal, Slot
from PySide6.QtWidgets import QWidget, QWizard

from models.errors import ImportCancelledError, RelasiError
from models.operations import Operation
from models.store import Store
from models.transfer.plan import ImportPlan, ImportResult
from ui.commands import UndoStack
from ui.import_commands import Batch, push_import
from ui.import_wizard.columns_page import ColumnsPage
from ui.import_wizard.file_page import FilePage
from ui.import_wizard.pages import PROGRESS_PAGE
from ui.import_wizard.preview_page import PreviewPage
from ui.import_wizard.progress_page import ProgressPage
from ui.import_wizard.session import ImportSession
from ui.import_wizard.summary_page import SummaryPage
from ui.import_wizard.worker import ImportWorker, Pool


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
        self.session = ImportSession(store, self)
        self.mapping_model = self.session.mapping_model
        self.preview_model = self.session.preview_model
        self.error_model = self.session.error_model
        self.worker: ImportWorker | None = None
        self._close_when_done = False
        self.setWizardStyle(QWizard.WizardStyle.ClassicStyle)
        self.setOption(QWizard.WizardOption.NoBackButtonOnLastPage, True)
        self.setOption(QWizard.WizardOption.NoCancelButtonOnLastPage, True)
        self.file_page = FilePage(self.session, self)
        self.columns_page = ColumnsPage(self.session, self)
        self.preview_page = PreviewPage(self.session, self)
        self.progress_page = ProgressPage(self.session, self)
        self.summary_page = SummaryPage(self.session, self)
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
        self.progress_page.cancel_button.clicked.connect(self.cancel_import)
        # Started once the page is shown, so that the Back button can be held off.
        self.currentIdChanged.connect(self._page_shown)
        self.setWindowTitle(self.tr("Import"))
        self.resize(1000, 640)

    @property
    def plan(self) -> ImportPlan | None:
        return self.session.plan

    @property
    def outcome(self) -> ImportResult | None:
        return self.session.outcome

    def _page_shown(self, page_id: int) -> None:
        if page_id == PROGRESS_PAGE and self.worker is None and self.outcome is None:
            self.start_import()

    # -- importing ----------------------------------------------------------------------
    def start_import(self) -> None:
        assert self.plan is not None
        self.session.outcome = None
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
    def _finished(self, operation: Operation[ImportResult]) -> None:
        self.worker = None
        result = self.session.outcome = operation.result
        if self.plan is not None:
            push_import(self.stack, self.store, self.plan.source_name, [Batch(operation)])
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
