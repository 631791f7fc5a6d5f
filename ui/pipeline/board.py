"""The pipeline board (``pipelineBoard``): every client's deals in columns by stage.

Drag a card to another column, or press Ctrl+Left/Right, to move its deal (one undo
step, recorded in the stage history); moving to lost asks why and to whom. The arrow
keys move the selection (Left/Right between columns); Enter or a double click opens
the deal. Each column shows how many deals it holds and their sum and
probability-weighted sum per currency (never added across currencies). Filters:
expected-close month, tier, tag. Won and lost show the last 90 days.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

from babel.dates import format_skeleton
from PySide6.QtCore import QEvent, QModelIndex, QObject, Qt, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFrame,
    QHBoxLayout,
    QLabel,
    QListView,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from models.entities import DealStage, Tier
from models.errors import RelasiError
from models.queries import clients as client_queries
from models.queries import competitors as competitor_queries
from models.queries import deals as deal_queries
from models.queries.deals import STAGES, BoardFilter, CurrencyTotal, DealCard
from models.store import Changes, Store
from ui import formatting
from ui.commands import DealStageCommand, StoreCommand, UndoStack, perform
from ui.display import visible
from ui.labels import stage_label
from ui.pipeline.card_delegate import CardDelegate
from ui.pipeline.column_model import StageColumnModel
from ui.pipeline.lost_dialog import LostDialog
from ui.pipeline.rot_settings import RotDialog, rot_days, set_rot_days
from ui.settings import Settings


def _month(value: date) -> str:
    """'November 2026' / 'November 2026' (id: 'November 2026')."""
    return format_skeleton("yMMMM", value, locale=formatting.locale_name())


#: Asked before a move to lost: (reason, competitor), or None to cancel the move.
AskLost = Callable[[DealCard], "tuple[str, str] | None"]


class StageColumn(QFrame):
    """A stage's header (name, count, sums) above its list of cards."""

    def __init__(self, store: Store, stage: str, parent: QWidget) -> None:
        super().__init__(parent)
        self.stage = stage
        self.setObjectName(f"column_{stage}")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.title = QLabel(self)
        font = self.title.font()
        font.setBold(True)
        self.title.setFont(font)
        self.totals = QLabel(self)
        self.totals.setObjectName(f"totals_{stage}")
        self.totals.setWordWrap(True)
        self.totals.setTextFormat(Qt.TextFormat.PlainText)
        self.model = StageColumnModel(store, stage, self)
        self.view = QListView(self)
        self.view.setObjectName(f"stage_{stage}")
        self.view.setModel(self.model)
        self.view.setItemDelegate(CardDelegate(self.view))
        self.view.setUniformItemSizes(True)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.setDragEnabled(True)
        self.view.setAcceptDrops(True)
        self.view.setDropIndicatorShown(True)
        self.view.setDragDropMode(QAbstractItemView.DragDropMode.DragDrop)
        self.view.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.view.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.view.setMinimumWidth(170)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.setSpacing(2)
        layout.addWidget(self.title)
        layout.addWidget(self.totals)
        layout.addWidget(self.view, 1)

    def show_totals(self, totals: tuple[CurrencyTotal, ...], closed_days: int) -> None:
        count = sum(t.count for t in totals)
        self.title.setText(f"{stage_label(self.stage)} ({count})")
        if not totals:
            self.totals.setText("—")
        else:
            lines = []
            for t in totals:
                raw = formatting.money(t.amount_minor, t.currency)
                if self.stage in (DealStage.WON, DealStage.LOST):
                    lines.append(raw)
                else:
                    weighted = formatting.money(t.weighted_minor, t.currency)
                    lines.append(self.tr("{0} · weighted {1}").format(raw, weighted))
            self.totals.setText("\n".join(lines))
        tip = self.tr("Sum and probability-weighted sum, per currency")
        if self.stage in (DealStage.WON, DealStage.LOST):
            tip = self.tr("Closed in the last {0} days").format(closed_days)
        self.totals.setToolTip(tip)
        self.view.setAccessibleName(
            self.tr("{0}: {1} deals").format(stage_label(self.stage), count)
        )


