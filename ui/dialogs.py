"""The create/edit dialogs, where the window and older code import them from; they live
in ``ui/forms`` (one form base built from the field declarations, a module per dialog)."""

from __future__ import annotations

from ui.forms.account import AccountDialog
from ui.forms.base import FormDialog
from ui.forms.contact import ContactDialog
from ui.forms.deal import DealDialog
from ui.forms.entry import InteractionDialog
from ui.forms.followup import FollowUpDialog

__all__ = [
    "AccountDialog",
    "ContactDialog",
    "DealDialog",
    "FollowUpDialog",
    "FormDialog",
    "InteractionDialog",
]
