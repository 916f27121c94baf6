"""WorkProgress: rows done, time left and Cancel for work running in a worker thread, while
the windows behind it keep repainting."""

from __future__ import annotations

import threading
import time

from PySide6.QtCore import QCoreApplication, QObject, Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)


class ProgressRelay(QObject):
    """Carries progress from the worker thread to the GUI thread (a queued signal)."""

    advanced = Signal(int, int)  # done, total

    def report(self, done: int, total: int) -> None:
        self.advanced.emit(done, total)


class WorkProgress(QDialog):
    """A modal progress window. Cancel (or Esc) sets ``cancel_event``, which the work polls;
    the window stays until the work has really stopped (the caller closes it)."""

    def __init__(self, title: str, what: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("work_progress")
        self.setWindowTitle(title)
        self.setWindowModality(Qt.WindowModality.WindowModal)
        self.what = what
        self.cancel_event = threading.Event()
        self.started = time.monotonic()
        self.done_rows = 0
        layout = QVBoxLayout(self)
        self.label = QLabel(what, self)
        self.label.setObjectName("progress_label")
        self.label.setMinimumWidth(380)
        layout.addWidget(self.label)
        self.bar = QProgressBar(self)
        self.bar.setRange(0, 0)
        layout.addWidget(self.bar)
        buttons = QDialogButtonBox(self)
        self.cancel_button = QPushButton(self.tr("Cancel"), self)
        self.cancel_button.setObjectName("progress_cancel")
        buttons.addButton(self.cancel_button, QDialogButtonBox.ButtonRole.RejectRole)
        self.cancel_button.clicked.connect(self.cancel)
        layout.addWidget(buttons)
        self.relay = ProgressRelay(self)
        self.relay.advanced.connect(self.on_progress)

    def on_progress(self, done: int, total: int) -> None:
        self.done_rows = done
        if self.cancel_event.is_set():
            return
        self.bar.setRange(0, max(total, 1))
        self.bar.setValue(done)
        text = self.tr("%1: %2 of %3").replace("%1", self.what)
        text = text.replace("%2", f"{done:,}").replace("%3", f"{total:,}")
        left = self.seconds_left(done, total, time.monotonic() - self.started)
        if left is not None:
            text += "\n" + self.tr("About %1 s left").replace("%1", f"{left:,}")
        self.label.setText(text)

    @staticmethod
    def seconds_left(done: int, total: int, elapsed: float) -> int | None:
        """Remaining seconds at the rate so far (None before there is a rate)."""
        if done <= 0 or elapsed <= 0 or total <= done:
            return None
        return max(1, round((total - done) * elapsed / done))

    def cancel(self) -> None:
        self.cancel_event.set()
        self.cancel_button.setEnabled(False)
        self.label.setText(self.tr("Cancelling… nothing will be changed."))

    def reject(self) -> None:  # Esc or the window's close button: cancel, do not vanish
        self.cancel()

    def pump(self, done: int, total: int) -> None:
        """Progress of work running on this thread (an in-memory database): show it and let
        the Cancel button be clicked."""
        self.on_progress(done, total)
        QCoreApplication.processEvents()
