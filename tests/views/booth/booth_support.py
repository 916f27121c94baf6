"""Driving booth mode as a person and as a badge scanner: key events with a fake clock;
and building the booth window the tests drive (conftest.py's fixtures use it)."""

from __future__ import annotations

import random
from pathlib import Path

from PySide6.QtCore import QEvent, QSettings, Qt
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication

from salesdesk.domain.events import Event
from salesdesk.services.session import Session
from salesdesk.views.booth.settings import BoothSettings, RepCard
from salesdesk.views.booth.window import BoothWindow
from salesdesk.views.events import AppEvents
from salesdesk.views.undo import ServiceRunner

TYPING_GAP = 0.12  # seconds between a person's keys
_KEYS = {"\n": Qt.Key.Key_Return, "\t": Qt.Key.Key_Tab}


class Monotonic:
    """A monotonic clock the test moves (the scan catcher's ``clock``)."""

    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


def send_key(char: str) -> None:
    """One key press and release with ``char`` as its text, to the focused widget, through
    the application (so its event filters see it, as with a real keyboard)."""
    target = QApplication.focusWidget()
    assert target is not None, "nothing has the keyboard focus"
    key = _KEYS.get(char)
    if key is None:
        key = Qt.Key(ord(char.upper())) if char.isascii() and char.isalnum() else Qt.Key.Key_unknown
    text = "" if char == "\t" else ("\r" if char == "\n" else char)
    for kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease):
        QApplication.sendEvent(target, QKeyEvent(kind, key, Qt.KeyboardModifier.NoModifier, text))


def type_text(clock: Monotonic, text: str, gap: float = TYPING_GAP) -> int:
    """Type ``text`` at a person's speed; returns the number of keys pressed."""
    for char in text:
        clock.now += gap
        send_key(char)
    return len(text)


def scan_text(clock: Monotonic, text: str, seed: int = 0) -> None:
    """What a keyboard-wedge scanner does: every character (line breaks as Enter) 5-15 ms
    apart, then the Enter it sends at the end."""
    rng = random.Random(seed)
    clock.now += 1.0  # the scan starts after a pause
    for char in text.replace("\r\n", "\n") + "\n":
        clock.now += rng.uniform(0.005, 0.015)
        send_key(char)


CHIPS = ("wants demo", "budget this year", "CRM")


def booth_settings(tmp_path: Path) -> BoothSettings:
    settings = BoothSettings(QSettings(str(tmp_path / "booth.ini"), QSettings.Format.IniFormat))
    settings.staff = "Max Rep"
    settings.our_company = "Beispiel AG"
    settings.rep_card = RepCard("Max", "Rep", "Beispiel AG", "Sales", "max@beispiel.de", "")
    return settings


def open_booth_window(  # type: ignore[no-untyped-def]
    qtbot,
    session: Session,
    event: Event,
    settings: BoothSettings,
    keys: Monotonic,
    size: tuple[int, int] = (1300, 820),
) -> BoothWindow:
    """A booth window shown and ready for keys, as the booth fixture makes it."""
    runner = ServiceRunner(session.service, AppEvents())
    window = BoothWindow(runner, settings, event, clock=keys)
    qtbot.addWidget(window)
    window.resize(*size)
    window.show()
    qtbot.waitExposed(window)
    window.activateWindow()
    window.form.fields["first_name"].setFocus()
    qtbot.waitUntil(lambda: QApplication.focusWidget() is window.form.fields["first_name"])
    return window
