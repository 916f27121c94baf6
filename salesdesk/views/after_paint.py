"""AfterPaint: run a callback once the repaints already asked for are done."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt

_LATER = QEvent.Type.User  # only ever posted to an AfterPaint object, never elsewhere


class AfterPaint(QObject):
    """Calls ``callback`` after the paints that are waiting (e.g. the board's, after a drop).

    Widgets ask for a repaint with a low-priority posted event, so a 0 ms timer (a posted
    call of normal priority) runs before the paint. This posts at low priority too: it comes
    after the paints asked for before it. Posting again before it ran calls back once."""

    def __init__(self, callback: Callable[[], None], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._callback = callback
        self._posted = False

    def post(self) -> None:
        if not self._posted:
            self._posted = True
            priority = Qt.EventPriority.LowEventPriority.value
            QCoreApplication.postEvent(self, QEvent(_LATER), priority)

    def event(self, event: QEvent) -> bool:
        if event.type() == _LATER:
            self._posted = False
            self._callback()
            return True
        return super().event(event)
