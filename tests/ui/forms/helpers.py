"""Driving a form as a user does: type into its real widgets, click Save, read what
it says under a field."""

from __future__ import annotations

from typing import TypeVar

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QWidget,
)
from pytestqt.qtbot import QtBot

from models.fields import field
from ui.forms.base import FormDialog

D = TypeVar("D", bound=FormDialog)


def shown(qtbot: QtBot, dialog: D) -> D:
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitExposed(dialog)
    return dialog


def type_into(qtbot: QtBot, widget: QWidget, text: str) -> None:
    """Replace what ``widget`` holds by typing ``text`` into it, key by key."""
    if isinstance(widget, QLineEdit | QPlainTextEdit | QAbstractSpinBox):
        widget.selectAll()
    qtbot.keyClicks(widget, text)


def save(qtbot: QtBot, dialog: FormDialog) -> None:
    button = dialog.buttons.button(QDialogButtonBox.StandardButton.Save)
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton)


def error_under(dialog: FormDialog, name: str) -> str | None:
    """The message shown under field ``name``, or None when none is shown."""
    label = dialog.findChild(QLabel, f"error_{name}")
    assert label is not None, name
    return None if label.isHidden() else label.text()


def shown_errors(dialog: FormDialog) -> dict[str, str]:
    """Every message shown in the form, by field (``formError`` for the general one)."""
    out = {}
    for label in dialog.findChildren(QLabel):
        name = label.objectName()
        if (name.startswith("error_") or name == "formError") and not label.isHidden():
            out[name.removeprefix("error_")] = label.text()
    return out


def declared_message(kind: str, name: str) -> str:
    message = field(kind, name).message
    assert message, f"{kind}.{name} declares no message"
    return QCoreApplication.translate("FieldError", message)
