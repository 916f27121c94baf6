"""Filters in the window: typed or chosen by mouse, shown as chips (× removes one), saved by
name, and kept up to date when a card changes so that it no longer passes."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QSettings, Qt
from PySide6.QtWidgets import QApplication, QMenu

from salesdesk.domain.stages import STAGE_ORDER, Stage
from salesdesk.views.board.filter_bar import SavedFilters
from salesdesk.views.main_window import MainWindow

pytestmark = pytest.mark.qt_log_ignore("does not support raise", "does not support grabbing")


def shown(window: MainWindow) -> list[str]:
    out = []
    for stage in STAGE_ORDER:
        proxy = window.board.column(stage).view.model()
        out += [proxy.index(r, 0).data() for r in range(proxy.rowCount())]
    return out


def type_search(qtbot, window: MainWindow, text: str) -> None:  # type: ignore[no-untyped-def]
    window.search.setFocus()
    qtbot.keyClicks(window.search, text)
    qtbot.waitUntil(lambda: window.board.search_text == window.search.text())


def test_typed_filters_show_as_chips_and_x_removes_one(qtbot, people, window) -> None:
    type_search(qtbot, window, "rating:hot tag:vip")
    assert shown(window) == ["Anna Schmidt"]
    assert window.filter_toolbar.isVisible()
    chips = window.filter_bar.chips
    assert [c.text() for c in chips] == ["Rating: Hot  ×", "Tag: vip  ×"]
    qtbot.mouseClick(chips[1], Qt.MouseButton.LeftButton)
    assert window.search.text() == "rating:hot"
    assert shown(window) == ["Anna Schmidt", "Ben Okafor"]
    assert window.counts_label.text() == "2 of 6 contacts match the search"
    qtbot.mouseClick(window.filter_bar.chips[0], Qt.MouseButton.LeftButton)
    assert window.search.text() == ""
    assert not window.filter_toolbar.isVisible()
    assert len(shown(window)) == 6


def test_filters_with_free_text_and_unknown_keys(qtbot, people, window) -> None:
    type_search(qtbot, window, "stage:new mull")  # finds Müller (keyClicks: ASCII only)
    assert shown(window) == ["Jürgen Müller"]
    window.search.clear()
    type_search(qtbot, window, "colour:red")  # not a filter: searched as text, finds nobody
    assert shown(window) == []
    assert not window.filter_toolbar.isVisible()


def test_a_card_that_stops_passing_leaves_the_board(qtbot, people, window, session) -> None:
    type_search(qtbot, window, "rating:hot")
    session_service = window.runner.service
    window.runner.execute(lambda: session_service.update(people["Ben"], {"rating": "cold"}))
    assert shown(window) == ["Anna Schmidt"]
    type_search(qtbot, window, " stage:new")
    window.runner.execute(lambda: session_service.move([people["Anna"]], Stage.WORKING))
    assert shown(window) == []  # a move out of the filtered stage


def test_add_a_filter_from_the_menu_and_save_it(qtbot, people, window, settings) -> None:
    menu = window.filter_menu
    menu.fill()  # what showing the menu does
    add = menu.findChild(QMenu, "filter_add")
    rating = add.findChild(QMenu, "filter_add_rating")
    next(a for a in rating.actions() if a.objectName() == "filter_rating_warm").trigger()
    assert window.search.text() == "rating:warm"
    assert shown(window) == ["Jürgen Müller", "Marie Dubois"]
    menu.fill()
    tags = menu.findChild(QMenu, "filter_add").findChild(QMenu, "filter_add_tag")
    assert [a.text() for a in tags.actions()] == ["fair", "partner", "vip"]
    next(a for a in tags.actions() if a.text() == "partner").trigger()
    assert window.search.text() == "rating:warm tag:partner"
    assert shown(window) == ["Marie Dubois"]
    save = next(a for a in menu.actions() if a.objectName() == "filter_save")
    assert save.isEnabled()
    save.trigger()
    dialog = menu.name_dialog
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog)
    qtbot.keyClicks(QApplication.focusWidget(), "Warm partners")
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Return)
    again = SavedFilters(QSettings(settings.fileName(), QSettings.Format.IniFormat))
    assert again.all() == {"Warm partners": "rating:warm tag:partner"}
    window.search.clear()
    window.apply_search()
    menu.fill()
    saved = next(a for a in menu.actions() if a.objectName() == "saved_filter_Warm partners")
    saved.trigger()
    assert window.search.text() == "rating:warm tag:partner"
    assert shown(window) == ["Marie Dubois"]
    delete = menu.findChild(QMenu, "filter_delete")
    delete.actions()[0].trigger()
    assert SavedFilters(settings).all() == {}


def test_saved_filters_survive_a_damaged_setting(settings) -> None:
    settings.setValue("filters/saved", "{not json")
    assert SavedFilters(settings).all() == {}
    SavedFilters(settings).save("A", "rating:hot")
    assert SavedFilters(settings).all() == {"A": "rating:hot"}
