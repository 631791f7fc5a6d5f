"""Takes the README's screenshots of the real window on demo data.

Run under Xvfb (xvfb-run -a -s "-screen 0 1920x1080x24" python docs/screenshots.py) or
with QT_QPA_PLATFORM=offscreen. main-window-<width>-<language>-<appearance>.png are the
window at 1366x768 and 1920x1080, in English and Indonesian, light and dark.
main-window-dark.png is the window with Settings ▸ Appearance ▸ Dark (what a dark
desktop theme gives too). pipeline-board.png is View ▸ Pipeline; competitor-view.png
View ▸ Competitors; account-review.png the first page of an account review PDF (drawn
by pdftoppm from poppler-utils); deal-documents.png a deal's dialog with the documents
attached to it;
dashboard-light.png and dashboard-dark.png are View ▸ Dashboard on the demo's history,
dashboard-drill.png the deals behind a figure, sales-targets.png Settings ▸ Sales
targets. proposal-dialog.png is New proposal… on a deal (its text filled from the
Indonesian template, the preview beside it); proposal-pdf.png the first page of the PDF
it attaches; gift-log.png View ▸ Gift log with a few gifts logged. team-sync-settings.png,
team-sync-status.png and conflict-log.png are Settings ▸ Team sync, the status bar's sync
state and Tools ▸ Conflict log after a real sync with a second laptop through a throwaway
PostgreSQL server (tests/pg_server.py). window-frame.png is what the start paints first,
before the database is open. Uses a throw-away database and an in-memory
keyring, so the user's own keyring and data are never touched.
"""

from __future__ import annotations

import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import keyring  # noqa: E402
from keyring.backend import KeyringBackend  # noqa: E402
from PySide6.QtCore import QSettings, QThread, QTimer  # noqa: E402
from PySide6.QtWidgets import QApplication, QPlainTextEdit  # noqa: E402


