"""The timeline pane: the selected client's header card, the note composer, and its
interactions newest first, grouped by day, fetched a page at a time."""

from __future__ import annotations

import html
from dataclasses import dataclass
from datetime import date
from typing import Any

from PySide6.QtCore import (
    QAbstractListModel,
    QModelIndex,
    QPersistentModelIndex,
    QRect,
    QSize,
    Qt,
    QUrl,
    Signal,
)
from PySide6.QtGui import QDesktopServices, QFont, QKeyEvent, QPainter, QPalette, QTextDocument
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QListView,
    QPlainTextEdit,
    QPushButton,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QVBoxLayout,
    QWidget,
)

from models import queries
from models.entities import InteractionKind
from models.rows import AccountDetail, InteractionRow, TimelineCursor
from models.store import Changes, Store
from ui import formatting
from ui.icons import KIND_COLOURS, kind_icon
from ui.labels import kind_label, stage_label, status_label

PAGE = 50
Index = QModelIndex | QPersistentModelIndex
COMPOSER_KINDS = ("note", "call", "meeting", "email")


@dataclass(frozen=True, slots=True)
class DayHeader:
    day: date


class TimelineModel(QAbstractListModel):
    """Day headers and entries of one client, newest first, paged by keyset."""

    EntryRole = Qt.ItemDataRole.UserRole + 1

    def __init__(self, store: Store, parent: Any = None) -> None:
        super().__init__(parent)
        self.store = store
        self.account_id = ""
        self._items: list[DayHeader | InteractionRow] = []
        self._cursor: TimelineCursor | None = None
        self._exhausted = True

    def set_account(self, account_id: str) -> None:
        self.account_id = account_id
        self.reload()

    def entry_count(self) -> int:
        return sum(1 for i in self._items if isinstance(i, InteractionRow))

    def reload(self, *, at_least: int = PAGE) -> None:
        rows: list[InteractionRow] = []
        cursor = None
        if self.account_id:
            rows, cursor = queries.timeline_page(
                self.store, self.account_id, limit=max(at_least, PAGE)
            )
        self.beginResetModel()
        self._items = self._grouped(rows, None)
        self._cursor, self._exhausted = cursor, cursor is None
        self.endResetModel()

    def _last_day(self) -> date | None:
        for item in reversed(self._items):
            if isinstance(item, InteractionRow):
                return formatting.local(item.occurred_at).date()
        return None

    @staticmethod
    def _grouped(
        rows: list[InteractionRow], last_day: date | None
    ) -> list[DayHeader | InteractionRow]:
        """The rows with a day header before the first entry of each local day."""
        out: list[DayHeader | InteractionRow] = []
        for row in rows:
            d = formatting.local(row.occurred_at).date()
            if d != last_day:
                out.append(DayHeader(d))
                last_day = d
            out.append(row)
        return out

    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:  # noqa: B008
        return not parent.isValid() and not self._exhausted

    def fetchMore(self, parent: Index = QModelIndex()) -> None:  # noqa: B008
        if parent.isValid() or self._exhausted or not self.account_id:
            return
        rows, cursor = queries.timeline_page(
            self.store, self.account_id, before=self._cursor, limit=PAGE
        )
        self._cursor, self._exhausted = cursor, cursor is None
        new_items = self._grouped(rows, self._last_day())
        if new_items:
            first = len(self._items)
            self.beginInsertRows(QModelIndex(), first, first + len(new_items) - 1)
            self._items.extend(new_items)
            self.endInsertRows()

    def apply_changes(self, changes: Changes) -> None:
        """Update changed entries in place; reload when entries appear, move or go."""
        if not self.account_id:
            return
        if changes.of("contact"):  # names shown on entries may have changed
            self.reload(at_least=self.entry_count())
            return
        ids = changes.of("interaction")
        if not ids:
            return
        loaded = {
            item.id: i for i, item in enumerate(self._items) if isinstance(item, InteractionRow)
        }
        fresh = queries.live_interactions(self.store, sorted(ids))
        in_place: list[tuple[int, InteractionRow]] = []
        for id_ in ids:
            row = fresh.get(id_)
            if id_ not in loaded:
                if row is not None and row.account_id == self.account_id:
                    self.reload(at_least=self.entry_count() + 1)
                    return
                continue
            old = self._items[loaded[id_]]
            assert isinstance(old, InteractionRow)
            if (
                row is None
                or row.account_id != self.account_id
                or row.occurred_at != old.occurred_at
            ):
                self.reload(at_least=self.entry_count())
                return
            in_place.append((loaded[id_], row))
        for position, row in in_place:
            self._items[position] = row
            index = self.index(position)
            self.dataChanged.emit(index, index)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._items)

    def item(self, row: int) -> DayHeader | InteractionRow:
        return self._items[row]

    def row_of(self, interaction_id: str) -> int:
        for i, item in enumerate(self._items):
            if isinstance(item, InteractionRow) and item.id == interaction_id:
                return i
        return -1

    def flags(self, index: Index) -> Qt.ItemFlag:
        if index.isValid() and isinstance(self._items[index.row()], DayHeader):
            return Qt.ItemFlag.ItemIsEnabled
        return super().flags(index)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        item = self._items[index.row()]
        if role == self.EntryRole:
            return item
        if isinstance(item, DayHeader):
            if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
                return formatting.day(item.day)
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return item.subject or item.body.split("\n", 1)[0]
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return ", ".join(
                p
                for p in (
                    kind_label(item.kind),
                    formatting.time_of_day(item.occurred_at),
                    item.subject,
                    item.body[:200],
                )
                if p
            )
        if role == Qt.ItemDataRole.DecorationRole:
            return kind_icon(item.kind)
        return None


