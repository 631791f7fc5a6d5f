"""One declaration per field a user edits: its type, label, validation, search and transfer.

Everything that handles a field by name is built from these declarations: the
services' validation (:func:`clean`), the dialogs' rows (``ui/forms``), the import
mapping and the merge rules (``models/transfer``), the CSV export's columns, the vCard
properties and the search document (``models/search_docs``). Adding a plain field is
a column in ``models/entities.py``, a line here, a migration, and its translation.

Labels and messages are English source text marked for Qt's ``lupdate`` (context
``Field`` and ``FieldError``); ``ui/`` translates them when it shows them.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import date, datetime
from enum import StrEnum
from typing import Any

from models import validation as v
from models.clock import as_utc
from models.entities import AccountStatus, InteractionKind, Tier
from models.errors import ValidationError


def QT_TRANSLATE_NOOP(context: str, text: str) -> str:
    """Marks ``text`` for translation in ``context``; returns it unchanged."""
    return text


class Kind(StrEnum):
    """How a field's value is typed, checked and edited."""

    TEXT = "text"  # one line
    LONG_TEXT = "long_text"  # several lines
    EMAILS = "emails"  # a list of e-mail addresses
    PHONES = "phones"  # a list of phone numbers (E.164 where they can be read)
    PHONE = "phone"  # one phone number
    URL = "url"  # a web address
    CHOICE = "choice"  # one of an enum's values
    INT = "int"  # a whole number in a range
    DATE = "date"  # a calendar date, or None
    DATETIME = "datetime"  # an aware moment, stored in UTC
    BOOL = "bool"
    CURRENCY = "currency"  # an ISO 4217 code
    MONEY = "money"  # integer minor units
    REF = "ref"  # the id of another row (checked by the service)


class Merge(StrEnum):
    """What an import does when a matched row brings a value for this field."""

    OVERWRITE = "overwrite"  # a non-empty incoming value replaces the stored one
    UNION = "union"  # lists are united, case-insensitively
    APPEND = "append"  # text is appended unless it is already there
    KEEP = "keep"  # never changed by an import


@dataclass(frozen=True)
class Field:
    """A field of an entity, declared once."""

    name: str
    kind: Kind
    label: str
    required: bool = False
    max_len: int = 300
    choices: type[StrEnum] | None = None
    low: int = 0
    high: int = 0
    hosts: tuple[str, ...] = ()  # URL: the web address must be on one of these hosts
    keep_whitespace: bool = False  # text stored as typed (a note's body), not stripped
    join: str = ""  # how an import joins several columns of this text ("" = space/newline)
    message: str = ""  # what the form says when the value is refused
    placeholder: str = ""
    searched: str = ""  # "title" or "body": part of the search document
    imported: bool = True
    export_header: str = ""  # the CSV export's column ("" = not exported)
    merge: Merge = Merge.OVERWRITE
    vcard: str = ""  # the vCard property ("" = not in vCards)

    def clean(self, value: Any) -> Any:
        """The value as stored, or ValidationError naming this field."""
        cleaner = _CLEANERS[self.kind]
        return cleaner(self, value)

    @property
    def empty(self) -> Any:
        """What "no value" is for this field."""
        if self.kind in (Kind.EMAILS, Kind.PHONES):
            return []
        if self.kind in (Kind.TEXT, Kind.LONG_TEXT, Kind.PHONE, Kind.URL):
            return ""
        return None


def _text(f: Field, value: Any) -> str:
    text = "" if value is None else str(value)
    if f.keep_whitespace:
        if len(text) > f.max_len:
            raise ValidationError(f.name, f"{f.name} is longer than {f.max_len} characters")
        return text
    if f.required:
        return v.required_text(f.name, text, max_len=f.max_len)
    return v.optional_text(f.name, text, max_len=f.max_len)


