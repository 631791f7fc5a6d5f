"""The dialog that adds or edits a competitor: name (unique in any case), website,
notes. A refused value is shown under its field; nothing typed is lost."""

from __future__ import annotations

from typing import Any

from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QLineEdit, QPlainTextEdit, QWidget

from models import services
from models.errors import ValidationError
from models.queries import competitors as q
from models.store import Store
from ui.forms.base import FormDialog


class CompetitorDialog(FormDialog):
    def __init__(
        self,
        store: Store,
        stack: QUndoStack,
        *,
        competitor_id: str = "",
        name: str = "",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(store, stack, parent)
        self.setObjectName("competitorDialog")
        row = q.competitor(store, competitor_id) if competitor_id else None
        self.competitor_id = competitor_id
        self.created_id = ""
        self.setWindowTitle(self.tr("Edit competitor") if row else self.tr("New competitor"))
        self.name = self.add_row("name", self.tr("&Name"), QLineEdit(self))
        self.name.setObjectName("competitorName")
        self.name.setMaxLength(200)
        self.website = self.add_row("website", self.tr("&Website"), QLineEdit(self))
        self.website.setObjectName("competitorWebsite")
        self.website.setPlaceholderText(self.tr("e.g. globex.example"))
        self.notes = self.add_row("notes", self.tr("N&otes"), QPlainTextEdit(self))
        self.notes.setObjectName("competitorNotes")
        self.notes.setPlaceholderText(self.tr("Strengths, weaknesses, pricing, who they know"))
        self.notes.setFixedHeight(110)
        self.name.setText(row.name if row else name)
        self.website.setText(row.website if row else "")
        self.notes.setPlainText(row.notes if row else "")
        self.name.setFocus()

    def read(self) -> dict[str, Any]:
        return {
            "name": self.name.text(),
            "website": self.website.text(),
            "notes": self.notes.toPlainText(),
        }

    def values(self) -> dict[str, Any]:
        return self.read()

    def message(self, error: ValidationError) -> str:
        if error.field == "name":
            if "already" in error.message:
                return self.tr("“{0}” is already on the list (or in Trash).").format(
                    " ".join(self.name.text().split())
                )
            if "longer" in error.message:
                return self.tr("A name has at most 200 characters.")
            return self.tr("A competitor needs a name.")
        if error.field == "website":
            return self.tr("That is not a web address.")
        return error.message

    def save(self) -> None:
        values = self.values()
        name = " ".join(values["name"].split())
        if self.competitor_id:
            self.save_changes(
                self.tr("Edit competitor “{0}”").format(name),
                services.update_competitor,
                self.competitor_id,
                values,
            )
            return

        def create(uow: Any) -> str:
            self.created_id = services.create_competitor(uow, **values)
            return self.created_id

        self.save_new(self.tr("New competitor “{0}”").format(name), "competitor", create)
