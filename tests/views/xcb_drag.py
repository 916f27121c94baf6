"""A real mouse drag on the board, run by test_real_drag.py in its own process on the xcb
platform (Xvfb). The pointer is moved by the X server's XTEST extension, so Qt sees real
input and runs its real QDrag loop. Exit code 0: the drop reached the service.

    python tests/views/xcb_drag.py DATABASE [stale]

With ``stale``, another program moves the card to Customer while it is being dragged (the
board's live refresh shows that mid-drag); the drop must then be refused. Exit code 0: the
card stayed in Customer and its history holds no move.
"""

from __future__ import annotations

import ctypes
import sqlite3
import sys
from collections.abc import Callable

from PySide6.QtCore import QPoint, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QAbstractItemView, QApplication

from salesdesk.domain.stages import Stage
from salesdesk.services.session import open_session
from salesdesk.views.board.models import CONTACT_ID_ROLE
from salesdesk.views.board.view import BoardView
from salesdesk.views.events import AppEvents
from salesdesk.views.undo import ServiceRunner

MAX_TICKS = 1500  # a safety net against a hang; each tick waits for the event loop, not time


class Pointer:
    """Real X input through libXtst."""

    def __init__(self) -> None:
        self.x11 = ctypes.CDLL("libX11.so.6")
        self.xtst = ctypes.CDLL("libXtst.so.6")
        self.x11.XOpenDisplay.restype = ctypes.c_void_p
        self.display = ctypes.c_void_p(self.x11.XOpenDisplay(None))
        if not self.display:
            raise SystemExit("cannot open the X display")

    def move(self, point: QPoint) -> None:
        self.xtst.XTestFakeMotionEvent(self.display, -1, point.x(), point.y(), 0)
        self.x11.XFlush(self.display)

    def button(self, down: bool) -> None:
        self.xtst.XTestFakeButtonEvent(self.display, 1, int(down), 0)
        self.x11.XFlush(self.display)


def main(path: str, stale: bool = False) -> int:
    app = QApplication(sys.argv[:1])
    session = open_session(path)
    runner = ServiceRunner(session.service, AppEvents())
    board = BoardView(runner, runner.events)
    board.setGeometry(0, 0, 1400, 700)  # every column on screen (min. width ~195 px)
    board.reload()
    board.show()
    if not QTest.qWaitForWindowExposed(board):
        return 3
    source = board.column(Stage.NEW).view
    target = board.column(Stage.PROSPECT).view
    anna_id = int(source.model().index(0, 0).data(CONTACT_ID_ROLE))
    anna = source.visualRect(source.model().index(0, 0))
    ben = target.visualRect(target.model().index(0, 0))
    start = source.viewport().mapToGlobal(anna.center())
    end = target.viewport().mapToGlobal(QPoint(ben.center().x(), ben.top() + ben.height() // 4))
    pointer = Pointer()
    steps: list[Callable[[], bool]] = []

    def at(point: QPoint) -> Callable[[], bool]:
        return lambda: (pointer.move(point), True)[1]

    steps.append(at(start))
    steps.append(lambda: (pointer.button(True), True)[1])
    for n in range(1, 21):  # glide across, well past the drag distance
        steps.append(at(start + (end - start) * (n / 20)))
    steps.append(
        lambda: (
            target.state() == QAbstractItemView.State.DraggingState or (pointer.move(end), False)[1]
        )
    )
    if stale:

        def move_elsewhere() -> bool:
            other = sqlite3.connect(path)
            with other:
                other.execute(
                    "UPDATE contact SET stage = 'customer', version = version + 1 WHERE id = ?",
                    (anna_id,),
                )
            other.close()
            return True

        steps.append(move_elsewhere)
        steps.append(lambda: board.store.stages.get(anna_id) is Stage.CUSTOMER)  # seen mid-drag
    steps.append(lambda: (pointer.button(False), True)[1])
    if stale:
        steps.append(lambda: "elsewhere" in (runner.last_error and str(runner.last_error) or ""))
    else:
        steps.append(lambda: session.service.get(anna_id).stage is Stage.PROSPECT)
    ticks = 0

    def tick() -> None:
        nonlocal ticks
        ticks += 1
        if ticks > MAX_TICKS:
            app.exit(4)
        elif steps and steps[0]():
            steps.pop(0)
            if not steps:
                app.exit(0)

    timer = QTimer()
    timer.setInterval(10)
    timer.timeout.connect(tick)
    timer.start()
    code = app.exec()
    order = [target.model().index(r, 0).data() for r in range(target.model().rowCount())]
    print("prospect column:", order)
    session.close()
    return code


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1], stale=sys.argv[2:] == ["stale"]))
