"""Takes the README's screenshots of the real window on demo data.

Run under Xvfb (xvfb-run -s "-screen 0 1440x900x24" python docs/screenshots.py) or with
QT_QPA_PLATFORM=offscreen. Uses a throw-away database and an in-memory keyring,
so the user's own keyring and data are never touched.
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


def main() -> None:
    keyring.set_keyring(_Memory())
    from models.demo import fill_demo
    from models.store import open_store
    from ui.app import make_application
    from ui.main_window import MainWindow
    from ui.settings import Settings
    from ui.settings_dialog import apply_language

    app = make_application()
    tmp = Path(tempfile.mkdtemp())
    store = open_store(tmp / "demo.db")
    fill_demo(store)
    out = ROOT / "docs"
    for language in ("en", "id"):
        apply_language(language)
        settings = Settings(QSettings(str(tmp / f"{language}.ini"), QSettings.Format.IniFormat))
        settings.recovery_offered = language == "en"  # the first-run banner, shown once
        window = MainWindow(store, settings)
        window.resize(1440, 860)
        window.show()
        if language == "id":
            window.clients.search.setText("PT")
        window.clients.view.selectRow(2)
        for _ in range(20):
            app.processEvents()
        QTimer.singleShot(0, lambda: None)
        app.processEvents()
        shot = window.grab()
        shot.save(str(out / f"main-window-{language}.png"))
        if language == "en":
            capture_shot(app, window, out / "quick-capture.png")
        window.close()
    store.close()
    print("saved", *(out / f"main-window-{lang}.png" for lang in ("en", "id")))
    QApplication.quit()


if __name__ == "__main__":
    main()
