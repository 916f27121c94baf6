"""OwnerField: who looks after the contact, a row of the pane's pipeline group: an editable
list of the team's names (those already owning a contact, and yours), saved when left or
chosen like the pane's other fields, so it is undoable (issue 13)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QEvent, QObject
from PySide6.QtWidgets import QComboBox, QFormLayout, QLabel, QWidget

from salesdesk.domain.contact import Contact
from salesdesk.views.detail.common import FieldMessage

KEY = "owner"


class OwnerField(QObject):
    """The owner row, inserted below the rating; ``names`` gives the choices offered."""

    def __init__(
        self, ui: Any, on_edited: Callable[[str], None], names: Callable[[], list[str]]
    ) -> None:
        form: QFormLayout = ui.pipeline_form
        after: QWidget = ui.rating_error
        parent = form.parentWidget()
        super().__init__(parent)
        self.names = names
        self.combo = QComboBox(parent)
        self.combo.setObjectName("owner_combo")
        self.combo.setEditable(True)
        self.combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.error = FieldMessage(parent)
        self.error.setObjectName("owner_error")
        self.label = QLabel(parent)
        self.label.setObjectName("owner_label")
        self.label.setBuddy(self.combo)
        row = form.getWidgetPosition(after)[0] + 1
        form.insertRow(row, self.label, self.combo)
        form.insertRow(row + 1, None, self.error)
        QWidget.setTabOrder(ui.rating_combo, self.combo)
        QWidget.setTabOrder(self.combo, ui.source_combo)
        self.combo.activated.connect(lambda _i: on_edited(KEY))
        self.combo.lineEdit().editingFinished.connect(lambda: on_edited(KEY))
        self.label.installEventFilter(self)  # LanguageChange reaches widgets only
        self._retranslate()

    def accessors(self) -> dict[str, tuple[Any, ...]]:
        """(read, show, stored, message), as the pane keeps its fields."""
        return {KEY: (self.read, self.show, lambda c: c.owner, self.error)}

    def read(self) -> str:
        return " ".join(self.combo.currentText().split())

    def show(self, contact: Contact) -> None:
        choices = self.names()
        if contact.owner and contact.owner not in choices:
            choices = [contact.owner, *choices]
        current = [self.combo.itemText(i) for i in range(self.combo.count())]
        if current != choices:
            self.combo.clear()
            self.combo.addItems(choices)
        self.combo.setEditText(contact.owner)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt override)
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        return False

    def _retranslate(self) -> None:
        self.label.setText(self.tr("Owner"))
        self.combo.lineEdit().setPlaceholderText(self.tr("nobody"))
        self.combo.setToolTip(
            self.tr("Who looks after this contact; “My contacts” shows yours (Ctrl+Shift+M)")
        )
