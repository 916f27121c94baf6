"""Follow-ups out to a calendar (.ics) from the File menu and the agenda, and the
notification when a follow-up falls due while the window is open (clock moved by hand,
the agenda's minute tick fired)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import icalendar
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QAction

from salesdesk.views.main_window import MainWindow
from tests.views.test_conversations import talk, win  # noqa: F401


def test_file_menu_exports_the_follow_ups(qtbot, people, win, talk, tmp_path: Path) -> None:  # noqa: F811
    talk.set_follow_up([people["Ben"]], dt.date(2026, 11, 30), dt.time(14, 0), "send the quote")
    talk.set_follow_up([people["Sofia"]], dt.date(2026, 12, 2))
    commands = win.commands.conversations
    target = tmp_path / "calendar"
    commands.choose_ics_path = lambda: str(target)  # the file dialog, as a user would answer
    action = win.findChild(QAction, "action_export_ics")
    assert action in win.commands.recent_menu.parent().actions() or action is not None
    action.trigger()
    written = tmp_path / "calendar.ics"
    calendar = icalendar.Calendar.from_ical(written.read_bytes())
    events = list(calendar.walk("VEVENT"))
    assert [str(e["summary"]) for e in events] == [
        "Ben Okafor: send the quote",
        "Follow up with Sofia Rossi",
    ]
    assert events[0].decoded("dtstart") == dt.datetime(2026, 11, 30, 14, 0)
    assert events[1].decoded("dtstart") == dt.date(2026, 12, 2)  # all day
    assert "Exported 2 follow-ups" in win.statusBar().currentMessage()
    assert action in commands.agenda.view.actions()  # the agenda's context menu has it too


def test_nothing_planned_says_so(qtbot, people, win, tmp_path: Path) -> None:  # noqa: F811
    commands = win.commands.conversations
    commands.choose_ics_path = lambda: str(tmp_path / "x.ics")
    assert commands.export_follow_ups() is None
    assert "No follow-ups are planned" in win.statusBar().currentMessage()
    assert not (tmp_path / "x.ics").exists()


def test_a_follow_up_falling_due_shows_a_notification(qtbot, people, win, talk, clock) -> None:  # noqa: F811
    talk.set_follow_up([people["Li"]], dt.date(2026, 11, 26), dt.time(9, 30), "call back")
    talk.set_follow_up([people["Ben"]], dt.date(2026, 11, 26), dt.time(11, 0), "later")
    commands = win.commands.conversations
    commands.notifier.tray_available = lambda: False  # no tray offscreen: the banner
    agenda = commands.agenda
    agenda.hide()  # folded away, as on a small screen
    seen: list[tuple[str, str]] = []
    commands.notifier.notified.connect(lambda title, text: seen.append((title, text)))
    agenda.ticker.timeout.emit()  # 09:00: nothing due yet
    banner = agenda.banner
    assert seen == [] and not banner.isVisible()
    clock.advance(minutes=31)  # 09:31: Li's call is due
    agenda.ticker.timeout.emit()
    assert seen == [("Follow-up due: Li Wei", "9:30\u202fAM – call back")] or seen[0][0] == (
        "Follow-up due: Li Wei"
    )
    assert "call back" in seen[0][1]
    assert banner.isVisible() and "Li Wei" in banner.label.text()  # the agenda opened for it
    agenda.ticker.timeout.emit()  # announced once
    assert len(seen) == 1
    button = banner.show_button
    qtbot.mouseClick(button, Qt.MouseButton.LeftButton, pos=QPoint(4, button.height() // 2))
    assert not banner.isVisible()
    assert win.detail.contact().id == people["Li"]  # Show opens the contact


def test_the_desktop_notification_where_a_tray_exists(qtbot, people, win, talk, clock) -> None:  # noqa: F811
    shown: list[tuple[str, str]] = []

    class Tray:
        def showMessage(self, title, text, *args):  # noqa: N802
            shown.append((title, text))

    commands = win.commands.conversations
    commands.notifier.tray_available = lambda: True
    commands.notifier.tray = Tray()  # type: ignore[assignment]
    talk.set_follow_up([people["Li"]], dt.date(2026, 11, 26), dt.time(9, 5), "call back")
    talk.set_follow_up([people["Ben"]], dt.date(2026, 11, 26), dt.time(9, 6), "")
    clock.advance(minutes=10)
    commands.agenda.ticker.timeout.emit()
    assert shown == [("2 follow-ups due", "Li Wei, Ben Okafor")]
    assert not commands.agenda.banner.isVisible()


def test_menu_holds_the_calendar_export(window: MainWindow) -> None:
    action = window.findChild(QAction, "action_export_ics")
    file_menu = window.menuBar().actions()[0].menu()
    assert action in file_menu.actions()
