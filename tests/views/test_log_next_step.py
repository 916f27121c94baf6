"""Logging plans the next follow-up in the same step; the agenda says what to do; the log
dialog shows dates the way the user writes them (never ISO)."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QLocale, Qt

from salesdesk.domain.agenda import Section
from salesdesk.domain.stages import Stage
from salesdesk.views.agenda import CONTACT_ID_ROLE
from salesdesk.views.log_dialog import LogDialog
from tests.views.test_conversations import ALT, CTRL, click_card, open_dialog, talk, win  # noqa: F401


def test_logging_sets_the_next_follow_up_in_one_step(qtbot, people, win, talk) -> None:  # noqa: F811
    view = click_card(qtbot, win, Stage.NEW, 0)  # Anna
    qtbot.keyClick(view, Qt.Key.Key_L, CTRL)
    dialog = open_dialog(qtbot, win, LogDialog)
    assert dialog.next_box.isVisible() and not dialog.next_check.isChecked()
    qtbot.keyClicks(dialog.summary_edit, "Went through the offer")
    qtbot.keyClick(dialog.summary_edit, Qt.Key.Key_F, ALT)  # "Next &follow-up on"
    qtbot.waitUntil(dialog.next_check.isChecked)  # a mnemonic clicks with a short animation
    assert dialog.next_note.isEnabled()
    dialog.next_note.setFocus()
    qtbot.keyClicks(dialog.next_note, "send the quote")
    qtbot.keyClick(dialog.next_note, Qt.Key.Key_Return)
    assert dialog.saved
    anna = people["Anna"]
    assert [i.summary for i in talk.interactions(anna)] == ["Went through the offer"]
    follow_up = talk.follow_up(anna)
    assert follow_up is not None and follow_up.note == "send the quote"
    assert follow_up.due_on == dt.date(2026, 12, 3)  # a week on, the dialog's suggestion
    assert win.runner.undo_stack.count() == 1
    win.runner.undo()  # one undo takes back the interaction and the follow-up
    assert talk.interactions(anna) == [] and talk.follow_up(anna) is None


def test_agenda_rows_say_what_to_do(qtbot, people, win, talk) -> None:  # noqa: F811
    talk.set_follow_up([people["Ben"]], dt.date(2026, 11, 26), None, "send the quote")
    agenda = win.commands.conversations.agenda
    agenda.refresh()
    row = agenda.model.index(0, 0, agenda.section_index(Section.TODAY))
    assert row.data(CONTACT_ID_ROLE) == people["Ben"]
    assert row.data() == "Ben Okafor · send the quote"
    assert "send the quote" in row.data(Qt.ItemDataRole.ToolTipRole)
    assert "2026-11-26" not in row.data(Qt.ItemDataRole.ToolTipRole)


def test_log_dialog_dates_in_the_locale_format(qtbot, people, win) -> None:  # noqa: F811
    before = QLocale()
    QLocale.setDefault(QLocale(QLocale.Language.German, QLocale.Country.Germany))
    try:
        view = click_card(qtbot, win, Stage.NEW, 0)
        qtbot.keyClick(view, Qt.Key.Key_L, CTRL)
        dialog = open_dialog(qtbot, win, LogDialog)
        assert dialog.at_edit.displayFormat() == "dd.MM.yyyy HH:mm"
        assert dialog.at_edit.text() == "26.11.2026 09:00"
        assert dialog.next_date.text() == "03.12.2026"
        dialog.reject()
    finally:
        QLocale.setDefault(before)
