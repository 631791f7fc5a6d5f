"""Writes HTML to a PDF with Qt's own writer (QPdfWriter + QTextDocument): A4 with
margins, the text laid out for the writer's resolution, and a footer on every page
with the document's title and "Page n of N".

The file is written next to its target and renamed over it when complete, so a failed
export never leaves half a PDF under the chosen name.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

from PySide6.QtCore import QBuffer, QCoreApplication, QIODevice, QMarginsF, QRectF, QSizeF, Qt
from PySide6.QtGui import (
    QFont,
    QPageLayout,
    QPageSize,
    QPainter,
    QPdfWriter,
    QTextDocument,
)

from models.errors import RelasiError

RESOLUTION = 300
MARGINS_MM = QMarginsF(18, 16, 18, 14)


class ReportError(RelasiError):
    code = "report"


def _document(
    html: str, writer: QPdfWriter, width: float, height: float, scale: float
) -> QTextDocument:
    doc = QTextDocument()
    doc.documentLayout().setPaintDevice(writer)  # points measured at the PDF's resolution
    font = QFont("Sans Serif")
    font.setPointSizeF(9.5 * scale)
    doc.setDefaultFont(font)
    doc.setDocumentMargin(0)
    doc.setPageSize(QSizeF(width, height))
    doc.setHtml(_scaled(html, scale))
    return doc


def _scaled(html: str, scale: float) -> str:
    """The style sheet's point sizes times ``scale`` (to fit a brief on one page)."""
    if scale == 1.0:
        return html
    return re.sub(
        r"font-size: ([0-9.]+)pt",
        lambda m: f"font-size: {float(m.group(1)) * scale:.2f}pt",
        html,
    )


def write_pdf(html: str, path: Path, title: str, *, one_page: bool = False) -> int:
    """Write ``html`` as an A4 PDF at ``path``; returns the number of pages.

    ``one_page``: shrink the text (down to 70 %) until it fits on one page; what still
    does not fit is left out."""
    path = Path(path)
    if path.is_dir():
        raise ReportError(f"{path} is a folder; name a file to write the PDF to")
    if not path.parent.is_dir():
        raise ReportError(f"the folder {path.parent} does not exist")
    partial = path.with_name(f".{path.name}.partial")
    try:
        pages = _write(str(partial), html, title, one_page=one_page)
    except ReportError:
        partial.unlink(missing_ok=True)
        raise ReportError(f"cannot write {path}") from None
    try:
        os.replace(partial, path)
    except OSError as exc:
        partial.unlink(missing_ok=True)
        raise ReportError(f"cannot write {path}: {exc.strerror}") from None
    return pages


def pdf_bytes(html: str, title: str) -> bytes:
    """``html`` as an A4 PDF in memory (nothing written to disk: a proposal attached to a
    deal is stored encrypted, never as a plain file)."""
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    _write(buffer, html, title, one_page=False)
    return bytes(buffer.data().data())


def _write(target: str | QIODevice, html: str, title: str, *, one_page: bool) -> int:
    """Paint ``html`` into a PDF writer on ``target`` (a file name or a device)."""
    writer = QPdfWriter(target)
    writer.setResolution(RESOLUTION)
    writer.setPageLayout(
        QPageLayout(
            QPageSize(QPageSize.PageSizeId.A4),
            QPageLayout.Orientation.Portrait,
            MARGINS_MM,
            QPageLayout.Unit.Millimeter,
        )
    )
    writer.setTitle(title)
    writer.setCreator("Relasi")
    painter = QPainter()
    if not painter.begin(writer):
        raise ReportError("cannot start the PDF writer")
    try:
        return _paint(painter, writer, html, title, one_page=one_page)
    finally:
        painter.end()


def _paint(painter: QPainter, writer: QPdfWriter, html: str, title: str, *, one_page: bool) -> int:
    width, height = float(writer.width()), float(writer.height())
    footer_font = QFont("Sans Serif")
    footer_font.setPointSizeF(7.5)
    painter.setFont(footer_font)
    footer = painter.fontMetrics().height() * 2.0
    body = height - footer
    scale = 1.0
    doc = _document(html, writer, width, body, scale)
    while one_page and doc.pageCount() > 1 and scale > 0.7:
        scale = round(scale - 0.05, 2)
        doc = _document(html, writer, width, body, scale)
    pages = 1 if one_page else doc.pageCount()
    for page in range(pages):
        if page:
            writer.newPage()
        painter.save()
        painter.translate(0, -page * body)
        doc.drawContents(painter, QRectF(0, page * body, width, body))
        painter.restore()
        painter.setFont(footer_font)
        painter.setPen(Qt.GlobalColor.darkGray)
        line = QRectF(0, height - footer * 0.6, width, footer * 0.6)
        painter.drawText(line, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, title)
        number = QCoreApplication.translate("Report", "Page {0} of {1}").format(page + 1, pages)
        painter.drawText(line, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter, number)
    return pages
