"""Item models and the delegate of the import wizard: the column mapping, the preview of
the rows as they will be imported (with a decision per row), and the error list.

The preview holds the plan's rows (plain dataclasses, no ORM object) and hands them
to the view page by page (``canFetchMore``/``fetchMore``); a decision is changed with
a combo delegate or the row's context menu and written straight into the plan row
(:meth:`PlanRow.merge`/``create``/``skip``).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from PySide6.QtCore import (
    QAbstractItemModel,
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QBrush
from PySide6.QtWidgets import QComboBox, QStyledItemDelegate, QStyleOptionViewItem, QWidget

from models import fields
from models.queries import clients as client_queries
from models.store import Store
from models.transfer.matching import DUPLICATE, NEW, UPDATE
from models.transfer.plan import ERROR, SKIP, ImportPlan, PlanRow
from models.transfer.presets import FIELDS, Mapping
from models.transfer.source_types import RowError
from ui import colours, formatting
from ui.labels import kind_label
from ui.row_table import RowTableModel

Index = QModelIndex | QPersistentModelIndex
#: The role holding the value (field name, action) behind a combo cell's label.
ValueRole = Qt.ItemDataRole.UserRole + 1
#: The role holding the [(value, label)] choices of a combo cell.
ChoicesRole = Qt.ItemDataRole.UserRole + 2
PAGE = 200


def field_label(name: str) -> str:
    """The label of a field a column can be imported into: a declared field's own label
    (models/fields.py), or one of the columns only an import reads."""
    for kind in ("contact", "account"):
        if name in fields.names(kind):
            label = fields.field(kind, name).label
            return QCoreApplication.translate("Field", label).replace("&", "")
    return {
        "": QCoreApplication.translate("import", "— do not import —"),
        "id": QCoreApplication.translate("import", "Relasi ID"),
        "first_name": QCoreApplication.translate("import", "First name"),
        "middle_name": QCoreApplication.translate("import", "Middle name"),
        "last_name": QCoreApplication.translate("import", "Last name"),
        "account_name": QCoreApplication.translate("import", "Company"),
        "urls": QCoreApplication.translate("import", "Web address (into notes)"),
    }.get(name, name)


def proposed_action_label(proposed: str) -> str:
    """What matching found for a row: its proposed action (``PlanRow.proposed``, the
    Status column). Not ui.labels.status_label, which names an account's status."""
    return {
        NEW: QCoreApplication.translate("import", "new"),
        UPDATE: QCoreApplication.translate("import", "update"),
        DUPLICATE: QCoreApplication.translate("import", "possible duplicate"),
        SKIP: QCoreApplication.translate("import", "already there"),
        ERROR: QCoreApplication.translate("import", "error"),
    }.get(proposed, proposed)


def action_label(action: str) -> str:
    """What the import will do with a row (``PlanRow.action``, as the user decided)."""
    return {
        NEW: QCoreApplication.translate("import", "Create"),
        UPDATE: QCoreApplication.translate("import", "Merge"),
        DUPLICATE: QCoreApplication.translate("import", "Skip (decide)"),
        SKIP: QCoreApplication.translate("import", "Skip"),
        ERROR: QCoreApplication.translate("import", "Not imported"),
    }.get(action, action)


def choices_for(row: PlanRow) -> list[tuple[str, str]]:
    """The decisions a row allows: merge (when something matched), create, skip."""
    if row.action == ERROR:
        return []
    out = []
    if row.match_id:
        out.append((UPDATE, action_label(UPDATE)))
    out += [(NEW, action_label(NEW)), (SKIP, action_label(SKIP))]
    return out


def decide(row: PlanRow, action: str) -> bool:
    """Set a row's decision; False when the row does not allow it."""
    try:
        if action == UPDATE:
            row.merge()
        elif action == NEW:
            row.create()
        elif action == SKIP:
            row.skip()
        else:
            return False
    except ValueError:
        return False
    return True


# -- column mapping -----------------------------------------------------------------------------


