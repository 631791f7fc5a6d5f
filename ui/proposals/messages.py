"""Translated one-line messages for a template that cannot be filled (the models say
why in ``TemplateError.reason``; the English ``message`` is what the CLI prints)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from models.errors import RelasiError
from models.proposals.fields import FIELDS, TemplateError


def template_message(error: RelasiError) -> str:
    if not isinstance(error, TemplateError):
        return error.message
    if error.reason == "unknown-field":
        return QCoreApplication.translate(
            "Proposal",
            "Line {0}, column {1}: the template asks for ${{{2}}}, which is not a field. "
            "Known fields: {3}.",
        ).format(error.line, error.column, error.field, ", ".join(f.name for f in FIELDS))
    if error.reason == "bad-placeholder":
        return QCoreApplication.translate(
            "Proposal",
            "Line {0}, column {1}: “${{” must be followed by a field name and “}}” "
            "(write “$${{” for a literal “${{”).",
        ).format(error.line, error.column)
    if error.reason == "too-large":
        return QCoreApplication.translate(
            "Proposal", "The template is too large for a proposal (at most 200,000 characters)."
        )
    return QCoreApplication.translate(
        "Proposal", "The template cannot be read: it is missing or is not a UTF-8 text file."
    )
