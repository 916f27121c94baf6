"""No stale overwrite: a card dragged, or a stage picked in the pane, after another program
had moved that contact is refused with a message; the board then shows where it really is
and the history records nothing from a stage the user never saw."""

from __future__ import annotations

from PySide6.QtCore import QPoint, Qt

from salesdesk.domain.stages import Stage
from salesdesk.views.board.models import encode_ids
from tests.views.test_board_dnd import drag_and_drop
from tests.views.test_keyboard import names


def test_a_stale_drop_is_refused_and_the_board_catches_up(
    qtbot, people, window, session, other_program
) -> None:
    window.runner.watch_timer.stop()  # the drop comes before the next look at the file
    anna = people["Anna"]
    other_program.update(anna, "stage", "customer")  # e.g. a colleague's CLI
    assert "Anna Schmidt" in names(window, Stage.NEW)  # the board has not seen it yet
    target = window.board.column(Stage.PROSPECT).view
    drag_and_drop(target, QPoint(20, 5), encode_ids([anna]))
    assert session.service.get(anna).stage is Stage.CUSTOMER  # not overwritten
    assert [h.kind for h in session.service.history(anna)] == ["created"]  # no "customer left"
    message = window.statusBar().currentMessage()
    assert "moved to Customer elsewhere" in message
    assert names(window, Stage.CUSTOMER)[0] == "Anna Schmidt"  # shown where it is, at once
    assert "Anna Schmidt" not in names(window, Stage.PROSPECT)
    assert not window.commands.undo.isEnabled()  # nothing happened, nothing to undo


def test_a_stage_picked_in_a_stale_pane_is_refused(
    qtbot, people, window, session, other_program
) -> None:
    window.runner.watch_timer.stop()
    ben = people["Ben"]
    window.open_details(ben)
    other_program.update(ben, "stage", "new")
    combo = window.detail.ui.stage_combo
    combo.setFocus()
    qtbot.keyClick(combo, Qt.Key.Key_Down)  # Prospect → Customer, as the user picks it
    assert session.service.get(ben).stage is Stage.NEW
    assert "moved to New elsewhere" in window.detail.ui.stage_error.text()
    qtbot.waitUntil(lambda: combo.currentData() is Stage.NEW)  # the pane shows the truth


def test_a_drop_is_refused_when_the_card_moved_elsewhere_during_the_drag(
    qtbot, people, window, session, other_program
) -> None:
    """The board learns of the other program's move mid-drag (live refresh); the drop still
    carries the column the drag started in, so it is refused, not taken as a move from
    Customer (which would record 'customer left')."""
    anna = people["Anna"]
    source = window.board.column(Stage.NEW).view.model()
    mime = source.mimeData([source.index(0, 0)])  # the drag starts: Anna, from New
    other_program.update(anna, "stage", "customer")
    qtbot.waitUntil(lambda: "Anna Schmidt" in names(window, Stage.CUSTOMER), timeout=2000)
    target = window.board.column(Stage.PROSPECT).view
    drag_and_drop(target, QPoint(20, 5), mime)
    assert session.service.get(anna).stage is Stage.CUSTOMER
    assert [h.kind for h in session.service.history(anna)] == ["created"]
    assert "moved to Customer elsewhere" in window.statusBar().currentMessage()
