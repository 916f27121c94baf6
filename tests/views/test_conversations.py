"""Logging and follow-ups driven as a user: shortcuts, the log palette, Enter, the timeline's
buttons, the pane's follow-up row, undo; each checked in the database."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from salesdesk.domain.interactions import Channel, Direction, FollowUp, InteractionOutcome
from salesdesk.domain.stages import Stage
from salesdesk.services.interactions import InteractionService
from salesdesk.views.follow_up_dialog import FollowUpDialog
from salesdesk.views.log_dialog import LogDialog
from tests.views.links import click_link as click_label_link

CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier
ALT = Qt.KeyboardModifier.AltModifier
UTC = dt.UTC


@pytest.fixture
def win(window):  # type: ignore[no-untyped-def]
    window.conversations.tz = UTC  # "today" of the fixed clock, whatever the machine's zone
    window.activateWindow()
    return window


@pytest.fixture
def talk(session) -> InteractionService:  # type: ignore[no-untyped-def]
    return InteractionService(session.service, tz=UTC)


def click_card(qtbot, window, stage: Stage, row: int):  # type: ignore[no-untyped-def]
    view = window.board.column(stage).view
    rect = view.visualRect(view.model().index(row, 0))
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    view.setFocus()
    qtbot.waitUntil(view.hasFocus)
    return view


def open_dialog(qtbot, window, kind):  # type: ignore[no-untyped-def]
    qtbot.waitUntil(lambda: isinstance(window.conversations.dialog, kind))
    dialog = window.conversations.dialog
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog)
    return dialog


def test_shortcut_summary_enter_logs_and_moves_a_new_lead(qtbot, people, win, talk) -> None:
    view = click_card(qtbot, win, Stage.NEW, 0)  # Anna, in New
    qtbot.keyClick(view, Qt.Key.Key_2, ALT)  # Alt+2: phone call
    dialog = open_dialog(qtbot, win, LogDialog)
    assert dialog.channel() is Channel.PHONE and dialog.direction() is Direction.OUTBOUND
    assert dialog.summary_edit.hasFocus()
    qtbot.keyClicks(dialog.summary_edit, "Called about the offer")
    qtbot.keyClick(dialog.summary_edit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    [item] = talk.interactions(people["Anna"])
    assert (item.channel, item.direction, item.summary) == (
        Channel.PHONE, Direction.OUTBOUND, "Called about the offer",
    )  # fmt: skip
    assert win.session.service.get(people["Anna"]).stage is Stage.WORKING
    assert "Moved Anna Schmidt to Working" in win.statusBar().currentMessage()
    win.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is win)
    qtbot.keyClick(win.board.column(Stage.WORKING).view, Qt.Key.Key_Z, CTRL)  # undoes both
    assert talk.interactions(people["Anna"]) == []
    assert win.session.service.get(people["Anna"]).stage is Stage.NEW


def test_the_palette_switches_channel_and_direction_by_keyboard(qtbot, people, win, talk) -> None:
    view = click_card(qtbot, win, Stage.WORKING, 0)  # Li
    qtbot.keyClick(view, Qt.Key.Key_L, CTRL)
    dialog = open_dialog(qtbot, win, LogDialog)
    assert dialog.channel() is Channel.EMAIL
    qtbot.keyClick(dialog.summary_edit, Qt.Key.Key_5, ALT)  # in person
    qtbot.keyClick(dialog.summary_edit, Qt.Key.Key_W, ALT)  # T&wo-way (a mnemonic: animated)
    qtbot.waitUntil(lambda: dialog.direction() is Direction.TWO_WAY)
    assert dialog.channel() is Channel.IN_PERSON
    dialog.outcome_combo.setFocus()
    qtbot.keyClick(dialog.outcome_combo, Qt.Key.Key_Down)  # first outcome: reached
    qtbot.keyClicks(dialog.summary_edit, "Coffee at the fair")
    qtbot.keyClick(dialog.summary_edit, Qt.Key.Key_Return)
    [item] = talk.interactions(people["Li"])
    assert (item.channel, item.direction, item.outcome) == (
        Channel.IN_PERSON, Direction.TWO_WAY, InteractionOutcome.REACHED,
    )  # fmt: skip


def test_an_empty_summary_is_refused_in_the_palette(qtbot, people, win, talk) -> None:
    view = click_card(qtbot, win, Stage.WORKING, 0)
    qtbot.keyClick(view, Qt.Key.Key_1, ALT)
    dialog = open_dialog(qtbot, win, LogDialog)
    qtbot.keyClick(dialog.summary_edit, Qt.Key.Key_Return)
    assert dialog.isVisible()
    assert "short summary" in dialog.summary_error.text()
    assert dialog.summary_error.isVisible()
    assert talk.interactions(people["Li"]) == []
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    assert talk.interactions(people["Li"]) == []


def test_bulk_logging_for_several_selected_cards(qtbot, people, win, talk) -> None:
    view = click_card(qtbot, win, Stage.NEW, 0)
    qtbot.keyClick(view, Qt.Key.Key_Down, SHIFT)  # Anna and Jürgen
    qtbot.keyClick(view, Qt.Key.Key_L, CTRL)
    dialog = open_dialog(qtbot, win, LogDialog)
    assert "2 contacts" in dialog.heading.text()
    qtbot.keyClicks(dialog.summary_edit, "Sent the spring product plan")
    qtbot.keyClick(dialog.summary_edit, Qt.Key.Key_Return)
    for name in ("Anna", "Jürgen"):
        assert [i.summary for i in talk.interactions(people[name])] == [
            "Sent the spring product plan"
        ]
    assert win.runner.undo_stack.count() == 1  # one step for all of them


def test_the_preference_keeps_new_leads_in_new(qtbot, people, win, talk, settings) -> None:
    from salesdesk.services.preferences import load_preferences

    win.commands.conversations.auto.trigger()
    assert load_preferences(win.commands.preferences.path).auto_working is False
    view = click_card(qtbot, win, Stage.NEW, 1)  # Jürgen
    qtbot.keyClick(view, Qt.Key.Key_1, ALT)
    dialog = open_dialog(qtbot, win, LogDialog)
    qtbot.keyClicks(dialog.summary_edit, "Newsletter")
    qtbot.keyClick(dialog.summary_edit, Qt.Key.Key_Return)
    assert len(talk.interactions(people["Jürgen"])) == 1
    assert win.session.service.get(people["Jürgen"]).stage is Stage.NEW


def click_link(qtbot, timeline, item_id: int, which: str) -> None:  # type: ignore[no-untyped-def]
    rect = timeline.link_rect(item_id, which)
    qtbot.mouseClick(timeline, Qt.MouseButton.LeftButton, pos=rect.center())


def test_timeline_edit_and_delete_with_undo(qtbot, people, win, talk, clock) -> None:
    clock.advance(hours=1)
    talk.log([people["Li"]], "email", "outbound", "Sent the brochure")
    logged_at = clock.now
    click_card(qtbot, win, Stage.WORKING, 0)
    timeline = win.detail.activity.timeline
    [item] = timeline.interaction_entries()
    assert timeline.entry_texts()[0].startswith("Sent the brochure")
    clock.advance(minutes=30)
    click_link(qtbot, timeline, item.id, "edit")
    dialog = open_dialog(qtbot, win, LogDialog)
    assert dialog.summary_edit.text() == "Sent the brochure"
    qtbot.keyClicks(dialog.summary_edit, "Sent the brochure and prices")
    qtbot.keyClick(dialog.summary_edit, Qt.Key.Key_3, ALT)  # it was really an SMS
    qtbot.keyClick(dialog.summary_edit, Qt.Key.Key_Return)
    [edited] = talk.interactions(people["Li"])
    assert (edited.summary, edited.channel) == ("Sent the brochure and prices", Channel.SMS)
    assert edited.at == logged_at  # the time was not touched, so it is kept
    # the pane reloads in the next pass of the event loop
    qtbot.waitUntil(lambda: "prices" in timeline.entry_texts()[0])
    click_link(qtbot, timeline, item.id, "delete")
    assert talk.interactions(people["Li"]) == []
    qtbot.waitUntil(lambda: timeline.interaction_entries() == [])
    assert "Sent the brochure" not in "".join(timeline.entry_texts())
    win.commands.undo.trigger()
    assert [i.id for i in talk.interactions(people["Li"])] == [item.id]  # back, same id
    qtbot.waitUntil(lambda: len(timeline.interaction_entries()) == 1)


def test_timeline_edit_and_delete_from_the_keyboard(qtbot, people, win, talk, clock) -> None:
    for summary in ("First call", "Second mail"):
        clock.advance(hours=1)
        talk.log([people["Li"]], "email", "outbound", summary)
    click_card(qtbot, win, Stage.WORKING, 0)
    timeline = win.detail.activity.timeline
    newer, older = timeline.interaction_entries()
    timeline.setFocus(Qt.FocusReason.TabFocusReason)  # as Tab reaches it
    qtbot.waitUntil(timeline.hasFocus)
    assert timeline.current_id == newer.id  # the newest is chosen on entering
    qtbot.keyClick(timeline, Qt.Key.Key_Down)
    assert timeline.current_id == older.id
    qtbot.keyClick(timeline, Qt.Key.Key_Return)
    dialog = open_dialog(qtbot, win, LogDialog)
    assert dialog.summary_edit.text() == "First call"
    qtbot.keyClick(dialog.summary_edit, Qt.Key.Key_Escape)
    qtbot.waitUntil(lambda: not dialog.isVisible())
    win.activateWindow()  # the window is active again once the dialog is gone
    qtbot.waitUntil(lambda: QApplication.activeWindow() is win)
    timeline.setFocus(Qt.FocusReason.TabFocusReason)
    qtbot.waitUntil(timeline.hasFocus)
    assert timeline.current_id == older.id  # still chosen
    qtbot.keyClick(timeline, Qt.Key.Key_Delete)
    assert [i.summary for i in talk.interactions(people["Li"])] == ["Second mail"]
    qtbot.waitUntil(lambda: len(timeline.interaction_entries()) == 1)


def test_long_timelines_show_the_newest_first_then_all(qtbot, people, win, talk, clock) -> None:
    for n in range(35):
        clock.advance(minutes=1)
        talk.log([people["Li"]], "email", "outbound", f"Mail {n}")
    win.commands.conversations.navigate_to(people["Li"])
    timeline = win.detail.activity.timeline
    # "· logged by <name>" follows: the window writes as the user (Preferences, or the login)
    qtbot.waitUntil(lambda: timeline.entry_texts()[0].startswith("Mail 34\nE-mail · Outbound"))
    assert len(timeline.entry_texts()) == 30 and timeline.has_more()
    more = timeline.more_rect()
    assert more is not None
    qtbot.mouseClick(timeline, Qt.MouseButton.LeftButton, pos=more.center())
    assert len(timeline.entry_texts()) == 36  # 35 mails and the creation
    assert timeline.entry_texts()[-1] == "Created in Working"


def test_plan_and_complete_a_follow_up(qtbot, people, win, talk, clock) -> None:
    view = click_card(qtbot, win, Stage.WORKING, 0)  # Li
    qtbot.keyClick(view, Qt.Key.Key_F, CTRL | SHIFT)
    dialog = open_dialog(qtbot, win, FollowUpDialog)
    qtbot.mouseClick(dialog.quick_buttons[0], Qt.MouseButton.LeftButton)  # tomorrow
    qtbot.keyClicks(dialog.note_edit, "Send the quote")
    qtbot.keyClick(dialog.note_edit, Qt.Key.Key_Return)
    assert talk.follow_up(people["Li"]) == FollowUp(dt.date(2026, 11, 27), None, "Send the quote")
    activity = win.detail.activity
    qtbot.waitUntil(lambda: "tomorrow" in activity.follow_up_label.text())
    card = win.session.service.cards([people["Li"]])[0]
    assert card.follow_up_on == "2026-11-27"
    clock.advance(days=1)
    qtbot.mouseClick(activity.done_button, Qt.MouseButton.LeftButton)
    done = open_dialog(qtbot, win, LogDialog)
    assert done.summary_edit.text() == "Send the quote"  # the plan is the first guess
    assert done.next_box.isVisibleTo(done)
    qtbot.mouseClick(done.next_check, Qt.MouseButton.LeftButton)
    qtbot.keyClicks(done.next_note, "Ask about the order")
    done.summary_edit.setFocus()
    qtbot.keyClick(done.summary_edit, Qt.Key.Key_Return)
    assert talk.interactions(people["Li"])[0].summary == "Send the quote"
    assert talk.follow_up(people["Li"]) == FollowUp(
        dt.date(2026, 12, 4), None, "Ask about the order"
    )  # a week after today, as offered
    qtbot.waitUntil(lambda: "Ask about the order" in activity.follow_up_label.text())
    qtbot.mouseClick(activity.clear_button, Qt.MouseButton.LeftButton)
    assert talk.follow_up(people["Li"]) is None
    qtbot.waitUntil(lambda: activity.follow_up_label.text() == "No follow-up planned.")


def test_prospect_suggestion_moves_with_one_click(qtbot, people, win, talk) -> None:
    talk.log([people["Li"]], "phone", "two-way", "Real conversation")
    click_card(qtbot, win, Stage.WORKING, 0)
    activity = win.detail.activity
    assert activity.suggestion.isVisibleTo(win.detail)
    assert win.session.service.get(people["Li"]).stage is Stage.WORKING  # only suggested
    qtbot.mouseClick(activity.prospect_button, Qt.MouseButton.LeftButton)
    assert win.session.service.get(people["Li"]).stage is Stage.PROSPECT
    qtbot.waitUntil(lambda: not activity.suggestion.isVisibleTo(win.detail))


def test_not_now_hides_the_suggestion(qtbot, people, win, talk) -> None:
    talk.log([people["Sofia"]], "in-person", "two-way", "Lunch")
    click_card(qtbot, win, Stage.NURTURING, 0)
    activity = win.detail.activity
    qtbot.mouseClick(activity.not_now_button, Qt.MouseButton.LeftButton)
    assert not activity.suggestion.isVisibleTo(win.detail)
    win.detail.show_contact(people["Sofia"])
    assert not activity.suggestion.isVisibleTo(win.detail)


def test_engagement_and_referrals_in_the_pane(qtbot, people, win, talk, session) -> None:
    session.service.update(people["Ben"], {"referred_by": people["Marie"]})
    session.service.update(people["Li"], {"referred_by": people["Marie"]})
    for n in range(3):
        talk.log([people["Marie"]], "phone", "two-way", f"Call {n}")
    win.commands.conversations.navigate_to(people["Marie"])
    activity, referrals = win.detail.activity, win.detail.referrals
    assert activity.engagement_label.accessibleName() == (
        "high: 3 two-way conversations in the last 14 days"
    )
    assert referrals.isVisibleTo(win.detail)
    text = referrals.summary_label.text()
    assert "Referred 2 people." in text and "Became prospects or customers: 1." in text
    qtbot.waitUntil(referrals.summary_label.isVisible)
    click_label_link(referrals.summary_label, f"contact:{people['Ben']}")
    assert win.detail.contact().id == people["Ben"]
    assert win.board.current_id() == people["Ben"]  # the card is selected too
    assert "Marie Dubois" in win.detail.referrals.referrer_label.text()


def test_help_lists_the_new_shortcuts(people, win) -> None:
    rows = dict(win.shortcut_rows())
    assert rows["Log an interaction with the selected contacts"] == "Ctrl+L"
    assert rows["Log: Phone call"] == "Alt+2"
    assert rows["Plan a follow-up"] == "Ctrl+Shift+F"
    assert rows["Complete the follow-up and plan the next"] == "Ctrl+Shift+D"
    assert rows["Show or hide the agenda"] == "F8"
    assert rows["Timeline: choose an entry, edit it, delete it"] == "Up/Down, Enter, Delete"
    keys = [k for _, k in win.shortcut_rows() if k]
    singles = [k for k in keys if "," not in k]
    assert len(singles) == len(set(singles)), "a shortcut is listed twice"
