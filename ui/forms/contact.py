"""The dialog that creates and edits a contact (a person at a client)."""

from __future__ import annotations

from datetime import date

from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QWidget

from models import fields, services
from models.queries import clients as client_queries
from models.store import Store
from ui.forms.base import FormDialog
from ui.forms.editors import DateEditor, LineEditor, ListEditor, TextEditor

# Every declared contact field, in declaration order: a field added to
# models/fields.py shows up here with no change to this dialog.
ROWS = fields.names("contact")


class ContactDialog(FormDialog):
    KIND = "contact"

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
        self.add_fields(*ROWS)
        self.name = self.editor("name", LineEditor)
        self.title_edit = self.editor("title", LineEditor)
        self.emails = self.editor("emails", ListEditor)
        self.phones = self.editor("phones", ListEditor)
        self.linkedin = self.editor("linkedin_url", LineEditor)
        self.birthday = self.editor("birthday", DateEditor)
        self.birthday.suggest(date(1985, 1, 1))
        self.editor("notes", TextEditor).setFixedHeight(70)
        if c is not None:
            self.load(c)

    def save(self) -> None:
        values = self.values()
        name = str(values["name"]).strip()
        if self.contact_id:
            self.save_changes(
                self.tr("Edit contact “{0}”").format(name),
                services.update_contact,
                self.contact_id,
                values,
            )
        else:
            account_id = self.account_id or None
            self.save_new(
                self.tr("New contact “{0}”").format(name),
                "contact",
                lambda uow: services.create_contact(uow, account_id=account_id, **values),
            )