class PipelineBoard(QWidget):
    """The board: filters above seven stage columns."""

    open_deal = Signal(str)

    def __init__(
        self,
        store: Store,
        stack: UndoStack | None = None,
        settings: Settings | None = None,
        run: Callable[[StoreCommand], bool] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("pipelineBoard")
        self.store = store
        self.stack = stack or UndoStack(self)
        self.settings = settings or Settings()
        self._run = run
        self.ask_lost: AskLost = self._ask_lost
        self.filter = BoardFilter()

        self.month = QComboBox(self)
        self.month.setObjectName("boardMonth")
        self.tier = QComboBox(self)
        self.tier.setObjectName("boardTier")
        self.tag = QComboBox(self)
        self.tag.setObjectName("boardTag")
        self.rot_button = QPushButton(self)
        self.rot_button.setObjectName("boardRotLimits")
        self.rot_button.clicked.connect(self.edit_rot_limits)
        self.month_label, self.tier_label, self.tag_label = QLabel(self), QLabel(self), QLabel(self)
        self.month_label.setBuddy(self.month)
        self.tier_label.setBuddy(self.tier)
        self.tag_label.setBuddy(self.tag)
        bar = QHBoxLayout()
        for label, combo in (
            (self.month_label, self.month),
            (self.tier_label, self.tier),
            (self.tag_label, self.tag),
        ):
            bar.addWidget(label)
            bar.addWidget(combo)
            combo.currentIndexChanged.connect(self._filter_changed)
        bar.addStretch(1)
        bar.addWidget(self.rot_button)

        self.columns: dict[str, StageColumn] = {}
        strip = QWidget(self)
        row = QHBoxLayout(strip)
        row.setContentsMargins(0, 0, 0, 0)
        for stage in STAGES:
            column = StageColumn(store, stage, strip)
            self.columns[stage] = column
            row.addWidget(column, 1)
            column.model.drop_requested.connect(self.move_deal)
            column.view.installEventFilter(self)
            column.view.doubleClicked.connect(self._open_index)
            column.view.activated.connect(self._open_index)
        scroll = QScrollArea(self)
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(strip)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(scroll, 1)
        self.retranslate()
        self.reload()

    def retranslate(self) -> None:
        self.month_label.setText(self.tr("&Closing:"))
        self.tier_label.setText(self.tr("&Tier:"))
        self.tag_label.setText(self.tr("T&ag:"))
        self.rot_button.setText(self.tr("&Rotting limits…"))
        self.rot_button.setToolTip(
            self.tr("How long a deal may stay untouched in a stage before it is marked")
        )
        self.month.setAccessibleName(self.tr("Expected close month"))
        self.tier.setAccessibleName(self.tr("Tier"))
        self.tag.setAccessibleName(self.tr("Tag"))
        self._fill_filters()

    def _fill_filters(self) -> None:
        """The choices: months in which open deals close, tiers, tags (keeping the choice)."""
        combos = (self.month, self.tier, self.tag)
        for combo in combos:
            combo.blockSignals(True)
        keep = (self.month.currentData(), self.tier.currentData(), self.tag.currentData())
        for combo in combos:
            combo.clear()
        self.month.addItem(self.tr("Any month"), None)
        for month in deal_queries.close_months(self.store):
            self.month.addItem(_month(month), month)
        self.tier.addItem(self.tr("Any tier"), None)
        for tier in Tier:
            self.tier.addItem(self.tr("Tier {0}").format(tier.value), tier.value)
        self.tag.addItem(self.tr("Any tag"), None)
        for tag in client_queries.all_tags(self.store):
            self.tag.addItem(visible(tag), tag)
        for combo, value in zip(combos, keep, strict=True):
            i = combo.findData(value)
            if value is not None and i < 0:  # a month or tag no longer there
                combo.addItem(_month(value) if isinstance(value, date) else value, value)
                i = combo.count() - 1
            combo.setCurrentIndex(max(0, i))
        for combo in combos:
            combo.blockSignals(False)

    def _filter_changed(self) -> None:
        self.set_filter(
            BoardFilter(
                close_month=self.month.currentData(),
                tier=self.tier.currentData(),
                tag=self.tag.currentData(),
                closed_days=self.filter.closed_days,
            )
        )

    def set_filter(self, flt: BoardFilter) -> None:
        self.filter = flt
        self.reload()

    # -- loading ---------------------------------------------------------------------------
    def reload(self) -> None:
        """Every column and its totals again; the selected card stays selected."""
        stage, deal_id = self.current()
        limits = rot_days(self.settings)
        totals = deal_queries.board_totals(self.store, self.filter)
        for column in self.columns.values():
            column.model.rot_days = limits
            column.model.reload(self.filter, at_least=column.model.rowCount())
            column.show_totals(totals.get(column.stage, ()), self.filter.closed_days)
        if deal_id:
            self.select(deal_id, stage)

    def apply_changes(self, changes: Changes) -> None:
        if changes.of("deal") or changes.of("account"):
            self.reload()
        if changes.of("tag") or changes.of("deal"):
            self._fill_filters()

    # -- selection -------------------------------------------------------------------------
    def current(self) -> tuple[str, str]:
        """(stage, deal id) of the selected card, or ("", "")."""
        ordered = sorted(self.columns.values(), key=lambda c: not c.view.hasFocus())
        for column in ordered:
            index = column.view.currentIndex()
            if index.isValid() and column.view.selectionModel().hasSelection():
                return column.stage, column.model.card(index.row()).id
        return "", ""

    def select(self, deal_id: str, stage: str = "") -> bool:
        """Select a deal's card (in ``stage``'s column, or wherever it is) and focus it."""
        stages = [stage] if stage in self.columns else []
        stages += [s for s in STAGES if s != stage]
        for s in stages:
            model = self.columns[s].model
            row = model.row_of(deal_id)
            while row < 0 and model.canFetchMore():
                model.fetchMore()
                row = model.row_of(deal_id)
            if row >= 0:
                self._focus(s, row)
                return True
        return False

    def _focus(self, stage: str, row: int) -> None:
        for other in self.columns.values():
            if other.stage != stage:
                other.view.clearSelection()
        view = self.columns[stage].view
        index = view.model().index(row, 0)
        view.setFocus()
        view.setCurrentIndex(index)
        view.scrollTo(index)

    def _open_index(self, index: QModelIndex) -> None:
        if index.isValid():
            self.open_deal.emit(str(index.data(StageColumnModel.IdRole)))

    # -- keyboard --------------------------------------------------------------------------
    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            stage = next((s for s, c in self.columns.items() if c.view is watched), "")
            key = event.key()
            if stage and key in (Qt.Key.Key_Left, Qt.Key.Key_Right):
                step = -1 if key == Qt.Key.Key_Left else 1
                if event.modifiers() & Qt.KeyboardModifier.ControlModifier:
                    self.move_selected(step)
                else:
                    self._focus_neighbour(stage, step)
                return True
        return super().eventFilter(watched, event)

    def _focus_neighbour(self, stage: str, step: int) -> None:
        i = STAGES.index(stage) + step
        if not 0 <= i < len(STAGES):
            return
        row = max(0, self.columns[stage].view.currentIndex().row())
        target = self.columns[STAGES[i]]
        count = target.model.rowCount()
        if count:
            self._focus(STAGES[i], min(row, count - 1))
        else:
            self.columns[stage].view.clearSelection()
            target.view.setFocus()

    def move_selected(self, step: int) -> bool:
        """Ctrl+Left/Right: the selected deal one stage back or on."""
        stage, deal_id = self.current()
        if not deal_id:
            return False
        i = STAGES.index(stage) + step
        if not 0 <= i < len(STAGES):
            return False
        return self.move_deal(deal_id, STAGES[i])

    # -- moving ----------------------------------------------------------------------------
    def _card(self, deal_id: str) -> DealCard | None:
        return deal_queries.deal_cards(self.store, [deal_id]).get(deal_id)

    def move_deal(self, deal_id: str, stage: str) -> bool:
        """Move a deal to ``stage`` through the undo stack (lost asks why first)."""
        card = self._card(deal_id)
        if card is None or card.stage == stage:
            return False
        reason = competitor = ""
        if stage == DealStage.LOST:
            answer = self.ask_lost(card)
            if answer is None:
                return False
            reason, competitor = answer
        command = DealStageCommand(
            self.store,
            self.tr("Move “{0}” to {1}").format(visible(card.title), stage_label(stage)),
            deal_id,
            stage,
            reason,
            competitor,
        )
        if not self._perform(command):
            return False
        self.reload()
        self.select(deal_id, stage)
        return True

    def _perform(self, command: StoreCommand) -> bool:
        if self._run is not None:
            return self._run(command)
        try:
            perform(self.stack, command)
        except RelasiError as exc:
            QMessageBox.warning(self, self.tr("Pipeline"), exc.message)
            return False
        return True

    def _ask_lost(self, card: DealCard) -> tuple[str, str] | None:
        dialog = LostDialog(card.title, self, competitor_queries.competitor_names(self.store))
        try:
            if dialog.exec() != LostDialog.DialogCode.Accepted:
                return None
            return dialog.values()
        finally:
            dialog.deleteLater()

    def edit_rot_limits(self) -> None:
        dialog = RotDialog(rot_days(self.settings), self)
        try:
            if dialog.exec() == RotDialog.DialogCode.Accepted:
                set_rot_days(self.settings, dialog.values())
                self.reload()
        finally:
            dialog.deleteLater()
