"""The detail pane driven as a user: type, leave the field, and check what the database holds."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication, QWidget

from salesdesk.domain.contact import Rating
from salesdesk.domain.errors import ValidationError
from salesdesk.services import ContactService
from salesdesk.views.detail.common import error_color
from salesdesk.views.detail.pane import ContactDetailPane


@pytest.fixture
def anna(service: ContactService) -> int:
    return service.create(
        first_name="Anna",
        last_name="Müller",
        company="Acme GmbH",
        title="Buyer",
        emails=[
            {"value": "anna@acme.de", "label": "work", "primary": True},
            {"value": "anna@home.de", "label": "home"},
        ],
        phones=["030 1234567", "12345"],
        tags=["VIP"],
        notes="Met at the fair.",
        address={"street": "Hauptstr. 1", "postal_code": "10115", "city": "Berlin"},
    ).ids[0]


def replace_text(qtbot, edit: QWidget, text: str) -> None:
    """Focus the field, select everything, type ``text`` (like a user would)."""
    edit.setFocus(Qt.FocusReason.MouseFocusReason)
    qtbot.keyClick(edit, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    if text:
        qtbot.keyClicks(edit, text)
    else:
        qtbot.keyClick(edit, Qt.Key.Key_Delete)


def leave(qtbot, edit: QWidget) -> None:
    qtbot.keyClick(edit, Qt.Key.Key_Tab)
    assert not edit.hasFocus()


def test_shows_every_field(pane, anna, service, clock) -> None:
    pane.show_contact(anna)
    ui = pane.ui
    assert ui.pages.currentWidget() is ui.contact_page
    assert ui.name_label.text() == "Anna Müller"
    assert ui.subtitle_label.text() == "Buyer · Acme GmbH"
    assert (ui.first_name_edit.text(), ui.last_name_edit.text()) == ("Anna", "Müller")
    assert ui.emails_editor.row_count() == 2
    assert ui.emails_editor.value_edit(1).text() == "anna@home.de"
    assert ui.phones_editor.value_edit(0).text() == "030 1234567"  # national format
    assert not ui.phones_editor.invalid_flag(0).isVisibleTo(pane)
    assert ui.phones_editor.invalid_flag(1).isVisibleTo(pane)  # '12345' has no E.164
    assert ui.phones_editor.value_edit(1).text() == "12345"
    assert ui.address_editor.city_edit.text() == "Berlin"
    assert ui.tag_editor.tags() == ["VIP"]
    assert ui.notes_edit.toPlainText() == "Met at the fair."
    assert ui.stage_combo.currentText() == "New"
    assert ui.rating_combo.currentText() == "Not rated"
    assert ui.history_view.summary_label.text() == "In New since today"


def test_edit_saves_when_field_is_left(qtbot, pane, anna, service, runner) -> None:
    pane.show_contact(anna)
    replace_text(qtbot, pane.ui.company_edit, "Globex")
    assert service.get(anna).company == "Acme GmbH"  # nothing saved while typing
    with qtbot.waitSignal(runner.events.changes_applied) as blocker:
        leave(qtbot, pane.ui.company_edit)
    assert anna in blocker.args[0].updated  # the board reloads this card
    assert service.get(anna).company == "Globex"
    assert pane.ui.subtitle_label.text() == "Buyer · Globex"
    assert runner.undo_stack.count() == 1
    leave(qtbot, pane.ui.title_edit)  # leaving an unchanged field saves nothing
    assert runner.undo_stack.count() == 1


def test_invalid_email_keeps_text_until_fixed(qtbot, pane, anna, service) -> None:
    pane.show_contact(anna)
    edit = pane.ui.emails_editor.value_edit(0)
    replace_text(qtbot, edit, "anna@")
    leave(qtbot, edit)
    error = pane.ui.emails_error
    assert error.isVisible()
    assert "anna@" in error.text()
    assert edit.text() == "anna@"
    assert service.get(anna).emails[0].value == "anna@acme.de"
    # Saving another field reloads the pane, and the typed address is still there.
    replace_text(qtbot, pane.ui.title_edit, "Head of Buying")
    leave(qtbot, pane.ui.title_edit)
    assert service.get(anna).title == "Head of Buying"
    assert edit.text() == "anna@"
    assert error.isVisible()
    replace_text(qtbot, edit, "anna@acme.org")
    leave(qtbot, edit)
    assert not error.isVisible()
    assert [e.value for e in service.get(anna).emails] == ["anna@acme.org", "anna@home.de"]


def test_add_a_second_phone(qtbot, pane, service) -> None:
    cid = service.create(first_name="Bo", phones=["0301234567"]).ids[0]
    pane.show_contact(cid)
    editor = pane.ui.phones_editor
    qtbot.mouseClick(editor.add_button, Qt.MouseButton.LeftButton)
    assert editor.row_count() == 2
    assert editor.value_edit(1).hasFocus()
    qtbot.keyClicks(editor.value_edit(1), "+44 20 7946 0958")
    leave(qtbot, editor.value_edit(1))
    phones = service.get(cid).phones
    assert [p.e164 for p in phones] == ["+49301234567", "+442079460958"]
    assert [p.primary for p in phones] == [True, False]
    assert editor.value_edit(1).text() == "+44 20 7946 0958"


def test_primary_star_and_remove_row(qtbot, pane, anna, service) -> None:
    pane.show_contact(anna)
    editor = pane.ui.emails_editor
    star = editor._rows[1].primary_button
    qtbot.mouseClick(star, Qt.MouseButton.LeftButton)
    assert service.get(anna).primary_email.value == "anna@home.de"
    qtbot.mouseClick(editor._rows[1].remove_button, Qt.MouseButton.LeftButton)
    emails = service.get(anna).emails
    assert [(e.value, e.primary) for e in emails] == [("anna@acme.de", True)]
    assert editor.row_count() == 1


def test_undo_restores_the_value_and_the_pane_shows_it(qtbot, pane, anna, service, runner) -> None:
    pane.show_contact(anna)
    replace_text(qtbot, pane.ui.last_name_edit, "Schmidt")
    leave(qtbot, pane.ui.last_name_edit)
    assert service.get(anna).last_name == "Schmidt"
    runner.undo()
    assert service.get(anna).last_name == "Müller"
    assert pane.ui.last_name_edit.text() == "Müller"
    assert pane.ui.name_label.text() == "Anna Müller"
    runner.redo()
    assert pane.ui.last_name_edit.text() == "Schmidt"


def test_conflict_reloads_and_keeps_the_typed_text(qtbot, pane, anna, service) -> None:
    pane.show_contact(anna)
    service.update(anna, {"title": "CEO"})  # another window; this pane was not told
    replace_text(qtbot, pane.ui.company_edit, "Initech")
    leave(qtbot, pane.ui.company_edit)
    banner = pane.ui.banner_label
    assert banner.isVisible()
    assert "changed elsewhere" in banner.text() and "Initech" in banner.text()
    assert pane.ui.company_edit.text() == "Initech"  # kept
    assert pane.ui.title_edit.text() == "CEO"  # reloaded
    assert service.get(anna).company == "Acme GmbH"
    pane.ui.company_edit.setFocus()
    qtbot.keyClick(pane.ui.company_edit, Qt.Key.Key_Return)
    assert service.get(anna).company == "Initech"
    assert service.get(anna).title == "CEO"
    assert not banner.isVisible()


def test_a_contact_needs_a_name_message_clears_when_fixed(qtbot, pane, service) -> None:
    cid = service.create(first_name="Solo").ids[0]
    pane.show_contact(cid)
    replace_text(qtbot, pane.ui.first_name_edit, "")
    leave(qtbot, pane.ui.first_name_edit)
    assert pane.ui.first_name_error.isVisible()
    assert "needs at least a name" in pane.ui.first_name_error.text()
    assert service.get(cid).first_name == "Solo"
    replace_text(qtbot, pane.ui.first_name_edit, "Solo")  # back to what is stored
    leave(qtbot, pane.ui.first_name_edit)
    assert not pane.ui.first_name_error.isVisible()


def test_notes_address_gender_and_flags(qtbot, pane, anna, service, clock) -> None:
    pane.show_contact(anna)
    ui = pane.ui
    ui.notes_edit.setFocus()
    ui.notes_edit.moveCursor(ui.notes_edit.textCursor().MoveOperation.End)
    qtbot.keyClick(ui.notes_edit, Qt.Key.Key_Return)
    qtbot.keyClicks(ui.notes_edit, "Call back in May.")
    leave(qtbot, ui.notes_edit)
    assert service.get(anna).notes == "Met at the fair.\nCall back in May."
    replace_text(qtbot, ui.address_editor.country_edit, "Germany")
    leave(qtbot, ui.address_editor.country_edit)
    assert service.get(anna).address.country == "Germany"
    replace_text(qtbot, ui.gender_combo.lineEdit(), "non-binary")
    leave(qtbot, ui.gender_combo)
    assert service.get(anna).gender == "non-binary"
    ui.consent_check.setFocus()
    qtbot.keyClick(ui.consent_check, Qt.Key.Key_Space)
    consent = service.get(anna).consent
    assert consent.email_ok and consent.at == clock.now
    replace_text(qtbot, ui.consent_how_edit, "Business card")
    leave(qtbot, ui.consent_how_edit)
    assert service.get(anna).consent.how == "Business card"
    assert service.get(anna).consent.at == clock.now  # date untouched: time kept
    ui.do_not_contact_check.setFocus()
    qtbot.keyClick(ui.do_not_contact_check, Qt.Key.Key_Space)
    assert service.get(anna).do_not_contact
    assert ui.badge_label.text() == "Do not contact"


def test_rating_and_source_combos(qtbot, pane, anna, service) -> None:
    pane.show_contact(anna)
    combo = pane.ui.rating_combo
    combo.setFocus()
    qtbot.keyClick(combo, Qt.Key.Key_Home)  # keyboard choice emits activated, like a click
    assert service.get(anna).rating is Rating.HOT
    source = pane.ui.source_combo
    source.setFocus()
    qtbot.keyClick(source, Qt.Key.Key_Down)
    assert service.get(anna).source is not None
    assert pane.ui.source_combo.currentText() == "Newsletter"


def test_follows_selection_and_removal(qtbot, pane, anna, service, runner) -> None:
    other = service.create(first_name="Ben").ids[0]
    runner.events.contact_selected.emit(anna)
    assert pane.contact().id == anna
    runner.events.contact_selected.emit(other)
    assert pane.ui.first_name_edit.text() == "Ben"
    runner.execute(lambda: service.delete([other]))
    assert pane.ui.badge_label.text() == "In the trash"
    runner.execute(lambda: service.purge([other]))
    assert pane.ui.pages.currentWidget() is pane.ui.empty_page
    runner.events.contact_selected.emit(0)
    assert pane.contact() is None


def test_dark_palette_uses_palette_colours(qtbot, runner, anna) -> None:
    app = QApplication.instance()
    light = QPalette(app.palette())
    dark = QPalette(light)
    for role, colour in (
        (QPalette.ColorRole.Window, "#202124"),
        (QPalette.ColorRole.Base, "#2b2c2f"),
        (QPalette.ColorRole.WindowText, "#e8eaed"),
        (QPalette.ColorRole.Text, "#e8eaed"),
    ):
        dark.setColor(role, QColor(colour))
    app.setPalette(dark)  # as a dark desktop theme does, before the window is built
    try:
        pane = ContactDetailPane(runner, runner.events)
        qtbot.addWidget(pane)
        pane.show_contact(anna)
        error = pane.ui.first_name_error
        assert error.palette().color(QPalette.ColorRole.WindowText) == error_color(dark)
        assert error_color(dark).lightness() > 128
        avatar = pane.ui.avatar_label.pixmap().toImage()
        centre = avatar.pixelColor(avatar.width() // 2, avatar.height() // 8)  # above the text
        assert centre == dark.color(QPalette.ColorRole.Highlight)
    finally:
        app.setPalette(light)


def test_runner_on_error_gets_the_exception_instead_of_save_failed(qtbot, runner) -> None:
    seen: list[Exception] = []
    failed: list[str] = []
    runner.events.save_failed.connect(failed.append)

    def refuse():
        raise ValidationError("Nope.", "company")

    assert runner.execute(refuse, on_error=seen.append) is None
    assert [str(e) for e in seen] == ["Nope."] and failed == []
    assert runner.execute(refuse) is None
    assert failed == ["Nope."]


def test_history_counts_days_in_the_current_stage(
    qtbot, pane, anna, service, clock, runner
) -> None:
    clock.advance(days=3)
    runner.execute(lambda: service.move([anna], "prospect"))
    clock.advance(days=12, hours=5)
    pane.show_contact(anna)
    assert pane.ui.history_view.summary_label.text() == "In Prospect for 12 days"
    entries = pane.ui.history_view.entries_label.text()
    assert "New → <b>Prospect</b>" in entries
    assert entries.index("Prospect") < entries.index("Created in")  # newest first


def test_switching_to_german_retranslates_the_pane(qtbot, pane, anna) -> None:
    from PySide6.QtCore import QCoreApplication, QTranslator

    pane.show_contact(anna)
    translator = QTranslator()
    assert translator.load(":/translations/salesdesk_de.qm")
    QCoreApplication.installTranslator(translator)  # posts LanguageChange to the windows
    try:
        qtbot.waitUntil(lambda: pane.ui.first_name_label.text() == "Vorname")
        assert pane.ui.stage_combo.currentText() == "Neu"
        assert pane.ui.first_name_edit.text() == "Anna"
    finally:
        QCoreApplication.removeTranslator(translator)
    qtbot.waitUntil(lambda: pane.ui.first_name_label.text() == "First name")
