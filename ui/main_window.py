"""The main window: a composition of the client list, timeline and follow-up panes."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLabel, QMainWindow, QSplitter, QWidget

from models.store import Store


class MainWindow(QMainWindow):
    def __init__(self, store: Store, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.setWindowTitle(self.tr("Relasi"))
        splitter = QSplitter(Qt.Orientation.Horizontal, self)
        for name in ("clientList", "timeline", "followUps"):
            pane = QLabel(name, splitter)
            pane.setObjectName(name)
        self.setCentralWidget(splitter)
        self.resize(1200, 760)
