"""Paints a follow-up of the pane in two lines when every client's are listed: the
title, then the client's name (smaller, muted), each elided at the right."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, QSize, Qt
from PySide6.QtGui import QFont, QFontMetrics, QPainter, QPalette
from PySide6.QtWidgets import (
    QApplication,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QWidget,
)

from ui import colours

Index = QModelIndex | QPersistentModelIndex
#: The client's name (as shown) under a follow-up's title; unset when one client's are.
ClientRole = Qt.ItemDataRole.UserRole + 5


def _small(font: QFont) -> QFont:
    small = QFont(font)
    small.setBold(False)
    small.setStrikeOut(False)
    small.setPointSizeF(max(6.0, font.pointSizeF() * 0.9))
    return small


class FollowUpDelegate(QStyledItemDelegate):
    """The title column: the title, and under it the client when there is one."""

    PAD = 3

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        #: Sizes by what they depend on (the text only widens the title column, which
        #: stretches): the view asks again for every row in view on each layout.
        self._sizes: dict[tuple[object, ...], QSize] = {}

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:
        client = bool(index.data(ClientRole))
        font = index.data(Qt.ItemDataRole.FontRole)
        widget = option.widget
        key = (
            option.font.key(),
            font.key() if isinstance(font, QFont) else "",
            index.data(Qt.ItemDataRole.DecorationRole) is not None,
            index.data(Qt.ItemDataRole.CheckStateRole) is not None,
            client,
            id(widget.style()) if widget is not None else 0,
        )
        if (cached := self._sizes.get(key)) is not None:
            return QSize(cached)
        size = super().sizeHint(option, index)
        if client:
            lines = QFontMetrics(option.font).height() + QFontMetrics(_small(option.font)).height()
            size.setHeight(max(size.height(), lines + 2 * self.PAD))
        self._sizes[key] = QSize(size)
        return size

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        client = index.data(ClientRole)
        if not client:
            super().paint(painter, option, index)
            return
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        title = opt.text
        opt.text = ""
        widget = opt.widget
        style = widget.style() if widget is not None else QApplication.style()
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, widget)
        area = style.subElementRect(QStyle.SubElement.SE_ItemViewItemText, opt, widget)
        # The text's columns, and the whole row's height (the two lines fill it).
        area = QRect(
            area.left() + self.PAD,
            opt.rect.top() + self.PAD,
            area.width() - 2 * self.PAD,
            opt.rect.height() - 2 * self.PAD,
        )
        selected = bool(opt.state & QStyle.StateFlag.State_Selected)
        text_colour = opt.palette.color(
            QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        )
        small = _small(opt.font)
        top = QFontMetrics(opt.font).height()
        painter.save()
        painter.setFont(opt.font)
        painter.setPen(text_colour)
        first = QRect(area.left(), area.top(), area.width(), top)
        elided = QFontMetrics(opt.font).elidedText(title, Qt.TextElideMode.ElideRight, area.width())
        painter.drawText(
            first, int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter), elided
        )
        painter.setFont(small)
        painter.setPen(text_colour if selected else colours.muted(opt.palette))
        second = QRect(area.left(), area.top() + top, area.width(), area.height() - top)
        elided = QFontMetrics(small).elidedText(
            str(client), Qt.TextElideMode.ElideRight, area.width()
        )
        painter.drawText(
            second, int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop), elided
        )
        painter.restore()
