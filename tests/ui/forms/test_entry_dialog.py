"""The entry (interaction) dialog: write one with the people present, a gift, edit,
undo, and refused input under the right field."""

from __future__ import annotations

from datetime import timedelta

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog
from pytestqt.qtbot import QtBot

from models.clock import FixedClock
from models.queries import timeline as timeline_queries
from models.rows import InteractionRow
from models.store import Store
from tests.ui.forms.helpers import declared_message, error_under, save, shown, type_into
from ui.commands import UndoStack
from ui.forms.entry import InteractionDialog
from ui.main_window import MainWindow


def entries(store: Store, account_id: str) -> dict[str, InteractionRow]:
    rows, _cursor = timeline_queries.timeline_page(store, account_id)
    return {r.subject: r for r in rows}


def tick(dialog: InteractionDialog, name: str) -> None:
    items = dialog.people.findItems(name, Qt.MatchFlag.MatchExactly)
    assert len(items) == 1, name
    items[0].setCheckState(Qt.CheckState.Checked)


def test_write_an_entry_with_the_people_present_and_undo_it(
    qtbot: QtBot, window: MainWindow, clock: FixedClock, sample: dict[str, str]
) -> None:
    store = window.store
    dialog = shown(qtbot, InteractionDialog(store, window.stack, account_id=sample["kopi"]))
    assert dialog.objectName() == "interactionDialog" and dialog.windowTitle() == "New entry"
    assert dialog.kind.read() == "meeting" and dialog.when.read() == clock.now()
    assert not dialog.gift_value.isEnabled() and not dialog.gift_currency.isEnabled()
    assert not dialog.gift_value.isVisible() and not dialog.gift_currency.isVisible()
    gift_label = dialog.form.labelForField(dialog.gift_value.parentWidget())
    assert gift_label is not None and not gift_label.isVisible()  # no "Gift value" row
    dialog.kind.setCurrentIndex(dialog.kind.findData("demo"))
    dialog.when.setDateTime(dialog.when.dateTime().addDays(-1))
    type_into(qtbot, dialog.subject, "Product demo")
    type_into(qtbot, dialog.body, "Showed the **dashboard**")
    type_into(qtbot, dialog.editors["location"], "Kopi HQ")
    type_into(qtbot, dialog.duration, "45")
    type_into(qtbot, dialog.editors["outcome"], "Wants a proposal")
    tick(dialog, "Budi Santoso")
    save(qtbot, dialog)
    assert dialog.result() == QDialog.DialogCode.Accepted
    demo = entries(store, sample["kopi"])["Product demo"]
    assert (demo.kind, demo.occurred_at, demo.body) == (
        "demo",
        clock.now() - timedelta(days=1),
        "Showed the **dashboard**",
    )
    assert (demo.location, demo.duration_minutes, demo.outcome) == (
        "Kopi HQ",
        45,
        "Wants a proposal",
    )
    assert demo.contact_ids == (sample["budi"],)
    assert (demo.gift_value_minor, demo.gift_currency) == (None, None)
    assert window.stack.undoText() == "New demo"

    window.activateWindow()
    qtbot.keyClick(window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: "Product demo" not in entries(store, sample["kopi"]))
    assert "Pricing call" in entries(store, sample["kopi"])  # only the new entry went


def test_a_gift_keeps_its_value_in_minor_units(
    qtbot: QtBot, store: Store, stack: UndoStack, sample: dict[str, str]
) -> None:
    dialog = shown(qtbot, InteractionDialog(store, stack, account_id=sample["acme"]))
    assert not dialog.gift_value.isVisible()
    dialog.kind.setCurrentIndex(dialog.kind.findData("gift"))
    assert dialog.gift_value.isEnabled() and dialog.gift_currency.text() == "USD"
    assert dialog.gift_value.isVisible() and dialog.gift_currency.isVisible()
    gift_label = dialog.form.labelForField(dialog.gift_value.parentWidget())
    assert gift_label is not None and gift_label.isVisible()
    type_into(qtbot, dialog.subject, "Batik for Pak Andi")
    type_into(qtbot, dialog.gift_value, "85.5")
    type_into(qtbot, dialog.gift_currency, "xx")
    save(qtbot, dialog)
    assert error_under(dialog, "gift_currency") == declared_message("interaction", "gift_currency")
    assert stack.count() == 0 and "Batik for Pak Andi" not in entries(store, sample["acme"])
    assert (dialog.subject.text(), dialog.gift_value.value()) == ("Batik for Pak Andi", 85.5)

    type_into(qtbot, dialog.gift_currency, "usd")
    save(qtbot, dialog)
    gift = entries(store, sample["acme"])["Batik for Pak Andi"]
    assert (gift.kind, gift.gift_value_minor, gift.gift_currency) == ("gift", 8550, "USD")

    edit = shown(qtbot, InteractionDialog(store, stack, interaction_id=gift.id))
    assert (edit.gift_value.value(), edit.gift_currency.text()) == (85.5, "USD")
    edit.kind.setCurrentIndex(edit.kind.findData("note"))  # not a gift after all
    save(qtbot, edit)
    note = entries(store, sample["acme"])["Batik for Pak Andi"]
    assert (note.kind, note.gift_value_minor, note.gift_currency) == ("note", None, None)
    stack.undo()
    gift = entries(store, sample["acme"])["Batik for Pak Andi"]
    assert (gift.kind, gift.gift_value_minor, gift.gift_currency) == ("gift", 8550, "USD")


def test_an_empty_entry_is_refused_with_the_declared_message(
    qtbot: QtBot, store: Store, stack: UndoStack, sample: dict[str, str]
) -> None:
    dialog = shown(qtbot, InteractionDialog(store, stack, account_id=sample["acme"]))
    type_into(qtbot, dialog.editors["location"], "Lobby")
    save(qtbot, dialog)
    assert error_under(dialog, "body") == declared_message("interaction", "body")
    assert dialog.editors["location"].read() == "Lobby"
    assert dialog.isVisible() and stack.count() == 0
    assert len(entries(store, sample["acme"])) == 1


def test_edit_an_entry_and_undo_it(
    qtbot: QtBot, store: Store, stack: UndoStack, sample: dict[str, str]
) -> None:
    dialog = shown(qtbot, InteractionDialog(store, stack, interaction_id=sample["call"]))
    assert dialog.windowTitle() == "Edit entry"
    assert (dialog.kind.read(), dialog.subject.text(), dialog.body.toPlainText()) == (
        "call",
        "Pricing call",
        "Discussed pricing",
    )
    assert dialog.duration.read() is None and dialog.duration.text() == "—"
    type_into(qtbot, dialog.subject, "Pricing call with Budi")
    type_into(qtbot, dialog.duration, "20")
    tick(dialog, "Budi Santoso")
    save(qtbot, dialog)
    call = entries(store, sample["kopi"])["Pricing call with Budi"]
    assert (call.duration_minutes, call.contact_ids) == (20, (sample["budi"],))
    assert stack.undoText() == "Edit entry"
    stack.undo()
    call = entries(store, sample["kopi"])["Pricing call"]
    assert (call.duration_minutes, call.contact_ids) == (None, ())
