"""Badges as pictures and copied text: Ctrl+V of a photo or a card, and the webcam (frames
fed by hand: there is no camera here; QtMultimedia only where the camera extra is)."""

from __future__ import annotations

import io
import sys
from pathlib import Path

import pytest
from booth_support import Monotonic, booth_settings, open_booth_window, type_text
from PySide6.QtCore import QByteArray, QMimeData, QObject, Qt, QUrl, Signal
from PySide6.QtGui import QGuiApplication, QImage
from PySide6.QtWidgets import QApplication

from salesdesk.domain.events import Event
from salesdesk.services.booth_codes import mecard_text
from salesdesk.services.session import Session
from salesdesk.views.booth import camera
from salesdesk.views.booth.window import BoothWindow

VCARD = (
    "BEGIN:VCARD\r\nVERSION:3.0\r\nN:Schmidt;Anna;;;\r\nFN:Anna Schmidt\r\nORG:Beispiel AG\r\n"
    "EMAIL:anna@beispiel.de\r\nEND:VCARD"
)
MECARD = mecard_text("John", "Doe", "Smith; Sons", ("john@example.com",), ("+1 555 0100",))


def qr_image(text: str, scale: int = 6) -> QImage:
    segno = pytest.importorskip("segno")
    buffer = io.BytesIO()
    segno.make(text).save(buffer, kind="png", scale=scale, border=4)
    return QImage.fromData(QByteArray(buffer.getvalue()))


def paste(qtbot, field) -> None:  # type: ignore[no-untyped-def]
    field.setFocus()
    qtbot.keyClick(field, Qt.Key.Key_V, Qt.KeyboardModifier.ControlModifier)


def form_values(booth: BoothWindow) -> tuple[str, ...]:
    return tuple(booth.form.text(n) for n in ("first_name", "last_name", "company", "email"))


# --- paste ----------------------------------------------------------------------------------


def test_ctrl_v_of_a_badge_photo_decodes_it_like_a_dropped_one(qtbot, booth: BoothWindow) -> None:  # type: ignore[no-untyped-def]
    QGuiApplication.clipboard().setImage(qr_image(VCARD))
    paste(qtbot, booth.form.fields["first_name"])
    assert form_values(booth) == ("Anna", "Schmidt", "Beispiel AG", "anna@beispiel.de")
    assert booth.scan_info.text().startswith("Pasted: vCard")


def test_ctrl_v_of_a_copied_card_fills_the_whole_form(qtbot, booth: BoothWindow) -> None:  # type: ignore[no-untyped-def]
    QGuiApplication.clipboard().setText(MECARD)
    paste(qtbot, booth.form.fields["note"])  # wherever the cursor is
    assert form_values(booth) == ("John", "Doe", "Smith; Sons", "john@example.com")
    assert booth.form.text("phone") == "+1 555 0100"
    assert "MECARD" not in booth.form.text("note")
    assert booth.scan_info.text().startswith("Pasted: MECARD")


def test_ctrl_v_of_plain_text_pastes_into_the_field(
    qtbot, booth: BoothWindow, keys: Monotonic
) -> None:  # type: ignore[no-untyped-def]
    type_text(keys, "Anna\t")
    QGuiApplication.clipboard().setText("Schmidt-Berg")  # one token: not a badge id here
    paste(qtbot, booth.form.fields["last_name"])
    assert form_values(booth) == ("Anna", "Schmidt-Berg", "", "")
    assert booth.scan_info.text() == "" and booth.form.badge_id == ""


def test_a_pasted_photo_without_a_code_keeps_what_was_typed(
    qtbot, booth: BoothWindow, keys: Monotonic
) -> None:  # type: ignore[no-untyped-def]
    type_text(keys, "Anna")
    blank = QImage(200, 120, QImage.Format.Format_RGB32)
    blank.fill(Qt.GlobalColor.white)
    QGuiApplication.clipboard().setImage(blank)
    paste(qtbot, booth.form.fields["first_name"])
    assert booth.form.text("first_name") == "Anna"
    assert booth.scan_info.text() == "No QR code or barcode was found in the photo."


class _Clipboard:
    """Stands in for the system clipboard with a QMimeData this test keeps: a QMimeData made
    in Python and handed to QClipboard.setMimeData is deleted twice at exit (the clipboard
    and Python both own it), which crashed the whole test run after its last test."""

    def __init__(self) -> None:
        self.data: QMimeData | None = None

    def clipboard(self) -> _Clipboard:
        return self

    def setMimeData(self, data: QMimeData) -> None:  # noqa: N802 (QClipboard's name)
        self.data = data

    def mimeData(self) -> QMimeData | None:  # noqa: N802
        return self.data