class MappingModel(QAbstractTableModel):
    """One row per column of the file: its name, a sample value, and the field it feeds."""

    changed = Signal()

    def __init__(self, parent: Any = None) -> None:
        super().__init__(parent)
        self.kind = "contact"
        self.header: tuple[str, ...] = ()
        self.samples: tuple[str, ...] = ()
        self.targets: list[str] = []

    def load(self, header: Sequence[str], samples: Sequence[str], mapping: Mapping | None) -> None:
        self.beginResetModel()
        self.header = tuple(header)
        self.samples = tuple(samples)
        self.targets = [""] * len(self.header)
        if mapping is not None:
            self.kind = mapping.kind
            self._apply(mapping)
        self.endResetModel()
        self.changed.emit()

    def _apply(self, mapping: Mapping) -> None:
        folded = [h.strip().casefold() for h in self.header]
        for field_name, columns in mapping.columns.items():
            for column in columns:
                key = column.strip().casefold()
                if key in folded:
                    self.targets[folded.index(key)] = field_name

    def set_mapping(self, mapping: Mapping) -> list[str]:
        """Use a saved mapping; returns the columns it names that the file lacks."""
        self.beginResetModel()
        self.kind = mapping.kind
        self.targets = [""] * len(self.header)
        self._apply(mapping)
        self.endResetModel()
        self.changed.emit()
        folded = {h.strip().casefold() for h in self.header}
        return sorted(c for c in mapping.used_columns() if c.strip().casefold() not in folded)

    def set_kind(self, kind: str) -> None:
        if kind == self.kind:
            return
        self.beginResetModel()
        self.kind = kind
        self.targets = [t if t in FIELDS[kind] else "" for t in self.targets]
        self.endResetModel()
        self.changed.emit()

    def mapping(self) -> Mapping:
        columns: dict[str, tuple[str, ...]] = {}
        for column, target in zip(self.header, self.targets, strict=True):
            if target and column:
                columns[target] = (*columns.get(target, ()), column)
        return Mapping(kind=self.kind, columns=columns)

    def has_name(self) -> bool:
        used = set(self.targets)
        return "name" in used or bool(used & {"first_name", "last_name"})

    # Qt model interface
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.header)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 3

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return (self.tr("Column in the file"), self.tr("First value"), self.tr("Imports into"))[
                section
            ]
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        base = super().flags(index)
        return base | Qt.ItemFlag.ItemIsEditable if index.column() == 2 else base

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        r, c = index.row(), index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            if c == 0:
                return self.header[r]
            if c == 1:
                return self.samples[r] if r < len(self.samples) else ""
            return field_label(self.targets[r])
        if c == 2 and role in (ValueRole, Qt.ItemDataRole.EditRole):
            return self.targets[r]
        if c == 2 and role == ChoicesRole:
            return [(f, field_label(f)) for f in ("", *FIELDS[self.kind])]
        if c == 2 and role == Qt.ItemDataRole.ForegroundRole and not self.targets[r]:
            return QBrush(colours.muted())
        return None

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if not index.isValid() or index.column() != 2 or role not in (ValueRole, 2):
            return False
        value = str(value or "")
        if value and value not in FIELDS[self.kind]:
            return False
        self.targets[index.row()] = value
        self.dataChanged.emit(index, index)
        self.changed.emit()
        return True


# -- preview ------------------------------------------------------------------------------------


