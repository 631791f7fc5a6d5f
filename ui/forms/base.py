"""The form every create/edit dialog is: rows built from the field declarations.

A dialog names the declared fields it shows (models/fields.py), in order, and adds
its own rows where it needs something the declarations do not describe (tags, the
people present, a due date with an optional time, a deal's stage). Each row has a
place for an error message under the field; the label, the placeholder and the
message for a refused value come from the declaration.

Bad input is refused (by the declarations, then the services) with the message
under the field, and everything typed is kept. Saving goes through
:meth:`FormDialog.save_new` or :meth:`FormDialog.save_changes`, the one place where
a form's change becomes an undo step, so every save can be taken back with Ctrl+Z
and a refused one puts nothing on the undo stack.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any, TypeVar

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from models import fields
from models.errors import RelasiError, ValidationError
from models.queries import clients as client_queries
from models.store import Store, UnitOfWork
from ui.commands import StoreCommand, UpdateCommand, create_one, perform
from ui.forms.editors import ChoiceEditor, CurrencyEditor, Editor, MoneyEditor, editor_for

W = TypeVar("W", bound=QWidget)


def error_label(parent: QWidget, name: str) -> QLabel:
    """A hidden label for an error message, styled by the style sheet's error role."""
    label = QLabel(parent)
    label.setObjectName(name)
    label.setProperty("role", "error")
    label.setWordWrap(True)
    label.hide()
    return label


