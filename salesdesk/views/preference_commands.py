"""PreferenceCommands: Edit ▸ Preferences, where the preferences are stored, and how the window
follows them (theme at once, the language at the next start, everything else at once)."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QSettings, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QApplication

from salesdesk.services.identity import default_name, user_name
from salesdesk.services.preferences import (
    AUTO_WORKING,
    Preferences,
    default_preferences_path,
    from_values,
    preferences_beside,
    read_ini,
)
from salesdesk.services.session import configured_region, keep_settings_private
from salesdesk.views.dialogs.preferences import PreferencesDialog
from salesdesk.views.theme import apply_theme

if TYPE_CHECKING:
    from salesdesk.services.contacts import ContactService
    from salesdesk.views.main_window import MainWindow


def preferences_path(settings: QSettings) -> Path:
    """The preferences file of a window whose settings are ``settings``: beside an INI
    settings file (tests keep both in a temporary folder), else the default one that
    ``salesdesk`` on the command line reads too."""
    if settings.format() == QSettings.Format.IniFormat:
        return preferences_beside(settings.fileName())
    return default_preferences_path()


class PreferenceCommands(QObject):
    """Holds the current preferences of a window; ``changed(Preferences)`` after OK."""

    changed = Signal(object)

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.path = preferences_path(window.settings.qsettings)
        self.store = QSettings(str(self.path), QSettings.Format.IniFormat)
        values = read_ini(self.path)
        old = window.settings.qsettings.value(AUTO_WORKING)  # kept there before Preferences
        if AUTO_WORKING not in values and old is not None:
            values[AUTO_WORKING] = str(old)
        self.current = from_values(values)
        self.dialog: PreferencesDialog | None = None
        self.action = QAction(self.tr("&Preferences…"), window)
        self.action.setObjectName("action_preferences")
        self.action.setMenuRole(QAction.MenuRole.PreferencesRole)
        keys = QKeySequence.keyBindings(QKeySequence.StandardKey.Preferences)
        if QKeySequence("Ctrl+,") not in keys:
            keys.append(QKeySequence("Ctrl+,"))
        self.action.setShortcuts(keys)
        self.action.triggered.connect(self.show_dialog)
        window.addAction(self.action)

    # --- the dialog ----------------------------------------------------------------------

    def show_dialog(self) -> PreferencesDialog:
        db = self.window.runner.service.db
        dialog = PreferencesDialog(self.current, self.window, default_name(db))
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.accepted.connect(lambda: self.set_preferences(dialog.value()))
        self.dialog = dialog
        self.window.dialog = dialog
        dialog.open()
        dialog.activateWindow()
        return dialog

    def set_preferences(self, preferences: Preferences) -> None:
        """Store ``preferences`` and follow them."""
        self.current = preferences
        for key, value in preferences.as_values().items():
            self.store.setValue(key, value)
        self.store.sync()
        if not sys.platform.startswith("win"):
            keep_settings_private(self.path)  # like the window's settings: owner-only
        self.apply()
        self.changed.emit(preferences)

    def set_auto_working(self, on: bool) -> None:
        """The Contact menu's switch for the same rule."""
        if on != self.current.auto_working:
            from dataclasses import replace

            self.set_preferences(replace(self.current, auto_working=on))

    # --- following them ------------------------------------------------------------------

    def apply(self) -> None:
        """Theme, the home country of the open database, the agenda's thresholds and the
        New→Working rule, at once. The language takes effect at the next start."""
        w = self.window
        app = QApplication.instance()
        if isinstance(app, QApplication):
            apply_theme(self.current.theme, app)
        self.apply_to_service(w.runner.service)
        conversations = w.commands.conversations
        conversations.actions.auto_working = self.current.auto_working
        conversations.actions.stale_after = self.current.stale_after
        conversations.auto.setChecked(self.current.auto_working)
        conversations.agenda.refresh()

    def apply_to_service(self, service: ContactService) -> None:
        """The home country for phone numbers (a --phone-region flag or SALESDESK_REGION,
        which the command line sets from it, still wins), and the user's name that what the
        window writes is recorded under (services.identity)."""
        service.phone_region = configured_region(None, self.current.phone_region)
        service.author = user_name(service.db, self.current)
