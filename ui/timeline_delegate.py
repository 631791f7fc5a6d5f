"""Paints the timeline: day headers and entries (kind icon and colour, time, contacts,
subject, Markdown body) without a widget per row."""

from __future__ import annotations

from PySide6.QtCore import (
    QRect,
    QSize,
    Qt,
)
from PySide6.QtGui import QFont, QPainter, QPalette, QTextDocument
from PySide6.QtWidgets import (
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QWidget,
)

from models.rows import InteractionRow
from ui import colours, formatting
from ui.display import visible
from ui.icons import kind_icon
from ui.labels import kind_label
from ui.timeline_model import DayHeader, Index, TimelineModel


def title_and_body(subject: str, body: str) -> tuple[str, str]:
    """What an entry shows as its title and text, so a subject is never shown twice.

    A quick note's body is the note as written and its subject is its start: the
    body is shown without that start; a subject cut short ("…") that the body begins
    with is not shown as the title (the body has it in full)."""
    text = body.lstrip()
    if subject and text.startswith(subject):
        return subject, text[len(subject) :].lstrip(" \t").lstrip("\n")
    short = subject.removesuffix("…").rstrip()
    if subject.endswith("…") and short and text.startswith(short):
        return "", body
    return subject, body


class TimelineDelegate(QStyledItemDelegate):
    """Paints day headers and entries (kind icon, time, contacts, subject, Markdown body)."""

    PAD = 8
    ICON = 20

    #: Text layouts kept (the rows on screen need theirs to paint); the oldest go first.
    DOCS = 400
    #: Row heights kept: a client's page measured once is not laid out again when it
    #: comes back (selected again, scrolled, the window repainted).
    HEIGHTS = 20_000

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._docs: dict[tuple[str, str, int], QTextDocument] = {}
        self._heights: dict[tuple[InteractionRow, int, str], int] = {}

    def _doc(self, row: InteractionRow, width: int, font: QFont) -> QTextDocument:
        body = title_and_body(row.subject, row.body)[1]
        key = (row.id, body, width)
        doc = self._docs.get(key)
        if doc is None:
            if len(self._docs) >= self.DOCS:
                del self._docs[next(iter(self._docs))]
            doc = QTextDocument()
            doc.setDefaultFont(font)
            doc.setDocumentMargin(0)
            if row.body_format == "markdown":
                doc.setMarkdown(body)
            else:
                doc.setPlainText(body)
            doc.setTextWidth(max(50, width))
            self._docs[key] = doc
        return doc

    def _text_width(self, option: QStyleOptionViewItem) -> int:
        return option.rect.width() - self.ICON - 3 * self.PAD

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:
        item = index.data(TimelineModel.EntryRole)
        metrics = option.fontMetrics
        if isinstance(item, DayHeader):
            return QSize(option.rect.width(), metrics.height() + 2 * self.PAD + 4)
        assert isinstance(item, InteractionRow)
        width = self._text_width(option)
        key = (item, width, option.font.key())
        height = self._heights.get(key)
        if height is None:
            height = 2 * metrics.height() + 3 * self.PAD
            if title_and_body(item.subject, item.body)[1].strip():
                height += int(self._doc(item, width, option.font).size().height()) + self.PAD // 2
            if len(self._heights) >= self.HEIGHTS:
                self._heights.clear()
            self._heights[key] = height
        return QSize(option.rect.width(), height)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        item = index.data(TimelineModel.EntryRole)
        palette = option.palette
        painter.save()
        rect: QRect = option.rect
        metrics = option.fontMetrics
        if isinstance(item, DayHeader):
            font = QFont(option.font)
            font.setBold(True)
            painter.setFont(font)
            painter.setPen(palette.color(QPalette.ColorRole.PlaceholderText))
            text_rect = rect.adjusted(self.PAD, self.PAD + 4, -self.PAD, 0)
            painter.drawText(text_rect, Qt.AlignmentFlag.AlignLeft, formatting.day(item.day))
            y = rect.bottom() - 2
            painter.setPen(palette.color(QPalette.ColorRole.Midlight))
            painter.drawLine(rect.left() + self.PAD, y, rect.right() - self.PAD, y)
            painter.restore()
            return
        assert isinstance(item, InteractionRow)
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        if selected:
            painter.fillRect(rect, palette.color(QPalette.ColorRole.Highlight))
        elif option.state & QStyle.StateFlag.State_MouseOver:
            painter.fillRect(rect, palette.color(QPalette.ColorRole.AlternateBase))
        text_colour = palette.color(
            QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        )
        accent = colours.kind(item.kind, palette)
        painter.fillRect(QRect(rect.left(), rect.top() + 4, 3, rect.height() - 8), accent)
        icon_rect = QRect(rect.left() + self.PAD, rect.top() + self.PAD, self.ICON, self.ICON)
        kind_icon(item.kind).paint(painter, icon_rect)
        x = icon_rect.right() + self.PAD
        width = self._text_width(option)
        y = rect.top() + self.PAD
        bold = QFont(option.font)
        bold.setBold(True)
        painter.setFont(bold)
        painter.setPen(text_colour)
        title = visible(title_and_body(item.subject, item.body)[0]) or kind_label(item.kind)
        when = formatting.time_of_day(item.occurred_at)
        painter.drawText(
            QRect(x, y, width, metrics.height()),
            Qt.AlignmentFlag.AlignLeft,
            metrics.elidedText(f"{when}  ·  {title}", Qt.TextElideMode.ElideRight, width),
        )
        y += metrics.height() + 2
        painter.setFont(option.font)
        muted = palette.color(
            QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.PlaceholderText
        )
        painter.setPen(muted)
        details = [kind_label(item.kind)]
        if item.contact_names:
            details.append(", ".join(visible(n) for n in item.contact_names))
        if item.location:
            details.append(item.location)
        if item.duration_minutes:
            details.append(self.tr("{0} min").format(item.duration_minutes))
        if item.gift_value_minor is not None and item.gift_currency:
            details.append(formatting.money(item.gift_value_minor, item.gift_currency))
        painter.drawText(
            QRect(x, y, width, metrics.height()),
            Qt.AlignmentFlag.AlignLeft,
            metrics.elidedText("  ·  ".join(details), Qt.TextElideMode.ElideRight, width),
        )
        y += metrics.height() + self.PAD // 2
        if title_and_body(item.subject, item.body)[1].strip():
            doc = self._doc(item, width, option.font)
            painter.translate(x, y)
            if selected:
                doc = doc.clone()
                doc.setDefaultStyleSheet(f"* {{ color: {text_colour.name()}; }}")
            doc.drawContents(painter)
        painter.restore()
