"""The client dialog: create and edit through the real widgets, undo, refused input."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog
from pytestqt.qtbot import QtBot

from models.entities import DEFAULT_CADENCE, Tier
from models.queries import clients as client_queries
from models.store import Store
from tests.ui.forms.helpers import declared_message, error_under, save, shown, type_into
from ui.commands import UndoStack
from ui.forms.account import AccountDialog
from ui.main_window import MainWindow


def account_id(store: Store, name: str) -> str | None:
    return next((i for i, n in client_queries.client_names(store) if n == name), None)


def test_create_a_client_and_undo_it(
    qtbot: QtBot, store: Store, window: MainWindow, sample: dict[str, str]
) -> None:
    dialog = shown(qtbot, AccountDialog(store, window.stack, parent=window))
    assert dialog.objectName() == "accountDialog"
    assert dialog.cadence.value() == DEFAULT_CADENCE[Tier.B]
    type_into(qtbot, dialog.name, "Warung Sate Pak Kumis")
    type_into(qtbot, dialog.editors["industry"], "Food & beverage")
    dialog.tier.setCurrentIndex(dialog.tier.findData("A"))
    assert dialog.cadence.value() == DEFAULT_CADENCE[Tier.A]  # follows the tier
    type_into(qtbot, dialog.editors["website"], "warungsate.example")
    type_into(qtbot, dialog.editors["phone"], "021 555 1234")
    type_into(qtbot, dialog.editors["address"], "Jl. Sabang 12, Jakarta")
    type_into(qtbot, dialog.tags, "kuliner, jakarta")
    type_into(qtbot, dialog.editors["notes"], "Owner likes early meetings")
    save(qtbot, dialog)
    assert dialog.result() == QDialog.DialogCode.Accepted

    new = account_id(store, "Warung Sate Pak Kumis")
    assert new is not None
    row = client_queries.account_detail(store, new)
    assert row is not None
    assert (row.industry, row.tier, row.status, row.cadence_days) == (
        "Food & beverage",
        "A",
        "active",
        DEFAULT_CADENCE[Tier.A],
    )
    assert (row.website, row.phone, row.address) == (
        "warungsate.example",
        "+62215551234",
        "Jl. Sabang 12, Jakarta",
    )
    assert (row.tags, row.notes) == (("jakarta", "kuliner"), "Owner likes early meetings")
    assert window.stack.undoText() == "New client “Warung Sate Pak Kumis”"

    window.activateWindow()
    qtbot.keyClick(window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: account_id(store, "Warung Sate Pak Kumis") is None)
    gone = client_queries.account_detail(store, new)
    assert gone is not None and gone.deleted_at is not None  # in Trash, not lost


def test_edit_a_client_and_undo_it(
    qtbot: QtBot, store: Store, stack: UndoStack, sample: dict[str, str]
) -> None:
    dialog = shown(qtbot, AccountDialog(store, stack, sample["acme"]))
    assert dialog.windowTitle() == "Edit client"
    assert (dialog.name.text(), dialog.tier.read(), dialog.tags.text()) == (
        "Acme Corp",
        "A",
        "jakarta",
    )
    assert dialog.cadence.value() == DEFAULT_CADENCE[Tier.A]
    type_into(qtbot, dialog.name, "Acme Indonesia")
    dialog.tier.setCurrentIndex(dialog.tier.findData("C"))
    assert dialog.cadence.value() == DEFAULT_CADENCE[Tier.A]  # an edit keeps its cadence
    type_into(qtbot, dialog.cadence, "45")
    dialog.status.setCurrentIndex(dialog.status.findData("dormant"))
    type_into(qtbot, dialog.tags, "jakarta, renewal")
    save(qtbot, dialog)
    row = client_queries.account_detail(store, sample["acme"])
    assert row is not None
    assert (row.name, row.tier, row.status, row.cadence_days, row.tags) == (
        "Acme Indonesia",
        "C",
        "dormant",
        45,
        ("jakarta", "renewal"),
    )
    assert stack.count() == 1 and stack.undoText() == "Edit client “Acme Indonesia”"
    stack.undo()
    row = client_queries.account_detail(store, sample["acme"])
    assert row is not None
    assert (row.name, row.tier, row.status, row.cadence_days, row.tags) == (
        "Acme Corp",
        "A",
        "active",
        DEFAULT_CADENCE[Tier.A],
        ("jakarta",),
    )


def test_refused_input_shows_the_declared_message_and_keeps_what_was_typed(
    qtbot: QtBot, store: Store, stack: UndoStack, sample: dict[str, str]
) -> None:
    dialog = shown(qtbot, AccountDialog(store, stack))
    type_into(qtbot, dialog.name, "Toko Buku")
    type_into(qtbot, dialog.editors["website"], "not a web address")
    type_into(qtbot, dialog.tags, "buku")
    save(qtbot, dialog)
    assert error_under(dialog, "website") == declared_message("account", "website")
    assert error_under(dialog, "name") is None
    assert dialog.isVisible() and dialog.result() != QDialog.DialogCode.Accepted
    assert dialog.name.text() == "Toko Buku"
    assert dialog.editors["website"].read() == "not a web address"
    assert dialog.tags.text() == "buku"
    assert dialog.focusWidget() is dialog.editors["website"]  # the cursor goes there
    assert stack.count() == 0 and account_id(store, "Toko Buku") is None

    type_into(qtbot, dialog.name, "   ")
    type_into(qtbot, dialog.editors["website"], "tokobuku.example")
    save(qtbot, dialog)
    assert error_under(dialog, "name") == declared_message("account", "name")
    assert error_under(dialog, "website") is None  # the old message went away
    assert stack.count() == 0

    type_into(qtbot, dialog.editors["phone"], "12")
    type_into(qtbot, dialog.name, "Toko Buku")
    save(qtbot, dialog)
    assert error_under(dialog, "phone") == declared_message("account", "phone")
    assert stack.count() == 0

    dialog.editors["phone"].write("")
    type_into(qtbot, dialog.tags, "x" * 81)  # a tag has no declaration: the service says why
    save(qtbot, dialog)
    assert error_under(dialog, "tags") == "tags is longer than 80 characters"
    assert stack.count() == 0 and account_id(store, "Toko Buku") is None

    type_into(qtbot, dialog.tags, "buku")
    save(qtbot, dialog)
    assert dialog.result() == QDialog.DialogCode.Accepted and stack.count() == 1
    assert account_id(store, "Toko Buku") is not None
