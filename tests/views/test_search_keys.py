"""The search from the keyboard: Enter or Down goes to the first hit, Tab goes search → board →
pane, and a hit in a column out of view is scrolled to."""

from __future__ import annotations

from PySide6.QtCore import QPoint, QRect, Qt
from PySide6.QtWidgets import QApplication

from salesdesk.domain.stages import Stage

SHIFT = Qt.KeyboardModifier.ShiftModifier


def type_search(qtbot, window, text: str) -> None:  # type: ignore[no-untyped-def]
    window.search.setFocus()
    qtbot.waitUntil(window.search.hasFocus)
    qtbot.keyClicks(window.search, text)


def focused_in(widget) -> bool:  # type: ignore[no-untyped-def]
    focus = QApplication.focusWidget()
    return focus is widget or (focus is not None and widget.isAncestorOf(focus))


def test_enter_goes_to_the_first_hit_at_once(qtbot, people, window) -> None:
    type_search(qtbot, window, "dubois")  # Marie, in Customer, the last column
    qtbot.keyClick(window.search, Qt.Key.Key_Return)  # before the search timer fired
    view = window.board.column(Stage.CUSTOMER).view
    assert view.hasFocus()
    assert window.board.current_id() == people["Marie"]
    assert window.detail.contact().id == people["Marie"]


def test_down_goes_to_the_first_hit_of_the_leftmost_column(qtbot, people, window) -> None:
    type_search(qtbot, window, "o")  # Okafor (Prospect), Rossi (Nurturing), Wei... not
    qtbot.waitUntil(lambda: window.board.search_text == "o")
    qtbot.keyClick(window.search, Qt.Key.Key_Down)
    first = window.board.first_hit()
    assert first is not None
    assert window.board.column(first).view.hasFocus()
    assert window.board.active_stage is first
    assert window.board.column(first).view.currentIndex().row() == 0


def test_enter_without_hits_says_so(qtbot, people, window) -> None:
    type_search(qtbot, window, "zzzz")
    qtbot.keyClick(window.search, Qt.Key.Key_Enter)
    assert window.search.hasFocus()
    assert window.statusBar().currentMessage() == "No contact matches the search."


def test_tab_goes_search_board_pane_and_back(qtbot, people, window) -> None:
    window.events.contact_selected.emit(people["Anna"])
    window.search.setFocus()
    qtbot.waitUntil(window.search.hasFocus)
    qtbot.keyClick(window.search, Qt.Key.Key_Tab)
    board = window.board
    assert focused_in(board)
    view = board.column(board.active_stage).view
    assert view.hasFocus() and view.currentIndex().isValid()
    qtbot.keyClick(view, Qt.Key.Key_Tab)  # not the next column: the arrows do that
    assert focused_in(window.detail)
    view.setFocus()
    qtbot.waitUntil(view.hasFocus)
    qtbot.keyClick(view, Qt.Key.Key_Backtab, SHIFT)
    assert window.search.hasFocus()


def test_a_hit_in_a_column_out_of_view_is_scrolled_to(qtbot, people, window) -> None:
    window.resize(900, 700)  # too narrow: the board scrolls sideways
    qtbot.waitUntil(lambda: window.board.scroller.horizontalScrollBar().maximum() > 0)
    scroller = window.board.scroller
    scroller.horizontalScrollBar().setValue(0)
    customer = window.board.column(Stage.CUSTOMER)
    type_search(qtbot, window, "dubois")
    qtbot.waitUntil(lambda: window.board.search_text == "dubois")
    viewport = scroller.viewport()
    seen = QRect(QPoint(0, 0), viewport.size())
    where = QRect(customer.mapTo(viewport, QPoint(0, 0)), customer.size())
    assert seen.contains(where.topLeft()) and seen.right() >= where.left() + where.width() // 2
