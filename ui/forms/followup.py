"""The dialog that creates and edits a follow-up: what, when (a day, or a day and a
time), and how important."""

from __future__ import annotations

from datetime import UTC, date, datetime, time
from typing import Any, cast

from PySide6.QtCore import QCoreApplication, QTime
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QCheckBox, QDateEdit, QHBoxLayout, QTimeEdit, QWidget

from models import services
from models.clock import local_zone, to_local
from models.fields import field
from models.queries import followups as followup_queries
from models.queries.followups import all_day_value
from models.store import Store
from ui.forms.base import FormDialog
from ui.forms.editors import ChoiceEditor, LineEditor, TextEditor
from ui.labels import priority_label
from ui.qtime import qdate


class FollowUpDialog(FormDialog):
    KIND = "followup"

    def __init__(
        self,
        store: Store,
        stack: QUndoStack,
        *,
        account_id: str = "",
        followup_id: str = "",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(store, stack, parent)
        self.setObjectName("followUpDialog")
        f = followup_queries.followup(store, followup_id) if followup_id else None
        self.followup_id = followup_id
        self.account_id = f.account_id if f else account_id
        self.setWindowTitle(self.tr("Edit follow-up") if f else self.tr("New follow-up"))
        due = to_local(f.due_at if f else store.clock.now())
        self.date = QDateEdit(qdate(due.date()), self)
        self.date.setCalendarPopup(True)
        self.timed = QCheckBox(self.tr("At a time"), self)
        self.time = QTimeEdit(
            QTime(due.hour, due.minute) if f and not f.all_day else QTime(9, 0), self
        )
        self.timed.setChecked(bool(f and not f.all_day))
        self.time.setEnabled(self.timed.isChecked())
        self.timed.toggled.connect(self.time.setEnabled)
        due_row = QWidget(self)
        row = QHBoxLayout(due_row)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(self.date, 1)
        row.addWidget(self.timed)
        row.addWidget(self.time)
        due_row.setFocusProxy(self.date)
        self.add_field("title")
        self.title_edit = self.editor("title", LineEditor)
        due_label = QCoreApplication.translate("Field", field(self.KIND, "due_at").label)
        self.add_row("due_at", due_label, due_row)
        self.priority = ChoiceEditor([(p, priority_label(p)) for p in (0, 1, 2)], self)
        self.add_field("priority", self.priority)
        self.contact = self.add_contact_field(self.account_id, followup_id)
        self.add_field("notes")
        self.notes = self.editor("notes", TextEditor)
        self.notes.setFixedHeight(80)
        if f is not None:
            self.load(f)  # title, priority and notes, each read by its declaration
        else:
            self.write({"title": "", "priority": 1, "notes": "", "contact_id": None})

    def due(self) -> tuple[datetime, bool]:
        """The due moment in UTC, and whether it is a whole day (no time)."""
        day = cast(date, self.date.date().toPython())
        if self.timed.isChecked():
            t = cast(time, self.time.time().toPython())
            local = datetime.combine(day, time(t.hour, t.minute), local_zone())
            return local.astimezone(UTC), False
        return all_day_value(day), True

    def read(self) -> dict[str, Any]:
        due_at, all_day = self.due()
        return {**super().read(), "due_at": due_at, "all_day": all_day}

    def save(self) -> None:
        values = self.values()
        title = str(values["title"]).strip()
        if self.followup_id:
            self.save_changes(
                self.tr("Edit follow-up “{0}”").format(title),
                services.update_followup,
                self.followup_id,
                {**values, "snoozed_until": None},
            )
        else:
            account_id = self.account_id
            self.save_new(
                self.tr("New follow-up “{0}”").format(title),
                "followup",
                lambda uow: services.create_followup(uow, account_id, **values),
            )
