"""The Gift log (View ▸ Gift log…): each recipient's calendar years with the total
against the cap, and below every gift share with its running total; a year filter,
CSV export for the compliance team, and the rules and rates a click away."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from models.errors import RelasiError
from models.gifts.export import export_csv
from models.queries import gifts as gift_queries
from models.store import Changes, Store
from ui import formatting
from ui.commands import UndoStack
from ui.gifts.labels import rule_text, short_kind, unknown_recipient
from ui.row_table import RowTableModel

#: The kinds of change that can alter the log.
WATCHED = ("gift", "gift_rule", "gift_rate", "interaction", "contact", "account")
OVER = QColor("#d1242f")


def _money(minor: int | None, currency: str | None) -> str:
    return "" if minor is None or currency is None else formatting.money(minor, currency)


class YearTotalsModel(RowTableModel):
    """One line per recipient and calendar year."""

    def headers(self) -> tuple[str, ...]:
        return (
            self.tr("Recipient"),
            self.tr("Client"),
            self.tr("Year"),
            self.tr("Gifts"),
            self.tr("Total"),
            self.tr("Cap"),
            self.tr("Status"),
        )

    def cell(self, row: Any, column: int, role: int) -> Any:
        t: gift_queries.YearTotal = row
        cur = t.rule.currency if t.rule else None
        if role == Qt.ItemDataRole.ForegroundRole and t.over_cap and column == 6:
            return OVER
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if t.missing_rate:
            status = self.tr("Rate for {0} needed").format(t.missing_rate)
        elif t.contact_id is None:
            status = self.tr("Not counted (recipient unknown)")
        else:
            status = self.tr("Over cap") if t.over_cap else self.tr("Within cap")
        values = (
            t.recipient or unknown_recipient(),
            t.client,
            str(t.year),
            str(t.gifts),
            _money(t.total_minor, cur),
            _money(t.rule.cap_minor if t.rule else None, cur),
            status,
        )
        return values[column]


class LogLinesModel(RowTableModel):
    """One line per recipient's share of a gift."""

    def headers(self) -> tuple[str, ...]:
        return (
            self.tr("Date"),
            self.tr("Recipient"),
            self.tr("Client"),
            self.tr("Kind"),
            self.tr("Description"),
            self.tr("Value"),
            self.tr("Share"),
            self.tr("Year total"),
            self.tr("Cap"),
            self.tr("Over cap"),
        )

    def cell(self, row: Any, column: int, role: int) -> Any:
        r: gift_queries.LogRow = row
        line, share = r.line, r.line.share
        if role == Qt.ItemDataRole.ForegroundRole and line.over_cap:
            return OVER
        if role == Qt.ItemDataRole.ToolTipRole and line.rule is not None:
            return rule_text(line.rule)
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        cur = line.rule.currency if line.rule else None
        if line.missing_rate:
            total = self.tr("rate for {0} needed").format(line.missing_rate)
        elif not share.counted:
            total = self.tr("not counted")
        else:
            total = _money(line.total_minor, cur)
        values = (
            formatting.day(share.given_on),
            r.recipient or unknown_recipient(),
            r.client,
            short_kind(share.kind),
            r.description,
            formatting.money(r.value_minor, share.currency),
            formatting.money(share.share_minor, share.currency),
            total,
            _money(line.rule.cap_minor if line.rule else None, cur),
            self.tr("Over cap") if line.over_cap else "",
        )
        return values[column]


def _table(parent: QWidget, name: str, model: RowTableModel, label: str) -> QTableView:
    view = QTableView(parent)
    view.setObjectName(name)
    view.setAccessibleName(label)
    view.setModel(model)
    view.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
    view.setAlternatingRowColors(True)
    view.verticalHeader().hide()
    view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    view.horizontalHeader().setStretchLastSection(True)
    return view


