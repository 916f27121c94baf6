"""DamageCheck: reads every page of the open database in a worker thread after start-up,
so a damaged file is reported without making every start wait for a full read."""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Callable

from PySide6.QtCore import QObject, Signal


class DamageCheck(QObject):
    """Runs ``check()`` (a list of problems) off the GUI thread; ``found(list)`` arrives on
    the GUI thread only when there are problems."""

    found = Signal(list)

    def __init__(self, check: Callable[[], list[str]], parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._check = check
        self._thread = threading.Thread(
            target=self._run, name="salesdesk-damage-check", daemon=True
        )

    def start(self) -> None:
        self._thread.start()

    def wait(self, timeout: float | None = None) -> None:
        if self._thread.is_alive():
            self._thread.join(timeout)

    def _run(self) -> None:
        try:
            problems = self._check()
        except Exception as error:  # a check that cannot run is itself worth reporting
            problems = [str(error)]
        if problems:
            with contextlib.suppress(RuntimeError):  # the window may have closed meanwhile
                self.found.emit(problems)  # queued to the GUI thread
