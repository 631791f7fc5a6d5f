"""Where a proposal's PDF goes: attached to its deal as a document, as one undoable step
on the window's undo stack (undo moves the document to Trash, redo puts it back).

The one place that knows the documents service: the dialog calls ``save_proposal``.
"""

from __future__ import annotations

import re
from datetime import date

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QUndoStack

from models.services import documents
from models.store import Store, UnitOfWork
from ui.commands import create_one, perform

PDF = "application/pdf"
_UNSAFE = re.compile(r'[\x00-\x1f\x7f/\\:*?"<>|]+')


def file_name(deal_title: str, day: date) -> str:
    """'Proposal – ERP rollout – 2026-11-30.pdf' (no characters a file system refuses)."""
    label = QCoreApplication.translate("Proposal", "Proposal")
    title = " ".join(_UNSAFE.sub(" ", deal_title).split())[:120] or "-"
    return f"{label} – {title} – {day.isoformat()}.pdf"


def save_proposal(
    store: Store,
    stack: QUndoStack,
    *,
    name: str,
    data: bytes,
    account_id: str,
    deal_id: str,
) -> str:
    """Attach ``data`` (a PDF) to the deal; returns the document's id.

    Raises RelasiError when it is refused (too large, the deal gone): nothing is kept."""

    def work(uow: UnitOfWork) -> str:
        return documents.attach(
            uow, name=name, data=data, account_id=account_id, deal_id=deal_id, mime=PDF
        )

    text = QCoreApplication.translate("Proposal", "Attach proposal “{0}”").format(name)
    command = create_one(store, text, "document", work)
    perform(stack, command)
    return str(command.result)
