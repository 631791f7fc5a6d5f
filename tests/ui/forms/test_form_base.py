"""The form base: a form built from the declarations has one row per field it lists,
each with its declared label and the editor its kind asks for, and every editor reads
back what it was given; error labels take their colour from the style sheet."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any

import pytest
from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateTimeEdit,
    QDoubleSpinBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QSpinBox,
    QWidget,
)
from pytestqt.qtbot import QtBot

from models import services
from models.clock import FixedClock
from models.fields import FIELDS, Field, Kind, field
from models.store import Store
from tests.ui.forms.helpers import save, shown, shown_errors, type_into
from ui.commands import UndoStack
from ui.forms.account import AccountDialog
from ui.forms.base import FormDialog
from ui.forms.contact import ContactDialog
from ui.forms.deal import DealDialog
from ui.forms.editors import DateEditor, editor_for
from ui.forms.entry import InteractionDialog
from ui.forms.followup import FollowUpDialog
from ui.labels import status_label

# What each kind of field is edited with, said here independently of ui/forms.
WIDGET = {
    Kind.TEXT: QLineEdit,
    Kind.LONG_TEXT: QPlainTextEdit,
    Kind.EMAILS: QLineEdit,
    Kind.PHONES: QLineEdit,
    Kind.PHONE: QLineEdit,
    Kind.URL: QLineEdit,
    Kind.CHOICE: QComboBox,
    Kind.INT: QSpinBox,
    Kind.DATE: DateEditor,
    Kind.DATETIME: QDateTimeEdit,
    Kind.BOOL: QCheckBox,
    Kind.CURRENCY: QLineEdit,
    Kind.MONEY: QDoubleSpinBox,
}


class DeclaredForm(FormDialog):
    """A form of every editable declared field of ``kind``, in declaration order."""

    def __init__(self, store: Store, stack: QUndoStack, kind: str) -> None:
        self.KIND = kind
        super().__init__(store, stack)
        self.listed = [f for f in FIELDS[kind] if f.kind is not Kind.REF]
        self.add_fields(*(f.name for f in self.listed))


def editable(kind: str) -> list[Field]:
    return [f for f in FIELDS[kind] if f.kind is not Kind.REF]


def row_label(form: FormDialog, row: int) -> str:
    item = form.form.itemAt(row, form.form.ItemRole.LabelRole)
    label = item.widget() if item is not None else None
    assert isinstance(label, QLabel)
    return label.text()


def row_editor(form: FormDialog, row: int) -> QWidget:
    item = form.form.itemAt(row, form.form.ItemRole.FieldRole)
    box = item.widget() if item is not None else None
    assert box is not None
    layout = box.layout()
    assert layout is not None
    editor = layout.itemAt(0).widget()
    assert editor is not None
    return editor


@pytest.mark.parametrize("kind", sorted(FIELDS))
def test_one_row_per_declared_field_with_its_label_and_editor(
    qtbot: QtBot, store: Store, stack: UndoStack, kind: str
) -> None:
    form = shown(qtbot, DeclaredForm(store, stack, kind))
    assert form.form.rowCount() == len(editable(kind)) > 0
    for row, f in enumerate(editable(kind)):
        assert row_label(form, row) == QCoreApplication.translate("Field", f.label)
        editor = row_editor(form, row)
        assert isinstance(editor, WIDGET[f.kind]), (f.name, type(editor))
        assert editor is form.editors[f.name]
        assert editor.accessibleName() == f.label.replace("&", "")
        assert form.findChild(QLabel, f"error_{f.name}") is not None
        if isinstance(editor, QSpinBox):
            assert (editor.minimum(), editor.maximum()) == (f.low, f.high)
        if isinstance(editor, QComboBox):
            assert f.choices is not None
            assert [editor.itemData(i) for i in range(editor.count())] == [
                m.value for m in f.choices
            ]
        if f.placeholder:
            assert isinstance(editor, QLineEdit | QPlainTextEdit)
            assert editor.placeholderText() == QCoreApplication.translate("Field", f.placeholder)


def sample_value(f: Field, now: datetime) -> Any:
    """A value of ``f``'s kind that is not its editor's starting value."""
    values: dict[Kind, Any] = {
        Kind.TEXT: "Teks",
        Kind.LONG_TEXT: "Baris satu\nBaris dua",
        Kind.EMAILS: ["sari@acme.example", "budi@kopi.example"],
        Kind.PHONES: ["+6281211112222", "+6565551234"],
        Kind.PHONE: "+62215551234",
        Kind.URL: "https://www.linkedin.com/in/sari",
        Kind.INT: f.high,
        Kind.DATE: date(2024, 2, 29),
        Kind.DATETIME: now,
        Kind.BOOL: True,
        Kind.CURRENCY: "EUR",
        Kind.MONEY: 1_234_567,
    }
    if f.kind is Kind.CHOICE:
        assert f.choices is not None
        return list(f.choices)[-1].value
    return values[f.kind]


@pytest.mark.parametrize("kind", sorted(FIELDS))
def test_every_editor_reads_back_what_it_was_given(
    qtbot: QtBot, store: Store, stack: UndoStack, clock: FixedClock, kind: str
) -> None:
    form = shown(qtbot, DeclaredForm(store, stack, kind))
    given = {f.name: sample_value(f, clock.now()) for f in editable(kind)}
    form.write(given)
    assert form.read() == given
    assert form.values() == given  # and the declarations accept them
    dates = [f.name for f in editable(kind) if f.kind is Kind.DATE]
    form.write(dict.fromkeys(dates))
    assert all(form.read()[name] is None for name in dates)


def test_money_counts_in_the_form_currency(qtbot: QtBot, store: Store, stack: UndoStack) -> None:
    form = shown(qtbot, DeclaredForm(store, stack, "deal"))
    money = form.editors["amount_minor"]
    assert isinstance(money, QDoubleSpinBox)
    form.write({"amount_minor": 1_234_567, "currency": "USD"})
    assert money.value() == 12_345.67
    form.write({"currency": "JPY", "amount_minor": 1_234_567})  # the currency first
    assert money.value() == 1_234_567
    form.editors["currency"].write("")
    assert form.read()["amount_minor"] == 123_456_700  # two digits when none is named


def test_a_reference_has_no_editor(qapp: Any) -> None:
    with pytest.raises(ValueError, match="interaction_id"):
        editor_for(field("followup", "interaction_id"))


def test_choices_show_translated_labels(qtbot: QtBot, store: Store, stack: UndoStack) -> None:
    form = shown(qtbot, DeclaredForm(store, stack, "account"))
    status = form.editors["status"]
    assert isinstance(status, QComboBox)
    assert (
        [status.itemText(i) for i in range(status.count())]
        == [status_label(v) for v in ("prospect", "active", "dormant", "lost")]
        == ["Prospect", "Active", "Dormant", "Lost"]
    )


@pytest.mark.parametrize(
    "make",
    [
        lambda s, st: AccountDialog(s, st),
        lambda s, st: ContactDialog(s, st),
        lambda s, st: InteractionDialog(s, st),
        lambda s, st: FollowUpDialog(s, st),
        lambda s, st: DealDialog(s, st),
    ],
    ids=["account", "contact", "entry", "followup", "deal"],
)
def test_error_labels_take_their_colour_from_the_style_sheet(
    qtbot: QtBot, store: Store, stack: UndoStack, make: Any
) -> None:
    dialog = shown(qtbot, make(store, stack))
    labels = [
        label
        for label in dialog.findChildren(QLabel)
        if label.objectName().startswith("error_") or label.objectName() == "formError"
    ]
    assert len(labels) == dialog.form.rowCount() + 1
    for label in labels:
        assert label.property("role") == "error", label.objectName()
        assert label.styleSheet() == "", label.objectName()
        assert label.isHidden()


def test_a_refusal_not_about_a_field_shows_under_the_form(
    qtbot: QtBot, store: Store, stack: UndoStack, sample: dict[str, str]
) -> None:
    dialog = shown(qtbot, FollowUpDialog(store, stack, account_id=sample["globex"]))
    with store.write() as uow:  # the client went to Trash while the dialog was open
        services.soft_delete(uow, "account", sample["globex"])
    type_into(qtbot, dialog.title_edit, "Quarterly review")
    save(qtbot, dialog)
    errors = shown_errors(dialog)
    assert list(errors) == ["formError"] and "no account" in errors["formError"]
    assert dialog.isVisible() and stack.count() == 0
    assert dialog.title_edit.text() == "Quarterly review"


def test_the_base_form_has_no_save_of_its_own(qtbot: QtBot, store: Store, stack: UndoStack) -> None:
    form = shown(qtbot, DeclaredForm(store, stack, "account"))
    with pytest.raises(NotImplementedError):
        form.save()
