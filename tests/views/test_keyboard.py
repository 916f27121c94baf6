"""The board driven from the keyboard, as a user does: arrows, stage moves, Enter, Delete,
undo and redo with the standard shortcuts (checked on screen and in the database)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from salesdesk.domain.stages import Stage
from salesdesk.views.board.column import StageColumnView
from tests.views.links import closed

CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier
ALT = Qt.KeyboardModifier.AltModifier


def names(window, stage: Stage) -> list[str]:  # type: ignore[no-untyped-def]
    proxy = window.board.column(stage).view.model()
    return [proxy.index(r, 0).data() for r in range(proxy.rowCount())]


def click_card(qtbot, view: StageColumnView, row: int) -> None:  # type: ignore[no-untyped-def]
    rect = view.visualRect(view.model().index(row, 0))
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    view.setFocus()
    qtbot.waitUntil(view.hasFocus)


def test_clicking_a_card_shows_it_in_the_detail_pane(qtbot, people, window) -> None:
    shown: list[int] = []
    window.events.contact_selected.connect(shown.append)
    click_card(qtbot, window.board.column(Stage.WORKING).view, 0)
    assert shown[-1] == people["Li"]
    assert window.detail.contact() is not None and window.detail.contact().id == people["Li"]


def test_arrow_keys_move_between_cards_and_columns(qtbot, people, window) -> None:
    board = window.board
    new = board.column(Stage.NEW).view
    click_card(qtbot, new, 0)
    qtbot.keyClick(new, Qt.Key.Key_Down)
    assert board.current_id() == people["Jürgen"]
    qtbot.keyClick(new, Qt.Key.Key_Right)
    assert board.active_stage is Stage.WORKING
    assert QApplication.focusWidget() is board.column(Stage.WORKING).view
    assert board.current_id() == people["Li"]  # row clamped to the shorter column
    board.set_folded(Stage.NURTURING, True)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Right)
    assert board.active_stage is Stage.UNQUALIFIED  # folded columns are skipped
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Left)
    assert board.active_stage is Stage.WORKING
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Left)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Left)  # nothing left of New
    assert board.active_stage is Stage.NEW


def test_ctrl_shift_arrows_move_cards_one_stage(qtbot, people, window, session) -> None:
    view = window.board.column(Stage.NEW).view
    click_card(qtbot, view, 0)
    qtbot.keyClick(view, Qt.Key.Key_Right, CTRL | SHIFT)
    assert names(window, Stage.WORKING) == ["Anna Schmidt", "Li Wei"]
    assert session.service.get(people["Anna"]).stage is Stage.WORKING
    # the card stays selected in its new column, so the keys can be repeated
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Right, CTRL | SHIFT)
    assert session.service.get(people["Anna"]).stage is Stage.NURTURING
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Left, CTRL | SHIFT)
    assert session.service.get(people["Anna"]).stage is Stage.WORKING
    assert window.board.column(Stage.WORKING).header.count_text() == "2"


def test_ctrl_number_moves_to_that_stage_and_unqualified_asks(
    qtbot, people, window, session
) -> None:
    view = window.board.column(Stage.NEW).view
    click_card(qtbot, view, 1)
    qtbot.keyClick(view, Qt.Key.Key_6, CTRL)
    assert names(window, Stage.CUSTOMER) == ["Jürgen Müller", "Marie Dubois"]
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_4, CTRL)
    dialog = window.board.reason_dialog
    assert dialog is not None
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_D, ALT)  # "&Details:"
    assert QApplication.focusWidget() is dialog.details
    qtbot.keyClicks(QApplication.focusWidget(), "moved abroad")
    assert dialog.other.isChecked()  # written before choosing: their own reason
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: window.board.reason_dialog is None)
    assert names(window, Stage.UNQUALIFIED) == ["Jürgen Müller"]
    assert session.service.history(people["Jürgen"])[-1].reason == "moved abroad"


def test_enter_opens_the_card_in_the_detail_pane(qtbot, people, window) -> None:
    window.set_detail_visible(False)
    view = window.board.column(Stage.PROSPECT).view
    click_card(qtbot, view, 0)
    qtbot.keyClick(view, Qt.Key.Key_Return)
    assert window.detail.isVisible()
    assert window.commands.toggle_detail.isChecked()
    assert window.detail.contact().id == people["Ben"]
    focus = QApplication.focusWidget()
    assert focus is window.detail or window.detail.isAncestorOf(focus)


def test_delete_sends_to_trash_and_undo_redo_shortcuts_work(qtbot, people, window, session) -> None:
    view = window.board.column(Stage.NEW).view
    click_card(qtbot, view, 0)
    qtbot.keyClick(view, Qt.Key.Key_Delete)
    assert names(window, Stage.NEW) == ["Jürgen Müller"]
    assert session.service.get(people["Anna"]).deleted_at is not None
    assert window.commands.undo.text() == "Undo deletion of Anna Schmidt"
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Z, CTRL)
    assert names(window, Stage.NEW) == ["Anna Schmidt", "Jürgen Müller"]
    assert session.service.get(people["Anna"]).deleted_at is None
    assert window.commands.redo.text() == "Redo deletion of Anna Schmidt"
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Z, CTRL | SHIFT)
    assert names(window, Stage.NEW) == ["Jürgen Müller"]
    assert session.service.get(people["Anna"]).deleted_at is not None


def test_undo_and_redo_of_a_move_are_named(qtbot, people, window, session) -> None:
    view = window.board.column(Stage.PROSPECT).view
    click_card(qtbot, view, 0)
    qtbot.keyClick(view, Qt.Key.Key_Right, CTRL | SHIFT)
    assert window.commands.undo.text() == "Undo move of Ben Okafor to Customer"
    assert window.commands.undo.isEnabled() and not window.commands.redo.isEnabled()
    window.commands.undo.trigger()
    assert session.service.get(people["Ben"]).stage is Stage.PROSPECT
    assert names(window, Stage.PROSPECT) == ["Ben Okafor"]
    assert window.commands.redo.text() == "Redo move of Ben Okafor to Customer"
    window.commands.redo.trigger()
    assert session.service.get(people["Ben"]).stage is Stage.CUSTOMER


def test_n_in_the_board_creates_a_contact_in_that_column(qtbot, people, window, session) -> None:
    view = window.board.column(Stage.WORKING).view
    click_card(qtbot, view, 0)
    qtbot.keyClick(view, Qt.Key.Key_N)
    dialog = window.dialog
    assert dialog is not None and dialog.isVisible() and dialog.stage is Stage.WORKING
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog)
    qtbot.keyClicks(dialog.ui.first_name_edit, "Nora")
    qtbot.keyClicks(dialog.ui.last_name_edit, "Neu")
    qtbot.keyClick(dialog.ui.last_name_edit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: closed(dialog))
    assert names(window, Stage.WORKING) == ["Nora Neu", "Li Wei"]
    new_id = window.board.current_id()
    assert session.service.get(new_id).last_name == "Neu"
    assert window.commands.undo.text() == "Undo creation of Nora Neu"


def test_ctrl_n_creates_in_new_even_with_a_customer_selected(qtbot, people, window, session):
    """Ctrl+N is the window's "New contact": it always files the contact under New, whatever
    card is selected (N on the board is "New contact in this column")."""
    view = window.board.column(Stage.CUSTOMER).view
    click_card(qtbot, view, 0)
    qtbot.keyClick(window, Qt.Key.Key_N, CTRL)
    dialog = window.dialog
    assert dialog.stage is Stage.NEW
    assert "New" in dialog.ui.intro_label.text()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog)
    qtbot.keyClicks(dialog.ui.first_name_edit, "Nora")
    qtbot.keyClicks(dialog.ui.last_name_edit, "Neu")
    qtbot.keyClick(dialog.ui.last_name_edit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: closed(dialog))
    assert names(window, Stage.CUSTOMER) == ["Marie Dubois"]
    assert names(window, Stage.NEW)[0] == "Nora Neu"
    assert session.service.get(window.board.current_id()).stage is Stage.NEW


def test_ctrl_n_in_the_board_and_esc_cancels(qtbot, people, window) -> None:
    view = window.board.column(Stage.CUSTOMER).view
    click_card(qtbot, view, 0)
    qtbot.keyClick(view, Qt.Key.Key_N, CTRL)
    dialog = window.dialog
    assert dialog.stage is Stage.NEW
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog)
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: closed(dialog))
    assert names(window, Stage.CUSTOMER) == ["Marie Dubois"]
    assert names(window, Stage.NEW) == ["Anna Schmidt", "Jürgen Müller"]


def test_shortcuts_only_act_in_the_board(qtbot, people, window, session) -> None:
    """Delete and Ctrl+Shift+Right in the search field edit text; the cards stay put."""
    view = window.board.column(Stage.NEW).view
    click_card(qtbot, view, 0)
    window.search.setFocus()
    qtbot.waitUntil(window.search.hasFocus)
    qtbot.keyClicks(window.search, "ab")
    qtbot.keyClick(window.search, Qt.Key.Key_Home)
    qtbot.keyClick(window.search, Qt.Key.Key_Delete)
    qtbot.keyClick(window.search, Qt.Key.Key_Right, CTRL | SHIFT)
    assert window.search.text() == "b"
    assert session.service.get(people["Anna"]).deleted_at is None
    assert session.service.get(people["Anna"]).stage is Stage.NEW


def test_double_click_opens_details(qtbot, people, window) -> None:
    view = window.board.column(Stage.CUSTOMER).view
    rect = view.visualRect(view.model().index(0, 0))
    opened: list[int] = []
    window.board.contact_activated.connect(opened.append)
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    qtbot.mouseDClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    assert opened == [people["Marie"]]
    assert window.detail.contact().id == people["Marie"]
