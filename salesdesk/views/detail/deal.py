"""DealFields: expected value, currency and expected close date rows of the pane's pipeline
group, read, shown and compared like the pane's other fields (saved when left)."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from decimal import Decimal
from typing import Any

from PySide6.QtCore import QDate, QEvent, QLocale, QObject, Signal
from PySide6.QtWidgets import (
    QCalendarWidget,
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMenu,
    QToolButton,
    QWidget,
    QWidgetAction,
)

from salesdesk.domain.contact import Contact
from salesdesk.domain.errors import ValidationError
from salesdesk.domain.money import parse_amount
from salesdesk.views.detail.common import FieldMessage, text_icon
from salesdesk.views.detail.fields import Accessors

CURRENCIES = ("EUR", "USD", "CHF", "GBP", "PLN", "SEK", "DKK", "NOK", "CZK", "JPY", "CNY")
KEYS = ("expected_value", "currency", "expected_close")


def amount_text(amount: Decimal | None, locale: QLocale | None = None) -> str:
    """An amount as the field shows it: the locale's decimal mark, no group separators (so
    it reads back the same in every locale, e.g. de_CH groups with ’)."""
    if amount is None:
        return ""
    shown = QLocale(locale or QLocale())
    shown.setNumberOptions(QLocale.NumberOption.OmitGroupSeparator)
    return str(shown.toString(float(amount), "f", 2))  # < 1e11 with cents: exact in a float


def close_date(text: str) -> dt.date | str | None:
    """A typed close date: '' is none; ISO (2027-01-31) or the locale's own way of writing
    a date (31.01.2027 in German); anything else is kept as typed (the service refuses it
    with the reason)."""
    text = text.strip()
    if not text:
        return None
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        pass
    locale = QLocale()
    for form in (QLocale.FormatType.ShortFormat, QLocale.FormatType.LongFormat):
        # with four-digit years only: Qt reads a typed "27" as 1927
        day = locale.toDate(text, re.sub("y+", "yyyy", locale.dateFormat(form)))
        if day.isValid():
            return dt.date(day.year(), day.month(), day.day())
    return text


class DealFields(QObject):
    """The three rows, inserted into the pane's pipeline form below the source detail;
    ``edited`` names the field the user left (the pane saves it like its own fields)."""

    edited = Signal(str)

    def __init__(self, ui: Any, on_edited: Callable[[str], None]) -> None:
        form: QFormLayout = ui.pipeline_form
        after: QWidget = ui.source_detail_error
        parent = form.parentWidget()
        super().__init__(parent)
        self.amount_edit = QLineEdit(parent)
        self.amount_edit.setObjectName("expected_value_edit")
        self.currency_combo = QComboBox(parent)
        self.currency_combo.setObjectName("currency_combo")
        self.currency_combo.setEditable(True)
        self.currency_combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.currency_combo.addItems(["", *CURRENCIES])
        self.currency_combo.setMinimumContentsLength(4)
        self.currency_combo.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        # a text field (a date edit's "no date" cannot be typed over) and a calendar
        self.close_edit = QLineEdit(parent)
        self.close_edit.setObjectName("expected_close_edit")
        self.calendar = QCalendarWidget()
        self.calendar.setObjectName("expected_close_calendar")
        self.calendar_button = QToolButton(parent)
        self.calendar_button.setObjectName("expected_close_calendar_button")
        self.calendar_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        menu = QMenu(self.calendar_button)
        picker = QWidgetAction(menu)
        picker.setDefaultWidget(self.calendar)
        menu.addAction(picker)
        menu.aboutToShow.connect(self._on_calendar_shown)
        self.calendar_button.setMenu(menu)
        self.calendar.clicked.connect(self._on_day_picked)
        self.calendar.activated.connect(self._on_day_picked)  # Enter on a day
        self.errors = {key: FieldMessage(parent) for key in KEYS}
        for key, message in self.errors.items():
            message.setObjectName(f"{key}_error")
        self.value_label, self.close_label = QLabel(parent), QLabel(parent)
        self.value_label.setBuddy(self.amount_edit)
        self.close_label.setBuddy(self.close_edit)
        value_row, close_row = QHBoxLayout(), QHBoxLayout()
        value_row.addWidget(self.amount_edit, 1)
        value_row.addWidget(self.currency_combo)
        close_row.addWidget(self.close_edit, 1)
        close_row.addWidget(self.calendar_button)
        row = form.getWidgetPosition(after)[0] + 1
        for label, field in (
            (self.value_label, value_row),
            (None, self.errors["expected_value"]),
            (None, self.errors["currency"]),
            (self.close_label, close_row),
            (None, self.errors["expected_close"]),
        ):
            form.insertRow(row, label, field)  # no label: the field column only
            row += 1
        chain = [ui.source_detail_edit, self.amount_edit, self.currency_combo, self.close_edit,
                 self.calendar_button]  # fmt: skip
        for first, second in zip(chain, chain[1:], strict=False):
            QWidget.setTabOrder(first, second)
        self.amount_edit.editingFinished.connect(lambda: self.edited.emit("expected_value"))
        self.currency_combo.activated.connect(lambda _i: self.edited.emit("currency"))
        self.currency_combo.lineEdit().editingFinished.connect(lambda: self.edited.emit("currency"))
        self.close_edit.editingFinished.connect(lambda: self.edited.emit("expected_close"))
        self.calendar_button.setIcon(text_icon(":/icons/agenda.svg", self.calendar_button))
        self.edited.connect(on_edited)
        self.value_label.installEventFilter(self)  # LanguageChange reaches widgets only
        self._retranslate()

    def accessors(self) -> dict[str, tuple[Any, ...]]:
        """(read, show, stored, message) per contact field, as the pane keeps its fields."""
        return {key: (*accessor, self.errors[key]) for key, accessor in self._accessors().items()}

    def _accessors(self) -> dict[str, Accessors]:
        def read_amount() -> Decimal | str | None:
            text = self.amount_edit.text()
            try:
                return parse_amount(text)
            except ValidationError:
                return text  # saved as typed: the service refuses it with the reason

        def show_amount(contact: Contact) -> None:
            text = amount_text(contact.expected_value)
            if self.amount_edit.text() != text:
                self.amount_edit.setText(text)

        def read_currency() -> str:
            return self.currency_combo.currentText().strip().upper()

        def show_currency(contact: Contact) -> None:
            self.currency_combo.setEditText(contact.currency)

        def read_close() -> dt.date | str | None:
            return close_date(self.close_edit.text())

        def show_close(contact: Contact) -> None:
            day = contact.expected_close
            text = "" if day is None else day.isoformat()
            if self.close_edit.text() != text:
                self.close_edit.setText(text)

        return {
            "expected_value": (read_amount, show_amount, lambda c: c.expected_value),
            "currency": (read_currency, show_currency, lambda c: c.currency),
            "expected_close": (read_close, show_close, lambda c: c.expected_close),
        }

    def _on_calendar_shown(self) -> None:
        found = close_date(self.close_edit.text())
        day = found if isinstance(found, dt.date) else dt.date.today()
        self.calendar.setSelectedDate(QDate(day.year, day.month, day.day))
        self.calendar.setFocus()  # arrow keys and Enter pick a day at once

    def _on_day_picked(self, day: QDate) -> None:
        self.calendar_button.menu().close()
        self.close_edit.setText(f"{day.year():04d}-{day.month():02d}-{day.day():02d}")
        self.edited.emit("expected_close")

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt override)
        if event.type() == QEvent.Type.LanguageChange:
            self._retranslate()
        return False

    def _retranslate(self) -> None:
        self.value_label.setText(self.tr("Expected value"))
        self.close_label.setText(self.tr("Expected close"))
        self.amount_edit.setPlaceholderText(self.tr("e.g. 12500"))
        self.currency_combo.setToolTip(self.tr("Currency: a three-letter code such as EUR"))
        self.currency_combo.lineEdit().setPlaceholderText(self.tr("EUR"))
        self.close_edit.setPlaceholderText(self.tr("YYYY-MM-DD"))
        self.calendar_button.setToolTip(self.tr("Pick the expected close date"))
