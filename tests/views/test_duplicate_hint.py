"""The new-contact form says when what is typed matches a stored contact and asks: open that
one instead, or create anyway. Until then Enter creates nothing."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from salesdesk.domain.stages import Stage
from salesdesk.services.session import Session
from salesdesk.views.detail.new_contact import NewContactDialog
from salesdesk.views.main_window import MainWindow
from salesdesk.views.transfer.duplicate_hint import worth_checking
from tests.views.links import click_link


def new_contact(qtbot, window: MainWindow) -> NewContactDialog:  # type: ignore[no-untyped-def]
    window.commands.new_contact.trigger()
    dialog = window.dialog
    assert isinstance(dialog, NewContactDialog)
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog)
    return dialog


def test_a_matching_email_offers_to_open_the_stored_contact(
    qtbot, people: dict[str, int], window: MainWindow
) -> None:
    dialog = new_contact(qtbot, window)
    hint = dialog.duplicate_hint
    qtbot.keyClicks(dialog.ui.first_name_edit, "Anne")
    dialog.ui.email_edit.setFocus()
    qtbot.keyClicks(dialog.ui.email_edit, "ANNA@acme.de")
    qtbot.waitUntil(hint.isVisible)
    assert "Possible duplicate: Anna Schmidt (Acme GmbH)" in hint.text()
    assert "open it instead?" in hint.text()
    click_link(hint, f"open:{people['Anna']}")
    assert not dialog.isVisible() and dialog.created_id is None
    qtbot.waitUntil(lambda: window.detail.isVisible())
    assert window.board.selected_ids() == [people["Anna"]]
    assert window.detail._contact is not None and window.detail._contact.id == people["Anna"]


def test_a_similar_name_at_the_company_warns_but_saving_still_works(
    qtbot, session: Session, people: dict[str, int], window: MainWindow
) -> None:
    dialog = new_contact(qtbot, window)
    hint = dialog.duplicate_hint
    qtbot.keyClicks(dialog.ui.first_name_edit, "Juergen")
    dialog.ui.last_name_edit.setFocus()
    qtbot.keyClicks(dialog.ui.last_name_edit, "Mueller")
    dialog.ui.company_edit.setFocus()
    qtbot.keyClicks(dialog.ui.company_edit, "Mueller & Soehne")
    qtbot.waitUntil(hint.isVisible)
    assert "Jürgen Müller" in hint.text()
    dialog.ui.company_edit.clear()
    qtbot.keyClicks(dialog.ui.company_edit, "Mueller Bau")  # another company: no warning
    qtbot.waitUntil(lambda: not hint.isVisible())
    qtbot.keyClick(dialog.ui.company_edit, Qt.Key.Key_Return)
    assert dialog.created_id is not None
    assert session.service.get(dialog.created_id).company == "Mueller Bau"


ALT = Qt.KeyboardModifier.AltModifier


def anna_emails(session: Session) -> list[int]:
    """The ids of the live contacts with Anna's e-mail address."""
    return [c.id for c in session.service.cards() if c.email == "anna@acme.de"]


def test_enter_creates_nothing_until_the_duplicate_is_answered(
    qtbot, session: Session, people: dict[str, int], window: MainWindow
) -> None:
    dialog = new_contact(qtbot, window)
    qtbot.keyClicks(dialog.ui.first_name_edit, "Anne")
    dialog.ui.email_edit.setFocus()
    qtbot.keyClicks(dialog.ui.email_edit, "anna@acme.de")
    qtbot.waitUntil(dialog.duplicate_choice.isVisible)
    assert dialog.duplicate_hint.isVisible()  # the hint stays, as information
    for edit in (dialog.ui.first_name_edit, dialog.ui.phone_edit):  # the form grew for them
        assert edit.height() >= edit.sizeHint().height()
    assert not dialog.save_button.isEnabled()
    for key in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Return):
        qtbot.keyClick(dialog.ui.email_edit, key)
    assert dialog.isVisible() and dialog.created_id is None
    assert anna_emails(session) == [people["Anna"]]
    with qtbot.waitSignal(dialog.finished):
        qtbot.mouseClick(dialog.create_anyway_button, Qt.MouseButton.LeftButton)
    assert dialog.created_id is not None
    assert sorted(anna_emails(session)) == sorted([people["Anna"], dialog.created_id])
    assert session.service.get(dialog.created_id).first_name == "Anne"
    assert session.service.get(dialog.created_id).stage is Stage.NEW


def test_enter_right_after_typing_waits_for_the_check_and_asks(
    qtbot, session: Session, people: dict[str, int], window: MainWindow
) -> None:
    dialog = new_contact(qtbot, window)
    qtbot.keyClicks(dialog.ui.first_name_edit, "Anne")
    dialog.ui.email_edit.setFocus()
    qtbot.keyClicks(dialog.ui.email_edit, "anna@acme.de")
    qtbot.keyClick(dialog.ui.email_edit, Qt.Key.Key_Return)  # before the pause is over
    assert not dialog.duplicate_hint.isVisible()
    qtbot.waitUntil(dialog.duplicate_choice.isVisible)
    assert dialog.isVisible() and dialog.created_id is None
    assert anna_emails(session) == [people["Anna"]]
    with qtbot.waitSignal(dialog.finished):
        qtbot.keyClick(dialog.ui.email_edit, Qt.Key.Key_A, ALT)  # Create &anyway
    assert dialog.created_id is not None
    assert len(anna_emails(session)) == 2


