"""Duplicate matching, before anything is written.

Indexes are built once per import from plain columns (one query per table) and kept
in dicts, so matching a row costs a few dict look-ups, plus one rapidfuzz call over the
names of the same company. Rows planned for creation are added to the index too, so a
file that holds the same person twice creates them once.

Per incoming row the answer is a :class:`Match`:

- ``update``: an exact match: the same id, an e-mail (case-insensitive), a phone
  (E.164), a website domain (accounts), or the same name (normalised: case, spaces,
  and for companies legal forms like "PT", "Tbk", "Inc") — within the same company for
  contacts;
- ``duplicate``: only a similar name (rapidfuzz score at or above the cut-off), within
  the same company for contacts; the user decides;
- ``new``: nothing alike.

Different e-mail addresses or phone numbers mean different people: a contact whose
name is like (or the same as) one at the same company is ``new`` when both have
e-mail addresses (or both phones) and none is shared ("Andi Wijayanto" and "Andi
Wijaya", each with their own address). Without that evidence a similar name stays a
possible duplicate, and the same name with different addresses becomes one (never a
silent merge of two people).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

from rapidfuzz import fuzz, process
from sqlalchemy import select
from sqlalchemy.orm import Session

from models.entities import Account, Contact

NEW = "new"
UPDATE = "update"
DUPLICATE = "duplicate"

#: rapidfuzz score (0-100) from which a name is a possible duplicate.
CONTACT_CUTOFF = 88.0
ACCOUNT_CUTOFF = 90.0

_LEGAL_FORMS = frozenset(
    [
        "pt",
        "cv",
        "tbk",
        "persero",
        "inc",
        "incorporated",
        "ltd",
        "limited",
        "llc",
        "corp",
        "corporation",
        "co",
        "company",
        "gmbh",
        "ag",
        "sa",
        "bv",
        "plc",
        "pte",
        "sdn",
        "bhd",
        "the",
    ]
)
#: Hosts whose domain says nothing about which company a website belongs to.
_SHARED_HOSTS = frozenset(
    [
        "linkedin.com",
        "facebook.com",
        "instagram.com",
        "twitter.com",
        "x.com",
        "google.com",
        "gmail.com",
        "yahoo.com",
        "hotmail.com",
        "outlook.com",
        "wordpress.com",
        "blogspot.com",
    ]
)
_NON_WORD = re.compile(r"[^\w]+")


@dataclass(frozen=True, slots=True)
class Match:
    """How an incoming row relates to what exists: new, update (exact) or duplicate."""

    action: str
    id: str | None = None
    reason: str = ""
    score: float = 100.0


NO_MATCH = Match(NEW)

#: The four (has e-mails, has phones) pairs, shared by every contact of an index.
_REACHABLE = {(e, p): (e, p) for e in (False, True) for p in (False, True)}


def person_key(name: str) -> str:
    return " ".join(name.casefold().split())


def company_key(name: str) -> str:
    """A company name without case, punctuation or legal form ("PT. Maju Jaya Tbk": "maju jaya")."""
    words = [w for w in _NON_WORD.sub(" ", name.casefold()).split() if w not in _LEGAL_FORMS]
    return " ".join(words) or " ".join(name.casefold().split())


def domain_of(website: str) -> str:
    """The host of a web address, without scheme, "www.", port or path; "" when none."""
    text = website.strip().casefold()
    if not text:
        return ""
    text = re.sub(r"^[a-z][a-z0-9+.-]*://", "", text)
    host = re.split(r"[/?#]", text, maxsplit=1)[0].rsplit("@", 1)[-1].split(":", 1)[0]
    host = host.strip(".")
    if host.startswith("www."):
        host = host[4:]
    return "" if host in _SHARED_HOSTS or "." not in host else host


@dataclass
class _Names:
    """The names of one group (a company's contacts, or all accounts) for fuzzy search.

    Fuzzy search is blocked: only names sharing the first three letters of a word are
    scored, which keeps matching a row cheap when a company has thousands of contacts.
    """

    keys: list[str] = field(default_factory=list)
    ids: list[str] = field(default_factory=list)
    exact: dict[str, str] = field(default_factory=dict)
    blocks: dict[str, list[int]] = field(default_factory=dict)

    def add(self, key: str, id_: str) -> None:
        if key not in self.exact:
            self.exact[key] = id_
            at = len(self.keys)
            self.keys.append(key)
            self.ids.append(id_)
            for prefix in {w[:3] for w in key.split()}:
                self.blocks.setdefault(prefix, []).append(at)

    def similar(self, key: str, cutoff: float) -> tuple[str, float] | None:
        found: set[int] = set()
        for prefix in {w[:3] for w in key.split()}:
            found.update(self.blocks.get(prefix, ()))
        if not found:
            return None
        candidates = sorted(found)
        best = process.extractOne(
            key,
            [self.keys[i] for i in candidates],
            scorer=fuzz.token_set_ratio,
            score_cutoff=cutoff,
            processor=None,
        )
        if best is None:
            return None
        return self.ids[candidates[best[2]]], float(best[1])


class ContactIndex:
    """Live contacts by id, e-mail, phone, and name within their company."""

    def __init__(self) -> None:
        self.by_email: dict[str, str] = {}
        self.by_phone: dict[str, str] = {}
        self.by_company: dict[str | None, _Names] = {}
        #: every contact: whether it has e-mail addresses, phones
        self.reachable: dict[str, tuple[bool, bool]] = {}

    @classmethod
    def load(cls, session: Session) -> ContactIndex:
        index = cls()
        rows = session.execute(
            select(Contact.id, Contact.name, Contact.account_id, Contact.emails, Contact.phones)
            .where(Contact.deleted_at.is_(None))
            .order_by(Contact.created_at, Contact.id)
        )
        for id_, name, account_id, emails, phones in rows:
            index.add(id_, name, account_id, emails or (), phones or ())
        return index

    def add(
        self,
        id_: str,
        name: str,
        account_id: str | None,
        emails: Iterable[str],
        phones: Iterable[str],
    ) -> None:
        emails, phones = list(emails), list(phones)
        had = self.reachable.get(id_, _REACHABLE[False, False])
        self.reachable[id_] = _REACHABLE[had[0] or bool(emails), had[1] or bool(phones)]
        for e in emails:
            self.by_email.setdefault(e.casefold(), id_)
        for p in phones:
            self.by_phone.setdefault(p, id_)
        self.by_company.setdefault(account_id, _Names()).add(person_key(name), id_)

    def match(
        self,
        name: str,
        account_id: str | None,
        emails: Sequence[str] = (),
        phones: Sequence[str] = (),
        id_: str | None = None,
    ) -> Match:
        if id_ and id_ in self.reachable:
            return Match(UPDATE, id_, "id")
        for e in emails:
            if (found := self.by_email.get(e.casefold())) is not None:
                return Match(UPDATE, found, f"e-mail {e}")
        for p in phones:
            if (found := self.by_phone.get(p)) is not None:
                return Match(UPDATE, found, f"phone {p}")
        names = self.by_company.get(account_id)
        if names is None:
            return NO_MATCH
        key = person_key(name)
        if (found := names.exact.get(key)) is not None:
            if self._other_person(found, emails, phones):
                return Match(DUPLICATE, found, "same name at the same company, other addresses")
            return Match(UPDATE, found, "same name at the same company")
        similar = names.similar(key, CONTACT_CUTOFF)
        if similar is not None and not self._other_person(similar[0], emails, phones):
            return Match(DUPLICATE, similar[0], "similar name at the same company", similar[1])
        return NO_MATCH

    def _other_person(self, id_: str, emails: Sequence[str], phones: Sequence[str]) -> bool:
        """Whether ``id_`` has e-mails (or phones) where the row has others: called only
        after no e-mail or phone of the row matched anyone."""
        has_emails, has_phones = self.reachable.get(id_, (False, False))
        return bool(emails and has_emails) or bool(phones and has_phones)


class AccountIndex:
    """Live accounts by id, normalised name, website domain and phone."""

    def __init__(self) -> None:
        self.ids: set[str] = set()
        self.names = _Names()
        self.by_domain: dict[str, str] = {}
        self.by_phone: dict[str, str] = {}

    @classmethod
    def load(cls, session: Session) -> AccountIndex:
        index = cls()
        rows = session.execute(
            select(Account.id, Account.name, Account.website, Account.phone)
            .where(Account.deleted_at.is_(None))
            .order_by(Account.created_at, Account.id)
        )
        for id_, name, website, phone in rows:
            index.add(id_, name, website or "", phone or "")
        return index

    def add(self, id_: str, name: str, website: str = "", phone: str = "") -> None:
        self.ids.add(id_)
        self.names.add(company_key(name), id_)
        if domain := domain_of(website):
            self.by_domain.setdefault(domain, id_)
        if phone:
            self.by_phone.setdefault(phone, id_)

    def find(self, name: str) -> str | None:
        """The account with this name (normalised), for a contact's company column."""
        return self.names.exact.get(company_key(name))

    def match(self, name: str, website: str = "", phone: str = "", id_: str | None = None) -> Match:
        if id_ and id_ in self.ids:
            return Match(UPDATE, id_, "id")
        if (found := self.find(name)) is not None:
            return Match(UPDATE, found, "same name")
        if (domain := domain_of(website)) and (found := self.by_domain.get(domain)):
            return Match(UPDATE, found, f"website {domain}")
        if phone and (found := self.by_phone.get(phone)):
            return Match(UPDATE, found, f"phone {phone}")
        similar = self.names.similar(company_key(name), ACCOUNT_CUTOFF)
        if similar is not None:
            return Match(DUPLICATE, similar[0], "similar name", similar[1])
        return NO_MATCH
