"""E-mail and phone list editor: labelled rows, one primary, add and remove rows."""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import (
    QButtonGroup,
    QComboBox,
    QGridLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSizePolicy,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from salesdesk.domain.contact import EmailAddress, PhoneNumber
from salesdesk.views.detail.common import text_icon, warning_color
from salesdesk.views.detail.labels import method_label_choices
from salesdesk.views.detail.values import MethodRow

Method = EmailAddress | PhoneNumber
PhoneFormatter = Callable[[PhoneNumber], str]


class _MethodRowWidget(QWidget):
    """One row: label combo, value, primary star, remove button (and an invalid-number flag)."""

    def __init__(self, editor: ContactMethodsEditor) -> None:
        super().__init__(editor)
        self.stored: Method | None = None
        self.shown_text = ""
        grid = QGridLayout(self)
        grid.setContentsMargins(0, 0, 0, 0)
        grid.setHorizontalSpacing(8)  # as the forms, so values line up with other fields
        grid.setVerticalSpacing(0)
        self.label_combo = QComboBox(self)
        self.label_combo.setEditable(True)
        self.label_combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.label_combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.label_combo.setMinimumContentsLength(6)
        for key, text in method_label_choices(editor.kind):
            self.label_combo.addItem(text, key)
        self.value_edit = QLineEdit(self)
        self.value_edit.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        self.primary_button = QToolButton(self)
        self.primary_button.setCheckable(True)
        self.primary_button.setAutoRaise(True)
        self.primary_button.setProperty("primaryStar", True)
        self.remove_button = QToolButton(self)
        self.remove_button.setAutoRaise(True)
        self.remove_button.setIcon(text_icon(":/icons/trash.svg", self))
        self.invalid_flag = QLabel(self)
        self.invalid_flag.setWordWrap(True)  # long translations must not widen the pane
        flag_palette = self.invalid_flag.palette()
        flag_palette.setColor(QPalette.ColorRole.WindowText, warning_color(self.palette()))
        self.invalid_flag.setPalette(flag_palette)
        self.invalid_flag.hide()
        grid.addWidget(self.label_combo, 0, 0)
        grid.addWidget(self.value_edit, 0, 1)
        grid.addWidget(self.primary_button, 0, 2)
        grid.addWidget(self.remove_button, 0, 3)
        grid.addWidget(self.invalid_flag, 1, 1, 1, 3)
        grid.setColumnStretch(1, 1)
        self.setFocusProxy(self.value_edit)

    def set_primary_look(self, primary: bool) -> None:
        self.primary_button.setText("\u2605" if primary else "\u2606")

    def label_key(self) -> str:
        text = self.label_combo.currentText().strip()
        index = self.label_combo.findText(text, Qt.MatchFlag.MatchFixedString)
        return str(self.label_combo.itemData(index)) if index >= 0 else text

    def set_label_key(self, key: str) -> None:
        index = self.label_combo.findData(key)
        if index >= 0:
            self.label_combo.setCurrentIndex(index)
        else:
            self.label_combo.setEditText(key)

    def value(self) -> str:
        text = self.value_edit.text()
        # A phone shown formatted is stored as typed: unchanged text means the stored value.
        if self.stored is not None and text == self.shown_text:
            return self.stored.value
        return text


class ContactMethodsEditor(QWidget):
    """Edits a list of e-mail addresses or phone numbers; ``edited`` fires when the user
    finishes a change (leaves a field, picks a label or primary, adds or removes a row)."""

    edited = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.kind = "email"
        self._label_width = 0
        self.formatter: PhoneFormatter = lambda phone: phone.value
        self._rows: list[_MethodRowWidget] = []
        self._group = QButtonGroup(self)
        self._group.setExclusive(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(4)
        self._rows_layout = QVBoxLayout()
        self._rows_layout.setSpacing(4)
        layout.addLayout(self._rows_layout)
        self.add_button = QPushButton(self)
        self.add_button.setFlat(True)
        self.add_button.setObjectName("add_button")
        self.add_button.setIcon(text_icon(":/icons/add.svg", self))
        self.add_button.clicked.connect(self._on_add_clicked)
        layout.addWidget(self.add_button, 0, Qt.AlignmentFlag.AlignLeft)
        self.configure("email")

    def set_label_width(self, width: int) -> None:
        """Make the label combos as wide as the pane's label column."""
        self._label_width = width
        for row in self._rows:
            row.label_combo.setFixedWidth(width)

    def configure(self, kind: str, formatter: PhoneFormatter | None = None) -> None:
        """Make this an editor of e-mails (``kind='email'``) or phones (``'phone'``, shown
        through ``formatter``, e.g. ``ContactService.phone_display``)."""
        self.kind = kind
        if formatter is not None:
            self.formatter = formatter
        self.add_button.setText(self.tr("Add e-mail") if kind == "email" else self.tr("Add phone"))
        for row in list(self._rows):
            self._drop_row(row)

    # --- data ------------------------------------------------------------------------

    def set_items(self, items: Sequence[Method]) -> None:
        """Show stored items, reusing rows so that focus and cursor stay where they are."""
        while len(self._rows) > max(len(items), 1):
            self._drop_row(self._rows[-1])
        while len(self._rows) < max(len(items), 1):
            self._append_row()
        if not items:
            self._fill(self._rows[0], None, primary=True)
            return
        for row, item in zip(self._rows, items, strict=False):
            self._fill(row, item, item.primary)

    def rows(self) -> list[MethodRow]:
        """What the rows hold now, blank rows included."""
        return [
            MethodRow(r.value(), r.label_key(), r.primary_button.isChecked()) for r in self._rows
        ]

    def value_edit(self, index: int) -> QLineEdit:
        """The value field of row ``index`` (for focus handling and tests)."""
        return self._rows[index].value_edit

    def row_count(self) -> int:
        return len(self._rows)

    def invalid_flag(self, index: int) -> QLabel:
        return self._rows[index].invalid_flag

    # --- rows ------------------------------------------------------------------------

    def _fill(self, row: _MethodRowWidget, item: Method | None, primary: bool) -> None:
        row.stored = item
        if item is None:
            shown = ""
        elif isinstance(item, PhoneNumber):
            shown = self.formatter(item)
        else:
            shown = item.value
        row.shown_text = shown
        if row.value_edit.text() != shown:
            row.value_edit.setText(shown)
            row.value_edit.setCursorPosition(0)  # show the start of a long address
        row.value_edit.setToolTip(shown)
        default = "work" if self.kind == "email" else "mobile"
        row.set_label_key(item.label if item else default)
        row.primary_button.setChecked(primary)
        self._update_primary_looks()
        invalid = isinstance(item, PhoneNumber) and not item.valid and bool(item.value.strip())
        row.invalid_flag.setText(self.tr("Invalid number: kept as typed") if invalid else "")
        row.invalid_flag.setVisible(invalid)

    def _append_row(self) -> _MethodRowWidget:
        row = _MethodRowWidget(self)
        if self.kind == "email":
            row.value_edit.setPlaceholderText(self.tr("name@example.com"))
            row.label_combo.setToolTip(self.tr("Kind of e-mail address"))
            row.primary_button.setToolTip(self.tr("Primary e-mail address"))
            row.remove_button.setToolTip(self.tr("Remove this e-mail address"))
        else:
            row.value_edit.setPlaceholderText(self.tr("Phone number"))
            row.label_combo.setToolTip(self.tr("Kind of phone number"))
            row.primary_button.setToolTip(self.tr("Primary phone number"))
            row.remove_button.setToolTip(self.tr("Remove this phone number"))
        row.value_edit.setAccessibleName(row.value_edit.placeholderText())
        row.set_primary_look(False)
        if self._label_width:
            row.label_combo.setFixedWidth(self._label_width)
        self._group.addButton(row.primary_button)
        row.value_edit.editingFinished.connect(self._on_row_edited)
        row.label_combo.activated.connect(self._on_row_edited)
        row.label_combo.lineEdit().editingFinished.connect(self._on_row_edited)
        row.primary_button.clicked.connect(self._on_primary_clicked)
        row.remove_button.clicked.connect(lambda: self._on_remove_clicked(row))
        self._rows_layout.addWidget(row)
        row.show()  # a layout would show it only later, from the event loop
        self._rows.append(row)
        return row

    def _drop_row(self, row: _MethodRowWidget) -> None:
        self._rows.remove(row)
        self._group.removeButton(row.primary_button)
        self._rows_layout.removeWidget(row)
        row.hide()
        row.deleteLater()

    def _update_primary_looks(self) -> None:
        for row in self._rows:
            row.set_primary_look(row.primary_button.isChecked())

    # --- user actions ----------------------------------------------------------------

    def _on_add_clicked(self) -> None:
        row = self._append_row()
        if not any(r.primary_button.isChecked() for r in self._rows):
            row.primary_button.setChecked(True)
        self._update_primary_looks()
        row.value_edit.setFocus(Qt.FocusReason.OtherFocusReason)

    def _on_remove_clicked(self, row: _MethodRowWidget) -> None:
        if len(self._rows) == 1:
            row.stored = None
            row.shown_text = ""
            row.value_edit.clear()
        else:
            was_primary = row.primary_button.isChecked()
            self._drop_row(row)
            if was_primary:
                self._rows[0].primary_button.setChecked(True)
        self._update_primary_looks()
        self.edited.emit()

    def _on_primary_clicked(self) -> None:
        self._update_primary_looks()
        self.edited.emit()

    def _on_row_edited(self) -> None:
        self.edited.emit()
