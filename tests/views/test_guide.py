"""Help ▸ User guide opens the guide (docs/guide.md) as formatted text."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from salesdesk.views.dialogs.guide import guide_text
from tests.views.links import closed


def test_the_guide_is_found_and_teaches_the_main_topics() -> None:
    text = guide_text()
    assert text is not None
    for topic in ("The pipeline", "keyboard", "in and out", "Booth mode", "Several computers"):
        assert topic in text


def test_help_user_guide_opens_it_from_the_menu(qtbot, window, tmp_path) -> None:
    help_menu = next(
        a.menu() for a in window.menuBar().actions() if a.text().replace("&", "") == "Help"
    )
    guide = next(a for a in help_menu.actions() if a.objectName() == "action_guide")
    guide.trigger()
    dialog = window.dialog
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog)
    browser = dialog.browser
    assert "The pipeline" in browser.toPlainText()
    assert "Ctrl+Shift+B" in browser.toPlainText()  # the keys table came through
    dialog.grab().save(str(tmp_path / "guide.png"))
    qtbot.keyClick(browser, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: closed(dialog))
