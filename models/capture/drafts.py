"""Quick capture's storage: the draft being typed, meeting templates, and saving a note.

Everything lives in the encrypted database (never a plain file):

* One current draft (``drafts`` table), upserted as the user types, so a crash
  or a kill loses at most the last debounce interval. Draft writes report the
  kind "draft", which the panes ignore, so typing never refreshes them.
* Templates (``templates`` table) that pre-fill the note with headings;
  ``ensure_default_templates`` seeds three the first time.
* ``save_capture`` turns a parsed note (models.capture.parse.CaptureResult) plus the
  user's edits from the preview into rows, inside the caller's unit of work,
  and returns what it created as ``(kind, id)`` pairs for the undo command.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, time

from sqlalchemy import delete, func, select

from models import services
from models import validation as v
from models.capture.amounts import Amount
from models.capture.mentions import words_of
from models.capture.parse import CaptureResult
from models.entities import Account, Contact, Draft, Template
from models.errors import NotFoundError, ValidationError
from models.store import Store, UnitOfWork

__all__ = [
    "DEFAULT_TEMPLATES",
    "DraftRow",
    "FollowUpEdit",
    "TemplateRow",
    "clear_drafts",
    "deal_title_from_amount",
    "delete_template",
    "discard_draft",
    "ensure_default_templates",
    "list_templates",
    "load_draft",
    "save_capture",
    "save_draft",
    "save_template",
]

#: Seeded once into an empty templates table: (name, body).
DEFAULT_TEMPLATES: tuple[tuple[str, str], ...] = (
    (
        "Discovery call",
        "## Attendees\n\n## Current situation\n\n## Needs\n\n## Budget and timeline\n\n"
        "## Next steps\n- [ ] ",
    ),
    (
        "Quarterly account review",
        "## Attendees\n\n## Results this quarter\n\n## Issues\n\n## Opportunities\n\n"
        "## Next steps\n- [ ] ",
    ),
    (
        "Kunjungan klien",
        "## Peserta\n\n## Kebutuhan\n\n## Catatan\n\n## Tindak lanjut\n- [ ] ",
    ),
)

DRAFT_MAX = 200_000
TEMPLATE_BODY_MAX = 20_000


@dataclass(frozen=True, slots=True)
class DraftRow:
    """The unsaved quick-capture text, and when it was last written (UTC)."""

    id: str
    account_id: str | None
    text: str
    updated_at: datetime


@dataclass(frozen=True, slots=True)
class TemplateRow:
    id: str
    name: str
    body: str
    position: int


@dataclass(frozen=True, slots=True)
class FollowUpEdit:
    """A follow-up as the user confirmed it in the preview (``due`` is timezone-aware)."""

    title: str
    due: datetime
    all_day: bool


# -- drafts -------------------------------------------------------------------------------


def _is_live_account(uow: UnitOfWork, account_id: str) -> bool:
    account = uow.session.get(Account, account_id)
    return account is not None and account.deleted_at is None


def _live_account_or_none(uow: UnitOfWork, account_id: str | None) -> str | None:
    return account_id if account_id is not None and _is_live_account(uow, account_id) else None


def save_draft(store: Store, text: str, account_id: str | None) -> str:
    """Write ``text`` as the one current draft (durably); returns the draft's id.

    An ``account_id`` that no longer names a live client is stored as None.
    """
    if len(text) > DRAFT_MAX:
        raise ValidationError("text", f"a draft is limited to {DRAFT_MAX:,} characters")
    with store.write() as uow:
        account_id = _live_account_or_none(uow, account_id)
        draft = uow.session.scalars(
            select(Draft).order_by(Draft.updated_at.desc(), Draft.id).limit(1)
        ).first()
        if draft is None:
            draft = Draft(text=text, account_id=account_id, created_at=uow.now)
            uow.session.add(draft)
        else:
            draft.text = text
            draft.account_id = account_id
            draft.deleted_at = None
        draft.updated_at = uow.now
        uow.session.flush()
        uow.touched("draft", draft.id)
        return draft.id


def load_draft(store: Store) -> DraftRow | None:
    """The current draft, or None when there is none or it holds only blanks."""
    stmt = (
        select(Draft)
        .where(Draft.deleted_at.is_(None))
        .order_by(Draft.updated_at.desc(), Draft.id)
        .limit(1)
    )
    with store.read() as s:
        draft = s.scalars(stmt).first()
        if draft is None or not draft.text.strip():
            return None
        return DraftRow(draft.id, draft.account_id, draft.text, draft.updated_at)


def clear_drafts(uow: UnitOfWork) -> None:
    """Delete every draft for good (a draft is scratch text, not something for Trash)."""
    ids = list(uow.session.scalars(select(Draft.id)))
    if ids:
        uow.session.execute(delete(Draft).where(Draft.id.in_(ids)))
        uow.touched("draft", *ids)


def discard_draft(store: Store) -> None:
    """Forget the current draft."""
    with store.write() as uow:
        clear_drafts(uow)


# -- templates ----------------------------------------------------------------------------


def list_templates(store: Store) -> list[TemplateRow]:
    """Live templates in their order (position, then name)."""
    stmt = (
        select(Template)
        .where(Template.deleted_at.is_(None))
        .order_by(Template.position, Template.name, Template.id)
    )
    with store.read() as s:
        return [TemplateRow(t.id, t.name, t.body, t.position) for t in s.scalars(stmt)]


def save_template(store: Store, name: str, body: str, template_id: str | None = None) -> str:
    """Create a template (placed last) or change one; returns its id."""
    clean_name = v.required_text("name", name, max_len=120)
    if len(body) > TEMPLATE_BODY_MAX:
        raise ValidationError("body", f"a template is limited to {TEMPLATE_BODY_MAX:,} characters")
    with store.write() as uow:
        if template_id is None:
            last = uow.session.scalar(select(func.max(Template.position)))
            template = Template(
                name=clean_name,
                body=body,
                position=(last if last is not None else -1) + 1,
                created_at=uow.now,
                updated_at=uow.now,
            )
            uow.session.add(template)
            uow.session.flush()
        else:
            found = uow.session.get(Template, template_id)
            if found is None or found.deleted_at is not None:
                raise NotFoundError(f"no template with id {template_id}")
            template = found
            template.name = clean_name
            template.body = body
            template.updated_at = uow.now
        uow.touched("template", template.id)
        return template.id


def delete_template(store: Store, template_id: str) -> None:
    """Move a template to Trash."""
    with store.write() as uow:
        services.soft_delete(uow, "template", template_id)


def ensure_default_templates(store: Store) -> int:
    """Seed the default templates into a database that never had any; returns how many.

    A user who deleted them all does not get them back (deleted rows still count).
    """
    with store.read() as s:
        if s.scalar(select(func.count()).select_from(Template)):
            return 0
    with store.write() as uow:
        if uow.session.scalar(select(func.count()).select_from(Template)):
            return 0  # another writer seeded them meanwhile
        for position, (name, body) in enumerate(DEFAULT_TEMPLATES):
            template = Template(
                name=name, body=body, position=position, created_at=uow.now, updated_at=uow.now
            )
            uow.session.add(template)
            uow.session.flush()
            uow.touched("template", template.id)
    return len(DEFAULT_TEMPLATES)


# -- saving a note ------------------------------------------------------------------------


def _contact_ids(uow: UnitOfWork, account_id: str, names: Sequence[str]) -> list[str]:
    """Ids of the account's live contacts named ``names`` (each name once, in order)."""
    if not names:
        return []
    rows = uow.session.execute(
        select(Contact.id, Contact.name).where(
            Contact.account_id == account_id,
            Contact.deleted_at.is_(None),
            Contact.name.in_(list(names)),
        )
    ).all()
    by_name: dict[str, str] = {}
    for id_, name in sorted(rows, key=lambda r: r.id):
        by_name.setdefault(name, id_)
    return [by_name[n] for n in dict.fromkeys(names) if n in by_name]


