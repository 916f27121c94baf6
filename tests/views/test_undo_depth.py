"""Undo at any depth in the window: five keyboard moves of one card (Ctrl+2, 3, 5, 6, 1),
five Ctrl+Z walk them back, five Ctrl+Shift+Z forward again; a step blocked by a change made
elsewhere stays."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from salesdesk.domain.stages import Stage
from tests.views.test_keyboard import CTRL, SHIFT, click_card, names


def stage_of(session, contact_id: int) -> Stage:  # type: ignore[no-untyped-def]
    return session.service.get(contact_id).stage


def test_five_undos_and_five_redos_on_one_contact(qtbot, people, window, session) -> None:
    anna = people["Anna"]
    view = window.board.column(Stage.NEW).view
    click_card(qtbot, view, 0)
    seen = [Stage.NEW]
    for key in (Qt.Key.Key_2, Qt.Key.Key_3, Qt.Key.Key_5, Qt.Key.Key_6, Qt.Key.Key_1):
        qtbot.keyClick(QApplication.focusWidget(), key, CTRL)  # Ctrl+2: to Working, ...
        seen.append(stage_of(session, anna))
    assert len(set(seen)) == 5  # the card really travelled
    for expected in reversed(seen[:-1]):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Z, CTRL)
        assert stage_of(session, anna) is expected
        assert "Anna Schmidt" in names(window, expected)
    assert not window.commands.undo.isEnabled()
    for expected in seen[1:]:
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Z, CTRL | SHIFT)
        assert stage_of(session, anna) is expected
        assert "Anna Schmidt" in names(window, expected)
    assert not window.commands.redo.isEnabled()
    kinds = [h.kind for h in session.service.history(anna)]
    assert len(kinds) == 1 + 5  # created + the five moves: undone steps left no trace


def test_an_undo_blocked_by_a_change_elsewhere_stays_on_the_stack(
    qtbot, people, window, session, other_program
) -> None:
    ben = people["Ben"]
    view = window.board.column(Stage.PROSPECT).view
    click_card(qtbot, view, 0)
    qtbot.keyClick(view, Qt.Key.Key_Right, CTRL | SHIFT)
    assert stage_of(session, ben) is Stage.CUSTOMER
    other_program.update(ben, "title", "Buyer")  # another program edits Ben
    window.commands.undo.trigger()
    assert stage_of(session, ben) is Stage.CUSTOMER  # not clobbered
    assert window.commands.undo.isEnabled()  # the step is still there
    assert window.commands.undo.text() == "Undo move of Ben Okafor to Customer"
    assert "changed after this step" in window.statusBar().currentMessage()
