"""The small dialog that asks why a contact is moved to Unqualified."""

from __future__ import annotations

from PySide6.QtWidgets import QDialog, QDialogButtonBox, QWidget

from salesdesk.domain.stages import UnqualifiedReason
from salesdesk.views.detail.labels import reason_label
from salesdesk.views.forms.ui_unqualified_reason_dialog import Ui_UnqualifiedReasonDialog


class UnqualifiedReasonDialog(QDialog):
    """Asks for a reason (a common one or free text); OK stays disabled while it is empty."""

    def __init__(self, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = Ui_UnqualifiedReasonDialog()
        self.ui.setupUi(self)
        self.ui.question_label.setText(
            self.tr("Why is %1 not a fit? The reason is kept in the stage history.").replace(
                "%1", name
            )
        )
        for reason in UnqualifiedReason:
            self.ui.reason_combo.addItem(reason_label(reason), reason.value)
        self.ui.reason_combo.setCurrentIndex(-1)
        self.ui.reason_combo.lineEdit().setPlaceholderText(self.tr("Choose or type a reason"))
        self.ui.reason_combo.editTextChanged.connect(self._on_text_changed)
        self._on_text_changed(self.ui.reason_combo.currentText())

    def reason(self) -> str:
        """The chosen reason: a common one's stored key, or the typed text."""
        text = self.ui.reason_combo.currentText().strip()
        for index in range(self.ui.reason_combo.count()):
            if self.ui.reason_combo.itemText(index) == text:
                return str(self.ui.reason_combo.itemData(index))
        return text

    def set_reason_text(self, text: str) -> None:
        self.ui.reason_combo.setEditText(text)

    def _on_text_changed(self, text: str) -> None:
        ok = self.ui.button_box.button(QDialogButtonBox.StandardButton.Ok)
        ok.setEnabled(bool(text.strip()))
