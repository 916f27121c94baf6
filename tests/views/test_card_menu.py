"""The cards' context menu, opened with the mouse on real cards: each entry acts on all the
selected cards as one undo step. And the toolbar's Undo button keeps its width."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QContextMenuEvent
from PySide6.QtWidgets import QApplication, QMenu, QToolBar

from salesdesk.domain.stages import Stage
from salesdesk.views.board.column import StageColumnView
from tests.views.links import closed

CTRL = Qt.KeyboardModifier.ControlModifier
# a popup menu on the offscreen platform cannot raise itself or grab the keyboard: harmless
pytestmark = pytest.mark.qt_log_ignore("does not support raise", "does not support grabbing")


def names(window, stage: Stage) -> list[str]:  # type: ignore[no-untyped-def]
    proxy = window.board.column(stage).view.model()
    return [proxy.index(r, 0).data() for r in range(proxy.rowCount())]


def card_center(view: StageColumnView, row: int) -> QPoint:
    return view.visualRect(view.model().index(row, 0)).center()


def right_click(qtbot, window, view: StageColumnView, row: int) -> QMenu:  # type: ignore[no-untyped-def]
    """What a right click does: a press (which a right button does not select with) and the
    context menu event the platform sends after it."""
    pos = card_center(view, row)
    qtbot.mousePress(view.viewport(), Qt.MouseButton.RightButton, pos=pos)
    qtbot.mouseRelease(view.viewport(), Qt.MouseButton.RightButton, pos=pos)
    event = QContextMenuEvent(QContextMenuEvent.Reason.Mouse, pos, view.viewport().mapToGlobal(pos))
    QApplication.sendEvent(view.viewport(), event)
    menu = window.card_menu.menu
    assert menu is not None
    qtbot.waitUntil(menu.isVisible)
    return menu


def choose(menu: QMenu, *names: str) -> None:
    """Pick an entry by object name, through its submenus, as a click does."""
    for name in names[:-1]:
        sub = menu.findChild(QMenu, name)
        assert sub is not None, name
        menu = sub
    action = next(a for a in menu.actions() if a.objectName() == names[-1])
    assert action.isEnabled()
    action.trigger()


def select_two(qtbot, view: StageColumnView) -> None:  # type: ignore[no-untyped-def]
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=card_center(view, 0))
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, CTRL, card_center(view, 1))
    assert len(view.selected_ids()) == 2


def test_right_click_on_an_unselected_card_selects_it(qtbot, people, window) -> None:
    view = window.board.column(Stage.NEW).view
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=card_center(view, 0))
    menu = right_click(qtbot, window, view, 1)
    assert window.board.selected_ids() == [people["Jürgen"]]
    moves = menu.findChild(QMenu, "card_menu_move")
    enabled = {a.objectName(): a.isEnabled() for a in moves.actions()}
    assert enabled["card_move_new"] is False and enabled["card_move_working"] is True
    menu.close()


def test_move_two_cards_from_the_menu_is_one_undo_step(qtbot, people, window, session) -> None:
    view = window.board.column(Stage.NEW).view
    select_two(qtbot, view)
    menu = right_click(qtbot, window, view, 1)  # on a selected card: the whole selection
    choose(menu, "card_menu_move", "card_move_prospect")
    assert names(window, Stage.PROSPECT) == ["Anna Schmidt", "Jürgen Müller", "Ben Okafor"]
    assert window.commands.undo.text() == "Undo move of 2 contacts to Prospect"
    window.commands.undo.trigger()
    assert names(window, Stage.NEW) == ["Anna Schmidt", "Jürgen Müller"]
    assert session.service.get(people["Jürgen"]).stage is Stage.NEW


def test_rate_and_tag_the_selection(qtbot, people, window, session) -> None:
    service = session.service
    view = window.board.column(Stage.NEW).view
    select_two(qtbot, view)
    choose(right_click(qtbot, window, view, 0), "card_menu_rate", "card_rate_cold")
    assert [service.get(people[n]).rating.value for n in ("Anna", "Jürgen")] == ["cold", "cold"]
    assert window.runner.undo_stack.count() == 1
    choose(right_click(qtbot, window, view, 0), "card_add_tag")
    dialog = window.card_menu.tag_dialog
    assert dialog is not None
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog)
    qtbot.keyClicks(QApplication.focusWidget(), "Messe 2026")
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
    assert service.get(people["Jürgen"]).tags == ["Messe 2026"]
    assert service.get(people["Anna"]).tags == ["Messe 2026", "vip"]
    assert window.runner.undo_stack.count() == 2
    menu = right_click(qtbot, window, view, 0)
    untag = menu.findChild(QMenu, "card_menu_untag")
    assert [a.text() for a in untag.actions()] == ["Messe 2026", "vip"]
    next(a for a in untag.actions() if a.text() == "vip").trigger()
    assert service.get(people["Anna"]).tags == ["Messe 2026"]
    window.commands.undo.trigger()
    window.commands.undo.trigger()
    assert service.get(people["Anna"]).tags == ["vip"]
    assert service.get(people["Jürgen"]).tags == []


def test_log_follow_up_delete_and_export_from_the_menu(qtbot, people, window, session) -> None:
    view = window.board.column(Stage.NEW).view
    select_two(qtbot, view)
    choose(right_click(qtbot, window, view, 0), "card_log")
    dialog = window.conversations.dialog
    assert dialog is not None and "2 contacts" in dialog.windowTitle()
    dialog.reject()
    qtbot.waitUntil(lambda: closed(dialog))
    choose(right_click(qtbot, window, view, 0), "card_follow_up")
    dialog = window.conversations.dialog
    assert "2 contacts" in dialog.windowTitle()
    dialog.reject()
    qtbot.waitUntil(lambda: closed(dialog))
    choose(right_click(qtbot, window, view, 0), "card_export")
    export = window.dialog
    assert export.selected_ids == [people["Anna"], people["Jürgen"]]
    assert export.selected_radio.isChecked()
    export.reject()
    choose(right_click(qtbot, window, view, 0), "card_delete")
    assert names(window, Stage.NEW) == []
    assert window.runner.undo_stack.count() == 1
    window.commands.undo.trigger()
    assert names(window, Stage.NEW) == ["Anna Schmidt", "Jürgen Müller"]


def test_moving_into_unqualified_from_the_menu_asks_why(qtbot, people, window, session) -> None:
    view = window.board.column(Stage.WORKING).view
    choose(right_click(qtbot, window, view, 0), "card_menu_move", "card_move_unqualified")
    dialog = window.board.reason_dialog
    assert dialog is not None
    dialog.reject()
    assert session.service.get(people["Li"]).stage is Stage.WORKING


def test_the_undo_button_keeps_its_width(qtbot, people, window) -> None:
    toolbar = window.findChild(QToolBar, "main_toolbar")
    button = toolbar.widgetForAction(window.commands.undo)
    search_x = window.search.mapTo(window, QPoint(0, 0)).x()
    width = button.width()
    view = window.board.column(Stage.PROSPECT).view
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=card_center(view, 0))
    qtbot.keyClick(view, Qt.Key.Key_Right, CTRL | Qt.KeyboardModifier.ShiftModifier)
    assert window.commands.undo.text() == "Undo move of Ben Okafor to Customer"  # the menu
    assert button.toolTip() == "Undo move of Ben Okafor to Customer"
    assert button.text() == "Undo"
    qtbot.wait(0)  # let the toolbar lay out again, if it would
    assert button.width() == width
    assert window.search.mapTo(window, QPoint(0, 0)).x() == search_x
