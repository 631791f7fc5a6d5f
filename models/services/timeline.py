"""Services for a client's timeline entries (interactions) and follow-ups."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime
from typing import Any

from models.clock import as_utc
from models.entities import FollowUp, Interaction, InteractionKind
from models.errors import ValidationError
from models.services.base import (
    apply,
    checked,
    contact_of,
    get,
    record_update,
    service,
    stamp_new,
    update_with_contact,
)
from models.services.entry_tags import set_entry_tags, tag_found
from models.services.trash import record_created
from models.store import UnitOfWork


@service
def add_interaction(
    uow: UnitOfWork,
    account_id: str,
    *,
    kind: str = InteractionKind.NOTE.value,
    occurred_at: datetime | None = None,
    contact_ids: Sequence[str] = (),
    competitors: Sequence[str] | None = None,
    trends: Sequence[str] | None = None,
    **values: Any,
) -> str:
    """Add an entry to a client's timeline (now, unless ``occurred_at`` says otherwise).

    The competitors its text names and its hashtags are linked to it; ``competitors``
    and ``trends`` (names) set them by hand instead."""
    clean = checked(
        uow,
        "interaction",
        {"account_id": account_id, "kind": kind, "occurred_at": occurred_at or uow.now, **values},
    )
    if not (clean.get("subject") or clean.get("body", "").strip()):
        raise ValidationError("body", "an entry needs a subject or some text")
    interaction = Interaction(**clean)
    interaction.contacts = [get(uow, "contact", c) for c in contact_ids]
    stamp_new(uow, interaction, "interaction")
    uow.touched("account", account_id)
    tag_found(uow, interaction, new=True)
    if competitors is not None or trends is not None:
        set_entry_tags(uow, interaction.id, competitors=competitors, trends=trends)
    record_created(uow, "interaction", interaction.id)
    return interaction.id


@service
def update_interaction(
    uow: UnitOfWork, interaction_id: str, *, contact_ids: Sequence[str] | None = None, **values: Any
) -> dict[str, Any]:
    interaction: Interaction = get(uow, "interaction", interaction_id)
    clean = checked(uow, "interaction", values)
    old = apply(uow, "interaction", interaction, clean)
    new: dict[str, Any] = dict(clean)
    if contact_ids is not None:
        current = sorted(c.id for c in interaction.contacts)
        if current != sorted(contact_ids):
            old["contact_ids"] = current
            new["contact_ids"] = list(contact_ids)
            interaction.contacts = [get(uow, "contact", c) for c in contact_ids]
            interaction.updated_at = uow.now
            uow.touched("interaction", interaction.id)
    if old:
        uow.touched("account", interaction.account_id)
    if {"subject", "body"} & set(old):
        tag_found(uow, interaction)
    record_update(uow, update_interaction, interaction_id, old, new)
    return old


def edit_entry(
    uow: UnitOfWork,
    interaction_id: str,
    *,
    competitors: Sequence[str] | None = None,
    trends: Sequence[str] | None = None,
    **values: Any,
) -> dict[str, Any]:
    """The entry dialog's save: change fields (the text's competitors follow it), then,
    if given, the competitors and trends set by hand, in one unit of work; returns the
    previous field values. Not a service of its own: each service it calls records its
    own undo step."""
    old = update_interaction(uow, interaction_id, **values)
    if competitors is not None or trends is not None:
        set_entry_tags(uow, interaction_id, competitors=competitors, trends=trends)
    return old


@service
def create_followup(
    uow: UnitOfWork, account_id: str, title: str, due_at: datetime, **values: Any
) -> str:
    clean = checked(
        uow, "followup", {"account_id": account_id, "title": title, "due_at": due_at, **values}
    )
    contact_of(uow, account_id, clean)
    followup = FollowUp(**clean)
    stamp_new(uow, followup, "followup")
    uow.touched("account", account_id)
    record_created(uow, "followup", followup.id)
    return followup.id


@service
def update_followup(uow: UnitOfWork, followup_id: str, **values: Any) -> dict[str, Any]:
    return update_with_contact(uow, "followup", followup_id, values, update_followup)


def complete_followup(uow: UnitOfWork, followup_id: str, done: bool = True) -> dict[str, Any]:
    """Mark done (or not done again); returns the previous values."""
    return update_followup(uow, followup_id, done_at=uow.now if done else None)


def snooze_followup(uow: UnitOfWork, followup_id: str, until: datetime) -> dict[str, Any]:
    if as_utc(until) <= uow.now:
        raise ValidationError("snoozed_until", "a follow-up can only be snoozed to a later time")
    return update_followup(uow, followup_id, snoozed_until=until)
