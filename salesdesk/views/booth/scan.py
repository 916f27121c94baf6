"""ScanCatcher: tells a badge scanner's keystrokes from typing, anywhere in booth mode.

A keyboard-wedge scanner types a whole badge in a few dozen milliseconds; a person needs
more than 25 ms between two keys (fast typists ~80 ms, a rolled key pair ~30 ms). A run of
keys with gaps below ``GAP`` becomes a scan when it reaches ``MIN_BURST`` characters, or
when it ends in Enter after at least ``MIN_ENTER_BURST`` (scanners end with Enter, people
cannot type that fast). A configured ``prefix`` (many scanners can send one) marks a scan
at any speed. The gap and the burst length can be set in the event dialog (a slow
Bluetooth scanner, a typist who rolls keys).

The first keys of a burst reach the focused field before the burst is recognised, so the
field's text is noted when a run starts and put back once it turns out to be a scan; the
rest of the scan is swallowed and buffered, line breaks included, and handed over as one
text. The clock is injectable: tests feed key events with realistic 5-15 ms gaps without
sleeping.
"""

from __future__ import annotations

import time
from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QLineEdit, QPlainTextEdit, QWidget

from salesdesk.services.booth_codes import looks_unfinished

GAP = 0.025  # seconds: keys closer than this come from a machine
MIN_BURST = 8
MIN_ENTER_BURST = 4
END_AFTER_MS = 60  # no key for this long: the scan is over

_LINE_KEYS = {Qt.Key.Key_Return: "\n", Qt.Key.Key_Enter: "\n", Qt.Key.Key_Tab: "\t"}


class _FieldState:
    """The text and cursor of the field a run of keys went to, to put back."""

    def __init__(self, widget: QWidget | None) -> None:
        self.widget = widget
        self.text: str | None = None
        self.cursor = 0
        if isinstance(widget, QLineEdit):
            self.text, self.cursor = widget.text(), widget.cursorPosition()
        elif isinstance(widget, QPlainTextEdit):
            self.text = widget.toPlainText()
            self.cursor = widget.textCursor().position()

    def restore(self) -> None:
        widget = self.widget
        if self.text is None or widget is None:
            return
        if isinstance(widget, QLineEdit):
            widget.setText(self.text)
            widget.setCursorPosition(self.cursor)
        elif isinstance(widget, QPlainTextEdit):
            widget.setPlainText(self.text)
            cursor = widget.textCursor()
            cursor.setPosition(min(self.cursor, len(self.text)))
            widget.setTextCursor(cursor)


class ScanCatcher(QObject):
    """An application event filter active for the keys of one window (``root``); emits
    ``scanned(text)`` for each scan. ``clock`` returns seconds (monotonic)."""

    scanned = Signal(str)

    def __init__(
        self,
        root: QWidget,
        *,
        clock: Callable[[], float] = time.monotonic,
        prefix: str = "",
        gap: float = GAP,
        min_burst: int = MIN_BURST,
    ) -> None:
        super().__init__(root)
        self.root = root
        self.clock = clock
        self.prefix = prefix
        self.gap = gap
        self.min_burst = min_burst
        self.enabled = True
        self._run: list[str] = []  # characters of the current fast run
        self._last = -1.0
        self._field = _FieldState(None)
        self._scanning = False
        self._end = QTimer(self)
        self._end.setSingleShot(True)
        self._end.setInterval(END_AFTER_MS)
        self._end.timeout.connect(self.finish)
        app = QApplication.instance()
        if app is not None:
            app.installEventFilter(self)
        root.destroyed.connect(self._detach)

    @property
    def scanning(self) -> bool:
        return self._scanning

    def _detach(self, *args: object) -> None:
        app = QApplication.instance()
        if app is not None:
            app.removeEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if event.type() != QEvent.Type.KeyPress or not self.enabled:
            return False
        if not isinstance(watched, QWidget) or not (
            watched is self.root or self.root.isAncestorOf(watched)
        ):
            return False
        assert isinstance(event, QKeyEvent)
        char = _LINE_KEYS.get(Qt.Key(event.key()), event.text())
        if not char or (not char.isprintable() and char not in "\n\t"):
            return False  # Shift, arrows, F-keys: neither part of a scan nor breaking one
        if event.modifiers() & (Qt.KeyboardModifier.ControlModifier
                                | Qt.KeyboardModifier.AltModifier):  # fmt: skip
            return False
        now = self.clock()
        fast = self._last >= 0 and now - self._last < self.gap
        self._last = now
        if self._scanning and not fast:
            self.finish()  # a pause longer than a scanner makes: what follows is typing
        if self._scanning:
            return self._take(char)
        if not fast:
            self._run = []
            self._field = _FieldState(QApplication.focusWidget())
        self._run.append(char)
        text = "".join(self._run)
        prefixed = bool(self.prefix) and text.startswith(self.prefix)
        ends = char == "\n" and len(self._run) > MIN_ENTER_BURST and fast
        if prefixed or len(self._run) >= self.min_burst or ends:
            self._scanning = True
            self._field.restore()  # the first keys went into the field: take them back
            if ends and not looks_unfinished(text):
                self.finish()
            else:
                self._end.start()
            return True
        return False

    def _take(self, char: str) -> bool:
        self._run.append(char)
        text = "".join(self._run)
        if char == "\n" and not looks_unfinished(text):
            self.finish()
        else:
            self._end.start()
        return True

    def finish(self) -> None:
        """End the scan now (Enter, or no key for ``END_AFTER_MS``) and hand it over."""
        self._end.stop()
        if not self._scanning:
            return
        text = "".join(self._run)
        if self.prefix and text.startswith(self.prefix):
            text = text[len(self.prefix) :]
        self._scanning = False
        self._run = []
        self._last = -1.0
        if text.strip():
            self.scanned.emit(text)
