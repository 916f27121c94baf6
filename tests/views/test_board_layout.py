"""The board fits the work: at a laptop's 1366×768 and at the default size all six columns
show beside the open detail pane, cards keep readable text, the agenda starts closed on a
small screen, and no empty "Select a contact" panel takes the board's room."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import QRect, QRectF, QSettings
from PySide6.QtGui import QFontMetrics

from salesdesk.domain.stages import STAGE_ORDER, Stage
from salesdesk.services.session import Session
from salesdesk.views.board.delegate import CardDelegate
from salesdesk.views.board.models import CARD_ROLE
from salesdesk.views.main_window import MainWindow
from tests.views.conftest import PEOPLE

NOW = dt.datetime(2026, 11, 26, 10, 0, tzinfo=dt.UTC)


def board_rect(window: MainWindow) -> QRect:
    """The part of the board the user sees (the scroll area's viewport), in window pixels."""
    viewport = window.board.scroller.viewport()
    return QRect(viewport.mapTo(window, viewport.rect().topLeft()), viewport.size())


def open_window(qtbot, session: Session, settings: QSettings, width: int, height: int):  # type: ignore[no-untyped-def]
    win = MainWindow(session, settings)
    qtbot.addWidget(win)
    win.resize(width, height)
    win.show()
    qtbot.waitExposed(win)
    qtbot.waitUntil(lambda: win.detail.isVisible())  # the board's first card is shown
    return win


@pytest.mark.parametrize("size", [(1366, 768), (1400, 850), (1680, 950)])
def test_all_six_columns_fit_beside_the_open_pane(qtbot, people, session, settings, size) -> None:
    win = open_window(qtbot, session, settings, *size)
    assert win.detail.isVisible() and win.detail.width() >= 300
    visible = board_rect(win)
    assert win.board.scroller.horizontalScrollBar().maximum() == 0
    line = QFontMetrics(win.font()).height()
    for stage in STAGE_ORDER:
        view = win.board.column(stage).view
        assert view.isVisible()
        inside = QRect(view.viewport().mapTo(win, view.viewport().rect().topLeft()),
                       view.viewport().size())  # fmt: skip
        assert visible.contains(inside), stage
        if view.model().rowCount():
            card = view.visualRect(view.model().index(0, 0))
            assert card.width() >= 8 * line, stage


def test_card_text_is_not_cut_to_slivers_at_1366(qtbot, people, session, settings) -> None:
    win = open_window(qtbot, session, settings, 1366, 768)
    for first, last, company, stage, *_ in PEOPLE:
        view = win.board.column(stage).view
        delegate = view.itemDelegate()
        assert isinstance(delegate, CardDelegate)
        width = delegate.text_width(view.font(), view.viewport().width())
        fm = delegate.metrics(view.font()).fm_bold
        assert fm.horizontalAdvance(f"{first} {last}") <= width, (first, width)
        assert delegate.metrics(view.font()).fm.horizontalAdvance(company) <= width


def test_agenda_starts_closed_on_a_small_screen_and_open_on_a_big_one(
    qtbot, people, session, settings
) -> None:
    small = open_window(qtbot, session, settings, 1366, 768)
    assert not small.commands.conversations.agenda.isVisible()
    assert not settings.contains("agenda/visible")  # a default, not the user's choice
    small.close()
    big = open_window(qtbot, session, settings, 1900, 1000)
    assert big.commands.conversations.agenda.isVisible()
    big.commands.conversations.toggle_agenda.trigger()
    big.close()
    again = open_window(qtbot, session, settings, 1900, 1000)
    assert not again.commands.conversations.agenda.isVisible()  # the user's choice is kept


def six_columns_in_view(win: MainWindow) -> bool:
    visible = board_rect(win)
    for stage in STAGE_ORDER:
        viewport = win.board.column(stage).view.viewport()
        inside = QRect(viewport.mapTo(win, viewport.rect().topLeft()), viewport.size())
        if not visible.contains(inside):
            return False
    return win.board.scroller.horizontalScrollBar().maximum() == 0


@pytest.mark.parametrize(("size", "agenda_open"), [((1680, 950), True), ((1366, 768), False)])
def test_the_agenda_starts_open_at_1680_beside_six_columns_and_the_pane(
    qtbot, people, session, settings, size, agenda_open
) -> None:
    win = open_window(qtbot, session, settings, *size)
    agenda = win.commands.conversations.agenda
    assert agenda.isVisible() is agenda_open
    qtbot.waitUntil(lambda: six_columns_in_view(win))
    assert win.detail.isVisible() and win.detail.width() >= 300
    if agenda_open:  # the three side by side, none over another
        board = board_rect(win)
        pane = QRect(win.detail.mapTo(win, win.detail.rect().topLeft()), win.detail.size())
        dock = QRect(agenda.mapTo(win, agenda.rect().topLeft()), agenda.size())
        assert not board.intersects(pane) and not board.intersects(dock)
        assert not pane.intersects(dock) and dock.width() >= 250


def test_no_empty_pane_while_no_contact_is_chosen(qtbot, people, window: MainWindow) -> None:
    window.events.contact_selected.emit(0)
    assert window.detail.isHidden()
    assert window.commands.toggle_detail.isChecked()  # the user's choice stays
    window.events.contact_selected.emit(people["Ben"])
    assert window.detail.isVisible()


def test_the_pane_keeps_the_width_the_user_drags_it_to(qtbot, people, session, settings) -> None:
    win = open_window(qtbot, session, settings, 1900, 1000)
    win.commands.conversations.agenda.hide()
    splitter = win.splitter
    qtbot.waitUntil(lambda: splitter.width() > 1850)
    splitter.moveSplitter(splitter.width() - 520, 1)  # what a drag of the handle does
    wanted = splitter.sizes()[1]
    assert splitter.wanted == wanted and abs(wanted - 520) < 10
    win.resize(1800, 1000)
    qtbot.waitUntil(lambda: win.width() == 1800)
    assert splitter.sizes()[1] == wanted
    win.resize(1366, 768)  # too narrow for both: the pane gives way to the columns
    qtbot.waitUntil(lambda: win.width() == 1366)
    assert splitter.sizes()[1] < 520
    assert win.board.scroller.horizontalScrollBar().maximum() == 0


def test_compact_cards_drop_the_avatar_and_keep_the_name(qapp) -> None:
    from PySide6.QtGui import QFont

    delegate = CardDelegate()
    font = QFont()
    font.setPixelSize(13)
    m = delegate.metrics(font)
    wide, narrow = 20 * m.line, 10 * m.line
    # a narrow card gives the name the avatar's room instead of a sliver beside it
    assert delegate.text_width(font, narrow) > narrow - 2 * m.margin_x - 4 * m.padding
    assert delegate.text_width(font, wide) == wide - 2 * m.margin_x - 3 * m.padding - m.avatar
    assert Stage.NEW in STAGE_ORDER


def test_a_long_phone_keeps_its_width_beside_a_follow_up_at_1366(
    qtbot, people, session, settings
) -> None:
    from salesdesk.services.interactions import InteractionService
    from salesdesk.views.board.card_marks import marks_of

    session.service.update(people["Anna"], {"phones": ["+55 11 91234-5678"]})
    InteractionService(session.service).set_follow_up([people["Anna"]], "2026-11-26", "17:30")
    win = open_window(qtbot, session, settings, 1366, 768)
    view = win.board.column(Stage.NEW).view
    index = view.model().index(0, 0)
    card = view.model().data(index, CARD_ROLE)
    assert card.first_name == "Anna" and card.follow_up_on
    delegate = view.itemDelegate()
    assert isinstance(delegate, CardDelegate)
    m = delegate.metrics(view.font())
    rect = QRect(0, 0, view.viewport().width(), m.height)  # what the view paints a card in
    box = QRectF(rect.adjusted(m.margin_x, m.margin_y, -m.margin_x, -m.margin_y))
    inner, compact = delegate.inner_rect(m, box)  # compact or not: both are seen at 1366
    marks = marks_of(card, delegate.clock())
    lines = delegate.lower_lines(m, inner, inner.top() + 2 * m.line, card, marks, compact)
    assert "+55 11 91234-5678" in lines.contact_text
    assert lines.contact.width() >= m.fm.horizontalAdvance(lines.contact_text)
    # the chip went down beside the rating, nothing overlaps and all stays on the card
    assert lines.follow_up is not None and lines.rating is not None
    parts = [lines.contact, lines.follow_up, lines.rating]
    for n, part in enumerate(parts):
        assert inner.contains(part), part
        assert not any(part.intersects(other) for other in parts[n + 1 :])
    assert lines.tags.right() < lines.follow_up.left()
    # a short e-mail keeps the chip on its own line, as before
    short = card._replace(phone="", email="a@b.de")
    lines = delegate.lower_lines(m, inner, inner.top(), short, marks, compact)
    assert lines.follow_up is not None and lines.follow_up.top() < lines.rating.top()
    assert lines.contact_text.endswith(" a@b.de")  # after its envelope
    # the longest numbers lose their telephone mark rather than digits
    for number in ("+90 212 557 35 68", "+33 6 83 55 56 73", "+48 785 209 925"):
        long = card._replace(phone=number, follow_up_on=None)
        lines = delegate.lower_lines(m, inner, inner.top(), long, marks_of(long, NOW), compact)
        assert number in lines.contact_text
        assert lines.contact.width() >= m.fm.horizontalAdvance(lines.contact_text), number
    # an address too long either way keeps its envelope (and is elided when painted)
    long = card._replace(phone="", email="someone.with.a.long.name@example-company.de")
    lines = delegate.lower_lines(m, inner, inner.top(), long, marks, compact)
    assert lines.contact_text.startswith("\u2709")


@pytest.mark.parametrize("language", ["en", "de"])
def test_two_header_badges_keep_their_words_at_1366(
    qtbot, people, session, settings, language
) -> None:
    import re
    from contextlib import nullcontext

    from salesdesk.views.board.attention import badge_layout
    from tests.views.test_undo_labels import in_german

    with in_german() if language == "de" else nullcontext():
        win = open_window(qtbot, session, settings, 1366, 768)
        for stage in STAGE_ORDER:
            header = win.board.column(stage).header
            header.set_attention(16, 151, "")  # as many as a large pipeline has
            area, _ = header.badge_area()
            layout = badge_layout(area.width(), QFontMetrics(header.font()), (16, 151))
            assert all(re.search(r"[a-zäöü]{4}", t) for t in layout.texts), layout
            assert sum(layout.widths) < area.width()
        texts = " ".join(layout.texts)
        assert texts in (
            ("16 overdue 151 stale", "16 late 151 quiet")
            if language == "en"
            else ("16 überfällig 151 vergessen", "16 zu spät 151 still")
        )
