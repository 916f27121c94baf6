"""The compact 'New contact' form: names, company, one e-mail, one phone."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QWidget

from salesdesk.domain.errors import SalesdeskError, ValidationError
from salesdesk.domain.stages import Stage
from salesdesk.views.detail.labels import stage_label
from salesdesk.views.forms.ui_new_contact_dialog import Ui_NewContactDialog
from salesdesk.views.transfer.duplicate_hint import DuplicateHint
from salesdesk.views.undo import ServiceRunner


class NewContactDialog(QDialog):
    """Creates a contact in ``stage`` when the user presses Enter (Save); Esc cancels.
    On a refused input the message shows in the dialog, which stays open with the input."""

    def __init__(self, runner: ServiceRunner, stage: Stage, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.runner = runner
        self.stage = stage
        self.created_id: int | None = None
        self.ui = Ui_NewContactDialog()
        self.ui.setupUi(self)
        self.ui.intro_label.setText(
            self.tr("The new contact goes to the top of %1.").replace("%1", stage_label(stage))
        )
        save = self.ui.button_box.button(QDialogButtonBox.StandardButton.Save)
        save.setDefault(True)
        save.clicked.connect(self._on_save_clicked)
        self._errors = {
            "first_name": self.ui.name_error,
            "last_name": self.ui.name_error,
            "company": self.ui.name_error,
            "emails": self.ui.email_error,
            "phones": self.ui.phone_error,
        }
        self.existing_id: int | None = None  # the user chose to open this one instead
        ui = self.ui
        self.duplicate_hint = DuplicateHint(
            runner.service,
            self.values,
            [ui.first_name_edit, ui.last_name_edit, ui.company_edit, ui.email_edit,
             ui.phone_edit],
            self,
        )  # fmt: skip
        self.duplicate_hint.open_requested.connect(self._open_existing)
        ui.root_layout.insertWidget(ui.root_layout.indexOf(ui.general_error), self.duplicate_hint)
        self.ui.first_name_edit.setFocus(Qt.FocusReason.OtherFocusReason)

    def _open_existing(self, contact_id: int) -> None:
        self.existing_id = contact_id
        self.reject()

    def values(self) -> dict[str, object]:
        """The fields as ``ContactService.create`` takes them."""
        ui = self.ui
        email = ui.email_edit.text().strip()
        phone = ui.phone_edit.text().strip()
        return {
            "first_name": ui.first_name_edit.text(),
            "last_name": ui.last_name_edit.text(),
            "company": ui.company_edit.text(),
            "emails": [{"value": email, "label": "work", "primary": True}] if email else [],
            "phones": [{"value": phone, "label": "mobile", "primary": True}] if phone else [],
        }

    def _on_save_clicked(self) -> None:
        for label in {*self._errors.values(), self.ui.general_error}:
            label.clear_message()
        values = self.values()
        service = self.runner.service
        outcome = self.runner.execute(
            lambda: service.create(stage=self.stage, **values), on_error=self._show_error
        )
        if outcome is None:
            return
        self.created_id = outcome.ids[0]
        self.accept()

    def _show_error(self, error: SalesdeskError) -> None:
        field = error.field if isinstance(error, ValidationError) else None
        label = self._errors.get(field or "", self.ui.general_error)
        label.show_message(str(error))
        focus = {
            "emails": self.ui.email_edit,
            "phones": self.ui.phone_edit,
        }.get(field or "", self.ui.first_name_edit)
        focus.setFocus(Qt.FocusReason.OtherFocusReason)