def test_open_the_existing_one_by_mouse_and_by_keyboard(
    qtbot, people: dict[str, int], window: MainWindow
) -> None:
    for press in ("mouse", "keyboard"):
        dialog = new_contact(qtbot, window)
        qtbot.keyClicks(dialog.ui.first_name_edit, "Ben")
        dialog.ui.email_edit.setFocus()
        qtbot.keyClicks(dialog.ui.email_edit, "ben@okafor.ng")
        qtbot.keyClick(dialog.ui.email_edit, Qt.Key.Key_Return)
        qtbot.waitUntil(dialog.duplicate_choice.isVisible)
        with qtbot.waitSignal(dialog.finished):
            if press == "mouse":
                qtbot.mouseClick(dialog.open_existing_button, Qt.MouseButton.LeftButton)
            else:
                qtbot.keyClick(dialog.ui.email_edit, Qt.Key.Key_O, ALT)  # &Open the existing one
        assert dialog.created_id is None and dialog.existing_id == people["Ben"]
        assert window.board.selected_ids() == [people["Ben"]]
        assert window.detail.contact() is not None
        assert window.detail.contact().id == people["Ben"]


def test_after_create_anyway_a_refused_input_is_fixed_and_enter_creates(
    qtbot, session: Session, people: dict[str, int], window: MainWindow
) -> None:
    dialog = new_contact(qtbot, window)
    qtbot.keyClicks(dialog.ui.first_name_edit, "Juergen")  # QTest types ASCII only
    qtbot.keyClick(dialog.ui.first_name_edit, Qt.Key.Key_Tab)
    qtbot.keyClicks(dialog.ui.last_name_edit, "Mueller")
    qtbot.keyClick(dialog.ui.last_name_edit, Qt.Key.Key_Tab)
    qtbot.keyClicks(dialog.ui.company_edit, "Mueller & Soehne")
    dialog.ui.email_edit.setFocus()
    qtbot.keyClicks(dialog.ui.email_edit, "juergen@")
    qtbot.keyClick(dialog.ui.email_edit, Qt.Key.Key_Return)
    qtbot.waitUntil(dialog.duplicate_choice.isVisible)
    qtbot.mouseClick(dialog.create_anyway_button, Qt.MouseButton.LeftButton)
    assert dialog.isVisible() and dialog.created_id is None  # the e-mail was refused
    assert dialog.ui.email_error.isVisible()
    assert not dialog.duplicate_choice.isVisible() and dialog.save_button.isEnabled()
    dialog.ui.email_edit.setFocus()
    qtbot.keyClicks(dialog.ui.email_edit, "mueller.de")
    with qtbot.waitSignal(dialog.finished):  # answered already: no new question
        qtbot.keyClick(dialog.ui.email_edit, Qt.Key.Key_Return)
    assert session.service.get(dialog.created_id).primary_email.value == "juergen@mueller.de"
    names = [c.name for c in session.service.cards()]
    assert "Jürgen Müller" in names and "Juergen Mueller" in names


def test_a_new_match_after_create_anyway_is_asked_again(
    qtbot, session: Session, people: dict[str, int], window: MainWindow
) -> None:
    dialog = new_contact(qtbot, window)
    qtbot.keyClicks(dialog.ui.first_name_edit, "Li")
    qtbot.keyClick(dialog.ui.first_name_edit, Qt.Key.Key_Tab)
    qtbot.keyClicks(dialog.ui.last_name_edit, "Wei")
    qtbot.keyClick(dialog.ui.last_name_edit, Qt.Key.Key_Tab)
    qtbot.keyClicks(dialog.ui.company_edit, "Dragon Trade")
    dialog.ui.email_edit.setFocus()
    qtbot.keyClicks(dialog.ui.email_edit, "li@")
    qtbot.keyClick(dialog.ui.email_edit, Qt.Key.Key_Return)
    qtbot.waitUntil(dialog.duplicate_choice.isVisible)
    qtbot.keyClick(dialog.ui.email_edit, Qt.Key.Key_A, ALT)  # a mnemonic clicks after 100 ms
    qtbot.waitUntil(dialog.ui.email_error.isVisible)  # refused: "li@" is no address
    assert dialog.isVisible() and not dialog.duplicate_choice.isVisible()
    dialog.ui.email_edit.setFocus()
    dialog.ui.email_edit.selectAll()
    qtbot.keyClicks(dialog.ui.email_edit, "ben@okafor.ng")  # now Ben matches as well
    qtbot.keyClick(dialog.ui.email_edit, Qt.Key.Key_Return)
    qtbot.waitUntil(dialog.duplicate_choice.isVisible)
    assert dialog.isVisible() and dialog.created_id is None
    assert len(session.service.cards()) == len(people)


def test_only_telling_input_is_checked() -> None:
    assert not worth_checking({"first_name": "Anna"})
    assert worth_checking({"first_name": "Anna", "last_name": "S"})
    assert worth_checking({"last_name": "Schmidt", "company": "Acme"})
    assert not worth_checking({"emails": [{"value": "@"}]})
    assert worth_checking({"emails": [{"value": "anna@acme.de"}]})
    assert not worth_checking({"phones": [{"value": "030 12"}]})
    assert worth_checking({"phones": [{"value": "030 123456"}]})
