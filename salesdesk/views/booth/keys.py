"""Booth mode's keys in one place: the booth window binds them and Help ▸ Keyboard shortcuts
lists them (this module stays light, so the main window's Help can load it)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QKeySequence

from salesdesk.domain.events import MAX_CHIPS

OPEN_BOOTH = "Ctrl+Shift+B"  # in the main window
GRADE_KEYS = ("F1", "F2", "F3", "F4")
CHIP_KEYS = tuple(f"F{n}" for n in range(5, 5 + MAX_CHIPS))  # F5 to F12
CONSENT_EMAIL = "Ctrl+E"
CONSENT_PHONE = "Ctrl+P"
LINK = "Ctrl+L"
UNDO = "Ctrl+Z"
# F10 would be the sixth chip's key (two shortcuts on one key fire neither)
EVENT_DIALOG = "Ctrl+Shift+E"
CAMERA = "Ctrl+K"
LEAVE = "Escape"


def shortcut_rows() -> list[tuple[str, str]]:
    """(what it does, keys) for every key of booth mode, translated."""

    def native(keys: str) -> str:  # "Strg+E" in German, as the main window's rows say it
        return QKeySequence(keys).toString(QKeySequence.SequenceFormat.NativeText)

    return [
        (
            QCoreApplication.translate("BoothKeys", "Next field, previous field"),
            QCoreApplication.translate("BoothKeys", "Tab, Shift+Tab"),
        ),
        (
            QCoreApplication.translate("BoothKeys", "Rate the visitor (hot, warm, cold or A to D)"),
            f"{GRADE_KEYS[0]} … {GRADE_KEYS[-1]}",
        ),
        (
            QCoreApplication.translate("BoothKeys", "Toggle the event's chips"),
            f"{CHIP_KEYS[0]} … {CHIP_KEYS[-1]}",
        ),
        (
            QCoreApplication.translate("BoothKeys", "Consent: e-mail follow-up allowed"),
            native(CONSENT_EMAIL),
        ),
        (
            QCoreApplication.translate("BoothKeys", "Consent: phone follow-up allowed"),
            native(CONSENT_PHONE),
        ),
        (
            QCoreApplication.translate(
                "BoothKeys", "Log the visit on the contact salesdesk already knows"
            ),
            native(LINK),
        ),
        (
            QCoreApplication.translate("BoothKeys", "Save the visitor and clear the form"),
            QCoreApplication.translate("BoothKeys", "Enter"),
        ),
        (QCoreApplication.translate("BoothKeys", "Undo the last capture"), native(UNDO)),
        (
            QCoreApplication.translate("BoothKeys", "Correct an earlier capture (older, newer)"),
            QCoreApplication.translate("BoothKeys", "Up, Down"),
        ),
        (
            QCoreApplication.translate("BoothKeys", "Paste a badge photo or a copied card"),
            native("Ctrl+V"),
        ),
        (
            QCoreApplication.translate("BoothKeys", "Read a badge with the camera (camera extra)"),
            native(CAMERA),
        ),
        (
            QCoreApplication.translate("BoothKeys", "Event, booth and scanner settings"),
            native(EVENT_DIALOG),
        ),
        (
            QCoreApplication.translate("BoothKeys", "Stop correcting, or leave booth mode"),
            QCoreApplication.translate("BoothKeys", "Esc"),
        ),
    ]
