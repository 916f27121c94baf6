"""Reading a badge with a webcam, where the optional ``camera`` extra is installed.

QtMultimedia is in PySide6-Addons, not in the Essentials salesdesk depends on, so it is
imported only here and only when asked; without it (or without a camera) booth mode hides
its Camera button. Frames flow QCamera → QMediaCaptureSession → QVideoSink; the dialog
keeps only the newest frame and decodes it every ``DECODE_EVERY_MS`` (a frame that arrives
while one is being decoded replaces the waiting one, so a slow decode never piles frames
up), through the same zxing-cpp path as a dropped photo, until a code is found.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from types import ModuleType
from typing import Any

from PySide6.QtCore import QLoggingCategory, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QImage, QPixmap
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QVBoxLayout, QWidget

from salesdesk.views.booth.image_decode import decode_image

DECODE_EVERY_MS = 120
PREVIEW_SIZE = (480, 360)


def multimedia() -> ModuleType | None:
    """PySide6.QtMultimedia, or None when the camera extra is not installed."""
    # its FFmpeg backend warns about each optional library (PipeWire, VA-API) it lacks
    QLoggingCategory.setFilterRules("qt.multimedia.symbolsresolver.warning=false")
    try:
        return importlib.import_module("PySide6.QtMultimedia")
    except ImportError:
        return None


def cameras() -> list[Any]:
    """The cameras (QCameraDevice) this computer has, the system's default first; [] without
    the camera extra."""
    module = multimedia()
    if module is None:
        return []
    found = list(module.QMediaDevices.videoInputs())
    default = module.QMediaDevices.defaultVideoInput()
    return sorted(found, key=lambda device: device != default)


def watch_cameras(parent: QObject, changed: Callable[[], None]) -> QObject | None:
    """Call ``changed`` when a camera is plugged in or out (None without the extra)."""
    module = multimedia()
    if module is None:
        return None
    devices = module.QMediaDevices(parent)
    devices.videoInputsChanged.connect(changed)
    return devices  # type: ignore[no-any-return]


def open_feed(device: Any, parent: QObject | None = None) -> CameraFeed:
    return CameraFeed(device, parent)


def frame_image(frame: Any) -> QImage:
    """A QVideoFrame (or a QImage, as tests and stills give) as a QImage."""
    if isinstance(frame, QImage):
        return frame
    return frame.toImage()  # type: ignore[no-any-return]


class CameraFeed(QObject):
    """One live camera: emits ``frame`` for every video frame, ``failed(text)`` on error."""

    frame = Signal(object)
    failed = Signal(str)

    def __init__(self, device: Any, parent: QObject | None = None) -> None:
        super().__init__(parent)
        module = multimedia()
        assert module is not None, "the camera extra is not installed"
        self.camera = module.QCamera(device, self)
        self.session = module.QMediaCaptureSession(self)
        self.sink = module.QVideoSink(self)
        self.session.setCamera(self.camera)
        self.session.setVideoSink(self.sink)
        self.sink.videoFrameChanged.connect(self.frame.emit)
        self.camera.errorOccurred.connect(lambda _error, text: self.failed.emit(text))

    def start(self) -> None:
        self.camera.start()

    def stop(self) -> None:
        self.camera.stop()


class CameraDialog(QDialog):
    """The camera's picture and what to do; ``found(text)`` once a code is read, then it
    closes. ``feed`` is anything with ``frame``/``failed`` signals and start()/stop()."""

    found = Signal(str)

    def __init__(self, feed: Any, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("camera_dialog")
        self.setWindowTitle(self.tr("Read a badge with the camera"))
        self.feed = feed
        self.latest: Any = None
        self.frames = 0  # frames decoded (for the status line and tests)
        self.text = ""
        self.preview = QLabel(self)
        self.preview.setObjectName("camera_preview")
        self.preview.setMinimumSize(*PREVIEW_SIZE)
        self.preview.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.preview.setStyleSheet("background: #202020; color: white;")
        self.preview.setText(self.tr("Starting the camera…"))
        self.status = QLabel(self.tr("Hold the badge's QR code or barcode in front of the "
                                     "camera."), self)  # fmt: skip
        self.status.setObjectName("camera_status")
        self.status.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel, self)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.preview, 1)
        layout.addWidget(self.status)
        layout.addWidget(buttons)
        self.timer = QTimer(self)
        self.timer.setInterval(DECODE_EVERY_MS)
        self.timer.timeout.connect(self.tick)
        feed.frame.connect(self.on_frame)
        feed.failed.connect(self.on_failed)

    def start(self) -> None:
        self.feed.start()
        self.timer.start()

    def on_frame(self, frame: Any) -> None:
        self.latest = frame  # only the newest waits; tick() decodes it

    def on_failed(self, text: str) -> None:
        self.timer.stop()
        self.status.setText(self.tr("The camera cannot be used: %1").replace("%1", text))

    def tick(self) -> bool:
        """Show and decode the newest frame; True when it held a code."""
        frame, self.latest = self.latest, None
        if frame is None:
            return False
        image = frame_image(frame)
        if image.isNull():
            return False
        size = self.preview.size()
        self.preview.setPixmap(QPixmap.fromImage(image).scaled(
            size, Qt.AspectRatioMode.KeepAspectRatio,
            Qt.TransformationMode.FastTransformation))  # fmt: skip
        self.frames += 1
        texts = decode_image(image)
        if not texts:
            return False
        self.text = texts[0]
        self._stop()
        self.found.emit(self.text)
        self.accept()
        return True

    def _stop(self) -> None:
        self.timer.stop()
        self.feed.stop()

    def done(self, result: int) -> None:
        self._stop()
        super().done(result)

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802
        self._stop()
        super().closeEvent(event)