def _url(f: Field, value: Any) -> str:
    clean = _text(f, value)
    if not clean:
        return clean
    try:
        clean = v.website(clean)
    except ValidationError as exc:
        raise ValidationError(f.name, exc.message) from None
    if f.hosts:
        host = clean.split("://", 1)[-1].split("/", 1)[0].casefold().removeprefix("www.")
        if not any(host == h or host.endswith("." + h) for h in f.hosts):
            raise ValidationError(f.name, f"{clean!r} is not a {f.hosts[0]} address")
    return clean


def _choice(f: Field, value: Any) -> str:
    assert f.choices is not None
    return v.choice(f.name, str(value), f.choices)  # type: ignore[arg-type]


def _int(f: Field, value: Any) -> int | None:
    if value is None and not f.required:
        return None
    try:
        number = int(value)
    except (TypeError, ValueError):
        raise ValidationError(f.name, f"{f.name} must be a whole number") from None
    return v.int_range(f.name, number, f.low, f.high)


def _date(f: Field, value: Any) -> date | None:
    if value is None or (isinstance(value, date) and not isinstance(value, datetime)):
        return value
    raise ValidationError(f.name, f"{f.name} must be a date")


def _datetime(f: Field, value: Any) -> datetime | None:
    if value is None:
        return None
    if not isinstance(value, datetime):
        raise ValidationError(f.name, f"{f.name} must be a date and time")
    return as_utc(value)


def _phone(f: Field, value: Any) -> str:
    text = "" if value is None else str(value)
    if not text.strip():
        return ""
    try:
        return v.phone(text)
    except ValidationError as exc:
        raise ValidationError(f.name, exc.message) from None


def _currency(f: Field, value: Any) -> str | None:
    if not value:
        if f.required:
            raise ValidationError(f.name, f"{f.name} needs a currency code")
        return None
    try:
        return v.currency(str(value))
    except ValidationError as exc:
        raise ValidationError(f.name, exc.message) from None


def _emails(f: Field, value: Any) -> list[str]:
    return v.emails(value or [])


def _phones(f: Field, value: Any) -> list[str]:
    return v.phones(value or [])


def _same(f: Field, value: Any) -> Any:
    return value


def _bool(f: Field, value: Any) -> bool:
    return bool(value)


_CLEANERS: dict[Kind, Callable[[Field, Any], Any]] = {
    Kind.TEXT: _text,
    Kind.LONG_TEXT: _text,
    Kind.EMAILS: _emails,
    Kind.PHONES: _phones,
    Kind.PHONE: _phone,
    Kind.URL: _url,
    Kind.CHOICE: _choice,
    Kind.INT: _int,
    Kind.DATE: _date,
    Kind.DATETIME: _datetime,
    Kind.BOOL: _bool,
    Kind.CURRENCY: _currency,
    Kind.MONEY: _int,
    Kind.REF: _same,
}

_NOTES = 20_000

ACCOUNT: tuple[Field, ...] = (
    Field("name", Kind.TEXT, QT_TRANSLATE_NOOP("Field", "&Name"), required=True, max_len=200,
          message=QT_TRANSLATE_NOOP("FieldError", "A name is required."), searched="title",
          export_header="Name", merge=Merge.KEEP),
    Field("industry", Kind.TEXT, QT_TRANSLATE_NOOP("Field", "&Industry"), max_len=120,
          searched="body", export_header="Industry"),
    Field("tier", Kind.CHOICE, QT_TRANSLATE_NOOP("Field", "&Tier"), choices=Tier,
          export_header="Tier"),
    Field("status", Kind.CHOICE, QT_TRANSLATE_NOOP("Field", "&Status"), choices=AccountStatus,
          export_header="Status"),
    Field("cadence_days", Kind.INT, QT_TRANSLATE_NOOP("Field", "Stay in touch every"), low=1,
          high=3650, message=QT_TRANSLATE_NOOP(
              "FieldError", "Cadence is a number of days from 1 to 3650."),
          export_header="Cadence days"),
    Field("website", Kind.URL, QT_TRANSLATE_NOOP("Field", "&Website"),
          message=QT_TRANSLATE_NOOP("FieldError", "Enter a web address such as example.com."),
          searched="body", export_header="Website"),
    Field("phone", Kind.PHONE, QT_TRANSLATE_NOOP("Field", "&Phone"), max_len=40,
          message=QT_TRANSLATE_NOOP(
              "FieldError", "Enter phone numbers, with country code or as local numbers."),
          export_header="Phone"),
    Field("address", Kind.LONG_TEXT, QT_TRANSLATE_NOOP("Field", "&Address"), max_len=_NOTES,
          export_header="Address", join=", "),
    Field("notes", Kind.LONG_TEXT, QT_TRANSLATE_NOOP("Field", "N&otes"), max_len=_NOTES,
          searched="body", export_header="Notes", merge=Merge.APPEND),
)  # fmt: skip

