"""Per-stage probabilities of the weighted pipeline: kept in QSettings, edited in a dialog."""

from __future__ import annotations

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QFormLayout, QSpinBox, QWidget

from salesdesk.domain.reports import DEFAULT_PROBABILITIES, clean_probabilities
from salesdesk.domain.stages import STAGE_ORDER, Stage
from salesdesk.views.detail.labels import stage_label

KEY = "reports/probability/"


def load_probabilities(settings: QSettings) -> dict[Stage, int]:
    """The saved probabilities; a missing or broken value falls back to its default."""
    out = dict(DEFAULT_PROBABILITIES)
    for stage in STAGE_ORDER:
        value = settings.value(KEY + stage.value)
        if value is None:
            continue
        try:
            out.update(clean_probabilities({stage: value}))
        except (ValueError, TypeError) as error:
            del error  # a hand-edited settings file: keep the default
    return out


def save_probabilities(settings: QSettings, values: dict[Stage, int]) -> None:
    for stage, value in clean_probabilities(values).items():
        settings.setValue(KEY + stage.value, value)


class ProbabilitiesDialog(QDialog):
    """How likely a deal in each stage is to close, in percent."""

    def __init__(self, values: dict[Stage, int], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("probabilities_dialog")
        self.setWindowTitle(self.tr("Probabilities of the weighted pipeline"))
        form = QFormLayout(self)
        self.boxes: dict[Stage, QSpinBox] = {}
        for stage in STAGE_ORDER:
            box = QSpinBox(self)
            box.setObjectName(f"probability_{stage.value}")
            box.setRange(0, 100)
            box.setSuffix(" %")
            box.setValue(values[stage])
            form.addRow(stage_label(stage) + ":", box)
            self.boxes[stage] = box
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok
            | QDialogButtonBox.StandardButton.Cancel
            | QDialogButtonBox.StandardButton.RestoreDefaults,
            self,
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        restore = buttons.button(QDialogButtonBox.StandardButton.RestoreDefaults)
        restore.clicked.connect(self.restore_defaults)
        form.addRow(buttons)

    def restore_defaults(self) -> None:
        for stage, box in self.boxes.items():
            box.setValue(DEFAULT_PROBABILITIES[stage])

    def values(self) -> dict[Stage, int]:
        return {stage: box.value() for stage, box in self.boxes.items()}
