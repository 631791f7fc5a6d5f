"""Gift rules and rates (the gift log's settings page): the dated caps per person per
year, and how many units of a currency one unit of the cap's currency buys. Each
change goes through the undo stack."""

from __future__ import annotations

from datetime import date
from typing import Any

from PySide6.QtCore import QCoreApplication, QDate, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from models.errors import RelasiError
from models.gifts.money import parse_rate, to_minor
from models.queries import gifts as gift_queries
from models.services.gifts import EARLIEST, add_gift_rule, set_gift_rate
from models.store import Store
from models.validation import currency as valid_currency
from ui import formatting
from ui.commands import DeleteCommand, StoreCommand, UndoStack, create_one, perform
from ui.gifts.dialog import COMMON_CURRENCIES
from ui.row_table import RowTableModel


def _from(day: date) -> str:
    if day <= EARLIEST:
        return QCoreApplication.translate("GiftRulesDialog", "Always (first rule)")
    return formatting.day(day)


class RulesModel(RowTableModel):
    def headers(self) -> tuple[str, ...]:
        return (self.tr("In force from"), self.tr("Cap per person per year"))

    def cell(self, row: Any, column: int, role: int) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        return (_from(row.effective_from), formatting.money(row.cap_minor, row.currency))[column]


class RatesModel(RowTableModel):
    def headers(self) -> tuple[str, ...]:
        return (self.tr("Currency"), self.tr("Per one"), self.tr("Rate"), self.tr("From"))

    def cell(self, row: Any, column: int, role: int) -> Any:
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        return (row.currency, row.to_currency, str(row.per_unit), _from(row.effective_from))[column]


def _date_edit(parent: QWidget, name: str, day: date) -> QDateEdit:
    edit = QDateEdit(parent)
    edit.setObjectName(name)
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("yyyy-MM-dd")
    edit.setDate(QDate(day.year, day.month, day.day))
    return edit


def _day(edit: QDateEdit) -> date:
    q = edit.date()
    return date(q.year(), q.month(), q.day())


def _currency_box(parent: QWidget, name: str, first: str) -> QComboBox:
    box = QComboBox(parent)
    box.setObjectName(name)
    box.setEditable(True)
    box.addItems(list(dict.fromkeys([first, *COMMON_CURRENCIES])))
    return box


