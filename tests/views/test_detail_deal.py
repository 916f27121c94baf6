"""The detail pane's deal rows driven as a user: type an expected value, a currency and a
close date, leave the field, and check what the database holds and what undo does."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from PySide6.QtCore import QLocale, Qt, QTimer
from PySide6.QtWidgets import QApplication, QWidget

from salesdesk.services import ContactService
from salesdesk.views.detail.deal import amount_text


@pytest.fixture
def anna(service: ContactService) -> int:
    return service.create(first_name="Anna", last_name="Müller", company="Acme GmbH").ids[0]


def replace_text(qtbot, edit: QWidget, text: str) -> None:
    edit.setFocus(Qt.FocusReason.MouseFocusReason)
    qtbot.keyClick(edit, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    if text:
        qtbot.keyClicks(edit, text)
    else:
        qtbot.keyClick(edit, Qt.Key.Key_Delete)


def leave(qtbot, edit: QWidget) -> None:
    qtbot.keyClick(edit, Qt.Key.Key_Tab)
    assert not edit.hasFocus()


def test_typed_value_saves_on_leaving_with_the_default_currency_and_undoes(
    qtbot, pane, anna, service, runner
) -> None:
    pane.show_contact(anna)
    edit = pane.deal.amount_edit
    replace_text(qtbot, edit, "12.500,50")  # German grouping, as a German user types it
    assert service.get(anna).expected_value is None  # nothing saved while typing
    with qtbot.waitSignal(runner.events.changes_applied):
        leave(qtbot, edit)
    saved = service.get(anna)
    assert (saved.expected_value, saved.currency) == (Decimal("12500.50"), "EUR")
    assert edit.text() == amount_text(Decimal("12500.50"))  # shown as the locale writes it
    assert pane.deal.currency_combo.currentText() == "EUR"
    assert runner.undo_stack.count() == 1
    with qtbot.waitSignal(runner.events.changes_applied):
        runner.undo_stack.undo()
    assert service.get(anna).expected_value is None
    assert edit.text() == ""


def test_a_bad_amount_keeps_the_text_and_says_why(qtbot, pane, anna, service, runner) -> None:
    pane.show_contact(anna)
    edit = pane.deal.amount_edit
    replace_text(qtbot, edit, "12,5x")
    leave(qtbot, edit)
    message = pane.deal.errors["expected_value"]
    assert message.isVisibleTo(pane) and "is not an amount" in message.text()
    assert edit.text() == "12,5x"  # nothing typed is lost
    assert service.get(anna).expected_value is None
    assert runner.undo_stack.count() == 0
    replace_text(qtbot, edit, "0,125")
    leave(qtbot, edit)
    assert "at most two decimal places" in message.text()
    replace_text(qtbot, edit, "900")
    with qtbot.waitSignal(runner.events.changes_applied):
        leave(qtbot, edit)
    assert not message.isVisibleTo(pane)
    assert service.get(anna).expected_value == Decimal("900.00")


def test_leaving_an_unchanged_amount_saves_nothing(qtbot, pane, anna, service, runner) -> None:
    service.update(anna, {"expected_value": "1000", "currency": "CHF"})
    pane.show_contact(anna)
    edit = pane.deal.amount_edit
    assert edit.text() == amount_text(Decimal("1000"))
    replace_text(qtbot, edit, "1000.00")
    leave(qtbot, edit)
    assert runner.undo_stack.count() == 0


@pytest.mark.qt_log_ignore(
    "This plugin does not support raise", "This plugin does not support grabbing the keyboard"
)  # the calendar popup, offscreen
def test_currency_and_close_date_save_and_clear(qtbot, pane, anna, service, runner) -> None:
    service.update(anna, {"expected_value": "1000"})
    pane.show_contact(anna)
    combo = pane.deal.currency_combo
    replace_text(qtbot, combo.lineEdit(), "usd")
    with qtbot.waitSignal(runner.events.changes_applied):
        leave(qtbot, combo.lineEdit())
    assert service.get(anna).currency == "USD"
    replace_text(qtbot, combo.lineEdit(), "Dollars")
    leave(qtbot, combo.lineEdit())
    assert "not a currency code" in pane.deal.errors["currency"].text()
    assert combo.currentText() == "Dollars" and service.get(anna).currency == "USD"
    close = pane.deal.close_edit
    replace_text(qtbot, close, "31.01.2027")  # not ISO: the German way, in German
    leave(qtbot, close)
    assert "is not a date" in pane.deal.errors["expected_close"].text()  # English here
    replace_text(qtbot, close, "2027-01-31")
    with qtbot.waitSignal(runner.events.changes_applied):
        leave(qtbot, close)
    assert service.get(anna).expected_close == dt.date(2027, 1, 31)
    assert not pane.deal.errors["expected_close"].isVisibleTo(pane)

    def pick_the_next_day() -> None:  # in the calendar popup: one day on, Enter
        calendar = pane.deal.calendar
        qtbot.waitUntil(calendar.isVisible)
        target = calendar.findChild(QWidget, "qt_calendar_calendarview")  # its day grid
        qtbot.keyClick(target, Qt.Key.Key_Right)
        qtbot.keyClick(target, Qt.Key.Key_Return)

    QTimer.singleShot(0, pick_the_next_day)
    with qtbot.waitSignal(runner.events.changes_applied):
        qtbot.mouseClick(pane.deal.calendar_button, Qt.MouseButton.LeftButton)
    assert service.get(anna).expected_close == dt.date(2027, 2, 1)
    assert close.text() == "2027-02-01"
    pane.activateWindow()  # offscreen, the closed popup leaves no window active
    qtbot.waitUntil(lambda: QApplication.activeWindow() is pane)
    replace_text(qtbot, close, "")
    with qtbot.waitSignal(runner.events.changes_applied):
        leave(qtbot, close)
    assert service.get(anna).expected_close is None


def test_a_date_in_the_locale_s_own_format_is_understood() -> None:
    from salesdesk.views.detail.deal import close_date

    QLocale.setDefault(QLocale(QLocale.Language.German, QLocale.Country.Germany))
    try:
        assert close_date("31.01.2027") == dt.date(2027, 1, 31)
        assert close_date("31.01.27") == "31.01.27"  # two-digit years are not guessed
    finally:
        QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))
    assert close_date(" 2027-01-31 ") == dt.date(2027, 1, 31)
    assert close_date("") is None


def test_amount_text_reads_back_in_every_locale() -> None:
    from salesdesk.domain.money import parse_amount

    for name in ("de_DE", "de_CH", "en_US", "fr_FR", "hi_IN"):
        text = amount_text(Decimal("1234567.5"), QLocale(name))
        assert parse_amount(text) == Decimal("1234567.50"), (name, text)
