"""Ctrl+C in the terminal that started the window: close it as its close button would, and
end with exit code 130 and one line of text instead of a traceback.

Python runs signal handlers only between its own bytecodes, and an idle Qt event loop runs
none, so SIGINT would wait for the next mouse move and then raise KeyboardInterrupt inside
some slot (printed as a traceback, and the window stays). ``signal.set_wakeup_fd`` makes the
signal wake the loop through a socket the loop watches; the handler then asks Qt to close.
"""

from __future__ import annotations

import contextlib
import signal
import socket
import threading
from collections.abc import Iterator

from PySide6.QtCore import QSocketNotifier, QThread, QTimer
from PySide6.QtWidgets import QApplication

EXIT_INTERRUPTED = 130


@contextlib.contextmanager
def quit_on_interrupt(app: QApplication) -> Iterator[None]:
    """While inside, Ctrl+C closes every window and ends the event loops; KeyboardInterrupt is
    raised once the body is done (the caller prints the message). Outside an event loop
    (while opening the database, before the window shows) it raises at once, as usual."""
    if threading.current_thread() is not threading.main_thread():
        yield  # signals reach only the main thread
        return
    reader, writer = socket.socketpair()
    reader.setblocking(False)
    writer.setblocking(False)
    notifier = QSocketNotifier(reader.fileno(), QSocketNotifier.Type.Read)
    notifier.activated.connect(lambda *_: _drain(reader))  # running Python runs the handler
    keep_quitting = QTimer()  # an event loop started after the interrupt ends at once too
    keep_quitting.setInterval(0)
    keep_quitting.timeout.connect(lambda: app.exit(EXIT_INTERRUPTED))
    interrupted = False

    def on_interrupt(signum: int, frame: object) -> None:
        nonlocal interrupted
        if QThread.currentThread().loopLevel() == 0:
            raise KeyboardInterrupt  # not in the event loop: stop the step under way
        if interrupted:
            return
        interrupted = True
        app.closeAllWindows()  # each window's closeEvent runs, as for its close button
        app.exit(EXIT_INTERRUPTED)
        keep_quitting.start()

    old_fd = signal.set_wakeup_fd(writer.fileno(), warn_on_full_buffer=False)
    old_handler = signal.signal(signal.SIGINT, on_interrupt)
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, old_handler)
        signal.set_wakeup_fd(old_fd)
        keep_quitting.stop()
        notifier.setEnabled(False)
        reader.close()
        writer.close()
    if interrupted:
        raise KeyboardInterrupt


def _drain(reader: socket.socket) -> None:
    with contextlib.suppress(OSError):
        reader.recv(512)
