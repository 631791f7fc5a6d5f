"""The dialog that creates and edits a deal; an edit that also moves the stage is one
undo step."""

from __future__ import annotations

from datetime import date
from typing import Any, cast

from PySide6.QtCore import Qt
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QCompleter, QDialogButtonBox, QWidget

from models import services
from models.clock import to_local
from models.entities import DealStage
from models.queries import clients as client_queries
from models.queries import competitors as competitor_queries
from models.store import Store
from ui.documents.panel import DocumentsPanel, add_documents
from ui.forms.base import FormDialog
from ui.forms.editors import (
    ChoiceEditor,
    DateEditor,
    IntEditor,
    LineEditor,
    ListEditor,
    TextEditor,
    choices,
)
from ui.proposals.actions import open_proposal
from ui.proposals.dialog import ProposalDialog
from ui.qtime import qdate


class DealDialog(FormDialog):
    KIND = "deal"

    def __init__(
        self,
        store: Store,
        stack: QUndoStack,
        *,
        account_id: str = "",
        deal_id: str = "",
        currency: str = "IDR",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(store, stack, parent)
        self.setObjectName("dealDialog")
        d = client_queries.deal(store, deal_id) if deal_id else None
        self.deal_id = deal_id
        self.account_id = d.account_id if d else account_id
        self.setWindowTitle(self.tr("Edit deal") if d else self.tr("New deal"))
        self.add_fields("title")
        self.stage = self.add_row(
            "stage", self.tr("&Stage"), ChoiceEditor(choices(DealStage), self)
        )
        self.add_fields("amount_minor", "currency", "probability", "expected_close")
        self.contact = self.add_contact_field(self.account_id, deal_id)
        self.competitors = self.add_row("competitors", self.tr("Co&mpetitors"), ListEditor(self))
        self.competitors.setObjectName("dealCompetitors")
        self.competitors.setPlaceholderText(self.tr("Who else is bidding? (comma-separated)"))
        self.add_fields("lost_reason", "lost_to", "notes")
        self.title_edit = self.editor("title", LineEditor)
        self.probability = self.editor("probability", IntEditor)
        self.probability.setSuffix(" %")
        self.close_date = self.editor("expected_close", DateEditor)
        self.lost_reason = self.editor("lost_reason", LineEditor)
        self.lost_reason.setPlaceholderText(self.tr("Why was it lost?"))
        self.lost_to = self.editor("lost_to", LineEditor)
        self.lost_to.setPlaceholderText(self.tr("Which competitor won it?"))
        known = competitor_queries.competitor_names(store)
        completer = QCompleter(known, self.lost_to)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        self.lost_to.setCompleter(completer)
        self._competitors_before = (
            competitor_queries.deal_competitors_of(store, deal_id) if deal_id else []
        )
        self.competitors.write(self._competitors_before)
        self.notes = self.editor("notes", TextEditor)
        self.notes.setFixedHeight(80)
        if d is not None:
            self.load(d)
            self.stage.write(d.stage)
        else:
            today = qdate(to_local(store.clock.now()).date())
            self.write({"currency": currency, "probability": 10})
            self.close_date.write(cast(date, today.addMonths(2).toPython()))
        self.stage.currentIndexChanged.connect(self._stage_changed)
        self._stage_changed()
        self.documents: DocumentsPanel | None = None
        if d is not None:  # a new deal gets documents once it is saved
            self.documents = add_documents(
                self, store, stack, account_id=d.account_id, deal_id=d.id
            )
        if d is not None:
            self.proposal_button = self.buttons.addButton(
                self.tr("New p&roposal…"), QDialogButtonBox.ButtonRole.ActionRole
            )
            self.proposal_button.setObjectName("dealNewProposal")
            self.proposal_button.setToolTip(
                self.tr("Write a proposal for this deal as saved (PDF, attached to it)")
            )
            self.proposal_button.clicked.connect(self.new_proposal)

    def new_proposal(self) -> ProposalDialog | None:
        """The proposal dialog for this deal, from what is saved (not unsaved edits)."""
        return open_proposal(self.store, self.stack, self.deal_id, parent=self)

    def _lost(self) -> bool:
        return bool(self.stage.read() == DealStage.LOST.value)

    def _stage_changed(self) -> None:
        self.lost_reason.setEnabled(self._lost())
        self.lost_to.setEnabled(self._lost())

    def read(self) -> dict[str, Any]:
        values = super().read()
        if not self._lost():
            del values["lost_reason"]  # kept as it is; only a lost deal has a reason
            del values["lost_to"]
        return values

    def chosen_competitors(self) -> list[str] | None:
        """The competitors typed, or None when the list was left as it was."""
        names = self.competitors.read()
        return None if names == self._competitors_before else names

    def save(self) -> None:
        values = self.values()
        competitors = self.chosen_competitors()
        stage = str(self.stage.read())
        title = str(values["title"]).strip()
        if self.deal_id:
            self.save_changes(
                self.tr("Edit deal “{0}”").format(title),
                services.edit_deal,
                self.deal_id,
                {**values, "stage": stage, "competitors": competitors},
            )
        else:
            account_id = self.account_id
            self.save_new(
                self.tr("New deal “{0}”").format(title),
                "deal",
                lambda uow: services.create_deal(
                    uow, account_id, stage=stage, competitors=competitors or (), **values
                ),
            )
