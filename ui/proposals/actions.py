"""Where "New proposal…" lives: a button in the deal dialog and an action (Ctrl+Shift+R,
also in the cards' and the deals list's context menus) in the pipeline window."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QAction, QKeySequence, QUndoStack
from PySide6.QtWidgets import QAbstractItemView, QMessageBox, QWidget

from models.errors import RelasiError
from models.store import Store
from ui.proposals.dialog import ProposalDialog
from ui.settings import Settings

SHORTCUT = "Ctrl+Shift+R"


def open_proposal(
    store: Store,
    stack: QUndoStack,
    deal_id: str,
    *,
    settings: Settings | None = None,
    parent: QWidget | None = None,
) -> ProposalDialog | None:
    """Open the proposal dialog for ``deal_id`` (window-modal; deleted when closed)."""
    try:
        dialog = ProposalDialog(store, stack, deal_id, settings=settings, parent=parent)
    except RelasiError as exc:
        QMessageBox.warning(parent, QCoreApplication.translate("Proposal", "Relasi"), exc.message)
        return None
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.open()
    return dialog


def proposal_action(parent: QWidget, views: Sequence[QAbstractItemView]) -> QAction:
    """The "New proposal…" action (Ctrl+Shift+R in ``parent``'s window), also in
    ``views``' context menus; the caller connects it to the selected deal."""
    action = QAction(parent)
    action.setObjectName("actionNewProposal")
    action.setShortcut(QKeySequence(SHORTCUT))
    action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
    retranslate_action(action)
    parent.addAction(action)
    for view in views:
        view.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        view.addAction(action)
    return action


def retranslate_action(action: QAction) -> None:
    action.setText(QCoreApplication.translate("Proposal", "New &proposal…"))
    action.setToolTip(
        QCoreApplication.translate("Proposal", "Write a proposal for the selected deal (PDF)")
    )