def _own_contacts(uow: UnitOfWork, account_id: str, ids: Sequence[str]) -> list[str]:
    """``ids`` that are live contacts of the account, each once; any other is refused."""
    wanted = list(dict.fromkeys(ids))
    if not wanted:
        return []
    found = set(
        uow.session.scalars(
            select(Contact.id).where(
                Contact.id.in_(wanted),
                Contact.account_id == account_id,
                Contact.deleted_at.is_(None),
            )
        )
    )
    missing = [i for i in wanted if i not in found]
    if missing:
        raise ValidationError("contacts", "a person picked for the note is not this client's")
    return wanted


def _as_written(text: str) -> str:
    """The note as typed: blank lines at its ends and trailing blanks dropped, line
    breaks kept ("\r\n" read as "\n")."""
    lines = [line.rstrip() for line in text.replace("\r\n", "\n").replace("\r", "\n").split("\n")]
    while lines and not lines[0].strip():
        lines.pop(0)
    while lines and not lines[-1].strip():
        lines.pop()
    return "\n".join(lines)


_CLAUSE = re.compile(r"(?:[^.,;:!?\n—–]|(?<=\d)[.,](?=\d))+")
_PRODUCT = re.compile(
    r"(?<!\w)(?:paket|package|plan|lisensi|license|licence|produk|product|layanan|service|"
    r"proyek|project|modul|module|program)\s+[^\W\d_][\w-]*(?:\s+(?-i:[A-Z0-9])[\w-]*)?",
    re.IGNORECASE,
)
_LEAD_WORDS = words_of(
    "budget anggaran sekitar kira-kira kurang lebih senilai seharga sebesar harga nilai "
    "approx about around of for at worth total rp idr usd ~ mereka they tertarik interested "
    "in di untuk dengan and dan yang the a an minta want wants butuh need needs"
)


