"""The dialog that creates and edits a client (an account) and its tags."""

from __future__ import annotations

from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QLineEdit, QWidget

from models import services
from models.entities import DEFAULT_CADENCE, AccountStatus, Tier
from models.fields import split_list
from models.queries import clients as client_queries
from models.store import Store
from ui.forms.base import FormDialog
from ui.forms.editors import ChoiceEditor, IntEditor, LineEditor, TextEditor


class AccountDialog(FormDialog):
    KIND = "account"

    def __init__(
        self, store: Store, stack: QUndoStack, account_id: str = "", parent: QWidget | None = None
    ) -> None:
        super().__init__(store, stack, parent)
        self.setObjectName("accountDialog")
        self.account_id = account_id
        d = client_queries.account_detail(store, account_id) if account_id else None
        self.setWindowTitle(self.tr("Edit client") if d else self.tr("New client"))
        self.add_fields(
            "name", "industry", "tier", "status", "cadence_days", "website", "phone", "address"
        )
        self.tags = self.add_row("tags", self.tr("T&ags"), QLineEdit(self))
        self.tags.setPlaceholderText(self.tr("e.g. jakarta, renewal"))
        self.add_fields("notes")
        self.name = self.editor("name", LineEditor)
        self.tier = self.editor("tier", ChoiceEditor)
        self.status = self.editor("status", ChoiceEditor)
        self.cadence = self.editor("cadence_days", IntEditor)
        self.cadence.setSuffix(self.tr(" days"))
        self.editor("address", TextEditor).setFixedHeight(56)
        self.editor("notes", TextEditor).setFixedHeight(80)
        if d is not None:
            self.load(d)
            self.tags.setText(", ".join(d.tags))
        else:
            self.write(
                {
                    "tier": Tier.B.value,
                    "status": AccountStatus.ACTIVE.value,
                    "cadence_days": DEFAULT_CADENCE[Tier.B],
                }
            )
        self._cadence_touched = d is not None
        self.tier.currentIndexChanged.connect(self._tier_changed)
        self.cadence.valueChanged.connect(self._cadence_changed)

    def _cadence_changed(self) -> None:
        self._cadence_touched = True

    def _tier_changed(self) -> None:
        """A new client's cadence follows its tier until the user sets one."""
        if not self._cadence_touched:
            self.cadence.blockSignals(True)
            self.cadence.setValue(DEFAULT_CADENCE[Tier(self.tier.read())])
            self.cadence.blockSignals(False)

    def save(self) -> None:
        values = self.values()
        tags = split_list(self.tags.text())
        name = str(values["name"]).strip()
        if self.account_id:
            self.save_changes(
                self.tr("Edit client “{0}”").format(name),
                services.update_account,
                self.account_id,
                {**values, "tags": tags},
            )
        else:
            self.save_new(
                self.tr("New client “{0}”").format(name),
                "account",
                lambda uow: services.create_account(uow, tags=tags, **values),
            )