CONTACT: tuple[Field, ...] = (
    Field("name", Kind.TEXT, QT_TRANSLATE_NOOP("Field", "&Name"), required=True, max_len=200,
          message=QT_TRANSLATE_NOOP("FieldError", "A name is required."), searched="title",
          export_header="Name", merge=Merge.KEEP, vcard="FN"),
    Field("title", Kind.TEXT, QT_TRANSLATE_NOOP("Field", "&Job title"), max_len=200,
          searched="body", export_header="Title", vcard="TITLE"),
    Field("emails", Kind.EMAILS, QT_TRANSLATE_NOOP("Field", "&E-mails"),
          message=QT_TRANSLATE_NOOP(
              "FieldError", "Enter valid e-mail addresses, separated by commas."),
          placeholder=QT_TRANSLATE_NOOP("Field", "name@company.com, another@company.com"),
          searched="body", export_header="Emails", merge=Merge.UNION, vcard="EMAIL"),
    Field("phones", Kind.PHONES, QT_TRANSLATE_NOOP("Field", "&Phones"),
          message=QT_TRANSLATE_NOOP(
              "FieldError", "Enter phone numbers, with country code or as local numbers."),
          placeholder=QT_TRANSLATE_NOOP("Field", "0812 3456 7890, +65 6123 4567"),
          searched="body", export_header="Phones", merge=Merge.UNION, vcard="TEL"),
    Field("linkedin_url", Kind.URL, QT_TRANSLATE_NOOP("Field", "&LinkedIn"),
          hosts=("linkedin.com",),
          message=QT_TRANSLATE_NOOP(
              "FieldError", "Enter a LinkedIn profile address such as linkedin.com/in/name."),
          placeholder=QT_TRANSLATE_NOOP("Field", "linkedin.com/in/name"),
          searched="body", export_header="LinkedIn", vcard="X-SOCIALPROFILE"),
    Field("birthday", Kind.DATE, QT_TRANSLATE_NOOP("Field", "&Birthday"),
          export_header="Birthday", vcard="BDAY"),
    Field("notes", Kind.LONG_TEXT, QT_TRANSLATE_NOOP("Field", "N&otes"), max_len=_NOTES,
          searched="body", export_header="Notes", merge=Merge.APPEND, vcard="NOTE"),
)  # fmt: skip