def deal_title_from_amount(text: str, amount: Amount | None) -> str | None:
    """A deal title from what the note says about the amount: the product or package
    named in the amount's sentence ("paket enterprise"), else the few words just
    before the amount that are not filler ("budget", "sekitar"); None when nothing
    is said (the dialog then asks). Never the note's first words."""
    if amount is None or not text:
        return None
    for clause in _CLAUSE.finditer(text):
        if not clause.start() <= amount.start < clause.end():
            continue
        around = text[clause.start() : amount.start] + " " + text[amount.end : clause.end()]
        named = _PRODUCT.search(around)
        if named is not None:
            title = " ".join(named.group(0).split())
            return title[:1].upper() + title[1:]
        before = text[clause.start() : amount.start].replace("~", " ").split()
        kept: list[str] = []
        for word in reversed(before):
            if word.casefold().strip(",:") in _LEAD_WORDS:
                if kept:
                    break
                continue
            kept.insert(0, word.strip(",:"))
            if len(kept) == 4:
                break
        title = " ".join(kept)
        return title[:1].upper() + title[1:] if len(title) >= 3 else None
    return None


def _due_value(edit: FollowUpEdit) -> datetime:
    if edit.due.tzinfo is None:
        raise ValidationError("due_at", "a follow-up's due date needs a time zone")
    if edit.all_day:  # stored as the start of that day in the user's zone
        return datetime.combine(edit.due.date(), time(), tzinfo=edit.due.tzinfo)
    return edit.due


def save_capture(
    uow: UnitOfWork,
    *,
    account_id: str | None,
    result: CaptureResult,
    followups: Sequence[FollowUpEdit],
    kind: str,
    occurred_at: datetime | None = None,
    create_deal_amount: bool = False,
    new_account_name: str | None = None,
    deal_title: str | None = None,
    note_text: str | None = None,
    contact_ids: Sequence[str] | None = None,
    new_contacts: Sequence[str] = (),
) -> list[tuple[str, str]]:
    """Create what a quick-capture note says, in the caller's unit of work.

    * the client: ``account_id``, or a new account named ``new_account_name``;
    * the interaction (``kind``, the result's subject and body, the contacts it
      names matched to the account's contacts, the first amount), unless the
      note holds nothing but follow-ups;
    * one follow-up per ``followups`` entry (the user's edited titles and dates),
      linked to that interaction;
    * with ``create_deal_amount`` and an amount, a deal for the first amount,
      titled ``deal_title`` (else by what the note says around the amount,
      ``deal_title_from_amount``, else "Deal");
    * ``note_text``: the note as written (line breaks and next-step lines kept) is
      the entry's body, in plain text; without it, ``result.body``;
    * ``contact_ids``: the people the user confirmed (the client's contacts), else
      the contacts ``result`` names; ``new_contacts``: names of people to add to
      the client as new contacts, linked to the entry.

    Returns ``(kind, id)`` for every row created, account first, for undo.
    Raises ValidationError when there is no client or nothing to save.
    """
    if (account_id is None) == (new_account_name is None):
        raise ValidationError("account_id", "pick a client, or name a new one, to save the note")
    created: list[tuple[str, str]] = []
    if account_id is None:
        assert new_account_name is not None
        account_id = services.create_account(uow, new_account_name)
        created.append(("account", account_id))
    elif not _is_live_account(uow, account_id):
        raise NotFoundError(f"no account with id {account_id}")
    # Held for the whole unit of work: the session's identity map only keeps weak
    # references, and each service looks the account up again (a query every time).
    account = uow.session.get(Account, account_id)
    body = result.body if note_text is None else _as_written(note_text)
    has_text = bool(result.subject.strip() or body.strip())
    if not has_text and not followups:
        raise ValidationError("body", "the note is empty: type something to save")
    amount = result.amounts[0] if result.amounts else None
    people = (
        _contact_ids(uow, account_id, result.contacts)
        if contact_ids is None
        else _own_contacts(uow, account_id, contact_ids)
    )
    for name in dict.fromkeys(n.strip() for n in new_contacts if n.strip()):
        contact_id = services.create_contact(uow, name, account_id=account_id)
        created.append(("contact", contact_id))
        people.append(contact_id)
    interaction_id: str | None = None
    if has_text:
        interaction_id = services.add_interaction(
            uow,
            account_id,
            kind=kind,
            occurred_at=occurred_at,
            contact_ids=people,
            subject=result.subject[:300],
            body=body,
            body_format="plain" if note_text is not None else "markdown",
            amount_minor=amount.minor_units if amount is not None else None,
            amount_currency=amount.currency if amount is not None else None,
        )
        created.append(("interaction", interaction_id))
    for edit in followups:
        created.append(
            (
                "followup",
                services.create_followup(
                    uow,
                    account_id,
                    edit.title,
                    _due_value(edit),
                    all_day=edit.all_day,
                    interaction_id=interaction_id,
                ),
            )
        )
    if create_deal_amount and amount is not None:
        context = note_text if note_text is not None else result.body
        title = (deal_title or deal_title_from_amount(context, amount) or "").strip()
        deal_id = services.create_deal(
            uow,
            account_id,
            title[:300] or "Deal",
            amount_minor=amount.minor_units,
            currency=amount.currency,
        )
        created.append(("deal", deal_id))
    del account  # kept referenced (in the identity map) until every service ran
    return created
