"""The language the window speaks, as the installed translation names it."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication


def window_language() -> str:
    """The code of the translation in use ("de", "en"): the translation itself names its
    language, so this follows the Preferences choice and the system alike."""
    return QCoreApplication.translate(
        "PreferencesDialog", "en", "the code of this translation's language: country names"
    )
