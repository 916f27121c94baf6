"""Postal address editor: street, postal code and city, region, country."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QFormLayout, QHBoxLayout, QLabel, QLineEdit, QWidget

from salesdesk.domain.contact import Address


class AddressEditor(QWidget):
    """Edits an ``Address``; ``edited`` fires when the user leaves one of its fields."""

    edited = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        form = QFormLayout(self)
        form.setContentsMargins(0, 0, 0, 0)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.setHorizontalSpacing(8)  # as the pane's Designer forms, so the columns line up
        form.setVerticalSpacing(4)
        self.street_edit = self._line("street_edit", self.tr("Street and number"))
        self.postal_code_edit = self._line("postal_code_edit", self.tr("Postal code"))
        self.postal_code_edit.setMaximumWidth(self.fontMetrics().horizontalAdvance("0") * 10 + 16)
        self.city_edit = self._line("city_edit", self.tr("City"))
        self.region_edit = self._line("region_edit", self.tr("Region or state"))
        self.country_edit = self._line("country_edit", self.tr("Country"))
        city_row = QHBoxLayout()
        city_row.setSpacing(4)
        city_row.addWidget(self.postal_code_edit)
        city_row.addWidget(self.city_edit, 1)
        self.street_label = QLabel(self.tr("Street"), self)
        self.city_label = QLabel(self.tr("Postal code, city"), self)
        self.region_label = QLabel(self.tr("Region"), self)
        self.country_label = QLabel(self.tr("Country"), self)
        form.addRow(self.street_label, self.street_edit)
        form.addRow(self.city_label, city_row)
        form.addRow(self.region_label, self.region_edit)
        form.addRow(self.country_label, self.country_edit)
        self.street_label.setBuddy(self.street_edit)
        self.city_label.setBuddy(self.postal_code_edit)
        self.region_label.setBuddy(self.region_edit)
        self.country_label.setBuddy(self.country_edit)

    def _line(self, name: str, hint: str) -> QLineEdit:
        edit = QLineEdit(self)
        edit.setObjectName(name)
        edit.setPlaceholderText(hint)
        edit.setAccessibleName(hint)
        edit.editingFinished.connect(self.edited)
        return edit

    def labels(self) -> list[QLabel]:
        """The row labels, so the pane can give all its forms one label width."""
        return [self.street_label, self.city_label, self.region_label, self.country_label]

    def address(self) -> Address:
        return Address(
            self.street_edit.text(),
            self.postal_code_edit.text(),
            self.city_edit.text(),
            self.region_edit.text(),
            self.country_edit.text(),
        )

    def set_address(self, address: Address) -> None:
        for edit, text in (
            (self.street_edit, address.street),
            (self.postal_code_edit, address.postal_code),
            (self.city_edit, address.city),
            (self.region_edit, address.region),
            (self.country_edit, address.country),
        ):
            if edit.text() != text:
                edit.setText(text)
                edit.setCursorPosition(0)
