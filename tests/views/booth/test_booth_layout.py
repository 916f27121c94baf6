"""Booth mode on a small laptop: at 1366×768 (about 1366×700 inside the window's frame and
the desktop's panel) nothing is cut off or pushed out, in English and in German, with the
most an event can have (eight chips, four grades) and the longest messages shown."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest
from booth_support import Monotonic, booth_settings, open_booth_window, scan_text, type_text
from PySide6.QtCore import QCoreApplication, QObject, QTranslator, Signal
from PySide6.QtWidgets import QCheckBox, QLabel, QPushButton, QWidget

from salesdesk.domain.events import Event, RatingScale
from salesdesk.services.booth import EventService
from salesdesk.services.booth_codes import mangle
from salesdesk.services.session import Session
from salesdesk.views.booth import camera

SCREEN = (1366, 700)
EIGHT_CHIPS = ("wants demo", "budget this year", "CRM", "Cloud migration", "Security audit",
               "Partner programme", "Training", "Call back in Q2")  # fmt: skip


class IdleFeed(QObject):
    frame = Signal(object)
    failed = Signal(str)

    def start(self) -> None: ...

    def stop(self) -> None: ...


def clipped(window: QWidget) -> list[str]:
    """What on the window shows less than it needs: outside the window, a button or check
    box smaller than its text, a label cut short (one line) or wrapped into too few lines."""
    found = []
    for widget in window.findChildren(QWidget):
        if widget.window() is not window or not widget.isVisibleTo(window):
            continue
        where = widget.rect().translated(widget.mapTo(window, widget.rect().topLeft()))
        name = widget.objectName() or type(widget).__name__
        if not window.rect().contains(where):
            found.append(f"{name} is outside the window: {where}")
        if isinstance(widget, QPushButton | QCheckBox):
            need = widget.sizeHint()
            if widget.width() < need.width() or widget.height() < need.height():
                found.append(f"button {widget.text()!r} is cut")
        elif isinstance(widget, QLabel) and widget.text():
            if widget.wordWrap():
                if widget.height() < widget.heightForWidth(widget.width()):
                    found.append(f"label {widget.text()[:40]!r} is short of lines")
            elif widget.width() < widget.sizeHint().width():
                found.append(f"label {widget.text()[:40]!r} is cut")
    return found


@pytest.fixture(params=["en", "de"])
def language(request):  # type: ignore[no-untyped-def]
    if request.param == "en":
        yield "en"
        return
    import salesdesk.views.resources_rc  # noqa: F401  (:/translations)

    translator = QTranslator()
    assert translator.load(":/translations/salesdesk_de.qm")
    QCoreApplication.installTranslator(translator)
    yield "de"
    QCoreApplication.removeTranslator(translator)


def test_booth_mode_fits_a_1366_by_768_screen(
    qtbot,
    session: Session,
    fair: Event,
    tmp_path: Path,
    keys: Monotonic,
    people,
    language,
    monkeypatch,
) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(camera, "cameras", lambda: ["camera 0"])  # the Camera button shows
    monkeypatch.setattr(camera, "open_feed", lambda device, parent=None: IdleFeed())
    event = EventService(session.service).update(dataclasses.replace(
        fair, name="Internationale Fachmesse für Industrieautomation 2026", place="Hannover",
        booth="Halle 7, B12", chips=EIGHT_CHIPS, scale=RatingScale.ABCD))  # fmt: skip
    booth = open_booth_window(qtbot, session, event, booth_settings(tmp_path), keys, SCREEN)
    hint = booth.minimumSizeHint()
    assert hint.width() <= SCREEN[0] and hint.height() <= SCREEN[1], hint
    assert booth.size().toTuple() == SCREEN
    assert not booth.camera_button.isHidden() and len(booth.form.chip_buttons) == 8
    qtbot.waitUntil(lambda: not clipped(booth))
    booth.grab().save(str(tmp_path / f"booth-empty-{language}.png"))
    type_text(keys, "Anna\tSchmidt\tAcme GmbH\t\tanna@acme.de")
    qtbot.waitUntil(lambda: booth.hint.text() != "")
    booth.form.consent_email.setChecked(True)
    booth.form.consent_phone.setChecked(True)
    booth.form.toggle_chip(7)
    qtbot.waitUntil(lambda: not clipped(booth))
    booth.grab().save(str(tmp_path / f"booth-duplicate-{language}.png"))
    booth.form.clear()
    scan_text(keys, mangle("MECARD:N:Zeller,Yvonne;ORG:Yacht AG;EMAIL:y.zeller@example.com;;"))
    assert booth.form.text("company") == "Yacht AG" and booth.scan_info.text().count("\n") >= 1
    qtbot.waitUntil(lambda: not clipped(booth))
    assert booth.minimumSizeHint().height() <= SCREEN[1]
    booth.grab().save(str(tmp_path / f"booth-scan-{language}.png"))
    for dialog in (booth.open_camera(), booth.show_event_dialog() or booth.dialog):
        qtbot.waitExposed(dialog)
        assert dialog.width() <= SCREEN[0] and dialog.height() <= SCREEN[1], dialog.size()
        assert not clipped(dialog)
        dialog.grab().save(str(tmp_path / f"{dialog.objectName()}-{language}.png"))
        dialog.reject()


def test_changing_the_event_leaves_no_old_chips_behind(qtbot, booth, session: Session,  # type: ignore[no-untyped-def]
                                                       fair: Event) -> None:  # fmt: skip
    for chips in ((), EIGHT_CHIPS[:2], ()):
        booth.set_event(EventService(session.service).update(dataclasses.replace(
            booth.trade_show, chips=chips)))  # fmt: skip
    form = booth.form

    def shown(kind: type[QWidget], test) -> list[QWidget]:  # type: ignore[no-untyped-def]
        return [w for w in form.findChildren(kind) if w.isVisibleTo(form) and test(w)]

    # a widget added to a shown layout shows on the next turn of the event loop
    qtbot.waitUntil(lambda: bool(shown(QLabel, lambda w: w.text() == "(this event has no chips)")))
    assert shown(QPushButton, lambda w: w.objectName().startswith("chip_")) == []
    assert len(shown(QLabel, lambda w: w.text() == "(this event has no chips)")) == 1
    assert form.chips_row.count() == 1 and form.grades_row.count() == 4  # 3 grades, 1 stretch
