"""Column mappings: which column of a CSV export feeds which field.

A :class:`Mapping` says what a CSV holds (``kind``: ``contact`` or ``account``) and, for
each field, the column(s) it comes from (several columns are combined: e-mails and
phones are all kept, names and addresses are joined). Presets are recognised from the
header of exports of Salesforce (Accounts, Contacts), HubSpot (companies, contacts),
Pipedrive (organizations, persons), LinkedIn connections, Google Contacts and Relasi's
own exports; the column names are those the vendors document for their exports.

A manual mapping is saved and loaded as JSON (:func:`mapping_to_json`,
:func:`mapping_from_json`); where it is kept is the UI's business.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from collections.abc import Mapping as AbcMapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from models import fields
from models.errors import ValidationError

#: Fields a contact row can fill: the declared ones (models/fields.py) and what an import
#: reads besides. ``first_name``/``middle_name``/``last_name`` build ``name`` when there is
#: no full-name column; ``urls`` go into the notes (a LinkedIn profile into its field).
CONTACT_FIELDS = (
    "id",
    *(f.name for f in fields.imported("contact")),
    "first_name",
    "middle_name",
    "last_name",
    "account_name",
    "urls",
)
#: Fields an account row can fill (several ``address`` columns are joined with ", ").
ACCOUNT_FIELDS = ("id", *(f.name for f in fields.imported("account")))
FIELDS = {"contact": CONTACT_FIELDS, "account": ACCOUNT_FIELDS}


@dataclass(frozen=True)
class Mapping:
    """What a CSV holds (``kind``) and, per field, the columns it is read from."""

    kind: str
    columns: dict[str, tuple[str, ...]]
    name: str = "manual"
    label: str = "Manual mapping"

    def __post_init__(self) -> None:
        if self.kind not in FIELDS:
            raise ValidationError(
                "kind", f"a mapping imports contacts or accounts, not {self.kind}"
            )
        unknown = set(self.columns) - set(FIELDS[self.kind])
        if unknown:
            raise ValidationError(
                "columns", f"{self.kind}s have no field {sorted(unknown)[0]!r} to map a column to"
            )

    def used_columns(self) -> set[str]:
        return {c for cols in self.columns.values() for c in cols}


@dataclass(frozen=True)
class Preset:
    """A known export: any one signature (all its columns present) recognises it."""

    name: str
    label: str
    kind: str
    columns: dict[str, tuple[str, ...]]
    signatures: tuple[frozenset[str], ...] = field(default_factory=tuple)

    def matches(self, header: Sequence[str]) -> bool:
        names = {h.strip().casefold() for h in header}
        return any(sig <= names for sig in self.signatures)

    def resolve(self, header: Sequence[str]) -> Mapping:
        """This preset's mapping, limited to the columns the header has (its spelling)."""
        return resolve_columns(self.kind, self.columns, header, name=self.name, label=self.label)


def resolve_columns(
    kind: str,
    columns: AbcMapping[str, Iterable[str]],
    header: Sequence[str],
    *,
    name: str = "manual",
    label: str = "Manual mapping",
) -> Mapping:
    """Keep the columns present in ``header`` (compared case-insensitively)."""
    by_fold = {h.strip().casefold(): h.strip() for h in header}
    out: dict[str, tuple[str, ...]] = {}
    for field_name, wanted in columns.items():
        present = tuple(by_fold[w.casefold()] for w in wanted if w.casefold() in by_fold)
        if present:
            out[field_name] = present
    return Mapping(kind=kind, columns=out, name=name, label=label)


def _exported(kind: str) -> dict[str, tuple[str, ...]]:
    """Relasi's own export columns of ``kind``, from the field declarations."""
    return {f.name: (f.export_header,) for f in fields.exported(kind) if f.imported}


def _sig(*names: str) -> frozenset[str]:
    return frozenset(n.casefold() for n in names)


