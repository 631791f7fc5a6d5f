"""A proposal's Markdown as HTML (Qt's own Markdown reader, GitHub dialect, HTML in the
text switched off so an edited proposal cannot pull in images or links to files) and
as an A4 PDF in memory, through the reports' PDF writer (ui/reports/pdf.py)."""

from __future__ import annotations

from PySide6.QtGui import QTextDocument

from ui.reports.pdf import pdf_bytes

_FEATURES = (
    QTextDocument.MarkdownFeature.MarkdownDialectGitHub
    | QTextDocument.MarkdownFeature.MarkdownNoHTML
)

#: Qt's Markdown HTML, made to read as a letter: headings in points (not "xx-large"),
#: space above sections, tables across the page with room in their cells.
_TOUCHES = (
    ("font-size:xx-large;", "font-size:17pt;"),
    ("font-size:x-large;", "font-size:12.5pt;"),
    # Lengths are CSS pixels (1/96 inch), scaled to the writer's resolution.
    ('<h2 style=" margin-top:0px;', '<h2 style=" margin-top:12px;'),
    ('cellpadding="4">', 'cellpadding="5" width="100%">'),
)


def markdown_document(text: str) -> QTextDocument:
    doc = QTextDocument()
    doc.setMarkdown(text, _FEATURES)
    return doc


def proposal_html(text: str) -> str:
    """The Markdown ``text`` as HTML for the PDF writer."""
    html = markdown_document(text).toHtml()
    for old, new in _TOUCHES:
        html = html.replace(old, new)
    return html


def proposal_pdf(text: str, title: str) -> bytes:
    """The Markdown ``text`` as an A4 PDF with ``title`` in every page's footer."""
    return pdf_bytes(proposal_html(text), title)
