"""The deal dialog: create in a currency, a lost deal's reason, an edit that moves the
stage in one undo step, refused input under the right field."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from models import services
from models.entities import Deal, DealStageChange
from models.queries import clients as client_queries
from models.rows import DealRow
from models.store import Store
from tests.ui.forms.helpers import declared_message, error_under, save, shown, type_into
from ui.commands import UndoStack
from ui.forms.deal import DealDialog
from ui.main_window import MainWindow


def open_deals(store: Store, account_id: str) -> dict[str, DealRow]:
    detail = client_queries.account_detail(store, account_id)
    assert detail is not None
    return {d.title: d for d in detail.open_deals}


def deal_titled(store: Store, title: str) -> DealRow:
    with store.read() as s:
        deal_id = s.scalars(select(Deal.id).where(Deal.title == title)).one()
    row = client_queries.deal(store, deal_id)
    assert row is not None
    return row


def stage_moves(store: Store, deal_id: str) -> list[tuple[str, str]]:
    """The deal's recorded stage moves (from, to), sorted."""
    with store.read() as s:
        changes = s.scalars(select(DealStageChange).where(DealStageChange.deal_id == deal_id))
        return sorted((c.from_stage or "", c.to_stage) for c in changes)


def test_create_a_deal_and_undo_it(
    qtbot: QtBot, window: MainWindow, sample: dict[str, str]
) -> None:
    store = window.store
    dialog = shown(qtbot, DealDialog(store, window.stack, account_id=sample["acme"]))
    assert dialog.objectName() == "dealDialog" and dialog.windowTitle() == "New deal"
    assert dialog.editors["currency"].read() == "IDR" and dialog.probability.value() == 10
    assert dialog.close_date.read() == date(2027, 1, 24)  # two months from today
    assert not dialog.lost_reason.isEnabled()
    type_into(qtbot, dialog.title_edit, "Fleet renewal")
    dialog.stage.setCurrentIndex(dialog.stage.findData("proposal"))
    type_into(qtbot, dialog.editors["currency"], "usd")
    type_into(qtbot, dialog.editors["amount_minor"], "12500.75")
    type_into(qtbot, dialog.probability, "60")
    dialog.close_date.known.click()  # no expected close yet
    save(qtbot, dialog)
    assert dialog.result() == QDialog.DialogCode.Accepted
    deal = open_deals(store, sample["acme"])["Fleet renewal"]
    assert (deal.stage, deal.amount_minor, deal.currency, deal.probability) == (
        "proposal",
        1_250_075,
        "USD",
        60,
    )
    assert deal.expected_close is None
    assert window.stack.undoText() == "New deal “Fleet renewal”"

    window.activateWindow()
    qtbot.keyClick(window, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: "Fleet renewal" not in open_deals(store, sample["acme"]))


def test_a_deal_lost_from_the_start_keeps_its_reason(
    qtbot: QtBot, store: Store, stack: UndoStack, sample: dict[str, str]
) -> None:
    dialog = shown(qtbot, DealDialog(store, stack, account_id=sample["kopi"], currency="SGD"))
    type_into(qtbot, dialog.title_edit, "Espresso machines")
    type_into(qtbot, dialog.editors["amount_minor"], "900")
    dialog.stage.setCurrentIndex(dialog.stage.findData("lost"))
    assert dialog.lost_reason.isEnabled()
    type_into(qtbot, dialog.lost_reason, "Went with a competitor")
    save(qtbot, dialog)
    assert stack.count() == 1 and "Espresso machines" not in open_deals(store, sample["kopi"])
    deal = deal_titled(store, "Espresso machines")
    assert (deal.stage, deal.amount_minor, deal.currency, deal.lost_reason) == (
        "lost",
        90_000,
        "SGD",
        "Went with a competitor",
    )
    assert deal.closed_at is not None


def test_refused_values_show_their_declared_messages(
    qtbot: QtBot, store: Store, stack: UndoStack, sample: dict[str, str]
) -> None:
    dialog = shown(qtbot, DealDialog(store, stack, account_id=sample["acme"]))
    type_into(qtbot, dialog.title_edit, "Fleet renewal")
    type_into(qtbot, dialog.editors["currency"], "ZZ")
    type_into(qtbot, dialog.editors["amount_minor"], "500")
    save(qtbot, dialog)
    assert error_under(dialog, "currency") == declared_message("deal", "currency")
    assert (dialog.title_edit.text(), dialog.editors["amount_minor"].read()) == (
        "Fleet renewal",
        50_000,
    )
    type_into(qtbot, dialog.editors["currency"], "EUR")
    type_into(qtbot, dialog.title_edit, " ")
    save(qtbot, dialog)
    assert error_under(dialog, "title") == declared_message("deal", "title")
    assert error_under(dialog, "currency") is None
    assert stack.count() == 0 and open_deals(store, sample["acme"]) == {}


def test_an_edit_that_moves_the_stage_is_one_undo_step(
    qtbot: QtBot, store: Store, stack: UndoStack, sample: dict[str, str]
) -> None:
    with store.write() as uow:
        deal_id = services.create_deal(
            uow, sample["acme"], "Renewal", amount_minor=10**9, currency="IDR"
        )
    before = client_queries.deal(store, deal_id)
    dialog = shown(qtbot, DealDialog(store, stack, deal_id=deal_id))
    assert dialog.windowTitle() == "Edit deal"
    assert (dialog.title_edit.text(), dialog.stage.read()) == ("Renewal", "lead")
    assert dialog.editors["amount_minor"].read() == 10**9  # IDR has no minor digits here
    type_into(qtbot, dialog.title_edit, "Renewal 2027")
    dialog.stage.setCurrentIndex(dialog.stage.findData("lost"))
    type_into(qtbot, dialog.lost_reason, "Budget frozen")
    assert dialog.lost_to.isEnabled()
    type_into(qtbot, dialog.lost_to, "Globex")
    save(qtbot, dialog)
    row = client_queries.deal(store, deal_id)
    assert row is not None
    assert (row.title, row.stage, row.lost_reason) == ("Renewal 2027", "lost", "Budget frozen")
    assert row.lost_to == "Globex"
    assert stage_moves(store, deal_id) == [("", "lead"), ("lead", "lost")]
    assert stack.count() == 1 and stack.undoText() == "Edit deal “Renewal 2027”"
    stack.undo()
    assert client_queries.deal(store, deal_id) == before
    stack.redo()
    row = client_queries.deal(store, deal_id)
    assert row is not None and (row.title, row.stage) == ("Renewal 2027", "lost")

    reopen = shown(qtbot, DealDialog(store, stack, deal_id=deal_id))
    assert reopen.lost_reason.isEnabled() and reopen.lost_reason.text() == "Budget frozen"
    assert reopen.lost_to.text() == "Globex"
    reopen.stage.setCurrentIndex(reopen.stage.findData("negotiation"))
    assert not reopen.lost_to.isEnabled()
    save(qtbot, reopen)
    row = client_queries.deal(store, deal_id)
    assert row is not None and (row.stage, row.closed_at) == ("negotiation", None)
    assert row.lost_reason == "Budget frozen"  # kept as it was; not asked for
    stack.undo()
    row = client_queries.deal(store, deal_id)
    assert row is not None and (row.stage, row.lost_reason) == ("lost", "Budget frozen")
