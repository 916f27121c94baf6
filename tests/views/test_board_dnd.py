"""Drag-and-drop on the board view: synthetic drag events on a column's viewport (offscreen),
the reason asked for Unqualified, refused moves, and what the database and history say."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QMimeData, QPoint, QPointF, Qt
from PySide6.QtGui import QDragEnterEvent, QDragMoveEvent, QDropEvent
from PySide6.QtWidgets import QApplication, QDialogButtonBox

from salesdesk.domain.stages import Stage, UnqualifiedReason
from salesdesk.services.session import Session
from salesdesk.views.board.column import StageColumnView
from salesdesk.views.board.models import CONTACT_ID_ROLE, encode_ids
from salesdesk.views.board.view import BoardView
from salesdesk.views.events import AppEvents
from salesdesk.views.undo import ServiceRunner


@pytest.fixture
def board(qtbot, session: Session, people: dict[str, int]) -> BoardView:
    runner = ServiceRunner(session.service, AppEvents())
    view = BoardView(runner, runner.events)
    qtbot.addWidget(view)
    view.resize(1300, 700)
    view.reload()
    view.show()
    qtbot.waitExposed(view)
    return view


def names(board: BoardView, stage: Stage) -> list[str]:
    proxy = board.column(stage).view.model()
    return [proxy.index(r, 0).data() for r in range(proxy.rowCount())]


def drag_and_drop(view: StageColumnView, pos: QPoint, mime: QMimeData) -> QDropEvent:
    """Send what a drag over ``view`` and a drop at ``pos`` deliver to its viewport."""
    move_action = Qt.DropAction.MoveAction
    buttons, mods = Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    enter = QDragEnterEvent(pos, move_action, mime, buttons, mods)
    QApplication.sendEvent(view.viewport(), enter)
    assert enter.isAccepted()
    move = QDragMoveEvent(pos, move_action, mime, buttons, mods)
    QApplication.sendEvent(view.viewport(), move)
    assert move.isAccepted()
    drop = QDropEvent(QPointF(pos), move_action, mime, buttons, mods)
    QApplication.sendEvent(view.viewport(), drop)
    return drop


def upper_half(view: StageColumnView, row: int) -> QPoint:
    rect = view.visualRect(view.model().index(row, 0))
    return QPoint(rect.center().x(), rect.top() + rect.height() // 4)


def test_drop_between_two_cards_saves_the_move_and_history(
    board: BoardView, session: Session, people
) -> None:
    target = board.column(Stage.NEW).view
    drop = drag_and_drop(target, upper_half(target, 1), encode_ids([people["Li"]]))
    assert drop.isAccepted()
    assert names(board, Stage.NEW) == ["Anna Schmidt", "Li Wei", "Jürgen Müller"]
    assert names(board, Stage.WORKING) == []
    service = session.service
    assert service.get(people["Li"]).stage is Stage.NEW
    assert [c.name for c in service.cards() if c.stage is Stage.NEW] == names(board, Stage.NEW)
    last = service.history(people["Li"])[-1]
    assert (last.from_stage, last.to_stage) == (Stage.WORKING, Stage.NEW)
    assert board.column(Stage.NEW).header.count_text() == "3"
    assert board.column(Stage.WORKING).header.count_text() == "0"
    assert board.selected_ids() == [people["Li"]]  # the moved card stays selected


def test_drop_below_the_last_card_and_on_empty_space_goes_to_the_end(
    board: BoardView, session: Session, people
) -> None:
    target = board.column(Stage.PROSPECT).view
    drag_and_drop(target, QPoint(20, target.viewport().height() - 5), encode_ids([people["Anna"]]))
    assert names(board, Stage.PROSPECT) == ["Ben Okafor", "Anna Schmidt"]
    rect = target.visualRect(target.model().index(0, 0))
    drag_and_drop(
        target, QPoint(rect.center().x(), rect.bottom() - 3), encode_ids([people["Sofia"]])
    )
    assert names(board, Stage.PROSPECT) == ["Ben Okafor", "Sofia Rossi", "Anna Schmidt"]


def test_several_cards_move_together_in_their_order(
    board: BoardView, session: Session, people
) -> None:
    source = board.column(Stage.NEW).view
    source.selectAll()
    mime = source.model().mimeData(source.selectionModel().selectedRows())
    drag_and_drop(board.column(Stage.CUSTOMER).view, QPoint(20, 5), mime)
    assert names(board, Stage.CUSTOMER) == ["Anna Schmidt", "Jürgen Müller", "Marie Dubois"]
    assert names(board, Stage.NEW) == []
    assert session.service.counts()[Stage.CUSTOMER] == 3


def test_reorder_within_a_column(board: BoardView, session: Session, people) -> None:
    view = board.column(Stage.NEW).view
    drag_and_drop(view, QPoint(20, view.viewport().height() - 5), encode_ids([people["Anna"]]))
    assert names(board, Stage.NEW) == ["Jürgen Müller", "Anna Schmidt"]
    assert session.service.get(people["Anna"]).stage is Stage.NEW
    assert session.service.history(people["Anna"])[-1].to_stage is Stage.NEW  # no new entry
    assert len(session.service.history(people["Anna"])) == 1


def test_foreign_payload_is_refused(board: BoardView) -> None:
    view = board.column(Stage.NEW).view
    mime = QMimeData()
    mime.setText("Anna")
    enter = QDragEnterEvent(
        QPoint(10, 10),
        Qt.DropAction.MoveAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    QApplication.sendEvent(view.viewport(), enter)
    assert not enter.isAccepted()
    drop = QDropEvent(
        QPointF(10, 10),
        Qt.DropAction.MoveAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    QApplication.sendEvent(view.viewport(), drop)
    assert not drop.isAccepted()
    assert names(board, Stage.NEW) == ["Anna Schmidt", "Jürgen Müller"]


def test_drop_on_unqualified_asks_for_a_reason(
    qtbot, board: BoardView, session: Session, people
) -> None:
    view = board.column(Stage.UNQUALIFIED).view
    drag_and_drop(view, QPoint(20, 20), encode_ids([people["Sofia"]]))
    dialog = board.reason_dialog
    assert dialog is not None and dialog.isVisible()
    assert names(board, Stage.NURTURING) == ["Sofia Rossi"]  # nothing moved yet
    assert not dialog.ok_button.isEnabled()
    no_budget = dialog.buttons[UnqualifiedReason.NO_BUDGET]
    qtbot.mouseClick(no_budget, Qt.MouseButton.LeftButton, pos=QPoint(8, no_budget.height() // 2))
    assert dialog.ok_button.isEnabled()
    qtbot.keyClicks(dialog.details, "budget frozen until Q3")
    assert dialog.ok_button.isEnabled()
    qtbot.mouseClick(dialog.ok_button, Qt.MouseButton.LeftButton)
    assert names(board, Stage.UNQUALIFIED) == ["Sofia Rossi"]
    last = session.service.history(people["Sofia"])[-1]
    assert last.to_stage is Stage.UNQUALIFIED
    assert last.reason == "no budget: budget frozen until Q3"


def test_cancelling_the_reason_leaves_the_card_where_it_was(
    qtbot, board: BoardView, session: Session, people
) -> None:
    messages: list[str] = []
    board.events.status_message.connect(messages.append)
    drag_and_drop(board.column(Stage.UNQUALIFIED).view, QPoint(20, 20), encode_ids([people["Li"]]))
    dialog = board.reason_dialog
    assert dialog is not None
    cancel = dialog.ui.button_box.button(QDialogButtonBox.StandardButton.Cancel)
    qtbot.mouseClick(cancel, Qt.MouseButton.LeftButton)
    assert board.reason_dialog is None
    assert names(board, Stage.WORKING) == ["Li Wei"]
    assert names(board, Stage.UNQUALIFIED) == []
    assert session.service.get(people["Li"]).stage is Stage.WORKING
    assert messages and "nothing changed" in messages[-1]


def test_refused_move_keeps_the_card_and_says_why(
    board: BoardView, session: Session, people
) -> None:
    failures: list[str] = []
    board.events.save_failed.connect(failures.append)
    session.service.delete([people["Ben"]])  # behind the board's back: the card is stale
    view = board.column(Stage.CUSTOMER).view
    drop = drag_and_drop(view, QPoint(20, 5), encode_ids([people["Ben"]]))
    assert not drop.isAccepted()
    assert failures and "trash" in failures[0]
    assert names(board, Stage.CUSTOMER) == ["Marie Dubois"]
    assert names(board, Stage.PROSPECT) == ["Ben Okafor"]  # no silent snap-back: it never left


def test_drop_handler_runs_through_the_undo_stack(
    board: BoardView, session: Session, people
) -> None:
    view = board.column(Stage.PROSPECT).view
    drag_and_drop(view, QPoint(20, 5), encode_ids([people["Anna"]]))
    stack = board.runner.undo_stack
    assert stack.count() == 1
    assert stack.undoText() == "move of Anna Schmidt to Prospect"
    board.runner.undo()
    assert names(board, Stage.NEW) == ["Anna Schmidt", "Jürgen Müller"]
    assert session.service.get(people["Anna"]).stage is Stage.NEW
    board.runner.redo()
    assert names(board, Stage.PROSPECT) == ["Anna Schmidt", "Ben Okafor"]


def test_drag_pixmap_draws_the_dragged_cards(board: BoardView) -> None:
    view = board.column(Stage.NEW).view
    view.selectAll()
    indexes = sorted(view.selectionModel().selectedRows(), key=lambda i: i.row())
    pixmap = view.drag_pixmap(indexes)
    assert not pixmap.isNull()
    assert pixmap.width() >= view.viewport().width()
    image = pixmap.toImage()
    assert image.pixelColor(image.width() // 2, image.height() // 2).alpha() > 0
    assert [i.data(CONTACT_ID_ROLE) for i in indexes] == view.selected_ids()
