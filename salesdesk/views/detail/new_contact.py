"""The compact 'New contact' form: names, company, one e-mail, one phone; a possible
duplicate must be answered (open the existing one, or create anyway) before it saves."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QHBoxLayout, QPushButton, QWidget

from salesdesk.domain.errors import SalesdeskError, ValidationError
from salesdesk.domain.stages import Stage
from salesdesk.services.duplicates import Match
from salesdesk.views.detail.labels import stage_label
from salesdesk.views.forms.ui_new_contact_dialog import Ui_NewContactDialog
from salesdesk.views.transfer.duplicate_hint import DuplicateHint
from salesdesk.views.undo import ServiceRunner


class NewContactDialog(QDialog):
    """Creates a contact in ``stage`` when the user presses Enter (Save); Esc cancels.
    On a refused input the message shows in the dialog, which stays open with the input.
    While the input matches a stored contact, Save waits for an answer: "Open the existing
    one" or "Create anyway" (which creates, and keeps that answer for those matches)."""

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
        self.save_button = self.ui.button_box.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setDefault(True)
        self.save_button.clicked.connect(self._on_save_clicked)
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
        self.duplicate_hint.checked.connect(self._on_duplicates_checked)
        self.duplicate_choice = self._make_duplicate_choice()
        at = ui.root_layout.indexOf(ui.general_error)
        ui.root_layout.insertWidget(at, self.duplicate_hint)
        ui.root_layout.insertWidget(at + 1, self.duplicate_choice)
        self._accepted_matches: set[int] = set()  # "Create anyway" was chosen despite these
        self._save_when_checked = False  # Save was pressed before the check had answered
        self.finished.connect(self._forget_save)  # an answer after Esc must not create
        self.ui.first_name_edit.setFocus(Qt.FocusReason.OtherFocusReason)

    def _make_duplicate_choice(self) -> QWidget:
        box = QWidget(self)
        box.setObjectName("duplicate_choice")
        row = QHBoxLayout(box)
        row.setContentsMargins(0, 0, 0, 0)
        row.addStretch(1)
        self.open_existing_button = QPushButton(self.tr("&Open the existing one"), box)
        self.open_existing_button.setObjectName("open_existing_button")
        self.open_existing_button.clicked.connect(self._on_open_existing_clicked)
        self.create_anyway_button = QPushButton(self.tr("Create &anyway"), box)
        self.create_anyway_button.setObjectName("create_anyway_button")
        self.create_anyway_button.clicked.connect(self._on_create_anyway_clicked)
        row.addWidget(self.open_existing_button)
        row.addWidget(self.create_anyway_button)
        box.hide()
        return box

    def duplicate_question_open(self) -> bool:
        """Whether a possible duplicate is shown that the user has not answered yet."""
        found = {m.contact_id for m in self.duplicate_hint.matches}
        return bool(found - self._accepted_matches)

    def _on_duplicates_checked(self, _matches: list[Match]) -> None:
        asking = self.duplicate_question_open()
        self.duplicate_choice.setVisible(asking)
        self.save_button.setEnabled(not asking)  # so Enter (the default button) does nothing
        if self.isVisible():  # grow rather than squeeze the fields for the hint and question
            self.resize(self.width(), max(self.height(), self.sizeHint().height()))
        if self._save_when_checked and self.duplicate_hint.settled():
            self._save_when_checked = False
            if not asking:
                self._save()

    def _forget_save(self, *_result: object) -> None:
        self._save_when_checked = False

    def _on_open_existing_clicked(self) -> None:
        if self.duplicate_hint.matches:
            self._open_existing(self.duplicate_hint.matches[0].contact_id)

    def _on_create_anyway_clicked(self) -> None:
        self._accepted_matches |= {m.contact_id for m in self.duplicate_hint.matches}
        self.duplicate_choice.hide()
        self.save_button.setEnabled(True)
        self._on_save_clicked()  # input typed since the question was asked is looked at too

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
        if self.duplicate_question_open():
            return
        if not self.duplicate_hint.settled():  # typed just now: look before creating
            self._save_when_checked = True
            self.duplicate_hint.check_now()
            return
        self._save()

    def _save(self) -> None:
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
