"""The search panel's rows: a heading per kind, and each hit as its title, its client and
the text around the words found, those words highlighted (no brackets, no widget per row).
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QPointF, QRect, QSize, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPalette, QTextCharFormat, QTextLayout
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem, QWidget

from ui import colours
from ui.display import visible

Index = QModelIndex | QPersistentModelIndex
#: The role that carries a row's SearchHit (a kind heading carries its label as text).
HIT_ROLE = Qt.ItemDataRole.UserRole + 1


def one_line(text: str) -> str:
    """The text on one line, of the same length (so highlight spans still fit)."""
    return "".join(" " if ch < " " or ch in "\u2028\u2029\x7f" else ch for ch in text)


def highlight_colour(palette: QPalette) -> QColor:
    colour = QColor(colours.warning(palette))
    colour.setAlphaF(0.35)
    return colour


class SearchHitDelegate(QStyledItemDelegate):
    """Paints kind headings and hits (title — client, then the highlighted snippet)."""

    PAD = 6

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:
        line = option.fontMetrics.height()
        if index.data(HIT_ROLE) is None:
            return QSize(200, line + self.PAD * 2)
        return QSize(200, line * 2 + self.PAD * 3)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        hit = index.data(HIT_ROLE)
        rect: QRect = option.rect
        palette: QPalette = option.palette
        font = QFont(option.font)
        painter.save()
        painter.setClipRect(rect)
        if hit is None:
            self._paint_heading(painter, rect, palette, font, str(index.data()))
            painter.restore()
            return
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        if selected:
            painter.fillRect(rect, palette.highlight())
        text_role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        line = option.fontMetrics.height()
        x, width = rect.x() + self.PAD * 2, rect.width() - self.PAD * 3
        pen, mark = palette.color(text_role), highlight_colour(palette)
        bold = QFont(font)
        bold.setBold(True)
        title = visible(one_line(index.data() or ""))
        spans = hit.title_spans if title == one_line(hit.title) else ()
        used = self._paint_marked(
            painter, title, spans, bold, pen, mark, QPointF(x, rect.y() + self.PAD), width
        )
        if hit.client and hit.kind != "account" and used < width:
            painter.setFont(font)
            painter.setPen(pen if selected else colours.muted(palette))
            client = painter.fontMetrics().elidedText(
                f"  ·  {visible(one_line(hit.client))}",
                Qt.TextElideMode.ElideRight,
                int(width - used),
            )
            painter.drawText(
                QRect(int(x + used), rect.y() + self.PAD, int(width - used), line),
                Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                client,
            )
        if hit.snippet:
            at = QPointF(x, rect.y() + self.PAD * 2 + line)
            self._paint_marked(
                painter, one_line(hit.snippet), hit.spans, font, pen, mark, at, width, follow=True
            )
        painter.restore()

    def _paint_heading(
        self, painter: QPainter, rect: QRect, palette: QPalette, font: QFont, label: str
    ) -> None:
        font.setBold(True)
        font.setPointSizeF(max(6.0, font.pointSizeF() * 0.9))
        painter.setFont(font)
        painter.setPen(colours.muted(palette))
        painter.drawText(
            rect.adjusted(self.PAD, 0, -self.PAD, 0),
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
            label,
        )

    @staticmethod
    def _paint_marked(
        painter: QPainter,
        text: str,
        spans: tuple[tuple[int, int], ...],
        font: QFont,
        pen: QColor,
        mark: QColor,
        at: QPointF,
        width: int,
        *,
        follow: bool = False,
    ) -> float:
        """``text`` on one line, its ``spans`` bold on a highlight (QTextLayout formats);
        returns the width painted. ``follow``: start before the first span if it would
        be out of view."""
        layout = QTextLayout(text, font)
        ranges = []
        for start, length in spans:
            fmt = QTextCharFormat()
            fmt.setBackground(mark)
            fmt.setFontWeight(QFont.Weight.Bold)
            r = QTextLayout.FormatRange()
            r.start, r.length, r.format = start, length, fmt
            ranges.append(r)
        layout.setFormats(ranges)
        layout.beginLayout()
        line = layout.createLine()
        if not line.isValid():
            layout.endLayout()
            return 0.0
        line.setLineWidth(10**6)  # one line; the row clips what does not fit
        line.setPosition(QPointF(0, 0))
        layout.endLayout()
        painter.setPen(pen)
        if follow and spans:
            x: Any = line.cursorToX(spans[0][0])  # (x, position) in PySide6
            first_x = float(x[0] if isinstance(x, tuple) else x)
            if first_x > width * 0.8:
                at = QPointF(at.x() - (first_x - width / 3), at.y())
        layout.draw(painter, at)
        return min(float(line.naturalTextWidth()), float(width))
