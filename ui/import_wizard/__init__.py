"""File ▸ Import…: a wizard from a file to an undoable import batch.

Pages: the file (a refused file shows its one-line reason); for a CSV, what was
detected (encoding, delimiter, header row, the recognised preset) and the column
mapping, which can be saved to and loaded from a JSON file; the preview of every row
as it will be imported, with a decision per row; the import itself, which runs
:func:`import_operation` on a worker thread (progress and Cancel; cancelling rolls the one
transaction back); and a summary with the counts and the rows that were not imported,
which can be saved as a report. The applied import is pushed on the window's undo
stack (:mod:`ui.import_commands`).

Reading and planning the file run on the GUI thread (with a busy cursor); only the
write, which is the long part, runs on the worker.

One module per page (``file_page``, ``columns_page``, ``preview_page``,
``progress_page``, ``summary_page``); what they share about the file being imported
is an :class:`~ui.import_wizard.session.ImportSession`; the worker is in ``worker``
and the wizard that strings them together in ``wizard``.
"""

from __future__ import annotations

from ui.import_wizard.pages import (
    COLUMNS_PAGE,
    FILE_PAGE,
    PREVIEW_PAGE,
    PROGRESS_PAGE,
    SUMMARY_PAGE,
)
from ui.import_wizard.session import ImportSession
from ui.import_wizard.wizard import ImportWizard
from ui.import_wizard.worker import ImportWorker, Pool

__all__ = [
    "COLUMNS_PAGE",
    "FILE_PAGE",
    "PREVIEW_PAGE",
    "PROGRESS_PAGE",
    "SUMMARY_PAGE",
    "ImportSession",
    "ImportWizard",
    "ImportWorker",
    "Pool",
]
