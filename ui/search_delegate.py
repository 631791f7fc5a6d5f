"""The search panel's rows: a heading per kind, and each hit as its title, its client and
the text around the words found, those words highlighted (no brackets, no widget per row).
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QPointF, QRect, QSize, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPalette, QTextCharFormat, QTextLayout
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem, QWidget

from models.rows import SearchHit
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
        bold = QFont(font)
        bold.setBold(True)
        painter.setFont(bold)
        painter.setPen(palette.color(text_role))
        top = QRect(x, rect.y() + self.PAD, width, line)
        title = visible(one_line(index.data() or ""))
        metrics = painter.fontMetrics()
        title = metrics.elidedText(title, Qt.TextElideMode.ElideRight, width)
        painter.drawText(top, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, title)
        if hit.client and hit.kind != "account":
            used = metrics.horizontalAdvance(title)
            painter.setFont(font)
            painter.setPen(palette.color(text_role) if selected else colours.muted(palette))
            client = painter.fontMetrics().elidedText(
                f"  ·  {visible(one_line(hit.client))}", Qt.TextElideMode.ElideRight, width - used
            )
            painter.drawText(
                top.adjusted(used, 0, 0, 0),
                Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
                client,
            )
        self._paint_snippet(
            painter, hit, font, palette.color(text_role), highlight_colour(palette),
            QPointF(x, rect.y() + self.PAD * 2 + line), width,
        )  # fmt: skip
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
    def _paint_snippet(
        painter: QPainter,
        hit: SearchHit,
        font: QFont,
        pen: QColor,
        mark: QColor,
        at: QPointF,
        width: int,
    ) -> None:
        """The snippet on one line, the matched words on a highlight (QTextLayout formats)."""
        layout = QTextLayout(one_line(hit.snippet), font)
        ranges = []
        for start, length in hit.spans:
            fmt = QTextCharFormat()
            fmt.setBackground(mark)
            fmt.setFontWeight(QFont.Weight.Bold)
            r = QTextLayout.FormatRange()
            r.start, r.length, r.format = start, length, fmt
            ranges.append(r)
        layout.setFormats(ranges)
        layout.beginLayout()
        line = layout.createLine()
        if line.isValid():
            line.setLineWidth(10**6)  # one line; the row clips what does not fit
            line.setPosition(QPointF(0, 0))
        layout.endLayout()
        painter.setPen(pen)
        if hit.spans and line.isValid():
            # Start the line a little before the first match, so it is always in view.
            x: Any = line.cursorToX(hit.spans[0][0])  # (x, position) in PySide6
            first_x = float(x[0] if isinstance(x, tuple) else x)
            shift = max(0.0, first_x - width / 3) if first_x > width * 0.8 else 0.0
            at = QPointF(at.x() - shift, at.y())
        layout.draw(painter, at)
