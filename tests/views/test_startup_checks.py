"""Start-up: no desktop gives a plain message, the translation loads, damage found later in
the background is reported without blocking the start."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QLocale, QSettings
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QMessageBox, QWizard

from salesdesk.services.session import Session
from salesdesk.views import app as gui


def test_no_display_is_explained(monkeypatch: pytest.MonkeyPatch, capsys) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(gui.sys, "platform", "linux")
    for name in ("QT_QPA_PLATFORM", "DISPLAY", "WAYLAND_DISPLAY"):
        monkeypatch.delenv(name, raising=False)
    assert "no graphical desktop" in (gui.no_display_reason() or "")
    assert gui.run_gui("unused.db") == 1
    assert "salesdesk list" in capsys.readouterr().err


def test_display_present_means_no_reason(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("QT_QPA_PLATFORM", raising=False)
    monkeypatch.setenv("DISPLAY", ":0")
    assert gui.no_display_reason() is None


def test_german_translation_is_installed(qtbot) -> None:  # type: ignore[no-untyped-def]
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    installed = gui.install_translator(app, QLocale(QLocale.Language.German))
    try:
        assert len(installed) == 2  # salesdesk's own and Qt's (qtbase)
        assert QCoreApplication.translate("MainWindow", "Saved") == "Gespeichert"
        wizard = QWizard()
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        assert wizard.buttonText(QWizard.WizardButton.NextButton) == "&Weiter >"
        assert buttons.button(QDialogButtonBox.StandardButton.Cancel).text() == "Abbrechen"
    finally:
        for translator in installed:
            app.removeTranslator(translator)


def test_english_gets_only_its_plural_forms(qtbot) -> None:  # type: ignore[no-untyped-def]
    app = QApplication.instance()
    assert isinstance(app, QApplication)
    for locale in (QLocale(QLocale.Language.English), QLocale(QLocale.Language.French)):
        installed = gui.install_translator(app, locale)
        try:
            assert len(installed) == 1  # English words with plural forms; no qtbase
            one = QCoreApplication.translate("DueNotifier", "%n follow-ups due", "", 1)
            assert one == "1 follow-up due"
            assert QCoreApplication.translate("MainWindow", "Saved") == "Saved"
        finally:
            for translator in installed:
                app.removeTranslator(translator)


def test_damage_found_in_background_is_reported(
    qtbot,
    session: Session,  # type: ignore[no-untyped-def]
    settings: QSettings,
) -> None:
    from salesdesk.views.main_window import MainWindow

    damaged = dataclasses.replace(session)
    object.__setattr__(damaged, "damage", lambda: ["*** in database main *** Page 7: bad"])
    window = MainWindow(damaged, settings)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: window.error_box is not None)
    box = window.error_box
    assert isinstance(box, QMessageBox)
    assert "damaged" in box.text() and "Page 7" in box.text()
    assert window.saved_label.text() == "Database damaged"
    box.close()


def test_sound_database_reports_nothing(
    qtbot,
    session: Session,  # type: ignore[no-untyped-def]
    settings: QSettings,
    db_path: Path,
) -> None:
    from salesdesk.views.main_window import MainWindow

    assert session.damage() == []
    window = MainWindow(session, settings)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitUntil(lambda: window.damage_check is not None)  # started after the first paint
    assert window.damage_check is not None
    window.damage_check.wait(10)
    QCoreApplication.processEvents()
    assert window.error_box is None
