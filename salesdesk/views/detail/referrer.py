"""Referred-by picker: type part of a name, choose a contact from the suggestions."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QCompleter, QLineEdit, QVBoxLayout, QWidget

ID_ROLE = Qt.ItemDataRole.UserRole + 1
Lookup = Callable[[str], Sequence[tuple[int, str, str]]]  # text -> (id, name, company)


class ReferrerPicker(QWidget):
    """Shows the referring contact's name; typing offers matching contacts. Emits
    ``picked(object)`` with the chosen id (None when cleared) and ``unresolved(str)`` when the
    user leaves the field with text that names no chosen contact, else ``settled()``."""

    picked = Signal(object)
    unresolved = Signal(str)
    settled = Signal()  # left with the chosen name (or empty and nothing chosen): all fine

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._lookup: Lookup = lambda text: []
        self._id: int | None = None
        self._name = ""
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.name_edit = QLineEdit(self)
        self.name_edit.setObjectName("referrer_edit")
        self.name_edit.setClearButtonEnabled(True)
        self.name_edit.setPlaceholderText(self.tr("Type a name to choose a contact"))
        self.name_edit.setAccessibleName(self.tr("Referred by"))
        layout.addWidget(self.name_edit)
        self.model = QStandardItemModel(self)
        self.completer = QCompleter(self.model, self)
        self.completer.setCompletionMode(QCompleter.CompletionMode.UnfilteredPopupCompletion)
        self.completer.setWidget(self.name_edit)
        self.completer.activated[QModelIndex].connect(self._on_activated)
        self.name_edit.textEdited.connect(self._on_text_edited)
        self.name_edit.editingFinished.connect(self._on_editing_finished)
        self.setFocusProxy(self.name_edit)

    def set_lookup(self, lookup: Lookup) -> None:
        """How to find candidates for typed text (the pane leaves out the contact itself)."""
        self._lookup = lookup

    def value(self) -> int | None:
        return self._id

    def set_value(self, contact_id: int | None, name: str) -> None:
        self._id = contact_id
        self._name = name if contact_id is not None else ""
        if self.name_edit.text() != self._name:
            self.name_edit.setText(self._name)
            self.name_edit.setCursorPosition(0)

    def _on_text_edited(self, text: str) -> None:
        self.model.clear()
        if not text.strip():
            self.completer.popup().hide()
            return
        for contact_id, name, company in self._lookup(text):
            shown = f"{name} ({company})" if company and company != name else name
            item = QStandardItem(shown)
            item.setData(contact_id, ID_ROLE)
            item.setData(name, Qt.ItemDataRole.ToolTipRole)
            item.setEditable(False)
            self.model.appendRow(item)
        if self.model.rowCount():
            self.completer.complete()
        else:
            self.completer.popup().hide()

    def _on_activated(self, index: QModelIndex) -> None:
        contact_id = index.data(ID_ROLE)
        if contact_id is None:
            return
        self._id = int(contact_id)
        self._name = str(index.data(Qt.ItemDataRole.ToolTipRole))
        self.name_edit.setText(self._name)
        self.picked.emit(self._id)

    def _on_editing_finished(self) -> None:
        if self.completer.popup().isVisible():
            return
        text = self.name_edit.text().strip()
        if not text:
            if self._id is not None:
                self._id = None
                self._name = ""
                self.picked.emit(None)
            else:
                self.settled.emit()
        elif text != self._name:
            self.unresolved.emit(text)
        else:
            self.settled.emit()
