"""Detail pane choosers driven as a user: referred-by, tags with completion, stage combo."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QApplication, QComboBox

from salesdesk.domain.stages import Stage, UnqualifiedReason
from salesdesk.services import ContactService
from salesdesk.views.dialogs.reason import ReasonDialog

# Popups (completers, combo lists) on the offscreen platform: harmless, nothing to raise or grab.
pytestmark = pytest.mark.qt_log_ignore(
    "This plugin does not support raise", "This plugin does not support grabbing the keyboard"
)


@pytest.fixture
def people(service: ContactService) -> dict[str, int]:
    return {
        "anna": service.create(first_name="Anna", last_name="Berg").ids[0],
        "bob": service.create(
            first_name="Bob",
            last_name="Builder",
            company="Bau AG",
            tags=["VIP customer", "fair-2026"],
        ).ids[0],
        "bea": service.create(first_name="Bea", last_name="Bauer").ids[0],
    }


def choose_from_combo(qtbot, combo: QComboBox, text: str) -> None:
    """Open the combo's list and click the entry, as a user does."""
    combo.showPopup()
    view = combo.view()
    qtbot.waitUntil(view.isVisible)
    index = combo.model().index(combo.findText(text), 0)
    view.scrollTo(index)
    qtbot.mouseClick(
        view.viewport(), Qt.MouseButton.LeftButton, pos=view.visualRect(index).center()
    )


def test_pick_a_referrer_by_typing(qtbot, pane, people, service) -> None:
    pane.show_contact(people["anna"])
    picker = pane.ui.referrer_picker
    edit = picker.name_edit
    edit.setFocus()
    qtbot.keyClicks(edit, "Bui")
    popup = picker.completer.popup()
    qtbot.waitUntil(popup.isVisible)
    assert [picker.model.item(r).text() for r in range(picker.model.rowCount())] == [
        "Bob Builder (Bau AG)"
    ]
    qtbot.keyClick(popup, Qt.Key.Key_Down)
    qtbot.keyClick(popup, Qt.Key.Key_Return)
    assert service.get(people["anna"]).referred_by == people["bob"]
    assert edit.text() == "Bob Builder"
    # Clearing the field removes the referrer.
    qtbot.keyClick(edit, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(edit, Qt.Key.Key_Delete)
    qtbot.keyClick(edit, Qt.Key.Key_Tab)
    assert service.get(people["anna"]).referred_by is None


def test_referrer_refuses_self_and_unknown_text(qtbot, pane, people, service) -> None:
    pane.show_contact(people["anna"])
    picker = pane.ui.referrer_picker
    edit = picker.name_edit
    edit.setFocus()
    qtbot.keyClicks(edit, "Anna")
    assert picker.model.rowCount() == 0  # the contact itself is never offered
    assert not picker.completer.popup().isVisible()
    qtbot.keyClick(edit, Qt.Key.Key_Tab)
    error = pane.ui.referred_by_error
    assert error.isVisible() and "pick one from the list" in error.text()
    assert edit.text() == "Anna"  # what was typed stays
    assert service.get(people["anna"]).referred_by is None
    edit.setFocus()
    qtbot.keyClick(edit, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier)
    qtbot.keyClick(edit, Qt.Key.Key_Delete)
    qtbot.keyClick(edit, Qt.Key.Key_Tab)
    assert not error.isVisible()


def test_add_a_tag_with_completion_and_remove_it(qtbot, pane, people, service) -> None:
    pane.show_contact(people["anna"])
    tags = pane.ui.tag_editor
    tags.tag_edit.setFocus()
    qtbot.keyClicks(tags.tag_edit, "cust")  # matches inside the name, any case
    popup = tags.completer.popup()
    qtbot.waitUntil(popup.isVisible)
    assert tags.completer.completionCount() == 1
    qtbot.keyClick(popup, Qt.Key.Key_Down)
    qtbot.keyClick(popup, Qt.Key.Key_Return)
    assert service.get(people["anna"]).tags == ["VIP customer"]
    assert tags.tag_edit.text() == ""
    assert tags.chip_texts() == ["VIP customer  \u2715"]
    qtbot.keyClicks(tags.tag_edit, "Berlin")
    qtbot.keyClick(tags.tag_edit, Qt.Key.Key_Return)
    assert service.get(people["anna"]).tags == ["Berlin", "VIP customer"]
    qtbot.mouseClick(tags._chips[1], Qt.MouseButton.LeftButton)
    assert service.get(people["anna"]).tags == ["Berlin"]
    too_long = "x" * 101
    qtbot.keyClicks(tags.tag_edit, too_long)
    qtbot.keyClick(tags.tag_edit, Qt.Key.Key_Return)
    assert pane.ui.tags_error.isVisible() and "too long" in pane.ui.tags_error.text()
    assert tags.tag_edit.text() == too_long  # a refused tag is not lost
    assert service.get(people["anna"]).tags == ["Berlin"]


def test_stage_combo_moves_the_contact(qtbot, pane, people, service, clock, runner) -> None:
    pane.show_contact(people["anna"])
    with qtbot.waitSignal(runner.events.changes_applied) as blocker:
        choose_from_combo(qtbot, pane.ui.stage_combo, "Prospect")
    assert Stage.PROSPECT in blocker.args[0].stages
    assert service.get(people["anna"]).stage is Stage.PROSPECT
    assert pane.ui.history_view.summary_label.text() == "In Prospect since today"
    clock.advance(days=12)
    pane.show_contact(people["anna"])
    assert pane.ui.history_view.summary_label.text() == "In Prospect for 12 days"


def test_unqualified_asks_for_a_reason_cancel_keeps_the_stage(qtbot, pane, people, service) -> None:
    pane.show_contact(people["anna"])
    choose_from_combo(qtbot, pane.ui.stage_combo, "Unqualified")
    dialog = pane.reason_dialog
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog)
    assert not dialog.ok_button.isEnabled()  # no reason yet
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
    assert dialog.isVisible()  # Enter does nothing while there is no reason
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Down)
    assert dialog.ok_button.isEnabled()
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Escape)
    assert not dialog.isVisible()
    assert service.get(people["anna"]).stage is Stage.NEW
    assert pane.ui.stage_combo.currentText() == "New"


