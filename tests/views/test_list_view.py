"""The list view: a sortable table over the same contacts, toggled with the board, with the
same search, filters and context menu; its model passes Qt's model tester."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QContextMenuEvent
from PySide6.QtWidgets import QApplication, QMenu

from salesdesk.domain.filters import parse
from salesdesk.domain.stages import Stage
from salesdesk.services.filters import FilterService
from salesdesk.views.list.model import ContactTableModel

pytestmark = pytest.mark.qt_log_ignore("does not support raise", "does not support grabbing")
CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier


def column(window, n: int) -> list[str]:  # type: ignore[no-untyped-def]
    model = window.list_view.table
    return [model.index(r, n).data() for r in range(model.rowCount())]


def show_list(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    window.board.column(Stage.NEW).view.setFocus()
    qtbot.keyClick(window, Qt.Key.Key_L, CTRL | SHIFT)
    qtbot.waitUntil(window.list_view.isVisible)


def test_model_passes_the_model_tester(qtmodeltester, people, session) -> None:
    finder = FilterService(session.service)
    model = ContactTableModel(
        lambda q, key, desc: finder.find(q, sort=key, descending=desc), finder.cards
    )
    model.reload()
    qtmodeltester.check(model, force_py=True)
    assert model.rowCount() == 6 and model.columnCount() == 8
    model.sort(2, Qt.SortOrder.DescendingOrder)  # the tester watches the signals from here
    assert model.index(0, 2).data() == "Customer"
    model.set_query(parse("rating:hot"))
    assert [model.index(r, 0).data() for r in range(2)] == ["Ben Okafor", "Anna Schmidt"]


@pytest.mark.parametrize("column", range(8))
def test_changes_are_placed_as_the_database_sorts(qtmodeltester, people, session, column) -> None:
    finder = FilterService(session.service)
    model = ContactTableModel(
        lambda q, key, desc: finder.find(q, sort=key, descending=desc), finder.cards,
        positions=finder.positions, matching=finder.matching,
    )  # fmt: skip
    model.sort(column, Qt.SortOrder.DescendingOrder if column % 2 else Qt.SortOrder.AscendingOrder)
    model.set_query(parse("rating:hot rating:warm rating:cold"))
    qtmodeltester.check(model, force_py=True)
    service = session.service
    steps = [
        [lambda: service.update(people["Li"], {"last_name": "Ängström", "rating": "hot"})],
        [lambda: service.update(people["Sofia"], {"rating": "warm"}),  # comes into the list
         lambda: service.update(people["Anna"], {"rating": "none"}),  # leaves it
         lambda: service.update(people["Ben"], {"company": "Ärzte OHG", "tags": ["z"]})],
        [lambda: service.delete([people["Marie"]])],
        [lambda n=n: service.update(people[n], {"phones": ["+49 30 1234"]}) for n in people],
    ]  # fmt: skip
    for step in steps:
        changed: set[int] = set()
        for call in step:
            outcome = call()
            changed |= outcome.changes.contact_ids
        assert model.apply(sorted(changed))
        key, descending = ContactTableModel.COLUMNS[column][1], bool(column % 2)
        assert model.ids() == finder.find(model.query, sort=key, descending=descending)


def test_ctrl_shift_l_toggles_list_and_board(qtbot, people, window) -> None:
    assert not window.list_view.table.loaded  # a window that starts on the board reads no list
    show_list(qtbot, window)
    assert window.commands.toggle_list.isChecked()
    assert not window.board.isVisible()
    assert column(window, 0) == [
        "Marie Dubois", "Jürgen Müller", "Ben Okafor", "Sofia Rossi", "Anna Schmidt", "Li Wei"
    ]  # fmt: skip
    assert column(window, 2)[0] == "Customer"
    qtbot.keyClick(window.list_view, Qt.Key.Key_L, CTRL | SHIFT)
    assert window.board.isVisible() and not window.list_view.isVisible()


def test_clicking_a_header_sorts_in_the_database(qtbot, people, window) -> None:
    show_list(qtbot, window)
    header = window.list_view.horizontalHeader()
    x = header.sectionViewportPosition(1) + 5
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(x, 5))
    assert column(window, 1) == sorted(column(window, 1), key=str.casefold)
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(x, 5))
    assert column(window, 1)[0] == "Rossi Srl"  # descending now


def test_the_list_follows_search_and_filters(qtbot, people, window) -> None:
    show_list(qtbot, window)
    window.search.setFocus()
    qtbot.keyClicks(window.search, "rating:hot")
    qtbot.waitUntil(lambda: window.list_view.table.rowCount() == 2)
    assert column(window, 0) == ["Ben Okafor", "Anna Schmidt"]
    qtbot.keyClick(window.search, Qt.Key.Key_Return)  # the first hit, in the list
    assert window.list_view.hasFocus()
    assert window.detail.contact().id == people["Ben"]
    qtbot.keyClick(window.list_view, Qt.Key.Key_Return)
    focus = QApplication.focusWidget()
    assert window.detail.isAncestorOf(focus)


def test_bulk_actions_from_the_lists_menu(qtbot, people, window, session) -> None:
    show_list(qtbot, window)
    view = window.list_view
    rows = [column(window, 0).index(n) for n in ("Jürgen Müller", "Sofia Rossi")]
    for n, row in enumerate(rows):
        rect = view.visualRect(view.table.index(row, 0))
        qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton,
                         CTRL if n else Qt.KeyboardModifier.NoModifier, rect.center())  # fmt: skip
    assert sorted(view.selected_ids()) == sorted([people["Jürgen"], people["Sofia"]])
    pos = view.visualRect(view.table.index(rows[0], 0)).center()
    QApplication.sendEvent(
        view.viewport(),
        QContextMenuEvent(QContextMenuEvent.Reason.Mouse, pos, view.viewport().mapToGlobal(pos)),
    )
    menu = window.card_menu.menu
    qtbot.waitUntil(menu.isVisible)
    rate = menu.findChild(QMenu, "card_menu_rate")
    next(a for a in rate.actions() if a.objectName() == "card_rate_hot").trigger()
    assert session.service.get(people["Sofia"]).rating.value == "hot"
    assert session.service.get(people["Jürgen"]).rating.value == "hot"
    assert window.runner.undo_stack.count() == 1
    assert sorted(view.selected_ids()) == sorted([people["Jürgen"], people["Sofia"]])
    qtbot.keyClick(view, Qt.Key.Key_Delete)
    assert "Sofia Rossi" not in column(window, 0)
    window.commands.undo.trigger()
    assert "Sofia Rossi" in column(window, 0)


def test_a_change_elsewhere_shows_in_the_list(qtbot, people, window, session) -> None:
    show_list(qtbot, window)
    service = session.service
    window.runner.execute(lambda: service.update(people["Li"], {"last_name": "Aaron"}))
    assert column(window, 0)[0] == "Li Aaron"


class Counted:
    """Counts the calls of a model's finder (the sorted query of every id)."""

    def __init__(self, model: ContactTableModel) -> None:
        self.inner, self.calls = model.find, 0
        model.find = self

    def __call__(self, *args):  # type: ignore[no-untyped-def]
        self.calls += 1
        return self.inner(*args)


