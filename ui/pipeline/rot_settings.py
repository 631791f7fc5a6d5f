"""How many days a deal may sit untouched in each stage before the board marks it as
rotting: kept in the settings (``pipeline/rot_days/<stage>``), edited in a small
dialog from the board. 0 turns the mark off for a stage."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from models.queries.deals import DEFAULT_ROT_DAYS
from ui.labels import stage_label
from ui.settings import Settings

KEY = "pipeline/rot_days/{0}"


def rot_days(settings: Settings) -> dict[str, int]:
    out = {}
    for stage, default in DEFAULT_ROT_DAYS.items():
        try:
            out[stage] = max(0, int(str(settings.q.value(KEY.format(stage), default))))
        except (TypeError, ValueError):
            out[stage] = default
    return out


def set_rot_days(settings: Settings, values: dict[str, int]) -> None:
    for stage, days in values.items():
        if stage in DEFAULT_ROT_DAYS:
            settings.q.setValue(KEY.format(stage), max(0, int(days)))


class RotDialog(QDialog):
    """One spin box per open stage."""

    def __init__(self, values: dict[str, int], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("rotDialog")
        self.setWindowTitle(self.tr("Rotting limits"))
        form = QFormLayout()
        self.boxes: dict[str, QSpinBox] = {}
        for stage in DEFAULT_ROT_DAYS:
            box = QSpinBox(self)
            box.setObjectName(f"rot_{stage}")
            box.setRange(0, 365)
            box.setSuffix(self.tr(" days"))
            box.setSpecialValueText(self.tr("never"))
            box.setValue(values.get(stage, DEFAULT_ROT_DAYS[stage]))
            box.setAccessibleName(stage_label(stage))
            form.addRow(stage_label(stage) + ":", box)
            self.boxes[stage] = box
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)

    def values(self) -> dict[str, int]:
        return {stage: box.value() for stage, box in self.boxes.items()}