def test_unqualified_with_a_reason_moves_and_records_it(
    qtbot, pane, people, service, runner
) -> None:
    pane.show_contact(people["anna"])
    choose_from_combo(qtbot, pane.ui.stage_combo, "Unqualified")
    dialog = pane.reason_dialog
    assert isinstance(dialog, ReasonDialog)  # the same dialog as the board's
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog)
    assert QApplication.focusWidget() is dialog.buttons[UnqualifiedReason.NO_BUDGET]
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Space)  # choose the focused one
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
    assert not dialog.isVisible()
    assert service.get(people["anna"]).stage is Stage.UNQUALIFIED
    last = service.history(people["anna"])[-1]
    assert (last.to_stage, last.reason) == (Stage.UNQUALIFIED, "no budget")
    assert "Reason: <i>No budget</i>" in pane.ui.history_view.entries_label.text()
    assert pane.ui.stage_combo.currentText() == "Unqualified"
    runner.undo()
    assert pane.ui.stage_combo.currentText() == "New"


def test_free_text_reason(qtbot, pane, people, service) -> None:
    pane.show_contact(people["bea"])
    choose_from_combo(qtbot, pane.ui.stage_combo, "Unqualified")
    dialog = pane.reason_dialog
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog)
    qtbot.mouseClick(
        dialog.other, Qt.MouseButton.LeftButton, pos=QPoint(8, dialog.other.height() // 2)
    )
    assert QApplication.focusWidget() is dialog.details  # straight on to write it
    assert not dialog.ok_button.isEnabled()
    qtbot.keyClicks(QApplication.focusWidget(), "Moved abroad")
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
    assert service.history(people["bea"])[-1].reason == "Moved abroad"
