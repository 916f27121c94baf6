"""BoardActions: the keyboard commands that act on the board's selected cards."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QKeySequence

from salesdesk.domain.stages import STAGE_ORDER, Stage
from salesdesk.views.board.labels import stage_label
from salesdesk.views.board.view import BoardView

Keys = QKeySequence.StandardKey | str | list[QKeySequence]


class BoardActions(QObject):
    """Actions for the Contact and Edit menus. Their shortcuts work while the board has the
    focus, so text fields elsewhere keep Enter, Delete and Ctrl+Shift+arrows."""

    def __init__(self, board: BoardView) -> None:
        super().__init__(board)
        self.board = board
        self.open_details = self._action(
            self.tr("Open details"),
            [QKeySequence(Qt.Key.Key_Return), QKeySequence(Qt.Key.Key_Enter)],
            board.open_current,
        )
        self.new_in_column = self._action(
            self.tr("New contact in this column"),
            "N",
            lambda: board.new_contact_requested.emit(board.active_stage),
        )
        self.move_left = self._action(
            self.tr("Move one stage left"), "Ctrl+Shift+Left", lambda: board.move_selected_by(-1)
        )
        self.move_right = self._action(
            self.tr("Move one stage right"), "Ctrl+Shift+Right", lambda: board.move_selected_by(1)
        )
        self.move_to: dict[Stage, QAction] = {}
        for n, stage in enumerate(STAGE_ORDER, start=1):
            self.move_to[stage] = self._action(stage_label(stage), f"Ctrl+{n}", self._mover(stage))
            self.move_to[stage].setObjectName(f"action_move_to_{stage.value}")
        self.delete = self._action(
            self.tr("Delete"), QKeySequence.StandardKey.Delete, board.delete_selected
        )
        self.delete.setObjectName("action_delete")

    def _mover(self, stage: Stage) -> Callable[[], object]:
        return lambda: self.board.move_selected_to(stage)

    def _action(self, text: str, keys: Keys, slot: Callable[[], object]) -> QAction:
        action = QAction(text, self.board)
        if isinstance(keys, (list, QKeySequence.StandardKey)):
            action.setShortcuts(keys)
        else:
            action.setShortcut(QKeySequence(keys))
        action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        action.triggered.connect(slot)
        self.board.addAction(action)
        return action

    def all(self) -> list[QAction]:
        return [
            self.open_details,
            self.new_in_column,
            self.move_left,
            self.move_right,
            *self.move_to.values(),
            self.delete,
        ]
