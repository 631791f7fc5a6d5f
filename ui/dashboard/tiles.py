"""The dashboard's figures as tiles: a caption, the figure, a line of detail. A tile is
a button: clicking it (or Enter on it) lists the deals or clients behind the figure."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt, Signal
from PySide6.QtWidgets import QLabel, QPushButton, QSizePolicy, QVBoxLayout, QWidget


class Tile(QPushButton):
    """One figure; ``drill`` carries its key (models.metrics.drill) when clicked."""

    drill = Signal(str)

    def __init__(self, key: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.key = key
        self.setObjectName(f"tile_{key.replace(':', '_')}")
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Minimum)
        self.setMinimumHeight(78)
        self.caption = QLabel(self)
        self.caption.setProperty("role", "muted")
        self.value = QLabel("-", self)
        self.value.setObjectName("tileValue")
        font = self.value.font()
        font.setPointSizeF(font.pointSizeF() * 1.35)
        font.setBold(True)
        self.value.setFont(font)
        self.detail = QLabel(self)
        self.detail.setProperty("role", "muted")
        self.detail.setWordWrap(True)
        self.value.setWordWrap(True)  # two currencies side by side may need two lines
        for label in (self.caption, self.value, self.detail):
            label.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 6, 10, 6)
        layout.setSpacing(1)
        layout.addWidget(self.caption)
        layout.addWidget(self.value)
        layout.addWidget(self.detail)
        self.clicked.connect(lambda: self.drill.emit(self.key))

    def set_caption(self, text: str, tip: str = "") -> None:
        self.caption.setText(text)
        self.setToolTip(tip)

    def show_figure(self, value: str, detail: str = "") -> None:
        self.value.setText(value)
        self.detail.setText(detail)
        self.detail.setVisible(bool(detail))
        self.setAccessibleName(f"{self.caption.text()}: {value}")
        self.setAccessibleDescription(detail)

    def sizeHint(self) -> QSize:
        layout = self.layout()
        inner = layout.sizeHint() if layout is not None else QSize()
        return inner.expandedTo(super().sizeHint())
