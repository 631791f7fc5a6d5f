"""``python main.py [--db PATH] report CLIENT --pdf OUT.pdf [--brief]``: a client's account
review (or one-page meeting brief) as PDF, from the command line.

It needs Qt (the PDF writer and text layout) but never opens a window: a
QGuiApplication on the offscreen platform. Prints one JSON line
(``{"pdf": path, "pages": n, "client": id}``); models.cli.main.run turns a refusal into
one line on stderr and exit status 2. Its arguments are declared in main.py (so the
other subcommands start without loading Qt).
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

from PySide6.QtGui import QGuiApplication

from models.queries.review import find_client
from models.vault.opening import open_database
from ui.i18n import resolve_language
from ui.reports.export import export_report
from ui.settings import Settings
from ui.settings_dialog import apply_language


def cmd_report(args: argparse.Namespace) -> int:
    app = QGuiApplication.instance() or QGuiApplication(["relasi", "-platform", "offscreen"])
    app.setOrganizationName("Relasi")
    app.setApplicationName("Relasi")
    apply_language(resolve_language(getattr(args, "lang", None) or Settings().language))
    target = Path(args.pdf).expanduser().absolute()
    with open_database(args.db, demo=getattr(args, "demo", False)) as store:
        account_id = find_client(store, args.client)
        pages = export_report(store, account_id, target, brief=args.brief)
    print(json.dumps({"pdf": str(target), "pages": pages, "client": account_id}))
    return 0
