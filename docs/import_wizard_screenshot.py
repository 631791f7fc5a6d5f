"""Takes the README's screenshot of the import wizard's preview page on demo data.

Run under Xvfb: xvfb-run -a -s "-screen 0 1600x1000x24" python docs/import_wizard_screenshot.py
A throw-away database and an in-memory keyring are used (see docs/screenshots.py). The
CSV is a Salesforce contacts export written from the demo data: some rows match
existing contacts by e-mail (update), one is a similar name at the same company
(possible duplicate), some are new, and one has a bad e-mail address (error).
"""

from __future__ import annotations

import csv
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "docs"))

import keyring  # noqa: E402
from PySide6.QtCore import QSettings  # noqa: E402
from PySide6.QtWidgets import QApplication  # noqa: E402
from screenshots import _Memory  # noqa: E402

HEADER = ["First Name", "Last Name", "Title", "Account Name", "Email", "Phone", "Description"]


def write_csv(path: Path, rows: list[list[str]]) -> None:
    with path.open("w", encoding="utf-8-sig", newline="") as f:
        writer = csv.writer(f)
        writer.writerow(HEADER)
        writer.writerows(rows)


def main() -> None:
    keyring.set_keyring(_Memory())

    from models.demo import fill_demo
    from models.queries import clients as client_queries
    from models.store import open_store
    from ui.app import make_application
    from ui.import_wizard import COLUMNS_PAGE, ImportWizard
    from ui.main_window import MainWindow
    from ui.settings import Settings
    from ui.theme import LIGHT, apply_theme

    app = make_application()
    apply_theme(LIGHT)  # the README's shots are light (main-window-dark.png aside)
    tmp = Path(tempfile.mkdtemp())
    store = open_store(tmp / "demo.db")
    fill_demo(store, accounts=40)
    rows: list[list[str]] = []
    for account_id, name in client_queries.client_names(store)[:12]:
        detail = client_queries.account_detail(store, account_id)
        if detail is None or not detail.contacts:
            continue
        person = detail.contacts[0]
        first, _, last = person.name.partition(" ")
        if len(rows) in (1, 5):  # a similar name at the same company
            rows.append([first, last + "a", person.title, name, "", "", "Met at the expo"])
        else:  # the same e-mail: merged
            email = person.emails[0] if person.emails else ""
            rows.append([first, last, person.title or "Manager", name, email, "", ""])
    rows[3:3] = [
        ["Rina", "Wijaya", "Head of Procurement", "PT Sinar Baru", "rina@sinarbaru.co.id",
         "0812-3456-7890", "Referred by Budi"],
        ["Thomas", "Becker", "CTO", "Nordwind GmbH", "thomas.becker@nordwind.de",
         "+49 30 1234567", ""],
        ["Ayu", "Lestari", "Buyer", "PT Sinar Baru", "ayu(at)sinarbaru", "", ""],
        ["Kevin", "Tan", "Finance Director", "Lion Harbour Pte Ltd", "kevin.tan@lionharbour.sg",
         "+65 6123 4567", ""],
    ]  # fmt: skip
    path = tmp / "salesforce_contacts.csv"
    write_csv(path, rows)

    settings = Settings(QSettings(str(tmp / "en.ini"), QSettings.Format.IniFormat))
    window = MainWindow(store, settings)
    window.resize(1440, 860)
    window.show()
    wizard = ImportWizard(store, window.stack, window)
    wizard.resize(1180, 620)
    wizard.show()
    wizard.file_page.path_edit.setText(str(path))
    wizard.next()
    if wizard.currentId() == COLUMNS_PAGE:
        wizard.next()
    for _ in range(20):
        app.processEvents()
    out = ROOT / "docs" / "import-wizard.png"
    wizard.grab().save(str(out))
    print("saved", out)
    wizard.close()
    window.close()
    store.close()
    QApplication.quit()


if __name__ == "__main__":
    main()
