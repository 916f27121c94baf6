"""Who did what in the window (issue 13): "Your name" in Preferences, the timeline saying who
moved and who logged, the pane's owner field with undo, "Assign to" on the selection, and the
"My contacts" switch on the board and the list view, all driven as a user does."""

from __future__ import annotations

from dataclasses import replace

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMenu, QToolBar

from salesdesk.domain.stages import Stage
from salesdesk.services import bulk_edit
from salesdesk.services.interactions import InteractionService
from salesdesk.services.preferences import load_preferences
from tests.views.test_card_menu import choose, right_click, select_two
from tests.views.test_conversations import click_card
from tests.views.test_filter_bar import shown, type_search
from tests.views.test_preferences import ok, open_preferences

pytestmark = pytest.mark.qt_log_ignore("does not support raise", "does not support grabbing")
CTRL_SHIFT = Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier
JANA = "Jana Kovač"


def as_user(window, name: str) -> None:  # type: ignore[no-untyped-def]
    prefs = window.commands.preferences
    prefs.set_preferences(replace(prefs.current, user_name=name))


def test_your_name_in_preferences_is_who_the_window_writes_as(
    qtbot, people, window, own_preferences
) -> None:
    dialog = open_preferences(qtbot, window)
    edit = dialog.ui.user_name_edit
    assert edit.text() == ""
    assert edit.placeholderText() == window.session.service.author  # the default, greyed
    edit.setFocus()
    qtbot.keyClicks(edit, "  Jana   Kovac ")
    ok(qtbot, dialog)
    assert load_preferences(own_preferences).user_name == "Jana Kovac"
    service = window.session.service
    assert service.author == "Jana Kovac"
    window.board.move_ids([people["Anna"]], Stage.WORKING)
    assert service.history(people["Anna"])[-1].author == "Jana Kovac"


def test_the_timeline_says_who_moved_and_who_logged(qtbot, people, window, session, clock) -> None:
    as_user(window, JANA)
    service = session.service
    clock.advance(hours=1)
    run = window.runner.execute  # as the window's own actions write (the board follows)
    run(lambda: service.move([people["Li"]], Stage.NURTURING))
    clock.advance(hours=1)
    run(
        lambda: InteractionService(service).log(
            [people["Li"]], "phone", "two-way", "Talked budgets"
        )
    )
    click_card(qtbot, window, Stage.NURTURING, 0)
    timeline = window.detail.activity.timeline
    qtbot.waitUntil(lambda: len(timeline.entry_texts()) == 3)
    texts = timeline.entry_texts()
    assert texts[0] == f"Talked budgets\nPhone call · Two-way · logged by {JANA}"
    assert texts[1] == f"Moved from Working to Nurturing by {JANA}"
    assert texts[2] == "Created in Working"  # made before anyone's name was recorded


def test_owner_in_the_pane_is_saved_and_undone(qtbot, people, window, session) -> None:
    as_user(window, JANA)
    service = session.service
    window.runner.execute(lambda: bulk_edit.assign_owner(service, [people["Ben"]], "Tom Becker"))
    click_card(qtbot, window, Stage.NEW, 0)
    combo = window.detail.owner.combo
    qtbot.waitUntil(lambda: window.detail.contact() is not None)
    assert combo.currentText() == ""
    assert [combo.itemText(i) for i in range(combo.count())] == [JANA, "Tom Becker"]
    combo.setFocus()
    qtbot.keyClicks(combo, "Lena Hoffmann")
    qtbot.keyClick(combo, Qt.Key.Key_Tab)  # leaving the field saves it
    qtbot.waitUntil(lambda: service.get(people["Anna"]).owner == "Lena Hoffmann")
    assert window.commands.undo.text() == "Undo edit of Anna Schmidt"
    window.commands.undo.trigger()
    assert service.get(people["Anna"]).owner == ""
    qtbot.waitUntil(lambda: combo.currentText() == "")


def test_assign_the_selection_to_me_is_one_undo_step(qtbot, people, window, session) -> None:
    as_user(window, JANA)
    service = session.service
    view = window.board.column(Stage.NEW).view
    select_two(qtbot, view)
    before = window.runner.undo_stack.count()
    choose(right_click(qtbot, window, view, 0), "card_menu_assign", "card_assign_me")
    assert [service.get(people[n]).owner for n in ("Anna", "Jürgen")] == [JANA, JANA]
    assert window.runner.undo_stack.count() == before + 1
    assert window.commands.undo.text() == f"Undo assignment of 2 contacts to {JANA}"
    menu = right_click(qtbot, window, view, 0)
    choose(menu, "card_menu_assign", "card_assign_other")
    dialog = window.card_menu.assign.dialog
    assert dialog is not None
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog)
    qtbot.keyClicks(QApplication.focusWidget(), "Ben Okafor")
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
    assert service.get(people["Jürgen"]).owner == "Ben Okafor"
    window.commands.undo.trigger()
    window.commands.undo.trigger()
    assert [service.get(people[n]).owner for n in ("Anna", "Jürgen")] == ["", ""]