class PreviewModel(QAbstractTableModel):
    """The plan's rows as they will be imported; the Action column is editable."""

    ROW, STATUS, ACTION, NAME, DETAILS, MATCH = range(6)
    decisions_changed = Signal()

    def __init__(self, store: Store, parent: Any = None) -> None:
        super().__init__(parent)
        self.store = store
        self.plan: ImportPlan | None = None
        self.loaded = 0
        self._accounts: dict[str, str] | None = None
        self._matched: dict[str, str] = {}

    def set_plan(self, plan: ImportPlan | None) -> None:
        self.beginResetModel()
        self.plan = plan
        self.loaded = min(PAGE, len(plan.rows)) if plan else 0
        self._accounts = None
        self._matched = {}
        self.endResetModel()
        self.decisions_changed.emit()

    @property
    def rows(self) -> list[PlanRow]:
        return self.plan.rows if self.plan is not None else []

    def row(self, index: Index | int) -> PlanRow:
        return self.rows[index if isinstance(index, int) else index.row()]

    # paging
    def canFetchMore(self, parent: Index) -> bool:
        return not parent.isValid() and self.loaded < len(self.rows)

    def fetchMore(self, parent: Index) -> None:
        if parent.isValid():
            return
        more = min(PAGE, len(self.rows) - self.loaded)
        if more <= 0:
            return
        self.beginInsertRows(QModelIndex(), self.loaded, self.loaded + more - 1)
        self.loaded += more
        self.endInsertRows()

    # decisions
    def decide(self, rows: Sequence[int], action: str) -> int:
        """Set ``action`` on the given rows (those that allow it); returns how many."""
        done = 0
        for r in rows:
            if 0 <= r < len(self.rows) and decide(self.rows[r], action):
                done += 1
                if r < self.loaded:
                    self.dataChanged.emit(self.index(r, 0), self.index(r, self.MATCH))
        if done:
            self.decisions_changed.emit()
        return done

    def decide_duplicates(self, action: str) -> int:
        """Set ``action`` on every row found to be a possible duplicate."""
        wanted = [i for i, r in enumerate(self.rows) if r.proposed == DUPLICATE]
        return self.decide(wanted, action)

    # labels
    def _account_name(self, account_id: str | None) -> str:
        if not account_id:
            return ""
        if self._accounts is None:
            self._accounts = dict(client_queries.client_names(self.store))
            if self.plan is not None:
                self._accounts |= {p.id: p.name for p in self.plan.new_accounts.values()}
        return self._accounts.get(account_id, "")

    def _match_name(self, row: PlanRow) -> str:
        target = row.match_id
        if not target:
            return ""
        if target not in self._matched:
            name = ""
            if row.kind == "contact":
                found = client_queries.contact(self.store, target)
                name = found.name if found else ""
            else:
                name = self._account_name(target)
            self._matched[target] = name
        return self._matched[target]

    def _name(self, row: PlanRow) -> str:
        f = row.fields
        return str(f.get("name") or f.get("subject") or "")

    def _details(self, row: PlanRow) -> str:
        f = row.fields
        if row.kind == "contact":
            parts = [
                f.get("title", ""),
                self._account_name(row.account_id),
                ", ".join(f.get("emails", ())),
                ", ".join(f.get("phones", ())),
            ]
        elif row.kind == "account":
            parts = [f.get("industry", ""), f.get("website", ""), f.get("phone", "")]
        else:
            when = f.get("occurred_at")
            parts = [
                kind_label(str(f.get("kind", ""))),
                formatting.date_time(when) if when else "",
                self._account_name(row.account_id),
            ]
        return " · ".join(str(p) for p in parts if p)

    def _match(self, row: PlanRow) -> str:
        if row.error is not None:
            return (
                f"{row.error.column}: {row.error.reason}" if row.error.column else row.error.reason
            )
        name = self._match_name(row)
        if name and row.match_reason:
            return self.tr("{0} ({1})").format(name, row.match_reason)
        return name or row.match_reason

    # Qt model interface
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self.loaded

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 6

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = 0) -> Any:
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return (
                self.tr("Row"),
                self.tr("Found"),
                self.tr("Import will"),
                self.tr("Name / subject"),
                self.tr("Details"),
                self.tr("Matches / reason"),
            )[section]
        return None

    def flags(self, index: Index) -> Qt.ItemFlag:
        base = super().flags(index)
        if index.isValid() and index.column() == self.ACTION and choices_for(self.row(index)):
            return base | Qt.ItemFlag.ItemIsEditable
        return base

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or index.row() >= self.loaded:
            return None
        row = self.row(index)
        c = index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            if c == self.ROW:
                return str(row.number)
            if c == self.STATUS:
                return proposed_action_label(row.proposed)
            if c == self.ACTION:
                return action_label(row.action)
            if c == self.NAME:
                return self._name(row)
            if c == self.DETAILS:
                return self._details(row)
            return self._match(row)
        if c == self.ACTION and role in (ValueRole, Qt.ItemDataRole.EditRole):
            return row.action
        if c == self.ACTION and role == ChoicesRole:
            return choices_for(row)
        if role == Qt.ItemDataRole.ForegroundRole:
            if c == self.STATUS:
                return QBrush(colours.import_action(row.proposed))
            if c == self.ACTION and row.action in (SKIP, DUPLICATE, ERROR):
                return QBrush(colours.muted())
        if role == Qt.ItemDataRole.TextAlignmentRole and c == self.ROW:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if not index.isValid() or index.column() != self.ACTION or role not in (ValueRole, 2):
            return False
        return self.decide([index.row()], str(value)) == 1


class ChoiceDelegate(QStyledItemDelegate):
    """A combo box editor over a cell's ``ChoicesRole`` list, writing ``ValueRole``."""

    def createEditor(self, parent: QWidget, option: QStyleOptionViewItem, index: Index) -> QWidget:
        choices = index.data(ChoicesRole) or []
        if not choices:
            return super().createEditor(parent, option, index)
        combo = QComboBox(parent)
        for value, label in choices:
            combo.addItem(label, value)
        combo.activated.connect(lambda _i: self.commitData.emit(combo))
        return combo

    def setEditorData(self, editor: QWidget, index: Index) -> None:
        if isinstance(editor, QComboBox):
            at = editor.findData(index.data(ValueRole))
            editor.setCurrentIndex(max(at, 0))

    def setModelData(self, editor: QWidget, model: QAbstractItemModel, index: Index) -> None:
        if isinstance(editor, QComboBox):
            model.setData(index, editor.currentData(), ValueRole)


# -- errors -------------------------------------------------------------------------------------


class ErrorModel(RowTableModel):
    """Rows that were not imported: row, column, why."""

    def set_errors(self, errors: Sequence[RowError]) -> None:
        self.set_rows(errors)

    def headers(self) -> tuple[str, ...]:
        return (self.tr("Row"), self.tr("Column"), self.tr("Why"))

    def cell(self, e: RowError, column: int, role: int) -> Any:
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return None
        return (str(e.row) if e.row else "", e.column, e.reason)[column]