def _numbered(pattern: str, count: int = 5) -> tuple[str, ...]:
    return tuple(pattern.format(n=n) for n in range(1, count + 1))


_SALESFORCE_ADDRESS = (
    "Billing Street",
    "Billing City",
    "Billing State/Province",
    "Billing Zip/Postal Code",
    "Billing Country",
    "BillingStreet",
    "BillingCity",
    "BillingState",
    "BillingPostalCode",
    "BillingCountry",
)

PRESETS: tuple[Preset, ...] = (
    Preset(
        "relasi-contacts",
        "Relasi contacts",
        "contact",
        {"id": ("ID",), **_exported("contact"), "account_name": ("Account",)},
        (_sig("ID", "Name", "Emails", "Phones", "Account"),),
    ),
    Preset(
        "relasi-accounts",
        "Relasi accounts",
        "account",
        {"id": ("ID",), **_exported("account")},
        (_sig("ID", "Name", "Tier", "Cadence days"),),
    ),
    Preset(
        "salesforce-contacts",
        "Salesforce Contacts",
        "contact",
        {
            "first_name": ("First Name", "FirstName"),
            "last_name": ("Last Name", "LastName"),
            "title": ("Title",),
            "emails": ("Email",),
            "phones": ("Phone", "Mobile", "MobilePhone", "Home Phone", "HomePhone"),
            "account_name": ("Account Name",),
            "birthday": ("Birthdate",),
            "notes": ("Description",),
        },
        (
            _sig("First Name", "Last Name", "Account Name"),
            _sig("FirstName", "LastName", "AccountId"),
        ),
    ),
    Preset(
        "salesforce-accounts",
        "Salesforce Accounts",
        "account",
        {
            "name": ("Account Name", "Name"),
            "industry": ("Industry",),
            "website": ("Website",),
            "phone": ("Phone",),
            "address": _SALESFORCE_ADDRESS,
            "notes": ("Description",),
        },
        (
            _sig("Account Name", "Billing City"),
            _sig("Account Name", "Industry", "Website"),
            _sig("Name", "BillingCity", "Industry"),
        ),
    ),
    Preset(
        "hubspot-contacts",
        "HubSpot contacts",
        "contact",
        {
            "first_name": ("First Name",),
            "last_name": ("Last Name",),
            "title": ("Job Title",),
            "emails": ("Email",),
            "phones": ("Phone Number", "Mobile Phone Number"),
            "account_name": ("Company Name", "Associated Company"),
            "notes": ("Message",),
        },
        (
            _sig("Record ID", "First Name", "Last Name", "Email"),
            _sig("First Name", "Last Name", "Email", "Phone Number", "Job Title"),
        ),
    ),
    Preset(
        "hubspot-companies",
        "HubSpot companies",
        "account",
        {
            "name": ("Company name", "Name"),
            "industry": ("Industry",),
            "website": ("Website URL", "Company Domain Name"),
            "phone": ("Phone Number",),
            "address": ("Street Address", "City", "State/Region", "Postal Code", "Country/Region"),
            "notes": ("About Us", "Description"),
        },
        (_sig("Company Domain Name"), _sig("Company name", "Website URL")),
    ),
    Preset(
        "pipedrive-persons",
        "Pipedrive persons",
        "contact",
        {
            "name": ("Person - Name",),
            "first_name": ("Person - First name",),
            "last_name": ("Person - Last name",),
            "title": ("Person - Job title",),
            "emails": (
                "Person - Email - Work",
                "Person - Email - Home",
                "Person - Email - Other",
                "Person - Email",
            ),
            "phones": (
                "Person - Phone - Work",
                "Person - Phone - Mobile",
                "Person - Phone - Home",
                "Person - Phone - Other",
                "Person - Phone",
            ),
            "account_name": ("Person - Organization", "Organization - Name"),
            "notes": ("Person - Notes",),
        },
        (_sig("Person - Name"),),
    ),
    Preset(
        "pipedrive-organizations",
        "Pipedrive organizations",
        "account",
        {
            "name": ("Organization - Name",),
            "website": ("Organization - Website",),
            "phone": ("Organization - Phone",),
            "industry": ("Organization - Industry",),
            "address": ("Organization - Address",),
            "notes": ("Organization - Notes",),
        },
        (_sig("Organization - Name", "Organization - Address"), _sig("Organization - ID")),
    ),
    Preset(
        "linkedin-connections",
        "LinkedIn connections",
        "contact",
        {
            "first_name": ("First Name",),
            "last_name": ("Last Name",),
            "urls": ("URL",),
            "emails": ("Email Address",),
            "account_name": ("Company",),
            "title": ("Position",),
        },
        (_sig("First Name", "Last Name", "Connected On"),),
    ),
    Preset(
        "google-contacts",
        "Google Contacts",
        "contact",
        {
            "name": ("Name",),
            "first_name": ("First Name", "Given Name"),
            "middle_name": ("Middle Name", "Additional Name"),
            "last_name": ("Last Name", "Family Name"),
            "title": ("Organization Title", "Organization 1 - Title"),
            "emails": _numbered("E-mail {n} - Value"),
            "phones": _numbered("Phone {n} - Value"),
            "account_name": ("Organization Name", "Organization 1 - Name"),
            "birthday": ("Birthday",),
            "notes": ("Notes",),
            "urls": _numbered("Website {n} - Value"),
        },
        (_sig("E-mail 1 - Value"), _sig("Phone 1 - Value"), _sig("Given Name", "Family Name")),
    ),
)


