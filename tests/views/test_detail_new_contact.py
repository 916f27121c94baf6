"""The New contact dialog driven from the keyboard: type, Enter saves, Esc cancels."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from salesdesk.domain.stages import Stage
from salesdesk.views.detail.new_contact import NewContactDialog
from salesdesk.views.undo import ServiceRunner
from tests.views.links import closed


@pytest.fixture
def dialog(qtbot, runner: ServiceRunner) -> NewContactDialog:
    widget = NewContactDialog(runner, Stage.WORKING)
    qtbot.addWidget(widget)
    widget.show()
    qtbot.waitExposed(widget)
    widget.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is widget)
    return widget


def test_first_name_has_focus_and_enter_creates(qtbot, dialog, service, runner) -> None:
    assert QApplication.focusWidget() is dialog.ui.first_name_edit
    qtbot.keyClicks(dialog.ui.first_name_edit, "Zoe")
    qtbot.keyClick(dialog.ui.first_name_edit, Qt.Key.Key_Tab)
    qtbot.keyClicks(dialog.ui.last_name_edit, "Quinn")
    qtbot.keyClick(dialog.ui.last_name_edit, Qt.Key.Key_Tab)
    qtbot.keyClicks(dialog.ui.company_edit, "Hooli")
    with qtbot.waitSignal(runner.events.changes_applied) as blocker:
        qtbot.keyClick(dialog.ui.company_edit, Qt.Key.Key_Return)
    assert dialog.result() == NewContactDialog.DialogCode.Accepted
    assert not dialog.isVisible()
    created = service.get(dialog.created_id)
    assert (created.first_name, created.last_name, created.company) == ("Zoe", "Quinn", "Hooli")
    assert created.stage is Stage.WORKING
    assert blocker.args[0].created == {dialog.created_id}
    runner.undo()  # creating is undoable like everything else
    assert service.cards() == []


def test_email_and_phone_are_stored(qtbot, dialog, service) -> None:
    qtbot.keyClicks(dialog.ui.first_name_edit, "Ann")
    dialog.ui.email_edit.setFocus()
    qtbot.keyClicks(dialog.ui.email_edit, "ann@example.com")
    dialog.ui.phone_edit.setFocus()
    qtbot.keyClicks(dialog.ui.phone_edit, "030 1234567")
    qtbot.keyClick(dialog.ui.phone_edit, Qt.Key.Key_Enter)
    qtbot.waitUntil(lambda: dialog.created_id is not None)  # after the duplicate check
    created = service.get(dialog.created_id)
    assert created.primary_email.value == "ann@example.com"
    assert created.primary_phone.e164 == "+49301234567"


def test_escape_cancels_and_creates_nothing(qtbot, dialog, service) -> None:
    qtbot.keyClicks(dialog.ui.first_name_edit, "Nobody")
    qtbot.keyClick(dialog.ui.first_name_edit, Qt.Key.Key_Escape)
    assert dialog.result() == NewContactDialog.DialogCode.Rejected
    assert dialog.created_id is None
    assert service.cards() == []


def test_invalid_email_keeps_the_dialog_open_with_the_input(qtbot, dialog, service, runner) -> None:
    failed: list[str] = []
    runner.events.save_failed.connect(failed.append)
    qtbot.keyClicks(dialog.ui.first_name_edit, "Ann")
    dialog.ui.email_edit.setFocus()
    qtbot.keyClicks(dialog.ui.email_edit, "ann@")
    qtbot.keyClick(dialog.ui.email_edit, Qt.Key.Key_Return)
    assert dialog.isVisible()
    assert dialog.ui.email_error.isVisible() and "ann@" in dialog.ui.email_error.text()
    assert dialog.ui.email_edit.text() == "ann@" and dialog.ui.first_name_edit.text() == "Ann"
    assert service.cards() == [] and failed == []  # shown in the dialog, not elsewhere
    qtbot.keyClicks(dialog.ui.email_edit, "example.com")
    qtbot.keyClick(dialog.ui.email_edit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: closed(dialog))  # after the duplicate check
    assert service.get(dialog.created_id).primary_email.value == "ann@example.com"


def test_an_empty_form_says_what_is_needed(qtbot, dialog, service) -> None:
    qtbot.keyClick(dialog.ui.first_name_edit, Qt.Key.Key_Return)
    assert dialog.isVisible()
    assert "needs at least a name" in dialog.ui.name_error.text()
    assert dialog.ui.name_error.isVisible()
    assert service.cards() == []


def test_esc_while_the_duplicate_check_runs_creates_nothing(qtbot, dialog, service) -> None:
    service.create(first_name="Ann", emails=["ann@example.com"])
    qtbot.keyClicks(dialog.ui.first_name_edit, "Ann")
    dialog.ui.email_edit.setFocus()
    qtbot.keyClicks(dialog.ui.email_edit, "ann@other.example.com")
    qtbot.keyClick(dialog.ui.email_edit, Qt.Key.Key_Return)  # waits for the duplicate check
    qtbot.keyClick(dialog.ui.email_edit, Qt.Key.Key_Escape)
    assert not dialog.isVisible()
    qtbot.waitUntil(dialog.duplicate_hint.settled)  # the check has answered meanwhile
    assert dialog.created_id is None
    assert [c.name for c in service.cards()] == ["Ann"]