class TimelineDelegate(QStyledItemDelegate):
    """Paints day headers and entries (kind icon, time, contacts, subject, Markdown body)."""

    PAD = 8
    ICON = 20

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._docs: dict[tuple[str, str, int], QTextDocument] = {}

    def _doc(self, row: InteractionRow, width: int, font: QFont) -> QTextDocument:
        key = (row.id, row.body, width)
        doc = self._docs.get(key)
        if doc is None:
            if len(self._docs) > 400:
                self._docs.clear()
            doc = QTextDocument()
            doc.setDefaultFont(font)
            doc.setDocumentMargin(0)
            if row.body_format == "markdown":
                doc.setMarkdown(row.body)
            else:
                doc.setPlainText(row.body)
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
        height = 2 * metrics.height() + 3 * self.PAD
        if item.body.strip():
            height += int(self._doc(item, width, option.font).size().height()) + self.PAD // 2
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
        accent = KIND_COLOURS.get(item.kind, "#6e7781")
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
        title = item.subject or kind_label(item.kind)
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
            details.append(", ".join(item.contact_names))
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
        if item.body.strip():
            doc = self._doc(item, width, option.font)
            painter.translate(x, y)
            if selected:
                doc = doc.clone()
                doc.setDefaultStyleSheet(f"* {{ color: {text_colour.name()}; }}")
            doc.drawContents(painter)
        painter.restore()


class NoteComposer(QPlainTextEdit):
    """Where a note is typed in place; Ctrl+Enter saves it."""

    submitted = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("noteComposer")
        self.setTabChangesFocus(True)
        self.setFixedHeight(self.fontMetrics().lineSpacing() * 4 + 12)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and (
            event.modifiers() & Qt.KeyboardModifier.ControlModifier
        ):
            self.submitted.emit()
            event.accept()
            return
        super().keyPressEvent(event)


