"""Edit ▸ Preferences driven as a user does: each setting changed in the dialog, then its
effect checked where it shows (a typed phone number, the agenda, the export, the palette…)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QApplication, QDialogButtonBox

from salesdesk.domain.agenda import Section
from salesdesk.domain.stages import Stage
from salesdesk.services.preferences import load_preferences
from salesdesk.views.dialogs.preferences import PreferencesDialog
from salesdesk.views.main_window import MainWindow
from salesdesk.views.theme import apply_theme, is_dark
from tests.views.test_export_dialog import export, open_export, rows

CTRL = Qt.KeyboardModifier.ControlModifier
LEFT = Qt.MouseButton.LeftButton


def open_preferences(qtbot, window: MainWindow) -> PreferencesDialog:  # type: ignore[no-untyped-def]
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    qtbot.keyClick(window, Qt.Key.Key_Comma, CTRL)  # Ctrl+,
    qtbot.waitUntil(lambda: isinstance(window.dialog, PreferencesDialog))
    dialog = window.dialog
    assert isinstance(dialog, PreferencesDialog) and dialog.isVisible()
    return dialog


def choose(qtbot, combo, text: str) -> None:  # type: ignore[no-untyped-def]
    """Pick an entry of a combo box by typing its first letters, as a user does (no space:
    Space opens the list)."""
    assert " " not in text
    combo.setFocus()
    qtbot.keyClicks(combo, text)
    assert combo.currentText().startswith(text), combo.currentText()


def ok(qtbot, dialog: PreferencesDialog) -> None:  # type: ignore[no-untyped-def]
    button = dialog.ui.button_box.button(QDialogButtonBox.StandardButton.Ok)
    with qtbot.waitSignal(dialog.finished):
        qtbot.mouseClick(button, LEFT)


def set_spin(qtbot, spin, value: int) -> None:  # type: ignore[no-untyped-def]
    spin.setFocus()
    spin.selectAll()
    qtbot.keyClicks(spin, str(value))
    assert spin.value() == value


@pytest.fixture(autouse=True)
def system_theme():  # type: ignore[no-untyped-def]
    yield
    apply_theme("system")  # the palette is the application's: leave it as found


def test_the_menu_entry_and_its_shortcut(qtbot, window: MainWindow) -> None:
    dialog = open_preferences(qtbot, window)
    assert window.commands.preferences.action.text() == "&Preferences…"
    assert dialog.windowTitle() == "Preferences"
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert not dialog.isVisible()


def test_home_country_reads_a_typed_number(qtbot, window: MainWindow, own_preferences) -> None:
    dialog = open_preferences(qtbot, window)
    choose(qtbot, dialog.ui.region_combo, "Austria")
    ok(qtbot, dialog)
    assert load_preferences(own_preferences).phone_region == "AT"
    assert window.session.service.phone_region == "AT"
    from salesdesk.views.detail.new_contact import NewContactDialog

    new = window.new_contact(Stage.NEW)
    assert isinstance(new, NewContactDialog)
    qtbot.waitUntil(lambda: QApplication.activeWindow() is new)
    qtbot.keyClicks(new.ui.first_name_edit, "Eva")
    new.ui.phone_edit.setFocus()
    qtbot.keyClicks(new.ui.phone_edit, "0664 1234567")
    qtbot.keyClick(new.ui.phone_edit, Qt.Key.Key_Enter)
    qtbot.waitUntil(lambda: new.created_id is not None)
    phone = window.session.service.get(new.created_id).primary_phone
    assert phone is not None and phone.e164 == "+436641234567"  # Austrian, not German


def test_the_region_flag_still_wins(qtbot, window: MainWindow, monkeypatch) -> None:
    monkeypatch.setenv("SALESDESK_REGION", "CH")  # what `salesdesk --phone-region CH` sets
    dialog = open_preferences(qtbot, window)
    choose(qtbot, dialog.ui.region_combo, "Austria")
    ok(qtbot, dialog)
    assert window.session.service.phone_region == "CH"


def test_a_stale_threshold_changes_the_agenda(qtbot, people, window: MainWindow, clock) -> None:
    clock.advance(days=2)  # New goes stale after 3 days: not yet
    agenda = window.commands.conversations.agenda
    agenda.refresh()
    assert agenda.model.items(Section.STALE) == []
    dialog = open_preferences(qtbot, window)
    dialog.ui.tabs.setCurrentWidget(dialog.ui.pipeline_tab)
    set_spin(qtbot, dialog.stale_spins[Stage.NEW], 1)
    assert dialog.stale_spins[Stage.NEW].text() == "1 day"
    ok(qtbot, dialog)
    stale = {item.name for item in agenda.model.items(Section.STALE)}
    assert stale == {"Anna Schmidt", "Jürgen Müller"}
    dialog = open_preferences(qtbot, window)
    set_spin(qtbot, dialog.stale_spins[Stage.NEW], 0)
    assert dialog.stale_spins[Stage.NEW].text() == "never"
    ok(qtbot, dialog)
    assert agenda.model.items(Section.STALE) == []


def test_the_export_uses_the_delimiter(qtbot, people, window: MainWindow, tmp_path) -> None:
    dialog = open_preferences(qtbot, window)
    dialog.ui.tabs.setCurrentWidget(dialog.ui.transfer_tab)
    choose(qtbot, dialog.ui.delimiter_combo, "Semicolon")
    ok(qtbot, dialog)
    export_dialog = open_export(window)
    assert export_dialog.delimiter_combo.currentData() == ";"
    target = tmp_path / "all.csv"
    export(qtbot, export_dialog, target)
    assert len(rows(target, ";")) == 6
    assert target.read_text(encoding="utf-8-sig").splitlines()[0].count(";") > 5


def test_the_dark_theme_is_applied_at_once(qtbot, window: MainWindow) -> None:
    app = QApplication.instance()
    assert not is_dark(app.palette())
    dialog = open_preferences(qtbot, window)
    choose(qtbot, dialog.ui.theme_combo, "Dark")
    ok(qtbot, dialog)
    assert is_dark(app.palette())
    qtbot.waitUntil(lambda: is_dark(window.palette()))  # the palette change event reached it
    assert window.palette().color(QPalette.ColorRole.Text).lightness() > 200
    dialog = open_preferences(qtbot, window)
    choose(qtbot, dialog.ui.theme_combo, "As")
    ok(qtbot, dialog)
    assert not is_dark(app.palette())


def test_the_new_to_working_rule(qtbot, people, window: MainWindow, own_preferences) -> None:
    dialog = open_preferences(qtbot, window)
    dialog.ui.tabs.setCurrentWidget(dialog.ui.pipeline_tab)
    check = dialog.ui.auto_working_check
    qtbot.mouseClick(check, LEFT, pos=QPoint(6, check.height() // 2))
    ok(qtbot, dialog)
    assert not window.commands.conversations.auto.isChecked()
    assert load_preferences(own_preferences).auto_working is False
    window.commands.conversations.actions.service().log([people["Anna"]], "email", "outbound", "Hi")
    assert window.session.service.get(people["Anna"]).stage is Stage.NEW


def test_import_tag_and_phone_label(qtbot, window: MainWindow, tmp_path: Path) -> None:
    dialog = open_preferences(qtbot, window)
    dialog.ui.tabs.setCurrentWidget(dialog.ui.transfer_tab)
    dialog.ui.tag_edit.setFocus()
    dialog.ui.tag_edit.selectAll()
    qtbot.keyClicks(dialog.ui.tag_edit, "Messe {date}")
    choose(qtbot, dialog.ui.phone_label_combo, "work")
    ok(qtbot, dialog)
    source = tmp_path / "people.csv"
    source.write_text("First Name,Last Name,Phone\nOla,Berg,030 555123\n", encoding="utf-8")
    from salesdesk.views.transfer import window_hooks

    wizard = window_hooks.show_import(window, str(source))
    assert wizard.file is not None and wizard.file.phone_label == "work"
    wizard.options_page.initializePage()
    today = dt.date(2026, 11, 26)
    assert wizard.options_page.tag_edit.text() == f"Messe {today.isoformat()}"
    options = wizard.options_page.options()
    from salesdesk.services.import_run import run_import
    from salesdesk.services.importing import plan_import

    result = run_import(window.session.service, plan_import(window.session.service, wizard.file),
                        options)  # fmt: skip
    created = window.session.service.get(result.created[0])
    assert created.tags == ["Messe 2026-11-26"]
    assert [p.label for p in created.phones] == ["work"]
    wizard.close()


def test_demo_size(qtbot, window: MainWindow) -> None:
    dialog = open_preferences(qtbot, window)
    set_spin(qtbot, dialog.ui.demo_spin, 12)
    ok(qtbot, dialog)
    window.load_demo()
    assert sum(window.session.service.counts().values()) == 12


def test_language_is_stored_for_the_next_start(qtbot, window: MainWindow, settings) -> None:
    from salesdesk.views.app import preferred_locale

    dialog = open_preferences(qtbot, window)
    assert "next time" in dialog.ui.language_hint.text()
    choose(qtbot, dialog.ui.language_combo, "Deutsch")
    ok(qtbot, dialog)
    assert preferred_locale(settings).language().name == "German"


def test_restore_defaults_and_cancel(qtbot, window: MainWindow, own_preferences) -> None:
    dialog = open_preferences(qtbot, window)
    choose(qtbot, dialog.ui.theme_combo, "Dark")
    qtbot.mouseClick(dialog.restore_button, LEFT)
    assert dialog.ui.theme_combo.currentData() == "system"
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert not own_preferences.exists()  # cancelled: nothing written


def test_render(qtbot, window: MainWindow, tmp_path: Path) -> None:
    dialog = open_preferences(qtbot, window)
    for tab in range(dialog.ui.tabs.count()):
        dialog.ui.tabs.setCurrentIndex(tab)
        image = dialog.grab()
        assert image.width() >= 500 and not image.isNull()


def test_the_shortcut_list_shows_pc_keys_only(window: MainWindow) -> None:
    from PySide6.QtGui import QKeySequence

    undo = window.commands.undo
    undo.setShortcuts([QKeySequence("Ctrl+Z"), QKeySequence(Qt.Key.Key_F14),
                       QKeySequence(Qt.Key.Key_Undo)])  # what KDE binds to Undo  # fmt: skip
    window.commands.quit.setShortcuts([QKeySequence("Ctrl+Q"), QKeySequence(Qt.Key.Key_Exit)])
    rows = dict(window.shortcut_rows())
    assert rows["Undo the last change"] == "Ctrl+Z"
    assert rows["Quit"] == "Ctrl+Q"
    assert rows["Preferences"] == "Ctrl+,"


def test_home_countries_are_named_and_sorted_in_german(
    qtbot, settings, session, own_preferences
) -> None:
    from salesdesk.domain.sorting import sort_key
    from tests.views.test_undo_labels import in_german

    with in_german():
        window = MainWindow(session, settings)
        qtbot.addWidget(window)
        window.show()
        qtbot.waitExposed(window)
        dialog = open_preferences(qtbot, window)
        combo = dialog.ui.region_combo
        names = [combo.itemText(i) for i in range(combo.count())]
        assert "Deutschland (DE)" in names and "Vereinigtes Königreich (GB)" in names
        assert "Germany (DE)" not in names and "Austria (AT)" not in names
        assert names == sorted(names, key=sort_key)
        # Österreich among the O's, as a German reader looks for it, not after Z
        at = names.index("Österreich (AT)")
        assert names[at - 1].startswith("O") and names[at + 1][0] in "OP"
        assert names[-1][0] == "Z"  # no umlaut sorts after Z
        choose(qtbot, combo, "Österreich")
        ok(qtbot, dialog)
    assert load_preferences(own_preferences).phone_region == "AT"


def test_home_countries_are_named_in_english_in_an_english_window(qtbot, window) -> None:
    dialog = open_preferences(qtbot, window)
    combo = dialog.ui.region_combo
    names = [combo.itemText(i) for i in range(combo.count())]
    assert "Germany (DE)" in names and "Deutschland (DE)" not in names
    assert names.index("Åland Islands (AX)") < names.index("Albania (AL)")