class FormDialog(QDialog):
    """A form whose rows each have a place for an error message under the field."""

    #: The entity kind whose declared fields the rows show (a key of models.fields.FIELDS).
    KIND = ""

    def __init__(self, store: Store, stack: QUndoStack, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.store = store
        self.stack = stack
        self.form = QFormLayout()
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        self.editors: dict[str, Editor] = {}
        self._errors: dict[str, QLabel] = {}
        self._fields: dict[str, QWidget] = {}
        self.general_error = error_label(self, "formError")
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.accepted.connect(self._save)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(self.form)
        layout.addWidget(self.general_error)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(460)

    # -- rows -------------------------------------------------------------------------

    def add_row(self, key: str, label: str, widget: W) -> W:
        """A row with ``label``, ``widget`` and, under it, the error message for ``key``."""
        box = QWidget(self)
        column = QVBoxLayout(box)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(2)
        column.addWidget(widget)
        error = error_label(box, f"error_{key}")
        column.addWidget(error)
        self.form.addRow(label, box)
        widget.setAccessibleName(label.replace("&", ""))
        self._errors[key] = error
        self._fields[key] = widget
        return widget

    def add_field(self, name: str, editor: Editor | None = None) -> Editor:
        """The row of this kind's declared field ``name``: its label and placeholder from
        the declaration, the editor its kind asks for unless ``editor`` is given."""
        f = fields.field(self.KIND, name)
        if editor is None:
            editor = editor_for(f, self)
        if f.placeholder and isinstance(editor, (QLineEdit, QPlainTextEdit)):
            editor.setPlaceholderText(QCoreApplication.translate("Field", f.placeholder))
        if isinstance(editor, MoneyEditor):
            editor.currency = self._currency
            editor.follow_currency()
        if isinstance(editor, CurrencyEditor):
            editor.textChanged.connect(self._currency_changed)
        self.add_row(name, QCoreApplication.translate("Field", f.label), editor)
        self.editors[name] = editor
        return editor

    def add_fields(self, *names: str) -> None:
        for name in names:
            self.add_field(name)

    def add_contact_field(self, account_id: str, row_id: str = "") -> ChoiceEditor:
        """The optional ``contact_id`` row: none, or one of the client's contacts (and
        the one the row already names, if it has gone to Trash, so an edit keeps it)."""
        detail = client_queries.account_detail(self.store, account_id) if account_id else None
        people: list[tuple[str | None, str]] = (
            [(c.id, c.name) for c in detail.contacts] if detail else []
        )
        stored = client_queries.declared_values(self.store, self.KIND, row_id) if row_id else None
        current = (stored or {}).get("contact_id")
        if current and current not in {p for p, _ in people}:
            people.append((current, self.tr("(a contact in Trash)")))
        editor = ChoiceEditor([(None, self.tr("—")), *people], self)
        self.add_field("contact_id", editor)
        return editor

    def editor(self, name: str, cls: type[W]) -> W:
        """The editor of the declared field ``name``, as the class it is."""
        editor = self.editors[name]
        assert isinstance(editor, cls), (name, type(editor))
        return editor

    def _currency_changed(self) -> None:
        for editor in self.editors.values():
            if isinstance(editor, MoneyEditor):
                editor.follow_currency()

    def _currency(self) -> str:
        """What the form's currency field says (money fields count in it)."""
        for editor in self.editors.values():
            if isinstance(editor, CurrencyEditor):
                return editor.read()
        return ""

    # -- values -----------------------------------------------------------------------

    def load(self, row: object) -> None:
        """Show a stored row's values: every declared field (read by its declaration, so
        a new field needs no change to the row types), then what else the row carries."""
        values = {name: getattr(row, name) for name in self.editors if hasattr(row, name)}
        row_id = str(getattr(row, "id", ""))
        declared = client_queries.declared_values(self.store, self.KIND, row_id)
        values |= {k: v for k, v in (declared or {}).items() if k in self.editors}
        self.write(values)

    def write(self, values: Mapping[str, Any]) -> None:
        """Show ``values`` in their editors (money after the currency it counts in)."""
        for name in sorted(values, key=lambda n: isinstance(self.editors[n], MoneyEditor)):
            self.editors[name].write(values[name])

    def read(self) -> dict[str, Any]:
        """What the form's declared fields say, as the services take it."""
        return {name: editor.read() for name, editor in self.editors.items()}

    def values(self) -> dict[str, Any]:
        """:meth:`read`, checked by the declarations: a refused value raises
        ValidationError naming its declared field (whatever name a service would use)."""
        values = self.read()
        declared = set(fields.names(self.KIND))
        fields.clean(self.KIND, {k: v for k, v in values.items() if k in declared})
        return values

    # -- errors -----------------------------------------------------------------------

    def message(self, error: ValidationError) -> str:
        """The declared, translated message for a refused value; else the service's."""
        try:
            declared = fields.field(self.KIND, error.field).message
        except KeyError:
            declared = ""
        return QCoreApplication.translate("FieldError", declared) if declared else error.message

    def show_error(self, error: RelasiError) -> None:
        label = self._errors.get(getattr(error, "field", None) or "")
        if isinstance(error, ValidationError) and label is not None:
            label.setText(self.message(error))
            label.setToolTip(error.message)
            label.show()
            self._fields[error.field].setFocus()
        else:
            self.general_error.setText(error.message)
            self.general_error.show()

    def clear_errors(self) -> None:
        for label in self._errors.values():
            label.hide()
        self.general_error.hide()

    # -- saving -----------------------------------------------------------------------

    def _save(self) -> None:
        self.clear_errors()
        try:
            self.save()
        except RelasiError as exc:
            self.show_error(exc)
            return
        self.accept()

    def save(self) -> None:
        """Read the form and call :meth:`save_new` or :meth:`save_changes`."""
        raise NotImplementedError

    def save_new(self, text: str, kind: str, create: Callable[[UnitOfWork], str]) -> None:
        """Create a row (``create`` returns its id) as one undo step named ``text``."""
        self._push(create_one(self.store, text, kind, create))

    def save_changes(
        self, text: str, update: Callable[..., dict[str, Any]], id_: str, values: dict[str, Any]
    ) -> None:
        """Change a row with the update service ``update``, called with the unit of work,
        ``id_`` and ``values`` (it returns the previous values), as one undo step."""
        self._push(UpdateCommand(self.store, text, update, id_, values))

    def _push(self, command: StoreCommand) -> None:
        # Done once here; a RelasiError propagates and nothing reaches the stack.
        perform(self.stack, command)