class HeaderCard(QFrame):
    """The selected client at a glance: tier, status, cadence, contacts, open deals."""

    open_link = Signal(str, str)  # kind ("contact" | "deal"), id

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("clientHeader")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.title = QLabel(self)
        self.title.setObjectName("clientTitle")
        font = self.title.font()
        font.setPointSizeF(font.pointSizeF() * 1.35)
        font.setBold(True)
        self.title.setFont(font)
        self.title.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.facts = QLabel(self)
        self.facts.setWordWrap(True)
        self.people = QLabel(self)
        self.people.setWordWrap(True)
        self.people.setTextFormat(Qt.TextFormat.RichText)
        self.people.setAlignment(Qt.AlignmentFlag.AlignTop)
        self.deals = QLabel(self)
        self.deals.setWordWrap(True)
        self.deals.setTextFormat(Qt.TextFormat.RichText)
        # contact:ID and deal:ID links open the edit dialogs; mailto: opens the mail app.
        self.people.setOpenExternalLinks(False)
        self.people.linkActivated.connect(self._link)
        self.deals.linkActivated.connect(self._link)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 10, 12, 10)
        layout.setSpacing(4)
        layout.addWidget(self.title)
        layout.addWidget(self.facts)
        columns = QHBoxLayout()
        columns.addWidget(self.people, 3)
        columns.addWidget(self.deals, 2, Qt.AlignmentFlag.AlignTop)
        layout.addLayout(columns)

    def _link(self, href: str) -> None:
        kind, _, ref = href.partition(":")
        if kind in ("contact", "deal"):
            self.open_link.emit(kind, ref)
        else:
            QDesktopServices.openUrl(QUrl(href))

    def show_account(self, detail: AccountDetail | None, now: Any) -> None:
        if detail is None:
            self.title.setText(self.tr("No client selected"))
            self.facts.setText(
                self.tr("Pick a client on the left, or press Ctrl+K to jump to one.")
            )
            self.people.clear()
            self.deals.clear()
            return
        self.title.setText(detail.name)
        facts = [
            self.tr("Tier {0}").format(detail.tier),
            status_label(detail.status),
            self.tr("every {0} days").format(detail.cadence_days),
            self.tr("last contact {0}").format(
                formatting.relative(detail.last_contact_at, now, empty=self.tr("never"))
            ),
        ]
        if detail.industry:
            facts = [detail.industry, *facts]
        if detail.going_cold:
            facts.append("❄ " + self.tr("going cold"))
        if detail.tags:
            facts.append("#" + " #".join(detail.tags))
        self.facts.setText("  ·  ".join(facts))
        if detail.contacts:
            rows = []
            for c in detail.contacts[:5]:
                email = c.emails[0] if c.emails else ""
                mail = (
                    f'<a href="mailto:{html.escape(email)}">{html.escape(email)}</a>'
                    if email
                    else ""
                )
                phone = html.escape(c.phones[0] if c.phones else "")
                rows.append(
                    f'<tr><td><a href="contact:{c.id}"><b>{html.escape(c.name)}</b></a><br>'
                    f"<small>{html.escape(c.title)}</small></td>"
                    f"<td>{mail}<br><small>{phone}</small></td></tr>"
                )
            more = ""
            if len(detail.contacts) > 5:
                more = html.escape(self.tr("and {0} more").format(len(detail.contacts) - 5))
            self.people.setText(
                f'<table cellspacing="0" cellpadding="2">{"".join(rows)}</table>{more}'
            )
        else:
            self.people.setText(self.tr("No contacts yet."))
        if detail.open_deals:
            self.deals.setText(
                "<b>"
                + html.escape(self.tr("Open deals"))
                + "</b><br>"
                + "<br>".join(
                    f'<a href="deal:{d.id}">{html.escape(d.title)}</a>'
                    f" · {html.escape(stage_label(d.stage))}"
                    f"<br><small>{html.escape(formatting.money(d.amount_minor, d.currency))}"
                    f" · {d.probability}%</small>"
                    for d in detail.open_deals[:4]
                )
            )
        else:
            self.deals.setText(self.tr("No open deals."))


