"""What the wizard's pages share: their ids and the look of their tables and error lines."""

from __future__ import annotations

from PySide6.QtWidgets import QAbstractItemView, QLabel, QTableView, QWidget

from ui.theme import set_role

FILE_PAGE, COLUMNS_PAGE, PREVIEW_PAGE, PROGRESS_PAGE, SUMMARY_PAGE = range(5)


def error_label(parent: QWidget, name: str) -> QLabel:
    """A hidden, word-wrapped label for a page's one-line problem (role "error")."""
    label = QLabel(parent)
    label.setObjectName(name)
    label.setWordWrap(True)
    set_role(label, "error")  # coloured by resources/style.qss
    label.hide()
    return label


def table(parent: QWidget, name: str) -> QTableView:
    view = QTableView(parent)
    view.setObjectName(name)
    view.verticalHeader().hide()
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setWordWrap(False)
    view.horizontalHeader().setHighlightSections(False)
    return view