INTERACTION: tuple[Field, ...] = (
    Field("kind", Kind.CHOICE, QT_TRANSLATE_NOOP("Field", "&Kind"), choices=InteractionKind),
    Field("occurred_at", Kind.DATETIME, QT_TRANSLATE_NOOP("Field", "&When")),
    Field("subject", Kind.TEXT, QT_TRANSLATE_NOOP("Field", "&Subject"), searched="title"),
    Field("body", Kind.LONG_TEXT, QT_TRANSLATE_NOOP("Field", "&Text"), max_len=10_000_000,
          keep_whitespace=True,
          message=QT_TRANSLATE_NOOP("FieldError", "Write something, or give the entry a subject."),
          searched="body"),
    Field("body_format", Kind.TEXT, QT_TRANSLATE_NOOP("Field", "Format"), max_len=10),
    Field("location", Kind.TEXT, QT_TRANSLATE_NOOP("Field", "&Location"), searched="body"),
    Field("duration_minutes", Kind.INT, QT_TRANSLATE_NOOP("Field", "&Duration"), high=10_000),
    Field("outcome", Kind.TEXT, QT_TRANSLATE_NOOP("Field", "&Outcome"), searched="body"),
    Field("amount_minor", Kind.MONEY, QT_TRANSLATE_NOOP("Field", "&Amount"), high=10**17),
    Field("amount_currency", Kind.CURRENCY, QT_TRANSLATE_NOOP("Field", "&Currency"),
          message=QT_TRANSLATE_NOOP(
              "FieldError", "Enter a three-letter currency code such as IDR or USD.")),
    Field("gift_value_minor", Kind.MONEY, QT_TRANSLATE_NOOP("Field", "Gift &value"), high=10**15),
    Field("gift_currency", Kind.CURRENCY, QT_TRANSLATE_NOOP("Field", "Gift &currency"),
          message=QT_TRANSLATE_NOOP(
              "FieldError", "Enter a three-letter currency code such as IDR or USD.")),
)  # fmt: skip

FOLLOWUP: tuple[Field, ...] = (
    Field("title", Kind.TEXT, QT_TRANSLATE_NOOP("Field", "&Title"), required=True,
          message=QT_TRANSLATE_NOOP("FieldError", "A title is required."), searched="title"),
    Field("due_at", Kind.DATETIME, QT_TRANSLATE_NOOP("Field", "&Due")),
    Field("all_day", Kind.BOOL, QT_TRANSLATE_NOOP("Field", "All &day")),
    Field("priority", Kind.INT, QT_TRANSLATE_NOOP("Field", "&Priority"), high=2),
    Field("snoozed_until", Kind.DATETIME, QT_TRANSLATE_NOOP("Field", "Snoozed until")),
    Field("done_at", Kind.DATETIME, QT_TRANSLATE_NOOP("Field", "Done")),
    Field("interaction_id", Kind.REF, QT_TRANSLATE_NOOP("Field", "From entry")),
    Field("contact_id", Kind.REF, QT_TRANSLATE_NOOP("Field", "Co&ntact"), imported=False),
    Field("notes", Kind.LONG_TEXT, QT_TRANSLATE_NOOP("Field", "N&otes"), max_len=_NOTES,
          imported=False, searched="body"),
)  # fmt: skip

DEAL: tuple[Field, ...] = (
    Field("title", Kind.TEXT, QT_TRANSLATE_NOOP("Field", "&Title"), required=True,
          message=QT_TRANSLATE_NOOP("FieldError", "A title is required."), searched="title"),
    Field("amount_minor", Kind.MONEY, QT_TRANSLATE_NOOP("Field", "&Amount"), high=10**17),
    Field("currency", Kind.CURRENCY, QT_TRANSLATE_NOOP("Field", "&Currency"), required=True,
          message=QT_TRANSLATE_NOOP(
              "FieldError", "Enter a three-letter currency code such as IDR or USD.")),
    Field("probability", Kind.INT, QT_TRANSLATE_NOOP("Field", "&Probability"), high=100,
          message=QT_TRANSLATE_NOOP("FieldError", "Probability is a percentage from 0 to 100.")),
    Field("expected_close", Kind.DATE, QT_TRANSLATE_NOOP("Field", "Expected &close")),
    Field("lost_reason", Kind.TEXT, QT_TRANSLATE_NOOP("Field", "Lost &reason")),
    Field("lost_to", Kind.TEXT, QT_TRANSLATE_NOOP("Field", "Lost t&o (competitor)"), max_len=200),
    Field("contact_id", Kind.REF, QT_TRANSLATE_NOOP("Field", "Co&ntact"), imported=False),
    Field("notes", Kind.LONG_TEXT, QT_TRANSLATE_NOOP("Field", "N&otes"), max_len=_NOTES,
          imported=False, searched="body"),
)  # fmt: skip

