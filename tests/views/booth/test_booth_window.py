"""Booth mode as booth staff use it: keyboard only, scanner bursts, duplicates, undo, Esc."""

from __future__ import annotations

import datetime as dt
import io
from pathlib import Path

import pytest
from booth_support import CHIPS, Monotonic, scan_text, send_key, type_text
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox

from salesdesk.domain.contact import LeadSource, Rating
from salesdesk.domain.events import BADGE_ONLY_TAG, ConsentChannel, Event, RatingScale
from salesdesk.domain.interactions import Channel
from salesdesk.domain.stages import Stage
from salesdesk.services.booth import CaptureService, EventService
from salesdesk.services.booth_codes import mangle, mecard_text
from salesdesk.services.interactions import InteractionService
from salesdesk.services.session import Session
from salesdesk.store import events as store_events
from salesdesk.views.booth.window import BoothWindow, ordinal


def press(qtbot, key: Qt.Key, modifier=Qt.KeyboardModifier.NoModifier) -> None:  # type: ignore[no-untyped-def]
    qtbot.keyClick(QApplication.focusWidget(), key, modifier)


VISITORS = [
    (f"Vor{i}", f"Nach{i}", f"Firma {i} GmbH", "CTO" if i % 2 else "", f"v{i}@firma{i}.de",
     f"030 55500{i:02d}", f"talked about plan {i}", ("hot", "warm", "cold")[i % 3],
     tuple(c for j, c in enumerate(CHIPS) if (i >> j) & 1), i % 4 == 0)
    for i in range(20)
]  # fmt: skip


