"""Clients, contacts, deals and timeline entries, as the window's menus, toolbar,
composer and client header ask for them: new, edit, delete, and saving a note."""

from __future__ import annotations

from PySide6.QtCore import QObject

from models import services
from models.queries import clients as client_queries
from ui.commands import DeleteCommand, create_one
from ui.dialogs import AccountDialog, ContactDialog, DealDialog, InteractionDialog
from ui.labels import kind_label
from ui.timeline import TimelinePane
from ui.window_host import WindowHost


class RecordActions(QObject):
    """Client ▸ New/Edit/Move to Trash, Add contact/deal, and the timeline's entries."""

    def __init__(self, host: WindowHost, timeline: TimelinePane) -> None:
        super().__init__(host.window())
        self.host = host
        self.timeline = timeline

    def save_note(self, kind: str, text: str) -> None:
        """The composer's note: its first line is the subject when more follows."""
        host = self.host
        account_id = host.current_client
        first, _, rest = text.partition("\n")
        subject = first.strip()[:120] if rest.strip() else ""
        body = rest.strip() if subject else text
        ok = host.run(
            create_one(
                host.store,
                self.tr("New {0}").format(kind_label(kind).lower()),
                "interaction",
                lambda uow: services.add_interaction(
                    uow, account_id, kind=kind, subject=subject, body=body
                ),
            )
        )
        if ok:
            self.timeline.clear_composer()

    def new_client(self) -> None:
        host = self.host
        host.open_dialog(AccountDialog(host.store, host.stack, parent=host.window()))

    def edit_client(self) -> None:
        host = self.host
        if host.current_client:
            host.open_dialog(
                AccountDialog(host.store, host.stack, host.current_client, parent=host.window())
            )

    def delete_client(self, account_id: str) -> None:
        if not account_id:
            return
        detail = client_queries.account_detail(self.host.store, account_id)
        name = detail.name if detail else ""
        self.host.run(
            DeleteCommand(
                self.host.store,
                self.tr("Move “{0}” to Trash").format(name),
                [("account", account_id)],
            )
        )

    def new_contact(self) -> None:
        host = self.host
        if host.current_client:
            host.open_dialog(
                ContactDialog(
                    host.store, host.stack, account_id=host.current_client, parent=host.window()
                )
            )

    def new_deal(self) -> None:
        host = self.host
        if host.current_client:
            host.open_dialog(
                DealDialog(
                    host.store,
                    host.stack,
                    account_id=host.current_client,
                    currency=host.settings.default_currency,
                    parent=host.window(),
                )
            )

    def open_link(self, kind: str, ref: str) -> None:
        """A contact or deal clicked in the client header."""
        host = self.host
        if kind == "contact":
            host.open_dialog(
                ContactDialog(host.store, host.stack, contact_id=ref, parent=host.window())
            )
        elif kind == "deal":
            host.open_dialog(DealDialog(host.store, host.stack, deal_id=ref, parent=host.window()))

    def new_entry(self) -> None:
        if self.host.current_client:
            self.timeline.composer.setFocus()

    def edit_entry(self, interaction_id: str) -> None:
        host = self.host
        if interaction_id:
            host.open_dialog(
                InteractionDialog(
                    host.store, host.stack, interaction_id=interaction_id, parent=host.window()
                )
            )

    def edit_current_entry(self) -> None:
        self.edit_entry(self.timeline.current_entry())

    def delete_entry(self) -> None:
        if entry := self.timeline.current_entry():
            self.host.run(
                DeleteCommand(self.host.store, self.tr("Delete entry"), [("interaction", entry)])
            )