def recognise(header: Sequence[str]) -> Mapping | None:
    """The mapping of the preset the header belongs to (the one using most of its columns)."""
    best: Mapping | None = None
    best_score = 0
    for preset in PRESETS:
        if preset.matches(header):
            mapping = preset.resolve(header)
            score = len(mapping.used_columns())
            if score > best_score:
                best, best_score = mapping, score
    return best


def is_known_header(header: Sequence[str]) -> bool:
    return any(preset.matches(header) for preset in PRESETS)


def preset(name: str) -> Preset:
    for p in PRESETS:
        if p.name == name:
            return p
    raise KeyError(name)


# -- manual mappings as JSON -----------------------------------------------------------------


def mapping_to_json(mapping: Mapping) -> str:
    return json.dumps(
        {
            "kind": mapping.kind,
            "name": mapping.name,
            "label": mapping.label,
            "columns": {f: list(cols) for f, cols in mapping.columns.items()},
        },
        ensure_ascii=False,
        indent=2,
    )


def mapping_from_json(text: str) -> Mapping:
    """A mapping saved by :func:`mapping_to_json`; ValidationError when it is not one."""
    try:
        data: Any = json.loads(text)
    except json.JSONDecodeError as exc:
        raise ValidationError("mapping", f"the saved mapping is not JSON: {exc.msg}") from None
    if not isinstance(data, dict) or not isinstance(data.get("columns"), dict):
        raise ValidationError("mapping", "the saved mapping has no columns")
    columns: dict[str, tuple[str, ...]] = {}
    for name, cols in data["columns"].items():
        if isinstance(cols, str):
            cols = [cols]
        if not isinstance(cols, list) or not all(isinstance(c, str) for c in cols):
            raise ValidationError("mapping", f"the columns of {name!r} are not a list of names")
        columns[str(name)] = tuple(cols)
    return Mapping(
        kind=str(data.get("kind", "")),
        columns=columns,
        name=str(data.get("name", "manual")),
        label=str(data.get("label", "Manual mapping")),
    )


def save_mapping(path: Path, mapping: Mapping) -> None:
    from models.transfer.output import write_private

    write_private(path, mapping_to_json(mapping).encode("utf-8"))


def load_mapping(path: Path) -> Mapping:
    return mapping_from_json(path.read_text(encoding="utf-8"))