class GiftLogWindow(QDialog):
    """The gift log by recipient and year (window-modal-less; kept while the window is)."""

    def __init__(self, store: Store, stack: UndoStack, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("giftLog")
        self.store, self.stack = store, stack
        self.rows: list[gift_queries.LogRow] = []
        self.setWindowTitle(self.tr("Gift log"))
        layout = QVBoxLayout(self)
        top = QHBoxLayout()
        layout.addLayout(top)
        year_label = QLabel(self.tr("&Year:"), self)
        self.year = QComboBox(self)
        self.year.setObjectName("giftLogYear")
        self.year.setAccessibleName(self.tr("Year"))
        year_label.setBuddy(self.year)
        top.addWidget(year_label)
        top.addWidget(self.year)
        top.addStretch(1)
        self.rules_button = QPushButton(self.tr("&Rules and rates…"), self)
        self.rules_button.setObjectName("giftLogRules")
        self.rules_button.clicked.connect(self.open_rules)
        top.addWidget(self.rules_button)
        self.export_button = QPushButton(self.tr("E&xport CSV…"), self)
        self.export_button.setObjectName("giftLogExport")
        self.export_button.clicked.connect(lambda: self.export())
        top.addWidget(self.export_button)
        self.summary = QLabel(self)
        self.summary.setObjectName("giftLogSummary")
        layout.addWidget(self.summary)
        self.totals_model = YearTotalsModel(self)
        self.lines_model = LogLinesModel(self)
        splitter = QSplitter(Qt.Orientation.Vertical, self)
        self.totals_view = _table(
            splitter, "giftLogTotals", self.totals_model, self.tr("Totals by recipient and year")
        )
        self.lines_view = _table(splitter, "giftLogEntries", self.lines_model, self.tr("Gifts"))
        splitter.addWidget(self.totals_view)
        splitter.addWidget(self.lines_view)
        layout.addWidget(splitter, 1)
        self.year.currentIndexChanged.connect(lambda _i: self.refresh())
        self.resize(1000, 620)
        self._fill_years()
        self.refresh()

    def _fill_years(self) -> None:
        current = self.year.currentData()
        self.year.blockSignals(True)
        self.year.clear()
        self.year.addItem(self.tr("All years"), None)
        for year in gift_queries.years(self.store):
            self.year.addItem(str(year), year)
        index = self.year.findData(current)
        self.year.setCurrentIndex(max(index, 0))
        self.year.blockSignals(False)

    def set_year(self, year: int | None) -> None:
        self.year.setCurrentIndex(max(self.year.findData(year), 0))

    def refresh(self) -> None:
        self.rows = gift_queries.log(self.store, self.year.currentData())
        totals = gift_queries.year_totals(self.rows)
        totals.sort(key=lambda t: (t.recipient is None, (t.recipient or "").casefold(), -t.year))
        self.totals_model.set_rows(totals)
        self.lines_model.set_rows(self.rows)
        over = sum(1 for t in totals if t.over_cap)
        self.summary.setText(
            self.tr("{0} gifts to {1} recipients; {2} over the cap.").format(
                len({r.gift_id for r in self.rows}),
                len({t.contact_id for t in totals if t.contact_id}),
                over,
            )
        )

    def apply_changes(self, changes: Changes) -> None:
        if any(changes.of(kind) for kind in WATCHED):
            self._fill_years()
            self.refresh()

    def export(self, path: Path | None = None) -> Path | None:
        """Write the rows shown to a CSV file (asked for when not given)."""
        if path is None:
            name, _ = QFileDialog.getSaveFileName(
                self, self.tr("Export gift log"), "gift-log.csv", self.tr("CSV files (*.csv)")
            )
            if not name:
                return None
            path = Path(name)
        try:
            export_csv(self.rows, path)
        except (RelasiError, OSError) as exc:
            message = exc.message if isinstance(exc, RelasiError) else str(exc)
            self.summary.setText(self.tr("Could not export: {0}").format(message))
            return None
        self.summary.setText(self.tr("Exported {0} lines to {1}").format(len(self.rows), path))
        return path

    def open_rules(self) -> QDialog:
        from ui.gifts.rules import GiftRulesDialog

        dialog = GiftRulesDialog(self.store, self.stack, self)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.show()
        return dialog


def watch(hub: QObject, window: GiftLogWindow) -> None:
    hub.changed.connect(window.apply_changes)  # type: ignore[attr-defined]
