"""Mapping the columns of a CSV that is no known export: by their names, then their content.

A plain spreadsheet of contacts (``First Name, Last Name, Email Address, Company``, or
``Nama, Perusahaan, Email, Telepon, Jabatan``) has no vendor preset. Its columns are
matched by name against each field's export header and common synonyms in English and
Indonesian, compared without case, accents, spaces or punctuation (``No. HP`` is
``nohp``, ``E-mail`` is ``email``) and, failing that, by rapidfuzz's similarity (a
misspelt ``Emial Adress``). A column whose name says nothing is mapped by what it holds:
mostly e-mail addresses -> e-mails, mostly valid phone numbers -> phones.

The file holds contacts when a column names people (a name, first/last name) or holds
e-mail addresses; it holds accounts when it has a company-name column and columns only
a company has (industry, website, address) but nothing about people. A file where
neither can be found gets no mapping (:func:`guess_mapping` returns None), and the
import refuses it.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence

from rapidfuzz import fuzz, process

from models import fields
from models import validation as v
from models.errors import ValidationError
from models.transfer.presets import Mapping, recognise

NAME = "guessed"
LABEL = "Columns by their names"

#: Per kind and field, what a column of it is called besides its export header.
# fmt: off
SYNONYMS: dict[str, dict[str, tuple[str, ...]]] = {
    "contact": {
        "name": (
            "name", "full name", "fullname", "contact", "contact name", "display name",
            "nama", "nama lengkap", "nama kontak",
        ),
        "first_name": ("first name", "given name", "first", "nama depan"),
        "middle_name": ("middle name", "additional name", "nama tengah"),
        "last_name": ("last name", "family name", "surname", "last", "nama belakang"),
        "emails": (
            "email", "e-mail", "email address", "e-mail address", "emails", "mail",
            "work email", "personal email", "surel", "alamat email", "alamat surel",
        ),
        "phones": (
            "phone", "phones", "phone number", "mobile", "mobile phone", "mobile number",
            "cell", "cell phone", "telephone", "tel", "work phone", "home phone",
            "telepon", "telp", "no telp", "no telepon", "nomor telepon", "hp", "no hp",
            "nomor hp", "handphone", "ponsel", "whatsapp", "wa", "no wa", "nomor whatsapp",
        ),
        "account_name": (
            "company", "company name", "organization", "organisation", "organization name",
            "account", "account name", "employer", "perusahaan", "nama perusahaan",
            "instansi", "nama instansi", "kantor", "firma",
        ),
        "title": ("title", "job title", "position", "role", "jabatan", "posisi"),
        "birthday": (
            "birthday", "birth date", "birthdate", "date of birth", "dob",
            "tanggal lahir", "tgl lahir", "ulang tahun",
        ),
        "notes": ("notes", "note", "comments", "comment", "catatan", "keterangan", "ket"),
        "linkedin_url": ("linkedin", "linkedin url", "linkedin profile", "profil linkedin"),
        "urls": ("website", "web", "url", "homepage", "situs", "situs web"),
    },
    "account": {
        "name": (
            "name", "company", "company name", "organization", "organisation",
            "organization name", "account", "account name", "nama", "perusahaan",
            "nama perusahaan", "instansi", "nama instansi",
        ),
        "industry": ("industry", "sector", "industri", "sektor", "bidang usaha"),
        "website": ("website", "web", "url", "homepage", "domain", "situs", "situs web"),
        "phone": (
            "phone", "phone number", "telephone", "tel", "office phone", "telepon", "telp",
            "no telp", "nomor telepon", "hp", "no hp", "whatsapp",
        ),
        "address": (
            "address", "street", "city", "state", "province", "postal code", "zip",
            "country", "alamat", "jalan", "kota", "provinsi", "kode pos", "negara",
        ),
        "notes": (
            "notes", "note", "description", "comments", "catatan", "keterangan",
            "deskripsi",
        ),
    },
}
# fmt: on
#: Fields several columns may feed (all kept, or joined); the others take the first.
_MANY = frozenset({"emails", "phones", "notes", "address", "urls"})
#: What only a person has, and what only a company has: which kind a file holds.
_PERSON = frozenset(
    {"first_name", "last_name", "emails", "title", "birthday", "linkedin_url", "account_name"}
)
_COMPANY = frozenset({"industry", "website", "address", "tier", "status", "cadence_days"})
#: How like a synonym (rapidfuzz ratio, 0-100) a column name must be to count as it.
FUZZY_CUTOFF = 86
#: The share of a column's sampled values that must be e-mails (phones) to map it so.
CONTENT_SHARE = 0.8
SAMPLE = 100


def key(text: str) -> str:
    """A column name without case, accents, spaces or punctuation ("No. HP" -> "nohp")."""
    plain = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in plain if c.isalnum() and not unicodedata.combining(c))


_NUMBERED = re.compile(r"\d+$")


def _table(kind: str) -> dict[str, str]:
    """Each synonym's key and the field it names (export headers included)."""
    out: dict[str, str] = {}
    for f in fields.imported(kind):
        if f.export_header:
            out.setdefault(key(f.export_header), f.name)
    for name, words in SYNONYMS[kind].items():
        for word in words:
            out.setdefault(key(word), name)
    return out