def test_my_contacts_on_the_board_and_the_list(qtbot, people, window, session) -> None:
    as_user(window, JANA)
    service = session.service
    window.runner.execute(
        lambda: bulk_edit.assign_owner(service, [people["Anna"], people["Ben"]], JANA)
    )
    window.runner.execute(lambda: bulk_edit.assign_owner(service, [people["Li"]], "Tom Becker"))
    toggle = window.my_contacts.action
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window)
    qtbot.keyClick(window, Qt.Key.Key_M, CTRL_SHIFT)
    qtbot.waitUntil(lambda: window.board.search_text == "owner:me")
    assert toggle.isChecked()
    assert shown(window) == ["Anna Schmidt", "Ben Okafor"]
    assert [c.text() for c in window.filter_bar.chips] == ["Owner: me  ×"]
    qtbot.keyClick(window, Qt.Key.Key_L, CTRL_SHIFT)  # the list view, same search
    assert window.list_shown
    model = window.list_view.model()
    qtbot.waitUntil(lambda: model.rowCount() == 2)
    qtbot.mouseClick(window.filter_bar.chips[0], Qt.MouseButton.LeftButton)  # × of the chip
    assert not toggle.isChecked() and window.search.text() == ""
    qtbot.waitUntil(lambda: model.rowCount() == 6)
    qtbot.keyClick(window, Qt.Key.Key_L, CTRL_SHIFT)
    window.search.clear()
    type_search(qtbot, window, 'owner:"tom becker"')  # another's, any case
    assert shown(window) == ["Li Wei"]
    assert not toggle.isChecked()
    toggle.trigger()  # the toolbar button: added to what is typed
    qtbot.waitUntil(lambda: window.board.search_text == window.search.text())
    assert window.search.text() == 'owner:"tom becker" owner:me'
    assert shown(window) == ["Anna Schmidt", "Li Wei", "Ben Okafor"]  # either of them
    toggle.trigger()
    assert window.search.text() == 'owner:"tom becker"'


def test_the_toggle_is_in_the_toolbar_view_menu_and_shortcuts(qtbot, window) -> None:
    toolbar = window.findChild(QToolBar, "main_toolbar")
    assert window.my_contacts.action in toolbar.actions()
    view_menu = next(a.menu() for a in window.menuBar().actions() if a.text() == "&View")
    assert window.my_contacts.action in view_menu.actions()
    assert ("My contacts", "Ctrl+Shift+M") in window.shortcut_rows()


def test_assign_menu_lists_me_and_colleagues(qtbot, people, window, session) -> None:
    as_user(window, JANA)
    window.runner.execute(
        lambda: bulk_edit.assign_owner(session.service, [people["Li"]], "Tom Becker")
    )
    view = window.board.column(Stage.NEW).view
    select_two(qtbot, view)
    menu = right_click(qtbot, window, view, 0)
    sub = menu.findChild(QMenu, "card_menu_assign")
    texts = [a.text() for a in sub.actions() if not a.isSeparator()]
    assert texts == [f"&Me ({JANA})", "Tom Becker", "&Someone else…", "&Nobody"]
    menu.close()


def test_activity_per_member_in_the_reports_window(qtbot, people, window, session, clock) -> None:
    from tests.views.test_reports_window import centre, set_range, show_tab

    service = session.service
    talk = InteractionService(service)
    for who, name in ((JANA, "Anna"), ("Tom Becker", "Li"), ("Tom Becker", "Ben")):
        service.author = who
        window.runner.execute(lambda n=name: talk.log([people[n]], "phone", "two-way", "Call"))
    rw = window.show_reports()
    qtbot.waitExposed(rw)
    today = clock.now.date()
    set_range(qtbot, rw, today.replace(day=1), today)
    show_tab(qtbot, rw, "Activity")
    chart = rw.pages[4].members_chart
    qtbot.waitUntil(lambda: len(chart.bar_rects()) == 2)
    tips = {b.text: b.tooltip for _, b in chart.bar_rects()}
    assert tips["2"].startswith("Tom Becker, ") and "2 interactions, 2 two-way" in tips["2"]
    assert tips["1"].startswith(f"{JANA}, ")
    tom = next(i for i, (_, b) in enumerate(chart.bar_rects()) if b.text == "2")
    qtbot.mouseClick(chart, Qt.MouseButton.LeftButton, pos=centre(chart, tom))
    qtbot.waitUntil(lambda: sorted(shown(window)) == ["Ben Okafor", "Li Wei"])
