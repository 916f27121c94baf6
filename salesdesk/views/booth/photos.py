"""Badges that arrive as pictures or copied text: a dropped or pasted photo, a pasted
vCard/MECARD/BIZCARD, and the webcam (where the camera extra is installed). Each ends in
the same place a scanner burst does: the form filled from the parsed code."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QEvent, QMimeData, QObject
from PySide6.QtGui import (
    QDragEnterEvent,
    QDropEvent,
    QGuiApplication,
    QImage,
    QImageReader,
    QKeyEvent,
    QKeySequence,
)

from salesdesk.domain.errors import SalesdeskError
from salesdesk.services.booth_codes import ScanKind, parse_scan
from salesdesk.views.booth import camera

# pasted text that fills the whole form; anything else is pasted into the field as usual
# (a name, an e-mail address, a single token that would otherwise read as a badge id)
CARD_KINDS = {ScanKind.VCARD, ScanKind.MECARD, ScanKind.BIZCARD, ScanKind.NAME_EMAIL}


def _local_image(data: QMimeData) -> str | None:
    """The path of the first local image file among the mime data's URLs (a file copied in
    a file manager), or None."""
    if not data.hasUrls():
        return None
    formats = {bytes(f.data()).decode().lower() for f in QImageReader.supportedImageFormats()}
    for url in data.urls():
        if url.isLocalFile() and Path(url.toLocalFile()).suffix.lower().lstrip(".") in formats:
            return url.toLocalFile()
    return None


class PasteFilter(QObject):
    """On the form's fields: Ctrl+V (the platform's Paste keys) goes to ``handler`` first,
    which returns True when it took the clipboard (a photo or a card)."""

    def __init__(self, handler: Any, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.handler = handler

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802
        if event.type() == QEvent.Type.KeyPress:
            assert isinstance(event, QKeyEvent)
            if event.matches(QKeySequence.StandardKey.Paste):
                return bool(self.handler())
        return False


class PhotosMixin:
    """The picture and paste part of BoothWindow (kept apart to keep the window's file
    short); it uses the window's form, scan line and show_scan."""

    form: Any
    scan_info: Any
    camera_button: Any
    dialog: Any
    show_scan: Any  # (scan, heading="") -> None
    _show_error: Any

    def _setup_photos(self) -> None:
        self.paste_filter = PasteFilter(self.paste, self)  # type: ignore[arg-type]
        for edit in self.form.fields.values():
            edit.installEventFilter(self.paste_filter)
        self.camera_devices: list[Any] = []
        self.camera_button.setVisible(False)
        self.camera_watch = camera.watch_cameras(self, self.find_cameras)  # type: ignore[arg-type]
        self.find_cameras()

    # --- photos and paste ------------------------------------------------------------------

    def scan_image(self, image: object, heading: str = "") -> bool:
        """Decode a badge photo (QImage) and fill the form from its code."""
        from salesdesk.views.booth.image_decode import decode_image

        texts = decode_image(image)  # type: ignore[arg-type]
        if not texts:
            self.scan_info.setText(
                QCoreApplication.translate(
                    "BoothWindow", "No QR code or barcode was found in the photo."
                )
            )
            return False
        self.show_scan(parse_scan(texts[0]), heading)
        return True

    def scan_file(self, path: str, heading: str = "") -> bool:
        from salesdesk.views.booth.image_decode import decode_file

        texts = decode_file(path)
        if not texts:
            self.scan_info.setText(
                QCoreApplication.translate(
                    "BoothWindow", "No QR code or barcode was found in the photo."
                )
            )
            return False
        self.show_scan(parse_scan(texts[0]), heading)
        return True

    def paste(self) -> bool:
        """Ctrl+V: a photo on the clipboard is decoded, a copied card fills the form; True
        when it took the clipboard, False to let the field paste the text itself."""
        return self.paste_data(QGuiApplication.clipboard().mimeData())

    def paste_data(self, data: QMimeData | None) -> bool:
        if data is None:
            return False
        heading = QCoreApplication.translate("BoothWindow", "Pasted: %1")
        try:
            if data.hasImage():
                image = data.imageData()
                self.scan_image(image if isinstance(image, QImage) else QImage(), heading)
                return True
            path = _local_image(data)
            if path is not None:
                self.scan_file(path, heading)
                return True
        except SalesdeskError as error:
            self._show_error(error)
            return True
        if data.hasText():
            scan = parse_scan(data.text())
            if scan.kind in CARD_KINDS:
                self.show_scan(scan, heading)
                return True
        return False

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:  # noqa: N802
        if event.mimeData().hasImage() or event.mimeData().hasUrls():
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:  # noqa: N802
        data = event.mimeData()
        try:
            if data.hasImage():
                self.scan_image(data.imageData())
            elif data.hasUrls() and data.urls()[0].isLocalFile():
                self.scan_file(data.urls()[0].toLocalFile())
        except SalesdeskError as error:
            self._show_error(error)
        event.acceptProposedAction()

    # --- the webcam ------------------------------------------------------------------------

    def find_cameras(self) -> None:
        """Show the Camera button only when QtMultimedia imports and a camera exists."""
        self.camera_devices = camera.cameras()
        self.camera_button.setVisible(bool(self.camera_devices))

    def open_camera(self) -> Any:
        if not self.camera_devices:
            self.scan_info.setText(
                QCoreApplication.translate(
                    "BoothWindow",
                    "No camera found (booth mode reads badges with a camera where the "
                    "camera extra is installed).",
                )
            )
            return None
        feed = camera.open_feed(self.camera_devices[0], self)  # type: ignore[arg-type]
        dialog = camera.CameraDialog(feed, self)  # type: ignore[arg-type]
        heading = QCoreApplication.translate("BoothWindow", "From the camera: %1")
        dialog.found.connect(lambda text: self.show_scan(parse_scan(text), heading))
        self.dialog = dialog
        dialog.open()
        dialog.start()
        return dialog
