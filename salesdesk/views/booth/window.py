"""BoothWindow: booth mode, one full-window form to capture a visitor in seconds.

Keyboard only (keys.py lists them): Tab between the fields, F1-F4 rate, F5-F12 toggle the
event's chips, Ctrl+E/Ctrl+P record consent, Ctrl+L logs the visit on the contact
salesdesk already knows, Enter saves and clears for the next visitor, Ctrl+Z undoes the
last capture, Up walks back through the last captures to correct one, Esc leaves (after
asking). A badge scan anywhere fills the form (see scan.py); a dropped or pasted photo, a
pasted card and the webcam do too (photos.py).
"""

from __future__ import annotations

import time
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, Qt, QTimer
from PySide6.QtGui import QCloseEvent, QFont, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from salesdesk.domain.errors import SalesdeskError
from salesdesk.domain.events import Event
from salesdesk.services.booth import CaptureInput, CaptureService, EventService, badge_match
from salesdesk.services.booth_codes import BadgeScan, ScanKind, parse_scan, qr_modules, vcard_text
from salesdesk.services.duplicates import Match
from salesdesk.views.board.labels import stage_label
from salesdesk.views.booth import keys
from salesdesk.views.booth.corrections import CorrectionsMixin
from salesdesk.views.booth.form import CaptureForm
from salesdesk.views.booth.photos import PhotosMixin
from salesdesk.views.booth.scan import ScanCatcher
from salesdesk.views.booth.settings import BoothSettings
from salesdesk.views.booth.side import QrView, RecentList
from salesdesk.views.undo import ServiceRunner

DUPLICATE_DELAY_MS = 250  # after a key: the check reads every name, so not on each key


def ordinal(n: int) -> str:
    """'12th' (English rules), or the translation's pattern ('12.' in German)."""
    pattern = QCoreApplication.translate("BoothWindow", "%1th")
    if pattern != "%1th":
        return pattern.replace("%1", str(n))
    suffix = "th" if 10 <= n % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")
    return f"{n}{suffix}"


