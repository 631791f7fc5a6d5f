"""The "Log gift…" dialog: recipients from the client's contacts, value, currency,
day, kind and description; each recipient's total for the year with this gift is
shown as it is typed, and a gift that takes someone past the cap shows the warning
(total, cap and rule) before it is saved. Saving over the cap is allowed (it is a
log); the gift is then marked over cap in the log."""

from __future__ import annotations

import contextlib
from datetime import date

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from models.clock import to_local
from models.errors import RelasiError, ValidationError
from models.gift_entities import GIFT_KINDS
from models.gifts.money import to_minor
from models.queries import clients as client_queries
from models.queries import gifts as gift_queries
from models.services.gifts import record_gift
from models.store import Store
from ui import formatting
from ui.commands import UndoStack, create_one, perform
from ui.gifts.labels import kind_labels, rule_text

COMMON_CURRENCIES = ("USD", "IDR", "SGD", "EUR", "JPY", "AUD", "GBP", "MYR")


class GiftDialog(QDialog):
    """Log one gift to one or more of a client's contacts."""

    def __init__(
        self,
        store: Store,
        stack: UndoStack,
        account_id: str,
        *,
        currency: str = "USD",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("giftDialog")
        self.store, self.stack, self.account_id = store, stack, account_id
        self.gift_id: str | None = None
        self.over_cap = False
        detail = client_queries.account_detail(store, account_id)
        self.client_name = detail.name if detail else ""
        self.setWindowTitle(self.tr("Log gift to {0}").format(self.client_name))
        layout = QVBoxLayout(self)
        form = QFormLayout()
        layout.addLayout(form)
        self.recipients = QListWidget(self)
        self.recipients.setObjectName("giftRecipients")
        self.recipients.setAccessibleName(self.tr("Recipients"))
        for contact in detail.contacts if detail else ():
            item = QListWidgetItem(contact.name, self.recipients)
            item.setData(Qt.ItemDataRole.UserRole, contact.id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
        self.recipients.setMinimumHeight(72)
        self.recipients.setMaximumHeight(140)
        form.addRow(self.tr("&Recipients:"), self.recipients)
        self.value = QLineEdit(self)
        self.value.setObjectName("giftValue")
        self.value.setPlaceholderText("100.00")
        self.value.setAccessibleName(self.tr("Value"))
        form.addRow(self.tr("&Value:"), self.value)
        self.currency = QComboBox(self)
        self.currency.setObjectName("giftCurrency")
        self.currency.setEditable(True)
        self.currency.setAccessibleName(self.tr("Currency"))
        codes = list(dict.fromkeys([currency.upper(), *COMMON_CURRENCIES]))
        self.currency.addItems(codes)
        form.addRow(self.tr("C&urrency:"), self.currency)
        self.day = QDateEdit(self)
        self.day.setObjectName("giftDate")
        self.day.setCalendarPopup(True)
        self.day.setDisplayFormat("yyyy-MM-dd")
        today = to_local(store.clock.now()).date()
        self.day.setDate(QDate(today.year, today.month, today.day))
        self.day.setAccessibleName(self.tr("Date given"))
        form.addRow(self.tr("&Date given:"), self.day)
        self.kind = QComboBox(self)
        self.kind.setObjectName("giftKind")
        self.kind.setAccessibleName(self.tr("Kind"))
        for kind, label in kind_labels().items():
            self.kind.addItem(label, kind)
        form.addRow(self.tr("&Kind:"), self.kind)
        self.description = QLineEdit(self)
        self.description.setObjectName("giftDescription")
        self.description.setAccessibleName(self.tr("Description"))
        self.description.setMaxLength(2000)
        form.addRow(self.tr("D&escription:"), self.description)
        self.totals = QLabel(self)
        self.totals.setObjectName("giftTotals")
        self.totals.setWordWrap(True)
        layout.addWidget(self.totals)
        self.warning = QLabel(self)
        self.warning.setObjectName("giftWarning")
        self.warning.setWordWrap(True)
        self.warning.setStyleSheet("color: #d1242f; font-weight: bold;")
        self.warning.hide()
        layout.addWidget(self.warning)
        self.error = QLabel(self)
        self.error.setObjectName("giftError")
        self.error.setWordWrap(True)
        self.error.hide()
        layout.addWidget(self.error)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.save_button: QPushButton = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.recipients.itemChanged.connect(lambda _item: self.update_preview())
        self.value.textChanged.connect(lambda _t: self.update_preview())
        self.currency.currentTextChanged.connect(lambda _t: self.update_preview())
        self.day.dateChanged.connect(lambda _d: self.update_preview())
        self.kind.currentIndexChanged.connect(lambda _i: self.update_preview())
        self.resize(460, self.sizeHint().height())
        self.update_preview()

    # -- reading the form ---------------------------------------------------------------
    def chosen(self) -> list[str]:
        out = []
        for i in range(self.recipients.count()):
            item = self.recipients.item(i)
            if item.checkState() == Qt.CheckState.Checked:
                out.append(str(item.data(Qt.ItemDataRole.UserRole)))
        return out

    def set_recipients(self, contact_ids: list[str]) -> None:
        for i in range(self.recipients.count()):
            item = self.recipients.item(i)
            wanted = item.data(Qt.ItemDataRole.UserRole) in contact_ids
            item.setCheckState(Qt.CheckState.Checked if wanted else Qt.CheckState.Unchecked)

    def given_on(self) -> date:
        q = self.day.date()
        return date(q.year(), q.month(), q.day())

    def _new_gift(self) -> gift_queries.NewGift:
        from models.validation import currency as valid_currency

        people = self.chosen()
        if not people:
            raise ValidationError("contact_ids", self.tr("Tick at least one recipient."))
        cur = valid_currency(self.currency.currentText())
        value = to_minor("value", self.value.text(), cur)
        kind = str(self.kind.currentData() or GIFT_KINDS[0])
        return gift_queries.NewGift(tuple(people), value, cur, self.given_on(), kind)

    # -- the live totals and warning ----------------------------------------------------
    def update_preview(self) -> None:
        self.error.hide()
        self.over_cap = False
        try:
            gift = self._new_gift()
            previews = gift_queries.preview(self.store, gift, self.store.clock.now())
        except ValidationError as exc:
            self._show(self.tr("Enter the recipients and the value to see their totals."), "")
            if self.value.text().strip() and self.chosen():
                self._show(exc.message, "")
            return
        except ValueError:
            self._show(self.tr("There is no gift rule: add one under Gift rules and rates."), "")
            return
        names = {
            str(self.recipients.item(i).data(Qt.ItemDataRole.UserRole)): self.recipients.item(
                i
            ).text()
            for i in range(self.recipients.count())
        }
        year = gift.given_on.year
        lines, over = [], []
        for p in previews:
            total = formatting.money(p.total_minor, p.rule.currency)
            lines.append(
                self.tr("{0}: {1} in {2} with this gift (cap {3})").format(
                    names.get(p.contact_id, "?"), total, year, rule_text(p.rule)
                )
            )
            if p.over_cap:
                over.append(
                    self.tr(
                        "Over the cap: {0} would reach {1} in {2}; the cap is {3}. You may "
                        "still save it: the gift is then marked over cap in the log."
                    ).format(names.get(p.contact_id, "?"), total, year, rule_text(p.rule))
                )
        if gift.kind != "business":
            lines.append(self.tr("This kind of gift is logged but does not count toward the cap."))
        self.over_cap = bool(over)
        self._show("\n".join(lines), "\n".join(over))

    def _show(self, totals: str, warning: str) -> None:
        self.totals.setText(totals)
        self.warning.setText(warning)
        self.warning.setVisible(bool(warning))
        self.save_button.setText(self.tr("Save over cap") if warning else self.tr("&Save"))

    # -- saving ---------------------------------------------------------------------------
    def save(self) -> None:
        try:
            gift = self._new_gift()
            # a currency with no rate is refused here (never counted 1:1); with no rule
            # at all (ValueError) the log still takes the gift
            with contextlib.suppress(ValueError):
                gift_queries.preview(self.store, gift, self.store.clock.now())
            description = self.description.text()
            account_id = self.account_id
            subject = description or self.tr("Gift")
            command = create_one(
                self.store,
                self.tr("Log gift"),
                "gift",
                lambda uow: record_gift(
                    uow,
                    account_id,
                    contact_ids=list(gift.contact_ids),
                    value_minor=gift.value_minor,
                    currency=gift.currency,
                    given_on=gift.given_on,
                    kind=gift.kind,
                    description=description,
                    subject=subject,
                ),
            )
            perform(self.stack, command)
        except RelasiError as exc:
            self.error.setText(exc.message)
            self.error.show()
            return
        self.gift_id = command.result
        self.accept()
