"""What the quick-capture dialog reads from the database, each thing once: a client's
name and contacts, the clients a note's companies name (looked up again only when
those companies change), and the locale's date order."""

from __future__ import annotations

from PySide6.QtCore import QLocale

from models.capture.client_lookup import ClientLookup, lookup_client, lookup_name
from models.capture.dates import date_order_for_locale
from models.capture.mentions import find_mentions
from models.queries import clients as client_queries
from models.store import Store

#: Lookups kept per dialog (a note names few companies; typing changes them slowly).
MAX_LOOKUPS = 64


class CaptureReader:
    """Cached reads for one quick-capture dialog (never across dialogs: data changes)."""

    def __init__(self, store: Store) -> None:
        self.store = store
        self._details: dict[str, tuple[str, tuple[tuple[str, str], ...]]] = {}
        self._lookups: dict[tuple[tuple[str, bool], ...], ClientLookup] = {}
        self._date_order: str | None = None

    def detail(self, account_id: str) -> tuple[str, tuple[tuple[str, str], ...]]:
        """(name, contacts as (id, name)) of a live client; ("", ()) when there is none."""
        if account_id not in self._details:
            detail = client_queries.account_detail(self.store, account_id)
            self._details[account_id] = (
                (detail.name, tuple((c.id, c.name) for c in detail.contacts))
                if detail is not None and detail.deleted_at is None
                else ("", ())
            )
        return self._details[account_id]

    def lookup(self, text: str) -> ClientLookup:
        """The clients the note names."""
        mentions = find_mentions(text)
        key = tuple((m.text, m.can_create) for m in mentions)
        if key not in self._lookups:
            if len(self._lookups) > MAX_LOOKUPS:
                self._lookups.clear()
            self._lookups[key] = lookup_client(self.store, text, mentions=mentions)
        return self._lookups[key]

    def lookup_name(self, name: str) -> ClientLookup:
        """The clients a name typed into the picker means."""
        return lookup_name(self.store, name)

    def date_order(self) -> str:
        if self._date_order is None:
            try:
                self._date_order = date_order_for_locale(QLocale().name())
            except (ValueError, LookupError):
                self._date_order = "DMY"
        return self._date_order