class BoothWindow(CorrectionsMixin, PhotosMixin, QWidget):
    """The booth: capture form, scan catcher, last captures, counts and the rep's QR code.
    Writes go through ``runner`` (one undo step each, every view hears of them)."""

    def __init__(
        self,
        runner: ServiceRunner,
        settings: BoothSettings,
        event: Event,
        parent: QWidget | None = None,
        *,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.setObjectName("booth_window")
        self.setWindowTitle(self.tr("Booth mode – salesdesk"))
        self.runner = runner
        self.settings = settings
        self.trade_show = event
        self.events = EventService(runner.service)
        self.booth = CaptureService(runner.service, staff=settings.staff)
        self.matches: list[Match] = []
        self.link_to: int | None = None
        self.correcting: int | None = None  # contact id of the capture being corrected
        self.row = -1  # the side list's row being corrected
        self.last_scan: BadgeScan | None = None
        self.dialog: QWidget | None = None
        self.steps: list[int] = []  # undo stack indexes after each of booth mode's own steps
        base = QFont(self.font())
        base.setPointSizeF(max(base.pointSizeF(), 9.0))  # set: else the window's size wins
        font = QFont(base)
        font.setPointSizeF(max(font.pointSizeF(), 9.0) * 1.6)
        self.setFont(font)
        self.setAcceptDrops(True)
        self.heading = QLabel(self)
        self.heading.setObjectName("booth_heading")
        self.heading.setWordWrap(True)  # a long event name wraps rather than widen the window
        self.camera_button = QPushButton(self.tr("Camera… (Ctrl+K)"), self)
        self.camera_button.setObjectName("camera_button")
        self.event_button = QPushButton(self.tr("Event… (Ctrl+Shift+E)"), self)
        self.leave_button = QPushButton(self.tr("Leave (Esc)"), self)
        for button in (self.camera_button, self.event_button, self.leave_button):
            button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            button.setFont(base)  # secondary: the width goes to the event's name
        self.camera_button.clicked.connect(self.open_camera)
        self.event_button.clicked.connect(self.show_event_dialog)
        self.leave_button.clicked.connect(self.ask_leave)
        self.form = CaptureForm(self)
        self.status = QLabel(self)
        self.status.setObjectName("booth_status")
        self.undo_button = QPushButton(self.tr("Undo (Ctrl+Z)"), self)
        self.undo_button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.undo_button.clicked.connect(self.undo_last)
        self.scan_info = QLabel(self)
        self.scan_info.setObjectName("scan_info")
        self.scan_info.setWordWrap(True)
        self.hint = QLabel(self)
        self.hint.setObjectName("duplicate_hint")
        self.hint.setWordWrap(True)
        self.counts = QLabel(self)
        self.counts.setObjectName("booth_counts")
        self.recent = RecentList(self)
        self.qr = QrView(self)
        self.qr_caption = QLabel(self)
        self.qr_caption.setWordWrap(True)
        self.qr_caption.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self._layout()
        self._style()
        self.catcher = ScanCatcher(self, clock=clock)
        self.catcher.scanned.connect(self.on_scanned)
        self.dup_timer = QTimer(self)
        self.dup_timer.setSingleShot(True)
        self.dup_timer.setInterval(DUPLICATE_DELAY_MS)
        self.dup_timer.timeout.connect(self.check_duplicates)
        self.form.edited.connect(self.dup_timer.start)
        self.form.submitted.connect(self.save)
        self.form.moved_up.connect(lambda: self.walk(1))
        self.form.moved_down.connect(lambda: self.walk(-1))
        self.recent.chosen.connect(self._on_recent_clicked)
        self._keys()
        self._setup_photos()
        self.set_event(event)

    # --- building -------------------------------------------------------------------------

    def _layout(self) -> None:
        top = QHBoxLayout()
        top.addWidget(self.heading, 1)
        top.addWidget(self.camera_button)
        top.addWidget(self.event_button)
        top.addWidget(self.leave_button)
        saved = QHBoxLayout()
        saved.addWidget(self.status, 1)
        saved.addWidget(self.undo_button)
        main = QVBoxLayout()
        main.addWidget(self.form)
        main.addWidget(self.hint)
        main.addWidget(self.scan_info)
        main.addLayout(saved)
        main.addStretch(1)
        side = QVBoxLayout()
        side.addWidget(self.counts)
        side.addWidget(self.recent, 1)
        side.addWidget(self.qr_caption)
        side.addWidget(self.qr)
        body = QHBoxLayout()
        body.addLayout(main, 3)
        body.addLayout(side, 1)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(24, 10, 24, 10)  # 1366×768 laptops have ~700 pixels inside
        outer.addLayout(top)
        outer.addLayout(body, 1)

    def _style(self) -> None:
        heading = QFont(self.font())
        heading.setBold(True)
        heading.setPointSizeF(self.font().pointSizeF() * 1.2)
        self.heading.setFont(heading)
        indicator = round(self.fontMetrics().height() * 0.8)
        self.setStyleSheet(
            "QPushButton:checked { background: #1f6feb; color: white; }"
            "QLabel#booth_status { color: #1a7f37; font-weight: bold; }"
            "QLabel#duplicate_hint { color: #9a6700; }"
            "QLabel#section_label { font-weight: bold; }"
            # the check box's square does not grow with the font by itself
            f"QCheckBox::indicator {{ width: {indicator}px; height: {indicator}px; }}"
        )
        self.undo_button.setVisible(False)

    def _keys(self) -> None:
        def key(sequence: str, slot: Callable[[], object]) -> None:
            shortcut = QShortcut(QKeySequence(sequence), self)
            shortcut.setContext(Qt.ShortcutContext.WindowShortcut)
            shortcut.activated.connect(slot)

        for index, sequence in enumerate(keys.GRADE_KEYS):
            key(sequence, lambda i=index: self._grade(i))
        for index, sequence in enumerate(keys.CHIP_KEYS):
            key(sequence, lambda i=index: self.form.toggle_chip(i))
        key(keys.CONSENT_EMAIL, self.form.consent_email.toggle)
        key(keys.CONSENT_PHONE, self.form.consent_phone.toggle)
        key(keys.LINK, self.toggle_link)
        key(keys.UNDO, self.undo_last)
        key(keys.EVENT_DIALOG, self.show_event_dialog)
        key(keys.CAMERA, self.open_camera)
        key(keys.LEAVE, self.on_escape)

    def set_event(self, event: Event) -> None:
        self.trade_show = event
        booth = self.tr("booth %1").replace("%1", event.booth) if event.booth else ""
        where = " · ".join(p for p in (event.dates_text, event.place, booth) if p)
        self.heading.setText(f"{event.name}" + (f"  –  {where}" if where else ""))
        self.form.set_event(event, self.settings.our_company)
        self.catcher.prefix = self.settings.scan_prefix
        self.catcher.gap = self.settings.scan_gap_ms / 1000
        self.catcher.min_burst = self.settings.scan_min_burst
        self.booth = CaptureService(self.runner.service, staff=self.settings.staff)
        self._show_rep_card()
        self.refresh_side()
        self.form.clear()

    def _show_rep_card(self) -> None:
        card = self.settings.rep_card
        if card.is_empty():
            self.qr.set_modules([])
            self.qr_caption.setText(
                self.tr("Add your own card in the event dialog (Ctrl+Shift+E) to show it here "
                        "as a QR code.")
            )  # fmt: skip
            return
        text = vcard_text(card.first_name, card.last_name, card.company, card.title,
                          card.email, card.phone)  # fmt: skip
        self.qr.set_modules(qr_modules(text))
        name = " ".join(p for p in (card.first_name, card.last_name) if p) or card.company
        self.qr_caption.setText(self.tr("Scan me: %1").replace("%1", name))

    # --- capturing ------------------------------------------------------------------------

    def _grade(self, index: int) -> None:
        self.form.press_grade(index)

    def input(self) -> CaptureInput:
        f = self.form
        email, phone = f.text("email"), f.text("phone")
        return CaptureInput(
            f.text("first_name"), f.text("last_name"), f.text("company"), f.text("title"),
            (email,) if email else (), (phone,) if phone else (), grade=f.grade,
            chips=f.chips(), note=f.fields["note"].text().strip(), consent=f.consent(),
            consent_wording=f.consent_wording() if f.consent() else "", badge_id=f.badge_id,
            link_to=self.link_to,
        )  # fmt: skip

    def save(self) -> None:
        """Enter: save the visitor (or the correction) and clear the form for the next."""
        if self.catcher.scanning:
            return
        if self.correcting is not None:
            self._save_correction()
            return
        data = self.input()
        done: list[object] = []

        def call():  # type: ignore[no-untyped-def]
            result = self.booth.capture(self.trade_show, data)
            done.append(result)
            return result.outcome

        label = self.tr("capture of %1").replace("%1", data.display_name)
        if self.runner.execute(call, label, on_error=self._show_error) is None:
            return
        result = done[0]
        count, _ = self.refresh_side()
        name = result.name  # type: ignore[attr-defined]
        if result.linked:  # type: ignore[attr-defined]
            text = self.tr("Saved — %1, logged on the existing contact (%2 today)")
        else:
            text = self.tr("Saved — %1 (%2 today)")
        self.status.setText(text.replace("%1", name).replace("%2", ordinal(count)))
        self.remember_step()
        self._reset()

    def _reset(self) -> None:
        self.dup_timer.stop()
        self.form.clear()
        self.matches, self.link_to, self.correcting, self.row = [], None, None, -1
        self.recent.clearSelection()
        self.hint.clear()
        self.scan_info.clear()

    def _show_error(self, error: SalesdeskError) -> None:
        self.status.setText("")
        self.scan_info.setText("⚠ " + str(error))

    def remember_step(self) -> None:
        """Note the undo step just pushed as booth mode's own (Ctrl+Z here undoes only those,
        never a board change made before booth mode was opened)."""
        self.steps.append(self.runner.undo_stack.index())
        self.undo_button.setVisible(True)

    def undo_last(self) -> None:
        stack = self.runner.undo_stack
        if not self.steps or stack.index() != self.steps[-1] or not stack.canUndo():
            self.status.setText(self.tr("There is no capture to undo."))
            self.undo_button.setVisible(False)
            return
        text = stack.undoText()
        stack.undo()
        self.steps.pop()
        self.refresh_side()
        self.status.setText(self.tr("Undone: %1").replace("%1", text))
        self.undo_button.setVisible(bool(self.steps))

    def refresh_side(self) -> tuple[int, int]:
        count, hot = self.booth.counts_today(self.trade_show)
        self.counts.setText(self.tr("Today: %1 · hot: %2").replace("%1", str(count))
                            .replace("%2", str(hot)))  # fmt: skip
        self.recent.show_captures(self.booth.recent(self.trade_show, 30), self.tr("hot"))
        return count, hot

    # --- scans, duplicates ----------------------------------------------------------------

    def on_scanned(self, text: str) -> None:
        scan = parse_scan(text)
        if scan.kind is ScanKind.EMPTY:
            return
        self.show_scan(scan)

    def show_scan(self, scan: BadgeScan, heading: str = "") -> None:
        """Fill the form from a scan; ``heading`` ('Pasted: %1') says where it came from."""
        if self.correcting is not None:
            self._reset()
        self.last_scan = scan
        self.link_to = None
        self.form.fill(scan)
        kinds = {
            ScanKind.VCARD: self.tr("vCard"), ScanKind.MECARD: self.tr("MECARD"),
            ScanKind.BIZCARD: self.tr("BIZCARD"), ScanKind.NAME_EMAIL: self.tr("name and e-mail"),
            ScanKind.TOKENS: self.tr("text"), ScanKind.BADGE_ID: self.tr("badge id only"),
        }  # fmt: skip
        heading = heading or self.tr("Scanned: %1")
        lines = [heading.replace("%1", kinds.get(scan.kind, scan.kind.value))]
        if scan.repaired_layout:
            lines.append(self.tr("The scanner types with a US keyboard layout on this German "
                                 "one; salesdesk repaired it. Set the scanner to German (see "
                                 "its manual's 'Keyboard: German' code)."))  # fmt: skip
        if scan.kind is ScanKind.BADGE_ID:
            lines.append(self.tr("Saved as a badge-only lead unless you type more; the "
                                 "organiser's lead export completes it."))  # fmt: skip
        self.scan_info.setText("\n".join(lines))
        # the form shows at once; the duplicate check (it reads every name) comes right after
        self.dup_timer.start(0)

    def check_duplicates(self) -> None:
        self.dup_timer.stop()
        self.dup_timer.setInterval(DUPLICATE_DELAY_MS)
        data = self.input()
        self.matches = self.booth.duplicates(data) if (data.has_person or data.badge_id) else []
        if self.link_to is not None and all(m.contact_id != self.link_to for m in self.matches):
            self.link_to = None
        self._show_hint()

    def _show_hint(self) -> None:
        if not self.matches:
            self.hint.clear()
            return
        match = self.matches[0]
        found = self.runner.service.get_many([match.contact_id]).get(match.contact_id)
        if found is None:
            self.hint.clear()
            return
        who = ", ".join(p for p in (found.display_name, found.company) if p)
        who = f"{who} — {stage_label(found.stage)}"
        if badge_match(self.matches) is not None:
            text = self.tr("Badge already captured: %1. This visit is logged on them.")
        elif self.link_to == match.contact_id:
            text = self.tr("This visit will be logged on %1 (Ctrl+L: a new lead instead).")
        else:
            text = self.tr("Already in salesdesk: %1 (Ctrl+L logs this visit on them).")
        self.hint.setText(text.replace("%1", who))

    def toggle_link(self) -> None:
        self.check_duplicates()
        if not self.matches:
            return
        target = self.matches[0].contact_id
        self.link_to = None if self.link_to == target else target
        self._show_hint()

    # --- leaving, the event -------------------------------------------------------

    def on_escape(self) -> None:
        if self.correcting is not None:
            self._reset()
            self.status.clear()
            return
        self.ask_leave()

    def ask_leave(self) -> None:
        buttons = QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No
        box = QMessageBox(QMessageBox.Icon.Question, self.tr("Leave booth mode?"),
                          self.tr("Leave booth mode? Every saved visitor stays saved."),
                          buttons, self)  # fmt: skip
        if not self.form.is_empty():
            box.setInformativeText(self.tr("The visitor in the form is not saved yet."))
        box.setObjectName("leave_box")
        box.setDefaultButton(QMessageBox.StandardButton.No)
        box.finished.connect(lambda code: self.close() if code == QMessageBox.StandardButton.Yes
                             else None)  # fmt: skip
        self.dialog = box
        box.open()

    def show_event_dialog(self) -> None:
        from salesdesk.views.booth.event_dialog import EventDialog

        dialog = EventDialog(self.events, self.settings, self)
        dialog.accepted.connect(lambda: self.set_event(dialog.saved) if dialog.saved else None)
        self.dialog = dialog
        dialog.open()

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802
        self.catcher.enabled = False
        super().closeEvent(event)
