"""Dialogs that create and edit accounts, contacts, entries, follow-ups and deals.

Bad input is refused by the services (models.validation); the dialog shows what is
wrong next to the field and keeps everything typed. Saving goes through an undo
command, so every change can be taken back with Ctrl+Z.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, date, datetime, time
from typing import Any, cast

from babel.numbers import get_currency_precision
from PySide6.QtCore import QDate, Qt, QTime
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QSpinBox,
    QTimeEdit,
    QVBoxLayout,
    QWidget,
)

from models import services
from models.entities import DEFAULT_CADENCE, AccountStatus, DealStage, InteractionKind, Tier
from models.errors import RelasiError, ValidationError
from models.queries import clients as client_queries
from models.queries import followups as followup_queries
from models.queries import timeline as timeline_queries
from models.queries.followups import all_day_value
from models.store import Store
from ui.commands import DealStageCommand, StoreCommand, UpdateCommand, create_one, perform
from ui.labels import kind_label, priority_label, stage_label, status_label
from ui.qtime import qdate, qdatetime, to_utc


def _split(text: str) -> list[str]:
    return [p.strip() for p in text.replace(";", ",").replace("\n", ",").split(",") if p.strip()]


class FormDialog(QDialog):
    """A form whose rows each have a place for an error message under the field."""

    def __init__(self, store: Store, stack: QUndoStack, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.stack = stack
        self.form = QFormLayout()
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        self._errors: dict[str, QLabel] = {}
        self._fields: dict[str, QWidget] = {}
        self.general_error = QLabel(self)
        self.general_error.setObjectName("formError")
        self.general_error.setStyleSheet("color: #cf222e;")
        self.general_error.setWordWrap(True)
        self.general_error.hide()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.accepted.connect(self._save)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addWidget(self.general_error)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(460)

    def add_row(self, field: str, label: str, widget: QWidget) -> QWidget:
        box = QWidget(self)
        column = QVBoxLayout(box)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(2)
        column.addWidget(widget)
        error = QLabel(box)
        error.setObjectName(f"error_{field}")
        error.setStyleSheet("color: #cf222e;")
        error.setWordWrap(True)
        error.hide()
        column.addWidget(error)
        self.form.addRow(label, box)
        widget.setAccessibleName(label.replace("&", ""))
        self._errors[field] = error
        self._fields[field] = widget
        return widget

    def field_message(self, error: ValidationError) -> str:
        """A translated, field-specific explanation of a refused value."""
        messages = {
            "name": self.tr("A name is required."),
            "title": self.tr("A title is required."),
            "emails": self.tr("Enter valid e-mail addresses, separated by commas."),
            "phones": self.tr("Enter phone numbers, with country code or as local numbers."),
            "website": self.tr("Enter a web address such as example.com."),
            "currency": self.tr("Enter a three-letter currency code such as IDR or USD."),
            "body": self.tr("Write something, or give the entry a subject."),
            "probability": self.tr("Probability is a percentage from 0 to 100."),
            "cadence_days": self.tr("Cadence is a number of days from 1 to 3650."),
        }
        return messages.get(error.field, error.message)

    def show_error(self, error: RelasiError) -> None:
        field = getattr(error, "field", None)
        label = self._errors.get(field or "")
        if isinstance(error, ValidationError) and label is not None:
            label.setText(self.field_message(error))
            label.setToolTip(error.message)
            label.show()
            self._fields[error.field].setFocus()
        else:
            self.general_error.setText(error.message)
            self.general_error.show()

    def clear_errors(self) -> None:
        for label in self._errors.values():
            label.hide()
        self.general_error.hide()

    def _save(self) -> None:
        self.clear_errors()
        try:
            command = self.command()
            if command is not None:
                perform(self.stack, command)
        except RelasiError as exc:
            self.show_error(exc)
            return
        self.accept()

    def command(self) -> StoreCommand | None:
        raise NotImplementedError

    def update_command(
        self, text: str, update: Callable[..., dict[str, Any]], id_: str, fields: dict[str, Any]
    ) -> StoreCommand:
        return UpdateCommand(self.store, text, update, id_, fields)


def _combo(parent: QWidget, items: list[tuple[str, str]], current: str) -> QComboBox:
    combo = QComboBox(parent)
    for value, label in items:
        combo.addItem(label, value)
    combo.setCurrentIndex(max(0, combo.findData(current)))
    return combo


class AccountDialog(FormDialog):
    def __init__(
        self, store: Store, stack: QUndoStack, account_id: str = "", parent: QWidget | None = None
    ) -> None:
        super().__init__(store, stack, parent)
        self.setObjectName("accountDialog")
        self.account_id = account_id
        d = client_queries.account_detail(store, account_id) if account_id else None
        self.setWindowTitle(self.tr("Edit client") if d else self.tr("New client"))
        self.name = QLineEdit(d.name if d else "", self)
        self.industry = QLineEdit(d.industry if d else "", self)
        self.tier = _combo(self, [(t.value, t.value) for t in Tier], d.tier if d else "B")
        self.status = _combo(
            self,
            [(s.value, status_label(s.value)) for s in AccountStatus],
            d.status if d else "active",
        )
        self.cadence = QSpinBox(self)
        self.cadence.setRange(1, 3650)
        self.cadence.setSuffix(self.tr(" days"))
        self.cadence.setValue(d.cadence_days if d else DEFAULT_CADENCE[Tier.B])
        self.tier.currentIndexChanged.connect(self._tier_changed)
        self.website = QLineEdit(d.website if d else "", self)
        self.phone = QLineEdit(d.phone if d else "", self)
        self.address = QLineEdit(d.address if d else "", self)
        self.tags = QLineEdit(", ".join(d.tags) if d else "", self)
        self.tags.setPlaceholderText(self.tr("e.g. jakarta, renewal"))
        self.notes = QPlainTextEdit(d.notes if d else "", self)
        self.notes.setFixedHeight(80)
        self.add_row("name", self.tr("&Name"), self.name)
        self.add_row("industry", self.tr("&Industry"), self.industry)
        self.add_row("tier", self.tr("&Tier"), self.tier)
        self.add_row("status", self.tr("&Status"), self.status)
        self.add_row("cadence_days", self.tr("Stay in touch every"), self.cadence)
        self.add_row("website", self.tr("&Website"), self.website)
        self.add_row("phone", self.tr("&Phone"), self.phone)
        self.add_row("address", self.tr("&Address"), self.address)
        self.add_row("tags", self.tr("T&ags"), self.tags)
        self.add_row("notes", self.tr("N&otes"), self.notes)
        self._cadence_touched = bool(d)
        self.cadence.valueChanged.connect(lambda _v: setattr(self, "_cadence_touched", True))

    def _tier_changed(self) -> None:
        if not self._cadence_touched:
            self.cadence.blockSignals(True)
            self.cadence.setValue(DEFAULT_CADENCE[Tier(self.tier.currentData())])
            self.cadence.blockSignals(False)

    def _fields_now(self) -> dict[str, Any]:
        return {
            "name": self.name.text(),
            "industry": self.industry.text(),
            "tier": self.tier.currentData(),
            "status": self.status.currentData(),
            "cadence_days": self.cadence.value(),
            "website": self.website.text(),
            "phone": self.phone.text(),
            "address": self.address.text(),
            "notes": self.notes.toPlainText(),
        }

    def command(self) -> StoreCommand:
        fields = self._fields_now()
        tags = _split(self.tags.text())
        if not self.account_id:
            return create_one(
                self.store,
                self.tr("New client “{0}”").format(fields["name"].strip()),
                "account",
                lambda uow: services.create_account(uow, tags=tags, **fields),
            )
        return self.update_command(
            self.tr("Edit client “{0}”").format(fields["name"].strip()),
            services.update_account,
            self.account_id,
            {**fields, "tags": tags},
        )


class ContactDialog(FormDialog):
    def __init__(
        self,
        store: Store,
        stack: QUndoStack,
        *,
        account_id: str = "",
        contact_id: str = "",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(store, stack, parent)
        self.setObjectName("contactDialog")
        c = client_queries.contact(store, contact_id) if contact_id else None
        self.contact_id = contact_id
        self.account_id = c.account_id if c and c.account_id else account_id
        self.setWindowTitle(self.tr("Edit contact") if c else self.tr("New contact"))
        self.name = QLineEdit(c.name if c else "", self)
        self.title_edit = QLineEdit(c.title if c else "", self)
        self.emails = QLineEdit(", ".join(c.emails) if c else "", self)
        self.emails.setPlaceholderText(self.tr("name@company.com, another@company.com"))
        self.phones = QLineEdit(", ".join(c.phones) if c else "", self)
        self.phones.setPlaceholderText(self.tr("0812 3456 7890, +65 6123 4567"))
        self.has_birthday = QCheckBox(self.tr("Known"), self)
        self.birthday = QDateEdit(self)
        self.birthday.setCalendarPopup(True)
        self.birthday.setDate(qdate(c.birthday) if c and c.birthday else QDate(1985, 1, 1))
        self.has_birthday.setChecked(bool(c and c.birthday))
        self.birthday.setEnabled(self.has_birthday.isChecked())
        self.has_birthday.toggled.connect(self.birthday.setEnabled)
        birthday_row = QWidget(self)
        row = QHBoxLayout(birthday_row)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.has_birthday)
        row.addWidget(self.birthday, 1)
        self.notes = QPlainTextEdit(c.notes if c else "", self)
        self.notes.setFixedHeight(70)
        self.add_row("name", self.tr("&Name"), self.name)
        self.add_row("title", self.tr("&Job title"), self.title_edit)
        self.add_row("emails", self.tr("&E-mails"), self.emails)
        self.add_row("phones", self.tr("&Phones"), self.phones)
        self.add_row("birthday", self.tr("&Birthday"), birthday_row)
        self.add_row("notes", self.tr("N&otes"), self.notes)

    def command(self) -> StoreCommand:
        fields: dict[str, Any] = {
            "name": self.name.text(),
            "title": self.title_edit.text(),
            "emails": _split(self.emails.text()),
            "phones": _split(self.phones.text()),
            "birthday": self.birthday.date().toPython() if self.has_birthday.isChecked() else None,
            "notes": self.notes.toPlainText(),
        }
        if not self.contact_id:
            account_id = self.account_id or None
            return create_one(
                self.store,
                self.tr("New contact “{0}”").format(fields["name"].strip()),
                "contact",
                lambda uow: services.create_contact(uow, account_id=account_id, **fields),
            )
        return self.update_command(
            self.tr("Edit contact “{0}”").format(fields["name"].strip()),
            services.update_contact,
            self.contact_id,
            fields,
        )


class InteractionDialog(FormDialog):
    def __init__(
        self,
        store: Store,
        stack: QUndoStack,
        *,
        account_id: str = "",
        interaction_id: str = "",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(store, stack, parent)
        self.setObjectName("interactionDialog")
        i = timeline_queries.interaction(store, interaction_id) if interaction_id else None
        self.interaction_id = interaction_id
        self.account_id = i.account_id if i else account_id
        self.setWindowTitle(self.tr("Edit entry") if i else self.tr("New entry"))
        self.kind = _combo(
            self,
            [(k.value, kind_label(k.value)) for k in InteractionKind],
            i.kind if i else "meeting",
        )
        self.when = QDateTimeEdit(self)
        self.when.setCalendarPopup(True)
        self.when.setDateTime(qdatetime(i.occurred_at if i else store.clock.now()))
        self.subject = QLineEdit(i.subject if i else "", self)
        self.body = QPlainTextEdit(i.body if i else "", self)
        self.body.setPlaceholderText(self.tr("Markdown works: **bold**, - lists"))
        self.location = QLineEdit(i.location if i else "", self)
        self.duration = QSpinBox(self)
        self.duration.setRange(0, 10_000)
        self.duration.setSuffix(self.tr(" min"))
        self.duration.setSpecialValueText(self.tr("—"))
        self.duration.setValue(i.duration_minutes or 0 if i else 0)
        self.outcome = QLineEdit(i.outcome if i else "", self)
        self.people = QListWidget(self)
        self.people.setFixedHeight(90)
        detail = client_queries.account_detail(store, self.account_id) if self.account_id else None
        present = set(i.contact_ids) if i else set()
        for c in detail.contacts if detail else ():
            item = QListWidgetItem(c.name, self.people)
            item.setData(Qt.ItemDataRole.UserRole, c.id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(
                Qt.CheckState.Checked if c.id in present else Qt.CheckState.Unchecked
            )
        self.gift_value = QDoubleSpinBox(self)
        self.gift_value.setRange(0, 1e12)
        self.gift_currency = QLineEdit(i.gift_currency or "USD" if i else "USD", self)
        self.gift_currency.setMaxLength(3)
        if i and i.gift_value_minor is not None and i.gift_currency:
            self.gift_value.setValue(
                i.gift_value_minor / 10 ** get_currency_precision(i.gift_currency)
            )
        gift_row = QWidget(self)
        row = QHBoxLayout(gift_row)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.gift_value, 1)
        row.addWidget(self.gift_currency)
        self.add_row("kind", self.tr("&Kind"), self.kind)
        self.add_row("occurred_at", self.tr("&When"), self.when)
        self.add_row("subject", self.tr("&Subject"), self.subject)
        self.add_row("body", self.tr("&Notes"), self.body)
        self.add_row("location", self.tr("&Location"), self.location)
        self.add_row("duration_minutes", self.tr("&Duration"), self.duration)
        self.add_row("outcome", self.tr("&Outcome"), self.outcome)
        self.add_row("contacts", self.tr("&Present"), self.people)
        self.add_row("gift_currency", self.tr("&Gift value"), gift_row)
        self.kind.currentIndexChanged.connect(self._kind_changed)
        self._kind_changed()

    def _kind_changed(self) -> None:
        gift = self.kind.currentData() == InteractionKind.GIFT.value
        self.gift_value.setEnabled(gift)
        self.gift_currency.setEnabled(gift)

    def command(self) -> StoreCommand:
        contact_ids = [
            str(self.people.item(n).data(Qt.ItemDataRole.UserRole))
            for n in range(self.people.count())
            if self.people.item(n).checkState() == Qt.CheckState.Checked
        ]
        gift = self.kind.currentData() == InteractionKind.GIFT.value
        currency = self.gift_currency.text().strip().upper()
        gift_minor = None
        if gift and currency:
            try:
                gift_minor = round(self.gift_value.value() * 10 ** get_currency_precision(currency))
            except Exception:
                raise ValidationError("gift_currency", f"{currency!r} is not a currency") from None
        fields: dict[str, Any] = {
            "kind": self.kind.currentData(),
            "occurred_at": to_utc(self.when.dateTime()),
            "subject": self.subject.text(),
            "body": self.body.toPlainText(),
            "location": self.location.text(),
            "duration_minutes": self.duration.value() or None,
            "outcome": self.outcome.text(),
            "gift_value_minor": gift_minor,
            "gift_currency": currency if gift else None,
        }
        if not self.interaction_id:
            account_id = self.account_id
            kind = fields.pop("kind")
            return create_one(
                self.store,
                self.tr("New {0}").format(kind_label(kind).lower()),
                "interaction",
                lambda uow: services.add_interaction(
                    uow, account_id, kind=kind, contact_ids=contact_ids, **fields
                ),
            )
        return self.update_command(
            self.tr("Edit entry"),
            services.update_interaction,
            self.interaction_id,
            {**fields, "contact_ids": contact_ids},
        )


class FollowUpDialog(FormDialog):
    def __init__(
        self,
        store: Store,
        stack: QUndoStack,
        *,
        account_id: str = "",
        followup_id: str = "",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(store, stack, parent)
        self.setObjectName("followUpDialog")
        f = followup_queries.followup(store, followup_id) if followup_id else None
        self.followup_id = followup_id
        self.account_id = f.account_id if f else account_id
        self.setWindowTitle(self.tr("Edit follow-up") if f else self.tr("New follow-up"))
        self.title_edit = QLineEdit(f.title if f else "", self)
        due = (f.due_at if f else store.clock.now()).astimezone()
        self.date = QDateEdit(qdate(due.date()), self)
        self.date.setCalendarPopup(True)
        self.timed = QCheckBox(self.tr("At a time"), self)
        self.time = QTimeEdit(
            QTime(due.hour, due.minute) if f and not f.all_day else QTime(9, 0), self
        )
        self.timed.setChecked(bool(f and not f.all_day))
        self.time.setEnabled(self.timed.isChecked())
        self.timed.toggled.connect(self.time.setEnabled)
        due_row = QWidget(self)
        row = QHBoxLayout(due_row)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.date, 1)
        row.addWidget(self.timed)
        row.addWidget(self.time)
        self.priority = _combo(
            self, [(str(p), priority_label(p)) for p in (0, 1, 2)], str(f.priority if f else 1)
        )
        self.add_row("title", self.tr("&What"), self.title_edit)
        self.add_row("due_at", self.tr("&Due"), due_row)
        self.add_row("priority", self.tr("&Priority"), self.priority)

    def due(self) -> tuple[datetime, bool]:
        day = cast(date, self.date.date().toPython())
        if self.timed.isChecked():
            t = cast(time, self.time.time().toPython())
            local = datetime.combine(day, time(t.hour, t.minute)).astimezone()
            return local.astimezone(UTC), False
        return all_day_value(day), True

    def command(self) -> StoreCommand:
        due, all_day = self.due()
        fields: dict[str, Any] = {
            "title": self.title_edit.text(),
            "due_at": due,
            "all_day": all_day,
            "priority": int(self.priority.currentData()),
        }
        if not self.followup_id:
            account_id = self.account_id
            return create_one(
                self.store,
                self.tr("New follow-up “{0}”").format(fields["title"].strip()),
                "followup",
                lambda uow: services.create_followup(
                    uow,
                    account_id,
                    fields["title"],
                    due,
                    all_day=all_day,
                    priority=fields["priority"],
                ),
            )
        fields["snoozed_until"] = None
        return self.update_command(
            self.tr("Edit follow-up “{0}”").format(fields["title"].strip()),
            services.update_followup,
            self.followup_id,
            fields,
        )


class DealDialog(FormDialog):
    def __init__(
        self,
        store: Store,
        stack: QUndoStack,
        *,
        account_id: str = "",
        deal_id: str = "",
        currency: str = "IDR",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(store, stack, parent)
        self.setObjectName("dealDialog")
        d = client_queries.deal(store, deal_id) if deal_id else None
        self.deal_id = deal_id
        self.account_id = d.account_id if d else account_id
        self.setWindowTitle(self.tr("Edit deal") if d else self.tr("New deal"))
        self.title_edit = QLineEdit(d.title if d else "", self)
        self.stage = _combo(
            self, [(s.value, stage_label(s.value)) for s in DealStage], d.stage if d else "lead"
        )
        self._old_stage = d.stage if d else ""
        self.lost_reason = QLineEdit(d.lost_reason if d else "", self)
        self.lost_reason.setPlaceholderText(self.tr("Why was it lost?"))
        self.amount = QDoubleSpinBox(self)
        self.amount.setRange(0, 1e15)
        self.amount.setDecimals(2)
        self.amount.setGroupSeparatorShown(True)
        self.currency = QLineEdit(d.currency if d else currency, self)
        self.currency.setMaxLength(3)
        if d:
            self.amount.setValue(d.amount_minor / 10 ** get_currency_precision(d.currency))
        amount_row = QWidget(self)
        row = QHBoxLayout(amount_row)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.amount, 1)
        row.addWidget(self.currency)
        self.probability = QSpinBox(self)
        self.probability.setRange(0, 100)
        self.probability.setSuffix(" %")
        self.probability.setValue(d.probability if d else 10)
        self.close_date = QDateEdit(self)
        self.close_date.setCalendarPopup(True)
        self.close_date.setDate(
            qdate(d.expected_close) if d and d.expected_close else QDate.currentDate().addMonths(2)
        )
        self.add_row("title", self.tr("&Title"), self.title_edit)
        self.add_row("stage", self.tr("&Stage"), self.stage)
        self.add_row("currency", self.tr("&Amount"), amount_row)
        self.add_row("probability", self.tr("&Probability"), self.probability)
        self.add_row("expected_close", self.tr("&Expected close"), self.close_date)
        self.add_row("lost_reason", self.tr("&Lost reason"), self.lost_reason)
        self.stage.currentIndexChanged.connect(self._stage_changed)
        self._stage_changed()

    def _stage_changed(self) -> None:
        self.lost_reason.setEnabled(self.stage.currentData() == DealStage.LOST.value)

    def _save(self) -> None:
        """An edit that also moves the stage is one undo step (a macro of the two)."""
        stage = str(self.stage.currentData())
        if not self.deal_id or stage == self._old_stage:
            super()._save()
            return
        self.clear_errors()
        try:
            update = self.command()
            move = DealStageCommand(
                self.store,
                self.tr("Move deal to {0}").format(stage_label(stage)),
                self.deal_id,
                stage,
                self.lost_reason.text(),
            )
            self.stack.beginMacro(update.text())
            try:
                perform(self.stack, update)
                perform(self.stack, move)
            finally:
                self.stack.endMacro()
        except RelasiError as exc:
            self.show_error(exc)
            return
        self.accept()

    def command(self) -> StoreCommand:
        currency = self.currency.text().strip().upper()
        try:
            precision = get_currency_precision(currency)
        except Exception:
            raise ValidationError("currency", f"{currency!r} is not a currency") from None
        fields: dict[str, Any] = {
            "title": self.title_edit.text(),
            "amount_minor": round(self.amount.value() * 10**precision),
            "currency": currency,
            "probability": self.probability.value(),
            "expected_close": self.close_date.date().toPython(),
        }
        if self.stage.currentData() == DealStage.LOST.value and not self.deal_id:
            fields["lost_reason"] = self.lost_reason.text()
        if not self.deal_id:
            account_id, stage = self.account_id, self.stage.currentData()
            return create_one(
                self.store,
                self.tr("New deal “{0}”").format(fields["title"].strip()),
                "deal",
                lambda uow: services.create_deal(uow, account_id, stage=stage, **fields),
            )
        return self.update_command(
            self.tr("Edit deal “{0}”").format(fields["title"].strip()),
            services.update_deal,
            self.deal_id,
            fields,
        )
