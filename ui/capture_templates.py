"""A small dialog to add, rename, edit and delete quick-capture meeting templates."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from models.capture import drafts
from models.errors import RelasiError
from models.store import Store
from ui.theme import set_role

IdRole = Qt.ItemDataRole.UserRole


class TemplatesDialog(QDialog):
    """List on the left; name and body of the selected template on the right."""

    def __init__(self, store: Store, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("captureTemplates")
        self.setWindowTitle(self.tr("Meeting templates"))
        self.store = store
        self.list = QListWidget(self)
        self.list.setObjectName("templateList")
        self.list.setAccessibleName(self.tr("Templates"))
        self.name = QLineEdit(self)
        self.name.setObjectName("templateName")
        self.name.setAccessibleName(self.tr("Template name"))
        self.body = QPlainTextEdit(self)
        self.body.setObjectName("templateBody")
        self.body.setAccessibleName(self.tr("Template text"))
        self.error = QLabel(self)
        set_role(self.error, "error")  # coloured by resources/style.qss
        self.error.hide()
        self.add_button = QPushButton(self.tr("&Add"), self)
        self.add_button.setObjectName("templateAdd")
        self.delete_button = QPushButton(self.tr("&Delete"), self)
        self.delete_button.setObjectName("templateDelete")
        self.save_button = QPushButton(self.tr("&Save template"), self)
        self.save_button.setObjectName("templateSave")
        for button in (self.add_button, self.delete_button, self.save_button):
            button.setAutoDefault(False)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.reject)

        left = QVBoxLayout()
        left.addWidget(self.list)
        row = QHBoxLayout()
        row.addWidget(self.add_button)
        row.addWidget(self.delete_button)
        left.addLayout(row)
        right = QVBoxLayout()
        name_label = QLabel(self.tr("&Name:"), self)
        name_label.setBuddy(self.name)
        body_label = QLabel(self.tr("&Text:"), self)
        body_label.setBuddy(self.body)
        right.addWidget(name_label)
        right.addWidget(self.name)
        right.addWidget(body_label)
        right.addWidget(self.body, 1)
        right.addWidget(self.error)
        right.addWidget(self.save_button, 0, Qt.AlignmentFlag.AlignRight)
        columns = QHBoxLayout()
        columns.addLayout(left, 1)
        columns.addLayout(right, 2)
        layout = QVBoxLayout(self)
        layout.addLayout(columns)
        layout.addWidget(buttons)

        self.list.currentItemChanged.connect(self._show_current)
        self.add_button.clicked.connect(self.add)
        self.delete_button.clicked.connect(self.delete_current)
        self.save_button.clicked.connect(self.save_current)
        self.reload()
        self.resize(640, 400)

    def reload(self, select_id: str | None = None) -> None:
        self.list.blockSignals(True)  # no current-item signals for items being deleted
        self.list.clear()
        row = 0
        for index, template in enumerate(drafts.list_templates(self.store)):
            item = QListWidgetItem(template.name)
            item.setData(IdRole, template.id)
            item.setData(IdRole + 1, template.body)
            self.list.addItem(item)
            if template.id == select_id:
                row = index
        if self.list.count():
            self.list.setCurrentRow(row)
        self.list.blockSignals(False)
        self._show_current()

    def current_id(self) -> str | None:
        item = self.list.currentItem()
        return str(item.data(IdRole)) if item is not None else None

    def _show_current(self, *_args: object) -> None:
        item = self.list.currentItem()
        self.name.setText(item.text() if item is not None else "")
        self.body.setPlainText(str(item.data(IdRole + 1)) if item is not None else "")
        for widget in (self.name, self.body, self.delete_button, self.save_button):
            widget.setEnabled(item is not None)
        self._show_error("")

    def _show_error(self, message: str) -> None:
        self.error.setText(message)
        self.error.setVisible(bool(message))

    def add(self) -> None:
        new_id = drafts.save_template(self.store, self.tr("New template"), "## \n")
        self.reload(new_id)
        self.name.setFocus()
        self.name.selectAll()

    def save_current(self) -> None:
        template_id = self.current_id()
        if template_id is None:
            return
        try:
            drafts.save_template(self.store, self.name.text(), self.body.toPlainText(), template_id)
        except RelasiError as exc:
            self._show_error(exc.message)
            return
        self.reload(template_id)

    def delete_current(self) -> None:
        template_id = self.current_id()
        if template_id is None:
            return
        drafts.delete_template(self.store, template_id)
        self.reload()