def test_an_edit_moves_its_row_without_reading_every_id_again(
    qtbot, people, window, session
) -> None:
    show_list(qtbot, window)
    view = window.list_view
    view.select_ids([people["Sofia"]])
    finder = Counted(view.table)
    with qtbot.waitSignal(view.table.rowsMoved):
        window.runner.execute(
            lambda: session.service.update(people["Sofia"], {"last_name": "Ärmel"})
        )
    assert column(window, 0) == [
        "Sofia Ärmel", "Marie Dubois", "Jürgen Müller", "Ben Okafor", "Anna Schmidt", "Li Wei"
    ]  # fmt: skip
    assert view.selected_ids() == [people["Sofia"]] and view.current_id() == people["Sofia"]
    # an edit that keeps the order repaints the row where it is
    with qtbot.waitSignal(view.table.dataChanged):
        window.runner.execute(lambda: session.service.update(people["Li"], {"company": "Wei AG"}))
    assert column(window, 1)[5] == "Wei AG"
    window.commands.undo.trigger()
    window.commands.undo.trigger()
    assert column(window, 0)[3] == "Sofia Rossi" and column(window, 1)[5] == "Dragon Trade"
    assert finder.calls == 0


def test_a_change_takes_rows_out_of_and_into_a_filtered_list(
    qtbot, people, window, session
) -> None:
    show_list(qtbot, window)
    window.search.setFocus()
    qtbot.keyClicks(window.search, "rating:hot")
    qtbot.waitUntil(lambda: window.list_view.table.rowCount() == 2)
    finder = Counted(window.list_view.table)
    window.runner.execute(lambda: session.service.update(people["Ben"], {"rating": "cold"}))
    assert column(window, 0) == ["Anna Schmidt"]
    window.runner.execute(lambda: session.service.update(people["Li"], {"rating": "hot"}))
    window.runner.execute(lambda: session.service.update(people["Marie"], {"rating": "hot"}))
    assert column(window, 0) == ["Marie Dubois", "Anna Schmidt", "Li Wei"]
    assert finder.calls == 0


def test_a_move_made_by_another_program_moves_the_row(qtbot, people, window, db_path) -> None:
    from tests.views.test_live_refresh import LIVE_MS, cli

    show_list(qtbot, window)
    header = window.list_view.horizontalHeader()
    x = header.sectionViewportPosition(2) + 5  # sort by stage
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=QPoint(x, 5))
    assert column(window, 0)[:2] == ["Anna Schmidt", "Jürgen Müller"]  # New, in board order
    finder = Counted(window.list_view.table)
    cli(db_path, "move", str(people["Jürgen"]), "customer")
    qtbot.waitUntil(lambda: "Jürgen Müller" in column(window, 0)[-2:], timeout=LIVE_MS)
    assert column(window, 2)[-2:] == ["Customer", "Customer"]
    assert column(window, 0)[:1] == ["Anna Schmidt"]
    assert finder.calls == 0


def test_tab_goes_search_list_pane_and_back(qtbot, people, window) -> None:
    show_list(qtbot, window)
    view = window.list_view
    window.search.setFocus()
    qtbot.waitUntil(window.search.hasFocus)
    qtbot.keyClick(window.search, Qt.Key.Key_Tab)
    assert view.hasFocus()
    view.selectRow(2)
    before = view.currentIndex()
    qtbot.keyClick(view, Qt.Key.Key_Tab)  # not the next cell: the arrows do that
    assert window.detail.isAncestorOf(QApplication.focusWidget())
    assert view.currentIndex() == before
    view.setFocus()
    qtbot.waitUntil(view.hasFocus)
    qtbot.keyClick(view, Qt.Key.Key_Backtab, SHIFT)
    assert window.search.hasFocus()
