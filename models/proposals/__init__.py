"""Proposals: a Markdown template filled with a deal's facts (no Qt here).

``words`` writes an amount in figures and in words (English, Indonesian);
``fields`` declares the fields a template may use and fills a template safely;
``templates`` finds the templates that ship with Relasi and the user's own.
The PDF is rendered in ``ui/proposals`` (Qt's text layout and PDF writer).
"""

from __future__ import annotations

from datetime import date

from models.proposals.fields import fill
from models.proposals.templates import TemplateRef, read
from models.proposals.values import Signer, field_values
from models.queries.proposals import proposal_facts
from models.store import Store


def compose(
    store: Store,
    deal_id: str,
    template: TemplateRef,
    *,
    today: date,
    valid: date | None = None,
    signer: Signer | None = None,
) -> str:
    """The Markdown of a proposal for ``deal_id``: ``template`` read and filled."""
    text = read(template)
    facts = proposal_facts(store, deal_id)
    return fill(text, field_values(facts, template.lang, today=today, valid=valid, signer=signer))
