"""ReasonDialog: why a lead is set aside (asked before a move into Unqualified)."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from salesdesk.domain.stages import MAX_REASON_LENGTH, UnqualifiedReason
from salesdesk.views.board.labels import reason_label

OTHER = -1


class ReasonDialog(QDialog):
    """Pick one of the common reasons and/or write one; OK stays off until there is one."""

    def __init__(self, names: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("reason_dialog")
        self.setWindowTitle(self.tr("Move to Unqualified"))
        layout = QVBoxLayout(self)
        intro = QLabel(self.tr("Why is %1 not a fit right now?").replace("%1", names), self)
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.choices = QButtonGroup(self)
        self.buttons: dict[UnqualifiedReason, QRadioButton] = {}
        for n, reason in enumerate(UnqualifiedReason):
            button = QRadioButton(reason_label(reason), self)
            button.setObjectName(f"reason_{reason.name.lower()}")
            self.choices.addButton(button, n)
            self.buttons[reason] = button
            layout.addWidget(button)
        self.other = QRadioButton(self.tr("Something else (write it below)"), self)
        self.other.setObjectName("reason_other")
        self.choices.addButton(self.other, OTHER)
        layout.addWidget(self.other)
        self.details = QLineEdit(self)
        self.details.setObjectName("reason_details")
        self.details.setMaxLength(MAX_REASON_LENGTH - 40)
        self.details.setPlaceholderText(self.tr("Details (optional for the choices above)"))
        layout.addWidget(self.details)
        self.box = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.ok_button = self.box.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setText(self.tr("Move to Unqualified"))
        self.ok_button.setDefault(True)
        layout.addWidget(self.box)
        self.box.accepted.connect(self.accept)
        self.box.rejected.connect(self.reject)
        self.choices.idToggled.connect(self._sync)
        self.details.textChanged.connect(self._sync)
        self._sync()

    def selected(self) -> UnqualifiedReason | None:
        for reason, button in self.buttons.items():
            if button.isChecked():
                return reason
        return None

    def reason(self) -> str:
        """The reason to store: the choice's key, with the details after a colon."""
        details = " ".join(self.details.text().split())
        choice = self.selected()
        if choice is None:
            return details if self.other.isChecked() or details else ""
        return f"{choice.value}: {details}" if details else choice.value

    def _sync(self, *args: object) -> None:
        if self.other.isChecked():
            self.details.setFocus()
        self.ok_button.setEnabled(bool(self.reason()))
