"""CaptureForm: booth mode's visitor form, built for speed and large type.

The six text fields take Tab in order; the rating (F1-F4), the event's chips (F5-F12) and
consent (Ctrl+E, Ctrl+P) are one key each and never take the focus, so typing flows.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import (
    QCheckBox,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QLayout,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from salesdesk.domain.events import ConsentChannel, Event, Grade
from salesdesk.services.booth_codes import BadgeScan
from salesdesk.views.booth.keys import CHIP_KEYS, GRADE_KEYS

FIELDS = ("first_name", "last_name", "company", "title", "email", "phone", "note")
CHIPS_PER_ROW = 4


def _empty(layout: QLayout) -> None:
    """Take every item out of ``layout``, hiding its widgets at once (deleteLater alone
    leaves them on screen until the event loop runs, under the new ones)."""
    while (item := layout.takeAt(0)) is not None:
        widget = item.widget()
        if widget is not None:
            widget.hide()
            widget.deleteLater()


__all__ = ["CHIP_KEYS", "FIELDS", "GRADE_KEYS", "CaptureForm", "consent_text", "grade_label"]


def grade_label(grade: Grade) -> str:
    return {
        "hot": QCoreApplication.translate("CaptureForm", "Hot"),
        "warm": QCoreApplication.translate("CaptureForm", "Warm"),
        "cold": QCoreApplication.translate("CaptureForm", "Cold"),
    }.get(grade.key, grade.label)


def consent_text(company: str, channels: set[ConsentChannel], event: str) -> str:
    """The consent sentence as the visitor reads it (and as the record keeps it)."""
    if channels == {ConsentChannel.EMAIL, ConsentChannel.PHONE}:
        how = QCoreApplication.translate("CaptureForm", "e-mail and phone")
    elif channels == {ConsentChannel.PHONE}:
        how = QCoreApplication.translate("CaptureForm", "phone")
    else:
        how = QCoreApplication.translate("CaptureForm", "e-mail")
    return (
        QCoreApplication.translate(
            "CaptureForm",
            "I agree that %1 may contact me by %2 about what we discussed at %3. I can "
            "withdraw this at any time.",
        )
        .replace("%1", company or QCoreApplication.translate("CaptureForm", "us"))
        .replace("%2", how)
        .replace("%3", event)
    )


class CaptureForm(QWidget):
    """The fields of one visitor. ``edited`` fires on every change a duplicate check may
    care about; ``submitted`` when Enter is pressed in a field."""

    edited = Signal()
    submitted = Signal()
    moved_up = Signal()
    moved_down = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("capture_form")
        self.trade_show: Event | None = None
        self.our_company = ""
        self.grade: str = ""
        self.badge_id = ""
        grid = QGridLayout()
        grid.setHorizontalSpacing(18)
        grid.setVerticalSpacing(6)
        labels = {
            "first_name": self.tr("First name"),
            "last_name": self.tr("Last name"),
            "company": self.tr("Company"),
            "title": self.tr("Job title"),
            "email": self.tr("E-mail"),
            "phone": self.tr("Phone"),
            "note": self.tr("Note"),
        }
        self.fields: dict[str, QLineEdit] = {}
        for row, name in enumerate(FIELDS):
            label = QLabel(labels[name], self)
            edit = QLineEdit(self)
            edit.setObjectName(f"booth_{name}")
            label.setBuddy(edit)
            edit.textEdited.connect(lambda _t: self.edited.emit())
            edit.returnPressed.connect(self.submitted.emit)
            edit.installEventFilter(self)
            grid.addWidget(label, row, 0)
            grid.addWidget(edit, row, 1)
            self.fields[name] = edit
        self.fields["note"].setPlaceholderText(self.tr("What did you talk about?"))
        self.fields["email"].setPlaceholderText("name@example.com")
        self.grades_row = QHBoxLayout()
        self.grades_row.setSpacing(6)
        self.chips_row = QGridLayout()  # four chips a row: eight fit a 1366-pixel screen
        self.chips_row.setHorizontalSpacing(6)
        self.chips_row.setVerticalSpacing(6)
        self.grade_buttons: dict[str, QPushButton] = {}
        self.chip_buttons: list[QPushButton] = []
        self.consent_email = QCheckBox(self.tr("E-mail follow-up allowed (Ctrl+E)"), self)
        self.consent_phone = QCheckBox(self.tr("Phone follow-up allowed (Ctrl+P)"), self)
        for box in (self.consent_email, self.consent_phone):
            box.setFocusPolicy(Qt.FocusPolicy.NoFocus)
            box.toggled.connect(self._show_wording)
        self.wording = QLabel(self)
        self.wording.setObjectName("consent_wording")
        self.wording.setWordWrap(True)
        self.badge_label = QLabel(self)
        self.badge_label.setObjectName("badge_label")
        layout = QVBoxLayout(self)
        layout.addLayout(grid)
        # beside their labels like the fields (not under them): a 768-pixel screen has room
        rating_label = QLabel(self.tr("Rating"), self)
        rating_label.setObjectName("section_label")
        grid.addWidget(rating_label, len(FIELDS), 0)
        grid.addLayout(self.grades_row, len(FIELDS), 1)
        chips_label = QLabel(self.tr("Interested in"), self)
        chips_label.setObjectName("section_label")
        grid.addWidget(chips_label, len(FIELDS) + 1, 0, Qt.AlignmentFlag.AlignTop)
        grid.addLayout(self.chips_row, len(FIELDS) + 1, 1)
        consent_row = QHBoxLayout()
        consent_row.addWidget(self.consent_email)
        consent_row.addWidget(self.consent_phone)
        consent_row.addStretch(1)
        layout.addLayout(consent_row)
        layout.addWidget(self.wording)
        layout.addWidget(self.badge_label)

    # --- the event's rating scale and chips ---------------------------------------------

    def set_event(self, event: Event, our_company: str) -> None:
        self.trade_show = event
        self.our_company = our_company
        _empty(self.grades_row)
        _empty(self.chips_row)
        self.grade_buttons, self.chip_buttons = {}, []
        for key, grade in zip(GRADE_KEYS, event.grades, strict=False):
            button = self._toggle(f"{key}  {grade_label(grade)}", f"grade_{grade.key}")
            button.clicked.connect(lambda _c=False, g=grade.key: self.set_grade(g))
            self.grades_row.addWidget(button)
            self.grade_buttons[grade.key] = button
        self.grades_row.addStretch(1)
        for index, (key, chip) in enumerate(zip(CHIP_KEYS, event.chips, strict=False)):
            button = self._toggle(f"{key}  {chip}", f"chip_{index}")
            button.setProperty("chip", chip)
            self.chips_row.addWidget(button, index // CHIPS_PER_ROW, index % CHIPS_PER_ROW)
            self.chip_buttons.append(button)
        if not event.chips:
            self.chips_row.addWidget(QLabel(self.tr("(this event has no chips)"), self), 0, 0)
        self.chips_row.setColumnStretch(CHIPS_PER_ROW, 1)
        self.set_grade("")
        self._show_wording()

    def _toggle(self, text: str, name: str) -> QPushButton:
        button = QPushButton(text, self)
        button.setObjectName(name)
        button.setCheckable(True)
        button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # Tab goes from field to field only
        return button

    def set_grade(self, key: str) -> None:
        self.grade = "" if key == self.grade else key
        for grade_key, button in self.grade_buttons.items():
            button.setChecked(grade_key == self.grade)

    def press_grade(self, index: int) -> None:
        keys = list(self.grade_buttons)
        if index < len(keys):
            self.set_grade(keys[index])

    def toggle_chip(self, index: int) -> None:
        if index < len(self.chip_buttons):
            self.chip_buttons[index].toggle()

    def chips(self) -> tuple[str, ...]:
        return tuple(str(b.property("chip")) for b in self.chip_buttons if b.isChecked())

    def set_chips(self, chips: set[str]) -> None:
        folded = {c.casefold() for c in chips}
        for button in self.chip_buttons:
            button.setChecked(str(button.property("chip")).casefold() in folded)

    # --- consent ---------------------------------------------------------------------------

    def consent(self) -> frozenset[ConsentChannel]:
        chosen = set()
        if self.consent_email.isChecked():
            chosen.add(ConsentChannel.EMAIL)
        if self.consent_phone.isChecked():
            chosen.add(ConsentChannel.PHONE)
        return frozenset(chosen)

    def consent_wording(self) -> str:
        name = self.trade_show.name if self.trade_show else ""
        return consent_text(self.our_company, set(self.consent()), name)

    def _show_wording(self, *args: object) -> None:
        if self.consent():
            self.wording.setText("“" + self.consent_wording() + "”")
        else:
            self.wording.setText(self.tr("Ask for consent: tick what the visitor agrees to."))

    # --- values ------------------------------------------------------------------------------

    def text(self, name: str) -> str:
        return " ".join(self.fields[name].text().split())

    def is_empty(self) -> bool:
        return not any(self.text(n) for n in FIELDS) and not self.badge_id and not self.grade

    def clear(self) -> None:
        for edit in self.fields.values():
            edit.clear()
        self.set_grade("")
        self.set_chips(set())
        self.consent_email.setChecked(False)
        self.consent_phone.setChecked(False)
        self.set_badge("")
        self.fields["first_name"].setFocus()

    def set_badge(self, badge: str) -> None:
        self.badge_id = badge
        self.badge_label.setText(self.tr("Badge: %1").replace("%1", badge) if badge else "")

    def fill(self, scan: BadgeScan) -> None:
        """Put a scan into the fields (replacing what they held)."""
        values = {
            "first_name": scan.first_name,
            "last_name": scan.last_name,
            "company": scan.company,
            "title": scan.title,
            "email": scan.emails[0] if scan.emails else "",
            "phone": scan.phones[0] if scan.phones else "",
        }
        for name, value in values.items():
            self.fields[name].setText(value)
        if scan.note and not self.text("note"):
            self.fields["note"].setText(" ".join(scan.note.split()))
        self.set_badge(scan.badge_id)
        # after a badge id alone the rep types the name (if the visitor tells it)
        empty = next((n for n in FIELDS if not self.text(n)), "note")
        self.fields[empty].setFocus()
        self.edited.emit()

    def eventFilter(self, watched, event):  # type: ignore[no-untyped-def]  # noqa: N802
        from PySide6.QtCore import QEvent

        if event.type() == QEvent.Type.ShortcutOverride and event.matches(
            QKeySequence.StandardKey.Undo
        ):
            return True  # Ctrl+Z undoes the last capture (the window's), not the field's typing
        if event.type() == QEvent.Type.KeyPress and watched in self.fields.values():
            if event.key() == Qt.Key.Key_Up:
                self.moved_up.emit()
                return True
            if event.key() == Qt.Key.Key_Down:
                self.moved_down.emit()
                return True
        return super().eventFilter(watched, event)