#: The declared fields of each entity kind (the names the store reports changes by).
FIELDS: dict[str, tuple[Field, ...]] = {
    "account": ACCOUNT,
    "contact": CONTACT,
    "interaction": INTERACTION,
    "followup": FOLLOWUP,
    "deal": DEAL,
}
_BY_NAME = {kind: {f.name: f for f in fields} for kind, fields in FIELDS.items()}
#: What a kind has besides its declared fields that a service takes (the owning client).
_REFS = {
    "account": (),
    "contact": ("account_id",),
    "interaction": ("account_id",),
    "followup": ("account_id",),
    "deal": ("account_id",),
}
_PLURAL = {
    "account": "accounts",
    "contact": "contacts",
    "interaction": "entries",
    "followup": "follow-ups",
    "deal": "deals",
}


def field(kind: str, name: str) -> Field:
    """The declaration of ``kind``'s field ``name`` (KeyError if there is none)."""
    return _BY_NAME[kind][name]


def names(kind: str) -> tuple[str, ...]:
    """The declared field names of ``kind``, in form order."""
    return tuple(f.name for f in FIELDS[kind])


class Clean(dict[str, Any]):
    """Values each cleaned by their declaration (:func:`clean`, or a reader that calls
    ``Field.clean`` per value to name the column at fault): a bulk write takes them as
    they are instead of checking every row a second time."""


def clean(kind: str, values: Mapping[str, Any]) -> Clean:
    """``values`` checked and normalised by their declarations.

    A name the kind does not have is refused; reference ids pass through (the
    service checks that the row they name is there).
    """
    if isinstance(values, Clean):
        return values
    known = _BY_NAME[kind]
    out = Clean()
    for name, value in values.items():
        f = known.get(name)
        if f is not None:
            out[name] = f.clean(value)
        elif name in _REFS[kind]:
            out[name] = value
        else:
            raise ValidationError(name, f"{_PLURAL[kind]} have no field {name}")
    return out


def searched(kind: str, part: str) -> tuple[str, ...]:
    """The fields of ``kind`` that make up the search document's ``part`` (title/body)."""
    return tuple(f.name for f in FIELDS[kind] if f.searched == part)


def imported(kind: str) -> tuple[Field, ...]:
    return _IMPORTED[kind]


def exported(kind: str) -> tuple[Field, ...]:
    return tuple(f for f in FIELDS[kind] if f.export_header)


_IMPORTED = {kind: tuple(f for f in fs if f.imported) for kind, fs in FIELDS.items()}


def merge_changes(
    kind: str, current: Mapping[str, Any], incoming: Mapping[str, Any]
) -> dict[str, Any]:
    """The changed fields when ``incoming`` is merged into ``current`` by each field's rule.

    Lists are united (case-insensitively), non-empty values overwrite, appended text is
    added unless already there; ``current`` is not changed.
    """
    out: dict[str, Any] = {}
    for f in FIELDS[kind]:
        if f.name not in incoming or f.merge is Merge.KEEP:
            continue
        new, have = incoming[f.name], current.get(f.name)
        if f.merge is Merge.UNION:
            have_list = list(have or [])
            folded = {str(x).casefold() for x in have_list}
            extra = [x for x in new or [] if str(x).casefold() not in folded]
            if extra:
                out[f.name] = have_list + extra
        elif f.merge is Merge.APPEND:
            have_text = have or ""
            if new and new not in have_text:
                out[f.name] = f"{have_text}\n\n{new}" if have_text else new
        elif new not in (None, "") and new != have:
            out[f.name] = new
    return out


def split_list(text: str) -> list[str]:
    """A typed list ("a, b; c" or one per line) as its items."""
    return [p.strip() for p in text.replace(";", ",").replace("\n", ",").split(",") if p.strip()]