def test_twenty_visitors_by_keyboard_alone(qtbot, booth: BoothWindow, session: Session,
                                           keys: Monotonic, fair: Event) -> None:  # fmt: skip
    for i, (first, last, company, title, email, phone, note, grade, chips, consent) in enumerate(
        VISITORS
    ):
        for text in (first, last, company, title, email, phone):
            type_text(keys, text + "\t")
        type_text(keys, note)
        press(
            qtbot,
            (Qt.Key.Key_F1, Qt.Key.Key_F2, Qt.Key.Key_F3)[("hot", "warm", "cold").index(grade)],
        )
        for chip in chips:
            press(qtbot, (Qt.Key.Key_F5, Qt.Key.Key_F6, Qt.Key.Key_F7)[CHIPS.index(chip)])
        if consent:
            press(qtbot, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
        type_text(keys, "\n")
        assert booth.status.text() == f"Saved — {first} {last} ({ordinal(i + 1)} today)"
        assert (
            booth.form.is_empty() and QApplication.focusWidget() is booth.form.fields["first_name"]
        )
    service = session.service
    assert booth.counts.text() == "Today: 20 · hot: 7"
    captures = store_events.load_captures(fair.id or 0)
    assert len(captures) == 20 and {c.staff for c in captures} == {"Max Rep"}
    by_name = {c.first_name: c for c in service.list_contacts()}
    interactions = InteractionService(service)
    for first, last, company, title, email, phone, note, grade, chips, consent in VISITORS:
        contact = by_name[first]
        assert (contact.last_name, contact.company, contact.title) == (last, company, title)
        assert [e.value for e in contact.emails] == [email]
        assert [p.value for p in contact.phones] == [phone]
        assert contact.stage is Stage.NEW and contact.source is LeadSource.TRADE_SHOW
        assert contact.source_detail == fair.name and contact.rating is Rating(grade)
        assert sorted(contact.tags) == sorted(chips)
        (talk,) = interactions.interactions(contact.id or 0)
        assert talk.channel is Channel.IN_PERSON and talk.notes == note
        records = CaptureService(service).consents(contact.id or 0)
        assert contact.consent.email_ok is consent
        if consent:
            (record,) = records
            assert record.channels == {ConsentChannel.EMAIL} and record.staff == "Max Rep"
            assert "Beispiel AG may contact me by e-mail" in record.wording
            assert fair.name in record.wording
        else:
            assert records == []
        due = interactions.follow_up(contact.id or 0)
        expected = {
            "hot": dt.date(2026, 11, 27),
            "warm": dt.date(2026, 12, 1),
            "cold": dt.date(2026, 12, 10),
        }[grade]  # Thursday + 1, 3, 10 working days
        assert due is not None and due.due_on == expected


def test_undo_of_the_last_capture_and_correcting_one(qtbot, booth: BoothWindow, session: Session,
                                                     keys: Monotonic) -> None:  # fmt: skip
    for name in ("Anna", "Ben"):
        type_text(keys, name + "\n")
    press(qtbot, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert booth.status.text() == "Undone: capture of Ben"
    assert [c.first_name for c in session.service.list_contacts()] == ["Anna"]
    assert booth.recent.count() == 1
    press(qtbot, Qt.Key.Key_Up)  # the last capture comes into the form to correct it
    assert booth.form.text("first_name") == "Anna" and booth.correcting is not None
    type_text(keys, "\t\t\tCEO")
    press(qtbot, Qt.Key.Key_F1)
    type_text(keys, "\n")
    (anna,) = session.service.list_contacts()
    assert anna.title == "CEO" and anna.rating is Rating.HOT
    assert booth.status.text() == "Corrected — Anna" and booth.correcting is None


def test_duplicate_hint_and_linking_with_one_key(qtbot, booth: BoothWindow, session: Session,
                                                 keys: Monotonic, people) -> None:  # fmt: skip
    type_text(keys, "Anna\tSchmidt\tAcme GmbH\t\tanna@acme.de")
    qtbot.waitUntil(
        lambda: "Already in salesdesk: Anna Schmidt, Acme GmbH — New" in booth.hint.text()
    )
    press(qtbot, Qt.Key.Key_L, Qt.KeyboardModifier.ControlModifier)
    assert "will be logged on Anna Schmidt" in booth.hint.text()
    press(qtbot, Qt.Key.Key_F1)
    type_text(keys, "\n")
    assert "logged on the existing contact" in booth.status.text()
    assert len(session.service.list_contacts()) == len(people)  # no duplicate made
    talks = InteractionService(session.service).interactions(people["Anna"])
    assert [t.channel for t in talks] == [Channel.IN_PERSON]


SCANS = {
    "vcard": ("BEGIN:VCARD\r\nVERSION:3.0\r\nN:Schmidt;Anna;;;\r\nFN:Anna Schmidt\r\n"
              "ORG:Beispiel AG\r\nTITLE:CTO\r\nEMAIL:anna@beispiel.de\r\nTEL:+49 30 1234567\r\n"
              "END:VCARD", ("Anna", "Schmidt", "Beispiel AG", "anna@beispiel.de", "")),
    "mecard": (mecard_text("John", "Doe", "Smith; Sons", ("john@example.com",), ("+1 555 0100",)),
               ("John", "Doe", "Smith; Sons", "john@example.com", "")),
    "bizcard": ("BIZCARD:N:Li;X:Wei;T:Buyer;C:Dragon Trade;E:li@dragon.cn;;",
                ("Li", "Wei", "Dragon Trade", "li@dragon.cn", "")),
    "opaque": ("HM26-000123", ("", "", "", "", "HM26-000123")),
    "mangled": (mangle("MECARD:N:Zeller,Yvonne;ORG:Yacht AG;EMAIL:y.zeller@example.com;;"),
                ("Yvonne", "Zeller", "Yacht AG", "y.zeller@example.com", "")),
}  # fmt: skip


@pytest.mark.parametrize("kind", list(SCANS))
def test_scanner_bursts_fill_the_form(
    qtbot, booth: BoothWindow, keys: Monotonic, kind: str
) -> None:  # type: ignore[no-untyped-def]
    text, (first, last, company, email, badge) = SCANS[kind]
    type_text(keys, "Pe")  # the rep had started typing; the scan replaces that
    focused = QApplication.focusWidget()
    scan_text(keys, text)
    form = booth.form
    assert (form.text("first_name"), form.text("last_name"), form.text("company")) == (
        first, last, company)  # fmt: skip
    assert form.text("email") == email and form.badge_id == badge
    assert "BEGIN" not in form.text("first_name") and "MECARD" not in form.text("first_name")
    assert "Scanned:" in booth.scan_info.text()
    if kind == "mangled":
        assert "US keyboard layout" in booth.scan_info.text()
    assert QApplication.focusWidget() is not None and focused is not None
    assert not booth.catcher.scanning


def test_a_scanned_visitor_saves_and_a_badge_alone_is_a_badge_only_lead(
    qtbot, booth: BoothWindow, session: Session, keys: Monotonic
) -> None:  # type: ignore[no-untyped-def]
    scan_text(keys, SCANS["bizcard"][0])
    press(qtbot, Qt.Key.Key_F2)
    type_text(keys, "\n")
    scan_text(keys, "HM26-000123")
    type_text(keys, "\n")
    assert booth.status.text() == "Saved — badge HM26-000123 (2nd today)"
    contacts = {c.first_name: c for c in session.service.list_contacts()}
    assert contacts["Li"].rating is Rating.WARM and contacts["Li"].title == "Buyer"
    assert BADGE_ONLY_TAG in contacts[""].tags
    # scanning the same badge again shows who it is and logs the visit there
    scan_text(keys, "HM26-000123")
    qtbot.waitUntil(lambda: "Badge already captured" in booth.hint.text())


def test_typing_fast_is_not_a_scan(qtbot, booth: BoothWindow, keys: Monotonic) -> None:  # type: ignore[no-untyped-def]
    for char in "Annette":  # a fast typist: 40 ms, with one rolled pair at 20 ms
        keys.now += 0.02 if char == "n" else 0.04
        send_key(char)
    assert booth.form.text("first_name") == "Annette" and not booth.catcher.scanning


def test_a_badge_photo_fills_the_form(qtbot, booth: BoothWindow) -> None:  # type: ignore[no-untyped-def]
    segno = pytest.importorskip("segno")
    from PySide6.QtCore import QByteArray
    from PySide6.QtGui import QImage

    buffer = io.BytesIO()
    segno.make(SCANS["bizcard"][0]).save(buffer, kind="png", scale=6, border=4)
    image = QImage.fromData(QByteArray(buffer.getvalue()))
    assert booth.scan_image(image)
    assert booth.form.text("first_name") == "Li"
    assert not booth.scan_image(QImage(50, 50, QImage.Format.Format_RGB32))


def test_escape_leaves_after_confirmation(qtbot, booth: BoothWindow, keys: Monotonic) -> None:  # type: ignore[no-untyped-def]
    type_text(keys, "Half")
    press(qtbot, Qt.Key.Key_Escape)
    box = booth.dialog
    assert isinstance(box, QMessageBox) and "not saved yet" in box.informativeText()
    box.button(QMessageBox.StandardButton.No).click()
    assert booth.isVisible()
    press(qtbot, Qt.Key.Key_Escape)
    booth.dialog.button(QMessageBox.StandardButton.Yes).click()  # type: ignore[union-attr]
    qtbot.waitUntil(lambda: not booth.isVisible())


def test_abcd_event_from_the_event_dialog(qtbot, booth: BoothWindow, session: Session) -> None:  # type: ignore[no-untyped-def]
    from salesdesk.views.booth.event_dialog import EventDialog

    booth.show_event_dialog()
    dialog = booth.dialog
    assert isinstance(dialog, EventDialog)
    dialog.choice.setCurrentIndex(0)  # a new event
    dialog.name.setText("IT-Tage")
    dialog.chips.setText("Cloud, Security")
    dialog.scale.setCurrentIndex(1)
    dialog.staff.setText("Eva")
    dialog.accept()
    assert booth.trade_show.name == "IT-Tage" and booth.trade_show.scale is RatingScale.ABCD
    assert [b.text() for b in booth.form.grade_buttons.values()] == [
        "F1  A",
        "F2  B",
        "F3  C",
        "F4  D",
    ]
    assert EventService(session.service).current() == booth.trade_show
    assert booth.booth.staff == "Eva"
    again = EventDialog(booth.events, booth.settings, booth)
    again.choice.setCurrentIndex(0)
    again.name.setText("it-tage")
    again.accept()
    assert "already an event" in again.error.text()


def test_toolbar_action_opens_booth_mode_asking_for_an_event_first(qtbot, window) -> None:  # type: ignore[no-untyped-def]
    from salesdesk.views.booth.event_dialog import EventDialog

    action = window.commands.booth
    assert action.shortcut().toString() == "Ctrl+Shift+B"
    action.trigger()
    dialog = window.dialog
    assert isinstance(dialog, EventDialog)
    dialog.name.setText("Hannover Messe 2026")
    dialog.accept()
    booth = window.dialog
    assert isinstance(booth, BoothWindow) and booth.isVisible()
    assert booth.trade_show.name == "Hannover Messe 2026"
    booth.close()
    action.trigger()  # with a current event it opens straight away
    assert isinstance(window.dialog, BoothWindow)
    window.dialog.close()


def test_the_reps_qr_code_scans_back_to_their_card(qtbot, booth: BoothWindow) -> None:  # type: ignore[no-untyped-def]
    from salesdesk.views.booth.image_decode import decode_image

    assert booth.qr_caption.text() == "Scan me: Max Rep"
    (text,) = decode_image(booth.qr.grab().toImage())
    assert "FN:Max Rep" in text and "EMAIL;TYPE=INTERNET,WORK:max@beispiel.de" in text


def test_a_short_scan_ending_in_enter_and_a_configured_prefix(
    qtbot, booth: BoothWindow, keys: Monotonic, tmp_path: Path
) -> None:  # type: ignore[no-untyped-def]
    scan_text(keys, "A1234")  # five characters and Enter at scanner speed: a scan, not a save
    assert booth.form.badge_id == "A1234" and booth.form.text("first_name") == ""
    assert booth.recent.count() == 0
    booth.form.clear()
    booth.catcher.prefix = "##"
    keys.now += 1.0
    for char in "##77\n":  # a prefix marks even a two-character id
        keys.now += 0.01
        send_key(char)
    assert booth.form.badge_id == "77"


def test_dropping_a_badge_photo(qtbot, booth: BoothWindow) -> None:  # type: ignore[no-untyped-def]
    segno = pytest.importorskip("segno")
    from PySide6.QtCore import QByteArray, QMimeData, QPointF
    from PySide6.QtGui import QDropEvent, QImage

    buffer = io.BytesIO()
    segno.make(SCANS["vcard"][0]).save(buffer, kind="png", scale=5, border=4)
    data = QMimeData()
    data.setImageData(QImage.fromData(QByteArray(buffer.getvalue())))
    drop = QDropEvent(QPointF(50, 50), Qt.DropAction.CopyAction, data,
                      Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)  # fmt: skip
    booth.dropEvent(drop)
    assert booth.form.text("last_name") == "Schmidt" and "vCard" in booth.scan_info.text()


def test_ctrl_z_undoes_only_booth_steps(qtbot, booth: BoothWindow, session: Session,
                                         keys: Monotonic) -> None:  # fmt: skip
    # a change made on the board before booth mode opened is not booth mode's to undo
    outcome = session.service.create(first_name="Board", last_name="Card")
    booth.runner.execute(lambda: outcome)
    press(qtbot, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert booth.status.text() == "There is no capture to undo."
    assert [c.first_name for c in session.service.list_contacts()] == ["Board"]
    type_text(keys, "Anna\n")
    press(qtbot, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    press(qtbot, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert booth.status.text() == "There is no capture to undo."
    assert [c.first_name for c in session.service.list_contacts()] == ["Board"]
