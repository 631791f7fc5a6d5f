"""One editor per kind of field (models.fields.Kind), each able to read and write its value.

An editor is the Qt widget itself (a QLineEdit, a QComboBox, ...) with two more methods:
``read()`` returns the value as the services take it, ``write(value)`` shows a stored
value. :func:`editor_for` picks the editor a declaration asks for.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import date
from enum import StrEnum
from typing import Any, cast

from babel.numbers import get_currency_precision
from PySide6.QtCore import QDate
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDateTimeEdit,
    QDoubleSpinBox,
    QHBoxLayout,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QWidget,
)

from models.entities import AccountStatus, DealStage, InteractionKind
from models.fields import Field, Kind, split_list
from ui.labels import kind_label, stage_label, status_label
from ui.qtime import qdate, qdatetime, to_utc


class LineEditor(QLineEdit):
    """One line of text (TEXT, PHONE, URL)."""

    def read(self) -> str:
        return self.text()

    def write(self, value: Any) -> None:
        self.setText("" if value is None else str(value))


class ListEditor(QLineEdit):
    """A list typed as items separated by commas (EMAILS, PHONES)."""

    def read(self) -> list[str]:
        return split_list(self.text())

    def write(self, value: Any) -> None:
        self.setText(", ".join(value or ()))


class CurrencyEditor(QLineEdit):
    """A three-letter ISO 4217 code."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setMaxLength(3)

    def read(self) -> str:
        return self.text().strip().upper()

    def write(self, value: Any) -> None:
        self.setText(value or "")


class TextEditor(QPlainTextEdit):
    """Several lines of text (LONG_TEXT); Tab moves on to the next field."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTabChangesFocus(True)

    def read(self) -> str:
        return self.toPlainText()

    def write(self, value: Any) -> None:
        self.setPlainText(value or "")


class ChoiceEditor(QComboBox):
    """One of a list of (value, translated label) pairs."""

    def __init__(self, items: Iterable[tuple[Any, str]], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        for value, label in items:
            self.addItem(label, value)

    def read(self) -> Any:
        return self.currentData()

    def write(self, value: Any) -> None:
        self.setCurrentIndex(max(0, self.findData(value)))


class IntEditor(QSpinBox):
    """A whole number in the declared range; with a special value text, the minimum is
    "none" (read as None)."""

    def read(self) -> int | None:
        if self.specialValueText() and self.value() == self.minimum():
            return None
        return self.value()

    def write(self, value: Any) -> None:
        self.setValue(self.minimum() if value is None else int(value))


class MoneyEditor(QDoubleSpinBox):
    """An amount typed in major units, read and written as integer minor units of the
    currency that ``currency()`` names (the form's currency field)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setRange(0, 1e15)
        self.setDecimals(2)
        self.setGroupSeparatorShown(True)
        self.currency: Callable[[], str] = lambda: ""

    def _precision(self) -> int:
        # babel answers 2 (the default) for a code it does not know; the currency
        # field itself is refused then, with its own message.
        return get_currency_precision(self.currency() or "XXX")

    def _scale(self) -> int:
        return cast(int, 10 ** self._precision())

    def follow_currency(self) -> None:
        """Show as many decimals as the currency has (none for IDR, two for USD)."""
        self.setDecimals(self._precision())

    def read(self) -> int:
        return round(self.value() * self._scale())

    def write(self, value: Any) -> None:
        self.follow_currency()
        self.setValue((value or 0) / self._scale())


class DateEditor(QWidget):
    """An optional date: a "Known" box and the date, enabled when it is known."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.known = QCheckBox(self.tr("Known"), self)
        self.edit = QDateEdit(QDate.currentDate(), self)
        self.edit.setCalendarPopup(True)
        self.edit.setEnabled(False)
        self.known.toggled.connect(self.edit.setEnabled)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.known)
        row.addWidget(self.edit, 1)
        self.setFocusProxy(self.known)

    def read(self) -> date | None:
        return cast(date, self.edit.date().toPython()) if self.known.isChecked() else None

    def write(self, value: Any) -> None:
        self.known.setChecked(value is not None)
        if value is not None:
            self.edit.setDate(qdate(value))

    def suggest(self, value: date) -> None:
        """The date shown (still unknown) until the user says it is known."""
        self.edit.setDate(qdate(value))


class DateTimeEditor(QDateTimeEdit):
    """A moment, typed in local time, read as an aware UTC datetime."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setCalendarPopup(True)

    def read(self) -> Any:
        return to_utc(self.dateTime())

    def write(self, value: Any) -> None:
        if value is not None:
            self.setDateTime(qdatetime(value))


class BoolEditor(QCheckBox):
    def read(self) -> bool:
        return self.isChecked()

    def write(self, value: Any) -> None:
        self.setChecked(bool(value))


Editor = (
    LineEditor
    | ListEditor
    | CurrencyEditor
    | TextEditor
    | ChoiceEditor
    | IntEditor
    | MoneyEditor
    | DateEditor
    | DateTimeEditor
    | BoolEditor
)

# How the values of an enum are shown (an enum not listed shows its values as they are).
_CHOICE_LABELS: dict[type[StrEnum], Callable[[str], str]] = {
    AccountStatus: status_label,
    InteractionKind: kind_label,
    DealStage: stage_label,
}


def choices(enum: type[StrEnum]) -> list[tuple[str, str]]:
    """``enum``'s values with their translated labels, in declaration order."""
    label = _CHOICE_LABELS.get(enum, str)
    return [(m.value, label(m.value)) for m in enum]


def editor_for(f: Field, parent: QWidget | None = None) -> Editor:
    """The editor that the declaration ``f`` asks for."""
    if f.kind in (Kind.TEXT, Kind.PHONE, Kind.URL):
        return LineEditor(parent)
    if f.kind in (Kind.EMAILS, Kind.PHONES):
        return ListEditor(parent)
    if f.kind is Kind.LONG_TEXT:
        return TextEditor(parent)
    if f.kind is Kind.CURRENCY:
        return CurrencyEditor(parent)
    if f.kind is Kind.CHOICE:
        assert f.choices is not None, f.name
        return ChoiceEditor(choices(f.choices), parent)
    if f.kind is Kind.INT:
        spin = IntEditor(parent)
        spin.setRange(f.low, f.high)
        return spin
    if f.kind is Kind.MONEY:
        return MoneyEditor(parent)
    if f.kind is Kind.DATE:
        return DateEditor(parent)
    if f.kind is Kind.DATETIME:
        return DateTimeEditor(parent)
    if f.kind is Kind.BOOL:
        return BoolEditor(parent)
    raise ValueError(f"{f.name}: a {f.kind} field has no editor in a form")