def test_ctrl_v_of_a_copied_image_file(
    qtbot, booth: BoothWindow, tmp_path: Path, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    from salesdesk.views.booth import photos

    fake = _Clipboard()
    monkeypatch.setattr(photos, "QGuiApplication", fake)
    photo = tmp_path / "badge.png"
    assert qr_image(MECARD).save(str(photo))
    data = QMimeData()  # what a file manager's Copy puts on the clipboard
    data.setUrls([QUrl.fromLocalFile(str(photo))])
    data.setText(str(photo))
    fake.setMimeData(data)
    paste(qtbot, booth.form.fields["company"])
    assert form_values(booth) == ("John", "Doe", "Smith; Sons", "john@example.com")
    broken = tmp_path / "broken.png"
    broken.write_bytes(b"not a picture")
    data = QMimeData()
    data.setUrls([QUrl.fromLocalFile(str(broken))])
    fake.setMimeData(data)
    paste(qtbot, booth.form.fields["company"])
    assert "cannot be read as an image" in booth.scan_info.text()
    assert booth.form.text("first_name") == "John"  # the form is left as it was


# --- the webcam -----------------------------------------------------------------------------


class FakeFeed(QObject):
    """Stands in for CameraFeed: the test emits the frames a camera would."""

    frame = Signal(object)
    failed = Signal(str)

    def __init__(self) -> None:
        super().__init__()
        self.running = False

    def start(self) -> None:
        self.running = True

    def stop(self) -> None:
        self.running = False


@pytest.fixture
def with_camera(monkeypatch: pytest.MonkeyPatch) -> list[FakeFeed]:
    """A computer with one camera: booth mode's Camera button opens FakeFeeds."""
    feeds: list[FakeFeed] = []

    def open_feed(device: object, parent: object = None) -> FakeFeed:
        assert device == "camera 0"
        feeds.append(FakeFeed())
        return feeds[-1]

    monkeypatch.setattr(camera, "cameras", lambda: ["camera 0"])
    monkeypatch.setattr(camera, "open_feed", open_feed)
    return feeds


def test_without_qtmultimedia_there_is_no_camera_button(
    qtbot, session: Session, fair: Event, tmp_path: Path, keys: Monotonic, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setitem(sys.modules, "PySide6.QtMultimedia", None)  # the extra not installed
    assert camera.multimedia() is None and camera.cameras() == []
    booth = open_booth_window(qtbot, session, fair, booth_settings(tmp_path), keys)
    assert booth.camera_button.isHidden()
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)
    assert "No camera found" in booth.scan_info.text() and booth.dialog is None


def test_with_qtmultimedia_but_no_camera_there_is_no_button(
    qtbot, session: Session, fair: Event, tmp_path: Path, keys: Monotonic, monkeypatch
) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(camera, "cameras", lambda: [])
    booth = open_booth_window(qtbot, session, fair, booth_settings(tmp_path), keys)
    assert booth.camera_button.isHidden()
    monkeypatch.setattr(camera, "cameras", lambda: ["camera 0"])
    booth.find_cameras()  # what QMediaDevices.videoInputsChanged calls: one plugged in
    assert not booth.camera_button.isHidden()


def test_camera_frames_are_decoded_until_a_code_fills_the_form(
    qtbot, session: Session, fair: Event, tmp_path: Path, keys: Monotonic, with_camera
) -> None:  # type: ignore[no-untyped-def]
    booth = open_booth_window(qtbot, session, fair, booth_settings(tmp_path), keys)
    assert booth.camera_button.isVisible()
    qtbot.mouseClick(booth.camera_button, Qt.MouseButton.LeftButton)
    dialog = booth.dialog
    assert isinstance(dialog, camera.CameraDialog) and dialog.isVisible()
    (feed,) = with_camera
    assert feed.running
    blank = QImage(640, 480, QImage.Format.Format_RGB32)
    blank.fill(Qt.GlobalColor.darkGray)
    feed.frame.emit(blank)  # no badge in front of the camera yet
    assert dialog.tick() is False and dialog.isVisible() and dialog.frames == 1
    assert form_values(booth) == ("", "", "", "")
    feed.frame.emit(blank)
    feed.frame.emit(qr_image(MECARD, scale=4))  # only the newest frame is decoded
    qtbot.waitUntil(lambda: not dialog.isVisible())  # the dialog's own timer decodes it
    assert dialog.frames == 2 and not feed.running
    assert form_values(booth) == ("John", "Doe", "Smith; Sons", "john@example.com")
    assert booth.scan_info.text().startswith("From the camera: MECARD")


def test_cancelling_the_camera_stops_it_and_keeps_the_form(
    qtbot, session: Session, fair: Event, tmp_path: Path, keys: Monotonic, with_camera
) -> None:  # type: ignore[no-untyped-def]
    booth = open_booth_window(qtbot, session, fair, booth_settings(tmp_path), keys)
    type_text(keys, "Anna")
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_K, Qt.KeyboardModifier.ControlModifier)
    dialog = booth.dialog
    assert isinstance(dialog, camera.CameraDialog)
    (feed,) = with_camera
    feed.failed.emit("The camera is in use by another program.")
    assert "in use by another program" in dialog.status.text()
    qtbot.keyClick(dialog, Qt.Key.Key_Escape)
    assert not dialog.isVisible() and not feed.running
    assert booth.form.text("first_name") == "Anna"


@pytest.mark.qt_log_ignore("No RHI backend", "qt.multimedia")
def test_real_video_frames_decode(qtbot, booth: BoothWindow) -> None:  # type: ignore[no-untyped-def]
    """Where the camera extra is installed: QVideoFrames, as the QVideoSink gives them."""
    multimedia = pytest.importorskip("PySide6.QtMultimedia")
    feed = FakeFeed()
    dialog = camera.CameraDialog(feed, booth)
    found: list[str] = []
    dialog.found.connect(found.append)
    frame = multimedia.QVideoFrame(
        qr_image(VCARD, scale=4).convertToFormat(QImage.Format.Format_RGB32)
    )
    assert frame.isValid()
    dialog.on_frame(frame)
    assert dialog.tick() and found and "FN:Anna Schmidt" in found[0]
