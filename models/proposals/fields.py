"""The fields a proposal template may use, and filling a template with them safely.

Templates may be written or edited by the user, so they are never code: a field is
``${name}`` (``string.Template`` with a pattern that only knows braced names), looked
up in a plain mapping of strings. There are no attributes, no calls and no filters to
reach anything else; ``$`` that does not open ``${`` is plain text ("US$ 500"), and
``$${`` writes a literal ``${``. An unknown field or a ``${`` that is not closed by a
name and ``}`` is refused with its line and column, never half filled.

Values are escaped for Markdown, so a client called ``*Star* [Labs]`` reads as its name
and cannot add emphasis, links or HTML to the document.
"""

from __future__ import annotations

import re
import string
from collections.abc import Mapping
from dataclasses import dataclass

from models.errors import RelasiError


@dataclass(frozen=True, slots=True)
class ProposalField:
    name: str
    #: What the field holds, in English (the dialog's field list translates it).
    help: str


#: Every field a template may use, in the order the dialog lists them.
FIELDS: tuple[ProposalField, ...] = (
    ProposalField("client_name", "the client's name"),
    ProposalField("client_address", "the client's address"),
    ProposalField("contact_name", "the deal's contact (or a polite form of address)"),
    ProposalField("contact_title", "the contact's job title"),
    ProposalField("deal_title", "the deal's title"),
    ProposalField("amount", "the amount in figures (Rp 150.000.000, USD 12,500.00)"),
    ProposalField("amount_words", "the amount in words"),
    ProposalField("currency", "the currency's ISO code"),
    ProposalField("today", "today's date"),
    ProposalField("valid_until", "the date the offer is valid until"),
    ProposalField("expected_close", "the deal's expected close date"),
    ProposalField("user_name", "your name (Settings)"),
    ProposalField("user_company", "your company (Settings)"),
)
FIELD_NAMES = frozenset(f.name for f in FIELDS)

#: Largest template read (a proposal is a few pages; this refuses a wrong file early).
MAX_TEMPLATE_CHARS = 200_000


class TemplateError(RelasiError):
    """A template that cannot be filled: ``reason`` says why, for a translated message.

    reason: ``unknown-field`` (``field`` names it), ``bad-placeholder``, ``too-large``,
    ``not-text``. ``line`` and ``column`` (1-based) point at the problem when known."""

    code = "proposal-template"

    def __init__(
        self, message: str, *, reason: str, field: str = "", line: int = 0, column: int = 0
    ) -> None:
        super().__init__(message)
        self.reason = reason
        self.field = field
        self.line = line
        self.column = column


# Only ${name}; "$$" escapes; a "${" not followed by a name and "}" is invalid;
# a lone "$" is text (the named group can never match).
_PLACEHOLDER = r"""
        \$(?:
          (?P<escaped>\$(?=\{))            |
          (?P<named>(?!))                  |
          \{(?P<braced>[A-Za-z_][A-Za-z0-9_]*)\} |
          (?P<invalid>\{)
        )
        """


class _Template(string.Template):
    pattern = _PLACEHOLDER  # type: ignore[assignment]  # string.Template compiles it


_PATTERN = re.compile(_PLACEHOLDER, re.IGNORECASE | re.VERBOSE)  # what the Template compiles
_MD_SPECIAL = re.compile(r"([\\`*_\[\]<>#|~!])")


def escape_markdown(value: str) -> str:
    """``value`` as literal Markdown text on one line (backslash before punctuation
    Markdown would read; line breaks become ", ")."""
    one_line = ", ".join(part.strip() for part in value.splitlines() if part.strip())
    return _MD_SPECIAL.sub(r"\\\1", one_line)


def _where(text: str, offset: int) -> tuple[int, int]:
    line = text.count("\n", 0, offset) + 1
    column = offset - (text.rfind("\n", 0, offset) + 1) + 1
    return line, column


def check(template: str) -> None:
    """Raise TemplateError for the first unknown field or broken ``${`` in ``template``."""
    if len(template) > MAX_TEMPLATE_CHARS:
        raise TemplateError(
            f"the template has {len(template)} characters; at most {MAX_TEMPLATE_CHARS}",
            reason="too-large",
        )
    for match in _PATTERN.finditer(template):
        if match.group("invalid") is not None:
            line, column = _where(template, match.start())
            raise TemplateError(
                f"line {line}, column {column}: '${{' must be followed by a field name "
                "and '}' (write '$${' for a literal '${')",
                reason="bad-placeholder",
                line=line,
                column=column,
            )
        name = match.group("braced")
        if name is not None and name not in FIELD_NAMES:
            line, column = _where(template, match.start())
            raise TemplateError(
                f"line {line}, column {column}: unknown field ${{{name}}}; known fields: "
                + ", ".join(sorted(FIELD_NAMES)),
                reason="unknown-field",
                field=name,
                line=line,
                column=column,
            )


def fill(template: str, values: Mapping[str, str]) -> str:
    """``template`` with every ``${field}`` replaced by its value, escaped for Markdown.

    ``values`` must hold every declared field (missing ones read as empty)."""
    check(template)
    safe = {name: escape_markdown(values.get(name, "")) for name in FIELD_NAMES}
    return _Template(template).substitute(safe)
