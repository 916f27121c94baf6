"""How each contact field is read from, shown in and compared across the pane's widgets."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
)

from salesdesk.domain.contact import Address, Consent, Contact
from salesdesk.views.detail.address import AddressEditor
from salesdesk.views.detail.methods import ContactMethodsEditor
from salesdesk.views.detail.values import items_of, method_rows_to_items

Accessors = tuple[Callable[[], Any], Callable[[Contact], None], Callable[[Contact], Any]]
NO_DATE = QDate(1900, 1, 1)


def _squash(text: str) -> str:
    return " ".join(text.split())


def same(key: str, value: Any, stored: Any) -> bool:
    """Whether what the widgets hold equals the stored value (so nothing needs saving)."""
    if key == "notes":
        return str(value).strip() == str(stored).strip()
    if key == "gender":
        return _squash(str(value)).lower() == str(stored).lower()
    if isinstance(value, str) and isinstance(stored, str):
        return _squash(value) == stored
    if isinstance(value, Address) and isinstance(stored, Address):
        return Address(*(_squash(v) for v in vars(value).values())) == stored
    if isinstance(value, Consent) and isinstance(stored, Consent):
        return (value.email_ok, value.at, _squash(value.how)) == (
            stored.email_ok,
            stored.at,
            stored.how,
        )
    return bool(value == stored)


def describe(value: Any) -> str:
    """Unsaved input as short text, to show it in a message."""
    if isinstance(value, str):
        return value.strip()
    if isinstance(value, Address):
        return ", ".join(p for p in vars(value).values() if p)
    if isinstance(value, Consent):
        return value.how
    if isinstance(value, list):
        return ", ".join(str(v.get("value", "")) if isinstance(v, dict) else str(v) for v in value)
    return ""


def text_field(edit: QLineEdit, key: str) -> Accessors:
    def show(contact: Contact) -> None:
        text = getattr(contact, key)
        if edit.text() != text:
            edit.setText(text)
            edit.setCursorPosition(0)  # show the start of long text, not its end

    return edit.text, show, lambda c: getattr(c, key)


def notes_field(edit: QPlainTextEdit) -> Accessors:
    def show(contact: Contact) -> None:
        if edit.toPlainText() != contact.notes:
            edit.setPlainText(contact.notes)

    return edit.toPlainText, show, lambda c: c.notes


def gender_field(combo: QComboBox) -> Accessors:
    def read() -> str:
        text = combo.currentText().strip()
        index = combo.findText(text, Qt.MatchFlag.MatchFixedString)
        return str(combo.itemData(index)) if index >= 0 else text

    def show(contact: Contact) -> None:
        index = combo.findData(contact.gender)
        if index >= 0:
            combo.setCurrentIndex(index)
        else:
            combo.setEditText(contact.gender)

    return read, show, lambda c: c.gender


def data_combo_field(combo: QComboBox, key: str) -> Accessors:
    """A fixed-choice combo whose item data is the stored enum value ('' for none)."""

    def stored(contact: Contact) -> str:
        value = getattr(contact, key)
        return value.value if value is not None else ""

    def show(contact: Contact) -> None:
        combo.setCurrentIndex(max(0, combo.findData(stored(contact))))

    return lambda: combo.currentData() or "", show, stored


def methods_field(editor: ContactMethodsEditor, key: str) -> Accessors:
    return (
        lambda: method_rows_to_items(editor.rows()),
        lambda c: editor.set_items(getattr(c, key)),
        lambda c: items_of(getattr(c, key)),
    )


def address_field(editor: AddressEditor) -> Accessors:
    return editor.address, lambda c: editor.set_address(c.address), lambda c: c.address


def setup_consent_date(edit: QDateEdit, unset_text: str) -> None:
    """The date field shows ``unset_text`` at its minimum, which stands for 'no date'."""
    edit.setMinimumDate(NO_DATE)
    edit.setSpecialValueText(unset_text)
    edit.setDate(NO_DATE)


def _local_date(moment: dt.datetime | None) -> QDate:
    if moment is None:
        return NO_DATE
    day = moment.astimezone().date()
    return QDate(day.year, day.month, day.day)


def consent_field(check: QCheckBox, date_edit: QDateEdit, how_edit: QLineEdit) -> Accessors:
    shown: dict[str, Consent] = {"consent": Consent()}

    def read() -> Consent:
        before = shown["consent"]
        day = date_edit.date()
        if day == NO_DATE:
            at = None
        elif day == _local_date(before.at):
            at = before.at  # keep the stored time of day
        else:
            at = dt.datetime(day.year(), day.month(), day.day(), 12).astimezone()
        return Consent(check.isChecked(), at, how_edit.text())

    def show(contact: Contact) -> None:
        shown["consent"] = contact.consent
        check.setChecked(contact.consent.email_ok)
        date_edit.setDate(_local_date(contact.consent.at))
        if how_edit.text() != contact.consent.how:
            how_edit.setText(contact.consent.how)

    return read, show, lambda c: c.consent


def align_form_labels(forms: Sequence[QFormLayout], extra: Sequence[QLabel]) -> int:
    """Give every label column the same width so fields line up across the groups;
    returns that width."""
    labels = list(extra)
    for form in forms:
        for row in range(form.rowCount()):
            item = form.itemAt(row, QFormLayout.ItemRole.LabelRole)
            label = item.widget() if item is not None else None
            if isinstance(label, QLabel):
                labels.append(label)
    for label in labels:
        label.ensurePolished()
    width = max((label.sizeHint().width() for label in labels), default=0)
    for label in labels:
        label.setMinimumWidth(width)
    return width
