"""Start the window: the QApplication, the database (with a way out if it cannot be opened),
the main window and the event loop."""

from __future__ import annotations

import os
import sys
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QSettings, QTranslator
from PySide6.QtWidgets import QApplication

from salesdesk.services.session import Session, keep_settings_private, open_session
from salesdesk.views import wheel_guard
from salesdesk.views.dialogs import database
from salesdesk.views.interrupt import quit_on_interrupt
from salesdesk.views.main_window import MainWindow
from salesdesk.views.window_settings import WindowSettings

ORGANIZATION = "salesdesk"
APPLICATION = "salesdesk"


def application() -> QApplication:
    """The running QApplication, created (and named, for QSettings) if there is none, with
    the wheel guard installed before any widget exists (so every one is polished with it)."""
    app = QApplication.instance()
    if app is None:
        app = QApplication(sys.argv[:1])
    QCoreApplication.setOrganizationName(ORGANIZATION)
    QCoreApplication.setApplicationName(APPLICATION)
    assert isinstance(app, QApplication)
    wheel_guard.install(app)
    return app


def no_display_reason() -> str | None:
    """Why no window can open here (a Linux session without a desktop), or None."""
    if not sys.platform.startswith("linux") or os.environ.get("QT_QPA_PLATFORM"):
        return None
    if os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY"):
        return None
    return QCoreApplication.translate(
        "app",
        "salesdesk cannot open its window: this session has no graphical desktop (neither "
        "DISPLAY nor WAYLAND_DISPLAY is set). Start it from a desktop session, or use the "
        "commands that need no window, e.g. 'salesdesk list' (see 'salesdesk --help').",
    )


def install_translator(app: QApplication, locale: QLocale | None = None) -> list[QTranslator]:
    """Install the compiled translation for the user's language from the resources, if
    any, and with it Qt's own (qtbase: the wizard's Next/Back, Cancel, Yes/No of message
    boxes) so a German window is German all through. Returns what was installed."""
    import salesdesk.views.resources_rc  # noqa: F401  (registers :/translations)

    locale = locale or QLocale()
    ours = QTranslator(app)
    if not ours.load(locale, "salesdesk", "_", ":/translations"):
        # another language: the English words, with their plural forms ("1 contact")
        return install_english(app)
    installed = [ours]
    qt_own = QTranslator(app)
    english = ours.language().startswith("en")
    if not english and qt_own.load(
        locale, "qtbase", "_", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    ):
        installed.append(qt_own)
    for translator in installed:
        app.installTranslator(translator)
    return installed


def install_english(app: QApplication) -> list[QTranslator]:
    """The English plural forms (the source text says "%n contact(s)")."""
    import salesdesk.views.resources_rc  # noqa: F401  (registers :/translations)

    english = QTranslator(app)
    if not english.load(":/translations/salesdesk_en.qm"):
        return []
    app.installTranslator(english)
    return [english]


def preferred_locale(settings: QSettings) -> QLocale:
    """The language chosen in Preferences (it takes effect at start), else the system's."""
    from salesdesk.services.preferences import load_preferences
    from salesdesk.views.preference_commands import preferences_path

    language = load_preferences(preferences_path(settings)).language
    if language == "de":
        return QLocale(QLocale.Language.German, QLocale.Country.Germany)
    if language == "en":
        return QLocale(QLocale.Language.English, QLocale.Country.UnitedStates)
    return QLocale()


def start_session(
    target: str,
    settings: QSettings,
    *,
    use_last: bool = False,
    open_fn: Callable[[str], Session] = open_session,
    ask: database.Ask | None = None,
    choose: database.Choose | None = None,
) -> Session | None:
    """Open the database to start with: ``target``, or with ``use_last`` the one open last
    time (if it still exists). None when the user gives up after a failure."""
    last = WindowSettings(settings).last_database() if use_last else None
    if last:
        from pathlib import Path

        if Path(last).exists():
            target = last
    ask = ask or (lambda message, busy: database.ask_after_failure(message, busy, False, None))
    choose = choose or (lambda create: database.choose_file(None, create))
    return database.open_with_recovery(target, open_fn, ask, choose)


def build_window(session: Session, settings: QSettings) -> MainWindow:
    window = MainWindow(session, settings)
    window.show()
    return window


def run_gui(db_target: str, *, use_last: bool = False, settings: QSettings | None = None) -> int:
    """Run the window on ``db_target`` until it is closed; returns the exit code.

    ``use_last`` (the target is only the default) reopens the database used last time."""
    reason = no_display_reason()
    if reason:
        print(reason, file=sys.stderr)
        return 1
    app = application()
    with quit_on_interrupt(app):  # Ctrl+C: close, exit 130, no traceback
        if settings is None:
            settings = QSettings()
            if not sys.platform.startswith(("win", "darwin")):  # there: registry / plist
                keep_settings_private(settings.fileName())  # an ini file: owner-only
        locale = preferred_locale(settings)
        if locale != QLocale():
            QLocale.setDefault(locale)  # dates and numbers in the chosen language too
        install_translator(app, locale)
        session = start_session(db_target, settings, use_last=use_last)
        if session is None:
            return 1
        window = build_window(session, settings)
        code = app.exec()
        window.session.close()
    return int(code)
