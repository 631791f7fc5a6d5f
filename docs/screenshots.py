"""Takes the README's screenshots of the real window on demo data.

Run under Xvfb (xvfb-run -a -s "-screen 0 1920x1080x24" python docs/screenshots.py) or
with QT_QPA_PLATFORM=offscreen. main-window-<width>-<language>-<appearance>.png are the
window at 1366x768 and 1920x1080, in English and Indonesian, light and dark.
main-window-dark.png is the window with Settings ▸ Appearance ▸ Dark (what a dark
desktop theme gives too). pipeline-board.png is View ▸ Pipeline; account-review.png the
first page of an account review PDF (drawn by pdftoppm from poppler-utils);
dashboard-light.png and dashboard-dark.png are View ▸ Dashboard on the demo's history,
dashboard-drill.png the deals behind a figure, sales-targets.png Settings ▸ Sales
targets. window-frame.png is what the start paints first, before the database is open.
Uses a throw-away database and an in-memory keyring, so the user's own keyring
and data are never touched.
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
            review_shot(window, out / "account-review.png")
            dashboard_shots(app, window, out, "light")
        if name == "main-window-dark":
            dashboard_shots(app, window, out, "dark")
        window.close()
    apply_theme(LIGHT)
    store.close()
    QApplication.quit()


if __name__ == "__main__":
    main()
