"""The dialog that writes and edits a timeline entry (an interaction): what happened,
who was present, the competitors and trends it mentions, and for a gift its value.

Competitors named in the text and "#hashtag" trends are tagged when the entry is saved;
the two rows show them and may be changed by hand (then they are kept as typed)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QListWidget, QListWidgetItem, QWidget

from models import services
from models.entities import InteractionKind
from models.queries import clients as client_queries
from models.queries import competitors as competitor_queries
from models.queries import gifts as gift_queries
from models.queries import timeline as timeline_queries
from models.store import Store
from ui.documents.panel import DocumentsPanel, add_documents
from ui.forms.base import FormDialog
from ui.forms.editors import (
    ChoiceEditor,
    CurrencyEditor,
    DateTimeEditor,
    IntEditor,
    LineEditor,
    ListEditor,
    MoneyEditor,
    TextEditor,
)
from ui.labels import kind_label

_GIFT = ("gift_value_minor", "gift_currency")


class InteractionDialog(FormDialog):
    KIND = "interaction"

    def __init__(
        self,
        store: Store,
        stack: QUndoStack,
        *,
        account_id: str = "",
        interaction_id: str = "",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(store, stack, parent)
        self.setObjectName("interactionDialog")
        i = timeline_queries.interaction(store, interaction_id) if interaction_id else None
        self.interaction_id = interaction_id
        self.account_id = i.account_id if i else account_id
        self.setWindowTitle(self.tr("Edit entry") if i else self.tr("New entry"))
        self.add_fields(
            "kind", "occurred_at", "subject", "body", "location", "duration_minutes", "outcome"
        )
        self.people = self.add_row("contact_ids", self.tr("&Present"), QListWidget(self))
        self.competitors = self.add_row("competitors", self.tr("Co&mpetitors"), ListEditor(self))
        self.competitors.setObjectName("entryCompetitors")
        self.competitors.setPlaceholderText(self.tr("Found in the text when saved"))
        self.trends = self.add_row("trends", self.tr("T&rends"), ListEditor(self))
        self.trends.setObjectName("entryTrends")
        self.trends.setPlaceholderText(
            self.tr("e.g. e-invoicing, AI budgets (or #tags in the text)")
        )
        tags = competitor_queries.entry_tags(store, interaction_id) if interaction_id else None
        self._tags_before = (list(tags.competitors), list(tags.trends)) if tags else ([], [])
        self.competitors.write(self._tags_before[0])
        self.trends.write(self._tags_before[1])
        self.add_fields(*_GIFT)
        self.kind = self.editor("kind", ChoiceEditor)
        self.when = self.editor("occurred_at", DateTimeEditor)
        self.subject = self.editor("subject", LineEditor)
        self.body = self.editor("body", TextEditor)
        self.body.setPlaceholderText(self.tr("Markdown works: **bold**, - lists"))
        self.duration = self.editor("duration_minutes", IntEditor)
        self.duration.setSuffix(self.tr(" min"))
        self.duration.setSpecialValueText(self.tr("—"))
        self.gift_value = self.editor("gift_value_minor", MoneyEditor)
        self.gift_currency = self.editor("gift_currency", CurrencyEditor)
        self.people.setFixedHeight(90)
        # A gift in the gift log keeps its value there (the log counts it against the cap).
        self.logged_gift = bool(i and gift_queries.gift_of_entry(store, i.id))
        if self.logged_gift:
            for name in _GIFT:
                self.editors[name].setToolTip(
                    self.tr("This gift is in the gift log, which keeps its value.")
                )
        self._list_people(set(i.contact_ids) if i else set())
        if i is not None:
            self.load(i)
            if not i.gift_currency:
                self.gift_currency.write("USD")
        else:
            self.write(
                {
                    "kind": InteractionKind.MEETING.value,
                    "occurred_at": store.clock.now(),
                    "gift_currency": "USD",
                }
            )
        self.kind.currentIndexChanged.connect(self._kind_changed)
        self._kind_changed()
        self.documents: DocumentsPanel | None = None
        if i is not None:  # a new entry gets documents once it is saved
            self.documents = add_documents(
                self, store, stack, account_id=i.account_id, interaction_id=i.id
            )

    def _list_people(self, present: set[str]) -> None:
        """The client's contacts, to tick who was there."""
        detail = client_queries.account_detail(self.store, self.account_id)
        for c in detail.contacts if detail else ():
            item = QListWidgetItem(c.name, self.people)
            item.setData(Qt.ItemDataRole.UserRole, c.id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            checked = Qt.CheckState.Checked if c.id in present else Qt.CheckState.Unchecked
            item.setCheckState(checked)

    def _is_gift(self) -> bool:
        return bool(self.kind.read() == InteractionKind.GIFT.value)

    def _kind_changed(self) -> None:
        """The gift value and currency rows are there only for a gift."""
        gift = self._is_gift()
        for name in _GIFT:
            editor = self.editors[name]
            editor.setEnabled(gift and not self.logged_gift)
            row = editor.parentWidget()  # the row's field box (editor and its error)
            if row is not None:
                self.form.setRowVisible(row, gift)

    def contact_ids(self) -> list[str]:
        items = (self.people.item(n) for n in range(self.people.count()))
        return [
            str(item.data(Qt.ItemDataRole.UserRole))
            for item in items
            if item.checkState() == Qt.CheckState.Checked
        ]

    def read(self) -> dict[str, Any]:
        values = super().read()
        if not self._is_gift() or not values["gift_currency"]:
            values |= {"gift_value_minor": None, "gift_currency": None}
        return values

    def chosen_tags(self) -> dict[str, list[str] | None]:
        """The competitors and trends typed by hand (None for a row left as it was)."""
        competitors, trends = self.competitors.read(), self.trends.read()
        return {
            "competitors": None if competitors == self._tags_before[0] else competitors,
            "trends": None if trends == self._tags_before[1] else trends,
        }

    def save(self) -> None:
        values = self.values()
        contact_ids = self.contact_ids()
        tags = self.chosen_tags()
        if self.interaction_id:
            self.save_changes(
                self.tr("Edit entry"),
                services.edit_entry,
                self.interaction_id,
                {**values, "contact_ids": contact_ids, **tags},
            )
        else:
            account_id = self.account_id
            self.save_new(
                self.tr("New {0}").format(kind_label(values["kind"]).lower()),
                "interaction",
                lambda uow: services.add_interaction(
                    uow,
                    account_id,
                    contact_ids=contact_ids,
                    competitors=tags["competitors"],
                    trends=tags["trends"],
                    **values,
                ),
            )
