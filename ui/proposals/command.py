"""``python main.py [--db PATH] proposal DEAL --to OUT.pdf [--template en|id|PATH]
[--client CLIENT] [--valid-until YYYY-MM-DD] [--attach]``: a deal's proposal as PDF.

Needs Qt (the Markdown reader and the PDF writer) but never opens a window: a
QGuiApplication on the offscreen platform, like ``report``. The signer is the one the
window last saved (Settings). Prints one JSON line (``{"pdf", "pages", "deal",
"template", "document"}``, ``document`` the attached copy's id or null);
models.cli.main.run turns a refusal into one line on stderr and exit status 2. Its
arguments are declared in main.py (so other subcommands start without loading Qt).
"""

from __future__ import annotations

import argparse
import json
from datetime import date
from pathlib import Path

from PySide6.QtGui import QGuiApplication

from models.clock import to_local
from models.errors import ValidationError
from models.proposals import compose
from models.proposals.templates import resolve
from models.proposals.values import Signer
from models.queries.proposals import find_deal, proposal_facts
from models.queries.review import find_client
from models.services import documents
from models.vault.opening import open_database
from ui.i18n import resolve_language
from ui.proposals.render import proposal_html
from ui.proposals.saving import PDF, file_name
from ui.reports.pdf import write_pdf
from ui.settings import Settings
from ui.settings_dialog import apply_language


def _day(text: str | None) -> date | None:
    if not text:
        return None
    try:
        return date.fromisoformat(text.strip())
    except ValueError:
        raise ValidationError("valid_until", f"--valid-until {text!r} is not YYYY-MM-DD") from None


def cmd_proposal(args: argparse.Namespace) -> int:
    app = QGuiApplication.instance() or QGuiApplication(["relasi", "-platform", "offscreen"])
    app.setOrganizationName("Relasi")
    app.setApplicationName("Relasi")
    settings = Settings()
    apply_language(resolve_language(getattr(args, "lang", None) or settings.language))
    valid = _day(args.valid_until)
    target = Path(args.to).expanduser().absolute()
    template = resolve(args.template)
    with open_database(args.db, demo=getattr(args, "demo", False)) as store:
        account_id = find_client(store, args.client) if args.client else None
        deal_id = find_deal(store, args.deal, account_id)
        today = to_local(store.clock.now()).date()
        text = compose(
            store,
            deal_id,
            template,
            today=today,
            valid=valid,
            signer=Signer(*settings.proposal_signer),
        )
        facts = proposal_facts(store, deal_id)
        name = file_name(facts.deal_title, today)
        pages = write_pdf(proposal_html(text), target, name.removesuffix(".pdf"))
        document = None
        if args.attach:
            with store.write() as uow:
                document = documents.attach(
                    uow,
                    name=name,
                    data=target,
                    account_id=facts.account_id,
                    deal_id=deal_id,
                    mime=PDF,
                )
    out = {
        "pdf": str(target),
        "pages": pages,
        "deal": deal_id,
        "template": template.key,
        "document": document,
    }
    print(json.dumps(out))
    return 0
