"""The new-contact form says when what is typed matches a stored contact, offers to open that
one instead, and never stops the user from saving."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

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


def test_only_telling_input_is_checked() -> None:
    assert not worth_checking({"first_name": "Anna"})
    assert worth_checking({"first_name": "Anna", "last_name": "S"})
    assert worth_checking({"last_name": "Schmidt", "company": "Acme"})
    assert not worth_checking({"emails": [{"value": "@"}]})
    assert worth_checking({"emails": [{"value": "anna@acme.de"}]})
    assert not worth_checking({"phones": [{"value": "030 12"}]})
    assert worth_checking({"phones": [{"value": "030 123456"}]})