class TimelinePane(QWidget):
    """Header card, composer and the entry list of the selected client."""

    save_note = Signal(str, str)  # kind, text
    edit_entry = Signal(str)
    delete_entry = Signal(str)

    def __init__(self, store: Store, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.account_id = ""
        self.header = HeaderCard(self)
        self.composer = NoteComposer(self)
        self.kind = QComboBox(self)
        self.kind.setObjectName("composerKind")
        self.save_button = QPushButton(self)
        self.save_button.setObjectName("composerSave")
        self.save_button.setDefault(False)
        self.model = TimelineModel(store, self)
        self.view = QListView(self)
        self.view.setObjectName("timeline")
        self.view.setModel(self.model)
        self.view.setItemDelegate(TimelineDelegate(self.view))
        self.view.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.view.setUniformItemSizes(False)
        self.view.setMouseTracking(True)
        self.view.setResizeMode(QListView.ResizeMode.Adjust)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        self.view.doubleClicked.connect(self._edit_index)
        self.empty = QLabel(self)
        self.empty.setObjectName("timelineEmpty")
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setWordWrap(True)

        composer_row = QHBoxLayout()
        side = QVBoxLayout()
        side.addWidget(self.kind)
        side.addWidget(self.save_button)
        side.addStretch(1)
        composer_row.addWidget(self.composer, 1)
        composer_row.addLayout(side)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 8, 4, 8)
        layout.addWidget(self.header)
        layout.addLayout(composer_row)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.empty, 1)

        self.composer.submitted.connect(self._submit)
        self.save_button.clicked.connect(self._submit)
        self.model.modelReset.connect(self._update_empty)
        self.model.rowsInserted.connect(self._update_empty)
        self.retranslate()
        self.set_account("")

    def retranslate(self) -> None:
        current = self.kind.currentData()
        self.kind.clear()
        for kind in COMPOSER_KINDS:
            self.kind.addItem(kind_icon(kind), kind_label(kind), kind)
        if current:
            self.kind.setCurrentIndex(max(0, self.kind.findData(current)))
        self.kind.setAccessibleName(self.tr("Entry kind"))
        self.composer.setPlaceholderText(
            self.tr("Write a note, call or meeting… Markdown works. Ctrl+Enter saves.")
        )
        self.composer.setAccessibleName(self.tr("New timeline entry"))
        self.save_button.setText(self.tr("Save"))
        self.save_button.setToolTip(self.tr("Save the entry (Ctrl+Enter)"))
        self.view.setAccessibleName(self.tr("Timeline"))
        self.header.show_account(
            queries.account_detail(self.store, self.account_id) if self.account_id else None,
            self.store.clock.now(),
        )
        self._update_empty()

    def set_account(self, account_id: str) -> None:
        self.account_id = account_id
        enabled = bool(account_id)
        self.composer.setEnabled(enabled)
        self.kind.setEnabled(enabled)
        self.save_button.setEnabled(enabled)
        self.header.show_account(
            queries.account_detail(self.store, account_id) if account_id else None,
            self.store.clock.now(),
        )
        self.model.set_account(account_id)
        self.view.scrollToTop()

    def _submit(self) -> None:
        text = self.composer.toPlainText().strip()
        if text and self.account_id:
            self.save_note.emit(str(self.kind.currentData() or InteractionKind.NOTE.value), text)

    def clear_composer(self) -> None:
        self.composer.clear()

    def current_entry(self) -> str:
        index = self.view.currentIndex()
        item = self.model.item(index.row()) if index.isValid() else None
        return item.id if isinstance(item, InteractionRow) else ""

    def _edit_index(self, index: QModelIndex) -> None:
        item = self.model.item(index.row())
        if isinstance(item, InteractionRow):
            self.edit_entry.emit(item.id)

    def apply_changes(self, changes: Changes) -> None:
        if not self.account_id:
            return
        if self.account_id in changes.of("account") or changes.of("contact") or changes.of("deal"):
            self.header.show_account(
                queries.account_detail(self.store, self.account_id), self.store.clock.now()
            )
        scroll = self.view.verticalScrollBar().value()
        self.model.apply_changes(changes)
        self.view.verticalScrollBar().setValue(scroll)

    def _update_empty(self) -> None:
        has_rows = self.model.rowCount() > 0
        self.view.setVisible(has_rows)
        self.empty.setVisible(not has_rows)
        if not self.account_id:
            self.empty.setText("")
        else:
            self.empty.setText(
                self.tr("Nothing on this client's timeline yet — write the first note above.")
            )