def _by_name(kind: str, column: str) -> str | None:
    table = _table(kind)
    k = key(column)
    if not k:
        return None
    for candidate in (k, _NUMBERED.sub("", k)):  # "Email 2", "Phone1"
        if candidate in table:
            return table[candidate]
    if len(k) < 5:  # short names ("hp", "wa", "tel") only exactly
        return None
    found = process.extractOne(k, list(table), scorer=fuzz.ratio, score_cutoff=FUZZY_CUTOFF)
    return table[found[0]] if found is not None else None


def _values(rows: Sequence[tuple[int, Sequence[str]]], i: int) -> list[str]:
    out: list[str] = []
    for _, record in rows:
        if i < len(record) and (text := record[i].strip()):
            out.append(text)
            if len(out) >= SAMPLE:
                break
    return out


def _is_email(text: str) -> bool:
    if "@" not in text:
        return False
    try:
        v.email(text)
    except ValidationError:
        return False
    return True


def _is_phone(text: str) -> bool:
    if sum(c.isdigit() for c in text) < 7 or any(c.isalpha() for c in text):
        return False
    try:
        return v.phone(text).startswith("+") and v.phone_note(text) is None
    except ValidationError:
        return False


def _by_content(values: Sequence[str]) -> str | None:
    if not values:
        return None
    for name, test in (("emails", _is_email), ("phones", _is_phone)):
        if sum(1 for t in values if test(t)) >= CONTENT_SHARE * len(values):
            return name
    return None


def _columns(
    kind: str, header: Sequence[str], rows: Sequence[tuple[int, Sequence[str]]]
) -> dict[str, tuple[str, ...]]:
    out: dict[str, list[str]] = {}
    seen: set[str] = set()
    unnamed: list[tuple[int, str]] = []
    for i, raw in enumerate(header):
        column = raw.strip()
        if not column or column.casefold() in seen:
            continue
        seen.add(column.casefold())
        name = _by_name(kind, column)
        if name is None:
            unnamed.append((i, column))
        elif name in _MANY or name not in out:
            out.setdefault(name, []).append(column)
    for i, column in unnamed:
        found = _by_content(_values(rows, i))
        if found == "phones" and kind == "account":
            found = None if "phone" in out else "phone"
        if found == "emails" and kind == "account":
            found = None
        if found is not None and (found in _MANY or found not in out):
            out.setdefault(found, []).append(column)
    return {name: tuple(cols) for name, cols in out.items()}


def guess_mapping(
    header: Sequence[str], rows: Sequence[tuple[int, Sequence[str]]] = ()
) -> Mapping | None:
    """The columns of ``header`` mapped by name and content, or None when no column names
    people (a name or e-mail column) nor companies."""
    contact = _columns("contact", header, rows)
    account = _columns("account", header, rows)
    people = bool({"name", "first_name", "last_name", "emails"} & contact.keys())
    companies = "name" in account
    person_only = bool(_PERSON & contact.keys())
    company_only = bool(_COMPANY & account.keys())
    if companies and (not people or (company_only and not person_only)):
        return Mapping("account", account, NAME, LABEL)
    if people:
        return Mapping("contact", contact, NAME, LABEL)
    return None


def detect_mapping(
    header: Sequence[str], rows: Sequence[tuple[int, Sequence[str]]] = ()
) -> Mapping | None:
    """The preset the header belongs to, else the mapping guessed from names and content."""
    return recognise(header) or guess_mapping(header, rows)
