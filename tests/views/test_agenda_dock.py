"""The agenda dock (sections, clicking selects the card), column header counts, card marks."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QColor, QImage, QPainter, QPalette

from salesdesk.domain.agenda import SECTION_ORDER, Agenda, AgendaItem, Due, Section
from salesdesk.domain.engagement import Level
from salesdesk.domain.interactions import FollowUp
from salesdesk.domain.stages import Stage
from salesdesk.services.contacts import Card
from salesdesk.services.interactions import InteractionService
from salesdesk.views.agenda import AgendaModel
from salesdesk.views.board.card_marks import marks_of
from salesdesk.views.board.delegate import CardDelegate
from salesdesk.views.detail.common import error_color

UTC = dt.UTC
NOW = dt.datetime(2026, 11, 26, 9, 0, tzinfo=UTC)


@pytest.fixture
def win(window):  # type: ignore[no-untyped-def]
    window.conversations.tz = UTC
    return window


@pytest.fixture
def talk(session) -> InteractionService:  # type: ignore[no-untyped-def]
    return InteractionService(session.service, tz=UTC)


def section_names(dock, section: Section) -> list[str]:  # type: ignore[no-untyped-def]
    model = dock.model
    parent = dock.section_index(section)
    # a row reads "Name · what to do": the names here
    return [model.index(r, 0, parent).data().split(" · ")[0] for r in range(model.rowCount(parent))]


def test_agenda_model_passes_the_model_tester(qtmodeltester) -> None:
    model = AgendaModel()
    item = AgendaItem(1, "Anna", "Acme", Stage.NEW, Section.OVERDUE, FollowUp(NOW.date()))
    stale = AgendaItem(2, "Ben", "", Stage.WORKING, Section.STALE, None, NOW, True)
    agenda = Agenda({Section.OVERDUE: [item], Section.STALE: [stale]}, {Stage.NEW: 1})
    model.set_agenda(agenda, NOW)
    qtmodeltester.check(model, force_py=True)
    assert model.rowCount() == 4
    assert model.index(0, 0).data() == "Overdue (1)"
    assert model.index(0, 0, model.index(0, 0)).data() == "Anna"
    assert model.index(0, 1, model.index(3, 0)).data() == "0 days quiet (Working)"


def test_agenda_lists_the_sections_in_order(qtbot, people, win, talk, clock) -> None:
    talk.set_follow_up([people["Anna"]], "2026-11-25", None, "overdue")
    talk.set_follow_up([people["Li"]], "2026-11-26", "17:00", "today")
    talk.set_follow_up([people["Ben"]], "2026-11-30", None, "soon")
    dock = win.commands.conversations.agenda
    dock.refresh()  # the minute tick (these changes did not come through the window)
    assert section_names(dock, Section.SOON) == ["Ben Okafor"]
    assert section_names(dock, Section.OVERDUE) == ["Anna Schmidt"]
    assert section_names(dock, Section.TODAY) == ["Li Wei"]
    assert dock.model.index(0, 0).data() == "Overdue (1)"
    # 8 days on, nobody was contacted: only Jürgen (New, 3 days, nothing planned) is stale
    clock.advance(days=8)
    dock.refresh()
    assert section_names(dock, Section.STALE) == ["Jürgen Müller"]
    assert section_names(dock, Section.OVERDUE) == ["Anna Schmidt", "Li Wei", "Ben Okafor"]


def test_clicking_an_agenda_entry_selects_the_card(qtbot, people, win, talk) -> None:
    talk.set_follow_up([people["Sofia"]], "2026-11-26", None, "call")
    dock = win.commands.conversations.agenda
    dock.refresh()
    view = dock.view
    index = dock.model.index(0, 0, dock.section_index(Section.TODAY))
    view.scrollTo(index)
    qtbot.mouseClick(
        view.viewport(), Qt.MouseButton.LeftButton, pos=view.visualRect(index).center()
    )
    assert win.board.active_stage is Stage.NURTURING
    assert win.board.current_id() == people["Sofia"]
    assert win.detail.contact() is not None and win.detail.contact().id == people["Sofia"]


def test_column_headers_count_overdue_and_stale_cards(qtbot, people, win, talk, clock) -> None:
    talk.set_follow_up([people["Anna"], people["Jürgen"]], "2026-11-20")
    clock.advance(days=8)  # Li (Working, 7 days) goes stale; Ben (Prospect, 7) as well
    win.commands.conversations.agenda.refresh()
    header = win.board.column(Stage.NEW).header
    assert header.attention() == (2, 0)
    assert "2 overdue follow-ups" in header.toolTip()
    assert "2 overdue follow-ups" in header.accessibleName()
    assert win.board.column(Stage.WORKING).header.attention() == (0, 1)
    assert win.board.column(Stage.PROSPECT).header.attention() == (0, 1)
    assert win.board.column(Stage.CUSTOMER).header.attention() == (0, 0)
    talk.log([people["Li"]], "email", "outbound", "Hello again")
    win.commands.conversations.agenda.refresh()
    assert win.board.column(Stage.WORKING).header.attention() == (0, 0)
    image = win.board.column(Stage.NEW).header.grab().toImage()
    red = error_color(win.palette())
    assert any(_close(image.pixelColor(x, y), red) for x in range(image.width())
               for y in range(image.height()))  # fmt: skip


def _close(a: QColor, b: QColor) -> bool:
    return abs(a.red() - b.red()) + abs(a.green() - b.green()) + abs(a.blue() - b.blue()) < 30


def card(**kw: object) -> Card:
    base = dict(id=1, first_name="Anna", last_name="Schmidt", company="Acme", stage=Stage.NEW,
                position=0.0, rating="none", email="", phone="", tags="", version=1)  # fmt: skip
    base.update(kw)
    return Card(**base)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("on", "time", "due", "text"),
    [
        ("2026-11-24", None, Due.OVERDUE, "24 Nov"),
        ("2026-11-25", None, Due.OVERDUE, "yesterday"),
        ("2026-11-26", "08:00", Due.OVERDUE, "today 08:00"),
        ("2026-11-26", None, Due.TODAY, "today"),
        ("2026-11-27", "10:00", Due.SOON, "tomorrow"),
        ("2027-01-05", None, Due.LATER, "5 Jan 2027"),
    ],
)
def test_card_marks(on: str, time: str | None, due: Due, text: str) -> None:
    marks = marks_of(card(follow_up_on=on, follow_up_time=time), NOW)
    assert (marks.due, marks.follow_up_text) == (due, text)
    assert marks_of(card(), NOW).due is None


def test_cards_paint_overdue_red_and_engagement_bars(qapp, talk, people, session) -> None:
    talk.set_follow_up([people["Anna"]], "2026-11-20")
    for n in range(3):
        talk.log([people["Anna"]], "phone", "two-way", f"Call {n}")
    [anna] = session.service.cards([people["Anna"]])
    delegate = CardDelegate()
    delegate.clock = lambda: NOW
    assert marks_of(anna, NOW).level is Level.HIGH
    palette = QPalette()
    image = QImage(320, 140, QImage.Format.Format_ARGB32)
    image.fill(palette.color(QPalette.ColorRole.Window))
    painter = QPainter(image)
    delegate.paint_card(painter, QRect(0, 0, 320, 140), palette, qapp.font(), anna)
    painter.end()
    red = error_color(palette)
    highlight = palette.color(QPalette.ColorRole.Highlight)
    pixels = [image.pixelColor(x, y) for x in range(0, 320, 2) for y in range(0, 140, 2)]
    assert any(_close(p, red) for p in pixels)  # the overdue chip
    assert any(_close(p, highlight) for p in pixels)  # the engagement bars


def test_a_change_in_the_window_refreshes_the_agenda(qtbot, people, win) -> None:
    dock = win.commands.conversations.agenda
    view = win.board.column(Stage.WORKING).view
    rect = view.visualRect(view.model().index(0, 0))
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    win.commands.conversations.actions.plan_follow_up([people["Li"]])
    dialog = win.conversations.dialog
    qtbot.mouseClick(dialog.quick_buttons[0], Qt.MouseButton.LeftButton)
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    try:
        qtbot.waitUntil(lambda: section_names(dock, Section.SOON) == ["Li Wei"])
    except qtbot.TimeoutError:  # say what the window shows instead (a rare failure in CI)
        shown = {s.value: section_names(dock, s) for s in Section}
        follow_up = talk_of(win).follow_up(people["Li"])
        pytest.fail(
            f"agenda {shown}; saved label {win.saved_label.text()!r}; status "
            f"{win.statusBar().currentMessage()!r}; dialog message {dialog.message.text()!r}; "
            f"stored follow-up {follow_up!r}; timer {dock.timer.isActive()}"
        )


def talk_of(window):  # type: ignore[no-untyped-def]
    return InteractionService(window.session.service, tz=UTC)


def test_german_section_titles_are_not_cut_in_the_dock_at_1680(
    qtbot, people, session, settings, clock
) -> None:
    from PySide6.QtCore import QModelIndex
    from PySide6.QtGui import QFont, QFontMetrics

    from salesdesk.views.main_window import MainWindow
    from tests.views.test_undo_labels import in_german

    clock.advance(days=8)  # some contacts go stale
    with in_german():
        win = MainWindow(session, settings)
        qtbot.addWidget(win)
        win.resize(1680, 950)
        win.show()
        qtbot.waitExposed(win)
        dock = win.commands.conversations.agenda
        assert dock.isVisible()
        dock.refresh()
        view = dock.view
        for row, section in enumerate(SECTION_ORDER):
            index = dock.section_index(section)
            assert view.isFirstColumnSpanned(row, QModelIndex())
            font = QFont(view.font())
            font.setBold(True)
            text = index.data()
            rect = view.visualRect(index)
            assert QFontMetrics(font).horizontalAdvance(text) < rect.width(), text
        assert dock.section_index(Section.STALE).data().startswith("Gerät in Vergessenheit")