class _Memory(KeyringBackend):
    priority = 1  # type: ignore[assignment]

    def __init__(self) -> None:
        super().__init__()
        self.values: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.values.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.values[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        self.values.pop((service, username), None)


EXAMPLE = """Acme Corp — met Budi and Sari, demo went well, budget ~ Rp 500 jt
- kirim proposal besok
- [ ] call Sari next Tuesday about pricing
TODO: invite to webinar in 2 weeks"""


def capture_shot(app: QApplication, window: object, path: Path) -> None:
    """The quick-capture dialog with the DESIGN.md example typed in."""
    from ui.quick_capture import QuickCaptureDialog

    dialog = QuickCaptureDialog(window.store, window.stack, None, window)  # type: ignore[attr-defined]
    dialog.resize(1100, 560)
    dialog.show()
    text = dialog.findChild(QPlainTextEdit, "quickCaptureText")
    text.setPlainText(EXAMPLE)
    for _ in range(40):
        app.processEvents()
        QThread.msleep(10)
    dialog.grab().save(str(path))
    text.clear()  # nothing to keep: closing asks no question
    dialog.reject()


def named_capture_shot(app: QApplication, window: object, path: Path) -> None:
    """Quick capture from the window with a client selected and a prose note naming
    another client, a contact of it, an unknown person and an undated next step."""
    from models.queries.clients import account_detail, client_names
    from ui.quick_capture import QuickCaptureDialog

    store = window.store  # type: ignore[attr-defined]
    selected = window.current_client  # type: ignore[attr-defined]
    other = next(
        (a, n) for a, n in client_names(store)
        if a != selected and n.startswith("PT ") and (account_detail(store, a) or 0)
        and account_detail(store, a).contacts  # type: ignore[union-attr]
    )  # fmt: skip
    detail = account_detail(store, other[0])
    person = detail.contacts[0].name.split()[0] if detail and detail.contacts else "Budi"
    note = (
        f"Ketemu Pak {person} di kantor {other[1]}. Mereka tertarik paket enterprise "
        "Rp 500 jt.\n- [ ] kirim proposal besok\n- [ ] telepon Bu Rina soal harga"
    )
    dialog = QuickCaptureDialog(store, window.stack, selected, window)  # type: ignore[attr-defined]
    dialog.resize(1100, 600)
    dialog.show()
    text = dialog.findChild(QPlainTextEdit, "quickCaptureText")
    text.setPlainText(note)
    for _ in range(40):
        app.processEvents()
        QThread.msleep(10)
    dialog.grab().save(str(path))
    text.clear()
    dialog.reject()


def contact_shot(app: QApplication, window: object, path: Path) -> None:
    """The contact dialog (built from the field declarations) on a demo contact."""
    from models.queries.clients import account_detail
    from ui.dialogs import ContactDialog

    store = window.store  # type: ignore[attr-defined]
    detail = account_detail(store, window.current_client)  # type: ignore[attr-defined]
    person = detail.contacts[0] if detail and detail.contacts else None
    stack = window.stack  # type: ignore[attr-defined]
    dialog = ContactDialog(store, stack, contact_id=person.id if person else "", parent=window)
    slug = "-".join((person.name if person else "budi santoso").lower().split())
    dialog.editors["linkedin_url"].write(f"linkedin.com/in/{slug}")
    dialog.show()
    for _ in range(20):
        app.processEvents()
    dialog.grab().save(str(path))
    dialog.reject()


def search_shot(app: QApplication, window: object, path: Path) -> None:
    """The search over everything (Ctrl+Shift+F): hits grouped by kind, words highlighted."""
    panel = window.search_actions.show_panel("budi")  # type: ignore[attr-defined]
    panel.resize(760, 560)
    for _ in range(20):
        app.processEvents()
    panel.grab().save(str(path))
    panel.close()


def pipeline_shot(app: QApplication, window: object, path: Path) -> None:
    """View ▸ Pipeline on the demo data: the board, a card selected."""
    board_window = window.pipeline_actions.show_board()  # type: ignore[attr-defined]
    board_window.resize(1560, 860)
    board = board_window.board
    for column in board.columns.values():
        if column.model.rowCount():
            board.select(column.model.card(0).id, column.stage)
            break
    for _ in range(30):
        app.processEvents()
    board_window.grab().save(str(path))
    board_window.close()


def deal_documents_shot(app: QApplication, window: object, path: Path) -> None:
    """A deal's dialog with its documents (attached here: the demo data has none)."""
    from sqlalchemy import select

    from models.entities import Deal
    from models.services.documents import attach
    from ui.dialogs import DealDialog

    store = window.store  # type: ignore[attr-defined]
    with store.read() as s:  # a deal at the proposal stage: where a proposal is attached
        deal = s.execute(
            select(Deal.id, Deal.account_id)
            .where(Deal.stage == "proposal", Deal.deleted_at.is_(None))
            .order_by(Deal.amount_minor.desc())
            .limit(1)
        ).one()
    files = [
        ("Penawaran harga – rev2.pdf", b"%PDF-1.4\n" + b"0" * 184_320),
        ("Rincian biaya implementasi.xlsx", b"PK\x03\x04" + b"1" * 24_576),
        ("PO-2026-117 (draft).pdf", b"%PDF-1.4\n" + b"2" * 96_100),
    ]
    with store.write() as uow:
        for name, data in files:
            attach(uow, name=name, data=data, account_id=deal.account_id, deal_id=deal.id)
    dialog = DealDialog(store, window.stack, deal_id=deal.id, parent=window)  # type: ignore[attr-defined]
    dialog.resize(640, 780)
    dialog.show()
    for _ in range(20):
        app.processEvents()
    dialog.grab().save(str(path))
    dialog.reject()


def proposal_shots(app: QApplication, window: object, out: Path) -> None:
    """New proposal… on an open deal of the demo (Indonesian template, a signer set),
    and the first page of its PDF as pdftoppm draws it."""
    import shutil
    import subprocess

    from sqlalchemy import select

    from models.entities import Deal
    from ui.proposals.dialog import ProposalDialog
    from ui.proposals.render import proposal_pdf

    store, stack = window.store, window.stack  # type: ignore[attr-defined]
    with store.read() as s:
        deal_id = s.scalars(
            select(Deal.id)
            .where(Deal.stage.in_(["proposal", "demo", "negotiation"]))
            .order_by(
                Deal.contact_id.is_(None), Deal.currency != "IDR", Deal.amount_minor.desc()
            )
            .limit(1)
        ).one()
    settings = window.settings  # type: ignore[attr-defined]
    settings.proposal_signer = ("Rina Wijaya", "PT Solusi Data Nusantara")
    settings.proposal_template = "id"
    dialog = ProposalDialog(store, stack, deal_id, settings=settings, parent=window)
    dialog.resize(1400, 820)
    dialog.show()
    for _ in range(20):
        app.processEvents()
    dialog.grab().save(str(out / "proposal-dialog.png"))
    print("saved", out / "proposal-dialog.png")
    pdf = out / "proposal-pdf.pdf"
    pdf.write_bytes(proposal_pdf(dialog.editor.toPlainText(), "Penawaran"))
    dialog.close()
    if shutil.which("pdftoppm") is None:
        print("pdftoppm not found (apt-get install poppler-utils): no proposal-pdf.png")
    else:
        subprocess.run(
            ["pdftoppm", "-png", "-r", "60", "-f", "1", "-l", "1", "-singlefile", str(pdf),
             str(out / "proposal-pdf")],
            check=True,
        )
    pdf.unlink()


def competitor_shot(app: QApplication, window: object, path: Path) -> None:
    """View ▸ Competitors on the demo data: the competitor lost to most often, selected."""
    view = window.competitor_actions.show_view()  # type: ignore[attr-defined]
    view.resize(1400, 800)
    rows = view.list_model.rows
    if rows:
        view.select(max(rows, key=lambda r: (r.lost, r.won)).id)
    view.heard.setFocus()
    for _ in range(30):
        app.processEvents()
    view.grab().save(str(path))
    view.close()


def review_shot(window: object, path: Path) -> None:
    """The first page of the selected client's account review PDF, as pdftoppm draws it
    (skipped, with a note, where poppler-utils is not installed)."""
    import shutil
    import subprocess

    from ui.reports.export import export_report

    pdf = path.with_suffix(".pdf")
    export_report(window.store, window.current_client, pdf)  # type: ignore[attr-defined]
    if shutil.which("pdftoppm") is None:
        print("pdftoppm not found (apt-get install poppler-utils): no", path.name)
        pdf.unlink()
        return
    stem = path.with_suffix("")
    subprocess.run(
        ["pdftoppm", "-png", "-r", "60", "-f", "1", "-l", "1", "-singlefile", str(pdf), str(stem)],
        check=True,
    )
    pdf.unlink()


def dashboard_shots(app: QApplication, window: object, out: Path, look: str) -> None:
    """View ▸ Dashboard on the demo's history (this quarter), the deals behind the won
    figure, and Settings ▸ Sales targets."""
    from ui.settings_sales import SalesSettingsDialog

    board = window.dashboard_action.show()  # type: ignore[attr-defined]
    board.resize(1500, 1000)
    board.period_bar.choose("quarter")
    for _ in range(30):
        app.processEvents()
        QThread.msleep(10)
    board.grab().save(str(out / f"dashboard-{look}.png"))
    print("saved", out / f"dashboard-{look}.png")
    if look == "light":
        drill = board.show_drill("won", None, "tile_won")
        for _ in range(10):
            app.processEvents()
        drill.grab().save(str(out / "dashboard-drill.png"))
        drill.close()
        store, stack, hub = window.store, window.stack, window.hub  # type: ignore[attr-defined]
        targets = SalesSettingsDialog(store, stack, hub, board)
        targets.show()
        for _ in range(10):
            app.processEvents()
        targets.grab().save(str(out / "sales-targets.png"))
        targets.close()
    board.close()


def gift_log_shot(app: QApplication, window: object, path: Path) -> None:
    """View ▸ Gift log with a few gifts logged on demo clients: one recipient over the
    cap, a gift in IDR at the user's rate, a promotional item, and the USD 300 rule."""
    from datetime import date

    from models.queries import clients as client_queries
    from models.services import gifts as gs

    store = window.store  # type: ignore[attr-defined]
    people = []
    for account_id, _name in sorted(client_queries.client_names(store), key=lambda r: r[1]):
        detail = client_queries.account_detail(store, account_id)
        if detail is not None and len(detail.contacts) >= 2:
            people.append((account_id, detail.contacts[0].id, detail.contacts[1].id))
        if len(people) == 2:
            break
    (acc, a, b), (acc2, c, _d) = people
    with store.write() as uow:
        gs.add_gift_rule(uow, date(2026, 7, 1), 30000, "USD")
        gs.set_gift_rate(uow, "IDR", "USD", "16250", date(2026, 1, 1))
        for client, who, value, cur, day, kind, text in [
            (acc, [a], 6500, "USD", date(2026, 2, 10), "business", "Batik scarf"),
            (acc, [a], 4000, "USD", date(2026, 5, 20), "business", "Dinner voucher"),
            (acc, [a, b], 1300000, "IDR", date(2026, 4, 8), "business", "Parsel Lebaran"),
            (acc, [b], 2500, "USD", date(2026, 9, 1), "promotional", "Logo umbrella"),
            (acc2, [c], 25000, "USD", date(2026, 8, 15), "business", "Concert tickets"),
            (acc2, [c], 9000, "USD", date(2025, 12, 1), "business", "Hamper"),
        ]:
            gs.record_gift(uow, client, contact_ids=who, value_minor=value, currency=cur,
                           given_on=day, kind=kind, description=text)  # fmt: skip
    log = window.gift_actions.open_log()  # type: ignore[attr-defined]
    log.resize(1250, 640)
    for _ in range(10):
        app.processEvents()
    log.grab().save(str(path))
    print("saved", path)
    log.close()


def sync_shots(app: QApplication, store: object, settings: object, out: Path) -> None:
    """Team sync against a throwaway PostgreSQL server: the demo laptop (user sari) and
    a colleague's (the team lead) edit one client's industry; the lead's later edit
    wins and the demo laptop's value goes to its conflict log."""
    from sqlalchemy.engine import make_url

    import models.sync as sync_api
    from models import services
    from models.queries.clients import client_names
    from models.server.schema import init_server
    from models.store import open_store
    from models.sync import credentials
    from tests.pg_server import PgServer, PgUnavailable
    from ui.main_window import MainWindow
    from ui.settings_dialog import SettingsDialog

    try:
        pg = PgServer.start()
    except PgUnavailable as exc:
        print("skipped the team-sync shots:", exc)
        return
    try:
        database = make_url(pg.new_database()).database or ""
        init_server(pg.url(database), pg.admin_password)
        pg.new_user("sari", "sari-pw")
        pg.new_user("lena", "lena-pw", lead=True)
        mine = pg.url(database, user="sari")
        sync_api.configure(store, mine, "sari", False)  # type: ignore[arg-type]
        credentials.save_password(mine, "sari", "sari-pw")
        sync_api.sync(store)  # type: ignore[arg-type]
        folder = Path(tempfile.mkdtemp())
        other = open_store(folder / "lena.db")
        sync_api.configure(other, pg.url(database, user="lena"), "lena", False)
        sync_api.sync(other, password="lena-pw")
        names = dict(client_names(store))  # type: ignore[arg-type]
        for account_id in sorted(names)[:2]:
            with store.write() as uow:  # type: ignore[attr-defined]
                services.update_account(uow, account_id, industry="Logistics")
            QThread.msleep(20)  # the colleague's edit is the later one
            with other.write() as uow:
                services.update_account(uow, account_id, industry="Retail & FMCG")
        sync_api.sync(other, password="lena-pw")
        window = MainWindow(store, settings)  # type: ignore[arg-type]
        window.resize(1366, 768)
        window.show()
        window.sync_actions.sync_now()
        while window.sync_actions.runner.running:
            app.processEvents()
            QThread.msleep(10)
        with store.write() as uow:  # type: ignore[attr-defined]
            services.update_account(uow, sorted(names)[3], website="https://example.co.id")
        for _ in range(80):  # the pending count is read again after a short pause
            app.processEvents()
            QThread.msleep(10)
        app.processEvents()
        shot = window.grab()
        shot.copy(0, shot.height() - 60, shot.width(), 60).save(str(out / "team-sync-status.png"))
        print("saved", out / "team-sync-status.png")
        dialog = SettingsDialog(window.settings, window)
        dialog.tabs.setCurrentWidget(dialog.sync_page)
        dialog.show()
        dialog.sync_page.test_connection()
        for _ in range(300):
            app.processEvents()
            QThread.msleep(10)
            if dialog.sync_page.test_button.isEnabled():
                break
        app.processEvents()
        dialog.grab().save(str(out / "team-sync-settings.png"))
        print("saved", out / "team-sync-settings.png")
        dialog.close()
        log = window.sync_actions.show_conflicts()
        log.view.selectRow(0)
        for _ in range(10):
            app.processEvents()
        log.grab().save(str(out / "conflict-log.png"))
        print("saved", out / "conflict-log.png")
        log.close()
        window.close()
        other.close()
    finally:
        pg.stop()


def frame_shot(app: QApplication, path: Path) -> None:
    """What the start paints first, before the store is open: the window's frame."""
    from ui.main_window import MainWindow
    from ui.settings import Settings

    ini = Path(tempfile.mkdtemp()) / "frame.ini"
    window = MainWindow(None, Settings(QSettings(str(ini), QSettings.Format.IniFormat)))
    window.resize(1366, 768)
    window.show()
    for _ in range(10):
        app.processEvents()
    window.grab().save(str(path))
    print("saved", path)
    window.close()


def main() -> None:
    keyring.set_keyring(_Memory())
    from models.demo import fill_demo
    from models.queries.followups import followups
    from models.store import open_store
    from ui.app import make_application
    from ui.main_window import MainWindow
    from ui.settings import Settings
    from ui.settings_dialog import apply_language
    from ui.theme import DARK, LIGHT, apply_theme

    app = make_application()
    apply_theme(LIGHT)  # whatever the desktop running this prefers
    tmp = Path(tempfile.mkdtemp())
    store = open_store(tmp / "demo.db")
    fill_demo(store)
    out = ROOT / "docs"
    frame_shot(app, out / "window-frame.png")
    # (language, appearance, file name, size)
    shots = [
        ("en", LIGHT, "main-window-en", (1560, 900)),
        ("id", LIGHT, "main-window-id", (1560, 900)),
        ("en", DARK, "main-window-dark", (1560, 900)),  # Settings ▸ Appearance ▸ Dark
    ]
    for width, height in ((1366, 768), (1920, 1080)):
        for language in ("en", "id"):
            for appearance, look in ((LIGHT, "light"), (DARK, "dark")):
                name = f"main-window-{width}-{language}-{look}"
                shots.append((language, appearance, name, (width, height)))
    for language, appearance, name, (width, height) in shots:
        apply_language(language)
        apply_theme(appearance)
        ini = tmp / f"{name}.ini"
        settings = Settings(QSettings(str(ini), QSettings.Format.IniFormat))
        settings.recovery_offered = name != "main-window-id"  # the first-run banner, once
        settings.appearance = appearance
        window = MainWindow(store, settings)
        window.resize(width, height)
        window.show()
        if language == "id":
            window.clients.search.setText("PT")
        window.clients.view.selectRow(2)
        if name[-5:] in ("light", "-dark"):  # a client with overdue follow-ups: tinted, first
            mine = [r for r in followups(store).overdue if r.account_name.startswith("PT")]
            if mine:
                window.clients.show_client(mine[-1].account_id)
        window.clients.view.setFocus()
        if appearance == DARK:  # a follow-up's reminder banner, to see it on dark too
            today = followups(store).today or followups(store).upcoming
            if today:
                window.remind(today[0])
        for _ in range(20):
            app.processEvents()
        QTimer.singleShot(0, lambda: None)
        app.processEvents()
        shot = window.grab()
        shot.save(str(out / f"{name}.png"))
        print("saved", out / f"{name}.png")
        if name == "main-window-en":
            capture_shot(app, window, out / "quick-capture.png")
            named_capture_shot(app, window, out / "quick-capture-named.png")
            contact_shot(app, window, out / "contact-dialog.png")
            search_shot(app, window, out / "search-panel.png")
            pipeline_shot(app, window, out / "pipeline-board.png")
            deal_documents_shot(app, window, out / "deal-documents.png")
            competitor_shot(app, window, out / "competitor-view.png")
            review_shot(window, out / "account-review.png")
            proposal_shots(app, window, out)
            dashboard_shots(app, window, out, "light")
            gift_log_shot(app, window, out / "gift-log.png")
        if name == "main-window-dark":
            dashboard_shots(app, window, out, "dark")
        window.close()
    apply_theme(LIGHT)
    apply_language("en")
    sync_ini = tmp / "sync.ini"
    sync_settings = Settings(QSettings(str(sync_ini), QSettings.Format.IniFormat))
    sync_settings.recovery_offered = True
    sync_shots(app, store, sync_settings, out)
    store.close()
    QApplication.quit()


if __name__ == "__main__":
    main()