class GiftRulesDialog(QDialog):
    """Add or remove caps and rates."""

    def __init__(self, store: Store, stack: UndoStack, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("giftRules")
        self.store, self.stack = store, stack
        self.setWindowTitle(self.tr("Gift rules and rates"))
        layout = QVBoxLayout(self)
        intro = QLabel(
            self.tr(
                "The cap in force on a gift's day applies to it: FINRA Rule 3220's USD 100 "
                "per person per year is the first rule; add the USD 300 amendment from the "
                "date it takes effect for you. Rates convert gifts in other currencies "
                "(rounded up to the cent)."
            ),
            self,
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        today = store.clock.now().date()
        # -- rules
        rules_box = QGroupBox(self.tr("Caps"), self)
        layout.addWidget(rules_box)
        rules_layout = QVBoxLayout(rules_box)
        self.rules_model = RulesModel(self)
        self.rules_view = self._view(rules_box, "giftRulesTable", self.rules_model)
        rules_layout.addWidget(self.rules_view)
        row = QHBoxLayout()
        rules_layout.addLayout(row)
        self.rule_from = _date_edit(rules_box, "giftRuleFrom", today)
        self.rule_from.setAccessibleName(self.tr("In force from"))
        self.rule_cap = QLineEdit(rules_box)
        self.rule_cap.setObjectName("giftRuleCap")
        self.rule_cap.setPlaceholderText("300.00")
        self.rule_cap.setAccessibleName(self.tr("Cap"))
        self.rule_currency = _currency_box(rules_box, "giftRuleCurrency", "USD")
        self.rule_currency.setAccessibleName(self.tr("Cap currency"))
        add_rule = QPushButton(self.tr("&Add cap"), rules_box)
        add_rule.setObjectName("giftRuleAdd")
        add_rule.clicked.connect(self.add_rule)
        remove_rule = QPushButton(self.tr("Re&move cap"), rules_box)
        remove_rule.setObjectName("giftRuleRemove")
        remove_rule.clicked.connect(lambda: self._remove(self.rules_view, "gift_rule"))
        for w in (QLabel(self.tr("From:")), self.rule_from, QLabel(self.tr("Cap:")),
                  self.rule_cap, self.rule_currency, add_rule, remove_rule):  # fmt: skip
            row.addWidget(w)
        # -- rates
        rates_box = QGroupBox(self.tr("Exchange rates"), self)
        layout.addWidget(rates_box)
        rates_layout = QVBoxLayout(rates_box)
        self.rates_model = RatesModel(self)
        self.rates_view = self._view(rates_box, "giftRatesTable", self.rates_model)
        rates_layout.addWidget(self.rates_view)
        row = QHBoxLayout()
        rates_layout.addLayout(row)
        self.rate_currency = _currency_box(rates_box, "giftRateCurrency", "IDR")
        self.rate_currency.setAccessibleName(self.tr("Currency"))
        self.rate_value = QLineEdit(rates_box)
        self.rate_value.setObjectName("giftRateValue")
        self.rate_value.setPlaceholderText("16250")
        self.rate_value.setAccessibleName(self.tr("Units per one unit of the cap currency"))
        self.rate_to = _currency_box(rates_box, "giftRateTo", "USD")
        self.rate_to.setAccessibleName(self.tr("Cap currency"))
        self.rate_from = _date_edit(rates_box, "giftRateFrom", today)
        self.rate_from.setAccessibleName(self.tr("Rate from"))
        add_rate = QPushButton(self.tr("Set &rate"), rates_box)
        add_rate.setObjectName("giftRateAdd")
        add_rate.clicked.connect(self.add_rate)
        remove_rate = QPushButton(self.tr("Remo&ve rate"), rates_box)
        remove_rate.setObjectName("giftRateRemove")
        remove_rate.clicked.connect(lambda: self._remove(self.rates_view, "gift_rate"))
        for w in (self.rate_currency, QLabel(self.tr("per one")), self.rate_to,
                  QLabel("="), self.rate_value, QLabel(self.tr("from")), self.rate_from,
                  add_rate, remove_rate):  # fmt: skip
            row.addWidget(w)
        self.error = QLabel(self)
        self.error.setObjectName("giftRulesError")
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #d1242f;")
        layout.addWidget(self.error)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        stack.indexChanged.connect(lambda _i: self.refresh())
        self.resize(760, 560)
        self.refresh()

    def _view(self, parent: QWidget, name: str, model: RowTableModel) -> QTableView:
        view = QTableView(parent)
        view.setObjectName(name)
        view.setModel(model)
        view.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        view.setSelectionMode(QTableView.SelectionMode.SingleSelection)
        view.verticalHeader().hide()
        view.horizontalHeader().setStretchLastSection(True)
        return view

    def refresh(self) -> None:
        self.rules_model.set_rows(gift_queries.rules(self.store))
        self.rates_model.set_rows(gift_queries.rates(self.store))

    def _run(self, command: StoreCommand) -> bool:
        try:
            perform(self.stack, command)
        except RelasiError as exc:
            self.error.setText(exc.message)
            return False
        self.error.clear()
        self.refresh()
        return True

    def add_rule(self) -> None:
        try:
            cur = valid_currency(self.rule_currency.currentText())
            cap = to_minor("cap", self.rule_cap.text(), cur)
        except RelasiError as exc:
            self.error.setText(exc.message)
            return
        day = _day(self.rule_from)
        if self._run(
            create_one(
                self.store,
                self.tr("Add gift cap"),
                "gift_rule",
                lambda uow: add_gift_rule(uow, day, cap, cur),
            )
        ):
            self.rule_cap.clear()

    def add_rate(self) -> None:
        try:
            cur = valid_currency(self.rate_currency.currentText())
            to = valid_currency(self.rate_to.currentText())
            rate = str(parse_rate(self.rate_value.text()))
        except RelasiError as exc:
            self.error.setText(exc.message)
            return
        day = _day(self.rate_from)
        if self._run(
            create_one(
                self.store,
                self.tr("Set exchange rate"),
                "gift_rate",
                lambda uow: set_gift_rate(uow, cur, to, rate, day),
            )
        ):
            self.rate_value.clear()

    def _remove(self, view: QTableView, kind: str) -> None:
        index = view.currentIndex()
        if not index.isValid():
            self.error.setText(self.tr("Select a line to remove first."))
            return
        model = view.model()
        assert isinstance(model, RowTableModel)
        row = model.rows[index.row()]
        text = self.tr("Remove gift cap") if kind == "gift_rule" else self.tr("Remove rate")
        self._run(DeleteCommand(self.store, text, [(kind, row.id)]))
