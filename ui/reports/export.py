"""One call from a client to a PDF file: what the menu action and the command share."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication

from models.errors import NotFoundError
from models.queries.review import account_review
from models.store import Store
from ui.display import visible
from ui.reports.html import brief_html, review_html
from ui.reports.pdf import write_pdf


def export_report(store: Store, account_id: str, path: Path, *, brief: bool = False) -> int:
    """Write the client's account review (or meeting brief) to ``path``; the page count."""
    review = account_review(store, account_id)
    if review is None:
        raise NotFoundError("that client no longer exists")
    name = visible(review.detail.name)
    if brief:
        title = QCoreApplication.translate("Report", "Meeting brief: {0}").format(name)
        return write_pdf(brief_html(review), path, title, one_page=True)
    title = QCoreApplication.translate("Report", "Account review: {0}").format(name)
    return write_pdf(review_html(review), path, title)
