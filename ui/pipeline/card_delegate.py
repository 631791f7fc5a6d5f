"""Paints a deal card on the board: title, client, amount and expected close, days in
stage (and the competitor a lost deal went to), with a mark when the deal is rotting
(untouched longer than its stage allows). One delegate for every card; no widget per
card."""

from __future__ import annotations

from babel.dates import format_skeleton
from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, QRectF, QSize, Qt
from PySide6.QtGui import QFont, QPainter, QPalette, QPen
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem, QWidget

from models.queries.deals import DealCard
from ui import colours, formatting
from ui.display import visible
from ui.pipeline.column_model import StageColumnModel

Index = QModelIndex | QPersistentModelIndex


class CardDelegate(QStyledItemDelegate):
    PAD = 8
    GAP = 4

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:
        line = option.fontMetrics.height()
        return QSize(160, 4 * line + 2 * self.PAD + 3 * self.GAP + 4)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        card = index.data(StageColumnModel.CardRole)
        if not isinstance(card, DealCard):
            return
        model = index.model()
        rotting = isinstance(model, StageColumnModel) and model.rotting(card)
        now = model.now if isinstance(model, StageColumnModel) else card.updated_at
        palette = option.palette
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        painter.save()
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        box = QRectF(option.rect.adjusted(2, self.GAP // 2, -2, -self.GAP // 2))
        fill = (
            colours.selected_tint(palette) if selected else palette.color(QPalette.ColorRole.Base)
        )
        border = colours.error(palette) if rotting else palette.color(QPalette.ColorRole.Mid)
        painter.setPen(QPen(border, 2 if rotting or selected else 1))
        if selected and not rotting:
            painter.setPen(QPen(palette.color(QPalette.ColorRole.Highlight), 2))
        painter.setBrush(fill)
        painter.drawRoundedRect(box, 6, 6)
        if option.state & QStyle.StateFlag.State_HasFocus:
            painter.setPen(
                QPen(palette.color(QPalette.ColorRole.Highlight), 1, Qt.PenStyle.DotLine)
            )
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRoundedRect(box.adjusted(3, 3, -3, -3), 4, 4)
        inner = box.toRect().adjusted(self.PAD, self.PAD - 2, -self.PAD, -self.PAD + 2)
        metrics = option.fontMetrics
        line = metrics.height()
        text = palette.color(QPalette.ColorRole.Text)
        muted = colours.muted(palette)
        bold = QFont(option.font)
        bold.setBold(True)
        painter.setFont(bold)
        painter.setPen(text)
        row1 = QRect(inner.left(), inner.top(), inner.width(), line)
        painter.drawText(
            row1,
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
            painter.fontMetrics().elidedText(
                visible(card.title), Qt.TextElideMode.ElideRight, row1.width()
            ),
        )
        row2 = QRect(inner.left(), row1.bottom() + self.GAP, inner.width(), line)
        painter.setFont(option.font)
        painter.drawText(
            row2,
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
            metrics.elidedText(
                f"{visible(card.account_name)} · {card.tier}",
                Qt.TextElideMode.ElideRight,
                row2.width(),
            ),
        )
        row3 = QRect(inner.left(), row2.bottom() + self.GAP, inner.width(), line)
        painter.setFont(bold)
        amount = formatting.money(card.amount_minor, card.currency)
        amount_w = painter.fontMetrics().horizontalAdvance(amount)
        painter.drawText(row3, Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter, amount)
        painter.setFont(option.font)
        painter.setPen(muted)
        if card.expected_close is not None:
            close = format_skeleton("MMMd", card.expected_close, locale=formatting.locale_name())
            row3.setLeft(row3.left() + amount_w + 6)
            painter.drawText(
                row3,
                Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                metrics.elidedText(close, Qt.TextElideMode.ElideRight, row3.width()),
            )
        row4 = QRect(inner.left(), row3.bottom() + self.GAP, inner.width(), line)
        parts = [self.tr("{0} d in stage").format(card.days_in_stage(now))]
        if card.lost_to:
            parts.append(self.tr("→ {0}").format(visible(card.lost_to)))
        if card.documents:  # the names are in the card's tooltip
            parts.append(self.tr("{0} docs").format(len(card.documents)))
        if rotting:
            mark = self.tr("rotting")
            mark_w = metrics.horizontalAdvance(mark)
            painter.setPen(colours.error(palette))
            painter.drawText(
                QRect(row4.right() - mark_w, row4.top(), mark_w, line),
                Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter,
                mark,
            )
            row4.setRight(row4.right() - mark_w - 6)
        painter.setPen(muted)
        painter.drawText(
            row4,
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter,
            metrics.elidedText(" · ".join(parts), Qt.TextElideMode.ElideRight, row4.width()),
        )
        painter.restore()
