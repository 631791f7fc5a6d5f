"""A scripted user for code that blocks in ``exec()``: modal dialogs, message boxes,
popup menus, and ``app.exec()`` itself (ui.app.run_gui).

``Script`` is a list of steps. Each step waits for a widget (the dialog that became
modal, or a main window shown with no dialog over it), then acts on it, like a
person reading the screen and clicking. What each answered dialog showed is kept in
``seen`` so the test can assert on it. A modal dialog nobody expected is recorded
in ``unexpected`` and rejected, and a script that gets stuck gives up after a number
of polls (closing every window), so a wrong code path fails the test instead of
hanging it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from types import TracebackType

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import (
    QAbstractButton,
    QApplication,
    QDialog,
    QInputDialog,
    QLabel,
    QMenu,
    QMessageBox,
    QProgressDialog,
    QWidget,
)

POLL_MS = 10
#: Polls before a stuck script gives up (generous: a worker may need to finish).
GIVE_UP_POLLS = 3_000


def text_of(widget: QWidget) -> str:
    """What a user reads in a dialog: its title and the text of its labels."""
    if isinstance(widget, QMessageBox):
        return "\n".join(t for t in (widget.windowTitle(), widget.text()) if t)
    if isinstance(widget, QInputDialog):
        return "\n".join(t for t in (widget.windowTitle(), widget.labelText()) if t)
    labels = [label.text() for label in widget.findChildren(QLabel) if label.isVisible()]
    return "\n".join(t for t in (widget.windowTitle(), *labels) if t)


def button(widget: QWidget, text: str) -> QAbstractButton:
    """The visible button labelled ``text`` (mnemonic ampersands ignored)."""
    found = [
        b
        for b in widget.findChildren(QAbstractButton)
        if b.isVisible() and b.text().replace("&", "") == text
    ]
    labels = [b.text() for b in widget.findChildren(QAbstractButton) if b.isVisible()]
    assert len(found) == 1, f"no single button {text!r} in {labels}"
    return found[0]


def click(text: str) -> Callable[[QWidget], None]:
    """A step action: click the button labelled ``text``."""
    return lambda w: button(w, text).click()


@dataclass
class Step:
    find: Callable[[], QWidget | None]
    act: Callable[[QWidget], None]
    what: str


def _modal() -> QWidget | None:
    widget = QApplication.activeModalWidget()
    if widget is None or isinstance(widget, QProgressDialog) or not widget.isVisible():
        return None
    return widget


class Script:
    def __init__(self) -> None:
        self.steps: list[Step] = []
        self.seen: list[str] = []
        self.unexpected: list[str] = []
        self.gave_up = False
        self._polls = 0
        self._timer = QTimer()
        self._timer.setInterval(POLL_MS)
        self._timer.timeout.connect(self._poll)

    # -- writing the script -----------------------------------------------------------
    def dialog(
        self,
        act: Callable[[QWidget], None],
        kind: type[QWidget] = QDialog,
        *,
        again: bool = False,
    ) -> Script:
        """The next modal dialog (of ``kind``): record its text, then ``act`` on it.
        With ``again``: a dialog an earlier step acted on, once it is on top again."""

        def find() -> QWidget | None:
            widget = _modal()
            if isinstance(widget, kind) and bool(widget.property("scripted")) == again:
                return widget
            return None

        self.steps.append(Step(find, act, f"a modal {kind.__name__}"))
        return self

    def menu(self, *path: str) -> Script:
        """The next popup menu: choose ``path`` (an entry, or submenus then an entry)."""

        def find() -> QWidget | None:
            popup = QApplication.activePopupWidget()
            if isinstance(popup, QMenu) and not popup.property("scripted"):
                return popup
            return None

        def act(widget: QWidget) -> None:
            assert isinstance(widget, QMenu)
            menu: QMenu = widget
            for depth, label in enumerate(path):
                entries = {a.text().replace("&", ""): a for a in menu.actions() if a.text()}
                assert label in entries, f"no {label!r} in the menu: {list(entries)}"
                action = entries[label]
                if depth < len(path) - 1:
                    sub = action.menu()
                    assert isinstance(sub, QMenu), f"{label!r} is not a submenu"
                    menu = sub
                    continue
                assert action.isEnabled(), f"{label!r} is disabled"
                widget.close()  # the menu closes, then the entry runs, as with a click
                widget.setProperty("scripted", False)  # menus are shown again and again
                action.trigger()

        self.steps.append(Step(find, act, f"a menu to choose {' ▸ '.join(path)}"))
        return self

    def window(
        self,
        act: Callable[[QWidget], None],
        when: Callable[[], bool] = lambda: True,
        *,
        again: bool = False,
    ) -> Script:
        """The next main window shown with its store attached and no dialog over it,
        once ``when()``; with ``again``, the window an earlier step acted on."""
        from ui.main_window import MainWindow

        def find() -> QWidget | None:
            if _modal() is not None or not when():
                return None
            for widget in QApplication.topLevelWidgets():
                if (
                    isinstance(widget, MainWindow)
                    and widget.isVisible()
                    and widget.is_attached  # its frame paints before the store opens
                    and bool(widget.property("scripted")) == again
                ):
                    return widget
            return None

        self.steps.append(Step(find, act, "a main window"))
        return self

    # -- running ----------------------------------------------------------------------
    def __enter__(self) -> Script:
        # Dialogs open before the script starts (e.g. the Settings dialog whose button
        # opens the prompts) are the context, never a step nor a stray: between two
        # prompts one of them is briefly the active modal widget.
        for widget in QApplication.topLevelWidgets():
            if isinstance(widget, QDialog) and widget.isVisible():
                widget.setProperty("scripted", True)
        self._timer.start()
        return self

    def __exit__(
        self,
        _type: type[BaseException] | None,
        _value: BaseException | None,
        _tb: TracebackType | None,
    ) -> None:
        self._timer.stop()

    @property
    def done(self) -> bool:
        return not self.steps

    def _poll(self) -> None:
        self._polls += 1
        if self._polls > GIVE_UP_POLLS:
            self._give_up()
            return
        if self.steps:
            step = self.steps[0]
            widget = step.find()
            if widget is not None:
                widget.setProperty("scripted", True)
                self.steps.pop(0)
                if isinstance(widget, QDialog):
                    self.seen.append(text_of(widget))
                elif isinstance(widget, QMenu):
                    self.seen.append("\n".join(a.text() for a in widget.actions() if a.text()))
                # Act from a fresh timer, so that a nested exec() it starts still
                # lets this poll run (Qt does not re-enter a timer's own slot).
                QTimer.singleShot(0, lambda act=step.act, target=widget: act(target))
                return
        stray = QApplication.activePopupWidget() or _modal()
        if stray is not None and not stray.property("scripted"):
            stray.setProperty("scripted", True)
            self.unexpected.append(text_of(stray))
            QTimer.singleShot(0, stray.reject if isinstance(stray, QDialog) else stray.close)

    def _give_up(self) -> None:
        self._timer.stop()
        self.gave_up = True
        for widget in QApplication.topLevelWidgets():
            if widget.isVisible():
                widget.close()
        app = QApplication.instance()
        if app is not None:
            app.exit(99)
