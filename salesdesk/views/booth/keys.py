"""Booth mode's keys in one place: the booth window binds them and Help ▸ Keyboard shortcuts
lists them (this module stays light, so the main window's Help can load it)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

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

    def tr(text: str) -> str:
        return QCoreApplication.translate("BoothKeys", text)

    return [
        (tr("Next field, previous field"), tr("Tab, Shift+Tab")),
        (tr("Rate the visitor (hot, warm, cold or A to D)"), f"{GRADE_KEYS[0]} … {GRADE_KEYS[-1]}"),
        (tr("Toggle the event's chips"), f"{CHIP_KEYS[0]} … {CHIP_KEYS[-1]}"),
        (tr("Consent: e-mail follow-up allowed"), CONSENT_EMAIL),
        (tr("Consent: phone follow-up allowed"), CONSENT_PHONE),
        (tr("Log the visit on the contact salesdesk already knows"), LINK),
        (tr("Save the visitor and clear the form"), tr("Enter")),
        (tr("Undo the last capture"), UNDO),
        (tr("Correct an earlier capture (older, newer)"), tr("Up, Down")),
        (tr("Paste a badge photo or a copied card"), tr("Ctrl+V")),
        (tr("Read a badge with the camera (camera extra)"), CAMERA),
        (tr("Event, booth and scanner settings"), EVENT_DIALOG),
        (tr("Stop correcting, or leave booth mode"), tr("Esc")),
    ]
