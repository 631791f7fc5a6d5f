"""Deals and follow-ups have notes (migration 0006): written in the dialog, shown again
when it is opened to edit, changed in one undo step."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog
from pytestqt.qtbot import QtBot

from models.queries import clients as client_queries
from models.queries import followups as followup_queries
from tests.ui.forms.helpers import save, shown, type_into
from ui.forms.deal import DealDialog
from ui.forms.followup import FollowUpDialog
from ui.main_window import MainWindow


def notes_of(window: MainWindow, kind: str, id_: str) -> str:
    values = client_queries.declared_values(window.store, kind, id_)
    assert values is not None
    return str(values["notes"])


def test_a_deal_keeps_its_notes(qtbot: QtBot, window: MainWindow, sample: dict[str, str]) -> None:
    store = window.store
    dialog = shown(qtbot, DealDialog(store, window.stack, account_id=sample["acme"]))
    assert dialog.form.labelForField(dialog.notes.parentWidget()).text() == "N&otes"
    type_into(qtbot, dialog.title_edit, "Fleet renewal")
    type_into(qtbot, dialog.notes, "Budget owner: Pak Andi")
    save(qtbot, dialog)
    assert dialog.result() == QDialog.DialogCode.Accepted
    detail = client_queries.account_detail(store, sample["acme"])
    assert detail is not None
    deal_id = next(d.id for d in detail.open_deals if d.title == "Fleet renewal")
    assert notes_of(window, "deal", deal_id) == "Budget owner: Pak Andi"

    edit = shown(qtbot, DealDialog(store, window.stack, deal_id=deal_id))
    assert edit.notes.toPlainText() == "Budget owner: Pak Andi"
    edit.notes.setPlainText("Budget owner: Bu Sari")
    save(qtbot, edit)
    assert notes_of(window, "deal", deal_id) == "Budget owner: Bu Sari"
    window.stack.undo()
    assert notes_of(window, "deal", deal_id) == "Budget owner: Pak Andi"


def test_a_follow_up_keeps_its_notes(
    qtbot: QtBot, window: MainWindow, sample: dict[str, str]
) -> None:
    store = window.store
    fid = sample["later"]
    dialog = shown(qtbot, FollowUpDialog(store, window.stack, followup_id=fid))
    assert dialog.notes.toPlainText() == ""
    assert dialog.title_edit.text() == "Quarterly review"  # still loaded with the notes
    type_into(qtbot, dialog.notes, "Bring the Q3 numbers")
    save(qtbot, dialog)
    assert notes_of(window, "followup", fid) == "Bring the Q3 numbers"
    again = shown(qtbot, FollowUpDialog(store, window.stack, followup_id=fid))
    assert again.notes.toPlainText() == "Bring the Q3 numbers"
    again.reject()

    new = shown(qtbot, FollowUpDialog(store, window.stack, account_id=sample["acme"]))
    type_into(qtbot, new.title_edit, "Call about the fleet")
    type_into(qtbot, new.notes, "Ask for the fleet size")
    save(qtbot, new)
    buckets = followup_queries.followups(store, account_id=sample["acme"])
    rows = [*buckets.overdue, *buckets.today, *buckets.upcoming]
    new_id = next(r.id for r in rows if r.title == "Call about the fleet")
    assert notes_of(window, "followup", new_id) == "Ask for the fleet size"


def test_a_deal_and_a_follow_up_may_name_a_contact_of_their_client(
    qtbot: QtBot, window: MainWindow, sample: dict[str, str]
) -> None:
    store = window.store
    kopi = sample["kopi"]
    dialog = shown(qtbot, DealDialog(store, window.stack, account_id=kopi))
    assert [dialog.contact.itemText(i) for i in range(dialog.contact.count())] == [
        "—",
        "Budi Santoso",
    ]
    assert dialog.contact.read() is None
    type_into(qtbot, dialog.title_edit, "Roastery expansion")
    dialog.contact.write(sample["budi"])
    save(qtbot, dialog)
    detail = client_queries.account_detail(store, kopi)
    assert detail is not None
    deal_id = next(d.id for d in detail.open_deals if d.title == "Roastery expansion")
    assert client_queries.declared_values(store, "deal", deal_id)["contact_id"] == sample["budi"]  # type: ignore[index]
    edit = shown(qtbot, DealDialog(store, window.stack, deal_id=deal_id))
    assert edit.contact.read() == sample["budi"]
    edit.reject()

    fid = sample["soon"]  # Kopi's follow-up
    follow = shown(qtbot, FollowUpDialog(store, window.stack, followup_id=fid))
    follow.contact.write(sample["budi"])
    save(qtbot, follow)
    assert client_queries.declared_values(store, "followup", fid)["contact_id"] == sample["budi"]  # type: ignore[index]
    window.stack.undo()
    assert client_queries.declared_values(store, "followup", fid)["contact_id"] is None  # type: ignore[index]


def test_a_contact_of_another_client_is_refused(window: MainWindow, sample: dict[str, str]) -> None:
    import pytest

    from models import services
    from models.errors import ValidationError

    with pytest.raises(ValidationError), window.store.write() as uow:
        services.create_deal(uow, sample["acme"], "Wrong person", contact_id=sample["budi"])
    with pytest.raises(ValidationError), window.store.write() as uow:
        services.update_followup(uow, sample["later"], contact_id=sample["budi"])


def test_an_edit_keeps_a_contact_that_went_to_trash(
    qtbot: QtBot, window: MainWindow, sample: dict[str, str]
) -> None:
    from models import services

    store = window.store
    with store.write() as uow:
        deal_id = services.create_deal(uow, sample["kopi"], "Cups", contact_id=sample["budi"])
        services.soft_delete(uow, "contact", sample["budi"])
    edit = shown(qtbot, DealDialog(store, window.stack, deal_id=deal_id))
    assert edit.contact.read() == sample["budi"]
    assert edit.contact.currentText() == "(a contact in Trash)"
    edit.notes.setPlainText("Budi left")
    save(qtbot, edit)
    values = client_queries.declared_values(store, "deal", deal_id)
    assert values is not None
    assert (values["contact_id"], values["notes"]) == (sample["budi"], "Budi left")
