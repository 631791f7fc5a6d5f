"""The contact dialog: every declared row (LinkedIn included), create, edit, undo,
refused input under the right field."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QCoreApplication, QDate
from PySide6.QtWidgets import QDialog, QLabel, QLineEdit
from pytestqt.qtbot import QtBot

from models import services
from models.fields import field
from models.queries import clients as client_queries
from models.rows import ContactRow
from models.store import Store
from tests.ui.forms.helpers import declared_message, error_under, save, shown, type_into
from ui.commands import UndoStack
from ui.forms.contact import ROWS, ContactDialog


def linkedin(store: Store, contact_id: str) -> str:
    """The LinkedIn field, read by its declaration (the row types need not carry it)."""
    values = client_queries.declared_values(store, "contact", contact_id)
    assert values is not None
    return str(values["linkedin_url"])


def contacts_of(store: Store, account_id: str) -> dict[str, ContactRow]:
    detail = client_queries.account_detail(store, account_id)
    assert detail is not None
    return {c.name: c for c in detail.contacts}


def test_the_contact_form_shows_linkedin_from_its_declaration(
    qtbot: QtBot, store: Store, stack: UndoStack
) -> None:
    dialog = shown(qtbot, ContactDialog(store, stack))
    linkedin = field("contact", "linkedin_url")
    label = dialog.form.labelForField(dialog.linkedin.parentWidget())
    assert isinstance(label, QLabel) and label.text() == "&LinkedIn"
    assert label.buddy() is dialog.linkedin.parentWidget()
    assert isinstance(dialog.linkedin, QLineEdit)
    assert dialog.linkedin.placeholderText() == "linkedin.com/in/name" == linkedin.placeholder
    assert dialog.linkedin.accessibleName() == "LinkedIn"
    assert dialog.form.rowCount() == len(ROWS) == 7


def test_create_a_contact_and_undo_it(
    qtbot: QtBot, store: Store, stack: UndoStack, sample: dict[str, str]
) -> None:
    dialog = shown(qtbot, ContactDialog(store, stack, account_id=sample["acme"]))
    assert dialog.windowTitle() == "New contact"
    type_into(qtbot, dialog.name, "Sari Wijaya")
    type_into(qtbot, dialog.title_edit, "Head of Procurement")
    type_into(qtbot, dialog.emails, "sari@acme.example; s.wijaya@acme.example")
    type_into(qtbot, dialog.phones, "0812 1111 2222")
    type_into(qtbot, dialog.linkedin, "https://www.linkedin.com/in/sari-wijaya")
    dialog.birthday.known.click()
    dialog.birthday.edit.setDate(QDate(1990, 4, 17))
    type_into(qtbot, dialog.editors["notes"], "Prefers WhatsApp")
    save(qtbot, dialog)
    assert dialog.result() == QDialog.DialogCode.Accepted
    sari = contacts_of(store, sample["acme"])["Sari Wijaya"]
    assert sari == client_queries.contact(store, sari.id)
    assert (sari.title, sari.emails, sari.phones) == (
        "Head of Procurement",
        ("sari@acme.example", "s.wijaya@acme.example"),
        ("+6281211112222",),
    )
    assert linkedin(store, sari.id) == "https://www.linkedin.com/in/sari-wijaya"
    assert sari.birthday == date(1990, 4, 17)
    assert sari.notes == "Prefers WhatsApp"
    assert stack.undoText() == "New contact “Sari Wijaya”"
    stack.undo()
    assert "Sari Wijaya" not in contacts_of(store, sample["acme"])
    stack.redo()
    assert "Sari Wijaya" in contacts_of(store, sample["acme"])


def test_a_bad_linkedin_address_gets_the_declared_message(
    qtbot: QtBot, store: Store, stack: UndoStack, sample: dict[str, str]
) -> None:
    dialog = shown(qtbot, ContactDialog(store, stack, account_id=sample["acme"]))
    type_into(qtbot, dialog.name, "Sari Wijaya")
    type_into(qtbot, dialog.emails, "sari@acme.example")
    type_into(qtbot, dialog.linkedin, "facebook.com/sari")
    save(qtbot, dialog)
    assert error_under(dialog, "linkedin_url") == declared_message("contact", "linkedin_url")
    assert "LinkedIn" in (error_under(dialog, "linkedin_url") or "")
    assert error_under(dialog, "emails") is None and error_under(dialog, "name") is None
    assert (dialog.name.text(), dialog.emails.text(), dialog.linkedin.text()) == (
        "Sari Wijaya",
        "sari@acme.example",
        "facebook.com/sari",
    )
    assert stack.count() == 0 and "Sari Wijaya" not in contacts_of(store, sample["acme"])

    type_into(qtbot, dialog.linkedin, "linkedin.com/in/sari")
    type_into(qtbot, dialog.emails, "sari at acme")
    save(qtbot, dialog)
    assert error_under(dialog, "emails") == declared_message("contact", "emails")
    assert error_under(dialog, "linkedin_url") is None
    type_into(qtbot, dialog.emails, "sari@acme.example")
    type_into(qtbot, dialog.phones, "call me")
    save(qtbot, dialog)
    assert error_under(dialog, "phones") == declared_message("contact", "phones")
    assert stack.count() == 0
    dialog.phones.clear()
    save(qtbot, dialog)
    assert stack.count() == 1
    sari_id = contacts_of(store, sample["acme"])["Sari Wijaya"].id
    assert linkedin(store, sari_id) == "linkedin.com/in/sari"


def test_edit_a_contact_and_undo_it(
    qtbot: QtBot, store: Store, stack: UndoStack, sample: dict[str, str]
) -> None:
    with store.write() as uow:
        services.update_contact(
            uow, sample["budi"], linkedin_url="linkedin.com/in/budi", birthday=date(1980, 3, 14)
        )
    dialog = shown(qtbot, ContactDialog(store, stack, contact_id=sample["budi"]))
    assert dialog.windowTitle() == "Edit contact"
    assert (dialog.name.text(), dialog.emails.text(), dialog.linkedin.text()) == (
        "Budi Santoso",
        "budi@kopi.example",
        "linkedin.com/in/budi",
    )
    assert dialog.birthday.read() == date(1980, 3, 14)
    assert dialog.account_id == sample["kopi"]
    type_into(qtbot, dialog.title_edit, "Owner")
    type_into(qtbot, dialog.emails, "budi@kopi.example, owner@kopi.example")
    type_into(qtbot, dialog.linkedin, "linkedin.com/in/budi-santoso")
    dialog.birthday.known.click()  # not known after all
    save(qtbot, dialog)
    budi = client_queries.contact(store, sample["budi"])
    assert budi is not None
    assert (budi.title, budi.emails, linkedin(store, budi.id), budi.birthday) == (
        "Owner",
        ("budi@kopi.example", "owner@kopi.example"),
        "linkedin.com/in/budi-santoso",
        None,
    )
    assert stack.undoText() == "Edit contact “Budi Santoso”"
    stack.undo()
    budi = client_queries.contact(store, sample["budi"])
    assert budi is not None
    assert (budi.title, budi.emails, linkedin(store, budi.id), budi.birthday) == (
        "",
        ("budi@kopi.example",),
        "linkedin.com/in/budi",
        date(1980, 3, 14),
    )


def test_labels_and_messages_follow_the_language(
    qtbot: QtBot, store: Store, stack: UndoStack
) -> None:
    from ui.settings_dialog import apply_language

    try:
        apply_language("id")
        dialog = shown(qtbot, ContactDialog(store, stack))
        label = dialog.form.labelForField(dialog.linkedin.parentWidget())
        assert isinstance(label, QLabel)
        assert label.text() == QCoreApplication.translate("Field", "&LinkedIn")
        birthday = dialog.form.labelForField(dialog.birthday.parentWidget())
        assert isinstance(birthday, QLabel) and birthday.text() == "Tanggal &lahir"
        assert dialog.birthday.known.text() == "Diketahui"
        type_into(qtbot, dialog.name, "Sari")
        type_into(qtbot, dialog.emails, "bukan email")
        save(qtbot, dialog)
        assert error_under(dialog, "emails") == (
            "Masukkan alamat email yang valid, dipisahkan dengan koma."
        )
    finally:
        apply_language("en")
