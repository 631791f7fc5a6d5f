"""File ▸ Export account review… and Export meeting brief…: the selected client's PDF,
to a file the user picks."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, QStandardPaths, Qt
from PySide6.QtGui import QCursor, QGuiApplication
from PySide6.QtWidgets import QFileDialog, QMessageBox

from models.errors import RelasiError
from models.queries import clients as client_queries
from ui.display import visible
from ui.window_host import WindowHost

_UNSAFE = '<>:"/\\|?*'


def _file_name(name: str, suffix: str) -> str:
    """A file name from a client's name: no path separators or characters Windows refuses."""
    clean = "".join("_" if c in _UNSAFE or ord(c) < 32 else c for c in visible(name)).strip(" .")
    return f"{clean[:80] or 'client'} - {suffix}.pdf"


class ReportActions(QObject):
    def __init__(self, host: WindowHost) -> None:
        super().__init__(host.window())
        self.host = host

    def export_review(self) -> None:
        self._export(brief=False)

    def export_brief(self) -> None:
        self._export(brief=True)

    def _export(self, *, brief: bool) -> None:
        host = self.host
        account_id = host.current_client
        detail = client_queries.account_detail(host.store, account_id) if account_id else None
        if detail is None:
            host.notify(self.tr("Select a client first."))
            return
        suffix = self.tr("meeting brief") if brief else self.tr("account review")
        folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
        start = str(Path(folder) / _file_name(detail.name, suffix))
        path, _ = QFileDialog.getSaveFileName(
            host.window(),
            self.tr("Export meeting brief") if brief else self.tr("Export account review"),
            start,
            self.tr("PDF files (*.pdf)"),
        )
        if not path:
            return
        if not path.lower().endswith(".pdf"):
            path += ".pdf"
        QGuiApplication.setOverrideCursor(QCursor(Qt.CursorShape.WaitCursor))
        try:
            from ui.reports.export import export_report  # on first use: a sooner start

            pages = export_report(host.store, account_id, Path(path), brief=brief)
        except RelasiError as exc:
            QMessageBox.warning(host.window(), self.tr("Export"), exc.message)
            return
        finally:
            QGuiApplication.restoreOverrideCursor()
        host.notify(self.tr("Saved {0} ({1} pages)").format(path, pages))
