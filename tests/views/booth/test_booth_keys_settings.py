"""Booth mode's keys (in Help ▸ Keyboard shortcuts too, in German as well) and the badge
scanner's settings in the event dialog."""

from __future__ import annotations

import dataclasses
from pathlib import Path

from booth_support import Monotonic, booth_settings, open_booth_window, scan_text, send_key
from PySide6.QtCore import QCoreApplication, QSettings, Qt, QTranslator
from PySide6.QtWidgets import QApplication

from salesdesk.domain.events import Event
from salesdesk.services.booth import EventService
from salesdesk.services.booth_codes import mecard_text
from salesdesk.services.session import Session
from salesdesk.views.booth.event_dialog import EventDialog
from salesdesk.views.booth.settings import BoothSettings
from salesdesk.views.booth.window import BoothWindow

SIX_CHIPS = ("A", "B", "C", "D", "E", "Sixth")


def press(qtbot, key: Qt.Key, modifier=Qt.KeyboardModifier.NoModifier) -> None:  # type: ignore[no-untyped-def]
    qtbot.keyClick(QApplication.focusWidget(), key, modifier)


def test_the_event_dialog_key_is_not_a_chip_key(
    qtbot, session: Session, fair: Event, tmp_path: Path, keys: Monotonic
) -> None:  # type: ignore[no-untyped-def]
    # F10 used to open the event dialog and be the sixth chip: two shortcuts, neither fired
    event = EventService(session.service).update(dataclasses.replace(fair, chips=SIX_CHIPS))
    booth = open_booth_window(qtbot, session, event, booth_settings(tmp_path), keys)
    press(qtbot, Qt.Key.Key_F10)
    assert booth.form.chips() == ("Sixth",) and booth.dialog is None
    press(
        qtbot, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    )
    assert isinstance(booth.dialog, EventDialog) and booth.dialog.isVisible()
    assert "Ctrl+Shift+E" in booth.event_button.text()


def test_scanner_prefix_and_speed_are_set_in_the_event_dialog(
    qtbot, booth: BoothWindow, keys: Monotonic
) -> None:  # type: ignore[no-untyped-def]
    press(
        qtbot, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
    )
    dialog = booth.dialog
    assert isinstance(dialog, EventDialog)
    assert (dialog.scan_prefix.text(), dialog.scan_gap.value(), dialog.scan_burst.value()) == (
        "", 25, 8)  # fmt: skip
    qtbot.keyClicks(dialog.scan_prefix, "##")
    dialog.scan_gap.selectAll()
    qtbot.keyClicks(dialog.scan_gap, "40")
    dialog.scan_burst.selectAll()
    qtbot.keyClicks(dialog.scan_burst, "12")
    qtbot.keyClick(dialog.scan_burst, Qt.Key.Key_Return)  # OK
    assert not dialog.isVisible()
    stored = BoothSettings(booth.settings.qsettings)  # where booth mode's settings live
    assert (stored.scan_prefix, stored.scan_gap_ms, stored.scan_min_burst) == ("##", 40, 12)
    assert (booth.catcher.prefix, booth.catcher.gap, booth.catcher.min_burst) == ("##", 0.04, 12)
    keys.now += 1.0
    for char in "##77\n":  # the prefix marks even a two-character id
        keys.now += 0.01
        send_key(char)
    assert booth.form.badge_id == "77"
    booth.form.clear()
    keys.now += 1.0
    for char in "Anna Berger":  # eleven fast keys: fewer than twelve, so still typing
        keys.now += 0.03
        send_key(char)
    assert booth.form.text("first_name") == "Anna Berger" and not booth.catcher.scanning
    booth.form.clear()
    text = mecard_text("Eva", "Roth", "Slow BT GmbH", ("eva@slow.de",), ())
    keys.now += 1.0
    for char in text + "\n":  # a Bluetooth scanner, 30 ms a key: a scan with the 40 ms gap
        keys.now += 0.03
        send_key(char)
    assert booth.form.text("last_name") == "Roth" and booth.form.text("company") == "Slow BT GmbH"


def test_bad_stored_scanner_numbers_fall_back_to_the_defaults(tmp_path: Path) -> None:
    raw = QSettings(str(tmp_path / "b.ini"), QSettings.Format.IniFormat)
    raw.setValue("booth/scan_gap_ms", "fast")
    raw.setValue("booth/scan_min_burst", "1000")
    settings = BoothSettings(raw)
    assert (settings.scan_gap_ms, settings.scan_min_burst) == (25, 8)


def test_default_scanner_speed_still_reads_bursts(
    qtbot, booth: BoothWindow, keys: Monotonic
) -> None:  # type: ignore[no-untyped-def]
    scan_text(keys, "HM26-000999")
    assert booth.form.badge_id == "HM26-000999"


BOOTH_KEYS = {
    "Rate the visitor (hot, warm, cold or A to D)": "F1 … F4",
    "Toggle the event's chips": "F5 … F12",
    "Consent: e-mail follow-up allowed": "Ctrl+E",
    "Consent: phone follow-up allowed": "Ctrl+P",
    "Log the visit on the contact salesdesk already knows": "Ctrl+L",
    "Save the visitor and clear the form": "Enter",
    "Undo the last capture": "Ctrl+Z",
    "Correct an earlier capture (older, newer)": "Up, Down",
    "Paste a badge photo or a copied card": "Ctrl+V",
    "Read a badge with the camera (camera extra)": "Ctrl+K",
    "Event, booth and scanner settings": "Ctrl+Shift+E",
    "Stop correcting, or leave booth mode": "Esc",
}


def test_help_lists_booth_modes_keys(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    window.commands.shortcuts.trigger()
    dialog = window.dialog
    assert dict(dialog.rows())["Booth mode"] == "Ctrl+Shift+B"
    booth_rows = dict(dialog.section("In booth mode (Ctrl+Shift+B)"))
    assert {k: v for k, v in booth_rows.items() if k in BOOTH_KEYS} == BOOTH_KEYS
    assert booth_rows["Next field, previous field"] == "Tab, Shift+Tab"
    heading_row = min(dialog.headings)
    assert dialog.table.columnSpan(heading_row, 0) == 2
    assert heading_row == len(dialog.rows())  # after every main-window row


def test_help_lists_booth_modes_keys_in_german(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    translator = QTranslator()
    assert translator.load(":/translations/salesdesk_de.qm")
    QCoreApplication.installTranslator(translator)
    try:
        dialog = window.show_shortcuts()
        (heading,) = dialog.headings.values()
        assert heading == "Im Messemodus (Ctrl+Shift+B)"
        rows = dict(dialog.section(heading))
        assert rows["Besucher bewerten (heiß, warm, kalt oder A bis D)"] == "F1 … F4"
        assert rows["Den letzten Besucher rückgängig machen"] == "Ctrl+Z"
        assert rows["Korrigieren beenden oder den Messemodus verlassen"] == "Esc"
        assert all(what and keys for what, keys in rows.items())
    finally:
        QCoreApplication.removeTranslator(translator)
