"""Which client the ``note`` subcommand files a note under (see models.cli.note): the
company the note names, else ``--client``, else a new client named from the note's
company mention; never a client named after a sentence."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select

from models.capture.client import normalize_company
from models.capture.client_lookup import fetch_candidates, lookup_client, resolve_client
from models.capture.mentions import CompanyMention
from models.entities import Account
from models.errors import ValidationError
from models.store import Store

__all__ = ["NoteClient", "resolve_for_note"]


@dataclass(frozen=True, slots=True)
class NoteClient:
    """The client chosen: ``id`` None for a new one; ``how`` "named", "given" or "new"."""

    id: str | None
    name: str
    how: str


def _given(store: Store, given: str) -> NoteClient:
    wanted = " ".join(given.split())
    if not wanted:
        raise ValidationError("client", "--client needs a client's name")
    with store.read() as session:
        by_id = session.execute(
            select(Account.id, Account.name).where(
                Account.id == wanted, Account.deleted_at.is_(None)
            )
        ).first()
        if by_id is not None:
            return NoteClient(str(by_id.id), str(by_id.name), "given")
        lookup = resolve_client(
            wanted,
            lambda queries: fetch_candidates(session, queries),
            mentions=[CompanyMention(wanted, 0, len(wanted), True)],
        )
    exact = [m for m in lookup.matches if m.exact]
    same = [m for m in exact if normalize_company(m.name) == normalize_company(wanted)]
    chosen = same if same else exact
    if not chosen:
        raise ValidationError("client", f"no client is named {wanted!r}")
    if len(chosen) > 1:
        names = ", ".join(sorted({m.name for m in chosen}))
        raise ValidationError(
            "client", f"--client {wanted!r} could be several clients ({names}); give the full name"
        )
    return NoteClient(chosen[0].account_id, chosen[0].name, "given")


def resolve_for_note(store: Store, text: str, given: str | None) -> NoteClient:
    """The client for ``text``; raises ValidationError when there is none to take."""
    lookup = lookup_client(store, text)
    best = lookup.best
    if best is not None and lookup.sure:
        return NoteClient(best.account_id, best.name, "named")
    if given is not None:
        return _given(store, given)
    if best is not None:
        exact = [m.name for m in lookup.matches if m.exact]
        if len(exact) > 1:  # "Acme" with Acme Holdings, Acme Labs: a script cannot be asked
            raise ValidationError(
                "client",
                f"the note could be about several clients ({', '.join(exact)}): "
                "pass --client NAME",
            )
        return NoteClient(best.account_id, best.name, "named")
    if lookup.new_name:
        return NoteClient(None, lookup.new_name, "new")
    raise ValidationError(
        "client",
        'the note names no client: name the company in it (like "PT Maju Jaya") '
        "or pass --client NAME",
    )
