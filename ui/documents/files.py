"""The local files a drag carries, and the private folder opened documents go through
(one per running app, removed when it quits; see models.vault.viewing)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QMimeData, QObject

from models.vault.viewing import ViewingFolder

HOLDER = "relasiViewingFolder"


def local_files(mime: QMimeData) -> list[Path]:
    """The local files (not folders) in a drag's data, in order."""
    if not mime.hasUrls():
        return []
    paths = [Path(u.toLocalFile()) for u in mime.urls() if u.isLocalFile()]
    return [p for p in paths if not p.is_dir()]


class _Holder(QObject):
    """Keeps the app's viewing folder; removes it when the app is about to quit."""

    def __init__(self, app: QCoreApplication) -> None:
        super().__init__(app)
        self.setObjectName(HOLDER)
        self.folder = ViewingFolder()
        app.aboutToQuit.connect(self.folder.close)


def viewing_folder() -> ViewingFolder:
    """The running app's folder for opened documents (one per process)."""
    app = QCoreApplication.instance()
    assert app is not None, "a QApplication must exist"
    holder = app.findChild(_Holder, HOLDER)
    if holder is None:
        holder = _Holder(app)
    return holder.folder


def close_viewing_folder() -> None:
    """Remove the app's folder of opened documents now (when it has one)."""
    app = QCoreApplication.instance()
    holder = app.findChild(_Holder, HOLDER) if app is not None else None
    if holder is not None:
        holder.folder.close()
