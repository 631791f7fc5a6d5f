"""Services: the one way data changes. Each runs inside a unit of work
(``store.write()``), validates its input through the field declarations
(:mod:`models.fields`), stamps times from the store's clock, reports what it changed
(the store tells listeners after the commit), and records how to take it back
(:mod:`models.operations` turns that into undo and redo).

Update functions return the previous values of the fields they changed. Bulk writes
(an import) go through :mod:`models.services.bulk`, under the same rules.
"""

from models.services.accounts import (
    ACCOUNT_FIELDS,
    create_account,
    create_contact,
    set_account_tags,
    update_account,
    update_contact,
)
from models.services.competitors import (
    create_competitor,
    create_trend,
    rename_trend,
    update_competitor,
)
from models.services.deals import (
    create_deal,
    create_quota,
    edit_deal,
    move_deal_stage,
    update_deal,
)
from models.services.entry_tags import set_deal_competitors, set_entry_tags
from models.services.targets import (
    set_activity_target,
    set_commission_plan,
    set_quota,
    update_quota,
)
from models.services.timeline import (
    add_interaction,
    complete_followup,
    create_followup,
    edit_entry,
    snooze_followup,
    update_followup,
    update_interaction,
)
from models.services.trash import purge_trash, put_back, soft_delete

__all__ = [
    "ACCOUNT_FIELDS",
    "add_interaction",
    "complete_followup",
    "create_account",
    "create_competitor",
    "create_contact",
    "create_deal",
    "create_followup",
    "create_quota",
    "create_trend",
    "edit_deal",
    "edit_entry",
    "move_deal_stage",
    "purge_trash",
    "put_back",
    "rename_trend",
    "set_account_tags",
    "set_activity_target",
    "set_commission_plan",
    "set_deal_competitors",
    "set_entry_tags",
    "set_quota",
    "snooze_followup",
    "soft_delete",
    "update_account",
    "update_competitor",
    "update_contact",
    "update_deal",
    "update_followup",
    "update_interaction",
    "update_quota",
]
